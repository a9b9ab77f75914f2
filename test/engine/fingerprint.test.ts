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
});
