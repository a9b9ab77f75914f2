export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

const COLOURED: Style = { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };

/** The only escape codes undrift's own output writes (SGR n): the output guard lets these through
 * and shows every other escape visibly. */
export const STYLE_CODES: ReadonlySet<number> = new Set([1, 2, 22, 31, 32, 33, 39]);
const id = (s: string) => s;
export const PLAIN: Style = { red: id, yellow: id, green: id, dim: id, bold: id };

/** Colour only on a terminal, never with NO_COLOR (any non-empty value) or --no-color; FORCE_COLOR forces it. */
export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export const styleFor = (enabled: boolean): Style => (enabled ? COLOURED : PLAIN);
