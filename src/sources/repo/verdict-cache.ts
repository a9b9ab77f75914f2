import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Verdict } from '../../model/types.js';
import { codeStamp } from './read-cache.js';

// A re-run asks the verdict of the same divergences again: most of an unchanged re-run's time
// (weighing 1,500 commit messages for each of 3,864 divergences on a Helm repository). A verdict
// is a function of its divergence and its key's history, of what it reads of the log (commits,
// their messages, other keys' events), of the documents at HEAD, config and contract, the day and
// the code. The latter are the cache's scope (one file, dropped whole when the scope changes);
// each verdict is kept under its divergence's own fingerprint with what it looked up in the log.
// After new commits, a kept verdict is weighed again only where a new commit could change it
// (`holds` says: src/verdict/reads.ts); the log's older commits must be the same ones, in the same
// order. Failing to read or write the file only costs speed.

const FORMAT_VERSION = 2;

interface KeptVerdict<R> {
  verdict: Verdict;
  reads: R;
}

interface SavedVerdicts<R> {
  version: number;
  scope: string;
  /** Which saving this is (made anew at each): what was rendered from these verdicts names it. */
  id?: string;
  /** Each commit of the log the verdicts were weighed with, as the digest of its message (its
   * sha, author, dates, text, files), in the log's order. */
  commits: string[];
  verdicts: Record<string, KeptVerdict<R>>;
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

export class VerdictCache<R = unknown> {
  private readonly used = new Map<string, KeptVerdict<R>>();
  private made = 0;
  reused = 0;
  /** Verdicts weighed again because a new commit could change them. */
  reweighed = 0;

  private constructor(
    private readonly file: string,
    private readonly scope: string,
    private readonly commits: string[],
    private readonly saved: Map<string, KeptVerdict<R>>,
    /** The log's commits the kept verdicts were not weighed with (indexes into `commits`). */
    readonly added: number[],
    /** The saving the kept verdicts come from (after `save`, this run's; '' when none is known): a
     * kept verdict is the one the run that saved them used, so what that run rendered from it holds. */
    public id: string,
  ) {
    this.keptFrom = id;
  }

  /** The saving the kept verdicts were read from ('' when none). */
  readonly keptFrom: string;

  /** The verdicts kept in `dir` for `scope` (none when it was another scope, or when a commit they
   * were weighed with is no longer in the log, or not in the same order). `commits` are this
   * scan's log, as digests of each message (see SavedVerdicts). */
  static async open<R>(dir: string, scope: string, commits: string[]): Promise<VerdictCache<R>> {
    const file = path.join(dir, 'verdicts.json');
    const saved = await readFile(file, 'utf8').then(
      (json) => JSON.parse(json) as SavedVerdicts<R>,
      () => undefined,
    );
    const added = saved?.version === FORMAT_VERSION && saved.scope === scope ? addedTo(saved.commits, commits) : undefined;
    const kept = added && saved;
    return new VerdictCache(file, scope, commits, new Map(kept ? Object.entries(saved.verdicts) : []), added ?? [], kept ? (saved.id ?? '') : '');
  }

  /** The verdict kept for a divergence of fingerprint `key` when no added commit could change it
   * (`holds`, given what it read), or the one `make` gives (kept, with what it read). */
  verdict(key: string, make: () => { result: Verdict; reads: R }, holds: (reads: R) => boolean): Verdict {
    return this.lookUp(key, make, holds).verdict;
  }

  /** The same, saying whether the verdict is the kept one (not weighed in this run). */
  lookUp(key: string, make: () => { result: Verdict; reads: R }, holds: (reads: R) => boolean): { verdict: Verdict; kept: boolean } {
    const used = this.used.get(key);
    if (used) {
      this.reused++;
      return { verdict: used.verdict, kept: this.saved.get(key) === used };
    }
    const kept = this.saved.get(key);
    if (kept && (this.added.length === 0 || holds(kept.reads))) {
      this.reused++;
      this.used.set(key, kept);
      return { verdict: kept.verdict, kept: true };
    }
    if (kept) this.reweighed++;
    const { result, reads } = make();
    this.made++;
    this.used.set(key, { verdict: result, reads });
    return { verdict: result, kept: false };
  }

  /** Keeps this run's verdicts (only these: the file holds one scan's), when any was made or
   * dropped, or the log grew. */
  async save(): Promise<void> {
    if (this.made === 0 && this.used.size === this.saved.size && this.added.length === 0) return;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      const id = randomBytes(8).toString('hex');
      const saved: SavedVerdicts<R> = { version: FORMAT_VERSION, scope: this.scope, id, commits: this.commits, verdicts: Object.fromEntries(this.used) };
      // Readable by its owner only, as the other caches: verdicts quote values and commit texts.
      await writeFile(temp, JSON.stringify(saved), { mode: 0o600 });
      await rename(temp, this.file);
      this.id = id;
    } catch {
      // a read-only .git: the next run weighs them again (and renders them again: no saving named)
      this.id = '';
    }
  }
}

/** The positions in `now` of the commits `before` lacks, when `before` is `now` less those (the
 * same commits, in the same order); undefined when it is not. */
function addedTo(before: string[], now: string[]): number[] | undefined {
  const added: number[] = [];
  let i = 0;
  for (let j = 0; j < now.length; j++) {
    if (i < before.length && before[i] === now[j]) i++;
    else added.push(j);
  }
  if (i < before.length) return undefined;
  return added;
}
