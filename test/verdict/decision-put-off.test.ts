// Session 36 (spent holdout-33): a meeting's record that lists options — one of them moving a value back —
// and records its decision as not taken yet, or put off to a day to come ("Decision: not yet", "decision next
// week"), decides nothing: the option's words are not an undo. The matter is open, declared with the
// question, nothing moved. Phrasings of their own, none from the story (which was Dutch minutes).
import { describe, expect, it } from 'vitest';
import { openIn } from '../../src/verdict/conditions.js';
import { judge, type Step } from './memory-story.js';

describe('a decision recorded as not taken, or put off, is an open matter', () => {
  it.each([
    'Decision: not yet.',
    '**Decision:** none yet, we meet again on Thursday.',
    'Decision next week (14/3).',
    'Entscheidung: noch nicht getroffen.',
    '**Entscheidung:** vertagt, Termin folgt.',
    'Décision : pas encore.',
    'Décision : reportée (comité du 12/12).',
    'Decisione: non ancora.',
    'Decisión: aplazada.',
    'Рішення: відкладено.',
    'Рішення: ще немає.',
    'Päätös: ei vielä.',
    'Beslissing: nog geen.',
  ])('%s', (text) => {
    expect(openIn(text)).toBeDefined();
  });

  it.each([
    // A decision to hold, or a dated go: decided.
    'Decision: not yet in production, staging first.',
    'Decision: next week we switch production over.',
    'Entscheidung: noch nicht in Prod, erst Staging.',
    'Décision : pas encore en prod, on attend la recette.',
    'Decision: keep 40 in production.',
    // A decision taken, written in words that merely look alike.
    'Decision taken last week: production stays at 40.',
  ])('not: %s', (text) => {
    expect(openIn(text)).toBeUndefined();
  });
});

const TODAY = '2027-05-20';
const created = (value: string): Step => ({
  subject: 'service settings',
  date: '2027-01-10T09:00:00Z',
  set: { staging: ['', value], production: ['', value] },
});

/** staging's `key` moved from `from` to `to` as the first step of a plan, then minutes (`text`) about it. */
const minutes = (key: string, from: string, to: string, text: string) =>
  judge(
    key,
    [
      created(from),
      { subject: `step 1: staging ${key} ${to}`, date: '2027-04-02T10:00:00Z', set: { staging: [from, to] } },
      { subject: 'meeting minutes', date: '2027-05-03T16:00:00Z', touched: ['docs/minutes/2027-05-03.md'] },
    ],
    TODAY,
    {},
    { documents: [{ path: 'docs/minutes/2027-05-03.md', step: 2, text }] },
  );

describe('an option to move back, with the decision put off: a question, nothing moved', () => {
  it.each([
    [
      'English minutes, "Decision: postponed"',
      'SESSION_STORE',
      'memcached',
      'redis-cluster',
      '# Platform sync 3 May\n\n' +
        '- Option 1: stay on redis-cluster and add a failover guard.\n' +
        '- Option 2: staging goes back to memcached until the cluster is resized.\n\n' +
        '**Decision:** postponed. Until then staging stays on redis-cluster.\n',
    ],
    [
      'German minutes, "Entscheidung nächste Woche"',
      'SESSION_STORE',
      'memcached',
      'redis-cluster',
      '# Plattformrunde 3. Mai\n\n' +
        '- Variante A: bei redis-cluster bleiben, mit Failover-Schutz.\n' +
        '- Variante B: staging geht zurück auf memcached, bis der Cluster größer ist.\n\n' +
        'Entscheidung nächste Woche, bis dahin bleibt staging auf redis-cluster.\n',
    ],
  ])('%s', (_what, key, from, to, text) => {
    const v = minutes(key, from, to, text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.drifted).toBeNull();
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toBeTruthy();
  });

  it('the same minutes with the decision taken: the move back is read', () => {
    const v = minutes(
      'SESSION_STORE',
      'memcached',
      'redis-cluster',
      '# Platform sync 3 May\n\n' +
        '- Option 1: stay on redis-cluster and add a failover guard.\n' +
        '- Option 2: staging goes back to memcached until the cluster is resized.\n\n' +
        '**Decision:** option 2, taken today: redis-cluster in staging is given up.\n',
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('declare');
  });
});
