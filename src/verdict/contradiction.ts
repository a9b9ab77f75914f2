// A verdict leans on one clause ("staging only", "production next sprint", "for every
// environment"). When another explicit clause anywhere in the key's evidence says the opposite —
// a later commit naming the key, the commit where the environments last agreed, the comment beside
// the key in a file — two people disagree, and no rule is the arbiter of them: a person decides.
import type { Divergence, EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Findings } from './findings.js';
import type { Intent } from './intent.js';
import type { Message } from './log.js';
import { keyWords } from './held.js';
import { list, shown, short } from './words.js';
import { disputedThread, notesDisagree } from './disagreement.js';

/** The most a verdict that two explicit clauses dispute may claim: needs a human. */
export const DISPUTED = 0.45;

const either = (words: string[]) => words.map((w) => w.replace(/ /g, String.raw`\s+`)).join('|');

// The environments must hold one value: "in sync with prod", "must match production", "don't let
// these diverge", "keep them aligned", "same as prod", "identical everywhere".
const ALIGN = new RegExp(
  String.raw`\b(?:` +
    either([
      'in sync',
      'in lockstep',
      'same as (?:prod|production|staging|stage|dev)',
      'identical (?:in|across|everywhere|to)',
      'mirror(?:s|ing)? (?:prod|production)',
    ]) +
    String.raw`|(?:${either(['must', 'should', 'has to', 'have to', 'needs? to', 'always'])})\s+(?:\w+\s+){0,2}?(?:${either(['match', 'equal', 'mirror', 'follow', 'track'])})` +
    String.raw`|(?:${either(["don't", 'do not', 'dont', 'never', 'must not', 'should not', 'please don.t'])})\s+(?:\w+\s+){0,3}?(?:${either(['diverge', 'drift', 'differ', 'split'])})` +
    String.raw`|keep\s+(?:\w+\s+){0,3}?(?:${either(['aligned', 'in line', 'identical', 'equal', 'the same'])})` +
    String.raw`)\b`,
  'i',
);

// The value must not change at all: "never raise it", "do not lower this without sign-off".
const FORBID = ["don't", 'do not', 'dont', 'never', 'must not', "mustn't", 'should not', "shouldn't", 'nobody should', 'no one should'];
const CHANGE_VERBS = ['raise', 'lower', 'change', 'touch', 'bump', 'increase', 'decrease', 'reduce', 'modify', 'drop', 'shorten', 'lengthen'];
const NEVER_CHANGE = new RegExp(String.raw`\b(?:${either(FORBID)})\s+(?:\w+\s+){0,2}?(?:${either(CHANGE_VERBS)})\b`, 'i');

// The environments are to stay apart: "don't promote", "do not backport it to prod", "production
// stays on 100", "prod keeps it as is", "leave it at 100 in prod".
const MOVE_VERBS = ['promote', 'backport', 'roll (?:it |this )?out', 'port', 'propagate', 'copy', 'sync', 'bump'];
const APART = new RegExp(
  String.raw`\b(?:` +
    String.raw`(?:${either(FORBID)}|please don.t)\s+(?:\w+\s+){0,3}?(?:(?:${either(MOVE_VERBS)})(?:/\w+)?|\w+/(?:${either(MOVE_VERBS)}))` +
    String.raw`|(?:prod|production|staging|stage|dev|uat|qa)\s+(?:stays?|remains?)\s+(?:on|at|as|with|where|unchanged|\d)` +
    String.raw`|(?:stays?|remains?)\s+(?:on|at)\s+\S+\s+(?:in|on|for)\s+(?:prod|production|staging|stage|dev)` +
    String.raw`|(?:prod|production|staging|stage|dev|uat|qa)\s+keeps?\s+(?:\w+\s+){0,2}?(?:as[- ]is|unchanged|its own|where it is)` +
    String.raw`|leave\s+(?:\S+\s+){0,2}?(?:at|on|as)\s+\S+\s+(?:in|on|for)\s+(?:prod|production|staging|stage|dev)` +
    String.raw`)`,
  'i',
);

const clauses = (text: string) =>
  text
    .split(/\n+|(?<=[.!?;])\s+/)
    .map((c) => c.trim())
    .filter(Boolean);

/** The question that decides comes first. */
const ask = (f: Findings, question: string) => (f.questions = [question, ...f.questions.filter((q) => q !== question)]);

const clip = (s: string) => (s.length > 140 ? `${s.slice(0, 137)}...` : s);

function namesKey(text: string, key: string): boolean {
  const lower = text.toLowerCase();
  const leaf =
    key
      .split(/[.[\]]/)
      .filter(Boolean)
      .at(-1) ?? key;
  return lower.includes(key.toLowerCase()) || lower.includes(leaf.toLowerCase()) || keyWords(key).some((w) => lower.includes(w));
}

interface Clause {
  who: string;
  phrase: string;
  commit?: string;
  /** A disagreement between people (a pasted thread, two notes), not one text against another. */
  dispute?: boolean;
}

/** The first clause of `text` matching `re`, when the text is about the key (or stands beside it). */
function find(text: string, re: RegExp, key: string, beside: boolean): string | undefined {
  if (!beside && !namesKey(text, key)) return undefined;
  const clause = clauses(text).find((c) => re.test(c));
  return clause ? clip(clause) : undefined;
}

export interface Leaning {
  d: Divergence;
  context: VerdictContext;
  f: Findings;
  verdict: { deliberate: EnvName | null; drifted: EnvName | null; suggested: string; value: string | null; confidence: number; explicit?: boolean };
  deliberate: EnvName;
  decisive: HistoryEvent;
  intent: Intent | undefined;
  /** Commits naming the key without changing it. */
  notes: Message[];
  /** The commit at which the environments last agreed. */
  agreedAt?: HistoryEvent | undefined;
}

/** Caps the verdict at needs-a-human when an explicit clause elsewhere contradicts the one it
 * leans on, naming both. */
export function disputed(x: Leaning): void {
  const { d, f, verdict, deliberate, decisive, intent } = x;
  if (verdict.confidence <= DISPUTED) return;
  // What the verdict leans on: the change's own words, or (with none) the change itself.
  const leans = intent?.scope?.phrase ?? intent?.hold?.phrase ?? intent?.rollout?.phrase ?? intent?.temporary?.phrase ?? intent?.everywhere ?? decisive.subject;
  const keepsApart = verdict.suggested === 'declare' && verdict.deliberate !== null;
  const accepts = keepsApart || (verdict.suggested === 'backfill' && verdict.value === d.values[deliberate]?.repo);
  const against: Clause[] = [];
  // The environments are meant to hold one value, yet the verdict keeps them apart.
  if (keepsApart) {
    for (const note of x.notes) {
      const phrase = find(`${note.subject}\n${note.body}`, ALIGN, d.key, false);
      if (phrase) against.push({ who: `${short(note.sha)} (${note.author})`, phrase, commit: note.sha });
    }
    for (const [env, slot] of Object.entries(d.values)) {
      const phrase = slot.note ? find(slot.note, ALIGN, d.key, true) : undefined;
      if (phrase) against.push({ who: `the comment beside ${d.key} in ${env}'s file`, phrase });
    }
  }
  // A later word keeps the environments apart, yet the verdict moves a value between them.
  if (verdict.suggested === 'backfill' || verdict.suggested === 'revert') {
    const after = Date.parse(decisive.committed);
    for (const note of x.notes) {
      if (!(Date.parse(note.committed) > after)) continue;
      const phrase = find(`${note.subject}\n${note.body}`, APART, d.key, false);
      if (phrase) against.push({ who: `${short(note.sha)} (${note.author}), later,`, phrase, commit: note.sha });
    }
  }
  // The agreed value was not to change, yet the verdict accepts the change.
  const agreed = x.agreedAt;
  if (accepts && agreed && agreed.commit !== decisive.commit) {
    const phrase = find(`${agreed.subject}\n${agreed.body}`, NEVER_CHANGE, d.key, false);
    if (phrase) against.push({ who: `${short(agreed.commit)} (${agreed.author}), where they last agreed,`, phrase, commit: agreed.commit });
  }
  // Two items of the change's own message that name the key: one keeps it to one environment,
  // another sends it on ("* timeout 250ms, staging only" … "* prod: same timeout").
  const own = ownContradiction(`${decisive.subject}\n${decisive.body ?? ''}`, d.key);
  if (own) against.push({ who: `${short(decisive.commit)} itself, in another item,`, phrase: own.too, commit: decisive.commit });
  // A thread pasted in the change's own text whose speakers disagree, or that ends open: the change
  // was made while the people it concerns had not agreed.
  const thread = disputedThread(decisive.body ?? '');
  if (thread)
    against.push({
      who: `the thread pasted in ${short(decisive.commit)} (${list(thread.speakers)}) ${thread.why === 'open' ? 'ends open:' : 'holds an objection:'}`,
      phrase: thread.phrase,
      commit: decisive.commit,
      dispute: true,
    });
  // Two later notes about the key that say opposite things.
  const since = Date.parse(decisive.committed);
  const later = x.notes.filter((n) => Date.parse(n.committed) > since).map((note) => ({ note, text: `${note.subject}\n${note.body}` }));
  const split = notesDisagree(later);
  if (split)
    against.push({
      who: `two later notes, ${short(split.a.note.sha)} (${split.a.note.author}) and ${short(split.b.note.sha)} (${split.b.note.author}), contradict each other: one`,
      phrase: split.phrase,
      commit: split.b.note.sha,
      dispute: true,
    });
  const first = against[0];
  if (!first) return;
  if (first.dispute) f.weighed.add('dispute');
  const lean = `${short(decisive.commit)} (${decisive.author})`;
  f.add('intent', `${first.who} says "${first.phrase}", against ${lean}: "${clip(leans)}"`, first.commit);
  const values = Object.entries(d.values)
    .map(([env, v]) => `${env} ${shown(v.repo)}`)
    .join(', ');
  ask(
    f,
    `${lean} says "${clip(leans)}"; ${first.who} says "${first.phrase}": the two disagree explicitly, so the people who wrote them decide. ` +
      `Until then keep the difference declared (${d.key}: ${values}).`,
  );
  f.say('two explicit clauses disagree: declare the difference while the people who wrote them settle it');
  Object.assign(verdict, { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: DISPUTED, explicit: false });
}

const OTHER = String.raw`(?:prod|production|prd|live|staging|stage|stg|dev|qa|uat)`;
// A clause that keeps a change to one environment: "staging only", "only in dev", "not for prod".
const ONLY = new RegExp(
  String.raw`\b(?:${OTHER}[- ]only|only (?:in|for|on) ${OTHER}|not (?:in|for|on|to) (?:prod|production|prd|live)|(?:prod|production) (?:untouched|not touched))\b`,
  'i',
);
// A clause that sends it on: "prod: same timeout", "prod too", "also for production", "same in prod".
const TOO = new RegExp(
  [
    String.raw`\b${OTHER}\s*(?:[:,\-—–]\s*)?(?:too|as well|also|same)\b`,
    String.raw`\b(?:also|too|as well)\s+(?:\w+\s+){0,3}?(?:in|for|on|to|into)\s+${OTHER}\b`,
    String.raw`\bsame\s+(?:\w+\s+){0,2}?(?:in|for|on)\s+${OTHER}\b`,
    String.raw`\b${OTHER}\s+(?:gets?|goes|takes?)\s+(?:the\s+)?same\b`,
  ].join('|'),
  'i',
);

/** One message whose items about the key disagree: one says the change stays in one environment,
 * another that it goes to another as well. */
export function ownContradiction(text: string, key: string): { only: string; too: string } | undefined {
  const items = clauses(text).filter((c) => namesKey(c, key));
  const only = items.find((c) => ONLY.test(c));
  const too = items.find((c) => c !== only && TOO.test(c) && !ONLY.test(c));
  return only && too ? { only: clip(only), too: clip(too) } : undefined;
}
