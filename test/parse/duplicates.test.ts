import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { readHistory } from '../../src/history/walk.js';
import { readText } from '../../src/parse/read.js';
import { repoFromScenario } from '../support/repo.js';

// Helm, Ruby's Psych, yaml.v2 and SnakeYAML accept a mapping that sets a key twice: the later
// wins. So do the scan and the history, with a warning naming the file and both lines.

describe('repeated mapping keys', () => {
  it('are read last-wins, located at the later line, with a warning naming both lines', async () => {
    const text = 'image:\n  tag: "1.0"\nreplicas: 2\nimage:\n  tag: "1.1"\n  pullPolicy: Always\nreplicas: 3\n';
    const read = await readText(text, 'values-prod.yaml', 'helm');
    expect(read.values.get('replicas')).toMatchObject({ text: '3', location: { line: 7 } });
    expect(read.values.get('image.tag')).toMatchObject({ text: '1.1', location: { line: 5 } });
    expect(read.values.get('image.pullPolicy')!.text).toBe('Always');
    expect(read.warnings).toEqual([
      'values-prod.yaml:4: "image" is set twice in one mapping (lines 1 and 4); the later wins, as Helm and other YAML readers take it',
      'values-prod.yaml:7: "replicas" is set twice in one mapping (lines 3 and 7); the later wins, as Helm and other YAML readers take it',
    ]);
    const nested = await readText('app:\n  a: 1\n  a: 2\n', 'config/staging.yaml', 'yaml');
    expect(nested.values.get('app.a')).toMatchObject({ text: '2', location: { line: 3 } });
    expect(nested.warnings).toEqual([
      'config/staging.yaml:3: "a" is set twice in one mapping (lines 2 and 3); the later wins, as Helm and other YAML readers take it',
    ]);
    const json = await readText('{"a": 1, "a": 2}\n', 'config/qa.json', 'json');
    expect(json.values.get('a')!.text).toBe('2');
    expect(json.warnings).toHaveLength(1);
  });

  it('do not stop the scan, and history neither bridges them nor blames a commit that changed nothing', async () => {
    const prod = 'values-prod.yaml';
    const staging = 'values-staging.yaml';
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: { [prod]: 'a: 1\nb: x\nc: 1\n', [staging]: 'a: 1\nb: x\nc: 1\n' } },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'paste a block twice', write: { [prod]: 'a: 1\nb: x\nc: 1\na: 1\nb: x\n' } },
        { at: '2026-01-03T10:00:00Z', author: 'ana', message: 'raise the later a', write: { [prod]: 'a: 1\nb: x\nc: 1\na: 2\nb: x\n' } },
        { at: '2026-01-04T10:00:00Z', author: 'ana', message: 'c to 2', write: { [prod]: 'a: 1\nb: x\nc: 2\na: 2\nb: x\n' } },
        { at: '2026-01-05T10:00:00Z', author: 'ben', message: 'drop the pasted block', write: { [prod]: 'a: 1\nb: x\nc: 2\n' } },
      ],
    });
    const envs = [
      { name: 'staging', files: [staging], format: 'auto' as const },
      { name: 'prod', files: [prod], format: 'auto' as const },
    ];
    const h = await readHistory(repo, envs, { cache: false });
    expect(h.broken).toEqual([]);
    const brief = (key: string) =>
      h.envs
        .get('prod')!
        .get(key)!
        .map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}${e.acrossBroken ? ' [bridged]' : ''}`);
    expect(brief('a')).toEqual(['drop the pasted block: 2→1', 'raise the later a: 1→2', 'create: ∅→1']);
    expect(brief('b')).toEqual(['create: ∅→x']);
    expect(brief('c')).toEqual(['c to 2: 1→2', 'create: ∅→1']);

    const scan = await scanRepository({ repo, config: undefined, live: false, historyCache: false, today: '2026-02-01' }).catch((e: unknown) => e);
    // no undrift.yaml: discovered values-<env>.yaml
    expect(scan).not.toBeInstanceOf(Error);
  });

  it('in a current file make no exit 2', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: { 'values-prod.yaml': 'a: 1\na: 2\n', 'values-staging.yaml': 'a: 2\n' } },
      ],
    });
    const scan = await scanRepository({ repo, live: false, historyCache: false, today: '2026-02-01' });
    expect(scan.divergences).toEqual([]);
    expect(scan.warnings.join('\n')).toContain('values-prod.yaml:2: "a" is set twice in one mapping (lines 1 and 2)');
  });

  it('in a directory of manifests are warned of as in one file', async () => {
    // deploy/<env>/ is read as a directory of manifests: its repeated keys were read last-wins
    // with no warning, so the earlier line's value vanished unsaid.
    const manifest = (data: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n${data}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  type: ClusterIP\n`;
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            'deploy/staging/app.yaml': manifest('  REGION: eu-west-1\n'),
            'deploy/prod/app.yaml': manifest('  REGION: eu-west-1\n  REGION: eu-central-1\n'),
          },
        },
      ],
    });
    const scan = await scanRepository({ repo, live: false, historyCache: false, today: '2026-02-01' });
    expect(scan.config.source).toContain('deploy/<env>/');
    expect(scan.divergences.map((d) => [d.key, d.values.prod?.repo, d.values.prod?.at])).toEqual([
      ['ConfigMap/app-config.data.REGION', 'eu-central-1', { file: 'deploy/prod/app.yaml', line: 7, column: 11 }],
    ]);
    expect(scan.warnings).toContain(
      'deploy/prod/app.yaml:7: "REGION" is set twice in one mapping (lines 6 and 7); the later wins, as Helm and other YAML readers take it',
    );
  });
});
