// The text every reader reads: one entry point, so that a reader of notes or documents reads the
// same words intent.ts reads ("prod after teh freeze" is "prod after the freeze" to every reader, not
// only to the intent reader). A sentence hard-wrapped onto the next line is one sentence, and each
// slip of a word the readers key on is mended (typos.ts). Kept per text: a scan reads the same
// message for every key it changed.
import { once } from './once.js';
import { mendTypos } from './typos.js';

/** The text with every line filled to the width (40 characters or more) that ends no sentence, and
 * is followed by a line going on with a lower-case word, joined to that line. */
export function unwrapped(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1]!.trimEnd();
    const goesOn = before.length >= 40 && /[^\s.!?:;,]$/.test(before) && /^[ \t]*\p{Ll}/u.test(lines[i]!);
    out += goesOn ? ` ${lines[i]!.trimStart()}` : `\n${lines[i]!}`;
  }
  return out;
}

/** A passage as the readers read it (a note, a document's list item or paragraph, a later commit's
 * message read for a word): each slip of a word the readers key on mended, its lines as written. */
export const mended = (text: string): string => mendTypos(text);

/** A message's text as the readers read it: unwrapped and mended. */
export const mendedText = once(
  (text: string) => text,
  (text: string): string => mendTypos(unwrapped(text)),
);

/** A commit's message as the readers read it: its subject apart (a subject is one thought), its body
 * unwrapped, both mended. */
export const mendedMessage = (subject: string, body: string): string => mendTypos(`${subject}\n${unwrapped(body)}`);
