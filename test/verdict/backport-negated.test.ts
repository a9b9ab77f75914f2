// A backport said not to happen keeps the lagging environment apart, whatever its condition and in the
// languages read (src/verdict/intent.ts FOLLOWS, negatedClause): "jamais rétroporté en staging tant que …",
// "pas rétroporté en staging pour l'instant" are "never backported to staging until …", not the incident
// fix's default (backfill the environment that lags, 0.7). Texts of our own, in memory.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const KEY = 'payments.gatewayTimeoutMs';
const created: Step = { subject: 'initial config', date: '2026-09-01T10:00:00Z', set: { staging: ['', '3000'], production: ['', '3000'] } };
const fix = (subject: string, body: string): Step => ({ subject, body, date: '2026-10-05T09:00:00Z', set: { production: ['3000', '8000'] } });
const verdictOn = (subject: string, body: string) => judge(KEY, [created, fix(subject, body)], '2026-11-25');

describe('a backport refused, or held to a condition, is no backfill', () => {
  it.each([
    ['fr', 'Hotfix incident INC-12 : timeout 8000 en prod', 'Jamais rétroporté en staging tant que le fournisseur ne confirme pas le correctif.'],
    ['fr', 'Hotfix incident INC-12 : timeout 8000 en prod', 'Ne sera jamais rétroporté en staging, car staging utilise le simulateur.'],
    ['fr', 'Correctif d’incident : timeout 8000 en prod', 'Pas rétroporté en staging pour l’instant.'],
    ['fr', 'Correctif d’incident : timeout 8000 en prod', 'On ne rétroporte pas en staging avant le retour du fournisseur.'],
    ['es', 'Hotfix incidente INC-12: timeout 8000 en prod', 'Nunca se hizo backport a staging hasta que el proveedor confirme.'],
    ['es', 'Hotfix incidente: timeout 8000 en prod', 'No retroportado a staging porque staging usa el simulador.'],
  ])('%s: %s / %s', (_lang, subject, body) => {
    const v = verdictOn(subject, body);
    expect(v.suggested === 'backfill' && v.drifted === 'staging').toBe(false);
  });

  it.each([
    ['fr', 'Hotfix incident INC-12 : timeout 8000 en prod', 'À rétroporter en staging aussi.'],
    ['en', 'Hotfix incident INC-12: timeout 8000 in prod', 'Backport to staging as well.'],
    ['nl', 'Hotfix incident INC-12: timeout 8000 in prod', 'Staging volgt pas na de freeze van 1 oktober.'],
  ])('a backport said, or a Dutch "pas" (only then), still moves it, %s: %s / %s', (_lang, subject, body) => {
    expect(verdictOn(subject, body)).toMatchObject({ suggested: 'backfill', drifted: 'staging' });
  });
});
