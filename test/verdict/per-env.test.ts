// Session 28 (spent holdout-25): a value its own comment defines by something of its environment
// ("= number of partitions in this environment") differs by design and follows that thing: a change
// that moved it, its commit saying why, is the contract lagging — declared, never reverted
// confidently. Phrasings of their own; negatives: a plain note, a definition with no environment,
// a silent change.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { definedPerEnvironment } from '../../src/verdict/per-env.js';
import { productionChange, TWO } from './memory-story.js';

describe('a comment that defines the value by its environment', () => {
  it.each([
    '= number of partitions in this environment',
    'matches the node count of this cluster',
    '= Anzahl der Worker-Kerne in dieser Umgebung',
    '= nombre de partitions dans cet environnement',
    'igual al número de particiones en este entorno',
    '= numero di partizioni in questo ambiente',
    'gelijk aan het aantal partities in deze omgeving',
    '= liczba partycji w tym środowisku',
    '= osioiden määrä tässä ympäristössä',
    '= antal partitioner i denna miljö',
  ])('%s', (note) => {
    expect(definedPerEnvironment(note)).toBeDefined();
  });

  it.each(['raised for the load test', '= 2 x cores', 'do not change in this environment', 'TODO: check this environment', undefined])(
    'not a definition by the environment: %s',
    (note) => {
      expect(definedPerEnvironment(note)).toBeUndefined();
    },
  );
});

function violation(note: string | undefined, subject: string, body = '') {
  const key = 'consumer.threads';
  const contract = parseContract(yamlFileFromText(`expected_differences:\n  ${key}:\n    staging: 2\n    production: 8\n`, 'c.yaml'), TWO);
  const { message, event } = productionChange(subject, body, '8', '16');
  const d = {
    key,
    kind: 'contract-violation',
    severity: 'drift',
    envs: ['production'],
    values: { staging: { repo: '2', live: null }, production: { repo: '16', live: null, ...(note ? { note } : {}) } },
    contract: { key, allowed: { production: '8' } },
    notes: [],
  } as unknown as Divergence;
  const log = buildLog(new Map([['production', new Map([[key, [event]]])]]), [message]);
  return explain(d, { staging: [], production: [event] }, { promotion: TWO, environments: TWO, today: '2026-12-04', contract, log });
}

describe('a change carrying out the definition is declared, the contract lagging', () => {
  it.each([
    ['= partitions of orders.v2 in this environment', 'orders.v2 grown to 16 partitions in production (OPS-31)', 'threads follow'],
    ['= Anzahl der Partitionen in dieser Umgebung', 'orders.v2 auf 16 Partitionen erweitert (OPS-31)', ''],
    ['= nombre de partitions dans cet environnement', 'orders.v2 passe à 16 partitions (OPS-31)', ''],
  ])('%s: declare, no revert', (note, subject, body) => {
    const v = violation(note, subject, body);
    expect(v.reasons.join('\n')).toMatch(/defines it by its environment/);
    expect(v).toMatchObject({ suggested: 'declare', deliberate: 'production' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it('without the comment, the same change is weighed as before (not by the definition)', () => {
    const v = violation(undefined, 'orders.v2 grown to 16 partitions in production (OPS-31)', 'threads follow');
    expect(v.reasons.join('\n')).not.toMatch(/defines it by its environment/);
  });

  it('a silent change beside the same comment is not read as carrying it out', () => {
    const v = violation('= partitions of orders.v2 in this environment', 'prod threads');
    expect(v.reasons.join('\n')).not.toMatch(/defines it by its environment/);
  });
});
