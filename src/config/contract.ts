import { z } from 'zod';
import { UserError, located } from '../errors.js';
import { calendarDateProblem } from './calendar-date.js';
import { globMatcher, safeRegex, type Matcher } from './safe-match.js';
import type { EnvName, RepoLocation } from '../model/types.js';
import { scalarText, type Locator } from '../parse/flatten.js';
import type { ReadLimits } from '../model/limits.js';
import { keyLocation, locateKey, locatorAt, readYamlFile, validate, type YamlFile } from './yaml-file.js';

/** What one environment may hold for a declared key. `also` holds a number or boolean's text as
 * written where YAML reads it otherwise (`1.0` is 1): a .env or .properties file keeps `1.0` as
 * text, and the contract's author meant what they wrote as much as what YAML made of it. */
/** `absent` is set where the value is written as YAML's null (`~`, `null`): the environment may
 * hold no value at all (`SENTRY_DSN: {dev: ~, production: https://…}`), as Helm reads a null. */
export type Allowed =
  | { kind: 'exact'; text: string; also?: string[]; absent?: true }
  | { kind: 'any' }
  | { kind: 'one_of'; texts: string[]; also?: string[]; absent?: true }
  | { kind: 'regex'; re: Matcher }
  /** `live_differences:` only: the value the live change that set it left, known by that change
   * (the managedFields entry owning the field: its manager and time), never by the value. A
   * Secret's acceptance that holds in every clone, where a fingerprint is keyed per clone. */
  | { kind: 'change'; time: string; manager: string };

/** Whether `allowed` lets the environment hold no value (`any`, or a null written among its values). */
export function allowsAbsence(allowed: Allowed): boolean {
  return allowed.kind === 'any' || ((allowed.kind === 'exact' || allowed.kind === 'one_of') && allowed.absent === true);
}

/** Whether `text` is one of the values `allowed` lists (exact or one of), as read or as written. */
export function listsText(allowed: Allowed, text: string): boolean {
  if (allowed.kind === 'exact') return text === allowed.text || (allowed.also?.includes(text) ?? false);
  if (allowed.kind === 'one_of') return allowed.texts.includes(text) || (allowed.also?.includes(text) ?? false);
  return false;
}

export interface ContractEntry {
  /** The key or glob as written. */
  pattern: string;
  /** Set for globs (`*_URL`, `resources.*`); exact keys have none. */
  glob?: Matcher;
  allowed: Map<EnvName, Allowed>;
  reason?: string;
  owner?: string;
  /** YYYY-MM-DD */
  expires?: string;
  /** `file:line` of the entry. */
  location: string;
  /** Where the entry's key is written. */
  at: RepoLocation;
  /** The comments written in the entry or right above it ("# prod-only: never copy down"). */
  notes?: string[];
}

/** A comment anywhere in the contract file, where it is written. */
export interface ContractNote {
  text: string;
  location: string;
}

/** A key (or glob) the contract says is never compared: `PATH`, `HOSTNAME`, `*_PID`. */
export interface IgnoreRule {
  pattern: string;
  matcher: Matcher;
  /** `file:line` of the `ignore:` list. */
  location: string;
}

export interface Contract {
  file: string | null;
  entries: ContractEntry[];
  /** `live_differences:`: per key, the live value each environment runs that a person accepted
   * while the repo says otherwise (a hand edit left as it runs, its question recorded). Each
   * environment's `allowed` is that one value, exactly, or the live change that set it (a Secret's:
   * `{changed, by}`, its managedFields entry; its fingerprint where the live state had none). */
  live?: ContractEntry[];
  /** Keys never compared, in the repo or live (an env dump's `PATH`, a probe's timestamps). */
  ignore?: IgnoreRule[];
  /** Every comment of the file: a note may name a key that has no entry ("never declare X"). */
  notes?: ContractNote[];
}

/** The contract tells undrift to leave this key alone. */
export function isIgnored(contract: Contract, key: string): boolean {
  return contract.ignore?.some((rule) => rule.matcher.test(key)) ?? false;
}

const META_FIELDS = new Set(['reason', 'owner', 'expires']);

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const allowedSpec = z.union(
  [
    scalar,
    z.array(scalar).min(1),
    z.object({ any: z.literal(true) }).strict(),
    z.object({ one_of: z.array(scalar).min(1) }).strict(),
    z.object({ regex: z.string().min(1) }).strict(),
  ],
  'expected a value, `any`, a /regex/, a list of values, {one_of: [...]} or {regex: "..."}',
);
// `KEY: any` reads as "anything, everywhere": that is a key never compared, which `ignore:` holds.
const entrySchema = z.record(
  z.string(),
  z.unknown(),
  'expected a map of environment → allowed value (plus reason, owner, expires); a key any environment may set to anything goes under `ignore:`',
);
const acceptanceSchema = z.record(z.string(), z.unknown(), 'expected a map of environment → accepted live value (plus reason, owner, expires)');
const contractSchema = z
  .object(
    {
      expected_differences: z.record(z.string(), entrySchema).nullish(),
      live_differences: z.record(z.string(), acceptanceSchema).nullish(),
      ignore: z.array(z.string().min(1), 'expected a list of keys or globs never to compare').nullish(),
    },
    'expected a map with `expected_differences:` (and optionally `live_differences:` and `ignore:`)',
  )
  .strict();

const text = (v: unknown): string => scalarText(v).text ?? 'null';

/** The texts as written of the scalars at `at` (one, or a list's items) that YAML reads as
 * something else: `1.0`, `0.50`, `True`, `010`. */
function writtenOtherwise(at: Locator, values: readonly unknown[], list: boolean): string[] {
  const out: string[] = [];
  values.forEach((v, i) => {
    const written = (list ? at.at(i) : at).sourceText?.();
    if (written !== undefined && written !== text(v) && !out.includes(written)) out.push(written);
  });
  return out;
}

function oneOf(values: readonly unknown[], also: string[]): Allowed {
  const texts = values.map(text);
  return { kind: 'one_of', texts, ...(also.length > 0 ? { also } : {}), ...(values.includes(null) ? { absent: true as const } : {}) };
}

function parseAllowed(spec: z.infer<typeof allowedSpec>, where: string, at: Locator): Allowed {
  if (Array.isArray(spec)) return oneOf(spec, writtenOtherwise(at, spec, true));
  if (spec === null) return { kind: 'exact', text: 'null', absent: true };
  if (typeof spec === 'object') {
    if ('any' in spec) return { kind: 'any' };
    if ('one_of' in spec) return oneOf(spec.one_of, writtenOtherwise(at.at('one_of'), spec.one_of, true));
    return { kind: 'regex', re: compileRegex(spec.regex, where) };
  }
  if (spec === 'any') return { kind: 'any' };
  if (typeof spec === 'string') {
    const literal = /^\/(.*)\/([imsu]*)$/s.exec(spec);
    if (literal) return { kind: 'regex', re: compileRegex(literal[1]!, where, literal[2]) };
  }
  const also = writtenOtherwise(at, [spec], false);
  return also.length > 0 ? { kind: 'exact', text: text(spec), also } : { kind: 'exact', text: text(spec) };
}

function compileRegex(source: string, where: string, flags = ''): Matcher {
  try {
    return safeRegex(source, flags);
  } catch (e) {
    throw new UserError(`${where}: invalid regular expression /${source}/: ${(e as Error).message}`);
  }
}

/** A key glob: `*` any run of characters (dots included), `?` one character. */
export const globToRegExp = globMatcher;

export function describeAllowed(allowed: Allowed): string {
  switch (allowed.kind) {
    case 'exact':
      return allowed.absent ? 'no value (~)' : allowed.text;
    case 'any':
      return 'any';
    case 'one_of':
      return `one of ${allowed.texts.map((t) => (allowed.absent && t === 'null' ? 'no value (~)' : t)).join(', ')}`;
    case 'regex':
      return String(allowed.re);
    case 'change':
      return `changed ${allowed.time} by ${allowed.manager}`;
  }
}

/** The contract's two sections of entries: differences between environments, and live values
 * accepted against the repo. */
export type ContractSection = 'expected_differences' | 'live_differences';

// An accepted live value is the one value that runs: a text, a number or a boolean as read live.
const ACCEPTED_FORMS = 'expected the live value accepted, as it runs (one value), or the change that set it: {changed: <RFC 3339 time>, by: <field manager>}';
const acceptedSpec = z.union([z.string(), z.number(), z.boolean()], ACCEPTED_FORMS);

/** A managedFields time as undrift reads it (RFC 3339, UTC, second precision), or undefined for
 * text that is no such time. */
export function changeTime(written: unknown): string | undefined {
  const iso = written instanceof Date ? written.toISOString() : typeof written === 'string' ? written.trim() : undefined;
  if (iso === undefined || !/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(iso)) return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const CHANGE_FORM = '{changed: <RFC 3339 time>, by: <field manager>}';

/** An environment's acceptance written as the live change that set the value:
 * `{changed: 2026-11-21T10:00:00Z, by: kubectl-edit}`. */
function parseChange(file: YamlFile, where: string[], pattern: string, env: EnvName, spec: Record<string, unknown>): Allowed {
  const at = locateKey(file, where, env);
  if (!('changed' in spec) && !('by' in spec)) throw new UserError(`${at}: ${pattern}.${env}: ${ACCEPTED_FORMS}`);
  for (const field of Object.keys(spec))
    if (field !== 'changed' && field !== 'by')
      throw new UserError(`${locateKey(file, [...where, env], field)}: ${pattern}.${env}: unknown field "${field}" (an accepted change is ${CHANGE_FORM})`);
  if (!('changed' in spec) || !('by' in spec)) throw new UserError(`${at}: ${pattern}.${env}: an accepted change names both when and by whom: ${CHANGE_FORM}`);
  const time = changeTime(spec.changed);
  if (time === undefined)
    throw new UserError(
      `${locateKey(file, [...where, env], 'changed')}: ${pattern}.${env}.changed: expected an RFC 3339 time such as 2026-11-21T10:00:00Z (the managedFields entry's time)`,
    );
  const manager = spec.by;
  if (typeof manager !== 'string' || manager.trim() === '')
    throw new UserError(`${locateKey(file, [...where, env], 'by')}: ${pattern}.${env}.by: expected the field manager's name (kubectl-edit, helm, …)`);
  return { kind: 'change', time, manager };
}

function parseEntries(file: YamlFile, section: ContractSection, raw: Record<string, Record<string, unknown>>, environments: EnvName[]): ContractEntry[] {
  const entries: ContractEntry[] = [];
  for (const [pattern, fields] of Object.entries(raw)) {
    const where = [section, pattern];
    const at = keyLocation(file, [section], pattern);
    const location = `${at.file}:${at.line}`;
    const entry: ContractEntry = { pattern, allowed: new Map(), location, at };
    // An acceptance is of one key's value: a glob would accept a value for keys nobody looked at.
    if (section === 'expected_differences' && (pattern.includes('*') || pattern.includes('?'))) entry.glob = globToRegExp(pattern);
    for (const [field, spec] of Object.entries(fields)) {
      const at = locateKey(file, where, field);
      if (META_FIELDS.has(field)) {
        if (typeof spec !== 'string' && !(field === 'expires' && spec instanceof Date)) {
          throw new UserError(`${at}: ${pattern}.${field}: expected text`);
        }
        const value = spec instanceof Date ? spec.toISOString().slice(0, 10) : spec;
        // A date that is not on the calendar (2026-13-45) would keep a declaration in force forever.
        const problem = field === 'expires' ? calendarDateProblem(value) : undefined;
        if (problem) throw new UserError(`${at}: ${pattern}.expires: ${problem}`);
        entry[field as 'reason' | 'owner' | 'expires'] = value;
        continue;
      }
      if (!environments.includes(field)) {
        throw new UserError(
          `${at}: ${pattern} names unknown environment "${field}" (known: ${environments.join(', ')}; entries may also have reason, owner, expires)`,
        );
      }
      if (section === 'live_differences') {
        if (spec !== null && typeof spec === 'object' && !Array.isArray(spec) && !(spec instanceof Date)) {
          entry.allowed.set(field, parseChange(file, where, pattern, field, spec as Record<string, unknown>));
          continue;
        }
        const parsed = acceptedSpec.safeParse(spec);
        if (!parsed.success) throw new UserError(`${at}: ${pattern}.${field}: ${parsed.error.issues[0]!.message}`);
        // Taken as written: a live value may read like `any` or a /path/, and it is that text that runs.
        const locator = locatorAt(file, [...where, field]);
        const also = writtenOtherwise(locator, [parsed.data], false);
        entry.allowed.set(field, also.length > 0 ? { kind: 'exact', text: text(parsed.data), also } : { kind: 'exact', text: text(parsed.data) });
        continue;
      }
      const parsed = allowedSpec.safeParse(spec);
      if (!parsed.success) throw new UserError(`${at}: ${pattern}.${field}: ${parsed.error.issues[0]!.message}`);
      entry.allowed.set(field, parseAllowed(parsed.data, at, locatorAt(file, [...where, field])));
    }
    if (entry.allowed.size === 0) {
      throw new UserError(
        section === 'live_differences'
          ? `${location}: ${pattern} accepts no environment's live value (write e.g. \`${environments.at(-1) ?? 'production'}: "20"\`)`
          : `${location}: ${pattern} declares no environment's value (write e.g. \`${environments[0] ?? 'staging'}: any\`)`,
      );
    }
    entries.push(entry);
  }
  return entries;
}

export function parseContract(file: YamlFile, environments: EnvName[]): Contract {
  const data = validate(file, contractSchema);
  const entries = parseEntries(file, 'expected_differences', data.expected_differences ?? {}, environments);
  const live = parseEntries(file, 'live_differences', data.live_differences ?? {}, environments);
  attachComments(file, [...entries, ...live]);
  const notes = file.comments.filter((c) => c.text.length > 0).map((c) => ({ text: c.text, location: `${file.file}:${c.line}` }));
  const ignoreAt = data.ignore?.length ? locateKey(file, [], 'ignore') : '';
  const ignore = (data.ignore ?? []).map((pattern): IgnoreRule => ({ pattern, matcher: globToRegExp(pattern), location: ignoreAt }));
  return {
    file: file.file,
    entries,
    ...(live.length > 0 ? { live } : {}),
    ...(ignore.length > 0 ? { ignore } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Gives each entry the comments written inside it (indented deeper than its key, or after a value
 * on one of its lines) and the run of comment lines right above its key. */
function attachComments(file: YamlFile, entries: ContractEntry[]): void {
  const lineOf = (e: ContractEntry) => e.at.line;
  const sorted = [...entries].sort((a, b) => lineOf(a) - lineOf(b));
  const byLine = new Map(file.comments.map((c) => [c.line, c]));
  sorted.forEach((entry, i) => {
    const start = lineOf(entry);
    const end = i + 1 < sorted.length ? lineOf(sorted[i + 1]!) - 1 : file.indents.length;
    const indent = file.indents[start - 1] ?? 0;
    const notes: string[] = [];
    // Above: comment lines (blank lines allowed) up to the previous content line.
    const above: string[] = [];
    for (let line = start - 1; line >= 1; line--) {
      const c = byLine.get(line);
      if (c && !c.trailing && c.column <= indent) above.unshift(c.text);
      else if (file.indents[line - 1] !== -1) break;
    }
    notes.push(...above);
    for (let line = start; line <= end; line++) {
      const c = byLine.get(line);
      if (!c) continue;
      // A full-line comment at the key's own depth or shallower belongs to what follows.
      if (c.trailing || c.column > indent) notes.push(c.text);
      else break;
    }
    const kept = notes.filter((n) => n.length > 0);
    if (kept.length > 0) entry.notes = kept;
  });
}

/** Loads the contract. A missing file at the default path means "no declared differences";
 * a missing file the user named is an error. */
export async function loadContract(
  repoRoot: string,
  relPath: string,
  explicit: boolean,
  environments: EnvName[],
  limits: Readonly<ReadLimits>,
  where = relPath,
): Promise<Contract> {
  const file = await readYamlFile(repoRoot, relPath, limits, where);
  if (!file) {
    if (explicit) throw new UserError(located(relPath, undefined, undefined, 'the contract named in undrift.yaml does not exist'));
    return { file: null, entries: [] };
  }
  return parseContract(file, environments);
}
