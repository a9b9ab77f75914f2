// The verdict against the held-out stories (fixtures/verdict-stories/holdout/): written blind to the
// rules and never read while writing them; the same bar as the development set.
import { fileURLToPath } from 'node:url';
import { storyTests } from './story-tests.js';

storyTests('held-out', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout/', import.meta.url)));
