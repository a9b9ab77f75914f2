import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Pending {
  id: string;
  resolve: (content: Buffer | undefined) => void;
  reject: (error: Error) => void;
}

/** One long-lived `git cat-file --batch`: blob ids are written as they become known and the
 * framed answers (`<id> blob <size>\n<bytes>\n`, or `<id> missing\n`) are read in order. */
export class BlobReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;
  requests = 0;

  constructor(private readonly repo: string) {}

  read(id: string): Promise<Buffer | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    const child = this.start();
    this.requests++;
    return new Promise((resolve, reject) => {
      this.queue.push({ id, resolve, reject });
      child.stdin.write(`${id}\n`);
    });
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.repo });
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    child.on('error', (e) => this.fail(e));
    child.on('close', (code) => {
      if (this.queue.length > 0) this.fail(new Error(`git cat-file exited (${code}) with ${this.queue.length} requests unanswered`));
    });
    this.child = child;
    return child;
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      const pending = this.queue[0]!;
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buffer.length < newline + 1 + size + 1) return;
      // A view, not a copy: blobs are parsed and dropped at once, and copying every version of a
      // large history costs as much as reading it.
      const content = this.buffer.subarray(newline + 1, newline + 1 + size);
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.queue.shift();
      pending.resolve(content);
    }
  }
}
