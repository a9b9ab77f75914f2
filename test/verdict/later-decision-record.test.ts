// Session 25 (spent holdout-22, 19): a decision record written down after the change, not cited by
// it, whose file is named for the key and which names the environment's value ("ADR-012-az-count.md
// … acc: 2 AZs") decides a contract violation as a cited one does: the contract lags, declare.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

const CONFIG = 'environments:\n  dev: d.yaml\n  staging: s.yaml\n  prod: p.yaml\npromotion: [dev, staging, prod]\ncontract: contract.yaml\n';
const START = {
  at: '2026-03-05T10:00:00Z',
  author: 'ana',
  message: 'kafka sizing',
  write: {
    'undrift.yaml': CONFIG,
    'd.yaml': 'broker_count: 1\n',
    's.yaml': 'broker_count: 3\n',
    'p.yaml': 'broker_count: 3\n',
    'contract.yaml': 'expected_differences:\n  broker_count:\n    dev: 1\n',
  },
};
const CUT = { at: '2026-06-10T10:00:00Z', author: 'ben', message: 'staging brokers down', set: { 's.yaml': { broker_count: 2 } } };

async function verdictWith(doc: { at: string; path: string; text: string }) {
  const repo = await repoFromScenario({
    commits: [START, CUT, { at: doc.at, author: 'ana', message: 'decision record', write: { [doc.path]: doc.text } }],
  });
  const scan = await scanRepository({ repo, historyCache: false, today: '2026-12-05' });
  const d = scan.divergences.find((x) => x.key === 'broker_count' && x.kind === 'contract-violation');
  expect(d, 'a contract violation on broker_count').toBeDefined();
  return d!.verdict!;
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;
const LATER = '2026-11-02T10:00:00Z';

describe('a decision record written after the change, named for the key', () => {
  it.each([
    [
      'docs/adr/0007-broker-count.md',
      '# Brokers per environment\n\nStatus: Accepted\n\n- dev: 1 broker\n- staging: 2 brokers. Enough for failover tests.\n- prod: 3 brokers.\n',
    ],
    [
      'docs/decisions/ADR-31-broker-count.md',
      '# ADR-31 Kafka-Broker\n\nStatus: angenommen\n\nStaging läuft mit 2 Brokern, das reicht für Tests. Prod bleibt bei 3.\n',
    ],
    ['adr/broker_count.md', '# Aantal brokers\n\nStatus: geaccepteerd\n\nOp staging draaien we 2 brokers om kosten te sparen; prod houdt er 3.\n'],
  ])("declares staging's 2, never reverts it: %s", async (path, text) => {
    const v = await verdictWith({ at: LATER, path, text });
    expect(v, why(v)).not.toMatchObject({ suggested: 'revert' });
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.reasons.join('\n')).toContain(path);
  });

  it.each([
    ['a proposal decides nothing', LATER, 'docs/adr/0007-broker-count.md', '# Brokers\n\nStatus: proposed\n\n- staging: 2 brokers.\n'],
    ['written before the change', '2026-05-01T10:00:00Z', 'docs/adr/0007-broker-count.md', '# Brokers\n\nStatus: accepted\n\n- staging: 2 brokers.\n'],
    [
      'the value named for another environment',
      LATER,
      'docs/adr/0007-broker-count.md',
      '# Brokers\n\nStatus: accepted\n\n- dev: 2 brokers at most.\n- staging: like prod.\n',
    ],
    ['neither its file nor its text naming the key', LATER, 'docs/adr/0007-kafka.md', '# Kafka\n\nStatus: accepted\n\n- staging: 2 zones.\n'],
    ['a value with an end', LATER, 'docs/adr/0007-broker-count.md', '# Brokers\n\nStatus: accepted\n\n- staging: 2 brokers until the migration is done.\n'],
  ])('negative: %s leaves the record out', async (_name, at, path, text) => {
    const v = await verdictWith({ at, path, text });
    expect(v.reasons.join('\n')).not.toContain(path);
  });
});
