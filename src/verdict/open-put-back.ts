// A put-back of a hand edit left open on a checklist written after it: a campaign retro's "- [ ] nedskalning
// kassa 14 → 6 — glömdes", a sale log's "- [ ] scale về 10 sau sale (19/02)", "- [ ] scale checkout back to 6",
// "- [ ] kassa auf 6 herunterskalieren". Whoever wrote the list decided the step and records it as not taken:
// the live value is the temporary one, and the file's value is where it goes back. Much of it is read without
// words (a box not ticked, the object's name, the live value going to the file's, a day gone by), so a record in
// a language no table holds still says it; only a replica count's scaling needs a verb, and its stems are few.
// Not a box ticked, an item called off or asked, a step whose day is still ahead or that waits for something
// with no day, nor a runbook's list written before the edit (a template, not a record of this one).
import { dateIn, slashedDays } from './calendar.js';
import { negatedBefore } from './conditions.js';
import { documentIndex, keyLeaf } from './documents.js';
import { wordsOfKey } from '../parse/key-words.js';
import type { CommitLog } from './log.js';
import { LOWER } from './not-before.js';
import { regex, escapeRegExp } from './pattern.js';
import { short } from './words.js';

export interface OpenPutBack {
  where: string;
  sha: string;
  /** The item's line, as written. */
  item: string;
  /** The day the item gives for the step, passed, if it gives one. */
  due?: string;
}

// A checklist's box left empty: "- [ ] …", "* [ ] …", "1. [ ] …".
const UNTICKED = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[ \][ \t]+(\S.*)$/;
// An item called off or done after all, in the languages read (as action-step.ts reads an item).
const CALLED_OFF = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:cancell?ed|won'?t do|dropped|declined|not needed|no longer needed|obsolete|done|abgebrochen|verworfen|entfällt|erledigt|`,
  String.raw`nicht (?:mehr )?nötig|annulée?|abandonnée?|cancelad[oa]|descartad[oa]|annullat[oa]|geannuleerd|vervallen|avbruten|avbrutt|stryk|struken|`,
  String.raw`inställd|ikke nødvendig|anulowan[eya]|peruttu)(?![\p{L}])`,
);
// Scaling, in any language that borrows the word or writes it with k ("scale", "skala", "skalieren", "skalere",
// "escalar", "scalare", "nedskalning", "herunterskalieren", "skalować") — a replica count's step needs one.
const SCALING = /(?<![\p{L}])(?:\p{L}{0,8}(?:scal|skal)\p{L}*|escal\p{L}*)(?![\p{L}])/iu;
// A step that waits for something with no day given ("once the review is done", "nach dem Review", "après la
// revue", "efter granskningen", "when traffic drops"): a plan, not a step whose time has come.
const WAITS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:once|when|after|as soon as|until|unless|sobald|wenn|nach|nachdem|bis|après|quand|dès|después|cuando|hasta|dopo|quando|`,
  String.raw`zodra|wanneer|efter|när|tills|etter|når|inntil|efter|kiedy|gdy)(?![\p{L}])`,
);

const valueToken = (value: string) => String.raw`(?<![\p{L}\p{N}_.,/-])[\x60"'“]?${escapeRegExp(value)}[\x60"'”]?(?![\p{L}\p{N}_]|[.,/-]\p{N})`;

/** The first unticked item, in a document naming `object` written after `editedAt` (and by `today`), that takes
 * the hand-edited value `live` back to the file's `fileValue`: the two with an arrow between them ("14 → 6"), or,
 * for a replica count, a scaling word with the file's value as where it goes (not a step up from it). The item
 * names the object, or its document records the object with the live value (the raise the list is about). */
export function openPutBack(
  key: string,
  live: string | null,
  fileValue: string | null,
  editedAt: string,
  log: CommitLog | undefined,
  today?: string,
): OpenPutBack | undefined {
  const object = /^[A-Z][A-Za-z]+\/([a-z0-9][a-z0-9-]{2,62})\./.exec(key)?.[1];
  if (!log || !object || live === null || fileValue === null || live.trim() === '' || fileValue.trim() === '' || live === fileValue) return undefined;
  const names = new RegExp(String.raw`(?<![A-Za-z0-9_-])${escapeRegExp(object)}(?![A-Za-z0-9_-])`, 'i');
  const liveAt = regex('iu', valueToken(live));
  const fileAt = regex('iu', valueToken(fileValue));
  const arrow = regex('iu', valueToken(live), String.raw`\s*(?:→|->|=>|⇒|➔)\s*`, valueToken(fileValue));
  const replicas = /(?:^|\.)replicas$/i.test(key);
  const at = Date.parse(editedAt);
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (!(Date.parse(written) > at) || (today && written.slice(0, 10) > today) || !names.test(doc.text)) continue;
    if (!doc.text.includes('[ ]') || !doc.lower.includes(fileValue.toLowerCase())) continue;
    // The raise the list is about: a line naming the object with its live value.
    const recordsRaise = doc.text.split('\n').some((line) => names.test(line) && liveAt.test(line));
    for (const line of doc.text.split('\n')) {
      const open = UNTICKED.exec(line);
      if (!open || line.length > 400 || line.trimEnd().endsWith('?') || CALLED_OFF.test(line)) continue;
      const item = open[1]!;
      if (!names.test(item) && !recordsRaise) continue;
      if (!takesBack(item, arrow, fileAt, liveAt, replicas)) continue;
      // Its day, if it gives one: passed, or the step is still a plan. Without one, a step waiting for
      // something is a plan too.
      const due = dateIn(item, written, 'near') ?? slashedDays(item, written, 'near')[0];
      if (due ? (today ?? written.slice(0, 10)) < due : WAITS.test(item)) continue;
      return { where: `${doc.path} (written in ${short(doc.written.sha)})`, sha: doc.written.sha, item: line.trim().slice(0, 200), ...(due ? { due } : {}) };
    }
  }
  return undefined;
}

/** The item takes the live value to the file's: "14 → 6"; or for a replica count a scaling (or lowering) word
 * with the file's value, the live value not after it ("scale 6 → 14" is the raise), not negated. */
function takesBack(item: string, arrow: RegExp, fileAt: RegExp, liveAt: RegExp, replicas: boolean): boolean {
  const a = arrow.exec(item);
  if (a) return !negatedBefore(item, a.index, 'clause');
  if (!replicas) return false;
  const verb = SCALING.exec(item) ?? LOWER.exec(item);
  const value = fileAt.exec(item);
  if (!verb || !value || negatedBefore(item, verb.index, 'clause')) return false;
  const after = item.slice(value.index + value[0].length);
  return !liveAt.test(after);
}

// A deploy from the repository's own values, as a step: "helm upgrade with repo values", "re-sync the app",
// "redeploy from the repo", "fare sync dal repo", "aus dem Repo neu deployen", "resynchroniser depuis le dépôt",
// "sincronizar desde el repo". What a one-off deploy (a `--set`, a rollback to an old revision) is undone by.
// Three small patterns, each decidable by the ReDoS checker: a word that is a redeploy by itself, or a verb of
// deploying with the repository as its source anywhere in the item.
const RESYNC = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:re-?sync\p{L}*|re-?deploy\p{L}*|risincronizz\p{L}*|resynchronis\p{L}*|resincroniz\p{L}*|neu synchronisier\p{L}*)(?![\p{L}])`,
);
const DEPLOY_VERB = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:sync|deploy\p{L}*|upgrade|apply|rollout|roll out|synchronisier\p{L}*|ausroll\p{L}*|sincroniz\p{L}*|desplieg\p{L}*|despleg\p{L}*|riallinea\p{L}*)(?![\p{L}])`,
);
const FROM_REPO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:with|from|to|dal|da|al|con il|aus dem|aus|vom|depuis le|depuis|du|desde el|desde) (?:the |our )?(?:repo|repository|git|manifests?|dépôt)(?![\p{L}])`,
);

/** Where an item says to deploy from the repository again, if it does. */
function resyncIn(item: string): number | undefined {
  const own = RESYNC.exec(item);
  if (own) return own.index;
  const verb = DEPLOY_VERB.exec(item);
  return verb && FROM_REPO.test(item) ? verb.index : undefined;
}

export interface OpenResync {
  where: string;
  sha: string;
  item: string;
  /** The passage that names the live value with the key's word. */
  names: string;
}

/** A one-off deploy of a value the repository does not hold (a `helm upgrade --set`, an Argo CD rollback to
 * an old revision), recorded with its undoing left undone: a document written since the deploy, up to
 * today, names the live value beside a word of the key ("--set indexer.batchSize=5000", "grace period …
 * di nuovo con 30 s"), and an unticked item of it deploys from the repository again ("- [ ] helm upgrade
 * with repo values", "- [ ] fare sync dal repo"). Whoever wrote the record decided the redeploy and records
 * it as not done: the live value is the one-off, the file's is where it goes back. Not a box ticked, an item
 * called off or asked, one waiting for something, nor a runbook written before the deploy (a template). */
export function openResync(
  key: string,
  live: string | null,
  fileValue: string | null,
  deployedAt: string,
  log: CommitLog | undefined,
  today?: string,
): OpenResync | undefined {
  if (!log || live === null || fileValue === null || live.trim() === '' || live === fileValue) return undefined;
  const words = wordsOfKey(keyLeaf(key))
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 5);
  if (words.length === 0) return undefined;
  const liveAt = regex('iu', valueToken(live.trim()));
  const at = Date.parse(deployedAt);
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (!(Date.parse(written) > at) || (today && written.slice(0, 10) > today) || !doc.text.includes('[ ]')) continue;
    const naming = doc.passages.find((p) => words.some((w) => p.lower.includes(w)) && liveAt.test(p.text));
    if (!naming) continue;
    for (const line of doc.text.split('\n')) {
      const open = UNTICKED.exec(line);
      if (!open || line.length > 400 || line.trimEnd().endsWith('?') || CALLED_OFF.test(line)) continue;
      const item = open[1]!;
      const m = resyncIn(item);
      if (m === undefined || negatedBefore(item, m, 'clause') || WAITS.test(item)) continue;
      return {
        where: `${doc.path} (written in ${short(doc.written.sha)})`,
        sha: doc.written.sha,
        item: line.trim().slice(0, 200),
        names: naming.text.slice(0, 160),
      };
    }
  }
  return undefined;
}
