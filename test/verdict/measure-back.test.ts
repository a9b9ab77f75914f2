import { describe, expect, it } from 'vitest';
import { withdrawalIn } from '../../src/verdict/intent.js';
import { statusOf } from '../../src/verdict/answered.js';

// A measure going back is what the change did to a figure, not the change undone: "Checkout-Abbrüche
// gingen zurück" (failures went down) calls nothing off. The change, a value or a setting going back
// — and German's "zurückgehen" with where it goes back to — does.
describe('a measure going back or down withdraws nothing', () => {
  it.each([
    'Checkout-Abbrüche gingen zurück.',
    'Die Fehler sind seitdem deutlich zurückgegangen.',
    'Die Latenz geht zurück, p99 stabil.',
    'Die Timeouts im Checkout gingen spürbar zurück.',
    'Error rate is back to the previous baseline.',
    'les erreurs sont revenues à leur niveau précédent',
    'los errores volvieron al nivel anterior tras el cambio',
    'errors dropped back to normal after the raise',
    'de fouten gingen terug na de verhoging',
  ])('%s', (text) => {
    expect(withdrawalIn(text)).toBeUndefined();
    expect(statusOf(text, '2026-12-01T10:00:00Z')?.says).not.toBe('withdrawn');
  });

  it.each([
    'Wir gingen zurück auf 2 s.',
    'Wir gehen zurück auf den alten Wert.',
    'zurück zum alten Timeout, die Fehler blieben',
    'Änderung zurückgenommen.',
    'Timeout zurückgesetzt auf 2000.',
    'Wir drehen das zurück.',
    'the timeout is back to the old 2 s',
    'on revient à l’ancienne valeur',
    'volvemos al valor anterior',
  ])('the change going back is a withdrawal: %s', (text) => expect(withdrawalIn(text)).toBeDefined());
});
