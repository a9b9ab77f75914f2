// A put-back a later text tells of as past due ("should have gone back to 4 on 29 Nov, nobody did it":
// spent holdout-26, read as next year's 29 Nov and declared for a year) names the day just gone: a
// sentence that reports the past takes the nearer of the two years for a day written without one,
// as tense.ts says of reports; a plan still takes the next. Phrasings of their own here.
import { describe, expect, it } from 'vitest';
import { liveFateWithNote, messagesBy } from './log-builders.js';
import type { LiveChange } from '../../src/verdict/live-fate.js';

const KEY = 'Deployment/api.containers[name=app].env[name=WORKER_THREADS].value';
const base = messagesBy('Jan Novák', 'jan@x', 'a');
const docs = messagesBy('Farah Siddiqui', 'farah@x', 'b');
const CREATED = base('2026-05-12T10:00:00Z', 'api manifests');

const change: LiveChange = {
  key: KEY,
  env: 'prod',
  environments: ['staging', 'prod'],
  live: '32',
  file: '8',
  editedAt: '2026-11-14T21:00:00Z',
  tickets: [],
  object: false,
};
const read = (text: string, at: string) => {
  const r = liveFateWithNote(change, {
    created: CREATED,
    file: 'deploy/prod/api.yaml',
    by: docs(at, 'docs: ops note'),
    path: 'ops/handover.md',
    text,
    today: '2026-12-04',
  });
  return r && 'fate' in r ? { fate: r.fate, date: r.date } : r;
};

describe('a put-back told of as past due names the day just gone', () => {
  it.each([
    ['English, "was due"', 'Carried over: WORKER_THREADS back to 8 was due on Nov 22 and never happened.'],
    ['English, "was supposed to"', 'WORKER_THREADS was supposed to go back to 8 on 22 November; it did not.'],
    ['German', 'WORKER_THREADS sollte am 22.11. wieder zurück auf 8, das wurde vergessen.'],
    ['Spanish', 'WORKER_THREADS: estaba previsto volver a 8 el 22 de noviembre, nadie lo hizo.'],
    ['Dutch', 'WORKER_THREADS had op 22 november terug naar 8 gemoeten; dat werd vergeten.'],
  ])('%s: written on 30 Nov, the day is this 22 Nov, passed', (_what, text) => {
    expect(read(text, '2026-11-30T09:00:00Z')).toEqual({ fate: 'revert', date: '2026-11-22' });
  });
});

describe('near misses: a plan keeps the next such day', () => {
  it('a plan with no past in it, written after the day: next year', () => {
    expect(read('WORKER_THREADS stays 32 over the holidays; back to 8 on 22 Nov.', '2026-11-30T09:00:00Z')).not.toEqual({ fate: 'revert', date: '2026-11-22' });
  });
  it.each([
    ['a day a few days ahead', 'WORKER_THREADS was raised to 32 for the sale; back to 8 on 28 Nov.', '2026-11-28'],
    ['a day two months ahead', 'WORKER_THREADS was raised to 32 for the migration; back to 8 on 20 Jan.', '2027-01-20'],
  ])('a past clause beside a plan, written before its day (%s): the day ahead, not last year', (_what, text, day) => {
    expect(read(text, '2026-11-16T10:00:00Z')).toEqual({ fate: 'revert', date: day });
  });
});
