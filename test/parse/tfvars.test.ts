import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readText } from '../../src/parse/read.js';
import { readConfig } from '../../src/sources/repo/config-file.js';
import { parseTfvars } from '../../src/parse/tfvars.js';
import { repoWithFiles } from '../support/repo.js';

const CORPUS = fileURLToPath(new URL('./tfvars-corpus/', import.meta.url));

describe('Terraform variables reader', () => {
  it('reads .tfvars with the line of every key, nested ones included', async () => {
    const text =
      '# sizing\ninstance_type = "t3.large"\nreplicas      = 3\n\ntags = {\n  team = "payments"\n}\nzones = ["a", "b"]\nclusters = {\n  main = {\n    min_size = 2\n    max_size = 6\n  }\n}\n';
    const { values } = await readText(text, 'environments/prod/main.tfvars', 'tfvars');
    expect(Object.fromEntries([...values].map(([k, v]) => [k, v.text]))).toEqual({
      instance_type: 't3.large',
      replicas: '3',
      'tags.team': 'payments',
      zones: '["a","b"]',
      'clusters.main.min_size': '2',
      'clusters.main.max_size': '6',
    });
    expect(values.get('replicas')!.location).toEqual({ file: 'environments/prod/main.tfvars', line: 3, column: 1 });
    expect(values.get('tags.team')!.location).toMatchObject({ line: 6, column: 3 });
    expect(values.get('clusters.main.max_size')!.location).toMatchObject({ line: 12, column: 5 });
  });

  it('reads lists of objects by their name, heredocs, escapes and templates as Terraform does', () => {
    const text = readFileSync(`${CORPUS}gcp-project-dev.tfvars`, 'utf8');
    const { value, locator } = parseTfvars(text, 'gcp.tfvars');
    expect((value.gke_node_pools as Array<{ name: string }>).map((p) => p.name)).toEqual(['default', 'highmem']);
    expect(locator.at('gke_node_pools').at(1).at('machine_type').location().line).toBe(25);
    const qa = parseTfvars(readFileSync(`${CORPUS}iam-policy-qa.tfvars`, 'utf8'), 'qa.tfvars').value;
    expect(qa.user_data).toBe('#!/bin/bash\necho "starting ${environment}"\n  systemctl enable app\n');
    expect(qa.greeting).toBe('tab\there "quoted" é');
    expect(qa.name_prefix).toBe('acme-${var_not_evaluated}-qa');
    expect(qa.literal_template).toBe('cost ${amount}'); // `$${` is Terraform's escape for a literal `${`
    expect(qa.max_retries).toBe(-3);
  });

  // The reference: the HCL parser itself (Go's hcl compiled to WebAssembly), on every file of a
  // corpus shaped like real variable files (AWS, GCP, Azure, EKS maps, heredoc policies, routes).
  it('gives what @cdktf/hcl2json gives on every file of the corpus', async () => {
    const { parse } = await import('@cdktf/hcl2json');
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.tfvars'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const text = readFileSync(`${CORPUS}${file}`, 'utf8');
      const reference = (await parse(file, text)) as Record<string, unknown>;
      // hcl2json gives a string holding a template as its source text; Terraform (and this
      // reader) read the escape `$${` as a literal `${`.
      const expected = JSON.parse(JSON.stringify(reference).replaceAll('$${', '${'));
      expect(parseTfvars(text, file).value, file).toEqual(expected);
    }
  });

  it('reads .tfvars.json as JSON, found by name', async () => {
    const repo = await repoWithFiles({ 'environments/dev/vars.tfvars.json': '{\n  "replicas": 1\n}\n' });
    const { values } = await readConfig(repo, 'environments/dev/vars.tfvars.json');
    expect(values.get('replicas')).toMatchObject({ text: '1', location: { line: 2 } });
  });

  it('names the file and line of invalid input in one line', async () => {
    const cases: Array<[string, RegExp]> = [
      ['replicas = = 3\n', /^bad\.tfvars:1:12: invalid tfvars: expected a value, found "="$/],
      ['a = 1\nzone = var.zone\n', /^bad\.tfvars:2:8: invalid tfvars: variables may not be referenced in a variables file \(var\)$/],
      ['tags = merge({}, {})\n', /^bad\.tfvars:1:8: invalid tfvars: functions may not be called in a variables file \(merge\(\.\.\.\)\)$/],
      ['a = 1\na = 2\n', /^bad\.tfvars:2:1: invalid tfvars: the argument "a" was already set \(line 1\)$/],
      ['s = "open\n', /^bad\.tfvars:1:5: invalid tfvars: a string is never closed$/],
      ['module "x" {\n}\n', /^bad\.tfvars:1:8: invalid tfvars: expected "=" after module$/],
    ];
    for (const [text, message] of cases) {
      const error = (await readText(text, 'bad.tfvars', 'tfvars').catch((e: unknown) => e)) as Error;
      expect(error, text).toBeInstanceOf(UserError);
      expect(error.message, text).toMatch(message);
    }
  });
});
