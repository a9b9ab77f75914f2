// What a document says a switch MUST be in an environment states that environment's value: a file
// holding the opposite did not follow the document — an environment cloned from another that kept
// what its ticket said not to copy — and goes back to what the document requires (spent holdout-27,
// lane sp27e). A wish, a condition, a question or a requirement bounded in time is no such statement.
// Texts of our own, in the languages read; judged in memory.
import { describe, expect, it } from 'vitest';
import { requiredSwitch } from '../../src/verdict/required.js';
import { featurePattern } from '../../src/verdict/documented.js';
import { judge, type Step } from './memory-story.js';

const KEY = 'notifications.smsSender.enabled';
const names = featurePattern(KEY)!;

describe('a switch required on or off, in the languages read', () => {
  it.each([
    ['en', 'SMS sender: has to stay disabled, it texts real phone numbers.', false],
    ['en', 'The SMS sender must not be enabled here.', false],
    ['de', 'Der SMS Sender muss aus bleiben (echte Telefonnummern).', false],
    ['de', 'SMS-Sender: darf nicht aktiviert sein.', false],
    ['fr', 'Le SMS sender doit être désactivé : il enverrait des SMS à de vrais clients.', false],
    ['es', 'El SMS sender debe estar apagado en este entorno.', false],
    ['it', "L'SMS sender deve essere disattivato.", false],
    ['nl', 'De SMS sender moet uit staan.', false],
    ['sv', 'SMS sender måste vara avstängd.', false],
    ['pl', 'SMS sender musi być wyłączony.', false],
    ['pt', 'O SMS sender deve estar desligado.', false],
    ['en', 'SMS sender: must be on, the OTP login depends on it.', true],
    ['de', 'Der SMS Sender muss aktiviert sein.', true],
  ])('%s: %s', (_lang, text, on) => {
    expect(requiredSwitch(text, names)).toMatchObject({ on });
  });

  it.each([
    ['a wish', 'The SMS sender should be off here.'],
    ['a condition', 'If the SMS sender must be off, ask the platform team.'],
    ['bounded in time', 'The SMS sender must be off until the go-live.'],
    ['bounded in time (de)', 'Der SMS Sender muss bis zum Launch aus bleiben.'],
    ['a question', 'Must the SMS sender be off?'],
    ['off something', 'The SMS sender must be taken off the shared queue.'],
    ['aus something (de)', 'Der SMS Sender muss aus dem Repo raus.'],
    ['another key', 'The mail relay must be off.'],
  ])('not a requirement of the switch — %s', (_what, text) => {
    expect(requiredSwitch(text, names)).toBeUndefined();
  });
});

describe('a cloned environment that kept what its document says it must not', () => {
  const ENVS = ['staging', 'preprod', 'production'];
  const steps: Step[] = [
    { subject: 'notification config', date: '2027-01-10T10:00:00Z', set: { staging: ['', 'false'], production: ['', 'true'] } },
    {
      subject: 'new preprod environment, cloned from production (OPS-77)',
      date: '2027-03-01T10:00:00Z',
      set: { preprod: ['', 'true'] },
      touched: ['docs/envs/preprod.md'],
    },
  ];
  const doc = (text: string) => ({ envs: ENVS, documents: [{ path: 'docs/envs/preprod.md', text, step: 1 }] });

  it.each([
    '# preprod (OPS-77)\n\nA clone of production, except:\n\n- SMS sender: must be disabled (it would text real customers)\n',
    '# preprod (OPS-77)\n\nKopie von Produktion. Ausnahmen:\n\n- SMS Sender: muss aus bleiben, sonst bekommen echte Kunden SMS\n',
    '# preprod (OPS-77)\n\nCopie de la production, sauf :\n\n- SMS sender : doit être désactivé (il enverrait des SMS aux vrais clients)\n',
    '# preprod (OPS-77)\n\nCopia de producción, salvo:\n\n- SMS sender: debe estar desactivado (enviaría SMS a clientes reales)\n',
  ])('goes back to what the document requires — %s', (text) => {
    const v = judge(KEY, steps, '2027-04-01', {}, doc(text));
    expect(v.suggested).toBe('revert');
    expect(v.drifted).toBe('preprod');
    expect(v.value).toBe('false');
  });

  it.each([
    ['the document requires what the clone holds', '# preprod (OPS-77)\n\n- SMS sender: must be on, the OTP tests need it\n'],
    ['only a wish', '# preprod (OPS-77)\n\n- SMS sender: should probably be off at some point\n'],
    ['about another environment', '# staging (OPS-77)\n\n- SMS sender: must be disabled\n'],
  ])('no move from the document — %s', (_what, text) => {
    const v = judge(KEY, steps, '2027-04-01', {}, { envs: ENVS, documents: [{ path: 'docs/envs/notes.md', text, step: 1 }] });
    expect(v.suggested === 'revert' && v.drifted === 'preprod').toBe(false);
  });
});
