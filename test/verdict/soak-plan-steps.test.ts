// A rollout plan written as steps: the waiting environment's step follows "the soak", and another step
// sets that soak's span in the environment before it — the two steps are one soak gate. A plan names the
// key as people write it once its prefix is gone, with the value it rolls out ("Compression Brotli
// (br)"). A soak reported finished in the languages read is reported passed. And "<env> can follow" is
// a go. Phrasings of our own in English, German, French, Spanish and Italian; and near misses.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { soakIn } from '../../src/verdict/soak.js';
import { goFor } from '../../src/verdict/conditions.js';

const PLANS: Array<[string, string]> = [
  ['English', '1. eu: canary first.\n2. Soak for 10 days in eu.\n3. apac: switch after the soak if nothing comes up.\n'],
  ['German', '1. eu: Canary zuerst.\n2. Soak von 10 Tagen in eu.\n3. apac: nach dem Soak umstellen, wenn nichts auffällt.\n'],
  ['French', '1. eu : canary d’abord.\n2. Soak de 10 jours en eu.\n3. apac : bascule après le soak.\n'],
  ['Spanish', '1. eu: canary primero.\n2. Soak de 10 días en eu.\n3. apac: cambio tras el soak.\n'],
];

describe('a soak gate written as two steps of a plan', () => {
  it.each(PLANS)('%s: one gate, its span from the soak step', (_lang, text) => {
    expect(soakIn(text, 'eu', 'apac'), text).toMatchObject({ days: 10 });
  });

  it.each([
    ['the waiting step skips the soak', '2. Soak for 10 days in eu.\n3. apac: no soak needed, switch with eu.\n'],
    ['German: ohne Soak', '2. Soak von 10 Tagen in eu.\n3. apac: ohne Soak umstellen.\n'],
    ['the soak is the waiting one’s own', '2. Soak for 10 days in apac.\n3. apac: switch after the soak.\n'],
    ['asked', '2. Soak for 10 days in eu.\n3. apac: after the soak?\n'],
    ['no span anywhere', '2. Soak in eu.\n3. apac: after the soak.\n'],
    ['a span in the past', '2. The soak in eu started 10 days ago.\n3. apac: after the soak.\n'],
  ])('%s: no gate', (_what, text) => {
    expect(soakIn(text, 'eu', 'apac')).toBeUndefined();
  });
});

const lin = messagesBy('Lin Park', 'l@x', 'c');
const rui = messagesBy('Rui Sousa', 'r@x', 'd');

/** eu moved EDGE_CACHE_PARTITIONING host → tenant on 2026-05-04 (a canary step); apac lags. */
function judge(plan: string, later: Message[] = [], today = '2026-06-01') {
  const created = lin('2026-01-10T09:00:00Z', 'edge env files');
  const planned = { ...rui('2026-04-20T09:00:00Z', 'rollout plan'), files: ['docs/rollout/partitioning.md'] };
  const moved = rui('2026-05-04T09:00:00Z', 'eu: EDGE_CACHE_PARTITIONING=tenant (canary green)');
  const base = (env: string): HistoryEvent => ({ ...eventOf(created, `deploy/${env}.env`, null, 'host', { merge: false, revert: false }), order: 5 });
  return explainCrossEnv({
    key: 'EDGE_CACHE_PARTITIONING',
    history: { eu: [{ ...eventOf(moved, 'deploy/eu.env', 'host', 'tenant', { merge: false, revert: false }), order: 1 }, base('eu')], apac: [base('apac')] },
    messages: [created, planned, moved, ...later],
    values: { eu: 'tenant', apac: 'host' },
    type: 'string',
    today,
    documents: [{ path: 'docs/rollout/partitioning.md', text: plan, sha: planned.sha }],
  });
}

const PLAN = '# Cache partitioning per tenant\n\n1. eu: canary.\n2. Soak of 14 days in eu.\n3. apac: switch after the soak.\n';

describe('a plan naming the key by its last word and the value', () => {
  it('its soak passed with nothing reported: the waiting environment follows', () => {
    const v = judge(PLAN);
    expect(v.reasons.join('\n')).toMatch(/sets a soak gate/);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'apac', value: 'tenant' });
  });

  it('its soak still running: a plan with its date', () => {
    const v = judge(PLAN, [], '2026-05-10');
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('a plan naming the word without the value is not this key’s', () => {
    const v = judge('# Cache partitioning review\n\n1. eu: canary.\n2. Soak of 14 days in eu.\n3. apac: switch after the soak.\n');
    expect(v.reasons.join('\n')).not.toMatch(/sets a soak gate/);
  });

  it.each([
    ['French', 'soak eu terminé, rien à signaler'],
    ['German', 'Soak in eu abgeschlossen'],
    ['Spanish', 'soak en eu terminado'],
    ['Italian', 'soak eu concluso'],
  ])('%s: the soak reported finished makes the move surer', (_lang, subject) => {
    const v = judge(PLAN, [rui('2026-05-19T09:00:00Z', subject)]);
    expect(v.reasons.join('\n'), v.reasons.join('\n')).toMatch(/reports the soak passed/);
    expect(v.suggested).toBe('backfill');
  });

  it('trouble reported since holds it', () => {
    const v = judge(PLAN, [rui('2026-05-12T09:00:00Z', 'eu: cache errors after the switch, rolled back the partner pool')]);
    expect(v.suggested).toBe('declare');
  });
});

describe('"<env> can follow" is a go', () => {
  it.each([
    ['English', 'Conclusion: apac can follow.'],
    ['English, now', 'apac may follow now.'],
    ['French', 'Conclusion : apac peut suivre.'],
    ['German', 'Fazit: apac kann nachziehen.'],
    ['Italian', 'Conclusione: apac può seguire.'],
    ['Dutch', 'Conclusie: apac kan volgen.'],
  ])('%s', (_lang, text) => {
    expect(goFor(text, 'apac')).toBeDefined();
  });

  it.each([
    ['following a metric', 'In apac we can follow the error rate on the dashboard.'],
    ['a gate ahead', 'apac can follow once the soak is over.'],
    ['negated', 'apac cannot follow yet.'],
    ['French, negated', 'apac ne peut pas suivre pour l’instant.'],
    ['asked', 'Can apac follow?'],
  ])('%s: no go', (_what, text) => {
    expect(goFor(text, 'apac')).toBeUndefined();
  });
});
