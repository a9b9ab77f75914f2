import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoWithFiles } from '../support/repo.js';
import { runCli } from '../support/cli.js';

// Without a terminal, `undrift init` said `also found: charts/api/values-<env>.yaml + .env.<env> +
// k8s/overlays/<env>/ (staging, production), confidence 1` and the README says `--layout N` takes
// "the Nth of the layouts it lists", but the list carried no numbers: a newcomer guessed N. Each
// other layout now says the command that writes it, and that command writes that layout.

describe('undrift init without a terminal, layouts competing', () => {
  it('names the --layout number of each other layout it found, and that number writes it', async () => {
    const repo = await repoWithFiles({
      'charts/api/values.yaml': 'replicas: 1\nLOG: info\n',
      'charts/api/values-staging.yaml': 'replicas: 2\n',
      'charts/api/values-production.yaml': 'replicas: 4\n',
      '.env.staging': 'DB_HOST=db.stg\n',
      '.env.production': 'DB_HOST=db.prod\n',
      'config/expected-env-diff.yaml': 'expected_differences: {}\n',
    });
    const first = await runCli(['init'], { cwd: repo });
    expect(first.exitCode).toBe(0);
    const line = first.stdout.split('\n').find((l) => l.startsWith('also found: .env.<env>'));
    expect(line).toMatch(/^also found: \.env\.<env> \(staging, production\), confidence 1 \(`undrift init --force --layout \d`\)$/);
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).toContain(`# ${line}`);
    const n = /--layout (\d)/.exec(line!)![1]!;
    const second = await runCli(['init', '--force', '--layout', n], { cwd: repo });
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('chosen: .env.<env> (staging, production), confidence 1');
    const config = parse(await readFile(path.join(repo, 'undrift.yaml'), 'utf8')) as { environments: Record<string, { files: string[] }> };
    expect(config.environments.production!.files).toEqual(['.env.production']);
    // Once chosen, the layout the rule took is the one another number now writes.
    expect(second.stdout).toMatch(/^also found: charts\/api\/values-<env>\.yaml \(staging, production\), confidence 1 \(`undrift init --force --layout 1`\)$/m);
  });
});
