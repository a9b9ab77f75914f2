import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { LimitError } from '../errors.js';
import { DEFAULT_READ_LIMITS } from '../model/limits.js';
import type { EnvName } from '../model/types.js';
import { parseYaml } from '../parse/yaml.js';
import { mayPassReadLimits } from '../parse/yaml-cost.js';

/** The environments a helmfile declares (`environments: {staging: {values: [...]}}`), each with
 * its values files (relative to the helmfile, those that exist), in order; `{{ }}` templated
 * paths and inline maps are skipped, as they name no file to read. Undefined when the file
 * declares no environments or cannot be read as YAML within the read limits (the `yaml`
 * library's syntax tree costs about a kilobyte per item: a text that may pass the limits is read
 * by undrift's bounded reader first, and passed over when it does). */
export function helmfileEnvironments(text: string, file: string, exists: (file: string) => boolean): Map<EnvName, string[]> | undefined {
  const dir = path.posix.dirname(file);
  const found = new Map<EnvName, string[]>();
  let docs;
  try {
    // Go templates make many helmfiles invalid YAML as a whole; each document is tried alone.
    const untemplated = withoutTemplates(text);
    if (mayPassReadLimits(Buffer.from(untemplated), DEFAULT_READ_LIMITS)) {
      try {
        parseYaml(untemplated, file, '1.2', DEFAULT_READ_LIMITS);
      } catch (e) {
        // Past a limit it is not read; any other error is the library's to meet per document.
        if (e instanceof LimitError) return undefined;
      }
    }
    docs = parseAllDocuments(untemplated, { uniqueKeys: false });
  } catch {
    return undefined;
  }
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (doc.errors.length > 0) continue;
    const value = doc.toJS() as { environments?: Record<string, { values?: unknown[] } | null> } | null;
    const environments = value?.environments;
    if (!environments || typeof environments !== 'object') continue;
    for (const [env, spec] of Object.entries(environments)) {
      if (env === 'default') continue;
      const files = (Array.isArray(spec?.values) ? spec.values : [])
        .filter((v): v is string => typeof v === 'string' && !v.includes('TEMPLATE'))
        .map((v) => path.posix.normalize(path.posix.join(dir, v)))
        .filter(exists);
      const list = found.get(env) ?? [];
      for (const f of files) if (!list.includes(f)) list.push(f);
      found.set(env, list);
    }
  }
  for (const [env, files] of found) if (files.length === 0) found.delete(env);
  return found.size > 0 ? found : undefined;
}

/**
 * The text with each `{{ … }}` (no `}` inside) replaced by TEMPLATE, as `/\{\{[^}]*\}\}/g` would,
 * in one pass: that pattern, tried from each `{` of a run of them never closed, scanned the rest
 * of the run each time (300,000 `{` took 36 s).
 */
export function withoutTemplates(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('{{'); open >= 0;) {
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    if (text[close + 1] === '}') {
      out += `${text.slice(from, open)}TEMPLATE`;
      from = close + 2;
      open = text.indexOf('{{', from);
    } else {
      // Every `{{` before this `}` meets it first, unclosed: none of them starts a template.
      open = text.indexOf('{{', close + 1);
    }
  }
  return out + text.slice(from);
}
