// A question asked since the change, about whether the waiting environment takes its value ("should
// the real run in prod use 5000 as well?", "¿usamos 2000 también en producción?", "soll Prod auch auf
// 64 gehen?"), that nothing written after it answers: whoever asked could not decide, and neither can
// the verdict. It is the verdict's question, and no default is surer than a person checking.
//
// A question answered later (a text after it naming the environment and the value or the key) is no
// longer open, and is left to the readers of answers (answered.ts, approval.ts).
import type { EnvName, KeyPath } from '../model/types.js';
import { documentIndex } from './documents.js';
import { mentions } from './envnames.js';
import { keyWords } from './held.js';
import { logTexts } from './texts.js';
import { sentenceEnds } from './sentence-end.js';
import type { CommitLog } from './log.js';
import { describeMessage, short } from './words.js';
import { escapeRegExp } from './pattern.js';

export interface OpenQuestion {
  question: string;
  where: string;
  sha: string;
}

interface Written {
  text: string;
  date: string;
  sha: string;
  where: string;
}

// The shared split into sentences (sentence-end.ts), with ";" and the full-width marks: a date's, an
// abbreviation's or a list item's dot cuts no question from the environment it asks about ("Soll Prod
// am 1. Dezember auch 5000 bekommen?").
const QUESTION_ENDS = sentenceEnds(/(?<=[.!?？;。])\s+|\n+/);
const ANSWER_ENDS = sentenceEnds(/(?<=[.!?;])\s+|\n+/);

const questionsIn = (text: string): string[] =>
  text
    .split(QUESTION_ENDS)
    .map((s) => s.replace(/^\s*(?:[-*•>]\s*)+/, '').trim())
    .filter((s) => /[?？¿]/u.test(s) && /[?？]\s*\S{0,3}$/u.test(s));

/** The newest question written after `after` (the change; not after `today`, not by `own`) asking of
 * `env` and the value (or the key), with nothing written after it naming `env` and the value, the
 * value `env` holds (`held`) or the key. */
export function openQuestion(
  key: KeyPath,
  env: EnvName,
  value: string | null,
  held: string | null,
  after: string,
  own: string,
  log: CommitLog | undefined,
  today?: string,
): OpenQuestion | undefined {
  if (!log) return undefined;
  const at = Date.parse(after);
  const words = keyWords(key);
  const names = (v: string | null) => (v !== null && v.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}.])${escapeRegExp(v)}(?![\\p{L}\\p{N}])`, 'iu') : undefined);
  const [named, kept] = [names(value), names(held)];
  const about = (s: string) => mentions(s, env) && (!!named?.test(s) || words.some((w) => s.toLowerCase().includes(w)));
  // An answer may name the value the environment keeps instead ("Production keeps 1000").
  const answers = (s: string) => about(s) || (mentions(s, env) && !!kept?.test(s));
  const texts: Written[] = [];
  for (const t of logTexts(log).all) {
    if (t.note.sha === own) continue;
    texts.push({
      text: t.text,
      date: t.note.date,
      sha: t.note.sha,
      where: describeMessage(t.note),
    });
  }
  // A document is looked into only where its lower-case whole names the environment and the value, the
  // value kept or the key's words: looking into one is recorded as a read of it (reads.ts).
  const lowered = [value, held].filter((v): v is string => v !== null && v.length > 0).map((v) => v.toLowerCase());
  for (const doc of documentIndex(log)) {
    if (doc.written.sha === own || !mentions(doc.lower, env)) continue;
    if (!lowered.some((v) => doc.lower.includes(v)) && !words.some((w) => doc.lower.includes(w))) continue;
    for (const p of doc.passages)
      texts.push({ text: p.text, date: doc.written.date, sha: doc.written.sha, where: `${doc.path}:${p.line} (written in ${short(doc.written.sha)})` });
  }
  const fresh = texts.filter((t) => Date.parse(t.date) > at && !(today && t.date.slice(0, 10) > today)).sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  for (const t of fresh) {
    const question = questionsIn(t.text).find(about);
    if (!question) continue;
    // Anything written after it about the environment and the value answers, or may: not open.
    const answered = fresh.some((later) => Date.parse(later.date) > Date.parse(t.date) && later.text.split(ANSWER_ENDS).some(answers));
    return answered ? undefined : { question, where: t.where, sha: t.sha };
  }
  return undefined;
}
