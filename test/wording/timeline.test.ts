import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import type { Divergence, HistoryEvent, TimelineEntry } from '../../src/model/types.js';
import { keyTimeline } from '../../src/history/key-timeline.js';
import { explainKey, renderExplanation } from '../../src/report/explain.js';
import { tempDir } from '../support/repo.js';
import { PLAIN } from '../../src/report/style.js';
import { detailLines } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import { rowChange, rowSummary, timelineRow } from '../../src/wording/timeline.js';

const commit: TimelineEntry = {
  time: '2026-07-14T01:52:09Z',
  exact: true,
  env: 'staging',
  source: 'repo',
  kind: 'merge',
  from: '3000',
  to: '10000',
  commit: '40c9d35aa1b2c3d4e5f60718293a4b5c6d7e8f90',
  author: 'Dana Whitfield',
  subject: 'Raise the timeout',
  file: 'config/staging.yaml',
};
const handEdit: TimelineEntry = {
  time: '2026-07-14T00:31:05Z',
  exact: false,
  env: 'production',
  source: 'live',
  kind: 'hand-edit',
  to: '10000',
  manager: 'kubectl-edit',
};
const rollout: TimelineEntry = {
  time: '2026-07-14T00:12:00Z',
  exact: true,
  env: 'production',
  source: 'live',
  kind: 'deploy',
  from: null,
  to: 'app:1.8.1',
  revision: '27',
  liveSource: 'ReplicaSet/app-5f8b7c9d6e',
};

describe('one timeline row, worded once for every renderer', () => {
  it('words a commit: its minute in UTC, the change, the short hash, who and why, and that it is a merge', () => {
    const row = timelineRow(commit);
    expect(row).toMatchObject({ when: '2026-07-14 01:52', day: '2026-07-14', atOrBefore: false, live: false, what: 'merge', by: 'Dana Whitfield' });
    expect(row.ref).toBe('40c9d35');
    expect(rowChange(row)).toBe('3000 → 10000');
    expect(rowSummary(row)).toBe('40c9d35 Dana Whitfield: Raise the timeout [merge]');
  });

  it('words a live write: no earlier value (first recorded), the manager, and "at or before" when the time is an upper bound', () => {
    const row = timelineRow(handEdit);
    expect(row).toMatchObject({ live: true, what: 'hand edit (live)', by: 'kubectl-edit', ref: '', atOrBefore: true });
    expect(rowChange(row)).toBe('10000 (first recorded)'); // nothing recorded before it: unknown, not absent
    expect(rowSummary(row)).toBe('hand edit by kubectl-edit (at or before)');
    const deploy = timelineRow(rollout);
    expect(deploy).toMatchObject({ by: 'rollout', ref: 'ReplicaSet/app-5f8b7c9d6e' });
    expect(rowChange(deploy, (v) => `<${v ?? 'none'}>`, '->')).toBe('<none> -> <app:1.8.1>');
    expect(rowSummary(deploy)).toBe('deploy, revision 27');
  });

  it('keeps a value on one terminal-safe line', () => {
    expect(rowChange(timelineRow({ ...handEdit, to: 'a\u001b[31mred' }))).not.toContain('\u001b');
  });

  it('is what explain and the interactive view both print for a key', () => {
    const event: HistoryEvent = {
      commit: commit.commit!,
      author: 'Dana Whitfield',
      email: 'dana@example.com',
      date: '2026-07-14T03:52:09+02:00',
      committed: '2026-07-14T03:52:09+02:00',
      subject: 'Raise the timeout',
      body: '',
      file: 'config/staging.yaml',
      from: '3000',
      to: '10000',
      merge: true,
      revert: false,
    };
    const d: Divergence = {
      id: 'x',
      key: 'TIMEOUT',
      kind: 'cross-env',
      severity: 'drift',
      envs: ['staging', 'production'],
      values: {
        staging: { repo: '10000', live: null, at: { file: 'config/staging.yaml', line: 3, column: 1 }, type: 'number' },
        production: { repo: '3000', live: null, at: { file: 'config/production.yaml', line: 3, column: 1 }, type: 'number' },
      },
      declared: false,
      contract: null,
      notes: [],
      history: { staging: [event], production: [] },
    };
    const explained = renderExplanation(
      {
        key: 'TIMEOUT',
        values: { staging: { repo: '10000', location: null, at: null }, production: { repo: '3000', location: null, at: null } },
        history: d.history!,
        divergences: [d],
      },
      PLAIN,
    );
    const worded = `${rowChange(timelineRow(commit))}  ${rowSummary(timelineRow(commit))}`;
    expect(explained).toContain(`2026-07-14 01:52  staging     ${worded}`);
    const state = initialState({ repoName: 'demo', envs: ['staging', 'production'], divergences: [d] });
    expect(detailLines(state, d, 200).map((l) => l.text.trim())).toContain(`2026-07-14 01:52 staging ${worded}`);
  });

  it('lists commits of one second (a rebased pull request) parents first, not in promotion order', () => {
    // dev's commit came after staging's, both committed in the same second: dev was listed first.
    const at = (order: number, sha: string, subject: string): HistoryEvent => ({
      commit: sha.repeat(40),
      author: 'Ana Lima',
      email: 'ana@example.com',
      date: '2026-10-05T10:00:00Z',
      committed: '2026-12-04T09:49:12Z',
      subject,
      body: '',
      file: '.env',
      from: '5000',
      to: '10000',
      merge: false,
      revert: false,
      order,
    });
    const history = { dev: [at(0, 'b', 'raise it in dev too')], staging: [at(1, 'a', 'raise the timeout')], production: [] };
    expect(keyTimeline([{ history }], ['dev', 'staging', 'production']).map((e) => `${e.env} ${e.subject}`)).toEqual([
      'staging raise the timeout',
      'dev raise it in dev too',
    ]);
  });
});

describe('a rebased commit: committed on one day, written on another (a real repository)', () => {
  it('orders by the commit date, flags the author date on the row, and says which is which once', async () => {
    const repo = await tempDir();
    const run = (env: Record<string, string>, ...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        env: { ...process.env, GIT_AUTHOR_NAME: 'Dana', GIT_AUTHOR_EMAIL: 'd@x', GIT_COMMITTER_NAME: 'Dana', GIT_COMMITTER_EMAIL: 'd@x', ...env },
      });
    run({}, 'init', '-q');
    mkdirSync(path.join(repo, 'config'));
    writeFileSync(path.join(repo, 'config/staging.yaml'), 'timeout: 100\n');
    writeFileSync(path.join(repo, 'config/production.yaml'), 'timeout: 100\n');
    run({ GIT_AUTHOR_DATE: '2026-10-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T10:00:00Z' }, 'add', '-A');
    run({ GIT_AUTHOR_DATE: '2026-10-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T10:00:00Z' }, 'commit', '-qm', 'init');
    writeFileSync(path.join(repo, 'config/production.yaml'), 'timeout: 300\n');
    // Written on 5 October, rebased onto main on 20 November.
    run({ GIT_AUTHOR_DATE: '2026-10-05T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-20T15:30:00Z' }, 'commit', '-qam', 'raise the timeout for INC-7');
    const scan = await scanRepository({ repo, today: '2026-12-04' });
    const text = renderExplanation(explainKey(scan, 'timeout')!, PLAIN);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.includes('is its author date'))).toHaveLength(1);
    expect(lines.find((l) => l.includes('raise the timeout'))).toMatch(/^ {2}2026-11-20 15:30 {2}production .* \[written 2026-10-05\]$/);
    // A commit written and committed on one day says nothing more.
    expect(lines.find((l) => l.includes(': init'))).not.toContain('written');
    const entry = keyTimeline(scan.divergences, scan.snapshot.environments).find((e) => e.subject === 'raise the timeout for INC-7')!;
    expect(entry).toMatchObject({ time: '2026-11-20T15:30:00Z', authored: '2026-10-05T10:00:00Z' });
  });
});
