// Session 7's principles, each on phrasings of our own (none from a verdict story), in memory: a
// vulnerability fix counts whoever wrote it and whether or not it speaks of a rollout; two explicit,
// opposite claims about one key need a human; a document's passage naming a key is read only for
// a judgement about its value, never for an instruction.
import { describe, expect, it } from 'vitest';
import { readIntent, reportsDone } from '../../src/verdict/intent.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { riskOf } from '../../src/verdict/risk.js';
import { buildLog } from '../../src/verdict/log.js';
import { documentedUndo, passagesAbout } from '../../src/verdict/documents.js';
import { judge, type Step } from './memory-story.js';

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
