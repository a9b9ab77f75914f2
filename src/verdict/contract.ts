// The contract limits what the verdict may suggest: never a value it forbids for an environment.
// It also speaks for itself: a violation, a declaration nobody needs, a rollout whose date passed.
import type { Allowed, ContractEntry } from '../config/contract.js';
import { allows, entryFor, isExpired } from '../compare/compare.js';
import type { Divergence, EnvName, HistoryEvent, Verdict } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Findings } from './findings.js';
import { intentOfChange } from './intent-evidence.js';
import { readsAs, reasonIn, reportsDone, type Intent } from './intent.js';
import { ticketsIn } from './log.js';
import { newestFirst } from './ordering.js';
import { looksLoosened } from './risk.js';
import { change, daysBetween, describeCommit, short, shown } from './words.js';
import { regex } from './pattern.js';
import { mentions } from './envnames.js';
import { documentIndex } from './documents.js';
import { actionStep } from './action-step.js';
import { definedPerEnvironment } from './per-env.js';

type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'> & { keptBy?: string };

function activeEntry(context: VerdictContext, key: string): ContractEntry | undefined {
  const today = context.today ?? '9999-12-31';
  return entryFor(
    (context.contract?.entries ?? []).filter((e) => !isExpired(e, today)),
    key,
  );
}

/** true / false as the contract allows `value` for `env`; undefined when it says nothing. */
export function allowedFor(context: VerdictContext, key: string, env: EnvName, value: string | null): boolean | undefined {
  const allowed = activeEntry(context, key)?.allowed.get(env);
  if (!allowed) return undefined;
  return allows(allowed, value === null ? undefined : { text: value });
}

/** A value the contract allows `env`, nearest to `near` where it lists several numbers. */
function anAllowedValue(allowed: Allowed | undefined, near: string | null): string | null {
  if (!allowed) return null;
  if (allowed.kind === 'exact') return allowed.absent ? null : allowed.text;
  if (allowed.kind !== 'one_of') return null;
  const n = Number(near);
  if (near !== null && Number.isFinite(n) && allowed.texts.every((t) => Number.isFinite(Number(t)))) {
    return [...allowed.texts].sort((a, b) => Math.abs(Number(a) - n) - Math.abs(Number(b) - n) || Number(a) - Number(b))[0]!;
  }
  return allowed.texts[0] ?? null;
}

/** The words of a value (a host's labels, a URL's parts), lower case. */
const partsOf = (value: string) =>
  new Set(
    value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 2),
  );
// A value as prose and tables write one: a host, a URL, a name with dots or dashes.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}._:/@-]*[\p{L}\p{N}]/gu;

/** Where the contract allows `env` a pattern ("*.host": acceptance /\.acc\.lumen\.internal$/), the
 * value the repo itself states that fits it and is the same thing as the value held: a runbook's
 * or an inventory's table of hosts names acceptance's search cluster beside production's. The same
 * thing is told by the words the patterns do not prescribe (search.prod… → search.acc…, never
 * pg.acc…, which shares only the domain every pattern names); the one sharing most of them, and
 * only when no other fits as well; none when nothing written fits. */
function statedAllowedValue(
  allowed: Allowed | undefined,
  entry: ContractEntry | undefined,
  current: string | null,
  context: VerdictContext,
): { value: string; where: string } | undefined {
  if (allowed?.kind !== 'regex' || current === null || !context.log) return undefined;
  const prescribed = new Set([...(entry?.allowed.values() ?? [])].flatMap((a) => (a.kind === 'regex' ? [...partsOf(a.re.toString())] : [])));
  const held = new Set([...partsOf(current)].filter((w) => !prescribed.has(w)));
  // Only documents holding one of those words are looked into (reading one is recorded).
  const words = [...held];
  const scored = new Map<string, { shared: number; where: string }>();
  for (const doc of documentIndex(context.log)) {
    if (!words.some((w) => doc.lower.includes(w))) continue;
    for (const m of doc.text.matchAll(TOKEN)) {
      const token = m[0];
      if (token === current || scored.has(token) || token.length > 200 || !allowed.re.test(token)) continue;
      const shared = [...partsOf(token)].filter((w) => held.has(w)).length;
      if (shared > 0) scored.set(token, { shared, where: doc.path });
    }
  }
  const [best, next] = [...scored.entries()].sort((a, b) => b[1].shared - a[1].shared);
  if (!best || (next && next[1].shared === best[1].shared)) return undefined;
  return { value: best[0], where: best[1].where };
}

/** Keeps a suggestion inside the contract: a value it forbids for the environment written to is
 * replaced by one it allows, or the suggestion gives way to a question. */
export function guardSuggestion(d: Divergence, verdict: Partial, context: VerdictContext, f: Findings): void {
  if (verdict.suggested === 'declare' || verdict.drifted === null || verdict.value === null) return;
  const env = verdict.drifted;
  if (allowedFor(context, d.key, env, verdict.value) !== false) return;
  const entry = activeEntry(context, d.key)!;
  const instead = anAllowedValue(entry.allowed.get(env), verdict.value);
  // A person's written word keeps the value the entry forbids ("keep it at 45, the 20 in the
  // contract is stale"): the decision is the newer word on the value, the entry the side out of
  // date. Reverting would undo what was decided; the contract is updated instead, by a person.
  if (verdict.keptBy) {
    f.add('contract', `the contract (${entry.location}) does not allow ${env} ${shown(verdict.value)}, which ${verdict.keptBy} keeps`);
    f.say(`update the contract: declare ${env} ${shown(verdict.value)} (${entry.location}) rather than revert what was decided`);
    f.ask(
      `${verdict.keptBy} keeps ${env}'s ${shown(verdict.value)} and the contract (${entry.location}) forbids it: is the contract entry out of date? Then update it.`,
    );
    verdict.suggested = 'declare';
    verdict.deliberate = env;
    verdict.drifted = null;
    verdict.value = null;
    verdict.confidence = Math.min(verdict.confidence, 0.5);
    return;
  }
  f.add('contract', `the contract (${entry.location}) does not allow ${env} ${shown(verdict.value)}: that is never suggested`);
  if (instead !== null) {
    verdict.suggested = 'revert';
    verdict.value = instead;
    f.say(`set ${env} to ${shown(instead)}, a value the contract allows`);
    verdict.confidence = Math.min(verdict.confidence, 0.5);
  } else {
    verdict.suggested = 'declare';
    verdict.value = null;
    verdict.drifted = null;
    verdict.confidence = Math.min(verdict.confidence, 0.3);
  }
  f.ask(`the contract forbids moving ${shown(d.values[verdict.deliberate ?? '']?.repo ?? null)} into ${env}: is the contract or the value out of date?`);
}

/** A note that gives a declaration its end: "delete this entry once …", "remove when …". */
const REMOVE_ONCE = /\b(?:delete|remove|drop|retire)\b[^.\n]{0,30}\b(?:entry|declaration|this|it)\b[^.\n]{0,30}\b(?:once|when|after|as soon as)\b/i;

/** A decision record the change that left the contract cites, decided, naming the value it holds
 * (decided-record.ts reads the documents; handed in, as documented.ts depends on this module). */
export interface DecidedRecord {
  ticket: string;
  file: string;
  line: number;
  status: string;
  text: string;
  /** Written after the change and not cited by it: the sentence names the environment and the value. */
  later?: boolean;
}
export type DecidedRecordOf = (key: string, last: HistoryEvent, env: EnvName, current: string | null, context: VerdictContext) => DecidedRecord | undefined;

export function contractViolation(
  d: Divergence,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  f: Findings,
  decidedRecord?: DecidedRecordOf,
): Partial {
  const offender = d.envs[0]!;
  const allowedText = d.contract?.allowed[offender] ?? 'what the contract lists';
  const current = d.values[offender]?.repo ?? null;
  const last = newestFirst(history[offender] ?? [])[0];
  const ownerNote = d.contract?.owner ? ` (owner: ${d.contract.owner})` : '';
  f.add('contract', `the contract${ownerNote} allows ${offender} ${allowedText}; it holds ${shown(current)}`);
  const agree = Object.values(d.values).every((v) => v.repo === current);
  if (agree) f.add('contract', `every environment now holds ${shown(current)}, but agreeing does not make it allowed in ${offender}`);
  const entry = activeEntry(context, d.key) ?? (context.contract?.entries ?? []).find((e) => e.pattern === d.contract?.key);
  const allowed = entry?.allowed.get(offender);
  if (!last || last.to !== current) {
    f.add('quality', `the value is not committed in ${offender}'s file, or predates the history read`);
    const value = anAllowedValue(allowed, current);
    f.ask(`which value should ${offender} hold: ${allowedText}?`);
    return { deliberate: null, drifted: offender, suggested: 'revert', value, confidence: 0.4 };
  }
  f.say(`${offender} ${change(last)} in ${describeCommit(last)}`);
  const intent = intentOfChange(last, offender, context, f);
  // Exact values declare a difference; when every environment now agrees, the declaration may be
  // what is out of date. A set or pattern declares bounds, and bounds do not go stale by agreeing:
  // a value going back below them re-opens what they were written against.
  const bounds = allowed !== undefined && allowed.kind !== 'exact';
  if (agree && !bounds && (intent.revert || last.revert)) {
    // Every environment agrees again because the declared difference ended: the contract is out of date.
    f.add('intent', `${last.commit.slice(0, 7)} ended what the declared difference was for ("${intent.revert ?? 'a revert'}"): "${last.subject}"`, last.commit);
    f.say(`the declaration is out of date: remove ${d.contract?.key ?? d.key} from the contract (or declare the value ${offender} holds now)`);
    return { deliberate: offender, drifted: null, suggested: 'declare', value: null, confidence: 0.65 };
  }
  // The declaration's reason is a rollout ("checkout v3 rollout (staging first)"), and the change that
  // made every environment agree reports it finished — the last environment took the value on a
  // recorded go ("GA: 100% in production", "rollout complete", "Rollout abgeschlossen"): what the
  // declaration was for is over, so it is stale. A GA is never reverted by default.
  const finished =
    agree && !bounds && ROLLOUT_REASON.test(`${d.contract?.reason ?? ''}`) ? rolloutFinished(`${last.subject}\n${last.body}`, offender) : undefined;
  if (finished) {
    f.add('contract', `the declaration's reason is a rollout ("${d.contract!.reason}")`);
    f.add('intent', `${last.commit.slice(0, 7)} finished it in ${offender} ("${finished}"): "${last.subject}"`, last.commit);
    f.say(`the rollout the declaration was for is finished: remove ${d.contract?.key ?? d.key} from the contract`);
    return { deliberate: offender, drifted: null, suggested: 'declare', value: null, confidence: 0.65 };
  }
  // The declaration's own note says when it goes ("temporary! delete this entry once prod is at
  // 100%"), and the change that made every environment agree cites its ticket and reports it done.
  const ending = (entry?.notes ?? []).find((note) => REMOVE_ONCE.test(note));
  const sharesTicket = ending && ticketsIn(ending).some((t) => ticketsIn(`${last.subject}\n${last.body}`).includes(t));
  const done = sharesTicket ? reportsDone(`${last.subject}\n${last.body}`) : undefined;
  if (agree && ending && done) {
    f.add('contract', `the declaration's own note says when it goes: "# ${ending}"`);
    f.add('intent', `${last.commit.slice(0, 7)} cites its ticket and reports it done ("${done}"): "${last.subject}"`, last.commit);
    f.say(`the declaration has done its job: remove ${d.contract?.key ?? d.key} from the contract`);
    return { deliberate: offender, drifted: null, suggested: 'declare', value: null, confidence: 0.65 };
  }
  // The change gave its own end ("for UAT round 3, until 31.10.", "nur bis Ende Oktober", "hasta el
  // 15/11"), and that day has passed: what it was for is over by its own words, whatever scope it
  // named, so the environment goes back inside the contract. A later word that moved the end is
  // already in `until` (intentOfChange). The value it goes back to is the one before, where the
  // contract allows it; production's own value moves at no more than 0.55 on a date alone.
  const until = intent.temporary?.until;
  if (until && context.today && until < context.today) {
    // An entry that does not list the environment holds it to the others: its value before stands.
    const before = last.from !== null && (allowed ? allows(allowed, { text: last.from }) : true);
    const back = before ? last.from : anAllowedValue(allowed, current);
    if (back !== null || allowed?.kind === 'exact') {
      f.add(
        'intent',
        `${last.commit.slice(0, 7)} set ${offender}'s ${shown(current)} until ${until} ("${intent.temporary!.phrase}"): "${last.subject}"`,
        last.commit,
      );
      f.add('age', `that end passed ${daysBetween(until, context.today)} days ago, and nothing written since moves it`);
      f.say(`its own end has passed: revert ${offender} to ${shown(back)}${before ? ' (its value before)' : ' (allowed by the contract)'}`);
      const confidence = intent.incident || !before ? 0.5 : offender === context.promotion.at(-1) ? 0.55 : 0.6;
      // The intended value is the one the environments past it still hold (production's, beside a stage's leftover).
      const order = context.promotion;
      const holder = [...order.slice(order.indexOf(offender) + 1), ...Object.keys(d.values)].find((env) => env !== offender && d.values[env]?.repo === back);
      return { deliberate: holder ?? null, drifted: offender, suggested: 'revert', value: back, confidence };
    }
  }
  if (intent.scope || intent.rollout || (until && context.today && until >= context.today)) {
    // The change that broke the contract says it was meant for this environment: the contract lags.
    f.add(
      'intent',
      `${last.commit.slice(0, 7)} made the change on purpose for ${offender} ("${intent.scope?.phrase ?? intent.rollout?.phrase ?? intent.temporary?.phrase}"): "${last.subject}"`,
      last.commit,
    );
    f.say(
      `declare ${shown(current)} for ${offender} in the contract${intent.temporary?.until ? ` until ${intent.temporary.until}` : ''}, or revert it if the purpose has passed`,
    );
    return {
      deliberate: offender,
      drifted: null,
      suggested: 'declare',
      value: null,
      confidence: 0.6,
      ...(intent.temporary?.until ? { expires: intent.temporary.until } : {}),
    };
  }
  // The change cites a decision record (ADR-021, RFC-7, a capacity review) whose own status says it
  // is decided and which names the value the environment holds now ("Production baseline goes from 6
  // to 12 pods"): the environment carries out a decision the contract has not caught up with. Going
  // back would undo the decision; the contract is what lags. An incident fix is a question instead.
  const record = intent.incident ? undefined : decidedRecord?.(d.key, last, offender, current, context);
  if (record) {
    f.add(
      'intent',
      record.later
        ? `${record.file}:${record.line} (status: ${record.status}), written after ${last.commit.slice(0, 7)}, names ${offender}'s ${shown(current)}: "${record.text.slice(0, 160)}"`
        : `${last.commit.slice(0, 7)} cites ${record.ticket}, and ${record.file}:${record.line} (status: ${record.status}) names ${shown(current)}: "${record.text.slice(0, 160)}"`,
      last.commit,
    );
    f.say(`the decision record sets ${offender}'s ${shown(current)}: declare it in the contract${ownerNote}; the contract is what is out of date`);
    return { deliberate: offender, drifted: null, suggested: 'declare', value: null, confidence: 0.6 };
  }
  const previousAllowed = last.from !== null && allowed ? allows(allowed, { text: last.from }) : last.from !== null;
  let value = previousAllowed ? last.from : anAllowedValue(allowed, current);
  // An environment the entry does not name is held to the others it does not name: where it had no
  // value before (added by a copy of a named environment's file), their shared value is the one allowed.
  const peer = value === null && !allowed && entry ? peersValue(d, entry, offender, current) : undefined;
  // … but where one of those others held this environment's value with it and changed since, that one
  // left the value they shared, not this one: its change is the one the contract has not caught up with.
  // (Not a setting whose wrong value harms by itself, which no class tells the safe side of: a security
  // change made in one of them is owed to the other, which follows as before.)
  const harmsByItself = ['security', 'permissions', 'secret', 'debug', 'alerting'].includes(context.risk ?? 'none');
  const leaver = peer && !harmsByItself ? peerLeft(peer.envs, current, last, history) : undefined;
  if (peer && leaver) return leftByPeer(d, offender, current, peer.value, leaver, context, f);
  if (peer) {
    f.add('contract', `the entry does not name ${offender}, so it must agree with ${peer.envs.join(', ')}, which hold ${shown(peer.value)}`);
    value = peer.value;
  }
  // A pattern names no value: the one the repo states for the environment does.
  const stated = value === null ? statedAllowedValue(allowed, entry, current, context) : undefined;
  if (stated) {
    f.add('contract', `${stated.where} names ${shown(stated.value)}, which the contract allows ${offender} and is the same thing as ${shown(current)}`);
    value = stated.value;
  }
  if (intent.incident) {
    f.add('intent', `${last.commit.slice(0, 7)} cites ${intent.incident}: the change may be a deliberate fix the contract does not know yet`, last.commit);
    f.ask(`was ${offender}'s ${shown(current)} an incident fix to keep (declare it in the contract) or to undo (revert)?`);
  }
  // With no word either way (a bare "prod cache"), nothing tells a contract out of date from a value
  // changed by mistake, and a default never moves a value toward less protection: the value goes
  // back where the one it holds is the weaker side (the contract's protection stands); otherwise it
  // is a question, declared while the owner says which side is stale.
  const silent = !intent.incident && !(agree && !bounds) && saysNothing(last, intent);
  if (silent && !weakerSide(d, offender, current, value, context)) {
    f.add('intent', `nothing read in ${last.commit.slice(0, 7)} ("${last.subject}") says why ${offender} left what the contract allows`, last.commit);
    f.say(`declare ${shown(current)} for ${offender} in the contract while its owner says which side is out of date; revert it if it was a mistake`);
    f.ask(
      `is the contract out of date (declare ${shown(current)} for ${offender}) or was ${offender}'s change to ${shown(current)} a mistake (revert it${
        value === null ? '' : ` to ${shown(value)}`
      })? Nothing written says either.`,
    );
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
  }
  // The comment beside the value defines it by its environment ("= partitions of the topic in this
  // environment"), and the change says why it moved: the definition was carried out, the contract lags.
  const defined = definedPerEnvironment(d.values[offender]?.note);
  if (defined && !silent && !intent.incident && !looksLoosened(d.key, current)) {
    f.add(
      'intent',
      `the comment beside ${offender}'s value defines it by its environment ("${defined}"), and ${short(last.commit)} says why it moved: "${last.subject}"`,
      last.commit,
    );
    f.ask(`${offender}'s ${shown(current)} follows what its comment defines it by: declare it in the contract, unless that no longer holds in ${offender}?`);
    f.say(`declare ${shown(current)} for ${offender} in the contract: the value follows its definition, and the contract is what is out of date`);
    return { deliberate: offender, drifted: null, suggested: 'declare', value: null, confidence: 0.55 };
  }
  f.say(
    value === null
      ? `revert ${offender} to an allowed value, or declare ${shown(current)} in the contract if the change was intended`
      : `revert ${offender} to ${shown(value)}${value === last.from ? ' (its value before)' : ' (allowed by the contract)'}, or declare ${shown(current)} in the contract if the change was intended`,
  );
  if (agree && !bounds)
    f.ask(
      `every environment now holds ${shown(current)}: is ${offender}'s declared value out of date (remove the declaration), or should ${offender} go back to ${shown(value)}?`,
    );
  const confidence =
    intent.incident || (agree && !bounds) || (stated && offender === context.promotion.at(-1)) ? 0.5 : value === null ? 0.5 : value === last.from ? 0.7 : 0.6;
  return { deliberate: peer?.envs[0] ?? offender, drifted: offender, suggested: 'revert', value, confidence };
}

/** The value every environment the entry does not name holds, but `offender`: one value, not `current`. */
function peersValue(d: Divergence, entry: ContractEntry, offender: EnvName, current: string | null): { value: string; envs: EnvName[] } | undefined {
  const envs = Object.keys(d.values).filter((env) => env !== offender && !entry.allowed.has(env));
  const values = new Set(envs.map((env) => d.values[env]?.repo ?? null));
  const [value] = values;
  return envs.length > 0 && values.size === 1 && value !== null && value !== undefined && value !== current ? { value, envs } : undefined;
}

/** A change after `last` by which one of `envs` left `current`, the value it held with the offender. */
function peerLeft(
  envs: EnvName[],
  current: string | null,
  last: HistoryEvent,
  history: Record<EnvName, HistoryEvent[]>,
): { env: EnvName; event: HistoryEvent } | undefined {
  const later = (e: HistoryEvent) => (e.order !== undefined && last.order !== undefined ? e.order < last.order : Date.parse(e.date) > Date.parse(last.date));
  for (const env of envs) {
    const event = newestFirst(history[env] ?? [])[0];
    if (event && event.from === current && event.to !== current && later(event)) return { env, event };
  }
  return undefined;
}

/** Two environments the entry holds together, one of which changed away from the value both held: the
 * one that kept it is not moved after the one that left. Whether the change is meant (the contract
 * lags) or not (it goes back) is its author's word; a default never moves toward less protection. */
function leftByPeer(
  d: Divergence,
  offender: EnvName,
  current: string | null,
  theirs: string,
  left: { env: EnvName; event: HistoryEvent },
  context: VerdictContext,
  f: Findings,
): Partial {
  const { env, event } = left;
  f.add(
    'order',
    `the entry names neither ${offender} nor ${env}, so they must agree: both held ${shown(current)} until ${env} ${change(event)} in ${describeCommit(event)}`,
    event.commit,
  );
  const intent = intentOfChange(event, env, context, f);
  const says = !saysNothing(event, intent);
  const sent = sentAfter(d, offender, theirs, left, context);
  if (sent) {
    f.add(
      'intent',
      `${sent.where}, written after ${short(event.commit)}, lists ${offender}'s move to ${shown(theirs)} as an action: "${sent.phrase}"`,
      sent.sha,
    );
    f.say(`backfill ${offender} with ${shown(theirs)}: a record written since decided ${offender} takes ${env}'s value, and the step was not taken`);
    f.ask(`is anything holding ${offender} at ${shown(current)} after ${sent.where}? If not, it takes ${env}'s ${shown(theirs)}.`);
    return { deliberate: env, drifted: offender, suggested: 'backfill', value: theirs, confidence: 0.55 };
  }
  const [now, before] = [Number(theirs), Number(current)];
  const numbers = current !== null && Number.isFinite(now) && Number.isFinite(before);
  const weaker =
    (looksLoosened(d.key, theirs) && !looksLoosened(d.key, current)) ||
    (numbers && ((context.risk === 'resources' && now < before) || (context.risk === 'rate-limit' && now > before)));
  if (weaker) {
    f.say(`revert ${env} to ${shown(current)}, the value it shared with ${offender}, unless its change was meant (then declare it)`);
    f.ask(
      `was ${env}'s change to ${shown(theirs)} in ${short(event.commit)} ("${event.subject}") meant? It is the less protective side: until someone says so, it goes back.`,
    );
    return { deliberate: offender, drifted: env, suggested: 'revert', value: current, confidence: 0.5 };
  }
  f.say(
    `declare ${env}'s ${shown(theirs)} in the contract beside ${offender}'s ${shown(current)} if ${env}'s change is meant; revert ${env} to ${shown(current)} if not`,
  );
  f.ask(
    `the contract holds ${offender} and ${env} to one value, and ${env} left it in ${short(event.commit)} ("${event.subject}"): ` +
      `is ${env}'s ${shown(theirs)} meant (declare it) or should ${env} go back to ${shown(current)}?`,
  );
  return { deliberate: says ? env : null, drifted: null, suggested: 'declare', value: null, confidence: 0.5 };
}

/** The change's text gives no reason at all: it reads as silent or as naming environments only
 * ("prod cache", "bump the prod pool to 50", "Set worker count for production"), with no reason
 * stated and no ticket cited — however many words it takes to say so. */
function saysNothing(last: HistoryEvent, intent: Intent): boolean {
  return readsAs(intent) !== 'says' && !reasonIn(`${last.subject}\n${last.body}`);
}

/** The value outside the contract is the less protective side, so going back to the contract
 * protects: a check off, debug on or a limit lifted; a key whose wrong value does harm by itself
 * (security, permissions, secrets, debug, paging); another environment's value copied over the
 * declared difference; a number moved the unsafe way for its kind (capacity cut, a rate limit
 * raised). */
function weakerSide(d: Divergence, offender: EnvName, current: string | null, back: string | null, context: VerdictContext): boolean {
  const risk = context.risk ?? 'none';
  if (looksLoosened(d.key, current) && !looksLoosened(d.key, back)) return true;
  if (risk === 'security' || risk === 'permissions' || risk === 'secret' || risk === 'debug' || risk === 'alerting') return true;
  if (Object.entries(d.values).some(([env, v]) => env !== offender && v.repo === current)) return true;
  const now = Number(current);
  const before = Number(back);
  if (current === null || back === null || !Number.isFinite(now) || !Number.isFinite(before)) return false;
  // A capacity cut (replicas, memory) or a rate limit raised: for other numbers, no side is safer.
  return risk === 'rate-limit' ? now > before : risk === 'resources' && now < before;
}

export function staleDeclaration(d: Divergence, history: Record<EnvName, HistoryEvent[]>, f: Findings): Partial {
  for (const note of d.notes) f.add('contract', note);
  const latest = Object.entries(history)
    .map(([env, events]) => ({ env, event: newestFirst(events)[0] }))
    .filter((x): x is { env: EnvName; event: HistoryEvent } => x.event !== undefined)
    .sort((a, b) => (a.event.order ?? 0) - (b.event.order ?? 0) || (a.event.committed < b.event.committed ? 1 : -1))[0];
  if (latest) f.add('order', `the environments converged when ${latest.env} ${change(latest.event)} in ${describeCommit(latest.event)}`, latest.event.commit);
  const where = d.contract ? ` of ${d.contract.key} (${d.contract.location})` : '';
  // The entry names a key's last name only: it was likely meant for the full key, which only a
  // person can tell; removing it is one of two answers, not a sure one.
  if (d.fullKeys?.length) {
    f.say(`write the declaration${where} as ${d.fullKeys.join(' or ')} if that difference is meant; remove it from the contract if not`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
  }
  f.say(`remove the declaration${where} from the contract`);
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.85 };
}

// A reason that declares a staged rollout: ROLLOUT_WORDS, or one environment first ("staging first",
// "erst Staging", "primero en staging").
const ROLLOUT_REASON = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:roll-?out|rolling|canary|launch|phased|gradual|beta|pilot|ramp|first|zuerst|erst|primero|d'abord|en premier|eerst)(?![\p{L}])`,
);
// A rollout reported finished: GA, general availability, 100 % (of traffic, in production), fully
// rolled out, rollout complete — in the languages the tables read.
const FINISHED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:general(?:ly)? availab\p{L}*|100\s?%|fully rolled out|rolled out (?:to|in|on) (?:all|every\p{L}*|100)|`,
  String.raw`roll-?out (?:is |now )?(?:complete[d]?|finished|done)|rollout abgeschlossen|vollständig ausgerollt|für alle (?:aktiviert|freigeschaltet)|`,
  String.raw`despliegue (?:completo|completado|terminado)|lanzamiento general|déploiement (?:terminé|complet)|généralement disponible|`,
  String.raw`rollout (?:concluído|completo)|uitrol (?:voltooid|afgerond)|wdrożenie zakończone)(?![\p{L}])`,
);
const GA = /(?<![\p{L}])GA(?![\p{L}])/u;
// What makes a finish word a plan or a condition: "before GA", "until 100%", "not GA yet", "pre-GA".
const NOT_YET_FINISHED = /(?<![\p{L}])(?:not|before|until|till|pre|once|when|after|if|bis|vor|noch nicht|antes|avant|hasta)(?![\p{L}])/iu;

/** The phrase of `text` that reports the rollout finished for `env` (or for everyone): a finish word,
 * not set as a plan or a condition, in a clause naming no other environment. */
function rolloutFinished(text: string, env: EnvName): string | undefined {
  for (const clause of text.split(/\n+|(?<=[.!?;])\s+/)) {
    const m = FINISHED.exec(clause) ?? GA.exec(clause);
    if (!m) continue;
    // The three words before it: "before GA", "not at 100 % yet", "pre-GA".
    const before = clause
      .slice(Math.max(0, m.index - 60), m.index)
      .trim()
      .split(/\s+/)
      .slice(-3)
      .join(' ');
    if (NOT_YET_FINISHED.test(before)) continue;
    if (/\?\s*$/.test(clause)) continue;
    const others = ENVIRONMENT_WORDS.filter((w) => w.test(clause));
    if (others.length > 0 && !mentions(clause, env)) continue;
    return m[0];
  }
  return undefined;
}
const ENVIRONMENT_WORDS = [/(?<![\p{L}])(?:staging|stage|stg|dev|development|qa|uat|preprod|test)(?![\p{L}])/iu];

// What a time-boxed declaration was for, in the readers' languages: a rollout, a pilot, an experiment
// ("expérience PRX-12", "experimento de precios", "esperimento", "eksperyment", "kokeilu", "försök").
// The French word is also "experience": a user's or customer's experience is no trial.
const ROLLOUT_WORDS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:roll-?out|rolling|canary|launch|migration|phased|gradual|beta|experiment|pilot|trial|ramp|`,
  String.raw`expérimentation|expérience(?! (?:utilisateur|client|d['’]achat|de navigation))|experimento|esperimento|eksperyment\p{L}*|kokeilu\p{L}*|`,
  String.raw`försök|forsøk|forsøg)(?![\p{L}])`,
);

/** An expired declaration of a staged rollout: the date to finish it has passed. */
export function isRolloutDeclaration(d: Divergence): boolean {
  return (
    d.kind === 'stale-declaration' && d.severity === 'drift' && !!d.contract?.expires && ROLLOUT_WORDS.test(`${d.contract.reason ?? ''} ${d.contract.key}`)
  );
}

/** A record written since the change that lists the other environment's move to the changed value as
 * an action (action-step.ts): the step was decided with the change, and not taken. */
function sentAfter(
  d: Divergence,
  offender: EnvName,
  theirs: string,
  left: { env: EnvName; event: HistoryEvent },
  context: VerdictContext,
): { where: string; sha: string; phrase: string } | undefined {
  const step = actionStep(d.key, offender, theirs, left.event.date, context.log, context.today);
  return step ? { where: step.where, sha: step.sha, phrase: step.item } : undefined;
}
