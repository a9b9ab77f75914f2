// A later text about a change that decides its value for every environment ("the flag is switched on
// in all environments", "ab sofort in allen Umgebungen aktiv", "activé dans tous les environnements")
// gives every environment the go: whoever decided it no longer waits for anything, and an environment
// still holding the old value is a step not yet taken. Read as the change's own "everywhere" is
// (intent.ts, in every language read), and only where it is said: not scoped to one environment,
// not held for a gate, not temporary, not asked or set as a condition, not dated after today.
import type { EnvName } from '../model/types.js';
import { readIntent } from './intent.js';
import { readDeadline } from './deadline.js';
import { AHEAD, negatedBefore } from './conditions.js';

// A sentence set as a condition or a question decides nothing yet ("once the pilot ends, …", "… everywhere?").
const ASKED_OR_IF =
  /[?？]\s*$|^(?:[-*•]\s+)?(?:if|once|when|unless|as soon as|after|sobald|wenn|falls|si|cuando|quand|se|als|zodra|jeśli|dacă|daca|când|cand|după ce|dupa ce)(?![\p{L}])/iu;

/** The "everywhere" phrase a sentence of a later text decides, or undefined. */
export function decidedEverywhere(
  sentence: string,
  written: string,
  author: string,
  env: EnvName,
  environments: EnvName[],
  today?: string,
): string | undefined {
  const intent = readIntent({ subject: sentence, body: '', author, email: '', date: written }, env, environments);
  const phrase = intent.everywhere;
  if (!phrase || ASKED_OR_IF.test(sentence.trim())) return undefined;
  const at = sentence.toLowerCase().indexOf(phrase.toLowerCase());
  // "not switched on in all environments", "in all environments once the soak is green".
  if (at >= 0 && (negatedBefore(sentence, at, 'clause') || AHEAD.test(sentence.slice(at + phrase.length)))) return undefined;
  if (intent.scope || intent.temporary || (intent.hold && !intent.hold.follows)) return undefined;
  // A plan for a day still ahead is not yet a decision carried out.
  const date = readDeadline(sentence, written).date;
  if (date && (today ? date > today : date > written.slice(0, 10))) return undefined;
  return phrase;
}
