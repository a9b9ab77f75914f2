// A soak gate: the next environment follows once the value has stood quietly for a while in the one
// before it. Its time passed with no trouble reported since: the move goes on, below the confident
// line unless a later text says the soak passed. Its time not passed: a plan with its date. Trouble
// reported since: held. Phrasings of our own in English, German and French (not the stories' words).
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import type { Document, Message } from '../../src/verdict/log.js';
import { soakIn } from '../../src/verdict/soak.js';

const ana = messagesBy('Ana Ruiz', 'a@x', 'a');
const bo = messagesBy('Bo Lind', 'b@x', 'b');

/** `first` moved app.image.tag 2.3.0 → 2.4.0 on 2026-11-10 with `subject`/`body`; `second` lags. */
function judge(options: { envs?: [string, string]; subject?: string; body?: string; later?: Message[]; today: string; documents?: Document[] }) {
  const [first, second] = options.envs ?? ['staging', 'prod'];
  const created = bo('2026-06-01T10:00:00Z', 'app config per environment');
  const bump = ana('2026-11-10T09:00:00Z', options.subject ?? `${first}: app 2.4.0`, options.body ?? '');
  const file = (env: string) => `deploy/${env}.yaml`;
  const steps = (env: string): HistoryEvent[] => [
    ...(env === first ? [{ ...eventOf(bump, file(env), '2.3.0', '2.4.0', { merge: false, revert: false }), order: 0 }] : []),
    { ...eventOf(created, file(env), null, '2.3.0', { merge: false, revert: false }), order: 1 },
  ];
  const v = explainCrossEnv({
    key: 'checkout.image.version',
    history: { [first]: steps(first), [second]: steps(second) },
    messages: [...(options.later ?? []), bump, created],
    values: { [first]: '2.4.0', [second]: '2.3.0' },
    type: 'string',
    today: options.today,
    ...(options.documents ? { documents: options.documents } : {}),
  });
  return { v, why: v.reasons.join('\n'), second };
}

const GATES: Array<[string, [string, string], string]> = [
  ['English', ['staging', 'prod'], 'After 7 days in staging without alerts, roll it to prod.'],
  ['English, terse', ['staging', 'prod'], 'wait 2 weeks in stage, then prd'],
  ['German', ['staging', 'prod'], 'Nach einer Woche ohne Alarme in Staging auch Prod umstellen.'],
  ['French', ['recette', 'prod'], 'Si tout est calme une semaine en recette, on passe en prod.'],
];

describe('a soak gate read in the change’s own text', () => {
  it.each(GATES)('%s: its time passed and nothing reports trouble: the move goes on, moderately', (_lang, envs, body) => {
    const { v, why, second } = judge({ envs, body, today: '2026-12-05' });
    expect(why, why).toMatch(/sets a soak gate/);
    expect(v.suggested, why).toBe('backfill');
    expect(v.drifted, why).toBe(second);
    expect(v.value, why).toBe('2.4.0');
    expect(v.confidence, why).toBeGreaterThanOrEqual(0.5);
    expect(v.confidence, why).toBeLessThanOrEqual(0.6);
  });

  it.each(GATES)('%s: its time has not passed: a plan, declared until the gate’s date', (_lang, envs, body) => {
    const { v, why } = judge({ envs, body, today: '2026-11-12' });
    expect(v.suggested, why).toBe('declare');
    expect(v.expires, why).toMatch(/^2026-11-(17|24)$/);
    expect(v.confidence, why).toBeLessThan(0.6);
  });

  it.each([
    ['English: alerts fired', 'staging: exporter alerts fired after 2.4.0, looking into it'],
    ['German: rolled back', 'Staging: 2.4.0 wegen Fehlerrate zurückgerollt und wieder ausgerollt'],
    ['French: an incident', 'recette/staging : incident INC-310 sur la 2.4.0'],
  ])('%s since: held, not moved on', (_what, report) => {
    const { v, why } = judge({ body: GATES[0]![2], today: '2026-12-05', later: [bo('2026-11-13T08:00:00Z', report)] });
    expect(why, why).toMatch(/reports trouble/);
    expect(v.suggested, why).toBe('declare');
  });

  // Trouble said as its absence is the quiet the gate asked for (the determiners the languages deny
  // with), not trouble: the move goes on. A trouble word beside it that is not denied still holds it.
  it.each([
    ['French', 'staging : aucun incident sur la 2.4.0 depuis une semaine'],
    ['German', 'Staging: kein Vorfall mit 2.4.0 seit Montag'],
    ['Spanish', 'staging: ningún incidente con la 2.4.0'],
    ['Italian', 'staging: nessun incidente con la 2.4.0'],
    ['Portuguese', 'staging: nenhum incidente com a 2.4.0'],
    ['English', 'staging: 2.4.0 not rolled back, all green'],
  ])('%s: no trouble said since: the move goes on', (_lang, report) => {
    const { v, why } = judge({ body: GATES[0]![2], today: '2026-12-05', later: [bo('2026-11-13T08:00:00Z', report)] });
    expect(why, why).toMatch(/nothing read since reports trouble/);
    expect(v.suggested, why).toBe('backfill');
  });

  it.each([
    ['a denied rollback beside an incident', 'staging: aucun rollback, mais un incident INC-311 sur la 2.4.0'],
    ['an incident with no fix yet', 'staging: incident on 2.4.0, no fix yet'],
  ])('%s: still trouble, held', (_what, report) => {
    const { v, why } = judge({ body: GATES[0]![2], today: '2026-12-05', later: [bo('2026-11-13T08:00:00Z', report)] });
    expect(why, why).toMatch(/reports trouble/);
    expect(v.suggested, why).toBe('declare');
  });

  it('a later text saying the soak passed makes the move surer', () => {
    const { v, why } = judge({ body: GATES[0]![2], today: '2026-12-05', later: [bo('2026-11-18T08:00:00Z', 'staging soak passed for 2.4.0, no alerts')] });
    expect(v.suggested, why).toBe('backfill');
    expect(v.confidence, why).toBeGreaterThan(0.6);
  });
});

describe('a soak gate read in a release document', () => {
  it('a process document naming the key sets it for a change that says nothing', () => {
    const doc: Document = {
      path: 'docs/RELEASE.md',
      sha: 'd'.repeat(40),
      text: '# Release\nThe checkout image version moves to production after 10 days in staging with no incidents.\n',
    };
    const written = {
      sha: doc.sha,
      parents: [],
      author: 'Noa',
      email: 'n@x',
      date: '2026-05-01T10:00:00Z',
      committed: '2026-05-01T10:00:00Z',
      subject: 'release doc',
      body: '',
      files: [doc.path],
    };
    const { v, why } = judge({ envs: ['staging', 'production'], today: '2026-12-05', documents: [doc], later: [written] });
    expect(why, why).toMatch(/docs\/RELEASE\.md sets a soak gate/);
    expect(v.suggested, why).toBe('backfill');
    expect(v.confidence, why).toBeLessThanOrEqual(0.6);
  });
});

describe('what is not a soak gate', () => {
  it.each([
    ['a span in the past', 'Rolled to staging 2 weeks ago; prod is next.'],
    ['a span of something else', 'The staging cache keeps 7 days of data, prod keeps 30 days.'],
    ['one environment only', 'Wait 7 days in staging before judging the latency.'],
  ])('%s', (_what, text) => {
    expect(soakIn(text, 'staging', 'prod')).toBeUndefined();
  });

  it('reads the days a gate asks for', () => {
    expect(soakIn('After 7 days in staging without alerts, roll to prod.', 'staging', 'prod')).toMatchObject({ days: 7, quiet: true });
    expect(soakIn('wait 2 weeks in stage, then prd', 'staging', 'prod')).toMatchObject({ days: 14, quiet: false });
    expect(soakIn('Nach einer Woche ohne Alarme in Staging auch Prod.', 'staging', 'prod')).toMatchObject({ days: 7, quiet: true });
  });
});
