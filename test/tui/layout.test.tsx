import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { createController } from '../../src/tui/controller.js';
import { oneLine } from '../../src/tui/presenter.js';
import { widthOf } from '../../src/tui/text.js';
import { renderAt } from '../support/ink.js';
import { viewOfScan } from '../support/scan-view.js';
import { scenarioRepo } from '../support/demo-repo.js';

let scan: Scan;

beforeAll(async () => {
  const repo = await scenarioRepo();
  scan = await scanRepository({ repo, historyCache: false });
});

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the layout fits the terminal', () => {
  for (const [columns, rows] of [
    [80, 24],
    [100, 30],
    [120, 35],
    [200, 50],
  ] as const) {
    it(`at ${columns}×${rows}: no line wider than the terminal, one row to spare, and the selected key's full values on screen`, async () => {
      const controller = createController({ onExit: () => undefined }, viewOfScan(scan, columns, rows));
      const term = renderAt(<App controller={controller} />, columns, rows);
      for (const [i, d] of scan.divergences.entries()) {
        if (i > 0) await term.press('j', `Divergences ${i + 1}/${scan.divergences.length}`);
        const check = (screen: string, where: string) => {
          const lines = screen.split('\n');
          expect(lines.length, where).toBeLessThanOrEqual(rows - 1);
          for (const line of lines) expect(widthOf(line), `${where}: ${line}`).toBeLessThanOrEqual(columns);
        };
        check(term.frame(), `${d.key} in the list`);
        // Every value of the selected key, whole: on the screen, or in its opened timeline.
        const values = scan.snapshot.environments
          .flatMap((env) => [d.values[env]?.repo, d.values[env]?.live])
          .filter((v): v is string => typeof v === 'string');
        let screen = squeeze(term.frame());
        if (!values.every((v) => screen.includes(squeeze(oneLine(v))))) {
          await term.press('\r', 'Timeline — esc back');
          check(term.frame(), `${d.key} in the timeline`);
          screen = squeeze(term.frame());
          await term.press('\u001b', `▶ Divergences ${i + 1}/`);
        }
        for (const v of values) expect(screen, `${d.key}: ${v} at ${columns}×${rows}`).toContain(squeeze(oneLine(v)));
      }
      term.instance.unmount();
    });
  }

  for (const [columns, rows] of [
    [80, 24],
    [120, 35],
    [200, 50],
  ] as const) {
    it(`at ${columns}×${rows}: the list shows keys whole, and the two rows of one key say their kinds in words`, () => {
      const controller = createController(
        { onExit: () => undefined },
        {
          repoName: 'payments-deploy',
          envs: scan.snapshot.environments,
          divergences: scan.divergences,
          live: scan.snapshot.live!,
          size: () => ({ columns, rows }),
        },
      );
      const term = renderAt(<App controller={controller} />, columns, rows);
      const list = term
        .frame()
        .split('\n')
        .filter((l) => /^[› ][● ]\S /.test(l))
        .map((l) => l.slice(0, Math.floor(columns * 0.55)));
      // Every key of up to 30 characters (all but the Deployment image and the permission subject).
      const keys = [...new Set(scan.divergences.map((d) => d.key))].filter((k) => k.length <= 30);
      expect(keys.length).toBeGreaterThan(8);
      for (const key of keys)
        expect(
          list.some((l) => l.includes(` ${key} `) || l.endsWith(` ${key}`)),
          `${key} whole at ${columns}×${rows}:\n${list.join('\n')}`,
        ).toBe(true);
      // PAYMENT_GATEWAY_TIMEOUT_MS drifts two ways: each row says which, not only by its glyph.
      expect(list.filter((l) => l.includes('PAYMENT_GATEWAY_TIMEOUT_MS cross-env'))).toHaveLength(1);
      expect(list.filter((l) => l.includes('PAYMENT_GATEWAY_TIMEOUT_MS live-drift'))).toHaveLength(1);
      // A key on one row only is not given a kind word.
      expect(list.find((l) => l.includes(' PG_CLIENT_VERSION'))).not.toMatch(/PG_CLIENT_VERSION cross-env/);
      term.instance.unmount();
    });
  }

  it('follows a resize from 200×50 down to 80×24 without a line too wide', async () => {
    const controller = createController({ onExit: () => undefined }, viewOfScan(scan, 80, 24));
    const term = renderAt(<App controller={controller} />, 200, 50);
    await term.press('jj', 'Divergences 3/12');
    term.resize(80, 24);
    await term.waitFor((f) => f.split('\n').every((l) => widthOf(l) <= 80) && f.split('\n').length <= 23);
    term.instance.unmount();
  });
});
