import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, beforeAll } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENS_DIR = path.join(ROOT, 'test-output', 'tui');

/** A real terminal: the built binary runs in a tmux pane; keys are sent as a person types them and
 * the screen is read back with capture-pane. Every screen looked at is kept as a text file. Each
 * session runs on its own tmux server (`-L`): another tmux user on the machine (a `kill-server`,
 * a crash) cannot end it mid-test. */
export class TmuxSession {
  private shot = 0;

  private constructor(
    readonly name: string,
    private readonly screens: string,
    private readonly cwd: string,
  ) {}

  static async start(options: {
    cwd: string;
    command: string;
    env?: Record<string, string>;
    width?: number;
    height?: number;
    label: string;
  }): Promise<TmuxSession> {
    const name = `undrift-${options.label}-${process.pid}-${Date.now()}`;
    const env = Object.entries({ TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    await execa('tmux', [
      '-L',
      name,
      'new-session',
      '-d',
      '-s',
      name,
      '-x',
      String(options.width ?? 100),
      '-y',
      String(options.height ?? 30),
      '-c',
      options.cwd,
      ...env,
      `${options.command}; echo "[exit $?]"; sleep 600`,
    ]);
    const screens = path.join(SCREENS_DIR, options.label);
    await mkdir(screens, { recursive: true });
    return new TmuxSession(name, screens, options.cwd);
  }

  async screen(escapes = false): Promise<string> {
    // Polled every 100 ms while a test waits: node's own execFile costs a fraction of execa's
    // set-up per call, and the suite's CPU is counted.
    const { stdout } = await promisify(execFile)('tmux', ['-L', this.name, 'capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.name]);
    return stdout.replace(/\n$/, '');
  }

  /** Sends keys as tmux names them (`Enter`, `Escape`, `C-r`) or literal text, one at a time. */
  async keys(...keys: string[]): Promise<void> {
    for (const key of keys) {
      const named = /^(Enter|Escape|Tab|BSpace|Up|Down|Left|Right|PageUp|PageDown|Home|End|Space|C-.|M-.)$/.test(key);
      await execa('tmux', ['-L', this.name, 'send-keys', '-t', this.name, ...(named ? [key] : ['-l', key])]);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  async type(text: string): Promise<void> {
    await execa('tmux', ['-L', this.name, 'send-keys', '-t', this.name, '-l', text]);
  }

  /** Waits until the screen shows the text (or matches, or passes the test), then keeps the
   * screen under `label`. */
  async waitFor(expected: string | RegExp | ((screen: string) => boolean), label: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = await this.screen();
      if (typeof expected === 'string' ? last.includes(expected) : typeof expected === 'function' ? expected(last) : expected.test(last)) {
        await writeFile(path.join(this.screens, `${String(++this.shot).padStart(2, '0')}-${label}.txt`), `${last}\n`);
        return last;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await writeFile(path.join(this.screens, `${String(++this.shot).padStart(2, '0')}-${label}-TIMEOUT.txt`), `${last}\n`);
    throw new Error(`the screen never showed ${String(expected)}; last screen:\n${last}`);
  }

  /** Moves the list's cursor (`›`) with `key` until its row matches `row`. One key at a time,
   * each press waited for until the cursor has moved: keys sent while the view is still drawing the
   * last one would otherwise be judged on a stale screen and carry the cursor past the row. */
  async moveTo(row: RegExp, label: string, key = 'j', most = 20): Promise<string> {
    const cursor = (screen: string) => screen.split('\n').find((line) => line.startsWith('›')) ?? '';
    let screen = await this.screen();
    for (let i = 0; i < most && !row.test(cursor(screen)); i++) {
      const before = cursor(screen);
      await this.keys(key);
      screen = await this.waitFor((now) => cursor(now) !== before, `${label}-move`);
    }
    if (!row.test(cursor(screen))) throw new Error(`the cursor never reached ${String(row)}; last screen:\n${screen}`);
    return screen;
  }

  async resize(width: number, height: number): Promise<void> {
    await execa('tmux', ['-L', this.name, 'resize-window', '-t', this.name, '-x', String(width), '-y', String(height)]);
  }

  /** The processes the pane's shell runs (the command under test). */
  async children(): Promise<number[]> {
    const pane = (await execa('tmux', ['-L', this.name, 'display-message', '-p', '-t', this.name, '#{pane_pid}'])).stdout.trim();
    const { stdout } = await execa('pgrep', ['-P', pane], { reject: false });
    return stdout.split('\n').filter(Boolean).map(Number);
  }

  async kill(): Promise<void> {
    // The server's socket file stays behind when its last session ends: removed with it.
    const socket = (await execa('tmux', ['-L', this.name, 'display-message', '-p', '#{socket_path}'], { reject: false })).stdout.trim();
    await execa('tmux', ['-L', this.name, 'kill-server'], { reject: false });
    if (socket.endsWith(`/${this.name}`)) await rm(socket, { force: true });
    await this.noReaderLeftStopped();
  }

  /** The view's readers (dist/tui/reader.js, started in the repository the session ran in) end with
   * the view, however the terminal closed; one left stopped (reader-pause.ts) would hold its
   * memory for good. Waits for them to end; fails on one still stopped with its view gone. */
  private async noReaderLeftStopped(): Promise<void> {
    if (process.platform !== 'linux') return;
    const cwd = realpathSync(this.cwd);
    const readers = () =>
      readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry))
        .flatMap((pid) => {
          try {
            if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/tui/reader.js')) return [];
            if (readlinkSync(`/proc/${pid}/cwd`) !== cwd) return [];
            const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0];
            return state === 'Z' ? [] : [{ pid: Number(pid), state }];
          } catch {
            return [];
          }
        });
    const deadline = Date.now() + 15_000;
    let left = readers();
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      left = readers();
    }
    const stopped = left.filter((r) => r.state === 'T');
    for (const r of stopped) process.kill(r.pid, 'SIGKILL');
    if (stopped.length > 0) throw new Error(`the view's reader ${stopped.map((r) => r.pid).join(', ')} was left stopped after the terminal closed`);
  }
}

/** A test file's tmux sessions: whether tmux is installed (asked once, before the file's tests; a
 * test without it skips), and every session started here killed after each test, however it ends. */
export function tmuxSessions(): { readonly available: boolean; start(options: Parameters<typeof TmuxSession.start>[0]): Promise<TmuxSession> } {
  let available = true;
  const open: TmuxSession[] = [];
  beforeAll(async () => {
    available = (await execa('tmux', ['-V'], { reject: false })).exitCode === 0;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.kill()));
  });
  return {
    get available() {
      return available;
    },
    async start(options) {
      const session = await TmuxSession.start(options);
      open.push(session);
      return session;
    },
  };
}
