import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import type { Decision, Divergence } from '../../src/model/types.js';
import { buildScenario } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/scenario.js';
import { App, type AppProps } from '../../src/tui/App.js';
import { tempDir } from '../support/repo.js';

const ESC = '\u001b';
const ENTER = '\r';
const DOWN = '\u001b[B';
let scan: Scan;

beforeAll(async () => {
  const repo = await tempDir();
  await buildScenario(await loadScenario('payment-service'), repo);
  scan = await scanRepository({ repo, historyCache: false });
});

function mount(overrides: Partial<AppProps> = {}) {
  const persisted: Decision[][] = [];
  const exits: string[] = [];
  const props: AppProps = {
    repoName: 'payments-deploy',
    envs: scan.snapshot.environments,
    promotion: scan.config.promotion,
    initial: { divergences: scan.divergences, ...(scan.snapshot.live ? { live: scan.snapshot.live } : {}) },
    persist: (d) => persisted.push(d),
    onExit: (s) => exits.push(s),
    ...overrides,
  };
  const app = render(<App {...props} />);
  const frame = () => app.lastFrame() ?? '';
  const type = async (keys: string, expected?: string | RegExp) => {
    app.stdin.write(keys);
    if (expected) await vi.waitFor(() => expect(frame()).toMatch(expected));
  };
  return { app, frame, type, persisted, exits };
}

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.trimStart().startsWith('›'))!;

describe('the interactive view', () => {
  it('shows the header with live status and counts, the list, and the selected divergence', () => {
    const { frame } = mount();
    const screen = frame();
    expect(screen).toContain('undrift · payments-deploy · staging → production · live: staging ✓ snapshot, production ✓ snapshot');
    expect(screen).toContain('10 undecided · 0 decided · 10 total');
    expect(screen).toContain('Divergences 1/10');
    expect(selectedLine(screen)).toContain('DEBUG_SQL');
    expect(screen).toContain('+ DEBUG_SQL — live-only');
    expect(screen).toMatch(/r revert · b backfill · d declare/);
    expect(screen.split('\n').length).toBeLessThanOrEqual(23); // one row shorter than the terminal
  });

  it('moves with j/k, arrows, g/G; letters typed together count as separate presses', async () => {
    const { frame, type } = mount();
    await type('j', /Divergences 2\/10/);
    await type('jjj', /Divergences 5\/10/);
    expect(selectedLine(frame())).toContain('PAYMENT_G');
    await type(DOWN, /Divergences 6\/10/);
    await type('G', /Divergences 10\/10/);
    await type('g', /Divergences 1\/10/);
    await type('k', /Divergences 1\/10/);
  });

  it('filters by key (fuzzy) and by kind; esc clears the filter', async () => {
    const { frame, type } = mount();
    await type('/', /filter: ▏/);
    await type('pgtmo', /Divergences 1\/2/);
    expect(frame()).toContain('filter: pgtmo');
    await type(ENTER, /j\/↓ move/);
    await type(ESC, /Divergences 5\/10/); // the cursor stays on the divergence it was on
    await type('f', /showing: undecided/);
    await type('f', /showing: cross-env/);
    expect(frame()).toContain('Divergences 2/3'); // three cross-env keys; still on the timeout
  });

  it('records decisions, offers the two meanings of revert, and undoes and redoes them', async () => {
    const { frame, type, persisted } = mount();
    await type('/', /filter: ▏/);
    await type('PG_CLIENT', /Divergences 1\/1/);
    await type(ENTER);
    await type('r', /revert PG_CLIENT_VERSION: which one\?/);
    expect(frame()).toContain("1. production takes staging's \"15.3\"");
    expect(frame().replace(/\n\s+/g, ' ')).toMatch(/2\. staging back to its previous "15\.1" \(before [0-9a-f]{7} "Bump pg client to 15\.3 in staging"\)/);
    await type('2', /1 decided/);
    expect(frame()).toContain('Decision: revert staging = "15.1"');
    expect(persisted.at(-1)).toEqual([{ key: 'PG_CLIENT_VERSION', divergence: expect.any(String), action: 'revert', env: 'staging', value: '15.1' }]);
    await type('u', /0 decided/);
    expect(persisted.at(-1)).toEqual([]);
    await type('\u0012', /1 decided/); // ctrl-r
  });

  it('declare asks for a reason (required), an owner and an optional expiry', async () => {
    const { frame, type, persisted } = mount();
    await type('/', /filter: ▏/);
    await type('NEW_AUTH', /Divergences 1\/1/);
    await type(ENTER);
    await type('d', /Declare NEW_AUTH_FLOW intended/);
    expect(frame()).toContain('staging: "true"');
    await type(ENTER, /say why the difference is intended/);
    await type('rollout until Q1', /reason \(required\): rollout until Q1/);
    await type('\t', /› owner/);
    await type('auth-team');
    await type('\t', /› expires/);
    await type('2027-13', /2027-13/);
    await type(ENTER, /expires is a date: YYYY-MM-DD/);
    await type('\u007f\u007f03-31', /2027-03-31/);
    await type(ENTER, /1 decided/);
    expect(persisted.at(-1)![0]).toMatchObject({ action: 'declare', key: 'NEW_AUTH_FLOW', reason: 'rollout until Q1', owner: 'auth-team', expires: '2027-03-31' });
  });

  it('bulk: space marks, one key decides every mark', async () => {
    const { type } = mount();
    await type('f', /showing: undecided/);
    await type('f', /showing: cross-env/);
    await type(' ', /1 marked/);
    await type('j', /1 marked/);
    await type(' ', /2 marked/);
    await type('s', /2 decided/);
  });

  it('? shows the keymap, filterable', async () => {
    const { frame, type } = mount();
    await type('?', /Keys — type to filter, esc closes/);
    expect(frame()).toContain('ctrl-r   redo');
    await type('undo', /Keys matching "undo"/);
    expect(frame()).toContain('u        undo the last decision');
    expect(frame()).not.toContain('ctrl-d');
    await type(ESC, /Divergences/);
  });

  it('A shows a summary, defaults to No, and asks for the last stage by name', async () => {
    const applied: Decision[][] = [];
    const { frame, type } = mount({ apply: async (d) => (applied.push(d), 'applied: 1 commit(s) on branch undrift/test') });
    await type('A', /nothing to apply/);
    await type('/', /filter: ▏/);
    await type('PAYMENT_G', /Divergences 1\/2/);
    await type(ENTER);
    await type('b', /which one/);
    await type(ENTER, /1 decided/);
    await type('A', /Apply these decisions\?/);
    expect(frame()).toContain('backfill production PAYMENT_GATEWAY_TIMEOUT_MS');
    expect(frame()).toContain('type production and enter to confirm');
    await type(ENTER, /not applied/);
    expect(applied).toEqual([]);
    await type('A', /Apply these decisions\?/);
    await type('prod');
    await type(ENTER, /not applied/);
    await type('A', /Apply these decisions\?/);
    await type('production', /> production/);
    await type(ENTER, /applied: 1 commit\(s\) on branch undrift\/test/);
    expect(applied[0]).toEqual([expect.objectContaining({ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', action: 'backfill', env: 'production', value: '10000' })]);
    expect(frame()).toContain('0 decided');
  });

  it('q asks first when decisions are not applied; the summary line says they are saved', async () => {
    const { type, exits } = mount();
    await type('s', /1 decided/);
    await type('q', /Quit\?/);
    await type('n', /Divergences/);
    expect(exits).toEqual([]);
    await type('q', /Quit\?/);
    await type('y');
    await vi.waitFor(() => expect(exits).toEqual(['undrift: 10 divergences, 1 decided, 9 undecided; 1 decision saved — run undrift again to resume']));
  });

  it('offers to resume saved decisions', async () => {
    const d = scan.divergences.find((x) => x.key === 'NEW_AUTH_FLOW')!;
    const saved = { version: 1 as const, savedAt: '2026-11-21T10:14:00.000Z', decisions: [{ key: d.key, divergence: d.id, action: 'skip' as const }] };
    const { frame, type } = mount({ saved });
    await vi.waitFor(() => expect(frame()).toContain('1 decision(s) saved 2026-11-21 10:14 UTC'));
    await type('y', /resumed 1 decision/);
    expect(frame()).toContain('1 decided');
  });
});

describe('windowing', () => {
  it('renders only the visible rows of 20,000 divergences, and moves through them', async () => {
    const template = scan.divergences.find((d) => d.kind === 'cross-env')!;
    const many: Divergence[] = Array.from({ length: 20_000 }, (_, i) => ({ ...template, id: `id-${i}`, key: `KEY_${String(i).padStart(5, '0')}` }));
    const { frame, type } = mount({ initial: { divergences: many } });
    expect(frame()).toContain('Divergences 1/20000');
    expect(frame().split('\n').filter((l) => / KEY_\d{5}/.test(l)).length).toBeLessThanOrEqual(19);
    await type('G', /Divergences 20000\/20000/);
    expect(selectedLine(frame())).toContain('KEY_19999');
    await type('\u0015', /Divergences 19991\/20000/); // ctrl-u: half a page up
  });
});
