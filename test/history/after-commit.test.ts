// After each kind of new commit, a scan that starts from what the run before kept (the history
// result extended or walked again, the kept verdicts and their keys, the current files' kept
// reads patched or read again, the JSON spliced from the kept output) must print the bytes a scan
// without any cache prints at that commit. One repository, one commit (or a few) at a time, in
// the order a team makes them: a value edit, an anchor edit, a document, a contract edit, a
// commit message naming a key, a rename of an environment's file, a merge of a side branch.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { repoFromScenario } from '../support/repo.js';
import { isolatedGitEnv } from '../../src/scenario/build.js';

const TODAY = '2026-03-10';
/** git's environment for a commit by Ana, outside any user's or system configuration. */
const asAna = (extra: Record<string, string> = {}) =>
  isolatedGitEnv({
    GIT_AUTHOR_NAME: 'Ana Lima',
    GIT_AUTHOR_EMAIL: 'ana@example.test',
    GIT_COMMITTER_NAME: 'Ana Lima',
    GIT_COMMITTER_EMAIL: 'ana@example.test',
    ...extra,
  });

/** A Helm values file: anchors at the top, aliased and merged in the items of one list. */
function values(o: { replicas: number; memory: string; apiTag: string; webTag: string; logLevel: string; workers: number }): string {
  return `defaults: &defaults
  replicas: ${o.replicas}
  resources: &resources
    cpu: 100m
    memory: ${o.memory}
common-env: &common-env
  LOG_LEVEL: ${o.logLevel}
  REGION: eu-west-1
apps:
  - name: api
    <<: *defaults
    image:
      repository: ghcr.io/acme/api
      tag: ${o.apiTag}
    env:
      <<: *common-env
      WORKERS: ${o.workers}
  - name: web
    <<: *defaults
    image:
      repository: ghcr.io/acme/web
      tag: ${o.webTag}
    resources: *resources
    env: *common-env
`;
}

const STAGING = { replicas: 1, memory: '256Mi', apiTag: 'v1.3.2', webTag: 'v2.0.1', logLevel: 'debug', workers: 4 };
const PRODUCTION = { replicas: 3, memory: '512Mi', apiTag: 'v1.3.2', webTag: 'v2.0.1', logLevel: 'info', workers: 8 };
const CONFIG = (staging: string) => `environments:\n  staging: ${staging}\n  production: charts/app/values-production.yaml\npromotion: [staging, production]\n`;
const CONTRACT = 'expected_differences:\n  "apps[name=api].env.WORKERS":\n    staging: 4\n    production: 8\n    reason: production has more cores\n';

describe('a scan after a new commit, from what the run before kept', () => {
  let dir: string;
  let day = 1;
  const scan = (...args: string[]) => runCli(['scan', '--format', 'json', '--today', TODAY, ...args], { cwd: dir });
  async function run(...args: string[]) {
    const at = `2026-02-${String(day).padStart(2, '0')}T10:00:00Z`;
    return (await execa('git', args, { cwd: dir, env: asAna({ GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at }) })).stdout;
  }
  async function commit(message: string, ...extra: string[]) {
    day++;
    await run('add', '-A');
    await run('commit', '-q', '--allow-empty', '-m', message, ...extra);
  }
  async function edit(file: string, change: (text: string) => string) {
    const at = path.join(dir, file);
    await writeFile(at, change(await readFile(at, 'utf8')));
  }
  /** The kept scan's bytes and exit code are a scan's without cache. */
  async function sameAsWithoutCache() {
    const kept = await scan();
    const fresh = await scan('--no-cache');
    expect(fresh.stdout.length).toBeGreaterThan(1000);
    expect([kept.exitCode, kept.stdout]).toEqual([fresh.exitCode, fresh.stdout]);
    return kept.stdout;
  }

  beforeAll(async () => {
    dir = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'initial charts',
          write: {
            'charts/app/values-staging.yaml': values(STAGING),
            'charts/app/values-production.yaml': values(PRODUCTION),
            'config/expected-env-diff.yaml': CONTRACT,
            'undrift.yaml': CONFIG('charts/app/values-staging.yaml'),
          },
        },
        {
          at: '2026-01-12T10:00:00Z',
          author: 'ben',
          message: 'staging: api v1.4.0',
          write: { 'charts/app/values-staging.yaml': values({ ...STAGING, apiTag: 'v1.4.0' }) },
        },
      ],
    });
    // The first scan keeps everything the next ones start from.
    await scan();
  });

  it('a value edit', async () => {
    await edit('charts/app/values-staging.yaml', (t) => t.replace('tag: v2.0.1', 'tag: v2.1.0'));
    await commit('staging: web v2.1.0');
    expect(await sameAsWithoutCache()).toContain('v2.1.0');
  });

  it('an anchor edit (every item aliasing it changes)', async () => {
    await edit('charts/app/values-production.yaml', (t) => t.replace('memory: 512Mi', 'memory: 768Mi'));
    await commit('production: more memory for every app');
    expect(await sameAsWithoutCache()).toContain('768Mi');
  });

  it('a document naming a key, and one naming none', async () => {
    await mkdir(path.join(dir, 'docs'), { recursive: true });
    await writeFile(path.join(dir, 'docs/runbook.md'), '# Runbook\n\nLOG_LEVEL stays at debug in staging while we chase the timeouts.\n');
    await commit('runbook for the timeouts');
    await sameAsWithoutCache();
    await writeFile(path.join(dir, 'docs/oncall.md'), '# On call\n\nPage the platform team first.\n');
    await commit('on-call notes');
    await sameAsWithoutCache();
    // Ordinary prose sharing words with the documents before it, naming no key: the kept verdicts
    // stand (document-reads.ts), and stand for what a scan without cache weighs.
    await writeFile(path.join(dir, 'docs/rota.md'), '# Rota\n\nThe platform team pages first; the timeouts are chased by day.\n');
    await commit('rota');
    await sameAsWithoutCache();
    await edit('docs/runbook.md', (t) => `${t}\nThe timeouts are fixed: production can take debug logs too.\n`);
    await commit('runbook: the timeouts are fixed');
    await sameAsWithoutCache();
  });

  it('a contract edit', async () => {
    await edit(
      'config/expected-env-diff.yaml',
      (t) => `${t}  "apps[name=api].image.tag":\n    staging: any\n    production: any\n    reason: staging runs ahead\n`,
    );
    await commit('contract: api tags may differ');
    await sameAsWithoutCache();
  });

  it('a message naming a key, and two commits at once', async () => {
    await commit('apps[name=web].image.tag stays at v2.0.1 in production until the CDN move (OPS-12)');
    await sameAsWithoutCache();
    await edit('charts/app/values-staging.yaml', (t) => t.replace('WORKERS: 4', 'WORKERS: 6'));
    await commit('staging: more workers');
    await edit('charts/app/values-production.yaml', (t) => t.replace('LOG_LEVEL: info', 'LOG_LEVEL: warn'));
    await commit('production: quieter logs (OPS-12)');
    await sameAsWithoutCache();
  });

  it("a rename of an environment's file", async () => {
    await mkdir(path.join(dir, 'charts/staging'), { recursive: true });
    await rename(path.join(dir, 'charts/app/values-staging.yaml'), path.join(dir, 'charts/staging/values.yaml'));
    await writeFile(path.join(dir, 'undrift.yaml'), CONFIG('charts/staging/values.yaml'));
    await commit('move the staging values beside its chart');
    await sameAsWithoutCache();
    await edit('charts/staging/values.yaml', (t) => t.replace('replicas: 1', 'replicas: 2'));
    await commit('staging: two replicas');
    await sameAsWithoutCache();
  });

  it('a merge of a side branch', async () => {
    await run('checkout', '-q', '-b', 'side');
    await edit('charts/app/values-production.yaml', (t) => t.replace('tag: v1.3.2', 'tag: v1.4.0'));
    await commit('production: api v1.4.0');
    await run('checkout', '-q', 'main');
    await edit('charts/staging/values.yaml', (t) => t.replace('REGION: eu-west-1', 'REGION: eu-central-1'));
    await commit('staging: move region');
    await sameAsWithoutCache();
    day++;
    await run('merge', '-q', '--no-ff', '-m', 'Merge branch side', 'side');
    await sameAsWithoutCache();
    // And one commit on top of the merge.
    await edit('charts/app/values-production.yaml', (t) => t.replace('WORKERS: 8', 'WORKERS: 10'));
    await commit('production: ten workers');
    await sameAsWithoutCache();
  });
});

// A contract edit weighs again the verdicts of the keys whose entries it changed — the key's own,
// and the keys changed in one commit with it (a sibling change the contract forbids is read by
// the verdict) — and keeps every other: a kept divergence's bytes are marked in the kept output,
// and the marks show where the splice took them.
describe('a contract edit', () => {
  const scanJson = (dir: string, ...args: string[]) => runCli(['scan', '--format', 'json', '--today', TODAY, ...args], { cwd: dir });
  async function mark(dir: string, key: string) {
    const file = path.join(dir, '.git/undrift/scan-output');
    const whole = await readFile(file, 'utf8');
    const at = whole.indexOf(`"key": "${key}"`);
    expect(at).toBeGreaterThan(0);
    await writeFile(file, `${whole.slice(0, at)}"key": "${key.replace(/./g, 'Z')}"${whole.slice(at + key.length + 9)}`);
  }

  it('weighs again the verdicts of the keys whose entries it changed, and keeps the others', async () => {
    // The first commit writes more keys than siblings are counted of (links.ts): a refactor.
    const filler = Array.from({ length: 24 }, (_, i) => `FLAG_${i}: on\n`).join('');
    const dir = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'initial config',
          write: {
            'config/staging.yaml': `TIMEOUT: 10\nRETRIES: 3\nPOOL: 5\nCACHE_TTL: 30\n${filler}`,
            'config/production.yaml': `TIMEOUT: 10\nRETRIES: 3\nPOOL: 5\nCACHE_TTL: 60\n${filler}`,
            'config/expected-env-diff.yaml': 'expected_differences:\n  CACHE_TTL:\n    staging: 30\n    production: 60\n',
            'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
          },
        },
        // TIMEOUT and RETRIES change in one commit (siblings); POOL alone.
        { at: '2026-01-20T10:00:00Z', author: 'ben', message: 'staging: slower and more patient', set: { 'config/staging.yaml': { TIMEOUT: 20, RETRIES: 5 } } },
        { at: '2026-01-21T10:00:00Z', author: 'ben', message: 'staging: bigger pool', set: { 'config/staging.yaml': { POOL: 8 } } },
      ],
    });
    await scanJson(dir);
    for (const key of ['TIMEOUT', 'POOL']) await mark(dir, key);
    // An entry for RETRIES: TIMEOUT's verdict reads it (its change's sibling), POOL's does not.
    await writeFile(
      path.join(dir, 'config/expected-env-diff.yaml'),
      'expected_differences:\n  CACHE_TTL:\n    staging: 30\n    production: 60\n  RETRIES:\n    staging: 5\n    production: 3\n',
    );
    await execa('git', ['commit', '-qam', 'contract: retries differ'], { cwd: dir, env: asAna() });
    const after = await scanJson(dir);
    expect(after.stdout).toContain('"key": "ZZZZ"'); // POOL, kept
    expect(after.stdout).toContain('"key": "TIMEOUT"'); // weighed again
    const fresh = await scanJson(dir, '--no-cache');
    expect(JSON.parse(after.stdout.replace('"key": "ZZZZ"', '"key": "POOL"'))).toEqual(JSON.parse(fresh.stdout));
  });
});

// A new commit can name a value by a part of it — a word of its host with its port, a host or one of
// its labels, a product without its version — and the rule that reads every message for a record of
// a value refused or shut down (verdict/broken.ts) reads it so: the kept verdict must be weighed
// again although the commit names no environment, no word of the key and no whole value (it was
// kept: declare, where a scan without cache backfills production).
describe('a commit naming a value by part', () => {
  const brokerRepo = () =>
    repoFromScenario({
      commits: [
        {
          at: '2026-03-01T10:00:00Z',
          author: 'ana',
          message: 'initial values',
          write: {
            'config/staging.yaml': 'KAFKA_BOOTSTRAP: broker.msg-a.svc:9093\nRETRIES: 3\n',
            'config/production.yaml': 'KAFKA_BOOTSTRAP: broker.msg-a.svc:9093\nRETRIES: 3\n',
            'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
          },
        },
        { at: '2026-11-05T10:00:00Z', author: 'ben', message: 'update', set: { 'config/staging.yaml': { KAFKA_BOOTSTRAP: 'kafka.msg-b.svc:9094' } } },
      ],
    });
  const NOTICE = 'The old broker (9093) was switched off on 2026-11-10 in every cluster.';

  it("weighs again the verdict of the key whose value's host and port it names", async () => {
    const dir = await brokerRepo();
    const scanJson = (...args: string[]) => runCli(['scan', '--format', 'json', '--today', '2026-12-03', ...args], { cwd: dir });
    expect((await scanJson()).stdout).toContain('"suggested": "declare"');
    const at = '2026-11-10T10:00:00Z';
    await execa('git', ['commit', '-q', '--allow-empty', '-m', NOTICE], {
      cwd: dir,
      env: asAna({ GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at }),
    });
    const kept = await scanJson();
    const fresh = await scanJson('--no-cache');
    expect(fresh.stdout).toContain('"suggested": "backfill"');
    expect([kept.exitCode, kept.stdout]).toEqual([fresh.exitCode, fresh.stdout]);
  });

  // The same record in a document (documents left the kept verdicts' scope: a document is checked
  // against each kept verdict, document-reads.ts), whose commit's message says nothing.
  it('and a document doing so, committed with a message naming nothing', async () => {
    const dir = await brokerRepo();
    const scanJson = (...args: string[]) => runCli(['scan', '--format', 'json', '--today', '2026-12-03', ...args], { cwd: dir });
    expect((await scanJson()).stdout).toContain('"suggested": "declare"');
    await mkdir(path.join(dir, 'docs'), { recursive: true });
    await writeFile(path.join(dir, 'docs/vendor-notice.md'), `# Vendor notice\n\n${NOTICE}\n`);
    const at = '2026-11-10T10:00:00Z';
    await execa('git', ['add', '-A'], { cwd: dir, env: asAna() });
    await execa('git', ['commit', '-q', '-m', 'notes'], { cwd: dir, env: asAna({ GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at }) });
    const kept = await scanJson();
    const fresh = await scanJson('--no-cache');
    expect(fresh.stdout).toContain('"suggested": "backfill"');
    expect([kept.exitCode, kept.stdout]).toEqual([fresh.exitCode, fresh.stdout]);
  });
});

// The log's key list is read for every verdict through indexes made once per log and not recorded
// as any verdict's read (verdict/unrecorded.ts): a passage naming another key of the log by its own
// name is about that key (documents.ts `namesOtherKey`), and a leaf another key shares names a key
// only with a word of its own path (`qualifiersOf`). A new commit bringing a key into the log that
// such a passage names, or one sharing a kept verdict's leaf, turns that verdict although the
// commit's text names nothing the verdict read: a kept verdict must be weighed again.
describe('a new key named where a kept verdict read', () => {
  const files = (o: { threads?: boolean; dbTimeout?: boolean; depth?: boolean; pool: number; timeout: number; concurrency: number }) =>
    `db:\n  pool:\n    maxSize: ${o.pool}\n${o.dbTimeout ? '  timeout: 5\n' : ''}api:\n  timeout: ${o.timeout}\njobs:\n  concurrency: ${o.concurrency}\n` +
    `${o.threads ? 'WORKER_THREADS: 8\n' : ''}${o.depth ? 'QUEUE_DEPTH: 12\n' : ''}`;
  const OLD = { pool: 20, timeout: 10, concurrency: 5 };
  const NEW = { pool: 40, timeout: 30, concurrency: 9 };
  const RECORD = 'by hand in the console. Repo to follow.';

  it('a key a passage names by its own name, in a document or a message, and a key sharing a leaf', async () => {
    const dir = await repoFromScenario({
      commits: [
        {
          at: '2026-03-01T10:00:00Z',
          author: 'ana',
          message: 'initial values',
          write: {
            'config/staging.yaml': files(OLD),
            'config/production.yaml': files(OLD),
            'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
          },
        },
        { at: '2026-11-02T10:00:00Z', author: 'ben', message: 'staging: bigger pool', write: { 'config/staging.yaml': files({ ...OLD, pool: 40 }) } },
        {
          at: '2026-11-03T10:00:00Z',
          author: 'ben',
          message: 'staging: slower upstream',
          write: { 'config/staging.yaml': files({ ...OLD, pool: 40, timeout: 30 }) },
        },
        { at: '2026-11-04T10:00:00Z', author: 'ben', message: 'staging: more jobs at once', write: { 'config/staging.yaml': files(NEW) } },
        {
          at: '2026-11-20T10:00:00Z',
          author: 'ana',
          message: 'ops log',
          write: {
            'ops/CHANGELOG.md':
              `# Ops log\n\n- 2026-11-19: production WORKER_THREADS raised 20 → 40 ${RECORD}\n\n` + `- 2026-11-19: production timeout raised to 30 ${RECORD}\n`,
          },
        },
        // A commit that changed no key is read as a document is (documented.ts).
        { at: '2026-11-21T10:00:00Z', author: 'ana', message: `ops: production QUEUE_DEPTH raised 5 → 9 ${RECORD}` },
      ],
    });
    const scanJson = (...args: string[]) => runCli(['scan', '--format', 'json', '--today', '2026-12-03', ...args], { cwd: dir });
    const suggested = (json: string, key: string) =>
      (JSON.parse(json) as { divergences: Array<{ key: string; verdict?: { suggested: string } }> }).divergences.find((d) => d.key === key)?.verdict?.suggested;
    const first = await scanJson();
    for (const key of ['db.pool.maxSize', 'api.timeout', 'jobs.concurrency']) expect(suggested(first.stdout, key)).toBe('backfill');
    let both = { ...NEW };
    for (const [added, key, message] of [
      [{ threads: true }, 'db.pool.maxSize', 'add the thread setting'],
      [{ dbTimeout: true }, 'api.timeout', 'add the database settings'],
      [{ depth: true }, 'jobs.concurrency', 'add the depth setting'],
    ] as const) {
      both = { ...both, ...added };
      await writeFile(path.join(dir, 'config/staging.yaml'), files(both));
      await writeFile(path.join(dir, 'config/production.yaml'), files({ ...both, ...OLD }));
      await execa('git', ['commit', '-qam', message], {
        cwd: dir,
        env: asAna({ GIT_AUTHOR_DATE: '2026-11-25T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-25T10:00:00Z' }),
      });
      const kept = await scanJson();
      const fresh = await scanJson('--no-cache');
      // The passage is that key's now, not this one's: no record of this key's value changed by hand.
      expect(suggested(fresh.stdout, key)).not.toBe('backfill');
      expect([kept.exitCode, kept.stdout]).toEqual([fresh.exitCode, fresh.stdout]);
    }
  });
});
