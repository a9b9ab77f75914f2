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

/** A line of the release view and what it is: a workload's name, a finding to look at (`alarm`
 * for a build that never ran upstream), or plain text. Renderers style by the role, never by the text. */
export interface ReleaseLine {
  text: string;
  role?: 'heading' | 'warn' | 'alarm';
}

/** `undrift releases` as lines: per workload, each environment's tag and digest, then what needs a look. */
export function releaseViewLines(view: ReleaseView): ReleaseLine[] {
  const out: ReleaseLine[] = [
    { text: `promotion: ${view.promotion.join(' → ')}${view.read.length < view.promotion.length ? ` (live read: ${view.read.join(', ') || 'none'})` : ''}` },
    { text: '' },
  ];
  if (view.rows.length === 0)
    out.push({ text: 'no workload images read live (a live source lists Deployments, StatefulSets, DaemonSets, CronJobs and their pods)' });
  const width = Math.max(0, ...view.read.map((e) => e.length)) + 2;
  for (const row of view.rows) {
    out.push({ text: `${row.workload}${row.container ? ` (${row.container})` : ''}`, role: 'heading' });
    for (const env of view.read) {
      const check = row.upstream.find((u) => u.env === env);
      const said: Record<string, string> = {
        'runs-now': `ran in ${check?.upstream}`,
        'ran-before': `ran in ${check?.upstream} before`,
        absent: `${check?.upstream} does not run it`,
      };
      const mark = check ? ` ${MARK[check.status]} ${said[check.status] ?? ''}` : '';
      out.push({ text: `  ${pad(env, width)}${lineOf(row, env)}${mark.trimEnd()}` });
    }
    for (const u of row.upstream.filter((x) => !QUIET.has(x.status)))
      out.push({ text: `  ${MARK[u.status]} ${u.text}`, role: u.status === 'never' ? 'alarm' : 'warn' });
    for (const r of row.rebuilt) out.push({ text: `  ! ${r.text}`, role: 'warn' });
    out.push({ text: '' });
  }
  const flagged = view.rows.filter(needsLook).length;
  // An environment before a running one whose live state was not read (no live source, or one
  // that failed): nothing says whether the build ran there, so "every build ran in the environment
  // before it" would claim what was never checked.
  const unread = new Set<EnvName>();
  for (const row of view.rows)
    for (const env of view.read) {
      if (!row.runs[env]) continue;
      const check = row.upstream.find((u) => u.env === env);
      if (check?.status === 'unknown') unread.add(check.upstream);
      else if (!check) for (const e of view.promotion.slice(0, view.promotion.indexOf(env))) if (!view.read.includes(e)) unread.add(e);
    }
  const unchecked = [...unread];
  out.push({
    text:
      flagged > 0
        ? `${view.rows.length} workload image(s), ${flagged} to look at: a build that skipped an environment, or a tag rebuilt between environments`
        : unchecked.length > 0
          ? `${view.rows.length} workload image(s), none to look at in what was read; ${unchecked.join(', ')}'s live state was not read, so whether each build ran there first is not known`
          : `${view.rows.length} workload image(s): every build ran in the environment before it`,
  });
  return out;
}

/** `undrift releases` as a table per workload. */
export function renderReleases(view: ReleaseView, style: Style): string {
  const styled = ({ text, role }: ReleaseLine) => {
    const indent = text.length - text.trimStart().length;
    const body = text.slice(indent);
    const paint = (t: string) => (role === 'heading' ? style.bold(t) : role === 'alarm' ? style.red(t) : role === 'warn' ? style.yellow(t) : t);
    return `${text.slice(0, indent)}${paint(body)}`;
  };
  return `${releaseViewLines(view).map(styled).join('\n')}\n`;
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
