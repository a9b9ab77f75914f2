import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readConfig, readText } from '../../src/parse/read.js';
import { repoWithFiles } from '../support/repo.js';

describe('Terraform variables reader', () => {
  it('reads .tfvars through hcl2json with the line of each variable', async () => {
    const text = '# sizing\ninstance_type = "t3.large"\nreplicas      = 3\n\ntags = {\n  team = "payments"\n}\nzones = ["a", "b"]\n';
    const { values } = await readText(text, 'environments/prod/main.tfvars', 'tfvars');
    expect(Object.fromEntries([...values].map(([k, v]) => [k, v.text]))).toEqual({
      instance_type: 't3.large',
      replicas: '3',
      'tags.team': 'payments',
      zones: '["a","b"]',
    });
    expect(values.get('replicas')!.location).toEqual({ file: 'environments/prod/main.tfvars', line: 3, column: 1 });
    expect(values.get('tags.team')!.location.line).toBe(5);
  });

  it('reads .tfvars.json as JSON, found by name', async () => {
    const repo = await repoWithFiles({ 'environments/dev/vars.tfvars.json': '{\n  "replicas": 1\n}\n' });
    const { values } = await readConfig(repo, 'environments/dev/vars.tfvars.json');
    expect(values.get('replicas')).toMatchObject({ text: '1', location: { line: 2 } });
  });

  it('names the file of invalid HCL in one line', async () => {
    const error = (await readText('replicas = = 3\n', 'bad.tfvars', 'tfvars').catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^bad\.tfvars(:\d+:\d+)?: invalid HCL: /);
    expect(error.message).not.toContain('\n');
  });
});
