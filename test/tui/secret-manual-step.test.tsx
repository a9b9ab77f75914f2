// The view on a live Secret's difference: r and b offer nothing (apply would refuse to write a
// secret's value) and say the person's step instead; the detail says it under the verdict. They
// offered "write staging's live secret:… into its file", a decision apply then refused.
import { afterEach, describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { renderAt } from '../support/ink.js';
import { controllerOfScan } from '../support/scan-view.js';
import { ROTATED_VALUES, rotatedInStaging } from '../support/secret-rotated.js';

const outer = process.env.KUBECONFIG;
afterEach(() => {
  if (outer === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = outer;
});

describe("the view on a live Secret's difference", () => {
  it('r and b say the step a person takes instead of offering a write apply refuses; the detail says it under the verdict', async () => {
    const { repo, env } = await rotatedInStaging();
    process.env.KUBECONFIG = env.KUBECONFIG;
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-12-05' });
    expect(scan.divergences.map((d) => `${d.key} ${d.kind} ${d.verdict?.suggested}`)).toEqual(['Secret/db.data.DB_PASSWORD live-drift backfill']);
    const controller = controllerOfScan(scan);
    controller.start();
    const { frame, press, waitFor } = renderAt(<App controller={controller} />, 160, 40);
    await waitFor("Verdict: by hand: record staging's live secret in its source (0.55)");
    await waitFor("by hand: keep staging's live Secret/db.data.DB_PASSWORD and record it in its source");
    await press('b', "undrift never writes a secret's value: by hand: keep staging's live Secret/db.data.DB_PASSWORD and record it in its source");
    await press('r', "undrift never writes a secret's value: by hand: deploy staging's own Secret/db.data.DB_PASSWORD again from its source");
    // Nothing was decided: no choice opened, no decision recorded.
    expect(frame()).not.toMatch(/1 decided|write staging's live/);
    for (const value of Object.values(ROTATED_VALUES)) expect(frame()).not.toContain(value);
  });
});
