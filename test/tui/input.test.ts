import { describe, expect, it } from 'vitest';
import type { Controller } from '../../src/tui/commands.js';
import { createController } from '../../src/tui/controller.js';
import { feedInput } from '../../src/tui/input.js';

/** Reads from a terminal as a loaded machine delivers them: keys that arrive together. */
describe('keys that arrive in one read', () => {
  const form = () => {
    const c = createController({ onExit: () => undefined }, { repoName: 'r', envs: ['a', 'b'], divergences: [] });
    c.store.dispatch({
      type: 'prompt',
      prompt: {
        kind: 'form',
        title: 'Declare',
        lines: [],
        fields: [
          { name: 'reason', label: 'reason', value: '' },
          { name: 'owner', label: 'owner', value: '' },
          { name: 'expires', label: 'expires', value: '' },
        ],
        field: 0,
        ids: [],
      },
    });
    return c as Controller & { store: ReturnType<typeof createController>['store'] };
  };
  const fields = (c: ReturnType<typeof form>) => {
    const p = c.store.getState().ui.prompt;
    return p?.kind === 'form' ? p.fields.map((f) => f.value) : [];
  };

  it('a tab with text around it moves to the next field and the text stays in its own field', () => {
    const c = form();
    feedInput(c, 'rollout\tauth-team', { tab: true });
    expect(fields(c)).toEqual(['rollout', 'auth-team', '']);
  });

  it('backspaces inside typed text take characters away; a plain tab alone moves too', () => {
    const c = form();
    feedInput(c, 'abc\u007f\u007fz', {});
    feedInput(c, '\t', { tab: true });
    feedInput(c, 'me', {});
    expect(fields(c)).toEqual(['az', 'me', '']);
  });

  it('esc and q read together (Ink calls it Alt+q) close the help, then quit', () => {
    const exits: string[] = [];
    const c = createController({ onExit: (line) => exits.push(line) }, { repoName: 'r', envs: ['a', 'b'], divergences: [] });
    c.store.dispatch({ type: 'overlay', overlay: 'help' });
    feedInput(c, 'q', { meta: true });
    expect(c.store.getState().ui.overlay).toBeUndefined();
    expect(c.store.getState().ui.helpFilter ?? '').toBe('');
    expect(exits).toHaveLength(1);
  });
});
