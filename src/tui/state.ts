import type { Decision, Divergence } from '../model/types.js';
import type { Mode } from './keymap.js';

/** Decisions by divergence id: recorded, not applied; undo and redo are snapshots. */
export interface SessionState {
  decisions: Map<string, Decision>;
  undo: Array<Map<string, Decision>>;
  redo: Array<Map<string, Decision>>;
}

export const KIND_FILTERS = ['all', 'undecided', 'cross-env', 'contract-violation', 'missing', 'stale-declaration', 'live-drift', 'live-only', 'artifact'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];

export interface FormField {
  name: 'reason' | 'owner' | 'expires';
  label: string;
  value: string;
}

/** A question on screen: a form (declare), a choice (which value), or typed confirmation. */
export type Prompt =
  | { kind: 'form'; title: string; lines: string[]; fields: FormField[]; field: number; ids: string[]; error?: string }
  | { kind: 'choice'; title: string; options: Array<{ label: string; decisions: Decision[] }>; selected: number }
  | { kind: 'apply'; lines: string[]; mustType?: string; typed: string; error?: string }
  | { kind: 'live'; lines: string[]; mustType?: string; typed: string; error?: string }
  | { kind: 'quit'; lines: string[] }
  | { kind: 'resume'; lines: string[]; decisions: Decision[] };

export interface UiState {
  mode: Mode;
  /** The selected divergence (ids survive reloads and filters). */
  selected: string | undefined;
  /** First visible row of the list. */
  offset: number;
  filter: string;
  kindFilter: KindFilter;
  marks: Set<string>;
  /** Scroll of the detail pane (timeline). */
  detailOffset: number;
  fullTimeline: boolean;
  helpFilter: string;
  prompt?: Prompt;
  /** A one-line message in the footer until the next key. */
  toast?: string;
  /** What is loading, for the spinner ("history 120/480", "live: production"). */
  loading?: string;
}

export interface AppState {
  divergences: Divergence[];
  session: SessionState;
  ui: UiState;
}

export type Action =
  | { type: 'data'; divergences: Divergence[]; /** Put the cursor on the first divergence (the user has not moved yet). */ first?: boolean }
  | { type: 'loading'; text: string | undefined }
  | { type: 'move'; by: number; height: number }
  | { type: 'moveTo'; index: number; height: number }
  | { type: 'nextUndecided'; direction: 1 | -1; height: number }
  | { type: 'mode'; mode: Mode }
  | { type: 'filter'; text: string }
  | { type: 'kindFilter' }
  | { type: 'mark'; id: string }
  | { type: 'decide'; decisions: Array<Decision & { divergence: string }> }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'restore'; decisions: Decision[] }
  | { type: 'applied' }
  | { type: 'toast'; text: string | undefined }
  | { type: 'detailScroll'; by: number }
  | { type: 'timeline'; open: boolean }
  | { type: 'helpFilter'; text: string }
  | { type: 'prompt'; prompt: Prompt | undefined; mode?: Mode };

export function initialState(divergences: Divergence[]): AppState {
  return {
    divergences,
    session: { decisions: new Map(), undo: [], redo: [] },
    ui: { mode: 'list', selected: divergences[0]?.id, offset: 0, filter: '', kindFilter: 'all', marks: new Set(), detailOffset: 0, fullTimeline: false, helpFilter: '' },
  };
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

/** The divergences the list shows, in order. */
export function visibleDivergences(state: AppState): Divergence[] {
  const { filter, kindFilter } = state.ui;
  return state.divergences.filter((d) => {
    if (filter && !fuzzyMatch(d.key, filter)) return false;
    if (kindFilter === 'all') return true;
    if (kindFilter === 'undecided') return !state.session.decisions.has(d.id);
    return d.kind === kindFilter;
  });
}

export function selectedIndex(state: AppState, visible = visibleDivergences(state)): number {
  const i = visible.findIndex((d) => d.id === state.ui.selected);
  return i < 0 ? 0 : i;
}

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
  const visible = visibleDivergences(state);
  if (visible.length === 0) return { ...state, ui: { ...state.ui, selected: undefined, offset: 0 } };
  const i = Math.max(0, Math.min(visible.length - 1, index));
  return { ...state, ui: { ...state.ui, selected: visible[i]!.id, offset: clampOffset(state.ui.offset, i, height, visible.length), detailOffset: 0 } };
}

/** After the list changed under the cursor (filter, reload): stay on the same divergence if it is
 * still shown, else on the first one. */
function reselect(state: AppState): AppState {
  const visible = visibleDivergences(state);
  const keep = visible.some((d) => d.id === state.ui.selected);
  return { ...state, ui: { ...state.ui, selected: keep ? state.ui.selected : visible[0]?.id, offset: keep ? state.ui.offset : 0 } };
}

function withDecisions(state: AppState, decisions: Map<string, Decision>): AppState {
  const session = { decisions, undo: [...state.session.undo, state.session.decisions].slice(-200), redo: [] };
  return { ...state, session };
}

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'data': {
      const next = reselect({ ...state, divergences: action.divergences });
      return action.first ? { ...next, ui: { ...next.ui, selected: visibleDivergences(next)[0]?.id, offset: 0 } } : next;
    }
    case 'loading':
      return { ...state, ui: { ...state.ui, loading: action.text } };
    case 'move':
      return select(state, selectedIndex(state) + action.by, action.height);
    case 'moveTo':
      return select(state, action.index, action.height);
    case 'nextUndecided': {
      const visible = visibleDivergences(state);
      const from = selectedIndex(state, visible);
      for (let step = 1; step <= visible.length; step++) {
        const i = (from + action.direction * step + visible.length) % visible.length;
        if (!state.session.decisions.has(visible[i]!.id)) return select(state, i, action.height);
      }
      return { ...state, ui: { ...state.ui, toast: 'every divergence shown has a decision' } };
    }
    case 'mode':
      return { ...state, ui: { ...state.ui, mode: action.mode, ...(action.mode === 'help' ? { helpFilter: '' } : {}) } };
    case 'filter':
      return reselect({ ...state, ui: { ...state.ui, filter: action.text } });
    case 'kindFilter': {
      const next = KIND_FILTERS[(KIND_FILTERS.indexOf(state.ui.kindFilter) + 1) % KIND_FILTERS.length]!;
      return reselect({ ...state, ui: { ...state.ui, kindFilter: next, toast: `showing: ${next}` } });
    }
    case 'mark': {
      const marks = new Set(state.ui.marks);
      if (marks.has(action.id)) marks.delete(action.id);
      else marks.add(action.id);
      return { ...state, ui: { ...state.ui, marks } };
    }
    case 'decide': {
      const decisions = new Map(state.session.decisions);
      for (const d of action.decisions) decisions.set(d.divergence, d);
      const next = withDecisions(state, decisions);
      return { ...next, ui: { ...next.ui, marks: new Set(), toast: `${action.decisions.length === 1 ? action.decisions[0]!.action : `${action.decisions[0]!.action} × ${action.decisions.length}`} recorded (u undoes)` } };
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
      const ids = new Set(state.divergences.map((d) => d.id));
      const decisions = new Map(action.decisions.filter((d) => d.divergence && ids.has(d.divergence)).map((d) => [d.divergence!, d]));
      return { ...state, session: { decisions, undo: [], redo: [] }, ui: { ...state.ui, toast: `resumed ${decisions.size} decision${decisions.size === 1 ? '' : 's'}` } };
    }
    case 'applied':
      return { ...state, session: { decisions: new Map(), undo: [], redo: [] } };
    case 'toast':
      return { ...state, ui: { ...state.ui, toast: action.text } };
    case 'detailScroll':
      return { ...state, ui: { ...state.ui, detailOffset: Math.max(0, state.ui.detailOffset + action.by) } };
    case 'timeline':
      return { ...state, ui: { ...state.ui, fullTimeline: action.open, detailOffset: 0, mode: action.open ? 'detail' : 'list' } };
    case 'helpFilter':
      return { ...state, ui: { ...state.ui, helpFilter: action.text } };
    case 'prompt':
      return { ...state, ui: { ...state.ui, prompt: action.prompt, mode: action.mode ?? (action.prompt ? state.ui.mode : 'list') } };
  }
}
