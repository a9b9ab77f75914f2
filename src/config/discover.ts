import path from 'node:path';
import type { EnvName } from '../model/types.js';
import { keySegment } from '../parse/keypath.js';
import type { Mount } from '../parse/mount.js';

/** One conventional way of keeping per-environment config, as found in a repository. */
export interface Layout {
  /** How the layout is written with `<env>` in place of the names, e.g. `config/<env>.yaml`. */
  pattern: string;
  /** Each environment's stack of files, base first (a later file overrides an earlier one). */
  environments: Map<EnvName, string[]>;
  /** 0–1: how sure discovery is that these are environments (known environment names, a base
   * layered under each, files that share keys). */
  confidence: number;
  /** Files that looked like environments of this layout but were left out, and why. */
  notes: string[];
  /** A combination of layouts found (one stack per environment): how many it combines. It is not
   * a layout the user has, so counts of layouts found leave it out. */
  combines?: number;
  /** The format every file of the layout is read in, where its names do not say it: a helmfile's
   * environment values files (`env/staging.yaml`) are Helm values. */
  format?: 'helm';
  /** Per environment, where each file of its stack sits in its key space (index by index; null: at
   * the top): an umbrella chart's subcharts' own values.yaml under their keys. */
  mounts?: Map<EnvName, Array<Mount | null>>;
}

// Names that sit beside environment files but are not environments: shared files, examples, and
// the other files of a Rails/Spring/Helm config directory.
const NOT_ENVIRONMENTS = new Set([
  'example',
  'examples',
  'sample',
  'samples',
  'template',
  'templates',
  'default',
  'defaults',
  'base',
  'common',
  'shared',
  'global',
  'local',
  'custom-environment-variables',
  'expected-env-diff',
  'schema',
  'secrets',
  'undrift',
  'chart',
  'values',
  'database',
  'analytics',
  'application',
  'settings',
  'routes',
  'storage',
  'cable',
  'puma',
  'sidekiq',
  'newrelic',
  'credentials',
  'locales',
  'webpacker',
  'shakapacker',
  'boot',
  'environment',
  'environments',
  'initializers',
  'master',
  'features',
  'i18n',
  'logging',
  'logback',
  'log4j2',
  'bootstrap',
  'package',
  'package-lock',
  'tsconfig',
  'requirements',
  'kustomization',
  'docker-compose',
  'compose',
  'helmfile',
  'Chart',
  'chart-lock',
  'override',
  'overrides',
  'vars',
  'variables',
  'terraform',
  'backend',
  'providers',
  'versions',
  'main',
  'outputs',
  'crowdin',
  'codecov',
  'renovate',
  'dependabot',
  'mkdocs',
  'openapi',
  'swagger',
  'cypress',
  'jest',
  'babel',
  'eslint',
  'prettier',
  'lint',
  'ci',
  'mappings',
  'messages',
]);

// Upstream to downstream, for ordering environments when no promotion order is configured.
const CONVENTIONAL_ORDER = [
  'local',
  'dev',
  'develop',
  'development',
  'integration',
  'int',
  'test',
  'testing',
  'qa',
  'uat',
  'stage',
  'staging',
  'preprod',
  'pre-prod',
  'preproduction',
  'canary',
  'prod',
  'production',
  'live',
];
const ENV_WORDS = new Set([
  ...CONVENTIONAL_ORDER,
  'sandbox',
  'demo',
  'perf',
  'load',
  'dr',
  'review',
  'nonprod',
  'non-prod',
  'prd',
  'stg',
  'dev1',
  'dev2',
  'sit',
  'e2e',
  'ci-env',
]);

/** Whether a name reads as an environment: a usual environment word, alone or with a region or
 * team around it (`prod-eu`, `eu-west-staging`, `staging2`). */
export function looksLikeEnvironment(name: string): boolean {
  const lower = name.toLowerCase();
  if (ENV_WORDS.has(lower)) return true;
  return lower.split(/[-_.]/).some((part) => ENV_WORDS.has(part) || ENV_WORDS.has(part.replace(/\d+$/, '')));
}

interface Candidate {
  /** The layout's pattern. */
  pattern: string;
  env: string;
  /** The environment's own file (or directory). */
  entry: string;
  /** Files layered under it, base first (a chart's `values.yaml`, Rails' `settings.yml`). */
  bases: string[];
  /** Preference among layouts that find the same environments. */
  rank: number;
  /** Where the environment's own file goes among its other own files (Spring's `.properties` over
   * its `.yml`). */
  layer: number;
}

interface Rule {
  /** Matches a repo-relative path; group `env` is the environment, `dir` an optional prefix. */
  re: RegExp;
  pattern: (groups: Record<string, string>) => string;
  /** The config entry for the environment: the matched file (default) or a directory. */
  entry?: (file: string, groups: Record<string, string>) => string;
  /** Files layered under the environment's own, when the repository has them. */
  bases?: (groups: Record<string, string>) => string[];
  /** Helm: without a values.yaml beside it, the values.yaml of the one chart in a folder
   * beside it (`helm_deploy/<chart>/values.yaml` under `helm_deploy/values-dev.yaml`). */
  chartBeside?: boolean;
  /** A Helm chart's values: its subcharts' defaults (`charts/<sub>/values.yaml`) are the lowest layer. */
  helm?: boolean;
  /** Every base present is layered (Spring loads application.yml and application.properties),
   * not only the first. */
  everyBase?: boolean;
  /** Files of several extensions are one layout (Spring reads `application-staging.yml` and
   * `application-prod.properties` alike): the environment's own files, in the order loaded. */
  extensions?: string[];
  /** What the matched file must be, where its keys can be read: a Kubernetes object (a folder of
   * manifests), or plain values (`envs/<env>/values.yaml` beside no manifest). */
  holds?: 'objects' | 'values';
  /** The environment's name may hold dots (`values-stg.eu.yaml`, `application-prod.eu.yml`),
   * unless a later part names a variant of another environment's file (see VARIANT_WORDS). */
  dotted?: boolean;
}

// After a dot in a Helm or Spring file name, words that make the file a variant of the
// environment before the dot rather than an environment of its own: `values-prod.secrets.yaml`
// is prod's secrets (helm-secrets, sops), `values-prod.local.yaml` a local override,
// `application-prod.example.yml` an example. Such a file is left out with a note naming it.
const VARIANT_WORDS = new Set([
  'secret',
  'secrets',
  'enc',
  'encrypted',
  'dec',
  'decrypted',
  'sops',
  'vault',
  'local',
  'override',
  'overrides',
  'example',
  'sample',
  'template',
  'tpl',
  'gotmpl',
  'dist',
  'bak',
  'backup',
  'old',
  'orig',
  'copy',
  'tmp',
]);

/** The word after a dot that makes a dotted name a variant of another environment's file. */
function variantWord(env: string): string | undefined {
  return env
    .toLowerCase()
    .split('.')
    .slice(1)
    .find((part) => VARIANT_WORDS.has(part) || NOT_ENVIRONMENTS.has(part));
}

const g = (groups: Record<string, string>, name: string) => groups[name] ?? '';

const RULES: Rule[] = [
  // Rails `config` gem: settings.yml under settings/<env>.yml.
  {
    re: /^(?<dir>(?:.*\/)?)config\/settings\/(?<env>[^/]+)\.(?<ext>ya?ml)$/,
    pattern: (m) => `${g(m, 'dir')}config/settings/<env>.${g(m, 'ext')}`,
    bases: (m) => [`${g(m, 'dir')}config/settings.${g(m, 'ext')}`],
  },
  {
    re: /^(?<dir>(?:.*\/)?)config\/(?<env>[^/]+)\.(?<ext>ya?ml|json)$/,
    pattern: (m) => `${g(m, 'dir')}config/<env>.${g(m, 'ext')}`,
    bases: (m) => [`${g(m, 'dir')}config/default.${g(m, 'ext')}`],
  },
  // Helm: values-<env>.yaml (or values.<env>.yaml) beside the chart's values.yaml, anywhere.
  {
    re: /^(?<dir>(?:.*\/)?)values(?<sep>[-.])(?<env>[^/]+)\.(?<ext>ya?ml)$/,
    pattern: (m) => `${g(m, 'dir')}values${g(m, 'sep')}<env>.${g(m, 'ext')}`,
    bases: (m) => [`${g(m, 'dir')}values.yaml`, `${g(m, 'dir')}values.yml`],
    chartBeside: true,
    helm: true,
    dotted: true,
  },
  {
    re: /^(?<dir>(?:.*\/)?)values\/(?<env>[^/]+)\.(?<ext>ya?ml)$/,
    pattern: (m) => `${g(m, 'dir')}values/<env>.${g(m, 'ext')}`,
    bases: (m) => [`${g(m, 'dir')}values.yaml`, `${g(m, 'dir')}values/values.yaml`],
    helm: true,
  },
  // Argo CD / Flux app-of-apps: apps/<app>/<env>/values.yaml, one layout per app.
  {
    re: /^(?<dir>(?:.*\/)?)(?<apps>apps|applications|services)\/(?<app>[^/]+)\/(?<env>[^/]+)\/values\.(?<ext>ya?ml)$/,
    pattern: (m) => `${g(m, 'dir')}${g(m, 'apps')}/${g(m, 'app')}/<env>/values.${g(m, 'ext')}`,
    bases: (m) => [`${g(m, 'dir')}${g(m, 'apps')}/${g(m, 'app')}/values.yaml`, `${g(m, 'dir')}${g(m, 'apps')}/${g(m, 'app')}/base/values.yaml`],
  },
  // Spring Boot: application-<env>.yml (or .properties) over application.yml and
  // application.properties (which wins over the .yml beside it, as Spring loads them).
  {
    re: /^(?<dir>(?:.*\/)?)application-(?<env>[^/]+)\.(?<ext>ya?ml|properties)$/,
    pattern: (m) => `${g(m, 'dir')}application-<env>.${g(m, 'ext')}`,
    dotted: true,
    bases: (m) => [`${g(m, 'dir')}application.yml`, `${g(m, 'dir')}application.yaml`, `${g(m, 'dir')}application.properties`],
    everyBase: true,
    extensions: ['yml', 'yaml', 'properties'],
  },
  { re: /^(?<dir>(?:.*\/)?)\.env\.(?<env>[^/]+)$/, pattern: (m) => `${g(m, 'dir')}.env.<env>`, bases: (m) => [`${g(m, 'dir')}.env`] },
  { re: /^(?<dir>(?:.*\/)?)(?<env>[^/.]+)\.env$/, pattern: (m) => `${g(m, 'dir')}<env>.env` },
  // Terraform: environments/<env>/*.tfvars, or environments/<stack>/<env>.tfvars (one layout
  // per stack); which reading is right is decided by which names read as environments.
  {
    re: /^(?<dir>(?:.*\/)?)(?<envs>environments|envs|env)\/(?<env>[^/]+)\/[^/]+\.(?<ext>tfvars(?:\.json)?)$/,
    pattern: (m) => `${g(m, 'dir')}${g(m, 'envs')}/<env>/*.tfvars`,
  },
  // Terraform loads `terraform.tfvars` by itself before the `-var-file` named: the one beside the
  // env files (the root module), else the one a folder up (`infra/envs/prod.tfvars` passed to a
  // root module in `infra/`), is the shared base under each environment's file.
  {
    re: /^(?<dir>(?:.*\/)?)(?<env>[^/]+)\.(?<ext>tfvars(?:\.json)?)$/,
    pattern: (m) => `${g(m, 'dir')}<env>.tfvars`,
    bases: (m) => {
      const dir = g(m, 'dir');
      const up = dir === '' ? undefined : dir.replace(/[^/]+\/$/, '');
      return [dir, ...(up === undefined ? [] : [up])].flatMap((d) => [`${d}terraform.tfvars`, `${d}terraform.tfvars.json`]);
    },
  },
  // Directories of manifests: Kustomize overlays and per-environment folders.
  {
    re: /^(?<dir>(?:.*\/)?)(?<kind>overlays|envs|environments|deploy|deployments|clusters)\/(?<env>[^/]+)\/.+\.(?<ext>ya?ml|json)$/,
    pattern: (m) => `${g(m, 'dir')}${g(m, 'kind')}/<env>/`,
    entry: (file, m) => `${g(m, 'dir')}${g(m, 'kind')}/${g(m, 'env')}`,
    holds: 'objects',
  },
  // Per-environment folders of plain values files (envs/<env>/values.yaml): a directory entry is
  // read as manifests, so each environment's file is named instead.
  {
    re: /^(?<dir>(?:.*\/)?)(?<kind>envs|environments|deploy|deployments|clusters)\/(?<env>[^/]+)\/(?<name>[^/]+)\.(?<ext>ya?ml|json)$/,
    pattern: (m) => `${g(m, 'dir')}${g(m, 'kind')}/<env>/${g(m, 'name')}.${g(m, 'ext')}`,
    holds: 'values',
  },
];

/** Whether a file read for its top-level keys is a Kubernetes object or a kustomization (unknown
 * when it could not be read: a multi-document file, a directory). */
function holdsObject(file: string, keysOf: ((file: string) => Set<string> | undefined) | undefined): boolean | undefined {
  if (/(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/.test(file)) return true;
  const keys = keysOf?.(file);
  return keys === undefined ? undefined : keys.has('apiVersion') && keys.has('kind');
}

/** Finds every conventional layout in the file list, best first: the most sure, then the most
 * environments, then the order of the conventions above. `keysOf` gives a file's top-level
 * keys when it can be read (a file sharing no key with its siblings is not an environment). */
export function discoverLayouts(
  files: string[],
  keysOf?: (file: string) => Set<string> | undefined,
  subchartKeys?: (chartDir: string, sub: string) => string[],
): Layout[] {
  const present = new Set(files);
  const chartsIn = new Map<string, string[]>(); // folder → the charts directly below it
  for (const file of files) {
    const m = /^(?<dir>(?:.*\/)?)(?<chart>[^/]+)\/Chart\.yaml$/.exec(file);
    if (m && present.has(`${m.groups!.dir}${m.groups!.chart}/values.yaml`))
      chartsIn.set(m.groups!.dir!, [...(chartsIn.get(m.groups!.dir!) ?? []), m.groups!.chart!]);
  }
  // Candidates by layout: its pattern, or for a rule of several extensions the pattern with the
  // extension left open.
  const byPattern = new Map<string, Candidate[]>();
  const notes = new Map<string, string[]>();
  for (const file of files) {
    RULES.forEach((rule, rank) => {
      const m = rule.re.exec(file);
      const groups = (m?.groups ?? {}) as Record<string, string>;
      const env = groups.env;
      if (!m || !env) return;
      if (rule.holds) {
        const object = holdsObject(file, keysOf);
        if (rule.holds === 'objects' ? object === false : object !== false) return;
      }
      const ownPattern = rule.pattern(groups);
      const pattern = rule.extensions ? ownPattern.replace(/\.[^./]+$/, '.*') : ownPattern;
      const word = env.toLowerCase().split('.')[0]!;
      if (NOT_ENVIRONMENTS.has(env) || NOT_ENVIRONMENTS.has(env.toLowerCase()) || NOT_ENVIRONMENTS.has(word)) {
        note(notes, pattern, `${file}: "${env}" names a shared or non-environment file, so it is not an environment`);
        return;
      }
      // A variant word after a dot is read in every layout, dotted names or not: `config/prod.secrets.yaml`
      // beside `config/prod.yaml` is prod's secrets, not an environment "prod.secrets" between dev and prod.
      const variant = env.includes('.') ? variantWord(env) : undefined;
      if (variant) {
        const own = env.slice(0, env.indexOf('.'));
        note(
          notes,
          pattern,
          `${file}: ".${variant}" after the dot reads as a variant of ${own}'s file (secrets, a local override, an example), ` +
            `not an environment "${env}", so it is not read; name it in undrift.yaml if it is one`,
        );
        return;
      }
      const entry = rule.entry ? rule.entry(file, groups) : file;
      let bases = (rule.bases?.(groups) ?? []).filter((b) => present.has(b)).slice(0, rule.everyBase ? undefined : 1);
      const charts = chartsIn.get(g(groups, 'dir'));
      if (bases.length === 0 && rule.chartBeside && charts?.length === 1) bases = [`${g(groups, 'dir')}${charts[0]}/values.yaml`];
      const list = byPattern.get(pattern) ?? [];
      const layer = rule.extensions?.indexOf(g(groups, 'ext')) ?? 0;
      if (!list.some((c) => c.env === env && c.entry === entry)) list.push({ pattern: ownPattern, env, entry, bases, rank, layer });
      byPattern.set(pattern, list);
    });
  }
  const layouts: Array<Layout & { rank: number }> = [];
  for (const [pattern, candidates] of byPattern) {
    const patternNotes = notes.get(pattern) ?? [];
    const kept = keysOf ? withCounterparts(candidates, keysOf, patternNotes) : candidates;
    const environments = new Map<EnvName, string[]>();
    const inOrder = [...kept].sort((a, b) => a.layer - b.layer);
    for (const c of inOrder) {
      const stack = environments.get(c.env) ?? [...c.bases];
      if (!stack.includes(c.entry)) stack.push(c.entry);
      environments.set(c.env, stack);
    }
    if (environments.size < 2) continue;
    // A shared file the layout reads as a base (config/default.yaml) is not left out: said so, not
    // in the words of a file passed over.
    for (const [i, text] of patternNotes.entries()) {
      const file = text.slice(0, text.indexOf(': "'));
      const readers = [...environments].filter(([, stack]) => stack.includes(file)).map(([env]) => env);
      if (readers.length > 0) patternNotes[i] = `${file} is not an environment: it is read first, as the shared base, in the stacks of ${readers.join(', ')}`;
    }
    const names = [...environments.keys()];
    const known = names.filter(looksLikeEnvironment).length / names.length;
    // Names that read as environments make a layout sure; a file left out for sharing no key
    // with its siblings makes it a little less so.
    const confidence = Math.round(Math.min(1, 0.4 + 0.55 * known + (kept.length < candidates.length ? 0 : 0.05)) * 100) / 100;
    // Written as found: one extension, or the ones present (`application-<env>.{yml,properties}`).
    const extensions = [...new Set(inOrder.map((c) => c.pattern.slice(c.pattern.lastIndexOf('.') + 1)))];
    const shown = extensions.length === 1 ? kept[0]!.pattern : pattern.replace(/\*$/, `{${extensions.join(',')}}`);
    const rank = Math.min(...kept.map((c) => c.rank));
    const mounts = RULES[rank]!.helm ? withSubcharts(environments, present, subchartKeys) : undefined;
    layouts.push({ pattern: shown, environments, confidence, notes: patternNotes, rank, ...(mounts ? { mounts } : {}) });
  }
  layouts.sort((a, b) => b.confidence - a.confidence || b.environments.size - a.environments.size || a.rank - b.rank);
  const combined = combination(layouts, keysOf);
  return [...layouts, ...(combined ? [combined] : [])].map(({ rank: _rank, ...layout }) => layout);
}

/** An umbrella chart's subcharts: each `charts/<sub>/values.yaml` below the chart whose values.yaml
 * is the base of a stack is put under it, mounted under the subchart's key (as Helm reads a
 * subchart's defaults: `redis.` for the chart `redis`, or each alias the umbrella's Chart.yaml
 * gives it; its `global:` as Helm merges globals), so the umbrella's values override them.
 * Changes `environments`; the mounts of each stack, or undefined when no stack has a subchart. */
function withSubcharts(
  environments: Map<EnvName, string[]>,
  present: ReadonlySet<string>,
  subchartKeys?: (chartDir: string, sub: string) => string[],
): Map<EnvName, Array<Mount | null>> | undefined {
  const mounts = new Map<EnvName, Array<Mount | null>>();
  for (const [env, stack] of environments) {
    const base = /^(?<dir>(?:.*\/)?)values\.ya?ml$/.exec(stack[0] ?? '')?.groups?.dir;
    if (base === undefined || !present.has(`${base}Chart.yaml`)) continue;
    const below = `${base}charts/`;
    const subs = [...present]
      .filter((f) => f.startsWith(below) && /^[^/]+\/values\.ya?ml$/.test(f.slice(below.length)) && present.has(`${path.posix.dirname(f)}/Chart.yaml`))
      .sort();
    const added: Array<[string, Mount]> = subs.flatMap((file) => {
      const sub = path.posix.basename(path.posix.dirname(file));
      return (subchartKeys?.(base, sub) ?? [sub]).map((key): [string, Mount] => [file, { under: keySegment(key), subchart: true }]);
    });
    if (added.length === 0) continue;
    environments.set(env, [...added.map(([file]) => file), ...stack]);
    mounts.set(env, [...added.map(([, mount]) => mount), ...stack.map(() => null)]);
  }
  return mounts.size > 0 ? mounts : undefined;
}

/** Layouts of different conventions that name the same environments (Helm values, `.env.<env>`
 * files and Kustomize overlays for staging and production) are the config of one environment kept
 * in several tools: offered together too, as one stack per environment, rather than one of them
 * chosen and the others left unread. The files an environment shares with others come first, then
 * its own, in the order of the layouts; where two set one key the later file wins, and the notes
 * say where that happens. Several layouts of one convention (one per chart or app) are never
 * combined: they are different services, whose same keys are not one value. */
function combination<L extends Layout & { rank: number }>(layouts: L[], keysOf?: (file: string) => Set<string> | undefined): L | undefined {
  const [first] = layouts;
  if (!first) return undefined;
  const members: L[] = [];
  for (const layout of layouts) {
    const shared = [...layout.environments.keys()].filter((env) => first.environments.has(env));
    // A subchart's defaults are read only under its key: such a layout is not combined.
    if (shared.length >= 2 && !layout.mounts && !members.some((m) => m.rank === layout.rank)) members.push(layout);
  }
  if (members.length < 2) return undefined;
  const environments = new Map<EnvName, string[]>();
  const notes = [
    "one stack per environment: the files environments share first, then each environment's own in the order named; where two files set one key, the later wins",
  ];
  const names = [...new Set(members.flatMap((m) => [...m.environments.keys()]))];
  for (const env of names) {
    const sharedFiles: string[] = [];
    const own: string[] = [];
    for (const m of members) {
      const others = [...m.environments].filter(([name]) => name !== env).flatMap(([, files]) => files);
      for (const file of m.environments.get(env) ?? []) (others.includes(file) ? sharedFiles : own).push(file);
    }
    environments.set(env, [...new Set([...sharedFiles, ...own])]);
    if (keysOf) notes.push(...collisions(env, own, keysOf));
  }
  const only = names.filter((env) => members.some((m) => !m.environments.has(env)));
  if (only.length > 0) notes.push(`${only.join(', ')}: in only some of the combined layouts, so read from those alone`);
  return {
    pattern: members.map((m) => m.pattern).join(' + '),
    environments,
    // Offered, never taken by default: combining is the user's call.
    confidence: Math.min(...members.map((m) => m.confidence)),
    notes,
    combines: members.length,
    rank: Math.max(...members.map((m) => m.rank)) + 1,
  } as L;
}

/** Top-level keys set by more than one of an environment's own files: the last such file wins. */
function collisions(env: EnvName, own: string[], keysOf: (file: string) => Set<string> | undefined): string[] {
  const setBy = new Map<string, string[]>();
  for (const file of own) for (const key of keysOf(file) ?? []) setBy.set(key, [...(setBy.get(key) ?? []), file]);
  const clashes = [...setBy].filter(([, files]) => files.length > 1);
  if (clashes.length === 0) return [];
  const byWinner = new Map<string, string[]>();
  for (const [key, files] of clashes) byWinner.set(files.join(' and '), [...(byWinner.get(files.join(' and ')) ?? []), key]);
  return [...byWinner].map(([files, keys]) => {
    const shown = `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? `, and ${keys.length - 5} more` : ''}`;
    return `${env}: ${shown} ${keys.length === 1 ? 'is' : 'are'} set by ${files}: ${files.split(' and ').at(-1)}'s ${keys.length === 1 ? 'value wins' : 'values win'}`;
  });
}

function note(notes: Map<string, string[]>, pattern: string, text: string): void {
  const list = notes.get(pattern) ?? [];
  if (!list.includes(text)) list.push(text);
  notes.set(pattern, list);
}

/** Leaves out, with a note, a candidate whose file shares no key with any other candidate's
 * (Rails' `database.yml` among `config/<env>.yml`): only when three or more compete, since of
 * two unrelated files neither can be told apart as the odd one. */
function withCounterparts(candidates: Candidate[], keysOf: (file: string) => Set<string> | undefined, notes: string[]): Candidate[] {
  if (candidates.length < 3) return candidates;
  const keys = candidates.map((c) => keysOf(c.entry));
  return candidates.filter((c, i) => {
    const mine = keys[i];
    if (!mine || mine.size === 0) return true;
    const shared = keys.some((other, j) => j !== i && other !== undefined && [...mine].some((k) => other.has(k)));
    if (!shared) notes.push(`${c.entry}: shares no key with the other ${path.posix.basename(c.pattern)} files, so it is not taken as an environment`);
    return shared;
  });
}

// Names that read as a place to try things (a sandbox, a preview or review app, a demo): upstream of
// everything, whatever else is there.
const SCRATCH_WORDS = new Set([
  'sandbox',
  'sbx',
  'preview',
  'review',
  'demo',
  'playground',
  'scratch',
  'ephemeral',
  'experimental',
  'experiment',
  'feature',
  'poc',
  'lab',
  'tmp',
  'temp',
  'personal',
]);
// The usual short forms and other-language names of the conventional stages (DTAP/OTAP's `tst`,
// `acc`, `prd`), ranked as the stage they name.
const ALIASES: Record<string, string> = {
  tst: 'test',
  e2e: 'test',
  sit: 'integration',
  acc: 'uat',
  acceptance: 'uat',
  stg: 'staging',
  nonprod: 'preprod',
  'non-prod': 'preprod',
  prd: 'prod',
};

/** Where a name stands in the conventional order: its index, or why it has none. */
function conventionalRank(name: EnvName): number | 'scratch' | 'unknown' {
  const lower = name.toLowerCase();
  const known = (word: string) => {
    const bare = word.replace(/\d+$/, '');
    const i = CONVENTIONAL_ORDER.indexOf(ALIASES[word] ?? ALIASES[bare] ?? word);
    return i >= 0 ? i : CONVENTIONAL_ORDER.indexOf(ALIASES[bare] ?? bare);
  };
  const whole = known(lower);
  if (whole >= 0) return whole;
  // A stage word with a region or team around it (`eu-west-staging`, `prod-eu`): the last one.
  const parts = lower.split(/[-_.]/);
  for (const part of [...parts].reverse()) if (known(part) >= 0) return known(part);
  return parts.some((part) => SCRATCH_WORDS.has(part.replace(/\d+$/, ''))) ? 'scratch' : 'unknown';
}

/** The promotion order the usual names give, upstream first, and the names it could not place. A
 * name it does not know is never put after production by default (a production upstream of an
 * environment would let the verdict move that environment's values into production): a sandbox- or
 * preview-like name goes first, any other just before the production stages, in the order given. */
export function conventionalPromotion(names: EnvName[]): { order: EnvName[]; unplaced: EnvName[] } {
  const BEFORE_PRODUCTION = CONVENTIONAL_ORDER.indexOf('canary') - 0.5;
  const ranked = names.map((n, i) => {
    const rank = conventionalRank(n);
    return { n, i, rank: rank === 'scratch' ? -1 : rank === 'unknown' ? BEFORE_PRODUCTION : rank, unknown: rank === 'unknown' };
  });
  const order = [...ranked].sort((a, b) => a.rank - b.rank || a.i - b.i).map(({ n }) => n);
  return { order, unplaced: ranked.filter((r) => r.unknown).map((r) => r.n) };
}

/** Sorts environment names upstream first by the usual names (see conventionalPromotion). */
export const conventionalOrder = (names: EnvName[]): EnvName[] => conventionalPromotion(names).order;

/** What a reader is told of names the conventional order could not place: where they went, and the
 * setting that states the order. */
export function unplacedNote(promotion: EnvName[], unplaced: EnvName[], configured: boolean): string | undefined {
  if (unplaced.length === 0 || promotion.length < 2) return undefined;
  const names = unplaced.join(', ');
  const set = `promotion: [${promotion.join(', ')}]`;
  return (
    `promotion order: ${names} ${unplaced.length === 1 ? 'is not a name' : 'are not names'} undrift knows the place of, so ` +
    `${unplaced.length === 1 ? 'it was' : 'they were'} put before production, not after it (${promotion.join(' → ')}); ` +
    (configured ? `state the order in undrift.yaml: \`${set}\`` : `state the order in undrift.yaml (\`undrift init\` writes one): \`${set}\``)
  );
}

/** Why the first of the layouts found is taken over the second, by the order discovery sorts
 * them in (a helmfile is taken before any: it states its environments). */
export function whyChosen(chosen: Layout, other: Layout, helmfile = false): string {
  if (helmfile) return 'a helmfile states its environments and their files';
  if (chosen.confidence !== other.confidence) return `it is the surer (confidence ${chosen.confidence} vs ${other.confidence})`;
  if (chosen.environments.size !== other.environments.size)
    return `it has more environments (${chosen.environments.size} vs ${other.environments.size}) at the same confidence`;
  return "the same confidence and number of environments: the convention listed first in the README's layout table";
}

export function describeLayout(layout: Pick<Layout, 'pattern' | 'environments'>): string {
  return `${layout.pattern} (${conventionalOrder([...layout.environments.keys()]).join(', ')})`;
}
