// How far V8 lets the heap grow between two full collections: at most 2.5 times what the last one
// kept (V8 chooses up to 4 times by itself, more when the machine is busy and its collector looks
// slow). A first scan of a Helm repository keeps 50–100 MB alive between collections while it
// reads 3,500 versions, and its peak resident memory was that garbage: 367–380 MB with V8's own
// choice, 256–275 MB at 2.5 times, for 6–10 more full collections of ~25 ms each (~1% of its CPU;
// measured with the bench's corpus, session 11). Imported first by bin/undrift.js, before any
// other module allocates; the flag is read at every collection, so setting it at run time holds.
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 150;

v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
