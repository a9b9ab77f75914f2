// A fix's trouble reported back where the fix never arrived: a record written after the fix, citing its
// incident, that reports failures and names the lagging environment still running the value the fix
// replaced, sends the fix there (explicitly, so the safety net does not hide it). Phrasings of our own
// in English, German, French and Spanish (not the story's words), and the near misses.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { troubleBack } from '../../src/verdict/trouble-back.js';
import type { Message } from '../../src/verdict/log.js';

const kai = messagesBy('Kai Berg', 'k@x', 'a');
const eva = messagesBy('Eva Lund', 'e@x', 'b');
const KEY = 'payments.poolSize';
const FIX = { date: '2026-09-01T09:00:00Z', tickets: ['OPS-512'] };

function logWith(text: string, written = '2026-09-20T08:00:00Z') {
  const note: Message = { ...eva(written, 'incident note'), files: ['docs/incidents/2026-09-20.md'] };
  return buildLog(new Map(), [note], [{ path: 'docs/incidents/2026-09-20.md', text, sha: note.sha }]);
}

const NOTES: Array<[string, string]> = [
  [
    'English',
    '# Pool exhaustion again\n\n- 40 requests failed with connection timeouts at 03:00.\n- Same pattern as OPS-512: production still runs poolSize 20.\n',
  ],
  ['German', '# Pool erschöpft\n\n- 40 Anfragen schlugen mit Timeouts fehl.\n- Gleiches Muster wie OPS-512: Prod läuft noch mit poolSize 20.\n'],
  ['French', '# Pool épuisé\n\n- 40 requêtes en erreur (timeouts) cette nuit.\n- Même signature qu’OPS-512 : la prod tourne toujours avec poolSize 20.\n'],
  ['Spanish', '# Pool agotado\n\n- 40 peticiones fallaron por timeout.\n- Mismo patrón que OPS-512: producción sigue con poolSize 20.\n'],
];

describe('the fix’s trouble reported back where the old value still runs', () => {
  it.each(NOTES)('%s: read', (_lang, text) => {
    expect(troubleBack(KEY, 'production', '20', '60', FIX, logWith(text), '2026-10-01')).toBeDefined();
  });

  it.each([
    ['no failure reported', '# Pool review\n\n- Same pattern as OPS-512 checked: production still runs poolSize 20, no errors since.\n'],
    ['not citing the fix', '# Pool exhaustion\n\n- 40 requests failed with connection timeouts.\n- production still runs poolSize 20.\n'],
    ['another environment', '# Pool exhaustion\n\n- 40 requests failed with timeouts.\n- Same pattern as OPS-512: staging still runs poolSize 20.\n'],
    ['the fix’s own value blamed', '# Pool exhaustion\n\n- 40 requests failed with timeouts at poolSize 60.\n- OPS-512: production runs poolSize 60.\n'],
    [
      'held back',
      '# Pool exhaustion\n\n- 40 requests failed with timeouts.\n- OPS-512: production runs poolSize 20; do not change production before the DB upgrade.\n',
    ],
  ])('%s: not read', (_what, text) => {
    expect(troubleBack(KEY, 'production', '20', '60', FIX, logWith(text), '2026-10-01')).toBeUndefined();
  });

  it('written before the fix: not read', () => {
    expect(troubleBack(KEY, 'production', '20', '60', FIX, logWith(NOTES[0]![1], '2026-08-20T08:00:00Z'), '2026-10-01')).toBeUndefined();
  });
});

/** staging took the incident fix (20 → 60, OPS-512) on FIX.date; production still holds 20. */
function judge(note?: string) {
  const created = kai('2026-03-01T09:00:00Z', 'payments config');
  const fixed = kai(FIX.date, 'staging: poolSize 60 (OPS-512)', 'Pool exhaustion incident OPS-512: connections starved under load.');
  const doc: Message = { ...eva('2026-09-20T08:00:00Z', 'incident note'), files: ['docs/incidents/2026-09-20.md'] };
  const base = (env: string): HistoryEvent => ({ ...eventOf(created, `${env}.yaml`, null, '20', { merge: false, revert: false }), order: 5 });
  return explainCrossEnv({
    key: KEY,
    history: {
      staging: [{ ...eventOf(fixed, 'staging.yaml', '20', '60', { merge: false, revert: false }), order: 1 }, base('staging')],
      production: [base('production')],
    },
    messages: [created, fixed, ...(note ? [doc] : [])],
    values: { staging: '60', production: '20' },
    type: 'number',
    today: '2026-10-01',
    ...(note ? { documents: [{ path: 'docs/incidents/2026-09-20.md', text: note, sha: doc.sha }] } : {}),
  });
}

describe('a fix that did not reach production, and its trouble back there', () => {
  it.each(NOTES)('%s: production takes the fix', (_lang, text) => {
    const v = judge(text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '60' });
    expect(v.reasons.join('\n')).toMatch(/reports the trouble back in production/);
  });

  it('with no such record, a person is asked', () => {
    const v = judge();
    expect(v.confidence, v.reasons.join('\n')).toBeLessThan(0.6);
  });
});
