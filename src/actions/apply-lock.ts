import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { UserError } from '../errors.js';
import { undriftDir } from '../git/undrift-dir.js';
import { processAlive } from '../git/write.js';

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

async function ownerOf(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

const ageOf = async (file: string) => Date.now() - ((await stat(file).catch(() => undefined))?.mtimeMs ?? Date.now());

/** Removes the lock when its process is gone. Only one waiter at a time decides (under a second,
 * short-lived lock), so two waiters cannot both remove it and one remove the other's new lock. */
async function breakIfStale(file: string, host: string): Promise<boolean> {
  const breaker = `${file}.break`;
  try {
    await (await open(breaker, 'wx')).close();
  } catch {
    if ((await ageOf(breaker)) > 10_000) await rm(breaker, { force: true });
    return false;
  }
  try {
    const owner = await ownerOf(file);
    const stale = owner ? owner.host === host && !processAlive(owner.pid) : (await ageOf(file)) > 10_000;
    if (stale) await rm(file, { force: true });
    return stale;
  } finally {
    await rm(breaker, { force: true });
  }
}

export interface LockOptions {
  /** How long to wait for another apply to finish before giving up (ms). */
  waitMs?: number;
  /** Told once when a killed run's lock is removed. */
  onNotice?: (line: string) => void;
}

/**
 * Runs `work` holding the repository's apply lock (`.git/undrift/apply.lock`, made with O_EXCL):
 * two applies in one repository take turns instead of racing for branches and worktrees. A lock
 * whose process is gone (a killed run on this host) is removed, and said so.
 */
export async function withApplyLock<T>(repo: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const dir = await undriftDir(repo);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'apply.lock');
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError(`cannot take the apply lock ${file}: ${(e as Error).message}`);
    }
    const owner = await ownerOf(file);
    if (await breakIfStale(file, me.host)) {
      options.onNotice?.(`removed the lock of an interrupted apply${owner ? ` (pid ${owner.pid}, started ${owner.started})` : ''}`);
      continue;
    }
    if (Date.now() > deadline) {
      const who = owner ? ` (pid ${owner.pid} on ${owner.host}, since ${owner.started})` : '';
      const orRemove = owner && owner.host !== me.host ? ', or remove the file if that run is gone' : '';
      throw new UserError(`another undrift apply${who} holds ${file}; wait for it to finish${orRemove}`);
    }
    await delay(100);
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}
