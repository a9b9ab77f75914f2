import jsyaml from 'js-yaml';
import { LimitError, UserError } from '../errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../model/limits.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from './fingerprint.js';
import { fixedLocator } from './flatten.js';
import type { FileValues } from './format.js';
import { flattenDocuments } from './manifests.js';
import { documentsNotMaps, shapeProblem, tooDeep } from './value-shape.js';
import { MERGE_WORK_FOR_JSYAML } from './yaml-cost.js';
import { YAML_11_RULES, YAML_12_RULES, type ScalarRule } from './yaml-scalars.js';
import type { YamlVersion } from './yaml.js';

// YAML read with js-yaml, 8–10× faster than the `yaml` library but with no line and column per
// value: what history reads its many versions with, and what the interactive view's first screen
// reads the current files with (their lines follow from the full read). These schemas give
// js-yaml the scalar rules the `yaml` parse uses (one definition, yaml-scalars.ts), so both read
// every key and value alike. `json: true` makes it keep the later of repeated keys, as the scan
// (and Helm) do.

// `types` is exported by js-yaml 4 but missing from its type definitions.
const t = (jsyaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float' | 'timestamp' | 'merge', jsyaml.Type> }).types;
/** One js-yaml type per tag (js-yaml keeps only the last type of a tag) trying the rules in order. */
function typesOf(rules: readonly ScalarRule[]): jsyaml.Type[] {
  return (['bool', 'int', 'float'] as const).map((tag) => {
    const mine = rules.filter((r) => r.tag === tag);
    return new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
      kind: 'scalar',
      resolve: (s: string) => mine.some((r) => r.test.test(s)),
      construct: (s: string) => mine.find((r) => r.test.test(s))!.construct(s),
    });
  });
}
export const IMPLICIT_12 = [t.null, ...typesOf(YAML_12_RULES), t.merge];
export const IMPLICIT_11 = [t.null, ...typesOf(YAML_11_RULES), t.timestamp, t.merge];
export const SCHEMA_12 = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: IMPLICIT_12 });
export const SCHEMA_11 = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: IMPLICIT_11 });

export const schemaOf = (version: YamlVersion): jsyaml.Schema => (version === '1.1' ? SCHEMA_11 : SCHEMA_12);

/** Every document of a whole YAML text as js-yaml builds it (null documents left out), with the
 * nesting and the aliases' expansion bounded as the scan bounds them. */
export function loadYamlDocuments(text: string, file: string, schema: jsyaml.Schema, limits: Readonly<ReadLimits>): unknown[] {
  const source = text.replace(/!!merge\s+<</g, '<<'); // js-yaml does not take the tagged merge key
  // js-yaml's own depth bound (100 by default) set past the nesting limit: shapeProblem decides.
  const maxDepth = limits.nesting + 2;
  let docs: unknown[];
  try {
    docs = jsyaml
      .loadAll(source, undefined, { schema, filename: file, json: true, maxDepth, maxTotalMergeKeys: MERGE_WORK_FOR_JSYAML } as jsyaml.LoadOptions)
      .filter((d) => d !== null && d !== undefined);
  } catch (e) {
    if (/nesting exceeded maxDepth/.test((e as Error).message)) throw new LimitError(file, undefined, tooDeep(limits));
    throw e;
  }
  // js-yaml shares one object between an anchor and its aliases: an alias bomb costs nothing
  // until flattening expands it. Measured first, such a document is refused here.
  for (const doc of docs) {
    const problem = shapeProblem(doc, limits);
    if (problem) throw new LimitError(file, undefined, problem);
  }
  return docs;
}

/** A YAML file's values as the scan reads them, each located only by its file (line 0): no
 * lines, no repeated-key warnings, no source text beside a value. What a caller that reads the
 * file in full later can show first. Throws on anything the full read would report: the caller
 * reads it in full to say what. */
export function readYamlValues(
  text: string,
  file: string,
  version: YamlVersion,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
  forceManifests = false,
): FileValues {
  const docs = loadYamlDocuments(text, file, schemaOf(version), limits);
  const notMaps = forceManifests ? undefined : documentsNotMaps(docs, file);
  if (notMaps) throw new UserError(notMaps);
  const unlocated = fixedLocator({ file, line: 0, column: 0 });
  const read = flattenDocuments(
    docs.map((value) => ({ value, locator: unlocated })),
    file,
    forceManifests,
    fingerprint,
  );
  return read;
}
