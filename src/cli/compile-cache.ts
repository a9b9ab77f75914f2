import module from 'node:module';

// Node 22.1 and later keep the code V8 compiles for a program's modules on disk and take it at the
// next start (Node's own compile cache: in NODE_COMPILE_CACHE's folder, else `node-compile-cache`
// in the system's temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off). A scan's modules
// are compiled anew by every run otherwise — a CI job runs the CLI once, cold. Measured on a
// two-file repository (`scan --no-history`, Node 22.23.5, 4 runs each, load ~20): 0.40–0.41 CPU-s
// without, 0.33–0.35 with. Node 20 has no such cache: there this does nothing.
const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
try {
  enable?.();
} catch {
  // A folder it cannot write (read-only temporary folder) costs the cache, never the run.
}
