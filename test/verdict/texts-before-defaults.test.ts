// A default may stand only after the texts were read and said nothing (holdout-15's spent notes:
// liveOnly's class defaults and the Secret branch of liveDrift answered before any text was read).
// Where a text speaks — a note on the live object, a commit from around the edit, a document — the
// answer rests on it and its reasons quote it. Situations and phrasings of their own, every place
// text lives, more than one language.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import type { Divergence } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const ENVS = ['staging', 'production'];
const TODAY = '2026-12-04';
const context = { promotion: ENVS, environments: ENVS, today: TODAY };
const EDIT = '2026-11-18T21:40:00Z';
const byHand = { manager: 'kubectl-edit', operation: 'Update', time: EDIT, exact: false, human: true, kind: 'human' as const };
const message = messagesBy('Ines', 'i@x', 'c');
const withLog = (...messages: Message[]) => ({ ...context, log: buildLog(new Map(), messages) });

const addedLive = (key: string, live: string, annotations?: Record<string, string>): Divergence =>
  ({
    id: key,
    key,
    kind: 'live-only',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: null, live, at: null, type: null, ...(annotations ? { liveAnnotations: annotations } : {}) } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: byHand },
  }) as unknown as Divergence;

const rotated = (key: string, annotations?: Record<string, string>): Divergence =>
  ({
    id: key,
    key,
    kind: 'live-drift',
    severity: 'drift',
    envs: ['production'],
    values: {
      staging: { repo: 'secret:1111111111', live: null, at: null, type: 'secret' },
      production: { repo: 'secret:2222222222', live: 'secret:3333333333', at: null, type: 'secret', ...(annotations ? { liveAnnotations: annotations } : {}) },
    },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: byHand },
  }) as unknown as Divergence;

describe('a note that keeps a value out of the repository is read for any key, wherever it is written', () => {
  it.each([
    [
      'a commit around the edit, English',
      () =>
        withLog(
          message(
            '2026-11-19T08:00:00Z',
            'SEC-41: rotated PAYOUT_API_TOKEN after the CI log leak',
            "Don't commit the new token: it moves to Vault with SEC-44.",
          ),
        ),
    ],
    [
      'a commit around the edit, German',
      () =>
        withLog(
          message('2026-11-19T08:00:00Z', 'PAYOUT_API_TOKEN nach dem Leak rotiert', 'Den neuen Token bitte nicht ins Git einchecken, er kommt in den Vault.'),
        ),
    ],
  ])('a rotated secret, %s: declared, never written into the file', (_what, ctx) => {
    const v = explain(rotated('Secret/payout.data.PAYOUT_API_TOKEN'), {}, ctx());
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).toMatch(/not go into the repository/);
  });

  it('a rotated secret whose live object says the platform manages it: declared', () => {
    const v = explain(
      rotated('Secret/payout.data.PAYOUT_API_TOKEN', { 'ops.example/owner': 'rotated 19.11.; managed by the platform team, not in the app repo' }),
      {},
      context,
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });

  it('a rotation nobody wrote about keeps its default: the reference is updated, never the old value', () => {
    const v = explain(rotated('Secret/payout.data.PAYOUT_API_TOKEN'), {}, context);
    expect([v.suggested, v.drifted]).toEqual(['backfill', 'production']);
  });
});

describe("a value added live by hand: what was written about it before the key's class", () => {
  it('a weakened check whose annotation gives an end still to come is kept until then, not taken away now', () => {
    const v = explain(
      addedLive('NODE_TLS_REJECT_UNAUTHORIZED', '0', { 'ops.example/why': 'vendor cert chain broken (VND-7), remove after 2026-12-20' }),
      {},
      context,
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.expires).toBe('2026-12-20');
  });

  it('a plain value whose annotation gives an end that has passed is removed', () => {
    const v = explain(
      addedLive('IMPORT_BATCH_PAUSE_MS', '250', { 'ops.example/why': 'temporär für die Migration, entfernen nach dem 15.11.2026' }),
      {},
      context,
    );
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'production', null]);
  });

  it('a value a commit around the edit calls a mistake is removed', () => {
    const v = explain(
      addedLive('CHECKOUT_SHADOW_WRITES', 'true'),
      {},
      withLog(
        message(
          '2026-11-19T09:00:00Z',
          'note: CHECKOUT_SHADOW_WRITES set on the wrong deployment last night',
          'Was meant for the canary, not production. Needs to be reverted.',
        ),
      ),
    );
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['revert', 'production']);
  });
});
