// A credential written in a repo file is a secret whether or not a live Secret meets it (a newcomer's
// tryout in session 20: `API_KEY=sk_live_…` from a .env printed in the table, the JSON and the report).
import { describe, expect, it } from 'vitest';
import { allows } from '../../src/compare/compare.js';
import { contractWithSecretsFingerprinted, looksLikeCredential } from '../../src/compare/secret-keys.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { SecretFingerprint } from '../../src/parse/fingerprint.js';
import { repoFromScenario } from '../support/repo.js';
import { runCli } from '../support/cli.js';

describe('looksLikeCredential', () => {
  it.each([
    ['API_KEY', 'sk_live_51HabcdefghijklmnopQRST'],
    ['db.password', 'correct-horse-battery'],
    ['stripeSecretKey', 'abcdefgh12345678'],
    ['GITHUB_TOKEN', 'not-really-a-token-but-long'],
    ['auth.clientSecret', 'Zm9vYmFyYmF6cXV4'],
    ['SOME_SETTING', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['signing', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow...'],
    // Named as people name them (a newcomer's tryout, session 23): a `_PASS` suffix, signing and
    // encryption keys, Rails' secret_key_base; and a password however short.
    ['DB_PASS', 'Sup3rS3cretA'],
    ['smtp.pass', 'MailPwStg99'],
    ['ldap.bindPassphrase', 'long enough phrase'],
    ['SESSION_SIGNING_KEY', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
    ['ENCRYPTION_KEY', 'q83vEjRkXbu8aYx1'],
    ['SECRET_KEY_BASE', 'a3f9c0de7b21e4f5'],
    ['ADMIN_PASSWORD', 'short1'],
    ['redis.pwd', 'x9'],
    ['JWT_SECRET_STAGING', 'jwtStgValue1234'],
    ['db.passwordProd', 'hunter2'],
  ])('%s is one', (key, value) => expect(looksLikeCredential(key, value, 'string')).toBe(true));

  it.each([
    // A token where a Secret's name belongs, or a credential's shape, is still one.
    ['auth.existingSecret', 'a8f3k2m9x7q1w5e6'],
    ['auth.existingSecret', 'Zm9vYmFyYmF6cXV4'],
    ['tls.certSecret', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['clientSecret', 'payments-client-prod'],
    ['jwt.secret', 'my-jwt-signing-value'],
  ])('%s holding %s is one', (key, value) => expect(looksLikeCredential(key, value, 'string')).toBe(true));

  it('a password of digits alone is one', () => expect(looksLikeCredential('redis.password', '123456', 'number')).toBe(true));

  it.each([
    ['PASSWORD_MIN_LENGTH', '12345678', 'string'],
    ['TOKEN_TTL', '3600seconds', 'string'],
    ['SECRET_NAME', 'payments-credentials', 'string'],
    ['DB_PASSWORD', '${DB_PASSWORD}', 'string'],
    ['db.password', '{{ .Values.global.dbPassword }}', 'string'],
    ['API_KEY', 'vault:secret/data/api#key', 'string'],
    ['API_KEY', 'short', 'string'],
    ['API_KEY', '12345678', 'number'],
    ['LOG_LEVEL', 'sk_live_is_not_a_level', 'string'],
    ['DB_PASSWORD', '', 'string'],
    ['ADMIN_PASSWORD', 'true', 'boolean'],
    ['BYPASS', 'enabled-for-all', 'string'],
    ['FIRST_PASS_RATIO', '0.25', 'number'],
    ['SIGNING_KEY_ID', 'key-2026-11', 'string'],
    ['SECRET_NAME_PROD', 'payments-credentials', 'string'],
    // The Secret object a chart reads its credential from, by name (Helm's `existingSecret`).
    ['auth.existingSecret', 'redis-auth-prod', 'string'],
    ['tls.certSecret', 'api-tls-staging', 'string'],
    ['imagePullSecret', 'regcred', 'string'],
    ['global.imagePullSecrets', 'ghcr-pull.v2', 'string'],
    ['ingress.tlsSecret', 'wildcard-example-com', 'string'],
    ['TOKEN_TTL_STAGING', '3600seconds', 'string'],
  ])('%s = %s is not', (key, value, type) => expect(looksLikeCredential(key, value, type)).toBe(false));
});

describe('a scan of a repository with credentials in its files', () => {
  it('prints none of them, in any format, nor in a key history', async () => {
    const plain = [
      'sk_live_51HabcdefghijklmnopQRST',
      'sk_live_99ZZZZZZZZZZZZZZZZZZZZ',
      'hunter2hunter2',
      'correcthorsebattery',
      'Sup3rS3cretA',
      'Pr0dS3cretB',
      'short1',
    ];
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-06-01T10:00:00Z',
          author: 'ana',
          message: 'env files',
          write: {
            'undrift.yaml': 'environments:\n  staging: .env.staging\n  production: .env.production\npromotion: [staging, production]\n',
            '.env.staging': `API_KEY=${plain[0]}\nDB_PASSWORD=${plain[2]}\nSMTP_PASS=${plain[4]}\nADMIN_PASSWORD=${plain[6]}\nLOG=info\n`,
            '.env.production': `API_KEY=${plain[1]}\nDB_PASSWORD=${plain[2]}\nSMTP_PASS=${plain[5]}\nLOG=warn\n`,
          },
        },
        { at: '2026-07-01T10:00:00Z', author: 'ben', message: 'rotate the db password in production', set: { '.env.production': { DB_PASSWORD: plain[3]! } } },
      ],
    });
    const outputs: string[] = [];
    for (const args of [
      ['scan', '--no-cache'],
      ['scan', '--no-cache', '--format', 'json'],
      ['scan', '--no-cache', '--format', 'markdown'],
      ['scan', '--no-cache', '--format', 'sarif'],
      ['explain', 'DB_PASSWORD'],
      ['explain', 'API_KEY'],
      ['explain', 'SMTP_PASS'],
      ['explain', 'ADMIN_PASSWORD'],
    ]) {
      const run = await runCli(args, { cwd: repo });
      outputs.push(run.stdout + run.stderr);
    }
    const all = outputs.join('\n');
    expect(all).toMatch(/secret:[0-9a-f]+/);
    for (const p of plain) expect(all).not.toContain(p);
    expect(all).toContain('LOG');
  });
});

describe('a contract that lists a credential-named key’s values as written', () => {
  it('is met by the fingerprints they are compared as, and prints none of its own values', async () => {
    const listed = ['bind-pw-staging-1', 'bind-pw-prod-22', 'tok_staging_0123456789', 'tok_prod_listed_9876543'];
    const held = 'tok_prod_held_55555555';
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-06-01T10:00:00Z',
          author: 'ana',
          message: 'values and contract',
          write: {
            'config/staging.yaml': `ldap:\n  bindPassword: ${listed[0]}\nAPI_TOKEN: ${listed[2]}\nLOG_LEVEL: debug\n`,
            'config/production.yaml': `ldap:\n  bindPassword: ${listed[1]}\nAPI_TOKEN: ${held}\nLOG_LEVEL: warn\n`,
            'config/expected-env-diff.yaml': [
              'expected_differences:',
              `  ldap.bindPassword: {staging: ${listed[0]}, production: ${listed[1]}}`,
              `  API_TOKEN: {staging: ${listed[2]}, production: ${listed[3]}}`,
              '  "*_LEVEL": {staging: debug, production: warn}',
              '',
            ].join('\n'),
          },
        },
      ],
    });
    const json = JSON.parse((await runCli(['scan', '--no-cache', '--format', 'json'], { cwd: repo })).stdout) as {
      divergences: Array<{ key: string; kind: string }>;
    };
    // The password is what the contract lists in both environments; the token is not production's.
    expect(json.divergences.map((d) => `${d.key} ${d.kind}`)).toEqual(['API_TOKEN contract-violation']);
    const outputs: string[] = [];
    for (const args of [
      ['scan', '--no-cache'],
      ['scan', '--no-cache', '--format', 'json'],
      ['explain', 'API_TOKEN'],
      ['explain', 'ldap.bindPassword'],
    ]) {
      const run = await runCli(args, { cwd: repo });
      outputs.push(run.stdout + run.stderr);
    }
    const all = outputs.join('\n');
    expect(all).toMatch(/the contract allows secret:[0-9a-f]+/);
    for (const text of [...listed, held]) expect(all).not.toContain(text);
  });

  it('keeps a glob entry’s texts for the plain keys it covers, the fingerprints beside them', () => {
    const fingerprint = new SecretFingerprint(Buffer.from('k'.repeat(32)));
    const contract = parseContract(yamlFileFromText('expected_differences:\n  "*_REF": {staging: a-staging, production: [a-prod, b-prod]}\n', 'c.yaml'), [
      'staging',
      'production',
    ]);
    const out = contractWithSecretsFingerprinted(contract, new Set(['VAULT_TOKEN_REF']), fingerprint);
    const entry = out.entries[0]!;
    expect(allows(entry.allowed.get('staging')!, { text: 'a-staging' })).toBe(true);
    expect(allows(entry.allowed.get('staging')!, { text: fingerprint.of(Buffer.from('a-staging')) })).toBe(true);
    expect(allows(entry.allowed.get('production')!, { text: fingerprint.of(Buffer.from('b-prod')) })).toBe(true);
    expect(allows(entry.allowed.get('production')!, { text: fingerprint.of(Buffer.from('a-staging')) })).toBe(false);
    // No secret key under the glob: the contract as it was.
    expect(contractWithSecretsFingerprinted(contract, new Set(['OTHER']), fingerprint)).toBe(contract);
  });
});
