import type { Scan } from '../engine.js';
import { displayRemote } from '../git/remote.js';
import { byKey, insideWindow, keyTimeline, windowBound, windowRows } from '../history/key-timeline.js';
import type { Divergence, EnvName, KeyPath, TimelineEntry } from '../model/types.js';
import { terminalSafe } from '../wording/terminal-text.js';
import { placeText, summaryLine, verdictShort } from '../wording/text.js';
import { rowChange, timelineRow } from '../wording/timeline.js';
import { needsHuman } from '../wording/verdict.js';
import { liveSourceText } from './live-sources.js';
import { minute, WINDOW_MARK, type ReportContext } from './markdown.js';

// One self-contained HTML file for a post-mortem: no script, no external asset, so it opens
// offline, in a mail attachment, or in a locked-down wiki. Each key gets a drawn timeline: one
// swimlane per environment, commits, deploys and hand edits as marks, the incident window shaded,
// and the moment the environments stopped agreeing marked. Every text from outside undrift is
// escaped; Secret values arrive here as fingerprints only, as everywhere.

const esc = (s: string) => terminalSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const shown = (v: string | null) => (v === null ? 'absent' : v);

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1f24}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font:12px ui-monospace,Menlo,monospace;background:#f6f8fa;padding:0 .2rem}
.lane-label{font:12px ui-monospace,Menlo,monospace;fill:#1b1f24}.axis{font:11px system-ui,sans-serif;fill:#57606a}
.mark-commit{fill:#0969da}.mark-hand-edit{fill:#cf222e}.mark-deploy{fill:#1a7f37}.mark-live{fill:#8250df}.mark-event{fill:#8c959f}
.window{fill:#fff8c5}.diverged{stroke:#cf222e;stroke-dasharray:4 3}.needs{color:#9a6700;font-weight:600}
.legend span{margin-right:1rem}.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:.3rem;vertical-align:middle}
`;

const markClass = (e: TimelineEntry) =>
  e.source === 'repo'
    ? 'mark-commit'
    : e.kind === 'hand-edit' || e.kind === 'restart'
      ? 'mark-hand-edit'
      : e.kind === 'deploy'
        ? 'mark-deploy'
        : e.kind === 'event'
          ? 'mark-event'
          : 'mark-live';
const markLabel = (e: TimelineEntry) => {
  const row = timelineRow(e);
  const what = row.live
    ? row.about
    : `${e.kind} ${row.ref} by ${row.by}: ${row.subject}${row.flags.length > (e.kind === 'commit' ? 0 : 1) ? ` [${row.flags.join(', ')}]` : ''}`;
  return `${row.when} UTC${row.atOrBefore ? ' (at or before)' : ''} · ${row.env} · ${what} · ${rowChange(row, shown)}`;
};

/** When every environment last held the same value, and the first change after it: where they
 * diverged (replaying the timeline's repo values). */
function divergedAt(timeline: TimelineEntry[], envs: EnvName[]): string | undefined {
  const state = new Map<EnvName, string | null>();
  let agreed = false;
  let diverged: string | undefined;
  for (const e of timeline.filter((x) => x.source === 'repo')) {
    state.set(e.env, e.to ?? null);
    const values = envs.map((env) => state.get(env));
    const same = values.every((v) => v !== undefined && v === values[0]);
    if (same) {
      agreed = true;
      diverged = undefined;
    } else if (agreed && diverged === undefined) diverged = e.time;
  }
  return diverged;
}

function swimlanes(timeline: TimelineEntry[], envs: EnvName[], context: ReportContext | undefined): string {
  const width = 1000;
  const left = 110;
  const right = 20;
  const lane = 34;
  const top = 16;
  const height = top + lane * envs.length + 24;
  const times = timeline.map((e) => Date.parse(e.time));
  const since = windowBound(context?.since, false);
  const until = windowBound(context?.until, true);
  if (since) times.push(Date.parse(since));
  if (until) times.push(Date.parse(until));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 60_000);
  const x = (t: number) => left + ((t - min) / span) * (width - left - right);
  const parts: string[] = [
    `<svg class="swimlanes" role="img" aria-label="timeline" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`,
  ];
  if (since || until) {
    const from = x(since ? Date.parse(since) : min);
    const to = x(until ? Date.parse(until) : max);
    parts.push(
      `<rect class="window" data-window="incident" x="${from.toFixed(1)}" y="${top - 8}" ` +
        `width="${Math.max(2, to - from).toFixed(1)}" height="${lane * envs.length + 8}"><title>incident ` +
        `window</title></rect>`,
    );
  }
  envs.forEach((env, i) => {
    const y = top + lane * i + lane / 2;
    parts.push(
      `<g class="lane" data-env="${esc(env)}"><text class="lane-label" x="4" y="${y + 4}">${esc(env)}</text><line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="#d0d7de"/>`,
    );
    for (const e of timeline.filter((t) => t.env === env)) {
      const cx = x(Date.parse(e.time)).toFixed(1);
      const shape = e.source === 'repo' ? `<circle cx="${cx}" cy="${y}" r="6"` : `<rect x="${(Number(cx) - 6).toFixed(1)}" y="${y - 6}" width="12" height="12"`;
      parts.push(
        `${shape} class="event ${markClass(e)}" data-kind="${e.kind}" data-time="${e.time}"><title>${esc(markLabel(e))}</title>${e.source === 'repo' ? '</circle>' : '</rect>'}`,
      );
    }
    parts.push('</g>');
  });
  const diverged = divergedAt(timeline, envs);
  if (diverged) {
    const dx = x(Date.parse(diverged)).toFixed(1);
    parts.push(
      `<line class="diverged" data-diverged="${diverged}" x1="${dx}" x2="${dx}" y1="${top - 8}" ` +
        `y2="${top + lane * envs.length}"><title>the environments stopped agreeing here ` +
        `(${esc(minute(diverged))})</title></line>`,
    );
  }
  parts.push(`<text class="axis" x="${left}" y="${height - 4}">${esc(minute(new Date(min).toISOString()))}</text>`);
  parts.push(`<text class="axis" x="${width - right}" y="${height - 4}" text-anchor="end">${esc(minute(new Date(max).toISOString()))}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

function keySection(scan: Scan, key: KeyPath, divergences: Divergence[], context: ReportContext | undefined): string {
  const envs = scan.snapshot.environments;
  const timeline = keyTimeline(divergences, envs);
  const inside = (e: TimelineEntry) => insideWindow(e, context?.since, context?.until);
  const windowed = context?.since !== undefined || context?.until !== undefined;
  const rows = envs
    .map((env) => {
      const v = divergences.map((d) => d.values[env]).find((x) => x !== undefined);
      if (!v) return '';
      const live = v.live !== undefined && v.live !== null ? `<code>${esc(v.live)}</code>` : '—';
      return `<tr><th>${esc(env)}</th><td><code>${esc(shown(v.repo))}</code></td><td>${esc(v.at ? placeText(v.at) : '')}</td><td>${live}</td></tr>`;
    })
    .join('');
  const verdicts = divergences
    .filter((d) => d.verdict)
    .map((d) => {
      const v = d.verdict!;
      const question = v.question;
      const mark = needsHuman(v) ? ' <span class="needs">needs a human</span>' : '';
      const check = question ? `<br>To check: ${esc(question)}` : '';
      const reasons = v.reasons.map((r) => `<li>${esc(r)}</li>`).join('');
      return `<li><b>${esc(d.kind)}</b>: ${esc(verdictShort(d))}${mark}${check}<ul>${reasons}</ul></li>`;
    })
    .join('');
  // The table lists what the markdown report lists (the window's events and the state going in);
  // the drawn timeline above it shows every event, the window shaded.
  const events = windowRows(timeline, context?.since, context?.until)
    .map((e) => {
      const row = timelineRow(e);
      const inWindow = windowed && inside(e);
      const ref = row.commit && context?.links ? `<a href="${esc(context.links.commit(row.commit))}">${esc(row.ref)}</a>` : esc(row.ref);
      const change = rowChange(row, (v) => `<code>${esc(shown(v))}</code>`);
      const when = `${inWindow ? `${WINDOW_MARK} ` : ''}${esc(row.when)} UTC${row.atOrBefore ? ' (at or before)' : ''}`;
      const subject = esc([row.subject, ...row.flags.filter((f) => f !== e.kind).map((f) => `[${f}]`)].join(' ').trim());
      const cells = [when, esc(row.env), esc(e.kind), change, esc(row.by), ref, subject];
      return `<tr class="${inWindow ? 'in-window' : ''}">${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<section class="key" data-key="${esc(key)}"><h2><code>${esc(key)}</code> — ${esc([...new Set(divergences.map((d) => d.kind))].join(', '))}</h2>
<table><tr><th></th><th>repo</th><th>where</th><th>live</th></tr>${rows}</table>
${timeline.length > 0 ? swimlanes(timeline, envs, context) : '<p>No commit changed this key in the history read, and no live write was recorded.</p>'}
${verdicts ? `<ul class="verdicts">${verdicts}</ul>` : ''}
${events ? `<table class="timeline"><tr><th>time (UTC)</th><th>environment</th><th>what</th><th>change</th><th>by</th><th>commit or source</th><th>subject</th></tr>${events}</table>` : ''}</section>`;
}

export function renderHtml(scan: Scan, context?: ReportContext): string {
  const repo = context?.repository;
  const remote = repo?.remoteUrl ? displayRemote(repo.remoteUrl) : scan.repoRoot;
  const live = [...(scan.snapshot.live?.values() ?? [])].map(liveSourceText).join('; ');
  const header = [
    ['Repository', remote],
    ['Branch · HEAD', `${repo?.branch ?? 'detached'}${repo?.head ? ` · ${repo.head.slice(0, 7)}` : ''}`],
    ['Generated', context ? minute(context.generatedAt) : ''],
    ['Environments', scan.snapshot.environments.join(' → ')],
    ['Live sources', live || 'none configured'],
    ...(context?.since || context?.until ? [['Incident window', `${context.since ?? '…'} – ${context.until ?? '…'} (shaded)`]] : []),
  ]
    .map(([k, v]) => `<tr><th>${esc(k!)}</th><td>${esc(v!)}</td></tr>`)
    .join('');
  const legend =
    '<p class="legend"><span><i style="background:#0969da"></i>commit</span><span><i ' +
    'style="background:#cf222e"></i>hand edit (live)</span><span><i style="background:#1a7f37"></i>deploy ' +
    '(live)</span><span><i style="background:#8250df"></i>other live write</span><span><i ' +
    'style="background:#8c959f"></i>cluster event</span><span>dashed line: the environments stopped ' +
    'agreeing</span></p>';
  const sections = [...byKey(scan.divergences)].map(([key, ds]) => keySection(scan, key, ds, context)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Environment drift report</title><style>${STYLE}</style></head>
<body><h1>Environment drift report</h1>
<table class="header">${header}</table>
<p><b>${esc(summaryLine(scan.divergences))}.</b> Times are UTC.</p>
${legend}
${sections}
</body></html>
`;
}
