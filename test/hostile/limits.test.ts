import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { git, repoFromScenario } from '../support/repo.js';

// The read limits are settings (`limits:` in undrift.yaml): lowered, a file past one is refused
// with the setting named; raised, it reads; a historic version past one is skipped with a note
// and the history bridged across it, as the current-file read would refuse it. One repository,
// scanned in-process under each configuration.

const config = (staging: string, limits?: string) =>
  `environments:\n  staging: ${staging}\n  production: config/production.yaml\n${limits ? `limits:\n${limits}` : ''}`;
const blockValue = (lines: number) => `A: 1\nB: |\n${'  line\n'.repeat(lines)}`;
const deepJson = (depth: number) => `{"A": ${'['.repeat(depth)}1${']'.repeat(depth)}}`;

let repo: string;
let bigVersion: string;

beforeAll(async () => {
  repo = await repoFromScenario({
    commits: [
      {
        at: '2026-01-05T10:00:00Z',
        author: 'ana',
        message: 'initial',
        write: {
          'undrift.yaml': config('config/staging.yaml'),
          'lowered.yaml': config('config/staging.yaml', '  yamlValueLines: 20\n'),
          'tight.yaml': config('config/staging.yaml', '  yamlValueLines: 2\n'),
          'deep.yaml': config('config/deep.json'),
          'raised.yaml': config('config/deep.json', '  nesting: 400\n'),
          'bad-value.yaml': config('config/staging.yaml', '  nesting: 0\n'),
          'bad-name.yaml': config('config/staging.yaml', '  maxKeys: 5\n'),
          'config/staging.yaml': blockValue(3),
          'config/production.yaml': 'A: 2\n',
          'config/deep.json': deepJson(300),
        },
      },
      {
        at: '2026-01-06T10:00:00Z',
        author: 'ana',
        message: 'embed the whole runbook',
        write: { 'config/staging.yaml': blockValue(40).replace('A: 1', 'A: 5') },
      },
      { at: '2026-01-07T10:00:00Z', author: 'ben', message: 'runbook out again', write: { 'config/staging.yaml': blockValue(3).replace('A: 1', 'A: 3') } },
    ],
  });
  bigVersion = (await git(repo, 'rev-parse', 'HEAD~1')).trim();
});

const scan = (configFile: string, history = false) =>
  scanRepository({ repo, config: configFile, history, historyCache: false, live: false, today: '2026-02-01' });

describe('read limits as settings (issue 11)', () => {
  it('skips a historic version past a limit, names it and the setting, and bridges the history across it', async () => {
    const result = await scan('lowered.yaml', true);
    expect(result.warnings).toContain(
      `version ${bigVersion.slice(0, 7)} of config/staging.yaml skipped: its multi-line values span more than 20 lines, more than undrift reads from one file (keep large embedded files in files of their own; limits.yamlValueLines in undrift.yaml raises it); history is bridged across it`,
    );
    // Bridged: A went 1 → 3 in one step, across the skipped version that set it to 5.
    const a = result.divergences.find((d) => d.key === 'A');
    const events = a?.history?.staging ?? [];
    expect(events.map((e) => [e.from, e.to])).toEqual([
      ['1', '3'],
      [null, '1'],
    ]);
    // Within the default limits the same version is read.
    const read = await scan('undrift.yaml', true);
    expect(read.warnings.join('\n')).not.toMatch(/skipped/);
  });

  it('refuses the current file past a lowered limit with the setting named, and reads one past a default once it is raised', async () => {
    await expect(scan('tight.yaml')).rejects.toThrow(
      /^config\/staging\.yaml:3: cannot be read: its multi-line values span more than 2 lines, .*limits\.yamlValueLines in undrift\.yaml raises it\)$/,
    );
    await expect(scan('deep.yaml')).rejects.toThrow(
      /^config\/deep\.json:1: cannot be read: it nests deeper than 256 levels of maps and lists \(limits\.nesting in undrift\.yaml raises it\)$/,
    );
    const raised = await scan('raised.yaml');
    expect(raised.snapshot.envs.get('staging')!.values.size).toBe(1);
  });

  it('validates the setting with a one-line error naming it', async () => {
    await expect(scan('bad-value.yaml')).rejects.toThrow(/^bad-value\.yaml:5:\d+: limits\.nesting: expected a number above 0$/);
    await expect(scan('bad-name.yaml')).rejects.toThrow(/^bad-name\.yaml:5:\d+: limits: unknown setting "maxKeys"$/);
  });
});
