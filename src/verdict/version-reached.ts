// A change held until a version reaches an environment — a kill switch flipped off in an incident
// "until 4.2.1 is in production", "desligado até o 4.2.1 estar em produção", "aus, bis 4.2.1 in
// Produktion ist" — ends when that version is there. A person settling the difference looks for the
// record that says so: a deploy log's row ("| 2026-11-26 | produção | 4.2.1 |"), a note "4.2.1 deployed
// to production", a commit "prod: 4.2.1 released". The wait names the version; the record names the
// same version (not inside a longer one) and the environment, with a word of having happened or as a
// row of a table, written after the change and dated no later than today. Not a plan ("will deploy
// 4.2.1 to prod on Friday"), a denial ("4.2.1 not yet in production") or a question. Pure: reads the
// log it is given.
import type { EnvName } from '../model/types.js';
import { mentions } from './envnames.js';
import { readDeadline } from './deadline.js';
import { dateIn } from './calendar.js';
import { regex, escapeRegExp } from './pattern.js';
import { ticketsIn, type CommitLog } from './log.js';
import { describeCommit, describeMessage, short } from './words.js';

/** The version a time limit waits for, and the environment it is to reach. */
export interface VersionWait {
  version: string;
  env: EnvName;
  clause: string;
  /** `version` is a ticket whose work the wait is for ("once AUTH-902 is in production"). */
  ticket?: boolean;
}

/** A record that the version reached the environment. */
export interface VersionReached {
  where: string;
  sha: string;
  quote: string;
  date: string;
}

// A version as releases are numbered: "4.2.1", "v4.2", "2.10.0-rc1" is a pre-release (not the fix).
const VERSION = /(?<![\w.-])v?(\d+\.\d+(?:\.\d+){0,2})(?![\w-]|\.\d)/u;
/** The first release version a text names ("after 2.3.1 ships" → 2.3.1). */
export const versionIn = (text: string): string | undefined => VERSION.exec(text)?.[1];
// What was done, in the languages the readers read.
const DONE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:deployed|deploy|released|rolled out|shipped|live|went out|reached|promoted|ausgerollt|deployt|veröffentlicht|`,
  String.raw`desplegad[oa]|publicad[oa]|implantad[oa]|lançad[oa]|liberad[oa]|déployée?|livrée?|uitgerold|gedeployed|wdrożon[ya]|`,
  String.raw`rilasciat[oa]|distribuit[oa]|deployat[oa])(?![\p{L}])`,
);
// What makes a record no record of it having happened: a negation, a plan, a condition, a doubt —
// read word by word (one pattern of these alternatives backtracks on hostile text).
const NOT_DONE_WORDS = new Set(
  (
    'not no never nicht noch não ainda nunca pas niet nog nie todavía aún ancora non will shall planned scheduled tomorrow next pending ' +
    'if once when geplant wird soll planejado planejada previsto prevista programado programada prévu prévue gepland zaplanowany ' +
    'zaplanowana wenn sobald quando se si cuando zodra als tbd rollback reverted zurückgerollt revertido revertida'
  ).split(' '),
);
const NOT_DONE_PHRASES = [' to be ', ' rolled back '];
function notDone(s: string): boolean {
  const words = s.toLowerCase().split(/[^\p{L}]+/u);
  if (words.some((w) => NOT_DONE_WORDS.has(w) || w.startsWith('kein'))) return true;
  const spaced = ` ${words.join(' ')} `;
  return NOT_DONE_PHRASES.some((p) => spaced.includes(p));
}

/** The version and environment the time limit at `phrase` in `text` waits for: the version named
 * in the limit's own clause, and the environment that clause names (or, naming none, the one the
 * change was made in: "off until 4.2.1 ships"). One environment only. With `tickets`, a clause that
 * names no version may wait for a ticket's work instead ("back to 65536 once AUTH-902 is in
 * production", "zurück, sobald AUTH-902 in Produktion ist"): one ticket only, and it must name the
 * environment the work is to reach — a ticket alone ("until OPS-4 is done") is a task, not a release. */
export function versionWaitedFor(text: string, phrase: string, env: EnvName, environments: readonly EnvName[], tickets = false): VersionWait | undefined {
  const at = text.indexOf(phrase);
  if (at < 0) return undefined;
  const rest = text.slice(at + phrase.length);
  const end = rest.search(/[;\n]|[.!?](?=\s|$)|,\s/);
  const clause = (phrase + (end < 0 ? rest : rest.slice(0, end))).slice(0, 160);
  const named = environments.filter((e) => mentions(clause, e));
  const version = VERSION.exec(clause)?.[1];
  if (!version) {
    if (!tickets) return undefined;
    // A ticket's wait is read in the phrase's whole sentence ("Vorübergehend, bis AUTH-902 in Produktion ist").
    const stop = rest.search(/[;\n]|[.!?](?=\s|$)/);
    const sentence = (phrase + (stop < 0 ? rest : rest.slice(0, stop))).slice(0, 160);
    const cited = ticketsIn(sentence);
    const into = environments.filter((e) => mentions(sentence, e));
    return cited.length === 1 && into.length === 1 ? { version: cited[0]!, env: into[0]!, clause: sentence.trim(), ticket: true } : undefined;
  }
  const into = named.length === 0 ? env : named.length === 1 ? named[0]! : undefined;
  return into ? { version, env: into, clause: clause.trim() } : undefined;
}

// A step taken once a version runs where it goes: "Pin production to 2027-04-30.dahlia once 4.12 is running
// in production", "Prod auf dahlia, sobald 4.12 in Prod läuft", "passer la prod à dahlia dès que la 4.12 y
// tourne", "producción pasa a dahlia cuando la 4.12 esté en producción". A plan that writes its next step so
// waits for the release, not for a person: the release recorded there meets it. The gate word stands before
// the version, in the step's own clause.
const GATE_WORD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:once|as soon as|when|after|sobald|wenn|nachdem|dès que|une fois que|lorsque|quand|après que|cuando|en cuanto|`,
  String.raw`una vez que|tan pronto como|assim que|depois que|non appena|zodra|wanneer|nadat|när|så snart|når|efter att|gdy|kiedy|jak tylko)(?![\p{L}])`,
);

/** The version a step of `env` waits for, where `sentence` gates it on that version running in `env`
 * ("… once 4.12 is running in production"): the wait, and the step as written before its gate. */
export function versionGate(sentence: string, env: EnvName, environments: readonly EnvName[]): { wait: VersionWait; step: string } | undefined {
  const m = GATE_WORD.exec(sentence);
  if (!m) return undefined;
  // (The gate's clause ends at a dash or a colon too: "once 4.12 runs there — not before: 4.11 cannot …".)
  const rest = sentence.slice(m.index).split(/\s[—–]\s|:\s/)[0]!;
  const wait = versionWaitedFor(rest, m[0], env, environments);
  if (wait?.env !== env) return undefined;
  // The step stands before its gate ("Pin production to X once …"), or after it, the gate leading ("Once …, pin production to X").
  const before = sentence.slice(0, m.index);
  return { wait, step: before.trim() !== '' ? before : sentence.slice(m.index + wait.clause.length) };
}

// A keep that lasts until a version runs in the kept environment: "prod stays until 5.2 ships there",
// "producao fica até a 5.2 subir lá", "Prod bleibt, bis 5.2 dort läuft", "la prod reste jusqu'à ce que
// la 5.2 y soit", "prod se queda hasta que la 5.2 esté allí", "prod blijft tot 5.2 daar draait". The
// until word stands before the version, with at most a few words between (an article, "release",
// "version", "que la"): the version is the end of the keep, not a version the keep holds ("prod stays
// on 5.1").
const UNTIL_VERSION = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|bis|até|hasta|jusqu['’](?:à|au)|fino a|finché|tot|totdat|tills|indtil|inntil|dopóki|aż|do|kunnes)`,
  String.raw`(?:\s[\p{L}'’]{1,12}){0,6}\s(?:v(?=\d))?(\d+\.\d+(?:\.\d+){0,2})(?![\w-]|\.\d)`,
);

/** The version a measure lasts until, for `env`, wherever the text says so ("disabled until parser 2.4
 * is deployed", "jusqu'au déploiement d'imgforge 3.9"): an order for every environment names none. */
export function heldUntilVersion(text: string, env: EnvName): VersionWait | undefined {
  const m = UNTIL_VERSION.exec(text);
  return m ? { version: m[1]!, env, clause: text.trim().slice(0, 160) } : undefined;
}

/** The version a keep of `env` lasts until, where its clause names `env` and an until word before a version. */
export function keptUntilVersion(clause: string, env: EnvName): VersionWait | undefined {
  const m = UNTIL_VERSION.exec(clause);
  return m && mentions(clause, env) ? { version: m[1]!, env, clause: clause.trim().slice(0, 160) } : undefined;
}

// A rollback denied is none: "sem rollback", "no rollback", "ohne Rollback", "sans rollback".
const NO_ROLLBACK = /(?<![\p{L}])(?:no|without|sem|sin|sans|ohne|senza|zonder|utan|uden|uten|bez)\s+roll-?back(?![\p{L}])/giu;
// A list item or a table row: a record's line, dated by being there ("- producao: 08/09/2027, 22:00").
const RECORD_LINE = /^\s*(?:[-*+]\s|\|)/;
const NUMERIC_DAY = /(?<![\d./-])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d./-])/g;

/** The order a document writes its days in, from one that only one order reads ("18/08/2027" is
 * day first): 'dm', 'md', or undefined when none tells. */
function dayOrder(text: string): 'dm' | 'md' | undefined {
  for (const m of text.matchAll(NUMERIC_DAY)) {
    if (Number(m[1]) > 12 && Number(m[2]) <= 12) return 'dm';
    if (Number(m[2]) > 12 && Number(m[1]) <= 12) return 'md';
  }
  return undefined;
}

/** The day a record's line gives: an ISO day, or a numeric one read in the document's own order. */
function recordDay(line: string, order: 'dm' | 'md' | undefined): string | undefined {
  const iso = ISO.exec(line)?.[1];
  if (iso) return iso;
  for (const m of line.matchAll(NUMERIC_DAY)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = a > 12 || (a <= 12 && b <= 12 && order === 'dm') ? [a, b] : b > 12 || order === 'md' ? [b, a] : [0, 0];
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return undefined;
}

// A release log's title: "Releases — May 2028", "Release notes", "Changelog", "Deploy log",
// "Versionshinweise", "Notas de versão", "Notes de version", "Note di rilascio", "Wydania".
const RELEASE_LOG = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:releases|release[ -]?notes|change[ -]?log|deploy(?:ment)?s|deploy[ -]?log|versionshinweise|`,
  String.raw`notas de (?:la )?versi[oó]n|notas de vers[aã]o|lan[cç]amentos|notes de (?:version|publication)|mises en production|`,
  String.raw`note di rilascio|rilasci|wydania|releasenotes|lanzamientos)(?![\p{L}])`,
);

/** A release's own record: a document whose title names the waited-for version, with a line (a list
 * item, a table row) naming the environment beside the day it went there — a day not after the
 * record was written (a day after it is a schedule, not a record) nor after today. A ticket's work
 * is recorded in a release log ("# Releases — February 2028" … "- **2 Feb, production:** AUTH-902
 * login rate limiting"): there the line itself names the ticket, and its day may be written out. */
function releaseRecord(
  doc: { text: string },
  named: RegExp,
  env: EnvName,
  written: string,
  today?: string,
  ticket = false,
): { line: number; quote: string; date: string } | undefined {
  const lines = doc.text.split('\n');
  const title = lines.find((l) => /^\s*#/.test(l));
  if (!title || !(ticket ? RELEASE_LOG.test(title) : named.test(title))) return undefined;
  const order = dayOrder(doc.text);
  for (const [i, line] of lines.entries()) {
    if (!RECORD_LINE.test(line) || !mentions(line, env) || /\?\s*$/.test(line) || notDone(line.replace(NO_ROLLBACK, ' '))) continue;
    if (ticket && !named.test(line)) continue;
    const on = recordDay(line, order) ?? (ticket ? dateIn(line, written, 'near') : undefined);
    if (!on || on > written.slice(0, 10) || (today && on > today)) continue;
    return { line: i + 1, quote: line.trim().slice(0, 160), date: on };
  }
  return undefined;
}

// A release log's heading: "## 4.12 — staging 30 Jun, production 6 Jul 2027", "### v2.3 (prod: 2027-03-02)".
const HEADING = /^\s*#{1,6}\s/;

/** The day a release log's heading gives the environment the release went to: the part of the heading
 * naming it, with a day not after the log was written nor after today. A log's heading records a
 * release by being there, as a table's row does; the day beside each environment is when it went there. */
function headingDay(line: string, env: EnvName, written: string, today?: string): string | undefined {
  if (!HEADING.test(line)) return undefined;
  for (const part of line.split(/[,;()|]|\s[—–-]\s/)) {
    if (!mentions(part, env)) continue;
    const on = dateIn(part, written, 'near');
    if (on && on <= written.slice(0, 10) && !(today && on > today)) return on;
  }
  return undefined;
}

const ISO = /\b(\d{4}-\d{2}-\d{2})\b/;

/** The first record written after `after` (and by `today`) that the waited-for version reached its environment. */
export function versionReached(wait: VersionWait, log: CommitLog | undefined, after: string, today?: string): VersionReached | undefined {
  if (!log) return undefined;
  const named = wait.ticket
    ? new RegExp(`(?<![\\w-])${escapeRegExp(wait.version)}(?![\\w]|-\\d)`, 'u')
    : new RegExp(`(?<![\\w.-])v?${escapeRegExp(wait.version)}(?![\\w-]|\\.\\d)`, 'u');
  const from = Date.parse(after);
  const found: VersionReached[] = [];
  const read = (line: string, written: string): string | undefined => {
    const s = line.trim();
    if (!named.test(s) || !mentions(s, wait.env) || /\?\s*$/.test(s) || notDone(s)) return undefined;
    // A table's row records an event by being there; prose says it happened.
    const row = /^\|.*\|$/.test(s);
    if (!row && !DONE.test(s)) return headingDay(s, wait.env, written, today);
    // A row's or sentence's own date is when it happened: not after today.
    const on = ISO.exec(s)?.[1] ?? readDeadline(s, written).date ?? written.slice(0, 10);
    if (today && on > today) return undefined;
    return on;
  };
  for (const doc of log.documents) {
    const by = log.messages.get(doc.sha);
    if (!by || Date.parse(by.date) <= from || (today && by.date.slice(0, 10) > today)) continue;
    const record = releaseRecord(doc, named, wait.env, by.date, today, wait.ticket);
    if (record) found.push({ where: `${doc.path}:${record.line} (written in ${short(doc.sha)})`, sha: doc.sha, quote: record.quote, date: record.date });
    const lines = doc.text.split('\n');
    for (const [i, line] of lines.entries()) {
      for (const s of line.split(/(?<=[.!?])\s+/)) {
        const on = read(s, by.date);
        if (on) found.push({ where: `${doc.path}:${i + 1} (written in ${short(doc.sha)})`, sha: doc.sha, quote: s.trim().slice(0, 160), date: on });
      }
    }
  }
  for (const m of log.messages.values()) {
    if (Date.parse(m.date) <= from || (today && m.date.slice(0, 10) > today)) continue;
    for (const s of `${m.subject}\n${m.body}`.split(/\n|(?<=[.!?])\s+/)) {
      const on = read(s, m.date);
      if (on) found.push({ where: describeMessage(m), sha: m.sha, quote: s.trim().slice(0, 160), date: on });
    }
  }
  return found.sort((a, b) => a.date.localeCompare(b.date))[0];
}

/** A version's numbers ("4.2" → [4, 2]; "registry/web:4.3.0" → [4, 3, 0]), from the tag of an image
 * or a bare version value; undefined for anything else. */
function versionOf(value: string | null): number[] | undefined {
  if (value === null) return undefined;
  const tag = value.trim().replace(/^.*:(?=v?\d)/, '');
  const m = /^v?(\d+(?:\.\d+){1,3})$/.exec(tag);
  return m ? m[1]!.split('.').map(Number) : undefined;
}
/** Is `a` earlier than `b` (missing parts count as 0)? */
function before(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i] ?? 0, b[i] ?? 0];
    if (x !== y) return x < y;
  }
  return false;
}
// A key that holds what an environment runs: an image, its tag, a version.
const RUNS_KEY = /(?:^|[.\]_-])(?:image|tag|version|appVersion)(?:$|[.[_-])/i;

/** The first change written after `after` (and by `today`) to the waited-for environment's own
 * config that took a key holding what it runs across the waited-for version: from an earlier one of
 * the same major version to it or a later one ("web:4.1.2" → "web:4.3.0" passes "once 4.2 runs
 * there"), and still holds it. A person reads the environment's own file as the record of what
 * runs there; a different major version is another line of releases, not the one waited for. */
export function versionPassedIn(wait: VersionWait, log: CommitLog | undefined, after: string, today?: string): VersionReached | undefined {
  const waited = versionOf(wait.version);
  if (!log || !waited) return undefined;
  const from = Date.parse(after);
  const found: VersionReached[] = [];
  for (const [key, events] of log.envs.get(wait.env) ?? []) {
    if (!RUNS_KEY.test(key)) continue;
    const now = versionOf(events[0]?.to ?? null);
    if (!now || now[0] !== waited[0] || before(now, waited)) continue;
    for (const e of events) {
      if (Date.parse(e.date) <= from || (today && e.date.slice(0, 10) > today)) continue;
      const [was, is] = [versionOf(e.from), versionOf(e.to)];
      if (!was || !is || was[0]! > waited[0]! || was[0]! < waited[0]! - 1 || !before(was, waited) || before(is, waited)) continue;
      found.push({ where: `${key} in ${wait.env} (${describeCommit(e)})`, sha: e.commit, quote: `${e.from} → ${e.to}`, date: e.date.slice(0, 10) });
    }
  }
  return found.sort((a, b) => a.date.localeCompare(b.date))[0];
}
