// Session 34 (spent holdout-31, lane d): nothing is decided when the deciders say the choice waits —
// "we choose once the pool is measured", "after the fix we re-measure and decide whether prod can go
// back", an item their meeting put off to its next sitting or recorded as not dealt with. Whichever
// rule answered, the verdict is a question at ≤ 0.5 for them (left-open.ts), and a later record of the
// outcome still decides. A contract violation whose environments disagree is read the same way.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { leftOpenIn, undecidedIn } from '../../src/verdict/left-open.js';
import { repoFromScenario } from '../support/repo.js';

describe('undecidedIn: an item put off to the deciders’ next sitting', () => {
  it.each([
    ['Item 4, the pool size: not reached, carried to the next meeting.'],
    ['TOP 3 (Poolgröße): vertagt auf die nächste Sitzung.'],
    ['Point 2 – limite du pool : reporté à la prochaine réunion, faute de temps.'],
    ['La apelación no se trató, queda para la próxima reunión.'],
    ['Ricorso sul limite: rinviato alla prossima riunione.'],
    ['Bezwaar over de limiet: niet besproken, volgende keer.'],
    ['Överklagandet: inte diskuterat, tas upp på nästa möte.'],
    ['Recurso sobre o limite: adiado para a próxima reunião.'],
    ['Odwołanie w sprawie limitu: odłożone do następnego posiedzenia.'],
    ['Klagen over grænsen er udsat til næste møde.'],
    ['Contestația privind limita: amânată pentru ședința viitoare.'],
  ])('%s', (text) => {
    expect(undecidedIn(text)).toBeDefined();
  });

  it.each([
    ['The rollout was postponed to next week.'],
    ['Decided: keep 40. Next meeting on 12 May.'],
    ['The upgrade was not deferred to the next meeting: approved today.'],
    ['Discussed at length; the next meeting reviews the dashboards.'],
    ['Die Migration wurde verschoben, weil der Cluster voll war.'],
    ['Item deferred to the next meeting?'],
  ])('not: %s', (text) => {
    expect(undecidedIn(text)).toBeUndefined();
  });
});

describe('leftOpenIn: a choice its makers put after a measurement or a fix', () => {
  it.each([
    ['Once the salting ships we measure again and decide whether production can return to 4 GB.'],
    ['Nach dem Fix messen wir erneut und entscheiden, ob Prod auf 4 GB zurück kann.'],
    ['Après le correctif, on remesure et on décide si la prod peut revenir à 4 Go.'],
    ['Tras el arreglo medimos otra vez y decidimos si prod vuelve a 4 GB.'],
    ['Dopo la correzione misuriamo di nuovo e decidiamo se prod può tornare a 4 GB.'],
    ['Na de fix meten we opnieuw en beslissen we of prod terug kan naar 4 GB.'],
    ['Efter fixen mäter vi igen och beslutar om prod kan gå tillbaka till 4 GB.'],
    ['Po poprawce zmierzymy ponownie i zdecydujemy, czy prod wraca do 4 GB.'],
    ["We'll choose once the new node pool has been measured."],
    ['Vi väljer när plattformsteamet har mätt den nya nodpoolen.'],
    ['Vi velger når målingene er klare.'],
    ['Hotărâm după testul de încărcare.'],
    ['Wij kiezen na de meting van de nieuwe nodes.'],
  ])('%s', (text) => {
    expect(leftOpenIn(text)).toBeDefined();
  });

  it.each([
    ['The board met to decide whether prod keeps 8g and decided that it does.'],
    ['We decided at the review: keep 8g.'],
    ['Vi besluttede at beholde 8g efter målingen.'],
    ['You can choose when to run the backup.'],
    ['We chose after the load test: 5 workers.'],
    ['Teams pick when to deploy.'],
    ['Wir haben entschieden, ob Prod 8 GB behält: ja.'],
    ['You decide if you want verbose logs.'],
  ])('not: %s', (text) => {
    expect(leftOpenIn(text)).toBeUndefined();
  });
});

const CONFIG = 'environments:\n  dev: d.yaml\n  qa: q.yaml\n  prod: p.yaml\npromotion: [dev, qa, prod]\n';
const CONTRACT = 'expected_differences:\n  log_days:\n    prod: 90\n';

async function contractVerdict(later: Array<{ at: string; message: string; write: Record<string, string> }>) {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2027-01-10T10:00:00Z',
        author: 'ana',
        message: 'log config',
        write: {
          'undrift.yaml': CONFIG,
          'config/expected-env-diff.yaml': CONTRACT,
          'd.yaml': 'log_days: 30\n',
          'q.yaml': 'log_days: 30\n',
          'p.yaml': 'log_days: 90\n',
        },
      },
      {
        at: '2027-01-25T10:00:00Z',
        author: 'ana',
        message: 'OPS-7 outcome',
        write: { 'docs/rfc/OPS-7.md': '# OPS-7: non-production log retention\n\nStatus: Accepted.\n\nAll non-production environments keep 14 days of logs.\n' },
      },
      {
        at: '2027-02-01T10:00:00Z',
        author: 'ana',
        message: 'OPS-7: 14-day log retention below prod',
        write: { 'd.yaml': 'log_days: 14\n', 'q.yaml': 'log_days: 14\n' },
      },
      {
        at: '2027-03-01T10:00:00Z',
        author: 'ben',
        message: 'qa: log retention back to 30 while my objection to OPS-7 is heard',
        write: { 'q.yaml': 'log_days: 30\n' },
      },
      ...later.map((c) => ({ ...c, author: 'ben' })),
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today: '2027-06-01' });
  const d = scan.divergences.find((x) => x.key === 'log_days');
  expect(d, 'a divergence on log_days').toBeDefined();
  return d!.verdict!;
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;
const LEFT = /leaves the decision to someone else/;

describe('a contract violation whose environments disagree while the deciders put it off', () => {
  it('declares at ≤ 0.5 with the question', async () => {
    const v = await contractVerdict([
      {
        at: '2027-03-15T10:00:00Z',
        message: 'board minutes',
        write: { 'docs/board/2027-03-15.md': '# Board\n\n1. Objection to OPS-7 (qa log retention): vertagt auf die nächste Sitzung.\n' },
      },
    ]);
    expect(v, why(v)).toMatchObject({ suggested: 'declare', deliberate: null });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question ?? '', why(v)).toMatch(/nächste Sitzung/);
  });

  it('stands aside once a later record settles it', async () => {
    const v = await contractVerdict([
      {
        at: '2027-03-15T10:00:00Z',
        message: 'board minutes',
        write: { 'docs/board/2027-03-15.md': '# Board\n\n1. Objection to OPS-7 (qa log retention): deferred to the next meeting.\n' },
      },
      {
        at: '2027-04-15T10:00:00Z',
        message: 'board minutes',
        write: { 'docs/board/2027-04-15.md': '# Board\n\n1. Objection to OPS-7: rejected, qa goes back to 14 days.\n' },
      },
    ]);
    expect(why(v)).not.toMatch(LEFT);
  });

  it('is not read from minutes about something else', async () => {
    const v = await contractVerdict([
      {
        at: '2027-03-15T10:00:00Z',
        message: 'board minutes',
        write: { 'docs/board/2027-03-15.md': '# Board\n\n1. Service mesh pilot: deferred to the next meeting.\n' },
      },
    ]);
    expect(why(v)).not.toMatch(LEFT);
    // (Without the deferral the decision record answers, surer than a question: the case above is the rule's.)
    expect(v.confidence, why(v)).toBeGreaterThan(0.5);
  });
});
