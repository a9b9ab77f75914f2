// Runs many corpus cases in one process (corpus.test.ts: the cases whose process boundary is not
// what they test), each through the CLI's `main` with its own working directory, environment and
// output, the way bin/undrift.js calls it. Anything written to the process's own streams while a
// case runs (a library's console output, a warning) is counted as that case's output. One JSON line
// per case on standard output; a case still running at its deadline is reported as timed out.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { main } from '../../dist/cli/main.js';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const realWrite = process.stdout.write.bind(process.stdout);
const report = (line) => realWrite(`${JSON.stringify(line)}\n`);

/** Routes `process.stdout`/`process.stderr` writes into `append` while a case runs. */
function redirect(stream, append) {
  const original = stream.write;
  stream.write = (chunk, encoding, callback) => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
  return () => (stream.write = original);
}

for (const c of cases) {
  // Said first, so that a case that kills the process (a heap exhausted) is named.
  report({ id: c.id, started: true });
  let stdout = '';
  let stderr = '';
  const sink = (append) => new Writable({ write: (chunk, _encoding, done) => (append(chunk.toString('utf8')), done()) });
  const saved = Object.fromEntries(Object.keys(c.env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, c.env);
  const restoreOut = redirect(process.stdout, (text) => (stdout += text));
  const restoreErr = redirect(process.stderr, (text) => (stderr += text));
  const started = Date.now();
  let timer;
  const deadline = new Promise((resolve) => (timer = setTimeout(() => resolve('deadline'), c.deadlineMs)));
  let exitCode;
  try {
    exitCode = await Promise.race([
      main(c.args, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), env: process.env, cwd: c.cwd }),
      deadline,
    ]);
  } catch (e) {
    // main never throws; if it does, it is reported as a crash would be.
    stderr += `\n${e instanceof Error ? e.stack : String(e)}`;
    exitCode = 1;
  }
  clearTimeout(timer);
  restoreOut();
  restoreErr();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const timedOut = exitCode === 'deadline';
  report({ id: c.id, exitCode: timedOut ? -1 : exitCode, timedOut, stdout, stderr, ms: Date.now() - started });
}
report({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
// What a timed-out case left running does not hold the process.
process.exit(0);
