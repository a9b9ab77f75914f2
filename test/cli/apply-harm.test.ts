import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoFromScenario, runUndrift, tempDir } from '../support/repo.js';
import { AT } from './timeout-drift.js';

// A newcomer's trial (session 37): a decisions file that backfilled staging's timeout over the
// production value "HOTFIX INC-3312" had put there, or staging's SQL debug switch into production,
// was written to a branch with no word, though the view asks before either. apply refuses a
// decision that looks harmful, names why in the view's words, and writes it only with --allow-risk.

const CONFIG = 'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n';

/** Both at 3000 until on-call raised production's to 10000 during an incident, citing it. */
const hotfixRepo = () =>
  repoFromScenario({
    commits: [
      {
        at: '2026-10-01T09:00:00Z',
        author: 'ana',
        message: 'Add payment config',
        write: {
          'undrift.yaml': CONFIG,
          'config/staging.yaml': 'env:\n  PAYMENT_GATEWAY_TIMEOUT_MS: 3000\n',
          'config/production.yaml': 'env:\n  PAYMENT_GATEWAY_TIMEOUT_MS: 3000\n',
        },
      },
      {
        at: '2026-11-14T02:40:00Z',
        author: 'ben',
        message: 'HOTFIX INC-3312: raise the gateway timeout, p99 of the acquirer is at 8s',
        write: { 'config/production.yaml': 'env:\n  PAYMENT_GATEWAY_TIMEOUT_MS: 10000\n' },
      },
    ],
  });

/** Staging's SQL debug switch turned on to chase a slow report; production's stays off. */
const debugRepo = () =>
  repoFromScenario({
    commits: [
      {
        at: '2026-10-01T09:00:00Z',
        author: 'ana',
        message: 'Add app config',
        write: { 'undrift.yaml': CONFIG, 'config/staging.yaml': 'env:\n  DEBUG_SQL: false\n', 'config/production.yaml': 'env:\n  DEBUG_SQL: false\n' },
      },
      {
        at: '2026-11-20T15:00:00Z',
        author: 'ben',
        message: 'Log every query in staging while we look at the slow monthly report',
        write: { 'config/staging.yaml': 'env:\n  DEBUG_SQL: true\n' },
      },
    ],
  });

const decide = async (text: string) => {
  const file = path.join(await tempDir(), 'decisions.yaml');
  await writeFile(file, text);
  return file;
};

const apply = async (repo: string, decisions: string, ...flags: string[]) =>
  runUndrift(['apply', '--decisions', await decide(decisions), ...flags], { cwd: repo, env: AT('2026-12-05T10:00:00Z') });

const branches = async (repo: string) => (await git(repo, 'branch', '--list', 'undrift/*')).trim();

describe('apply refuses a decision that looks harmful unless --allow-risk', () => {
  it.each([
    ['a backfill of production with staging’s value', "- {key: env.PAYMENT_GATEWAY_TIMEOUT_MS, env: production, action: backfill, value: '3000'}\n"],
    ['a revert of production to its value before', '- {key: env.PAYMENT_GATEWAY_TIMEOUT_MS, env: production, action: revert}\n'],
  ])('%s undoes the incident’s fix: refused, nothing written, the fix named', async (_, decisions) => {
    const repo = await hotfixRepo();
    const run = await apply(repo, decisions);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(
      /undoes production's "10000" from [0-9a-f]{7} "HOTFIX INC-3312: raise the gateway timeout, p99 of the acquirer is at 8s", a fix citing INC-3312/,
    );
    expect(run.stderr).toContain('Nothing was changed; if it is meant, apply again with --allow-risk');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(await branches(repo)).toBe('');
  });

  it('with --allow-risk the same decision is written on a new branch', async () => {
    const repo = await hotfixRepo();
    const run = await apply(repo, "- {key: env.PAYMENT_GATEWAY_TIMEOUT_MS, env: production, action: backfill, value: '3000'}\n", '--allow-risk');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^branch undrift\/\S+ /m);
    expect(await branches(repo)).toMatch(/undrift\//);
    // The commit says it was applied knowingly, and why it looked harmful, for whoever reviews it.
    const message = await git(repo, 'log', '-1', '--format=%B', (await branches(repo)).replace(/^[*+ ]+/, ''));
    expect(message.replace(/\n\s+/g, ' ')).toMatch(
      /Applied though it looks harmful \(confirmed\): .*undoes production's "10000" from [0-9a-f]{7} "HOTFIX INC-3312/,
    );
  });

  it('the same file applied again, without --allow-risk, finds it in place on its branch instead of refusing it', async () => {
    // Refused before: the harm check ran before the open branch was read, so a re-run (a script
    // applying a reviewed file twice) failed where the first run had already made the branch.
    const repo = await hotfixRepo();
    const decisions = "- {key: env.PAYMENT_GATEWAY_TIMEOUT_MS, env: production, action: backfill, value: '3000'}\n";
    expect((await apply(repo, decisions, '--allow-risk')).exitCode).toBe(0);
    const again = await apply(repo, decisions);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('harmful');
    expect(again.stdout).toMatch(/already in place/);
    expect((await branches(repo)).split('\n')).toHaveLength(1);
  });

  it('the move that keeps the fix (staging given production’s value) is not refused', async () => {
    const repo = await hotfixRepo();
    const run = await apply(repo, '- {key: env.PAYMENT_GATEWAY_TIMEOUT_MS, env: staging, action: backfill}\n');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('harmful');
  });

  it('staging’s SQL debug switch backfilled into production is refused as the weaker setting in the last stage', async () => {
    const repo = await debugRepo();
    const run = await apply(repo, '- {key: env.DEBUG_SQL, env: production, action: backfill}\n');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('puts "true" in production, which looks like the weaker setting');
    expect(await branches(repo)).toBe('');
    // Staging put back to production's value harms nothing.
    const back = await apply(repo, '- {key: env.DEBUG_SQL, env: staging, action: revert}\n');
    expect(back.exitCode, back.stderr).toBe(0);
  });

  it('a protection switched off or an opening switched on in production is refused, whatever risk class its name has', async () => {
    // A newcomer's trial (session 39): AUDIT_LOG_ENABLED=false and PUBLIC_READ=true were backfilled
    // into production with no word, where RATE_LIMIT_ENABLED=false was refused.
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-10-01T09:00:00Z',
          author: 'ana',
          message: 'Add storage config',
          write: {
            'undrift.yaml': CONFIG,
            'config/staging.yaml': 'env:\n  AUDIT_LOG_ENABLED: true\n  PUBLIC_READ: false\n  NEW_CHECKOUT: true\n',
            'config/production.yaml': 'env:\n  AUDIT_LOG_ENABLED: true\n  PUBLIC_READ: false\n  NEW_CHECKOUT: true\n',
          },
        },
        {
          at: '2026-11-20T15:00:00Z',
          author: 'ben',
          message: 'Staging: open the bucket and stop the audit log for the demo data, old checkout',
          write: { 'config/staging.yaml': 'env:\n  AUDIT_LOG_ENABLED: false\n  PUBLIC_READ: true\n  NEW_CHECKOUT: false\n' },
        },
      ],
    });
    const run = await apply(
      repo,
      '- {key: env.AUDIT_LOG_ENABLED, env: production, action: backfill}\n- {key: env.PUBLIC_READ, env: production, action: backfill}\n',
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('2 decisions look harmful');
    expect(run.stderr).toContain('puts "false" in production, which looks like the weaker setting');
    expect(run.stderr).toContain('puts "true" in production, which looks like the weaker setting');
    expect(await branches(repo)).toBe('');
    // A feature switch is no protection: its value is the team's call.
    const feature = await apply(repo, '- {key: env.NEW_CHECKOUT, env: production, action: backfill}\n');
    expect(feature.exitCode, feature.stderr).toBe(0);
  });

  it('several harmful decisions are named together in one line', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-10-01T09:00:00Z',
          author: 'ana',
          message: 'Add config',
          write: {
            'undrift.yaml': CONFIG,
            'config/staging.yaml': 'env:\n  DEBUG_SQL: false\n  PAYMENT_GATEWAY_TIMEOUT_MS: 3000\n',
            'config/production.yaml': 'env:\n  DEBUG_SQL: false\n  PAYMENT_GATEWAY_TIMEOUT_MS: 3000\n',
          },
        },
        {
          at: '2026-11-14T02:40:00Z',
          author: 'ben',
          message: 'Hotfix INC-3400: gateway timeouts during the outage',
          write: { 'config/production.yaml': 'env:\n  DEBUG_SQL: false\n  PAYMENT_GATEWAY_TIMEOUT_MS: 10000\n' },
        },
        {
          at: '2026-11-20T15:00:00Z',
          author: 'ben',
          message: 'Log every query in staging while we look at the slow monthly report',
          write: { 'config/staging.yaml': 'env:\n  DEBUG_SQL: true\n  PAYMENT_GATEWAY_TIMEOUT_MS: 3000\n' },
        },
      ],
    });
    const run = await apply(
      repo,
      '- {key: env.PAYMENT_GATEWAY_TIMEOUT_MS, env: production, action: revert}\n- {key: env.DEBUG_SQL, env: production, action: backfill}\n',
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('2 decisions look harmful: ');
    expect(run.stderr).toContain('a fix citing INC-3400');
    expect(run.stderr).toContain('puts "true" in production');
    expect(run.stderr).toContain('if they are meant, apply again with --allow-risk');
    expect(await branches(repo)).toBe('');
  });
});
