// Commits that change no value still say things a senior engineer weighs: a freeze notice ("nothing
// ships to production before Jan 6"), a post-mortem or a contract comment that names the key.
import type { EnvName, KeyPath } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { readDeadline } from './deadline.js';
import { mentions } from './envnames.js';
import type { Findings } from './findings.js';
import type { Message } from './log.js';
import { daysBetween, describeMessage } from './words.js';
import { regex, escapeRegExp } from './pattern.js';
import { mendedText } from './mended.js';
import { eventEnd } from './events.js';
import { logTexts, type LogText } from './texts.js';

type Note = Message & { order: number };

const FREEZE = regex(
  'i',
  String.raw`\b(?:freez(?:e|es|ing)|frozen|moratorium|blackout|`,
  // (… "to", "in", "on" only with the environment it keeps things out of: "nothing to wait for", "no
  // changes to the schema" freeze nothing.)
  '(?:nothing|no changes?|no deploy(?:s|ments)?|no releases?|no promotions?) (?:ships?|goes?|',
  String.raw`gets? deployed|may|before|until|till|(?:to|in|on|into) (?:the )?(?:prod\w*|prd|live|pro|main|master|release)\b)|`,
  String.raw`(?:no one|nobody) (?:may )?(?:deploys?|ships?|releases?)\b|`,
  // A GitOps sync switched off holds every merge back as a freeze does ("auto-sync off for prod until …").
  String.raw`auto-?sync (?:is |was )?(?:off|disabled|paused|suspended|switched off|turned off)\b|`,
  String.raw`(?:disabled?|paused?|suspend(?:ed)?|switch(?:ed)? off|turn(?:ed)? off) (?:the )?(?:argo ?cd |flux )?auto-?sync\b)`,
);
// Never the end of a word joined to "freeze" by a hyphen: a "year-end freeze", an "end-of-quarter
// freeze" or a "quarter-end freeze" is a freeze named by when it falls, not the end of one.
const THAW = regex(
  'i',
  String.raw`(?<![\w-])(?:unfreez\w*|thaw\w*|freeze (?:is |has )?(?:been )?(?:lifted|over|ended|done|finished)|`,
  String.raw`(?:lift(?:ed|s|ing)?|end(?:ed|s)?|finish(?:ed)?) (?:the |our )?(?:[\w-]+ ){0,2}freeze|`,
  String.raw`(?:out of|after) the (?:[\w-]+ ){0,2}freeze|`,
  String.raw`auto-?sync (?:is |was )?(?:back on|re-?enabled|resumed)|re-?enabled (?:the )?(?:argo ?cd |flux )?auto-?sync)\b`,
);

// A step set for after a freeze: "prod after the freeze", "once the change freeze is lifted", "post-freeze".
const PLANNED_AFTER = regex(
  'gi',
  String.raw`\b(?:after|once|when|post|until|till)[ -](?:the |our |this )?(?:\w+[ -]){0,2}?freeze`,
  String.raw`(?: (?:ends|is over|is lifted|lifts|has ended|has been lifted))?\b`,
);

/** Does the text speak of a freeze (or of its end)? */
export const speaksOfFreeze = (text: string) => FREEZE.test(text) || THAW.test(text);

/** Without a stated end, a freeze notice is taken to hold this long. */
const UNDATED_FREEZE_DAYS = 30;

export interface Freeze {
  env: EnvName;
  note: Note;
  until?: string;
}

/** A log's messages that speak of a freeze or of its end, newest first, found once per log: every
 * divergence asks, and testing both patterns on every message each time was a tenth of a scan. */
const noticesOf = new WeakMap<ReadonlyMap<string, Note>, Array<{ note: Note; text: string; thaw: boolean }>>();
function freezeNotices(notes: ReadonlyMap<string, Note>): Array<{ note: Note; text: string; thaw: boolean }> {
  let notices = noticesOf.get(notes);
  if (!notices) {
    notices = [];
    for (const note of notes.values()) {
      // Read as every reader reads it: "prod after teh freeze" is "prod after the freeze" (mended.ts).
      const text = mendedText(`${note.subject}\n${note.body}`);
      // A step planned for after a freeze ("prod after the freeze", "once the freeze is lifted") is
      // neither a freeze nor its end: what is left once the plan is set aside is read.
      const rest = text.replace(PLANNED_AFTER, ' ');
      const thaw = THAW.test(rest);
      if (thaw || FREEZE.test(rest)) notices.push({ note, text, thaw });
    }
    noticesOf.set(notes, notices);
  }
  return notices;
}

/** The freeze in force on `env` today, if the log announces one that has not ended. Notices that
 * name no environment are about the last one (production). */
export function freezeOn(env: EnvName, context: VerdictContext): Freeze | undefined {
  const today = context.today;
  const notes = context.log?.messages;
  if (!today || !notes) return undefined;
  const last = context.promotion.at(-1);
  for (const { note, text, thaw } of freezeNotices(notes)) {
    // Newest first: the latest word about a freeze on this environment decides.
    if (note.date.slice(0, 10) > today) continue;
    const named = context.environments.filter((e) => mentions(text, e));
    if (!(named.includes(env) || (named.length === 0 && env === last))) continue;
    if (thaw) return undefined;
    // The notice's end: in its message, else in the document its commit wrote ("From 2026-11-20 to 2026-12-01"),
    // … else in a document dating the freeze (a freeze calendar's row): the notice says it is on, the calendar until when.
    const deadline = readDeadline(text, note.date).date ?? writtenEnd(note, context) ?? eventEnd('freeze', context.log, note.date, today)?.end;
    if (deadline) return deadline >= today ? { env, note, until: deadline } : undefined;
    return daysBetween(note.date, today) <= UNDATED_FREEZE_DAYS ? { env, note } : undefined;
  }
  return undefined;
}

/** The last day the documents a notice's own commit wrote give (a range's end). */
function writtenEnd(note: Note, context: VerdictContext): string | undefined {
  const days = (context.log?.documents ?? [])
    .filter((doc) => doc.sha === note.sha)
    .flatMap((doc) => [...(doc.text.match(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g) ?? []), ...[readDeadline(doc.text, note.date).date ?? []].flat()]);
  return days.sort().at(-1);
}

export function describeFreeze(freeze: Freeze): string {
  return `${describeMessage(freeze.note)} freezes ` + `${freeze.env}${freeze.until ? ` until ${freeze.until}` : ', with no end stated'}`;
}

/** Commits that name `key` in their message without changing it in any environment: the most
 * recent few, as evidence a person should read. */
export function keyMentions(key: KeyPath, changedBy: Set<string>, context: VerdictContext, f: Findings): Note[] {
  const notes = context.log?.messages;
  if (!notes) return [];
  const leaf =
    key
      .split(/[.[\]]/)
      .filter(Boolean)
      .at(-1) ?? key;
  // A leaf such as `enabled` or `size` names nothing; one like `maxmemoryPolicy` does.
  const names = [key, ...(leaf.length >= 8 && leaf !== key ? [leaf] : [])];
  const lower = names.map((n) => n.toLowerCase());
  // Compiled only once a message contains the name: with thousands of keys, most never need it.
  let compiled: RegExp[] | undefined;
  const whole = () => (compiled ??= names.map((n) => new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(n)}($|[^A-Za-z0-9_])`, 'i')));
  const found: Note[] = [];
  // Only messages holding the leaf can hold a name that holds it (every name here, as a rule):
  // those are found once per log for all the keys with that leaf.
  const leafLower = leaf.toLowerCase();
  const pool = lower.every((n) => n.includes(leafLower)) ? textsNaming(notes, `leaf\0${leafLower}`, (t) => t.folded.includes(leafLower)) : mentionTexts(notes);
  for (const { note, text, folded } of pool) {
    // An undrift commit speaks for the keys it records only (own-commits.ts).
    if (changedBy.has(note.sha) || (note.recorded && !note.recorded.includes(key))) continue;
    // A substring test first: most messages name no key at all (a loop, not a closure per
    // message: 3,383 keys × 1,500 messages made 380 MB of them on the Helm corpus).
    if (!containsAny(folded, lower) || !whole().some((re) => re.test(text))) continue;
    if (context.today && note.date.slice(0, 10) > context.today) continue;
    found.push(note);
    if (found.length === 3) break;
  }
  for (const note of found) f.add('intent', `${describeMessage(note)} names ${key} without changing it`, note.sha);
  return found;
}

function containsAny(text: string, parts: readonly string[]): boolean {
  for (const part of parts) if (text.includes(part)) return true;
  return false;
}

/** The messages of commits that are not merges, with their text and its lower case, made once per
 * log: every divergence's key is looked for in all of them (here and in readers.ts). */
const textsOf = new WeakMap<ReadonlyMap<string, Note>, LogText[]>();
export function mentionTexts(notes: ReadonlyMap<string, Note>): LogText[] {
  let texts = textsOf.get(notes);
  if (!texts) textsOf.set(notes, (texts = logTexts({ messages: notes }).all.filter((t) => !t.merge)));
  return texts;
}

/** The messages of `mentionTexts` that pass `test`, in their order, found once per log for each
 * `id` (which must name the test: the same id, the same test). Every divergence looks for its key
 * in every message; many keys share the words looked for (a leaf such as `memory` or `value`). */
const namingOf = new WeakMap<ReadonlyMap<string, Note>, Map<string, Array<{ note: Note; text: string; folded: string }>>>();
export function textsNaming(
  notes: ReadonlyMap<string, Note>,
  id: string,
  test: (t: { note: Note; text: string; folded: string }) => boolean,
): Array<{ note: Note; text: string; folded: string }> {
  let byId = namingOf.get(notes);
  if (!byId) namingOf.set(notes, (byId = new Map<string, Array<{ note: Note; text: string; folded: string }>>()));
  let texts = byId.get(id);
  if (!texts) byId.set(id, (texts = mentionTexts(notes).filter(test)));
  return texts;
}
