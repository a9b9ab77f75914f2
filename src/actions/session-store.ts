import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Decision } from '../model/types.js';
import { undriftDir } from '../git/undrift-dir.js';
import { tempBeside } from '../kept-file.js';

export interface SavedSession {
  version: 1;
  savedAt: string;
  decisions: Decision[];
}

const fileOf = async (repo: string) => path.join(await undriftDir(repo), 'session.json');

/** Where the repository's session is kept (`.git/undrift/session.json`). */
export const sessionFile = fileOf;

/** Saves (or, with no decisions, removes) the session at once: the interactive view calls it
 * inside the key press that changed a decision, so a kill right after loses nothing. */
export function saveSessionSync(file: string, decisions: Decision[]): void {
  if (decisions.length === 0) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const body: SavedSession = { version: 1, savedAt: new Date().toISOString(), decisions };
  const temp = tempBeside(file);
  writeFileSync(temp, `${JSON.stringify(body, null, 2)}\n`);
  renameSync(temp, file);
}

/** The decisions of the session in progress, saved as they are made (inside .git, never in the
 * work tree), so that a crash, a kill or a quit loses nothing. */
export async function saveSession(repo: string, decisions: Decision[]): Promise<void> {
  const file = await fileOf(repo);
  await mkdir(path.dirname(file), { recursive: true });
  const body: SavedSession = { version: 1, savedAt: new Date().toISOString(), decisions };
  const temp = tempBeside(file);
  await writeFile(temp, `${JSON.stringify(body, null, 2)}\n`);
  await rename(temp, file);
}

export async function loadSession(repo: string): Promise<SavedSession | undefined> {
  try {
    const data = JSON.parse(await readFile(await fileOf(repo), 'utf8')) as SavedSession;
    return data.version === 1 && Array.isArray(data.decisions) && data.decisions.length > 0 ? data : undefined;
  } catch {
    return undefined;
  }
}

export async function clearSession(repo: string): Promise<void> {
  await rm(await fileOf(repo), { force: true });
}
