// A config file that is not a map of settings was read as empty, without a word: a newcomer's
// `values-staging.yaml` holding `just a string`, a list or UTF-16 bytes gave exit 1 and no warning,
// staging silently taking the chart's base values.
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/parse/read.js';
import { encodingProblem } from '../../src/parse/value-shape.js';
import { repoFromScenario, runUndrift } from '../support/repo.js';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('reading a file that holds no map of settings', () => {
  it.each([
    ['values-staging.yaml', 'helm', 'just a string\n', 'values-staging.yaml: the file holds a single string, not a map of settings'],
    ['values-staging.yaml', 'helm', '- a\n- b\n', 'values-staging.yaml: the file holds a list, not a map of settings'],
    ['values-staging.yaml', 'helm', '- name: a\n  port: 1\n', 'values-staging.yaml: the file holds a list, not a map of settings'],
    ['config/staging.yaml', 'yaml', '42\n', 'config/staging.yaml: the file holds a single number, not a map of settings'],
    ['config/staging.yaml', 'yaml', 'true\n', 'config/staging.yaml: the file holds a single true/false value, not a map of settings'],
    ['config/staging.yaml', 'yaml', 'a: 1\n---\n- x\n', 'config/staging.yaml: its document 2 holds a list, not a map of settings'],
    ['config/staging.json', 'json', '["a", "b"]\n', 'config/staging.json: the file holds a list, not a map of settings'],
    ['config/staging.json', 'json', '"text"\n', 'config/staging.json: the file holds a single string, not a map of settings'],
  ] as const)('%s (%s) holding %j is refused, naming what it holds', async (file, format, text, message) => {
    await expect(readText(text, file, format)).rejects.toThrow(message);
  });

  it.each([
    ['empty', ''],
    ['only comments', '# staging takes the chart defaults\n'],
    ['an empty document', '---\n'],
  ])('an %s file is an empty map, as Helm reads it', async (_, text) => {
    expect((await readText(text, 'values-staging.yaml', 'helm')).values.size).toBe(0);
  });

  it('names the encoding of a UTF-16 or UTF-32 file, and never takes UTF-8 for one', () => {
    expect(encodingProblem(utf16le('log: debug\n').toString('utf8'), 'v.yaml')).toBe(
      'v.yaml: the file is UTF-16 (little-endian) text, not UTF-8; undrift reads UTF-8: save it as UTF-8',
    );
    expect(encodingProblem(utf16be('log: debug\n').toString('utf8'), 'v.yaml')).toBe(
      'v.yaml: the file is UTF-16 (big-endian) text, not UTF-8; undrift reads UTF-8: save it as UTF-8',
    );
    expect(encodingProblem(Buffer.from('log: debug\n', 'utf16le').toString('utf8'), 'v.yaml')).toMatch(/UTF-16 \(little-endian\)/);
    const utf32 = Buffer.alloc(4 * 11);
    [...'log: debug\n'].forEach((c, i) => utf32.writeUInt32LE(c.charCodeAt(0), 4 * i));
    expect(encodingProblem(utf32.toString('utf8'), 'v.yaml')).toMatch(/UTF-32/);
    expect(encodingProblem('log: débug — ok ✓\n', 'v.yaml')).toBeUndefined();
  });
});

describe('a scan of a chart whose staging values file is no map', () => {
  const chart = async (staging: string | Buffer) => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-06-01T10:00:00Z',
          author: 'ana',
          message: 'chart values',
          write: { 'values.yaml': 'replicas: 1\nlog: info\n', 'values-staging.yaml': 'log: debug\n', 'values-production.yaml': 'log: warn\n' },
        },
      ],
    });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${repo}/values-staging.yaml`, staging);
    return repo;
  };

  it.each([
    ['a string', 'just a string\n', 'values-staging.yaml: the file holds a single string, not a map of settings'],
    ['a list', '- a\n- b\n', 'values-staging.yaml: the file holds a list, not a map of settings'],
    ['UTF-16 bytes', utf16le('log: debug\n'), 'values-staging.yaml: the file is UTF-16 (little-endian) text, not UTF-8; undrift reads UTF-8: save it as UTF-8'],
  ])('holding %s: exit 2 and one line naming the file and what it holds', async (_, staging, message) => {
    const repo = await chart(staging);
    for (const args of [
      ['scan', '--no-cache', '--no-history'],
      ['scan', '--format', 'json'],
    ]) {
      const run = await runUndrift(args, { cwd: repo });
      expect(run.exitCode).toBe(2);
      expect(run.stderr.trim()).toBe(`undrift: ${message}`);
      expect(run.stdout).toBe('');
    }
  });

  it('holding only comments: staging takes the base values, as Helm gives them', async () => {
    const repo = await chart('# staging runs on the chart defaults\n');
    const run = await runUndrift(['scan', '--no-cache', '--no-history', '--format', 'json'], { cwd: repo });
    expect(run.exitCode).toBe(1);
    const out = JSON.parse(run.stdout) as { divergences: Array<{ key: string; values: Record<string, { repo: string | null }> }> };
    expect(out.divergences.map((d) => [d.key, d.values.staging?.repo, d.values.production?.repo])).toEqual([['log', 'info', 'warn']]);
  });
});
