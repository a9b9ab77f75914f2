// holdout-18's spent fixes (session 21), each as a principle read in situations and phrasings of
// its own, with what must not change.
// (1) A change that broke the contract and gave its own end ("for the UAT round, until 31.10.",
//     "bis Ende Oktober", "hasta el 15/11") is over by its own words once that day has passed: the
//     environment goes back to its value before, whatever scope the change named. Not while the end
//     is ahead, not when a later word moved it, and never above 0.55 for production on a date alone.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import type { Message } from '../../src/verdict/log.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';

const ENVS = ['test', 'acc', 'prod'];
const femke = messagesBy('Femke Visser', 'f@x', 'a');
const daan = messagesBy('Daan Bakker', 'd@x', 'b');

describe('a contract broken until a day that has passed goes back', () => {
  /** `env`'s `key` moved `from` → `to` by `change` (the others on `from`, test on `to` where `testHolds`),
   * against a contract `entry` (YAML lines under the key); `later` commits after it. */
  const broken = (
    key: string,
    env: string,
    [from, to]: [string, string],
    change: Message,
    entry: string,
    { later = [], today = '2026-12-05' }: { later?: Message[]; today?: string } = {},
  ) => {
    const contract = parseContract(yamlFileFromText(`expected_differences:\n  ${key}:\n${entry}`, 'c.yaml'), ENVS);
    const created = daan('2026-02-02T09:00:00Z', 'env tfvars');
    const base = (e: string, value: string) => ({ ...eventOf(created, `infra/${e}.tfvars`, null, value, { merge: false, revert: false }), order: 9 });
    const event: HistoryEvent = { ...eventOf(change, `infra/${env}.tfvars`, from, to, { merge: false, revert: false }), order: 1 };
    const history: Record<string, HistoryEvent[]> = {};
    const values: Record<string, { repo: string; live: null }> = {};
    for (const e of ENVS) {
      const own = e === env ? to : e === 'test' ? 'true' : from;
      history[e] = e === env ? [event, base(e, from)] : [base(e, own)];
      values[e] = { repo: own, live: null };
    }
    const d = {
      id: key,
      key,
      kind: 'contract-violation',
      severity: 'drift',
      envs: [env],
      values,
      contract: { key, allowed: {}, reason: 'see the contract' },
      notes: [],
    } as unknown as Divergence;
    const log = buildLog(
      new Map(Object.entries(history).map(([e, events]) => [e, new Map([[key, events]])])),
      [...later, change, created].sort((a, b) => b.date.localeCompare(a.date)),
    );
    return explain(d, history, { promotion: ENVS, environments: ENVS, today, contract, log });
  };
  const MOCK_IN_TEST = '    test: true\n    reason: test has no PSP access\n';

  it.each([
    ['English, day.month.', 'acc: PSP mock for UAT round 3', 'sandbox is flaky; mock only for UAT round 3, until 31.10., then back to sandbox'],
    ['English, a written date', 'acc: mock the PSP for the partner demo until October 31', ''],
    ['German', 'acc: PSP-Mock für die Abnahme', 'Sandbox instabil, Mock nur bis 31.10., danach wieder Sandbox'],
    ['Spanish', 'acc: mock del PSP para las pruebas de aceptación', 'solo hasta el 31/10, después volvemos al sandbox'],
    ['French', 'acc : mock PSP pour la recette', "sandbox instable, mock jusqu'au 31/10 puis retour au sandbox"],
    ['ISO, terse', 'acc psp mock till 2026-10-31 (UAT)', ''],
  ])('%s: revert acc to its value before', (_what, subject, body) => {
    const v = broken('psp_mock_enabled', 'acc', ['false', 'true'], femke('2026-10-12T09:40:00Z', subject, body), MOCK_IN_TEST);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'acc', value: 'false', deliberate: 'prod' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.55);
    expect(v.reasons.join('\n')).toMatch(/end has passed/);
  });

  it('an entry listing the environment: back to the value it allows', () => {
    const v = broken(
      'payments.mode',
      'acc',
      ['sandbox', 'mock'],
      femke('2026-10-12T09:40:00Z', 'acc: payments on the mock for UAT round 3 until 31.10.'),
      '    test: mock\n    acc: sandbox\n    prod: live\n    reason: each env its own PSP\n',
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'acc', value: 'sandbox' });
  });

  it('production past its own end goes back, at no more than 0.55', () => {
    const v = broken(
      'psp_mock_enabled',
      'prod',
      ['false', 'true'],
      femke('2026-10-12T09:40:00Z', 'prod: PSP mock during the PSP outage, until 31.10.'),
      MOCK_IN_TEST,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'prod', value: 'false' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it('the end still ahead: declared until then, not reverted', () => {
    const v = broken('psp_mock_enabled', 'acc', ['false', 'true'], femke('2026-11-20T09:40:00Z', 'acc: PSP mock for UAT round 4, until 31.12.'), MOCK_IN_TEST);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', expires: '2026-12-31' });
  });

  it('a later word that moved the end past today: not reverted', () => {
    const v = broken(
      'psp_mock_enabled',
      'acc',
      ['false', 'true'],
      femke('2026-10-12T09:40:00Z', 'acc: PSP mock for UAT round 3 (BK-77)', 'until 31.10., then back to sandbox'),
      MOCK_IN_TEST,
      { later: [daan('2026-10-30T10:00:00Z', 'BK-77: UAT extended, keep the acc mock until 15.01.')] },
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.expires).toBe('2027-01-15');
  });

  it('a scope with no end stays a declare (the purpose is for its owner to call)', () => {
    const v = broken('psp_mock_enabled', 'acc', ['false', 'true'], femke('2026-10-12T09:40:00Z', 'acc: PSP mock for the UAT rounds'), MOCK_IN_TEST);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).not.toMatch(/end has passed/);
  });
});

// (2) Where the contract allows an environment a pattern (every *.host in its own domain), the value
//     to go back to is the one the repo itself states that fits the pattern and is the same thing as
//     the value held (a table of hosts, a runbook's line): told by the words the patterns do not
//     prescribe, the nearest one, and none when two are as near or none shares such a word.
describe('a pattern in the contract: the allowed value the repo states', () => {
  const ENV3 = ['test', 'acceptance', 'production'];
  const marek = messagesBy('Marek Dvořák', 'm@x', 'c');
  const yuki = messagesBy('Yuki Sato', 'y@x', 'e');
  const HOSTS =
    '  "*.host":\n    test: /\\.test\\.lumen\\.internal$/\n    acceptance: /\\.acc\\.lumen\\.internal$/\n' +
    '    production: /\\.prod\\.lumen\\.internal$/\n    reason: every environment its own data stores\n';
  /** `env`'s `key` added as `held` (the others on their own `values`), against `entry`; `docs` as written. */
  const copied = (key: string, env: string, held: string, values: Record<string, string>, entry: string, docs: Array<{ path: string; text: string }>) => {
    const contract = parseContract(yamlFileFromText(`expected_differences:\n${entry}`, 'c.yaml'), ENV3);
    const change = marek('2026-11-16T15:45:00Z', 'LUM-310 suggestions: index config', 'index per env');
    const written = docs.map((doc, i) => ({ ...doc, by: yuki(`2026-09-1${i}T11:00:00Z`, `docs: ${doc.path}`) }));
    const history: Record<string, HistoryEvent[]> = {};
    const all = { ...values, [env]: held };
    for (const e of ENV3) history[e] = [{ ...eventOf(change, `config/${e}.yaml`, null, all[e]!, { merge: false, revert: false }), order: 1 }];
    const d = {
      id: key,
      key,
      kind: 'contract-violation',
      severity: 'drift',
      envs: [env],
      values: Object.fromEntries(ENV3.map((e) => [e, { repo: all[e]!, live: null }])),
      contract: { key: '*.host', allowed: {}, reason: 'every environment its own data stores' },
      notes: [],
    } as unknown as Divergence;
    const log = buildLog(
      new Map(Object.entries(history).map(([e, events]) => [e, new Map([[key, events]])])),
      [change, ...written.map((w) => w.by)].sort((a, b) => b.date.localeCompare(a.date)),
      written.map(({ by, ...doc }) => ({ ...doc, sha: by.sha })),
    );
    return explain(d, history, { promotion: ENV3, environments: ENV3, today: '2026-12-05', contract, log });
  };
  const TABLE =
    '# Stores\n\n| store | test | acceptance | production |\n|---|---|---|---|\n' +
    '| postgres | pg.test.lumen.internal | pg.acc.lumen.internal | pg.prod.lumen.internal |\n' +
    '| clickhouse | ch-events.test.lumen.internal | ch-events.acc.lumen.internal | ch-events.prod.lumen.internal |\n';

  it('a table of stores: acceptance back to its own row, not the first host of its domain', () => {
    const v = copied(
      'analytics.host',
      'acceptance',
      'ch-events.prod.lumen.internal',
      { test: 'ch-events.test.lumen.internal', production: 'ch-events.prod.lumen.internal' },
      HOSTS,
      [{ path: 'docs/infra/stores.md', text: TABLE }],
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'acceptance', value: 'ch-events.acc.lumen.internal' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it('a German runbook line names it', () => {
    const v = copied(
      'cache.host',
      'acceptance',
      'redis-sessions.prod.lumen.internal',
      { test: 'redis-sessions.test.lumen.internal', production: 'redis-sessions.prod.lumen.internal' },
      HOSTS,
      [
        {
          path: 'docs/betrieb.md',
          text: 'Sitzungen: in der Abnahme liegt der Cache auf redis-sessions.acc.lumen.internal, sonst pg.acc.lumen.internal für alles.\n',
        },
      ],
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', value: 'redis-sessions.acc.lumen.internal' });
  });

  it('a URL in a list', () => {
    const URLS = '  "*.url":\n    acceptance: /^https:\\/\\/[a-z-]+\\.acc\\.shop\\.example\\//\n    production: /^https:\\/\\/[a-z-]+\\.shop\\.example\\//\n';
    const v = copied(
      'psp.url',
      'acceptance',
      'https://psp-gw.shop.example/v1',
      { test: 'http://psp-mock.test/v1', production: 'https://psp-gw.shop.example/v1' },
      URLS,
      [
        {
          path: 'README.md',
          text: '## PSP gateway\n\n- acceptance: https://psp-gw.acc.shop.example/v1 (sandbox)\n- production: https://psp-gw.shop.example/v1\n',
        },
      ],
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', value: 'https://psp-gw.acc.shop.example/v1' });
  });

  it.each([
    ['only other stores of its domain are written', [{ path: 'docs/hosts.md', text: TABLE.replace(/\| clickhouse.*\n/, '') }]],
    ['two as near', [{ path: 'docs/hosts.md', text: 'ch-events.acc.lumen.internal (primary), ch-events-replica.acc.lumen.internal (reads)\n' }]],
    ['nothing written', []],
  ])('%s: no value is made up', (_what, docs) => {
    const v = copied(
      'analytics.host',
      'acceptance',
      'ch-events-x.prod.lumen.internal',
      { test: 'ch-events-x.test.lumen.internal', production: 'ch-events-x.prod.lumen.internal' },
      HOSTS,
      docs,
    );
    expect(v.value ?? null, v.reasons.join('\n')).toBeNull();
    expect(v.reasons.join('\n')).not.toMatch(/which the contract allows/);
  });

  it('production pointed elsewhere goes back to its stated host at no more than 0.5', () => {
    const v = copied(
      'analytics.host',
      'production',
      'ch-events.acc.lumen.internal',
      { test: 'ch-events.test.lumen.internal', acceptance: 'ch-events.acc.lumen.internal' },
      HOSTS,
      [{ path: 'docs/infra/stores.md', text: TABLE }],
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'ch-events.prod.lumen.internal' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

// (3) A change meant for every environment whose next step was set for the next day after a routine
//     check of the writer's own (a smoke test, a sanity check) is forgotten a week past that day with
//     nothing written since: the next environment follows, at PLAN_ALONE (0.55) at most. Not while the
//     week is young, not behind any other gate (an approval, a soak), not on a key of a risk class,
//     not when a later text reports the check failed.
describe('a next-day step after a routine check, a week overdue', () => {
  const ENV2 = ['staging', 'production'];
  const ahmed = messagesBy('Ahmed Saleh', 'a@x', 'f');
  const julia = messagesBy('Julia Wolf', 'j@x', '9');
  const CHANGED = '2026-11-24T16:10:00Z';
  const step = (key: string, [before, after]: [string, string], subject: string, body: string, { later = [] as Message[], today = '2026-12-05' } = {}) => {
    const created = julia('2026-01-26T09:00:00Z', 'settings per env');
    const change = ahmed(CHANGED, subject, body);
    const base = (env: string) => ({ ...eventOf(created, `config/${env}.yml`, null, before, { merge: false, revert: false }), order: 9 });
    const history: Record<string, HistoryEvent[]> = {
      staging: [{ ...eventOf(change, 'config/staging.yml', before, after, { merge: false, revert: false }), order: 1 }, base('staging')],
      production: [base('production')],
    };
    const log = buildLog(
      new Map(Object.entries(history).map(([env, events]) => [env, new Map([[key, events]])])),
      [...later, change, created].sort((a, b) => b.date.localeCompare(a.date)),
    );
    const d = {
      id: key,
      key,
      kind: 'cross-env',
      severity: 'drift',
      envs: ENV2,
      values: { staging: { repo: after, live: null, at: null, type: 'number' }, production: { repo: before, live: null, at: null, type: 'number' } },
      declared: false,
      contract: null,
      notes: [],
    } as unknown as Divergence;
    return explain(d, history, { promotion: ENV2, environments: ENV2, today, log });
  };

  it.each([
    ['English, terse', 'carrier timeout 4 -> 9', 'vendor p99 ~6s now. 9s everywhere; staging first, prod tomorrow after a smoke test'],
    ['Spanish', 'timeout del transportista 4 -> 9', '9s en todos los entornos; primero staging, producción mañana tras una prueba de humo'],
    ['a sanity check', 'carrier client timeout to 9s for all envs', 'staging first, production the next day after a quick sanity check'],
  ])('%s: production follows, at 0.55 at most', (_what, subject, body) => {
    const v = step('carrier.timeout', ['4', '9'], subject, body);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '9' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  const NOT = [
    ['the week still young', 'carrier.timeout', '9s everywhere; staging first, prod tomorrow after a smoke test', '2026-11-28', []],
    ['another gate beside it', 'carrier.timeout', '9s everywhere; staging first, prod tomorrow after a smoke test and the CAB approval', '2026-12-05', []],
    ['a key with a risk class', 'api.rateLimit.perMinute', 'raise to 9 everywhere; staging first, prod tomorrow after a smoke test', '2026-12-05', []],
    [
      'a later text reports the check failed',
      'carrier.timeout',
      '9s everywhere; staging first, prod tomorrow after a smoke test',
      '2026-12-05',
      [ahmed('2026-11-25T09:00:00Z', 'carrier timeout: smoke test failed in staging, holding production at 4', 'retries pile up at 9s')],
    ],
  ] as const;
  it.each(NOT)('not when %s', (_what, key, body, today, later) => {
    const v = step(key, ['4', '9'], 'carrier timeout 4 -> 9', body, { today, later: [...later] });
    expect(v.reasons.join('\n')).not.toMatch(/next-day step/);
  });
});
