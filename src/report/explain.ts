import type { Scan } from '../engine.js';
import {
  LIVE_KINDS,
  liveWasRead,
  type Divergence,
  type EnvName,
  type FileLocation,
  type HistoryEvent,
  type KeyPath,
  type RepoLocation,
} from '../model/types.js';
import { declaredImages, liveValueOf } from '../compare/live.js';
import { describeProvenance } from '../wording/provenance.js';
import { describeGrantOrigin } from '../wording/grants.js';
import { divergenceJson, eventJson } from './json.js';
import type { Style } from './style.js';
import { terminalSafe as safe } from '../wording/terminal-text.js';
import { KIND_GLYPH, placeText, verdictShort } from '../wording/text.js';
import { manualStep } from '../wording/manual.js';
import { rowChange, rowSummary, showValue, timelineRow, TWO_DATES_NOTE } from '../wording/timeline.js';
import { keyTimeline } from '../history/key-timeline.js';
import { nameableKeys, similarNames } from '../wording/similar-keys.js';
import { conclusions, groupedEvidence, needsHuman, questionLine, riskLabel } from '../wording/verdict.js';

export interface KeyValues {
  repo: string | null;
  /** `file:line`, the text version 1 has always had; `at` is the same place as data. */
  location: string | null;
  at: RepoLocation | FileLocation | null;
  /** Present when the environment's live state was read. */
  live?: string | null;
  liveSource?: string;
  /** Who wrote the live value, in words. */
  writtenBy?: string;
}

export interface KeyExplanation {
  key: KeyPath;
  values: Record<EnvName, KeyValues>;
  history: Record<EnvName, HistoryEvent[]>;
  /** Every divergence on the key: across environments, and repo vs live per environment. */
  divergences: Divergence[];
  /** Decisions on the key that undrift branches not merged yet hold (the ledger's), each with its
   * branch: on-call deciding it again would make a second branch that merging both contradicts. */
  open?: Array<{ branch: string; action: string; envs: string[] }>;
}

/** Everything known about one key: its values in the repo and live, every environment's history
 * and, where it diverges, each divergence with its verdict. */
export function explainKey(scan: Scan, key: KeyPath): KeyExplanation | undefined {
  const envs = scan.snapshot.environments;
  const values: KeyExplanation['values'] = {};
  const divergences = scan.divergences.filter((d) => d.key === key);
  let found = false;
  for (const env of envs) {
    const value = scan.snapshot.envs.get(env)!.values.get(key);
    const state = scan.snapshot.live?.get(env);
    const live = liveWasRead(state) ? liveValueOf(state, key) : undefined;
    // A declared image (a manifest's container image, a chart's image.tag) meets the image that
    // runs, which is no live value: what runs is the one the scan compared it with.
    const image = value && !live && liveWasRead(state) ? declaredImages(scan.snapshot.envs.get(env)!.values, state).find((p) => p.key === key) : undefined;
    if (value || live) found = true;
    if (value && image) {
      const { artifact } = image;
      values[env] = {
        repo: value.text,
        location: placeText(value.location),
        at: value.location,
        live: image.running,
        liveSource: `${artifact.location.source} ${artifact.location.kind}/${artifact.location.name} ${artifact.location.fieldPath}`,
        ...(artifact.provenance ? { writtenBy: describeProvenance(artifact.provenance) } : {}),
      };
      continue;
    }
    // An object, a grant or an image is no config value: its divergence says what each side holds.
    const shown = !value && !live ? divergences.find((d) => d.values[env])?.values[env] : undefined;
    if (shown) {
      values[env] = {
        repo: shown.repo,
        location: shown.at ? placeText(shown.at) : null,
        at: shown.at,
        ...(liveWasRead(state) ? { live: shown.live } : {}),
        ...(shown.liveSource ? { liveSource: shown.liveSource } : {}),
      };
      continue;
    }
    values[env] = {
      repo: value?.text ?? null,
      location: value ? placeText(value.location) : null,
      at: value ? value.location : null,
      ...(liveWasRead(state) ? { live: live?.text ?? null } : {}),
      ...(live ? { liveSource: `${live.location.source} ${live.location.kind}/${live.location.name} ${live.location.fieldPath}` } : {}),
      ...(live?.provenance ? { writtenBy: describeProvenance(live.provenance) } : {}),
    };
  }
  const history = divergences.find((d) => d.history)?.history ?? Object.fromEntries(envs.map((env) => [env, scan.history?.envs.get(env)?.get(key) ?? []]));
  if (!found && divergences.length === 0 && Object.values(history).every((events) => events.length === 0)) return undefined;
  return { key, values, history, divergences };
}

/** Every key the scan knows: each environment's values, what runs live, and the divergences' own
 * keys (an object, a grant or an image diverges under a key no file sets). */
export function knownKeys(scan: Scan): Set<KeyPath> {
  const all = nameableKeys(scan.snapshot);
  for (const d of scan.divergences) all.add(d.key);
  return all;
}

/** Keys that look like what was typed, for "did you mean". */
export function similarKeys(scan: Scan, key: string, limit = 5): KeyPath[] {
  return similarNames(key, knownKeys(scan), limit);
}

/** The keys a key as the table cut it stands for: the table cuts a long key in the middle
 * (`Deployment/payment-ser…iners[name=app].image`), and a person copies what they see. */
export function keysCutAs(scan: Scan, shown: string): KeyPath[] {
  const cut = shown.indexOf('…');
  if (cut < 0) return [];
  const [head, tail] = [shown.slice(0, cut), shown.slice(cut + 1)];
  return [...knownKeys(scan)].filter((k) => k.length > head.length + tail.length && k.startsWith(head) && k.endsWith(tail)).sort();
}

export function explanationJson(e: KeyExplanation) {
  return {
    version: 1,
    key: e.key,
    values: e.values,
    history: Object.fromEntries(Object.entries(e.history).map(([env, events]) => [env, events.map(eventJson)])),
    timeline: keyTimeline(e.divergences.length > 0 ? e.divergences : [{ history: e.history }], Object.keys(e.values)),
    divergences: e.divergences.map(divergenceJson),
    ...(e.open ? { open_branches: e.open } : {}),
  };
}

export function renderExplanation(e: KeyExplanation, style: Style): string {
  const lines: string[] = [];
  const heading = e.divergences.length
    ? `${e.divergences.map((d) => KIND_GLYPH[d.kind]).join('')} ${e.key} — ${e.divergences.map((d) => (d.kind.startsWith('live') ? `${d.kind} in ${d.envs.join(', ')}` : d.kind)).join(', ')}`
    : `${e.key} — no divergence`;
  // Text from the repository, a cluster or a command is made terminal-safe before it is styled.
  lines.push(style.bold(safe(heading)), '');
  const envWidth = Math.max(...Object.keys(e.values).map((env) => env.length));
  const valueWidth = Math.min(40, Math.max(6, ...Object.values(e.values).map((v) => showValue(v.repo).length)));
  for (const [env, v] of Object.entries(e.values)) {
    lines.push(`  ${env.padEnd(envWidth)}  ${showValue(v.repo).padEnd(valueWidth)}  ${style.dim(safe(v.at ? placeText(v.at) : 'not in the repo'))}`);
    // A repo value the live source read nothing paired with (a Helm value, a key `map:` does not
    // name): the scan warns "no live counterpart" and compares nothing, so no `≠ live absent`.
    const unpaired = v.live === null && v.repo !== null && !e.divergences.some((d) => LIVE_KINDS.has(d.kind) && d.envs.includes(env));
    if (unpaired)
      lines.push(`  ${''.padEnd(envWidth)}  ${style.dim("· live: no counterpart in what its live source read (undrift.yaml's map: or prefix: can pair it)")}`);
    else if (v.live !== undefined) {
      const mark = v.live === v.repo ? style.green('=') : style.yellow('≠');
      lines.push(
        `  ${''.padEnd(envWidth)}  ${mark} live ${showValue(v.live)}  ${style.dim(safe([v.liveSource, v.writtenBy && `written by ${v.writtenBy}`].filter(Boolean).join(' · ')))}`,
      );
    }
  }
  const contract = e.divergences.find((d) => d.contract)?.contract;
  if (contract)
    lines.push(
      style.dim(
        safe(
          // An acceptance (live_differences:) names the live value accepted, not what is allowed.
          `  contract ${contract.section ? 'accepts live ' : ''}${contract.key} (${contract.location}): ${Object.entries(contract.allowed)
            .map(([env, a]) => `${env} ${a}`)
            .join(', ')}${contract.section && contract.expires ? `, until ${contract.expires}${contract.expired ? ' (expired)' : ''}` : ''}`,
        ),
      ),
    );

  // One timeline: every environment's commits and the live writes the cluster recorded.
  lines.push('', style.bold('History (newest first, UTC)'));
  const rows = keyTimeline(e.divergences.length > 0 ? e.divergences : [{ history: e.history }], Object.keys(e.values)).reverse();
  if (rows.length === 0) lines.push(style.dim('  no commit changed this key'));
  if (rows.some((r) => r.authored)) lines.push(style.dim(`  ${TWO_DATES_NOTE}`));
  for (const row of rows.map(timelineRow)) {
    const at = `  ${row.when}  ${row.env.padEnd(envWidth)}  `;
    if (row.event) lines.push(`${at}${style.dim(`event ${rowChange(row)}`)}  ${safe(rowSummary(row))}`);
    else if (row.live) lines.push(`${at}${style.yellow(`live ${rowChange(row)}`)}  ${safe(rowSummary(row))}`);
    else lines.push(`${at}${rowChange(row)}  ${style.dim(row.ref)} ${safe(row.about)}${row.flags.length ? style.yellow(` [${row.flags.join(', ')}]`) : ''}`);
  }
  for (const d of e.divergences) {
    lines.push('', style.bold(`${KIND_GLYPH[d.kind]} ${d.kind}${d.kind.startsWith('live') ? ` (${d.envs.join(', ')})` : ''}`));
    for (const note of d.notes) lines.push(style.dim(`  ${safe(note)}`));
    // Which rules differ, each side's: what one grants that the other does not.
    for (const r of d.rules ?? [])
      lines.push(
        `  rules in ${safe(r.env)} against ${r.than === 'repo' ? 'its repo definition' : safe(r.than)}: ` +
          `added ${r.added.length ? safe(r.added.join('; ')) : 'nothing'} · removed ${r.removed.length ? safe(r.removed.join('; ')) : 'nothing'}`,
      );
    for (const [env, origins] of Object.entries(d.grantedBy ?? {}))
      for (const origin of origins) lines.push(`  granted in ${safe(env)} by ${safe(describeGrantOrigin(origin))}`);
    if (!d.verdict) continue;
    const v = d.verdict;
    lines.push(style.bold(`  Verdict: ${safe(verdictShort(d))}${needsHuman(v) ? ' — needs a human' : ''}`));
    const who = [v.deliberate && `deliberate choice: ${v.deliberate}`, v.drifted && `drifted: ${v.drifted}`, riskLabel(v), v.expires && `until ${v.expires}`]
      .filter(Boolean)
      .join(' · ');
    if (who) lines.push(`  ${safe(who)}`);
    const manual = manualStep(d);
    if (manual) lines.push(style.yellow(`  ${safe(manual)}`));
    const question = questionLine(v);
    if (question) lines.push(needsHuman(v) ? style.yellow(`  ? ${safe(question)}`) : `  ? ${safe(question)}`);
    for (const reason of conclusions(v, d.notes)) lines.push(`  → ${safe(reason)}`);
    for (const group of groupedEvidence(v)) {
      lines.push(style.dim(`  ${group.label}`));
      for (const e of group.items) lines.push(`  - ${safe(e.text)}`);
    }
  }
  if (e.divergences.length === 0) lines.push('', style.green('The environments agree on this key, or differ only as the contract declares.'));
  if (e.open && e.open.length > 0) {
    lines.push('', style.bold('Decided on branches not merged yet'));
    for (const o of e.open) {
      const where = o.envs.filter(Boolean).map((env) => (env === 'all' ? 'every environment' : env));
      lines.push(`  ${safe(o.branch)}: ${safe(o.action)}${where.length ? ` ${safe(where.join(', '))}` : ''}`);
    }
    lines.push(style.dim('  merge or close it before deciding the key again (`undrift log` lists every branch)'));
  }
  return `${lines.join('\n')}\n`;
}
