// Session 31 (spent holdout-28): a go beside an item its own text leaves awaiting an answer ("Technically
// ready for production. Open: the processing agreement, with legal, no answer yet") is no go: the
// readiness waits for that answer, and moving production on it (0.55) sent traffic through a vendor
// nobody had signed for. And the nature of a key (a size, a pool: "each environment's own") is a default
// that the change's ticket, at its newest record, saying the value's fate waits on an answer outranks.
// Both are declared at 0.45 with the question. Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2027-11-22';
const base: Step = { subject: 'edge config', date: '2027-02-08T10:00:00Z', set: { staging: ['', 'classic'], production: ['', 'classic'] } };
const trial: Step = { subject: 'staging: trial the new provider (EDGE-4)', date: '2027-09-06T09:00:00Z', set: { staging: ['classic', 'nova'] } };
const report: Step = { subject: 'EDGE-4 evaluation report', date: '2027-10-20T15:00:00Z', touched: ['docs/edge/evaluation.md'] };
const goWith = (text: string) => judge('EDGE_PROVIDER', [base, trial, report], TODAY, {}, { documents: [{ path: 'docs/edge/evaluation.md', text, step: 2 }] });

describe('a go beside an answer still awaited', () => {
  it.each([
    [
      'en',
      '# EDGE-4 evaluation\n\nHit ratio up, latency down. Ready to go live in production.\nOpen: the processing agreement is with legal, no answer yet.\n',
    ],
    ['en, awaiting', '# EDGE-4 evaluation\n\n- OK to roll it out to production.\n- Data processing agreement: awaiting an answer from legal.\n'],
    ['de', '# EDGE-4 Auswertung\n\nOK to roll it out to production.\nOffen: Auftragsverarbeitungsvertrag liegt bei der Rechtsabteilung, noch keine Antwort.\n'],
    [
      'fr',
      '# EDGE-4 évaluation\n\nReady to go live in production.\nOuvert : l’accord de traitement des données est chez le juridique, pas encore de réponse.\n',
    ],
    [
      'es',
      '# EDGE-4 evaluación\n\nRecomendación: nova también en producción.\nPendiente: el acuerdo de tratamiento de datos está con legal, sin respuesta todavía.\n',
    ],
    ['nl', '# EDGE-4 evaluatie\n\nAdvies: nova ook in productie.\nOpen: de verwerkersovereenkomst ligt bij juridische zaken, nog geen antwoord.\n'],
  ])('%s', (_lang, text) => {
    const v = goWith(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toBeDefined();
  });

  it.each([
    ['the go alone', '# EDGE-4 evaluation\n\nHit ratio up, latency down. Ready to go live in production.\n'],
    ['the item answered', '# EDGE-4 evaluation\n\nReady to go live in production.\nThe processing agreement was signed by legal on 3 November.\n'],
    [
      'an answer awaited in another section',
      '# EDGE-4 evaluation\n\nReady to go live in production.\n\n# Other vendors\n\nThe old CDN contract: no answer yet on the refund.\n',
    ],
    ['the awaited item asked as a question', '# EDGE-4 evaluation\n\nReady to go live in production.\nIs the processing agreement still under review?\n'],
  ])('still a go: %s', (_what, text) => {
    const v = goWith(text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'nova' });
  });
});

// A size raised in production against a vendor's limit, its ticket's follow-up written later.
const sizeBase: Step = { subject: 'exporter config', date: '2026-10-01T10:00:00Z', set: { staging: ['', '2048'], production: ['', '2048'] } };
const raised: Step = {
  subject: 'production: bigger export batches against the 429s (OBS-12)',
  date: '2027-01-21T19:00:00Z',
  set: { production: ['2048', '8192'] },
};
const followUp: Step = { subject: 'OBS-12 follow-up', date: '2027-02-10T12:00:00Z', touched: ['docs/obs/obs-12.md'] };
const sized = (text: string, more: Step[] = [], docs: Array<{ path: string; text: string; step: number }> = []) =>
  judge(
    'EXPORT_MAX_SIZE',
    [sizeBase, raised, followUp, ...more],
    '2027-05-03',
    {},
    {
      documents: [{ path: 'docs/obs/obs-12.md', text, step: 2 }, ...docs],
    },
  );

describe("a size whose ticket's newest record waits on an answer", () => {
  it.each([
    ['en', '# OBS-12\n\n- 429s down, but 413s some nights. Asked the vendor which limit applies to our plan: no reply yet.\n'],
    ['de', '# OBS-12\n\n- Weniger 429, aber nachts 413. Beim Anbieter nachgefragt, welches Limit gilt: noch keine Antwort.\n'],
    ['it', '# OBS-12\n\n- Meno 429, ma qualche 413 di notte. Chiesto al fornitore quale limite vale: nessuna risposta.\n'],
    ['pt', '# OBS-12\n\n- Menos 429, mas alguns 413 à noite. Perguntamos ao fornecedor qual limite vale: sem resposta ainda.\n'],
    ['sv', '# OBS-12\n\n- Färre 429, men 413 vissa nätter. Frågat leverantören vilken gräns som gäller: inget svar än.\n'],
  ])('%s', (_lang, text) => {
    const v = sized(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toBeDefined();
  });

  it('a record that answers it leaves the nature of the key', () => {
    const v = sized('# OBS-12\n\n- 429s down. The vendor confirmed the limit is per request: 8192 stays in production only.\n');
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeGreaterThan(0.45);
  });
  it('an answer recorded since, in a newer record of the ticket', () => {
    const v = sized(
      '# OBS-12\n\n- Asked the vendor which limit applies: no reply yet.\n',
      [{ subject: 'OBS-12 closed', date: '2027-03-20T10:00:00Z', touched: ['docs/obs/obs-12-answer.md'] }],
      [{ path: 'docs/obs/obs-12-answer.md', text: '# OBS-12\n\nThe vendor answered: the limit is per request, so production keeps 8192.\n', step: 3 }],
    );
    expect(v.confidence, v.reasons.join('\n')).toBeGreaterThan(0.45);
  });
  it("a record citing another ticket is not the change's", () => {
    const v = judge(
      'EXPORT_MAX_SIZE',
      [sizeBase, raised, { subject: 'observability notes', date: '2027-02-10T12:00:00Z', touched: ['docs/obs/notes.md'] }],
      '2027-05-03',
      {},
      { documents: [{ path: 'docs/obs/notes.md', text: '# OBS-99\n\n- Asked the vendor about retention: no reply yet.\n', step: 2 }] },
    );
    expect(v.confidence, v.reasons.join('\n')).toBeGreaterThan(0.45);
  });
});
