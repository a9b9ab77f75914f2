// A hand-made object whose record gives it an end that has passed goes (spent holdout-28/09 and /35: a
// CronJob made by hand "for a week", its end a short sentence of its own — "to be deleted on <day>" —
// and a game-day CronJob whose runbook's last step deletes "the pod-killer"; both declared as if
// someone might need them). People name the object once and then give its end with the object left out
// (bare-removal.ts), or call it by its name less its leading words ("the traffic-gen"). A day still
// ahead, another object named beside it, an end moved since, or a removal denied or asked keep it a
// question. Own objects, days and phrasings.
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { bareRemoval } from '../../src/verdict/bare-removal.js';
import { madeByHandLive } from './log-builders.js';

const context = { promotion: ['test', 'live'], environments: ['test', 'live'], today: '2027-04-20' };
let n = 0;
const note = (date: string, subject = 'notes') => ({
  sha: (++n).toString(16).padStart(40, 'e'),
  parents: [],
  subject,
  body: '',
  author: 'Maja',
  email: 'm@x',
  date,
  committed: date,
});

const handMade = (key: string) => madeByHandLive(key, '2027-03-02T09:00:00Z');
/** The verdict with documents `docs` (path, text, written) in the log. */
const run = (key: string, docs: Array<[string, string, string]>) => {
  const notes = docs.map(([path, , at]) => ({ ...note(at, `docs: ${path}`), files: [path] }));
  return explain(
    handMade(key),
    {},
    {
      ...context,
      log: buildLog(
        new Map(),
        notes,
        docs.map(([path, text], i) => ({ path, text, sha: notes[i]!.sha })),
      ),
    },
  );
};
const passage = (end: string, lead = 'CronJob `search-reindex-tmp` made by hand in live, reindexes every night.') => `# Reindex\n\n${lead} ${end}\n`;

describe('a removal with its object left out, in a passage about one object', () => {
  it.each([
    ['en passive', 'To be deleted on 16 March.', undefined],
    ['en bare order', 'Delete on 16 March.', undefined],
    ['de', 'Wird am 16.03. gelöscht.', 'CronJob `search-reindex-tmp` von Hand in live angelegt, indiziert jede Nacht neu.'],
    ['fr', 'À supprimer le 16 mars.', 'CronJob `search-reindex-tmp` créé à la main en live, réindexe chaque nuit.'],
    ['es', 'Se borrará el 16 de marzo.', 'CronJob `search-reindex-tmp` creado a mano en live, reindexa cada noche.'],
    ['it', 'Da eliminare il 16 marzo.', 'CronJob `search-reindex-tmp` creato a mano in live, reindicizza ogni notte.'],
    ['nl', 'Wordt op 16 maart verwijderd.', 'CronJob `search-reindex-tmp` met de hand in live aangemaakt, herindexeert elke nacht.'],
    ['pl', 'Do usunięcia 16 marca.', 'CronJob `search-reindex-tmp` utworzony ręcznie w live, reindeksuje co noc.'],
    ['da, the day in bold', '**Skal slettes 16. marts.** Ikke i git.', 'CronJob `search-reindex-tmp` oprettet i hånden i live, reindekserer hver nat.'],
  ])('%s: past its day, the object goes (0.6)', (_, end, lead) => {
    const v = run('CronJob/search-reindex-tmp', [['docs/ops/reindex.md', passage(end, lead), '2027-03-02T10:00:00Z']]);
    expect([v.suggested, v.drifted, v.confidence], v.reasons.join('\n')).toEqual(['revert', 'live', 0.6]);
  });

  it.each([
    ['the day still ahead', 'To be deleted on 16 May.'],
    ['the removal denied', 'Not to be deleted on 16 March.'],
    ['the removal asked', 'To be deleted on 16 March?'],
    ['no day', 'To be deleted afterwards.'],
    ['a longer order with an object of its own', 'Delete the old index and the snapshot bucket on 16 March.'],
  ])('%s: still the question', (_, end) => {
    const v = run('CronJob/search-reindex-tmp', [['docs/ops/reindex.md', passage(end), '2027-03-02T10:00:00Z']]);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('another object named in the passage: the sentence may be about it', () => {
    const text = '# Reindex\n\nCronJob `search-reindex-tmp` runs before `search-compact-nightly`. To be deleted on 16 March.\n';
    const v = run('CronJob/search-reindex-tmp', [['docs/ops/reindex.md', text, '2027-03-02T10:00:00Z']]);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });

  it('an end moved since: a question again, not a removal', () => {
    const v = run('CronJob/search-reindex-tmp', [
      ['docs/ops/reindex.md', passage('To be deleted on 16 March.'), '2027-03-02T10:00:00Z'],
      ['docs/ops/reindex-update.md', 'search-reindex-tmp: extended to 30 April, the second shard is not done.\n', '2027-03-15T10:00:00Z'],
    ]);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe('bareRemoval reads the sentence alone', () => {
  it.each([
    ['sv', 'Tas bort den 16 mars.', 'Jobbet körs varje natt i två veckor. Tas bort den 16 mars.'],
    ['fi', 'Poistetaan 16.3.2027.', 'Ajo tehdään joka yö. Poistetaan 16.3.2027.'],
    ['en', 'Will be removed by 16 March.', 'Will be removed by 16 March.'],
  ])('%s', (_, sentence, whole) => {
    expect(bareRemoval(sentence, '2027-03-02T10:00:00Z', whole)?.until).toBe('2027-03-16');
  });

  it.each(['Was deleted on 16 March by mistake, re-created since.', 'Do not delete on 16 March.', 'Delete `other-job` on 16 March.', 'Removal planned.'])(
    'not: %s',
    (sentence) => {
      expect(bareRemoval(sentence, '2027-03-02T10:00:00Z')).toBeUndefined();
    },
  );
});

describe('an object called by its name less its leading words', () => {
  const runbook = (step: string) => `# Load test runbook\n\n1. Create the generator by hand: \`kubectl create cronjob loadtest-traffic-gen …\`\n2. ${step}\n`;
  it.each([
    'Delete the traffic-gen when the test ends.',
    'Tear down the traffic-gen after the run.',
    '- [ ] clean up the traffic-gen',
    'Remove traffic-gen and re-open the deploy window.',
  ])('%s: its maker planned to take it away (revert, 0.5)', (step) => {
    const v = run('CronJob/loadtest-traffic-gen', [['docs/loadtest/runbook.md', runbook(step), '2027-02-20T10:00:00Z']]);
    expect([v.suggested, v.drifted, v.confidence], v.reasons.join('\n')).toEqual(['revert', 'live', 0.5]);
  });

  it.each(['Do not delete the traffic-gen, the nightly check uses it.', 'Delete the traffic-gen-v2 when the test ends.'])('not: %s', (step) => {
    const v = run('CronJob/loadtest-traffic-gen', [['docs/loadtest/runbook.md', runbook(step), '2027-02-20T10:00:00Z']]);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });
});
