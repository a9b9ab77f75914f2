import { describe, expect, it } from 'vitest';
import { compareEnvironments } from '../../src/compare/compare.js';
import { compareLive, withLiveValues } from '../../src/compare/live.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import type { Scan } from '../../src/engine.js';
import { explainKey } from '../../src/report/explain.js';
import type { LiveArtifact, LiveState, Snapshot, Value } from '../../src/model/types.js';

const TODAY = '2026-11-22';
const D = (c: string) => `sha256:${c.repeat(64)}`;

function repoValues(values: Record<string, string>): Map<string, Value> {
  return new Map(
    Object.entries(values).map(([key, text], i): [string, Value] => [key, { text, type: 'string', location: { file: 'f.yaml', line: i + 1, column: 1 } }]),
  );
}

function artifact(key: string, image: string, digests: string[] = []): LiveArtifact {
  const [kind, name] = key.split('.')[0]!.split('/');
  return { key, image, digests, location: { source: 'snapshot live', kind: kind!, name: name!, fieldPath: '.spec.template.spec.containers[name=app].image' } };
}

function snapshot(repo: Record<string, Record<string, string>>, live: Record<string, LiveArtifact[]>): Snapshot {
  const envs = Object.keys(repo);
  return {
    repo: '/repo',
    environments: envs,
    promotion: envs,
    envs: new Map(envs.map((env) => [env, { env, files: [], warnings: [], values: repoValues(repo[env]!) }])),
    live: new Map(
      Object.entries(live).map(([env, artifacts]): [string, LiveState] => [
        env,
        { env, status: 'ok', source: 'snapshot live', values: new Map(), artifacts, warnings: [] },
      ]),
    ),
  };
}

const noContract = (envs: string[]) => parseContract(yamlFileFromText('expected_differences: {}\n', 'c.yaml'), envs);

describe('the image that runs', () => {
  const KEY = 'Deployment/api.containers[name=app].image';

  it("compares a manifest's declared image with the one that runs: production says 1.2.0, runs 1.3.0-hotfix", () => {
    const s = snapshot(
      { staging: { [KEY]: 'registry.example/api:1.2.0' }, production: { [KEY]: 'registry.example/api:1.2.0' } },
      { staging: [artifact(KEY, 'registry.example/api:1.2.0')], production: [artifact(KEY, 'registry.example/api:1.3.0-hotfix', [D('b')])] },
    );
    const found = compareLive(s, noContract(s.environments), TODAY).filter((d) => d.kind === 'live-drift');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      key: KEY,
      envs: ['production'],
      values: { production: { repo: 'registry.example/api:1.2.0', at: { file: 'f.yaml', line: 1 } } },
    });
    expect(found[0]!.notes[0]).toContain(
      `production's repo declares "registry.example/api:1.2.0" (f.yaml:1); production runs "registry.example/api:1.3.0-hotfix" (${D('b')})`,
    );
  });

  it("compares a chart's image.tag with the tag of the one long-running workload that runs that repository", () => {
    const s = snapshot(
      { production: { 'image.repository': 'registry.example/api', 'image.tag': '1.2.0' } },
      {
        production: [
          artifact(KEY, 'registry.example/api:1.3.0-hotfix'),
          artifact('CronJob/backfill.containers[name=job].image', 'registry.example/backfill:0.4'),
        ],
      },
    );
    const found = compareLive(s, noContract(s.environments), TODAY);
    expect(found.filter((d) => d.kind === 'live-drift').map((d) => [d.key, d.values.production!.repo, d.values.production!.live])).toEqual([
      ['image.tag', '1.2.0', '1.3.0-hotfix'],
    ]);
    // The same tag running: nothing.
    const same = snapshot({ production: { 'image.tag': '1.3.0-hotfix' } }, { production: [artifact(KEY, 'registry.example/api:1.3.0-hotfix')] });
    expect(compareLive(same, noContract(same.environments), TODAY)).toEqual([]);
  });

  it('compares digests pairwise: staging and production running one tag as two builds is found whatever dev runs', () => {
    const s = snapshot(
      { dev: {}, staging: {}, production: {} },
      { dev: [artifact(KEY, 'api:1.9.0', [D('c')])], staging: [artifact(KEY, 'api:1.8.2', [D('a')])], production: [artifact(KEY, 'api:1.8.2', [D('b')])] },
    );
    const [d] = compareLive(s, noContract(s.environments), TODAY).filter((x) => x.kind === 'artifact');
    expect(d!.notes).toContain(`the same image api:1.8.2 runs as different digests: staging ${D('a')}; production ${D('b')} — the tag was pushed again`);
    // Same tag, same build in the two: only the differing images are noted.
    const fine = snapshot(
      { dev: {}, staging: {}, production: {} },
      { dev: [artifact(KEY, 'api:1.9.0', [D('c')])], staging: [artifact(KEY, 'api:1.8.2', [D('a')])], production: [artifact(KEY, 'api:1.8.2', [D('a')])] },
    );
    const [e] = compareLive(fine, noContract(fine.environments), TODAY).filter((x) => x.kind === 'artifact');
    expect(e!.notes.some((n) => n.includes('different digests'))).toBe(false);
  });
});

describe('fields compared only where a repo manifest declares them', () => {
  const KEY = 'CronJob/reaper.containers[name=job].args';
  const liveArgs = (text: string): LiveState['values'] =>
    new Map([
      [
        KEY,
        {
          text,
          type: 'list',
          manifestOnly: true,
          manifestKey: KEY,
          location: { source: 'snapshot live', kind: 'CronJob', name: 'reaper', fieldPath: '.spec.jobTemplate.spec.template.spec.containers[name=job].args' },
        },
      ],
    ]);
  const withLive = (repo: Record<string, Record<string, string>>) => {
    const s = snapshot(repo, { staging: [], production: [] });
    for (const [env, state] of s.live!) s.live!.set(env, { ...state, values: liveArgs(env === 'staging' ? '["reap","--all"]' : '["reap"]') });
    return s;
  };

  it("a repo of values files never names a container's args: live alone they are no live-only row", () => {
    const s = withLive({ staging: { LOG_LEVEL: 'debug' }, production: { LOG_LEVEL: 'info' } });
    expect(compareLive(s, noContract(s.environments), TODAY)).toEqual([]);
  });

  it('a manifest that declares them is held to what runs', () => {
    const s = withLive({ staging: { [KEY]: '["reap"]' }, production: { [KEY]: '["reap"]' } });
    expect(compareLive(s, noContract(s.environments), TODAY).map((d) => `${d.kind} ${d.envs.join(',')}`)).toEqual(['live-drift staging']);
  });
});

describe("a manifest's field read live under the snapshot's own key", () => {
  it('is the live value of the repo key on every row of it: the cross-env row and the other environments of a live-drift row', () => {
    // A capture's `replicas` is the repo's `Deployment/shop.replicas`: the live-drift row paired
    // them, but the cross-env row and explain said "live absent" in both environments.
    const KEY = 'Deployment/shop.replicas';
    const s = snapshot({ staging: { [KEY]: '2' }, production: { [KEY]: '4' } }, { staging: [], production: [] });
    for (const [env, text] of [
      ['staging', '2'],
      ['production', '6'],
    ] as const) {
      const location = { source: 'snapshot live', kind: 'Deployment', name: 'shop', namespace: env, fieldPath: '.spec.replicas' };
      s.live!.set(env, { ...s.live!.get(env)!, values: new Map([['replicas', { text, type: 'number', manifestKey: KEY, location }]]) });
    }
    const contract = noContract(s.environments);
    const rows = [...withLiveValues(compareEnvironments(s, contract, TODAY).divergences, s), ...compareLive(s, contract, TODAY)];
    expect(rows.map((d) => [d.kind, d.values.staging!.live, d.values.production!.live])).toEqual([
      ['cross-env', '2', '6'],
      ['live-drift', '2', '6'],
    ]);
    const explained = explainKey({ snapshot: s, divergences: rows } as unknown as Scan, KEY)!;
    expect([explained.values.staging!.live, explained.values.production!.live]).toEqual(['2', '6']);
  });
});

// Session 13: "kubectl set image" leaves its why in the workload's change-cause annotation ("debug
// build for ABC-12; roll back to the repo image after ABC-12"): the image read live carries the
// workload's annotations, and its live-drift hands them to the verdict, as a plain value's does.
describe("the image's workload annotations reach the verdict", () => {
  it('read from the object, and carried to the live-drift', async () => {
    const { readObjects } = await import('../../src/sources/live/objects.js');
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', annotations: { 'kubernetes.io/change-cause': 'debug build for ABC-12; roll back after ABC-12' } },
      spec: { template: { spec: { containers: [{ name: 'app', image: 'registry.example/api:1.2.0-debug' }] } } },
    };
    const read = readObjects([deployment], {}, { source: 'snapshot live' });
    expect(read.artifacts[0]).toMatchObject({
      image: 'registry.example/api:1.2.0-debug',
      annotations: { 'kubernetes.io/change-cause': expect.stringContaining('ABC-12') },
    });
    const KEY = 'Deployment/api.containers[name=app].image';
    const s = snapshot({ production: { [KEY]: 'registry.example/api:1.2.0' } }, { production: read.artifacts });
    const drift = compareLive(s, noContract(s.environments), TODAY).find((d) => d.kind === 'live-drift');
    expect(drift?.values.production?.liveAnnotations).toEqual({ 'kubernetes.io/change-cause': 'debug build for ABC-12; roll back after ABC-12' });
  });
});
