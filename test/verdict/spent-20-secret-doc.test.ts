// Session 23 (spent holdout-20/30): a rotated Secret's document names the Secret once and says in a
// follow-up of its own that the new value stays out of git: the document speaks of it as a whole
// (30 was "backfill prod's file, 0.55" against "Never put the new one in git in clear").
// Situations and phrasings of their own, none a story's.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { documentedSecretOutOfGit } from '../../src/verdict/documents.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { byHandAt, documentCommit } from './log-builders.js';

const ENVS = ['stage', 'live'];
const TODAY = '2026-12-04';
const EDIT = '2026-11-20T07:15:00Z';
const byHand = byHandAt(EDIT);
const SECRET = 'Secret/billing-stripe.data.STRIPE_API_KEY';
const OTHER = 'Secret/billing-webhooks.data.WEBHOOK_SIGNING_KEY';
/** A log where the Secret and another one are keys of the scan, and one document about the rotation. */
const secretLog = (text: string, date = '2026-11-21T09:00:00Z') =>
  buildLog(
    new Map([
      [
        'live',
        new Map([
          [SECRET, []],
          [OTHER, []],
        ]),
      ],
    ]),
    [documentCommit('s', date, 'rotation notes', ['docs/sec/rotation.md'])],
    [{ path: 'docs/sec/rotation.md', sha: 's'.repeat(40), text }],
  );
const rotated = (): Divergence =>
  ({
    id: SECRET,
    key: SECRET,
    kind: 'live-drift',
    severity: 'drift',
    envs: ['live'],
    values: {
      stage: { repo: 'secret:1111111111', live: null, at: null, type: 'secret' },
      live: { repo: 'secret:2222222222', live: 'secret:3333333333', at: null, type: 'secret' },
    },
    declared: false,
    contract: null,
    notes: [],
    provenance: { live: { ...byHand, manager: 'kubectl-edit' } },
  }) as unknown as Divergence;

describe('a rotated Secret whose document keeps the new value out of git in a passage of its own', () => {
  it.each([
    [
      'English, a follow-up list',
      '# Stripe key leak\n\n- 11-20 08:00 billing-stripe edited by hand with the new key, old one revoked\n\n## Follow-up\n\n' +
        '- the manifest still has the revoked key. Do not put the new key in the repo; it goes to the external secret store.\n',
    ],
    [
      'English, "keep it out of git"',
      'billing-stripe was rotated live on 20.11.\n\nNext steps: move to ExternalSecrets. Keep the new one out of git meanwhile.\n',
    ],
    ['German', 'Rotation billing-stripe am 20.11. per kubectl edit.\n\nTODO: Den neuen Schlüssel niemals ins Repo schreiben, nur in den Vault.\n'],
    ['French', 'billing-stripe : clé changée à la main le 20/11.\n\nSuite : ne jamais mettre la nouvelle clé dans git.\n'],
  ])('%s: declared, never written into the file', (_what, text) => {
    expect(documentedSecretOutOfGit(SECRET, secretLog(text), TODAY)?.phrase).toBeTruthy();
    const v = explain(rotated(), {}, { promotion: ENVS, environments: ENVS, today: TODAY, log: secretLog(text) });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).toMatch(/not go into the repository/);
  });

  it.each([
    ['a document not naming the Secret', '# Secrets policy\n\nNever put a key in git in clear.\n'],
    ['the passage names another Secret of the scan', 'billing-stripe rotated on 20.11.\n\nbilling-webhooks: do not put the new signing key in git.\n'],
    ['a conditional', 'billing-stripe rotated on 20.11.\n\nIf it leaks again, do not put the new key in git.\n'],
  ])('%s: the rotation default (backfill the reference), asked', (_what, text) => {
    expect(documentedSecretOutOfGit(SECRET, secretLog(text), TODAY)).toBeUndefined();
    const v = explain(rotated(), {}, { promotion: ENVS, environments: ENVS, today: TODAY, log: secretLog(text) });
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('a document written after today says nothing yet', () => {
    const text = 'billing-stripe rotated.\n\nNever put the new one in git.\n';
    expect(documentedSecretOutOfGit(SECRET, secretLog(text, '2026-12-06T09:00:00Z'), TODAY)).toBeUndefined();
  });
});
