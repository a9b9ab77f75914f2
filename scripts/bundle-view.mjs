// The interactive view's two entry points, each bundled into one file in place after `tsc`:
// dist/tui/run.js (Ink, React and the view, on the terminal's thread) and dist/tui/scan-worker.js
// (the engine, in its worker). Loaded as separate modules they cost ~1.2 CPU-s on each thread
// before the list can show: Ink alone pulls 415 files of es-toolkit for one `throttle`, the
// engine 95 of zod; one file each is read and compiled in a fraction of that (bench/tui).
//
// What stays outside a bundle:
// - packages imported dynamically (the Kubernetes and GitHub clients, loaded only when used);
// - dist/errors.js, so that `instanceof UserError` holds between a bundle and the CLI that
//   catches its errors (one copy of the class).
// Ink 6.8 starts every frame from nothing: a new Output, whose caches (each line's styled
// characters, each character's width) are dropped with it, and the width of every text node
// measured again. Most of a key's CPU went there (bench/tui-keys: tokenize, styledCharsFromTokens
// and stringWidth, ~60% of it). In the bundle those caches live across frames (bounded), as
// Ink's own measureText and wrapText caches already do; the build stops if Ink's code changed.
// Ink 8 keeps them itself, but needs Node 22.
// Every module keeps its own `import.meta.url` (rewritten to its original file), so files found
// relative to a module (package.json, the read cache's code stamp, Ink's own package.json when
// DEV=true) are the same ones.
//
// Both bundles are CommonJS (dist/tui/run.cjs with its chunks view-*.cjs, dist/tui/scan-worker.cjs), run by
// src/tui/code-cache.ts through `vm.Script` with V8's code cache: Node 20 has no code cache for ES
// modules, and compiling the view's 0.9 MB, then each function on its first call, was the largest
// part of the view's thread before the list (bench/tui); the reader's 1.9 MB is compiled before its
// values-only read, which a first screen without a kept list waits for. CommonJS has no top-level `await`: the three
// in Ink and Yoga are rewritten (TOP_LEVEL_AWAIT below); Yoga's WebAssembly is awaited by the loader
// through the entry's `__undriftViewReady` before the view renders.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import { inkPatches, patchInkFile } from './ink-patches.mjs';
import { fastWidthSource, STRING_WIDTH_PATCH, widthTable } from './string-width-fast.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const shared = path.join(dist, 'errors.js');
const VIEW = 'tui/run.js';
const entries = [VIEW, 'tui/scan-worker.js'];

// Yoga (Ink's layout) is WebAssembly kept as a base64 data URL, which its loader reads with
// `fetch` where there is one: on Node 20 the first `fetch` loads undici (~80 ms of the view's
// thread under load, before the first frame). A data URL is decoded in place instead, as the
// loader already does where there is no `fetch`.
const yogaLoader = `${path.sep}node_modules${path.sep}yoga-layout${path.sep}dist${path.sep}binaries${path.sep}yoga-wasm-base64-esm.js`;
const yogaPatch = ['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||ua(H)||"function"!=typeof fetch?'];
// React's development builds (the reconciler's alone is 750 KB, ~50 ms to compile) are read from
// node_modules when NODE_ENV asks for them (launch.ts sets 'production' unless the user chose),
// not compiled into the view's first file: each package's index picks its build at run time, and
// a development build requires the others by package name, so all of React is then the
// node_modules copy, never a mix.
const REACT_INDEX = new RegExp(`${path.sep}node_modules${path.sep}(react|react-reconciler|scheduler)${path.sep}[^${path.sep}]+\\.js$`);
const DEVELOPMENT_REQUIRE = /require\('\.\/cjs\/([a-z-]+\.development\.js)'\)/g;
const developmentBuilds = new Set();
// Ink's string-width (not wrap-ansi's older copy) measures the view's text through a table of each
// character's width made here by the package itself (string-width-fast.mjs says why that is exact).
const stringWidthFile = fileURLToPath(new URL('../node_modules/string-width/index.js', import.meta.url));
const { default: packageStringWidth } = await import(pathToFileURL(stringWidthFile).href);
const stringWidthPrelude = fastWidthSource(widthTable(packageStringWidth));
// Top-level `await`s of the view's modules, rewritten for CommonJS: [file, what, with what].
// Ink's two run only with DEV=true (React's devtools, whose module the bundle never held: that
// import failed before too, and says so the same way); Yoga's WebAssembly is instantiated as the
// bundle loads and awaited before the first render (`yogaReady`, re-exported by the entry).
const TOP_LEVEL_AWAIT = [
  [
    `${path.sep}node_modules${path.sep}ink${path.sep}build${path.sep}reconciler.js`,
    "        await import('./devtools.js');",
    "        throw Object.assign(new Error('devtools'), { code: 'ERR_MODULE_NOT_FOUND' });",
  ],
  [
    `${path.sep}node_modules${path.sep}ink${path.sep}build${path.sep}reconciler.js`,
    '    ? await loadPackageJson()',
    '    ? { name: undefined, version: undefined }',
  ],
  [
    `${path.sep}node_modules${path.sep}yoga-layout${path.sep}dist${path.sep}src${path.sep}index.js`,
    'const Yoga = wrapAssembly(await loadYoga());\nexport default Yoga;',
    'let Yoga;\nexport const yogaReady = loadYoga().then((loaded) => {\n  Yoga = wrapAssembly(loaded);\n});\nexport { Yoga as default };',
  ],
];
const READY = "\nexport { yogaReady as __undriftViewReady } from 'yoga-layout';\n";
const applied = new Set();
const inkBuild = `${path.sep}node_modules${path.sep}ink${path.sep}build${path.sep}`;

function patchInk(code, id) {
  const { patched, applied: done } = patchInkFile(id.slice(id.lastIndexOf(inkBuild) + inkBuild.length), code);
  for (const from of done) applied.add(from);
  return patched;
}

for (const entry of entries) {
  const file = path.join(dist, entry);
  const here = path.dirname(file);
  const bundle = await rolldown({
    input: file,
    platform: 'node',
    logLevel: 'warn',
    plugins: [
      {
        name: 'undrift-view-bundle',
        async resolveId(source, importer, options) {
          if (!importer) return null;
          const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
          if (!resolved || resolved.external) return resolved;
          if (resolved.id === shared) return { id: `./${path.relative(here, shared)}`, external: true };
          if (options.kind === 'dynamic-import' && resolved.id.includes(`${path.sep}node_modules${path.sep}`)) return { id: source, external: true };
          return null;
        },
        transform(code, id) {
          let out = id.includes(inkBuild) ? patchInk(code, id) : code;
          const react = REACT_INDEX.exec(id);
          if (react && entry === VIEW)
            out = out.replace(DEVELOPMENT_REQUIRE, (_all, name) => {
              developmentBuilds.add(react[1]);
              return `__undriftRequire(${JSON.stringify(react[1])}, ${JSON.stringify(name)})`;
            });
          if (entry === VIEW)
            for (const [where, from, to] of TOP_LEVEL_AWAIT)
              if (id.endsWith(where)) {
                if (!out.includes(from)) throw new Error(`bundle-view: ${where} no longer contains ${JSON.stringify(from)}`);
                out = out.replace(from, to);
                applied.add(from);
              }
          if (entry === VIEW && id === file) out += READY;
          if (entry === VIEW && id === stringWidthFile) {
            if (!out.includes(STRING_WIDTH_PATCH[0])) throw new Error(`bundle-view: string-width no longer contains ${JSON.stringify(STRING_WIDTH_PATCH[0])}`);
            out = `${stringWidthPrelude}${out.replace(STRING_WIDTH_PATCH[0], STRING_WIDTH_PATCH[1])}`;
            applied.add(STRING_WIDTH_PATCH[0]);
          }
          if (id.endsWith(yogaLoader)) {
            if (!out.includes(yogaPatch[0])) throw new Error(`bundle-view: yoga-layout's loader no longer contains ${JSON.stringify(yogaPatch[0])}`);
            out = out.replace(yogaPatch[0], yogaPatch[1]);
            applied.add(yogaPatch[0]);
          }
          if (id !== file && !id.startsWith('\0') && out.includes('import.meta.url')) {
            const original = JSON.stringify(path.relative(here, id).split(path.sep).join('/'));
            out = out.replaceAll('import.meta.url', `new URL(${original}, import.meta.url).href`);
          }
          return out === code ? null : { code: out, map: null };
        },
      },
    ],
  });
  if (entry === VIEW) {
    // The view's own thread: what the first frame runs is one file; what it imports on demand
    // (apply, the editor's YAML, the config schema, the live clients, a decision's check) is in
    // chunks beside it, read and compiled when first imported, not before the list can show.
    const temporary = `${file}.bundle`;
    rmSync(temporary, { recursive: true, force: true });
    const { output } = await bundle.write({
      dir: temporary,
      format: 'cjs',
      entryFileNames: 'run.cjs',
      chunkFileNames: 'view-[name]-[hash].cjs',
      // A package's files past its index are not exported by name: the build is required by its
      // path beside the package's index, which is where the index itself requires it from.
      // Strict, as the ES modules it is made of were.
      banner: "'use strict';\nconst __undriftRequire = (name, build) => require(require.resolve(name).replace(/[^\\/]+$/, 'cjs/' + build));",
    });
    await bundle.close();
    for (const old of readdirSync(here).filter((name) => name.startsWith('view-') && /\.c?js$/.test(name))) rmSync(path.join(here, old));
    // Run by vm.Script (code-cache.ts): a package a chunk imports on demand (the Kubernetes and
    // GitHub clients) is imported by the loader's own import().
    for (const chunk of output) writeFileSync(path.join(here, chunk.fileName), loaderReady(chunk));
    rmSync(temporary, { recursive: true, force: true });
    continue;
  }
  // The reader's process (tui/reader.ts) runs it as the view's thread runs the view: CommonJS
  // through vm.Script with its code cache, one file beside tsc's scan-worker.js.
  const { output } = await bundle.generate({ format: 'cjs', codeSplitting: false, banner: "'use strict';" });
  await bundle.close();
  writeFileSync(file.replace(/\.js$/, '.cjs'), loaderReady(output[0]));
}

/** A chunk's text as code-cache.ts runs it: a dynamic import() of a package through the loader's
 * own (a script compiled by vm has none), and nothing else a script cannot hold. */
function loaderReady(chunk) {
  const code = chunk.code.replaceAll('import("', '__undriftImport("');
  if (/\bimport\s*\(\s*["'`]|import\.meta/.test(code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
    throw new Error(`bundle-view: ${chunk.fileName} holds a dynamic import() or import.meta the loader cannot run`);
  return code;
}
if (developmentBuilds.size !== 3)
  throw new Error(
    `bundle-view: React's development builds not found in ${['react', 'react-reconciler', 'scheduler'].filter((p) => !developmentBuilds.has(p)).join(', ')}: check the index files`,
  );
if (!applied.has(STRING_WIDTH_PATCH[0])) throw new Error("bundle-view: Ink's string-width not in the bundle: check the patch against this version");
const awaitsLeft = TOP_LEVEL_AWAIT.filter(([, from]) => !applied.has(from));
if (awaitsLeft.length)
  throw new Error(`bundle-view: ${awaitsLeft.map(([where]) => where).join(', ')}: top-level await not found: check the rewrite against this version`);
if (!applied.has(yogaPatch[0])) throw new Error("bundle-view: yoga-layout's loader not in the bundle: check the patch against this version");
const missed = inkPatches.filter(([, from]) => !applied.has(from));
if (missed.length)
  throw new Error(`bundle-view: Ink's ${missed.map(([name]) => name).join(', ')} not in the bundle: check the patches against this Ink version`);
