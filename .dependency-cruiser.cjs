/** Layer rules, checked by `npm run check:layers` (and so by `check:fast` and .ci/run). The picture
 * they enforce is in the README, "How it works". */
const CORE = '^src/(model|parse|compare|history|verdict|wording)/';
const FRONT = '^src/(cli|tui|actions|report)/|^src/(engine|command)\\.ts$';
const UI = '^node_modules/(ink|ink-[^/]+|react|react-[^/]+)/';
const PROCESS_RUNNERS = '^node_modules/(execa|simple-git)/|^(child_process|node:child_process)$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Imports flow one way (see "How it works").',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-below-the-front-ends',
      severity: 'error',
      comment: 'model, parse, compare, history, verdict and wording are pure over model/: no front end, no engine.',
      from: { path: CORE },
      to: { path: FRONT },
    },
    {
      name: 'core-imports-no-ui-or-process',
      severity: 'error',
      comment: 'The core runs no process and draws nothing (history reads git through src/git/).',
      from: { path: CORE },
      to: { path: [UI, PROCESS_RUNNERS], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'react-only-in-tui',
      severity: 'error',
      comment: "Ink and React are the TUI's; everything else renders text.",
      from: { path: '^src/', pathNot: '^src/tui/' },
      to: { path: UI },
    },
    {
      name: 'only-src-git-runs-git',
      severity: 'error',
      comment:
        "Every git command goes through src/git/. The other processes undrift starts (the exec live source's command, the Kustomize build) go through sources/bounded-process.ts, with a deadline and their whole tree killed; the editor is started by tui/run.tsx, the view's reader (undrift's own scan, in a process of its own) by tui/background-scan.ts, and the shell that continues a paused reader once the view is gone by tui/reader-pause.ts.",
      from: {
        path: '^src/',
        pathNot: ['^src/git/', '^src/sources/bounded-process\\.ts$', '^src/tui/run\\.tsx$', '^src/tui/background-scan\\.ts$', '^src/tui/reader-pause\\.ts$'],
      },
      to: { path: PROCESS_RUNNERS },
    },
    {
      name: 'verdict-is-above-compare-and-history',
      severity: 'error',
      comment:
        'The verdict reads what compare and history made; nothing below it reads the verdict. What both need (version order, wording) lives below them, in parse/ or wording/.',
      from: { path: '^src/(model|wording|parse|git|config|sources|compare|history)/' },
      to: { path: '^src/verdict/' },
    },
    {
      name: 'model-is-a-leaf',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'leaves-import-only-model',
      severity: 'error',
      comment: 'wording, parse and git sit just above model: anything else they need is passed in.',
      from: { path: '^src/(wording|parse|git)/' },
      to: { path: '^src/', pathNot: ['^src/model/', '^src/errors\\.ts$', '^src/$1/', '^src/sources/boundary\\.ts$'] },
    },
    {
      name: 'parse-reads-no-files',
      severity: 'error',
      comment: 'The readers in parse/ take text; the disk is read at the edge (sources/repo/config-file.ts, the history walk, live sources).',
      from: { path: '^src/parse/' },
      to: { path: ['^src/sources/', '^(fs|node:fs|fs/promises|node:fs/promises)$'] },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|fixtures)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.bench-build|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { dot: { collapsePattern: 'node_modules/(@[^/]+/[^/]+|[^/]+)' } },
  },
};
