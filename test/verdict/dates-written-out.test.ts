// Dates as people write them out (src/verdict/deadline.ts): a weekday before its date belongs to the
// date (the date decides, even when the two disagree; the weekday alone is the next such day), a month
// named in another language read, a date alone in a table cell. Phrasings of our own, none from a
// verdict story; versions, counts, ranges and addresses stay non-dates. In memory.
import { describe, expect, it } from 'vitest';
import { dateIn } from '../../src/verdict/calendar.js';
import { dateNamed, namesDate, readDeadline } from '../../src/verdict/deadline.js';

// A Friday.
const WRITTEN = '2026-11-27T10:00:00Z';

describe('a weekday written with its date is that date', () => {
  it.each([
    ['Mon 8 Dec 22:00', '2026-12-08'],
    ['Tuesday, 15.12.', '2026-12-15'],
    ['mardi 8 décembre', '2026-12-08'],
    ['Di., 8.12.', '2026-12-08'],
    ['Thu Dec 17', '2026-12-17'],
    ['lunes 14 de diciembre', '2026-12-14'],
    ['Do, 10.12.2026', '2026-12-10'],
    ['wtorek 15 grudnia', '2026-12-15'],
    // The weekday disagrees (8 Dec 2026 is a Tuesday): the date decides.
    ['Wednesday 8 December', '2026-12-08'],
    ['Fr 8.12.', '2026-12-08'],
  ])('%s', (text, date) => {
    expect(dateNamed(text, WRITTEN)).toBe(date);
  });

  it.each([
    // Polish "do" is "until", not Donnerstag: the date it leads is read as an end.
    ['staging do 15 listopada 2027, potem prod', '2027-11-15'],
    ['wyłączone do 15.12., potem prod', '2026-12-15'],
    ['Do 15.12. tylko staging', '2026-12-15'],
  ])('a word like a weekday that is none: %s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });

  it.each([
    ['keep the override until Mon 8 Dec 22:00, then drop it', '2026-12-08'],
    ['Ausnahme gilt bis Di., 15.12. – danach zurück', '2026-12-15'],
    ['on garde le flag jusqu’au mardi 8 décembre', '2026-12-08'],
    ['hold prod until Tue, Dec 15th', '2026-12-15'],
  ])('in a sentence: %s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });

  it.each([
    ['on Monday', '2026-11-30'],
    ['until Tuesday', '2026-12-01'],
    ['until Monday 10:00', '2026-11-30'],
    ['until Friday 3 pods stay', '2026-12-04'],
  ])('the weekday alone is the next such day: %s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });
});

describe('a month named in another language', () => {
  it.each([
    ['31 janvier', '2027-01-31'],
    ['15 de enero', '2027-01-15'],
    ['Ende Januar', '2027-01-31'],
    ['31 januari', '2027-01-31'],
    ['31 stycznia', '2027-01-31'],
    ['15 de janeiro', '2027-01-15'],
    ['3 de marzo de 2027', '2027-03-03'],
    ['fin février', '2027-02-28'],
    ['eind maart', '2027-03-31'],
    ['20. Dezember', '2026-12-20'],
  ])('%s', (text, date) => {
    expect(dateNamed(text, WRITTEN)).toBe(date);
  });

  it.each([
    ['Feature bleibt aktiv bis Ende Januar', '2027-01-31'],
    ['dejamos el límite hasta el 15 de enero', '2027-01-15'],
    ['override blijft tot 31 januari', '2027-01-31'],
    ['wyłączone do końca stycznia', '2027-01-31'],
    ['manter até 15 de janeiro de 2027', '2027-01-15'],
  ])('in a sentence: %s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });

  it.each([
    // A month's end without a limit word is when something is expected, not an end.
    'puis en prod après la revue de perf (fin octobre normalement)',
    'Abnahme voraussichtlich Ende Januar',
    'el informe llega a fin de enero',
  ])("a month's end named as an expectation: %s", (text) => {
    expect(readDeadline(text, WRITTEN).date).toBeUndefined();
  });

  it.each(['bis 3 Replikas', 'until 4 pods', 'hasta 15 minutos', 'tot 20 procent', 'bis 2 Maschinen mehr'])('not a month: %s', (text) => {
    expect(readDeadline(text, WRITTEN).date).toBeUndefined();
  });
});

describe('a date alone in a table cell', () => {
  it.each([
    ['| Production | 10.12.2026 |', '2026-12-10'],
    ['| prod | 10.12.2026 22:00 | genehmigt |', '2026-12-10'],
    ['| staging | Di 8.12. | QA |', '2026-12-08'],
    ['| Produktion | 15. Dezember 2026 | Freigabe |', '2026-12-15'],
    ['| prod | Dec 14, 2026 | approved |', '2026-12-14'],
    ['| prod | 14/12/2026 | ok |', '2026-12-14'],
  ])('%s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });

  it.each([
    '| api | v1.2.3 | pinned |',
    '| api | 3/4 pods | degraded |',
    '| probe | 15-20s | slow |',
    '| db | 10.0.0.1 | primary |',
    '| replicas | 2-4 | autoscaled |',
    '| client | 4.2 | current |',
    '| ratio | 1.12 | measured |',
  ])('not a date: %s', (text) => {
    expect(readDeadline(text, WRITTEN).date).toBeUndefined();
  });
});

describe('still no date where none is written', () => {
  it.each([
    'pin the client until 4.2 ships',
    'scaled to 3/4 pods',
    'timeouts of 15-20s during the migration',
    'point it at 10.12.0.1',
    'Mon-Fri only',
    'until v1.2.3',
  ])('%s', (text) => {
    expect(readDeadline(text, WRITTEN).date).toBeUndefined();
  });

  it('a version beside a weekday leaves the weekday its own: bump to v1.2.3 on Monday night', () => {
    expect(readDeadline('bump to v1.2.3 on Monday night', WRITTEN).date).toBe('2026-11-30');
  });
});

describe('whether a text names a day, whenever it was written', () => {
  it.each(['after 2026-12-20', 'am 20.12.', '20/12/2026', 'next Friday', 'December 20', 'bis Ende Januar', '15 listopada 2027'])('%s: a day', (text) => {
    expect(namesDate(text)).toBe(true);
  });

  it.each(['once the peak is over', 'until 4.2 ships', 'scaled to 3/4 pods', 'after the QA run'])('%s: none', (text) => {
    expect(namesDate(text)).toBe(false);
  });
});

describe('a dotted day after a word that puts something on it, in the languages read', () => {
  it.each([
    ['deploy on 20.12.', '2026-12-20'],
    ['Rollout am 20.12.', '2026-12-20'],
    ['mise en prod le 20.12.', '2026-12-20'],
    ['despliegue el 20.12.', '2026-12-20'],
    ['rilascio il 20.12.', '2026-12-20'],
    ['deploy em 20.12.', '2026-12-20'],
    ['uitrol op 20.12.', '2026-12-20'],
    ['wdrożenie w 20.12.', '2026-12-20'],
    ['wdrożenie dnia 20.12.', '2026-12-20'],
    ['no dia 20.12.', '2026-12-20'],
    ['seit 20.12.', '2026-12-20'],
  ])('%s', (text, date) => {
    expect(dateIn(text, WRITTEN)).toBe(date);
  });

  it('"1.12." alone may be a version: no day', () => {
    expect(dateIn('bump the chart to 1.12. today', WRITTEN)).toBeUndefined();
  });
});
