// Session 16 (issue 10): a word inside a compound is not the word, and a step due by a date is no
// wait after it. Phrasings of our own (none from a verdict story), in English and the languages the
// tables read; in memory: pure readers, no git.
import { describe, expect, it } from 'vitest';
import { readIntent, readsAs, reasonIn, reportsDone } from '../../src/verdict/intent.js';
import { withNotes } from '../../src/parse/notes-beside.js';
import type { Value } from '../../src/model/types.js';
import { judge, outsideContract, type Step } from './memory-story.js';
import { mended } from '../../src/verdict/mended.js';
import { approvedIn, followsIn, goFor } from '../../src/verdict/conditions.js';

const ENVS = ['dev', 'staging', 'production'];
const intent = (text: string, env = 'staging', date = '2026-11-20T10:00:00Z') => {
  const [subject, ...body] = text.split('\n');
  return readIntent({ subject: subject!, body: body.join('\n'), author: 'Ana', email: 'ana@example.com', date }, env, ENVS);
};

describe('"end" inside a compound ends nothing and reverts nothing', () => {
  it.each([
    'staging: raise the end-to-end test timeout to 30s',
    'staging: year-end freeze banner text',
    'dev: the front-end smoke test needs longer tokens',
    'staging: batch 200 for the quarter-end close-out run',
    'staging: closed-loop test of the autoscaler at 70%',
    'staging: back-end load test with 40 workers',
  ])('"%s"', (text) => {
    const read = intent(text);
    expect(read.ended).toBeUndefined();
    expect(read.revert).toBeUndefined();
    expect(reportsDone(text)).toBeUndefined();
  });

  it.each([
    ['end the load test: limit back to 100', 'revert'],
    ['load test ended, pool back to 500', 'ended'],
    ['staging: freeze lifted', 'ended'],
    ['finished the soak test, back to the default', 'revert'],
  ] as const)('"%s" still reads its %s', (text, what) => {
    expect(intent(text)[what]).toBeDefined();
  });
});

describe('"by <date>" with a verb of doing sets the step\'s due date; the "once" clause is its gate', () => {
  it.each([
    ['Staging umgestellt. Prod bis spätestens 15.12. umstellen, sobald QA die Abnahme erteilt hat', '2026-12-15', 'QA die Abnahme erteilt hat'],
    ['staging switched; switch production by 2026-12-15, once the finance team has checked a sample', '2026-12-15', 'the finance team has checked a sample'],
    ['staging fait. Passer la prod avant le 15/12, dès que la compta a validé un échantillon', '2026-12-15', 'la compta a validé un échantillon'],
    ['staging listo. Cambiar producción antes del 15/12, una vez que contabilidad valide una muestra', '2026-12-15', 'contabilidad valide una muestra'],
    ['staging готов. Перевести прод до 15.12, как только бухгалтерия проверит образец', '2026-12-15', 'бухгалтерия проверит образец'],
  ])('"%s"', (text, due, gate) => {
    const hold = intent(text).hold;
    expect(hold?.envs).toEqual(['production']);
    expect(hold?.follows).toBe(true);
    expect(hold?.due).toBe(due);
    // A due date is not a wait: nothing holds production back until then but the gate.
    expect(hold?.until).toBeUndefined();
    expect(hold?.event).toBe(gate);
    // … and it is production's step, never staging's own end.
    expect(intent(text).temporary).toBeUndefined();
  });

  it.each(['staging on; prod by 2026-12-15', 'Staging umgestellt, Prod bis 15.12. nachziehen', 'staging fait, la prod avant le 15/12'])(
    '"%s": a due date with no gate is due then (the step waits for nothing else)',
    (text) => {
      const hold = intent(text).hold;
      expect(hold?.follows).toBe(true);
      expect(hold?.due).toBe('2026-12-15');
    },
  );

  it.each([
    ['keep prod at 30 until 2026-12-15', '2026-12-15'],
    ['Prod bleibt bis 15.12. bei 2', '2026-12-15'],
    ['prod after the freeze (ends 15.12.)', '2026-12-15'],
    // A verb-looking word in the gate ("Change Freeze") does not make its date a due date.
    ['Prod kommt nach dem Change Freeze (Freeze läuft bis 15.12.)', '2026-12-15'],
  ])('"%s" is a wait until its date, no due date', (text, until) => {
    const hold = intent(text).hold;
    expect(hold?.until).toBe(until);
    expect(hold?.due).toBeUndefined();
  });

  it.each([
    ['if the soak is clean, production next', 'the soak is clean'],
    ['production follows once the canary error rate stays flat', undefined],
    ['wenn der Lasttest sauber ist, Prod danach', 'der Lasttest sauber ist'],
  ])('"%s": the condition clause beside the step is its gate', (text, gate) => {
    const hold = intent(text).hold;
    expect(hold?.follows).toBe(true);
    if (gate) expect(hold?.event).toBe(gate);
    else expect(hold?.event).toBeDefined();
  });
});

// JSON has no comments: the comment member beside a value ("_comment", "//", "$comment") is read as
// the comment beside it, and the verdict reads it as the change's own text, as it reads a `#` line.
describe("a JSON comment member is the change's text", () => {
  const noteOf = (member: string, note: string, key: string) => {
    const [parent, leaf] = key.split('.') as [string, string];
    const text = ['{', `  "${parent}": {`, `    ${JSON.stringify(member)}: ${JSON.stringify(note)},`, `    "${leaf}": "x"`, '  }', '}'].join('\n');
    const value: Value = { text: 'x', type: 'string', location: { file: 'deploy/dev.yaml', line: 4, column: 5 } };
    return withNotes(new Map([[key, value]]), 'deploy/dev.yaml', text, 'json').get(key)?.note;
  };
  const ENVS2 = { envs: ['dev', 'prod'] };
  const story = (key: string, from: string, to: string, subject: string): Step[] => [
    { subject: 'config', date: '2026-05-04T10:00:00Z', set: { dev: ['', from], prod: ['', from] } },
    { subject, date: '2026-10-05T10:00:00Z', set: { dev: [from, to] } },
  ];

  it.each([
    ['_comment', 'payments.mode', 'live', 'sandbox', 'dev: sandbox payments for the e2e suite', 'sandbox for the e2e suite through 2026-W42, then live again'],
    ['//', 'mail.relay', 'smtp://relay', 'smtp://mailhog', 'dev: catch mail in mailhog for QA', 'QA capture until 31.10., afterwards the real relay again'],
    ['$comment', 'search.shards', '6', '1', 'dev: one shard for the reindex test', 'one shard for the reindex test only, back to 6 after 2026-10-20'],
  ])('"%s": a test value whose comment member ends it on a past date goes back', (member, key, from, to, subject, note) => {
    const read = noteOf(member, note, key);
    expect(read).toBe(note);
    const v = judge(key, story(key, from, to, subject), '2026-11-20', { dev: read! }, ENVS2);
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'dev', value: from });
  });

  it('a comment member that keeps the value is read as a keep, never as a move toward prod', () => {
    const key = 'payments.mode';
    const read = noteOf('_comment', 'dev only, on purpose: prod must never use the sandbox', key);
    const v = judge(key, story(key, 'live', 'sandbox', 'dev: sandbox payments'), '2026-11-20', { dev: read! }, ENVS2);
    expect(v.suggested === 'backfill' && v.drifted === 'prod').toBe(false);
  });
});

// Naming an environment is not saying why (holdout-13's 13 and 24): a text that only names
// environments — to describe one, or to say where a change went — reads as "names only", which the
// readers that weigh silence treat as silence; and silence is what the text reads as, not a count
// of its words.
describe('naming is not intent', () => {
  it.each([
    ['Staging is single-zone', 'production'],
    ['Production and staging both get the shared Redis', 'staging'],
    ['Staging ist einzonig, Produktion hat drei Zonen', 'production'],
    ['La prod et le staging utilisent le Redis partagé', 'staging'],
    ['ステージングは単一ゾーンです', 'production'],
  ])('"%s" names only', (text, env) => {
    expect(readsAs(intent(text, env))).toBe('names only');
  });

  it.each([
    ['wip', 'silent'],
    ['chore: tidy the cache settings', 'silent'],
    ['staging only, for the load test', 'says'],
    ['Staging keeps ScheduleAnyway', 'says'],
    ['prod stays at 3 zones on purpose', 'says'],
  ] as const)('"%s" reads as %s', (text, reading) => {
    expect(readsAs(intent(text, text.startsWith('prod') ? 'staging' : 'production'))).toBe(reading);
  });

  it.each([
    'raise the pool because checkout load doubled',
    'Pool erhöht, weil die Last gestiegen ist',
    'subir el pool porque la carga se duplicó',
    'pool relevé parce que la charge a doublé',
    'PAY-1442 pool 250',
  ])('"%s" gives a reason', (text) => {
    expect(reasonIn(text)).toBeDefined();
  });

  it.each([
    ['WORKER_COUNT', '"/^(4|8)$/"', '8', '12', 'Set the worker count for production to twelve', ''],
    ['pool.maxConnections', '"/^(50|100)$/"', '100', '250', 'prod pool', 'bumped the production pool max connections a bit more'],
    ['QUEUE_VISIBILITY_SECONDS', '"/^(30|60)$/"', '60', '300', 'Anpassung der Sichtbarkeit in Produktion auf 300 Sekunden', ''],
  ])('%s %s -> %s ("%s"): however long, a text that names only is a question, declared', (key, allowed, from, to, subject, body) => {
    const v = outsideContract(key, allowed, from, to, subject, body);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

// Every reader reads the mended text (holdout-13's 12: "prod after teh freeze" was mended only for
// the intent reader): one entry point, mended.ts, for the readers of later texts too.
describe('every reader reads the mended text', () => {
  it.each([
    ['prod after teh freeze', 'prod after the freeze'],
    ['staging adn prod wiht the release', 'staging and prod with the release'],
    ['Teh rollout is done', 'The rollout is done'],
    // A word that is a word stays: "ten", "then", "hat".
    ['then ten hat', 'then ten hat'],
  ])('"%s"', (text, read) => {
    expect(mended(text)).toBe(read);
  });

  it('the readers of later texts read through a slip', () => {
    expect(approvedIn('CHG-3310 aprroved by CAB')).toBeDefined();
    expect(approvedIn('CAB approvde the change for prod')).toBeDefined();
    expect(goFor('OK for prodcution', 'production')).toBeDefined();
    expect(goFor('cleared for porduction now', 'production')).toBeDefined();
    expect(followsIn('backport to stagign as well', 'staging')).toBeDefined();
  });
});
