import { EventEmitter } from 'node:events';
import { render as inkRender, type Instance } from 'ink';
import type { ReactElement } from 'react';
import { expect, vi } from 'vitest';

/** Renders an Ink tree into a fake terminal of a chosen size (ink-testing-library fixes 100
 * columns and no rows) and waits for frames by what they show — never by time. */
class Stdout extends EventEmitter {
  isTTY = true;
  last = '';
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.last = frame;
    return true;
  };
}

/** Keys typed into a fake terminal, read the way Ink reads a TTY (`readable`, then `read()`). */
export class Stdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export interface Terminal {
  // Properties, not methods: tests take them off the terminal (`const { frame, press } = ...`).
  frame: () => string;
  /** The last frame as written, escape sequences and all. */
  raw: () => string;
  /** Types keys, then (when given) waits until the screen shows what is expected. */
  press: (keys: string, expected?: string | RegExp) => Promise<void>;
  waitFor: (expected: string | RegExp | ((frame: string) => boolean)) => Promise<string>;
  resize: (columns: number, rows: number) => void;
  instance: Instance;
}

export function renderAt(tree: ReactElement, columns = 100, rows = 30): Terminal {
  const stdout = new Stdout(columns, rows);
  const stdin = new Stdin();
  const instance = inkRender(tree, {
    stdout: stdout as never,
    stderr: new Stdout(columns, rows) as never,
    stdin: stdin as never,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const frame = () => stdout.last.replace(ANSI, '');
  // Text the screen wrapped still matches: also tried with every run of white space as one space.
  const flat = () => frame().replace(/\s+/g, ' ');
  const matches = (expected: string | RegExp | ((frame: string) => boolean)) =>
    typeof expected === 'string'
      ? frame().includes(expected) || flat().includes(expected)
      : expected instanceof RegExp
        ? expected.test(frame()) || expected.test(flat())
        : expected(frame());
  const waitFor = async (expected: string | RegExp | ((frame: string) => boolean)) => {
    await vi.waitFor(() => expect(matches(expected), `the screen never showed ${String(expected)}:\n${frame()}`).toBe(true), { timeout: 10_000, interval: 5 });
    return frame();
  };
  return {
    frame,
    raw: () => stdout.last,
    instance,
    waitFor,
    async press(keys, expected) {
      stdin.write(keys);
      if (expected !== undefined) await waitFor(expected);
    },
    resize(c, r) {
      stdout.columns = c;
      stdout.rows = r;
      stdout.emit('resize');
    },
  };
}
