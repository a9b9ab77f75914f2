import { LIVE_KINDS, PRESENCE_KINDS, presentIn, type Decision, type Divergence, type EnvName } from '../model/types.js';
import { quoted as showValue } from '../wording/text.js';
import { changeOf } from '../compare/accepted.js';
import { holdsSecret, secretStep } from '../wording/manual.js';

export type TuiDecision = Decision & { divergence: string };

export interface DecisionOption {
  label: string;
  decision: TuiDecision;
}

/** What `r` can mean for a divergence: the drifted environment takes the deliberate one's value,
 * or an environment returns to its own previous value; for live drift, the live object goes back. */
export function revertOptions(d: Divergence, envs: EnvName[]): DecisionOption[] {
  const base = { key: d.key, divergence: d.id, action: 'revert' as const };
  // Nothing in git to change: a build is redeployed, a probe's value caught up outside undrift.
  if (d.kind === 'artifact' || d.kind === 'live-cross-env') return [];
  if (d.kind === 'live-drift' || d.kind === 'live-only') {
    const env = d.envs[0]!;
    const repo = d.values[env]?.repo ?? null;
    return unlessSecret(d, [
      {
        label:
          d.kind === 'live-only'
            ? `remove ${d.key} from ${env}'s live object`
            : `patch ${env}'s live value back to ${showValue(repo)} (dry run and confirmation when applied)`,
        decision: { ...base, env, target: 'live' },
      },
    ]);
  }
  const options: DecisionOption[] = [];
  const seen = new Set<string>();
  const add = (env: EnvName, value: string | null, label: string) => {
    const id = `${env}\0${value}`;
    if (seen.has(id) || d.values[env]?.repo === value) return;
    seen.add(id);
    options.push({ label, decision: { ...base, env, value } });
  };
  const verdict = d.verdict;
  if (verdict?.drifted) {
    const env = verdict.drifted;
    if (d.kind === 'contract-violation' && verdict.value !== null)
      add(env, verdict.value, `${env} back to ${showValue(verdict.value)}, its value before (allowed by the contract)`);
    if (verdict.deliberate && verdict.deliberate !== env)
      add(env, d.values[verdict.deliberate]?.repo ?? null, `${env} takes ${verdict.deliberate}'s ${showValue(d.values[verdict.deliberate]?.repo ?? null)}`);
  } else if (verdict?.deliberate) {
    // The verdict names who changed it but not who drifted (a person decides): either the others
    // take the changed value, or the changed environment goes back (below).
    const chosen = d.values[verdict.deliberate]?.repo ?? null;
    for (const env of envs.filter((e) => e !== verdict.deliberate && d.values[e] !== undefined))
      add(env, chosen, `${env} takes ${verdict.deliberate}'s ${showValue(chosen)}`);
  }
  for (const env of [verdict?.drifted, ...envs].filter((e): e is EnvName => !!e)) {
    // An environment's own previous value, when it changed the key (not when it created it).
    const last = d.history?.[env]?.[0];
    if (last && last.from !== null)
      add(env, last.from, `${env} back to its previous ${showValue(last.from)} (before ${last.commit.slice(0, 7)} "${last.subject}")`);
  }
  return unlessSecret(d, options);
}

/** What `b` can mean: the value that proved right goes into the drifted environment's file, or into
 * every environment's file; for live drift, the live value is codified in the repo. Where the
 * verdict names no environment whose value proved right (it cannot decide, or history is not read),
 * every environment's value is offered into the others, the one changed last first: offering only
 * the first stage's value into production made undoing production's incident fix the one way to
 * backfill (a newcomer's trial, session 36). */
export function backfillOptions(d: Divergence, envs: EnvName[]): DecisionOption[] {
  const base = { key: d.key, divergence: d.id, action: 'backfill' as const };
  if (d.kind === 'artifact' || d.kind === 'live-cross-env') return [];
  if (LIVE_KINDS.has(d.kind)) {
    const env = d.envs[0]!;
    return unlessSecret(d, [
      {
        label: `write ${env}'s live ${showValue(d.values[env]?.live ?? null)} into its file`,
        decision: { ...base, env, value: d.values[env]?.live ?? null, target: 'repo' },
      },
    ]);
  }
  const verdict = d.verdict;
  const held = (e: EnvName) => d.values[e]?.repo !== null && d.values[e]?.repo !== undefined;
  const options: DecisionOption[] = [];
  const offer = (value: string, drifted: EnvName | undefined) => {
    // Never the drifted environment's own value back into its file (a contract violation's verdict
    // names production both as the one that changed and the one that drifted): that writes nothing.
    if (drifted && d.values[drifted]?.repo !== value)
      options.push({ label: `${showValue(value)} into ${drifted}'s file`, decision: { ...base, env: drifted, value } });
    options.push({ label: `${showValue(value)} into every environment's file`, decision: { ...base, ...(drifted ? { env: drifted } : {}), value, to: 'all' } });
  };
  if (verdict?.deliberate || (verdict?.suggested === 'backfill' && verdict.value !== null)) {
    const source = verdict.deliberate ?? envs.find(held);
    const value = verdict.suggested === 'backfill' && verdict.value !== null ? verdict.value : source ? (d.values[source]?.repo ?? null) : null;
    if (value === null) return [];
    offer(value, verdict.drifted ?? envs.find((e) => e !== source && d.values[e]?.repo !== value));
    return unlessSecret(d, options);
  }
  const offered = new Set<string>();
  for (const source of changedLastFirst(d, envs.filter(held))) {
    const value = d.values[source]!.repo!;
    if (offered.has(value)) continue;
    offered.add(value);
    const others = envs.filter((e) => d.values[e] !== undefined && d.values[e]?.repo !== value);
    for (const env of others) options.push({ label: `${showValue(value)} into ${env}'s file (${source}'s value)`, decision: { ...base, env, value } });
    const lastOther = others.at(-1);
    options.push({
      label: `${showValue(value)} into every environment's file (${source}'s value)`,
      decision: { ...base, ...(lastOther ? { env: lastOther } : {}), value, to: 'all' },
    });
  }
  return unlessSecret(d, options);
}

/** Environments in the order their file last changed the key, newest first (the commit graph's
 * order, then the commit date); those with no change read keep the given order, last. */
function changedLastFirst(d: Divergence, envs: EnvName[]): EnvName[] {
  const newest = (e: EnvName) => d.history?.[e]?.[0];
  const rank = (e: EnvName) => newest(e)?.order ?? Number.POSITIVE_INFINITY;
  return envs
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const x = newest(a.e);
      const y = newest(b.e);
      if (!x || !y) return x ? -1 : y ? 1 : a.i - b.i;
      if (rank(a.e) !== rank(b.e)) return rank(a.e) - rank(b.e);
      return Date.parse(y.committed) - Date.parse(x.committed) || a.i - b.i;
    })
    .map(({ e }) => e);
}

/** The divergences whose r or b options were all taken back for holding a Secret's value. */
const secretHeld = new WeakSet<Divergence>();

/** No option writes a Secret's value (apply would refuse it): a person's step, said by cannotMove.
 * Asked only where there is an option to take back, so a key with none reads no values for it. */
function unlessSecret(d: Divergence, options: DecisionOption[]): DecisionOption[] {
  if (options.length === 0 || !holdsSecret(d)) return options;
  secretHeld.add(d);
  return [];
}

/** What cannotMove said of a divergence, per kind and environments. The footer asks on every frame
 * (a progress message, each key) for the row under the cursor, a pattern's row for each of its
 * keys, and building the options (their labels quote whole values) was a third of a key's CPU on
 * the Helm corpus. A divergence is never changed once read (a later read brings new objects). */
const movable = new WeakMap<Divergence, Map<string, string | undefined>>();

/** Why `r` or `b` has nothing to offer for a divergence (no value to move with), or undefined when it has. */
export function cannotMove(kind: 'revert' | 'backfill', d: Divergence, envs: EnvName[]): string | undefined {
  const asked = `${kind}\u0000${envs.join('\u0000')}`;
  let known = movable.get(d);
  if (known?.has(asked)) return known.get(asked);
  const options = kind === 'revert' ? revertOptions(d, envs) : backfillOptions(d, envs);
  const why =
    options.length > 0
      ? undefined
      : d.kind === 'artifact'
        ? REDEPLOY
        : secretHeld.has(d)
          ? `undrift never writes a secret's value: ${secretStep(d, kind, d.verdict?.drifted ?? d.envs[0]!)}; d ${LIVE_KINDS.has(d.kind) ? 'accepts' : 'declares'} it, s skips it`
          : `no value to ${kind} with`;
  if (!known) movable.set(d, (known = new Map<string, string | undefined>()));
  known.set(asked, why);
  return why;
}

// An image that runs as two builds is neither a file's value (r, b) nor a difference the contract
// declares (d): each refusal names the way out, never another key that refuses it too (d used to
// say "revert or backfill it" and r, b "declare or skip it").
const REDEPLOY = 'an image is fixed by redeploying, not in a file or the contract: redeploy the environment that runs the stale build, then s skip';

export function canDeclare(d: Divergence): string | undefined {
  if (d.kind === 'artifact') return REDEPLOY;
  // live-drift and live-only are declared as accepted where they run (live_differences:).
  if (LIVE_KINDS.has(d.kind) && !PRESENCE_KINDS.has(d.kind) && d.kind !== 'live-cross-env' && d.kind !== 'live-drift' && d.kind !== 'live-only')
    return `${d.kind} is repo against live; the contract declares differences between environments (r revert or b backfill it; a value set outside the repo goes under ignore: in the contract)`;
  return undefined;
}

export function declareLines(d: Divergence, envs: EnvName[]): string[] {
  if (d.kind === 'stale-declaration' && d.severity === 'info' && d.contract?.section === 'live_differences')
    return [`removes ${d.envs[0]}'s accepted live value of ${d.key} from the contract (live_differences:): it is no longer needed`];
  if (d.kind === 'stale-declaration' && d.severity === 'info') return [`removes the declaration of ${d.key} from the contract (the environments agree)`];
  if (PRESENCE_KINDS.has(d.kind)) return [`declares ${d.key} in the contract as expected where it is: ${presentIn(d).join(', ')} (any value)`];
  if (d.kind === 'live-drift' || d.kind === 'live-only') {
    const env = d.envs[0]!;
    const repo = d.values[env]?.repo ?? null;
    const otherwise = repo === null ? 'the repo declares it nowhere' : `its repo says ${showValue(repo)}`;
    const held = `  no drift while ${env} runs it and the entry holds${d.verdict?.expires ? ` (until ${d.verdict.expires}, the verdict's end)` : ''}; the next deploy from the repo still reverts it`;
    if (d.values[env]?.type === 'secret') {
      // A Secret is accepted by the change that set it where the live state says who that was.
      const change = changeOf(d.provenance?.[env]);
      return change
        ? [
            `accepts ${env}'s live ${d.key} as changed by ${change.manager} at ${change.time} in the contract (live_differences:), in every clone, no value written:`,
            held,
          ]
        : [
            `accepts ${env}'s live ${d.key} as its fingerprint in the contract (live_differences:): in this clone only,`,
            `  as ${env}'s live state carries no managedFields (a fresh clone, CI's, still reports the row)`,
            held,
          ];
    }
    return [`accepts ${env}'s live ${showValue(d.values[env]?.live ?? null)} in the contract (live_differences:), while ${otherwise}:`, held];
  }
  const live = d.kind === 'live-cross-env';
  return [
    `declares ${d.key} in the contract with each environment's current ${live ? 'live ' : ''}value:`,
    ...envs.map((env) => `  ${env}: ${showValue((live ? d.values[env]?.live : d.values[env]?.repo) ?? null)}`),
  ];
}

export function skipDecision(d: Divergence): TuiDecision {
  return { key: d.key, divergence: d.id, action: 'skip' };
}
