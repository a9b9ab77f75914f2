import { readBranches } from '../git/ledger.js';
import { BlobReader } from '../git/cat-file.js';
import { runGit } from '../git/write.js';
import type { KeyPath } from '../model/types.js';
import { detectFormat } from '../parse/format.js';
import { readText } from '../parse/read.js';
import type { OpenChange } from '../wording/open-branch.js';
import { decodeBytes } from './edit.js';
import type { LoggedDecision } from './ledger.js';

// An open branch (an earlier apply not merged yet) was said as "open" only, whatever the
// checked-out branch did since: a branch that sets 3000 where the checkout has 3000 by now changes
// nothing, and one made over 5000 where the checkout now says 9000 would undo that change. Each
// open decision's commit is read against its parent and the checkout (committed files).

/** The key's value in a committed file's bytes (undefined bytes: the file is not there), read in
 * the format its name says; undefined when it cannot be read that way (then nothing is said
 * rather than a guess). */
async function valueIn(bytes: Buffer | undefined, file: string, key: KeyPath): Promise<{ text: string | null; secret: boolean } | undefined> {
  const format = detectFormat(file);
  if (!format) return undefined;
  if (!bytes) return { text: null, secret: false };
  const read = await readText(decodeBytes(bytes).text, file, format).catch(() => undefined);
  if (!read) return undefined;
  const value = read.values.get(key);
  return { text: value?.text ?? null, secret: value?.type === 'secret' };
}

/** Per open repo entry (by commit), what it changes of its keys and what HEAD holds now; and the
 * checked-out branch's name ("HEAD" when detached). Three git processes however many entries are
 * open: the branches, one `git diff-tree --stdin` for the files each commit changed, and one
 * `git cat-file --batch` for each file before, in and after it. */
export async function openChanges(repo: string, entries: LoggedDecision[]): Promise<{ head: string; changes: Map<string, OpenChange[]> }> {
  const changes = new Map<string, OpenChange[]>();
  const open = entries.filter((e) => e.kind === 'repo' && e.status === 'open');
  if (open.length === 0) return { head: 'HEAD', changes };
  const head = (await readBranches(repo)).head ?? 'HEAD';
  const asked = new Set(open.map((e) => e.commit));
  // "<commit>\n<file>\n<file>\n…" per commit asked.
  const listing = await runGit(repo, ['diff-tree', '--name-only', '-r', '--root', '--stdin'], { input: `${[...asked].join('\n')}\n` }).catch(() => '');
  const filesOf = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of listing.split('\n').filter(Boolean)) {
    if (asked.has(line) && !filesOf.has(line)) filesOf.set(line, (current = []));
    else current?.push(line);
  }
  // A failed read answers no request: those waiting are told, and nothing is said of any branch.
  const waiting = new Set<(e: Error) => void>();
  const reader = new BlobReader(repo, (e) => [...waiting].forEach((fail) => fail(e)));
  const blob = (name: string) =>
    new Promise<Buffer | undefined>((resolve, reject) => {
      waiting.add(reject);
      reader.read(name, (content) => {
        waiting.delete(reject);
        resolve(content ? Buffer.from(content) : undefined);
      });
    });
  try {
    await Promise.all(
      open.map(async (entry) => {
        const found: OpenChange[] = [];
        for (const file of filesOf.get(entry.commit) ?? []) {
          // A line per name: a file name with a line break cannot be asked for (nor is it a config file).
          if (/[\n\r]/.test(file)) continue;
          const [parent, made, now] = await Promise.all([blob(`${entry.commit}^:${file}`), blob(`${entry.commit}:${file}`), blob(`HEAD:${file}`)]);
          for (const key of new Set(entry.keys)) {
            const [before, after, atHead] = await Promise.all([valueIn(parent, file, key), valueIn(made, file, key), valueIn(now, file, key)]);
            if (!before || !after || !atHead || before.text === after.text) continue;
            found.push({ key, file, before: before.text, after: after.text, now: atHead.text, secret: before.secret || after.secret || atHead.secret });
          }
        }
        changes.set(entry.commit, found);
      }),
    );
  } catch {
    return { head, changes: new Map() };
  } finally {
    reader.close();
  }
  return { head, changes };
}
