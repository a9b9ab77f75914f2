import { keyTimeline } from '../history/key-timeline.js';
import type { Decision, Divergence, Verdict } from '../model/types.js';
import { rowChange, showValue, timelineRow, type TimelineRowWords } from '../wording/timeline.js';
import { describeProvenance } from '../wording/provenance.js';
import { removesDeclaration, verdictShort } from '../wording/text.js';
import { decisionId } from './ledger.js';
import type { PlannedDecision } from './plan.js';

const wrap = (text: string, width = 72, indent = '  ') => {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
};

/** What, why and the evidence, with trailers `undrift log` reads back. */
export function commitMessage(group: PlannedDecision[]): string {
  const subject =
    group.length === 1
      ? group[0]!.subject
      : `drift: ${group[0]!.decision.action} ${group.length} keys (${group.map((p) => p.decision.key).join(', ')})`.slice(0, 100);
  const body: string[] = [];
  for (const planned of group) {
    const { decision, divergence } = planned;
    if (group.length > 1) body.push(`${planned.subject}`);
    if (decision.reason)
      body.push(`Reason: ${decision.reason}${decision.owner ? ` (owner: ${decision.owner})` : ''}${decision.expires ? `, until ${decision.expires}` : ''}`);
    for (const harm of planned.confirmedHarm ?? []) body.push(wrap(`Applied though it looks harmful (confirmed): ${harm}`));
    if (divergence?.verdict) {
      body.push(`Verdict: ${verdictShort(divergence)}.`);
      const against = againstVerdict(decision, divergence, divergence.verdict);
      if (against) body.push(wrap(`Decided against it: ${against}; the verdict's reasons follow.`));
      for (const reason of divergence.verdict.reasons) body.push(`- ${wrap(reason)}`);
    } else if (divergence) {
      for (const note of divergence.notes) body.push(`- ${wrap(note)}`);
    }
    const rows = commitRows(divergence).slice(0, 8);
    if (rows.length > 0) {
      body.push('History:');
      for (const row of rows) body.push(`  ${row.day} ${row.env} ${rowChange(row, undefined, '->')} ${row.commit!.slice(0, 10)} ${row.about}`);
    }
    for (const [env, p] of Object.entries(divergence?.provenance ?? {})) body.push(`Live ${env}: written by ${describeProvenance(p)}`);
    body.push('');
  }
  const trailers: string[] = [];
  for (const { decisions, files, live } of group) {
    for (const decision of decisions) {
      const envs = [...new Set([...(decision.env ? [decision.env] : []), ...files.map((f) => f.env), ...live.map((l) => l.env)])];
      trailers.push(
        `Drift-Key: ${decision.key}`,
        `Drift-Env: ${envs.length ? envs.join(', ') : 'all'}`,
        `Drift-Action: ${decision.action}`,
        `Drift-Decision: ${decisionId(decision)}`,
      );
    }
  }
  return `${subject}\n\n${body.join('\n').trim()}\n\n${trailers.join('\n')}\n`;
}

/** The pull request's description: the decisions as a table, then the evidence per key. */
export function pullRequestBody(planned: PlannedDecision[]): string {
  const lines = [
    'Decisions taken with [undrift](https://www.npmjs.com/package/undrift) on environment drift.',
    '',
    '| Key | Environment | Action | Value |',
    '|---|---|---|---|',
  ];
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const valueOf = (p: PlannedDecision) => {
    const change =
      p.files[0]?.value ??
      (p.contract[0]?.allowed
        ? Object.entries(p.contract[0].allowed)
            .map(([e, v]) => `${e}: ${v.text}`)
            .join(', ')
        : null);
    return typeof change === 'string' ? change : change === null ? '(removed)' : change.text;
  };
  for (const p of planned) {
    const envs = [...new Set([...p.files.map((f) => f.env), ...(p.decision.env ? [p.decision.env] : [])])];
    lines.push(`| \`${cell(p.decision.key)}\` | ${envs.join(', ') || 'contract'} | ${p.decision.action} | \`${cell(valueOf(p))}\` |`);
  }
  for (const p of planned) lines.push('', `### \`${p.decision.key}\` — ${p.decision.action}`, '', ...evidence(p.decision, p));
  return `${lines.join('\n')}\n`;
}

function evidence(decision: Decision, p: PlannedDecision): string[] {
  const out: string[] = [];
  if (decision.reason) out.push(`Reason: ${decision.reason}`, '');
  for (const harm of p.confirmedHarm ?? []) out.push(`**Applied though it looks harmful (confirmed):** ${harm}`, '');
  const d = p.divergence;
  const v = d?.verdict;
  if (d && v) {
    out.push(`Verdict: **${suggestedWord(d, v)}** (confidence ${v.confidence.toFixed(2)})`);
    const against = againstVerdict(decision, d, v);
    if (against) out.push('', `Decided against it: ${against}.`);
    out.push('', ...v.reasons.map((r) => `- ${r}`));
  }
  const rows = commitRows(p.divergence);
  if (rows.length) {
    out.push('', '| Date | Env | Change | Commit | Author | Subject |', '|---|---|---|---|---|---|');
    const code = (v: string | null) => `\`${showValue(v)}\``;
    for (const row of rows) out.push(`| ${row.day} | ${row.env} | ${rowChange(row, code)} | ${row.ref} | ${row.by} | ${row.subject.replace(/\|/g, '\\|')} |`);
  }
  return out;
}

/** The action as the plan applies it: declaring a difference every environment has left removes
 * its declaration (`undeclare`), so a stale declaration's "declare" is said as that. */
const suggestedWord = (d: Divergence, v: Verdict) => (removesDeclaration(d, v.suggested) ? 'undeclare' : v.suggested);

/** How the decision departs from the verdict, in words, or undefined when it follows it: a commit
 * that reverts where the verdict said declare must not read as the verdict's own act, since its
 * body goes on with the verdict's reasons (which argue for the other action). */
export function againstVerdict(decision: Decision, d: Divergence, v: Verdict): string | undefined {
  const suggested = suggestedWord(d, v);
  const decided = removesDeclaration(d, decision.action) ? 'undeclare' : decision.action;
  const where = (env: string | null | undefined) => (env ? ` ${env}` : '');
  if (decided !== suggested) return `${decided}${where(decision.env)}, where the verdict suggested ${verdictShort(d)}`;
  if ((decided === 'revert' || decided === 'backfill') && decision.env && v.drifted && decision.env !== v.drifted)
    return `${decided} ${decision.env}, where the verdict suggested ${verdictShort(d)}`;
  return undefined;
}

/** The commits that changed the divergence's key, every environment's, newest first. */
function commitRows(divergence: Divergence | undefined): TimelineRowWords[] {
  if (!divergence?.history) return [];
  return keyTimeline([{ history: divergence.history }], Object.keys(divergence.history))
    .reverse()
    .map(timelineRow);
}
