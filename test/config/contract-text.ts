// A contract read from text, and the one-line error a rejected one gives: for the tests of both of
// its sections (contract.test.ts, contract-live.test.ts).
import { expect } from 'vitest';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { UserError } from '../../src/errors.js';

export const CONTRACT_FILE = 'config/expected-env-diff.yaml';

export const contract = (text: string) => parseContract(yamlFileFromText(text, CONTRACT_FILE), ['staging', 'production']);

/** The message of the UserError the contract is rejected with; fails the test if it is read. */
export const contractError = (text: string): string => {
  try {
    contract(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected the contract to be rejected');
};
