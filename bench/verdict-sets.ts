// The spent held-out sets (their failures read and their causes
// fixed; see each set's README.md), in the order they were spent. bench/verdict.ts and
// bench/verdict-confident.ts read them; test/verdict/story-sets.ts has a line for each once it has joined the development
// set (none of its answers harmful or confident wrong).
export const SPENT = [
  'holdout',
  'holdout-2',
  'holdout-3',
  'holdout-4',
  'holdout-5',
  'holdout-6',
  'holdout-7',
  'holdout-8',
  'holdout-9',
  'holdout-10',
  'holdout-11',
  'holdout-12',
  'holdout-13',
  'holdout-14',
  'holdout-15',
  'holdout-16',
  'holdout-17',
  'holdout-18',
  'holdout-19',
  'holdout-20',
  'holdout-21',
  'holdout-22',
  'holdout-23',
  'holdout-24',
  'holdout-25',
  'holdout-26',
  'holdout-27',
  'holdout-28',
];
