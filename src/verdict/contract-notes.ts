// Notes in the contract file's comments are evidence: "# prod-only: paging key, never copy down"
// says production's value is its own; "# must be true in every environment, never declare a
// difference" says no difference is meant. They limit what the verdict may suggest.
import { entryFor } from '../compare/compare.js';
import type { Divergence, EnvName } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { envPattern } from './envnames.js';
import type { Findings } from './findings.js';
import { list, shown } from './words.js';
import { pattern, regex, escapeRegExp } from './pattern.js';
import { ticketsIn } from './log.js';
import { reportsDone } from './intent.js';

type Partial = {
  deliberate: EnvName | null;
  drifted: EnvName | null;
  suggested: 'revert' | 'backfill' | 'declare';
  value: string | null;
  confidence: number;
  explicit?: boolean;
  lagging?: EnvName;
};

export interface ContractNotes {
  /** The notes that speak of the key, as written. */
  notes: string[];
  /** Environments whose value the notes say is their own, never to be copied elsewhere. */
  own: EnvName[];
  /** The notes say the environments must not differ: no difference is to be declared. */
  same: boolean;
  /** A note's condition for one environment to take another's value ("after the move prod gets
   * 02:00 like staging"), met by a later commit citing its ticket that reports it done. */
  follows?: { env: EnvName; like: EnvName; clause: string; met: { sha: string; subject: string; phrase: string } };
  /** A note that says the difference waits for someone ("waiting for Katja", "wartet auf den DBA"),
   * with nothing later citing its tickets as done: the difference is known and its outcome open. */
  waits?: { note: string; on: string };
}

const W = (source: string) => pattern(source, 'i');

/** Environments a note keeps a value to. */
function ownedBy(note: string, environments: EnvName[]): EnvName[] {
  const copyBan =
    /\b(?:never|do not|don't|dont|must not|not to be|nicht)\b[^.\n]{0,20}\b(?:copy|copied|promote|promoted|backfill|share|shared|sync|synced|propagate|mirror)\b/i.test(
      note,
    );
  return environments.filter((env) => {
    const e = envPattern(env);
    const only = [
      W(String.raw`\b${e}[- ]only\b`),
      W(String.raw`\bonly (?:in |on |for )?(?:the )?${e}\b`),
      W(String.raw`\b(?:in|on|for) (?:the )?${e} only\b`),
      W(String.raw`\b${e}(?:'s)? own\b`),
    ].some((re) => re.test(note));
    const named = W(String.raw`(^|[^A-Za-z0-9])${e}([^A-Za-z0-9]|$)`).test(note);
    return only || (copyBan && named && environments.filter((x) => W(String.raw`(^|[^A-Za-z0-9])${envPattern(x)}([^A-Za-z0-9]|$)`).test(note)).length === 1);
  });
}

const SAME = regex(
  'i',
  String.raw`\b(?:every|all|each)\b[^.\n]{0,30}\benv(?:ironment)?s?\b|\beverywhere\b|\bnever declare\b|`,
  String.raw`\b(?:must|should) not differ\b|\bno (?:expected )?difference\b|`,
  String.raw`\bsame (?:value )?(?:in|across|for) (?:all|every)\b`,
);

/** The contract file's notes about `key`: those written in or above its entry, and any comment
 * of the file that names the key. Each is recorded as contract evidence. */
export function readContractNotes(d: Divergence, context: VerdictContext, f: Findings): ContractNotes {
  const contract = context.contract;
  const found: Array<{ text: string; where: string }> = [];
  if (contract) {
    const entry = entryFor(contract.entries, d.key) ?? contract.entries.find((e) => e.pattern === d.contract?.key);
    for (const text of entry?.notes ?? []) found.push({ text, where: entry!.location });
    // Asked for every divergence: the pattern (its key, case and all) is made only where a note holds the key.
    let named: RegExp | undefined;
    for (const note of contract.notes ?? [])
      if (
        note.text.includes(d.key) &&
        (named ??= new RegExp(`(^|[^A-Za-z0-9_.])${escapeRegExp(d.key)}($|[^A-Za-z0-9_])`)).test(note.text) &&
        !found.some((x) => x.text === note.text)
      )
        found.push({ text: note.text, where: note.location });
  }
  for (const n of found) f.add('contract', `the contract file says, at ${n.where}: "# ${n.text}"`);
  const notes = found.map((n) => n.text);
  const own = [...new Set(notes.flatMap((n) => ownedBy(n, context.environments)))];
  const follows = followCondition(notes.join(' '), context);
  if (follows)
    f.add(
      'contract',
      `the contract file's note says ${follows.env} takes ${follows.like}'s value once its condition is met ("${follows.clause}"), and ` +
        `${follows.met.sha.slice(0, 7)} ("${follows.met.subject}") reports it done ("${follows.met.phrase}")`,
      follows.met.sha,
    );
  const waits = follows ? undefined : waitingNote(notes, context);
  return { notes, own, same: notes.some((n) => SAME.test(n)), ...(follows ? { follows } : {}), ...(waits ? { waits } : {}) };
}

// A note that leaves the difference to someone: "waiting for Katja", "awaiting the DBA's answer",
// "pending CISO decision", "wartet auf Katja", "väntar på DBA", "venter på", "wacht op", "en attente
// de", "esperando a", "in attesa di". The words after it (up to four) are who or what it waits on.
const WAITING = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:waiting (?:for|on)|waits (?:for|on)|awaiting|pending|on hold for|wartet auf|warten auf|väntar på|venter på|wacht(?:en)? op|`,
  String.raw`en attente d[e']|esperando(?: a| la| el)?|in attesa d[i']|aguardando)[ ](\p{L}[\p{L}\d'’-]*(?:[ ][\p{L}\d'’-]+){0,3})`,
);

/** The note that says the difference waits for someone, unless a commit citing one of the note's
 * tickets reports it done (then what it waited for has come, and the other readings stand). */
function waitingNote(notes: string[], context: VerdictContext): ContractNotes['waits'] {
  for (const note of notes) {
    const m = WAITING.exec(note);
    if (!m) continue;
    const done = ticketsIn(note).some((ticket) =>
      (context.log?.byTicket.get(ticket) ?? []).some((sha) => {
        const msg = context.log!.messages.get(sha);
        return !!msg && !(context.today && msg.date.slice(0, 10) > context.today) && !!reportsDone(`${msg.subject}\n${msg.body}`);
      }),
    );
    if (!done) return { note, on: m[1]! };
  }
  return undefined;
}

// One environment taking another's value later: "prod gets 02:00 like staging", "then production
// follows staging", "prod switches to the same as staging".
const TAKES = String.raw`(?:gets?|goes to|moves to|switches to|takes|follows|will (?:get|take|follow|use)|uses)`;

/** The environment a note says follows another once a condition is met, when a later commit
 * citing the note's ticket reports that condition done. */
function followCondition(text: string, context: VerdictContext): ContractNotes['follows'] {
  const log = context.log;
  if (!log || !/\b(?:after|afterwards|once|when|as soon as|until|then|later)\b/i.test(text)) return undefined;
  for (const env of context.environments) {
    for (const like of context.environments.filter((x) => x !== env)) {
      const re = W(String.raw`\b${envPattern(env)}\s+(?:then\s+)?${TAKES}\b[^.\n]{0,40}?\b(?:like|as in|same as|as)\s+(?:the\s+)?${envPattern(like)}\b`);
      const clause = re.exec(text)?.[0] ?? W(String.raw`\b${envPattern(env)}\s+(?:then\s+)?follows\s+${envPattern(like)}\b`).exec(text)?.[0];
      if (!clause) continue;
      for (const ticket of ticketsIn(text)) {
        for (const sha of log.byTicket.get(ticket) ?? []) {
          const m = log.messages.get(sha);
          if (!m || (context.today && m.date.slice(0, 10) > context.today)) continue;
          const phrase = reportsDone(`${m.subject}\n${m.body}`);
          if (phrase) return { env, like, clause, met: { sha, subject: m.subject, phrase } };
        }
      }
    }
  }
  return undefined;
}

/** Keeps a suggestion within what the notes say: a value they keep to one environment is never
 * copied out of it (nor replaced in it); a difference they say must not exist is not declared. */
export function obeyNotes(d: Divergence, verdict: Partial, notes: ContractNotes, f: Findings): void {
  const value = (env: EnvName) => d.values[env]?.repo ?? d.values[env]?.live ?? null;
  for (const env of notes.own) {
    const into = verdict.drifted;
    // Only the promotion order asked whether the others should follow: the note answers no.
    if (verdict.suggested === 'declare' && verdict.lagging !== undefined && verdict.deliberate === env) {
      f.say(`the contract file's note keeps ${env}'s ${shown(value(env))} to ${env}: it is not copied to ${verdict.lagging}; declare the difference`);
      verdict.confidence = Math.max(verdict.confidence, 0.65);
      continue;
    }
    if (verdict.suggested === 'declare' || into === null) continue;
    const copiesOut = into !== env && verdict.value !== null && verdict.value === value(env) && value(into) !== value(env);
    const replacesIt = into === env && verdict.value !== value(env);
    if (!copiesOut && !replacesIt) continue;
    f.say(
      `the contract file's note keeps ${env}'s ${shown(value(env))} to ${env}: ${copiesOut ? `it is never copied to ${into}` : `${env} keeps it`}; declare the difference instead`,
    );
    Object.assign(verdict, {
      deliberate: env,
      drifted: null,
      suggested: 'declare',
      value: null,
      confidence: Math.max(verdict.confidence, 0.65),
      explicit: false,
    });
  }
  // The note leaves the difference to someone still to answer: moving either side pre-empts them, and
  // a declare says whom it waits for, no surer than their answer.
  if (notes.waits && !verdict.explicit && (verdict.suggested !== 'declare' || verdict.confidence > 0.45)) {
    f.say(`the contract file's note says the difference waits for ${notes.waits.on} ("# ${notes.waits.note}"): declare it while they answer`);
    f.ask(`the contract's note leaves ${d.key} to ${notes.waits.on}: what did they decide? Nothing in the repo records it.`);
    Object.assign(verdict, {
      deliberate: null,
      drifted: null,
      suggested: 'declare',
      value: null,
      confidence: Math.min(verdict.confidence, 0.45),
      explicit: false,
    });
  }
  const follows = notes.follows;
  if (follows && value(follows.env) !== value(follows.like) && value(follows.like) !== null && !notes.own.includes(follows.env)) {
    f.say(
      `the condition the contract's note set for ${follows.env} is met: backfill ${follows.env} with ${follows.like}'s ${shown(value(follows.like))}, and remove the declaration`,
    );
    Object.assign(verdict, {
      deliberate: follows.like,
      drifted: follows.env,
      suggested: 'backfill',
      value: value(follows.like),
      confidence: 0.65,
      explicit: true,
    });
    // The history's own questions (why the values differ) are answered by the note.
    f.questions = [];
    return;
  }
  if (notes.same && verdict.suggested === 'declare' && d.kind !== 'stale-declaration') {
    // The value the note names, if it names one environment's value and not the others'.
    const envs = Object.keys(d.values);
    const named = envs.filter((env) => {
      const v = value(env);
      return v !== null && notes.notes.some((n) => new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(v)}($|[^A-Za-z0-9_])`, 'i').test(n));
    });
    const wanted = named.length > 0 && new Set(named.map(value)).size === 1 ? value(named[0]!) : undefined;
    const off = envs.filter((env) => value(env) !== wanted);
    if (wanted !== undefined && off.length === 1) {
      f.say(`the contract file's note says ${d.key} must not differ, and names ${shown(wanted)}: revert ${off[0]} to it`);
      Object.assign(verdict, { deliberate: named[0]!, drifted: off[0]!, suggested: 'revert', value: wanted, confidence: Math.max(verdict.confidence, 0.65) });
      return;
    }
    f.ask(`the contract file's note says ${d.key} must not differ between ${list(envs)}: which value is right?`);
    verdict.confidence = Math.min(verdict.confidence, 0.4);
  }
}
