// A value an environment took is no choice of that environment's once a later report ties harm there
// to the change: an incident note whose cause line names the key at the new value, or a ticket that
// dates failures there after the change's deploy day. Whatever the change said of itself ("tidy-up,
// no behaviour change", a test meant for another environment), it goes back to what the others still
// hold (holdout-30/16 and /22 read as a principle). Not a report naming a day before the change (the
// change answered it), one with no failure or incident, one about another environment, one that
// clears the value, nor one written before the change. Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const start: Step = { subject: 'mailer config', date: '2027-01-10T10:00:00Z', set: { staging: ['', '3'], production: ['', '3'] } };
const change: Step = { subject: 'tidy up production values, no behaviour change', date: '2027-03-11T10:00:00Z', set: { production: ['3', '9'] } };
const noted: Step = { subject: 'notes', date: '2027-03-16T10:00:00Z' };
const verdictOf = (text: string, step = 2, path = 'docs/notes/mailer.md') =>
  judge(
    'mailer.retryLimit',
    step === 2 ? [start, change, noted] : [start, noted, { ...change, date: '2027-03-18T10:00:00Z' }],
    '2027-03-20',
    {},
    {
      documents: [{ path, text, step: step === 2 ? 2 : 1 }],
    },
  );
const harmRead = (v: { reasons: string[] }) => v.reasons.some((r) => r.includes('reports harm'));

describe('a later report ties harm in the environment to the change', () => {
  it.each([
    // The cause line names the key at the new value.
    '# Post-mortem: duplicate mails (12–14 March)\n\n- Cause: the tidy-up of 11 March left retryLimit at 9 in production; every retry resent the mail.\n- Action: production back to the old value.\n',
    '# Störung doppelte Mails (12.03.2027 – 14.03.2027)\n\n- Ursache: seit dem Aufräumen steht retryLimit in Produktion auf 9.\n- Kunden bekommen jede Mail mehrfach.\n',
    "# Incident mails en double (du 12 au 14 mars)\n\n- Cause : depuis le nettoyage, retryLimit vaut 9 en production.\n- Des erreurs d'envoi en cascade.\n",
    // The failures dated after the change's own day.
    '# Errores de envío en producción\n\n- Desde el 13 de marzo los envíos fallan en producción.\n- 13 de marzo = 2 días después del despliegue del 11 de marzo.\n',
    '# Falha no envio (produção)\n\n- Desde 13 de março os envios falham em produção, dois dias depois do deploy de 11 de março.\n',
    '# Disservizio invii (produzione)\n\n- Causa: dopo la pulizia del 11 marzo, retryLimit vale 9 in produzione; gli invii falliscono.\n',
    '# Storing mailer (productie)\n\n- Sinds 13 maart mislukken de verzendingen in productie, twee dagen na de uitrol van 11 maart.\n',
  ])('%s', (text) => {
    const v = verdictOf(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.drifted).toBe('production');
    expect(v.value).toBe('3');
    expect(harmRead(v)).toBe(true);
  });
});

describe('no report of harm tied to the change', () => {
  it.each([
    // A day before the change: the report is about what the change answered.
    [
      'the change was the fix',
      '# Incident 9 March (production)\n\n- Mails failed from 9 March; retryLimit raised to 9 on 11 March, errors gone by 13 March.\n',
    ],
    // No failure, no incident: a description.
    ['a description', '# Mailer notes\n\n- Since 13 March production runs with retryLimit 9, set on 11 March.\n'],
    // The value cleared, not accused.
    [
      'the value cleared',
      '# Incident 14 March (production)\n\n- Mails failing in production since 14 March.\n- The retryLimit of 9 was not the cause: the SMTP relay was.\n',
    ],
    // The value named as the fix, with no cause and no day after the change.
    ['the value as the fix', '# Incident (production)\n\n- Mails failing in production.\n- Fix: retryLimit set to 9.\n'],
    // The cause is the old value's removal; the value comes in another clause, as what the fix put back.
    [
      'the cause is the removal',
      '# Incident 11 March (production)\n\nCause: a clean-up removed the retry override in production; the relay needs retryLimit 9.\nFix: restored 11 March.\n',
    ],
    // A soak reported clean, in a changelog citing the change's day.
    ['a clean soak', '# Changelog\n\n- 2027-03-15: production ran 4 days without an error alert.\n- 2027-03-11: retryLimit 3 -> 9 (production).\n'],
    // Another environment's harm.
    ['another environment', '# Incident 14 March\n\n- Mails failing in staging since 14 March, three days after the deploy of 11 March.\n'],
    // Failures with no tie to the change (no key at its value, no day of it).
    ['no tie', '# Incident 14 March\n\n- Mails failing in production since 14 March; the relay was full.\n'],
  ])('%s', (_, text) => {
    expect(harmRead(verdictOf(text))).toBe(false);
  });
  it('a report written before the change', () => {
    const text = '# Incident 14 March\n\n- Mails failing in production since 14 March, three days after the deploy of 11 March: retryLimit 9.\n';
    expect(harmRead(verdictOf(text, 1))).toBe(false);
  });
});
