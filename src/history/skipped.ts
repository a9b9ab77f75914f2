// A historic version that passes a read limit (model/limits.ts) is skipped, not failed: the scan
// goes on, the history is bridged across it as across a version that does not parse, and the
// warning says which limit, so that a bomb committed once and removed later costs nothing.

const SKIPPED = 'skipped: ';

/** The parse error a version over a read limit is kept under (also in the history cache). */
export const skippedFor = (why: string): string => `${SKIPPED}${why}`;

/** The warning about one version history could not read. */
export function brokenVersionWarning(broken: { commit: string; file: string; error: string }): string {
  const sha = broken.commit.slice(0, 7);
  if (broken.error.startsWith(SKIPPED)) return `version ${sha} of ${broken.file} ${broken.error}; history is bridged across it`;
  return `${broken.file} does not parse at ${sha} (${broken.error}); history is bridged across it`;
}
