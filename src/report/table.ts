import type { Scan } from '../engine.js';
import { KIND_GLYPH, shortValue, summaryLine, truncate } from './text.js';
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
    const fixed = 2 + kindWidth + 2 + keyWidth + 2;
    const valueWidth = Math.max(8, Math.min(30, Math.floor((columns - fixed) / Math.max(1, envs.length)) - 2));
    const header = `  ${pad('KIND', kindWidth)}  ${pad('KEY', keyWidth)}  ${envs.map((e) => pad(truncate(e.toUpperCase(), valueWidth), valueWidth)).join('  ')}`;
    lines.push(style.dim(header.trimEnd()));
    for (const d of scan.divergences) {
      const mark = d.severity === 'drift' ? style.red(KIND_GLYPH[d.kind]) : style.dim(KIND_GLYPH[d.kind]);
      const cells = envs.map((env) => {
        const cell = pad(shortValue(d.values[env]?.repo ?? null, valueWidth), valueWidth);
        return d.envs.includes(env) && d.severity === 'drift' ? style.yellow(cell) : cell;
      });
      const row = `${mark} ${pad(d.kind, kindWidth)}  ${pad(truncate(d.key, keyWidth), keyWidth)}  ${cells.join('  ')}`;
      lines.push(d.severity === 'info' ? style.dim(row.trimEnd()) : row.trimEnd());
    }
    lines.push('');
  }
  for (const warning of scan.warnings) lines.push(style.yellow(`warning: ${warning}`));
  if (scan.notes.length > 0) lines.push(style.dim(`${scan.notes.length} key(s) equal only as text (e.g. 10000 vs "10000"); see --format json`));
  const summary = summaryLine(scan.divergences);
  lines.push(scan.divergences.some((d) => d.severity === 'drift') ? style.bold(summary) : style.green(summary));
  if (scan.divergences.some((d) => d.severity === 'drift')) {
    lines.push(style.dim('Declare intended differences in the contract; `--format markdown` gives a report with locations.'));
  }
  return `${lines.join('\n')}\n`;
}
