// A Kustomize patch exists only to set its values in one environment, so the comment it opens with
// is its author's word on every value it sets, as a comment beside the value is (holdout-20/43: the
// patch's "# PERF-88 load test 10.-14.11. remove after!" stood three lines above the value and was
// not read: the leftover was declared at 0.45 instead of reverted). Other words, other keys, other
// languages; the commits say nothing, so only the header can decide.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { headerNote } from '../../src/parse/notes-beside.js';
import type { ScenarioCommit } from '../../src/scenario/scenario.js';
import { canBuildKustomize } from '../support/programs.js';
import { repoFromScenario } from '../support/repo.js';

const TODAY = '2026-12-05';

const layout = (key: string, value: string): ScenarioCommit => ({
  at: '2026-04-01T10:00:00+02:00',
  author: 'ben',
  message: 'kustomize base + overlays',
  write: {
    'undrift.yaml':
      'environments:\n  dev: {files: [k8s/overlays/dev], format: kustomize}\n  staging: {files: [k8s/overlays/staging], format: kustomize}\n' +
      '  prod: {files: [k8s/overlays/prod], format: kustomize}\npromotion: [dev, staging, prod]\n',
    'k8s/base/kustomization.yaml': 'resources: [configmap.yaml]\n',
    'k8s/base/configmap.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gw-config\ndata:\n  ${key}: "${value}"\n  MODE: normal\n`,
    'k8s/overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
    'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\n',
    'k8s/overlays/prod/kustomization.yaml': 'resources: [../../base]\n',
  },
});

const patch = (key: string, value: string, header: string, message = 'staging patch'): ScenarioCommit => ({
  at: '2026-11-02T16:00:00+01:00',
  author: 'ana',
  message,
  write: {
    'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: patch-gw.yaml\n',
    'k8s/overlays/staging/patch-gw.yaml': `${header}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gw-config\ndata:\n  ${key}: "${value}"\n`,
  },
});

async function verdictOf(commits: ScenarioCommit[], key: string) {
  const repo = await repoFromScenario({ commits });
  const scan = await scanRepository({ repo, historyCache: false, today: TODAY });
  const d = scan.divergences.find((x) => x.key === `ConfigMap/gw-config.data.${key}` && x.kind === 'cross-env');
  expect(d, `a cross-env divergence of ${key}`).toBeDefined();
  return { ...d!.verdict!, text: d!.verdict!.reasons.join('\n') };
}

describe("a patch's header comment is the note of the values it sets", () => {
  it.skipIf(!canBuildKustomize).each([
    ['English, terse', 'UPSTREAM_TIMEOUT_MS', '3000', '60000', '# TEMP for the soak test until 2026-11-20, delete this file afterwards\n'],
    ['German, two lines', 'MAX_CONNECTIONS', '500', '20000', '# Lasttest LT-12 vom 3.-20.11.\n# danach Patch wieder entfernen!\n'],
    [
      'English, a sentence and a blank line',
      'RATE_LIMIT_RPS',
      '200',
      '100000',
      '# This patch is only for the load test, which ends on 14 November. Remove it after.\n\n',
    ],
  ])('%s: past its end, staging goes back to the base', async (_style, key, base, test, header) => {
    const v = await verdictOf([layout(key, base), patch(key, test, header)], key);
    expect([v.suggested, v.drifted, v.value], v.text).toEqual(['revert', 'staging', base]);
    expect(v.text).toMatch(/passed \d+ days ago/);
  });

  it.skipIf(!canBuildKustomize)('an end still ahead: declared until then, never copied to prod', async () => {
    const v = await verdictOf(
      [layout('RATE_LIMIT_RPS', '200'), patch('RATE_LIMIT_RPS', '100000', '# load test LT-40 until 2027-01-15, remove after\n')],
      'RATE_LIMIT_RPS',
    );
    expect(v.suggested, v.text).toBe('declare');
    expect(v.drifted).toBeNull();
  });

  it.skipIf(!canBuildKustomize)('a header that gives no end reverts nothing and copies nothing', async () => {
    const v = await verdictOf([layout('MAX_CONNECTIONS', '500'), patch('MAX_CONNECTIONS', '50', '# staging runs on the small node pool\n')], 'MAX_CONNECTIONS');
    expect(v.suggested, v.text).not.toBe('revert');
    expect(v.suggested).not.toBe('backfill');
  });

  it.skipIf(!canBuildKustomize)("a base file's header is no environment's word: a dated header there reverts no overlay", async () => {
    const base = layout('RATE_LIMIT_RPS', '200');
    base.write!['k8s/base/configmap.yaml'] = `# load test until 2026-11-14, remove after\n${base.write!['k8s/base/configmap.yaml']}`;
    const v = await verdictOf([base, patch('RATE_LIMIT_RPS', '400', '')], 'RATE_LIMIT_RPS');
    expect(v.suggested, v.text).not.toBe('revert');
  });
});

describe('headerNote', () => {
  it('reads the comment block a file opens with, and nothing after its first content', () => {
    expect(headerNote('# one\n#  two\napiVersion: v1\n# later\n')).toBe('one two');
    expect(headerNote('---\n# after the marker\nkind: ConfigMap\n')).toBe('after the marker');
    expect(headerNote('apiVersion: v1 # beside\n# below\n')).toBeUndefined();
    expect(headerNote('')).toBeUndefined();
  });
});
