// holdout-19's spent fixes (session 22, lane a), part 2: a freeze named by when it falls ("year-end
// freeze", "quarter-end freeze") is a freeze, not its end; and a document's go into an environment
// frozen today is held until the freeze ends — not once it is over, not without a freeze.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import type { Message } from '../../src/verdict/log.js';
import { freezeOn } from '../../src/verdict/notes.js';

describe('a freeze named by when it falls', () => {
  const ENVS = ['staging', 'production'];
  const at = (text: string, today: string, doc?: string) => {
    const [subject, ...body] = text.split('\n');
    const m: Message = {
      sha: 'f'.repeat(40),
      parents: [],
      subject: subject!,
      body: body.join('\n'),
      author: 'Tobias Brandt',
      email: 't@x',
      date: '2026-11-10T10:00:00Z',
      committed: '2026-11-10T10:00:00Z',
    };
    const log = buildLog(new Map(), [m], doc ? [{ path: 'FREEZE.md', text: doc, sha: m.sha }] : []);
    return freezeOn('production', { promotion: ENVS, environments: ENVS, today, log });
  };
  const WINDOW = '# Change freeze\n\n2026-12-01 .. 2027-01-04: no production changes except P1 fixes.';
  it.each(['year-end freeze dates', 'Quarter-end freeze for prod', 'end-of-year freeze calendar', 'holiday code freeze (year-end)'])('a freeze: %s', (text) => {
    expect(at(text, '2026-12-05', WINDOW)).toMatchObject({ until: '2027-01-04' });
  });
  it.each(['year-end freeze is lifted', 'ended the year-end freeze', 'thaw: prod open again'])('still its end: %s', (text) => {
    expect(at(text, '2026-12-05', WINDOW)).toBeUndefined();
  });
  it('past its window, no freeze', () => {
    expect(at('year-end freeze dates', '2027-01-06', WINDOW)).toBeUndefined();
  });
});

describe("a document's go into an environment frozen today waits for the freeze", () => {
  const lucia = messagesBy('Lucía Fernández', 'l@x', 'c');
  const tobi = messagesBy('Tobias Brandt', 't@x', 'd');
  const story = (freezeSubject: string | undefined, freezeDoc: string, signoff: string, today = '2026-12-05') => {
    const key = 'features.offlineCart';
    const created = tobi('2026-04-01T08:00:00Z', 'bff chart values');
    const freeze = freezeSubject ? tobi('2026-11-10T08:00:00Z', freezeSubject) : undefined;
    const change = lucia('2026-11-24T14:40:00Z', 'MOB-733 offline cart on in staging');
    const signed = lucia('2026-11-30T16:55:00Z', 'offline cart sign-off');
    const base = (e: string) => ({ ...eventOf(created, `values.${e}.yaml`, null, 'false', { merge: false, revert: false }), order: 9 });
    const history: Record<string, HistoryEvent[]> = {
      staging: [{ ...eventOf(change, 'values.staging.yaml', 'false', 'true', { merge: false, revert: false }), order: 1 }, base('staging')],
      production: [base('production')],
    };
    return explainCrossEnv({
      key,
      history,
      messages: [signed, change, ...(freeze ? [freeze] : []), created],
      values: { staging: 'true', production: 'false' },
      type: 'boolean',
      today,
      documents: [
        ...(freeze ? [{ path: 'FREEZE.md', text: freezeDoc, sha: freeze.sha }] : []),
        { path: 'docs/signoffs/offline-cart.md', text: signoff, sha: signed.sha },
      ],
    });
  };
  const WINDOW = '# Change freeze\n\n2026-12-01 .. 2027-01-04: no production changes except P1 fixes. Staging is open.';
  const SIGNOFF = '# MOB-733 offline cart - sign-off\n\nQA: passed on staging, crash-free sessions unchanged.\nProduct: go for prod.';
  it.each([
    ['year-end freeze dates', WINDOW],
    ['Change freeze calendar', WINDOW],
    ['Quarter-end freeze', '# Freeze\n\nFrom 2026-12-01 to 2026-12-20 nothing ships to production.'],
  ])('%s: declared until the freeze ends', (subject, doc) => {
    const v = story(subject, doc, SIGNOFF);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'production' });
    expect(v.reasons.join('\n')).toMatch(/freezes production until 20\d\d-\d\d-\d\d/);
  });
  it('no freeze: the go stands', () => {
    const v = story(undefined, '', SIGNOFF);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
  });
  it('the freeze is over: the go stands', () => {
    const v = story('year-end freeze dates', WINDOW, SIGNOFF, '2027-01-06');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'true' });
  });
});
