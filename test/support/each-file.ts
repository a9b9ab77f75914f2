// Run before every test file (vitest.config.ts setupFiles).
import { recordFileCost } from './file-cost.js';
import { cleanUpAtFileEnd } from './file-end.js';

if (process.env.UNDRIFT_TEST_COST_LOG) recordFileCost(process.env.UNDRIFT_TEST_COST_LOG);
cleanUpAtFileEnd();
