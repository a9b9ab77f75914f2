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
  const plain = !key.ctrl && !key.meta && !key.escape && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.pageUp && !key.pageDown && !key.home && !key.end && !key.tab;
  if (!plain || input.length <= 1) {
    if (input === '\u007f' || input === '\b') return handleKey(c, { name: 'backspace', text: '' });
    return handleKey(c, { name: keyName(input, key), text: input });
  }
  let text = '';
  const flush = () => {
    if (text) handleKey(c, { name: text, text });
    text = '';
  };
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') {
      flush();
      handleKey(c, { name: 'return', text: '\r' });
    } else if (ch === '\u007f' || ch === '\b') {
      flush();
      handleKey(c, { name: 'backspace', text: '' });
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
