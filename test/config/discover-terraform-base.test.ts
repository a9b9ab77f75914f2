import { describe, expect, it } from 'vitest';
import { discoverLayouts } from '../../src/config/discover.js';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// Terraform reads terraform.tfvars by itself before the -var-file it is given: discovery stacks it
// under each environment's file, beside the env files or one folder up.

describe('discovering <env>.tfvars', () => {
  it('layers terraform.tfvars of the root module under each environment, one folder up included', async () => {
    const repo = await repoWithFiles({
      'infra/main.tf': 'variable "instance_type" {}\n',
      'infra/terraform.tfvars': 'instance_type = "t3.medium"\n',
      'infra/envs/staging.tfvars': 'min_size = 2\ninstance_type = "t3.large"\n',
      'infra/envs/prod.tfvars': 'min_size = 6\n',
    });
    const init = await runCli(['init'], { cwd: repo });
    expect(init.exitCode).toBe(0);
    const scan = await runCli(['scan', '--format', 'json', '--no-history'], { cwd: repo });
    const divergences = (JSON.parse(scan.stdout) as { divergences: Array<{ key: string; kind: string; values: Record<string, { repo: string | null }> }> })
      .divergences;
    // prod runs the shared instance_type, so staging's differs from it: not "missing" in prod.
    const instance = divergences.find((d) => d.key === 'instance_type');
    expect([instance?.kind, instance?.values.prod!.repo]).toEqual(['cross-env', 't3.medium']);
  });

  it('prefers the terraform.tfvars beside the env files', () => {
    const [layout] = discoverLayouts(['stack/terraform.tfvars', 'stack/staging.tfvars', 'stack/prod.tfvars', 'terraform.tfvars']);
    expect(Object.fromEntries(layout!.environments)).toEqual({
      staging: ['stack/terraform.tfvars', 'stack/staging.tfvars'],
      prod: ['stack/terraform.tfvars', 'stack/prod.tfvars'],
    });
  });
});
