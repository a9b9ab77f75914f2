// Session 31 (spent holdout-28, lane c): another environment's clause with a wait word and no date
// ("in Prod bis zur Abschaltung", "w prod do czasu wygaszenia") waits for what it names: that
// environment holds its old value until the event and follows after it, as English "in prod until the
// shutdown" does. An open end ("bis auf Weiteres", "until further notice") is a keep, not a wait.
// Phrasings and situations of their own, none from a verdict story; with near misses.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { waitedEvent } from '../../src/verdict/waited-event.js';
import { judge, type Step } from './memory-story.js';

const WRITTEN = '2027-02-10T10:00:00Z';
const ENVS = ['staging', 'production'];
const hold = (subject: string) => readIntent({ subject, body: '', author: 'a', email: 'a@example.test', date: WRITTEN }, 'staging', ENVS).hold;
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a wait word with no date waits for the event it names', () => {
  it.each([
    ['OPS-5: alter Export-Endpunkt auf staging aus, in production bis zur Abschaltung', 'Abschaltung'],
    ['OPS-5: endpoint viejo apagado en staging, en production hasta el cierre del contrato', 'cierre'],
    ["OPS-5: ancien export coupé en staging, en production jusqu'à la fin du contrat", 'fin du contrat'],
    ['OPS-5: oude export uit op staging, in production tot de uitfasering', 'uitfasering'],
    ['OPS-5: stary eksport wyłączony na staging, na production do czasu migracji klientów', 'migracji'],
    ['OPS-5: vecchio export spento in staging, in production fino alla dismissione', 'dismissione'],
    ['OPS-5: gamla exporten av i staging, i production tills migreringen', 'migreringen'],
  ])('%s', (subject, event) => {
    const h = hold(subject);
    expect(h, JSON.stringify(h)).toMatchObject({ envs: ['production'], follows: true });
    expect(h?.event ?? '').toContain(event);
    // The article after the wait word is not the event's first word.
    expect(h?.event ?? '').not.toMatch(/^(?:la|l’|el|de|o|a|zur|zum) /iu);
  });

  it.each([
    ['OPS-5: old export off in staging, production bleibt bis auf Weiteres an'],
    ['OPS-5: endpoint viejo apagado en staging, production se queda hasta nuevo aviso'],
    ["OPS-5: ancien export coupé en staging, la production le garde jusqu'à nouvel ordre"],
    ['OPS-5: oude export uit op staging, production houdt hem tot nader order'],
    ['OPS-5: stary eksport wyłączony na staging, production zostaje do odwołania'],
  ])('an open end keeps, it does not wait: %s', (subject) => {
    expect(hold(subject)?.follows ?? false, JSON.stringify(hold(subject))).toBe(false);
  });

  it.each([['bis 30.06.'], ['the old export stays'], ['hasta'], ['tot 3'], ['jusqu’aux']])('no event: %s', (clause) => {
    expect(waitedEvent(clause)).toBeUndefined();
  });
});

describe('an expired declaration whose wait is reported over lets the waiting environment follow', () => {
  const steps: Step[] = [
    { subject: 'export settings', date: '2027-01-05T09:00:00Z', set: { staging: ['', 'true'], production: ['', 'true'] } },
    { subject: 'OPS-5: Legacy-Export auf staging aus, in production bis zur Abschaltung', date: WRITTEN, set: { staging: ['true', 'false'] } },
    { subject: 'migration status', date: '2027-04-28T10:00:00Z', touched: ['docs/export/migration.md'] },
  ];
  const declared = {
    reason: 'legacy export sunset (OPS-5), production until the announced date',
    expires: '2027-04-30',
    allowed: { staging: 'false', production: 'true' },
  };
  const doc = (line: string) => ({
    path: 'docs/export/migration.md',
    step: 2,
    text: `# Export migration (OPS-5)\n\n- All customers are on the new export.\n- ${line}\n`,
  });

  it.each([
    ['Approved: switch the legacy export off as planned — Tom (customer success).'],
    ['Abschaltung wie geplant freigegeben — Tom.'],
    ['Zgoda na wyłączenie zgodnie z planem — Tom.'],
    ['Aprobado: apagado según el plan — Tom.'],
  ])('%s', (line) => {
    const v = judge('LEGACY_EXPORT_ENABLED', steps, '2027-06-10', {}, { declared, documents: [doc(line)] });
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'false' });
  });

  it('with no word since, the expired declaration moves nothing with confidence', () => {
    const v = judge('LEGACY_EXPORT_ENABLED', steps.slice(0, 2), '2027-06-10', {}, { declared });
    expect(v.suggested === 'declare' || v.confidence < 0.6, why(v)).toBe(true);
  });
});
