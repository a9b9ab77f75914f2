// Session 26 (spent holdout-23/26): a measure taken for an incident whose committed procedure says to
// put the value back once it has served ("once the queue is empty, set X back to 50"), the incident
// since reported over ("SEV-212 resolved"), is a step left undone: revert to the value before. 26 was
// "declare (0.50)": a runbook's throttle read as production's incident fix, kept. Without the
// procedure's restore, or without the incident reported over, nothing moves. Situations and phrasings of
// their own, none a story's.
import { describe, expect, it } from 'vitest';
import { putsBackTo } from '../../src/verdict/documents.js';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-07';
const KEY = 'CONSUMER_BATCH';
const RUNBOOK = 'ops/runbooks/poison-message.md';
const NOTES = 'ops/notes/2026-11-22.md';

/** Production's batch cut from 50 to 1 by `subject`, a runbook (`runbook`) written before, a later text (`report`, a note or a commit). */
function story(subject: string, runbook: string, report: { note?: string; commit?: string }) {
  const steps: Step[] = [
    { subject: 'consumer config', date: '2026-03-02T09:00:00Z', set: { staging: ['', '50'], production: ['', '50'] } },
    { subject: 'runbook', date: '2026-05-10T09:00:00Z', touched: [RUNBOOK] },
    { subject, date: '2026-11-20T03:10:00Z', set: { production: ['50', '1'] } },
    report.commit
      ? { subject: report.commit, date: '2026-11-22T17:00:00Z', touched: ['ops/log.txt'] }
      : { subject: 'notes', date: '2026-11-22T17:00:00Z', touched: [NOTES] },
    { subject: 'timeouts', date: '2026-11-26T10:00:00Z', touched: ['ops/other.md'] },
  ];
  const documents = [{ path: RUNBOOK, step: 1, text: runbook }, ...(report.note ? [{ path: NOTES, step: 3, text: report.note }] : [])];
  return judge(KEY, steps, TODAY, {}, { documents });
}

const EN_RUNBOOK =
  '# Poison message in the consumer\n\n1. Find the message in the DLQ.\n2. Set `CONSUMER_BATCH=1` in production so one message cannot stall a batch.\n' +
  '3. Once the queue is empty, set CONSUMER_BATCH back to 50 and deploy; 1 is a fraction of normal throughput.\n';

describe("an incident's measure whose procedure restores it, the incident reported over: revert", () => {
  it.each([
    [
      'English runbook, a handover note',
      'SEV-212: consumer batch 1 per runbook',
      EN_RUNBOOK,
      { note: '# Handover\n\n- SEV-212 resolved, backlog cleared at 07:10.\n- nothing else open.\n' },
    ],
    [
      'German runbook, the closing in a later commit',
      'INC-88: Batch auf 1 (Runbook Schritt 2)',
      '# Giftnachricht\n\n2. CONSUMER_BATCH in Produktion auf 1 setzen.\n3. Wenn die Queue leer ist, CONSUMER_BATCH wieder auf 50 setzen und deployen.\n',
      { commit: 'INC-88 erledigt, Queue leer' },
    ],
    [
      'French runbook, the action item form',
      'INC-301 : batch à 1 (runbook, étape 2)',
      '# Message empoisonné\n\n2. Passer CONSUMER_BATCH à 1 en prod.\n3. Une fois la file vidée, remettre CONSUMER_BATCH à 50 et déployer.\n',
      { note: '# Relève\n\n- INC-301 résolu, file vidée à 6h.\n' },
    ],
  ])('%s', (_what, subject, runbook, report) => {
    const v = story(subject, runbook, report);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '50' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it.each([
    [
      'the incident still open',
      'SEV-212: consumer batch 1 per runbook',
      EN_RUNBOOK,
      { note: '# Handover\n\n- SEV-212 still open, draining; keep the runbook state.\n' },
    ],
    [
      'the runbook restores another value',
      'SEV-212: consumer batch 1 per runbook',
      EN_RUNBOOK.replace('back to 50', 'back to 30'),
      { note: '# Handover\n\n- SEV-212 resolved.\n' },
    ],
    ['the change cites no incident', 'consumer batch 1 for the nightly import', EN_RUNBOOK, { note: '# Handover\n\n- SEV-212 resolved.\n' }],
    [
      'another incident reported over',
      'SEV-212: consumer batch 1 per runbook',
      EN_RUNBOOK,
      { note: '# Handover\n\n- SEV-213 resolved; SEV-212 under watch.\n' },
    ],
  ])('nothing moves back: %s', (_what, subject, runbook, report) => {
    const v = story(subject, runbook, report);
    expect(v.suggested === 'revert' && v.value === '50', v.reasons.join('\n')).toBe(false);
  });

  it('the step reader names the value the step restores', () => {
    expect(putsBackTo('When depth is back under 100, set `X` back to 20 and deploy.', '20')).toMatch(/back to 20/);
    expect(putsBackTo('When depth is back under 100, set `X` back to 200 and deploy.', '20')).toBeUndefined();
    expect(putsBackTo('Nach dem Abbau X wieder auf 20 setzen.', '20')).toMatch(/wieder auf 20/);
    expect(putsBackTo('Never set X back to 20 while the vendor limit holds.', '20')).toBeUndefined();
  });
});
