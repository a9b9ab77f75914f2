import { readFile, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, repoWithFiles, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { scenarioRepo } from '../support/demo-repo.js';

let demo: string;
beforeAll(async () => {
  demo = await scenarioRepo();
});

describe('undrift explain', () => {
  it("a repo value the live source holds nothing paired with says so, not '≠ live absent' beside a scan that compared nothing", async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [values-staging.yaml]}\n' +
        '  production: {files: [values-production.yaml], live: {snapshot: live/production.yaml}}\npromotion: [staging, production]\n',
      'values-staging.yaml': 'db:\n  pool: 10\nLOG_LEVEL: warn\n',
      'values-production.yaml': 'db:\n  pool: 40\nLOG_LEVEL: warn\n',
      'live/production.yaml':
        'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: api-env, namespace: api}\n  data:\n    LOG_LEVEL: error\n',
    });
    const scan = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(scan.stdout).toContain('production: 1 repo key(s) have no live counterpart in snapshot live/production.yaml (db.pool)');
    const pool = (await runCli(['explain', 'db.pool', '--no-history'], { cwd: repo })).stdout;
    expect(pool).toMatch(
      /^ {2}production +40 +values-production\.yaml:2\n {14}· live: no counterpart in what its live source read \(undrift\.yaml's map: or prefix: can pair it\)$/m,
    );
    expect(pool).not.toContain('live absent');
    // A value the live source does hold is still compared.
    const level = (await runCli(['explain', 'LOG_LEVEL', '--no-history'], { cwd: repo })).stdout;
    expect(level).toMatch(/^ {14}≠ live error {2}snapshot live\/production\.yaml ConfigMap\/api-env \.data\.LOG_LEVEL$/m);
  });

  it('shows values, the merged history and the verdict of a key', async () => {
    const result = await runCli(['explain', 'PAYMENT_GATEWAY_TIMEOUT_MS'], { cwd: demo });
    expect(result.exitCode).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^≠~ PAYMENT_GATEWAY_TIMEOUT_MS — cross-env, live-drift in production/);
    expect(out).toMatch(/staging\s+10000\s+config\/staging\.yaml:9/);
    expect(out).toMatch(
      /2026-07-14 01:52\s+staging\s+3000 → 10000\s+[0-9a-f]{7} Dana Whitfield: Raise payment gateway timeout to 10s in production \(INC-2041\)/,
    );
    expect(out).toMatch(
      new RegExp(
        String.raw`production\s+3000\s+config\/production\.yaml:9\n\s+≠ live 10000  snapshot live\/production\.yaml ConfigMap\/payment-overrides ` +
          String.raw`\.data\.PAYMENT_GATEWAY_TIMEOUT_MS · written by kubectl-edit \(by hand, Update\) at or before 2026-07-14T00:31:05Z`,
      ),
    );
    expect(out).toContain('Verdict: backfill production = 10000 (0.95)');
    expect(out).toContain('deliberate choice: staging · drifted: production');
    expect(out).toContain('production\'s cluster already runs "10000": only its file lags, so the backfill codifies what runs');
    // The live half: a hand edit newer than the file's last change is a fix never codified.
    expect(out).toContain('a hand edit newer than the last repo change (2026-02-02): a fix made live and never codified');
  });

  it('prints JSON with --json, and explains keys that do not diverge', async () => {
    const json = JSON.parse((await runCli(['explain', 'NEW_AUTH_FLOW', '--json'], { cwd: demo })).stdout);
    expect(json).toMatchObject({ version: 1, key: 'NEW_AUTH_FLOW', values: { staging: { repo: 'true' }, production: { repo: 'false' } } });
    // Each value's place as text (`location`, as version 1 always had it) and as data (`at`), as scan's JSON has them.
    expect(json.values.staging).toMatchObject({ location: 'config/staging.yaml:41', at: { file: 'config/staging.yaml', line: 41, column: 16 } });
    expect(Object.keys(json.values.production).slice(0, 3)).toEqual(['repo', 'location', 'at']);
    expect(json.divergences[0].verdict).toMatchObject({ suggested: 'declare', confidence: 0.4, risk: 'security' });
    expect(json.divergences[0].verdict.evidence).toContainEqual(
      expect.objectContaining({ kind: 'intent', text: expect.stringMatching(/is a step of a rollout \("rollout"\), with production to follow/) }),
    );
    // A rollout gated on a sign-off no later commit records is a question, not a confident declare.
    expect(json.divergences[0].verdict.question).toMatch(
      /has not reached production after \d+ days: finish it \(backfill production\) or roll it back \(revert staging\)\?/,
    );
    expect(json.history.staging[0]).toMatchObject({
      author: 'Sam Novak',
      subject: 'Start the new auth flow rollout in staging for QA (AUTH-88)',
      from: null,
      to: 'true',
    });
    const quiet = await runCli(['explain', 'LOG_LEVEL'], { cwd: demo });
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stdout).toContain('LOG_LEVEL — no divergence');
    expect(quiet.stdout).toContain('The environments agree on this key, or differ only as the contract declares.');
  });

  it('shows the evidence grouped, the question, and "needs a human" when the evidence cannot decide', async () => {
    const out = (await runCli(['explain', 'PG_CLIENT_VERSION'], { cwd: demo })).stdout;
    // "Bump pg client to 15.3 in staging" says nothing of production: the promotion order alone
    // moves no value, so a person decides whether production follows.
    expect(out).toMatch(/Verdict: declare \(0\.4\d\) — needs a human/);
    expect(out).toContain('  ? needs a human: has staging run "15.3" long enough to promote it to production?');
    expect(out).toMatch(/ {2}Versions\n {2}- staging is ahead: "15\.3" against production's "15\.1"/);
    expect(out).toMatch(
      / {2}Quality of the evidence\n {2}- what the change says does not settle whether production takes "15\.3": the promotion order alone would decide it/,
    );
    const hack = (await runCli(['explain', 'SETTLEMENT_BATCH_SIZE', '--today', '2026-11-20'], { cwd: demo })).stdout;
    expect(hack).toContain('Verdict: revert staging (0.75)');
    expect(hack).toContain('- the deadline the text gave, 2026-10-31, passed 20 days ago');
    const bad = await runCli(['scan', '--today', '2026-02-30'], { cwd: demo });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('undrift: --today: "2026-02-30" is not a day of that month (2026-02 has 28 days)');
  });

  it('names the undrift branches not merged yet that decide the key, in text and JSON', async () => {
    // A newcomer's trial (session 38): explain said nothing of an open branch that already decided
    // the key, so on-call deciding it again made a second branch contradicting the first.
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: {files: [.env.staging]}\n  production: {files: [.env.production]}\npromotion: [staging, production]\n',
      '.env.staging': 'TIMEOUT_MS=5000\nLOG=info\n',
      '.env.production': 'TIMEOUT_MS=3000\nLOG=info\n',
    });
    const before = (await runCli(['explain', 'TIMEOUT_MS', '--no-history'], { cwd: repo })).stdout;
    expect(before).not.toContain('not merged');
    const dir = await tempDir();
    const decisions = `${dir}/decisions.yaml`;
    await writeFile(decisions, "- {key: TIMEOUT_MS, env: production, action: backfill, value: '5000'}\n");
    const applied = await runCli(['apply', '--decisions', decisions, '--no-history'], { cwd: repo });
    expect(applied.exitCode, applied.stderr).toBe(0);
    const branch = (await git(repo, 'branch', '--list', 'undrift/*', '--format=%(refname:short)')).trim();
    const text = (await runCli(['explain', 'TIMEOUT_MS', '--no-history'], { cwd: repo })).stdout;
    expect(text).toContain(`Decided on branches not merged yet\n  ${branch}: backfill production\n`);
    const json = JSON.parse((await runCli(['explain', 'TIMEOUT_MS', '--no-history', '--json'], { cwd: repo })).stdout) as { open_branches?: unknown };
    expect(json.open_branches).toEqual([{ branch, action: 'backfill', envs: ['production'] }]);
    // Another key of the same repo names none.
    expect((await runCli(['explain', 'LOG', '--no-history'], { cwd: repo })).stdout).not.toContain('not merged');
  });

  it('an unknown key exits 2 and suggests similar ones', async () => {
    const result = await runCli(['explain', 'TIMEOUT'], { cwd: demo });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'undrift: no key "TIMEOUT" in staging, production or their history (did you mean PAYMENT_GATEWAY_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS?)',
    );
    expect((await runCli(['explain'], { cwd: demo })).stderr).toMatch(/explain needs a key/);
  });

  it('explains a key typed with plain dots where its path quotes a segment holding one (a Helm annotation)', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [values-staging.yaml]}\n  production: {files: [values-production.yaml]}\npromotion: [staging, production]\n',
      'values-staging.yaml': 'podAnnotations:\n  prometheus.io/scrape: "true"\n  prometheus.io/port: "9090"\n',
      'values-production.yaml': 'podAnnotations:\n  prometheus.io/scrape: "false"\n  prometheus.io/port: "9090"\n',
    });
    const json = JSON.parse((await runCli(['explain', 'podAnnotations.prometheus.io/scrape', '--json', '--no-history'], { cwd: repo })).stdout);
    expect(json.key).toBe('podAnnotations["prometheus.io/scrape"]');
    expect(json.divergences.map((d: { kind: string }) => d.kind)).toEqual(['cross-env']);
    const near = await runCli(['explain', 'podAnnotations.prometheus.io/scrap', '--no-history'], { cwd: repo });
    expect(near.exitCode).toBe(2);
    expect(near.stderr).toMatch(/did you mean podAnnotations\["prometheus\.io\/scrape"\]/);
  });

  it("explains a ConfigMap's data key typed by its short name as the repo's manifests name it, not as what runs alone", async () => {
    const configMap = (value: string, ns = '') =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config${ns}}\ndata: {CACHE_TTL: "${value}", MODE: fast}\n`;
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  staging: {files: [deploy/staging.yaml], live: {snapshot: live/staging.yaml}}',
        '  production: {files: [deploy/production.yaml], live: {snapshot: live/production.yaml}}',
        'promotion: [staging, production]',
        '',
      ].join('\n'),
      'deploy/staging.yaml': configMap('60'),
      'deploy/production.yaml': configMap('60'),
      'live/staging.yaml': configMap('60', ', namespace: web'),
      'live/production.yaml': configMap('999', ', namespace: web'),
    });
    const short = await runCli(['explain', 'CACHE_TTL', '--json', '--no-history'], { cwd: repo });
    expect(short.exitCode).toBe(0);
    const json = JSON.parse(short.stdout);
    expect(json.key).toBe('ConfigMap/app-config.data.CACHE_TTL');
    expect(json.divergences.map((d: { kind: string }) => d.kind)).toEqual(['live-drift']);
    expect(json.values.production).toMatchObject({ repo: '60', live: '999' });
    // Not "The environments agree on this key" under the short name beside "60" and "999" live.
    const text = (await runCli(['explain', 'CACHE_TTL', '--no-history'], { cwd: repo })).stdout;
    expect(text).toMatch(/^~ ConfigMap\/app-config\.data\.CACHE_TTL — live-drift in production/);
    expect(text).not.toMatch(/agree on this key/);
  });

  it('explains a key copied from the table, where the table cut it in the middle', async () => {
    const json = JSON.parse((await runCli(['explain', 'Deployment/payment-ser…iners[name=app].image', '--json'], { cwd: demo })).stdout);
    expect(json.key).toBe('Deployment/payment-service.containers[name=app].image');
    expect(json.divergences.map((d: { kind: string }) => d.kind)).toEqual(['artifact']);
  });
});

describe('undrift report', () => {
  it('writes the post-mortem document: summary, then per key the verdict and the timeline', async () => {
    const out = `${await tempDir()}/drift.md`;
    const result = await runCli(['report', '-o', out], { cwd: demo });
    expect(result.exitCode).toBe(0); // a report is a document, not a gate (--fail-on-drift for both)
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^undrift: wrote .*drift\.md \(12 divergences: 11 undeclared drift, 1 informational\)$/);
    const md = await readFile(out, 'utf8');
    expect(md).toContain('| ≠ | `PAYMENT_GATEWAY_TIMEOUT_MS` | cross-env | `10000` | `3000` ≠ live `10000` | backfill production = 10000 | 0.95 |');
    expect(md).toContain('**≠ cross-env — Verdict: backfill production = 10000 (0.95)** — deliberate: staging, drifted: production');
    expect(md).toMatch(
      /\| 2026-07-14 01:52 \| staging \| commit \| `3000` → `10000` \| Dana Whitfield \| `[0-9a-f]{7}` \| Raise payment gateway timeout to 10s in production \(INC-2041\) \|/,
    );
    expect(md).toMatch(/\| 2026-06-15 \d\d:\d\d \| production \| revert \| `6` → `4` \|/);
    expect(md).toMatch(/\*\*Verdict: declare \(0\.4\d\)\*\* — deliberate: staging — \*\*needs a human\*\*/);
    expect(md).toContain('> needs a human: has staging run "15.3" long enough to promote it to production?');
    expect(md).toContain('*What the commits say*');
    // A divergence's note is said once: under the verdict it was said again as a reason.
    const debugSql = md.slice(md.indexOf('## `DEBUG_SQL`'), md.indexOf('## ', md.indexOf('## `DEBUG_SQL`') + 3));
    expect(debugSql.split('declared nowhere in the repo').length - 1).toBe(1);
    const explained = (await runCli(['explain', 'DEBUG_SQL'], { cwd: demo })).stdout;
    expect(explained.split('declared nowhere in the repo').length - 1).toBe(1);
    expect(md).not.toContain('\u001b[');
    // Nothing in the user's checkout changed; the cache lives in .git only.
    expect(await git(demo, 'status', '--porcelain')).toBe('');
  });

  it('scan --no-history leaves history and verdicts out', async () => {
    const json = JSON.parse((await runCli(['scan', '-f', 'json', '--no-history'], { cwd: demo })).stdout);
    expect(json.divergences[0].history).toBeUndefined();
    expect(json.divergences[0].verdict).toBeUndefined();
  });
});
