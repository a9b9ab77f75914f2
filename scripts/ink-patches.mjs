// The text bundle-view.mjs replaces in Ink's files (see there, and why), kept apart so that a
// test can apply the same patches to Ink's own file and compare what both draw
// (test/tui/ink-patches.test.ts).

/** Text replaced in Ink's files: [file, what, with what]. */
export const inkPatches = [
  // One set of caches for every frame, emptied when it grows past what many screens need.
  ['output.js', '    caches = new OutputCaches();', '    caches = (OutputCaches.shared ??= new OutputCaches()).bounded();'],
  [
    'output.js',
    '    styledChars = new Map();',
    `    styledChars = new Map();
    rows = new Map();
    bounded() {
        if (this.styledChars.size > 4000 || this.widths.size > 20000 || this.rows.size > 4000) {
            this.styledChars.clear();
            this.widths.clear();
            this.blockWidths.clear();
            this.rows.clear();
        }
        return this;
    }`,
  ],
  // A row's text follows from what was written on it (where, and which line): a row written as
  // in an earlier frame is not turned into text again, nor its cells laid out. Ink lays out every
  // cell of the screen on every frame (120×40: 4,800 new cell objects, then each written character
  // placed), most of them on rows a key left as they were; here a frame's writes are kept per row
  // (after the clipping and transformers Ink applies), and only a row whose writes are new is laid
  // out, as Ink would (its loop, unchanged, over one row).
  [
    'output.js',
    `        const output = [];
        for (let y = 0; y < this.height; y++) {
            const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }
            output.push(row);
        }`,
    `        const output = [];
        for (let y = 0; y < this.height; y++) {
            output.push([]);
        }`,
  ],
  [
    'output.js',
    `                    const characters = this.caches.getStyledChars(line);
                    let offsetX = x;`,
    `                    currentLine.push([x, line]);
                    offsetY++;
                }
            }
        }
        const blank = { type: 'char', value: ' ', fullWidth: false, styles: [] };
        const layOut = (writes) => {
            const currentLine = new Array(this.width).fill(blank);
            for (const [x, line] of writes) {
                    const characters = this.caches.getStyledChars(line);
                    let offsetX = x;`,
  ],
  [
    'output.js',
    `                        offsetX += characterWidth;
                    }
                    offsetY++;
                }
            }
        }`,
    `                        offsetX += characterWidth;
                    }
            }
            return currentLine;
        };`,
  ],
  [
    'output.js',
    `            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`,
    `            .map(writes => {
            // Its width too: a write past the row's end lands where the row ends (Ink drops the gap).
            const written = \`\${this.width}\\u0002\${writes.map(([x, line]) => \`\${x}\\u0000\${line}\`).join('\\u0001')}\`;
            let text = this.caches.rows.get(written);
            if (text === undefined) {
                // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
                const lineWithoutEmptyItems = layOut(writes).filter(item => item !== undefined);
                text = styledCharsToString(runsOf(lineWithoutEmptyItems)).trimEnd();
                this.caches.rows.set(written, text);
            }
            return text;
        })`,
  ],
  // A row's cells turned into text by runs: neighbouring cells carrying the same styles (the same
  // codes, as styledCharsFromTokens copies them from one character to the next) become one cell of
  // their characters, for which styledCharsToString writes what it wrote for them one by one (no
  // code between two cells of the same styles). It diffs every cell's styles with the one before
  // (three Sets and an undo each): a row of 120 cells 45 -> 13 us warm (87 -> 18 cold), and a key
  // that changes the detail pane changes every row of the screen.
  [
    'output.js',
    "import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';",
    `import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';
const sameStyles = (a, b) => {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
};
const runsOf = (cells) => {
    const runs = [];
    for (const cell of cells) {
        const last = runs[runs.length - 1];
        if (last !== undefined && sameStyles(last.styles, cell.styles)) last.value += cell.value;
        else runs.push({ type: 'char', value: cell.value, fullWidth: false, styles: cell.styles });
    }
    return runs;
};`,
  ],
  // Each text node's width, measured once per text (Ink's own measureText cache).
  ['render-node-to-output.js', '                const currentWidth = widestLine(text);', '                const currentWidth = measureText(text).width;'],
  ['render-node-to-output.js', "import widestLine from 'widest-line';", "import measureText from './measure-text.js';"],
];

/** Ink's file `name` (under ink/build/) with the patches for it applied, and the ones applied. */
export function patchInkFile(name, code) {
  let patched = code;
  const applied = [];
  for (const [file, from, to] of inkPatches) {
    if (file !== name) continue;
    if (!patched.includes(from)) throw new Error(`ink/build/${name} no longer contains ${JSON.stringify(from)}: check the patch against this Ink version`);
    patched = patched.replace(from, to);
    applied.push(from);
  }
  return { patched, applied };
}
