// Session 14 (issue 10): what an object's documents decide, for every kind. A retirement recorded
// in a document that names the object ("`x` was deleted in production on purpose", "has been
// decommissioned, do not re-create it") is read for an object absent live as for one running: the
// repo drops the definition, nothing is re-created. An object's stated purpose (its annotation "for
// the Bamboo release job") links it to what the documents say of that purpose: a purpose ended
// ends the object, and an order about its class applies to it. Situations of their own, none from a
// verdict story.
import { describe, expect, it } from 'vitest';
import type { Divergence, DivergenceKind } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { documentedKeep } from '../../src/verdict/documents.js';

const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-03' };
const note = (date: string) => ({ sha: 'd'.repeat(40), parents: [], subject: 'notes', body: '', author: 'Ines', email: 'i@x', date, committed: date });

function object(kind: DivergenceKind, key: string, annotations: Record<string, string> = {}): Divergence {
  const present = kind !== 'missing-live';
  return {
    id: 'x',
    key,
    kind,
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: present ? null : 'defined', live: present ? 'present' : null, at: null, type: null, liveAnnotations: annotations } },
    declared: false,
    contract: null,
    notes: [],
    provenance: present
      ? { production: { manager: 'kubectl-create', operation: 'Update', time: '2026-03-01T10:00:00Z', exact: false, human: true, kind: 'human' } }
      : {},
  };
}
const run = (d: Divergence, path: string, text: string, written = '2026-11-20T10:00:00Z') =>
  explain(d, {}, { ...context, log: buildLog(new Map(), [note(written)], [{ path, text, sha: 'd'.repeat(40) }]) });

describe('a retirement in a document, for an object absent live', () => {
  it.each([
    [
      'Service/metrics-v1',
      'docs/migrations/metrics-v2.md',
      '# Metrics v2\n\nThe `metrics-v1` Service was removed from production on purpose when v2 went live.',
    ],
    ['CronJob/old-reaper', 'docs/runbooks/reaper.md', 'The old-reaper CronJob has been decommissioned. Do not re-create it: the new reaper runs in the app.'],
    [
      'Ingress/partner-sandbox',
      'docs/adr/0042-partner-sandbox.md',
      '# ADR-0042\n\nStatus: accepted\n\n`partner-sandbox` must not be exposed again: the partners moved to the v3 sandbox.',
    ],
  ])('%s: the repo drops its definition, nothing is re-created', (key, path, text) => {
    const v = run(object('missing-live', key), path, text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
    expect(v.reasons.join('\n')).toContain(path);
  });

  it.each([
    ['Service/metrics-v1', 'The `metrics-v1` Service was deleted by mistake during the cleanup; redeploy it.'],
    ['CronJob/old-reaper', 'The old-reaper CronJob will be decommissioned in Q1.'],
    ['Ingress/partner-sandbox', 'The `partner-api` Ingress was deleted in production; partner-sandbox stays as it is.'],
  ])('%s: not a slip, a plan, or another object retired', (key, text) => {
    const v = run(object('missing-live', key), 'docs/notes.md', text);
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });

  it('a document proposing the retirement decides nothing', () => {
    const v = run(
      object('missing-live', 'Service/metrics-v1'),
      'docs/adr/7.md',
      '# ADR-7\n\nStatus: proposed\n\nThe `metrics-v1` Service was removed from production.',
    );
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });
});

describe("an object's stated purpose, ended in a document", () => {
  const token = (purpose: string) =>
    object('permission', 'Secret/releaser-bamboo-token', { 'kubernetes.io/service-account.name': 'releaser', 'ops.example/purpose': purpose });

  it.each([
    ['for the Bamboo release job (prod)', 'docs/adr/0050-ci.md', 'Bamboo was shut down on 2026-11-10. All long-lived release tokens must be revoked.'],
    [
      'used by Bamboo nightly',
      'docs/ci/migration.md',
      'We moved to GitLab CI; Bamboo is now decommissioned. Every Bamboo token has to be deleted by the platform team.',
    ],
    ['Bamboo deploys', 'docs/ci.md', '# CI\n\nThe Bamboo server was switched off last week. Any release token left behind should be revoked.'],
  ])('%s: removed', (purpose, path, text) => {
    const v = run(token(purpose), path, text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('the purpose ended with no order about its class: removed, at 0.5, with a question', () => {
    const v = run(token('for the Bamboo release job'), 'docs/ci.md', 'Bamboo was switched off on 2026-11-10.');
    expect(v).toMatchObject({ suggested: 'revert', confidence: 0.5 });
    expect(v.question).toMatch(/Bamboo/);
  });

  it.each([
    ['for the Bamboo release job', 'Bamboo will be switched off in January.'],
    ['for the Bamboo release job', 'Jenkins was switched off on 2026-11-10. Every Jenkins token must be revoked.'],
    ['for the release job', 'Bamboo was switched off on 2026-11-10.'],
  ])('%s: not a plan, another purpose, or a purpose not named (%s)', (purpose, text) => {
    const v = run(token(purpose), 'docs/ci.md', text);
    expect(v.suggested).not.toBe('revert');
  });
});

describe('a keep asked is not a keep decided (documentedKeep reads undecided, conditions.ts)', () => {
  const keepIn = (text: string) =>
    documentedKeep(
      'HTTP_POOL_SIZE',
      '2026-11-15T10:00:00Z',
      buildLog(new Map(), [note('2026-11-20T10:00:00Z')], [{ path: 'docs/pm.md', text, sha: 'd'.repeat(40) }]),
      '400',
    );
  it.each([
    '- [ ] platform: keep HTTP_POOL_SIZE at 400 or go back to 100? Decide, then codify or revert.',
    'HTTP_POOL_SIZE: keep 400 or roll back to 100? Needs a decision from the service owner.',
    'HTTP_POOL_SIZE 400 behalten oder zurück auf 100? Noch offen.',
  ])('not %s', (text) => expect(keepIn(text)).toBeUndefined());
  it('but a keep decided is', () => {
    expect(keepIn('Decision: keep HTTP_POOL_SIZE=400 in prod and codify it.')?.phrase).toBeTruthy();
  });
});
