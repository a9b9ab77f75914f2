// A protection made by hand (a PodDisruptionBudget allowing no disruption) whose own record calls it
// temporary — the night's note ("… oprettet med kubectl. Midlertidig."), the change record's line leading
// into the command that made it ("Ideiglenes PDB kézzel:" above `kubectl create pdb …`) — ends with a plan
// to remove it written since it was made (objects.ts, madeTemporary), as one whose annotation says so does
// (spent holdout-35/22 and /43: both codified by default, where they block every node drain). The plan
// may be said in a language read, in a text whose title names the protection ("Den skal væk igen, når …").
// Without the record calling it temporary, or with a plan naming another object, it stays a question.
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { madeByHandLive } from './log-builders.js';

const context = { promotion: ['test', 'live'], environments: ['test', 'live'], today: '2027-05-20' };
let n = 0;
const commit = (date: string, subject: string, body = '') => ({
  sha: (++n).toString(16).padStart(40, 'a'),
  parents: [],
  subject,
  body,
  author: 'Ola',
  email: 'o@x',
  date,
  committed: date,
});
const KEY = 'PodDisruptionBudget/kasse-drain-guard';
const MADE = '2027-04-02T22:10:00Z';
/** The verdict with documents `docs` (path, text, written) and commit messages `messages` (subject, body, date) in the log. */
const run = (docs: Array<[string, string, string]>, messages: Array<[string, string, string]> = []) => {
  const written = docs.map(([path, , at]) => ({ ...commit(at, `docs: ${path}`), files: [path] }));
  const said = messages.map(([subject, body, at]) => commit(at, subject, body));
  return explain(
    madeByHandLive(KEY, MADE),
    {},
    {
      ...context,
      log: buildLog(
        new Map(),
        [...written, ...said].sort((a, b) => b.date.localeCompare(a.date)),
        docs.map(([path, text], i) => ({ path, text, sha: written[i]!.sha })),
      ),
    },
  );
};

describe('a hand-made protection its record calls temporary goes by the plan to remove it', () => {
  it.each<[string, Array<[string, string, string]>, Array<[string, string, string]>]>([
    [
      'English: a temporary guard, a later cleanup step naming it',
      [
        [
          'docs/changes/CHG-77.md',
          '# CHG-77 node pool upgrade\n\nTemporary guard for the checkout pods:\n\n    kubectl create pdb kasse-drain-guard --max-unavailable=0\n\n' +
            '## Close-out\n- [x] upgrade done\n- [ ] kubectl delete pdb kasse-drain-guard\n',
          '2027-04-06T10:00:00Z',
        ],
      ],
      [],
    ],
    [
      'German: the night note calls it temporary, a later note deletes it by name',
      [
        [
          'docs/bereitschaft/2027-04-02.md',
          '22:10 PDB kasse-drain-guard (maxUnavailable 0) von Hand angelegt. Vorübergehend.\n\nNach dem Upgrade: `kubectl delete pdb kasse-drain-guard`',
          '2027-04-03T08:00:00Z',
        ],
      ],
      [],
    ],
    [
      'Norwegian: the commit titled by it says it must go, the note calls it temporary',
      [['docs/vakt/2027-04-02.md', '22:10 PDB kasse-drain-guard opprettet med kubectl. Midlertidig.', '2027-04-03T08:00:00Z']],
      [['i natt: PDB kasse-drain-guard opprettet med kubectl', 'Den skal vekk igjen når kasse kjører med tre replicas.', '2027-04-03T08:00:00Z']],
    ],
  ])('%s', (_what, docs, messages) => {
    const v = run(docs, messages);
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['revert', 'live']);
    expect(v.reasons.join('\n')).toMatch(/temporary/);
  });
});

describe('what leaves a hand-made protection a question', () => {
  it('a record that does not call it temporary, with a removal step', () => {
    const v = run([
      [
        'docs/changes/CHG-77.md',
        '# CHG-77\n\nGuard for the checkout pods:\n\n    kubectl create pdb kasse-drain-guard --max-unavailable=0\n\n- [ ] kubectl delete pdb kasse-drain-guard\n',
        '2027-04-06T10:00:00Z',
      ],
    ]);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
  it('a temporary protection whose foreign removal names another object', () => {
    const v = run(
      [['docs/vakt/2027-04-02.md', '22:10 PDB kasse-drain-guard opprettet med kubectl. Midlertidig.', '2027-04-03T08:00:00Z']],
      [['i natt: PDB kasse-drain-guard opprettet med kubectl', 'Den gamle kasse-pdb-old skal vekk igjen.', '2027-04-03T08:00:00Z']],
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
  it('a temporary protection whose foreign removal is in a text not titled by it', () => {
    const v = run(
      [['docs/vakt/2027-04-02.md', '22:10 PDB kasse-drain-guard opprettet med kubectl. Midlertidig.', '2027-04-03T08:00:00Z']],
      [['nattens notater', 'PDB kasse-drain-guard ble laget i natt.\nDen skal vekk igjen.', '2027-04-03T08:00:00Z']],
    );
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
  it('a record that says to keep it', () => {
    const v = run([
      [
        'docs/vakt/2027-04-02.md',
        '22:10 PDB kasse-drain-guard made by hand, temporary at first. Do not remove it: it stays.\n\n- [ ] kubectl delete pdb kasse-drain-guard once reviewed',
        '2027-04-03T08:00:00Z',
      ],
    ]);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
});
