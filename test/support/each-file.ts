// Run before every test file (vitest.config.ts setupFiles).
import { cleanUpAtFileEnd } from './file-end.js';

cleanUpAtFileEnd();
