import { afterAll } from 'vitest';

// What a test file leaves behind (temporary directories, fake servers) is cleaned up when that
// file ends. A support module registers its clean-up here, not with its own `afterAll`: test
// files share one module graph per worker (vitest.config.ts: isolate false), so a module is
// imported once per worker and an `afterAll` at its top would run only for the first file.

const pending: Array<() => Promise<unknown>> = [];

/** Runs `cleanUp` once the current test file has finished. */
export function atFileEnd(cleanUp: () => Promise<unknown>): void {
  pending.push(cleanUp);
}

/** Registered by the setup file for every test file: runs after the file's own hooks. */
export function cleanUpAtFileEnd(): void {
  afterAll(async () => {
    await Promise.all(pending.splice(0).map((cleanUp) => cleanUp()));
  });
}
