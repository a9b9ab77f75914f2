/** Where each part of the screen goes for a terminal size. The frame stays one row shorter than
 * the terminal: Ink clears the whole screen (and the scrollback) on every render of a frame as
 * tall as the terminal. */
export interface Layout {
  columns: number;
  height: number;
  /** Rows between the two header lines and the two footer lines. */
  bodyHeight: number;
  /** The list pane (0 when the timeline or an overlay takes the whole width). */
  listWidth: number;
  detailWidth: number;
  /** Rows of divergences (the list's title takes one). */
  listHeight: number;
}

export function layoutFor(columns: number, rows: number, fullWidth = false): Layout {
  const width = Math.max(40, columns);
  const height = Math.max(10, rows - 1);
  const bodyHeight = height - 4;
  // Under 160 columns the list takes a little more than half: its keys (then values) are what is
  // scanned, and the detail pane stacks its values when narrow.
  const listWidth = fullWidth ? 0 : Math.floor(width * (width < 160 ? 0.55 : 0.5));
  const detailWidth = fullWidth ? width : width - listWidth - 1;
  return { columns: width, height, bodyHeight, listWidth, detailWidth, listHeight: bodyHeight - 1 };
}
