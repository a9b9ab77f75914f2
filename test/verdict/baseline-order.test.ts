// An order or a baseline for every environment that reached all but one (holdout-30/26 and /30 read as
// principles): a rule said by what no environment may have or refusing exceptions ("in no environment",
// "not … in any environment", "no exceptions for test environments") is an everywhere, and an order that
// gives an environment a span to take the measure ("staging: within 7 days", "recette : sous 7 jours")
// is its go once the day has passed — whenever the order was written — unless what the order holds the
// measure until has reached it. Not an order for production alone, an exception for the lagging one, a
// report of how things stand so far, a promise about something else, a day still ahead or a lifted measure.
// Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { noneExcepted } from '../../src/verdict/none-excepted.js';
import { dueWithin } from '../../src/verdict/due-within.js';
import { judge, type Step } from './memory-story.js';

describe('a rule for every environment said by a none or a refused exception', () => {
  it.each([
    'Databases must not be reachable from the internet in any environment.',
    'No environment exposes its database publicly.',
    "Aucun environnement n'expose sa base publiquement.",
    'Keine Umgebung darf ihre Datenbank öffentlich anbieten.',
    'Öffentlicher Zugriff auf Datenbanken ist in keiner Umgebung erlaubt.',
    "L'accès public aux bases n'est autorisé dans aucun environnement.",
    'El acceso público a las bases de datos no se permite en ningún entorno.',
    "L'accesso pubblico ai database non è consentito in nessun ambiente.",
    'Publieke toegang tot databases is in geen enkele omgeving toegestaan.',
    'Publik åtkomst till databaser tillåts i ingen miljö.',
    'Publiczny dostęp do baz nie jest dozwolony w żadnym środowisku.',
    'O acesso público às bases não é permitido em nenhum ambiente.',
    'Tietokantoihin ei saa olla julkista pääsyä missään ympäristössä.',
    'No exceptions for the test environments: they hold real data.',
    'Gilt ohne Ausnahme, auch für Test.',
    'Sans exception, recette comprise.',
    'Ei poikkeuksia testiympäristöille.',
  ])('%s', (text) => {
    expect(noneExcepted(text)).toBeDefined();
  });

  it.each([
    'The new driver is not yet deployed in any environment.',
    'Der neue Treiber läuft noch in keiner Umgebung.',
    'Public access is allowed in no environment but production.',
    'In keiner Umgebung außer Produktion.',
    'No environment variables are needed for this.',
    'There is no cluster autoscaler in staging.',
    'Staging has no environment of its own for the batch.',
    'Es gibt keine Umgebung für Lasttests.',
    'No environment-specific overrides here.',
    'Is there no exception for the test environments?',
    'Every environment except acc gets it.',
    'Databases are public in every test environment.',
  ])('not: %s', (text) => {
    expect(noneExcepted(text)).toBeUndefined();
  });
});

describe('an order that gives an environment a span to take the measure', () => {
  const written = '2027-05-12T08:30:00+02:00';
  it.each([
    ['- staging: within 7 days', 'staging', '2027-05-19'],
    ['- preprod and qa: within 2 weeks (reachable by partners)', 'qa', '2027-05-26'],
    ['Staging innerhalb von 7 Tagen umstellen.', 'staging', '2027-05-19'],
    ['- recette : sous 7 jours', 'recette', '2027-05-19'],
    ['- preproducción: en un plazo de 10 días', 'preproducción', '2027-05-22'],
    ['- collaudo: entro 7 giorni', 'collaudo', '2027-05-19'],
    ['- acceptatie: binnen 7 dagen', 'acceptatie', '2027-05-19'],
    ['- test: inom 7 dagar', 'test', '2027-05-19'],
    ['- testi: 7 päivän kuluessa', 'testi', '2027-05-19'],
    ['- produkcja: w ciągu 24 godzin', 'produkcja', '2027-05-13'],
    ['| homologação | no prazo de 7 dias |', 'homologação', '2027-05-19'],
  ])('%s', (clause, env, day) => {
    expect(dueWithin(clause, env, written)?.date).toBe(day);
  });

  it.each([
    ['Incidents in staging are answered within 24 hours.', 'staging'],
    ['- production: within 24 h', 'staging'],
    ['- staging: within 7 days?', 'staging'],
    ['- staging: if it is exposed, within 7 days', 'staging'],
    ['Staging caches responses for 7 days.', 'staging'],
    ['- staging: not affected', 'staging'],
    ['- staging: roll back within 24 h if errors rise', 'staging'],
    ['- staging: within 7 days, maybe later', 'staging'],
  ])('not: %s', (clause, env) => {
    expect(dueWithin(clause, env, written)).toBeUndefined();
  });
});

const THREE = ['qa', 'staging', 'production'];
const start: Step = {
  subject: 'media config',
  date: '2027-01-10T10:00:00Z',
  set: { qa: ['', 'enabled'], staging: ['', 'enabled'], production: ['', 'enabled'] },
};
const ORDER = (lines: string) => `# SEC-41: parser CVE-2027-1111\n\nMeasure: \`PARSER_REMOTE_REFS=disabled\` until parser 2.4 is deployed.\n\n${lines}\n`;
const steps = (extra: Step[] = []): Step[] => [
  start,
  { subject: 'advisory SEC-41', date: '2027-05-12T06:30:00Z' },
  { subject: 'production: parser remote refs off (SEC-41)', date: '2027-05-12T09:00:00Z', set: { production: ['enabled', 'disabled'] } },
  { subject: 'qa: parser remote refs off (SEC-41)', date: '2027-05-15T09:00:00Z', set: { qa: ['enabled', 'disabled'] } },
  ...extra,
];
const judged = (lines: string, today = '2027-06-03', extra: Step[] = []) =>
  judge('PARSER_REMOTE_REFS', steps(extra), today, {}, { envs: THREE, documents: [{ path: 'docs/security/SEC-41.md', text: ORDER(lines), step: 1 }] });

describe('an order for every environment that reached all but one', () => {
  it.each([
    '- production: within 24 hours\n- staging and qa: within 7 days',
    '- Produktion: innerhalb von 24 Stunden\n- Staging und QA: innerhalb von 7 Tagen',
    '- production : sous 24 h\n- staging et qa : sous 7 jours',
    '- producción: dentro de 24 horas\n- staging y qa: dentro de 7 días',
    '- produzione: entro 24 ore\n- staging e qa: entro 7 giorni',
  ])('%s', (lines) => {
    const v = judged(lines);
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('staging');
    expect(v.value).toBe('disabled');
  });

  it('not before the day the order gave the lagging environment', () => {
    expect(judged('- production: within 24 hours\n- staging and qa: within 30 days').suggested).not.toBe('backfill');
  });
  it('not an order for production alone', () => {
    expect(judged('- production: within 24 hours\n- staging and qa: not affected').suggested).not.toBe('backfill');
  });
  it('not once the version the measure waits for runs in the lagging environment', () => {
    const upgraded: Step = { subject: 'parser 2.4.1', date: '2027-05-30T09:00:00Z', also: { staging: ['PARSER_VERSION', '2.3.9', '2.4.1'] } };
    const v = judged('- production: within 24 hours\n- staging and qa: within 7 days', '2027-06-03', [upgraded]);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });
});

const BASE: Step = {
  subject: 'three environments',
  date: '2027-01-10T10:00:00Z',
  set: { qa: ['', 'true'], staging: ['', 'true'], production: ['', 'true'] },
};
const baseline = (text: string) =>
  judge(
    'db_publicly_accessible',
    [
      BASE,
      { subject: 'hardening baseline 2027-04', date: '2027-04-20T09:00:00Z' },
      {
        subject: 'hardening: databases off the public network (baseline item 1)',
        body: 'staging and production.',
        date: '2027-04-22T09:00:00Z',
        set: { staging: ['true', 'false'], production: ['true', 'false'] },
      },
    ],
    '2027-08-16',
    {},
    { envs: THREE, documents: [{ path: 'docs/platform/hardening-2027-04.md', text: `# Hardening baseline\n\n1. ${text}\n`, step: 1 }] },
  );

describe('a baseline for every environment said by a none, one environment left out', () => {
  it.each([
    'Databases are reachable from the internet in no environment: `db_publicly_accessible = false`.',
    'Datenbanken sind in keiner Umgebung öffentlich erreichbar: `db_publicly_accessible = false`.',
    'Les bases ne sont joignables depuis internet dans aucun environnement : `db_publicly_accessible = false`.',
    'Las bases de datos no son accesibles públicamente en ningún entorno: `db_publicly_accessible = false`.',
    '`db_publicly_accessible = false`, no exceptions for test environments: they hold real data.',
  ])('%s', (text) => {
    const v = baseline(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('qa');
    expect(v.value).toBe('false');
  });

  it.each([
    'Databases are reachable from the internet in no environment but qa: `db_publicly_accessible = false`.',
    'Public access is not yet closed in any environment: `db_publicly_accessible = false` is the target.',
  ])('not: %s', (text) => {
    expect(baseline(text).suggested).not.toBe('backfill');
  });
});
