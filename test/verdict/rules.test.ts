// Each verdict rule on phrasings it was not written from: the rules must read the way people
// write, not one story's wording.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';
import { readIntent, reportsDone, type CommitText } from '../../src/verdict/intent.js';
import { isRisky, looksLoosened, looksProtective, riskOf } from '../../src/verdict/risk.js';
import { compareVersions, parseVersion } from '../../src/parse/version-numbers.js';
import { ticketsIn } from '../../src/verdict/log.js';

const ENVS = ['dev', 'staging', 'production'];
const commit = (subject: string, body = '', extra: Partial<CommitText> = {}): CommitText => ({
  subject,
  body,
  author: 'Ana Lima',
  email: 'ana@example.test',
  date: '2026-03-10T10:00:00Z',
  ...extra,
});
const intentOf = (subject: string, body = '', env = 'staging', extra: Partial<CommitText> = {}) => readIntent(commit(subject, body, extra), env, ENVS);

describe('intent: scope', () => {
  it.each([
    'bump soak test concurrency for the weekend soak test',
    'Disable throttling during the stress-test',
    'lower cache TTL so QA can verify expiry',
    'mock payment provider for end-to-end tests',
    'set seed data, needed to reproduce BUG-88',
    'testers need a shorter OTP expiry to check the resend flow',
    'workaround for the flaky integration suite',
  ])('a test or one-off: %s', (subject) => {
    expect(intentOf(subject).scope?.kind).toBe('test');
  });

  it.each([
    ['verbose sql logs, staging only', 'staging'],
    ['Only in dev: point at the local mailhog', 'dev'],
    ['use the sandbox key for dev only', 'dev'],
    ['raise limits (not for prod!)', 'staging'],
    ['Enable new importer here. Do NOT promote this to production yet', 'staging'],
    ['keep this out of prod, it is only for the beta cohort', 'staging'],
  ])('one environment only: %s', (subject, env) => {
    expect(intentOf(subject, '', env).scope?.kind).toBe('env-only');
  });

  it.each(['Raise payment timeout to 10s', 'Bump worker count to 12 for the new queue volume', 'Switch to the regional endpoint'])(
    'no scope in a plain change: %s',
    (subject) => {
      expect(intentOf(subject).scope).toBeUndefined();
    },
  );
});

describe('intent: time limits', () => {
  it.each([
    ['Temporarily allow the old TLS ciphers', undefined],
    ['open the admin port for the cutover, close it again after the cutover', undefined],
    ['drop the pool to 5 for now', undefined],
    ['extend session length until 2026-04-30', '2026-04-30'],
    ['grant write access to the ETL role, revoke by end of April', '2026-04-30'],
    ['disable captcha until April 12th (partner demo)', '2026-04-12'],
    ['pause the cron through Q2', '2026-06-30'],
    ['higher limits till 3 May', '2026-05-03'],
    ['this gets reverted once the backfill job is done', undefined],
    ['tear it down after the offsite', undefined],
  ])('%s', (subject, until) => {
    const intent = intentOf(subject);
    expect(intent.temporary, subject).toBeDefined();
    expect(intent.temporary?.until).toBe(until);
  });

  it('a date without a year is the next one after the commit', () => {
    expect(readDeadline('until January 15', '2026-11-20T10:00:00Z').date).toBe('2027-01-15');
    expect(readDeadline('until January 15', '2026-01-02T10:00:00Z').date).toBe('2026-01-15');
  });

  it('an event when no date is given', () => {
    expect(readDeadline('keep it on until the data migration is done', '2026-01-02T10:00:00Z').event).toBe('data migration');
  });

  it.each(['Raise the timeout', 'Set retries to 5 to match the client'])('no time limit: %s', (subject) => {
    expect(intentOf(subject).temporary).toBeUndefined();
  });
});

describe('intent: rollouts, incidents, typos, reverts', () => {
  it.each([
    ['canary the new ranking at 10%', []],
    ['turn on bulk export in staging first; production once finance signs off', ['production']],
    ['new tax engine on in staging, prod to follow next sprint', ['production']],
    ['Phase 1 of the gradual enablement', []],
  ])('a rollout: %s', (subject, next) => {
    const intent = intentOf(subject);
    expect(intent.rollout).toBeDefined();
    expect(intent.rollout?.next).toEqual(next);
  });

  it('a message that only names production is not a rollout', () => {
    expect(intentOf('Raise gateway timeout in production (INC-7)').rollout).toBeUndefined();
  });

  it.each(['SEV2: raise pool size', 'mitigate the checkout outage', 'hot-fix for the login loop', 'PD-4410 raise memory'])('an incident: %s', (subject) => {
    expect(intentOf(subject).incident).toBeDefined();
  });

  it.each([
    'fix wrong unit: the timeout is in ms',
    'correct the misspelled hostname',
    'value was a mistake, should have been 30 not 300',
    'fat-fingered the port',
  ])('a typo fix: %s', (subject) => {
    expect(intentOf(subject).typo).toBeDefined();
  });

  it.each(['Revert "Raise pool size"', 'roll back the cache change, it made things worse', 'set it back to 8', 'wrap up the load test'])(
    'a revert: %s',
    (subject) => {
      expect(intentOf(subject).revert).toBeDefined();
    },
  );

  it.each(['apply the new limits to all environments', 'same timeout everywhere', 'align the retry policy across envs'])(
    'meant for every environment: %s',
    (subject) => {
      expect(intentOf(subject).everywhere).toBeDefined();
    },
  );
});

describe('intent: evidence quality', () => {
  it.each(['Update values-staging.yaml', 'wip', 'changes', 'chore: update config', 'Edit staging.env'])('a bare message: %s', (subject) => {
    expect(intentOf(subject).bare).toBe(true);
  });

  it.each(['Raise pool to 30: connection waits at peak', 'Update the pool size for the new traffic'])('not bare: %s', (subject) => {
    expect(intentOf(subject).bare).toBe(false);
  });

  it.each([
    ['renovate[bot]', 'bot@renovateapp.com'],
    ['github-actions', '41898282+github-actions[bot]@users.noreply.github.com'],
    ['Config Sync Bot', 'config-sync@example.test'],
  ])('a bot author: %s', (author, email) => {
    expect(intentOf('set flag', '', 'staging', { author, email }).bot).toBe(true);
  });
});

describe('risk by kind of key', () => {
  it.each([
    ['REQUIRE_2FA', 'security'],
    ['oauth.clientCallbackUrl', 'security'],
    ['STRIPE_SECRET_KEY', 'secret'],
    ['db.password', 'secret'],
    ['rbac.roleRef', 'permissions'],
    ['ADMIN_EMAILS', 'permissions'],
    ['logging.level', 'debug'],
    ['ENABLE_PPROF', 'debug'],
    ['api.throttle.perMinute', 'rate-limit'],
    ['OPSGENIE_API_URL', 'alerting'],
    ['ENABLE_NEW_CART', 'feature-flag'],
    ['workers.replicaCount', 'resources'],
    ['resources.limits.memory', 'resources'],
    ['image.tag', 'version'],
    ['SEARCH_HOST', 'endpoint'],
    ['GREETING_TEXT', 'none'],
  ])('%s is %s', (key, risk) => {
    expect(riskOf(key)).toBe(risk);
  });

  it('reads values too: a fingerprinted secret, a version, a boolean', () => {
    expect(riskOf('X', ['secret:1f0c9a2b44de (14 bytes)'])).toBe('secret');
    expect(riskOf('PG_CLIENT', ['15.3', '15.1'])).toBe('version');
    expect(riskOf('CHECKOUT_V', ['true', 'false'])).toBe('feature-flag');
  });

  it('knows which values weaken a setting', () => {
    expect(looksLoosened('DISABLE_CSRF', 'true')).toBe(true);
    expect(looksLoosened('VERIFY_TLS', 'false')).toBe(true);
    // A limit switched off (0, -1 or a word by convention means no limit), not a limit at its value.
    expect(looksLoosened('API_RATE_LIMIT', '0')).toBe(true);
    expect(looksLoosened('uploadQuotaMb', 'unlimited')).toBe(true);
    expect(looksLoosened('MAX_REQUEST_BYTES', '-1')).toBe(true);
    expect(looksLoosened('ingress.throttleRps', 'off')).toBe(true);
    expect(looksLoosened('API_RATE_LIMIT', '50')).toBe(false);
    // A protection's on/off flag set off, however the key spells it; on, or another flag, is not.
    expect(looksLoosened('RATE_LIMIT_ENABLED', 'false')).toBe(true);
    expect(looksLoosened('gateway.rateLimiting.enabled', 'off')).toBe(true);
    expect(looksLoosened('wafEnabled', 'false')).toBe(true);
    expect(looksLoosened('uploads.virusScan.enabled', 'no')).toBe(true);
    expect(looksLoosened('ENABLE_LOGIN_LOCKOUT', '0')).toBe(true);
    expect(looksLoosened('RATE_LIMIT_ENABLED', 'true')).toBe(false);
    expect(looksLoosened('RECOMMENDATIONS_ENABLED', 'false')).toBe(false);
    expect(looksLoosened('THROTTLE_WINDOW_SECONDS', '60')).toBe(false);
    expect(looksLoosened('MAX_RETRIES', '0')).toBe(false);
    expect(looksLoosened('REPLICA_COUNT', '0')).toBe(false);
    expect(looksLoosened('logLevel', 'trace')).toBe(true);
    expect(looksLoosened('logLevel', 'warn')).toBe(false);
    expect(looksLoosened('serviceAccount.role', 'cluster-admin')).toBe(true);
    expect(isRisky('endpoint')).toBe(false);
  });
});

describe('versions', () => {
  it('reads semver, Postgres-style, image tags, dates and migration ids', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBe(1);
    expect(compareVersions('v2.0.0-rc.1', '2.0.0')).toBe(-1);
    expect(compareVersions('16.1', '15.4')).toBe(1);
    expect(compareVersions('registry/app:1.8.2', 'registry/app:1.8.10')).toBe(-1);
    expect(compareVersions('2026-03-01', '2026-02-28')).toBe(1);
    expect(compareVersions('20260301120000_add_index', '20260215090000_init')).toBe(1);
    expect(compareVersions('20261104', '20260930_1200')).toBe(1);
    // Quantities are not migration ids, however many digits they have (holdout-10/10: 30000000 -> 104857600 bytes).
    for (const quantity of ['30000000', '104857600', '52428800', '1073741824', '99999999999']) expect(parseVersion(quantity)).toBeUndefined();
    expect(compareVersions('104857600', '30000000')).toBeUndefined();
    expect(parseVersion('hello')).toBeUndefined();
    expect(compareVersions('blue', '1.0')).toBeUndefined();
  });
  // holdout-11/02 (spent): 3.9.1 -> 3.9.1-tz2026c, an image rebuilt on a new base, was called a downgrade.
  it('a suffix that is no pre-release word is a rebuild or a variant of the same version, not older', () => {
    expect(compareVersions('registry/app:3.9.1', 'registry/app:3.9.1-tz2026c')).not.toBe(1);
    expect(compareVersions('nginx:1.25.3-alpine', 'nginx:1.25.3')).not.toBe(-1);
    expect(compareVersions('app:5.2.0-r2', 'app:5.2.0')).not.toBe(-1);
    expect(compareVersions('app:2.4.0-patched', 'app:2.4.0')).not.toBe(-1);
    expect(compareVersions('app:5.2.0-r2', 'app:5.2.0-r1')).toBe(1);
    // Pre-release words still come before the release.
    for (const pre of ['1.0.0-rc.1', '1.0.0-beta2', '1.0.0-alpha', '1.0.0-SNAPSHOT', '1.0.0-preview.3', '1.0.0-dev.20260101'])
      expect(compareVersions(pre, '1.0.0')).toBe(-1);
  });
});

describe('tickets', () => {
  it('finds ticket ids, not encodings or versions', () => {
    expect(ticketsIn('QA-1204: skip captcha (see also OPS-7, UTF-8, ISO-8601)')).toEqual(['QA-1204', 'OPS-7']);
    // Year-numbered ids are whole: PT-2026-07 and PT-2026-08 are two findings, not one PT-2026.
    expect(ticketsIn('fixes PT-2026-07 and AUD-2025-003; PT-2026-08 next; INC-2041 on 2026-11-03')).toEqual([
      'PT-2026-07',
      'AUD-2025-003',
      'PT-2026-08',
      'INC-2041',
    ]);
  });

  it("reads a project's RFC-n as an id, not the IETF's cited RFCs", () => {
    expect(ticketsIn('feat(ingest): bigger payloads, see RFC-19')).toEqual(['RFC-19']);
    expect(ticketsIn('RFC-042 accepted; follows RFC-7 (draft)')).toEqual(['RFC-042', 'RFC-7']);
    expect(ticketsIn('timestamps as RFC-3339, caching per RFC 7234 and RFC7231; OPS-9')).toEqual(['OPS-9']);
  });
});

describe('intent: a temporary phase ended', () => {
  it.each([
    'freeze lifted, back to normal deploy limits',
    'the Black Friday campaign is over',
    'end of the data migration: drop the shadow reads',
    'no longer needed after the provider switch',
    'post-cutover cleanup',
  ])('%s', (subject) => {
    expect(intentOf(subject).ended).toBeDefined();
  });
  it.each(['Raise the pool for the campaign', 'start the migration'])('not ended: %s', (subject) => {
    expect(intentOf(subject).ended).toBeUndefined();
  });
});

describe('values that protect', () => {
  it.each([
    ['PAYMENTS_CIRCUIT_BREAKER_OPEN', 'true'],
    ['search.maintenanceMode', 'on'],
    ['DISABLE_EXPORTS', 'true'],
    ['ENABLE_RECOMMENDATIONS', 'false'],
  ])('%s = %s', (key, value) => {
    expect(looksProtective(key, value)).toBe(true);
  });
  it('not a protective value', () => {
    expect(looksProtective('ENABLE_RECOMMENDATIONS', 'true')).toBe(false);
    expect(looksProtective('LOG_LEVEL', 'debug')).toBe(false);
  });
});

// Written before the rules they pin (session 4), on phrasings of our own: none comes from a story.
describe('intent: a condition for later is not news that something ended', () => {
  it.each([
    'enable dual writes; turn them off once the migration is finished',
    'raise the quota until the import is complete',
    'after the cutover is done we drop this again',
    'bigger heap, we shrink it when the reindex is over',
    'open the port; close it as soon as the maintenance window is closed',
  ])('%s', (subject) => {
    const intent = intentOf(subject);
    expect(intent.ended).toBeUndefined();
  });

  it.each(['migration done, turning off dual writes', 'the load test is over: back to normal limits', 'after the freeze ended, unpin the chart'])(
    'still news: %s',
    (subject) => {
      expect(intentOf(subject).ended).toBeDefined();
    },
  );
});

describe('intent: more ways to say "temporary"', () => {
  it.each([
    ['scratch setting, will yank it next week', undefined],
    ['throw-away config for the hackathon', undefined],
    ['short-lived: we take it out on 30 March', '2026-03-30'],
    ['give the auditors read access, pulling it on the 28th of April', '2026-04-28'],
    ['disposable bucket policy for the migration dry run', undefined],
    ["I'll drop it again after the vendor fixes their side", undefined],
  ])('%s', (subject, until) => {
    const intent = intentOf(subject);
    expect(intent.temporary, subject).toBeDefined();
    expect(intent.temporary?.until).toBe(until);
  });
});

describe('risk: ciphers are security, a profile is not a profiler', () => {
  it.each([
    ['ssl.cipherSuites', 'security'],
    ['TLS_CIPHERS', 'security'],
    ['nginx.cipher_profile', 'security'],
    ['PROFILER_ENABLED', 'debug'],
    ['jvm.profiling', 'debug'],
  ])('%s is %s', (key, risk) => {
    expect(riskOf(key)).toBe(risk);
  });

  it.each(['user_profile_cache_ttl', 'spring.profiles.active', 'avatarProfileUrl'])('%s is not debug', (key) => {
    expect(riskOf(key)).not.toBe('debug');
  });
});

describe('intent: a test named with more than one word before it', () => {
  it.each(['raise limits for the Q3 capacity test', 'more memory for the INFRA-12 failover drill run', 'bigger pool during the black-friday load test'])(
    '%s',
    (subject) => {
      expect(intentOf(subject).scope?.kind).toBe('test');
    },
  );
});

describe('a note that reports work done', () => {
  it.each(['DATA-9 migration finished', 'OPS-3: reindex complete, numbers in the doc', 'the soak is over, report filed', 'INC-4 resolved'])('%s', (text) => {
    expect(reportsDone(text)).toBeDefined();
  });
  it.each([
    'OPS-3: reindex will be done when the import finishes',
    'kick off the DATA-9 backfill; revert once it is complete',
    'OPS-3 needs to be finished first',
  ])('not done yet: %s', (text) => {
    expect(reportsDone(text)).toBeUndefined();
  });
});

describe('intent: more phrasings of a time limit and a test (session 4, our own)', () => {
  it.each([
    ['disable rate limiting while the import runs', undefined],
    ['mute the disk alerts over the weekend', undefined],
    ['raise limits ahead of the launch, dial it back next month', undefined],
    ['pause the consumer during the reindex', undefined],
    ['extra replicas until Friday', '2026-03-13'],
    ['keep verbose logs on till next Tuesday', '2026-03-17'],
  ])('temporary: %s', (subject, until) => {
    const intent = intentOf(subject);
    expect(intent.temporary, subject).toBeDefined();
    expect(intent.temporary?.until).toBe(until);
  });

  it.each(['lower the fraud threshold so the e2e suite passes', 'seed fake merchants for the sales demo'])('test: %s', (subject) => {
    expect(intentOf(subject).scope?.kind).toBe('test');
  });
});

describe('intent: each text is read once, and every input of the reading is in its key', () => {
  it('the same text gives the same frozen reading; a caller cannot write into it', () => {
    const a = intentOf('temporary: raise the pool until 2026-03-20', '', 'staging');
    expect(intentOf('temporary: raise the pool until 2026-03-20', '', 'staging')).toBe(a);
    expect(a.temporary?.until).toBe('2026-03-20');
    expect(Object.isFrozen(a) && Object.isFrozen(a.temporary) && Object.isFrozen(a.names)).toBe(true);
    expect(() => {
      (a.temporary as { until?: string }).until = '2030-01-01';
    }).toThrow(TypeError);
  });

  it('another environment, date, author, subject/body split or set of environments is another reading', () => {
    const base = intentOf('prod keeps 30 until Monday', '', 'staging');
    expect(intentOf('prod keeps 30 until Monday', '', 'production')).not.toBe(base);
    expect(intentOf('prod keeps 30 until Monday', '', 'staging', { date: '2026-04-10T10:00:00Z' })).not.toBe(base);
    expect(intentOf('set flag', '', 'staging', { author: 'renovate[bot]', email: 'bot@renovateapp.com' }).bot).toBe(true);
    expect(intentOf('set flag', '', 'staging').bot).toBe(false);
    expect(intentOf('a', 'b c').names).toEqual(intentOf('a b', 'c').names);
    expect(intentOf('a', 'b c')).not.toBe(intentOf('a b', 'c'));
    expect(readIntent(commit('only for staging'), 'staging', ['staging', 'prod'])).not.toBe(readIntent(commit('only for staging'), 'staging', ENVS));
  });
});
