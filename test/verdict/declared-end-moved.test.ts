// Session 31 (spent holdout-28, lane c): an expired declaration and what was decided about its end.
// A record that moves the end from one day to a later one ("the end date changes from 31/03 to
// 30/09") is a plan moved, whatever plain verb says so; and a decision record that moves the declared
// end decided to keep the difference until then — an approval in it approves the extension, never the
// end it postponed. Phrasings and situations of their own, none from a verdict story; with near misses.
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../src/verdict/answered.js';
import { judge, type Step } from './memory-story.js';

const WRITTEN = '2027-03-24T10:00:00Z';
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a day changed to a later one is a plan moved', () => {
  it.each([
    ['The switch-off date changes from 31/03 to 30/09/2027 for the partner banks.', '2027-09-30'],
    ['La fecha de corte pasa del 31/03 al 30/09/2027.', '2027-09-30'],
    ['La date de coupure passe du 31/03 au 30/09/2027.', '2027-09-30'],
    ['La data di spegnimento passa dal 31/03 al 30/09/2027.', '2027-09-30'],
    ['O prazo muda de 31/03 para 30/09/2027.', '2027-09-30'],
    ['Das Abschaltdatum ändert sich von 31.03. auf 30.09.2027.', '2027-09-30'],
    ['De uitschakeldatum wijzigt van 31 maart naar 30 september 2027.', '2027-09-30'],
    ['Slutdatumet ändras från 2027-03-31 till 2027-09-30.', '2027-09-30'],
  ])('%s', (sentence, on) => {
    expect(statusOf(sentence, WRITTEN)).toMatchObject({ says: 'moved', on });
  });

  it.each([
    // Not a day it moves from: a place, an environment.
    ['The cipher change passes from staging to production on 30/09/2027.'],
    ['A mudança passa para produção em 30/09/2027.'],
    // A span, not a move.
    ['The maintenance window runs from 10/05 to 31/05.'],
    // Earlier, not later: brought forward is no extension.
    ['La fecha de corte pasa del 30/09 al 31/03.'],
    // Asked, not said.
    ['Does the end date change from 31/03 to 30/09?'],
  ])('not moved: %s', (sentence) => {
    expect(statusOf(sentence, WRITTEN)?.says).not.toBe('moved');
  });
});

describe('a decision record that moves the declared end keeps the difference until the new end', () => {
  const steps: Step[] = [
    { subject: 'gateway settings', date: '2026-11-02T09:00:00Z', set: { staging: ['', 'true'], production: ['', 'true'] } },
    {
      subject: 'SEC-77: weak signatures off in staging; production until 31/03',
      body: 'The end date was announced to the merchants in December.',
      date: '2027-01-12T10:00:00Z',
      set: { staging: ['true', 'false'] },
    },
    { subject: 'security board notes', date: WRITTEN, touched: ['docs/security/board-2027-03-24.md'] },
  ];
  const declared = {
    reason: 'weak-signature sunset (SEC-77), production keeps them until the announced date',
    expires: '2027-03-31',
    allowed: { staging: 'false', production: 'true' },
  };
  const board = (decision: string, approval: string) => ({
    path: 'docs/security/board-2027-03-24.md',
    step: 2,
    text: `# Security board, 24 March 2027\n\n## SEC-77 weak signatures\n- A large merchant's terminals cannot sign otherwise before their update in August.\n- ${decision}\n- ${approval}\n`,
  });

  it.each([
    ['Decision: the end date in production changes from 31/03 to 30/09/2027.', 'Approved by the CISO.'],
    ['Entscheidung: das Enddatum in Production ändert sich von 31.03. auf 30.09.2027.', 'Vom CISO genehmigt.'],
    ['Décision : la date de fin en production passe du 31/03 au 30/09/2027.', 'Approuvé par le RSSI.'],
    ['Decisión: la fecha de fin en producción pasa del 31/03 al 30/09/2027.', 'Aprobado por el CISO.'],
    ['Decision: production end extended to 30 September 2027.', 'Approved by the CISO.'],
  ])('"%s" — declared until the new end', (decision, approval) => {
    const v = judge('ALLOW_WEAK_SIGNATURES', steps, '2027-05-12', {}, { declared, documents: [board(decision, approval)] });
    expect(v, why(v)).toMatchObject({ suggested: 'declare', expires: '2027-09-30' });
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('an approval of the end as planned still lets production follow', () => {
    const v = judge(
      'ALLOW_WEAK_SIGNATURES',
      steps,
      '2027-05-12',
      {},
      {
        declared,
        documents: [board('Decision: production switches them off on 31/03 as announced.', 'Approved by the CISO.')],
      },
    );
    expect(v.suggested, why(v)).toBe('backfill');
  });

  it('an end moved to a day already past moves nothing past the declaration', () => {
    const v = judge(
      'ALLOW_WEAK_SIGNATURES',
      steps,
      '2027-05-12',
      {},
      {
        declared,
        documents: [board('Decision: the end date in production changes from 31/03 to 31/03/2027.', 'Approved by the CISO.')],
      },
    );
    expect(v.reasons.join('\n'), why(v)).not.toContain('moves its end');
  });
});
