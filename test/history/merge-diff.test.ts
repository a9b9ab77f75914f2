import { describe, expect, it } from 'vitest';
import { mergeChanges, mergeDiff } from '../../src/history/differ.js';
import { flatOf, VersionParser, type Version } from '../../src/history/versions.js';

// A merge's changes are found by comparing only the places where a parent's piece is not the
// result's; they must be, in the same order, what comparing the whole versions key by key gives.

const FILE = 'charts/app/values-staging.yaml';

interface State {
  probe: string;
  tags: string[];
  removed?: number;
}

const render = ({ probe, tags, removed }: State) =>
  `probe: &probe\n  path: ${probe}\n  port: 3000\nmode: blue\napps:\n` +
  tags
    .map((tag, i) =>
      i === removed
        ? ''
        : `  - name: app-${i}\n    image:\n      tag: ${tag}\n` +
          (i % 5 === 0 ? `    probe:\n      <<: *probe\n      period: ${i}\n` : '') +
          `    note: ${'x'.repeat(60)}\n`,
    )
    .join('');

describe('a merge diffed piece by piece', () => {
  const base: State = { probe: '/ready', tags: Array.from({ length: 30 }, (_, i) => `v${i}`) };
  const cases: Array<[string, State, State, State]> = [
    [
      'each side edited an item, the merge took both',
      { ...base, tags: base.tags.map((t, i) => (i === 3 ? 'v99' : t)) },
      { ...base, tags: base.tags.map((t, i) => (i === 7 ? 'v98' : t)) },
      { ...base, tags: base.tags.map((t, i) => (i === 3 ? 'v99' : i === 7 ? 'v98' : t)) },
    ],
    [
      'one side edited the anchor, the merge made a value of its own',
      { ...base, probe: '/healthz' },
      { ...base, tags: base.tags.map((t, i) => (i === 4 ? 'v97' : t)) },
      { ...base, probe: '/live', tags: base.tags.map((t, i) => (i === 4 ? 'v96' : t)) },
    ],
    [
      'one side removed an item (the pieces are not in the same places)',
      { ...base, removed: 12 },
      { ...base, tags: base.tags.map((t, i) => (i === 12 ? 'v95' : t)) },
      { ...base, removed: 12, tags: base.tags.map((t, i) => (i === 2 ? 'v94' : t)) },
    ],
  ];
  for (const [name, left, right, result] of cases)
    it(name, () => {
      const parser = new VersionParser();
      const read = (state: State): Version => {
        const parsed = parser.parse(Buffer.from(render(state)), FILE, 'helm');
        if (parsed instanceof Promise || !parsed.ok) throw new Error('not read');
        return parsed.version;
      };
      // In the walk's order: the merge, then its parents, and the base each came from.
      const merged = read(result);
      const parents = [read(left), read(right)];
      read(base);
      expect(parser.stats.unitCut).toBe(4);
      const whole = mergeChanges(
        parents.map((p) => flatOf(p)),
        flatOf(merged),
      );
      expect(whole.length).toBeGreaterThan(0);
      expect(mergeDiff(parents, merged)).toEqual(whole);
      // And with the parents the other way round (the second parent's line first).
      expect(mergeDiff([...parents].reverse(), merged)).toEqual(
        mergeChanges(
          [...parents].reverse().map((p) => flatOf(p)),
          flatOf(merged),
        ),
      );
    });
});
