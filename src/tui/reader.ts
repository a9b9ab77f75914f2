import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as errors from '../errors.js';
import { BundleLoader } from './code-cache.js';

// The view's reader process (forked by background-scan.ts): the engine's bundle (dist/tui/scan-worker.cjs,
// scripts/bundle-view.mjs) compiled with its code cache, kept under the directory the view names
// (the repository's `.git/undrift/code/`; none: compiled without one), then serving the view. A
// first screen with no kept list waits for this process's values-only read, and compiling the
// engine's 1.9 MB came first (~55 ms of its ~0.6 CPU-s on the Helm corpus). Where the engine was not
// bundled (`tsc` alone), its modules are imported as they are.

const cacheDir = process.argv[2] || undefined;
const entry = fileURLToPath(new URL('./scan-worker.cjs', import.meta.url));
type Reader = { serve: (keep: () => void) => void };
if (existsSync(entry)) {
  // One UserError class for the bundle and this module's errors (as in the view).
  const shared = new Map([[fileURLToPath(new URL('../errors.js', import.meta.url)), errors]]);
  const loaded = new BundleLoader(cacheDir, shared).load(entry, true);
  (loaded.exports as unknown as Reader).serve(() => loaded.keep());
} else {
  const { serve } = await import('./scan-worker.js');
  serve(() => undefined);
}
