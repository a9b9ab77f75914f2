import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { scanRepository } from '../../src/engine.js';
import { git, repoWithFiles } from '../support/repo.js';

// An environment made of several files (values beside a JSON manifest): a key new to it goes into
// the file that holds its relatives, byte for byte everywhere else (issue 12's "JSON manifests
// cannot be edited": the key was sent to the stack's first file, which cannot hold it).

const CONFIG = `environments:
  staging:
    files: [ config/staging.yaml, k8s/staging.json ]
  production:
    files: [ config/production.yaml, k8s/production.json ]
contract: config/contract.yaml
promotion: [ staging, production ]
`;
const manifest = (data: string) => `{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "json-config"},\n  "data": {\n${data}\n  }\n}\n`;
const CONTRACT = `expected_differences:
  DB_POOL_MAX:
    staging: 10
    production: 40
    reason: load test, PAY-311   # until the test ends
`;

describe('a key new to an environment of several files', () => {
  it('goes next to its relatives: a JSON manifest field into the manifest, a nested key into its map; nothing else changes', async () => {
    const production = 'LOG_LEVEL: warn\nDB_POOL_MAX: 40\ndb:\n  host: "pg.prod"   # primary\n  cache: {ttl: 60}\n';
    const repo = await repoWithFiles({
      'undrift.yaml': CONFIG,
      'config/contract.yaml': CONTRACT,
      'config/staging.yaml': 'LOG_LEVEL: warn\nDB_POOL_MAX: 10\ndb:\n  host: "pg.stg"   # primary\n  cache: {ttl: 60, size: 100}\n',
      'config/production.yaml': production,
      'k8s/staging.json': manifest('    "A": "1",\n    "B": "2"'),
      'k8s/production.json': manifest('    "A": "1"'),
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    const outcome = await applyDecisions(
      scan,
      [
        { key: 'ConfigMap/json-config.data.B', env: 'production', action: 'backfill', value: '2' },
        { key: 'db.cache.size', env: 'production', action: 'backfill', value: '100' },
        { key: 'db.host', action: 'declare', reason: 'one database per environment' },
      ],
      { today: '2026-12-01', env: process.env },
    );
    const branch = outcome.commit!.branch;
    expect(await git(repo, 'diff', '--name-only', 'HEAD', branch)).toBe('config/contract.yaml\nconfig/production.yaml\nk8s/production.json');
    expect(`${await git(repo, 'show', `${branch}:k8s/production.json`)}\n`).toBe(manifest('    "A": "1",\n    "B": "2"'));
    expect(`${await git(repo, 'show', `${branch}:config/production.yaml`)}\n`).toBe(production.replace('{ttl: 60}', '{ttl: 60, size: 100}'));
    expect(`${await git(repo, 'show', `${branch}:config/contract.yaml`)}\n`).toBe(
      `${CONTRACT}  db.host:\n    staging: pg.stg\n    production: pg.prod\n    reason: one database per environment\n`,
    );
  });
});

describe('Terraform variables files', () => {
  it('a backfill edits the value where it is written and a missing variable is added; the re-scan agrees and nothing else moves', async () => {
    const production = '# production sizing\nnode_count    = 6   # OPS-88\ninstance_type = "m6i.large"\ntags = {\n  team = "pay"\n}\n';
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [env/staging.tfvars]}\n  production: {files: [env/production.tfvars]}\npromotion: [staging, production]\n',
      'env/staging.tfvars': '# staging sizing\nnode_count    = 6\ninstance_type = "m6i.xlarge"\ntags = {\n  team = "payments"\n}\nspot = true\n',
      'env/production.tfvars': production,
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    const outcome = await applyDecisions(
      scan,
      [
        { key: 'instance_type', env: 'production', action: 'backfill', value: 'm6i.xlarge' },
        { key: 'tags.team', env: 'production', action: 'backfill', value: 'payments' },
        { key: 'spot', env: 'production', action: 'backfill', value: 'true' },
      ],
      { today: '2026-12-01', env: process.env },
    );
    const branch = outcome.commit!.branch;
    expect(`${await git(repo, 'show', `${branch}:env/production.tfvars`)}\n`).toBe(
      production.replace('"m6i.large"', '"m6i.xlarge"').replace('team = "pay"', 'team = "payments"') + 'spot = true\n',
    );
    await git(repo, 'checkout', '-q', branch);
    const after = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    expect(after.divergences.map((d) => d.key)).toEqual([]);
  });
});
