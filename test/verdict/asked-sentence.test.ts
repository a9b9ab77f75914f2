// Session 31 (spent holdout-28): a step putting a value back, asked as a question ("keep 5 or go back to
// 2?"), is the question a team has not answered — not a procedure due once the incident is over. Read as
// a step, a handover's open question reverted production at 0.55 while three handovers said the answer
// was still awaited. The same words said (a full stop, an instruction) still put the value back.
// Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { askedAt } from '../../src/verdict/asked-sentence.js';
import { putsBackTo } from '../../src/verdict/documents.js';
import { judge, type Step } from './memory-story.js';

describe('a put-back asked is no step', () => {
  it.each([
    ['en', 'Open: the pool runs 40 since the outage. Keep 40 or go back to 20? The DBA team has to weigh in.'],
    ['en, bold item', '- **Open:** do we set it back to 20 now that it is over?** Nobody answered yet.'],
    ['de', 'Offen: Bleibt der Pool bei 40 oder wieder auf 20? Das DBA-Team muss entscheiden.'],
    ['fr', 'Question ouverte : faut-il remettre la taille du pool à 20 ? L’équipe DBA doit trancher.'],
    ['es', '¿Hay que restablecer el pool a 20 o lo dejamos en 40? Falta la opinión del equipo.'],
    ['it', 'Teniamo 40 o riportiamo il pool a 20? Deve decidere il team DBA.'],
    ['nl', 'Houden we 40 of terug naar 20? Het DBA-team moet beslissen.'],
    ['pt', 'Mantemos 40 ou restaurar para 20? A equipe de DBA decide.'],
    ['pl', 'Zostawiamy 40 czy z powrotem na 20? Decyzja zespołu DBA.'],
  ])('%s', (_lang, text) => {
    expect(putsBackTo(text, '20')).toBeUndefined();
    // The same words said, not asked, are a step.
    expect(putsBackTo(text.replace(/\s?[?](?=[\s*]|$)/u, '.').replace(/^¿/u, ''), '20')).toBeDefined();
  });

  it.each([
    ['a step, then a question of its own', 'Once the incident is closed, set the pool back to 20. Questions? Ask the DBA team.'],
    ['the question answered in the next sentence', 'Keep 40 or go back to 20? Decided with the DBA team: go back to 20 once traffic is normal.'],
    ['a step with a decimal value', 'After the drain, set the ratio back to 0.5 and watch the dashboard.'],
    ['a list of steps, a question below', '1. Set POOL back to 20 when the queue is empty\n2. Any errors?'],
    ['de, a step', 'Wenn der Vorfall erledigt ist, den Pool wieder auf 20 setzen.'],
  ])('still a step: %s', (_what, text) => {
    expect(putsBackTo(text, text.includes('0.5') ? '0.5' : '20')).toBeDefined();
  });

  it('reads the sentence a phrase stands in', () => {
    const text = 'Set it back to 2. Keep 5 or go back to 2? Unclear.';
    expect(askedAt(text, text.indexOf('back to 2'))).toBe(false);
    expect(askedAt(text, text.lastIndexOf('back to 2'))).toBe(true);
    expect(askedAt('A wrapped line asks: keep 5 or go back\nto 2?', 30)).toBe(true);
    expect(askedAt('- set back to 2\n- anything else?', 2)).toBe(false);
    expect(askedAt('no mark at all', 0)).toBe(false);
  });
});

// An incident measure; the handover after it, citing the incident, reports it over and asks whether the value stays.
const TODAY = '2027-02-20';
const steps = (handover: string): { steps: Step[]; documents: Array<{ path: string; text: string; step: number }> } => ({
  steps: [
    { subject: 'db pool config', date: '2026-09-01T09:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
    { subject: 'INC-77 mitigation: pool 40 in production', date: '2027-01-12T02:00:00Z', set: { production: ['20', '40'] } },
    { subject: 'handover', date: '2027-01-14T09:00:00Z', touched: ['docs/handover/w02.md'] },
  ],
  documents: [{ path: 'docs/handover/w02.md', text: handover, step: 2 }],
});

describe("an incident's measure whose handover asks whether it goes back", () => {
  it.each([
    ['en', '# Handover\n\n- INC-77 resolved on 12 Jan.\n- Open: DB_POOL_SIZE 40 in production. Keep 40 or go back to 20? Needs the DBA team.\n'],
    ['de', '# Übergabe\n\n- INC-77 erledigt am 12.1.\n- Offen: DB_POOL_SIZE 40 in Produktion. Bleiben wir bei 40 oder wieder auf 20? Braucht das DBA-Team.\n'],
    ['nl', '# Overdracht\n\n- INC-77 resolved op 12 jan.\n- Open: DB_POOL_SIZE 40 in productie. Houden we 40 of terug naar 20? DBA-team beslist.\n'],
    ['fr', '# Relève\n\n- INC-77 résolu le 12/01.\n- Ouvert : DB_POOL_SIZE à 40 en prod. Faut-il remettre DB_POOL_SIZE à 20 ? À voir avec les DBA.\n'],
  ])('%s: no revert on the question', (_lang, handover) => {
    const s = steps(handover);
    const v = judge('DB_POOL_SIZE', s.steps, TODAY, {}, { documents: s.documents });
    expect(v.suggested === 'revert' && v.confidence > 0.5, v.reasons.join('\n')).toBe(false);
  });

  it('the same handover saying the step puts it back', () => {
    const s = steps('# Handover\n\n- INC-77 resolved on 12 Jan.\n- DB_POOL_SIZE 40 in production: once the backlog is gone, set DB_POOL_SIZE back to 20.\n');
    const v = judge('DB_POOL_SIZE', s.steps, TODAY, {}, { documents: s.documents });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: '20' });
  });
});
