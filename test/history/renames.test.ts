import { describe, expect, it } from 'vitest';
import { readHistory } from '../../src/history/walk.js';
import { repoFromScenario } from '../support/repo.js';

// Renaming a Kubernetes object is one event of its own; its keys keep their history.

const cm = (name: string, a: string, b: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  A: "${a}"\n  B: "${b}"\n`;

describe('object renames in manifest history', () => {
  it('carry each key history over to the new name, with the rename as an event naming the old key', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: { 'k8s/prod/config.yaml': cm('app-config', '1', 'x') } },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'A to 2', write: { 'k8s/prod/config.yaml': cm('app-config', '2', 'x') } },
        { at: '2026-01-03T10:00:00Z', author: 'ana', message: 'rename the config map', write: { 'k8s/prod/config.yaml': cm('payment-config', '2', 'x') } },
        { at: '2026-01-04T10:00:00Z', author: 'ben', message: 'B to y', write: { 'k8s/prod/config.yaml': cm('payment-config', '2', 'y') } },
      ],
    });
    const h = await readHistory(repo, [{ name: 'prod', files: ['k8s/prod'], format: 'auto' }], { cache: false });
    const keys = h.envs.get('prod')!;
    expect([...keys.keys()].sort()).toEqual(['ConfigMap/payment-config.data.A', 'ConfigMap/payment-config.data.B']);
    const brief = (key: string) => keys.get(key)!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}${e.renamedFrom ? ` (from ${e.renamedFrom})` : ''}`);
    expect(brief('ConfigMap/payment-config.data.A')).toEqual(['rename the config map: 2→2 (from ConfigMap/app-config.data.A)', 'A to 2: 1→2', 'create: ∅→1']);
    expect(brief('ConfigMap/payment-config.data.B')).toEqual(['B to y: x→y', 'rename the config map: x→x (from ConfigMap/app-config.data.B)', 'create: ∅→x']);
  });
});
