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
  /** `scan -f json`: the divergence on `key` holds exactly this repo value for `env`. */
  json?: { key: string; env: string; repo: string };
}

export interface HostileCase {
  name: string;
  /** The numbered finding of issue 11 it probes (0: general robustness). */
  finding: number;
  files: Record<string, string>;
  /** Changes made to the work tree after the commit: symlinks, FIFOs, uncommitted files. */
  prepare?: (repo: string) => Promise<unknown>;
  /** Default: `scan --no-history`. */
  args?: string[];
  /** Runs against a fake Kubernetes API server (see corpus.test.ts). */
  cluster?: ClusterFault;
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

const envs = { 'config/staging.env': 'A=1\n', 'config/production.env': 'A=1\n' };
const yamls = { 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 1\n' };

const link = (target: string, at: string) => async (repo: string) => {
  await mkdir(path.dirname(path.join(repo, at)), { recursive: true });
  await symlink(target, path.join(repo, at));
};

const OUTSIDE = /is outside the repository/;

export const BOUNDARY: HostileCase[] = [
  {
    name: '/proc/self/environ as a dotenv file',
    finding: 1,
    files: { 'undrift.yaml': `${two('config/staging.env', '/proc/self/environ')}`.replace('    files: [/proc/self/environ]', '    files: [/proc/self/environ]\n    format: dotenv'), ...envs },
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
    expect: { exit: 2, error: /environments\.production\.files\[0\]: "config\/production\.env" is a symlink to "\/proc\/\d+\/environ", outside the repository/ },
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
    files: { 'undrift.yaml': `${two('config/staging.yaml', 'config/production.yaml')}`.replace('production:\n    files: [config/production.yaml]', 'production:\n    files: [config/production.yaml]\n    live: {snapshot: /proc/self/environ}'), ...yamls },
    expect: { exit: 2, error: /environments\.production\.live\.snapshot\.path: "\/proc\/self\/environ" is outside the repository/ },
  },
  {
    name: 'a live snapshot directory holding a symlink out',
    finding: 1,
    files: { 'undrift.yaml': `${two('config/staging.yaml', 'config/production.yaml')}`.replace('production:\n    files: [config/production.yaml]', 'production:\n    files: [config/production.yaml]\n    live: {snapshot: live/}'), ...yamls, 'live/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {A: "1"}\n' },
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
    name: ".git/config (where CI keeps the checkout token)",
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
    files: { 'undrift.yaml': two('k8s/staging', 'k8s/production'), 'k8s/staging/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n', 'k8s/production/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n' },
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
    files: { 'undrift.yaml': two('k8s/staging', 'k8s/production'), 'k8s/staging/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n', 'k8s/production/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n' },
    prepare: link('/etc/passwd', 'k8s/production/z.yaml'),
    expect: { exit: 2, error: /k8s\/production: k8s\/production\/z\.yaml: "k8s\/production\/z\.yaml" is a symlink to "\/etc\/passwd", outside the repository/, never: /root:x:0/ },
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
    files: { 'undrift.yaml': `${two('config/staging.yaml', 'config/production.yaml')}`.replace('production:\n    files: [config/production.yaml]', 'production:\n    files: [config/production.yaml]\n    live: {kubernetes: {kubeconfig: /root/.kube/config}}'), ...yamls },
    expect: { exit: 2, error: /environments\.production\.live\.kubernetes\.kubeconfig: "\/root\/\.kube\/config" is outside the repository/ },
  },
  {
    name: 'a repo kubeconfig whose token-file is outside',
    finding: 1,
    files: {
      'undrift.yaml': `${two('config/staging.yaml', 'config/production.yaml')}`.replace('production:\n    files: [config/production.yaml]', 'production:\n    files: [config/production.yaml]\n    live: {kubernetes: {kubeconfig: kube.yaml}}'),
      ...yamls,
      'kube.yaml': 'apiVersion: v1\nkind: Config\ncurrent-context: x\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]\nusers: [{name: u, user: {token-file: /proc/self/environ}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\n',
    },
    args: ['scan', '--no-history', '--require-live'],
    expect: { exit: 3, stdout: /token-file, which a kubeconfig in the repository may not name/ },
  },
  {
    name: 'a repo kubeconfig with an exec credential plugin',
    finding: 1,
    files: {
      'undrift.yaml': `${two('config/staging.yaml', 'config/production.yaml')}`.replace('production:\n    files: [config/production.yaml]', 'production:\n    files: [config/production.yaml]\n    live: {kubernetes: {kubeconfig: kube.yaml}}'),
      ...yamls,
      'kube.yaml': 'apiVersion: v1\nkind: Config\ncurrent-context: x\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]\nusers: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: sh, args: [-c, "env > leaked.txt"]}}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\n',
    },
    args: ['scan', '--no-history', '--require-live'],
    expect: { exit: 3, stdout: /runs a command to get credentials; commands named by the repository's configuration run only with --allow-exec/ },
  },
  {
    name: 'an exec source without --allow-exec runs nothing',
    finding: 1,
    files: { 'undrift.yaml': `${two('config/staging.yaml', 'config/production.yaml')}`.replace('production:\n    files: [config/production.yaml]', 'production:\n    files: [config/production.yaml]\n    live: {exec: {command: [sh, -c, "cat /proc/self/environ"], format: dotenv}}'), ...yamls },
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
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': 'A: "\\e]0;PWNED\\a"\n', 'config/production.yaml': 'A: calm\n' },
    expect: { exit: 1, stdout: /\\e\]0;PWNED\\x07/, never: /[\u001b\u0007]/ },
  },
  {
    name: 'keys with a right-to-left override and a zero-width space',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': '"PAY\\u200bTIMEOUT": 1\n"X\\u202eY": 2\nA: 1\n', 'config/production.yaml': 'A: 1\n' },
    expect: { exit: 1, stdout: /PAY\\u200bTIMEOUT[\s\S]*X\\u202eY/, never: /[\u200b\u202e]/ },
  },
  {
    name: 'JSON keeps the exact value, written so a terminal shows it safely',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': 'A: "\\e]0;PWNED\\a \\u202e \\x85"\n', 'config/production.yaml': 'A: calm\n' },
    args: ['scan', '--no-history', '-f', 'json'],
    expect: { exit: 1, json: { key: 'A', env: 'staging', repo: '\u001b]0;PWNED\u0007 \u202e \u0085' }, never: /[\u001b\u0007\u202e\u0085]/ },
  },
  {
    name: 'C1 controls, DEL and a carriage return in values',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': 'A: "ok\\rFAKE \\x7f \\x9b31m \\u202e"\n', 'config/production.yaml': 'A: calm\n' },
    args: ['explain', 'A'],
    expect: { exit: 0, stdout: /ok\\rFAKE \\u007f \\u009b31m \\u202e/, never: /[\r\u007f\u009b\u202e]/ },
  },
  {
    name: 'an escape in a file name reaches the error message visibly',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.env', '"config/\\e[2Jgone.env"'), 'config/staging.env': 'A=1\n' },
    expect: { exit: 2, error: /config\/\\e\[2Jgone\.env: no such file/, never: /\u001b/ },
  },
  {
    name: 'an escape in a commit subject, in explain',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': 'A: 2\n', 'config/production.yaml': 'A: 1\n' },
    prepare: async (repo) => {
      await writeFile(path.join(repo, 'config/staging.yaml'), 'A: 3\n');
      execFileSync('git', ['commit', '-qam', `bump ${ESC_TITLE} \u202egnp.exe`], { cwd: repo, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: `Mallory${ESC_TITLE}`, GIT_AUTHOR_EMAIL: 'm@example.test', GIT_COMMITTER_NAME: 'M', GIT_COMMITTER_EMAIL: 'm@example.test' } });
    },
    args: ['explain', 'A'],
    expect: { exit: 0, stdout: /Mallory\\e\]0;PWNED(\\x07)?: bump \\e\]0;PWNED\\x07 \\u202egnp\.exe/, never: /[\u001b\u0007\u202e]/ },
  },
  {
    name: 'Markdown report: links, images and HTML in commit text are escaped',
    finding: 2,
    files: { 'undrift.yaml': two('config/staging.yaml', 'config/production.yaml'), 'config/staging.yaml': 'A: 2\n', 'config/production.yaml': 'A: 1\n' },
    prepare: async (repo) => {
      await writeFile(path.join(repo, 'config/staging.yaml'), 'A: "<img src=https://evil.test/x>"\n');
      execFileSync('git', ['commit', '-qam', `see [here](https://evil.test) ![t](https://evil.test/p.png) <script>x</script> @org/team ${ESC_TITLE}`], { cwd: repo, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'M', GIT_AUTHOR_EMAIL: 'm@example.test', GIT_COMMITTER_NAME: 'M', GIT_COMMITTER_EMAIL: 'm@example.test' } });
    },
    args: ['scan', '-f', 'markdown'],
    expect: {
      exit: 1,
      stdout: /^(?=[\s\S]*staging "&lt;img src=)[\s\S]*see \\\[here\\\]\(https\\:\/\/evil\.test\) \\!\\\[t\\\]\(https\\:\/\/evil\.test\/p\.png\) &lt;script&gt;x&lt;\/script&gt; \\@org\/team \\\\e\\\]0;PWNED\\\\x07/,
      // `<img` stays only inside code spans, where Markdown shows it as text.
      never: /[\u001b\u0007]|<script>|\]\(https:|[^`]<img/,
    },
  },
];

export const CORPUS: HostileCase[] = [...BOUNDARY, ...TERMINAL];
