// Session 32 (spent holdout-29, lane e): the people who had to decide wrote down that they did not —
// the decision adjourned or postponed, "not decided whether it goes back" — after the change, with
// whatever a rule would read (an end date passed, a fix announced) already before them. Their record
// outweighs a rule's own reading of that evidence: a declare ≤ 0.5 asking them, never a confident move.
// And a request to bring a value to production closed unmerged names what production was not given,
// never production's own; "let's talk at the sync" hands the decision to that meeting.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { closedRequest } from '../../src/verdict/closed-request.js';
import { leftOpenIn, undecidedIn } from '../../src/verdict/left-open.js';
import { repoFromScenario } from '../support/repo.js';

describe('undecidedIn: the decision recorded as not taken, in the languages read', () => {
  it.each([
    ['Decision postponed until we have two weeks of numbers.'],
    ['We have not decided yet whether staging keeps it.'],
    ['Still undecided: the team is split.'],
    ['No decision was taken on the pool size.'],
    ['Wir haben noch nicht entschieden, ob Prod zurückgeht.'],
    ['Die Entscheidung wurde verschoben.'],
    ['La décision est reportée à une date ultérieure.'],
    ["Nous n'avons pas encore décidé si la prod revient à 5."],
    ['Todavía no se ha decidido si vuelve a 300.'],
    ['La decisión queda aplazada hasta septiembre.'],
    ['La decisione è stata rinviata.'],
    ['Non abbiamo ancora deciso se tornare a 5.'],
    ['Het besluit is uitgesteld tot na de zomer.'],
    ['A decisão foi adiada.'],
    ['Beslutet bordlades.'],
    ['Beslutningen blev udsat.'],
    ['Decyzja odłożona do czasu pomiarów.'],
    ['Päätös lykättiin syksyyn.'],
    ['The decision on the pool size was postponed.'],
    ['Die Entscheidung über den Timeout wurde vertagt.'],
  ])('%s', (text) => {
    expect(undecidedIn(text)).toBeDefined();
  });

  it.each([
    ['We decided not to postpone: production goes back to 200.'],
    ['The decision was not postponed; revert on Monday.'],
    ['Entscheidung: zurück auf 200.'],
    ['It was not decided lightly.'],
    ['Decided at the review: production keeps 40.'],
    ['La décision a été prise : on garde 8 s.'],
    ['Hemos decidido volver a 300.'],
    ['Decisione presa: si torna a 5.'],
    ['No decision needed here.'],
    ['Have we decided whether it goes back?'],
    ['Het besluit is genomen: terug naar 5.'],
    ['The decision to roll back was not postponed.'],
    ['Decision revert, deploy postponed to Monday.'],
    ["La décision de revenir à 5 n'est pas reportée."],
  ])('not: %s', (text) => {
    expect(undecidedIn(text)).toBeUndefined();
  });
});

describe('leftOpenIn: the decision handed to a meeting as an invitation', () => {
  it.each([
    ["Let's talk about it at Thursday's ops review."],
    ["Let's discuss this during the capacity review."],
    ['Lass uns das im Jour fixe besprechen.'],
    ['On en parle au comité jeudi.'],
    ['Lo hablamos en la reunión del lunes.'],
    ['Ne parliamo alla riunione di giovedì.'],
    ['Laten we het bespreken in het overleg.'],
    ['Vi tar upp det på måndagsmötet.'],
  ])('%s', (text) => {
    expect(leftOpenIn(text)).toBeDefined();
  });

  it.each([
    ['We talked at the sync and agreed: prod stays on 8.'],
    ["Let's talk!"],
    ['Wir haben das im Jour fixe besprochen: zurück auf 5.'],
    ['On en a parlé au comité : on garde 8 s.'],
    ['Lo hablamos ayer y volvemos a 300.'],
  ])('not: %s', (text) => {
    expect(leftOpenIn(text)).toBeUndefined();
  });
});

describe('closedRequest: a request closed unmerged', () => {
  it.each([
    ['PR #44 for production was closed without merging.'],
    ['Der MR für prod wurde abgelehnt.'],
    ['La demande de fusion pour la prod a été refusée.'],
    ['La PR de producción se cerró sin merge.'],
    ['De PR voor productie is gesloten.'],
    ['The pull request bumping prod to 2.4 was declined by the platform team.'],
    ['A PR de produção foi fechada.'],
  ])('%s', (text) => {
    expect(closedRequest(text)).toBe(true);
  });

  it.each([
    ['The merged PR closed the gap in production.'],
    ['Port 8080 is closed in production.'],
    ['Mr. Smith closed the ticket.'],
    ['PR #44 merged into production.'],
    ['The incident was closed on Monday.'],
  ])('not: %s', (text) => {
    expect(closedRequest(text)).toBe(false);
  });
});

const CONFIG = 'environments:\n  staging: s.yaml\n  production: p.yaml\npromotion: [staging, production]\n';

async function verdictFor(key: string, commits: Array<{ at: string; message: string; write: Record<string, string> }>, today: string) {
  const repo = await repoFromScenario({ commits: commits.map((c) => ({ ...c, author: 'ben' })) });
  const scan = await scanRepository({ repo, historyCache: false, today });
  const d = scan.divergences.find((x) => x.key === key);
  expect(d, `a divergence on ${key}`).toBeDefined();
  return d!.verdict!;
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

/** A production value raised for a window that ended, then a later note on it. */
const temporary = (note: string) =>
  verdictFor(
    'worker_pool',
    [
      {
        at: '2027-01-10T10:00:00Z',
        message: 'worker config',
        write: { 'undrift.yaml': CONFIG, 's.yaml': 'worker_pool: 200\n', 'p.yaml': 'worker_pool: 200\n' },
      },
      {
        at: '2027-02-01T10:00:00Z',
        message: 'production: worker pool 800 for the import backlog, temporary until 2027-03-31',
        write: { 'p.yaml': 'worker_pool: 800\n' },
      },
      { at: '2027-04-20T10:00:00Z', message: 'pool review', write: { 'docs/ops/worker-pool.md': `# Worker pool (800 vs 200)\n\n${note}\n` } },
    ],
    '2027-05-15',
  );

describe('a temporary change past its end, and a later record that the deciders did not decide', () => {
  it.each([
    ['The import backlog is gone. Whether production goes back to 200: decision postponed, nobody owns it yet.', /decision postponed/],
    ['Der Rückstand ist abgebaut. Ob Prod auf 200 zurückgeht, haben wir noch nicht entschieden.', /noch nicht entschieden/],
    ["L'arriéré est résorbé. La décision de revenir à 200 est reportée.", /reportée/],
    ['El atasco ya pasó. Aún no hemos decidido si producción vuelve a 200 o sigue en 800.', /decidido/],
  ])('declares at ≤ 0.5 and asks: %s', async (note, said) => {
    const v = await temporary(note);
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question ?? '', why(v)).toMatch(said);
  });

  it('still moves it when the later record decides', async () => {
    const v = await temporary('The import backlog is gone. Decided at the review: production goes back to 200.');
    expect(v.suggested, why(v)).not.toBe('declare');
  });

  it('still moves it when the undecided note is about something else', async () => {
    const v = await verdictFor(
      'worker_pool',
      [
        {
          at: '2027-01-10T10:00:00Z',
          message: 'worker config',
          write: { 'undrift.yaml': CONFIG, 's.yaml': 'worker_pool: 200\n', 'p.yaml': 'worker_pool: 200\n' },
        },
        {
          at: '2027-02-01T10:00:00Z',
          message: 'production: worker pool 800 for the import backlog, temporary until 2027-03-31',
          write: { 'p.yaml': 'worker_pool: 800\n' },
        },
        { at: '2027-04-20T10:00:00Z', message: 'brand notes', write: { 'docs/brand.md': '# Brand\n\nThe new logo: decision postponed to the autumn.\n' } },
      ],
      '2027-05-15',
    );
    expect(v.suggested, why(v)).not.toBe('declare');
  });
});

const CHART = 'environments:\n  dev: d.yaml\n  prod: p.yaml\npromotion: [dev, prod]\n';
/** A bot's version bump merged for the lower environment, and a note about production's request. */
const bumped = (note: string) =>
  verdictFor(
    'proxy.image.tag',
    [
      {
        at: '2027-06-01T10:00:00Z',
        message: 'proxy chart',
        write: { 'undrift.yaml': CHART, 'd.yaml': 'proxy:\n  image:\n    tag: v3.4.0\n', 'p.yaml': 'proxy:\n  image:\n    tag: v3.4.0\n' },
      },
      {
        at: '2027-09-01T06:00:00Z',
        message: 'chore(deps): update proxy image to v3.5.1 (d.yaml) (#301)',
        write: { 'd.yaml': 'proxy:\n  image:\n    tag: v3.5.1\n' },
      },
      { at: '2027-09-10T10:00:00Z', message: 'ops notes', write: { 'docs/ops/notes.md': `# Ops notes\n\n${note}\n` } },
    ],
    '2027-10-01',
  );

describe("a version bump for the lower environment, and production's request closed", () => {
  it.each([
    ["The PR for prod (v3.5.1) was closed: not now, let's talk about it at the ops review."],
    ['Der MR für prod (v3.5.1) wurde geschlossen, lass uns das im Jour fixe besprechen.'],
    ["La PR pour la prod (v3.5.1) a été fermée : on en parle au comité d'exploitation."],
  ])('declares at ≤ 0.5: %s', async (note) => {
    const v = await bumped(note);
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(why(v)).not.toMatch(/as production's own/);
  });
});
