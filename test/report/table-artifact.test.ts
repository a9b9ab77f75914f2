// An image row's cells are what runs, and say so: no repo file declares those images, and a bare
// tag under an environment's name read as the repo's value (a newcomer's trial, session 32).
import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { PLAIN } from '../../src/report/style.js';
import { renderTable } from '../../src/report/table.js';
import { scenarioRepo } from '../support/demo-repo.js';

let demo: Scan;

beforeAll(async () => {
  demo = await scanRepository({ repo: await scenarioRepo(), today: '2026-12-01', history: false });
}, 120_000);

describe("the table's image row", () => {
  it('marks each running image as live, as a live drift cell does', () => {
    const image = demo.divergences.find((d) => d.kind === 'artifact')!;
    const row = renderTable(demo, PLAIN, 160)
      .split('\n')
      .find((l) => l.includes(image.key.slice(0, 20)))!;
    const running = Object.values(image.values).filter((v) => v.live !== null).length;
    expect(running).toBeGreaterThan(1);
    expect(row.match(/ live\b/g)).toHaveLength(running);
  });
});
