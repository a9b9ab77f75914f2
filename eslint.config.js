// Lint: typescript-eslint's recommended type-checked rules over the TypeScript sources, tests and
// benches. typescript-eslint reads types through the classic TypeScript API, which TypeScript 7 no
// longer has: `typescript` in package.json is TypeScript 6 (for the linter only) and `tsc` comes
// from TypeScript 7 (`@typescript/native`). See the README, "Working on undrift".
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The plain JavaScript of the tests, benches and scripts is read for the line length alone (below).
  {
    ignores: ['dist/', '.bench-build/', '.ci-cache/', 'coverage/', 'node_modules/', '**/*.mjs', '**/*.js', '**/*.cjs', '!{test,bench,scripts}/**/*.mjs'],
  },
  { files: ['**/*.{ts,tsx}'], extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts', 'vitest.held-out.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // Control characters in a pattern are the point of the terminal-text sanitiser, the
      // byte-exact editors and their tests.
      'no-control-regex': 'off',
      // An async function without an await keeps a promise API over a synchronous body (a throw
      // becomes a rejection), which callers rely on.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a binding that is there for its position (a skipped tuple item, a property
      // taken out of a rest object).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A line over 200 characters hides what it says past the right edge of every editor and diff.
    // Nothing is exempt: a long phrase table is written as pieces (src/verdict/pattern.ts), a long
    // message or expected output as pieces joined with +, a long expression as named parts. Data
    // fixtures (.yaml, .json) are not code and keep their lines.
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx,mjs}', 'bench/**/*.{ts,mjs}', 'scripts/**/*.mjs'],
    rules: { 'max-len': ['error', { code: 200, tabWidth: 2 }] },
  },
  {
    files: ['src/tui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The tests read the CLI's JSON output, and the fake servers the requests' bodies, as `any` on
    // purpose: asserting on (or answering to) that shape is what they are for.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // Assertions that spell out a fast-check arbitrary's type, and helpers kept for the next
      // case, only warn in tests.
      '@typescript-eslint/no-unnecessary-type-assertion': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Expected output is spelled as it prints, column spaces included.
      'no-regex-spaces': 'off',
    },
  },
);
