import type { ReadLimits } from '../../model/limits.js';
import type { EnvironmentConfig } from '../../config/load.js';
import type { EnvName, LiveState } from '../../model/types.js';
import { readExec } from './exec.js';
import { readKubernetes } from './kubernetes.js';
import { readSnapshot } from './snapshot.js';
import type { SecretFingerprint } from '../../parse/fingerprint.js';

export interface LiveOptions {
  /** Override the kubeconfig context of every Kubernetes source. */
  context?: string;
  /** How many environments are read at once. */
  concurrency?: number;
  onRequest?: () => void;
  /** Each environment's state as soon as it is read. */
  onRead?: (env: EnvName, state: LiveState) => void;
  /** A Kubernetes source's kinds listed so far, of all it lists. */
  onKinds?: (env: EnvName, done: number, total: number) => void;
  /** Run the commands the repository's configuration names (exec sources, kubeconfig credential
   * plugins). Off unless the person running undrift asks (`--allow-exec`): on a pull request,
   * that configuration is written by whoever opened it. */
  allowExec?: boolean;
  /** Keys the repository's files set: a Helm release record's values for other keys are read as
   * fingerprints only. Every key is unknown when absent. */
  knownKeys?: (key: string) => boolean;
  /** How Secret values are fingerprinted: the repository's key, as for its files and history. */
  fingerprint?: SecretFingerprint;
  /** The bounds the files a source reads are read within (the configuration's; the defaults without). */
  limits?: Readonly<ReadLimits>;
  /** Why no Kubernetes source is read (a pull request's CI job without a trusted configuration:
   * config/pull-request-job.ts, clusterWithheldReason): each is reported unavailable with it,
   * before any kubeconfig is loaded or request made. */
  clusterWithheld?: string;
}

export const EXEC_NOT_ALLOWED =
  "not run: exec sources run commands named by the repository's configuration; allow them with --allow-exec (never for configuration from an untrusted pull request)";

/** Reads every environment's live source, a few at a time. A source that fails makes its
 * environment's live state unavailable, with the reason; the others go on. */
export async function readLive(repoRoot: string, environments: EnvironmentConfig[], options: LiveOptions = {}): Promise<Map<EnvName, LiveState>> {
  const withLive = environments.filter((env) => env.live);
  const states = new Map<EnvName, LiveState>();
  let next = 0;
  const worker = async () => {
    while (next < withLive.length) {
      const env = withLive[next++]!;
      const live = env.live!;
      let state: LiveState;
      try {
        const history = {
          enabled: live.history !== false,
          helm: live.helmHistory === true,
          known: options.knownKeys ?? (() => false),
          ...(options.fingerprint ? { fingerprint: options.fingerprint } : {}),
        };
        if (live.snapshot) state = await readSnapshot(repoRoot, env.name, live.snapshot, history, options.fingerprint, options.limits);
        else if (live.exec && !options.allowExec)
          state = {
            env: env.name,
            status: 'unavailable',
            source: `exec ${live.exec.command.join(' ')}`,
            reason: EXEC_NOT_ALLOWED,
            values: new Map(),
            artifacts: [],
            warnings: [],
          };
        else if (live.exec) state = await readExec(repoRoot, env.name, live.exec, options.fingerprint, options.limits);
        else if (options.clusterWithheld !== undefined)
          state = {
            env: env.name,
            status: 'unavailable',
            source: 'kubernetes',
            reason: options.clusterWithheld,
            values: new Map(),
            artifacts: [],
            warnings: [],
          };
        else
          state = await readKubernetes(repoRoot, env.name, live.kubernetes!, {
            ...(options.context ? { context: options.context } : {}),
            ...(options.onRequest ? { onRequest: options.onRequest } : {}),
            ...(options.allowExec ? { allowExec: true } : {}),
            history,
            ...(options.fingerprint ? { fingerprint: options.fingerprint } : {}),
            ...(options.limits ? { limits: options.limits } : {}),
          });
      } catch (e) {
        state = {
          env: env.name,
          status: 'unavailable',
          source: live.snapshot ? 'snapshot' : live.kubernetes ? 'kubernetes' : live.exec ? 'exec' : 'live',
          reason: (e as Error).message.split('\n')[0],
          values: new Map(),
          artifacts: [],
          warnings: [],
        };
      }
      states.set(env.name, state);
      options.onRead?.(env.name, state);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, withLive.length) }, worker));
  // In the configured order, whichever finished first.
  return new Map(withLive.map((env) => [env.name, states.get(env.name)!]));
}
