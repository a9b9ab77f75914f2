// German and Dutch inflect the adjective: "vorübergehender Fix", "temporäre Erhöhung", "tijdelijke
// verhoging" were not read as a time limit (only the bare "vorübergehend", "tijdelijk"); and an ISO
// date after a foreign until word ("bis 2027-05-01", "tot 2027-05-01", "hasta 2027-05-01") gave no end.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';

const temporary = (subject: string) =>
  readIntent({ subject, body: '', author: '', email: '', date: '2026-11-01T10:00:00Z' }, 'prod', ['staging', 'prod']).temporary;

describe('an inflected temporary adjective is a time limit', () => {
  it.each([
    'Vorübergehender Fix: WORKER_TIMEOUT in prod auf 60',
    'vorübergehende Erhöhung von WORKER_TIMEOUT in prod',
    'temporärer Workaround für den Importjob: WORKER_TIMEOUT 60 in prod',
    'Befristete Freigabe für prod',
    'tijdelijke verhoging van WORKER_TIMEOUT in prod',
    'voorlopige fix in prod',
  ])('%s', (subject) => expect(temporary(subject)).toBeDefined());

  it.each(['WORKER_TIMEOUT in prod: nicht vorübergehender Fix, sondern dauerhaft', 'Temporärdateien in prod aufräumen', 'tijdelijkheid van prod'])(
    '%s: not a time limit',
    (subject) => expect(temporary(subject)).toBeUndefined(),
  );
});

describe('an ISO date after a foreign until word is the end', () => {
  it.each([
    ['WORKER_TIMEOUT in prod auf 60, bis 2027-05-01', '2027-05-01'],
    ['WORKER_TIMEOUT in prod op 60 tot 2027-05-01', '2027-05-01'],
    ['WORKER_TIMEOUT en prod a 60 hasta 2027-05-01', '2027-05-01'],
    ['WORKER_TIMEOUT en prod hasta el 2027-05-01', '2027-05-01'],
    ["WORKER_TIMEOUT en prod à 60 jusqu'au 2027-05-01", '2027-05-01'],
    ['WORKER_TIMEOUT in prod fino al 2027-06-15', '2027-06-15'],
  ])('%s', (subject, until) => expect(temporary(subject)?.until).toBe(until));

  it.each(['Chart-Version bis 2027-05 in prod', 'WORKER_TIMEOUT in prod op 60, tot 20270501 geen wijziging'])('%s: no ISO date, no end', (subject) =>
    expect(temporary(subject)?.until).toBeUndefined(),
  );
});
