import { beforeAll, describe, expect, it, vi } from 'vitest';
import { editContract } from '../../src/actions/contract-edit.js';
import { planDecisions, validateDecision } from '../../src/actions/plan.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { scanRepository, type Scan } from '../../src/engine.js';
import type { Decision, Divergence } from '../../src/model/types.js';
import { App } from '../../src/tui/App.js';
import { createController, type Services, type ViewOptions } from '../../src/tui/controller.js';
import { detailLines, groupLines, headerLines, paneLines } from '../../src/tui/presenter.js';
import { selectedDivergence, visibleItems } from '../../src/tui/state.js';
import { widthOf } from '../../src/tui/text.js';
import { renderAt } from '../support/ink.js';
import { viewOfScan } from '../support/scan-view.js';
import { scenarioRepo } from '../support/demo-repo.js';
import { repoWithFiles } from '../support/repo.js';

const ESC = '\u001b';
const ENTER = '\r';
const DOWN = '\u001b[B';
let scan: Scan;

beforeAll(async () => {
  const repo = await scenarioRepo();
  scan = await scanRepository({ repo, historyCache: false });
});

/** The view over the demo's real scan; saving, applying and exiting are recorded. */
function mount(services: Partial<Services> = {}, options: Partial<ViewOptions> = {}, [columns, rows] = [160, 40]) {
  const persisted: Decision[][] = [];
  const exits: string[] = [];
  const controller = createController(
    { persist: (d) => persisted.push(d), onExit: (s) => exits.push(s), ...services },
    { ...viewOfScan(scan, columns, rows), ...options },
  );
  controller.start();
  const term = renderAt(<App controller={controller} />, columns, rows);
  return { ...term, controller, persisted, exits };
}

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.trimStart().startsWith('›'))!;
const validate = (decision: Decision) => {
  const check = validateDecision(decision, scan);
  return check.ok ? {} : { refused: check.refused };
};

describe('the interactive view', () => {
  it('shows the header with live status and counts, the list, and the selected divergence', () => {
    const { frame } = mount();
    const screen = frame();
    expect(screen).toContain('undrift · payments-deploy · staging → production · live: staging ✓ snapshot, production ✓ snapshot');
    expect(screen).toContain('12 undecided · 0 decided · 12 total');
    expect(screen).toContain('▶ Divergences 1/12');
    expect(selectedLine(screen)).toContain('DEBUG_SQL');
    expect(screen).toContain('+ DEBUG_SQL — live-only');
    // The first row is live-only: d accepts what runs (live_differences:), so the footer offers it.
    expect(screen).toMatch(/r revert · b backfill · d declare · s skip/);
    expect(screen).toContain('? help · q quit');
    expect(screen.split('\n').length).toBeLessThanOrEqual(39); // one row shorter than the terminal
  });

  it('at 80 columns the header keeps every live status whole: the repository name gives way first, then the names of the sources read', () => {
    // It used to cut the line at its end: `live: staging ✓, product…`.
    const { frame, controller } = mount({}, { repoName: 'payment-service-config' }, [80, 24]);
    const header = frame().split('\n')[0]!;
    expect(header).toBe('undrift · payment…-config · staging → production · live: staging ✓, production ✓');
    expect(widthOf(header)).toBeLessThanOrEqual(80);
    // Narrower still, the environments read in full are counted; one that is not keeps its name.
    expect(headerLines(controller.store.getState(), 60, '')[0]).toBe('undrift · payment…-config · staging → production · live: 2 ✓');
    const live = new Map(scan.snapshot.live);
    live.set('production', { ...live.get('production')!, status: 'unavailable', reason: 'gone' });
    const partly = mount({}, { repoName: 'payment-service-config', live }, [80, 24]).controller.store.getState();
    expect(headerLines(partly, 60, '')[0]).toBe('undrift · staging → production · live: 1 ✓, production ✗');
  });

  it('a word cut because it is longer than the line never leaves a line starting with closing punctuation (; , : ))', () => {
    const state = mount().controller.store.getState();
    // The widths at which the demo's details cut an image reference before `:1.8.2` or a digest list before `; production`.
    for (const width of [39, 46, 55])
      for (const d of scan.divergences)
        for (const line of detailLines(state, d, width)) expect(line.text, `${d.key} at ${width}`).not.toMatch(/^\s*(["'][\s,;:)]|[;,:)])/);
  });

  it('moves with j/k, arrows, g/G; letters typed together count as separate presses', async () => {
    const { frame, press } = mount();
    await press('j', /Divergences 2\/12/);
    await press('jjj', /Divergences 5\/12/);
    expect(selectedLine(frame())).toContain('PAYMENT_G');
    await press(DOWN, /Divergences 6\/12/);
    await press('G', /Divergences 12\/12/);
    await press('g', /Divergences 1\/12/);
    await press('k', /Divergences 1\/12/);
  });

  it('a live-drift row shows the repo value → the live value', async () => {
    const { frame, press } = mount();
    await press('/', /filter: ▏/);
    await press('PAYMENT_G', /Divergences 1\/2/);
    const row = frame()
      .split('\n')
      .find((l) => l.includes('~ PAYMENT_GATEWAY_TIMEOUT_MS'))!;
    expect(row).toMatch(/10000\s+3000→10000/);
  });

  it('the footer offers d declare on repo-against-live drift too: it accepts what runs (live_differences:)', async () => {
    const { frame, press } = mount();
    const footer = () => frame().trimEnd().split('\n').at(-1)!;
    await press('/', /filter: ▏/);
    await press('PAYMENT_G', /Divergences 1\/2/);
    await press(ENTER, /j\/↓ move/);
    const selected = () =>
      frame()
        .split('\n')
        .find((l) => l.trimStart().startsWith('›'))!;
    expect(selected()).toContain('≠ PAYMENT_GATEWAY_TIMEOUT_MS');
    expect(footer()).toMatch(/d declare/);
    await press('j', /Divergences 2\/2/);
    expect(selected()).toContain('~ PAYMENT_GATEWAY_TIMEOUT_MS');
    expect(footer()).toMatch(/r revert/);
    expect(footer()).toMatch(/d declare/);
    // The form says what the declaration does: production's live value accepted, not the repo's.
    await press('d', /Accept production's live PAYMENT_GATEWAY_TIMEOUT_MS as it runs/);
    expect(frame()).toContain(`accepts production's live "10000" in the contract (live_differences:), while`);
    expect(frame()).toContain('its repo says "3000":');
    expect(frame()).toContain('no drift while production runs it and the entry holds; the next deploy from');
  });

  it('on an image that runs as two builds, d, r and b each say to redeploy, never to press another key that refuses too', async () => {
    // d said "revert or backfill it" and r, b "declare or skip it": each sent the user to the other.
    const { frame, press } = mount();
    const footer = () => frame().trimEnd().split('\n').at(-1)!;
    await press('j', /Divergences 2\/12/);
    expect(selectedLine(frame())).toContain('◆ Deployment/payment-');
    expect(footer()).not.toMatch(/[rbd] (revert|backfill|declare)/);
    for (const key of ['d', 'r', 'b']) {
      await press(key, /an image is fixed by redeploying/);
      expect(footer(), key).toBe(
        'an image is fixed by redeploying, not in a file or the contract: redeploy the environment that runs the stale build, then s skip',
      );
      await press(ESC, /j\/↓ move/);
    }
  });

  it('filters by key (fuzzy) and by kind; esc clears every filter', async () => {
    const { frame, press } = mount();
    await press('/', /filter: ▏/);
    await press('pgtmo', /Divergences 1\/2/);
    expect(frame()).toContain('filter: pgtmo');
    await press(ENTER, /j\/↓ move/);
    await press(ESC, /Divergences 5\/12/); // the cursor stays on the divergence it was on
    await press('f', /showing: undecided/);
    await press('f', /showing: cross-env/);
    expect(frame()).toContain('Divergences 2/3'); // three cross-env keys; still on the timeout
    await press('/', /filter: ▏/);
    await press('TIME', /Divergences 1\/1/);
    await press(ENTER, /j\/↓ move/);
    await press(ESC, /filters cleared/);
    expect(frame()).toContain('Divergences 5/12');
    expect(frame()).not.toContain('showing:');
    // Every row fits the window again: none stays hidden above the cursor.
    expect(frame()).not.toContain('▲');
    for (const d of scan.divergences) expect(frame()).toContain(d.key.slice(0, 12));
  });

  it('the kind filter offers every kind present, the inventory kinds too, and passes over absent ones', async () => {
    // The demo's DEBUG_SQL row, as the inventory would report a permission and a live object.
    const base = scan.divergences.find((d) => d.key === 'DEBUG_SQL')!;
    const divergences: Divergence[] = [
      ...scan.divergences,
      { ...base, id: 'perm-1', key: 'Role/payments-admin', kind: 'permission' },
      { ...base, id: 'obj-1', key: 'CronJob/cleanup', kind: 'live-object' },
    ];
    const { frame, press, controller } = mount({}, { divergences });
    const seen: string[] = [];
    for (let i = 0; i < 9; i++) {
      controller.store.dispatch({ type: 'kindFilter', height: controller.listHeight() });
      seen.push(controller.store.getState().ui.kindFilter);
    }
    expect(seen).toEqual(['undecided', 'cross-env', 'contract-violation', 'missing', 'stale-declaration', 'live-drift', 'live-only', 'artifact', 'permission']);
    await press('f', /showing: live-object/);
    expect(frame()).toContain('CronJob/cleanup');
    await press('f', /showing: object-cross-env/); // the demo's CronJob made by hand in production
    await press('f', /showing: all/);
    expect(frame()).toMatch(/Divergences \d+\/14/); // the demo's 12 and the two above
    expect(frame()).not.toContain('· showing:');
  });

  it('a live source read in part is shown as partly read, not unavailable, and the detail says why', async () => {
    const live = new Map(scan.snapshot.live ?? []);
    live.set('production', { ...live.get('production')!, status: 'partial', reason: 'Secret: forbidden (403: list secrets in payments)' });
    const { frame } = mount({}, { live });
    expect(frame()).toContain('live: staging ✓ snapshot, production ◐ partly read');
    expect(frame()).not.toContain('production ✗');
    // The detail pane wraps it beside the list's rows: each part of the line, in order.
    expect(frame().replace(/\s+/g, ' ')).toMatch(
      /production live partly read \(snapshot live\/production\.yaml\): Secret: forbidden .*\(403: list secrets in payments\)/,
    );
  });

  it('enter opens the timeline with the history first, the rest of the detail below it', async () => {
    const { frame, press } = mount();
    await press('/', /filter: ▏/);
    await press('PG_CLIENT', /Divergences 1\/1/);
    await press(ENTER, /j\/↓ move/);
    await press(ENTER, /Timeline — esc back/);
    const lines = frame().split('\n');
    const title = lines.findIndex((l) => l.includes('PG_CLIENT_VERSION — cross-env'));
    expect(lines[title + 1]).toContain('History (newest first');
    // Newest first: the live write, then the commit that bumped staging.
    expect(lines.slice(title + 2, title + 6).join('\n')).toMatch(/\d{4}-\d{2}-\d{2}[ \d:]* staging 15\.1 → 15\.3 /);
    expect(frame()).toContain('Verdict:');
  });

  it('records decisions, offers the two meanings of revert, undoes and redoes them; each change is saved by the time the key is handled', async () => {
    const { frame, press, persisted, controller } = mount();
    await press('/', /filter: ▏/);
    await press('PG_CLIENT', /Divergences 1\/1/);
    await press(ENTER);
    await press('r', /revert PG_CLIENT_VERSION: which one\?/);
    expect(frame()).toContain('1. production takes staging\'s "15.3"');
    expect(frame().replace(/\n\s+/g, ' ')).toMatch(/2\. staging back to its previous "15\.1" \(before [0-9a-f]{7} "Bump pg client to 15\.3 in staging"\)/);
    await press('2', /1 decided/);
    expect(frame()).toContain('Decision: revert staging = "15.1"');
    expect(persisted.at(-1)).toEqual([{ key: 'PG_CLIENT_VERSION', divergence: expect.any(String), action: 'revert', env: 'staging', value: '15.1' }]);
    // Driving the store: the save happens inside the dispatch.
    controller.store.dispatch({ type: 'undo' });
    expect(persisted.at(-1)).toEqual([]);
    await press('\u0012', /1 decided/); // ctrl-r
    expect(persisted.at(-1)).toHaveLength(1);
    expect(persisted).toHaveLength(3);
  });

  it('declare asks for a reason (required), an owner and an optional expiry that is a real date', async () => {
    const { frame, press, persisted } = mount();
    await press('/', /filter: ▏/);
    await press('NEW_AUTH', /Divergences 1\/1/);
    await press(ENTER);
    await press('d', /Declare NEW_AUTH_FLOW intended/);
    expect(frame()).toContain('staging: "true"');
    await press(ENTER, /say why the difference is intended/);
    await press('rollout until Q1', /reason \(required\): rollout until Q1/);
    await press('\t', /› owner/);
    await press('auth-team', /owner: auth-team/);
    await press('\t', /› expires/);
    await press('2026-02-30', /2026-02-30/);
    await press(ENTER, /expires: "2026-02-30" is not a day of that month \(2026-02 has 28 days\)/);
    await press('\u007f\u007f\u007f\u007f\u007f03-31', /2026-03-31▏/);
    await press(ENTER, /1 decided/);
    expect(persisted.at(-1)![0]).toMatchObject({
      action: 'declare',
      key: 'NEW_AUTH_FLOW',
      reason: 'rollout until Q1',
      owner: 'auth-team',
      expires: '2026-03-31',
    });
  });

  it('bulk: space marks, one key decides every mark', async () => {
    const { press } = mount();
    await press('f', /showing: undecided/);
    await press('f', /showing: cross-env/);
    await press(' ', /1 marked/);
    await press('j', /1 marked/);
    await press(' ', /2 marked/);
    await press('s', /2 decided/);
  });

  it("? shows every mode's keys from the command table, filterable; a disabled key says why", async () => {
    const { frame, press } = mount();
    await press('u', /nothing to undo/);
    await press('?', /Keys — type to filter, esc closes/);
    expect(frame()).toContain('In the list, the detail pane, the timeline:');
    await press('undo', /u\s+undo the last decision \(now: nothing to undo\)/);
    await press('\u007f\u007f\u007f\u007f', /Keys — type/);
    await press('ctrl-r', /Keys matching "ctrl-r"/);
    expect(frame()).toContain('ctrl-r   redo');
    expect(frame()).not.toContain('ctrl-d');
    await press(ESC, /Divergences/);
  });

  it('a long message is cut in the footer and opened in full with m', async () => {
    const { frame, press, controller } = mount({}, {}, [80, 24]);
    const long = `reading failed: ${'the API server said something long and important '.repeat(5)}END`;
    controller.store.dispatch({ type: 'toast', text: long });
    await press('j', /Divergences 2\/12/);
    await press('m', /Message — j\/k scroll, esc closes/);
    expect(frame().replace(/\s+/g, ' ')).toContain('something long and important END');
    await press(ESC, /Divergences 2\/12/);
  });

  it('A shows a summary, defaults to No, asks for the last stage by name, and shows each step', async () => {
    const applied: Decision[][] = [];
    let finish: () => void = () => undefined;
    const { frame, press } = mount({
      apply: async (d, hooks) => {
        applied.push(d);
        hooks.step('writing 1 commit(s) in a temporary worktree');
        hooks.step('commit 1/1: 1a2b3c4 drift(production): backfill PAYMENT_GATEWAY_TIMEOUT_MS=10000');
        await new Promise<void>((resolve) => (finish = resolve));
        return 'applied: 1 commit(s) on branch undrift/test';
      },
    });
    await press('A', /nothing to apply/);
    await press('/', /filter: ▏/);
    await press('PAYMENT_G', /Divergences 1\/2/);
    await press(ENTER);
    await press('b', /which one/);
    await press(ENTER, /1 decided/);
    await press('A', /Apply these decisions\?/);
    // Before the files' lines are read (no plan yet), what each decision asks for.
    await press('', "1 decision(s) (the commits they make are known once the files' lines are read):");
    await press('', 'backfill production PAYMENT_GATEWAY_TIMEOUT_MS = "10000" → config/production.yaml');
    await press('', 'type production and enter to confirm');
    await press(ENTER, /not applied/);
    expect(applied).toEqual([]);
    await press('A', /Apply these decisions\?/);
    await press('prod', /> prod▏/);
    await press(ENTER, /not applied/);
    await press('A', /Apply these decisions\?/);
    await press('production', /> production▏/);
    // Each step shows while apply runs; keys wait.
    await press(ENTER, 'commit 1/1: 1a2b3c4 drift(production)');
    expect(frame()).toContain('writing 1 commit(s) in a temporary worktree');
    expect(frame()).toContain('applying… keys wait until it is done');
    await press('j');
    finish();
    await press('', /applied: 1 commit\(s\) on branch undrift\/test/);
    expect(applied[0]).toEqual([expect.objectContaining({ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', action: 'backfill', env: 'production', value: '10000' })]);
    expect(frame()).toContain('0 decided');
    // What apply did stays on screen, full width, until esc: the outcome, then every step.
    expect(frame()).toContain('▶ Message');
    expect(frame()).toContain('  commit 1/1: 1a2b3c4 drift(production): backfill PAYMENT_GATEWAY_TIMEOUT_MS=10000');
    expect(frame()).not.toContain('Divergences');
    await press(ESC, /▶ Divergences/);
  });

  it('A applies skips alone: they are recorded in the ledger, as undrift apply records them', async () => {
    const applied: Decision[][] = [];
    const { frame, press } = mount({
      apply: async (d) => {
        applied.push(d);
        return 'skipped: DEBUG_SQL (left as it is; recorded in the ledger)';
      },
    });
    await press('A', /nothing to apply: decide with r, b, d or s first/);
    await press('s', /1 decided/);
    await press('A', /Apply these decisions\?/);
    expect(frame()).toContain('recorded as looked at and left as they are (skip): DEBUG_SQL');
    // Nothing reaches production: y confirms, no environment's name is asked for.
    await press('y', /> y▏/);
    await press(ENTER, /recorded in the ledger/);
    expect(applied).toEqual([[expect.objectContaining({ key: 'DEBUG_SQL', action: 'skip' })]]);
  });

  it("validates a decision when it is made, with apply's own check: the one way apply refuses is not recorded, and says why in full", async () => {
    const { frame, press, controller } = mount({ validate }, {}, [80, 24]);
    // DEBUG_SQL is live-only in a snapshot: apply cannot patch a snapshot. It was recorded as a
    // refused decision (✗r), one more thing to undo.
    await press('r', /not recorded: apply would refuse/);
    expect(selectedLine(frame())).not.toMatch(/✗r|✓r/);
    const state = controller.store.getState();
    expect(state.session.decisions.size).toBe(0);
    expect(state.refusals.size).toBe(0);
    const why = "production's live state comes from snapshot live/production.yaml: only a Kubernetes source can be patched";
    await press('m', /Message/);
    expect(frame().replace(/\s+/g, ' ')).toContain(why);
  });

  it("checks a choice with apply's rules before asking to confirm its risk: one apply refuses is not confirmed, nor recorded", async () => {
    // It asked "Record a risky decision?" for production's replicas = "3", which the contract forbids, then recorded it as refused.
    const { frame, press, controller } = mount({ validate }, {}, [160, 40]);
    await press('/', /filter: ▏/);
    await press('replicas');
    await press(ENTER);
    // Offered "3" into production's file, where production holds "3": only every environment's file is left.
    await press('b', /not recorded: apply would refuse to backfill replicas/);
    expect(frame()).not.toContain('Record a risky decision?');
    expect(frame()).not.toContain("into production's file");
    expect(controller.store.getState().ui.prompt).toBeUndefined();
    expect(controller.store.getState().session.decisions.size).toBe(0);
    await press('m', /Message/);
    expect(frame().replace(/\s+/g, ' ')).toContain('allows production one of 4, 6, 8 for replicas');
  });

  it('checks the decisions made before the files were read once they are: apply would refuse them', async () => {
    // Before the located read, the view has nothing to check against (validate answers nothing).
    let read = false;
    const { frame, press, controller } = mount({ validate: (d) => (read ? validate(d) : {}) }, {}, [160, 40]);
    await press('r', /revert recorded/);
    expect(selectedLine(frame())).not.toMatch(/✗/);
    read = true;
    controller.recheck();
    await press('', /1 decision made before the files were read will be refused by apply/);
    expect(selectedLine(frame())).toMatch(/✗r/);
    const state = controller.store.getState();
    expect(state.refusals.size).toBe(1);
    // Why, in full in the detail pane, wrapped to its width.
    const why = "production's live state comes from snapshot live/production.yaml: only a Kubernetes source can be patched";
    const detail = detailLines(state, selectedDivergence(state)!, 35).map((l) => l.text);
    expect(detail.every((l) => l.length <= 35)).toBe(true);
    expect(detail.join(' ').replace(/\s+/g, ' ')).toContain(why);
  });

  it("at 80×24 the selected key's verdict is on screen, before who wrote each live value", async () => {
    // The live writers' lines came first, and the verdict was a screen further down.
    const { frame, press } = mount({}, {}, [80, 24]);
    await press('/', /filter: ▏/);
    await press('NEW_AUTH');
    await press(ENTER);
    expect(frame()).toMatch(/Verdict: declare \(0\.\d\d\)/);
    expect(frame()).not.toContain('live written by');
  });

  it("A's summary says what apply will do: one commit for the cross-env and live-drift rows of one key backfilled alike", async () => {
    const { press } = mount({ apply: async () => 'applied', plan: (d) => planDecisions(scan, d) });
    await press('/', /filter: ▏/);
    await press('PAYMENT_G', /Divergences 1\/2/);
    await press(ENTER);
    await press('b', /which one/);
    await press(ENTER, /1 decided/);
    await press('j', /Divergences 2\/2/);
    // The live-drift row has one way to backfill: no choice to make.
    await press('b', /2 decided/);
    await press('A', /Apply these decisions\?/);
    await press('', '1 commit(s) on a new branch, 0 live patch(es):');
    await press('', 'commit 1: drift(production): backfill PAYMENT_GATEWAY_TIMEOUT_MS=10000 (2 decisions, one change) → config/production.yaml');
  });

  it("d on a live-drift row records an acceptance; A's summary (apply's dry run) names its commit and where it is written", async () => {
    const { press, persisted } = mount({ apply: async () => 'applied', plan: (d) => planDecisions(scan, d), validate });
    await press('/', /filter: ▏/);
    await press('PAYMENT_G', /Divergences 1\/2/);
    await press(ENTER);
    await press('j', /Divergences 2\/2/);
    await press('d', /Accept production's live PAYMENT_GATEWAY_TIMEOUT_MS as it runs/);
    await press('raised in INC-2041; payments decides');
    await press(ENTER, /1 decided/);
    expect(persisted.at(-1)).toEqual([
      {
        key: 'PAYMENT_GATEWAY_TIMEOUT_MS',
        divergence: scan.divergences.find((d) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS' && d.kind === 'live-drift')!.id,
        action: 'declare',
        reason: 'raised in INC-2041; payments decides',
      },
    ]);
    await press('A', /Apply these decisions\?/);
    await press('', '1 commit(s) on a new branch, 0 live patch(es):');
    await press(
      '',
      'commit 1: drift(production): accept live PAYMENT_GATEWAY_TIMEOUT_MS=10000 (the repo says 3000) → config/expected-env-diff.yaml (live_differences:)',
    );
  });

  it('offers first what apply accepts; an option apply refuses comes last with its reason, and bulk takes the first accepted', async () => {
    // A verdict suggesting a value the contract forbids (production allows 4, 6 or 8 replicas).
    const replicas = scan.divergences.find((d) => d.key === 'replicas')!;
    const other = scan.divergences.find((d) => d.key === 'PG_CLIENT_VERSION')!;
    const divergences = [{ ...replicas, verdict: { ...replicas.verdict!, value: '5' } }, other];
    const { frame, press, persisted } = mount({ validate }, { divergences }, [160, 40]);
    await press('r', /revert replicas: which one\?/);
    const lines = frame().replace(/\s+/g, ' ');
    expect(lines).toMatch(/› 1\. production back to its previous "4"/);
    expect(lines).toMatch(
      new RegExp(
        String.raw`2\. production back to "5", its value before \(allowed by the contract\) — ✗ apply refuses it: the contract \(config\/expected-env-diff\.yaml:\d+\) ` +
          String.raw`allows production one of 4, 6, 8 for replicas, not "5"`,
      ),
    );
    // Against this (crafted) verdict, so it asks first.
    await press(ENTER, /Record a risky decision\?/);
    await press('y', /> y▏/);
    await press(ENTER, /1 decided/);
    expect(persisted.at(-1)).toEqual([expect.objectContaining({ key: 'replicas', env: 'production', value: '4' })]);
    await press('u', /0 decided/);
    await press(' ', /1 marked/);
    await press('j');
    await press(' ', /2 marked/);
    await press('r', /Record a risky decision\?/);
    await press('y', /> y▏/);
    await press(ENTER, /2 decided/);
    expect(persisted.at(-1)).toContainEqual(expect.objectContaining({ key: 'replicas', env: 'production', value: '4' }));
  });

  it('asks before a risky choice against the verdict, naming the risk; shows evidence, the question and "needs a human"', async () => {
    // The verdict's issue-10 fields, as the verdict engine fills them.
    const divergences = scan.divergences.map((d): Divergence =>
      d.key === 'DEBUG_SQL' && d.verdict
        ? {
            ...d,
            verdict: {
              ...d.verdict,
              confidence: 0.4,
              question: 'Is anyone still debugging the payment database in production?',
              evidence: [
                { kind: 'live', text: 'written by kubectl-edit, by hand' },
                { kind: 'quality', text: 'no commit mentions it' },
                { kind: 'live', text: 'declared in no file' },
              ],
            },
          }
        : d,
    );
    const { frame, press, persisted } = mount({}, { divergences }, [160, 40]);
    await press('', '⚠ NEEDS A HUMAN');
    expect(frame()).toContain('? Is anyone still debugging the payment database in production?');
    expect(frame()).toMatch(/live:\n\s+• written by kubectl-edit, by hand\n\s+• declared in no file/);
    expect(frame()).toContain('risk: debug');
    await press('b', /Record a risky decision\?/);
    expect(frame()).toContain('DEBUG_SQL is a debug, verbose or trace setting: backfill production = "true"');
    expect(frame()).toContain('puts "true" in production, which looks like the weaker setting, and goes');
    await press(ENTER, /not recorded/);
    expect(persisted).toEqual([]);
    await press('b', /Record a risky decision\?/);
    await press('y', /> y▏/);
    await press(ENTER, /1 decided/);
    expect(persisted.at(-1)).toEqual([expect.objectContaining({ key: 'DEBUG_SQL', action: 'backfill', env: 'production', value: 'true' })]);
  });

  it("before a risky key's verdict is read, a choice reaching production is confirmed first and says the verdict is not known yet", async () => {
    // As the list shows before history arrives: no verdicts yet, history being read.
    const divergences = scan.divergences.map((d): Divergence => {
      const { verdict: _verdict, ...bare } = d;
      return bare;
    });
    const { frame, press, persisted, controller } = mount({}, { divergences }, [160, 40]);
    controller.store.dispatch({ type: 'phase', source: 'history', phase: { state: 'reading', done: 10, total: 300, unit: 'commits' } });
    await press('', /Divergences 1\/12/);
    expect(selectedLine(frame())).toContain('DEBUG_SQL');
    await press('b', /Record a risky decision\?/);
    const prompt = controller.store.getState().ui.prompt;
    expect(prompt?.kind === 'risk' && prompt.lines.join(' ')).toContain(
      'DEBUG_SQL is a debug, verbose or trace setting: backfill production = "true" puts "true" in production, which ' +
        'looks like the weaker setting; its verdict is still being read (history), so whether this goes against it is not ' +
        'known yet.',
    );
    await press(ENTER, /not recorded/);
    expect(persisted).toEqual([]);
    await press('b', /Record a risky decision\?/);
    await press('y', /> y▏/);
    await press(ENTER, /1 decided/);
    expect(persisted.at(-1)).toEqual([expect.objectContaining({ key: 'DEBUG_SQL', action: 'backfill', env: 'production' })]);
  });

  it('shows hostile text from a repo or a cluster visibly, never as terminal commands', async () => {
    const template = scan.divergences.find((d) => d.kind === 'live-drift')!;
    const evil: Divergence = {
      ...template,
      id: 'evil',
      key: 'EVIL\u001b]0;PWNED\u0007_KEY',
      values: Object.fromEntries(
        Object.entries(template.values).map(([env, v]) => [
          env,
          { ...v, repo: '\u001b[2Jwiped', live: 'ok\u202eevil', at: { file: 'config/\u001b[31mred.yaml', line: 3, column: 1 } },
        ]),
      ),
      notes: ['note \u001b[1;1H moved'],
    };
    const { frame, raw, press } = mount({}, { divergences: [evil] });
    await press('', 'EVIL\\e]0;PWNED\\x07_KEY');
    const screen = frame();
    expect(screen).toContain('\\e[2Jwiped');
    expect(screen).toContain('ok\\u202eevil');
    expect(screen).toContain('config/\\e[31mred.yaml:3');
    expect(raw()).not.toMatch(/\u001b\]|\u0007|\u202e|\u001b\[2J|\u001b\[1;1H|\u001b\[31m/);
  });

  it('q asks first when decisions are not applied; the summary line says they are saved', async () => {
    const { press, exits } = mount();
    await press('s', /1 decided/);
    await press('q', /Quit\?/);
    await press('n', /Divergences/);
    expect(exits).toEqual([]);
    await press('q', /Quit\?/);
    await press('y');
    expect(exits).toEqual(['undrift: 12 divergences, 1 decided, 11 undecided; 1 decision saved — run undrift again to resume']);
  });

  it('offers to resume saved decisions', async () => {
    const d = scan.divergences.find((x) => x.key === 'NEW_AUTH_FLOW')!;
    const saved = { version: 1 as const, savedAt: '2026-11-21T10:14:00.000Z', decisions: [{ key: d.key, divergence: d.id, action: 'skip' as const }] };
    const { frame, press } = mount({}, { saved });
    await press('', /1 decision\(s\) saved 2026-11-21 10:14 UTC/);
    await press('y', /resumed 1 decision/);
    expect(frame()).toContain('1 decided');
  });

  // Two saved decisions on one key and environment (its cross-env row and its live-drift row, both
  // backfilled) read the same in the resume prompt (a newcomer's trial, session 24): each names its kind.
  it('names the kind of each saved decision, so two on one key read apart', async () => {
    const rows = scan.divergences.filter((x) => x.key === 'PAYMENT_GATEWAY_TIMEOUT_MS');
    expect(rows.map((x) => x.kind).sort()).toEqual(['cross-env', 'live-drift']);
    const decisions = rows.map((x) => ({ key: x.key, env: 'production', divergence: x.id, action: 'backfill' as const }));
    const { frame, press } = mount({}, { saved: { version: 1 as const, savedAt: '2026-11-21T10:14:00.000Z', decisions } });
    await press('', /2 decision\(s\) saved/);
    expect(frame()).toContain('backfill PAYMENT_GATEWAY_TIMEOUT_MS (production, cross-env)');
    expect(frame()).toContain('backfill PAYMENT_GATEWAY_TIMEOUT_MS (production, live-drift)');
  });

  // A skip recorded on a live row names no environment (the row's id does), nor a declare or an
  // undeclare: they read as bare `skip DEBUG_SQL`, `undeclare DB_POOL_MAX` (session 25's trial).
  it('says for every saved decision what it does, where and on which row, whatever the decision names', async () => {
    const row = (key: string, kind: string) => scan.divergences.find((x) => x.key === key && x.kind === kind)!;
    const decisions: Decision[] = [
      { key: 'DEBUG_SQL', divergence: row('DEBUG_SQL', 'live-only').id, action: 'skip' },
      { key: 'CronJob/settlement-reconcile', divergence: row('CronJob/settlement-reconcile', 'object-cross-env').id, action: 'skip', reason: 'a one-off' },
      { key: 'NEW_AUTH_FLOW', divergence: row('NEW_AUTH_FLOW', 'cross-env').id, action: 'declare', reason: 'rollout until Q1' },
      { key: 'DB_POOL_MAX', divergence: row('DB_POOL_MAX', 'stale-declaration').id, action: 'undeclare' },
      {
        key: 'PAYMENT_GATEWAY_TIMEOUT_MS',
        env: 'production',
        divergence: row('PAYMENT_GATEWAY_TIMEOUT_MS', 'live-drift').id,
        action: 'declare',
        reason: 'INC-2041',
      },
      { key: 'PG_CLIENT_VERSION', env: 'production', divergence: row('PG_CLIENT_VERSION', 'cross-env').id, action: 'backfill', value: '15.3' },
    ];
    const { frame, press } = mount({}, { saved: { version: 1 as const, savedAt: '2026-11-21T10:14:00.000Z', decisions } }, [260, 40]);
    await press('', /6 decision\(s\) saved/);
    for (const line of [
      'skip DEBUG_SQL (production, live-only): left as it is',
      'skip CronJob/settlement-reconcile (production, object-cross-env): left as it is, "a one-off"',
      'declare NEW_AUTH_FLOW (cross-env): in the contract, "rollout until Q1"',
      'undeclare DB_POOL_MAX (stale-declaration): its declaration removed from the contract',
      'declare PAYMENT_GATEWAY_TIMEOUT_MS (production, live-drift): the live value accepted as it runs, "INC-2041"',
      'backfill PG_CLIENT_VERSION (production, cross-env): "15.3" in its file',
    ])
      expect(frame()).toContain(line);
  });

  it("e opens the drifted environment's file (the verdict's, not the first one's); a live-only key says it has no file", async () => {
    const opened: string[] = [];
    const { press } = mount({
      openEditor: (d, env) => {
        opened.push(`${d.key} ${d.kind} ${env}`);
        return undefined;
      },
    });
    await press('e', /DEBUG_SQL is live only: no file declares it/);
    await press('jjjj', /Divergences 5\/12/);
    await press('e');
    await press('j', /Divergences 6\/12/);
    await press('e');
    await press('kkk', /Divergences 3\/12/);
    await press('e');
    await vi.waitFor(() => expect(opened).toHaveLength(3));
    expect(opened).toEqual([
      'PAYMENT_GATEWAY_TIMEOUT_MS cross-env production',
      'PAYMENT_GATEWAY_TIMEOUT_MS live-drift production',
      'FEATURE_RECEIPTS_V2 stale-declaration staging',
    ]);
  });

  it('focus shows without colour: the pane in focus carries ▶ in its title', async () => {
    const { frame, press } = mount();
    expect(frame()).toContain('▶ Divergences');
    await press('\t', /▶ Detail/);
    expect(frame()).not.toContain('▶ Divergences');
    await press(ESC, /▶ Divergences/);
    await press(ENTER, /▶ Timeline — esc back/);
    expect(frame()).toMatch(/esc back/);
    await press(ESC, /▶ Divergences/);
  });

  it('loads in phases: a skeleton first, the repo rows, then live rows that never move the cursor', async () => {
    const quick = scan.divergences
      .filter((d) => d.kind !== 'live-drift' && d.kind !== 'live-only' && d.kind !== 'artifact')
      .map((d): Divergence => ({ ...d, verdict: undefined, history: undefined }));
    let step: (n: number) => void = () => undefined;
    const steps: Array<Promise<void>> = [];
    const gates = [0, 1].map(() => {
      let open!: () => void;
      steps.push(new Promise<void>((resolve) => (open = resolve)));
      return open;
    });
    step = (n) => gates[n]!();
    const { frame, press, controller } = mount(
      {
        load: async (dispatch) => {
          dispatch({ type: 'phase', source: 'repo', phase: { state: 'reading' } });
          await steps[0];
          dispatch({ type: 'context', envs: scan.snapshot.environments, promotion: scan.config.promotion });
          dispatch({ type: 'data', divergences: quick });
          dispatch({ type: 'phase', source: 'repo', phase: { state: 'done' } });
          dispatch({ type: 'phase', source: 'history', phase: { state: 'reading', done: 1204, total: 3000, unit: 'commits' } });
          dispatch({ type: 'livePhase', env: 'production', phase: { state: 'reading', done: 3, total: 6, unit: 'kinds' } });
          await steps[1];
          dispatch({ type: 'data', divergences: scan.divergences, live: scan.snapshot.live! });
          dispatch({ type: 'phase', source: 'history', phase: { state: 'done' } });
          dispatch({ type: 'livePhase', env: 'production', phase: { state: 'done' } });
        },
      },
      { envs: [], divergences: undefined, live: undefined },
    );
    await press('', /repo files: reading/);
    expect(frame()).toContain('history: waiting');
    expect(frame()).toContain('? help · q quit');
    step(0);
    await press('', /history: 1,204\/3,000 commits/);
    expect(frame()).toContain('production … 3/6 kinds');
    await press('jj', /Divergences 3\/9/);
    const selected = controller.store.getState().ui.selected;
    const row = frame().split('\n').indexOf(selectedLine(frame()));
    step(1);
    await press('', /Divergences \d+\/12/);
    expect(controller.store.getState().ui.selected).toBe(selected);
    expect(frame().split('\n').indexOf(selectedLine(frame()))).toBe(row);
  });

  it('until a key is pressed, the cursor stays at the top: live rows arriving first are seen, not scrolled away', async () => {
    const quick = scan.divergences.filter((d) => d.kind !== 'live-drift' && d.kind !== 'live-only' && d.kind !== 'artifact');
    let open!: () => void;
    const later = new Promise<void>((resolve) => (open = resolve));
    const { frame, press } = mount(
      {
        load: async (dispatch) => {
          dispatch({ type: 'data', divergences: quick });
          dispatch({ type: 'phase', source: 'repo', phase: { state: 'done' } });
          await later;
          dispatch({ type: 'data', divergences: scan.divergences, live: scan.snapshot.live! });
        },
      },
      { divergences: undefined, live: undefined },
    );
    await press('', `Divergences 1/${quick.length}`);
    open();
    await press('', `Divergences 1/${scan.divergences.length}`);
    expect(selectedLine(frame())).toContain(scan.divergences[0]!.key.slice(0, 8));
    expect(frame()).not.toContain('▲');
  });
});

describe('windowing', () => {
  it('renders only the visible rows of 20,000 divergences, and moves through them', async () => {
    const template = scan.divergences.find((d) => d.kind === 'cross-env')!;
    const many: Divergence[] = Array.from({ length: 20_000 }, (_, i) => ({ ...template, id: `id-${i}`, key: `KEY_${String(i).padStart(5, '0')}` }));
    const { frame, press } = mount({}, { divergences: many, live: undefined });
    expect(frame()).toContain('Divergences 1/20000');
    expect(
      frame()
        .split('\n')
        .filter((l) => / KEY_\d{5}/.test(l)).length,
    ).toBeLessThanOrEqual(34);
    await press('G', /Divergences 20000\/20000/);
    expect(selectedLine(frame())).toContain('KEY_19999');
    await press('\u0015', /Divergences 19983\/20000/); // ctrl-u: half a page up
  });
});

describe('the detail pane, written only as far as it shows', () => {
  const timeout = () => scan.divergences.find((d) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS' && d.kind === 'cross-env')!;

  it('a limited detail is the full detail cut short, one line past the limit (for the ▼ mark)', () => {
    const state = createController(
      { onExit: () => undefined },
      { repoName: 'r', envs: scan.snapshot.environments, divergences: scan.divergences },
    ).store.getState();
    const full = detailLines(state, timeout(), 35);
    const historyAt = full.findIndex((l) => l.text.startsWith('History'));
    expect(full.length - historyAt).toBeGreaterThan(3); // the key has a timeline to cut
    const limit = historyAt + 2;
    const cut = detailLines(state, timeout(), 35, limit);
    expect(cut.length).toBeGreaterThan(limit);
    expect(cut.length).toBeLessThan(full.length);
    expect(cut).toEqual(full.slice(0, cut.length));
  });

  it('an evidence line names its commit once: added when the text does not say it, not repeated when it does', () => {
    const state = createController(
      { onExit: () => undefined },
      { repoName: 'r', envs: scan.snapshot.environments, divergences: scan.divergences },
    ).store.getState();
    const d = timeout();
    const evidence = d.verdict!.evidence!;
    const named = evidence.find((e) => e.commit && e.text.includes(e.commit.slice(0, 7)))!;
    const text = detailLines(state, { ...d, verdict: { ...d.verdict!, evidence: [named, { ...named, text: 'a line that names no commit' }] } }, 200).map(
      (l) => l.text,
    );
    const sha = named.commit!.slice(0, 7);
    expect(text).toContain(`  • ${named.text}`);
    expect(text).toContain(`  • a line that names no commit (${sha})`);
  });

  it('scrolled to its end at 80×24, the pane shows the oldest history entry', async () => {
    const { frame, press } = mount({}, { divergences: [timeout()] }, [80, 24]);
    await press('\t', '▶ Detail');
    expect(frame()).not.toContain('b8387c1');
    await press('G', '▲');
    expect(frame()).toContain('b8387c1');
    expect(frame()).not.toContain('▼');
    await press('g', /Detail ▼/);
    await press('j', /Detail ▲ ▼/);
  });

  it('is reused while only progress changes, and written again when the decision changes', () => {
    const controller = createController({ onExit: () => undefined }, { repoName: 'r', envs: scan.snapshot.environments, divergences: scan.divergences });
    const { store } = controller;
    const d = timeout();
    store.dispatch({ type: 'phase', source: 'history', phase: { state: 'reading', done: 10, total: 20, unit: 'commits' } });
    const before = paneLines(store.getState(), d, 60, 'detail', 30);
    store.dispatch({ type: 'phase', source: 'history', phase: { state: 'reading', done: 12, total: 20, unit: 'commits' } });
    expect(paneLines(store.getState(), d, 60, 'detail', 30)).toBe(before);
    store.dispatch({ type: 'decide', decisions: [{ divergence: d.id, key: d.key, action: 'skip', env: 'production' }] });
    const after = paneLines(store.getState(), d, 60, 'detail', 30);
    expect(after).not.toBe(before);
    expect(after.map((l) => l.text).join('\n')).toContain('Decision: skip');
  });
});

describe('the releases (v)', () => {
  it('show per workload what each environment runs and what needs a look, wrapped to 80 columns; esc closes', async () => {
    const { frame, press } = mount({}, {}, [80, 24]);
    await press('v', 'Releases — what each environment runs');
    const screen = frame();
    for (const line of screen.split('\n')) expect(widthOf(line)).toBeLessThanOrEqual(80);
    expect(screen).toContain('promotion: staging → production');
    expect(screen).toContain('Deployment/payment-service (app)');
    expect(screen).toContain('staging     1.8.2  sha256:3f1a9c0e5b7d');
    expect(screen).toContain('production  1.8.2  sha256:9c4e7b21d0f3 !');
    // What needs a look, scrolled to: the tag rebuilt between environments.
    await press('jjjjjjjjjjjj', /rebuilt \(pushed again\)/);
    expect(frame().replace(/\s+/g, ' ')).toContain('the tag 1.8.2 runs as different builds: staging sha256:3f1a9c0e5b7d; production sha256:9c4e7b21d0f3');
    await press(ESC, '▶ Divergences 1/12');
  });

  it('say why they cannot open without live state', async () => {
    const { frame, press } = mount({}, { live: undefined });
    await press('v', 'no environment has a live source in undrift.yaml');
    expect(frame()).not.toContain('Releases —');
  });
});

// A first scan of a real repository: every route below network.routes differs per environment,
// every *_URL names its own environment. Each group is one row of the list.

function envFile(env: string, short: string, timeout: number): string {
  const routes = ['onprem', 'partner', 'internet', 'backup', 'metrics']
    .map((r, i) => `    ${r}:\n      cidr: 10.${env.length}.${i}.0/24\n      hop: gw-${short}-${i}\n`)
    .join('');
  const urls = ['PAYMENT', 'LEDGER', 'AUTH', 'SEARCH', 'MAIL'].map((s) => `${s}_URL: https://${s.toLowerCase()}.${short}.acme.internal\n`).join('');
  return `network:\n  routes:\n${routes}  dns: 10.0.0.2\n${urls}timeout: ${timeout}\n`;
}

const RIGHT = '\u001b[C';
const LEFT = '\u001b[D';
let patternScan: Scan;

function patternRepo() {
  return repoWithFiles({ 'config/staging.yaml': envFile('staging', 'staging', 30), 'config/production.yaml': envFile('production', 'prod', 10) });
}

function mountPatterns([columns, rows] = [140, 40], scan: Scan = patternScan) {
  const persisted: Decision[][] = [];
  const controller = createController(
    {
      persist: (d) => persisted.push(d),
      onExit: () => undefined,
      validate: (decision) => {
        const check = validateDecision(decision, scan);
        return check.ok ? {} : { refused: check.refused };
      },
    },
    {
      repoName: 'routes',
      envs: scan.snapshot.environments,
      promotion: scan.config.promotion,
      divergences: scan.divergences,
      patterns: scan.patterns,
      size: () => ({ columns, rows }),
    },
  );
  controller.start();
  return { ...renderAt(<App controller={controller} />, columns, rows), controller, persisted, last: () => persisted.at(-1) ?? [] };
}

const routeKeys = () => patternScan.patterns.find((p) => p.glob === 'network.routes.*')!.keys;

describe('pattern rows in the interactive view', () => {
  beforeAll(async () => {
    patternScan = await scanRepository({ repo: await patternRepo(), history: false, live: false });
  });

  it('show each group as one row with its count and what each environment may hold; the detail gives the group verdict', async () => {
    expect(patternScan.patterns.map((p) => p.glob)).toEqual(['network.routes.*', '*_URL']);
    const { frame, waitFor } = mountPatterns();
    const screen = frame();
    expect(screen).toContain('Divergences 1/3'); // two groups and timeout, in the scan's order (the URLs first)
    expect(selectedLine(screen)).toMatch(/≋ ▸ \*_URL \(5 keys\)\s+\/staging\|stage\|stg\/\s+\/production\|prod\|prd\//);
    expect(screen).toMatch(/≋ ▸ network\.routes\.\* \(10 keys\)\s+10 keys\s+10 keys/); // "any any" would say nothing
    expect(screen).toMatch(/≠ timeout\s+30\s+10/);
    expect(screen).not.toContain('network.routes.onprem.cidr   '); // the keys stay inside the closed group
    expect(screen).toContain('≋ *_URL — a pattern of 5 keys');
    expect(screen).toContain("every _URL key holds its own environment's name");
    await waitFor('Verdict: declare the pattern — one contract entry for every key'); // wrapped in the pane
    expect(screen).toContain('staging https://auth.staging.acme.internal'); // each key's values in full
    expect(screen).toContain('16 undecided · 0 decided · 16 total'); // the header still counts divergences
  });

  it('show an object defined in one environment only as nothing there and its keys where it is', async () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{name: http, port: 80}]\n';
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: api}\n';
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: [deploy/staging.yaml]\n  production: [deploy/production.yaml]\npromotion: [staging, production]\n',
      'deploy/staging.yaml': service,
      'deploy/production.yaml': `${service}---\n${pdb}`,
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    expect(scan.patterns.map((p) => p.glob)).toEqual(['PodDisruptionBudget/api.*']);
    const { frame } = mountPatterns([140, 40], scan);
    // Not "any any": staging holds nothing of it, production its two keys (as the table says).
    expect(selectedLine(frame())).toMatch(/≋ ▸ PodDisruptionBudget\/api\.\* \(2 keys\)\s+—\s+2 keys/);
  });

  it('→ opens a group below its row, j moves through its keys, ← closes it from any of them', async () => {
    const { frame, press } = mountPatterns();
    await press('j', /Divergences 2\/3/);
    await press(RIGHT, /≋ ▾ network\.routes\.\*/);
    expect(frame()).toContain('Divergences 2/13');
    const lines = frame().split('\n');
    const at = lines.findIndex((l) => l.includes('≋ ▾ network.routes.*'));
    for (const [i, key] of routeKeys().entries()) expect(lines[at + 1 + i]).toContain(`≠   ${key}`); // indented below the row
    await press('jj', /Divergences 4\/13/);
    expect(selectedLine(frame())).toContain(routeKeys()[1]);
    expect(frame()).toContain(`≠ ${routeKeys()[1]} — cross-env`); // the key's own detail
    await press(LEFT, /Divergences 2\/3/);
    expect(selectedLine(frame())).toContain('≋ ▸ network.routes.*');
    await press(ENTER, /each have their own timeline/); // enter on a group says what to do instead
  });

  it('d on a group declares every key of it with one reason; the row and the header count them', async () => {
    const { frame, press, last } = mountPatterns();
    await press('j', /Divergences 2\/3/);
    await press('d', /Declare the pattern network\.routes\.\* \(10 keys\) intended/);
    await press('routes differ per site', /routes differ per site/);
    await press(ENTER, /declare × 10 recorded/);
    expect(last().map((d) => [d.key, d.action, d.pattern, d.reason])).toEqual(
      routeKeys().map((key) => [key, 'declare', 'network.routes.*', 'routes differ per site']),
    );
    // Apply's plan: the ten decisions are one contract entry for the glob, which reads back
    // as a declaration that covers every key of the group.
    const steps = planDecisions(patternScan, last());
    expect(steps).toHaveLength(1);
    expect(steps[0]!.decisions).toHaveLength(10);
    expect(steps[0]!.subject).toBe('drift: declare network.routes.* (10 keys: staging=any, production=any)');
    const written = parseContract(yamlFileFromText(editContract(undefined, steps[0]!.contract[0]!), 'contract.yaml'), patternScan.snapshot.environments);
    expect(written.entries.map((e) => [e.pattern, e.reason, routeKeys().every((k) => e.glob?.test(k))])).toEqual([
      ['network.routes.*', 'routes differ per site', true],
    ]);
    expect(frame()).toContain('6 undecided · 10 decided · 16 total');
    expect(frame()).toMatch(/≋ ▸ network\.routes\.\* \(10 keys\).*✓d/);
    expect(frame()).toContain('Decision: 10 of 10 keys decided (declare ×10)');
    await press('n', /Divergences 3\/3/); // the next undecided row: timeout
    await press('n', /Divergences 1\/3/); // then the URLs' group, passing over the decided one
    await press('s', /skip × 5 recorded/);
    expect(
      last()
        .filter((d) => d.action === 'skip')
        .map((d) => d.key),
    ).toEqual(patternScan.patterns[1]!.keys);
    await press('u', /undone/);
    expect(last().filter((d) => d.action === 'skip')).toEqual([]);
  });

  it('a filter narrows a group to the keys it matches; space marks every key of the group', async () => {
    const { frame, press, waitFor, controller } = mountPatterns();
    await press('/', /filter: ▏/);
    await press('cidr', /network\.routes\.\* \(5 of 10 keys\)/);
    await press(ENTER, /j\/↓ move/);
    await press(' ', /●≋/);
    expect([...controller.store.getState().ui.marks].sort()).toEqual(
      patternScan.divergences
        .filter((d) => d.key.endsWith('.cidr'))
        .map((d) => d.id)
        .sort(),
    );
    await press(' ');
    await waitFor((f) => !f.includes('●'));
    await press(ESC, /filters cleared/);
    expect(frame()).toContain('network.routes.* (10 keys)');
  });

  it("a group's detail is written only as far as the pane shows it", () => {
    const { controller } = mountPatterns();
    const state = controller.store.getState();
    const item = visibleItems(state).find((i) => i.type === 'group' && i.pattern.glob === 'network.routes.*')!;
    if (item.type !== 'group') throw new Error('not a group');
    const full = groupLines(state, item, 60);
    const cut = groupLines(state, item, 60, 14);
    expect(full.length).toBeGreaterThan(20);
    expect(cut.length).toBeLessThan(full.length);
    expect(cut.length).toBeLessThanOrEqual(14 + 3); // one key past the limit, wrapped on up to three lines
    expect(cut).toEqual(full.slice(0, cut.length));
  });

  it('fits 80×24 with a group open: no line wider than the terminal', async () => {
    const { frame, press } = mountPatterns([80, 24]);
    await press(RIGHT, /≋ ▾/);
    for (const line of frame().split('\n')) expect(widthOf(line), line).toBeLessThanOrEqual(80);
    expect(frame()).toContain('(10 keys)');
  });
});
