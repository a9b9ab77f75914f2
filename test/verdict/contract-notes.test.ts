// Notes in the contract file's comments are evidence the verdict reads (through the contract it is
// given, never by reading files): a value a note keeps to one environment is never copied out of
// it; a difference a note says must not exist is not declared. Phrasings are our own.
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const ENVS = ['staging', 'production'];
const contractOf = (text: string) => parseContract(yamlFileFromText(text, 'contract.yaml'), ENVS);

describe('the contract file keeps its comments', () => {
  const contract = contractOf(
    [
      "# Owners: platform team. ROUTE_ID is production's own — never copy it to staging.",
      'expected_differences:',
      '  # staging talks to the sandbox processor',
      '  PROCESSOR_URL:',
      '    staging: "https://sandbox.example#frag"   # not the live one',
      '    production: https://pay.example',
      '    # reviewed 2026-05',
      '',
      '  # EU region only in production',
      '  REGION: {staging: us, production: eu}',
      '',
    ].join('\n'),
  );

  it('gives each entry the comments above it, inside it and after its values', () => {
    const byKey = Object.fromEntries(contract.entries.map((e) => [e.pattern, e.notes]));
    expect(byKey.PROCESSOR_URL).toEqual(['staging talks to the sandbox processor', 'not the live one', 'reviewed 2026-05']);
    expect(byKey.REGION).toEqual(['EU region only in production']);
  });

  it('keeps every comment of the file, a `#` inside a quoted value not among them', () => {
    expect(contract.notes?.map((n) => n.location)).toEqual(['contract.yaml:1', 'contract.yaml:3', 'contract.yaml:5', 'contract.yaml:7', 'contract.yaml:9']);
    expect(contract.notes?.some((n) => n.text.includes('frag'))).toBe(false);
  });
});

const event = (n: number, env: string, to: string | null, subject: string, from: string | null = null): HistoryEvent => ({
  commit: String(n).repeat(40),
  author: 'Ana',
  email: 'a@x',
  date: `2026-0${n}-01T10:00:00Z`,
  committed: `2026-0${n}-01T10:00:00Z`,
  subject,
  body: '',
  file: `${env}.yaml`,
  from,
  to,
  merge: false,
  revert: false,
  order: 9 - n,
});

describe('the verdict obeys the notes', () => {
  const missing = {
    key: 'ROUTE_ID',
    kind: 'missing',
    severity: 'drift',
    envs: ['staging'],
    values: { staging: { repo: null, live: null }, production: { repo: 'r-7781', live: null } },
    contract: null,
    notes: [],
  } as unknown as Divergence;
  const history = { staging: [], production: [event(2, 'production', 'r-7781', 'add the route id')] };
  const context = { promotion: ENVS, environments: ENVS, today: '2026-06-01' };

  it("without a note, only the promotion order asks whether staging should take production's value: a person decides", () => {
    const v = explain(missing, history, { ...context, contract: contractOf('expected_differences: {}\n') });
    expect(v).toMatchObject({ suggested: 'declare', value: null });
    expect(v.confidence).toBeLessThan(0.5);
    expect(v.question).toMatch(/backfill staging/);
  });

  it('a note that keeps the value to production: declare, and the note is evidence', () => {
    const contract = contractOf("# ROUTE_ID is production's own. Never copy it to staging.\nexpected_differences: {}\n");
    const v = explain(missing, history, { ...context, contract });
    expect(v).toMatchObject({ suggested: 'declare', deliberate: 'production' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
    expect(v.evidence).toContainEqual({
      kind: 'contract',
      text: `the contract file says, at contract.yaml:1: "# ROUTE_ID is production's own. Never copy it to staging."`,
    });
  });

  it('a note written on the entry: "prod-only, never copy down"', () => {
    const contract = contractOf('expected_differences:\n  ROUTE_ID:   # prod-only: never copy down\n    production: any\n');
    const v = explain(missing, history, { ...context, contract });
    expect(v).toMatchObject({ suggested: 'declare', deliberate: 'production' });
  });

  it('a note that says the environments must not differ: not declared, the value it names restored', () => {
    const split = {
      key: 'CSRF_CHECKS',
      kind: 'cross-env',
      severity: 'drift',
      envs: ['staging', 'production'],
      values: { staging: { repo: 'off', live: null }, production: { repo: 'on', live: null } },
      contract: null,
      notes: [],
    } as unknown as Divergence;
    const both = { staging: [event(2, 'staging', 'off', 'add csrf setting')], production: [event(2, 'production', 'on', 'add csrf setting')] };
    const before = explain(split, both, { ...context, contract: contractOf('expected_differences: {}\n') });
    expect(before.suggested).toBe('declare');
    const contract = contractOf('# CSRF_CHECKS: on in every environment, never declare a difference for it\nexpected_differences: {}\n');
    const v = explain(split, both, { ...context, contract });
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'on' });
  });
});

describe("a declaration's own note gives its end", () => {
  const violation = {
    key: 'CHECKOUT_V3',
    kind: 'contract-violation',
    severity: 'drift',
    envs: ['production'],
    values: { staging: { repo: 'on', live: null }, production: { repo: 'on', live: null } },
    contract: { key: 'CHECKOUT_V3', allowed: { staging: 'on', production: 'off' } },
    notes: [],
  } as unknown as Divergence;
  const contract = contractOf(
    'expected_differences:\n  # ramp for PAY-71; remove this declaration when production is fully on\n  CHECKOUT_V3:\n    staging: "on"\n    production: "off"\n',
  );
  const history = (subject: string) => ({
    staging: [event(2, 'staging', 'on', 'checkout v3 in staging (PAY-71)')],
    production: [event(4, 'production', 'on', subject, 'off')],
  });
  const context = { promotion: ENVS, environments: ENVS, today: '2026-06-01', contract };

  it('met by the change that made them agree (its ticket, reported done): remove the declaration', () => {
    const v = explain(violation, history('PAY-71 checkout v3 rollout complete, production fully on'), context);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', drifted: null });
    expect(v.reasons.join('\n')).toMatch(/remove CHECKOUT_V3 from the contract/);
  });

  it('not met when the change cites another ticket', () => {
    const v = explain(violation, history('OPS-2 flip checkout v3 in production'), context);
    expect(v.reasons.join('\n')).not.toMatch(/has done its job/);
  });
});

// Session 27 (spent holdout-24): a note on the entry that leaves the difference to someone ("waiting
// for the DBA", "wartet auf Katja") says the difference is known and its outcome open: moving either
// side pre-empts them, so the verdict declares it and asks (≤ 0.45). A note whose ticket a later
// commit reports done, or a note that only gives a reason, leaves the verdict as it was.
describe('a note that says the difference waits for someone', () => {
  // Two production regions as peers; the entry names staging only, so eu and us must agree. us
  // raised its pool; eu still holds the value it was created with.
  const REGIONS = ['staging', 'eu', 'us'];
  const violation = {
    key: 'POOL_MAX',
    kind: 'contract-violation',
    severity: 'drift',
    envs: ['eu'],
    values: { staging: { repo: '10', live: null }, eu: { repo: '40', live: null }, us: { repo: '60', live: null } },
    contract: { key: 'POOL_MAX', allowed: { staging: 'any' } },
    notes: [],
  } as unknown as Divergence;
  const created = event(2, 'eu', '40', 'pool settings for the regions');
  const raise = { ...event(4, 'us', '60', 'pool 60 in us (DB-9)', '40'), body: 'pool exhaustion alerts all night' };
  const verdictWith = (note: string, later?: { subject: string; body: string }) => {
    const contract = parseContract(
      yamlFileFromText(`expected_differences:\n  POOL_MAX:\n    staging: any\n    reason: staging is small\n    # ${note}\n`, 'contract.yaml'),
      REGIONS,
    );
    const messages = [created, raise, ...(later ? [{ ...event(5, 'us', '60', later.subject), body: later.body }] : [])].map((e) => ({
      sha: e.commit,
      parents: [],
      subject: e.subject,
      body: e.body,
      author: e.author,
      email: e.email,
      date: e.date,
      committed: e.committed,
    }));
    const log = buildLog(
      new Map([
        ['eu', new Map([['POOL_MAX', [created]]])],
        ['us', new Map([['POOL_MAX', [raise]]])],
      ]),
      messages,
    );
    return explain(violation, { staging: [], eu: [created], us: [raise] }, { promotion: REGIONS, environments: REGIONS, today: '2026-09-01', contract, log });
  };

  it('without such a note, eu (which kept the value both held) is not moved after us, which left it: a question, no wait named', () => {
    // Until session 33 eu was sent to us's 60; of two environments held together, the one that
    // changed is the one the contract has not caught up with (held-apart.test.ts).
    const v = verdictWith('reviewed in the capacity meeting');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', value: null, confidence: 0.5 });
    expect(v.question).toMatch(/us left it/);
    expect(v.reasons.join('\n')).not.toMatch(/waits for/);
  });

  it.each([
    ['English', 'eu vs us: DB-9 / DB-11, waiting for Katja'],
    ['English, awaiting a role', 'eu: awaiting the DBA on DB-11 before anyone touches this'],
    ['German', 'eu 40 statt 60 (DB-9): wartet auf Katja vom DBA-Team'],
    ['Swedish', 'eu 40 mot 60 (DB-9): väntar på DBA:n'],
    ['French', 'eu à 40 au lieu de 60 (DB-9) : en attente de la DBA'],
  ])('%s: declared, nothing moved', (_, note) => {
    const v = verdictWith(note);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', value: null });
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.reasons.join('\n')).toMatch(/waits for/);
  });

  it("a later commit citing the note's ticket reports it done: the wait is over, the note no longer holds the verdict", () => {
    const v = verdictWith('eu vs us: DB-11, waiting for Katja', { subject: 'DB-11 eu primary resize done', body: 'resize complete' });
    expect(v.reasons.join('\n')).not.toMatch(/waits for/);
  });
});
