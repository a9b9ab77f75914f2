import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { calendarDateProblem } from '../config/calendar-date.js';
import { UserError } from '../errors.js';
import { liveWriteRefused, outwardFlagsFor, pullRequestJob, type PullRequestJob } from '../config/pull-request-job.js';
import { checkWindowOrder } from './window.js';
import { isCalendarDate } from '../config/calendar-date.js';
import { colourEnabled, STYLE_CODES } from '../report/style.js';
import { safeOutput, terminalSafe } from '../wording/terminal-text.js';
import type { Io, OutputFormat } from '../command.js';
import { EXIT } from './exit.js';
import { slipOf } from '../wording/similar-keys.js';
import { commandHelp } from './help.js';

export type { Io };

export { EXIT };

const USAGE = `undrift — investigate and reconcile environment drift

Usage:
  undrift [options]                 interactive view (on a terminal); otherwise as \`scan\`
  undrift scan [options]            list the divergences the contract does not explain
  undrift explain KEY [--json]      one key: values, every environment's history, the verdict
  undrift report [-o FILE]          post-mortem document: summary, then each key's timeline and verdict;
                                    exits 0 once written (--fail-on-drift: exit as scan does)
  undrift at TIME|COMMIT [--json]   the state as of a moment: what each environment's files declared
                                    and what ran (as far as live history tells), and the divergences then
  undrift releases [--json]         per environment and workload, the tag and digest that run; builds
                                    that skipped the environment before in the promotion order, and
                                    tags rebuilt between environments (exit 1 when there is one)
  undrift apply --decisions FILE    commit decisions on a new branch [--push] [--pr] [--live]
  undrift log [--json]              every decision recorded (commits, live patches, skips) and
                                    where it stands; filter with -k GLOB, -e ENV, --action A,
                                    --status open|merged|abandoned|live|skipped, --since/--until DATE
  undrift init [--force] [--layout N]  write undrift.yaml for the layout found in the repo
                                    (--layout: the Nth of the layouts it lists, without asking)
  undrift demo [--dir DIR]          build the bundled payment-service demo repo and scan it

Options:
  -C, --repo DIR        the repository (default: the current directory)
  -c, --config FILE     undrift.yaml to use, relative to the repo root
  -f, --format FMT      scan output: table (default), json, markdown, html (one offline file
                        with drawn timelines), sarif (code scanning), junit (CI test reports);
                        report: markdown (default), html, json
  -e, --env A,B         only these environments
  -k, --key GLOB        only keys matching GLOB (* matches anything, dots included)
  -o, --output FILE     write the report to FILE instead of standard output
      --json            explain, at, releases, log: print JSON; scan, report: --format json
      --no-history      scan: skip git history and verdicts (faster CI gate)
      --no-cache        do not read or write the history, read, verdict and output caches in .git/undrift
      --no-live         do not read live sources (clusters, snapshots, commands)
      --context NAME    kubeconfig context for every Kubernetes live source
      --trusted-config REF  the checkout is untrusted (a pull request's, in CI): live sources,
                        forge and remote clones come from REF's undrift.yaml (e.g. origin/main),
                        and its limits only lower REF's (UNDRIFT_TRUSTED_CONFIG sets it too);
                        in a pull request's CI job without it, no Kubernetes live source is
                        read (reported unread: exit 3 unless --allow-partial-live)
      --allow-partial-live  scan: a live source that cannot be read is reported but does
                        not exit 3 (the default: exit 3, the repo results still printed)
      --allow-exec      run the commands undrift.yaml names (exec live sources, kubeconfig
                        credential plugins); never on an untrusted pull request's configuration
                        (not taken in a pull request's CI job without --trusted-config)
      --allow-remote-clones  read the local clones kustomize.remotes names outside the
                        repository; never on an untrusted pull request's configuration
                        (not taken in a pull request's CI job without --trusted-config)
      --decisions FILE  apply: a YAML list of {key, env, action, value?, to?, reason?, owner?, expires?}
                        (action: revert, backfill, declare, undeclare or skip)
      --push, --pr      apply: push the branch; open a pull request (GitHub, GitLab)
      --group action    apply: one commit per action kind instead of one per decision
      --branch NAME     apply: the new branch's name (never an existing branch)
      --allow-contract-breach  apply: write a value the contract forbids for an environment
      --allow-new-key   apply: write a key no environment has though it reads like a typo of one
      --allow-risk      apply: write decisions that look harmful (an incident's fix undone, a
                        weaker value in the last stage, a risky key decided against the verdict)
      --live            apply: allow live writes (revert of live drift); --yes confirms them,
                        --confirm ENV confirms the last promotion stage by name
  -y, --yes             apply --live: confirm the live writes without asking
      --confirm ENV     apply --live: confirm the last promotion stage's writes by its name
      --fail-on-drift   report: exit as scan does (1 on undeclared drift) once written
      --since, --until DATE  report: the timeline's window; log: decisions recorded in it
      --action A, --status S  log: only decisions of this action / standing
      --force           init: overwrite an existing undrift.yaml
      --layout N        init: the Nth of the layouts it lists, without asking
      --dir DIR         demo: build the demo repository in DIR
      --today DATE      judge contract expiries, ages and deadlines as of DATE (YYYY-MM-DD)
      --no-color        no colours (NO_COLOR is honoured too)
  -h, --help            this help
  -v, --version         the version

Exit codes: 0 no undeclared drift, 1 undeclared drift, 2 usage, config or input error,
3 a configured live source could not be read, or was not read in a pull request's CI job
without --trusted-config (unless --allow-partial-live).`;

const OPTIONS = {
  repo: { type: 'string', short: 'C' },
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  env: { type: 'string', short: 'e' },
  key: { type: 'string', short: 'k' },
  'no-color': { type: 'boolean' },
  'no-history': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  'no-live': { type: 'boolean' },
  'require-live': { type: 'boolean' },
  'allow-partial-live': { type: 'boolean' },
  'fail-on-drift': { type: 'boolean' },
  'allow-exec': { type: 'boolean' },
  'allow-remote-clones': { type: 'boolean' },
  context: { type: 'string' },
  'trusted-config': { type: 'string' },
  today: { type: 'string' },
  json: { type: 'boolean' },
  decisions: { type: 'string' },
  push: { type: 'boolean' },
  pr: { type: 'boolean' },
  group: { type: 'string' },
  branch: { type: 'string' },
  live: { type: 'boolean' },
  'allow-contract-breach': { type: 'boolean' },
  'allow-new-key': { type: 'boolean' },
  'allow-risk': { type: 'boolean' },
  action: { type: 'string' },
  status: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  confirm: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  layout: { type: 'string' },
  dir: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

const COMMANDS = ['scan', 'explain', 'report', 'at', 'releases', 'apply', 'log', 'init', 'demo', 'help'] as const;
const isCommand = (name: string): name is (typeof COMMANDS)[number] => (COMMANDS as readonly string[]).includes(name);
const FORMATS: OutputFormat[] = ['table', 'json', 'markdown', 'html', 'sarif', 'junit'];

const defaultIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  terminal: { stdin: process.stdin, stdout: process.stdout },
  decided: (exit) => {
    process.exitCode = exit;
  },
});

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Every write to the terminal or a pipe goes through `safeOutput`: whatever text from the
 * repository, a cluster or a command a renderer let through, no escape sequence but undrift's own
 * colours reaches the terminal raw. */
function guarded(io: Io, colour: boolean): Io {
  const guard = <T extends NodeJS.WritableStream>(stream: T, codes: ReadonlySet<number>): T => {
    const write = (chunk: unknown, ...rest: unknown[]) =>
      (stream.write as (...args: unknown[]) => boolean).call(stream, typeof chunk === 'string' ? safeOutput(chunk, codes) : chunk, ...rest);
    return new Proxy(stream, {
      get: (target, prop) => {
        if (prop === 'write') return write;
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? ((value as (...args: unknown[]) => unknown).bind(target) as unknown) : value;
      },
    });
  };
  return { ...io, stdout: guard(io.stdout, colour ? STYLE_CODES : new Set()), stderr: guard(io.stderr, new Set()) };
}

/** Runs the CLI and returns its exit code; never throws. Errors are one line, shown safely. */
export async function main(argv: string[], unguarded: Io = defaultIo()): Promise<number> {
  const io = guarded(unguarded, colourEnabled(unguarded.stdout, unguarded.env, argv.includes('--no-color')));
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UserError) {
      for (const note of e.notes) io.stderr.write(`undrift: warning: ${terminalSafe(note)}\n`);
      io.stderr.write(`undrift: ${terminalSafe(e.message)}\n`);
      return e.exitCode;
    }
    const message = terminalSafe(String((e as Error)?.message ?? e));
    io.stderr.write(
      `undrift: internal error: ${message}${io.env.UNDRIFT_DEBUG ? `\n${(e as Error).stack}` : ' (set UNDRIFT_DEBUG=1 for details, and please report it)'}\n`,
    );
    return EXIT.usage;
  }
}

/** `init --layout N`: a layout's number as init lists them (from 1). */
function layoutNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1)
    throw new UserError(`--layout needs the number of a layout as \`undrift init\` lists them (1, 2, ...), not "${text}"`);
  return n;
}

/** `--today`: a real calendar date, or a one-line error saying what is wrong with it. */
function todayOption(text: string): string {
  const problem = calendarDateProblem(text);
  if (problem) throw new UserError(`--today: ${problem}`);
  return text;
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const { problem, meant } = argumentProblem((e as Error).message);
    throw new UserError(`${problem} (${meant ? `did you mean ${meant}? ` : ''}see undrift --help)`);
  }
  const { values: opts, positionals } = parsed;
  if (opts.version) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = positionals[0];
  if (opts.help || command === 'help') {
    // `undrift scan --help` and `undrift help scan`: that command's lines and options only.
    const about = command === 'help' ? positionals[1] : command;
    io.stdout.write(`${about !== undefined && isCommand(about) && about !== 'help' ? commandHelp(USAGE, about) : USAGE}\n`);
    return EXIT.ok;
  }
  if (command !== undefined && !(COMMANDS as readonly string[]).includes(command)) {
    const meant = slipOf(command, COMMANDS);
    throw new UserError(`unknown command "${command}" (${meant ? `did you mean ${meant}? ` : ''}commands: ${COMMANDS.join(', ')}; see undrift --help)`);
  }
  const expected = command === 'explain' || command === 'at' ? 2 : 1;
  if (command === 'explain' && positionals.length < 2)
    throw new UserError('explain needs a key: undrift explain KEY (see undrift scan for the divergent ones)');
  if (command === 'at' && positionals.length < 2)
    throw new UserError('at needs a moment: undrift at 2026-07-14T03:10Z (a date, a date and time with a zone, or a commit)');
  if (positionals.length > expected) throw new UserError(`unexpected argument "${positionals[expected]}" (see undrift --help)`);
  // An empty glob would match nothing as a glob, yet read as "no filter" it matched every key.
  if (opts.key !== undefined && opts.key.trim() === '') throw new UserError("--key needs a glob of keys (e.g. -k 'PAYMENT_*'); leave it out for every key");
  // `--json` is how explain, at, releases and log print JSON; scan and report take it the same way.
  if (opts.json === true && opts.format !== undefined && opts.format !== 'json' && printsFormats(command))
    throw new UserError(`--json and --format ${opts.format} ask for two formats: give one`);
  const format = opts.format ?? (opts.json === true && printsFormats(command) ? 'json' : command === 'report' ? 'markdown' : 'table');
  if (!FORMATS.includes(format as OutputFormat)) throw new UserError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  // The report is the post-mortem document: a table, SARIF or JUnit of it was scan's output under
  // report's name and exit code (0 on drift), which a CI step could take for a gate that passed.
  if (command === 'report' && !REPORT_FORMATS.includes(format))
    throw new UserError(`report writes ${REPORT_FORMATS.join(', ')}, not ${format} (undrift scan --format ${format} prints the divergences)`);
  const asked = {
    repo: opts.repo ?? io.cwd,
    ...(opts.config !== undefined ? { config: opts.config } : {}),
    ...(opts.env !== undefined ? { envs: splitList(opts.env, '--env') } : {}),
    ...(opts.key !== undefined ? { key: opts.key } : {}),
    format: format as OutputFormat,
    noColor: opts['no-color'] === true,
    history: opts['no-history'] !== true,
    historyCache: opts['no-cache'] !== true,
    live: opts['no-live'] !== true,
    requireLive: opts['require-live'] === true,
    allowPartialLive: opts['allow-partial-live'] === true,
    allowExec: opts['allow-exec'] === true,
    allowRemoteClones: opts['allow-remote-clones'] === true,
    ...(opts.context !== undefined ? { context: opts.context } : {}),
    ...trustedConfigOf(opts['trusted-config'], io.env),
    ...pullRequestJobOf(io.env),
    ...(opts.output !== undefined ? { output: opts.output } : {}),
    ...(opts.today !== undefined ? { today: todayOption(opts.today) } : {}),
  };
  // A pull request's CI job without a trusted configuration runs no command and reads no clone
  // its undrift.yaml names, whatever the job's command line asks: said before anything runs.
  const { flags: common, warning } = outwardFlagsFor(asked, io.env);
  if (warning) io.stderr.write(`undrift: warning: ${terminalSafe(warning)}\n`);
  // Each command loads what it needs when it runs: --version and --help load nothing, and the
  // interactive view draws its first frame before the engine is loaded.
  const runScan = async (options: typeof common & { report?: boolean; failOnDrift?: boolean; argv?: readonly string[] }) =>
    (await import('./scan.js')).runScan(options, io);
  switch (command) {
    case 'init': {
      const { runInit } = await import('./init.js');
      // On a terminal, competing layouts are offered to choose from.
      const input = io.terminal?.stdin.isTTY && io.stdout.isTTY ? { input: io.terminal.stdin } : {};
      const layout = opts.layout === undefined ? {} : { layout: layoutNumber(opts.layout) };
      const job = common.pullRequestJob ? { pullRequestJob: common.pullRequestJob } : {};
      return runInit({ repo: common.repo, force: opts.force === true, ...input, ...layout, ...job }, io);
    }
    case 'demo': {
      // Loaded on demand: building the demo repository needs execa, which the other commands do not.
      const { runDemo } = await import('./demo.js');
      return runDemo({ ...common, ...(opts.dir !== undefined ? { dir: opts.dir } : {}) }, io);
    }
    case 'scan':
      return runScan({ ...common, argv });
    case 'report': {
      const since = opts.since !== undefined ? checkedMoment(opts.since, '--since') : undefined;
      const until = opts.until !== undefined ? checkedMoment(opts.until, '--until') : undefined;
      checkWindowOrder(since, until);
      return runScan({
        ...common,
        report: true,
        failOnDrift: opts['fail-on-drift'] === true,
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
      });
    }
    case 'at': {
      const { runAt } = await import('./at.js');
      const { format: _format, ...rest } = common;
      return runAt({ ...rest, at: positionals[1]!, json: opts.json === true }, io);
    }
    case 'releases': {
      const { runReleases } = await import('./releases.js');
      const { format, ...rest } = common;
      return runReleases({ ...rest, json: opts.json === true || format === 'json' }, io);
    }
    case 'explain': {
      const { runExplain } = await import('./explain.js');
      return runExplain({ ...common, key: positionals[1]!, json: opts.json === true }, io);
    }
    case 'log': {
      const { runLog } = await import('./log.js');
      const filter = {
        ...(opts.key !== undefined ? { key: opts.key } : {}),
        ...(opts.env !== undefined ? { env: opts.env } : {}),
        ...(opts.action !== undefined ? { action: opts.action } : {}),
        ...(opts.status !== undefined ? { status: opts.status } : {}),
        ...(opts.since !== undefined ? { since: opts.since } : {}),
        ...(opts.until !== undefined ? { until: opts.until } : {}),
      };
      return runLog({ repo: common.repo, json: opts.json === true, filter }, io);
    }
    case 'apply': {
      if (!opts.decisions) throw new UserError('apply needs --decisions FILE (a YAML list of {key, env, action, ...}; see undrift --help)');
      if (opts.group !== undefined && opts.group !== 'action' && opts.group !== 'decision') throw new UserError('--group is "action" or "decision"');
      // A live write in a pull request's job goes where the pull request's undrift.yaml says, with
      // the job's credentials: refused before anything runs unless a trusted configuration names it.
      if (opts.live === true && common.pullRequestJob && common.trustedConfig === undefined) throw new UserError(liveWriteRefused(common.pullRequestJob));
      const { runApply } = await import('./apply.js');
      const { format: _format, key: _key, ...rest } = common;
      return runApply(
        {
          ...rest,
          decisions: opts.decisions,
          push: opts.push === true,
          pr: opts.pr === true,
          writeLive: opts.live === true,
          yes: opts.yes === true,
          ...(opts.group ? { group: opts.group } : {}),
          ...(opts.branch !== undefined ? { branch: opts.branch } : {}),
          ...(opts.confirm ? { confirm: opts.confirm } : {}),
          ...(opts['allow-contract-breach'] ? { allowContractBreach: true } : {}),
          ...(opts['allow-new-key'] ? { allowNewKey: true } : {}),
          ...(opts['allow-risk'] ? { allowRisk: true } : {}),
        },
        io,
      );
    }
    default: {
      // The interactive view needs a terminal on both ends; otherwise: what `scan` does.
      const terminal = io.terminal;
      const wantsReport = opts.format !== undefined || opts.json === true || opts.output !== undefined;
      const interactive = terminal?.stdout.isTTY && terminal.stdin.isTTY && typeof terminal.stdin.setRawMode === 'function' && io.env.TERM !== 'dumb';
      if (!wantsReport && terminal && interactive) {
        const { launchView } = await import('../tui/launch.js');
        return launchView(common, { ...io, terminal });
      }
      if (!wantsReport)
        io.stderr.write(
          'undrift: not a terminal (stdin and stdout must both be one); showing `undrift scan` — run undrift in a terminal for the interactive view\n',
        );
      return runScan(common);
    }
  }
}

/** node:util's parseArgs messages ("Option '-C, --repo <value>' argument missing") in undrift's
 * own words, as every other usage error reads: the option as it is typed, and what it needs. */
function argumentProblem(message: string): { problem: string; meant?: string } {
  const first = message.split('\n')[0]!.split('. To specify')[0]!;
  const option = (quoted: string) =>
    quoted
      .replace(/ <value>$/, '')
      .split(', ')
      .at(-1)!;
  const missing = /^Option '(.+)' argument missing/.exec(first);
  if (missing) return { problem: `${option(missing[1]!)} needs a value` };
  const noValue = /^Option '(.+)' does not take an argument/.exec(first);
  if (noValue) return { problem: `${option(noValue[1]!)} takes no value` };
  const unknown = /^Unknown option '(.+)'/.exec(first);
  if (unknown) {
    const typed = unknown[1]!.replace(/^-+/, '').split('=')[0]!;
    const meant = typed.length > 1 ? slipOf(typed, Object.keys(OPTIONS)) : undefined;
    return { problem: `unknown option "${unknown[1]}"`, ...(meant ? { meant: `--${meant}` } : {}) };
  }
  return { problem: first };
}

/** A moment on the command line: a date or an ISO date-time with a zone. */
function checkedMoment(value: string, flag: string): string {
  const [day, time] = value.split('T');
  const ok =
    isCalendarDate(day ?? '') && (time === undefined || (/^\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(time) && !Number.isNaN(Date.parse(value))));
  if (!ok) {
    throw new UserError(`${flag} takes a date (2026-07-14) or a date and time with a zone (2026-07-14T00:00Z), not "${value}"`);
  }
  return value;
}

const REPORT_FORMATS: readonly string[] = ['markdown', 'html', 'json'];

/** The commands whose output `--format` chooses: scan, report, and the view's stand-in without a terminal. */
const printsFormats = (command: string | undefined) => command === undefined || command === 'scan' || command === 'report';

function splitList(value: string, flag: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UserError(`${flag} needs at least one name`);
  return items;
}

/** `--trusted-config REF`, or UNDRIFT_TRUSTED_CONFIG where a CI job sets it once for every step. */
function trustedConfigOf(flag: string | undefined, env: NodeJS.ProcessEnv): { trustedConfig?: string } {
  const ref = flag ?? env.UNDRIFT_TRUSTED_CONFIG;
  if (ref === undefined) return {};
  if (ref.trim() === '') throw new UserError('--trusted-config needs a ref whose undrift.yaml is trusted (e.g. origin/main)');
  return { trustedConfig: ref };
}

/** The pull request's CI job this run is, if any: without --trusted-config, the scan reads no
 * Kubernetes live source its checkout's undrift.yaml names (engine.ts, clusterWithheldReason). */
function pullRequestJobOf(env: NodeJS.ProcessEnv): { pullRequestJob?: PullRequestJob } {
  const job = pullRequestJob(env);
  return job ? { pullRequestJob: job } : {};
}
