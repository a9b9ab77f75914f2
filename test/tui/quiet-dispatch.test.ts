import { describe, expect, it, vi } from 'vitest';
import { QUIET_AFTER_KEY_MS, quietDispatch } from '../../src/tui/controller.js';
import type { Action } from '../../src/tui/state.js';

const progress = (done: number): Action => ({ type: 'phase', source: 'history', phase: { state: 'reading', done, total: 100, unit: 'commits' } });
const liveProgress = (done: number): Action => ({ type: 'livePhase', env: 'production', phase: { state: 'reading', done, total: 6, unit: 'kinds' } });
const done: Action = { type: 'phase', source: 'history', phase: { state: 'done' } };

describe('background progress while keys are pressed', () => {
  it('is dispatched at once when no key was pressed lately', () => {
    const seen: Action[] = [];
    const dispatch = quietDispatch(
      (a) => seen.push(a),
      () => -Infinity,
    );
    dispatch(progress(1));
    expect(seen).toEqual([progress(1)]);
  });

  it('is held right after a key (the newest count per source), and what is not progress goes at once, after it', () => {
    const seen: Action[] = [];
    const dispatch = quietDispatch(
      (a) => seen.push(a),
      () => 1000,
      () => 1000 + QUIET_AFTER_KEY_MS / 2,
    );
    dispatch(progress(1));
    dispatch(progress(2));
    dispatch(liveProgress(3));
    expect(seen).toEqual([]);
    dispatch(done);
    expect(seen).toEqual([progress(2), liveProgress(3), done]);
  });

  it('is shown once the keys pause', async () => {
    const seen: Action[] = [];
    let lastKey = performance.now();
    const dispatch = quietDispatch(
      (a) => seen.push(a),
      () => lastKey,
    );
    dispatch(progress(5));
    expect(seen).toEqual([]);
    lastKey = performance.now(); // another key: the wait starts again
    await vi.waitFor(() => expect(seen).toEqual([progress(5)]), { timeout: 10_000, interval: 20 });
  });
});
