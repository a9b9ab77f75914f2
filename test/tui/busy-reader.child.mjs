// Run by background-scan.test.ts as the view's reader (scanInBackground's readerUrl): a reader
// whose thread is held by a read that never yields, as the history read holds it for seconds at a
// time. It says it has started (a progress message), takes up its lifeline as the real reader
// does, then never turns its event loop again: only the lifeline can end it.
import { endWithHolder } from '../../dist/tui/lifeline.js';

process.on('message', (message) => {
  if (message?.type !== 'start') return;
  endWithHolder();
  process.send({ type: 'history', done: 0, total: 1 }, undefined, undefined, () => {
    for (;;);
  });
});
