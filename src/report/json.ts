import type { Scan } from '../engine.js';
import type { Divergence, DivergenceKind } from '../model/types.js';

/** The public JSON contract of `scan --format json`. Version 1: later versions only add fields. */
export interface ScanJson {
  version: 1;
  repo: string;
  config: string;
  environments: string[];
  promotion: string[];
  contract: string | null;
  divergences: Divergence[];
  notes: string[];
  warnings: string[];
  summary: { divergences: number; undeclared: number; byKind: Partial<Record<DivergenceKind, number>> };
}

export function summarize(divergences: Divergence[]): ScanJson['summary'] {
  const byKind: Partial<Record<DivergenceKind, number>> = {};
  for (const d of divergences) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  return { divergences: divergences.length, undeclared: divergences.filter((d) => d.severity === 'drift').length, byKind };
}

export function toJson(scan: Scan): ScanJson {
  return {
    version: 1,
    repo: scan.repoRoot,
    config: scan.config.source,
    environments: scan.snapshot.environments,
    promotion: scan.config.promotion,
    contract: scan.config.contract.file,
    divergences: scan.divergences,
    notes: scan.notes,
    warnings: scan.warnings,
    summary: summarize(scan.divergences),
  };
}

export const renderJson = (scan: Scan): string => `${JSON.stringify(toJson(scan), null, 2)}\n`;
