// Session 39 (holdout-36/03): a going-back verb is written with its object between it and where it goes
// ("Voltar concurrency para 10", "remettre la limite à 10", "riportare la soglia a 30", "devolver el límite a
// 100"): languages.ts' ` … ` table words read it as going back, in a passage about the key written after the
// change (an undo, revert at 0.6). Phrasings of their own; with the negatives: negated, a gap past three words,
// a sentence end between the verb and its preposition, a value never held.
import { describe, expect, it } from 'vitest';
import { foreignSays } from '../../src/verdict/languages.js';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

describe('a going-back verb with its object between', () => {
  it.each([
    ['Decisão da retro: voltar o pool para 20 e escalar com réplicas.', 'pt'],
    ['Na retro decidimos: voltando o timeout para 30 em produção.', 'pt'],
    ['Décision : ramener le pool à 20 en production, avec plus de réplicas.', 'fr'],
    ['Decisione: riportare la soglia a 30 in produzione dopo la revisione.', 'it'],
    ['Decisión del equipo: devolver el límite a 100 en producción.', 'es'],
  ])('"%s" goes back (%s)', (text, language) => {
    expect(foreignSays(text, 'back')).toMatchObject({ language });
  });

  it.each([
    // Negated.
    'Na retro decidimos que não vamos voltar o pool para 20 em produção.',
    // The object runs past three words: the verb and the preposition are not one phrase.
    'Decisão: voltar a discutir o tamanho do pool com o time para decidir em março.',
    // A sentence ends between them.
    'Precisamos voltar. Para o pool, ficamos com 40 em produção.',
  ])('"%s" does not', (text) => {
    expect(foreignSays(text, 'back')?.phrase ?? '').not.toMatch(/\s.+\s(?:para|à|a)$/iu);
  });
});

const TODAY = '2027-03-10';
const steps: Step[] = [
  { subject: 'worker settings', date: '2026-10-01T09:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
  { subject: 'sobe pool do worker pra 60 em prod (fila parada)', date: '2027-02-05T22:00:00Z', set: { production: ['20', '60'] } },
  { subject: 'retro da fila', date: '2027-02-20T15:00:00Z', touched: ['docs/retro/fila.md'] },
];
const retro = (line: string) => ({ documents: [{ path: 'docs/retro/fila.md', text: `# Retro — fila parada\n\n## Decisões\n1. ${line}\n`, step: 2 }] });

describe('a retro deciding the key goes back, its object between', () => {
  it.each(['Voltar worker.pool para 20 e escalar com mais processos, não com threads.', 'Ramener worker.pool à 20 et ajouter des processus.'])(
    '%s: production goes back',
    (line) => {
      const v = judge('worker.pool', steps, TODAY, {}, retro(line));
      expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: '20' });
    },
  );

  it.each([
    // A value production never held: a new value, not the change undone.
    'Voltar worker.pool para 35 e medir de novo.',
    // Negated.
    'Não vamos voltar worker.pool para 20: os 60 ficam.',
  ])('%s: no revert to 20', (line) => {
    const v = judge('worker.pool', steps, TODAY, {}, retro(line));
    expect(v, why(v)).not.toMatchObject({ suggested: 'revert', value: '20' });
  });
});
