// Two different values that show the same when cut in the middle (two certificates: "-----BEGIN…END-----"
// in both columns, a newcomer's tryout in session 20) are shown around where they first differ.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { PLAIN } from '../../src/report/style.js';
import { renderTable } from '../../src/report/table.js';
import { shortValue, shortValueAt, firstDifference } from '../../src/wording/text.js';
import { repoWithFiles } from '../support/repo.js';

const body = 'MIIBszCCAVmgAwIBAgIUQ3Zz0000000000000000000000000000000000000000000000000000000000000';
const cert = (middle: string) => `-----BEGIN CERTIFICATE-----\n${body}${middle}${body}\n-----END CERTIFICATE-----`;

describe('shortValueAt', () => {
  it('shows the part where two values differ', () => {
    const [a, b] = [cert('AAAA'), cert('BBBB')];
    expect(shortValue(a, 20)).toBe(shortValue(b, 20));
    const at = firstDifference(a, b);
    expect(shortValueAt(a, at, 20)).not.toBe(shortValueAt(b, at, 20));
    expect(shortValueAt(a, at, 20)).toContain('AAAA');
    expect([...shortValueAt(a, at, 20)].length).toBeLessThanOrEqual(20);
  });
});

describe('the table', () => {
  it('never shows two different values as the same text', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/staging.yaml': `TLS_CA: ${JSON.stringify(cert('AAAA'))}\nLOG: info\n`,
      'config/production.yaml': `TLS_CA: ${JSON.stringify(cert('BBBB'))}\nLOG: warn\n`,
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    const row = renderTable(scan, PLAIN, 100)
      .split('\n')
      .find((l) => l.includes('TLS_CA'))!;
    expect(row).toContain('AAAA');
    expect(row).toContain('BBBB');
  });
});
