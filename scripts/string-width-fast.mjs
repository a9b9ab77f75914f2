// A quicker path for Ink's `string-width` (bundled into the view by bundle-view.mjs), exact for the
// text the view draws. The package measures any text that is not printable ASCII by splitting it
// into grapheme clusters (Intl.Segmenter) and testing each against Unicode regular expressions
// (`\p{RGI_Emoji}` and others): on the view's thread the first call cost ~25 ms (the segmenter and
// the expressions compiled) and the first screen's 160 calls (rows holding `▶ › ≠ → · …`) were a
// tenth of its CPU before the list. Here a text made only of printable ASCII and of characters
// from U+00A0 to U+2FFF that never join a neighbour into one cluster is measured by adding each
// character's width, read from a table made at build time by the package itself; any other text
// (an escape sequence, a combining mark, an emoji, a joiner, CJK, anything past U+2FFF) goes to the
// package as before.
//
// Why adding is exact: a character c is in the table only if the package's own segmenter splits
// "a" c "a" into three clusters and c c into two. That leaves out every character that joins the
// one before it (extend marks, the zero-width joiner, spacing marks), the one after it (prepend
// marks) or its own kind (regional indicators, Hangul jamo L, V and T); the other joining rules
// (Hangul syllables with jamo, emoji sequences, Indic conjuncts) need one of those. So in such a text
// every character is a cluster of its own, and the package's width of the text is the sum of its
// widths of each character (test/tui/string-width.test.ts checks both on the Node it runs on).

export const FIRST = 0xa0;
export const END = 0x3000;

/** Each character's width from FIRST to END as a digit, `x` for one that may join a neighbour. */
export function widthTable(stringWidth) {
  const segmenter = new Intl.Segmenter();
  const clusters = (text) => [...segmenter.segment(text)].length;
  let table = '';
  for (let point = FIRST; point < END; point++) {
    const c = String.fromCodePoint(point);
    const alone = point < 0xd800 || point > 0xdfff ? clusters(`a${c}a`) === 3 && clusters(c + c) === 2 : false;
    const width = alone ? stringWidth(c) : -1;
    table += width >= 0 && width <= 2 ? String(width) : 'x';
  }
  return table;
}

/** The source of `__undriftFastWidth(text)`: the width, or -1 when the package must measure it. */
export function fastWidthSource(table) {
  return `const __undriftWidths = ${JSON.stringify(table)};
function __undriftFastWidth(text) {
	let width = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit >= 0x20 && unit < 0x7f) {
			width++;
			continue;
		}
		const known = unit >= ${FIRST} && unit < ${END} ? __undriftWidths.charCodeAt(unit - ${FIRST}) - 48 : -1;
		if (known < 0 || known > 2) return -1;
		width += known;
	}
	return width;
}
`;
}

/** string-width's index.js with the quick path first (for the default options, which Ink uses). */
export const STRING_WIDTH_PATCH = [
  'export default function stringWidth(input, options = {}) {\n',
  'export default function stringWidth(input, options = {}) {\n' +
    "\tif (typeof input === 'string' && options.ambiguousIsNarrow !== false) {\n" +
    '\t\tconst known = __undriftFastWidth(input);\n' +
    '\t\tif (known >= 0) return known;\n' +
    '\t}\n',
];
