import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoFromScenario } from '../support/repo.js';

// Thousands of history events are read by every verdict and by the output. Made by spreading other
// objects, V8 gave each its own hidden class once `order` was set on it (44,469 classes on the Helm
// corpus: 19 MB of the heap, and every read of an event's field a megamorphic look-up). The check
// runs in a child process: only there can V8 be asked (--allow-natives-syntax) whether two objects
// share one hidden class. It reads the built history engine (dist/, built by the test setup).
const walk = fileURLToPath(new URL('../../dist/history/walk.js', import.meta.url));

describe('history events', () => {
  it('share one hidden class, whatever their marks', async () => {
    const both = (staging: string, production: string) => ({ 'config/staging.yaml': staging, 'config/production.yaml': production });
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: both('a: 1\nb: x\nc: 1\n', 'a: 1\nb: x\nc: 1\n') },
        ...Array.from({ length: 12 }, (_, i) => ({
          at: `2026-01-${String(i + 2).padStart(2, '0')}T10:00:00Z`,
          author: i % 2 ? 'ana' : 'ben',
          message: i === 6 ? 'Revert "raise a"' : `raise a and c (${i})`,
          set: { [`config/${i % 3 ? 'staging' : 'production'}.yaml`]: { a: i % 4, c: i } },
        })),
      ],
    });
    const script = `
      import { readHistory } from ${JSON.stringify(walk)};
      const envs = ['staging', 'production'].map((name) => ({ name, files: ['config/' + name + '.yaml'], format: 'auto' }));
      const history = await readHistory(process.argv[1], envs, { cache: false });
      const events = [...history.envs.values()].flatMap((keys) => [...keys.values()].flat());
      const ordered = events.filter((e) => e.order !== undefined);
      const shapes = [];
      for (const e of ordered) if (!shapes.some((s) => %HaveSameMap(s, e))) shapes.push(e);
      console.log(JSON.stringify({ events: events.length, ordered: ordered.length, shapes: shapes.length }));
    `;
    const { stdout } = await execa(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script, repo]);
    const found = JSON.parse(stdout) as { events: number; ordered: number; shapes: number };
    expect(found.ordered).toBeGreaterThan(20);
    expect(found.ordered).toBe(found.events);
    expect(found.shapes).toBe(1);
  });
});
