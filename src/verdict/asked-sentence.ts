// A sentence that asks does not instruct. "Keep 5 or go back to 2?", "Soll das Limit zurück auf 2?",
// "On le remet à 2 ?", "¿Lo ponemos de nuevo a 2?": the words of a step putting a value back, asked as
// a question, are the question a team has not answered — never the procedure a reader may carry out.
// A reader that finds such words checks the sentence they stand in. Pure.

// Where the sentence holding a phrase ends: a mark before white space or the text's end (a decimal's
// dot, "2.5", is no end), possibly inside closing bold, quotes or a bracket ("… back to 2?**"), or a
// line that starts a new list item or paragraph (a wrapped line goes on).
const SENTENCE_END = /[.!?？;](?=[*_"'”»)]{0,3}(?:\s|$))|\n[ \t]*(?:\n|[-*+•][ \t]|\d{1,3}[.)][ \t])/u;

/** Whether the sentence of `text` holding the position `at` ends with a question mark. */
export function askedAt(text: string, at: number): boolean {
  const end = SENTENCE_END.exec(text.slice(at));
  return end !== null && (end[0] === '?' || end[0] === '？');
}
