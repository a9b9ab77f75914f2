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

// The reference: at every commit of a linear history, every file of the stack read whole by the
// scan's reader, layered (later file wins), and diffed with the previous commit's layering.
async function referenceStack(repo: string, files: string[]): Promise<Map<string, string[]>> {
  const shas = (await git(repo, 'log', '--reverse', '--format=%H')).split('\n').filter(Boolean);
  const events = new Map<string, string[]>();
  let before = new Map<string, string | null>();
  for (const sha of shas) {
    const subject = await git(repo, 'log', '-1', '--format=%s', sha);
    const after = new Map<string, string | null>();
    for (const file of files) {
      const text = await git(repo, 'show', `${sha}:${file}`).catch(() => undefined);
      if (text === undefined) continue;
      const read = await readText(`${text}\n`, file, detectFormat(file)!);
      for (const [key, value] of read.values) after.set(key, value.text);
    }
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const from = before.has(key) ? before.get(key)! : null;
      const to = after.has(key) ? after.get(key)! : null;
      if (from !== to) events.set(key, [`${subject}: ${from ?? '∅'}→${to ?? '∅'}`, ...(events.get(key) ?? [])]);
    }
    before = after;
  }
  return events;
}

function generateStack(seed: number) {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), state % n);
  const KEYS = ['a', 'b', 'c', 'd', 'e'];
  const VALUES = ['1', '2', 'x', 'true', 'on', 'null'];
  const files = [BASE, STAGING, PRODUCTION].map(() => new Map<string, string>());
  const render = (m: Map<string, string>) => (m.size === 0 ? '{}\n' : [...m].map(([k, v]) => `${k}: ${v}\n`).join(''));
  const commits = [];
  for (let c = 0; c < 36; c++) {
    const write: Record<string, string> = {};
    const touched = c === 0 ? [0, 1, 2] : [rand(3), ...(rand(3) === 0 ? [rand(3)] : [])];
    for (const i of new Set(touched)) {
      const m = files[i]!;
      for (let n = 1 + rand(2); n > 0; n--) {
        const key = KEYS[rand(KEYS.length)]!;
        if (rand(4) === 0) m.delete(key);
        else m.set(key, VALUES[rand(VALUES.length)]!);
      }
      write[[BASE, STAGING, PRODUCTION][i]!] = render(m);
    }
    const day = String(1 + Math.floor(c / 24)).padStart(2, '0');
    commits.push({ at: `2026-04-${day}T${String(c % 24).padStart(2, '0')}:00:00Z`, author: c % 2 ? 'ana' : 'ben', message: `change ${c}`, write });
  }
  return commits;
}

describe('stacked history against a whole-stack reference', () => {
  for (const seed of [3, 11]) {
    it(`equals layering every version whole (generated base + overrides, seed ${seed})`, async () => {
      const repo = await repoFromScenario({ commits: generateStack(seed) });
      const h = await readHistory(repo, STACKS, { cache: false });
      for (const env of STACKS) {
        const engine = h.envs.get(env.name)!;
        const reference = await referenceStack(repo, env.files);
        expect(new Set(engine.keys())).toEqual(new Set(reference.keys()));
        for (const [key, events] of reference)
          expect(
            engine.get(key)!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`),
            `${env.name} ${key}`,
          ).toEqual(events);
      }
    });
  }
});
