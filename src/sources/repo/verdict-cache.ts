import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Verdict } from '../../model/types.js';
import { codeStamp } from './read-cache.js';

// A re-run asks the verdict of the same divergences again: most of an unchanged re-run's time
// (weighing 1,500 commit messages for each of 3,864 divergences on a Helm repository). A verdict
// is a function of its divergence and of what every verdict reads: the whole history and log,
// the commit messages and documents at HEAD, the config and contract, the day, and the code. The
// latter are the cache's scope (one file, dropped whole when the scope changes); each verdict is
// kept under its divergence's own fingerprint. Failing to read or write the file only costs speed.

const FORMAT_VERSION = 1;

interface SavedVerdicts {
  version: number;
  scope: string;
  verdicts: Record<string, Verdict>;
}

/** sha1 of the JSON of `parts`, Maps and Sets as lists (a contract holds Maps) and a compiled
 * pattern as its text (a contract's globs and regexes; as JSON, every pattern would be `{}`). */
export function fingerprintOf(...parts: unknown[]): string {
  const json = JSON.stringify([FORMAT_VERSION, codeStamp(), ...parts], (_key, value: unknown) =>
    value instanceof Map
      ? [...(value as Map<unknown, unknown>)]
      : value instanceof Set
        ? [...(value as Set<unknown>)]
        : isMatcher(value)
          ? `pattern ${value.toString()}`
          : value,
  );
  return createHash('sha1').update(json).digest('hex');
}

const isMatcher = (value: unknown): value is { test: unknown; toString(): string } =>
  typeof value === 'object' && value !== null && typeof (value as { test?: unknown }).test === 'function';

export class VerdictCache {
  private readonly used = new Map<string, Verdict>();
  private made = 0;
  reused = 0;

  private constructor(
    private readonly file: string,
    private readonly scope: string,
    private readonly saved: Map<string, Verdict>,
  ) {}

  /** The verdicts kept in `dir` for `scope` (none when it was another scope). */
  static async open(dir: string, scope: string): Promise<VerdictCache> {
    const file = path.join(dir, 'verdicts.json');
    const saved = await readFile(file, 'utf8').then(
      (json) => JSON.parse(json) as SavedVerdicts,
      () => undefined,
    );
    const valid = saved?.version === FORMAT_VERSION && saved.scope === scope;
    return new VerdictCache(file, scope, new Map(valid ? Object.entries(saved.verdicts) : []));
  }

  /** The verdict kept for a divergence of fingerprint `key`, or the one `make` gives (kept). */
  verdict(key: string, make: () => Verdict): Verdict {
    const kept = this.used.get(key) ?? this.saved.get(key);
    if (kept) {
      this.reused++;
      this.used.set(key, kept);
      return kept;
    }
    const made = make();
    this.made++;
    this.used.set(key, made);
    return made;
  }

  /** Keeps this run's verdicts (only these: the file holds one scan's), when any was made or dropped. */
  async save(): Promise<void> {
    if (this.made === 0 && this.used.size === this.saved.size) return;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      // Readable by its owner only, as the other caches: verdicts quote values and commit texts.
      await writeFile(temp, JSON.stringify({ version: FORMAT_VERSION, scope: this.scope, verdicts: Object.fromEntries(this.used) } satisfies SavedVerdicts), {
        mode: 0o600,
      });
      await rename(temp, this.file);
    } catch {
      // a read-only .git: the next run weighs them again
    }
  }
}
