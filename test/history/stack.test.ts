import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { scanRepository } from '../../src/engine.js';
import { readHistory } from '../../src/history/walk.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { detectFormat } from '../../src/parse/format.js';
import { readText } from '../../src/parse/read.js';
import { git, repoFromScenario } from '../support/repo.js';

// An environment is a stack of files, base first: its history is the history of the effective
// value, as the consuming tool (Helm's -f chain, the Rails `config` gem, Spring) layers them.

const brief = (events: HistoryEvent[] | undefined) => (events ?? []).map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'} @${e.file}`);

const BASE = 'config/settings.yml';
const STAGING = 'config/settings/staging.yml';
const PRODUCTION = 'config/settings/production.yml';
const STACKS: EnvironmentConfig[] = [
  { name: 'staging', files: [BASE, STAGING], format: 'auto' },
  { name: 'production', files: [BASE, PRODUCTION], format: 'auto' },
];

describe('history of a stack of files', () => {
  it('counts a base event only while no later file sets the key, and shadowing as an event', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: { [BASE]: 'cache: false\ntimeout: 5\n', [STAGING]: 'cache: true\n', [PRODUCTION]: 'other: 1\n' },
        },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'base timeout 10', set: { [BASE]: { timeout: 10 } } },
        { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'base cache on', set: { [BASE]: { cache: 'on-demand' } } },
        { at: '2026-01-04T10:00:00Z', author: 'ana', message: 'staging pins timeout', set: { [STAGING]: { timeout: 30 } } },
        { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'base timeout 20', set: { [BASE]: { timeout: 20 } } },
        { at: '2026-01-06T10:00:00Z', author: 'ben', message: 'staging drops its pin', write: { [STAGING]: 'cache: true\n' } },
      ],
    });
    const h = await readHistory(repo, STACKS, { cache: false });
    const staging = h.envs.get('staging')!;
    const production = h.envs.get('production')!;
    // staging overrides cache from the start: the base's change is shadowed.
    expect(brief(staging.get('cache'))).toEqual([`create: ∅→true @${STAGING}`]);
    expect(brief(production.get('cache'))).toEqual([`base cache on: false→on-demand @${BASE}`, `create: ∅→false @${BASE}`]);
    expect(brief(staging.get('timeout'))).toEqual([
      `staging drops its pin: 30→20 @${STAGING}`,
      `staging pins timeout: 10→30 @${STAGING}`,
      `base timeout 10: 5→10 @${BASE}`,
      `create: ∅→5 @${BASE}`,
    ]);
    expect(brief(production.get('timeout'))).toEqual([`base timeout 20: 10→20 @${BASE}`, `base timeout 10: 5→10 @${BASE}`, `create: ∅→5 @${BASE}`]);
  });

  it('gives the scan a history that ends at the effective value (no "uncommitted" on a clean tree)', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            [BASE]: 'feature: true\n',
            [STAGING]: 'feature: false\n',
            [PRODUCTION]: 'x: 1\n',
            'undrift.yaml': `environments:\n  staging: [${BASE}, ${STAGING}]\n  production: [${BASE}, ${PRODUCTION}]\n`,
          },
        },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'base: feature off then on', set: { [BASE]: { feature: 'maybe' } } },
        { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'base: feature on', set: { [BASE]: { feature: true } } },
      ],
    });
    const scan = await scanRepository({ repo, live: false, historyCache: false, today: '2026-02-01' });
    const d = scan.divergences.find((x) => x.key === 'feature')!;
    expect(d.history!.staging!.map((e) => e.subject)).toEqual(['create']);
    expect(d.verdict!.reasons.join('\n')).not.toMatch(/not committed/);
  });

  it('names the file as it was called at each commit', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: { 'config/stage.yaml': 'a: 1\n', 'config/production.yaml': 'a: 1\n' } },
        { at: '2026-01-02T10:00:00Z', author: 'ana', message: 'a to 2', set: { 'config/stage.yaml': { a: 2 } } },
        { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'rename', rename: { 'config/stage.yaml': 'config/staging.yaml' } },
        { at: '2026-01-04T10:00:00Z', author: 'ben', message: 'a to 3', set: { 'config/staging.yaml': { a: 3 } } },
      ],
    });
    const h = await readHistory(repo, [{ name: 'staging', files: ['config/staging.yaml'], format: 'auto' }], { cache: false });
    expect(brief(h.envs.get('staging')!.get('a'))).toEqual([
      'a to 3: 2→3 @config/staging.yaml',
      'a to 2: 1→2 @config/stage.yaml',
      'create: ∅→1 @config/stage.yaml',
    ]);
  });
});

// The reference: every commit that touched the stacks (git's own path-limited walk), each file of
// the stack read whole at it and at each of its parents by the scan's reader and layered (later
// file wins); a commit's event is the change of that effective value against its parent, and a
// merge's only when its result differs from every parent (the merge chose it). A change a merge
// threw away is none: per file and key, as `git log -- file` walks a file, back from HEAD a merge
// that holds a parent's value follows the first such parent only (else every parent); a commit
// that changed the key in some files is an event only if one of them reached HEAD that way.
async function referenceStack(repo: string, files: string[]): Promise<Map<string, string[]>> {
  // Listed as the walk lists them: over every environment's files, so that git simplifies
  // history (a merge that kept one side's files whole) the same way.
  const listed = (await git(repo, 'log', '--date-order', '--format=%H %P', 'HEAD', '--', BASE, STAGING, PRODUCTION)).split('\n').filter(Boolean);
  const subjects = new Map((await git(repo, 'log', '--format=%H %s', 'HEAD')).split('\n').map((line) => [line.slice(0, 40), line.slice(41)]));
  const commits = listed.map((line) => line.split(' ').filter(Boolean));
  // Every version needed, read in one `git cat-file --batch`.
  const shas = [...new Set(commits.flat())];
  const names = shas.flatMap((sha) => files.map((file) => `${sha}:${file}`));
  const batch = execFileSync('git', ['cat-file', '--batch'], { cwd: repo, input: `${names.join('\n')}\n`, maxBuffer: 1 << 28 });
  const texts = new Map<string, string | undefined>();
  let at = 0;
  for (const name of names) {
    const eol = batch.indexOf(10, at);
    const header = batch.subarray(at, eol).toString('utf8');
    at = eol + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    texts.set(name, batch.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  // Each file's own values at a commit, and the stack's, layered.
  const perFile = new Map<string, Map<string, string | null>>();
  const layered = new Map<string, Map<string, string | null>>();
  for (const sha of shas) {
    const values = new Map<string, string | null>();
    for (const file of files) {
      const text = texts.get(`${sha}:${file}`);
      if (text === undefined) continue;
      const own = new Map([...(await readText(`${text}\n`, file, detectFormat(file)!)).values].map(([k, v]) => [k, v.text]));
      perFile.set(`${sha}:${file}`, own);
      for (const [key, value] of own) values.set(key, value);
    }
    layered.set(sha, values);
  }
  const valueIn = (sha: string, file: string, key: string) => perFile.get(`${sha}:${file}`)?.get(key) ?? null;
  // The lines back from HEAD: git's parents, simplified over the stacks' files as the walk's.
  const lines = new Map(
    (await git(repo, 'rev-list', '--parents', 'HEAD', '--', BASE, STAGING, PRODUCTION))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, ...string[]])
      .map(([sha, ...parents]) => [sha, parents]),
  );
  const reached = (file: string, key: string) => {
    const seen = new Set<string>();
    const todo = [commits[0]![0]!];
    while (todo.length > 0) {
      const sha = todo.pop()!;
      if (seen.has(sha)) continue;
      seen.add(sha);
      const parents = lines.get(sha) ?? [];
      const same = parents.length > 1 ? parents.find((p) => valueIn(p, file, key) === valueIn(sha, file, key)) : undefined;
      todo.push(...(same !== undefined ? [same] : parents));
    }
    return seen;
  };
  const events = new Map<string, string[]>();
  for (const [sha, ...parents] of commits) {
    const after = layered.get(sha!)!;
    const before = parents.map((p) => layered.get(p)!);
    for (const key of new Set([...after.keys(), ...before.flatMap((b) => [...b.keys()])])) {
      const to = after.get(key) ?? null;
      if (before.length === 0 ? to === null : before.some((b) => (b.get(key) ?? null) === to)) continue;
      const changedIn = files.filter((file) => valueIn(sha!, file, key) !== (parents[0] ? valueIn(parents[0], file, key) : null));
      if (changedIn.length > 0 && !changedIn.some((file) => reached(file, key).has(sha!))) continue;
      const from = before[0]?.get(key) ?? null;
      events.set(key, [...(events.get(key) ?? []), `${subjects.get(sha!)}: ${from ?? '∅'}→${to ?? '∅'}`]);
    }
  }
  return events;
}

async function expectReference(repo: string) {
  const h = await readHistory(repo, STACKS, { cache: false });
  for (const env of STACKS) {
    const engine = h.envs.get(env.name)!;
    const reference = await referenceStack(repo, env.files);
    expect(new Set(engine.keys()), env.name).toEqual(new Set(reference.keys()));
    for (const [key, events] of reference)
      expect(
        engine.get(key)!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`),
        `${env.name} ${key}`,
      ).toEqual(events);
  }
  return h;
}

/** A history of the stack on two lines, `main` and `side`, each editing files of the stack, with
 * merges both ways: a merge keeps each file as one side had it, or mixes the sides' keys, or
 * resolves some keys to new values. */
function generateStack(seed: number) {
  let state = seed;
  // The high bits: an LCG's low bits repeat with a short period.
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 16) % n);
  const KEYS = ['a', 'b', 'c', 'd', 'e'];
  const VALUES = ['1', '2', 'x', 'true', 'on', 'null'];
  const PATHS = [BASE, STAGING, PRODUCTION];
  const lines = { main: PATHS.map(() => new Map<string, string>()), side: [] as Array<Map<string, string>> };
  const render = (m: Map<string, string>) => (m.size === 0 ? '{}\n' : [...m].map(([k, v]) => `${k}: ${v}\n`).join(''));
  const commits = [];
  let on: 'main' | 'side' = 'main';
  for (let c = 0; c < 36; c++) {
    const write: Record<string, string> = {};
    const action = c === 0 ? 'edit' : c === 1 ? 'branch' : (['edit', 'edit', 'switch', 'merge'] as const)[rand(4)]!;
    let checkout: string | undefined;
    let merge: string | undefined;
    if (action === 'branch') {
      lines.side = lines.main.map((m) => new Map(m));
      checkout = on = 'side';
    } else if (action === 'switch') checkout = on = on === 'main' ? 'side' : 'main';
    const files = lines[on];
    if (action === 'merge') {
      const other = on === 'main' ? 'side' : 'main';
      merge = other;
      // Every file is written: git's own result may hold conflict markers.
      PATHS.forEach((file, i) => {
        const mine = files[i]!;
        const theirs = lines[other][i]!;
        const how = rand(3);
        const result = how === 0 ? new Map(mine) : how === 1 ? new Map(theirs) : new Map<string, string>();
        if (how === 2)
          for (const key of KEYS) {
            const pick = rand(4);
            const value =
              pick === 0 ? mine.get(key) : pick === 1 ? theirs.get(key) : pick === 2 ? (theirs.get(key) ?? mine.get(key)) : VALUES[rand(VALUES.length)];
            if (value !== undefined) result.set(key, value);
          }
        files[i] = result;
        write[file] = render(result);
      });
    } else {
      const touched = c === 0 ? [0, 1, 2] : [rand(3), ...(rand(3) === 0 ? [rand(3)] : [])];
      for (const i of new Set(touched)) {
        const m = files[i]!;
        for (let n = 1 + rand(2); n > 0; n--) {
          const key = KEYS[rand(KEYS.length)]!;
          if (rand(4) === 0) m.delete(key);
          else m.set(key, VALUES[rand(VALUES.length)]!);
        }
        write[PATHS[i]!] = render(m);
      }
    }
    const day = String(1 + Math.floor(c / 24)).padStart(2, '0');
    commits.push({
      at: `2026-04-${day}T${String(c % 24).padStart(2, '0')}:00:00Z`,
      author: c % 2 ? 'ana' : 'ben',
      message: `${merge ? 'merge' : 'change'} ${c}`,
      ...(checkout ? { checkout } : {}),
      ...(merge ? { merge } : {}),
      write,
    });
  }
  return commits;
}

describe('stacked history against a whole-stack reference, along branches and merges', () => {
  it('a branch changing the base is merged under an override: each line keeps its own events', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-03-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: { [BASE]: 'timeout: 5\n# tuning\n# ---\nretries: 1\n# behaviour\n# ---\nmode: a\n', [STAGING]: 'cache: true\n', [PRODUCTION]: 'x: 1\n' },
        },
        // A branch that changes the base file ...
        { at: '2026-03-02T10:00:00Z', author: 'ben', message: 'base: timeout 10', checkout: 'tune', set: { [BASE]: { timeout: 10 } } },
        // ... while main makes staging override the same key ...
        { at: '2026-03-03T10:00:00Z', author: 'ana', message: 'staging pins timeout 30', checkout: 'main', set: { [STAGING]: { timeout: 30 } } },
        { at: '2026-03-04T10:00:00Z', author: 'ben', message: 'base: timeout 15, retries 3', checkout: 'tune', set: { [BASE]: { timeout: 15, retries: 3 } } },
        { at: '2026-03-05T10:00:00Z', author: 'ana', message: 'base: mode b', checkout: 'main', set: { [BASE]: { mode: 'b' } } },
        // ... merged into main.
        { at: '2026-03-06T10:00:00Z', author: 'ana', message: 'merge tune', merge: 'tune' },
        // Two branches set the same key of the base: the merge resolves the conflict on a third value.
        { at: '2026-03-07T10:00:00Z', author: 'ben', message: 'retries 4', checkout: 'left', set: { [BASE]: { retries: 4 } } },
        { at: '2026-03-08T10:00:00Z', author: 'ana', message: 'retries 5', checkout: 'main', set: { [BASE]: { retries: 5 } } },
        {
          at: '2026-03-09T10:00:00Z',
          author: 'ana',
          message: 'merge left, retries 6',
          merge: 'left',
          write: { [BASE]: 'timeout: 15\n# tuning\n# ---\nretries: 6\n# behaviour\n# ---\nmode: b\n' },
        },
        // Production overrides mode on a branch; main drops staging's pin; merged.
        { at: '2026-03-10T10:00:00Z', author: 'ben', message: 'production mode c', checkout: 'prod', set: { [PRODUCTION]: { mode: 'c' } } },
        { at: '2026-03-11T10:00:00Z', author: 'ana', message: 'staging drops its pin', checkout: 'main', write: { [STAGING]: 'cache: true\n' } },
        { at: '2026-03-12T10:00:00Z', author: 'ana', message: 'merge prod', merge: 'prod' },
      ],
    });
    expect((await git(repo, 'log', '--merges', '--format=%s')).split('\n')).toEqual(['merge prod', 'merge left, retries 6', 'merge tune']);
    const h = await expectReference(repo);
    // On its branch the base's change was staging's (no pin there yet); merged under main's pin it
    // changes nothing; when the pin goes, the base's value from the branch shows.
    expect(brief(h.envs.get('staging')!.get('timeout'))).toEqual([
      `staging drops its pin: 30→15 @${STAGING}`,
      `base: timeout 15, retries 3: 10→15 @${BASE}`,
      `staging pins timeout 30: 5→30 @${STAGING}`,
      `base: timeout 10: 5→10 @${BASE}`,
      `create: ∅→5 @${BASE}`,
    ]);
    expect(brief(h.envs.get('staging')!.get('retries'))[0]).toBe(`merge left, retries 6: 5→6 @${BASE}`);
  });

  for (const seed of [3, 11]) {
    it(`equals layering every version whole (generated base + overrides on two lines with merges, seed ${seed})`, async () => {
      const repo = await repoFromScenario({ commits: generateStack(seed) });
      expect(Number(await git(repo, 'rev-list', '--merges', '--count', 'HEAD'))).toBeGreaterThan(3);
      await expectReference(repo);
    });
  }
});
