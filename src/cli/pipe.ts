/** A reader that stops early (`undrift scan | head`) closes the pipe: that is not an error of
 * undrift's. The process ends at once and quietly, as `git log | head` ends, with the exit code the
 * command had decided before writing (0, or 1 for drift; 0 if none yet): the output's size must not
 * decide whether a gate behind a pipe passes (a small table fits in the pipe and returns 1).
 * Any other failure to write the output (a full disk: `scan > /dev/full`) is one line on standard
 * error and exit 2, as every input or output error is: the report was not written. */
export function endQuietlyWhenClosed(stream: NodeJS.WriteStream, stderr: NodeJS.WritableStream = process.stderr): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    const reason = error.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
    try {
      stderr.write(`undrift: cannot write the output: ${reason}${error.code ? ` (${error.code})` : ''}\n`);
    } finally {
      process.exit(2);
    }
  });
}
