// Indexes made once per log for every verdict of a scan (the messages read as documents, the texts
// saying something is refused, every key's name, a document's headings): made within the verdict
// that first asks, their reads would be recorded as that verdict's (reads.ts) — every commit,
// document or key of the log —, and that one verdict weighed again after any new commit or
// document. They are the log's, not a verdict's: made unrecorded. What a verdict then finds in
// one is judged as the log's texts are, by their words (reads.ts `mayChange`, document-reads.ts).
let building = 0;

/** `build()`, its reads of the log not recorded as the current verdict's. */
export function unrecorded<T>(build: () => T): T {
  building++;
  try {
    return build();
  } finally {
    building--;
  }
}

/** Whether the log's reads are a verdict's now (not an index's being made for every verdict). */
export const recordingReads = (): boolean => building === 0;
