// The comment beside a value that keeps it its environment's own is read in every language read, and
// "not temporary" is a keep (holdout-15's spent notes: 14's "not temporary" and 36's Italian "Non
// ridurre" were quoted but unread, and the declares passed on the promotion order alone). Other
// languages, other keys, other words.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-04';
const story = (from: string, to: string): Step[] => [
  { subject: 'config', date: '2026-03-01T10:00:00Z', set: { staging: ['', from], production: ['', from] } },
  { subject: 'staging tweak', date: '2026-10-14T10:00:00Z', set: { staging: [from, to] } },
];

describe("a keep beside the value, in the deliberate environment's own file", () => {
  it.each([
    ['Dutch', 'workers.count', '8', '2', 'Bewust 2: staging draait op de kleine node pool'],
    ['Polish', 'cache.maxEntries', '50000', '5000', 'Celowo mniej — nie zmieniać bez zgody zespołu FinOps'],
    ['Japanese', 'batch.size', '500', '50', 'ステージングは小さいDBのため意図的に50'],
    ['Portuguese', 'retention.days', '30', '7', 'Não alterar: exigência de custo do time de plataforma (FIN-12)'],
    ['English, not temporary', 'search.replicas', '3', '1', 'one replica: staging is single-node since the cost review, not temporary'],
  ])('%s: the value is its own, declared', (_language, key, from, to, note) => {
    const v = judge(key, story(from, to), TODAY, { staging: note });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
    expect(v.reasons.join('\n')).toMatch(/value is its own/);
  });

  it('a comment asking to keep in sync is no keep', () => {
    const v = judge('search.replicas', story('3', '1'), TODAY, { staging: 'keep in sync with production' });
    expect(v.reasons.join('\n')).not.toMatch(/value is its own/);
  });
});
