// Session 30 (spent holdout-27, lane f): a difference that must HOLD. Four readings, each a principle:
// a date that names a document is a citation, not an end; a decision "on" an environment is one still to
// take; a decision put after an occasion ("decide after the load test") leaves the value open; and an end
// moved in a document (meeting notes, a status page) about the same thing moves the change's end. Phrasings
// and situations of their own, none from a verdict story; with their near misses.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';
import { readIntent } from '../../src/verdict/intent.js';
import { leftOpenIn } from '../../src/verdict/left-open.js';
import { judge, type Step } from './memory-story.js';

const WRITTEN = '2027-03-09T10:00:00Z';
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a date that names a document is where the decision is written, not an end', () => {
  it.each([
    ['keep 4 replicas until the new broker runs in prod, see post-mortem 2027-03-08'],
    ['bleibt auf 4, bis der neue Broker in Prod läuft (siehe Protokoll vom 2027-03-08)'],
    ["reste à 4 jusqu'à la migration du broker, voir le compte rendu du 2027-03-08"],
    ['blijft op 4 tot de nieuwe broker draait, zie notulen van 2027-03-08'],
    ['resta a 4 finché il broker nuovo non gira, vedi verbale del 2027-03-08'],
    ['zostaje 4 do migracji brokera, zob. notatki z 2027-03-08'],
    ['ligger kvar på 4 tills den nya brokern körs, se mötesanteckningar 2027-03-08'],
    ['held at 4 until the broker migration (docs/incidents/2027-03-08-broker-outage.md)'],
  ])('%s', (text) => {
    expect(readDeadline(text, WRITTEN).date).toBeUndefined();
  });

  it.each([
    ['keep 4 replicas until 2027-04-30, see the post-mortem', '2027-04-30'],
    ['bis 2027-04-30 auf 4 lassen (siehe Ticket)', '2027-04-30'],
    ['hold at 4 until the review on 2027-04-30', '2027-04-30'],
    ['see post-mortem 2027-03-08; back to 8 on 2027-04-30', '2027-04-30'],
    ['seen on 2027-04-30 in the dashboard', '2027-04-30'],
  ])('still an end: %s', (text, until) => {
    expect(readDeadline(text, WRITTEN).date).toBe(until);
  });
});

describe('a decision on an environment, still to take, is what the next step waits for', () => {
  const read = (body: string) =>
    readIntent({ subject: 'staging: batch size 500 (two-week trial)', body, author: 'a', email: 'a@example.test', date: WRITTEN }, 'staging', [
      'staging',
      'production',
    ]);
  it.each([
    ['After two weeks the platform team reviews the error rate and decides on production.'],
    ['Nach zwei Wochen entscheidet das Plattform-Team über Production.'],
    ['After 14 days the on-call lead looks at the numbers and decides about production.'],
    ['Danach entscheidet Jonas über Production.'],
  ])('%s', (body) => {
    expect(read(body).hold, JSON.stringify(read(body))).toMatchObject({ envs: ['production'], decides: true });
  });

  it.each([['After two weeks production follows.'], ['We decided on production as well after the review.'], ['After two weeks, production gets it too.']])(
    'no decision pending: %s',
    (body) => {
      expect(read(body).hold?.decides).toBeFalsy();
    },
  );
});

describe('a decision put after an occasion leaves the value open', () => {
  it.each([
    ['Decide after the Q2 soak test (Mira).'],
    ['We decide once the cost report is in.'],
    ['Entscheiden wir nach dem Lasttest im Mai.'],
    ['À décider après le test de charge de mai.'],
    ['Decidir tras la prueba de carga de mayo.'],
    ['Da decidere dopo il test di carico di maggio.'],
    ['Beslissen na de loadtest in mei.'],
  ])('%s', (text) => {
    expect(leftOpenIn(text)).toBeDefined();
  });

  it.each([
    ['Decided after the load test: staging keeps 5.'],
    ['We decided once the numbers were in: 3 everywhere.'],
    ['Decision after the load test: go for staging.'],
    ['Decide after the load test?'],
    ['Wir haben nach dem Lasttest entschieden: 3 überall.'],
  ])('not open: %s', (text) => {
    expect(leftOpenIn(text)).toBeUndefined();
  });
});

describe('an end moved in a document about the same thing moves the change end', () => {
  const steps: Step[] = [
    { subject: 'export settings', date: '2027-01-05T09:00:00Z', set: { staging: ['', '50'], production: ['', '50'] } },
    {
      subject: 'staging: export batch 500 for the Acme onboarding',
      body: "Acme's integration team runs bulk exports against staging. Until the end of March.",
      date: '2027-02-01T10:00:00Z',
      set: { staging: ['50', '500'] },
    },
    { subject: 'acme sync notes', date: '2027-03-25T10:00:00Z', touched: ['docs/customers/acme-sync.md'] },
  ];
  const notes = (line: string) => ({
    path: 'docs/customers/acme-sync.md',
    step: 2,
    text: `# Acme sync\n\n- Acme's data checks failed twice; their integration team needs more time.\n- ${line}\n- staging keeps the larger export batch for Acme meanwhile.\n`,
  });
  const declared = { reason: 'Acme onboarding', expires: '2027-03-31', allowed: { staging: '500', production: '50' } };

  it('without the notes the expired change goes back on its date', () => {
    const v = judge('EXPORT_BATCH', steps.slice(0, 2), '2027-05-10', {}, { declared });
    expect(v.suggested, why(v)).toBe('revert');
  });

  it.each([
    ['Acme onboarding extended to 30 June 2027.', '2027-06-30'],
    ['Acme-Onboarding verlängert bis 30.06.2027.', '2027-06-30'],
    ["Onboarding Acme prolongé jusqu'au 30/06/2027.", '2027-06-30'],
    ['Acme onboarding verlengd tot 2027-06-30.', '2027-06-30'],
    ['Onboarding de Acme prorrogado hasta el 30/06/2027.', '2027-06-30'],
  ])('"%s": declared until %s', (line, until) => {
    const v = judge('EXPORT_BATCH', steps, '2027-05-10', {}, { declared, documents: [notes(line)] });
    expect(v, why(v)).toMatchObject({ suggested: 'declare', expires: until });
  });

  it.each([
    ['Acme onboarding not extended: it ends as planned.'],
    ['Acme onboarding extended to the reporting team.'],
    ['Should the Acme onboarding be extended to 30 June 2027?'],
  ])('nothing moved: %s', (line) => {
    const v = judge('EXPORT_BATCH', steps, '2027-05-10', {}, { declared, documents: [notes(line)] });
    expect(v.suggested, why(v)).toBe('revert');
  });

  it('an extension of something else moves nothing', () => {
    const other = { path: 'docs/billing/plan.md', step: 2, text: '# Billing\n\n- Invoice pilot extended to 30 June 2027 in production.\n' };
    const v = judge('EXPORT_BATCH', steps, '2027-05-10', {}, { declared, documents: [other] });
    expect(v.suggested, why(v)).toBe('revert');
  });
});

describe('a value held until an event, beside a citation of where that was decided, is not past a deadline', () => {
  const steps: Step[] = [
    { subject: 'consumer settings', date: '2027-01-05T09:00:00Z', set: { staging: ['', '8'], production: ['', '8'] } },
    { subject: 'consumer workers 8 -> 16', date: '2027-03-08T09:00:00Z', set: { staging: ['8', '16'], production: ['8', '16'] } },
    { subject: 'production: workers back to 8 after the rollback', date: '2027-03-08T12:00:00Z', set: { production: ['16', '8'] } },
  ];
  it.each([
    ['8 until the connection pooler runs in production, see post-mortem 2027-03-08'],
    ['8 bis der Connection-Pooler in Production läuft, siehe Post-Mortem vom 2027-03-08'],
    ["8 jusqu'à ce que le pooler tourne en production, voir le compte rendu du 2027-03-08"],
    ['8 tills poolern körs i production, se mötesanteckningar 2027-03-08'],
  ])('%s', (note) => {
    const v = judge('CONSUMER_WORKERS', steps, '2027-05-10', { production: note });
    expect(v.suggested === 'declare' || v.confidence < 0.6, why(v)).toBe(true);
    expect(v.reasons.join('\n')).not.toContain('past its deadline');
  });

  it('a real end beside the citation is still an end', () => {
    const v = judge('CONSUMER_WORKERS', steps, '2027-05-10', { production: '8 until 2027-04-01, see post-mortem 2027-03-08' });
    expect(v.reasons.join('\n'), why(v)).toContain('2027-04-01');
  });
});

describe('a document the change cites, which leaves the other environment open, makes the difference a question', () => {
  const steps: Step[] = [
    { subject: 'search cluster settings', date: '2027-01-05T09:00:00Z', set: { staging: ['', '5'], production: ['', '5'] } },
    { subject: 'audit notes', date: '2027-02-01T09:00:00Z', touched: ['docs/search/audit.md'] },
    { subject: 'production: 3 primary shards (see docs/search/audit.md)', date: '2027-02-10T10:00:00Z', set: { production: ['5', '3'] } },
  ];
  const audit = (line: string) => ({
    path: 'docs/search/audit.md',
    step: 1,
    text: `# Shard audit\n\nProduction: shards far too small; production goes to 3 primaries.\n\nStaging: ${line}\n`,
  });
  it.each([
    ['stays at 5 for now. Decide after the spring load test (Mira).'],
    ['bleibt vorerst bei 5. Entscheiden wir nach dem Lasttest im Frühjahr.'],
    ['reste à 5 pour le moment. À décider après le test de charge du printemps.'],
    ['blijft voorlopig op 5. Beslissen na de loadtest in het voorjaar.'],
  ])('%s', (line) => {
    const v = judge('SEARCH_PRIMARY_SHARDS', steps, '2027-06-01', {}, { documents: [audit(line)] });
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question, why(v)).toBeDefined();
  });

  it('a document that settles the other environment leaves no question of it', () => {
    const v = judge(
      'SEARCH_PRIMARY_SHARDS',
      steps,
      '2027-06-01',
      {},
      { documents: [audit('stays at 5: decided after the load test, it keeps the tests representative.')] },
    );
    expect(v.question ?? '', why(v)).not.toContain('to be decided');
  });
});
