import { readFileSync } from 'node:fs';
import path from 'node:path';

// HEAD's commit read from the files git keeps it in, without starting a git process: a kept scan
// output is looked up before anything else is loaded, and a process start costs more than the
// look-up. Anything this does not know (a ref storage other than files, a ref missing from both
// loose and packed refs, a symbolic ref chain too long) answers undefined: the caller then runs
// the scan as it always does.

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** The commit HEAD names in the git directory `gitDir` (a repository's own `.git` directory), or
 * undefined when it cannot be told from the files. */
export function headFromFiles(gitDir: string): string | undefined {
  let text = readText(path.join(gitDir, 'HEAD'));
  for (let depth = 0; depth < 5 && text !== undefined; depth++) {
    if (SHA.test(text)) return text;
    if (!text.startsWith('ref: ')) return undefined;
    const ref = text.slice(5).trim();
    if (!/^refs\/[^\0]+$/.test(ref) || ref.split('/').includes('..')) return undefined;
    text = readText(path.join(gitDir, ref)) ?? packedRef(gitDir, ref);
  }
  return undefined;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** A ref's commit in `packed-refs` (a loose ref file, when there is one, wins over it). */
function packedRef(gitDir: string, ref: string): string | undefined {
  const packed = readText(path.join(gitDir, 'packed-refs'));
  if (packed === undefined) return undefined;
  for (const line of packed.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1).trim() === ref && SHA.test(line.slice(0, space))) return line.slice(0, space);
  }
  return undefined;
}
