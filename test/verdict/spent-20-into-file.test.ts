// Session 23 (spent holdout-20/26 and /45): a write-up of a hand edit says to write the value into the
// environment's own file, by the file's name, in the languages read ("Pôr em deploy/prd/worker.yaml",
// "prd.env in git nachziehen"): the edit is a fix to codify, and the backfill says which document
// decided it. Both stories were "declare 0.45, nothing says why". Situations and phrasings of their
// own, none a story's; the file is named so that no other environment's file is meant.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { documentedIntoFile } from '../../src/verdict/documents.js';
import type { Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const ENVS = ['stage', 'live'];
const TODAY = '2026-12-04';
const EDIT = '2026-11-20T07:15:00Z';
const byHand = { manager: 'kubectl-set', operation: 'Update', time: EDIT, exact: false, human: true, kind: 'human' as const };
const KEY = 'Deployment/ledger-api.containers[name=api].env[name=DB_POOL_MAX].value';

const commit = (date: string): Message => ({
  sha: 'd'.repeat(40),
  parents: [],
  author: 'Noa',
  email: 'n@x',
  date,
  committed: date,
  subject: 'notes',
  body: '',
  files: ['docs/ops/pool.md'],
});
const docLog = (text: string, date = '2026-11-24T10:00:00Z') => buildLog(new Map(), [commit(date)], [{ path: 'docs/ops/pool.md', sha: 'd'.repeat(40), text }]);

/** live's pool raised 20 → 45 by hand; the files are `dir/<env>/api.yaml` or `dir/<env>.env`. */
const drift = (layout: 'yaml' | 'env'): Divergence => {
  const file = (env: string) => (layout === 'yaml' ? `deploy/${env}/api.yaml` : `deploy/${env}.env`);
  return {
    id: KEY,
    key: KEY,
    kind: 'live-drift',
    severity: 'drift',
    envs: ['live'],
    values: {
      stage: { repo: '10', live: null, at: { file: file('stage'), line: 3, column: 1 }, type: 'string' },
      live: { repo: '20', live: '45', at: { file: file('live'), line: 3, column: 1 }, type: 'string' },
    },
    declared: false,
    contract: null,
    notes: [],
    provenance: { live: byHand },
  } as unknown as Divergence;
};
const judge = (layout: 'yaml' | 'env', text: string, date?: string) =>
  explain(drift(layout), {}, { promotion: ENVS, environments: ENVS, today: TODAY, log: docLog(text, date) });
const TIMELINE = '- 11-20 08:15 `kubectl set env deploy/ledger-api DB_POOL_MAX=45` on live, queue drained.\n\n';

describe('a write-up that puts the hand-edited value into the environment’s own file: backfilled', () => {
  it.each([
    ['English', 'yaml', `${TIMELINE}Decision: the 45 stays. Put it in deploy/live/api.yaml before the next sync.\n`],
    ['English, by the trailing path', 'yaml', `${TIMELINE}## Actions\n\n- OPS-77 write 45 into live/api.yaml (owner: noa)\n`],
    ['German, verb last', 'env', `${TIMELINE}**Offene Punkte:**\n- OPS-77 live.env in git nachziehen, sonst ist der Fix beim nächsten Deploy weg\n`],
    ['Portuguese', 'yaml', `${TIMELINE}Decisão: o 45 fica. Colocar no deploy/live/api.yaml.\n`],
    ['Spanish', 'env', `${TIMELINE}Acción: poner 45 en deploy/live.env esta semana.\n`],
    ['French', 'yaml', `${TIMELINE}Suite : mettre 45 dans live/api.yaml.\n`],
  ])('%s', (_what, layout, text) => {
    const v = judge(layout as 'yaml' | 'env', text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'live', value: '45' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
    expect(v.reasons.join('\n')).toMatch(/docs\/ops\/pool\.md/);
  });

  it.each([
    ['negated', 'yaml', `${TIMELINE}Do not put it in deploy/live/api.yaml yet, the DBA has to agree first.\n`],
    ['German negated', 'env', `${TIMELINE}Bitte nicht in live.env eintragen.\n`],
    ['Spanish negated', 'env', `${TIMELINE}No poner 45 en deploy/live.env hasta que lo vea el DBA.\n`],
    ['asked', 'env', `${TIMELINE}Put it in deploy/live.env?\n`],
    ['conditional', 'env', `${TIMELINE}If the primary holds, put it in deploy/live.env.\n`],
    ['a name both environments’ files share', 'yaml', `${TIMELINE}Put it in api.yaml.\n`],
    ['the value not named', 'env', '- 11-20 DB_POOL_MAX changed by hand on live.\n\nAdd the new limit to deploy/live.env.\n'],
    ['an open write-up', 'env', `Status: open\n\n${TIMELINE}Put it in deploy/live.env?  Or back to 20.\n`],
  ])('%s: not backfilled', (_what, layout, text) => {
    const v = judge(layout as 'yaml' | 'env', text);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });

  it('a write-up from long before the edit, or after today, says nothing of it', () => {
    const text = `${TIMELINE}Put it in deploy/live.env.\n`;
    const d = drift('env');
    const args = [KEY, 'deploy/live.env', ['deploy/stage.env'], '45', EDIT] as const;
    expect(documentedIntoFile(...args, docLog(text, '2026-06-01T10:00:00Z'), TODAY)).toBeUndefined();
    expect(documentedIntoFile(...args, docLog(text, '2026-12-06T10:00:00Z'), TODAY)).toBeUndefined();
    expect(documentedIntoFile(...args, docLog(text), TODAY)?.phrase).toMatch(/Put it in deploy\/live\.env/);
    expect(d.values.live?.at?.file).toBe('deploy/live.env');
  });
});
