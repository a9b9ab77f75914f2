// "The lagging environment's value is broken now." A person settling a difference reads the vendor's
// notice ("Requests with generic library agents (python-requests, curl, …) will be answered with HTTP
// 403" from 1 December), the end-of-life mail ("legacy.geo-lookup.example will stop answering on 30
// November"), the runbook ("The old otel-collector (4318, HTTP) was shut down on 2026-11-25"), or a
// later commit ("support still sees yen payments failing with E_AMOUNT_FORMAT in prd"): the
// environment still on that value is broken today, whatever the promotion order says, and the
// environment that moved off it holds the working value. One reader for every phrasing and every
// place text lives (documents at HEAD and commit messages), not a pattern per notice.
//
// The record names the value as people do: whole, by its host ("legacy.geo-lookup.example"), by a
// compound name in its host ("otel-collector"), by its product ("python-requests" for
// `python-requests/2.31`), or by a word of its host with its port ("the old collector (4318)") — a
// part no other environment's value has. A date still ahead is a deadline, never a go today; a
// refusal planned with no date moves nothing; a negated, asked or conditional sentence is no record.
import type { EnvName } from '../model/types.js';
import type { CommitLog, Message } from './log.js';
import { documentIndex, distinctive, namesValue } from './documents.js';
import { mentions } from './envnames.js';
import { refusalSource } from './languages.js';
import { regex, escapeRegExp } from './pattern.js';
import { dateIn } from './calendar.js';
import { unrecorded } from './unrecorded.js';
import { LiteralIndex } from './texts.js';
import { sentenceEnds } from './sentence-end.js';

/** The first calendar day a text names (calendar.ts, where every reader of dates finds it). */
export { dateIn };

/** Where a record was read: a document's passage, or a commit's message. */
export interface BrokenRecord {
  file?: string;
  line?: number;
  text: string;
  written: Message;
  /** The sentence that says it, the words that say it is refused, shut down or failing, and the part of the value they name. */
  sentence: string;
  phrase: string;
  named: string;
  /** The date it has been broken since (a date stated, or the day the record was written). */
  since: string;
  /** A date was stated (not only the record's own day). */
  dated: boolean;
}

// Refused, shut down, gone or still failing, as vendors, runbooks and colleagues write it: in English
// here, in the languages languages.ts reads from its table (`refused`).
const REFUSED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:stop(?:s|ped|ping)? (?:answering|working|responding|serving|accepting|resolving|being served)|`,
  String.raw`(?:shut|switched|turned|taken|powered) (?:down|off|offline)|decommission(?:ed|ing)?|retired|sunset(?:ted|s)?|discontinued|`,
  String.raw`end[- ]of[- ](?:life|service)|eol|deprecated and removed|removed from service|taken out of service|went dark|goes dark|`,
  String.raw`no longer (?:accept(?:ed|s)?|answer(?:s|ed|ing)?|available|reachable|served|work(?:s|ing)?|exists?|respond(?:s|ing)?|valid|allowed|permitted)|`,
  String.raw`(?:answered|rejected|refused|blocked|denied) with (?:an? )?(?:http )?(?:4\d\d|5\d\d)|`,
  String.raw`(?:returns?|returned|returning|gets?|getting) (?:an? )?(?:http )?(?:403|410|426|451)|`,
  String.raw`(?:is|are|was|were|will be|get|gets|got|been|being) (?:refused|rejected|blocked|denied|gone|dropped)|`,
  String.raw`(?:drops?|dropped|dropping) (?:support|(?:[\p{L}\p{N}._/-]+ ){0,3}?(?:headers?|requests?|connections?|traffic|calls|messages|spans))|`,
  String.raw`still (?:[\p{L}-]+ ){0,4}?(?:fail(?:s|ing|ed)?|broken|down|erroring|refused|rejected|timing out)|`,
  // What a component no longer does, or what goes quiet because of it: "no longer exports
  // pg_stat_statements_*", "the alerts go silent", "not usable on PG13", "drops the … metrics".
  String.raw`no longer (?:export|emit|expose|report|send|publish|collect|produce|scrape|support)(?:s|ed|ing)?|`,
  String.raw`(?:go|goes|went|gone|going) (?:silent|quiet|blind|missing)|(?:not|no longer) usable|unusable|`,
  String.raw`(?:drops?|dropped|dropping) (?:the )?(?:[\p{L}\p{N}._*/-]+ ){0,3}?(?:metrics?|series|labels|columns|fields|events|logs))(?![\p{L}])|`,
  // Japanese: still failing with a word between ("まだ決済失敗"), which a table word cannot say.
  String.raw`まだ\p{Script=Han}{0,6}(?:失敗|エラー)|`,
  // Every other language read: languages.ts' refused family ("abgeschaltet", "dejó de funcionar", "提供終了").
  refusalSource(),
);

// An end announced as a noun ("End of life of legacy.geo-lookup.example", "sunset", "提供終了"): news only
// with the day it comes, not a record that the value is refused now.
const ANNOUNCED = /^(?:end[- ]of[- ](?:life|service)|eol|sunset(?:s)?|fin de (?:vida|vie)|fim de vida|fine vita|提供終了|サポート終了|서비스 종료)$/iu;
// What makes it a plan for later: "will stop answering", "wird abgeschaltet", "sera arrêté".
const FUTURE = /(?<![\p{L}])(?:will|shall|going to|scheduled to|planned to|plan to|to be|wird|werden|va a|sera|será|sarà|zal|zullen)(?:\s+\p{L}+)?\s*$/iu;
// A refusal negated or asked: "will not be shut down", "is not refused", "no plans to decommission".
const NEGATED = /(?<![\p{L}])(?:not|never|n['’]t|no plans? to|nicht|kein\p{L}*|pas|não|niet|nie|non)\s+(?:\p{L}+\s+)?$/iu;
// An instruction or a case for later: "if the old host is shut down, …", "once it is decommissioned".
const CONDITION = /(?<![\p{L}])(?:if|when|once|in case|unless|should|whether|wenn|falls|sobald|ob|si|cuando|quand|zodra|jeśli|gdy)(?![\p{L}])/iu;

// A possibility, not a record: "v0.16.0 may break the exporter", "could go silent", "kann … unbrauchbar sein".
const MAYBE = /(?<![\p{L}])(?:may|might|could|would|possibly|probably|risk|kann|könnte|vielleicht|peut|pourrait|peut-être|kan|zou|misschien)(?![\p{L}])/iu;

/** How a record is asked for. `after`: written after this moment only (a move's record, not an older
 * word the move already answered). `tried`: environments a record may name besides the value's own (a
 * value tried in qa and found broken there, which qa does not hold). `firm`: a record stated outright,
 * with no possibility or condition anywhere in its sentence ("may break", "if we upgrade"). */
export interface BrokenOptions {
  after?: string;
  tried?: readonly EnvName[];
  firm?: boolean;
  /** The texts that name what the value belongs to (the change's message, the key): a compound name
   * written right before the value ("redis-exporter v0.16.0") names its owner, which one of them must name. */
  owners?: readonly string[];
}

/** The compound name written right before `at` ("redis-exporter v0.16.0", "grafana/agent:v0.40.0"):
 * the word before the value, past spaces, a colon or an at sign, where it holds a hyphen, an underscore
 * or a slash. Read by hand, not by a pattern: the text is a pull request's. */
function ownerBefore(sentence: string, at: number): string | undefined {
  let end = at;
  while (end > 0 && ' \t:@='.includes(sentence[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !' \t()[]{}"\'`,;'.includes(sentence[start - 1]!)) start--;
  // Markdown's emphasis around the name is not part of it ("**redis-exporter** v0.16.0").
  while (start < end && '*_'.includes(sentence[start]!)) start++;
  while (end > start && '*_'.includes(sentence[end - 1]!)) end--;
  const word = sentence.slice(start, end);
  return word.length >= 4 && /[-_/]/.test(word) && /\p{L}{3}/u.test(word) ? word.toLowerCase() : undefined;
}

// The value a record pins, with its verb: "stay on v0.15.0", "keep 0.15", "bleiben bei …", "on reste sur …",
// "blijf op …". The pinned value is the alternative the record keeps, not one it calls broken too.
const PINNED =
  /(?<![\p{L}])(?:stay|stays|staying|remain|remains|keep|keeps|pin|pinned|back|bleib\p{L}*|reste\p{L}*|blijf\p{L}*)(?: (?:on|at|to|with|bei|auf|sur|à|op))? [^\s,;:]+/giu;

/** The record's clause holding the refusal: a sentence that pins one value and calls the other broken
 * ("Stay on v0.15.0: v0.16.0 no longer exports …") names both, each in its own clause. */
function clauseAt(sentence: string, at: number): string {
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(/[;:]\s|\s(?:->|→|—|–)\s|(?<![\p{L}])(?:but|because|so|aber|weil|mais|car|maar|want)(?![\p{L}])/giu)) {
    if (m.index < at) start = m.index + m[0].length;
    else if (m.index > at) {
      end = m.index;
      break;
    }
  }
  return sentence.slice(start, end);
}

/** How prose names a value, by parts no other environment's value has: the value whole (when
 * distinctive), its host, a compound label of its host ("otel-collector"), its product
 * ("python-requests"); and a word of its host with its port ("collector" and 4318). `short`: the
 * value whole where it is short ("b3"), which counts only in a text about the key. */
export function partsOf(value: string, others: ReadonlyArray<string | null>): { parts: string[]; port?: { port: string; words: string[] }; short?: string } {
  const v = value.trim();
  const lowerOthers = others.filter((o): o is string => o !== null).map((o) => o.toLowerCase());
  const own = (p: string) => p.length >= 4 && !lowerOthers.some((o) => o.includes(p.toLowerCase()));
  const parts: string[] = [];
  const whole: boolean = distinctive(v);
  if (whole) parts.push(v);
  const url = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::(\d{2,5}))?(?:[/?#]|$)/i.exec(v);
  let port: { port: string; words: string[] } | undefined;
  if (url && /[a-z]/i.test(url[1]!)) {
    const host = url[1]!;
    parts.push(host);
    for (const label of host.split('.')) if (label.length >= 6 && /[-\d]/.test(label) && /[a-z]{3}/i.test(label)) parts.push(label);
    const words = host.split(/[.-]/).filter((w) => w.length >= 5 && /^[a-z]+$/i.test(w) && own(w));
    if (url[2] && words.length > 0 && own(`:${url[2]}`)) port = { port: url[2], words };
  }
  const product = /^([A-Za-z][\w.+-]{2,40})\/v?\d/.exec(v);
  if (product && !url) parts.push(product[1]!);
  const short =
    !whole &&
    /\p{L}/u.test(v) &&
    v.length >= 2 &&
    !/\s/.test(v) &&
    !/^(?:true|false|on|off|yes|no)$/i.test(v) &&
    !lowerOthers.some((o) => o.includes(v.toLowerCase()))
      ? v
      : undefined;
  return { parts: [...new Set(parts)].filter(own), ...(port ? { port } : {}), ...(short ? { short } : {}) };
}

/** Where the sentence names the value by one of its parts: the part named and where, or undefined. */
function named(sentence: string, parts: ReturnType<typeof partsOf>, aboutKey: boolean): { part: string; at: number } | undefined {
  const lower = sentence.toLowerCase();
  for (const p of parts.parts) if (namesValue(sentence, p)) return { part: p, at: lower.indexOf(p.toLowerCase()) };
  if (parts.port && new RegExp(`(?<![\\d:])${parts.port.port}(?!\\d)`).test(sentence)) {
    const word = parts.port.words.find((w) => new RegExp(`(?<![a-z])${escapeRegExp(w)}s?(?![a-z])`, 'i').test(sentence));
    if (word) return { part: `${word} (${parts.port.port})`, at: lower.indexOf(word.toLowerCase()) };
  }
  if (aboutKey && parts.short && namesValue(sentence, parts.short)) return { part: parts.short, at: lower.indexOf(parts.short.toLowerCase()) };
  return undefined;
}

// What ends the clause a value is the subject of: "X was fine, but the zone went dark" says nothing of X.
const CLAUSE_BREAK = /[;:]|(?<![\p{L}])(?:but|while|whereas|because|so|aber|weil|mais|pero|porque|ma|maar)(?![\p{L}])/iu;

/** Is the refusal said of the part: the part before it in its clause ("legacy.geo-lookup.example will
 * stop answering", "Requests with generic library agents (python-requests, curl) will be answered with
 * 403"), inside its words ("drops B3 headers"), or right after it ("End of life of X", "we shut down X")? */
function saidOf(sentence: string, part: { at: number }, phrase: { at: number; phrase: string }): boolean {
  const end = phrase.at + phrase.phrase.length;
  if (part.at >= phrase.at && part.at < end) return true;
  if (part.at < phrase.at) {
    const between = sentence.slice(part.at, phrase.at);
    // Brackets between are the part's own ("otel-collector (4318, HTTP) was shut down", "(python-requests, curl) get 403").
    return between.length <= 120 && !CLAUSE_BREAK.test(between);
  }
  const between = sentence.slice(end, part.at);
  return between.length <= 30 && !/[,;:()]/.test(between);
}

/** A text of the log (a document's passage, a commit message) that may say something is refused, shut
 * down or failing: its lower case and its sentences saying so are read when first asked. */
class RefusalText {
  private lowered_: string | undefined;
  private sentences_: Array<{ text: string; phrase: string; at: number }> | undefined;
  /** The day it was written (its date's first ten characters). */
  readonly writtenDay: string;

  constructor(
    readonly text: string,
    readonly written: Message,
    readonly file?: string,
    readonly line?: number,
  ) {
    this.writtenDay = written.date.slice(0, 10);
  }

  get lowered(): string {
    return (this.lowered_ ??= this.text.toLowerCase());
  }

  /** The text is ASCII throughout: where the value's parts are too, it names one only where its lower case holds it. */
  get ascii(): boolean {
    return (this.ascii_ ??= ascii(this.text));
  }
  private ascii_: boolean | undefined;

  /** The sentences saying something is refused, shut down or failing, with the words that say it. */
  get sentences(): Array<{ text: string; phrase: string; at: number }> {
    return (this.sentences_ ??= refusals(this.text));
  }
}

/** The texts of `texts` (their places, ascending) whose lower case holds one of `parts` (lower case):
 * undefined where the index cannot tell (a part holding its separator). */
const loweredIndexes = new WeakMap<RefusalText[], LiteralIndex>();
function holding(texts: RefusalText[], parts: readonly string[]): readonly number[] | undefined {
  let index = loweredIndexes.get(texts);
  if (!index) loweredIndexes.set(texts, (index = new LiteralIndex(texts.map((t) => t.lowered))));
  if (parts.length === 1) return index.holding(parts[0]!);
  const at = new Set<number>();
  for (const p of parts) {
    const list = index.holding(p);
    if (!list) return undefined;
    for (const i of list) at.add(i);
  }
  return [...at].sort((x, y) => x - y);
}

function holdsAny(lowered: string, parts: readonly string[]): boolean {
  for (const p of parts) if (lowered.includes(p)) return true;
  return false;
}

function ascii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const sentencesOf = (text: string) => text.split(sentenceEnds(/(?<=[.!?;。！？])\s+|\n+|(?<=[。！？])/u)).filter((s) => s.trim());

/** The sentences of a text that say something is refused, shut down or failing, with the words that say it. */
export function refusals(text: string): Array<{ text: string; phrase: string; at: number }> {
  return sentencesOf(text).flatMap((s) => {
    const m = REFUSED.exec(s);
    return m ? [{ text: s, phrase: m[0], at: m.index }] : [];
  });
}

/** The texts of the log (documents' passages, commit messages), in that order, each read for what it says
 * is refused, shut down or failing when a value a verdict asks about may be named in it (its lower case
 * holds a part of the value, or the value is named by a port or a short name): made once per log, then
 * asked by every divergence. Every text's sentences read at once were a third of the one verdict weighed
 * after a new commit on the Helm bench corpus (1,500 messages, each sentence through REFUSED). */
const indexes = new WeakMap<CommitLog['documents'], RefusalText[]>();
function refusalTexts(log: CommitLog): RefusalText[] {
  let index = indexes.get(log.documents);
  if (!index) indexes.set(log.documents, (index = unrecorded(() => textsOf(log))));
  return index;
}
function textsOf(log: CommitLog): RefusalText[] {
  const index: RefusalText[] = [];
  for (const doc of documentIndex(log)) for (const p of doc.passages) index.push(new RefusalText(p.text, doc.written, doc.path, p.line));
  for (const m of log.messages.values()) index.push(new RefusalText(`${m.subject}\n\n${m.body}`, m));
  return index;
}

/** Is the refusal in the sentence said now or as a dated plan, not negated, asked or made a condition? */
function said(s: { text: string; at: number; phrase: string }): { future: boolean } | undefined {
  if (/[?？]\s*$/u.test(s.text)) return undefined;
  const before = s.text.slice(0, s.at);
  if (NEGATED.test(before) || CONDITION.test(before)) return undefined;
  return { future: FUTURE.test(before) };
}

/** A record that `value` — held by `env` — is refused, shut down or still failing, since a day that has
 * passed by `today`: the environment is broken now. `others`: the other environments' values (a part of
 * the value they share names none of them); `aboutKey`: whether a text is about the key (a short value,
 * "b3", counts only there). A record that names an environment names `env`, or speaks of none. */
export function brokenSince(
  value: string | null,
  env: EnvName,
  others: ReadonlyArray<string | null>,
  environments: EnvName[],
  log: CommitLog | undefined,
  today: string | undefined,
  aboutKey: (text: string) => boolean = () => false,
  opts: BrokenOptions = {},
): BrokenRecord | undefined {
  if (!log || !today || value === null || value.trim() === '') return undefined;
  const parts = partsOf(value, others);
  if (parts.parts.length === 0 && !parts.port && !parts.short) return undefined;
  const working = others.filter((o): o is string => o !== null && o !== value).map((o) => partsOf(o, [value]));
  const asciiParts = parts.parts.every(ascii);
  // Each part's lower case once per question, not once per text: a scan asks this of every text of
  // the log for every lagging environment of every divergence, and few texts hold a part.
  const loweredParts = parts.parts.map((p) => p.toLowerCase());
  const texts = refusalTexts(log);
  // A value named by its parts alone (no port, no short name) is named only in a text holding one:
  // those texts, found once per log for each part, in order, rather than every text of the log.
  const holders = parts.port || parts.short ? undefined : holding(texts, loweredParts);
  const count = holders ? holders.length : texts.length;
  // (Once per question, not per text: a value with a port or a short name goes through every text.)
  const after = opts.after ? Date.parse(opts.after) : undefined;
  const shortLower = parts.short?.toLowerCase();
  for (let n = 0; n < count; n++) {
    const t = texts[holders ? holders[n]! : n]!;
    if (t.writtenDay > today) continue;
    if (after !== undefined && Date.parse(t.written.date) <= after) continue;
    const lowered = t.lowered;
    if (!holdsAny(lowered, loweredParts)) {
      if (!parts.port && !parts.short) continue;
      // Named by its port or, in a text about the key, its short name: `named` finds the port's digits or
      // (namesValue) the short name's characters case aside, which an ASCII text holds only where its lower
      // case does, as it holds an ASCII part. Every text's sentences read was most of brokenSince.
      if (
        t.ascii &&
        asciiParts &&
        !(parts.port && t.text.includes(parts.port.port)) &&
        !(parts.short && (!ascii(parts.short) || lowered.includes(shortLower!)))
      )
        continue;
    }
    const sentences = t.sentences;
    if (sentences.length === 0) continue;
    const keyed = parts.short !== undefined && aboutKey(t.text);
    for (const s of sentences) {
      const part = named(s.text, parts, keyed);
      if (!part || !saidOf(s.text, part, s)) continue;
      // The working value named in the same sentence: it is the alternative, or the notice is about both.
      // A firm record reads the clause of its refusal: the alternative pinned in another clause is the pin.
      const about = opts.firm ? clauseAt(s.text, s.at).replace(PINNED, ' ') : s.text;
      if (working.some((w) => named(about, w, keyed))) continue;
      if (opts.owners) {
        const owner = ownerBefore(s.text, part.at);
        if (owner && !opts.owners.some((o) => o.toLowerCase().includes(owner))) continue;
      }
      // About another environment: a record naming environments names this one.
      const envs = environments.filter((e) => mentions(s.text, e));
      if (envs.length > 0 && !envs.includes(env) && !(opts.tried && envs.every((e) => opts.tried!.includes(e)))) continue;
      const how = said(s);
      if (!how) continue;
      if (opts.firm && (how.future || MAYBE.test(s.text) || CONDITION.test(s.text))) continue;
      const date = dateIn(s.text, t.written.date) ?? dateIn(t.text, t.written.date);
      // A plan or an announced end with no date moves nothing; a date still ahead is a deadline, not a go today.
      if ((how.future || ANNOUNCED.test(s.phrase)) && !date) continue;
      const since = date ?? t.writtenDay;
      if (since > today) continue;
      return {
        ...(t.file ? { file: t.file, line: t.line } : {}),
        text: t.text,
        written: t.written,
        sentence: s.text,
        phrase: s.phrase,
        named: part.part,
        since,
        dated: date !== undefined,
      };
    }
  }
  return undefined;
}
