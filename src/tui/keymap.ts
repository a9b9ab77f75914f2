/** One table of keys drives input dispatch, the footer hints and the `?` help (as lazygit
 * declares its bindings as data). */
export type Mode = 'list' | 'detail' | 'filter' | 'help' | 'form' | 'choice' | 'apply' | 'live' | 'quit' | 'resume' | 'busy';

export type CommandId =
  | 'move.down'
  | 'move.up'
  | 'move.top'
  | 'move.bottom'
  | 'move.halfDown'
  | 'move.halfUp'
  | 'move.pageDown'
  | 'move.pageUp'
  | 'pane.switch'
  | 'timeline.open'
  | 'back'
  | 'filter.start'
  | 'filter.kind'
  | 'undecided.next'
  | 'undecided.prev'
  | 'decide.revert'
  | 'decide.backfill'
  | 'decide.declare'
  | 'decide.skip'
  | 'mark.toggle'
  | 'undo'
  | 'redo'
  | 'edit'
  | 'copy'
  | 'reload'
  | 'apply'
  | 'help'
  | 'quit';

export interface Binding {
  id: CommandId;
  /** Key names: a printable character, or `down`, `up`, `pageDown`, `pageUp`, `home`, `end`,
   * `tab`, `return`, `escape`, `ctrl+d`, ... */
  keys: string[];
  /** How the footer and help show the keys. */
  label: string;
  description: string;
  modes: Mode[];
  /** Shown in the footer of these modes (the rest is in `?`), as `label short`. */
  hint?: Mode[];
  short?: string;
}

const NAV: Mode[] = ['list', 'detail'];

export const KEYMAP: Binding[] = [
  { id: 'move.down', short: 'move', keys: ['j', 'down'], label: 'j/↓', description: 'next divergence (in the timeline: scroll)', modes: NAV, hint: ['list'] },
  { id: 'move.up', keys: ['k', 'up'], label: 'k/↑', description: 'previous divergence (in the timeline: scroll)', modes: NAV },
  { id: 'move.top', keys: ['g', 'home'], label: 'g', description: 'first divergence', modes: NAV },
  { id: 'move.bottom', keys: ['G', 'end'], label: 'G', description: 'last divergence', modes: NAV },
  { id: 'move.halfDown', keys: ['ctrl+d'], label: 'ctrl-d', description: 'half a page down', modes: NAV },
  { id: 'move.halfUp', keys: ['ctrl+u'], label: 'ctrl-u', description: 'half a page up', modes: NAV },
  { id: 'move.pageDown', keys: ['pageDown'], label: 'PgDn', description: 'a page down', modes: NAV },
  { id: 'move.pageUp', keys: ['pageUp'], label: 'PgUp', description: 'a page up', modes: NAV },
  { id: 'pane.switch', short: 'pane', keys: ['tab'], label: 'tab', description: 'switch between the list and the detail pane', modes: NAV, hint: ['detail'] },
  { id: 'timeline.open', short: 'timeline', keys: ['return'], label: 'enter', description: 'open the full timeline of the key', modes: ['list'], hint: ['list'] },
  { id: 'back', short: 'back', keys: ['escape'], label: 'esc', description: 'back: close the timeline, clear the filter', modes: ['detail', 'list'], hint: ['detail'] },
  { id: 'filter.start', short: 'filter', keys: ['/'], label: '/', description: 'filter keys (fuzzy); enter keeps it, esc clears it', modes: NAV, hint: ['list'] },
  { id: 'filter.kind', keys: ['f'], label: 'f', description: 'cycle the kind filter: all, each kind, undecided', modes: NAV },
  { id: 'undecided.next', short: 'undecided', keys: ['n'], label: 'n/N', description: 'next undecided divergence (N: previous)', modes: NAV, hint: ['list'] },
  { id: 'undecided.prev', keys: ['N'], label: 'N', description: 'previous undecided divergence', modes: NAV },
  { id: 'decide.revert', short: 'revert', keys: ['r'], label: 'r', description: 'decide: revert the drifted side to the source of truth', modes: NAV, hint: ['list', 'detail'] },
  { id: 'decide.backfill', short: 'backfill', keys: ['b'], label: 'b', description: 'decide: backfill the value that proved right into the repo', modes: NAV, hint: ['list', 'detail'] },
  { id: 'decide.declare', short: 'declare', keys: ['d'], label: 'd', description: 'decide: declare the difference intended (reason, owner, expiry)', modes: NAV, hint: ['list', 'detail'] },
  { id: 'decide.skip', short: 'skip', keys: ['s'], label: 's', description: 'decide: skip, leave it as it is', modes: NAV, hint: ['list'] },
  { id: 'mark.toggle', keys: [' '], label: 'space', description: 'mark for a bulk decision (r/b/d/s then apply to every mark)', modes: ['list'] },
  { id: 'undo', short: 'undo', keys: ['u'], label: 'u', description: 'undo the last decision', modes: NAV, hint: ['list'] },
  { id: 'redo', keys: ['ctrl+r'], label: 'ctrl-r', description: 'redo', modes: NAV },
  { id: 'edit', keys: ['e'], label: 'e', description: 'open the file at the line in $EDITOR', modes: NAV },
  { id: 'copy', keys: ['y'], label: 'y', description: 'copy the key (terminal clipboard, OSC 52)', modes: NAV },
  { id: 'reload', keys: ['R'], label: 'R', description: 'read the repo, history and live state again', modes: NAV },
  { id: 'apply', short: 'apply', keys: ['A'], label: 'A', description: 'apply the decisions: a summary first, default No', modes: NAV, hint: ['list', 'detail'] },
  { id: 'help', short: 'help', keys: ['?'], label: '?', description: 'this help (type to filter)', modes: NAV, hint: ['list', 'detail'] },
  { id: 'quit', short: 'quit', keys: ['q'], label: 'q', description: 'quit (asks first when decisions are not applied)', modes: NAV, hint: ['list', 'detail'] },
];

export interface KeyEvent {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

/** The key's name as the keymap spells it. */
export function keyName(event: KeyEvent): string {
  if (event.ctrl && event.input) return `ctrl+${event.input}`;
  if (event.downArrow) return 'down';
  if (event.upArrow) return 'up';
  if (event.leftArrow) return 'left';
  if (event.rightArrow) return 'right';
  if (event.pageDown) return 'pageDown';
  if (event.pageUp) return 'pageUp';
  if (event.home) return 'home';
  if (event.end) return 'end';
  if (event.return) return 'return';
  if (event.escape) return 'escape';
  if (event.tab) return event.shift ? 'shift+tab' : 'tab';
  if (event.backspace || event.delete) return 'backspace';
  return event.input;
}

export function commandFor(mode: Mode, name: string): CommandId | undefined {
  return KEYMAP.find((b) => b.modes.includes(mode) && b.keys.includes(name))?.id;
}

export function hintsFor(mode: Mode): Binding[] {
  return KEYMAP.filter((b) => b.hint?.includes(mode));
}
