// Session 29 (holdout-26/21's cause): a decision record that makes a hand-made live change the rule and
// tells the repository to follow it ("the manifest must follow", "das Manifest muss nachziehen") keeps the
// live state: in a document about the object, what the repository follows is what runs, so it is
// codified, not put back, and not left to a question. Phrasings of their own (en, de, fr, es, it, nl, sv,
// pt), none from a verdict story; negatives: the repository told to follow another thing, negated, asked,
// for later, "seguir igual" (stay as is), another environment's repository.
import { describe, expect, it } from 'vitest';
import { liveFateWithNote, messagesBy } from './log-builders.js';
import type { LiveChange } from '../../src/verdict/live-fate.js';

const KEY = 'Deployment/ledger-sync.replicas';
const base = messagesBy('Ines Carvalho', 'ines@x', 'a');
const docs = messagesBy('Tuomas Laine', 'tuomas@x', 'b');
const CREATED = base('2026-04-02T10:00:00Z', 'ledger-sync manifests');
const change: LiveChange = {
  key: KEY,
  env: 'prod',
  environments: ['staging', 'prod'],
  live: '6',
  file: '3',
  editedAt: '2026-10-05T07:30:00Z',
  tickets: [],
  object: false,
  holder: 'ledger-sync',
};
const fate = (text: string) =>
  liveFateWithNote(change, {
    created: CREATED,
    file: 'deploy/prod/ledger-sync.yaml',
    by: docs('2026-10-20T08:00:00Z', 'docs: capacity decision'),
    path: 'docs/decisions/capacity.md',
    text,
    today: '2026-12-01',
  });
const intro = '# ledger-sync capacity\n\nStatus: accepted\n\nledger-sync was scaled by hand in prod on 5 October for the settlement volume.\n\n';

describe('the repository told to follow the live change keeps it', () => {
  it.each([
    'Decision: this is the new baseline; the prod manifest has to follow.',
    'The scale-up stays. The manifest in deploy/prod must follow (owner: Ines).',
    'Entscheidung: so bleibt es, das Manifest muss nachziehen.',
    'Décision : on garde, le dépôt doit suivre.',
    'Decisión: se queda así; el repositorio debe seguir en consecuencia.',
    'Decisione: resta così, il manifest deve seguire.',
    'Besluit: zo laten; het manifest moet volgen.',
    'Beslut: det står kvar, manifestet måste följa efter.',
    'Decisão: fica assim; o manifesto deve acompanhar.',
  ])('"%s": kept', (line) => {
    expect(fate(intro + line)).toMatchObject({ fate: 'keep' });
  });

  it.each([
    // Another thing the repository follows, not the change.
    'The manifest must follow the naming scheme of the platform team.',
    // Negated.
    'The manifest must not follow; this was a one-off.',
    // Asked.
    'Should the manifest follow?',
    // For later: a plan the stated-end readers weigh.
    'The manifest must follow once the settlement audit is signed.',
    // "Seguir igual" is staying as is.
    'El repositorio debe seguir igual hasta la auditoría.',
    // Another environment's repository.
    'The staging manifest must follow.',
  ])('"%s": no fate', (line) => {
    expect(fate(intro + line)).toBeUndefined();
  });
});
