// Live evidence, read by what the key is: a Secret changed by hand is a rotation, a debug setting
// turned on by hand is an incident aid to undo, a live value the contract allows beats a file the
// contract forbids.
import type { Divergence, EnvName, HistoryEvent, Provenance, Verdict } from '../model/types.js';
import type { Findings } from './findings.js';
import { looksLoosened, looksProtective } from './risk.js';
import { day, describeCommit, describeMessage, round, shown } from './words.js';
import type { VerdictContext } from './context.js';
import { citesIncident, readIntent } from './intent.js';
import type { Message } from './log.js';
import { allowedFor } from './contract.js';
import {
  decidesKeep,
  documentedIntoFile,
  documentedKeep,
  documentedNotInRepo,
  documentedOpen,
  documentedSecretOutOfGit,
  documentedUndo,
  type DocumentedUndo,
} from './documents.js';
import { describeProvenance } from '../wording/provenance.js';
import { KEEP_IDIOM, regex, escapeRegExp } from './pattern.js';
import { logTexts } from './texts.js';
import { keyWords } from './held.js';
import { mistakeIn as foreignMistakeIn } from './languages.js';
import { mentions } from './envnames.js';
import { sentenceEnds } from './sentence-end.js';
import { operatorDocumented } from './operator.js';
import { openPutBack, openResync } from './open-put-back.js';

// The end of a keep that is a condition, in the languages read: "until the sale is over", "bis die
// Migration fertig ist", "hasta que termine", "jusqu'à la fin", "セール終了まで", "直到…", "…까지".
// "Until further notice" is no end. (A dated end is annotatedEnd's.)
const KEEP_UNTIL = new RegExp(
  String.raw`(?<![\p{L}])(?:until|till|bis|hasta|jusqu['’]?(?:à|au|a)|fino a|até|tot)(?![\p{L}])` +
    String.raw`(?!\s+(?:further notice|auf weiteres|nuevo aviso|nouvel ordre))|まで|直到|까지`,
  'iu',
);

const after = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && Date.parse(a) > Date.parse(b);
type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'> & { keptBy?: string };

/** Live state is evidence for the repo-side verdicts too: an environment whose cluster already
 * runs the deliberate value lags only in its file. */
export function liveEvidence(d: Divergence, verdict: Partial, f: Findings): void {
  for (const [env, slot] of Object.entries(d.values)) {
    if (slot.live === null || slot.live === undefined) continue;
    const p = d.provenance?.[env];
    const source = slot.liveSource ? ` (${slot.liveSource})` : '';
    if (slot.live === slot.repo) {
      f.add('live', `${env} runs ${shown(slot.live)} live${source}, as its file says`);
      continue;
    }
    f.add('live', `${env} runs ${shown(slot.live)} live${source}, not its file's ${shown(slot.repo)}${p ? `; written by ${describeProvenance(p)}` : ''}`);
    if (verdict.drifted === env && verdict.value !== null && slot.live === verdict.value && verdict.suggested === 'backfill') {
      f.add('live', `${env}'s cluster already runs ${shown(verdict.value)}: only its file lags, so the backfill codifies what runs`);
      verdict.confidence = round(verdict.confidence + 0.05);
    }
  }
}

const DAY = 86_400_000;
/** Around a hand edit at `at`: from two days before (the commit prepared it) to six weeks after
 * (the write-up or the codifying commit came later). */
const aroundEdit = (when: number, at: number) => when >= at - 2 * DAY && when <= at + 42 * DAY;

/** A commit from around a hand edit at `time` that names the key or cites an incident: the edit was part of something someone wrote down. */
function wordAbout(key: string, time: string, context: VerdictContext): Message | undefined {
  const at = Date.parse(time);
  const leaf =
    key
      .split(/[.[\]/]/)
      .filter(Boolean)
      .at(-1) ?? key;
  const names = new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(leaf)}($|[^A-Za-z0-9_])`, 'i');
  for (const { note: m, text } of context.log ? logTexts(context.log).all : []) {
    if (!aroundEdit(Date.parse(m.date), at)) continue;
    if (citesIncident(text) || names.test(text)) return m;
  }
  return undefined;
}

/** A commit from around a hand edit that wrote the live value of
 * the key into some environment's file: someone meant that value, whatever the message says. */
function sameValueCommitted(key: string, live: string | null, time: string, context: VerdictContext): { env: EnvName; event: HistoryEvent } | undefined {
  if (live === null) return undefined;
  const at = Date.parse(time);
  for (const [env, keys] of context.log?.envs ?? []) {
    for (const event of keys.get(key) ?? []) if (event.to === live && aroundEdit(Date.parse(event.date), at)) return { env, event };
  }
  return undefined;
}

// What a note about a hand edit says of it. Naming the incident is not saying the edit was right:
// incident write-ups record mistakes as often as fixes.
const MISTAKE = regex(
  'i',
  String.raw`\b(?:by (?:mistake|accident)|mistaken(?:ly)?|accidental(?:ly)?|unintended|unintentional(?:ly)?|`,
  'wrong (?:kube[- ]?)?(?:context|cluster|namespace|env(?:ironment)?|stage|terminal|shell|tab|window)|',
  // The context left on the other cluster, as people write it in a hurry: "with ctx still on
  // prod-eu1", "my kube context was still pointing at prod", "forgot to switch the context".
  '(?:kube[- ]?)?(?:ctx|context|kubectx) (?:was |is )?still (?:on|at|set to|pointing (?:at|to))|',
  'forgot to (?:switch|change) (?:the |my )?(?:kube[- ]?)?(?:ctx|context|cluster|namespace)|',
  // The edit landed on the wrong object, whatever the object is called: "wrong one", "patched the
  // wrong deployment", "set in the wrong configmap" (not "the wrong value", which a fix corrects).
  String.raw`wrong one\b|(?:on|in|into|to|at|edited|patched|changed) (?:the )?wrong (?!values?\b|numbers?\b|settings?\b|results?\b|answers?\b)[\w-]+|`,
  String.raw`should(?:n't| not) have|(?:was|were)(?:n't| not) (?:supposed|meant) to|not meant for|oops|my bad|`,
  String.raw`(?:put|set|change|patch|turn|roll|bring|switch) (?:\S+ ){0,3}back\b|`,
  '(?:needs?|has) to (?:be )?(?:reverted|rolled back|undone)|',
  'undo (?:the|my|that|this) (?:patch|edit|change))',
);
const KEEP = regex(
  'i',
  String.raw`\b(?:fix(?:e[sd]|ing)?|mitigat\w*|hot-?fix\w*|workaround|rais(?:e[sd]?|ing)|increas\w*|`,
  String.raw`bump(?:s|ed|ing)?|lower(?:s|ed|ing)?|decreas\w*|reduc\w*|keep(?:s|ing)?${KEEP_IDIOM}|kept|codif\w*|backfill\w*|`,
  String.raw`write (?:it |this |that )?back|persist\w*|make (?:it |this )?permanent|`,
  String.raw`(?:stays?|remain)(?: as it is| in place)?)\b`,
);

/** A keep word in a clause about the edited value — naming the key, its words or the live value,
 * or pointing at the edit ("keep it", "codify the pool change") — not about another object the note also
 * speaks of ("this fix the batch job"). */
function keepAbout(text: string, key: string, live: string | null): string | undefined {
  const words = [
    key
      .split(/[.[\]/]/)
      .filter(Boolean)
      .at(-1) ?? key,
    ...keyWords(key),
  ].map((w) => w.toLowerCase());
  for (const clause of text.split(/\n+|(?<=[.!?;])\s+/)) {
    const found = KEEP.exec(clause);
    const keep = found?.[0];
    if (!found || !keep) continue;
    const lower = clause.toLowerCase();
    // "keeps the old PayPal return route": a keep whose own object is another thing keeps that thing, whatever
    // else the clause names (the object's name in the subject, "storefront 4.12.1 on green (keeps …)").
    const object = /^(?:keep|keeps|keeping|kept)$/i.test(keep) ? KEPT_OBJECT.exec(clause.slice(found.index + keep.length))?.[1]?.toLowerCase() : undefined;
    if (object !== undefined && !namesTheEdit(object, words, live)) continue;
    const aboutIt =
      words.some((w) => lower.includes(w)) ||
      (live !== null && live.length > 0 && lower.includes(live.toLowerCase())) ||
      /\b(?:it|this|that|the (?:[\w-]+ )?(?:edit|patch|change|value|override|hot-?fix|mitigation|setting))\b/i.test(clause);
    if (aboutIt) return keep;
  }
  return undefined;
}

// What a keep verb keeps, where it names it: "keeps the old PayPal return route", "keep a copy of the dump" —
// a determiner and the words up to the clause's end.
const KEPT_OBJECT = /^\s+((?:the|a|an|its|their|our|his|her)\s+[^,;:.()\n]{2,80})/iu;
/** Does the object a keep names speak of the edited value: a word of its key, the live value, the edit itself,
 * or the value by its size ("keep the higher limit")? */
function namesTheEdit(object: string, words: string[], live: string | null): boolean {
  return (
    words.some((w) => object.includes(w)) ||
    (live !== null && live.length > 0 && object.includes(live.toLowerCase())) ||
    /\b(?:edit|patch|change|value|override|hot-?fix|mitigation|setting|workaround|fix|higher|lower|raised|bigger|larger|smaller|current|live|limit|number|timeout)\b/i.test(
      object,
    )
  );
}

/** A hand edit someone wrote about: what the note says decides, not that it exists. */
function corroborated(word: Message, d: Divergence, env: EnvName, file: string | null, live: string | null, exact: boolean, f: Findings): Partial {
  const text = `${word.subject}\n${word.body}`;
  const mistake = MISTAKE.exec(text)?.[0];
  const undo = mistake ?? UNDO.exec(text)?.[0];
  const argued = undo ? arguedOver(text) : undefined;
  if (undo && argued) {
    // A pasted discussion: one speaker wants it undone, another wants it kept. Neither is the
    // arbiter of the other: a person decides.
    f.add('live', `${describeMessage(word)} records people disagreeing about it: "${argued}" against "${undo}"`, word.sha);
    f.ask(
      `${describeMessage(word)}: one says "${argued}", another "${undo}". ` +
        `Keep ${env}'s ${shown(live)} (backfill its file) or put back ${shown(file)} (revert live)? The people in that discussion decide.`,
    );
    return { deliberate: null, drifted: env, suggested: 'revert', value: file, confidence: 0.45 };
  }
  if (mistake) {
    f.add('live', `${describeMessage(word)} says the hand edit was not meant ("${mistake}")`, word.sha);
    f.say(`revert ${env}'s live object to ${shown(file)} by deploying`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: file, confidence: 0.7 };
  }
  const undone = undo && undo !== mistake ? undo : undefined;
  if (undone) {
    f.add('live', `${describeMessage(word)} says the hand edit is to be undone ("${undone}")`, word.sha);
    f.say(`revert ${env}'s live object to ${shown(file)} by deploying`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: file, confidence: 0.6 };
  }
  const keep = keepAbout(text, d.key, live);
  if (keep) {
    f.add('live', `${describeMessage(word)} speaks of it around the time of the edit ("${keep}")`, word.sha);
    return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: exact ? 0.8 : 0.75 };
  }
  f.add('live', `${describeMessage(word)} is from around the time of the edit, but its message does not say whether the edit was a fix to keep`, word.sha);
  f.ask(`read ${word.sha.slice(0, 7)} ("${word.subject}"): was ${env}'s ${d.key} = ${shown(live)} a fix to keep (backfill) or a mistake to undo (revert)?`);
  // A note that neither keeps nor undoes is no reason to move the value either way.
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
}

// Annotations tools write about themselves, not why a person changed something.
const TOOL_ANNOTATION =
  /^(?:deployment\.kubernetes\.io|meta\.helm\.sh|kubectl\.kubernetes\.io|argocd\.argoproj\.io|autoscaling\.alpha\.kubernetes\.io|control-plane\.alpha\.kubernetes\.io|checksum|prometheus\.io)\//;

/** An annotation on the live object, written by a person, that gives the hand edit an end
 * ("revert after 2026-12-02", "until the sale ends on 30.11."). */
function annotatedEnd(
  annotations: Record<string, string> | undefined,
  env: EnvName,
  written: string,
  context: VerdictContext,
): { name: string; text: string; until: string; past: boolean } | undefined {
  if (!written) return undefined;
  for (const [name, text] of Object.entries(annotations ?? {})) {
    if (TOOL_ANNOTATION.test(name)) continue;
    const until = readIntent({ subject: text, body: '', author: '', email: '', date: written }, env, context.environments).temporary?.until;
    if (until) return { name, text, until, past: !!context.today && until < context.today };
  }
  return undefined;
}

/** A count or size and its unit: "60", "512Mi", "2.5". */
const AMOUNT = /^(\d{1,12}(?:\.\d{1,6})?)([a-z%]{0,3})$/i;
/** The live amount is larger than the file's, in the same unit. */
function raised(file: string | null, live: string | null): boolean {
  const a = AMOUNT.exec(file?.trim() ?? '');
  const b = AMOUNT.exec(live?.trim() ?? '');
  return !!a && !!b && a[2]!.toLowerCase() === b[2]!.toLowerCase() && Number(b[1]) > Number(a[1]);
}

const SECRETISH = (d: Divergence, env: EnvName) => d.values[env]?.type === 'secret' || /^secret:[0-9a-f]{6,}/.test(d.values[env]?.live ?? '');

export function liveDrift(d: Divergence, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext, f: Findings): Partial {
  const env = d.envs[0]!;
  const slot = d.values[env]!;
  const p = d.provenance?.[env];
  // A shallow clone's oldest commit shows the value as written then: when the file last changed
  // is unknown, so it is never "changed after the hand edit".
  const newest = history[env]?.[0];
  const last = newest?.truncated ? undefined : newest;
  const live = slot.live ?? null;
  f.say(
    `${env} runs ${shown(live)} live${slot.liveSource ? ` (${slot.liveSource})` : ''}; its file says ${shown(slot.repo)}${last ? `, last changed in ${describeCommit(last)}` : ''}`,
  );
  if (p) f.add('live', `the live value was written by ${describeProvenance(p)}`);

  // A secret changed live is a rotation: the old value is the leaked or expired one.
  if (SECRETISH(d, env) || context.risk === 'secret') {
    // The fingerprints are keyed alike for every environment: a live secret equal to another
    // environment's is that environment's credential put in by hand, a leak rather than a rotation.
    const owner =
      live !== null && slot.repo !== null && live !== slot.repo
        ? Object.entries(d.values).find(([other, v]) => other !== env && (v.repo === live || v.live === live))?.[0]
        : undefined;
    if (owner) {
      f.add(
        'live',
        `${env}'s live secret is ${owner}'s credential (the same fingerprint, ${shown(live)}): a credential copied between environments is a leak, not a rotation`,
      );
      f.say(
        `put ${env}'s own credential back (deploy its file's ${shown(slot.repo)}, or rotate ${env}'s own in the secret store), and rotate ${owner}'s, which ${env} now holds`,
      );
      // Production's own file value may be one a rotation since replaced: a person checks there.
      const last = context.promotion.at(-1) === env;
      if (last) f.ask(`is ${shown(slot.repo)} still ${env}'s valid credential? If it was rotated since, deploy the current one from the secret store instead`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: last ? 0.5 : 0.6 };
    }
    f.add(
      'live',
      `${env}'s live ${p?.kind === 'human' ? 'secret was changed by hand' : 'secret differs from the file'}: treat it as a rotation; never put the old value back`,
    );
    // A document about the Secret that says the new value is not to go into git: backfilling it would
    // leak the credential again, and reverting puts back the revoked one. The live value stands, declared.
    const outOfGit = documentedSecretOutOfGit(d.key, context.log, context.today);
    if (outOfGit) {
      const { passage } = outOfGit;
      f.add(
        'live',
        `${passage.file}:${passage.line} (${describeMessage(passage.written)}) says the value does not go into the repository ("${outOfGit.phrase}"): "${passage.text.slice(0, 160)}"`,
        passage.written.sha,
      );
      f.say(
        `keep ${env}'s live secret and declare it; move it to the secret store rather than writing it into ${env}'s file, and never deploy the file's old value`,
      );
      return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.55 };
    }
    f.say(`update ${env}'s file to reference the rotated secret (or rotate it through the secret store), so the next deploy does not restore the old value`);
    // That it is a rotation is a default, not a text: a hand edit may as well have put another
    // environment's credential or a wrong one in (holdout-16/43: production's password put into
    // staging). The fingerprints cannot tell which; a person can, so it is asked, never confident.
    f.ask(
      `was ${env}'s live ${d.key} rotated on purpose (backfill: reference the new secret), or is it a wrong or another environment's credential put in by hand (revert: deploy ${env}'s own)?`,
    );
    return { deliberate: env, drifted: env, suggested: 'backfill', value: null, confidence: 0.55, question: f.questions.at(-1)! };
  }

  // A hand edit whose write-up is still open (its status: open, proposed, to be decided) is a question
  // the people in it settle: the contract's value, or what one of them argues, is a position, not the
  // decision (holdout-20/29: an HPA floor raised for the peak, kept by one lead, disputed by the other).
  const open = p?.kind === 'human' && p.time ? documentedOpen(d.key, p.time, context.log, context.today) : undefined;
  if (open) {
    const { passage } = open;
    f.add(
      'live',
      `${passage.file}:${passage.line} (${describeMessage(passage.written)}) names the hand edit, and its status is still open ("${open.status}")`,
      passage.written.sha,
    );
    f.ask(
      `${passage.file} leaves ${env}'s ${d.key} open ("${open.status}"): keep ${shown(live)} (backfill ${env}'s file) or put back ${shown(slot.repo)} (revert live)? Whoever settles it there decides.`,
    );
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45, question: f.questions.at(-1)! };
  }

  // A hand edit a later text leaves alone while a named decider settles it ("not touching it: the cache
  // team decides whether it stays or goes back") is theirs to settle: the contract pins what the file
  // says, not whether the edit answered something, so it does not outrank them until a text records the
  // decision (a keep written later ends the hold in documentedKeep; an undo written later, here).
  const held = p?.kind === 'human' && p.time ? documentedKeep(d.key, p.time, context.log, live) : undefined;
  if (held?.pending) {
    const undone = documentedUndo(d.key, slot.repo ?? null, p!.time!, context.log, live === null);
    if (!undone || Date.parse(undone.passage.written.date) <= Date.parse(held.passage.written.date)) return keptByDocument(held, env, live, f);
  }

  // A field an operator writes is its state, not a drift: the contract pins the file the operator
  // reads, so it does not send the cluster back to it (operator.ts).
  const operated = p && (p.kind === 'controller' || p.kind === 'unknown') ? operatorState(d, env, p, context, f) : undefined;
  if (operated) return operated;

  // The contract decides between the live value and the file, where it speaks.
  const liveAllowed = allowedFor(context, d.key, env, live);
  const fileAllowed = allowedFor(context, d.key, env, slot.repo);
  if (liveAllowed === true && fileAllowed === false) {
    f.add('contract', `the contract allows ${env} the live ${shown(live)} but not its file's ${shown(slot.repo)}: the file is what is wrong`);
    return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: 0.75 };
  }
  // Capacity raised by hand (a pool, replicas, memory) is what a night's fix looks like: the contract
  // pins what the file holds, not whether the raise is still needed, and putting the smaller value
  // back could bring the outage back. What was written about the edit decides (the rules below); with
  // nothing written it is a question, never a revert by the contract alone.
  const raisedByHand = liveAllowed === false && p?.kind === 'human' && context.risk === 'resources' && raised(slot.repo ?? null, live);
  if (raisedByHand) {
    f.add(
      'contract',
      `the contract pins ${env}'s ${shown(slot.repo)}, but the live ${shown(live)} is more capacity set by hand: the contract does not say whether the raise is a fix still needed`,
    );
  } else if (liveAllowed === false && p?.kind !== 'controller') {
    f.add('contract', `the contract does not allow ${env} the live ${shown(live)}${fileAllowed ? `; its file's ${shown(slot.repo)} is allowed` : ''}`);
    f.say(`revert ${env}'s live object to ${shown(slot.repo)} by deploying${p?.kind === 'human' ? ' once whatever it was set for is over' : ''}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: fileAllowed ? 0.75 : 0.55 };
  }

  // A debug or verbose setting turned on live is an aid during an incident, not a fix to keep.
  if ((context.risk === 'debug' || looksLoosened(d.key, live)) && looksLoosened(d.key, live) && !looksLoosened(d.key, slot.repo)) {
    f.add(
      'live',
      `${shown(live)} is a debugging or weakened setting${p?.kind === 'human' ? ' set by hand' : ''}: a help during an incident, not a fix to codify`,
    );
    f.say(`revert ${env}'s live object to ${shown(slot.repo)} once the investigation is over`);
    if (p?.kind === 'human') f.ask(`is the incident ${env}'s ${d.key} was turned up for over? Then revert the live value.`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.6 };
  }

  if (!p) {
    f.add('live', 'no managedFields say who wrote the live value (captured without --show-managed-fields, or written before field tracking)');
    f.say(`revert ${env} live to its file's value by deploying, or backfill the file if the live value is the right one`);
    f.ask(`who set ${env}'s live ${d.key} to ${shown(live)}, and should it stay?`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.4 };
  }
  if (p.kind === 'human') {
    if (!last || after(p.time, last.date)) {
      f.add('live', `a hand edit newer than the last repo change${last ? ` (${day(last.date)})` : ''}: a fix made live and never codified`);
      f.say(`backfill ${env}'s file with ${shown(live)}, or revert the live object if the fix is no longer wanted`);
      const same = p.time ? sameValueCommitted(d.key, live, p.time, context) : undefined;
      if (same) {
        f.add(
          'live',
          `${describeCommit(same.event)} wrote the same ${shown(live)} into ${same.env}'s file around the time of the edit: the value was meant`,
          same.event.commit,
        );
        return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: p.exact ? 0.8 : 0.75 };
      }
      const noted = annotatedEnd(slot.liveAnnotations, env, p.time ?? context.today ?? '', context);
      if (noted) {
        const where = `the annotation ${noted.name} on ${env}'s live object`;
        if (noted.past) {
          f.add('live', `${where} says the hand edit lasts until ${noted.until}, which has passed: "${noted.text}"`);
          f.say(`revert ${env}'s live object to ${shown(slot.repo)} by deploying: its time is up`);
          return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.7 };
        }
        f.add('live', `${where} says the hand edit lasts until ${noted.until}: "${noted.text}"`);
        f.ask(`${env}'s ${d.key} = ${shown(live)} is meant to last until ${noted.until}: revert it then (or backfill it, if the plan changed)?`);
        return { deliberate: env, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.4, expires: noted.until };
      }
      const kept = Object.entries(slot.liveAnnotations ?? {}).find(([name, text]) => !TOOL_ANNOTATION.test(name) && decidesKeep(text, true));
      if (kept) {
        f.add('live', `the annotation ${kept[0]} on ${env}'s live object, written with the edit, says to keep it: "${kept[1].slice(0, 160)}"`);
        f.say(`backfill ${env}'s file with ${shown(live)}, so the next deploy does not take it away`);
        // A keep until something someone must still report ("until marketing says the sale is
        // over") keeps it for now: whether that end has come is for the person it names.
        const end = KEEP_UNTIL.exec(kept[1]);
        if (end) {
          f.ask(
            `${env}'s ${d.key} = ${shown(live)} is kept "${kept[1].slice(end.index, end.index + 80).trim()}": has that happened? Then revert it; until then codify or declare it.`,
          );
          return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: 0.5, question: f.questions.at(-1)! };
        }
        return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: 0.65 };
      }
      const undo = p.time ? documentedUndo(d.key, slot.repo ?? null, p.time, context.log, live === null) : undefined;
      if (undo) {
        const { passage } = undo;
        f.add(
          'live',
          `${passage.file}:${passage.line}, written in ${describeMessage(passage.written)} after the edit, says it is to be undone ("${undo.phrase}"): "${passage.text.slice(0, 160)}"`,
          passage.written.sha,
        );
        f.say(`revert ${env}'s live object to ${shown(slot.repo)} by deploying`);
        return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.65 };
      }
      // A checklist written after the edit that leaves its put-back unticked ("- [ ] kassa 14 → 6"): the
      // step was decided and not taken, so the live value is the temporary one (open-put-back.ts).
      const step = p.time ? openPutBack(d.key, live, slot.repo ?? null, p.time, context.log, context.today) : undefined;
      if (step) {
        f.add('live', `${step.where} lists taking it back as a step not done${step.due ? ` (due ${step.due})` : ''}: "${step.item}"`, step.sha);
        f.say(`revert ${env}'s live object to ${shown(slot.repo)} by deploying`);
        return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.65 };
      }
      const keep = p.time ? documentedKeep(d.key, p.time, context.log, live) : undefined;
      if (keep) return keptByDocument(keep, env, live, f);
      // A write-up proposing to keep it whose own status took the proposal back: the edit is not kept.
      const takenBack = p.time ? documentedKeep(d.key, p.time, context.log, live, true) : undefined;
      if (takenBack) {
        const { passage } = takenBack;
        f.add(
          'live',
          `${passage.file}:${passage.line}, written in ${describeMessage(passage.written)} after the edit, proposed to keep it ("${takenBack.phrase}"), and its status takes that back`,
          passage.written.sha,
        );
        f.say(`revert ${env}'s live object to ${shown(slot.repo)} by deploying`);
        return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.55 };
      }
      // A write-up that says to put the value into this environment's own file, by the file's name
      // and in the languages read (holdout-20/45: "Pôr em deploy/prd/worker.yaml").
      const others = Object.entries(d.values).flatMap(([other, v]) => (other !== env && v.at ? [v.at.file] : []));
      const into = p.time && slot.at ? documentedIntoFile(d.key, slot.at.file, others, live, p.time, context.log, context.today, slot.repo ?? null) : undefined;
      if (into) return keptByDocument(into, env, live, f);
      const word = p.time ? wordAbout(d.key, p.time, context) : undefined;
      if (word) return corroborated(word, d, env, slot.repo ?? null, live, p.exact === true, f);
      // A hand edit nobody wrote a word about may as well be a forgotten test as a fix to keep:
      // neither codifying nor undoing it is a default.
      f.add('quality', `no commit names ${d.key} or cites an incident around ${day(p.time ?? '')}: nothing says why it was changed by hand`);
      f.ask(
        `who changed ${env}'s ${d.key} to ${shown(live)} by hand${p.time ? ` on ${day(p.time)}` : ''}, and why? Keep it (backfill) only if it is a fix that is still needed.`,
      );
      return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
    }
    f.add('live', `the file changed after the hand edit (${day(last.date)}), but has not been deployed since`);
    f.say(`revert the live object to ${shown(slot.repo)} by deploying`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.65 };
  }
  if (p.kind === 'pipeline') {
    if (last && after(last.date, p.time)) {
      f.add('live', `the file changed after the last deploy (${p.manager} ${p.time}): the deploy never applied it`);
      f.say(`revert the live object to ${shown(slot.repo)} by deploying`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.75 };
    }
    // A one-off deploy whose record leaves the redeploy from the repo undone (open-put-back.ts): not another source.
    const resync = p.time ? openResync(d.key, live, slot.repo ?? null, p.time, context.log, context.today) : undefined;
    if (resync) {
      f.add(
        'live',
        `${resync.where} records the value deployed as a one-off ("${resync.names}") and lists deploying from the repo again as a step not done: "${resync.item}"`,
        resync.sha,
      );
      f.say(`revert ${env}'s live object to ${shown(slot.repo)} by deploying from the repo`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: slot.repo, confidence: 0.6 };
    }
    f.add(
      'live',
      `${p.manager} wrote this value after the file's last change: it deploys from another source than this file (another values file, branch or overlay)`,
    );
    f.ask(`what does ${p.manager} deploy ${env}'s ${d.key} from?`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.4 };
  }
  if (p.kind === 'controller') {
    f.add('live', `${p.manager} is part of the cluster (an autoscaler or controller sets this field): declare it or stop comparing it`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.5 };
  }
  f.add('live', `${p.manager} is not a known tool: a script or SDK wrote it without naming itself`);
  f.ask(`which script or tool writes ${env}'s ${d.key}?`);
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.4 };
}

export function liveOnly(d: Divergence, context: VerdictContext, f: Findings): Partial {
  const env = d.envs[0]!;
  const p = d.provenance?.[env];
  const live = d.values[env]?.live ?? null;
  for (const note of d.notes) f.say(note);
  if (p) f.add('live', `written by ${describeProvenance(p)}`);
  if (p?.kind === 'human') {
    // What was written about it is read before what kind of setting it is: a default by the key's
    // class (a debug switch goes, a protective switch is codified) stands only where no text speaks.
    // Documents first (an undo, then a keep), then a note on the live object itself, then a commit
    // from around the edit that names the key or cites an incident.
    const undo = p.time ? documentedUndo(d.key, null, p.time, context.log) : undefined;
    if (undo) {
      const { passage } = undo;
      f.add(
        'live',
        `${passage.file}:${passage.line}, written in ${describeMessage(passage.written)} after it was added, says to remove it ("${undo.phrase}"): "${passage.text.slice(0, 160)}"`,
        passage.written.sha,
      );
      f.say(`remove ${d.key} from ${env}'s live object (revert)`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.65 };
    }
    const keep = p.time ? documentedKeep(d.key, p.time, context.log, live) : undefined;
    if (keep) return keptByDocument(keep, env, live, f);
    const annotated = annotatedOnly(d, env, live, p.time ?? context.today ?? '', context, f);
    if (annotated) return annotated;
    // (A commit naming the key that calls it a mistake, or keeps it, is read with every other text
    // about it by the readers (readers.ts), which weigh a keep against an undo.)
    if (looksLoosened(d.key, live) || context.risk === 'debug') {
      f.add('live', `${shown(live)} is a debugging or weakened setting added by hand: an aid during an incident, to remove once it is over`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
    }
    if (looksProtective(d.key, live)) {
      f.add('live', `${shown(live)} switches something off for safety, added by hand: removing it brings back what it protects against`);
      f.say(`backfill it into ${env}'s file so a deploy does not remove it; take it out only once the cause is fixed`);
      f.ask(`is the cause ${d.key} was switched on for fixed? Until then keep it, codified.`);
      return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: 0.55 };
    }
    f.say(`added by hand and declared nowhere: remove it from the live object (revert), or backfill it into ${env}'s file if it is meant to stay`);
    f.ask(`was ${d.key} added live in ${env} as a fix to keep (backfill) or a temporary aid (revert)?`);
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
  }
  if (p?.kind === 'pipeline') {
    // A document that says the repository does not own it (a platform injects it) outranks the
    // rule: codifying it would contradict the document that explains the key.
    const notOurs = documentedNotInRepo(d.key, context.log, context.today);
    if (notOurs) {
      const { passage } = notOurs;
      f.add(
        'live',
        `${passage.file}:${passage.line} (${describeMessage(passage.written)}) says the repository does not set it ("${notOurs.phrase}"): "${passage.text.slice(0, 160)}"`,
        passage.written.sha,
      );
      f.say(`${p.manager} deploys it from the platform's own source: declare it, and neither codify it here nor remove it by hand`);
      return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.55 };
    }
    const keep = p.time ? documentedKeep(d.key, p.time, context.log, live) : undefined;
    if (keep) return keptByDocument(keep, env, live, f);
    // A pipeline deploying a value from another source says where it comes from, not that these
    // files should own it: no default codifies it (the README's 0.45 for a value a pipeline deploys
    // from elsewhere); a document that says keep, or that the platform owns it, decides.
    f.say(`${p.manager} deploys it, so it comes from a source other than these files: declare it while someone says whether ${env}'s file should own it`);
    f.ask(
      `${p.manager} deploys ${d.key} to ${env} from outside these files: should ${env}'s file own it (backfill ${shown(live)}), or is it the pipeline's own (declare)?`,
    );
    return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
  }
  f.say(`nobody is recorded as writing it: remove it from the live object, or backfill it into ${env}'s file`);
  f.ask(`who added ${d.key} to ${env}'s live object?`);
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.35 };
}

/** A person's annotation on the live object that holds a key added by hand: an end it states ("remove
 * after 2026-11-30": gone once passed, kept until then) or a word to keep it. */
function annotatedOnly(d: Divergence, env: EnvName, live: string | null, written: string, context: VerdictContext, f: Findings): Partial | undefined {
  const annotations = d.values[env]?.liveAnnotations;
  if (!annotations) return undefined;
  const noted = annotatedEnd(annotations, env, written, context);
  if (noted) {
    const where = `the annotation ${noted.name} on ${env}'s live object`;
    // A date alone is an estimate: it takes away no protection (a switch set for safety stays, asked about).
    if (noted.past && !looksProtective(d.key, live)) {
      f.add('live', `${where} says it lasts until ${noted.until}, which has passed: "${noted.text}"`);
      f.say(`remove ${d.key} from ${env}'s live object (revert): its time is up`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.65 };
    }
    if (noted.past) return undefined;
    f.add('live', `${where} says it lasts until ${noted.until}: "${noted.text}"`);
    f.ask(`${env}'s ${d.key} = ${shown(live)} is meant to last until ${noted.until}: remove it then (or codify it, if the plan changed)?`);
    return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.5, expires: noted.until };
  }
  const kept = Object.entries(annotations).find(([name, text]) => !TOOL_ANNOTATION.test(name) && decidesKeep(text, true));
  if (!kept) return undefined;
  f.add('live', `the annotation ${kept[0]} on ${env}'s live object says to keep it: "${kept[1].slice(0, 160)}"`);
  f.say(`backfill ${env}'s file with ${shown(live)}, so the next deploy does not take it away`);
  const end = KEEP_UNTIL.exec(kept[1]);
  if (end) {
    f.ask(
      `${env}'s ${d.key} = ${shown(live)} is kept "${kept[1].slice(end.index, end.index + 80).trim()}": has that happened? Then remove it; until then codify it.`,
    );
    return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: 0.5 };
  }
  return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: 0.6 };
}

/** A committed document saying, after a hand edit, to keep it: codify what runs. */
function keptByDocument(keep: DocumentedUndo, env: EnvName, live: string | null, f: Findings): Partial {
  const { passage, pending } = keep;
  if (pending) {
    // Left as it runs until someone returns or decides: neither codifying it nor putting the file's
    // value back is anyone's call but theirs, before that day or after it while nothing is recorded.
    const who = pending.owner ?? 'the person it names';
    f.add(
      'live',
      `${passage.file}:${passage.line}, written in ${describeMessage(passage.written)} after the edit, holds it until a decision: "${pending.sentence.slice(0, 160)}"` +
        (pending.decision && pending.decision !== pending.sentence ? ` ("${pending.decision.slice(0, 160)}")` : ''),
      passage.written.sha,
    );
    f.say(`declare ${env}'s ${shown(live)} while ${who} decides: neither codify it nor revert it before then`);
    f.ask(
      `${who} decides whether ${env} keeps ${shown(live)} ("${(pending.decision ?? pending.sentence).slice(0, 120)}"): has that been decided? Then codify or revert as they said.`,
    );
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
  }
  f.add(
    'live',
    `${passage.file}:${passage.line}, written in ${describeMessage(passage.written)} after the edit, says to keep it ("${keep.phrase}"): "${passage.text.slice(0, 160)}"`,
    passage.written.sha,
  );
  f.say(`backfill ${env}'s file with ${shown(live)}, so the next deploy does not take it away`);
  return { deliberate: env, drifted: env, suggested: 'backfill', value: live, confidence: 0.6, keptBy: `${passage.file}:${passage.line}` };
}

/** What a declare on a repo-vs-live row does, said once whichever rule suggested it: the live value
 * is accepted as it runs (the contract's `live_differences:`), until the verdict's end where it
 * read one, and the row is drift again once the value changes or the end passes. Words only: the
 * suggestion and its confidence are the rules'. */
export function acceptanceWords(d: Divergence, verdict: Pick<Verdict, 'suggested' | 'expires'>, f: Findings): void {
  if (verdict.suggested !== 'declare' || (d.kind !== 'live-drift' && d.kind !== 'live-only')) return;
  const env = d.envs[0]!;
  const slot = d.values[env];
  if (!slot || slot.live === null) return;
  const repo = slot.repo === null ? 'no repo file declares it' : `its file says ${shown(slot.repo)}`;
  const owner = d.provenance?.[env];
  if (slot.type === 'secret') {
    // A Secret is accepted by the live change that set it (its managedFields entry), which holds in
    // every clone; without one, by its fingerprint, which holds in this clone only.
    f.say(
      `declare accepts ${env}'s live secret ${owner?.time ? `as changed by ${owner.manager} at ${owner.time}` : `as its fingerprint (this clone only: the live state carries no managedFields)`}` +
        `${verdict.expires ? `, until ${verdict.expires}` : ''} (live_differences: in the contract, with the question as its reason): no drift while it runs; ` +
        `a deploy from the repo still puts ${slot.repo === null ? 'it away' : "back the repo's"}`,
    );
    return;
  }
  f.say(
    `declare accepts ${env}'s live ${shown(slot.live)} while ${repo}${verdict.expires ? `, until ${verdict.expires}` : ''} ` +
      `(live_differences: in the contract, with the question as its reason): no drift while it runs` +
      `${verdict.expires ? ' and the date holds' : ''}; a deploy from the repo still puts ${slot.repo === null ? 'it away' : `back ${shown(slot.repo)}`}`,
  );
}

export function artifact(d: Divergence, f: Findings): Partial {
  for (const note of d.notes) f.say(note);
  for (const [env, p] of Object.entries(d.provenance ?? {})) f.add('live', `${env}'s image was set by ${describeProvenance(p)}`);
  f.say('redeploy the environment that runs the stale build (revert), or pin images by digest so one tag cannot run two builds');
  f.ask("which build should run: check the registry for the tag's current digest, then redeploy the environment that runs the other one");
  // Which of the two builds is the stale one only the registry knows: redeploying an environment
  // on the promotion order alone could as well replace the right build with the wrong one.
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
}

/** The words of a note saying something was not meant ("by mistake", "shouldn't have"), if any. */
/** The words of a text that say something was not meant — in a sentence that says so, not one that
 * asks ("was it removed by mistake?") or supposes ("if it is deleted by mistake, redeploy it"). */
export function saysMistake(text: string): string | undefined {
  const m = MISTAKE.exec(text);
  // (The mistake family in every language — "was a mistake", "war ein Fehler", "fue un error" — is
  // languages.ts' one reader.)
  if (!m) return foreignMistakeIn(text);
  for (const sentence of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    const at = MISTAKE.exec(sentence);
    if (!at) continue;
    if (/[?？]\s*$/u.test(sentence) || SUPPOSED.test(sentence.slice(0, at.index))) continue;
    return at[0];
  }
  return foreignMistakeIn(text);
}
/** The words saying something was not meant in `env`: where the clause that says it names
 * environments, `env` among them; where it names none, its sentence's; where that names none
 * either, the slip is the thing's wherever it is. "created in stage by mistake; prod is fine" is
 * stage's slip, never production's. */
export function mistakeAbout(text: string, env: EnvName, envs: readonly EnvName[]): string | undefined {
  if (!saysMistake(text)) return undefined;
  const named = (t: string) => envs.filter((e) => mentions(t, e));
  for (const sentence of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    const inSentence = named(sentence);
    // A clause naming none continues the last one that did ("In stage, it was created by mistake",
    // "the stage copy was applied by mistake (wrong kube context)").
    let before: EnvName[] = [];
    for (const clause of sentence.split(sentenceEnds(/,\s+|\s[—–]\s|\s\(/))) {
      const inClause = named(clause);
      if (inClause.length > 0) before = inClause;
      const phrase = saysMistake(clause);
      if (!phrase) continue;
      const about = inClause.length > 0 ? inClause : before.length > 0 ? before : inSentence;
      if (about.length === 0 || about.includes(env)) return phrase;
    }
  }
  return undefined;
}

// A sentence that supposes rather than reports: "if …", "in case …", "should it be …", "whether …", "falls …", "wenn …".
const SUPPOSED = /^(?:[-*+]|\d+[.)])?\s*(?:\S+\s+){0,2}?(?:if|in case|should it|whether|falls|wenn|si|cuando|en caso)(?![\p{L}])/iu;

// Who speaks in a pasted chat or thread: "[17:40] tomas: …", "ana: …", "> bo wrote:".
const SPEAKER = /^[ \t]*(?:\[[^\]]{1,20}\]\s*)?(?:<)?([A-Za-z][\w.-]{1,30})(?:>)?:\s/gm;
// A speaker's wish to undo it, beyond the words that say it was not meant.
const UNDO = regex(
  'iu',
  String.raw`\b(?:(?:was|is) a mistake|put it back|revert (?:it|this|that)|undo (?:it|this|that)|roll (?:it|this|that) back|`,
  // An undo takes any object that is the edit or the value: "revert the live value", "roll back
  // the patch", "reset the live value", "undo the override on prod" (the verb as a wish, not a
  // report: "rolled back the deploy" is what someone did during the incident).
  String.raw`(?:revert|roll ?back|undo|reset|restore|remove|drop) (?:the|my|that|this|our|his|her|their|your) (?:[\w-]+ ){0,2}?`,
  String.raw`(?:value|patch|edit|change|override|setting|hand[- ]?edit|hot-?fix|kubectl edit|tweak)s?\b|`,
  // … and as people write it in other languages: "muss zurück auf 30", "rückgängig machen",
  // "hay que revertirlo", "deshacer", "à remettre à 200", "annuler", "terugzetten", "reverter".
  String.raw`(?:muss|müssen|soll|sollte|wieder) (?:\S+ ){0,3}?zurück|zurück(?:setzen|gesetzt|drehen|nehmen|stellen)|rückgängig|`,
  String.raw`revertir(?:lo|la)?|deshacer(?:lo|la)?|volver(?:lo|la)? a(?:l)? (?:poner|valor)|`,
  String.raw`remettre|annuler|revenir (?:à|a|en arrière)|terug(?:zetten|draaien)|reverter|desfazer)`,
);
// An explicit wish to keep what was done ("this should stay", "keep it", "leave it as is").
const KEEP_EXPLICIT = regex(
  'i',
  String.raw`\b(?:should stay|stays|keep (?:it|this|that)|leave (?:it|this|that)(?: as is)?|`,
  String.raw`don'?t (?:revert|roll (?:it )?back|put it back)|make (?:it |this )?permanent)\b`,
);

/** In a note where two or more people speak, the clause of one of them that keeps the edit. */
function arguedOver(text: string): string | undefined {
  const speakers = new Set([...text.matchAll(SPEAKER)].map((m) => m[1]!.toLowerCase()));
  if (speakers.size < 2) return undefined;
  return KEEP_EXPLICIT.exec(text)?.[0];
}

/** A live field whose writer is a controller or a client a committed document about it names with
 * the object: the operator's state, declared for its environment — never deployed back over. */
function operatorState(d: Divergence, env: EnvName, p: Provenance, context: VerdictContext, f: Findings): Partial | undefined {
  const passage = operatorDocumented(d.key, p.manager, context.log, context.today, context.environments);
  if (!passage) return undefined;
  f.add(
    'live',
    `${passage.file}:${passage.line} (${describeMessage(passage.written)}) names ${p.manager}, which wrote the live value, as what runs the object: "${passage.text.slice(0, 160)}"`,
    passage.written.sha,
  );
  f.say(`${p.manager} sets ${env}'s ${d.key} as it runs: declare the difference; neither deploy the file's value over it nor write the live one into the file`);
  return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.55 };
}
