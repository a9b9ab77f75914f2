import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { isolatedGitEnv } from '../../src/scenario/build.js';
import { repoWithFiles } from './repo.js';

/** The Secret values of the repository below: never to be found in anything undrift writes. */
export const LIVE_PASSWORD = 'hunter2-live-Z9q';
export const REPO_PASSWORD = 'repo-pass-Q7w';

export interface LiveSide {
  /** production's live ConfigMap data. */
  data: Record<string, string>;
  /** production's live Secret password. */
  password?: string;
  /** Annotations on the live ConfigMap (a person's note on the hand edit). */
  annotations?: Record<string, string>;
  /** The managedFields entry that last wrote the Secret's password (read with
   * --show-managed-fields); none, a snapshot taken without them. */
  passwordChange?: { by: string; at: string };
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** production's `kubectl get -o yaml --show-managed-fields` record: one ConfigMap whose data
 * keys were last written by hand (kubectl-edit), and the db Secret. */
export function liveSnapshot(side: LiveSide): string {
  const fields = Object.keys(side.data)
    .map((k) => `            f:${k}: {}`)
    .join('\n');
  const annotations = Object.entries(side.annotations ?? {})
    .map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: v1',
    '  kind: ConfigMap',
    '  metadata:',
    '    name: app-config',
    '    namespace: app',
    ...(annotations ? ['    annotations:', annotations] : []),
    '    managedFields:',
    '      - apiVersion: v1',
    '        fieldsType: FieldsV1',
    '        manager: kubectl-edit',
    '        operation: Update',
    '        time: 2026-11-20T03:12:00Z',
    '        fieldsV1:',
    '          f:data:',
    fields,
    '  data:',
    ...Object.entries(side.data).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`),
    ...(side.password !== undefined
      ? [
          '- apiVersion: v1',
          '  kind: Secret',
          '  metadata:',
          '    name: db',
          '    namespace: app',
          ...(side.passwordChange
            ? [
                '    managedFields:',
                '      - apiVersion: v1',
                '        fieldsType: FieldsV1',
                `        manager: ${side.passwordChange.by}`,
                '        operation: Update',
                `        time: ${side.passwordChange.at}`,
                '        fieldsV1: {f:data: {f:DB_PASSWORD: {}}}',
              ]
            : []),
          `  data: {DB_PASSWORD: ${b64(side.password)}}`,
        ]
      : []),
    '',
  ].join('\n');
}

/** A real git repository: staging and production read config/<env>.yaml (DB_MAX_CONNECTIONS 10)
 * and k8s/<env>/secret.yaml; production's live state is a snapshot in which it runs `side`. */
export async function acceptedLiveRepo(side: LiveSide, contract = 'expected_differences: {}\n'): Promise<string> {
  return repoWithFiles({
    'undrift.yaml': [
      'environments:',
      '  staging:',
      '    files: [config/staging.yaml, k8s/staging/secret.yaml]',
      '  production:',
      '    files: [config/production.yaml, k8s/production/secret.yaml]',
      '    live: {snapshot: {path: live/production.yaml, secrets: [db]}}',
      'promotion: [staging, production]',
      '',
    ].join('\n'),
    'config/expected-env-diff.yaml': contract,
    'config/staging.yaml': 'DB_MAX_CONNECTIONS: "10"\n',
    'config/production.yaml': 'DB_MAX_CONNECTIONS: "10"\n',
    'k8s/staging/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {DB_PASSWORD: ${b64('staging-pass-K4')}}\n`,
    'k8s/production/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {DB_PASSWORD: ${b64(REPO_PASSWORD)}}\n`,
    'live/production.yaml': liveSnapshot(side),
  });
}

/** Commits new contents for some of the repository's files, as Ben on a later day. */
export async function commitFiles(repo: string, files: Record<string, string>, message: string, at = '2026-11-25T09:00:00Z'): Promise<void> {
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(repo, file), text);
  const env = isolatedGitEnv({
    GIT_AUTHOR_NAME: 'Ben Ode',
    GIT_AUTHOR_EMAIL: 'ben@example.test',
    GIT_COMMITTER_NAME: 'Ben Ode',
    GIT_COMMITTER_EMAIL: 'ben@example.test',
    GIT_AUTHOR_DATE: at,
    GIT_COMMITTER_DATE: at,
  });
  await execa('git', ['add', '-A'], { cwd: repo, env });
  await execa('git', ['commit', '-q', '-m', message], { cwd: repo, env });
}
