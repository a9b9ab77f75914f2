// Session 29 (sp26c): a decision to roll a change back, written in any language read, withdraws the
// plan to carry it further — as "roll back" does in English. And a document whose file name or title
// cites the change's ticket ("docs/reviews/ML-41-review.md", "# ML-41 review") is about the change in
// every passage, its decision list included, as documented.ts already reads such documents.
// Situations and phrasings of their own (none from a verdict story): Korean, German, Spanish,
// Italian, Dutch, Polish, Japanese, Chinese; negatives: the rollback negated, asked, set as a
// condition, or in a document about another ticket.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-01';
const KEY = 'ranker.model';
const steps: Step[] = [
  { subject: 'ranker values', date: '2026-06-01T10:00:00Z', set: { staging: ['', 'rank-v2'], production: ['', 'rank-v2'] } },
  { subject: 'rank-v3 on staging first, production after the review (ML-41)', date: '2026-10-01T10:00:00Z', set: { staging: ['rank-v2', 'rank-v3'] } },
  { subject: 'ML-41 review notes', date: '2026-11-02T10:00:00Z' },
];
const review = (decision: string, path = 'docs/reviews/ML-41-review.md', title = '# ML-41 ranker v3 review') =>
  judge(
    KEY,
    steps,
    TODAY,
    {},
    {
      documents: [{ path, text: `${title}\n\n## Results\n- clicks -3.1 % for new users\n\n## Decision\n${decision}\n- retry with v4\n`, step: 2 }],
    },
  );

describe('a rollback decided in another language withdraws the plan', () => {
  it.each([
    ['Korean', '- 롤백: 스테이징도 v2로 되돌림 (QA 때문에)'],
    ['German', '- Entscheidung: Staging zurück auf v2, v3 geht nicht in Produktion'],
    ['Spanish', '- Volvemos a v2 también en staging'],
    ['Italian', '- Decisione: tornare a v2 anche in staging'],
    ['Dutch', '- Besluit: staging terugdraaien naar v2'],
    ['Polish', '- Decyzja: wracamy do v2 także na stagingu'],
    ['Japanese', '- 決定: ステージングも v2 に戻します'],
    ['Chinese', '- 决定：预发环境也回滚到 v2'],
  ])('%s: staging goes back, as a question; production never takes the rejected value', (_lang, decision) => {
    const v = review(decision);
    expect(v.suggested === 'backfill' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'staging', 'rank-v2']);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it.each([
    ['negated', '- 롤백하지 않음, 스테이징은 v3 유지'],
    ['asked', '- czy wracamy do v2?'],
    ['a condition for later', '- Se falhar, voltar para v2'],
    ['negated, Chinese', '- 不回滚，预发保留 v3'],
  ])('%s: no rollback read', (_what, decision) => {
    const v = review(decision);
    expect(v.suggested === 'revert' && v.drifted === 'staging', v.reasons.join('\n')).toBe(false);
  });

  it('a document about another ticket that only mentions this one: its decision is not this change’s', () => {
    const v = judge(
      KEY,
      steps,
      TODAY,
      {},
      {
        documents: [
          {
            path: 'docs/reviews/ML-52-review.md',
            text: '# ML-52 search boost review\n\n## Context\n- follows the ML-41 evaluation\n\n## Decision\n- 롤백: 부스트 설정 되돌림\n',
            step: 2,
          },
        ],
      },
    );
    expect(v.suggested === 'revert' && v.drifted === 'staging', v.reasons.join('\n')).toBe(false);
  });
});
