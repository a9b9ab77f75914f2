/** A reader the view can stop while it draws (background-scan.ts: its process group). */
export interface Holdable {
  pause(): void;
  resume(): void;
}

/** The longest a key stops the reader when it draws no frame (an unbound key). */
export const KEY_HOLD_MS = 50;
/** The longest the reader waits for the first list's frame. */
export const LIST_HOLD_MS = 2000;

/** When the view stops its reader (reader-pause.ts) and lets it go on: on a machine whose cores are
 * all taken, the view's thread otherwise waits its turn behind the reading it started.
 *
 * - A key stops it until the key's frame is written, at most KEY_HOLD_MS.
 * - The first list: from the moment the reader's list is in (or, for the list a view before kept,
 *   from the reader's start) until the list's frame is written, at most LIST_HOLD_MS; frames drawn
 *   before the list (the loading rows) do not let it go. History and live state follow the list.
 *
 * `frameDrawn` is called as Ink draws a frame (its onRender, right before it writes): the reader goes
 * on once the frame is written, on the next turn of the loop. */
export function readerHold() {
  let timer: NodeJS.Timeout | undefined;
  let held: Holdable | undefined;
  let forList = false;
  let listIn = false;
  // Each hold's own: a frame lets go the hold it was drawn for, not one a key took since.
  let generation = 0;
  const release = () => {
    clearTimeout(timer);
    timer = undefined;
    forList = false;
    const was = held;
    held = undefined;
    was?.resume();
  };
  const hold = (reader: Holdable | undefined, ms: number) => {
    if (!reader) return;
    reader.pause();
    if (held !== reader) held?.resume();
    held = reader;
    generation++;
    clearTimeout(timer);
    timer = setTimeout(release, ms);
  };
  return {
    /** The reader whose list is coming (or is shown from the list kept): held until it is drawn. */
    forList(reader: Holdable) {
      if (listIn) return;
      forList = true;
      hold(reader, LIST_HOLD_MS);
    },
    /** The list is dispatched: its frame is the next one drawn. */
    listIn() {
      listIn = true;
    },
    /** A key arrived (before the view reads it); `reader` is the one reading now, if any. */
    key(reader: Holdable | undefined) {
      if (!forList) hold(reader, KEY_HOLD_MS);
    },
    frameDrawn() {
      if (!timer || (forList && !listIn)) return;
      const drawnFor = generation;
      setImmediate(() => {
        if (generation === drawnFor) release();
      });
    },
    /** Lets the reader go now (the view is closing). */
    release,
  };
}
