// Holds and gates weighed against their answers (issue 10, the gates lane of session 17). Phrasings
// of our own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

// A later text that says "do not <verb> in <waiting env>" while the plan's gate is still pending ("not
// yet", "still", a date ahead, "until …") restates the hold: the plan stands and the environment that
// went ahead on it stays. A withdrawal says the plan itself is off ("not enabling it after all").
describe('a pending gate restated is the hold confirmed, not the plan withdrawn', () => {
  const start: Step = { subject: 'service defaults', date: '2026-06-01T10:00:00Z', set: { staging: ['', 'false'], production: ['', 'false'] } };
  const plan = (key: string, subject: string, body: string): Step => ({ subject, body, date: '2026-11-17T10:00:00Z', set: { staging: ['false', 'true'] } });
  const doc = (path: string, text: string) => ({ path, text, step: 2 });
  const later: Step = { subject: 'status notes', date: '2026-12-01T10:00:00Z', touched: ['docs/status.md'] };
  const cases: Array<[string, string, string, string]> = [
    [
      'features.instantPayouts',
      'staging: turn on instant payouts',
      'Production once the bank signs the addendum (BANK-7).',
      '# Bank\n\n- BANK-7 addendum: legal review done, signing meeting scheduled for 2026-12-14. Do not switch production on before that.',
    ],
    [
      'features.cardOnFile',
      'enable card-on-file in staging',
      'Prod after the PCI assessment (SEC-40).',
      '# PCI\n\n- SEC-40: assessor on site next week. Still not assessed, so do not roll it out to production yet.',
    ],
    [
      'features.klarna',
      'staging: Klarna an',
      'Prod erst nach der Abnahme durch Klarna (KL-3).',
      '# Klarna\n\n- KL-3: Abnahme-Termin am 2026-12-11. Noch nicht abgenommen, do not enable in production until then.',
    ],
  ];
  it.each(cases)('%s', (key, subject, body, text) => {
    const v = judge(key, [start, plan(key, subject, body), later], '2026-12-04', {}, { documents: [doc('docs/status.md', text)] });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.deliberate).toBe('staging');
  });

  it('a plan called off is still a withdrawal', () => {
    const v = judge(
      'features.instantPayouts',
      [start, plan('features.instantPayouts', 'staging: turn on instant payouts', 'Production once the bank signs the addendum (BANK-7).'), later],
      '2026-12-04',
      {},
      {
        documents: [
          doc('docs/status.md', '# Bank\n\n- BANK-7: the bank declined the addendum. We are not enabling instant payouts after all; roll back staging.'),
        ],
      },
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('staging');
  });
});
