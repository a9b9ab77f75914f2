import type { Scan } from '../engine.js';
import type { Divergence } from '../model/types.js';
import { markdownCode, markdownSafe } from '../wording/terminal-text.js';
import { ABSENT, KIND_GLYPH, summaryLine, verdictShort } from '../wording/text.js';
import { eventFlags, mergedTimeline } from '../wording/timeline.js';
import { describeProvenance } from '../verdict/verdict.js';

// Text from the repository, a cluster or a command never acts as Markdown or HTML (no link, image,
// heading or mention a commit message could add) and never reaches a terminal raw.
const cell = (s: string) => markdownSafe(s);
const code = (s: string | null) => (s === null ? ABSENT : markdownCode(s));

/** A report for a pull request or a post-mortem: the summary table, then each divergence with
 * its values, where they are written and what the contract says. */
export function renderMarkdown(scan: Scan): string {
  const envs = scan.snapshot.environments;
  const out: string[] = [];
  out.push('# Environment drift report', '');
  const live = [...(scan.snapshot.live?.values() ?? [])];
  if (live.length > 0) out.push(`Live state: ${live.map((l) => cell(`${l.env} from ${l.source}${l.status === 'ok' ? '' : ` — unavailable: ${l.reason}`}`)).join('; ')}.`, '');
  if (scan.history?.truncatedAt) out.push(`> History truncated at ${scan.history.truncatedAt} (shallow clone): verdicts are weaker.`, '');
  out.push(`Repository ${code(scan.repoRoot)} · environments ${envs.map(code).join(' → ')} · config ${cell(scan.config.source)} · contract ${scan.config.contract.file ? code(scan.config.contract.file) : 'none'}`, '');
  out.push(`**${summaryLine(scan.divergences)}.**`, '');
  if (scan.divergences.length > 0) {
    out.push(`| | Key | Kind | ${envs.map(cell).join(' | ')} | Declared |`);
    out.push(`|---|---|---|${envs.map(() => '---|').join('')}---|`);
    for (const d of scan.divergences) {
      const values = envs.map((env) => code(d.values[env]?.repo ?? null));
      out.push(`| ${KIND_GLYPH[d.kind]} | ${code(d.key)} | ${d.kind} | ${values.join(' | ')} | ${d.declared ? 'yes' : 'no'} |`);
    }
    out.push('');
    for (const d of scan.divergences) out.push(...section(d, envs), '');
  }
  if (scan.warnings.length > 0) out.push('## Warnings', '', ...scan.warnings.map((w) => `- ${cell(w)}`), '');
  if (scan.notes.length > 0) out.push('## Equal only as text', '', ...scan.notes.map((n) => `- ${cell(n)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function section(d: Divergence, envs: string[]): string[] {
  const lines = [`## ${code(d.key)} — ${d.kind}${d.severity === 'info' ? ' (informational)' : ''}`, ''];
  for (const env of envs) {
    const v = d.values[env];
    const p = d.provenance?.[env];
    const live = v?.liveSource ? `; live ${code(v.live ?? null)} (${cell(`${v.liveSource}${p ? `, written by ${describeProvenance(p)}` : ''}`)})` : '';
    lines.push(`- **${cell(env)}**: ${code(v?.repo ?? null)}${v?.location ? ` (${cell(v.location)})` : ''}${live}`);
  }
  if (d.contract) {
    const allowed = Object.entries(d.contract.allowed).map(([env, a]) => `${env}: ${a}`).join('; ');
    const meta = [d.contract.reason && `reason: ${d.contract.reason}`, d.contract.owner && `owner: ${d.contract.owner}`, d.contract.expires && `expires: ${d.contract.expires}${d.contract.expired ? ' (expired)' : ''}`].filter(Boolean);
    lines.push(`- Contract ${code(d.contract.key)} (${cell(d.contract.location)}): ${cell(`${allowed}${meta.length ? ` — ${meta.join(', ')}` : ''}`)}`);
  }
  for (const note of d.notes) lines.push(`- ${cell(note)}`);
  if (d.verdict) {
    const v = d.verdict;
    const who = [v.deliberate && `deliberate: ${v.deliberate}`, v.drifted && `drifted: ${v.drifted}`].filter(Boolean).join(', ');
    lines.push('', `**Verdict: ${cell(verdictShort(v))}**${who ? ` — ${cell(who)}` : ''}`, '');
    for (const reason of v.reasons) lines.push(`- ${cell(reason)}`);
  }
  if (d.history) {
    const rows = mergedTimeline(d.history);
    lines.push('', rows.length > 0 ? 'Timeline (newest first):' : 'No commit changed this key in the history read.', '');
    if (rows.length > 0) {
      lines.push('| Date | Environment | Change | Commit | Author | Subject |', '|---|---|---|---|---|---|');
      for (const { env, event } of rows) {
        const flags = eventFlags(event);
        lines.push(
          `| ${event.date.slice(0, 10)} | ${cell(env)} | ${code(event.from)} → ${code(event.to)}${flags.length ? ` (${flags.join(', ')})` : ''} | \`${event.commit.slice(0, 7)}\` | ${cell(event.author)} | ${cell(event.subject)} |`,
        );
      }
    }
  }
  return lines;
}
