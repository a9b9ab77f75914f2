import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

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
  private queue: Array<(content: Buffer | undefined) => void> = [];
  /** Ids asked for in this turn of the event loop: written in one go, not one write each. */
  private outgoing: string[] = [];
  /** The unread tail of the output, a reply that has not fully arrived, as the pieces it came in. */
  private pending: Buffer[] = [];
  private pendingLength = 0;
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
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.repo });
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.on('error', (e) => this.fail(e));
    child.stdin.on('error', (e) => this.fail(e));
    child.on('close', (code) => {
      if (this.queue.length > 0) this.fail(new Error(`git cat-file exited (${code}) with ${this.queue.length} requests unanswered`));
    });
    this.child = child;
    return child;
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.queue = [];
    this.onError(error);
  }

  /** Answers come whole or cut anywhere. A reply cut by chunk boundaries is kept as the list of
   * its pieces and copied together once, when its last piece arrives (joining at every chunk
   * copied a large blob over and over); the others are handed out as views of their chunk. */
  private receive(chunk: Buffer): void {
    let data = chunk;
    if (this.pendingLength > 0) {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      let reply = replyAt(this.pending[0]!, 0);
      if (!reply) {
        // The header itself is cut: it is short, so its pieces are joined now.
        this.pending = [Buffer.concat(this.pending, this.pendingLength)];
        reply = replyAt(this.pending[0]!, 0);
        if (!reply) return;
      }
      if (this.pendingLength < reply.end) return;
      const last = this.pending[this.pending.length - 1]!;
      const cut = reply.end - (this.pendingLength - last.length);
      this.pending[this.pending.length - 1] = last.subarray(0, cut);
      const whole = Buffer.concat(this.pending, reply.end);
      this.pending = [];
      this.pendingLength = 0;
      this.drain(whole);
      data = last.subarray(cut);
    }
    const rest = this.drain(data);
    if (rest.length > 0) {
      this.pending = [rest];
      this.pendingLength = rest.length;
    }
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
