// Session 22 (issue 10): a change record's, pull request's or commit body's "Back-out" / "Rollback
// plan" / "If this goes wrong" section is a contingency written before anything happened: no reader of
// withdrawals, undos or returns takes it for an event. What reports an undo stays one ("Rolled back:
// flag set back to false after errors", a subject "Rollback FEATURE_X", "backed out the change
// (INC-12)"). Phrasings of our own, in several styles and languages, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { isContingency, withoutContingencies } from '../../src/verdict/contingency.js';
import { readIntent, withdrawalIn } from '../../src/verdict/intent.js';
import { answersOf, type AnswerQuestion } from '../../src/verdict/answered.js';
import { passages } from '../../src/verdict/documents.js';
import { buildLog, ticketsIn, type Document, type Message } from '../../src/verdict/log.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { explainOneChange, messagesBy } from './log-builders.js';

describe('a contingency section is left out of the text read for events', () => {
  it.each([
    ['label with its plan on the line', 'Enable FEATURE_X in prod.\n\nBack-out: set FEATURE_X back to false and redeploy', 'Enable FEATURE_X in prod.'],
    ['bold label over a list', 'Turns on the new pricing.\n\n**Rollback plan:**\n- revert this PR\n- redeploy\n\nTested in staging.', 'Tested in staging.'],
    [
      'heading to the next heading',
      '## Summary\nPool 20 -> 40.\n\n## Revert plan\nSet the pool back to 20.\n\n### Steps\nrevert\n\n## Testing\nsoak 2h',
      '## Testing',
    ],
    ['lead-in clause', 'Raise the timeout to 8s. If this goes wrong, set it back to 3s. Prod follows Monday.', 'Raise the timeout to 8s. Prod follows Monday.'],
    ['"In case of problems" label', 'Switch to the v3 API.\nIn case of problems: put the old URL back.', 'Switch to the v3 API.'],
    ['Backout, no hyphen', 'bump\n\nBackout: revert commit', 'bump'],
    ['"To roll back" instruction', 'new cache TTL\n\nTo roll back: set ttl back to 60 and restart the pods', 'new cache TTL'],
    ['German Rückfallplan', 'Pool auf 40.\n\nRückfallplan: Pool zurück auf 20 setzen und neu deployen.', 'Pool auf 40.'],
    ['German Rollback-Plan heading', '# Änderung\nTimeout 8s\n# Rollback-Plan\nTimeout zurück auf 3s', '# Änderung\nTimeout 8s'],
    ['Dutch terugvalplan', 'Vlag aan in productie.\n\nTerugvalplan: zet de vlag terug op false.', 'Vlag aan in productie.'],
    ['French, space before the colon', 'Activer la fonction.\n\nPlan de retour arrière : remettre le flag à false.', 'Activer la fonction.'],
    ['Polish', 'Włączamy flagę.\n\nPlan wycofania: przywrócić false i wdrożyć ponownie.', 'Włączamy flagę.'],
    ['label inside a joined paragraph', 'Enable it in prod today. Back-out: set it back to false.', 'Enable it in prod today.'],
  ])('%s', (_what, text, kept) => {
    const out = withoutContingencies(text);
    expect(out).toContain(kept);
    expect(out).not.toMatch(/back to|back on|zurück|terug|remettre|przywrócić|revert|put the old/i);
  });

  it.each([
    ['a past tense labels what happened', 'Rolled back: flag set back to false after errors'],
    ['a label whose words report the undo done', 'Rollback: done at 14:02, flag back to false after errors (INC-7)'],
    ['no label', 'Rollback FEATURE_X'],
    ['a label with its ticket, reporting it done', 'Rollback (INC-31): executed at 09:12, pool back to 20'],
    ['a report in prose', 'We backed out the change (INC-12) after the error rate doubled.'],
    ['a heading that names no contingency', '## Result\nReverted to 3s on 2 Dec after timeouts.'],
  ])('kept as an event: %s', (_what, text) => {
    expect(withoutContingencies(text)).toBe(text);
  });

  it('a passage under a back-out heading or list lead is a contingency; others are not', () => {
    const doc =
      '# CHG-88 enable FEATURE_X\n\nApproved by the CAB.\n\n## Back-out\n\nSet FEATURE_X back to false and redeploy.\n\nRollback plan:\n- revert the PR';
    const read = passages(doc).map((p) => [p.text, isContingency(p)]);
    expect(read).toContainEqual(['Approved by the CAB.', false]);
    expect(read).toContainEqual(['Set FEATURE_X back to false and redeploy.', true]);
    expect(read).toContainEqual(['- revert the PR', true]);
  });
});

describe('the readers of withdrawals and undos', () => {
  it.each([
    'Back-out: set FEATURE_X back to false and redeploy',
    'Rollback plan: roll the flag back and redeploy',
    'If anything breaks, we set the flag back to false.',
    'Rückfallplan: Flag zurücksetzen, dann neu deployen.',
  ])('no withdrawal: %s', (text) => {
    expect(withdrawalIn(text)).toBeUndefined();
  });

  it.each(['Rolled back: flag set back to false after errors', 'We set the flag back to false after the errors (INC-12).', 'The rollout was cancelled.'])(
    'still a withdrawal: %s',
    (text) => {
      expect(withdrawalIn(text)).toBeDefined();
    },
  );

  const commit = (subject: string, body: string) => ({ subject, body, author: 'Ana Ruiz', email: 'ana@example.test', date: '2026-11-24T10:00:00Z' });
  const ENVS = ['staging', 'production'];
  it.each([
    ['pricing v2 on in staging', 'Rollback plan: back to the previous value and redeploy.'],
    ['pool 40 in staging', '## Back-out\nRevert of this commit restores 20.'],
    ['timeout 8s in staging', 'Should this fail: rolled back by the on-call, no sign-off needed.'],
  ])('no undo in the change: %s / %s', (subject, body) => {
    expect(readIntent(commit(subject, body), 'staging', ENVS).revert).toBeUndefined();
  });

  it.each([
    ['Rollback FEATURE_X', 'errors after the switch'],
    ['staging: pricing flag off again', 'Rolled back to the previous value after errors (INC-12).'],
    ['Rollback: pool to 20', 'the new pool starved the replica'],
  ])('an undo: %s / %s', (subject, body) => {
    expect(readIntent(commit(subject, body), 'staging', ENVS).revert).toBeDefined();
  });
});

describe('a later text answering a rollout: its back-out plan is no withdrawal', () => {
  const CHANGED = '2026-11-10T10:00:00Z';
  const facts = (subject: string, date: string, body = '') => ({ author: 'Ines Moreau', email: 'ines@example.test', date, committed: date, subject, body });
  const message = (sha: string, subject: string, date: string, body = ''): Message => ({ ...facts(subject, date, body), sha, parents: [] });
  const SUBJECT = 'staging: FEATURE_X on, prod next week (FEAT-12)';
  function ask(documents: Array<[string, string]>, later: Array<[string, string]> = []) {
    const event: HistoryEvent = {
      ...facts(SUBJECT, CHANGED),
      commit: 'c1',
      file: 'config/staging.yaml',
      from: 'false',
      to: 'true',
      merge: false,
      revert: false,
    };
    const messages = [message('c0', 'initial', '2026-03-01T10:00:00Z'), message('c1', SUBJECT, CHANGED)];
    const docs: Document[] = documents.map(([path, text], i) => {
      messages.push(message(`d${i}`, `docs: ${path}`, '2026-11-20T10:00:00Z'));
      return { path, text, sha: `d${i}` };
    });
    later.forEach(([subject, body], i) => messages.push(message(`m${i}`, subject, '2026-11-21T10:00:00Z', body)));
    messages.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    const log = buildLog(new Map([['staging', new Map([['features.x', [event]]])]]), messages, docs);
    const q: AnswerQuestion = {
      key: 'features.x',
      values: ['true'],
      tickets: ticketsIn(SUBJECT),
      env: 'staging',
      date: CHANGED,
      author: 'Ines Moreau',
      allValues: ['false', 'true'],
      subject: SUBJECT,
      environments: ['staging', 'production'],
      commit: 'c1',
      today: '2026-12-04',
    };
    return answersOf(q, log).map((a) => a.says);
  }

  it.each([
    ['a change record', '# CHG-88 (FEAT-12) FEATURE_X in production\n\nWindow: 24 Nov.\n\n## Back-out\n\nFEAT-12: set FEATURE_X back to false and redeploy.'],
    ['an inline label', '# FEAT-12 production step\n\nPlan: FEATURE_X on in prod on 24 Nov. Back-out: set FEATURE_X back to false and redeploy.'],
    ['a list under its label', '# FEAT-12\n\nRollback plan:\n- FEAT-12: roll FEATURE_X back to false\n- redeploy'],
    ['German', '# FEAT-12 Produktion\n\n## Rückfallplan\n\nFEAT-12: FEATURE_X zurück auf false setzen.'],
  ])('%s', (_what, doc) => {
    expect(ask([['docs/changes/chg-88.md', doc]])).not.toContain('withdrawn');
  });

  it('a pull request body with a back-out section', () => {
    expect(
      ask([], [['docs: FEAT-12 prod change record', 'Opens CHG-88 for the prod step.\nBack-out: set FEATURE_X back to false and redeploy']]),
    ).not.toContain('withdrawn');
  });

  it.each([
    ['Rolled back: FEATURE_X set back to false after errors (FEAT-12)', ''],
    ['FEAT-12 backed out', 'backed out the change (INC-12), the rollout is cancelled'],
  ])('an undo that happened is read: %s', (subject, body) => {
    expect(ask([], [[subject, body]])).toContain('withdrawn');
  });
});

describe("a change's own back-out plan is not its time limit", () => {
  const commit = (subject: string, body: string) => ({ subject, body, author: 'Jonas Berg', email: 'jonas@example.test', date: '2026-11-24T10:00:00Z' });
  const ENVS = ['staging', 'production'];
  it.each([
    ['Timeout 8s in Produktion', 'Rückfallplan: zurück auf 3s'],
    ['pool 40 in prod', 'If this goes wrong, set it back to 20 for now.'],
    ['pool 40 in prod', '## Back-out\nTemporarily set the pool back to 20 until the fix lands.'],
    ['vlag aan in productie', 'Terugvalplan: tijdelijk terug naar false tot de fix er is.'],
  ])('%s / %s', (subject, body) => {
    const intent = readIntent(commit(subject, body), 'production', ENVS);
    expect(intent.temporary).toBeUndefined();
    expect(intent.revert).toBeUndefined();
  });

  it.each([
    ['pool 40 in prod', 'set it back to 20 for now once the fix lands'],
    ['Timeout 8s in Produktion', 'vorübergehend, zurück auf 3s nach dem Release'],
  ])('a time limit said of the change itself stays: %s / %s', (subject, body) => {
    expect(readIntent(commit(subject, body), 'production', ENVS).temporary).toBeDefined();
  });

  const jonas = messagesBy('Jonas Berg', 'jonas@example.test', 'e');
  it.each([
    ['Staging: Timeout 3 -> 8s, Prod nächste Woche (GEO-7)', 'Rückfallplan: Timeout zurück auf 3s und neu deployen.'],
    ['staging: timeout 3 -> 8, prod next week (GEO-7)', '## Back-out\nTemporarily set the timeout back to 3 until the vendor fix lands.'],
  ])('the verdict does not undo the change for it: %s', (subject, body) => {
    const v = explainOneChange({
      key: 'geocoder.timeout',
      envs: ['staging', 'production'],
      file: (env) => `config/${env}.yml`,
      created: jonas('2026-01-26T09:00:00Z', 'settings per env'),
      changed: jonas('2026-11-24T16:10:00Z', subject, body),
      from: '3',
      to: '8',
      later: [],
      today: '2026-12-05',
    });
    const why = v.reasons.join('\n');
    expect(why, why).not.toMatch(/temporary/);
    expect(v.suggested === 'revert' && v.drifted === 'staging', why).toBe(false);
  });
});
