// Session 29 (spent holdout-26): a change called temporary until a review, an opinion or a decision
// ("temporary, pending the legal opinion") whose answer, written later, makes it the setting ("must be
// maintained; this is no longer a temporary measure") is a difference decided, not a hack past its
// end: declared, never undone by its age. Phrasings and languages of our own, none a story's.
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { statusOf } from '../../src/verdict/answered.js';
import { madePermanent } from '../../src/verdict/made-permanent.js';
import { documentCommit, explainCrossEnv, messagesBy } from './log-builders.js';

describe('a later sentence that makes the measure the setting', () => {
  it.each([
    ['en', 'Having reviewed it, the stricter mode is no longer a temporary measure.'],
    ['en, a decision', 'Decision: the stricter mode must be kept in that region.'],
    ['de', 'Die strengere Einstellung ist nicht mehr vorübergehend.'],
    ['de, a decision', 'Ergebnis: Die Einstellung muss beibehalten werden.'],
    ['fr', 'La valeur devient définitive pour cette région.'],
    ['es', 'Conclusión: ya no es una medida temporal.'],
    ['pt', 'A configuração deve ser mantida nessa região.'],
    ['it', 'La modalità non è più provvisoria.'],
    ['nl', 'Het verschil is niet langer tijdelijk.'],
    ['sv', 'Inställningen ska behållas.'],
    ['da', 'Indstillingen er ikke længere midlertidig.'],
    ['pl', 'Ustawienie należy utrzymać w tym regionie.'],
  ])('%s', (_lang, sentence) => {
    expect(madePermanent(sentence)).toBeTruthy();
    expect(statusOf(sentence, '2027-02-01T10:00:00Z')?.says).toBe('kept');
  });
});

describe('near misses: a keep with an end, negated, asked, or set as a condition', () => {
  it.each([
    ['a keep until an event', 'Keep it until the migration is done.'],
    ['a keep for now (de)', 'Die Einstellung wird vorerst beibehalten.'],
    ['a keep for now (es)', 'Por ahora debe mantenerse así.'],
    ['negated', 'This is not permanent.'],
    ['negated (fr)', "La mesure n'est pas définitive."],
    ['still temporary', 'The mode stays temporary until the review.'],
    ['no longer needed is an end, not a keep', 'The workaround is no longer needed.'],
  ])('%s', (_what, sentence) => {
    expect(madePermanent(sentence)).toBeUndefined();
  });
  it.each([
    ['asked', 'Is the stricter mode permanent now?'],
    ['conditional', 'If it must be kept, we write an ADR.'],
  ])('%s: no answer', (_what, sentence) => {
    expect(statusOf(sentence, '2027-02-01T10:00:00Z')?.says).not.toBe('kept');
  });
});

describe('a temporary change whose awaited answer keeps it is declared, not undone by its age', () => {
  const KEY = 'PRIVACY_MODE';
  const ines = messagesBy('Inês Duarte', 'i@x', 'a');
  const judge = (doc: string | undefined) => {
    const created = ines('2026-06-01T09:00:00Z', 'deploy files per region');
    const temp = ines('2026-06-10T09:00:00Z', 'eu: strict privacy mode', 'Temporary, pending the DPO review (PRIV-12).');
    const stamp = (events: HistoryEvent[]) => events.map((e) => ({ ...e, order: [temp.sha, created.sha].indexOf(e.commit) }));
    const history: Record<string, HistoryEvent[]> = {
      eu: stamp([
        eventOf(temp, 'deploy/eu.env', 'lax', 'strict', { merge: false, revert: false }),
        eventOf(created, 'deploy/eu.env', null, 'lax', { merge: false, revert: false }),
      ]),
      us: stamp([eventOf(created, 'deploy/us.env', null, 'lax', { merge: false, revert: false })]),
    };
    const messages = [temp, created];
    const docs = doc ? [{ path: 'docs/privacy/priv-12-review.md', sha: 'd'.repeat(40), text: doc }] : [];
    return explainCrossEnv({
      key: KEY,
      history,
      messages: doc ? [documentCommit('d', '2026-11-20T10:00:00Z', 'PRIV-12 review', ['docs/privacy/priv-12-review.md']), ...messages] : messages,
      values: { eu: 'strict', us: 'lax' },
      type: 'string',
      today: '2027-01-15',
      documents: docs,
    });
  };

  it.each([
    ['en', '# PRIV-12 review\n\nThe strict mode in eu is required by the regulation. It is no longer a temporary measure.\n'],
    ['de', '# PRIV-12 Prüfung\n\nDer strikte Modus in eu muss beibehalten werden.\n'],
    ['es', '# Revisión PRIV-12\n\nEl modo estricto en eu ya no es una medida temporal.\n'],
    ['nl', '# PRIV-12 beoordeling\n\nDe strikte modus in eu is niet langer tijdelijk.\n'],
  ])('%s', (_lang, doc) => {
    const v = judge(doc);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'eu' });
    expect(v.reasons.join('\n')).toMatch(/made eu's temporary value its own/);
  });

  it('no answer yet: the age default stands (a question, undone)', () => {
    const v = judge(undefined);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'eu' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('an answer that ends it: undone', () => {
    const v = judge('# PRIV-12 review\n\nReview done, ticket closed: the temporary strict mode can go.\n');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'eu' });
  });

  it('an answer that keeps it only for a while is no permanence', () => {
    const v = judge('# PRIV-12 review\n\nThe strict mode in eu must be kept until the vendor ships consent logging.\n');
    expect(v.reasons.join('\n')).not.toMatch(/temporary value its own/);
  });
});
