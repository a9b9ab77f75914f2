import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { git } from '../support/repo.js';
import { tmuxSessions } from '../support/tmux.js';
import { ONCALL_IDENTITY as IDENTITY, scenarioRepo } from '../support/demo-repo.js';

// The interactive view on the demo in a wide terminal (220×50), used as a person would: the list,
// a key opened, its timeline, a decision, the apply preview. At that width nothing a person reads
// is cut or wrapped: whole keys, whole values, the timeline's commit lines and the preview's commit
// line each on one line, and no line wider than the terminal.

const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));
/** Node, Ink and the engine start in the session, on two cores shared with other work. */
const LOADING_MS = 60_000;
const WIDTH = 220;
const HEIGHT = 50;
const tmux = tmuxSessions();

const fits = (screen: string) => screen.split('\n').every((line) => [...line].length <= WIDTH);

describe('the interactive view at 220×50 (tmux)', () => {
  it('shows whole keys, values, timeline and apply preview lines on the demo', async (ctx) => {
    if (!tmux.available) return ctx.skip();
    const repo = await scenarioRepo();
    const head = await git(repo, 'rev-parse', 'HEAD');
    const tui = await tmux.start({ cwd: repo, command: `node ${BIN}`, env: IDENTITY, label: 'wide-220x50', width: WIDTH, height: HEIGHT });
    // Every row read (the live ones too) and the history loaded.
    await tui.waitFor(/Divergences 1\/12/, 'wide-live-read', LOADING_MS);
    const list = await tui.waitFor((screen) => /Verdict: (?!history is still loading)/.test(screen) && !/reading/.test(screen), 'wide-list', LOADING_MS);
    expect(fits(list)).toBe(true);
    // Whole keys, both rows of the key that drifts two ways, and each value whole.
    expect(list).toContain('Deployment/payment-service.containers[name=app].image');
    expect(list).toContain('permissions[subject=ServiceAccount/payment-service]');
    expect(list).toMatch(/≠ PAYMENT_GATEWAY_TIMEOUT_MS cross-env\s+10000\s+3000\s/);
    expect(list).toMatch(/~ PAYMENT_GATEWAY_TIMEOUT_MS live-drift\s+10000\s+3000→10000/);

    // To the live-drift row, as a person moves: j until the cursor is on it.
    await tui.moveTo(/~ PAYMENT_GATEWAY_TIMEOUT_MS live-drift/, 'wide-key');
    const opened = await tui.waitFor(/› ~ PAYMENT_GATEWAY_TIMEOUT_MS live-drift/, 'wide-key');
    // The detail's values as a table, each place whole.
    expect(opened).toMatch(/» production\s+3000\s+config\/production\.yaml:9\s+10000/);
    expect(opened).toMatch(/Verdict: backfill production = 10000 \(0\.\d+\)/);

    await tui.keys('Enter');
    const timeline = await tui.waitFor('Timeline — esc back', 'wide-timeline');
    expect(fits(timeline)).toBe(true);
    // A commit's line of the timeline is one line at this width.
    expect(timeline).toMatch(/staging 3000 → 10000 {2}ee4a556 Dana Whitfield: Raise payment gateway timeout to 10s in production \(INC-2041\)\n/);
    await tui.keys('Escape');
    await tui.waitFor(/▶ Divergences/, 'wide-back');

    await tui.keys('b');
    const decided = await tui.waitFor(/live-drift\s+10000\s+3000→10000\s+✓b/, 'wide-decided');
    expect(decided).toContain('Decision: backfill production = "10000"');

    await tui.keys('A');
    const preview = await tui.waitFor('Apply these decisions?', 'wide-apply-preview');
    expect(fits(preview)).toBe(true);
    expect(preview).toContain('  commit 1: drift(production): backfill PAYMENT_GATEWAY_TIMEOUT_MS=10000 → config/production.yaml\n');
    expect(preview).toContain('type production and enter to confirm; anything else cancels (default: No)');
    await tui.keys('Escape');
    await tui.waitFor(/▶ Divergences/, 'wide-cancelled');
    await tui.keys('q');
    // The decision is not applied: quitting asks, and says it is kept.
    const asks = await tui.waitFor('Quit?', 'wide-quit-asks');
    expect(asks).toContain('1 decision(s) are not applied. They are saved; undrift offers them again next time.');
    await tui.keys('y');
    await tui.waitFor('[exit 0]', 'wide-quit');
    // Nothing was applied: the checkout is where it was.
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
  }, 180_000);
});
