import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the story repositories are built once per run (see demo-repo.ts). */
    scenarioCache: string;
  }
}

/** The CLI tests run the real built binary, so the build must match the sources under test, and
 * be built as `npm run build` builds it: the view's entry points and `scan` bundled (scripts/bundle-view.mjs,
 * scripts/bundle-cli.mjs),
 * as CI and users run them. Unbundled, the view shares Ink with the in-process Ink tests of the
 * same worker, and Ink decides once per process, when first loaded, whether `CI` freezes it.
 * UNDRIFT_TEST_BUILT=1 says the caller has just built (CI builds once, then runs the suite on
 * three Node versions). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.UNDRIFT_TEST_BUILT !== '1') {
    await execa('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    await execa(process.execPath, [fileURLToPath(new URL('../../scripts/bundle-view.mjs', import.meta.url))], { stdio: 'inherit' });
    await execa(process.execPath, [fileURLToPath(new URL('../../scripts/bundle-cli.mjs', import.meta.url))], { stdio: 'inherit' });
  }
  const cache = await mkdtemp(path.join(tmpdir(), 'undrift-scenarios-'));
  project.provide('scenarioCache', cache);
  return () => rm(cache, { recursive: true, force: true });
}
