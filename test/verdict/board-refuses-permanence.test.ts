// Session 32 (spent holdout-29, lane sp29c): a change board or a review that answers a stop-gap "not
// approved as a permanent change" names the permanence to deny it — the word "permanent" alone was read
// as the board keeping the very value it refused (a confident declare of a security check left off). A
// permanence a refusal withholds is none: the refusal calls the stop-gap off, and where the same record
// dates the undo ("restore it by 17 May") and the day has passed, the stop-gap goes back explicitly.
// Phrasings and languages of our own, none a story's; negatives: approved as permanent, a negation that
// governs another verb, "no" as an English determiner, a date with no undo, an undo day still ahead.
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { statusOf } from '../../src/verdict/answered.js';
import { madePermanent, permanenceRefused } from '../../src/verdict/made-permanent.js';
import { saysApart } from '../../src/verdict/later.js';
import { undoDue } from '../../src/verdict/refusal-due.js';
import { documentCommit, explainCrossEnv, messagesBy } from './log-builders.js';

const WRITTEN = '2026-03-10T10:00:00Z';

describe('a permanence a refusal withholds is none', () => {
  it.each([
    ['en', 'Decision: not approved as a permanent change.'],
    ['en, refused', 'The board rejected it as a permanent solution.'],
    ['de', 'Beschluss: nicht als permanent genehmigt.'],
    ['fr', 'Décision : pas validé comme changement définitif.'],
    ['it', 'Decisione: non approvato come modifica permanente.'],
    ['pt', 'Decisão: não aprovado como mudança permanente.'],
    ['sv', 'Beslut: inte godkänd som permanent ändring.'],
    ['pl', 'Decyzja: nie zatwierdzono jako zmiany na stałe.'],
    ['es, refused', 'Resolución: se rechaza como solución definitiva.'],
  ])('%s: refused, never kept', (_lang, sentence) => {
    expect(permanenceRefused(sentence)).toBeTruthy();
    expect(madePermanent(sentence)).toBeUndefined();
    expect(statusOf(sentence, WRITTEN)?.says).toBe('refused');
    expect(saysApart(sentence, 'SIGNATURE_CHECK', 'prod')).toBeUndefined();
  });

  it.each([
    ['approved as permanent', 'Approved as a permanent change.'],
    ['approved as permanent (es)', 'Aprobado como cambio permanente.'],
    ['"no" as a determiner', 'With no objections, approved as a permanent change.'],
    ['a negation governing another verb', 'We did not wait and approved it as permanent.'],
    ['a negation in another clause', 'It is not temporary: approved as permanent.'],
  ])('%s: a keep, not a refusal', (_what, sentence) => {
    expect(permanenceRefused(sentence)).toBeUndefined();
    expect(madePermanent(sentence)).toBeTruthy();
    expect(statusOf(sentence, WRITTEN)?.says).toBe('kept');
  });
});

describe('the day a refusal gives for undoing it', () => {
  it.each([
    ['en', ['Not approved as permanent.', 'Restore the check in prod by 2026-03-20.']],
    ['en, re-enable', ['Rejected as a permanent change.', 'Re-enable validation no later than 20 March 2026.']],
    ['de', ['Nicht als permanent genehmigt.', 'Spätestens am 20.03.2026 wiederherstellen.']],
    ['fr', ['Refusé comme changement définitif.', 'Rétablir la vérification au plus tard le 20/03/2026.']],
    ['it', ['Non approvato come modifica permanente.', 'Ripristinare il controllo entro il 20/03/2026.']],
  ])('%s', (_lang, sentences) => {
    expect(undoDue(sentences, WRITTEN)).toBe('2026-03-20');
  });

  it.each([
    ['a date with no undo', ['Not approved as permanent.', 'Re-submit the request by 2026-03-20.']],
    ['an undo with no date', ['Not approved as permanent.', 'Restore the check in prod.']],
    ['an undo asked about', ['Not approved as permanent.', 'Restore the check by 2026-03-20?']],
  ])('%s: none', (_what, sentences) => {
    expect(undoDue(sentences, WRITTEN)).toBeUndefined();
  });
});

describe('a stop-gap the board refused to keep goes back, explicitly once its undo day has passed', () => {
  const KEY = 'PAYMENT_CALLBACK_HMAC_CHECK';
  const omar = messagesBy('Omar Farouk', 'o@x', 'a');
  const judge = (doc: string, today: string) => {
    const created = omar('2026-01-05T09:00:00Z', 'payment callbacks per env');
    const temp = omar(
      '2026-03-02T21:00:00Z',
      'EMG-77 emergency: callback HMAC check off in prod',
      'Provider rotated its key without notice. Temporarily off; the board reviews it.',
    );
    const stamp = (events: HistoryEvent[]) => events.map((e) => ({ ...e, order: [temp.sha, created.sha].indexOf(e.commit) }));
    const history: Record<string, HistoryEvent[]> = {
      prod: stamp([
        eventOf(temp, 'deploy/prod.env', 'true', 'false', { merge: false, revert: false }),
        eventOf(created, 'deploy/prod.env', null, 'true', { merge: false, revert: false }),
      ]),
      staging: stamp([eventOf(created, 'deploy/staging.env', null, 'true', { merge: false, revert: false })]),
    };
    return explainCrossEnv({
      key: KEY,
      history,
      messages: [documentCommit('d', '2026-03-05T10:00:00Z', 'board minutes', ['docs/board/2026-03-05.md']), temp, created],
      values: { prod: 'false', staging: 'true' },
      type: 'boolean',
      today,
      documents: [{ path: 'docs/board/2026-03-05.md', sha: 'd'.repeat(40), text: doc }],
    });
  };

  it.each([
    ['en', '# Change board, 5 March 2026\n\n## EMG-77\n- Decision: not approved as a permanent change. Restore the check in prod by 2026-03-12.\n'],
    [
      'fr',
      '# Comité des changements, 5 mars 2026\n\n## EMG-77\n- Décision : refusé comme changement définitif. Rétablir le contrôle en prod au plus tard le 12/03/2026.\n',
    ],
    [
      'pt',
      '# Comité de mudanças, 5 de março de 2026\n\n## EMG-77\n- Decisão: não aprovado como mudança permanente. Restaurar a verificação em prod antes de 12/03/2026.\n',
    ],
  ])('%s: past the day, reverted at 0.6', (_lang, doc) => {
    const v = judge(doc, '2026-04-01');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'prod', value: 'true' });
    expect(v.confidence).toBe(0.6);
    expect(v.reasons.join('\n')).not.toMatch(/temporary value its own|meant to stay apart/);
  });

  it('the undo day still ahead: a refusal all the same, never a declare of the refused value', () => {
    const v = judge(
      '# Change board, 5 March 2026\n\n## EMG-77\n- Decision: not approved as a permanent change. Restore the check in prod by 2026-03-30.\n',
      '2026-03-20',
    );
    expect(v.reasons.join('\n')).not.toMatch(/temporary value its own|meant to stay apart/);
    expect(v.suggested === 'declare' && v.confidence >= 0.6).toBe(false);
  });

  it('approved as permanent: the board kept it', () => {
    const v = judge('# Change board, 5 March 2026\n\n## EMG-77\n- Decision: approved as a permanent change.\n', '2026-04-01');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'prod' });
  });
});
