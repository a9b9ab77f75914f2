// The view's d on a Secret rotated by hand: the form says how the acceptance is written (by the
// change that set it, in every clone; or, without managedFields, by fingerprint in this clone
// only), and A's summary names the commit apply makes.
import { describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { renderAt } from '../support/ink.js';
import { controllerOfScan } from '../support/scan-view.js';
import { LIVE_PASSWORD, acceptedLiveRepo } from '../support/accepted-live-repo.js';

const ENTER = '\r';
const BASE = `expected_differences:
  ConfigMap/app-config: {production: any}
  Secret/db.data.DB_PASSWORD: {staging: any, production: any}
`;

async function view(passwordChange?: { by: string; at: string }) {
  const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10' }, password: LIVE_PASSWORD, ...(passwordChange ? { passwordChange } : {}) }, BASE);
  const scan: Scan = await scanRepository({ repo, historyCache: false });
  expect(scan.divergences.map((d) => `${d.key} ${d.kind}`)).toEqual(['Secret/db.data.DB_PASSWORD live-drift']);
  const controller = controllerOfScan(scan);
  controller.start();
  const term = renderAt(<App controller={controller} />, 160, 40);
  // The pane wraps its lines: read it as one run of words.
  return { ...term, flat: () => term.frame().replace(/\s+/g, ' ') };
}

describe("the view's d on a Secret changed by hand", () => {
  it('accepts it by the change that set it where the live state says who that was', async () => {
    const { frame, flat, press } = await view({ by: 'kubectl-edit', at: '2026-11-21T10:00:00Z' });
    await press('d', /Accept production's live Secret\/db\.data\.DB_PASSWORD as it runs/);
    expect(flat()).toContain(
      "accepts production's live Secret/db.data.DB_PASSWORD as changed by kubectl-edit at 2026-11-21T10:00:00Z in the contract (live_differences:), in every clone, no value written:",
    );
    await press('rotated by hand in INC-900');
    // Declaring a Secret goes against the verdict (backfill): the view asks first.
    await press(ENTER, /Record a risky decision\?/);
    await press('y');
    await press(ENTER, /1 decided/);
    await press('A', /Apply these decisions\?/);
    await press(
      '',
      'commit 1: drift(production): accept live Secret/db.data.DB_PASSWORD as changed by kubectl-edit at 2026-11-21T10:00:00Z (a Secret) → config/expected-env-diff.yaml (live_differences:)',
    );
    expect(frame()).not.toContain(LIVE_PASSWORD);
  });

  it('without managedFields, says the fingerprint it falls back to holds in this clone only', async () => {
    const { flat, press } = await view();
    await press('d', /Accept production's live Secret\/db\.data\.DB_PASSWORD as it runs/);
    expect(flat()).toContain(
      "accepts production's live Secret/db.data.DB_PASSWORD as its fingerprint in the contract (live_differences:): in this clone only,",
    );
    expect(flat()).toContain("as production's live state carries no managedFields (a fresh clone, CI's, still reports the row)");
  });
});
