// A later text that says an environment's file lags what runs there: "staging.tfvars still says
// 13.12 (console upgrade)", "values-stage.yaml steht noch auf 2", "le fichier de recette indique
// encore 30". The value was changed outside the repo (a console, a hand upgrade) and the file
// was never caught up: the environment that looks behind is not behind, its file is. Read only for
// an environment that is not the last of the promotion order: a file said to be stale in
// production is a question for its owner, not a move this reading makes.
import type { EnvName } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { documentIndex } from './documents.js';
import { mentions } from './envnames.js';
import { regex, escapeRegExp } from './pattern.js';
import { logTexts } from './texts.js';

export interface StaleFile {
  where: string;
  text: string;
  sha: string;
}

// "still", and the verbs a file or a text uses for what it holds: says, reads, shows, lists.
const STILL_SAYS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:still (?:says|reads|shows|lists|contains|points to|has it at)|steht (?:noch|immer noch) (?:auf|bei)|`,
  String.raw`(?:sagt|zeigt|enthält) (?:noch|immer noch)|(?:indique|affiche|dit|contient) (?:encore|toujours)|`,
  String.raw`(?:todavía|aún|sigue) (?:dice|pone|muestra|tiene|con)|zegt nog|staat nog op|nadal (?:ma|pokazuje)|wciąż (?:ma|pokazuje))(?![\p{L}])`,
);

/** The first later text (after `since`, not after today) that names `env` and says its file still
 * holds `old` — the value the repo has for it —, in a text that names `target` too: what runs there. */
export function staleFileOf(context: VerdictContext, env: EnvName, old: string, target: string, since: string): StaleFile | undefined {
  const log = context.log;
  if (!log || env === context.promotion.at(-1)) return undefined;
  const at = Date.parse(since);
  const inTime = (date: string) => Date.parse(date) > at && (!context.today || date.slice(0, 10) <= context.today);
  const value = (v: string) => new RegExp(`(?<![\\w.])${escapeRegExp(v)}(?![\\w]|\\.\\d)`);
  const oldAt = value(old);
  const targetAt = value(target);
  const says = (text: string): string | undefined => {
    if (!targetAt.test(text)) return undefined;
    for (const clause of text.split(/\n+|(?<=[.!?;])\s+/)) {
      const m = STILL_SAYS.exec(clause);
      if (m && mentions(clause, env) && oldAt.test(clause.slice(m.index))) return clause.trim();
    }
    return undefined;
  };
  for (const doc of documentIndex(log)) {
    if (!inTime(doc.written.date) || !doc.lower.includes(old.toLowerCase())) continue;
    const clause = says(doc.text);
    if (clause) return { where: `${doc.path} (written in ${doc.written.sha.slice(0, 7)})`, text: clause, sha: doc.written.sha };
  }
  for (const { note, text } of logTexts(log).all) {
    if (!inTime(note.date) || note.parents.length > 1) continue;
    const clause = says(text);
    if (clause) return { where: `${note.sha.slice(0, 7)} ("${note.subject}")`, text: clause, sha: note.sha };
  }
  return undefined;
}
