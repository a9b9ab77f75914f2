// Session 23 (readers lane): gaps in the readers of later texts, each as a principle read in
// situations and phrasings of its own (none from a verdict story), with what must not change.
// (1) A rollback reported as done — "we rolled the flag back", "backed out the change", "reverted to
//     the old timeout", "zurückgerollt", "on revient à l'ancienne valeur" — withdraws the change where
//     it was rolled back: a lower environment's rollback is no go toward production, and what still
//     holds the value was left behind; a production rollback is never undone by promoting the lower
//     environments' value with confidence. A rollback's plan or procedure is no rollback.
// (2) A decision record decides by its own status, however the status is written: "## Status" as a
//     section, "Estado: Aceptado", "Statut : accepté"; a record proposed, rejected, deprecated or
//     accepted and since superseded decides nothing.
// (3) An undrift commit speaks for its Drift-Key keys only: the operator's reason on key A's decision
//     ("Reason: waiting for OPS-12 sign-off", "OPS-12 Freigabe erteilt") is no gate passed, no
//     withdrawal and no hold for key B whose change cites the same ticket; on B's own decision it is.
import { describe, expect, it } from 'vitest';
import { explainViolation, messagesBy } from './log-builders.js';
import { judge, type Step } from './memory-story.js';
import { eventOf } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { withdrawalIn } from '../../src/verdict/intent.js';
import { statusOf } from '../../src/verdict/answered.js';
import { documentStatus } from '../../src/verdict/documents.js';

const THREE = ['dev', 'staging', 'production'];

describe('a rollback reported as done is a withdrawal', () => {
  it.each([
    'We rolled the flag back in staging, it broke checkout',
    'Backed out the new retry policy on staging',
    'backing out the pool change on staging',
    'rolled staging back to 30s',
    'Rollback of the export flag on staging, the job crashed',
    'Undid the bump in staging',
    'staging is back to the old timeout',
    'Timeout auf Staging rückgängig gemacht',
    "on revient à l'ancienne valeur en recette, l'import plantait",
    'volvemos al valor anterior en staging',
    'ripristinato il valore precedente in staging',
    'teruggedraaid naar de oude waarde op acceptatie',
  ])('%s', (text) => {
    expect(withdrawalIn(text)).toBeTruthy();
    expect(statusOf(text, '2026-11-05T10:00:00Z')?.says).toBe('withdrawn');
  });

  it('a rollback reported with a check passed is still a withdrawal, never the work done', () => {
    expect(statusOf('staging rolled back and verified, done', '2026-11-05T10:00:00Z')?.says).toBe('withdrawn');
    expect(statusOf('Retry policy rolled back on staging; all green now', '2026-11-05T10:00:00Z')?.says).toBe('withdrawn');
  });

  it.each([
    'The rollback procedure is in the runbook',
    'Rollback plan: set it back to 30s',
    'Service restored, ripristinato il servizio',
    'We turned the limiter back on',
    'Roll out the new timeout to staging',
  ])('no withdrawal: %s', (text) => {
    expect(withdrawalIn(text)).toBeUndefined();
  });
});

describe("a lower environment's rollback: the change was withdrawn there, and is no go onward", () => {
  const base: Step = { subject: 'checkout config', date: '2026-10-01T10:00:00Z', set: { dev: ['', '30s'], staging: ['', '30s'], production: ['', '30s'] } };
  const story = (subject: string, body: string, rollback: string) =>
    judge(
      'CHECKOUT_TIMEOUT',
      [
        base,
        { subject, body, date: '2026-11-02T10:00:00Z', set: { dev: ['30s', '45s'], staging: ['30s', '45s'] } },
        { subject: rollback, date: '2026-11-05T10:00:00Z', set: { staging: ['45s', '30s'] } },
      ],
      '2026-12-03',
      {},
      { envs: THREE },
    );
  it.each([
    [
      'Raise checkout timeout to 45s',
      'dev and staging first, production follows next week.',
      'We rolled the checkout timeout back in staging, the batch import started timing out',
    ],
    [
      'Raise checkout timeout to 45s',
      'dev and staging first, production follows next week.',
      'Backed out the checkout timeout change on staging, it broke the nightly import',
    ],
    ['Raise checkout timeout to 45s', 'then prod.', 'staging: rollback of the checkout timeout, imports failed'],
    ['Checkout-Timeout auf 45s', 'Erst dev und Staging, Prod folgt nächste Woche.', 'Checkout-Timeout auf Staging rückgängig gemacht, der Import ist kaputt'],
    [
      'Timeout checkout à 45s',
      "D'abord dev et staging, la prod suit la semaine prochaine.",
      "Timeout checkout : on revient à l'ancienne valeur en staging, l'import plantait",
    ],
  ])('%s … %s', (subject, body, rollback) => {
    const v = story(subject, body, rollback);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'dev', value: '30s' });
    expect(v.reasons.join('\n')).toMatch(/withdrawn further along/);
  });

  it('a bare edit putting staging back says no rollback: a question, nothing moved toward production', () => {
    const v = story('Raise checkout timeout to 45s', 'dev and staging first, production follows next week.', 'Update staging.yaml');
    expect(v.reasons.join('\n')).not.toMatch(/withdrawn further along/);
    expect(v.suggested === 'backfill' && v.value === '45s').toBe(false);
  });
});

describe("production's rollback of a change that failed there: never the lower value promoted", () => {
  it.each([
    'Rolled back the pool size in prod, it caused connection storms',
    'Revert DB pool to 20 in production: the primary ran out of connections',
    'prod: backed out the pool bump, INC-88',
    'Pool in Produktion zurückgerollt, die DB lief voll',
    "Pool : on revient à l'ancienne valeur en prod, la base saturait",
  ])('%s', (rollback) => {
    const v = judge(
      'DB_POOL',
      [
        { subject: 'db config', date: '2026-10-01T10:00:00Z', set: { dev: ['', '20'], staging: ['', '20'], production: ['', '20'] } },
        {
          subject: 'Raise DB pool to 40 everywhere',
          date: '2026-11-02T10:00:00Z',
          set: { dev: ['20', '40'], staging: ['20', '40'], production: ['20', '40'] },
        },
        { subject: rollback, date: '2026-11-05T10:00:00Z', set: { production: ['40', '20'] } },
      ],
      '2026-12-03',
      {},
      { envs: THREE },
    );
    const promotes = v.drifted === 'production' && v.value === '40';
    expect(promotes && v.confidence >= 0.5, v.reasons.join('\n')).toBe(false);
  });
});

describe('a decision record decides by its own status, however written', () => {
  it.each([
    ['# ADR-0007: pool size\n\n## Status\n\nAccepted\n\n## Context\n', true],
    ['# ADR-0007\n\n## Estado\n\n- Aceptado (2026-10-03)\n', true],
    ['# ADR-0007\n\nEstado: Aceptado\n', true],
    ['# ADR-0007\n\nStatut : accepté\n', true],
    ['# ADR-0007\n\nStatus: Akzeptiert\n', true],
    ['# ADR-0007\n\n## Status\n\nProposed\n\n## Context\n', false],
    ['# ADR-0007\n\n### Statut\n\nProposé\n', false],
    ['# ADR-0007\n\nStatus: Rejected\n', false],
    ['# ADR-0007\n\nStatut : rejeté\n', false],
    ['# ADR-0007\n\nEstado: Rechazado\n', false],
    ['# ADR-0007\n\nStatus: Deprecated\n', false],
    ['# ADR-0007\n\n## Status\n\nSuperseded by [ADR-0012](0012-pool.md)\n', false],
    ['# ADR-0007\n\nStatus: Accepted (superseded by ADR-0012)\n', false],
    ['# ADR-0007\n\nStatus: ~~Accepted~~ Superseded by ADR-0012\n', false],
    ['# ADR-0007\n\nStatus: Ersetzt durch ADR-0012\n', false],
    ["# ADR-0007\n\nStatut : remplacé par l'ADR-0012\n", false],
  ])('%j decided: %s', (text, decided) => {
    expect(documentStatus(text)?.decided).toBe(decided);
  });

  it('a later word in a status that is no acceptance is not a record superseded', () => {
    expect(documentStatus('# INC-4 notes\n\nStatus: resolved, the node was replaced by a new one\n')).toMatchObject({ decided: true });
    expect(documentStatus('# INC-4 notes\n\nStatus: resolved, the node was replaced by a new one\n')?.withdraws).toBeUndefined();
  });

  const ines = messagesBy('Ines Almeida', 'i@x', 'a');
  const tom = messagesBy('Tom Becker', 't@x', 'b');
  /** production's pool moved 20 → 40 by a change citing ADR-0007, against a contract allowing 20 or 30; `text` the record. */
  const violated = (subject: string, text: string) => {
    const created = tom('2026-02-01T09:00:00Z', 'service values + contract');
    const record = tom('2026-11-09T10:00:00Z', 'docs: ADR-0007 pool size');
    const change: Message = ines('2026-11-10T09:30:00Z', subject);
    const base = (e: string, value: string) => ({ ...eventOf(created, `values/${e}.yaml`, null, value, { merge: false, revert: false }), order: 9 });
    return explainViolation({
      key: 'database.pool.max',
      entry: "    production: {one_of: [20, 30]}\n    reason: the primary's connection limit\n",
      violating: ['production'],
      values: { staging: '10', production: '40' },
      history: {
        staging: [base('staging', '10')],
        production: [{ ...eventOf(change, 'values/production.yaml', '20', '40', { merge: false, revert: false }), order: 1 }, base('production', '20')],
      },
      messages: [change, record, created],
      documents: [{ path: 'docs/adr/0007-pool-size.md', text, sha: record.sha }],
      today: '2026-12-05',
    });
  };
  const line = 'Production runs a pool of 40 connections from now on, after the primary moved to the larger instance.';
  it.each([
    ['Status as a section', `# ADR-0007: pool size\n\n## Status\n\nAccepted\n\n## Decision\n\n${line}`, 'prod pool 40 (ADR-0007)'],
    ['Spanish', `# ADR-0007: tamaño del pool\n\nEstado: Aceptado\n\n${line}`, 'prod: pool a 40 según ADR-0007'],
    ['French', `# ADR-0007 : taille du pool\n\nStatut : accepté\n\n${line}`, 'prod : pool à 40 (ADR-0007)'],
  ])('%s, accepted: the record decides', (_what, text, subject) => {
    const v = violated(subject, text);
    expect(v.reasons.join('\n'), v.reasons.join('\n')).toMatch(/decision record sets production/);
    expect(v).toMatchObject({ suggested: 'declare', deliberate: 'production' });
  });
  it.each([
    ['proposed, as a section', `# ADR-0007: pool size\n\n## Status\n\nProposed\n\n## Decision\n\n${line}`],
    ['rejected', `# ADR-0007: pool size\n\nStatus: Rejected\n\n${line}`],
    ['accepted, then superseded', `# ADR-0007: pool size\n\nStatus: Accepted (superseded by ADR-0012)\n\n${line}`],
    ['superseded, as a section', `# ADR-0007: pool size\n\n## Status\n\nSuperseded by [ADR-0012](0012-pool.md)\n\n${line}`],
    ['Spanish, proposed', `# ADR-0007\n\nEstado: Propuesto\n\n${line}`],
    ['French, rejected', `# ADR-0007\n\nStatut : rejeté\n\n${line}`],
  ])('%s: the record decides nothing', (_what, text) => {
    const v = violated('prod pool 40 (ADR-0007)', text);
    expect(v.reasons.join('\n'), v.reasons.join('\n')).not.toMatch(/decision record sets/);
    expect(v.suggested === 'declare' && v.deliberate === 'production' && v.confidence >= 0.6).toBe(false);
  });
});

describe('an undrift commit speaks for its Drift-Key keys only', () => {
  /** undrift's apply commit for `key` (apply's message: decision line, reason, quoted verdict, trailers). */
  const undrift = (key: string, reason: string): Step => ({
    subject: `drift(staging): declare ${key}`,
    body: `Reason: ${reason}\nVerdict: declare (confidence 0.45).\n- staging's value has stood for 18 days\n\nDrift-Key: ${key}\nDrift-Env: staging\nDrift-Action: declare\nDrift-Decision: d-${key}`,
    date: '2026-11-20T10:00:00Z',
    touched: ['expected-env-diff.yaml'],
  });
  const story = (extra?: Step) =>
    judge(
      'SEARCH_MODEL',
      [
        { subject: 'search config', date: '2026-10-01T10:00:00Z', set: { staging: ['', 'bm25'], production: ['', 'bm25'] } },
        {
          subject: 'Switch staging ranking to ltr (OPS-12)',
          body: 'Production follows after OPS-12 sign-off.',
          date: '2026-11-02T10:00:00Z',
          set: { staging: ['bm25', 'ltr'] },
        },
        ...(extra ? [extra] : []),
      ],
      '2026-12-03',
    );
  const verdictOf = (v: ReturnType<typeof judge>) => [v.suggested, v.drifted, v.value, v.confidence];
  const alone = verdictOf(story());
  it.each([
    'OPS-12 signed off, done',
    'OPS-12 approved by CAB',
    'waiting for OPS-12 sign-off',
    'OPS-12 cancelled, rolled back',
    'change freeze on production until 2027-01-15 (OPS-12)',
    'OPS-12 Freigabe erteilt',
    'OPS-12 : validé en recette, go pour la prod',
  ])("key A's reason %j leaves key B's verdict as it is", (reason) => {
    const v = story(undrift('CACHE_TTL', reason));
    expect(verdictOf(v), v.reasons.join('\n')).toEqual(alone);
    expect(v.reasons.join('\n')).not.toMatch(/drift\(staging\): declare CACHE_TTL/);
  });
  it.each(['OPS-12 signed off, done', 'OPS-12 Freigabe erteilt'])("on key B's own decision, the reason %j is read", (reason) => {
    const v = story(undrift('SEARCH_MODEL', reason));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'ltr' });
  });
});
