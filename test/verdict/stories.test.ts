// The verdict against the development stories (fixtures/verdict-stories/*.yaml): each is built
// into a real git repository and scanned as of its `today`. The figures (accepted, Brier score,
// ...) are printed by `npm run eval:verdict`; the held-out set runs in stories-held-out.test.ts.
import { fileURLToPath } from 'node:url';
import { storyTests } from './story-tests.js';

storyTests('development', fileURLToPath(new URL('../../fixtures/verdict-stories/', import.meta.url)));
