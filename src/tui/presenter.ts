import { LIVE_KINDS, type Decision, type Divergence, type EnvName, type LiveState } from '../model/types.js';
import { artifactShort, KIND_GLYPH, quoted, shortValue, truncate, verdictShort } from '../wording/text.js';
import { eventFlags, mergedTimeline, showValue } from '../wording/timeline.js';
import { describeProvenance } from '../verdict/verdict.js';
import type { AppState } from './state.js';
import { selectedIndex, visibleDivergences } from './state.js';

/** Pure functions from state to the strings the screen shows: the components only lay them out. */

const pad = (s: string, width: number) => {
  const chars = [...s];
  return chars.length >= width ? chars.slice(0, width).join('') : s + ' '.repeat(width - chars.length);
};

export function decisionLabel(decision: Decision | undefined, withTarget = true): string {
  if (!decision) return '';
  if (decision.action === 'skip') return '✓ skip';
  if (decision.action === 'declare') return '✓ declare';
  const target = decision.to === 'all' ? 'all' : (decision.env ?? '');
  return `✓ ${decision.action}${target && withTarget ? ` ${target}` : ''}`;
}

/** Two characters: `✓r` revert, `✓b` backfill, `✓d` declare, `✓s` skip. */
export function decisionMark(decision: Decision | undefined): string {
  return decision ? `✓${decision.action[0]}` : '  ';
}

export interface ListRow {
  id: string;
  text: string;
  selected: boolean;
  decided: boolean;
  drift: boolean;
}

/** The visible window of the list: cursor, mark, kind glyph, key, each environment's value, and
 * the decision. Only the rows on screen are computed. */
export function listRows(state: AppState, envs: EnvName[], height: number, width: number): { rows: ListRow[]; position: string; above: boolean; below: boolean } {
  const visible = visibleDivergences(state);
  const cursor = selectedIndex(state, visible);
  const offset = Math.min(state.ui.offset, Math.max(0, visible.length - height));
  const window = visible.slice(offset, offset + height);
  // The key comes first (as long as the longest shown, 14 to 26 characters); the values share
  // what is left, 4 to 12 each; the decision is a two-character mark (the detail pane spells it out).
  const longest = Math.max(8, ...window.map((d) => [...d.key].length));
  const wantKey = Math.min(26, Math.max(14, longest), Math.max(14, width - 7 - envs.length * 5));
  const valueWidth = Math.max(4, Math.min(12, Math.floor((width - 7 - wantKey) / Math.max(1, envs.length)) - 1));
  const keyWidth = Math.max(8, width - 4 - envs.length * (valueWidth + 1) - 3);
  const rows = window.map((d, i): ListRow => {
    const decision = state.session.decisions.get(d.id);
    const values = envs.map((env) => {
      const v = d.values[env];
      const shown = d.kind === 'artifact' ? artifactShort(v?.live ?? null, valueWidth) : shortValue(LIVE_KINDS.has(d.kind) && d.envs.includes(env) ? (v?.live ?? null) : (v?.repo ?? null), valueWidth);
      return pad(shown, valueWidth);
    });
    const selected = offset + i === cursor;
    const text = `${selected ? '›' : ' '}${state.ui.marks.has(d.id) ? '●' : ' '}${KIND_GLYPH[d.kind]} ${pad(truncate(d.key, keyWidth), keyWidth)} ${values.join(' ')} ${decisionMark(decision)}`;
    return { id: d.id, text: truncate(text, width), selected, decided: decision !== undefined, drift: d.severity === 'drift' };
  });
  return { rows, position: visible.length ? `${cursor + 1}/${visible.length}` : '0/0', above: offset > 0, below: offset + height < visible.length };
}

export interface Counts {
  total: number;
  decided: number;
  undecided: number;
}

export function counts(state: AppState): Counts {
  const decided = state.divergences.filter((d) => state.session.decisions.has(d.id)).length;
  return { total: state.divergences.length, decided, undecided: state.divergences.length - decided };
}

export function headerLines(repoName: string, envs: EnvName[], live: Map<EnvName, LiveState> | undefined, state: AppState, width: number, spinner: string): [string, string] {
  // Per environment: ok or not, and from where (`prod/payments` for a cluster context/namespace).
  const from = (s: LiveState) => (s.source.startsWith('kubernetes ') ? s.source.slice('kubernetes '.length) : s.source.split(' ')[0]);
  const liveText = live && live.size > 0 ? ` · live: ${[...live.values()].map((s) => `${s.env} ${s.status === 'ok' ? '✓' : '✗ unavailable'} ${from(s)}`).join(', ')}` : '';
  const first = `undrift · ${repoName} · ${envs.join(' → ')}${liveText}`;
  const c = counts(state);
  const filter = state.ui.filter ? ` · filter: ${state.ui.filter}` : '';
  const kind = state.ui.kindFilter !== 'all' ? ` · showing: ${state.ui.kindFilter}` : '';
  const loading = state.ui.loading ? ` · ${spinner} ${state.ui.loading}` : '';
  const second = `${c.undecided} undecided · ${c.decided} decided · ${c.total} total${filter}${kind}${loading}`;
  return [truncate(first, width), truncate(second, width)];
}

export interface ValuesRow extends Record<string, string> {
  env: string;
  repo: string;
  at: string;
  live: string;
}

export interface DetailView {
  title: string;
  notes: string[];
  values: ValuesRow[];
  /** Who wrote each environment's live value. */
  provenance: string[];
  verdict: string[];
  timeline: string[];
  decision: string;
}

/** The selected divergence: values matrix (environment × repo/live), verdict and reasons, the
 * merged timeline of every environment's history and live provenance, newest first. */
export function detailView(d: Divergence, decision: Decision | undefined, envs: EnvName[], width = 80): DetailView {
  // The values matrix must fit the pane: 4 columns cost 13 characters of borders and padding.
  const room = Math.max(24, width - 13);
  const envWidth = Math.min(14, Math.max(...envs.map((e) => e.length)) + 2);
  const atWidth = Math.min(22, Math.floor(room * 0.35));
  const valueWidth = Math.max(4, Math.floor((room - envWidth - atWidth) / 2));
  const values = envs.map((env): ValuesRow => {
    const v = d.values[env];
    const at = v?.location ? v.location.slice(v.location.lastIndexOf('/') + 1) : '—';
    const live = d.kind === 'artifact' ? artifactShort(v?.live ?? null, valueWidth) : v?.live !== undefined && v.live !== null ? shortValue(v.live, valueWidth) : '·';
    return {
      env: truncate(`${d.envs.includes(env) ? '●' : ' '} ${env}`, envWidth),
      repo: shortValue(v?.repo ?? null, valueWidth),
      at: truncate(at, atWidth),
      live,
    };
  });
  const provenance = Object.entries(d.provenance ?? {}).map(([env, p]) => `${env} live written by ${describeProvenance(p)}`);
  const verdict: string[] = [];
  if (d.verdict) {
    const v = d.verdict;
    const who = [v.deliberate && `deliberate: ${v.deliberate}`, v.drifted && `drifted: ${v.drifted}`].filter(Boolean).join(' · ');
    verdict.push(`Verdict: ${verdictShort(v)}${who ? ` — ${who}` : ''}`);
    for (const reason of v.reasons) verdict.push(`• ${reason}`);
  } else {
    verdict.push('Verdict: history is still loading…');
  }
  const rows = d.history ? mergedTimeline(d.history) : [];
  const timeline: string[] = rows.map(({ env, event }) => {
    const flags = eventFlags(event);
    return `${event.date.slice(0, 10)} ${pad(env, 10)} ${showValue(event.from)} → ${showValue(event.to)}  ${event.commit.slice(0, 7)} ${event.author}: ${event.subject}${flags.length ? ` [${flags.join(', ')}]` : ''}`;
  });
  for (const [env, p] of Object.entries(d.provenance ?? {})) {
    if (p.time) timeline.unshift(`${p.time.slice(0, 10)} ${pad(env, 10)} live ${showValue(d.values[env]?.live ?? null)}  by ${p.manager}${p.human ? ' (by hand)' : ''}${p.exact ? '' : ' (at or before)'}`);
  }
  timeline.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  return {
    title: `${KIND_GLYPH[d.kind]} ${d.key} — ${d.kind}${d.severity === 'info' ? ' (info)' : ''}`,
    notes: d.notes,
    values,
    provenance,
    verdict,
    timeline: timeline.length ? timeline : [d.history ? 'no commit changed this key' : 'history is still loading…'],
    decision: decision ? `Decision: ${decisionLabel(decision).slice(2)}${decision.value !== undefined ? ` = ${quoted(decision.value)}` : ''}${decision.reason ? ` — ${decision.reason}` : ''}` : 'Decision: none yet (r revert · b backfill · d declare · s skip)',
  };
}
