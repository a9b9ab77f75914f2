import { UserError } from '../errors.js';
import { windowBound } from '../history/key-timeline.js';

/** A window whose start is after its end holds nothing: `report` would mark no event and `log`
 * would list no decision, without a word. Most likely the two were swapped, so say so. Both
 * bounds have been checked as dates (or dates and times) already. */
export function checkWindowOrder(since: string | undefined, until: string | undefined): void {
  if (since === undefined || until === undefined) return;
  const from = windowBound(since, false);
  const to = windowBound(until, true);
  if (from !== undefined && to !== undefined && from > to)
    throw new UserError(`--since ${since} is after --until ${until}: the window is empty (were they swapped?)`);
}
