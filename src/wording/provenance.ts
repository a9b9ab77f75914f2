import type { Provenance } from '../model/types.js';

/** What kind of writer a manager is, in words: by hand, a deploy, a controller, an unknown client. */
export const writerKind = (p: Provenance): string =>
  p.kind === 'human' ? 'by hand' : p.kind === 'pipeline' ? 'a deploy' : p.kind === 'controller' ? 'a controller' : 'an unknown client';

/** Who wrote a live value, in words: `kubectl-edit (by hand, Update) at or before 2026-07-14T00:10:00Z`. */
export function describeProvenance(p: Provenance): string {
  const how = writerKind(p);
  const when = p.time ? ` ${p.exact ? 'at' : 'at or before'} ${p.time}` : '';
  return `${p.manager} (${how}, ${p.operation}${p.subresource ? ` of ${p.subresource}` : ''})${when}`;
}
