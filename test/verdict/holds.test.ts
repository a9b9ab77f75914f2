// Session 5's rules, each on phrasings of our own (none from a verdict story): what a change's text
// says another environment does (keeps its value, follows after a gate), dates as Europe writes
// them, scope in other languages, a contract's bounds, and a hand edit nobody wrote a word about.
import { describe, expect, it } from 'vitest';
import type { Divergence, HistoryEvent, Provenance } from '../../src/model/types.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { readIntent, type CommitText } from '../../src/verdict/intent.js';
import { buildLog, explain, type CommitLog } from '../../src/verdict/verdict.js';
import type { Message } from '../../src/verdict/log.js';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['dev', 'staging', 'production'];
const commit = (subject: string, body = ''): CommitText => ({ subject, body, author: 'Kai Berg', email: 'kai@example.test', date: '2026-03-10T10:00:00Z' });
const intentOf = (subject: string, body = '', env = 'staging') => readIntent(commit(subject, body), env, ENVS);

describe('deadlines written the European way, and "mid-month"', () => {
  it.each([
    ['leave the relaxed limit on until 3.11.', '2026-11-03'],
    ['Ausnahme bis 28.02.2027, dann zurück', '2027-02-28'],
    ['revert by 30/06 at the latest', '2026-06-30'],
    ['vendor says the fix ships (9/25)', '2026-09-25'],
    ['temporary; the vendor expects a patched driver mid-January', '2027-01-15'],
    ['keep the old cipher list until early May', '2026-05-10'],
  ])('%s', (text, date) => {
    expect(readDeadline(text, '2026-03-10T10:00:00Z').date).toBe(date);
  });

  it.each(['pin the client to 2.13.1 until the upgrade', 'until 04/05 (or so)', 'raise to 1.5. later maybe'])('no date: %s', (text) => {
    expect(readDeadline(text, '2026-03-10T10:00:00Z').date).toBeUndefined();
  });
});

describe('scope in other words and languages', () => {
  it.each([
    ['nur für staging: längere Timeouts', 'staging'],
    ['staging için debug loglari açık', 'staging'],
    ['only staging gets the sandbox card processor', 'staging'],
    ['längere Session-Dauer für staging', 'staging'],
    ['mock mailer — solo en dev', 'dev'],
  ])('%s', (subject, env) => {
    expect(intentOf(subject, '', env).scope?.kind).toBe('env-only');
  });
});

describe('what the text says another environment does', () => {
  it.each([
    ['bigger export batches here. production keeps 200 on purpose', ['production']],
    ['Retry budget 5 → 8, prod bleibt bei 5', ['production']],
    ['raise the cache TTL; leave prod as-is, it has its own CDN rules', ['production']],
    ['new search analyzer for staging — prod must not get this', ['production']],
  ])('keeps its value: %s', (subject, envs) => {
    const intent = intentOf(subject);
    expect(intent.hold).toMatchObject({ envs, follows: false });
    expect(intent.temporary).toBeUndefined();
  });

  it.each([
    ['new ranking weights; production will get them after the 2026-04-20 release', '2026-04-20', undefined],
    ['staging now, prod once the change freeze is over (freeze ends 5.4.)', '2026-04-05', undefined],
    ['hold prod at the old value till Thursday, we want to watch staging first', '2026-03-12', 'watch'],
    ['Staging first. Production follows on April 2nd after sign-off', '2026-04-02', 'sign-off'],
  ])('follows after a gate: %s', (subject, until, check) => {
    const intent = intentOf(subject);
    expect(intent.hold).toMatchObject({ envs: ['production'], follows: true, until });
    expect(intent.hold?.check).toBe(check);
    // The time limit is production's wait, not the change's.
    expect(intent.temporary).toBeUndefined();
  });

  it.each(['temporarily raise the pool until Friday', 'bump workers to 6 for the import', 'enable the new importer in staging, production too'])(
    'no hold: %s',
    (subject) => {
      expect(intentOf(subject).hold).toBeUndefined();
    },
  );

  it('a time limit on the changed environment itself stays the change’s own', () => {
    const intent = intentOf('staging uses the stub SMS gateway until 20.3., production keeps the real one');
    expect(intent.temporary?.until).toBe('2026-03-20');
    expect(intent.hold).toMatchObject({ envs: ['production'], follows: false });
  });
});

// In memory (the rules read the text, not git): dev and staging raised together, production not.
const THREE_ENVS = { envs: ['dev', 'staging', 'production'] };
const created: Step = { subject: 'create', date: '2026-01-05T10:00:00Z', set: { dev: ['', '200'], staging: ['', '200'], production: ['', '200'] } };
const raised = (subject: string, body = ''): Step => ({ subject, body, date: '2026-02-02T10:00:00Z', set: { dev: ['200', '800'], staging: ['200', '800'] } });
const [subjectOf, bodyOf] = [(m: string) => m.split('\n\n')[0]!, (m: string) => m.split('\n\n').slice(1).join('\n\n')];
const verdictFor = (message: string, today: string) => judge('EXPORT_BATCH', [created, raised(subjectOf(message), bodyOf(message))], today, {}, THREE_ENVS);

describe('the verdict follows what the text says the lagging environment does', () => {
  it('kept apart on purpose: declare, never promote', () => {
    const v = verdictFor('export batch 800 for the new exporter\n\nproduction is left at 200 on purpose, its database is smaller', '2026-03-01');
    expect(v).toMatchObject({ suggested: 'declare', deliberate: 'staging' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('to follow after a date that has passed: backfill production, explicitly', () => {
    const v = verdictFor('export batch 800 in dev and staging\n\nproduction gets it with the release on 2026-02-16', '2026-03-01');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '800' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('to follow after a date that has not come: declare until it', () => {
    const v = verdictFor('export batch 800\n\nproduction gets it with the release on 2026-03-16', '2026-03-01');
    expect(v).toMatchObject({ suggested: 'declare', expires: '2026-03-16' });
  });

  it('held back for a check whose outcome nobody recorded: the backfill needs a human', () => {
    const v = verdictFor('export batch 800 everywhere\n\nreview: keep production on 200 until 2026-02-09, I want to observe staging first', '2026-03-01');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production' });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/held back until 2026-02-09/);
  });

  it('a bare change whose ticket a later commit says goes to production with a release since shipped', () => {
    const v = judge(
      'EXPORT_BATCH',
      [
        created,
        { subject: 'DATA-310', date: '2026-02-02T10:00:00Z', set: { staging: ['200', '800'] } },
        {
          subject: 'DATA-310 looks good in staging',
          body: 'production follows with the 2026-02-12 release',
          date: '2026-02-04T10:00:00Z',
          touched: ['NOTES.md'],
        },
      ],
      '2026-03-01',
      {},
      THREE_ENVS,
    );
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '800' });
    expect(v.reasons.join('\n')).toMatch(/later commit citing the same ticket/);
  });
});

describe('the contract’s bounds do not go stale by agreeing', () => {
  it('production back below the allowed set in a sweep: revert to an allowed value, never remove the entry', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            'undrift.yaml': 'environments:\n  staging: s.yaml\n  production: p.yaml\npromotion: [staging, production]\ncontract: contract.yaml\n',
            's.yaml': 'HEAP_MB: 1024\n',
            'p.yaml': 'HEAP_MB: 1024\n',
            'contract.yaml': 'expected_differences: {}\n',
          },
        },
        {
          at: '2026-02-05T10:00:00Z',
          author: 'ana',
          message: 'production heap 3072 after the OOM, contract keeps it there',
          set: { 'p.yaml': { HEAP_MB: 3072 } },
          write: { 'contract.yaml': 'expected_differences:\n  HEAP_MB:\n    staging: any\n    production: [3072, 6144]\n' },
        },
        { at: '2026-06-05T10:00:00Z', author: 'ben', message: 'trim heaps across services', set: { 'p.yaml': { HEAP_MB: 1024 } } },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-06-10' });
    const d = scan.divergences.find((x) => x.key === 'HEAP_MB' && x.kind === 'contract-violation')!;
    expect(d.verdict).toMatchObject({ suggested: 'revert', drifted: 'production', value: '3072' });
  });
});

describe('a hand edit live', () => {
  const at = (sha: string, date: string, subject: string): Message => ({
    sha: sha.repeat(40).slice(0, 40),
    parents: [],
    subject,
    body: '',
    author: 'Ana',
    email: 'a@x',
    date,
    committed: date,
  });
  const created: HistoryEvent = {
    commit: 'c'.repeat(40),
    author: 'Ana',
    email: 'a@x',
    date: '2026-01-05T10:00:00Z',
    committed: '2026-01-05T10:00:00Z',
    subject: 'create',
    body: '',
    file: 'p.yaml',
    from: null,
    to: '64',
    merge: false,
    revert: false,
    order: 5,
  };
  const byHand: Provenance = { manager: 'kubectl-edit', operation: 'Update', time: '2026-04-11T23:10:00Z', exact: true, human: true, kind: 'human' };
  const d = {
    key: 'UPSTREAM_KEEPALIVE',
    kind: 'live-drift',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: '64', live: '256', at: { file: 'p.yaml', line: 1, column: 1 }, type: 'number' } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: byHand },
  } as unknown as Divergence;
  const explainWith = (messages: Message[]) => {
    const log: CommitLog = buildLog(new Map([['production', new Map([['UPSTREAM_KEEPALIVE', [created]]])]]), messages);
    return explain(d, { production: [created] }, { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-06-01', log });
  };

  it('nobody wrote a word about it: neither codify nor undo by default, ask who and why', () => {
    const v = explainWith([at('a', '2026-05-20T10:00:00Z', 'bump chart'), at('c', '2026-01-05T10:00:00Z', 'create')]);
    expect(v).toMatchObject({ suggested: 'declare', value: null });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/who changed production's UPSTREAM_KEEPALIVE/);
  });

  // Session 5 (lead): naming the incident is not saying the edit was right — write-ups record
  // mistakes as often as fixes, so what the note says decides.
  it('an outage write-up that says nothing of the edit: a person reads it, no default moves the value', () => {
    const v = explainWith([at('b', '2026-04-14T10:00:00Z', 'write-up of the Saturday outage (connection resets)'), at('c', '2026-01-05T10:00:00Z', 'create')]);
    expect(v).toMatchObject({ suggested: 'declare', value: null });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/read bbbbbbb/);
  });

  it("a commit around the edit wrote the same value into a file (here staging's): the value was meant, whatever its message says", () => {
    const sameInStaging: HistoryEvent = {
      ...created,
      commit: 'e'.repeat(40),
      date: '2026-04-12T08:00:00Z',
      committed: '2026-04-12T08:00:00Z',
      subject: 'tweak',
      from: '64',
      to: '256',
      order: 1,
    };
    const history = new Map([
      ['production', new Map([['UPSTREAM_KEEPALIVE', [created]]])],
      ['staging', new Map([['UPSTREAM_KEEPALIVE', [sameInStaging, created]]])],
    ]);
    const log = buildLog(history, [at('e', '2026-04-12T08:00:00Z', 'tweak'), at('c', '2026-01-05T10:00:00Z', 'create')]);
    const v = explain(
      d,
      { production: [created] },
      { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-06-01', log },
    );
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '256' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    'OPS-88 incident mitigation: upped the keepalive on prod by hand, keep it',
    'post-incident: the hotfix from Saturday night stays',
    'INC-77 follow-up — raised UPSTREAM_KEEPALIVE live to stop the resets',
  ])('a note that says the edit was a fix: codify it (%s)', (subject) => {
    const v = explainWith([at('b', '2026-04-14T10:00:00Z', subject), at('c', '2026-01-05T10:00:00Z', 'create')]);
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '256' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    'INC-77 timeline: the keepalive patch hit prod by accident, meant for the canary',
    'outage notes: someone edited UPSTREAM_KEEPALIVE in the wrong kube context',
    'INC-77 retro — prod must be set back to 64, the live edit was not meant to stay',
  ])('a note that says the edit was a mistake: revert the live object (%s)', (subject) => {
    const v = explainWith([at('b', '2026-04-14T10:00:00Z', subject), at('c', '2026-01-05T10:00:00Z', 'create')]);
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'production', value: '64' });
  });

  it('a pasted thread where one person wants the edit undone and another wants it kept: a person decides', () => {
    const thread = {
      ...at('b', '2026-04-14T10:00:00Z', 'keepalive thread from #edge'),
      body: 'ravi: I bumped UPSTREAM_KEEPALIVE by hand on prod, leave it as is, the resets stopped\nmei: that was a mistake, it masks the LB bug',
    };
    const v = explainWith([thread, at('c', '2026-01-05T10:00:00Z', 'create')]);
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/leave it as is/);
    expect(v.question).toMatch(/mistake/);
  });
});
