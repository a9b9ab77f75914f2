import { Worker } from 'node:worker_threads';

/** The descriptor the view's reader is handed its lifeline on (stdio: ignore, ignore, stderr, ipc, lifeline). */
export const LIFELINE_FD = 4;

// Run on a thread of its own in the reader: the main thread spends seconds in synchronous reads
// (history), during which neither the channel's 'disconnect' nor a timer is seen. The view holds
// the lifeline's other end and never writes to it: it reads end-of-file once every copy of that
// end is closed, i.e. once the view's process is gone, however it ended (SIGKILL included). The
// reader then ends with its process group (the git processes it started), at once, without
// polling anything (no wake-ups: the thread sleeps in epoll until then).
const WATCH = `
const { Socket } = require('node:net');
const { workerData } = require('node:worker_threads');
const end = () => {
  try { process.kill(-workerData.pid, 'SIGKILL'); } catch { process.kill(workerData.pid, 'SIGKILL'); }
};
try {
  const line = new Socket({ fd: workerData.fd, readable: true, writable: false });
  line.on('end', end);
  // A reset is the other end gone too; another error leaves the reader to its channel's 'disconnect'.
  line.on('error', (e) => { if (e.code === 'ECONNRESET' || e.code === 'EPIPE') end(); });
  line.resume();
} catch {}
`;

/** Ends this process (and the processes of its group, when it leads one) as soon as the process
 * holding the other end of `fd` is gone. Costs nothing until then: one thread asleep on a pipe. */
export function endWithHolder(fd = LIFELINE_FD): Worker | undefined {
  try {
    const watcher = new Worker(WATCH, { eval: true, workerData: { fd, pid: process.pid } });
    // It never keeps the reader alive, nor fails it.
    watcher.unref();
    watcher.on('error', () => undefined);
    return watcher;
  } catch {
    return undefined;
  }
}
