// A role narrowed in one environment by a change whose text (its own message, or a document or
// commit citing its ticket) says the wider environment follows (holdout-22/03's pattern, told in
// other words, languages and directions): the narrow rules are the decision and the wider
// environment is brought down to them (backfill it), never the narrow one given the wide rules back.
// A plan whose date is ahead, a gate that is no date, a text keeping the wider rules, or no plan at
// all leaves the default (declare, with the question).
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

const ENVS =
  'environments:\n  staging: {files: [k8s/staging], format: manifests}\n  production: {files: [k8s/production], format: manifests}\npromotion: [staging, production]\n';
const role = (wide: boolean) =>
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: deploy-agent}\nrules:\n' +
  '  - {apiGroups: [apps], resources: [deployments], verbs: [get, list, patch]}\n' +
  (wide ? '  - {apiGroups: [""], resources: [pods, secrets], verbs: [get, list, delete]}\n' : '  - {apiGroups: [""], resources: [pods], verbs: [get, list]}\n');

type Commit = { at: string; author: string; message: string; write: Record<string, string> };

/** Both environments start wide; `narrow` is cut down by `message`, with `texts` around it. */
async function verdictFor(narrow: 'staging' | 'production', message: string, texts: Commit[] = [], today = '2026-12-05') {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-03-01T10:00:00Z',
        author: 'ana',
        message: 'deploy-agent role',
        write: { 'undrift.yaml': ENVS, 'k8s/staging/rbac.yaml': role(true), 'k8s/production/rbac.yaml': role(true) },
      },
      ...texts.filter((t) => t.at < '2026-10-29'),
      { at: '2026-10-29T10:00:00Z', author: 'ben', message, write: { [`k8s/${narrow}/rbac.yaml`]: role(false) } },
      ...texts.filter((t) => t.at >= '2026-10-29'),
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today });
  const d = scan.divergences.find((x) => x.key === 'Role/deploy-agent');
  expect(d?.kind, scan.divergences.map((x) => `${x.kind} ${x.key}`).join('; ')).toBe('permission');
  return d!.verdict!;
}
const doc = (at: string, message: string, path: string, text: string): Commit => ({ at, author: 'ana', message, write: { [path]: text } });
const FOLLOWS = /was to follow it/;

describe('a narrowing the wider environment was to follow', () => {
  it('a plan in the commit itself, no date: backfill staging, asked', async () => {
    const v = await verdictFor('production', 'rbac(prod): least privilege for deploy-agent, no secrets no delete; staging follows next sprint');
    expect([v.suggested, v.drifted, v.deliberate], v.reasons.join('\n')).toEqual(['backfill', 'staging', 'production']);
    expect(v.confidence).toBe(0.5);
    expect(v.question).toBeDefined();
  });

  it.each([
    [
      'a German security note, a calendar week',
      'Sicherheitsbefund SEC-55',
      'docs/security/SEC-55.md',
      '# SEC-55 deploy-agent zu breit\n\nProduktion zuerst. Staging zieht in KW 46 nach.\n',
    ],
    ['an English plan, a month end', 'SEC-55 remediation plan', 'docs/security/plan.md', '# Plan\n\n- SEC-55: staging gets the same cut by end of November\n'],
    ['a plan written after the change', 'SEC-55 follow-up', 'docs/sec.md', '# SEC-55\n\nstaging will get the same rules in week 46.\n'],
  ])('%s: backfill staging from production', async (_what, message, path, text) => {
    const at = path === 'docs/sec.md' ? '2026-10-30T10:00:00Z' : '2026-10-20T10:00:00Z';
    const v = await verdictFor('production', 'RBAC prod: deploy-agent ohne secrets und delete (SEC-55)', [doc(at, message, path, text)]);
    expect([v.suggested, v.drifted, v.deliberate], v.reasons.join('\n')).toEqual(['backfill', 'staging', 'production']);
    expect(v.confidence).toBe(0.55);
    expect(v.reasons.join('\n')).toMatch(FOLLOWS);
  });

  it('staging narrowed first, production to follow: backfill production, no surer than 0.5', async () => {
    const v = await verdictFor('staging', 'rbac(staging): least privilege for deploy-agent (SEC-55); production follows in week 46');
    expect([v.suggested, v.drifted, v.deliberate], v.reasons.join('\n')).toEqual(['backfill', 'production', 'staging']);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it.each([
    [
      'staging keeps its rules on purpose',
      'rbac(prod): least privilege for deploy-agent; staging keeps the wide rules on purpose, e2e deletes pods',
      '2026-12-05',
    ],
    ['the plan date still ahead', 'rbac(prod): least privilege for deploy-agent; staging follows in week 50', '2026-12-05'],
    ['a gate that is no date', 'rbac(prod): least privilege for deploy-agent; staging follows after QA sign-off', '2026-12-05'],
    ['no plan at all', 'rbac(prod): least privilege for deploy-agent, no secrets no delete', '2026-12-05'],
  ])('not when %s', async (_what, message, today) => {
    const v = await verdictFor('production', message, [], today);
    expect(v.reasons.join('\n')).not.toMatch(FOLLOWS);
    expect(v.suggested).toBe('declare');
  });

  it('not two roles made different on the first day, whatever the design note says of staging', async () => {
    const repo = await repoFromScenario({
      commits: [
        doc(
          '2026-03-01T09:00:00Z',
          'ACC-3 access design',
          'docs/ACC-3.md',
          '# ACC-3\n\nEngineers get delete on pods in staging for their tests; production stays read-only.\n',
        ),
        {
          at: '2026-03-01T10:00:00Z',
          author: 'ana',
          message: 'deploy-agent roles per environment (ACC-3)',
          write: { 'undrift.yaml': ENVS, 'k8s/staging/rbac.yaml': role(true), 'k8s/production/rbac.yaml': role(false) },
        },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-12-05' });
    const v = scan.divergences.find((x) => x.key === 'Role/deploy-agent')!.verdict!;
    expect(v.reasons.join('\n')).not.toMatch(FOLLOWS);
    expect(v.suggested).toBe('declare');
  });

  it('not a plan in a document about another ticket', async () => {
    const v = await verdictFor('production', 'RBAC prod: deploy-agent ohne secrets und delete (SEC-55)', [
      doc('2026-10-20T10:00:00Z', 'SEC-56 plan', 'docs/security/SEC-56.md', '# SEC-56 ci-runner\n\nStaging zieht in KW 46 nach.\n'),
    ]);
    expect(v.reasons.join('\n')).not.toMatch(FOLLOWS);
    expect(v.suggested).toBe('declare');
  });
});
