/** A problem with the user's input (config, files, arguments, repository). The CLI prints its
 * message as one line and exits 2; anything else is a bug and is reported as such. `notes`: warnings
 * the run had given by then that explain the error (printed, one line each, before it). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
    readonly notes: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** `file:line:column: message`, omitting what is unknown. */
export function located(file: string, line: number | undefined, column: number | undefined, message: string): string {
  if (line === undefined) return `${file}: ${message}`;
  if (column === undefined) return `${file}:${line}: ${message}`;
  return `${file}:${line}:${column}: ${message}`;
}

/** A file refused because it passes one of the read limits (model/limits.ts): `why` says which
 * and names the setting that raises it. History skips such a version instead of failing. */
export class LimitError extends UserError {
  constructor(
    file: string,
    line: number | undefined,
    readonly why: string,
  ) {
    super(located(file, line, undefined, `cannot be read: ${why}`));
  }
}
