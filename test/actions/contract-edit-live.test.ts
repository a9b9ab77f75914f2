import { describe, expect, it } from 'vitest';
import { editContract } from '../../src/actions/contract-edit.js';

const s = (text: string) => ({ text, type: 'string' as const });

describe('editContract: the live_differences: section', () => {
  const contract = `expected_differences:
  LOG_LEVEL: {staging: debug, production: warn}  # by design

live_differences:
  # raised by hand in INC-881
  DB_MAX_CONNECTIONS:
    production: "20"
    reason: the DB team decides
ignore: [PATH]
`;

  it('adds an acceptance beside the others and replaces one in place, touching no other line', () => {
    const added = editContract(contract, {
      file: 'c.yaml',
      section: 'live_differences',
      key: 'CACHE_MODE',
      allowed: { production: s('lru') },
      reason: 'sale',
      expires: '2027-01-15',
    });
    expect(added).toBe(contract.replace('ignore:', '  CACHE_MODE:\n    production: lru\n    reason: sale\n    expires: 2027-01-15\nignore:'));
    const renewed = editContract(added, {
      file: 'c.yaml',
      section: 'live_differences',
      key: 'DB_MAX_CONNECTIONS',
      allowed: { staging: s('15'), production: s('20') },
      reason: 'the DB team decides',
    });
    expect(renewed).toBe(added.replace('    production: "20"\n', '    staging: "15"\n    production: "20"\n'));
  });

  it('an expected_differences change never lands in live_differences (nor the reverse)', () => {
    const declared = editContract(contract, { file: 'c.yaml', key: 'DB_MAX_CONNECTIONS', allowed: { staging: s('10'), production: s('20') }, reason: 'sizes' });
    expect(declared.indexOf('  DB_MAX_CONNECTIONS:\n    staging: "10"')).toBeLessThan(declared.indexOf('live_differences:'));
    expect(declared).toContain('live_differences:\n  # raised by hand in INC-881\n  DB_MAX_CONNECTIONS:\n    production: "20"\n');
    // A key declared between environments is accepted live in its own entry: the declaration stays.
    const accepted = editContract(contract, {
      file: 'c.yaml',
      section: 'live_differences',
      key: 'LOG_LEVEL',
      allowed: { production: s('error') },
      reason: 'x',
    });
    expect(accepted).toBe(contract.replace('ignore:', '  LOG_LEVEL:\n    production: error\n    reason: x\nignore:'));
  });

  it('removing the last acceptance removes its section, line by line', () => {
    expect(editContract(contract, { file: 'c.yaml', section: 'live_differences', key: 'DB_MAX_CONNECTIONS', allowed: null })).toBe(
      'expected_differences:\n  LOG_LEVEL: {staging: debug, production: warn}  # by design\n\nignore: [PATH]\n',
    );
  });
});
