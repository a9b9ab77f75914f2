import { describe, expect, it } from 'vitest';
import { historyWithSecretsFingerprinted } from '../../src/compare/secret-keys.js';
import { SecretFingerprint } from '../../src/parse/fingerprint.js';
import type { HistoryEvent } from '../../src/model/types.js';

describe('historyWithSecretsFingerprinted', () => {
  it("fingerprints a secret key's plain values once, and leaves values its reader already fingerprinted as they are", () => {
    const fingerprint = new SecretFingerprint(Buffer.alloc(32, 7));
    const read = fingerprint.ofText('s3cr3t-password')!; // as a Secret manifest's history holds it
    const event = (from: string | null, to: string | null) => ({ commit: 'c1', from, to }) as unknown as HistoryEvent;
    const envs = new Map([
      [
        'staging',
        new Map([
          ['Secret/app-db.data.DB_PASSWORD', [event(null, read)]],
          ['DB_PASSWORD', [event('old-one', 'new-one')]],
        ]),
      ],
    ]);
    const out = historyWithSecretsFingerprinted(envs, new Set(['Secret/app-db.data.DB_PASSWORD', 'DB_PASSWORD']), fingerprint).get('staging')!;
    // The manifest's fingerprint still equals the file's (and live's) fingerprint of the same secret.
    expect(out.get('Secret/app-db.data.DB_PASSWORD')![0]).toMatchObject({ from: null, to: read });
    expect(out.get('DB_PASSWORD')![0]).toMatchObject({ from: fingerprint.ofText('old-one'), to: fingerprint.ofText('new-one') });
    expect(JSON.stringify([...out.values()])).not.toMatch(/old-one|new-one|s3cr3t/);
  });
});
