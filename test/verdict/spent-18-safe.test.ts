// holdout-18's spent fixes of its safe wrong answers (session 21; spent-18.test.ts holds the others), each as a
// principle read in situations and phrasings of its own, with what must not change.
// (1) A change taken back further along the line by its own ticket: a value set in an environment
//     for a ticket, carried on downstream for the same ticket and later put back there by a commit
//     citing that ticket, is over — whatever words that commit uses. The environment still holding
//     it goes back (never production: only a downstream put-back counts).
// (2) A planned return to the old value on a day written in digits ("back to 600 after 20.11.",
//     "back to 4 on 01.12.2026", "back to 50 after 3/12") is a time limit like one written in words:
//     past that day the test setting goes back, never on to the next environment.
// (3) A temporary or test setting in one environment, overtaken by a later change that gave all the
//     other environments one value together: the others moved on as one, and the temporary one goes
//     to their value (0.55, with the question) — only where an environment downstream holds it.
// (4) A change kept to one environment only for now, the environments left out promised the same as
//     a group ("only prod for now, the rest comes with the release"): the limit was the scope, not
//     the value, and an upstream environment still on the old value takes it (0.55), never a
//     downstream one by this rule.
// (5) A rollout whose own ticket a later commit reports finished ("Closes PAY-7, rollout finished",
//     "PAY-7 abgeschlossen"), while the next environment still holds the value from before: its step
//     was missed, not held — backfill it, never confidently (0.55); a report of the change taken back
//     or abandoned is no finished rollout.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { readIntent, restFollows } from '../../src/verdict/intent.js';

const TODAY = '2026-12-05';
const THREE = ['dev', 'staging', 'production'];
const base = (value: string): Step => ({
  subject: 'service config per env',
  date: '2026-04-01T10:00:00Z',
  set: { dev: ['', value], staging: ['', value], production: ['', value] },
});

describe('a change its own ticket took back further along the line', () => {
  // staging got the value for the ticket, production followed for the same ticket, and a later
  // commit citing the ticket put production back: staging was left behind.
  const story = (on: string, carried: string, back: string, backBody = '') =>
    judge(
      'checkout.dualWrite',
      [
        base('false'),
        { subject: on, date: '2026-09-01T10:00:00Z', set: { staging: ['false', 'true'] } },
        { subject: carried, date: '2026-09-20T10:00:00Z', set: { production: ['false', 'true'] } },
        { subject: back, body: backBody, date: '2026-10-25T10:00:00Z', set: { production: ['true', 'false'] } },
      ],
      TODAY,
      {},
      { envs: THREE },
    );

  it.each([
    ['an English switch-off', 'ORD-310 dual write on in staging', 'ORD-310 dual write in prod for a week', 'ORD-310: new store is primary, dual write off'],
    ['a closing body, no undo word', 'ORD-310 dual-write staging', 'ORD-310 prod too', 'new order store primary (ORD-310)', 'closing the ticket, diff rate 0'],
    ['German', 'ORD-310: Dual-Write in staging an', 'ORD-310: Dual-Write auch in Prod', 'ORD-310 Dual-Write in Prod aus, Migration abgeschlossen'],
    ['Spanish', 'ORD-310 escritura doble en staging', 'ORD-310 también en producción', 'ORD-310 desactivar escritura doble en producción'],
    ['a terse subject', 'ORD-310', '[ORD-310] prod', 'ORD-310 prod'],
  ])('%s: staging goes back', (_what, on, carried, back, body = '') => {
    const v = story(on, carried, back, body);
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
    expect(v.value).toBe('false');
    expect(v.reasons.join('\n')).toMatch(/put production back to "false"/);
  });

  it('a put-back by another ticket is no link', () => {
    const v = story('ORD-310 dual write on in staging', 'ORD-310 dual write in prod', 'INC-77 dual write off in prod (latency)');
    expect(v.reasons.join('\n')).not.toMatch(/taken back further along/);
  });

  it('production set to a third value by the ticket is no put-back', () => {
    const v = judge(
      'checkout.batch',
      [
        base('100'),
        { subject: 'ORD-311 batch 500 in staging', date: '2026-09-01T10:00:00Z', set: { staging: ['100', '500'] } },
        { subject: 'ORD-311 batch 300 in prod', date: '2026-10-25T10:00:00Z', set: { production: ['100', '300'] } },
      ],
      TODAY,
      {},
      { envs: THREE },
    );
    expect(v.reasons.join('\n')).not.toMatch(/taken back further along/);
  });

  it('a put-back later applied again is no put-back', () => {
    const v = judge(
      'checkout.dualWrite',
      [
        base('false'),
        { subject: 'ORD-310 dual write on in staging', date: '2026-09-01T10:00:00Z', set: { staging: ['false', 'true'] } },
        { subject: 'ORD-310 dual write in prod', date: '2026-09-20T10:00:00Z', set: { production: ['false', 'true'] } },
        { subject: 'ORD-310 dual write off in prod', date: '2026-10-01T10:00:00Z', set: { production: ['true', 'false'] } },
        { subject: 'ORD-310 dual write back on in prod', date: '2026-10-10T10:00:00Z', set: { production: ['false', 'true'] } },
      ],
      TODAY,
      {},
      { envs: THREE },
    );
    expect(v.reasons.join('\n')).not.toMatch(/taken back further along/);
  });

  it('an upstream put-back never moves production back', () => {
    // production's hotfix went to staging for the same ticket, and staging put it back: production
    // keeps its fix (nothing says it goes back).
    const v = judge(
      'ingress.bodySize',
      [
        base('10m'),
        { subject: 'SUP-12 hotfix: body size 50m in prod', date: '2026-09-01T10:00:00Z', set: { production: ['10m', '50m'] } },
        { subject: 'SUP-12 body size 50m in staging', date: '2026-09-05T10:00:00Z', set: { staging: ['10m', '50m'] } },
        { subject: 'SUP-12 staging back to 10m', date: '2026-09-10T10:00:00Z', set: { staging: ['50m', '10m'] } },
      ],
      TODAY,
      {},
      { envs: THREE },
    );
    expect(v.reasons.join('\n')).not.toMatch(/taken back further along/);
    expect(v.suggested === 'revert' && v.drifted === 'production').toBe(false);
  });
});

describe('a planned return to the old value on a day written in digits', () => {
  const WRITTEN = '2026-11-12T16:40:00+01:00';
  const intentOf = (text: string) => readIntent({ subject: text, body: '', author: 'Ines', email: 'i@x', date: WRITTEN }, 'staging', THREE);

  it.each([
    ['day.month. after', 'raise the limit for the soak, back to 600 after 20.11.', '2026-11-20'],
    ['a full dotted date', 'pool 80 for the migration dry run; back to 20 on 01.12.2026', '2026-12-01'],
    ['by a date with the year', 'back to 600 by 20.11.2026, the load test is over then', '2026-11-20'],
    ['in a body, after other sentences', 'lift rate limit (OPS-1)\n\nrunners need 40k rpm. back to 600 after 20.11. when the window closes', '2026-11-20'],
  ])('%s', (_what, text, until) => {
    expect(intentOf(text).temporary?.until, JSON.stringify(intentOf(text))).toBe(until);
  });

  it('a slashed day/month is a time limit even where its order cannot be dated', () => {
    expect(intentOf('cache off for the repro, back to 50 after 3/12').temporary).toBeDefined();
  });

  it.each([
    ['a fraction, no date word', 'scale back to 3 1/2 of the old pods'],
    ['a version after "in"', 'back to 2 in 1.5 days of testing'],
    ['a report', 'staging went back to 600 after 20.11.'],
    ['a question', 'should we go back to 600 after 20.11.?'],
    ['a report, "went back", the event in words', 'the pool went back to 30 after the load test'],
    ['a question, the event in words', 'do we set it back to 30 after the test? not sure'],
  ])('%s is no planned return', (_what, text) => {
    expect(intentOf(text).temporary?.until).toBeUndefined();
  });

  const story = (subject: string, body: string, today: string) =>
    judge(
      'api.rateLimit.perMinute',
      [
        base('600'),
        { subject, body, date: '2026-11-12T15:40:00Z', set: { staging: ['600', '50000'] } },
        { subject: 'timeouts 45s everywhere', date: '2026-11-26T08:30:00Z', set: {} },
      ],
      today,
      {},
      { envs: THREE },
    );

  it.each([
    ['English', 'staging: rate limit up for the soak test (OPS-9)', 'runners need 40k rpm. back to 600 after 20.11.'],
    ['a dotted date with the year', 'soak: staging limit 50000', 'back to 600 on 20.11.2026 when the soak window closes'],
  ])('%s: past the day, staging goes back, production is not moved', (_what, subject, body) => {
    const v = story(subject, body, '2026-12-05');
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
    expect(v.value).toBe('600');
  });

  it('before the day, nothing goes anywhere', () => {
    const v = story('staging: rate limit up for the soak test (OPS-9)', 'runners need 40k rpm. back to 600 after 20.12.', '2026-12-05');
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
    expect(v.suggested === 'revert').toBe(false);
  });
});

describe('a temporary setting the other environments moved on from together', () => {
  // The pin in the environments `envs` sets, then a later change giving every other one 4.2.1.
  const story = (pin: string, moved: string, envs: Record<string, [string, string]>) => {
    const rest: Record<string, [string, string]> = Object.fromEntries(
      THREE.filter((e) => !(e in envs)).map((e): [string, [string, string]] => [e, ['4.1.0', '4.2.1']]),
    );
    return judge(
      'renderer.version',
      [base('4.1.0'), { subject: pin, date: '2026-10-08T10:00:00Z', set: envs }, { subject: moved, date: '2026-11-03T10:00:00Z', set: rest }],
      TODAY,
      {},
      { envs: THREE },
    );
  };

  it.each([
    ['a repro pin, "revert after"', 'staging: renderer back to 3.11.4 to reproduce CASE-12, revert after', 'renderer 4.2.1 (fix for CASE-12)'],
    ['German, "vorübergehend"', 'staging: Renderer vorübergehend auf 3.11.4 für den Test', 'Renderer 4.2.1'],
    ['a test setting', 'staging: renderer 3.11.4 for the layout regression test', 'bump renderer to 4.2.1'],
  ])('%s: staging goes to what the others hold', (_what, pin, moved) => {
    const v = story(pin, moved, { staging: ['4.1.0', '3.11.4'] });
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
    expect(v.value).toBe('4.2.1');
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('a temporary setting in production is never moved by it', () => {
    const v = story('prod: renderer back to 3.11.4 for now (INC-9)', 'renderer 4.2.1', { production: ['4.1.0', '3.11.4'] });
    expect(v.reasons.join('\n')).not.toMatch(/moved on from/);
  });

  it('a change with no time limit or test is no such setting', () => {
    const v = story('staging: renderer 3.11.4', 'renderer 4.2.1', { staging: ['4.1.0', '3.11.4'] });
    expect(v.reasons.join('\n')).not.toMatch(/moved on from/);
  });

  it('the others moving on with a limit of their own is no moving on', () => {
    const v = story('staging: renderer 3.11.4 to reproduce CASE-12, revert after', 'renderer 4.2.1 for the canary, temporarily', {
      staging: ['4.1.0', '3.11.4'],
    });
    expect(v.reasons.join('\n')).not.toMatch(/moved on from/);
  });

  it('the others changing before the temporary setting is no moving on', () => {
    const v = judge(
      'renderer.version',
      [
        base('4.1.0'),
        { subject: 'renderer 4.2.1', date: '2026-10-01T10:00:00Z', set: { dev: ['4.1.0', '4.2.1'], production: ['4.1.0', '4.2.1'] } },
        { subject: 'staging: renderer back to 3.11.4 to reproduce CASE-12, revert after', date: '2026-10-08T10:00:00Z', set: { staging: ['4.1.0', '3.11.4'] } },
      ],
      TODAY,
      {},
      { envs: THREE },
    );
    expect(v.reasons.join('\n')).not.toMatch(/moved on from/);
  });
});

describe('kept to one environment for now, the rest promised the same', () => {
  it.each([
    ['only prod for now, the rest comes with release/2026.11', 'the rest comes'],
    ['prod only for now; the others follow next sprint', 'the others follow'],
    ['nur prod vorerst, der Rest kommt mit dem Release', 'der Rest kommt'],
    ['solo prod por ahora, el resto llega con la versión 5', 'el resto llega'],
    ['just production for now - other environments later', 'other environments later'],
  ])('%s', (text, phrase) => {
    expect(restFollows(text)).toBe(phrase);
  });
  it.each([
    'only prod; the rest of the config comes from base',
    'only prod for now, the rest does not follow',
    'only prod, the others stay on 10m',
    'nur prod, die anderen nicht',
    'the rest stays as it is',
  ])('not %s', (text) => {
    expect(restFollows(text)).toBeUndefined();
  });

  const story = (subject: string, body: string, setIn: string) =>
    judge('ingress.bodySize', [base('10m'), { subject, body, date: '2026-10-28T10:00:00Z', set: { [setIn]: ['10m', '50m'] } }], TODAY, {}, { envs: THREE });

  it.each([
    ['English', 'hotfix(prod): body size 50m (SUP-4)', 'customer blocked, only prod for now, the rest comes with the release'],
    ['German', 'Hotfix prod: body size 50m', 'Kunde blockiert, nur prod vorerst, der Rest kommt mit dem nächsten Release'],
  ])('%s: the environments before production take it, not confidently', (_what, subject, body) => {
    const v = story(subject, body, 'production');
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).not.toBe('production');
    expect(v.value).toBe('50m');
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('a staging-only change with the rest promised is not moved toward production by it', () => {
    const v = story('staging: body size 50m', 'only staging for now, the rest comes with the release', 'staging');
    expect(v.reasons.join('\n')).not.toMatch(/promised the others the same/);
  });

  it('a production-only change with no promise for the rest is not moved', () => {
    const v = story('hotfix(prod): body size 50m', 'only prod for now', 'production');
    expect(v.reasons.join('\n')).not.toMatch(/promised the others the same/);
  });
});

describe('a rollout its ticket reports finished, one step never taken', () => {
  const story = (rollout: string, report: string, reportBody = '') =>
    judge(
      'webhook.signing',
      [
        base('v1'),
        { subject: rollout, date: '2026-11-02T10:00:00Z', set: { dev: ['v1', 'v2'], staging: ['v1', 'v2'] } },
        { subject: report, body: reportBody, date: '2026-11-25T10:00:00Z', touched: ['docs/partners.md'] },
      ],
      TODAY,
      {},
      { envs: THREE },
    );

  it.each([
    [
      'a merge that closes the ticket',
      'signing v2 in dev+staging (PAY-7), start of the rollout',
      "Merge branch 'pay-7-docs'",
      'Closes PAY-7. Rollout finished, all partners verify v2.',
    ],
    ['a terse report', 'PAY-7: start rollout of signing v2 in staging', 'PAY-7 done'],
    ['German', 'PAY-7 Rollout: Signatur v2 in staging', 'PAY-7 abgeschlossen, alle Partner auf v2'],
  ])('%s: production takes the step, not confidently', (_what, rollout, report, body = '') => {
    const v = story(rollout, report, body);
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('production');
    expect(v.value).toBe('v2');
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it.each([
    ['taken back', 'PAY-7 rolled back, done'],
    ['abandoned', 'PAY-7: rollout abandoned, done'],
    ['another ticket', 'PAY-8 done'],
  ])('a report %s is no finished rollout', (_what, report) => {
    const v = story('PAY-7: start rollout of signing v2 in staging', report);
    expect(v.reasons.join('\n')).not.toMatch(/reports the rollout finished/);
  });

  it.each([
    ['taken back', 'PAY-7 rolled back, done'],
    ['taken back, in German', 'PAY-7 zurückgerollt, erledigt'],
    ['abandoned', 'PAY-7: rollout abandoned, done'],
    ['another ticket', 'PAY-8 done'],
  ])('a report %s moves nothing toward production', (_what, report) => {
    const v = story('PAY-7: start rollout of signing v2 in staging', report);
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
  });
});
