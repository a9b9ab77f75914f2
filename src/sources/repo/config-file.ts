import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../model/limits.js';
import { UserError } from '../../errors.js';
import { listInside, readInside, statInside } from '../boundary.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from '../../parse/fingerprint.js';
import { detectFormat, FORMATS, yamlVersionOf, type FileValues, type Format } from '../../parse/format.js';
import { mayPassReadLimits } from '../../parse/yaml-cost.js';
import { readYamlValues } from '../../parse/yaml-fast.js';
import { withNotes } from '../../parse/notes-beside.js';
import { readManifestTexts, readText } from '../../parse/read.js';
import type { PatchRead, ReadCache } from './read-cache.js';
import { patchRead, yamlScalarReader } from '../../parse/patch-read.js';
import type { KeyPath, Value } from '../../model/types.js';

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;
const NOT_AN_OBJECT = 'not a Kubernetes object (no apiVersion/kind); skipped';

/** Reads one repo file or directory (a manifest overlay) into flat keys: the disk is read here,
 * inside the repository's boundary, and the text handed to the pure readers of parse/. `relPath`
 * is repo-relative and is what locations name. A file's read is kept in `cache` (a directory's
 * files are read each time). `valuesOnly`: a YAML or Helm values file not read before is read for
 * its values alone, 8–10× faster, each value located at its file's line 0 (parse/yaml-fast.ts);
 * anything that read cannot take is read in full. */
export async function readConfig(
  repoRoot: string,
  relPath: string,
  format: Format = 'auto',
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
  cache?: ReadCache,
  valuesOnly = false,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Promise<FileValues> {
  const entry = statInside(repoRoot, relPath, relPath);
  if (entry.type === 'missing') throw new UserError(`${relPath}: no such file or directory (relative to ${repoRoot})`);
  if (entry.type === 'directory') {
    const files = listInside(repoRoot, relPath, relPath, (name) => MANIFEST_EXTENSIONS.test(name)).map((rel) => ({
      rel,
      text: readInside(repoRoot, rel, rel, limits) ?? '',
    }));
    // A generator's env file is named relative to its kustomization: it must stay inside the repository too.
    const read = readManifestTexts(
      files,
      (rel, kustomization) => readInside(repoRoot, rel, `${kustomization}: generator env file`, limits),
      limits,
      fingerprint,
    );
    // A directory entry is read as manifests: one whose every YAML file is plain values (envs/dev/
    // values.yaml, as `undrift init` may name it) gave nothing, and the scan said "no divergences:
    // the environments agree" whatever the files held.
    const skipped = read.warnings.filter((w) => w.endsWith(NOT_AN_OBJECT)).map((w) => w.slice(0, -NOT_AN_OBJECT.length - 2));
    // (A Kustomize overlay's values come from its build, whatever its own files hold.)
    const kustomized = files.some((f) => /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/.test(f.rel));
    if (read.values.size === 0 && skipped.length > 0 && !kustomized)
      throw new UserError(
        `${relPath}: a directory is read as Kubernetes manifests, and none of its files holds one (no apiVersion/kind), so nothing would be read: ` +
          `name its values files under \`files:\` instead (${[...new Set(skipped)].slice(0, 3).join(', ')})`,
      );
    const texts = new Map(files.map((f) => [f.rel, f.text]));
    const values = withNotesOfFiles(read.values, (rel) => texts.get(rel) ?? readInside(repoRoot, rel, rel, limits));
    return values === read.values ? read : { ...read, values };
  }
  const text = readInside(repoRoot, relPath, relPath, limits);
  if (text === undefined) throw new UserError(`${relPath}: no such file or directory (relative to ${repoRoot})`);
  const chosen = format === 'auto' ? detectFormat(relPath) : format;
  if (!chosen) throw new UserError(`${relPath}: cannot tell the file's format from its name; set \`format:\` (${FORMATS.join(', ')}) for it in undrift.yaml`);
  // A read kept from an earlier run is as quick as a values-only one, and whole.
  const saved = valuesOnly && cache ? await cache.saved(relPath, chosen, text, limits, fingerprint) : undefined;
  const quick = valuesOnly && !saved && (chosen === 'yaml' || chosen === 'helm') ? valuesOfYaml(text, relPath, chosen, limits, fingerprint) : undefined;
  if (quick) return { ...quick, unlocated: true };
  const read =
    saved ??
    (await (cache
      ? cache.read(
          relPath,
          chosen,
          text,
          limits,
          fingerprint,
          () => readText(text, relPath, chosen, fingerprint, limits),
          chosen === 'yaml' || chosen === 'helm' ? patchOf(text, relPath, chosen, limits, fingerprint) : undefined,
        )
      : readText(text, relPath, chosen, fingerprint, limits)));
  // The comments beside the values: evidence of why a value is what it is (the verdict reads them).
  const values = withNotes(read.values, relPath, text, chosen);
  return values === read.values ? read : { ...read, values };
}

/** How a YAML file's kept read is patched to its text now (parse/patch-read.ts): each changed
 * scalar read as a one-line document of the file's format. Not where the text could pass a read
 * limit (the whole read names the problem). */
function patchOf(text: string, relPath: string, format: 'yaml' | 'helm', limits: Readonly<ReadLimits>, fingerprint: SecretFingerprint): PatchRead | undefined {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean !== text || mayPassReadLimits(Buffer.from(clean), limits)) return undefined;
  const readScalar = yamlScalarReader(relPath, format, limits, fingerprint);
  return (before, kept) => patchRead(before, text, kept, relPath, readScalar);
}

/** A YAML file's values read without their lines, or undefined where only the full read can say
 * (a text that could pass a read limit, or one js-yaml refuses: the full read names the problem). */
function valuesOfYaml(
  text: string,
  relPath: string,
  format: 'yaml' | 'helm',
  limits: Readonly<ReadLimits>,
  fingerprint: SecretFingerprint,
): FileValues | undefined {
  const clean = text.replace(/^\uFEFF/, '');
  if (mayPassReadLimits(Buffer.from(clean), limits)) return undefined;
  try {
    return readYamlValues(clean, relPath, yamlVersionOf(format), limits, fingerprint);
  } catch {
    return undefined;
  }
}

/** `values` read from several files (a manifest directory, a built overlay and its bases, a
 * generator's env file) with the comments written beside them in each file whose `text` is had. */
export function withNotesOfFiles(values: Map<KeyPath, Value>, text: (rel: string) => string | undefined): Map<KeyPath, Value> {
  let out = values;
  for (const file of new Set([...values.values()].map((v) => v.location.file))) {
    const format = detectFormat(file);
    if (!format) continue;
    let content: string | undefined;
    try {
      content = text(file);
    } catch {
      continue; // a file the build read but the boundary refuses: no notes from it
    }
    if (content !== undefined) out = withNotes(out, file, content, format);
  }
  return out;
}
