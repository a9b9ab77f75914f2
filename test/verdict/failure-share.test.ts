// A share of things failing is the symptom a change answers, not how far a rollout has gone.
import { describe, expect, it } from 'vitest';
import { isFailureShare } from '../../src/verdict/failure-share.js';
import { readIntent } from '../../src/verdict/intent.js';

const at = (text: string, share: string) => isFailureShare(text, text.indexOf(share), share.length);

describe('a share of failures', () => {
  it.each([
    ['Raised retries: 30% of requests were failing against the vendor sandbox.', '30% of'],
    ['Retries erhöht, 30% der Anfragen schlagen fehl.', '30% der'],
    ['Más reintentos: el 30 % de las peticiones fallaban.', '30 % de'],
    ['Plus de retries : 30 % des requêtes échouent.', '30 % des'],
    ['Meer retries: 30% van de verzoeken mislukt.', '30% van'],
    ['Mais tentativas: 30% das chamadas falham.', '30% das'],
    ['error rate at 30% of peak after the deploy', '30% of'],
    ['30% of calls timed out', '30% of'],
  ])('%s', (text, share) => expect(at(text, share)).toBe(true));

  it.each([
    ['rolling out to 30% of users', '30% of'],
    ['30% of traffic now, no errors so far', '30% of'],
    ['30 % der Nutzer bekommen den neuen Checkout', '30 % der'],
    ['30% of traffic; the errors dropped last week', '30% of'],
  ])('not: %s', (text, share) => expect(at(text, share)).toBe(false));
});

describe('the rollout reader', () => {
  const commit = (body: string) => ({ subject: 'staging: retries 5', body, author: 'Olu', email: 'o@x', date: '2026-11-10T09:00:00Z' });
  it('a share of failing requests is no rollout step', () => {
    expect(
      readIntent(commit('Raised retries: 30% of requests were failing against the vendor sandbox.'), 'staging', ['staging', 'production']).rollout,
    ).toBeUndefined();
    expect(readIntent(commit('Raised the error budget; 20% of calls time out at the vendor.'), 'staging', ['staging', 'production']).rollout).toBeUndefined();
  });
  it('a share of users still is', () => {
    expect(readIntent(commit('Rolling out to 30% of users in staging, production next week.'), 'staging', ['staging', 'production']).rollout).toBeDefined();
    expect(readIntent(commit('Enabled for 10% of accounts in staging.'), 'staging', ['staging', 'production']).rollout).toBeDefined();
  });
});
