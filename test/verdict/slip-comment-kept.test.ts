// Session 37 (spent holdout-34, lane b): the comment beside a value is read as the change's own text, but a
// comment the change kept rather than wrote may give the reason the value USED to have ("# same as
// production: the SLO alerts are tested here"). A change whose own message names the value it wrote
// ("retention 7d to save cost") meant that value: a copy said only in the comment is no sign that the value
// slipped, and the environment is not sent back to the other's. A copy the message itself claims still is.
// Phrasings of our own; the story's comment is Swedish ("samma som produktion").
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

const KEY = 'prometheus.retention';
const steps = (subject: string): Step[] => [
  { subject: 'monitoring values', date: '2027-01-10T10:00:00Z', set: { staging: ['', '30d'], production: ['', '30d'] } },
  { subject, date: '2027-04-15T10:00:00Z', set: { staging: ['30d', '7d'] } },
];
const verdict = (subject: string, note: string) => judge(KEY, steps(subject), '2027-05-10', { staging: note });

describe('a message naming the value it wrote, beside a comment that copies another environment', () => {
  it.each([
    ['English', 'staging: retention 7d to cut the storage bill (COST-12)', 'same as production: the 28-day SLO alerts are tested here'],
    ['German', 'Staging: Retention auf 7d gesenkt, Kostenersparnis COST-12', 'wie Produktion: die 28-Tage-SLO-Alarme werden hier getestet'],
    ['French', 'staging : rétention 7d pour réduire la facture (COST-12)', 'comme la production : les alertes SLO sur 28 jours sont testées ici'],
  ])('%s: not sent back as a slip', (_lang, subject, note) => {
    const v = verdict(subject, note);
    expect(why(v)).not.toMatch(/looks like a slip/);
    expect(v.suggested === 'revert' && v.drifted === 'staging', why(v)).toBe(false);
  });
});

describe('a copy the message itself claims is still a slip', () => {
  it.each([
    ['English', 'staging: retention same as production (7d)'],
    ['German', 'Staging: Retention wie Produktion, 7d'],
  ])('%s', (_lang, subject) => {
    const v = verdict(subject, 'same as production: the 28-day SLO alerts are tested here');
    expect(why(v)).toMatch(/looks like a slip|says it makes staging match production/);
  });
});
