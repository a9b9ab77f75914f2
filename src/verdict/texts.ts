// Every text the verdict reads, read once per scan: the commit messages of the log (with their
// lower case, tickets, day and whether each is a merge), found by the words and tickets they hold,
// and each text's own readings (its words, sentences, lower case, tickets, and any reader's answer
// about it) kept on one object per text.
//
// Why: a scan weighs thousands of divergences, and most rules read the log for what names their
// key, ticket or value. A rule that goes through every message and makes each message's text
// (`${subject}\n${body}`), its lower case or its tickets again costs divergences × messages
// (3,400 × 1,500 on the bench's Helm corpus, each a new string for the collector); looked up here
// it costs one read per message per scan, and a look-up per divergence.
//
// How a rule uses it (new rules too):
// - to go through the log: `for (const t of logTexts(log).all)` — newest first, the log's order —
//   and read `t.text`, `t.folded`, `t.tickets`, `t.day`, `t.merge` instead of making them;
// - to find the messages that name something: `logTexts(log).withWord(w)` (a whole word, lower
//   case, letters and digits: the messages whose `words` hold it, newest first) or
//   `logTexts(log).citing(ticket)`; then test the rule's own pattern on those only. A word index
//   is a superset test: the rule's pattern decides;
// - to find, among a list of texts every divergence reads (the documents' passages, the later
//   messages), those whose lower case holds one of its literals: a `LiteralIndex` of the list, made
//   once per log beside it (documented.ts `linkTexts`), asked `holding(literal)` for each literal a
//   test of the rule needs (its key's run, a value, a word); the rule then tests only those texts.
//   Each test must need one of the literals given (a substring of the text's lower case), or the
//   rule reads every text; a test comparing the result with reading every text keeps it so
//   (test/verdict/link-index.test.ts);
// - to keep an answer about one text (a reader that is a function of the text and a few small
//   arguments): `readingOf(text).answer('my-reader', variant, () => read(text))`, `variant`
//   naming every other argument read (an environment, the environments joined). The reading is
//   one object per text, so the answer is found by the text's identity and a short variant, not by
//   a key string holding the whole text.
// Only for readers that read nothing but their arguments (once.ts says why): a verdict's reads of
// the log are recorded through its recording view (reads.ts). Going through every message is not
// recorded there (a new commit is judged by its words, `mayChange`), so neither is `all`,
// `withWord` or `citing`: a rule that then reads a commit's changes or merges asks the log for it,
// as before. The index is built from `log.messages` as the rules see it, so a scan's recording
// view and the log under it each have their own.
import type { Message } from './log.js';
import { ticketsIn } from './log.js';

type Note = Message & { order: number };

/** One message of the log as the rules read it. */
export interface LogText {
  note: Note;
  /** `${subject}\n${body}`. */
  text: string;
  /** `text` in lower case. */
  folded: string;
  /** The tickets it cites (`ticketsIn(text)`). */
  tickets: readonly string[];
  /** The day it was written (the date's first ten characters). */
  day: string;
  /** A merge (more than one parent). */
  merge: boolean;
}

export interface LogTexts {
  /** Every message, newest first (the log's order). */
  all: readonly LogText[];
  /** The message of a commit, by its sha (not recorded as a read of the commit). */
  bySha: ReadonlyMap<string, LogText>;
  /** The messages whose words (`wordsOf`) hold `word` (lower case), newest first. */
  withWord(word: string): readonly LogText[];
  /** The messages citing `ticket` (as `ticketsIn` writes it), newest first. */
  citing(ticket: string): readonly LogText[];
}

const NONE: readonly LogText[] = Object.freeze([]);

/** Per log (by its messages, as the rules see them). */
const built = new WeakMap<ReadonlyMap<string, Note>, LogTexts>();

/** The log's messages, read once per log. */
export function logTexts(log: { readonly messages: ReadonlyMap<string, Note> }): LogTexts {
  let texts = built.get(log.messages);
  if (!texts) built.set(log.messages, (texts = build(log.messages)));
  return texts;
}

function build(messages: ReadonlyMap<string, Note>): LogTexts {
  const all: LogText[] = [];
  const bySha = new Map<string, LogText>();
  const byTicket = new Map<string, LogText[]>();
  for (const note of messages.values()) {
    const text = `${note.subject}\n${note.body}`;
    const t: LogText = { note, text, folded: text.toLowerCase(), tickets: ticketsIn(text), day: note.date.slice(0, 10), merge: note.parents.length > 1 };
    all.push(t);
    bySha.set(note.sha, t);
    for (const ticket of t.tickets) {
      const list = byTicket.get(ticket);
      if (list) list.push(t);
      else byTicket.set(ticket, [t]);
    }
  }
  let byWord: Map<string, LogText[]> | undefined;
  const wordIndex = () => {
    if (byWord) return byWord;
    byWord = new Map();
    for (const t of all) {
      for (const w of wordsOf(t.folded)) {
        const list = byWord.get(w);
        if (list) list.push(t);
        else byWord.set(w, [t]);
      }
    }
    return byWord;
  };
  return {
    all,
    bySha,
    withWord: (word) => wordIndex().get(word) ?? NONE,
    citing: (ticket) => byTicket.get(ticket) ?? NONE,
  };
}

/** Which texts of a list hold a literal (a substring of their lower case), answered from one string
 * per list: every text's lower case joined, each literal found there by `indexOf` once and kept.
 *
 * Why: a rule that tests each divergence's literals (its key's word, its values, a ticket) on every
 * passage of every text costs divergences × passages look-ups (3,383 × ~65 later messages on the
 * bench's Helm corpus, most of them finding nothing); here it costs one search of the joined text
 * per distinct literal, and a rule then reads only the texts holding one (documented.ts
 * `linkedPassages`). Exact: a text is listed where its lower case holds the literal, as
 * `lower.includes(literal)` says. A literal holding the separator (a NUL) cannot be answered from
 * the joined text: `holding` gives undefined, and the rule reads every text. */
export class LiteralIndex {
  private readonly joined: string;
  /** Where each text starts in `joined`. */
  private readonly starts: Int32Array;
  private readonly found = new Map<string, readonly number[]>();
  private readonly every: readonly number[];

  constructor(lowers: readonly string[]) {
    this.starts = new Int32Array(lowers.length);
    let at = 0;
    for (let i = 0; i < lowers.length; i++) {
      this.starts[i] = at;
      at += lowers[i]!.length + 1;
    }
    this.joined = lowers.join(SEPARATOR);
    this.every = Object.freeze(lowers.map((_, i) => i));
  }

  get size(): number {
    return this.starts.length;
  }

  /** The texts (their places in the list, ascending) whose lower case holds `literal`. */
  holding(literal: string): readonly number[] | undefined {
    if (literal === '') return this.every;
    if (literal.includes(SEPARATOR)) return undefined;
    let list = this.found.get(literal);
    if (list) return list;
    const out: number[] = [];
    for (let at = this.joined.indexOf(literal); at >= 0;) {
      const i = this.textAt(at);
      out.push(i);
      // On from the next text: one entry per text.
      if (i + 1 >= this.starts.length) break;
      at = this.joined.indexOf(literal, this.starts[i + 1]);
    }
    if (this.found.size >= 50_000) this.found.clear();
    this.found.set(literal, (list = out.length === 0 ? NO_TEXTS : out));
    return list;
  }

  /** The text the joined string's offset `at` is in. */
  private textAt(at: number): number {
    let [lo, hi] = [0, this.starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
const SEPARATOR = '\0';
const NO_TEXTS: readonly number[] = Object.freeze([]);

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct words of a text in lower case: its runs of letters and digits. */
export function wordsOf(text: string): ReadonlySet<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** One text's readings, each made when first asked and kept with the text. */
export interface TextReading {
  readonly text: string;
  /** Lower case. */
  readonly folded: string;
  /** Its tickets (`ticketsIn`). */
  readonly tickets: readonly string[];
  /** Its words (`wordsOf`). */
  readonly words: ReadonlySet<string>;
  /** Its lines and sentences: split at line breaks and after ., ! or ? followed by a space. */
  readonly sentences: readonly string[];
  /** A reader's answer about this text: `read()` the first time `reader` asks with `variant` (which must
   * name every argument the reader reads besides the text), the same answer after. Frozen where an
   * object (once.ts says why). */
  answer<R>(reader: string, variant: string, read: () => R): R;
}

class Reading implements TextReading {
  private folded_?: string;
  private tickets_?: readonly string[];
  private words_?: ReadonlySet<string>;
  private sentences_?: readonly string[];
  private answers?: Map<string, unknown>;
  constructor(readonly text: string) {}
  get folded(): string {
    return (this.folded_ ??= this.text.toLowerCase());
  }
  get tickets(): readonly string[] {
    return (this.tickets_ ??= Object.freeze(ticketsIn(this.text)));
  }
  get words(): ReadonlySet<string> {
    return (this.words_ ??= wordsOf(this.folded));
  }
  get sentences(): readonly string[] {
    return (this.sentences_ ??= Object.freeze(this.text.split(/\n+|(?<=[.!?])\s+/).filter((s) => s.trim() !== '')));
  }
  answer<R>(reader: string, variant: string, read: () => R): R {
    const key = `${reader}\0${variant}`;
    this.answers ??= new Map();
    if (this.answers.has(key)) return this.answers.get(key) as R;
    const answer = frozen(read());
    this.answers.set(key, answer);
    return answer;
  }
}

/** At most this many texts' readings are kept (cleared when full); a text longer than `LONGEST` is
 * read afresh each time (kept, thousands of them could hold hundreds of megabytes). */
const LIMIT = 8192;
const LONGEST = 65_536;
const readings = new Map<string, Reading>();

/** The readings of `text`, one object per text for the process (bounded). */
export function readingOf(text: string): TextReading {
  if (text.length > LONGEST) return new Reading(text);
  let r = readings.get(text);
  if (!r) {
    if (readings.size >= LIMIT) readings.clear();
    readings.set(text, (r = new Reading(text)));
  }
  return r;
}

function frozen<R>(value: R): R {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof RegExp)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}
