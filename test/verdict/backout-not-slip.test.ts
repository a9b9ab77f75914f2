// Session 29 (found while reading holdout-26/03's cause, pinned on holdout-23/22): a change record's
// back-out plan ("Rollback: set the schedule back to …") is what would be done should the change fail,
// written before anything happened: it calls the change no slip, even where the record names both the
// new value and the old one. The slip reader reads the record without its contingency sections
// (contingency.ts), as the undo and withdrawal readers already do. Phrasings of their own (en, de, fr,
// es, nl), none from a verdict story; the control: a slip said in so many words still reverts.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-03';
const KEY = 'reports.export.poolSize';
const steps: Step[] = [
  { subject: 'export pool', date: '2026-03-01T10:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
  { subject: 'CHG-51 export pool 40 in production', date: '2026-11-10T10:00:00Z', set: { production: ['20', '40'] } },
  { subject: 'CHG-51 record', date: '2026-11-11T10:00:00Z' },
];
const verdictWith = (lines: string) =>
  judge(KEY, steps, TODAY, {}, { documents: [{ path: 'docs/changes/CHG-51.md', text: `# CHG-51 export pool 20 -> 40\n\n${lines}\n`, step: 2 }] });

describe('a back-out plan is no slip', () => {
  it.each([
    'Reason: month-end exports queue behind each other.\nPlan: 40 in production first, staging next week.\n' +
      'Rollback: set the pool size back to 20 in production, wrongly sized otherwise.\nStatus: production done.',
    'Grund: Exporte stauen sich zum Monatsende, 40 in Produktion.\nRückfallplan: poolSize in Produktion wieder auf 20 setzen, es war ein Fehler.\nStatus: Produktion erledigt.',
    'Raison : les exports s’empilent en fin de mois, 40 en production.\nPlan de retour arrière : remettre le pool à 20 en production, c’était une erreur.\nStatut : production faite.',
    'Motivo: las exportaciones se acumulan a fin de mes, 40 en producción.\nPlan de reversión: volver el pool a 20 en producción, fue un error.\nEstado: producción hecha.',
    'Reden: exports lopen vast aan het eind van de maand, 40 in productie.\nTerugvalplan: pool in productie terug naar 20, het was een fout.\nStatus: productie gedaan.',
  ])('%#: production is not sent back by its back-out plan', (lines) => {
    const v = verdictWith(lines);
    expect(v.suggested === 'revert' && v.drifted === 'production').toBe(false);
  });

  it('control: a slip said in so many words, outside a back-out plan, still sends production back', () => {
    const v = verdictWith('Status: the 40 in production was a mistake; it should be 20 like staging.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'production', '20']);
  });
});
