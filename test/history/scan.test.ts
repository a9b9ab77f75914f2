// The history as a scan uses it (in-process, one module graph for both): lineage through merges,
// and the verdicts a re-run keeps.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { runCli } from '../support/cli.js';
import { git, repoFromScenario } from '../support/repo.js';

// A merge that keeps main's value of a key and discards a later change of it on the branch is no
// event (it equals a parent), and the branch's change must be none either: else it stays the
// newest event, history "ends" at a value HEAD never had, and the verdict claims an uncommitted
// edit on a clean tree. git's own `git log -- file` drops the branch (the merge is TREESAME to
// main for that file), but the walk runs over every environment's files at once, and the branch
// changed another one that the merge kept: per key, the history follows at each merge only the
// parent whose value the merge kept (src/history/lineage.ts).
it('a change discarded by a merge is not the newest event of the key', async () => {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-01-01T10:00:00Z',
        author: 'ana',
        message: 'create',
        write: {
          'config/staging.yaml': 'x: 1\ny: 1\n',
          'config/production.yaml': 'x: 5\ny: 1\n',
          'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
        },
      },
      { at: '2026-01-02T10:00:00Z', author: 'ana', message: 'main: x 3', set: { 'config/staging.yaml': { x: 3 } } },
      {
        at: '2026-01-03T10:00:00Z',
        author: 'ben',
        message: 'branch: x 2',
        checkout: 'b',
        set: { 'config/staging.yaml': { x: 2 }, 'config/production.yaml': { y: 2 } },
      },
      {
        at: '2026-01-05T10:00:00Z',
        author: 'ana',
        message: 'merge b keeping main',
        checkout: 'main',
        merge: 'b',
        write: { 'config/staging.yaml': 'x: 3\ny: 1\n', 'config/production.yaml': 'x: 5\ny: 2\n' },
      },
    ],
  });
  const scan = await scanRepository({ repo, live: false, historyCache: false, today: '2026-02-01' });
  const d = scan.divergences.find((x) => x.key === 'x')!;
  expect(d.history!.staging!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`)).toEqual(['main: x 3: 1→3', 'create: ∅→1']);
  // The branch's change the merge kept is production's history.
  expect(scan.divergences.find((x) => x.key === 'y')?.history?.production?.[0]?.subject).toBe('branch: x 2');
  expect(d.verdict!.reasons.join('\n')).not.toMatch(/not committed/);
});

// A re-run keeps the verdicts of the run before (.git/undrift/verdicts.json): each under its
// divergence's fingerprint, all of them within one scope (the history, commit messages and
// documents at HEAD, config, contract, the day, the code). Each input a verdict reads, changed
// here one at a time, must give what a scan without any cache gives — and each change is one that
// turns the verdict, so that a kept verdict would be caught. One repository, changed in turn.

const KEY = 'consumer.prefetchCount';
const PROD = 'config/production.yaml';
const CONTRACT = 'config/expected-env-diff.yaml';
const identity = {
  GIT_AUTHOR_NAME: 'Ben Ode',
  GIT_AUTHOR_EMAIL: 'ben@example.test',
  GIT_COMMITTER_NAME: 'Ben Ode',
  GIT_COMMITTER_EMAIL: 'ben@example.test',
};

let repo: string;
const scan = (today: string, cached: boolean) => scanRepository({ repo, live: false, historyCache: cached, today });
const verdictOf = async (today: string, cached: boolean) => (await scan(today, cached)).divergences.find((d) => d.key === KEY)!.verdict!;
/** The cached scan's verdicts, after checking them against a scan without caches. */
async function cachedEqualsFresh(today: string) {
  const [cached, fresh] = [await scan(today, true), await scan(today, false)];
  expect(cached.divergences.map((d) => [d.key, d.verdict])).toEqual(fresh.divergences.map((d) => [d.key, d.verdict]));
  return cached.divergences.find((d) => d.key === KEY)!.verdict!;
}

beforeAll(async () => {
  repo = await repoFromScenario({
    commits: [
      {
        at: '2026-01-05T10:00:00Z',
        author: 'ana',
        message: 'initial config',
        write: {
          'config/staging.yaml': 'consumer:\n  prefetchCount: 10\nworker:\n  threads: 4\n',
          [PROD]: 'consumer:\n  prefetchCount: 10 # do not raise until 2026-03-20, the broker move needs the headroom\nworker:\n  threads: 8\n',
          'undrift.yaml': `environments:\n  staging: config/staging.yaml\n  production: ${PROD}\npromotion: [staging, production]\n`,
        },
      },
      {
        at: '2026-03-02T09:00:00Z',
        author: 'ana',
        message: 'consumer: prefetch 10 -> 50, throughput doubles on the soak box',
        set: { 'config/staging.yaml': { 'consumer.prefetchCount': 50 } },
      },
    ],
  });
});

describe('kept verdicts', () => {
  it('are reused on a re-run at the same HEAD', async () => {
    expect((await verdictOf('2026-03-10', true)).suggested).toBe('declare');
    const file = path.join(repo, '.git/undrift/verdicts.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as { verdicts: Record<string, { verdict: { reasons: string[] } }> };
    for (const kept of Object.values(saved.verdicts)) kept.verdict.reasons = ['kept from the run before'];
    await writeFile(file, JSON.stringify(saved));
    expect((await verdictOf('2026-03-10', true)).reasons).toEqual(['kept from the run before']);
  });

  it('are weighed again on another day (a hold with a time limit ends)', async () => {
    // Held on purpose (0.7) until 2026-03-20; after it only the promotion order speaks (0.45).
    expect(await cachedEqualsFresh('2026-04-01')).toMatchObject({ suggested: 'declare', confidence: 0.45 });
  });

  // A new commit (changing no file here) is read by every rule that reads all messages: a kept
  // verdict is weighed again where the commit could change it (it names the key), and kept where
  // it cannot (src/verdict/reads.ts). Kept verdicts are marked, so a reused one shows.
  it('after a new commit, are weighed again only where the commit could change them', async () => {
    const OTHER = 'worker.threads';
    const of = (scan: Awaited<ReturnType<typeof scanRepository>>, key: string) => scan.divergences.find((d) => d.key === key)!.verdict!;
    const before = await scan('2026-03-10', true);
    const file = path.join(repo, '.git/undrift/verdicts.json');
    const mark = async () => {
      const saved = JSON.parse(await readFile(file, 'utf8')) as { verdicts: Record<string, { verdict: { reasons: string[] } }> };
      for (const kept of Object.values(saved.verdicts)) kept.verdict.reasons = ['kept from the run before'];
      await writeFile(file, JSON.stringify(saved));
    };
    const commit = (message: string, at: string) =>
      execGit(['commit', '-q', '--allow-empty', '-m', message], { ...identity, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
    await mark();
    await commit('consumer.prefetchCount: the broker move is done, raise it when you like', '2026-03-05T09:00:00Z');
    const [cached, fresh] = [await scan('2026-03-10', true), await scan('2026-03-10', false)];
    expect(of(fresh, KEY)).not.toEqual(of(before, KEY)); // the message turns it
    expect(of(cached, KEY)).toEqual(of(fresh, KEY));
    expect(of(cached, OTHER).reasons).toEqual(['kept from the run before']);
    await mark();
    await commit('tidy the release notes', '2026-03-06T09:00:00Z');
    const after = await scan('2026-03-10', true);
    expect([of(after, KEY).reasons, of(after, OTHER).reasons]).toEqual([['kept from the run before'], ['kept from the run before']]);
  });

  it('are weighed again at a new HEAD whose message alone turns the verdict', async () => {
    // A later commit on production's file that leaves the key's value and line as they were.
    await writeFile(path.join(repo, PROD), `${await readFile(path.join(repo, PROD), 'utf8')}unrelated: 1\n`);
    await git(repo, 'add', PROD);
    const env = { ...identity, GIT_AUTHOR_DATE: '2026-03-09T09:00:00Z', GIT_COMMITTER_DATE: '2026-03-09T09:00:00Z' };
    await execGit(['commit', '-q', '-m', 'Prefetch bleibt in Prod bei 10', '-m', 'Der Broker dort hat halb so viel RAM.'], env);
    expect(await cachedEqualsFresh('2026-04-01')).toMatchObject({ suggested: 'declare', confidence: 0.7 });
  });

  it('are weighed again when the contract or a working-tree file changes', async () => {
    const before = await verdictOf('2026-04-01', true);
    await writeFile(path.join(repo, CONTRACT), `expected_differences:\n  ${KEY}:\n    staging: 50\n    production: 20\n    reason: broker sizes differ\n`);
    const declared = await cachedEqualsFresh('2026-04-01');
    expect(declared).not.toEqual(before);
    await writeFile(path.join(repo, CONTRACT), 'expected_differences: {}\n');
    await writeFile(path.join(repo, 'config/staging.yaml'), 'consumer:\n  prefetchCount: 40\n');
    const edited = await cachedEqualsFresh('2026-04-01');
    expect(edited).not.toEqual(declared);
  });
});

async function execGit(args: string[], env: Record<string, string>) {
  const { execa } = await import('execa');
  await execa('git', args, { cwd: repo, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env } });
}

// An unchanged re-run of `scan --format json` writes the output kept from the run before
// (.git/undrift/scan-output) instead of building it again. The kept output is replaced here by a
// marker after each run: each input of the scan, changed one at a time, must then make the output
// again, never give the marker; and what is made again equals a scan without any cache.
describe('the kept JSON output', () => {
  let dir: string;
  const liveConfigMap = (timeout: number) => `kind: ConfigMap\nmetadata: {name: app, namespace: pay}\ndata: {TIMEOUT: "${timeout}", RETRIES: "3"}\n`;
  const TAMPERED = '{"kept": "from the run before"}\n';
  const scanJson = (...args: string[]) => runCli(['scan', '--format', 'json', '--today', '2026-03-10', ...args], { cwd: dir });
  async function tamper() {
    const file = path.join(dir, '.git/undrift/scan-output');
    const whole = await readFile(file, 'utf8');
    await writeFile(file, `${whole.slice(0, whole.indexOf('\n'))}\n${TAMPERED}`);
  }
  /** The cached scan after a change is made again (never the marked output), then its own output
   * is marked. A miss runs the scan as without the cache; each test ends by checking that. */
  async function changedIsMadeAgain(...args: string[]) {
    const cached = await scanJson(...args);
    expect(cached.stdout).not.toContain('from the run before');
    await tamper();
    return cached;
  }
  async function equalsFresh(cached: Awaited<ReturnType<typeof scanJson>>, ...args: string[]) {
    const fresh = await scanJson(...args, '--no-cache');
    expect([cached.stdout, cached.exitCode]).toEqual([fresh.stdout, fresh.exitCode]);
  }

  beforeAll(async () => {
    dir = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'initial config',
          write: {
            'config/staging.yaml': 'TIMEOUT: 10\nRETRIES: 3\n',
            'config/production.yaml': 'TIMEOUT: 30\nRETRIES: 3\n',
            'live/production.yaml': liveConfigMap(30),
            'undrift.yaml':
              'environments:\n  staging: config/staging.yaml\n  production: {files: config/production.yaml, live: {snapshot: live/production.yaml}}\npromotion: [staging, production]\n',
          },
        },
        { at: '2026-02-01T10:00:00Z', author: 'ben', message: 'production: slower api', set: { 'config/production.yaml': { TIMEOUT: 40 } } },
      ],
    });
  });

  it('is written again on an unchanged re-run, with its exit code', async () => {
    const first = await scanJson();
    expect(first.exitCode).toBe(1);
    await tamper();
    expect(await scanJson()).toEqual({ stdout: TAMPERED.trimEnd(), stderr: '', exitCode: 1 });
  });

  it('is made again when an option, the day or the destination changes', async () => {
    // Each run adds one option to the run before (whose output is the marked one).
    const options = ['--today', '2026-03-11'];
    await changedIsMadeAgain(...options);
    await changedIsMadeAgain(...options.concat('-e', 'production'));
    const last = options.concat('-e', 'production', '--key', 'TIMEOUT');
    await equalsFresh(await changedIsMadeAgain(...last), ...last);
    await scanJson(...last, '-o', 'out.json');
    expect(await readFile(path.join(dir, 'out.json'), 'utf8')).not.toContain('from the run before');
  });

  it('is made again when a working-tree file, the config, the contract or a live snapshot changes', async () => {
    await scanJson();
    await tamper();
    await writeFile(path.join(dir, 'config/staging.yaml'), 'TIMEOUT: 10\nRETRIES: 4\n');
    await changedIsMadeAgain();
    await writeFile(
      path.join(dir, 'config/expected-env-diff.yaml'),
      'expected_differences:\n  TIMEOUT:\n    staging: 10\n    production: 40\n    reason: slower backend\n',
    );
    await changedIsMadeAgain();
    // A pattern differs only in its text (compiled, every pattern would look alike).
    await writeFile(
      path.join(dir, 'config/expected-env-diff.yaml'),
      'expected_differences:\n  TIMEOUT:\n    staging: 10\n    production: {regex: "^4"}\n    reason: slower backend\n',
    );
    await changedIsMadeAgain();
    await writeFile(
      path.join(dir, 'config/expected-env-diff.yaml'),
      'expected_differences:\n  TIMEOUT:\n    staging: 10\n    production: {regex: "^5"}\n    reason: slower backend\n',
    );
    await changedIsMadeAgain();
    await writeFile(path.join(dir, 'undrift.yaml'), `${await readFile(path.join(dir, 'undrift.yaml'), 'utf8')}limits:\n  fileBytes: 5000000\n`);
    await changedIsMadeAgain();
    await writeFile(path.join(dir, 'live/production.yaml'), liveConfigMap(45));
    await equalsFresh(await changedIsMadeAgain());
  });

  it('is made again at a new HEAD', async () => {
    await writeFile(path.join(dir, 'NOTES.md'), 'TIMEOUT stays at 40 in production until the backend moves.\n');
    await git(dir, 'add', '-A');
    await git(dir, '-c', 'user.name=Ben Ode', '-c', 'user.email=ben@example.test', 'commit', '-qm', 'notes');
    await equalsFresh(await changedIsMadeAgain());
  });
});

// After a new commit, a divergence explained from the same inputs as in the run before, with its
// kept verdict, is written from the kept output (cli/scan.ts splices its bytes; so is a key's
// timeline). A kept divergence's bytes are marked here in the kept output: the marked text shows
// where the splice took them, and must not where the commit could change the verdict or changed
// the key. Without marks, the output equals a scan without any cache.
describe('the kept JSON output after a new commit', () => {
  const scanJson = (dir: string, ...args: string[]) => runCli(['scan', '--format', 'json', '--today', '2026-03-10', ...args], { cwd: dir });
  /** Marks a key's divergence in the kept output (same length: the pieces' places hold). */
  async function mark(dir: string, key: string) {
    const file = path.join(dir, '.git/undrift/scan-output');
    const whole = await readFile(file, 'utf8');
    const at = whole.indexOf(`"key": "${key}"`);
    expect(at).toBeGreaterThan(0);
    await writeFile(file, `${whole.slice(0, at)}"key": "${key.replace(/./g, 'Z')}"${whole.slice(at + key.length + 9)}`);
  }
  const commit = (dir: string, message: string) => git(dir, '-c', 'user.name=Ben Ode', '-c', 'user.email=ben@example.test', 'commit', '-qam', message);

  it('writes again what the commit cannot change, and equals a scan without cache', async () => {
    const files = (cacheTtl: number) => ({
      'config/staging.yaml': `TIMEOUT: 10\nRETRIES: 3\nLOG_LEVEL: debug\nCACHE_TTL: ${cacheTtl}\n`,
      'config/production.yaml': 'TIMEOUT: 30\nRETRIES: 5\nLOG_LEVEL: info\nCACHE_TTL: 60\n',
    });
    const dir = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'initial config',
          write: { ...files(30), 'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n' },
        },
      ],
    });
    await scanJson(dir);
    await mark(dir, 'RETRIES');
    await mark(dir, 'CACHE_TTL');
    await writeFile(path.join(dir, 'config/staging.yaml'), files(45)['config/staging.yaml']);
    await commit(dir, 'cache for 45 s');
    const after = await scanJson(dir);
    expect(after.stdout).toContain('"key": "ZZZZZZZ"'); // RETRIES, kept
    expect(after.stdout).toContain('"key": "CACHE_TTL"'); // changed: made again
    // A commit whose message names a key weighs its verdict again: made again, not spliced.
    await mark(dir, 'TIMEOUT');
    await mark(dir, 'LOG_LEVEL');
    await git(
      dir,
      '-c',
      'user.name=Ben Ode',
      '-c',
      'user.email=ben@example.test',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'TIMEOUT stays at 30 until the backend moves',
    );
    const named = await scanJson(dir);
    expect(named.stdout).toContain('"key": "TIMEOUT"');
    expect(named.stdout).toContain('"key": "ZZZZZZZZZ"'); // LOG_LEVEL, kept
    // Unmarked, after one more commit: every byte as a scan without cache writes it.
    await scanJson(dir, '--today', '2026-03-11');
    await writeFile(path.join(dir, 'config/production.yaml'), 'TIMEOUT: 30\nRETRIES: 5\nLOG_LEVEL: warn\nCACHE_TTL: 60\n');
    await commit(dir, 'quieter logs');
    const cached = await scanJson(dir, '--today', '2026-03-11');
    const fresh = await scanJson(dir, '--today', '2026-03-11', '--no-cache');
    expect([cached.stdout, cached.exitCode]).toEqual([fresh.stdout, fresh.exitCode]);
  });

  it("takes the events' part of a verdict's key from the scan before for a key the new commit did not change", async () => {
    const dir = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'initial config',
          write: {
            'config/staging.yaml': 'TIMEOUT: 10\nRETRIES: 3\nCACHE_TTL: 30\n',
            'config/production.yaml': 'TIMEOUT: 30\nRETRIES: 5\nCACHE_TTL: 60\n',
            'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
          },
        },
      ],
    });
    await scanJson(dir);
    await mark(dir, 'RETRIES');
    await mark(dir, 'TIMEOUT');
    // RETRIES' kept part altered: its verdict's key is then another, and it is made again; TIMEOUT's
    // kept part holds (its verdict kept: the marked bytes are written).
    const parts = path.join(dir, '.git/undrift/verdict-events.json');
    const saved = JSON.parse(await readFile(parts, 'utf8')) as { parts: Record<string, string> };
    const retries = Object.keys(saved.parts).find((id) => id.endsWith('\0\0RETRIES'))!;
    expect(retries).toBeDefined();
    saved.parts[retries] = 'altered';
    await writeFile(parts, JSON.stringify(saved));
    await writeFile(path.join(dir, 'config/staging.yaml'), 'TIMEOUT: 10\nRETRIES: 3\nCACHE_TTL: 45\n');
    await commit(dir, 'cache for 45 s');
    const after = await scanJson(dir);
    expect(after.stdout).toContain('"key": "RETRIES"');
    expect(after.stdout).toContain('"key": "ZZZZZZZ"'); // TIMEOUT, kept
    const fresh = await scanJson(dir, '--no-cache');
    expect(JSON.parse(after.stdout.replace('"key": "ZZZZZZZ"', '"key": "TIMEOUT"'))).toEqual(JSON.parse(fresh.stdout));
  });
});
