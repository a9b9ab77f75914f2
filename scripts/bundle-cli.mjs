// `undrift scan`'s modules (dist/cli/scan.js and the ~200 modules it imports: the engine, the
// readers, the verdict's rules, the report writers) bundled into one file in place after `tsc`,
// as scripts/bundle-view.mjs bundles the view's. Loaded one by one, Node resolves, reads and
// links each: ~0.25 CPU-s of a scan after one new commit (~2 CPU-s in all on the bench's Helm
// corpus), where one file is read and compiled in ~0.1 (measured by importing each alone).
//
// What stays outside the bundle: the modules bin/undrift.js and dist/cli/main.js load before
// main imports scan.js (the heap bound, the pipe guard, the kept start with its read cache, main
// itself and what it imports — errors.js among them, so that `instanceof UserError` holds between
// the bundle and the CLI that catches its errors). They are loaded already when the bundle is; a
// second copy would be compiled again and hold state twice (the installed code's stamp is made by
// walking dist/). Packages imported dynamically (the Kubernetes and GitHub clients, loaded only
// when used) stay in node_modules; modules of dist imported dynamically become chunks beside it
// (dist/cli/scan.chunk-*.js). Every module keeps its own `import.meta.url` (rewritten to its original
// file), so files found relative to a module (package.json, fixtures) are the same ones.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = path.join(root, 'dist');
const file = path.join(dist, 'cli', 'scan.js');
const here = path.dirname(file);

/** The modules of dist a static import reaches from `files` (import and export … from, and bare imports). */
function staticGraph(files) {
  const seen = new Set();
  const visit = (at) => {
    if (seen.has(at)) return;
    seen.add(at);
    const text = readFileSync(at, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|^import\s+'(\.{1,2}\/[^']+)'/gms))
      visit(path.resolve(path.dirname(at), m[1] ?? m[2]));
  };
  for (const f of files) visit(f);
  return seen;
}

const loadedBefore = staticGraph([path.join(root, 'bin', 'undrift.js'), path.join(dist, 'cli', 'main.js')]);
if (!loadedBefore.has(path.join(dist, 'errors.js')))
  throw new Error('bundle-cli: dist/errors.js is no longer loaded before scan.js: keep it outside the bundle');

const bundle = await rolldown({
  input: file,
  platform: 'node',
  logLevel: 'warn',
  // A module both imported and imported dynamically stays where the static import puts it: said once per build, not news.
  onLog(level, log, handler) {
    if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
  },
  plugins: [
    {
      name: 'undrift-cli-bundle',
      async resolveId(source, importer, options) {
        if (!importer) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved || resolved.external) return resolved;
        if (loadedBefore.has(resolved.id)) return { id: `./${path.relative(here, resolved.id).split(path.sep).join('/')}`, external: true };
        if (options.kind === 'dynamic-import' && resolved.id.includes(`${path.sep}node_modules${path.sep}`)) return { id: source, external: true };
        return null;
      },
      transform(code, id) {
        if (id === file || id.startsWith('\0') || !code.includes('import.meta.url')) return null;
        const original = JSON.stringify(path.relative(here, id).split(path.sep).join('/'));
        return { code: code.replaceAll('import.meta.url', `new URL(${original}, import.meta.url).href`), map: null };
      },
    },
  ],
});
const temporary = `${file}.bundle`;
rmSync(temporary, { recursive: true, force: true });
const { output } = await bundle.write({ dir: temporary, format: 'esm', entryFileNames: 'scan.js', chunkFileNames: 'scan.chunk-[hash].js' });
await bundle.close();
for (const old of readdirSync(here).filter((name) => name.startsWith('scan.chunk-') && name.endsWith('.js'))) rmSync(path.join(here, old));
for (const chunk of output) await rename(path.join(temporary, chunk.fileName), chunk.isEntry ? file : path.join(here, chunk.fileName));
rmSync(temporary, { recursive: true, force: true });
// The last step of a build: scripts/build-if-stale.mjs builds again only when a source is newer.
writeFileSync(path.join(dist, '.built'), '');
