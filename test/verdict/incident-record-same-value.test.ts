// Session 25 (spent holdout-22, 25): a later record of an incident (a post-mortem citing its ticket)
// that says the lagging environment is to hold the same value ("staging must carry the same timeout")
// sends the production fix there: backfill staging. Its words are a go, not a keep, even where the
// sentence goes on with another "keep" ("otherwise our load tests keep measuring …").
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

const CONFIG = 'environments:\n  staging: s.yaml\n  production: p.yaml\npromotion: [staging, production]\n';

async function verdictWith(record: string) {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-05-04T10:00:00Z',
        author: 'ana',
        message: 'gateway config',
        write: { 'undrift.yaml': CONFIG, 's.yaml': 'FETCH_TIMEOUT_MS: 1500\nPAGE: 20\n', 'p.yaml': 'FETCH_TIMEOUT_MS: 1500\nPAGE: 20\n' },
      },
      { at: '2026-10-29T02:40:00Z', author: 'ben', message: 'INC-880 fetch timeout up', set: { 'p.yaml': { FETCH_TIMEOUT_MS: '5000' } } },
      {
        at: '2026-11-12T16:00:00Z',
        author: 'ana',
        message: 'post-mortem INC-880',
        write: { 'docs/pm/INC-880.md': `# INC-880\n\nBen raised FETCH_TIMEOUT_MS to 5000 in production.\n\n## Follow-ups\n\n- ${record}\n` },
      },
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today: '2026-12-05' });
  const d = scan.divergences.find((x) => x.key === 'FETCH_TIMEOUT_MS');
  expect(d, 'a divergence on FETCH_TIMEOUT_MS').toBeDefined();
  return d!.verdict!;
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a post-mortem that gives the lagging environment the same value', () => {
  it.each([
    ['5000 stays. Staging must carry the same timeout, otherwise our tests keep measuring a setup we do not run.'],
    ['5000 bleibt. Staging muss denselben Timeout bekommen, sonst messen die Lasttests weiter etwas anderes.'],
    ['5000 blijft. Staging moet dezelfde waarde krijgen, anders blijven de loadtests iets anders meten.'],
    ['On garde 5000. La staging doit avoir la même valeur, sinon les tests de charge mesurent autre chose.'],
    ['5000 se queda. Staging debe tener el mismo timeout, si no las pruebas siguen midiendo otra cosa.'],
  ])('backfills staging with 5000: %s', async (record) => {
    const v = await verdictWith(record);
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '5000' });
    expect(v.reasons.join('\n'), why(v)).toContain('takes the value too');
  });

  it.each([
    ['Staging keeps 1500 on purpose: the chaos suite needs the short timeout.', 'declare'],
    ['Staging should have the same problem, we keep an eye on it.', undefined],
    ['Staging must not have the same timeout: it keeps 1500.', 'declare'],
  ])('negative: %s', async (record, suggested) => {
    const v = await verdictWith(record);
    expect(v.reasons.join('\n'), why(v)).not.toContain('takes the value too');
    if (suggested) expect(v, why(v)).toMatchObject({ suggested });
  });
});
