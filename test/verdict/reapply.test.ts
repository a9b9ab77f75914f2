// A revert followed by its reapply: the reapply stands. An environment the original change set and
// the reapply left out still holds what the revert put back — it was left out, not kept apart.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { reappliedSubject } from '../../src/verdict/reapplied.js';
import type { Message } from '../../src/verdict/log.js';

const ENVS = ['staging', 'production'];
const KEY = 'GRPC_MAX_RECV_MSG_BYTES';
const [OLD, NEW] = ['4194304', '16777216'];

describe('the subject of a reapply', () => {
  it.each([
    ['git ≥ 2.36', 'Reapply "Raise the receive limit"', 'Raise the receive limit'],
    ['older git', 'Revert "Revert "Raise the receive limit""', 'Raise the receive limit'],
    ['a reland, as some teams write it', 'Reland "Raise the receive limit"', 'Raise the receive limit'],
  ])('%s', (_what, subject, original) => {
    expect(reappliedSubject(subject)).toBe(original);
  });
  it.each(['Revert "Raise the receive limit"', 'reapply the patch later', 'Raise the receive limit'])('not a reapply: %s', (subject) => {
    expect(reappliedSubject(subject)).toBeUndefined();
  });
});

describe('the reapply stands, and an environment it left out follows', () => {
  const tomas = messagesBy('Tomás Ferreira', 't@x', 'a');
  const kim = messagesBy('Kim Andersen', 'k@x', 'b');
  const TODAY = '2026-12-04';

  interface Story {
    original: Message;
    revert: Message;
    reapply: Message;
    /** Environments the original and its revert changed; the reapply changes staging only. */
    originalEnvs?: string[];
    /** A later change of production's value (to `value`). */
    later?: { by: Message; value: string };
  }
  const judge = ({ original, revert, reapply, originalEnvs = ENVS, later }: Story) => {
    const created = kim('2026-08-11T09:00:00Z', 'env files per environment');
    const history: Record<string, HistoryEvent[]> = {};
    for (const env of ENVS) {
      const file = `deploy/${env}.env`;
      const events: HistoryEvent[] = [eventOf(created, file, null, OLD, { merge: false, revert: false })];
      if (originalEnvs.includes(env)) {
        events.unshift(eventOf(original, file, OLD, NEW, { merge: false, revert: false }));
        events.unshift(eventOf(revert, file, NEW, OLD, { merge: false, revert: true }));
      }
      if (env === 'staging') events.unshift(eventOf(reapply, file, OLD, NEW, { merge: false, revert: true }));
      if (env === 'production' && later) events.unshift(eventOf(later.by, file, OLD, later.value, { merge: false, revert: false }));
      history[env] = events.map((e, i) => ({ ...e, order: i }));
    }
    const messages = [later?.by, reapply, revert, original, created].filter((m): m is Message => !!m);
    const log = buildLog(new Map(Object.entries(history).map(([env, events]) => [env, new Map([[KEY, events]])])), messages);
    const d = {
      id: KEY,
      key: KEY,
      kind: 'cross-env',
      severity: 'drift',
      envs: ENVS,
      values: {
        staging: { repo: NEW, live: null, at: null, type: 'number' },
        production: { repo: later?.value ?? OLD, live: null, at: null, type: 'number' },
      },
      declared: false,
      contract: null,
      notes: [],
    } as unknown as Divergence;
    return explain(d, history, { promotion: ENVS, environments: ENVS, today: TODAY, log });
  };
  const story = (reapplySubject: (original: Message, revert: Message) => string, body = '', revertBody = (o: Message) => `This reverts commit ${o.sha}.`) => {
    const original = tomas('2026-10-14T09:40:00Z', 'Raise gRPC max receive size to 16 MiB', 'Uploads of large statements fail with RESOURCE_EXHAUSTED.');
    const revert = tomas(
      '2026-10-14T14:05:00Z',
      `Revert "${original.subject}"`,
      `${revertBody(original)}\n\nintegration suite red, reverting until I know why`,
    );
    const reapply = tomas(
      '2026-10-16T08:22:00Z',
      reapplySubject(original, revert),
      body || `This reverts commit ${revert.sha}.\n\nThe red suite was a flaky contract test.`,
    );
    return { original, revert, reapply };
  };

  it('git\'s "Reapply" whose body names the revert: production follows', () => {
    const v = judge(story((o) => `Reapply "${o.subject}"`));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: NEW });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
    expect(v.reasons.join('\n')).not.toMatch(/flaps/);
  });

  it('older git\'s "Revert "Revert …"" whose shas no longer resolve (a rebased history): by the subjects', () => {
    const s = story(
      (o) => `Revert "Revert "${o.subject}""`,
      'This reverts commit 0123456789abcdef0123456789abcdef01234567.\n\nfalse alarm, putting it back',
      () => 'This reverts commit fedcba9876543210fedcba9876543210fedcba98.',
    );
    const v = judge(s);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: NEW });
  });

  it('a hand-written "Reland" with no body', () => {
    const v = judge(story((o) => `Reland "${o.subject}"`, ' '));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: NEW });
  });

  it('the reapply names production (keeping it back): this rule says nothing', () => {
    const v = judge(story((o) => `Reapply "${o.subject}"`, 'Staging only for now, production waits for the freeze to end.'));
    expect(v.reasons.join('\n')).not.toMatch(/left out of the reapply/);
  });

  it('production changed since the revert: not left out', () => {
    const s = story((o) => `Reapply "${o.subject}"`);
    const v = judge({ ...s, later: { by: kim('2026-11-02T10:00:00Z', 'prod: 8 MiB receive limit for the partner feed'), value: '8388608' } });
    expect(v.reasons.join('\n')).not.toMatch(/left out of the reapply/);
  });

  it('the original never changed production: nothing was left out', () => {
    const v = judge({ ...story((o) => `Reapply "${o.subject}"`), originalEnvs: ['staging'] });
    expect(v.reasons.join('\n')).not.toMatch(/left out of the reapply/);
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });
});
