import type { ScanOptions } from './engine.js';

// What every front end (cli/ and tui/) is given: the command's options and the process's I/O.
// Kept apart from both so that the TUI, which the CLI starts, does not import the CLI.

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The terminal the interactive view takes over, and the one `init` asks on: the process's own,
   * or a test's fake one. */
  terminal?: Terminal;
  /** Told the exit code once it is known, before the output is written: a reader that closes the
   * pipe early (`scan | head`) ends the process with it, so a gate behind a pipe says the same
   * whether or not the output fit in the pipe. */
  decided?: (exit: number) => void;
}

/** Keys come from `stdin` (in raw mode); frames and escape sequences go to `stdout` as written.
 * Not `Io.stdout`, which lets no escape sequence through but colours: the view draws with them,
 * and makes the text it shows from outside safe itself (tui/text.ts). */
export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/** What the interactive view runs with: a terminal on both ends. */
export type ViewIo = Io & { terminal: Terminal };

/** What the interactive view is opened with: the scan's options, and colour. */
export interface ViewCommand extends ScanOptions {
  noColor: boolean;
}

export type OutputFormat = 'table' | 'json' | 'markdown' | 'html' | 'sarif' | 'junit';

export interface ScanCommand extends ScanOptions {
  format: OutputFormat;
  noColor: boolean;
  /** Write the output to this file (relative to the current directory) instead of stdout. */
  output?: string;
  /** Exit 3 when a live source cannot be read: the default; kept for scripts that pass it. */
  requireLive?: boolean;
  /** A live source that cannot be read does not change the exit code (0/1 on what was read). */
  allowPartialLive?: boolean;
  /** `report`: exit 0 once the report is written (the gate is `scan`), unless `failOnDrift`. */
  report?: boolean;
  failOnDrift?: boolean;
  /** An incident window (a date, or a date and time): the report's timelines keep it and mark it. */
  since?: string;
  until?: string;
  /** The command line after `undrift`, as given: the output kept for a re-run is found by it
   * before the CLI loads (cli/kept-start.ts). */
  argv?: readonly string[];
}
