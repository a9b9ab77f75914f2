import { describe, expect, it } from 'vitest';
import type { Divergence, DivergenceKind } from '../../src/model/types.js';
import { explain } from '../../src/verdict/verdict.js';

const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-03' };

function divergence(kind: DivergenceKind, key: string, envs: string[], human: boolean): Divergence {
  const slot = (live: string | null) => ({ repo: null, live, location: null, type: null });
  return {
    id: 'x',
    key,
    kind,
    severity: 'drift',
    envs,
    values: { staging: slot(kind === 'object-cross-env' ? null : 'get, list on secrets'), production: slot('create, delete, get, list, patch on secrets') },
    declared: false,
    contract: null,
    notes: [`production grants create, delete, patch on secrets to ServiceAccount api; staging does not`],
    provenance: {
      production: {
        manager: human ? 'kubectl-client-side-apply' : 'helm',
        operation: 'Update',
        time: '2026-11-01T10:00:00Z',
        exact: false,
        human,
        kind: human ? 'human' : 'pipeline',
      },
    },
  };
}

describe('objects and permissions', () => {
  for (const kind of ['permission', 'live-object', 'missing-live', 'object-cross-env'] as DivergenceKind[]) {
    for (const human of [true, false]) {
      it(`${kind} (${human ? 'by hand' : 'by a deploy'}): never copies a thing or a grant toward production, never sure, and asks a person`, () => {
        const v = explain(
          divergence(kind, kind === 'permission' ? 'permissions[subject=ServiceAccount/api]' : 'CronJob/db-vacuum', ['production'], human),
          {},
          context,
        );
        expect(v.confidence).toBeLessThan(0.5);
        expect(v.question).toBeTruthy();
        expect(v.suggested === 'backfill' && v.drifted !== 'production').toBe(false);
        if (kind === 'permission') expect(v.risk).toBe('permissions');
      });
    }
  }
});
