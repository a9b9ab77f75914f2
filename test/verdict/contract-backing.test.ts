// Session 34 (spent holdout-31): what may back a value that breaks the contract, read as principles.
// (1) A report of harm under the value backs nothing: an incident note that dates failures in the
// environment after the value was set and names the key at that value says what broke under it, so the
// value goes back to what the contract allows. (2) A note prepared with the change (up to two days
// before it) that names the key at the value for that environment backs it as a later one does: the
// contract is what lags. Situations and phrasings of our own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import type { Document } from '../../src/verdict/log.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { slashedDays } from '../../src/verdict/calendar.js';
import { failureIn } from '../../src/verdict/failure-share.js';

const TODAY = '2026-12-03';
const ENVS = ['staging', 'production'];
const msg = messagesBy('Noor', 'n@x', 'c');

/** production's DB_POOL_MAX moved 40 → 10 by an unexplained change, the contract allowing production 40,
 * with one document written by `docAt`. */
const violation = (text: string, docAt: string, path = 'docs/notes/pool.md', change = msg('2026-11-02T10:00:00Z', 'production: pool settings')) => {
  const key = 'DB_POOL_MAX';
  const contract = parseContract(yamlFileFromText(`expected_differences:\n  ${key}:\n    staging: "20"\n    production: "40"\n`, 'c.yaml'), ENVS);
  const event: HistoryEvent = eventOf(change, 'deploy/production.yaml', '40', '10', { merge: false, revert: false });
  const d = {
    id: key,
    key,
    kind: 'contract-violation',
    severity: 'drift',
    envs: ['production'],
    values: { staging: { repo: '20', live: null }, production: { repo: '10', live: null } },
    contract: { key, allowed: { staging: '20', production: '40' } },
    notes: [],
  } as unknown as Divergence;
  const by = msg(docAt, 'docs');
  const docs: Document[] = [{ path, text, sha: by.sha }];
  const log = buildLog(
    new Map([['production', new Map([[key, [event]]])]]),
    [by, change].sort((a, b) => b.date.localeCompare(a.date)),
    docs,
  );
  return explain(d, { staging: [], production: [event] }, { promotion: ENVS, environments: ENVS, today: TODAY, contract, log });
};
const LATER = '2026-11-20T10:00:00Z';

describe('a report of harm under the value backs nothing: it goes back to what the contract allows', () => {
  it.each([
    '# Incident 18/11/2026 (production)\n\n- Since 16 November checkout requests fail in production every evening.\n- The pool says DB_POOL_MAX=10.\n',
    '# Störung Produktion — 18.11.2026\n\n- Seit 16.11.2026 ist der Pool in Produktion jeden Abend erschöpft.\n- Der Pool meldet DB_POOL_MAX 10.\n',
    // A day written before its month's name, as German writes it: the day's dot ends no sentence.
    '# Störung Produktion\n\nSeit dem 16. November ist der Pool in Produktion jeden Abend erschöpft. Der Pool meldet DB_POOL_MAX 10.\n',
    '# Incident production — 18/11/2026\n\n- Depuis le 16 novembre, pool épuisé en production chaque soir.\n- Le pool annonce DB_POOL_MAX=10.\n',
    '# Incidente producción — 18 de noviembre de 2026\n\n- Desde el 16 de noviembre el pool está agotado en producción.\n- El log dice DB_POOL_MAX=10.\n',
    '# Incidente produção — 18/11/2026\n\n- Desde 16 de novembro o pool fica esgotado em produção.\n- O log diz DB_POOL_MAX=10.\n',
    '# Storing productie — 18 november 2026\n\n- Sinds 16 november is de pool uitgeput in productie.\n- DB_POOL_MAX staat op 10.\n',
    '# Incidente produzione — 18/11/2026\n\n- Dal 16 novembre il pool è esaurito in produzione.\n- DB_POOL_MAX=10 nei log.\n',
  ])('%s', (text) => {
    const v = violation(text, LATER, 'docs/incidents/pool.md');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '40' });
    expect(v.reasons.join('\n')).toMatch(/reports harm/);
  });

  it.each([
    // The value as the fix of failures dated before it was set: the change answered them.
    [
      'the value was the fix',
      '# Incident 28/10/2026 (production)\n\n- On 28 October checkout requests failed in production.\n- Fix: DB_POOL_MAX=10 since 2 November, no errors since.\n',
    ],
    // No failure at all: a description backs the value.
    ['a description', '# Pool notes\n\n- Since 16 November production runs with DB_POOL_MAX=10, as the DBA asked.\n'],
    // Failures in another environment.
    ['another environment', '# Incident 18/11/2026\n\n- Since 16 November requests fail in staging every evening.\n- Production keeps DB_POOL_MAX=10.\n'],
    // Failures negated.
    ['nothing failed', '# Pool review 18/11/2026\n\n- Since 16 November production ran without errors.\n- DB_POOL_MAX=10 holds.\n'],
  ])('%s: still backed, declared', (_, text) => {
    const v = violation(text, LATER);
    expect(v.reasons.join('\n'), v.reasons.join('\n')).not.toMatch(/reports harm/);
    expect(v.suggested).toBe('declare');
  });
});

describe('a note prepared with the change backs it as a later one does', () => {
  it.each([
    '# Cost review\n\nAnswer (production only): DB_POOL_MAX = 10 in production; staging is not touched.\n',
    '# Kostenprüfung\n\nAntwort (nur Produktion): DB_POOL_MAX = 10 in Produktion.\n',
    '# Revue des coûts\n\nRéponse (production seulement) : DB_POOL_MAX = 10 en production.\n',
    '# Revisión de costes\n\nRespuesta (solo producción): DB_POOL_MAX = 10 en producción.\n',
    '# Kostenreview\n\nAntwoord (alleen productie): DB_POOL_MAX = 10 in productie.\n',
  ])('%s', (text) => {
    const v = violation(text, '2026-11-01T15:00:00Z');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'production' });
    expect(v.confidence).toBeLessThan(0.6);
  });

  it.each([
    // Too long before the change to be its note.
    ['a week before', '# Cost review\n\nDB_POOL_MAX = 10 in production.\n', '2026-10-26T10:00:00Z'],
    // Written with it, but for another environment only.
    ['another environment', '# Cost review\n\nDB_POOL_MAX = 10 in staging.\n', '2026-11-01T15:00:00Z'],
    // A condition for later, not an answer.
    ['a condition', '# Cost review\n\nIf costs climb again, DB_POOL_MAX = 10 in production.\n', '2026-11-01T15:00:00Z'],
  ])('%s: an unexplained change still goes back', (_, text, at) => {
    const v = violation(text, at);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '40' });
  });
});

describe('a day written with slashes is read only where its order is beyond doubt', () => {
  it.each([
    ['depuis le 21/01/2028', ['2028-01-21']],
    ['since 01/21/2028', ['2028-01-21']],
    ['desde el 14/01', ['2028-01-14']],
    ['vanaf 3/11 en 30/11', ['2027-11-30']],
    ['03/05/2028', []],
    ['v1/2 of 12/12', []],
    ['ratio 3/4', []],
    ['path a/14/01/b', []],
  ])('%s', (text, days) => expect(slashedDays(text, '2028-01-26T10:00:00Z', 'past')).toEqual(days));
});

describe('a pool run dry is a failure', () => {
  it.each([
    'connection pool exhausted',
    'Pool erschöpft',
    'pool épuisé',
    'pool agotado',
    'pool esgotat',
    'pool esgotado',
    'pool esaurito',
    'pool uitgeput',
    'pula wyczerpana',
  ])('%s', (text) => expect(failureIn(text)).toBeTruthy());
  it.each(['no exhausted connections', 'an exhaustive list', 'exhaust fan noise'])('%s', (text) => expect(failureIn(text)).toBeFalsy());
});
