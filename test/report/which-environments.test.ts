import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { toJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { PLAIN } from '../../src/report/style.js';
import { renderTable } from '../../src/report/table.js';
import { repoWithFiles } from '../support/repo.js';

// A row about several environments says which holds what, without colour: where a key is missing
// (who has it, who lacks it), which environment breaks the contract when all hold the same value,
// and where an object exists; the JSON says it as data whichever side `envs` names.

describe('which environments a row is about', () => {
  let scan: Scan;
  beforeAll(async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  dev: config/dev.yaml',
        '  staging: config/staging.yaml',
        '  production: config/production.yaml',
        'promotion: [dev, staging, production]',
        'contract: contract.yaml',
        '',
      ].join('\n'),
      // Every environment runs debug logging, which the contract forbids in production only; the
      // pool size is declared for production alone, so dev and staging must agree, and do not.
      'contract.yaml': 'expected_differences:\n  LOG_LEVEL: {dev: any, staging: any, production: [info, warn]}\n  POOL: {production: 20}\n',
      'config/dev.yaml': 'LOG_LEVEL: debug\nFEATURE_X: "true"\nPOOL: 5\n',
      'config/staging.yaml': 'LOG_LEVEL: debug\nFEATURE_X: "true"\nPOOL: 10\n',
      'config/production.yaml': 'LOG_LEVEL: debug\nPOOL: 20\n',
    });
    scan = await scanRepository({ repo, history: false, live: false });
  });

  it('marks the environment that violates the contract in the plain table and the Markdown summary', () => {
    const table = renderTable(scan, PLAIN, 120);
    expect(table).toMatch(/✗ contract-violation +LOG_LEVEL +debug +debug +✗ debug\n/);
    expect(table).toMatch(/✗ contract-violation +POOL +✗ 5 +✗ 10 +20\n/);
    expect(table).toMatch(/∅ missing +FEATURE_X +true +true +—\n/);
    const md = renderMarkdown(scan);
    expect(md).toContain('| ✗ | `LOG_LEVEL` | contract-violation | `debug` | `debug` | ✗ `debug` |');
  });

  it('says in JSON which environments hold a missing key and which lack it, and what each violator breaks', () => {
    const json = toJson(scan);
    const row = (key: string) => json.divergences.find((d) => d.key === key)!;
    expect(row('FEATURE_X')).toMatchObject({ kind: 'missing', envs: ['production'], presentIn: ['dev', 'staging'], absentIn: ['production'] });
    expect(row('LOG_LEVEL')).toMatchObject({
      kind: 'contract-violation',
      envs: ['production'],
      violations: { production: 'holds "debug"; the contract allows one of info, warn' },
    });
    expect(row('POOL')).toMatchObject({
      envs: ['dev', 'staging'],
      violations: {
        dev: 'holds "5"; not named by the contract entry, it must agree with staging "10"',
        staging: 'holds "10"; not named by the contract entry, it must agree with dev "5"',
      },
    });
  });
});

describe('an object live in some environments only', () => {
  it('names where it exists and where not: table cells and JSON, whichever side `envs` names', async () => {
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  minAvailable: 1\n';
    const capture = (items: string) => `# kubectl get pdb -n shop -o yaml\napiVersion: v1\nkind: List\nitems:${items}\n`;
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  staging:',
        '    files: [deploy/staging.yaml]',
        '    live: {snapshot: live/staging.yaml}',
        '  production:',
        '    files: [deploy/production.yaml]',
        '    live: {snapshot: live/production.yaml}',
        'promotion: [staging, production]',
        '',
      ].join('\n'),
      'deploy/staging.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {A: "1"}\n',
      'deploy/production.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {A: "1"}\n---\n${pdb}`,
      'live/staging.yaml': capture(' []'),
      'live/production.yaml': capture(
        '\n  - apiVersion: policy/v1\n    kind: PodDisruptionBudget\n    metadata: {name: api, namespace: shop}\n    spec: {minAvailable: 1}',
      ),
    });
    const scan = await scanRepository({ repo, history: false });
    const row = toJson(scan).divergences.find((d) => d.kind === 'object-cross-env')!;
    expect(row).toMatchObject({ key: 'PodDisruptionBudget/api', presentIn: ['production'], absentIn: ['staging'] });
    // Defined in production's files and live there; neither in staging: no "defined ≠ exists live".
    expect(renderTable(scan, PLAIN, 120)).toMatch(/◇ object-cross-env +PodDisruptionBudget\/api +— +defined, live/);
  });
});
