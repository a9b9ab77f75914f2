// The view's bundle is compiled with V8's code cache (src/tui/code-cache.ts): kept under the
// repository's `.git/undrift/code/` by the hash of the bundle's text and Node's version, taken by the
// next view, never taken for another text, and the bundle runs as without it when the cache is
// refused or cannot be written. Each load below is of a bundle in a directory of its own: V8 keeps
// scripts it compiled in memory by their text and file name, and would answer a second load of
// the same file from there without reading the cache at all.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { BundleLoader, cacheFileOf } from '../../src/tui/code-cache.js';

const root = mkdtempSync(path.join(tmpdir(), 'undrift-code-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A bundle as scripts/bundle-view.mjs writes one: CommonJS, a chunk beside it, a module shared
// with the code outside the bundle, a package imported on demand, and functions compiled lazily.
const ENTRY = `'use strict';
const chunk = require('./view-chunk-a.cjs');
const shared = require('./../shared.js');
const path = require('node:path');
function later(n) { let total = 0; for (let i = 0; i < n; i++) total += i; return total; }
exports.sum = (n) => later(n) + chunk.base;
exports.shared = shared;
exports.chunk = chunk;
exports.sep = path.sep;
exports.load = () => __undriftImport('node:os').then((os) => typeof os.cpus);
exports.strict = (function () { return this === undefined; })();
`;
const CHUNK = `'use strict';\nexports.base = 1000;\nexports.shared = require('./../shared.js');\n`;

let copies = 0;
/** The bundle written in a directory of its own (with `entry` as its text), its cache directory
 * the one given. */
function bundle(entry = ENTRY): string {
  const dir = path.join(root, `build-${copies++}`, 'tui');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'run.cjs'), entry);
  writeFileSync(path.join(dir, 'view-chunk-a.cjs'), CHUNK);
  return path.join(dir, 'run.cjs');
}
const sharedOf = (file: string) => {
  const shared = { name: 'the one shared module' };
  return { shared, map: new Map([[path.join(path.dirname(file), '..', 'shared.js'), shared]]) };
};

it('compiles without a cache, keeps one after running, and the next load takes it', () => {
  const cache = path.join(root, 'repo-1', '.git', 'undrift', 'code');
  const first = bundle();
  const { shared, map } = sharedOf(first);
  const loaded = new BundleLoader(cache, map).load(first, true);
  expect(loaded.cached).toBe(false);
  expect((loaded.exports.sum as (n: number) => number)(10)).toBe(1045);
  // What a writer killed while writing left behind goes with the older caches.
  mkdirSync(cache, { recursive: true });
  writeFileSync(path.join(cache, `${path.basename(cacheFileOf(cache, first, ENTRY))}.99999.tmp`), 'half');
  loaded.keep();
  const kept = readdirSync(cache);
  expect(kept).toEqual([path.basename(cacheFileOf(cache, first, ENTRY))]);
  expect(kept[0]).toMatch(/^run\.cjs-[0-9a-f]{40}\.v8$/);

  const second = bundle();
  const again = new BundleLoader(cache, sharedOf(second).map).load(second, true);
  expect(again.cached).toBe(true);
  expect((again.exports.sum as (n: number) => number)(10)).toBe(1045);
  // Taken: nothing is written again.
  again.keep();
  expect(readdirSync(cache)).toEqual(kept);

  // The bundle's require: the shared module as it is (in the entry and in its chunk), the chunk
  // once, Node's modules; import() through the loader's own; strict, as the ES modules it was.
  expect(loaded.exports.shared).toBe(shared);
  expect((loaded.exports.chunk as { shared: unknown }).shared).toBe(shared);
  expect(loaded.exports.sep).toBe(path.sep);
  expect(loaded.exports.strict).toBe(true);
  return expect((loaded.exports.load as () => Promise<string>)()).resolves.toBe('function');
});

it('another text of the same length is never given the cache of the first (V8 checks only the length), and replaces it', () => {
  const cache = path.join(root, 'repo-2', 'code');
  const first = bundle();
  const loaded = new BundleLoader(cache, sharedOf(first).map).load(first, true);
  loaded.keep();
  const before = readdirSync(cache);

  const other = ENTRY.replace('total += i', 'total -= i');
  expect(other.length).toBe(ENTRY.length);
  const changed = bundle(other);
  const next = new BundleLoader(cache, sharedOf(changed).map).load(changed, true);
  expect(next.cached).toBe(false);
  expect((next.exports.sum as (n: number) => number)(10)).toBe(1000 - 45);
  next.keep();
  const after = readdirSync(cache);
  expect(after).toHaveLength(1);
  expect(after).not.toEqual(before);
});

it('a cache V8 refuses (damaged) is compiled as without one', () => {
  const cache = path.join(root, 'repo-3', 'code');
  const file = bundle();
  mkdirSync(cache, { recursive: true });
  writeFileSync(cacheFileOf(cache, file, ENTRY), Buffer.alloc(4096, 7));
  const loaded = new BundleLoader(cache, sharedOf(file).map).load(file, true);
  expect(loaded.cached).toBe(false);
  expect((loaded.exports.sum as (n: number) => number)(4)).toBe(1006);
  // Written again over the damaged one: the next view takes it.
  loaded.keep();
  const next = bundle();
  expect(new BundleLoader(cache, sharedOf(next).map).load(next, true).cached).toBe(true);
});

it('where no cache can be written (a file in the way, a read-only directory), the bundle runs and nothing fails', () => {
  const blocked = path.join(root, 'repo-4', 'undrift');
  mkdirSync(path.dirname(blocked), { recursive: true });
  writeFileSync(blocked, 'not a directory');
  const file = bundle();
  const loaded = new BundleLoader(path.join(blocked, 'code'), sharedOf(file).map).load(file, true);
  expect(() => loaded.keep()).not.toThrow();
  expect((loaded.exports.sum as (n: number) => number)(3)).toBe(1003);
  expect(readFileSync(blocked, 'utf8')).toBe('not a directory');

  const readOnly = path.join(root, 'repo-5', 'code');
  mkdirSync(readOnly, { recursive: true });
  chmodSync(readOnly, 0o500);
  try {
    const other = bundle();
    const again = new BundleLoader(readOnly, sharedOf(other).map).load(other, true);
    expect(() => again.keep()).not.toThrow();
    // Root may write anywhere: the point is that nothing fails and no temporary file is left.
    expect(readdirSync(readOnly).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  } finally {
    chmodSync(readOnly, 0o700);
  }

  // Without a cache directory (no `.git` directory found), nothing is read or written.
  const plain = bundle();
  const none = new BundleLoader(undefined, sharedOf(plain).map).load(plain, true);
  expect(none.cached).toBe(false);
  expect(() => none.keep()).not.toThrow();
});

it('the built view: CommonJS the loader runs, with no import() or import.meta of its own, its errors those of the CLI', async () => {
  const dist = path.join(import.meta.dirname, '..', '..', 'dist');
  const file = path.join(dist, 'tui', 'run.cjs');
  const entry = readFileSync(file, 'utf8');
  expect(entry.startsWith('"use strict";')).toBe(true);
  expect(entry.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')).not.toMatch(/\bimport\s*\(\s*["'`]|import\.meta/);
  const errorsFile = path.join(dist, 'errors.js');
  const errors = (await import(pathToFileURL(errorsFile).href)) as Record<string, unknown>;
  const loaded = new BundleLoader(undefined, new Map([[errorsFile, errors]])).load(file, true);
  await loaded.exports.__undriftViewReady;
  expect(typeof loaded.exports.runView).toBe('function');
  expect(typeof loaded.exports.layoutQuestion).toBe('function');
});
