// Sessions 6 and 7's rules, each on phrasings of our own (none from a verdict story), in memory (no
// git: the story sets build the repositories). Session 6: a later word on the lagging environment's
// own file, a stated condition met by a later commit, a gate passed, a lower environment meant to
// catch up, a temporary phase that ended. Session 7 (at the end): a vulnerability fix counts whoever
// wrote it and whether or not it speaks of a rollout; two explicit, opposite claims about one key
// need a human; a document's passage naming a key is read only for a judgement about its value,
// never for an instruction; spans, events and approvals in more of the words people use.
import { describe, expect, it } from 'vitest';
import { conditionWords } from '../../src/verdict/conditions.js';
import { keepsValue, keyWords } from '../../src/verdict/held.js';
import { readIntent, reportsDone } from '../../src/verdict/intent.js';
import { riskOf } from '../../src/verdict/risk.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { buildLog } from '../../src/verdict/log.js';
import { documentedUndo, passagesAbout } from '../../src/verdict/documents.js';
import { explain } from '../../src/verdict/verdict.js';
import { readDocuments, readMessages } from '../../src/git/messages.js';
import { notesByLine, withNotes } from '../../src/parse/notes-beside.js';
import { repoFromScenario } from '../support/repo.js';
import { file, judge, TWO, TWO as ENVS, type Step } from './memory-story.js';

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
    const everywhere = { ...raised, body: 'Every environment gets this.' };
    const steps = what.startsWith('before') ? [create(KEY, '10'), note, everywhere] : [create(KEY, '10'), everywhere, note];
    const v = judge(KEY, steps, '2026-04-01');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });

  it('a comment beside the key in its file says the same, in the file as it is now', () => {
    // Only the promotion order speaks for production following: a person decides (below 0.5).
    const steps = [create(KEY, '10'), raised];
    expect(judge(KEY, steps, '2026-04-01')).toMatchObject({ suggested: 'declare', confidence: 0.45 });
    const v = judge(KEY, steps, '2026-04-01', { production: 'kept at 10 on purpose: the prod broker has 4 GB (OPS-12)' });
    expect(v).toMatchObject({ suggested: 'declare', deliberate: 'staging', confidence: 0.7 });
    expect((v.evidence ?? []).map((e) => e.text).join('\n')).toMatch(/the comment beside consumer.prefetchCount in production's file/);
    // A comment that says why without keeping the value apart changes nothing.
    expect(judge(KEY, steps, '2026-04-01', { production: 'raised from 5 during INC-4' })).toMatchObject({ suggested: 'declare', confidence: 0.45 });
  });

  it('a hold with a limit of its own lasts until that limit', () => {
    const steps = [create(KEY, '10'), raised];
    const note = { production: 'do not raise until 2026-03-20, the broker move needs the headroom' };
    expect(judge(KEY, steps, '2026-03-10', note)).toMatchObject({ suggested: 'declare', confidence: 0.7 });
    expect(judge(KEY, steps, '2026-04-01', note)).toMatchObject({ suggested: 'declare', confidence: 0.45 });
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

// Session 7.
const created = (value: string): Step => ({
  subject: 'initial config',
  date: '2026-01-05T10:00:00Z',
  set: { staging: ['', value], production: ['', value] },
  touched: ['undrift.yaml'],
});

describe('a vulnerability fix in one environment', () => {
  const KEY = 'ingress.controller.imageTag';
  it.each([
    ['dependabot[bot]', 'build(deps): bump ingress-nginx controller from 1.11.2 to 1.11.5', 'Fixes GHSA-mgvx-rpfc-9mpv (annotation injection).'],
    ['Platform CI', 'Sicherheitsupdate ingress 1.11.5 (CVE-2025-1974)', ''],
    ['Mara Lind', 'ingress: patch the config-injection vulnerability, 1.11.5', 'Upstream release notes list it as the only change.'],
    ['snyk-bot', 'fix: upgrade ingress controller to 1.11.5 [Security]', ''],
  ])('%s: "%s" — production, still on the vulnerable tag, takes the fix', (author, subject, body) => {
    const v = judge(
      KEY,
      [created('1.11.2'), { subject, body, author, email: 'bot@example.test', date: '2026-11-20T03:00:00Z', set: { staging: ['1.11.2', '1.11.5'] } }],
      '2026-12-01',
    );
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '1.11.5' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    ['a scanner named as a topic', 'raise the vulnerability scanner timeout to 1.11.5 minutes'],
    ['a security fix kept to staging for a test', 'security patch 1.11.5, staging only for the pentest'],
  ])('is not read from %s', (_what, subject) => {
    const v = judge(KEY, [created('1.11.2'), { subject, date: '2026-11-20T03:00:00Z', set: { staging: ['1.11.2', '1.11.5'] } }], '2026-12-01');
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });
});

describe('two explicit, opposite claims about one key', () => {
  const KEY = 'CONSUMER_BATCH';
  it.each([
    [
      'everywhere against "leave it at"',
      { subject: 'batch 64 on all environments', body: 'The new codec makes small batches pointless.' },
      { subject: 'prod: batch 8', body: 'Leave it at 8 in prod, larger batches stall the slow partition.' },
    ],
    [
      'across the board against "nicht ändern"',
      { subject: 'CONSUMER_BATCH=64 across the board', body: '' },
      { subject: 'CONSUMER_BATCH auf 8 in prod', body: 'Bitte nicht ändern, siehe Lag-Dashboard.' },
    ],
    [
      'globally against "on purpose"',
      { subject: 'align consumer batch globally to 64', body: '' },
      { subject: 'production batch 8 on purpose', body: 'its brokers are older.' },
    ],
  ])('%s: a person decides; nothing is copied, with low confidence', (_what, everywhere, own) => {
    const v = judge(
      KEY,
      [
        created('32'),
        { ...own, date: '2026-09-01T10:00:00Z', set: { production: ['32', '8'] } },
        { ...everywhere, date: '2026-10-01T10:00:00Z', set: { staging: ['32', '64'] } },
      ],
      '2026-12-01',
    );
    expect(v).toMatchObject({ suggested: 'declare', deliberate: null });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/disagree explicitly/);
  });

  it('an insistence is not read from a wait ("do not change it until the migration")', () => {
    const own = readIntent(
      { subject: 'prod batch 8', body: 'Do not change it until the migration is done.', author: 'a', email: 'a@x', date: '2026-09-01T10:00:00Z' },
      'production',
      ['staging', 'production'],
    );
    expect(own.pinned).toBeUndefined();
  });
});

describe("a document's passages naming a key", () => {
  const KEY = 'data.WORKER_TIMEOUT_S';
  const EDIT = '2026-10-10T02:00:00Z';
  const log = (text: string, written = '2026-10-20T09:00:00Z') =>
    buildLog(
      new Map(),
      [
        {
          sha: 'd'.repeat(40),
          parents: [],
          author: 'Ola',
          email: 'o@x',
          date: written,
          committed: written,
          subject: 'docs: write-up',
          body: '',
          files: ['docs/x.md'],
        },
      ],
      [{ path: 'docs/x.md', sha: 'd'.repeat(40), text }],
    );

  it.each([
    ['a follow-up item', '## Follow-ups\n\n* Roll back the hand override of WORKER_TIMEOUT_S; the repo value is right.\n'],
    ['a decision not to codify it', 'We agreed: do not codify WORKER_TIMEOUT_S=5, it hid the real fault.'],
    ["its value going back to the file's", '- [ ] WORKER_TIMEOUT_S back to 30 (owner: ops)'],
    ['a judgement of the edit', 'Lowering WORKER_TIMEOUT_S by hand made things worse: retries doubled.'],
  ])('%s says the hand edit is to be undone', (_what, text) => {
    expect(documentedUndo(KEY, '30', EDIT, log(text))?.phrase).toBeTruthy();
  });

  it.each([
    ['a runbook instruction for later', '- If the queue backs up, lower WORKER_TIMEOUT_S to 5 and revert the change afterwards.'],
    ['a conditional in German', 'Wenn die Queue voll läuft: WORKER_TIMEOUT_S auf 5 setzen, danach zurück auf 30.'],
    ['a step for when it is over', '1. When the incident is over, put WORKER_TIMEOUT_S back to 30.'],
    ['a passage that does not name the key', 'Undo the manual edit of the pool size.\n\nWORKER_TIMEOUT_S was fine.'],
  ])('%s is no judgement', (_what, text) => {
    expect(documentedUndo(KEY, '30', EDIT, log(text))).toBeUndefined();
  });

  it('a document written before the edit says nothing about it', () => {
    expect(documentedUndo(KEY, '30', EDIT, log('Undo the manual edit of WORKER_TIMEOUT_S.', '2026-09-01T09:00:00Z'))).toBeUndefined();
  });

  it('passages are list items or paragraphs, bounded, with where they start', () => {
    const found = passagesAbout(KEY, log('# T\n\nintro\n\n- one WORKER_TIMEOUT_S\n  continues here\n- two\n'));
    expect(found.map((p) => [p.line, p.text])).toEqual([[5, '- one WORKER_TIMEOUT_S continues here']]);
  });
});

const ENVS3 = ['dev', 'staging', 'production'];
const said = (subject: string, body = '', env = 'staging', date = '2026-03-10T10:00:00Z') =>
  readIntent({ subject, body, author: 'Ana Lima', email: 'ana@example.test', date }, env, ENVS3);

describe('a span counted from the commit is a time limit with a date', () => {
  it.each([
    ['bigger upload limit in staging for the next three weeks, the vendor migrates', '2026-03-31'],
    ['Cache aus für zwei Wochen, bis der Umzug durch ist', '2026-03-24'],
    ['límite alto durante dos semanas para la carga inicial', '2026-03-24'],
    ['debug sampling on for 10 days while we chase the leak', '2026-03-20'],
  ])('%s', (subject, until) => {
    expect(said(subject).temporary?.until).toBe(until);
  });

  it('a span in a clause about another environment is its wait: "prod after a fortnight… of 14 days in staging"', () => {
    expect(readDeadline('production after 14 days in staging', '2026-03-10T10:00:00Z').date).toBe('2026-03-24');
  });

  it.each(['rate limit 50 -> 80, measured over 3 hours', 'retry 5 times within 2 seconds'])('no span of days: %s', (subject) => {
    expect(said(subject).temporary?.until).toBeUndefined();
  });
});

describe('after an event, back to the value before', () => {
  it.each([
    ['Pool auf 40 für die Migration am 20.3. — nach der Migration bitte wieder auf 10 zurück', '2026-03-20'],
    ['queue depth 500 for the vendor demo on 18.3., after the demo back to 50', '2026-03-18'],
  ])('%s', (subject, until) => {
    expect(said(subject).temporary).toMatchObject({ until });
  });
});

describe('"during" telling when a bug struck is no time limit', () => {
  it.each(['timeout 8s: the webhook arrived during the maintenance window and got dropped', 'dedupe on: duplicates happened during the replay'])(
    '%s',
    (subject) => {
      expect(said(subject).temporary).toBeUndefined();
    },
  );
  it('while "during" before the change still is one', () => {
    expect(said('relax the quota during the migration').temporary).toBeDefined();
  });
});

describe('a lower environment to catch up later', () => {
  it.each([
    ['hotfix 3.1.4 in prod now; backport to dev and staging tomorrow', ['dev', 'staging']],
    ['prod gets 3.1.4 first, staging will catch up after the release', ['staging']],
    ['Prod zuerst, staging zieht nach', ['staging']],
  ])('%s', (subject, envs) => {
    const hold = said(subject, '', 'production').hold;
    expect(hold?.follows).toBe(true);
    expect(hold?.envs).toEqual(envs);
  });
});

describe('news that the work is done, in more words', () => {
  it.each(['v3.2 is live in prod', 'replica has caught up', 'migration step 4 ✅', 'the 2.0 client went live last night'])('%s', (text) => {
    expect(reportsDone(text)).toBeDefined();
  });
  it.each(['flip it back once the replica has caught up', 'when v3.2 is live, enable it in prod'])('a condition is no news: %s', (text) => {
    expect(reportsDone(text)).toBeUndefined();
  });
});

describe('a gate whose approval is on another line of the later note', () => {
  const KEY = 'probes.liveness.periodSeconds';
  const gate: Step = {
    subject: 'liveness period 10 -> 20s in staging',
    body: 'Staging first; production after a bake of a few days.',
    date: '2026-03-02T09:00:00Z',
    set: { staging: ['10', '20'] },
  };
  it.each([
    ['a pasted chat', 'notes: liveness bake', '> Kim: no restarts since Monday\n> Kim: ship it to production'],
    ['a thumbs-up', 'bake of the liveness period', 'graphs flat all week 👍'],
    ['"bake ok"', 'liveness: bake ok', 'no restarts'],
  ])('%s: production follows, with confidence', (_what, subject, body) => {
    const v = judge(KEY, [created('10'), gate, { subject, body, date: '2026-03-09T09:00:00Z', touched: ['CHANGELOG.md'] }], '2026-03-20');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '20' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });
  it('a note approving something else does not pass it', () => {
    const v = judge(KEY, [created('10'), gate, { subject: 'search index rebuild', body: 'go ahead with prod 👍', date: '2026-03-09T09:00:00Z' }], '2026-03-20');
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });
  it('a release the condition names is met by its version going live', () => {
    const v = judge(
      'CHECKOUT_NEW_SUMMARY',
      [
        created('false'),
        { subject: 'new summary panel in staging, production together with release 7.3', date: '2026-03-02T09:00:00Z', set: { staging: ['false', 'true'] } },
        { subject: 'release: 7.3.0 is live in production', date: '2026-03-12T09:00:00Z', touched: ['CHANGELOG.md'] },
      ],
      '2026-03-20',
    );
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
  });
});

describe('what a key is: a switch of how something looks grants nothing', () => {
  it.each([
    ['ADMIN_PORTAL_COMPACT_LAYOUT', 'feature-flag'],
    ['SUPERUSER_DASHBOARD_THEME', 'feature-flag'],
    ['ADMIN_IMPERSONATION_ENABLED', 'permissions'],
    ['AUTH_DARK_LAUNCH', 'security'],
  ])('%s', (key, risk) => {
    expect(riskOf(key, ['true', 'false'])).toBe(risk);
  });
});

describe('an automated job changed production alone', () => {
  it('declared with the question, never copied into the environments before it', () => {
    const v = judge(
      'tenants.acme.maxConnections',
      [
        created('40'),
        { subject: 'sync tenant limits from the control plane', author: 'tenant-sync[bot]', date: '2026-03-02T09:00:00Z', set: { production: ['40', '65'] } },
      ],
      '2026-03-20',
    );
    expect(v).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeLessThan(0.5);
  });
});

describe('a condition stated twice: each statement names it', () => {
  it('"off during the migration … back on once the index has caught up", then "index caught up ✅": production goes back', () => {
    const v = judge(
      'SEARCH_CACHE_ENABLED',
      [
        created('true'),
        {
          subject: 'prod: search cache off during the v5 migration',
          body: 'The cache goes back on once the new index has caught up.',
          date: '2026-03-02T09:00:00Z',
          set: { production: ['true', 'false'] },
        },
        { subject: 'ops: new index caught up ✅', date: '2026-03-09T09:00:00Z', touched: ['docs/ops/v5.md'] },
      ],
      '2026-03-20',
    );
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'true' });
  });
});

describe("a hand edit's end, in an annotation on the live object", () => {
  const edited = (annotations: Record<string, string>, today: string) =>
    explain(
      {
        id: 'replicas',
        key: 'replicas',
        kind: 'live-drift',
        severity: 'drift',
        envs: ['production'],
        values: {
          staging: { repo: '4', live: null, at: null, type: 'number' },
          production: { repo: '4', live: '9', at: null, type: 'number', liveAnnotations: annotations },
        },
        declared: false,
        contract: null,
        notes: [],
        provenance: { production: { manager: 'kubectl', operation: 'Update', time: '2026-02-20T08:00:00Z', exact: true, human: true, kind: 'human' } },
      },
      { staging: [], production: [] },
      { promotion: TWO, environments: TWO, today },
    );
  const why = { 'deployment.kubernetes.io/revision': '12', 'ops.example.org/reason': 'bumped to 9 for the launch, scale back after 2026-03-01 (kim)' };

  it('past its end: the live object goes back to the file', () => {
    expect(edited(why, '2026-03-05')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '4' });
    expect(edited(why, '2026-03-05').confidence).toBeGreaterThanOrEqual(0.6);
  });
  it('before its end: revert then, a question now', () => {
    const v = edited(why, '2026-02-25');
    expect(v).toMatchObject({ suggested: 'revert', expires: '2026-03-01' });
    expect(v.confidence).toBeLessThan(0.5);
  });
  it("a tool's own annotation says nothing of why", () => {
    expect(edited({ 'deployment.kubernetes.io/revision': '12' }, '2026-03-05').expires).toBeUndefined();
  });
});
