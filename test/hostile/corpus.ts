import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

// The hostile-input corpus: what an attacker or a clumsy user can put in front of undrift, each
// with the outcome it must get. Read as data: a repository (files committed once), what is done
// to its work tree after, the command, and what must come out. corpus.test.ts runs every case
// against the real binary in a child process with a deadline and a heap limit, and checks too
// that no stack trace, no "internal error" and no CI secret (UNDRIFT_CANARY) is ever printed.

export interface Expected {
  exit: number;
  /** The one line on stderr (exit 2), naming the file and line or the setting. */
  error?: RegExp;
  /** Must appear in standard output. */
  stdout?: RegExp;
  /** Must not appear in standard output or standard error. */
  never?: RegExp;
  /** None of these characters may appear in standard output or standard error. */
  neverChars?: string;
  /** `scan -f json`: the divergence on `key` holds exactly this repo value for `env`. */
  json?: { key: string; env: string; repo: string };
}

export interface HostileCase {
  name: string;
  /** The numbered finding of issue 11 it probes (0: general robustness). */
  finding: number;
  files: Record<string, string>;
  /** The files are written into a repository that has no commit yet. */
  noCommit?: boolean;
  /** Commits after the first, each writing these files (history cases). */
  later?: Array<Record<string, string>>;
  /** Changes made to the work tree after the commit: symlinks, FIFOs, uncommitted files. */
  prepare?: (repo: string) => Promise<unknown>;
  /** Default: `scan --no-history`. */
  args?: string[];
  /** Wall-clock deadline of the run when not the default (45 s): for the cases whose work is large
   * by design (a 50 MB file takes ~5 s of CPU; a loaded 2-core CI machine stretches that). */
  deadlineMs?: number;
  /** Runs against a fake Kubernetes API server (see corpus.test.ts). */
  cluster?: ClusterFault;
  /** The case runs in a process of its own: its memory is the test and larger than a shared
   * process's heap allows (100,000 keys, 50 MB), or it waits on a slow or silent server by design
   * (a shared process would wait with it). The other cases share a few child processes (each case
   * through the CLI's `main`, one after another, under the same heap limit and each under its
   * deadline): one that regresses into a spinning core (a catastrophic regex) is stopped with its
   * process, and every case of that process names it. */
  alone?: 'memory' | 'time';
  expect: Expected;
}

export type ClusterFault =
  | { fault: 'status'; code: number }
  | { fault: 'endless-continue' }
  | { fault: 'html-login' }
  | { fault: 'items-not-list' }
  | { fault: 'hang' }
  | { fault: 'reset' }
  | { fault: 'slow'; ms: number }
  | { fault: 'none' };

/** A value the CI environment holds that must never be printed. */
export const CANARY = 'undrift-canary-4b1e-do-not-print';

const two = (staging: string, production: string) =>
  `environments:\n  staging:\n    files: [${staging}]\n  production:\n    files: [${production}]\npromotion: [staging, production]\n`;

/** Two YAML environments, production reading its live state from `live` (a live: setting). */
const productionLive = (live: string) =>
  `environments:\n  staging:\n    files: [config/staging.yaml]\n  production:\n    files: [config/production.yaml]\n    live: ${live}\npromotion: [staging, production]\n`;

const envs = { 'config/staging.env': 'A=1\n', 'config/production.env': 'A=1\n' };
const yamls = { 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 1\n' };

const link = (target: string, at: string) => async (repo: string) => {
  await mkdir(path.dirname(path.join(repo, at)), { recursive: true });
  await symlink(target, path.join(repo, at));
};

export const BOUNDARY: HostileCase[] = [
  {
    name: '/proc/self/environ as a dotenv file',
    finding: 1,
    files: {
      'undrift.yaml': `${two('config/staging.env', '/proc/self/environ')}`.replace(
        '    files: [/proc/self/environ]',
        '    files: [/proc/self/environ]\n    format: dotenv',
      ),
      ...envs,
    },
    expect: { exit: 2, error: /^undrift: undrift\.yaml:\d+:\d+: environments\.production\.files\[0\]: "\/proc\/self\/environ" is outside the repository$/ },
  },
  {
    name: '../../etc/os-release',
    finding: 1,
    files: { 'undrift.yaml': two('config/staging.env', '../../../../../../etc/os-release'), ...envs },
    expect: { exit: 2, error: /environments\.production\.files\[0\]: "\.\.\/.*os-release" is outside the repository/, never: /PRETTY_NAME|VERSION_ID/ },
  },
  {
    name: 'an absolute path to a file outside',
    finding: 1,
    files: { 'undrift.yaml': two('config/staging.env', '/etc/passwd'), ...envs },
    expect: { exit: 2, error: /"\/etc\/passwd" is outside the repository/, never: /root:x:0/ },
  },
  {
    name: 'a symlink in the repo pointing out',
    finding: 1,
    files: { 'undrift.yaml': two('config/staging.env', 'config/production.env'), 'config/staging.env': 'A=1\n' },
    prepare: link('/proc/self/environ', 'config/production.env'),
    expect: {
      exit: 2,
      error: /environments\.production\.files\[0\]: "config\/production\.env" is a symlink to "\/proc\/\d+\/environ", outside the repository/,
    },
  },
  {
    name: 'a symlinked directory pointing out',
    finding: 1,
    files: { 'undrift.yaml': two('config/staging.env', 'etc/os-release'), 'config/staging.env': 'A=1\n' },
    prepare: link('/etc', 'etc'),
    expect: { exit: 2, error: /"etc\/os-release" is a symlink to "\/.*os-release", outside the repository/, never: /PRETTY_NAME/ },
  },
  {
    name: 'a symlink found by layout discovery (no undrift.yaml)',
    finding: 1,
    files: { '.env.staging': 'A=1\n' },
    prepare: link('/proc/self/environ', '.env.production'),
    expect: { exit: 2, error: /^undrift: \.env\.production is a symlink to "\/proc\/\d+\/environ", outside the repository$/ },
  },
  {
    name: 'a live snapshot of /proc/self/environ',
    finding: 1,
    files: {
      'undrift.yaml': productionLive('{snapshot: /proc/self/environ}'),
      ...yamls,
    },
    expect: { exit: 2, error: /environments\.production\.live\.snapshot\.path: "\/proc\/self\/environ" is outside the repository/ },
  },
  {
    name: 'a live snapshot directory holding a symlink out',
    finding: 1,
    files: {
      'undrift.yaml': productionLive('{snapshot: live/}'),
      ...yamls,
      'live/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {A: "1"}\n',
    },
    prepare: link('/proc/self/environ', 'live/env.txt'),
    args: ['scan', '--no-history', '--require-live'],
    expect: { exit: 3, stdout: /unavailable/ },
  },
  {
    name: '-c naming a file outside',
    finding: 1,
    files: { ...yamls },
    args: ['scan', '-c', '/proc/self/environ'],
    expect: { exit: 2, error: /^undrift: --config: "\/proc\/self\/environ" is outside the repository$/ },
  },
  {
    name: '-c climbing out with ..',
    finding: 1,
    files: { ...yamls },
    args: ['scan', '-c', '../../../../etc/passwd'],
    expect: { exit: 2, error: /--config: "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the repository/ },
  },
  {
    name: 'undrift.yaml itself a symlink out',
    finding: 1,
    files: { ...yamls },
    prepare: link('/proc/self/environ', 'undrift.yaml'),
    expect: { exit: 2, error: /^undrift: undrift\.yaml is a symlink to "\/proc\/\d+\/environ", outside the repository$/ },
  },
  {
    name: 'the contract outside',
    finding: 1,
    files: { 'undrift.yaml': `${two('config/staging.yaml', 'config/production.yaml')}contract: /etc/passwd\n`, ...yamls },
    expect: { exit: 2, error: /undrift\.yaml:\d+:\d+: contract: "\/etc\/passwd" is outside the repository/ },
  },
  {
    name: '.git/config (where CI keeps the checkout token)',
    finding: 1,
    files: { 'undrift.yaml': two('config/staging.env', '.git/config').replace('files: [.git/config]', 'files: [.git/config]\n    format: dotenv'), ...envs },
    expect: { exit: 2, error: /"\.git\/config" is inside \.git/ },
  },
  {
    name: 'a FIFO as an env file (opening it must not wait for a writer)',
    finding: 1,
    files: { 'undrift.yaml': two('config/staging.env', 'config/fifo.env'), 'config/staging.env': 'A=1\n' },
    prepare: async (repo) => execFileSync('mkfifo', [path.join(repo, 'config/fifo.env')]),
    expect: { exit: 2, error: /"config\/fifo\.env" is a FIFO, not a regular file/ },
  },
  {
    name: 'a FIFO inside a manifest directory is skipped, not opened',
    finding: 1,
    files: {
      'undrift.yaml': two('k8s/staging', 'k8s/production'),
      'k8s/staging/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n',
      'k8s/production/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n',
    },
    prepare: async (repo) => execFileSync('mkfifo', [path.join(repo, 'k8s/production/pipe.yaml')]),
    expect: { exit: 0, stdout: /no divergences/ },
  },
  {
    name: 'a symlink loop',
    finding: 1,
    files: { 'undrift.yaml': two('config/staging.env', 'config/loop.env'), 'config/staging.env': 'A=1\n' },
    prepare: async (repo) => {
      await symlink('loop2.env', path.join(repo, 'config/loop.env'));
      await symlink('loop.env', path.join(repo, 'config/loop2.env'));
    },
    expect: { exit: 2, error: /"config\/loop\.env" is a symlink loop/ },
  },
  {
    name: 'a manifest directory holding a symlink out',
    finding: 1,
    files: {
      'undrift.yaml': two('k8s/staging', 'k8s/production'),
      'k8s/staging/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n',
      'k8s/production/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n',
    },
    prepare: link('/etc/passwd', 'k8s/production/z.yaml'),
    expect: {
      exit: 2,
      error: /k8s\/production: k8s\/production\/z\.yaml: "k8s\/production\/z\.yaml" is a symlink to "\/etc\/passwd", outside the repository/,
      never: /root:x:0/,
    },
  },
  {
    name: 'a Kustomize generator env file climbing out',
    finding: 1,
    files: {
      'undrift.yaml': two('overlays/staging', 'overlays/production'),
      'overlays/staging/kustomization.yaml': 'configMapGenerator:\n  - name: app\n    literals: [A=1]\n',
      'overlays/production/kustomization.yaml': 'configMapGenerator:\n  - name: app\n    envs: [../../../../../../../proc/self/environ]\n',
    },
    expect: { exit: 2, error: /overlays\/production\/kustomization\.yaml: generator env file: "[./]*proc\/self\/environ" is outside the repository/ },
  },
  {
    name: 'a kubeconfig outside the repository',
    finding: 1,
    files: {
      'undrift.yaml': productionLive('{kubernetes: {kubeconfig: /root/.kube/config}}'),
      ...yamls,
    },
    expect: { exit: 2, error: /environments\.production\.live\.kubernetes\.kubeconfig: "\/root\/\.kube\/config" is outside the repository/ },
  },
  {
    name: 'a repo kubeconfig whose token-file is outside',
    finding: 1,
    files: {
      'undrift.yaml': productionLive('{kubernetes: {kubeconfig: kube.yaml}}'),
      ...yamls,
      'kube.yaml':
        'apiVersion: v1\nkind: Config\ncurrent-context: x\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]\n' +
        'users: [{name: u, user: {token-file: /proc/self/environ}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\n',
    },
    args: ['scan', '--no-history', '--require-live'],
    expect: { exit: 3, stdout: /token-file, which a kubeconfig in the repository may not name/ },
  },
  {
    name: 'a repo kubeconfig with an exec credential plugin',
    finding: 1,
    files: {
      'undrift.yaml': productionLive('{kubernetes: {kubeconfig: kube.yaml}}'),
      ...yamls,
      'kube.yaml':
        'apiVersion: v1\nkind: Config\ncurrent-context: x\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]\n' +
        'users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: sh, args: [-c, "env > leaked.txt"]}}}]\n' +
        'contexts: [{name: x, context: {cluster: c, user: u}}]\n',
    },
    args: ['scan', '--no-history', '--require-live'],
    expect: { exit: 3, stdout: /runs a command to get credentials; commands named by the repository's configuration run only with --allow-exec/ },
  },
  {
    name: 'an exec source without --allow-exec runs nothing',
    finding: 1,
    files: {
      'undrift.yaml': productionLive('{exec: {command: [sh, -c, "cat /proc/self/environ"], format: dotenv}}'),
      ...yamls,
    },
    args: ['scan', '--no-history', '--require-live'],
    expect: { exit: 3, stdout: /not run: exec sources run commands named by the repository's configuration; allow them with --allow-exec/ },
  },
  {
    name: 'a path holding a NUL byte',
    finding: 1,
    files: { 'undrift.yaml': two('config/staging.env', '"config/a\\0b.env"'), ...envs },
    expect: { exit: 2, error: /is not a usable path \(it holds a NUL byte\)/ },
  },
];

const ESC_TITLE = '\u001b]0;PWNED\u0007';

export const TERMINAL: HostileCase[] = [
  {
    name: 'a value that retitles the terminal, in the scan table',
    finding: 2,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': 'A: "\\e]0;PWNED\\a"\n',
      'config/production.yaml': 'A: calm\n',
    },
    expect: { exit: 1, stdout: /\\e\]0;PWNED\\x07/, neverChars: '\u001b\u0007' },
  },
  {
    name: 'keys with a right-to-left override and a zero-width space',
    finding: 2,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': '"PAY\\u200bTIMEOUT": 1\n"X\\u202eY": 2\nA: 1\n',
      'config/production.yaml': 'A: 1\n',
    },
    expect: { exit: 1, stdout: /PAY\\u200bTIMEOUT[\s\S]*X\\u202eY/, neverChars: '\u200b\u202e' },
  },
  {
    name: 'JSON keeps the exact value, written so a terminal shows it safely',
    finding: 2,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': 'A: "\\e]0;PWNED\\a \\u202e \\x85"\n',
      'config/production.yaml': 'A: calm\n',
    },
    args: ['scan', '--no-history', '-f', 'json'],
    expect: { exit: 1, json: { key: 'A', env: 'staging', repo: '\u001b]0;PWNED\u0007 \u202e \u0085' }, neverChars: '\u001b\u0007\u202e\u0085' },
  },
  {
    name: 'C1 controls, DEL and a carriage return in values',
    finding: 2,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': 'A: "ok\\rFAKE \\x7f \\x9b31m \\u202e"\n',
      'config/production.yaml': 'A: calm\n',
    },
    args: ['explain', 'A'],
    expect: { exit: 0, stdout: /ok\\rFAKE \\u007f \\u009b31m \\u202e/, neverChars: '\r\u007f\u009b\u202e' },
  },
  {
    name: 'an escape in a file name reaches the error message visibly',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.env', '"config/\\e[2Jgone.env"'), 'config/staging.env': 'A=1\n' },
    expect: { exit: 2, error: /config\/\\e\[2Jgone\.env: no such file/, neverChars: '\u001b' },
  },
  {
    name: 'an escape in a commit subject, in explain',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': 'A: 2\n', 'config/production.yaml': 'A: 1\n' },
    prepare: async (repo) => {
      await writeFile(path.join(repo, 'config/staging.yaml'), 'A: 3\n');
      execFileSync('git', ['commit', '-qam', `bump ${ESC_TITLE} \u202egnp.exe`], {
        cwd: repo,
        env: {
          ...process.env,
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_NAME: `Mallory${ESC_TITLE}`,
          GIT_AUTHOR_EMAIL: 'm@example.test',
          GIT_COMMITTER_NAME: 'M',
          GIT_COMMITTER_EMAIL: 'm@example.test',
        },
      });
    },
    args: ['explain', 'A'],
    expect: { exit: 0, stdout: /Mallory\\e\]0;PWNED(\\x07)?: bump \\e\]0;PWNED\\x07 \\u202egnp\.exe/, neverChars: '\u001b\u0007\u202e' },
  },
  {
    name: 'Markdown report: links, images and HTML in commit text are escaped',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': 'A: 2\n', 'config/production.yaml': 'A: 1\n' },
    prepare: async (repo) => {
      await writeFile(path.join(repo, 'config/staging.yaml'), 'A: "<img src=https://evil.test/x>"\n');
      execFileSync('git', ['commit', '-qam', `see [here](https://evil.test) ![t](https://evil.test/p.png) <script>x</script> @org/team ${ESC_TITLE}`], {
        cwd: repo,
        env: {
          ...process.env,
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_NAME: 'M',
          GIT_AUTHOR_EMAIL: 'm@example.test',
          GIT_COMMITTER_NAME: 'M',
          GIT_COMMITTER_EMAIL: 'm@example.test',
        },
      });
    },
    args: ['scan', '-f', 'markdown'],
    expect: {
      exit: 1,
      stdout: new RegExp(
        String.raw`^(?=[\s\S]*staging "\\<img src=)[\s\S]*see \\\[here\\\]\(https\\:\/\/evil\.test\) \\!\\\[t\\\]\(https\\:\/\/evil\.test\/p\.png\) ` +
          String.raw`\\<script\\>x\\<\/script\\> \\@org\/team \\\\e\\\]0;PWNED\\\\x07`,
      ),
      // `<img` stays only inside code spans, where Markdown shows it as text; elsewhere `\<` (an
      // escaped `<` opens no tag).
      never: /<script>|\]\(https:|[^`\\]<img/,
      neverChars: '\u001b\u0007',
    },
  },
];

/** YAML whose aliases expand to 10^levels values from a few hundred bytes. */
export function aliasBomb(levels = 9): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\nA: 1\n`;
}

const deepJson = (depth: number) => `{"A": ${'['.repeat(depth)}1${']'.repeat(depth)}}`;
const deepYamlFlow = (depth: number) => `A: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
const deepYamlBlock = (depth: number) => `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\nA: 1\n`;

export const BOUNDS: HostileCase[] = [
  {
    name: 'a YAML alias bomb in the current file',
    finding: 3,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': aliasBomb(), 'config/production.yaml': 'A: 1\n' },
    expect: { exit: 2, error: /config\/staging\.yaml.*aliases expand to more than/ },
  },
  {
    name: 'a YAML alias bomb committed once and later removed (history)',
    finding: 3,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 2\n' },
    later: [{ 'config/staging.yaml': aliasBomb() }, { 'config/staging.yaml': 'A: 3\n' }],
    args: ['scan', '-f', 'json'],
    expect: {
      exit: 1,
      stdout: /version [0-9a-f]{7} of config\/staging\.yaml skipped: it expands to more than 5,000,000 values .*history is bridged across it/,
    },
  },
  {
    name: 'a 10,000-deep JSON document',
    finding: 6,
    files: {
      'undrift.yaml': two('config/staging.json', 'config/production.json'),
      'config/staging.json': deepJson(10_000),
      'config/production.json': '{"A": 1}',
    },
    expect: { exit: 2, error: /config\/staging\.json:1: cannot be read: it nests deeper than 256 levels/ },
  },
  {
    name: 'a 100,000-deep JSON document',
    finding: 6,
    files: {
      'undrift.yaml': two('config/staging.json', 'config/production.json'),
      'config/staging.json': deepJson(100_000),
      'config/production.json': '{"A": 1}',
    },
    expect: { exit: 2, error: /config\/staging\.json:1: cannot be read: it nests deeper than 256 levels/ },
  },
  {
    name: 'a 10,000-deep YAML flow sequence',
    finding: 6,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': deepYamlFlow(10_000),
      'config/production.yaml': 'A: 1\n',
    },
    expect: { exit: 2, error: /config\/staging\.yaml:1: cannot be read: it nests deeper than 256 levels/ },
  },
  {
    name: 'a 3,000-deep YAML block mapping',
    finding: 6,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': deepYamlBlock(3_000),
      'config/production.yaml': 'A: 1\n',
    },
    expect: { exit: 2, error: /config\/staging\.yaml:257: cannot be read: it nests deeper than 256 levels/ },
  },
  {
    name: 'a deep JSON document in history only',
    finding: 6,
    files: { 'undrift.yaml': two('config/staging.json', 'config/production.json'), 'config/staging.json': '{"A": 1}', 'config/production.json': '{"A": 2}' },
    later: [{ 'config/staging.json': deepJson(50_000) }, { 'config/staging.json': '{"A": 3}' }],
    args: ['scan', '-f', 'json'],
    expect: { exit: 1, stdout: /version [0-9a-f]{7} of config\/staging\.json skipped: it nests deeper than 256 levels/ },
  },
];

/** staging reads a snapshot; production reads the fake cluster (context prod, namespace payments,
 * ConfigMap payment-config with A=1), through the fault given. */
const liveFiles = (extra: Record<string, string> = {}) => ({
  'undrift.yaml': productionLive('{kubernetes: {context: prod, timeout: 2, configMaps: [payment-config], workloads: []}}'),
  ...yamls,
  ...extra,
});

const requireLive = ['scan', '--no-history', '--require-live', '-f', 'json'];

export const API_FAULTS: HostileCase[] = [
  {
    name: 'API 500 on every LIST',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'status', code: 500 },
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*failed \(500/ },
  },
  {
    name: 'API 401',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'status', code: 401 },
    args: requireLive,
    expect: { exit: 3, stdout: /unauthorized \(401\)/ },
  },
  {
    name: 'API 403',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'status', code: 403 },
    args: requireLive,
    expect: { exit: 3, stdout: /forbidden \(403\)/ },
  },
  {
    name: 'API 410 on a first page',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'status', code: 410 },
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*410/ },
  },
  {
    name: 'endless continue tokens',
    // 200 pages through the real client: bounded by the page limit, not by time; a loaded 2-core
    // machine running the large cases beside it has stretched it past 45 s.
    deadlineMs: 120_000,
    finding: 5,
    files: liveFiles(),
    cluster: { fault: 'endless-continue' },
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "partial"[\s\S]*kept paging/ },
  },
  {
    name: 'an HTML login page answered with 200',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'html-login' },
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*\(a login page or a proxy in front of the API server\?\)/ },
  },
  {
    name: 'a list whose items is not a list',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'items-not-list' },
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*is not a Kubernetes list/ },
  },
  {
    name: 'a server that never answers',
    alone: 'time',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'hang' },
    args: requireLive,
    expect: { exit: 3, stdout: /timed out/ },
  },
  {
    name: 'connections reset',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'reset' },
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "unavailable"/ },
  },
  {
    name: 'a slow server within the timeout',
    alone: 'time',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'slow', ms: 500 },
    args: requireLive,
    expect: { exit: 0, stdout: /"status": "ok"/ },
  },
  {
    name: 'a healthy server (control case)',
    finding: 9,
    files: liveFiles(),
    cluster: { fault: 'none' },
    args: requireLive,
    expect: { exit: 0, stdout: /"status": "ok"/ },
  },
];

const snapshotFiles = (snapshot: string) => ({
  'undrift.yaml': productionLive('{snapshot: live/production.yaml}'),
  ...yamls,
  'live/production.yaml': snapshot,
});

export const SNAPSHOTS: HostileCase[] = [
  {
    name: 'an unparseable snapshot',
    finding: 9,
    files: snapshotFiles('apiVersion: v1\nkind: ConfigMap\ndata: {A: "1"\n  broken: [\n'),
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*live\/production\.yaml:\d+:\d+: invalid YAML/ },
  },
  {
    name: 'a snapshot List whose items is not a list',
    finding: 9,
    files: snapshotFiles('apiVersion: v1\nkind: List\nitems: {a: 1}\n'),
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "(unavailable|partial)"[\s\S]*items/ },
  },
  {
    name: 'a snapshot with one object not understood',
    finding: 9,
    files: snapshotFiles(
      'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: good}, data: {A: "1"}}\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: bad}, data: [1, 2]}\n',
    ),
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "partial"[\s\S]*ConfigMap\/bad/ },
  },
  {
    name: 'a snapshot alias bomb',
    finding: 3,
    files: snapshotFiles(aliasBomb()),
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*expand/ },
  },
  {
    name: 'an empty snapshot reads as nothing live',
    finding: 9,
    files: snapshotFiles(''),
    args: requireLive,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*neither Kubernetes objects nor KEY=VALUE lines/ },
  },
];

const execFiles = (command: string, extra = '') => ({
  'undrift.yaml': productionLive(`{exec: {command: ${command}, timeout: 2${extra}}}`),
  ...yamls,
});
const allowExec = ['scan', '--no-history', '--allow-exec', '-f', 'json'];

export const EXEC: HostileCase[] = [
  {
    name: 'a command that outlives its timeout',
    finding: 4,
    files: execFiles('[sh, -c, "sleep 600; echo A=1"]'),
    args: allowExec,
    expect: { exit: 3, stdout: /timed out after 2s \(it and everything it started were killed\)/ },
  },
  {
    name: 'a command that leaves (sleep 600 &) behind',
    finding: 4,
    files: execFiles('[sh, -c, "(sleep 600 &); echo A=1"]', ', format: dotenv'),
    args: allowExec,
    expect: { exit: 0, stdout: /"status": "ok"/ },
  },
  {
    name: 'a grandchild holding the output open past the timeout',
    finding: 4,
    files: execFiles('[sh, -c, "sh -c \\"sleep 600\\" & echo A=1; wait"]'),
    args: allowExec,
    expect: { exit: 3, stdout: /timed out/ },
  },
  {
    name: 'a command printing without end',
    finding: 4,
    files: execFiles('[yes, A=1]', ', format: dotenv'),
    args: allowExec,
    expect: { exit: 3, stdout: /printed more than 16 MiB; it was killed/ },
  },
  {
    name: 'a command printing invalid JSON',
    finding: 9,
    files: execFiles('[sh, -c, "echo \\"{oops\\""]', ', format: json'),
    args: allowExec,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*invalid JSON/ },
  },
  {
    name: 'a command printing an alias bomb',
    finding: 3,
    files: { ...execFiles('[cat, bomb.yaml]', ', format: yaml'), 'bomb.yaml': aliasBomb() },
    args: allowExec,
    expect: { exit: 3, stdout: /"status": "unavailable"[\s\S]*expand/ },
  },
  {
    name: 'a command that is not there',
    finding: 4,
    files: execFiles('[undrift-no-such-command-x]'),
    args: allowExec,
    expect: { exit: 3, stdout: /command not found: undrift-no-such-command-x/ },
  },
];

export const REPOSITORY: HostileCase[] = [
  {
    name: 'no commits yet: scan',
    finding: 10,
    noCommit: true,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), ...yamls },
    args: ['scan'],
    expect: { exit: 2, error: /has no commits yet: .*commit your config first, or run `undrift scan --no-history`$/ },
  },
  {
    name: 'no commits yet: explain',
    finding: 10,
    noCommit: true,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), ...yamls },
    args: ['explain', 'A'],
    expect: { exit: 2, error: /has no commits yet/ },
  },
  {
    name: 'no commits yet: scan --no-history works',
    finding: 10,
    noCommit: true,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), ...yamls },
    args: ['scan', '--no-history'],
    expect: { exit: 0, stdout: /no divergences/ },
  },
  {
    name: 'a reserved word as an environment name',
    finding: 10,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml').replace('  production:', '  expires:'), ...yamls },
    expect: {
      exit: 2,
      error: /undrift\.yaml:\d+:\d+: environments\.expires: "expires" is a word of the contract format .* and cannot name an environment; rename it$/,
    },
  },
  {
    name: 'an environment name with a slash',
    finding: 10,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml').replace('  production:', '  "prod/eu":'), ...yamls },
    expect: { exit: 2, error: /"prod\/eu" is not an environment name/ },
  },
  {
    name: 'expires: 2026-13-45 in the contract',
    finding: 10,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      ...yamls,
      'config/expected-env-diff.yaml': 'expected_differences:\n  A:\n    staging: 1\n    production: 2\n    expires: 2026-13-45\n',
    },
    expect: { exit: 2, error: /^undrift: config\/expected-env-diff\.yaml:5: A\.expires: "2026-13-45" has no month 13/ },
  },
  {
    name: 'expires: 2026-02-30 in the contract',
    finding: 10,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      ...yamls,
      'config/expected-env-diff.yaml': 'expected_differences:\n  A: {staging: 1, production: 2, expires: 2026-02-30}\n',
    },
    expect: { exit: 2, error: /A\.expires: "2026-02-30" is not a day of that month/ },
  },
];

const LONG_A = 'a'.repeat(5_000);
/** YAML keys stop at 1,024 characters. */
const LONG_KEY = 'a'.repeat(1_000);

export const MATCHING: HostileCase[] = [
  {
    name: 'a catastrophic contract regex /^(a+)+$/ against a long value',
    finding: 7,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': `A: "${LONG_A}!"\n`,
      'config/production.yaml': 'A: aa\n',
      'config/expected-env-diff.yaml': 'expected_differences:\n  A:\n    staging: /^(a+)+$/\n    production: any\n',
    },
    expect: { exit: 1, stdout: /contract-violation/ },
  },
  {
    name: 'a contract regex with a backreference',
    finding: 7,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      ...yamls,
      'config/expected-env-diff.yaml': 'expected_differences:\n  A:\n    staging: /(a)\\1/\n    production: any\n',
    },
    expect: { exit: 2, error: /^undrift: config\/expected-env-diff\.yaml:3: invalid regular expression \/\(a\)\\1\/: .*contract regexes run on RE2/ },
  },
  {
    name: 'a *-heavy --key glob against long keys',
    finding: 7,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': `${LONG_KEY}: 1\n`,
      'config/production.yaml': `${LONG_KEY}: 2\n`,
    },
    args: ['scan', '--no-history', '--key', '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b'],
    // Matched against every key at once (no backtracking), it matches none: a usage error.
    expect: { exit: 2, error: /--key \*a\*a.* matches no key of staging, production/ },
  },
  {
    name: 'a *-heavy contract key glob against long keys',
    finding: 7,
    files: {
      'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'),
      'config/staging.yaml': `${LONG_KEY}: 1\n`,
      'config/production.yaml': `${LONG_KEY}: 2\n`,
      'config/expected-env-diff.yaml': 'expected_differences:\n  "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b":\n    staging: any\n    production: any\n',
    },
    expect: { exit: 1, stdout: /cross-env/ },
  },
];

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secretSnapshot = [
  'apiVersion: v1',
  'kind: List',
  'items:',
  `  - {apiVersion: v1, kind: Secret, metadata: {name: db}, data: {DB_PASSWORD: ${b64('live-pass-Z9')}}}`,
  `  - {apiVersion: v1, kind: Secret, metadata: {name: other}, data: {OTHER_TOKEN: ${b64('unnamed-token-W3')}}}`,
  '  - apiVersion: apps/v1',
  '    kind: Deployment',
  '    metadata: {name: app}',
  '    spec: {template: {spec: {containers: [{name: app, image: x, env: [{name: OTHER_TOKEN, valueFrom: {secretKeyRef: {name: other, key: OTHER_TOKEN}}}]}]}}}',
  '',
].join('\n');

export const SECRETS: HostileCase[] = [
  {
    name: 'a plaintext repo value meeting a live Secret is fingerprinted everywhere; an unnamed Secret is not read',
    finding: 11,
    files: {
      'undrift.yaml': productionLive('{snapshot: {path: live/production.yaml, secrets: [db]}}'),
      'config/staging.yaml': 'DB_PASSWORD: staging-plain-K4\n',
      'config/production.yaml': 'DB_PASSWORD: repo-plain-Q7\n',
      'live/production.yaml': secretSnapshot,
    },
    args: ['scan', '-f', 'json'],
    expect: {
      exit: 1,
      stdout: /"repo": "secret:[0-9a-f]{12} \(\d+ bytes\)"/,
      never: /repo-plain-Q7|staging-plain-K4|live-pass-Z9|unnamed-token-W3|bGl2ZS1wYXNz|dW5uYW1lZC/,
    },
  },
  {
    name: 'the same, in explain',
    finding: 11,
    files: {
      'undrift.yaml': productionLive('{snapshot: {path: live/production.yaml, secrets: [db]}}'),
      'config/staging.yaml': 'DB_PASSWORD: staging-plain-K4\n',
      'config/production.yaml': 'DB_PASSWORD: repo-plain-Q7\n',
      'live/production.yaml': secretSnapshot,
    },
    args: ['explain', 'DB_PASSWORD'],
    expect: { exit: 0, stdout: /secret:[0-9a-f]{12}/, never: /repo-plain-Q7|staging-plain-K4|live-pass-Z9|unnamed-token-W3/ },
  },
];

/** 100,000 flat keys: reading them must be linear (issue 11 #6; the reader is the speed work's). */

/** `count` flat keys KEY_000000… with the values `value` gives. */
const keys = (count: number, value: (i: number) => string) =>
  `${Array.from({ length: count }, (_, i) => `KEY_${String(i).padStart(6, '0')}: ${value(i)}`).join('\n')}\n`;
/** The same keys as KEY=VALUE lines. */
const dotenvKeys = (count: number, value: (i: number) => string) =>
  `${Array.from({ length: count }, (_, i) => `KEY_${String(i).padStart(6, '0')}=${value(i)}`).join('\n')}\n`;

export const SIZE: HostileCase[] = [
  {
    // 100,000 keys, every one a row: the table once spread its rows into Math.max, and 100,000
    // rows overflowed the call stack. Staging's 100,000 are a dotenv file; production's file is
    // generated here, into the work tree (never committed): 20,000 values of 2,500 characters,
    // double-quoted, 50 MB (the `yaml` library alone held 1.8 GB for 50 MB of them:
    // src/parse/yaml-cst.ts); 20,000 differ, 80,000 are missing there. (The YAML reader's 100,000
    // keys in one map: test/parse/yaml.test.ts.)
    name: '100,000 keys that all differ (a table of 100,000 rows), one file 50 MB of double-quoted values',
    alone: 'memory',
    finding: 6,
    deadlineMs: 240_000,
    files: {
      'undrift.yaml': two('config/staging.env', 'config/production.yaml'),
      'config/staging.env': dotenvKeys(100_000, (i) => `a${i}`),
      'config/production.yaml': 'A: 1\n',
    },
    prepare: (repo) => {
      const value = 'x'.repeat(2_490);
      const lines: string[] = [];
      for (let i = 0; i < 20_000; i++) lines.push(`KEY_${String(i).padStart(6, '0')}: "${value}\\t${i}"`);
      return writeFile(path.join(repo, 'config/production.yaml'), `${lines.join('\n')}\n`);
    },
    expect: { exit: 1, stdout: /KEY_099999[\s\S]*100000 divergences: 100000 undeclared drift/ },
  },
  {
    name: '20,000 flat keys, with history',
    finding: 6,
    deadlineMs: 240_000,
    files: {
      // History is production's YAML file (two versions of 20,000 keys); staging's side is dotenv.
      'undrift.yaml': two('config/staging.env', 'config/production.yaml'),
      'config/staging.env': dotenvKeys(20_000, String),
      'config/production.yaml': keys(20_000, String),
    },
    later: [{ 'config/production.yaml': keys(20_000, (i) => (i === 7 ? 'changed' : String(i))) }],
    args: ['scan'],
    expect: { exit: 1, stdout: /KEY_000007[\s\S]*1 divergence/ },
  },
];

/** `limits:` in undrift.yaml over two YAML environments. */
const withLimits = (staging: string, limits: string) => `${two(staging, 'config/production.yaml')}limits:\n${limits}`;
const blockValue = (lines: number, a = 1) => `A: ${a}\nB: |\n${'  line\n'.repeat(lines)}`;

/** The read limits as settings: lowered, a file past one is refused naming the setting; raised,
 * it reads; a historic version past one is skipped, named and bridged; the setting is checked. */
export const LIMITS: HostileCase[] = [
  {
    name: 'a historic version past a lowered limit (limits.yamlValueLines: 20) is skipped, named and bridged',
    finding: 3,
    files: {
      'undrift.yaml': withLimits('config/staging.yaml', '  yamlValueLines: 20\n'),
      'config/staging.yaml': blockValue(3),
      'config/production.yaml': 'A: 2\n',
    },
    later: [{ 'config/staging.yaml': blockValue(40, 5) }, { 'config/staging.yaml': blockValue(3, 3) }],
    args: ['scan', '-f', 'json'],
    expect: {
      exit: 1,
      stdout: new RegExp(
        String.raw`^(?=[\s\S]*version [0-9a-f]{7} of config\/staging\.yaml skipped: its multi-line values span more than 20 lines, ` +
          String.raw`[^"]*limits\.yamlValueLines in undrift\.yaml raises it\); history is bridged across it)(?=[\s\S]*"acrossBroken": ` +
          String.raw`?true)`,
      ),
    },
  },
  {
    // js-yaml reads history's versions, and reads tagged double-quoted values the scan's reader
    // counts: the same limit holds for both.
    name: 'a historic version past a lowered limit (limits.yamlQuotedChars: 100) is skipped, named and bridged',
    finding: 3,
    files: {
      'undrift.yaml': withLimits('config/staging.yaml', '  yamlQuotedChars: 100\n'),
      'config/staging.yaml': 'A: 1\nB: short\n',
      'config/production.yaml': 'A: 2\n',
    },
    later: [{ 'config/staging.yaml': `A: 5\nB: !!str "${'q'.repeat(200)}"\n` }, { 'config/staging.yaml': 'A: 3\nB: short\n' }],
    args: ['scan', '-f', 'json'],
    expect: {
      exit: 1,
      stdout: new RegExp(
        String.raw`^(?=[\s\S]*version [0-9a-f]{7} of config\/staging\.yaml skipped: its double-quoted values with a tag or a malformed ` +
          String.raw`escape pass 100 characters, [^"]*limits\.yamlQuotedChars in undrift\.yaml raises it\); history is bridged across ` +
          String.raw`it)(?=[\s\S]*"acrossBroken": ?true)`,
      ),
    },
  },
  {
    name: 'a file past a lowered limit (limits.yamlValueLines: 2) is refused naming the setting',
    finding: 6,
    files: {
      'undrift.yaml': withLimits('config/staging.yaml', '  yamlValueLines: 2\n'),
      'config/staging.yaml': blockValue(3),
      'config/production.yaml': 'A: 2\n',
    },
    expect: {
      exit: 2,
      error:
        /^undrift: config\/staging\.yaml:\d+: cannot be read: its multi-line values span more than 2 lines, .*limits\.yamlValueLines in undrift\.yaml raises it\)$/,
    },
  },
  {
    name: 'a 300-deep JSON file is refused at the default nesting limit, naming line and setting',
    finding: 6,
    files: { 'undrift.yaml': two('config/deep.json', 'config/production.yaml'), 'config/deep.json': deepJson(300), 'config/production.yaml': 'A: 2\n' },
    expect: {
      exit: 2,
      error:
        /^undrift: config\/deep\.json:1: cannot be read: it nests deeper than 256 levels of maps and lists \(limits\.nesting in undrift\.yaml raises it\)$/,
    },
  },
  {
    name: 'the same 300-deep file reads with limits.nesting: 400',
    finding: 6,
    files: { 'undrift.yaml': withLimits('config/deep.json', '  nesting: 400\n'), 'config/deep.json': deepJson(300), 'config/production.yaml': 'A: 2\n' },
    args: ['scan', '--no-history', '-f', 'json'],
    expect: { exit: 1, stdout: /"key": ?"A\[0\]/ },
  },
  {
    name: 'a limit set to 0',
    finding: 0,
    files: { 'undrift.yaml': withLimits('config/staging.yaml', '  nesting: 0\n'), 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 2\n' },
    expect: { exit: 2, error: /^undrift: undrift\.yaml:\d+:\d+: limits\.nesting: expected a number above 0$/ },
  },
  {
    name: 'an unknown limit',
    finding: 0,
    files: { 'undrift.yaml': withLimits('config/staging.yaml', '  maxKeys: 5\n'), 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 2\n' },
    expect: { exit: 2, error: /^undrift: undrift\.yaml:\d+:\d+: limits: unknown setting "maxKeys"$/ },
  },
];

export const CORPUS: HostileCase[] = [
  ...SIZE,
  ...LIMITS,
  ...SECRETS,
  ...MATCHING,
  ...REPOSITORY,
  ...BOUNDARY,
  ...TERMINAL,
  ...BOUNDS,
  ...API_FAULTS,
  ...SNAPSHOTS,
  ...EXEC,
];
