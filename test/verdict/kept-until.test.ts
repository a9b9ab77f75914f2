// A later text that keeps a measure until a new day moves its end (kept-until.ts, read by answered.ts as
// "moved"); a temporary change past the date its own text gave holds when such a text came after it
// (difference.ts). And a stays word in a purpose clause ("so that the cache stays warm") is no keep
// (languages.ts foreignStays). Phrasings of our own, none from a verdict story, with near misses.
import { describe, expect, it } from 'vitest';
import { keptUntil } from '../../src/verdict/kept-until.js';
import { statusOf } from '../../src/verdict/answered.js';
import { foreignStays } from '../../src/verdict/languages.js';
import { judge } from './memory-story.js';

const WRITTEN = '2026-11-28T18:30:00+01:00';

describe('a keep until a new day', () => {
  it.each([
    ['we keep the extra consumers until 8 January, traffic is still high', '2027-01-08'],
    ['Wir behalten die Sonderskalierung bis zum 08.01.2027, der Traffic ist weiter hoch.', '2027-01-08'],
    ['Mantenemos los 24 consumidores hasta el 8 de enero.', '2027-01-08'],
    ["On garde le scaling de la campagne jusqu'au 8 janvier.", '2027-01-08'],
    ["manteniamo i consumer extra fino all'8 gennaio", '2027-01-08'],
    ['We houden de extra workers tot 8 januari.', '2027-01-08'],
  ])('%s', (text, day) => {
    expect(keptUntil(text, WRITTEN)).toBe(day);
    expect(statusOf(text, WRITTEN)).toMatchObject({ says: 'moved', on: day });
  });

  it.each([
    // no day
    'we keep the extra consumers for now',
    // a day already behind the text: a report, not a new end
    'we kept the extra consumers until 20 November',
    // negated, asked
    "we don't keep the extra consumers until January",
    'do we keep the extra consumers until 8 January?',
    // the until belongs to another clause far away
    'Keep an eye on the dashboards. The freeze lasts until 8 January.',
  ])('not: %s', (text) => {
    expect(keptUntil(text, WRITTEN)).toBeUndefined();
  });
});

describe('a temporary change past its own date, kept by a later text until a new day', () => {
  const story = (change: string, later: string) =>
    judge(
      'workers.replicas',
      [
        { subject: 'initial values', date: '2026-06-01T10:00:00Z', set: { staging: ['', '8'], production: ['', '8'] } },
        { subject: change, date: '2026-11-18T09:00:00Z', set: { production: ['8', '24'] } },
        { subject: later, date: '2026-11-28T18:30:00Z' },
      ],
      '2026-12-04',
    );

  it.each([
    ['prod: workers 8 -> 24 for the campaign, temporarily until 30 November', 'we keep the campaign workers until 8 January, traffic is not dropping'],
    ['prod: workers 8 -> 24 for the campaign, temporarily until 30 November', 'We are keeping the campaign workers until 2027-01-08, traffic is still high.'],
    ["prod : workers 8 -> 24 pour la campagne, temporaire jusqu'au 30 novembre", "on garde les workers de la campagne jusqu'au 8 janvier"],
    ['prod: workers 8 -> 24 para la campaña, temporal hasta el 30 de noviembre', 'mantenemos los workers de la campaña hasta el 8 de enero'],
  ])('is declared until then: %s / %s', (change, later) => {
    const v = story(change, later);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.expires).toBe('2027-01-08');
  });

  it.each(['campaign traffic report: peak on 27 November, back to normal since', 'the campaign workers were useful, thanks all'])(
    'goes back with no new day: %s',
    (later) => {
      const v = story('prod: workers 8 -> 24 for the campaign, temporarily until 30 November', later);
      expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'production', '8']);
    },
  );
});

describe('a stays word in a purpose clause is no keep', () => {
  it.each([
    'CronJob im Prod angelegt, damit der Cache warm bleibt.',
    'Job creado en producción para que el edge se quede caliente.',
    'Job créé en prod pour que le cache reste chaud.',
    'CronJob στην παραγωγή ώστε να μένει ζεστό το edge.',
  ])('%s', (text) => {
    expect(foreignStays(text)).toBeUndefined();
  });

  it.each(['Prod bleibt bei 5, bewusst.', 'El job se queda en producción.', 'Le job reste en prod.', 'Ο CronJob μένει στην παραγωγή.'])(
    'a keep: %s',
    (text) => {
      expect(foreignStays(text)).toBeDefined();
    },
  );
});
