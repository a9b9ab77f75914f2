// The answer to a decision a change deferred. A change made for a test that leaves the other
// environment's decision to the result ("Decision for production after the evaluation", "Prod-
// Entscheidung nach Auswertung") is weighed against the report that answers it: a later text about
// the key (or the change's ticket) that recommends the value for the waiting environment ("Empfehlung:
// 64 auch in prod", "We recommend 200 for production as well", "Recomendamos 200 también en
// producción") is the decision made — the go the hold waited for. A recommendation to keep the
// waiting environment as it is, or one negated, asked or set as a condition, answers nothing.
import type { EnvName } from '../model/types.js';
import { mentions } from './envnames.js';
import { regex, escapeRegExp } from './pattern.js';
import { documentIndex, keyName } from './documents.js';
import { ticketsIn, type CommitLog, type Message } from './log.js';
import { describeMessage, short } from './words.js';
import type { LaterAnswer } from './answered.js';
import { sentenceEnds } from './sentence-end.js';

// A recommendation, as a report writes one, in every language the tables read.
const RECOMMENDS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:recommend(?:s|ed|ation|ations)?|we advise|advice|empfehl\p{L}*|empfohlen|recomend\p{L}*|recomiend\p{L}*|recommand\p{L}*|`,
  String.raw`raccomand\p{L}*|aanbevel\p{L}*|advies|rekomend\p{L}*|zalec\p{L}*|рекоменд\p{L}*|öneri\p{L}*|öneriyoruz)(?![\p{L}])`,
);
const RECOMMENDS_CJK = /推奨|推荐|建议|建議|권장|추천/u;
// What turns a recommendation away from the move: negation, a keep of the waiting environment's own
// value, a way back, a condition or a doubt.
const AWAY = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|no|don't|do not|never|against|nicht|kein\p{L}*|no se|pas|non|niet|geen|nie|не|değil|`,
  String.raw`keep|keeping|stay|stays|remain|leave|unchanged|as is|bleib\p{L}*|beibehalten|belassen|mantener|mantenga|garder|conserver|manter|`,
  String.raw`mantenere|houden|zostawi\p{L}*|оставить|revert|roll(?:ing)? back|back to|zurück|volver|revenir|voltar|tornare|terug|`,
  String.raw`if|unless|once|when|wenn|falls|sobald|cuando|quand|zodra|jeśli|если|eğer)(?![\p{L}])`,
);

const sentences = (text: string) =>
  text
    .split(sentenceEnds(/(?<=[.!?;])\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/))
    .map((s) => s.replace(/\*\*|__/g, '').trim())
    .filter(Boolean);

/** The sentence of `text` that recommends `value` for `env`: it names both (the value as written,
 * not inside a longer number) and recommends, with nothing turning it away (not negated, no keep,
 * no way back, no condition) and not asked. */
export function recommendsFor(text: string, env: EnvName, value: string | null): string | undefined {
  if (value === null || value.length === 0) return undefined;
  const named = new RegExp(`(?<![\\p{L}\\p{N}.])${escapeRegExp(value)}(?![\\p{L}\\p{N}]|\\.\\p{N})`, 'iu');
  for (const s of sentences(text)) {
    if (/\?\s*$/.test(s) || !mentions(s, env) || !named.test(s)) continue;
    if (!RECOMMENDS.test(s) && !RECOMMENDS_CJK.test(s)) continue;
    // The clause that names the environment is the recommendation's own: "no errors seen" after a comma is news, not a no.
    const clause = s.split(/[,;]|\s[—–]\s/).find((part) => mentions(part, env)) ?? s;
    if (AWAY.test(clause)) continue;
    return s;
  }
  return undefined;
}

/** A later text that answers the deferred decision: where it is, and the sentence recommending the value. */
export interface Answer {
  where: string;
  sha: string;
  sentence: string;
}

/** The newest text written after `change` (and not after today) — a passage of a committed document,
 * or a commit's message — that names `key` or cites a ticket of the change, and recommends `value`
 * for `env`. A passage is read whole (a list item with the lines under it), so "- WORKER_MAX_INFLIGHT=64:
 * p99 under 300 ms … Recommendation: 64 in prod too." is one answer. */
export function answerTo(
  key: string,
  change: { commit: string; date: string; subject: string; body: string },
  env: EnvName,
  value: string | null,
  log: CommitLog | undefined,
  today?: string,
): Answer | undefined {
  if (!log || value === null) return undefined;
  const name = keyName(key)?.pattern;
  const tickets = ticketsIn(`${change.subject}\n${change.body}`).map((t) => t.toLowerCase());
  const at = Date.parse(change.date);
  const inTime = (m: Message) => Date.parse(m.date) > at && (!today || m.date.slice(0, 10) <= today);
  const about = (text: string, lower: string) => !!name?.test(text) || tickets.some((t) => lower.includes(t));
  const found: Array<Answer & { date: string }> = [];
  for (const doc of documentIndex(log)) {
    if (!inTime(doc.written) || !about(doc.text, doc.lower)) continue;
    for (const p of doc.passages) {
      if (!about(p.text, p.lower)) continue;
      const sentence = recommendsFor(p.text, env, value);
      if (sentence)
        found.push({ where: `${doc.path}:${p.line} (written in ${short(doc.written.sha)})`, sha: doc.written.sha, sentence, date: doc.written.date });
    }
  }
  for (const m of log.messages.values()) {
    if (m.sha === change.commit || !inTime(m) || (m.parents?.length ?? 0) > 1) continue;
    const text = `${m.subject}\n${m.body}`;
    if (!about(text, text.toLowerCase())) continue;
    const sentence = recommendsFor(text, env, value);
    if (sentence) found.push({ where: describeMessage(m), sha: m.sha, sentence, date: m.date });
  }
  return found.sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0];
}

/** Answers newest first, and within one text its later lines first ("20 Nov: approved" under "28 Nov:
 * approval withdrawn" is the older word). */
export function newestAnswersFirst(answers: LaterAnswer[]): LaterAnswer[] {
  const line = (a: LaterAnswer) => Number(/:(\d+) \(written in/.exec(a.where)?.[1] ?? 0);
  return [...answers].sort((a, b) => Date.parse(b.written) - Date.parse(a.written) || line(b) - line(a));
}
