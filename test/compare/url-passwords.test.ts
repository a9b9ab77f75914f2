// A password inside a value went out in plain text (a newcomer's tryout, session 22):
// `DATABASE_URL=postgres://app:s3cretpw@db/app` showed as `postgres://a…etpw@db/app` in the table
// (the password's tail) and whole in the report and the JSON, while `DB_PASSWORD` was fingerprinted.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretFingerprint } from '../../src/parse/fingerprint.js';
import { holdsFingerprint, passwordSpans, textWithPasswordsFingerprinted } from '../../src/parse/url-passwords.js';
import { FakeForge } from '../support/fake-forge.js';
import { git, repoFromScenario, runUndrift } from '../support/repo.js';

const fingerprint = new SecretFingerprint(Buffer.from('a test key of thirty-two bytes!!'));
const shown = (text: string) => textWithPasswordsFingerprinted(text, fingerprint);
const passwords = (text: string) => passwordSpans(text).map(([start, end]) => text.slice(start, end));

describe('passwords inside values', () => {
  it.each([
    ['postgres://app:s3cretpw@db/app', ['s3cretpw']],
    ['postgresql://app:s3cretpw@db:5432/app?sslmode=require', ['s3cretpw']],
    ['mysql://root:p@ss/w#rd@db/app', ['p@ss/w#rd']],
    ['redis://:r3dispw@cache:6379/0', ['r3dispw']],
    ['rediss://default:r3dispw@cache:6380', ['r3dispw']],
    ['amqps://rabbit:amqppw1@mq.internal:5671/vhost', ['amqppw1']],
    ['mongodb+srv://svc:m0ngopw@cluster0.example.net/orders?retryWrites=true&w=majority', ['m0ngopw']],
    ['mongodb://svc:m0ngopw@h1:27017,h2:27017/orders?replicaSet=rs0', ['m0ngopw']],
    ['jdbc:mysql://app:jdbcpw@db:3306/app', ['jdbcpw']],
    ['jdbc:postgresql://db:5432/app?user=app&password=jdbcpw&sslpassword=keypw', ['jdbcpw', 'keypw']],
    ['jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=Sql$erv3r;encrypt=true', ['Sql$erv3r']],
    ['jdbc:oracle:thin:scott/t1ger@//db:1521/ORCL', ['t1ger']],
    ['Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=sa;Pwd={a;b c};', ['a;b c']],
    ['Server=db;Database=app;User Id=sa; Password=odbc pw;', ['odbc pw']],
    ['host=db user=app password=libpqpw dbname=app', ['libpqpw']],
    ["host=db password='two words' dbname=app", ['two words']],
    ['["postgres://a:one1@h/x","redis://:two2@r"]', ['one1', 'two2']],
    ['https://hooks.example/notify?token=abc123def&channel=ops', ['abc123def']],
  ])('%s: the password is %j', (text, expected) => {
    expect(passwords(text)).toEqual(expected);
    const out = shown(text);
    for (const p of expected) expect(out).not.toContain(p);
    expect(out).toMatch(/secret:[0-9a-f]{12} \(\d+ bytes\)/);
    // Fingerprinted once: a value shown is never fingerprinted again.
    expect(shown(out)).toBe(out);
  });

  it.each([
    'postgres://db/app',
    'postgres://app@db/app',
    'https://registry.example:8443/@scope/pkg',
    'https://example.com/users/@me',
    'https://example.com/search?q=a:b@c',
    'https://example.com/a:b@c',
    'postgres://app:${DB_PASSWORD}@db/app',
    'postgres://app:$(DB_PASSWORD)@db/app',
    'postgres://app:{{ .Values.db.password }}@db/app',
    'postgres://app:****@db/app',
    'jdbc:postgresql://db/app?user=app&password=${DB_PASSWORD}',
    'bypass=true',
    'mailto:ops@example.com',
    'just text: with a colon',
  ])('%s holds no password', (text) => {
    expect(passwords(text)).toEqual([]);
    expect(shown(text)).toBe(text);
  });

  // A `.properties`/`.env` payload whose first line names a password: the password ended at the
  // next `;` (a connection string's end), hiding every setting after it (session 23's note).
  it.each([
    ['db.password=s3cret\nhttp.port=8080\nfeature.x=true\n', ['s3cret'], ['http.port=8080', 'feature.x=true']],
    ['token = abc123\r\nretries = 5', ['abc123'], ['retries = 5']],
    ['Password=pw 3;Timeout=30\nPool=4', ['pw 3'], ['Timeout=30', 'Pool=4']],
  ])('%j: the password %j ends at its line; %j stay shown', (text, expected, kept) => {
    expect(passwords(text)).toEqual(expected);
    for (const k of kept) expect(shown(text)).toContain(k);
  });

  it('gives one password one fingerprint, and a changed password another: values compare as exactly as before', () => {
    const a = shown('postgres://app:s3cretpw@db/app');
    expect(a).toBe(`postgres://app:${fingerprint.of(Buffer.from('s3cretpw'))}@db/app`);
    expect(shown('postgres://app:s3cretpw@db-prod/app')).toBe(a.replace('@db/', '@db-prod/'));
    expect(shown('postgres://app:s3cretpW@db/app')).not.toBe(a);
    expect(holdsFingerprint(a)).toBe(true);
    expect(holdsFingerprint('postgres://app@db/app')).toBe(false);
  });
});

// One repository for every output path: two environments whose database URLs differ only by the
// password (drift), a Redis URL with one password in both (no drift), a JDBC URL, an ODBC string,
// a rotation in history, and live snapshots (one runs the repo's URL, the other a hand-set one).
const PLAIN = ['s3cretpw', 'r0tatedpw', 'h0tfixpw', 'sharedpw1', 'jdbcpass1', 'sslkeypw1', 'odbcpw77', 'oldpw000'];
const env = (db: string, jdbc: string, log: string) =>
  [
    `DATABASE_URL=postgres://app:${db}@db/app`,
    'REDIS_URL=rediss://default:sharedpw1@cache:6380/0',
    `JDBC_URL=jdbc:postgresql://db:5432/app?user=app&password=${jdbc}&sslpassword=sslkeypw1`,
    'ODBC=Driver={PostgreSQL};Server=db;Uid=app;Pwd=odbcpw77;',
    `LOG=${log}`,
    '',
  ].join('\n');
const snapshot = (url: string, log: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: default\ndata:\n  DATABASE_URL: ${url}\n  LOG: ${log}\n`;

let repo: string;
let forge: FakeForge;
beforeAll(async () => {
  repo = await repoFromScenario({
    commits: [
      {
        at: '2026-06-01T10:00:00Z',
        author: 'ana',
        message: 'env files',
        write: {
          'undrift.yaml':
            'environments:\n  staging: {files: .env.staging, live: {snapshot: live/staging.yaml}}\n' +
            '  production: {files: .env.production, live: {snapshot: live/production.yaml}}\npromotion: [staging, production]\n',
          '.env.staging': env('s3cretpw', 'jdbcpass1', 'debug'),
          '.env.production': env('oldpw000', 'jdbcpass1', 'info'),
          'live/staging.yaml': snapshot('postgres://app:h0tfixpw@db/app', 'debug'),
          'live/production.yaml': snapshot('postgres://app:r0tatedpw@db/app', 'info'),
        },
      },
      {
        at: '2026-07-01T10:00:00Z',
        author: 'ben',
        message: 'rotate the production database password (was postgres://app:oldpw000@db/app)',
        set: { '.env.production': { DATABASE_URL: 'postgres://app:r0tatedpw@db/app' } },
      },
    ],
  });
  const remote = path.join(repo, '..', 'remote.git');
  await git('/', 'init', '--quiet', '--bare', remote);
  await git(repo, 'remote', 'add', 'origin', remote);
  await git(repo, 'push', '--quiet', 'origin', 'main');
  forge = new FakeForge('gh-test-token');
  await forge.start();
}, 60_000);
afterAll(async () => forge?.stop());

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Ana Lima',
  GIT_AUTHOR_EMAIL: 'ana@example.test',
  GIT_COMMITTER_NAME: 'Ana Lima',
  GIT_COMMITTER_EMAIL: 'ana@example.test',
  GIT_AUTHOR_DATE: '2026-08-01T09:00:00Z',
  GIT_COMMITTER_DATE: '2026-08-01T09:00:00Z',
};

const expectNoPassword = (what: string, text: string) => {
  for (const p of PLAIN) expect(text, `${what} holds ${p}`).not.toContain(p);
};

describe('a scan of a repository with passwords inside its URLs', () => {
  it.each([
    ['the table', ['scan', '--no-cache']],
    ['JSON', ['scan', '--no-cache', '--format', 'json']],
    ['Markdown', ['scan', '--no-cache', '--format', 'markdown']],
    ['SARIF', ['scan', '--no-cache', '--format', 'sarif']],
    ['JUnit', ['scan', '--no-cache', '--format', 'junit']],
    ['HTML', ['scan', '--no-cache', '--format', 'html']],
    ['the report', ['report', '--no-cache']],
    ['explain (detail and timeline)', ['explain', 'DATABASE_URL', '--no-cache']],
    ['explain --json', ['explain', 'DATABASE_URL', '--json', '--no-cache']],
    ['explain of a JDBC URL', ['explain', 'JDBC_URL', '--no-cache']],
    ['at (the state as of a moment)', ['at', '2026-06-15', '--no-cache']],
    ['at --json', ['at', '2026-06-15', '--json', '--no-cache']],
  ])('%s shows each password as its fingerprint', async (what, args) => {
    const run = await runUndrift(args, { cwd: repo });
    expect(run.exitCode, run.stderr).toBeLessThan(2);
    expectNoPassword(what, run.stdout + run.stderr);
    if (what === 'explain of a JDBC URL') expect(run.stdout).toMatch(/&password=secret:[0-9a-f]{12} \(9 bytes\)&sslpassword=secret:[0-9a-f]{12} \(9 bytes\)/);
    else if (what !== 'the table') expect(run.stdout).toMatch(/postgres:\/\/app:secret:[0-9a-f]{12} \(\d+ bytes\)@db\/app/);
  });

  it('compares exactly: a password changed is drift, the same password in both is none', async () => {
    const run = await runUndrift(['scan', '--no-cache', '--format', 'json'], { cwd: repo });
    const out = JSON.parse(run.stdout) as { divergences: Array<{ key: string; kind: string; envs: string[] }> };
    const rows = out.divergences.map((d) => `${d.kind} ${d.key} ${d.envs.join(',')}`);
    expect(rows).toContain('cross-env DATABASE_URL staging,production');
    // staging runs a hand-set password live; production runs the repo's.
    expect(rows).toContain('live-drift DATABASE_URL staging');
    expect(rows).not.toContain('live-drift DATABASE_URL production');
    expect(rows.filter((r) => /REDIS_URL|JDBC_URL|ODBC/.test(r))).toEqual([]);
  });

  it('apply declares the difference without a value, refuses to copy one, and its commits and pull request hold no password', async () => {
    await writeFile(
      path.join(repo, 'undrift.yaml'),
      `${await git(repo, 'show', 'HEAD:undrift.yaml')}\nforge:\n  type: github\n  repository: acme/app\n  base: main\n`,
    );
    await git(repo, 'commit', '--quiet', '-am', 'configure the forge');
    await git(repo, 'push', '--quiet', 'origin', 'main');
    await writeFile(path.join(repo, '..', 'revert.yaml'), '- {key: DATABASE_URL, env: staging, action: revert}\n');
    const refused = await runUndrift(['apply', '--decisions', '../revert.yaml', '--no-cache'], { cwd: repo, env: IDENTITY });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('DATABASE_URL holds a password inside its value: undrift never writes secrets');
    expectNoPassword('a refused apply', refused.stdout + refused.stderr);

    await writeFile(
      path.join(repo, '..', 'declare.yaml'),
      '- {key: DATABASE_URL, action: declare, reason: each environment its own database user}\n- {key: LOG, env: staging, action: revert, value: info}\n',
    );
    const applied = await runUndrift(['apply', '--decisions', '../declare.yaml', '--pr', '--no-cache'], {
      cwd: repo,
      env: { ...IDENTITY, GH_TOKEN: 'gh-test-token', UNDRIFT_FORGE_API: forge.url },
    });
    expect(applied.exitCode, applied.stderr).toBe(0);
    expectNoPassword('apply', applied.stdout + applied.stderr);
    const body = forge.requests.at(-1)!.body as Record<string, string>;
    expect(body.body).toContain('DATABASE_URL');
    expectNoPassword('the pull request', JSON.stringify(body));
    const branch = body.head!;
    const commits = await git(repo, 'log', '--format=%B', `main..${branch}`);
    expect(commits).toContain('DATABASE_URL');
    expectNoPassword('the commits', commits);
    // The lines the branch adds (git's context and hunk headers show the file as it already was).
    const added = (await git(repo, 'diff', '--unified=0', `main...${branch}`)).split('\n').filter((line) => /^\+(?!\+\+)/.test(line));
    expect(added.join('\n')).toContain('LOG=info');
    expectNoPassword('the lines the branch adds', added.join('\n'));
    expectNoPassword('the ledger', (await runUndrift(['log', '--json'], { cwd: repo })).stdout);
  });
});
