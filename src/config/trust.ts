import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { DEFAULT_READ_LIMITS, LIMIT_NAMES, type LimitName, type LimitOrigin, type ReadBounds } from '../model/limits.js';
import type { configSchema } from './schema.js';

export type ConfigData = z.infer<typeof configSchema>;

/**
 * undrift.yaml as a run whose checkout is untrusted (a pull request's, in CI) takes it: what stays
 * inside the repository (environments' files, the contract, promotion) is the checkout's, and
 * everything that reaches outside it is the trusted configuration's (the base branch's
 * undrift.yaml, `--trusted-config REF`): each environment's live source (kubeconfig, context,
 * namespace, the objects read, commands), `forge` (where a token goes), `kustomize.remotes`
 * (clones outside the repository) and read limits above the defaults. The checkout may lower a
 * limit, never raise one past what the trusted configuration allows.
 *
 * `trusted` undefined: the trusted ref has no undrift.yaml, so nothing outward is configured.
 * Returns the configuration to run with, the settings of the checkout that were not taken (said
 * as a warning, so a pull request that changes them sees why they had no effect) and where each
 * read limit comes from (the advice of an error that passes it says the fix that works from there).
 * `ref` and `shown` (undrift.yaml, or the --config path) name the trusted configuration.
 */
export function withTrustedOutward(
  checkout: ConfigData,
  trusted: ConfigData | undefined,
  ref: string,
  shown: string,
): { data: ConfigData; ignored: string[]; limitFrom: Record<LimitName, LimitOrigin> } {
  const ignored: string[] = [];
  const limitFrom = {} as Record<LimitName, LimitOrigin>;
  const environments = Object.fromEntries(
    Object.entries(checkout.environments).map(([name, env]) => {
      const live = trusted?.environments[name]?.live;
      if (!isDeepStrictEqual(env.live, live)) ignored.push(`environments.${name}.live`);
      const { live: _untrusted, ...rest } = env;
      return [name, live ? { ...rest, live } : rest];
    }),
  ) as ConfigData['environments'];
  if (!isDeepStrictEqual(checkout.forge, trusted?.forge)) ignored.push('forge');
  if (!isDeepStrictEqual(checkout.kustomize, trusted?.kustomize)) ignored.push('kustomize');
  const limits: Partial<ReadBounds> = {};
  for (const name of LIMIT_NAMES) {
    const allowed = trusted?.limits?.[name] ?? DEFAULT_READ_LIMITS[name];
    const asked = checkout.limits?.[name];
    if (asked !== undefined && asked > allowed) ignored.push(`limits.${name}`);
    const value = Math.min(asked ?? allowed, allowed);
    const kind = asked !== undefined && asked < allowed ? 'checkout' : trusted?.limits?.[name] !== undefined ? 'trusted' : 'trusted-default';
    limitFrom[name] = { kind, ref, config: shown };
    if (value !== DEFAULT_READ_LIMITS[name]) limits[name] = value;
  }
  const { forge: _forge, kustomize: _kustomize, limits: _limits, ...inside } = checkout;
  const data: ConfigData = {
    ...inside,
    environments,
    ...(trusted?.forge ? { forge: trusted.forge } : {}),
    ...(trusted?.kustomize ? { kustomize: trusted.kustomize } : {}),
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
  };
  return { data, ignored, limitFrom };
}

/**
 * The read limits of a pull request's CI job without a trusted configuration: the checkout's
 * undrift.yaml is the pull request's, and a raised `limits:` would let it make the CI machine read
 * without the bounds undrift keeps (a file of any size, an alias bomb, millions of items). Each
 * limit is the default or lower: a lowered one is kept, a raised one is not taken (`ignored` names
 * it). `fix` says which --trusted-config to pass (an error past a limit names it).
 */
export function withinDefaultLimits(
  checkout: ConfigData,
  shown: string,
  fix: string,
): { data: ConfigData; ignored: string[]; limitFrom: Record<LimitName, LimitOrigin> } {
  const ignored: string[] = [];
  const limitFrom = {} as Record<LimitName, LimitOrigin>;
  const limits: Partial<ReadBounds> = {};
  for (const name of LIMIT_NAMES) {
    const asked = checkout.limits?.[name];
    const lowered = asked !== undefined && asked < DEFAULT_READ_LIMITS[name];
    if (asked !== undefined && asked > DEFAULT_READ_LIMITS[name]) ignored.push(`limits.${name}`);
    if (lowered) limits[name] = asked;
    limitFrom[name] = { kind: lowered ? 'pull-request-lowered' : 'pull-request', config: shown, fix };
  }
  const { limits: _asked, ...rest } = checkout;
  return { data: { ...rest, ...(Object.keys(limits).length > 0 ? { limits } : {}) }, ignored, limitFrom };
}

/** A run under a trusted configuration, as its errors need it. */
export interface TrustedRun {
  ref: string;
  /** The warning for the checkout's settings not taken (ignoredNote), when there are any. */
  note?: string;
}

/**
 * An error of a run under a trusted configuration, as the pull request's author must read it: the
 * warning for the settings not taken goes before it, since the run stops before its warnings are
 * shown (a limit's advice already names where the limit comes from: model/limits.ts, raiseWith).
 * Anything but a UserError (a bug) is left as it is.
 */
export function underTrust(e: unknown, run: { note?: string }): unknown {
  if (!(e instanceof UserError) || !run.note) return e;
  return new UserError(e.message, e.exitCode, [run.note, ...e.notes]);
}

/** The warning a run under a trusted configuration gives for the checkout's settings it did not take. */
export const ignoredNote = (ignored: readonly string[], ref: string, shown: string): string =>
  `${shown}: ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} taken from ${ref}'s ${shown} (--trusted-config), ` +
  `not from this checkout: what reaches outside the repository is never the checkout's to choose`;
