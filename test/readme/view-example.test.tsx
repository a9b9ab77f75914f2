// README's picture of the interactive view is a frame of the real view on the demo: the live-drift
// row of PAYMENT_GATEWAY_TIMEOUT_MS, backfilled with b, at 120×25. It had drifted into a mix of
// frames: "Decision: none yet" beside `1 decided` and `✓b`, another ConfigMap than explain names.
// (Since session 21 the view offers d on a live-drift row: it accepts what runs.)
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { createController } from '../../src/tui/controller.js';
import { renderAt } from '../support/ink.js';
import { viewOfScan } from '../support/scan-view.js';
import { scenarioRepo } from '../support/demo-repo.js';

const HEAD = 'undrift · payments-deploy · staging → production · live:';

/** The README's code block that starts with the view's header line. */
function readmeFrame(readme: string): string | undefined {
  const blocks = readme.split(/^```[^\n]*\n/m).filter((_, i) => i % 2 === 1);
  return blocks.find((b) => b.startsWith(HEAD));
}

const trimmed = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();

describe("README's picture of the interactive view", () => {
  it('is the view’s own frame at 120×25 on the demo, the live-drift row backfilled', { timeout: 60_000 }, async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = readmeFrame(readme);
    expect(shown, 'README.md has the view block').toBeDefined();
    const scan = await scanRepository({ repo: await scenarioRepo(), historyCache: false, today: '2026-12-03' });
    const controller = createController({ persist: () => undefined, onExit: () => undefined }, viewOfScan(scan, 120, 25));
    controller.start();
    const { frame, press } = renderAt(<App controller={controller} />, 120, 25);
    await press('jjjjj', /Divergences 6\/12/);
    await press('b', /1 decided/);
    expect(trimmed(shown!), 'README.md shows another frame than the view draws').toBe(trimmed(frame()));
  });
});
