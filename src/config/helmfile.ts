import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { LimitError } from '../errors.js';
import { DEFAULT_READ_LIMITS } from '../model/limits.js';
import type { EnvName } from '../model/types.js';
import { parseYaml } from '../parse/yaml.js';
import { mayPassReadLimits } from '../parse/yaml-cost.js';
import { identitySegment } from '../parse/keypath.js';
import type { Mount } from '../parse/mount.js';
import { isMap } from '../model/is-map.js';

/** One environment's stack from a helmfile: its `environments.<env>.values` files at the top, then
 * each release's values files under the release (`releases[name=api].`). */
export interface HelmfileStack {
  files: string[];
  mounts: Array<Mount | null>;
}

/** What a helmfile names per environment, and the values entries it names that are not read (with
 * the helmfile's line and why). */
export interface HelmfileStacks {
  environments: Map<EnvName, HelmfileStack>;
  notes: string[];
}

const TOKEN = /__undrift_template_(\d+)__/g;

/** The text with each `{{ … }}` replaced by a numbered token (as `withoutTemplates` cuts them), the
 * templates' texts, and the original line of an offset in the new text (a template may span lines). */
export function markTemplates(text: string): { text: string; templates: string[]; lineAt: (offset: number) => number } {
  let out = '';
  let from = 0;
  const templates: string[] = [];
  /** Per template: where its token starts in `out`, and the line breaks it held. */
  const breaks: Array<[number, number]> = [];
  for (let open = text.indexOf('{{'); open >= 0;) {
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    if (text[close + 1] === '}') {
      out += text.slice(from, open);
      const template = text.slice(open, close + 2);
      breaks.push([out.length, template.split('\n').length - 1]);
      out += `__undrift_template_${templates.length}__`;
      templates.push(template);
      from = close + 2;
      open = text.indexOf('{{', from);
    } else open = text.indexOf('{{', close + 1);
  }
  out += text.slice(from);
  const lineStarts = [0];
  for (let i = out.indexOf('\n'); i >= 0; i = out.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let line = lo + 1;
    for (const [at, count] of breaks) if (at < offset) line += count;
    return line;
  };
  return { text: out, templates, lineAt };
}

/** A template's expression: `{{ .Environment.Name }}` → `.Environment.Name` (trim markers dropped). */
const expressionOf = (template: string) => template.slice(2, -2).replace(/^-\s/, '').replace(/\s-$/, '').trim();

/** A key path of `.Values` (or `.StateValues`) helmfile resolves from the environment's values. */
const VALUES_PATH = /^\.(?:State)?Values((?:\.[A-Za-z_][\w-]*)+)$/;

/**
 * The environments a helmfile declares (`environments: {staging: {values: [...]}}`), each with its
 * stack: its values files (relative to the helmfile, those that exist) in order, then each release's
 * `values:` files for that environment, mounted under the release (`releases[name=api].`), as
 * helmfile passes them to the release's chart. A path templated with `{{ .Environment.Name }}` is
 * read per environment, one with `{{ .Values.x }}` from the environment's values (`valuesOf` reads a
 * values file); any other template, an inline map and a `.gotmpl` file are not read, and a note
 * names the helmfile's line. Undefined when the file declares no environments or cannot be read as
 * YAML within the read limits (the `yaml` library's syntax tree costs about a kilobyte per item: a
 * text that may pass the limits is read by undrift's bounded reader first, and passed over when it
 * does).
 */
export function helmfileStacks(
  text: string,
  file: string,
  exists: (file: string) => boolean,
  valuesOf: (file: string) => unknown = () => undefined,
): HelmfileStacks | undefined {
  const dir = path.posix.dirname(file);
  const marked = markTemplates(text);
  let docs;
  try {
    // Go templates make many helmfiles invalid YAML as a whole; each document is tried alone.
    if (mayPassReadLimits(Buffer.from(marked.text), DEFAULT_READ_LIMITS)) {
      try {
        parseYaml(marked.text, file, '1.2', DEFAULT_READ_LIMITS);
      } catch (e) {
        // Past a limit it is not read; any other error is the library's to meet per document.
        if (e instanceof LimitError) return undefined;
      }
    }
    docs = parseAllDocuments(marked.text, { uniqueKeys: false });
  } catch {
    return undefined;
  }
  const notes = new Set<string>();
  const where = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? `${file}:${marked.lineAt(range[0])}` : file;
  };
  // As written, on one line (a note is one line, and init writes it as a comment).
  const shown = (entry: string) => entry.replace(TOKEN, (_m, i: string) => marked.templates[Number(i)]!.replace(/\s*\n\s*/g, ' '));
  type Entry = { text: unknown; node: unknown };
  const declared = new Map<EnvName, Entry[]>();
  const releases: Array<{ name: string; entries: Entry[] }> = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (doc.errors.length > 0) continue;
    const value = doc.toJS() as { environments?: Record<string, { values?: unknown[] } | null>; releases?: unknown[] } | null;
    const environments = value?.environments;
    if (environments && typeof environments === 'object')
      for (const [env, spec] of Object.entries(environments)) {
        if (env === 'default' || env.includes('__undrift_template_')) continue;
        const list = declared.get(env) ?? [];
        (Array.isArray(spec?.values) ? spec.values : []).forEach((text, i) => list.push({ text, node: doc.getIn(['environments', env, 'values', i], true) }));
        declared.set(env, list);
      }
    (Array.isArray(value?.releases) ? value.releases : []).forEach((release: unknown, r) => {
      const spec = release as { name?: unknown; values?: unknown[] } | null;
      if (!spec || typeof spec.name !== 'string' || !Array.isArray(spec.values) || spec.values.length === 0) return;
      if (spec.name.includes('__undrift_template_')) {
        notes.add(`${where(doc.getIn(['releases', r, 'name'], true))}: release ${shown(spec.name)}: a templated name, so its values are not read`);
        return;
      }
      releases.push({ name: spec.name, entries: spec.values.map((text, i) => ({ text, node: doc.getIn(['releases', r, 'values', i], true) })) });
    });
  }
  /** The entry's path for `env`, or why it is not read. */
  const resolve = (entry: string, env: EnvName, values: () => Record<string, unknown>): string | { why: string } => {
    let why: string | undefined;
    const resolved = entry.replace(TOKEN, (_m, i: string) => {
      const expression = expressionOf(marked.templates[Number(i)]!);
      if (expression === '.Environment.Name') return env;
      const at = VALUES_PATH.exec(expression);
      if (at) {
        let v: unknown = values();
        for (const key of at[1]!.slice(1).split('.')) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
        why ??= `${expression} is not set in ${env}'s environment values`;
        return '';
      }
      why ??= 'templated beyond .Environment.Name and .Values, which undrift does not evaluate';
      return '';
    });
    return why ? { why } : resolved;
  };
  const found = new Map<EnvName, HelmfileStack>();
  for (const [env, entries] of declared) {
    const stack: HelmfileStack = { files: [], mounts: [] };
    const add = (f: string, mount: Mount | null) => {
      if (!exists(f)) return;
      stack.files.push(f);
      stack.mounts.push(mount);
    };
    for (const entry of entries) {
      if (typeof entry.text !== 'string') continue; // an inline map names no file
      const resolved = resolve(entry.text, env, () => ({}));
      if (typeof resolved === 'string') {
        const f = path.posix.normalize(path.posix.join(dir, resolved));
        if (!stack.files.includes(f)) add(f, null);
      } else notes.add(`${where(entry.node)}: environments.${env}.values entry "${shown(entry.text)}" is not read: ${resolved.why}`);
    }
    // `.Values` in a release's entries: the environment's values, merged as helmfile merges them.
    let merged: Record<string, unknown> | undefined;
    const values = () => (merged ??= mergeValues(stack.files.map(valuesOf)));
    for (const release of releases) {
      const mount: Mount = { under: `releases${identitySegment('name', release.name)}` };
      for (const entry of release.entries) {
        if (typeof entry.text !== 'string') {
          notes.add(`${where(entry.node)}: release ${release.name}'s inline values are not read (only values files are)`);
          continue;
        }
        const resolved = resolve(entry.text, env, values);
        if (typeof resolved !== 'string') {
          notes.add(`${where(entry.node)}: release ${release.name}'s values entry "${shown(entry.text)}" is not read: ${resolved.why}`);
          continue;
        }
        if (/\.gotmpl$/.test(resolved)) {
          notes.add(
            `${where(entry.node)}: release ${release.name}'s values entry "${shown(entry.text)}" is a template helmfile renders, which undrift does not: not read`,
          );
          continue;
        }
        add(path.posix.normalize(path.posix.join(dir, resolved)), mount);
      }
    }
    if (stack.files.length > 0) found.set(env, stack);
  }
  return found.size > 0 ? { environments: found, notes: [...notes] } : undefined;
}

/** Values files' maps merged as helmfile merges an environment's values: a later map's keys over
 * an earlier's, maps merged key by key. */
function mergeValues(maps: unknown[]): Record<string, unknown> {
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = isMap(v) && isMap(out[k]) ? merge(out[k], v) : v;
    return out;
  };
  return maps.filter(isMap).reduce<Record<string, unknown>>((acc, m) => merge(acc, m), {});
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
