import type { LiveState } from '../model/types.js';

// What each live source read, and of its past, as the report headers say it (Markdown and HTML
// alike): one wording, so the two formats never tell a reader different things.

/** What a live source read of the past, and what it could not: ` · history: 5 revisions, 3 Events; Events not read: …`. */
function pastRead(state: LiveState): string {
  const h = state.history;
  if (!h) return '';
  const counts = [
    h.revisions.length && `${h.revisions.length} workload revision${h.revisions.length === 1 ? '' : 's'}`,
    h.releases.length && `${h.releases.length} Helm release record${h.releases.length === 1 ? '' : 's'}`,
    h.events.length && `${h.events.length} Event${h.events.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return ` · history: ${counts.length ? counts.join(', ') : 'none kept'}${h.notes.length ? `; ${h.notes.join('; ')}` : ''}`;
}

/** `production: ✓ read from snapshot live/production.yaml · history: 5 workload revisions, 4 Helm release records`. */
export function liveSourceText(state: LiveState): string {
  const read = state.status === 'ok' ? '✓ read' : `✗ ${state.status === 'unavailable' ? 'not read' : 'partly read'}`;
  return `${state.env}: ${read} from ${state.source}${state.reason ? ` (${state.reason})` : ''}${pastRead(state)}`;
}
