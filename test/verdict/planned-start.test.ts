// Session 30 (spent holdout-27/21's cause): a renewal note, written before the edit, gives the new seat
// count from a day on with the count it replaces ("from 1 Nov: 400 seats (was 250)"); the count was
// set live by hand that day and the repository kept the old one. A hand edit carrying out a dated plan
// that replaces the value, with no end, is the plan's change: the repository lags (backfill, below a
// recommendation). Phrasings of their own (en, de, fr, es, nl, pl), none a story's; negatives: a window
// with an end, a temporary word, a report written after the edit, a start after the edit, the replaced
// value not named.
import { describe, expect, it } from 'vitest';
import type { LiveChange } from '../../src/verdict/live-fate.js';
import { plannedStart } from '../../src/verdict/planned-start.js';
import { liveFateWithNote, messagesBy } from './log-builders.js';

const WRITTEN = '2027-02-20T10:00:00Z';
const EDITED = '2027-03-01';

describe('a plan that replaces the value from a day the edit came on', () => {
  it.each([
    'From 1 March the plan allows 60 connections (was 40).',
    'Ab 1.3. gilt: 60 Verbindungen statt 40.',
    'À partir du 1er mars : 60 connexions au lieu de 40.',
    'A partir del 1 de marzo: 60 conexiones (antes 40).',
    'Vanaf 1 maart: 60 verbindingen in plaats van 40.',
    'Od 1 marca: 60 połączeń zamiast 40.',
    'Effective 2027-03-01, 40 → 60.',
  ])('"%s"', (sentence) => {
    expect(plannedStart(sentence, '60', '40', WRITTEN, EDITED)).toBeDefined();
  });

  it.each([
    // A window with an end.
    'From 1 March until 31 March: 60 connections (was 40).',
    'Ab 1.3. bis 15.3.: 60 statt 40.',
    'From 1 March to 31 March: 60 connections (was 40).',
    // A while.
    'From 1 March, temporarily, 60 connections (was 40).',
    // The replaced value not named.
    'From 1 March the plan allows 60 connections.',
    // A start after the edit.
    'From 1 April the plan allows 60 connections (was 40).',
  ])('not "%s"', (sentence) => {
    expect(plannedStart(sentence, '60', '40', WRITTEN, EDITED)).toBeUndefined();
  });

  it('not in a text written after the edit: a report, not a plan', () => {
    expect(plannedStart('From 1 March: 60 connections (was 40).', '60', '40', '2027-03-02T10:00:00Z', EDITED)).toBeUndefined();
  });
});

const base = messagesBy('Mia Lind', 'mia@x', 'a');
const docs = messagesBy('Tom Berg', 'tom@x', 'b');
const change: LiveChange = {
  key: 'ConfigMap/gateway.data.UPSTREAM_MAX_CONNECTIONS',
  env: 'prod',
  environments: ['stage', 'prod'],
  live: '60',
  file: '40',
  editedAt: '2027-03-01T07:30:00Z',
  tickets: [],
  object: false,
};
const fate = (text: string, at = WRITTEN) =>
  liveFateWithNote(change, {
    created: base('2026-10-01T10:00:00Z', 'gateway manifests'),
    file: 'deploy/prod/gateway.yaml',
    by: docs(at, 'docs: upstream contract'),
    path: 'docs/contracts/upstream-2027.md',
    text,
    today: '2027-04-01',
  });
const DOC = (line: string) => `# Upstream contract 2027\n\n- ${line}\n- set UPSTREAM_MAX_CONNECTIONS in prod on 1 March (Tom)\n`;

describe('in a document naming the key, the plan carried out by the hand edit keeps it', () => {
  it('kept, as a plan', () => {
    expect(fate(DOC('new tier from 1 March 2027: **60** connections (was 40)'))).toMatchObject({ fate: 'keep', planned: true });
  });
  it('a window is a put-back', () => {
    const read = fate(DOC('new tier from 1 March 2027 until 31 March: 60 connections (was 40)'));
    expect(read && 'fate' in read ? read.fate : undefined).not.toBe('keep');
  });
  it('without the replaced value, no fate from the plan', () => {
    expect(fate(DOC('new tier from 1 March 2027: 60 connections'))).toBeUndefined();
  });
});
