// A question asked since a test change, whether the next environment takes its value, that nothing
// written after it answers: the evidence cannot decide, and the verdict says whose question it is.
import { describe, expect, it } from 'vitest';
import { explainOneChange, messagesBy } from './log-builders.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { openQuestion } from '../../src/verdict/asked.js';
import type { Message } from '../../src/verdict/log.js';

const KEY = 'migration.rekey.chunkSize';
const olu = messagesBy('Olu Adeyemi', 'o@x', 'a');
const ada = messagesBy('Adaeze Obi', 'a@x', 'b');
const CHANGED = '2026-11-16T09:30:00Z';
const logOf = (messages: Message[]) =>
  buildLog(
    new Map(),
    [...messages].sort((a, b) => b.date.localeCompare(a.date)),
  );

describe('an open question about the next environment', () => {
  it.each([
    ['English, addressed to someone', '@adaeze should the real run in prod use 5000 as well? Leaving prod at 1000 until you say.'],
    ['Spanish', 'El dry run fue bien. ¿Usamos 5000 también en producción?'],
    ['German', 'Trockenlauf ok. Soll Produktion auch 5000 bekommen?'],
    ['French', 'Dry run ok. On passe la prod à 5000 aussi ?'],
  ])('%s', (_what, body) => {
    const log = logOf([olu('2026-11-17T08:12:00Z', 'dry run notes', body)]);
    expect(openQuestion(KEY, 'production', '5000', '1000', CHANGED, 'x', log, '2026-12-04')?.question).toMatch(/5000/);
  });

  it.each([
    [
      'answered after',
      [
        olu('2026-11-17T08:12:00Z', 'notes', 'should prod use 5000 as well?'),
        ada('2026-11-20T08:00:00Z', 'rekey plan', 'Production keeps 1000: its table is six times bigger.'),
      ],
    ],
    ['about another environment', [olu('2026-11-17T08:12:00Z', 'notes', 'should dev use 5000 as well?')]],
    ['asked before the change', [olu('2026-11-10T08:12:00Z', 'notes', 'should prod use 5000 for the real run?')]],
    ['asked after today', [olu('2026-12-10T08:12:00Z', 'notes', 'should prod use 5000 for the real run?')]],
    ['not a question', [olu('2026-11-17T08:12:00Z', 'notes', 'prod uses 5000 for the real run.')]],
  ])('none when %s', (_what, messages) => {
    expect(openQuestion(KEY, 'production', '5000', '1000', CHANGED, 'x', logOf(messages), '2026-12-04')).toBeUndefined();
  });
});

describe('a test value upstream, and the question open', () => {
  const judge = (later: Message[]) =>
    explainOneChange({
      key: KEY,
      envs: ['staging', 'production'],
      file: (env) => `config/${env}.yaml`,
      created: ada('2026-10-01T08:00:00Z', 'migration settings'),
      changed: olu(CHANGED, 'staging: rekey dry run with 5000-row chunks', '1000 would take ~9h on staging. Trying 5000 for the dry run.'),
      from: '1000',
      to: '5000',
      later,
      today: '2026-12-04',
    });

  it('declared at most 0.5, with the question asked', () => {
    const v = judge([olu('2026-11-17T08:12:00Z', 'dry run notes', 'Dry run done in 1h50. @adaeze should the real run in prod use 5000 as well?')]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: null });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/should the real run in prod use 5000/);
  });

  it('no question asked: the test default stands', () => {
    const v = judge([]);
    expect(v.reasons.join('\n')).not.toMatch(/open question/);
  });
});
