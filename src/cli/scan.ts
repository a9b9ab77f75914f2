import { createWriteStream, realpathSync, statSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeOutput } from '../wording/terminal-text.js';
import type { Io, ScanCommand } from '../command.js';
import { scanOrKept, type Scan } from '../engine.js';
import { ScanOutputCache, type KeptOutput, type KeptPieces, type OutputFacts, type StartRecord } from '../sources/repo/scan-output-cache.js';
import { fileDigests, startKeyOf, utcToday } from '../sources/repo/start-key.js';
import { headFromFiles } from '../git/head-file.js';
import { createHash } from 'node:crypto';
import type { Divergence } from '../model/types.js';
import { readRepoFacts } from '../git/repo.js';
import { fingerprintOf } from '../sources/repo/verdict-cache.js';
import { UserError } from '../errors.js';
import { summaryLine } from '../wording/text.js';
import { jsonParts, jsonPieces, renderJson, type JsonSplice } from '../report/json.js';
import { renderMarkdown, type ReportContext } from '../report/markdown.js';
import { renderHtml } from '../report/html.js';
import { parseRemote, repositoryFacts, webLinks } from '../git/remote.js';
import { colourEnabled, styleFor } from '../report/style.js';
import { renderTable } from '../report/table.js';
import { renderSarif } from '../report/sarif.js';
import { renderJunit } from '../report/junit.js';
import { packageVersion } from './version.js';
import { EXIT } from './exit.js';

export function render(scan: Scan, command: Pick<ScanCommand, 'format' | 'noColor'>, io: Io, context?: ReportContext): string {
  switch (command.format) {
    case 'json':
      return renderJson(scan, jsonWindow(context));
    case 'markdown':
      return renderMarkdown(scan, context);
    case 'html':
      return renderHtml(scan, context);
    case 'sarif':
      return renderSarif(scan, packageVersion());
    case 'junit':
      return renderJunit(scan);
    case 'table':
      return renderTable(scan, styleFor(colourEnabled(io.stdout, io.env, command.noColor)), io.stdout.columns ?? 160);
  }
}

/** The incident window of a report, if it has one. */
const jsonWindow = (context: Pick<ReportContext, 'since' | 'until'> | undefined) =>
  context?.since || context?.until ? { since: context.since, until: context.until } : undefined;
/** The same window as the command gives it (the report's context takes it from there): JSON to stdout
 * prints nothing else of the context, whose remote, branch and HEAD are three git processes. */
const commandWindow = (command: ScanCommand) =>
  jsonWindow({ ...(command.since ? { since: command.since } : {}), ...(command.until ? { until: command.until } : {}) });

/** The live sources that could not be read (wholly or in part), in one line each. */
export function unreadLive(scan: Scan): string[] {
  // Environments that failed for one reason (no kubeconfig, one unreachable cluster) are named
  // together: one line, the reason said once.
  const byReason = new Map<string, string[]>();
  for (const state of scan.snapshot.live?.values() ?? []) {
    if (state.status === 'ok') continue;
    const reason = state.reason ?? state.status;
    byReason.set(reason, [...(byReason.get(reason) ?? []), `${state.env} (${state.source})`]);
  }
  return [...byReason].map(([reason, envs]) => `${envs.join(', ')}: ${reason}`);
}

/** 3 when a configured live source could not be read (a gate that cannot see production must
 * not say "no drift"), unless a partial result was accepted; else 1 when any divergence is
 * undeclared drift, else 0. */
export function exitCodeOf(scan: Scan, allowPartialLive = false): number {
  return exitCodeFrom(
    unreadLive(scan),
    scan.divergences.some((d) => d.severity === 'drift'),
    allowPartialLive,
  );
}

function exitCodeFrom(unread: string[], drift: boolean, allowPartialLive: boolean): number {
  if (!allowPartialLive && unread.length > 0) return EXIT.liveUnreachable;
  return drift ? EXIT.drift : EXIT.ok;
}

/** Where and when a report is made, and (for `report`) what the ledger holds: read only for the
 * formats that show it. */
async function reportContext(scan: Scan, command: ScanCommand): Promise<ReportContext | undefined> {
  if (command.format !== 'markdown' && command.format !== 'json' && command.format !== 'html') return undefined;
  const repository = await repositoryFacts(scan.repoRoot);
  const links = repository.remoteUrl ? webLinks(parseRemote(repository.remoteUrl), scan.config.forge?.type) : undefined;
  const decisions =
    command.report && command.format === 'markdown' ? await (await import('../actions/ledger.js')).readLedger(scan.repoRoot).catch(() => undefined) : undefined;
  return {
    repository,
    ...(links ? { links } : {}),
    generatedAt: new Date().toISOString(),
    ...(command.since ? { since: command.since } : {}),
    ...(command.until ? { until: command.until } : {}),
    ...(decisions ? { decisions } : {}),
  };
}

/** `-o FILE` whose directory does not exist (or is a file): one line naming it. */
async function checkOutputDirectory(target: string, given: string): Promise<void> {
  const dir = path.dirname(target);
  const found = await stat(dir).catch(() => undefined);
  if (!found) throw new UserError(`--output ${given}: no such directory ${dir} (create it first)`);
  if (!found.isDirectory()) throw new UserError(`--output ${given}: ${dir} is not a directory`);
  if ((await stat(target).catch(() => undefined))?.isDirectory()) throw new UserError(`--output ${given}: is a directory; name a file in it`);
}

export async function runScan(command: ScanCommand, io: Io): Promise<number> {
  // Said before the scan, not after it: a long scan should not end in "no such directory".
  if (command.output) await checkOutputDirectory(path.resolve(io.cwd, command.output), command.output);
  // JSON is kept whole for an unchanged re-run (everything else is quick to render, or shows the time).
  const keeps = command.format === 'json';
  const started = {
    at: Date.now(),
    today: utcToday(),
    head: gitHeadAt(io.cwd),
    before: keeps && !command.output ? await digestsBefore(io.cwd) : new Map<string, string>(),
  };
  let kept: KeptOutput | undefined;
  let outputKey: string | undefined;
  let cache: ScanOutputCache | undefined;
  const scan = await scanOrKept(
    command,
    keeps
      ? async (key, undriftDir) => {
          cache = ScanOutputCache.in(undriftDir);
          outputKey = fingerprintOf(key, command.output ? 'file' : 'stdout', command.since, command.until);
          kept = await cache.lookUp(outputKey);
          return kept !== undefined;
        }
      : undefined,
  );
  const facts: OutputFacts = kept?.facts ?? {
    drift: scan!.divergences.some((d) => d.severity === 'drift'),
    unread: unreadLive(scan!),
    summary: summaryLine(scan!.divergences),
  };
  const exit = command.report && !command.failOnDrift ? EXIT.ok : exitCodeFrom(facts.unread, facts.drift, command.allowPartialLive === true);
  io.decided?.(exit);
  const unreadLine =
    facts.unread.length > 0 && !command.allowPartialLive
      ? `undrift: ${command.report && !command.failOnDrift ? '' : 'exit 3: '}live state not read for ` +
        `${facts.unread.join('; ')} (the repo results above stand; --allow-partial-live accepts a partial result)\n`
      : '';
  // How the next run with the same raw inputs can write this output before loading the CLI; a
  // kept output without it (or with another) is kept again with it, as it is copied out.
  const files = scan ? startFiles(scan, command, io) : kept?.files;
  const start = files && outputKey && !command.output ? await startRecord(files, command, io, started, { exit, stderr: unreadLine }) : undefined;
  const keptAgain = kept !== undefined && start !== undefined && kept.start?.key !== start.key;
  // JSON to stdout from a scan whose verdicts were kept: each divergence and key's timeline is
  // kept apart too, and those made from the same inputs as in the last run are written from it.
  const rendered = scan?.rendered && command.format === 'json' && !command.output && cache ? scan.rendered : undefined;
  const window = rendered ? commandWindow(command) : undefined;
  const scope = rendered ? fingerprintOf('json pieces', scan!.snapshot.environments, window ?? null) : undefined;
  const writer =
    cache && outputKey && (scan || keptAgain)
      ? await cache.writer(
          outputKey,
          facts,
          { ...(files ? { files } : {}), ...(start ? { start } : {}) },
          rendered && rendered.verdicts !== '' ? { scope: scope!, verdicts: rendered.verdicts } : undefined,
        )
      : undefined;
  if (command.output) {
    const target = path.resolve(io.cwd, command.output);
    const text = kept ? undefined : safeOutput(render(scan!, { ...command, noColor: true }, io, await reportContext(scan!, command)));
    await (text === undefined ? copyToFile(kept!, target) : writeFile(target, text)).catch(async (e: Error) => {
      await writer?.drop();
      throw new UserError(`cannot write ${command.output}: ${e.message}`);
    });
    if (text !== undefined) writer?.write(text);
    io.stderr.write(`undrift: wrote ${target} (${facts.summary})\n`);
  } else if (kept) {
    await kept.copyTo(io.stdout, writer);
  } else if (rendered) {
    const pieces = await cache!.pieces(scope!, rendered.keptFrom);
    try {
      for (const part of jsonParts(scan!, window, splice(rendered, scope!, pieces))) {
        // Kept bytes were made terminal-safe when first written (they pass the guard as bytes).
        io.stdout.write(part.text);
        writer?.write(part.text, part.id);
      }
    } finally {
      pieces?.close();
    }
  } else if (command.format === 'json') {
    // Written as it is made: a large repository's JSON is tens of MB.
    for (const piece of jsonPieces(scan!, commandWindow(command))) {
      io.stdout.write(piece);
      writer?.write(piece);
    }
  } else {
    io.stdout.write(render(scan!, command, io, await reportContext(scan!, command)));
  }
  await writer?.done();
  if (unreadLine) io.stderr.write(unreadLine);
  // A report is a document, not a gate: `report -o x && upload x` must work when there is drift.
  return exit;
}

/** The ids of a scan's pieces: a divergence's is its key (its inputs but the verdict), written
 * again where its verdict is the kept one; a key's timeline's is its divergences' keys with the
 * places of their events relative to one another (a new commit moves every place alike). */
function splice(rendered: NonNullable<Scan['rendered']>, scope: string, pieces: KeptPieces | undefined): JsonSplice {
  return {
    divergence(d) {
      const of = rendered.of.get(d);
      return of && { id: `d${of.key}`, reuse: of.kept && pieces !== undefined };
    },
    timeline(_key, divergences) {
      const hash = createHash('sha1').update(scope);
      let first = Infinity;
      for (const d of divergences) {
        const of = rendered.of.get(d);
        if (!of) return undefined;
        hash.update(of.key);
        for (const events of Object.values(d.history ?? {})) for (const e of events) if (e.order !== undefined && e.order < first) first = e.order;
      }
      for (const d of divergences as Divergence[])
        for (const [env, events] of Object.entries(d.history ?? {}))
          hash.update(`${env}:${events.map((e) => (e.order === undefined ? '-' : e.order - first)).join(',')}`);
      return `t${hash.digest('hex')}`;
    },
    kept: (id) => pieces?.get(id),
  };
}

/** The digests of the files the kept output at `dir` (a repository's top) names, taken before the
 * scan reads them: a file edited just before the scan is then known to be the one it read. */
async function digestsBefore(dir: string): Promise<Map<string, string>> {
  try {
    const root = realpathSync(dir);
    const files = await ScanOutputCache.in(path.join(root, '.git', 'undrift')).files();
    return files ? fileDigests(root, files) : new Map<string, string>();
  } catch {
    return new Map<string, string>();
  }
}

/** HEAD as read from the files of the git directory at `dir`, when `dir` is a repository's top. */
function gitHeadAt(dir: string): string | undefined {
  try {
    return headFromFiles(path.join(realpathSync(dir), '.git'));
  } catch {
    return undefined;
  }
}

/** Every file (repository-relative) a scan's output is made from besides HEAD, when start-key.ts
 * can name them all: a configuration file (not a discovered layout), environments of plain files
 * (no Kustomize overlay; a directory is refused when hashed) and no live source read. The
 * repository's git config is among them: it can change what git's log says (a mailmap file). */
function startFiles(scan: Scan, command: ScanCommand, io: Io): string[] | undefined {
  const { config } = scan;
  if (config.discovered || ['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_WORK_TREE'].some((name) => io.env[name] !== undefined)) return undefined;
  if (!config.environments.every((env) => (command.live === false || !env.live) && !scan.snapshot.envs.get(env.name)?.built)) return undefined;
  return [...new Set([config.source, config.contractPath, '.mailmap', '.git/shallow', '.git/config', ...config.environments.flatMap((env) => env.files)])];
}

/** The record that lets the next run with the same raw inputs write this output before loading
 * the CLI (cli/kept-start.ts), made in the repository's top directory, when none of the inputs
 * changed while this scan ran: HEAD (as read from git's files, and by git), the day, and each
 * file — its bytes the same as before the scan where the kept output named it then, else its
 * modification time before the scan began (2 s of margin for coarse file-system clocks). Else
 * undefined: the next run takes the full path. */
async function startRecord(
  files: string[],
  command: ScanCommand,
  io: Io,
  started: { at: number; today: string; head: string | undefined; before: ReadonlyMap<string, string> },
  said: { exit: number; stderr: string },
): Promise<StartRecord | undefined> {
  if (!command.argv || started.head === undefined || utcToday() !== started.today) return undefined;
  let root: string;
  try {
    root = realpathSync(io.cwd);
    if (!statSync(path.join(root, '.git')).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  if (gitHeadAt(root) !== started.head) return undefined;
  const facts = await readRepoFacts(root).catch(() => undefined);
  if (facts?.root !== root || facts.head !== started.head) return undefined;
  const key = startKeyOf({ argv: command.argv, root, today: started.today, env: io.env }, files, { since: started.at - 2000, before: started.before });
  return key === undefined ? undefined : { key, files, ...said };
}

async function copyToFile(kept: KeptOutput, target: string): Promise<void> {
  const out = createWriteStream(target);
  const closed = new Promise<void>((resolve, reject) => out.on('close', resolve).on('error', reject));
  closed.catch(() => undefined); // awaited below, once the bytes are written
  await kept.copyTo(out);
  out.end();
  await closed;
}
