// Session 29 (holdout-26/04's cause): "ready for production" is a go in the languages the readers read,
// as English "ready for prod" already was: a validation note that ends "Lista para producción" gives
// the waiting environment its go, and a rollout left waiting past it is finished, not declared. Phrasings
// of their own (es, pt, it, fr, de, nl), none from a verdict story; negatives: negated, asked, with a
// gate still ahead, the noun a list is, Spanish "pronto" (early), another environment.
import { describe, expect, it } from 'vitest';
import { goFor } from '../../src/verdict/conditions.js';
import { judge, type Step } from './memory-story.js';

describe('ready for production, in the languages read, is a go', () => {
  it.each([
    'Validado con los cuatro clientes. Lista para producción.',
    'Sin incidencias: listo para producción.',
    'Homologado com os parceiros, pronto para produção.',
    'Validazione completata: pronta per la produzione.',
    'Recette terminée, prête pour la prod.',
    'Abnahme durch, bereit für Prod.',
    'Acceptatie gedaan, klaar voor productie.',
  ])('"%s"', (text) => {
    expect(goFor(text, 'production')).toBeDefined();
  });

  it.each([
    // Negated.
    'Todavía no está lista para producción.',
    'Noch nicht bereit für Prod.',
    'Pas encore prête pour la prod.',
    'Nog niet klaar voor productie.',
    // Asked.
    '¿Lista para producción?',
    // A gate still ahead.
    'Lista para producción cuando el proveedor confirme el certificado.',
    'Pronta per la produzione dopo il congelamento.',
    // The noun: a list.
    'Actualizamos la lista para producción de transportistas.',
    // Spanish "pronto": early.
    'Es pronto para producción, faltan pruebas.',
    // Another environment.
    'Lista para staging.',
  ])('"%s": no go', (text) => {
    expect(goFor(text, 'production')).toBeUndefined();
  });

  it('a validation note after a rollout step finishes the rollout', () => {
    const steps: Step[] = [
      { subject: 'valores iniciales', date: '2026-03-01T10:00:00Z', set: { staging: ['', '2.4'], production: ['', '2.4'] } },
      {
        subject: 'FAC-20: esquema 2.5 en staging',
        body: 'para validar con los clientes antes de producción',
        date: '2026-09-01T10:00:00Z',
        set: { staging: ['2.4', '2.5'] },
      },
      { subject: 'FAC-20 resultado de la validación', date: '2026-10-01T10:00:00Z' },
    ];
    const v = judge(
      'INVOICE_SCHEMA_VERSION',
      steps,
      '2026-12-01',
      {},
      {
        documents: [
          {
            path: 'docs/facturacion/esquema-2.5.md',
            text: '# Esquema 2.5\n\n## Validación (FAC-20)\n\n28/09: timbrado con 2.5 correcto con los cuatro clientes. Sin incidencias. Lista para producción.\n',
            step: 2,
          },
        ],
      },
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '2.5']);
  });
});
