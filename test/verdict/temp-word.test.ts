// "temp" as a time limit is a word of its own: JavaScript's \b is ASCII, so an accented letter after
// it ended the word and the French "tempête" (storm) or "température" read as "temp" — a retry change
// made after a storm of retries was taken for a temporary hack. Bounded by letters in every language.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';

const intent = (subject: string, body = '') =>
  readIntent({ subject, body, author: 'Amara', email: 'amara@example.com', date: '2026-11-18T14:02:00+01:00' }, 'stg', ['stg', 'prod']);

describe('"temp" is read only as a word', () => {
  it.each([
    'Réduire les tentatives après la tempête de retries du 02/12',
    'Ajuste la température du modèle à 0.2',
    'Tempête de requêtes : limite abaissée',
    'Température du cache revue',
  ])('no time limit in %j', (subject) => {
    expect(intent(subject).temporary).toBeUndefined();
  });

  it.each(['temp: raise the pool for the import', 'Pool auf 80 (temp)', 'TEMP fix until the vendor patches', 'temp-Wert für den Lasttest'])(
    'a time limit in %j',
    (subject) => {
      expect(intent(subject).temporary?.phrase.toLowerCase()).toBe('temp');
    },
  );
});
