import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnGit, type SpawnedGit } from './child.js';

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
  /** The unread tail of the output, as the pieces it came in: a header or a blob that has not
   * fully arrived. They are joined once, when the reply is complete. */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** The length of the reply the pending pieces start, once its header has arrived. */
  private need: number | undefined;
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

  /** Answers come whole or cut anywhere. A reply cut by chunk boundaries is copied together
   * once, when its last piece arrives (joining at every piece copied a large blob over and over);
   * the others are handed out as views of the chunk they arrived in. */
  private receive(chunk: Buffer): void {
    let data = chunk;
    if (this.pending.length > 0) {
      if (this.need === undefined) {
        // The header itself was cut: it is short, so joining it is cheap.
        const head = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingLength);
        const joined = Buffer.concat([head, chunk.subarray(0, Math.min(chunk.length, 256))]);
        this.need = replyAt(joined, 0)?.end;
      }
      const need = this.need;
      if (need === undefined || this.pendingLength + chunk.length < need) {
        this.pending.push(chunk);
        this.pendingLength += chunk.length;
        return;
      }
      const cut = need - this.pendingLength;
      this.pending.push(chunk.subarray(0, cut));
      this.drain(Buffer.concat(this.pending, need));
      this.pending = [];
      this.pendingLength = 0;
      this.need = undefined;
      data = chunk.subarray(cut);
    }
    const rest = this.drain(data);
    if (rest.length === 0) return;
    // A tail of the chunk is copied so that the chunk itself is not kept alive by it.
    this.pending = [Buffer.from(rest)];
    this.pendingLength = rest.length;
    this.need = replyAt(this.pending[0]!, 0)?.end;
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
