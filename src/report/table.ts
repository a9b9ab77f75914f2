import type { Scan } from '../engine.js';
import { LIVE_KINDS, LIVE_STATUS_WORDS, type Divergence, type LiveStatus } from '../model/types.js';

const LIVE_MARK: Record<LiveStatus, string> = { ok: '✓', partial: '◐', unavailable: '✗' };
import {
  artifactShort,
  firstDifference,
  KIND_GLYPH,
  objectCell,
  fingerprintHash,
  shortValue,
  shortValueAt,
  summaryLine,
  truncate,
  verdictShort,
  violationMark,
} from '../wording/text.js';
import type { Style } from './style.js';
import { groupByPattern, heldCell } from '../compare/patterns.js';
import { terminalSafe as safe } from '../wording/terminal-text.js';
import { NEEDS_A_HUMAN, needsHuman } from '../wording/verdict.js';

/** Marks a suggestion the evidence cannot decide (confidence below NEEDS_A_HUMAN). */
const HUMAN_MARK = '?';

/** The largest of `floor` and `widths`, by a loop: spreading 100,000 rows into Math.max
 * overflows the call stack. */
function maxWidth(floor: number, ...lists: number[][]): number {
  let max = floor;
  for (const list of lists) for (const w of list) if (w > max) max = w;
  return max;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - [...s].length));

/** An environment's cell: the repo value, or for live divergences what runs (`3000 ≠ 10000 live`). */
function cellText(d: Divergence, env: string, width: number): string {
  const v = d.values[env];
  // A grant compared between the environments' files alone (no live state read) shows what they define.
  const filesOnly = d.kind === 'permission' && Object.values(d.values).every((x) => x.live === null);
  const object = objectCell(d, v);
  if (object !== undefined) return truncate(object, width);
  if (!LIVE_KINDS.has(d.kind) || !d.envs.includes(env) || filesOnly) {
    const mark = violationMark(d, env);
    return `${mark}${shortValue(v?.repo ?? null, width - mark.length)}`;
  }
  // Said as what runs, as a live drift's cell says it: no repo file declares these images, and a bare
  // tag under an environment's name read as the repo's value (a newcomer's trial, session 32).
  if (d.kind === 'artifact') return v?.live ? `${artifactShort(v.live, width - 5)} live` : artifactShort(null, width);
  const [repo, running] = [v?.repo ?? null, v?.live ?? null];
  // Two fingerprints cut in the middle of the whole cell kept neither hash (`secret:527de…et:17… live`):
  // the hashes are what tell them apart, so each keeps an even share of its own.
  const hashes = [repo, running].map((text) => (text === null ? undefined : fingerprintHash(text)));
  if (hashes[0] && hashes[1]) {
    const share = Math.max(4, Math.min(12, Math.floor((width - 15) / 2)));
    return truncate(`secret:${hashes[0].slice(0, share)} ≠ ${hashes[1].slice(0, share)} live`, width);
  }
  const live = shortValue(running, Math.max(4, Math.floor(width / 2) - 2));
  return truncate(`${shortValue(repo, width)} ≠ ${live} live`, width);
}

/** Whether cutting `text` in the middle to `width` hides all of where it differs from `other`: the
 * span between their common start and common end lies in the part cut out
 * (`https://api.…example.com` for `https://api.staging.example.com` against `https://api.example.com`,
 * a newcomer's trial, session 32). */
function cutHidesDifference(text: string, other: string, width: number): boolean {
  if ([...text].length <= width) return false;
  const start = firstDifference(text, other);
  let end = 0;
  while (end < text.length - start && end < other.length - start && text[text.length - 1 - end] === other[other.length - 1 - end]) end++;
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return start >= head && end >= tail;
}

/** Each environment's cell; two different repo values that show the same when cut in the middle (two
 * certificates: "-----BEGIN…END-----" both), or whose cut leaves out where they differ, are shown
 * around where they first differ instead. */
function distinctCells(d: Divergence, envs: string[], width: number): string[] {
  const texts = envs.map((env) => cellText(d, env, width));
  if (LIVE_KINDS.has(d.kind)) return texts;
  const repo = envs.map((env) => d.values[env]?.repo ?? null);
  for (let a = 0; a < envs.length; a++) {
    for (let b = a + 1; b < envs.length; b++) {
      const [x, y] = [repo[a], repo[b]];
      if (x === null || x === undefined || y === null || y === undefined || x === y) continue;
      if (texts[a] !== texts[b] && !cutHidesDifference(x, y, width) && !cutHidesDifference(y, x, width)) continue;
      if (violationMark(d, envs[a]!) || violationMark(d, envs[b]!)) continue;
      const at = firstDifference(x, y);
      texts[a] = shortValueAt(x, at, width);
      texts[b] = shortValueAt(y, at, width);
    }
  }
  return texts;
}

/** The terminal view of a scan: one row per divergence, one column per environment. */
export function renderTable(scan: Scan, style: Style, columns = 100): string {
  const envs = scan.snapshot.environments;
  const lines: string[] = [];
  const contract = scan.config.contract.file ?? 'none (every difference is drift)';
  // Text from the repository, a cluster or a command is made terminal-safe before it is styled.
  lines.push(style.bold(safe(`undrift scan · ${scan.repoRoot}`)));
  lines.push(style.dim(safe(`config: ${scan.config.source} · contract: ${contract} · environments: ${envs.join(' → ')}`)));
  const live = [...(scan.snapshot.live?.values() ?? [])];
  if (live.length > 0) {
    lines.push(
      style.dim(
        safe(
          `live: ${live.map((s) => `${s.env} ${LIVE_MARK[s.status]} ${s.source}${s.status === 'ok' ? '' : ` (${LIVE_STATUS_WORDS[s.status]})`}`).join(' · ')}`,
        ),
      ),
    );
  }
  lines.push('');
  // Divergences that share a pattern are one row each: a person decides them in one go.
  const grouped = groupByPattern(scan.divergences, scan.patterns);
  const rows = grouped.flatMap((row) => (row.pattern ? [] : [row.divergence]));
  const held = new Map(grouped.flatMap((row) => (row.pattern ? [[row.pattern, row.divergences] as const] : [])));
  const patternCell = (p: (typeof scan.patterns)[number], env: string) => heldCell(p, held.get(p) ?? [], env);
  if (rows.length > 0 || scan.patterns.length > 0) {
    // An informational row says so in words, as the report and the view do: without colour its
    // glyph was all that told an expired declaration (drift, exit 1) from a met one (a newcomer's trial).
    const kindText = (d: Divergence) => `${d.kind}${d.severity === 'info' ? ' (info)' : ''}`;
    const kindWidth = maxWidth(
      scan.patterns.length > 0 ? 7 : 4,
      rows.map((d) => kindText(d).length),
    );
    // A suggestion the evidence cannot decide starts with the mark, so truncation never hides it.
    const verdicts = rows.map((d) => safe(`${d.verdict && needsHuman(d.verdict) ? `${HUMAN_MARK} ` : ''}${verdictShort(d)}`));
    if (scan.patterns.length > 0) verdicts.push('declare (one entry)');
    let verdictWidth = Math.min(
      36,
      maxWidth(
        -Infinity,
        verdicts.map((v) => [...v].length),
      ),
    );
    // Values get room first (up to 24 characters), then the key (26 to 44), then the suggestion;
    // a terminal narrower than that wraps rather than hide the values.
    const widest = maxWidth(
      -Infinity,
      envs.map((e) => e.length),
      rows.flatMap((d) => envs.map((e) => [...cellText(d, e, 24)].length)),
    );
    const valueWidth = Math.max(8, ...envs.map((e) => e.length), Math.min(widest, 24));
    const keys = rows.map((d) => safe(d.key));
    const globs = scan.patterns.map((p) => safe(p.glob));
    const longestKey = maxWidth(
      3,
      keys.map((k) => [...k].length),
      globs.map((g) => [...g].length),
    );
    const rest = columns - (2 + kindWidth + 2) - envs.length * (valueWidth + 2) - (verdictWidth > 0 ? verdictWidth + 2 : 0);
    const keyWidth = Math.min(longestKey, Math.max(26, Math.min(44, rest)));
    if (verdictWidth > 0) verdictWidth = Math.max(12, Math.min(verdictWidth, columns - (2 + kindWidth + 2) - (keyWidth + 2) - envs.length * (valueWidth + 2)));
    const header =
      `  ${pad('KIND', kindWidth)}  ${pad('KEY', keyWidth)}  ` +
      `${envs.map((e) => pad(truncate(safe(e.toUpperCase()), valueWidth), valueWidth)).join('  ')}${verdictWidth > 0 ? '  SUGGESTED (CONFIDENCE)' : ''}`;
    lines.push(style.dim(header.trimEnd()));
    scan.patterns.forEach((p, i) => {
      const row =
        `${style.red('≋')} ${pad('pattern', kindWidth)}  ${pad(truncate(globs[i]!, keyWidth), keyWidth)}  ` +
        `${envs.map((env) => pad(patternCell(p, env), valueWidth)).join('  ')}${verdictWidth > 0 ? `  ${truncate('declare (one entry)', verdictWidth)}` : ''}`;
      lines.push(row.trimEnd());
    });
    rows.forEach((d, i) => {
      const mark = d.severity === 'drift' ? style.red(KIND_GLYPH[d.kind]) : style.dim(KIND_GLYPH[d.kind]);
      const texts = distinctCells(d, envs, valueWidth);
      const cells = envs.map((env, e) => {
        const cell = pad(texts[e]!, valueWidth);
        return d.envs.includes(env) && d.severity === 'drift' ? style.yellow(cell) : cell;
      });
      const verdict = verdictWidth > 0 ? `  ${truncate(verdicts[i]!, verdictWidth)}` : '';
      const row = `${mark} ${pad(kindText(d), kindWidth)}  ${pad(truncate(keys[i]!, keyWidth), keyWidth)}  ${cells.join('  ')}${verdict}`;
      lines.push(d.severity === 'info' ? style.dim(row.trimEnd()) : row.trimEnd());
    });
    lines.push('');
    if (rows.some((d) => d.verdict && needsHuman(d.verdict))) {
      lines.push(
        style.yellow(
          `${HUMAN_MARK} needs a human: confidence ${NEEDS_A_HUMAN.toFixed(1)} or below, the evidence cannot decide; \`undrift explain KEY\` says what to check`,
        ),
      );
    }
  }
  for (const p of scan.patterns)
    lines.push(
      style.dim(
        safe(`≋ ${p.glob}: ${p.reason} (${p.keys.length} divergences in one row; declare them with one contract entry — \`undrift init\` proposes one)`),
      ),
    );
  for (const warning of scan.warnings) lines.push(style.yellow(`warning: ${safe(warning)}`));
  if (scan.notes.length > 0) lines.push(style.dim(`${scan.notes.length} key(s) equal only as text (e.g. 10000 vs "10000"); see --format json`));
  const summary = summaryLine(scan.divergences);
  lines.push(scan.divergences.some((d) => d.severity === 'drift') ? style.bold(summary) : style.green(summary));
  if (scan.divergences.some((d) => d.severity === 'drift')) {
    lines.push(style.dim("`undrift explain KEY` shows a key's history and verdict; `undrift report` writes the post-mortem document."));
  }
  return `${lines.join('\n')}\n`;
}
