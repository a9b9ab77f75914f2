import type { LayoutOffer } from '../config/write-config.js';
import { resumeLines } from './resume.js';
import type { DivergencePattern } from '../compare/patterns.js';
import { DIVERGENCE_KINDS, type Decision, type Divergence, type EnvName, type LiveState } from '../model/types.js';
import { buildItems, type ListItem } from './items.js';

/** One state for the whole view, changed only by `reducer`; the mode is derived from it
 * (`modeOf`), never stored beside it. */

/** Decisions by divergence id: recorded, not applied; undo and redo are snapshots. */
export interface SessionState {
  decisions: Map<string, Decision>;
  undo: Array<Map<string, Decision>>;
  redo: Array<Map<string, Decision>>;
}

/** The kind filter's steps: everything, what is undecided, then each kind. */
export const KIND_FILTERS = ['all', 'undecided', ...DIVERGENCE_KINDS] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];

export interface FormField {
  name: 'reason' | 'owner' | 'expires';
  label: string;
  value: string;
}

/** A question on screen: a form (declare), a choice (which value), a typed confirmation (apply,
 * a live write, a risky decision), quit, resume, or which of the layouts discovery found to use
 * (at start, without undrift.yaml). Its kind is the mode. */
export type Prompt =
  | {
      kind: 'form';
      title: string;
      lines: string[];
      fields: FormField[];
      field: number;
      ids: string[];
      /** Declares a whole pattern group through one contract entry for this glob. */
      pattern?: string;
      error?: string;
    }
  | { kind: 'choice'; title: string; options: Array<{ label: string; decisions: Decision[] }>; selected: number }
  | { kind: 'apply'; lines: string[]; mustType?: string; typed: string }
  | { kind: 'live'; lines: string[]; mustType?: string; typed: string }
  | { kind: 'risk'; lines: string[]; decisions: Decision[]; typed: string }
  | { kind: 'quit'; lines: string[] }
  /** `lines` are made from `header` and the decisions with the environments known (resume.ts): the
   * prompt is drawn before the configuration is read, and drawn again once it is. */
  | { kind: 'resume'; header: string; lines: string[]; decisions: Decision[] }
  | { kind: 'layout'; options: LayoutOffer[]; selected: number; because?: string };

export type Overlay = 'help' | 'message' | 'releases';

export type Mode = 'list' | 'detail' | 'timeline' | 'filter' | Overlay | 'busy' | Prompt['kind'];

/** Where one source of data stands: the list shows what has arrived, the header what is coming. */
export interface SourcePhase {
  /** `partial`: a live source read in part (some kinds could not be listed); `detail` says why. */
  state: 'waiting' | 'reading' | 'done' | 'partial' | 'failed' | 'off';
  /** `1,204/3,000 commits`, `3/6 kinds`. */
  done?: number;
  total?: number;
  unit?: string;
  /** What was read and, when not all of it, why (`partly read (kubernetes prod/payments): …`). */
  detail?: string;
}

export interface Loading {
  repo: SourcePhase;
  history: SourcePhase;
  /** Per environment that has a live source. */
  live: Record<EnvName, SourcePhase>;
}

export interface UiState {
  focus: 'list' | 'detail';
  /** The full-width timeline of the selected key. */
  timeline: boolean;
  /** Typing into the key filter. */
  filtering: boolean;
  /** The help, an opened message, or what each environment runs (the releases). */
  overlay?: Overlay;
  /** Set while apply runs: keys wait. */
  busy?: string;
  /** The selected row: a divergence's id, or a group's (ids survive reloads and filters). */
  selected: string | undefined;
  /** The globs of the pattern groups opened in the list. */
  open: Set<string>;
  /** First visible row of the list. */
  offset: number;
  filter: string;
  kindFilter: KindFilter;
  marks: Set<string>;
  /** Scroll of the detail pane, the timeline and an opened message. */
  detailOffset: number;
  helpFilter: string;
  /** Scroll of the help (its own: closing the help returns to the detail where it was). */
  helpOffset: number;
  prompt?: Prompt;
  /** A message in the footer until the next key; `m` opens it in full. */
  toast?: string;
  /** The last message that did not fit the footer, kept for `m`. */
  message?: string;
  /** One line per step while apply runs (worktree, commit n/N, push, PR, each live patch). */
  progress: string[];
  /** Whether the user moved yet: until then a reload keeps the cursor at the top. */
  touched: boolean;
}

/** A row's entry of the ledger, as `undrift log` says it: `open` while it sits on a branch not
 * merged yet (decided, not in effect: the view said "applied" where log says "open"). */
export interface LedgerLine {
  text: string;
  open: boolean;
}

export interface AppState {
  repoName: string;
  envs: EnvName[];
  /** Upstream first: the last one is where a typed confirmation is asked. */
  promotion: EnvName[];
  divergences: Divergence[];
  /** Divergences that share a pattern: each group is one row of the list. */
  patterns: DivergencePattern[];
  live?: Map<EnvName, LiveState>;
  /** The divergences come from a values-only read (the first screen): the files' lines, and the
   * comments beside the values, are still being read. */
  unlocated?: boolean;
  loading: Loading;
  session: SessionState;
  /** Why apply would refuse a decision, by divergence id, found when it was made. */
  refusals: Map<string, string>;
  /** Decisions made in an earlier session (the ledger), by divergence id: one line each. */
  applied: Map<string, LedgerLine>;
  ui: UiState;
}

export type Action =
  | { type: 'context'; repoName?: string; envs: EnvName[]; promotion: EnvName[] }
  | { type: 'data'; divergences: Divergence[]; patterns?: DivergencePattern[]; live?: Map<EnvName, LiveState>; unlocated?: boolean }
  | { type: 'phase'; source: 'repo' | 'history'; phase: SourcePhase }
  | { type: 'livePhase'; env: EnvName; phase: SourcePhase }
  | { type: 'move'; by: number; height: number }
  | { type: 'moveTo'; index: number; height: number }
  | { type: 'nextUndecided'; direction: 1 | -1; height: number }
  | { type: 'focus'; focus: 'list' | 'detail' }
  | { type: 'timeline'; open: boolean }
  | { type: 'filtering'; on: boolean }
  | { type: 'overlay'; overlay: Overlay | undefined }
  | { type: 'busy'; text: string | undefined }
  | { type: 'progress'; line: string }
  /** The filters carry the list's height: the window is filled again around the cursor. */
  | { type: 'filter'; text: string; height: number }
  | { type: 'clearFilters'; height: number }
  | { type: 'kindFilter'; height: number }
  /** Marks the ids (a group's every divergence), or unmarks them when all are marked. */
  | { type: 'mark'; ids: string[] }
  /** Opens or closes a pattern group's row. */
  | { type: 'group'; glob: string; open: boolean; height: number }
  | { type: 'decide'; decisions: Decision[]; refusals?: Map<string, string> }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'restore'; decisions: Decision[]; refusals?: Map<string, string> }
  /** Apply's check of the decisions made, again, against a later read than they were made on. */
  | { type: 'recheck'; refusals: Map<string, string> }
  | { type: 'forget' }
  | { type: 'applied'; ledger?: Map<string, LedgerLine> }
  | { type: 'ledger'; applied: Map<string, LedgerLine> }
  | { type: 'toast'; text: string | undefined }
  /** Opens a text of several lines in full (what apply did, step by step). */
  | { type: 'report'; text: string }
  | { type: 'detailScroll'; by: number }
  /** The pane shown was scrolled past its last line (more j than lines, G): its offset is brought
   * back to the last one, so the next k scrolls at once. */
  | { type: 'scrollEnd'; pane: 'detail' | 'help'; end: number }
  | { type: 'helpScroll'; by: number }
  | { type: 'helpFilter'; text: string }
  | { type: 'prompt'; prompt: Prompt | undefined };

export function initialState(init: {
  repoName: string;
  envs?: EnvName[];
  promotion?: EnvName[];
  divergences?: Divergence[];
  patterns?: DivergencePattern[];
  live?: Map<EnvName, LiveState>;
}): AppState {
  const divergences = init.divergences ?? [];
  const patterns = init.patterns ?? [];
  return {
    repoName: init.repoName,
    envs: init.envs ?? [],
    promotion: init.promotion ?? init.envs ?? [],
    divergences,
    patterns,
    ...(init.live ? { live: init.live } : {}),
    loading: {
      repo: { state: init.divergences ? 'done' : 'waiting' },
      history: { state: init.divergences ? 'off' : 'waiting' },
      live: Object.fromEntries([...(init.live?.keys() ?? [])].map((env) => [env, { state: 'done' }])),
    },
    session: { decisions: new Map(), undo: [], redo: [] },
    refusals: new Map(),
    applied: new Map(),
    ui: {
      focus: 'list',
      timeline: false,
      filtering: false,
      selected: buildItems(divergences, patterns, new Set())[0]?.id,
      open: new Set(),
      offset: 0,
      filter: '',
      kindFilter: 'all',
      marks: new Set(),
      detailOffset: 0,
      helpFilter: '',
      helpOffset: 0,
      progress: [],
      touched: false,
    },
  };
}

/** The mode the keys, the footer and the help follow: an open prompt first, then apply running,
 * an overlay, the filter being typed, the timeline, and the pane in focus. */
export function modeOf(state: AppState): Mode {
  const ui = state.ui;
  if (ui.prompt) return ui.prompt.kind;
  if (ui.busy !== undefined) return 'busy';
  if (ui.overlay) return ui.overlay;
  if (ui.filtering) return 'filter';
  if (ui.timeline) return 'timeline';
  return ui.focus;
}

/** Characters of the pattern in order, anywhere in the text: `pgtmo` finds PAYMENT_GATEWAY_TIMEOUT. */
export function fuzzyMatch(text: string, pattern: string): boolean {
  const hay = text.toLowerCase();
  let at = 0;
  for (const ch of pattern.toLowerCase()) {
    if (ch === ' ') continue;
    at = hay.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

const visibleCache = new WeakMap<
  AppState['divergences'],
  { key: string; decisions: Map<string, Decision>; applied: Map<string, LedgerLine>; result: Divergence[] }
>();

/** Still to be dealt with: no decision in this session, and none applied in an earlier one (the
 * ledger), so the backlog shrinks as decisions are applied, across restarts. */
export function isOpen(state: AppState, id: string): boolean {
  return !state.session.decisions.has(id) && !state.applied.has(id);
}

/** The divergences the list shows, in order (memoised: every key press asks for it). */
export function visibleDivergences(state: AppState): Divergence[] {
  const { filter, kindFilter } = state.ui;
  const key = `${kindFilter}\0${filter}`;
  const cached = visibleCache.get(state.divergences);
  if (cached && cached.key === key && (kindFilter !== 'undecided' || (cached.decisions === state.session.decisions && cached.applied === state.applied)))
    return cached.result;
  const result =
    !filter && kindFilter === 'all'
      ? state.divergences
      : state.divergences.filter((d) => {
          if (filter && !fuzzyMatch(d.key, filter)) return false;
          if (kindFilter === 'all') return true;
          if (kindFilter === 'undecided') return isOpen(state, d.id);
          return d.kind === kindFilter;
        });
  visibleCache.set(state.divergences, { key, decisions: state.session.decisions, applied: state.applied, result });
  return result;
}

const itemsCache = new WeakMap<Divergence[], { patterns: DivergencePattern[]; open: Set<string>; items: ListItem[] }>();

/** The rows the list shows, in order: the divergences shown, those of a pattern as one group row
 * (its divergences below it while it is open). Memoised like the divergences shown. */
export function visibleItems(state: AppState): ListItem[] {
  const visible = visibleDivergences(state);
  const cached = itemsCache.get(visible);
  if (cached && cached.patterns === state.patterns && cached.open === state.ui.open) return cached.items;
  const items = buildItems(visible, state.patterns, state.ui.open);
  itemsCache.set(visible, { patterns: state.patterns, open: state.ui.open, items });
  return items;
}

export function selectedIndex(state: AppState, items = visibleItems(state)): number {
  const i = items.findIndex((item) => item.id === state.ui.selected);
  return i < 0 ? 0 : i;
}

/** The selected row (the first when the selected one is not shown). */
export function selectedItem(state: AppState): ListItem | undefined {
  const items = visibleItems(state);
  return items[selectedIndex(state, items)];
}

/** The selected divergence; none when the selected row is a group. */
export function selectedDivergence(state: AppState): Divergence | undefined {
  const item = selectedItem(state);
  return item?.type === 'single' ? item.divergence : undefined;
}

/** Every divergence a decision key acts on: the marked ones, or the selected row's (a group's
 * every divergence shown). */
export function targets(state: AppState): Divergence[] {
  if (state.ui.marks.size > 0) return state.divergences.filter((d) => state.ui.marks.has(d.id));
  const item = selectedItem(state);
  if (!item) return [];
  return item.type === 'group' ? item.members : [item.divergence];
}

/** Whether a row still has something to decide (a group: any of its divergences). */
const itemIsOpen = (state: AppState, item: ListItem) =>
  item.type === 'group' ? item.members.some((d) => isOpen(state, d.id)) : isOpen(state, item.divergence.id);

const SCROLL_MARGIN = 2;

/** The offset that keeps the cursor on screen with a margin of rows around it. */
export function clampOffset(offset: number, cursor: number, height: number, total: number): number {
  if (height <= 0) return 0;
  const margin = Math.min(SCROLL_MARGIN, Math.floor((height - 1) / 2));
  let next = offset;
  if (cursor < next + margin) next = cursor - margin;
  if (cursor > next + height - 1 - margin) next = cursor - height + 1 + margin;
  return Math.max(0, Math.min(next, Math.max(0, total - height)));
}

function select(state: AppState, index: number, height: number): AppState {
  const items = visibleItems(state);
  const ui = { ...state.ui, touched: true };
  if (items.length === 0) return { ...state, ui: { ...ui, selected: undefined, offset: 0 } };
  const i = Math.max(0, Math.min(items.length - 1, index));
  return { ...state, ui: { ...ui, selected: items[i]!.id, offset: clampOffset(state.ui.offset, i, height, items.length), detailOffset: 0 } };
}

/** Where a row went when it is not shown as itself: a divergence inside a closed group is
 * found at its group's row. */
function indexOf(items: ListItem[], id: string): number {
  const i = items.findIndex((item) => item.id === id);
  if (i >= 0) return i;
  return items.findIndex((item) => item.type === 'group' && item.members.some((d) => d.id === id));
}

/** After the list changed under the cursor (filter, new data): stay on the same divergence, on
 * the same row of the screen, if it is still shown; else on the first one. Rows that arrive above
 * it push the window, not the cursor. When the person changed the filter (`height` given), the
 * window is filled again: a cleared filter brings back rows above the cursor, and they are
 * shown rather than left above a window half empty. */
function reselect(before: AppState, state: AppState, height?: number): AppState {
  const items = visibleItems(state);
  // Until a key is pressed, the cursor is at the top: rows that arrive first there (live drift,
  // sorted before the repo's rows of the same key) are seen, not scrolled away above the cursor.
  const id = state.ui.touched ? state.ui.selected : undefined;
  const index = id === undefined ? -1 : indexOf(items, id);
  if (index < 0) return { ...state, ui: { ...state.ui, selected: items[0]?.id, offset: 0 } };
  const row = indexOf(visibleItems(before), id!) - before.ui.offset;
  const kept = row >= 0 ? Math.max(0, index - row) : state.ui.offset;
  const offset = height === undefined ? kept : clampOffset(kept, index, height, items.length);
  return { ...state, ui: { ...state.ui, selected: items[index]!.id, offset } };
}

function withDecisions(state: AppState, decisions: Map<string, Decision>): AppState {
  const session = { decisions, undo: [...state.session.undo, state.session.decisions].slice(-200), redo: [] };
  return { ...state, session };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the person did (as opposed to what arrived): from then on, the cursor stays where it is. */
const USER_ACTIONS = new Set<Action['type']>([
  'focus',
  'timeline',
  'filtering',
  'overlay',
  'mark',
  'group',
  'decide',
  'undo',
  'redo',
  'detailScroll',
  'helpScroll',
  'clearFilters',
  'helpFilter',
]);

export function reducer(state: AppState, action: Action): AppState {
  const acted = USER_ACTIONS.has(action.type) && !state.ui.touched ? { ...state, ui: { ...state.ui, touched: true } } : state;
  const next = reduce(acted, action);
  // Every message shown in the footer can be opened in full with `m` afterwards.
  if (next.ui.toast && next.ui.toast !== state.ui.toast && next.ui.message !== next.ui.toast) return { ...next, ui: { ...next.ui, message: next.ui.toast } };
  return next;
}

function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'context': {
      const prompt = state.ui.prompt;
      return {
        ...state,
        ...(action.repoName ? { repoName: action.repoName } : {}),
        envs: action.envs,
        promotion: action.promotion,
        // A saved decision's environment and row are told from its id with the environments' names.
        ...(prompt?.kind === 'resume' ? { ui: { ...state.ui, prompt: { ...prompt, lines: resumeLines(prompt.header, prompt.decisions, action.envs) } } } : {}),
      };
    }
    case 'data': {
      // A reload can bring new ids for the same keys (a live row appears): divergences are
      // matched by id, and decisions on ones that disappeared are kept only while their id is.
      const next: AppState = {
        ...state,
        divergences: action.divergences,
        ...(action.patterns ? { patterns: action.patterns } : {}),
        ...(action.live ? { live: action.live } : {}),
        unlocated: action.unlocated === true,
      };
      return reselect(state, next);
    }
    case 'phase':
      return { ...state, loading: { ...state.loading, [action.source]: action.phase } };
    case 'livePhase':
      return { ...state, loading: { ...state.loading, live: { ...state.loading.live, [action.env]: action.phase } } };
    case 'move':
      return select(state, selectedIndex(state) + action.by, action.height);
    case 'moveTo':
      return select(state, action.index, action.height);
    case 'nextUndecided': {
      const items = visibleItems(state);
      const from = selectedIndex(state, items);
      for (let step = 1; step <= items.length; step++) {
        const i = (from + action.direction * step + items.length) % items.length;
        if (itemIsOpen(state, items[i]!)) return select(state, i, action.height);
      }
      return { ...state, ui: { ...state.ui, toast: 'every divergence shown has a decision' } };
    }
    case 'focus':
      return { ...state, ui: { ...state.ui, focus: action.focus } };
    case 'timeline':
      return { ...state, ui: { ...state.ui, timeline: action.open, detailOffset: 0 } };
    case 'filtering':
      return { ...state, ui: { ...state.ui, filtering: action.on } };
    case 'overlay':
      return {
        ...state,
        ui: {
          ...state.ui,
          overlay: action.overlay,
          helpFilter: '',
          helpOffset: 0,
          detailOffset: action.overlay === 'message' || action.overlay === 'releases' ? 0 : state.ui.detailOffset,
        },
      };
    case 'busy':
      return { ...state, ui: { ...state.ui, busy: action.text, progress: action.text === undefined ? state.ui.progress : [] } };
    case 'progress':
      return { ...state, ui: { ...state.ui, progress: [...state.ui.progress, action.line] } };
    case 'filter':
      return reselect(state, { ...state, ui: { ...state.ui, filter: action.text, touched: true } }, action.height);
    case 'clearFilters': {
      if (!state.ui.filter && state.ui.kindFilter === 'all') return state;
      return reselect(state, { ...state, ui: { ...state.ui, filter: '', kindFilter: 'all', filtering: false, toast: 'filters cleared' } }, action.height);
    }
    case 'kindFilter': {
      // Kinds with nothing to show are passed over: eleven steps of mostly empty lists help nobody.
      const present = new Set<KindFilter>(state.divergences.map((d) => d.kind));
      const offered = KIND_FILTERS.filter((k) => k === 'all' || k === 'undecided' || present.has(k));
      const next = offered[(offered.indexOf(state.ui.kindFilter) + 1) % offered.length]!;
      return reselect(state, { ...state, ui: { ...state.ui, kindFilter: next, touched: true, toast: `showing: ${next}` } }, action.height);
    }
    case 'mark': {
      const marks = new Set(state.ui.marks);
      const all = action.ids.every((id) => marks.has(id));
      for (const id of action.ids) {
        if (all) marks.delete(id);
        else marks.add(id);
      }
      return { ...state, ui: { ...state.ui, marks } };
    }
    case 'group': {
      if (state.ui.open.has(action.glob) === action.open) return state;
      const open = new Set(state.ui.open);
      if (action.open) open.add(action.glob);
      else open.delete(action.glob);
      const next = { ...state, ui: { ...state.ui, open } };
      // Closing a group from one of its rows lands on the group's row.
      const items = visibleItems(next);
      return select(next, indexOf(items, state.ui.selected ?? ''), action.height);
    }
    case 'decide': {
      const decisions = new Map(state.session.decisions);
      const refusals = new Map(state.refusals);
      for (const d of action.decisions) {
        decisions.set(d.divergence!, d);
        const refused = action.refusals?.get(d.divergence!);
        if (refused) refusals.set(d.divergence!, refused);
        else refusals.delete(d.divergence!);
      }
      const next = withDecisions({ ...state, refusals }, decisions);
      const first = action.decisions[0]!;
      const refusedCount = action.decisions.filter((d) => action.refusals?.has(d.divergence!)).length;
      const refusedToast =
        refusedCount === 1 && action.decisions.length === 1
          ? `${first.action} recorded, but apply will refuse it: ${action.refusals!.get(first.divergence!)}`
          : `${plural(refusedCount, 'decision')} of ${action.decisions.length} will be refused by apply (✗ in the list; the detail says why)`;
      const toast =
        refusedCount > 0
          ? refusedToast
          : `${action.decisions.length === 1 ? first.action : `${first.action} × ${action.decisions.length}`} recorded (u undoes)`;
      return { ...next, ui: { ...next.ui, marks: new Set(), toast } };
    }
    case 'undo': {
      const previous = state.session.undo.at(-1);
      if (!previous) return { ...state, ui: { ...state.ui, toast: 'nothing to undo' } };
      return {
        ...state,
        session: { decisions: previous, undo: state.session.undo.slice(0, -1), redo: [...state.session.redo, state.session.decisions] },
        ui: { ...state.ui, toast: 'undone' },
      };
    }
    case 'redo': {
      const next = state.session.redo.at(-1);
      if (!next) return { ...state, ui: { ...state.ui, toast: 'nothing to redo' } };
      return {
        ...state,
        session: { decisions: next, undo: [...state.session.undo, state.session.decisions], redo: state.session.redo.slice(0, -1) },
        ui: { ...state.ui, toast: 'redone' },
      };
    }
    case 'restore': {
      // Every saved decision is kept, also those whose divergence is not read yet (live rows come
      // after the repo's).
      const decisions = new Map(action.decisions.filter((d) => d.divergence).map((d) => [d.divergence!, d]));
      return {
        ...state,
        session: { decisions, undo: [], redo: [] },
        refusals: action.refusals ?? new Map<string, string>(),
        ui: { ...state.ui, prompt: undefined, toast: `resumed ${plural(decisions.size, 'decision')}` },
      };
    }
    case 'recheck': {
      const added = [...action.refusals.keys()].filter((id) => !state.refusals.has(id)).length;
      if (added === 0 && action.refusals.size === state.refusals.size) return state;
      const toast =
        added > 0
          ? `${plural(added, 'decision')} made before the files were read will be refused by apply (✗ in the list; the detail says why)`
          : state.ui.toast;
      return { ...state, refusals: action.refusals, ui: { ...state.ui, ...(toast !== undefined ? { toast } : {}) } };
    }
    case 'forget':
      return {
        ...state,
        session: { decisions: new Map(), undo: [], redo: [] },
        refusals: new Map(),
        ui: { ...state.ui, prompt: undefined, toast: 'starting afresh' },
      };
    case 'applied':
      return { ...state, session: { decisions: new Map(), undo: [], redo: [] }, refusals: new Map(), ...(action.ledger ? { applied: action.ledger } : {}) };
    case 'ledger':
      return { ...state, applied: action.applied };
    case 'toast':
      return { ...state, ui: { ...state.ui, toast: action.text } };
    case 'report':
      return { ...state, ui: { ...state.ui, message: action.text, overlay: 'message', detailOffset: 0 } };
    case 'detailScroll':
      return { ...state, ui: { ...state.ui, detailOffset: Math.max(0, state.ui.detailOffset + action.by) } };
    case 'scrollEnd':
      if (action.pane === 'help') return state.ui.helpOffset > action.end ? { ...state, ui: { ...state.ui, helpOffset: Math.max(0, action.end) } } : state;
      return state.ui.detailOffset > action.end ? { ...state, ui: { ...state.ui, detailOffset: Math.max(0, action.end) } } : state;
    case 'helpScroll':
      return { ...state, ui: { ...state.ui, helpOffset: Math.max(0, state.ui.helpOffset + action.by) } };
    case 'helpFilter':
      return { ...state, ui: { ...state.ui, helpFilter: action.text, helpOffset: 0 } };
    case 'prompt':
      return { ...state, ui: { ...state.ui, prompt: action.prompt } };
  }
}
