import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// Discovery took `config/<env>.json` (JSONC with `//` comments) over valid
// `environments/<env>/main.tfvars`, and the scan failed with the parser's words alone
// (`config/dev.json:2:3: invalid JSON: Expected property name or '}'`): nothing said that undrift
// had chosen those files, how to choose others, or that JSON allows no comments.

describe('a discovered layout whose files do not parse', () => {
  it('the one-line error names discovery, the other layout found, undrift.yaml, and the comment', async () => {
    const repo = await repoWithFiles({
      'environments/dev/main.tfvars': 'instance_count = 1\nregion = "eu-west-1"\n',
      'environments/prod/main.tfvars': 'instance_count = 4\nregion = "eu-west-1"\n',
      'config/dev.json': '{\n  // local settings\n  "logLevel": "debug"\n}\n',
      'config/prod.json': '{\n  // production\n  "logLevel": "warn"\n}\n',
    });
    const result = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^undrift: config\/(dev|prod)\.json:2:3: invalid JSON: Expected property name or '\}': JSON allows no comments \(`\/\/` here\) /,
    );
    expect(result.stderr).toContain(
      '(no undrift.yaml, so discovery chose config/<env>.json (dev, prod); to read other files (discovery also found environments/<env>/*.tfvars (dev, prod)), ',
    );
    expect(result.stderr).toContain("name each environment's files in undrift.yaml: `undrift init` writes one to edit)");
  });

  it('a file named in undrift.yaml says nothing of discovery', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  dev: config/dev.json\n  prod: config/prod.json\n',
      'config/dev.json': '{\n  "logLevel": "debug", /* why */\n}\n',
      'config/prod.json': '{"logLevel": "warn"}\n',
    });
    const result = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^undrift: config\/dev\.json:2:24: invalid JSON: .*: JSON allows no comments \(`\/\*` here\)$/);
  });
});
