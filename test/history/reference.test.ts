import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { readHistory } from '../../src/history/walk.js';
import { detectFormat } from '../../src/parse/format.js';
import { readText } from '../../src/parse/read.js';
import { repoFromScenario } from '../support/repo.js';
import { versionsOf } from './versions-of.js';

// The history engine against the plainest possible reference on a generated linear history: every
// version read whole by the scan's own reader (as git stores it, the `yaml` library), neighbours diffed.
// The engine's entry reuse, in-place patching, chunk cache and single walk must change nothing.

const FILES = ['config/staging.yaml', 'values-production.yaml'];
const SECTIONS = ['app', 'db', 'cache', 'limits'];
const VALUES = [
  '1',
  '2',
  '30',
  '0755',
  'on',
  'off',
  'true',
  'null',
  '1e3',
  '-5',
  'abc',
  'a.b/c',
  '"quoted"',
  "'single'",
  'two words',
  'x # comment',
  '[1, 2]',
  '2026-01-02',
];

function generate(seed: number) {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), state % n);
  const files = FILES.map(() => ({ indent: 2, comment: false, values: SECTIONS.map(() => ['1', '1', '1']) }));
  const render = (f: (typeof files)[number]) =>
    `${f.comment ? '# edited\n' : ''}${SECTIONS.map((s, i) => `${s}:\n${f.values[i]!.map((v, k) => `${' '.repeat(f.indent)}k${k}: ${v}`).join('\n')}\n`).join('')}list:\n` +
    `  - name: a\n    v: ${f.values[0]![0]}\n`;
  const commits = [];
  for (let c = 0; c < 60; c++) {
    const write: Record<string, string> = {};
    for (const [i, f] of files.entries()) {
      if (c > 0 && rand(3) === 0) continue;
      const kind = rand(10);
      if (kind === 0)
        f.indent = f.indent === 2 ? 4 : 2; // re-indent: no value changes
      else if (kind === 1)
        f.comment = !f.comment; // a comment: no value changes
      else for (let n = 1 + rand(3); n > 0; n--) f.values[rand(SECTIONS.length)]![rand(3)] = VALUES[rand(VALUES.length)]!;
      write[FILES[i]!] = render(f);
    }
    const day = String(1 + Math.floor(c / 24)).padStart(2, '0');
    const hour = String(c % 24).padStart(2, '0');
    commits.push({ at: `2026-03-${day}T${hour}:00:00Z`, author: c % 2 ? 'ana' : 'ben', message: `change ${c}`, write });
  }
  return commits;
}

async function referenceHistory(repo: string, file: string): Promise<Map<string, string[]>> {
  const events = new Map<string, string[]>();
  let before = new Map<string, string | null>();
  for (const { subject, text } of await versionsOf(repo, file)) {
    const read = await readText(text!, file, detectFormat(file)!);
    const after = new Map([...read.values].map(([key, value]) => [key, value.text]));
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const from = before.has(key) ? before.get(key)! : null;
      const to = after.has(key) ? after.get(key)! : null;
      if (from !== to) events.set(key, [`${subject}: ${from ?? '∅'}→${to ?? '∅'}`, ...(events.get(key) ?? [])]);
    }
    before = after;
  }
  return events;
}

describe('history against a whole-file reference', () => {
  for (const seed of [7, 42]) {
    it(`gives the events of reading every version whole (generated history, seed ${seed})`, async () => {
      const repo = await repoFromScenario({ commits: generate(seed) });
      const envs: EnvironmentConfig[] = FILES.map((file, i) => ({ name: `env${i}`, files: [file], format: 'auto' }));
      const history = await readHistory(repo, envs, { cache: false });
      for (const [i, file] of FILES.entries()) {
        const engine = history.envs.get(`env${i}`)!;
        const reference = await referenceHistory(repo, file);
        expect(new Set(engine.keys())).toEqual(new Set(reference.keys()));
        for (const [key, events] of reference)
          expect(
            engine.get(key)!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`),
            `${file} ${key}`,
          ).toEqual(events);
      }
    });
  }
});
