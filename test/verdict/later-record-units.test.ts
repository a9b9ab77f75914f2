// Session 28 (lane sp24, holdout-24's spent causes): a later document closes a declare's reason in a
// form the readers did not yet equate with the value — a fraction written as a percentage, a bare
// timeout written in seconds, a way back written as an action item with no verb, a release's notes
// dated and past. Situations and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { namesValueAsWritten } from '../../src/verdict/documented.js';
import { reportsDone } from '../../src/verdict/intent.js';

const TODAY = '2027-03-01';
const base = (value: string, envs = ['staging', 'production']): Step => ({
  subject: 'initial values',
  date: '2026-06-01T10:00:00Z',
  set: Object.fromEntries(envs.map((e) => [e, ['', value]])),
});
const doc = (subject: string, date: string): Step => ({ subject, date });

describe('a ratio the file holds as a fraction is named by prose as a percentage', () => {
  it.each([
    ['5%', '0.05', 'sampling back to 5%'],
    ['5 %', '0.05', 'Abtastrate wieder auf 5 % setzen'],
    ['12,5 %', '0.125', 'le canary reste à 12,5 % du trafic'],
    ['25%', '.25', 'peso del canario: 25%'],
    ['1%', '0.01', 'sample 1% of requests'],
  ])('%s for %s', (_what, value, text) => {
    expect(namesValueAsWritten(text, value, 'tracing.sampler.ratio')).toBe(true);
  });

  it.each([
    ['another percentage', '0.05', 'sampling back to 50%'],
    ['a bare number without its sign', '0.05', 'sampling of 5 traces per second'],
    ["a CPU's share of a core", '0.5', 'CPU at 50% in production'],
    ['a whole number is no fraction', '5', 'back to 500%'],
    ['a percentage inside a longer number', '0.05', 'error rate 15% over the hour'],
  ])('not %s', (_what, value, text) => {
    const key = _what.includes('CPU') ? 'resources.limits.cpu' : 'tracing.sampler.ratio';
    expect(namesValueAsWritten(text, value, key)).toBe(false);
  });
});

describe('a duration the key names without a unit is named in milliseconds or seconds', () => {
  it.each([
    ['"15 s" for 15000', 'spring.jpa.query.timeout', '15000', 'query timeout 30 s → 15 s in production'],
    ['"2 min" for 120000', 'http.client.readTimeout', '120000', 'Lesetimeout auf 2 min erhöht'],
    ['"90 seconds" for 90', 'session.idle.timeout', '90', 'session idle timeout cut to 90 seconds'],
    ['"1,5 s" written as "1500 ms" for 1500', 'retry.backoff', '1500', 'backoff de 1500 ms entre reintentos'],
    ['"10 s" for 10000', 'cache.ttl', '10000', 'cache TTL van 10 s'],
  ])('%s', (_what, key, value, text) => {
    expect(namesValueAsWritten(text, value, key)).toBe(true);
  });

  it.each([
    ['another amount', 'spring.jpa.query.timeout', '15000', 'query timeout 30 s → 20 s'],
    ['a key that is no duration', 'pool.maxSize', '15000', 'a pool of 15 s'],
    ['a count read as a time', 'batch.limit', '15000', 'a batch every 15 s'],
  ])('not %s', (_what, key, value, text) => {
    expect(namesValueAsWritten(text, value, key)).toBe(false);
  });
});

describe('an action item takes the temporary value back, in so many words and no verb', () => {
  const raised = (key: string, from: string, to: string, message: string): Step[] => [
    base(from),
    { subject: message, date: '2027-01-10T22:00:00Z', set: { production: [from, to] } },
    doc('incident review', '2027-01-20T10:00:00Z'),
  ];
  it.each([
    [
      'en, a percentage',
      'tracing.sampler.ratio',
      '0.05',
      '0.5',
      'INC-9 sampling 0.5 in prod until we find it',
      '## Action items\n1. INC-9: sampling back to 5% in production (Ana)',
    ],
    [
      'es',
      'tracing.sampler.ratio',
      '0.1',
      '1',
      'INC-9 muestreo completo en prod hasta encontrarlo',
      '## Acciones\n- INC-9: muestreo de vuelta al 10 % en producción',
    ],
    [
      'fr',
      'worker.concurrency',
      '8',
      '2',
      'INC-9 concurrence réduite en prod le temps de trouver',
      '## Actions\n- INC-9 : concurrence en production retour à 8',
    ],
    ['sv', 'worker.concurrency', '8', '2', 'INC-9 lower concurrency in prod for now', '## Åtgärder\n- INC-9: concurrency i production tillbaka till 8'],
    ['pt', 'worker.concurrency', '8', '2', 'INC-9 menos concorrência em prod por enquanto', '## Ações\n- INC-9: concurrency em production de volta a 8'],
  ])('%s', (_what, key, from, to, message, text) => {
    const v = judge(
      key,
      raised(key, from, to, message),
      TODAY,
      {},
      { documents: [{ path: 'docs/postmortems/INC-9.md', text: `# INC-9\n\n${text}`, step: 2 }] },
    );
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'production', from]);
  });

  it.each([
    ['a way back held for a condition', '## Follow-up\n- INC-9: once the fix is out, sampling back to 5% in production'],
    ['a way back held for a condition, de', '## Folgeaufgaben\n- INC-9: sobald der Fix live ist, in production zurück zu 5 %'],
    ['another value', '## Action items\n1. INC-9: sampling back to 10% in production'],
    ['a metric back to normal', '## Impact\nINC-9: p99 in production back to 380 ms after the fix'],
  ])('not %s', (_what, text) => {
    const v = judge(
      'tracing.sampler.ratio',
      raised('tracing.sampler.ratio', '0.05', '0.5', 'INC-9 sampling 0.5 in prod until we find it'),
      TODAY,
      {},
      { documents: [{ path: 'docs/postmortems/INC-9.md', text: `# INC-9\n\n${text}`, step: 2 }] },
    );
    expect(v.suggested === 'revert' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});

describe("a release's notes, dated and past, carry the rollout's waiting step", () => {
  const rollout = (key: string, from: string, to: string): Step[] => [
    base(from, ['test', 'acc', 'prod']),
    { subject: 'OPS-71 lower it in test', date: '2027-01-10T10:00:00Z', set: { test: [from, to] } },
    { subject: 'OPS-71 lower it in acc', body: 'quiet in test. prod with the next release.', date: '2027-01-18T10:00:00Z', set: { acc: [from, to] } },
    doc('release notes', '2027-02-01T10:00:00Z'),
  ];
  const notes = (text: string) => ({ envs: ['test', 'acc', 'prod'], documents: [{ path: 'docs/releases.md', text, step: 3 }] });
  it.each([
    ['a heading naming the environment and its day', '# api 4.7 (prod 2027-02-03)\n\n- Read timeout 30 s → 10 s in prod (OPS-71)'],
    ['a changelog entry', '## [4.7.0] - 2027-02-03\n\n- OPS-71: read timeout now 10 s in prod'],
    ['de', '# Version 4.7 — Produktion 03.02.2027\n\n- OPS-71: Lese-Timeout 10 s in prod'],
    ['nl', '## 4.7 (3 februari 2027)\n\n- OPS-71: read timeout naar 10 s op prod'],
  ])('%s', (_what, text) => {
    const v = judge('api.read.timeout', rollout('api.read.timeout', '30000', '10000'), TODAY, {}, notes(text));
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'prod', '10000']);
  });

  it.each([
    ['a release still ahead', '# api 4.7 (prod 2027-04-03)\n\n- Read timeout 30 s → 10 s in prod (OPS-71)'],
    ['an undated draft', '# api 4.7 (draft)\n\n- Read timeout 30 s → 10 s in prod (OPS-71)'],
    ['a step left for later', '# api 4.7 (prod 2027-02-03)\n\n- Read timeout 10 s in prod follows in 4.8 (OPS-71)'],
    ['another value', '# api 4.7 (prod 2027-02-03)\n\n- Read timeout 30 s → 20 s in prod (OPS-71)'],
  ])('not %s', (_what, text) => {
    const v = judge('api.read.timeout', rollout('api.read.timeout', '30000', '10000'), TODAY, {}, notes(text));
    expect(v.suggested === 'backfill' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});

describe("a ticket's entry struck through is crossed off: done", () => {
  it.each([
    ['with its state after it', '- ~~PAY-7: retry storm floods the sandbox~~ fixed 2027-04-29 (jitter)'],
    ['alone, a GitHub issue', 'Known issues:\n- ~~#412 flaky export on Mondays~~'],
    ['de', '- ~~OPS-12 Zertifikat erneuern~~ am 3.2. erledigt'],
    ['fr', '* ~~INFRA-3 : rotation des clés~~ corrigé en prod'],
    ['nl', '- ~~DATA-9 achterstand inhalen~~ klaar'],
  ])('%s', (_what, text) => {
    expect(reportsDone(text)).toBeDefined();
  });

  it.each([
    ['called off', "- ~~PAY-7: retry storm~~ won't fix, the vendor retires the API"],
    ['reopened', '- ~~PAY-7: retry storm~~ reopened on 2027-05-02'],
    ['reopened, de', '- ~~OPS-12 Zertifikat erneuern~~ wieder offen'],
    ['moved to another ticket', '- ~~PAY-7 retry storm~~ moved to PAY-9'],
    ['struck text with no ticket', 'Plan: ~~raise the limit in staging~~ keep it as is'],
    ['a ticket beside the strike, not in it', 'PAY-7: ~~retry 5x~~ still open'],
  ])('not %s', (_what, text) => {
    expect(reportsDone(text)).toBeUndefined();
  });
});
