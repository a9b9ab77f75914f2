import { describe, expect, it } from 'vitest';
import { buildLog, type Message } from '../../src/verdict/log.js';
import { ReadRecorder } from '../../src/verdict/reads.js';
import { logTexts, readingOf, wordsOf } from '../../src/verdict/texts.js';

// The log's messages are read once per scan (their text, lower case, tickets, day) and found by
// word or ticket; a text's readings are one object per text. Every rule reads the log through this.
const message = (sha: string, subject: string, body = '', parents = ['p'], date = '2026-11-02T10:00:00Z'): Message => ({
  sha,
  subject,
  body,
  parents,
  author: 'Ana',
  email: 'ana@example.com',
  date,
  committed: date,
});

const LOG = buildLog(new Map(), [
  message('c3', 'Merge pull request #12 from acme/temp-qa-hack', 'QA-7 done', ['c2', 'b1']),
  message('c2', 'Raise pool size for the load test', 'Revert after QA-7.\nStaging only.', ['c1'], '2026-11-03T09:00:00Z'),
  message('c1', 'OPS-42: Poolgröße für Staging erhöht', '', [], '2026-11-01T08:00:00Z'),
]);

describe('logTexts', () => {
  it('reads each message once, newest first, with its text, lower case, tickets, day and whether it is a merge', () => {
    const texts = logTexts(LOG);
    expect(texts.all.map((t) => t.note.sha)).toEqual(['c3', 'c2', 'c1']);
    const c2 = texts.bySha.get('c2')!;
    expect(c2.text).toBe('Raise pool size for the load test\nRevert after QA-7.\nStaging only.');
    expect(c2.folded).toBe(c2.text.toLowerCase());
    expect(c2.tickets).toEqual(['QA-7']);
    expect(c2.day).toBe('2026-11-03');
    expect(texts.bySha.get('c3')!.merge).toBe(true);
    expect(c2.merge).toBe(false);
    // Once per log: the same object to every rule that asks.
    expect(logTexts(LOG)).toBe(texts);
  });

  it('finds the messages holding a whole word (any script) or citing a ticket, newest first', () => {
    const texts = logTexts(LOG);
    expect(texts.withWord('pool').map((t) => t.note.sha)).toEqual(['c2']);
    expect(texts.withWord('poolgröße').map((t) => t.note.sha)).toEqual(['c1']);
    expect(texts.withWord('staging').map((t) => t.note.sha)).toEqual(['c2', 'c1']);
    // A part of a word is not the word: the rule's own pattern decides after the look-up.
    expect(texts.withWord('poo')).toEqual([]);
    expect(texts.citing('QA-7').map((t) => t.note.sha)).toEqual(['c3', 'c2']);
    expect(texts.citing('#12').map((t) => t.note.sha)).toEqual(['c3']);
    expect(texts.citing('OPS-1')).toEqual([]);
  });

  it("is not a verdict's read of any commit: going through the log is judged by words (reads.ts)", () => {
    const recorder = new ReadRecorder(LOG);
    const { result, reads } = recorder.during(() => logTexts(recorder.log).withWord('pool').length + logTexts(recorder.log).citing('QA-7').length);
    expect(result).toBe(3);
    // Nothing of any kind read (keys, tickets, commits, documents: whatever reads.ts records).
    for (const list of Object.values(reads)) expect(list).toEqual([]);
  });
});

describe('readingOf', () => {
  it("keeps one reading per text, each reader's answer made once per variant", () => {
    const text = 'Bump to 5 for the INC-88 load test. Revert by Friday!\nThanks';
    const reading = readingOf(text);
    expect(readingOf(`${text}`)).toBe(reading);
    expect(reading.tickets).toEqual(['INC-88']);
    expect(reading.sentences).toEqual(['Bump to 5 for the INC-88 load test.', 'Revert by Friday!', 'Thanks']);
    expect(reading.words.has('friday')).toBe(true);
    let reads = 0;
    const read = (env: string) => reading.answer('test-reader', env, () => (reads++, { env, parts: [env] }));
    const staging = read('staging');
    expect(read('staging')).toBe(staging);
    expect(reads).toBe(1);
    expect(read('production')).toEqual({ env: 'production', parts: ['production'] });
    expect(reads).toBe(2);
    // Frozen: a caller writing into a shared answer throws instead of changing another verdict's reading.
    expect(() => staging.parts.push('x')).toThrow(TypeError);
  });

  it('keeps an undefined answer too', () => {
    let reads = 0;
    const reading = readingOf('nothing to read here');
    reading.answer('none', '', () => (reads++, undefined));
    reading.answer('none', '', () => (reads++, undefined));
    expect(reads).toBe(1);
  });

  it('splits words at anything that is not a letter or a digit, in lower case', () => {
    expect([...wordsOf('GOGC=200 for prod-eu; 本番 OK')]).toEqual(['gogc', '200', 'for', 'prod', 'eu', '本番', 'ok']);
  });
});
