// The set-up most live scans share: a repository whose undrift.yaml promotes staging to production, each
// environment read from its own files and live from its own context of one fake API server (real
// client-node over real HTTP): staging's context `staging`, production's `prod`, each in a namespace of its
// own. The test then puts the objects it needs into the cluster and scans with `scanLive`.
import { scanRepository, type Scan } from '../../src/engine.js';
import { startCluster } from './cluster.js';
import type { FakeKubeApi } from './fake-kube-api.js';
import { repoWithFiles } from './repo.js';

export interface TwoContexts {
  /** Each environment's `files:` as undrift.yaml writes it: "[deploy/staging/api.yaml]", "k8s/overlays/staging". */
  files: { staging: string; production: string };
  /** The repository's other files. */
  repo: Record<string, string>;
  /** The namespace each context is in (staging's and prod's): by default staging and shop. */
  namespaces?: { staging: string; prod: string };
  /** The production environment's name in undrift.yaml (by default "production"). */
  production?: string;
}

/** The undrift.yaml of the two environments. */
export function twoContextConfig(files: TwoContexts['files'], production = 'production'): string {
  return [
    'environments:',
    '  staging:',
    `    files: ${files.staging}`,
    '    live: {kubernetes: {context: staging}}',
    `  ${production}:`,
    `    files: ${files.production}`,
    '    live: {kubernetes: {context: prod}}',
    `promotion: [staging, ${production}]`,
    '',
  ].join('\n');
}

/** The repository (its files and that undrift.yaml) and the started cluster with the kubeconfig of its two contexts. */
export async function twoContexts(options: TwoContexts): Promise<{ repo: string; api: FakeKubeApi; kubeconfig: string }> {
  const repo = await repoWithFiles({ ...options.repo, 'undrift.yaml': twoContextConfig(options.files, options.production) });
  const namespaces = options.namespaces ?? { staging: 'staging', prod: 'shop' };
  const { api, kubeconfig } = await startCluster({
    contexts: [
      { name: 'staging', namespace: namespaces.staging },
      { name: 'prod', namespace: namespaces.prod },
    ],
  });
  return { repo, api, kubeconfig };
}

/** A scan of `repo` (no history) whose live sources read the cluster of `kubeconfig`; KUBECONFIG is as it was after. */
export async function scanLive(repo: string, kubeconfig: string, today: string): Promise<Scan> {
  const previous = process.env.KUBECONFIG;
  process.env.KUBECONFIG = kubeconfig;
  try {
    return await scanRepository({ repo, history: false, today });
  } finally {
    if (previous === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = previous;
  }
}
