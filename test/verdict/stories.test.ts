// The verdict against the development stories (fixtures/verdict-stories/*.yaml, and holdout/: the
// first held-out set, spent in session 4 and part of the development set since): each is built
// into a real git repository and scanned as of its `today`. The figures (accepted, Brier score,
// ...) are printed by `npm run eval:verdict`; the blind held-out set runs in stories-held-out.test.ts.
import { fileURLToPath } from 'node:url';
import { storyTests } from './story-tests.js';

storyTests('development', fileURLToPath(new URL('../../fixtures/verdict-stories/', import.meta.url)));
storyTests('development: the spent first held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout/', import.meta.url)));
