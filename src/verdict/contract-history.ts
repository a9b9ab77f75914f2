// The contract file's own history for a key: when its declaration was added, changed or removed,
// and what the commit that removed it says should happen next.
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { envPattern } from './envnames.js';
import type { Findings } from './findings.js';
import { newestFirst } from './ordering.js';
import { describeCommit } from './words.js';
import { pattern, sourceOf } from './pattern.js';
import { readDeadline } from './deadline.js';

export interface Removal {
  event: HistoryEvent;
  /** The environment the removing commit says should now match another, and that other. */
  follower?: EnvName;
  leader?: EnvName;
  /** What the removing commit says the follower's change waits for: a date, or an event ("will
   * change after the freeze") that a committed document may date. */
  after?: { date?: string; event?: string };
}

// "prod should be 60 like staging", "uat must behave like prod", "prod soll wie staging 60 haben",
// "prod doit être à 60 comme staging", "uat debe comportarse como prod": the environment a modal
// verb speaks of is to be as the one after the likeness word. The words between stay in the clause
// and are few, and none may deny it ("prod should not be like staging").
const MODAL = sourceOf(
  String.raw`(?:should|must|shall|will|needs? to|has to|is to|ought to|`,
  String.raw`soll(?:te)?|muss|müsste|wird|doit|devrait|va|debe(?:ría)?|tiene que|deve|dovrebbe|deveria|tem que|`,
  String.raw`moet|zou|zal|powin(?:ien|na|no)|musi|ska|bör|måste|má|musí|by měl[ao]?)`,
);
const LIKE = String.raw`(?:like|the same as|just as|wie|genauso wie|comme|como|come|zoals|net als|jak|som|jako)`;
const LIKE_IN = String.raw`(?:(?:in|on|en|na|i|v|op) )?`;
const DENIED = /(?<![\p{L}])(?:not|never|no longer|nicht|nie|kein\w*|pas|jamais|plus|no|non|não|niet|nooit|inte|aldrig|ne)(?![\p{L}])|n't/iu;
// A step put off until an event or a day, in the removing text's words: "after the freeze", "once
// the migration is done" (read by deadline.ts), "nach dem Freeze", "après le gel", "tras la
// congelación", "dopo il freeze".
const AFTER_EVENT =
  /(?<![\p{L}])(?:nach (?:dem|der)|après (?:le|la|l')|tras (?:el|la)|después de(?:l| la)|dopo (?:il|la|lo|l')|na (?:de|het)) ?(\p{L}[\p{L}-]*)/iu;

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
      const like = pattern(String.raw`(?<![\p{L}])${A} ${MODAL}(?<between>[^\n.;!?]{0,40}?) ${LIKE} ${LIKE_IN}${B}(?![\p{L}])`, 'iu').exec(text);
      if (like && !DENIED.test(like.groups!.between!)) return { follower: a, leader: b };
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
  const text = `${latest.subject}\n${latest.body}`;
  const align = alignment(text, context.environments);
  return { event: latest, ...(align ? { ...align, ...waitsFor(text, latest.date) } : {}) };
}

/** What the removing text puts the follower's step off until, if anything. */
function waitsFor(text: string, written: string): { after?: { date?: string; event?: string } } {
  const { date, event } = readDeadline(text, written);
  const foreign = event ? undefined : AFTER_EVENT.exec(text)?.[1];
  if (date) return { after: { date } };
  if (event ?? foreign) return { after: { event: (event ?? foreign)! } };
  return {};
}
