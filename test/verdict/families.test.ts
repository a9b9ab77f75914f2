// Every language the table reads has the same families: a gate another environment waits for
// ("erst wenn", "dopiero gdy", "solo cuando", "pas avant"), a go for an environment ("można … na
// prod", "Empfehlung: … auch in Prod", "Roll to prod"), a due date's lead ("spätestens", "a más
// tardar") and an undo ("wieder einschalten", "re-enable", "rétablir"). Phrasings of our own, in
// memory, in several languages per family, each with texts that must not read as it. Also: a
// clause's subject carries over to the pronoun of the next, and "Pending" as a state is no gate.
import { describe, expect, it } from 'vitest';
import { goFor, undoIn } from '../../src/verdict/conditions.js';
import { dueIn } from '../../src/verdict/gates.js';
import { readIntent, reportsDone } from '../../src/verdict/intent.js';
import { judge } from './memory-story.js';
import { aboutKey } from '../../src/verdict/intent-evidence.js';
import { prefilterParts, refusalSource } from '../../src/verdict/languages.js';

const ENVS = ['dev', 'staging', 'production'];
const intentOf = (text: string) => read(text, 'production');
const read = (text: string, env = 'staging') => {
  const [subject, ...body] = text.split('\n');
  return readIntent({ subject: subject!, body: body.join('\n'), author: 'Ana', email: 'ana@example.com', date: '2026-11-02T10:00:00Z' }, env, ENVS);
};

describe('another environment held until a gate, in every language read', () => {
  it.each([
    ['staging: Pool auf 40\nProduktion erst wenn der Lasttest grün ist.', 'der Lasttest grün ist'],
    ['staging: Pool auf 40\nProd erst nach der Abnahme durch das Fachteam.', 'der Abnahme durch das Fachteam'],
    ['staging: pula 40\nNa produkcji dopiero gdy klient potwierdzi wyniki.', 'klient potwierdzi wyniki'],
    ['staging: pula 40\nProd dopiero po akceptacji zespołu płatności.', 'akceptacji zespołu płatności'],
    ['staging: pool a 40\nEn producción solo cuando el equipo de pagos lo valide.', 'el equipo de pagos lo valide'],
    ['staging : pool à 40\nEn prod seulement quand la recette est signée.', 'la recette est signée'],
    ['staging : pool à 40\nOn ne passe pas avant la fin du gel en prod.', 'la fin du gel en prod'],
    ['staging: pool em 40\nProdução só quando o time de pagamentos aprovar.', 'o time de pagamentos aprovar'],
    ['staging: pool a 40\nIn produzione solo quando il collaudo è firmato.', 'il collaudo è firmato'],
    ['staging: pool naar 40\nProductie pas als de klant akkoord geeft.', 'de klant akkoord geeft'],
    ['staging: pool 40\nProduction not before the payment team has signed off.', 'the payment team has signed off'],
  ])('%s', (text, event) => {
    const hold = read(text).hold;
    expect(hold).toMatchObject({ envs: ['production'], follows: true });
    expect(hold?.event ?? '').toContain(event.split(' ').at(-1)!);
  });
  it.each([
    'staging: Pool auf 40\nProd bleibt bei 5, auch wenn es langsamer ist.',
    'staging: pula 40\nNa produkcji zostaje 5, bez zmian.',
    'staging : pool à 40\nEn prod on garde 5, même quand la charge monte.',
    'staging: pool 40\nProduction stays at 5 on purpose.',
  ])('a keep is no gate: %s', (text) => {
    expect(read(text).hold?.follows).not.toBe(true);
  });
  it.each(['staging: pula 40 tak jak na produkcji', 'staging: pool 40, como en producción'])('naming an environment to compare is no hold: %s', (text) => {
    expect(read(text).hold?.follows).not.toBe(true);
  });
});

describe("a clause's subject carries over to the pronoun of the next", () => {
  it.each([
    ['spread: DoNotSchedule in production\nStaging is single-zone, so it keeps ScheduleAnyway.', 'staging'],
    ['timeout: 30s in production\nStaging is shared with QA. It stays at 60s.', 'staging'],
    ['pool: 40 in production\nDev runs on one node, and it keeps 5 on purpose.', 'dev'],
  ])('%s', (text, env) => {
    expect(read(text, 'production').hold).toMatchObject({ envs: [env], follows: false });
  });
  it.each([
    'pool: 40 in production\nStaging is smaller and it needs the fix too',
    'spread: DoNotSchedule in production. It keeps ScheduleAnyway elsewhere? No idea.',
  ])('no subject to carry, or nothing said of it: %s', (text) => {
    expect(read(text, 'production').hold).toBeUndefined();
  });
  it('"Pending" as a state of pods is no gate: the clause keeps staging', () => {
    const hold = read(
      'spread: DoNotSchedule in production\nStaging is single-zone, so it keeps ScheduleAnyway (pods would stay Pending there).',
      'production',
    ).hold;
    expect(hold).toMatchObject({ envs: ['staging'], follows: false });
  });
  it.each(['staging: pool 40\nproduction pending sign-off from payments', 'staging: pool 40\nstaging done, production pending.'])(
    '"pending" with its gate, or as a step still to come, waits: %s',
    (text) => {
      expect(read(text).hold).toMatchObject({ envs: ['production'], follows: true });
    },
  );
});

describe('a go for an environment named in its sentence, in every language read', () => {
  it.each([
    'Wszyscy partnerzy podpisują już webhooki. Można włączać weryfikację także na produkcji.',
    'Ergebnis des Lasttests: stabil. Empfehlung: 64 auch in Prod.',
    'Die Werte sind gut, das darf jetzt in Produktion.',
    'Resultados correctos. Se puede activar en producción.',
    'Tout est vert, on peut activer en prod.',
    'Risultati ok, si può attivare in produzione.',
    'Alles groen, mag naar productie.',
    'Soak was clean. Roll to prod.',
    'Promote it to production.',
    'Recommendation: the same value in production too.',
  ])('%s', (text) => {
    expect(goFor(text, 'production')).toBeDefined();
  });
  it.each([
    'Nie można włączać tego na produkcji.',
    'Darf das in Prod? Unklar.',
    'Empfehlung: Prod bleibt bei 32.',
    'Se puede activar en producción cuando pagos lo valide.',
    'We rolled to prod last week.',
    'If the soak is clean, roll to prod.',
    'On ne peut pas activer en prod.',
  ])('not a go: %s', (text) => {
    expect(goFor(text, 'production')).toBeUndefined();
  });
});

describe('an undo said, in every language read', () => {
  it.each([
    'The fix is deployed; re-enable the recommendations in production.',
    'Remove the override so the repository value applies again.',
    'Rate-Limit war für den Test aus; bitte in staging wieder einschalten.',
    'Il faut rétablir la limite en recette.',
    'Hay que volver a activar el límite en staging.',
    'Limit trzeba włączyć ponownie na stagingu.',
    'Da riattivare il limite in staging.',
    'Zet de limiet weer aan: weer inschakelen op staging.',
  ])('%s', (text) => {
    expect(undoIn(text)).toBeDefined();
  });
  it.each([
    'Do not re-enable the old path.',
    'If it breaks, re-enable the old path.',
    'Nicht wieder einschalten, bevor der Fix live ist.',
    'Wenn der Test vorbei ist, wieder einschalten.',
    'Should we re-enable it?',
  ])('not an undo: %s', (text) => {
    expect(undoIn(text)).toBeUndefined();
  });
});

describe('a step due by a date, in every language read', () => {
  it.each([
    ['Production must be live before 2026-12-15', '2026-12-15'],
    ['Prod spätestens am 15.12. umstellen', '2026-12-15'],
    ['producción a más tardar el 15/12', '2026-12-15'],
    ['la prod au plus tard le 15/12', '2026-12-15'],
    ['produkcja najpóźniej do 15.12.', '2026-12-15'],
    ['productie uiterlijk 15-12', '2026-12-15'],
  ])('%s', (clause, date) => {
    expect(dueIn(clause, '2026-11-02T10:00:00Z')).toBe(date);
  });
  it.each(['production not before 2026-12-15', 'Prod nicht vor dem 15.12. umstellen', 'prod stays until 2026-12-15', 'the review before 2026-12-15 showed it'])(
    'not a due date: %s',
    (clause) => {
      expect(dueIn(clause, '2026-11-02T10:00:00Z')).toBeUndefined();
    },
  );
});

describe('a step due by a date is worded as the due step it is, not a wait after it', () => {
  const story = (subject: string) => [
    {
      subject: 'initial',
      date: '2026-10-01T10:00:00Z',
      set: { staging: ['', 'per_invoice'], production: ['', 'per_invoice'] } as Record<string, [string, string]>,
    },
    { subject, date: '2026-11-02T10:00:00Z', set: { staging: ['per_invoice', 'per_line'] } as Record<string, [string, string]> },
  ];
  it.each([
    'staging switched; switch production by 2026-12-15',
    'Staging umgestellt, Prod spätestens am 15.12. umstellen',
    'staging fait, la prod au plus tard le 15/12',
  ])('%s', (subject) => {
    const ahead = judge('tax.rounding', story(subject), '2026-11-20');
    const text = JSON.stringify(ahead);
    expect(text).toContain('due by 2026-12-15');
    expect(text).not.toContain('follow after 2026-12-15');
    const passed = JSON.stringify(judge('tax.rounding', story(subject), '2026-12-20'));
    expect(passed).toContain('due');
    expect(passed).not.toContain('follow after 2026-12-15');
  });
});

// Swedish "till" is "to", Danish and Norwegian "til" too: read as English "till" (until), "Höj poolen
// till 40" was a time limit. Since session 26 these languages are read in their own words: "till"
// and "til" bound nothing, while what the texts do say (staging follows after the test, "for nu",
// "kun production", "klart") is read as the Nordic readers read it.
describe('Nordic "till" and "til" are not English "till"', () => {
  it.each([
    'Höj poolen till 40 i production\nStaging får vänta till efter frysningen, det är inte bråttom.',
    'Ranker v3 till 50 % i production\n\nTestet är klart och vi går vidare, staging uppdateras senare.',
    'Sæt timeout til 30s i production\nStaging følger efter testen, for nu er det kun production.',
    'Sett cache til 30s i production\nStaging får det etter testen, vi venter til neste uke.',
  ])('%s', (text) => {
    const read = intentOf(text);
    expect(read.temporary?.until).toBeUndefined();
    expect(read.temporary?.phrase ?? '').not.toMatch(/^til/);
    expect(read.names).toContain('production');
  });
  it('what the Danish text says is read in Danish: staging follows after the test, production alone for now', () => {
    const read = intentOf('Sæt timeout til 30s i production\nStaging følger efter testen, for nu er det kun production.');
    expect(read.hold).toMatchObject({ envs: ['staging'], follows: true });
    expect(read.scope?.kind).toBe('env-only');
  });
  it.each(['Testet är klart och allt är godkänt för production.', 'Migreringen är klar, vi kan gå till production.'])(
    'the later-text readers read a Swedish report of done: %s',
    (text) => {
      expect(reportsDone(text)).toBeDefined();
    },
  );
  it('an English sentence beside one in Swedish is read', () => {
    expect(intentOf('Raise the pool to 40 in production until 2026-12-01.\nBara i production tills vidare.').temporary?.until).toBe('2026-12-01');
    expect(reportsDone('The migration is done for all of the tenants. Migreringen är klar och vi är nöjda med den.')).toBeDefined();
  });
});

describe('one commit, one intent per key: a sentence naming another key the commit changed is that key’s claim', () => {
  const scopeOf = (key: string, siblings: string[], subject: string, body: string) => {
    const text = aboutKey({ subject, body }, key, siblings);
    return readIntent({ ...text, author: 'Ana', email: 'ana@example.com', date: '2026-11-02T10:00:00Z' }, 'staging', ENVS).scope;
  };
  it.each([
    [
      ['http.client.maxRetries', 'cache.ttlSeconds'],
      'fix: retry the upstream on 502',
      'We gave up after the first 502. Also drops the cache TTL to 5s in staging only, for the load test next week.',
    ],
    [
      ['db.pool.maxSize', 'logging.level'],
      'Pool auf 40',
      'Der Pool war zu klein für den Nachtlauf. Zusätzlich Logging-Level auf debug, nur auf Staging (bleibt so).',
    ],
    [
      ['upstream.timeoutMs', 'chaos.injectLatencyMs'],
      'raise the upstream timeout to 8s',
      'The partner answers slowly during its batch.\nThe injected latency in front of the mock is a staging-only chaos setting and stays.',
    ],
  ])('%j', (keys, subject, body) => {
    const [fix, other] = keys as [string, string];
    expect(scopeOf(fix, keys, subject, body)).toBeUndefined();
    expect(scopeOf(other, keys, subject, body)).toBeDefined();
  });
  it.each([
    ['Both the pool size and the cache TTL are for the load test only.', 'db.pool.maxSize'],
    ['Staging only: this is for the load test.', 'cache.ttlSeconds'],
  ])('a sentence naming both keys, or none, speaks for every key: %s', (body, key) => {
    expect(scopeOf(key, ['db.pool.maxSize', 'cache.ttlSeconds'], 'pool and cache for staging', body)).toBeDefined();
  });
});

describe('every language of the table has every family', () => {
  it.each(Object.entries(prefilterParts.table()))('%s', (_lang, words) => {
    for (const family of ['gate', 'go', 'undo', 'due', 'refused', 'back', 'done', 'approved', 'only', 'test', 'temporary'] as const)
      expect(words[family].length, family).toBeGreaterThan(0);
  });
  it.each([
    ['Der alte Endpunkt ist seit dem 1.11. abgeschaltet.', 'abgeschaltet'],
    ['El host antiguo dejó de responder el 1/11.', 'dejó de responder'],
    ['Старый коллектор отключён с 01.11.', 'отключён'],
    ['Eski uç nokta artık çalışmıyor.', 'artık çalışmıyor'],
  ])('the refused family reads in every language: %s', (text, phrase) => {
    expect(new RegExp(refusalSource(), 'iu').exec(text)?.[0]).toBe(phrase);
  });
});
