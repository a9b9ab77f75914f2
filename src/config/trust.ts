import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { DEFAULT_READ_LIMITS, RAISE_ADVICE, type ReadLimits } from '../model/limits.js';
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
 * read limit comes from (for the advice of an error that passes it).
 */
export function withTrustedOutward(
  checkout: ConfigData,
  trusted: ConfigData | undefined,
): { data: ConfigData; ignored: string[]; limitFrom: Record<keyof ReadLimits, LimitFrom> } {
  const ignored: string[] = [];
  const limitFrom = {} as Record<keyof ReadLimits, LimitFrom>;
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
  const limits: Partial<ReadLimits> = {};
  for (const name of Object.keys(DEFAULT_READ_LIMITS) as Array<keyof ReadLimits>) {
    const allowed = trusted?.limits?.[name] ?? DEFAULT_READ_LIMITS[name];
    const asked = checkout.limits?.[name];
    if (asked !== undefined && asked > allowed) ignored.push(`limits.${name}`);
    const value = Math.min(asked ?? allowed, allowed);
    limitFrom[name] = asked !== undefined && asked < allowed ? 'checkout' : trusted?.limits?.[name] !== undefined ? 'trusted' : 'default';
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

/** Where a run's read limit comes from under a trusted configuration: the checkout's own lower
 * value, the trusted configuration's `limits:`, or undrift's default (the trusted one sets none). */
export type LimitFrom = 'checkout' | 'trusted' | 'default';

/** A run under a trusted configuration, as its errors need it. */
export interface TrustedRun {
  ref: string;
  /** undrift.yaml, or the --config path. */
  shown: string;
  /** The warning for the checkout's settings not taken (ignoredNote), when there are any. */
  note?: string;
  limitFrom: Record<keyof ReadLimits, LimitFrom>;
}

/**
 * An error of a run under a trusted configuration, as the pull request's author must read it: a
 * limit's advice names where the limit comes from (raising it in the checkout does nothing), and
 * the warning for the settings not taken goes before it, since the run stops before its warnings
 * are shown. Anything but a UserError (a bug) is left as it is.
 */
export function underTrust(e: unknown, run: TrustedRun): unknown {
  if (!(e instanceof UserError)) return e;
  const message = e.message.replace(RAISE_ADVICE, (advice, name: string) => (name in run.limitFrom ? trustedAdvice(name as keyof ReadLimits, run) : advice));
  return new UserError(message, e.exitCode, [...(run.note ? [run.note] : []), ...e.notes]);
}

function trustedAdvice(name: keyof ReadLimits, { ref, shown, limitFrom }: TrustedRun): string {
  const from = `${ref}'s ${shown} (--trusted-config)`;
  switch (limitFrom[name]) {
    case 'checkout':
      return `limits.${name} in this checkout's ${shown} lowers it; it may be raised up to what ${from} allows`;
    case 'trusted':
      return `the limit is limits.${name} in ${from}; this checkout's limits.${name} is not taken above it, so raise it there`;
    case 'default':
      return `the limit is undrift's default, as ${from} sets no limits.${name}; this checkout's limits.${name} is not taken above it, so set it there`;
  }
}

/** The warning a run under a trusted configuration gives for the checkout's settings it did not take. */
export const ignoredNote = (ignored: readonly string[], ref: string, shown: string): string =>
  `${shown}: ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} taken from ${ref}'s ${shown} (--trusted-config), ` +
  `not from this checkout: what reaches outside the repository is never the checkout's to choose`;
