// Helm merges each values file over the ones before it, and a key set to null there is taken out of what
// the chart sees: `db: {pool: null}` removes db.pool, `db: null` all of db (a newcomer's tryout in session
// 20 met `≠ cross-env db.pool 10 null`, a value production never has). A plain YAML stack keeps null as a value.
import { describe, expect, it } from 'vitest';
import { divergenceRows } from '../support/repo.js';

const STACK =
  'environments:\n  staging: [values.yaml, values-staging.yaml]\n  production: [values.yaml, values-production.yaml]\npromotion: [staging, production]\n';

const rows = divergenceRows;

describe('a null in a Helm values file', () => {
  it('takes the key out of the environment', async () => {
    expect(
      await rows({
        'undrift.yaml': STACK,
        'values.yaml': 'db:\n  pool: 10\n  host: db\n',
        'values-staging.yaml': 'replicas: 2\n',
        'values-production.yaml': 'replicas: 2\ndb:\n  pool: null\n',
      }),
    ).toEqual(['missing db.pool staging=10 production=—']);
  });

  it('takes a whole map out', async () => {
    expect(
      await rows({
        'undrift.yaml': STACK,
        'values.yaml': 'db:\n  pool: 10\n  hosts: [a, b]\n',
        'values-staging.yaml': 'replicas: 2\n',
        'values-production.yaml': 'replicas: 2\ndb: null\n',
      }),
    ).toEqual(['missing db.hosts staging=["a","b"] production=—', 'missing db.pool staging=10 production=—']);
  });
});

describe('a null in a plain YAML stack', () => {
  it('is a value', async () => {
    expect(
      await rows({
        'undrift.yaml': 'environments:\n  staging: [config/base.yaml, config/staging.yaml]\n  production: [config/base.yaml, config/production.yaml]\n',
        'config/base.yaml': 'db:\n  pool: 10\n',
        'config/staging.yaml': 'replicas: 2\n',
        'config/production.yaml': 'replicas: 2\ndb:\n  pool: null\n',
      }),
    ).toEqual(['cross-env db.pool staging=10 production=null']);
  });
});
