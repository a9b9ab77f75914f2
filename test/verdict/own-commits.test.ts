// undrift's own commits (apply's Drift-* commits) as evidence: they speak for the decisions they
// record, in the operator's words, and the evidence they quote (the verdict's reasons, the history
// rows, "has stood for N days") is never read again as a new statement about any key.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import type { Scan } from '../../src/engine.js';
import { ownWords, recordedKeysIn } from '../../src/verdict/own-commits.js';
import { runCli } from '../support/cli.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';
import { git, repoFromScenario } from '../support/repo.js';

const TODAY = '2025-12-20';
// apply's commits dated, so that the verdicts' ages and "not after today" stay fixed.
const APPLY_ENV = { ...ONCALL_IDENTITY, GIT_AUTHOR_DATE: '2025-12-01T12:00:00Z', GIT_COMMITTER_DATE: '2025-12-01T12:00:00Z' };

const VALUES = 'env:\n  TIMEOUT_MS: 5000\n  FEATURE_X: false\n  RETRIES: 3\n  CACHE_TTL_S: 60\n';

/** A Helm service whose staging took three changes: an incident's timeout bump that swept a flag
 * along, a load test's retries with an end, and a cache TTL with no word of why. */
async function helmRepo(): Promise<string> {
  return repoFromScenario({
    commits: [
      {
        at: '2025-01-10T10:00:00Z',
        author: 'ana',
        message: 'service values',
        write: {
          'undrift.yaml': 'environments:\n  staging: {files: [values-staging.yaml]}\n  prod: {files: [values-prod.yaml]}\npromotion: [staging, prod]\n',
          'values-staging.yaml': VALUES,
          'values-prod.yaml': VALUES,
        },
      },
      {
        at: '2025-03-01T10:00:00Z',
        author: 'ben',
        message: 'Bump timeout in staging for slow upstream (INC-12)',
        set: { 'values-staging.yaml': { 'env.TIMEOUT_MS': 8000, 'env.FEATURE_X': true } },
      },
      {
        at: '2025-11-20T09:00:00Z',
        author: 'ana',
        message: 'Retries to 6 in staging for the soak test, back to 3 after 2025-12-10 (LT-3)',
        set: { 'values-staging.yaml': { 'env.RETRIES': 6 } },
      },
      {
        at: '2025-11-25T09:00:00Z',
        author: 'ben',
        message: 'Update values-staging.yaml',
        set: { 'values-staging.yaml': { 'env.CACHE_TTL_S': 120 } },
      },
    ],
  });
}

const scan = (repo: string) => scanRepository({ repo, historyCache: false, today: TODAY });
/** Each key's verdict as a reader meets it: suggestion, confidence, reasons, question. */
const verdicts = (s: Scan) =>
  new Map(
    s.divergences.map((d) => [
      d.key,
      {
        suggested: d.verdict?.suggested,
        value: d.verdict?.value,
        confidence: d.verdict?.confidence,
        reasons: d.verdict?.reasons,
        question: d.verdict?.question,
      },
    ]),
  );

async function apply(repo: string, decisions: string): Promise<{ branch: string; sha: string; message: string }> {
  const file = path.join(repo, '..', `decisions-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, decisions);
  const run = await runCli(['apply', '--decisions', file], { cwd: repo, env: APPLY_ENV });
  expect(run.exitCode, run.stderr).toBe(0);
  const branch = /^branch (\S+) \(from/.exec(run.stdout)![1]!;
  await git(repo, 'checkout', '-q', branch);
  const sha = await git(repo, 'rev-parse', 'HEAD');
  return { branch, sha, message: await git(repo, 'log', '-1', '--format=%B', sha) };
}

describe("undrift's own commits as evidence", () => {
  it("a backfill apply committed leaves every other key's verdict as it was, and a second apply on top does too", async () => {
    const repo = await helmRepo();
    const before = verdicts(await scan(repo));
    expect([...before.keys()].sort()).toEqual(['env.CACHE_TTL_S', 'env.FEATURE_X', 'env.RETRIES', 'env.TIMEOUT_MS']);

    const first = await apply(repo, '- {key: env.TIMEOUT_MS, env: prod, action: backfill, value: "8000", reason: "prod has the same slow upstream"}\n');
    // The commit apply wrote quotes the verdict's reasons: the flag it changed along with, the days
    // the value has stood, other commits' subjects and shas.
    expect(first.message).toContain('changed together with env.FEATURE_X');
    expect(first.message).toMatch(/has stood for \d+ days/);
    const after = verdicts(await scan(repo));
    expect(after.has('env.TIMEOUT_MS')).toBe(false);
    for (const key of ['env.FEATURE_X', 'env.RETRIES', 'env.CACHE_TTL_S']) expect(after.get(key), key).toEqual(before.get(key));
    const flag = (await scan(repo)).divergences.find((d) => d.key === 'env.FEATURE_X')!.verdict!;
    expect((flag.evidence ?? []).filter((e) => e.commit === first.sha)).toEqual([]);
    expect(flag.reasons.join('\n')).not.toMatch(/for \d+ days"|deadline/);

    // A second decision on the branch apply made: its commit quotes the first one's history too.
    const second = await apply(repo, '- {key: env.RETRIES, env: staging, action: revert, reason: "soak test over"}\n');
    expect(second.message).toContain('Reason: soak test over');
    const again = verdicts(await scan(repo));
    expect(again.has('env.RETRIES')).toBe(false);
    for (const key of ['env.FEATURE_X', 'env.CACHE_TTL_S']) expect(again.get(key), key).toEqual(before.get(key));
  });

  it("reads apply's own message as the decision line and the operator's reason, for the keys its trailers record", async () => {
    const repo = await helmRepo();
    const { message } = await apply(
      repo,
      '- {key: env.TIMEOUT_MS, env: prod, action: backfill, value: "8000", reason: "INC-12 hit prod too"}\n' +
        '- {key: env.CACHE_TTL_S, env: prod, action: backfill, value: "120", reason: "cache warmer needs it"}\n',
    );
    const body = message.slice(message.indexOf('\n') + 1);
    // One commit per decision by default: this one, the newest, is the cache TTL's.
    expect(recordedKeysIn(body)).toEqual(['env.CACHE_TTL_S']);
    expect(ownWords(body)).toBe('Reason: cache warmer needs it');
    const first = await git(repo, 'log', '-1', '--format=%b', 'HEAD~1');
    expect(recordedKeysIn(first)).toEqual(['env.TIMEOUT_MS']);
    expect(ownWords(first, 'env.TIMEOUT_MS')).toBe('Reason: INC-12 hit prod too');
    for (const quoted of [/has stood/, /History:/, /Verdict:/, /[0-9a-f]{7}/, /Drift-/]) expect(ownWords(first)).not.toMatch(quoted);
  });

  it('a commit of several decisions: each key reads its own part', async () => {
    const repo = await helmRepo();
    const decisions = path.join(repo, '..', 'grouped.yaml');
    await writeFile(
      decisions,
      '- {key: env.TIMEOUT_MS, env: prod, action: backfill, value: "8000", reason: "INC-12 hit prod too"}\n' +
        '- {key: env.CACHE_TTL_S, env: prod, action: backfill, value: "120", reason: "cache warmer needs it"}\n',
    );
    const run = await runCli(['apply', '--decisions', decisions, '--group', 'action'], { cwd: repo, env: APPLY_ENV });
    expect(run.exitCode, run.stderr).toBe(0);
    const branch = /^branch (\S+) \(from/.exec(run.stdout)![1]!;
    const body = await git(repo, 'log', '-1', '--format=%b', branch);
    expect(recordedKeysIn(body)).toEqual(['env.TIMEOUT_MS', 'env.CACHE_TTL_S']);
    expect(ownWords(body, 'env.TIMEOUT_MS')).toBe('drift(prod): backfill env.TIMEOUT_MS=8000\nReason: INC-12 hit prod too');
    expect(ownWords(body, 'env.CACHE_TTL_S')).toBe('drift(prod): backfill env.CACHE_TTL_S=120\nReason: cache warmer needs it');
  });

  it("the key an undrift commit records keeps its decision's reason as evidence", async () => {
    // dev → staging → prod: the backfill into staging leaves prod apart, and staging's latest change
    // of the key is now undrift's commit, read for what the operator wrote.
    const three =
      'environments:\n  dev: {files: [values-dev.yaml]}\n  staging: {files: [values-staging.yaml]}\n  prod: {files: [values-prod.yaml]}\npromotion: [dev, staging, prod]\n';
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2025-01-10T10:00:00Z',
          author: 'ana',
          message: 'service values',
          write: { 'undrift.yaml': three, 'values-dev.yaml': VALUES, 'values-staging.yaml': VALUES, 'values-prod.yaml': VALUES },
        },
        { at: '2025-11-01T10:00:00Z', author: 'ben', message: 'Update values-dev.yaml', set: { 'values-dev.yaml': { 'env.TIMEOUT_MS': 9000 } } },
      ],
    });
    const { sha } = await apply(repo, '- {key: env.TIMEOUT_MS, env: staging, action: backfill, value: "9000", reason: "staging needs the INC-77 fix"}\n');
    const verdict = (await scan(repo)).divergences.find((d) => d.key === 'env.TIMEOUT_MS')!.verdict!;
    expect(verdict.reasons).toContain(`${sha.slice(0, 7)} cites incident INC-77: it was a deliberate fix, not a routine change`);
    // What the commit quoted of dev's bare change is not read as its own word.
    expect(verdict.reasons.join('\n')).not.toMatch(new RegExp(`${sha.slice(0, 7)} (?:says|limits|names)`));
  });
});

describe('a time span is credited to the text that states it', () => {
  const config = 'environments:\n  staging: {files: [values-staging.yaml]}\n  prod: {files: [values-prod.yaml]}\npromotion: [staging, prod]\n';
  const base = 'env:\n  TIMEOUT_MS: 5000\n  POOL_SIZE: 10\n';

  it('a date before the change is no deadline of it; a note naming the key is credited with the limit it states', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2025-01-10T10:00:00Z',
          author: 'ana',
          message: 'service values',
          write: { 'undrift.yaml': config, 'values-staging.yaml': base, 'values-prod.yaml': base },
        },
        {
          at: '2025-03-01T10:00:00Z',
          author: 'ben',
          message: 'Temporarily raise TIMEOUT_MS in staging, as we did after the 2025-01-10 outage',
          set: { 'values-staging.yaml': { 'env.TIMEOUT_MS': 8000 } },
        },
        { at: '2025-12-01T10:00:00Z', author: 'ben', message: 'Raise POOL_SIZE in staging', set: { 'values-staging.yaml': { 'env.POOL_SIZE': 20 } } },
        {
          at: '2025-12-02T10:00:00Z',
          author: 'ana',
          message: 'POOL_SIZE: keep staging at 20 for two weeks while the soak test runs',
          write: { 'NOTES.txt': 'soak\n' },
        },
      ],
    });
    const [note, pool, timeout] = (await git(repo, 'log', '--format=%h', '-3', '--abbrev=7')).split('\n');
    const found = (await scan(repo)).divergences;
    const t = found.find((d) => d.key === 'env.TIMEOUT_MS')!.verdict!;
    expect(t.reasons).toContain(`${timeout} names 2025-01-10 beside a time limit, a day before the change itself (2025-03-01): it is no end of this change`);
    expect(t.reasons.join('\n')).not.toMatch(/deadline the text gave|past its deadline/);
    expect(t.confidence).toBeLessThanOrEqual(0.5);
    const p = found.find((d) => d.key === 'env.POOL_SIZE')!.verdict!;
    // The subject says it, and is quoted beside: no fragment of it ("while the soak test") again.
    expect(p.reasons).toContain(
      `${note} says the change is temporary until 2025-12-16: "POOL_SIZE: keep staging at 20 for two weeks while the soak test runs"`,
    );
    expect(p.reasons.join('\n')).not.toContain(`${pool} says the change is temporary`);
  });
});
