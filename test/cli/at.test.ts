import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { flattenTexts } from '../../src/parse/flatten.js';
import { inFuture, stateAt } from '../../src/cli/at.js';
import { releasesOf } from '../../src/sources/live/helm-releases.js';
import { git, repoFromScenario } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { scenarioRepo } from '../support/demo-repo.js';

let repo: string;
beforeAll(async () => {
  repo = await scenarioRepo();
}, 120_000);

// `at --json` prints what stateAt returns (after `version`): the process boundary is tested by the
// text and error cases, the rest is asked in-process.

interface Row {
  env: string;
  declared: string | null;
  ran?: { known: boolean; value?: string | null; inferred?: string | null; since?: { manager: string } };
}

describe('undrift at', () => {
  it('shows what each environment declared and what ran before the incident, from the Helm release records', async () => {
    const result = await runCli(['at', '2026-07-13', '--no-cache'], { cwd: repo });
    expect(result.exitCode, result.stderr).toBe(0);
    const block = result.stdout.slice(result.stdout.indexOf('PAYMENT_GATEWAY_TIMEOUT_MS'));
    // Production's release records hold 3000 since revision 11: a live record, not an inference.
    // The hand edit is known only as "at or before" a time after the moment, and is said so.
    expect(block).toMatch(
      new RegExp(
        String.raw`production\s+declared 3000 \(config\/production\.yaml:9\) · ran 3000 \(deploy by helm, revision 11 at 2026-05-20 ` +
          String.raw`09:02 UTC; unless the hand-edit by kubectl-edit recorded only as at or before 2026-07-14 00:31 UTC came before ` +
          String.raw`this moment: it ran "10000" then\)`,
      ),
    );
    // Staging's release records say what ran there too: revision 20 deployed 3000 on 06-30.
    expect(block).toMatch(/staging\s+declared 3000 \(config\/staging\.yaml:9\) · ran 3000 \(deploy by helm, revision 20 at 2026-06-30 09:16 UTC\)/);
    const json = await stateAt({ repo, historyCache: false, noColor: true }, '2026-07-13');
    // Where the value was declared then, as text and as data (scan's JSON has both too).
    expect((json.keys.PAYMENT_GATEWAY_TIMEOUT_MS as Row[]).find((r) => r.env === 'production')).toMatchObject({
      location: 'config/production.yaml:9',
      at: { file: 'config/production.yaml', line: 9, column: 29 },
    });
    expect((json.keys.PAYMENT_GATEWAY_TIMEOUT_MS as Row[]).find((r) => r.env === 'production')!.ran).toMatchObject({
      known: true,
      value: '3000',
      since: { manager: 'helm', revision: '11', exact: true, time: '2026-05-20T09:02:36Z' },
    });
  });

  it.each([
    ['production', ['11 superseded', '12 superseded', '13 superseded', '14 deployed']],
    ['staging', ['20 superseded', '21 superseded', '22 superseded', '23 deployed']],
  ])("the demo's %s release records hold its values file as it was when each was deployed", async (env, revisions) => {
    // scripts/demo-helm-records.mjs wrote them; a change to the story's files must be followed by
    // running it again, or the snapshot would claim values that never ran.
    const snapshot = await readFile(path.join(repo, `live/${env}.yaml`), 'utf8');
    const objects = parseAllDocuments(snapshot).flatMap((d) => (d.toJS() as { items: unknown[] }).items);
    const { releases, problems } = releasesOf(objects, () => true);
    expect(problems).toEqual([]);
    expect(releases.map((r) => `${r.revision} ${r.status}`)).toEqual(revisions);
    for (const release of releases) {
      const commit = (await git(repo, 'rev-list', '-1', `--before=${release.time}`, 'HEAD')).trim();
      const file = parse(await git(repo, 'show', `${commit}:config/${env}.yaml`)) as unknown;
      expect(release.values, `revision ${release.revision}`).toEqual(Object.fromEntries(flattenTexts(file)));
    }
    // Helm 3 upgrades with a three-way merge: every key the chart renders into payment-config is
    // reset to the release's value. The live payment-config must hold what the last release deployed,
    // or the snapshot would show a hand edit that the last upgrade could not have left in place.
    const config = objects.find(
      (o) =>
        (o as { kind?: string; metadata?: { name?: string } }).kind === 'ConfigMap' && (o as { metadata: { name: string } }).metadata.name === 'payment-config',
    ) as { data: Record<string, string> };
    // (replicas and resources.* go into the Deployment, not the ConfigMap.)
    const rendered = Object.entries(releases.at(-1)!.values).filter(([key]) => !/^(replicas|resources\.)/.test(key));
    expect(config.data).toEqual(Object.fromEntries(rendered));
  });

  it('after the hand edit: production ran the hand-edited value, staging declared the misfiled fix', async () => {
    const json = await stateAt({ repo, historyCache: false, noColor: true }, '2026-07-15T12:00Z');
    const rows = json.keys.PAYMENT_GATEWAY_TIMEOUT_MS as Row[];
    expect(rows.find((r) => r.env === 'production')).toMatchObject({
      declared: '3000',
      ran: { known: true, value: '10000', since: { manager: 'kubectl-edit' } },
    });
    expect(rows.find((r) => r.env === 'staging')).toMatchObject({ declared: '10000' });
    expect(json.divergencesThen).toContainEqual({ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', kind: 'cross-env', envs: ['staging', 'production'] });
    // The files alone do not show the hand edit: what ran does. The image is declared by no values file.
    expect(json.liveDriftThen).toContainEqual({ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', declared: '3000', ran: '10000' });
    expect(json.liveDriftThen.filter((d) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS')).toHaveLength(1);
    expect(json.liveDriftThen.some((d) => d.key.includes('image'))).toBe(false);
    expect(json.moment.time).toBe('2026-07-15T12:00:00Z');
    expect(json.moment.future).toBeUndefined();
  });

  it('knows which image ran from the rollouts the ReplicaSets kept, exactly', async () => {
    const json = await stateAt({ repo, historyCache: false, noColor: true }, '2026-07-14T00:20Z');
    const rows = json.keys['Deployment/payment-service.containers[name=app].image'] as Row[];
    expect(rows.find((r) => r.env === 'production')!.ran).toMatchObject({
      known: true,
      value: 'registry.acme-payments.example/payment-service:1.8.1',
      since: { kind: 'restart', revision: '26', time: '2026-07-14T00:12:40Z' },
    });
    // staging's later helm write (known only as "at or before" 2026-11-03) started with revision 31, after the moment.
    expect(rows.find((r) => r.env === 'staging')!.ran).toEqual(
      expect.objectContaining({
        known: true,
        value: 'registry.acme-payments.example/payment-service:1.8.1',
        since: expect.objectContaining({ revision: '30' }),
      }),
    );
    expect((rows.find((r) => r.env === 'staging')!.ran as { caveat?: string }).caveat).toBeUndefined();
  });

  it('takes a commit, and leaves the checkout and the worktree list as they were', async () => {
    const first = (await git(repo, 'rev-list', '--max-parents=0', 'HEAD')).trim();
    const status = await git(repo, 'status', '--porcelain');
    const result = await runCli(['at', first.slice(0, 10), '--no-cache'], { cwd: repo });
    expect(result.exitCode, result.stderr).toBe(0);
    // Named once, with when it was committed (it read "State as of 890fc05a1b", then "repository at
    // 890fc05 (the last commit on HEAD's line at" its own commit time).
    const committed = (await git(repo, 'show', '-s', '--format=%cI', first)).trim();
    const when = new Date(committed).toISOString().slice(0, 19).replace('T', ' ');
    expect(result.stdout.split('\n')[0]).toBe(`State as of ${first.slice(0, 10)}, committed ${when} UTC`);
    expect(result.stdout).not.toContain('repository at');
    expect(await git(repo, 'status', '--porcelain')).toBe(status);
    expect((await git(repo, 'worktree', 'list')).trim().split('\n')).toHaveLength(1);
  });

  it('a moment in the future says in one line that what it shows is the present', async () => {
    const result = await runCli(['at', '2999-01-01', '--no-cache'], { cwd: repo });
    expect(result.exitCode, result.stderr).toBe(0);
    const head = (await git(repo, 'rev-parse', '--short=7', 'HEAD')).trim();
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'State as of 2999-01-01',
      `repository at ${head} (HEAD)`,
      '2999-01-01 is in the future: this is the present (the repository at HEAD, and what runs as far as the live records tell)',
    ]);
    // Judged as of --today, a day or a time after it is the future, and a time on it is not.
    expect([
      inFuture('2026-12-04', '2026-12-04T23:59:59Z', undefined, '2026-12-03'),
      inFuture('2026-12-04', '2026-12-04T00:00:00Z', '00:00Z', '2026-12-03'),
      inFuture('2026-12-03', '2026-12-03T22:00:00Z', '22:00Z', '2026-12-03'),
    ]).toEqual([true, true, false]);
  });

  it('a moment that is neither a date nor a commit is one clear line', async () => {
    const bad = await runCli(['at', '2026-13-01'], { cwd: repo });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('undrift: "2026-13-01" is not a date (2026-07-14), a date and time with a zone (2026-07-14T03:10Z), or a commit');
    expect((await runCli(['at', 'no-such-ref'], { cwd: repo })).stderr).toBe('undrift: "no-such-ref" is neither a date nor a commit of this repository');
    expect((await runCli(['at', '1999-01-01'], { cwd: repo })).stderr).toMatch(/^undrift: no commit on HEAD's line is as old as 1999-01-01/);
  });

  it('reads a commit from before undrift.yaml was written through today’s, not by a layout discovered in it', async () => {
    // Discovery would take config/<env>.yaml and leave the .env files unread: their keys "absent" then.
    const files = { 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 1\n', '.env.staging': 'B=x\n', '.env.production': 'B=y\n' };
    const config =
      'environments:\n  staging: [config/staging.yaml, .env.staging]\n  production: [config/production.yaml, .env.production]\ncontract: config/diff.yaml\n';
    const later = await repoFromScenario({
      commits: [
        { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'initial', write: files },
        // With a contract the commit does not hold yet: none then.
        {
          at: '2026-02-05T10:00:00Z',
          author: 'ana',
          message: 'undrift config',
          write: { 'undrift.yaml': config, 'config/diff.yaml': 'expected_differences: {}\n' },
        },
      ],
    });
    const then = await stateAt({ repo: later, historyCache: false, live: false, noColor: true }, '2026-01-10');
    expect(then.readWith).toBe('undrift.yaml');
    expect((then.keys.B as Row[]).map((r) => [r.env, r.declared])).toEqual([
      ['staging', 'x'],
      ['production', 'y'],
    ]);
  });
});
