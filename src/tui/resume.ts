// The resume prompt's lines: each saved decision as what it does, where, and on which kind of row.
// The prompt is drawn before the divergences are read, so the row is known only from the decision's
// divergence id (a hash of the kind and the key, or of the key at the environments a row is about).
import { divergenceId } from '../compare/compare.js';
import { DIVERGENCE_KINDS, type Decision, type DivergenceKind, type EnvName } from '../model/types.js';
import { quoted } from '../wording/text.js';

/** The row a saved decision was made on: its kind and the environments its id names. */
export interface SavedRow {
  kind: DivergenceKind;
  envs: EnvName[];
}

/** Every name a row of `key` can be hashed under: the key alone (rows between environments), the
 * key at one environment (live rows), or at several in the configured order (objects and grants). */
function names(key: string, envs: readonly EnvName[]): Array<{ name: string; envs: EnvName[] }> {
  const out = [{ name: key, envs: [] as EnvName[] }];
  // Subsets in order; a handful of environments make at most a few hundred names.
  const limit = Math.min(envs.length, 10);
  for (let mask = 1; mask < 1 << limit; mask++) {
    const chosen = envs.slice(0, limit).filter((_, i) => mask & (1 << i));
    out.push({ name: `${key}@${chosen.join(',')}`, envs: chosen });
  }
  return out;
}

export function savedRow(d: Decision, envs: readonly EnvName[]): SavedRow | undefined {
  if (!d.divergence) return undefined;
  for (const candidate of names(d.key, d.env && !envs.includes(d.env) ? [...envs, d.env] : envs))
    for (const kind of DIVERGENCE_KINDS) if (divergenceId(kind, candidate.name) === d.divergence) return { kind, envs: candidate.envs };
  return undefined;
}

const LIVE_ROWS: ReadonlySet<DivergenceKind> = new Set(['live-drift', 'live-only']);

/** What the decision does, after its action and key: `in the contract, "rollout until Q1"`. */
function effect(d: Decision, row: SavedRow | undefined): string {
  const reason = d.reason ? `, ${quoted(d.reason)}` : '';
  switch (d.action) {
    case 'skip':
      return `left as it is${reason}`;
    case 'undeclare':
      return row && LIVE_ROWS.has(row.kind) ? 'its accepted live value removed from the contract' : 'its declaration removed from the contract';
    case 'declare':
      if (d.pattern) return `with every key of ${d.pattern}, in one contract entry${reason}`;
      return row && LIVE_ROWS.has(row.kind) ? `the live value accepted as it runs${reason}` : `in the contract${reason}`;
    case 'revert':
    case 'backfill': {
      const into =
        d.to === 'all' ? "every environment's file" : Array.isArray(d.to) ? `${d.to.join(', ')}'s files` : d.target === 'live' ? 'the live object' : 'its file';
      return d.value === null ? `removed from ${into}` : `${d.value === undefined ? '' : `${quoted(d.value)} `}in ${into}`;
    }
  }
}

/** One saved decision: `skip DEBUG_SQL (production, live-only): left as it is`. */
export function resumeLine(d: Decision, envs: readonly EnvName[]): string {
  const row = savedRow(d, envs);
  const where = d.env ? [d.env] : (row?.envs ?? []);
  const about = [...where, ...(row ? [row.kind] : [])].join(', ');
  return `${d.action} ${d.key}${about ? ` (${about})` : ''}: ${effect(d, row)}`;
}

/** The prompt's lines: the header, then each saved decision (eight at most, and how many more). */
export function resumeLines(header: string, decisions: readonly Decision[], envs: readonly EnvName[]): string[] {
  const more = decisions.length - 8;
  return [header, ...decisions.slice(0, 8).map((d) => `  ${resumeLine(d, envs)}`), ...(more > 0 ? [`  … and ${more} more`] : [])];
}
