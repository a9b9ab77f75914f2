// A value set to reproduce, debug or chase something ("tmp: 1 consumer on staging to reproduce
// out-of-order status updates", "um den Timeout nachzustellen", "para reproducir el error de
// redondeo", "pour reproduire le double envoi") is there only while that thing is open. A later
// commit that reports it found or fixed ("found it: partitioner keyed by customer", "fix: …", "root
// cause …", "behoben", "corregido", "corrigé", "opgelost") and speaks of the same thing (two of the
// words of what the value was set to reproduce) ends its reason: the value is a leftover, and the
// environment goes back. A report that it is not fixed yet, or a fix of something else, ends nothing.
import type { CommitLog } from './log.js';
import { regex } from './pattern.js';
import { logTexts } from './texts.js';

// What the value was set for, after the verb: "to reproduce <X>", "zum Nachstellen <X>", "um <X>
// nachzustellen", "para reproducir <X>", "pour reproduire <X>", "om <X> te reproduceren". Where the
// object stands between two words, one white space each side: `\s+` there and a middle that takes
// white space too backtrack cubically (recheck's fuzz on Node 24 found "om\t\tom\t\t…").
const PURPOSE = [
  regex('iu', String.raw`(?<![\p{L}])(?:to|so we can|in order to)\s+(?:reproduce|repro|debug|investigate|chase|track down)\s+([^\n.;]{6,120})`),
  regex('iu', String.raw`(?<![\p{L}])(?:zum|fürs?)\s+(?:reproduzieren|nachstellen|debuggen)\s+(?:von\s+|des\s+|der\s+)?([^\n.;]{6,120})`),
  regex('iu', String.raw`(?<![\p{L}])um\s([^\n.;]{6,120}?)\s(?:zu reproduzieren|nachzustellen|zu debuggen)`),
  regex('iu', String.raw`(?<![\p{L}])para\s+(?:reproducir|depurar|investigar)\s+([^\n.;]{6,120})`),
  regex('iu', String.raw`(?<![\p{L}])pour\s+(?:reproduire|déboguer|débugger|investiguer)\s+([^\n.;]{6,120})`),
  regex('iu', String.raw`(?<![\p{L}])om\s([^\n.;]{6,120}?)\ste (?:reproduceren|debuggen)`),
];
// Found or fixed, as a commit reports it.
const FIXED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:fix[:(]|(?:found it|found the (?:bug|cause|problem)|fixed|fixes|root cause|the cause was|`,
  String.raw`behoben|gefixt|ursache gefunden|corregid[oa]|arreglad[oa]|solucionad[oa]|corrigée?|résolue?|cause trouvée|opgelost|gevonden)(?![\p{L}]))`,
);
const NOT_YET = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not (?:yet )?(?:fixed|found|solved)|still (?:investigating|open|broken|happening|reproduc\w*)|no fix yet|`,
  String.raw`noch nicht (?:behoben|gefunden)|todavía no|aún no|pas encore|nog niet)(?![\p{L}])`,
);
const STOP = new Set([
  'with',
  'from',
  'that',
  'this',
  'when',
  'then',
  'into',
  'only',
  'staging',
  'production',
  'prod',
  'some',
  'because',
  'bug',
  'bugs',
  'issue',
  'problem',
  'tmp',
  'temp',
  'test',
  'des',
  'der',
  'die',
  'das',
  'los',
  'las',
  'del',
  'les',
  'une',
]);
const stems = (text: string): Set<string> =>
  new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)).map((w) => w.replace(/s$/u, '').slice(0, 7)));

/** What the change's text says its value was set to reproduce (or debug), if it says. */
export function reproducing(text: string): string | undefined {
  for (const re of PURPOSE) {
    const m = re.exec(text);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/** The newest later commit (after `after`, not after `today`, not `own`) reporting what `purpose`
 * names found or fixed: two of its words, a found/fixed word, no "not yet". */
export function reproducedFixed(
  purpose: string,
  after: string,
  own: string,
  log: CommitLog | undefined,
  today?: string,
): { sha: string; subject: string; date: string; author: string; phrase: string } | undefined {
  if (!log) return undefined;
  const wanted = stems(purpose);
  if (wanted.size < 2) return undefined;
  const at = Date.parse(after);
  for (const t of logTexts(log).all) {
    const m = t.note;
    if (m.sha === own || Date.parse(m.date) <= at || (today && t.day > today)) continue;
    const fixed = FIXED.exec(t.text);
    if (!fixed || NOT_YET.test(t.text)) continue;
    const shared = [...stems(t.text)].filter((w) => wanted.has(w));
    if (shared.length < 2) continue;
    return { sha: m.sha, subject: m.subject, date: m.date, author: m.author, phrase: fixed[0] };
  }
  return undefined;
}
