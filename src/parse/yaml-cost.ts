import type { ReadLimits } from '../model/limits.js';

// History reads most versions with js-yaml, 8–10× faster than the scan's reader, but js-yaml
// bounds nothing: a 12.5M-line block scalar held 973 MB, a 16M-line single-quoted value 1.2 GB,
// 12.5M escapes in a double-quoted value 512 MB. Whether a text could pass a read limit is told
// here from a count of a few bytes (no parse): the few versions that could are read by the scan's
// own reader instead, which applies the limits exactly as it reads (yaml-cst.ts).

/** Escapes js-yaml may build a string from one character at a time (~40 bytes each): past this
 * a text is read the scan's way, which reads escapes in one pass. Not a limit: only a choice of
 * reader. */
const ESCAPES_FOR_JSYAML = 250_000;

/** Merge work (keys copied by `<<`, plus one per merged map) js-yaml may do in one parse before it
 * gives up (its own cap is 10,000: a values file of 120 services merging 100 defaults passes it).
 * Past this, or past js-yaml's 100 maps in one merge list, the version is read the scan's way,
 * which bounds merges by `limits.expandedValues`. Not a limit: only a choice of reader. */
export const MERGE_WORK_FOR_JSYAML = 500_000;

/** Whether js-yaml refused a text that the scan's reader may read: too much merge work for its
 * own caps (the caller reads the version the scan's way, which decides by the read limits). */
export const jsyamlMergeCap = (e: unknown): boolean =>
  e instanceof Error &&
  e.name === 'YAMLException' &&
  /^(merge keys exceeded maxTotalMergeKeys|abnormal merge sequence size)/.test((e as { reason?: string }).reason ?? '');

/** Whether the text may hold a tagged double-quoted value js-yaml reads (`!!str "…"`, a verbatim
 * `!<…>` tag, or a shorthand a `%TAG` directive defines; js-yaml refuses every other tag): the
 * scan's reader counts those against `limits.yamlQuotedChars`, so history must too. */
const mayHoldTaggedQuoted = (text: Buffer): boolean => text.includes(34) && (text.includes('!!') || text.includes('!<') || text.includes('%TAG'));

/**
 * Whether reading `text` with js-yaml could pass a read limit (or cost more than its size). Upper
 * bounds that hold for any YAML: a multi-line value's lines are lines of the text; every key,
 * value or item the scan counts is either one of the bytes `-` `,` `[` `{` or starts right after
 * one of them, a line break, `:` or `?` — so there are at most twice as many, plus one.
 */
export function mayPassReadLimits(text: Buffer, limits: Readonly<ReadLimits>): boolean {
  const { yamlItems, yamlValueLines, yamlQuotedChars } = limits;
  // Tagged double-quoted values are a part of the text: a text no longer than the bound cannot pass it.
  if (text.length > yamlQuotedChars && mayHoldTaggedQuoted(text)) return true;
  const small = Math.min(yamlValueLines, (yamlItems - 1) / 2, ESCAPES_FOR_JSYAML);
  if (text.length <= small) return false;
  let lines = 0;
  let openers = 0;
  let escapes = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text[i]) {
      case 10:
        lines++;
        openers++;
        break;
      case 45: // -
      case 44: // ,
      case 91: // [
      case 123: // {
      case 58: // :
      case 63: // ?
        openers++;
        break;
      case 92: // \
        escapes++;
        break;
    }
  }
  return lines >= yamlValueLines || 2 * openers + 1 > yamlItems || escapes > ESCAPES_FOR_JSYAML;
}
