import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayRemote, parseRemote, webLinks } from '../../src/git/remote.js';
import { runCli } from '../support/cli.js';
import { git, tempDir } from '../support/repo.js';
import { scenarioRepo } from '../support/demo-repo.js';

let repo: string;
let head: string;
beforeAll(async () => {
  repo = await scenarioRepo();
  await git(repo, 'remote', 'add', 'origin', 'git@github.com:acme/payments-deploy.git');
  head = (await git(repo, 'rev-parse', 'HEAD')).trim();
}, 120_000);

/** `report --no-cache` of the demo as it is at the start (nothing in this file changes what it
 * reads before the ledger test): run once, for the tests that read the whole Markdown report. */
let fullReport: ReturnType<typeof runCli> | undefined;
const reportOfDemo = () => (fullReport ??= runCli(['report', '--no-cache'], { cwd: repo }));

const rowsOf = (markdown: string, key: string) => {
  const start = markdown.indexOf(`## \`${key}\``);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown
    .slice(start, end === -1 ? undefined : end)
    .split('\n')
    .filter((l) => /^\| (★ )?\d{4}-/.test(l));
};

describe('the post-mortem report', () => {
  it('names the remote, branch and HEAD, and merges commits and live hand edits into one timeline per key, with links', async () => {
    const result = await reportOfDemo();
    expect(result.exitCode).toBe(0);
    const md = result.stdout;
    expect(md).toContain('| Repository | [git\\@github.com:acme/payments-deploy.git](https://github.com/acme/payments-deploy) |');
    expect(md).toContain(`| Branch · HEAD | \`main\` · [\`${head.slice(0, 7)}\`](https://github.com/acme/payments-deploy/commit/${head}) |`);
    expect(md).toMatch(/\| Generated \| \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(times in this report are UTC, offset \+00:00\) \|/);
    expect(md).not.toContain(repo); // the remote, not a local path

    // One section per key, holding both of its divergences' verdicts.
    expect(md.split('## `PAYMENT_GATEWAY_TIMEOUT_MS`').length - 1).toBe(1);
    const rows = rowsOf(md, 'PAYMENT_GATEWAY_TIMEOUT_MS');
    const at = (needle: string) => rows.findIndex((r) => r.includes(needle));
    const created = at('| 2026-02-02 08:14 | production | commit |');
    // The hand edit records no value before it: production's Helm release 11 left 3000, so it is `from → to`.
    const handEdit = at('| 2026-07-14 00:31 (at or before) | production | hand edit (live) | `3000` → `10000` | kubectl-edit |');
    // The oldest release kept: what ran before it is unknown, not absent.
    expect(rows).toContainEqual(expect.stringMatching(/^\| 2026-05-20 09:02 \| production \| deploy \(live\) \| `3000` \(first recorded\) \| helm \|/));
    const misfiled = rows.findIndex(
      (r) => r.startsWith('| 2026-07-14 01:52 | staging | commit | `3000` → `10000` | Dana Whitfield |') && r.includes('INC-2041'),
    );
    expect(
      [created, handEdit, misfiled].every((i) => i >= 0),
      rows.join('\n'),
    ).toBe(true);
    expect(created).toBeLessThan(handEdit);
    expect(handEdit).toBeLessThan(misfiled);
    expect(rows[misfiled]).toMatch(/\[`[0-9a-f]{7}`\]\(https:\/\/github\.com\/acme\/payments-deploy\/commit\/[0-9a-f]{40}\)/);
    // A file link at the value's line, at the commit scanned.
    expect(md).toContain(`[config/production.yaml:9](https://github.com/acme/payments-deploy/blob/${head}/config/production.yaml#L9)`);

    // The key changed by hand only has its hand edit as a row.
    expect(rowsOf(md, 'DEBUG_SQL')).toEqual([
      expect.stringMatching(/^\| 2026-07-14 00:31 \(at or before\) \| production \| hand edit \(live\) \| `true` \(first recorded\) \| kubectl-edit \|/),
    ]);
    // The summary carries the suggestion, its confidence and the live value.
    expect(md).toMatch(/\| ≠ \| `PAYMENT_GATEWAY_TIMEOUT_MS` \| cross-env \| `10000` \| `3000` ≠ live `10000` \| backfill production = 10000 \| 0\.\d\d/);
    expect(md).toContain('## Decisions and actions');
  });

  it('limits the timeline to an incident window and marks it, in Markdown and JSON', async () => {
    const md = (await runCli(['report', '--no-cache', '--since', '2026-07-13', '--until', '2026-07-14T12:00Z'], { cwd: repo })).stdout;
    const rows = rowsOf(md, 'PAYMENT_GATEWAY_TIMEOUT_MS');
    // The hand edit, the misfiled commit, and staging's deploy of it (Helm revision 21).
    expect(rows.filter((r) => r.startsWith('| ★ '))).toHaveLength(3);
    // The state going in: each environment's last event before the window (their Helm releases).
    expect(rows.filter((r) => !r.startsWith('| ★ ')).map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| 2026-05-20 09:02 | production | deploy (live)',
      '| 2026-06-30 09:16 | staging | deploy (live)',
    ]);
    expect(rows.some((r) => r.includes('2026-11-03'))).toBe(false);
    expect(md).toContain('| Incident window | from 2026-07-13 until 2026-07-14T12:00Z');
    // A mark means one thing: the window's is none of the kinds' (◆ is the artifact's), and the
    // summary's marks are named under it.
    expect(md).toContain('events inside it are marked ★');
    expect(md).toMatch(/^Marks: .*◆ artifact.*\.$/m);
    expect(md.split('\n').filter((l) => l.includes('◆'))).toEqual([expect.stringMatching(/^\| ◆ \| `Deployment\//), expect.stringMatching(/^Marks: /)]);

    // The HTML report's table lists the same rows (it listed every event, older ones included,
    // while its header said the window was shaded): the drawn timeline shows the rest.
    const html = (await runCli(['report', '--format', 'html', '--no-cache', '--since', '2026-07-13', '--until', '2026-07-14T12:00Z'], { cwd: repo })).stdout;
    const section = html.slice(
      html.indexOf('data-key="PAYMENT_GATEWAY_TIMEOUT_MS"'),
      html.indexOf('</section>', html.indexOf('data-key="PAYMENT_GATEWAY_TIMEOUT_MS"')),
    );
    const htmlRows = section.slice(section.indexOf('<table class="timeline">')).match(/<tr class="[^"]*">.*?<\/tr>/g) ?? [];
    expect(htmlRows.map((r) => /<td>([^<]*)<\/td><td>([^<]*)<\/td>/.exec(r)!.slice(1, 3).join(' | '))).toEqual(
      rows.map((r) =>
        r
          .split(' | ')
          .slice(0, 2)
          .join(' | ')
          .replace(/^\| /, '')
          .replace(' (at or before)', ' UTC (at or before)')
          .replace(/(\d\d:\d\d)( \||$)/, '$1 UTC$2'),
      ),
    );

    const json = JSON.parse(
      (await runCli(['report', '--format', 'json', '--no-cache', '--since', '2026-07-13', '--until', '2026-07-14'], { cwd: repo })).stdout,
    );
    const timeline = json.timelines.PAYMENT_GATEWAY_TIMEOUT_MS as Array<{
      time: string;
      env: string;
      source: string;
      kind: string;
      inWindow: boolean;
      commit?: string;
      manager?: string;
    }>;
    expect(timeline.map((e) => `${e.time} ${e.env} ${e.kind}${e.inWindow ? ' ◆' : ''}`)).toEqual([
      '2026-02-02T08:14:00Z staging commit',
      '2026-02-02T08:14:00Z production commit',
      '2026-05-20T09:02:36Z production deploy',
      '2026-06-30T09:16:45Z staging deploy',
      '2026-07-14T00:31:05Z production hand-edit ◆',
      '2026-07-14T01:52:00Z staging commit ◆',
      '2026-07-14T08:10:04Z staging deploy ◆',
      '2026-11-03T10:02:11Z staging deploy',
    ]);
    expect(timeline[2]).toMatchObject({ source: 'live', manager: 'helm', revision: '11', exact: true, to: '3000' });
    expect(timeline[4]).toMatchObject({ source: 'live', manager: 'kubectl-edit', exact: false, to: '10000' });
    expect(timeline[6]).toMatchObject({ source: 'live', manager: 'helm', revision: '21', exact: true, from: '3000', to: '10000' });
  });

  it('merges the rollouts the ReplicaSets kept into the timeline: deploys, and the restart by hand during the incident', async () => {
    const json = JSON.parse((await runCli(['report', '--format', 'json', '--no-cache'], { cwd: repo })).stdout);
    const key = 'Deployment/payment-service.containers[name=app].image';
    const timeline = json.timelines[key] as Array<{ time: string; env: string; kind: string; from?: string; to: string; revision?: string; manager?: string }>;
    const image = (v: string | undefined) => v?.replace('registry.acme-payments.example/payment-service:', '');
    expect(timeline.filter((e) => e.revision).map((e) => `${e.time} ${e.env} ${e.kind} r${e.revision} ${image(e.from) ?? '·'} → ${image(e.to)}`)).toEqual([
      '2026-05-20T09:02:41Z production deploy r23 · → 1.7.4',
      '2026-06-10T08:31:04Z staging deploy r29 · → 1.8.0',
      '2026-06-15T12:05:10Z production deploy r24 1.7.4 → 1.8.0',
      '2026-06-30T09:16:48Z staging deploy r30 1.8.0 → 1.8.1',
      '2026-07-02T13:40:22Z production deploy r25 1.8.0 → 1.8.1',
      '2026-07-14T00:12:40Z production restart r26 1.8.1 → 1.8.1',
      '2026-11-03T10:02:13Z staging deploy r31 1.8.1 → 1.8.2 (sha256:3f1a9c0e5b7d)',
      '2026-11-03T14:20:39Z production deploy r27 1.8.1 → 1.8.2 (sha256:9c4e7b21d0f3)',
    ]);
    // Helm's write of the image, known only as "at or before" 14:20:37, is revision 27 (two seconds
    // later): one deploy, said once, by helm, with its digest (it was a second row).
    expect(timeline.filter((e) => e.time.startsWith('2026-11-03T14:20') && e.env === 'production')).toEqual([
      expect.objectContaining({ revision: '27', manager: 'helm', exact: true }),
    ]);
    expect(timeline.find((e) => e.kind === 'restart')).toMatchObject({ manager: 'kubectl-rollout', source: 'live', exact: true });
    // The divergence itself does not repeat them: the key's one timeline holds them.
    expect(json.divergences.find((d: { key: string }) => d.key === key).deploys).toBeUndefined();

    const md = (await reportOfDemo()).stdout;
    const rows = rowsOf(md, key);
    expect(rows).toContainEqual(
      expect.stringMatching(
        new RegExp(
          String.raw`^\| 2026-07-14 00:12 \| production \| restart by hand \(live\) \| ` +
            '`registry\\.acme-payments\\.example\\/payment-service:1\\.8\\.1` \\(unchanged\\)' +
            String.raw` \| kubectl-rollout \| snapshot live\/production\.yaml Deployment\/payment-service revision 26 ` +
            String.raw`\(ReplicaSet\/payment-service-6c8d9e7f5b, kubectl rollout restart at 2026-07-14T00:12:38Z\) \|`,
        ),
      ),
    );
    expect(rows.findIndex((r) => r.includes('revision 24'))).toBeLessThan(rows.findIndex((r) => r.includes('revision 25')));
  });

  it('lists what was decided and done, from the ledger', async () => {
    const decisions = path.join(await tempDir(), 'decisions.yaml');
    writeFileSync(decisions, '- {key: NEW_AUTH_FLOW, action: skip, reason: staging keeps the new flow until the audit}\n');
    const applied = await runCli(['apply', '--decisions', decisions], { cwd: repo });
    expect(applied.exitCode, applied.stderr).toBe(0);
    const out = path.join(await tempDir(), 'report.md');
    expect((await runCli(['report', '--no-cache', '-o', out], { cwd: repo })).exitCode).toBe(0);
    const md = readFileSync(out, 'utf8');
    const section = md.slice(md.indexOf('## Decisions and actions'));
    expect(section).toMatch(/\| skipped \| `NEW_AUTH_FLOW` \| .* \| skip \|/);
  });

  it('refuses a window that is not a moment, in one line', async () => {
    const result = await runCli(['report', '--since', '2026-02-30'], { cwd: repo });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('undrift: --since takes a date (2026-07-14) or a date and time with a zone (2026-07-14T00:00Z), not "2026-02-30"');
  });
});

describe('links to the forge that hosts origin', () => {
  it('builds commit and file-at-line addresses for GitHub (and Enterprise hosts), GitLab and Bitbucket remotes', () => {
    const gh = webLinks(parseRemote('git@github.com:acme/payments.git'))!;
    expect(gh.commit('abc')).toBe('https://github.com/acme/payments/commit/abc');
    expect(gh.file('config/prod values.yaml', 9, 'abc')).toBe('https://github.com/acme/payments/blob/abc/config/prod%20values.yaml#L9');
    expect(webLinks(parseRemote('https://ghe.corp.example/platform/deploy.git'))!.commit('abc')).toBe('https://ghe.corp.example/platform/deploy/commit/abc');
    const gl = webLinks(parseRemote('ssh://git@gitlab.example.com:2222/group/sub/project.git'))!;
    expect(gl.commit('abc')).toBe('https://gitlab.example.com/group/sub/project/-/commit/abc');
    expect(gl.file('values.yaml', 3, 'abc')).toBe('https://gitlab.example.com/group/sub/project/-/blob/abc/values.yaml#L3');
    const bb = webLinks(parseRemote('git@bitbucket.org:team/repo.git'))!;
    expect(bb.commit('abc')).toBe('https://bitbucket.org/team/repo/commits/abc');
    expect(bb.file('a.yaml', 7, 'abc')).toBe('https://bitbucket.org/team/repo/src/abc/a.yaml#lines-7');
    expect(webLinks(parseRemote('git@git.internal:team/repo.git'), 'gitlab')!.commit('abc')).toBe('https://git.internal/team/repo/-/commit/abc');
    expect(webLinks(parseRemote('/srv/git/repo.git'))).toBeUndefined();
    expect(displayRemote('https://user:ghp_secret@github.com/acme/x.git')).toBe('https://github.com/acme/x.git');
  });
});
