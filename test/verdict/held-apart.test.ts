// Spent holdout-30 (session 33, lane sp30e), as principles in situations and words of our own: a difference
// a person means to hold is not moved.
// - An environment a change says does not change ("retail does not change", "Prod ändert sich nicht") keeps
//   its value on purpose, as "stays" does, in the languages read.
// - kubectl names each imperative command's field manager after it ("kubectl-scale", "kubectl-cordon"): a
//   value such a manager wrote was set by a person's hand, so capacity raised with `kubectl scale` is
//   weighed as any hand edit (the contract alone never scales it back down).
// - Two environments a contract entry does not name are held together; where they agreed and one changed
//   since, that one left the value they shared: the other, which kept it, is not moved after it.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { classifyManager } from '../../src/sources/live/managed-fields.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { eventOf, type Divergence, type HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { judge, TWO, type Step } from './memory-story.js';
import { explainViolation, messagesBy } from './log-builders.js';
import { notBefore } from '../../src/verdict/not-before.js';
import { liveFate } from '../../src/verdict/live-fate.js';
import type { Message } from '../../src/verdict/log.js';

const WRITTEN = '2026-10-05T09:00:00Z';
const intentOf = (text: string, env = 'staging', envs = TWO) => readIntent({ subject: text, body: '', author: 'a', email: 'a@x', date: WRITTEN }, env, envs);

describe('an environment a change says does not change keeps its value', () => {
  it.each([
    ['en', 'Pool down to 8 in staging for the new hosts. Production does not change.'],
    ['en', "pool 8 in staging; production won't change, it has its own sizing"],
    ['de', 'Pool in Staging auf 8 wegen der neuen Hosts. Prod ändert sich nicht.'],
    ['fr', 'pool à 8 en staging pour les nouveaux hôtes ; la prod ne change pas'],
    ['es', 'pool a 8 en staging por los nuevos hosts; producción no cambia'],
    ['it', 'pool a 8 in staging per i nuovi host; la produzione non cambia'],
    ['pt', 'pool para 8 em staging por causa dos novos hosts; produção não muda'],
    ['nl', 'pool naar 8 in staging voor de nieuwe hosts; productie verandert niet'],
    ['sv', 'poolen till 8 i staging för de nya värdarna; produktion ändras inte'],
    ['no', 'pool til 8 i staging for de nye vertene; produksjon endres ikke'],
    ['da', 'pool til 8 i staging for de nye værter; produktion ændres ikke'],
    ['pl', 'pula na 8 w staging dla nowych hostów; produkcja się nie zmienia'],
    ['fi', 'pooli 8:aan stagingissa uusien koneiden takia; prod ei muutu'],
    ['tr', 'yeni sunucular için staging havuzu 8; production değişmiyor'],
  ])('%s: %s → production held, not following', (_lang, text) => {
    expect(intentOf(text).hold).toMatchObject({ envs: ['production'], follows: false });
  });

  it.each([
    'Pool down to 8 in staging; does production change too?',
    'Pool in Staging auf 8. Ändert sich Prod nicht auch?',
    'Pool down to 8 in staging, production too',
    'Pool down to 8 in staging; production follows next week once the hosts are in',
    'pool a 8 en staging; producción también la semana que viene',
  ])('%s → no keep read', (text) => {
    expect(intentOf(text).hold?.follows ?? true).toBe(true);
  });

  it('declares the difference the change keeps, rather than backporting it', () => {
    const start: Step = { subject: 'env files', date: '2026-09-01T10:00:00Z', set: { staging: ['', '5'], production: ['', '5'] } };
    const text = 'staging: login attempts 5 -> 3\n\nThe partner agreement asks for at most three. Production değişmiyor.';
    const v = judge(
      'LOGIN_MAX_ATTEMPTS',
      [start, { subject: text.split('\n')[0]!, body: text.split('\n').slice(1).join('\n'), date: WRITTEN, set: { staging: ['5', '3'] } }],
      '2026-11-20',
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });
});

describe("kubectl's own commands are a person's hand", () => {
  it.each([
    ['kubectl-scale', 'Update', 'scale'],
    ['kubectl-cordon', 'Update', undefined],
    ['kubectl-drain', 'Update', undefined],
    ['kubectl-edit', 'Update', undefined],
    ['kubectl', 'Update', 'scale'],
  ])('%s (%s) → human', (manager, operation, subresource) => {
    expect(classifyManager(manager, operation, subresource)).toBe('human');
  });

  it.each([
    ['kubectl-client-side-apply', 'Update', 'pipeline'],
    ['kubectl', 'Apply', 'pipeline'],
    ['kubectl-foo', 'Apply', 'unknown'],
    ['my-kubectl-scale', 'Update', 'unknown'],
    ['kubectl_scale_bot', 'Update', 'unknown'],
    ['kube-controller-manager', 'Update', 'controller'],
  ])('%s (%s) → %s', (manager, operation, kind) => {
    expect(classifyManager(manager, operation)).toBe(kind);
  });

  it('replicas raised with kubectl scale, the contract pinning the file: not scaled back by the contract', () => {
    const key = 'Deployment/web.replicas';
    const envs = ['stage', 'live'];
    const contract = parseContract(yamlFileFromText(`expected_differences:\n  "${key}": {stage: "2", live: "10"}\n`, 'c.yaml'), envs);
    const manager = 'kubectl-scale';
    const d = {
      id: key,
      key,
      kind: 'live-drift',
      severity: 'drift',
      envs: ['live'],
      values: { stage: { repo: '2', live: null, at: null, type: 'number' }, live: { repo: '10', live: '24', at: null, type: 'number' } },
      declared: false,
      contract: null,
      notes: [],
      provenance: {
        live: { manager, operation: 'Update', time: '2026-11-26T19:21:00Z', exact: true, human: true, kind: classifyManager(manager, 'Update', 'scale') },
      },
    } as unknown as Divergence;
    const v = explain(d, {}, { promotion: envs, environments: envs, today: '2026-12-02', contract, log: buildLog(new Map(), [], []) });
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
    expect(v.reasons.join('\n')).toMatch(/more capacity set by hand/);
  });
});

describe('two environments the entry does not name: the one that kept the shared value is not moved', () => {
  const eirik = messagesBy('Eirik', 'e@x', 'e');
  const kari = messagesBy('Kari', 'k@x', 'f');
  const entry = '    test: 2\n    reason: test runs at minimum\n';

  function left(subject: string, from: string, to: string, key = 'Deployment/web.replicas') {
    const created = eirik('2027-01-20T10:00:00Z', 'manifests per cluster');
    const changed = kari('2027-09-30T15:30:00Z', subject);
    const at = (env: string, e: typeof created, a: string | null, b: string, order: number): HistoryEvent => ({
      ...eventOf(e, `clusters/${env}/web.yaml`, a, b, { merge: false, revert: false }),
      order,
    });
    const history: Record<string, HistoryEvent[]> = {
      test: [at('test', created, null, '2', 5)],
      east: [at('east', created, null, from, 5)],
      west: [at('west', changed, from, to, 1), at('west', created, null, from, 5)],
    };
    return explainViolation({
      key,
      entry,
      violating: ['east', 'west'],
      values: { test: '2', east: from, west: to },
      history,
      messages: [changed, created],
      today: '2027-11-10',
    });
  }

  it.each([
    'west: web 12 replicas before the move (plan step 1)',
    'west: 12 Replicas vor dem Umzug, Schritt 1 des Plans',
    'west : 12 réplicas avant la bascule (étape 1 du plan)',
    'west: 12 replicas antes del traslado (paso 1 del plan)',
  ])('%s → a declare with the question, never the kept one moved', (subject) => {
    const v = left(subject, '6', '12');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/west/);
    expect(v.reasons.join('\n')).toMatch(/both held "6" until west/);
  });

  it('capacity cut in the one that left goes back to the shared value (the protective side), as a question', () => {
    const v = left('west: 2 replicas', '6', '2');
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'west', value: '6' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('an environment added later as a copy is still held to the others (the peer rule stands)', () => {
    const created = eirik('2026-03-10T09:00:00Z', 'worker config');
    const added = kari('2026-11-25T10:20:00Z', 'add uat env (cloned from qa)');
    const ev = (env: string, e: typeof created, b: string, order: number): HistoryEvent => ({
      ...eventOf(e, `env/${env}.yaml`, null, b, { merge: false, revert: false }),
      order,
    });
    const v = explainViolation({
      key: 'worker.concurrency',
      entry: '    qa: 2\n    reason: qa box has 2 cores\n',
      violating: ['uat'],
      values: { qa: '2', uat: '2', live: '16' },
      history: { qa: [ev('qa', created, '2', 5)], live: [ev('live', created, '16', 5)], uat: [ev('uat', added, '2', 1)] },
      messages: [added, created],
      today: '2026-12-05',
    });
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'uat', value: '16' });
  });
});

describe('a put-back forbidden before something still to come holds the hand edit until then', () => {
  const W = '2027-11-27T09:30:00Z';
  it.each([
    ['en', 'Do not scale storefront down before the capacity review on 8 December.', '2027-12-08'],
    ['en', 'Nobody lowers the pool before the review of 8 Dec, please.', '2027-12-08'],
    ['de', 'Bitte storefront nicht vor dem Kapazitätsreview am 8.12. herunterskalieren.', '2027-12-08'],
    ['fr', 'Ne pas réduire le pool avant la revue de capacité du 8 décembre.', '2027-12-08'],
    ['es', 'No bajar las réplicas antes de la revisión de capacidad del 8 de diciembre.', '2027-12-08'],
    ['nl', 'Niet afschalen vóór de capaciteitsreview op 8 december.', '2027-12-08'],
    ['sv', 'Skala inte ner före kapacitetsgenomgången den 8 december.', '2027-12-08'],
  ])('%s: %s → held until %s', (_lang, text, day) => {
    expect(notBefore(text, W, true)).toMatchObject({ date: day });
  });

  it.each([
    ['en', 'Do not revert the mitigation until the vendor ships the fix.', 'the vendor ships the fix'],
    ['it', 'Non ridurre le repliche prima della revisione della capacità.', 'revisione della capacità'],
    ['pt', 'Não reduzir antes da revisão de capacidade.', 'revisão de capacidade'],
  ])('%s: %s → held until an event', (_lang, text, event) => {
    expect(notBefore(text, W, true)?.event).toContain(event);
  });

  it.each([
    'Scale storefront down before the capacity review on 8 December.',
    'We lowered the pool before the review of 8 December.',
    'Do not scale storefront down.',
    'Storefront vor dem Review am 8.12. herunterskalieren.',
    'Réduire le pool avant la revue du 8 décembre.',
  ])('%s → no hold', (text) => {
    expect(notBefore(text, W, true)).toBeUndefined();
  });

  it('lowering a value cut by hand is not taking it back', () => {
    expect(notBefore('Do not lower the pool before the review on 8 December.', W, false)).toBeUndefined();
  });
});

describe("an incident note's hold on scaling the object down is the replica count's fate", () => {
  const KEY = 'Deployment/shop.replicas';
  const EDIT = '2027-11-26T19:21:00Z';
  const author = messagesBy('Ana', 'a@x', 'b');
  const created = messagesBy('Jo', 'j@x', 'a')('2027-05-10T10:00:00Z', 'manifests');
  const fate = (text: string, today = '2027-12-02', live = '24') => {
    const note = author('2027-11-27T09:30:00Z', 'incident note');
    const messages: Message[] = [note, created];
    const log = buildLog(
      new Map([['live', new Map([[KEY, [eventOf(created, 'k8s/live/shop.yaml', null, '10', { merge: false, revert: false })]]])]]),
      messages,
      [{ path: 'docs/incidents/traffic.md', text, sha: note.sha }],
    );
    return liveFate(
      { key: KEY, env: 'live', environments: ['stage', 'live'], live, file: '10', editedAt: EDIT, tickets: [], object: false, holder: 'shop' },
      log,
      today,
    );
  };

  it.each([
    '# Traffic spike\n\n- 20:21 `kubectl scale deploy/shop --replicas=24`\n\nActions:\n- Do not scale shop down before the capacity review on 8 December.',
    '# Lastspitze\n\n- 20:21 `kubectl scale deploy/shop --replicas=24`\n\n- shop bitte nicht vor dem Kapazitätsreview am 8.12. herunterskalieren.',
    '# Pic de trafic\n\n- 20:21 `kubectl scale deploy/shop --replicas=24`\n\n- Ne pas réduire shop avant la revue de capacité du 8 décembre : on ne scale pas shop avant.',
    '# Piek\n\n- 20:21 `kubectl scale deploy/shop --replicas=24`\n\n- shop niet afschalen vóór de capaciteitsreview op 8 december.',
  ])('%s → held until the day, nothing said after', (text) => {
    expect(fate(text)).toMatchObject({ fate: 'keep', date: '2027-12-08', opens: true });
  });

  it.each([
    // Another environment's object, a plain mention, a lowering planned on the day.
    '# Spike\n\n- `kubectl scale deploy/shop --replicas=24`\n\n- Do not scale shop down in stage before the review on 8 December.',
    '# Spike\n\n- `kubectl scale deploy/shop --replicas=24`\n\n- We will talk about shop at the capacity review on 8 December.',
  ])('%s → no hold read', (text) => {
    const read = fate(text);
    expect(read && 'opens' in read ? read.opens : undefined).toBeUndefined();
  });
});
