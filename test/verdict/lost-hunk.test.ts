// Session 31 (spent holdout-28, lane sp28d): the history lost or restored a hunk, while the texts say
// what each environment should hold.
// - A change whose text keeps it to one environment but whose diff wrote the same value into another
//   (a revert restores every hunk) slipped there: that environment goes back (out-of-scope.ts).
// - A file a change created while saying it changes no value (an environment renamed, a file
//   regenerated from a template) should carry the value a document sets for every environment
//   (documented.ts deniedChange).
// - A change's own list of what it sets in each environment ("* qa: delivery.timeoutMs 15000") gives
//   every environment it lists the value, written as the setting it leaves as well as with an arrow
//   (intent.ts stepsIn): the environment whose hunk the diff lacks follows.
// Phrasings of our own, in the languages read; never the story's.
import { describe, expect, it } from 'vitest';
import { readIntent, stepsIn } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';

const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

const created: Step = { subject: 'service config', date: '2026-03-01T09:00:00Z', set: { staging: ['', 'false'], production: ['', 'false'] } };
const turnedOn = (subject: string, body: string): Step => ({
  subject,
  body,
  date: '2026-09-10T09:00:00Z',
  set: { staging: ['false', 'true'], production: ['false', 'true'] },
});
const stagingOff: Step = { subject: 'debugging done, off again', date: '2026-09-14T09:00:00Z', set: { staging: ['true', 'false'] } };

describe('a change that wrote an environment its own text keeps it out of', () => {
  it.each([
    ['English, a revert of a revert', 'Revert "Revert "Enable SQL tracing""', 'Bring tracing back for staging only; production must not trace queries.'],
    ['German', 'Request-Logging wieder an', 'Nur für Staging, zum Nachstellen von SUP-88. Prod bleibt aus.'],
    ['French', 'Réactive les traces', 'Uniquement en staging pour reproduire le bug. Jamais en prod.'],
    ['Spanish', 'Reactivar trazas', 'Solo en staging, para depurar el pago. Producción no debe registrar cuerpos.'],
    ['Dutch', 'Request logging weer aan', 'Alleen voor staging tijdens het debuggen.'],
    ['Polish', 'Włącz logowanie żądań', 'Tylko na staging, do debugowania.'],
  ])('%s: production goes back to its value before', (_, subject, body) => {
    const v = judge('log.requestBodies', [created, turnedOn(subject, body), stagingOff], '2026-10-01');
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'false', deliberate: 'staging' });
    expect(v.confidence).toBe(0.6);
  });

  it("Italian, the other way: staging took production's sizing along, and goes back", () => {
    const v = judge(
      'db.pool.max',
      [
        { subject: 'pool', date: '2026-03-01T09:00:00Z', set: { staging: ['', '10'], production: ['', '10'] } },
        {
          subject: 'Pool a 20',
          body: 'Solo in produzione, per il Black Friday.',
          date: '2026-09-10T09:00:00Z',
          set: { staging: ['10', '20'], production: ['10', '20'] },
        },
        { subject: 'pool 30 in production', date: '2026-09-20T09:00:00Z', set: { production: ['20', '30'] } },
      ],
      '2026-10-01',
    );
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '10' });
  });

  it.each([
    ['no scope at all', 'Enable request logging', 'Needed to debug the checkout in both environments.'],
    ['the scope names both', 'Request-Logging an', 'Nur Staging und Prod, für das Audit.'],
    ['the other environment follows', 'Enable request logging', 'staging only for now, production follows next week.'],
    ['every environment', 'Enable request logging', 'staging only at first? No: everywhere, the audit needs it.'],
  ])('near miss, %s: production is not sent back on the scope', (_, subject, body) => {
    const v = judge('log.requestBodies', [created, turnedOn(subject, body), stagingOff], '2026-10-01');
    expect(v.reasons.join('\n'), why(v)).not.toMatch(/outside what its text says it changed/);
  });

  it('near miss: the commit gave production a value of its own, not the scoped one', () => {
    const v = judge(
      'log.level',
      [
        { subject: 'levels', date: '2026-03-01T09:00:00Z', set: { staging: ['', 'info'], production: ['', 'info'] } },
        {
          subject: 'debug logging',
          body: 'staging only; production explicitly pinned to warn.',
          date: '2026-09-10T09:00:00Z',
          set: { staging: ['info', 'debug'], production: ['info', 'warn'] },
        },
      ],
      '2026-10-01',
    );
    expect(v.reasons.join('\n'), why(v)).not.toMatch(/outside what its text says it changed/);
  });
});

describe('an "only" in a language read names the environments of its own sentence', () => {
  it.each([
    ['German', 'Nur für Staging. Prod folgt später.'],
    ['Swedish', 'Bara i staging! Prod väntar.'],
    ['Spanish', 'Solo en staging. Prod más tarde.'],
    ['Dutch', 'Alleen op staging. Prod blijft.'],
  ])("%s: the next sentence's prod is not scoped", (_, body) => {
    expect(readIntent({ subject: 'x', body, author: 'a', email: 'a@x', date: '2026-09-10T09:00:00Z' }, 'prod', ['staging', 'prod']).scope).toBeUndefined();
    expect(readIntent({ subject: 'x', body, author: 'a', email: 'a@x', date: '2026-09-10T09:00:00Z' }, 'staging', ['staging', 'prod']).scope?.kind).toBe(
      'env-only',
    );
  });
});

describe('a file created by a change that says it changes no value carries the value set for every environment', () => {
  const story = (claim: string, doc: string, docPath = 'docs/review.md'): ReturnType<typeof judge> =>
    judge(
      'DB_TIMEOUT_MS',
      [
        { subject: 'env files', date: '2026-01-05T09:00:00Z', set: { production: ['', '4000'] } },
        { subject: 'SEC-9: db timeout 20 s in production', date: '2026-04-01T09:00:00Z', set: { production: ['4000', '20000'] } },
        { subject: 'review', date: '2026-04-08T09:00:00Z', touched: [docPath] },
        { subject: 'environment files regenerated', body: claim, date: '2026-04-20T09:00:00Z', set: { staging: ['', '4000'] } },
      ],
      '2026-05-10',
      {},
      { documents: [{ path: docPath, text: doc, step: 2 }] },
    );

  it.each([
    ['English', 'Moved to the new layout, no value changes.', '# Review\n\n- Fix: DB_TIMEOUT_MS=20000 in every environment.\n'],
    ['German', 'Neue Struktur, Werte unverändert.', '# Review\n\n- Maßnahme: DB_TIMEOUT_MS=20000 in allen Umgebungen.\n'],
    ['Spanish', 'Nueva estructura, sin cambios de valores.', '# Revisión\n\n- Arreglo: DB_TIMEOUT_MS=20000 en todos los entornos.\n'],
    ['French', 'Nouvelle structure, aucun changement de valeur.', '# Revue\n\n- Correctif : DB_TIMEOUT_MS=20000 dans tous les environnements.\n'],
  ])('%s', (_, claim, doc) => {
    const v = story(claim, doc);
    expect(v, why(v)).toMatchObject({ drifted: 'staging', value: '20000', deliberate: 'production' });
    expect(['revert', 'backfill']).toContain(v.suggested);
  });

  it.each([
    ['the change says why it differs', 'New staging env with the old 4 s timeout on purpose.', '- Fix: DB_TIMEOUT_MS=20000 in every environment.\n'],
    ['the claim is partial', 'Moved, no value changes except the timeout.', '- Fix: DB_TIMEOUT_MS=20000 in every environment.\n'],
    ['the document sets it for production alone', 'Moved to the new layout, no value changes.', '- Fix: DB_TIMEOUT_MS=20000 in production.\n'],
  ])('near miss, %s: staging is not moved on the document', (_, claim, doc) => {
    const v = story(claim, doc);
    expect(v.reasons.join('\n'), why(v)).not.toMatch(/sets 20000 for every environment/);
  });
});

describe("a change's own list of the setting it leaves in each environment", () => {
  const envs = ['qa', 'prod'];
  it.each([
    ['a key and a number', ['* qa: delivery.timeoutMs 15000', '* prod: delivery.timeoutMs 15000'], '15000'],
    ['an assignment in code', ['- qa: `LOG_LEVEL=warn`', '- prod: `LOG_LEVEL=warn`'], 'warn'],
    ['bold names and a colon', ['**qa** — cache.ttl: 300', '**prod** — cache.ttl: 300'], '300'],
    ['spaced equals', ['- qa: maxRetries = 8', '- prod: maxRetries = 8'], '8'],
    ['a switch', ['- qa: feature_flags.bulk_export true', '- prod: feature_flags.bulk_export true'], 'true'],
  ])('%s', (_, lines, to) => {
    const steps = stepsIn(lines.join('\n'), envs);
    expect(steps.map((s) => [s.env, s.to])).toEqual([
      ['qa', to],
      ['prod', to],
    ]);
  });

  it.each([
    ['a word of prose after the name', '- prod: timeoutMs later'],
    ['a sentence', '- prod: raised the timeout to 15000'],
    ['a keep', '- prod: keep maxRetries 8 for now'],
    ['no value', '- prod: delivery.timeoutMs unchanged'],
    ['a plain word, not a key', '- prod: timeout 15000'],
  ])('near miss, %s: no step', (_, line) => {
    expect(stepsIn(line, envs)).toEqual([]);
  });

  const listed = (body: string) =>
    judge(
      'delivery.timeoutMs',
      [
        { subject: 'chart values', date: '2026-01-05T09:00:00Z', set: { qa: ['', '5000'], prod: ['', '5000'] } },
        { subject: 'delivery timeout 15 s', body, date: '2026-02-20T09:00:00Z', set: { qa: ['5000', '15000'] } },
      ],
      '2026-03-20',
      {},
      { envs },
    );

  it('the environment the diff left out takes the value its line gives', () => {
    const v = listed('* qa: delivery.timeoutMs 15000\n* prod: delivery.timeoutMs 15000\n* resolve conflict with main');
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'prod', value: '15000' });
  });

  it.each([
    ['only one environment listed', '* qa: delivery.timeoutMs 15000'],
    ['a value of its own for each', '* qa: delivery.timeoutMs 15000\n* prod: delivery.timeoutMs 8000'],
  ])('near miss, %s: no backfill on the list', (_, body) => {
    const v = listed(body);
    expect(v.suggested, why(v)).not.toBe('backfill');
  });
});
