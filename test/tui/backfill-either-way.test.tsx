// When the verdict cannot say whose value proved right, `b` offers each environment's value into
// the others, and writing over a value an incident's fix put in a file is confirmed first unless
// it is the verdict's own move (a newcomer's trial, session 36: "HOTFIX INC-3312" in production,
// verdict declare at 0.45, and `b` offered only staging's value into production, recorded on Enter).
import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import type { Decision, Divergence, HistoryEvent } from '../../src/model/types.js';
import { App } from '../../src/tui/App.js';
import { createController, type Services } from '../../src/tui/controller.js';
import { backfillOptions } from '../../src/tui/decide.js';
import { renderAt } from '../support/ink.js';
import { scenarioRepo } from '../support/demo-repo.js';
import { viewOfScan } from '../support/scan-view.js';

const ENTER = '\r';
const DOWN = '\u001b[B';
let scan: Scan;

beforeAll(async () => {
  scan = await scanRepository({ repo: await scenarioRepo(), historyCache: false });
});

const event = (over: Partial<HistoryEvent>): HistoryEvent => ({
  commit: 'c0ffee1234567890c0ffee1234567890c0ffee12',
  author: 'Ana',
  email: 'ana@example.com',
  date: '2026-07-01T10:00:00+00:00',
  committed: '2026-07-01T10:00:00+00:00',
  subject: '',
  body: '',
  file: 'config/x.yaml',
  from: null,
  to: null,
  merge: false,
  revert: false,
  ...over,
});

/** The demo's gateway timeout (staging 10000, production 3000), told as production's hotfix the
 * verdict could not weigh against staging's raise. */
function undecided(verdict: Partial<NonNullable<Divergence['verdict']>> = {}): Divergence[] {
  return scan.divergences.map((d): Divergence => {
    if (d.key !== 'PAYMENT_GATEWAY_TIMEOUT_MS' || d.kind !== 'cross-env') return d;
    return {
      ...d,
      history: {
        staging: [event({ subject: 'Raise gateway timeout to 10s', from: '3000', to: '10000', order: 3, file: 'config/staging.yaml' })],
        production: [
          event({
            commit: 'ba5eba11ba5eba11ba5eba11ba5eba11ba5eba11',
            subject: 'HOTFIX INC-3312 gateway timeout back to 3s',
            body: 'Threads piled up behind the 10 s wait.',
            from: '10000',
            to: '3000',
            order: 1,
            date: '2026-08-01T10:00:00+00:00',
            committed: '2026-08-01T10:00:00+00:00',
            file: 'config/production.yaml',
          }),
        ],
      },
      verdict: {
        deliberate: null,
        drifted: null,
        suggested: 'declare',
        value: null,
        confidence: 0.45,
        reasons: ['the evidence cannot decide'],
        risk: 'none',
        question: 'Which timeout does the gateway need?',
        ...verdict,
      },
    };
  });
}

function mount(divergences: Divergence[], services: Partial<Services> = {}) {
  const persisted: Decision[][] = [];
  const controller = createController(
    { persist: (d) => persisted.push(d), onExit: () => undefined, ...services },
    { ...viewOfScan(scan, 160, 40), divergences },
  );
  controller.start();
  return { ...renderAt(<App controller={controller} />, 160, 40), controller, persisted };
}

describe('b when the verdict names no environment whose value proved right', () => {
  it("offers each environment's value into the others, the one changed last first", () => {
    const d = undecided().find((x) => x.key === 'PAYMENT_GATEWAY_TIMEOUT_MS' && x.kind === 'cross-env')!;
    expect(backfillOptions(d, ['staging', 'production']).map((o) => o.label)).toEqual([
      `"3000" into staging's file (production's value)`,
      `"3000" into every environment's file (production's value)`,
      `"10000" into production's file (staging's value)`,
      `"10000" into every environment's file (staging's value)`,
    ]);
    // Before history is read, the environments' order decides which comes first.
    const { history: _h, verdict: _v, ...bare } = d;
    expect(backfillOptions(bare, ['staging', 'production']).map((o) => o.decision)).toEqual([
      expect.objectContaining({ env: 'production', value: '10000' }),
      expect.objectContaining({ env: 'production', value: '10000', to: 'all' }),
      expect.objectContaining({ env: 'staging', value: '3000' }),
      expect.objectContaining({ env: 'staging', value: '3000', to: 'all' }),
    ]);
  });

  it("keeps the verdict's one direction where it names the environment whose value proved right", () => {
    const real = scan.divergences.find((x) => x.key === 'PAYMENT_GATEWAY_TIMEOUT_MS' && x.kind === 'cross-env')!;
    expect(backfillOptions(real, ['staging', 'production']).map((o) => o.label)).toEqual([
      `"10000" into production's file`,
      `"10000" into every environment's file`,
    ]);
  });

  it("confirms a choice that writes over production's incident fix, and records the other direction at once", async () => {
    const { frame, press, persisted, controller } = mount(undecided());
    await press('/', /filter: ▏/);
    await press('PAYMENT_G', /Divergences 1\/2/);
    await press(ENTER);
    await press('b', /which one\?/);
    expect(frame()).toContain(`"3000" into staging's file (production's value)`);
    await press(DOWN);
    await press(DOWN);
    await press(ENTER, /Record a risky decision\?/);
    const prompt = controller.store.getState().ui.prompt;
    expect(prompt?.kind === 'risk' && prompt.lines.join(' ')).toContain(
      `PAYMENT_GATEWAY_TIMEOUT_MS: backfill production = "10000" undoes production's "3000" from ba5eba1 ` +
        `"HOTFIX INC-3312 gateway timeout back to 3s", a fix citing INC-3312, and goes against the verdict (declare).`,
    );
    await press(ENTER, /not recorded/);
    expect(persisted).toEqual([]);
    await press('b', /which one\?/);
    await press(ENTER, /1 decided/);
    expect(persisted.at(-1)).toEqual([expect.objectContaining({ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', action: 'backfill', env: 'staging', value: '3000' })]);
  });

  it("does not ask when undoing the fix is the verdict's own move", async () => {
    const agreed = undecided({ deliberate: 'staging', drifted: 'production', suggested: 'backfill', value: '10000', confidence: 0.7 });
    const { press, persisted } = mount(agreed);
    await press('/', /filter: ▏/);
    await press('PAYMENT_G', /Divergences 1\/2/);
    await press(ENTER);
    await press('b', /which one\?/);
    await press(ENTER, /1 decided/);
    expect(persisted.at(-1)).toEqual([expect.objectContaining({ action: 'backfill', env: 'production', value: '10000' })]);
  });
});

describe("A's summary on a key an earlier apply decided on a branch not merged yet", () => {
  it('names the open branch beside the decision, before the confirmation', async () => {
    const divergences = undecided();
    const row = divergences.find((x) => x.key === 'PAYMENT_GATEWAY_TIMEOUT_MS' && x.kind === 'cross-env')!;
    const { frame, press, controller } = mount(divergences, { apply: async () => 'applied' });
    controller.store.dispatch({
      type: 'ledger',
      applied: new Map([[row.id, { text: 'backfill on undrift/2026-12-01-a1b2 · open, not merged yet (2026-12-01, Oncall Person)', open: true }]]),
    });
    await press('/', /filter: ▏/);
    await press('PAYMENT_G', /Divergences 1\/2/);
    await press(ENTER);
    await press('b', /which one\?/);
    await press(ENTER, /1 decided/);
    await press('A', /Apply these decisions\?/);
    expect(frame().replace(/\s+/g, ' ')).toContain(
      'PAYMENT_GATEWAY_TIMEOUT_MS: backfill on undrift/2026-12-01-a1b2 · open, not merged yet (2026-12-01, Oncall Person)',
    );
    expect(frame().replace(/\s+/g, ' ')).toContain('⚠ decided on a branch not merged yet as well');
  });
});
