import path from 'node:path';
import { LimitError, UserError, located } from '../errors.js';
import { CONFLICT_PROBLEM, conflictMarkerLine } from './conflict.js';
import { lineTooDeep } from './nesting.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../model/limits.js';
import type { KeyPath, Value } from '../model/types.js';
import { parseDotenv, parseKustomizeEnv, looksLikeYaml } from './dotenv.js';
import { fixedLocator, flatten, type Locator } from './flatten.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from './fingerprint.js';
import { yamlVersionOf, type FileValues, type Format } from './format.js';
import { flattenDocuments, flattenKustomization, flattenManifest, isKustomization, isManifest } from './manifests.js';
import { parseTfvars } from './tfvars.js';
import { parseProperties, propertyKeyPath, type PropertyEntry } from './properties.js';
import { profilePrefix, springProfiles } from './documents.js';
import { isSpringPropertiesName, readsAsProperties } from './format.js';
import { erbNote, hasErb, readErb } from './erb.js';
import { documentsNotMaps, encodingProblem, isStackOverflow, shapeProblem, tooDeep } from './value-shape.js';
import { parseYaml, type YamlVersion } from './yaml.js';
import { COMMENT_KEY } from './notes-beside.js';

export async function readText(
  text: string,
  relPath: string,
  format: Exclude<Format, 'auto'>,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Promise<FileValues> {
  const clean = text.replace(/^\uFEFF/, '');
  const encoding = encodingProblem(clean, relPath);
  if (encoding) throw new UserError(encoding);
  switch (format) {
    case 'dotenv': {
      if (looksLikeYaml(clean)) {
        const read = readYaml(clean, relPath, '1.2', limits, fingerprint);
        read.warnings.push(`${relPath}: written as YAML (KEY: value) although named like a dotenv file; read as YAML`);
        return read;
      }
      return readDotenv(clean, relPath, limits);
    }
    case 'json':
      return readJson(clean, relPath, limits, fingerprint);
    case 'tfvars':
      return readTfvars(clean, relPath, limits);
    case 'properties':
      return readProperties(clean, relPath, isSpringPropertiesName(relPath), limits);
    case 'spring':
      if (readsAsProperties(format, relPath)) return readProperties(clean, relPath, true, limits);
      return readYaml(clean, relPath, yamlVersionOf(format), limits, fingerprint);
    case 'rails': {
      if (!hasErb(clean)) return readYaml(clean, relPath, yamlVersionOf(format), limits, fingerprint);
      const erb = readErb(clean);
      const read = readYaml(erb.text, relPath, yamlVersionOf(format), limits, fingerprint);
      const note = erbNote(relPath, erb);
      if (note) read.warnings.push(note);
      return read;
    }
    case 'helm':
    case 'yaml':
      return readYaml(clean, relPath, yamlVersionOf(format), limits, fingerprint);
    case 'manifests':
    case 'kustomize':
      return readYaml(clean, relPath, '1.2', limits, fingerprint, true);
  }
}

function readDotenv(text: string, relPath: string, limits: Readonly<ReadLimits>): FileValues {
  const { entries, warnings } = parseDotenv(text, relPath, limits);
  const values = new Map<KeyPath, Value>();
  for (const e of entries.values()) {
    values.set(e.key, { text: e.value, type: 'string', location: { file: relPath, line: e.line, column: e.column } });
  }
  return { values, warnings };
}

/** A Spring file read as Spring reads it: documents split at `#---`, and a document that
 * activates for a profile keyed under it (`[profile=staging].server.port`), as in YAML. */
function readProperties(text: string, relPath: string, spring: boolean, limits: Readonly<ReadLimits>): FileValues {
  const { entries, documents, warnings } = parseProperties(text, relPath, spring, limits);
  const values = new Map<KeyPath, Value>();
  const put = (prefix: string, e: PropertyEntry) =>
    values.set(propertyKeyPath(e.key, prefix), { text: e.value, type: 'string', location: { file: relPath, line: e.line, column: e.column } });
  if (documents.length <= 1) {
    for (const e of entries.values()) put('', e);
    return { values, warnings };
  }
  for (const document of documents) {
    const profiles = springProfiles(Object.fromEntries([...document].map(([key, e]) => [key, e.value])));
    for (const e of document.values()) put(profiles === undefined ? '' : profilePrefix(profiles), e);
  }
  return { values, warnings };
}

/** A YAML text's keys, values and locations (the comments beside them are added by the caller). */
export function readYaml(
  text: string,
  relPath: string,
  version: YamlVersion,
  limits: Readonly<ReadLimits>,
  fingerprint: SecretFingerprint,
  forceManifests = false,
): FileValues {
  const parsed = parseYaml(text, relPath, version, limits);
  const notMaps = forceManifests
    ? undefined
    : documentsNotMaps(
        parsed.docs.map((d) => d.value),
        relPath,
      );
  if (notMaps) throw new UserError(notMaps);
  const read = flattenDocuments(parsed.docs, relPath, forceManifests, fingerprint);
  return { values: read.values, warnings: [...parsed.warnings, ...read.warnings] };
}

function readJson(text: string, relPath: string, limits: Readonly<ReadLimits>, fingerprint: SecretFingerprint): FileValues {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const conflict = conflictMarkerLine(text);
    if (conflict) throw new UserError(located(relPath, conflict, 1, CONFLICT_PROBLEM));
    const { line, column } = jsonErrorPosition(text, (e as Error).message);
    // A `//` or `/* */` where the parser stopped: JSONC (tsconfig, VS Code settings) allows it,
    // JSON does not, and the parser's own words ("Expected property name") do not say so.
    const at = line !== undefined && column !== undefined ? (text.split('\n')[line - 1] ?? '').slice(column - 1) : '';
    const comment = /^\/[/*]/.test(at) ? `: JSON allows no comments (\`${at.slice(0, 2)}\` here)` : '';
    throw new UserError(located(relPath, line, column, `invalid JSON: ${jsonProblem((e as Error).message)}${comment}`));
  }
  const notMaps = documentsNotMaps([value], relPath);
  if (notMaps) throw new UserError(notMaps);
  const problem = shapeProblem(value, limits);
  if (problem) throw new LimitError(relPath, problem === tooDeep(limits) ? lineTooDeep(text, limits.nesting) : 1, problem);
  // JSON is YAML: the YAML parser gives us every key's line and column.
  let locator: Locator = fixedLocator({ file: relPath, line: 1, column: 1 });
  const warnings: string[] = [];
  try {
    const parsed = parseYaml(text, relPath, '1.2', limits);
    if (parsed.docs[0]) locator = parsed.docs[0].locator;
    warnings.push(...parsed.warnings); // JSON.parse keeps the later of repeated keys too
  } catch {
    // locations stay at the file's first line; the values are JSON.parse's and are right
  }
  const values = new Map<KeyPath, Value>();
  if (isManifest(value)) flattenManifest(value, locator, values, fingerprint);
  else flatten(withoutComments(value), locator, '', values);
  return { values, warnings };
}

/** The JSON value without its comment members (`"_comment"`, `"//"`, `"$comment"`, …): a comment
 * is no setting, so it is never compared (notes-beside.ts reads it as the note of the value after
 * it). The same object where it has none. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutComments);
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (value === null || typeof value !== 'object') return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (COMMENT_KEY.test(k) && typeof v === 'string') {
      changed = true;
      continue;
    }
    const w = withoutComments(v);
    if (w !== v) changed = true;
    out[k] = w;
  }
  return changed ? out : value;
}

/** V8's JSON.parse message without the snippet of the text it quotes (which may span lines, and
 * may be a secret) and without the position, which the location already gives. */
const jsonProblem = (message: string): string =>
  message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .split('\n')[0]!;

function jsonErrorPosition(text: string, message: string): { line?: number; column?: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (!pos) return {};
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return { line, column: Number(pos[1]) - before.lastIndexOf('\n') };
}

function readTfvars(text: string, relPath: string, limits: Readonly<ReadLimits>): FileValues {
  let parsed: ReturnType<typeof parseTfvars>;
  try {
    parsed = parseTfvars(text, relPath);
  } catch (e) {
    if (isStackOverflow(e)) throw new LimitError(relPath, lineTooDeep(text, limits.nesting), tooDeep(limits));
    throw e;
  }
  const problem = shapeProblem(parsed.value, limits);
  if (problem) throw new LimitError(relPath, problem === tooDeep(limits) ? lineTooDeep(text, limits.nesting) : 1, problem);
  return { values: flatten(parsed.value, parsed.locator), warnings: [] };
}

/** A directory of manifests (a Kustomize overlay such as `overlays/<env>/`), given as its files'
 * texts: every object is flattened as `<Kind>/<name>.<path>`; `kustomization.yaml` contributes its
 * images, replicas and generated ConfigMaps, whose env files `envFile` reads (the caller's I/O:
 * undefined when there is none). Patches are read as the partial objects they are; nothing is built. */
export function readManifestTexts(
  files: Array<{ rel: string; text: string }>,
  envFile: (rel: string, kustomization: string) => string | undefined,
  limits: Readonly<ReadLimits>,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
): FileValues {
  const values = new Map<KeyPath, Value>();
  const warnings: string[] = [];
  for (const { rel, text } of files) {
    // JSON is YAML: one parser gives both formats line numbers, and a clear error naming file:line.
    const parsed = parseYaml(text.replace(/^\uFEFF/, ''), rel, '1.2', limits);
    const docs = parsed.docs;
    // A key set twice in a manifest is said as it is for one file (read.ts's readYaml): a
    // directory's read dropped it, and the earlier line's value vanished without a word.
    warnings.push(...parsed.warnings);
    const base = path.posix.basename(rel);
    for (const doc of docs) {
      if (/^kustomization\.ya?ml$/i.test(base) && isKustomization(doc.value)) {
        const readEnvFile = (envRel: string): Map<string, Value> => {
          const file = path.posix.join(path.posix.dirname(rel), envRel);
          const envText = envFile(file, rel);
          if (envText === undefined) {
            warnings.push(`${file}: referenced by a kustomization generator but not found`);
            return new Map();
          }
          // As Kustomize reads it (quotes, `export` and a trailing ` # …` kept), so that the value
          // read here is the built one and its line is where the build's value is written.
          const { entries, warnings: repeated } = parseKustomizeEnv(envText, file, limits);
          warnings.push(...repeated);
          return new Map(
            [...entries.values()].map((e) => [e.key, { text: e.value, type: 'string', location: { file, line: e.line, column: e.column } } satisfies Value]),
          );
        };
        flattenKustomization(doc.value, doc.locator, values, readEnvFile, fingerprint);
      } else if (isManifest(doc.value)) {
        flattenManifest(doc.value, doc.locator, values, fingerprint);
      } else {
        warnings.push(`${rel}: not a Kubernetes object (no apiVersion/kind); skipped`);
      }
    }
  }
  return { values, warnings };
}
