// Session 28 (holdout-25/47's cause): a document about a live object that says the repository is to
// follow what runs ("bring git in line with what runs", "align the repo with the cluster") keeps the
// object's live state: "what runs" names it, so each drifted field of that object is codified, not put
// back. Phrasings of their own (en, de, fr, es, nl, it, pt), none from a verdict story; negatives: the
// repo made to follow something else, the words negated, the cluster brought in line with the repo.
import { describe, expect, it } from 'vitest';
import { liveFateWithNote, messagesBy } from './log-builders.js';
import type { LiveChange } from '../../src/verdict/live-fate.js';

const KEY = 'Deployment/billing.containers[name=app].image';
const base = messagesBy('Jan Novák', 'jan@x', 'a');
const docs = messagesBy('Farah Siddiqui', 'farah@x', 'b');
const CREATED = base('2026-05-12T10:00:00Z', 'billing manifests');
const change: LiveChange = {
  key: KEY,
  env: 'prod',
  environments: ['staging', 'prod'],
  live: 'registry.example/billing:4.1.2',
  file: 'registry.example/billing:4.2.0',
  editedAt: '2026-11-18T09:02:41Z',
  tickets: [],
  object: false,
  holder: 'billing',
};
const fate = (text: string) =>
  liveFateWithNote(change, {
    created: CREATED,
    file: 'deploy/prod/billing.yaml',
    by: docs('2026-11-19T08:00:00Z', 'docs: rollback note'),
    path: 'docs/ops/rollback.md',
    text,
    today: '2026-12-01',
  });
const intro = 'billing rollback, 18 Nov\n\n- rolled billing back in the Argo UI after the release broke invoices\n';

describe('the repository made to follow what runs keeps the live state', () => {
  it.each([
    '- todo: align the repo with the cluster before re-enabling sync',
    "- next: make the manifests match what's deployed",
    '- TODO: Repo an den Live-Stand angleichen, dann Auto-Sync wieder an',
    '- à faire : aligner le dépôt sur ce qui tourne',
    '- pendiente: alinear el repo con lo que corre',
    '- todo: de repo gelijktrekken met wat draait',
    '- da fare: allineare il repo con quello che gira',
    '- pendente: alinhar o repo com o que está rodando',
  ])('"%s": kept', (line) => {
    expect(fate(intro + line)).toMatchObject({ fate: 'keep' });
  });

  it.each([
    // The cluster brought in line with the repo: the other way round.
    '- todo: bring the cluster in line with git',
    // Negated.
    '- do not align the repo with the cluster yet',
    // The repo made to follow another thing than what runs.
    '- todo: align the repo with the new naming scheme',
    // A question.
    '- should we bring git in line with what runs?',
  ])('"%s": no fate', (line) => {
    expect(fate(intro + line)).toBeUndefined();
  });
});
