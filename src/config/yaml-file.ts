import type { z } from 'zod';
import type { RepoLocation } from '../model/types.js';
import { UserError, located } from '../errors.js';
import { readInside } from '../sources/boundary.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../model/limits.js';
import { fixedLocator, type Locator } from '../parse/flatten.js';
import { parseYaml } from '../parse/yaml.js';
import { yamlComments, type YamlComment } from '../parse/yaml-comments.js';
import { slipOf } from '../wording/similar-keys.js';

export interface YamlFile {
  file: string;
  value: unknown;
  locator: Locator;
  /** The file's comments (see src/parse/yaml-comments.ts). */
  comments: YamlComment[];
  /** Each line's indentation, for telling which entry a comment belongs to. */
  indents: number[];
}

/** Reads one of our own YAML files (undrift.yaml, the contract) from inside the repository, within
 * `limits`; `shown` is how messages name it, `where` the setting that named it. Undefined when missing. */
export async function readYamlFile(repoRoot: string, shown: string, limits: Readonly<ReadLimits>, where = shown): Promise<YamlFile | undefined> {
  const text = readInside(repoRoot, shown, where, limits);
  return text === undefined ? undefined : yamlFileFromText(text, shown, limits);
}

/** One of our own YAML files from its text: undrift.yaml and a decisions file are read within the
 * default limits, the contract within the configuration's. */
export function yamlFileFromText(text: string, shown: string, limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS): YamlFile {
  const { docs, warnings } = parseYaml(text, shown, '1.2', limits);
  // A values file may set a key twice (the later wins, as Helm reads it: a warning). In undrift's
  // own files that silently drops a setting: a contract entry declared again further down replaced
  // the first, reason and all, and the scan said nothing.
  const repeated = warnings[0]?.replace(/; the later wins.*$/, '');
  if (repeated) throw new UserError(`${repeated}: one of them would be ignored; keep one`);
  if (docs.length > 1) throw new UserError(`${shown}: expected one YAML document, found ${docs.length}`);
  const doc = docs[0];
  return {
    file: shown,
    value: doc?.value ?? {},
    locator: doc?.locator ?? fixedLocator({ file: shown, line: 1, column: 1 }),
    comments: yamlComments(text),
    indents: text.split('\n').map((l) => (l.trim() === '' ? -1 : l.length - l.trimStart().length)),
  };
}

export function locate(file: YamlFile, path: ReadonlyArray<PropertyKey>): string {
  const { line } = locatorAt(file, path).location();
  return `${file.file}:${line}`;
}

/** Where a map entry's key is written, e.g. a contract entry's, rather than its value. */
export function keyLocation(file: YamlFile, parent: ReadonlyArray<PropertyKey>, key: string): RepoLocation {
  const at = locatorAt(file, parent);
  const { line, column } = at.keyLocation?.(key) ?? at.at(key).location();
  return { file: file.file, line, column };
}

/** `file:line` of a map entry's key. */
export function locateKey(file: YamlFile, parent: ReadonlyArray<PropertyKey>, key: string): string {
  const { line } = keyLocation(file, parent, key);
  return `${file.file}:${line}`;
}

/** `undrift.yaml:5:12: environments.production.files[0]`: a setting named as messages name it. */
export function settingAt(file: YamlFile, path: ReadonlyArray<PropertyKey>): string {
  const { line, column } = locatorAt(file, path).location();
  return located(file.file, line, column, formatPath(path));
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Validates with zod; the first problem becomes a one-line UserError naming file:line:column and
 * the offending path. */
export function validate<T extends z.ZodType>(file: YamlFile, schema: T): z.infer<T> {
  const result = schema.safeParse(file.value);
  if (result.success) return result.data;
  // A misspelt setting (`fils:`) also makes the one it stands for missing: name the misspelling,
  // which is the fix, rather than the absence it causes.
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0]!;
  const where = [...issue.path];
  let { line, column } = locatorAt(file, where).location();
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const meant = slipOf(issue.keys[0]!, settingsAt(schema, where));
    message = `unknown setting "${issue.keys[0]}"${meant ? ` (did you mean "${meant}"?)` : ''}`;
    const key = locatorAt(file, where).keyLocation?.(issue.keys[0]!);
    if (key) ({ line, column } = key);
  }
  const shown = where.length > 0 ? `${formatPath(where)}: ${message}` : message;
  throw new UserError(located(file.file, line, column, shown));
}

/** The settings a schema allows at a path of the value: an object's keys, through records,
 * arrays, optional and default wrappers and the objects a union may be. */
function settingsAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  type Def = {
    type: string;
    shape?: Record<string, z.ZodType>;
    valueType?: z.ZodType;
    element?: z.ZodType;
    innerType?: z.ZodType;
    in?: z.ZodType;
    out?: z.ZodType;
    options?: z.ZodType[];
  };
  const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
  const unwrap = (s: z.ZodType): z.ZodType[] => {
    const def = defOf(s);
    if (def.innerType) return unwrap(def.innerType);
    // A preprocess is a pipe from a transform into the schema it feeds.
    if (def.type === 'pipe') return [def.in, def.out].filter((p) => p !== undefined).flatMap(unwrap);
    if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
    return [s];
  };
  let at = unwrap(schema);
  for (const segment of path) {
    at = at.flatMap((s) => {
      const def = defOf(s);
      const next =
        def.type === 'object' ? def.shape?.[String(segment)] : def.type === 'record' ? def.valueType : def.type === 'array' ? def.element : undefined;
      return next ? unwrap(next) : [];
    });
  }
  return [...new Set(at.flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
}

export function locatorAt(file: YamlFile, path: ReadonlyArray<PropertyKey>): Locator {
  let locator = file.locator;
  for (const segment of path) locator = locator.at(typeof segment === 'number' ? segment : String(segment));
  return locator;
}
