import type { Store } from './store.js';
import { canDeclare, cannotMove } from './decide.js';
import { modeOf, selectedDivergence, selectedItem, targets, type Action, type AppState, type Mode } from './state.js';

/** Every key the view answers, as data (as lazygit declares its bindings): this one table drives
 * the input in every mode, the footer, the `?` help and the README's key table. A key that is
 * not here does nothing. */

/** What a handler can ask of the running view: the store, and the effects (apply, editor, ...)
 * that the controller carries out. */
export interface Controller {
  store: Store<AppState, Action>;
  /** Rows of the list window and of the detail body, as laid out now. */
  listHeight(): number;
  bodyHeight(): number;
  decide(kind: 'revert' | 'backfill' | 'declare' | 'skip'): void;
  choose(index?: number): void;
  /** Keeps the layout discovery took, for this run only (nothing is written). */
  keepLayout(): void;
  submitForm(): void;
  startApply(): void;
  /** The typed confirmation (apply, a live write, a risky decision) was submitted or cancelled. */
  confirm(yes: boolean): void;
  resume(yes: boolean): void;
  reload(): void;
  edit(): void;
  copy(): void;
  quit(): void;
  exit(): void;
}

/** A key as the table names it (`j`, `down`, `ctrl+r`, `return`, ...), and the text it typed. */
export interface KeyPress {
  name: string;
  text: string;
}

export interface Command {
  id: string;
  /** Key names; `text` is any printable character typed into a field, `1-9` a digit. */
  keys: string[];
  modes: Mode[];
  /** How the footer and the help show the keys. */
  label: string;
  description: string;
  /** The footer's word for it; commands without one are only in the help. */
  short?: string;
  /** The footer's word where the same key does something else (j/k scroll a pane, not the list). */
  shortIn?: Partial<Record<Mode, string>>;
  /** Which footer hints go first when the width runs out: lower stays longer; 0 always stays. */
  priority?: number;
  run(c: Controller, key: KeyPress): void;
  /** Why the command cannot run now (shown instead of running it, and in the help). */
  disabled?(state: AppState): string | undefined;
}

const NAV: Mode[] = ['list', 'detail', 'timeline'];
const PANES: Mode[] = ['list', 'detail'];
const CONFIRMS: Mode[] = ['apply', 'live', 'risk'];

const act = (c: Controller, action: Action) => c.store.dispatch(action);
const state = (c: Controller) => c.store.getState();
/** j/k and friends move the list, or scroll the pane that has focus. */
const scrolls = (c: Controller) => modeOf(state(c)) !== 'list';

/** The releases come from live state: none configured, or not read yet. */
const releasesUnavailable = (s: AppState) =>
  s.live?.size ? undefined : Object.keys(s.loading.live).length === 0 ? 'no environment has a live source in undrift.yaml' : 'live state is still loading';
const nothingSelected = (s: AppState) => (targets(s).length === 0 ? 'nothing selected' : undefined);
/** A decision none of the chosen divergences can take is left out of the footer (the help says
 * why): offering `d declare` on a row the contract cannot declare only earns a refusal. */
const noneCan = (kind: 'revert' | 'backfill', s: AppState) => {
  const chosen = targets(s);
  if (chosen.length === 0) return 'nothing selected';
  // One that can is enough (a pattern's row holds hundreds of keys): the reasons only where none can.
  if (chosen.some((d) => cannotMove(kind, d, s.envs) === undefined)) return undefined;
  const why = chosen.map((d) => cannotMove(kind, d, s.envs));
  return why.every((w) => w === why[0]) ? why[0] : `no value to ${kind} with`;
};
const cannotDeclare = (s: AppState) => nothingSelected(s) ?? targets(s).map(canDeclare).find(Boolean);
const SPECIAL_NAMES = new Set(['up', 'down', 'left', 'right', 'tab', 'shift+tab', 'return', 'escape', 'backspace', 'pageUp', 'pageDown', 'home', 'end']);

/** A text field's value after a key: typed characters are added, backspace takes one away. */
export function edited(text: string, key: KeyPress): string {
  if (key.name === 'backspace') return [...text].slice(0, -1).join('');
  if (SPECIAL_NAMES.has(key.name) || key.name.startsWith('ctrl+')) return text;
  return text + [...key.text].filter((ch) => ch >= ' ' && ch !== '\u007f').join('');
}

function typeIntoPrompt(c: Controller, key: KeyPress) {
  const prompt = state(c).ui.prompt;
  if (!prompt) return;
  if (prompt.kind === 'form') {
    const fields = prompt.fields.map((f, i) => (i === prompt.field ? { ...f, value: edited(f.value, key) } : f));
    const { error: _error, ...rest } = prompt;
    return act(c, { type: 'prompt', prompt: { ...rest, fields } });
  }
  if (prompt.kind === 'apply' || prompt.kind === 'live' || prompt.kind === 'risk')
    act(c, { type: 'prompt', prompt: { ...prompt, typed: edited(prompt.typed, key) } });
}

const nextField = (c: Controller, by: 1 | -1) => {
  const prompt = state(c).ui.prompt;
  if (prompt?.kind === 'form') act(c, { type: 'prompt', prompt: { ...prompt, field: (prompt.field + by + prompt.fields.length) % prompt.fields.length } });
};

const choiceMove = (c: Controller, by: 1 | -1) => {
  const prompt = state(c).ui.prompt;
  if (prompt?.kind === 'choice' || prompt?.kind === 'layout')
    act(c, { type: 'prompt', prompt: { ...prompt, selected: Math.max(0, Math.min(prompt.options.length - 1, prompt.selected + by)) } });
};

export const COMMANDS: Command[] = [
  // Moving.
  {
    id: 'move.down',
    keys: ['j', 'down'],
    modes: NAV,
    label: 'j/↓',
    short: 'move',
    shortIn: { detail: 'scroll', timeline: 'scroll' },
    priority: 3,
    description: 'next divergence; in the detail pane or the timeline: scroll',
    run: (c) => act(c, scrolls(c) ? { type: 'detailScroll', by: 1 } : { type: 'move', by: 1, height: c.listHeight() }),
  },
  {
    id: 'move.up',
    keys: ['k', 'up'],
    modes: NAV,
    label: 'k/↑',
    description: 'previous divergence; in the detail pane or the timeline: scroll',
    run: (c) => act(c, scrolls(c) ? { type: 'detailScroll', by: -1 } : { type: 'move', by: -1, height: c.listHeight() }),
  },
  {
    id: 'move.top',
    keys: ['g', 'home'],
    modes: NAV,
    label: 'g',
    description: 'first divergence (top of the pane)',
    run: (c) => act(c, scrolls(c) ? { type: 'detailScroll', by: -1e9 } : { type: 'moveTo', index: 0, height: c.listHeight() }),
  },
  {
    id: 'move.bottom',
    keys: ['G', 'end'],
    modes: NAV,
    label: 'G',
    description: 'last divergence (end of the pane)',
    run: (c) => act(c, scrolls(c) ? { type: 'detailScroll', by: 1e9 } : { type: 'moveTo', index: Number.MAX_SAFE_INTEGER, height: c.listHeight() }),
  },
  {
    id: 'move.halfDown',
    keys: ['ctrl+d'],
    modes: NAV,
    label: 'ctrl-d',
    description: 'half a page down',
    run: (c) =>
      act(
        c,
        scrolls(c)
          ? { type: 'detailScroll', by: Math.max(1, Math.floor(c.bodyHeight() / 2)) }
          : { type: 'move', by: Math.max(1, Math.floor(c.listHeight() / 2)), height: c.listHeight() },
      ),
  },
  {
    id: 'move.halfUp',
    keys: ['ctrl+u'],
    modes: NAV,
    label: 'ctrl-u',
    description: 'half a page up',
    run: (c) =>
      act(
        c,
        scrolls(c)
          ? { type: 'detailScroll', by: -Math.max(1, Math.floor(c.bodyHeight() / 2)) }
          : { type: 'move', by: -Math.max(1, Math.floor(c.listHeight() / 2)), height: c.listHeight() },
      ),
  },
  {
    id: 'move.pageDown',
    keys: ['pageDown'],
    modes: NAV,
    label: 'PgDn',
    description: 'a page down',
    run: (c) => act(c, scrolls(c) ? { type: 'detailScroll', by: c.bodyHeight() } : { type: 'move', by: c.listHeight(), height: c.listHeight() }),
  },
  {
    id: 'move.pageUp',
    keys: ['pageUp'],
    modes: NAV,
    label: 'PgUp',
    description: 'a page up',
    run: (c) => act(c, scrolls(c) ? { type: 'detailScroll', by: -c.bodyHeight() } : { type: 'move', by: -c.listHeight(), height: c.listHeight() }),
  },
  {
    id: 'undecided.next',
    keys: ['n'],
    modes: NAV,
    label: 'n',
    short: 'next undecided',
    priority: 6,
    description: 'next undecided divergence',
    run: (c) => act(c, { type: 'nextUndecided', direction: 1, height: c.listHeight() }),
  },
  {
    id: 'undecided.prev',
    keys: ['N'],
    modes: NAV,
    label: 'N',
    description: 'previous undecided divergence',
    run: (c) => act(c, { type: 'nextUndecided', direction: -1, height: c.listHeight() }),
  },

  // Panes and views.
  {
    id: 'pane.switch',
    keys: ['tab'],
    modes: PANES,
    label: 'tab',
    short: 'pane',
    priority: 5,
    description: 'switch between the list and the detail pane (j/k then scroll the detail)',
    run: (c) => act(c, { type: 'focus', focus: state(c).ui.focus === 'list' ? 'detail' : 'list' }),
  },
  {
    id: 'timeline.open',
    keys: ['return'],
    modes: PANES,
    label: 'enter',
    short: 'timeline',
    priority: 4,
    description: 'open the full timeline of the selected key',
    disabled: (s) =>
      selectedItem(s)?.type === 'group'
        ? "a pattern's keys each have their own timeline: → opens the group"
        : selectedDivergence(s)
          ? undefined
          : 'nothing selected',
    run: (c) => act(c, { type: 'timeline', open: true }),
  },
  {
    id: 'timeline.close',
    keys: ['escape'],
    modes: ['timeline'],
    label: 'esc',
    short: 'back',
    priority: 1,
    description: 'back to the pane it was opened from',
    run: (c) => act(c, { type: 'timeline', open: false }),
  },
  {
    id: 'detail.back',
    keys: ['escape'],
    modes: ['detail'],
    label: 'esc',
    short: 'back',
    priority: 1,
    description: 'back to the list',
    run: (c) => act(c, { type: 'focus', focus: 'list' }),
  },
  {
    id: 'filters.clear',
    keys: ['escape'],
    modes: ['list'],
    label: 'esc',
    short: 'clear filters',
    priority: 2,
    description: 'clear every filter (the key filter and the kind filter)',
    disabled: (s) => (s.ui.filter || s.ui.kindFilter !== 'all' ? undefined : 'no filter is set'),
    run: (c) => act(c, { type: 'clearFilters', height: c.listHeight() }),
  },

  // Filtering.
  {
    id: 'filter.start',
    keys: ['/'],
    modes: NAV,
    label: '/',
    short: 'filter',
    priority: 3,
    description: 'filter keys, fuzzy (pgtmo finds PAYMENT_GATEWAY_TIMEOUT_MS)',
    run: (c) => (act(c, { type: 'timeline', open: false }), act(c, { type: 'focus', focus: 'list' }), act(c, { type: 'filtering', on: true })),
  },
  {
    id: 'filter.kind',
    keys: ['f'],
    modes: NAV,
    label: 'f',
    short: 'kind',
    priority: 7,
    description: 'cycle the kind filter: all, undecided, then each kind present',
    run: (c) => act(c, { type: 'kindFilter', height: c.listHeight() }),
  },
  {
    id: 'filter.type',
    keys: ['text', 'backspace'],
    modes: ['filter'],
    label: 'type',
    description: 'the filter narrows the list as you type',
    run: (c, key) => act(c, { type: 'filter', text: edited(state(c).ui.filter, key), height: c.listHeight() }),
  },
  {
    id: 'filter.keep',
    keys: ['return'],
    modes: ['filter'],
    label: 'enter',
    short: 'keep filter',
    priority: 0,
    description: 'keep the filter and go back to the list',
    run: (c) => act(c, { type: 'filtering', on: false }),
  },
  {
    id: 'filter.cancel',
    keys: ['escape'],
    modes: ['filter'],
    label: 'esc',
    short: 'clear filters',
    priority: 0,
    description: 'clear every filter and go back to the list',
    run: (c) => (act(c, { type: 'clearFilters', height: c.listHeight() }), act(c, { type: 'filtering', on: false })),
  },

  // Deciding.
  {
    id: 'decide.revert',
    keys: ['r'],
    modes: NAV,
    label: 'r',
    short: 'revert',
    priority: 2,
    description: 'decide: revert the drifted side to the source of truth (a choice when it can mean two things; for live drift, the live object)',
    disabled: (s) => noneCan('revert', s),
    run: (c) => c.decide('revert'),
  },
  {
    id: 'decide.backfill',
    keys: ['b'],
    modes: NAV,
    label: 'b',
    short: 'backfill',
    priority: 2,
    description:
      "decide: backfill the value that proved right into the drifted environment's file (or every one's); for live drift, the live value into the file",
    disabled: (s) => noneCan('backfill', s),
    run: (c) => c.decide('backfill'),
  },
  {
    id: 'decide.declare',
    keys: ['d'],
    modes: NAV,
    label: 'd',
    short: 'declare',
    priority: 2,
    description: 'decide: declare the difference intended (reason required, owner, expiry); on a declaration no longer needed: undeclare (remove it)',
    disabled: cannotDeclare,
    run: (c) => c.decide('declare'),
  },
  {
    id: 'decide.skip',
    keys: ['s'],
    modes: NAV,
    label: 's',
    short: 'skip',
    priority: 3,
    description: 'decide: skip (looked at, left as it is)',
    disabled: nothingSelected,
    run: (c) => c.decide('skip'),
  },
  {
    id: 'mark.toggle',
    keys: [' '],
    modes: ['list'],
    label: 'space',
    short: 'mark',
    priority: 8,
    description: "mark (on a pattern's row: every key of it); r/b/d/s then decide every mark at once",
    disabled: (s) => (selectedItem(s) ? undefined : 'nothing selected'),
    run: (c) => act(c, { type: 'mark', ids: targetsOfRow(state(c)) }),
  },
  {
    id: 'group.open',
    keys: ['right', 'l'],
    modes: ['list'],
    label: '→/l',
    short: 'open',
    priority: 6,
    description: "open a pattern's row (≋): its keys are listed below it; r/b/d/s on the row decide every key of it",
    disabled: (s) => (selectedItem(s)?.type === 'group' ? (selectedGroupOpen(s) ? 'the group is open' : undefined) : 'not a pattern row (≋)'),
    run: (c) => {
      const item = selectedItem(state(c));
      if (item?.type === 'group') act(c, { type: 'group', glob: item.pattern.glob, open: true, height: c.listHeight() });
    },
  },
  {
    id: 'group.close',
    keys: ['left', 'h'],
    modes: ['list'],
    label: '←/h',
    description: "close the pattern's row the cursor is in (or on)",
    disabled: (s) => (openGroupOf(s) ? undefined : 'not in an open pattern row (≋)'),
    run: (c) => {
      const glob = openGroupOf(state(c));
      if (glob) act(c, { type: 'group', glob, open: false, height: c.listHeight() });
    },
  },
  {
    id: 'undo',
    keys: ['u'],
    modes: NAV,
    label: 'u',
    short: 'undo',
    priority: 4,
    description: 'undo the last decision',
    disabled: (s) => (s.session.undo.length ? undefined : 'nothing to undo'),
    run: (c) => act(c, { type: 'undo' }),
  },
  {
    id: 'redo',
    keys: ['ctrl+r'],
    modes: NAV,
    label: 'ctrl-r',
    description: 'redo',
    disabled: (s) => (s.session.redo.length ? undefined : 'nothing to redo'),
    run: (c) => act(c, { type: 'redo' }),
  },
  {
    id: 'apply',
    keys: ['A'],
    modes: NAV,
    label: 'A',
    short: 'apply',
    priority: 1,
    description: 'apply the decisions: a summary first, default No; the last promotion stage (production) needs its name typed',
    // Skips alone are applied too: apply records them in the ledger (as `undrift apply` does), so the
    // keys a team looked at and left stay decided for the next session and for `undrift log`.
    disabled: (s) => (s.session.decisions.size > 0 ? undefined : 'nothing to apply: decide with r, b, d or s first'),
    run: (c) => c.startApply(),
  },

  // Elsewhere.
  {
    id: 'edit',
    keys: ['e'],
    modes: NAV,
    label: 'e',
    short: 'edit',
    priority: 9,
    description: "open the drifted environment's file at the key's line in $VISUAL/$EDITOR, then read everything again",
    disabled: (s) => editDisabled(s),
    run: (c) => c.edit(),
  },
  {
    id: 'copy',
    keys: ['y'],
    modes: NAV,
    label: 'y',
    description: "copy the key (a pattern row: its glob) to the terminal's clipboard (OSC 52)",
    disabled: (s) => (selectedItem(s) ? undefined : 'nothing selected'),
    run: (c) => c.copy(),
  },
  { id: 'reload', keys: ['R'], modes: NAV, label: 'R', description: 'read repo, history and live state again', run: (c) => c.reload() },
  {
    id: 'message.open',
    keys: ['m'],
    modes: NAV,
    label: 'm',
    short: 'message',
    priority: 5,
    description: 'open the last message in full (wrapped, scrollable)',
    disabled: (s) => (s.ui.message ? undefined : 'no message yet'),
    run: (c) => act(c, { type: 'overlay', overlay: 'message' }),
  },
  {
    id: 'releases.open',
    keys: ['v'],
    modes: NAV,
    label: 'v',
    short: 'releases',
    priority: 7,
    description: 'what each environment runs, as undrift releases says it: per workload the tag and digest, builds that skipped an environment, tags rebuilt',
    disabled: releasesUnavailable,
    run: (c) => act(c, { type: 'overlay', overlay: 'releases' }),
  },
  {
    id: 'help',
    keys: ['?'],
    modes: NAV,
    label: '?',
    short: 'help',
    priority: 0,
    description: 'the keys of every mode, from this table; type to filter',
    run: (c) => act(c, { type: 'overlay', overlay: 'help' }),
  },
  {
    id: 'quit',
    keys: ['q'],
    modes: NAV,
    label: 'q',
    short: 'quit',
    priority: 0,
    description: 'quit; asks first when decisions are not applied (they are saved either way)',
    run: (c) => c.quit(),
  },

  // The help and an opened message.
  {
    id: 'help.filter',
    keys: ['text', 'backspace'],
    modes: ['help'],
    label: 'type',
    description: 'filter the keys',
    run: (c, key) => act(c, { type: 'helpFilter', text: edited(state(c).ui.helpFilter, key) }),
  },
  {
    // Letters filter, so the help scrolls with the keys that type nothing.
    id: 'help.scroll',
    keys: ['down', 'up', 'pageDown', 'pageUp'],
    modes: ['help'],
    label: '↑/↓',
    short: 'scroll',
    priority: 1,
    description: 'scroll the keys (PgDn/PgUp: a page)',
    run: (c, key) => {
      const page = Math.max(1, c.bodyHeight() - 1);
      const by = { down: 1, up: -1, pageDown: page, pageUp: -page }[key.name] ?? 0;
      act(c, { type: 'helpScroll', by });
    },
  },
  {
    id: 'help.close',
    keys: ['escape', '?'],
    modes: ['help'],
    label: 'esc',
    short: 'close',
    priority: 0,
    description: 'close the help',
    run: (c) => act(c, { type: 'overlay', overlay: undefined }),
  },
  {
    id: 'message.scroll',
    keys: ['j', 'down', 'k', 'up'],
    modes: ['message'],
    label: 'j/k',
    short: 'scroll',
    priority: 1,
    description: 'scroll the message',
    run: (c, key) => act(c, { type: 'detailScroll', by: key.name === 'j' || key.name === 'down' ? 1 : -1 }),
  },
  {
    id: 'message.close',
    keys: ['escape', 'return', 'm', 'q'],
    modes: ['message'],
    label: 'esc',
    short: 'close',
    priority: 0,
    description: 'close the message',
    run: (c) => act(c, { type: 'overlay', overlay: undefined }),
  },

  {
    id: 'releases.scroll',
    keys: ['j', 'down', 'k', 'up'],
    modes: ['releases'],
    label: 'j/k',
    short: 'scroll',
    priority: 1,
    description: 'scroll the releases',
    run: (c, key) => act(c, { type: 'detailScroll', by: key.name === 'j' || key.name === 'down' ? 1 : -1 }),
  },
  {
    id: 'releases.close',
    keys: ['escape', 'v', 'q'],
    modes: ['releases'],
    label: 'esc',
    short: 'close',
    priority: 0,
    description: 'close the releases',
    run: (c) => act(c, { type: 'overlay', overlay: undefined }),
  },

  // The declare form.
  { id: 'form.type', keys: ['text', 'backspace'], modes: ['form'], label: 'type', description: 'fill in the field', run: typeIntoPrompt },
  {
    id: 'form.next',
    keys: ['tab', 'down'],
    modes: ['form'],
    label: 'tab/↓',
    short: 'next field',
    priority: 1,
    description: 'next field',
    run: (c) => nextField(c, 1),
  },
  { id: 'form.prev', keys: ['shift+tab', 'up'], modes: ['form'], label: 'shift-tab/↑', description: 'previous field', run: (c) => nextField(c, -1) },
  {
    id: 'form.submit',
    keys: ['return'],
    modes: ['form'],
    label: 'enter',
    short: 'record the decision',
    priority: 0,
    description: 'record the decision (a reason is required; expires is a date)',
    run: (c) => c.submitForm(),
  },
  {
    id: 'form.cancel',
    keys: ['escape'],
    modes: ['form'],
    label: 'esc',
    short: 'cancel',
    priority: 0,
    description: 'cancel',
    run: (c) => act(c, { type: 'prompt', prompt: undefined }),
  },

  // A choice between meanings (revert to which value, backfill where), or between the layouts
  // discovery found (at start, without undrift.yaml: the one chosen is written to it).
  {
    id: 'choice.pick',
    keys: ['1-9'],
    modes: ['choice', 'layout'],
    label: '1-9',
    short: 'choose',
    priority: 0,
    description: 'choose that option',
    run: (c, key) => c.choose(Number(key.text) - 1),
  },
  {
    id: 'choice.down',
    keys: ['j', 'down'],
    modes: ['choice', 'layout'],
    label: 'j/k',
    short: 'move',
    priority: 2,
    description: 'move between the options',
    run: (c) => choiceMove(c, 1),
  },
  { id: 'choice.up', keys: ['k', 'up'], modes: ['choice', 'layout'], label: 'k', description: 'previous option', run: (c) => choiceMove(c, -1) },
  {
    id: 'choice.enter',
    keys: ['return'],
    modes: ['choice', 'layout'],
    label: 'enter',
    short: 'choose',
    priority: 1,
    description: 'choose the highlighted option',
    run: (c) => c.choose(),
  },
  {
    id: 'choice.cancel',
    keys: ['escape'],
    modes: ['choice'],
    label: 'esc',
    short: 'cancel',
    priority: 0,
    description: 'cancel',
    run: (c) => act(c, { type: 'prompt', prompt: undefined }),
  },
  {
    id: 'layout.keep',
    keys: ['escape'],
    modes: ['layout'],
    label: 'esc',
    short: 'keep the layout taken',
    priority: 0,
    description: 'keep the layout discovery took, for this run only (undrift.yaml is not written; asked again next time)',
    run: (c) => c.keepLayout(),
  },

  // Typed confirmations: apply, a live write, a risky decision. The default is No.
  {
    id: 'confirm.type',
    keys: ['text', 'backspace'],
    modes: CONFIRMS,
    label: 'type',
    description: 'type the answer (y, or the environment name where asked)',
    run: typeIntoPrompt,
  },
  {
    id: 'confirm.submit',
    keys: ['return'],
    modes: CONFIRMS,
    label: 'enter',
    short: 'confirm (what was typed)',
    priority: 0,
    description: 'confirm when the answer typed is the one asked for; anything else cancels',
    run: (c) => c.confirm(true),
  },
  {
    id: 'confirm.cancel',
    keys: ['escape'],
    modes: CONFIRMS,
    label: 'esc',
    short: 'cancel',
    priority: 0,
    description: 'cancel (nothing is written)',
    run: (c) => c.confirm(false),
  },

  // Quit and resume.
  {
    id: 'quit.yes',
    keys: ['y'],
    modes: ['quit'],
    label: 'y',
    short: 'quit',
    priority: 0,
    description: 'quit (the decisions stay saved)',
    run: (c) => c.exit(),
  },
  {
    id: 'quit.no',
    keys: ['n', 'escape', 'return', 'q'],
    modes: ['quit'],
    label: 'n/esc',
    short: 'stay',
    priority: 0,
    description: 'stay',
    run: (c) => act(c, { type: 'prompt', prompt: undefined }),
  },
  {
    id: 'resume.yes',
    keys: ['y', 'return', 'escape'],
    modes: ['resume'],
    label: 'y/enter',
    short: 'resume',
    priority: 0,
    description: 'resume the saved decisions',
    run: (c) => c.resume(true),
  },
  {
    id: 'resume.no',
    keys: ['n'],
    modes: ['resume'],
    label: 'n',
    short: 'start afresh',
    priority: 0,
    description: 'start afresh: the saved decisions are dropped',
    run: (c) => c.resume(false),
  },
];

/** The divergences of the selected row: a group's every one shown. */
function targetsOfRow(s: AppState): string[] {
  const item = selectedItem(s);
  if (!item) return [];
  return item.type === 'group' ? item.members.map((d) => d.id) : [item.id];
}

const selectedGroupOpen = (s: AppState) => {
  const item = selectedItem(s);
  return item?.type === 'group' && item.open;
};

/** The open group the cursor is on or in. */
function openGroupOf(s: AppState): string | undefined {
  const item = selectedItem(s);
  if (item?.type === 'group') return item.open ? item.pattern.glob : undefined;
  return item?.group;
}

function editDisabled(s: AppState): string | undefined {
  if (selectedItem(s)?.type === 'group') return "a pattern's keys are in several places: → opens the group, e then edits one key";
  const d = selectedDivergence(s);
  if (!d) return 'nothing selected';
  if (d.kind === 'live-only') return `${d.key} is live only: no file declares it (b backfills it into one)`;
  if (!Object.values(d.values).some((v) => v.at)) return `${d.key} has no file location`;
  return undefined;
}

/** The command a key runs in a mode (the first that matches: specific keys before `text`). */
export function commandFor(mode: Mode, key: KeyPress): Command | undefined {
  const inMode = COMMANDS.filter((c) => c.modes.includes(mode));
  return (
    inMode.find((c) => c.keys.includes(key.name)) ??
    inMode.find((c) => c.keys.includes('1-9') && /^[1-9]$/.test(key.text)) ??
    inMode.find((c) => c.keys.includes('text') && isText(key))
  );
}

function isText(key: KeyPress): boolean {
  return key.text.length > 0 && !SPECIAL_NAMES.has(key.name) && !key.name.startsWith('ctrl+') && [...key.text].every((ch) => ch >= ' ' && ch !== '\u007f');
}

/** Runs the key in the current mode; a disabled command says why instead. */
export function handleKey(c: Controller, key: KeyPress): void {
  const s = c.store.getState();
  const mode = modeOf(s);
  if (s.ui.toast && mode !== 'busy') c.store.dispatch({ type: 'toast', text: undefined });
  const command = commandFor(mode, key);
  if (!command) return;
  const reason = command.disabled?.(c.store.getState());
  if (reason) return c.store.dispatch({ type: 'toast', text: reason });
  command.run(c, key);
}

/** The footer's hints for a mode, most important first. */
export function footerCommands(mode: Mode): Command[] {
  return COMMANDS.filter((c) => c.short && c.priority !== undefined && c.modes.includes(mode));
}

export const MODE_TITLES: Record<Mode, string> = {
  list: 'the list',
  detail: 'the detail pane (tab)',
  timeline: 'the timeline (enter)',
  filter: 'typing a filter (/)',
  help: 'this help (?)',
  message: 'an opened message (m)',
  releases: 'the releases (v)',
  busy: 'while apply runs',
  form: 'the declare form (d)',
  choice: 'a choice (r, b)',
  layout: 'the layout choice (at start, without undrift.yaml)',
  apply: 'the apply summary (A)',
  live: 'a live write',
  risk: 'a risky decision',
  quit: 'quit (q)',
  resume: 'resume (at start)',
};

/** The README's key table, written from the command table (a test keeps them equal). */
export function keyTableMarkdown(): string {
  const rows = ['| keys | where | what they do |', '| --- | --- | --- |'];
  for (const c of COMMANDS) {
    const where = sameModes(c.modes, NAV) ? 'list, detail, timeline' : c.modes.join(', ');
    rows.push(`| \`${c.label}\` | ${where} | ${c.description.replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n');
}

const sameModes = (a: Mode[], b: Mode[]) => a.length === b.length && a.every((m) => b.includes(m));
