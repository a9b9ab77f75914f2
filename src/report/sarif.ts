import type { Scan } from '../engine.js';
import type { Divergence, DivergenceKind, EnvName, RepoLocation } from '../model/types.js';
import { quoted, removesDeclaration, verdictShort } from '../wording/text.js';
import { needsHuman } from '../wording/verdict.js';

// SARIF 2.1.0, the format code-scanning services read (GitHub code scanning, GitLab, Azure DevOps):
// one rule per divergence kind, one result per divergence, located at the repo value's file:line.
// `partialFingerprints` carries the divergence id (a hash of kind and key), so a service tracks the
// same finding across runs even when its values or line move.

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const RULES: Record<DivergenceKind, { name: string; short: string; help: string }> = {
  'cross-env': {
    name: 'CrossEnvironmentDrift',
    short: 'Environments differ on a key the contract does not declare',
    help: 'Bring the lagging environment in line (revert or backfill), or declare the difference in the expected-differences contract.',
  },
  'contract-violation': {
    name: 'ContractViolation',
    short: 'An environment holds a value the contract does not allow',
    help: 'Revert the environment to an allowed value, or change the contract if the new value is intended.',
  },
  'stale-declaration': {
    name: 'StaleDeclaration',
    short: 'A declared difference no longer holds or has expired',
    help: 'Remove the declaration from the contract, or renew it with a new expiry if the difference is still meant.',
  },
  missing: {
    name: 'MissingKey',
    short: 'A key is present in some environments and absent in others',
    help: 'Add the key where it is missing, remove it where it should not be, or declare the difference.',
  },
  'live-drift': {
    name: 'LiveDrift',
    short: 'What runs differs from what the repository declares',
    help: 'Codify the live value in the repository (backfill), or revert the live object by deploying.',
  },
  'live-only': {
    name: 'LiveOnly',
    short: 'A value runs live that no repository file declares',
    help: 'Backfill it into the repository, or remove it from the live object.',
  },
  artifact: {
    name: 'ArtifactDrift',
    short: 'Environments run different builds of the same release, or another image than declared',
    help: 'Redeploy the environment that runs the stale build, and pin images by digest.',
  },
  'live-cross-env': {
    name: 'LiveCrossEnvironmentDrift',
    short: 'Environments run different live values of a key no repository file declares',
    help: 'Bring the environment that is behind in line (run the migration, redeploy), or declare the difference in the contract.',
  },
  'live-object': {
    name: 'LiveObject',
    short: 'An object exists live that no repository file defines',
    help: 'Define the object in the repository if it is meant to exist, or delete it from the cluster.',
  },
  'missing-live': {
    name: 'MissingLiveObject',
    short: 'An object the repository defines does not exist live',
    help: 'Deploy the object, or remove its definition from the repository.',
  },
  'object-cross-env': {
    name: 'ObjectInOneEnvironment',
    short: 'An object exists in some environments and not in others',
    help: 'Create or remove it so the environments match, or declare the object as expected in one environment only.',
  },
  permission: {
    name: 'PermissionDrift',
    short: 'An environment grants more than another, a wildcard, or a binding to cluster-admin/admin',
    help: 'Revoke what is not meant to be granted, or codify it in the repository and declare the difference.',
  },
};

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string };
    region?: { startLine: number; startColumn: number };
  };
  message?: { text: string };
}

const locationOf = (where: RepoLocation, env?: EnvName): SarifLocation => ({
  physicalLocation: {
    // Relative to the repository root, as code-scanning services resolve it against the checkout.
    artifactLocation: { uri: encodeURI(where.file) },
    region: { startLine: Math.max(1, where.line), startColumn: Math.max(1, where.column) },
  },
  ...(env ? { message: { text: `${env}'s value` } } : {}),
});

/** Where each environment's repo value of the key is written, in promotion order. */
function repoLocations(scan: Scan, d: Divergence): Array<{ env: EnvName; where: RepoLocation }> {
  const found: Array<{ env: EnvName; where: RepoLocation }> = [];
  for (const env of scan.snapshot.environments) {
    const value = scan.snapshot.envs.get(env)?.values.get(d.key);
    if (value) found.push({ env, where: value.location });
  }
  return found;
}

function message(d: Divergence, envs: EnvName[]): string {
  const values = envs
    .filter((env) => d.values[env])
    .map((env) => {
      const v = d.values[env]!;
      const live = v.live !== null && v.live !== undefined && v.live !== v.repo ? ` (live ${quoted(v.live)})` : '';
      return `${env} ${quoted(v.repo)}${live}`;
    })
    .join(', ');
  const suggestion = d.verdict ? ` Suggested: ${verdictShort(d)}${needsHuman(d.verdict) ? ', needs a human' : ''}.` : '';
  return `${d.key}: ${RULES[d.kind].short.toLowerCase()} — ${values}.${suggestion}`;
}

export function toSarif(scan: Scan, toolVersion: string) {
  const kinds = Object.keys(RULES) as DivergenceKind[];
  // A divergence with no repo value (live-only) is located at the configuration that names its
  // environment, so services that need a location still show it.
  const fallback: RepoLocation = { file: scan.config.discovered ? (scan.config.environments[0]?.files[0] ?? '.') : scan.config.source, line: 1, column: 1 };
  const results = scan.divergences.map((d) => {
    const located = repoLocations(scan, d).filter(({ env }) => d.envs.includes(env));
    const all = located.length > 0 ? located : repoLocations(scan, d);
    const primary = all[0];
    return {
      ruleId: d.kind,
      ruleIndex: kinds.indexOf(d.kind),
      level: d.severity === 'drift' ? 'error' : 'note',
      message: { text: message(d, scan.snapshot.environments) },
      locations: [locationOf(primary?.where ?? fallback)],
      ...(all.length > 1 ? { relatedLocations: all.slice(1).map(({ env, where }, i) => ({ id: i + 1, ...locationOf(where, env) })) } : {}),
      partialFingerprints: { 'undriftDivergence/v1': d.id },
      properties: {
        key: d.key,
        environments: d.envs,
        declared: d.declared,
        // As the table says it and apply does it: a stale declaration's "declare" removes it.
        ...(d.verdict ? { suggested: removesDeclaration(d, d.verdict.suggested) ? 'undeclare' : d.verdict.suggested, confidence: d.verdict.confidence } : {}),
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'undrift',
            version: toolVersion,
            informationUri: 'https://www.npmjs.com/package/undrift',
            rules: kinds.map((kind) => ({
              id: kind,
              name: RULES[kind].name,
              shortDescription: { text: RULES[kind].short },
              help: { text: RULES[kind].help },
              defaultConfiguration: { level: kind === 'stale-declaration' ? 'note' : 'error' },
            })),
          },
        },
        results,
      },
    ],
  };
}

export const renderSarif = (scan: Scan, toolVersion: string): string => `${JSON.stringify(toSarif(scan, toolVersion), null, 2)}\n`;
