import type { DivergencePattern } from '../compare/patterns.js';
import type { Divergence } from '../model/types.js';

/** What one row of the list holds: one divergence, or a group of divergences that share a
 * pattern (`network.routes.*`, `*_URL`: the scan's patterns), shown as one row that opens to
 * list its keys below it. */
export type ListItem =
  | {
      type: 'single';
      id: string;
      divergence: Divergence;
      /** The glob of the open group it is listed under. */
      group?: string;
    }
  | {
      type: 'group';
      id: string;
      pattern: DivergencePattern;
      /** The group's divergences the list shows now (a filter can leave some out). */
      members: Divergence[];
      open: boolean;
    };

export type GroupItem = Extract<ListItem, { type: 'group' }>;

/** A group's id: no divergence id (12 hex digits) starts with ≋. */
export const groupId = (glob: string) => `≋${glob}`;

/** Kinds a pattern groups (as `findPatterns` does): a live difference of the same key stays a
 * row of its own, decided on its own. */
const GROUPED_KINDS = new Set(['cross-env', 'missing']);

/** The rows of the list for the divergences shown, in their order: each group where its first
 * divergence would be, its divergences right below it when it is open. */
export function buildItems(visible: Divergence[], patterns: DivergencePattern[], open: ReadonlySet<string>): ListItem[] {
  if (patterns.length === 0) return visible.map((d) => ({ type: 'single', id: d.id, divergence: d }));
  const patternOf = new Map<string, DivergencePattern>();
  for (const p of patterns) for (const key of p.keys) patternOf.set(key, p);
  const members = new Map<DivergencePattern, Divergence[]>();
  for (const d of visible) {
    const p = GROUPED_KINDS.has(d.kind) ? patternOf.get(d.key) : undefined;
    if (!p) continue;
    const group = members.get(p);
    if (group) group.push(d);
    else members.set(p, [d]);
  }
  const items: ListItem[] = [];
  for (const d of visible) {
    const p = GROUPED_KINDS.has(d.kind) ? patternOf.get(d.key) : undefined;
    if (!p) {
      items.push({ type: 'single', id: d.id, divergence: d });
      continue;
    }
    const group = members.get(p)!;
    if (group[0] !== d) continue;
    const isOpen = open.has(p.glob);
    items.push({ type: 'group', id: groupId(p.glob), pattern: p, members: group, open: isOpen });
    if (isOpen) for (const m of group) items.push({ type: 'single', id: m.id, divergence: m, group: p.glob });
  }
  return items;
}
