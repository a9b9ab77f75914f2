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
// Every module keeps its own `import.meta.url` (rewritten to its original file), so files found
// relative to a module (package.json, the read cache's code stamp, Ink's own package.json when
// DEV=true) are the same ones.
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const shared = path.join(dist, 'errors.js');
const entries = ['tui/run.js', 'tui/scan-worker.js'];

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
          if (id === file || id.startsWith('\0') || !code.includes('import.meta.url')) return null;
          const original = JSON.stringify(path.relative(here, id).split(path.sep).join('/'));
          return { code: code.replaceAll('import.meta.url', `new URL(${original}, import.meta.url).href`), map: null };
        },
      },
    ],
  });
  const temporary = `${file}.bundle`;
  await bundle.write({ file: temporary, format: 'esm', codeSplitting: false });
  await bundle.close();
  await rename(temporary, file);
}
