// Session 24 (spent holdout-21, history shapes): a change whose own text holds the environment it
// landed in behind a gate; "<env> only after …" as a gate, not a scope; a hold with a passed limit
// whose writer planned the follow; "back to <value> after <event>" as the undo planned, not a revert;
// a squash titled for a test whose own item sends one value on. Real git repositories, situations
// and phrasings of their own (none a story's), with the negatives each rule must leave alone.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { readIntent } from '../../src/verdict/intent.js';
import { repoFromScenario } from '../support/repo.js';

const TODAY = '2026-12-05';
const CONFIG = 'environments:\n  staging: conf/staging.yaml\n  production: conf/production.yaml\npromotion: [staging, production]\n';
const BOTH = (v: string) => ({ 'undrift.yaml': CONFIG, 'conf/staging.yaml': v, 'conf/production.yaml': v });
type Commits = Parameters<typeof repoFromScenario>[0]['commits'];

async function verdictOn(commits: Commits, key: string) {
  const repo = await repoFromScenario({ commits });
  const scan = await scanRepository({ repo, historyCache: false, today: TODAY });
  const d = scan.divergences.find((x) => x.key === key);
  expect(d, `a divergence on ${key}`).toBeDefined();
  return d!.verdict!;
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a change whose own text holds the environment it landed in behind a gate nobody reports passed', () => {
  const start = { at: '2026-06-01T10:00:00Z', author: 'ana', message: 'service config', write: BOTH('export:\n  csv: false\n') };

  it("the subject names staging, the edit is production's, the pull request gates production: production goes back, not above 0.55", async () => {
    const v = await verdictOn(
      [
        start,
        {
          at: '2026-11-20T10:00:00Z',
          author: 'ben',
          checkout: 'feat/exp-5',
          message: 'turn on CSV export for staging (EXP-5)',
          set: { 'conf/production.yaml': { 'export.csv': true } },
        },
        {
          at: '2026-11-20T11:00:00Z',
          author: 'ana',
          checkout: 'main',
          merge: 'feat/exp-5',
          message:
            'Merge pull request #7 from acme/feat/exp-5\n\nStaging first, for the support team. Production only once legal has signed off, the files hold customer addresses.',
        },
      ],
      'export.csv',
    );
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'false' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
    expect(v.question).toMatch(/legal/);
  });

  it('German, through the merge that brought it in: "Prod erst nach der Freigabe durch den DSB"', async () => {
    const v = await verdictOn(
      [
        start,
        {
          at: '2026-11-20T10:00:00Z',
          author: 'ben',
          checkout: 'feat/exp-5',
          message: 'CSV-Export für Staging',
          set: { 'conf/production.yaml': { 'export.csv': true } },
        },
        {
          at: '2026-11-20T11:00:00Z',
          author: 'ana',
          checkout: 'main',
          merge: 'feat/exp-5',
          message: 'Merge branch feat/exp-5\n\nCSV-Export zuerst auf Staging. Production erst nach der Freigabe durch den DSB.',
        },
      ],
      'export.csv',
    );
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'false' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it('negative: the commit names production itself ("Production only once legal has signed off" in its own body): the rule leaves it', async () => {
    const v = await verdictOn(
      [
        start,
        {
          at: '2026-11-20T10:00:00Z',
          author: 'ben',
          message: 'turn on CSV export (EXP-5)\n\nProduction only once legal has signed off.',
          set: { 'conf/production.yaml': { 'export.csv': true } },
        },
      ],
      'export.csv',
    );
    expect(v.reasons.join('\n')).not.toMatch(/before the gate its own text sets/);
  });

  it('negative: a later commit reports the sign-off, so production keeps what it took', async () => {
    const v = await verdictOn(
      [
        start,
        {
          at: '2026-11-20T10:00:00Z',
          author: 'ben',
          checkout: 'feat/exp-5',
          message: 'turn on CSV export for staging (EXP-5)',
          set: { 'conf/production.yaml': { 'export.csv': true } },
        },
        {
          at: '2026-11-20T11:00:00Z',
          author: 'ana',
          checkout: 'main',
          merge: 'feat/exp-5',
          message: 'Merge branch feat/exp-5\n\nProduction only once legal has signed off.',
        },
        {
          at: '2026-11-25T10:00:00Z',
          author: 'ana',
          message: 'EXP-5: legal signed off on CSV export',
          write: { 'docs/exp-5.md': '# EXP-5\nLegal signed off on 2026-11-25.\n' },
        },
      ],
      'export.csv',
    );
    expect(v.suggested === 'revert' && v.drifted === 'production', why(v)).toBe(false);
  });

  it('negative: the gate is written about production, and the change landed in staging', async () => {
    const v = await verdictOn(
      [
        start,
        {
          at: '2026-11-20T10:00:00Z',
          author: 'ben',
          message: 'turn on CSV export in staging (EXP-5)\n\nProduction only after legal sign-off.',
          set: { 'conf/staging.yaml': { 'export.csv': true } },
        },
      ],
      'export.csv',
    );
    expect(v, why(v)).not.toMatchObject({ suggested: 'revert', drifted: 'production' });
    expect(v, why(v)).not.toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
});

describe('"<env> only after …" is a gate on that environment, not a scope', () => {
  const scope = (subject: string, env = 'production') =>
    readIntent({ subject, body: '', author: '', email: '', date: '2026-11-20T10:00:00Z' }, env, ['staging', 'production']).scope;
  it.each([
    'production only after the DPO signs off',
    'production only once QA is green',
    'prod only when the migration is done',
    'production nur nach Freigabe',
    'production alleen na akkoord van security',
  ])('%s: no env-only scope', (s) => {
    expect(scope(s)?.kind).not.toBe('env-only');
  });
  it.each(['production only', 'for production only, never staging', 'production-only setting', 'prod only, staging keeps the default'])(
    '%s: still a scope',
    (s) => {
      expect(scope(s)?.kind).toBe('env-only');
    },
  );
});

describe('a hold whose own limit has passed, whose writer planned the follow', () => {
  const start = { at: '2026-03-01T10:00:00Z', author: 'ana', message: 'platform config', write: BOTH('api:\n  version: 4\n  topic: t\n') };
  const staging = { at: '2026-11-10T10:00:00Z', author: 'ben', message: 'api v5 on staging', set: { 'conf/staging.yaml': { 'api.version': 5 } } };
  const hold = (body: string) => ({
    at: '2026-11-16T10:00:00Z',
    author: 'ben',
    message: `production topic rename\n\n${body}`,
    set: { 'conf/production.yaml': { 'api.topic': 'u' } },
  });

  it.each([
    ['English', 'api version stays on 4 in production until Nov 30 (release freeze). After that production to 5 as well.'],
    ['Dutch', 'api version blijft op 4 in production, bevriezing tot 30 nov. daarna ook naar 5.'],
    ['German', 'api version bleibt in production bis 30. November auf 4 (Freeze). Danach auch auf 5.'],
  ])('%s: backfill production, not above 0.55', async (_, body) => {
    const v = await verdictOn([start, staging, hold(body)], 'api.version');
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '5' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it('negative: the limit has not passed yet (until 2027-01-10): production keeps its value for now', async () => {
    const v = await verdictOn(
      [start, staging, hold('api version stays on 4 in production until 2027-01-10. After that production to 5 as well.')],
      'api.version',
    );
    expect(v, why(v)).not.toMatchObject({ suggested: 'backfill' });
  });

  it('negative: a passed limit with no follow planned does not become a move', async () => {
    const v = await verdictOn([start, staging, hold('api version stays on 4 in production until Nov 30 (release freeze).')], 'api.version');
    expect(v, why(v)).not.toMatchObject({ suggested: 'backfill', confidence: 0.55 });
    expect(v.reasons.join('\n')).not.toMatch(/planned what comes after/);
  });
});

describe('"back to <value> after <event>" is the undo planned, read as a time limit', () => {
  const intentOf = (subject: string) =>
    readIntent({ subject, body: '', author: '', email: '', date: '2026-11-14T10:00:00Z' }, 'staging', ['staging', 'production']);
  it.each([
    'pool 80 for the soak, back to 30 after the soak',
    'queue workers 12 (goes back to 4 once the import is done)',
    'workers 12, zurück auf 4 nach dem Import',
    'workers 12, terug naar 4 na de import',
    'workers 12, de vuelta a 4 después de la migración',
  ])('%s: temporary, not a revert', (s) => {
    const i = intentOf(s);
    expect(i.temporary, JSON.stringify(i)).toBeDefined();
    expect(i.revert).toBeUndefined();
  });
  it.each(['back to 30 connections, the spike is gone', 'revert pool to 30', 'set it back to 30'])('%s: still a revert', (s) => {
    expect(intentOf(s).revert).toBeDefined();
  });

  it('through the verdict: the test report says done, so staging goes back', async () => {
    const v = await verdictOn(
      [
        { at: '2026-06-01T10:00:00Z', author: 'ana', message: 'service config', write: BOTH('db:\n  pool: 30\n') },
        {
          at: '2026-11-14T10:00:00Z',
          author: 'ben',
          message: 'soak prep (SK-3)\n\n* db pool 80 for SK-3, staging only, back to 30 after the soak',
          set: { 'conf/staging.yaml': { 'db.pool': 80 } },
        },
        { at: '2026-11-21T10:00:00Z', author: 'ben', message: 'SK-3 report', write: { 'docs/sk-3.md': '# SK-3 soak\n\nStatus: done (finished 20/11).\n' } },
      ],
      'db.pool',
    );
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '30' });
  });
});

describe('a squash titled for a test: its own item about a key can send that value on', () => {
  const start = { at: '2026-06-01T10:00:00Z', author: 'ana', message: 'service config', write: BOTH('db:\n  pool: 30\nupstream:\n  timeout: 2s\n') };
  const squash = (item: string) => ({
    at: '2026-11-14T10:00:00Z',
    author: 'ben',
    message: `Soak test prep (#88)\n\n* db pool 80 for the soak (staging only, back to 30 after it)\n* ${item}`,
    set: { 'conf/staging.yaml': { 'db.pool': 80, 'upstream.timeout': '5s' } },
  });
  it.each([
    'upstream timeout 2s -> 5s, the vendor is slow everywhere; production needs this too',
    'upstream timeout 5s: the vendor is slow for every caller, production needs it as well',
  ])('%s: backfill production, not above 0.55', async (item) => {
    const v = await verdictOn([start, squash(item)], 'upstream.timeout');
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '5s' });
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });
  it('negative: an item that sends nothing on keeps the test scope (no backfill)', async () => {
    const v = await verdictOn([start, squash('upstream timeout 2s -> 5s so the soak client does not give up')], 'upstream.timeout');
    expect(v, why(v)).not.toMatchObject({ suggested: 'backfill' });
  });
});
