// A key's last word says what its value is (src/verdict/risk.ts MEASURE_LAST): a duration, a count or a
// limit tunes how a system is used, and the system named before it is whose setting it is — not an
// address. `database.url` points at a database; `database.statementTimeoutMs` does not.
import { describe, expect, it } from 'vitest';
import { riskOf } from '../../src/verdict/risk.js';

describe('an address is a key whose last word names one', () => {
  it.each([
    'database.url',
    'db.host',
    'redis.endpoint',
    'DATABASE_HOST',
    'kafka.topic',
    'queue.name',
    's3.bucket',
    'server.port',
    'database.name',
    'smtp.server',
  ])('%s is an endpoint', (key) => {
    expect(riskOf(key, ['x'])).toBe('endpoint');
  });
});

describe('a duration, a count or a limit under a system is no address', () => {
  it.each([
    'database.statementTimeoutMs',
    'redis.connectTimeout',
    'queue.visibilityTimeoutSeconds',
    'server.maxRetries',
    'kafka.topic.retentionMs',
    'DATABASE_CONNECT_TIMEOUT',
    'cluster.healthCheckInterval',
    'queue.maxLength',
    'dns.cacheTtl',
    'upstream_server_retry_attempts',
  ])('%s is not an endpoint', (key) => {
    expect(riskOf(key, ['30'])).not.toBe('endpoint');
  });

  it('a pool size under a database stays a resource', () => {
    expect(riskOf('db.pool.maxSize', ['20'])).toBe('resources');
  });
});
