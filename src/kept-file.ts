import { readFile } from 'node:fs/promises';

// A cache or state file is written to a temporary file beside it and renamed over it, so a reader
// never sees half a file. The temporary name must be unique per write, not per process: one scan
// saves the read of a file two environments share twice at once (chart/values.yaml under staging
// and production), and with one name per process the second write's text landed in the first's
// rename — a kept read that held YAML where JSON belongs (session 27's CI, Node 24).
let writes = 0;

/** A fresh temporary name beside `file`, for a write that is renamed over it. */
export function tempBeside(file: string): string {
  writes += 1;
  return `${file}.${process.pid}.${writes}.tmp`;
}

/** A kept file's JSON, or undefined when it is not there or not JSON (cut short, or written over by
 * another run): a kept file only saves work, so one that cannot be read is read as none. */
export async function readKeptJson<T>(file: string): Promise<T | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
