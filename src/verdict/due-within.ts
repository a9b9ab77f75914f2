// An order that gives each environment a span to take a measure ("production: within 24 h; preprod and
// recette: within 7 days", "staging innerhalb von 7 Tagen", "recette : sous 7 jours", "preprod entro 7
// giorni", "testi 7 päivän kuluessa") sets each environment it names a due day: the day the order was
// written, plus the span. A security advisory, a hardening order or a vendor's notice is written so; an
// environment whose day has passed and that still differs was left out, whether the order came before
// or after the change that carried it out elsewhere. The environment is named before the span, as the
// head of its line ("preprod: within 7 days") or with a verb of doing ("patch staging within 7 days"):
// a span in a sentence about something else ("staging incidents are answered within 24 h") is a
// promise, not an order. Not negated, asked or made a condition.
import type { EnvName } from '../model/types.js';
import { mentions } from './envnames.js';
import { DOING } from './gates.js';
import { regex } from './pattern.js';

// The lead and the span, in the languages read: "within", "in under", "innerhalb (von)", "binnen",
// "sous", "dans les", "dans un délai de", "dentro de", "en un plazo de", "en menos de", "entro", "nel giro
// di", "binnen", "inom", "inden for", "innen", "w ciągu", "em até", "no prazo de", "dentro de".
const LEAD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:within|in under|innerhalb(?: von)?|binnen|sous|dans les|dans un délai de|dentro de|en un plazo de|en menos de|entro|`,
  String.raw`nel giro di|inom|inden for|innen|w ciągu|em até|no prazo de)\s(?:the next |den nächsten |les |los |las |i |de )?(\d{1,3})\s?`,
  String.raw`(h|hrs?|hours?|stunden?|std|heures?|horas?|ore|uur|timmar|timer|godzin\p{L}{0,3}|days?|tagen?|jours?|d[ií]as|giorni|dagen?|dage|dagar|`,
  String.raw`dni|weeks?|wochen|semaines?|semanas?|settimane|weken|veckor|uger|uker|tygodni\p{L}{0,2})(?![\p{L}])`,
);
// Finnish writes the span before its postposition: "7 päivän kuluessa", "24 tunnin sisällä", "viikon kuluessa".
const FINNISH = regex('iu', String.raw`(?<![\p{L}\p{N}])(\d{1,3})\s(päivän|tunnin|viikon)\s(?:kuluessa|sisällä|aikana)(?![\p{L}])`);

const HOURS = /^(?:h|hrs?|hours?|stunden?|std|heures?|horas?|ore|uur|timmar|timer|godzin\p{L}*|tunnin)$/iu;
const WEEKS = /^(?:weeks?|wochen|semaines?|semanas?|settimane|weken|veckor|uger|uker|tygodni\p{L}*|viikon)$/iu;

// Anywhere in its clause, a negation, a condition or a doubt makes it no order ("not within 7 days", "if
// needed, within 24 h", "rollback within 24 h if errors", "falls nötig"). (Words, not a pattern.)
const NOT_AN_ORDER = new Set(
  (
    'not no never nicht kein keine pas non no não niet geen nie inte ikke ei if unless whether wenn falls ob si se als om jos ' +
    'maybe perhaps vielleicht peut-être quizás forse misschien kanske może talvez ehkä'
  ).split(' '),
);

/** The due day a clause sets `env` by a span from `written` ("preprod et recette : sous 7 jours"), with
 * the span's phrase; undefined where the clause sets none, names no `env` before its span, or is no order. */
export function dueWithin(clause: string, env: EnvName, written: string): { date: string; phrase: string } | undefined {
  if (/[?？]\s*$/u.test(clause)) return undefined;
  const m = LEAD.exec(clause) ?? FINNISH.exec(clause);
  if (!m) return undefined;
  const head = clause.slice(0, m.index);
  if (!mentions(head, env)) return undefined;
  // The environment heads its line ("- preprod: …", "| staging | within 7 days |") or a verb orders the step.
  if (!/[:：|–—-]\s*$/u.test(head.replace(/\*\*|__/g, '')) && !DOING.test(clause)) return undefined;
  // (The span's own words aside: Portuguese "no prazo de" is "within", not a "no".)
  if (
    `${head} ${clause.slice(m.index + m[0].length)}`
      .toLowerCase()
      .split(/[^\p{L}-]+/u)
      .some((w) => NOT_AN_ORDER.has(w))
  )
    return undefined;
  const n = Number(m[1]);
  const unit = m[2]!;
  const days = HOURS.test(unit) ? Math.ceil(n / 24) : WEEKS.test(unit) ? n * 7 : n;
  if (!n || days > 366) return undefined;
  const d = new Date(`${written.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return {
    date: d.toISOString().slice(0, 10),
    phrase: clause
      .slice(0, m.index + m[0].length)
      .trim()
      .slice(0, 100),
  };
}
