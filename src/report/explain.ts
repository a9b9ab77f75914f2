import type { Scan } from '../engine.js';
import type { Divergence, EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { divergenceJson, eventJson } from './json.js';
import type { Style } from './style.js';
import { KIND_GLYPH, verdictShort } from './text.js';
import { eventFlags, mergedTimeline, showValue } from './timeline.js';

export interface KeyExplanation {
  key: KeyPath;
  values: Record<EnvName, { repo: string | null; location: string | null }>;
  history: Record<EnvName, HistoryEvent[]>;
  divergence?: Divergence;
}

/** Everything known about one key: its values, every environment's history and, when the
 * environments diverge on it, the divergence and its verdict. */
export function explainKey(scan: Scan, key: KeyPath): KeyExplanation | undefined {
  const envs = scan.snapshot.environments;
  const values: KeyExplanation['values'] = {};
  let found = false;
  for (const env of envs) {
    const value = scan.snapshot.envs.get(env)!.values.get(key);
    if (value) found = true;
    values[env] = { repo: value?.text ?? null, location: value ? `${value.location.file}:${value.location.line}` : null };
  }
  const history = Object.fromEntries(envs.map((env) => [env, scan.history?.envs.get(env)?.get(key) ?? []]));
  const divergence = scan.divergences.find((d) => d.key === key);
  if (!found && !divergence && Object.values(history).every((events) => events.length === 0)) return undefined;
  return { key, values, history: divergence?.history ?? history, ...(divergence ? { divergence } : {}) };
}

/** Keys that look like what was typed, for "did you mean". */
export function similarKeys(scan: Scan, key: string, limit = 5): KeyPath[] {
  const wanted = key.toLowerCase();
  const all = new Set<KeyPath>();
  for (const env of scan.snapshot.envs.values()) for (const k of env.values.keys()) all.add(k);
  return [...all].filter((k) => k.toLowerCase().includes(wanted) || wanted.includes(k.toLowerCase().split('.').at(-1)!)).slice(0, limit);
}

export function explanationJson(e: KeyExplanation) {
  return {
    version: 1,
    key: e.key,
    values: e.values,
    history: Object.fromEntries(Object.entries(e.history).map(([env, events]) => [env, events.map(eventJson)])),
    divergence: e.divergence ? divergenceJson(e.divergence) : null,
  };
}

export function renderExplanation(e: KeyExplanation, style: Style): string {
  const lines: string[] = [];
  const d = e.divergence;
  const heading = d ? `${KIND_GLYPH[d.kind]} ${e.key} — ${d.kind}${d.severity === 'drift' ? ' (drift)' : ' (informational)'}` : `${e.key} — no divergence`;
  lines.push(style.bold(heading), '');
  const envWidth = Math.max(...Object.keys(e.values).map((env) => env.length));
  const valueWidth = Math.min(40, Math.max(6, ...Object.values(e.values).map((v) => showValue(v.repo).length)));
  for (const [env, v] of Object.entries(e.values)) {
    lines.push(`  ${env.padEnd(envWidth)}  ${showValue(v.repo).padEnd(valueWidth)}  ${style.dim(v.location ?? 'not in the repo')}`);
  }
  if (d) for (const note of d.notes) lines.push(style.dim(`  ${note}`));
  if (d?.contract) lines.push(style.dim(`  contract ${d.contract.key} (${d.contract.location}): ${Object.entries(d.contract.allowed).map(([env, a]) => `${env} ${a}`).join(', ')}`));

  lines.push('', style.bold('History (newest first)'));
  const rows = mergedTimeline(e.history);
  if (rows.length === 0) lines.push(style.dim('  no commit changed this key'));
  for (const { env, event } of rows) {
    const flags = eventFlags(event);
    lines.push(
      `  ${event.date.slice(0, 10)}  ${env.padEnd(envWidth)}  ${showValue(event.from)} → ${showValue(event.to)}  ${style.dim(event.commit.slice(0, 7))} ${event.author}: ${event.subject}${flags.length ? style.yellow(` [${flags.join(', ')}]`) : ''}`,
    );
  }
  if (d?.verdict) {
    const v = d.verdict;
    lines.push('', style.bold(`Verdict: ${verdictShort(v)}`));
    const who = [v.deliberate && `deliberate choice: ${v.deliberate}`, v.drifted && `drifted: ${v.drifted}`].filter(Boolean).join(' · ');
    if (who) lines.push(`  ${who}`);
    for (const reason of v.reasons) lines.push(`  - ${reason}`);
  } else if (!d) {
    lines.push('', style.green('The environments agree on this key, or differ only as the contract declares.'));
  }
  return `${lines.join('\n')}\n`;
}
