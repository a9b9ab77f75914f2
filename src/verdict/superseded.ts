// Two ways a person's later or fuller word outranks the rule that would move a value:
// - a contract violation made by a deliberate, explained change (a ticket, a stated reason, a later
//   document that backs the value) says the CONTRACT is stale: it is declared, never confidently
//   moved back. An unexplained change ("bump prod log level") still goes back.
// - a plan a commit stated ("in staging, then everywhere") that a later committed text withdraws
//   ("we are NOT raising it after all", "roll back staging's trial", "50 stays everywhere") is over:
//   nothing is moved forward on it; the environment that went ahead goes back, at most 0.5 sure.
import type { Divergence, EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Findings } from './findings.js';
import type { Partial } from './difference.js';
import { documentIndex, namesOtherKey, namesValue, judgesUndo } from './documents.js';
import { ticketsIn, type Message } from './log.js';
import { keyName } from './readers.js';
import { readIntent, withdrawalIn } from './intent.js';
import { approvedIn, conditionWords, signedIn } from './conditions.js';
import { contractPathsOf } from './contract-history.js';
import { mentions } from './envnames.js';
import { newestFirst } from './ordering.js';
import { rejectedIn } from './status.js';
import { pendingFor } from './pending.js';
import { followsAfter } from './held.js';
import { regex, escapeRegExp } from './pattern.js';
import { foreignSays } from './languages.js';
import { decisionHeading, switchValue, turnsSwitch } from './documented.js';
import { isContingency, withoutContingencies } from './contingency.js';
import { logTexts } from './texts.js';
import { harmReported } from './harm-report.js';
import { cameAlong } from './copied.js';
import { describeMessage, short, shown } from './words.js';

/** A later text: a document's passage or a commit's message, with where it is and when it was written. */
interface LaterText {
  where: string;
  text: string;
  sha: string;
  date: string;
  /** How it names the change: the key, one of its tickets, or only words of its subject. */
  by: 'key' | 'ticket' | 'words';
  /** The status of the document it is in, where that status says nothing is decided yet ("Status: proposed"). */
  open?: string;
}

/** Passages of documents, and messages of commits that changed no value of the key, written after
 * `since` (and not after today) that name the key, one of `tickets`, or at least two of `words`. */
function laterTexts(
  key: string,
  since: string,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  tickets: string[],
  words: string[],
  change?: { from: string | null; to: string | null },
): LaterText[] {
  const log = context.log;
  if (!log) return [];
  const name = keyName(key)?.pattern;
  const at = Date.parse(since);
  const inTime = (m: Message) => Date.parse(m.date) > at && (!context.today || m.date.slice(0, 10) <= context.today);
  const about = (text: string, lower: string, own: readonly string[] | ReadonlySet<string>): LaterText['by'] | undefined => {
    if (name?.test(text)) return 'key';
    const has = (t: string) => (own instanceof Set ? own.has(t) : (own as readonly string[]).includes(t));
    if (tickets.some(has)) return 'ticket';
    return words.filter((w) => lower.includes(w)).length >= 2 ? 'words' : undefined;
  };
  const out: LaterText[] = [];
  // The scan's document index (documents.ts): each document's lower case text and ids once, so a
  // document that cannot be about the change is passed over whole.
  for (const doc of documentIndex(log)) {
    // A record handed on to its successor speaks no more: the successor's passages are read instead.
    if (!inTime(doc.written) || doc.status?.handedOn || !about(doc.text, doc.lower, doc.tickets)) continue;
    // A document whose file name or title cites the change's ticket ("docs/reviews/ML-41-review.md",
    // "# ML-41 review") decides about the change in its decision section ("## Decision", "## 결정"),
    // whether or not each item repeats the ticket. Its other sections (a back-out plan, a checklist)
    // are not read so: they describe, they do not decide.
    const title = doc.text.split('\n').find((l) => l.trim() !== '') ?? '';
    const titled = [...ticketsIn(doc.path.toUpperCase()), ...ticketsIn(title)].some((t) => tickets.includes(t));
    // So does a record of the change itself, one of whose passages gives the key going from the old
    // value to the new ("Change: search.queryTimeoutMs 1500 → 600"): an analysis, a review, a
    // post-mortem of that change, whose decision ("Decision (Ana, Li): put it back") need not repeat the key.
    const recorded = !titled && !!change && doc.passages.some((p) => !!name?.test(p.text) && movesBetween(p.text, change.from, change.to));
    for (const p of doc.passages) {
      const decides = (p.heading && decisionHeading(p.heading)) || decisionLabelled(p.text);
      const by =
        about(p.text, p.lower, p.tickets) ??
        (titled && p.heading && decisionHeading(p.heading) ? ('ticket' as const) : recorded && decides ? ('key' as const) : undefined);
      if (by)
        out.push({
          where: `${doc.path}:${p.line} (written in ${short(doc.written.sha)})`,
          text: p.text.slice(0, 400),
          sha: doc.written.sha,
          date: doc.written.date,
          by,
          ...(doc.status && !doc.status.decided && !doc.status.withdraws ? { open: doc.status.status } : {}),
        });
    }
  }
  const changedBy = new Set(Object.values(history).flatMap((events) => events.map((e) => e.commit)));
  for (const { note: m, text, folded, tickets: cited } of logTexts(log).all) {
    if (changedBy.has(m.sha) || !inTime(m) || (m.parents?.length ?? 0) > 1) continue;
    const by = about(text, folded, cited);
    if (by) out.push({ where: describeMessage(m), text, sha: m.sha, date: m.date, by });
  }
  return out;
}

/** Both values of the change in one passage, each as a number or a word of its own (not part of another). */
function movesBetween(text: string, from: string | null, to: string | null): boolean {
  if (from === null || to === null || from === to) return false;
  const said = (v: string) => new RegExp(`(?<![\\p{L}\\p{N}.,])${escapeRegExp(v)}(?![\\p{L}\\p{N}]|[.,]\\p{N})`, 'u').test(text);
  return said(from) && said(to);
}

/** A passage that opens with its document's decision as a label, who decided aside ("Decision (Ana,
 * Li): …", "Entscheidung: …", "Décision (équipe) : …"). */
function decisionLabelled(text: string): boolean {
  const m = /^[\s*_>#-]{0,6}([^:：\n]{1,60})[:：]/u.exec(text);
  return (
    !!m &&
    decisionHeading(
      m[1]!
        .replace(/\([^)]*\)/g, ' ')
        .replace(/[*_]/g, '')
        .trim(),
    )
  );
}

// An instruction for a situation to come is not a record of this one ("if it breaks, …").
const CONDITIONAL = /^(?:[-*+]|\d+[.)])?\s*(?:if|when|whenever|in case|should|once|falls|wenn|si|cuando)\b/i;

// A stated reason for a change: "because", "due to", "per the audit", "required by", "for
// compliance", "after the audit finding", "so that …", "weil", "porque", "parce que", "perché".
const REASON = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:because|due to|as required|required by|requirement|per (?:the )?\p{L}+|so that|in order to|`,
  String.raw`audit|compliance|regulat\w*|legal|policy|finding|mandated?|weil|da (?:die|der|das)|porque|debido a|parce que|perché|`,
  String.raw`conforme|wegen)(?![\p{L}])`,
);

/** A record titled with the change itself — the key, the value it set and the environment it went to
 * ("# SEC-311 — BCRYPT_ROUNDS=4 στο qa", "# Ticket: pool.size 40 in staging") — is about that change
 * whether or not the change cites it: a ticket exported after the change names what it is about in its
 * title, not in the commit that came before it. */
function titledWith(text: string, key: string, value: string, env: EnvName): boolean {
  const title = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return /^\s*#/.test(title) && !!keyName(key)?.pattern.test(title) && namesValue(title, value) && mentions(title, env);
}

/** A document the change cites as its authority ("(validated, see docs/model-risk/v8-validation.md)",
 * by its path, its file's name or a ticket both name), written after the contract's entry for the key
 * last changed, with a passage that approves the value the change set ("Decision: approved for
 * production", "signed off", "freigegeben") for the environment it went to: a decision newer than the
 * contract's, so the contract is what lags. Not a passage whose approval waits ("once approved"),
 * states a refusal ("v9 approved, v8 rejected"), names only other environments, undoes or withdraws; not a
 * document still proposed or withdrawn. */
function citedApproval(
  d: Divergence,
  change: HistoryEvent,
  value: string,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  tickets: string[],
): LaterText | undefined {
  const log = context.log;
  const offender = d.envs[0];
  if (!log || !offender) return undefined;
  // When the entry was last written: a document older than it was known to whoever wrote the entry.
  const entry = contractPathsOf(d.contract?.key ?? d.key, context.contractHistory).flatMap(([, events]) => events);
  const since = newestFirst(entry)[0]?.date;
  if (!since) return undefined;
  const own = `${change.subject}\n${change.body}`.toLowerCase();
  const others = new Set(Object.values(history).flatMap((events) => events.flatMap((e) => [e.from, e.to])));
  others.delete(value);
  const elsewhere = context.environments.filter((e) => e !== offender);
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (Date.parse(written) <= Date.parse(since) || (context.today && written.slice(0, 10) > context.today)) continue;
    const file = doc.path.split('/').at(-1)!.toLowerCase();
    const named =
      own.includes(doc.path.toLowerCase()) || (file.includes('.') && file.length >= 6 && own.includes(file)) || tickets.some((t) => doc.tickets.has(t));
    const cited = named || titledWith(doc.text, d.key, value, offender);
    if (!cited || doc.status?.withdraws || doc.status?.decided === false || !namesValue(doc.text, value)) continue;
    for (const p of doc.passages) {
      // A back-out plan approves nothing and withdraws nothing: it is what would be done (contingency.ts).
      if (isContingency(p)) continue;
      const about = `${p.heading ?? ''}\n${p.text}`;
      // The passage approves this value: it names it, or (under a heading that may) names none of the others.
      const names = namesValue(about, value) || ![...others].some((o) => o !== null && namesValue(about, o));
      if (!names || CONDITIONAL.test(p.text) || rejectedIn(p.text, written) || judgesUndo(p.text, value) || withdrawal(p.text, change.from)) continue;
      // The clause that approves says for which environment: "v8 approved for staging; production stays on v7".
      // (An agreement's signature is its approval: "Signed on 12 December (CS-5521)", conditions.ts `signedIn`.)
      const clause = p.text.split(/[;\n]|(?<=[.!?])\s+/).find((c) => approvedIn(c) ?? signedIn(c));
      if (!clause || (!mentions(clause, offender) && elsewhere.some((e) => mentions(clause, e)))) continue;
      return {
        where: `${doc.path}:${p.line} (written in ${short(doc.written.sha)}, ${named ? 'cited by' : 'titled with the change of'} ${short(change.commit)})`,
        text: p.text.slice(0, 400),
        sha: doc.written.sha,
        date: written,
        by: 'ticket',
      };
    }
  }
  return undefined;
}

/** A later rule's answer that overrules the kind's own: the suggestion, the advice to say instead,
 * and the question a person should answer. */
export interface Overrule {
  verdict: Partial;
  advice: string;
  question: string;
}

const PREPARED = 2 * 86_400_000;

/** The contract violation's change was deliberate and explained: a later text backs the value it
 * set, or its own message cites a ticket or states a reason. Then the contract is what is stale. */
export function explainedViolation(
  d: Divergence,
  verdict: Partial,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  f: Findings,
): Overrule | undefined {
  const offender = d.envs[0];
  // The kind's rule moved the value back, or asked which side is stale (a change that said nothing):
  // a later text backing the value answers the question too.
  const asked = verdict.suggested === 'declare' && verdict.drifted === null && verdict.deliberate === null && verdict.confidence <= 0.45;
  // A revert the rule itself doubts (0.5: every environment agrees, is the declaration stale?) is a
  // question a backing text answers; a reason in the message alone does not.
  const doubted = verdict.suggested === 'revert' && verdict.drifted === offender && verdict.confidence <= 0.5;
  if (!offender || (!asked && (verdict.suggested !== 'revert' || verdict.drifted !== offender))) return undefined;
  const last = newestFirst(history[offender] ?? [])[0];
  const current = d.values[offender]?.repo ?? null;
  if (!last || current === null || last.to !== current) return undefined;
  const own = `${last.subject}\n${last.body}`;
  // A change its own text makes temporary, a test, a step of a rollout, a fix of a slip or an
  // incident's stopgap is not a standing decision: the kind's own rule and the readers weigh it.
  const intent = readIntent(last, offender, context.environments);
  if (intent.temporary || intent.scope || intent.hold || intent.rollout || intent.typo || intent.revert || intent.ended || intent.incident) return undefined;
  // A later report of harm from the value (an incident note dating failures there after the change)
  // condemns it: nothing that names the value backs it then, and the kind's own rule moves it back.
  const harm = harmReported(d.key, offender, current, last.from, last, context.log, context.today, 'value');
  if (harm) {
    f.add('intent', `no decision for ${offender}'s ${shown(current)}: ${harm.where} reports harm there under it: "${harm.quote}"`, harm.sha);
    return undefined;
  }
  const tickets = ticketsIn(own);
  // A note prepared with the change (written up to two days before it) backs it as a later one does,
  // where it names the environment the change went to: "answer (staging only): X = 1 in staging".
  const changed = Date.parse(last.date);
  const backing =
    laterTexts(d.key, new Date(changed - PREPARED).toISOString(), history, context, tickets, []).find(
      (t) =>
        (Date.parse(t.date) > changed || mentions(t.text, offender)) &&
        !CONDITIONAL.test(t.text) &&
        namesValue(t.text, current) &&
        !judgesUndo(t.text, current) &&
        !withdrawal(t.text, last.from) &&
        // "PUSH_MODE=live came along with the copy of the prod overlay" tells where the value came from, not
        // that anyone chose it: a copy's passenger is no decision the contract lags behind (copied.ts).
        !cameAlong(t.text),
    ) ?? citedApproval(d, last, current, history, context, tickets);
  const reason = REASON.exec(own)?.[0];
  // The contract's own reason ("PCI scope, no debug logs in production") is a decision too: a ticket
  // or a reason in the change does not outweigh it, only a text that backs the new value.
  if (!backing && (asked || doubted || d.contract?.reason || (tickets.length === 0 && !reason))) return undefined;
  const why = backing
    ? `${backing.where} backs ${offender}'s ${shown(current)}: "${backing.text.replace(/\s+/g, ' ').slice(0, 160)}"`
    : `${short(last.commit)} gives the change a ${tickets.length ? `ticket (${tickets.join(', ')})` : `reason ("${reason}")`}: "${last.subject}"`;
  f.add('intent', `a deliberate, explained change, not a slip: ${why}`, backing?.sha ?? last.commit);
  return {
    verdict: { deliberate: offender, drifted: null, suggested: 'declare', value: null, confidence: backing ? 0.55 : 0.45 },
    question: `${offender}'s ${shown(current)} was set on purpose (${short(last.commit)}): update the contract to allow it, or is the contract right and the change to be undone?`,
    advice: `the contract looks out of date: declare ${shown(current)} for ${offender} in the contract, unless whoever owns it says the change goes back`,
  };
}

/** The phrase of `text` that withdraws a plan, or keeps `old` as it is ("50 MB stays in every environment"). */
function withdrawal(
  text: string,
  old: string | null,
  value: string | null = null,
  waiting?: { waiting: EnvName; environments: readonly EnvName[] },
): string | undefined {
  // (intent.ts reads the withdrawal family: a word with what it withdraws, outranked by an everywhere for the value.)
  const said = withdrawalIn(text, value);
  if (said) return said;
  if (old === null) return undefined;
  const v = escapeRegExp(old);
  const stays = new RegExp(
    `(?<![\\p{L}\\p{N}.])[\`"']?${v}[\`"']?(?:\\s{0,3}\\p{L}{1,3})?\\s{1,3}(?:stays|remains|is kept|bleibt|se queda|reste)|` +
      `(?:keep|stay|stays|remain|remains)\\s{1,3}(?:at\\s{1,3}|on\\s{1,3})?[\`"']?${v}(?![\\p{N}.])`,
    'iu',
  );
  const m = stays.exec(text);
  if (!m) return undefined;
  // "test uses synthetic data, so it may stay at 365": the old value kept in another environment,
  // named in the sentence, keeps that one where it is; it withdraws nothing of the waiting one's plan.
  if (waiting) {
    const sentence = text.split(/(?<=[.!?;])\s+|\n+/).find((x) => x.includes(m[0])) ?? '';
    const named = waiting.environments.filter((env) => mentions(sentence, env));
    if (named.length > 0 && !named.includes(waiting.waiting)) return undefined;
  }
  return m[0];
}

// A rollback reported: the act's words, not a plan's withdrawal ("not raising it after all").
const ROLLED_BACK =
  /(?<![\p{L}])(?:roll(?:ed|s|ing)?[ -]?back|revert(?:ed|s|ing)?|backed out|undone|switched back|set back|zurück\p{L}*|terug\p{L}*|revertid[oa]|annulé|ripristinat[oa])(?![\p{L}])/iu;

/** The withdrawal phrase is a rollback's words, in a sentence naming one of `envs`. */
function rollbackSaid(text: string, phrase: string, envs: EnvName[]): boolean {
  if (!ROLLED_BACK.test(phrase)) return false;
  const sentence = text.split(/(?<=[.!?;])\s+|\n+/).find((x) => x.includes(phrase));
  return !!sentence && envs.some((env) => mentions(sentence, env));
}

/** The same going back in the other languages read ("롤백: stg도 v4로 되돌림", "Staging zurück auf v2",
 * "volvemos a v2", "wracamy do v2", "回滚到 v2"): the languages table's back family, not negated, asked or
 * for later — on a line that is no back-out plan ("Terugdraaien: … terug naar 168"), names no other
 * key, and turns no switch where the value is none ("Rate-Limit … wieder einschalten" for a worker count). */
function foreignBack(text: string, key: string, value: string | null, log: VerdictContext['log']): string | undefined {
  for (const line of text.split('\n')) {
    const item = line.trim().replace(/^[-*•]\s+/, '');
    // ("bitte wieder einschalten" turns a switch: not a number's or a name's way back.)
    if (item === '' || isContingency({ text: item }) || (!switchValue(value) && turnsSwitch(item))) continue;
    const back = foreignSays(withoutContingencies(item), 'back');
    if (!back || (log && namesOtherKey(item, item.toLowerCase(), key, log))) continue;
    return back.phrase;
  }
  return undefined;
}

/** A declare that waits for the next environment to follow (a rollout in progress, a gate not yet
 * passed, "then everywhere"): the environment the lead's latest change planned to follow next, the
 * first after it in the promotion order whose value differs. The plan is as open to a later
 * withdrawal as a backfill made on it. */
function plannedNext(d: Divergence, lead: EnvName, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext): EnvName | null {
  const change = newestFirst(history[lead] ?? [])[0];
  if (!change) return null;
  const rank = (env: EnvName) => context.promotion.indexOf(env);
  const value = d.values[lead]?.repo ?? null;
  const next = Object.keys(d.values)
    .filter((env) => rank(env) > rank(lead) && (d.values[env]?.repo ?? null) !== value)
    .sort((a, b) => rank(a) - rank(b))[0];
  if (!next) return null;
  const intent = readIntent(change, lead, context.environments);
  // A rollout step that names no next environment ("to canary for analysis") goes on in the promotion order.
  const rollout = !!intent.rollout && (intent.rollout.next.includes(next) || intent.rollout.next.length === 0);
  const planned = rollout || (!!intent.hold?.follows && intent.hold.envs.includes(next)) || !!intent.everywhere;
  return planned ? next : null;
}

/** A move forward (a backfill) on a plan a commit stated, that a later committed text withdraws:
 * the environment that went ahead goes back to the value the others hold, as a question (0.5). */
export function withdrawnPlan(
  d: Divergence,
  verdict: Partial,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  f: Findings,
): Overrule | undefined {
  const lead = verdict.deliberate;
  const waiting = verdict.suggested === 'backfill' ? verdict.drifted : verdict.suggested === 'declare' && lead ? plannedNext(d, lead, history, context) : null;
  if (!lead || !waiting || lead === waiting || verdict.suggested === 'revert') return undefined;
  const change = newestFirst(history[lead] ?? [])[0];
  const held = d.values[waiting]?.repo ?? null;
  if (!change) return undefined;
  const own = `${change.subject}\n${change.body}`;
  const words = conditionWords([change.subject], context.environments);
  for (const t of laterTexts(d.key, change.date, history, context, ticketsIn(own), words, change)) {
    if (CONDITIONAL.test(t.text)) continue;
    const phrase =
      withdrawal(t.text, held ?? change.from, change.to, { waiting, environments: context.environments }) ?? foreignBack(t.text, d.key, change.to, context.log);
    if (!phrase) continue;
    // A keep that plans the follow after it ("stays on 4 until Nov 30. After that production to 5 as
    // well") holds the plan for a while; it does not take it back (difference.ts keptApart weighs its limit).
    if (followsAfter(t.text, phrase, change.to)) continue;
    // The change was itself a rollback (the lead went back to a value it held): a later text's rollback
    // words in the lead's name ("flag rolled back in stg") record the change, and in the waiting
    // environment's ("prod has to be rolled back too") carry it further; neither withdraws it.
    if (change.revert && rollbackSaid(t.text, phrase, [lead, waiting])) continue;
    // "Not certified yet — do not enable in production": the plan's own hold, restated while its gate
    // is ahead. The plan stands; the environment that went ahead on it stays.
    const pending = pendingFor(t.text, waiting, context.today);
    if (pending) {
      f.add('intent', `${t.where}, written after ${short(change.commit)}, restates its hold while the gate is ahead: "${pending.slice(0, 160)}"`, t.sha);
      continue;
    }
    const back = held ?? change.from;
    // A proposal or a draft that argues for the old value ("Status: proposed … Option B: stay at 2")
    // withdraws nothing: the choice is open, and whoever decides it says where the value goes —
    // neither carried further nor taken back on one side's word.
    if (t.open) {
      f.add(
        'intent',
        `${t.where}, written after ${short(change.commit)}, argues against it, in a document that decides nothing yet ` +
          `(status "${t.open.slice(0, 60)}"): "${t.text.replace(/\s+/g, ' ').slice(0, 160)}"`,
        t.sha,
      );
      return {
        verdict: { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 },
        question: `${short(change.commit)} planned ${shown(change.to)} for ${waiting}, and a document still open argues for ${shown(back)}: which does ${waiting} get, once it is decided?`,
        advice: `declare the difference until the open decision is made: neither carry ${shown(change.to)} to ${waiting} nor take ${lead} back on one side's word`,
      };
    }
    f.add(
      'intent',
      `${t.where}, written after ${short(change.commit)}, withdraws its plan ("${phrase}"): "${t.text.replace(/\s+/g, ' ').slice(0, 160)}"`,
      t.sha,
    );
    // Production goes back only on a text that names the key or the change's ticket: words of the
    // subject alone may be about something else, and production's value is not undone on a guess.
    const guess = t.by === 'words' && lead === context.promotion.at(-1);
    return {
      verdict:
        back === null || guess
          ? { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 }
          : { deliberate: waiting, drifted: lead, suggested: 'revert', value: back, confidence: 0.5 },
      question: `${short(change.commit)} planned ${shown(change.to)} further, a later text withdraws it: should ${lead} go back to ${shown(back)}?`,
      advice: `do not carry ${shown(change.to)} further: the plan was withdrawn later; ${lead} goes back to ${shown(back)} unless its owner says otherwise`,
    };
  }
  return undefined;
}
