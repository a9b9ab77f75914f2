// An end moved in a document: a time-limited change's end is what the latest word on it says, and
// that word is often written in meeting notes or a status page, not in a commit ("Onboarding
// extended to 30 September; the sandbox limit stays until then", "Pilot verlängert bis 31.10.").
// A document committed after the change, about the same environment and the same thing, whose
// passage extends or postpones it and names a later day, moves the end to that day.
import type { EnvName } from '../model/types.js';
import { mentions } from './envnames.js';
import { conditionWords, specificWords } from './conditions.js';
import { documentIndex } from './documents.js';
import { readDeadline } from './deadline.js';
import { statedOnly } from './stated.js';
import { regex } from './pattern.js';
import type { CommitLog, Message } from './log.js';

// A later word that moves an end: "extend the pause to 20/12", "postponed to Jan 31", "keep it
// until", "verlängert bis", "prolongée jusqu'au", "prorrogado hasta", "延長", "延期".
export const EXTENDS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:extend(?:s|ed|ing)?|extension|prolong\p{L}*|postpone[sd]?|push(?:ed)? (?:back|out)|`,
  String.raw`keep(?:ing)? (?:it |this |them )?(?:until|till|through)|stays? (?:until|till|through)|moved? (?:the )?(?:end|deadline|date)|`,
  String.raw`verlänger\p{L}*|verschoben|aufgeschoben|prorrogad\p{L}*|extendid\p{L}*|ampliad\p{L}*|aplazad\p{L}*|`,
  String.raw`repouss\p{L}*|reporté\p{L}*|prorrogat\p{L}*|posticipat\p{L}*|verlengd|uitgesteld|przedłuż\p{L}*|przesunięt\p{L}*|`,
  String.raw`продл\p{L}*|перенес\p{L}*|uzatıl\p{L}*|ertelen\p{L}*)(?![\p{L}])|延長|延长|延期|연장`,
);

// "not extended", "nicht verlängert", "niet verlengd", "pas prolongé", "no se prorroga": a word
// negated right before it moves nothing.
const NEGATED = regex('iu', String.raw`(?<![\p{L}])(?:not|no|never|nicht|kein\p{L}*|niet|geen|pas|non|nie|ikke|inte|ei|nem)\s(?:\p{L}+\s)?$`);

export interface MovedEnd {
  until: string;
  path: string;
  written: Message;
  quote: string;
  shared: string[];
}

/** The latest document (committed after the change, by `today`) that moves the change's end past
 * `until`. `order` is the change's place in the log (lower is newer). */
export function endMovedInDocument(
  ownText: string,
  env: EnvName,
  until: string,
  order: number,
  log: CommitLog,
  environments: EnvName[],
  today: string | undefined,
): MovedEnd | undefined {
  const ownWords = conditionWords([ownText], environments);
  let best: MovedEnd | undefined;
  for (const doc of documentIndex(log)) {
    const written = doc.written as Message & { order: number };
    if (written.order >= order || (today && written.date.slice(0, 10) > today)) continue;
    if (best && (best.written as Message & { order: number }).order <= written.order) continue;
    if (!mentions(doc.text, env)) continue;
    const theirs = new Set(conditionWords([doc.text], environments));
    const shared = ownWords.filter((w) => theirs.has(w));
    if (shared.length < 2 && specificWords(shared).length === 0) continue;
    for (const p of doc.passages) {
      const said = statedOnly(p.text);
      const m = EXTENDS.exec(said);
      if (!m || NEGATED.test(said.slice(Math.max(0, m.index - 30), m.index))) continue;
      // The passage itself speaks of the change: one of its words is the change's.
      const words = new Set(conditionWords([said], environments));
      if (!shared.some((w) => words.has(w))) continue;
      const day = readDeadline(said, written.date).date;
      if (!day || day <= until) continue;
      best = { until: day, path: doc.path, written, quote: said.trim().replace(/\s+/g, ' ').slice(0, 120), shared };
      break;
    }
  }
  return best;
}
