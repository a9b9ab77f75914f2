// What a commit's text says about why it was made: the scope it meant, a time limit, a rollout in
// progress, an incident, a typo fix. Read the way people write: families of phrasings, not one.
import { waitedEvent } from './waited-event.js';
import { isFailureShare } from './failure-share.js';
import { onlyInOpenEnd, openEndIn, withoutOpenEnds } from './open-end.js';
import { partlyDone } from './share-done.js';
import { doneOnEvent } from './done-when.js';
import type { EnvName } from '../model/types.js';
import { envPattern, mentions } from './envnames.js';
import { dateNamed, HOURS, readDeadline, RESUME_AT } from './deadline.js';
import { dateIn, NOT_AMOUNT } from './calendar.js';
import { dueIn, gateFor } from './gates.js';
import { pattern, regex, sourceOf, escapeRegExp } from './pattern.js';
import { once } from './once.js';
import { ownLength } from './own-length.js';
import { mendTypos } from './typos.js';
import { mendedMessage, mendedText } from './mended.js';
import { ticketsIn } from './log.js';
import { withoutContingencies } from './contingency.js';
import { messagePassage } from './passage.js';
import {
  doubtIn,
  exceptAfter,
  foreignFirst,
  conditionAt,
  CLAUSE_BREAK,
  foreignLeads,
  foreignNames,
  foreignFamily,
  foreignSays,
  foreignStays,
  foreignThen,
  foreignWord,
  languageOf,
  readableText,
  readForeign,
  saidMatch,
  understood,
  type IntentKind,
} from './languages.js';
import { sentenceEnds, sentencesIn } from './sentence-end.js';
import { reportedAt } from './tense.js';
import { duringPast } from './during-past.js';
import { measureBack } from './measure-back.js';
import { writesAmount } from './written-values.js';

export interface Intent {
  /** The change was meant for its own environment only, or for a test: never to be promoted. */
  scope?: { kind: 'test' | 'env-only'; phrase: string };
  /** The change was meant to last a while only. `until` is YYYY-MM-DD when the text gives a date. */
  /** `passage`: the words around the phrase in the text (passage.ts), what a reason quotes. */
  temporary?: { phrase: string; until?: string; event?: string; passage?: string };
  /** A staged rollout: this environment first, others (`next`) to follow. */
  rollout?: {
    phrase: string;
    next: EnvName[];
    /** The text named this environment as going first ("staging first", "erst Staging") and no one to
     * follow: the environments after it in the promotion order follow (intent-evidence.ts names them). */
    leads?: true;
  };
  /** An incident id or word (INC-2041, SEV2, hotfix). */
  incident?: string;
  /** The change corrects a mistake (a typo, a wrong unit). */
  typo?: string;
  /** The change undoes an earlier one. */
  revert?: string;
  /** The change ends a temporary phase (a cutover done, a freeze lifted, a campaign over). */
  ended?: string;
  /** The text says the value is meant for every environment. */
  everywhere?: string;
  /** What the text says another environment does about the change: keeps its own value on
   * purpose ("prod keeps netgsm", "stg stays 10m on purpose"), or follows after a gate ("prod
   * after the freeze (ends 12.10.)", "keep prod at 30 till Monday", "prod gets it with the next
   * release"). A time limit in such a clause is the other environment's wait, not the change's. */
  hold?: Hold;
  /** The change fixes a published vulnerability (a CVE or GHSA id, "[SECURITY]", "security
   * patch"): whoever wrote it, the advisory says why, and every environment running the old
   * value stays exposed until it follows. */
  security?: string;
  /** The text insists the environment's own new value must stay ("DO NOT CHANGE", "the right
   * value for prod", "on purpose"): an explicit claim, as explicit as "everywhere". */
  pinned?: string;
  /** The commit whose text stated the scope, time limit, rollout or hold, where it is not the
   * change's own (an earlier step, a commit naming the key: intent-evidence.ts `intentOfChange`). */
  statedBy?: { sha: string; subject: string };
  /** The change was swept into a commit whose text is about another key it changed (named there,
   * where this key is not): the text states nothing for this key (intent-evidence.ts `sweptBy`). */
  swept?: { key: string; own: string };
  /** Environments the text names. */
  names: EnvName[];
  /** The text says nothing beyond "a file changed". */
  bare: boolean;
  /** Written by a bot or an automated job. */
  bot: boolean;
}

export interface Hold {
  envs: EnvName[];
  phrase: string;
  /** The environments follow once the gate has passed; false: they keep their value. */
  follows: boolean;
  /** The gate, where the text gives one: a date (YYYY-MM-DD) or an event. */
  until?: string;
  event?: string;
  /** The date the step is due by at the latest ("Prod bis Ende Q4 umstellen", "switch production
   * by 2026-12-15"): a planned go, not a wait. With a gate (`event`, the "once" clause beside it) it
   * has no `until`: the gate, not the date, holds it; without one `until` is the same date. */
  due?: string;
  /** The gate is a check someone meant to make first ("want to see staging first", "after
   * sign-off"): its date passing does not say how the check went. */
  check?: string;
  /** The clause defers a decision about the environment to its check ("decision for prod after the load
   * test", "prod once the benchmark shows it helps"): the go is not planned, only the question is. */
  decides?: boolean;
}

export interface CommitText {
  subject: string;
  body: string;
  author: string;
  email: string;
  /** When it was written (ISO): a deadline without a year is the next one after it. */
  date: string;
}

const W = (source: string) => pattern(source, 'iu');

// Scope: a test, a load test, a QA run, a demo, a debugging session — not a production setting.
const TEST_SCOPE = [
  W(
    sourceOf(
      String.raw`(?<![\p{L}])(?:for|during|in|to unblock|unblock|so that|so|für|fuer|während|beim|zum|para|durante|`,
      String.raw`pour|pendant|voor|tijdens|per)\s+(?:the\s+|a\s+|an\s+|our\s+|this\s+|next\s+|den\s+|die\s+|das\s+|`,
      String.raw`el\s+|la\s+|los\s+|las\s+|le\s+|les\s+|de\s+|het\s+|il\s+|lo\s+)?(?:[\w']+(?:-[\w']+)*\s+){0,2}(?:load[- ]?|`,
      // A test is a test whatever kind: "the pentest", "a pen-test", "the penetration test".
      'pen[- ]?|penetration[- ]|',
      'perf(?:ormance)?[- ]?|stress[- ]?|soak[- ]?|smoke[- ]?|e2e[- ]?|end[- ]to[- ]end[- ]?|',
      'integration[- ]?|regression[- ]?|manual[- ]?|acceptance[- ]?)?(?:test(?:s|ing|ers)?|qa|uat|run|',
      'suite|prueba(?:s)?|ensayo|essai|lasttests?|probelauf|benchmark(?:s|ing)?|demo|experiment|',
      String.raw`investigation|debugging|repro(?:duction)?|trial|spike|drill|exercise|game ?day)\b`,
    ),
  ),
  W(String.raw`\b(?:load|perf(?:ormance)?|stress|soak|smoke)[- ]?test(?:s|ing)?\b`),
  W(String.raw`\bqa\s+(?:run|pass|cycle|round|session|team|can|needs|regression)\b`),
  W(String.raw`\b(?:testing|test|qa|debug(?:ging)?)[- ]only\b`),
  W(
    String.raw`\b(?:testers?|qa(?: team| folks| engineers| people)?|the test team|test automation)\b (?:need|needs|want|wants|can|could|must|have to|has to|should|asked)\b`,
  ),
  W(String.raw`\bso (?:that )?(?:testers?|qa|we|the team) can (?:test|read|see|check|verify|reproduce|try)\b`),
  W(String.raw`\b(?:hack|workaround|kludge)\b`),
  W(String.raw`\bto (?:test|try|reproduce|repro|debug|investigate|measure)\b`),
  W(String.raw`\b(?:try(?:ing)?(?: it)? out|experiment(?:al|ing)?)\b`),
];

// A figure measured, or a verb of measuring: "(-18% CPU in the replay benchmark)", "p99 -30 ms in
// the soak test", "2x throughput during the load test", "measured in the benchmark".
const MEASURED = regex(
  'iu',
  // (A figure set is not one measured: "timeout to 30s in the load test" is a setting; a signed
  // figure, a share or a factor is a result.)
  String.raw`(?<![\p{L}\p{N}])[-+−]\d+(?:[.,]\d+)?\s?(?:%|ms|µs|s|x|×|rps|qps|[kmg]i?b)(?![\p{L}\p{N}])|`,
  String.raw`(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?\s?(?:%|x|×)(?![\p{L}\p{N}])|`,
  String.raw`(?<![\p{L}])(?:measured|observed|benchmarked|saw|seen|showed|shows|gemessen|mesuré|medido|medida|misurato)(?![\p{L}])`,
);
// The leads that say where something happened, not what it is for ("for the load test" is a purpose).
const WHERE_LEAD = /^(?:in|during|beim|während|durante|pendant|tijdens)\b/iu;
// … or right before a match that names the test alone ("-22% CPU in the soak test").
const WHERE_BEFORE = /(?<![\p{L}])(?:in|during|beim|während|durante|pendant|tijdens)\s+(?:(?:the|a|an|our|this|den|dem|el|la|le)\s+)?(?:[\p{L}'-]+\s+){0,2}$/iu;

// Nouns that make the word before them a modifier naming a thing ("the typo set", "the pen-test
// finding", "test data", "the test tenant's"): one list for every reader of a word that could be the
// change's purpose or its correction.
const THING = sourceOf(
  'findings?|reports?|results?|tenants?|accounts?|users?|customers?|data(?:sets?)?|sets?|corp(?:us|ora)|quer(?:y|ies)|',
  'benchmarks?|lists?|suites?|samples?|words|fixtures?|cards?|keys?|credentials?|certs?|certificates?|domains?|',
  'vendors?|firms?|compan(?:y|ies)|partners?|records?|orders?|payments?|emails?|numbers?',
);

// A test word that qualifies the noun after it names a thing, not a purpose: "the pen-test finding",
// "the test tenant's cache", "test data", "the load-test report" (a noun phrase is not its head
// word's verb). The noun's own possessive says so too ("the test tenant's"). A place to test in is
// still the test's ("the load test environment", "the test cluster").
const QUALIFIES = regex('iu', String.raw`^(?:['’]s|s['’]|[- ](?:${THING})(?![\p{L}\d])|[- ][\p{L}\d]{2,30}['’]s(?![\p{L}]))`);
/** The first match of a test-scope pattern that is said (not negated or asked) and is the change's
 * purpose: "in the replay benchmark" after a figure measured there ("-18% CPU in the replay
 * benchmark") says where the figure came from, not that the setting is for the benchmark; "the
 * pen-test finding" names a finding. */
function testScopeIn(re: RegExp, text: string): RegExpExecArray | undefined {
  const all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of text.matchAll(all)) {
    if (m[0].length === 0 || doubtIn(text, m.index, m[0].length)) continue;
    // "on in uat", "enabled in QA", "deployed on test": a place named as environments are, not a purpose
    // (an acceptance environment is the gate before production, not a test of its own).
    if (PLACE.test(m[0])) continue;
    // "so every test run is traced", "for each test", "in all tests": how often or how widely, not what for.
    if (EVERY.test(m[0])) continue;
    if (QUALIFIES.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    if (gatedBy(text, m.index, m[0].length)) continue;
    // A test reported passed ("qa cycle passed", "the load test was green", "QA-Lauf bestanden"): the
    // check met before this step, not what the value is for ("so the smoke test passes" is a purpose).
    if (!PURPOSE_LEAD.test(m[0]) && PASSED_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    if (WHERE_LEAD.test(m[0]) || WHERE_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) {
      const from = Math.max(0, m.index - 120);
      const before = text.slice(from, m.index);
      const clause = before.slice(Math.max(before.lastIndexOf('('), before.lastIndexOf('\n'), before.lastIndexOf('. '), before.lastIndexOf(';')) + 1);
      if (MEASURED.test(clause)) continue;
    }
    return m;
  }
  return undefined;
}

// A test named as what a step waits for is a gate before that step, not what the value is for: "prod
// tomorrow after a smoke test", "production once the smoke test is green", "prod after the smoke tests
// pass", "nach dem Smoke-Test", "dès que le test de charge passe". The lead says it comes first; "when"
// or "if" only with the test's result after it ("when the smoke test passes"), as "so the smoke test
// passes" is the value's purpose.
const GATE_LEAD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:after|once|as soon as|following|pending|nach|nachdem|sobald|après|une fois|dès|después de|tras|zodra|na(?= (?:de|het) )|`,
  String.raw`when|if|wenn|falls|si|quand|cuando|als)\s{1,3}(?:(?:the|a|an|our|its|this|that|all|den|dem|der|die|das|einem|einen|`,
  String.raw`le|la|les|que|el|los|las|de|het|il|lo)\s{1,3}){0,2}(?:[\p{L}'-]{1,30}\s{1,3}){0,2}$`,
);
const WEAK_LEAD = /^(?:when|if|wenn|falls|si|quand|cuando|als)$/iu;
// The test's result, said right after it: "passes", "is green", "succeeded", "ist grün", "bestanden".
const RESULT = regex(
  'iu',
  String.raw`^\s{0,3}(?:(?:is|are|was|were|turns?|goes|go|comes?|come|ist|sind)\s{1,3})?(?:pass(?:es|ed)?|succeed(?:s|ed)?|green|ok|clean|fine|`,
  String.raw`bestanden|grün|durchgelaufen|passe|réussi|verde|groen|geslaagd)(?![\p{L}])`,
);
// The clause undoes the change after the test ("revert after the load test"): the test is the value's
// own purpose, and its end the change's end.
const UNDO_BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:revert\p{L}*|roll\p{L}*\s{1,3}back|undo|remove|drop|reset|restore|back|zurück\p{L}*|rückgängig|`,
  String.raw`retour|revenir|volver|quitar|terug)(?![\p{L}])`,
);

/** Whether the test at `at` is a gate some step waits for (see GATE_LEAD), not the change's purpose. */
function gatedBy(text: string, at: number, length: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  const clause = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('. '), before.lastIndexOf(';'), before.lastIndexOf(',')) + 1);
  const lead = GATE_LEAD.exec(clause);
  if (!lead || UNDO_BEFORE.test(clause.slice(0, lead.index))) return false;
  const word = /^[\p{L}]+(?: [\p{L}]+)?/u.exec(lead[0])![0].split(' ')[0]!;
  return !WEAK_LEAD.test(word) || RESULT.test(text.slice(at + length, at + length + 30));
}

// The leads that make a test the change's purpose even with a result after it: "so the smoke test passes".
const PURPOSE_LEAD = /^(?:so|so that|to unblock|unblock|damit|para que|pour que|zodat)(?![\p{L}])/iu;
// A test's result reported done, right after it: "passed", "was green", "is done", "ist bestanden",
// "a réussi", "fue exitosa", "is geslaagd" (not "passes": a test that passes is a condition or a habit).
const PASSED_AFTER = regex(
  'iu',
  String.raw`^\s{0,3}(?:(?:is|are|was|were|has|have|had|ist|sind|war|wurde|a|est|fue|é|foi|werd)\s{1,3}(?:been\s{1,3})?)?`,
  String.raw`(?:passed|succeeded|green|clean|done|complete[d]?|finished|signed off|bestanden|grün|durchgelaufen|erfolgreich|abgeschlossen|`,
  String.raw`réussie?|validée?|terminée?|exitos[oa]|aprobad[oa]|superad[oa]|aprovad[oa]|concluíd[oa]|geslaagd|groen|afgerond|zaliczon[ya])(?![\p{L}])`,
);
const PLACE = /^(?:in|on|at|im|auf|en|w|na|op)\s+(?:qa|uat|test|acc|acceptance|sit)$/iu;
const EVERY =
  /(?<![\p{L}])(?:every|each|all|any|jede[nrs]?|alle[nr]?|cada|tous|toutes|chaque|ogni|tutti|elke|alle|każd\p{L}*|wszystkie)\s+(?:[\p{L}'-]+\s+)?\p{L}+$/iu;

/** The test or one-off a text says a value is for (the first of TEST_SCOPE's readings that finds one);
 * a function of the text alone, read once per text rather than once per environment. */
const testScopeOf = once(
  (text: string) => text,
  (text: string): string | undefined => TEST_SCOPE.map((re) => testScopeIn(re, text)).find(Boolean)?.[0],
);

/** "production first", "staging zuerst", "first in dev": the environment is a rollout's first step. */
function firstStep(text: string, env: EnvName): string | undefined {
  const e = envPattern(env);
  return saidMatch(
    W(String.raw`\b${e},? (?:first|zuerst|primero|primeiro|d'abord|en premier|eerst|najpierw|först|prima)\b|\bfirst (?:in|on|to) (?:the )?${e}\b`),
    text,
  )?.[0];
}

// Scope named by environment: "staging only", "only in dev", "not for production".
// Made once per environment name (not for every text read: each was a pattern's source built and looked up).
const envOnlyPatterns = new Map<EnvName, RegExp[]>();
function envOnly(text: string, env: EnvName): string | undefined {
  let patterns = envOnlyPatterns.get(env);
  if (!patterns) envOnlyPatterns.set(env, (patterns = envOnlyPatternsOf(env)));
  // "production first", "staging zuerst": the first step of a rollout, so a bare "only production"
  // in the same text says what that environment has now ("only production sees public browsers"),
  // not that the change stays there. A "never prod" or "staging-only" is still a scope.
  const first = firstStep(text, env);
  for (let i = 0; i < patterns.length; i++) {
    if (first && (i === 4 || i === 5)) continue;
    // "nicht nur für Staging", "no solo en staging": not only there.
    const m = saidMatch(patterns[i]!, text);
    if (m) return m[0];
  }
  return undefined;
}

// "prod only after the DPO signs off", "prod nur nach Freigabe", "prod alleen na akkoord", "prod
// solo después de la firma": the word after "only" makes it a gate on when that environment takes
// the change, not a scope that keeps the change out of the others.
const GATED = String.raw`(?![- ](?:after|once|when|if|upon|following|post|nach|sobald|wenn|erst|na|nadat|zodra|als|después|despues|cuando|tras|après|apres|quand|dès|dopo|quando|po|gdy|kiedy)\b)`;

function envOnlyPatternsOf(env: EnvName): RegExp[] {
  const e = envPattern(env);
  return [
    W(String.raw`\b${e}[- ]only\b${GATED}`),
    W(String.raw`\bonly (?:in|on|for|to|within) (?:the )?${e}\b`),
    W(String.raw`\b(?:in|on|for) (?:the )?${e}(?: env(?:ironment)?)? only\b${GATED}`),
    W(String.raw`\bjust (?:in|on|for) (?:the )?${e}\b`),
    W(String.raw`(?<!\bnot )\bonly (?:the )?${e}\b`),
    // Other languages: "nur für staging", "für staging", "solo en staging", "sadece staging", "staging için".
    W(
      String.raw`\b(?:nur|solo|seulement|uniquement|sadece|alleen|tylko)\s+(?:(?:für|fuer|in|im|auf|en|pour|para|voor|dla|w)\s+)?(?:die |la |le |el |het )?${e}\b`,
    ),
    W(String.raw`\b(?:für|fuer)\s+(?:die\s+|das\s+)?${e}\b`),
    W(String.raw`\b${e}\s+(?:için|icin|için de|only|exclusively|alleen|nur)\b${GATED}`),
    W(
      String.raw`\b(?:not|never|nothing) (?:for|in|on|to|meant for|intended for|going to|to be promoted to|promote[ds]? to) (?:the )?(?:prod|production|prd|live)\b`,
    ),
    W(
      String.raw`\b(?:do not|don't|dont|must not|should not|shouldn't|never|not to) (?:promote|ship|roll (?:it )?out|enable|copy|apply|take|carry)\b[^.\n]{0,160}\b(?:prod|production|prd|live)\b`,
    ),
    W(String.raw`\b(?:keep|leave|stays?) (?:it |this )?(?:out of|off in|away from) (?:prod|production|prd)\b`),
    // "do not promote yet", "don't ship this onward": kept where it is, whichever environment is next.
    W(String.raw`\b(?:do not|don't|dont|must not|not to) (?:promote|ship)(?: (?:it|this|them))?(?: (?:yet|onward|further|any further))\b`),
    W(String.raw`\b(?:prod|production|prd) (?:stays?|keeps?|remains?) (?:on|at|as|with|unchanged)\b`),
  ];
}

// A period named as a date, a week, a month or a day: "2026-W44", "W45", "week 47", "KW 50",
// "2026-11-30", "November", "Nov 30", "Friday", "Q3". (Not "May" alone: "may only" is a verb.)
const PERIOD = sourceOf(
  String.raw`\d{4}-W\d{1,2}|(?:(?:week|wk|kw|cw|woche|semaine|semana|settimana|tydzień|tygodniu)\.? ?|w)\d{1,2}${NOT_AMOUNT}|\d{4}-\d{2}-\d{2}|Q[1-4]|`,
  String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|`,
  String.raw`nov(?:ember)?|dec(?:ember)?)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day`,
);

// A day and month in digits, "20.11.", "20/11", "20.11.2026": a date only after a word that
// asks for one ("back to 600 after 20.11."), since "back to 3 1/2" or "in 1.5" is a number.
const DAY_MONTH = String.raw`(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])(?:[./](?:20)?\d{2})?\.?(?!\d)${NOT_AMOUNT}`;

// … and one that names its date, which "<period> only" needs ("runs Sunday only" is a schedule).
const DATED = String.raw`\d{4}-W\d{1,2}|(?:(?:week|wk|kw|cw|woche|semaine|semana|settimana)\.? ?|w)\d{1,2}${NOT_AMOUNT}|\d{4}-\d{2}-\d{2}|Q[1-4]`;

// A time limit: "temporarily", "for now", "revert after", "until the freeze ends", "revoke by".
// "till"/"til" is "until" in English but "to" in Swedish, Danish and Norwegian ("satte timeout till
// 300"): in a text written in one of them it is no time limit (their own "tills", "indtil", "till och
// med" are read as theirs).
const TILL_WORD = W(String.raw`\b(?:till|til)\b`);
const TILL_IS_TO = new Set(['sv', 'da', 'no']);
const tillIsTo = (text: string) => TILL_IS_TO.has(languageOf(text)?.language ?? '');
// A return planned for later, the value put back or the change undone after an event or at a time:
// read only where its clause plans it, since the same words in a clause reporting the past tell of
// a return done ("Der Pool ist nach dem Sale wieder auf 600 gestellt worden", "has been put back to 600
// after the sale", "was reverted after the test": tense.ts `reportedAt`).
const RETURNS_LATER = new Set<RegExp>();
const U = (source: string) => {
  const re = W(source);
  RETURNS_LATER.add(re);
  return re;
};
// After an event, back to the value before.
const BACK_AFTER_EVENT = U(
  sourceOf(
    String.raw`(?<![\p{L}])(?:nach (?:dem|der|den)|after (?:the|our|`,
    String.raw`this))\s+[\p{L}\d-]+(?:\s+[\p{L}\d-]+){0,8}?\s+(?:wieder|zurück|back to|back)(?![\p{L}])|`,
    String.raw`(?<![\p{L}])wieder auf \S+ zurück(?![\p{L}])|(?<![\p{L}])(?:después de|despues de|après)\s+(?:la|el|`,
    String.raw`le|la|les)?\s*[\p{L}\d-]+(?:\s+[\p{L}\d-]+){0,6}?\s+(?:volver|revenir|de nuevo)(?![\p{L}])`,
  ),
);
const TEMPORARY = [
  W(String.raw`\btemporar(?:y|ily)\b`),
  W(String.raw`\b(?:throw-?away|scratch|disposable|short-?lived)\b`),
  // Bounded by letters, not \b: JavaScript's \b is ASCII, so \btemp\b found "temp" in "tempête" and "température".
  W(String.raw`(?<![\p{L}\d_])temp(?![\p{L}\d_])`),
  W(
    String.raw`\bfor (?:now|the time being|the moment|a (?:few|couple of) (?:days|hours|weeks)|the duration|the (?:weekend|week|day|night|sale|event|campaign|migration|freeze|incident|run|test))\b`,
  ),
  U(
    sourceOf(
      String.raw`\b(?:revert|roll(?:ing)? (?:it |this |them )?back|rollback|remove|undo|drop|revoke|disable|`,
      'turn (?:it |this |them )?off|switch (?:it |this |them )?(?:off|back)|back (?:it |this )?out|restore|',
      // A particle verb takes its object between ("turn the rate limit back on", "switch it back on").
      String.raw`reset|close|shut|lock|re-?enable|put (?:[\w-]+ ){0,3}?back|(?:turn|switch) (?:[\w-]+ ){0,3}?back on|`,
      'rip (?:it |this |them |these )?out|tear (?:it |this |them )?down|take (?:it |this |them )?out|',
      'clean (?:it |this |them )?up|get rid of|delete|kill|unset|pull (?:it |this )?out|',
      'strip (?:it |this )?out|pull|pulling|yank|yanking)(?: (?:it|this|them|these|',
      String.raw`the \w+(?: \w+)?))? (?:again )?(?:after|once|when|by|before|at the end of|as soon as|afterwards|`,
      // "on" is a time only before a day or a date ("revert on Friday"): "a lock on the table",
      // "close on idle sockets" name what a thing acts on.
      String.raw`later|post|on(?= (?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the \d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))|`,
      String.raw`next|in \d+|tomorrow)\b`,
    ),
  ),
  // The value the undo returns to, named: "back to 30 after the test", "goes back to 4 once the import is done".
  // Not a report of one ("staging went back to 600 after 20.11.") nor a question ("should we go back … ?").
  U(
    sourceOf(
      String.raw`(?<!\b(?:went|was|were|got|came|been|gone|is|are|go|goes|set|reset|drop|move|bring) )\b(?:(?:go(?:es)?|set|reset|drop|move|bring) )?`,
      String.raw`back to [\w."'-]{1,20} (?:again )?(?:after|once|when|as soon as|post|at the end of|later|tomorrow|next)\b(?![^?\n]*\?)`,
    ),
  ),
  // … and as other languages write it: "zurück auf 30 nach dem Test", "terug naar 30 na de test",
  // "de vuelta a 30 después de la prueba", "retour à 30 après le test", "z powrotem na 30 po teście".
  U(
    sourceOf(
      String.raw`(?<![\p{L}])(?:zurück auf|wieder auf|terug naar|terug op|weer naar|de vuelta a|volver a|vuelve a|retour à|revenir à|`,
      String.raw`z powrotem (?:na|do)) [\w."'-]{1,20} (?:nach|na|después|tras|après|po)(?![\p{L}])(?![^?\n]*\?)`,
    ),
  ),
  // A pause undone at a time named ("resume Mon 23/11", "unsuspend after 23.11."): its end (deadline.ts).
  W(RESUME_AT),
  W(
    String.raw`\b(?:to be|will be|should be|must be|needs to be|gets?) (?:reverted|rolled back|removed|undone|revoked|restored|switched back|turned off|disabled)\b`,
  ),
  W(
    sourceOf(
      String.raw`\b(?:will|we'll|i'll|i will|we will|going to|gonna) (?:revert|roll (?:it )?back|remove|undo|revoke|`,
      'restore|switch (?:it )?back|pull|yank|drop|disable|take (?:it |this |them )?out|',
      String.raw`turn (?:it |this |them )?off)\b`,
    ),
  ),
  W(String.raw`\buntil\b`),
  W(
    sourceOf(
      String.raw`\b(?:through|thru|by|before|no later than|expires?|expiring|`,
      String.raw`ending)\s+(?:the\s+)?(?:end of\s+)?(?:\d{4}-\d{2}-\d{2}|Q[1-4]\b|`,
      // An ISO week as people write it: "through 2026-W47", "by week 47", "before KW 50", "by CW50".
      String.raw`\d{4}-W\d{1,2}\b|(?:week|wk|kw|cw) ?\d{1,2}\b|`,
      String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)`,
    ),
  ),
  TILL_WORD,
  // A day named from when it was written: "only for tonight", "just for today", "for this afternoon".
  W(String.raw`\b(?:only |just )?for (?:today|tonight|tomorrow|this (?:afternoon|evening|morning))\b`),
  W(
    // "the callback arrived during the retry window" tells when a bug struck, not how long a
    // change lasts: an event verb right before it makes it a description. So does a noun naming the
    // problem ("pool exhaustion during peak", "502s during the sale", "lock timeouts during the
    // import"): it says when the trouble comes, and the change that answers it is not limited to then.
    sourceOf(
      String.raw`(?<!\b(?:arrived|arrives|arriving|happened|happens|occurred|occurs|came|comes|failed|fails|crashed|`,
      'crashes|broke|breaks|landed|lands|fired|fires|died|dies|timed out|times out|spiked|spikes|dropped|',
      'exhaustion|errors|timeouts|latency|saturation|contention|outages|lag|throttling|failures|ooms|5xx|',
      String.raw`50[234]s|slowness|deadlocks|evictions|restarts|congestion|starvation|stalls|alerts|pages|`,
      String.raw`drops|hit|hits|struck|seen|observed|noticed)\s)\b(?:during|while|throughout) (?:the |our |a |`,
      String.raw`this )?(?:\w+[- ])?(?:freeze|migration|incident|outage|sale|event|campaign|maintenance|window|`,
      'cutover|test(?:ing)?|run|investigation|load test|peak|launch|holidays?|black friday|import|backfill|',
      String.raw`re-?index|reindexing|sync|replay|soak|upgrade|benchmark|rebuild|restore|failover|drill)\b`,
    ),
  ),
  W(String.raw`\b(?:over|for) the (?:long )?(?:weekend|holidays?|break|night|evening)\b`),
  // A span from now: "for the next two weeks", "für zwei Wochen", "durante dos semanas".
  W(
    sourceOf(
      String.raw`(?<![\p{L}])(?:for|für|fuer|durante|pendant)\s+(?:the\s+|die\s+|las\s+|los\s+|les\s+)?(?:next|`,
      String.raw`coming|nächsten|kommenden|próximas?|próximos|prochaines?|prochains?)?\s*(?:\d{1,3}|a|an|one|two|`,
      'three|four|five|six|seven|a few|a couple of|ein(?:e|en)?|zwei|drei|vier|una?|dos|tres|cuatro|une?|',
      String.raw`deux|trois|quatre)\s+(?:days?|weeks?|months?|tage?n?|wochen?|monate?n?|d(?:í|i)as|semanas?|meses|`,
      String.raw`jours?|semaines?|mois)(?![\p{L}])`,
    ),
  ),
  // A span in hours: "for 48h", "für 48 Stunden", "48 uur lang" (deadline.ts reads its end).
  HOURS,
  // After an event, back to the value before: "Nach dem Gameday bitte wieder auf 20 zurück",
  // "after the demo, back to 5", "después de la prueba volver a 10".
  BACK_AFTER_EVENT,
  U(String.raw`\b(?:dial|scale|turn|tone|wind) (?:it |this |them )?(?:back|down)(?: again)? (?:after|once|when|by|before|next|in \d+|tomorrow|later|on)\b`),
  // Then off again, planned: "on for the analysis, then off again", "afterwards back off".
  W(
    String.raw`\b(?:then|afterwards|after that|after which)\s+(?:[\w']+\s+){0,3}?(?:(?:back\s+)?off|out)\s+again\b|\b(?:then|afterwards|after that)\s+back\s+off\b`,
  ),
  // A period the change is for: "2026-W44 only", "week 47 only", "only in KW 50", "only through
  // Friday", "nur KW 44", "solo la semana 44" (not a version: "Python 3.11 only", "may only").
  W(
    sourceOf(
      String.raw`(?<![\p{L}\d.-])(?:${DATED})\s+only(?![\p{L}])|(?<![\p{L}])(?:only|just|nur|solo|sólo|seulement|uniquement|tylko|alleen)\s+`,
      String.raw`(?:(?:in|during|for|on|through|thru|in der|während der|en|pendant|durante|w|in de|tijdens)\s+)?(?:(?:the|die|la|le|el)\s+)?`,
      String.raw`(?:${PERIOD}|may(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)(?![\p{L}\d])`,
    ),
  ),
  // Back to the value at a time named: "back to block in W45", "back to 5 on Monday", "back to
  // normal next week", "back to false after 2026-11-30", "back to 600 after 20.11." (a day and
  // month as most of Europe writes them, "20/11", "20.11.2026") — the end of the change, planned.
  // (Not a report: "prod went back to 20 in W40", nor one in the passive or perfect, where an
  // auxiliary stands before the verb that took it back: "was set back to 600 after 20.11.", "has been
  // dialled back to 5 on Monday", "were put back to normal next week" tell what was done.)
  U(
    sourceOf(
      String.raw`(?<!\b(?:went|came|got|was|were|been|fell|dropped|is|are)\s)(?<!\b(?:was|were|been|got|has|have|had)\s[\p{L}]{2,20}\s)\bback to [\x60"'“]?[\p{L}\d][^\s,;)]{0,40}[\x60"'”]?\s+`,
      String.raw`(?:(?:in|on|from|after|by|at|starting|for|with)\s+(?:the\s+)?)?(?:${PERIOD}|(?<=\b(?:on|from|after|by|starting)\s+(?:the\s+)?)${DAY_MONTH}|next (?:week|month|sprint|release|deploy)|`,
      String.raw`tomorrow|(?:a|one|two|three|\d{1,2}) (?:days?|weeks?|months?))(?![\p{L}\d])`,
    ),
  ),
  // ("expires" of a thing of the world is no end of the change: "the domain expires in Jan", "the
  // partner's certificate expires soon", "our licence expires at year end" say why it is made.)
  W(
    sourceOf(
      String.raw`\b(?<!\b(?:domains?|certificates?|certs?|licen[cs]es?|tokens?|contracts?|subscriptions?|passwords?|leases?|`,
      String.raw`warranty|support|cards?|accounts?|registrations?|dns|ssl|tls)\s)(?:expires?|expiring)\b|`,
      String.raw`\b(?:short[- ]term|stop-?gap|band-?aid|interim|one-?off|for a while)\b`,
    ),
  ),
  // Held until a gate: "pending finance approval", "do not promote yet", "not for prod until sign-off".
  W(
    String.raw`\bpending (?:\w+ ){0,3}(?:approval|sign-?off|review|confirmation|go-?ahead|ok)\b|\b(?:do not|don't|dont|not to) (?:promote|ship|roll (?:it )?out|merge|enable)\b[^.\n]{0,30}\byet\b`,
  ),
  W(String.raw`\b(?:todo|fixme)\b[^\n]{0,200}\b(?:revert|remove|undo|roll ?back)\b`),
  // (Not when the moment dates something else: "the replica bump from this morning", "since this week".)
  W(
    String.raw`\b(?<!\b(?:from|since) )(?:this|that|for the|for the rest of the|just for the|only this|for one) (?:week|weekend|sprint|day|night|afternoon|morning)\b`,
  ),
  // Other languages: "vorübergehend", "diese Woche", "danach wieder zurück", "bis die Migration
  // durch ist", "temporalmente", "por ahora", "hasta que", "pour l'instant", "jusqu'à".
  W(
    sourceOf(
      String.raw`(?<![\p{L}])(?:vorübergehend|vorerst|erstmal|zunächst|temporär|befristet|diese woche|`,
      String.raw`dieses wochenende|heute|danach (?:(?!nicht|nie|kein)\p{L}+ )?(?:wieder|zurück)|wieder zurück|zurückdrehen|`,
      'zurücksetzen|solange|bis (?:auf weiteres|zum|zur|die|der|das|ende|nach)|temporal(?:mente)?|',
      'provisional(?:mente)?|por ahora|de momento|hasta (?:que|el|la|fin)|esta semana|',
      String.raw`después (?:\p{L}+ )?(?:volver|revertir)|temporairement|provisoirement|pour l'instant|pour le moment|`,
      String.raw`jusqu'(?:à|au)|cette semaine|geçici|şimdilik)(?![\p{L}])`,
    ),
  ),
  // "until" as a conjunction opening a clause of its own, which an amount never has ("até 20 conexões",
  // "bis 500 req/s", "tot 40" are upper bounds): "desligado até o 4.2.1 estar em produção", "até que o
  // fix saia", "finché la 4.2.1 non è in produzione", "uit totdat de fix live staat", "aus, bis 4.2.1 in
  // Produktion ist", "wyłączone dopóki poprawka nie trafi na produkcję" — a switch held off for an event.
  W(
    sourceOf(
      String.raw`(?<![\p{L}])(?:até que|até (?:o|a|os|as) [^\s,;]{1,30}(?: [^\s,;]{1,30}){0,3} (?:estar|estiver|esteja|ser|for|ficar|entrar|chegar|sair)|`,
      String.raw`finché|fino a quando|fin quando|totdat|dopóki|do czasu,? (?:aż|gdy)|tills(?! vidare)(?!\s?\d)|indtil(?! videre)(?!\s?\d)|inntil(?! videre)(?!\s?\d)|`,
      String.raw`bis(?: [^\s,;]{1,30}){1,4} (?:ist|sind|läuft|laufen|steht))(?![\p{L}])`,
    ),
  ),
];

// A staged rollout: this environment first, the next one later.
const ROLLOUT_WORDS = W(
  sourceOf(
    String.raw`\b(?:roll(?:ing|ed)?[- ]?out|rollout|canary|canaries|phased|gradual(?:ly)?|staged release|`,
    String.raw`ramp(?:ing|ed)?[- ]up|dark[- ]launch(?:ed|ing)?|percentage|(?:to|for|at) \d{1,3} ?%|\d{1,3} ?% of)\b`,
  ),
);
const FIRST = W(String.raw`\b(?:first|initially|to start(?: with)?|to begin with|for a start|as a first step|ahead of)\b`);

// This environment named as the one that goes first: "staging first", "Staging first.", "in stage
// first, prod next week", "first in staging", "staging goes first", "start with staging". A staged
// rollout whether or not the text names who follows, as "rolling out to staging first" is. Not an
// ordinal ("the first staging deploy", "first attempt") nor what happened first ("staging first
// failed", "staging first showed the leak"): after "<env> first" comes the clause's end or a "then".
const LEADS_AFTER = String.raw`(?=\s{0,3}(?:$|[.,;:!)\]—–-]|(?:then|and|so|to|before|until|with|while|as|please|pls|\+)(?![\p{L}])))`;
function leadsHere(text: string, env: EnvName): string | undefined {
  const e = envPattern(env);
  // (An acceptance environment, "acc", is the "acceptatie" of Dutch DTAP: "eerst acceptatie". Only here,
  // where it leads: elsewhere "na acceptatie" is the gate, not the environment.)
  const names = [...foreignNames(env), ...(/^(?:acc|acceptance|accept)$/i.test(env) ? ['acceptatie', 'acceptance'] : [])];
  const re = W(
    sourceOf(
      String.raw`(?<![\p{L}\p{N}])${e}(?:\s{1,3}goes)?[\s,–-]{0,3}first(?![\p{L}\p{N}])${LEADS_AFTER}|`,
      String.raw`(?<![\p{L}])(?:first|initially|start(?:ing)? with)\s{1,3}(?:(?:in|on|to|into|for)\s{1,3})?(?:the\s{1,3})?${e}(?![\p{L}\p{N}-])`,
      String.raw`(?!\s{1,3}(?:deploy|run|build|pod|attempt|test|release|cluster|instance|node|db|database)\p{L}*)`,
    ),
  );
  for (const m of text.matchAll(globalTwin(re))) if (!doubtIn(text, m.index, m[0].length)) return m[0].trim();
  return foreignLeads(text, [e, ...names].join('|'));
}

// Going back to another environment's value: "depois voltar à configuração de produção", "back to
// prod's setting", "zurück auf die Einstellung von Prod", "tillbaka till värdet i prod". The environment
// named there is where the value comes from, not a next step of a rollout: the change's own
// environment returns to it.
const BACK_TO_VALUE_OF = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:back to|revert(?:s|ed|ing)? to|return(?:s|ed|ing)? to|restor(?:e|es|ed|ing) to|reset to|`,
  String.raw`volt(?:ar|a|amos) (?:a|à|ao|para|pra|pro)|retorn(?:ar|a|amos) (?:a|à|ao|para)|zurück (?:auf|zu[mr]?)|`,
  String.raw`volver a|volvemos a|revenir à|retour à|tornare a|torniamo a|terug naar|tillbaka till|tilbage til|tilbake til)`,
  String.raw`(?: (?:the|la|le|o|a|den|die|das|de|el|il|lo|det|les|los))? `,
  String.raw`(?:(?:config|setting|value|valor|valeur|einstellung|wert|waarde|inställning|värde|verdi|værdi|indstilling|innstilling)\p{L}{0,8} `,
  String.raw`(?:of|de|da|do|des|du|del|von|der|van|av|för|på|fra|från|in|em|no|na|i)(?: (?:the|la|le|a|o))? [\p{L}\d-]{2,20}|`,
  String.raw`[\p{L}\d-]{2,20}(?:'s|’s)? (?:config|setting|value)\p{L}{0,8})(?![\p{L}\d])`,
);
// (The environment's word is cut by position, not by a pattern: the match is short, but a pattern
// with a run of letters before an anchored end backtracks on hostile text.)
const withoutValueSources = (text: string) =>
  text.replace(globalTwin(BACK_TO_VALUE_OF), (m) => {
    const words = m.split(' ');
    // "back to prod's setting": the word before the value's; "back to the setting of prod": the last.
    const at = /^(?:config|setting|value)\p{L}{0,8}$/iu.test(words.at(-1)!) ? words.length - 2 : words.length - 1;
    return words.filter((_, i) => i !== at).join(' ');
  });

function rollout(whole: string, env: EnvName, environments: EnvName[]): Intent['rollout'] {
  const text = withoutValueSources(whole);
  const others = environments.filter((e) => e !== env);
  const next = others.filter((o) => {
    let named = nextPatterns.get(o);
    if (!named) nextPatterns.set(o, (named = nextPatternsOf(o)));
    return named.english.some((re) => re.test(text)) || !!foreignThen(text, named.foreign);
  });
  // "Erst zwei Wochen Staging, dann Abnahme durch das Fachteam", "two weeks in staging first, then
  // sign-off by the business": a first step here and a check to come, the next environment left
  // unnamed — with one other environment only, it is that one.
  if (next.length === 0 && others.length === 1) {
    const then = firstThenCheck(text);
    if (then) return { phrase: then, next: others };
  }
  // (A share of requests failing is the symptom the change answers, not how far it has gone.)
  const general = [...text.matchAll(globalTwin(ROLLOUT_WORDS))].find((m) => !isFailureShare(text, m.index, m[0].length));
  if (general) return { phrase: general[0], next };
  if (next.length > 0) {
    const first =
      FIRST.exec(text)?.[0] ?? foreignFirst(text) ?? foreignThen(text, next.map((o) => `${envPattern(o)}|${foreignNames(o).join('|') || '(?!)'}`).join('|'));
    return { phrase: first ?? `${next.join(', ')} to follow`, next };
  }
  // "Staging first.", "erst Staging", "najpierw staging": the first step named, who follows left to the promotion order.
  const lead = leadsHere(text, env);
  if (lead) return { phrase: lead, next, leads: true };
  return undefined;
}

// The ways a text names `o` as the next step, made once per environment name (not for every text read).
const nextPatterns = new Map<EnvName, { english: RegExp[]; foreign: string }>();
function nextPatternsOf(o: EnvName): { english: RegExp[]; foreign: string } {
  const e = envPattern(o);
  // A next step is read inside its clause: a semicolon joins two ("staging is done; production next
  // week"), and the word after it is the second clause's, not the first's (as the foreign readers cut).
  return {
    english: [
      W(String.raw`\b(?:then|next|later|afterwards|after that|followed by|before|ahead of)\b[^.;\n]{0,40}\b${e}\b`),
      W(
        sourceOf(
          String.raw`\b${e}\b[^.;\n]{0,40}\b(?:follows?|following|next|later|to follow|afterwards|`,
          'after (?:qa|the|a|sign-?off|soak|bake|verification|validation|testing|review|it)|once|when|pending|',
          String.raw`waits?|in a (?:week|few days|couple))\b`,
        ),
      ),
      W(
        String.raw`\b(?:before|ahead of) (?:we )?(?:enabl(?:e|ing)|turn(?:ing)? (?:it )?on|ship(?:ping)?|promot(?:e|ing)|go(?:ing)? live|roll(?:ing)? (?:it )?out)[^.;\n]{0,30}\b${e}\b`,
      ),
    ],
    foreign: `${e}|${foreignNames(o).join('|') || '(?!)'}`,
  };
}

// A "then" and a check after it in one sentence: "then sign-off by the business", "dann Abnahme durch
// das Fachteam", "luego validación de negocio", "puis recette", "然后验收".
const THEN_CHECK = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:then|afterwards|after that|dann|danach|anschließend|luego|después|despues|puis|ensuite|depois|em seguida|`,
  String.raw`poi|dopo|daarna|potem|następnie)(?![\p{L}])[^.;!?\n]{0,40}?(?<![\p{L}])(?:sign[- ]?off|approval|review|validation|`,
  String.raw`verification|acceptance|abnahme|freigabe|prüfung|validación|aprobación|validação|aprovação|recette|validation|collaudo|`,
  String.raw`approvazione|goedkeuring|akceptacj\p{L}*|odbiór|odbioru)(?![\p{L}])`,
);
/** A first step here and a check after it ("erst … dann Abnahme"), negated or asked about nowhere. */
function firstThenCheck(text: string): string | undefined {
  const first = FIRST.exec(text) ?? undefined;
  const foreign = first ? undefined : foreignFirst(text);
  if (!first && !foreign) return undefined;
  const m = THEN_CHECK.exec(text);
  if (
    !m ||
    doubtIn(text, m.index, m[0].length) ||
    NEGATED_WORD.test(m[0]) ||
    /\?/.test(text.slice(m.index, m.index + m[0].length + 60).split(/[.;!\n]/)[0] ?? '')
  )
    return undefined;
  return `${first?.[0] ?? foreign} … ${m[0]}`;
}

const INCIDENT = /\b(?:INC|INCIDENT|SEV|PD|OUTAGE|P0|P1)[-_ ]?\d+\b/i;
const INCIDENT_WORDS =
  /\b(?:hot-?fix(?:es|ed)?|incident|outage|post-?mortem|emergency|sev ?[0-3]|page[ds]? (?:us|on-?call)|firefight(?:ing)?|mitigat(?:e|es|ed|ion))\b/i;
// A severity counted as none is a release gate's figure, not an incident cited: "0 open sev1/2", "no
// P1 bugs", "zero SEV2s", "keine offenen P1", "0 sev1 abertos", "geen open P1's", "sin P1 abiertos".
const NONE_BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}\p{N}])(?:0|zero|no|none of the|keine?n?|null|geen|nul|sin|ningún|sans|aucune?|nenhum|zéro)\s{1,3}`,
  String.raw`(?:(?:open|opened|remaining|outstanding|known|offenen?|bekannten?|abiertos?|abertos?|ouverts?|openstaande|otwartych)\s{1,3})?$`,
);
/** The first match of an incident pattern that cites one (not a severity counted as none). */
function incidentIn(re: RegExp, text: string): string | undefined {
  for (const m of text.matchAll(globalTwin(re))) if (!NONE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) return m[0];
  return undefined;
}
const TYPO = regex(
  'i',
  // "typo" naming what a feature is tried on ("recall +9% on the typo set", "typo queries",
  // "typo-tolerant search", "the typo report") corrects no mistake: the THING list, as for a test word.
  String.raw`\b(?:typo(?![- ](?:${THING}|tests?|tolerant|tolerance)\b)|`,
  String.raw`mis-?spell(?:ed|ing)?|spelling|fat[- ]?finger(?:ed)?|`,
  'wrong (?:value|unit|number|key|setting|env(?:ironment)?)|incorrect (?:value|unit|number)|',
  String.raw`off by (?:one|a factor|\d+)|extra zero|missing zero|(?:was|is) a mistake|by mistake|mistakenly|`,
  String.raw`should (?:have been|be) \S+ not|correct(?:s|ed|ing)? (?:the |a )?(?:value|unit|typo|mistake)|`,
  String.raw`fix(?:es|ed)? (?:the |a )?(?:value|unit|typo|mistake|wrong))\b`,
);
// A value corrected by naming both ("port is 4317, not 4137", "it should read eu-west-1 not
// eu-west-11"): a typo when the two differ by a slip — a letter or digit added, dropped, changed or
// two swapped — not a contrast of two things ("a rollout, not a hack").
const CORRECTED = regex(
  'giu',
  String.raw`(?<![\p{L}])(?:is|are|was|should be|should read|must be|reads?|it's)\s+[\x60"'“]?([^\s\x60"'”,;]{3,80}?)[\x60"'”]?,?\s+`,
  String.raw`(?:not|instead of|rather than)\s+[\x60"'“]?([^\s\x60"'”,;]{3,80}?)[\x60"'”]?(?=[\s,;.)]|$)`,
);
function valueCorrected(text: string): string | undefined {
  for (const m of text.matchAll(CORRECTED)) if (m[1] !== m[2] && slip(m[1]!.toLowerCase(), m[2]!.toLowerCase())) return m[0];
  return undefined;
}
/** Do two spellings differ by one slip: a character added, dropped or changed, or two neighbours swapped? */
function slip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const [ra, rb] = [a.slice(i), b.slice(i)];
  return ra.slice(1) === rb.slice(1) || ra.slice(1) === rb || ra === rb.slice(1) || (ra[0] === rb[1] && ra[1] === rb[0] && ra.slice(2) === rb.slice(2));
}

const PHASE = sourceOf(
  '(?:cut-?over|migration|freeze|campaign|sale|load[- ]?test|test(?:ing)?|experiment|incident|',
  'roll-?out|trial|promo(?:tion)?|event|maintenance|window|outage|launch|beta|pilot|dual[- ]writes?|',
  'backfill)',
);
// A word inside a hyphenated compound is not that word: "month-end", "end-to-end", "front-end",
// "year-end", "closed-loop" end and close nothing (the end word is the compound's last or first part).
const NOT_IN_COMPOUND = String.raw`(?<!\w-)(?!(?:end(?:s|ed|ing)?|finish(?:es|ed)?|complete[sd]?|lift(?:s|ed)?|close[sd]?|conclude[sd]?)-\w)`;
const ENDED = new RegExp(
  String.raw`\b${PHASE}\b[^.\n]{0,30}\b(?:is |are |has |was )?(?:done|over|finished|complete(?:d)?|ended|lifted|closed|wrapped up|behind us|succeeded)\b` +
    String.raw`|\b${NOT_IN_COMPOUND}(?:end(?:s|ed)?|finish(?:es|ed)?|complete[sd]?|wrap(?:s|ped)? up|lift(?:s|ed)?|close[sd]?) (?:of )?(?:the |our |this )?(?:[\w-]+ ){0,2}${PHASE}\b` +
    String.raw`|\bno longer (?:needed|required|necessary)\b|\bpost[- ]${PHASE}\b|\bafter the ${PHASE}\b[^.\n]{0,20}\b(?:ended|finished|done|completed)\b`,
  'i',
);
const REVERT = regex(
  'i',
  // ("back to 30 after the test" is the undo planned for later, a time limit, not this change undoing one.)
  String.raw`\bback to (?:\d|"|'|the (?:previous|old|original|default|normal|usual|earlier)|its |previous|old|`,
  String.raw`original|default|normal|usual)(?![^\s,;)]* (?:again )?(?:after|once|when|as soon as|post|at the end of|later|tomorrow|next)\b)|`,
  String.raw`\b${NOT_IN_COMPOUND}(?:end(?:s|ed|ing)?|finish(?:es|ed)?|conclude[sd]?|`,
  String.raw`wrap(?:s|ped)? up|done with|over with) (?:the |our |a |this )?(?:[\w-]+ ){0,2}(?:load[- ]?test|`,
  String.raw`test(?:ing|s)?|freeze|incident|experiment|migration|sale|run|campaign|event|investigation|trial)\b|`,
  '^(?:revert|reverts|reverted|rollback|roll back|rolled back|back out|backed out|undo|undid|restore|',
  String.raw`restored)\b|\brevert(?:s|ed|ing)? (?:of |the |my |our |to )|\bthis reverts commit\b|`,
  String.raw`\brolled? ?back\b|\brollback of\b`,
);
const EVERYWHERE = regex(
  'i',
  // (The nouns a layout's environments are: "in all accounts" where each environment is an AWS account, a
  // Terraform workspace, an Azure subscription.)
  // (A quantifier may be stressed in Markdown: "in **all** environments", "in *every* environment".)
  String.raw`\b(?:all|every|each|both)\*{0,2} (?:(?:of )?(?:the|our) )?`,
  String.raw`(?:(?:aws |gcp |azure |cloud )?(?:env(?:ironment)?s?|stages?|clusters?|regions?|deployments?|accounts?|workspaces?|subscriptions?))\b|`,
  String.raw`\beverywhere\b|\bacross the board\b|\bacross (?:all )?(?:env(?:ironment)?s|stages|clusters)\b|`,
  String.raw`\bglobally\b|`,
  // Another environment has the problem the change answers: "production has exactly the same
  // problem", "prod is affected the same way", "same issue in prod".
  String.raw`\b(?:has|have|had|shows?|hits?) (?:exactly |precisely |just )?the same (?:problem|issue|bug|behaviou?r|symptoms?|typo|mistake|error)\b|`,
  String.raw`\b(?:is|are|was|were) (?:also |equally )affected\b|\baffected (?:the same way|in the same way|too|as well|equally)\b|`,
  String.raw`\bsame (?:problem|issue|bug|typo|mistake|error) (?:in|on|for) \w+|`,
  // A rollout finished is the value meant for every environment: "rollout finished", "to 100%",
  // "fully rolled out", "rollout complete".
  String.raw`\brollout (?:is |was |has )?(?:finished|complete(?:d)?|done|over)\b|\b(?:finish(?:ed)?|complete[sd]?) the rollout\b|`,
  // (not a measurement: "CPU spiked to 100%")
  String.raw`\bfully rolled out\b|(?<!\b(?:cpu|memory|mem|disk|load|usage|utili[sz]ation|spiked?|spikes|went|goes|jumped|climbed|`,
  String.raw`hit|hits|reached|rose|grew|errors?)\s(?:\S{1,40}\s){0,2})\bto 100 ?%`,
);
const EVERYWHERE_ALL = new RegExp(EVERYWHERE.source, 'gi');
// A lower environment's scope denied: "not a staging-only experiment", "not just for dev", "nicht nur für
// Staging", "no es solo para staging", "pas seulement pour la préprod": the value is meant beyond it.
// Only an environment's word is read there ("not a read-only replica", "not just for fun" say nothing).
const LOWER_ENV =
  String.raw`(?:dev|development|test|testing|qa|stag(?:e|ing)|stg|uat|pre-?prod|préprod|sandbox|acc(?:eptance)?|demo|lower(?: env\w*)?|` +
  // … and as the languages read write them: "homologação", "collaudo", "тест", "стейдж", "ステージング", "预发", "스테이징".
  String.raw`homolog\p{L}*|recette|collaudo|тест\p{L}*|стейдж\p{L}*|стенд\p{L}*|ステージング|検証環境|テスト環境|预发\p{L}*|测试环境|스테이징|테스트)`;
const NOT_ONLY = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|nicht|isn['’]t|is no|kein\p{L}*) (?:a |an |ein |eine |einen )?${LOWER_ENV}[- ]only(?![\p{L}])|`,
  String.raw`(?<![\p{L}])(?:not (?:just|only|merely)|nicht (?:nur|bloß)|no (?:es )?s[oó]lo|pas (?:seulement|uniquement)|`,
  // pt, it, nl, pl, ru: "não é só para staging", "non solo per lo staging", "niet alleen voor staging", "nie tylko na stagingu", "не только для стейджа".
  String.raw`não (?:é )?(?:só|somente|apenas)|non (?:è )?solo|niet (?:alleen|enkel)|nie tylko|не только) `,
  String.raw`(?:for|in|on|für|in|para|en|pour|sur|dans|em|no|na|per|su|voor|op|dla|w|на|в|для)(?: (?:the|die|der|das|el|la|le|les|l'|o|a|lo|il|de|het))? ?${LOWER_ENV}|`,
  // tr, ja, zh, ko put the denial after the environment: "sadece staging için değil", "ステージングだけではない",
  // "ステージング限定ではない", "不只是预发", "不仅限于测试环境", "스테이징만을 위한 것이 아니".
  String.raw`(?<![\p{L}])(?:sadece|yalnızca|yalnız) ${LOWER_ENV}\p{L}* (?:için )?değil|`,
  String.raw`${LOWER_ENV}(?:環境)?(?:だけ|のみ|限定)(?:の\p{L}{1,6})?(?:では|じゃ)(?:ない|なく|ありません)|`,
  String.raw`(?:不只是|不仅仅是|不仅是|不仅限于|不只在|不仅在)(?:在)?${LOWER_ENV}|`,
  String.raw`${LOWER_ENV}(?:\s?환경)?만(?:을 위한 것)?이 아니`,
);
// A clause reporting what was observed ("no diffs in the shadow comparison for 14 days", "ran
// clean for two weeks"): a span or an "until" there measures the past, not a limit on the change.
// "run" as a verb only ("has run clean", "running for 14 days"): a run named as a noun is the plan's
// own event ("k6 run until 25.11", "the soak run until Friday").
const OBSERVED = regex(
  'i',
  String.raw`\b(?:no|zero|without|ran|running|(?:has|have|had|was|were) run|been|stable|green|clean|flat|observed|seen|measured|soaked|passed|held|`,
  // A span of looking ("watching p95 for two weeks", "observing errors for 10 days") is how long
  // someone checks before the next step, not how long the change lasts.
  String.raw`compar(?:ison|ed)|monitor(?:ed|ing)?|watch(?:ed|ing)?|observ(?:e|ing)|keep(?:ing)? an eye on)\b`,
);
// A span right after a word saying how long something else lasts or lasted ("a stolen cookie stays valid
// for three days", "prices are cached for 7 days", "the consumer was down for two days", "it took three
// weeks"): a description of the problem or of a property, not the change's own end.
// … and what the setting itself does for that long: "retries for 2 hours", "polls for 30 minutes",
// "waits for 10 seconds", "backs off for 5 minutes": the value's behaviour, not the change's life.
const DESCRIBED = regex(
  'i',
  String.raw`\b(?:retries|retried|retry|retrying|polls|polled|polling|waits|wait|waiting|sleeps|backs off|buffers|buffered|queues|queued|`,
  String.raw`valid|last|lasts|lasted|lives|lived|cached|retained|stored|kept around|expires after|expire after|down|offline|unavailable|`,
  String.raw`unnoticed|undetected|exposed|vulnerable|open|stuck|hung|broken|ran|runs|took|takes|waited|old|older|idle|inactive)$`,
);
const SPAN_OR_UNTIL = /^(?:for|für|fuer|durante|pendant|until|till|til)\b/i;
const UNTIL = /^(?:until|till|til)\b/i;
// A span's lead, or a count of hours ("for 2 days", "für 48 Stunden", "48 uur lang"), which may be the setting's own length.
const SPAN_LEAD = /^(?:for|für|fuer|durante|pendant|voor|\d)/i;
const BY_DATE = /^(?:by|before|no later than)\b/i;
// "no AV scan until the import is done", "zero retries until the fix lands": a thing switched off
// until an end is a plan, as "AV scan off until …" is — the bare negations that make "no diffs for
// 14 days" an observation do not make an "until" one. What was seen up to now is still observed:
// "no errors until today", "we had no alerts until the deploy", "ran clean until now".
const OBSERVED_UNTIL = regex(
  'i',
  String.raw`\b(?:ran|running|(?:has|have|had|was|were) run|been|stable|green|clean|flat|observed|seen|measured|soaked|passed|held|had|saw|`,
  // A span of looking ("watching p95 for two weeks", "observing errors for 10 days") is how long
  // someone checks before the next step, not how long the change lasts.
  String.raw`compar(?:ison|ed)|monitor(?:ed|ing)?|watch(?:ed|ing)?|observ(?:e|ing)|keep(?:ing)? an eye on)\b`,
);
const UNTIL_NOW = /^(?:until|till|til)\s+(?:now|today|yesterday|this morning|recently)\b/i;
// A condition whose figure or check must hold, right before a span: "if p99 holds", "once latency stays
// under 200ms", "as long as the error rate remains below 1%", "sobald p99 stabil bleibt", "si la latence
// reste stable", "zodra p99 stabiel blijft". (Each repeated word is a run without white space, so the
// white space between them is never read two ways.)
const CHECK_HOLDS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|once|when|provided|as long as|sobald|wenn|falls|si|se|cuando|quand|zodra|indien|jeśli|gdy)`,
  String.raw`(?:\s+[\p{L}\p{N}%<>.'-]+){0,5}?\s+(?:holds?|holding|stays?|remains?|is (?:stable|green|clean|fine|ok)|runs? clean|looks? (?:good|fine|ok)|`,
  String.raw`hält|bleibt|tient|reste|aguanta|se mantiene|segura|blijft|houdt|utrzyma\p{L}*)(?:\s+[\p{L}\p{N}%<>.'-]+){0,4}$`,
);
// A span of time as a count of days, weeks or hours, in the languages read: "a week", "two days",
// "pendant une semaine", "eine Woche", "una semana", "een week", "przez tydzień", "48h".
const SPAN_COUNT = regex(
  'giu',
  String.raw`(?<![\p{L}\p{N}])(?:(?:a|an|one|two|three|\d{1,3}|une?|deux|trois|una?|dos|tres|eine[nm]?|ein|zwei|drei|een|twee|drie|jeden|jedną|dwa|dwie|trzy)\s`,
  String.raw`(?:full\s|whole\s|ganze\s|entière\s|volle\s)?(?:weeks?|days?|hours?|nights?|sprints?|semaines?|jours?|heures?|nuits?|semanas?|d[ií]as|horas?|noches?|`,
  String.raw`woche|wochen|tage?|tagen|stunden?|nächte|weken|dagen?|uur|nachten|tydzie[nń]|tygodni[ea]?|dni|dzie[nń]|godzin[yę]?)|`,
  String.raw`\d{1,3}\s?[hd]|przez\s(?:tydzie[nń]|dzie[nń]|miesiąc|noc))(?![\p{L}\p{N}])`,
);
/** A condition with a duration, as a check to make before the next step: "if p99 holds for a week",
 * "si la latence reste stable pendant une semaine", "wenn es eine Woche stabil läuft", "si aguanta una
 * semana sin errores", "jeśli przez tydzień nie będzie błędów" — how long something must hold, not how long the change lasts. The clause from
 * its conditional word on. */
export function conditionWithSpan(text: string): string | undefined {
  for (const m of text.matchAll(SPAN_COUNT)) {
    const sentenceStart = Math.max(text.lastIndexOf('\n', m.index), text.lastIndexOf('. ', m.index)) + 1;
    const before = text.slice(sentenceStart, m.index);
    const at = conditionAt(before);
    if (at < 0) continue;
    const rest = text.slice(m.index).split(CLAUSE_BREAK)[0]!;
    return (before.slice(at) + rest).trim();
  }
  return undefined;
}
const DURING_LEAD = /^(?:during|while|throughout)\b/i;
const PENDING_LEAD = /^pending\b/i;
// What a system did, told in the past: the verbs of an incident's account ("requests queued",
// "consumers lagged", "pods crashed", "jobs piled up"), not of a change someone made ("raised",
// "disabled", "set").
const REPORTED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:queued|stalled|hung|piled up|backed up|retried|errored|erred|waited|spun|looped|flapped|degraded|failed|`,
  String.raw`crashed|crash-?looped|timed out|spiked|broke|saturated|exhausted|overloaded|slowed(?: down)?|lagged|got stuck|were stuck|was stuck|`,
  String.raw`leaked|thrashed|hammered|arrived|happened|occurred|went down|paged|alerted|threw|surged|climbed|jumped|rose|fell|peaked|`,
  String.raw`oom-?killed|ran out|blew up|melted|choked|starved|deadlocked|tripped|bounced|flooded)(?![\p{L}])`,
);
// Each time-limit pattern's global twin, made once (not for every text read): its lastIndex is set
// before each use, and nothing the loop below calls reads a time limit again.
const twins = new WeakMap<RegExp, RegExp>();
function globalTwin(re: RegExp): RegExp {
  let twin = twins.get(re);
  if (!twin) twins.set(re, (twin = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
  return twin;
}
/** The first match of a time-limit pattern that is one: a span or "until" in a clause that reports
 * what was observed is skipped. */
function timeLimitIn(re: RegExp, text: string, others: string[] = [], own?: string, whole = text): RegExpExecArray | null {
  const all = globalTwin(re);
  all.lastIndex = 0;
  for (let m = all.exec(text); m; m = all.exec(text)) {
    // "niet tijdelijk", "not temporary", "ob das temporär bleibt": what a clause negates or asks is not said.
    if (doubtIn(text, m.index, m[0].length)) {
      if (m[0].length === 0) all.lastIndex++;
      continue;
    }
    const start = Math.max(text.lastIndexOf('\n', m.index), text.lastIndexOf('. ', m.index), text.lastIndexOf(', ', m.index), text.lastIndexOf('; ', m.index));
    const clause = text.slice(start + 1, m.index + m[0].length);
    // "production must have it before 2026-12-06", "prod needs this by Q1": a deadline in a clause
    // about another environment is when that environment gets the change, not when this one ends.
    if (BY_DATE.test(m[0].trim()) && others.some((e) => mentions(clause, e))) {
      if (m[0].length === 0) all.lastIndex++;
      continue;
    }
    // "Prod on 2026-11-20, pending the security review", "prod pending CAB approval": a gate in a
    // sentence about another environment (not this one) is what that environment waits for, not a
    // limit on this one's change.
    // (The sentence is read in the whole text: the clause naming the other environment was taken out of `text`.)
    const at = whole.indexOf(m[0]);
    if (PENDING_LEAD.test(m[0].trim()) && at >= 0) {
      const sentence = whole.slice(Math.max(whole.lastIndexOf('\n', at), whole.lastIndexOf('. ', at), whole.lastIndexOf('; ', at)) + 1, at);
      if (others.some((e) => mentions(sentence, e)) && !(own !== undefined && mentions(sentence, own))) {
        if (m[0].length === 0) all.lastIndex++;
        continue;
      }
    }
    // "Requests queued ~40s during the failover while the client retried": a sentence that reports
    // what happened tells when the incident was, not how long the fix lasts.
    if (DURING_LEAD.test(m[0].trim()) && REPORTED.test(clause.slice(0, clause.length - m[0].length))) {
      if (m[0].length === 0) all.lastIndex++;
      continue;
    }
    // "log retention for 14 days", "keep backups for 30 days": the span is the setting's own length.
    if (!UNTIL.test(m[0].trim()) && SPAN_LEAD.test(m[0].trim()) && ownLength(text, m.index, m.index + m[0].length)) {
      if (m[0].length === 0) all.lastIndex++;
      continue;
    }
    // "prod if p99 holds for a week", "once the error rate stays under 1% for two weeks": a span inside
    // a condition is how long a check must hold before the next step, not how long the change lasts.
    // So is a span a conditional word governs, in any language read ("Prod folgt, wenn es für eine Woche
    // stabil läuft", "si aguanta durante una semana sin errores"): the condition reading wins.
    const spanBefore = text.slice(Math.max(0, m.index - 200), m.index);
    if (
      !UNTIL.test(m[0].trim()) &&
      SPAN_LEAD.test(m[0].trim()) &&
      (CHECK_HOLDS.test(clause.slice(0, clause.length - m[0].length).trimEnd()) ||
        conditionAt(spanBefore.slice(Math.max(spanBefore.lastIndexOf('\n'), spanBefore.lastIndexOf('. ')) + 1)) >= 0)
    ) {
      if (m[0].length === 0) all.lastIndex++;
      continue;
    }
    if (!SPAN_OR_UNTIL.test(m[0].trim())) return m;
    const until = UNTIL.test(m[0].trim());
    if (
      until
        ? !OBSERVED_UNTIL.test(clause) && !UNTIL_NOW.test(text.slice(m.index).trim())
        : !OBSERVED.test(clause) && !DESCRIBED.test(clause.slice(0, clause.length - m[0].length).trimEnd())
    )
      return m;
    if (m[0].length === 0) all.lastIndex++;
  }
  return null;
}
/** A change that fixes a vulnerability, however the team or its bot marks it. A scanner or a
 * "vulnerability" mentioned as a topic is not a fix: the word must come with fix/patch/advisory
 * wording or an advisory id. */
const SECURITY_FIX = regex(
  'i',
  String.raw`\[security\]|\bCVE-\d{4}-\d{4,}\b|\bGHSA(?:-[0-9a-z]{4}){3}\b|`,
  String.raw`\bsecurity (?:fix|patch|update|release|advisory|bump|hotfix)(?:es)?\b|`,
  String.raw`\b(?:fix(?:es|ed)?|patch(?:es|ed)?|close[sd]?|address(?:es|ed)?|mitigat\w*) (?:a |the |`,
  String.raw`an )?(?:[\w-]+ )?(?:vulnerabilit(?:y|ies)|security (?:hole|issue|bug|flaw))\b|`,
  String.raw`\bvulnerability (?:fix|patch|alerts?)\b|\bSicherheits(?:l(?:ü|ue)cke|update|patch)\b|`,
  String.raw`\b(?:parche|correcci(?:ó|o)n) de seguridad\b|\bvulnerabilidad\b`,
);
// An insistence that the new value stays: "DO NOT CHANGE", "don't touch", "leave it at 50", "the
// right value for prod", "on purpose", "nicht ändern", "no tocar". A conditional "do not change it
// until ..." is a wait, not a claim, and is left to the time-limit reading.
const PINNED = regex(
  'iu',
  String.raw`\b(?:do not|don't|dont|never|must not|please don't|please do not) (?:change|touch|lower|raise|`,
  String.raw`increase|decrease|bump|reduce|override|revert|align|copy|sync)\b(?![^.\n]{0,40}\buntil\b)|`,
  String.raw`\b(?:leave (?:it|this) (?:alone|as is|at \S+)|must (?:stay|remain)|has to (?:stay|remain)|`,
  '(?:is|are) (?:the )?(?:right|correct) (?:value|setting|number) for|(?:right|correct) value for|',
  String.raw`on purpose|deliberately|intentional(?:ly)?|by design)\b|`,
  // … and in every language read: "Non ridurre", "nicht reduzieren", "ne pas baisser", "no bajar", "não
  // reduzir", "niet verlagen", "nie zmniejszać", "не уменьшать", "düşürmeyin", "下げないこと", "不要降低",
  // "줄이지 마" — not one that waits ("nicht reduzieren bis Q1": a hold with an end).
  String.raw`(?<![\p{L}])(?:nicht (?:ändern|anfassen|anpassen|angleichen|reduzieren|senken|verringern|herabsetzen|erhöhen)|`,
  String.raw`no (?:tocar|cambiar|modificar|reducir|bajar|subir|alinear)|ne pas (?:modifier|toucher|changer|réduire|baisser|augmenter|aligner)|`,
  String.raw`non (?:ridurre|modificare|toccare|cambiare|abbassare|aumentare|allineare)|não (?:alterar|mexer|reduzir|diminuir|baixar|mudar|alinhar)|`,
  String.raw`niet (?:aanpassen|wijzigen|verlagen|verhogen|aankomen|veranderen|gelijktrekken)|nie (?:zmieniać|zmniejszać|ruszać|obniżać|zwiększać)|`,
  String.raw`не (?:менять|трогать|уменьшать|снижать|увеличивать|изменять)|değiştirmeyin|düşürmeyin|dokunmayın|azaltmayın)(?![\p{L}])`,
  String.raw`(?![^.\n]{0,40}(?<![\p{L}])(?:until|till|bis|hasta|jusqu|fino|até|tot|до)(?![\p{L}]))|`,
  String.raw`(?:変更しないこと|変更しないで|下げないこと|下げないで|触らないで|変更禁止|不要修改|不要降低|请勿修改|请勿降低|변경하지 마|줄이지 마|낮추지 마|변경 금지)`,
);
const BOT_AUTHOR =
  /\[bot\]|\bbot\b|renovate|dependabot|github-actions|gitlab-ci|jenkins|automation|autodeploy|argocd-image-updater|flux(?:cd)?-?bot|ci@|noreply@\S{0,80}?ci/i;
// A message that says only that a file changed: the web editor's "Update staging.yaml", "wip".
const BARE = regex(
  'i',
  '^(?:(?:update|updated|updates|change|changed|changes|edit|edited|modify|modified|tweak|tweaks|misc|',
  'wip|fix|fixes|cleanup|config|configs|values|chore|minor|stuff|',
  String.raw`bump)(?:\s+(?:config|values|settings|env|file|files|`,
  String.raw`\S+\.(?:ya?ml|json|env|tfvars|properties|conf|ini)))?|\S+\.(?:ya?ml|json|env|tfvars)|\.+|-+)$`,
);

// "when the backfill is done", "once the migration is finished": a condition for later, not news.
const CONDITION_WORD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:when|once|after|until|till|unless|if|as soon as|by the time|before|will|shall|should|`,
  String.raw`must|needs? to|to be|going to|gonna|bis|sobald|wenn|nachdem|hasta|cuando|una vez|jusqu'à|quand|`,
  String.raw`dès que)(?![\p{L}])`,
);
/** The condition a text ends in: from the first condition word of its last clause (after the last
 * ".", ";", ":" or line break; a dot inside a word such as "v2.4" ends nothing) to its end. Found
 * by one scan back for the clause and one match in it, not by a pattern that would scan to the end
 * again from every condition word. */
function conditionAtEnd(text: string): string | undefined {
  let start = text.length;
  while (start > 0) {
    const c = text[start - 1]!;
    if (c === ';' || c === ':' || c === '\n' || (c === '.' && (start === text.length || /\s/.test(text[start]!)))) break;
    start--;
  }
  const m = CONDITION_WORD.exec(text.slice(start));
  return m ? text.slice(start + m.index) : undefined;
}

/** The first match of `re` that reports something done, not one that sets a condition for later. */
function statedAsDone(re: RegExp, text: string): string | undefined {
  const all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of text.matchAll(all)) {
    // "noch nicht erledigt", "not done yet", "whether the migration is finished": not reported done.
    // "about 40% done", "à moitié fait": progress, not the work's end (share-done.ts).
    if (doubtIn(text, m.index, m[0].length) || partlyDone(text, m.index, m[0].length)) continue;
    // "not needed any more: remove it when prod moves to 4.2": the end is planned for an event (done-when.ts).
    if (doneOnEvent(text, m.index + m[0].length)) continue;
    const condition = conditionAtEnd(text.slice(Math.max(0, m.index - 60), m.index + m[0].length));
    if (!condition) return m[0];
    // "after the freeze ended" reports the end; "after the freeze is over" waits for it.
    const past = /\b(?:ended|finished|lifted|closed|was|were|succeeded|wrapped up)\b/i.test(m[0]) && !/\b(?:is|are|gets?|be|has been)\b/i.test(m[0]);
    if (/^after\b/i.test(condition) && past) return m[0];
  }
  return undefined;
}

// A note about a piece of work ("OPS-77 reindex finished", "backfill complete, 14 months loaded").
const DONE = regex(
  'iu',
  // (Not a part of a hyphenated compound: "closed-loop", "done-ness", "well-done" report nothing.)
  String.raw`✅|☑️|✔️|(?<![\p{L}]|\p{L}-)(?:done|finished|complete|completed|wrapped up|closed|resolved|is over|are over|`,
  'was over|signed off|no longer needed|(?:is|are|went|gone|now) live|caught up|',
  // What the change was for needs it no more: "no more unsigned tokens needed", "the test no longer
  // needs unsigned tokens", "not needed any more".
  String.raw`no more [\p{L}\d-]+(?: [\p{L}\d-]+){0,2} (?:needed|required|necessary)|no longer needs?|(?:is|are) not needed any ?(?:more|longer)|`,
  String.raw`nicht mehr (?:nötig|notwendig|benötigt|gebraucht)|ya no (?:es necesari[oa]|hace falta|se necesita)|plus (?:besoin|nécessaire)|`,
  String.raw`não (?:é|são) mais necessári[oa]s?|non (?:serve|è) più|niet meer nodig|już nie(?: jest)? potrzebn\p{L}*|`,
  '(?:is|are) (?:out|shipped|released|deployed)|shipped|released|erledigt|abgeschlossen|fertig|beendet|',
  'vorbei|durch (?:ist|sind)|(?:ist|sind) durch|terminad[oa]|hech[oa]|completad[oa]|finalizad[oa]|',
  String.raw`listo|terminée?|finie?|achevée?|bitti|tamamlandı)(?![\p{L}]|-\p{L})`,
);

// A ticket reported done the way trackers and teams write it: the closing keywords GitHub and
// GitLab act on ("Closes DATA-88", "Resolves #412", "fixes: PAY-7"), a conventional fix that cites
// it ("fix(3ds): PAY-1442 …"), the ticket followed by its state ("PAY-1442 done", "DATA-88: fixed").
const TICKET_ID = String.raw`(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})`;
const TICKET_DONE = regex(
  'mu',
  String.raw`(?<![\p{L}])(?:[Cc]lose[sd]?|CLOSES|[Ff]ix(?:e[sd])?|FIXES|[Rr]esolve[sd]?|RESOLVES|[Ss]olve[sd]?)\b:?\s+${TICKET_ID}|`,
  // (A line ends at any line terminator "^" knows, or each "fix:" would scan on over the next lines.)
  String.raw`^(?:fix|hotfix|bugfix)(?:\([^)\n\r\u2028\u2029]{0,80}\))?!?:\s[^\n\r\u2028\u2029]*?${TICKET_ID}|`,
  String.raw`${TICKET_ID}\)?:?\s+(?:is\s+|now\s+)?(?:done|fixed|resolved|closed|solved|complete(?:d)?|finished|shipped|merged)\b`,
);
// Finished work in words a commit uses for it beyond "done": "fixed." at a clause's end, "is fixed
// now", "migrated to k8s-eu2", "cut over to the new queue".
const FINISHED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:is|are|was|were|been|now|got|all) fixed|fixed(?=\s*(?:[.!✅]|now\b|$))|`,
  String.raw`migrated (?:to|onto|over)|(?:is|are|was|were|been|now|got|all) migrated|`,
  String.raw`cut ?over (?:to|done|complete)|switched over to)(?![\p{L}])`,
);

// A ticket's entry struck through, as lists of known issues and to-dos cross one off ("~~PAY-7: retry
// storm~~ fixed 2027-04-29", "- ~~#412 flaky export~~"): done. Not where what follows calls it off or
// back ("~~PAY-7~~ won't fix", "~~PAY-7~~ reopened", "~~PAY-7~~ moved to PAY-9", "~~PAY-7~~ wieder offen").
const STRUCK = new RegExp(String.raw`~~([^~\n\r]{1,200})~~([^\n\r]{0,40})`, 'gu');
const STRUCK_TICKET = new RegExp(TICKET_ID, 'u');
const NOT_OFF = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:won['’]?t|wontfix|not|no|never|cancel\p{L}*|dropp\p{L}*|abandon\p{L}*|obsolete|invalid|duplicate|reopen\p{L}*|re-opened|moved|superseded|`,
  String.raw`wieder offen|nicht|abgebrochen|verworfen|annul\p{L}*|abandonn\p{L}*|rouvert\p{L}*|reabiert\p{L}*|cancelad[oa]|descartad[oa]|heropend|geannuleerd|`,
  String.raw`ponownie otwart\p{L}*|anulowan\p{L}*|annullat[oa]|riapert[oa]|återöppnad|avbruten)(?![\p{L}])`,
);

function struckOff(text: string): string | undefined {
  if (!text.includes('~~')) return undefined;
  for (const m of text.matchAll(STRUCK)) {
    if (STRUCK_TICKET.test(m[1]!) && !NOT_OFF.test(m[2]!)) return m[0].trim();
  }
  return undefined;
}

/** A language's own done word ("klaar", "valmis"), unless said of a part of the work ("voor de helft klaar"). */
function foreignDone(text: string): string | undefined {
  const phrase = foreignWord(text, 'done')?.phrase;
  const at = phrase ? text.indexOf(phrase) : -1;
  return phrase && (at < 0 || (!partlyDone(text, at, phrase.length) && !doneOnEvent(text, at + phrase.length))) ? phrase : undefined;
}

/** Does the text report the work it names as done (not as a condition for later)? */
export function reportsDone(written: string): string | undefined {
  const text = mendTypos(readableText(written));
  return (
    statedAsDone(ENDED, text) ??
    statedAsDone(DONE, text) ??
    statedAsDone(TICKET_DONE, text) ??
    statedAsDone(FINISHED, text) ??
    struckOff(text) ??
    foreignDone(text)
  );
}

// A clause about another environment that says it keeps its value, or follows later.
// (And "deliberately", "by design", "not an oversight", "do not align" said of it; in the languages
// read, languages.ts's `stays` words: "En dev on garde …", "本番は 2 台のまま", "ne pas aligner".)
const KEEPS = regex(
  'i',
  String.raw`\b(?:keeps?|keeping|kept|stays?|staying|stayed|remains?|left|leave|leaving|unchanged|untouched|as[- ]is|on purpose|hold|holds|held|`,
  String.raw`deliberately|intentionally|by design|(?:is |was )?not an oversight|(?:do not|don't|dont|never) (?:align|sync|match)|`,
  // An environment the change exempts ("acc is exempt", "exempted, see the plan") keeps its own value, as
  // one it says does not change ("prod does not change", "retail won't change").
  String.raw`exempt|exempted|(?:does|do|will) not change|(?:doesn't|don't|won't) change|is not changing|bleibt|bleiben|behält|blijft|reste|`,
  // European Portuguese keeps an environment "at" a figure with "a" ("dev e testes ficam a 2 s"); before
  // anything but a figure "ficar a" is the progressive ("fica a aguardar", "ficam a correr"), no keep.
  String.raw`ficam? a(?= \d))\b`,
);
/** Does the text say an environment keeps its value ("stays", "keeps", "bleibt", "on purpose")? */
export const keepsIn = (text: string): boolean => KEEPS.test(text);
/** The words by which a text says an environment keeps its value, neither negated nor asked, in English or a language read. */
export const keepSaidIn = (text: string, whole = text): string | undefined => saidMatch(KEEPS, text)?.[0] ?? foreignStays(text, whole)?.phrase;

// The environments a change left out, named as a group, promised the same later: "only prod for
// now, the rest comes with release/2026.11", "the others follow next sprint", "der Rest kommt mit
// dem Release", "el resto llega con la versión 5". Not "the rest of the config comes from base",
// nor a follow negated ("the rest does not follow", "die anderen nicht").
const REST_FOLLOWS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:the rest(?!\s+of\b)|the others|(?:all )?(?:the )?other env(?:ironment)?s|(?:the )?remaining env(?:ironment)?s|everything else|`,
  String.raw`der rest(?!\s+(?:des|der)\b)|die anderen(?: umgebungen)?|el resto(?!\s+de\b)|los demás(?: entornos)?|le reste(?!\s+d)|les autres)`,
  String.raw`(?![\p{L}])([^.;\n]{0,30}?)(?<![\p{L}])(?:comes?|coming|follows?|following|gets? it|later|afterwards|with (?:the )?(?:next )?release|`,
  String.raw`kommt|kommen|folgt|folgen|später|nachher|llega|llegan|sigue|siguen|después|suit|suivent|plus tard)(?![\p{L}])`,
);
const NEGATED = /(?<![\p{L}])(?:not|never|no|n't|nicht|nie|kein\w*|nunca|pas|jamais)(?![\p{L}])|n't/iu;
/** The phrase by which a text promises the environments it left out the same change later, if it does. */
export function restFollows(text: string): string | undefined {
  const m = REST_FOLLOWS.exec(text);
  if (!m || NEGATED.test(m[1] ?? '')) return undefined;
  return m[0];
}
// One environment named as the whole scope "for now": "Only prod for now.", "prod only for now",
// "nur Prod vorerst", "solo prod por ahora", "seulement la prod pour l'instant", "alleen prod
// voorlopig". The time word limits the scope, not the value: the others are meant to get it.
const SCOPE_FOR_NOW = regex(
  'iu',
  String.raw`(?<![\p{L}\d-])(?:(?:only|just|nur|solo|sólo|seulement|uniquement|alleen|tylko) (?:(?:in|on|to|auf|en|em|na|op|w|la|le|el|die) )?[\p{L}\d-]{2,20}|`,
  String.raw`[\p{L}\d-]{2,20} (?:only|nur|alleen))`,
  String.raw`,? (?:for now|for the time being|vorerst|erstmal|vorläufig|zunächst|por ahora|de momento|pour l'instant|pour le moment|voorlopig|na razie|per ora)(?![\p{L}])`,
);
/** The phrase by which a text keeps a change to one environment "for now" (the scope is what is
 * temporary), if it does. Not when negated ("not only prod for now"). */
export function scopeForNow(text: string): string | undefined {
  const m = SCOPE_FOR_NOW.exec(text);
  if (!m) return undefined;
  const before = text.slice(Math.max(0, m.index - 6), m.index);
  return /(?<![\p{L}])(?:not|nicht|no|pas)\s$/iu.test(before) ? undefined : m[0];
}
const FOLLOWS = regex(
  'i',
  String.raw`\b(?:follows?|following|to follow|after|afterwards|once|when|next|later|then|gets?|getting|`,
  'receives?|goes|' +
    // "prod pending sign-off" waits; "pods stay Pending there" is a state, not a gate.
    String.raw`pending(?=\s*(?:[.;,)]|$)|\s+(?:the\s+|a\s+|an\s+|our\s+)?(?!there\b|here\b|in\b|on\b|at\b|for\b|forever\b|since\b|now\b|again\b|state\b|status\b)[a-z])|` +
    'waits?|waiting|folgt|danach|nach|backport(?:s|ed|ing)?|' +
    // … and in Dutch, Swedish, Danish and Norwegian: "prod volgt", "produktion följer efter", "prod
    // følger senere", "kommt Prod dran" (its turn comes), "gaat prod mee" (goes along).
    'volgt|följer|följa|följs|følger|senare|senere|efteråt|bagefter|etterpå|kommt (?:[a-zäöü]+ )?dran|gaat (?:[a-z]+ )?mee|',
  'back-?port(?:s|ed|ing)?|port(?:ed)? (?:it )?back|bring (?:it )?back|catch(?:es)? up|',
  'cherry-?pick(?:s|ed)? (?:it )?(?:to|into|onto)|nachziehen|zieh(?:en|t) nach|together with|',
  'along with|with (?:the )?(?:next |upcoming )?(?:release|deploy|version|rollout)|ships? with|',
  // A named release as the vehicle: "ships to production in train 2026.50", "prod with v3.8".
  String.raw`(?:with|in|on|via) (?:the )?(?:release(?: train)?|train|version|build|v?\d+\.\d+)|`,
  // A release window or deploy day as the next step: "prod in the Tuesday release window", "with
  // Thursday's deploy", "in the next maintenance window", "via the change window", "through the CAB slot".
  String.raw`(?:with|in|at|during|on|via|through) (?:the |this |next |our )?(?:next |weekly |regular |[a-z]+day(?:'s)? )?`,
  String.raw`(?:release |deploy(?:ment)? |maintenance |change |cab )?(?:window|slot|deploy)|`,
  String.raw`(?:ships?|lands?|rolls? out) (?:to \S+ )?(?:in|with|on|via)|`,
  String.raw`mit (?:dem |der )?(?:nächsten )?release|con (?:la |el )?(?:próxim[oa] )?(?:release|versión))\b|`,
  // … and as other languages write "after" and "with the next deploy": "PRO tras la validación",
  // "produção entra no próximo deploy", "prod après la recette", "produzione dopo il collaudo" (Spanish
  // contracts "de el" to "del": "después del 15 de marzo" is as much after as "después de la validación"),
  // and the backport in French and Spanish words: "rétroporté en staging", "retroportado a staging" — so a
  // negated one ("jamais rétroporté en staging tant que …") keeps the environment apart, as "never backported" does.
  // (This pattern is not Unicode-aware: its word bounds are written out.)
  // ("will follow" in a word: "suivra", "seguirá", and German's "wird nachgezogen" — its auxiliary kept: a bare
  // "Prod-Fix nachgezogen" says the fix was carried over already.)
  String.raw`(?<![a-zà-ÿ])(?:tras|después del?|despues del?|luego|après|ensuite|dopo|poi|depois d[aeo]|após|r[ée]troport[a-zà-ÿ]*|retroportad[oa]s?|em seguida|daarna|potem|entra|entrará|`,
  String.raw`suivra|suivront|seguirá|seguirán|(?:wird|werden) nachgezogen|`,
  String.raw`(?:n|com )?[oa] próxim[oa]|(?:en|con) (?:el|la) próxim[oa]|au prochain|(?:con|al) (?:il )?prossimo|bij de volgende|przy następnym|z następnym|`,
  // … and the release window in those languages: "prod w oknie wtorkowym", "im Dienstagsfenster",
  // "en la ventana del martes", "dans la fenêtre de mardi", "nella finestra di martedì", "na janela de terça".
  String.raw`w (?:najbliższym |następnym )?oknie|im (?:nächsten )?[a-zäöü]*fenster|en la (?:próxima )?ventana|dans la (?:prochaine )?fenêtre|`,
  String.raw`nella (?:prossima )?finestra|na (?:próxima )?janela|in het (?:volgende )?[a-z]*venster)(?![a-zà-ÿ])`,
);
const NEGATED_WORD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|never|no|don't|dont|doesn't|won't|must not|nicht|nie|kein(?:e|en|er|es|em)?|não|nunca|nem|non(?!-)|jamais|niet|nooit|geen|`,
  String.raw`inte|ej|aldrig|ikke|aldri|tidak|belum|bukan|jangan)(?![\p{L}])`,
);
// Portuguese "no" is "in the" ("produção entra no próximo deploy"): a negation only outside Portuguese.
// French "pas" ("pas rétroporté en staging pour l'instant") is one, but Dutch "pas" is "only then" ("prod pas na de freeze").
const FRENCH_PAS = /(?<![\p{L}])pas(?![\p{L}])/iu;
const negatedClause = (clause: string) =>
  (NEGATED_WORD.test(clause) && !(languageOf(clause)?.language === 'pt' && !NEGATED_WORD.test(clause.replace(/(?<![\p{L}])no(?![\p{L}])/giu, '')))) ||
  (FRENCH_PAS.test(clause) && languageOf(clause)?.language !== 'nl');
// The words of a time limit in a clause: "until", "till", "bis", "hasta", "jusqu'à", "fino a", "até".
const ONLY_WORD = /(?<![\p{L}])(?:only|exclusively|nur|solo|sólo|seulement|uniquement|alleen|tylko|sadece)(?![\p{L}])/iu;
const WAIT_WORD = /(?<![\p{L}])(?:until|till|til|bis|hasta|jusqu'(?:à|au)|fino a|até)(?![\p{L}])/iu;
// A check someone meant to make before the next environment follows.
const CHECK = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:see|watch|observe|soak|bake|verify|verification|validate|validation|evaluate|sign[- ]?off|approv(?:e|al)|`,
  String.raw`review|monitor|look at|confirm|check|validación|aprobación|revisión|validação|aprovação|revisão|validazione|approvazione|`,
  String.raw`collaudo|freigabe|abnahme|prüfung|recette|goedkeuring|akceptacj\p{L}*|walidacj\p{L}*|`,
  // … and as a verb of the one who approves: "sobald QA freigibt", "als QA akkoord geeft", "när QA godkänner".
  String.raw`freigibt|freigeben|akkoord geeft|akkoord geven|goedkeurt|goedkeuren|godkänner|godkänna|godkender|godkende|godkjenner|godkjenne|`,
  String.raw`lasttest(?:et|en)|loadtest(?:et|en)|belastningstest(?:et|en)?|prestandatest(?:et|en)?|`,
  // A decision still to take, or a measurement whose result decides ("decision for prod after the load
  // test", "once the benchmark shows it helps", "entscheiden wir nach dem Lasttest"): a check as well.
  String.raw`decide|decision|entscheiden|entscheidung|décider|décision|decidir|decisión|decidem|decizia|decizie|hotărâm|hotărăște|`,
  String.raw`benchmark|load[- ]?test|lasttest|`,
  String.raw`perf(?:ormance)?[- ]test|shows? (?:it|that|whether|if)|`,
  // A test run before the step, or a team that looks first: "after the smoke test", "once QA has seen it",
  // "when security signs off", "sobald QA es abgenommen hat", "quand la sécu a validé"; a figure that has to
  // hold: "if p99 holds for a week", "as long as the error rate stays under 1%".
  String.raw`smoke[- ]?tests?|e2e[- ]tests?|regression[- ]tests?|signs? off|`,
  String.raw`(?:qa|security|infosec|appsec|sécu(?:rité)?|seguridad|sicherheit)\s(?:(?:has|have|hat|a|es|lo|la|le|l')\s?){0,2}`,
  String.raw`(?:seen|looked at|tested|checked|verified|validé|valide|approves?|apruebe|gesehen|geprüft|abgenommen|ok(?:s|'s)?)|`,
  String.raw`(?:p\d{2,3}|latency|error[- ]rate|slos?|apdex)\s(?:holds?|stays?|remains?))(?![\p{L}])(?![- ]?(?:ed|ing)\b)`,
);

// A decision still to take about the environment, or a result still to see: "decision for prod after
// …", "whether prod needs it", "once the benchmark shows it helps", "entscheiden wir nach …".
const DECISION_PENDING = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decide|decision|entscheiden|entscheidung|entscheidet|décider|décision|decidir|decisión|decidere|decisione|`,
  String.raw`beslissen|beslissing|whether|ob|see if|shows? (?:it|that|whether|if)|zeigt|`,
  // … and in Romanian: "după ce decidem cine deține SLO-ul", "decizia pentru producție", "dacă".
  String.raw`decidem|decizia|decizie|hotărâm|hotărăște|dacă)(?![\p{L}])`,
);

// A decision someone takes, said with what it is about: "decides whether", "beslist of", "entscheidet,
// ob", "décide si", "decide si", "decide se", "zdecyduje, czy", "decision on whether".
const DECIDES = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decides?|decided|will decide|to decide|decision (?:on|about)|beslist|beslissen|besluit|entscheidet|entscheiden|décide(?:ra)?|`,
  String.raw`decide|decidirá|deciderà|zdecyduje|decyduje|rozstrzygnie)(?:[ ,]{1,2}[\p{L}]+){0,3}?,? `,
  String.raw`(?:whether|if|ob|of|si|se|czy)(?![\p{L}])`,
);

// … or said with the environment it is about: "FinOps reviews and decides on production", "entscheidet
// über Prod", "beslist over productie", "décide pour la prod", "decide sobre producción", "zdecyduje o
// produkcji", "beslutar om prod". The clause names the environment; the decision about it is still to take
// (its past, "decided on", reports it taken).
const DECIDES_ABOUT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decides?|will decide|to decide|entscheidet|entscheiden|beslist|beslissen|besluit|décide|décidera|décideront|decidirá|decidirán|`,
  String.raw`deciderà|decideranno|decidem|zdecyduje|zdecydują|decyduje|beslutar|beslutter|besluttar|bestemmer)`,
  // (German and Dutch put who decides between: "entscheidet das Plattform-Team über Prod".)
  String.raw`(?: [\p{L}\p{N}'’-]+){0,3}? (?:on|about|over|über|sur|pour|sobre|su|per|o|om)(?![\p{L}])`,
);

// A follow set on someone's yes: "prod follows if the board says yes", "once the CISO agrees", "wenn
// der Architekturkreis zustimmt", "si le comité dit oui", "si el comité da el visto bueno", "als de
// CAB akkoord gaat", "om styrgruppen säger ja". A yes is a decision, not a check a later text reports
// made, and its meeting's date passing is not its outcome: only a recorded yes moves the step.
const CONSENT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|once|when|provided|assuming|wenn|falls|sobald|si|quand|dès que|cuando|se|quando|als|zodra|indien|om|när|hvis|når|jeśli|jeżeli|gdy|jos|kun)`,
  String.raw`(?:\s[^\s.!?;,]{1,40}){1,6}?\s(?:says? yes|said yes|agrees?|consents?|gives? (?:the |its |their |a |her |his )?(?:go|ok|okay|nod|green light|go-ahead|thumbs up)|`,
  String.raw`ja sagt|zustimmt|einverstanden ist|(?:sein|ihr|das) (?:ok|okay|go) gibt|grünes licht gibt|`,
  String.raw`dit oui|donne (?:son|leur|le) (?:accord|feu vert|ok|go)|est d'accord|accepte|`,
  String.raw`dice (?:que )?sí|da (?:el|su) (?:visto bueno|ok|okay|luz verde)|está de acuerdo|`,
  String.raw`dice (?:di )?sì|dà il via libera|è d'accordo|`,
  String.raw`diz (?:que )?sim|disser sim|concordar|der o aval|der luz verde|`,
  String.raw`ja zegt|akkoord gaat|akkoord geeft|instemt|groen licht geeft|`,
  String.raw`säger ja|siger ja|sier ja|går med på|`,
  String.raw`powie tak|się zgodzi|zgodzi się|da zielone światło|`,
  String.raw`sanoo kyllä|hyväksyy|antaa luvan)(?![\p{L}])`,
);

// A check the text says is not needed: "no separate review needed", "without sign-off", "approval
// not required", "doesn't need a review", "no need for QA to verify" — no check was meant.
const CHECK_WAIVED_BEFORE = regex(
  'i',
  String.raw`\b(?:no|without|not|never|(?:does|do|did|will|wo)(?:n['’]?t| not) need|needs? no|no need (?:for|to)|skip(?:s|ping)?|waive[sd]?)\s+`,
  String.raw`(?:(?:a|an|the|any|another|further|separate|extra|additional|formal|second|own|new|more|to)\s+){0,2}$`,
);
const CHECK_WAIVED_AFTER = /^\s*(?:is\s+|are\s+)?(?:not|no longer)\s+(?:needed|required|necessary)\b|^\s*(?:unnecessary|not needed|not required|waived)\b/i;
// A check reported made in its own clause: "Review (kasia): approved", "review done", "sign-off received",
// "the soak was clean", "Abnahme erteilt".
const CHECK_PASSED_AFTER = regex(
  'iu',
  String.raw`^(?:\s*\([^)\n]{0,40}\))?[\s:,-]{0,3}(?:(?:is|was|has been|were|got|ist|wurde)\s+)?(?:\p{L}+\s+)?`,
  String.raw`(?:approved|done|passed|complete[d]?|finished|received|given|granted|clean|green|ok|okay|lgtm|signed|erteilt|erledigt|bestanden|ok)(?![\p{L}])`,
);
// A pointer to where more is written, after "see", "check" or "look at": "see docs/changes/CHG-0412.md",
// "see the runbook", "check the wiki", "see below", "see https://…". It sends the reader to a text; it
// is no condition to meet before the next environment follows. "see that the error rate stays flat",
// "see staging first", "check the dashboard" name something to watch: they stay checks.
const POINTER_VERB = /^(?:see|check|look at)$/i;
const POINTS_TO_TEXT = regex(
  'iu',
  String.raw`^[\s:]{0,3}(?:also\s)?(?:(?:the|our|this|that|its|a)\s)?(?:https?:\/\/|(?:docs?|runbooks?|wiki|notes|adrs?|changes|rfcs?)\/|`,
  String.raw`[\w-]{1,40}(?:\/[\w-]{1,40}){0,4}\.(?:md|txt|pdf|adoc|rst|html?)(?![\p{L}])|#\d|\[|`,
  String.raw`(?:docs?|documents?|documentation|runbooks?|playbooks?|wiki|page|ticket|issue|pr|readme|confluence|jira|link|thread|`,
  String.raw`notes?|adr|rfc|change (?:ticket|request|record)|below|above|attached|attachment|here)(?![\p{L}]))`,
);
// A ticket's id after the verb: "see CHG-0412", "check OPS-7". Upper case only: "see prod-2 first" is a check.
const POINTS_TO_TICKET = /^[\s:]{0,3}(?:also\s)?[A-Z][A-Z0-9]{1,9}-\d/;
// CHECK's own flags and g: without u its `\p{L}` would be the letters "p{L}" ("akceptacji" unread, "oversee" read as "see").
const CHECK_ALL = new RegExp(CHECK.source, `${CHECK.flags}g`);
// The lead of a condition, a few words before a check: "once the checkout load test is done", "if the
// smoke test is green", "sobald der Smoke-Test grün ist", "dès que la recette est validée".
const CHECK_CONDITION =
  /^(?:once|when|if|after|until|till|unless|sobald|wenn|falls|nachdem|bis|dès|quand|lorsque|si|cuando|zodra|als|gdy|kiedy|när|om|ifall|tills|når|hvis|straks)$/iu;
/** Does a condition's lead stand among the last words of `before` (its clause only)? Its sentence is
 * the shared split's (a date's, a version's or an abbreviation's dot ends none: "once the v1.2 smoke
 * test is green", "sobald der am 1. Dezember geplante Lasttest grün ist"), its clause what follows the
 * last comma, semicolon or colon in it. */
function conditionLeads(before: string): boolean {
  const clause = (sentencesIn(before).at(-1) ?? '').split(/[,;:]/).pop() ?? '';
  return clause
    .trim()
    .split(/\s/)
    .slice(-5)
    .some((w) => CHECK_CONDITION.test(w));
}

/** The first check word of the text that is not waived. */
function checkIn(text: string): string | undefined {
  for (const m of text.matchAll(CHECK_ALL)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (POINTER_VERB.test(m[0]) && (POINTS_TO_TEXT.test(after) || POINTS_TO_TICKET.test(after))) continue;
    if (CHECK_WAIVED_BEFORE.test(before) || CHECK_WAIVED_AFTER.test(after.replace(/^\s*(?:step|stage|round|pass|cycle)\b/i, ''))) continue;
    // "Review (kasia): approved", "QA sign-off received", "soak was clean": a check made, not one to make —
    // unless a condition leads it ("once the checkout load test is done", "sobald der Smoke-Test grün ist").
    if (CHECK_PASSED_AFTER.test(after) && !doubtIn(text, m.index, m[0].length) && !conditionLeads(before)) continue;
    return m[0];
  }
  return undefined;
}

// A gate's end in brackets: "(ends 2026-11-30)", "(until Nov 30)", "(bis 30.11.)" — not any date in
// brackets ("(INC-2041, 2026-11-03)" says when something happened).
const GATE_DATED = /^\((?:it |which )?(?:ends?|ending|until|till|through|thru|lift(?:s|ed)?|over|expires?|bis|endet|hasta|termina|jusqu|fino|até|tot)\b/i;

// The lead of a condition clause: "if", "once", "sobald", "dès que", "una vez que", "как только".
const CONDITION_LEAD = regex(
  'iu',
  String.raw`^(?:if|once|when|as soon as|after|provided(?: that)?|sobald|wenn|falls|nachdem|dès que|quand|lorsque|une fois que|si|`,
  String.raw`cuando|una vez que|en cuanto|tan pronto como|assim que|depois que|quando|appena|una volta che|se|zodra|als|wanneer|`,
  String.raw`gdy|kiedy|jak tylko|как только|когда|после того как|если|när|så fort|så snart|ifall|om|når|hvis|straks)\s+`,
);
/** The text without the full stops and marks that end it (by a scan back: a pattern anchored at
 * the end would try every run of them). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s.!。]/u.test(text[end - 1]!)) end--;
  return text.slice(0, end).trim();
}

/** The condition clause next to `phrase` in its sentence ("if the soak is clean, production next"):
 * the clause without its lead, where one is there. */
function gateClauseBeside(text: string, phrase: string): string | undefined {
  const sentence = text.split(/\n+|(?<=[!?。])\s*|(?<=[\p{L})"'])\.\s+/u).find((s) => s.includes(phrase));
  if (!sentence) return undefined;
  const parts = sentence.split(/[,;]\s+/).map((p) => p.trim());
  const at = parts.findIndex((p) => p.includes(phrase) || phrase.includes(p));
  for (const p of [parts[at - 1], parts[at + 1]]) {
    const lead = p ? CONDITION_LEAD.exec(p) : null;
    if (p && lead && !/[?？]\s*$/u.test(p)) return trimEnd(p.slice(lead[0].length)) || undefined;
  }
  return undefined;
}

/** The hold's sentence sets its follow on someone's yes (CONSENT), in the hold's clause or beside it
 * ("Prod after the 15th, if the board gives the go"). */
function consentBeside(text: string, phrase: string): boolean {
  const sentence = text.split(/\n+|(?<=[!?。])\s*|(?<=[\p{L})"'])\.\s+/u).find((s) => s.includes(phrase)) ?? phrase;
  return CONSENT.test(sentence);
}

/** Clauses: a sentence, a line, or a part of one set off by a comma, semicolon or dash. */
const clauses = (text: string) =>
  text
    .split(/\n+|(?<=[!?])\s+|(?<=[\p{L})"'])\.\s+|[,;]\s+|(?<!\s)\s+[—–-]{1,2}\s+|(?<=[。！？])\s*/iu)
    .map((c) => c.trim())
    .filter(Boolean);

// A clause whose subject is a pronoun, after a connective: "so it keeps", "and they stay", "daher bleibt es".
const PRONOUN_LEAD =
  /^(?:(?:so|and|but|hence|thus|therefore|which is why|that'?s why|daher|deshalb|also|donc|alors|dus|daarom)\s+(?:that\s+)?)?(?:it|they|es|sie|er|il|elle|hij|ze)(?![\p{L}'’])/iu;
// A clause with no subject at all, its verb first after the comma: "prd-us conflicted with another change, will
// follow in a separate PR", "Prod hatte einen Konflikt, wird nachgezogen", "la prod a un conflit, suivra
// demain", "prod tuvo un conflicto, seguirá mañana", "prod had een conflict, volgt later". The environment
// the clause before spoke of is its subject, as it is a pronoun's.
const ELIDED_LEAD =
  /^(?:(?:and|but|und|aber|et|mais|y|pero|en|maar)\s+)?(?:will|shall|is to|are to|needs to|has to|wird|werden|folgt|suivra|suivront|seguirá|seguirán|volgt|zal)(?![\p{L}'’])/iu;

// A gate's lead in English that FOLLOWS does not read as one: "not before", "not until", "never before"
// (the negation is the gate's: "prod not before the freeze ends" waits for it).
const NOT_BEFORE = /(?<![\p{L}])(?:not|never|no)\s+(?:(?:any|sooner|earlier)\s+(?:than\s+)?)?(?:before|until|till|prior to)(?![\p{L}])/iu;
/** The words that make a clause about another environment wait for a gate, in English ("not before")
 * or a language read ("erst wenn", "dopiero gdy", "pas avant"); `negates` when a negation is part of them. */
function gateLeadIn(clause: string, whole: string): { phrase: string; index: number; negates: boolean } | undefined {
  const en = NOT_BEFORE.exec(clause);
  if (en) return { phrase: en[0], index: en.index, negates: true };
  const f = foreignFamily(clause, 'gate', whole);
  return f ? { phrase: f.phrase, index: f.index, negates: NEGATED_WORD.test(f.phrase) || /(?<![\p{L}])(?:pas|не)(?![\p{L}])/iu.test(f.phrase) } : undefined;
}

const RETURN_WORD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:back|revert\p{L}*|undo|restore\p{L}*|zurück\p{L}*|terug\p{L}*|tillbaka|återställ\p{L}*|tilbage|tilbake|`,
  String.raw`volt(?:a|ar|amos)|retour|revenir|rétablir|volver|tornare|ripristin\p{L}*)(?![\p{L}])`,
);
const writtenInRead = (text: string) => {
  const found = languageOf(text);
  return !!found && found.read && found.language !== 'en';
};
const ALSO = /(?<![\p{L}])(?:too|as well|also|auch|ebenfalls|ook|también|aussi|também|anche|också|även|også|też)(?![\p{L}])/iu;
const REQUEST = /(?<![\p{L}])(?:(?:can|could|shall|may) (?:we|you|i)|please|let'?s)(?![\p{L}])/iu;

/** Whether the test a text names sits in a clause about another environment and not this one ("both
 * envs: qa must reproduce the promo timing for the acceptance tests", written for a change made in
 * prod too): the test is why that environment needs the value, not a scope that keeps this change
 * to a test, as a time limit in such a clause is that environment's wait. */
function testOfAnother(text: string, phrase: string, env: EnvName, environments: readonly EnvName[]): boolean {
  // The sentence, not the clause: "staging needs it too, for the e2e suite" is said of staging.
  const sentence = text.split(/\n+|(?<=[!?])\s+|(?<=[\p{L})"'])\.\s+|;\s+/u).find((c) => c.includes(phrase));
  if (!sentence || nameIn(sentence, env)) return false;
  // "Staging keeps it on so we can reproduce": a test the other environment keeps its own value for
  // is why the environments differ, the change's scope still.
  // ("staging only, for the load test": a test scoped to the other environment is the difference's own reason.)
  if (saidMatch(KEEPS, sentence) || foreignStays(sentence, text) || ONLY_WORD.test(sentence)) return false;
  return environments.some((e) => e !== env && !!nameIn(sentence, e));
}

/** The clauses that speak of another environment keeping its value or following later, and
 * the text without them. */
function readHold(whole: string, env: EnvName, environments: EnvName[], written: string): { hold?: Hold; rest: string } {
  // ("then back to production's value": production is where the value comes from, not who follows.)
  const text = withoutValueSources(whole);
  const others = environments.filter((e) => e !== env);
  const kept: string[] = [];
  let hold: Hold | undefined;
  let holdClause = -1;
  // The other environment the last clause was about, for a pronoun after it.
  let subject: EnvName[] = [];
  const all = clauses(text);
  for (const [i, clause] of all.entries()) {
    // The gate's own date in brackets right after it, as a wrapped line may put it: "production
    // after the change freeze\n(ends 2026-11-30)", "prod nach dem Freeze (bis 30.11.)".
    if (hold && !hold.until && holdClause === i - 1 && GATE_DATED.test(clause)) {
      const date = readDeadline(clause, written).date;
      if (date) {
        const { event: _dated, ...rest } = hold;
        hold = { ...rest, until: date, follows: !negatedClause(hold.phrase) };
        continue;
      }
    }
    // "Does production go in the Tuesday window?": a next step asked about is not said; a request
    // put as a question is ("can we keep prod at 30 till Monday?").
    const asked = /[?？]\s*$/u.test(clause) && !REQUEST.test(clause);
    const own = mentions(clause, env);
    let named = asked ? [] : others.filter((e) => mentions(clause, e));
    // A clause's subject carries over to the pronoun of the next: "Staging is single-zone, so it keeps
    // ScheduleAnyway" keeps staging's value, as "Staging keeps ScheduleAnyway" does.
    const lead = PRONOUN_LEAD.test(clause) || ELIDED_LEAD.test(clause);
    if (!asked && !own && named.length === 0 && subject.length === 1 && lead) named = subject;
    subject = own ? [] : named.length > 0 ? named : lead ? subject : [];
    // A clause naming no other environment, or this one, holds nothing back: it stays this change's
    // own (read first: the rest is read only of a clause about another environment).
    if (named.length === 0 || own) {
      kept.push(clause);
      continue;
    }
    // "Bleibt Prod bei 20?", "whether prod stays": a keep asked about is not said.
    // "staging stays at 10s until further notice", "Prod bis auf Weiteres auf 20": kept with no end, and
    // the open end is no event it waits for (open-end.ts).
    const open = asked ? undefined : openEndIn(clause);
    const heard = open ? withoutOpenEnds(clause) : clause;
    const keeps = saidMatch(KEEPS, heard) ?? foreignStays(heard, text) ?? open;
    // A gate in its lead's words, in English or a language read: "only once QA signs off", "not before
    // the freeze ends", "erst wenn", "dopiero gdy", "solo cuando", "pas avant". Its negation is its own.
    // ("是否上生产，等评审后再定": an environment named in a question waits for nothing said.)
    const gateLead =
      keeps ||
      named.some((e) => {
        const at = nameIn(heard, e);
        return !at || doubtIn(heard, at.index, at[0].length) === 'asked';
      })
        ? undefined
        : gateLeadIn(heard, text);
    // "wenn der Lasttest grün ist, auch in Prod", "if the load test is green, prod too": an environment
    // said to take it as well, with a condition beside it in its sentence, follows once it is met.
    const also = !keeps && !negatedClause(heard) ? ALSO.exec(heard)?.[0] : undefined;
    const follows =
      FOLLOWS.exec(heard)?.[0] ??
      gateLead?.phrase ??
      (also && gateClauseBeside(text, heard) ? also : undefined) ??
      // "recette dans un second temps", "Prod später", "prod más tarde": its step put off, in a language read.
      (keeps ? undefined : named.map((e) => foreignThen(heard, `${envPattern(e)}|${foreignNames(e).join('|') || '(?!)'}`)).find(Boolean));
    // A time clause belongs to the environment it names: "production via the A/B framework until
    // the test concludes", "prod bis Ende KW 50 noch auf 2", "producción hasta el 15/11" bound that
    // environment's wait, not this change's own value — with or without a verb of keeping.
    // ("the pilot is acc-only until the DPIA is approved" is a scope, whose end is not acc's wait.)
    const timed =
      !keeps &&
      !follows &&
      (WAIT_WORD.test(tillIsTo(text) ? heard.replace(/(?<![\p{L}])til(?:l)?(?![\p{L}])/giu, '') : heard) || !!waitedEvent(heard)) &&
      !ONLY_WORD.test(heard);
    // "Prod bis Ende Q4 umstellen", "switch production by 2026-12-15": a step due by a date.
    const due = !keeps ? dueIn(heard, written) : undefined;
    if (!keeps && !follows && !timed && !due) {
      kept.push(clause);
      continue;
    }
    const read = readDeadline(heard, written);
    // Never a date the gate was written after ("prod after the review of 2026-05-02" says when the
    // review was, not when production follows): gates.ts's rule, read the same way here.
    const gate = read.date && read.date <= written.slice(0, 10) ? { ...read, date: undefined } : read;
    // "not before the freeze ends", "nie przed 15.12.": the negation is the gate's, not the step's.
    const negated = negatedClause(gateLead?.negates ? heard.slice(0, gateLead.index) + heard.slice(gateLead.index + gateLead.phrase.length) : heard);
    // A gate read in its lead's words waits for what follows them ("dopiero gdy wszyscy partnerzy podpisują").
    // … and a wait word with no date waits for what it names ("in Prod bis zur Abschaltung", "w prod do dnia wygaszenia").
    // (A keep verb beside it, "Prod bleibt bis …", is read as the keep it says.)
    const event =
      gate.event ??
      (gateLead && !gate.date ? trimEnd(heard.slice(gateLead.index + gateLead.phrase.length)) || undefined : undefined) ??
      (gate.date || keeps ? undefined : waitedEvent(heard));
    const next: Hold = due
      ? { envs: named, phrase: clause, follows: !negated, due, until: due }
      : {
          envs: named,
          phrase: clause,
          follows: !negated && (!!follows || !!gate.date || !!event),
          ...(gate.date ? { until: gate.date } : {}),
          ...(event && !gate.date ? { event } : {}),
        };
    // The first clause decides; a later one may add the gate's date ("prod after the freeze",
    // "(ends 12.10.)").
    if (!hold) {
      hold = next;
      holdClause = i;
    } else if (!hold.until && next.until && next.envs.some((e) => hold!.envs.includes(e)))
      hold = { ...hold, until: next.until, follows: hold.follows || next.follows };
  }
  // A gate without a date in its own clause takes the one its whole sentence gives, however the
  // lines are wrapped ("production after the change freeze,\nwhich ends on 30 November"): gates.ts
  // dates a gate, here as for the verdict's later readers — one reader, never a date the gate was
  // written after.
  // The condition beside the step in its sentence is its gate ("if the soak is clean, production
  // next", "Prod bis Ende Q4 umstellen, sobald die Buchhaltung … geprüft hat"): a due date with a
  // gate is when the step is due at the latest once the gate is met, not a wait until that date.
  if (hold?.follows && !hold.event) {
    const gate = gateClauseBeside(text, hold.phrase);
    if (gate) {
      hold = { ...hold, event: gate };
      if (hold.due) delete hold.until;
    }
  }
  if (hold?.follows && !hold.until && !hold.due) {
    const dated = gateFor(text, hold.envs[0]!, environments, written)?.date;
    if (dated) {
      const { event: _event, ...rest } = hold;
      hold = { ...rest, until: dated };
    }
  }
  if (hold?.follows) {
    // A condition with a duration ("si la latence reste stable pendant une semaine") is the check the
    // step waits for; the date its span gives is only the earliest the check can be met.
    const check = checkIn(text) ?? conditionWithSpan(hold.phrase);
    if (check) hold.check = check;
    if (check && DECISION_PENDING.test(hold.phrase)) hold.decides = true;
    // A person who decides afterwards ("then Sanne decides whether it goes to prod", "daarna beslist
    // Sanne of …", "danach entscheidet das Produkt, ob …"): the step waits for a decision, not a check.
    else if (!check && (DECIDES.test(hold.phrase) || DECIDES_ABOUT.test(hold.phrase) || consentBeside(text, hold.phrase))) hold.decides = true;
  }
  return { ...(hold ? { hold } : {}), rest: kept.join('\n') };
}

/** Where the clause names the environment (in English or a language read), if it does. */
const namedAt = new Map<EnvName, RegExp>();
const CJK_NAME = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
function nameIn(clause: string, env: EnvName): RegExpExecArray | undefined {
  let re = namedAt.get(env);
  if (!re) {
    // (Where words run together, a name has no bounds: "本番は".)
    const foreign = foreignNames(env).map((n) => (CJK_NAME.test(n) ? n : `(?<![\\p{L}\\p{N}])(?:${n})(?![\\p{L}\\p{N}])`));
    namedAt.set(env, (re = new RegExp([`(?<![A-Za-z0-9])(?:${envPattern(env)})(?![A-Za-z0-9])`, ...foreign].join('|'), 'iu')));
  }
  return re.exec(clause) ?? undefined;
}

/** Does a sentence of the text that names `env` defer a decision about it ("decision for production after
 * the evaluation", "we decide on prod once the results are in", "Prod-Entscheidung nach Auswertung")? */
export function defersDecisionFor(text: string, env: EnvName): string | undefined {
  for (const sentence of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    if (DECISION_PENDING.test(sentence) && nameIn(sentence, env)) return sentence.trim();
  }
  return undefined;
}

// A decision someone is to take, with who takes it: the verb of deciding (not its past, "decided",
// which reports it taken) and the "whether" it leaves open. German and Dutch name the one who decides
// after the verb ("danach entscheidet das Produktteam, ob", "daarna beslist het productteam of"),
// most languages before it ("product decides whether", "ensuite l'équipe produit décidera si",
// "luego producto decide si", "potem zespół produktu zdecyduje, czy").
const DECIDER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decides|decide|will decide|is to decide|gets to decide|makes the call (?:on )?|beslist|beslissen|besluit|entscheidet|entscheiden|`,
  String.raw`décide|décidera|décideront|decidirá|decidirán|decide|deciderà|decideranno|zdecyduje|zdecydują|rozstrzygnie)`,
  // (A ticket may stand between: "the cache team decides in CACHE-14 whether".)
  String.raw`((?:[ ,][\p{L}\p{N}'’-]+){0,4}?),? (?:whether|if|ob|of|si|se|czy)(?![\p{L}])`,
);
// Words that join the decision to what came before it, not who decides ("after that, product decides").
const DECISION_LEAD = regex(
  'iu',
  String.raw`^(?:(?:and|then|afterwards|after that|after this|next|und|dann|danach|anschließend|et|puis|ensuite|après|après ça|`,
  String.raw`en|dan|daarna|daarop|y|luego|después|e|poi|dopo|quindi|i|potem|następnie|finally|later|später|plus tard|later)[ ,]+)+`,
);
// … nor the words that end the clause before the verb ("product will decide", "QA then decides"): taken
// off word by word, not by a pattern anchored at the end (which would try every start).
const DECISION_TAIL = new Set([
  'will',
  'shall',
  'is',
  'gets',
  'needs',
  'need',
  'has',
  'have',
  'must',
  'should',
  'can',
  'to',
  'then',
  'later',
  'danach',
  'dann',
  'daarna',
  'ensuite',
]);
function withoutTail(words: string): string {
  const parts = words.split(' ');
  while (parts.length > 0 && DECISION_TAIL.has(parts.at(-1)!.replace(/,$/, '').toLowerCase())) parts.pop();
  return parts.join(' ').replace(/,$/, '');
}

/** A sentence of `text` that leaves the next step to someone's decision ("after that, product decides
 * whether it ships to prod", "Danach entscheidet das Produktteam, ob es in Prod geht", "ensuite
 * l'équipe produit décidera si on l'active en prod", "daarna beslist het productteam of het naar prod
 * gaat"), and who decides, as written: a decision still open, owned by them. Only a sentence that names
 * `env`, or names no environment of `environments` at all (the step after this one); not a question. */
export function decisionLeftTo(text: string, env: EnvName, environments: readonly EnvName[]): { sentence: string; owner: string } | undefined {
  for (const raw of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    const sentence = raw.trim();
    if (!sentence || /\?$/.test(sentence)) continue;
    const m = DECIDER.exec(sentence);
    if (!m) continue;
    if (!nameIn(sentence, env) && environments.some((e) => nameIn(sentence, e))) continue;
    const clean = (words: string) => withoutTail(words.replace(DECISION_LEAD, '').trim().replace(/\s+/g, ' ')).trim();
    // The one named after the verb (German, Dutch word order), else the words before it in its clause.
    // ("We'll decide after the retro whether": in English what stands between is not who.)
    const after = /^(?:entscheid|beslis|beslu)/iu.test(m[0]) ? clean(m[1]!.replace(/^[ ,]+/, '')) : '';
    const before = clean(
      sentence
        .slice(0, m.index)
        .split(/[,;:—–(]|\s-\s/)
        .pop()!
        .replace(/['’]ll\s*$/u, '')
        .trim(),
    );
    const owner = after || (before && before.split(/\s+/).length <= 4 ? before : '');
    // An imperative with nobody named ("Decide if the lag improves") is a note to self, not a hold.
    if (owner) return { sentence, owner };
  }
  return undefined;
}

// A return that waits for a decision someone is still to take: "re-apply in prod only after the DBA
// review (DBA-301) decides how", "wieder in Prod erst, wenn das DBA-Review entschieden hat", "pas weer
// naar prod nadat de DBA-review heeft besloten hoe", "de vuelta a prod cuando la revisión decida cómo",
// "本番への再適用は DBA レビュー (DBA-301) で方法を決めてから". A waiting word, then (within the
// clause) the verb of deciding; Japanese puts the verb first and the wait after it (決めてから, 決まるまで).
const WAIT_THEN_DECIDE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:after|once|until|till|when|erst wenn|wenn|sobald|nachdem|bis|après que|quand|lorsque|une fois que|cuando|hasta que|`,
  String.raw`nadat|zodra|wanneer|totdat|gdy|kiedy|dopiero gdy|po tym,? jak)(?![\p{L}])([^.;!?\n]{1,80}?)(?<![\p{L}])`,
  String.raw`(?:decides|decide|decided|settles|settled|entscheidet|entschieden|décide|décidé|décidera|decida|decidido|beslist|besloten|zdecyduje|zdecyduj\p{L}*)(?![\p{L}])`,
);
const DECIDE_THEN_WAIT =
  /(?:決めて|決まって|決定して|決定され|判断して|判断され)(?:から|以降)|(?:決まる|決める|決定する|判断する)まで|(?:決定|判断)(?:後|次第)/u;

/** A sentence of `text` that names `env` and makes its return wait for a decision not yet taken,
 * and who takes it as written: the cited review with the words naming it ("DBA review (DBA-301)"),
 * else the words between the waiting word and the verb ("the platform board"). */
export function returnAwaitsDecision(text: string, env: EnvName): { sentence: string; owner: string | undefined } | undefined {
  for (const raw of text.split(sentenceEnds(/(?<=[.!?;])\s+|(?<=。)|\n+/))) {
    const sentence = raw.trim();
    if (!sentence || /[?？]$/u.test(sentence) || !nameIn(sentence, env)) continue;
    const m = WAIT_THEN_DECIDE.exec(sentence);
    if (!m && !DECIDE_THEN_WAIT.test(sentence)) continue;
    const ticket = ticketsIn(sentence)[0];
    const at = ticket ? sentence.toUpperCase().indexOf(ticket) : -1;
    const named =
      at >= 0
        ? sentence
            .slice(0, at)
            .split(/\s+/)
            .filter((w) => /[\p{L}\p{N}]/u.test(w) && !/[はをにがへ、]$/u.test(w))
            .slice(-2)
            .join(' ')
        : '';
    const between = m ? m[1]!.trim().split(/\s+/) : [];
    const owner = ticket ? `${named ? `${named} ` : ''}(${ticket})` : between.length > 0 && between.length <= 5 ? between.join(' ') : undefined;
    return { sentence, owner };
  }
  return undefined;
}

/** Does a clause that names `env` send the change there now? Naming an environment is not sending
 * the value to it: what the clause says of it decides. Not when it asks ("Does prod need it too?",
 * "ob Prod das auch braucht", "Apakah production juga perlu?"), negates ("not for prod", "prod must
 * not get this", "nicht für Prod"), says the environment keeps its own value ("prod stays on 4",
 * "En dev on garde les comptes locaux", "本番は 2 台のまま", "ne pas aligner"), or is written in a
 * language not read here (a text nobody read sends nothing anywhere). `whole` is the text the clause
 * stands in (its language). A condition for later ("prod after the freeze") is the caller's to read. */
export function clauseSendsTo(clause: string, env: EnvName, whole = clause): boolean {
  const named = nameIn(clause, env);
  if (!named) return false;
  const language = languageOf(whole);
  if (language?.read === false || languageOf(clause)?.read === false) return false;
  if (/[?？]/u.test(clause) || doubtIn(clause, named.index, named[0].length)) return false;
  if (negatedClause(clause)) return false;
  return !KEEPS.test(clause) && !foreignStays(clause, whole);
}

// A clause that says the value goes to an environment as well, in so many words: "it must go to
// prod too", "ship it to production as well", "needs to be rolled out to prod", "prod needs it too",
// "also for production", "muss auch nach Prod", "también a producción", "aussi en prod". The
// environment's word is captured (the caller checks it is the one meant).
const GOES_TOO = [
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:must|should|has to|have to|needs? to|is to|shall)\s+(?:also\s+)?(?:go|ship|land|follow|get (?:it|this)|`,
    String.raw`be (?:promoted|rolled out|applied|deployed|shipped|set))(?:\s+(?:it|this))?\s+(?:(?:to|into|in|on|for)\s+)?(?:the\s+)?(\p{L}[\p{L}-]*)(?![\p{L}-])`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:go(?:es)?|ship|promote|apply|deploy|roll (?:it |this )?out|take (?:it|this))(?:\s+(?:it|this))?\s+(?:to|into|in|on|for)\s+`,
    String.raw`(?:the\s+)?(\p{L}[\p{L}-]*)(?![\p{L}-])(?=[^.;\n]{0,40}?(?<![\p{L}])(?:too|as well|also)(?![\p{L}]))`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}\d-])(\p{L}[\p{L}-]*)(?![\p{L}-])\s+(?:needs?|must have|should have|has to have|gets?|wants?)\s+(?:it|this|the (?:fix|change|same))\s+(?:too|as well)(?![\p{L}])`,
  ),
  regex('iu', String.raw`(?<![\p{L}])(?:also|too|as well)\s+(?:for|in|on|to|into)\s+(?:the\s+)?(\p{L}[\p{L}-]*)(?![\p{L}-])`),
  // The environment is to hold the same value as the one changed: "staging must carry the same
  // timeout", "staging should run the same pool size", "Staging muss denselben Timeout bekommen",
  // "staging moet dezelfde waarde krijgen", "la préprod doit avoir la même valeur", "staging debe
  // tener el mismo límite". Only a value's word after "same" (not "the same problem").
  regex(
    'iu',
    String.raw`(?<![\p{L}\d-])(\p{L}[\p{L}-]*)\s+(?:must|should|has to|needs to|ought to|muss|soll|sollte|moet|doit|devrait|debe|debería|tiene que)\s+`,
    String.raw`(?:also |too |auch |ook |aussi |también )?(?:(?:carry|have|get|run|use|take|avoir|utiliser|porter|tener|usar|llevar) )?`,
    String.raw`(?:the same|denselben|dieselbe|dasselbe|den gleichen|die gleiche|das gleiche|dezelfde|hetzelfde|la même|le même|el mismo|la misma)\s+`,
    String.raw`(?:[\p{L}-]+ )?(?:values?|settings?|timeouts?|limits?|sizes?|numbers?|counts?|versions?|config\p{L}*|flags?|intervals?|thresholds?|`,
    String.raw`Wert|Einstellung|Timeout|Grenze|waarde|instelling|valeur|réglage|limite|valor|límite|configuración)(?![\p{L}])`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:(?:muss|soll) (?:auch|ebenfalls) (?:nach|in|auf)|también (?:a|en|para)|aussi (?:en|pour|sur)|également (?:en|pour|sur)|`,
    String.raw`também (?:em|para|na|no)|anche (?:in|per|su)|ook (?:naar|in|op|voor)|(?:też|również) (?:na|w|do))\s+(?:la |el |le |die |het |a |o )?(\p{L}[\p{L}-]*)(?![\p{L}-])`,
  ),
  // The environment named as where the change matters: "production is where it hurts", "the bug is in prod",
  // "Prod ist, wo es weh tut", "en producción es donde duele", "c'est en prod que ça fait mal", "è in produzione che fa male".
  regex(
    'iu',
    String.raw`(?<![\p{L}\d-])(\p{L}[\p{L}-]*)(?![\p{L}-])\s+(?:is|was)\s+where\s+(?:it|this|the (?:bug|problem|issue|pain|damage|error))\s+`,
    String.raw`(?:really\s+)?(?:hurts|matters|bites|happens|counts|is felt|shows)(?![\p{L}])`,
  ),
  regex('iu', String.raw`(?<![\p{L}])the (?:real )?(?:problem|issue|bug|pain|damage) is (?:in|on) (?:the\s+)?(\p{L}[\p{L}-]*)(?![\p{L}-])`),
  // A reviewer's request to take the environment too: "pls do prod too in a follow-up", "please
  // take production as well", "fix prod too", "bitte Prod auch nachziehen", "fais la prod aussi",
  // "haz prod también". A question ("can you do prod too?") stays asked (clauseSendsTo).
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:do|take|fix|handle|cover|update|change|patch)\s+(?:the\s+)?(\p{L}[\p{L}-]*)(?![\p{L}-])\s+(?:too|as well|also)(?![\p{L}])`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}\d-])(\p{L}[\p{L}-]*)\s+(?:bitte\s+)?(?:auch|ebenfalls)\s+(?:nachziehen|anpassen|umstellen|mitnehmen|machen|fixen)(?![\p{L}])|`,
    String.raw`(?<![\p{L}])(?:fais|faites|fai|haz|haced|doe|neem)\s+(?:la |el |het |de )?(\p{L}[\p{L}-]*)\s+(?:aussi|también|anche|ook)(?![\p{L}])`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}\d-])(\p{L}[\p{L}-]*),?\s+(?:ist|is),?\s+wo\s+es\s+(?:weh ?tut|brennt|zählt)|(?<![\p{L}])(?:en|in|em|na|op)\s+(?:la\s+)?(\p{L}[\p{L}-]*)\s+`,
    String.raw`(?:es donde (?:duele|importa)|que (?:ça|cela) (?:fait mal|compte)|(?:é )?que dói|che fa male|doet het pijn)`,
  ),
  // Scripts written without spaces: the environment, "too" (も, 也, 도) and a need or an application
  // of the change: "本番にも同じ修正が必要", "本番環境にもこの修正を適用", "生产环境也需要同样的修复",
  // "운영 환경에도 같은 수정이 필요합니다". "不要" is no need; a question mark is asked (clauseSendsTo).
  regex('u', String.raw`([\p{sc=Han}\p{sc=Katakana}A-Za-z]{1,8}?)(?:環境)?(?:に|で)?も[^。．.!?？\n]{0,16}?(?<!不)(?:必要|適用|反映)`),
  regex('u', String.raw`([\p{sc=Han}A-Za-z]{1,8}?)也(?:需要|要|得|应该|應該)(?!吗|嗎)`),
  regex('u', String.raw`([\p{sc=Hangul}A-Za-z]{1,8}?)(?:\s?환경)?(?:에도|도)\s[^.?？\n]{0,16}?(?:필요|적용)`),
];
// A trouble a change fixes, named as one (its plural too): "502 spikes", "lock timeouts", "Fehler",
// "erreurs", "errores".
const TROUBLE = sourceOf(
  String.raw`(?:problems?|issues?|bugs?|errors?|faults?|failures?|timeouts?|time-outs?|spikes?|outages?|crash(?:es|loops?)?|`,
  String.raw`5\d\ds?|5xx|OOMs?|OOMKills?|leaks?|deadlocks?|latency|alerts?|symptoms?|incidents?|`,
  String.raw`Fehler|Probleme?|Ausfälle|erreurs?|problèmes?|pannes?|errores?|problemas?|fallos?|caídas)(?![\p{L}\d])`,
);
// The environment has the same trouble the change fixes: "prod has exactly the same 502 spikes",
// "we see the same timeouts in production", "Prod hat dieselben Fehler", "mêmes erreurs en prod",
// "los mismos errores en producción". A fix for a fault both have is meant for both.
// Read apart from GOES_TOO: a reason the value belongs there, not a word sending it, so never explicit.
const SAME_TROUBLE = [
  regex(
    'iu',
    String.raw`(?<![\p{L}\d-])(\p{L}[\p{L}-]*)\s+(?:has|have|had|sees|saw|is seeing|hits|hit|shows|gets|got|suffers from)\s+(?:exactly\s+|precisely\s+)?(?:the\s+)?(?:very\s+)?`,
    String.raw`(?:same|identical)\s+(?:[\w-]+\s+){0,3}?${TROUBLE}`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:the\s+)?(?:same|identical|gleichen|selben|dieselben|denselben|mêmes?|mismos|mismas|mismo|misma)\s+(?:[\w-]+\s+){0,3}?${TROUBLE}`,
    String.raw`\s+(?:in|on|en|auf|im|bei)\s+(?:the\s+|la\s+|der\s+)?(\p{L}[\p{L}-]*)(?![\p{L}-])`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}\d-])(\p{L}[\p{L}-]*)\s+(?:hat|a|tiene)\s+(?:genau\s+|exactement\s+|exactamente\s+)?(?:die|das|den|les|los|las|el|la)?\s?`,
    String.raw`(?:gleichen|selben|dieselben|denselben|mêmes|mismos|mismas|mismo|misma)\s+(?:[\w-]+\s+){0,3}?${TROUBLE}`,
  ),
];
const PART_END = /\s[-—–]{1,2}\s|[,;:]\s/g;
// Someone else's word quoted: "Someone proposed it must go to prod too", "Ben asked whether …".
const PROPOSED =
  /(?<![\p{L}])(?:proposed|proposes|suggested|suggests|asked|asks|wondered|claims?|claimed|thinks?|thought|argued|argues|wants? to know)(?![\p{L}])/iu;
const AFTER_GO =
  /^[^.;\n]{0,60}?(?<![\p{L}])(?:once|after|when|until|till|if|unless|pending|as soon as|sobald|wenn|nach dem|cuando|después|quand|après)(?![\p{L}])/iu;

/** The clause of the text that says the value goes to `env` too, in so many words ("it must go
 * to prod too", "prod needs it too", "also for production"), not asked, negated, kept back or
 * waiting for a condition ("must go to prod too once QA signs off" is a gate). Naming the
 * environment is not enough: `clauseSendsTo` says only that nothing holds it back. */
export function goesTo(text: string, env: EnvName): string | undefined {
  return clauseOf(text, env, GOES_TOO);
}

/** The clause of the text that says `env` has the same trouble the change fixes ("prod has exactly the
 * same 502 spikes", "dieselben Fehler in Prod"), not asked, negated, kept back or waiting for a
 * condition: a reason the fix belongs there too, weaker than a word sending it. */
export function sameTroubleIn(text: string, env: EnvName): string | undefined {
  return clauseOf(text, env, SAME_TROUBLE);
}

function clauseOf(text: string, env: EnvName, patterns: readonly RegExp[]): string | undefined {
  for (const clause of mendedText(text).split(/\n+|(?<=[.!?;])\s+/)) {
    for (const re of patterns) {
      const m = re.exec(clause);
      const named = m?.slice(1).find((g) => g !== undefined);
      if (!m || !named || !mentions(named, env)) continue;
      // The part of the sentence the go stands in: "not a staging experiment - it must go to prod
      // too" negates the experiment, not the go.
      const before = clause.slice(0, m.index);
      const starts = [...before.matchAll(PART_END)].at(-1);
      const rest = clause.slice(m.index + m[0].length);
      const endAt = rest.search(PART_END);
      const part = clause.slice(starts ? starts.index + starts[0].length : 0, m.index + m[0].length + (endAt < 0 ? rest.length : endAt));
      if (!clauseSendsTo(part, env, text) || PROPOSED.test(before)) continue;
      if (AFTER_GO.test(rest) || doubtIn(clause, m.index, m[0].length)) continue;
      return clause.trim();
    }
  }
  return undefined;
}

// A step of the change per environment, as a list in its message: "* stg: 7 -> 35", "- prod: 7 → 35",
// "prod: from 7 to 35", "prod 7=>35", "staging: 35 (was 7)". The line names one environment before its
// values; what it sets is the value after the arrow (or before "(was …)").
const STEP = regex(
  'u',
  String.raw`^[ \t]*(?:(?:[-*+•]|#{1,3}|//)[ \t]+)?(?:\*\*)?([\p{L}][\p{L}\p{N}_-]{0,30})(?:\*\*)?[ \t]*(?::|=|\||—|–)?[ \t]*`,
  String.raw`(?:(?:from|von|de|desde|da|van|z|с|od)[ \t]+([^\s]{1,40})[ \t]+(?:to|auf|nach|a|à|para|naar|na|до|на|do)|(?:([^\s:>→=-]{1,40})[ \t]*)?(?:->|=>|→|⟶))`,
  String.raw`[ \t]*([^\s,;()]{1,40})`,
);
const STEP_WAS = regex(
  'u',
  String.raw`^[ \t]*(?:(?:[-*+•]|#{1,3}|//)[ \t]+)?([\p{L}][\p{L}\p{N}_-]{0,30})[ \t]*:[ \t]*([^\s,;()]{1,40})[ \t]*\((?:was|war|era|était|era|bylo|было)[ \t]+([^\s)]{1,40})\)`,
);

// A step written as the setting it leaves, "* qa: delivery.timeoutMs 15000", "- prod: `LOG_LEVEL=warn`",
// "**staging** — cache.ttl: 300": the environment, then a name written as configuration names keys (a dot,
// an underscore or a capital inside), then its value, and nothing after it.
const STEP_SET = regex(
  'u',
  String.raw`^[ \t]*(?:(?:[-*+•]|#{1,3}|//)[ \t]+)?(?:\*\*)?([\p{L}][\p{L}\p{N}_-]{0,30})(?:\*\*)?[ \t]*(?::|\||—|–)[ \t]*`,
  String.raw`[\x60"']?([\p{L}_][\p{L}\p{N}_.\-\[\]]{1,80})(?:[ \t]*([=:])|[ \t])[ \t]*[\x60"']?([^\s,;()\x60"']{1,40})[\x60"']?[ \t]*(?:[.;][ \t]*)?$`,
);
// A name written as a key: "delivery.timeoutMs", "LOG_LEVEL", "maxRetries" — not a word of prose.
const KEY_LIKE = /[._]|\p{Ll}\p{Lu}/u;
// What a step's value is when no "=" or ":" sets it: a number, a size or a duration, or a switch.
const BARE_VALUE = /\d|^(?:true|false|on|off|yes|no|enabled|disabled)$/iu;

/** The per-environment steps a change's message lists, one a line ("* stg: 7 -> 35", "* prod: 7 -> 35"):
 * what the change meant to do in each environment it names, so a step the diff did not make shows. */
export function stepsIn(text: string, environments: readonly EnvName[]): Array<{ env: EnvName; from?: string; to: string; line: string }> {
  const out: Array<{ env: EnvName; from?: string; to: string; line: string }> = [];
  for (const line of text.split('\n')) {
    if (line.length > 300) continue;
    const m = STEP.exec(line);
    const was = m ? undefined : STEP_WAS.exec(line);
    const set = m || was ? undefined : STEP_SET.exec(line);
    if (set && (!KEY_LIKE.test(set[2]!) || (!set[3] && !BARE_VALUE.test(set[4]!)))) continue;
    const name = m?.[1] ?? was?.[1] ?? set?.[1];
    if (!name) continue;
    const env = environments.find((e) => mentions(name, e) && name.length <= e.length + 12);
    if (!env) continue;
    const to = (m ? m[4]! : was ? was[2]! : set![4]!).replace(/[.)]{1,4}$/u, '');
    const from = m ? (m[2] ?? m[3]) : was?.[3];
    out.push({ env, ...(from ? { from } : {}), to, line: line.trim() });
  }
  return out;
}

// A removal planned for after an event or a day, in every language read: "delete after the release", "to be
// removed after 1 Dec", "remove it once the e2e suite is migrated", "nach dem Release löschen", "eliminar
// después del release", "à supprimer après la mise en prod", "remover após o release", "rimuovere dopo il
// rilascio", "na de release verwijderen", "usunąć po wydaniu", "удалить после релиза", "sürümden sonra sil",
// "12月1日のリリース後に削除", "发布后删除", "릴리스 후 삭제". Only a removal with no object but the change
// itself ("it", "this", "again", a passive): "remove the old key after the release" is another key's.
const EVENT = String.raw`((?:the|our|this|next|der|die|das|dem|den|el|la|le|les|l['’]|o|a|il|lo|de|het)?[ \t]?[\p{L}\p{N}][\p{L}\p{N}.'’ -]{1,40}?)`;
const REMOVAL = [
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:(?:to be|will be|can be|should be|must be|gets?|is|are)[ \t]+(?:removed|deleted|dropped|reverted|cleaned up)|`,
    String.raw`(?:remove|delete|drop|revert|undo|clean[ \t]?up|take[ \t]out|rip[ \t]out)(?:[ \t]+(?:it|this|them|these|that))?)[ \t]+(?:again[ \t]+)?`,
    String.raw`(?:after|once|when|post)[ \t]+${EVENT}(?=[ \t]*(?:[.,;:)\n]|$|is|has|ships|lands))`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:nach|después (?:de|del)|tras|après|depois (?:de|do|da)|após|dopo|na|po|после)[ \t]+${EVENT}[ \t]+(?:wieder[ \t]+)?`,
    String.raw`(?:löschen|entfernen|rausnehmen|zurücknehmen|gelöscht|entfernt|eliminar\p{L}*|borrar\p{L}*|quitar\p{L}*|supprimer|retirer|enlever|remover|apagar|excluir|`,
    String.raw`rimuovere|eliminare|togliere|verwijderen|weghalen|usunąć|usuń|удалить|убрать)(?![\p{L}])`,
  ),
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:löschen|entfernen|rausnehmen|eliminar(?:lo|la)?|borrar(?:lo|la)?|quitar(?:lo|la)?|supprimer|retirer|enlever|remover|apagar|excluir|`,
    String.raw`rimuovere|eliminare|togliere|verwijderen|weghalen|usunąć|usuń|удалить|убрать)[ \t]+(?:(?:es|ihn|sie|it)[ \t]+)?`,
    String.raw`(?:nach|después (?:de|del)|tras|après|depois (?:de|do|da)|após|dopo|na|po|после)[ \t]+${EVENT}(?=[ \t]*(?:[.,;:)\n]|$))`,
  ),
  regex('iu', String.raw`(?<![\p{L}\p{N}])([\p{L}\p{N}]{2,30}?)['’]?(?:den|dan|ten|tan)[ \t]+sonra[ \t]+(?:sil|kaldır|geri al)`),
  // Japanese, Chinese, Korean: the event before "後に/之后/후" and the removal after it.
  regex('u', String.raw`([^\s、。，,.；;:：]{1,24}?)(?:の)?(?:後に?|以降に?)(?:は)?(?:削除|撤去|除去|元に戻)`),
  regex('u', String.raw`([^\s、。，,.；;:：]{1,24}?)(?:之后|以后|后)(?:再)?(?:删除|移除|去掉|回滚)`),
  regex('u', String.raw`([^、。，,.；;:：\n]{1,24}?)\s?(?:이후에?|후에?)\s?(?:삭제|제거)`),
];

/** The removal, where its event is what names an environment ("la mise en production"). */
const eventNaming = (r: ReturnType<typeof plannedRemoval>, environments: EnvName[]) => (r && environments.some((e) => mentions(r.event, e)) ? r : undefined);

/** A removal the text plans for after an event or a day ("delete after the release", "12月1日のリリース後に
 * 削除"): the phrase, the event, and its date where the event is dated ("the 1 Dec release", "12月1日のリリース")
 * or is a date. Not negated or asked ("do not remove after the release"). */
export function plannedRemoval(text: string, written: string): { phrase: string; event: string; date?: string } | undefined {
  for (const re of REMOVAL) {
    const m = re.exec(text);
    if (!m || doubtIn(text, m.index, m[0].length)) continue;
    const event = m[1]!.trim();
    const date = dateIn(event, written) ?? dateNamed(event, written);
    return { phrase: m[0].trim(), event, ...(date ? { date } : {}) };
  }
  return undefined;
}

// The verdict's text-reading boundary: `readIntent` and `textUnderstood` are the two doors through
// which every rule reads a commit's (or a note's) text, and each answer is a function of the text,
// its date, author and email, the environment and the environments alone. The verdict asks them
// about one commit's message for every key and environment it changed, again for every reader and
// for every divergence that looks at it, so each answer is kept per text for the process (bounded,
// cleared when full) and read once per scan. The answers are frozen: a caller that wrote into a
// shared intent would change another verdict's reading, and throws instead. The readers behind the
// doors (readIntentOnce, languages.ts) may change freely; whatever they come to read must stay a
// function of these inputs, or join the key.
const KEPT_LIMIT = 16_384;
const keptIntents = new Map<string, Intent>();
const keptUnderstood = new Map<string, ReturnType<typeof understood>>();
function kept<R extends object>(store: Map<string, R>, kind: ReadingKind, key: string, make: () => R): R {
  let r = store.get(key);
  if (r === undefined) {
    if (store.size >= KEPT_LIMIT) store.clear();
    const earlier = readings?.earlier(kind, key) as R | undefined;
    store.set(key, (r = deepFreeze(earlier ?? make())));
    if (earlier === undefined) readings?.made(kind, key, r);
  }
  return r;
}

/** The two doors' answers, by door. */
export type ReadingKind = 'intent' | 'understood';

/** The answers of earlier processes, by the same key, and a record of the answers made in this one.
 * After one new commit a scan weighs again the verdict of the key the commit changed, and that verdict
 * reads its events' texts for the first time in the process: half of it, on the bench's Helm corpus.
 * Their answers are a function of the key alone (see above), so a process may take them from one that
 * ran the same code (the engine keeps them per installed code: sources/repo/readings-cache.ts). */
export interface Readings {
  /** The answer an earlier process gave for `key`, as it gave it; undefined when none is kept. */
  earlier(kind: ReadingKind, key: string): object | undefined;
  /** An answer made in this process (frozen). */
  made(kind: ReadingKind, key: string, reading: object): void;
}
let readings: Readings | undefined;

/** `f`'s result, with each first answer of the two doors asked of `kept` before it is made, and each one
 * made told to it. */
export function withReadings<T>(kept: Readings | undefined, f: () => T): T {
  const outer = readings;
  readings = kept;
  try {
    return f();
  } finally {
    readings = outer;
  }
}
function deepFreeze<R>(value: R): R {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
const textKey = (commit: CommitText, env: EnvName, environments: readonly EnvName[]) =>
  `${env}\0${environments.join('\0')}\u0001${commit.date}\0${commit.author}\0${commit.email}\0${commit.subject.length}\0${commit.subject}\0${commit.body}`;

/** The intent a commit's text states, for a change made to `env`'s file (read once per text). */
export function readIntent(commit: CommitText, env: EnvName, environments: EnvName[]): Readonly<Intent> {
  return kept(keptIntents, 'intent', textKey(commit, env, environments), () => readIntentOnce(commit, env, environments));
}

/** What a commit's text states whatever environment the change was made to: read once per text for
 * all of them. A scan reads a text for every environment its commit changed (3,672 readings of 1,531
 * texts on the bench's Helm corpus); only the readers below that take the environment read it again. */
interface TextFacts {
  text: string;
  names: EnvName[];
  bot: boolean;
  bare: boolean;
  test: string | undefined;
  gitRevert: boolean;
  incident: string | undefined;
  typo: string | undefined;
  ended: string | undefined;
  revert: string | undefined;
  /** "everywhere", or a lower environment's scope denied ("not staging-only"). */
  everywhere: string | undefined;
  security: string | undefined;
  /** The change's own list giving every environment the same value ("* stg: 7 -> 35 / * prod: 7 -> 35"). */
  steps: string | undefined;
}
const keptFacts = new Map<string, TextFacts>();
function textFacts(commit: CommitText, environments: EnvName[]): TextFacts {
  const key = textKey(commit, '', environments);
  let facts = keptFacts.get(key);
  if (facts === undefined) {
    if (keptFacts.size >= KEPT_LIMIT) keptFacts.clear();
    keptFacts.set(key, (facts = textFactsOnce(commit, environments)));
  }
  return facts;
}
function textFactsOnce(commit: CommitText, environments: EnvName[]): TextFacts {
  // "remvoe after week 47": a slip in a lead word is read as the word.
  // A sentence of the body hard-wrapped onto the next line is one sentence: "Staging now; production\nby
  // 2026-11-15" gives production's date, not this change's own end; "not a staging\nexperiment" is
  // negated. The subject stays apart, and so do short lines written one per thought.
  const written = mendedMessage(commit.subject, commit.body);
  // A back-out plan in the body ("Rollback plan: set it back to 3", "Rückfallplan: zurück auf 3s", "If
  // this goes wrong, set it back for now") says what would be done should the change fail, written
  // before anything happened (contingency.ts): neither an undo nor an end nor the change's own time
  // limit or scope. The readers read the message without it; the subject is the commit's own act.
  const planless = withoutContingencies(commit.body);
  const read = planless === commit.body ? written : mendedMessage(commit.subject, planless);
  // A sentence in a language not read gives the English readers nothing: a Swedish "till" is "to".
  const text = readableText(read);
  // (The environments it names are named in any language.)
  const names = environments.filter((e) => mentions(written, e));
  const subject = commit.subject.trim().replace(/^(?:chore|fix|feat|ops|config|conf)(?:\([^)]*\))?:\s*/i, '');
  const bare =
    (BARE.test(subject.replace(/(?<!\s)\s+(?:for|in|on)\s+\S+$/i, '')) && commit.body.trim().length < 12) || /^Update \S+$/.test(commit.subject.trim());
  // "not a test", "niet tijdelijk", "ob das temporär bleibt": what a clause negates or asks is not said.
  const test = testScopeOf(text);
  // A git revert is an undo: its body says why the change went back ("until the fix lands" is when
  // it may come again), never how long the undo lasts.
  // A revert of a revert applies the change again, with whatever limit its body gives.
  const reverts = /^(?:\s*Revert\s+")*/.exec(commit.subject)![0].match(/Revert/g)?.length ?? 0;
  const gitRevert = reverts > 0 ? reverts % 2 === 1 : /\bthis reverts commit [0-9a-f]{7,40}\b/i.test(commit.body);
  // (An incident's id is read in any language; its words only where the readers read.)
  const incident = incidentIn(INCIDENT, written) ?? incidentIn(INCIDENT_WORDS, text);
  const typo = TYPO.exec(text)?.[0] ?? valueCorrected(text);
  const ended = statedAsDone(ENDED, text);
  const revert = REVERT.exec(text)?.[0];
  // "not everywhere", "everywhere except prod": every environment is not meant.
  const everywhere =
    [...text.matchAll(EVERYWHERE_ALL)].find((m) => !doubtIn(text, m.index, m[0].length) && !exceptAfter(text, m.index + m[0].length))?.[0] ||
    NOT_ONLY.exec(text)?.[0];
  const security = SECURITY_FIX.exec(text)?.[0];
  // "* stg: 7 -> 35 / * prod: 7 -> 35": the change's own list gives every environment the same value.
  let steps: string | undefined;
  if (!everywhere) {
    const listed = stepsIn(read, environments);
    const targets = new Set(listed.map((st) => st.to));
    if (targets.size === 1 && environments.length > 1 && environments.every((e) => listed.some((st) => st.env === e)))
      steps = listed.map((st) => st.line).join(' / ');
  }
  return {
    text,
    names,
    bot: BOT_AUTHOR.test(`${commit.author} ${commit.email}`),
    bare,
    test,
    gitRevert,
    incident,
    typo,
    ended,
    revert,
    everywhere,
    security,
    steps,
  };
}

/** The intent a commit's text states, for a change made to `env`'s file: its text's facts (read
 * once for every environment), and what the readers that take the environment read. */
function readIntentOnce(commit: CommitText, env: EnvName, environments: EnvName[]): Intent {
  const facts = textFacts(commit, environments);
  const { text, gitRevert } = facts;
  const { hold, rest } = readHold(text, env, environments, commit.date);
  // A time limit in a clause about another environment is that environment's wait.
  const own = rest;
  const intent: Intent = { names: facts.names, bare: facts.bare, bot: facts.bot, ...(hold ? { hold } : {}) };

  const only = envOnly(text, env);
  if (only) intent.scope = { kind: 'env-only', phrase: only };
  else if (facts.test && !testOfAnother(text, facts.test, env, environments)) intent.scope = { kind: 'test', phrase: facts.test };

  for (const re of gitRevert ? [] : TEMPORARY) {
    if (re === TILL_WORD && tillIsTo(own)) continue;
    const m = timeLimitIn(
      re,
      own,
      environments.filter((e) => e !== env),
      env,
      text,
    );
    if (!m || (RETURNS_LATER.has(re) && reportedAt(own, m.index))) continue;
    const deadline = readDeadline(own, commit.date);
    intent.temporary = { phrase: m[0], ...(deadline.date ? { until: deadline.date } : {}), ...(deadline.event ? { event: deadline.event } : {}) };
    break;
  }
  const r = rollout(text, env, environments);
  if (r) intent.rollout = r;
  // Another environment said to follow once a check is made, in a language read ("Prod folgt, sobald
  // der Lasttest grün ist", "Prod sobald QA freigibt", "prod följer när lasttestet är grönt"), or as
  // well as this one under a condition ("wenn der Lasttest grün ist, auch in Prod", "if the load test
  // is green, prod too"), is a step of a rollout waiting for the check, as English "prod once QA signs
  // off" is (whose own patterns read it above). Not a return of this one ("put it back when perf is up").
  else if (hold?.follows && hold.check && !hold.due && !hold.decides && !RETURN_WORD.test(hold.phrase) && (ALSO.test(hold.phrase) || writtenInRead(text)))
    intent.rollout = { phrase: hold.phrase, next: hold.envs };
  if (facts.incident) intent.incident = facts.incident;
  if (facts.typo) intent.typo = facts.typo;
  if (facts.ended) intent.ended = facts.ended;
  if (facts.revert) intent.revert = facts.revert;
  if (facts.everywhere) intent.everywhere = facts.everywhere;
  if (facts.security) intent.security = facts.security;
  const pinned = PINNED.exec(own)?.[0];
  if (pinned) intent.pinned = pinned;
  if (facts.steps !== undefined) intent.everywhere = facts.steps;
  const withWords = withForeign(intent, text, own, env, commit.date, environments);
  // "retry storm during the outage of 02/12", written a week later: when the trouble was, not the change's end.
  if (withWords.temporary && duringPast(own, withWords.temporary.phrase, commit.date)) delete withWords.temporary;
  // "QA自動テスト用、12月1日のリリース後に削除", "for the e2e suite, delete after the release": a removal
  // planned for after an event or a day is the change's end, in every language read.
  // (The event may name an environment — "supprimer après la mise en production" — which the clause about
  // another environment took out of `own`.)
  const removal =
    gitRevert || withWords.temporary?.until ? undefined : (plannedRemoval(own, commit.date) ?? eventNaming(plannedRemoval(text, commit.date), environments));
  if (removal && (removal.date || !withWords.temporary?.event))
    withWords.temporary = {
      phrase: withWords.temporary?.phrase ?? removal.phrase,
      ...(removal.date ? { until: removal.date } : { event: removal.event }),
    };
  // "off in production until further notice": kept with no end, not a limit that could pass or an event
  // to wait for (open-end.ts). A time word of its own ("temporarily", "for now") still says temporary.
  if (withWords.temporary && !withWords.temporary.until && onlyInOpenEnd(own, withWords.temporary.phrase)) delete withWords.temporary;
  else if (withWords.temporary?.event && onlyInOpenEnd(own, withWords.temporary.event)) delete withWords.temporary.event;
  if (withWords.temporary) {
    const passage = messagePassage(text, withWords.temporary.phrase);
    if (passage !== undefined) withWords.temporary = { ...withWords.temporary, passage };
  }
  return withWords;
}

// "production nur nach Freigabe", "prod solo después de la firma", "prod alleen na akkoord": the
// environment gets it only after a gate (GATED above), which keeps nothing out of it.
const FOREIGN_GATED = regex(
  'iu',
  // Each language's "only" with its own "after" words: Polish "tylko na stagingu" is "only on staging".
  String.raw`(?<![\p{L}])(?:(?:nur|erst)\s(?:nach|sobald|wenn)|(?:solo|sólo|solamente|únicamente)\s(?:después|despues|tras|cuando)|`,
  String.raw`(?:seulement|uniquement)\s(?:après|apres|quand|dès)|(?:só|somente|apenas)\s(?:depois|após|quando)|`,
  String.raw`alleen\s(?:na|nadat|zodra|als)|tylko\s(?:po|gdy|kiedy))(?![\p{L}])`,
);

/** The same intents read in the languages languages.ts reads, where the English readers found none. */
function withForeign(intent: Intent, text: string, own: string, env: EnvName, written: string, environments: readonly EnvName[]): Intent {
  const whole = readForeign(text, env, mentions, written);
  if (!whole.language) return intent;
  if (!intent.everywhere && whole.everywhere) intent.everywhere = whole.everywhere;
  if (!intent.typo && whole.typo) intent.typo = whole.typo;
  if (!intent.incident && whole.incident) intent.incident = whole.incident;
  if (!intent.scope && (whole.notPromote || (whole.only && !firstStep(text, env) && !FOREIGN_GATED.test(whole.only))))
    intent.scope = { kind: 'env-only', phrase: (whole.only ?? whole.notPromote)! };
  else if (!intent.scope && whole.test && !testOfAnother(text, whole.test, env, environments)) intent.scope = { kind: 'test', phrase: whole.test };
  // A time limit in a clause about another environment is that environment's wait, as in English.
  const mine = own === text ? whole : readForeign(own, env, mentions, written);
  // "potem wracamy do 6.0.0", "11/20までに元に戻します": a plan to go back is a time limit.
  // An end as a date or a span ("bis 15.11.", "na dwa tygodnie") is a time limit, as "until" is in English.
  const phrase = mine.temporary ?? mine.back ?? mine.untilPhrase;
  // A date any language writes alike (an ISO week "KW 50", a quarter, 2026-12-20) ends it too.
  const until = mine.until ?? (phrase ? readDeadline(own, written).date : undefined);
  if (phrase && (!intent.temporary || (!intent.temporary.until && (until || (mine.untilEvent && !intent.temporary.event))))) {
    // Without a date, the event it lasts for ("le temps de la migration", "während der Migration").
    const event = until ? undefined : (mine.untilEvent ?? readDeadline(own, written).event);
    intent.temporary = { ...(intent.temporary ?? { phrase }), ...(until ? { until } : {}), ...(event && !intent.temporary?.event ? { event } : {}) };
    if (intent.temporary.event && until) delete intent.temporary.event;
  }
  return intent;
}

/** The intent kinds the English readers found in an intent. */
function kindsOf(intent: Intent): IntentKind[] {
  const kinds: IntentKind[] = [];
  if (intent.scope) kinds.push(intent.scope.kind === 'test' ? 'test' : 'only');
  if (intent.temporary) kinds.push('temporary');
  if (intent.temporary?.until) kinds.push('until');
  if (intent.revert) kinds.push('back');
  if (intent.ended) kinds.push('done');
  if (intent.rollout) kinds.push('rollout');
  if (intent.incident) kinds.push('incident');
  if (intent.typo) kinds.push('typo');
  if (intent.everywhere) kinds.push('everywhere');
  if (intent.security) kinds.push('security');
  if (intent.pinned) kinds.push('pinned');
  if (intent.hold) kinds.push('hold');
  return kinds;
}

/** Whether a change's text was understood — some intent read in it, in English or in a language
 * languages.ts reads, or written in one of those so that its silence is silence — and the
 * language it is in. A message in a language or script not read (Arabic, Swedish, a Japanese
 * one with no word the table knows) comes out not understood: the verdict says so rather than
 * take it for a message that says nothing. */
export function textUnderstood(commit: CommitText, env: EnvName, environments: EnvName[]): Readonly<ReturnType<typeof understood>> {
  return kept(keptUnderstood, 'understood', textKey(commit, env, environments), () => textUnderstoodOnce(commit, env, environments));
}

function textUnderstoodOnce(commit: CommitText, env: EnvName, environments: EnvName[]): ReturnType<typeof understood> {
  const intent = readIntent(commit, env, environments);
  const english = kindsOf(intent);
  return understood(`${commit.subject}\n${commit.body}`, english);
}

// A plan withdrawn: "NOT raising … after all", "no longer planned", "withdrawn", "cancelled", "called
// off", "roll back the trial", "revert staging", "doch nicht", "se cancela", "annulé" — not an
// objection withdrawn ("Objection withdrawn: prod can take it"), which clears the way instead.
const WITHDRAWN = regex(
  'giu',
  // (Not inside a word — except "n't", which follows its verb's letters: "don't take it to prod", "won't ship".)
  String.raw`(?:(?<![\p{L}])|(?=n['’]t))(?:(?:not|n['’]t|no longer|never)\s{1,3}(?:\S{1,20}\s{1,3}){0,2}?`,
  // "do not take 3600 to production", "don't ship it to prod": the step itself refused.
  String.raw`(?:rais|increas|lower|decreas|chang|roll\w* out|promot|go\w* ahead|extend|enabl|switch|tak(?:e|ing)|ship|carr(?:y|ie)|do\w*\s{1,3}(?:it|this|that))\w*|`,
  String.raw`after all|(?<!(?:objection|concern|veto|blocker|block|hold|freeze)s?\s{1,3}(?:(?:is|was|has been)\s{1,3})?)withdraw\w*|`,
  String.raw`cancel+ed|call(?:ed)? off|abandon\w*|scrap(?:ped)?|dropp?(?:ed)? the (?:plan|idea|rollout)|`,
  String.raw`(?:roll(?:ing)?|set|put) (?:\S{1,20}\s{1,3}){0,3}?back|revert\w*|undo|doch nicht|zurück\w*|se cancela|cancelad[oa]|annul[ée]e?|no (?:se )?(?:sube|aumenta))(?![\p{L}])`,
);
// A rollback reported as done, as people write it: "Rollback of the flag", "backed out the change",
// "back to the old timeout", "rückgängig gemacht", "on revient à l'ancienne valeur", "volvemos al
// valor anterior", "ripristinato il valore precedente", "teruggedraaid" — not a rollback's plan or
// procedure, which names what would be done. (Apart from WITHDRAWN, in two: one pattern of all is
// more than the ReDoS checker decides in its time.)
const ROLLED_BACK = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:roll(?:s|ed) (?:\S{1,20} ){0,3}?back|undid|undone|roll-?backs?(?! (?:plan|procedure|script|steps?|runbook|strateg\w*|test\w*|path|option)(?![\p{L}]))|`,
  String.raw`back(?:s|ed|ing)? (?:\S{1,20} ){0,3}?out(?! plan)|back to (?:the |its |our )?(?:old|previous|former|original|prior|earlier))(?![\p{L}])`,
);
const ROLLED_BACK_ELSEWHERE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:rückgängig|terug(?:ge)?(?:draai|zet|rol)\w*|(?:revien|retour|remis|repass|revenu|volv|vuelt|vuelv|regres|ripristinat|riportat|tornat)\w* `,
  String.raw`(?:\S{1,20} ){0,3}?(?:l['’])?(?:ancien\w*|précédent\w*|anterior\w*|antigu[oa]|precedent\w*|vecchi[oa]))(?![\p{L}])`,
);
// The words that withdraw only with what they withdraw as their subject or object: "the rollout was
// abandoned", "we cancelled the increase", "plan called off" — not "3-D Secure challenges abandoned at
// 2 s", "orders cancelled during the outage", "jobs scrapped by the reaper" (what the bug did).
const NEEDS_OBJECT = /^(?:abandon|cancel|call|scrap|withdraw|se cancela|cancelad|annul)/iu;
const PLAN_NOUN = sourceOf(
  String.raw`(?:plans?|idea|roll-?outs?|changes?|trial|experiment|increase|raise|bump|upgrade|downgrade|migration|switch|proposal|PR|`,
  String.raw`pull request|promotion|canary|step|it|this|that|them|these|cambio|changement|änderung|plano|piano|plan[oa]?)`,
);
const PLAN_BEFORE = new RegExp(
  sourceOf(
    String.raw`(?<![\p{L}])${PLAN_NOUN}(?:\s+[\p{L}\d-]+){0,3}?[\s:]+`,
    String.raw`(?:(?:was|were|is|are|has been|have been|got|gets|be|been|wurde|fue|a été|foi)\s+)?$`,
  ),
  'iu',
);
const PLAN_AFTER = new RegExp(
  String.raw`^\s+(?:(?:the|our|this|that|its|my|their|a|el|la|le|die|der|das|o)\s+)?(?:[\p{L}\d-]+\s+){0,2}?${PLAN_NOUN}(?![\p{L}])`,
  'iu',
);

const AUXILIARY_LAST = /(?<![\p{L}])(?:is|are|was|were|has been|have been|got|gets)$/iu;
const TICKET_LAST = /(?<![\p{L}\d])[A-Z][A-Z0-9]{1,9}-\d{1,7}$/u;

/** The words of a text that mean every environment ("in every environment", "across the board", "in allen
 * Umgebungen", "en todos los entornos"), said: not negated, asked or followed by an exception. */
export function everywhereSaid(text: string): string | undefined {
  const m = [...text.matchAll(EVERYWHERE_ALL)].find((x) => !doubtIn(text, x.index, x[0].length) && !exceptAfter(text, x.index + x[0].length));
  if (m) return m[0];
  const foreign = foreignSays(text, 'everywhere')?.phrase;
  const at = foreign ? text.toLowerCase().indexOf(foreign.toLowerCase()) : -1;
  return foreign && !(at >= 0 && exceptAfter(text, at + foreign.length)) ? foreign : undefined;
}

/** The words of a later text that withdraw a plan — said, with the plan or change as what is withdrawn
 * where the word needs one ("the rollout was abandoned", not "challenges abandoned at 2 s") — unless
 * the same text names `value` for every environment ("the ACS read timeout is now 4500 ms in all
 * environments"): an everywhere for the changed value outranks a withdrawal word beside it. */
export function withdrawalIn(written: string, value: string | null = null): string | undefined {
  // A back-out plan withdraws nothing: it says what would be done should the change fail (contingency.ts).
  const text = withoutContingencies(written);
  // (The value as people write it counts: "2 s" for 2s, "1 GiB" for 1024Mi.)
  if (
    value !== null &&
    value.length > 0 &&
    (new RegExp(`(?<![\\p{L}\\p{N}.])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'iu').test(text) || writesAmount(text, value))
  ) {
    const everywhere = [...text.matchAll(EVERYWHERE_ALL)].find((m) => !doubtIn(text, m.index, m[0].length) && !exceptAfter(text, m.index + m[0].length));
    if (everywhere) return undefined;
  }
  for (const m of text.matchAll(WITHDRAWN)) {
    // "Checkout-Abbrüche gingen zurück": a measure's fall, not the change going back (measure-back.ts).
    if (/^zurück/iu.test(m[0]) && measureBack(text, m.index, m[0])) continue;
    if (!NEEDS_OBJECT.test(m[0])) return m[0];
    const clauseStart =
      Math.max(text.lastIndexOf('\n', m.index), text.lastIndexOf('. ', m.index), text.lastIndexOf(';', m.index), text.lastIndexOf(',', m.index)) + 1;
    const before = text.slice(Math.max(clauseStart, m.index - 80), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (PLAN_BEFORE.test(before) || PLAN_AFTER.test(after)) return m[0];
    // … or the change named by its ticket or its value: "SRCH-88 withdrawn", "v3 is cancelled".
    const subject = before.trimEnd().replace(/:$/u, '').trimEnd().replace(AUXILIARY_LAST, '').trimEnd();
    if (TICKET_LAST.test(subject) || (value !== null && value.length > 0 && subject.toLowerCase().endsWith(value.toLowerCase()))) return m[0];
  }
  for (const re of [ROLLED_BACK_ALL, ROLLED_BACK_ELSEWHERE_ALL]) for (const m of text.matchAll(re)) if (!measureBack(text, m.index, m[0])) return m[0];
  return undefined;
}
const ROLLED_BACK_ALL = new RegExp(ROLLED_BACK.source, 'giu');
const ROLLED_BACK_ELSEWHERE_ALL = new RegExp(ROLLED_BACK_ELSEWHERE.source, 'giu');

/** The incident the text cites (an id such as INC-2041, or a word such as "outage"), if any. */
export function citesIncident(text: string): string | undefined {
  return incidentIn(INCIDENT, text) ?? incidentIn(INCIDENT_WORDS, text);
}

/** What a text reads as, for the readers that weigh its silence:
 * - `says`: some intent is read in it (a scope, a time limit, a rollout, an incident, a typo, a
 *   revert, an end, an everywhere, a hold, a security fix, a pin);
 * - `names only`: it names environments and nothing else is read — a description ("Staging is
 *   single-zone"), a place ("Production and staging both get the shared Redis"): naming an
 *   environment is neither sending a value there nor a reason for a difference, so the readers
 *   that weigh silence treat it as silence;
 * - `silent`: nothing read at all ("Update staging.yaml", "wip", "prod cache").
 * A reason stated in so many words is read apart (`reasonIn`). */
export type TextReading = 'says' | 'names only' | 'silent';

export function readsAs(intent: Intent): TextReading {
  const said =
    intent.scope ||
    intent.temporary ||
    intent.rollout ||
    intent.incident ||
    intent.typo ||
    intent.revert ||
    intent.ended ||
    intent.everywhere ||
    intent.hold ||
    intent.security ||
    intent.pinned;
  return said ? 'says' : intent.names.length > 0 ? 'names only' : 'silent';
}

// A reason given in so many words: "because", "due to", "so that", "to fix/avoid/prevent",
// "required by", "per the audit", "weil", "wegen", "damit", "porque", "debido a", "para evitar",
// "parce que", "à cause de", "pour éviter", "perché", "per evitare", "porque", "omdat", "vanwege",
// "ponieważ", "bo", "потому что", "из-за", "çünkü", "nedeniyle", "ので", "ため", "因为", "由于", "때문에".
const REASON = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:because|due to|so that|in order to|to (?:fix|avoid|prevent|stop|reduce|handle|cope with|work around|match|comply)|`,
  String.raw`as required|required by|requirement|per (?:the )?(?:audit|policy|adr|rfc|decision|runbook|vendor)|mandated|`,
  String.raw`weil|wegen|damit|aufgrund|porque|debido a|para (?:evitar|arreglar|corregir)|parce que|à cause d|pour (?:éviter|corriger)|`,
  String.raw`perché|per evitare|a causa d|omdat|vanwege|zodat|ponieważ|dlatego że|потому что|из-за|так как|çünkü|nedeniyle|yüzünden)(?![\p{L}])|`,
  'ので|ため|から、|因为|由于|为了|때문에|위해',
);

/** The reason a text gives in so many words, or a ticket it cites as where the reason is. */
export function reasonIn(text: string): string | undefined {
  return saidMatch(REASON, text)?.[0] ?? ticketsIn(text)[0];
}

/** Does the text say anything at all beyond the promotion order? (Counting a mere naming of an
 * environment as saying something: `readsAs` tells the two apart.) */
export function speaks(intent: Intent): boolean {
  return !!(
    intent.scope ||
    intent.temporary ||
    intent.rollout ||
    intent.incident ||
    intent.typo ||
    intent.revert ||
    intent.everywhere ||
    intent.names.length > 0
  );
}
