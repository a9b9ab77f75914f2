import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { repoFromScenario } from '../support/repo.js';

// Terraform does not merge variable files: a variable set in a later -var-file replaces the whole
// value terraform.tfvars gave it. A stack of tfvars files is read so, now and in its history.

const CONFIG = [
  'environments:',
  '  staging: [infra/terraform.tfvars, infra/envs/staging.tfvars]',
  '  prod: [infra/terraform.tfvars, infra/envs/prod.tfvars]',
  '',
].join('\n');

describe('a stack of tfvars files', () => {
  it('replaces a whole variable, so a map key only the shared file sets is absent where a later file sets the map', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'Terraform variables',
          write: {
            'infra/terraform.tfvars': 'region = "eu-west-1"\ntags = {\n  team        = "payments"\n  cost_center = "cc-42"\n}\n',
            'infra/envs/staging.tfvars': 'min_size = 2\n',
            'infra/envs/prod.tfvars': 'min_size = 6\n',
            'undrift.yaml': CONFIG,
          },
        },
        {
          at: '2026-02-01T10:00:00Z',
          author: 'ben',
          message: 'Tag production as critical',
          write: { 'infra/envs/prod.tfvars': 'min_size = 6\ntags = {\n  team = "payments"\n  tier = "critical"\n}\n' },
        },
      ],
    });
    const scan = await runCli(['scan', '--format', 'json', '--today', '2026-03-01'], { cwd: repo });
    const divergences = (JSON.parse(scan.stdout) as { divergences: Array<{ key: string; kind: string; values: Record<string, { repo: string | null }> }> })
      .divergences;
    const cost = divergences.find((d) => d.key === 'tags.cost_center');
    expect(cost?.kind).toBe('missing');
    expect(cost?.values.staging!.repo).toBe('cc-42');
    expect(cost?.values.prod!.repo).toBeNull();
    // What both files set is still the later file's.
    expect(divergences.some((d) => d.key === 'tags.team' || d.key === 'region')).toBe(false);

    const explain = await runCli(['explain', 'tags.cost_center', '--json', '--today', '2026-03-01'], { cwd: repo });
    const history = (JSON.parse(explain.stdout) as { history: Record<string, Array<{ from: string | null; to: string | null; subject: string }>> }).history;
    expect(history.prod!.map((e) => [e.from, e.to, e.subject])).toEqual([
      ['cc-42', null, 'Tag production as critical'],
      [null, 'cc-42', 'Terraform variables'],
    ]);
    expect(history.staging!.map((e) => e.to)).toEqual(['cc-42']);
  });
});
