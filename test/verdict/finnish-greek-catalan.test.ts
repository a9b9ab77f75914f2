// Finnish, Greek and Catalan are read as the other languages are (session 30): a temporary measure, a
// change made for a test, its until with a date, a month's end given beside the event it waits for, and
// a ticket closed as won't do. Phrasings of our own, none from a verdict story; each family with its
// near misses (negated, a date with no until word, an until word of another sense).
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { foreignDeadline, languageOf } from '../../src/verdict/languages.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { documentStatus } from '../../src/verdict/documents.js';

const WRITTEN = '2027-01-18T09:00:00Z';
const intentOf = (subject: string, body = '') => readIntent({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, 'prod', ['staging', 'prod']);

describe('the three languages are read', () => {
  it.each([
    ['tuotanto: välimuisti pois päältä väliaikaisesti, kunnes korjaus on valmis', 'fi'],
    ['παραγωγή: όριο αιτημάτων 500 προσωρινά', 'el'],
    ['pre: timeout de 30 s només per a les proves de càrrega', 'ca'],
  ])('%s', (text, language) => {
    expect(languageOf(text)).toEqual({ language, read: true });
  });
});

describe('a temporary measure', () => {
  it.each([
    'tuotanto: jonon koko 200 väliaikaisesti',
    'Tilapäinen muutos: välimuisti pois, palautetaan myöhemmin',
    'παραγωγή: 20 workers προσωρινά, μέχρι να λυθεί το πρόβλημα',
    'Προσωρινή αλλαγή για την ώρα',
    'prod: límit de connexions a 400, temporalment',
    'Canvi provisional mentre duri la migració de la base de dades',
  ])('%s', (text) => {
    expect(intentOf(text).temporary).toBeDefined();
  });

  it.each([
    'tuotanto: jonon koko 200, muutos ei ole väliaikainen',
    'παραγωγή: 20 workers, δεν είναι προσωρινό',
    'prod: límit de connexions a 400, no és temporal',
  ])('not negated: %s', (text) => {
    expect(intentOf(text).temporary).toBeUndefined();
  });
});

describe('a change made for a test', () => {
  // Read as staging's own change: a test in a sentence naming only another environment is that environment's
  // need, not the change's scope (intent.ts testOfAnother).
  const stagingIntentOf = (subject: string) => readIntent({ subject, body: '', author: 'a', email: 'a@x', date: WRITTEN }, 'staging', ['staging', 'prod']);
  it.each([
    'staging: timeout 90 s per a les proves de càrrega',
    'staging: cua de 500 per fer proves amb el client',
    'staging: batch 50, testiä varten',
    'staging: 8 replicas για δοκιμές φορτίου',
  ])('%s', (text) => {
    expect(stagingIntentOf(text).scope?.kind).toBe('test');
  });

  it.each(['staging: timeout 90 s, les proves ja han acabat i es queda així', 'staging: batch 50 kaikissa ympäristöissä'])('not: %s', (text) => {
    expect(stagingIntentOf(text).scope?.kind).not.toBe('test');
  });
});

describe('an until with its date', () => {
  it.each([
    ['Προσωρινά έως 31 Μαρτίου', '2027-03-31'],
    ['Προσωρινα μεχρι 15 Φεβρουαριου', '2027-02-15'],
    ['Temporal fins al 28 de febrer', '2027-02-28'],
    ['väliaikaisesti 15.3. asti', '2027-03-15'],
    // A month whose accent falls in its stem (the nominative): still the tenth month, not a place in a longer list.
    ['Προσωρινά μέχρι 15 Οκτώβριος', '2027-10-15'],
    ['Προσωρινά έως 3 Φεβρουάριος', '2027-02-03'],
  ])('%s', (text, date) => {
    expect(foreignDeadline(text, WRITTEN)).toBe(date);
  });
});

// As English reads "until their move to SSO, end of March": the end given beside the event it waits for.
describe("a month's end beside the event an until word waits for", () => {
  it.each([
    ['Προσωρινά έως τη μετάβαση στο νέο σύστημα, τέλος Απριλίου.', '2027-04-30'],
    ['Vorübergehend bis zur Umstellung auf das neue Gateway, Ende April.', '2027-04-30'],
    ['Temporal hasta la migración al clúster nuevo, a finales de abril.', '2027-04-30'],
    ['Temporaneo fino alla migrazione del database, fine aprile.', '2027-04-30'],
    ['Tijdelijk tot de overstap naar het nieuwe cluster, eind april.', '2027-04-30'],
    ['Temporal fins a la migració del clúster, a finals de maig.', '2027-05-31'],
  ])('%s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });

  it.each([
    'Vorübergehend. Ende April schauen wir es uns noch einmal an.',
    'Προσωρινά· θα το δούμε ξανά τέλος Απριλίου.',
    'Temporal: la revisión de fin de abril dirá si sigue.',
    'Tijdelijk, want de migratie eind april hangt van de leverancier af.',
  ])('not without an until word in its sentence: %s', (text) => {
    expect(readDeadline(text, WRITTEN).date).toBeUndefined();
  });
});

describe("a ticket closed as won't do calls its plan off", () => {
  const head = (status: string) => `# OPS-12 — pujada de fitxers grans\n\n${status}\n\nResolució: es fa d'una altra manera.\n`;
  it.each([
    'Estat: **Tancat — no es farà** (15/09/2027)',
    'Status: Tancat — no es farà',
    'Tila: suljettu — ei toteuteta',
    'Κατάσταση: Κλειστό — δεν θα υλοποιηθεί',
  ])('%s', (status) => {
    expect(documentStatus(head(status))?.withdraws).toBe(true);
  });

  it.each(['Estat: obert, es farà al proper sprint', 'Estat: Tancat — fet', 'Tila: kesken'])('not: %s', (status) => {
    expect(documentStatus(head(status))?.withdraws).toBeUndefined();
  });
});
