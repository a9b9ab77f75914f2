// Session 36 (sp33a): a test setting whose commit declared the difference in the contract with a reason
// and an expiry has its end in that entry: once the expiry has passed, the test is over and the value goes
// back, whatever language the commit message is in, or when it names the test and no end. A declaration
// whose reason states no test (a residency rule reviewed yearly, a measure waiting for a vendor's fix),
// or one a later commit wrote, keeps its expiry as a review or an estimate. Situations and phrasings of
// their own: a vendor's load or performance test; messages in Thai, Greek, English, reasons in English,
// German, French; negatives.
import { describe, expect, it } from 'vitest';
import type { Divergence, EnvName, HistoryEvent } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { why } from './log-builders.js';

const ENVS = ['staging', 'production'];
const KEY = 'RATE_LIMIT_BURST';
const sha = (n: number) => n.toString(16).padStart(40, 'c');

function message(n: number, date: string, subject: string, body = ''): Message {
  return { sha: sha(n), parents: n > 1 ? [sha(n - 1)] : [], subject, body, author: `A${n}`, email: `a${n}@x.test`, date, committed: date };
}

/** Staging's burst raised from 50 to 5000 by commit 2 (`subject`, `body`); the contract entry's reason and
 * expiry written by commit `declaredBy` (2: the change itself; 3: a later commit); judged on `today`. */
function judgeStale(o: { subject: string; body?: string; reason: string; expires: string; declaredBy?: 2 | 3; today?: string }) {
  const made = message(2, '2027-03-02T09:00:00Z', o.subject, o.body ?? '');
  const messages = [message(1, '2026-10-01T09:00:00Z', 'rate limits per env'), made];
  if (o.declaredBy === 3) messages.push(message(3, '2027-03-05T09:00:00Z', 'contract: declare the burst'));
  const by = messages.find((m) => m.sha === sha(o.declaredBy ?? 2))!;
  const ev = (m: Message, env: EnvName, from: string | null, to: string, order: number): HistoryEvent => ({
    ...m,
    commit: m.sha,
    file: `deploy/${env}.env`,
    from,
    to,
    merge: false,
    revert: false,
    order,
  });
  const n = messages.length;
  const events: Record<EnvName, HistoryEvent[]> = {
    staging: [ev(made, 'staging', '50', '5000', n - 2), ev(messages[0]!, 'staging', null, '50', n - 1)],
    production: [ev(messages[0]!, 'production', null, '50', n - 1)],
  };
  const field = (name: string, to: string) =>
    [`expected_differences.${KEY}.${name}`, [{ ...ev(by, 'staging', null, to, n - (o.declaredBy ?? 2)), file: 'config/expected-env-diff.yaml' }]] as [
      string,
      HistoryEvent[],
    ];
  const contractHistory = new Map([field('reason', o.reason), field('expires', o.expires)]);
  const d = {
    id: KEY,
    key: KEY,
    kind: 'stale-declaration',
    severity: 'drift',
    envs: ENVS,
    values: {
      staging: { repo: '5000', live: null, at: { file: 'deploy/staging.env', line: 2, column: 1 }, type: 'string' },
      production: { repo: '50', live: null, at: { file: 'deploy/production.env', line: 2, column: 1 }, type: 'string' },
    },
    declared: true,
    contract: { key: KEY, location: 'config/expected-env-diff.yaml:2', allowed: {}, reason: o.reason, expires: o.expires, expired: true },
    notes: [],
  } as unknown as Divergence;
  const log = buildLog(new Map(ENVS.map((e) => [e, new Map([[KEY, events[e]!]])])), [...messages].reverse());
  return explain(d, events, { promotion: ENVS, environments: ENVS, today: o.today ?? '2027-04-20', log, contractHistory });
}

describe('a test declared with its expiry ends on that day', () => {
  it.each([
    ['Thai message, load test reason', 'staging: เพิ่ม burst สำหรับทดสอบ', '', 'load test by the vendor needs a high burst in staging'],
    ['Greek message, German reason', 'staging: αύξηση burst', 'για τον έλεγχο του προμηθευτή', 'für den Lasttest des Anbieters (ACME)'],
    ['Greek message, French reason', 'staging: αύξηση burst', '', 'pour le test de charge du fournisseur'],
    ['English message naming the test, no end', 'staging: burst 5000 for the performance test', '', 'performance test by the vendor'],
  ])('%s: staging goes back to production’s value', (_what, subject, body, reason) => {
    const v = judgeStale({ subject, body, reason, expires: '2027-03-31' });
    expect([v.suggested, v.drifted, v.value], why(v)).toEqual(['revert', 'staging', '50']);
    expect(v.reasons.join('\n')).toContain("the change's own end");
  });

  it.each([
    ['a reason with no test: a rule reviewed yearly', 'staging: burst 5000', 'partner API residency rule, reviewed yearly'],
    ['a measure waiting for a vendor’s fix', 'staging: burst 5000', 'until the vendor fixes the retry loop'],
  ])('%s: the expiry is no end of the value', (_what, subject, reason) => {
    const v = judgeStale({ subject, reason, expires: '2027-03-31' });
    expect(v.reasons.join('\n'), why(v)).not.toContain("the change's own end");
  });

  it('an entry a later commit wrote is that commit’s word, not the change’s end', () => {
    const v = judgeStale({ subject: 'staging: เพิ่ม burst สำหรับทดสอบ', reason: 'load test by the vendor', expires: '2027-03-31', declaredBy: 3 });
    expect(v.reasons.join('\n'), why(v)).not.toContain("the change's own end");
  });
});
