// The verdict against the blind held-out set, apart from `npm test` (npm run test:held-out):
// holdout-6/, written blind to the rules in session 8: one test over the whole set, failing with
// totals only. Its single blind run is recorded in its README, and its failures were read after
// it, so it is spent: the next session's blind set takes its place here. (The earlier held-out sets, holdout/ to
// holdout-5/, are spent: they run per story in the development set, stories.test.ts.)
import { fileURLToPath } from 'node:url';
import { blindStoryTests } from './story-tests.js';

blindStoryTests('held-out 6', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-6/', import.meta.url)));
