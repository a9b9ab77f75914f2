import { spawnGit } from './child.js';
import { commitHeader } from './log.js';
import { BlobReader } from './cat-file.js';
import type { CommitFacts } from '../model/types.js';
import { ticketExportAsTable } from './ticket-export.js';

/** A commit's message and place in the graph, whatever files it touched. */
export interface CommitMessage extends CommitFacts {
  sha: string;
  parents: string[];
  /** The paths it touched (repo-relative; none for a merge): a commit that changed no value still
   * speaks of the files it touched ("keepalive stays 60s in production" beside a new comment). */
  files: string[];
  /** The keys whose decisions the commit records, where undrift's apply wrote it (its `Drift-Key`
   * trailers, as git reads them from the whole message): what its body quotes (the verdict's
   * reasons, the history) is evidence already read, not a new statement (verdict/own-commits.ts).
   * Read here because a long message's trailers fall past the cut `BODY_LIMIT` makes. */
  recorded?: string[];
}

// Record separator, then NUL-separated fields; the body may hold anything but NUL, so a NUL
// ends it, then the Drift-Key trailers (separated by a group separator) and a unit separator;
// then, with -z, the touched paths, each ended by NUL.
const FORMAT = '%x1e%H%x00%P%x00%aN%x00%aE%x00%aI%x00%cI%x00%s%x00%b%x00%(trailers:key=Drift-Key,valueonly,separator=%x1d)%x1f';
/** A message longer than this is cut: a pasted log says nothing more about intent. */
const BODY_LIMIT = 4096;
/** A commit touching more paths than this is a sweep (a rename of a tree, a formatter run): its
 * message is not about any one file, so its paths are not kept. */
const FILES_LIMIT = 50;

/** Every commit's message from HEAD back, children before parents (`--topo-order`), at most
 * `limit` of them: the commits that changed no configured file say things too (a freeze notice,
 * a post-mortem, a ticket closed), and a merge's message says why its side was brought in. */
export async function readMessages(repo: string, limit = 20_000): Promise<CommitMessage[]> {
  // Bounded by silence (UNDRIFT_GIT_TIMEOUT), not by length: a long history may take a while.
  const walk = spawnGit(repo, ['log', '--topo-order', '--name-only', '-z', `--max-count=${limit}`, `--format=${FORMAT}`, 'HEAD'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const { child } = walk;
  let out = '';
  const code = await new Promise<number>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      walk.alive();
      out += chunk;
    });
    child.stdout.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  }).finally(() => walk.done());
  if (code !== 0) return [];
  return parseMessages(out);
}

export function parseMessages(out: string): CommitMessage[] {
  const messages: CommitMessage[] = [];
  for (const record of out.split('\x1e')) {
    const end = record.lastIndexOf('\x1f');
    const fields = (end === -1 ? record : record.slice(0, end)).split('\0');
    if (!fields[0] || !/^[0-9a-f]{40,64}$/.test(fields[0])) continue;
    // After the message: NUL, a newline, then each path ended by NUL.
    const paths =
      end === -1
        ? []
        : record
            .slice(end + 1)
            .replace(/^\0?\n?/, '')
            .split('\0')
            .filter(Boolean);
    const recorded = (fields[8] ?? '')
      .split('\x1d')
      .map((k) => k.trim())
      .filter(Boolean);
    messages.push({
      ...commitHeader(fields),
      body: (fields[7] ?? '').trim().slice(0, BODY_LIMIT),
      files: paths.length <= FILES_LIMIT ? paths : [],
      ...(recorded.length > 0 ? { recorded } : {}),
    });
  }
  return messages;
}

/** A prose document at HEAD (a post-mortem, a runbook, a QA note) and the commit that last wrote
 * it: the verdict reads the passages that name a key (src/verdict/documents.ts). */
export interface CommitDocument {
  path: string;
  text: string;
  /** The newest commit that touched it, by the graph. */
  sha: string;
}

const PROSE = /\.(?:md|markdown|txt|rst|adoc)$/i;
// A tracker's export is read only where it is one (ticket-export.ts): a CSV of data is no prose.
const EXPORT = /\.(?:csv|tsv)$/i;
/** Bounds: the documents most recently written first, each read up to this many bytes. */
const DOCUMENTS_LIMIT = 200;
const DOCUMENT_BYTES = 64 * 1024;
const EXPORTS_LIMIT = 20;

/** The prose files the walked commits touched that still exist at HEAD, newest-written first,
 * at most DOCUMENTS_LIMIT of them and DOCUMENT_BYTES each (a pasted log in a document says no
 * more). One `git cat-file --batch` reads them all; a repository without any spawns nothing. */
export async function readDocuments(repo: string, messages: CommitMessage[]): Promise<CommitDocument[]> {
  const newest = new Map<string, string>();
  for (const m of messages) for (const file of m.files) if ((PROSE.test(file) || EXPORT.test(file)) && !newest.has(file)) newest.set(file, m.sha);
  // Exports are looked at beside the prose, never in its place: a repository of data CSVs crowds out no document.
  const wanted = [
    ...[...newest].filter(([path]) => PROSE.test(path)).slice(0, DOCUMENTS_LIMIT),
    ...[...newest].filter(([path]) => EXPORT.test(path)).slice(0, EXPORTS_LIMIT),
  ];
  if (wanted.length === 0) return [];
  // A failed reader answers nothing more: every document still owed is then unread, not awaited.
  const owed = new Set<(text: string | undefined) => void>();
  const reader = new BlobReader(repo, () => {
    for (const resolve of owed) resolve(undefined);
    owed.clear();
  });
  try {
    const texts = await Promise.all(
      wanted.map(
        ([path]) =>
          new Promise<string | undefined>((resolve) => {
            owed.add(resolve);
            reader.read(`HEAD:${path}`, (content) => {
              owed.delete(resolve);
              resolve(content?.subarray(0, DOCUMENT_BYTES).toString('utf8'));
            });
          }),
      ),
    );
    return wanted.flatMap(([path, sha], i) => {
      const text = texts[i] === undefined || texts[i].includes('\0') ? undefined : EXPORT.test(path) ? ticketExportAsTable(texts[i]) : texts[i];
      return text === undefined ? [] : [{ path, sha, text }];
    });
  } finally {
    reader.close();
  }
}
