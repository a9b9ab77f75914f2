// Session 25: a later written decision by the key's owner to keep a value the older contract entry
// does not allow ("keep DB_POOL_MAX at 45 in prod, the 20 in the contract is stale") makes the
// contract the stale side: declare (update the contract), never revert the value it keeps.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { byHandAt, documentCommit } from './log-builders.js';

const CONFIG = 'environments:\n  staging: s.yaml\n  prod: p.yaml\npromotion: [staging, prod]\ncontract: contract.yaml\n';
const START = {
  at: '2026-03-05T10:00:00Z',
  author: 'ana',
  message: 'orders service config',
  write: {
    'undrift.yaml': CONFIG,
    's.yaml': 'DB_POOL_MAX: 10\n',
    'p.yaml': 'DB_POOL_MAX: 20\n',
    'contract.yaml': 'expected_differences:\n  DB_POOL_MAX:\n    staging: 10\n    prod: 20\n',
  },
};
const RAISE = { at: '2026-11-10T10:00:00Z', author: 'ben', message: 'orders: raise prod pool', set: { 'p.yaml': { DB_POOL_MAX: 45 } } };

async function verdictAfter(decision: { message: string; write?: Record<string, string> }) {
  const repo = await repoFromScenario({
    commits: [START, RAISE, { at: '2026-11-20T10:00:00Z', author: 'ana', ...decision }],
  });
  const scan = await scanRepository({ repo, historyCache: false, today: '2026-12-05' });
  const d = scan.divergences.find((x) => x.key === 'DB_POOL_MAX' && x.kind === 'contract-violation');
  expect(d, 'a contract violation on DB_POOL_MAX').toBeDefined();
  return d!.verdict!;
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a later decision to keep a value the contract forbids', () => {
  it.each([
    [{ message: 'orders: keep DB_POOL_MAX at 45 in prod, the 20 in the contract is stale' }],
    [
      {
        message: 'capacity review',
        write: { 'docs/capacity.md': '# Orders capacity\n\nDecision (2026-11-20): prod keeps DB_POOL_MAX at 45; the contract entry of 20 is out of date.\n' },
      },
    ],
    [{ message: 'orders pool: 45 stays in prod after the capacity review; contract still says 20, needs updating' }],
  ])('declares (updates the contract), never reverts to 20: %j', async (decision) => {
    const v = await verdictAfter(decision);
    expect(v, why(v)).not.toMatchObject({ suggested: 'revert', value: '20' });
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
  });

  it('negative: a later word that 45 was a mistake leaves the contract standing', async () => {
    const v = await verdictAfter({ message: 'orders: the prod pool at 45 was a mistake, the contract value 20 is right' });
    expect(v, why(v)).not.toMatchObject({ suggested: 'declare', deliberate: 'prod' });
  });
});

describe('a pool raised by hand live, kept by a later written decision the older contract entry contradicts', () => {
  const ENVS = ['staging', 'prod'];
  const KEY = 'ConfigMap/orders-config.data.DB_POOL_MAX';
  const drift = {
    id: KEY,
    key: KEY,
    kind: 'live-drift',
    severity: 'drift',
    envs: ['prod'],
    values: { staging: { repo: '10', live: null, at: null, type: 'string' }, prod: { repo: '20', live: '45', at: null, type: 'string' } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { prod: byHandAt('2026-11-22T02:40:00Z', 'kubectl-edit') },
  } as unknown as Divergence;
  const judge = (doc: string) => {
    const contract = parseContract(yamlFileFromText(`expected_differences:\n  "${KEY}": {staging: "10", prod: "20"}\n`, 'c.yaml'), ENVS);
    const log = buildLog(
      new Map(),
      [documentCommit('1', '2026-11-23T09:00:00Z', 'notes', ['docs/orders.md'])],
      [{ path: 'docs/orders.md', text: doc, sha: '1'.repeat(40) }],
    );
    return explain(drift, {}, { promotion: ENVS, environments: ENVS, today: '2026-12-05', contract, log });
  };

  it.each([
    ['# Orders DB\n\nKeep DB_POOL_MAX at 45 in prod, the 20 in the contract is stale.\n'],
    [
      '# Orders DB\n\nDecision 2026-11-23: DB_POOL_MAX stays 45 in prod (the night of INC-88 showed 20 is too small). The contract entry of 20 is out of date.\n',
    ],
  ])('the value is not reverted to 20: %s', (doc) => {
    const v = judge(doc);
    expect(v, why(v)).not.toMatchObject({ suggested: 'revert', value: '20' });
    expect(v, why(v)).toMatchObject({ suggested: 'declare', deliberate: 'prod' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/contract/);
  });
});
