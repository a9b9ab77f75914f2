import { describe, expect, it } from 'vitest';
import { helmInstall, startCluster } from '../support/cluster.js';
import { repoFromScenario, runUndrift } from '../support/repo.js';

// `undrift at` before the first recorded live write infers what ran from the file, and names the
// write it cannot place. Where that write set the file's own value, "if it came before this
// moment, it ran "true" instead" offered the same value as another outcome.
describe('undrift at: a first live write known only as "at or before"', () => {
  it('of the value the file declared then says it wrote the same value; of another value, what would have run instead', async () => {
    const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
    // Helm writes the whole ConfigMap on 11-20; what it held before is not recorded.
    helmInstall(api, 'payments', { FEATURE_X: 'true', TIMEOUT_MS: '5000' }, { time: '2026-11-20T11:00:00Z' });
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-10-01T09:00:00Z',
          author: 'ana',
          message: 'Add config',
          write: {
            'undrift.yaml':
              'environments:\n  staging: config/staging.yaml\n  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: prod}}\npromotion: [staging, production]\n',
            'config/staging.yaml': 'FEATURE_X: false\nTIMEOUT_MS: 3000\n', // FEATURE_X differs, so `at` lists it
            'config/production.yaml': 'FEATURE_X: true\nTIMEOUT_MS: 3000\n',
          },
        },
      ],
    });
    const result = await runUndrift(['at', '2026-11-19', '--today', '2026-12-05'], { cwd: repo, env: { KUBECONFIG: kubeconfig } });
    expect(result.exitCode).toBe(0);
    const line = (key: string) => {
      const lines = result.stdout.split('\n');
      return lines.slice(lines.indexOf(key) + 1).find((l) => l.startsWith('  production '))!;
    };
    expect(line('FEATURE_X')).toBe(
      '  production  declared true (config/production.yaml:1) · ran true? inferred from the file (the first recorded live write, ' +
        'deploy by helm, is at or before 2026-11-20 11:00 UTC and wrote the same "true")',
    );
    expect(line('TIMEOUT_MS')).toBe(
      '  production  declared 3000 (config/production.yaml:2) · ran 3000? inferred from the file (the first recorded live write, ' +
        'deploy by helm, is at or before 2026-11-20 11:00 UTC: if it came before this moment, it ran "5000" instead)',
    );
  });
});
