// A hold on another environment written in Polish (and the French and Dutch "waiting for"), read as
// English's "production on hold until the security team decides" and German's "Prod bis auf Weiteres
// nicht ändern" are: a wait for a decision is a hold that follows once it is taken; "until further
// notice" ("do odwołania") is a keep with no end. Before, "wstrzymana do decyzji", "czekamy na decyzję",
// "wstrzymany do odwołania", "en attente de la décision" and "in afwachting van het besluit" held nothing.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';

const ENVS = ['dev', 'staging', 'production'];
const holdOf = (subject: string, body = '') =>
  readIntent({ subject, body, author: 'Ola Nowak', email: 'ola@example.test', date: '2026-11-10T10:00:00Z' }, 'staging', ENVS).hold;

describe('a Polish wait for a decision holds the environment it names until the decision', () => {
  it.each([
    ['Pool 900 na stagingu', 'Produkcja wstrzymana do decyzji zespołu bezpieczeństwa.'],
    ['Pool 900 na stagingu', 'Na produkcji czekamy na decyzję CAB (CHG-881).'],
    ['Limit 900 na stagingu. Prod: czekamy na decyzję Kasi', ''],
    ['Podnosimy pool na stagingu', 'Prod wstrzymany do decyzji architekta, potem wyrównamy.'],
    ['Pool à 900 en staging', 'La prod est en attente de la décision de la sécurité.'],
    ['Pool op 900 in staging', 'Productie in afwachting van het besluit van security.'],
    // English, as before
    ['Raise pool to 900 in staging', 'Production on hold until the security team decides.'],
  ])('%s. %s', (subject, body) => {
    const hold = holdOf(subject, body);
    expect(hold?.envs).toEqual(['production']);
    expect(hold?.follows).toBe(true);
  });
});

describe('"until further notice" keeps the environment, with no end', () => {
  it.each([
    ['Pool 900 na stagingu, prod wstrzymany do odwołania.'],
    ['Pool 900 na stagingu. Produkcja bez zmian do odwołania.'],
    ['Pool 900 na stagingu. Na produkcji wstrzymane do odwołania.'],
  ])('%s', (subject) => {
    const hold = holdOf(subject);
    expect(hold?.envs).toEqual(['production']);
    expect(hold?.follows).toBe(false);
    expect(hold?.until).toBeUndefined();
  });
});

describe('not a hold', () => {
  it.each([
    // The change's own environment waits: that is its own matter, not another's hold.
    ['Staging: czekamy na decyzję zespołu, pool 900 tymczasowo.'],
    // No other environment named.
    ['Pool 900, czekamy na decyzję CAB.'],
  ])('%s', (subject) => {
    expect(holdOf(subject)).toBeUndefined();
  });
});
