// The verdict against the development stories: part 2 of 3, every third story of each set
// (test/verdict/story-sets.ts lists the sets; story-tests.ts judges them).
import { DEVELOPMENT_SETS } from './story-sets.js';
import { storyTests } from './story-tests.js';

for (const [set, dir] of DEVELOPMENT_SETS) storyTests(set, dir, { part: 2, of: 3 });
