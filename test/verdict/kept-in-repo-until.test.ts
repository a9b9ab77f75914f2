// Session 32 (spent holdout-29, lane sp29c): a change board that ratifies an object made by hand in an
// emergency, keeps it until a far-off event ("until the gateway is retired, planned Q2 2028") and orders
// it into the repository ("define it in deploy/prd") states one decision, not a keep that ends and a
// keep that codifies: for as long as the object stays, it is to be in the repository. It was read as a
// declare until that day, then a removal — leaving the hand-made object out of git, against the board.
// Phrasings and languages of our own (en, de, fr, es, nl), none a story's; negatives: the end already
// passed, a keep until a day with no order to write it into the repository, a put-back beside the codify.
import { describe, expect, it } from 'vitest';
import { liveFateWithNote, messagesBy } from './log-builders.js';
import type { LiveChange } from '../../src/verdict/live-fate.js';

const base = messagesBy('Marta Kowalczyk', 'marta@x', 'a');
const board = messagesBy('Pieter de Vries', 'pieter@x', 'b');
const CREATED = base('2026-02-01T10:00:00Z', 'batch manifests (stage, live)');
const change: LiveChange = {
  key: 'CronJob/ledger-key-rotate',
  env: 'live',
  environments: ['stage', 'live'],
  live: null,
  file: null,
  editedAt: '2026-06-03T21:40:00Z',
  tickets: [],
  object: true,
};
const fate = (text: string, today = '2026-08-01') =>
  liveFateWithNote(change, {
    created: CREATED,
    file: 'deploy/live/batch.yaml',
    by: board('2026-06-08T15:00:00Z', 'change board minutes'),
    path: 'docs/board/2026-06-08.md',
    text,
    today,
  });
const head = '# Change board — 8 June 2026\n\n## ledger-key-rotate (live)\n';

describe('kept until a day ahead and ordered into the repository: codified', () => {
  it.each([
    [
      'en',
      'Approved after the fact. The CronJob stays in live until the old ledger is switched off (planned Q1 2027). No hand-made objects: define it in deploy/live.',
    ],
    ['en, add', 'Ratified: the CronJob stays in live until 2027-03-31; add it to deploy/live/batch.yaml.'],
    ['de', 'Nachträglich genehmigt: der CronJob bleibt in live bis 31.03.2027. In deploy/live/batch.yaml eintragen.'],
    ['fr', 'Approuvé a posteriori : le CronJob reste en live jusqu’au 31/03/2027 ; le définir dans deploy/live/batch.yaml.'],
    ['es', 'Aprobado a posteriori: el CronJob se queda en live hasta el 31/03/2027; definirlo en deploy/live/batch.yaml.'],
  ])('%s', (_lang, line) => {
    const read = fate(head + line);
    expect(read, JSON.stringify(read)).toMatchObject({ fate: 'keep' });
    expect(read && 'lasts' in read ? read.lasts : undefined).toMatch(/^2027-03-31$/);
  });
});

describe('near misses', () => {
  it('the day has passed: the keep ended, it is no codify', () => {
    const read = fate(head + 'Ratified: the CronJob stays in live until 2027-03-31; add it to deploy/live/batch.yaml.', '2027-05-01');
    expect(read && 'lasts' in read ? read.lasts : undefined).toBeUndefined();
  });

  it('a keep until a day, nothing written into the repository: declared until then', () => {
    const read = fate(head + 'The CronJob stays in live until 2027-03-31.');
    expect(read).toMatchObject({ fate: 'keep', date: '2027-03-31' });
    expect(read && 'lasts' in read ? read.lasts : undefined).toBeUndefined();
  });

  it('a put-back beside the codify: still a disagreement', () => {
    const read = fate(head + 'Codify the CronJob in deploy/live. The CronJob goes back out on 2027-03-31 (revert it then).');
    expect(read && 'conflict' in read).toBe(true);
  });
});
