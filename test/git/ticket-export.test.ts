// A tracker's CSV export committed to the repository is a document people wrote (the approval, the
// command run, the order to take a grant away are in its cells), read as the table it is; a CSV of
// data is never read as prose. Own headers, tickets and languages here.
import { describe, expect, it } from 'vitest';
import { ticketExportAsTable } from '../../src/git/ticket-export.js';

describe('a ticket export is read as its table', () => {
  it.each([
    [
      'English, commas',
      'key,created,status,comment\nOPS-71,2026-03-02,Open,"Vendor needs edit in prod, for the cutover"\nOPS-71,2026-03-04,Approved,Approved until 2026-03-31 then revoke the binding\n',
    ],
    ['German, semicolons', 'Vorgang;Datum;Status;Kommentar\nINFRA-9;03.02.2026;Genehmigt;Zugang bis 31.03. genehmigt, danach wieder entziehen\n'],
    ['French, tabs', 'ticket\tdate\tétat\tnote\nSEC-12\t2026-02-01\tValidé\tAccès accordé pour la migration, à révoquer ensuite\n'],
    ['Polish, a quoted cell over two lines', 'zgłoszenie,data,opis\nPLAT-300,2026-05-01,"Dostęp dla zespołu zewnętrznego\ndo końca maja, potem usunąć"\n'],
    ['Dutch, a BOM and CRLF', '\uFEFFticket,datum,opmerking\r\nDATA-5,2026-06-01,Tijdelijke toegang voor de migratie van het archief\r\n'],
  ])('%s', (_what, csv) => {
    const table = ticketExportAsTable(csv)!;
    expect(table).toBeDefined();
    const lines = table.trim().split('\n');
    expect(lines[0]).toMatch(/^\| .+ \|$/);
    expect(lines[1]).toMatch(/^\|( --- \|)+$/);
    expect(lines.length).toBe(
      csv
        .trim()
        .split(/\r?\n/)
        .filter((l) => /^\uFEFF?[A-Z]+-\d/.test(l)).length + 2,
    );
  });

  it('keeps a quoted comma and a doubled quote in their cell', () => {
    const table = ticketExportAsTable('id,note\nOPS-1,"Said ""yes"", then revoke the access again"\n')!;
    expect(table).toContain('| OPS-1 | Said "yes", then revoke the access again |');
  });
});

describe('a CSV of data is not read', () => {
  it.each([
    ['a price list', 'sku,name,price\nA-100,Widget,12.50\nA-200,Gadget,7.00\n'],
    ['a feature matrix', 'feature,dev,staging,prod\nguest-checkout,true,true,false\nnew-search,true,false,false\n'],
    ['a seed file of sentences without tickets', 'id,text\n1,The quick brown fox jumps over the lazy dog\n2,Another sentence of seed data for the tests\n'],
    ['ticket ids without prose', 'ticket,points,sprint\nOPS-1,3,12\nOPS-2,5,12\n'],
    ['no header: the first row is data', 'OPS-1,2026-01-01,Approved until the end of the month then revoke\nOPS-2,2026-01-02,Done\n'],
    ['a header only', 'ticket,comment\n'],
  ])('%s', (_what, csv) => {
    expect(ticketExportAsTable(csv)).toBeUndefined();
  });
});
