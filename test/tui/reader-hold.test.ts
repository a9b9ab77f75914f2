import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEY_HOLD_MS, LIST_HOLD_MS, readerHold, type Holdable } from '../../src/tui/reader-hold.js';

// When the view stops its reader and lets it go on. The reader here records what it is told (the
// real one is a process group: background-scan.test.ts stops and continues one); time is the
// fake timers', so nothing depends on how fast this machine is.

function reader() {
  const said: string[] = [];
  const r: Holdable & { said: string[]; paused: () => boolean } = {
    said,
    pause: () => void said.push('pause'),
    resume: () => void said.push('resume'),
    paused: () => said.lastIndexOf('pause') > said.lastIndexOf('resume'),
  };
  return r;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the view's hold on its reader", () => {
  it('a key stops the reader until its frame is written, not before', () => {
    const hold = readerHold();
    const r = reader();
    hold.key(r);
    expect(r.paused()).toBe(true);
    hold.frameDrawn();
    // Ink writes the frame right after onRender: the reader goes on at the next turn, not inside it.
    expect(r.paused()).toBe(true);
    vi.advanceTimersToNextTimer();
    expect(r.paused()).toBe(false);
    expect(r.said).toEqual(['pause', 'resume']);
  });

  it('a key that draws nothing lets the reader go after at most KEY_HOLD_MS', () => {
    const hold = readerHold();
    const r = reader();
    hold.key(r);
    vi.advanceTimersByTime(KEY_HOLD_MS - 1);
    expect(r.paused()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(r.paused()).toBe(false);
  });

  it('a key pressed after a frame was drawn keeps its own hold until its own frame', () => {
    const hold = readerHold();
    const r = reader();
    hold.key(r);
    hold.frameDrawn();
    hold.key(r);
    // The first frame's turn comes: it was not drawn for the second key.
    vi.advanceTimersByTime(0);
    expect(r.paused()).toBe(true);
    hold.frameDrawn();
    vi.advanceTimersByTime(0);
    expect(r.paused()).toBe(false);
  });

  it('the first list: frames before it (the loading rows) and keys do not let the reader go; its own frame does', () => {
    const hold = readerHold();
    const r = reader();
    hold.forList(r);
    hold.frameDrawn();
    hold.key(r);
    vi.advanceTimersByTime(KEY_HOLD_MS * 2);
    expect(r.paused()).toBe(true);
    hold.listIn();
    hold.frameDrawn();
    vi.advanceTimersByTime(0);
    expect(r.paused()).toBe(false);
    // Once the list is in, later reads do not hold it again for a list.
    hold.forList(r);
    expect(r.paused()).toBe(false);
  });

  it('a list that never comes lets the reader go after LIST_HOLD_MS; release lets it go at once', () => {
    const hold = readerHold();
    const r = reader();
    hold.forList(r);
    vi.advanceTimersByTime(LIST_HOLD_MS - 1);
    expect(r.paused()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(r.paused()).toBe(false);
    const other = reader();
    hold.key(other);
    hold.release();
    expect(other.paused()).toBe(false);
  });

  it('a new reader (a reload) is held in place of the old one, which goes on', () => {
    const hold = readerHold();
    const [old, fresh] = [reader(), reader()];
    hold.key(old);
    hold.key(fresh);
    expect(old.paused()).toBe(false);
    expect(fresh.paused()).toBe(true);
  });
});
