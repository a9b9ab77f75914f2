import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { outsidePullRequest } from './ci-env.js';

/** What a run of the CLI printed and how it ended, as `runUndrift` reports a process. */
export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A stream that keeps what is written to it, as a pipe would deliver it. */
class Captured extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    done();
  }
  /** The text, less one final newline (as execa gives a process's output). */
  text(): string {
    return Buffer.concat(this.chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
}

/** Runs the CLI in this process through `main(argv, io)`: the same argument parsing, commands,
 * exit codes and output as the binary, without starting Node for every call. The process
 * boundary itself (bin/undrift.js, a closed pipe, a full disk, signals) is tested with
 * `runUndrift`.
 *
 * The environment is the run's for its duration: what undrift reads from `process.env` rather
 * than from its `Io` (the kubeconfig's location, the git processes' environment) sees `env` as
 * a child process would. Tests in a file run one after another, so no other run sees it. */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const stdout = new Captured();
  const stderr = new Captured();
  const env: NodeJS.ProcessEnv = { ...outsidePullRequest(process.env), NO_COLOR: '1', ...options.env };
  const outer = process.env;
  process.env = env;
  try {
    const exitCode = await main(args, { stdout, stderr, env, cwd: options.cwd });
    return { stdout: stdout.text(), stderr: stderr.text(), exitCode };
  } finally {
    process.env = outer;
  }
}
