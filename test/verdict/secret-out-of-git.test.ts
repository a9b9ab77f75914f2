// A rotated credential whose document says the new value is not to go into git (holdout-15/48): the
// reader of "the repository does not own this value" reads that family too, in the languages read,
// by the key's leaf or its live object's name; a backfill would write the secret into the repo.
import { describe, expect, it } from 'vitest';
import { documentedNotInRepo } from '../../src/verdict/documents.js';
import { buildLog } from '../../src/verdict/log.js';

const KEY = 'Secret/payments-gateway.data.GATEWAY_API_KEY';
const log = (text: string, written = '2026-10-20T09:00:00Z') =>
  buildLog(
    new Map(),
    [
      {
        sha: 'e'.repeat(40),
        parents: [],
        author: 'Ada',
        email: 'a@x',
        date: written,
        committed: written,
        subject: 'docs: rotation',
        body: '',
        files: ['docs/r.md'],
      },
    ],
    [{ path: 'docs/r.md', sha: 'e'.repeat(40), text }],
  );

describe('a document saying a rotated secret does not go into git', () => {
  it.each([
    ['English, by the object name', '- 2026-10-19 payments-gateway key rotated after the leak. Never commit the new key to the repo; it moves to Vault.'],
    ['English, by the leaf', 'GATEWAY_API_KEY was rotated live. Keep the new one out of git until PAY-12 lands.'],
    ['English, "not back into"', 'Rotated payments-gateway by hand; it belongs in the external secret store, not back into the repository.'],
    ['German', 'payments-gateway: Schlüssel live rotiert. Den neuen Wert bitte nicht wieder ins Repo legen.'],
    ['French', 'GATEWAY_API_KEY tourné à la main ; ne jamais le remettre dans git.'],
    ['Spanish', 'Se rotó payments-gateway en vivo; no lo subas a git, va al gestor de secretos.'],
  ])('%s', (_what, text) => {
    expect(documentedNotInRepo(KEY, log(text), '2026-12-01', true)?.phrase).toBeTruthy();
  });

  it.each([
    ['a passage not naming it', 'Never commit a new key to the repo.\n\npayments-gateway was rotated.'],
    ['a conditional', 'If payments-gateway leaks again, do not put the new key in git.'],
    ['git named without a negation', 'payments-gateway key rotated and committed to git (sealed) in PAY-9.'],
  ])('%s says nothing', (_what, text) => {
    expect(documentedNotInRepo(KEY, log(text), '2026-12-01', true)).toBeUndefined();
  });

  it('a document written after today says nothing yet', () => {
    expect(documentedNotInRepo(KEY, log('GATEWAY_API_KEY: keep the new one out of git.', '2026-12-03T09:00:00Z'), '2026-12-01', true)).toBeUndefined();
  });
});
