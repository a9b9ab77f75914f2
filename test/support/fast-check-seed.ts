import fc from 'fast-check';

// Property tests draw from a fixed seed in `npm test`, so a red build always means a change broke
// something, never an unlucky draw. `UNDRIFT_FUZZ_SEED=random` (or a number) explores further by
// hand; a failure prints its seed, and the input it found belongs in the test as an example.
const setting = process.env.UNDRIFT_FUZZ_SEED;
fc.configureGlobal({ seed: setting === 'random' ? Date.now() | 0 : setting ? Number(setting) : 20261203 });
