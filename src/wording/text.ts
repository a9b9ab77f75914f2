import { terminalSafe } from './terminal-text.js';
import { manualShort } from './manual.js';
import type { Divergence, DivergenceKind, FileLocation, KeyNote, RepoLocation } from '../model/types.js';

/** One glyph per kind, so state never depends on colour alone. */
export const KIND_GLYPH: Record<DivergenceKind, string> = {
  'cross-env': '≠',
  'contract-violation': '✗',
  'stale-declaration': '○',
  missing: '∅',
  'live-drift': '~',
  'live-only': '+',
  artifact: '◆',
  'live-cross-env': '≈',
  'live-object': '□',
  'missing-live': '⊘',
  'object-cross-env': '◇',
  permission: '⚠',
};

export const ABSENT = '—';

/** Marks the value of an environment that breaks the contract (`✗ debug`), so a table read without
 * colour still says which environment violates it when all hold the same value. */
export const violationMark = (d: Pick<Divergence, 'kind' | 'envs'>, env: string): string =>
  d.kind === 'contract-violation' && d.envs.includes(env) ? `${KIND_GLYPH['contract-violation']} ` : '';

const OBJECT_KINDS: ReadonlySet<DivergenceKind> = new Set<DivergenceKind>(['live-object', 'missing-live', 'object-cross-env']);

/** An object's cell: whether the environment's files define it and whether it exists live —
 * `defined, live`, `live only`, `defined, not live` —, or `—` where it is neither; undefined for a
 * row that is not about an object. */
export function objectCell(d: Pick<Divergence, 'kind'>, v: { repo: string | null; live: string | null; liveSource?: string } | undefined): string | undefined {
  if (!OBJECT_KINDS.has(d.kind)) return undefined;
  const defined = v?.repo !== null && v?.repo !== undefined;
  const live = v?.live !== null && v?.live !== undefined;
  if (defined && live) return 'defined, live';
  if (live) return 'live only';
  if (defined) return d.kind === 'missing-live' ? 'defined, not live' : 'defined';
  return ABSENT;
}

/** A key's note as a sentence: `T: "10000" is written as number in staging but as string in production`. */
export const keyNoteText = (note: KeyNote) => `${note.key}: ${note.text}`;

/** A place as people and editors write it: `config/production.yaml:9`; the file alone when no line
 * is known; `k8s/overlays/prod (built)` for what an overlay's build makes. */
export const placeText = (at: RepoLocation | FileLocation): string => ('line' in at ? `${at.file}:${at.line}` : at.built ? `${at.file} (built)` : at.file);

/** A value as a sentence quotes it: `"10000"`, or `absent`. */
export const quoted = (v: string | null) => (v === null ? 'absent' : JSON.stringify(v));

/** A value as one short line: newlines shown as ⏎, long text cut in the middle. Only its ends can
 * be shown, so a long value is cut to them first (`width` characters need at most 2 × width + 2
 * code units, and rendering never makes text shorter than half): a 45 MB value rendered whole held
 * over a gigabyte. */
export function shortValue(text: string | null, width: number): string {
  if (text === null) return ABSENT;
  const secret = FINGERPRINT_HEAD.exec(text);
  // A fingerprint cut in the middle kept an uneven part of its hash and the byte count's tail
  // (`secret:c256a…7 (9 bytes)`): the hash is what tells two apart, so it is kept whole, then `…`.
  if (secret && text.length > width) return `${secret[1]!.slice(0, Math.max(0, width - 1))}…`;
  const keep = 2 * width + 8;
  const ends = text.length > 2 * keep ? `${text.slice(0, keep)}${text.slice(-keep)}` : text;
  return truncate(terminalSafe(ends.replace(/\r?\n/g, '⏎').replace(/\t/g, ' ')), width);
}

/** A whole value that is a secret's fingerprint (parse/fingerprint.ts): `secret:<12 hex> (<n> bytes)`. */
const FINGERPRINT_HEAD = /^(secret:[0-9a-f]{12}) \(\d+ bytes\)$/;
/** The hash of a value that is a secret's fingerprint, or undefined. */
export const fingerprintHash = (text: string): string | undefined => FINGERPRINT_HEAD.exec(text)?.[1]!.slice('secret:'.length);

/** Where two texts first differ (their common prefix's length). */
export function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A value cut to `width` around index `at`, for two values that show the same when cut in the middle
 * (two certificates, two long JSON lists): the cell shows where they differ, `…` where it was cut. */
export function shortValueAt(text: string, at: number, width: number): string {
  // Where the difference shows from the value's start with a third of the width after it, the start
  // is kept: `https://api.staging.int…`, not `…s://api.staging.intern…` (a newcomer's trial, session 37).
  const start = at + Math.ceil(width / 3) <= width - 1 ? 0 : Math.max(0, at - Math.floor(width / 3));
  const window = text.slice(start, start + 2 * width + 8);
  const chars = [...terminalSafe(window.replace(/\r?\n/g, '⏎').replace(/\t/g, ' '))];
  const head = start > 0 ? '…' : '';
  const more = start + window.length < text.length || chars.length > width - head.length;
  return `${head}${chars.slice(0, width - head.length - (more ? 1 : 0)).join('')}${more ? '…' : ''}`;
}

/** The text cut in the middle to `width` characters (code points), with `…` where it was cut. */
export function truncate(text: string, width: number): string {
  if (text.length <= width) return text; // no more characters than code units
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  if (text.length <= 2 * width + 4) {
    const chars = [...text];
    if (chars.length <= width) return text;
    if (width <= 1) return '…';
    return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
  }
  // More characters than width for certain: only the ends are split into characters.
  if (width <= 1) return '…';
  const first = [...text.slice(0, 2 * head + 2)].slice(0, head).join('');
  const last = tail > 0 ? [...text.slice(-(2 * tail + 2))].slice(-tail).join('') : '';
  return `${first}…${last}`;
}

export function summaryLine(divergences: Divergence[]): string {
  const drift = divergences.filter((d) => d.severity === 'drift').length;
  const info = divergences.length - drift;
  if (divergences.length === 0) return 'no divergences: the environments agree, or differ only as the contract declares';
  const parts = [`${drift} undeclared drift`];
  if (info > 0) parts.push(`${info} informational`);
  return `${divergences.length} divergence${divergences.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Declaring a difference every environment has left behind removes its declaration: the plan
 * applies it as `undeclare`, so the words shown for it must say so too. */
export function removesDeclaration(about: Pick<Divergence, 'kind' | 'severity'>, action: string): boolean {
  return action === 'declare' && about.kind === 'stale-declaration' && about.severity === 'info';
}

/** `backfill production = 10000 (0.90)`: the suggestion about a divergence in a few words. */
export function verdictShort(about: Pick<Divergence, 'kind' | 'severity' | 'verdict'> & Partial<Pick<Divergence, 'key' | 'values' | 'envs'>>): string {
  const verdict = about.verdict;
  if (!verdict) return '';
  // A Secret's revert or backfill is a person's step: undrift would refuse to write it.
  const manual =
    about.key !== undefined && about.values && about.envs ? manualShort({ ...about, key: about.key, values: about.values, envs: about.envs }) : undefined;
  if (manual) return `${manual} (${verdict.confidence.toFixed(2)})`;
  const action = removesDeclaration(about, verdict.suggested) ? 'undeclare' : verdict.suggested;
  const target = verdict.drifted ? ` ${verdict.drifted}` : '';
  const value = verdict.value !== null && verdict.suggested !== 'declare' ? ` = ${verdict.value}` : '';
  return `${action}${target}${value} (${verdict.confidence.toFixed(2)})`;
}

/** An artifact's live value in a few characters: `1.8.2@3f1a9c0e5b7d` (tag and start of digest). */
export function artifactShort(live: string | null, width: number): string {
  const m = /:([^:/]+?)(?: \((sha256:[0-9a-f]+)[^)]*\))?$/.exec(live ?? '');
  return m ? truncate(`${m[1]}${m[2] ? `@${m[2].slice(7, 19)}` : ''}`, width) : shortValue(live, width);
}

/** Files the scan read from the work tree that differ from HEAD, said before apply is confirmed (the
 * view's summary) and before it writes: the branch is made from HEAD, so a value taken from an
 * uncommitted line is not what the branch's files hold around it. */
export function uncommittedNotice(files: readonly string[]): string {
  const one = files.length === 1;
  return (
    `${files.join(', ')} ${one ? 'has' : 'have'} uncommitted changes: the scan read ${one ? 'it' : 'them'} as in your work tree, ` +
    `but the branch is made from the committed files (HEAD), not from your uncommitted ${one ? 'edit' : 'edits'}; ` +
    `your work tree is not touched (the commits are written in a temporary worktree). Commit first if a decision rests on ${one ? 'its' : 'their'} values`
  );
}
