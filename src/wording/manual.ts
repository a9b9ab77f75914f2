// A suggestion undrift will not carry out itself: a Secret's value (or a password inside a value,
// held as its fingerprint) is never written, into a file or live, so `revert` and `backfill` of
// one are refused by apply. Such a suggestion is said as what a person does, with the
// fingerprints that tell the values apart, in the table, explain, JSON, the report and the view
// alike, and the view offers no r or b for it (they could only end in a refusal).
import type { Divergence, DivergenceValue, EnvName } from '../model/types.js';

/** A fingerprint as the readers write one, alone or inside a value (a URL's password). */
const FINGERPRINT = /secret:[0-9a-f]{12} \(\d+ bytes\)/;
const HEAD = /secret:[0-9a-f]{12}/;

/** Whether the divergence's values are a Secret's, or hold a password shown as its fingerprint:
 * undrift writes neither (actions/plan.ts refuses revert and backfill of them). */
export function holdsSecret(d: Pick<Divergence, 'values'>): boolean {
  return Object.values(d.values).some((v) => v.type === 'secret' || FINGERPRINT.test(v.repo ?? '') || FINGERPRINT.test(v.live ?? ''));
}

/** `secret:91a3798987da`: a value's fingerprint, short (a value holding one, its fingerprint). */
const fingerprint = (text: string | null | undefined): string => (text == null ? 'absent' : (HEAD.exec(text)?.[0] ?? 'a value'));

/** `file secret:91a3798987da, live secret:7d7eda88f129`: what an environment holds, where read. */
function held(v: DivergenceValue | undefined, live: boolean): string {
  if (!v) return 'absent';
  const parts = [...(v.repo !== null || !live ? [`file ${fingerprint(v.repo)}`] : []), ...(live && v.live !== null ? [`live ${fingerprint(v.live)}`] : [])];
  return parts.join(', ') || 'absent';
}

const LIVE_ROWS: ReadonlySet<Divergence['kind']> = new Set(['live-drift', 'live-only', 'live-cross-env']);
const NEVER = "undrift never writes a secret's value";

/** What a person does for a `revert` or `backfill` of a Secret's value in `env`, which undrift
 * refuses to write: one line naming the key's source and each environment's fingerprints (the
 * refusal that quotes it says why itself; manualStep adds it). */
export function secretStep(d: Pick<Divergence, 'key' | 'kind' | 'values' | 'envs'>, action: 'revert' | 'backfill', env: EnvName): string {
  const live = LIVE_ROWS.has(d.kind) || Object.values(d.values).some((v) => v.live !== null);
  const where = Object.entries(d.values)
    .filter(([, v]) => v.repo !== null || v.live !== null)
    .map(([name, v]) => `${name}: ${held(v, live)}`)
    .join('; ');
  const source = 'its source (your secret store, or the encrypted Secret the repo deploys)';
  if (d.kind === 'live-drift' || d.kind === 'live-only') {
    return action === 'backfill'
      ? `by hand: keep ${env}'s live ${d.key} and record it in ${source}, so the next deploy does not put the old one back (${where})`
      : `by hand: deploy ${env}'s own ${d.key} again from ${source}, and rotate it if the live one leaked (${where})`;
  }
  return `by hand: rotate or sync ${env}'s ${d.key} in ${source}, then scan again (${where})`;
}

/** The verdict's suggestion as a step a person takes, where undrift would refuse to carry it
 * out (a Secret's value); undefined where apply can. */
export function manualStep(d: Pick<Divergence, 'key' | 'kind' | 'values' | 'envs' | 'verdict'>): string | undefined {
  const v = d.verdict;
  if (!v || v.suggested === 'declare' || !holdsSecret(d)) return undefined;
  return `${secretStep(d, v.suggested, v.drifted ?? v.deliberate ?? d.envs[0]!)}; ${NEVER}`;
}

/** The same in a few words, for the places that show a suggestion short (`by hand: rotate or sync
 * staging's secret`). */
export function manualShort(d: Pick<Divergence, 'key' | 'kind' | 'values' | 'envs' | 'verdict'>): string | undefined {
  const v = d.verdict;
  if (!manualStep(d) || !v) return undefined;
  const env = v.drifted ?? v.deliberate ?? d.envs[0]!;
  if (d.kind === 'live-drift' || d.kind === 'live-only')
    return v.suggested === 'backfill' ? `by hand: record ${env}'s live secret in its source` : `by hand: redeploy ${env}'s own secret`;
  return `by hand: rotate or sync ${env}'s secret in its source`;
}
