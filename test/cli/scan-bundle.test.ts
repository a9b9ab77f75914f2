// `undrift scan`'s modules are one file (dist/cli/scan.js, as `npm run build` and the test set-up
// bundle it with scripts/bundle-cli.mjs): Node resolved, read and linked ~200 modules one by one,
// ~0.13 CPU-s of a scan after one new commit. The modules bin/undrift.js and the CLI load before
// it stay outside, imported by the bundle: one copy of each (UserError's class is the one the CLI
// catches with instanceof; the installed code's stamp is made once).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../dist/cli/', import.meta.url));

it('the scan command is one file, sharing the modules loaded before it', () => {
  const bundle = readFileSync(path.join(dir, 'scan.js'), 'utf8');
  const modules = [...bundle.matchAll(/^\/\/ ((?:dist|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
  for (const inside of ['dist/engine.js', 'dist/history/walk.js', 'dist/verdict/verdict.js', 'dist/report/json.js']) expect(modules).toContain(inside);
  for (const outside of ['dist/errors.js', 'dist/sources/repo/read-cache.js', 'dist/cli/main.js']) expect(modules).not.toContain(outside);
  expect(bundle).toMatch(/^import \{[^}]*\bUserError\b[^}]*\} from "\.\/\.\.\/errors\.js";$/m);
  expect(bundle).toMatch(/from "\.\/\.\.\/sources\/repo\/read-cache\.js";$/m);
  // Chunks of modules imported on demand sit beside it; none holds a module loaded before.
  for (const chunk of readdirSync(dir).filter((name) => name.startsWith('scan.chunk-')))
    expect([...readFileSync(path.join(dir, chunk), 'utf8').matchAll(/^\/\/ (dist\/\S+)$/gm)].map((m) => m[1])).not.toContain('dist/errors.js');
});
