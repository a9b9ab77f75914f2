// A move that lets anyone in further down the promotion order ("*" for origins or hosts, "0.0.0.0/0" for a
// source range) is never confident, however explicit the text asking for it (a newcomer's tryout in session
// 20: "Fix CORS errors blocking the new app (INC-56), needed in production too" gave backfill production = *
// at 0.90). Keys, values and phrasings of their own; what stays confident beside them.
import { describe, expect, it } from 'vitest';
import { looksLoosened } from '../../src/verdict/risk.js';
import { judge } from './memory-story.js';

describe('looksLoosened: anyone let in', () => {
  it.each([
    ['ALLOWED_ORIGINS', '*'],
    ['api.cors.allowedOrigins', '["https://app.example","*"]'],
    ['CORS_ORIGINS', 'https://app.example, *'],
    ['ALLOWED_HOSTS', '*'],
    ['ingress.sourceRanges', '0.0.0.0/0'],
    ['trustedProxies', '10.0.0.0/8,0.0.0.0/0'],
    ['service.loadBalancerSourceRanges', '["::/0"]'],
  ])('%s = %s', (key, value) => expect(looksLoosened(key, value)).toBe(true));

  it.each([
    ['ALLOWED_ORIGINS', 'https://*.example.com'],
    ['ALLOWED_ORIGINS', 'https://app.example'],
    ['ingress.sourceRanges', '10.0.0.0/8'],
    ['CRON_SCHEDULE', '*/5 * * * *'],
    ['hosts', 'db-1.internal'],
  ])('not %s = %s', (key, value) => expect(looksLoosened(key, value)).toBe(false));
});

const moved = (key: string, from: string, to: string, subject: string) =>
  judge(
    key,
    [
      { subject: 'initial values', date: '2026-06-01T10:00:00Z', set: { staging: ['', from], production: ['', from] } },
      { subject, date: '2026-10-02T10:00:00Z', set: { staging: [from, to] } },
    ],
    '2026-12-01',
  );

describe('a weakening meant for production, asked in so many words', () => {
  it.each([
    ['ALLOWED_ORIGINS', 'https://shop.example', '*', 'Fix CORS errors blocking the new app (INC-56), needed in production too'],
    ['ingress.sourceRanges', '10.0.0.0/8', '0.0.0.0/0', 'Open the webhook ingress to the payment provider, prod as well (INC-91)'],
    ['ALLOWED_HOSTS', 'shop.example', '*', 'Allow every host header in all environments'],
  ])('is never confident: %s -> %s', (key, from, to, subject) => {
    const v = moved(key, from, to, subject);
    expect(v.confidence, v.reasons.join('\n')).toBeLessThan(0.6);
  });

  it('a narrow value asked for production stays as sure as before', () => {
    const v = moved(
      'ALLOWED_ORIGINS',
      'https://shop.example',
      'https://shop.example,https://app.example',
      'Fix CORS errors blocking the new app (INC-56), needed in production too',
    );
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['backfill', 'production']);
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });
});
