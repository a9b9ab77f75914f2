// How far V8 lets the heap grow between two full collections: at most 1.75 times what the last one
// kept (V8 chooses up to 4 times by itself, more when the machine is busy and its collector looks
// slow). A first scan of a Helm repository keeps 35–75 MB alive between collections while it
// reads 3,500 versions, and 120–165 MB once the verdicts and the output are made; its peak resident
// memory is the garbage V8 lets pile up on top (the heap V8 holds reached 225 MB while 45–75 MB of
// it was alive). At V8's own choice it peaked at 367–380 MB, at 2.5 times 256–275 MB (session 11);
// the scan's verdicts have grown since, and at 2.5 times it peaked at 309–333 MB in session 14, at
// twice 267–299 MB (5 first scans each, interleaved, load 9–30 on the bench's corpus), for a few more
// full collections (median CPU 17.58 -> 17.95 s, within the noise of that load). By session 27 twice
// peaked at 291–301 MB (3 first scans, load 3–5; the lead's 303): on the same corpus, first scans
// alternating at load 5–7, 1.75 times peaked at 250 / 253 MB and 1.5 times at 229 / 238 MB, with
// 16.89 / 16.76 against 17.65 / 17.78 CPU-s (1.5 times cost ~5% against twice; 1.75 about a third
// of that). Imported first by
// bin/undrift.js, before any other module allocates; the flag is read at every collection, so
// setting it at run time holds.
//
// The young generation: V8 doubles each of its two semi-spaces up to 16 MB while most of what it
// allocates survives a scavenge, as the history read's does; with the new large-object space that
// is ~35–45 MB of a first scan's peak resident memory (284–309 MB on the bench's corpus in session
// 19, against 244–259 MB with the semi-space held at 4 MB: `node --max-semi-space-size=4`, or the
// steering below, in alternating first scans at load 16–21, CPU within the load's noise). The
// maximum is fixed when the heap is set up (`--max-semi-space-size` set at run time changes
// nothing), but the growth factor is read at every growth: it is set so that the next growth
// reaches SEMI_SPACE_MB and, once there, to 1 (no growth). It is set again after each collection
// (a shrink, when the process idles, may have taken the space below the bound). Between two turns
// of the event loop two growths may happen before it is set to 1: then the space is at most V8's
// own maximum, as without this.
// V8 13 (Node 24) grows a full semi-space by a page or more even at a factor of 1 (and a factor of 0,
// which stops it there, crashes Node 20's V8): there the space creeps past the bound (4 -> 5.25 MB over
// the test's 1,500 turns, once 8) but stays far below the 64 MB V8 13 grows it to alone.
import v8 from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

export const HEAP_GROWING_PERCENT = 75;
/** The size (MB) each semi-space of the young generation grows to, at most. */
export const SEMI_SPACE_MB = 4;

v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/** One semi-space's size now (MB): V8's new space is two of them. */
export function semiSpaceMb(): number {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return (space?.space_size ?? 0) / 2 / (1 << 20);
}

let factor = 0;
function steer(): void {
  const semi = semiSpaceMb();
  const next = semi >= SEMI_SPACE_MB ? 1 : 2;
  if (next !== factor) v8.setFlagsFromString(`--semi-space-growth-factor=${(factor = next)}`);
}
steer();
new PerformanceObserver(steer).observe({ entryTypes: ['gc'] });
