// Session 31 (spent holdout-28): a bank's notice (in Czech) moved its acceptance window, from one day on
// its test endpoint and from a later day on production's, files outside it rejected and everything
// accepted as before until then; staging followed, production had a week left. A counterparty's
// cut-over dated per environment that refuses the old after the day and keeps accepting until it is a
// deadline, not a gate: the environment whose day is ahead moves before it. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { cutoverAhead } from '../../src/verdict/cutover.js';
import { dateIn } from '../../src/verdict/calendar.js';
import type { Message } from '../../src/verdict/log.js';

const KEY = 'CronJob/ledger-upload.schedule';
const msg = (c: string, date: string, subject: string, body = ''): Message => ({
  sha: c.repeat(40),
  parents: [],
  subject,
  body,
  author: 'Lea Horn',
  email: 'l@x',
  date,
  committed: date,
});

/** A notice committed on 2027-03-01, staging's change on 2027-04-03 (`subject`), read on `today`. */
function read(notice: string, subject: string, today = '2027-04-20') {
  const doc = msg('d', '2027-03-01T09:00:00Z', 'partner notice');
  const change = msg('c', '2027-04-03T09:00:00Z', subject);
  const event = { ...eventOf(change, 'k8s/staging/upload.yaml', '0 1 * * *', '30 5 * * *', { merge: false, revert: false }), order: 0 };
  const log = buildLog(new Map([['staging', new Map([[KEY, [event]]])]]), [change, doc], [{ path: 'docs/partner/notice.md', text: notice, sha: doc.sha }]);
  return cutoverAhead(event, KEY, 'production', log, today);
}

const NOTICES: Array<[string, string, string]> = [
  [
    'English',
    [
      '# Clearing partner notice: new upload window for settlement files',
      '',
      'Files uploaded outside 05:00–07:00 will be rejected.',
      '',
      '- test endpoint: from 2027-04-01',
      '- production endpoint: from 2027-05-02',
      '',
      'Until then, uploads are accepted at any hour as before.',
    ].join('\n'),
    'staging: settlement upload at 5:30 (new upload window)',
  ],
  [
    'German',
    [
      '# Mitteilung des Partners: neues Upload-Fenster für Abrechnungsdateien',
      '',
      'Dateien außerhalb 05:00–07:00 werden abgewiesen.',
      '',
      '- Testumgebung: ab 1.4.2027',
      '- Produktion: ab 2.5.2027',
      '',
      'Bis dahin nehmen wir Dateien wie bisher rund um die Uhr an.',
    ].join('\n'),
    'staging: Abrechnungsdateien um 5:30 (neues Upload-Fenster)',
  ],
  [
    'French',
    [
      "# Avis du partenaire : nouvelle fenêtre d'envoi des fichiers de règlement",
      '',
      'Les fichiers envoyés hors 05:00–07:00 seront rejetés.',
      '',
      '- environnement de test : à partir du 1er avril 2027',
      '- production : à partir du 2 mai 2027',
      '',
      'Jusque-là, les envois sont acceptés comme avant, à toute heure.',
    ].join('\n'),
    "staging : envoi des fichiers de règlement à 5h30 (nouvelle fenêtre d'envoi)",
  ],
  [
    'Spanish',
    [
      '# Aviso del socio: nueva ventana de envío de ficheros de liquidación',
      '',
      'Los ficheros enviados fuera de 05:00–07:00 serán rechazados.',
      '',
      '- entorno de pruebas: desde el 1 de abril de 2027',
      '- producción: desde el 2 de mayo de 2027',
      '',
      'Hasta entonces se aceptan los envíos como hasta ahora.',
    ].join('\n'),
    'staging: envío de ficheros de liquidación a las 5:30 (nueva ventana de envío)',
  ],
  [
    'Czech, the day written with spaces',
    [
      '# Oznámení partnera: nové okno pro nahrávání zúčtovacích souborů',
      '',
      'Soubory mimo okno 05:00–07:00 budou odmítnuty.',
      '',
      '- testovací prostředí: od 1. 4. 2027',
      '- produkční prostředí: od 2. 5. 2027',
      '',
      'Do těchto dat přijímáme soubory jako dosud.',
    ].join('\n'),
    'staging: nahrávání zúčtovacích souborů v 5:30 (nové okno partnera)',
  ],
];

describe("a counterparty's cut-over dated per environment, refusing the old after the day and accepting until it", () => {
  it.each(NOTICES)('%s: production moves before its day', (_what, notice, subject) => {
    expect(read(notice, subject)?.on).toBe('2027-05-02');
  });
});

describe('near misses', () => {
  const [, english, subject] = NOTICES[0]!;
  it.each([
    [
      'no transition: the old is not accepted until then',
      english.replace('Until then, uploads are accepted at any hour as before.', 'Plan your change in time.'),
    ],
    ['nothing refused', english.replace('Files uploaded outside 05:00–07:00 will be rejected.', 'The preferred window is 05:00–07:00.')],
    ["production's day not named", english.replace('- production endpoint: from 2027-05-02\n', '')],
  ])('%s', (_what, notice) => {
    expect(read(notice, subject)).toBeUndefined();
  });
  it("production's day already passed", () => {
    expect(read(english, subject, '2027-05-10')).toBeUndefined();
  });
  it('a notice about something else', () => {
    expect(read(english, 'staging: raise worker memory to 2Gi')).toBeUndefined();
  });
});

describe('a day written with a space after each dot, as Czech and Slovak write it', () => {
  it.each([
    ['od 1. 11. 2027', '2027-11-01'],
    ['platí od 15. 3. 2028', '2028-03-15'],
    ['ab 1.11.2027', '2027-11-01'],
  ])('%s', (text, day) => {
    expect(dateIn(text, '2027-09-01T00:00:00Z')).toBe(day);
  });
  it.each(['version 1. 2. 3', 'steps 1. 11. and 12.'])('not a day: %s', (text) => {
    expect(dateIn(text, '2027-09-01T00:00:00Z')).toBeUndefined();
  });
});
