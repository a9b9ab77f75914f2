import { escapeRegExp } from './pattern.js';
// The other name a document gives a live object in brackets beside its own: "pg-backup (pg_dump)",
// "ledger-export (ledger_export.py)". People go on writing about the object by that name ("whether to bring
// pg_dump back is open"), so a passage naming it is about the object as much as one naming the object.
// Only a technical name (lower case, with a separator), never an environment, a ticket or a plain word.

const NAME = /^[a-z][a-z0-9]*[_.-][a-z0-9_.-]*[a-z0-9]$/;

/** The names written in brackets right after `object` in `text` (not `object` itself, nor any of `not`). */
export function aliasesIn(text: string, object: string, not: readonly string[] = []): string[] {
  if (object.length < 4) return [];
  const re = new RegExp(`(?<![\\w-])${escapeRegExp(object)}[\`"']?\\s{0,2}\\(\\s{0,2}[\`"']?([a-z][a-z0-9_.-]{2,38})[\`"']?\\s{0,2}\\)`, 'giu');
  const out = new Set<string>();
  for (const m of text.matchAll(re)) {
    const alias = m[1]!;
    if (!NAME.test(alias) || alias === object.toLowerCase() || not.some((n) => n.toLowerCase() === alias)) continue;
    out.add(alias);
  }
  return [...out];
}
