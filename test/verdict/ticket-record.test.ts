// Session 39 (holdout-36/30): the record filed under a change's ticket since — an experiment's stop note, a
// rollout's report — says where the value goes back without naming the key ("the limit goes back to 40 in
// production"): a passage under the ticket (in itself, its heading or the file's name), written after the
// change and naming the value it replaced, is read for the undo (ticket-record.ts). Situations and phrasings
// of their own, in English, Portuguese, Italian and German; with the negatives: another ticket's record, the
// plan written before the change, a comment thread's one voice, a passage naming no old value.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

const TODAY = '2027-06-20';
const KEY = 'checkout.fraudScoreLimit';

const steps: Step[] = [
  { subject: 'checkout config', date: '2026-11-02T09:00:00Z', set: { staging: ['', '40'], production: ['', '40'] } },
  { subject: 'RISK-214 raise the score limit to 70 in production', date: '2027-05-10T09:00:00Z', set: { production: ['40', '70'] } },
  { subject: 'RISK-214 stop note', date: '2027-05-31T15:00:00Z', touched: ['docs/risk/note.md'] },
];
const note = (text: string, path = 'docs/risk/note.md', step = 2) => ({ documents: [{ path, text, step }] });
const before: Step[] = [steps[0]!, { subject: 'RISK-214 plan', date: '2027-05-09T09:00:00Z', touched: ['docs/risk/note.md'] }, steps[1]!];

describe("the record under the change's ticket says the value goes back", () => {
  it.each([
    ['# RISK-214 — stopped after two weeks\n\nChargebacks doubled in week two. The limit goes back to 40 in production.', 'docs/risk/note.md'],
    ['# Experimento RISK-214 encerrado\n\nA taxa de chargeback dobrou. O limite volta para 40 em produção a partir de hoje.', 'docs/risk/note.md'],
    ['# Esperimento interrotto\n\nI chargeback sono raddoppiati: riportare la soglia a 40 in produzione.', 'docs/risk/RISK-214-stop.md'],
    ['# RISK-214 abgebrochen\n\nDie Rückbuchungen haben sich verdoppelt. Die Schwelle geht in Prod zurück auf 40.', 'docs/risk/note.md'],
  ])('%s: production goes back', (text, path) => {
    const v = judge(KEY, steps, TODAY, {}, note(text, path));
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: '40' });
  });

  it.each([
    // Another ticket's record: not this change's.
    ['# RISK-300 — stopped\n\nThe limit goes back to 40 in production.', steps],
    // The plan written before the change: what would happen, not what was decided since.
    ['# RISK-214 plan\n\nOn stop, the limit goes back to 40 in production.', before],
    // A comment thread exported with the ticket: one voice's wish, answered by another.
    ['# RISK-214\n\n**Ana, 31.05 09:12**\nI would rather go back to 40 in production.\n\n**Ben, 31.05 10:00**\nNo, we keep 70 until the review.', steps],
    // A step set on a condition: planned for later, not decided.
    ['# RISK-214 — follow-up\n\nThe limit goes back to 40 in production once the new model ships.', steps],
    ['# RISK-214 — seguimento\n\nSe o modelo novo entrar, o limite volta para 40; si el proveedor lo aprueba, el límite vuelve a 40.', steps],
    // A passage naming no value the change replaced.
    ['# RISK-214 — stopped\n\nThe limit goes back down in production next week.', steps],
  ])('%s: no revert', (text, story) => {
    const v = judge(KEY, story, TODAY, {}, note(text, 'docs/risk/note.md', story === before ? 1 : 2));
    expect(v, why(v)).not.toMatchObject({ suggested: 'revert' });
  });
});
