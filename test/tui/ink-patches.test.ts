// The view's bundle draws with Ink patched at build time (scripts/ink-patches.mjs: caches kept
// across frames, rows laid out only when what is written on them is new). The component tests run
// Ink as published, so here both draw the same frames: Ink's own output.js and the same file with
// the bundle's patches, fed one sequence of frames (writes with colours, wide characters, lines
// past the edges, overlapping writes, clips and transformers; rows repeating from frame to frame,
// as a key leaves most of the screen as it was). Each frame's text must be the same.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';

interface Output {
  write(x: number, y: number, text: string, options: { transformers: Array<(line: string, index: number) => string> }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (options: { width: number; height: number }) => Output;

const root = fileURLToPath(new URL('../../', import.meta.url));
const { patchInkFile } = (await import(pathToFileURL(path.join(root, 'scripts/ink-patches.mjs')).href)) as {
  patchInkFile: (name: string, code: string) => { patched: string; applied: string[] };
};
// Both copies beside a link to the project's node_modules, where their imports are found.
const dir = mkdtempSync(path.join(tmpdir(), 'undrift-ink-patches-'));
symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const original = readFileSync(path.join(root, 'node_modules/ink/build/output.js'), 'utf8');
const { patched, applied } = patchInkFile('output.js', original);
// Without their source maps (not copied).
const unmapped = (code: string) => code.replace(/^\/\/# sourceMappingURL=.*$/m, '');
writeFileSync(path.join(dir, 'original.js'), unmapped(original));
writeFileSync(path.join(dir, 'patched.js'), unmapped(patched));
const load = async (name: string) => ((await import(pathToFileURL(path.join(dir, name)).href)) as { default: OutputClass }).default;

/** A small seeded generator: the same frames every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]! };
}

const LINES = [
  '› ≠ defaultProbe.periodSeconds   5   9   5',
  '\u001b[1mundrift · helm\u001b[22m · integration → staging',
  '\u001b[31mnot applied\u001b[39m: production is frozen',
  '\u001b[2m? help · q quit\u001b[22m',
  '漢字のキー: 値',
  'emoji 🙂 and a combining e\u0301 mark',
  'two\nlines',
  '\u001b[7m selected row \u001b[27m  with  spaces   ',
  '',
  'x',
  `${'long '.repeat(40)}end`,
  '\u001b[32m≋ ▸ *.value (303 keys)\u001b[39m   /inte… /stag…',
  // Styles nested and ended in other orders than opened (runs of cells of the same styles meet).
  '\u001b[1m\u001b[2mbold dim\u001b[22m plain \u001b[4m\u001b[31mred under\u001b[39m under\u001b[24m \u001b[7minverse',
  '\u001b[38;5;208morange\u001b[48;5;17m on blue\u001b[0m reset \u001b[1mbold\u001b[0m',
];
const TRANSFORMERS: Array<Array<(line: string, index: number) => string>> = [[], [(line) => line.toUpperCase()], [(line, index) => `${index}:${line}`]];

it("the bundle's patched Ink draws every frame as Ink does", async () => {
  // Each patch still applies (the build would stop otherwise), the row patches among them.
  expect(applied.length).toBeGreaterThanOrEqual(4);
  expect(patched).toContain('layOut');
  const [Ink, Patched] = [await load('original.js'), await load('patched.js')];
  let frames = 0;
  for (let seed = 1; seed <= 16; seed++) {
    const r = random(seed);
    // Widths from seed to seed (a resize), over one cache: the view's caches outlive a frame.
    const width = r.int(8, 120);
    const height = r.int(3, 40);
    // A screen of rows, most kept from one frame to the next (a cursor move redraws two).
    const rows = Array.from({ length: height + 2 }, () => ({ x: r.int(-3, 4) || width + 1, text: r.pick(LINES), transformers: r.pick(TRANSFORMERS) }));
    for (let frame = 0; frame < 8; frame++) {
      for (let change = r.int(0, 3); change > 0; change--)
        rows[r.int(0, rows.length - 1)] = { x: r.int(-3, width + 2), text: r.pick(LINES), transformers: r.pick(TRANSFORMERS) };
      const clip = r.int(0, 3) === 0 ? { x1: r.int(0, width), x2: r.int(0, width + 4), y1: r.int(0, height), y2: r.int(0, height + 4) } : undefined;
      const draw = (output: Output) => {
        for (const [y, row] of rows.entries()) {
          if (clip && y === 2) output.clip(clip);
          output.write(row.x, y - 1, row.text, { transformers: row.transformers });
          // An overlapping write on the same row, as a pane drawn beside the list.
          if (y % 5 === 0) output.write(Math.floor(width / 2), y - 1, LINES[y % LINES.length]!, { transformers: [] });
          if (clip && y === height - 1) output.unclip();
        }
        return output.get();
      };
      expect(draw(new Patched({ width, height })), `seed ${seed}, frame ${frame}`).toEqual(draw(new Ink({ width, height })));
      frames++;
    }
  }
  expect(frames).toBe(128);
});
