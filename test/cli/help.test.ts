import { describe, expect, it } from 'vitest';
import { HELP_COMMANDS } from '../../src/cli/help.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/repo.js';

// `undrift <command> --help` printed the whole help for every command, and the whole help left out
// options some commands read (report's --since/--until and --fail-on-drift, log's --action).

const longOptions = (text: string) => new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!));

describe('undrift <command> --help', () => {
  it("prints the command's own usage and options, and `undrift help <command>` the same", async () => {
    const dir = await tempDir();
    const scan = await runCli(['scan', '--help'], { cwd: dir });
    expect(scan.exitCode).toBe(0);
    expect(scan.stdout).toContain('undrift scan [options]');
    expect(scan.stdout).toContain('--format FMT');
    expect(scan.stdout).toContain('Exit codes: 0 no undeclared drift');
    expect(scan.stdout).not.toContain('undrift apply');
    expect(scan.stdout).not.toContain('--decisions');
    expect((await runCli(['help', 'scan'], { cwd: dir })).stdout).toBe(scan.stdout);

    const apply = (await runCli(['apply', '-h'], { cwd: dir })).stdout;
    for (const option of ['--decisions', '--push, --pr', '--branch', '--live', '--yes', '--confirm ENV']) expect(apply).toContain(option);
    expect(apply).not.toContain('--fail-on-drift');

    const log = (await runCli(['log', '--help'], { cwd: dir })).stdout;
    for (const option of ['--action A, --status S', '--since, --until DATE', '--json']) expect(log).toContain(option);
    expect(log).not.toContain('--trusted-config');
    expect(log).not.toContain('Exit codes');

    const report = (await runCli(['report', '--help'], { cwd: dir })).stdout;
    for (const option of ['--fail-on-drift', '--since, --until DATE', '--output FILE']) expect(report).toContain(option);
  });

  it('the whole help names every option the command line takes, and each command its own', async () => {
    const dir = await tempDir();
    const whole = (await runCli(['--help'], { cwd: dir })).stdout;
    const documented = longOptions(whole);
    // The options parseArgs takes: an unknown one is a one-line error naming the slip.
    const unknown = await runCli(['--definitely-not-an-option'], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    for (const command of HELP_COMMANDS) {
      const own = (await runCli([command, '--help'], { cwd: dir })).stdout;
      expect(own, command).toContain(`undrift ${command}`);
      for (const option of longOptions(own)) expect(documented.has(option), `${command}: --${option}`).toBe(true);
    }
    // Read from main.ts's option table: each one the parser takes is in the whole help but the
    // one kept for old scripts (--require-live, the default now).
    const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL('../../src/cli/main.ts', import.meta.url), 'utf8'));
    const table = source.slice(source.indexOf('const OPTIONS = {'), source.indexOf('} satisfies ParseArgsConfig'));
    const taken = [...table.matchAll(/^ {2}'?([a-z][a-z-]*)'?: \{ type/gm)].map((m) => m[1]!);
    expect(taken.length).toBeGreaterThan(30);
    for (const option of taken.filter((o) => o !== 'require-live')) expect(documented.has(option), `--${option} in undrift --help`).toBe(true);
  });
});
