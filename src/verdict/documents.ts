// What a prose document (a post-mortem, a runbook, a QA note) says about one key: only the
// passages that name it, and of those only what records a judgement about the value. A runbook's
// instructions for some later situation ("if the breaker flaps, raise X to 95", "when done, remove
// the binding") are not news of anything: a conditional instruction is never read. Documents tell
// undrift that a hand edit is to be undone (put back what the file says), or, only in so many
// words, that it is to be kept ("decision: keep it", "add it to the repo"); naming the key or the
// incident never makes a hand edit look meant, and documents never report work done.
import { namesByOption } from './changed-option.js';
import { ticketsIn, type CommitLog, type Message } from './log.js';
import { foreignSays, saidMatch } from './languages.js';
import { KEEP_IDIOM, pattern, regex, sourceOf, escapeRegExp } from './pattern.js';
import { once } from './once.js';
import { AHEAD, negatedAfter, negatedBefore, undecided } from './conditions.js';
import { namesDate } from './deadline.js';
import { ON_A_DAY } from './calendar.js';
import { unrecorded } from './unrecorded.js';
import { wordsOfKey } from '../parse/key-words.js';
import { sentenceEnds } from './sentence-end.js';
import { askedAt } from './asked-sentence.js';
import { statedOnly } from './stated.js';
import { wontFixIn } from './status.js';
import { pendingHold, type PendingHold } from './pending-hold.js';
import { successorIn, successorNamed } from './successor.js';

export interface Passage {
  /** The document and the line the passage starts at (1-based). */
  file: string;
  line: number;
  text: string;
  /** The commit that last wrote the document. */
  written: Message;
}

/** At most this many passages of at most this many characters are read per key. */
const PASSAGES = 6;
const PASSAGE_CHARS = 400;

/** A list item's field that says nothing of what the item is: its value, or whether it is on. */
const ITEM_FIELDS = ['value', 'enabled', 'disabled', 'enable', 'on'];

/** A named list item's value or switch goes by the item's name in prose, never by the field that holds
 * it: a container env var (`Deployment/api.containers[name=app].env[name=DRAIN_S].value`), a Helm
 * chart's `extraEnv[name=LOG_FORMAT].value` or top-level `env[name=…].value`, a feature list's
 * `features[name=guest-checkout].enabled` ("guest checkout"). */
function itemName(key: string): string | undefined {
  // Sliced, not matched: an end-anchored pattern would be tried from every position of a long key.
  const field = ITEM_FIELDS.find((f) => key.endsWith(`].${f}`));
  const start = key.lastIndexOf('[name=');
  if (!field || start < 0) return undefined;
  const name = key
    .slice(start + '[name='.length, -`].${field}`.length)
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return name && !name.includes(']') && !name.includes('[') ? name : undefined;
}

/** The word a key goes by in prose: its last segment (`data.BREAKER_PCT` → BREAKER_PCT). */
function leafOf(key: string): string {
  const named = itemName(key);
  if (named) return named;
  return (
    key
      .split(/[.[\]/]/)
      .filter(Boolean)
      .at(-1) ?? key
  );
}

/** The word a key goes by in prose: `data.GODEBUG` → GODEBUG, `Role/scheduler-operator` → scheduler-operator. */
export const keyLeaf = (key: string): string => {
  // Asked of a key by most readers of every divergence: made once per key (bounded, cleared when full).
  let leaf = leaves.get(key);
  if (leaf === undefined) {
    if (leaves.size >= 16_384) leaves.clear();
    leaves.set(key, (leaf = leafOfKey(key)));
  }
  return leaf;
};
const leaves = new Map<string, string>();
const leafOfKey = (key: string): string =>
  itemName(key) ??
  key
    .replace(/\]$/, '')
    .split(/[.[\]/=]/)
    .filter(Boolean)
    .at(-1) ??
  key;

// Units a key's name ends with that prose leaves out: `staleIfErrorSeconds` is "stale-if-error".
const UNIT = /^(?:seconds?|secs?|s|ms|millis|minutes?|mins?|hours?|days?|bytes?|kb|mb|gb|count|pct|percent)$/;

/** How prose names a key: its leaf as written (GODEBUG, scheduler-operator), or the leaf's words
 * in order, joined by spaces, dashes or nothing (`staleIfErrorSeconds` → "stale-if-error"). */
export function keyNamePattern(key: string): RegExp | undefined {
  return keyName(key)?.pattern;
}

/** The pattern, and a lower-case run every match of it holds (its first word, or the whole leaf)
 * where that run is ASCII: there, lower case is exactly what the 'i' flag matches, so a message
 * whose lower case lacks the run cannot name the key; and, where the key is also written as its
 * words (`spelt`), those words, all ASCII. */
export const keyName = once((key: string) => key, keyNameOnce);

function keyNameOnce(key: string): { pattern: RegExp; run?: string; spelt?: readonly string[] } | undefined {
  const leaf = keyLeaf(key);
  if (leaf.length < 4) return undefined;
  const words = wordsOfKey(leaf)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  const written = words.length;
  while (words.length > 1 && UNIT.test(words.at(-1)!)) words.pop();
  // A leaf that is one word once its unit is gone (`ttlSeconds`, `timeoutMs`) goes by its parent in prose:
  // "cache TTL" for authz.cache.ttlSeconds; the word alone ("TTL") names too many things.
  const parent =
    written > words.length && words.length === 1 && !itemName(key)
      ? key
          .split(/[.[\]/]/)
          .filter(Boolean)
          .at(-2)
      : undefined;
  if (parent && /^[A-Za-z][A-Za-z0-9]{2,}$/.test(parent)) words.unshift(...wordsOfKey(parent).map((w) => w.toLowerCase()));
  const spelt = words.length >= 2 && words.join('').length >= 8 ? [words.map(escapeRegExp).join('[-_ ]?')] : [];
  const pattern = new RegExp(`(^|[^A-Za-z0-9_])(?:${[escapeRegExp(leaf), ...spelt].join('|')})($|[^A-Za-z0-9_])`, 'i');
  // (With the parent first, the leaf's own word is the run both spellings hold.)
  const run = spelt.length ? (parent && words.length > 1 ? words.at(-1)! : words[0]!) : leaf.toLowerCase();
  // Where ASCII, a match is the leaf as written or holds every word of the spelt form: a text
  // holding neither cannot name the key (live-fate.ts finds documents so, by their literals).
  if (!/^[\x00-\x7f]+$/.test(run)) return { pattern };
  return spelt.length && /^[\x00-\x7f]+$/.test(leaf) && words.every((w) => /^[\x00-\x7f]+$/.test(w)) ? { pattern, run, spelt: words } : { pattern, run };
}

/** A passage of a document: a list item with its continuation lines, a table row, or a paragraph;
 * with the heading of its section (the nearest one above it) and, for a table row, the row with
 * each cell after its column's header ("due in production: 2026-11-30"). */
export interface DocPassage {
  line: number;
  text: string;
  /** The heading of the section the passage sits in, without its #s. */
  heading?: string;
  /** A table row's cells, each after its column's header: "id: PT-2026-07; due in production: 2026-11-30". */
  row?: string;
  /** For a list item, the short paragraph right above its list ("Wdrożone / deployed:"), which says what every item is. */
  lead?: string;
}

/** A document's passages: each list item with its continuation lines, each table row, or each paragraph.
 * Read once per text: several rules read the same documents for every divergence of a scan. */
export function passages(text: string): ReadonlyArray<DocPassage> {
  let out = passagesByText.get(text);
  if (!out) {
    if (passagesByText.size >= 512) passagesByText.clear();
    passagesByText.set(text, (out = split(text)));
  }
  return out;
}
const passagesByText = new Map<string, ReadonlyArray<DocPassage>>();

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
/** A table's divider row, "| --- | :---: |": pipes, colons, dashes and spaces only. */
const isDivider = (line: string) => /^\s*\|/.test(line) && /^[|:\- \t]+$/.test(line) && line.includes('--');
/** A heading's text, without its #s before and after ("## Plan ##" → "Plan"). */
function headingText(line: string): string {
  const h = line.replace(/^#{1,6}[ \t]+/, '').trimEnd();
  let i = h.length;
  while (i > 0 && h[i - 1] === '#') i--;
  return i < h.length && (i === 0 || h[i - 1] === ' ' || h[i - 1] === '\t') ? h.slice(0, i).trimEnd() : h;
}

function split(text: string): DocPassage[] {
  const out: DocPassage[] = [];
  let current: { line: number; lines: string[]; item: boolean } | undefined;
  let heading: string | undefined;
  // The short paragraph that introduces the list below it ("Deployed:"), until the next heading or paragraph.
  let intro: string | undefined;
  // The header row of the table being read, once its divider line has confirmed it.
  let header: string[] | undefined;
  let previous: { line: string; index: number } | undefined;
  const flush = () => {
    if (current) {
      const passage: DocPassage = { line: current.line, text: current.lines.join(' ').replace(/\s+/g, ' ').trim() };
      if (heading) passage.heading = heading;
      const first = current.lines[0]!;
      if (header && /^\s*\|/.test(first)) {
        const cells = cellsOf(first);
        const labelled = cells.map((c, i) => (header![i] && c ? `${header![i]}: ${c}` : c)).filter(Boolean);
        passage.row = labelled.join('; ');
      }
      if (current.item && intro) passage.lead = intro;
      // A short paragraph right above a list introduces it ("Deployed to production 2026-11-24.", "Shipped:").
      else if (!current.item) intro = passage.text.length <= 200 && !passage.row ? passage.text : undefined;
      out.push(passage);
    }
    current = undefined;
  };
  text.split('\n').forEach((raw, i) => {
    // A quoted block ("> On 20 November …") is read as its text: its markers are no words of it.
    const line = raw.trimEnd().replace(/^[ \t]*(?:>[ \t]?)+/, '');
    const isRow = /^\s*\|/.test(line);
    // The table's last row is read with its headers too: it is flushed before the table ends.
    if (!isRow && header) {
      flush();
      header = undefined;
    }
    if (line.trim() === '' || /^#{1,6}\s/.test(line)) {
      flush();
      if (/^#{1,6}\s/.test(line)) {
        heading = headingText(line);
        intro = undefined;
      }
      previous = undefined;
      return;
    }
    // A table's divider: the row before it (already a passage) is the header of the rows after it.
    if (isRow && isDivider(line)) {
      if (previous && /^\s*\|/.test(previous.line)) {
        header = cellsOf(previous.line);
        if (out.at(-1)?.line === previous.index + 1 && !current) out.pop();
        else if (current?.line === previous.index + 1) current = undefined;
      }
      previous = { line, index: i };
      return;
    }
    previous = { line, index: i };
    // A list item, or a table's row: each its own passage.
    const item = /^\s*(?:[-*+]|\d+[.)]|\|)\s+/.test(line);
    if (item || !current) {
      flush();
      current = { line: i + 1, lines: [line], item: item && !isRow };
    } else current.lines.push(line);
  });
  flush();
  return out;
}

/** A document's own status ("Status: accepted", "status: proposed" in its front matter, "**Status:**
 * Draft", "Estado: borrador", "Statut : proposé"), read from its first lines: a document still proposed, open or withdrawn decides nothing. */
export function documentStatus(text: string): { status: string; decided: boolean; withdraws?: boolean } | undefined {
  const head = text.split('\n').slice(0, 20);
  // A record resolved as not to be done ("Resolution: Won't Fix", "Status: Closed — not planned",
  // "Stav: Uzavřeno — Won't Fix"): whatever else its status says, the work it was opened for will not
  // happen, and what was done ahead of it goes back. Trackers write resolutions in their own words
  // whatever the team's language, so the label is any word; the resolution is what is read.
  for (const line of head) {
    const value = RESOLUTION_LINE.exec(line)?.[1];
    // The resolution is a part of the value on its own ("Closed — Won't Fix (2027-05-20)"), not words
    // in a sentence ("Notes: the retry won't fix the timeout").
    const parts = value?.replace(/\*\*|__|`/g, '').split(/[—–|,;()/]|\s-\s/) ?? [];
    if (value !== undefined && parts.some((p) => p.trim() !== '' && wontFixIn(p.trim())?.length === p.trim().replace(/[.!]$/, '').length))
      return { status: value.trim().slice(0, 80), decided: true, withdraws: true };
  }
  for (const [i, line] of head.entries()) {
    const m = STATUS_LINE.exec(line);
    // The status as a section of its own (Nygard's ADR template: "## Status", a blank line, "Accepted"):
    // its first line of text is the status.
    const section = !m && STATUS_HEADING.test(line) ? head.slice(i + 1).find((x) => x.trim() !== '') : undefined;
    let said = m?.[1] ?? (section !== undefined && !/^[ \t]*#/.test(section) ? section.replace(/^[ \t]*(?:[-*>][ \t]*)?/, '') : undefined);
    if (said === undefined) continue;
    // A status struck through whole is no status any more: the one written after it, on the next line
    // when nothing follows it here ("Stav: ~~schváleno 3. 4.~~" / "**znovu otevřeno 15. 4.**"), is.
    if (said.replace(/~~[^~\n]*~~|\*\*|__/g, '').trim() === '' && /~~/.test(said)) {
      const next = head[i + 1]?.replace(/\*\*|__/g, '').trim();
      if (!next || RESOLUTION_LINE.test(head[i + 1]!) || /^#/.test(next)) continue;
      said = next;
    }
    const status = said.trim().slice(0, 80);
    // A record accepted once and since superseded, replaced or rejected ("Accepted (superseded by
    // ADR-0012)", "~~Accepted~~ Superseded by ADR-12", "remplacé par l'ADR-12") decides nothing any
    // more, wherever in the status the later word stands.
    // Only after an acceptance, or as the status itself: "Status: resolved, the node was replaced by a
    // new one" in an incident's notes is no record superseded.
    const found = OFF_IN_STATUS.exec(status);
    // "Ersetzt ADR-21", "Remplace ADR-21" (the word, then another record's id, no "durch"/"par") is this
    // record superseding that one, not being superseded.
    const replacesOther = found && REPLACES_OTHER.test(status.slice(found.index + found[0].length));
    const off = found && !replacesOther && (/^[\s*_~\x60"'([]*$/u.test(status.slice(0, found.index)) || ACCEPTED_FIRST.test(status)) ? found : null;
    const open = UNDECIDED.test(status) || !!off;
    // Withdrawn, rejected, superseded: the document decides nothing forward, and says its plan is off.
    return { status, decided: !open, ...(WITHDRAWS.test(status) || (off && !/^(?:deprecated|veraltet|obsol)/iu.test(off[0])) ? { withdraws: true } : {}) };
  }
  return undefined;
}
// A record's status line: "Status: proposed", "**Stav:** …", "Trạng thái: …", "Tillstånd: …", "الحالة: …" — at
// the line's start, or after other fields of the same head line ("**Autor:** Radek · **Stav:** …").
const STATUS_LINE = regex(
  'iu',
  String.raw`^[ \t]*(?:[-*>][ \t]*)?(?:[^\n·•]{1,80}[·•][ \t]*)?(?:\*\*|__)?(?:status|statut|estado|stato|stav|trạng thái|tillstånd|состояние|статус|`,
  String.raw`状態|ステータス|状态|상태|الحالة|स्थिति)(?:\*\*|__)?[ \t]*(?::|=|-|—)[ \t]*(?:\*\*|__)?[ \t]*([^\n]{1,80})`,
);
// A labelled line of a record's head: "Resolution: …", "**Status:** …", "- Stav: …" (a word or two, then a colon).
const RESOLUTION_LINE = /^[ \t]*(?:[-*>][ \t]*)?(?:\*\*|__)?\p{L}{2,20}(?: \p{L}{2,20})?(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*([^\n]{1,80})/u;
// A heading that is the word status alone: "## Status", "### Statut", "## Estado".
const STATUS_HEADING = /^[ \t]{0,3}#{1,6}[ \t]{1,3}(?:status|statut|estado|stato)[ \t]*(?::[ \t]*)?$/iu;
// A status that opens with the record's acceptance ("Accepted", "~~Accepted~~", "Aceptado", "accepté").
const ACCEPTED_FIRST = regex(
  'iu',
  String.raw`^[\s*_~\x60"'(\[]*(?:accepted|approved|decided|agreed|adopted|angenommen|akzeptiert|beschlossen|genehmigt|accept[ée]e?s?|approuv[ée]e?s?|`,
  String.raw`adopt[ée]e?s?|aceptad[oa]|aprobad[oa]|aceit[oa]|aprovad[oa]|approvat[oa]|accettat[oa]|geaccepteerd|goedgekeurd|zaakceptowan[ya]|przyjęt[ya])(?![\p{L}])`,
);
// A later word in a status, anywhere in it: superseded, replaced, rejected, deprecated — in the languages read.
const OFF_IN_STATUS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:superseded|replaced by|rejected|declined|withdrawn|deprecated|ersetzt|abgelöst|abgelehnt|zurückgezogen|veraltet|`,
  String.raw`remplac[ée]e?|rejet[ée]e?|refus[ée]e?|retir[ée]e?|obsolète|reemplazad[oa]|sustituid[oa]|rechazad[oa]|retirad[oa]|obsoleto|`,
  String.raw`sostituit[oa]|respint[oa]|substituíd[oa]|rejeitad[oa]|vervangen|afgewezen|ingetrokken|odrzucon[ya]|zastąpion[ya]|wycofan[ya])(?![\p{L}])`,
);
// Another record's id right after the word: "ADR-21", "l'ADR-21", "a ADR-21", "[RFC-8](…)".
const REPLACES_OTHER = /^[ \t]{1,3}(?:a |à |o |a |l['’]|de |het )?\[?[A-Za-z]{2,10}[- ]?\d{1,6}/u;
// Statuses that are no decision (yet, or any more).
const UNDECIDED = regex(
  'iu',
  String.raw`^[\s*_\x60"'(\[]*(?:open|proposed|proposal|draft|under (?:review|discussion)|in (?:review|discussion)|discussion|discussing|pending|wip|`,
  String.raw`rejected|declined|withdrawn|superseded|abandoned|obsolete|on hold|not (?:yet )?(?:decided|accepted|approved)|undecided|to be (?:decided|discussed)|`,
  // The same in the languages the readers read: "Status: Entwurf", "statut : proposé", "estado: borrador", "status: voorstel".
  String.raw`offen|entwurf|vorschlag|vorgeschlagen|in (?:prüfung|diskussion|abstimmung)|noch nicht entschieden|ouvert|proposée?|brouillon|`,
  String.raw`en discussion|à décider|abiert[oa]|propuest[oa]|borrador|en (?:discusión|revisión)|por decidir|voorstel|voorgesteld|concept|`,
  String.raw`in bespreking|propozycja|szkic|do decyzji|`,
  // Opened again after a decision, or still being worked out: "reopened", "wieder geöffnet", "rouvert", "reabierto",
  // "znovu otevřeno", "ponownie otwarte", "återöppnad", "W toku", "v řešení", "chưa quyết định", "مفتوح", "विचाराधीन".
  String.raw`re-?opened|wieder (?:geöffnet|eröffnet|offen)|wiedereröffnet|r[eé]-?ouvert\p{L}*|reabiert[oa]|reabert[oa]|riapert[oa]|heropend|`,
  String.raw`znovu otevřen\p{L}*|znovu otevren\p{L}*|otevřen\p{L}*|ponownie otwart\p{L}*|otwart\p{L}*|w toku|w trakcie|v řešení|nerozhodnut\p{L}*|`,
  String.raw`återöppnad|öppnad igen|ej beslutad|inte beslutad|chưa quyết định|đang xem xét|مفتوح|قيد النقاش|قيد المراجعة|विचाराधीन)(?![\p{L}])`,
);
// Statuses that call the document's plan off: what was done on it goes back (documented.ts reads the undo).
const WITHDRAWS = regex(
  'iu',
  String.raw`^[\s*_\x60"'(\[]*(?:rejected|declined|withdrawn|superseded|abandoned|cancell?ed|called off|revoked|zurückgezogen|abgelehnt|retirée?|rechazad[oa]|retirad[oa])(?![\p{L}])`,
);

/** A document as every reader asks it: its text in lower case (for a substring test before any
 * pattern), the ids it cites (tickets, ADR-n, CAB-n, INC-n), the commit that wrote it, and its
 * passages with theirs. */
export interface IndexedDocument {
  path: string;
  text: string;
  /** Path and text, lower case. */
  lower: string;
  written: Message;
  tickets: ReadonlySet<string>;
  /** Its own status line, where it has one ("Status: proposed" decides nothing; "Status: withdrawn" calls its plan off;
   * "Superseded by ADR-34", with ADR-34 in the repository, hands its decision on: `handedOn`). */
  status?: { status: string; decided: boolean; withdraws?: boolean; handedOn?: string };
  passages: ReadonlyArray<DocPassage & { lower: string; tickets: readonly string[] }>;
  /** What its passages hold, for a test of the whole document that a passage's own test needs
   * (`inPassages`): their lower-case texts one a line, and their tickets. */
  held: PassagesHeld;
}

/** What a document's passages hold together: a text whose lower case lacks a run, or whose tickets
 * lack an id, has no passage holding it, so a reader can pass over it without reading its passages
 * (reading them is recorded as looking into the document: reads.ts). */
export interface PassagesHeld {
  lower: string;
  tickets: ReadonlySet<string>;
}

/** The passages' lower-case texts and tickets, as `held`. */
export function inPassages(passages: IndexedDocument['passages']): PassagesHeld {
  return { lower: passages.map((p) => p.lower).join('\n'), tickets: new Set(passages.flatMap((p) => p.tickets)) };
}

/** The scan's document index: built once per log from the documents it loaded, then asked by
 * every divergence instead of splitting and scanning every document again. Documents whose
 * commit is not in the log are left out (nothing says when they were written). */
const indexes = new WeakMap<CommitLog['documents'], IndexedDocument[]>();
export function documentIndex(log: CommitLog): IndexedDocument[] {
  let index = indexes.get(log.documents);
  if (!index) {
    index = [];
    for (const doc of log.documents) {
      const written = log.messages.get(doc.sha);
      if (!written) continue;
      const status = documentStatus(doc.text);
      const read = passages(doc.text).map((p) => ({ ...p, lower: p.text.toLowerCase(), tickets: ticketsIn(p.text) }));
      index.push({
        path: doc.path,
        text: doc.text,
        lower: `${doc.path}\n${doc.text}`.toLowerCase(),
        written,
        // An id in the file's name counts (docs/adr/ADR-031.md, docs/audit/secaud-4.md).
        tickets: new Set([...ticketsIn(doc.text), ...ticketsIn(doc.path.toUpperCase())]),
        ...(status ? { status } : {}),
        passages: read,
        held: inPassages(read),
      });
    }
    handOn(index);
    indexes.set(log.documents, index);
  }
  return index;
}

/** A record superseded by a successor the repository holds, decided, withdraws nothing: the successor
 * decides (successor.ts). It decides nothing itself, and is no open question either. */
function handOn(index: IndexedDocument[]): void {
  for (const [i, doc] of index.entries()) {
    const id = doc.status?.withdraws ? successorNamed(doc.status.status) : undefined;
    if (
      id &&
      successorIn(
        id,
        index.filter((d) => d !== doc),
      )
    )
      index[i] = { ...doc, status: { status: doc.status!.status, decided: false, handedOn: id } };
  }
}

/** The keys of the scan's log by their own names (their leaf as written, or their words): a passage
 * that names one of them names that key, so a weaker naming of another key (its value as a step,
 * its words less their suffix) is not about the other. */
const named = new WeakMap<CommitLog, Array<{ key: string; leaf: string; run?: string; pattern: RegExp }>>();
function keysOf(log: CommitLog) {
  let list = named.get(log);
  if (!list) {
    list = [];
    for (const key of everyKey(log)) {
      const name = keyName(key);
      if (name) list.push({ key, leaf: keyLeaf(key).toLowerCase(), ...(name.run ? { run: name.run } : {}), pattern: name.pattern });
    }
    named.set(log, list);
  }
  return list;
}

/** Every key of the log (in any environment), once per log. Made for every verdict: its reads are the
 * log's, not the asking verdict's (unrecorded.ts). */
const everyKeyOf = new WeakMap<CommitLog, ReadonlySet<string>>();
function everyKey(log: CommitLog): ReadonlySet<string> {
  let keys = everyKeyOf.get(log);
  if (!keys)
    everyKeyOf.set(
      log,
      (keys = unrecorded(() => {
        const all = new Set<string>();
        for (const env of log.envs.values()) for (const key of env.keys()) all.add(key);
        return all;
      })),
    );
  return keys;
}

const byLeaf = new WeakMap<CommitLog, Map<string, { keys: Set<string>; words?: Map<string, number> }>>();
const wordsOfPath = (key: string) =>
  wordsOfKey(key)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 2 && !/^\d+$/.test(w));

/** Where another key of the log has the same leaf (`api.timeout` and `db.timeout`), the leaf names neither
 * alone: the words of `key`'s path the others lack (api), one of which a passage naming the leaf must
 * name too. Undefined where the leaf is the key's alone (or nothing tells them apart). */
export function qualifiersOf(key: string, log: CommitLog | undefined): string[] | undefined {
  if (!log) return undefined;
  // Asked once per change of every verdict: on a chart with a hundred apps' `image.tag` the siblings'
  // words were split again for each (7.9 of a first scan's 22 CPU-s). The answer depends on the key and
  // the log's keys alone, so it is kept per log, and each leaf's group counts its keys' words once.
  let answers = qualifiersKept.get(log);
  if (!answers) qualifiersKept.set(log, (answers = new Map<string, string[] | undefined>()));
  if (answers.has(key)) return answers.get(key);
  let groups = byLeaf.get(log);
  if (!groups) {
    groups = new Map();
    // The keys `keysOf` lists (a name is made for every leaf of four characters or more: keyName), by
    // their leaf alone: their name patterns are not read here, and making one for each of the log's
    // keys was a third of the one verdict weighed after a new commit on the Helm bench corpus. A
    // group's words are counted when a key of its leaf is first asked about (after a new commit, one
    // leaf is; splitting every key's path was most of this).
    for (const key of everyKey(log)) {
      const written = keyLeaf(key);
      if (written.length < 4) continue;
      const leaf = written.toLowerCase();
      let group = groups.get(leaf);
      if (!group) groups.set(leaf, (group = { keys: new Set() }));
      group.keys.add(key);
    }
    byLeaf.set(log, groups);
  }
  const leaf = keyLeaf(key).toLowerCase();
  const group = groups.get(leaf);
  const own = group?.keys.has(key) ? 1 : 0;
  let answer: string[] | undefined;
  if (group && group.keys.size - own > 0) {
    let words = group.words;
    if (!words) {
      group.words = words = new Map();
      for (const k of group.keys) for (const w of new Set(wordsOfPath(k))) words.set(w, (words.get(w) ?? 0) + 1);
    }
    // A word is a sibling's where some other key of the group holds it: counted beyond the key's own.
    const counted = words;
    const ours = [...new Set(wordsOfPath(key))].filter((w) => w !== leaf && (counted.get(w) ?? 0) - own <= 0);
    answer = ours.length > 0 ? ours : undefined;
  }
  answers.set(key, answer);
  return answer;
}
const qualifiersKept = new WeakMap<CommitLog, Map<string, string[] | undefined>>();

/** Does the text (lower case) name one of the qualifiers as a word? */
export const namesQualifier = (lower: string, qualifiers: readonly string[]): boolean =>
  qualifiers.some((w) => lower.includes(w) && pattern(`(?<![a-z0-9])${escapeRegExp(w)}(?![a-z0-9])`, '').test(lower));

/** Does the passage name another key of the log than `key` (by its own name) that holds one of `values` in
 * some environment ("backup.bucketRegion: eu-central-1" is about that key, not about `aws.region` = eu-central-1)? */
export function namesOtherKeyWith(text: string, lower: string, key: string, values: readonly string[], log: CommitLog): boolean {
  const own = keyLeaf(key).toLowerCase();
  return keysOf(log).some(
    (k) =>
      k.key !== key &&
      k.leaf !== own &&
      (k.run === undefined || lower.includes(k.run)) &&
      k.pattern.test(text) &&
      [...log.envs.values()].some((env) => {
        const to = env.get(k.key)?.[0]?.to;
        return to !== undefined && to !== null && values.includes(to);
      }),
  );
}

/** Does the passage name another key of the log than `key` (by that key's own name)? */
export function namesOtherKey(text: string, lower: string, key: string, log: CommitLog): boolean {
  const own = keyLeaf(key).toLowerCase();
  return keysOf(log).some((k) => k.key !== key && k.leaf !== own && (k.run === undefined || lower.includes(k.run)) && k.pattern.test(text));
}

/** A live object's name in its key (`CronJob/dunning-reminders.suspend` → dunning-reminders), where it is
 * distinctive enough to be found in prose: six characters or more, with a letter. */
export function objectNameOf(key: string): string | undefined {
  const m = /^[A-Z][A-Za-z]+\/([a-z0-9][a-z0-9-]{4,62})\./.exec(key);
  return m && /[a-z]/.test(m[1]!) && m[1]!.length >= 6 ? m[1] : undefined;
}

/** The passages of the log's documents naming `key`, with the commit that wrote each document,
 * newest-written first. `byObject`: a live object's field goes by the object's name in prose too
 * ("resume dunning-reminders CronJob" is about `CronJob/dunning-reminders.suspend`). */
export function passagesAbout(key: string, log: CommitLog | undefined, byObject = false): Passage[] {
  const object = byObject ? objectNameOf(key) : undefined;
  const leaf = object ?? leafOf(key);
  // (Without documents, no pattern is made: asked for every subject of every divergence.)
  if (!log || leaf.length < 4 || documentIndex(log).length === 0) return [];
  const names = object
    ? new RegExp(`(^|[^A-Za-z0-9_])(?:${escapeRegExp(leafOf(key))}|${escapeRegExp(object)})($|[^A-Za-z0-9_-])`, 'i')
    : new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(leaf)}($|[^A-Za-z0-9_])`, 'i');
  const run = object ? undefined : /^[\x00-\x7f]+$/.test(leaf) ? leaf.toLowerCase() : undefined;
  const found: Passage[] = [];
  for (const doc of documentIndex(log)) {
    if ((run !== undefined && !doc.lower.includes(run)) || !names.test(doc.text)) continue;
    for (const p of doc.passages) {
      if ((run !== undefined && !p.lower.includes(run)) || !names.test(p.text)) continue;
      found.push({ file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written: doc.written });
      if (found.length >= PASSAGES) return found;
    }
  }
  return found;
}

/** Values distinctive enough that prose naming them is about them: a host, an image, a bucket, a
 * model's name — at least six characters with a letter, not a word every file uses. */
export function distinctive(value: string | null | undefined): value is string {
  if (!value) return false;
  const v = value.trim();
  return v.length >= 6 && /\p{L}/u.test(v) && !/^(?:true|false|enabled|disabled|default|unlimited|always|never|string)$/i.test(v) && !/\s/.test(v);
}

/** The passages of the log's documents that name one of `values` (distinctive ones only: see
 * `distinctive`), newest-written first: a runbook's table of hosts, an experiment's conclusion
 * about a model, whichever key they sit under. */
export function passagesNaming(values: string[], log: CommitLog | undefined): Passage[] {
  const named = [...new Set(values.filter(distinctive))];
  if (!log || named.length === 0) return [];
  const versions = named.flatMap((v) => imageVersion(v) ?? []);
  const lowered = named.map((v) => v.toLowerCase());
  const found: Passage[] = [];
  for (const doc of documentIndex(log)) {
    const docVersions = versions.filter((x) => doc.lower.includes(x.version) && doc.lower.includes(x.image));
    if (!lowered.some((v) => doc.lower.includes(v)) && docVersions.length === 0) continue;
    for (const p of doc.passages) {
      const byValue = named.some((v, i) => p.lower.includes(lowered[i]!) && namesValue(p.text, v));
      if (!byValue && !docVersions.some((x) => p.lower.includes(x.version) && (namesValue(p.text, x.version) || namesValue(p.text, `v${x.version}`)))) continue;
      found.push({ file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written: doc.written });
      if (found.length >= PASSAGES) return found;
    }
  }
  return found;
}

/** An image value's version and short name (`envoyproxy/envoy:v1.31.2` → 1.31.2, envoy): prose
 * names a version without its registry path ("Pin 1.31.2 in ALL environments" in envoy-1.32.md).
 * Only a three-part version, and only with the image's name in the passage's document (its path or
 * text), so another component's 1.31.2 is not this one. */
export function imageVersion(value: string): { version: string; image: string } | undefined {
  const m = /^(?:[\w.-]+\/)*([\w.-]+):v?(\d+\.\d+\.\d+)(?:[-+][\w.-]*)?$/.exec(value.trim());
  return m ? { version: m[2]!, image: m[1]!.toLowerCase() } : undefined;
}

// An instruction for a situation to come, not a record of this one: "if …", "when …", "in case
// of …", "should the …", "wenn …", "falls …", "si …", "cuando …" (after a list marker or a box).
const CONDITIONAL =
  /^(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?(?:\*\*[^*]*\*\*:?\s*)?(?:if|when|whenever|in case|should|once|before|after|during|while|wenn|falls|sobald|si|cuando|en caso)\b/iu;

// The value itself said to be unwanted, as a write-up says of a stopgap it made by hand: "it is not a
// setting we want", "not a value we'd keep", "we don't want this setting", "das ist keine Einstellung,
// die wir wollen", "ce n'est pas un réglage que nous voulons", "no es un valor que queramos". Such a
// value is held only for the moment it was set for; it is put back, never codified or declared.
const UNWANTED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not (?:a|the) (?:setting|value|config(?:uration)?|number|threshold) (?:we|anyone|you) (?:wants?|needs?|would keep|'d keep)(?! to(?![\p{L}]))|`,
  String.raw`(?:we|you) (?:do not|don't|dont) want (?:this|that|the) (?:setting|value|threshold)|nobody wants (?:this|that|the) (?:setting|value|threshold)|`,
  String.raw`keine (?:Einstellung|Wert|Konfiguration),? (?:die|den) wir (?:wollen|behalten wollen)|`,
  String.raw`pas (?:un réglage|un paramètre|une valeur) (?:que nous voulons|qu['’]on veut|que nous souhaitons)|`,
  String.raw`no es (?:un valor|un ajuste) que (?:queramos|queremos))(?![\p{L}])`,
);

/** A passage that judges the value: the hand edit was a mistake, is to be undone, must not be
 * codified, made things worse, or the value goes back to the file's. */
export function judgesUndo(text: string, fileValue: string | null): string | undefined {
  // Prose writes a value plain, quoted or as code: back to 50, "50", `enforce` — in each language's words
  // for going back to it (BACK_TO: "zurück auf 50", "terug naar 50", "di nuovo a 50"), as putsBackTo reads them,
  // a sentence's full stop after it too ("back to 50."), not a longer number ("back to 50.5").
  const back =
    fileValue !== null ? pattern(`${BACK_TO}[\x60"'“«]?${escapeRegExp(fileValue)}[\x60"'”»]?(?![\\p{L}\\p{N}_]|[.,-][\\p{L}\\p{N}])`, 'iu') : undefined;
  const patterns = [
    /\b(?:undo|revert|roll back|put back|restore|reset)\b[^.;\n]{0,40}\b(?:edit|change|patch|hand|manual|override|value)\b/i,
    /\b(?:do not|don't|dont|never|must not|should not) (?:codify|commit|backfill|keep|persist|write (?:it |this )?(?:back|into))\b/i,
    /\bmade (?:it|things|the (?:outage|incident|impact)|this|everything) worse\b|\bdisabled our (?:own )?protection\b/i,
    /\b(?:was|were) (?:a|the) mistake\b|\bby mistake\b|\bshould(?:n't| not) have\b|\bwrong (?:value|call|fix)\b/i,
    UNWANTED,
    ...(back ? [back] : []),
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m && !(re === back && plannedAt(text.slice(m.index + m[0].length)))) return m[0];
  }
  const putBack = fileValue !== null ? putBackTo(text, fileValue) : undefined;
  if (putBack) return putBack;
  const lifted = liftsOverride(text);
  if (lifted) return lifted;
  // The same judgements in the languages read (languages.ts): "war ein Fehler", "zurück auf 50", "回滚到 v2".
  // Going back is a judgement about this value only where it names the value it goes back to: "服务已恢复"
  // (the service recovered) and "レイテンシが元に戻った" (latency back to normal) are news, not an undo.
  return foreignSays(text, 'mistake')?.phrase ?? (fileValue !== null && namesValue(text, fileValue) ? foreignSays(text, 'back')?.phrase : undefined);
}

// The value put back with what is put back between the verb and it, as an action item writes it: "remettre
// MAX_DELIVERY_ATTEMPTS à 5 en prod", "rimettere il pool a 20", "restore the limit to 5", "reset X to 5",
// "restablecer el límite a 5", "repor o valor em 5". (A verb beside its value, "remettre à 5", "zurück auf 5",
// is the back family's.) Only the file's own value after it: the edit undone, not a new value chosen.
// documented.ts reads the same verbs in an action item undoing a change between environments ("restore
// the 2Gi limit in prod", "2Gi in Prod wiederherstellen", "przywrócić 2Gi na produkcji").
export const PUT_BACK_VERB = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:remett(?:re|ez|ons)|rétabli(?:r|ssez)|ramen(?:er|ez)|repass(?:er|ez)|`,
  String.raw`rimett(?:ere|ete|iamo)|riport(?:are|ate|iamo)|ripristin(?:are|ate|iamo)|restore|reinstate|reset|revert|`,
  String.raw`restablec(?:er|ed)|devolver|repor|reponha|restaurar|restaure|wiederherstellen|herstellen|terugzetten|`,
  String.raw`återställ(?:a|s)?|gjenopprett(?:e|es)?|tilbakestill(?:e|es)?|gendan(?:ne|nes)?|genopret(?:te|tes)?|`,
  String.raw`przywr(?:óć|ócić|ócimy)|palauta(?:a|mme|taan)?)(?![\p{L}])`,
);

// The value named right after going back, as a procedure's step writes it: "set X back to 20", "X wieder auf 20",
// "X terug naar 20", "di nuovo a 20", "de nuevo a 20", "z powrotem na 20", "tilbake til 20", "kembalikan ke 20".
const BACK_TO = sourceOf(
  String.raw`(?<![\p{L}])(?:back to|zurück auf|wieder auf|terug naar|weer op|di nuovo a|de nuevo a|de novo para|z powrotem na|`,
  String.raw`tillbaka till|tilbage til|tilbake til|kembali ke|kembalikan ke|dikembalikan ke)\s{1,3}`,
);

/** A step putting the value back to `value` ("set WORKER_PREFETCH back to 20", "remettre X à 20"), said as a plan or an
 * instruction for when something has served (a condition is what such a step has): its words. `planned`: a put-back
 * with its own time or condition counts too (for a reader that judges the condition itself). */
export function putsBackTo(text: string, value: string, planned = false): string | undefined {
  if (value.trim() === '') return undefined;
  const source = `${BACK_TO}[\x60"'“«]?${escapeRegExp(value)}[\x60"'”»]?(?![\\p{L}\\p{N}_]|[.,-][\\p{L}\\p{N}])`;
  const first = pattern(source, 'iu').exec(text);
  // A step asked as a question ("keep 5 or go back to 2?") is a question nobody answered, not a step.
  const said = first && askedAt(text, first.index) ? [...text.matchAll(pattern(source, 'giu'))].find((m) => !askedAt(text, m.index)) : first;
  if (said && !negatedBefore(text, said.index, 'clause')) return said[0];
  return putBackTo(text, value, planned);
}

// "As soon as possible" is urgency, not a condition: "dès que possible", "sobald wie möglich", "cuanto antes".
const AS_SOON_AS_POSSIBLE = regex(
  'giu',
  String.raw`(?<![\p{L}])(?:as soon as possible|dès que possible|sobald wie möglich|so bald wie möglich|sobald möglich|`,
  String.raw`en cuanto sea posible|lo antes posible|appena possibile|assim que possível|zodra het kan)(?![\p{L}])`,
);
// A day named after "on" and its kin (calendar.ts), in the languages read ("on 2026-12-20", "le 20/12", "am 20.12.").
const ON_DAY = regex('iu', String.raw`(?<![\p{L}])(?:${ON_A_DAY})\s+\S*\d`);

/** Whether the rest of a put-back's clause gives it a time or a condition still to judge ("… after
 * 2026-12-20", "… once the peak is over", "… on 20.12."): then it is a plan, which the deadline readers
 * (they know today) judge, not an undo asked for now. */
function plannedAt(rest: string): boolean {
  const clause = (rest.split(/[;\n]|\.(?=\s|$)/)[0] ?? '').replace(AS_SOON_AS_POSSIBLE, ' ');
  return AHEAD.test(clause) || ON_DAY.test(clause) || namesDate(clause);
}

/** "remettre MAX_DELIVERY_ATTEMPTS à 5": a put-back verb, then within its clause the file's value after the
 * preposition that names a value ("à", "a", "to", "en", "em", "para") — said, not negated. */
function putBackTo(text: string, fileValue: string, planned = false): string | undefined {
  if (fileValue.trim() === '' || !PUT_BACK_VERB.test(text)) return undefined;
  const value = pattern(
    String.raw`^(?:[^.;\n]|\.(?=\S)){0,60}?(?<![\p{L}])(?:à|a|ad|to|en|em|para)\s{1,3}[\x60"'“«]?\s?${escapeRegExp(fileValue)}[\x60"'”»]?(?![\p{L}\p{N}_]|[.,-][\p{L}\p{N}])`,
    'iu',
  );
  for (const m of text.matchAll(pattern(PUT_BACK_VERB.source, 'giu'))) {
    if (negatedBefore(text, m.index, 'words') || negatedAfter(text, m.index + m[0].length) || askedAt(text, m.index)) continue;
    const after = text.slice(m.index + m[0].length);
    const to = value.exec(after);
    if (!to) continue;
    // A put-back with its own time or condition ("revert to 3 after 2026-12-20", "restore to 3 once the
    // peak is over", "set back to 3 on 20.12.") is a plan: the deadline readers, which know today, judge
    // it. Read as done now, it scaled a peak's replicas down a fortnight early (0.65).
    if (!planned && plannedAt(after.slice(to[0].length))) continue;
    return `${m[0]}${to[0]}`.trim();
  }
  return undefined;
}

// The hand edit taken away so the file's value applies: "remove the override", "drop the live patch",
// "take the manual override out", "lift the override", "den Override entfernen", "quitar el override".
const LIFT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:remove|delete|drop|lift|revert|undo|take out|clear|roll back|entfernen|zurücknehmen|quitar|eliminar|retirer|supprimer|rimuovere|verwijderen)\s+`,
  String.raw`(?:the\s+|this\s+|that\s+|our\s+|den\s+|die\s+|el\s+|la\s+|le\s+|l['’]\s*)?(?:(?:live|manual|hand-?made|temporary|kubectl|emergency|incident|env)\s+){0,2}`,
  String.raw`(?:override|patch|hand[- ]edit|kill[- ]switch override|edit)(?![\p{L}])|`,
  // The verb last, as German writes it: "den Override entfernen", "den manuellen Patch wieder rausnehmen".
  String.raw`(?<![\p{L}])(?:override|patch)\s+(?:\p{L}+\s+){0,2}?(?:entfernen|rausnehmen|herausnehmen|zurücknehmen|löschen)(?![\p{L}])`,
);
// The file's value said to apply again: "so the repo's FEATURE_X=true applies again", "the chart's value is used
// again", "let the values file win again", "back to what git says".
const FILE_AGAIN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:the\s+)?(?:repo(?:sitory)?|git|chart|values(?: file)?|manifest|file|helm|kustomize)(?:['’]s)?\s+(?:[^\s.;]+\s+){0,3}?`,
  String.raw`(?:applies|apply|is used|takes effect|take effect|wins|win|counts|is back|holds)\s+again(?![\p{L}])|`,
  String.raw`(?<![\p{L}])back to what (?:the )?(?:repo(?:sitory)?|git|chart|values file|manifest) (?:says|has)(?![\p{L}])`,
);
const LIFT_NEGATED = /(?<![\p{L}])(?:not|never|don't|do not|no need to|nicht|no)\s+(?:\p{L}+\s+)?$/iu;
const LIFT_LATER = /^[^.;\n]{0,60}?(?<![\p{L}])(?:once|when|after|if|as soon as|until|unless|before|sobald|wenn|nachdem|cuando|quand)(?![\p{L}])/iu;

/** "Remove the override so the repo's value applies again", "drop the live patch": the hand edit lifted, now
 * — not negated, not planned for later ("remove the override once 3.8.2 is out"), unless "now that" it is. */
export function liftsOverride(text: string): string | undefined {
  for (const re of [LIFT, FILE_AGAIN]) {
    const m = re.exec(text);
    if (!m || LIFT_NEGATED.test(text.slice(0, m.index))) continue;
    const rest = text.slice(m.index + m[0].length);
    if (LIFT_LATER.test(rest) && !/^[^.;\n]{0,60}?\bnow that\b/i.test(rest)) continue;
    return m[0];
  }
  return undefined;
}

function ascii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Does prose name the value: plain, quoted or as code, not inside a longer word or number? */
export function namesValue(text: string, value: string): boolean {
  if (value.trim() === '') return false;
  // The pattern matches only where the value's characters stand in the text, case aside: where both
  // are ASCII (whose case the pattern folds as toLowerCase does), a text without them answers no
  // before a pattern is made for the value. A scan asks for thousands of values, more than the
  // pattern cache holds, and compiling each again was a tenth of the verdicts' time.
  if (ascii(value) && ascii(text) && !text.toLowerCase().includes(value.toLowerCase())) return false;
  return pattern(`(?<![\\p{L}\\p{N}_.-])[\`"'“]?${escapeRegExp(value)}[\`"'”]?(?![\\p{L}\\p{N}_]|[.-][\\p{L}\\p{N}])`, 'iu').test(text);
}

export interface DocumentedUndo {
  passage: Passage;
  phrase: string;
  /** A keep that only holds the value until someone returns or decides (pending-hold.ts): no decision yet. */
  pending?: PendingHold;
}

/** A document written after a hand edit at `editedAt` (or up to two days before it: a note
 * prepared with it) whose passage naming the key says the edit is to be undone. Where the edit itself
 * removed the key (`removed`), a word to remove it ("remove FOO from staging too") repeats the edit's
 * own act for another place or reports it: it follows the edit and never undoes it. */
export function documentedUndo(
  key: string,
  fileValue: string | null,
  editedAt: string,
  log: CommitLog | undefined,
  removed = false,
): DocumentedUndo | undefined {
  const at = Date.parse(editedAt);
  for (const passage of passagesAbout(key, log, true)) {
    if (Date.parse(passage.written.date) < at - 2 * 86_400_000) continue;
    if (CONDITIONAL.test(passage.text)) continue;
    const phrase = judgesUndo(passage.text, fileValue) ?? (removed ? undefined : removesKey(passage.text, key)) ?? resumes(passage.text, key, fileValue);
    if (phrase) return { passage, phrase };
  }
  return undefined;
}

// Undoing a pause: "resume", "re-enable", "unsuspend", "unpause", "scale it back up", "turn it back on",
// "wieder aufnehmen", "fortsetzen", "reanudar", "reprendre", "retomar", "riprendere", "hervatten".
const RESUME = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:resum(?:e|es|ed|ing)|re-?enabl(?:e|es|ed|ing)|un-?suspend(?:s|ed|ing)?|un-?paus(?:e|es|ed|ing)|reactivat(?:e|es|ed|ing)|`,
  String.raw`scal(?:e|es|ed|ing) (?:[\p{L}\p{N}-]+ ){0,2}?back up|turn(?:s|ed)? (?:[\p{L}\p{N}-]+ ){0,2}?back on|wieder aufnehmen|fortsetzen|`,
  String.raw`reanudar|reprendre|retomar|riprendere|hervatten)(?![\p{L}])`,
);
// Fields a pause is set in: a CronJob's `suspend`, a rollout's `paused`, a count scaled down; and an env
// var or list item named so (`env[name=FEATURE_RECS_ENABLED].value`, `features[name=x].enabled`).
const PAUSE_FIELD = /(?:^|[.\]])(?:suspend|suspended|paused?|replicas|enabled|active)$/i;
const PAUSE_NAME = /(?:^|[._-])(?:suspend|suspended|paused?|enabled|active)$/i;
// A pause set by false (`enabled: false`) is undone by true; one set by true (`suspend: true`) by false.
const ON_FIELD = /(?:enabled|active)$/i;

/** "- [ ] resume dunning-reminders CronJob", "scale order-sync back up", "safe to re-enable" for
 * FEATURE_RECS_ENABLED: the pause a hand edit made, to be undone — for a field a pause is set in (or an
 * item named so), in a passage naming the object or the field, now and not once something else has
 * happened; where the file's switch is known, only the way it goes (re-enable where the file says true). */
export function resumes(text: string, key: string, fileValue: string | null = null): string | undefined {
  const named = itemName(key);
  const field = PAUSE_FIELD.test(key) ? key : named && PAUSE_NAME.test(named) ? named : undefined;
  if (!field) return undefined;
  if (fileValue !== null && /^(?:true|false)$/i.test(fileValue.trim()) && !/replicas$/i.test(field)) {
    if ((fileValue.trim().toLowerCase() === 'true') !== ON_FIELD.test(field)) return undefined;
  }
  const m = RESUME.exec(text);
  if (!m) return undefined;
  if (/(?<![\p{L}])(?:not|never|don't|do not|nicht|no)\s+(?:\p{L}+\s+)?$/iu.test(text.slice(0, m.index))) return undefined;
  const rest = text.slice(m.index + m[0].length);
  if (LATER_ON.test(rest) && !/^[^.;\n]{0,60}?\bnow that\b/i.test(rest)) return undefined;
  return m[0];
}

// Removing a thing, by its name or a word of it: "remove the bypass now that the test is over",
// "drop CAPTCHA_BYPASS_TOKEN_HEADER", "delete the debug override".
const REMOVE = String.raw`(?:remove|delete|drop|take out|get rid of|unset|strip|clean up)`;
// A removal planned for later is no report that its time has come: "remove it once the test ends".
const LATER_ON = /^[^.;\n]{0,60}?\b(?:once|when|after|if|as soon as|until|unless|before)\b/i;

/** The words of a passage naming `key` that say to remove it — by its leaf, or by a word of its
 * name of five letters or more (`CAPTCHA_BYPASS_TOKEN_HEADER`: "remove the bypass") — now, not
 * once something else has happened. */
export function removesKey(text: string, key: string): string | undefined {
  const leaf = keyLeaf(key);
  const words = wordsOfKey(leaf)
    .filter((w) => w.length >= 5)
    .map(escapeRegExp);
  const names = [escapeRegExp(leaf), ...words].join('|');
  const m = new RegExp(
    String.raw`(?<![\p{L}])${REMOVE}\s+(?:the\s+|this\s+|that\s+|our\s+|its\s+)?(?:[\p{L}-]+\s+){0,2}?[\x60"'“]?(?:${names})(?![\p{L}\p{N}])`,
    'iu',
  ).exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  if (LATER_ON.test(rest) && !/^[^.;\n]{0,60}?\bnow that\b/i.test(rest)) return undefined;
  return m[0];
}

/** In a document that names the key, the passages that name the value without the key (a
 * post-mortem's "## Decision / Keep 200 in production and codify it" under the timeline that named
 * HTTP_CLIENT_POOL_SIZE): the document is about the key, the passage about its value. */
function passagesWithValue(key: string, value: string | null, log: CommitLog | undefined): Passage[] {
  const leaf = keyLeaf(key);
  if (!log || value === null || value.trim() === '' || leaf.length < 4) return [];
  const names = new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(leaf)}($|[^A-Za-z0-9_])`, 'i');
  const unit = /^\d+(?:\.\d+)?$/.test(value) ? String.raw`(?:\s?(?:s|ms|m|h|d|mb|gb|kb|%))?` : '';
  const said = new RegExp(String.raw`(?<![\p{L}\p{N}_.-])[\x60"'“]?${escapeRegExp(value)}${unit}[\x60"'”]?(?![\p{L}\p{N}_]|[.-][\p{L}\p{N}])`, 'iu');
  const found: Passage[] = [];
  for (const doc of documentIndex(log)) {
    if (!doc.lower.includes(leaf.toLowerCase()) || !names.test(doc.text)) continue;
    for (const p of doc.passages) {
      if (names.test(p.text) || !said.test(p.text)) continue;
      found.push({ file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written: doc.written });
      if (found.length >= PASSAGES) return found;
    }
  }
  return found;
}

// Words too common to name one key alone: a key ending in them is not the one prose means by them.
const GENERIC_LAST = new Set(
  'timeout timeouts enabled disabled version interval retries threads workers replicas maximum minimum password username endpoint address seconds millis'.split(
    ' ',
  ),
);

/** The word prose names a key by once the system's prefix is gone: RABBITMQ_PREFETCH is "prefetch",
 * REDIS_MAXMEMORY "maxmemory" — a specific last word (7 letters or more, not a generic one) of a
 * key of two words or more; undefined where the key has none. */
export function lastWordOf(key: string): string | undefined {
  const words = wordsOfKey(keyLeaf(key)).map((w) => w.toLowerCase());
  const last = words.at(-1);
  if (words.length < 2 || !last || !/^[a-z]{7,}$/.test(last) || GENERIC_LAST.has(last)) return undefined;
  return last;
}

/** Passages that name the key by its last word (lastWordOf) together with the live value: a write-up
 * says "prefetch 50 → 10", not RABBITMQ_PREFETCH. The value is what makes the word this key's. */
function passagesByLastWord(key: string, value: string | null, log: CommitLog | undefined): Passage[] {
  const word = lastWordOf(key);
  if (!log || !word || value === null || value.trim() === '') return [];
  const names = new RegExp(`(?<![A-Za-z0-9_])${word}(?![A-Za-z0-9_])`, 'i');
  const found: Passage[] = [];
  for (const doc of documentIndex(log)) {
    if (!doc.lower.includes(word) || !names.test(doc.text)) continue;
    for (const p of doc.passages) {
      if (!names.test(p.text) || !namesValue(p.text, value)) continue;
      found.push({ file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written: doc.written });
      if (found.length >= PASSAGES) return found;
    }
  }
  return found;
}

/** A decision to keep the value itself: "Keep 15s", "codify UPSTREAM_TIMEOUT_S=15", "keep it at 400". */
export function keepsValue(text: string, key: string, value: string | null): string | undefined {
  const leaf = escapeRegExp(keyLeaf(key));
  const v = value === null || value.trim() === '' ? undefined : escapeRegExp(value.trim());
  const unit = v && /^\d+(?:\\\.\d+)?$/.test(v) ? String.raw`\s?(?:s|ms|m|h|d|mb|gb|kb|%)?` : '';
  const what = [leaf, ...(v ? [`${v}${unit}`] : [])].join('|');
  const m = new RegExp(
    String.raw`(?<![\p{L}])(?:keep|keeping|codify|codified|persist|pin)\s+(?:it\s+)?(?:at\s+)?[\x60"'“]?(?:${what})(?![\p{L}\p{N}_])`,
    'iu',
  ).exec(text);
  return m?.[0];
}

// What a document calls the hand edit once it has named it: "the mitigation", "the workaround", "the hotfix".
const EDIT_NOUN = String.raw`(?:mitigation|workaround|work-around|hot-?fix|stopgap|stop-gap|band-?aid|hand edit|live edit|manual edit|env var|variable)`;
// A decision to keep a hand edit, in so many words: "Decision: keep X in prod", "keep the edit",
// "make it permanent", "TODO: add it to the repo", "codify it", "write it back into git".
const KEEP_DECISION = new RegExp(
  [
    String.raw`\b(?:keep|keeping|leave)\b${KEEP_IDIOM} (?:\S+ ){0,4}?(?:in place|as is|in prod\w*|live|for good|permanently)\b`,
    String.raw`\bkeep (?:it|this|that|the (?:edit|change|value|patch|override|flag|setting|${EDIT_NOUN}))\b${KEEP_IDIOM}`,
    String.raw`\bmake (?:it|this|that) permanent\b`,
    String.raw`\b(?:add|write|commit|put|move|codify)\w* (?:\S+ ){0,2}?(?:back )?(?:to|in|into) (?:the |your |our )?` +
      String.raw`(?:repo(?:sitory)?|git|values file|config repo|[\w./-]+\.(?:ya?ml|json|env|tfvars|properties|toml))\b`,
    String.raw`\bcodify (?:it|this|that|the)\b`,
  ].join('|'),
  'i',
);
// A keep whose end is a condition: "Do not remove it before that", "must not be rolled back until the fix ships",
// "leave the workaround in place until …", "the override stays until we upgrade", "nicht entfernen, bevor …",
// "no quitarlo antes de …", "ne pas le retirer avant …".
const KEEP_UNTIL = new RegExp(
  [
    String.raw`\b(?:do not|don't|dont|must not|mustn't|never|should not|shouldn't|not to) (?:remove|drop|revert|undo|delete|unset|roll back|take out|touch|lift) ` +
      String.raw`(?:it|this|that|them|the (?:\S+ )?(?:edit|change|value|patch|override|flag|setting|${EDIT_NOUN}))(?: \S+){0,3}? (?:before|until|till|unless|prior to)\b`,
    String.raw`\b(?:must not|mustn't|should not|shouldn't|cannot|can't|may not) be ` +
      String.raw`(?:removed|dropped|reverted|undone|deleted|unset|rolled back|taken out|lifted) (?:before|until|till|unless|prior to)\b`,
    String.raw`\b(?:leave|keep) (?:it|this|that|the (?:\S+ )?(?:edit|change|value|patch|override|flag|setting|${EDIT_NOUN})) (?:(?:in place|on|as is|there|live) )?(?:until|till)\b`,
    String.raw`\bthe (?:\S+ )?(?:${EDIT_NOUN}|override|patch|flag|setting) (?:stays?|remains?) (?:(?:in place|on|as is|there|live) )?(?:until|till)\b`,
    String.raw`(?<![\p{L}])(?:nicht|keinesfalls|auf keinen fall) (?:\p{L}+ ){0,3}?(?:entfernen|zurücknehmen|löschen|ausbauen|rausnehmen),? (?:bevor|bis)(?![\p{L}])`,
    String.raw`(?<![\p{L}])no (?:\p{L}+ ){0,2}?(?:quitar|eliminar|retirar|revertir)(?:lo|la)? (?:antes de|hasta)(?![\p{L}])`,
    String.raw`(?<![\p{L}])ne pas (?:l['’]|le |la )?(?:retirer|supprimer|enlever|annuler) (?:avant|tant que)(?![\p{L}])`,
  ].join('|'),
  'iu',
);
/** A keep whose end is a condition still to come ("do not remove it before the 1.23.4 build ships"): its
 * words, where what follows is not a date (a keep until a date is a time limit, read where dates are). */
function keepUntil(text: string): string | undefined {
  const m = KEEP_UNTIL.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length).split(/[.;\n]/)[0]!;
  return namesDate(rest) ? undefined : m[0];
}

const NOT_KEEP = /\b(?:do not|don't|dont|never|must not|should not|no need to) (?:keep|codify|commit|add|write|persist|make)\b/i;

// On the live object itself, written with the edit, a bare "KEEP" or "permanent" is the decision.
const KEEP_ON_OBJECT = new RegExp(String.raw`\bkeep\b${KEEP_IDIOM}|\bpermanent(?:ly)?\b|\bcodify\b|\bbehalten\b|\bmantener\b|\bgarder\b`, 'i');

/** The words of a note that decide to keep a change (`onObject`: a note written on the live object with it). */
export function decidesKeep(text: string, onObject = false): string | undefined {
  if (CONDITIONAL.test(text) || NOT_KEEP.test(text) || judgesUndo(text, null)) return undefined;
  // A hold until someone returns or decides decides nothing yet (pending-hold.ts).
  if (pendingHold(text)) return undefined;
  // A keep only a question holds ("keep it or remove it?") is the decision asked for, not one made (stated.ts).
  const said = statedOnly(text);
  return saidMatch(KEEP_DECISION, said)?.[0] ?? keepUntil(said) ?? foreignKeep(said) ?? (onObject ? KEEP_ON_OBJECT.exec(said)?.[0] : undefined);
}

/** A decision to keep it in a language read (languages.ts): "zostawiamy 10 ms na stałe", "wpisać … do
 * repo", "behalten wir", "保留". */
const foreignKeep = (text: string): string | undefined => foreignSays(text, 'keep')?.phrase ?? foreignSays(text, 'permanent')?.phrase;

// A passage that speaks of the edit without naming it: "Decision: keep the mitigation until …" below
// "Mitigation: `GODEBUG=http2client=0` set by hand", "the workaround stays until the vendor fix".
const REFERS = new RegExp(
  String.raw`(?<![\p{L}])(?:the|this|that|our) (?:\S+ )?(?:${EDIT_NOUN}|override|patch|hand[- ]edit)(?![\p{L}])|` +
    String.raw`^(?:[-*+]\s+)?(?:\*\*|__)?(?:decision|decided|resolution|entscheidung|beschluss|decisión|décision|decisão|decisione|besluit|decyzja)(?:\*\*|__)?\s*:`,
  'iu',
);

/** The passages of documents naming the key that speak for it without naming it: every passage under a
 * heading naming it (or of a document whose path names it), and a passage after the first one naming it
 * that speaks of "the mitigation", "the workaround", "the override" — not one naming another key of the
 * scan by its own name. A document speaks as a whole. */
export function passagesReferring(key: string, log: CommitLog | undefined): Passage[] {
  const leaf = keyLeaf(key);
  if (!log || leaf.length < 4) return [];
  const names = new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(leaf)}($|[^A-Za-z0-9_])`, 'i');
  const run = /^[\x00-\x7f]+$/.test(leaf) ? leaf.toLowerCase() : undefined;
  const found: Passage[] = [];
  for (const doc of documentIndex(log)) {
    if ((run !== undefined && !doc.lower.includes(run)) || !names.test(doc.text)) continue;
    const byPath = names.test(doc.path);
    let seen = false;
    for (const p of doc.passages) {
      if (names.test(p.text)) {
        seen = true;
        continue;
      }
      const under = byPath || (p.heading !== undefined && names.test(p.heading));
      if (!under && !(seen && REFERS.test(p.text))) continue;
      if (namesOtherKey(p.text, p.lower, key, log)) continue;
      found.push({ file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written: doc.written });
      if (found.length >= PASSAGES) return found;
    }
  }
  return found;
}

/** A document written after a hand edit at `editedAt` whose passage naming the key decides to
 * keep it, and says nothing of undoing it. */
export function documentedKeep(
  key: string,
  editedAt: string,
  log: CommitLog | undefined,
  value: string | null = null,
  /** Only the keeps a document's own status took back ("Status: withdrawn"), which are otherwise passed over. */
  withdrawn = false,
): DocumentedUndo | undefined {
  const at = Date.parse(editedAt);
  // An image rolled back or pinned by hand is named in a write-up by its version, not by the key's
  // field ("kubectl rollout undo deploy/notify -> 2.8.4 … put 2.8.4 in git"): a document naming the
  // image and a passage naming the live version speaks of the edit (passagesNaming).
  const byVersion = value !== null && imageVersion(value) ? passagesNaming([value], log) : [];
  let held: DocumentedUndo | undefined;
  for (const passage of [
    ...passagesAbout(key, log),
    ...passagesWithValue(key, value, log),
    ...passagesReferring(key, log),
    ...byVersion,
    ...passagesByLastWord(key, value, log),
  ]) {
    if (Date.parse(passage.written.date) < at - 2 * 86_400_000) continue;
    // "DON'T touch it till she's back", "nicht anfassen, bis Chiara entschieden hat": left as it runs so
    // that whoever decides still can, which is no decision to keep it; a keep written after it is one.
    // Read before the undo and the condition: the choice handed on names both ways ("whether it stays
    // or goes back", "if they keep it, codify it") without taking either.
    const pending = withdrawn ? undefined : pendingHold(passage.text);
    if (pending) {
      held ??= { passage, phrase: pending.sentence, pending };
      continue;
    }
    if (CONDITIONAL.test(passage.text) || NOT_KEEP.test(passage.text) || judgesUndo(passage.text, null)) continue;
    // A keep asked is not a keep decided: "- [ ] keep 32 or go back to 8? Decide and then codify or revert" (conditions.ts).
    if (undecided(passage.text)) continue;
    // A document whose own status calls its plan off ("Status: withdrawn", "rejected") keeps nothing:
    // its "keep it at 45" is the proposal taken back, which a contract entry would then outweigh.
    const takenBack = documentIndex(log!).find((d) => d.path === passage.file && d.written.sha === passage.written.sha)?.status?.withdraws === true;
    if (takenBack !== withdrawn) continue;
    const phrase = saidMatch(KEEP_DECISION, passage.text)?.[0] ?? keepUntil(passage.text) ?? keepsValue(passage.text, key, value) ?? foreignKeep(passage.text);
    if (phrase && (!held || Date.parse(passage.written.date) > Date.parse(held.passage.written.date))) return { passage, phrase };
  }
  return held;
}

// A value the repository is said not to own: "App repos do not set it", "not set in the app repo",
// "do not add it to your repo", "injected by the platform".
const NOT_IN_REPO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:app(?:lication)?|service|team) repos?(?:itories)? (?:do not|don't|never|must not|should not) (?:set|define|carry|contain|hold|add)|`,
  String.raw`not (?:set|defined|kept) in (?:(?:the|this|your|our|an?) )?(?:app(?:lication)? |service )?repos?(?:itory)?|`,
  String.raw`(?:do not|don't|never) (?:add|set|put|define|hard-?code) (?:it|this|them) (?:in|into|to) (?:the |your |an? )?(?:app )?repo|`,
  String.raw`(?:injected|added|owned|managed|set) by the platform|`,
  // Not to go into git at all ("do not put the new one in git", "never commit it back to the repo",
  // "keep it out of git", "nicht wieder ins Repo", "jamais dans git", "no lo subas a git"): a rotated
  // credential whose document says so, or any value a platform owns.
  String.raw`(?:do not|don't|never|must not|mustn't|should not|shouldn't|not)(?: [\p{L}\p{N}'-]{1,20}){0,5} (?:in|into|to) `,
  String.raw`(?:the |our |this |your |a )?(?:git|repo|repository|version control|source control)|`,
  String.raw`keep (?:it|them|this|that|the new (?:one|value|password|key|token|secret)) out of (?:the )?(?:git|repo|repository|version control)|`,
  String.raw`(?:nicht|nie|niemals)(?: [\p{L}\p{N}-]{1,20}){0,4} (?:ins|in das|in|nach) (?:git|repo|repository)|`,
  String.raw`(?:pas|jamais)(?: [\p{L}\p{N}'-]{1,20}){0,4} dans (?:git|le dépôt|le repo)|`,
  String.raw`(?:no|nunca)(?: [\p{L}\p{N}-]{1,20}){0,4} (?:en|a|al) (?:git|el repo(?:sitorio)?))(?![\p{L}])`,
);
// "Don't commit the new token", "never check it in": the repository named by its verb. Its own
// pattern, so that each stays small enough for the ReDoS checker to decide (redos.test.ts).
const NOT_COMMITTED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:do not|don't|never|must not|mustn't|should not) (?:commit|check in|push) `,
  String.raw`(?:it|this|them|the new (?:one|value|password|key|token|secret|credentials?))(?![\p{L}])`,
);
const notInRepo = (text: string) => NOT_IN_REPO.exec(text)?.[0] ?? NOT_COMMITTED.exec(text)?.[0];

/** The words of any text (a commit message, an annotation on a live object, a passage) saying the
 * value does not go into the repository — "do not put the new one in git", "managed by the platform"
 * — not as a condition ("if …"). One reader for every place the text lives. */
export function saysNotInRepo(text: string): string | undefined {
  if (CONDITIONAL.test(text)) return undefined;
  return notInRepo(text);
}

/** A passage naming the key (`byObject`: or its live object's name), written any time up to today,
 * that says the repository does not own the value (a platform injects it; a rotated credential is
 * not to go back into git): codifying it there would contradict the document. */
export function documentedNotInRepo(key: string, log: CommitLog | undefined, today?: string, byObject = false): DocumentedUndo | undefined {
  for (const passage of passagesAbout(key, log, byObject)) {
    if (today && passage.written.date.slice(0, 10) > today) continue;
    if (CONDITIONAL.test(passage.text)) continue;
    const phrase = notInRepo(passage.text);
    if (phrase) return { passage, phrase };
  }
  return undefined;
}

/** The passages of documents that name the key's live object (or the key) and do not name it
 * themselves, nor another key of the scan: a security note names the Secret once ("prod Secret
 * mailer-smtp edited by hand") and says what becomes of its value in a follow-up of its own ("never
 * put the new one in git in clear"). Newest-written first. */
function passagesBeside(key: string, log: CommitLog): Passage[] {
  const object = objectNameOf(key);
  const leaf = leafOf(key);
  const own = object
    ? new RegExp(`(^|[^A-Za-z0-9_])(?:${escapeRegExp(leaf)}|${escapeRegExp(object)})($|[^A-Za-z0-9_-])`, 'i')
    : new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(leaf)}($|[^A-Za-z0-9_])`, 'i');
  if ((object ?? leaf).length < 4) return [];
  // Another live object of the scan named in a passage makes the passage that object's.
  const others = [...new Set([...everyKey(log)].map(objectNameOf))].filter((o): o is string => !!o && o !== object);
  const found: Passage[] = [];
  for (const doc of documentIndex(log)) {
    if (!own.test(doc.text)) continue;
    for (const p of doc.passages) {
      if (own.test(p.text) || namesOtherKey(p.text, p.lower, key, log)) continue;
      if (others.some((o) => p.lower.includes(o) && new RegExp(`(^|[^a-z0-9_-])${escapeRegExp(o)}($|[^a-z0-9_-])`).test(p.lower))) continue;
      found.push({ file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written: doc.written });
      if (found.length >= PASSAGES) return found;
    }
  }
  return found;
}

/** A rotated credential's document that says the new value stays out of git: a passage naming the
 * Secret (or its key), or one of the same document's other passages, since a document about one
 * Secret speaks of it as a whole. Written any time up to today; not as a condition. */
export function documentedSecretOutOfGit(key: string, log: CommitLog | undefined, today?: string): DocumentedUndo | undefined {
  const named = documentedNotInRepo(key, log, today, true);
  if (named || !log) return named;
  for (const passage of passagesBeside(key, log)) {
    if (today && passage.written.date.slice(0, 10) > today) continue;
    if (CONDITIONAL.test(passage.text)) continue;
    const phrase = notInRepo(passage.text);
    if (phrase) return { passage, phrase };
  }
  return undefined;
}

/** A document written after a hand edit at `editedAt` (or up to two days before it), up to today,
 * that names the key or its live object and whose own status says it decides nothing yet ("Status:
 * open, to be decided in the capacity review", "Status: proposed", "Estado: abierto"): what it
 * argues for the edit, keep or undo, is a position, and the question is still a person's. */
export function documentedOpen(key: string, editedAt: string, log: CommitLog | undefined, today?: string): { passage: Passage; status: string } | undefined {
  if (!log) return undefined;
  const at = Date.parse(editedAt);
  for (const passage of passagesAbout(key, log, true)) {
    if (Date.parse(passage.written.date) < at - 2 * 86_400_000) continue;
    if (today && passage.written.date.slice(0, 10) > today) continue;
    const doc = documentIndex(log).find((d) => d.path === passage.file && d.written.sha === passage.written.sha);
    // Withdrawn or rejected is decided (its plan is off), not open.
    if (doc?.status && !doc.status.decided && !doc.status.withdraws && !doc.status.handedOn) return { passage, status: doc.status.status };
  }
  return undefined;
}

// Writing a value into a file, the verb before or after the file's name as each language puts it:
// "put it in deploy/prd/worker.yaml", "add 1Gi to values-prod.yaml", "prd.env in git nachziehen",
// "in prd.env eintragen", "pôr em deploy/prd/worker.yaml", "colocar no prd.env", "poner en prd.env",
// "mettre dans prd.env", "opnemen in prd.env".
const INTO_FILE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:put|write|add|commit|codify|backfill|persist|nachziehen|nachtragen|eintragen|übernehmen|aufnehmen|festschreiben|`,
  String.raw`einchecken|pôr|colocar|escrever|poner|escribir|llevar|añadir|agregar|mettre|écrire|reporter|ajouter|zetten|opnemen|toevoegen)(?![\p{L}])`,
);
// A negation before the verb in the sentence ("do not put it in …", "nicht in live.env eintragen");
// "no" only right before it ("no poner en …"), since Portuguese "no" is "in the" ("colocar no prd.env").
const INTO_FILE_NEGATED = /(?<![\p{L}])(?:not|never|don't|do not|nicht|nie|não|nunca|pas|jamais|niet|nooit)(?![\p{L}])/iu;
const INTO_FILE_NO = /(?<![\p{L}])no\s+(?:\p{L}+\s+)?$/iu;

/** The shortest trailing part of `file` (whole segments) that no other environment's file ends
 * with: `deploy/prd/worker.yaml` beside `deploy/hml/worker.yaml` → `prd/worker.yaml`. */
function ownSuffix(file: string, others: readonly string[]): string | undefined {
  const parts = file.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const tail = parts.slice(i).join('/');
    if (!others.some((o) => o === tail || o.endsWith(`/${tail}`))) return tail;
  }
  return undefined;
}

/** A write-up of a hand edit (written after it, or up to two days before, up to today; naming the key
 * or its live object, and the live value) whose passage says to write the value into the
 * environment's own file, named so no other environment's file is meant: "Pôr em
 * deploy/prd/worker.yaml", "OPS-4410 prd.env in git nachziehen". Not negated, asked or conditional. */
export function documentedIntoFile(
  key: string,
  file: string,
  otherFiles: readonly string[],
  live: string | null,
  editedAt: string,
  log: CommitLog | undefined,
  today?: string,
  /** The file's value: a value of options is named by the one option the live value sets apart from it. */
  fileValue: string | null = null,
): DocumentedUndo | undefined {
  const suffix = ownSuffix(file, otherFiles);
  if (!log || !suffix || live === null || live.trim() === '') return undefined;
  const object = objectNameOf(key);
  const leaf = leafOf(key);
  if (leaf.length < 4 && !object) return undefined;
  const names = new RegExp(`(^|[^A-Za-z0-9_])(?:${[leaf, ...(object ? [object] : [])].map(escapeRegExp).join('|')})($|[^A-Za-z0-9_])`, 'i');
  const fileNamed = new RegExp(String.raw`(?<![\p{L}\p{N}_.-])${escapeRegExp(suffix)}(?![\p{L}\p{N}_-])`, 'iu');
  const at = Date.parse(editedAt);
  const lowerSuffix = suffix.toLowerCase();
  for (const doc of documentIndex(log)) {
    if (!doc.lower.includes(lowerSuffix) || Date.parse(doc.written.date) < at - 2 * 86_400_000) continue;
    if (today && doc.written.date.slice(0, 10) > today) continue;
    if (doc.status && !doc.status.decided) continue;
    if (!names.test(doc.text) || !(namesValue(doc.text, live) || namesByOption(doc.text, live, fileValue))) continue;
    for (const p of doc.passages) {
      if (!p.lower.includes(lowerSuffix) || CONDITIONAL.test(p.text) || undecided(p.text)) continue;
      for (const sentence of p.text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
        const named = fileNamed.exec(sentence);
        if (!named || /[?？]\s*$/u.test(sentence)) continue;
        // The verb within a few words of the file's name, either side.
        const from = Math.max(0, named.index - 40);
        const near = sentence.slice(from, named.index + named[0].length + 40);
        const verb = INTO_FILE.exec(near);
        if (!verb) continue;
        const upTo = sentence.slice(0, from + verb.index);
        if (INTO_FILE_NEGATED.test(sentence.slice(0, from + verb.index + verb[0].length)) || INTO_FILE_NO.test(upTo)) continue;
        return { passage: { file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written: doc.written }, phrase: near.trim() };
      }
    }
  }
  return undefined;
}
