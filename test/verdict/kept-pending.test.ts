// Session 31 (spent holdout-28, lane c): a setting a document leaves unset or off in one environment
// while something is awaited ("Leave exportEnabled unset meanwhile", "vorerst nicht aktivieren") is that
// environment's state for now: declared as its own, with the question whether what it waits for has
// come — never the others' value copied in before the answer. Phrasings and situations of their own,
// none from a verdict story; with near misses (asked, a condition, nothing awaited).
import { describe, expect, it } from 'vitest';
import { keptPending } from '../../src/verdict/kept-pending.js';
import { judge, type Step } from './memory-story.js';

const names = (s: string) => /shareUsage/i.test(s);
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('left unset or off while something is awaited', () => {
  it.each([
    ['- [ ] usage sharing: blocked until the DPO signs off. Leave `shareUsage` unset meanwhile.', 'unset'],
    ['Do not set shareUsage in apac until security has reviewed the vendor.', 'unset'],
    ['- [ ] Nutzungsdaten: blockiert, der Datenschutz prüft noch. shareUsage vorerst nicht setzen.', 'unset'],
    ["- [ ] partage d'usage : bloqué. Laisser shareUsage non défini en attendant l'avis du DPO.", 'unset'],
    ['- [ ] uso compartido: bloqueado. Dejar shareUsage sin definir mientras tanto.', 'unset'],
    ['- [ ] partilha de uso: bloqueada. Deixar shareUsage sem valor por enquanto.', 'unset'],
    ['- [ ] gebruiksdata: geblokkeerd. shareUsage voorlopig niet zetten.', 'unset'],
    ['Keep shareUsage off in apac until legal confirms the transfer.', 'off'],
    ['shareUsage bis zur Freigabe durch den Datenschutz nicht aktivieren.', 'off'],
    ["Ne pas activer shareUsage tant que le juridique n'a pas répondu.", 'off'],
    ['Lasciare shareUsage disattivato finché il DPO non risponde.', 'off'],
    ['- [ ] usage sharing — blocked on counsel. Leave `usage.shareUsage` unset meanwhile (nothing is sent when it is unset).', 'unset'],
  ])('%s', (text, state) => {
    expect(keptPending(text, names)).toMatchObject({ state });
  });

  it.each([
    // Asked, or a condition.
    ['Should we leave shareUsage unset until the DPO answers?'],
    ['If the DPO says no, leave shareUsage unset for now.'],
    // Nothing awaited: a keep for good is read elsewhere.
    ['Leave shareUsage unset: the service does not share usage.'],
    // Another key.
    ['Leave the retention flag unset meanwhile.'],
    // Lifted, not kept.
    ['The DPO signed off: set shareUsage in apac.'],
  ])('not kept pending: %s', (text) => {
    expect(keptPending(text, names)).toBeUndefined();
  });
});

describe('a region set up without a setting, pending an answer, is declared as that region state', () => {
  const ENVS = ['emea', 'apac'];
  const steps: Step[] = [
    { subject: 'usage settings for emea', date: '2027-02-01T10:00:00Z', set: { emea: ['', 'true'] } },
    {
      subject: 'apac region (REG-9)',
      body: 'Copied from emea except the usage sharing, see the checklist.',
      date: '2027-09-07T10:00:00Z',
      touched: ['docs/regions/apac.md'],
    },
  ];
  const checklist = (line: string) => ({
    path: 'docs/regions/apac.md',
    step: 1,
    text: `# apac onboarding (REG-9)\n\nChecklist\n- [x] region, limits — as emea\n- [ ] usage sharing — blocked: the DPO must confirm the transfer. ${line}\n`,
  });

  it.each([
    ['Leave `shareUsage` unset meanwhile.'],
    ['`shareUsage` vorerst nicht setzen.'],
    ['Dejar `shareUsage` sin definir mientras tanto.'],
    ['Laisser `shareUsage` non défini en attendant.'],
    ['Leave `usage.shareUsage` unset for now (nothing is sent when it is unset).'],
  ])('%s', (line) => {
    const v = judge('usage.shareUsage', steps, '2027-12-01', {}, { envs: ENVS, documents: [checklist(line)] });
    expect(v, why(v)).toMatchObject({ suggested: 'declare', deliberate: 'apac' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question ?? '').toContain('apac');
  });

  it('without the checklist nothing makes apac the deliberate one', () => {
    const v = judge('usage.shareUsage', steps, '2027-12-01', {}, { envs: ENVS });
    expect(v.deliberate, why(v)).not.toBe('apac');
  });
});
