import type { Key } from 'ink';
import { handleKey, type Controller, type KeyPress } from './commands.js';
import { modeOf, type Mode } from './state.js';

/** Turns what Ink reads from the terminal into the key presses the command table names. */

/** Modes where characters are typed into a field rather than pressed as commands. */
const TYPING: ReadonlySet<Mode> = new Set<Mode>(['filter', 'help', 'form', 'apply', 'live', 'risk']);

/** The key's name as the command table spells it. */
export function keyName(input: string, key: Partial<Key>): string {
  if (key.ctrl && input) return `ctrl+${input}`;
  if (key.downArrow) return 'down';
  if (key.upArrow) return 'up';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageDown) return 'pageDown';
  if (key.pageUp) return 'pageUp';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Ink 6 reports 0x7F (the backspace key of most terminals) as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  return input;
}

/** Feeds one read from the terminal to the command table. Keys typed fast arrive together ("jjj"
 * from a held key, "production\r" from a quick typist): outside a field each character is its own
 * press; in a field the text is typed at once, and a return or backspace inside it still counts.
 * The mode is read from the store before each part, so a key right after a mode change goes
 * where the new mode sends it. */
export function feedInput(c: Controller, input: string, key: Partial<Key>): void {
  // Esc and a key typed right after it, read together, look like Alt+key to Ink. Nothing here is
  // bound to Alt: it is the two keys (esc closes the help, then q quits).
  if (key.meta && !key.escape && !key.ctrl && input.length > 0 && !input.includes('\u001b')) {
    handleKey(c, { name: 'escape', text: '' });
    return feedInput(c, input, {});
  }
  // A read of several characters with no escape sequence in it is split here, whatever flags Ink
  // set for it: a tab, return or backspace that arrived together with text (a fast typist, a
  // loaded machine) still counts as that key.
  if (input.length <= 1 || input.includes('\u001b') || key.ctrl || key.meta) {
    if (input === '\u007f' || input === '\b') return handleKey(c, { name: 'backspace', text: '' });
    return handleKey(c, { name: keyName(input, key), text: input });
  }
  let text = '';
  const flush = () => {
    if (text) handleKey(c, { name: text, text });
    text = '';
  };
  for (const ch of input) {
    const special = ch === '\r' || ch === '\n' ? 'return' : ch === '\t' ? 'tab' : ch === '\u007f' || ch === '\b' ? 'backspace' : undefined;
    if (special) {
      flush();
      handleKey(c, { name: special, text: special === 'return' ? '\r' : '' });
    } else if (!TYPING.has(modeOf(c.store.getState()))) {
      flush();
      handleKey(c, { name: ch, text: ch });
    } else {
      text += ch;
    }
  }
  flush();
}

export type { KeyPress };
