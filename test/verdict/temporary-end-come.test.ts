// A temporary measure whose end has come, and the opposite (spent holdout-31/12, /28, /31, /44):
// - a register keeps each decision as a row with its end in a column of its own ("| 2027-07-29 |
//   extended | 2027-09-15 |"): an extending row moves the end to that column's day, and only there —
//   an extension whose day has passed has run out as the first window did (register-end.ts);
// - a table's last row is read with its headers like the others (documents.ts);
// - a protective object made by hand under a plan that ordered its deletion when the work is done, with
//   a text since ordering it again, goes (objects.ts `plannedToGo`);
// - a record of the change itself (it gives the key going from the old value to the new) decides in
//   its decision passage even where that passage does not repeat the key (superseded.ts).
// Own registers, objects, values and phrasings, none of the stories'.
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { extendedRowEnd, rowEnd } from '../../src/verdict/register-end.js';
import { statusOf } from '../../src/verdict/answered.js';
import { passages } from '../../src/verdict/documents.js';
import { windowPassed } from '../../src/verdict/grant-window.js';
import { documentsLog, madeByHandLive, messagesBy } from './log-builders.js';

describe("a register's row: its end is the end column's day", () => {
  it.each([
    ['en', 'date: 2027-05-02; decision: extended (vendor late); valid until: 2027-08-31; approver: K. Ito', '2027-08-31'],
    ['de', 'Datum: 02.05.2027; Entscheidung: verlängert (Lieferant spät); gültig bis: 31.08.2027; Freigabe: K. Ito', '2027-08-31'],
    ['fr', 'date : 02/05/2027; décision: prolongée, dernière fois; échéance: 31/08/2027; approbateur: K. Ito', '2027-08-31'],
    ['es', 'fecha: 02/05/2027; decisión: prorrogado; hasta: 31/08/2027; aprueba: K. Ito', '2027-08-31'],
    ['it', 'data: 02/05/2027; decisione: prorogata; scadenza: 31/08/2027; approvatore: K. Ito', '2027-08-31'],
    ['nl', 'datum: 02-05-2027; besluit: verlengd; geldig tot: 31 augustus 2027; akkoord: K. Ito', '2027-08-31'],
    ['pt', 'data: 02/05/2027; decisão: prorrogada; validade: 31/08/2027; aprovador: K. Ito', '2027-08-31'],
    ['da', 'dato: 2027-05-02; beslutning: forlænget, sidste gang; gyldig til: 2027-08-31; godkendt af: K. Ito', '2027-08-31'],
    ['sv', 'datum: 2027-05-02; beslut: förlängd; giltig till: 2027-08-31; godkänt av: K. Ito', '2027-08-31'],
    ['pl', 'data: 2027-05-02; decyzja: przedłużono; ważne do: 31.08.2027; zatwierdził: K. Ito', '2027-08-31'],
    ['fi', 'päivä: 2027-05-02; päätös: jatkettu; voimassa: 31.8.2027; hyväksyjä: K. Ito', '2027-08-31'],
    ['ro', 'data: 2027-05-02; decizie: prelungită; valabil până la: 2027-08-31; aprobat: K. Ito', '2027-08-31'],
    ['ca', 'data: 2027-05-02; decisió: prorrogat; fins al: 2027-08-31; aprova: K. Ito', '2027-08-31'],
  ])('%s: an extending row moves the end to its end column', (_, row, end) => {
    expect(extendedRowEnd(row, '2027-05-02T10:00:00Z')).toBe(end);
    expect(statusOf(row, '2027-05-02T10:00:00Z')).toMatchObject({ says: 'moved', on: end });
  });

  it.each([
    ['a grant, not an extension', 'date: 2027-05-02; decision: granted; until: 2027-08-31; approver: K. Ito'],
    ['an extension refused in so many words', 'date: 2027-05-02; decision: not extended; until: 2027-05-31'],
    ['no end column: the decision day is not the end', 'date: 2027-08-31; decision: extended; approver: K. Ito'],
    ['an end column with no day', 'date: 2027-05-02; decision: extended; until: the vendor says so'],
    ['a sentence, not a row', 'We extended the window and will see on 2027-08-31.'],
  ])('%s: no new end', (_, row) => {
    expect(extendedRowEnd(row, '2027-05-02T10:00:00Z')).toBeUndefined();
  });

  it('a granting row still gives its end (the first window)', () => {
    expect(rowEnd('date: 2027-05-02; decision: granted; expires: 2027-06-30', '2027-05-02T10:00:00Z')).toBe('2027-06-30');
    expect(rowEnd('date: 2027-05-02; decision: granted; owner: K. Ito', '2027-05-02T10:00:00Z')).toBeUndefined();
  });
});

describe("a table's last row carries its headers too", () => {
  it.each([
    ['at the end of the document', '| a | until |\n| --- | --- |\n| x | 2027-01-01 |\n| y | 2027-02-01 |\n'],
    ['before a paragraph', '| a | until |\n| --- | --- |\n| x | 2027-01-01 |\n| y | 2027-02-01 |\n\nClosed.\n'],
    ['right before a line of text', '| a | until |\n| --- | --- |\n| x | 2027-01-01 |\n| y | 2027-02-01 |\nClosed.\n'],
  ])('%s', (_, text) => {
    const rows = passages(text).filter((p) => p.text.startsWith('|'));
    expect(rows.map((p) => p.row)).toEqual(['a: x; until: 2027-01-01', 'a: y; until: 2027-02-01']);
    expect(passages(text).find((p) => p.text === 'Closed.')?.text ?? 'Closed.').toBe('Closed.');
  });
});

// A grant's register: the record allows it for a while, and extends it row by row.
const docs = messagesBy('Ola Berg', 'ola@x', 'c');
const logWith = (texts: Array<{ path: string; text: string; at: string; subject?: string }>) => documentsLog(docs, texts);
const register = (head: string, rows: string) => `# AR-9 ${head}\n\n${rows}\n`;
const window = (text: string, extra: Array<{ path: string; text: string; at: string; subject?: string }> = [], today = '2027-11-20') =>
  windowPassed(
    'RoleBinding/ext-audit-writer',
    'ext-audit-writer',
    'production',
    ['staging', 'production'],
    logWith([{ path: 'docs/access/AR-9.md', text, at: '2027-08-30T10:00:00Z' }, ...extra]),
    today,
  );

describe('a grant extended in its register until a day that has passed too: the approval has run out', () => {
  it.each([
    [
      'en',
      register(
        'temporary write access for ext-audit-writer',
        '| when | what | until |\n| --- | --- | --- |\n| 2027-06-01 | granted | 2027-07-15 |\n| 2027-07-10 | extended | 2027-08-15 |\n| 2027-08-12 | extended, last time | 2027-10-31 |',
      ),
    ],
    [
      'de',
      register(
        'befristeter Schreibzugriff für ext-audit-writer',
        '| Datum | Entscheidung | gültig bis |\n| --- | --- | --- |\n| 01.06.2027 | genehmigt | 15.07.2027 |\n| 10.07.2027 | verlängert | 31.10.2027 |',
      ),
    ],
    [
      'fr',
      register(
        'accès temporaire en écriture pour ext-audit-writer',
        "| date | décision | jusqu'au |\n| --- | --- | --- |\n| 01/06/2027 | accordé | 15/07/2027 |\n| 10/07/2027 | prolongé | 31/10/2027 |",
      ),
    ],
    [
      'es',
      register(
        'acceso temporal de escritura para ext-audit-writer',
        '| fecha | decisión | hasta |\n| --- | --- | --- |\n| 01/06/2027 | concedido | 15/07/2027 |\n| 10/07/2027 | prorrogado | 31/10/2027 |',
      ),
    ],
    [
      'it',
      register(
        'accesso temporaneo in scrittura per ext-audit-writer',
        '| data | decisione | scadenza |\n| --- | --- | --- |\n| 01/06/2027 | concesso | 15/07/2027 |\n| 10/07/2027 | prorogato | 31/10/2027 |',
      ),
    ],
  ])('%s', (_, text) => {
    expect(window(text)).toMatchObject({ until: '2027-10-31', extended: true });
  });

  it('an extension message written with the register, without a day, is one of its rows', () => {
    const text = register(
      'temporary write access for ext-audit-writer',
      '| when | what | until |\n| --- | --- | --- |\n| 2027-06-01 | granted | 2027-07-15 |\n| 2027-07-10 | extended | 2027-10-31 |',
    );
    expect(window(text, [{ path: 'notes/x.md', text: 'AR-9 extended', at: '2027-07-10T09:00:00Z', subject: 'AR-9 extended' }])?.until).toBe('2027-10-31');
  });
});

describe('what keeps the grant a question', () => {
  const rows = '| when | what | until |\n| --- | --- | --- |\n| 2027-06-01 | granted | 2027-07-15 |\n| 2027-07-10 | extended | 2027-10-31 |';
  it('the last extension still ahead', () => {
    expect(window(register('temporary write access for ext-audit-writer', rows), [], '2027-10-01')).toBeUndefined();
  });
  it('an extension written after the register, with no day', () => {
    const later = [{ path: 'notes/y.md', text: 'AR-9 extended again (audit late)', at: '2027-10-29T09:00:00Z', subject: 'AR-9 extended again (audit late)' }];
    expect(window(register('temporary write access for ext-audit-writer', rows), later)).toBeUndefined();
  });
  it('an extension written after the register, to a day still ahead', () => {
    const later = [{ path: 'notes/y.md', text: 'AR-9 extended to 2028-01-31', at: '2027-10-29T09:00:00Z', subject: 'AR-9 extended to 2028-01-31' }];
    expect(window(register('temporary write access for ext-audit-writer', rows), later)).toBeUndefined();
  });
});

// A protective object made by hand for a piece of work, its plan ordering its deletion at the end.
const note = messagesBy('Rui', 'r@x', 'b');
const guard = (key: string) => madeByHandLive(key, '2027-03-10T08:00:00Z');
const runGuard = (docs: Array<[string, string, string]>) => {
  const notes = docs.map(([path, , at]) => ({ ...note(at, `docs: ${path}`), files: [path] }));
  return explain(
    guard('PodDisruptionBudget/orders-drain-guard'),
    {},
    {
      promotion: ['test', 'live'],
      environments: ['test', 'live'],
      today: '2027-04-02',
      log: buildLog(
        new Map(),
        notes,
        docs.map(([path, text], i) => ({ path, text, sha: notes[i]!.sha })),
      ),
    },
  );
};
const close = (line: string): [string, string, string] => [
  'docs/ops/OPS-31-done.md',
  `# OPS-31 done\n\n- [x] pool rotated\n- [ ] ${line}\n`,
  '2027-03-12T18:00:00Z',
];

describe('a protective object its own plan ordered deleted when the work is done, ordered again since: it goes, as a question (0.5)', () => {
  it.each([
    ['en, code marks', 'Afterwards: **delete `orders-drain-guard`** and resume syncing.', 'Delete orders-drain-guard'],
    ['en, the kind between', 'When the pool is rotated, remove the temporary PDB orders-drain-guard.', 'remove the PDB orders-drain-guard'],
    ['de, the verb last', 'Danach `orders-drain-guard` löschen und den Sync wieder einschalten.', 'Delete orders-drain-guard'],
    ['es', 'Al terminar, borrar orders-drain-guard y reactivar la sincronización.', 'eliminar orders-drain-guard'],
    ['fr', 'À la fin : supprimer `orders-drain-guard`, puis relancer la synchro.', 'supprimer orders-drain-guard'],
  ])('%s', (_, plan, order) => {
    const v = runGuard([['docs/ops/OPS-31.md', `# OPS-31 node pool rotation\n\n${plan}\n`, '2027-03-08T10:00:00Z'], close(order)]);
    expect([v.suggested, v.drifted, v.confidence], v.reasons.join('\n')).toEqual(['revert', 'live', 0.5]);
  });

  it.each([
    ['the plan keeps it', 'Do not delete orders-drain-guard: it stays as the new budget.', 'Delete orders-drain-guard'],
    ['the plan deletes another object', 'Afterwards delete `orders-old-budget` and resume syncing orders-drain-guard.', 'Delete orders-old-budget'],
    ['the deletion only supposed', 'If the drain stalls, delete orders-drain-guard.', 'Delete orders-drain-guard'],
  ])('%s: never deleted on it', (_, plan, order) => {
    const v = runGuard([['docs/ops/OPS-31.md', `# OPS-31 node pool rotation\n\n${plan}\n`, '2027-03-08T10:00:00Z'], close(order)]);
    expect(v.suggested === 'revert' && v.drifted === 'live').toBe(false);
  });

  it('a plan written after it was made is no plan it was made under', () => {
    const v = runGuard([
      ['docs/ops/OPS-31.md', '# OPS-31 node pool rotation\n\nAfterwards delete orders-drain-guard.\n', '2027-03-11T10:00:00Z'],
      close('Delete orders-drain-guard'),
    ]);
    expect(v.suggested === 'revert' && v.drifted === 'live').toBe(false);
  });

  it('nothing written since it was made orders it again', () => {
    const v = runGuard([['docs/ops/OPS-31.md', '# OPS-31 node pool rotation\n\nAfterwards delete orders-drain-guard.\n', '2027-03-08T10:00:00Z']]);
    expect(v.suggested === 'revert' && v.drifted === 'live').toBe(false);
  });
});
