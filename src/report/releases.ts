import type { ReleaseRow, ReleaseView } from '../compare/releases.js';
import { needsLook } from '../compare/releases.js';
import type { EnvName } from '../model/types.js';
import { ABSENT } from '../wording/text.js';
import { markdownCode, markdownSafe } from '../wording/terminal-text.js';
import type { Style } from './style.js';

// The release view as text: `undrift releases`, and a section of the post-mortem report.

const MARK: Record<string, string> = { 'runs-now': '✓', 'ran-before': '✓', 'tag-only': '!', never: '✗', absent: '·', unknown: '?' };
const QUIET = new Set(['runs-now', 'ran-before', 'absent']);
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - [...s].length));
const digestText = (digests: string[]) => (digests.length ? digests.map((d) => d.slice(0, 19)).join(', ') : 'digest not read');

function lineOf(row: ReleaseRow, env: EnvName): string {
  const run = row.runs[env];
  return run ? `${run.tag}  ${digestText(run.digests)}` : ABSENT;
}

/** `undrift releases` as a table per workload. */
export function renderReleases(view: ReleaseView, style: Style): string {
  const out: string[] = [
    `promotion: ${view.promotion.join(' → ')}${view.read.length < view.promotion.length ? ` (live read: ${view.read.join(', ') || 'none'})` : ''}`,
    '',
  ];
  if (view.rows.length === 0) out.push('no workload images read live (a live source lists Deployments, StatefulSets, DaemonSets, CronJobs and their pods)');
  const width = Math.max(0, ...view.read.map((e) => e.length)) + 2;
  for (const row of view.rows) {
    out.push(style.bold(`${row.workload}${row.container ? ` (${row.container})` : ''}`));
    for (const env of view.read) {
      const check = row.upstream.find((u) => u.env === env);
      const mark = check
        ? ` ${MARK[check.status]} ${check.status === 'runs-now' ? `ran in ${check.upstream}` : check.status === 'ran-before' ? `ran in ${check.upstream} before` : ''}`
        : '';
      out.push(`  ${pad(env, width)}${lineOf(row, env)}${mark.trimEnd()}`);
    }
    for (const u of row.upstream.filter((x) => !QUIET.has(x.status))) {
      const line = `${MARK[u.status]} ${u.text}`;
      out.push(`  ${u.status === 'never' ? style.red(line) : style.yellow(line)}`);
    }
    for (const r of row.rebuilt) out.push(`  ${style.yellow(`! ${r.text}`)}`);
    out.push('');
  }
  const flagged = view.rows.filter(needsLook).length;
  out.push(
    flagged === 0
      ? `${view.rows.length} workload image(s): every build ran in the environment before it`
      : `${view.rows.length} workload image(s), ${flagged} to look at: a build that skipped an environment, or a tag rebuilt between environments`,
  );
  return `${out.join('\n')}\n`;
}

/** The report's section: one table per view, the findings below it. */
export function markdownReleases(view: ReleaseView): string[] {
  if (view.rows.length === 0) return [];
  const cell = markdownSafe;
  const out = [
    '## Releases',
    '',
    `Promotion order: ${view.promotion.map(cell).join(' → ')}. What each environment runs, and whether the build ran in the environment before it.`,
    '',
  ];
  out.push(`| Workload | ${view.read.map(cell).join(' | ')} |`, `|---|${view.read.map(() => '---|').join('')}`);
  for (const row of view.rows) {
    const cells = view.read.map((env) => {
      const run = row.runs[env];
      const check = row.upstream.find((u) => u.env === env);
      return run ? `${markdownCode(run.tag)} ${cell(digestText(run.digests))}${check ? ` ${MARK[check.status]}` : ''}` : ABSENT;
    });
    out.push(`| ${markdownCode(`${row.workload}${row.container ? ` (${row.container})` : ''}`)} | ${cells.join(' | ')} |`);
  }
  out.push('');
  const findings = view.rows.flatMap((row) => [
    ...row.upstream.filter((u) => !QUIET.has(u.status)).map((u) => `- ${MARK[u.status]} ${markdownCode(row.workload)}: ${cell(u.text)}`),
    ...row.rebuilt.map((r) => `- ! ${markdownCode(row.workload)}: ${cell(r.text)}`),
  ]);
  if (findings.length > 0) out.push(...findings, '');
  return out;
}
