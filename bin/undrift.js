#!/usr/bin/env node
// First: bounds the heap's growth before any other module allocates (src/cli/heap.ts).
import '../dist/cli/heap.js';
// Then: the code V8 compiles for the modules below is kept for the next start (src/cli/compile-cache.ts).
import '../dist/cli/compile-cache.js';
import { endQuietlyWhenClosed } from '../dist/cli/pipe.js';
import { keptStart } from '../dist/cli/kept-start.js';

endQuietlyWhenClosed(process.stdout);
const argv = process.argv.slice(2);
// An unchanged re-run of `scan --format json` is answered before the CLI and the engine load.
const kept = await keptStart(argv, process.cwd(), process.env);
if (kept) process.exitCode = kept.exit;
process.exitCode = kept ? await kept.writeTo(process.stdout, process.stderr) : await (await import('../dist/cli/main.js')).main(argv);
