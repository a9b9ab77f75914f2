import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

const DEPLOYMENT = (name: string, image: string) =>
  `- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: ${name}, namespace: web}\n  spec:\n    replicas: 1\n` +
  `    template:\n      spec:\n        containers:\n        - name: app\n          image: ${image}\n`;

describe('undrift releases, where an environment before another was not read live', () => {
  it('does not say every build ran in the environment before it: it says which one was not read', async () => {
    // Production's snapshot only: staging has no live source, so nothing checked that 0.9.0 ran there.
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [config/staging.yaml]}\n' +
        '  production: {files: [config/production.yaml], live: {snapshot: live/production.yaml}}\npromotion: [staging, production]\n',
      'config/staging.yaml': 'TIMEOUT: 30\n',
      'config/production.yaml': 'TIMEOUT: 30\n',
      'live/production.yaml': `apiVersion: v1\nkind: List\nitems:\n${DEPLOYMENT('web', 'ghcr.io/acme/web:0.9.0')}`,
    });
    const run = await runCli(['releases'], { cwd: repo });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^ {2}production +0\.9\.0 +digest not read$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      "1 workload image(s), none to look at in what was read; staging's live state was not read, so whether each build ran there first is not known",
    );
  });
});
