// Session 36 (spent holdout-33): a document names a live object's other name in brackets beside its own
// ("pg-backup (pg_dump)"), and later writes about it by that name only; those passages are about the object.
// The question whether to bring it back, said open there, is then read ("the question whether … is open").
// Phrasings of their own, none from the story (which was Ukrainian).
import { describe, expect, it } from 'vitest';
import { aliasesIn } from '../../src/verdict/object-alias.js';
import { openIn } from '../../src/verdict/conditions.js';

describe('the other name a document gives an object in brackets', () => {
  it.each([
    ['2. ledger-export (ledger_export.py) keeps running until the new job is verified.', 'ledger-export', ['ledger_export.py']],
    ['The `orders-reindex` (`reindex.sh`) job is gone from prod.', 'orders-reindex', ['reindex.sh']],
    ['Der CronJob db-vacuum (pg_vacuum) läuft weiter.', 'db-vacuum', ['pg_vacuum']],
  ])('%s', (text, object, aliases) => {
    expect(aliasesIn(text, object)).toEqual(aliases);
  });

  it.each([
    ['a ticket in brackets', 'pg-backup (DB-114) was deleted by hand.', 'pg-backup'],
    ['an environment in brackets', 'pg-backup (prod-eu) was deleted by hand.', 'pg-backup'],
    ['a plain word in brackets', 'pg-backup (nightly) was deleted by hand.', 'pg-backup'],
    ['another object named before the bracket', 'pg-backup-old (pg_dump) was deleted by hand.', 'pg-backup'],
    ['a date in brackets', 'pg-backup (2028-08-02) was deleted by hand.', 'pg-backup'],
  ])('not %s', (_what, text, object) => {
    expect(aliasesIn(text, object, ['prod-eu'])).toEqual([]);
  });
});

describe('the question what to do, said to be open', () => {
  it.each([
    'The question whether to bring the dump back remains open.',
    'Die Frage, ob der Dump zurückkommt, ist offen.',
    'La question de savoir si on remet le dump reste ouverte.',
    'Питання, чи вмикати дамп знову, залишається відкритим.',
  ])('%s', (text) => {
    expect(openIn(text)).toBeDefined();
  });

  it.each([
    'The question whether to open the port came up again.',
    'The question whether the gate stays open is settled: it stays.',
    'Question: open the firewall for the partner.',
  ])('not: %s', (text) => {
    expect(openIn(text)).toBeUndefined();
  });
});
