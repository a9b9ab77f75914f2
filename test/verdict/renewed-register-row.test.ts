// A register's row that renews an exception gives its new end in a column named as the new one ("new
// expiry", "nouvelle échéance", "nuevo vencimiento") beside the old one; and a row citing another
// register's id ("EXC-TLS-02", whose middle part is no tracker key alone) speaks of that id, not of the
// change's. Own registers, ids and phrasings, none of the story's (a Catalan committee's minutes).
import { describe, expect, it } from 'vitest';
import { extendedRowEnd } from '../../src/verdict/register-end.js';
import { statusOf } from '../../src/verdict/answered.js';
import { ticketsIn } from '../../src/verdict/log.js';

const WRITTEN = '2028-04-03T10:00:00Z';

describe('a renewing row moves the end to its new-end column', () => {
  it.each([
    ['en', 'id: SEC-EX-11; scope: kiosk api keys; previous expiry: 2028-03-31; outcome: renewed; new expiry: 2028-09-30; owner: J. Moss', '2028-09-30'],
    ['es', 'id: SEC-EX-11; alcance: claves de quiosco; vencimiento anterior: 31/03/2028; resultado: renovada; nuevo vencimiento: 30/09/2028', '2028-09-30'],
    ['pt', 'id: SEC-EX-11; escopo: chaves; vencimento anterior: 31/03/2028; decisão: renovado; novo vencimento: 30/09/2028', '2028-09-30'],
    ['fr', 'id : SEC-EX-11; périmètre: clés; ancienne échéance: 31/03/2028; décision: renouvelée; nouvelle échéance: 30/09/2028', '2028-09-30'],
    ['it', 'id: SEC-EX-11; ambito: chiavi; scadenza precedente: 31/03/2028; esito: rinnovata; nuova scadenza: 30/09/2028', '2028-09-30'],
    ['de', 'ID: SEC-EX-11; Umfang: Kiosk; altes Ende: 31.03.2028; Entscheidung: verlängert; neues Ablaufdatum: 30.09.2028', '2028-09-30'],
  ])('%s', (_, row, end) => {
    expect(extendedRowEnd(row, WRITTEN)).toBe(end);
    expect(statusOf(row, WRITTEN)).toMatchObject({ says: 'moved', on: end });
  });

  it.each([
    ['closed, not renewed', 'id: SEC-EX-12; previous expiry: 2028-03-31; outcome: closed; new expiry: —'],
    ['granted the first time', 'id: SEC-EX-13; outcome: granted; new expiry: 2028-09-30'],
    ['the old expiry only', 'id: SEC-EX-11; outcome: renewed; previous expiry: 2028-03-31'],
    ['a bot named renovate', 'id: SEC-EX-14; author: renovate; new expiry: 2028-09-30'],
  ])('not: %s', (_, row) => {
    expect(extendedRowEnd(row, WRITTEN)).toBeUndefined();
  });
});

describe('an id inside a longer register id is cited', () => {
  it('a word that is no key alone is one after another part', () => {
    expect(ticketsIn('EXC-TLS-02: TLS 1.1 on the partner SFTP')).toEqual(['TLS-02']);
    expect(ticketsIn('RISK-SSL-7 accepted')).toEqual(['SSL-7']);
  });
  it('alone it stays a protocol or an encoding', () => {
    expect(ticketsIn('TLS-1 is gone, files are UTF-8, hashes SHA-256')).toEqual([]);
    expect(ticketsIn('see x-TLS-2 header')).toEqual([]);
  });
});
