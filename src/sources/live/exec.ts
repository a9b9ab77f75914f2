import { DEFAULT_READ_LIMITS, MAX_EXEC_OUTPUT_BYTES, mib, type ReadLimits } from '../../model/limits.js';
import type { ExecSourceConfig } from '../../config/schema.js';
import type { EnvName, LiveState, LiveValue } from '../../model/types.js';
import { readText } from '../../parse/read.js';
import { selectSubtree } from '../../parse/flatten.js';
import type { SecretFingerprint } from '../../parse/fingerprint.js';
import { globMatcher } from '../../config/safe-match.js';
import { runBounded } from '../bounded-process.js';

const DEFAULT_TIMEOUT_S = 30;

function sniff(output: string): 'json' | 'yaml' | 'dotenv' {
  const start = output.trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  return /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_.-]*=/m.test(output) ? 'dotenv' : 'yaml';
}

/** The escape hatch for parameter stores, vaults or `terraform output -json`: a command (argv, no
 * shell) whose standard output is JSON, YAML or dotenv. */
export async function readExec(
  repoRoot: string,
  env: EnvName,
  config: ExecSourceConfig,
  fingerprint?: SecretFingerprint,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Promise<LiveState> {
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
    read = await readText(output, `output of ${program}`, config.format ?? sniff(output), fingerprint, limits);
  } catch (e) {
    return fail((e as Error).message);
  }
  const warnings = [...read.warnings];
  // `terraform show -json` is one value deep inside a large document: `select` picks the subtree.
  const selected = config.select ? selectSubtree(read.values, config.select) : read.values;
  if (config.select && selected.size === 0)
    warnings.push(`nothing below \`${config.select}\` in the output of ${program} (select:); its top-level keys: ${topLevel(read.values)}`);
  const ignored = (config.ignore ?? []).map(globMatcher);
  const values = new Map<string, LiveValue>();
  for (const [key, value] of selected) {
    if (ignored.some((m) => m.test(key))) continue;
    values.set(config.map?.[key] ?? `${config.prefix ?? ''}${key}`, {
      text: value.text,
      type: value.type,
      location: { source, kind: 'Command', name: program, fieldPath: key },
    });
  }
  return { env, status: 'ok', source, values, artifacts: [], warnings };
}

function topLevel(values: Map<string, unknown>): string {
  const heads = [...new Set([...values.keys()].map((key) => /^[^.[]+/.exec(key)?.[0] ?? key))];
  return heads.length === 0 ? '(none)' : `${heads.slice(0, 8).join(', ')}${heads.length > 8 ? ', ...' : ''}`;
}
