// A grant or a patch made by hand in an incident is often bounded on its own note by a span: "remove
// after 48h". The span runs from when the note was written (the edit), and the undo is due once it has
// passed. Only beside the undo verb: "after 48h" alone is when something happened or the setting's delay.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';

const EDITED = '2027-11-19T03:41:12Z';

describe('an undo planned a span after the edit ends it then', () => {
  it.each([
    ['INC-77: revoke after 24 hours', '2027-11-20'],
    ['temporary access, delete after 3 days', '2027-11-22'],
    ['Störung 12: nach 48 Stunden entfernen', '2027-11-21'],
    ['accès temporaire, supprimer après 48h', '2027-11-21'],
    ['acceso de guardia: eliminar después de 72 horas', '2027-11-22'],
    ['accesso temporaneo, rimuovere dopo 2 giorni', '2027-11-21'],
    ['tijdelijk: verwijderen na 48 uur', '2027-11-21'],
    ['incident: ta bort efter 48 timmar', '2027-11-21'],
    ['dostęp awaryjny, usunąć po 48 godzinach', '2027-11-21'],
  ])('%s', (note, until) => {
    expect(readDeadline(note, EDITED).date).toBe(until);
  });

  it.each([
    'alert after 48h without a heartbeat',
    'the pod restarted after 48h of uptime',
    'tokens expire after 24 hours',
    'the cleanup job deletes old files after 48h',
    'removed after 48h by the cleanup job? no, still here',
  ])('no end of the change: %s', (note) => {
    expect(readDeadline(note, EDITED).date).toBeUndefined();
  });
});
