// How commit text is read, session 25: a condition with a duration is a check, not a time limit; a
// decision left to someone named is a hold whose question goes to them; a return told in the past is
// done, not planned. Each rule through the verdict, on phrasings it was not written from, in several
// languages.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { conditionWithSpan, decisionLeftTo } from '../../src/verdict/intent.js';

const ana = messagesBy('Ana Ruiz', 'a@x', 'a');
const bo = messagesBy('Bo Lind', 'b@x', 'b');
const ENVS = ['dev', 'staging', 'prod'];

/** The verdict where one commit changed `key` from `from` to `to` in dev and staging (2026-11-24),
 * prod still at `from`, read on 2026-12-05. */
function judge(key: string, from: string, to: string, subject: string, body = '') {
  const created = bo('2026-04-14T07:00:00Z', 'config per environment');
  const change = ana('2026-11-24T09:30:00Z', subject, body);
  const file = (env: string) => `config/${env}.yaml`;
  const steps = (env: string): HistoryEvent[] => [
    ...(env !== 'prod' ? [{ ...eventOf(change, file(env), from, to, { merge: false, revert: false }), order: 0 }] : []),
    { ...eventOf(created, file(env), null, from, { merge: false, revert: false }), order: 1 },
  ];
  return explainCrossEnv({
    key,
    history: Object.fromEntries(ENVS.map((e) => [e, steps(e)])),
    messages: [change, created],
    values: { dev: to, staging: to, prod: from },
    type: Number.isFinite(Number(to)) ? 'number' : 'string',
    today: '2026-12-05',
  });
}

describe('a condition with a duration is a check before the next step, not a time limit', () => {
  it.each([
    ['German, "für" inside the condition', 'Staging: Worker-Pool auf 16', 'Prod folgt, wenn es für eine Woche stabil läuft.'],
    ['Spanish, "durante" inside the condition', 'staging: pool de workers a 16', 'Lo pasamos a prod si aguanta durante una semana sin errores.'],
    ['French, the step before its condition', 'staging : pool de workers à 16', 'On passe en prod si la latence reste stable pendant une semaine.'],
    ['English', 'staging: worker pool 16', 'If p99 holds for a week we take it to prod.'],
    ['Dutch', 'staging: worker pool naar 16', 'Als het een week stabiel draait, gaat het naar prod.'],
  ])('%s', (_what, subject, body) => {
    const v = judge('worker_pool_size', '8', '16', subject, body);
    const why = v.reasons.join('\n');
    expect(why, why).not.toMatch(/says the change is temporary/);
    // Neither undone on the week's end nor sent on by it: what the check showed is the question.
    expect(v.suggested === 'revert' && v.drifted === 'staging', why).toBe(false);
    expect(v.confidence, why).toBeLessThanOrEqual(0.5);
  });

  it("the French condition is the step's check, asked about, not a passed date that sends the value on", () => {
    const v = judge('worker_pool_size', '8', '16', 'staging : pool de workers à 16', 'On passe en prod si la latence reste stable pendant une semaine.');
    expect(v.question ?? '', v.reasons.join('\n')).toMatch(/si la latence reste stable pendant une semaine/);
    expect(v.reasons.join('\n')).not.toMatch(/which has passed: backfill/);
  });

  it.each([
    ['English', 'If p99 holds for a week, we take it to prod.', 'If p99 holds for a week'],
    ['French', 'On passe en prod si la latence reste stable pendant une semaine.', 'si la latence reste stable pendant une semaine'],
    ['German', 'Prod folgt, wenn es eine Woche stabil läuft.', 'wenn es eine Woche stabil läuft'],
    ['Spanish', 'Si aguanta una semana sin errores, lo pasamos a prod.', 'Si aguanta una semana sin errores'],
    ['Polish', 'Na prod, jeśli przez tydzień nie będzie błędów.', 'jeśli przez tydzień nie będzie błędów'],
  ])('%s: the condition read whole', (_what, text, condition) => {
    expect(conditionWithSpan(text)).toBe(condition);
  });

  it.each([
    ['a span of its own', 'staging: worker pool 16 for a week', 'load test, then back to 8'],
    ['a span of its own, in French', 'staging : pool à 16 pendant une semaine', 'pour le test de charge'],
    ['a span of its own, in German', 'Staging: Worker-Pool für zwei Wochen auf 16', 'für den Lasttest'],
  ])('still a time limit: %s', (_what, subject, body) => {
    const v = judge('worker_pool_size', '8', '16', subject, body);
    const why = v.reasons.join('\n');
    expect(why, why).toMatch(/says the change is temporary/);
  });

  it.each([
    ['for a week, no condition', 'staging: worker pool 16 for a week'],
    ['"als" after a comparative', 'nicht länger als eine Woche'],
  ])('no condition read: %s', (_what, text) => expect(conditionWithSpan(text)).toBeUndefined());
});

describe('a decision left to someone named is a hold, asked of them', () => {
  it.each([
    [
      'German, the one who decides after the verb',
      'Checkout v2 in Staging aktivieren',
      'Zwei Wochen Testbetrieb. Danach entscheidet das Produktteam, ob es in Prod geht.',
      'das Produktteam',
    ],
    ['English', 'Enable checkout v2 on staging', 'Trial for two weeks; after that, product decides whether it ships to prod.', 'product'],
    ['French', 'Activer checkout v2 en staging', "Essai de deux semaines, ensuite l'équipe produit décidera si on l'active en prod.", "l'équipe produit"],
    ['Dutch', 'Checkout v2 aan op staging', 'Twee weken proefdraaien, daarna beslist het productteam of het naar prod gaat.', 'het productteam'],
    ['Spanish', 'staging: activar checkout v2', 'Prueba de dos semanas; luego el equipo de pagos decidirá si pasa a producción.', 'el equipo de pagos'],
    ['"we": the author is asked', 'staging: turn on checkout v2', "We'll decide after the retro whether production gets it.", 'Ana Ruiz'],
  ])('%s', (_what, subject, body, owner) => {
    const v = judge('checkout_v2_enabled', 'false', 'true', subject, body);
    const why = v.reasons.join('\n');
    expect(v.suggested, why).toBe('declare');
    expect(v.confidence, why).toBeLessThanOrEqual(0.5);
    expect(v.question ?? '', why).toContain(`${owner} was to decide whether prod`);
  });

  it.each([
    ['a decision reported taken', 'Product decided whether to ship it: not yet.'],
    ['an imperative with nobody named', 'Decide if the queue lag improves; see graph.'],
    ['a question', 'Who decides whether prod gets it?'],
    ['a decision about another environment only', 'Then QA decides whether dev keeps it.'],
  ])('no hold read: %s', (_what, text) => {
    expect(decisionLeftTo(text, 'prod', ENVS)).toBeUndefined();
  });
});

describe('a return told in the past is done, not planned', () => {
  it.each([
    ['English passive', 'staging: upload timeout was set back to 600 after 20.11.', 'The big-file import is finished.'],
    ['English perfect', 'staging upload timeout has been dialled back to 600 on Monday', 'import finished'],
    ['German participle', 'staging: Upload-Timeout auf 600 zurückgesetzt nach dem 20.11.', 'Import ist durch.'],
    ['French participle', "staging : timeout d'upload remis à 600 après le 20/11", "l'import est terminé"],
    ['English, "reverted … on the 20th"', 'staging: reverted upload timeout to 600 on the 20th', 'import done'],
  ])('%s', (_what, subject, body) => {
    const why = judge('upload_timeout_seconds', '300', '600', subject, body).reasons.join('\n');
    expect(why, why).not.toMatch(/says the change is temporary/);
  });

  it.each([
    ['English, in the subject', 'staging: upload timeout 300 for the import, back to 600 after 12.12.', ''],
    ['English imperative', 'staging: upload timeout 300 for the import', 'Set it back to 600 after 12.12.'],
    ['German infinitive', 'staging: Upload-Timeout für den Import auf 300', 'Nach dem 12.12. wieder auf 600 zurücksetzen.'],
  ])('still planned: %s', (_what, subject, body) => {
    const v = judge('upload_timeout_seconds', '600', '300', subject, body);
    const why = v.reasons.join('\n');
    expect(why, why).toMatch(/says the change is temporary/);
    expect(v.expires).toBe('2026-12-12');
  });
});
