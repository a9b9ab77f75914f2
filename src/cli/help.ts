/** One command's help (`undrift scan --help`, `undrift help log`): its usage lines and the options
 * it reads, cut from the whole help text, so the two never disagree on an option's wording. */

/** What every command that scans reads (the repo, the config, the filters, live sources, trust). */
const SCANNING = [
  'repo',
  'config',
  'env',
  'key',
  'no-history',
  'no-cache',
  'no-live',
  'context',
  'trusted-config',
  'allow-partial-live',
  'allow-exec',
  'allow-remote-clones',
  'today',
  'no-color',
  'help',
];

/** The options each command reads (src/cli/main.ts passes each of these on, and no other). */
const OPTIONS_OF: Record<string, readonly string[]> = {
  scan: [...SCANNING, 'format', 'json', 'output'],
  report: [...SCANNING, 'format', 'json', 'output', 'fail-on-drift', 'since', 'until'],
  explain: [...SCANNING.filter((o) => o !== 'key'), 'json'],
  at: [...SCANNING, 'json'],
  releases: [...SCANNING, 'json'],
  apply: [
    ...SCANNING.filter((o) => o !== 'key'),
    'decisions',
    'push',
    'pr',
    'group',
    'branch',
    'allow-contract-breach',
    'allow-new-key',
    'allow-risk',
    'live',
    'yes',
    'confirm',
  ],
  log: ['repo', 'json', 'key', 'env', 'action', 'status', 'since', 'until', 'no-color', 'help'],
  init: ['repo', 'force', 'layout', 'help'],
  demo: [...SCANNING, 'dir'],
};

/** `usage`'s lines for `command` (its entry under "Usage:") and its options (the entries under
 * "Options:" naming one of them), then the exit codes; the whole text when the command is unknown. */
export const HELP_COMMANDS = Object.keys(OPTIONS_OF);

export function commandHelp(usage: string, command: string): string {
  const wanted = OPTIONS_OF[command];
  if (!wanted) return usage;
  const lines = usage.split('\n');
  const title = lines[0]!;
  const usageEntry = entriesOf(lines, 'Usage:').filter((entry) => new RegExp(`^  undrift ${command}(?: |$)`).test(entry[0]!));
  const optionEntries = entriesOf(lines, 'Options:').filter((entry) => optionNames(entry[0]!).some((name) => wanted.includes(name)));
  const exitAt = lines.findIndex((line) => line.startsWith('Exit codes:'));
  // log, init and demo's exits are their own (0 done, 2 an error): the scan's codes are not theirs.
  const exitCodes = exitAt >= 0 && wanted.includes('allow-partial-live') && command !== 'demo' ? [...lines.slice(exitAt), ''] : [];
  return [title, '', 'Usage:', ...usageEntry.flat(), '', 'Options:', ...optionEntries.flat(), '', ...exitCodes, 'Every command: undrift --help'].join('\n');
}

/** The entries of one block ("Usage:", "Options:"): a line indented by two, with the deeper
 * indented lines after it, until the block's blank line. */
function entriesOf(lines: string[], heading: string): string[][] {
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const entries: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    const startsEntry = /^ {2}\S/.test(line) || /^ {6}--/.test(line);
    if (startsEntry || entries.length === 0) entries.push([line]);
    else entries.at(-1)!.push(line);
  }
  return entries;
}

/** The long names an option entry's first line gives (`--push, --pr` → push, pr), before its
 * description (set off by two spaces or more). */
function optionNames(first: string): string[] {
  const spec = first.trim().split(/ {2,}/)[0] ?? '';
  return [...spec.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!);
}
