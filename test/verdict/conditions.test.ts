// Session 6's rules, each on phrasings of our own (none from a verdict story), in memory (no git:
// the story sets build the repositories): a later word on the lagging environment's own file, a
// stated condition met by a later commit, a gate passed, a lower environment meant to catch up, a
// temporary phase that ended.
import { describe, expect, it } from 'vitest';
import { conditionWords } from '../../src/verdict/conditions.js';
import { keepsValue, keyWords } from '../../src/verdict/held.js';
import { readIntent, reportsDone } from '../../src/verdict/intent.js';
import { riskOf } from '../../src/verdict/risk.js';
import { readDocuments, readMessages } from '../../src/git/messages.js';
import { notesByLine, withNotes } from '../../src/parse/notes-beside.js';
import { repoFromScenario } from '../support/repo.js';
import { file, judge, TWO as ENVS, type Step } from './memory-story.js';

const create = (key: string, value: string): Step => ({
  subject: 'initial config',
  date: '2026-01-05T10:00:00Z',
  set: { staging: ['', value], production: ['', value] },
  touched: ['undrift.yaml'],
});

describe('a later word on the lagging environment’s own file', () => {
  const KEY = 'consumer.prefetchCount';
  const raised: Step = {
    subject: 'consumer: prefetch 10 -> 50, throughput doubles on the soak box',
    date: '2026-03-02T09:00:00Z',
    set: { staging: ['10', '50'] },
  };

  it('says it keeps its value: the difference is meant (declare), nothing is copied into it', () => {
    const steps = [
      create(KEY, '10'),
      raised,
      { subject: 'Prefetch bleibt in Prod bei 10', body: 'Der Broker dort hat halb so viel RAM.', date: '2026-03-09T09:00:00Z', touched: [file('production')] },
    ];
    const v = judge(KEY, steps, '2026-04-01');
    expect(v).toMatchObject({ suggested: 'declare' });
    expect((v.evidence ?? []).map((e) => e.text).join('\n')).toMatch(/touched production's file after the change/);
  });

  it('against a change that said every environment must take it: two people disagree, a person settles it', () => {
    const steps = [
      create(KEY, '10'),
      { ...raised, body: 'Needed on all environments, the new batching depends on it.' },
      {
        subject: 'note why prod pins the prefetch',
        body: "Please don't raise prefetchCount on this cluster: consumers time out on the slow disks.",
        date: '2026-03-09T09:00:00Z',
        touched: [file('production')],
      },
    ];
    const v = judge(KEY, steps, '2026-04-01');
    expect(v).toMatchObject({ suggested: 'declare', deliberate: null });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/which holds/);
  });

  it.each([
    ['about another key', 'leave the log level alone in prod, it is noisy enough', [file('production')]],
    ['in another environment’s file', 'prefetch stays at 10 here', ['deploy/dev.yaml']],
    ['before the change, not after', 'prefetch stays at 10', [file('production')]],
    ['no longer holding it', 'prefetch no longer needs to stay at 10 in prod', [file('production')]],
  ])('is not read when it is %s', (what, subject, touched) => {
    const note: Step = { subject, date: what.startsWith('before') ? '2026-02-01T09:00:00Z' : '2026-03-09T09:00:00Z', touched };
    const steps = what.startsWith('before')
      ? [create(KEY, '10'), note, raised]
      : [create(KEY, '10'), { ...raised, body: 'Every environment gets this.' }, note];
    const v = judge(KEY, steps, '2026-04-01');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });

  it('a comment beside the key in its file says the same, in the file as it is now', () => {
    const steps = [create(KEY, '10'), raised];
    expect(judge(KEY, steps, '2026-04-01').suggested).toBe('backfill');
    const v = judge(KEY, steps, '2026-04-01', { production: 'kept at 10 on purpose: the prod broker has 4 GB (OPS-12)' });
    expect(v).toMatchObject({ suggested: 'declare' });
    expect((v.evidence ?? []).map((e) => e.text).join('\n')).toMatch(/the comment beside consumer.prefetchCount in production's file/);
    // A comment that says why without keeping the value apart changes nothing.
    expect(judge(KEY, steps, '2026-04-01', { production: 'raised from 5 during INC-4' }).suggested).toBe('backfill');
  });

  it('a hold with a limit of its own lasts until that limit', () => {
    const steps = [create(KEY, '10'), raised];
    const note = { production: 'do not raise until 2026-03-20, the broker move needs the headroom' };
    expect(judge(KEY, steps, '2026-03-10', note).suggested).toBe('declare');
    expect(judge(KEY, steps, '2026-04-01', note).suggested).toBe('backfill');
  });

  it.each([
    ['keepalive stays 60s in production, the load balancer requires it', 'UPSTREAM_KEEPALIVE_S'],
    ['Do NOT lower the shard count here', 'search.shardCount'],
    ['el timeout se queda en 30s a propósito', 'HTTP_READ_TIMEOUT'],
    ['ne pas baisser le pool: les batchs de nuit en ont besoin', 'db.pool'],
  ])('keeps its value: %s', (text, key) => {
    expect(keepsValue(`${text}`, key, 'production', ENVS)).toBeDefined();
  });

  it('the words that name a key in prose', () => {
    expect(keyWords('GRPC_KEEPALIVE_TIME_MS')).toEqual(['keepalive']);
    expect(keyWords('orders.readFallback')).toEqual(['fallback', 'orders']);
  });
});

describe('a stated condition met by a later commit', () => {
  const KEY = 'UPLOAD_RATE_LIMIT_RPS';
  it.each([
    [
      'a test in Spanish, done in German, linked by its ticket',
      { subject: 'subir el límite para la prueba de carga (LT-77)', body: '' },
      { subject: 'LT-77 abgeschlossen, Ergebnisse im Wiki', body: '' },
    ],
    [
      'a time limit until an event, met in words, with no ticket',
      { subject: 'upload limit up until the archive backfill finishes', body: 'Remind me to drop it again.' },
      { subject: 'ops log', body: 'The archive backfill finished overnight for all tenants.' },
    ],
  ])('%s: the exception ends, the environment goes back', (_what, change, later) => {
    const steps: Step[] = [
      create(KEY, '20'),
      { ...change, date: '2026-03-02T09:00:00Z', set: { staging: ['20', '500'] } },
      { ...later, date: '2026-03-05T09:00:00Z', touched: ['docs/ops.md'] },
    ];
    const v = judge(KEY, steps, '2026-03-10');
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '20' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('a condition still ahead is not met', () => {
    const steps: Step[] = [
      create(KEY, '20'),
      { subject: 'upload limit up until the archive backfill finishes', date: '2026-03-02T09:00:00Z', set: { staging: ['20', '500'] } },
      { subject: 'ops log', body: 'The archive backfill will be finished next week.', date: '2026-03-05T09:00:00Z', touched: ['docs/ops.md'] },
    ];
    expect(judge(KEY, steps, '2026-03-10').suggested).not.toBe('revert');
  });

  it.each([
    ['Lasttest erledigt', true],
    ['Die Migration ist durch', true],
    ['la migración está terminada', true],
    ['bis die Migration durch ist', false],
    ['once the load test is done', false],
  ])('reports done: %s', (text, done) => {
    expect(!!reportsDone(text)).toBe(done);
  });

  it('the words of a condition that name its piece of work', () => {
    const intent = readIntent(
      { subject: 'Limit hoch nur für den Lasttest diese Woche', body: '', author: 'a', email: 'a@x', date: '2026-03-02T09:00:00Z' },
      'staging',
      ENVS,
    );
    expect(intent.scope?.kind).toBe('test');
    expect(intent.temporary).toBeDefined();
    expect(conditionWords([intent.scope!.phrase, intent.temporary!.phrase], ENVS)).toEqual(['lasttest']);
  });
});

describe('a gate the next environment waited for', () => {
  const KEY = 'LOGIN_RATE_LIMIT_PER_MIN';
  const change: Step = {
    subject: 'login rate limit 30 -> 12 per minute (SEC-410)',
    body: 'On stg for now; prod once the security review board signs it off.',
    date: '2026-03-02T09:00:00Z',
    set: { staging: ['30', '12'] },
  };
  it('passed by a later commit citing its ticket: production follows, with confidence', () => {
    const v = judge(KEY, [create(KEY, '30'), change, { subject: 'SEC-410: board approved, go ahead', date: '2026-03-06T09:00:00Z' }], '2026-03-10');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '12' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('not passed: nothing moves into production with confidence', () => {
    const v = judge(KEY, [create(KEY, '30'), change, { subject: 'SEC-410: board meets on Thursday', date: '2026-03-06T09:00:00Z' }], '2026-03-10');
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });
});

describe('a gate that is itself a change in the waiting environment', () => {
  const KEY = 'features.bulkExport';
  const change: Step = {
    subject: 'switch bulk export on for stage',
    body: 'Prod gets this after the gateway 2.4 upgrade has landed there.',
    date: '2026-03-02T09:00:00Z',
    set: { staging: ['false', 'true'] },
  };
  it('made by a later commit (the named key, at the named version): production follows', () => {
    const upgrade: Step = { subject: 'release train', date: '2026-03-09T09:00:00Z', also: { production: ['gateway.version', '2.3.7', '2.4.1'] } };
    const v = judge(KEY, [create(KEY, 'false'), change, upgrade], '2026-03-12');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('not made yet (another version): nothing moves into production with confidence', () => {
    const upgrade: Step = { subject: 'release train', date: '2026-03-09T09:00:00Z', also: { production: ['gateway.version', '2.3.7', '2.3.8'] } };
    const v = judge(KEY, [create(KEY, 'false'), change, upgrade], '2026-03-12');
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });
});

describe('production went first and the lower environment was to follow', () => {
  it('"prod only for now, staging later": backport it to staging', () => {
    const KEY = 'image.tag';
    const steps: Step[] = [
      create(KEY, '4.2.0'),
      {
        subject: 'INC-88: 4.2.1 to prod only for now',
        body: 'staging gets it later this week',
        date: '2026-03-02T03:00:00Z',
        set: { production: ['4.2.0', '4.2.1'] },
      },
    ];
    const v = judge(KEY, steps, '2026-03-10');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '4.2.1' });
  });
});

describe('a temporary phase both environments went into', () => {
  it('over in one of them, by its own word: the other follows it out', () => {
    const KEY = 'search.cacheMode';
    const steps: Step[] = [
      create(KEY, 'normal'),
      {
        subject: 'bypass the search cache while the reindex runs (OPS-9)',
        date: '2026-03-02T09:00:00Z',
        set: { staging: ['normal', 'bypass'], production: ['normal', 'bypass'] },
      },
      { subject: 'OPS-9 reindex finished, staging back on the cache', date: '2026-03-09T09:00:00Z', set: { staging: ['bypass', 'normal'] } },
    ];
    const v = judge(KEY, steps, '2026-03-20');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'normal' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('the messages the verdict reads, with the paths each commit touched', () => {
  it('from a real repository: a comment-only edit of one file, an empty commit, a path with a space', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'create', write: { 'deploy/production.env': 'POOL=10\n', 'docs/run book.md': 'x\n' } },
        {
          at: '2026-01-06T10:00:00Z',
          author: 'ben',
          message: 'pool stays 10 here\n\nthe broker is small',
          write: { 'deploy/production.env': '# small broker\nPOOL=10\n' },
        },
        { at: '2026-01-07T10:00:00Z', author: 'ana', message: 'change board approved' },
      ],
    });
    const messages = await readMessages(repo);
    expect(messages.map((m) => [m.subject, m.body, m.files])).toEqual([
      ['change board approved', '', []],
      ['pool stays 10 here', 'the broker is small', ['deploy/production.env']],
      ['create', '', ['deploy/production.env', 'docs/run book.md']],
    ]);
    // The prose documents those commits wrote, as they are at HEAD, with the commit that last wrote each.
    expect(await readDocuments(repo, messages)).toEqual([{ path: 'docs/run book.md', text: 'x\n', sha: messages[2]!.sha }]);
  });
});

describe('the comment beside a value in its file', () => {
  it('the comment lines right above it and one after it; a blank line, a quoted # or JSON are not one', () => {
    const yaml = [
      '# capacity review 2026:',
      '# six pods, HPA off',
      'replicas: 6',
      '',
      '# orphan',
      '',
      'url: "http://x/#frag"',
      'mode: fast # TEMP until 1.4.',
      'n: 1',
    ].join('\n');
    expect([...notesByLine(yaml, 'yaml')]).toEqual([
      [3, 'capacity review 2026: six pods, HPA off'],
      [8, 'TEMP until 1.4.'],
    ]);
    expect([...notesByLine('region = "eu-west-1" // DR region: prod only', 'tfvars')]).toEqual([[1, 'DR region: prod only']]);
    expect(notesByLine('{"a": 1}', 'json').size).toBe(0);
  });

  it('kept on values, never on a secret', () => {
    const location = (line: number) => ({ file: 'p.env', line, column: 1 });
    const values = new Map([
      ['POOL', { text: '10', type: 'number' as const, location: location(2) }],
      ['DB_PASSWORD', { text: 'secret:abc123', type: 'secret' as const, location: location(4) }],
    ]);
    const out = withNotes(values, 'p.env', '# small broker\nPOOL=10\n# old one was hunter2\nDB_PASSWORD=x\n', 'dotenv');
    expect(out.get('POOL')?.note).toBe('small broker');
    expect(out.get('DB_PASSWORD')?.note).toBeUndefined();
  });
});

describe('what a key is, by its value as well as its first risky word', () => {
  it.each([
    ['OWNER_CACHE_TTL_S', ['300', '60'], 'none'],
    ['ROLE_SYNC_INTERVAL_MS', ['60000', '5000'], 'none'],
    ['API_KEY_ROTATION_DAYS', ['90', '30'], 'security'],
    ['REFRESH_TOKEN_MAX_AGE', ['86400', '3600'], 'security'],
    ['TOKEN_CACHE_SIZE', ['1000', '100'], 'none'],
    ['iam.policyRefreshSeconds', ['120', '600'], 'none'],
    ['ADMIN_ROLE', ['viewer', 'editor'], 'permissions'],
    ['SERVICE_ACCOUNT_TOKEN', ['12345678', '87654321'], 'secret'],
    ['ADMIN_MAX_SESSIONS', ['5', '50'], 'security'],
  ])('%s = %j is %s', (key, values, risk) => {
    expect(riskOf(key, values)).toBe(risk);
  });
});
