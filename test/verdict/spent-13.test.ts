// Readers corrected after holdout-13 was spent. Phrasings of our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { explain } from '../../src/verdict/verdict.js';
import { goesTo } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';

// Both environments left the value they agreed on, each by a change of its own that says why; a
// document written later sets one of the two values "for every environment" without a word about
// the other environment's change. Two written decisions contradict: which governs is for their
// owners, not for a rule — moving the other environment's deliberate value is a move nobody made.
describe("a document for every environment does not overrule the other environment's own stated change", () => {
  const cases: Array<[string, string, Step[], { path: string; text: string }]> = [
    [
      'pool.maxConnections',
      'production raised it for its load, staging lowered it per a later guide',
      [
        { subject: 'db config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
        { subject: 'DEC-14: production pool 80 for the peak traffic', date: '2026-08-01T10:00:00Z', set: { production: ['20', '80'] } },
        { subject: 'database guide', date: '2026-10-01T10:00:00Z', touched: ['docs/guides/database.md'] },
        { subject: 'staging: pool 10 per the database guide', date: '2026-10-02T10:00:00Z', set: { staging: ['20', '10'] } },
      ],
      { path: 'docs/guides/database.md', text: '# Database guide\n\nThe proxy counts connections: `pool.maxConnections` is **10 in all environments**.' },
    ],
    [
      'cache.ttlSeconds',
      'an ADR for production, a playbook for every environment',
      [
        { subject: 'cache config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '60'], production: ['', '60'] } },
        { subject: 'ADR-7: longer cache in production to spare the origin', date: '2026-07-01T10:00:00Z', set: { production: ['60', '600'] } },
        { subject: 'purge playbook', date: '2026-10-01T10:00:00Z', touched: ['docs/playbooks/purge.md'] },
        { subject: 'staging cache ttl 15 following the purge playbook', date: '2026-10-01T11:00:00Z', set: { staging: ['60', '15'] } },
      ],
      { path: 'docs/playbooks/purge.md', text: '# Purge playbook\n\nPurges must show within a quarter minute, so cache.ttlSeconds is 15 everywhere.' },
    ],
    [
      'worker.timeoutSeconds',
      'German: überall',
      [
        { subject: 'worker config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '30'], production: ['', '30'] } },
        {
          subject: 'Produktion: Timeout 120 s wegen der großen Exporte (Entscheidung im Architekturboard)',
          date: '2026-06-01T10:00:00Z',
          set: { production: ['30', '120'] },
        },
        { subject: 'Betriebshandbuch', date: '2026-09-01T10:00:00Z', touched: ['docs/betrieb.md'] },
        { subject: 'staging: worker timeout 45 laut Betriebshandbuch', date: '2026-09-01T11:00:00Z', set: { staging: ['30', '45'] } },
      ],
      { path: 'docs/betrieb.md', text: '# Betrieb\n\nworker.timeoutSeconds ist 45 in every environment, damit hängende Jobs schnell neu starten.' },
    ],
  ];
  it.each(cases)('%s (%s)', (key, _what, steps, doc) => {
    const v = judge(key, steps, '2026-12-04', {}, { documents: [{ ...doc, step: 2 }] });
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.question ?? '').toMatch(/production/);
  });

  it('the other environment never changed it on its own: the document still decides', () => {
    const steps: Step[] = [
      { subject: 'db config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
      { subject: 'database guide', date: '2026-10-01T10:00:00Z', touched: ['docs/guides/database.md'] },
      { subject: 'staging: pool 10 per the database guide', date: '2026-10-02T10:00:00Z', set: { staging: ['20', '10'] } },
    ];
    const text = '# Database guide\n\nThe proxy counts connections: `pool.maxConnections` is **10 in all environments**.';
    const v = judge('pool.maxConnections', steps, '2026-12-04', {}, { documents: [{ path: 'docs/guides/database.md', text, step: 1 }] });
    expect(v.suggested).toBe('backfill');
    expect(v.drifted).toBe('production');
  });
});

// "prod needs it too" in the languages whose scripts write no spaces: the environment, "too"
// (も/也/도), and a need or an application of the same change. Asked or negated, it sends nothing.
describe('"production needs the same fix" in Japanese, Chinese and Korean sends the value there', () => {
  it.each([
    ['stg', 'stgで確認済み。本番環境にもこの修正を適用する必要があります。'],
    ['staging', '検証環境で直した。本番にも同じ対応が必要。'],
    ['staging', '预发已修复并验证。生产环境也需要同样的修复。'],
    ['staging', '스테이징에서 확인함. 운영 환경에도 같은 수정이 필요합니다.'],
  ])('%s: %s', (env, body) => {
    expect(goesTo(body, 'prd')).toBeDefined();
    expect(goesTo(body, env)).toBeUndefined();
  });

  it.each(['本番にも必要ですか？', '本番には不要。', '生产环境也需要吗？', '운영에도 필요한지 확인 필요?'])('asked or negated: %s', (body) => {
    expect(goesTo(body, 'prd')).toBeUndefined();
  });
});

// A keep written on the live object "until" something someone must still report ("until the sale is
// over", "bis die Migration fertig ist") keeps the edit for now, not for good: whether its end has
// come is for the person it names. Codifying is the safe side, but not a confident answer: a question.
describe('a keep until a condition nobody has reported is a keep for now: a question', () => {
  const byHand = { manager: 'kubectl', operation: 'Update', time: '2026-11-20T08:00:00Z', exact: true, human: true, kind: 'human' } as const;
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-04' };
  const drift = (note: string): Divergence =>
    ({
      id: 'Deployment/api.replicas',
      key: 'Deployment/api.replicas',
      kind: 'live-drift',
      severity: 'drift',
      envs: ['production'],
      values: {
        staging: { repo: '4', live: null, at: null, type: 'number' },
        production: { repo: '4', live: '12', at: null, type: 'number', liveAnnotations: { 'ops.example.net/note': note } },
      },
      declared: false,
      contract: null,
      notes: [],
      provenance: { production: byHand },
    }) as unknown as Divergence;

  it.each([
    'launch traffic - keep until product says the launch is over (kim)',
    'keep at 12 until the migration is finished',
    'bitte so lassen, bis die Migration abgeschlossen ist',
    'mantener hasta que termine la campaña',
  ])('%s', (note) => {
    const v = explain(drift(note), {}, context);
    expect(v.suggested === 'revert').toBe(false);
    expect(v.confidence, v.reasons.join('\n')).toBeLessThanOrEqual(0.5);
    expect(v.question).toBeTruthy();
  });

  it('a keep for good is codified', () => {
    const v = explain(drift('12 replicas for the bigger tenant, keep it, permanent (kim)'), {}, context);
    expect(v).toMatchObject({ suggested: 'backfill', value: '12' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

// Different values written in one commit show that someone typed them, not that they meant the
// difference; a later document that calls one of them a slip is read, as against any change.
describe('a difference born in one commit yields to a later note that calls one side a slip', () => {
  it.each([
    "## Jobs lost after a flush\nstaging's QUEUE_DB=5 was copied by mistake from the scheduler's env file; it should be 1, like production.",
    '## Queue flush wiped the scheduler\nQUEUE_DB=5 in staging was set accidentally when the block was copied from the scheduler; it should be 1, like production.',
    '## Scheduler sessions gone\nstaging was not supposed to get QUEUE_DB=5, the scheduler database; it should be 1, like production.',
  ])('%s', (note) => {
    const steps: Step[] = [
      {
        subject: 'Move the job queue to the shared Redis',
        body: 'The old broker is being retired. Production and staging both use the shared Redis.',
        date: '2026-10-20T10:00:00Z',
        set: { staging: ['', '5'], production: ['', '1'] },
      },
      { subject: 'staging notes', date: '2026-11-06T10:00:00Z', touched: ['docs/staging-notes.md'] },
    ];
    const v = judge('QUEUE_DB', steps, '2026-12-04', {}, { documents: [{ path: 'docs/staging-notes.md', text: `# Staging notes\n\n${note}`, step: 1 }] });
    expect(v.suggested === 'declare' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
    expect(v.suggested === 'backfill').toBe(false);
  });
});

// A change kept to one environment on its own words ("qa only") is undone by a later note that
// names the key and that environment and says it is no longer needed: the purpose is over.
describe('a later note naming the key says the one-environment exception is no longer needed', () => {
  it.each([
    '- `mail.allowPlainSmtp` in qa was only for the old mail catcher; no longer needed, can be switched back off.',
    '- qa: mail.allowPlainSmtp can go back to false, the catcher speaks TLS since last week.',
    '- mail.allowPlainSmtp in qa wird nicht mehr gebraucht und kann zurück auf false.',
  ])('%s', (line) => {
    const steps: Step[] = [
      { subject: 'mail config', date: '2026-02-01T10:00:00Z', set: { qa: ['', 'false'], prod: ['', 'false'] } },
      {
        subject: 'qa: allow plain SMTP',
        body: 'The mail catcher in qa has no TLS yet. qa only.',
        date: '2026-07-01T10:00:00Z',
        set: { qa: ['false', 'true'] },
      },
      { subject: 'QA notes', date: '2026-11-10T10:00:00Z', touched: ['docs/qa.md'] },
    ];
    const v = judge(
      'mail.allowPlainSmtp',
      steps,
      '2026-12-04',
      {},
      { envs: ['qa', 'prod'], documents: [{ path: 'docs/qa.md', text: `# QA notes\n\n${line}`, step: 2 }] },
    );
    expect(v.suggested === 'declare' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
    expect(v.suggested === 'backfill').toBe(false);
  });
});

// A sentence that names the lagging environment and says, in another clause of it, that the
// environment keeps its value ("Staging is single-zone, so it keeps ScheduleAnyway") sends nothing
// there: the keep reaches across the sentence's commas and its hard wraps.
describe('a keep said of the other environment in a later clause of the sentence that names it', () => {
  it.each([
    'On 3.10 a zone went dark. Production now refuses uneven spreads. Staging is single-zone, so it\nkeeps the soft setting (the strict one would leave pods Pending there).',
    'Production gets strict spreading after the outage. Staging has one zone only; it stays on the soft setting.',
    'Strict spreading in production after the zone outage. Staging, which runs in one zone, keeps the soft one on purpose.',
  ])('%s', (body) => {
    const steps: Step[] = [
      { subject: 'checkout values', date: '2026-04-01T10:00:00Z', set: { staging: ['', 'soft'], production: ['', 'soft'] } },
      { subject: 'checkout: strict zone spread in production', body, date: '2026-10-20T10:00:00Z', set: { production: ['soft', 'strict'] } },
    ];
    const v = judge('spread.mode', steps, '2026-12-04', {});
    expect(v.suggested === 'backfill' && v.drifted === 'staging', v.reasons.join('\n')).toBe(false);
  });
});
