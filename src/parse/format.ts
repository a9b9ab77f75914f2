import path from 'node:path';
import type { KeyPath, Value } from '../model/types.js';

export const FORMATS = ['auto', 'yaml', 'json', 'dotenv', 'helm', 'manifests', 'tfvars', 'spring', 'rails', 'kustomize', 'properties'] as const;
export type Format = (typeof FORMATS)[number];

export interface FileValues {
  values: Map<KeyPath, Value>;
  warnings: string[];
  /** Read for its values alone (a first screen's quick read): each value is located at its
   * file's line 0, without the comments beside it or the warnings only a full read finds. */
  unlocated?: true;
}

/** How the YAML of each format reads scalars: Helm (yaml.v2/sigs.k8s.io), Spring (SnakeYAML) and
 * Rails (Psych) read YAML 1.1 (`on` is true, `0755` is 493). */
export function yamlVersionOf(format: Format): '1.1' | '1.2' {
  return format === 'helm' || format === 'spring' || format === 'rails' ? '1.1' : '1.2';
}

/** The format a file is read as when none is configured. */
export function detectFormat(relPath: string): Exclude<Format, 'auto'> | undefined {
  const base = path.posix.basename(relPath).toLowerCase();
  if (base.endsWith('.tfvars.json')) return 'json';
  if (base.endsWith('.tfvars')) return 'tfvars';
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (base.endsWith('.json')) return 'json';
  if (base.endsWith('.properties')) return 'properties';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) {
    // Helm reads values files with YAML 1.1 scalars (`on`, `0755`): so do we. So do Spring
    // (SnakeYAML) and Rails (Psych), which also layer their files.
    if (base.startsWith('values')) return 'helm';
    if (/^(application|bootstrap)([-.].*)?\.ya?ml$/.test(base)) return 'spring';
    if (/(^|\/)config\/settings(\/|\.ya?ml$)/.test(relPath)) return 'rails';
    return 'yaml';
  }
  return undefined;
}

/** Spring Boot's own `.properties` files (`application[-<profile>].properties`, `bootstrap…`): read
 * with Spring's documents and profiles even when the format is the plain `properties`. */
export const isSpringPropertiesName = (relPath: string) => /^(application|bootstrap)([-.].*)?\.properties$/i.test(path.posix.basename(relPath));

/** Whether a file of `format` is read (and so edited) as Java `.properties`: Spring reads its
 * application[-<profile>].properties as well as .yml. */
export const readsAsProperties = (format: Format, file: string) => format === 'properties' || (format === 'spring' && /\.properties$/i.test(file));

/** Whether an environment's file gets Spring's profile documents applied for the environment. */
export function readsAsSpring(env: { format: Format }, file: string): boolean {
  const format = formatOfFile(env, file);
  return format === 'spring' || (format === 'properties' && isSpringPropertiesName(file));
}

/** The format an environment's file is read in: its configured one, else the one its name says. */
export function formatOfFile(env: { format: Format }, file: string): Exclude<Format, 'auto'> | undefined {
  return env.format === 'auto' ? detectFormat(file) : env.format;
}
