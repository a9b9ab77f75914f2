// The blind story writers' check (fixtures/verdict-stories/STORIES.md): builds each story into a real
// git repository, scans it as of its `today`, and prints what the scan found for each expectation —
// the divergence's key, kind, environments and values — and never a verdict, so whoever writes a
// story's truth can see that the divergence it names is reported without seeing the rules' answer.
//
//   npx tsc -p tsconfig.bench.json && node .bench-build/bench/story-check.js <story.yaml | dir>...
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { scanRepository } from '../src/engine.js';
import type { Divergence } from '../src/model/types.js';
import { buildScenario } from '../src/scenario/build.js';
import { parseScenario } from '../src/scenario/scenario.js';
import { loadStories, type Expectation, type Story } from './verdict-eval.js';

async function storiesOf(arg: string): Promise<Story[]> {
  if ((await stat(arg)).isDirectory()) return loadStories(arg);
  const doc = parse(await readFile(arg, 'utf8')) as { story: Omit<Story, 'file' | 'scenario'> & { today: string | Date }; scenario: unknown };
  const raw: unknown = doc.story.today;
  const today = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
  const name = path.basename(arg);
  return [{ file: name.replace(/\.ya?ml$/, ''), title: doc.story.title, today, expect: doc.story.expect, scenario: parseScenario(doc.scenario, name) }];
}

function valuesOf(d: Divergence): string {
  return Object.entries(d.values)
    .map(([env, v]) => `${env}=${JSON.stringify(v.repo)}${v.live !== null ? ` (live ${JSON.stringify(v.live)})` : ''}`)
    .join(', ');
}

/** Problems a truth has that the judge would trip on: an environment no divergence has. */
function strayEnvs(e: Expectation, d: Divergence): string[] {
  const known = new Set([...d.envs, ...Object.keys(d.values)]);
  return [...e.acceptable, ...e.harmful].flatMap((m) => (m.env !== undefined && !known.has(m.env) ? [m.env] : []));
}

let bad = 0;
for (const arg of process.argv.slice(2)) {
  for (const story of await storiesOf(arg)) {
    const dir = await mkdtemp(path.join(tmpdir(), 'story-check-'));
    try {
      await buildScenario(story.scenario, dir);
      const scan = await scanRepository({ repo: dir, historyCache: false, today: story.today });
      console.log(`${story.file} (today ${story.today}): ${scan.divergences.length} divergences`);
      for (const e of story.expect) {
        const d = scan.divergences.find((x) => x.key === e.key && x.kind === e.kind && (e.env === undefined || x.envs.includes(e.env)));
        if (!d) {
          bad++;
          const sameKey = scan.divergences.filter((x) => x.key === e.key).map((x) => `${x.kind} [${x.envs.join(', ')}]`);
          console.log(`  NOT FOUND ${e.key} (${e.kind}${e.env ? `, ${e.env}` : ''})${sameKey.length ? `; the key is reported as ${sameKey.join('; ')}` : ''}`);
          continue;
        }
        const stray = strayEnvs(e, d);
        if (stray.length) bad++;
        console.log(`  found ${d.key} (${d.kind}) envs [${d.envs.join(', ')}]: ${valuesOf(d)}${stray.length ? `  BAD MATCHER env ${stray.join(', ')}` : ''}`);
      }
      const others = scan.divergences.filter((x) => !story.expect.some((e) => e.key === x.key));
      for (const d of others) console.log(`  also ${d.key} (${d.kind}) envs [${d.envs.join(', ')}]`);
    } catch (error) {
      bad++;
      console.log(`${story.file}: FAILED ${(error as Error).message}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
process.exitCode = bad > 0 ? 1 : 0;
