import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnGit, type SpawnedGit } from './child.js';

const EMPTY = Buffer.alloc(0);

/** The reply whose header starts at `at`: where its blob starts and how long it is (undefined
 * for `<id> missing`), and where the next reply starts; undefined while the header is partial. */
function replyAt(data: Buffer, at: number): { body: number; size: number | undefined; end: number } | undefined {
  const newline = data.indexOf(10, at);
  if (newline < 0) return undefined;
  const header = data.toString('utf8', at, newline);
  if (header.endsWith(' missing')) return { body: newline + 1, size: undefined, end: newline + 1 };
  const size = Number(header.split(' ')[2]);
  return { body: newline + 1, size, end: newline + 1 + size + 1 };
}

/** One long-lived `git cat-file --batch`: blob ids are written as they become known and the
 * framed answers (`<id> blob <size>\n<bytes>\n`, or `<id> missing\n`) are read in order. Each
 * answer goes to its request's callback as soon as it is complete. */
export class BlobReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private watch: SpawnedGit | undefined;
  private queue: Array<(content: Buffer | undefined) => void> = [];
  /** Ids asked for in this turn of the event loop: written in one go, not one write each. */
  private outgoing: string[] = [];
  /** The unread tail of the output: a header or a blob that has not fully arrived. */
  private buffer: Buffer = EMPTY;
  private failed = false;
  requests = 0;

  constructor(
    private readonly repo: string,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Asks for a blob; `deliver` gets its bytes (a view, valid until parsed), or undefined when
   * the repository does not have it. */
  read(id: string, deliver: (content: Buffer | undefined) => void): void {
    if (this.failed) return;
    const { stdin } = this.start();
    this.requests++;
    if (this.outgoing.length === 0) queueMicrotask(() => !stdin.writableEnded && stdin.write(`${this.outgoing.splice(0).join('\n')}\n`));
    this.outgoing.push(id);
    this.queue.push(deliver);
    this.watch?.waiting(true);
  }

  close(): void {
    this.watch?.done();
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    // Bounded by silence while answers are owed; idle between requests is not silence.
    const watch = spawnGit(this.repo, ['cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'], onStop: (e) => this.fail(e) });
    const child = watch.child as ChildProcessWithoutNullStreams;
    child.stdout.on('data', (chunk: Buffer) => {
      watch.alive();
      this.receive(chunk);
      if (this.queue.length === 0) watch.waiting(false);
    });
    child.stdout.on('error', (e) => this.fail(e));
    child.on('error', (e) => this.fail(e));
    child.stdin.on('error', (e) => this.fail(e));
    child.on('close', (code) => {
      if (this.queue.length > 0) this.fail(new Error(`git cat-file exited (${code}) with ${this.queue.length} requests unanswered`));
    });
    this.child = child;
    this.watch = watch;
    return child;
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.queue = [];
    this.onError(error);
  }

  /** Answers come whole or cut anywhere. Only a reply cut by a chunk boundary is copied
   * together; the others are handed out as views of the chunk they arrived in. */
  private receive(chunk: Buffer): void {
    let data = chunk;
    let joined = false;
    if (this.buffer.length > 0) {
      const need = replyAt(this.buffer, 0)?.end;
      if (need !== undefined && need - this.buffer.length <= chunk.length) {
        const cut = need - this.buffer.length;
        this.drain(Buffer.concat([this.buffer, chunk.subarray(0, cut)]));
        data = chunk.subarray(cut);
      } else {
        data = Buffer.concat([this.buffer, chunk]);
        joined = true;
      }
    }
    const rest = this.drain(data);
    // A tail of the chunk is copied so that the chunk itself is not kept alive by it.
    this.buffer = rest.length === 0 ? EMPTY : joined ? rest : Buffer.from(rest);
  }

  /** Answers every complete reply at the start of `data`; returns what is left. */
  private drain(data: Buffer): Buffer {
    let at = 0;
    while (this.queue.length > 0) {
      const reply = replyAt(data, at);
      if (!reply || data.length < reply.end) break;
      this.queue.shift()!(reply.size === undefined ? undefined : data.subarray(reply.body, reply.body + reply.size));
      at = reply.end;
    }
    return data.subarray(at);
  }
}
