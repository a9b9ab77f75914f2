// Session 12: later evidence is weighed on every path. A difference born in one commit is still a
// rollout whose gate later evidence meets, and each environment's latest change is read, not only
// its creation; a change that says it copies another environment's values but writes another value
// is a slip. Situations and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { copiedFrom } from '../../src/verdict/copied.js';
import { readIntent } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-03';
const TWO = ['staging', 'production'];

describe('a change that says it copies another environment names where the values come from', () => {
  it.each([
    ['sync pool settings with prod', 'production'],
    ['Align staging cache limits with production', 'production'],
    ['make staging match prod’s connection limits', 'production'],
    ['worker settings: same as in production', 'production'],
    ['copied the queue limits from prod', 'production'],
    ['Staging-Pool an Prod angeglichen', 'production'],
    ['ajuste: igual que en producción', 'production'],
    ['limites comme en prod', 'production'],
  ])('"%s" copies from %s', (text, from) => {
    expect(copiedFrom(text, 'staging', TWO)?.from).toBe(from);
  });

  it.each([
    'sync the flag to prod next week',
    'bring the new limit to production',
    'not the same as prod: staging has a smaller database',
    'should staging match prod?',
    'raise the staging pool for the load test',
  ])('"%s" copies from nowhere', (text) => {
    expect(copiedFrom(text, 'staging', TWO)).toBeUndefined();
  });
});

describe('a copy with a slip: the text is the intent, the odd value the mistake', () => {
  // Created apart, later copied: the copy's value is weighed, not only the creation.
  const createdApart = (key: string, lower: string, upper: string, sibling: [string, string, string]): Step => ({
    subject: 'initial service config',
    date: '2026-02-10T09:00:00Z',
    set: { staging: ['', lower], production: ['', upper] },
    also: { staging: [sibling[0], '', sibling[1]], production: [sibling[0], '', sibling[2]] },
  });
  const cases: Array<{ what: string; key: string; lower: string; upper: string; wrote: string; subject: string; sibling: [string, string, string] }> = [
    {
      what: 'a pool size with an extra zero in an English "align with"',
      key: 'db.pool.max',
      lower: '10',
      upper: '40',
      wrote: '400',
      subject: 'Align staging DB pool with production',
      sibling: ['db.pool.min', '2', '8'],
    },
    {
      what: 'a thread count in a German "wie in Prod"',
      key: 'worker.threads',
      lower: '4',
      upper: '16',
      wrote: '61',
      subject: 'Worker-Einstellungen wie in Prod',
      sibling: ['worker.queue', '100', '800'],
    },
    {
      what: 'a timeout in Spanish "igual que producción"',
      key: 'http.timeoutMs',
      lower: '1000',
      upper: '2500',
      wrote: '25000',
      subject: 'timeouts de staging igual que producción',
      sibling: ['http.retries', '1', '3'],
    },
  ];
  for (const c of cases) {
    it(`${c.what}: the slipped environment takes the source's value`, () => {
      const v = judge(
        c.key,
        [
          createdApart(c.key, c.lower, c.upper, c.sibling),
          {
            subject: c.subject,
            date: '2026-11-20T10:00:00Z',
            set: { staging: [c.lower, c.wrote] },
            also: { staging: [c.sibling[0], c.sibling[1], c.sibling[2]] },
          },
        ],
        TODAY,
      );
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: c.upper, deliberate: 'production' });
      expect(v.confidence).toBeGreaterThanOrEqual(0.6);
    });
  }

  it('without the other keys to corroborate it, the slip is only suggested, with the question', () => {
    const v = judge(
      'cache.ttl',
      [
        { subject: 'create config', date: '2026-02-10T09:00:00Z', set: { staging: ['', '30'], production: ['', '60'] } },
        { subject: 'sync cache ttl with prod', date: '2026-11-20T10:00:00Z', set: { staging: ['30', '600'] } },
      ],
      TODAY,
    );
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '60' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/mean/);
  });

  it('a copy into production that wrote another value moves nothing into production', () => {
    const v = judge(
      'batch.size',
      [
        { subject: 'create config', date: '2026-02-10T09:00:00Z', set: { staging: ['', '50'], production: ['', '20'] } },
        { subject: 'align prod batch size with staging', date: '2026-11-20T10:00:00Z', set: { production: ['20', '500'] } },
      ],
      TODAY,
    );
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThan(0.5);
  });
});

describe('a difference born in one commit is judged by what came after it', () => {
  it('a later change of one environment is read, not only the creation', () => {
    const v = judge(
      'feed.pageSize',
      [
        { subject: 'feed service config', date: '2026-02-10T09:00:00Z', set: { staging: ['', '20'], production: ['', '50'] } },
        { subject: 'feed: bigger pages for the scroll load test in staging', date: '2026-11-20T10:00:00Z', set: { staging: ['20', '500'] } },
      ],
      TODAY,
    );
    expect(v.reasons.join('\n')).toMatch(/staging changed it "20" → "500"/);
    expect(v.suggested).not.toBe('backfill');
  });

  // Written into both files at once, staged by its text: a later go meets the gate.
  const staged = (subject: string, body: string): Step => ({
    subject,
    body,
    date: '2026-10-01T10:00:00Z',
    set: { staging: ['', 'true'], production: ['', 'false'] },
  });
  const gates: Array<{ what: string; first: Step; go: Step }> = [
    {
      what: 'production after sign-off, signed off by a later commit citing the ticket',
      first: staged('Enable invoice batching (BILL-210)', 'Staging only for now; production after sign-off from finance.'),
      go: { subject: 'BILL-210: finance signed off, go for production', date: '2026-11-02T10:00:00Z', touched: ['docs/billing.md'] },
    },
    {
      what: 'a rollout "staging first, then production once QA passes", QA reported passed',
      first: staged('Rollout of the new tax engine (TAX-77)', 'staging first, then production once QA passes.'),
      go: { subject: 'TAX-77: QA done, go for production', date: '2026-11-05T10:00:00Z', touched: ['docs/qa/tax-77.md'] },
    },
    {
      what: 'German: production follows after approval, approval recorded',
      first: staged('Neue Mahnläufe (FIN-31)', 'Erst Staging, Prod folgt nach Freigabe.'),
      go: { subject: 'FIN-31 approved for prod', date: '2026-11-06T10:00:00Z', touched: ['docs/freigaben.md'] },
    },
  ];
  for (const g of gates) {
    it(`${g.what}: production is backfilled`, () => {
      const v = judge('FEATURE_ENABLED', [g.first, g.go], TODAY);
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
    });
    it(`${g.what}, before the go: the difference is declared, nothing moves`, () => {
      const v = judge('FEATURE_ENABLED', [g.first], TODAY);
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    });
  }
});

describe('the latest word on a key wins over an earlier keep', () => {
  const prodFile = ['deploy/production.yaml'];
  const story = (key: string, from: string, to: string, change: string, keep: string, later?: string): Step[] => [
    { subject: 'service config', date: '2026-03-01T09:00:00Z', set: { staging: ['', from], production: ['', from] } },
    { subject: change, date: '2026-11-02T10:00:00Z', set: { staging: [from, to] } },
    { subject: keep.split('\n')[0]!, body: keep.split('\n').slice(1).join('\n'), date: '2026-11-03T10:00:00Z', touched: prodFile },
    ...(later ? [{ subject: later.split('\n')[0]!, body: later.split('\n').slice(1).join('\n'), date: '2026-11-20T10:00:00Z', touched: prodFile }] : []),
  ];
  const withdrawn: Array<{ what: string; key: string; from: string; to: string; change: string; keep: string; later: string }> = [
    {
      what: 'the objection withdrawn, production taking the value too',
      key: 'export.rateLimitPerMinute',
      from: '100',
      to: '500',
      change: 'exports: raise the rate limit',
      keep: 'Keep the export rate limit at 100 in prod until the DB upgrade',
      later: 'DB upgraded\nObjection withdrawn: prod can take the 500 export rate limit too.',
    },
    {
      what: 'German: the concern cleared, the value everywhere',
      key: 'worker.threads',
      from: '4',
      to: '8',
      change: 'mehr Worker-Threads',
      keep: 'Prod bleibt bei 4 Threads bis zum Lasttest',
      later: 'Lasttest ok\nBedenken ausgeräumt, 8 Threads überall.',
    },
    {
      what: 'Spanish: no longer worried, every environment',
      key: 'http.timeoutSeconds',
      from: '30',
      to: '60',
      change: 'subir el timeout http',
      keep: 'mantener el timeout en 30 en prod hasta medir',
      later: 'medido\nya no me preocupa el timeout, 60 en todos los entornos',
    },
  ];
  for (const w of withdrawn) {
    it(`${w.what}: production is backfilled`, () => {
      const v = judge(w.key, story(w.key, w.from, w.to, w.change, w.keep, w.later), TODAY);
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: w.to });
    });
    it(`${w.what}, before the word: the keep holds`, () => {
      const v = judge(w.key, story(w.key, w.from, w.to, w.change, w.keep), TODAY);
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    });
  }

  it.each([
    ['a later word that keeps again', 'DB not upgraded yet\nStill keep the export rate limit at 100 in prod.'],
    ['a later note about another key', 'Raise log retention in prod\nretention 30d for the audit.'],
    ['a question', 'prod can take the 500 export rate limit too?'],
  ])('%s: the keep holds', (_what, later) => {
    const w = withdrawn[0]!;
    const v = judge(w.key, story(w.key, w.from, w.to, w.change, w.keep, later), TODAY);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });
});

describe('a gate or an end that is a named event takes the date a committed document gives it', () => {
  const base = (key: string, from: string): Step => ({
    subject: 'service config',
    date: '2026-06-01T09:00:00Z',
    set: { staging: ['', from], production: ['', from] },
  });
  const cases: Array<{ what: string; key: string; from: string; to: string; text: string; doc: { path: string; text: string } }> = [
    {
      what: 'production after the freeze, the freeze calendar in docs/',
      key: 'BILLING_CLIENT_VERSION',
      from: '2.1.0',
      to: '2.2.0',
      text: 'billing client 2.2.0 in staging, prod after the freeze',
      doc: { path: 'docs/freeze-calendar.md', text: '# Change freezes\n\n- Year-end 2026: 2026-11-18 to 2026-11-28. Incident fixes only.\n' },
    },
    {
      what: 'production after the game day, its plan in a runbook',
      key: 'search.replicaCount',
      from: '2',
      to: '3',
      text: 'three search replicas on staging; production after the game day',
      doc: { path: 'docs/runbooks/resilience.md', text: '# Resilience\n\nThe next game day runs on 2026-11-12, from 09:00 to 13:00.\n' },
    },
    {
      what: 'production after the migration window, dated in German',
      key: 'queue.prefetch',
      from: '10',
      to: '40',
      text: 'prefetch 40 in staging; prod after the migration window',
      doc: { path: 'docs/betrieb.md', text: '# Betrieb\n\nMigration window: vom 10.11. bis 14.11. keine Deployments.\n' },
    },
  ];
  for (const c of cases) {
    const steps = (changed: string): Step[] => [
      { ...base(c.key, c.from), touched: [c.doc.path] },
      { subject: c.text, date: changed, set: { staging: [c.from, c.to] } },
    ];
    it(`${c.what}: past its end, production follows`, () => {
      const v = judge(c.key, steps('2026-11-02T10:00:00Z'), TODAY, {}, { documents: [{ ...c.doc, step: 0 }] });
      expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: c.to });
      expect(v.reasons.join('\n')).toContain(c.doc.path);
    });
    it(`${c.what}: before its end, the difference is declared until then`, () => {
      const v = judge(c.key, steps('2026-11-02T10:00:00Z'), '2026-11-08', {}, { documents: [{ ...c.doc, step: 0 }] });
      expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    });
  }

  it('a document dating another event leaves the gate undated', () => {
    const c = cases[0]!;
    const v = judge(
      c.key,
      [
        { ...base(c.key, c.from), touched: ['docs/oncall.md'] },
        { subject: c.text, date: '2026-11-02T10:00:00Z', set: { staging: [c.from, c.to] } },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/oncall.md', text: '# On-call\n\n- Rotation changes on 2026-11-20.\n', step: 0 }] },
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });
});

describe('a time clause belongs to the environment it names', () => {
  const read = (text: string, env = 'staging') =>
    readIntent({ subject: text, body: '', author: 'a', email: 'a@example.test', date: '2026-11-10T10:00:00Z' }, env, TWO);
  it.each([
    ['new search ranking on in staging; production via the feature-flag service until the experiment ends', undefined],
    ['Neues Limit in Staging, Prod bis Ende KW 50 noch auf 2', '2026-12-13'],
    ['nuevo límite en staging, producción hasta el 30/11 con el viejo', '2026-11-30'],
  ])('"%s": production waits, staging\'s value has no time limit', (text, until) => {
    const i = read(text);
    expect(i.temporary).toBeUndefined();
    expect(i.hold).toMatchObject({ envs: ['production'], follows: true });
    if (until) expect(i.hold?.until).toBe(until);
  });
  it('a scope that names the other environment is no wait of its own ("the beta is staging-only until launch")', () => {
    expect(read('the beta is staging-only until launch', 'production').hold).toBeUndefined();
  });
  it("weeks later, staging's value is not reverted as an overdue temporary change", () => {
    const v = judge(
      'ranking.v2.enabled',
      [
        { subject: 'search config', date: '2026-06-01T09:00:00Z', set: { staging: ['', 'false'], production: ['', 'false'] } },
        {
          subject: 'ranking v2 on in staging; production via the A/B framework until the experiment concludes',
          date: '2026-10-01T10:00:00Z',
          set: { staging: ['false', 'true'] },
        },
      ],
      TODAY,
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
});

describe('a test whose own text gives an end no reader dates is a question once overdue', () => {
  const story = (subject: string, changed: string): Step[] => [
    { subject: 'api config', date: '2026-06-01T09:00:00Z', set: { staging: ['', '50'], production: ['', '50'] } },
    { subject, date: changed, set: { staging: ['50', '0'] } },
  ];
  it.each([
    'load test: no export limit in staging until sprint 48',
    'perf: no export limit in staging (gatling run until the 3rd)',
    'Lasttest: Staging ohne Export-Limit (k6-Lauf bis Sprint 48)',
  ])('"%s", 30 days on: never declared with confidence — a question below 0.5, or the test setting undone', (subject) => {
    const v = judge('exports.perMinute', story(subject, '2026-11-03T10:00:00Z'), TODAY);
    if (v.suggested === 'declare') {
      expect(v.confidence, v.reasons.join('\n')).toBeLessThan(0.5);
      expect(v.question).toBeTruthy();
    } else expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '50' });
  });
  it.each([
    'loadtest: no export limit in staging (gatling run until 2026-11-20)',
    'perf: staging ohne Export-Limit (k6-Lauf bis 20.11.)',
    'load test: no export limit in staging until Nov 20',
  ])('"%s", past that end: the test setting goes back', (subject) => {
    const v = judge('exports.perMinute', story(subject, '2026-11-03T10:00:00Z'), TODAY);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '50' });
  });
  it('a test with no end stated, recent, stays the test setting it was declared as', () => {
    const v = judge('exports.perMinute', story('load test: no export limit in staging', '2026-11-25T10:00:00Z'), TODAY);
    // Upstream of production, with the question whether it was the step before it (upstream-test-scope.test.ts).
    expect(v).toMatchObject({ suggested: 'declare', confidence: 0.55 });
  });
});

describe('an expired declaration looks for its decision in the documents its reason names', () => {
  const steps = (doc: string): Step[] => [
    { subject: 'pricing config', date: '2026-06-01T09:00:00Z', set: { staging: ['', 'false'], production: ['', 'false'] } },
    {
      subject: 'new pricing page on in staging; production through the experiment platform until it concludes',
      date: '2026-09-01T10:00:00Z',
      set: { staging: ['false', 'true'] },
    },
    { subject: 'experiment notes', date: '2026-11-10T10:00:00Z', touched: [doc] },
  ];
  const run = (reason: string, doc: { path: string; text: string }) =>
    judge('pricing.newPage', steps(doc.path), TODAY, {}, { documents: [{ ...doc, step: 2 }], declared: { reason, expires: '2026-10-31' } });
  it.each([
    ['until the pricing experiment concludes (EXP-42)', { path: 'docs/experiments/EXP-42.md', text: '# EXP-42\n\nResult: +2% revenue. Decision: ship it.\n' }],
    ['A/B until rfc-7 is decided', { path: 'docs/rfcs/pricing.md', text: '# rfc-7 pricing page\n\nOutcome: rolled out to 100% in production.\n' }],
    ['canary until ADR-0042 is approved', { path: 'docs/adr/0042-pricing.md', text: '# ADR-0042\n\nStatus: approved by the architecture board.\n' }],
  ])('"%s" and a document recording a go: production follows', (reason, doc) => {
    const v = run(reason, doc);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
  });
  it('a document recording a no-go moves nothing into production', () => {
    const v = run('until the pricing experiment concludes (EXP-42)', {
      path: 'docs/experiments/EXP-42.md',
      text: '# EXP-42\n\nDecision: no-go, roll back in staging.\n',
    });
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });
  it('a document naming another experiment decides nothing here', () => {
    const v = run('until the pricing experiment concludes (EXP-42)', { path: 'docs/experiments/EXP-43.md', text: '# EXP-43\n\nDecision: go.\n' });
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });
});
