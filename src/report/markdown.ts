import type { Scan } from '../engine.js';
import { releaseView } from '../compare/releases.js';
import { markdownReleases } from './releases.js';
import { displayRemote, type RepositoryFacts, type WebLinks } from '../git/remote.js';
import { liveSourceText } from './live-sources.js';
import { byKey, insideWindow, keyTimeline, utc, windowRows } from '../history/key-timeline.js';
import type { Divergence, EnvName, FileLocation, KeyPath, RepoLocation, TimelineEntry } from '../model/types.js';
import { markdownCode, markdownProse, markdownSafe } from '../wording/terminal-text.js';
import { ABSENT, KIND_GLYPH, objectCell, placeText, summaryLine, verdictShort, violationMark } from '../wording/text.js';
import { describeProvenance } from '../wording/provenance.js';
import { rowChange, timelineRow } from '../wording/timeline.js';
import { conclusions, groupedEvidence, needsHuman, questionLine, riskLabel } from '../wording/verdict.js';

// Text from the repository, a cluster or a command never acts as Markdown or HTML (no link, image,
// heading or mention a commit message could add) and never reaches a terminal raw.
const cell = (s: string) => markdownSafe(s);
const code = (s: string | null) => (s === null ? ABSENT : markdownCode(s));

/** A recorded decision as the report lists it (an entry of `undrift log`). */
export interface ReportedDecision {
  date: string;
  status: string;
  keys: string[];
  envs: string[];
  actions: string[];
  commit: string;
  ref: string;
  subject: string;
  kind: string;
  /** A live patch: the object and field written, and the value before and after. */
  live?: { object: string; field: string; before: string | null; after: string | null };
}

/** What the report says about where and when it was made; gathered by the CLI. */
export interface ReportContext {
  repository: RepositoryFacts;
  links?: WebLinks;
  /** When the report was generated (ISO). */
  generatedAt: string;
  /** An incident window: the timeline keeps it (plus the state going in) and marks it. */
  since?: string;
  until?: string;
  /** The ledger, newest first; absent when it was not read. */
  decisions?: ReportedDecision[];
}

/** The mark of a timeline's events inside the incident window: none of the kinds' marks
 * (`KIND_GLYPH`, the summary's first column), so a mark means one thing in the report. */
export const WINDOW_MARK = '★';

/** `2026-07-14 00:31 UTC`: the minute matters for a 3 AM incident. */
export const minute = (iso: string) => `${utc(iso).slice(0, 16).replace('T', ' ')} UTC`;

/** A report for a pull request or a post-mortem: where and when it was made, the summary table,
 * then each key with its values, verdicts and one timeline of commits and live writes, then what
 * was decided and done. */
export function renderMarkdown(scan: Scan, context?: ReportContext): string {
  const envs = scan.snapshot.environments;
  const out: string[] = ['# Environment drift report', ''];
  out.push(...header(scan, context), '');
  if (scan.history?.truncatedAt) out.push(`> History truncated at ${cell(scan.history.truncatedAt)} (shallow clone): verdicts are weaker.`, '');
  out.push(`**${summaryLine(scan.divergences)}.**`, '');
  const groups = byKey(scan.divergences);
  if (groups.size > 0) {
    out.push('## Summary', '');
    out.push(`| | Key | Kind | ${envs.map(cell).join(' | ')} | Suggested | Confidence |`);
    out.push(`|---|---|---|${envs.map(() => '---|').join('')}---|---|`);
    for (const d of scan.divergences) {
      const values = envs.map((env) => valueCell(d, env));
      const suggested = d.verdict ? cell(verdictShort(d).replace(/ \(\d\.\d\d\)$/, '')) : ABSENT;
      const confidence = d.verdict ? `${d.verdict.confidence.toFixed(2)}${needsHuman(d.verdict) ? ' · needs a human' : ''}` : ABSENT;
      out.push(
        `| ${KIND_GLYPH[d.kind]} | ${code(d.key)} | ${d.kind}${d.severity === 'info' ? ' (info)' : ''} | ${values.join(' | ')} | ${suggested} | ${confidence} |`,
      );
    }
    const kinds = [...new Set(scan.divergences.map((d) => d.kind))];
    out.push('', `Marks: ${kinds.map((kind) => `${KIND_GLYPH[kind]} ${kind}`).join(' · ')}.`, '');
    for (const [key, divergences] of groups) out.push(...keySection(scan, key, divergences, context), '');
  }
  const events = eventsSection(scan, context);
  if (events.length > 0) out.push(...events, '');
  if (scan.snapshot.live) out.push(...markdownReleases(releaseView(scan.snapshot)));
  if (context?.decisions) out.push(...decisionsSection(context.decisions, context.links), '');
  if (scan.warnings.length > 0) out.push('## Warnings', '', ...scan.warnings.map((w) => `- ${markdownProse(w)}`), '');
  if (scan.notes.length > 0) out.push('## Equal only as text', '', ...scan.notes.map((n) => `- ${cell(n)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function header(scan: Scan, context: ReportContext | undefined): string[] {
  const rows: Array<[string, string]> = [];
  const repo = context?.repository;
  const remote = repo?.remoteUrl ? displayRemote(repo.remoteUrl) : undefined;
  rows.push([
    'Repository',
    remote ? (context?.links ? `[${cell(remote)}](${context.links.base})` : code(remote)) : `${code(scan.repoRoot)} (no \`origin\` remote)`,
  ]);
  if (repo?.branch || repo?.head) {
    const head = repo.head ? (context?.links ? `[\`${repo.head.slice(0, 7)}\`](${context.links.commit(repo.head)})` : `\`${repo.head.slice(0, 7)}\``) : '';
    rows.push(['Branch · HEAD', `${repo.branch ? code(repo.branch) : 'detached'}${head ? ` · ${head}` : ''}`]);
  }
  if (context) rows.push(['Generated', `${minute(context.generatedAt)} (times in this report are UTC, offset +00:00)`]);
  rows.push(['Environments', scan.snapshot.environments.map(code).join(' → ')]);
  rows.push(['Configuration', `${cell(scan.config.source)} · contract ${scan.config.contract.file ? code(scan.config.contract.file) : 'none'}`]);
  const live = [...(scan.snapshot.live?.values() ?? [])];
  if (live.length > 0) {
    rows.push(['Live sources', live.map((l) => cell(liveSourceText(l))).join('; ')]);
  }
  if (context?.since || context?.until) {
    const bounds = [context.since && `from ${cell(context.since)}`, context.until && `until ${cell(context.until)}`].filter(Boolean).join(' ');
    rows.push(['Incident window', `${bounds} — events inside it are marked ${WINDOW_MARK}`]);
  }
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

/** The Events the clusters still kept about the workloads read (about an hour by default), in
 * time order; with an incident window, only those inside it. */
function eventsSection(scan: Scan, context: ReportContext | undefined): string[] {
  const rows: string[] = [];
  for (const state of scan.snapshot.live?.values() ?? []) {
    for (const e of state.history?.events ?? []) {
      const entry = { time: e.time } as TimelineEntry;
      if ((context?.since || context?.until) && !insideWindow(entry, context.since, context.until)) continue;
      rows.push(
        `| ${minute(e.time).replace(' UTC', '')} | ${cell(state.env)} | ${cell(e.regarding)} | ${cell(e.type)} | ` +
          `${cell(e.reason)} | ${cell(e.message)}${e.count ? ` (×${e.count})` : ''} | ${cell(e.reporter ?? '')} |`,
      );
    }
  }
  if (rows.length === 0) return [];
  rows.sort();
  return [
    '## Cluster events still kept',
    '',
    '| Time (UTC) | Environment | Object | Type | Reason | Message | Reported by |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ];
}

/** The repo value, and the live one where it differs: `` `3000` ≠ live `10000` ``. */
function valueCell(d: Divergence, env: EnvName): string {
  const v = d.values[env];
  if (!v) return ABSENT;
  const object = objectCell(d, v);
  if (object !== undefined) return object;
  const live = v.live !== undefined && v.live !== null && v.live !== v.repo ? ` ≠ live ${code(v.live)}` : '';
  return `${violationMark(d, env)}${code(v.repo)}${live}`;
}

/** The place as text, linked to that line of the file at the scanned commit when the repository
 * is on a known forge. */
function fileLink(at: RepoLocation | FileLocation, context: ReportContext | undefined): string {
  const links = context?.links;
  const head = context?.repository.head;
  if (!('line' in at) || !links || !head) return cell(placeText(at));
  return `[${cell(placeText(at))}](${links.file(at.file, at.line, head)})`;
}

function keySection(scan: Scan, key: KeyPath, divergences: Divergence[], context: ReportContext | undefined): string[] {
  const envs = scan.snapshot.environments;
  const kinds = divergences.map(
    (d) => `${d.kind}${d.severity === 'info' ? ' (informational)' : ''}${d.kind.startsWith('live') || d.kind === 'artifact' ? ` (${d.envs.join(', ')})` : ''}`,
  );
  const lines = [`## ${code(key)} — ${[...new Set(kinds)].join(', ')}`, ''];
  for (const env of envs) {
    const v = divergences.map((d) => d.values[env]).find((x) => x !== undefined);
    if (!v) continue;
    const liveSlot = divergences.map((d) => ({ v: d.values[env], p: d.provenance?.[env] })).find((x) => x.v?.liveSource);
    const live = liveSlot?.v?.liveSource
      ? `; live ${code(liveSlot.v.live ?? null)} (${cell(`${liveSlot.v.liveSource}${liveSlot.p ? `, written by ${describeProvenance(liveSlot.p)}` : ''}`)})`
      : '';
    lines.push(`- **${cell(env)}**: ${code(v.repo)}${v.at ? ` (${fileLink(v.at, context)})` : ''}${live}`);
  }
  const contract = divergences.find((d) => d.contract)?.contract;
  if (contract) {
    const allowed = Object.entries(contract.allowed)
      .map(([env, a]) => `${env}: ${a}`)
      .join('; ');
    const meta = [
      contract.reason && `reason: ${contract.reason}`,
      contract.owner && `owner: ${contract.owner}`,
      contract.expires && `expires: ${contract.expires}${contract.expired ? ' (expired)' : ''}`,
    ].filter(Boolean);
    lines.push(`- Contract ${code(contract.key)} (${cell(contract.location)}): ${cell(`${allowed}${meta.length ? ` — ${meta.join(', ')}` : ''}`)}`);
  }
  for (const note of new Set(divergences.flatMap((d) => d.notes))) lines.push(`- ${cell(note)}`);
  const notes = divergences.flatMap((d) => d.notes);
  for (const d of divergences) if (d.verdict) lines.push(...verdictBlock(d, divergences.length > 1, notes));
  const hasHistory = divergences.some((d) => d.history);
  const timeline = keyTimeline(divergences, envs);
  if (hasHistory || timeline.length > 0) lines.push(...timelineTable(timeline, context));
  return lines;
}

function verdictBlock(d: Divergence, several: boolean, notes: readonly string[]): string[] {
  const v = d.verdict!;
  const who = [v.deliberate && `deliberate: ${v.deliberate}`, v.drifted && `drifted: ${v.drifted}`].filter(Boolean).join(', ');
  const about = several ? `${KIND_GLYPH[d.kind]} ${d.kind}${d.kind.startsWith('live') ? ` (${d.envs.join(', ')})` : ''} — ` : '';
  const lines = ['', `**${about}Verdict: ${cell(verdictShort(d))}**${who ? ` — ${cell(who)}` : ''}${needsHuman(v) ? ' — **needs a human**' : ''}`, ''];
  const extra = [riskLabel(v), v.expires && `until ${v.expires}`].filter(Boolean);
  if (extra.length > 0) lines.push(cell(extra.join(' · ')), '');
  const question = questionLine(v);
  if (question) lines.push(`> ${cell(question)}`, '');
  for (const reason of conclusions(v, notes)) lines.push(`- ${cell(reason)}`);
  for (const group of groupedEvidence(v)) {
    lines.push('', `*${group.label}*`, '');
    for (const e of group.items) lines.push(`- ${cell(e.text)}${e.commit ? ` (\`${e.commit.slice(0, 7)}\`)` : ''}`);
  }
  return lines;
}

function timelineTable(all: TimelineEntry[], context: ReportContext | undefined): string[] {
  const windowed = context?.since !== undefined || context?.until !== undefined;
  const inside = (e: TimelineEntry) => insideWindow(e, context?.since, context?.until);
  const rows = windowRows(all, context?.since, context?.until);
  if (rows.length === 0)
    return [
      '',
      windowed ? 'No change of this key inside the incident window.' : 'No commit changed this key in the history read, and no live write was recorded.',
    ];
  const out = ['', `Timeline (oldest first, UTC)${windowed ? `; ${WINDOW_MARK} marks the incident window` : ''}:`, ''];
  out.push('| Time (UTC) | Environment | What | Change | By | Commit or source | Subject |', '|---|---|---|---|---|---|---|');
  for (const e of rows) {
    const row = timelineRow(e);
    const mark = windowed && inside(e) ? `${WINDOW_MARK} ` : '';
    const time = `${mark}${row.when}${row.atOrBefore ? ' (at or before)' : ''}`;
    const change = rowChange(row, code);
    // A merge or revert says so in What; what else a reader should doubt, beside the subject.
    const flags = row.flags.filter((f) => f !== e.kind);
    const commit = row.commit ? (context?.links ? `[\`${row.ref}\`](${context.links.commit(row.commit)})` : `\`${row.ref}\``) : cell(row.ref);
    out.push(
      `| ${time} | ${cell(row.env)} | ${row.what} | ${change} | ${cell(row.by)} | ${commit} | ${cell(`${row.subject}${flags.length ? ` [${flags.join(', ')}]` : ''}`)} |`,
    );
  }
  return out;
}

function decisionsSection(decisions: ReportedDecision[], links: WebLinks | undefined): string[] {
  const out = ['## Decisions and actions', ''];
  if (decisions.length === 0)
    return [...out, 'No decision recorded yet: `undrift apply` (or the interactive view) records each one in the ledger that `undrift log` reads.'];
  out.push('| Date (UTC) | Status | Keys | Environments | Actions | Where | Subject |', '|---|---|---|---|---|---|---|');
  for (const d of decisions) {
    // A live patch says what it wrote, as `undrift log` does: three reverts of one key at one
    // minute were three identical rows.
    const where =
      d.kind === 'repo'
        ? `${links ? `[\`${d.commit.slice(0, 7)}\`](${links.commit(d.commit)})` : `\`${d.commit.slice(0, 7)}\``} on ${cell(d.ref)}`
        : d.live
          ? `${cell(`${d.live.object} ${d.live.field}`)}: ${code(d.live.before)} → ${code(d.live.after)}`
          : cell(d.ref);
    out.push(
      `| ${minute(d.date).replace(' UTC', '')} | ${cell(d.status)} | ${d.keys.map(code).join(', ')} | ${cell(d.envs.join(', '))} | ${cell(d.actions.join(', '))} | ${where} | ${cell(d.subject)} |`,
    );
  }
  return out;
}
