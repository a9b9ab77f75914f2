// Session 35 (spent holdout-32, lane d): a decision still owed by nobody in particular — "fine by me, but
// someone has to decide", "still to be decided", "jemand muss das entscheiden", "reste à trancher" — written
// after the change is the people involved saying that nobody has decided. A rule's own reading of the
// change (a bare contract violation reverted at 0.70) cannot be surer than that record: a declare ≤ 0.5
// asking who decides. A decision named as taken, or a question whether someone must decide, is not this.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { undecidedIn } from '../../src/verdict/left-open.js';
import { repoFromScenario } from '../support/repo.js';

describe('undecidedIn: a decision still owed, in the languages read', () => {
  it.each([
    ['OK with me, but somebody needs to decide.'],
    ['Someone still has to make the call on the instance size.'],
    ['Which option we take is still to be decided.'],
    ['The sizing has yet to be decided.'],
    ['Mir egal, aber jemand muss das entscheiden.'],
    ['Welche Variante es wird, muss noch entschieden werden.'],
    ["D'accord pour moi, mais quelqu'un doit trancher."],
    ['Le choix entre A et B reste à décider.'],
    ['Por mí bien, pero alguien tiene que decidirlo.'],
    ['Queda por decidir entre la opción A y la B.'],
    ['Per me va bene, ma qualcuno deve decidere.'],
    ['Prima, maar iemand moet het beslissen.'],
    ['Det återstår att besluta vilken variant vi tar.'],
    ['Por mim tudo bem, mas alguém tem que decidir.'],
  ])('%s', (text) => {
    expect(undecidedIn(text)).toBeDefined();
  });

  it.each([
    ['Someone has decided: option B.'],
    ['Does someone have to decide this?'],
    ['Nobody has to decide anything: the contract covers it.'],
    ['We decided: prod gets the 2xlarge.'],
    ['Jemand hat entschieden: zurück auf xlarge.'],
    ["Quelqu'un a tranché : on garde B."],
    ['Alguien decidió volver a la opción B.'],
    ['The decided value stays.'],
  ])('not: %s', (text) => {
    expect(undecidedIn(text)).toBeUndefined();
  });
});

const CONFIG = 'environments:\n  staging: s.yaml\n  production: p.yaml\npromotion: [staging, production]\n';
const CONTRACT = 'expected_differences:\n  db_class:\n    staging: db.m6g.large\n    production: db.m6g.xlarge\n    reason: sized per environment\n';

/** Production's class changed outside the contract, with a text that waits for a purchase, then a ticket export. */
async function raised(ticket: string) {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2027-03-01T10:00:00Z',
        author: 'ben',
        message: 'database sizes',
        write: {
          'undrift.yaml': CONFIG,
          'config/expected-env-diff.yaml': CONTRACT,
          's.yaml': 'db_class: db.m6g.large\n',
          'p.yaml': 'db_class: db.m6g.xlarge\n',
        },
      },
      {
        at: '2027-09-02T10:00:00Z',
        author: 'ben',
        message: 'production: db_class db.m6g.4xlarge for the winter (PUR-77)\n\nNot to be applied until the purchase PUR-77 goes through.',
        write: { 'p.yaml': 'db_class: db.m6g.4xlarge\n' },
      },
      { at: '2027-09-20T10:00:00Z', author: 'ben', message: 'PUR-77 export', write: { 'docs/tickets/PUR-77.md': `# PUR-77 — db.m6g.4xlarge\n\n${ticket}\n` } },
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today: '2027-10-01' });
  const d = scan.divergences.find((x) => x.key === 'db_class' && x.kind === 'contract-violation');
  expect(d, 'a contract violation on db_class').toBeDefined();
  return d!.verdict!;
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a contract violation whose later ticket says the decision is still owed', () => {
  it.each([
    ['**Ops, 10 Sep:** the replica would be cheaper.\n**Ben, 12 Sep:** fine, but somebody needs to decide which one.', /somebody needs to decide/],
    ['**Ops, 10.9.:** Replikat wäre billiger.\n**Ben, 12.9.:** Von mir aus, aber jemand muss das entscheiden.', /jemand muss/],
    ['**Ops, 10/09 :** le réplica coûte moins.\n**Ben, 12/09 :** le choix reste à trancher.', /reste à trancher/],
  ])('declares at ≤ 0.5 and asks: %s', async (ticket, said) => {
    const v = await raised(ticket);
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question ?? '', why(v)).toMatch(said);
  });

  it('still reverts it when the ticket records the decision', async () => {
    const v = await raised(
      '**Ops, 10 Sep:** the replica would be cheaper.\n**Ben, 12 Sep:** decided with finance: we go with the replica, production stays xlarge.',
    );
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
});
