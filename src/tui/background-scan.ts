import { fork } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIFELINE_FD } from './lifeline.js';
import { pausableGroup } from './reader-pause.js';
import { keptFirstScreen, repositoryTop, type FirstScreenInputs, type KeptScreen } from '../sources/repo/view-cache.js';
import { utcToday } from '../sources/repo/start-key.js';
import type { Scan, ScanOptions } from '../engine.js';
import { UserError } from '../errors.js';
import type { Divergence, EnvName, LiveState } from '../model/types.js';

/** What the view keeps of a scan: everything but the config (its compiled contract patterns
 * cannot cross threads; the view reads undrift.yaml itself) and the raw history (the
 * divergences carry theirs). All of it is plain data, copied by structured clone. */
export type ScanResult = Pick<Scan, 'repoRoot' | 'snapshot' | 'divergences' | 'notes' | 'warnings' | 'patterns'> & {
  /** The environments (of those read) that have a live source configured. */
  liveEnvs: EnvName[];
};

/** The options the scan's reader is started with: the scan's, without callbacks (progress comes
 * back as messages). */
export type WorkerScanOptions = Omit<ScanOptions, 'reuse' | 'onProgress' | 'onHistoryProgress' | 'onLiveRead' | 'onLiveKinds'>;

/** What the reader says, in order: the repo read (quick: no history, no live state; when a file
 * was read for its values alone, `located` follows with every value's line, and the quick read
 * comes without the environments' values: the list needs only its divergences), progress, then the
 * full scan; or why it failed. A located or full read with more divergences than one slice
 * arrives in slices (`more`: how many divergences follow in `part`s), each sent when the view's
 * thread asks for it (`{ type: 'more' }`): a full read on the Helm corpus is ~22 MB as V8
 * serialises it, and taken in one message its copy held keys for ~0.5 s (bench/tui). */
export type WorkerMessage =
  | { type: 'quick'; scan: ScanResult }
  | { type: 'located'; scan: ScanResult; more?: number }
  | { type: 'history'; done: number; total: number }
  | { type: 'liveKinds'; env: EnvName; done: number; total: number }
  | { type: 'liveRead'; env: EnvName; state: LiveState }
  | { type: 'full'; scan: ScanResult; more?: number }
  | { type: 'part'; divergences: Divergence[] }
  | { type: 'failed'; name: string; message: string; exitCode?: number; stack?: string };

/** Divergences per message: ~100 of the Helm corpus' (with their history and verdicts) are
 * ~0.6 MB, copied in ~10 ms on an idle core. */
export const SLICE = 100;

/** How a read is handed over, for tests: the reader's slice, and a callback told of each part
 * received (the message it belongs to, divergences received, divergences in all). */
export interface HandOver {
  slice?: number;
  onPart?: (type: 'located' | 'full', received: number, total: number) => void;
}

export interface ScanHandlers {
  /** The repo read. From the list a view before kept, `whole` gives it with every environment's
   * values (the files' reads, 1.5 MB of the Helm corpus' 3.2): the first frame shows the list
   * without them (`scan.snapshot.envs` is empty until then), apply and the editor need them. */
  quick(scan: ScanResult, whole?: () => ScanResult): void;
  located(scan: ScanResult): void;
  history(done: number, total: number): void;
  liveKinds(env: EnvName, done: number, total: number): void;
  liveRead(env: EnvName, state: LiveState): void;
}

export interface BackgroundScan {
  /** The full scan, once read; rejects with the scan's error (a UserError stays one). */
  done: Promise<ScanResult>;
  /** Who hears what the reader says; what it said before is told at once, in order. */
  attach(handlers: ScanHandlers): void;
  /** Ends the reader (the view closed, or a newer read replaces this one). */
  stop(): void;
  /** The reader's process. */
  pid: number | undefined;
  /** Stops the reader's processes while the view answers a key (reader-pause.ts); no-op once the
   * read is over. */
  pause(): void;
  /** Continues them (no-op unless paused). */
  resume(): void;
  /** Whether the list shown first is the one a view before kept (read from the files undrift.yaml
   * names: a list is kept only where undrift.yaml was read, never from discovery). */
  kept: boolean;
}

/** What the first screen of a view with these options is kept under (with the files it was read
 * from): where caches are kept and the repository's `.git` is found without git. */
export function firstScreenInputs(options: WorkerScanOptions): FirstScreenInputs | undefined {
  const plain = plainOptions(options);
  const root = plain.historyCache === false ? undefined : repositoryTop(plain.repo);
  return root === undefined ? undefined : { root, options: plain, today: plain.today ?? utcToday() };
}

/** Only what the reader can be handed: options without functions. */
function plainOptions(options: WorkerScanOptions): WorkerScanOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function' && v !== undefined)) as WorkerScanOptions;
}

const INHERITED_FLAGS = /^--(cpu-prof|heap-prof|max-old-space-size=|max-semi-space-size=|enable-source-maps$)/;

/** What the view says to its reader: what to read (first), then "the next slice, please". */
export type ReaderMessage = { type: 'start'; options: WorkerScanOptions & { firstScreenShown?: boolean; slice?: number } } | { type: 'more' };

type ProgressMessage = Exclude<WorkerMessage, { type: 'full' | 'failed' | 'part' }> & { whole?: () => ScanResult };

/** A first screen as it is kept (view-cache.ts): the list, then the environments' values. */
export function firstScreenParts(scan: ScanResult): [ScanResult, ScanResult['snapshot']['envs']] {
  return [{ ...scan, snapshot: { ...scan.snapshot, envs: new Map() } }, scan.snapshot.envs];
}

/** The scan a kept first screen was made of, from its parts. */
function wholeOf(kept: KeptScreen<ScanResult>): ScanResult {
  return { ...kept.first, snapshot: { ...kept.first.snapshot, envs: kept.part(1) as ScanResult['snapshot']['envs'] } };
}
type Sliced = Extract<WorkerMessage, { type: 'located' | 'full' }>;

function tell(handlers: ScanHandlers, message: ProgressMessage): void {
  switch (message.type) {
    case 'quick':
      return message.whole ? handlers.quick(message.scan, message.whole) : handlers.quick(message.scan);
    case 'located':
      return handlers.located(message.scan);
    case 'history':
      return handlers.history(message.done, message.total);
    case 'liveKinds':
      return handlers.liveKinds(message.env, message.done, message.total);
    case 'liveRead':
      return handlers.liveRead(message.env, message.state);
  }
}

/** The messages of the reader as the view takes them: in the order sent, a sliced read whole once
 * its last part is in. Each part is asked for on the event loop's next turn after the one before
 * arrived, so a key pressed meanwhile is answered between two parts (node hands a port's queued
 * messages over in one go: parts sent unasked would arrive as one long task again). */
function receiver(ask: () => void, take: (message: Exclude<WorkerMessage, { type: 'part' }>) => void, onPart?: HandOver['onPart']) {
  let assembling: { message: Sliced; left: number; total: number } | undefined;
  const waiting: WorkerMessage[] = [];
  const start = (message: Exclude<WorkerMessage, { type: 'part' }>) => {
    if ((message.type === 'located' || message.type === 'full') && message.more) {
      assembling = { message, left: message.more, total: message.scan.divergences.length + message.more };
      setImmediate(ask);
    } else take(message);
  };
  return (message: WorkerMessage) => {
    if (message.type === 'part') {
      if (!assembling) return;
      const whole = assembling;
      for (const d of message.divergences) whole.message.scan.divergences.push(d);
      whole.left -= message.divergences.length;
      onPart?.(whole.message.type, whole.message.scan.divergences.length, whole.total);
      if (whole.left > 0) return void setImmediate(ask);
      assembling = undefined;
      const { more: _more, ...complete } = whole.message;
      take(complete);
      while (!assembling && waiting.length) start(waiting.shift() as Exclude<WorkerMessage, { type: 'part' }>);
      return;
    }
    // A failure is told at once; anything else waits for the read being received before it.
    if (assembling && message.type !== 'failed') return void waiting.push(message);
    start(message);
  };
}

/** Scans the repository in a process of its own, so that parsing history never holds up the keys
 * the view answers: the repo is read once (the quick part, posted at once), then history and live
 * state are added to that same read. Started before the view is loaded (its handlers attached
 * once it is), the reader runs while Ink and React load.
 *
 * A process, not a worker thread: on Linux the scheduler shares the CPU between sessions
 * (autogroups) first, then between the threads of each. A worker thread in the view's process
 * spent the view's share: on a busy machine the view's thread, woken by a key, waited for its
 * session's next turn behind the reading it had itself used up. The reader runs in a session of
 * its own (`detached`), its garbage collection on its own threads; the view's session is left to
 * the keys. Measured on the Helm corpus at load 12–17 (bench/tui, keys while history loads): the
 * view's thread waiting for a core between a key's read and its frame, median 5.4–6.1 → 0.1–0.6
 * ms and p95 44–55 → 20–21 ms; key to screen median 38–50 → 31–38 ms. */
export function scanInBackground(
  options: WorkerScanOptions,
  handlers?: ScanHandlers,
  readerUrl = new URL('./reader.js', import.meta.url),
  handOver: HandOver = {},
): BackgroundScan {
  // A second view of the same files at the same HEAD shows the list the view before kept, read
  // here, before the reader has loaded the engine (about a second of CPU on a large repository).
  const inputs = firstScreenInputs(options);
  const shown = inputs ? keptFirstScreen<ScanResult>(inputs) : undefined;
  // The reader keeps its compiled code where the repository's kept data lives (reader.ts).
  const top = repositoryTop(options.repo);
  const reader = fork(fileURLToPath(readerUrl), top === undefined ? [] : [path.join(top, '.git', 'undrift', 'code')], {
    // A session of its own (setsid), where a new session is not a new console window.
    detached: process.platform !== 'win32',
    // Messages as V8 serialises them (Maps, Sets, as a worker's structured clone).
    serialization: 'advanced',
    // The terminal is the view's: what the reader prints on stderr is kept for the error it ends with.
    // The last is the reader's lifeline (lifeline.ts): it ends when this process does, however.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc', 'pipe'],
    // Of Node's flags the view was started with, those that measure or size a process (a profile
    // of each); not `-e` and its script, a test runner's loaders or a debugger's port.
    execArgv: process.execArgv.filter((a) => INHERITED_FLAGS.test(a)),
  });
  // Held open, never read or written, and never what keeps the view running.
  (reader.stdio[LIFELINE_FD] as Socket | null | undefined)?.unref();
  // Its process group (it leads one: detached), stopped while the view answers a key.
  const group = pausableGroup(process.platform === 'win32' ? undefined : reader.pid);
  let stderr = '';
  reader.stderr?.setEncoding('utf8');
  reader.stderr?.on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  const send = (message: ReaderMessage) => {
    if (reader.connected) reader.send(message, (error) => void error);
  };
  send({ type: 'start', options: { ...plainOptions(options), ...(shown ? { firstScreenShown: true } : {}), slice: handOver.slice ?? SLICE } });
  let stopped = false;
  let heard = handlers;
  const held: ProgressMessage[] = shown ? [{ type: 'quick', scan: shown.first, whole: () => wholeOf(shown) }] : [];
  const done = new Promise<ScanResult>((resolve, reject) => {
    const ask = () => {
      if (!stopped) send({ type: 'more' });
    };
    const take = (message: Exclude<WorkerMessage, { type: 'part' }>) => {
      if (stopped) return;
      switch (message.type) {
        case 'full':
          stopped = true;
          reader.kill();
          group.release();
          return resolve(message.scan);
        case 'failed': {
          stopped = true;
          reader.kill();
          group.release();
          const error = message.name === 'UserError' ? new UserError(message.message, message.exitCode) : new Error(message.message);
          if (message.stack && !(error instanceof UserError)) error.stack = message.stack;
          return reject(error);
        }
        default:
          if (heard) return tell(heard, message);
          held.push(message);
      }
    };
    const received = receiver(ask, take, handOver.onPart);
    reader.on('message', (message: WorkerMessage) => {
      if (!stopped) received(message);
    });
    reader.on('error', (error) => {
      group.release();
      if (stopped) return;
      stopped = true;
      reject(error);
    });
    reader.on('exit', (code, signal) => {
      group.release();
      if (stopped) return;
      stopped = true;
      const said = stderr.trim().split('\n').slice(-12).join('\n');
      reject(new Error(`the scan's reader stopped (${signal ?? `exit ${code}`}) before it finished${said ? `:\n${said}` : ''}`));
    });
  });
  if (shown && heard) tell(heard, held.shift()!);
  // A failure before anyone waits (the view still loading) is not an unhandled rejection: whoever
  // awaits `done` gets it.
  done.catch(() => undefined);
  return {
    done,
    attach(late) {
      heard = late;
      for (const message of held.splice(0)) tell(late, message);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // A stopped process acts on SIGTERM only once continued.
      reader.kill();
      group.release();
    },
    pause() {
      if (!stopped) group.pause();
    },
    resume: () => group.resume(),
    pid: reader.pid,
    kept: shown !== undefined,
  };
}
