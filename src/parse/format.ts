import path from 'node:path';
import type { KeyPath, Value } from '../model/types.js';

export const FORMATS = ['auto', 'yaml', 'json', 'dotenv', 'helm', 'manifests', 'tfvars'] as const;
export type Format = (typeof FORMATS)[number];

export interface FileValues {
  values: Map<KeyPath, Value>;
  warnings: string[];
}

/** The format a file is read as when none is configured. */
export function detectFormat(relPath: string): Exclude<Format, 'auto'> | undefined {
  const base = path.posix.basename(relPath).toLowerCase();
  if (base.endsWith('.tfvars.json')) return 'json';
  if (base.endsWith('.tfvars')) return 'tfvars';
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (base.endsWith('.json')) return 'json';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) {
    // Helm reads values files with YAML 1.1 scalars (`on`, `0755`): so do we.
    return base.startsWith('values') ? 'helm' : 'yaml';
  }
  return undefined;
}
