// An end written into the clause that keeps ANOTHER environment apart ("production stays on until
// OPS-88 is closed") bounds that environment's wait, not the change: reported met later, the kept
// environment follows the change (backfill, at most a lean), and the change is never undone. A
// ticket reported closed and later reopened is not closed: the latest word on it decides. Phrasings
// of our own, in memory (memory-story.ts): no git.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2027-03-02';
const LOG = 'docs/tickets.md';

/** staging switched the key; its commit keeps production apart (or not) in `body`; later texts follow. */
const story = (body: string, later: Step[] = []): Step[] => [
  { subject: 'service config', date: '2026-08-18T09:30:00Z', set: { staging: ['', 'true'], production: ['', 'true'] } },
  { subject: 'turn the legacy export off in staging', body, date: '2026-11-12T12:45:00Z', set: { staging: ['true', 'false'] }, touched: [LOG] },
  ...later,
];
const logAt = (step: number, text: string) => ({ path: LOG, step, text: `# Ops tickets\n\n${text}\n` });
const explainOf = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe("an end that bounds another environment's keep, reported met: that environment follows", () => {
  it.each([
    [
      'a ticket log row, closed',
      'production stays on until OPS-88 is closed (finance still reads the file).',
      '| OPS-88 | move finance reports off the legacy export | closed 2027-02-03, signed off by finance |',
    ],
    [
      'keeps, till, a status cell in German',
      'Production keeps the export till OPS-88 is done; finance depends on it.',
      '- OPS-88 — finance reports moved — Status: erledigt',
    ],
    [
      'remains, until, a row in Italian',
      'The export remains on in prod until OPS-88 is resolved.',
      '| OPS-88 | report finanziari migrati | chiuso il 2027-02-03 |',
    ],
    ['stays, until, a French line', 'Prod stays as is until OPS-88 is closed.', '- OPS-88 : migration des rapports — terminé le 03/02/2027'],
  ])('%s', (_what, body, report) => {
    const v = judge(
      'exports.legacy',
      story(body, [{ subject: 'ticket log', date: '2027-02-03T16:12:00Z', touched: [LOG] }]),
      TODAY,
      {},
      {
        documents: [logAt(2, report)],
      },
    );
    expect(v, explainOf(v)).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'false' });
    // A text's report, not a go given for production: a lean at most.
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it('a commit message that closes the ticket is a report too', () => {
    const later: Step[] = [{ subject: 'OPS-88 closed: finance reports built from parquet since January', date: '2027-02-03T16:12:00Z' }];
    const v = judge('exports.legacy', story('production stays on until OPS-88 is closed.', later), TODAY);
    expect(v, explainOf(v)).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'false' });
  });
});

describe('not a follow', () => {
  it('the ticket reported closed, then reopened: nothing moves, and the change is not undone', () => {
    const later: Step[] = [
      { subject: 'OPS-88 closed', date: '2027-02-03T16:12:00Z' },
      { subject: 'update ticket log', date: '2027-02-20T10:00:00Z', touched: [LOG] },
    ];
    const v = judge(
      'exports.legacy',
      story('production stays on until OPS-88 is closed.', later),
      TODAY,
      {},
      {
        documents: [logAt(3, '- OPS-88 — finance reports — reopened 2027-02-20: the January close still reads the CSV')],
      },
    );
    expect(v.suggested, explainOf(v)).toBe('declare');
  });

  it.each([
    ['Italian', '- OPS-88 — report finanziari — RIAPERTO 2027-02-20: la chiusura di gennaio legge ancora il CSV'],
    ['French', '- OPS-88 — rapports finance — rouvert le 20/02/2027'],
    ['Spanish', '- OPS-88 — informes de finanzas — reabierto el 20/02/2027'],
  ])('reopened, in %s', (_lang, reopened) => {
    const later: Step[] = [
      { subject: 'OPS-88 closed', date: '2027-02-03T16:12:00Z' },
      { subject: 'update ticket log', date: '2027-02-20T10:00:00Z', touched: [LOG] },
    ];
    const v = judge('exports.legacy', story('production stays on until OPS-88 is closed.', later), TODAY, {}, { documents: [logAt(3, reopened)] });
    expect(v.suggested, explainOf(v)).toBe('declare');
  });

  it('the ticket still open: production keeps its value, declared', () => {
    const later: Step[] = [{ subject: 'ticket log', date: '2027-02-03T16:12:00Z', touched: [LOG] }];
    const v = judge(
      'exports.legacy',
      story('production stays on until OPS-88 is closed.', later),
      TODAY,
      {},
      {
        documents: [logAt(2, '| OPS-88 | move finance reports | open |')],
      },
    );
    expect(v.suggested, explainOf(v)).toBe('declare');
  });

  it("an end on the change's own environment still ends the change: staging goes back, production is not moved", () => {
    const later: Step[] = [{ subject: 'OPS-88 closed: the export test is over', date: '2027-02-03T16:12:00Z' }];
    const v = judge('exports.legacy', story('Staging stays off until OPS-88 is closed, to test the new exporter.', later), TODAY);
    expect(v, explainOf(v)).not.toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
});
