import { LIVE_STATUS_WORDS, type Decision, type Divergence, type EnvName, type FileLocation, type RepoLocation } from '../model/types.js';
import {
  ABSENT,
  artifactShort,
  firstDifference,
  KIND_GLYPH,
  objectCell,
  placeText,
  quoted,
  shortValueAt,
  truncate,
  verdictShort,
  violationMark,
} from '../wording/text.js';
import { rowChange, rowSummary, showValue, timelineRow } from '../wording/timeline.js';
import { keyTimeline } from '../history/key-timeline.js';
import { describeProvenance } from '../wording/provenance.js';
import { needsHuman } from '../wording/verdict.js';
import { manualStep } from '../wording/manual.js';
import { releaseView } from '../compare/releases.js';
import { decisionWords } from '../actions/harm.js';
import { heldCell } from '../compare/patterns.js';
import { releaseViewLines } from '../report/releases.js';
import { COMMANDS, footerCommands, MODE_TITLES, type Command } from './commands.js';
import { canDeclare, cannotMove } from './decide.js';
import type { GroupItem } from './items.js';
import { fuzzyMatch, modeOf, selectedIndex, visibleDivergences, visibleItems, type AppState, type Mode, type Prompt, type SourcePhase } from './state.js';
import { safeText, splitAt, widthOf, wrapLines } from './text.js';
import { layoutsFound } from '../wording/layouts.js';

/** Pure functions from state to the lines the screen shows: the components only lay them out,
 * and every line is at most the width it is given. */

const pad = (s: string, width: number) => {
  const w = widthOf(s);
  return w >= width ? truncate(s, width) : s + ' '.repeat(width - w);
};
/** Cut at the end (a header reads left to right). */
const fitEnd = (s: string, width: number) => (widthOf(s) <= width ? s : `${[...s].slice(0, Math.max(0, width - 1)).join('')}…`);
/** Cut at the end and padded (a value: its start says most). */
const padEnd = (s: string, width: number) => {
  const w = widthOf(s);
  return w > width ? fitEnd(s, width) : s + ' '.repeat(width - w);
};
/** A row's cell cut to `width` at its end, unless another environment's different value would then read
 * the same (two certificates, two long lists with one start): then around where the two first differ. */
function cellShown(row: readonly string[], j: number, width: number): string {
  const text = row[j]!;
  if (widthOf(text) <= width) return text;
  const cut = fitEnd(text, width);
  const twin = row.find((other, k) => k !== j && other !== text && fitEnd(other, width) === cut);
  return twin === undefined ? text : shortValueAt(text, firstDifference(text, twin), width);
}
const fit = (s: string, width: number) => truncate(s, Math.max(1, width));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const count = (n: number) => n.toLocaleString('en-US');

/** A value on one line: newlines as ⏎, tabs as spaces, nothing the terminal would obey. */
export const oneLine = (text: string | null) => (text === null ? ABSENT : safeText(text.replace(/\r?\n/g, '⏎').replace(/\t/g, ' ')));

export function decisionLabel(decision: Decision | undefined, withTarget = true): string {
  return decision ? `✓ ${decisionWords(decision, withTarget)}` : '';
}

/** Two characters: `✓r` revert, `✓b` backfill, `✓d` declare, `✓s` skip; `✗` a decision apply will
 * refuse; `✔a` applied in an earlier session (merged, live, skipped), `…o` decided in one and on a
 * branch not merged yet (open, as `undrift log` says). */
export function decisionMark(state: AppState, id: string): string {
  const decision = state.session.decisions.get(id);
  if (decision) return state.refusals.has(id) ? `✗${decision.action[0]}` : `✓${decision.action[0]}`;
  const applied = state.applied.get(id);
  return applied ? (applied.open ? '…o' : '✔a') : '  ';
}

export interface ListRow {
  id: string;
  text: string;
  selected: boolean;
  decided: boolean;
  drift: boolean;
}

/** The decision keys that mean something for this divergence: a key only live sources hold has no
 * value to revert or backfill with, and offering r/b there only earns a refusal. */
function decisionKeys(d: Divergence, envs: EnvName[]): string {
  const keys = [
    cannotMove('revert', d, envs) === undefined ? 'r revert' : '',
    cannotMove('backfill', d, envs) === undefined ? 'b backfill' : '',
    canDeclare(d) === undefined ? 'd declare' : '',
    's skip',
  ];
  return keys.filter(Boolean).join(' · ');
}

/** What a list cell shows for one environment: the repo value; for live drift the drifted
 * environment's `repo→live`; for an artifact the running image; for a key only live sources hold
 * (live-cross-env) the live value, since no repo file declares it and a row of dashes says nothing. */
function cellOf(d: Divergence, env: EnvName): string {
  const v = d.values[env];
  // The tag and the start of the digest (`1.8.2@3f1a9c0`): the detail shows it whole.
  if (d.kind === 'artifact') return artifactShort(v?.live ?? null, 40).replace(/@([0-9a-f]{7})[0-9a-f]+$/, '@$1');
  if (d.kind === 'live-drift' && d.envs.includes(env)) return `${oneLine(v?.repo ?? null)}→${oneLine(v?.live ?? null)}`;
  if (d.kind === 'live-only' && d.envs.includes(env)) return `${ABSENT}→${oneLine(v?.live ?? null)}`;
  if (d.kind === 'live-cross-env') return oneLine(v?.live ?? null);
  // Said without colour, as the scan's table says it: where an object is, who breaks the contract.
  const object = objectCell(d, v);
  if (object !== undefined) return object;
  return `${violationMark(d, env)}${oneLine(v?.repo ?? null)}`;
}

/** Cells of the list's columns: the key is given the width it needs first (up to a cap, so that
 * one very long key does not take every row's values away); the values share what is left, each
 * cut at its end (the detail shows them whole). When even a few columns per value do not fit
 * beside the key, the values are left out and the key takes the row. */
const KEY_CAP_MIN = 38;
const VALUE_MIN = 5;

export function listColumns(room: number, keyNeed: number, valueNeeds: number[]): { key: number; values: number[] } {
  const spaces = valueNeeds.length; // one before each value
  const natural = valueNeeds.reduce((a, b) => a + b, 0) + spaces;
  if (keyNeed + natural <= room) return { key: keyNeed, values: valueNeeds };
  let key = Math.min(keyNeed, Math.max(KEY_CAP_MIN, Math.floor(room * 0.6)), room);
  let left = room - key;
  const least = valueNeeds.length * (VALUE_MIN + 1);
  if (left < least) {
    const shrunk = room - least;
    if (shrunk >= Math.min(keyNeed, KEY_CAP_MIN)) {
      key = shrunk;
      left = least;
    } else {
      return { key: room, values: [] };
    }
  }
  return { key, values: shareWidth(valueNeeds, left - spaces) };
}

/** Columns for values that want `needs` in `total`: the narrow ones get what they need, the wide
 * ones share the rest evenly. */
function shareWidth(needs: number[], total: number): number[] {
  const out = needs.map(() => 0);
  let remaining = total;
  const order = needs.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n);
  order.forEach(({ n, i }, at) => {
    const fair = Math.floor(remaining / (order.length - at));
    const width = Math.max(1, Math.min(n, fair));
    out[i] = width;
    remaining -= width;
  });
  return out;
}

const repeatedCache = new WeakMap<Divergence[], Map<string, number>>();

/** Keys that show on more than one row of the list (a key can drift more than one way), each with
 * the width of its longest kind word: every row of the key is cut to the same room, so its rows
 * read as one key (`PAYMENT_GA…TIMEOUT_MS cross-env` above `PAYMENT_GA…IMEOUT_MS live-drift` read
 * as two keys at 70 columns). */
function repeatedKeys(visible: Divergence[]): Map<string, number> {
  let repeated = repeatedCache.get(visible);
  if (!repeated) {
    const kinds = new Map<string, number[]>();
    for (const d of visible) kinds.set(d.key, [...(kinds.get(d.key) ?? []), d.kind.length]);
    repeated = new Map([...kinds].filter(([, widths]) => widths.length > 1).map(([key, widths]) => [key, Math.max(...widths)]));
    repeatedCache.set(visible, repeated);
  }
  return repeated;
}

/** The key's cell: the key, cut in the middle when it must be; a key on more than one row says
 * its kind in words after it (the glyph alone is easy to miss), and that word is never cut. A key
 * listed under its open group is indented below it. `kindWidth`: the longest kind word of the
 * key's rows, when it has several. */
function keyCell(d: Divergence, kindWidth: number | undefined, width: number, indent: string): string {
  const key = indent + safeText(d.key);
  if (kindWidth === undefined) return pad(key, width);
  const kind = ` ${d.kind}`;
  const room = width - 1 - Math.max(kindWidth, d.kind.length);
  return room >= 8 ? pad(`${truncate(key, Math.min(room, widthOf(key)))}${kind}`, width) : pad(key, width);
}

/** A group's key cell: open or closed, the glob, and how many keys it holds (of how many, when a
 * filter leaves some out). The count is never cut. */
function groupKeyText(item: GroupItem): string {
  const n = item.members.length;
  const all = item.pattern.keys.length;
  return `${item.open ? '▾' : '▸'} ${safeText(item.pattern.glob)} (${n === all ? `${n} keys` : `${n} of ${all} keys`})`;
}

function groupKeyCell(item: GroupItem, width: number): string {
  const text = groupKeyText(item);
  if (widthOf(text) <= width) return pad(text, width);
  const count = text.slice(text.lastIndexOf(' ('));
  const room = width - widthOf(count);
  return room >= 6 ? pad(`${truncate(text.slice(0, -count.length), room)}${count}`, width) : pad(text, width);
}

/** A group's decision mark: `✓` and the action when every key of it has one decision, `◐` when
 * some have one, `✔a` when an earlier session applied them all, `…o` when one of them is still on
 * a branch not merged yet. */
export function groupMark(state: AppState, item: GroupItem): string {
  const decisions = item.members.map((d) => state.session.decisions.get(d.id));
  const decided = decisions.filter((d) => d !== undefined);
  if (decided.length === 0) {
    const applied = item.members.map((d) => state.applied.get(d.id));
    if (!applied.every((a) => a !== undefined)) return '  ';
    return applied.some((a) => a.open) ? '…o' : '✔a';
  }
  if (decided.length < decisions.length) return '◐ ';
  const actions = new Set(decided.map((d) => d.action));
  const refused = item.members.some((d) => state.refusals.has(d.id));
  return actions.size === 1 ? `${refused ? '✗' : '✓'}${decided[0]!.action[0]}` : '✓*';
}

/** A pattern's cell: what the environment may hold where that says something of it (`/staging|stg/`
 * for keys that name their environment), else what it holds (`10 keys`, `—` where an object is
 * defined elsewhere only): "any" in every column would say nothing. */
const groupCell = (item: GroupItem, env: EnvName): string => {
  const allowed = item.pattern.allowed[env];
  return allowed !== undefined && allowed !== 'any' ? oneLine(allowed) : heldCell(item.pattern, item.members, env);
};

const KEY_INDENT = '  ';

/** The visible window of the list: cursor, mark, kind glyph, key, each environment's value and
 * the decision mark; a pattern's group is one row (≋, the glob and its count, what each
 * environment may hold), its keys indented below it while it is open. The key gets its width
 * first, the values what is left (see `listColumns`). Only the rows on screen are computed. */
export function listRows(state: AppState, height: number, width: number): { rows: ListRow[]; title: string } {
  const items = visibleItems(state);
  const envs = state.envs;
  const cursor = selectedIndex(state, items);
  // The offset is kept as the reducer set it, also when the list would fit: rows that arrived
  // above the cursor stay above the window (▲) rather than push the cursor down.
  const offset = Math.max(0, Math.min(state.ui.offset, items.length - 1));
  const window = items.slice(offset, offset + height);
  const repeated = repeatedKeys(visibleDivergences(state));
  const cells = window.map((item) => envs.map((env) => (item.type === 'group' ? groupCell(item, env) : cellOf(item.divergence, env))));
  // 3 columns of cursor/mark/glyph and a space, 3 for the decision mark and its space.
  const fixed = 4 + 3;
  const keyNeed = Math.max(
    4,
    ...window.map((item) =>
      item.type === 'group'
        ? widthOf(groupKeyText(item))
        : widthOf(safeText(item.divergence.key)) +
          (item.group ? KEY_INDENT.length : 0) +
          (repeated.has(item.divergence.key) ? 1 + repeated.get(item.divergence.key)! : 0),
    ),
  );
  const columns = listColumns(
    width - fixed,
    keyNeed,
    envs.map((_, i) => Math.max(1, ...cells.map((c) => widthOf(c[i]!)))),
  );
  const rows = window.map((item, i): ListRow => {
    const selected = offset + i === cursor;
    const values = columns.values.map((w, j) => ` ${padEnd(cellShown(cells[i]!, j, w), w)}`).join('');
    const cursorMark = selected ? '›' : ' ';
    if (item.type === 'group') {
      const marked = item.members.every((d) => state.ui.marks.has(d.id)) ? '●' : item.members.some((d) => state.ui.marks.has(d.id)) ? '◦' : ' ';
      const text = `${cursorMark}${marked}≋ ${groupKeyCell(item, columns.key)}${values} ${groupMark(state, item)}`;
      return {
        id: item.id,
        text: fit(text, width),
        selected,
        decided: item.members.every((d) => state.session.decisions.has(d.id)),
        drift: item.members.some((d) => d.severity === 'drift'),
      };
    }
    const d = item.divergence;
    const key = keyCell(d, repeated.get(d.key), columns.key, item.group ? KEY_INDENT : '');
    const text = `${cursorMark}${state.ui.marks.has(d.id) ? '●' : ' '}${KIND_GLYPH[d.kind]} ${key}${values} ${decisionMark(state, d.id)}`;
    return { id: d.id, text: fit(text, width), selected, decided: state.session.decisions.has(d.id), drift: d.severity === 'drift' };
  });
  const focus = modeOf(state) === 'list' || modeOf(state) === 'filter' ? '▶ ' : '  ';
  const position = items.length ? `${cursor + 1}/${items.length}` : '0/0';
  const title = `${focus}Divergences ${position}${offset > 0 ? ' ▲' : ''}${offset + height < items.length ? ' ▼' : ''}`;
  return { rows, title: fit(title, width) };
}

export interface Counts {
  total: number;
  decided: number;
  /** Applied in an earlier session (the ledger: merged, live, skipped) and not decided again in this one. */
  applied: number;
  /** Decided in an earlier session, on a branch not merged yet (`undrift log`'s "open"). */
  open: number;
  undecided: number;
}

const countsCache = new WeakMap<AppState['divergences'], { decisions: AppState['session']['decisions']; applied: AppState['applied']; counts: Counts }>();

/** The header's counts; remembered while the divergences, decisions and ledger stay the same
 * objects (the header asks on every key, over every divergence). */
export function counts(state: AppState): Counts {
  const cached = countsCache.get(state.divergences);
  if (cached && cached.decisions === state.session.decisions && cached.applied === state.applied) return cached.counts;
  let decided = 0;
  let applied = 0;
  let open = 0;
  for (const d of state.divergences) {
    if (state.session.decisions.has(d.id)) decided++;
    else if (state.applied.get(d.id)?.open) open++;
    else if (state.applied.has(d.id)) applied++;
  }
  const result = { total: state.divergences.length, decided, applied, open, undecided: state.divergences.length - decided - applied - open };
  countsCache.set(state.divergences, { decisions: state.session.decisions, applied: state.applied, counts: result });
  return result;
}

const byKeyCache = new WeakMap<AppState['divergences'], Map<string, Divergence[]>>();

/** Every divergence of a key (a key can drift more than one way), from an index built once per
 * list of divergences. */
export function divergencesOfKey(state: AppState, key: string): Divergence[] {
  let index = byKeyCache.get(state.divergences);
  if (!index) {
    index = new Map();
    for (const d of state.divergences) {
      const same = index.get(d.key);
      if (same) same.push(d);
      else index.set(d.key, [d]);
    }
    byKeyCache.set(state.divergences, index);
  }
  return index.get(key) ?? [];
}

function phaseText(name: string, p: SourcePhase): string | undefined {
  switch (p.state) {
    case 'off':
    case 'done':
    case 'partial':
      return undefined;
    case 'waiting':
      return `${name}: waiting`;
    case 'failed':
      return `${name}: failed`;
    case 'reading':
      return `${name}: ${p.total ? `${count(p.done ?? 0)}/${count(p.total)} ${p.unit ?? ''}`.trim() : `reading${p.detail ? ` ${p.detail}` : ''}`}`;
  }
}

/** Per environment with a live source: read (✓), unavailable (✗), or how far the read is;
 * without where from when that does not fit (`short`); and narrower still, the environments read
 * in full counted, not named (`counted`: `live: 2 ✓` — one read in part or not at all keeps its name). */
function liveText(state: AppState, fit: 'full' | 'short' | 'counted' = 'full'): string {
  const short = fit !== 'full';
  const envs = Object.keys(state.loading.live);
  if (envs.length === 0) return '';
  const parts = envs.map((env) => {
    const phase = state.loading.live[env]!;
    const live = state.live?.get(env);
    const status =
      phase.state === 'reading' || phase.state === 'waiting'
        ? undefined
        : (live?.status ?? (phase.state === 'done' ? 'ok' : phase.state === 'partial' ? 'partial' : phase.state === 'failed' ? 'unavailable' : undefined));
    if (status === 'ok') {
      const from = !live ? '' : live.source.startsWith('kubernetes ') ? live.source.slice('kubernetes '.length) : live.source.split(' ')[0];
      return `${env} ✓${short || !from ? '' : ` ${from}`}`;
    }
    // Partly read is not unavailable: what was read is compared; the detail pane says what was not.
    if (status === 'partial') return `${env} ◐${short ? '' : ' partly read'}`;
    if (status === 'unavailable') return `${env} ✗${short ? '' : ' unavailable'}`;
    if (phase.state === 'reading' && phase.total) return `${env} … ${phase.done ?? 0}/${phase.total} ${phase.unit ?? ''}`.trimEnd();
    return `${env} … ${phase.state}`;
  });
  if (fit === 'counted') {
    const read = parts.filter((part) => part.endsWith(' ✓'));
    if (read.length > 0) return ` · live: ${[`${read.length} ✓`, ...parts.filter((part) => !part.endsWith(' ✓'))].join(', ')}`;
  }
  return ` · live: ${parts.join(', ')}`;
}

/** Live sources read in part or not at all, with why, for the environments a divergence is about. */
export function liveProblems(state: AppState, envs: EnvName[]): string[] {
  const out: string[] = [];
  for (const env of envs) {
    const live = state.live?.get(env);
    const phase = state.loading.live[env];
    if (live && live.status !== 'ok') out.push(`${env} live ${LIVE_STATUS_WORDS[live.status]} (${live.source})${live.reason ? `: ${live.reason}` : ''}`);
    else if (!live && phase && (phase.state === 'partial' || phase.state === 'failed')) out.push(`${env} live ${phase.detail ?? phase.state}`);
  }
  return out.map(safeText);
}

export function headerLines(state: AppState, width: number, spinner: string): [string, string] {
  const envs = state.envs.length ? state.envs.join(' → ') : 'reading undrift.yaml…';
  // Narrowed step by step, the live status last: where it comes from, then the repository's
  // name (cut in the middle, then left out: the user knows where they are), then the environments
  // read in full counted instead of named. Only then is the line cut at its end.
  const repo = safeText(state.repoName);
  const line = (name: string, live: string) => `undrift · ${name} · ${envs}${live}`;
  const withRepoCut = (live: string) => {
    const room = width - widthOf(line('', live));
    return room >= Math.min(8, widthOf(repo)) ? line(truncate(repo, room), live) : undefined;
  };
  const counted = liveText(state, 'counted');
  const first =
    [
      line(repo, liveText(state)),
      line(repo, liveText(state, 'short')),
      withRepoCut(liveText(state, 'short')),
      withRepoCut(counted),
      `undrift · ${envs}${counted}`,
    ].find((candidate) => candidate !== undefined && widthOf(candidate) <= width) ?? line(repo, counted);
  const c = counts(state);
  const filter = state.ui.filter ? ` · filter: ${safeText(state.ui.filter)}` : '';
  const kind = state.ui.kindFilter !== 'all' ? ` · showing: ${state.ui.kindFilter}` : '';
  const phases = [phaseText('repo', state.loading.repo), state.unlocated ? 'lines: reading' : undefined, phaseText('history', state.loading.history)].filter(
    Boolean,
  );
  const loading = phases.length ? ` · ${spinner} ${phases.join(' · ')}` : '';
  const second =
    state.loading.repo.state === 'done'
      ? `${c.undecided} undecided · ${c.decided} decided${c.open ? ` · ${c.open} open` : ''}${c.applied ? ` · ${c.applied} applied` : ''} · ${c.total} total${filter}${kind}${loading}`
      : `${spinner} ${phases.join(' · ') || 'starting'}`;
  return [fitEnd(first, width), fitEnd(second, width)];
}

/** Lines while nothing is known yet: one per source, saying what it is doing. */
export function loadingRows(state: AppState): string[] {
  const rows = [
    `repo files: ${state.loading.repo.state === 'reading' ? 'reading' : state.loading.repo.state}${state.loading.repo.detail ? ` (${state.loading.repo.detail})` : ''}`,
  ];
  rows.push(`history: ${phaseText('history', state.loading.history)?.slice('history: '.length) ?? state.loading.history.state}`);
  for (const env of Object.keys(state.loading.live)) rows.push(`${env} live: ${state.loading.live[env]!.state}`);
  return rows;
}

/** The full-width timeline of a key (enter): the title, then the history first — what the view
 * was opened for — then the rest of the detail below it. */
export function timelineLines(state: AppState, d: Divergence, width: number): DetailLine[] {
  const lines = detailLines(state, d, width);
  const at = lines.findIndex((l) => l.section === 'history');
  if (at <= 1) return lines;
  const title = lines.findIndex((l) => l.style !== 'title');
  return [...lines.slice(0, title), ...lines.slice(at), { text: '' }, ...lines.slice(title, at).filter((l, i, all) => i < all.length - 1 || l.text !== '')];
}

/** Where a value is written; a values-only read (the first screen) knows only the file, line 0,
 * until the full read says the line. */
const placeShown = (at: RepoLocation | FileLocation): string => ('line' in at && at.line === 0 ? `${at.file}:… (line being read)` : placeText(at));

/** The values matrix: a table when it fits, else one block per environment with every value in
 * full (wrapped), so nothing is cut to a few characters. */
export function valuesLines(d: Divergence, envs: EnvName[], width: number): string[] {
  const rows = envs.map((env) => {
    const v = d.values[env];
    const liveShown =
      d.kind === 'artifact' ? oneLine(v?.live ?? null) : v?.live !== undefined && v?.live !== null ? oneLine(v.live) : v?.liveSource ? ABSENT : '·';
    return {
      // »: the environments the divergence is about (● in the list marks a row for a bulk decision).
      env: `${d.envs.includes(env) ? '»' : ' '} ${safeText(env)}`,
      repo: d.kind === 'artifact' ? '' : oneLine(v?.repo ?? null),
      at: v?.at ? safeText(placeShown(v.at)) : '—',
      live: liveShown,
    };
  });
  const hasLive = rows.some((r) => r.live !== '·');
  const w = (k: 'env' | 'repo' | 'at' | 'live', title: string) => Math.max(widthOf(title), ...rows.map((r) => widthOf(r[k])));
  const widths = { env: w('env', 'env'), repo: w('repo', 'repo'), at: w('at', 'file'), live: hasLive ? w('live', 'live') : 0 };
  const tableWidth = widths.env + widths.repo + widths.at + widths.live + (hasLive ? 6 : 4);
  if (tableWidth <= width) {
    const line = (r: { env: string; repo: string; at: string; live: string }) =>
      `${pad(r.env, widths.env)}  ${pad(r.repo, widths.repo)}  ${hasLive ? `${pad(r.at, widths.at)}  ${r.live}` : r.at}`.trimEnd();
    return [line({ env: '  env', repo: 'repo', at: 'file', live: 'live' }), ...rows.map(line)];
  }
  const out: string[] = [];
  for (const r of rows) {
    out.push(fit(r.env, width));
    if (d.kind !== 'artifact') out.push(...wrapLines(`    repo ${r.repo}`, width, '     '));
    out.push(...pathLines(`    at   `, r.at, width));
    if (r.live !== '·') out.push(...wrapLines(`    live ${r.live}`, width, '     '));
  }
  return out;
}

/** A file path after `lead`, wrapped where it fits at its `/` (`config/` then `production.yaml:9`
 * under it), so a file's name is never cut in the middle of a word (it read `production.yam`,
 * then `l:9`, at 70 columns); only a part wider than the line is cut. */
function pathLines(lead: string, place: string, width: number): string[] {
  const under = ' '.repeat(widthOf(lead));
  if (widthOf(lead) + widthOf(place) <= width || width - widthOf(under) < 8) return wrapLines(`${lead}${place}`, width, '     ');
  const out: string[] = [];
  let line = lead;
  for (const part of place.split(/(?<=\/)/)) {
    if (line !== lead && line !== under && widthOf(line + part) > width) {
      out.push(line);
      line = under;
    }
    line += part;
    while (widthOf(line) > width) {
      const [head, tail] = splitAt(line, width);
      out.push(head);
      line = `${under}${tail}`;
    }
  }
  out.push(line);
  return out;
}

export interface DetailLine {
  text: string;
  style?: 'title' | 'heading' | 'warn' | 'dim';
  /** The first line of the key's history: where the full-width timeline starts. */
  section?: 'history';
}

/** The selected divergence, as lines of the given width (the timeline's lines only up to a little
 * past `limit`): title, values matrix, the decision (and
 * why apply would refuse it), what an earlier session applied, notes, who wrote the live values,
 * the verdict (a "needs a human" state, the question, the evidence grouped, the reasons), and
 * the merged timeline of every environment's commits and live edits, newest first. */
export function detailLines(state: AppState, d: Divergence, width: number, limit = Infinity): DetailLine[] {
  const out: DetailLine[] = [];
  const push = (text: string, style?: DetailLine['style'], indent = '  ') => {
    for (const line of wrapLines(text, width, indent)) out.push(style ? { text: line, style } : { text: line });
  };
  push(`${KIND_GLYPH[d.kind]} ${safeText(d.key)} — ${d.kind}${d.severity === 'info' ? ' (info)' : ''}`, 'title');
  for (const line of valuesLines(d, state.envs, width)) out.push({ text: line });
  const decision = state.session.decisions.get(d.id);
  if (decision) {
    push(
      `Decision: ${decisionLabel(decision).slice(2)}${decision.value !== undefined ? ` = ${quoted(decision.value)}` : ''}${decision.reason ? ` — ${safeText(decision.reason)}` : ''}`,
      'heading',
    );
    const refused = state.refusals.get(d.id);
    if (refused) push(`✗ apply will refuse it: ${safeText(refused)}`, 'warn');
  } else {
    push(`Decision: none yet (${decisionKeys(d, state.envs)})`, 'heading');
  }
  const applied = state.applied.get(d.id);
  if (applied) push(`${applied.open ? '…' : '✔'} ${safeText(applied.text)}`);
  for (const n of d.notes) push(safeText(n));
  out.push({ text: '' });
  const v = d.verdict;
  if (!v) {
    push(state.loading.history.state === 'off' ? 'Verdict: history is not read (--no-history)' : 'Verdict: history is still loading…', 'dim');
  } else {
    const extra = v;
    const who = [v.deliberate && `deliberate: ${v.deliberate}`, v.drifted && `drifted: ${v.drifted}`].filter(Boolean).join(' · ');
    if (needsHuman(v)) push(`⚠ NEEDS A HUMAN — the evidence does not decide (confidence ${v.confidence.toFixed(2)})`, 'warn');
    push(`Verdict: ${safeText(verdictShort(d))}${who ? ` — ${who}` : ''}${extra.risk && extra.risk !== 'none' ? ` · risk: ${extra.risk}` : ''}`, 'heading');
    // A Secret's revert or backfill is a person's step (r and b offer none): said before the question.
    const manual = manualStep(d);
    if (manual) push(safeText(manual), 'warn');
    if (extra.question) push(`? ${safeText(extra.question)}`, 'warn');
    if (extra.expires) push(`expires ${extra.expires}`);
    if (extra.evidence?.length) {
      const groups = new Map<string, string[]>();
      // The commit is named once: most evidence already says which commit it read.
      const withCommit = (text: string, commit?: string) => (commit && !text.includes(commit.slice(0, 7)) ? `${text} (${commit.slice(0, 7)})` : text);
      for (const e of extra.evidence) groups.set(e.kind, [...(groups.get(e.kind) ?? []), safeText(withCommit(e.text, e.commit))]);
      for (const [kind, texts] of groups) {
        push(`${kind}:`, 'dim');
        for (const t of texts) push(`  • ${t}`, undefined, '    ');
      }
    }
    // The reasons are the verdict's sentences; those the grouped evidence already says are not repeated.
    const said = new Set([...(extra.evidence ?? []).map((e) => e.text), ...d.notes]);
    for (const reason of v.reasons) if (!said.has(reason)) push(`• ${safeText(reason)}`);
  }
  // Who wrote each live value comes after the verdict: at 80×24 the verdict was a screen below
  // these lines, out of sight of the key it judges.
  const provenance = Object.entries(d.provenance ?? {});
  const problems = liveProblems(
    state,
    state.envs.filter((env) => env in d.values || d.envs.includes(env)),
  );
  if (provenance.length + problems.length > 0) out.push({ text: '' });
  for (const [env, p] of provenance) push(`${env} live written by ${safeText(describeProvenance(p))}`);
  for (const problem of problems) push(problem, 'warn');
  out.push({ text: '' });
  // One timeline per key: every divergence of it, every environment's commits, deploys and hand edits.
  const historyAt = out.length;
  push('History (newest first, UTC):', 'dim');
  out[historyAt] = { ...out[historyAt]!, section: 'history' };
  const timeline = keyTimeline(divergencesOfKey(state, d.key), state.envs).reverse();
  if (timeline.length === 0)
    push(
      d.history
        ? 'no commit changed this key, and no live change was recorded'
        : state.loading.history.state === 'off'
          ? 'history is not read (--no-history)'
          : 'history is still loading…',
      'dim',
    );
  for (const e of timeline) {
    // A key's history can run to hundreds of entries: lines past what the pane can show (and one
    // more, for its ▼) are not written until it scrolls there.
    if (out.length > limit) break;
    const row = timelineRow(e);
    const change = rowChange(row, (v) => oneLine(showValue(v)));
    push(`${row.when} ${row.env} ${row.tag ? `${row.tag} ` : ''}${change}  ${safeText(rowSummary(row))}`);
  }
  return out;
}

/** What the detail of a divergence reads from the state (besides the divergence and the width):
 * when none of it changed, the lines are the same. */
const detailInputs = (state: AppState, d: Divergence) => [
  state.session.decisions.get(d.id),
  state.refusals.get(d.id),
  state.applied.get(d.id),
  state.live,
  state.loading.live,
  state.loading.history.state,
  divergencesOfKey(state, d.key),
  state.envs,
];
let lastDetail: { inputs: unknown[]; lines: DetailLine[] } | undefined;

/** The selected divergence's detail or timeline, computed again only when something it shows
 * changed: a key that moves the cursor costs one detail, a progress update none. */
export function paneLines(state: AppState, d: Divergence, width: number, view: 'detail' | 'timeline', height: number): DetailLine[] {
  // The detail is written as far as the pane shows it (scrolling further writes more); the
  // timeline puts the history first, so it is written whole.
  const limit = view === 'timeline' ? Infinity : state.ui.detailOffset + height;
  const inputs = [d, width, view, limit, ...detailInputs(state, d)];
  if (lastDetail && lastDetail.inputs.length === inputs.length && lastDetail.inputs.every((x, i) => x === inputs[i])) return lastDetail.lines;
  const lines = view === 'timeline' ? timelineLines(state, d, width) : detailLines(state, d, width, limit);
  lastDetail = { inputs, lines };
  return lines;
}

/** A pattern's row opened in the detail pane: the glob and why its keys belong together, what one
 * contract entry would allow each environment, the decisions made on its keys, the group's
 * verdict (one declaration, and what the keys' own verdicts say), then every key with its values. */
export function groupLines(state: AppState, item: GroupItem, width: number, limit = Infinity): DetailLine[] {
  const out: DetailLine[] = [];
  const push = (text: string, style?: DetailLine['style'], indent = '  ') => {
    for (const line of wrapLines(text, width, indent)) out.push(style ? { text: line, style } : { text: line });
  };
  const { pattern, members } = item;
  const all = pattern.keys.length;
  push(
    `≋ ${safeText(pattern.glob)} — a pattern of ${members.length === all ? plural(all, 'key') : `${members.length} of ${all} keys (a filter hides the rest)`}`,
    'title',
  );
  push(safeText(pattern.reason));
  push(`one contract entry would allow: ${state.envs.map((env) => `${env} ${safeText(pattern.allowed[env] ?? ABSENT)}`).join(' · ')}`);
  const decided = members.flatMap((d) => state.session.decisions.get(d.id) ?? []);
  if (decided.length === 0) {
    push('Decision: none yet (d declares every key, the reason asked once · r/b/s decide each key as its verdict says · → lists the keys)', 'heading');
  } else {
    const actions = tally(decided.map((d) => d.action));
    push(`Decision: ${decided.length} of ${plural(members.length, 'key')} decided (${actions})`, 'heading');
    const refused = members.filter((d) => state.refusals.has(d.id));
    if (refused.length) push(`✗ apply will refuse ${plural(refused.length, 'of them')}: ${someKeys(refused)}`, 'warn');
  }
  out.push({ text: '' });
  const verdicts = members.flatMap((d) => (d.verdict ? [{ d, v: d.verdict }] : []));
  const against = verdicts.filter(({ v }) => v.suggested !== 'declare');
  push(
    `Verdict: declare the pattern — one contract entry for every key${verdicts.length === 0 ? '' : against.length === 0 ? " (each key's verdict says declare)" : ''}`,
    'heading',
  );
  if (verdicts.length === 0) {
    push(
      state.loading.history.state === 'off' ? "the keys' own verdicts need history (--no-history)" : "the keys' own verdicts: history is still loading…",
      'dim',
    );
  } else {
    push(`the keys' own verdicts: ${tally(verdicts.map(({ v }) => `${v.suggested}${v.drifted ? ` ${v.drifted}` : ''}`))}`);
    if (against.length)
      push(
        `⚠ ${plural(against.length, 'key')} whose verdict is not declare: look at ${against.length === 1 ? 'it' : 'them'} before declaring the pattern`,
        'warn',
      );
    const humans = verdicts.filter(({ v }) => needsHuman(v));
    if (humans.length) push(`⚠ needs a human: ${someKeys(humans.map(({ d }) => d))}`, 'warn');
  }
  out.push({ text: '' });
  push(`Keys (${item.open ? 'listed below the row' : '→ lists them'}):`, 'dim');
  for (const d of members) {
    // A pattern can hold thousands of keys: lines past what the pane shows (and one more, for its
    // ▼) are not written until it scrolls there.
    if (out.length > limit) break;
    const values = state.envs.map((env) => `${env} ${oneLine(d.values[env]?.repo ?? null)}`).join(' · ');
    const mark = decisionMark(state, d.id).trim();
    push(
      `${KIND_GLYPH[d.kind]} ${safeText(d.key)}${mark ? ` ${mark}` : ''}  ${values}${d.verdict && d.verdict.suggested !== 'declare' ? `  (verdict: ${safeText(verdictShort(d))})` : ''}`,
      undefined,
      '    ',
    );
  }
  return out;
}

/** The first few keys of a list that can run to thousands, and how many more there are. */
function someKeys(divergences: Divergence[], shown = 5): string {
  const keys = divergences.slice(0, shown).map((d) => safeText(d.key));
  return divergences.length > shown ? `${keys.join(', ')} and ${divergences.length - shown} more` : keys.join(', ');
}

let lastGroup: { inputs: unknown[]; lines: DetailLine[] } | undefined;

/** A group's lines, written again only when something they show changed. */
export function groupPaneLines(state: AppState, item: GroupItem, width: number, height: number): DetailLine[] {
  const limit = state.ui.detailOffset + height;
  const inputs = [item, width, limit, state.session.decisions, state.refusals, state.applied, state.loading.history.state, state.envs];
  if (lastGroup && lastGroup.inputs.every((x, i) => x === inputs[i])) return lastGroup.lines;
  const lines = groupLines(state, item, width, limit);
  lastGroup = { inputs, lines };
  return lines;
}

/** `declare ×7 · backfill production ×3`: how often each text occurs, the most frequent first. */
function tally(texts: string[]): string {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ×${n}`)
    .join(' · ');
}

/** What each environment runs (`v`), in the words of `undrift releases`: per workload the tag and
 * digest, then what needs a look (a build that skipped an environment, a tag rebuilt), wrapped to
 * the width. */
export function releaseLines(state: AppState, width: number): DetailLine[] {
  // Live states arrive with the full read (after history): until then, environments still reading.
  const stillLoading = Object.entries(state.loading.live)
    .filter(([env, p]) => p.state === 'reading' || p.state === 'waiting' || !state.live?.has(env))
    .map(([env]) => env);
  const view = releaseView({ environments: state.envs, promotion: state.promotion, live: state.live });
  const out: DetailLine[] = [];
  if (stillLoading.length) out.push({ text: `live state of ${stillLoading.join(', ')} still loading: shown once read`, style: 'dim' });
  for (const line of releaseViewLines(view)) {
    const style: DetailLine['style'] = line.role === 'heading' ? 'heading' : line.role ? 'warn' : undefined;
    for (const wrapped of wrapLines(safeText(line.text), width, '    ')) out.push(style ? { text: wrapped, style } : { text: wrapped });
  }
  return out;
}

/** The hints of the mode that fit the width: `? help` and `q quit` (priority 0) always stay;
 * the others are dropped from the least important up, and shown in the table's order. */
export function footerLine(mode: Mode, width: number, state?: AppState): string {
  if (mode === 'busy') return fit(`applying… keys wait until it is done${state?.ui.busy ? ` (${state.ui.busy})` : ''}`, width);
  // What cannot run now is left out (the help says why), except the two that always stay.
  const commands = footerCommands(mode).filter((c) => c.priority === 0 || !state || !c.disabled?.(state));
  const text = (c: Command) => `${c.label} ${c.shortIn?.[mode] ?? c.short}`;
  const sep = ' · ';
  const kept = new Set<Command>(commands.filter((c) => c.priority === 0));
  let used = [...kept].reduce((n, c) => n + widthOf(text(c)) + sep.length, 0);
  const rest = commands.filter((c) => c.priority !== 0).sort((a, b) => a.priority! - b.priority!);
  const prefix = mode === 'filter' && state ? `filter: ${safeText(state.ui.filter)}▏ ` : '';
  used += widthOf(prefix);
  for (const c of rest) {
    const cost = widthOf(text(c)) + sep.length;
    if (used + cost > width) continue;
    kept.add(c);
    used += cost;
  }
  // The footer spells each command once even when two share a word (n/N).
  const line =
    prefix +
    commands
      .filter((c) => kept.has(c))
      .map(text)
      .join(sep);
  return fit(line, width);
}

/** The `?` help: every mode's keys from the command table, grouped, filtered by what is typed;
 * a command that cannot run now says why. */
export function helpLines(state: AppState, width: number): DetailLine[] {
  const filter = state.ui.helpFilter;
  const out: DetailLine[] = [];
  const modes = Object.keys(MODE_TITLES) as Mode[];
  const seen = new Set<string>();
  for (const mode of modes) {
    const commands = COMMANDS.filter((c) => c.modes[0] === mode && !seen.has(c.id) && (!filter || fuzzyMatch(`${c.label} ${c.description}`, filter)));
    if (commands.length === 0) continue;
    const where = commands[0]!.modes.map((m) => MODE_TITLES[m].replace(/ \(.*\)$/, '')).join(', ');
    out.push({ text: `In ${where}:`, style: 'heading' });
    for (const c of commands) {
      seen.add(c.id);
      const reason = mode === 'list' || mode === 'detail' || mode === 'timeline' ? c.disabled?.(state) : undefined;
      for (const text of wrapLines(`  ${pad(c.label, 8)} ${c.description}${reason ? ` (now: ${reason})` : ''}`, width, '           ')) out.push({ text });
    }
  }
  const marks = MARKS.filter(([mark, meaning]) => !filter || fuzzyMatch(`${mark} ${meaning}`, filter));
  if (marks.length) {
    out.push({ text: 'Marks:', style: 'heading' });
    for (const [mark, meaning] of marks) for (const text of wrapLines(`  ${pad(mark, 8)} ${meaning}`, width, '           ')) out.push({ text });
  }
  return out.length ? out : [{ text: `no key matches "${safeText(filter)}"` }];
}

/** What each mark in the list and the detail pane means, for the help. */
const MARKS: ReadonlyArray<readonly [string, string]> = [
  ...Object.entries(KIND_GLYPH).map(([kind, glyph]) => [glyph, `a row's kind: ${kind}`] as const),
  ['≋', 'a row for a pattern of keys (enter opens it)'],
  ['●  ◦', "marked for a decision on many rows (◦: some of a pattern's keys)"],
  ['✓r ✓b', 'decided: revert, backfill, declare, skip (✓d ✓s), not applied yet'],
  ['✗r ✗b', 'decided, but apply would refuse it (the detail says why)'],
  ['✔a  …o', 'applied by an earlier session; on a branch not merged yet'],
  ['▸  ▾', 'a pattern row, closed or open'],
  ['»', "in the detail's values: an environment the divergence is about"],
];

/** A prompt's lines at the width, with which line is highlighted. */
export function promptLines(prompt: Prompt, width: number): Array<{ text: string; bold?: boolean; inverse?: boolean; warn?: boolean }> {
  const lines: Array<{ text: string; bold?: boolean; inverse?: boolean; warn?: boolean }> = [];
  const push = (text: string, style: { bold?: boolean; inverse?: boolean; warn?: boolean } = {}) => {
    for (const line of wrapLines(safeText(text), width)) lines.push({ text: line, ...style });
  };
  switch (prompt.kind) {
    case 'form':
      push(prompt.title, { bold: true });
      for (const l of prompt.lines) push(l);
      push('');
      prompt.fields.forEach((f, i) =>
        push(`${i === prompt.field ? '›' : ' '} ${f.label}: ${f.value}${i === prompt.field ? '▏' : ''}`, { bold: i === prompt.field }),
      );
      if (prompt.error) push(`✗ ${prompt.error}`, { warn: true });
      break;
    case 'choice':
      push(prompt.title, { bold: true });
      prompt.options.forEach((o, i) => push(`${i === prompt.selected ? '›' : ' '} ${i + 1}. ${o.label}`, { inverse: i === prompt.selected }));
      break;
    case 'apply':
    case 'live':
    case 'risk':
      push(prompt.kind === 'apply' ? 'Apply these decisions?' : prompt.kind === 'live' ? 'Write this to the live object?' : 'Record a risky decision?', {
        bold: true,
      });
      for (const l of prompt.lines) push(l, { warn: prompt.kind === 'risk' });
      push('');
      push(
        prompt.kind !== 'risk' && prompt.mustType
          ? `type ${prompt.mustType} and enter to confirm; anything else cancels (default: No)`
          : 'type y and enter to confirm; enter alone or esc cancels (default: No)',
        { bold: true },
      );
      push(`> ${prompt.typed}▏`);
      break;
    case 'quit':
      push('Quit?', { bold: true });
      for (const l of prompt.lines) push(l);
      break;
    case 'resume':
      push('Resume?', { bold: true });
      for (const l of prompt.lines) push(l);
      break;
    case 'layout':
      // Each layout with its environments' stacks (base first), so the choice is made on what
      // would be read; the first is the one discovery's rule takes.
      push(`No undrift.yaml: ${layoutsFound(prompt.options)}. Which one holds your environments?`, { bold: true });
      if (prompt.because) push(`undrift takes 1 by its rule (${prompt.because}); the one you choose is written to undrift.yaml.`);
      prompt.options.forEach((o, i) => {
        push('');
        push(`${i === prompt.selected ? '›' : ' '} ${i + 1}. ${o.layout}, confidence ${o.confidence}`, { inverse: i === prompt.selected });
        for (const [env, files] of Object.entries(o.environments)) push(`     ${env}: ${files.join(' → ')}`);
        for (const note of o.notes ?? []) push(`     ${note}`);
      });
      break;
  }
  return lines;
}

/** The lines of a prompt taller than its pane that are shown: with options, from the top as far
 * as the highlighted one stays in view (so the question and the first options are seen first);
 * otherwise the end, where the answer being typed is. */
export function promptWindow<L extends { inverse?: boolean }>(lines: L[], height: number): L[] {
  if (lines.length <= height) return lines;
  const selected = lines.findIndex((l) => l.inverse);
  if (selected < 0) return lines.slice(lines.length - height);
  const start = Math.min(Math.max(0, selected - height + 2), lines.length - height);
  return lines.slice(start, start + height);
}

export const plainCount = plural;
