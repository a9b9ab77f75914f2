// A password inside a structured payload a value carries went out in plain text (a newcomer's
// trial, session 23): a ConfigMap's `settings.json: {"db": {"password": "…"}}`, an `app.yaml`
// block's `password: …`, a `.properties` file's `db.password: …`, `"apiKey"`, `"client_secret"`
// showed whole in scan --format json, report and explain, where `key=value` and INI forms were hidden.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { SecretFingerprint } from '../../src/parse/fingerprint.js';
import { passwordSpans, textWithPasswordsFingerprinted } from '../../src/parse/url-passwords.js';
import { App } from '../../src/tui/App.js';
import { createController } from '../../src/tui/controller.js';
import { renderAt } from '../support/ink.js';
import { repoFromScenario, runUndrift } from '../support/repo.js';

const fingerprint = new SecretFingerprint(Buffer.from('a test key of thirty-two bytes!!'));
const shown = (text: string) => textWithPasswordsFingerprinted(text, fingerprint);
const passwords = (text: string) => passwordSpans(text).map(([start, end]) => text.slice(start, end));

describe('credentials inside a payload', () => {
  it.each([
    ['{"db": {"password": "JsonPw9", "host": "db"}}', ['JsonPw9']],
    ['{"apiKey":"k3y-abc","client_secret": "cl1ent", "name": "app"}', ['k3y-abc', 'cl1ent']],
    ['{"db":{"password":"a\\"b\\"c","user":"x"}}', ['a\\"b\\"c']],
    ['{"pin": 123456, "dbPassword": 987654}', ['987654']],
    ['["{\\"password\\": \\"esc4ped\\"}"]', ['esc4ped']],
    ['db:\n  password: YamlPw8\n  apiKey: "YApiKey3"\n  host: db\n', ['YamlPw8', 'YApiKey3']],
    ["users:\n  - name: app\n    password: 'q w e'\n", ['q w e']],
    ['- token: tok3n-xyz\n', ['tok3n-xyz']],
    ['db.password: PropColon2\ndb.user: app\n', ['PropColon2']],
    ['db.password:PropTight1\n', ['PropTight1']],
    ['auth:\n  accessToken: at-123456\n  privateKey: pk-abcdef\n', ['at-123456', 'pk-abcdef']],
  ])('%j: the credentials are %j', (text, expected) => {
    expect(passwords(text)).toEqual(expected);
    const out = shown(text);
    for (const p of expected) expect(out).not.toContain(p);
    expect(shown(out)).toBe(out);
  });

  it.each([
    '{"password": null, "token": true, "secret": ""}',
    '{"passwordMinLength": 12, "tokenTtl": "1h", "secretName": "db-creds", "bypass": "yes"}',
    '{"password": "${DB_PASSWORD}", "apiKey": "{{ .Values.key }}"}',
    'db:\n  password: ${DB_PASSWORD}\n  passwordFile: /run/secrets/db\n',
    'password:\n  minLength: 12\n',
    'note: the password: rotate it monthly',
    'secret:1f0c9a2b44de (8 bytes)',
    'value: secret:1f0c9a2b44de (8 bytes)\npassword: secret:1f0c9a2b44de (8 bytes)',
  ])('%j holds no credential', (text) => {
    expect(passwords(text)).toEqual([]);
    expect(shown(text)).toBe(text);
  });
});

const PLAIN = ['JsonPw', 'ApiKeyZ', 'ClSec', 'YamlPw', 'YApiKey', 'PropColon'];
const configMap = (env: string) =>
  [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: app',
    'data:',
    '  LOG: info',
    `  settings.json: '{"db": {"password": "JsonPw${env}9", "host": "db"}, "apiKey": "ApiKeyZ${env}7", "client_secret": "ClSec${env}55"}'`,
    '  app.yaml: |',
    '    db:',
    `      password: YamlPw${env}8`,
    `      apiKey: YApiKey${env}3`,
    '  app.properties: |',
    `    db.password: PropColon${env}2`,
    '',
  ].join('\n');

const repo = repoFromScenario({
  commits: [
    {
      at: '2026-06-01T10:00:00Z',
      author: 'ana',
      message: 'app config',
      write: {
        'undrift.yaml': 'environments:\n  staging: {files: k8s/staging.yaml}\n  production: {files: k8s/production.yaml}\npromotion: [staging, production]\n',
        'k8s/staging.yaml': configMap('staging'),
        'k8s/production.yaml': configMap('production'),
      },
    },
  ],
});

const expectNoCredential = (what: string, text: string) => {
  for (const p of PLAIN) expect(text, `${what} holds ${p}…`).not.toContain(p);
};

describe('a scan of a ConfigMap whose values carry JSON, YAML and .properties payloads', () => {
  it.each([
    ['the table', ['scan', '--no-cache']],
    ['JSON', ['scan', '--no-cache', '--format', 'json']],
    ['Markdown', ['scan', '--no-cache', '--format', 'markdown']],
    ['HTML', ['scan', '--no-cache', '--format', 'html']],
    ['SARIF', ['scan', '--no-cache', '--format', 'sarif']],
    ['JUnit', ['scan', '--no-cache', '--format', 'junit']],
    ['the report', ['report', '--no-cache']],
    ['the HTML report', ['report', '--no-cache', '--format', 'html']],
    ['the JSON report', ['report', '--no-cache', '--format', 'json']],
    ['explain of settings.json', ['explain', 'ConfigMap/app.data["settings.json"]', '--no-cache']],
    ['explain --json of app.yaml', ['explain', 'ConfigMap/app.data["app.yaml"]', '--json', '--no-cache']],
    ['explain of app.properties', ['explain', 'ConfigMap/app.data["app.properties"]', '--no-cache']],
  ])('%s shows each credential as its fingerprint', async (what, args) => {
    const run = await runUndrift(args, { cwd: await repo });
    expect(run.exitCode, run.stderr).toBe(args[0] === 'scan' ? 1 : 0);
    expectNoCredential(what, run.stdout + run.stderr);
    if (what === 'JSON') {
      const out = JSON.parse(run.stdout) as { divergences: Array<{ key: string; values: Record<string, { repo: string }> }> };
      // Still drift: each environment's password is its own, compared by fingerprint.
      expect(out.divergences.map((d) => d.key).sort()).toEqual([
        'ConfigMap/app.data["app.properties"]',
        'ConfigMap/app.data["app.yaml"]',
        'ConfigMap/app.data["settings.json"]',
      ]);
      const settings = out.divergences.find((d) => d.key.endsWith('"settings.json"]'))!;
      expect(settings.values.staging!.repo).toMatch(
        /^\{"db": \{"password": "secret:[0-9a-f]{12} \(14 bytes\)", "host": "db"\}, "apiKey": "secret:[0-9a-f]{12} \(15 bytes\)"/,
      );
    }
  });

  it("the view's detail and timeline show none", async () => {
    const scan = await scanRepository({ repo: await repo, historyCache: false });
    const controller = createController(
      { persist: () => {}, onExit: () => {}, apply: async () => 'applied' },
      {
        repoName: 'app',
        envs: scan.snapshot.environments,
        promotion: scan.config.promotion,
        divergences: scan.divergences,
        size: () => ({ columns: 160, rows: 50 }),
      },
    );
    controller.start();
    const { frame, press, waitFor } = renderAt(<App controller={controller} />, 160, 50);
    await waitFor(/app\.properties/);
    const seen: string[] = [frame()];
    for (const key of ['j', 'j', 't']) {
      await press(key);
      seen.push(frame());
    }
    expect(seen.join('\n')).toMatch(/secret:[0-9a-f]{12}/);
    expectNoCredential('the view', seen.join('\n'));
  });
});
