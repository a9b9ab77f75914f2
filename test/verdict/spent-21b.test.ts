// holdout-21's spent fixes (session 24, lane spent21b), each as a principle read in situations and
// phrasings of its own, with what must not change.
// (1) The change's own text — often a reviewer in the pull request's description — asks for the next
//     environment in so many words ("pls do prod too in a follow-up", "bitte Prod auch nachziehen"),
//     or says it has the same trouble the change fixes ("prod has exactly the same 502 spikes", "wir
//     haben dieselben Timeouts in Prod"): a step asked for and never taken is backfilled, never above
//     0.55 when only the trouble is named. Not a question, a negation, a gate still ahead, a weakened
//     value, or a change something written since answers.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf, type Divergence } from '../../src/model/types.js';
import { goesTo, sameTroubleIn } from '../../src/verdict/intent.js';
import type { Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

describe('a request or a shared trouble read as the next environment wanting the change', () => {
  it.each([
    ['a reviewer asks', 'lgtm, please take production as well, thanks', 'production'],
    ['terse', 'do prod too pls', 'prod'],
    ['fix it there too', 'Reviewer: fix prod too in the next PR', 'prod'],
    ['German', 'Passt. Bitte Prod auch nachziehen.', 'prod'],
    ['French', 'ok pour moi, fais la prod aussi', 'prod'],
    ['Spanish', 'vale, haz prod también', 'prod'],
  ])('asked: %s', (_what, text, env) => {
    expect(goesTo(text, env)).toBeDefined();
  });

  it.each([
    ['prod has the same spikes', 'prod has exactly the same 502 spikes (INC-9)', 'prod'],
    ['we see them there', 'we see the same connection timeouts in production since Monday', 'production'],
    ['German', 'Wir haben dieselben Timeouts in Prod (INC-9).', 'prod'],
    ['German, the environment first', 'Prod hat genau dieselben Fehler.', 'prod'],
    ['French', 'on a les mêmes erreurs en prod', 'prod'],
    ['Spanish', 'vemos los mismos errores en producción', 'producción'],
  ])('same trouble: %s', (_what, text, env) => {
    expect(sameTroubleIn(text, env)).toBeDefined();
    // A reason, never a word sending it: it does not make the move explicit.
    expect(goesTo(text, env)).toBeUndefined();
  });

  it.each([
    ['a question', 'can you do prod too?', 'prod'],
    ['a gate ahead', 'do prod too once the soak is green', 'prod'],
    ['negated', 'prod does not have the same problem', 'prod'],
    ['negated, we', "we don't see the same errors in prod", 'prod'],
    ['asked whether', 'does prod have the same issue?', 'prod'],
    ['a value, not a trouble', 'prod has the same setting already', 'prod'],
    ['another environment', 'staging has exactly the same 502 spikes', 'prod'],
    ['the same errors in the logs', 'the same errors in the logs as yesterday', 'prod'],
  ])('not read: %s', (_what, text, env) => {
    expect(goesTo(text, env)).toBeUndefined();
    expect(sameTroubleIn(text, env)).toBeUndefined();
  });
});

const amara = messagesBy('Amara Nwosu', 'a@x', 'a');
const dmitri = messagesBy('Dmitri Volkov', 'd@x', 'd');

/** staging's `key` moved `from` → `to` on a branch merged on 2026-10-20 with `mergeBody`; production
 * still `from`; `later` messages after it. */
function mergedFix(key: string, [from, to]: [string, string], subject: string, mergeBody: string, later: Message[] = [], today = '2026-12-05') {
  const created = dmitri('2026-06-01T09:00:00Z', 'edge chart');
  const change = { ...amara('2026-10-19T13:00:00Z', subject), parents: [created.sha] };
  const merge = { ...dmitri('2026-10-20T09:40:00Z', 'Merge pull request #88 from fix/edge', mergeBody), parents: [created.sha, change.sha] };
  const after = later.map((m) => ({ ...m, parents: [merge.sha] }));
  const base = (e: string) => ({ ...eventOf(created, `values/${e}.yaml`, null, from, { merge: false, revert: false }), order: 3 });
  return explainCrossEnv({
    key,
    history: {
      staging: [{ ...eventOf(change, 'values/staging.yaml', from, to, { merge: false, revert: false }), order: 1 }, base('staging')],
      production: [base('production')],
    },
    messages: [...after, merge, change, created],
    values: { staging: to, production: from },
    type: Number.isFinite(Number(to)) ? 'number' : 'string',
    today,
  });
}

describe('a step into production asked for in the pull request, never taken: production follows', () => {
  it.each([
    [
      'English, a follow-up asked',
      'nginx.keepaliveTimeout',
      ['5s', '75s'],
      'staging: keepalive above LB idle',
      'lgtm. please take production as well in a follow-up',
    ],
    [
      'English, the same trouble in production (an incident)',
      'proxy.readTimeoutSeconds',
      ['30', '90'],
      'staging: read timeout 90 for slow reports (INC-412)',
      'Approved. Production has exactly the same gateway timeouts, see INC-412.',
    ],
    [
      'the description names the key: its own text, not a word since',
      'nginx.keepaliveTimeout',
      ['5s', '75s'],
      'staging: keepalive above LB idle',
      'lgtm. pls do production too in a follow-up, production has exactly the same keepalive 502s',
    ],
    [
      'German, the same trouble',
      'db.lockTimeoutMs',
      ['2000', '8000'],
      'staging: Lock-Timeout 8s (INC-77)',
      'Passt. Wir haben dieselben Timeouts in Production, INC-77.',
    ],
  ])('%s', (_what, key, values, subject, mergeBody) => {
    const v = mergedFix(key, values as [string, string], subject, mergeBody);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: values[1] });
    // Named trouble alone is a reason, not an order: never confident.
    if (!/take production/.test(mergeBody)) expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it.each([
    ['asked as a question', 'nginx.keepaliveTimeout', ['5s', '75s'], 'staging: keepalive above LB idle', 'lgtm. can you do production too?'],
    [
      'a gate still ahead',
      'nginx.keepaliveTimeout',
      ['5s', '75s'],
      'staging: keepalive above LB idle (INC-5)',
      'lgtm. do production too once the load test next week is green',
    ],
    [
      'a weakened value',
      'auth.verifyTokens',
      ['true', 'false'],
      'staging: skip token verification to debug INC-88',
      'ok. production has the same token errors (INC-88)',
    ],
  ])('not moved: %s', (_what, key, values, subject, mergeBody) => {
    const v = mergedFix(key, values as [string, string], subject, mergeBody);
    expect(v, v.reasons.join('\n')).not.toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });

  it('a later word holding production back keeps it', () => {
    const held = amara('2026-10-25T10:00:00Z', 'notes: keepalive', 'holding production at 5s until the LB migration, keepalive stays as is there');
    const v = mergedFix('nginx.keepaliveTimeout', ['5s', '75s'], 'staging: keepalive above LB idle', 'lgtm. please take production as well in a follow-up', [
      held,
    ]);
    expect(v, v.reasons.join('\n')).not.toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
});

// (2) The commit that removed the contract's declaration of a difference also brought one
//     environment back to the value they last agreed on (an experiment closed, a trial ended): it
//     ended the difference there, and the environment still on the declared value was left behind.
//     It follows, at 0.55 (a value it held before, never a move toward production). Not where the
//     declaration went in a commit of its own, where that text keeps the other environment's value,
//     or where the other environment changed since.
const giulia = messagesBy('Giulia Ferri', 'g@x', 'e');

interface Ending {
  key: string;
  values: [string, string, string];
  start: string;
  end: { subject: string; body?: string };
  /** The declaration removed in a commit of its own, not the one that ended it in `returns`. */
  apart?: boolean;
  /** The lagging environment changed again after the end. */
  changedAfter?: string;
  /** Which environment comes back: the downstream one (default) or the upstream one. */
  returns?: 'prod' | 'staging';
}

function endedDifference(o: Ending) {
  const [agreed, inStaging, inProd] = o.values;
  const returns = o.returns ?? 'prod';
  const other = returns === 'prod' ? 'staging' : 'prod';
  const created = giulia('2026-05-04T10:00:00Z', 'service config');
  const started = giulia('2026-09-22T10:00:00Z', o.start);
  const ended = giulia('2026-11-10T15:00:00Z', o.end.subject, o.end.body ?? '');
  const removal = o.apart ? giulia('2026-11-12T09:00:00Z', 'contract: tidy up') : ended;
  const after = o.changedAfter ? giulia('2026-11-20T09:00:00Z', 'staging: bump the split') : undefined;
  const file = (env: string) => `config/${env}.yaml`;
  const ev = (m: Message, env: string, from: string | null, to: string | null, order: number) => ({
    ...eventOf(m, file(env), from, to, { merge: false, revert: false }),
    order,
  });
  const startValue = { staging: inStaging, prod: inProd };
  const history: Record<string, ReturnType<typeof ev>[]> = {
    [returns]: [
      ev(ended, returns, startValue[returns], agreed, 2),
      ev(started, returns, agreed, startValue[returns], 4),
      ev(created, returns, null, agreed, 5),
    ],
    [other]: [
      ...(after ? [ev(after, other, startValue[other], o.changedAfter!, 0)] : []),
      ev(started, other, agreed, startValue[other], 4),
      ev(created, other, null, agreed, 5),
    ],
  };
  const contractEvent = (m: Message, env: string, from: string | null, to: string | null, order: number) => ({
    ...eventOf(m, 'config/expected-env-diff.yaml', from, to, { merge: false, revert: false }),
    order,
  });
  const contractHistory = new Map(
    (['staging', 'prod'] as const).map((env) => [
      `expected_differences.${o.key}.${env}`,
      [contractEvent(removal, env, startValue[env], null, o.apart ? 1 : 2), contractEvent(started, env, null, startValue[env], 4)],
    ]),
  );
  const messages = [after, removal === ended ? undefined : removal, ended, started, created].filter((m): m is Message => !!m);
  const log = buildLog(
    new Map(Object.entries(history).map(([e, events]) => [e, new Map([[o.key, events]])])),
    messages.sort((a, b) => b.date.localeCompare(a.date)),
    [],
  );
  const current = { [returns]: agreed, [other]: o.changedAfter ?? startValue[other] };
  const d = {
    id: o.key,
    key: o.key,
    kind: 'cross-env',
    severity: 'drift',
    envs: ['staging', 'prod'],
    values: Object.fromEntries(['staging', 'prod'].map((env) => [env, { repo: current[env], live: null, at: null, type: 'string' }])),
    declared: false,
    contract: null,
    notes: [],
  } as unknown as Divergence;
  return explain(d, history, { promotion: ['staging', 'prod'], environments: ['staging', 'prod'], today: '2026-12-05', log, contractHistory });
}

describe('a declaration removed by the commit that ended the difference in one environment: the other follows', () => {
  it.each<[string, Ending]>([
    [
      'English, an A/B test stopped',
      {
        key: 'checkout.abTest.share',
        values: ['0', '50', '20'],
        start: 'AB-7: start new checkout test',
        end: { subject: 'AB-7 stopped: no lift, prod back to 0' },
      },
    ],
    [
      'German, a trial ended',
      {
        key: 'search.reranker.sharePercent',
        values: ['0', '100', '25'],
        start: 'Versuch Reranker',
        end: { subject: 'Versuch beendet', body: 'Reranker in Prod wieder auf 0, kein Effekt messbar.' },
      },
    ],
    [
      'Spanish, the upstream environment came back',
      {
        key: 'pricing.discountPercent',
        values: ['0', '15', '10'],
        start: 'campaña de descuento',
        end: { subject: 'campaña terminada: staging vuelve a 0' },
        returns: 'staging',
      },
    ],
  ])('%s', (_what, o) => {
    const v = endedDifference(o);
    const follower = (o.returns ?? 'prod') === 'prod' ? 'staging' : 'prod';
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: follower, value: o.values[0] });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it.each<[string, Ending]>([
    [
      'the declaration removed in a commit of its own',
      { key: 'checkout.abTest.share', values: ['0', '50', '20'], start: 'AB-7: start', end: { subject: 'AB-7 stopped: prod back to 0' }, apart: true },
    ],
    [
      'the ending text keeps the other environment',
      {
        key: 'checkout.abTest.share',
        values: ['0', '50', '20'],
        start: 'AB-7: start',
        end: { subject: 'AB-7 stopped in prod', body: 'Staging keeps 50 for the demo next month.' },
      },
    ],
    [
      'the other environment changed since',
      { key: 'checkout.abTest.share', values: ['0', '50', '20'], start: 'AB-7: start', end: { subject: 'AB-7 stopped: prod back to 0' }, changedAfter: '60' },
    ],
  ])('not followed: %s', (_what, o) => {
    const v = endedDifference(o);
    expect(v, v.reasons.join('\n')).not.toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '0' });
  });
});
