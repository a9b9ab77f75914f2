// Session 26 (spent holdout-23/11): a write-up's action item that puts the hand-edited value back to
// the file's, with the key between the verb and the value ("remettre X à 5 en prod", "restore X to 5"),
// undoes the edit: revert live. A keep word that only says what the edit was for ("pour « garder » les
// messages", "um die Nachrichten zu behalten") is its motive, not a decision to keep it. 11 was "backfill
// prod = 50 (0.60)": the timeline's motive read as a keep, the action item not read at all.
// Situations and phrasings of their own, none a story's.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { judgesUndo } from '../../src/verdict/documents.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { byHandAt, documentCommit } from './log-builders.js';

const ENVS = ['stg', 'prd'];
const TODAY = '2026-12-07';
const EDIT = '2026-11-03T02:40:00Z';
const KEY = 'ConfigMap/mailer.data.SEND_RETRY_LIMIT';
const drift = (): Divergence =>
  ({
    id: KEY,
    key: KEY,
    kind: 'live-drift',
    severity: 'drift',
    envs: ['prd'],
    values: {
      stg: { repo: '3', live: null, at: null, type: 'string' },
      prd: { repo: '3', live: '40', at: null, type: 'string' },
    },
    declared: false,
    contract: null,
    notes: [],
    provenance: { prd: byHandAt(EDIT, 'kubectl-edit') },
  }) as unknown as Divergence;
const judgeWith = (path: string, text: string) =>
  explain(
    drift(),
    {},
    {
      promotion: ENVS,
      environments: ENVS,
      today: TODAY,
      log: buildLog(new Map(), [documentCommit('d', '2026-11-06T09:00:00Z', 'write-up', [path])], [{ path, sha: 'd'.repeat(40), text }]),
    },
  );

describe("an action item putting the key back to the file's value, the key between verb and value: revert live", () => {
  it.each([
    ['French', 'docs/pm/mailer.md', '# Incident mailer\n\n## Actions\n- [ ] remettre SEND_RETRY_LIMIT à 3 sur prd, le dépôt est correct (Léa)\n'],
    ['French, imperative and quoted', 'docs/pm/mailer.md', '## Suites\n\nRemettez `SEND_RETRY_LIMIT` à "3" en prd dès que possible.\n'],
    ['Italian', 'docs/postmortem/mailer.md', '## Azioni\n- riportare SEND_RETRY_LIMIT a 3 in prd (live); il repo è giusto\n'],
    ['English', 'docs/incidents/mailer.md', '## Follow-ups\n- [ ] restore SEND_RETRY_LIMIT in prd to 3, the manifest is right\n'],
    ['Spanish', 'docs/incidentes/mailer.md', '## Acciones\n- restablecer SEND_RETRY_LIMIT en prd a 3\n'],
    ['Portuguese', 'docs/incidentes/mailer.md', '## Ações\n- repor SEND_RETRY_LIMIT em prd para 3\n'],
  ])('%s', (_what, path, text) => {
    const v = judgeWith(path, text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', value: '3' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    ['negated', '## Actions\n- ne pas remettre SEND_RETRY_LIMIT à 3 : le fournisseur limite encore\n'],
    ['a runbook step for a later case', '## Runbook\nSi la file déborde encore, remettre SEND_RETRY_LIMIT à 3.\n'],
    ['the value in another clause', '## Note\nOn a remis le cache; SEND_RETRY_LIMIT reste à 40 pour 3 semaines.\n'],
  ])('not an undo: %s', (_what, text) => {
    const v = judgeWith('docs/pm/mailer.md', text);
    expect(v.suggested === 'revert' && v.value === '3' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });

  it('the reader itself names the file value only', () => {
    expect(judgesUndo('- remettre SEND_RETRY_LIMIT à 3 en prd', '3')).toMatch(/remettre/);
    expect(judgesUndo('- remettre SEND_RETRY_LIMIT à 30 en prd', '3')).toBeUndefined();
    expect(judgesUndo('- reset SEND_RETRY_LIMIT to 3', null)).toBeUndefined();
  });
});

describe('a keep word that says what the edit was for is no decision to keep it', () => {
  it.each([
    ['French', '## Chronologie\n- 02:40 SEND_RETRY_LIMIT 3 -> 40 sur prd à la main, pour « garder » les mails en file\n'],
    ['German', '## Ablauf\n- 02:40 SEND_RETRY_LIMIT von Hand auf 40, um die Mails in der Queue zu behalten\n'],
    ['Spanish', '## Cronología\n- 02:40 SEND_RETRY_LIMIT subido a 40 a mano para mantener los correos en cola\n'],
  ])('%s: not codified', (_what, text) => {
    const v = judgeWith('docs/pm/mailer.md', text);
    expect(v.suggested === 'backfill' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });

  it('a keep decided in the same write-up still keeps it', () => {
    const v = judgeWith('docs/pm/mailer.md', '## Décision\n- SEND_RETRY_LIMIT : on garde 40 en prd, à mettre dans le dépôt\n');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', value: '40' });
  });
});
