// A live field or object an operator writes is its state, not a drift, where a committed document
// about the operator names the object (operator.ts): read on phrasings of its own — an ADR, a runbook
// line, German, French, Spanish, Dutch, Swedish and Polish notes — and on what must not count: a
// document that calls the operator's write a mistake, one saying the operator no longer runs the
// object, an instruction for a case to come, a document that never names the writer, another object.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { operatorDocumented } from '../../src/verdict/operator.js';
import type { Message } from '../../src/verdict/log.js';

const TODAY = '2027-03-01';
const docs = messagesBy('Ana Lima', 'ana@x', 'c');

function logWith(texts: Array<{ path: string; text: string; at: string }>) {
  const written = texts.map((t) => ({ ...t, by: docs(t.at, `docs: ${t.path}`) }));
  const messages: Message[] = written.map((w) => w.by).sort((a, b) => b.date.localeCompare(a.date));
  return buildLog(
    new Map(),
    messages,
    written.map((w) => ({ path: w.path, text: w.text, sha: w.by.sha })),
  );
}

const FIELD = 'Deployment/payments.replicas';
const read = (manager: string, text: string, key = FIELD, at = '2027-02-01T10:00:00Z') =>
  operatorDocumented(key, manager, logWith([{ path: 'docs/ops/delivery.md', text, at }]), TODAY);

describe('a document naming the operator with the object: the operator runs it', () => {
  it.each([
    [
      'an ADR (Argo Rollouts)',
      'rollouts-controller',
      '# ADR-7 Argo Rollouts for payments\n\nThe stable ReplicaSet of payments is held by Argo Rollouts; the Deployment is scaled to 0 once the Rollout takes over.',
    ],
    ['a runbook line', 'flagger', '# canary\n\n- payments sits at zero replicas between releases: Flagger scales it down.'],
    ['German', 'flagger', '# Flagger\n\nFlagger skaliert payments zwischen den Releases auf 0 herunter; das ist so gewollt.'],
    ['French', 'keda-operator', '# Mise à l’échelle\n\nKEDA pilote le nombre de réplicas de payments selon la file d’attente.'],
    ['Spanish', 'flagger', '# Entrega progresiva\n\nFlagger deja payments en 0 réplicas entre versiones y sirve desde el primario.'],
    ['Dutch', 'flagger', '# Canary\n\nFlagger schaalt payments tussen releases naar nul; niet met de hand opschalen.'],
    ['Swedish', 'flagger', '# Canary\n\nFlagger skalar ner payments till noll mellan releaser.'],
    ['Polish', 'flagger', '# Canary\n\nFlagger skaluje payments do zera między wydaniami.'],
  ])('%s', (_what, manager, text) => {
    expect(read(manager, text)).toBeDefined();
  });

  it("names the operator's own object by its name (a key without a field)", () => {
    expect(
      read('flagger', '# canary\n\n- `payments-primary` serves the traffic; Flagger creates it, it is not in git.', 'Deployment/payments-primary'),
    ).toBeDefined();
  });
});

describe("what does not make it the operator's", () => {
  it.each([
    ['a mistake', 'flagger', '# Flagger incident\n\nFlagger scaled payments to 0 by mistake during the failed analysis.'],
    ['the operator taken off', 'flagger', '# Flagger\n\nFlagger no longer manages payments; it is deployed by Argo CD again.'],
    ['German: taken off', 'flagger', '# Flagger\n\nFlagger steuert payments nicht mehr, wir deployen wieder direkt.'],
    ['Spanish: taken off', 'flagger', '# Flagger\n\nFlagger ya no gestiona payments.'],
    ['a case to come', 'flagger', '# Flagger\n\nIf Flagger ever scales payments to 0 outside a release, page the on-call.'],
    ['a document that never names the writer', 'flagger', '# canary\n\npayments runs at 4 replicas in production.'],
    ['the writer named, another object', 'flagger', '# Flagger\n\nFlagger scales checkout to 0 between releases.'],
    ["a longer name that only begins with the object's", 'flagger', '# Flagger\n\nFlagger scales payments-worker to 0 between releases.'],
  ])('%s', (_what, manager, text) => {
    expect(read(manager, text)).toBeUndefined();
  });

  it('a client named like an environment is no operator', () => {
    const log = logWith([{ path: 'docs/ops/delivery.md', text: '# production\n\npayments runs 4 replicas in production.', at: '2027-02-01T10:00:00Z' }]);
    expect(operatorDocumented(FIELD, 'production', log, TODAY, ['staging', 'production'])).toBeUndefined();
  });

  it('a document written after today is not read', () => {
    expect(read('flagger', '# canary\n\n- payments at 0 replicas: Flagger scales it down.', FIELD, '2027-04-01T10:00:00Z')).toBeUndefined();
  });
});
