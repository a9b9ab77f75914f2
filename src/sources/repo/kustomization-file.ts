import { openSync, closeSync, fstatSync, readSync } from 'node:fs';
import { LimitError, UserError } from '../../errors.js';
import { mib, raiseWith, type ReadLimits } from '../../model/limits.js';
import { parseYaml } from '../../parse/yaml.js';

/**
 * A kustomization file's fields, as kustomize reads it (`<<:` merged), read within the run's
 * limits like every other file undrift reads: a pull request writes the overlay's kustomization
 * and its local bases', and a remote base's come from a clone, so an alias bomb, a document of
 * millions of items or a file of gigabytes there must cost what it costs in a values file.
 *
 * `shown` is how errors name it. A file past a limit throws a LimitError naming `shown` and where
 * the limit comes from; one that is not a single YAML map, or that sets a key twice (kustomize
 * takes the last, this reader cannot check which), throws a plain Error: the caller does not
 * build what it cannot check.
 */
export function readKustomization(absolute: string, shown: string, limits: Readonly<ReadLimits>): Record<string, unknown> {
  const text = readBounded(absolute, shown, limits);
  let parsed;
  try {
    parsed = parseYaml(text, shown, '1.2', limits);
  } catch (e) {
    if (e instanceof LimitError) throw e;
    throw new Error(e instanceof UserError ? e.message : (e as Error).message.split('\n')[0]);
  }
  if (parsed.docs.length > 1) throw new Error(`${shown}: more than one YAML document`);
  if (parsed.warnings[0]) throw new Error(parsed.warnings[0]);
  const value = parsed.docs[0]?.value ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${shown}: not a map`);
  return value as Record<string, unknown>;
}

/** The file's text, refused by its size before any of it is read. */
function readBounded(absolute: string, shown: string, limits: Readonly<ReadLimits>): string {
  const fd = openSync(absolute, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limits.fileBytes)
      throw new LimitError(
        shown,
        undefined,
        `it is ${mib(size)}, more than the ${mib(limits.fileBytes)} undrift reads from one file (${raiseWith(limits, 'fileBytes')})`,
      );
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
