// Session 29 (sp26c): a go/no-go written as a decision's line, the environment before the word —
// "Decision: us go", "Entscheidung: Prod go", "Décision : prod GO", "Decyzja: prod – go", a checklist's
// "prod: GO" — is a go for that environment, as "go for prod" is: a readout that meets a rollout's gate
// and says so lets the next environment follow. Phrasings of their own (none from a verdict story);
// negatives: no-go, asked, negated, a go with a condition still ahead, "go back", a bare "prod go" in prose.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { goFor } from '../../src/verdict/conditions.js';

describe('a go decided on its own line', () => {
  it.each([
    ['Decision: prod go.', 'prod'],
    ['Outcome: production — go', 'production'],
    ['Entscheidung: Prod go (Lena, 3.3.)', 'prod'],
    ['Décision : prod GO', 'prod'],
    ['Decisión: producción go', 'producción'],
    ['Besluit: productie go', 'productie'],
    ['Decyzja: prod – go', 'prod'],
    ['Päätös: prod go', 'prod'],
    ['Beslut: prod go', 'prod'],
    ['- prod: GO', 'prod'],
    ['Go/No-Go: prod go', 'prod'],
  ])('%s', (text, env) => {
    expect(goFor(text, env)).toBeDefined();
  });

  it.each([
    ['Decision: prod no-go.', 'prod'],
    ['Decision: prod go?', 'prod'],
    ['Decision: no prod go yet.', 'prod'],
    ['Decision: prod go once the audit is signed', 'prod'],
    ['Decision: prod go back to the old pool', 'prod'],
    ['prod go through QA first', 'prod'],
    ['Decision: staging go', 'prod'],
    ['Decision: prod go-live planned for Q3', 'prod'],
  ])('not a go: %s', (text, env) => {
    expect(goFor(text, env)).toBeUndefined();
  });
});

describe('a readout that meets the rollout gate and decides the go', () => {
  const TODAY = '2026-12-01';
  const KEY = 'features.fastCheckout';
  const steps: Step[] = [
    { subject: 'checkout values per region', date: '2026-06-01T10:00:00Z', set: { eu: ['', 'false'], us: ['', 'false'] } },
    {
      subject: 'eu: enable fast checkout (PAY-310 phase 1)',
      body: 'us follows when the eu criterion in PAY-310 is met.',
      date: '2026-10-01T10:00:00Z',
      set: { eu: ['false', 'true'] },
    },
    { subject: 'fast checkout eu readout', date: '2026-10-20T10:00:00Z' },
  ];
  const readout = (decision: string) =>
    judge(
      KEY,
      steps,
      TODAY,
      {},
      {
        envs: ['eu', 'us'],
        documents: [
          {
            path: 'docs/rollout/fast-checkout-eu.md',
            text: `# Fast checkout eu readout\n\n- errors 0.01%\n\nCriterion of PAY-310: met.\n${decision}\n`,
            step: 2,
          },
        ],
      },
    );

  it.each(['Decision: us go. — Ana', 'Entscheidung: us go.', 'Décision : us GO', '- us: GO'])('%s: us takes the value', (decision) => {
    const v = readout(decision);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'us', 'true']);
  });

  it.each(['Decision: us no-go.', 'Decision: us go?', 'Decision: us go once legal signs off'])('%s: no backfill with confidence', (decision) => {
    const v = readout(decision);
    expect(v.suggested === 'backfill' && v.drifted === 'us' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});
