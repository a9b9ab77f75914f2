import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoWithFiles, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';

// With KUBECONFIG naming a file that is not there (a typo, a CI secret not written), the scan said
// `cannot load the kubeconfig: ENOENT: no such file or directory, open '/tmp/kc'`: Node's words,
// and no fix. It now says which variable names which missing file, and what to do.

describe('KUBECONFIG naming a file that does not exist', () => {
  it('says so in one line with the fix, and the repo results stand (exit 3)', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: [config/staging.yaml]\n  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: prod}}\npromotion: [staging, production]\n',
      'config/staging.yaml': 'a: 1\n',
      'config/production.yaml': 'a: 1\n',
    });
    const missing = path.join(await tempDir(), 'kube', 'config');
    const run = await runCli(['scan', '--no-history'], { cwd: repo, env: { KUBECONFIG: missing } });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toBe(
      `undrift: exit 3: live state not read for production (kubernetes prod): cannot load the kubeconfig: KUBECONFIG names ${missing}, which does not exist ` +
        '(point KUBECONFIG at your kubeconfig file, or unset it to read ~/.kube/config) ' +
        '(the repo results above stand; --allow-partial-live accepts a partial result)',
    );
  });
});
