// Session 23 (spent holdout-20/29): a hand edit whose write-up is still open ("Status: open, to be
// decided at the review") is a question for the people in it: the contract's default revert, or what
// one of them argues, is no decision. Declared with the question, never a confident move (29 was
// "revert production live to 3, 0.75" while the capacity note stood open between two leads).
// Situations and phrasings of their own, none a story's.
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import type { Divergence } from '../../src/model/types.js';
import { documentedOpen } from '../../src/verdict/documents.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { byHandAt, documentCommit } from './log-builders.js';

const ENVS = ['stage', 'live'];
const TODAY = '2026-12-04';
const EDIT = '2026-11-20T07:15:00Z';
const byHand = byHandAt(EDIT);
/** A log of one document, `path`, written at `date`. */
const docLog = (path: string, text: string, date = '2026-11-24T10:00:00Z') =>
  buildLog(new Map(), [documentCommit('d', date, 'notes', [path])], [{ path, sha: 'd'.repeat(40), text }]);

const POOL = 'Deployment/ledger-api.containers[name=api].env[name=DB_POOL_MAX].value';
const poolDrift = (): Divergence =>
  ({
    id: POOL,
    key: POOL,
    kind: 'live-drift',
    severity: 'drift',
    envs: ['live'],
    values: {
      stage: { repo: '10', live: null, at: null, type: 'string' },
      live: { repo: '20', live: '45', at: null, type: 'string' },
    },
    declared: false,
    contract: null,
    notes: [],
    provenance: { live: byHand },
  }) as unknown as Divergence;
// The contract allows live only the file's 20: its default is to put 20 back live.
const contract = parseContract(yamlFileFromText(`expected_differences:\n  "${POOL}": {stage: "10", live: "20"}\n`, 'contract.yaml'), ENVS);
const judgeWith = (path: string, text: string, date?: string) =>
  explain(poolDrift(), {}, { promotion: ENVS, environments: ENVS, today: TODAY, contract, log: docLog(path, text, date) });

describe('a hand edit whose write-up is still open: declared with the question, nothing moved', () => {
  it.each([
    [
      'English, a status line after two positions',
      'docs/db/pool-2026-11.md',
      '# ledger pool\n\nOn 11-20 we ran `kubectl set env deploy/ledger-api DB_POOL_MAX=45` on live.\n\n' +
        'DBA: 45 is too many for the primary, go back to 20.\nApp team: keep 45, the p99 halved.\n\n' +
        'Status: open, to be decided at the architecture sync.\n',
    ],
    [
      'English, bold status, under discussion',
      'notes/ledger.md',
      '**Status:** under discussion\n\n- DB_POOL_MAX raised to 45 by hand during the batch run; revert it or write it into the repo?\n',
    ],
    ['German', 'doku/pool.md', '# Pool\n\nStatus: offen\n\nDB_POOL_MAX live von Hand auf 45 gesetzt. Behalten wir das?\n'],
    ['Spanish', 'docs/pool.md', 'Estado: abierto\n\nDB_POOL_MAX subido a 45 a mano en live; falta decidir si se queda.\n'],
    ['front matter, proposed', 'adr/0042-pool.md', '---\nstatus: proposed\n---\n# Pool size\n\nThe hand edit of 11-20 (DB_POOL_MAX 45) should stay.\n'],
  ])('%s', (_what, path, text) => {
    const v = judgeWith(path, text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.reasons.join('\n')).toMatch(/its status is still open/);
    expect(documentedOpen(POOL, EDIT, docLog(path, text), TODAY)).toBeDefined();
  });

  it.each([
    ['a status that decides', 'docs/pool.md', 'Status: decided\n\nDB_POOL_MAX was set to 45 by hand; the DBA review says go back to 20.\n'],
    ['a withdrawn proposal', 'adr/0042-pool.md', 'Status: withdrawn\n\nKeep DB_POOL_MAX at 45.\n'],
  ])('%s: the contract still puts the allowed value back', (_what, path, text) => {
    const v = judgeWith(path, text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', value: '20' });
    expect(documentedOpen(POOL, EDIT, docLog(path, text), TODAY)).toBeUndefined();
  });

  // Session 24 (holdout-21/42): a pool raised by hand that nothing decides is no longer put back by
  // the contract's pinned value alone (spent-21-live-managers.test.ts): without the open status it is
  // still a question, now the hand edit's own, not the open write-up's.
  it.each([
    ['no status at all', 'docs/pool.md', 'DB_POOL_MAX set to 45 by hand on live during the batch run.\n'],
    ['a document not naming the key', 'docs/capacity.md', 'Status: open\n\nShould the batch window move to the night?\n'],
  ])("%s: not the open write-up's question", (_what, path, text) => {
    const v = judgeWith(path, text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).not.toMatch(/its status is still open/);
    expect(documentedOpen(POOL, EDIT, docLog(path, text), TODAY)).toBeUndefined();
  });

  it('an open document written long before the edit is about something else', () => {
    const text = 'Status: open\n\nDB_POOL_MAX: 20 or 30 for the next quarter?\n';
    expect(documentedOpen(POOL, EDIT, docLog('docs/pool.md', text, '2026-06-01T10:00:00Z'), TODAY)).toBeUndefined();
    expect(judgeWith('docs/pool.md', text, '2026-06-01T10:00:00Z').reasons.join('\n')).not.toMatch(/its status is still open/);
  });

  it('an open document written after today says nothing yet', () => {
    const text = 'Status: open\n\nDB_POOL_MAX raised to 45 by hand.\n';
    expect(documentedOpen(POOL, EDIT, docLog('docs/pool.md', text, '2026-12-06T10:00:00Z'), TODAY)).toBeUndefined();
  });
});
