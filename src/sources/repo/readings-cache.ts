import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codeStamp } from './read-cache.js';
import { tempBeside } from '../../kept-file.js';

// What the verdict's two text readers answered (verdict/intent.ts `readIntent`, `textUnderstood`),
// kept across runs in `.git/undrift/readings`: after one new commit a scan weighs again the verdict
// of the key the commit changed, and reading that key's events' messages for the first time in the
// process was half of that verdict on the bench's Helm corpus. Each answer is a function of its key
// (the text, its date, author and email, the environment and the environments) and of the code that
// reads, so the file holds one installed code's answers (a rebuilt or upgraded undrift starts it
// again) by the hash of the key. A header line, then one line per answer, appended as they are made:
// a line is parsed only when its answer is asked for, and one that does not parse (a write cut short)
// is made again. Failing to read or write the file only costs speed.

const FORMAT_VERSION = 1;
/** Past this size the file starts again with the answers of the run that finds it so. */
const FILE_LIMIT = 32 << 20;
/** Stands for `undefined` where an answer holds a field set to it (JSON would drop the field). */
const UNDEFINED = '\u0000undefined';

/** The answers kept, asked and told as the verdict's readers do (verdict/intent.ts `Readings`; this layer
 * is below the verdict's, so the shape is restated): by the door's name (`kind`) and the answer's key. */
export class ReadingsCache {
  private readonly made_: Array<[string, string, object]> = [];

  private constructor(
    private readonly file: string,
    private readonly header: string,
    /** The kept answers' JSON, by id (their kind and the hash of their key). */
    private readonly lines: Map<string, string>,
    /** The file is another code's, or too large: written again, not appended to. */
    private readonly restart: boolean,
  ) {}

  static async open(undriftDir: string): Promise<ReadingsCache> {
    const file = path.join(undriftDir, 'readings');
    const header = JSON.stringify({ version: FORMAT_VERSION, code: codeStamp() });
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const lines = new Map<string, string>();
    const end = text?.indexOf('\n') ?? -1;
    const same = text !== undefined && end >= 0 && text.slice(0, end) === header && text.length <= FILE_LIMIT;
    if (same) {
      for (let at = end + 1; at < text.length;) {
        let next = text.indexOf('\n', at);
        if (next < 0) next = text.length;
        // `<kind>/<40 hex digits> <json>`
        const space = text.indexOf(' ', at);
        if (space > at && space < next) lines.set(text.slice(at, space), text.slice(space + 1, next));
        at = next + 1;
      }
    }
    return new ReadingsCache(file, header, lines, !same);
  }

  earlier(kind: string, key: string): object | undefined {
    if (this.lines.size === 0) return undefined;
    const id = idOf(kind, key);
    const json = this.lines.get(id);
    if (json === undefined) return undefined;
    try {
      return withUndefined(JSON.parse(json) as unknown) as object;
    } catch {
      this.lines.delete(id);
      return undefined;
    }
  }

  made(kind: string, key: string, reading: object): void {
    this.made_.push([kind, key, reading]);
  }

  /** Keeps the answers made since the file was opened: appended, or the file written again. */
  async save(): Promise<void> {
    if (this.made_.length === 0 && !this.restart) return;
    const lines = this.made_.map(
      ([kind, key, reading]) => `${idOf(kind, key)} ${JSON.stringify(reading, (_k, v: unknown) => (v === undefined ? UNDEFINED : v))}\n`,
    );
    this.made_.length = 0;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      if (!this.restart) {
        if (lines.length > 0) await appendFile(this.file, lines.join(''), { mode: 0o600 });
        return;
      }
      // Readable by its owner only, as the other caches: an answer quotes words of commit messages.
      const temp = tempBeside(this.file);
      await writeFile(temp, `${this.header}\n${lines.join('')}`, { mode: 0o600 });
      await rename(temp, this.file);
    } catch {
      // a read-only .git: the next run reads the texts again
    }
  }
}

const idOf = (kind: string, key: string) => `${kind}/${createHash('sha1').update(key).digest('hex')}`;

/** The parsed answer with each field that stood for `undefined` set to it again (in place, so that
 * its fields keep their order). */
function withUndefined(value: unknown): unknown {
  if (value === UNDEFINED) return undefined;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) record[k] = withUndefined(record[k]);
  }
  return value;
}
