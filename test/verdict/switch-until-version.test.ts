// A switch flipped in production during an incident and held "until <version> is in production":
// the time limit is read in the languages the readers read (a conjunction "until" opening a clause,
// never an amount's upper bound), and a later record of that version in that environment is the end
// it waited for. Through the verdict, on phrasings of our own, with negatives.
import { describe, expect, it } from 'vitest';
import { documentCommit, explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import type { Document, Message } from '../../src/verdict/log.js';

const ana = messagesBy('Ana Ruiz', 'a@x', 'a');
const bo = messagesBy('Bo Lind', 'b@x', 'b');
const ENVS = ['dev', 'staging', 'prod'];

/** The verdict where one incident commit (2026-11-19) turned `key` from true to false in prod alone,
 * dev and staging still true, read on 2026-12-05, with `later` records. */
function judge(subject: string, body: string, later: { messages?: Message[]; documents?: Document[] } = {}) {
  const created = bo('2026-04-14T07:00:00Z', 'config per environment');
  const change = ana('2026-11-19T21:15:00Z', subject, body);
  const file = (env: string) => `config/${env}.yaml`;
  const steps = (env: string): HistoryEvent[] => [
    ...(env === 'prod' ? [{ ...eventOf(change, file(env), 'true', 'false', { merge: false, revert: false }), order: 0 }] : []),
    { ...eventOf(created, file(env), null, 'true', { merge: false, revert: false }), order: 1 },
  ];
  return explainCrossEnv({
    key: 'features.recommendations.enabled',
    history: Object.fromEntries(ENVS.map((e) => [e, steps(e)])),
    messages: [...(later.messages ?? []), change, created],
    values: { dev: 'true', staging: 'true', prod: 'false' },
    type: 'boolean',
    today: '2026-12-05',
    ...(later.documents ? { documents: later.documents } : {}),
  });
}

const deployLog = (rows: string, date = '2026-11-30T10:00:00Z'): { messages: Message[]; documents: Document[] } => {
  const wrote = documentCommit('d', date, 'deploy log', ['docs/deploys.md']);
  return {
    messages: [wrote],
    documents: [{ path: 'docs/deploys.md', sha: wrote.sha, text: `| date | env | version |\n| --- | --- | --- |\n${rows}\n` }],
  };
};

const HELD = [
  ['Portuguese, "até o … estar"', 'prod: desliga recomendações (INC-9)', 'fica desligado até o 5.3.0 estar em produção.'],
  ['Italian, "finché"', 'prod: raccomandazioni spente (INC-9)', 'spente finché la 5.3.0 non è in produzione.'],
  ['Dutch, "totdat"', 'prod: aanbevelingen uit (INC-9)', 'uit totdat 5.3.0 in productie draait.'],
  ['German, verb-final "bis … ist"', 'prod: Empfehlungen aus (INC-9)', 'Aus, bis 5.3.0 in Produktion ist.'],
  ['Polish, "dopóki"', 'prod: rekomendacje wyłączone (INC-9)', 'wyłączone dopóki 5.3.0 nie trafi na produkcję.'],
  ['English', 'prod: recommendations off (INC-9)', 'Off until 5.3.0 is in production.'],
] as const;

describe('a switch held off in an incident until a version is in production', () => {
  it.each(HELD)('%s: a time limit, never an incident fix to backport', (_what, subject, body) => {
    const v = judge(subject, body);
    const why = v.reasons.join('\n');
    expect(why, why).toMatch(/says the change is temporary/);
    expect(v.suggested === 'backfill' && v.drifted !== 'prod', why).toBe(false);
    expect(v.confidence, why).toBeLessThanOrEqual(0.55);
  });

  it.each(HELD)('%s: a later deploy record of the version in production ends it', (_what, subject, body) => {
    const v = judge(subject, body, deployLog('| 2026-11-24 | dev, staging | 5.3.0 |\n| 2026-11-26 | produção | 5.3.0 |'));
    const why = v.reasons.join('\n');
    expect([v.suggested, v.drifted, v.value], why).toEqual(['revert', 'prod', 'true']);
    expect(v.confidence, why).toBeLessThanOrEqual(0.55);
    expect(why).toMatch(/records 5\.3\.0 in prod on 2026-11-26/);
  });

  it('a commit that says the version went to production ends it too', () => {
    const done = bo('2026-11-27T08:00:00Z', 'release 5.3.0', '5.3.0 deployed to production this morning, all green.');
    const v = judge(...(HELD[0].slice(1) as [string, string]), { messages: [done] });
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'prod', 'true']);
  });

  it.each([
    ['only staging has it', '| 2026-11-24 | dev, staging | 5.3.0 |'],
    ['another version reached production', '| 2026-11-26 | production | 5.3.1-rc1 |\n| 2026-11-26 | production | 15.3.0 |'],
    ['a row dated after today', '| 2026-12-10 | production | 5.3.0 |'],
    ['a planned row', '| 2026-11-30 | production | 5.3.0 planned |'],
  ])('not ended where %s', (_what, rows) => {
    const v = judge(...(HELD[0].slice(1) as [string, string]), deployLog(rows));
    const why = v.reasons.join('\n');
    expect(v.suggested === 'revert' && v.drifted === 'prod', why).toBe(false);
    expect(v.suggested === 'backfill' && v.drifted !== 'prod', why).toBe(false);
  });

  it.each([
    ['a plan', '5.3.0 will be deployed to production on Friday.'],
    ['a denial', '5.3.0 is not yet deployed to production.'],
    ['a question', 'has 5.3.0 been deployed to production?'],
  ])('a commit with %s does not end it', (_what, body) => {
    const later = bo('2026-11-27T08:00:00Z', 'release notes', body);
    const v = judge(...(HELD[5].slice(1) as [string, string]), { messages: [later] });
    expect(v.suggested === 'revert' && v.drifted === 'prod', v.reasons.join('\n')).toBe(false);
  });

  it.each([
    ['Portuguese upper bound', 'prod: pool até 40 conexões (INC-9)', 'aumentado até 40 para aguentar o pico.'],
    ['German upper bound', 'prod: Limit bis 500 (INC-9)', 'Limit erhöht bis 500 req/s, das reicht.'],
    ['Dutch upper bound', 'prod: pool tot 40 (INC-9)', 'verhoogd tot 40 zodat het stabiel is.'],
  ])('%s is no time limit', (_what, subject, body) => {
    const v = judge(subject, body);
    expect(v.reasons.join('\n')).not.toMatch(/says the change is temporary/);
  });
});
