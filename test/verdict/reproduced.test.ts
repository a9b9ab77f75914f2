// A test setting kept after the thing it reproduced was fixed: the reason is gone, the environment
// goes back. Not while the thing is reported open, nor on a fix of something else.
import { describe, expect, it } from 'vitest';
import { explainOneChange, messagesBy } from './log-builders.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { reproducedFixed, reproducing } from '../../src/verdict/reproduced.js';
import type { Message } from '../../src/verdict/log.js';

const jakub = messagesBy('Jakub Král', 'j@x', 'a');
const laura = messagesBy('Laura Gruber', 'l@x', 'b');
const CHANGED = '2026-11-16T14:12:00Z';
const logOf = (messages: Message[]) =>
  buildLog(
    new Map(),
    [...messages].sort((a, b) => b.date.localeCompare(a.date)),
  );

describe('what a value was set to reproduce', () => {
  it.each([
    ['English', 'tmp: 1 consumer on staging to reproduce out-of-order status updates', 'out-of-order status updates'],
    ['German', 'Pool auf 1 um den Verbindungs-Timeout beim Export nachzustellen', 'den Verbindungs-Timeout beim Export'],
    ['Spanish', 'temporal: 1 worker para reproducir el envío doble de facturas', 'el envío doble de facturas'],
    ['French', 'tmp: cache à 0 pour reproduire le double envoi des factures', 'le double envoi des factures'],
    ['Dutch', 'tijdelijk 1 worker om de dubbele facturen te reproduceren', 'de dubbele facturen'],
  ])('%s', (_what, text, purpose) => {
    expect(reproducing(text)).toBe(purpose);
  });
  it('none said', () => {
    expect(reproducing('staging: 1 consumer, cheaper')).toBeUndefined();
  });
});

describe('found or fixed since', () => {
  const purpose = 'out-of-order status updates';
  it.each([
    [
      'found it, in English',
      jakub('2026-11-18T10:47:00Z', 'found it: partitioner keyed by customer', 'Status updates of one order could land on two partitions.'),
    ],
    ['fixed, by someone else', laura('2026-11-19T10:00:00Z', 'fix(events): keep status updates of an order in order', 'Key by order id.')],
    [
      'German',
      jakub('2026-11-18T10:47:00Z', 'Reihenfolge der Status-Updates behoben', 'Updates einer Order landeten auf zwei Partitionen, Status jetzt pro Order.'),
    ],
  ])('%s', (_what, message) => {
    expect(reproducedFixed(purpose, CHANGED, 'x', logOf([message]), '2026-12-04')?.sha).toBe(message.sha);
  });
  it.each([
    ['not fixed yet', jakub('2026-11-18T10:47:00Z', 'status updates: still reproducing', 'Out-of-order updates not fixed yet, more logging.')],
    ['a fix of something else', jakub('2026-11-18T10:47:00Z', 'fix: webhook timeout', 'Partners on slow links time out at 3s.')],
    ['fixed before the change', jakub('2026-11-10T10:47:00Z', 'fix: status updates out of order', 'Key by order.')],
  ])('not when %s', (_what, message) => {
    expect(reproducedFixed(purpose, CHANGED, 'x', logOf([message]), '2026-12-04')).toBeUndefined();
  });
});

describe('the setting left after the fix goes back', () => {
  const KEY = 'ORDER_EVENT_CONSUMERS';
  const judge = (later: Message[]) =>
    explainOneChange({
      key: KEY,
      envs: ['staging', 'production'],
      file: (env) => `ops/${env}.env`,
      created: laura('2026-04-13T08:00:00Z', 'order service env'),
      changed: jakub(CHANGED, 'tmp: 1 consumer on staging to reproduce out-of-order status updates'),
      from: '4',
      to: '1',
      later,
      today: '2026-12-04',
    });

  it('found and fixed in code: staging reverts to 4', () => {
    const v = judge([
      jakub(
        '2026-11-18T10:47:00Z',
        'found it: partitioner keyed by customer, not by order',
        'Status updates of one order could land on two partitions. Key by order id.',
      ),
    ]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '4', deliberate: 'production' });
    expect(v.reasons.join('\n')).toMatch(/reported found or fixed/);
  });

  it('nothing reports it fixed: not this rule, and never a move to production', () => {
    const v = judge([]);
    expect(v.reasons.join('\n')).not.toMatch(/reported found or fixed/);
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
  });
});
