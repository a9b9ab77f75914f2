// Indonesian is read as the other languages are (languages.ts, status.ts): a team that writes "untuk
// sementara" (for the time being), "selesai" (done), "ditutup" (closed), "harus dihapus" (must be removed)
// or "apakah … juga perlu?" (does … need it too?) is understood, its negations ("tidak", "belum", "bukan",
// "jangan") deny what follows them, and "produksi" is production. A grant made by hand for a piece of
// work that a later Indonesian text reports done, or orders removed, goes. Own phrasings, none from a story.
import { describe, expect, it } from 'vitest';
import { foreignFamily, foreignWord, languageOf, readForeign } from '../../src/verdict/languages.js';
import { clauseSendsTo } from '../../src/verdict/intent.js';
import { mentions } from '../../src/verdict/envnames.js';
import { buildLog, type Message } from '../../src/verdict/log.js';
import { explain } from '../../src/verdict/verdict.js';
import type { Divergence } from '../../src/model/types.js';

const WRITTEN = '2027-03-02T10:00:00Z';
const none = () => false;
const read = (text: string) => readForeign(text, 'staging', none, WRITTEN);

describe('Indonesian is a language read', () => {
  it.each([
    'Batas koneksi dinaikkan untuk sementara sampai migrasi selesai.',
    'Tiket ini sudah ditutup oleh tim vendor.',
    'Apakah nilai ini juga perlu di produksi?',
    'Akses baca ke secret harus dihapus karena tidak dipakai lagi.',
  ])('%s', (text) => {
    expect(languageOf(text)).toEqual({ language: 'id', read: true });
  });

  it.each([
    ['staging: timeout dinaikkan ke 60s untuk sementara', 'temporary'],
    ['uji: pool diturunkan ke 5 untuk uji beban', 'test'],
    ['Nanti kita kembali ke nilai lama.', 'back'],
  ] as const)('%s: %s', (text, kind) => {
    expect(read(text)[kind]).toBeDefined();
  });

  it('not temporary: Ini bukan sementara, nilainya permanen.', () => {
    const r = read('Ini bukan sementara, nilainya permanen.');
    expect(r.temporary && !r.doubts?.some((d) => d.phrase === r.temporary)).toBeFalsy();
  });

  it.each([
    ['Migrasi sudah selesai, semua data aman.', 'done'],
    ['Perubahan ini disetujui oleh tim keamanan.', 'approved'],
    ['Tiket ini sudah ditutup oleh vendor.', 'done'],
  ] as const)('%s: %s', (text, kind) => {
    expect(foreignWord(text, kind)).toBeDefined();
  });
  it.each([
    ['Migrasi belum selesai.', 'done'],
    ['Perubahan ini tidak disetujui.', 'approved'],
    ['Apakah tiket ini sudah ditutup?', 'done'],
  ] as const)('not said: %s', (text, kind) => {
    expect(foreignWord(text, kind)).toBeUndefined();
  });

  it('an English text with a name that is an Indonesian word stays English', () => {
    expect(languageOf('Raise the pool to 40 for Dan, he asked for it in the sync')?.language).toBe('en');
  });

  it('"produksi" is production', () => {
    expect(mentions('Role ini di produksi ditambah akses secrets', 'production')).toBe(true);
    expect(mentions('Role ini di uji ditambah akses secrets', 'production')).toBe(false);
  });

  it('a question or a negation naming another environment sends nothing there', () => {
    expect(clauseSendsTo('Apakah production juga perlu?', 'production')).toBe(false);
    expect(clauseSendsTo('Saya tidak tahu kapasitas CPU di production', 'production')).toBe(false);
  });

  it.each(['Role ledger-reader harus dihapus dari produksi.', 'Akses secrets di Role ledger-reader akan dicabut minggu depan.'])(
    'a removal ordered: %s',
    (text) => {
      expect(foreignFamily(text, 'remove')).toBeDefined();
    },
  );
  it.each(['Role ledger-reader jangan dihapus, masih dipakai vendor.', 'Apakah Role ledger-reader harus dihapus?'])('no removal: %s', (text) => {
    expect(foreignFamily(text, 'remove')).toBeUndefined();
  });
});

describe('a grant made by hand for a piece of work, reported done or ordered removed in Indonesian, goes', () => {
  const KEY = 'Role/ledger-reader';
  const grant: Divergence = {
    id: 'x',
    key: KEY,
    kind: 'permission',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: 'defined', live: 'present', at: null, type: null } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: { manager: 'kubectl-edit', operation: 'Update', time: '2027-03-02T09:00:00Z', exact: false, human: true, kind: 'human' } },
  };
  const commit = (n: number, subject: string, date: string): Message => ({
    sha: String(n).repeat(40),
    parents: [],
    subject,
    body: '',
    author: 'Rina',
    email: 'r@x',
    date,
    committed: date,
  });
  const run = (first: string, second: string) => {
    const a = commit(1, 'catatan OPS-77', '2027-03-02T10:00:00Z');
    const b = commit(2, 'OPS-77 catatan penutupan', '2027-03-20T10:00:00Z');
    return explain(
      grant,
      {},
      {
        promotion: ['staging', 'production'],
        environments: ['staging', 'production'],
        today: '2027-04-01',
        log: buildLog(
          new Map(),
          [b, a],
          [
            { path: 'docs/ops/OPS-77.md', text: first, sha: a.sha },
            { path: 'docs/ops/OPS-77-tutup.md', text: second, sha: b.sha },
          ],
        ),
      },
    );
  };
  const made = '# OPS-77\n\n- Role ledger-reader di produksi ditambah `get` pada `secrets` untuk sementara, selama audit berjalan.';

  it.each([
    ['the work reported done', made, '# OPS-77 selesai\n\nAudit sudah selesai, akses tidak diperlukan lagi.'],
    ['the ticket closed', made, '# OPS-77\n\nTiket ditutup pada 19 Maret.'],
    [
      'a removal ordered',
      '# OPS-77\n\n- Role ledger-reader di produksi ditambah `get` pada `secrets`.',
      '# OPS-77\n\nSisa: akses `secrets` di Role ledger-reader harus dicabut.',
    ],
  ])('%s', (_, first, second) => {
    const v = run(first, second);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });

  it.each([
    ['the work still going on', made, '# OPS-77\n\nAudit belum selesai, vendor masih memeriksa.'],
    [
      'the removal refused',
      '# OPS-77\n\n- Role ledger-reader di produksi ditambah `get` pada `secrets`.',
      '# OPS-77\n\nAkses di Role ledger-reader jangan dicabut, masih dipakai.',
    ],
  ])('not when %s', (_, first, second) => {
    const v = run(first, second);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
});
