import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// In a monorepo, undrift run from inside one service reads that service's layout: before, it read
// the service whose name sorts first whatever the directory, and `init` wrote that one.

const service = (name: string, log: string) => ({
  [`services/${name}/deploy/values.yaml`]: `replicas: 1\nlog: ${log}\n`,
  [`services/${name}/deploy/values-staging.yaml`]: 'replicas: 2\n',
  [`services/${name}/deploy/values-production.yaml`]: 'replicas: 4\nlog: warn\n',
});

describe('discovery run from a subdirectory', () => {
  it('takes the layout whose files lie in the directory undrift runs from', async () => {
    const repo = await repoWithFiles({ ...service('billing', 'info'), ...service('search', 'info') });
    const inSearch = path.join(repo, 'services/search');
    const scan = await runCli(['scan', '--format', 'json', '--no-history'], { cwd: inSearch });
    expect(scan.stderr).toBe('');
    const report = JSON.parse(scan.stdout) as { config: string; divergences: Array<{ values: Record<string, { location: string | null }> }> };
    expect(report.config).toBe('discovered services/search/deploy/values-<env>.yaml (staging, production)');
    expect(report.divergences.every((d) => d.values.staging!.location!.startsWith('services/search/'))).toBe(true);
    // -C names the directory as the shell's would.
    const named = await runCli(['-C', inSearch, 'scan', '--format', 'json', '--no-history'], { cwd: repo });
    expect((JSON.parse(named.stdout) as { config: string }).config).toBe(report.config);
    // At the root, the rule of the README's table is unchanged.
    const atRoot = await runCli(['scan', '--format', 'json', '--no-history'], { cwd: repo });
    expect((JSON.parse(atRoot.stdout) as { config: string }).config).toBe('discovered services/billing/deploy/values-<env>.yaml (staging, production)');

    const init = await runCli(['init'], { cwd: inSearch });
    expect(init.stdout).toContain('is taken because its files lie in services/search/, the directory undrift was run from');
    expect(await readFile(path.join(repo, 'undrift.yaml'), 'utf8')).toContain('- services/search/deploy/values-staging.yaml');
  });
});
