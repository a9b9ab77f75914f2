// Session 22 (spent holdout-19): a later document that argues for the old value while its own status
// says nothing is decided yet ("Status: proposed", "Entwurf", "borrador") withdraws no plan. The
// choice is open between two written positions: the difference is declared, with the question, and
// neither side's value is moved. A decided or withdrawn document still withdraws the plan.
// Situations and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-03';

const created = (value: string): Step => ({
  subject: 'service config',
  date: '2026-03-02T09:00:00Z',
  set: { staging: ['', value], production: ['', value] },
});
const later = (subject: string): Step => ({ subject, date: '2026-10-15T10:00:00Z', touched: ['docs/notes.md'] });

/** staging's `key` raised from `from` to `to` as a rollout's first step, then a document (`path`, `text`) about it. */
const story = (key: string, from: string, to: string, subject: string, path: string, text: string) =>
  judge(
    key,
    [created(from), { subject, date: '2026-10-01T10:00:00Z', set: { staging: [from, to] } }, later('notes')],
    TODAY,
    {},
    { documents: [{ path, step: 2, text }] },
  );

describe('a document still open argues for the old value: declared, nothing moved', () => {
  it('an English design note, "Status: proposed", one option keeps the value', () => {
    const v = story(
      'WORKER_THREADS',
      '4',
      '16',
      'Raise worker threads to 16 on staging, then in all environments',
      'docs/design/threads.md',
      '# Worker threads\n\nStatus: proposed\n\nOption B (platform): WORKER_THREADS stays at 4 until the database is split.\nOption A (app team): 16 halves the queue time.\n',
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: null, drifted: null });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.reasons.join('\n')).toMatch(/not settled|decides nothing yet/);
  });

  it.each([
    [
      'a German proposal, "Status: Entwurf": "100 bleibt" is one side, not a decision',
      'RATE_LIMIT_RPS',
      '100',
      '250',
      'rate limit 250 everywhere, staging first',
      'docs/adr/0007-rate-limit.md',
      '# ADR 0007: Rate limit\n\n**Status:** Entwurf\n\nRATE_LIMIT_RPS: Betrieb meint, 100 bleibt, solange das Backend nicht skaliert; das Produktteam will 250.\n',
    ],
    [
      'a Spanish draft, "Estado: borrador": "60 se queda" is one position among two',
      'CACHE_TTL_S',
      '60',
      '600',
      'cache ttl 600 for all environments, staging first',
      'docs/decisiones/cache.md',
      '# Caché\n\nEstado: borrador\n\nCACHE_TTL_S: según operaciones 60 se queda hasta medir el impacto; producto prefiere 600.\n',
    ],
    [
      'a French note, "Statut : proposé": "3 reste" is the SRE side of an open question',
      'MAX_RETRIES',
      '3',
      '8',
      'retries 8 partout, staging d’abord',
      'docs/decisions/retries.md',
      '# Relances\n\nStatut : proposé (comité d’architecture du 12/12)\n\nMAX_RETRIES : pour l’équipe SRE, 3 reste tant que les clés d’idempotence manquent.\n',
    ],
  ])('%s', (_what, key, from, to, subject, path, text) => {
    const v = story(key, from, to, subject, path, text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.deliberate).toBeNull();
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.reasons.join('\n')).toMatch(/decides nothing yet/);
  });
});

describe('a document that decided, or withdrew its plan, still withdraws it', () => {
  it('"Status: accepted" and "4 stays": staging goes back, at most 0.5', () => {
    const v = story(
      'WORKER_THREADS',
      '4',
      '16',
      'Raise worker threads to 16 on staging, then in all environments',
      'docs/design/threads.md',
      '# Worker threads\n\nStatus: accepted\n\nWORKER_THREADS: we will not raise them after all, the database cannot take it. 4 stays.\n',
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '4' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('no status line at all: the withdrawal stands', () => {
    const v = story(
      'RATE_LIMIT_RPS',
      '100',
      '250',
      'rate limit 250 everywhere, staging first',
      'docs/entscheidungen.md',
      '# Entscheidungen\n\nRATE_LIMIT_RPS: das höhere Limit kommt doch nicht (Kosten). 100 bleibt.\n',
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});
