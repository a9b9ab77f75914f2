// How far V8 lets the heap grow between two full collections: at most twice what the last one
// kept (V8 chooses up to 4 times by itself, more when the machine is busy and its collector looks
// slow). A first scan of a Helm repository keeps 35–75 MB alive between collections while it
// reads 3,500 versions, and 120–165 MB once the verdicts and the output are made; its peak resident
// memory is the garbage V8 lets pile up on top (the heap V8 holds reached 225 MB while 45–75 MB of
// it was alive). At V8's own choice it peaked at 367–380 MB, at 2.5 times 256–275 MB (session 11);
// the scan's verdicts have grown since, and at 2.5 times it peaked at 309–333 MB in session 14, at
// twice 267–299 MB (5 first scans each, interleaved, load 9–30 on the bench's corpus), for a few more
// full collections (median CPU 17.58 -> 17.95 s, within the noise of that load). Imported first by
// bin/undrift.js, before any other module allocates; the flag is read at every collection, so
// setting it at run time holds.
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
