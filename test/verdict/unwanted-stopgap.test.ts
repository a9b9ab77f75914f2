// A write-up that says the value set by hand is not one anyone wants ("Not in git on purpose: it is
// not a setting we want") judges it to be undone (documents.ts, judgesUndo): a stopgap held for a
// moment, to be put back, never codified. And "a hung pod keeps getting traffic" in the same
// write-up is the cost of the stopgap told, not a word to keep it (live-fate.ts, KEEP): "keep(s)"
// before a verb's -ing form says something goes on happening, not that a value is kept.
import { describe, expect, it } from 'vitest';
import { judgesUndo } from '../../src/verdict/documents.js';
import { liveFate, type LiveChange } from '../../src/verdict/live-fate.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { eventOf } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { messagesBy } from './log-builders.js';

describe('the value said to be unwanted is to be undone', () => {
  it.each([
    ['English, a value', 'WORKER_THREADS=64 by hand to drain the queue. Not a value we would keep long term.', /not a value we would keep/i],
    ['English, no one wants it', 'MAX_CONN set to 900 live. Honestly we do not want this setting in prod.', /do not want this setting/i],
    ['English, the threshold', 'readiness failureThreshold 3 -> 20 during the outage; not the threshold anyone wants.', /not the threshold anyone wants/i],
    ['German', 'failureThreshold per kubectl edit auf 30 gesetzt. Das ist keine Einstellung, die wir wollen.', /keine Einstellung, die wir wollen/i],
    ['French', "failureThreshold passé à 30 à la main : ce n'est pas un réglage que nous voulons.", /pas un réglage que nous voulons/i],
    ['Spanish', 'failureThreshold subido a 30 a mano; no es un valor que queramos mantener.', /no es un valor que queramos/i],
  ])('%s', (_what, text, phrase) => {
    expect(judgesUndo(text, null)).toMatch(phrase);
  });

  it.each([
    ['the value wanted', 'WORKER_THREADS=64 is the setting we want; keep it.'],
    ['a value we want, said positively', 'We want this setting in every environment.'],
    ['not one we want to touch (a keep)', 'POOL_SIZE=40 is not a setting we want to touch again.'],
    ['a need, not a judgement', 'We need this value raised before Black Friday.'],
    ['German, wanted', 'Das ist die Einstellung, die wir wollen.'],
  ])('not: %s', (_what, text) => {
    expect(judgesUndo(text, null)).toBeUndefined();
  });
});

describe('"keeps" before a verb\'s -ing form is no keep of the live change', () => {
  const docs = messagesBy('Dan W', 'dan@x', 'c');
  const created = messagesBy('Emma C', 'emma@x', 'd')('2026-05-01T10:00:00Z', 'manifests');
  const KEY = 'Deployment/api.containers[name=api].livenessProbe.failureThreshold';
  const change: LiveChange = {
    key: KEY,
    env: 'prod',
    environments: ['staging', 'prod'],
    live: '30',
    file: '3',
    editedAt: '2026-11-18T22:05:00Z',
    tickets: [],
    object: false,
  };
  const read = (text: string) => {
    const by = docs('2026-11-19T09:00:00Z', 'post-mortem');
    const log = buildLog(
      new Map([['prod', new Map([[KEY, [eventOf(created, 'k8s/prod/api.yaml', null, '3', { merge: false, revert: false })]]])]]),
      [by, created] as Message[],
      [{ path: 'docs/pm/2026-11-18.md', text, sha: by.sha }],
    );
    const r = liveFate(change, log, '2026-12-01');
    return r && 'fate' in r ? r.fate : r;
  };

  it.each([
    ['getting', 'failureThreshold 3 → 30 by hand. Downside: with 30 failures a hung pod keeps getting traffic for 5 minutes.'],
    ['restarting', 'Before the failureThreshold of 30, the pod keeps restarting under GC pauses.'],
    ['sending', 'At 30 the kubelet keeps sending traffic to a pod that is stuck.'],
  ])('"keeps %s" is no keep', (_what, text) => {
    expect(read(text)).toBeUndefined();
  });

  it.each([
    ['keep it', 'failureThreshold 3 → 30 by hand. Keep it, the probe was too strict.'],
    ['keeps its value', 'Decision: failureThreshold keeps 30 in prod.'],
    ['keeps running', 'failureThreshold at 30 keeps running until the vendor patch is in.'],
  ])('still a keep: %s', (_what, text) => {
    expect(read(text)).toBe('keep');
  });
});
