// Session 29 (sp26c): a record superseded by another hands its decision on; it does not call its plan
// off. "Status: Superseded by ADR-34" says ADR-34 now decides — which may go further than the old
// record (its exception gone, the value everywhere) as easily as back. Where the successor is in the
// repository, decided, its words are read; the old status withdraws nothing. Phrasings and
// situations of their own (none from a verdict story), in English, German, French, Spanish, Italian,
// Dutch, Polish and Swedish; negatives: a bare "superseded", no successor in the repository, a
// successor still proposed.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { successorIn, successorNamed } from '../../src/verdict/successor.js';

describe('the successor a status names', () => {
  it.each([
    ['Superseded by ADR-0031', 'ADR-0031'],
    ['Accepted (superseded by ADR 12)', 'ADR-12'],
    ['Ersetzt durch ADR-12 (2027-01-02)', 'ADR-12'],
    ['abgelöst durch RFC-8', 'RFC-8'],
    ["Remplacé par l'ADR-7", 'ADR-7'],
    ['Sustituido por RFC-40', 'RFC-40'],
    ['Substituído pelo ADR-0020', 'ADR-0020'],
    ['Sostituito da ADR-3', 'ADR-3'],
    ['Vervangen door ADR-9', 'ADR-9'],
    ['Zastąpiony przez ADR-4', 'ADR-4'],
    ['Ersatt av ADR-5', 'ADR-5'],
    ['Superseded by [ADR-0012](0012-pool.md)', 'ADR-0012'],
  ])('%s → %s', (status, id) => {
    expect(successorNamed(status)).toBe(id);
  });

  it.each(['Rejected', 'Superseded', 'Withdrawn (product)', 'resolved, the node was replaced by a new one', 'Deprecated'])('%s: none named', (status) => {
    expect(successorNamed(status)).toBeUndefined();
  });

  it('found by its title, its file name, or its number in a folder of records; decided only', () => {
    const accepted = { decided: true };
    expect(successorIn('ADR-34', [{ path: 'docs/adr/connection-pool.md', text: '# ADR-34: pool\n\nStatus: Accepted', status: accepted }])).toBe(true);
    expect(successorIn('ADR-34', [{ path: 'docs/adr/ADR-034-pool.md', text: '# Pool\n', status: accepted }])).toBe(true);
    expect(successorIn('ADR-34', [{ path: 'docs/adr/0034-pool.md', text: '# Pool\n', status: accepted }])).toBe(true);
    expect(successorIn('ADR-34', [{ path: 'docs/adr/0034-pool.md', text: '# ADR-34\n', status: { decided: false } }])).toBe(false);
    expect(successorIn('ADR-34', [{ path: 'docs/notes/0034-pool.md', text: '# Pool\n', status: accepted }])).toBe(false);
    expect(successorIn('ADR-34', [{ path: 'docs/adr/ADR-33.md', text: '# ADR-33, see ADR-34\n', status: accepted }])).toBe(false);
  });
});

describe('a record superseded by a successor in the repository: the successor decides', () => {
  const TODAY = '2026-12-01';
  const KEY = 'db.openSessionInView';
  const steps: Step[] = [
    { subject: 'initial values', date: '2026-03-01T10:00:00Z', set: { staging: ['', 'true'], production: ['', 'true'] } },
    {
      subject: 'ADR-21: session-in-view off in production',
      body: 'Pool exhaustion in production. Staging keeps it on until the reports module is migrated.',
      date: '2026-06-01T10:00:00Z',
      set: { production: ['true', 'false'] },
    },
    { subject: 'ADR-34 supersedes ADR-21', date: '2026-10-01T10:00:00Z' },
  ];
  const old = (status: string) => ({
    path: 'docs/adr/0021-session-in-view.md',
    text: `# ADR-21 session in view\n\nStatus: ${status}\n\n## Decision\n- production: ${KEY}=false now.\n- staging: stays true until the reports module is migrated.\n`,
    step: 2,
  });
  const successor = (status: string, decision: string) => ({
    path: 'docs/adr/0034-session-in-view-everywhere.md',
    text: `# ADR-34 session in view\n\nStatus: ${status}\n\n## Decision\n${decision}\n`,
    step: 2,
  });

  it.each([
    ['English', 'Superseded by ADR-34', 'Accepted. Supersedes ADR-21.', `${KEY}=false in every environment. The staging exception of ADR-21 is gone.`],
    ['German', 'Ersetzt durch ADR-34', 'Angenommen. Ersetzt ADR-21.', `${KEY}=false in allen Umgebungen. Die Ausnahme für Staging entfällt.`],
    ['French', "Remplacé par l'ADR-34", 'Accepté. Remplace ADR-21.', `${KEY}=false dans tous les environnements.`],
    ['Spanish', 'Sustituido por ADR-34', 'Aceptado. Sustituye a ADR-21.', `${KEY}=false en todos los entornos.`],
    ['Italian', 'Sostituito da ADR-34', 'Accettato. Sostituisce ADR-21.', `${KEY}=false in tutti gli ambienti.`],
    ['Dutch', 'Vervangen door ADR-34', 'Geaccepteerd. Vervangt ADR-21.', `${KEY}=false in alle omgevingen.`],
  ])('%s: staging takes the value, production is never put back', (_lang, oldStatus, newStatus, decision) => {
    const v = judge(KEY, steps, TODAY, {}, { documents: [old(oldStatus), successor(newStatus, decision)] });
    expect(v.suggested === 'revert' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'staging', 'false']);
  });

  it('the successor not in the repository: the old status is all there is, and production is not put back with confidence', () => {
    const v = judge(KEY, steps, TODAY, {}, { documents: [old('Superseded by ADR-34')] });
    expect(v.suggested === 'revert' && v.drifted === 'production' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
    expect(v.suggested === 'backfill' && v.drifted === 'staging' && v.confidence >= 0.6).toBe(false);
  });

  it('a successor still proposed hands nothing on: no confident move either way', () => {
    const v = judge(
      KEY,
      steps,
      TODAY,
      {},
      {
        documents: [old('Superseded by ADR-34'), successor('Proposed', `${KEY}=false in every environment.`)],
      },
    );
    expect(v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });

  it('a successor that keeps the exception: production is not put back on the old status', () => {
    const v = judge(
      KEY,
      steps,
      TODAY,
      {},
      {
        documents: [
          old('Superseded by ADR-34'),
          successor('Accepted. Supersedes ADR-21.', `Staging keeps ${KEY}=true on purpose; the reports module stays as it is.`),
        ],
      },
    );
    expect(v.suggested === 'revert' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
    expect(v.reasons.join('\n')).not.toMatch(/withdraws the plan/);
  });
});
