import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { repoWithFiles } from '../../support/repo.js';

// A directory entry is read as Kubernetes manifests. One holding plain values files only gave no
// value at all: `undrift init` named envs/<env>/ for envs/<env>/values.yaml, and the scan said
// "no divergences: the environments agree" (exit 0) while the three files held 1, 2 and 3.
describe('an environment directory that holds no Kubernetes object', () => {
  it('is an error naming the files to list instead, not a scan where every environment agrees', async () => {
    // (`undrift init` now names the files: test/config/discover.test.ts.)
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  dev: {files: [envs/dev]}\n  staging: {files: [envs/staging]}\n  prod: {files: [envs/prod]}\n',
      'envs/dev/values.yaml': 'a: 3\n',
      'envs/staging/values.yaml': 'a: 2\n',
      'envs/prod/values.yaml': 'a: 1\n',
    });
    const scan = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(scan.exitCode).toBe(2);
    expect(scan.stderr).toBe(
      'undrift: envs/dev: a directory is read as Kubernetes manifests, and none of its files holds one (no apiVersion/kind), ' +
        'so nothing would be read: name its values files under `files:` instead (envs/dev/values.yaml)',
    );
  });

  it('a directory with objects beside a plain file, or a Kustomize overlay, is read as before', async () => {
    const configMap = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  A: "${value}"\n`;
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [deploy/staging]}\n  production: {files: [deploy/production]}\n  qa: {files: [deploy/qa]}\n' +
        'promotion: [qa, staging, production]\n',
      'deploy/staging/app.yaml': configMap('1'),
      'deploy/staging/notes.yaml': 'owner: payments\n',
      'deploy/production/app.yaml': configMap('2'),
      'deploy/qa/kustomization.yaml': 'resources: [../staging/app.yaml]\n',
      'deploy/qa/notes.yaml': 'owner: payments\n',
    });
    const scan = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(scan.stderr).toBe('');
    expect(scan.stdout).toContain('warning: deploy/staging/notes.yaml: not a Kubernetes object (no apiVersion/kind); skipped');
    expect(scan.stdout).toMatch(/ConfigMap\/app\.data\.A/);
  });
});
