import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { readKeptJson, tempBeside } from '../../kept-file.js';

// An unchanged re-run of `scan --format json` on a large repository writes tens of MB of JSON
// built from every key's history and verdict: building it again is most of the re-run's time. A
// scan's output is a function of the key the engine gives (everything that decides the scan) and
// of how it is written (format, window, destination): the last output is kept whole in one file
// (`.git/undrift/scan-output`, a header line, then the bytes) and written again as it is while
// the key is the same. Failing to read or write it only costs speed.

const FORMAT_VERSION = 1;

/** What a kept output's command needs beside its bytes: its exit code and its messages. */
export interface OutputFacts {
  /** Some divergence is undeclared drift. */
  drift: boolean;
  /** The live sources that could not be read, in one line each. */
  unread: string[];
  /** The summary line (`undrift: wrote FILE (…)`). */
  summary: string;
}

/** What lets the CLI write a kept output before it loads the engine (cli/kept-start.ts): the key
 * of the scan's raw inputs (start-key.ts), the files it hashes, and what the run said beside the
 * output (its exit code, its standard error). */
export interface StartRecord {
  key: string;
  files: string[];
  exit: number;
  stderr: string;
}

/** What a kept output says of how it can be started: the files its scan read (when start-key.ts
 * names every input of it), and the record made from them. */
export interface StartFacts {
  files?: string[];
  start?: StartRecord;
}

interface Header extends OutputFacts, StartFacts {
  version: number;
  key: string;
  /** Names this output, for the index of its pieces (`scan-pieces.json`). */
  pieces?: string;
}

/** Where each piece of a kept output is (a divergence or a key's timeline, by the id of its
 * inputs): after one new commit a scan renders nearly all of them as they were. `scope` is what
 * every piece shares beside its id (the environments shown, the window), `verdicts` the saving of
 * the verdicts they were rendered with (verdict-cache.ts). */
interface PieceIndex {
  version: number;
  output: string;
  scope: string;
  verdicts: string;
  /** id → [start, length] in the output's bytes (after the header line). */
  pieces: Record<string, [number, number]>;
}

/** The pieces of the kept output, by id, read from its file as asked for. */
export interface KeptPieces {
  get(id: string): Buffer | undefined;
  close(): void;
}

/** A kept output: its facts, and its bytes to copy out (read from the file as it was found). */
export interface KeptOutput extends StartFacts {
  facts: OutputFacts;
  /** Writes the bytes to `out` in chunks (tens of MB are never held at once), and to `copy` when
   * given (the output kept again, with a new header), and closes the file. */
  copyTo(out: NodeJS.WritableStream, copy?: OutputWriter): Promise<void>;
}

export class ScanOutputCache {
  private constructor(private readonly file: string) {}

  static in(undriftDir: string): ScanOutputCache {
    return new ScanOutputCache(path.join(undriftDir, 'scan-output'));
  }

  /** The output kept under `key`, if the last one kept was. */
  async lookUp(key: string): Promise<KeptOutput | undefined> {
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return undefined;
    const header = await readHeader(handle);
    if (header?.version !== FORMAT_VERSION || header.key !== key) {
      await handle.close();
      return undefined;
    }
    return keptOutput(handle, header);
  }

  /** The files the kept output's scan read, when it names them (its start facts). */
  async files(): Promise<string[] | undefined> {
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return undefined;
    try {
      const header = await readHeader(handle).catch(() => undefined);
      return header?.version === FORMAT_VERSION && Array.isArray(header.files) && header.files.every((f) => typeof f === 'string') ? header.files : undefined;
    } finally {
      await handle.close();
    }
  }

  /** The kept output with its start record, if it has one: the caller checks the record's key. */
  async started(): Promise<{ start: StartRecord; output: KeptOutput; close(): Promise<void> } | undefined> {
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return undefined;
    const header = await readHeader(handle).catch(() => undefined);
    if (header?.version !== FORMAT_VERSION || !header.start) {
      await handle.close();
      return undefined;
    }
    return { start: header.start, output: keptOutput(handle, header), close: () => handle.close() };
  }

  /** A writer of the output under `key`, piece by piece as it is made; `done` keeps it (replacing
   * the one kept before), `drop` forgets it (the output was not written whole). With `indexed`
   * (the scope and verdicts of its pieces), where each piece written with an id lies is kept too. */
  async writer(key: string, facts: OutputFacts, started: StartFacts = {}, indexed?: { scope: string; verdicts: string }): Promise<OutputWriter> {
    const temp = tempBeside(this.file);
    await this.dropOthers(temp);
    const fd = await mkdir(path.dirname(this.file), { recursive: true })
      // Readable by its owner only, as the other caches: the output quotes values and commit texts.
      .then(() => openSync(temp, 'w', 0o600))
      .catch(() => undefined);
    const pieces = indexed ? randomBytes(8).toString('hex') : undefined;
    return new OutputWriter(
      fd,
      temp,
      this.file,
      JSON.stringify({ version: FORMAT_VERSION, key, ...facts, ...started, ...(pieces ? { pieces } : {}) } satisfies Header),
      pieces && indexed ? { file: indexFile(this.file), index: { version: FORMAT_VERSION, output: pieces, ...indexed, pieces: {} } } : undefined,
    );
  }

  /** The pieces of the kept output (whatever its key) rendered within `scope` from the verdicts
   * of saving `verdicts`: read from the file as it is now (a writer replacing it does not change
   * what this reads). Undefined when there are none. */
  async pieces(scope: string, verdicts: string): Promise<KeptPieces | undefined> {
    if (verdicts === '') return undefined;
    const index = await readKeptJson<PieceIndex>(indexFile(this.file));
    if (index?.version !== FORMAT_VERSION || index.scope !== scope || index.verdicts !== verdicts) return undefined;
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return undefined;
    const header = await readHeader(handle).catch(() => undefined);
    if (header?.version !== FORMAT_VERSION || header.pieces !== index.output) {
      await handle.close();
      return undefined;
    }
    const { fd } = handle;
    // Pieces are asked for in nearly the order they were written: read a window at a time (one
    // read per piece was thousands of system calls), and hand out slices of it.
    let window = Buffer.alloc(0);
    let windowAt = 0;
    return {
      get(id) {
        const at = index.pieces[id];
        if (!at) return undefined;
        const [start, length] = at;
        try {
          if (start < windowAt || start + length > windowAt + window.length) {
            window = Buffer.allocUnsafe(Math.max(length, WINDOW));
            windowAt = start;
            window = window.subarray(0, readSync(fd, window, 0, window.length, header.bytes + start));
            if (window.length < length) return undefined;
          }
          return window.subarray(start - windowAt, start - windowAt + length);
        } catch {
          return undefined;
        }
      },
      close: () => void handle.close().catch(() => undefined),
    };
  }

  /** Removes the half-written outputs of other runs: a run whose stdout closed (`scan | head`)
   * ends at once and leaves its own. A run still writing then fails to keep its output, and only
   * that: it is whole or not kept. */
  private async dropOthers(own: string): Promise<void> {
    const dir = path.dirname(this.file);
    const prefix = `${path.basename(this.file)}.`;
    const names = await readdir(dir).catch(() => []);
    for (const name of names)
      if (name.startsWith(prefix) && name.endsWith('.tmp') && path.join(dir, name) !== own)
        await rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** Bytes of a kept output read at once to hand out its pieces. */
const WINDOW = 1 << 21;

const indexFile = (outputFile: string) => path.join(path.dirname(outputFile), 'scan-pieces.json');

function keptOutput(handle: FileHandle, header: Header & { bytes: number }): KeptOutput {
  return {
    facts: { drift: header.drift, unread: header.unread, summary: header.summary },
    ...(header.files ? { files: header.files } : {}),
    ...(header.start ? { start: header.start } : {}),
    copyTo: async (out, copy) => {
      try {
        // Chunk by chunk as the reader takes them: a pipe would otherwise hold all of it in memory.
        for await (const chunk of handle.createReadStream({ start: header.bytes, autoClose: false, highWaterMark: 1 << 20 })) {
          copy?.write(chunk as Buffer);
          if (!out.write(chunk as Buffer)) await new Promise((resolve) => out.once('drain', resolve));
        }
      } finally {
        await handle.close();
      }
    },
  };
}

/** Writes synchronously, as the output is made: the JSON is made in one synchronous loop, and a
 * stream would hold every piece in memory until the loop ends (tens of MB). */
export class OutputWriter {
  /** Bytes of the output written so far (after the header line). */
  private position = 0;

  constructor(
    private fd: number | undefined,
    private readonly temp: string,
    private readonly file: string,
    header: string,
    private readonly indexed?: { file: string; index: PieceIndex },
  ) {
    this.write(`${header}\n`);
    this.position = 0;
  }

  /** Writes a piece of the output; one with an id is found by it in the next run (`pieces`). */
  write(piece: string | Buffer, id?: string): void {
    if (this.fd === undefined) return;
    try {
      const written = typeof piece === 'string' ? writeSync(this.fd, piece) : writeSync(this.fd, piece);
      if (id !== undefined && this.indexed) this.indexed.index.pieces[id] = [this.position, written];
      this.position += written;
    } catch {
      this.close(); // a full disk: nothing is kept
    }
  }

  async done(): Promise<void> {
    if (this.fd === undefined) return this.drop();
    this.close();
    // The index first: an index naming an output that is not there is never used, while an output
    // whose index did not follow would be read with the last one's (whose output id differs).
    if (this.indexed && Object.keys(this.indexed.index.pieces).length > 0) {
      const { file, index } = this.indexed;
      const temp = tempBeside(file);
      await writeFile(temp, JSON.stringify(index), { mode: 0o600 })
        .then(() => rename(temp, file))
        .catch(() => undefined);
    }
    await rename(this.temp, this.file).catch(() => this.drop());
  }

  async drop(): Promise<void> {
    this.close();
    await rm(this.temp, { force: true }).catch(() => undefined);
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The header line of a kept output, with `bytes` set to where the output starts; undefined when
 * the file is not one. */
async function readHeader(handle: FileHandle): Promise<(Header & { bytes: number }) | undefined> {
  let text = Buffer.alloc(0);
  for (;;) {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(4096), position: text.length });
    if (bytesRead === 0) return undefined;
    text = Buffer.concat([text, buffer.subarray(0, bytesRead)]);
    const end = text.indexOf(0x0a);
    if (end >= 0) {
      try {
        return { ...(JSON.parse(text.subarray(0, end).toString('utf8')) as Header), bytes: end + 1 };
      } catch {
        return undefined;
      }
    }
    if (text.length > 1 << 20) return undefined;
  }
}
