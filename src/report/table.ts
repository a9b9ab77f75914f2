import type { Scan } from '../engine.js';
import { KIND_GLYPH, shortValue, summaryLine, truncate, verdictShort } from './text.js';
import type { Style } from './style.js';

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - [...s].length));

/** The terminal view of a scan: one row per divergence, one column per environment. */
export function renderTable(scan: Scan, style: Style, columns = 100): string {
  const envs = scan.snapshot.environments;
  const lines: string[] = [];
  const contract = scan.config.contract.file ?? 'none (every difference is drift)';
  lines.push(style.bold(`undrift scan · ${scan.repoRoot}`));
  lines.push(style.dim(`config: ${scan.config.source} · contract: ${contract} · environments: ${envs.join(' → ')}`));
  lines.push('');
  if (scan.divergences.length > 0) {
    const kindWidth = Math.max(4, ...scan.divergences.map((d) => d.kind.length));
    const keyWidth = Math.min(44, Math.max(3, ...scan.divergences.map((d) => [...d.key].length)));
    const verdicts = scan.divergences.map((d) => verdictShort(d.verdict));
    const verdictWidth = Math.min(36, Math.max(...verdicts.map((v) => [...v].length)));
    const fixed = 2 + kindWidth + 2 + keyWidth + 2 + (verdictWidth > 0 ? verdictWidth + 2 : 0);
    const widest = Math.max(...envs.map((e) => e.length), ...scan.divergences.flatMap((d) => envs.map((e) => shortValue(d.values[e]?.repo ?? null, 30).length)));
    const available = Math.floor((columns - fixed) / Math.max(1, envs.length)) - 2;
    const valueWidth = Math.max(8, Math.min(widest, 30, Math.max(available, ...envs.map((e) => e.length))));
    const header = `  ${pad('KIND', kindWidth)}  ${pad('KEY', keyWidth)}  ${envs.map((e) => pad(truncate(e.toUpperCase(), valueWidth), valueWidth)).join('  ')}${verdictWidth > 0 ? '  SUGGESTED (CONFIDENCE)' : ''}`;
    lines.push(style.dim(header.trimEnd()));
    scan.divergences.forEach((d, i) => {
      const mark = d.severity === 'drift' ? style.red(KIND_GLYPH[d.kind]) : style.dim(KIND_GLYPH[d.kind]);
      const cells = envs.map((env) => {
        const cell = pad(shortValue(d.values[env]?.repo ?? null, valueWidth), valueWidth);
        return d.envs.includes(env) && d.severity === 'drift' ? style.yellow(cell) : cell;
      });
      const verdict = verdictWidth > 0 ? `  ${truncate(verdicts[i]!, verdictWidth)}` : '';
      const row = `${mark} ${pad(d.kind, kindWidth)}  ${pad(truncate(d.key, keyWidth), keyWidth)}  ${cells.join('  ')}${verdict}`;
      lines.push(d.severity === 'info' ? style.dim(row.trimEnd()) : row.trimEnd());
    });
    lines.push('');
  }
  for (const warning of scan.warnings) lines.push(style.yellow(`warning: ${warning}`));
  if (scan.notes.length > 0) lines.push(style.dim(`${scan.notes.length} key(s) equal only as text (e.g. 10000 vs "10000"); see --format json`));
  const summary = summaryLine(scan.divergences);
  lines.push(scan.divergences.some((d) => d.severity === 'drift') ? style.bold(summary) : style.green(summary));
  if (scan.divergences.some((d) => d.severity === 'drift')) {
    lines.push(style.dim('`undrift explain KEY` shows a key\'s history and verdict; `undrift report` writes the post-mortem document.'));
  }
  return `${lines.join('\n')}\n`;
}
