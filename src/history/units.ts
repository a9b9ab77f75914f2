import type { ReadLimits } from '../model/limits.js';
import { isAscii } from 'node:buffer';
import { commonPrefix as commonBytePrefix, commonSuffix as commonByteSuffix } from './equal-run.js';
import jsyaml from 'js-yaml';
import type { KeyPath } from '../model/types.js';
import { diffItemTexts, diffTexts, flattenItemTexts, flattenTexts, IDENTITY_FIELDS, identityField, type TextChange } from '../parse/flatten.js';
import { joinKey } from '../parse/keypath.js';
import { measureShape, shapeProblem, surelyWithin, type Shape } from '../parse/value-shape.js';
import { MERGE_WORK_FOR_JSYAML } from '../parse/yaml-cost.js';
import { IMPLICIT_11, IMPLICIT_12, SCHEMA_11, SCHEMA_12 } from '../parse/yaml-fast.js';
import { valueText } from '../parse/flatten.js';
import { isPlainMap } from '../model/is-map.js';

/** A version's keys as flat pieces (one per unit, or per top-level entry). */
type Flat = Map<KeyPath, string | null>;

// Real Helm values files are one top-level list of applications that alias anchors defined at the
// top, or in earlier items. Such a file cannot be cut into top-level entries (98% of it is one
// entry), and cannot be parsed piece by piece without its anchors. So it is cut one level lower,
// into units: top-level entries, and the items of a large top-level list (or the children of a
// large top-level map). Each unit is parsed with the units that define the anchors it uses
// prepended (each the last definition before it, as YAML resolves an alias), and memoised by its
// text and theirs: an edit re-parses the units it touched and those that alias into them.

/** One piece of a version's text. */
interface Unit {
  text: string;
  /** Where it starts and ends in its version's text. */
  at: number;
  end: number;
  kind: 'entry' | 'item' | 'child';
  /** For an item or child: its cut entry, in `Cut.owners`. */
  owner: number;
  /** Anchor names it defines, and alias names it uses (a superset: found by pattern, so a `&x`
   * inside a quoted string counts too — harmless, see `parse`). */
  defines: string[];
  uses: string[];
  /** Its text's number in the parser's memo, once asked for (numbers are never reused). */
  id?: number;
  /** Its memo key when it uses no other unit's anchors. */
  soloKey?: string;
  /** Its memo key with the units it depends on (the same objects, so the same texts): most units
   * of a version are the previous version's, with the same dependencies. */
  depKey?: { deps: Unit[]; key: string };
}

/** A top-level entry cut into units: its head (`key:` and comments), and its items or children. */
interface Owner {
  head: string;
  kind: 'list' | 'map';
  /** Where the entry starts, and the indentation of its items or children. */
  at: number;
  indent: number;
  first: number;
  count: number;
}

interface Cut {
  units: Unit[];
  owners: Owner[];
}

/** A unit as parsed: an entry's key and value, an item's value, a child's key and value. */
interface Parsed {
  key: string;
  value: unknown;
}

interface KeptFlat {
  path: string;
  field: string | undefined;
  index: number;
  flat: Flat;
  name: string;
}

/** What a flat piece was patched into (a unit re-resolved after an anchor edit), with what differs
 * between the two: diffing them again would read every key of the unit. Keyed by the older piece,
 * so that it holds the newer one, which lives on anyway: keyed by the newer, each piece held the
 * one it came from, and that one its own, every piece of a unit since the first anchor edit
 * (+30-60 MB of peak RSS on the Helm corpus). */
const patchedInto = new WeakMap<Flat, { to: Flat; changes: TextChange[] }>();

/** The changes between two flat pieces when one was patched from the other, else undefined. The
 * history is read newest first (the walk's order), so a version's piece is mostly patched from the
 * next newer version's, and the differ asks for the changes the other way round: those are the
 * same keys (a patch keeps the keys and their order) with the texts swapped. Only looking the
 * forward way, 45,000 of the 46,000 pieces the differ met patched on the Helm corpus were compared
 * key by key again. */
export function knownChanges(before: Flat, after: Flat): TextChange[] | undefined {
  const patched = patchedInto.get(before);
  if (patched?.to === after) return patched.changes;
  const back = patchedInto.get(after);
  return back?.to === before ? back.changes.map((c) => ({ key: c.key, from: c.to, to: c.from })) : undefined;
}

/** How many patched pieces may stand on one another before a patch copies its keys (bounds the
 * chain a read walks and the older pieces it keeps alive). */
const PATCH_CHAIN = 16;

/**
 * A unit's flat piece patched from another (the unit re-resolved after an anchor edit): the keys of
 * `base` in their order, with `changes` set. It becomes a map of its own only when something reads
 * it: the differ mostly takes its changes as known (`knownChanges`) and reads none of its keys, so
 * copying every key of ~41,000 re-resolved items on the Helm corpus (~170 MB, most of it surviving
 * into the old generation as the last version's pieces) bought nothing. Every read of the map
 * first makes it whole: the base's keys copied, then each patch of the chain from the oldest.
 */
class PatchedFlat extends Map<KeyPath, string | null> {
  private base: Flat | undefined;
  private changes: TextChange[] | undefined;
  readonly depth: number;

  constructor(base: Flat, changes: TextChange[]) {
    super();
    this.base = base;
    this.changes = changes;
    this.depth = base instanceof PatchedFlat && base.base !== undefined ? base.depth + 1 : 1;
  }

  private own(): void {
    if (this.base === undefined) return;
    const patches: TextChange[][] = [this.changes!];
    let at: Flat = this.base;
    while (at instanceof PatchedFlat && at.base !== undefined) {
      patches.push(at.changes!);
      at = at.base;
    }
    this.base = undefined;
    this.changes = undefined;
    at.forEach((value, key) => super.set(key, value));
    for (let i = patches.length - 1; i >= 0; i--) for (const change of patches[i]!) super.set(change.key, change.to);
  }

  override get(key: KeyPath): string | null | undefined {
    this.own();
    return super.get(key);
  }
  override has(key: KeyPath): boolean {
    this.own();
    return super.has(key);
  }
  override get size(): number {
    this.own();
    return super.size;
  }
  override set(key: KeyPath, value: string | null): this {
    this.own();
    return super.set(key, value);
  }
  override delete(key: KeyPath): boolean {
    this.own();
    return super.delete(key);
  }
  override clear(): void {
    this.own();
    super.clear();
  }
  override forEach(callback: (value: string | null, key: KeyPath, map: Map<KeyPath, string | null>) => void, thisArg?: unknown): void {
    this.own();
    super.forEach(callback, thisArg);
  }
  override keys(): MapIterator<KeyPath> {
    this.own();
    return super.keys();
  }
  override values(): MapIterator<string | null> {
    this.own();
    return super.values();
  }
  override entries(): MapIterator<[KeyPath, string | null]> {
    this.own();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[KeyPath, string | null]> {
    this.own();
    return super[Symbol.iterator]();
  }
}

/** `base` with `changes` set, as a map of its own made only when read. */
export function patchedFlat(base: Flat, changes: TextChange[]): Flat {
  if (base instanceof PatchedFlat && base.depth >= PATCH_CHAIN) {
    const flat = new Map(base);
    for (const change of changes) flat.set(change.key, change.to);
    return flat;
  }
  return new PatchedFlat(base, changes);
}

const NO_DEPS: number[] = [];
const NO_ENV = new Map<string, unknown>();

/** A unit read: its value, and the values of the anchors it defines (for the units after it). */
interface Resolved {
  parsed: Parsed;
  anchors: Map<string, unknown>;
  /** For a unit resolved with other units' anchors: its parse with placeholders. */
  raw?: Resolved;
  /** For a parse with placeholders: where they are (`planOf`), made at its first resolution. */
  plan?: { value: Plan; anchors: Plan[] };
  /** For a parse (`parseUnit`): the external anchor names it was parsed with, joined by NUL. */
  external?: string;
}

/** Entries smaller than this are parsed whole: cutting costs more than it saves. */
const CUT_FROM_BYTES = 4096;
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])([&*])([^\s,[\]{}]+)/g;
const PLAIN_HEAD = /^[A-Za-z0-9_./-]+:[ \t]*(#.*)?$/;
const UNIT_KEY = '__undrift_unit__';
const STUB_PREFIX = '__undrift_anchor_';
const stubKey = (i: number) => `${STUB_PREFIX}${i}__`;
/** The key of a placeholder map: an alias of an anchor another unit defines reads as
 * `{<ALIAS><name>: true}`, and a merge of it adds that key where the merge is. */
const ALIAS = '__undrift_alias__:';

function anchorsOf(text: string): { defines: string[]; uses: string[] } {
  const defines: string[] = [];
  const uses: string[] = [];
  if (text.includes('&') || text.includes('*')) {
    for (const m of text.matchAll(ANCHOR_OR_ALIAS)) (m[1] === '&' ? defines : uses).push(m[2]!);
  }
  return { defines, uses };
}

/** Where each line of a range starts (`at`) and its indentation (`indent`, -1 for a blank or
 * comment line), `count` lines. Typed arrays, not an object per line: a whole cut of a 4,000-line
 * version made ~8,000 of them (with the arrays' growth, ~460 MB of the Helm corpus' 4 GB of
 * allocation in a first scan). */
interface Lines {
  count: number;
  at: Int32Array;
  indent: Int32Array;
}

function linesOf(text: string, from: number, to: number): Lines {
  let count = 0;
  for (let at = from; at < to; count++) {
    const eol = text.indexOf('\n', at);
    at = eol < 0 || eol >= to ? to : eol + 1;
  }
  const starts = new Int32Array(count);
  const indents = new Int32Array(count);
  let n = 0;
  for (let at = from; at < to; n++) {
    let i = at;
    while (i < to && text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    const blank = i >= to || c === 10 || c === 13 || c === 35;
    starts[n] = at;
    indents[n] = blank ? -1 : i - at;
    const eol = text.indexOf('\n', i);
    at = eol < 0 || eol >= to ? to : eol + 1;
  }
  return { count, at: starts, indent: indents };
}

/** A unit of the version cut before, when the one at [at, end) of the version being cut is the
 * same text in the same role (see `reuser`); undefined when it must be made. */
type Reuse = (at: number, end: number, kind: Unit['kind'], owner: number) => Unit | undefined;

/** A unit at [at, end) of `text`: the earlier version's when `reuse` has it (its anchors, memo
 * number and memo keys come with it), else made, its anchors found by pattern. */
function unitAt(text: string, at: number, end: number, kind: Unit['kind'], owner: number, reuse: Reuse | undefined): Unit {
  const kept = reuse?.(at, end, kind, owner);
  if (kept) return kept;
  const unitText = text.slice(at, end);
  return { text: unitText, at, end, kind, owner, ...anchorsOf(unitText) };
}

/** The entry [from, to) cut into a head and its items or children, or undefined when it is not a
 * plain `key:` over a block list or map that can be cut safely by indentation. */
function cutEntry(text: string, from: number, to: number, units: Unit[], owners: Owner[], reuse?: Reuse): boolean {
  const firstEol = text.indexOf('\n', from);
  if (!PLAIN_HEAD.test(text.slice(from, firstEol < 0 || firstEol > to ? to : firstEol).trimEnd())) return false;
  const lines = linesOf(text, from, to);
  const { count, at: lineAt, indent: lineIndent } = lines;
  let k = 1;
  while (k < count && lineIndent[k]! < 0) k++;
  if (k >= count) return false;
  const indent = lineIndent[k]!;
  const kind = startsItem(text, lineAt[k]! + indent) ? 'list' : 'map';
  const starts: number[] = [];
  if (kind === 'map' && indent === 0) return false;
  for (let j = k; j < count; j++) {
    const lineIndentJ = lineIndent[j]!;
    if (lineIndentJ >= 0 && lineIndentJ < indent) return false;
    if (lineIndentJ !== indent) continue;
    const start = lineAt[j]! + indent;
    if (!(kind === 'map' ? opensKey(text, start) : startsItem(text, start))) return false;
    starts.push(lineAt[j]!);
  }
  if (starts.length < 2) return false;
  const owner = owners.length;
  owners.push({ head: text.slice(from, starts[0]), kind, at: from, indent, first: units.length, count: starts.length });
  units.push(...membersAt(text, starts, to, kind, owner, reuse));
  return true;
}

/** The items or children of an entry, starting at `starts`, the last ending at `to`. */
function membersAt(text: string, starts: number[], to: number, kind: 'list' | 'map', owner: number, reuse?: Reuse): Unit[] {
  return starts.map((at, i) => unitAt(text, at, i + 1 < starts.length ? starts[i + 1]! : to, kind === 'list' ? 'item' : 'child', owner, reuse));
}

/** Whether the line whose text starts at `start` (after its indentation) opens an item of a block
 * list (`- ` or a lone `-`). */
function startsItem(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  const next = text.charCodeAt(start + 1);
  return c === 45 && (next === 32 || next === 10 || next === 13 || Number.isNaN(next));
}

/** Whether the line whose text starts at `start` opens a plain `key:` (quoted, complex or flow
 * keys are left to a whole parse). */
const opensKey = (text: string, start: number) => /^[A-Za-z0-9_./-]+:(\s|$)/.test(text.slice(start, start + 256));

/** Cuts a version into units, or undefined when its shape is not a plain block mapping of
 * entries (documents, directives, tabs, flow or sequence roots, quoted or complex keys). With
 * `reuse`, a unit the version before had (the same text in the same role) is taken over. */
export function cutUnits(text: string, reuse?: Reuse): Cut | undefined {
  const units: Unit[] = [];
  const owners: Owner[] = [];
  const { count, at: lineAt, indent: lineIndent } = linesOf(text, 0, text.length);
  const entries: number[] = [];
  for (let j = 0; j < count; j++) {
    const indent = lineIndent[j]!;
    if (indent < 0) continue;
    if (indent > 0) {
      if (entries.length === 0) return undefined;
      continue;
    }
    const at = lineAt[j]!;
    const c = text.charCodeAt(at);
    if (c === 45) {
      // A list item at column 0 belongs to the entry above it (`key:\n- item`); `---` does not.
      if (entries.length === 0 || text.startsWith('---', at)) return undefined;
      continue;
    }
    if (c === 9 || c === 37 || text.startsWith('...', at) || '[{?"\'!&*|>@`'.includes(text[at]!)) return undefined;
    entries.push(at);
  }
  if (entries.length === 0) return undefined;
  entries.forEach((at, i) => {
    const end = i + 1 < entries.length ? entries[i + 1]! : text.length;
    if (end - at >= CUT_FROM_BYTES && cutEntry(text, at, end, units, owners, reuse)) return;
    units.push(unitAt(text, at, end, 'entry', -1, reuse));
  });
  return { units, owners };
}

/** How many characters `x` and `y` share at their start, up to `max`: by halving with native
 * compares of slices, then character by character. */
function commonPrefix(x: string, y: string, max: number): number {
  if (x.slice(0, max) === y.slice(0, max)) return max;
  let lo = 0; // [0, lo) is equal
  let hi = max; // and a character in [lo, hi) differs
  while (hi - lo > 64) {
    const mid = (lo + hi) >>> 1;
    if (x.slice(lo, mid) === y.slice(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && x.charCodeAt(lo) === y.charCodeAt(lo)) lo++;
  return lo;
}

/** How many characters `x` and `y` share at their end, up to `max`. */
function commonSuffix(x: string, y: string, max: number): number {
  const xe = x.length;
  const ye = y.length;
  if (x.slice(xe - max) === y.slice(ye - max)) return max;
  let lo = 0;
  let hi = max;
  while (hi - lo > 64) {
    const mid = (lo + hi) >>> 1;
    if (x.slice(xe - mid, xe - lo) === y.slice(ye - mid, ye - lo)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && x.charCodeAt(xe - 1 - lo) === y.charCodeAt(ye - 1 - lo)) lo++;
  return lo;
}

/**
 * A version's text as the cut reads it. Where git's bytes are all ASCII (one character a byte,
 * the usual values file) they are kept as those bytes, off V8's heap, and only the ranges a cut
 * reads are decoded: a recut reads the lines of the items an edit touched. Decoded whole, each
 * version's text (~110 KB on the Helm corpus, under V8's 128 KB threshold for the large-object
 * space) lived in the young generation until the file's next version was cut, so the scavenger
 * copied it and promoted it: ~3,500 versions, most of what survived the history read's scavenges.
 */
export class VersionText {
  readonly length: number;

  private constructor(
    private readonly bytes: Buffer | undefined,
    private readonly text: string | undefined,
  ) {
    this.length = bytes ? bytes.length : text!.length;
  }

  /** The text of a UTF-8 version (without a byte order mark). */
  static of(content: Buffer | string): VersionText {
    if (typeof content === 'string') return new VersionText(undefined, content);
    return isAscii(content) ? new VersionText(content, undefined) : new VersionText(undefined, content.toString('utf8'));
  }

  /** Characters [from, to). */
  slice(from: number, to: number): string {
    return this.bytes ? this.bytes.toString('latin1', from, to) : this.text!.slice(from, to);
  }

  /** The whole text (decoded again at each call where it is kept as bytes: whole cuts only). */
  whole(): string {
    return this.text ?? this.bytes!.toString('latin1');
  }

  /** How many characters `this` and `other` share at their start, up to `max`. */
  prefixWith(other: VersionText, max: number): number {
    return this.bytes && other.bytes ? commonBytePrefix(this.bytes, 0, other.bytes, 0, max) : commonPrefix(this.whole(), other.whole(), max);
  }

  /** How many characters `this` and `other` share at their end, up to `max`. */
  suffixWith(other: VersionText, max: number): number {
    return this.bytes && other.bytes ? commonByteSuffix(this.bytes, other.bytes, max) : commonSuffix(this.whole(), other.whole(), max);
  }
}

const asText = (text: string | VersionText): VersionText => (typeof text === 'string' ? VersionText.of(text) : text);

/**
 * For cutting `text` whole when it cannot be cut from the previous version's cut (an edit of a
 * top-level entry, such as an anchor at the top, or of two places): the units of `before` whose
 * text lies in the head or the tail the two versions share are taken over where the new cut has
 * a unit of the same kind at the same place, so that their anchors are not searched and their
 * texts not numbered again. A unit's text is all its cut decides: its owner (an index) is the new
 * one's.
 */
export function reuser(was: string | VersionText, cut: Cut, text: string, now: VersionText = VersionText.of(text)): Reuse {
  const { units } = cut;
  const before = asText(was);
  const max = Math.min(before.length, now.length);
  const a = before.prefixWith(now, max);
  const b = a === max ? 0 : before.suffixWith(now, max - a);
  const shift = text.length - before.length;
  /** The unit of `before` starting at `at`, by halving (units are in text order). */
  const startingAt = (at: number): Unit | undefined => {
    let lo = 0;
    let hi = units.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (units[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    const unit = units[lo];
    return unit?.at === at ? unit : undefined;
  };
  return (at, end, kind, owner) => {
    let old: Unit | undefined;
    if (end <= a) old = startingAt(at);
    else if (at >= text.length - b) old = startingAt(at - shift);
    if (!old || old.kind !== kind || old.end - old.at !== end - at) return undefined;
    // A new unit with its text cut from this version: the old one's is a view of an older text,
    // which it would keep alive (a cut made whole is where units stop holding older versions).
    const unit: Unit = { text: text.slice(at, end), at, end, kind, owner, defines: old.defines, uses: old.uses };
    if (old.id !== undefined) unit.id = old.id;
    if (old.soloKey !== undefined) unit.soloKey = old.soloKey;
    return unit;
  };
}

/**
 * The cut of `text` made from the cut of a previous version of the same file (`before`): the
 * units in the head and tail the two texts share are taken over (their anchors and memo numbers
 * too), and only the items or children between them are cut anew, by the same rules as
 * `cutUnits`. Undefined when the edit reaches beyond the items of one entry (its head, another
 * entry, the first or a top-level unit): the caller cuts the whole text. Cutting and hashing
 * every unit of every version was a third of the history read of a Helm values file.
 */
export function recut(was: string | VersionText, cut: Cut, now: string | VersionText): Cut | undefined {
  const { units, owners } = cut;
  const before = asText(was);
  const text = asText(now);
  const n = units.length;
  const max = Math.min(before.length, text.length);
  const a = before.prefixWith(text, max);
  if (a === before.length && a === text.length) return cut;
  const b = before.suffixWith(text, max - a);
  // Units [0, h) end inside the shared head with a whole unit to spare, so the line that starts
  // unit h is the same line in both texts; likewise units [k, n) start in the shared tail with
  // the unit before k in it too.
  let h = 0;
  while (h < n && units[h]!.end <= a) h++;
  h--;
  let k = n;
  while (k > 0 && units[k - 1]!.at >= before.length - b) k--;
  k = Math.min(n, k + 1);
  if (h >= 0 && h < k && units[h]!.kind === 'entry') return recutEntries(cut, text, h, k, text.length - before.length);
  if (h < 1 || h >= k) return undefined;
  const first = units[h]!;
  const o = first.owner;
  const owner = owners[o];
  if (!owner) return undefined;
  for (let i = h; i < k; i++) if (units[i]!.owner !== o) return undefined;
  const next = units[k];
  if (next && next.owner !== o && next.kind !== 'entry') return undefined;
  const shift = text.length - before.length;
  const from = first.at;
  const to = next ? next.at + shift : text.length;
  // The same rules as cutEntry's, over the lines cut anew: only they are decoded (`region`, whose
  // offsets are from `from`; it ends where a line starts, or at the end of the text).
  const indent = owner.indent;
  const starts: number[] = [];
  const region = text.slice(from, to);
  const lines = linesOf(region, 0, region.length);
  const { at: lineAt, indent: lineIndent } = lines;
  for (let j = 0; j < lines.count; j++) {
    const lineIndentJ = lineIndent[j]!;
    if (lineIndentJ < 0) continue;
    if (lineIndentJ < indent) return undefined;
    if (lineIndentJ > indent) continue;
    if (!(owner.kind === 'list' ? startsItem(region, lineAt[j]! + indent) : opensKey(region, lineAt[j]! + indent))) return undefined;
    starts.push(lineAt[j]!);
  }
  if (starts[0] !== 0) return undefined;
  const members = membersAt(region, starts, region.length, owner.kind, o);
  for (const member of members) {
    member.text = copied(member.text);
    member.at += from;
    member.end += from;
  }
  const added = members.length - (k - h);
  const count = owner.count + added;
  const entryEnd = (k < owner.first + owner.count ? units[owner.first + owner.count - 1]!.end + shift : to) - owner.at;
  if (count < 2 || entryEnd < CUT_FROM_BYTES) return undefined;
  const moved = (u: Unit): Unit => ({ ...u, at: u.at + shift, end: u.end + shift });
  return {
    units: [...units.slice(0, h), ...members, ...units.slice(k).map(moved)],
    owners: owners.map((x, i) => (i < o ? x : i === o ? { ...x, count } : { ...x, at: x.at + shift, first: x.first + added })),
  };
}

/** A copy of the text that is not a view of the text it was cut from: a unit cut anew is kept for
 * as long as it is unchanged, and a view would keep its whole version alive with it. */
const copied = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/**
 * `recut` of an edit among top-level entries that are not cut themselves (units [h, k), all
 * entries; unit h is in the shared head, unit k and the one before it in the shared tail): those
 * lines are cut anew by `cutUnits`' rules, the units before and after are taken over. An anchor
 * edit at the top of a Helm values file (with the comment beside it) is such an edit; cutting
 * those versions whole was 70% of the whole cuts on the bench's corpus. Undefined where the range
 * holds the head or items of a cut entry, or a line `cutUnits` would refuse, or an entry large
 * enough that `cutUnits` would try to cut it (the caller cuts the whole text, which decides).
 */
function recutEntries(cut: Cut, text: VersionText, h: number, k: number, shift: number): Cut | undefined {
  const { units, owners } = cut;
  for (let i = h; i < k; i++) if (units[i]!.kind !== 'entry') return undefined;
  const next = units[k];
  let end: number;
  if (!next) end = text.length;
  else if (next.kind === 'entry') end = next.at + shift;
  else if (owners[next.owner]?.first === k) end = owners[next.owner]!.at + shift;
  else return undefined;
  const from = units[h]!.at;
  const starts: number[] = [];
  // Only the lines cut anew are decoded (offsets in `region` are from `from`).
  const region = text.slice(from, end);
  const lines = linesOf(region, 0, region.length);
  const { at: lineAt, indent: lineIndent } = lines;
  for (let j = 0; j < lines.count; j++) {
    if (lineIndent[j] !== 0) continue;
    const at = lineAt[j]!;
    const c = region.charCodeAt(at);
    if (c === 45) {
      if (region.startsWith('---', at)) return undefined;
      continue;
    }
    if (c === 9 || c === 37 || region.startsWith('...', at) || '[{?"\'!&*|>@`'.includes(region[at]!)) return undefined;
    starts.push(at);
  }
  if (starts[0] !== 0) return undefined;
  const made: Unit[] = [];
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i]!;
    const to = i + 1 < starts.length ? starts[i + 1]! : region.length;
    if (to - at >= CUT_FROM_BYTES) return undefined;
    const unitText = copied(region.slice(at, to));
    made.push({ text: unitText, at: from + at, end: from + to, kind: 'entry', owner: -1, ...anchorsOf(unitText) });
  }
  const added = made.length - (k - h);
  const moved = (u: Unit): Unit => ({ ...u, at: u.at + shift, end: u.end + shift });
  return {
    units: [...units.slice(0, h), ...made, ...units.slice(k).map(moved)],
    owners: owners.map((x) => (x.first < k ? x : { ...x, at: x.at + shift, first: x.first + added })),
  };
}

/** A file's last version read (`UnitParser.lastReads`). */
interface LastRead {
  text: VersionText;
  cut: Cut;
  /** Per unit, its read and the units its value depends on. */
  results: Resolved[];
  deps: number[][];
  /** Per top-level key cut into list items: the items' values and the field that identifies them. */
  lists: Map<string, { values: unknown[]; field: string | undefined }>;
}

/** The field that identifies every item of `values` (`identityField`), from the last version's
 * list where each item that is not the same object has the same value in every identity field
 * (an edit elsewhere in an item does not change it); else looked for again. Looking it up in all
 * ~100 items of each version was a pass over every item for the one or two an edit touched. */
function identityFieldFrom(values: unknown[], last: { values: unknown[]; field: string | undefined } | undefined): string | undefined {
  if (last && last.values.length === values.length) {
    let same = true;
    for (let i = 0; same && i < values.length; i++) {
      const now = values[i] as Record<string, unknown>;
      const was = last.values[i] as Record<string, unknown>;
      if (now !== was) for (const field of IDENTITY_FIELDS) if (now[field] !== was[field]) same = false;
    }
    if (same) return last.field;
  }
  return identityField(values);
}

/** How far ahead `align` looks for a unit that was added or removed. */
const ALIGN_AHEAD = 8;

/** Each unit of `after`'s counterpart in `before` (the same text and kind; -1 for none), in
 * order: units taken over by the cut are the same objects; an edit replaces, adds or removes a
 * few units between runs of equal ones. */
function align(before: Unit[], after: Unit[]): Int32Array {
  const from = new Int32Array(after.length).fill(-1);
  const same = (x: Unit, y: Unit) => x === y || (x.kind === y.kind && x.text === y.text);
  let i = 0;
  let j = 0;
  while (i < after.length && j < before.length) {
    if (same(after[i]!, before[j]!)) {
      from[i++] = j++;
      continue;
    }
    let found = false;
    for (let d = 1; d <= ALIGN_AHEAD && !found; d++) {
      if (j + d < before.length && same(after[i]!, before[j + d]!)) {
        j += d;
        found = true;
      } else if (i + d < after.length && same(after[i + d]!, before[j]!)) {
        i += d;
        found = true;
      }
    }
    // Neither found near the other: a unit replaced.
    if (!found) {
      i++;
      j++;
    }
  }
  return from;
}

/** The read in the last version of the parse `raw`, found by looking through all of its units
 * (a unit without a counterpart: rare, an edit of many units at once). */
function priorAnywhere(last: LastRead, raw: Resolved): Parsed | undefined {
  for (const result of last.results) if (result.raw === raw) return result.parsed;
  return undefined;
}

export interface UnitStats {
  /** Units parsed (with their anchors' units), and units whose parse was memoised. */
  parsed: number;
  reused: number;
  /** Units whose read in the file's last version was taken over as it was: the same text, none of
   * the anchors it aliases edited (not looked up at all). */
  kept: number;
  /** Units whose parse was reused with other anchor values (an anchor they alias was edited):
   * their aliases resolved again, no text parsed. */
  resolved: number;
  /** Of those, units whose flat piece was their last resolution's patched (no flattening). */
  patched: number;
  /** Versions cut from the previous version's cut (only the changed items cut anew). */
  recut: number;
  /** Units not parsed: their text differs from their counterpart's in the version before only in
   * plain scalars rewritten on their lines, so that parse is patched (`scalarPatch`). */
  scalarPatched?: number;
}

/** The numbers in ascending order (a handful: the units a unit's anchors come from), without the
 * work array and comparator `sort` allocates for each of ~350,000 units of a Helm history. */
function ascending(set: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (const n of set) {
    let k = out.length;
    out.push(n);
    for (; k > 0 && out[k - 1]! > n; k--) out[k] = out[k - 1]!;
    out[k] = n;
  }
  return out;
}

/** Parses versions cut into units, memoising each unit by its text and the texts of the units
 * whose anchors it uses. One per schema. */
export class UnitParser {
  /** Each distinct unit text gets a number, so that a memo key is a short string. */
  private ids = new Map<string, number>();
  private nextId = 0;
  private readonly heads = new Map<string, string>();
  private readonly flats = new WeakMap<Parsed, KeptFlat>();
  /** Two generations of parses: a unit recurs in the next versions of its file, rarely after
   * thousands of others; the parses (and the text they are cut from) do not pile up. On the Helm
   * corpus generations of 1,000 parse 0.4% more units than 5,000 and peak 150 MB lower; 500 parse
   * 7.6% more than 1,000 (5,069 against 4,712; resolved again 49,035 against 46,721, ~1% of the
   * CPU) and peak 50–65 MB lower (history alone 228–247 MB against 293–301; the whole scan 322
   * against 388–423); 300 parse 70% more and save nothing more. */
  private memo = new Map<string, Resolved>();
  private older = new Map<string, Resolved>();
  /** Each unit's text parsed with placeholders for other units' anchors, in generations too. */
  private parses = new Map<string, Resolved>();
  private olderParses = new Map<string, Resolved>();
  /** Per file, its last version read: its text and cut (the next version is cut from them), and
   * each unit's read and dependencies. The next version takes a unit's read over where the unit
   * is the same text and no anchor it aliases was edited (most of a version: an edit touches one
   * or two of ~100 units), and a unit read again after an anchor edit is paired with its read in
   * this version: its flat piece is that one's patched where the values differ (`diffTexts`).
   * Only the last version's are kept: that is the version the next is diffed against. */
  private readonly lastReads = new Map<string, LastRead>();
  private readonly priors = new Map<Parsed, Parsed>();
  /** The shapes of units' parses and of anchors' values, measured once (see `tooLarge`). */
  private readonly shapes = new WeakMap<object, Shape | string>();

  constructor(
    private readonly schema: jsyaml.Schema,
    private readonly stats: UnitStats,
    private readonly limits: Readonly<ReadLimits>,
    private readonly generation = 500,
  ) {}

  /** The version's keys as one flat piece per unit (with a name for each, for pairing), or
   * undefined when a unit does not parse alone or the cut could change a value: the caller
   * parses the version whole, which names the real error or is right where the cut was not. */
  parse(content: Buffer | string, file?: string): { chunks: Flat[]; keys: string[] } | undefined {
    const text = VersionText.of(content);
    this.priors.clear();
    const last = file === undefined ? undefined : this.lastReads.get(file);
    if (file !== undefined) this.lastReads.delete(file);
    const cut = this.cut(text, last);
    if (!cut) return undefined;
    const { units, owners } = cut;
    const results: Resolved[] = [];
    const parsed: Parsed[] = [];
    /** Per unit, the anchors it defines, their aliases resolved. */
    const anchors: Array<Map<string, unknown>> = [];
    const deps: number[][] = [];
    const lastDefinition = new Map<string, number>();
    // Each unit's counterpart in the last version (the same text and kind), and back.
    const before = last?.cut.units;
    const from = before ? align(before, units) : undefined;
    const to = before ? new Int32Array(before.length).fill(-1) : undefined;
    if (from) for (let i = 0; i < from.length; i++) if (from[i]! >= 0) to![from[i]!] = i;
    /** Anchor names whose last definition so far is not the last version's: defined by a unit
     * read again or new here, or by one the last version had and this one has not. */
    const edited = new Set<string>();
    let lastMatched = -1;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!;
      const j = from ? from[i]! : -1;
      if (j >= 0) {
        for (let r = lastMatched + 1; r < j; r++) for (const name of before![r]!.defines) edited.add(name);
        lastMatched = j;
        // The same text with the same anchor values: the last version's read, as it was.
        const kept = this.keptRead(unit, last!, j, to!, edited);
        if (kept) {
          this.stats.kept++;
          results.push(last!.results[j]!);
          parsed.push(last!.results[j]!.parsed);
          anchors.push(last!.results[j]!.anchors);
          deps.push(kept);
          for (const name of unit.defines) {
            lastDefinition.set(name, i);
            edited.delete(name);
          }
          continue;
        }
      }
      const prior = (raw: Resolved) => (j >= 0 && last!.results[j]!.raw === raw ? last!.results[j]!.parsed : last && priorAnywhere(last, raw));
      // An item edited in place (the usual edit: the same count of units, this one's text new) is
      // read from the item at its place in the last version where only scalars were rewritten.
      const was = j < 0 && before?.length === units.length && unit.kind === 'item' && unit.defines.length === 0 ? before[i]! : undefined;
      const counterpart = was && was.kind === 'item' && was.owner === unit.owner ? { unit: was, result: last!.results[i]! } : undefined;
      // The units whose anchors this one uses, and theirs in turn, in document order: what its
      // value depends on besides its own text. Most units use none.
      if (unit.uses.length === 0) {
        deps.push(NO_DEPS);
        for (const name of unit.defines) {
          lastDefinition.set(name, i);
          edited.add(name);
        }
        const result = this.unit(units, i, NO_DEPS, NO_ENV, prior, counterpart);
        if (!result) return undefined;
        results.push(result);
        parsed.push(result.parsed);
        anchors.push(result.anchors);
        continue;
      }
      const needed = new Set<number>();
      const env = new Map<string, unknown>();
      for (const name of unit.uses) {
        const d = lastDefinition.get(name);
        if (d === undefined || env.has(name)) continue;
        // A name taken for an anchor by its pattern that the unit does not define: parsed whole.
        if (!anchors[d]!.has(name)) return undefined;
        env.set(name, anchors[d]!.get(name));
        if (needed.has(d)) continue;
        needed.add(d);
        for (const dd of deps[d]!) needed.add(dd);
      }
      deps.push(ascending(needed));
      for (const name of unit.defines) {
        lastDefinition.set(name, i);
        edited.add(name);
      }
      const result = this.unit(units, i, deps[i]!, env, prior, counterpart);
      if (!result) return undefined;
      results.push(result);
      parsed.push(result.parsed);
      anchors.push(result.anchors);
    }
    const chunks: Flat[] = [];
    const keys: string[] = [];
    const seen = new Set<string>();
    const lists: LastRead['lists'] = new Map();
    let u = 0;
    let o = 0;
    while (u < units.length) {
      const unit = units[u]!;
      if (unit.kind === 'entry') {
        const { key, value } = parsed[u]!;
        // A repeated top-level key, a merge into the root or a Kubernetes object: the whole
        // parse decides.
        if (seen.has(key) || key === '<<' || key === 'apiVersion' || key === 'kind') return undefined;
        seen.add(key);
        chunks.push(
          this.flatOf(
            parsed[u]!,
            '',
            undefined,
            0,
            key,
            () => flattenTexts({ [key]: value }),
            (prior) => diffTexts(prior, value, joinKey('', key)),
          ).flat,
        );
        keys.push(key);
        u++;
        continue;
      }
      const owner = owners[o++]!;
      const key = this.headKey(owner.head);
      if (key === undefined || seen.has(key) || key === '<<' || key === 'apiVersion' || key === 'kind') return undefined;
      seen.add(key);
      const path = joinKey('', key);
      const members = parsed.slice(owner.first, owner.first + owner.count);
      if (owner.kind === 'list') {
        const values = members.map((m) => m.value);
        // Lists of scalars are one value, and mixed lists are read by index: both whole.
        if (!values.every(isPlainMap)) return undefined;
        const field = identityFieldFrom(values, last?.lists.get(key));
        lists.set(key, { values, field });
        members.forEach((member, i) => {
          // Most items are the previous version's, already flattened: no closures made for them.
          const kept =
            this.keptFlat(member, path, field, i) ??
            this.flatOf(
              member,
              path,
              field,
              i,
              () => `${key}\0${field ? String((member.value as Record<string, unknown>)[field]) : i}`,
              () => flattenItemTexts(member.value, field, i, path),
              (prior) => diffItemTexts(prior, member.value, field, i, path),
            );
          chunks.push(kept.flat);
          keys.push(kept.name);
        });
      } else {
        const children = new Set<string>();
        for (const member of members) {
          if (children.has(member.key)) return undefined;
          children.add(member.key);
          const childPath = joinKey(path, member.key);
          const kept =
            this.keptFlat(member, childPath, undefined, 0) ??
            this.flatOf(
              member,
              childPath,
              undefined,
              0,
              () => `${key}\0${member.key}`,
              () => flattenTexts(member.value, childPath),
              (prior) => diffTexts(prior, member.value, childPath),
            );
          chunks.push(kept.flat);
          keys.push(kept.name);
        }
      }
      u = owner.first + owner.count;
    }
    if (file !== undefined) this.lastReads.set(file, { text, cut, results, deps, lists });
    return { chunks, keys };
  }

  private cut(text: VersionText, last: LastRead | undefined): Cut | undefined {
    let cut = last && recut(last.text, last.cut, text);
    if (cut) this.stats.recut++;
    else {
      const whole = text.whole();
      cut = cutUnits(whole, last && reuser(last.text, last.cut, whole, text));
    }
    return cut;
  }

  /** The dependencies (in this version's numbering) of unit `j` of the last version, read again
   * as it is when it is unit `unit` here: none of the anchors it aliases `edited`, and every unit
   * its value depends on still here (each has the same text, and its anchors the same values).
   * Undefined when it must be read. */
  private keptRead(unit: Unit, last: LastRead, j: number, to: Int32Array, edited: ReadonlySet<string>): number[] | undefined {
    for (const name of unit.uses) if (edited.has(name)) return undefined;
    const old = last.deps[j]!;
    let same = true;
    for (const d of old) {
      const now = to[d]!;
      if (now < 0) return undefined;
      if (now !== d) same = false;
    }
    return same ? old : old.map((d) => to[d]!);
  }

  /** A unit's flat piece and its name (for pairing pieces of two versions), kept with its parse
   * while it is flattened the same way. A unit re-resolved after an anchor edit is its last
   * resolution's piece patched where `diff` finds other value texts (the same keys in the same
   * order, so the same map a flattening makes), when there is one flattened the same way. */
  private flatOf(
    parsed: Parsed,
    path: string,
    field: string | undefined,
    index: number,
    name: string | (() => string),
    make: () => Flat,
    diff: (prior: unknown) => TextChange[] | undefined,
  ): KeptFlat {
    const kept = this.keptFlat(parsed, path, field, index);
    if (kept) return kept;
    const prior = this.priors.get(parsed);
    const before = prior && prior.key === parsed.key ? this.flats.get(prior) : undefined;
    let flat: Flat | undefined;
    if (before && before.path === path && before.field === field && before.index === index) {
      const changes = diff(prior!.value);
      // Two paths naming one key (not written by joinKey, but cheap to rule out): flattened.
      if (changes && (changes.length < 2 || new Set(changes.map((c) => c.key)).size === changes.length)) {
        flat = patchedFlat(before.flat, changes);
        patchedInto.set(before.flat, { to: flat, changes });
        this.stats.patched++;
      }
    }
    const made = { path, field, index, flat: flat ?? make(), name: typeof name === 'string' ? name : name() };
    this.flats.set(parsed, made);
    return made;
  }

  /** The unit's flat piece when it was flattened the same way before. */
  private keptFlat(parsed: Parsed, path: string, field: string | undefined, index: number): KeptFlat | undefined {
    const kept = this.flats.get(parsed);
    return kept && kept.path === path && kept.field === field && (field !== undefined || kept.index === index) ? kept : undefined;
  }

  private idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      if (this.ids.size >= 4 * this.generation) this.ids = new Map();
      // A copy: a cut piece is a view of its whole version, which the key would keep alive.
      this.ids.set(Buffer.from(text).toString(), (id = this.nextId++));
    }
    return id;
  }

  private unitId(unit: Unit): number {
    return (unit.id ??= this.idOf(unit.text));
  }

  private headKey(head: string): string | undefined {
    let key = this.heads.get(head);
    if (key === undefined) {
      const value = jsyaml.load(head, { schema: this.schema, json: true });
      if (!isPlainMap(value) || Object.keys(value).length !== 1) return undefined;
      key = Object.keys(value)[0]!;
      this.heads.set(head, key);
    }
    return key;
  }

  private depKey(units: Unit[], unit: Unit, deps: number[]): string {
    const kept = unit.depKey;
    if (kept && kept.deps.length === deps.length) {
      let same = true;
      for (let k = 0; same && k < deps.length; k++) same = units[deps[k]!] === kept.deps[k];
      if (same) return kept.key;
    }
    const key = `${unit.kind}:${deps.map((d) => `${units[d]!.kind[0]}${this.unitId(units[d]!)}`).join(',')}>${this.unitId(unit)}`;
    unit.depKey = { deps: deps.map((d) => units[d]!), key };
    return key;
  }

  /** Unit `i` read with the anchor values `env` (name → value, aliases resolved) of the units
   * `deps`: its text parsed once with a placeholder for each alias of another unit's anchor, the
   * placeholders then replaced by the values. An edited anchor re-resolves the units that alias
   * it; it does not parse them again. */
  private unit(
    units: Unit[],
    i: number,
    deps: number[],
    env: Map<string, unknown>,
    priorOf: (raw: Resolved) => Parsed | undefined,
    counterpart?: Counterpart,
  ): Resolved | undefined {
    const unit = units[i]!;
    const memoKey = deps.length === 0 ? (unit.soloKey ??= `${unit.kind}:>${this.unitId(unit)}`) : this.depKey(units, unit, deps);
    let known = this.memo.get(memoKey);
    if (!known && (known = this.older.get(memoKey))) this.remember(memoKey, known);
    if (known) {
      this.stats.reused++;
      return known;
    }
    const raw = this.parseUnit(unit, [...env.keys()], counterpart);
    if (!raw) return undefined;
    let result: Resolved | undefined;
    if (env.size === 0) result = raw;
    else {
      this.stats.resolved++;
      // Where the parse's placeholders are, planned once for the parse: an anchor edit resolves
      // every unit that aliases it again, and most of a unit is not on the way to an alias.
      if (!raw.plan) {
        const planned = new Map<object, PlanNode | null>();
        raw.plan = { value: planOf(raw.parsed.value, planned), anchors: [...raw.anchors.values()].map((v) => planOf(v, planned)) };
      }
      const { plan } = raw;
      const resolver = new AliasResolver(env);
      const value = resolver.resolve(raw.parsed.value, plan.value);
      let k = 0;
      const anchors = new Map([...raw.anchors].map(([name, v]) => [name, resolver.resolve(v, plan.anchors[k++] ?? null)]));
      if (!resolver.failed) result = { parsed: { key: raw.parsed.key, value }, anchors };
    }
    // An alias bomb costs nothing until it is flattened: measured here, it sends the version to
    // the whole parse, which refuses it, and the version is bridged.
    if (!result || this.tooLarge(result, raw, env)) return undefined;
    if (env.size > 0) {
      result.raw = raw;
      const prior = priorOf(raw);
      if (prior) this.priors.set(result.parsed, prior);
    }
    // The item it replaced at its place: its flat piece is that one's patched where the texts
    // differ (`flatOf`; parts the scalar patch did not copy are the same objects, skipped unread).
    if (counterpart && !this.priors.has(result.parsed)) this.priors.set(result.parsed, counterpart.result.parsed);
    this.remember(memoKey, result);
    return result;
  }

  /** Whether the unit's read is too large or too deep (`shapeProblem`): an alias bomb costs
   * nothing until it is flattened. A read with other units' anchors is its parse with each
   * placeholder replaced by an anchor's value: bounded by the parse's shape and the anchors'
   * (`surelyWithin`), each measured once, it is walked only when the bound does not show it is
   * within the limits. Walking each of the ~50,000 units an anchor edit reads again was ~4% of
   * the history read of the Helm corpus. */
  private tooLarge(result: Resolved, raw: Resolved, env: Map<string, unknown>): boolean {
    const base = this.shapeOf(raw, raw.parsed.value);
    if (result === raw) return typeof base === 'string';
    if (typeof base !== 'string') {
      const parts: Shape[] = [];
      for (const value of env.values()) {
        const part = typeof value === 'object' && value !== null ? this.shapeOf(value, value) : { size: 1, depth: 0 };
        if (typeof part === 'string') break;
        parts.push(part);
      }
      if (parts.length === env.size && surelyWithin(base, parts, this.limits)) return false;
    }
    return shapeProblem(result.parsed.value, this.limits) !== undefined;
  }

  /** The shape of `value` (a unit's parse, kept under its read, or an anchor's value), measured once. */
  private shapeOf(key: object, value: unknown): Shape | string {
    let shape = this.shapes.get(key);
    if (shape === undefined) this.shapes.set(key, (shape = measureShape(value, this.limits)));
    return shape;
  }

  /** The unit's text parsed alone, each alias of `external` (anchors of other units) a
   * placeholder; memoised by the text and those names. */
  private parseUnit(unit: Unit, external: string[], counterpart?: Counterpart): Resolved | undefined {
    const names = external.join('\0');
    const memoKey = `${unit.kind}:${names}>${this.unitId(unit)}`;
    let known = this.parses.get(memoKey);
    if (!known && (known = this.olderParses.get(memoKey))) this.rememberParse(memoKey, known);
    if (known) return known;
    const patched = counterpart && this.scalarPatch(unit, names, counterpart);
    if (patched) {
      this.stats.scalarPatched!++;
      this.rememberParse(memoKey, patched);
      return patched;
    }
    this.stats.parsed++;
    const parts = external.map((name, k) => `${stubKey(k)}: &${name} {${JSON.stringify(ALIAS + name)}: true}\n`);
    parts.push(unit.kind === 'entry' ? unit.text : `${UNIT_KEY}:\n${unit.text}`);
    let doc: unknown;
    let state: { anchorMap?: Record<string, unknown> } | undefined;
    try {
      doc = jsyaml.load(parts.join('').replace(/!!merge\s+<</g, '<<'), {
        schema: this.schema,
        json: true,
        maxTotalMergeKeys: MERGE_WORK_FOR_JSYAML,
        // The parser's state holds the anchors the unit defines (the last definition of each).
        listener: (_event, s) => void (state = s as typeof state),
      } as jsyaml.LoadOptions);
    } catch {
      return undefined;
    }
    if (!isPlainMap(doc) || !state?.anchorMap) return undefined;
    let parsed: Parsed | undefined;
    if (unit.kind === 'entry') {
      const own = Object.keys(doc).filter((k) => !k.startsWith(STUB_PREFIX));
      if (own.length === 1 && own[0] !== UNIT_KEY) parsed = { key: own[0]!, value: doc[own[0]!] };
    } else {
      const value = doc[UNIT_KEY];
      if (unit.kind === 'item' && Array.isArray(value) && value.length === 1) parsed = { key: '', value: value[0] };
      if (unit.kind === 'child' && isPlainMap(value) && Object.keys(value).length === 1) {
        const key = Object.keys(value)[0]!;
        parsed = { key, value: value[key] };
      }
    }
    if (!parsed) return undefined;
    const anchors = new Map<string, unknown>();
    for (const name of unit.defines) {
      const value = state.anchorMap[name];
      // A placeholder left in the map: the unit aliases the name but does not define it.
      if (Object.hasOwn(state.anchorMap, name) && !(isPlainMap(value) && Object.hasOwn(value, ALIAS + name) && Object.keys(value).length === 1))
        anchors.set(name, value);
    }
    // A merge of an anchor of this unit that itself merges another unit's anchor copies the
    // placeholder with the anchor's keys, which then could not be told from keys the map sets.
    for (const [name, value] of anchors)
      if (unit.uses.includes(name) && isPlainMap(value) && Object.keys(value).some((k) => k.startsWith(ALIAS))) return undefined;
    const result: Resolved = { parsed, anchors, external: names };
    this.rememberParse(memoKey, result);
    return result;
  }

  /**
   * The parse of item `unit` made from its counterpart's (`counterpart`, the item at its place in
   * the file's last version) where the two texts have the same lines but for plain scalars
   * rewritten in place (`  key: value` on both sides, the same key at the same indentation, its
   * parents plain `key:` lines up to the item): the counterpart's parse copied along each such
   * key's path, the new scalar read as js-yaml reads a plain scalar. Undefined where anything else
   * differs, a parent is not a plain key, the key is written twice in its map, the old value is not
   * what the parse holds at its path, or the parses' placeholders differ (`external`): the unit is
   * parsed. Most edits of a Helm values file rewrite a tag or a count in one item: parsing the item
   * again with js-yaml was most of the parses of the history read.
   */
  private scalarPatch(unit: Unit, external: string, counterpart: Counterpart): Resolved | undefined {
    const implicit = this.schema === SCHEMA_12 ? IMPLICIT_12 : this.schema === SCHEMA_11 ? IMPLICIT_11 : undefined;
    const base = counterpart.result.raw ?? counterpart.result;
    if (!implicit || base.external !== external || base.anchors.size > 0 || counterpart.unit.defines.length > 0) return undefined;
    const old = counterpart.unit.text.split('\n');
    const now = unit.text.split('\n');
    if (old.length !== now.length || old[0] !== now[0]) return undefined;
    const first = ITEM_HEAD.exec(now[0]!);
    if (!first) return undefined;
    const content = first[1]!.length + 2;
    // The first line read as a key of the item's map (its `- ` as spaces).
    const lines = [' '.repeat(content) + now[0]!.slice(content), ...now.slice(1)];
    let value = base.parsed.value;
    for (let i = 1; i < now.length; i++) {
      if (old[i] === now[i]) continue;
      const a = SCALAR_LINE.exec(old[i]!);
      const b = SCALAR_LINE.exec(now[i]!);
      if (!a || !b || a[1] !== b[1] || a[2] !== b[2] || !PLAIN_VALUE.test(b[3]!)) return undefined;
      const path = itemPathOfLine(lines, i, content);
      if (!path) return undefined;
      const was = valueAt(value, path);
      if (was === NOT_FOUND || valueText(was) !== valueText(plainScalar(a[3]!, implicit))) return undefined;
      value = setAt(value, path, 0, plainScalar(b[3]!, implicit));
    }
    return { parsed: { key: base.parsed.key, value }, anchors: base.anchors, external };
  }

  private rememberParse(key: string, parsed: Resolved): void {
    if (this.parses.size >= this.generation) {
      this.olderParses = this.parses;
      this.parses = new Map();
    }
    this.parses.set(key, parsed);
  }

  private remember(key: string, parsed: Resolved): void {
    if (this.memo.size >= this.generation) {
      this.older = this.memo;
      this.memo = new Map();
    }
    this.memo.set(key, parsed);
  }
}

/** The item at the place of an edited one in the file's last version, and its read there. */
interface Counterpart {
  unit: Unit;
  result: Resolved;
}

// The lines `scalarPatch` reads: an item's first line (`- key:` or `- key: value`), a `key: value`
// line whose value is a plain scalar that cannot open or close any structure (no comment), and a
// line that opens a block mapping.
const ITEM_HEAD = /^( *)- [A-Za-z0-9_-]+:(?: .*)?$/;
const NESTED_ITEM = /^( *)- ([A-Za-z0-9_-]+):( .*)?$/;
/** A line of a map `scalarPatch` reads around the key: a plain key, or a merge. */
const MAP_LINE = /^(?:[A-Za-z0-9_./-]+|<<|!!merge <<):(?: |$)/;
const SCALAR_LINE = /^( *)([A-Za-z0-9_-]+): +([A-Za-z0-9_./+-]+) *$/;
const PARENT_LINE = /^( *)([A-Za-z0-9_-]+): *$/;
/** A new scalar `scalarPatch` takes: one that cannot read as an indicator (`-`, `.`, `---`). */
const PLAIN_VALUE = /^[A-Za-z0-9_/+]|^-[0-9]/;
const NOT_FOUND = Symbol('not found');

/** A plain scalar as js-yaml reads it: the first of the schema's implicit types that takes it. */
function plainScalar(text: string, implicit: readonly jsyaml.Type[]): unknown {
  for (const type of implicit) if (type.resolve(text)) return type.construct(text);
  return text;
}

/** The way from an item's map down to the `key` of line `at`: keys of maps, and indices of list
 * items (`- name: X` over `  value: Y`), through plain `key:` lines and item lines above it;
 * undefined when anything else stands in the way, or when the key's map has a line that is not a
 * plain key or a merge, or the key twice (js-yaml keeps the last: which line wrote the value would
 * not be known). `lines` are the item's, its first line's `- ` written as spaces, and `content` is
 * the indentation of the item's keys. */
function itemPathOfLine(lines: string[], at: number, content: number): Array<string | number> | undefined {
  const own = SCALAR_LINE.exec(lines[at]!)!;
  const keyIndent = own[1]!.length;
  const key = own[2]!;
  if (keyIndent < content || key === '__proto__') return undefined;
  const segments: Array<string | number> = [key];
  let indent = keyIndent;
  /** The line that opens the key's map (its parent key, or the item whose first key it holds). */
  let opens = -1;
  for (let j = at - 1; j >= 0 && indent > content; j--) {
    const line = lines[j]!;
    const lineIndent = indentOf(line);
    if (lineIndent < 0 || lineIndent >= indent) continue;
    const parent = PARENT_LINE.exec(line);
    if (parent) {
      if (opens < 0) opens = j;
      segments.push(parent[2]!);
      indent = lineIndent;
      continue;
    }
    const item = NESTED_ITEM.exec(line);
    if (!item || lineIndent + 2 > indent) return undefined;
    if (lineIndent + 2 < indent) {
      // The item's first key opens the map the line is in (`- valueFrom:` over `    name: x`).
      if (item[3] !== undefined && item[3].trim() !== '') return undefined;
      if (opens < 0) opens = j;
      segments.push(item[2]!);
    } else if (opens < 0) opens = j;
    // The item's place in its list: the items before it, up to the key the list is the value of.
    let index = 0;
    let listKey = -1;
    for (let k = j - 1; k >= 0 && listKey < 0; k--) {
      const above = lines[k]!;
      const aboveIndent = indentOf(above);
      if (aboveIndent < 0 || aboveIndent > lineIndent) continue;
      if (aboveIndent === lineIndent && /^ *-( |$)/.test(above)) index++;
      else if (PARENT_LINE.test(above)) listKey = k;
      else return undefined;
    }
    if (listKey < 0) return undefined;
    segments.push(index, PARENT_LINE.exec(lines[listKey]!)![2]!);
    indent = indentOf(lines[listKey]!);
    j = listKey;
  }
  if (indent !== content || segments.includes('__proto__')) return undefined;
  // The key's map: from the line that opens it (the item's first line when none above does) to
  // the first line indented less than its keys.
  const from = opens < 0 ? 0 : opens;
  let seen = 0;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    const lineIndent = indentOf(line);
    if (lineIndent < 0) continue;
    if (j > from && lineIndent < keyIndent) break;
    // The opening line holds the map's first key where it is an item (`- name: x`).
    const text =
      j === from && opens >= 0
        ? NESTED_ITEM.test(line) && indentOf(line) + 2 === keyIndent
          ? line.trimStart().slice(2)
          : undefined
        : lineIndent === keyIndent
          ? line.slice(keyIndent)
          : undefined;
    // A compact list (`hosts:` over `- name: x`, the same indentation) is a key's value.
    if (text === undefined || /^-( |$)/.test(text)) continue;
    if (!MAP_LINE.test(text)) return undefined;
    if (text.startsWith(`${key}:`) && ++seen > 1) return undefined;
  }
  return seen === 1 ? segments.reverse() : undefined;
}

/** A line's indentation, or -1 for a blank or comment line. */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i === line.length || line.charCodeAt(i) === 35 ? -1 : i;
}

/** The value at `path` (keys of plain maps, indices of lists) in `value`, or NOT_FOUND. */
function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let at = value;
  for (const step of path) {
    if (typeof step === 'number' ? !Array.isArray(at) || step >= at.length : !isPlainMap(at) || !Object.hasOwn(at, step)) return NOT_FOUND;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}

/** `value` with `path[from..]` set to `to`: each map and list on the way copied (a map's keys in
 * their order), everything else shared. */
function setAt(value: unknown, path: ReadonlyArray<string | number>, from: number, to: unknown): unknown {
  if (from === path.length) return to;
  const step = path[from]!;
  if (typeof step === 'number') {
    const list = (value as unknown[]).slice();
    list[step] = setAt(list[step], path, from + 1, to);
    return list;
  }
  const map = value as Record<string, unknown>;
  return { ...map, [step]: setAt(map[step], path, from + 1, to) };
}

/** Where an object of a unit's parse holds placeholders: null when nowhere below it (it resolves
 * to itself), else the keys (or indices) whose values do with their own plans, how many of its own
 * keys are placeholders, whether a key reads `[object Object]` (a map used as a key: the unit is
 * read whole), and whether the object is met more than once in the parse (an anchor the unit
 * defines and aliases itself: resolved once, to one object). A tree beside the parse, made once
 * per parse: resolving walks only the way to the placeholders, with no look-up per object. */
type Plan = PlanNode | null;
interface PlanNode {
  keys: string[];
  dirty: number[];
  plans: PlanNode[];
  aliases: number;
  objectKey: boolean;
  shared: boolean;
}

function planOf(value: unknown, planned: Map<object, PlanNode | null>): Plan {
  if (typeof value !== 'object' || value === null || value instanceof Date) return null;
  const known = planned.get(value);
  if (known !== undefined) {
    if (known) known.shared = true;
    return known;
  }
  const dirty: number[] = [];
  const plans: PlanNode[] = [];
  let keys: string[] = [];
  let aliases = 0;
  let objectKey = false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const plan = planOf(value[i], planned);
      if (plan) {
        dirty.push(i);
        plans.push(plan);
      }
    }
  } else {
    const map = value as Record<string, unknown>;
    keys = Object.keys(map);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === '[object Object]') objectKey = true;
      if (k.startsWith(ALIAS)) aliases++;
      else {
        const plan = planOf(map[k], planned);
        if (plan) {
          dirty.push(i);
          plans.push(plan);
        }
      }
    }
  }
  const plan = dirty.length === 0 && aliases === 0 && !objectKey ? null : { keys, dirty, plans, aliases, objectKey, shared: false };
  planned.set(value, plan);
  return plan;
}

/**
 * Replaces the placeholders of a unit's parse by the anchors' values, as the parser would have
 * built the value with the anchors' text before it: an alias is the anchor's value; a merge
 * (`<<: *a`, `<<: [*a, *b]`) adds the anchor's keys at the merge's place, except keys already
 * set there (by the map itself or an earlier merge), and a key the map sets after the merge
 * takes its place. Objects without placeholders are kept as they are; shared ones are resolved
 * once. `failed` when the unit would not read so (a merge of a value that is not a map, an
 * alias as a key): the caller parses the version whole.
 */
class AliasResolver {
  failed = false;
  /** Results of objects met more than once in the parse. */
  private readonly done = new Map<object, unknown>();

  constructor(private readonly env: Map<string, unknown>) {}

  /** `value` (a part of the parse) resolved, `plan` its plan (`planOf`). */
  resolve(value: unknown, plan: Plan): unknown {
    if (!plan) return value;
    const object = value as object;
    if (plan.shared) {
      const known = this.done.get(object);
      if (known !== undefined) return known;
    }
    const { keys, dirty, plans, aliases } = plan;
    let result: unknown;
    if (Array.isArray(value)) {
      // A part holding a placeholder never resolves to itself: a copy with those parts resolved.
      const items = value.slice();
      for (let j = 0; j < dirty.length; j++) items[dirty[j]!] = this.resolve(value[dirty[j]!], plans[j]!);
      result = items;
    } else {
      const map = value as Record<string, unknown>;
      if (plan.objectKey) this.failed = true;
      if (aliases === 1 && keys.length === 1) {
        // An alias of the anchor (or a lone merge of it, the same value).
        result = this.anchor(keys[0]!);
      } else if (aliases > 0) {
        const out: Record<string, unknown> = {};
        let j = 0;
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          if (!k.startsWith(ALIAS)) {
            out[k] = dirty[j] === i ? this.resolve(map[k], plans[j++]!) : map[k];
            continue;
          }
          const source = this.anchor(k);
          if (!isPlainMap(source)) {
            this.failed = true;
            continue;
          }
          for (const key of Object.keys(source)) if (!Object.hasOwn(out, key)) out[key] = source[key];
        }
        result = out;
      } else if (dirty.length === 0) {
        result = value; // only a map as a key: failed
      } else {
        const changed: Record<string, unknown> = { ...map };
        for (let j = 0; j < dirty.length; j++) changed[keys[dirty[j]!]!] = this.resolve(map[keys[dirty[j]!]!], plans[j]!);
        result = changed;
      }
    }
    if (plan.shared) this.done.set(object, result);
    return result;
  }

  private anchor(key: string): unknown {
    const name = key.slice(ALIAS.length);
    if (!this.env.has(name)) this.failed = true;
    return this.env.get(name);
  }
}
