// Production's own temporary measure whose end nothing records is declared — except a protection it
// lowered (verification off, secure cookies off, TLS checks skipped): its own text says the weaker value is
// not meant to stay, and declaring it would record production running unprotected as meant. It goes back,
// as a question to its owner (≤ 0.5). A hardening, a plain value, or a weakening its text keeps stays
// declared. And a record dating the end of the event a measure waited for ("end: 10/05") puts it back.
// Keys, values and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { judge } from './memory-story.js';

const inProduction = (key: string, from: string, to: string, subject: string, body = '') =>
  judge(
    key,
    [
      { subject: 'initial values', date: '2027-01-05T10:00:00Z', set: { staging: ['', from], production: ['', from] } },
      { subject, body, date: '2027-03-02T10:00:00Z', set: { production: [from, to] } },
    ],
    '2027-05-04',
  );

describe("production's temporary weakening, with no end recorded", () => {
  it.each([
    ['session.cookieSecure', 'true', 'false', 'prod: secure cookies off temporarily while we debug the login loop'],
    ['TLS_VERIFY', 'true', 'false', 'Produktion: TLS-Prüfung vorübergehend aus, bis der Proxy das Zertifikat liefert'],
    ['auth.mfa.required', 'true', 'false', 'production: MFA uit, tijdelijk, voor de migratie van de accounts'],
    ['webhooks.verifySignature', 'true', 'false', 'prod: vérification de signature désactivée temporairement'],
    ['csrf.enforce', 'true', 'false', 'tuotanto: CSRF-tarkistus pois väliaikaisesti, palautetaan kun syy löytyy'],
  ])('goes back, as a question: %s', (key, from, to, subject) => {
    const v = inProduction(key, from, to, subject);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'production', from]);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toBeTruthy();
  });

  it.each([
    // a plain value: production's own measure, its end a fact nobody recorded
    ['worker.pool', '20', '40', 'prod: pool 40 temporarily for the catalogue import'],
    // a hardening: nothing weaker to put back
    ['session.cookieSecure', 'false', 'true', 'prod: secure cookies on temporarily while the audit runs'],
  ])('stays declared: %s %s -> %s', (key, from, to, subject) => {
    const v = inProduction(key, from, to, subject);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });

  it('a weakening its text keeps is no temporary one', () => {
    const v = inProduction('TLS_VERIFY', 'true', 'false', 'prod: TLS verification off for the legacy mainframe link, permanent (not temporary)');
    expect(v.suggested === 'revert' && v.confidence > 0.5, v.reasons.join('\n')).toBe(false);
  });
});

describe('a record dating the end of the event a temporary measure waited for', () => {
  const waited = (record: string, today = '2027-05-20') =>
    judge(
      'index.refresh',
      [
        { subject: 'initial values', date: '2027-01-05T10:00:00Z', set: { staging: ['', '1s'], production: ['', '1s'] } },
        {
          subject: 'prod: refresh 30s for the bulk reindex (SRCH-9)',
          body: 'Temporary, while the reindex runs; back to 1s afterwards.',
          date: '2027-04-19T20:00:00Z',
          set: { production: ['1s', '30s'] },
        },
        { subject: 'docs: reindex log SRCH-9', date: '2027-05-12T10:00:00Z', touched: ['docs/reindex-log.md'] },
      ],
      today,
      {},
      { documents: [{ path: 'docs/reindex-log.md', text: record, step: 2 }] },
    );

  it.each([
    '# Bulk reindex (SRCH-9)\n\n- start: 19/04 22:15, end: 10/05 06:40\n- 40M documents, no mapping errors\n',
    '# Reindex SRCH-9\n\nBeginn: 19.04.2027 · Ende: 10.05.2027 06:40\n',
    '# Réindexation SRCH-9\n\n- début : 19/04, fin : 10/05\n',
    '# Reindexação SRCH-9\n\n| início | fim |\n|---|---|\n| 19/04 | fim: 10/05 |\n',
  ])('puts it back: %s', (record) => {
    const v = waited(record);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'production', '1s']);
  });

  it.each([
    '# Bulk reindex (SRCH-9)\n\n- start: 19/04 22:15, end: expected 25/05\n',
    '# Bulk reindex (SRCH-9)\n\n- start: 19/04 22:15, end: TBD (still running)\n',
  ])('not while the end is only expected: %s', (record) => {
    const v = waited(record);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });
});
