// A change that held the next environment back for someone's go or an approval is decided by the
// later text that gives it, wherever that text is: a committed change record, the body of a merge of
// another branch, a closing commit. Linked by the gate the change named (its ticket, the person whose
// go it waits for), never by a go for another key, another environment, or one still set as a condition.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { goGate } from '../../src/verdict/approval.js';
import type { Document, Message } from '../../src/verdict/log.js';

const PEOPLE = ['Sofia', 'Marek', 'Ines', 'Priya'];

describe('the gate a change sets for the environment it holds back', () => {
  it.each([
    ['a person, English', 'Production stays off until Sofia gives the go.', { people: ['Sofia'] }],
    [
      'a ticket and a board',
      'Prod is not in this commit: the payment key is in scope of the change process, CHG-88 is raised for the next CAB.',
      { tickets: ['CHG-88'] },
    ],
    ['a person, German', 'Produktion erst nach Freigabe durch Marek.', { people: ['Marek'] }],
    ['a person, Spanish', 'Producción espera el visto bueno de Priya.', { people: ['Priya'] }],
    ['a person, French', 'La production attend le feu vert de Ines.', { people: ['Ines'] }],
    ['a handle and a sign-off', 'production: waiting for @priya to sign off', { people: ['Priya'] }],
  ])('%s', (_what, text, expected) => {
    const gate = goGate(text, 'production', PEOPLE);
    expect(gate, text).toBeDefined();
    if ('people' in expected) expect(gate!.people).toEqual(expected.people);
    if ('tickets' in expected) expect(gate!.tickets).toEqual(expected.tickets);
  });

  it.each([
    ['nobody and no ticket named', 'Production stays off until we get the go.'],
    ['a question', 'Should production wait for Sofia to give the go?'],
    ['another environment held', 'Staging waits for Sofia to give the go.'],
    ['a person named, no go awaited', 'Production stays as it is, Sofia owns the rollout plan.'],
  ])('no gate: %s', (_what, text) => {
    expect(goGate(text, 'production', PEOPLE)).toBeUndefined();
  });
});

describe('the later go decides, wherever it is written', () => {
  const KEY = 'features.checkoutSummaryV2';
  const lea = messagesBy('Lea Hoffmann', 'lea@x', 'a');
  const sofia = messagesBy('Sofia Marin', 'sofia@x', 'b');
  const olaf = messagesBy('Olaf Brandt', 'olaf@x', 'c');
  const created = lea('2026-09-01T10:00:00Z', 'storefront config per environment');
  const TODAY = '2026-12-04';

  /** staging's KEY moved false → true by `change`; production still false; later `messages` and `docs`. */
  const judge = (change: Message, later: Message[], docs: Array<Omit<Document, 'sha'> & { by: Message }> = [], key = KEY) => {
    const first = { ...created };
    const base = (env: string) => eventOf(first, `config/${env}.json`, null, 'false', { merge: false, revert: false });
    const raised: HistoryEvent = eventOf(change, 'config/staging.json', 'false', 'true', { merge: false, revert: false });
    const history = { staging: [raised, base('staging')], production: [base('production')] };
    return explainCrossEnv({
      key,
      history,
      messages: [...later, ...docs.map((d) => d.by), change, first].filter((m, i, all) => all.findIndex((x) => x.sha === m.sha) === i),
      values: { staging: 'true', production: 'false' },
      type: 'boolean',
      today: TODAY,
      documents: docs.map(({ by, ...doc }) => ({ ...doc, sha: by.sha })),
    });
  };
  const held = lea(
    '2026-11-06T15:45:00Z',
    'feat(checkout): enable summary v2 on staging',
    'For the usability sessions. Production stays off until Sofia gives the go.',
  );
  const moved = (v: ReturnType<typeof judge>) => v.suggested === 'backfill' && v.drifted === 'production';

  it("the person's go in the body of a merge of an unrelated branch (German)", () => {
    const merge: Message = {
      ...sofia(
        '2026-11-20T14:30:00Z',
        "Merge branch 'fix/catalog-retry'",
        'Unrelated: the checkout summary v2 sessions are done, no blockers. Freigabe für Produktion ab 24.11. — Sofia',
      ),
      parents: ['1'.repeat(40), '2'.repeat(40)],
    };
    const v = judge(held, [merge]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
    expect(v.reasons.join('\n')).toMatch(/Freigabe für Produktion/);
  });

  it("the person's go in a commit of their own that changed something else (English)", () => {
    const note = sofia('2026-11-25T09:00:00Z', 'copy: new footer text', 'Checkout summary v2: usability round went fine. Green light for production.');
    const v = judge(held, [note]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });

  it("someone else records the person's go in a document (Spanish)", () => {
    const held2 = lea('2026-11-06T15:45:00Z', 'checkout summary v2 en staging', 'Producción espera el visto bueno de Sofia.');
    const doc = olaf('2026-11-26T09:00:00Z', 'docs: acta de la revisión');
    const v = judge(
      held2,
      [],
      [{ path: 'docs/revision.md', text: '# Revisión de checkout\n\nSofia: summary v2 validado en las sesiones, luz verde para producción.\n', by: doc }],
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });

  it('a change record under the ticket the change named, approved, in a table without headers', () => {
    const ticketHeld = lea('2026-11-17T14:31:00Z', 'Enable summary v2 in staging', 'Production is not in this commit: CHG-2291 is raised for the next CAB.');
    const doc = olaf('2026-11-25T08:05:00Z', 'docs: record CHG-2291');
    const v = judge(
      ticketHeld,
      [],
      [
        {
          path: 'docs/changes/CHG-2291.md',
          text:
            '# CHG-2291 — enable the flag in production\n\n| | |\n|---|---|\n| CAB | 2026-11-24 |\n| Decision | **Approved** |\n\n' +
            '## Back-out\n\nSet the flag back to `false` and apply.\n',
          by: doc,
        },
      ],
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
    expect(v.reasons.join('\n')).toMatch(/Decision: Approved/);
  });

  it('a go dated ahead of today: declared until that day, nothing moves yet', () => {
    const note = sofia('2026-11-30T09:00:00Z', 'notes', 'checkout summary v2: go for production from 2026-12-10.');
    const v = judge(held, [note]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', expires: '2026-12-10' });
  });

  it.each([
    ['a go for another environment', sofia('2026-11-25T09:00:00Z', 'notes', 'checkout summary v2: green light for staging only, keep it there.')],
    ['a go still set as a condition', sofia('2026-11-25T09:00:00Z', 'notes', 'checkout summary v2: green light for production once the load test is green.')],
    ['a go for another feature by the same person', sofia('2026-11-25T09:00:00Z', 'notes', 'Gift cards: green light for production.')],
    ['a go asked about', sofia('2026-11-25T09:00:00Z', 'notes', 'checkout summary v2: green light for production?')],
    ['a go negated', sofia('2026-11-25T09:00:00Z', 'notes', 'checkout summary v2: no green light for production yet.')],
  ])('no move: %s', (_what, note) => {
    const v = judge(held, [note]);
    expect(moved(v) && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
    expect(v.reasons.join('\n')).not.toMatch(/the go production was held back for is given/);
  });

  it("a go by someone else, not naming the person, is not the gate's go (the key's own readers weigh it)", () => {
    const v = judge(held, [olaf('2026-11-25T09:00:00Z', 'notes', 'checkout summary v2 looks fine to me. Green light for production.')]);
    expect(v.reasons.join('\n')).not.toMatch(/the go production was held back for is given/);
  });

  it('a refusal written after the go takes it back', () => {
    const go = sofia('2026-11-20T09:00:00Z', 'notes', 'checkout summary v2: green light for production.');
    const no = sofia('2026-11-27T09:00:00Z', 'notes', 'checkout summary v2: rejected for production after the legal review.');
    const v = judge(held, [no, go]);
    expect(v.reasons.join('\n'), v.reasons.join('\n')).not.toMatch(/the go production was held back for is given/);
  });

  it('the same record approving, then further down taking the approval back, decides nothing', () => {
    const ticketHeld = lea('2026-11-17T14:31:00Z', 'Enable summary v2 in staging', 'Prod waits for the approval in RISK-12.');
    const doc = olaf('2026-11-28T08:05:00Z', 'risk: RISK-12 update');
    const v = judge(
      ticketHeld,
      [],
      [
        {
          path: 'docs/risk/RISK-12.md',
          text: '# RISK-12 summary v2\n\n20 Nov: approved for production.\n28 Nov: Freigabe zurückgezogen, Produktion bleibt bei false bis Januar.\n',
          by: doc,
        },
      ],
    );
    expect(v.reasons.join('\n'), v.reasons.join('\n')).not.toMatch(/the go production was held back for is given/);
  });

  it('a change record under another ticket decides nothing', () => {
    const ticketHeld = lea('2026-11-17T14:31:00Z', 'Enable summary v2 in staging', 'Production is not in this commit: CHG-2291 is raised for the next CAB.');
    const doc = olaf('2026-11-25T08:05:00Z', 'docs: record CHG-2300');
    const v = judge(
      ticketHeld,
      [],
      [{ path: 'docs/changes/CHG-2300.md', text: '# CHG-2300 — rotate the TLS certificate\n\n| | |\n|---|---|\n| Decision | **Approved** |\n', by: doc }],
    );
    expect(v.reasons.join('\n'), v.reasons.join('\n')).not.toMatch(/the go production was held back for is given/);
  });
});
