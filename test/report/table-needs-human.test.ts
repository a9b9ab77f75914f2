// The scan table shows which suggestions the evidence cannot decide ("needs a human", below 0.5).
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { renderTable } from '../../src/report/table.js';
import { PLAIN } from '../../src/report/style.js';
import { repoFromScenario } from '../support/repo.js';

const CONFIG = 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [staging, production]\n';

describe('the scan table', () => {
  it('marks a suggestion below 0.5 as needing a human, explains the mark once, and leaves confident rows unmarked', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            'undrift.yaml': CONFIG,
            'config/staging.yaml': 'QUEUE_DEPTH: 10\nSUPPORT_EMAIL: help@example.test\n',
            'config/production.yaml': 'QUEUE_DEPTH: 10\nSUPPORT_EMAIL: help@example.test\n',
          },
        },
        { at: '2026-01-10T10:00:00Z', author: 'ben', message: 'Update staging.yaml', set: { 'config/staging.yaml': { QUEUE_DEPTH: 40 } } },
        {
          at: '2026-01-11T10:00:00Z',
          author: 'ben',
          message: 'fix typo in the support address',
          set: { 'config/staging.yaml': { SUPPORT_EMAIL: 'support@example.test' } },
        },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-01-20' });
    const table = renderTable(scan, PLAIN, 140);
    const row = (key: string) => table.split('\n').find((l) => l.includes(key))!;
    expect(scan.divergences.find((d) => d.key === 'QUEUE_DEPTH')!.verdict!.confidence).toBeLessThan(0.5);
    expect(row('QUEUE_DEPTH')).toMatch(/ \? (declare|backfill|revert)/);
    expect(scan.divergences.find((d) => d.key === 'SUPPORT_EMAIL')!.verdict!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(row('SUPPORT_EMAIL')).not.toMatch(/ \? /);
    expect(table.split('\n').filter((l) => l.startsWith('? needs a human'))).toHaveLength(1);
  });
});
