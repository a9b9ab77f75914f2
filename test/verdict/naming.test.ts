// Naming an environment is not sending the value there (issue 10, holdout-11's 24, 26, 45): what
// the clause says of it decides — it stays as it is, keeps its own value on purpose, is not to be
// aligned, is asked about, or is written in a language nobody reads. Phrasings of our own, in the
// languages read, none taken from a story.
import { describe, expect, it } from 'vitest';
import { clauseSendsTo, readIntent, type CommitText } from '../../src/verdict/intent.js';
import { foreignStays } from '../../src/verdict/languages.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['dev', 'staging', 'production'];
const commit = (subject: string, body = ''): CommitText => ({ subject, body, author: 'Ines Vogt', email: 'ines@example.test', date: '2026-06-10T10:00:00Z' });
const intentOf = (text: string, env = 'staging') => {
  const [subject, ...body] = text.split('\n');
  return readIntent(commit(subject!, body.join('\n')), env, ENVS);
};

describe('another environment kept as it is, in the languages read', () => {
  it.each([
    ['Pool auf 40 für Staging.\nProd bleibt absichtlich bei 20, die DB dort ist kleiner.', 'staging', ['production']],
    ['Timeout a 30s en staging.\nProducción se queda como está, a propósito.', 'staging', ['production']],
    ['Cache TTL à 600 en prod.\nEn staging on conserve 60 : les tests ont besoin de données fraîches.', 'production', ['staging']],
    ['Limite em 50 no staging.\nProdução fica como está, de propósito.', 'staging', ['production']],
    ['Batch a 500 in staging.\nLa produzione resta a 200, volutamente.', 'staging', ['production']],
    ['Workers naar 8 op staging.\nProductie blijft bewust op 4.', 'staging', ['production']],
    ['Zwiększamy pulę na stagingu.\nProdukcja pozostaje bez zmian, celowo.', 'staging', ['production']],
    ['Лимит 100 на стейдже.\nПрод остаётся на 50 намеренно.', 'staging', ['production']],
    ['ステージングのワーカーを 8 に\n本番はあえて 4 台に据え置き。', 'staging', ['production']],
    ['预发的并发调到 8\n生产保持不变，这是有意的。', 'staging', ['production']],
    ['스테이징 워커를 8로\n운영은 의도적으로 그대로 둡니다.', 'staging', ['production']],
    ['workers to 8 in staging\nproduction deliberately runs 4, not an oversight', 'staging', ['production']],
  ])('%s', (text, env, envs) => {
    expect(intentOf(text, env).hold).toMatchObject({ envs, follows: false });
  });

  it.each([
    // Asked, not said: whether it stays is a question.
    ['Pool auf 40.\nBleibt Prod bei 20?', 'production'],
    ['Workers naar 8.\nWe weten nog niet of het op productie bij 4 blijft.', 'production'],
    // Negated: it does not stay.
    ['ステージングを 8 に\n本番は意図的ではない', 'production'],
  ])('not a keep: %s', (text, env) => {
    const clause = text.split('\n')[1]!;
    expect(foreignStays(clause, text)).toBeUndefined();
    expect(intentOf(text).hold?.envs.includes(env) && intentOf(text).hold?.follows === false).toBeFalsy();
  });
});

describe('a clause naming an environment sends the change there only when it says so', () => {
  it.each([
    ['staging needs it too', 'staging'],
    ['prod: same fix', 'production'],
    ['Produktion braucht das auch', 'production'],
    ['apply to production as well', 'production'],
  ])('a go: %s', (clause, env) => {
    expect(clauseSendsTo(clause, env)).toBe(true);
  });

  it.each([
    ['does production need it too?', 'production'],
    ['whether prod needs this is for the owners to say', 'production'],
    ['Braucht Prod das auch?', 'production'],
    ['not for production', 'production'],
    ['prod must not get this', 'production'],
    ['production stays on 4 workers', 'production'],
    ['En dev on garde les comptes locaux', 'dev', 'SSO obligatoire en prod. En dev on garde les comptes locaux, ce ne sont pas les mêmes besoins.'],
    ['本番は 2 台のまま', 'production'],
    ['Apakah production juga perlu', 'production', 'worker jadi 8. Apakah production juga perlu? Tolong dicek.'],
    ['Saya tidak tahu budget CPU di production', 'production', 'Apakah production juga perlu? Saya tidak tahu budget CPU di production'],
    ['the backup job runs in staging', 'production'],
  ])('not a go: %s', (clause, env, whole = clause) => {
    expect(clauseSendsTo(clause, env, whole)).toBe(false);
  });
});

describe('the verdict: naming the lagging environment moves nothing unless the clause sends it', () => {
  const created: Step = { subject: 'add worker settings', date: '2026-01-05T10:00:00Z', set: { dev: ['', '4'], staging: ['', '4'], production: ['', '4'] } };
  const changed = (message: string, env: 'staging' | 'production', lag = false): Step => ({
    subject: message.split('\n')[0]!,
    body: message.split('\n').slice(1).join('\n'),
    date: '2026-06-01T10:00:00Z',
    set: lag ? { [env]: ['4', '8'] } : { [env]: ['4', '8'] },
  });
  const verdictOf = (message: string, env: 'staging' | 'production') =>
    judge('PDF_WORKERS', [created, changed(message, env)], '2026-06-20', {}, { envs: ENVS });

  it.each([
    'PDF workers to 8 in staging\nDo we need this in production as well? Someone please check the CPU budget there.',
    'PDF-Worker auf 8 in Staging\nOb Produktion das auch braucht, klärt das Plattform-Team.',
    'pdf worker staging jadi 8\nApakah production juga perlu? Tolong dicek.',
    'ステージングの PDF ワーカーを 8 に\n本番は 4 のまま。意図的です。',
  ])('a question, a keep or an unread language about production: no backfill of production (%s)', (message) => {
    const v = verdictOf(message, 'staging');
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
    expect(v.confidence).toBeLessThanOrEqual(0.7);
  });

  it('a clause that sends it there still does: "production needs it too"', () => {
    const v = verdictOf('PDF workers to 8 in staging\nproduction needs it too, the queue backs up there as well', 'staging');
    expect(v).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });

  it('a production change whose text keeps a lower environment as it is: declared, not backported', () => {
    const v = verdictOf('Workers à 8 en prod\nEn staging on garde 4, ne pas aligner : les runners y sont plus petits.', 'production');
    expect(v).toMatchObject({ suggested: 'declare' });
  });
});

describe('a measurement is not a scope: where a figure was measured is not what the setting is for', () => {
  it.each([
    'GC target to 150 in staging (-22% CPU in the soak test)',
    'bigger batch in staging: 3x throughput during the load test',
    'pool 40 in staging, p99 -35ms in the replay benchmark',
    'Batch auf 500 in Staging (+40 % Durchsatz beim Lasttest gemessen)',
  ])('no test scope: %s', (subject) => {
    expect(intentOf(subject).scope).toBeUndefined();
  });

  it.each([
    'GC target to 150 in staging for the soak test',
    'timeout to 30s in the load test environment',
    'pool 40 in staging during the replay benchmark, back to 20 after',
    'Batch auf 500 für den Lasttest',
  ])('still a test scope: %s', (subject) => {
    expect(intentOf(subject).scope?.kind).toBe('test');
  });
});

describe('one reader dates a gate: the whole sentence, never a date it was written after', () => {
  it.each([
    ['staging first; production after the change freeze,\nwhich ends on 30 November', '2026-11-30'],
    ['new ranking in staging. prod follows after the audit — the audit closes 2026-09-15', '2026-09-15'],
    ['Neues Ranking in Staging. Produktion folgt nach dem Freeze, der am 30.11. endet', '2026-11-30'],
  ])('%s', (text, until) => {
    expect(intentOf(text).hold).toMatchObject({ envs: ['production'], follows: true, until });
  });

  it.each([
    'new ranking in staging; production follows after the review of 2026-05-02',
    'staging first, production after the incident review (INC-4410, 2026-06-01)',
  ])('no gate date from a day before it was written: %s', (text) => {
    expect(intentOf(text).hold?.until).toBeUndefined();
  });
});
