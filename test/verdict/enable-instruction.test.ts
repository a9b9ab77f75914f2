// A decision's next step written as an instruction, its verb first, in the languages read (conditions.ts
// `goFor`): "Enable it in production" is read in English; the same instruction in another language, at
// the head of its sentence or after a decision's label, is a go for the environment it names, as
// English is. Phrasings of our own; as many that are no go (negated, asked, a condition, a gate still
// ahead, a record of what was done, another environment).
import { describe, expect, it } from 'vitest';
import { goFor } from '../../src/verdict/conditions.js';

describe('an instruction to switch it on in an environment, verb first, is a go for it', () => {
  it.each([
    ["Activer l'authentification forte en production d'ici fin août.", 'production'],
    ['Activar la verificación en dos pasos en producción antes del cierre del trimestre.', 'prod'],
    ['- Ativar o segundo fator em produção até o fim do mês.', 'prod'],
    ['Aktivera tvåstegsverifiering i produktion senast fredag.', 'prod'],
    ['Włączyć logowanie dwuskładnikowe na produkcji do końca miesiąca.', 'prod'],
    ['Decisione: abilitare i controlli in produzione la prossima settimana.', 'produzione'],
    ['Beslutning: aktivér funktionen i produktion med næste release.', 'prod'],
  ])('%s', (text, env) => {
    expect(goFor(text, env)).toBeTruthy();
  });

  it.each([
    ['Non attivare in produzione finché il QSA non ha risposto.', 'produzione'],
    ['Activer en production ?', 'prod'],
    ['Activar en producción después de la auditoría.', 'prod'],
    ['Si la recette passe, activer en production.', 'prod'],
    ['Attivato in produzione il 3 settembre.', 'produzione'],
    ['Aktivera i staging först.', 'prod'],
    ['Włączyć na stagingu, produkcja czeka.', 'prod'],
  ])('no go: %s', (text, env) => {
    expect(goFor(text, env)).toBeUndefined();
  });
});
