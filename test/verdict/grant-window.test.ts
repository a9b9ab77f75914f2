// A change record that allows a grant for a window governs it (grant-window.ts): past the window's
// end, with nothing since extending it, the grant goes. Read on records of their own — English, German,
// French, Spanish, Dutch, Polish, Swedish — where the title calls the grant temporary and another line
// gives the window; and on what must not end it: a window still open, a record extended since (or
// offering to), one that keeps the grant, one that never calls it temporary, one naming another grant.
import { describe, expect, it } from 'vitest';
import { documentsLog, messagesBy } from './log-builders.js';
import { windowPassed } from '../../src/verdict/grant-window.js';

const TODAY = '2027-04-20';
const ENVS = ['staging', 'production'];
const KEY = 'Role/ops-debugger';
const docs = messagesBy('Ola Berg', 'ola@x', 'd');

const logWith = (texts: Array<{ path: string; text: string; at: string; subject?: string }>) => documentsLog(docs, texts);
const read = (texts: Array<{ path: string; text: string; at: string; subject?: string }>) =>
  windowPassed(KEY, 'ops-debugger', 'production', ENVS, logWith(texts), TODAY);
const record = (text: string) => [{ path: 'docs/changes/CR-77.md', text, at: '2027-01-05T10:00:00Z' }];

describe('a record allowing a grant for a window that has passed: the grant goes', () => {
  it.each([
    [
      'English, "approved until"',
      '# CR-77 temporary exec for ops-debugger\n\nAdd pods/exec to Role ops-debugger in production.\n\nAccess approved until 2027-01-31.',
    ],
    ['German', '# CR-77 Zugriff für ops-debugger (befristet)\n\nRolle ops-debugger bekommt pods/exec in Produktion.\n\nGültig bis 31.01.2027.'],
    ['French', '# CR-77 accès temporaire\n\nAjouter pods/exec au rôle ops-debugger en production.\n\nValable jusqu’au 31/01/2027.'],
    ['Spanish', '# CR-77 acceso temporal\n\nAñadir pods/exec al rol ops-debugger en producción.\n\nVigente hasta el 31/01/2027.'],
    ['Dutch', '# CR-77 toegang voor ops-debugger (tijdelijk)\n\nRol ops-debugger krijgt pods/exec in productie.\n\nGeldig tot 31-01-2027.'],
    ['Polish', '# CR-77 tymczasowy dostęp\n\nRola ops-debugger dostaje pods/exec na produkcji.\n\nWażne do 31.01.2027.'],
    ['Swedish', '# CR-77 tillfällig åtkomst\n\nRollen ops-debugger får pods/exec i produktion.\n\nGäller till 2027-01-31.'],
    ['a window of two ISO dates', '# CR-77 temporary exec for ops-debugger\n\nWindow 2027-01-10 – 2027-01-31; git stays as it is.'],
  ])('%s', (_what, text) => {
    expect(read(record(text))?.until).toBe('2027-01-31');
  });
});

describe('what does not end it', () => {
  it.each([
    ['a window still open', '# CR-77 temporary exec for ops-debugger\n\nAccess approved until 2027-06-30.'],
    ['a record that never calls it temporary', '# CR-77 exec for ops-debugger\n\nReview the access until 2027-01-31.'],
    ['a record that keeps it', '# CR-77 temporary exec for ops-debugger\n\nApproved until 2027-01-31; after that it stays permanent for the on-call.'],
    ['another grant named', '# CR-77 temporary exec for ops-admin\n\nAccess approved until 2027-01-31.'],
    ['a date that is no limit', '# CR-77 temporary exec for ops-debugger\n\nWritten 2027-01-05 by Ola.'],
  ])('%s', (_what, text) => {
    expect(read(record(text))).toBeUndefined();
  });

  it.each([
    ['extended in a later commit citing the record', 'CR-77: access extended to 2027-06-30 (security ok)'],
    ['German: verlängert', 'ops-debugger: Zugriff bis Ende Juni verlängert'],
    ['Spanish: prorrogado', 'CR-77 prorrogado hasta el 30/06/2027'],
  ])('%s', (_what, subject) => {
    const texts = [
      ...record('# CR-77 temporary exec for ops-debugger\n\nAccess approved until 2027-01-31.'),
      { path: 'docs/changes/CR-77-ext.md', text: subject, at: '2027-02-02T10:00:00Z', subject },
    ];
    expect(read(texts)).toBeUndefined();
  });

  it('a record written after today is not read', () => {
    expect(
      read([
        { path: 'docs/changes/CR-77.md', text: '# CR-77 temporary exec for ops-debugger\n\nAccess approved until 2027-01-31.', at: '2027-05-01T10:00:00Z' },
      ]),
    ).toBeUndefined();
  });
});

describe('an access register naming whom the grant is for, its end in its own column', () => {
  const GRANT = 'RoleBinding/vendor-edit';
  const readBy = (subject: string, text: string) =>
    windowPassed(GRANT, subject, 'production', ENVS, logWith([{ path: 'docs/access/register.md', text, at: '2027-01-05T10:00:00Z' }]), TODAY);
  const table = (endHeader: string, end: string) =>
    `# Access register\n\n| who | access | env | approved by | ${endHeader} |\n| --- | --- | --- | --- | --- |\n` +
    `| on-call | admin | production | Mia | ongoing |\n| Acme, group \`acme-engineers\` | edit in ns pay | production | Mia | ${end} |\n`;

  it.each([
    ['English', 'valid until'],
    ['Norwegian', 'til og med'],
    ['Swedish', 'till och med'],
    ['German', 'gültig bis'],
  ])('%s header: the row’s day is the window, passed', (_what, header) => {
    expect(readBy('acme-engineers', table(header, '2027-02-28'))?.until).toBe('2027-02-28');
  });

  it.each([
    ['a day still ahead', table('valid until', '2027-06-30')],
    ['another group’s row', table('valid until', '2027-02-28').replace('acme-engineers', 'other-engineers')],
    ['no end column', table('note', '2027-02-28')],
  ])('%s: no window run out', (_what, text) => {
    expect(readBy('acme-engineers', text)).toBeUndefined();
  });

  it('a row with no day in its end column does not borrow another row’s', () => {
    const text = table('valid until', 'ongoing').replace(
      '| on-call | admin | production | Mia | ongoing |',
      '| on-call | admin | production | Mia | 2027-01-31 |',
    );
    expect(readBy('acme-engineers', text)).toBeUndefined();
  });
});
