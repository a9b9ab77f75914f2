// Session 25 (spent holdout-22, 11): a step back in one environment whose own text makes the return
// wait for a decision someone is still to take ("re-apply in prod only after the DBA review (DBA-301)
// decides how") is a question to them (≤ 0.5, naming who decides), not a confident keep of the older version.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

const CONFIG = 'environments:\n  staging: s.yaml\n  production: p.yaml\npromotion: [staging, production]\n';
const OLD = 'v2026.10.01-0900';
const NEW = 'v2026.11.02-0930';

async function verdictAfter(
  rollback: string,
  later: Array<{ at: string; author: string; message: string; write?: Record<string, string>; set?: Record<string, Record<string, string>> }> = [],
) {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-08-01T10:00:00Z',
        author: 'ana',
        message: 'schema config',
        write: {
          'undrift.yaml': CONFIG,
          's.yaml': `schema_version: ${OLD}\nlock_timeout_ms: 3000\n`,
          'p.yaml': `schema_version: ${OLD}\nlock_timeout_ms: 3000\n`,
        },
      },
      {
        at: '2026-11-03T10:00:00Z',
        author: 'ana',
        message: 'schema: new index (staging, production)',
        set: { 's.yaml': { schema_version: NEW }, 'p.yaml': { schema_version: NEW } },
      },
      { at: '2026-11-04T02:00:00Z', author: 'ben', message: rollback, set: { 'p.yaml': { schema_version: OLD } } },
      ...later,
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today: '2026-12-05' });
  const d = scan.divergences.find((x) => x.key === 'schema_version');
  expect(d, 'a divergence on schema_version').toBeDefined();
  return d!.verdict!;
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a rollback whose return waits for a decision not recorded', () => {
  it.each([
    ['prod: roll schema back (INC-77)\n\nLocks too long. Re-apply in production only after the DBA review (DBA-12) decides how.', /DBA review \(DBA-12\)/],
    [
      'Prod: Schema zurück (INC-77)\n\nZu lange Locks. Wieder in Prod erst, wenn das Plattform-Board entschieden hat, ob online oder im Wartungsfenster.',
      /das Plattform-Board/,
    ],
    ['prod: schema terug (INC-77)\n\nTe lange locks. Pas weer naar productie nadat de DBA-review (DBA-12) heeft besloten hoe.', /DBA-review \(DBA-12\)/],
    ['prod: revertir esquema (INC-77)\n\nBloqueos largos. Vuelve a producción cuando el equipo de datos decida cómo.', /el equipo de datos/],
    ['本番: スキーマを戻す (INC-77)\n\nロックが長すぎた。本番への再適用はアーキテクチャ会議 (ARCH-5) で方法を決めてから。', /ARCH-5/],
  ])('declares at ≤ 0.5 and asks who decides: %s', async (message, owner) => {
    const v = await verdictAfter(message);
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question ?? '', why(v)).toMatch(owner);
  });

  it('negative: a later text citing the review leaves the rollback as it was read before', async () => {
    const v = await verdictAfter('prod: roll schema back (INC-77)\n\nRe-apply in production only after the DBA review (DBA-12) decides how.', [
      { at: '2026-11-20T10:00:00Z', author: 'ana', message: 'DBA-12: notes', write: { 'docs/dba-12.md': '# DBA-12\n\nUse CREATE INDEX CONCURRENTLY.\n' } },
    ]);
    expect(v.reasons.join('\n'), why(v)).not.toMatch(/wait for a decision/);
  });

  it.each([
    ['prod: roll schema back (INC-77)\n\nThe DBA review (DBA-12) decided to keep production on the old schema.'],
    ['prod: roll schema back (INC-77)\n\nRe-apply in production next week.'],
    ['prod: roll schema back (INC-77)\n\nShould production get it back once the DBA review decides?'],
  ])('negative: no decision waited for: %s', async (message) => {
    const v = await verdictAfter(message);
    expect(v.reasons.join('\n'), why(v)).not.toMatch(/wait for a decision/);
  });
});
