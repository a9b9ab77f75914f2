import { describe, expect, it } from 'vitest';
import { keptFiles } from '../../src/history/graph.js';
import type { CommitGraph } from '../../src/history/stack.js';
import { repoFromGraph } from '../support/graph-repo.js';

// Which parent a merge kept a file from is asked of git in one `cat-file --batch-check`, a line per
// `commit:path`. A file name holding a newline would be two lines there and shift every later
// answer, so another file of the same merge would be said kept from the wrong side.

// fast-import takes a C-style quoted path; git stores the name with a real newline.
const WEIRD_QUOTED = '"conf/we\\nird.yaml"';
const WEIRD = 'conf/we\nird.yaml';
const PLAIN = 'conf/plain.yaml';

describe('which parent a merge kept a file from', () => {
  it('answers for a path holding a newline without shifting the other files', async () => {
    const at = (day: number) => `2026-03-0${day}T10:00:00Z`;
    const { repo, shas } = await repoFromGraph([
      { parents: [], files: { [WEIRD_QUOTED]: 'a: 1\n', [PLAIN]: 'b: 1\n', 'other.txt': '1\n' }, message: 'base', at: at(1), author: 'ana' },
      { parents: [0], files: { [WEIRD_QUOTED]: 'a: 1\n', [PLAIN]: 'b: 1\n', 'other.txt': '2\n' }, message: 'main moves on', at: at(2), author: 'ana' },
      { parents: [0], files: { [WEIRD_QUOTED]: 'a: 2\n', [PLAIN]: 'b: 2\n', 'other.txt': '1\n' }, message: 'side edits both', at: at(3), author: 'ana' },
      { parents: [1, 2], files: { [WEIRD_QUOTED]: 'a: 2\n', [PLAIN]: 'b: 3\n', 'other.txt': '2\n' }, message: 'merge', at: at(4), author: 'ana' },
      { parents: [1, 2], files: { [WEIRD_QUOTED]: 'a: 1\n', [PLAIN]: 'b: 2\n', 'other.txt': '2\n' }, message: 'merge again', at: at(5), author: 'ana' },
    ]);
    const [base, main, side, merge, merge2] = shas as [string, string, string, string, string];
    const graph: CommitGraph = {
      oldestFirst: [base, main, side, merge, merge2],
      parents: new Map([
        [base, []],
        [main, [base]],
        [side, [base]],
        [merge, [main, side]],
        [merge2, [main, side]],
      ]),
      order: new Map([merge2, merge, side, main, base].map((sha, i) => [sha, i])),
      facts: new Map(),
    };
    const kept = await keptFiles(
      repo,
      graph,
      [
        { sha: merge, unlisted: [] },
        { sha: merge2, unlisted: [] },
      ],
      new Map([['conf', new Set([WEIRD, PLAIN])]]),
    );
    const byMerge = kept.get('conf');
    // The first merge kept the odd name from the side and made the plain file its own; the second
    // kept the odd name from main and the plain file from the side.
    expect(byMerge?.get(merge)).toEqual(new Map([[WEIRD, 1]]));
    expect(byMerge?.get(merge2)).toEqual(
      new Map([
        [WEIRD, 0],
        [PLAIN, 1],
      ]),
    );
  });
});
