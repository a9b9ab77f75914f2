// A recorded decision that the difference holds for now is read as one, in the languages read: an end put
// on an event still to come ("no longer needed: remove it when prod moves to 4.2") is no report that the
// need ended; an environment the change exempts ("production is exempt") keeps its own value; and a plan's
// date set with a measured target ("prod on 1 Dec if adoption is >= 90 %") is no go when the date passes.
// Texts of our own, several phrasings each, and the near misses that must stay as they were.
import { describe, expect, it } from 'vitest';
import { readIntent, reportsDone } from '../../src/verdict/intent.js';
import { doneOnEvent } from '../../src/verdict/done-when.js';
import { measuredCondition } from '../../src/verdict/measured-condition.js';
import { judge, TWO, type Step } from './memory-story.js';

const WRITTEN = '2026-10-05T09:00:00Z';
const intentOf = (text: string, env = 'staging', envs = TWO) => readIntent({ subject: text, body: '', author: 'a', email: 'a@x', date: WRITTEN }, env, envs);

describe('a need said to end on an event still to come is a plan, not a report', () => {
  it.each([
    'With the new renderer the 90 s timeout is no longer needed: remove it from prod when prod moves to 4.2.',
    'The workaround is not needed any more once production runs 5.0, drop it then.',
    'Mit dem neuen Renderer nicht mehr nötig: aus Prod entfernen, sobald Prod auf 4.2 läuft.',
    'Avec le nouveau moteur, plus besoin du délai de 90 s : le retirer de la prod quand la prod passe en 4.2.',
    'Con el renderizador nuevo ya no hace falta: quitarlo de prod cuando prod pase a 4.2.',
    'Met de nieuwe renderer niet meer nodig: uit prod halen zodra prod op 4.2 draait.',
    'Com o novo renderizador não é mais necessário: tirar de prod quando prod passar para 4.2.',
    'Z nowym rendererem już nie potrzebny: usunąć z prod, kiedy prod przejdzie na 4.2.',
  ])('%s → not reported done', (text) => {
    expect(reportsDone(text)).toBeUndefined();
  });

  it.each([
    'The 90 s timeout is no longer needed.',
    'No longer needed since prod moved to 4.2.',
    'It is not needed any more: prod moved to 4.2 last week.',
    'Non serve più da quando prd è passata a 4.2.',
    'Nicht mehr nötig, seit Prod auf 4.2 läuft.',
    'The ticket was closed when the vendor fix shipped.',
    'It is not needed any more, as it was removed when prod was moved to 4.2.',
    'The backfill is finished, production follows when the freeze ends.',
    'Die Migration ist abgeschlossen: Prod zieht nach, sobald das Fenster offen ist.',
  ])('%s → still reported done', (text) => {
    expect(reportsDone(text)).toBeDefined();
  });

  it('reads the event clause only in the same sentence', () => {
    const text = 'No longer needed. When prod moves to 4.2 we clean up the rest.';
    expect(doneOnEvent(text, text.indexOf('needed') + 'needed'.length)).toBeUndefined();
    const planned = 'no longer needed: remove it when prod moves to v4.2 (the release after next).';
    expect(doneOnEvent(planned, planned.indexOf('needed') + 6)).toMatch(/^when prod moves to v4\.2/);
  });
});

describe('an environment the change exempts keeps its own value', () => {
  it.each([
    ['en', 'Node floor down to 1 in staging; production is exempt under its contract, see the plan'],
    ['en', 'node floor 1 in staging, production exempted by the CFO, see docs/plan.md'],
    ['de', 'Knoten-Minimum auf 1 in Staging; Prod ist ausgenommen, siehe Plan'],
    ['fr', 'plancher de nœuds à 1 en staging ; la prod est exemptée par contrat'],
    ['es', 'mínimo de nodos a 1 en staging; producción está exenta por contrato'],
    ['it', 'minimo dei nodi a 1 in staging; la produzione è esentata dal contratto'],
    ['nl', 'minimum aantal nodes naar 1 in staging; productie is uitgezonderd, zie het plan'],
    ['sv', 'minsta antal noder 1 i staging; produktion är undantagen enligt avtalet'],
    ['no', 'minimum noder til 1 i staging; produksjon er unntatt, se planen'],
  ])('%s: %s → production held, not following', (_lang, text) => {
    expect(intentOf(text).hold).toMatchObject({ envs: ['production'], follows: false });
  });

  it.each([
    'Node floor down to 1 in staging, production too',
    'Node floor down to 1 in staging; is production exempt?',
    'Node floor down to 1 in staging; production follows next week, the exemption list is empty',
  ])('%s → no exemption read', (text) => {
    expect(intentOf(text).hold?.follows ?? true).toBe(true);
  });

  it('declares the difference the exemption keeps, as a person would', () => {
    const start: Step = { subject: 'clusters', date: '2026-09-01T10:00:00Z', set: { staging: ['', '3'], production: ['', '3'] } };
    const text = 'cost wave 2: node floor 1 in staging. Production is exempt, see the cost plan.';
    const v = judge('node_min_count', [start, { subject: text, date: WRITTEN, set: { staging: ['3', '1'] } }], '2026-11-20');
    expect(v.suggested).toBe('declare');
  });
});

describe("a plan's date with a measured target is no go when the date passes", () => {
  it.each([
    ['Production follows on 1 December if the error rate stays below 0.5 %.', 'the error rate stays below 0.5 %'],
    ['Prod am 1.12., wenn die Fehlerquote unter 0,5 % liegt', 'die Fehlerquote unter 0,5 % liegt'],
    ['la prod le 1/12 si le taux de succès dépasse 99 %', 'le taux de succès dépasse 99 %'],
    ['producción el 1/12 si la adopción llega al 90 %', 'la adopción llega al 90 %'],
    ["prod il 1/12 se l'adozione supera il 90 %", "l'adozione supera il 90 %"],
    ['productie op 1 december als de adoptie boven 90 % ligt', 'de adoptie boven 90 % ligt'],
    ['prod den 1 december om adoptionen är minst 90 %', 'adoptionen är minst 90 %'],
    ['prod on Dec 1 if p99 latency is <= 250 ms by then', 'p99 latency is <= 250 ms by then'],
  ])('%s → a measured condition', (text, clause) => {
    expect(measuredCondition(text)).toBe(clause);
  });

  it.each([
    'Production follows on 1 December if nothing breaks.',
    'Prod am 1.12., wenn alles gut geht',
    'la prod le 1/12 si tout va bien',
    'prod on 1 Dec if the smoke test is green',
    'prod on 1 Dec; 90 % of users are on 6.0 already',
    'prod on 1 Dec if the 2 remaining tenants agree',
  ])('%s → no measured condition', (text) => {
    expect(measuredCondition(text)).toBeUndefined();
  });

  const start: Step = { subject: 'initial config', date: '2026-09-01T10:00:00Z', set: { staging: ['', '5.4.0'], production: ['', '5.4.0'] } };
  it.each([
    'min version 6.0 in staging. Production follows on 1 November if adoption of 6.0 is at least 90 % by then.',
    'Mindestversion 6.0 in Staging. Prod folgt am 1.11., wenn die Verbreitung von 6.0 über 90 % liegt.',
  ])('%s → declared at 0.5 or below once the date passed, never backfilled', (text) => {
    const v = judge('app.minVersion', [start, { subject: text, date: WRITTEN, set: { staging: ['5.4.0', '6.0.0'] } }], '2026-11-20');
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toBeDefined();
  });

  it('a date with no target still lets the next environment follow once it passed', () => {
    const text = 'min version 6.0 in staging. Production follows on 1 November.';
    const v = judge('app.minVersion', [start, { subject: text, date: WRITTEN, set: { staging: ['5.4.0', '6.0.0'] } }], '2026-11-20');
    expect(v.suggested).toBe('backfill');
  });
});

describe('a record written after a plan that keeps the waiting environment at its value is the decision for now', () => {
  const start: Step = { subject: 'initial config', date: '2026-09-01T10:00:00Z', set: { staging: ['', '5.4.0'], production: ['', '5.4.0'] } };
  const plan: Step = { subject: 'min version 6.0.0 in staging. Production follows on 1 November.', date: WRITTEN, set: { staging: ['5.4.0', '6.0.0'] } };
  const review: Step = { subject: 'review notes', date: '2026-10-30T15:00:00Z', touched: ['docs/review.md'] };
  const withDoc = (text: string, today = '2026-11-20') =>
    judge('app.minSupportedVersion', [start, plan, review], today, {}, { documents: [{ path: 'docs/review.md', text, step: 2 }] });

  it.each([
    '# Review minSupportedVersion\n\n- Decision: production stays at 5.4.0. Revisit in January with new numbers.',
    '# Review minSupportedVersion\n\n- Entscheidung: Prod bleibt bei 5.4.0. Wiedervorlage im Januar.',
    '# Revue minSupportedVersion\n\n- Décision : la prod reste à 5.4.0. On revoit en janvier.',
    '# Revisión minSupportedVersion\n\n- Decisión: producción se queda en 5.4.0. Revisar en enero.',
    '# Revisione minSupportedVersion\n\n- Decisione: la produzione rimane a 5.4.0. Da rivedere a gennaio.',
    '# Review minSupportedVersion\n\n- Besluit: productie blijft op 5.4.0. Heroverwegen in januari.',
  ])('%s → declared until the review, not backfilled', (text) => {
    const v = withDoc(text);
    expect(v.suggested).toBe('declare');
    expect(v.expires).toMatch(/^2027-01/);
  });

  it('a review day gone by leaves a question at 0.5 or below', () => {
    const v = withDoc('# Review minSupportedVersion\n\n- Decision: production stays at 5.4.0. Revisit in January with new numbers.', '2027-03-01');
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it.each([
    // The value kept is another one, or another environment's, or asked about, or the doc lets it go, or
    // it names another key.
    '# Review minSupportedVersion\n\n- Decision: production stays at 5.3.0 for the iOS app.',
    '# Review minSupportedVersion\n\n- Staging stays at 5.4.0 for the old-device tests.',
    '# Review minSupportedVersion\n\n- Does production stay at 5.4.0?',
    '# Review minSupportedVersion\n\n- Production moves from 5.4.0 to 6.0.0 as planned.',
    '# Review of the API gateway\n\n- Decision: production stays at 5.4.0 of the gateway chart.',
    '# Review minSupportedVersion\n\n- Production does not stay at 5.4.0.',
  ])('%s → the plan still stands: backfill', (text) => {
    expect(withDoc(text).suggested).toBe('backfill');
  });
});
