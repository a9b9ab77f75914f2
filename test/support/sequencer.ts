import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The order the test files start in. Workers take the next file when they finish one, so a long
// file started late is the run's tail: it runs alone on one core while the other idles. Vitest puts
// the longest first only once it has timed a run on this machine (node_modules/.vite); a clean
// clone (CI) has no such record and starts the largest files first, and the costliest files are
// not the largest (stories.test.ts is 0.4 KB and judges a third of the story corpus). These start first, in this
// order: measured with UNDRIFT_TEST_COST_LOG (CPU-s of the file and its child processes, Node 20);
// every other file follows in vitest's own order. A file missing here costs time, never a test.
export const COSTLIEST_FIRST = [
  // The story corpus (~1,150 scans of real repositories, and their building), in three parts.
  'test/verdict/stories.test.ts',
  'test/verdict/stories-2.test.ts',
  'test/verdict/stories-3.test.ts',
  // The ReDoS check: the readers on hostile text, and recheck's patterns.
  'test/verdict/redos-hostile.test.ts',
  'test/verdict/redos.test.ts',
  // 10 CPU-s and more each.
  'test/hostile/corpus.test.ts',
  'test/hostile/escapes.test.ts',
  'test/compare/url-passwords.test.ts',
  'test/actions/crash.test.ts',
  'test/hostile/trusted-config.test.ts',
  'test/actions/publish.test.ts',
  'test/compare/payload-passwords.test.tsx',
  'test/history/units.test.ts',
  'test/hostile/pull-request-live.test.ts',
];

export default class CostliestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = COSTLIEST_FIRST.indexOf(relative(file.project.config.root, file.moduleId).split('\\').join('/'));
      return at < 0 ? COSTLIEST_FIRST.length : at;
    };
    return sorted
      .map((file, at) => ({ file, at }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.at - b.at)
      .map(({ file }) => file);
  }
}
