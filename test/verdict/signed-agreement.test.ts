// Session 35 (spent holdout-32, lane c): an agreement's signature is its approval. A tenant's value moved
// to what a signed renewal sets (a tier, an RPO), citing the agreement's ticket, breaks a contract entry
// written before the signature: the entry is what lags, and putting the value back would break what the
// company signed. Phrasings of our own (the story's is French), and the signatures still to come that
// approve nothing.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { signedIn } from '../../src/verdict/conditions.js';
import { repoFromScenario } from '../support/repo.js';
import { why } from './log-builders.js';

describe('signedIn: an agreement reported signed', () => {
  it.each([
    ['Signed on 4 March 2027 (ACC-71).'],
    ['Renewal signed 3 Dec; new tier from 1 January.'],
    ['The amendment was signed on the 2nd of May.'],
    ['Vertrag unterschrieben am 12.03.2027.'],
    ['Verlängerung unterzeichnet am 3. März.'],
    ['Contrato firmado el 4 de marzo.'],
    ['Avenant signé le 4 mars.'],
    ['Overeenkomst ondertekend op 4 maart.'],
  ])('%s', (text) => {
    expect(signedIn(text)).toBeDefined();
  });

  it.each([
    ['The renewal will be signed on 4 March.'],
    ['To be signed on 4 March by both parties.'],
    ['Der Vertrag soll am 4. März unterschrieben werden.'],
    ['Le contrat doit être signé le 4 mars.'],
    ['The bucket serves signed URLs valid for 15 minutes.'],
    ['Images are signed 2 times: by CI and by the release job.'],
    ['All commits signed.'],
    ['Contract not signed yet.'],
  ])('not: %s', (text) => {
    expect(signedIn(text)).toBeUndefined();
  });
});

const CONFIG =
  'environments:\n  tenant-a: {files: [base.yaml, tenant-a.yaml], format: helm}\n  tenant-b: {files: [base.yaml, tenant-b.yaml], format: helm}\npromotion: [tenant-a, tenant-b]\n';
const CONTRACT = 'expected_differences:\n  retention.days:\n    tenant-a: 30\n    tenant-b: 30\n    reason: "per plan: standard 30 days, premium 90 days"\n';

async function verdictWith(agreement: string | undefined) {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2027-01-10T10:00:00Z',
        author: 'ana',
        message: 'tenant values',
        write: {
          'undrift.yaml': CONFIG,
          'base.yaml': 'retention:\n  days: 30\n',
          'tenant-a.yaml': 'name: a\n',
          'tenant-b.yaml': 'name: b\n',
          'config/expected-env-diff.yaml': CONTRACT,
        },
      },
      ...(agreement
        ? [
            {
              at: '2027-03-05T10:00:00Z',
              author: 'ana',
              message: 'docs: tenant-b agreement',
              write: { 'docs/agreements/tenant-b.md': `# Tenant B\n\n${agreement}\n\nRetention 90 days for tenant-b.\n` },
            },
          ]
        : []),
      {
        at: '2027-03-20T10:00:00Z',
        author: 'ben',
        message: 'tenant-b: premium plan, retention 90 days (ACC-71)',
        write: { 'tenant-b.yaml': 'name: b\nretention:\n  days: 90\n' },
      },
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today: '2027-04-01' });
  const d = scan.divergences.find((x) => x.key === 'retention.days' && x.kind === 'contract-violation');
  expect(d, 'a contract violation on retention.days').toBeDefined();
  return d!.verdict!;
}

describe('a tenant value set by a signed agreement its change cites, against an older contract entry', () => {
  it.each([
    ['Signed on 4 March 2027 (ACC-71). Plan: premium.'],
    ['ACC-71: Vertrag unterschrieben am 04.03.2027, Paket Premium.'],
    ['ACC-71: contrato firmado el 4 de marzo, plan premium.'],
  ])('the contract lags: declare, %s', async (agreement) => {
    const v = await verdictWith(agreement);
    expect(v, why(v)).toMatchObject({ suggested: 'declare', deliberate: 'tenant-b' });
    expect(why(v)).toMatch(/agreements\/tenant-b\.md/);
  });

  it.each([
    ['no agreement', undefined],
    ['a signature still to come', 'ACC-71: the agreement will be signed on 4 April 2027. Plan: premium.'],
    ['an agreement the change does not cite', 'Signed on 4 March 2027 (ACC-99). Plan: premium.'],
  ])('%s: nothing backs the value', async (_what, agreement) => {
    const v = await verdictWith(agreement);
    expect(why(v)).not.toMatch(/agreements\/tenant-b\.md.*backs/);
  });
});
