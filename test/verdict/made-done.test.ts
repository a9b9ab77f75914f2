// A ticket export's row that CREATED a grant, in state "Done", reports the grant made, not the work it was
// made for over: a grant still inside its window was removed at 0.5 on the word that it had been given.
// The grant's end is a row that removes it, or one reporting that work itself done (made-done.ts).
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { ticketExportAsTable } from '../../src/git/ticket-export.js';
import { reportsOnlyMaking } from '../../src/verdict/made-done.js';
import { liveGrant } from './log-builders.js';

const ENVS = ['staging', 'production'];
const context = { promotion: ENVS, environments: ENVS, today: '2026-11-20' };
const MADE = '2026-11-02T08:00:00Z';
const byHand = { manager: 'kubectl-create', operation: 'Update', time: MADE, exact: true, human: true, kind: 'human' as const };
const binding: Divergence = liveGrant('migration-runner', byHand);

/** The grant judged with one ticket export committed the day after it was made. */
function judge(rows: string) {
  const path = 'docs/tickets/OPS-77.csv';
  const text = ticketExportAsTable(`id,summary,state\n${rows}`)!;
  const date = '2026-11-03T10:00:00Z';
  const sha = '1'.repeat(40);
  const log = buildLog(
    new Map(),
    [{ sha, parents: [], author: 'Ana', email: 'a@x', date, committed: date, subject: 'docs: export OPS-77', body: '', files: [path] }],
    [{ path, text, sha }],
  );
  return explain(binding, {}, { ...context, log });
}

describe('a row making the grant, done, is not its end', () => {
  it.each([
    ['English, create', 'OPS-77,Create RoleBinding migration-runner for the data migration (until 2026-12-15),Done\n'],
    ['English, grant', 'OPS-77,Grant migration-runner edit rights in production for the migration,Done\n'],
    ['German, anlegen', 'OPS-77,RoleBinding migration-runner für die Datenmigration anlegen (bis 15.12.2026),Erledigt\n'],
    ['French, créer', 'OPS-77,Créer le RoleBinding migration-runner pour la migration des données,Terminé\n'],
    ['Spanish, crear', 'OPS-77,Crear el RoleBinding migration-runner para la migración de datos,Hecho\n'],
  ])('%s: never removed on it', (_what, rows) => {
    const v = judge(rows);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });
});

describe('near misses: a row ending the grant or its work still removes it', () => {
  it.each([
    ['a removing row', 'OPS-77,Remove RoleBinding migration-runner after the data migration,Done\n'],
    ['German, entfernen', 'OPS-77,RoleBinding migration-runner nach der Migration entfernen,Erledigt\n'],
    ['made, then the work reported finished', 'OPS-77,"Created RoleBinding migration-runner for the migration. The migration is finished.",Done\n'],
    [
      'a second row reporting the work done',
      'OPS-77,Create RoleBinding migration-runner for the data migration,Done\nOPS-77,Data migration completed; migration-runner no longer needed,Closed\n',
    ],
  ])('%s: revert', (_what, rows) => {
    const v = judge(rows);
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });
});

describe('reportsOnlyMaking', () => {
  it.each([
    '| OPS-77 | Create RoleBinding migration-runner | Done |',
    '| OPS-77 | Zugriff für die Migration vergeben | erledigt |',
    'id: OPS-77; summary: Accorder le rôle au prestataire; state: Terminé',
    'Otorgar acceso de edición al proveedor — hecho',
    'Toegang aangemaakt voor de migratie. Klaar.',
    'ServiceAccount added for the import job, done',
  ])('%s', (text) => expect(reportsOnlyMaking(text)).toBe(true));

  it.each([
    '| OPS-77 | Data migration finished | Done |',
    '| OPS-77 | Created the role for the migration. Migration is complete. | Done |',
    'Die Migration ist abgeschlossen, Zugriff wurde erteilt; Migration erledigt',
    'Cleanup of the old export files done',
    'Address the review comments — done',
  ])('%s: not only making', (text) => expect(reportsOnlyMaking(text)).toBe(false));
});
