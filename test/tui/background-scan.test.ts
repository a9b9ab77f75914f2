import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import type { BackgroundScan, HandOver, ScanHandlers, ScanResult, WorkerScanOptions } from '../../src/tui/background-scan.js';
import { scenarioRepo } from '../support/demo-repo.js';
import { git, repoWithFiles } from '../support/repo.js';

// The worker runs the built engine (a worker thread loads JavaScript), as the real binary does:
// the global setup builds dist/ first.
const { scanInBackground } = (await import(new URL('../../dist/tui/background-scan.js', import.meta.url).href)) as {
  scanInBackground: (options: WorkerScanOptions, handlers?: ScanHandlers, workerUrl?: URL, handOver?: HandOver) => BackgroundScan;
};

/** Every message the worker sent, in order, and how the scan ended. `late`: the handlers are
 * attached only once the scan is over (as the view attaches them once it is loaded). */
async function collect(options: WorkerScanOptions, late = false, handOver?: HandOver) {
  const events: Array<{ type: string; done?: number; total?: number; env?: string; status?: string; scan?: ScanResult; whole?: () => ScanResult }> = [];
  const background = scanInBackground(options, undefined, undefined, handOver);
  const handlers: ScanHandlers = {
    quick: (scan, whole) => events.push({ type: 'quick', scan, ...(whole ? { whole } : {}) }),
    located: (scan) => events.push({ type: 'located', scan }),
    history: (done, total) => events.push({ type: 'history', done, total }),
    liveKinds: (env, done, total) => events.push({ type: 'liveKinds', env, done, total }),
    liveRead: (env, state) => events.push({ type: 'liveRead', env, status: state.status }),
  };
  if (!late) background.attach(handlers);
  let scan: ScanResult | undefined;
  let error: (Error & { exitCode?: number }) | undefined;
  await background.done.then(
    (s) => void (scan = s),
    (e: unknown) => void (error = e as Error & { exitCode?: number }),
  );
  if (late) background.attach(handlers);
  return { events, scan, error, kept: background.kept };
}

let demo: string;
beforeAll(async () => {
  // A copy of the demo the test run built once (replaying its commits runs a hundred git processes).
  demo = await scenarioRepo();
});

/** A process's session id and state (fields 6 and 3 of /proc/PID/stat), undefined once it is gone. */
function processOf(pid: number): { session: number; state: string } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return { state: fields[0]!, session: Number(fields[3]) };
  } catch {
    return undefined;
  }
}
/** Waits for what the test expects to happen (at most 30 s; the test then fails). */
async function until(happened: () => boolean): Promise<void> {
  for (let waited = 0; !happened(); waited += 50) {
    if (waited > 30_000) throw new Error(`still not so after 30 s: ${String(happened)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const gone = (pid: number) => ['Z', 'X', undefined].includes(processOf(pid)?.state);
const onLinux = process.platform === 'linux';

describe('the view reads in a process of its own', () => {
  it.runIf(onLinux)(
    "reads in a session of its own (the scheduler's share of the view is the keys' alone) and ends with the view",
    async () => {
      const background = scanInBackground({ repo: demo, today: '2026-12-01', live: false });
      const reader = background.pid!;
      try {
        expect(reader).toBeGreaterThan(0);
        expect(reader).not.toBe(process.pid);
        // Linux shares the CPU between sessions first (autogroups): a reader in the view's session
        // would spend the share the view's thread has for keys.
        expect(processOf(reader)!.session).toBe(reader);
        expect(processOf(reader)!.session).not.toBe(processOf(process.pid)!.session);
      } finally {
        background.stop();
      }
      await until(() => gone(reader));

      // A view killed while history is read (no `stop`): its reader ends too, as its channel closes.
      const helper = new URL('../../dist/tui/background-scan.js', import.meta.url).href;
      const view = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { scanInBackground } = await import(${JSON.stringify(helper)});
         const scan = scanInBackground({ repo: ${JSON.stringify(demo)}, today: '2026-12-01', live: false, historyCache: false });
         scan.attach({ quick() { console.log(scan.pid); }, located() {}, history() {}, liveKinds() {}, liveRead() {} });`,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const orphan = await new Promise<number>((resolve) => view.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
      expect(gone(orphan)).toBe(false);
      view.kill('SIGKILL');
      await until(() => gone(orphan));
    },
    60_000,
  );

  it.runIf(onLinux)(
    'a reader whose thread is held by a read ends as soon as its view is killed, by any signal (its lifeline, not its loop)',
    async () => {
      // The real fork (scanInBackground) of a reader that never turns its loop after starting (a
      // history read held the thread ~18 s): its channel's 'disconnect' is never seen.
      const helper = new URL('../../dist/tui/background-scan.js', import.meta.url).href;
      const busy = new URL('./busy-reader.child.mjs', import.meta.url).href;
      for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
        const view = spawn(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `const { scanInBackground } = await import(${JSON.stringify(helper)});
           const scan = scanInBackground({ repo: ${JSON.stringify(demo)}, live: false }, undefined, new URL(${JSON.stringify(busy)}));
           scan.attach({ quick() {}, located() {}, history() { console.log(scan.pid); }, liveKinds() {}, liveRead() {} });`,
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        const reader = await new Promise<number>((resolve) => view.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
        try {
          expect(gone(reader)).toBe(false);
          view.kill(signal);
          await until(() => gone(reader));
        } finally {
          if (!gone(reader)) process.kill(reader, 'SIGKILL');
        }
      }
    },
    90_000,
  );

  it.runIf(onLinux)(
    "a key stops the reader's processes until resumed; a view killed while they are stopped does not leave them stopped",
    async () => {
      // A reader that never turns its loop (as a history read holds it), paused by its view as a key
      // would; then the view is SIGKILLed while the reader is stopped: nothing the view runs is left
      // to continue it but the watch (reader-pause.ts), after which its lifeline ends it.
      const helper = new URL('../../dist/tui/background-scan.js', import.meta.url).href;
      const busy = new URL('./busy-reader.child.mjs', import.meta.url).href;
      const view = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { scanInBackground } = await import(${JSON.stringify(helper)});
           const scan = scanInBackground({ repo: ${JSON.stringify(demo)}, live: false }, undefined, new URL(${JSON.stringify(busy)}));
           scan.attach({ quick() {}, located() {}, history() { console.log(scan.pid); }, liveKinds() {}, liveRead() {} });
           process.stdin.on('data', (d) => { for (const c of String(d)) { if (c === 'p') scan.pause(); if (c === 'r') scan.resume(); } console.log('ok'); });`,
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      const lines: string[] = [];
      view.stdout.on('data', (d: Buffer) => lines.push(...String(d).split('\n').filter(Boolean)));
      await until(() => lines.length > 0);
      const reader = Number(lines[0]);
      const said = (n: number) => until(() => lines.filter((l) => l === 'ok').length >= n);
      const stopped = () => processOf(reader)?.state === 'T';
      try {
        expect(stopped()).toBe(false);
        view.stdin.write('p');
        await said(1);
        // SIGSTOP is sent before 'ok', but the reader shows as stopped only once the kernel has taken it off
        // a core, which on a loaded machine comes a moment later (CI saw it still running at the check).
        await until(stopped);
        view.stdin.write('r');
        await said(2);
        await until(() => !stopped());
        view.stdin.write('p');
        await said(3);
        await until(stopped);
        view.kill('SIGKILL');
        await until(() => gone(reader));
      } finally {
        if (!gone(reader)) process.kill(reader, 'SIGKILL');
      }
    },
    90_000,
  );

  it('posts the values first, then their lines, then history progress in commits, then the same divergences as an in-process scan', async () => {
    // Attached late, as the view does: everything said before is told at once, in order.
    const { events, scan, error } = await collect({ repo: demo, today: '2026-12-01' }, true);
    expect(error).toBeUndefined();
    const types = events.map((e) => e.type);
    // The list can be drawn before any history is read, from the values alone: quick comes first.
    expect(types.slice(0, 2)).toEqual(['quick', 'located']);
    const quick = events[0]!.scan!;
    expect(quick.divergences.length).toBeGreaterThan(0);
    expect(quick.divergences.every((d) => d.verdict === undefined)).toBe(true);
    expect(quick.liveEnvs).toEqual(['staging', 'production']);
    expect(quick.snapshot.envs.get('production')!.unlocated).toEqual(['config/production.yaml']);
    // Without the environments' values (the view draws the list from the divergences; apply and the
    // editor work on the located read): less for the view's thread to take before the list.
    expect(quick.snapshot.envs.get('production')!.values.size).toBe(0);
    // The located read says every line; apart from where they are (and the comments beside them)
    // the two reads give the same divergences, in the same order, with the same ids.
    const located = events[1]!.scan!;
    expect(located.snapshot.envs.get('production')!.unlocated).toBeUndefined();
    expect(located.snapshot.envs.get('production')!.values.size).toBeGreaterThan(0);
    const lines = (s: ScanResult) => s.divergences.flatMap((d) => Object.values(d.values).map((v) => (v.at && 'line' in v.at ? v.at.line : undefined)));
    expect(
      lines(quick)
        .filter((l) => l !== undefined)
        .every((l) => l === 0),
    ).toBe(true);
    expect(
      lines(located)
        .filter((l) => l !== undefined)
        .every((l) => l > 0),
    ).toBe(true);
    const valuesAlone = (s: ScanResult) =>
      JSON.parse(
        JSON.stringify(
          s.divergences.map((d) => ({ ...d, values: Object.fromEntries(Object.entries(d.values).map(([env, v]) => [env, { ...v, at: null, note: null }])) })),
        ),
      );
    expect(valuesAlone(quick)).toEqual(valuesAlone(located));
    expect(quick.patterns).toEqual(located.patterns);

    // Progress counts commits (the walk's, not file versions: each commit here touches up to three
    // files), growing to the number of commits that touched the environments' files or the contract.
    const progress = events.filter((e) => e.type === 'history');
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1)!;
    expect(last.done).toBe(last.total);
    const files = ['config/staging.yaml', 'config/production.yaml', 'config/expected-env-diff.yaml'];
    const touching = (await git(demo, 'rev-list', 'HEAD', '--', ...files)).split('\n').filter(Boolean).length;
    expect(last.total).toBe(touching);
    for (const [i, p] of progress.entries()) if (i > 0) expect(p.done).toBeGreaterThanOrEqual(progress[i - 1]!.done!);
    expect(types.filter((t) => t === 'liveRead')).toHaveLength(2);

    // In-process from the caches the worker kept (read the same way: a cached read gives the same scan).
    const inProcess = await scanRepository({ repo: demo, today: '2026-12-01' });
    expect(JSON.parse(JSON.stringify(scan!.divergences))).toEqual(JSON.parse(JSON.stringify(inProcess.divergences)));
    expect([...scan!.snapshot.live!.keys()]).toEqual(['staging', 'production']);
    // A worker's full scan of the demo and one in-process: ~7 s at a load of 20, past 30 s at 35.
  }, 90_000);

  it('a second view of the same files at the same HEAD shows the list the view before kept; an edited file is read again', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/staging.yaml': 'A: 1\nB: 2\nC: 3\n',
      'config/production.yaml': 'A: 1\nB: 5\nC: 6\n',
    });
    // Files written in the two seconds before a read are not kept (they may be changing).
    const past = new Date(Date.now() - 60_000);
    for (const file of ['undrift.yaml', 'config/staging.yaml', 'config/production.yaml']) await utimes(path.join(repo, file), past, past);
    const options = { repo, history: false, live: false, today: '2026-12-01' };
    const first = await collect(options);
    expect(first.events.map((e) => e.type)).toEqual(['quick', 'located']);
    expect(first.kept).toBe(false);
    // The reader's compiled engine is kept for the next reader (reader.ts, code-cache.ts), beside the list.
    expect(readdirSync(path.join(repo, '.git', 'undrift', 'code')).filter((name) => /^scan-worker\.cjs-[0-9a-f]{40}\.v8$/.test(name))).toHaveLength(1);
    const second = await collect(options);
    // At once the located list (no values-only read, no `located` to follow), as the first view had it.
    expect(second.events.map((e) => e.type)).toEqual(['quick']);
    // Said to be kept: the view then does not look for competing layouts (run.tsx, layoutQuestion).
    expect(second.kept).toBe(true);
    const plain = (s: ScanResult | undefined) => JSON.parse(JSON.stringify(s?.divergences)) as unknown;
    expect(plain(second.events[0]!.scan)).toEqual(plain(first.events[1]!.scan));
    expect(plain(second.scan)).toEqual(plain(first.scan));
    // The list comes without the environments' values (the first frame does not show them), and
    // with them when asked: the located read's, as the first view had them.
    expect(second.events[0]!.scan!.snapshot.envs.size).toBe(0);
    const whole = second.events[0]!.whole!();
    expect(whole.snapshot.envs.get('production')!.values.get('B')).toEqual(first.events[1]!.scan!.snapshot.envs.get('production')!.values.get('B'));
    expect(whole.snapshot.envs.get('production')!.values.get('B')!.location).toMatchObject({ file: 'config/production.yaml', line: 2 });
    expect(plain(whole)).toEqual(plain(first.events[1]!.scan));
    // It is the kept list that is shown: marked in the kept file, the mark shows; on another day
    // (a contract entry may have expired) it does not.
    const kept = path.join(repo, '.git/undrift/view-first');
    const bytes = await readFile(kept);
    const end = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as { sizes: number[] };
    const list = deserialize(bytes.subarray(end + 1, end + 1 + header.sizes[0]!)) as ScanResult;
    list.divergences[0] = { ...list.divergences[0]!, key: 'MARKED' };
    const marked = serialize(list);
    await writeFile(
      kept,
      Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, sizes: [marked.length] })}\n`), marked, bytes.subarray(end + 1 + header.sizes[0]!)]),
    );
    expect((await collect(options)).events[0]!.scan!.divergences[0]!.key).toBe('MARKED');
    expect((await collect({ ...options, today: '2026-12-02' })).events[0]!.scan!.divergences[0]!.key).not.toBe('MARKED');
    // An edited file: read again.
    await writeFile(path.join(repo, 'config/production.yaml'), 'A: 1\nB: 7\nC: 6\n');
    const edited = await collect(options);
    expect(edited.events.map((e) => e.type)).toEqual(['quick', 'located']);
    expect(edited.events[0]!.scan!.divergences.find((d) => d.key === 'B')!.values.production!.repo).toBe('7');
  });

  it("a read larger than a slice reaches the view's thread one slice per turn of its loop, whole and in order", async () => {
    const keys = Array.from({ length: 9 }, (_, i) => `K${i}`);
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/staging.yaml': keys.map((k) => `${k}: s\n`).join(''),
      'config/production.yaml': keys.map((k) => `${k}: p\n`).join(''),
    });
    const options = { repo, history: false, live: false, historyCache: false, today: '2026-12-01' };
    // Each part is asked for on a later turn of the loop: a timer set when one arrives has run by the next.
    let turns = 0;
    const parts: Array<{ type: string; received: number; total: number; turns: number }> = [];
    const onPart = (type: 'located' | 'full', received: number, total: number) => {
      parts.push({ type, received, total, turns });
      setImmediate(() => turns++);
    };
    const sliced = await collect(options, false, { slice: 2, onPart });
    const whole = await collect(options, false, { slice: 1000 });
    expect(sliced.error).toBeUndefined();
    // 9 divergences in slices of 2: the first with the read, 4 parts follow, for the located read and the full one.
    expect(parts.map((p) => `${p.type} ${p.received}/${p.total}`)).toEqual([
      ...['located 4/9', 'located 6/9', 'located 8/9', 'located 9/9'],
      ...['full 4/9', 'full 6/9', 'full 8/9', 'full 9/9'],
    ]);
    for (const [i, p] of parts.entries()) if (i > 0) expect(p.turns).toBeGreaterThan(parts[i - 1]!.turns);
    expect(sliced.events.map((e) => e.type)).toEqual(['quick', 'located']);
    const plain = (s: ScanResult | undefined) => JSON.parse(JSON.stringify(s?.divergences)) as unknown;
    expect(plain(sliced.events[1]!.scan)).toEqual(plain(whole.events[1]!.scan));
    expect(plain(sliced.scan)).toEqual(plain(whole.scan));
    expect(sliced.scan!.divergences.map((d) => d.key)).toEqual(keys);
  });

  it("a problem with the user's input stays a one-line UserError across the thread", async () => {
    const repo = await repoWithFiles({ 'undrift.yaml': 'environments:\n  staging:\n    fromat: yaml\n', 'config/staging.yaml': 'A: 1\n' });
    const { error } = await collect({ repo });
    expect(error?.name).toBe('UserError');
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(/^undrift\.yaml:3:5: environments\.staging/);
  });

  it('a file that is not there is named, not a crash of the worker', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/staging.yaml': 'A: 1\n',
    });
    await writeFile(path.join(repo, 'undrift.yaml'), 'environments:\n  staging: config/staging.yaml\n  production: config/nope.yaml\n');
    const { error } = await collect({ repo, history: false });
    expect(error?.name).toBe('UserError');
    expect(error?.message).toContain('config/nope.yaml');
  });
});
