// A record of the change itself — an analysis, a review, a post-mortem whose passage gives the key
// going from the old value to the new — decides about it in its decision passage, even where that
// passage does not repeat the key ("Decision (Ana, Li): put staging and canary back to 20."), as a
// document titled with the change's ticket does (spent holdout-31/28: a failed canary analysis whose
// note said to put the value back, answered with a declaration keeping 5 % of production on it). And a
// rollout step that names no next environment goes on in the promotion order, so a later text
// withdrawing it takes it back. Own key, values and phrasings (en, de, fr, es, nl).
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2027-03-20';
const KEY = 'orders.api.retryBudget';
const ENVS = ['staging', 'canary', 'prod'];
const steps: Step[] = [
  { subject: 'orders api values', date: '2026-10-01T10:00:00Z', set: { staging: ['', '20'], canary: ['', '20'], prod: ['', '20'] } },
  { subject: 'orders: retryBudget 5 in staging + canary for analysis', date: '2027-03-01T10:00:00Z', set: { staging: ['20', '5'], canary: ['20', '5'] } },
  { subject: 'run 4411 notes', date: '2027-03-03T10:00:00Z' },
];
const verdictWith = (record: string) =>
  judge(KEY, steps, TODAY, {}, { envs: ENVS, documents: [{ path: 'docs/analysis/2027-03-03-orders.md', text: record, step: 2 }] });
const record = (change: string, decision: string) => `# Run 4411 — failed\n\n${change}\n\nErrors rose to 3 % against 1 %.\n\n${decision}\n`;

describe("the change's own record decides it back", () => {
  it.each([
    [
      'en, who decided aside',
      record('Change: orders.api.retryBudget 20 → 5 (canary, 5 % of traffic).', 'Decision (Ana, Li): put staging and canary back to 20. Retry later.'),
    ],
    ['en, a decision heading', `# Analysis\n\nChange: retryBudget from 20 to 5 in canary.\n\n## Decision\n\nRoll staging and canary back to 20.\n`],
    ['de', record('Änderung: orders.api.retryBudget 20 → 5 (Canary).', 'Entscheidung (Team Orders): Staging und Canary zurück auf 20.')],
    ['es', record('Cambio: orders.api.retryBudget 20 → 5 (canary).', 'Decisión (equipo): volver a 20 en staging y canary.')],
  ])('%s: the environment that went ahead goes back', (_, text) => {
    const v = verdictWith(text);
    expect([v.suggested, v.value], v.reasons.join('\n')).toEqual(['revert', '20']);
  });

  it.each([
    ['a decision to go on', record('Change: orders.api.retryBudget 20 → 5 (canary).', 'Decision (Ana, Li): the analysis passed; promote 5 to prod.')],
    [
      'a record of another change of the key',
      record('Change: orders.api.retryBudget 40 → 30 (canary).', 'Decision (Ana, Li): put staging and canary back to 40.'),
    ],
    [
      'a passage that is no decision',
      record('Change: orders.api.retryBudget 20 → 5 (canary).', 'Note (Ana): the last time we put canary back to 20 it took a day.'),
    ],
  ])('%s: not taken back on it', (_, text) => {
    const v = verdictWith(text);
    expect(v.suggested === 'revert' && v.value === '20' && v.reasons.some((r) => r.includes('withdraws its plan'))).toBe(false);
  });
});
