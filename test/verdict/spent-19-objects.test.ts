import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

// holdout-19's objects, as principles in words of our own: a grant is named by whom it grants to
// (a vendor's group), and a protective object that calls itself temporary goes when a text written
// since orders it deleted by name, for its environment.

const ENVS = ['test', 'acc', 'prod'];
const context = { promotion: ENVS, environments: ENVS, today: '2026-12-05' };
const note = (sha: string, date: string, subject = 'notes', body = '') => ({
  sha: sha.repeat(40).slice(0, 40),
  parents: [],
  subject,
  body,
  author: 'Ines',
  email: 'i@x',
  date,
  committed: date,
});
const byHand = (time: string) => ({ manager: 'kubectl-create', operation: 'Update', time, exact: false, human: true, kind: 'human' as const });
const byApply = (time: string) => ({ manager: 'kubectl-client-side-apply', operation: 'Update', time, exact: false, human: false, kind: 'pipeline' as const });

describe('a grant is named by whom it grants to: a plan to remove that access removes the binding', () => {
  const binding = (subject: string): Divergence => ({
    id: 'b',
    key: 'RoleBinding/partner-troubleshoot',
    kind: 'permission',
    severity: 'drift',
    envs: ['prod'],
    values: { prod: { repo: null, live: 'exists', at: null, type: null } },
    declared: false,
    contract: null,
    notes: [`RoleBinding/partner-troubleshoot exists in prod with no definition in prod's repo files: it binds ClusterRole/edit to ${subject}`],
    provenance: { prod: byHand('2026-10-02T08:00:00Z') },
    grantedBy: {
      prod: [{ object: 'RoleBinding/partner-troubleshoot', role: 'ClusterRole/edit', subjects: [subject], createdBy: byHand('2026-10-02T08:00:00Z') }],
    },
  });
  const run = (text: string, subject = 'Group/ext-acme-support', path = 'docs/partners/acme.md') =>
    explain(binding(subject), {}, { ...context, log: buildLog(new Map(), [note('d', '2026-11-20T10:00:00Z')], [{ path, text, sha: 'd'.repeat(40) }]) });

  it.each([
    ['a contract record', '# Acme support contract\n\nGroup ext-acme-support got edit in prod for the ticket backlog.\nWhen it ends: revoke their access.'],
    ['an offboarding checklist', '- [ ] take away the rights of ext-acme-support (contract ended 2026-11-30)'],
    ['a short note by subject', 'ext-acme-support: remove the partner access after handover.'],
    ['Spanish', 'Contrato terminado. Quitar el acceso al grupo ext-acme-support en prod.'],
    ['French', "Fin de mission : supprimer l'accès du groupe ext-acme-support."],
    ['a user by address', 'Contractor kim@acme.example had edit rights. Revoke kim@acme.example once the audit closes.'],
  ])('%s names the subject and plans removing the access: revert prod', (_, text) => {
    const subject = text.includes('kim@') ? 'User/kim@acme.example' : 'Group/ext-acme-support';
    const v = run(text, subject);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'prod' });
    // A move in production on a written plan, not a certainty.
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it.each([
    ['a keep on purpose', 'ext-acme-support keeps edit in prod on purpose: 24/7 support contract until 2027.'],
    ['another thing removed', 'ext-acme-support reported the OCR bug. Remove the retry loop from the worker.'],
    ["another group's access", 'Access: ext-acme-support (edit, prod). Remove access for ext-globex-consultants, their contract ended.'],
    ['no removal at all', 'Group ext-acme-support got edit in prod for the ticket backlog.'],
  ])('%s: no removal read, the default declare stands', (_, text) => {
    const v = run(text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
  });

  it('a generic subject links no text: "admins" is every doc', () => {
    const v = run('admins: remove access after the audit.', 'Group/admins');
    expect(v).toMatchObject({ suggested: 'declare' });
  });
});

describe('a protective object that calls itself temporary goes when a later text orders it deleted by name', () => {
  const policy = (annotations: Record<string, string> | undefined, created = '2026-10-09T11:00:00Z'): Divergence => ({
    id: 'n',
    key: 'NetworkPolicy/open-ingress-debug',
    kind: 'live-object',
    severity: 'drift',
    envs: ['acc'],
    values: { acc: { repo: null, live: 'exists', at: null, type: null, ...(annotations ? { liveAnnotations: annotations } : {}) } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { acc: byApply(created) },
  });
  const TEMP = { 'ops.example/why': 'temp, tracing the partner callback; remove when found' };
  const withDoc = (d: Divergence, text: string, written = '2026-10-20T10:00:00Z', path = 'docs/runbooks/callback.md') =>
    explain(d, {}, { ...context, log: buildLog(new Map(), [note('d', written)], [{ path, text, sha: 'd'.repeat(40) }]) });

  it.each([
    ['a cleanup line', 'Cause found: the callback comes from 10.9.0.0/16.\nCleanup: delete open-ingress-debug in acc.'],
    ['an action item', '## Actions\n- [ ] Remove the open-ingress-debug policy (acc) now that the allow rule is in the repo'],
    ['Spanish', 'Pendiente: eliminar la política open-ingress-debug de acc.'],
  ])('%s: revert acc, at 0.5', (_, text) => {
    const v = withDoc(policy(TEMP), text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'acc', confidence: 0.5 });
  });

  it('a commit message is a text too: "tear down open-ingress-debug"', () => {
    const log = buildLog(new Map(), [note('c', '2026-10-21T10:00:00Z', 'callback traced; tear down open-ingress-debug next')]);
    expect(explain(policy({ note: 'vorübergehend, zum Debuggen' }), {}, { ...context, log })).toMatchObject({ suggested: 'revert', drifted: 'acc' });
  });

  it.each([
    ['the object never called itself temporary', undefined, 'Cleanup: delete open-ingress-debug in acc.', '2026-10-20T10:00:00Z'],
    ['the order is for another environment', TEMP, 'Cleanup: delete open-ingress-debug in test.', '2026-10-20T10:00:00Z'],
    ['the order is conditional', TEMP, 'If the trace shows nothing, delete open-ingress-debug.', '2026-10-20T10:00:00Z'],
    ['only a pronoun', TEMP, 'open-ingress-debug is what we traced with. Delete it later.', '2026-10-20T10:00:00Z'],
    ['written before it was made', TEMP, 'Cleanup: delete open-ingress-debug in acc.', '2026-10-01T10:00:00Z'],
  ])('%s: the protection is kept (codified, as by default)', (_, annotations, text, written) => {
    const v = withDoc(policy(annotations), text, written);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill' });
  });

  it('its own date alone, passed, never removes a protection', () => {
    const v = withDoc(policy({ 'ops.example/remove-after': '2026-10-15' }), 'Tracing the partner callback in acc.');
    expect(v).toMatchObject({ suggested: 'backfill' });
  });
});
