// The intent a change's text states, written down as evidence.
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { mentions } from './envnames.js';
import type { Findings } from './findings.js';
import { readIntent, type Intent } from './intent.js';
import { intentText, ticketsIn, type LoggedCommit, type Message } from './log.js';
import { speaksOfFreeze } from './notes.js';
import { day, daysBetween, describeMessage, list, short } from './words.js';
import { readDeadline, spanFrom } from './deadline.js';
import { foreignDeadline } from './languages.js';
import { durationOf } from './written-values.js';
import { fromNow } from './own-length.js';
import { keyWords } from './held.js';
import { conditionWords, specificWords } from './conditions.js';
import { regex, escapeRegExp } from './pattern.js';
import { logTexts, wordsOf } from './texts.js';
import { reappliedSubject } from './reapplied.js';
import { wordsOfKey } from '../parse/key-words.js';
import { quoteOf } from './passage.js';
import { sentenceEnds } from './sentence-end.js';
import { endMovedInDocument, EXTENDS } from './moved-in-document.js';
import { citedRecords, type CitedRecord } from './cited-record.js';
import { declaredWith } from './declared-with.js';

export function recordIntent(env: EnvName, event: HistoryEvent, intent: Intent, f: Findings): void {
  const c = short(event.commit);
  const quote = `"${event.subject}"`;
  // A scope, time limit or rollout another commit stated (`intentOfChange`) is that commit's word:
  // "for 279 days" is credited to the text that says it, never to the change it was lent to.
  const by = intent.statedBy ?? { sha: event.commit, subject: event.subject };
  const [s, said] = [short(by.sha), `"${by.subject}"`];
  if (intent.scope?.kind === 'env-only') f.add('intent', `${s} limits the change to one environment ("${intent.scope.phrase}"): ${said}`, by.sha);
  if (intent.scope?.kind === 'test')
    f.add('intent', `${s} made the change for a test or a one-off ("${intent.scope.phrase}"), not as a setting for every environment: ${said}`, by.sha);
  if (intent.temporary) {
    const until = intent.temporary.until ? ` until ${intent.temporary.until}` : intent.temporary.event ? ` until ${intent.temporary.event}` : '';
    // The passage that says so, not the one word it was read from ("Temporary").
    f.add('intent', `${s} says the change is temporary${quoteOf(intent.temporary, by.subject)}${until}: ${said}`, by.sha);
  }
  if (intent.rollout) {
    f.add(
      'intent',
      `${s} is a step of a rollout ("${intent.rollout.phrase}")${intent.rollout.next.length ? `, with ${list(intent.rollout.next)} to follow` : ''}: ${said}`,
      by.sha,
    );
  }
  if (intent.incident)
    f.add(
      'intent',
      `${c} cites ${/\d/.test(intent.incident) ? `incident ${intent.incident}` : withArticle(intent.incident.toLowerCase())}: it was a deliberate fix, not a routine change`,
      event.commit,
    );
  if (intent.typo) f.add('intent', `${c} corrects a mistake ("${intent.typo}"): ${quote}`, event.commit);
  if (intent.everywhere) f.add('intent', `${c} says the value is meant for every environment ("${intent.everywhere}"): ${quote}`, event.commit);
  if (reappliedSubject(event.subject))
    f.add('intent', `${c} is a reapply: it takes a revert back, and ${env} has the reverted change's value again`, event.commit);
  else if (event.revert || intent.revert) f.add('intent', `${c} is a revert: ${env}'s value returned to one it held before`, event.commit);
}

/** A deadline that falls before the change it is said to limit is no deadline of that change (a
 * date the text cites for something else: an outage, the day two environments last agreed): the
 * text's time limit stays, without that end. */
function withoutPastEnd(intent: Intent, event: HistoryEvent, f: Findings): Intent {
  const until = intent.temporary?.until;
  if (!until || until >= event.date.slice(0, 10)) return intent;
  f.add(
    'intent',
    `${short(event.commit)} names ${until} beside a time limit, a day before the change itself (${day(event.date)}): it is no end of this change`,
    event.commit,
  );
  const { until: _until, ...temporary } = intent.temporary!;
  return { ...intent, temporary };
}

/** A test whose commit also declared the difference with an expiry (declared-with.ts): the expiry is the
 * test's end, whether or not the message gave one (or could be read). A declaration whose reason states no
 * test (a region's own setting with a review date, a measure waiting for an event) keeps its expiry as a
 * review or an estimate, not an end of the value. */
function withDeclaredEnd(intent: Intent, event: HistoryEvent, key: string, env: EnvName, context: VerdictContext, f: Findings): Intent {
  if (intent.temporary?.until) return intent;
  const declared = declaredWith(event, key, context);
  if (!declared || declared.expires < event.date.slice(0, 10)) return intent;
  const reason = readIntent({ subject: declared.reason, body: '', author: '', email: '', date: event.date }, env, context.environments);
  // A temporary measure's reason may wait for an event in words no reader dates ("until provider A fixes
  // the route"): only a test, whose span is the test's, ends on the date the change declared.
  const scope = intent.scope ?? reason.scope;
  if (scope?.kind !== 'test' || intent.temporary?.event) return intent;
  f.add(
    'contract',
    `${short(event.commit)} declared the difference in the contract with the change ("${declared.reason}"), until ${declared.expires}: the change's own end`,
    event.commit,
  );
  const phrase = `expires: ${declared.expires}`;
  return { ...intent, scope, temporary: { ...(intent.temporary ?? { phrase }), until: declared.expires } };
}

/** "staging only (freeze)": the restriction is the freeze's, and lasts as long as the freeze;
 * whether a freeze is in force is read from the log (notes.ts), not from this one message. */
function withoutFreeze(intent: Intent, text: { subject: string; body: string }, event: HistoryEvent, f: Findings): Intent {
  if (intent.scope?.kind !== 'env-only' || !speaksOfFreeze(`${text.subject}\n${text.body}`)) return intent;
  f.add(
    'intent',
    `${short(event.commit)} limits the change to one environment because of a freeze ("${intent.scope.phrase}"): it holds while the freeze does`,
    event.commit,
  );
  const { scope: _scope, ...rest } = intent;
  return rest;
}

// The words of going back, in the languages languages.ts reads ("zurück auf", "terug naar", "vuelve a",
// "remis à", "torna a", "wracamy do", "обратно на", "geri al", "元に戻す", "改回", "되돌려"): a time limit
// read from one of them is a plan to go back, unless the value it goes back to is this change's own.
const RETURN_WORDS = regex(
  'iu',
  String.raw`back|zurück|terug|vuelv\p{L}*|volv\p{L}*|reven\p{L}*|remis\p{L}*|remett\p{L}*|retour|torn\p{L}*|ripristin\p{L}*|`,
  String.raw`riport\p{L}*|volt\p{L}*|wrac\p{L}*|wróc\p{L}*|powrót|przywr\p{L}*|верн\p{L}*|обратно|возвра\p{L}*|geri|戻|恢复|改回|되돌|원복`,
);

/** "acc: partner timeout terug naar 30s", "zurück auf 30s", "vuelve a 30s": a going back whose value
 * is the one this very change sets says what the change did (it returned), not that it will end.
 * Read as a time limit, it made the return a temporary hack to undo, and the environment's own
 * reason was lost. Only a plain return: one with an end ("zurück auf 30s bis zum Sandbox-Fix") keeps it. */
function withoutOwnReturn(intent: Intent, text: { subject: string; body: string }, event: HistoryEvent, f: Findings): Intent {
  const temporary = intent.temporary;
  if (!temporary || temporary.until || temporary.event || event.to === null || !RETURN_WORDS.test(temporary.phrase)) return intent;
  const written = `${text.subject}\n${text.body}`;
  const at = written.toLowerCase().indexOf(temporary.phrase.toLowerCase());
  if (at < 0) return intent;
  const value = new RegExp(`(?<![\\p{L}\\p{N}.])${escapeRegExp(event.to)}(?![\\p{N}]|\\.\\p{N})`, 'iu');
  // The value after the words ("terug naar 30s") or, where the verb comes last, before them ("30秒に戻す").
  const after = written.slice(at + temporary.phrase.length, at + temporary.phrase.length + 24).split('\n')[0]!;
  const before = written
    .slice(Math.max(0, at - 16), at)
    .split('\n')
    .at(-1)!;
  if (!value.test(after) && !value.test(before)) return intent;
  f.add(
    'intent',
    `${short(event.commit)} goes back ("${temporary.phrase}") to the value it sets, "${event.to}": it says what the change did, not that the change is temporary`,
    event.commit,
  );
  const { temporary: _temporary, ...rest } = intent;
  return rest;
}

// A key that names a length it keeps: `logRetentionDays`, `cache.ttl`, `token_lifetime`, `session.maxAge`.
const LENGTH_KEY = /^(?:retention|retain|ttl|lifetime|lifespan|expiry|expires|expire|expiration|age|maxage|window|interval|validity)$/;

/** "staging: audit logs for 14 days" on `audit.retentionDays: 14`: a span that is the value the change
 * sets, or that a key naming a length (retention, ttl, lifetime, expiry, age, window, interval)
 * holds, is the setting's own length, not a time limit on the change (own-length.ts reads the words
 * of a length in the text; this reads the key and the value). A span that differs from a value that
 * is a length ("retention 90 days for 2 weeks during the audit") stays a time limit, as does one
 * counted from now ("for the next 14 days"). The text is read again without it: another time limit
 * in it still stands. */
function withoutValueSpan(
  intent: Intent,
  text: Parameters<typeof readIntent>[0],
  event: HistoryEvent,
  key: string | undefined,
  env: EnvName,
  context: VerdictContext,
  f: Findings,
): Intent {
  const temporary = intent.temporary;
  if (!temporary || !key || event.to === null) return intent;
  const phrase = temporary.phrase;
  if (fromNow(phrase)) return intent;
  const end = spanFrom(phrase, event.date) ?? foreignDeadline(phrase, event.date);
  if (!end) return intent;
  const days = daysBetween(event.date, end);
  const count = /\d+/.exec(phrase)?.[0];
  const duration = durationOf(event.to, key);
  const bare = /^\d+(?:\.\d+)?$/.test(event.to.trim());
  const equal = duration !== undefined ? duration === days * 86_400e3 : bare && count !== undefined && Number(count) === Number(event.to);
  const namesLength = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .some((w) => LENGTH_KEY.test(w.toLowerCase()));
  if (!equal && !(namesLength && duration === undefined && !bare)) return intent;
  const drop = (t: string) => t.split(phrase).join(' ');
  const again = readIntent({ ...text, subject: drop(text.subject), body: drop(text.body) }, env, context.environments);
  f.add(
    'intent',
    `${short(event.commit)} gives a span ("${phrase}") that is ${equal ? `the value it sets, "${event.to}"` : `the length ${key} keeps`}: the setting's own length, not a time limit on the change`,
    event.commit,
  );
  const { temporary: _temporary, ...rest } = intent;
  return again.temporary ? { ...rest, temporary: again.temporary } : rest;
}

/** "staging first", "erst Staging", "najpierw staging": the text names the first step and not who
 * follows; the environments after this one in the promotion order do, as they would in "staging
 * first, then prod". */
function withFollowers(intent: Intent, env: EnvName, context: VerdictContext): Intent {
  const rollout = intent.rollout;
  if (!rollout?.leads || rollout.next.length > 0) return intent;
  const at = context.promotion.indexOf(env);
  if (at < 0) return intent;
  return { ...intent, rollout: { ...rollout, next: context.promotion.slice(at + 1) } };
}

/** What moved the change: a scope, a time limit, a rollout. Later steps without one of these
 * carry on the purpose an earlier step stated. */
const states = (i: Intent) => !!(i.scope || i.temporary || i.rollout || i.hold || i.everywhere || i.typo || i.ended || i.revert);

// The words that give an end: a limit ("until", "through", "bis", "t/m", "jusqu'au", "hasta", "até",
// "fino al", "do"), an end, expiry or deadline named, a new date.
const GIVES_END = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|through|thru|by|ends?|ending|expires?|deadline|due|new date|runs? to|bis|spätestens|t/m|tot en met|tot|`,
  String.raw`uiterlijk|jusqu['’]?(?:à|au)|hasta|até|fino al?|entro|do dnia|termina\p{L}*|endet|eindigt|kończy)(?![\p{L}])`,
);

/** A later commit that moves the change's own end: one citing its ticket that states another end
 * ("FIN-902: keep it until Jan 31"), or — with no ticket shared — one about the same environment
 * and the same thing (two words of the change's text, or one identifier such as "k8s-eu2") that
 * says it extends or postpones ("Extend staging recompute pause" / "Pause prolongée jusqu'au
 * 20/12"). The change's time limit is what the newest such word says, not what it said first. */
function movedDeadline(event: HistoryEvent, env: EnvName, intent: Intent, context: VerdictContext, f: Findings): Intent {
  const temporary = intent.temporary;
  const log = context.log;
  const own = log?.messages.get(event.commit);
  if (!temporary?.until || !log || !own) return intent;
  const ownText = `${event.subject}\n${event.body}`;
  const ownTickets = ticketsIn(ownText);
  const later = new Map<string, { m: Message & { order: number }; link: string }>();
  for (const ticket of ownTickets) {
    for (const sha of log.byTicket.get(ticket) ?? []) {
      const m = log.messages.get(sha);
      if (!m || sha === event.commit || m.order >= own.order) continue;
      if (context.today && m.date.slice(0, 10) > context.today) continue;
      const tickets = (logTexts(log).bySha.get(sha)?.tickets ?? ticketsIn(`${m.subject}\n${m.body}`)).filter((t) => ownTickets.includes(t));
      later.set(sha, { m, link: `cites ${list(tickets)} of` });
    }
  }
  const ownWords = conditionWords([ownText], context.environments);
  for (const { note: m, text, day: written } of logTexts(log).all) {
    if (m.order >= own.order) break;
    if (later.has(m.sha) || (context.today && written > context.today)) continue;
    if (!EXTENDS.test(text) || !mentions(text, env)) continue;
    const theirs = new Set(conditionWords([text], context.environments));
    const shared = ownWords.filter((w) => theirs.has(w));
    if (shared.length >= 2 || specificWords(shared).length > 0)
      later.set(m.sha, { m, link: `speaks of the same ${env} ${list(shared.map((w) => `"${w}"`))} as` });
  }
  // Newest first: the latest word on the end decides.
  for (const { m, link } of [...later.values()].sort((a, b) => a.m.order - b.m.order)) {
    // A date in a text on the same ticket moves the end only where the text gives an end: "BIL-412:
    // keep it until Jan 31", "pilot extended to 12/20" do; "feedback pilot week 2 collected", "review
    // on 2026-12-03" tell of the run, not its end.
    if (!EXTENDS.test(`${m.subject}\n${m.body}`) && !GIVES_END.test(`${m.subject}\n${m.body}`)) continue;
    const until = readDeadline(`${m.subject}\n${m.body}`, m.date).date;
    if (!until || until === temporary.until) continue;
    f.add('intent', `${describeMessage(m)} ${link} ${short(event.commit)} and moves its end from ${temporary.until} to ${until}`, m.sha);
    return { ...intent, temporary: { ...temporary, until } };
  }
  const moved = endMovedInDocument(ownText, env, temporary.until, own.order, log, context.environments, context.today);
  if (!moved) return intent;
  f.add(
    'intent',
    `${moved.path}, committed in ${describeMessage(moved.written)}, speaks of the same ${env} ${list(moved.shared.map((w) => `"${w}"`))} as ${short(event.commit)} ` +
      `and moves its end from ${temporary.until} to ${moved.until}: "${moved.quote}"`,
    moved.written.sha,
  );
  return { ...intent, temporary: { ...temporary, until: moved.until } };
}

const BULLET = /^\s*(?:[-*•+]|\d+[.)])\s+/;
// An item about something else: housekeeping, another file, another key.
const CHORE = /\b(?:readme|changelog|docs?|lint|fmt|format(?:ting)?|wip|review|merge branch|tests?|ci|typos? in (?:the )?(?:comment|docs?|readme))\b/i;
const OTHER_FILE = /(?<![\w-])[\w-]+\.(?:md|txt|rst|ya?ml|json|toml|ts|js|py|go|rb|sh|tf)\b/i;
const OTHER_KEY = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g;

/** A squash's list of unrelated items ("* fix typo in readme", "* bump swr to 120"): each item is
 * its own claim, so only the title, the prose and the items that name the key speak for its change. */
export function aboutKey<T extends { subject: string; body: string }>(text: T, key: string, siblings: readonly string[] = []): T {
  const ownSentences = clausesAbout(text, key, siblings);
  return ownSentences === text ? listAbout(text, key, siblings) : listAbout(ownSentences, key, siblings);
}

// A sentence of the body's prose: it ends with a full stop, "!" or "?" before a space or the paragraph's end.
const SENTENCE_END = sentenceEnds(/(?<=[.!?])\s+(?=\S)/u);
// A paragraph that is a list or trailers ("Refs: PAY-1", "Rollout: stage -> production") keeps its lines.
const LISTED = /^[ \t]*(?:[-*•+]|\d+[.)])[ \t]|^[A-Z][\w-]*:[ \t]/m;

/** One commit, one intent per key: a sentence of the body's prose that names another key the same
 * commit changed, and not this one, is that key's claim ("Also injects 300 ms latency in front of the
 * sandbox (stage-only chaos, stays)" scopes the latency, not the retry fix beside it): it is left out
 * of this key's text. A sentence naming no key, or both, speaks for every key. */
function clausesAbout<T extends { subject: string; body: string }>(text: T, key: string, siblings: readonly string[]): T {
  // (A commit that changed more keys than a message names one by one — a values file created or
  // re-indented — is read whole: a sentence per key there is prose about the commit, and reading every
  // sentence against every key would cost its keys squared.)
  if (siblings.length < 2 || siblings.length > 12 || !/[.!?]\s/u.test(text.body)) return text;
  const others = siblings.filter((k) => k !== key).map((k) => ({ key: k, names: namesOf(k) }));
  const names = namesOf(key);
  const theirs = (s: string) => !namesKeyLoosely(s, key, names) && others.some((o) => namesKeyLoosely(s, o.key, o.names));
  let changed = false;
  const paragraphs = text.body.split(/\n[ \t]*\n/).map((p) => {
    if (LISTED.test(p)) return p;
    const sentences = p
      .split('\n')
      .map((l) => l.trim())
      .join(' ')
      .split(SENTENCE_END)
      .filter((x) => x.trim());
    const kept = sentences.filter((x) => !theirs(x));
    if (kept.length === sentences.length) return p;
    changed = true;
    return kept.join(' ');
  });
  return changed ? { ...text, body: paragraphs.join('\n\n') } : text;
}

/** A squash's list of unrelated items: each item is its own claim (see aboutKey). */
function listAbout<T extends { subject: string; body: string }>(text: T, key: string, siblings: readonly string[]): T {
  const lines = text.body.split('\n');
  const bullets = lines.filter((l) => BULLET.test(l));
  if (bullets.length < 2) return text;
  const leaf =
    key
      .split(/[.[\]]/)
      .filter(Boolean)
      .at(-1) ?? key;
  const names = [key.toLowerCase(), leaf.toLowerCase(), ...keyWords(key)];
  // Items, each with its own time limit or purpose ("- rate limit 50 -> 500 until week 50", "-
  // retries off until 3.12."): an item that names another key the same commit changed, and not
  // this one, is that key's claim, and its end is not this key's. An item naming no key ("this is
  // all for perf week only") speaks for every item. Names are compared as written in prose
  // ("Partner-Ratelimit" for `rateLimit.partners.rps`, "Webhook-Retries" for `webhooks.maxRetries`).
  const others = siblings.filter((k) => k !== key).map((k) => ({ key: k, names: namesOf(k) }));
  const theirs = (l: string) => !namesKeyLoosely(l, key, names) && others.some((o) => namesKeyLoosely(l, o.key, o.names));
  if (others.length > 0 && bullets.some((l) => namesKeyLoosely(l, key, names)) && bullets.some(theirs)) {
    return { ...text, body: lines.filter((l) => !BULLET.test(l) || !theirs(l)).join('\n') };
  }
  if (bullets.length < 3) return text;
  const elsewhere = (l: string) => CHORE.test(l) || OTHER_FILE.test(l) || [...l.matchAll(OTHER_KEY)].some((m) => m[0] !== key);
  const kept = lines.filter((l) => !BULLET.test(l) || names.some((w) => l.toLowerCase().includes(w)) || !elsewhere(l));
  return { ...text, body: kept.join('\n') };
}

function namesOf(key: string): string[] {
  const leaf =
    key
      .split(/[.[\]]/)
      .filter(Boolean)
      .at(-1) ?? key;
  return [key.toLowerCase(), leaf.toLowerCase(), ...keyWords(key)];
}

/** An item names the key: by its name, its leaf or its words, or by one of its path's segments
 * (or a word of them, singular or plural) written with other separators or none. */
function namesKeyLoosely(line: string, key: string, names: string[]): boolean {
  const lower = line.toLowerCase();
  if (names.some((w) => lower.includes(w))) return true;
  const squeezed = lower.replace(/[^\p{L}\p{N}]+/gu, '');
  const segments = key
    .split(/[.[\]=/]/)
    .flatMap((s) => [s, ...wordsOfKey(s)])
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter((s) => s.length >= 5 && !/^\d+$/.test(s));
  return segments.some((s) => squeezed.includes(s) || (s.endsWith('s') && squeezed.includes(s.slice(0, -1))));
}

/** Later commits that cite a ticket of `event` and change no value, oldest first (at most 3). */
function followUps(event: HistoryEvent, context: VerdictContext): Message[] {
  const log = context.log;
  if (!log) return [];
  const own = log.messages.get(event.commit);
  const out: Array<Message & { order: number }> = [];
  for (const ticket of ticketsIn(`${event.subject}\n${event.body}`)) {
    for (const sha of log.byTicket.get(ticket) ?? []) {
      const m = log.messages.get(sha);
      if (!m || sha === event.commit || (log.commits.get(sha)?.changes.length ?? 0) > 0) continue;
      if (own && m.order >= own.order) continue;
      if (context.today && m.date.slice(0, 10) > context.today) continue;
      if (!out.some((x) => x.sha === sha)) out.push(m);
    }
  }
  return out.sort((a, b) => b.order - a.order).slice(0, 3);
}

/** The other key a commit's text is about, where the commit changed this key too and every
 * sentence of its text (subject, body, the merge that brought it) speaks of another key it changed
 * and none of this one: "Bump timeout in staging for slow upstream (INC-12)" changing
 * `env.TIMEOUT_MS` and `env.FEATURE_X` speaks for the timeout; the flag was swept along, with no
 * word of its own. A sentence naming no key ("this is all for perf week only", a squash's title)
 * speaks for every key the commit changed, as `aboutKey` reads it. Not for a commit of many keys (a
 * values file created or re-indented: its text is about the commit). */
function sweptBy(
  text: { subject: string; body: string },
  key: string,
  value: string | null,
  siblings: readonly string[],
  statesOwn: (sentence: string) => boolean,
): string | undefined {
  if (siblings.length < 2 || siblings.length > 12) return undefined;
  const body = text.body
    .split('\n')
    .filter((line) => !TRAILER_LINE.test(line))
    .join('\n');
  const sentences = `${text.subject}\n${body}`
    .split(/\n+|(?<=[.!?;])\s+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const names = namesOf(key);
  // A sentence names the change by the value it sets as well ("5.3.1 preprod, heap 3g" is the
  // image's), or by a short word of its name ("Purge the CDN on deploy" is about `CDN_ZONE_ID` too):
  // a sweep takes the text's word away from a key, so only a text silent on the key is one.
  const words = shortWords(key);
  const own = (x: string) =>
    namesKeyLoosely(x, key, names) || (value !== null && namesValue(x, value)) || (words.length > 0 && words.some((w) => wordsOf(x).has(w)));
  if (sentences.length === 0 || sentences.some(own)) return undefined;
  const others = siblings.filter((k) => k !== key).map((k) => ({ key: k, names: namesOf(k) }));
  let about: string | undefined;
  for (const sentence of sentences) {
    const other = others.find((o) => namesKeyLoosely(sentence, o.key, o.names));
    // A sentence naming no key that states a purpose ("all of this is for perf week only") speaks
    // for every key; one that states none ("the partner answers in 6-7s at peak") explains the
    // key the text is about.
    if (!other && statesOwn(sentence)) return undefined;
    about ??= other?.key;
  }
  return about;
}

/** A sentence states a purpose of its own: a scope, a time limit, a rollout, an incident, a claim. */
function statesIntent(sentence: string, event: HistoryEvent, env: EnvName, environments: EnvName[]): boolean {
  const i = readIntent({ subject: sentence, body: '', author: event.author, email: event.email, date: event.date }, env, environments);
  return states(i) || !!(i.incident || i.security || i.pinned);
}
// Words of a key's path that name nothing in particular.
const GENERIC_WORDS = new Set(['env', 'envs', 'config', 'value', 'values', 'app', 'key', 'keys', 'data', 'spec', 'the', 'and', 'for', 'max', 'min']);

/** The words of a key's path of three letters or more (`CDN_ZONE_ID`: cdn, zone; `env.FEATURE_X`: feature). */
function shortWords(key: string): string[] {
  return wordsOfKey(key)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3 && !GENERIC_WORDS.has(w) && !/^\d+$/.test(w));
}

// Values too common to name a change: a flag's word, one digit.
const PLAIN_VALUE = /^(?:true|false|yes|no|on|off|enabled?|disabled?|null|none|\d)$/i;

/** The text holds the value whole (not inside a longer word or number), where it is one a
 * sentence would name a change by. */
function namesValue(text: string, value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || PLAIN_VALUE.test(v)) return false;
  const word = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + 1)) {
    if (!word.test(text[at - 1] ?? '') && !word.test(text[at + v.length] ?? '')) return true;
  }
  return false;
}

// A body's trailer ("Co-authored-by: …", "Signed-off-by: …", "Change-Id: …") says who or which, not why.
const TRAILER_LINE = /^[A-Z][a-z]+(?:-[A-Za-z]+)+: \S/;

/** The keys a commit changed, each once, made once per commit: every divergence asks for the
 * commit of its change, and a commit that created or re-indented a whole values file changed
 * thousands (the bench's Helm corpus: ~3 s of a first scan building the same list again). The
 * commit is still looked up in the log by every verdict (what it read is recorded there). */
const siblingKeys = new WeakMap<LoggedCommit, readonly string[]>();
export function siblingsOf(commit: LoggedCommit | undefined): readonly string[] {
  if (!commit) return [];
  let keys = siblingKeys.get(commit);
  if (!keys) siblingKeys.set(commit, (keys = [...new Set(commit.changes.map((c) => c.key))]));
  return keys;
}

/** The intent of `event` (a change of `env`'s value) as a senior engineer reads it: its own
 * message and the pull request or merge that brought it in; where those state no purpose, the
 * purpose stated by an earlier step of the same change (`chain`, newest first, since the
 * environments last agreed), or by a commit that names the key without changing it (`notes`). */
export function intentOfChange(
  event: HistoryEvent,
  env: EnvName,
  context: VerdictContext,
  f: Findings,
  chain: HistoryEvent[] = [],
  notes: Message[] = [],
  key?: string,
): Intent {
  const siblings = siblingsOf(context.log?.commits.get(event.commit));
  const whole = intentText(event, context.log);
  const sweep = key ? sweptBy(whole, key, event.to, siblings, (x) => statesIntent(x, event, env, context.environments)) : undefined;
  const text = key ? aboutKey(whole, key, siblings) : whole;
  const read = readIntent(text, env, context.environments);
  // Swept into another key's commit: its scope, time limit, incident or plan are that key's; who
  // wrote it (a bot) and whether it says anything at all still hold.
  const stated: Intent = sweep ? { names: [], bare: read.bare, bot: read.bot, swept: { key: sweep, own: key! } } : read;
  const read0 = withFollowers(
    withoutPastEnd(
      movedDeadline(
        event,
        env,
        withoutValueSpan(withoutOwnReturn(withoutFreeze(stated, text, event, f), text, event, f), text, event, key, env, context, f),
        context,
        f,
      ),
      event,
      f,
    ),
    env,
    context,
  );
  const intent = sweep || !key ? read0 : withDeclaredEnd(read0, event, key, env, context, f);
  if (text.via.length > 0) {
    const merge = context.log!.messages.get(text.via[0]!)!;
    f.add(
      'intent',
      `${short(event.commit)} came in through merge ${short(merge.sha)} ("${merge.subject}"): the merge's message is read as its intent`,
      merge.sha,
    );
  }
  if (states(intent)) return intent;
  const earlier = chain.filter((e) => e.commit !== event.commit).slice(0, 5);
  const since = event.date.slice(0, 10);
  const sources: Array<{ sha: string; what: string; intent: Intent }> = [
    ...earlier.map((e) => {
      const t = intentText(e, context.log);
      return {
        sha: e.commit,
        what: `an earlier step of the same change in ${env}, "${e.subject}"`,
        intent: withoutFreeze(readIntent(t, env, context.environments), t, e, f),
      };
    }),
    // Later commits citing the same ticket that change no value: the follow-up ("verified on
    // staging, prod gets it with the next release").
    ...(sweep ? [] : followUps(event, context)).map((n) => ({
      sha: n.sha,
      what: `a later commit citing the same ticket, "${n.subject}"`,
      intent: readIntent(n, env, context.environments),
    })),
    ...notes
      .filter((n) => {
        const named = context.environments.filter((e) => mentions(`${n.subject}\n${n.body}`, e));
        return named.length === 0 || named.includes(env);
      })
      .map((n) => ({ sha: n.sha, what: `a commit that names the key without changing it, "${n.subject}"`, intent: readIntent(n, env, context.environments) })),
    // The record the change cites by its id and carries out (cited-record.ts): an end it states is the
    // change's own; among its passages, one that dates the end is read first.
    ...(sweep || !key ? [] : byDatedEnd(citedRecords(event, key, context.log, context.today), env, context.environments)),
  ];
  for (const s of sources) {
    const { scope, rollout, hold } = s.intent;
    // A time limit whose end came before the change is another change's (an earlier step's, a
    // note about an earlier state): it limits nothing this change did.
    const temporary = s.intent.temporary?.until && s.intent.temporary.until < since ? undefined : s.intent.temporary;
    if (!scope && !temporary && !rollout && !hold) continue;
    f.add('intent', `${short(s.sha)} is ${s.what}: it states the purpose the latest change does not`, s.sha);
    // What it states is credited to it, not to the change (`recordIntent`).
    const subject = context.log?.messages.get(s.sha)?.subject ?? chain.find((e) => e.commit === s.sha)?.subject ?? '';
    return {
      ...intent,
      ...(scope ? { scope } : {}),
      ...(temporary ? { temporary } : {}),
      ...(rollout ? { rollout } : {}),
      ...(hold ? { hold } : {}),
      statedBy: { sha: s.sha, subject },
    };
  }
  return intent;
}

/** The cited record's passages as intent sources, those whose time limit has a date first. */
function byDatedEnd(records: CitedRecord[], env: EnvName, environments: EnvName[]): Array<{ sha: string; what: string; intent: Intent }> {
  // Its scope to one environment and its end, no more: a test, a rollout or a hold it tells of is the record's story.
  // A passage that names other environments and not this one gives their terms ("- staging and qa: within 7
  // days" is their deadline to take the measure, never the end of production's).
  const own = records.filter((r) => {
    const named = environments.filter((e) => mentions(r.text.subject, e));
    return named.length === 0 || named.includes(env);
  });
  const read = own.map((r) => {
    const { scope, temporary, ...rest } = readIntent(r.text, env, environments);
    const intent: Intent = { ...rest, ...(scope?.kind === 'env-only' ? { scope } : {}), ...(temporary ? { temporary } : {}) };
    delete intent.rollout;
    delete intent.hold;
    return { sha: r.sha, what: `the record it cites by its id (${r.ticket}), ${r.where}`, intent };
  });
  return [...read.filter((r) => r.intent.temporary?.until), ...read.filter((r) => !r.intent.temporary?.until)];
}

/** "an incident", "an outage", "a hotfix": the article as the word is said (by its first letter). */
const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
