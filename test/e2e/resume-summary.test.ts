// The resume prompt as a person meets it in a real terminal (tmux): each saved decision says what
// it does, its environment and its row's kind, whatever the decision names. A skip recorded on a
// live row names no environment (the row's id carries it), a declare and an undeclare none either:
// they read as bare `skip DEBUG_SQL`, `undeclare DB_POOL_MAX` (a newcomer's trial, session 24).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmuxSessions } from '../support/tmux.js';
import { ONCALL_IDENTITY as IDENTITY, scenarioRepo } from '../support/demo-repo.js';

const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));
/** A view's first screen and background load at a high load average (see tui.test.ts). */
const LOADING_MS = 60_000;
const tmux = tmuxSessions();

async function open(repo: string, label: string, width = 120) {
  return tmux.start({ cwd: repo, command: `node ${BIN}`, env: IDENTITY, label, width, height: 40 });
}

describe('the resume prompt in a real terminal (tmux)', () => {
  it('says for every saved decision what it does, where, and on which kind of row: a live skip without env, a declare, an undeclare', async (ctx) => {
    if (!tmux.available) return ctx.skip();
    const repo = await scenarioRepo();
    const tui = await open(repo, 'resume-kinds');
    await tui.waitFor(/Divergences 1\/12/, 'list', LOADING_MS);
    await tui.waitFor('Verdict:', 'loaded', LOADING_MS);
    const decide = async (filter: string, keys: string[], decided: number, label: string) => {
      await tui.keys('/');
      await tui.waitFor('filter: ▏', `${label}-filter`);
      await tui.type(filter);
      await tui.waitFor('Divergences 1/1', `${label}-filtered`);
      await tui.keys('Enter', ...keys);
      await tui.waitFor(`${decided} decided`, `${label}-decided`);
      await tui.keys('Escape');
      await tui.waitFor(/Divergences \d+\/12/, `${label}-unfiltered`);
    };
    await decide('DEBUG_SQL', ['s'], 1, 'skip-live-only');
    await decide('settlement-reconcile', ['s'], 2, 'skip-object');
    await tui.keys('/');
    await tui.type('NEW_AUTH');
    await tui.waitFor('Divergences 1/1', 'declare-filtered');
    await tui.keys('Enter', 'd');
    await tui.waitFor('Declare NEW_AUTH_FLOW intended', 'declare-form');
    await tui.type('rollout until Q1');
    await tui.keys('Enter');
    await tui.waitFor('3 decided', 'declared');
    await tui.keys('Escape');
    await decide('DB_POOL', ['d'], 4, 'undeclare');
    await tui.keys('q');
    await tui.waitFor('Quit?', 'quit-asks');
    await tui.keys('y');
    await tui.waitFor('[exit 0]', 'quit');

    // Wide enough that the prompt's pane holds each line whole.
    const again = await open(repo, 'resume-kinds-again', 220);
    // The environments' names come with the configuration, read after the prompt is first drawn.
    const prompt = await again.waitFor(/skip DEBUG_SQL \(production/, 'resume-offered', LOADING_MS);
    const column = prompt
      .split('\n')
      .find((l) => l.includes('Resume?'))!
      .indexOf('Resume?');
    const pane = prompt.split('\n').map((l) => l.slice(column).trimEnd());
    expect(pane.find((l) => l.includes('saved'))).toMatch(/^4 decision\(s\) saved \d{4}-\d\d-\d\d \d\d:\d\d UTC, not applied:$/);
    const lines = pane.map((l) => l.trim()).filter((l) => /^(skip|declare|undeclare|revert|backfill) /.test(l));
    expect(lines).toEqual([
      'skip DEBUG_SQL (production, live-only): left as it is',
      'skip CronJob/settlement-reconcile (production, object-cross-env): left as it is',
      'declare NEW_AUTH_FLOW (cross-env): in the contract, "rollout until Q1"',
      'undeclare DB_POOL_MAX (stale-declaration): its declaration removed from the contract',
    ]);
    await again.keys('y');
    await again.waitFor('resumed 4 decisions', 'resumed');
  }, 240_000);
});
