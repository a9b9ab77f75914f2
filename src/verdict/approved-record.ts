// A change record approved by its own status ("Status: Approved (CAB 2026-11-30)", "Goedgekeurd",
// "Genehmigt") that plans the change for a lagging environment on a day, or in a week, that has
// passed: "# CHG-5120 pool 20 -> 40 in production / Planned: 2026-12-03", "Uitvoering: tst gedaan,
// prd in KW49". The approval is the go a person settling the difference reads, and its day is past:
// the environment it names is the one behind. A record still to be approved ("Status: draft") is
// documented.ts' undecided; a record's rollback line is its contingency, read by no one here.
//
// Where the environment and the day stand: in one clause of the record ("prd in KW49", "production on
// 3 Dec"), or the record's title names the one environment it changes ("… in production") and a
// planned-date field gives the day ("Planned:", "Geplant:", "Uitvoering:", "Prévu :"). A week planned
// is due by its Friday (its working days are over). Not where the clause is negated, conditional or
// postponed ("prd not before KW50", "prd once the soak is green", "prd postponed").
import type { EnvName } from '../model/types.js';
import { eventText } from './contingency.js';
import { weekEnd } from './calendar.js';
import { readDeadline } from './deadline.js';
import { mentions } from './envnames.js';
import { regex, escapeRegExp } from './pattern.js';

// A status that approves the record's change (not only "decided" in general: "Status: implemented" reports work).
const APPROVED = regex(
  'iu',
  String.raw`^[\s*_\x60"'(\[]*(?:approved|accepted|authori[sz]ed|genehmigt|freigegeben|angenommen|approuv[ée]e?s?|accept[ée]e?s?|aprobad[oa]|aprovad[oa]|`,
  String.raw`approvat[oa]|goedgekeurd|geaccepteerd|zatwierdzon[ya]|zaakceptowan[ya])(?![\p{L}])`,
);
// The field that gives the record's planned day.
const PLANNED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:planned(?: for| date)?|scheduled(?: for)?|execution(?: date)?|implementation(?: date)?|change window|window|go-live|`,
  String.raw`geplant|termin|umsetzung|durchführung|gepland|uitvoering|prévue?|date prévue|planifiée?|previst[oa]|planead[oa]|programad[oa]|`,
  String.raw`planowan[ey]|termin wdrożenia)[ \t]{0,2}:`,
);
// An ISO week as records write it: "KW49", "KW 49/2026", "CW 49", "week 49", "wk49", "semaine 49".
const WEEK = /(?<![\p{L}\d])(?:kw|cw|wk|week|woche|semaine|semana|settimana|tydzień|tydzien)[ \t]?(\d{1,2})(?:[ \t]?\/[ \t]?(\d{4}))?(?!\d)/iu;
// What makes a clause no plan for now: a negation, a condition, a gate or a postponement.
const NOT_NOW = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|never|no|nicht|kein\p{L}*|niet|geen|pas|nie|no|if|once|unless|after|when|falls|wenn|sobald|nach|zodra|als|`,
  String.raw`si|quand|cuando|postponed|deferred|on hold|verschoben|uitgesteld|reporté\p{L}*|aplazad[oa]|rinviat[oa]|tbd|tba)(?![\p{L}])`,
);
// Where a record's field lines, joined into one passage, part: before a capitalised label and its colon.
const FIELD = /\s(?=\p{Lu}[\p{L}-]{1,30}[ \t]?:\s)/u;

/** What is read of a linked passage (documented.ts' LinkedPassage, which imports this module). */
interface RecordPassage {
  text: string;
  heading?: string | undefined;
  lead?: string | undefined;
  decided?: string | undefined;
  link: string;
  message?: boolean | undefined;
  written: { date: string };
}

/** The lagging environment an approved change record plans the change for, on a day passed by today. */
export function approvedPlan(
  p: RecordPassage,
  q: { env: EnvName; environments: EnvName[]; today?: string | undefined; value?: string | null },
  next: EnvName[],
): { into: EnvName; phrase: string; passed: string } | undefined {
  if (!p.decided || !APPROVED.test(p.decided) || !q.today || p.message) return undefined;
  if (p.link !== 'ticket' && p.link !== 'key' && !(p.link === 'value' && titledByVersion(p.heading, q.value))) return undefined;
  const text = eventText(p);
  if (!text) return undefined;
  const clauses = text.split(FIELD).flatMap((field) => field.split(/[,;]\s+|(?<=[.!?])\s+/));
  // One clause naming a lagging environment (and not the changed one) with its day.
  for (const clause of clauses) {
    const into = next.find((env) => mentions(clause, env));
    if (!into || mentions(clause, q.env) || NOT_NOW.test(clause)) continue;
    const day = dayIn(clause, p.written.date);
    if (day && day <= q.today) return { into, phrase: `${p.decided}; ${clause.trim().slice(0, 80)}`, passed: day };
  }
  // The title names the one environment the record changes; a planned field gives the day.
  const title = p.heading ?? '';
  const named = q.environments.filter((env) => mentions(title, env));
  const into = named.length === 1 ? next.find((env) => env === named[0]) : undefined;
  if (!into || NOT_NOW.test(title)) return undefined;
  for (const clause of clauses) {
    const m = PLANNED.exec(clause);
    if (!m) continue;
    const rest = clause.slice(m.index + m[0].length);
    if (NOT_NOW.test(rest)) continue;
    const day = dayIn(rest, p.written.date);
    if (day && day <= q.today) return { into, phrase: `${p.decided}; ${clause.trim().slice(0, 80)}`, passed: day };
  }
  return undefined;
}

/** A record found by the value the change wrote is about that change where its title names the value
 * as a version ("CHG-4411 ledger-api 2.8.0 to prd"): a release's record names what it releases. A bare
 * number ("20", "true") found in a record says nothing of which change it is about. */
function titledByVersion(heading: string | undefined, value: string | null | undefined): boolean {
  if (!heading || !value || !/^v?\d+\.\d+\.\d+(?:[-+][\w.]+)?$/.test(value)) return false;
  const v = escapeRegExp(value.replace(/^v/, ''));
  return new RegExp(`(?<![\\w.])v?${v}(?![\\w]|\\.\\d)`).test(heading);
}

/** The day a clause plans: a week's Friday, or the date it names. */
function dayIn(clause: string, written: string): string | undefined {
  const week = WEEK.exec(clause);
  if (week) {
    const sunday = weekEnd(week[2], Number(week[1]), written);
    if (!sunday) return undefined;
    const friday = new Date(`${sunday}T00:00:00Z`);
    friday.setUTCDate(friday.getUTCDate() - 2);
    return friday.toISOString().slice(0, 10);
  }
  return readDeadline(clause, written).date;
}
