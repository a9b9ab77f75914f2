import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Verdict } from '../../model/types.js';
import { codeStamp } from './read-cache.js';
import { readKeptJson, tempBeside } from '../../kept-file.js';

// A re-run asks the verdict of the same divergences again: most of an unchanged re-run's time
// (weighing 1,500 commit messages for each of 3,864 divergences on a Helm repository). A verdict
// is a function of its divergence and its key's history, of what it reads of the log (commits,
// their messages, other keys' events), of the documents at HEAD, config and contract, the day and
// the code. The latter are the cache's scope (one file, dropped whole when the scope changes);
// each verdict is kept under its divergence's own fingerprint with what it looked up in the log.
// After new commits, a kept verdict is weighed again only where a new commit could change it
// (`holds` says: src/verdict/reads.ts); the log's older commits must be the same ones, in the same
// order. Failing to read or write the file only costs speed.
//
// A run after one new commit weighs one verdict again and keeps 3,382: what it saves is appended
// to a journal beside the file (`verdicts.journal`: one JSON line per saving, with the verdicts it
// made and the keys it no longer holds), not the 7 MB file written again (~0.1-0.2 CPU-s); the
// journal is folded into the file once it is half its size. A line names the file's saving it
// follows, so lines left from before the file was written again are never read over it.

const FORMAT_VERSION = 3;

/** A prose document at HEAD as the verdicts read it (verdict/log.ts `Document`): its path, text and
 * the commit that last wrote it. */
interface Document {
  path: string;
  text: string;
  sha: string;
}

interface KeptVerdict<R> {
  verdict: Verdict;
  reads: R;
}

/** One saving, as a line of the journal: what it changed of the file's verdicts, and the log they
 * are now all weighed with. */
interface JournalLine<R> {
  version: number;
  scope: string;
  /** The saving of the file this line follows. */
  base: string;
  id: string;
  commits: string[];
  verdicts: Record<string, KeptVerdict<R>>;
  /** Kept verdicts this saving did not use: dropped (they were not checked against its commits). */
  dropped: string[];
  /** The documents they are now all weighed with, where they changed. */
  documents?: Document[];
}

interface SavedVerdicts<R> {
  version: number;
  scope: string;
  /** Which saving this is (made anew at each): what was rendered from these verdicts names it. */
  id?: string;
  /** Each commit of the log the verdicts were weighed with, as the digest of its message (its
   * sha, author, dates, text, files), in the log's order. */
  commits: string[];
  /** The documents at HEAD the verdicts were weighed with (verdict/log.ts). */
  documents: Document[];
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
  /** The verdicts made in this run (weighed, not kept). */
  private readonly made = new Map<string, KeptVerdict<R>>();
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
    /** The documents this scan weighs with, and those the kept verdicts were weighed with. */
    private readonly documents: Document[],
    readonly keptDocuments: readonly Document[],
    /** The saving the kept verdicts come from (after `save`, this run's; '' when none is known): a
     * kept verdict is the one the run that saved them used, so what that run rendered from it holds. */
    public id: string,
    /** The file's own saving and size, and the journal's size, as read (the file's saving '' when
     * there was none of this scope: the next saving writes it whole). */
    private readonly stored: { base: string; fileBytes: number; journalBytes: number },
  ) {
    this.keptFrom = id;
  }

  /** The saving the kept verdicts were read from ('' when none). */
  readonly keptFrom: string;

  /** The verdicts kept in `dir` for `scope` (none when it was another scope, or when a commit they
   * were weighed with is no longer in the log, or not in the same order). `commits` are this
   * scan's log, as digests of each message (see SavedVerdicts). */
  static async open<R>(dir: string, scope: string, commits: string[], documents: Document[] = []): Promise<VerdictCache<R>> {
    const file = path.join(dir, 'verdicts.json');
    const [text, journal] = await Promise.all([readFile(file, 'utf8').catch(() => ''), readFile(journalOf(file), 'utf8').catch(() => '')]);
    let saved: SavedVerdicts<R> | undefined;
    try {
      saved = text ? (JSON.parse(text) as SavedVerdicts<R>) : undefined;
    } catch {
      saved = undefined;
    }
    const base = saved?.version === FORMAT_VERSION && saved.scope === scope && saved.id ? saved : undefined;
    const verdicts = new Map(base ? Object.entries(base.verdicts) : []);
    let [keptCommits, id] = base ? [base.commits, base.id!] : [[] as string[], ''];
    let keptDocuments = base?.documents ?? [];
    if (base)
      for (const text of journal.split('\n')) {
        let line: JournalLine<R>;
        try {
          line = JSON.parse(text) as JournalLine<R>;
        } catch {
          continue; // the end of a line another run was writing, or an empty one
        }
        if (line?.version !== FORMAT_VERSION || line.scope !== scope || line.base !== base.id) continue;
        for (const key of line.dropped) verdicts.delete(key);
        for (const [key, kept] of Object.entries(line.verdicts)) verdicts.set(key, kept);
        [keptCommits, id] = [line.commits, line.id];
        if (line.documents) keptDocuments = line.documents;
      }
    const added = base ? addedTo(keptCommits, commits) : undefined;
    const stored = { base: base?.id ?? '', fileBytes: base ? text.length : 0, journalBytes: base ? journal.length : 0 };
    return new VerdictCache(
      file,
      scope,
      commits,
      added ? verdicts : new Map<string, KeptVerdict<R>>(),
      added ?? [],
      documents,
      added ? keptDocuments : documents,
      added ? id : '',
      stored,
    );
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
    if (kept && ((this.added.length === 0 && !this.documentsChanged) || holds(kept.reads))) {
      this.reused++;
      this.used.set(key, kept);
      return { verdict: kept.verdict, kept: true };
    }
    if (kept) this.reweighed++;
    const { result, reads } = make();
    const made = { verdict: result, reads };
    this.made.set(key, made);
    this.used.set(key, made);
    return { verdict: result, kept: false };
  }

  /** Keeps this run's verdicts (only these: a verdict this run did not use was not checked against
   * its commits), when any was made or dropped, or the log grew: appended to the journal where the
   * file is of this scope and the journal stays under half its size, else the file written whole. */
  /** Whether the documents differ from those the kept verdicts were weighed with. */
  get documentsChanged(): boolean {
    const id = (d: Document) => `${d.path}\0${d.sha}\0${d.text}`;
    this.changed ??= this.documents.length !== this.keptDocuments.length || this.documents.some((d, i) => id(d) !== id(this.keptDocuments[i]!));
    return this.changed;
  }
  private changed: boolean | undefined;

  async save(): Promise<void> {
    if (this.made.size === 0 && this.used.size === this.saved.size && this.added.length === 0 && !this.documentsChanged) return;
    const id = randomBytes(8).toString('hex');
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      if (this.stored.base !== '') {
        const line: JournalLine<R> = {
          version: FORMAT_VERSION,
          scope: this.scope,
          base: this.stored.base,
          id,
          commits: this.commits,
          verdicts: Object.fromEntries(this.made),
          dropped: [...this.saved.keys()].filter((key) => !this.used.has(key)),
          ...(this.documentsChanged ? { documents: this.documents } : {}),
        };
        const text = `${JSON.stringify(line)}\n`;
        if ((this.stored.journalBytes + text.length) * 2 <= this.stored.fileBytes) {
          // One write in append mode: lines of runs writing at once do not interleave. Readable by
          // its owner only, as the file: verdicts quote values and commit texts.
          await appendFile(journalOf(this.file), text, { mode: 0o600 });
          this.stored.journalBytes += text.length;
          this.id = id;
          return;
        }
      }
      const temp = tempBeside(this.file);
      const head: Omit<SavedVerdicts<R>, 'verdicts'> = { version: FORMAT_VERSION, scope: this.scope, id, commits: this.commits, documents: this.documents };
      const length = writeJsonWith(temp, head, 'verdicts', this.used);
      await rename(temp, this.file);
      // The journal's lines name the file's saving before: never read over this one, emptied anyway.
      await writeFile(journalOf(this.file), '', { mode: 0o600 }).catch(() => undefined);
      Object.assign(this.stored, { base: id, fileBytes: length, journalBytes: 0 });
      this.id = id;
    } catch {
      // a read-only .git: the next run weighs them again (and renders them again: no saving named)
      this.id = '';
    }
  }
}

/** Writes `{...head, [field]: {...entries}}` as JSON.stringify writes it, one entry at a time:
 * the file of a first run's verdicts is ~8 MB, and made whole it was a string, a buffer of its
 * bytes and an object of every verdict at once, at the end of the scan, where its peak resident
 * memory is (15-35 MB of it on the bench's Helm corpus). Returns its length in characters (what
 * `text.length` was). */
function writeJsonWith(file: string, head: object, field: string, entries: ReadonlyMap<string, unknown>): number {
  const fd = openSync(file, 'w', 0o600);
  try {
    let length = 0;
    let pending = '';
    const put = (text: string, last = false) => {
      pending += text;
      length += text.length;
      if (pending.length >= 1 << 16 || last) {
        writeSync(fd, pending);
        pending = '';
      }
    };
    put(`${JSON.stringify(head).slice(0, -1)},${JSON.stringify(field)}:{`);
    let first = true;
    for (const [key, value] of entries) {
      const json = JSON.stringify(value);
      if (json === undefined) continue; // as JSON.stringify leaves it out
      put(`${first ? '' : ','}${JSON.stringify(key)}:${json}`);
      first = false;
    }
    put('}}', true);
    return length;
  } finally {
    closeSync(fd);
  }
}

const journalOf = (file: string) => `${file.replace(/\.json$/, '')}.journal`;

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

/** The events' part of each kept verdict's key (engine.ts `eventsKey`), per key and environments
 * weighed, as the last scan with kept verdicts made them, and the history they were made from. A
 * history extended from that one by new commits (history/extend.ts) gives every key those commits
 * did not change the same events (their places in the commit order moved, which the part leaves
 * out): their part is taken from here instead of made again from every event (after one new commit
 * on the Helm corpus, 3,382 keys' events as JSON and hashed: ~0.3 CPU-s). Kept in one small file
 * (`verdict-events.json`), written whole by each such scan; within the verdicts' scope. */
export class EventsKeys {
  private readonly made = new Map<string, string>();

  private constructor(
    private readonly file: string,
    private readonly scope: string,
    /** The history this scan's parts are made from. */
    private readonly history: string,
    /** The parts kept, where they were made from the history this one extends (else none). */
    private readonly kept: ReadonlyMap<string, string>,
  ) {}

  /** The parts kept in `dir` for `scope`, usable for a history of key `history` extended from the
   * history of key `extendedFrom` (none otherwise). */
  static async open(dir: string, scope: string, history: string, extendedFrom: string | undefined): Promise<EventsKeys> {
    const file = path.join(dir, 'verdict-events.json');
    let kept = new Map<string, string>();
    if (extendedFrom !== undefined) {
      const saved = await readKeptJson<{ version?: number; scope?: string; history?: string; parts?: Record<string, string> }>(file);
      if (saved?.version === FORMAT_VERSION && saved.scope === scope && saved.history === extendedFrom && saved.parts)
        kept = new Map(Object.entries(saved.parts));
    }
    return new EventsKeys(file, scope, history, kept);
  }

  /** The part kept for `id` (the environments and the key), when its events did not change. */
  get(id: string): string | undefined {
    return this.kept.get(id);
  }

  /** This scan's part for `id`. */
  set(id: string, part: string): void {
    this.made.set(id, part);
  }

  async save(): Promise<void> {
    const temp = tempBeside(this.file);
    try {
      await writeFile(temp, JSON.stringify({ version: FORMAT_VERSION, scope: this.scope, history: this.history, parts: Object.fromEntries(this.made) }), {
        mode: 0o600,
      });
      await rename(temp, this.file);
    } catch {
      // a read-only .git: the next scan makes every part
    }
  }
}
