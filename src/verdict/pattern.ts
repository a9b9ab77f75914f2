// Long phrase tables written as pieces, one line each, so no line outgrows the limit and a reader
// sees the alternatives as a list. The pieces are regular-expression source, joined with nothing
// between them and escaped nowhere: exactly what the same text would be as one literal.

/** The source of one pattern written as pieces (a piece usually ends after a `|`). */
export const sourceOf = (...pieces: string[]): string => pieces.join('');

/** A RegExp with these flags whose source is the pieces joined, as `sourceOf` joins them. */
export const regex = (flags: string, ...pieces: string[]): RegExp => new RegExp(sourceOf(...pieces), flags);
