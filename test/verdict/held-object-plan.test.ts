// A plan for a live edit names the object it scales or sets, not the field's key: "storefront prod:
// kubectl scale auf 10 …, bis 12.11., danach wieder 4" (spent holdout-20/23: read as "nobody wrote a
// word", declared at 0.45 three weeks after the stated end). A document naming the live object that
// holds the field, in the edited environment, with the live or the file's value, gives the edit its
// fate; a passed end puts the file's value back. Objects, values and phrasings of their own.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const ENVS = ['staging', 'prod'];
const TODAY = '2026-12-05';
const EDIT = '2026-11-20T18:30:00Z';
const byHand = { manager: 'kubectl', operation: 'Update', time: EDIT, exact: false, human: true, kind: 'human' as const };

const commit = (date: string, path: string): Message => ({
  sha: 'd'.repeat(40),
  parents: [],
  author: 'Ola',
  email: 'o@x',
  date,
  committed: date,
  subject: 'event plan',
  body: '',
  files: [path],
});
/** A log of one document, written an hour before the edit unless said. */
const docLog = (path: string, text: string, date = '2026-11-20T17:30:00Z') => buildLog(new Map(), [commit(date, path)], [{ path, sha: 'd'.repeat(40), text }]);

const drift = (): Divergence =>
  ({
    id: 'replicas',
    key: 'replicas',
    kind: 'live-drift',
    severity: 'drift',
    envs: ['prod'],
    values: {
      staging: { repo: '3', live: null, at: null, type: 'number' },
      prod: { repo: '3', live: '12', at: null, type: 'number', liveSource: 'snapshot captures/prod.yaml Deployment/catalog-api .spec.replicas' },
    },
    declared: false,
    contract: null,
    notes: [],
    provenance: { prod: byHand },
  }) as unknown as Divergence;
const judgeWith = (path: string, text: string, date?: string) =>
  explain(drift(), {}, { promotion: ENVS, environments: ENVS, today: TODAY, log: docLog(path, text, date) });

describe('a plan naming the live object, its environment and the value, with an end', () => {
  it.each([
    ['German list item', 'docs/events/bf.md', '# Black Friday\n\n- catalog-api prod: am 20.11. per kubectl scale auf 12, bis 23.11., dann wieder 3\n'],
    ['English sentence', 'runbooks/black-friday.md', 'For Black Friday we scale catalog-api in prod to 12 pods until November 23, then back to 3.\n'],
    ['English, a kubectl line and its end', 'ops/peak.md', '`kubectl -n shop scale deploy/catalog-api --replicas=12` on prod, revert to 3 after 2026-11-23.\n'],
  ])("%s: past its end, the file's value goes back live", (_what, path, text) => {
    const v = judgeWith(path, text);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'prod', '3']);
    expect(v.reasons.join('\n')).toMatch(/lasts until 2026-11-23, which passed/);
  });

  it('an end still ahead: declared until then, with the question', () => {
    const v = judgeWith('docs/events/peak.md', '- catalog-api prod: scale to 12 until 2026-12-20, then back to 3\n');
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.expires).toBe('2026-12-20');
  });

  it.each([
    ['another environment', 'docs/events/bf.md', '- catalog-api staging: scale to 12 until Nov 23, then back to 3\n'],
    ['the object without a value', 'docs/events/bf.md', '- catalog-api prod: watch the dashboards until Nov 23, then back to normal\n'],
    ['another object', 'docs/events/bf.md', '- search-api prod: scale to 12 until Nov 23, then back to 3\n'],
    ['a plan from months before', 'docs/events/bf.md', '- catalog-api prod: scale to 12 until Nov 23, then back to 3\n', '2026-06-01T10:00:00Z'],
  ])('%s: no fate, still the question', (_what, path, text, date?: string) => {
    const v = judgeWith(path, text, date);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
  });
});

// A put-back read as done now (spent23a's action-item reader, and "back to 3" before it) scaled a
// peak's replicas down a fortnight before the date its own line gives: one with its own time or
// condition is a plan, judged against today like the plans above.
describe('a put-back with its own time or condition still ahead is a plan, not an undo now', () => {
  it.each([
    ['after a date', '`kubectl -n shop scale deploy/catalog-api --replicas=12` on prod, revert to 3 after 2026-12-20.\n'],
    ['once an event is over', 'catalog-api prod scaled to 12 for the peak; restore to 3 once the peak is over (after Dec 20).\n'],
    ['on a day', 'catalog-api prod: 12 replicas for the sale, set back to 3 on 2026-12-20.\n'],
  ])('%s: declared until then', (_what, text) => {
    const v = judgeWith('ops/peak.md', text);
    expect([v.suggested, v.expires], v.reasons.join('\n')).toEqual(['declare', '2026-12-20']);
  });
  it.each([
    ['an action item without a time', 'catalog-api prod: 12 replicas for the sale; reset catalog-api in prod to 3.\n'],
    ['a return said done', 'catalog-api prod: 12 replicas for the sale, now back to 3.\n'],
  ])('%s: the file value goes back live', (_what, text) => {
    const v = judgeWith('ops/peak.md', text);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'prod', '3']);
  });
});

describe('"as soon as possible" is urgency, not a condition', () => {
  it.each(['catalog-api prod: 12 replicas were a mistake; restore catalog-api in prod to 3 as soon as possible.\n'])('%s', (text) => {
    const v = judgeWith('ops/peak.md', text);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'prod', '3']);
  });
});
