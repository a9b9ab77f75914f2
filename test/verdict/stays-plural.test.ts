// Session 24 (issue 10): a change to production that says the other environments keep their value,
// in the plural the sentence takes when it names several ("test/acc ficam em 7", "dev y qa siguen en
// 7", "test en acc blijven op 7"), is an intended difference, as "test and acc stay at 7" is. The
// languages' tables had the singular only ("fica em", "sigue en", "blijft"): the plural read as
// nothing, and production's stricter value was offered to the environment before it. Phrasings of
// our own, with the negatives.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['test', 'acc', 'prod'];
const commit = (subject: string, body = '') => ({ subject, body, author: 'Rui Costa', email: 'rui@example.test', date: '2026-07-21T10:00:00Z' });
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('the other environments keep theirs, said in the plural', () => {
  it.each([
    ['pt', 'prod: retenção de logs para 90 dias (AUD-7)', 'Exigência de auditoria. test e acc ficam em 14, não têm dados reais.'],
    ['pt', 'prod: retenção 90 dias', 'test/acc continuam em 14 dias.'],
    ['es', 'prod: retención 90 días (AUD-7)', 'Lo exige la auditoría. test y acc siguen en 14, no tienen datos reales.'],
    ['it', 'prod: conservazione 90 giorni', 'test e acc restano a 14 giorni.'],
    ['nl', 'prod: bewaartermijn 90 dagen', 'test en acc blijven op 14, daar staat geen echte data.'],
    ['pl', 'prod: retencja 90 dni', 'test i acc zostają na 14 dniach.'],
  ])('%s: %s / %s', (_, subject, body) => {
    const hold = readIntent(commit(subject, body), 'prod', ENVS).hold;
    expect(hold?.follows, JSON.stringify(hold)).toBe(false);
    expect(hold?.envs).toEqual(expect.arrayContaining(['test', 'acc']));
  });

  it.each([
    ['pt', 'prod: retenção 90 dias', 'test e acc ficam para a próxima sprint.'],
    ['es', 'prod: retención 90 días', 'test y acc siguen después.'],
  ])('no keep where the others follow later: %s / %s', (_, subject, body) => {
    expect(readIntent(commit(subject, body), 'prod', ENVS).hold?.follows).not.toBe(false);
  });

  it("the verdict declares production's stricter value, and never moves it into acc", () => {
    const base: Step = { subject: 'db vars', date: '2026-02-10T10:00:00Z', set: { test: ['', '14'], acc: ['', '14'], prod: ['', '14'] } };
    const change: Step = {
      subject: 'prod: retenção de logs para 90 dias (AUD-7)',
      body: 'Exigência de auditoria para dados de clientes.\ntest/acc ficam em 14, não têm dados reais.',
      date: '2026-07-21T10:00:00Z',
      set: { prod: ['14', '90'] },
    };
    const v = judge('log_retention_days', [base, change], '2026-12-05', {}, { envs: ENVS });
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
  });
});
