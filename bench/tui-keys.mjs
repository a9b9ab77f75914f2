#!/usr/bin/env node
// What one key costs the interactive view itself, without the terminal: the real view (App, the
// controller, the command table) rendered by Ink into a fake 120×40 terminal, over the Helm
// corpus's full scan (history and verdicts read), j and k pressed in turn. bench/tui.mjs measures
// the same keys through tmux, where the terminal and the polling add their own time; this one
// also gives the CPU each key takes, which a loaded machine stretches less than wall time.
//
//   npm run build && node bench/tui-keys.mjs [--repo DIR] [--keys 60]
//
// Printed: CPU per key (the process's user + system time over the keys), from the key written
// to Ink's stdin to the frame written to its stdout (median, p95), and Ink's own render of the
// frame (its onRender renderTime: layout and output of every line, median).
// It loads the view's modules one by one, not the built bundle (scripts/bundle-view.mjs), so Ink
// runs here without the caches the bundle keeps across frames: `bench/tui.mjs --no-history` gives
// the CPU a key costs the binary as shipped.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_GIT_ENV, generateHelmRepo } from './helm-corpus.mjs';

process.env.NODE_ENV = 'production'; // as the view runs (src/tui/launch.ts), before React loads
const { values: args } = parseArgs({ options: { repo: { type: 'string' }, keys: { type: 'string', default: '60' } } });
const KEYS = Number(args.keys);
const gitEnv = BENCH_GIT_ENV;
const dir = args.repo ?? mkdtempSync(path.join(tmpdir(), 'undrift-bench-tui-keys-'));
if (!existsSync(path.join(dir, '.git'))) await generateHelmRepo(dir, { commits: 1500, apps: 100 }, gitEnv);

const React = (await import('react')).default;
const { render } = await import('ink');
const { scanRepository } = await import('../dist/engine.js');
const { App } = await import('../dist/tui/App.js');
const { createController } = await import('../dist/tui/controller.js');

const scan = await scanRepository({ repo: dir, live: false });

class Stdout extends EventEmitter {
  isTTY = true;
  columns = 120;
  rows = 40;
  onWrite = () => undefined;
  write = (s) => {
    this.onWrite(s);
    return true;
  };
}
class Stdin extends EventEmitter {
  isTTY = true;
  data = null;
  write = (d) => {
    this.data = d;
    this.emit('readable');
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
const stdout = new Stdout();
const stdin = new Stdin();
const controller = createController(
  { onExit() {}, persist() {} },
  {
    repoName: 'helm',
    envs: scan.snapshot.environments,
    promotion: scan.config.promotion,
    divergences: scan.divergences,
    patterns: scan.patterns, // as the view shows them: a pattern's keys as one row
    size: () => ({ columns: 120, rows: 40 }),
  },
);
const renderTimes = [];
const app = render(React.createElement(App, { controller }), {
  stdout,
  stderr: new Stdout(),
  stdin,
  exitOnCtrlC: false,
  patchConsole: false,
  maxFps: 120, // as src/tui/run.tsx
  onRender: ({ renderTime }) => renderTimes.push(renderTime),
});
controller.start();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
await sleep(500);

const latencies = [];
const frames = renderTimes.length;
const cpu0 = process.cpuUsage();
for (let i = 0; i < KEYS; i++) {
  const written = new Promise((resolve) => (stdout.onWrite = resolve));
  const at = performance.now();
  stdin.write(i % 2 === 0 ? 'j' : 'k');
  await written;
  latencies.push(performance.now() - at);
  await sleep(20); // a person's pace: each key's frame is its own
}
const cpu = process.cpuUsage(cpu0);
app.unmount();
if (args.repo === undefined) rmSync(dir, { recursive: true, force: true });

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (v) => `${v.toFixed(1).padStart(6)} ms`;
console.log(
  `Helm corpus, ${scan.divergences.length} divergences with history; 120×40; ${KEYS} keys (j/k), load ${(await import('node:os')).loadavg()[0].toFixed(1)}:`,
);
console.log(`  CPU per key                    ${ms((cpu.user + cpu.system) / 1000 / KEYS)}`);
console.log(`  key → frame written            median ${ms(median(latencies))} · p95 ${ms(p95(latencies))}`);
console.log(`  Ink's render of the frame      median ${ms(median(renderTimes.slice(frames)))}`);
process.exit(0);
