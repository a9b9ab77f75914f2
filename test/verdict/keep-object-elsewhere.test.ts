// A commit from around a hand edit whose keep word keeps something else: "4.12.1 on green (keeps the old
// return route)" keeps a route, not the live selector the edit set (spent holdout-32/25: the subject named
// the Service's object, so its "keeps" was read as keeping the hand patch, backfilled at 0.80). A keep
// whose own object is another thing says nothing of the edit; a keep of the value, the edit or the key
// still does. Own keys, values and phrasings.
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { handEditedLive, messagesBy } from './log-builders.js';

const KEY = 'Deployment/checkout-api.spec.template.spec.containers[name=api].env[name=UPSTREAM_POOL].value';
const ENVS = ['staging', 'prod'];
const EDITED = '2027-03-10T21:00:00Z';
const by = messagesBy('Rui Costa', 'rui@x', 'c');

const run = (subject: string) =>
  explain(
    handEditedLive(KEY, 'prod', '20', '60', 'kubectl-edit', EDITED),
    {},
    {
      promotion: ENVS,
      environments: ENVS,
      today: '2027-04-01',
      log: buildLog(new Map(), [by('2027-03-12T09:00:00Z', subject)], []),
    },
  );

describe('a keep whose object is another thing keeps nothing of the edit', () => {
  it.each([
    'prod: checkout-api 2.4.1 (keeps the legacy callback path, INC-77)',
    'checkout-api: release 2.4.1, keeping the old session cookie name for the mobile app',
    'checkout-api 2.4.1 for prod keeps its old health-check path',
  ])('%s', (subject) => {
    const v = run(subject);
    expect(v.suggested).not.toBe('backfill');
    expect(v.confidence).toBeLessThan(0.6);
  });
});

describe('a keep of the value, the edit or the key still keeps it', () => {
  it.each([
    'prod checkout-api: keep the pool at 60 (INC-77)',
    'checkout-api INC-77: keep the higher limit in prod',
    'prod checkout-api: keeping the hand edit, INC-77',
    'checkout-api: keep UPSTREAM_POOL=60 in prod',
  ])('%s', (subject) => {
    const v = run(subject);
    expect(v.suggested).toBe('backfill');
    expect(v.value).toBe('60');
  });
});
