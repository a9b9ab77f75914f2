import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { SecretFingerprint } from '../../src/parse/fingerprint.js';
import { readText } from '../../src/parse/read.js';
import { repoWithFiles } from '../support/repo.js';

const secret = (value: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {PASSWORD: ${Buffer.from(value).toString('base64')}}\n`;

/** The fingerprint as the key kept in the repository's .git/undrift makes it. */
async function expected(repo: string, value: string): Promise<string> {
  const key = await readFile(path.join(repo, '.git', 'undrift', 'fingerprint-key'));
  return `secret:${createHmac('sha256', key).update(value).digest('hex').slice(0, 12)} (${Buffer.byteLength(value)} bytes)`;
}

describe('secret fingerprints', () => {
  it('a reader fingerprints with the key it is given', async () => {
    const key = Buffer.alloc(32, 7);
    const read = await readText(secret('hunter2'), 'k8s/secret.yaml', 'manifests', new SecretFingerprint(key));
    expect(read.values.get('Secret/db.data.PASSWORD')?.text).toBe(`secret:${createHmac('sha256', key).update('hunter2').digest('hex').slice(0, 12)} (7 bytes)`);
  });

  it('repositories scanned at once each fingerprint with their own key, in their files and their history', async () => {
    const files = {
      'undrift.yaml': 'environments:\n  staging: {files: [staging.yaml]}\n  production: {files: [production.yaml]}\npromotion: [staging, production]\n',
      'staging.yaml': secret('staging-pass'),
      'production.yaml': secret('production-pass'),
    };
    const repos = await Promise.all([1, 2, 3].map(() => repoWithFiles(files)));
    const scans = await Promise.all(repos.map((repo) => scanRepository({ repo, historyCache: false, live: false })));
    for (const [i, repo] of repos.entries()) {
      const d = scans[i]!.divergences.find((x) => x.key === 'Secret/db.data.PASSWORD')!;
      expect(d.values.staging!.repo).toBe(await expected(repo, 'staging-pass'));
      expect(d.values.production!.repo).toBe(await expected(repo, 'production-pass'));
      expect(d.history!.production!.map((e) => e.to)).toEqual([await expected(repo, 'production-pass')]);
    }
  });

  // The interactive view's full read reuses its quick read, whose credential values are already
  // fingerprints: their key names had to be found again for the history to be fingerprinted too.
  it('fingerprints a credential by its key name in the history of a scan that reuses an earlier read', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: .env.staging\n  production: .env.production\npromotion: [staging, production]\n',
      '.env.staging': 'PAGE_SIZE=50\n',
      '.env.production': 'PAGE_SIZE=20\nSMTP_PASSWORD=mailPw!42\nSTRIPE_KEY=sk_live_zyxwvutsrqponmlk\n',
    });
    const quick = await scanRepository({ repo, history: false, live: false });
    const full = await scanRepository({ repo, historyCache: false, live: false, reuse: quick });
    const fresh = await scanRepository({ repo, historyCache: false, live: false });
    for (const [key, value] of [
      ['SMTP_PASSWORD', 'mailPw!42'],
      ['STRIPE_KEY', 'sk_live_zyxwvutsrqponmlk'],
    ] as const) {
      const fingerprinted = await expected(repo, value);
      expect(
        full
          .history!.envs.get('production')!
          .get(key)!
          .map((e) => e.to),
      ).toEqual([fingerprinted]);
      const d = full.divergences.find((x) => x.key === key)!;
      expect(d.history!.production!.map((e) => e.to)).toEqual([fingerprinted]);
      expect(JSON.stringify(d)).not.toContain(value);
      // The same verdict a scan of its own gives (it read no uncommitted edit into the fingerprint).
      expect(d.verdict).toEqual(fresh.divergences.find((x) => x.key === key)!.verdict);
    }
  });

  // (DB_LOGIN: a key whose name says no credential, so the quick read, with no live Secret to meet, shows its text.)
  it('fingerprints a plaintext repo value that meets a live Secret in new objects: an earlier scan reused keeps what it read', async () => {
    const liveSecret = (value: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: pay}\ndata: {DB_LOGIN: ${Buffer.from(value).toString('base64')}}\n`;
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  staging: {files: config/staging.yaml, live: {snapshot: {path: live/staging.yaml, secrets: [db]}}}',
        '  production: {files: config/production.yaml, live: {snapshot: {path: live/production.yaml, secrets: [db]}}}',
        'promotion: [staging, production]',
        '',
      ].join('\n'),
      'config/staging.yaml': 'DB_LOGIN: staging-pass\n',
      'config/production.yaml': 'DB_LOGIN: production-pass\n',
      'live/staging.yaml': liveSecret('staging-pass'),
      'live/production.yaml': liveSecret('production-pass'),
    });
    // The interactive view's quick read (no live state, no history), then the full scan on top of it.
    const quick = await scanRepository({ repo, history: false, live: false });
    const read = quick.snapshot.envs.get('production')!.values.get('DB_LOGIN')!;
    expect(read.text).toBe('production-pass');
    const full = await scanRepository({ repo, historyCache: false, reuse: quick });
    const fingerprinted = await expected(repo, 'production-pass');
    expect(full.snapshot.envs.get('production')!.values.get('DB_LOGIN')!.text).toBe(fingerprinted);
    expect(
      full
        .history!.envs.get('production')!
        .get('DB_LOGIN')!
        .map((e) => e.to),
    ).toEqual([fingerprinted]);
    expect(full.divergences.find((d) => d.key === 'DB_LOGIN')!.values.production!.repo).toBe(fingerprinted);
    // What the quick read holds is unchanged: the same object, still its plaintext.
    expect(quick.snapshot.envs.get('production')!.values.get('DB_LOGIN')).toBe(read);
    expect(read.text).toBe('production-pass');
  });
});
