import { readLimits } from '../model/limits.js';

// History reads most versions with js-yaml, 8–10× faster than the scan's reader, but js-yaml
// bounds nothing: a 12.5M-line block scalar held 973 MB, a 16M-line single-quoted value 1.2 GB,
// 12.5M escapes in a double-quoted value 512 MB. Whether a text could pass a read limit is told
// here from a count of a few bytes (no parse): the few versions that could are read by the scan's
// own reader instead, which applies the limits exactly as it reads (yaml-cst.ts).

/** Escapes js-yaml may build a string from one character at a time (~40 bytes each): past this
 * a text is read the scan's way, which reads escapes in one pass. Not a limit: only a choice of
 * reader. */
const ESCAPES_FOR_JSYAML = 250_000;

/**
 * Whether reading `text` with js-yaml could pass a read limit (or cost more than its size). Upper
 * bounds that hold for any YAML: a multi-line value's lines are lines of the text; every key,
 * value or item the scan counts is either one of the bytes `-` `,` `[` `{` or starts right after
 * one of them, a line break, `:` or `?` — so there are at most twice as many, plus one.
 */
export function mayPassReadLimits(text: Buffer): boolean {
  const { yamlItems, yamlValueLines } = readLimits();
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
