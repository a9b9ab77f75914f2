import { describe, expect, it } from 'vitest';
import type { Divergence, Provenance } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { ticketsOfName } from '../../src/verdict/named-ticket.js';
import { liveGrant } from './log-builders.js';

// Standing access past its recorded end is the drift: a grant made for an incident (its ticket glued
// into its name, as Kubernetes names are written) whose incident a text citing the ticket closed, and
// a grant the repository took out of an environment's files that still runs there, are deleted live —
// never declared or codified. A grant nobody ended stays a question.

const ENVS = ['staging', 'production'];
const TODAY = '2027-09-30';
const MADE = '2027-03-14T09:20:00Z';
const layers = { staging: ['deploy/staging'], production: ['deploy/production'] };
const byHand: Provenance = { manager: 'kubectl-create', operation: 'Update', time: MADE, exact: true, human: true, kind: 'human' };
const deployed: Provenance = { manager: 'argocd-controller', operation: 'Apply', time: MADE, exact: false, human: false, kind: 'pipeline' };

let n = 0;
const commit = (date: string, subject: string, body = '', files?: string[]) => ({
  sha: String(++n).padStart(40, '0'),
  parents: [],
  subject,
  body,
  author: 'Ana Ruiz',
  email: 'ana@shop.example',
  date,
  committed: date,
  ...(files ? { files } : {}),
});
type Commit = ReturnType<typeof commit>;

const grant = (name: string, made: Provenance, subject: string, kind = 'RoleBinding'): Divergence => liveGrant(name, made, subject, kind);

const judged = (d: Divergence, messages: Commit[], documents: Array<{ path: string; text: string; sha: string }> = []) =>
  explain(d, {}, { promotion: ENVS, environments: ENVS, today: TODAY, layers, log: buildLog(new Map(), messages, documents) });

describe('a ticket glued into an object name is the ticket, where the log cites it', () => {
  const log = buildLog(new Map(), [commit('2027-03-15T10:00:00Z', 'INC-4471 summary'), commit('2027-03-15T11:00:00Z', 'CHG-20931: vendor read access')]);
  it.each([
    ['breakglass-inc4471', 'INC-4471'],
    ['inc4471-exec', 'INC-4471'],
    ['vendor-read-chg20931', 'CHG-20931'],
    ['breakglass-inc-4471', 'INC-4471'],
  ])('%s cites %s', (name, ticket) => expect(ticketsOfName(name, log)).toContain(ticket));
  it.each([['redis6-exporter'], ['ipv4-only'], ['app-v2'], ['breakglass-inc9999'], ['sha256-verifier'], ['payments-s3-writer']])(
    '%s cites no ticket the log knows',
    (name) => expect(ticketsOfName(name, log)).toEqual([]),
  );
});

describe('a break-glass grant whose incident a text citing its ticket closed is deleted live', () => {
  const made = (ticket: string) => commit('2027-03-16T12:00:00Z', `${ticket} summary`, '', ['docs/incidents/x.md']);
  it.each([
    ['English', 'INC-4471', 'Timeline\n- 10:20 exec for Priya\n- Resolved 15 Mar, all stuck payments replayed.'],
    ['German', 'STO-88', 'Verlauf\n- 10:20 Zugriff für Priya\n- Geschlossen am 15.03. um 09:00.'],
    ['Spanish', 'INC-4471', 'Cronología\n- 10:20 acceso para Priya\n- Incidente cerrado el 15 de marzo.'],
    ['Italian', 'INC-4471', 'Cronologia\n- 10:20 accesso per Priya\n- Incidente chiuso il 15 marzo.'],
    ['French', 'INC-4471', 'Chronologie\n- 10:20 accès pour Priya\n- Incident clos le 15 mars.'],
  ])('%s: revert production', (_, ticket, text) => {
    const name = `breakglass-${ticket.replace('-', '').toLowerCase()}`;
    const c = made(ticket);
    const v = judged(
      grant(name, byHand, 'User/priya@shop.example'),
      [c],
      [{ path: `docs/incidents/${ticket}.md`, text: `# ${ticket}\n\n${text}\n`, sha: c.sha }],
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(v.confidence).toBeLessThan(0.6);
  });

  it.each([
    ['still open', '- Status: open, mitigation ongoing.'],
    ['to be closed later', '- Will be closed once the fix ships.'],
    ['nothing about its end', '- 10:20 exec for Priya.'],
  ])('the incident %s: no removal', (_, line) => {
    const c = made('INC-4471');
    const v = judged(
      grant('breakglass-inc4471', byHand, 'User/priya@shop.example'),
      [c],
      [{ path: 'docs/incidents/INC-4471.md', text: `# INC-4471\n\n${line}\n`, sha: c.sha }],
    );
    expect(v.suggested === 'revert' && v.confidence >= 0.55, v.reasons.join('\n')).toBe(false);
    expect(v.suggested).not.toBe('backfill');
  });

  it('a glued name whose ticket no commit cites is a question', () => {
    const v = judged(grant('breakglass-inc4471', byHand, 'User/priya@shop.example'), [commit('2027-03-16T12:00:00Z', 'INC-9000 summary', 'Resolved.')]);
    expect(v).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe("a grant the repo took out of the environment's files that still runs there is deleted live", () => {
  const prodFile = ['deploy/production/rbac.yaml'];
  it.each([
    [
      'English, the team and "binding"',
      'atlas takes over deploys',
      'New deployer binding for group atlas, hermes binding removed.',
      'hermes-deployers',
      'Group/hermes',
    ],
    ['English, replaced', 'rbac: replace old-ci-deployer with the new pipeline account', '', 'old-ci-deployer', 'ServiceAccount/old-ci'],
    ['English, dropped', 'Drop the vendor-readonly RoleBinding', 'Contract with the vendor ended.', 'vendor-readonly', 'Group/ext-vendor'],
    ['German', 'Übergabe an Team Atlas', 'RoleBinding hermes-deployers entfernt, atlas-deployers neu.', 'hermes-deployers', 'Group/hermes'],
    ['French', 'passation à Atlas', 'Le RoleBinding hermes-deployers est supprimé.', 'hermes-deployers', 'Group/hermes'],
    ['Spanish', 'traspaso a Atlas', 'Eliminado el binding de hermes-deployers.', 'hermes-deployers', 'Group/hermes'],
    ['Dutch', 'overdracht naar Atlas', 'Binding hermes-deployers verwijderd.', 'hermes-deployers', 'Group/hermes'],
    ['Swedish', 'överlämning till Atlas', 'Vi tog bort hermes-deployers.', 'hermes-deployers', 'Group/hermes'],
    ['Polish', 'przekazanie do Atlas', 'Usunięto powiązanie hermes-deployers.', 'hermes-deployers', 'Group/hermes'],
  ])('%s: revert production', (_, subject, body, name, who) => {
    const v = judged(grant(name, deployed, who), [commit('2027-06-02T10:30:00Z', subject, body, prodFile)]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('the repo is the deliberate side: its removal is the decision', () => {
    const v = judged(grant('hermes-deployers', deployed, 'Group/hermes'), [
      commit('2027-06-02T10:30:00Z', 'atlas takes over deploys', 'New deployer binding for group atlas, hermes binding removed.', prodFile),
    ]);
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'production', deliberate: 'production', confidence: 0.55 });
    expect(v.reasons.join('\n')).toContain("took RoleBinding/hermes-deployers out of production's files");
  });

  it('a ClusterRoleBinding taken out the same way goes too', () => {
    const v = judged(grant('hermes-admins', deployed, 'Group/hermes', 'ClusterRoleBinding'), [
      commit('2027-06-02T10:30:00Z', 'cluster rbac: hermes-admins removed after the handover', '', ['deploy/production/cluster-rbac.yaml']),
    ]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });

  it('a ServiceAccount token Secret taken out goes too', () => {
    const v = judged(grant('ci-deployer-token', deployed, 'ServiceAccount/ci-deployer', 'Secret'), [
      commit('2027-06-02T10:30:00Z', 'ci: OIDC for deploys', 'The long-lived ci-deployer-token is deleted; the pipeline uses OIDC now.', prodFile),
    ]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });

  it("a grant the environment's files still define is not this rule's", () => {
    const d = grant('hermes-deployers', deployed, 'Group/hermes');
    const defined: Divergence = {
      ...d,
      values: { production: { repo: 'exists', live: 'exists', at: { file: 'deploy/production/rbac.yaml' }, type: null } },
    };
    const v = judged(defined, [commit('2027-06-02T10:30:00Z', 'atlas takes over deploys', 'hermes binding removed.', prodFile)]);
    expect(v.reasons.join('\n')).not.toContain('took RoleBinding/hermes-deployers out');
  });

  it.each([
    ['a commit touching only another environment', 'staging: hermes binding removed', '', ['deploy/staging/rbac.yaml']],
    ['a commit touching no file (a note)', 'hermes binding removed', '', undefined],
    ['a removal denied', 'atlas takes over deploys', 'Do not remove the hermes binding yet.', ['deploy/production/rbac.yaml']],
    ['a removal asked about', 'atlas takes over deploys', 'Should we drop the hermes binding?', ['deploy/production/rbac.yaml']],
    ['a removal of something else', 'atlas takes over deploys', 'hermes dashboard removed, replicas to 3.', ['deploy/production/rbac.yaml']],
    [
      'a removal kept on purpose',
      'atlas takes over deploys',
      'hermes binding kept live on purpose, removed from the repo only.',
      ['deploy/production/rbac.yaml'],
    ],
    [
      'a removal under a condition',
      'atlas takes over deploys',
      'If the audit agrees, the hermes binding is removed next week.',
      ['deploy/production/rbac.yaml'],
    ],
    ['the team named, not its grant', 'atlas takes over deploys', 'Runbook link for hermes removed from the README.', ['deploy/production/rbac.yaml']],
  ])('%s: no removal', (_, subject, body, files) => {
    const v = judged(grant('hermes-deployers', deployed, 'Group/hermes'), [commit('2027-06-02T10:30:00Z', subject, body, files)]);
    expect(v.suggested === 'revert' && v.confidence >= 0.55, v.reasons.join('\n')).toBe(false);
    expect(v.suggested).not.toBe('backfill');
  });

  it('a removal written before the grant was made speaks of an earlier one', () => {
    const v = judged(grant('hermes-deployers', deployed, 'Group/hermes'), [
      commit('2027-02-02T10:30:00Z', 'hermes binding removed', '', ['deploy/production/rbac.yaml']),
    ]);
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});
