import type { EnvName } from '../model/types.js';

/** One conventional way of keeping per-environment config, as found in a repository. */
export interface Layout {
  /** How the layout is written with `<env>` in place of the names, e.g. `config/<env>.yaml`. */
  pattern: string;
  environments: Map<EnvName, string[]>;
}

// Names that sit beside environment files but are not environments.
const NOT_ENVIRONMENTS = new Set([
  'example', 'examples', 'sample', 'template', 'templates', 'default', 'defaults', 'base', 'common', 'shared',
  'local', 'custom-environment-variables', 'expected-env-diff', 'schema', 'secrets', 'undrift', 'chart', 'values',
]);

interface Rule {
  /** Matches a repo-relative path; group `env` is the environment, group `dir` an optional prefix. */
  re: RegExp;
  pattern: (dir: string, ext: string) => string;
  /** The config entry for the env: the matched file, or a directory. */
  entry?: (file: string, env: string, dir: string) => string;
}

const RULES: Rule[] = [
  { re: /^config\/(?<env>[^/]+)\.(?<ext>ya?ml|json)$/, pattern: (_d, ext) => `config/<env>.${ext}` },
  { re: /^config\/settings\/(?<env>[^/]+)\.(?<ext>ya?ml)$/, pattern: (_d, ext) => `config/settings/<env>.${ext}` },
  { re: /^(?<dir>(?:charts\/[^/]+\/)?)values-(?<env>[^/]+)\.(?<ext>ya?ml)$/, pattern: (dir, ext) => `${dir}values-<env>.${ext}` },
  { re: /^(?<dir>(?:charts\/[^/]+\/)?)values\/(?<env>[^/]+)\.(?<ext>ya?ml)$/, pattern: (dir, ext) => `${dir}values/<env>.${ext}` },
  { re: /^(?<dir>(?:.*\/)?)\.env\.(?<env>[^/]+)$/, pattern: (dir) => `${dir}.env.<env>` },
  { re: /^(?<dir>(?:.*\/)?)(?<env>[^/.]+)\.env$/, pattern: (dir) => `${dir}<env>.env` },
  {
    re: /^(?<dir>(?:.*\/)?)environments\/(?<env>[^/]+)\/[^/]+\.(?<ext>tfvars(?:\.json)?)$/,
    pattern: (dir) => `${dir}environments/<env>/*.tfvars`,
  },
  {
    re: /^(?<dir>(?:.*\/)?)(?<kind>overlays|envs)\/(?<env>[^/]+)\/.+\.(?<ext>ya?ml|json)$/,
    pattern: (dir) => `${dir}<overlays>/<env>/`,
    entry: (file, env) => file.slice(0, file.indexOf(`/${env}/`) + env.length + 1),
  },
];

/** Finds every conventional layout in the file list, best first: most environments, then the
 * order of the conventions above. */
export function discoverLayouts(files: string[]): Layout[] {
  const layouts = new Map<string, Layout & { rank: number }>();
  for (const file of files) {
    RULES.forEach((rule, rank) => {
      const m = rule.re.exec(file);
      const env = m?.groups?.env;
      if (!m || !env || NOT_ENVIRONMENTS.has(env.toLowerCase())) return;
      const dir = m.groups?.dir ?? '';
      const kind = m.groups?.kind;
      const pattern = rule.pattern(dir, m.groups?.ext ?? '').replace('<overlays>', kind ?? 'overlays');
      const layout = layouts.get(pattern) ?? { pattern, environments: new Map(), rank };
      layouts.set(pattern, layout);
      const entry = rule.entry ? rule.entry(file, env, dir) : file;
      const list = layout.environments.get(env) ?? [];
      if (!list.includes(entry)) list.push(entry);
      layout.environments.set(env, list);
    });
  }
  return [...layouts.values()]
    .filter((l) => l.environments.size >= 2)
    .sort((a, b) => b.environments.size - a.environments.size || a.rank - b.rank)
    .map(({ pattern, environments }) => ({ pattern, environments }));
}

// Upstream to downstream, for ordering environments when no promotion order is configured.
const CONVENTIONAL_ORDER = [
  'local', 'dev', 'develop', 'development', 'integration', 'int', 'test', 'testing', 'qa', 'uat', 'stage', 'staging',
  'preprod', 'pre-prod', 'preproduction', 'canary', 'prod', 'production', 'live',
];

/** Sorts environment names upstream first by the usual names; unknown names keep their order, last. */
export function conventionalOrder(names: EnvName[]): EnvName[] {
  const rank = (n: string) => {
    const i = CONVENTIONAL_ORDER.indexOf(n.toLowerCase().replace(/^.*[-_]/, ''));
    const j = CONVENTIONAL_ORDER.indexOf(n.toLowerCase());
    return j >= 0 ? j : i >= 0 ? i : CONVENTIONAL_ORDER.length;
  };
  return names.map((n, i) => ({ n, i })).sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i).map(({ n }) => n);
}

export function describeLayout(layout: Layout): string {
  return `${layout.pattern} (${conventionalOrder([...layout.environments.keys()]).join(', ')})`;
}
