import { scanRepository, type Scan } from '../engine.js';
import { lowerThreadPriority } from './thread-priority.js';
import { endWithHolder } from './lifeline.js';
import { FINGERPRINT_KEY, keepFirstScreen } from '../sources/repo/view-cache.js';
import {
  firstScreenInputs,
  firstScreenParts,
  SLICE,
  type ReaderMessage,
  type ScanResult,
  type WorkerMessage,
  type WorkerScanOptions,
} from './background-scan.js';

// The interactive view's reading, in a process of its own (see background-scan.ts, started by
// reader.ts): the repo once, posted at once; then history and live state on top of that read, with
// progress as it goes.

// The channel may close between the check and the send (the view quit): with a callback the
// failure comes to it instead of an unhandled 'error' (EPIPE) on a stderr nobody reads.
const post = (message: WorkerMessage) => {
  if (process.connected) process.send!(message, undefined, undefined, (error) => void error);
};
/** `post`, resolved once the message is written to the channel. A large message is written as the
 * event loop turns: posted right before a long synchronous read, the rest of it waited for that read
 * to end (the first screen's list came 1–2 s late in about half the runs on the Helm corpus). */
const flushed = (message: WorkerMessage) =>
  new Promise<void>((resolve) => {
    if (!process.connected) return resolve();
    process.send!(message, undefined, undefined, () => resolve());
  });
/** A read's divergences past its first slice, in order, each posted when the view asks for the
 * next (background-scan.ts, receiver): the view's thread copies one slice per turn of its loop. */
const outgoing: Array<ScanResult['divergences']> = [];
/** Writes the reader's code cache (tui/reader.ts, code-cache.ts), once what the first read runs is compiled. */
let keepCode: () => void = () => undefined;

/** Reads for the view that started this process (tui/reader.ts): `keep` writes the code cache. */
export function serve(keep: () => void): void {
  keepCode = keep;
  // The view is gone (closed, or killed): nobody is left to read for. Seen as the loop turns; while a
  // read holds the thread, the lifeline (lifeline.ts) ends the reader.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: ReaderMessage) => {
    if (message?.type === 'start') return void start(message.options);
    if (message?.type !== 'more') return;
    const next = outgoing.shift();
    if (next) post({ type: 'part', divergences: next });
  });
}
function postRead(type: 'located' | 'full', scan: ScanResult, slice: number): Promise<void> {
  const all = scan.divergences;
  const step = Math.max(1, slice);
  for (let at = step; at < all.length; at += step) outgoing.push(all.slice(at, at + step));
  const more = Math.max(0, all.length - step);
  return flushed({ type, scan: { ...scan, divergences: all.slice(0, step) }, ...(more ? { more } : {}) });
}

/** Every progress message redraws the whole frame on the view's thread, where keys are answered:
 * two a second say how far it is without taking the time keys need (and the view holds them back
 * while keys are pressed: controller.ts, quietDispatch). */
const PROGRESS_EVERY_MS = 500;
function throttled<A extends unknown[]>(send: (...args: A) => void, isLast: (...args: A) => boolean): (...args: A) => void {
  let last = 0;
  return (...args) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && !isLast(...args)) return;
    last = now;
    send(...args);
  };
}
const result = (scan: Scan): ScanResult => ({
  repoRoot: scan.repoRoot,
  snapshot: scan.snapshot,
  divergences: scan.divergences,
  notes: scan.notes,
  warnings: scan.warnings,
  patterns: scan.patterns,
  liveEnvs: scan.config.environments.filter((e) => e.live && scan.snapshot.environments.includes(e.name)).map((e) => e.name),
});

/** Whether some file was read for its values alone (its lines are not known yet). */
const unlocated = (scan: Scan) => scan.snapshot.environments.some((env) => scan.snapshot.envs.get(env)?.unlocated);

/** A values-only read as the view takes it: without the environments' values, which it never reads
 * from that read (apply and the editor wait for the located read that follows). On the Helm corpus
 * they are about half of what the view's thread would deserialise before it can draw the list. A
 * read whose every file is located (small files) is what apply works on: sent whole. */
function listOnly(scan: ScanResult): ScanResult {
  const envs = scan.snapshot.envs;
  if (![...envs.values()].some((env) => env.unlocated)) return scan;
  return { ...scan, snapshot: { ...scan.snapshot, envs: new Map([...envs].map(([name, env]) => [name, { ...env, values: new Map() }])) } };
}

/** The files a first screen is read from, where they are all of its inputs (start-key.ts refuses
 * directories): the configuration, the contract, the environments' files and the fingerprint key. */
function firstScreenFiles(scan: Scan): string[] | undefined {
  if (scan.config.discovered || scan.snapshot.environments.some((env) => scan.snapshot.envs.get(env)?.built)) return undefined;
  return [...new Set([scan.config.source, scan.config.contractPath, FINGERPRINT_KEY, ...scan.config.environments.flatMap((env) => env.files)])];
}

async function run({ firstScreenShown, slice = SLICE, ...options }: WorkerScanOptions & { firstScreenShown?: boolean; slice?: number }): Promise<void> {
  // The view showed the list kept by the view before (background-scan.ts): history and live state
  // follow, on a read of their own.
  const inputs = firstScreenInputs(options);
  const started = Date.now();
  let located: Scan | undefined;
  let onHistory: () => void = () => undefined;
  if (firstScreenShown) {
    lowerThreadPriority();
    endWithHolder();
    // What reads history is compiled by its first progress: the code cache is written then.
    onHistory = keepCode;
  } else {
    // The list needs the values alone: YAML read without lines is 8–10× quicker (engine.ts, valuesOnly).
    const quick = await scanRepository({ ...options, history: false, live: false, valuesOnly: true });
    await flushed({ type: 'quick', scan: listOnly(result(quick)) });
    // The list is on screen: from now on keys come first, the files' lines, history and live state after them.
    lowerThreadPriority();
    keepCode();
    // Until now the read yielded often enough for the channel's 'disconnect' to be seen; what follows
    // holds the thread for seconds at a time (started here: its thread costs the first screen nothing).
    endWithHolder();
    located = quick;
    if (unlocated(quick)) {
      located = await scanRepository({ ...options, history: false, live: false });
      await postRead('located', result(located), slice);
    }
    // Kept for the next view of the same files at the same HEAD.
    const files = inputs && located.repoRoot === inputs.root ? firstScreenFiles(located) : undefined;
    if (files) keepFirstScreen(inputs!, files, started, firstScreenParts(result(located)));
  }
  const full = await scanRepository({
    ...options,
    ...(located ? { reuse: located } : {}),
    onHistoryProgress: throttled(
      (done: number, total: number) => {
        post({ type: 'history', done, total });
        onHistory();
        onHistory = () => undefined;
      },
      (done, total) => done === total,
    ),
    onLiveKinds: (env, done, total) => post({ type: 'liveKinds', env, done, total }),
    onLiveRead: (env, state) => post({ type: 'liveRead', env, state }),
  });
  await postRead('full', result(full), slice);
}

function start(options: WorkerScanOptions & { firstScreenShown?: boolean; slice?: number }): void {
  run(options).catch((e: unknown) => {
    const error = e as Error & { exitCode?: number };
    post({
      type: 'failed',
      name: error.name,
      message: error.message,
      ...(typeof error.exitCode === 'number' ? { exitCode: error.exitCode } : {}),
      ...(error.stack ? { stack: error.stack } : {}),
    });
  });
}
