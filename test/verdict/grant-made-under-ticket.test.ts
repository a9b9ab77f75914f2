// A grant made by hand under a ticket (a text naming the grant in full cites it: the ticket export's row
// with the command run, a change note) is governed by that ticket's texts: a passage citing the ticket
// whose clause cites it or names the grant's kind, with a verb of taking away, plans the grant's end as a
// text naming it does — and the end the passage gives ("approved until …"), passed, makes it sure (0.6).
// Spent holdout-26 told its approval and the order to delete "the RoleBinding" in Hungarian, in a CSV
// export's other row; the grant was declared and an outside company kept edit rights in production.
// Own names, tickets, phrasings and languages here.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { ticketExportAsTable } from '../../src/git/ticket-export.js';

const ENVS = ['acc', 'prd'];
const context = { promotion: ENVS, environments: ENVS, today: '2026-11-20' };
const MADE = '2026-09-02T08:00:00Z';
const byHand = { manager: 'kubectl-create', operation: 'Update', time: MADE, exact: true, human: true, kind: 'human' as const };

const binding: Divergence = {
  id: 'g',
  key: 'RoleBinding/vendor-sync-admin',
  kind: 'permission',
  severity: 'drift',
  envs: ['prd'],
  values: { prd: { repo: null, live: 'exists', at: null, type: null } },
  declared: false,
  contract: null,
  notes: ["RoleBinding/vendor-sync-admin exists in prd with no definition in prd's repo files: it binds ClusterRole/admin to Group/acme-sync-team"],
  provenance: { prd: byHand },
  grantedBy: { prd: [{ object: 'RoleBinding/vendor-sync-admin', role: 'ClusterRole/admin', subjects: ['Group/acme-sync-team'], createdBy: byHand }] },
} as unknown as Divergence;

const made = (ticket: string) =>
  `id,when,state,note\n${ticket},2026-09-02 10:00,Executed,"ran: kubectl create rolebinding vendor-sync-admin --clusterrole=admin --group=acme-sync-team"\n`;

/** The ticket's export (naming the grant) and a second text: a row of the export, or a later note. */
function judge(plan: { row?: string; note?: string }, ticket = 'CHG-812') {
  const docs = [
    { path: `docs/tickets/${ticket}.csv`, text: ticketExportAsTable(made(ticket) + (plan.row ? `${ticket},2026-09-01 09:00,Approved,"${plan.row}"\n` : ''))! },
    ...(plan.note ? [{ path: 'docs/closing.md', text: plan.note }] : []),
  ];
  const messages = docs.map((d, i) => {
    const date = i === 0 ? '2026-09-03T10:00:00Z' : '2026-10-20T10:00:00Z';
    const sha = String(i + 1).repeat(40);
    return { sha, parents: [], author: 'Ana', email: 'a@x', date, committed: date, subject: 'docs', body: '', files: [d.path] };
  });
  const log = buildLog(
    new Map(),
    messages.reverse(),
    docs.map((d, i) => ({ ...d, sha: String(i + 1).repeat(40) })),
  );
  return explain(binding, {}, { ...context, log });
}

describe('a plan citing the ticket the grant was made under removes it', () => {
  it.each([
    ['English row, its kind', { row: 'Approved until 2026-10-31. After that, remove the RoleBinding.' }],
    ['German row, its kind', { row: 'Genehmigt bis 31.10.2026. Danach die RoleBinding wieder entziehen.' }],
    ['French row, its kind', { row: "Validé jusqu'au 31/10/2026. Ensuite supprimer le RoleBinding." }],
    ['Dutch row, its kind', { row: 'Goedgekeurd tot 31-10-2026. Daarna de RoleBinding verwijderen.' }],
    ['Hungarian row, another verb', { row: 'Engedélyezve 2026-10-31-ig. Utána a RoleBindingot el kell távolítani, eltávolítandó.' }],
  ])('%s: revert live, sure once the end passed (0.6)', (_what, plan) => {
    const v = judge(plan);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'prd', confidence: 0.6 });
  });

  it.each([
    ['English note citing the ticket', '# Cut-over closed\n\n- Done 2026-10-18. Revoke the vendor team access (CHG-812).\n'],
    ['Polish note citing the ticket', '# Zamknięcie\n\n- Zakończone. Usunąć dostęp firmy zewnętrznej (CHG-812).\n'],
    ['Hungarian note citing the ticket', '# Lezárás\n\n- Befejezve. A külsős csapat jogosultságát meg kell vonni (CHG-812).\n'],
    ['Spanish note citing the ticket', '# Cierre\n\n- Terminado. Hay que revocar el acceso del proveedor (CHG-812).\n'],
  ])('%s: revert live', (_what, note) => {
    const v = judge({ note });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'prd' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });
});

describe('near misses: the ticket does not make it a plan to take the grant away', () => {
  it.each([
    ['Hungarian, denied', { row: 'Jóváhagyva 2026-10-31-ig. A RoleBindingot nem kell törölni, a szinkron marad.' }],
    ['German, denied', { row: 'Genehmigt bis 31.10.2026. Die RoleBinding nicht löschen.' }],
    ['another thing removed under the ticket', { row: 'Approved. Remove the old export files after the sync.' }],
    ['asked', { row: 'Approved until 2026-10-31. Should the RoleBinding be removed afterwards?' }],
  ])('%s: still the question (declare, 0.5 or below)', (_what, plan) => {
    const v = judge(plan);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('a text naming the grant, whose "delete" is a verb it grants, is read by its name only', () => {
    const v = judge({ note: '# RBAC\n\n- vendor-sync-admin: admin without delete on secrets (CHG-812)\n' });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });

  it('a removal under another ticket is another grant’s', () => {
    const v = judge({ note: '# Closing\n\n- Revoke the vendor team access (CHG-990).\n' });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });

  it('another ticket’s export, naming the kind', () => {
    const v = judge({ note: '| ticket | note |\n| --- | --- |\n| CHG-990 | Approved until 2026-10-31, then delete the RoleBinding. |\n' });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });
});
