import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { decidesKeep } from '../../src/verdict/documents.js';
import { statedOnly } from '../../src/verdict/stated.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

// A question is not an answer: a text asking whether to keep a hand-made object or grant ("Do we keep
// it? Keep it or remove it?") has not decided to keep it, in any language read; an answer written
// after the question has.

describe('a keep only a question holds decides nothing', () => {
  it.each([
    'Do we keep the pilot-reader binding? Keep it or remove it?',
    'pilot-reader in production: should we codify it in the repo, or drop it?',
    'La RoleBinding pilot-reader se creó a mano. ¿La mantenemos o la quitamos?',
    'pilot-reader wurde von Hand angelegt. Behalten wir das oder löschen wir es?',
    'Le RoleBinding pilot-reader a été créé à la main. On le garde ?',
    'De RoleBinding pilot-reader is met de hand aangemaakt. Houden we dit?',
    'Il binding è stato creato a mano. Lo teniamo così com’è?',
    'Keep the override in production for good?',
  ])('%s', (text) => expect(decidesKeep(text)).toBeUndefined());

  it.each([
    'Do we keep the pilot-reader binding? Yes, keep it — agreed with security.',
    'Keep it or remove it? Decision: keep it in place, on-call needs it.',
    '¿La mantenemos? Sí: mantenerla en producción de forma permanente.',
    'Behalten wir das? Ja, wir behalten das Binding dauerhaft.',
    'Keep the override in production',
  ])('an answer after the question is a keep: %s', (text) => expect(decidesKeep(text)).toBeDefined());

  it('a question mark inside a sentence (a URL) asks nothing', () => {
    expect(statedOnly('keep https://x.example/?a=1 in place')).toBe('keep https://x.example/?a=1 in place');
  });
});

const ENVS = ['staging', 'production'];
const context = { promotion: ENVS, environments: ENVS, today: '2026-12-05' };
const byHand = { manager: 'kubectl-create', operation: 'Update', time: '2026-10-02T15:18:44Z', exact: true, human: true, kind: 'human' as const };
const commit = (subject: string, body: string) => ({
  sha: 'e'.repeat(40),
  parents: [],
  subject,
  body,
  author: 'Julia Schmid',
  email: 'julia@bestell.example',
  date: '2026-11-20T09:00:00Z',
  committed: '2026-11-20T09:00:00Z',
});
const service = (name: string): Divergence => ({
  id: 'o',
  key: `Service/${name}`,
  kind: 'object-cross-env',
  severity: 'drift',
  envs: ['production'],
  values: { production: { repo: null, live: 'exists', at: null, type: null }, staging: { repo: null, live: null, at: null, type: null } },
  declared: false,
  contract: null,
  notes: [],
  provenance: { production: byHand },
});

describe('a hand-made object a later text only asks about is not codified', () => {
  it.each([
    ['en', 'Do we keep the pilot-reader service? It was made by hand in production. Keep it or remove it?'],
    ['en, codify asked', 'pilot-reader in production: should we codify it in the repo, or drop it?'],
    ['es', 'El Service pilot-reader se creó a mano en producción. ¿Lo mantenemos o lo quitamos?'],
    ['de', 'pilot-reader wurde in Produktion von Hand angelegt. Behalten wir das oder löschen wir es?'],
    ['fr', 'Le Service pilot-reader a été créé à la main en production. On le garde ?'],
  ])('%s: no backfill at 0.6 or more', (_, body) => {
    const v = explain(service('pilot-reader'), {}, { ...context, log: buildLog(new Map(), [commit('pilot-reader', body)], []) });
    expect(v.suggested === 'backfill' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });

  it('an answer after the question keeps it', () => {
    const body = 'Do we keep the pilot-reader service? Yes, keep it in place — agreed with security.';
    const v = explain(service('pilot-reader'), {}, { ...context, log: buildLog(new Map(), [commit('pilot-reader', body)], []) });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
});
