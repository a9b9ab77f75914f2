/** A reader that stops early (`undrift scan | head`) closes the pipe: that is not an error of
 * undrift's. The process ends at once and quietly with exit 0, as `git log | head` ends quietly;
 * any other failure of the stream still surfaces. */
export function endQuietlyWhenClosed(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}
