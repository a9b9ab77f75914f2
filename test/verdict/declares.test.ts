// A declare stands on its words' terms (issue 10; holdout-13's 13, 15, 45, 47, 48): a purpose, a gate
// or a date. A later text linked to the key or the change that meets or breaks those terms answers
// it, whatever the declare's confidence; and a declare is sure (>= 0.6) only on a stated reason for the
// difference. Phrasings of our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const doc = (path: string, text: string, step: number) => ({ documents: [{ path, text, step }] });

// The kind's rule declared the difference with confidence on the change's own words (a rollout with
// a gate, a test, a one-environment scope). A later document linked by the key — not by a ticket the
// change cites — answers it: a go for the environment that waits, a slip, an undo.
describe("a later document linked by the key answers a confident declare, whatever the declare's confidence", () => {
  it.each([
    ['- `PAYOUT_BATCH` override: no longer needed since the sandbox bank accepts big files; can go back to 50.'],
    ['- PAYOUT_BATCH 500 is not needed any more (the sandbox accepts big files now), set it back to 50.'],
    ['- PAYOUT_BATCH: wird nicht mehr gebraucht, zurück auf 50.'],
  ])('a one-environment scope for a purpose, later said to be over without naming the environment: %s', (line) => {
    const steps: Step[] = [
      { subject: 'payout config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '50'], production: ['', '50'] } },
      {
        subject: 'staging only: payout batch 500',
        body: 'The bank sandbox rejects small files. Only staging.',
        date: '2026-10-01T10:00:00Z',
        set: { staging: ['50', '500'] },
      },
      { subject: 'payout notes', date: '2026-11-10T10:00:00Z', touched: ['docs/payouts.md'] },
    ];
    const v = judge('PAYOUT_BATCH', steps, '2026-12-04', {}, doc('docs/payouts.md', `# Payouts\n\n${line}`, 2));
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
  });

  it.each([
    ["staging's PAYOUT_BATCH=500 was a slip: it was copied from the load-test profile; it should be 50 like production."],
    ['PAYOUT_BATCH=500 in staging was set by mistake when the block was copied from the load-test profile; it should be 50, like production.'],
    ['Staging was never meant to get PAYOUT_BATCH=500 (copied from the load-test profile by accident); it should be 50 like production.'],
  ])('a one-environment scope later called a slip: %s', (line) => {
    const steps: Step[] = [
      { subject: 'payout config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '50'], production: ['', '50'] } },
      { subject: 'staging only: payout batch 500', date: '2026-10-01T10:00:00Z', set: { staging: ['50', '500'] } },
      { subject: 'staging notes', date: '2026-11-10T10:00:00Z', touched: ['docs/staging-notes.md'] },
    ];
    const v = judge('PAYOUT_BATCH', steps, '2026-12-04', {}, doc('docs/staging-notes.md', `# Staging notes\n\n${line}`, 2));
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
  });

  it('a later document that only names the key and says nothing decides nothing: the declare stands', () => {
    const steps: Step[] = [
      { subject: 'payout config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '50'], production: ['', '50'] } },
      { subject: 'staging only: payout batch 500', date: '2026-10-01T10:00:00Z', set: { staging: ['50', '500'] } },
      { subject: 'staging notes', date: '2026-11-10T10:00:00Z', touched: ['docs/staging-notes.md'] },
    ];
    const line = 'PAYOUT_BATCH is 500 in staging; payouts there run against the bank sandbox.';
    const v = judge('PAYOUT_BATCH', steps, '2026-12-04', {}, doc('docs/staging-notes.md', `# Staging notes\n\n${line}`, 2));
    expect(v.suggested).toBe('declare');
  });
});

// Values written apart in one commit: the declare is sure only where the commit says why the
// environments differ. Naming them is no reason.
describe('a difference born in one commit is a sure declare only on a stated reason', () => {
  const born = (subject: string, body: string, key = 'WORKER_POOL'): ReturnType<typeof judge> =>
    judge(key, [{ subject, body, date: '2026-10-20T10:00:00Z', set: { staging: ['', '4'], production: ['', '16'] } }], '2026-12-04');

  it.each([
    ['Move workers to the shared pool', 'The old pool is retired. Production and staging both get the shared pool.'],
    ['worker settings for staging and production', ''],
    ['Worker-Pool umgestellt', 'Staging und Produktion bekommen beide den neuen Pool.'],
  ])('names only: %s', (subject, body) => {
    const v = born(subject, body);
    expect(v.suggested).toBe('declare');
    expect(v.confidence, v.reasons.join('\n')).toBeLessThan(0.6);
    expect(v.question).toMatch(/says nothing about why/);
  });

  it.each([
    ['worker pools per environment', 'production runs 16 workers for the peak traffic; staging 4 to save cost.'],
    ['worker pools', 'staging -> 4 workers (shared node), production -> 16.'],
    ['worker pools', 'Each environment with its own pool size, sized by its traffic.'],
    ['Worker-Pools', 'Produktion 16 Worker wegen der Spitzenlast.'],
  ])('a reason per environment: %s / %s', (subject, body) => {
    const v = born(subject, body);
    expect(v.suggested).toBe('declare');
    expect(v.confidence, v.reasons.join('\n')).toBeGreaterThanOrEqual(0.6);
  });
});

describe('environments each given their own value in a clause of their own is a per-environment design', () => {
  it.each([
    ['worker pools', 'production 16 workers (own node pool), staging 4 on the shared nodes.'],
    ['worker pools', 'staging: 4 workers; production: 16 workers.'],
    ['Worker-Pools', 'Produktion bekommt 16 Worker, Staging 4.'],
  ])('%s / %s', (subject, body) => {
    const v = judge('WORKER_POOL', [{ subject, body, date: '2026-10-20T10:00:00Z', set: { staging: ['', '4'], production: ['', '16'] } }], '2026-12-04');
    expect(v.confidence, v.reasons.join('\n')).toBeGreaterThanOrEqual(0.6);
  });
});

// A rollout waits for its gate ("if the soak is clean, prod next"); a later report that the gate
// was not met makes it a question, however sure the plan was.
describe('a gate a later report says was not met makes a rollout a question', () => {
  const story = (subject: string, body: string, path: string, text: string, key = 'CACHE_SHARDS') =>
    judge(
      key,
      [
        { subject: 'cache config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '4'], production: ['', '4'] } },
        { subject, body, date: '2026-11-10T10:00:00Z', set: { staging: ['4', '8'] } },
        { subject: 'report', date: '2026-11-20T10:00:00Z', touched: [path] },
      ],
      '2026-12-04',
      {},
      doc(path, text, 2),
    );

  it.each([
    [
      'staging: cache shards 8 for the soak test',
      'if the soak test is clean, production next',
      'docs/soak/cache-shards-8.md',
      '# Cache shards 8 — soak test, staging\n\nResult: failed. Evictions spiked on day two; a re-run is needed.',
    ],
    [
      'staging: 8 cache shards for the failover drill',
      'Production follows once the failover drill passes.',
      'docs/drills/2026-11.md',
      '# Failover drill, November\n\nCACHE_SHARDS=8 in staging: the failover drill did not pass, replica promotion took 90 s.',
    ],
    [
      'Staging: Cache-Shards 8 für den Lasttest',
      'Prod folgt, sobald der Lasttest grün ist.',
      'docs/lasttest.md',
      '# Cache-Shards 8 Lasttest Staging\n\nErgebnis: nicht aussagekräftig, der Lasttest wird wiederholt.',
    ],
  ])('%s', (subject, body, path, text) => {
    const v = story(subject, body, path, text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/not met/);
  });

  it('a report that the gate passed is no such report', () => {
    const v = story(
      'staging: cache shards 8 for the soak test',
      'if the soak test is clean, production next',
      'docs/soak/cache-shards-8.md',
      '# Cache shards 8 — soak test, staging\n\nResult: clean, nothing failed over the week.',
    );
    expect(v.question ?? '').not.toMatch(/not met/);
  });
});

// Kept to one environment until an event with no date: a time limit whose end is open, a question.
describe('a keep "until <event>" with no date is at most 0.5, asking whether the event has come', () => {
  it.each([
    ['staging only until the vendor certifies our tenant'],
    ['Only staging, until the new fraud rules are signed off by risk.'],
    ['Nur in Staging, bis die Lizenz da ist.'],
  ])('%s', (subject) => {
    const v = judge(
      'FRAUD_RULES',
      [
        { subject: 'fraud config', date: '2026-03-01T10:00:00Z', set: { staging: ['', 'v1'], production: ['', 'v1'] } },
        { subject, date: '2026-11-10T10:00:00Z', set: { staging: ['v1', 'v2'] } },
      ],
      '2026-12-04',
    );
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
    expect(v.confidence, v.reasons.join('\n')).toBeLessThanOrEqual(0.5);
    expect(v.question).toBeTruthy();
  });
});
