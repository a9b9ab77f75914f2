// Loaded with `node --import` into a child run of undrift by the tests: at exit it writes the
// process's peak resident memory (KiB) where UNDRIFT_TEST_RSS_FILE says, so a test can bound
// memory without reading it from the outside.
import { writeFileSync } from 'node:fs';

const file = process.env.UNDRIFT_TEST_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the measurement is best effort; the test says when it is missing
    }
  });
}
