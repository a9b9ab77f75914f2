// Session 35 (spent holdout-32/10, lane d): a ticket exported after a change, titled with that change — the
// key, the value it set and the environment ("# SEC-311 — BCRYPT_ROUNDS=4 στο qa") — is about the change
// whether or not the change's commit cites it. Its approval for that environment (by the contract's owner,
// "approved for qa only", "Εγκρίνεται μόνο για το qa", "genehmigt nur für qa") backs the value: the contract
// is the stale side, declared, not the approved value reverted. Not a title naming another environment or
// another value, and not a refusal.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { approvedIn } from '../../src/verdict/conditions.js';
import { repoFromScenario } from '../support/repo.js';
import { why } from './log-builders.js';

describe('approvedIn: the Greek present passive approves', () => {
  it.each([['Εγκρίνεται μόνο για το qa.'], ['Εγκρινεται για το qa.'], ['Εγκρίθηκε από την ασφάλεια.']])('%s', (text) => {
    expect(approvedIn(text)).toBeDefined();
  });
  it.each([['Δεν εγκρίνεται για το qa.'], ['Χρειάζεται έγκριση ασφαλείας;']])('not: %s', (text) => {
    expect(approvedIn(text)).toBeUndefined();
  });
});

const CONFIG = 'environments:\n  dev: dev.env\n  qa: qa.env\n  prod: prod.env\npromotion: [dev, qa, prod]\n';
const CONTRACT = 'expected_differences:\n  HASH_COST:\n    dev: 4\n    reason: local development only\n    owner: security\n';

/** qa's hash cost lowered outside the contract for a test suite's speed, then a ticket exported with `title` and `body`. */
async function lowered(title: string, body: string) {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2027-03-01T10:00:00Z',
        author: 'ben',
        message: 'env files',
        write: {
          'undrift.yaml': CONFIG,
          'config/expected-env-diff.yaml': CONTRACT,
          'dev.env': 'HASH_COST=4\n',
          'qa.env': 'HASH_COST=12\n',
          'prod.env': 'HASH_COST=12\n',
        },
      },
      { at: '2027-09-02T10:00:00Z', author: 'ben', message: 'qa: HASH_COST=4, the e2e suite takes 40 minutes', write: { 'qa.env': 'HASH_COST=4\n' } },
      { at: '2027-09-20T10:00:00Z', author: 'ben', message: 'ticket export', write: { 'docs/tickets/SEC-12.md': `${title}\n\n${body}\n` } },
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today: '2027-10-01' });
  const d = scan.divergences.find((x) => x.key === 'HASH_COST' && x.kind === 'contract-violation');
  expect(d, 'a contract violation on HASH_COST').toBeDefined();
  return d!.verdict!;
}

describe('a contract violation whose later ticket, titled with the change, approves it there', () => {
  it.each([
    [
      '# SEC-12 — HASH_COST=4 in qa',
      '**Ben, 2 Sep:** lowered qa to speed up the e2e suite.\n\n**Security, 5 Sep:** Approved for qa only: synthetic accounts, VPN only. Add qa to the contract.',
    ],
    [
      '# SEC-12: HASH_COST 4 auf qa',
      '**Ben, 2.9.:** qa gesenkt, damit die E2E-Suite schneller läuft.\n\n**Security, 5.9.:** Genehmigt, nur für qa: nur synthetische Konten.',
    ],
    ['# SEC-12 — HASH_COST=4 στο qa', '**Ben, 2/9:** χαμήλωσα το qa για τα e2e.\n\n**Security, 5/9:** Εγκρίνεται μόνο για το qa: μόνο συνθετικοί λογαριασμοί.'],
  ])('declares: %s', async (title, body) => {
    const v = await lowered(title, body);
    expect(v, why(v)).toMatchObject({ suggested: 'declare', deliberate: 'qa' });
    expect(v.reasons.join('\n')).toMatch(/SEC-12\.md/);
  });

  const approval = '**Security, 5 Sep:** Approved for qa only: synthetic accounts, VPN only.';
  it('a title naming another environment is not about the change', async () => {
    const v = await lowered('# SEC-12 — HASH_COST=4 in dev', approval);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'qa' });
  });
  it('a title naming another value is not about the change', async () => {
    const v = await lowered('# SEC-12 — HASH_COST=8 in qa', approval);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'qa' });
  });
  it('a refusal backs nothing', async () => {
    const v = await lowered('# SEC-12 — HASH_COST=4 in qa', '**Security, 5 Sep:** Not approved: qa goes back to 12.');
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'qa' });
  });
});
