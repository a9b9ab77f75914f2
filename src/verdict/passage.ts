// The words a reason quotes for what a text says: the passage around the phrase a reader matched,
// not the phrase alone. `says the change is temporary ("Temporary")` quoted one bare word that
// only repeated the claim; `("Temporary: back to 10 after the load test")` shows what was said.

import { sentenceEnds } from './sentence-end.js';

/** Words kept on each side of the phrase when its sentence is long. */
const AROUND = 6;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The sentence (or, when the phrase is its sentence alone, the phrase with the sentence after or
 * before it) around the first occurrence of `phrase` in `text`, a few words each side; undefined
 * when the phrase is not found or nothing but the phrase is there. A line break ends a sentence
 * (the readers' text keeps one only where the writer meant one: a hard wrap is mended). */
export function passageAround(text: string, phrase: string): string | undefined {
  const needle = phrase.trim().replace(/\s+/g, ' ');
  if (needle === '') return undefined;
  const sentences = text
    .split('\n')
    .flatMap((line) => line.split(sentenceEnds(/(?<=[.!?])\s+/)))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const at = (sentence: string) => (sentence.includes(needle) ? sentence.indexOf(needle) : sentence.toLowerCase().indexOf(needle.toLowerCase()));
  const index = sentences.findIndex((sentence) => at(sentence) >= 0);
  if (index < 0) return undefined;
  const bare = (s: string) => s.replace(/[\s\p{P}]+/gu, '') === '';
  let sentence = sentences[index]!;
  const own = at(sentence);
  if (bare(sentence.slice(0, own) + sentence.slice(own + needle.length))) {
    // The phrase is a sentence of its own ("Temporary."): the next sentence says what it is about,
    // else the one before.
    const next = sentences[index + 1];
    const previous = sentences[index - 1];
    if (next !== undefined) sentence = `${sentence}${/[.!?:;]$/.test(sentence) ? '' : '.'} ${next}`;
    else if (previous !== undefined) sentence = `${previous}${/[.!?:;]$/.test(previous) ? '' : '.'} ${sentence}`;
    else return undefined;
  }
  const start = at(sentence);
  const head = sentence.slice(0, start);
  const found = sentence.slice(start, start + needle.length);
  const tail = sentence.slice(start + needle.length).replace(/[.!?]$/, '');
  // A few words each side, cut at word ends (punctuation stays where the text has it).
  const left = head.slice(wordsBack(head, AROUND));
  const right = tail.slice(0, wordsOn(tail, AROUND));
  const cut = (kept: string, whole: string) => kept.trim().length < whole.trim().length;
  return `${cut(left, head) ? '…' : ''}${left}${found}${right}${cut(right, tail) ? '…' : ''}`.replace(/\s+/g, ' ').trim();
}

const blank = (c: string | undefined) => c !== undefined && /\s/.test(c);

// A few words each side, found by walking the text once: the patterns that said the same
// (`(?:\S+\s+){0,6}\S*$`, tried from every position) were quadratic on a long run of one
// character in a hostile commit message (273 ms at 5 KB).

/** Where the last `count` whole words of `text` begin, with the word cut at its end. */
function wordsBack(text: string, count: number): number {
  let at = text.length;
  while (at > 0 && !blank(text[at - 1])) at--;
  for (let taken = 0; taken < count; taken++) {
    let gap = at;
    while (gap > 0 && blank(text[gap - 1])) gap--;
    let word = gap;
    while (word > 0 && !blank(text[word - 1])) word--;
    if (gap === at || word === gap) break;
    at = word;
  }
  return at;
}

/** Where the first `count` whole words of `text` end, after the word cut at its start. */
function wordsOn(text: string, count: number): number {
  let at = 0;
  while (at < text.length && !blank(text[at])) at++;
  for (let taken = 0; taken < count; taken++) {
    let gap = at;
    while (gap < text.length && blank(text[gap])) gap++;
    let word = gap;
    while (word < text.length && !blank(text[word])) word++;
    if (gap === at || word === gap) break;
    at = word;
  }
  return at;
}

/** How a reason quotes the phrase a reader matched in a commit's text: ` ("the passage")`, or
 * nothing where the passage is the commit's subject (quoted beside it already) or cannot be more
 * than the phrase itself, when the phrase is one word (a bare word only repeats the claim). */
export function quotedPassage(text: string, phrase: string, subject: string): string {
  return quoteOf({ phrase, ...withPassage(messagePassage(text, phrase)) }, subject);
}

/** The passage of a commit message (its subject's line first, then its body) that holds `phrase`:
 * read in the body where the body holds it (the subject is quoted beside a reason already), so a
 * body that says only "Temporary." has no passage to quote. */
export function messagePassage(message: string, phrase: string): string | undefined {
  const nl = message.indexOf('\n');
  const body = nl < 0 ? '' : message.slice(nl + 1);
  return body.toLowerCase().includes(phrase.trim().toLowerCase()) ? passageAround(body, phrase) : passageAround(message, phrase);
}

const withPassage = (passage: string | undefined) => (passage === undefined ? {} : { passage });

/** The same, from a phrase and the passage read with it (an intent's `temporary`). */
export function quoteOf(said: { phrase: string; passage?: string }, subject: string): string {
  if (said.passage !== undefined) return subject.includes(said.passage.replace(/^…|…$/g, '')) ? '' : ` ("${said.passage}")`;
  return words(said.phrase.trim()).length > 1 ? ` ("${said.phrase.trim()}")` : '';
}
