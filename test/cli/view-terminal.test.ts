import { EventEmitter } from 'node:events';
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/command.js';
import { Stdin } from '../support/ink.js';
import { repoWithFiles } from '../support/repo.js';

// The interactive view draws on `Io.terminal`, never on the process's own streams: here it runs
// on a fake terminal, in-process. The built CLI: the view reads in a worker thread, which loads
// JavaScript (the global setup builds dist/).
const { main } = (await import(new URL('../../dist/cli/main.js', import.meta.url).href)) as typeof import('../../src/cli/main.js');

/** A terminal's screen end: keeps every write, escape sequences and all. */
class Screen extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  written = '';
  write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    this.written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
}

class Captured extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

let repo: string;
beforeAll(async () => {
  repo = await repoWithFiles({
    'undrift.yaml':
      'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n',
    'config/staging.yaml': 'TIMEOUT_MS: 3000\n',
    'config/production.yaml': 'TIMEOUT_MS: 9000\n',
  });
});

// The environment is changed in place and put back key by key, never swapped for a copy: Ink's
// `is-in-ci` reads the `env` that `node:process` exported at load, the original object, so a copy
// would hide what the view sets (`CI=false` when CI is set, as on CI machines) from Ink.
const outer = { ...process.env };
const hadConsole = 'Console' in console;
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in outer)) delete process.env[key];
  Object.assign(process.env, outer);
  if (!hadConsole) delete (console as { Console?: unknown }).Console;
  vi.restoreAllMocks();
});

describe('the interactive view on Io.terminal', () => {
  it('draws on the terminal it is given, reads its keys there, and leaves the process’s streams alone', async () => {
    // What the view sets in the environment for Ink and React is undone after the test.
    process.env.NO_COLOR = '1';
    // Ink routes console output above its frame through `new console.Console(...)`, which a
    // process's console has and vitest's stand-in lacks.
    Object.assign(console, { Console });
    const processWrites = vi.spyOn(process.stdout, 'write');
    const screen = new Screen();
    const keys = new Stdin();
    const stdout = new Captured();
    const io: Io = {
      stdout,
      stderr: new Captured(),
      env: process.env,
      cwd: repo,
      terminal: { stdin: keys as unknown as NodeJS.ReadStream, stdout: screen as unknown as NodeJS.WriteStream },
    };
    const run = main(['--no-live', '--no-history'], io);
    const stderr = io.stderr as Captured;
    await vi.waitFor(() => expect(screen.written + stderr.text).toContain('TIMEOUT_MS'), { timeout: 20_000, interval: 10 });
    keys.write('q');
    expect(await run).toBe(0);

    expect(screen.written.startsWith('\u001b[?1049h')).toBe(true);
    expect(screen.written).toContain('? help · q quit');
    expect(screen.written.endsWith('\u001b[?1049l')).toBe(true);
    expect(stdout.text).toMatch(/^undrift: 1 divergences, 0 decided/);
    const drawn = processWrites.mock.calls.map(([chunk]) => String(chunk)).filter((text) => text.includes('\u001b[') || text.includes('TIMEOUT_MS'));
    expect(drawn).toEqual([]);
  });
});
