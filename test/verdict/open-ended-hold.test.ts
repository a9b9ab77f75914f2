// "Until further notice" keeps a value with no end: no event to wait for, no limit to outlive.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy, why } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import { onlyInOpenEnd, saysOpenEnd } from '../../src/verdict/open-end.js';

const olu = messagesBy('Olu Adeyemi', 'o@x', 'a');
const ada = messagesBy('Adaeze Obi', 'a@x', 'b');

/** Production changed `key` from `from` to `to` with `body`; staging kept `from`. */
function productionChanged(key: string, from: string, to: string, subject: string, body: string) {
  const created = ada('2026-09-01T08:00:00Z', 'settings');
  const changed = olu('2026-11-10T09:00:00Z', subject, body);
  const base = (e: string) => ({ ...eventOf(created, `config/${e}.yaml`, null, from, { merge: false, revert: false }), order: 1 });
  return explainCrossEnv({
    key,
    history: {
      production: [{ ...eventOf(changed, 'config/production.yaml', from, to, { merge: false, revert: false }), order: 0 }, base('production')],
      staging: [base('staging')],
    },
    messages: [changed, created],
    values: { staging: from, production: to },
    type: 'string',
    today: '2026-12-04',
  });
}

describe('an open end is a keep, not an event', () => {
  it.each([
    ['en', 'Production gets 30s. Staging stays at 10s until further notice.'],
    ['de', 'Produktion bekommt 30s. Staging bleibt bis auf Weiteres bei 10s.'],
    ['nl', 'Productie krijgt 30s. Staging blijft tot nader order op 10s.'],
    ['pt', 'Produção passa a 30s. Staging fica em 10s até segunda ordem.'],
    ['fr', 'La production passe à 30s. Staging reste à 10s jusqu’à nouvel ordre.'],
  ])('the other environment kept until further notice is not to follow (%s)', (_lang, body) => {
    const v = productionChanged('search.queryTimeout', '10s', '30s', 'prod: query timeout 30s', body);
    expect(v.suggested, why(v)).toBe('declare');
    expect(why(v)).not.toMatch(/follows later|further notice" over|nouvel ordre" over/);
  });

  it.each([
    ['en', 'prod: disable exports until further notice', 'Fraud investigation running; exports stay off in production until further notice.'],
    ['de', 'Prod: Exporte bis auf Weiteres aus', 'Betrugsverdacht, Exporte in Produktion bis auf Weiteres deaktiviert.'],
    ['fr', "prod : exports coupés jusqu'à nouvel ordre", "Enquête fraude, les exports restent coupés en production jusqu'à nouvel ordre."],
    ['es', 'prod: exportaciones desactivadas hasta nuevo aviso', 'Investigación de fraude; producción sin exportaciones hasta nuevo aviso.'],
    ['it', 'prod: export disattivati fino a nuovo avviso', 'Indagine frode in corso; in produzione gli export restano spenti fino a nuovo avviso.'],
    ['sv', 'prod: export avstängt tills vidare', 'Bedrägeriutredning; export i produktion avstängd tills vidare.'],
  ])("production's own hold is not undone for its age (%s)", (_lang, subject, body) => {
    const v = productionChanged('exports.enabled', 'true', 'false', subject, body);
    expect(v.suggested, why(v)).toBe('declare');
    expect(why(v)).not.toMatch(/says the change is temporary/);
  });
});

describe('reading the open end', () => {
  it.each([
    ['stays off until further notice', 'until'],
    ['Prod bleibt bis auf Weiteres bei 20', 'bis'],
    ["coupé jusqu'à nouvel ordre", "jusqu'à"],
    ['uit tot nader order', 'tot'],
    ['desligado até segunda ordem', 'até'],
    ['avstängd tills vidare', 'tills'],
    ['wyłączone do odwołania', 'do'],
  ])('%s: its wait word sets no limit', (text, word) => {
    expect(saysOpenEnd(text)).toBe(true);
    expect(onlyInOpenEnd(text, word)).toBe(true);
  });

  it.each([
    ['off until the migration is done, not until further notice', 'until'],
    ['temporarily off until further notice', 'temporarily'],
    ['aus bis zur Abschaltung', 'bis'],
    ['hasta el cierre del trimestre', 'hasta'],
    ['we will give further notice on Monday', 'until'],
  ])('%s: a limit or no open end', (text, word) => {
    expect(onlyInOpenEnd(text, word)).toBe(false);
  });
});
