import { describe, expect, it } from 'vitest';
import { repoWithFiles, runUndrift } from '../support/repo.js';

// Line-based files (dotenv, Java properties) a pull request can write, each far inside the file
// size limit, played through the real `undrift scan`: a file with more keys than undrift reads
// from one file is refused at once, naming the file and the limit, and no file makes reading it
// cost the square of its lines (a line joined to the ones before it, scanned again per line).

const envs = (staging: string, production: string) =>
  `environments:\n  staging:\n    files: [${staging}]\n  production:\n    files: [${production}]\npromotion: [staging, production]\n`;
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n') + '\n';
// A deadline against hangs and a heap bound against runaway memory, not a speed check.
const bounded = { timeoutMs: 60_000, maxOldSpaceMb: 700 };

describe('a dotenv or properties file with a million keys (23 MB, within the file size limit)', () => {
  for (const [file, line] of [
    ['.env.staging', (i: number) => `KEY_${i}=value${i}`],
    ['staging.properties', (i: number) => `key.n${i}=value${i}`],
  ] as const) {
    it(`is refused as it is read, naming ${file} and limits.keys`, async () => {
      const repo = await repoWithFiles({
        'undrift.yaml': envs(file, file.replace('staging', 'production')),
        [file]: lines(1_000_000, line),
        [file.replace('staging', 'production')]: `${line(1)}\n`,
      });
      const run = await runUndrift(['scan', '--no-history'], { cwd: repo, ...bounded });
      expect(run.timedOut).toBe(false);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^undrift: ${file.replace('.', '\\.')}:250001: cannot be read: it sets more than 250,000 keys, more than undrift reads from one file \\(limits\\.keys in undrift\\.yaml raises it\\)$`,
          ),
        ),
      ]);
      expect(run.exitCode).toBe(2);
    }, 120_000);
  }

  it('is read when undrift.yaml raises limits.keys', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': `${envs('.env.staging', '.env.production')}limits: {keys: 300000}\n`,
      '.env.staging': lines(260_000, (i) => `KEY_${i}=1`),
      '.env.production': lines(260_000, (i) => `KEY_${i}=1`),
    });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, timeoutMs: 120_000 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  }, 180_000);
});

describe('a line-based file whose reading cost the square of its lines', () => {
  const cases: Array<[string, string, string]> = [
    // An opening quote never closed: each next line was joined to the value and the whole value
    // scanned again for its closing quote (400 KB: 10^10 characters scanned).
    ['an unclosed dotenv quote', '.env.staging', `A="x\n${lines(200_000, () => 'x')}`],
    // Blanks before a value's end: `(^|\s+)#.*$` tried every run of blanks from every blank.
    ['a dotenv value of blanks', '.env.staging', `A=x${' '.repeat(400_000)}y\n`],
    // A properties value continued over many lines: the value so far was copied per line.
    ['a properties value continued over every line', 'staging.properties', `a=\\\n${lines(200_000, () => 'xxxxxxxxxx\\')}z\n`],
  ];
  for (const [name, file, text] of cases) {
    it(`reads ${name} in one pass`, async () => {
      const production = file.replace('staging', 'production');
      const repo = await repoWithFiles({
        'undrift.yaml': envs(file, production),
        [file]: text,
        [production]: file.endsWith('.properties') ? 'a=1\n' : 'A=1\n',
      });
      const run = await runUndrift(['scan', '--no-history', '-f', 'json'], { cwd: repo, ...bounded });
      expect(run.timedOut).toBe(false);
      // Read (a divergence) or refused with a one-line error: either way it ends.
      expect([0, 1, 2]).toContain(run.exitCode);
      if (run.exitCode === 2) expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }, 120_000);
  }
});
