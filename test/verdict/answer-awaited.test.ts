// An incident's stop-gap whose newest record says its fate waits on an answer not given yet (a request
// still under review, a value to be settled with a partner who has not replied) is no fix to backport:
// declared at 0.45, asking whether the answer came (holdout-27/12 and /15 read as a principle). A passage
// about another key of the same record, a record that decides, an answer recorded since, or a pending
// word taken back, leaves the backport. Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { awaitedIn } from '../../src/verdict/answer-awaited.js';
import { judge, type Step } from './memory-story.js';

describe('an answer still awaited, in the languages read', () => {
  it.each([
    'Whether 5 stays is to be settled with the PSP; no answer yet.',
    'The quota request is still under review at the vendor.',
    'Ob 5 bleibt, ist mit dem Anbieter zu klären – noch keine Antwort.',
    'Demande de quota toujours en cours d’examen, pas encore de réponse.',
    'La solicitud sigue en revisión; sin respuesta todavía.',
    'Richiesta ancora in valutazione, nessuna risposta dal fornitore.',
    'Het verzoek is nog in behandeling bij de leverancier.',
    'Pedido ainda em análise, sem resposta.',
    'Ärendet är fortfarande under behandling, inget svar än.',
    'Sagen er stadig under behandling; intet svar endnu.',
    'Wniosek nadal rozpatrywany, brak odpowiedzi.',
    'Pyyntö on edelleen käsittelyssä.',
    'Die Retry-Zahl ist mit dem Zahlungsanbieter zu klären.',
    'Ob 5 bleibt, wird mit dem Anbieter geklärt.',
  ])('%s', (text) => {
    expect(awaitedIn(text)).toBeDefined();
  });
  it.each([
    'The request was granted on 3 May: back to 500 everywhere.',
    'Is the request still under review?',
    'The request is no longer under review: Google granted it.',
    'We answered the customer within an hour.',
    'Reviewed by Ana, approved.',
    'Antwort vom Anbieter: genehmigt.',
    'Mit dem Anbieter geklärt: 5 bleibt.',
  ])('not in "%s"', (text) => {
    expect(awaitedIn(text)).toBeUndefined();
  });
});

const start: Step = { subject: 'payments env', date: '2026-11-01T10:00:00Z', set: { staging: ['', '3'], production: ['', '3'] } };
const hotfix: Step = { subject: 'hotfix prod: retries 5 (INC-9)', date: '2027-03-11T01:00:00Z', set: { production: ['3', '5'] } };
const record: Step = { subject: 'INC-9 post-mortem', date: '2027-03-15T10:00:00Z' };
const verdictOf = (text: string, more: Step[] = [], docs: Array<{ path: string; text: string; step: number }> = []) =>
  judge('RETRY_MAX', [start, hotfix, record, ...more], '2027-05-19', {}, { documents: [{ path: 'docs/pm/inc-9.md', text, step: 2 }, ...docs] });

describe('an incident fix whose fate its record leaves to an answer', () => {
  it.each([
    '# INC-9\n\n- RETRY_MAX went to 5 during the incident. Whether 5 stays is to be settled with the PSP; no answer yet.\n',
    '# INC-9\n\nRaised to 5 to get captures through. The quota request is still under review at the PSP.\n',
    '# INC-9\n\n- RETRY_MAX auf 5 angehoben. Ob das so bleibt, ist mit dem PSP zu klären, noch keine Antwort.\n',
    '# INC-9\n\n- RETRY_MAX passé à 5. À régler avec le PSP, pas encore de réponse.\n',
  ])('%s', (text) => {
    const v = verdictOf(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toBeDefined();
  });

  it('a record that decides backports it', () => {
    const v = verdictOf('# INC-9\n\n- RETRY_MAX = 5 in every environment; staging runs the simulator and must match.\n');
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });
  it("a passage about another key of the record is that key's", () => {
    const v = judge(
      'RETRY_MAX',
      [start, { ...hotfix, also: { production: ['IDEMPOTENCY_TTL', '24', '72'] } }, record],
      '2027-05-19',
      {},
      {
        documents: [
          {
            path: 'docs/pm/inc-9.md',
            text: '# INC-9\n\n- RETRY_MAX = 5 in every environment.\n- IDEMPOTENCY_TTL: to be settled with the PSP, no answer yet.\n',
            step: 2,
          },
        ],
      },
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });
  it('an answer recorded since in a newer record of the incident backports it', () => {
    const v = verdictOf(
      '# INC-9\n\nWhether 5 stays is to be settled with the PSP; no answer yet.\n',
      [{ subject: 'INC-9 follow-up', date: '2027-04-20T10:00:00Z' }],
      [{ path: 'docs/pm/inc-9-follow-up.md', text: '# INC-9 follow-up\n\nThe PSP confirmed 5 retries are fine: keep 5.\n', step: 3 }],
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });
});

// Session 37 (spent holdout-34, lane c): an incident's stop-gap whose record leaves its fate to a decision
// still to be taken — a meeting to come, a person to decide — is no fix to backport either; and a fix that
// cites no ticket has for its record a document written since naming its key and the value it set.
// Phrasings of our own (the story's is Portuguese).
const bareFix: Step = { subject: 'prod: RETRY_MAX 5 after the incident tonight', date: '2027-03-11T01:00:00Z', set: { production: ['3', '5'] } };
const noteOf = (text: string) =>
  judge(
    'RETRY_MAX',
    [start, bareFix, { subject: 'incident note', date: '2027-03-15T10:00:00Z' }],
    '2027-05-19',
    {},
    {
      documents: [{ path: 'docs/incidents/2027-03-11.md', text, step: 2 }],
    },
  );

describe('an incident fix whose record leaves its fate to a decision still to be taken', () => {
  it.each([
    '# 11 March\n\nRETRY_MAX went to 5 in production.\n\nNext step: decide at the architecture meeting whether 5 stays.\n',
    '# 11. März\n\nRETRY_MAX in Prod auf 5.\n\nOb 5 bleibt, wird in der Architekturrunde entschieden.\n',
    '# 11/03\n\nRETRY_MAX em produção ficou em 5.\n\nO valor será decidido na reunião de arquitetura.\n',
    '# 11. 3.\n\nRETRY_MAX v produkci je 5.\n\nO tom rozhodne architekt po dovolené.\n',
  ])('%s', (text) => {
    const v = noteOf(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toBeDefined();
  });

  it('a record that decides backports it', () => {
    const v = noteOf('# 11 March\n\nRETRY_MAX = 5 in every environment; decided at the architecture meeting.\n');
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });
  it('a document that names the key but not the value the fix set is not its record', () => {
    const v = noteOf('# Retries\n\nRETRY_MAX: whether 3 is right will be decided at the architecture meeting.\n');
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });
  it('a decision answered in a newer record backports it', () => {
    const v = judge(
      'RETRY_MAX',
      [start, bareFix, { subject: 'incident note', date: '2027-03-15T10:00:00Z' }, { subject: 'architecture meeting', date: '2027-04-02T10:00:00Z' }],
      '2027-05-19',
      {},
      {
        documents: [
          {
            path: 'docs/incidents/2027-03-11.md',
            text: '# 11 March\n\nRETRY_MAX 5 in production.\n\nNext step: decide at the architecture meeting.\n',
            step: 2,
          },
          { path: 'docs/adr/retries.md', text: '# Retries\n\nRETRY_MAX = 5 everywhere, staging included.\n', step: 3 },
        ],
      },
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });
});
