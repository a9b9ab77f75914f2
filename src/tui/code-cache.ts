import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as errors from '../errors.js';
import { tempBeside } from '../kept-file.js';

// The view's bundle (dist/tui/run.cjs and its chunks, scripts/bundle-view.mjs) compiled with V8's
// code cache: Node 20 keeps none for ES modules (module.enableCompileCache is Node 22), and the
// view's thread compiled the 0.9 MB entry, then each function on its first call, before the list
// could show. Compiled through `vm.Script`, the entry is given the code V8 made for it the last
// time (with every function the first screen ran) and compiles only what the cache lacks.
//
// The cache is kept where the repository's other kept data lives (`.git/undrift/code/`, never the
// work tree), one file per bundle, named by the hash of the bundle's text, Node's version and the
// architecture: a new build or another Node reads none of an older one's (V8 checks its own version
// and flags too, and a cache it refuses is compiled as without one). Not readable or not writable
// (no `.git` directory, a read-only one, a full disk), the bundle is compiled as without a cache.

/** What the loader hands every module of the bundle besides CommonJS' own: import() for the
 * packages a chunk loads on demand (a script compiled by vm has no loader of its own for it). */
const WRAPPER = ['exports', 'require', 'module', '__filename', '__dirname', '__undriftImport'];

/** One module of the bundle, compiled (with its code cache when there is one) and run. */
export interface LoadedModule {
  exports: Record<string, unknown>;
  /** Whether V8 took the code cache (false: none, or refused). */
  cached: boolean;
  /** Writes the code V8 has compiled for the module so far, unless its cache was taken. */
  keep(): void;
}

/** The file a bundle's code cache is kept in: its name, then the hash of its text and the Node
 * that compiles it. */
export function cacheFileOf(dir: string, file: string, source: string): string {
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${process.versions.v8}\0`).update(source).digest('hex').slice(0, 40);
  return path.join(dir, `${path.basename(file)}-${key}.v8`);
}

/** Runs the bundle's modules in this thread's context: the entry, then each chunk it requires.
 * `import()` of a package goes through this module's own (ES module) loader. */
export class BundleLoader {
  private readonly modules = new Map<string, Record<string, unknown>>();
  /** `cacheDir`: where code caches are kept (undefined: none); `shared`: modules already loaded
   * outside the bundle, by absolute path, handed to it as they are (one copy of their state). */
  constructor(
    private readonly cacheDir: string | undefined,
    private readonly shared: ReadonlyMap<string, unknown> = new Map(),
  ) {}

  /** Compiles and runs `file`, with its code cache under `cacheDir` when asked and there. */
  load(file: string, withCache: boolean): LoadedModule {
    const source = readFileSync(file, 'utf8');
    const cacheFile = withCache && this.cacheDir ? cacheFileOf(this.cacheDir, file, source) : undefined;
    let cachedData: Buffer | undefined;
    try {
      if (cacheFile) cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(`(function (${WRAPPER.join(', ')}) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
    const cached = cachedData !== undefined && !script.cachedDataRejected;
    const module = { exports: {} as Record<string, unknown> };
    this.modules.set(file, module.exports);
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, this.requireFor(file), module, file, path.dirname(file), (specifier: string) => import(specifier));
    return {
      exports: module.exports,
      cached,
      keep: () => {
        if (cached || !cacheFile) return;
        keepCache(cacheFile, script);
      },
    };
  }

  /** `require` as the bundle's modules use it: the shared modules, the bundle's own chunks (beside
   * the entry, through this loader), then Node's. */
  private requireFor(file: string): NodeJS.Require {
    const node = createRequire(file);
    const here = path.dirname(file);
    const required = ((specifier: string) => {
      if (specifier.startsWith('.')) {
        const target = path.resolve(here, specifier);
        if (this.shared.has(target)) return this.shared.get(target);
        if (target.endsWith('.cjs') && path.dirname(target) === here) return this.modules.get(target) ?? this.load(target, false).exports;
      }
      return node(specifier) as unknown;
    }) as NodeJS.Require;
    required.resolve = node.resolve;
    return required;
  }
}

/** Writes `script`'s code cache beside older ones of the same bundle (removed: one per bundle),
 * through a temporary file, so that a view reading it meanwhile reads a whole one or none. */
function keepCache(cacheFile: string, script: vm.Script): void {
  const dir = path.dirname(cacheFile);
  const temp = tempBeside(cacheFile);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, cacheFile);
    // Older caches of the bundle, and temporary files of writers that were killed while writing.
    const prefix = `${path.basename(cacheFile).replace(/-[0-9a-f]+\.v8$/, '')}-`;
    for (const name of readdirSync(dir))
      if (name.startsWith(prefix) && name !== path.basename(cacheFile) && name !== path.basename(temp)) rmSync(path.join(dir, name), { force: true });
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written where nothing can be.
    }
  }
}

/** The view's bundle, compiled with its code cache under `cacheDir` (undefined: none), once Yoga's
 * WebAssembly is ready; `keep` writes the cache when the view's first screen is drawn. Where the
 * view was not bundled (`tsc` alone), its modules are imported as they are. */
export async function loadView(cacheDir: string | undefined): Promise<{ view: typeof import('./run.js'); keep: () => void }> {
  const entry = fileURLToPath(new URL('./run.cjs', import.meta.url));
  if (!existsSync(entry)) return { view: await import('./run.js'), keep: () => undefined };
  // One UserError class for the bundle and the CLI that catches its errors.
  const shared = new Map([[fileURLToPath(new URL('../errors.js', import.meta.url)), errors]]);
  const loaded = new BundleLoader(cacheDir, shared).load(entry, true);
  await loaded.exports.__undriftViewReady;
  return { view: loaded.exports as unknown as typeof import('./run.js'), keep: () => loaded.keep() };
}
