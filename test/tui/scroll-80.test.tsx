// The view at 80×24 on the demo, used by hand (session tui80). Two keys did nothing:
// - the help (?) showed 17 of its ~70 lines with a ▼ under them, and no key scrolled it (letters
//   filter it; ↓, PgDn and ctrl-d did nothing), so most keys could only be found by guessing a word;
// - after G in the timeline or the detail pane (or j pressed past its end), k did nothing: the
//   offset kept was far past the last line, and each k only took one off it.
import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { createController } from '../../src/tui/controller.js';
import { helpLines } from '../../src/tui/presenter.js';
import { widthOf } from '../../src/tui/text.js';
import { renderAt } from '../support/ink.js';
import { viewOfScan } from '../support/scan-view.js';
import { scenarioRepo } from '../support/demo-repo.js';

const DOWN = '\u001b[B';
const UP = '\u001b[A';
const PAGE_DOWN = '\u001b[6~';
const ENTER = '\r';
let scan: Scan;

beforeAll(async () => {
  scan = await scanRepository({ repo: await scenarioRepo(), historyCache: false });
});

function mount(columns = 80, rows = 24) {
  const controller = createController({ onExit: () => undefined }, viewOfScan(scan, columns, rows));
  controller.start();
  return { ...renderAt(<App controller={controller} />, columns, rows), controller };
}

/** The title row of the right-hand pane (or the whole-width view). */
const title = (frame: string, name: string) => frame.split('\n').find((l) => l.includes(name)) ?? '';

describe('at 80×24', () => {
  it('the help scrolls with ↓, PgDn and ↑ (letters still filter it), to its last key', async () => {
    const { frame, press, waitFor, controller } = mount();
    await press('?', /Keys — type to filter, esc closes ▼/);
    expect(frame()).toMatch(/↑\/↓ scroll · esc close/);
    const last = helpLines(controller.store.getState(), 80).at(-1)!.text;
    expect(frame()).not.toContain(last);
    await press(DOWN, /esc closes ▲ ▼/);
    // A page at a time: each PgDn moves the help on, until its last line shows.
    for (let i = 0; i < 10 && !frame().includes(last); i++) {
      const before = frame();
      await press(PAGE_DOWN);
      await waitFor((f) => f !== before);
    }
    expect(frame()).toContain(last);
    expect(title(frame(), 'Keys')).toMatch(/esc closes ▲$/);
    // Scrolled to the end, one ↑ shows a line more at once.
    await press(UP, /esc closes ▲ ▼/);
    expect(
      frame()
        .split('\n')
        .every((l) => widthOf(l) <= 80),
    ).toBe(true);
    // A filter starts at its top.
    await press('j', /Keys matching "j" — type to filter, esc closes/);
    expect(title(frame(), 'Keys')).not.toContain('▲');
  });

  it('after G (or j past the end) in the timeline and the detail pane, one k scrolls back at once', async () => {
    const { frame, press } = mount();
    await press('jjjj', /Divergences 5\/12/);
    await press(ENTER, /Timeline — esc back ▼/);
    await press('G', /Timeline — esc back ▲$/m);
    await press('k', /Timeline — esc back ▲ ▼/);
    await press('G', /Timeline — esc back ▲$/m);
    await press('jjjjj');
    await press('k', /Timeline — esc back ▲ ▼/);
    await press('\u001b', /Divergences 5\/12/);
    await press('\t', /▶ Detail ▼/);
    await press('G', /▶ Detail ▲$/m);
    await press('k', /▶ Detail ▲ ▼/);
    expect(title(frame(), '▶ Detail')).toMatch(/▶ Detail ▲ ▼$/);
  });
});
