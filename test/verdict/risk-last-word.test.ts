// A key's last meaningful word says what its value is; the first class word often only says whose it is.
import { describe, expect, it } from 'vitest';
import { riskOf } from '../../src/verdict/risk.js';

describe('the last word names the value', () => {
  it.each([
    ['database.statementTimeoutMs', ['30000', '5000']],
    ['redis.connectTimeout', ['5s', '1s']],
    ['DB_POOL_TIMEOUT', ['30', '10']],
    ['queue.visibilityTimeout', ['30', '60']],
    ['database.retries', ['3', '5']],
    ['cluster.healthCheckInterval', ['10s', '30s']],
    ['SEARCH_HOST_DELAY_MS', ['100', '200']],
  ])('%s is a duration or a count, not an address or a size', (key, values) => {
    expect(riskOf(key, [...values])).toBe('none');
  });

  it.each([
    ['db.replicaHost', 'endpoint'],
    ['REPLICA_URL', 'endpoint'],
    ['workers.queue', 'endpoint'],
    ['shard.endpoint', 'endpoint'],
  ])('%s is an address', (key, risk) => {
    expect(riskOf(key)).toBe(risk);
  });

  it.each([
    ['DATABASE_URL', 'endpoint'],
    ['db.poolSize', 'resources'],
    ['db.maxConnections', 'resources'],
    ['workers.replicaCount', 'resources'],
    ['HOST_REPLICAS', 'resources'],
    ['cluster.nodeCount', 'resources'],
    ['region', 'endpoint'],
    ['auth.sessionTimeout', 'security'],
    ['api.throttle.burstTimeout', 'rate-limit'],
  ])('%s keeps its class', (key, risk) => {
    expect(riskOf(key)).toBe(risk);
  });
});
