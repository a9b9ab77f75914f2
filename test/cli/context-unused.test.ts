// `--context NAME` was passed over without a word where no environment reads live state from
// Kubernetes (a newcomer's trial, session 24: `undrift scan --context nope` on the demo, whose live
// sources are snapshots): a mistyped flag, or one meant for another repository, went unseen.
import { describe, expect, it } from 'vitest';
import { helmInstall, startCluster } from '../support/cluster.js';
import { scenarioRepo } from '../support/demo-repo.js';
import { repoWithFiles, runUndrift } from '../support/repo.js';

describe('--context', () => {
  it('where every live source is a snapshot: one warning says it was not used', async () => {
    const run = await runUndrift(['scan', '--context', 'nope', '--no-history'], { cwd: await scenarioRepo() });
    expect(run.stdout + run.stderr).toContain(
      'warning: --context nope: no environment read here takes live state from Kubernetes (their live sources are snapshots or commands), so it was not used',
    );
  });

  it('where an environment reads a cluster: it is used, and nothing is said of it', async () => {
    const { api, kubeconfig } = await startCluster({
      contexts: [
        { name: 'prod', namespace: 'payments' },
        { name: 'other', namespace: 'payments' },
      ],
    });
    helmInstall(api, 'payments', { TIMEOUT_MS: '3000' });
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: config/staging.yaml\n  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: other}}\npromotion: [staging, production]\n',
      'config/staging.yaml': 'TIMEOUT_MS: 3000\n',
      'config/production.yaml': 'TIMEOUT_MS: 3000\n',
    });
    const run = await runUndrift(['scan', '--context', 'prod', '--no-history'], { cwd: repo, env: { KUBECONFIG: kubeconfig } });
    expect(run.stdout + run.stderr).not.toContain('--context');
    expect(run.stdout + run.stderr).not.toContain('live state of production');
    expect(run.stdout).toContain('live: production ✓ kubernetes prod/payments'); // the flag's context, not the file's
  });
});
