import { MAX_EXEC_OUTPUT_BYTES, mib } from '../../model/limits.js';
import { runBounded } from './run-bounded.js';
import type { ExecSourceConfig } from '../../config/schema.js';
import type { EnvName, LiveState, LiveValue } from '../../model/types.js';
import { readText } from '../../parse/read.js';

const DEFAULT_TIMEOUT_S = 30;

function sniff(output: string): 'json' | 'yaml' | 'dotenv' {
  const start = output.trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  return /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_.-]*=/m.test(output) ? 'dotenv' : 'yaml';
}

/** The escape hatch for parameter stores, vaults or `terraform output -json`: a command (argv, no
 * shell) whose standard output is JSON, YAML or dotenv. */
export async function readExec(repoRoot: string, env: EnvName, config: ExecSourceConfig): Promise<LiveState> {
  const [program, ...args] = config.command as [string, ...string[]];
  const source = `exec ${config.command.join(' ')}`;
  const timeout = (config.timeout ?? DEFAULT_TIMEOUT_S) * 1000;
  const result = await runBounded(program, args, { cwd: repoRoot, timeoutMs: timeout, maxOutput: MAX_EXEC_OUTPUT_BYTES });
  const fail = (reason: string): LiveState => ({ env, status: 'unavailable', source, reason, values: new Map(), artifacts: [], warnings: [] });
  if (!result.ok) {
    if (result.reason === 'timeout') return fail(`${program} timed out after ${timeout / 1000}s (it and everything it started were killed)`);
    if (result.reason === 'not-found') return fail(`command not found: ${program}`);
    if (result.reason === 'too-much-output') return fail(`${program} printed more than ${mib(MAX_EXEC_OUTPUT_BYTES)}; it was killed and its output not read`);
    return fail(`${program} exited ${result.exitCode ?? '?'}${result.stderr ? `: ${result.stderr.split('\n')[0]}` : ''}`);
  }
  const output = result.stdout.toString('utf8');
  let read;
  try {
    read = await readText(output, `output of ${program}`, config.format ?? sniff(output));
  } catch (e) {
    return fail((e as Error).message);
  }
  const values = new Map<string, LiveValue>();
  for (const [key, value] of read.values) {
    values.set(config.map?.[key] ?? `${config.prefix ?? ''}${key}`, { text: value.text, type: value.type, location: { source, kind: 'Command', name: program, fieldPath: key } });
  }
  return { env, status: 'ok', source, values, artifacts: [], warnings: read.warnings };
}
