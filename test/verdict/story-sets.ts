// The verdict against the development stories (fixtures/verdict-stories/*.yaml, plus the spent
// held-out sets holdout/ (session 4), holdout-2/ and holdout-3/ (session 5), holdout-4/ (session 6),
// holdout-5/ (session 7), holdout-6/ (session 8), holdout-7/ (session 9), holdout-8/ (session 10;
// joined in session 11), holdout-9/ (session 11; joined in session 12), holdout-10/ (session 12;
// joined in session 13), holdout-11/ (session 13; joined in session 14), holdout-12/ (session 14; joined in session 15),
// holdout-13/ (session 15; joined in session 16), holdout-14/ (session 16; joined in session 17), holdout-15/ (session 17; joined the same session, after its
// single blind run and the spent fix), holdout-16/ (session 18; joined in session 20, once none of its answers was harmful), holdout-17/ (session 19; run once
// and joined in session 20), holdout-18/ (session 21; run once, spent and joined the same session), holdout-19/ (session 22; the same),
// holdout-20/ (session 23; the same), holdout-21/ (session 24; the same), holdout-22/ (session 25; the same), holdout-23/ (session 26; the same),
// holdout-24/ (session 27; joined in session 28, once its last harmful answer was fixed), holdout-25/ (session 28; run once,
// spent and joined the same session), holdout-26/ (session 29; the same):
// their failures were read and their causes fixed, so they are development stories now): each is built into a real git repository and
// scanned as of its `today`. The figures (accepted, Brier score, ...) are printed by
// `npm run eval:verdict`; the blind held-out set runs in stories-held-out.test.ts.
//
// A set joins by a line here. Its stories run in three test files (stories.test.ts, stories-2.test.ts,
// stories-3.test.ts: every third story of each set in each), so that the corpus, the suite's
// costliest computation, runs on three workers at once rather than as one file's tail on one.
import { fileURLToPath } from 'node:url';

/** Each development set: the name its tests carry and its folder. */
export const DEVELOPMENT_SETS: ReadonlyArray<readonly [set: string, dir: string]> = [
  ['development', fileURLToPath(new URL('../../fixtures/verdict-stories/', import.meta.url))],
  ['development: the spent first held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout/', import.meta.url))],
  ['development: the spent second held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-2/', import.meta.url))],
  ['development: the spent third held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-3/', import.meta.url))],
  ['development: the spent fourth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-4/', import.meta.url))],
  ['development: the spent fifth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-5/', import.meta.url))],
  ['development: the spent sixth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-6/', import.meta.url))],
  ['development: the spent seventh held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-7/', import.meta.url))],
  ['development: the spent eighth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-8/', import.meta.url))],
  ['development: the spent ninth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-9/', import.meta.url))],
  ['development: the spent tenth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-10/', import.meta.url))],
  ['development: the spent eleventh held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-11/', import.meta.url))],
  ['development: the spent twelfth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-12/', import.meta.url))],
  ['development: the spent thirteenth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-13/', import.meta.url))],
  ['development: the spent fourteenth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-14/', import.meta.url))],
  ['development: the spent fifteenth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-15/', import.meta.url))],
  ['development: the spent sixteenth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-16/', import.meta.url))],
  ['development: the spent seventeenth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-17/', import.meta.url))],
  ['development: the spent eighteenth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-18/', import.meta.url))],
  ['development: the spent nineteenth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-19/', import.meta.url))],
  ['development: the spent twentieth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-20/', import.meta.url))],
  ['development: the spent twenty-first held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-21/', import.meta.url))],
  ['development: the spent twenty-second held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-22/', import.meta.url))],
  ['development: the spent twenty-third held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-23/', import.meta.url))],
  ['development: the spent twenty-fourth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-24/', import.meta.url))],
  ['development: the spent twenty-fifth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-25/', import.meta.url))],
  ['development: the spent twenty-sixth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-26/', import.meta.url))],
  ['development: the spent twenty-seventh held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-27/', import.meta.url))],
  ['development: the spent twenty-eighth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-28/', import.meta.url))],
  ['development: the spent twenty-ninth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-29/', import.meta.url))],
  ['development: the spent thirtieth held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-30/', import.meta.url))],
  ['development: the spent thirty-first held-out set', fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-31/', import.meta.url))],
];
