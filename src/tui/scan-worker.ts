import { parentPort, workerData } from 'node:worker_threads';
import { scanRepository, type Scan } from '../engine.js';
import { lowerThreadPriority } from './thread-priority.js';
import type { ScanResult, WorkerMessage, WorkerScanOptions } from './background-scan.js';

// The interactive view's reading, off its thread (see background-scan.ts): the repo once, posted
// at once; then history and live state on top of that read, with progress as it goes.

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

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

async function run(options: WorkerScanOptions): Promise<void> {
  // The list needs the values alone: YAML read without lines is 8–10× quicker (engine.ts, valuesOnly).
  const quick = await scanRepository({ ...options, history: false, live: false, valuesOnly: true });
  post({ type: 'quick', scan: result(quick) });
  // The list is on screen: from now on keys come first, the files' lines, history and live state after them.
  lowerThreadPriority();
  let located = quick;
  if (unlocated(quick)) {
    located = await scanRepository({ ...options, history: false, live: false });
    post({ type: 'located', scan: result(located) });
  }
  const full = await scanRepository({
    ...options,
    reuse: located,
    onHistoryProgress: throttled(
      (done: number, total: number) => post({ type: 'history', done, total }),
      (done, total) => done === total,
    ),
    onLiveKinds: (env, done, total) => post({ type: 'liveKinds', env, done, total }),
    onLiveRead: (env, state) => post({ type: 'liveRead', env, state }),
  });
  post({ type: 'full', scan: result(full) });
}

run(workerData as WorkerScanOptions).catch((e: unknown) => {
  const error = e as Error & { exitCode?: number };
  post({
    type: 'failed',
    name: error.name,
    message: error.message,
    ...(typeof error.exitCode === 'number' ? { exitCode: error.exitCode } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  });
});
