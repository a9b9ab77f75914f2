// The contract file's own history for a key: when its declaration was added, changed or removed,
// and what the commit that removed it says should happen next.
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { envPattern } from './envnames.js';
import type { Findings } from './findings.js';
import { newestFirst } from './ordering.js';
import { describeCommit } from './words.js';
import { sourceOf } from './pattern.js';

export interface Removal {
  event: HistoryEvent;
  /** The environment the removing commit says should now match another, and that other. */
  follower?: EnvName;
  leader?: EnvName;
}

/** The contract's events for `key` (any of its fields), newest first. */
function eventsFor(key: string, context: VerdictContext): HistoryEvent[] {
  return newestFirst(contractPathsOf(key, context.contractHistory).flatMap(([, events]) => events));
}

/** The contract file's keys that are fields of `key`'s entry, with their events: all a verdict
 * reads of the contract's history for `key` (the kept verdicts' keys take them per key). */
export function contractPathsOf(key: string, history: ReadonlyMap<string, HistoryEvent[]> | undefined): Array<[string, HistoryEvent[]]> {
  const prefixes = [`expected_differences.${key}.`, `expected_differences[${JSON.stringify(key)}].`, `expected_differences["${key}"].`];
  const out: Array<[string, HistoryEvent[]]> = [];
  for (const [path, events] of history ?? []) if (prefixes.some((p) => path.startsWith(p))) out.push([path, events]);
  return out;
}

/** "prod now matches staging", "align production with staging", "production catches up with stage". */
function alignment(text: string, environments: EnvName[]): { follower: EnvName; leader: EnvName } | undefined {
  for (const a of environments) {
    for (const b of environments) {
      if (a === b) continue;
      const A = envPattern(a);
      const B = envPattern(b);
      const patterns = [
        sourceOf(
          String.raw`\b${A}\b(?: (?:now|should|will|must|is to|to|can))? (?:match(?:es)?|equals?|mirrors?|follows?|`,
          'is (?:now )?(?:the )?same as|(?:is )?in line with|catch(?:es)? up (?:with|to)|gets?|',
          String.raw`takes?) (?:the same (?:value )?as )?${B}\b`,
        ),
        String.raw`\b(?:align|sync|match|bring|move|set) ${A}(?: (?:up|back))? (?:with|to|in line with|up to|to match) ${B}\b`,
        String.raw`\b${A} (?:and|&) ${B} (?:now )?(?:agree|match|are the same|are equal)\b`,
      ];
      if (patterns.some((p) => new RegExp(p, 'i').test(text))) return { follower: a, leader: b };
    }
  }
  return undefined;
}

/** A declaration of `key` removed while the environments still differ: the difference was meant to end. */
export function readRemoval(key: string, context: VerdictContext, f: Findings): Removal | undefined {
  const events = eventsFor(key, context);
  const latest = events[0];
  if (!latest || latest.to !== null) return undefined;
  // Every field of the entry removed in that commit.
  const removedThere = events.filter((e) => e.commit === latest.commit);
  if (!removedThere.every((e) => e.to === null)) return undefined;
  f.add('contract', `the contract's declaration of ${key} was removed in ${describeCommit(latest)}: the difference was meant to end`, latest.commit);
  const align = alignment(`${latest.subject}\n${latest.body}`, context.environments);
  return { event: latest, ...(align ?? {}) };
}
