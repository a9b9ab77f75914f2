// A stated condition and the later word that meets it: "only for the import test this week" and,
// days later, "IMP-301 import test done"; "promote to prod after Thursday's CAB" and "CHG-3310
// approved by CAB"; "until the migration is done" and "MIG-12 closed". The condition is found in
// the change's text (its time limit, its test, its gate); the later word is a commit that changed
// no value of the key and either cites one of the change's tickets or names the condition's own
// words, in a clause that reports it done or approved.
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { mentions, namesOf } from './envnames.js';
import { reportsDone } from './intent.js';
import { ticketsIn, type LoggedChange, type Message } from './log.js';
import { regex } from './pattern.js';
import { once } from './once.js';
import { mended } from './mended.js';
import { doubtIn, foreignFamily, foreignStays, foreignWord, readableText } from './languages.js';
import { logTexts } from './texts.js';
import { sentenceEnds } from './sentence-end.js';

type Note = Message & { order: number };

// A gate passed: approval in the words of a change board, a reviewer or a chat.
const APPROVED = regex(
  'iu',
  String.raw`\b(?:approved|approves|signed[- ]off|sign-?off (?:given|done|received|granted)|green[- ]?lit|`,
  'green light|go[- ]ahead|(?:can|may|is ok to|is good to) go (?:to|into|out|live|ahead)|good to go|',
  String.raw`cleared for|lgtm|looks good|ship it|go for (?:it|prod\w*|production)|`,
  '(?:soak|bake|test|tests|check|checks|review|canary)(?: is| was| run)? (?:ok|okay|fine|green|passed|',
  'clean|good)|genehmigt|freigegeben|abgenommen|aprobad[oa]|autorizad[oa]|approuvée?|validée?|',
  String.raw`onaylandı)\b|✅|👍|`,
  // "OK for production", "good for prod", "OK para PRO", "ok pour la prod", "OK für Prod", "ok per produzione".
  String.raw`(?<![\p{L}])(?:ok|okay|good|fine|cleared|freigabe|luz verde|sinal verde|feu vert|via libera) (?:for|to go to|para|pour|per|für|voor|dla|na) `,
  String.raw`(?:(?:the|la|el|a|o|le|il|die|de) )?(?:prod\p{L}*|pro|prd|live|go-?live)(?![\p{L}])`,
);

/** The words that report a gate passed in `text`, in English or a language languages.ts reads;
 * none where it is still a condition ("sobald genehmigt", "承認されたら"). */
export function approvedIn(written: string): string | undefined {
  const text = mended(readableText(written));
  const m = APPROVED.exec(text);
  // "once approved", "sobald genehmigt": a gate still ahead, in the same clause before the word.
  const before = m
    ? (text
        .slice(0, m.index)
        .split(/[.;:!?\n]/)
        .at(-1) ?? '')
    : '';
  // "nicht genehmigt", "no aprobado", "whether it is approved": no approval; nor "OK for prod once the
  // soak is green", a gate named after the word in the same clause.
  const after = m ? (/^[^.;!?\n]{0,80}/.exec(text.slice(m.index + m[0].length))?.[0] ?? '') : '';
  if (m && !LATER.test(before) && !PENDING_AFTER.test(after) && !NOT_AFTER.test(after) && !doubtIn(text, m.index, m[0].length)) return m[0];
  const foreign = foreignWord(text, 'approved');
  if (!foreign) return undefined;
  const at = text.toLowerCase().indexOf(foreign.phrase.toLowerCase());
  return at >= 0 && PENDING_AFTER.test(/^[^.;!?\n]{0,80}/.exec(text.slice(at + foreign.phrase.length))?.[0] ?? '') ? undefined : foreign.phrase;
}
// An agreement signed: a renewal, a contract or an amendment dated by its signature ("Signed on 12
// December 2027", "renewal signed 12 Dec", "Signé le 12 décembre", "unterschrieben am 12.12.", "firmado el
// 12 de diciembre"). A signature is a customer's and the company's decision, newer than whatever entry
// was written before it: what the agreement sets (a tier, an RPO) is decided. "Signed" alone is not read
// (a signed URL, a signed image, signed commits): the word needs its date or the agreement it signs.
const MONTH = String.raw`(?:jan|feb|fév|mar|mär|apr|avr|abr|ma[iy]|mei|mag|jun|jui|giu|jul|lug|aug|aoû|ago|sep|set|o[ck]t|ott|out|nov|d[eé][cz]|dic)\p{L}*\.?`;
const MONTH_OR_DAY = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th|er)?[./]\s?\d{1,2}|\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?${MONTH}|${MONTH}\s+\d{1,2}(?![\d.]))`;
const SIGNED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:contract|renewal|agreement|amendment|addendum|order form|sow|msa|dpa)\s+(?:was\s+|is\s+|has been\s+)?signed|`,
  String.raw`(?:contrat|avenant|renouvellement|accord)\s+(?:a été\s+|est\s+)?signée?|`,
  String.raw`(?:vertrag|verlängerung|nachtrag|vereinbarung)\s+(?:ist\s+|wurde\s+)?(?:unterschrieben|unterzeichnet)|`,
  String.raw`(?:contrato|renovación|renovação|adenda|acuerdo)\s+(?:fue\s+|foi\s+)?(?:firmad[oa]|assinad[oa])|`,
  String.raw`(?:contratto|rinnovo)\s+(?:è stato\s+)?firmat[oa]|(?:contract|verlenging|overeenkomst)\s+(?:is\s+)?(?:getekend|ondertekend)|`,
  String.raw`(?:signed|signée?|unterschrieben|unterzeichnet|firmad[oa]|firmat[oa]|assinad[oa]|getekend|ondertekend|podpisan[oay])\s+`,
  String.raw`(?:on\s+|le\s+|am\s+|el\s+|il\s+|em\s+|op\s+|dnia\s+)?(?:the\s+)?${MONTH_OR_DAY})`,
);
// What turns a signature away: not signed, not yet, still to be signed, once signed.
const UNSIGNED_BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|n't|unsigned|to be|will be|must be|should be|yet to be|once|if|when|until|pending|awaiting|pas|pas encore|ne|doit être|sera|nicht|noch nicht|soll|wird|sobald|wenn|`,
  String.raw`será|debe ser|deve essere|sarà|moet|zal|`,
  String.raw`no|aún no|todavía no|sin|non|niet|nog niet|não|ainda não|dès que|une fois|cuando|quando|zodra|nie)\s+(?:[\p{L}'’]+\s+){0,3}$`,
);

/** The phrase of `written` that reports an agreement signed, dated or named ("Signed on 12 December",
 * "renouvellement signé"), if one does; not a signature still to come or denied. */
export function signedIn(written: string): string | undefined {
  const text = readableText(written);
  const m = SIGNED.exec(text);
  if (!m) return undefined;
  const before =
    text
      .slice(0, m.index)
      .split(/[.;:!?\n]/)
      .at(-1) ?? '';
  return UNSIGNED_BEFORE.test(before) ? undefined : m[0];
}

/** A check reported passed in the words of whoever ran it: "checked the S3 export for staging: all
 * log groups present. OK.", "Export geprüft: in Ordnung", "vérifié l'export : OK", "getest: groen".
 * A verb saying the check was done, and after it a sentence (or the part after a colon) that is
 * nothing but a passing verdict — not "OK?", "not OK", nor a check still to come ("once checked"). */
export function checkPassedIn(written: string): string | undefined {
  const text = mended(readableText(written));
  const m = CHECKED.exec(text);
  if (!m) return undefined;
  const before =
    text
      .slice(0, m.index)
      .split(/[.;!?\n]/)
      .at(-1) ?? '';
  // "to be checked", "not tested yet", "noch nicht geprüft", "wird geprüft", "à vérifier": not done.
  if (LATER.test(before) || NOT_DONE_BEFORE.test(before)) return undefined;
  const rest = text.slice(m.index + m[0].length);
  // Each part up to its end mark: one that ends in a question ("OK?") asks, it does not report.
  for (const [, part, end] of rest.matchAll(/([^.;!?\n:]*)([.;!?\n:]|$)/g)) {
    if (end === '?') continue;
    const verdict = VERDICT_ONLY.exec(part!.trim())?.[0];
    if (verdict) return `${m[0]} … ${verdict.trim()}`;
    if (end === '') break;
  }
  return undefined;
}
const NOT_DONE_BEFORE = /(?<![\p{L}])(?:be|to|zu|wird|werden|à|por|te|not|nicht|pas|no|niet|nie|never|yet|n't)[ \t]*$/iu;
const CHECKED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:checked|verified|tested|validated|geprüft|überprüft|getestet|kontrolliert|vérifiée?s?|testée?s?|contrôlée?s?|`,
  String.raw`comprobad[oa]s?|verificad[oa]s?|probad[oa]s?|gecontroleerd|geverifieerd|getest|sprawdzon\p{L}*|przetestowan\p{L}*)(?![\p{L}])`,
);
// A part that says only that it passed: "OK", "passed", "all good ✅", "in Ordnung", "réussi", "groen".
const VERDICT_ONLY = regex(
  'iu',
  String.raw`^(?:[*_-]{1,3} ?)?(?:(?:all )?(?:ok|okay|good|fine|green|passed|clean)|in ordnung|bestanden|grün|réussi|bon|vert|correcto|verde|bien|goed|groen|w porządku)`,
  String.raw`[*_]{0,3}(?: ?(?:✅|👍))?$`,
);

// "Freigabe für Prod noch nicht erteilt", "OK for prod? not yet": the word taken back right after it.
const NOT_AFTER = /^\s*(?:noch |still |yet |ainda |todavía )?(?:nicht|not|kein\p{L}*|no|não|pas|niet)(?![\p{L}])/iu;
const PENDING_AFTER = /(?<![\p{L}])(?:once|if|as soon as|pending|provided|sobald|wenn|falls|cuando|una vez|quand|dès que|quando|assim que|zodra)(?![\p{L}])/iu;
const LATER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|once|after|when|unless|as soon as|pending|wait(?:ing)? for|not yet|until|needs?|`,
  String.raw`sobald|wenn|falls|nachdem|cuando|si|quand|dès que|lorsque|quando|zodra|als)(?![\p{L}])`,
);

// Words that name no particular piece of work.
const PLAIN = new Set([
  'this',
  'that',
  'these',
  'those',
  'with',
  'after',
  'until',
  'till',
  'when',
  'once',
  'week',
  'weeks',
  'days',
  'next',
  'then',
  'test',
  'tests',
  'testing',
  'done',
  'over',
  'finished',
  'diese',
  'woche',
  'nach',
  'danach',
  'wieder',
  'zurück',
  'nur',
  'für',
  'fuer',
  'the',
  'for',
  'our',
  'from',
  'into',
  'run',
  'runs',
  'first',
  'later',
  'is',
  'are',
  'be',
  'been',
  'it',
  'only',
  'der',
  'die',
  'das',
  'den',
  'und',
  'para',
  'hasta',
  'que',
  'pour',
  'avant',
  'thursday',
  'friday',
  'monday',
  'tuesday',
  'wednesday',
  'promote',
  'there',
  'here',
  'promoted',
  'promoting',
  'ship',
  'enable',
  'roll',
  'rolled',
  'rolling',
  'follow',
  'follows',
  'move',
  'goes',
]);

/** The words of a condition that name its piece of work: "the import test this week" → import. */
export function conditionWords(phrases: string[], environments: EnvName[]): string[] {
  const envWords = new Set(environments.flatMap((e) => namesOf(e).map((n) => n.toLowerCase())));
  const text = phrases.join(' ').toLowerCase();
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !PLAIN.has(w) && !envWords.has(w) && !/^\d+$/.test(w));
  return [...new Set([...words, ...identifiers(text, envWords)])];
}

/** The names in a condition made of letters and digits joined by dashes or dots ("k8s-eu2",
 * "eu-west-1", "v2-api"): too short in their parts to name anything, as a whole they name one
 * particular thing. Not versions ("3.9.0"): versionIn reads those. */
function identifiers(text: string, envWords: Set<string>): string[] {
  // Not a path's part ("see docs/pg16-upgrade.md"): a file named is where to read, not what to wait for.
  return [...text.matchAll(/(?<![\p{L}\p{N}/.])[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)+(?![\p{L}\p{N}/]|\.\p{L})/gu)]
    .map((m) => m[0])
    .filter((w) => /\p{N}/u.test(w) && /\p{L}/u.test(w) && w.length >= 4 && !envWords.has(w) && !/^[a-z]{2,10}-\d+$/.test(w));
}

/** The words of a condition that name one particular thing (an identifier such as "k8s-eu2"): where
 * a condition has them, a later note must name one, not only its common words ("migration"). */
export const specificWords = (words: string[]) => words.filter((w) => /\p{N}/u.test(w) && /[-_]/.test(w));

/** A change in `env` of a key named by one of `words`, to a value holding `version` where the
 * condition names one: "chart → inventory-svc-3.9.0 in production". */
function madeIn(changes: LoggedChange[], env: EnvName, words: string[], version: string | undefined): string | undefined {
  for (const c of changes) {
    if (c.env !== env || c.event.to === null) continue;
    const keyWords = c.key.toLowerCase().split(/[^a-z0-9]+/);
    if (!words.some((w) => keyWords.includes(w))) continue;
    if (version !== undefined && !c.event.to.includes(version)) continue;
    return `${c.key} → ${c.event.to} in ${env}`;
  }
  return undefined;
}

/** The later commit is release `version` in `env`: it changed `env`'s files and names the version
 * as its own (subject or body), or wrote a value holding it there ("app.version → 2026.47.0"). */
function releaseOf(note: Note, changes: LoggedChange[], env: EnvName, version: string): string | undefined {
  const mine = changes.filter((c) => c.env === env);
  if (mine.length === 0) return undefined;
  const at = new RegExp(`(?<![\\w.])v?${version.replace(/\./g, '\\.')}(?:\\.\\d+)?(?![\\w.]*\\d)`, 'i');
  const wrote = mine.find((c) => c.event.to !== null && at.test(c.event.to));
  if (wrote) return `${wrote.key} → ${wrote.event.to} in ${env} ("${note.subject}")`;
  if (at.test(`${note.subject}\n${note.body}`)) return `"${note.subject}" changed ${env}'s files`;
  return undefined;
}

/** The version a condition names ("after the 3.9 bump"), if any. */
export const versionIn = (text: string): string | undefined => {
  // The whole token, then its tail checked apart: a lookahead scanning the rest of the token from
  // every start would be quadratic on a long run of digits and dots ("1.31.2-rc1" is no 1.31.2).
  for (const m of text.matchAll(VERSION_TOKEN)) if (!/\d/.test(m[2]!)) return m[1];
  return undefined;
};
const VERSION_TOKEN = /(?<![\w.])[vV]?(\d+\.\d+(?:\.\d+)?)([\w.]*)/g;

export interface Met {
  note: Note;
  /** What the later commit says: the clause reporting the work done or the gate passed. */
  phrase: string;
  how: 'done' | 'approved';
  /** The ticket it shares with the change, if that is the link. */
  ticket?: string;
  /** It reports a check passed in a bare verdict ("checked …: OK."), not in a word of approval. */
  check?: true;
}

/** The oldest later commit (after `change`, by the graph; not after today) that changed no value of
 * the key and reports the condition met: it cites a ticket of the change, or names a word of the
 * condition, in a clause saying done (or approved, when `gate`). */
export function conditionMet(
  change: HistoryEvent,
  words: string[],
  changedBy: Set<string>,
  context: VerdictContext,
  gate: boolean,
  into?: EnvName,
  version?: string,
): Met | undefined {
  const log = context.log;
  const since = log?.messages.get(change.commit);
  if (!log || !since) return undefined;
  const tickets = ticketsIn(`${change.subject}\n${change.body}`);
  const own = gate && into ? (ownApproval(change, since, into, context) ?? nextDeployCame(change, since, into, context)) : undefined;
  if (own) return own;
  const documented = gate ? documentApproval(change, since, words, context) : undefined;
  let met: Met | undefined;
  for (const { note, text, folded, tickets: cited, day } of logTexts(log).all) {
    if (note.order >= since.order) break;
    if (context.today && day > context.today) continue;
    // A condition that is itself a change the log records ("after the chart 3.9 bump is out"):
    // a later commit made it in the environment that waited.
    const made = gate && into ? madeIn(log.commits.get(note.sha)?.changes ?? [], into, words, version) : undefined;
    if (made) {
      met = { note, phrase: made, how: 'done' };
      continue;
    }
    // A gate that is a named release ("with release train 2026.47", "prod with v3.8"): the later
    // commit that is that release in the waiting environment meets it — it names the version and
    // changed that environment's files, or wrote the version into them.
    const shipped = gate && into && version ? releaseOf(note, log.commits.get(note.sha)?.changes ?? [], into, version) : undefined;
    if (shipped) {
      met = { note, phrase: shipped, how: 'done' };
      continue;
    }
    if (changedBy.has(note.sha) || note.parents.length > 1) continue;
    const ticket = tickets.find((t) => cited.includes(t));
    // A gate's approval often sits a line below the words that name it ("readiness soak" in the
    // subject, "go ahead with prod 👍" in a pasted chat): for a gate the whole note names it;
    // a release the condition names ("with release 4.2") is named by its version ("4.2.0 is live").
    const namesVersion = (x: string) => version !== undefined && new RegExp(`(?<![\\w.])${version.replace(/\./g, '\\.')}(?![\\d])`).test(x);
    const noteNamed = gate && (words.some((w) => folded.includes(w)) || namesVersion(text));
    // "after the migration to k8s-eu2": a note about some other migration is not this one.
    const specific = specificWords(words);
    if (ticket === undefined && specific.length > 0 && !specific.some((w) => folded.includes(w))) continue;
    for (const clause of text.split(/\n+|(?<=[.!?])\s+/).filter((x) => x.trim())) {
      const named = ticket !== undefined || noteNamed || namesVersion(clause) || words.some((w) => clause.toLowerCase().includes(w));
      if (!named) continue;
      const done = reportsDone(clause);
      const approved = gate ? approvedIn(clause) : undefined;
      if (!done && !approved) continue;
      // Newest first: the last one found is the oldest, the first word that the condition was met.
      met = { note, phrase: clause.trim().slice(0, 160), how: done ? 'done' : 'approved', ...(ticket ? { ticket } : {}) };
      break;
    }
    // A check reported passed over several lines ("checked the export: all groups present.\nOK."):
    // the whole note, where it names the gate.
    const passed = gate && met?.note !== note && (ticket !== undefined || noteNamed) ? checkPassedIn(text) : undefined;
    if (passed) met = { note, phrase: passed.slice(0, 160), how: 'approved', check: true, ...(ticket ? { ticket } : {}) };
  }
  return met ?? documented;
}

// Who speaks in a pasted chat or thread: "[09:14] ben: …", "ana: …", "<bo> …".
const SPEAKER = /^\s*(?:\[[^\]]{1,20}\]\s*)?<?([A-Za-z][\w.-]{1,30})>?:\s+(.*)$/;
// An approval that is still a plan, not a decision: "ship it once the soak is green", "if QA agrees".
const PENDING = /\b(?:if|once|after|when|unless|as soon as|pending|wait(?:ing)? for|not yet|until)\b|\?\s*$/i;
// A moment to come that later work shows came: "with the next train", "prod next deploy", "goes
// with the weekly release", "mit dem nächsten Release".
const NEXT_SHIP = regex(
  'iu',
  String.raw`\b(?:with|on|in|via|at) (?:the )?(?:next|upcoming|following|weekly|nightly|regular|usual|normal|scheduled|`,
  String.raw`(?:mon|tues|wednes|thurs|fri)day(?:'s)?) (?:train|release(?: train)?|deploy(?:ment)?|rollout|cut|sprint|push)\b|`,
  String.raw`\bnext (?:deploy(?:ment)?|release|train|rollout|push)\b|`,
  String.raw`(?<![\p{L}])mit dem (?:nächsten|wöchentlichen) (?:train|release|deploy(?:ment)?|rollout)(?![\p{L}])|`,
  String.raw`(?<![\p{L}])con (?:el|la) (?:próxim[oa]|siguiente) (?:release|despliegue|versión|deploy)(?![\p{L}])|`,
  String.raw`(?<![\p{L}])avec (?:la|le) (?:prochaine?) (?:release|mise en prod(?:uction)?|déploiement|livraison)(?![\p{L}])|`,
  // "produção entra no próximo deploy", "en el próximo despliegue", "al prossimo rilascio", "bij de volgende release".
  String.raw`(?<![\p{L}])(?:(?:n|com )[oa]|(?:en|con) (?:el|la)|au|(?:con|al) (?:il )?|bij de|met de|przy|z) (?:próxim[oa]|prochaine?|prossim[oa]|volgende|następn\p{L}*) `,
  String.raw`(?:deploy(?:ment)?|release|despliegue|implantação|versão|versión|déploiement|mise en prod(?:uction)?|rilascio|wdrożeni\p{L}*|train)(?![\p{L}])`,
);

// Approval trailers under a message, as review tools and change processes write them:
// "Approved-by: Felix Wagner (search lead)", "CAB: CHG-4471 approved", "Acked-by: …". A review
// trailer approves only where it names a role ("Reviewed-by: Ana (payments owner)"): otherwise it
// records a code review, not a decision to ship. "Signed-off-by" certifies authorship, never that.
const TRAILER = /^\s*(approved-by|acked-by|approval|approver|cab(?:[- ]approv(?:al|ed))?|change[- ]approv(?:al|ed)|reviewed-by)\s*:\s*(\S.*)$/i;
const ROLE = /\b(?:lead|owner|manager|head|director|sre|security|cab|architect|approver|on-?call|product|po|cto|ciso|vp|compliance|finance|change board)\b/i;

/** The approvals in a text's trailers: who approved, as written. */
export function approvalTrailers(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const m = TRAILER.exec(line);
    if (!m) continue;
    const [, name, value] = m as unknown as [string, string, string];
    if (/^reviewed-by$/i.test(name) && !ROLE.test(value)) continue;
    if (/^cab|^change/i.test(name) && PENDING.test(value)) continue;
    found.push(line.trim());
  }
  return found;
}

// A gate that is an approval or a release: a trailer approving the change passes it.
const APPROVAL_GATE = /\b(?:approv\w*|sign[- ]?off|signed off|review\w*|cab|ok|lgtm|go[- ]ahead|freigabe|release|train|deploy\w*)\b/i;

/** An approval pasted inside the change's own text (a squash body quoting the thread where it was
 * given, or its approval trailers): someone other than the first speaker says to ship it to the
 * environment that waits, or a trailer records the approval of a change whose text waits for one.
 * That is the gate passed, as much as a later commit saying so — but only an approval, never a
 * plan ("ship it once …"). One "with the next train" is met once a later commit changed that
 * environment's files. */
function ownApproval(change: HistoryEvent, since: Note, into: EnvName, context: VerdictContext): Met | undefined {
  const lines = change.body
    .split('\n')
    .map((l) => SPEAKER.exec(l))
    .filter((m): m is RegExpExecArray => !!m);
  const first = lines[0]?.[1]?.toLowerCase();
  const names = namesOf(into);
  for (const m of lines) {
    const [, who, said] = m as unknown as [string, string, string];
    if (who.toLowerCase() === first || PENDING.test(said)) continue;
    const approved = approvedIn(said);
    if (!approved || !names.some((n) => new RegExp(`\\b${n}\\b`, 'i').test(said))) continue;
    if (NEXT_SHIP.test(said) && !firstChangeLater(since, into, context)) continue;
    return { note: since, phrase: `${who}: ${said}`.slice(0, 160), how: 'approved' };
  }
  const trailer = approvalTrailers(change.body)[0];
  const prose = change.body
    .split('\n')
    .filter((l) => !TRAILER.test(l))
    .join('\n');
  const gateClause = `${change.subject}\n${prose}`.split(/\n+|(?<=[.!?;,])\s+/).find((c) => mentions(c, into) && APPROVAL_GATE.test(c));
  if (trailer && gateClause && !NOT_YET.test(`${change.subject}\n${prose}`)) {
    if (NEXT_SHIP.test(gateClause) && !firstChangeLater(since, into, context)) return undefined;
    return { note: since, phrase: trailer.slice(0, 160), how: 'approved' };
  }
  return undefined;
}
const NOT_YET = /\b(?:not yet|pending|awaiting|waiting for|still needs?|once|if)\b/i;

/** "prod next deploy", "prod goes with the weekly release": the change's text lets `into` follow
 * with its next deploy, and a later commit (not after today) changed `into`'s files — that deploy
 * went out without the change. The oldest such commit meets the gate. */
function nextDeployCame(change: HistoryEvent, since: Note, into: EnvName, context: VerdictContext): Met | undefined {
  const clause = `${change.subject}\n${change.body}`.split(/\n+|(?<=[.!?;])\s+/).find((c) => mentions(c, into) && NEXT_SHIP.test(c));
  if (!clause) return undefined;
  const later = firstChangeLater(since, into, context);
  if (!later) return undefined;
  return { note: later, phrase: `${into}'s files changed after "${clause.trim().slice(0, 80)}": its next deploy went out`, how: 'done' };
}

/** A later approval in a committed document (docs/approvals.md, a change log): a line written by a
 * commit after the change (not after today) that names one of its tickets, a key it changed, or two
 * words of its condition, and reports it approved — in its own words, or by standing in a register
 * of approvals (under a heading or a table header that says so: "# Finance approvals", "| approved
 * by |"), unless it says the approval is still pending or was refused. */
function documentApproval(change: HistoryEvent, since: Note, words: string[], context: VerdictContext): Met | undefined {
  const log = context.log!;
  const tickets = ticketsIn(`${change.subject}\n${change.body}`);
  const stems = [...new Set(words.filter((w) => !/\p{N}/u.test(w)).map((w) => w.slice(0, 6)))];
  // Each key the change set, by its full name: a register names the setting it approves.
  const keys = (log.commits.get(change.commit)?.changes ?? []).map((c) => c.key.toLowerCase()).filter((k) => k.length >= 6);
  for (const doc of log.documents) {
    const note = log.messages.get(doc.sha);
    if (!note || note.order >= since.order) continue;
    if (context.today && note.date.slice(0, 10) > context.today) continue;
    // A document that names none of them anywhere has no line that does: skip it whole.
    const whole = doc.text.toLowerCase();
    if (!tickets.some((t) => doc.text.includes(t)) && !keys.some((k) => whole.includes(k)) && stems.filter((w) => whole.includes(w)).length < 2) continue;
    let register = false;
    for (const { text: passage, heading } of passagesOf(doc.text)) {
      const lower = passage.toLowerCase();
      // A heading or a table's header row (the first row of cells before a |---| row) sets the register.
      if (heading) register = REGISTER.test(passage) || (register && !/^\s*#/.test(passage));
      const named = tickets.some((t) => passage.includes(t)) || keys.some((k) => lower.includes(k)) || stems.filter((w) => lower.includes(w)).length >= 2;
      if (!named || REFUSED.test(passage)) continue;
      const word = approvedIn(passage);
      const check = word ? undefined : checkPassedIn(passage);
      const approved = word ?? check ?? (register ? 'in a register of approvals' : undefined);
      if (approved)
        return {
          note,
          phrase: `${doc.path}: ${passage.replace(/\s+/g, ' ').trim()}`.slice(0, 160),
          how: 'approved',
          ...(check ? { check: true as const } : {}),
        };
    }
  }
  return undefined;
}
/** A document's passages, as a person reads them: a heading, a table row, a list item with the
 * lines indented under it, or a paragraph (lines up to a blank line). A go written a line below
 * the ticket it answers belongs to the same passage. */
function passagesOf(text: string): Array<{ text: string; heading: boolean }> {
  const out: Array<{ text: string; heading: boolean }> = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) out.push({ text: current.join('\n'), heading: false });
    current = [];
  };
  for (const line of text.split('\n')) {
    if (/^\s*$/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*#/.test(line) || /^\s*\|/.test(line)) {
      flush();
      out.push({ text: line, heading: /^\s*#/.test(line) || !/\d/.test(line) });
      continue;
    }
    // A new list item starts a passage; a line indented under it, or prose after prose, continues it.
    if (/^\s{0,3}(?:[-*•+]|\d+[.)])\s+/.test(line)) flush();
    current.push(line);
  }
  flush();
  return out;
}
const REGISTER = /\bapprov|\bsign-?offs?\b|\bsigned off\b|freigabe|genehmig|aprobaci|approbation|approvazion|goedkeuring|zatwierdz/i;
const REFUSED = /\b(?:pending|rejected|refused|denied|declined|not approved|on hold|waiting|tbd)\b/i;

/** The oldest commit after `since` (and not after today) that changed any key of `env`'s files. */
function firstChangeLater(since: Note, env: EnvName, context: VerdictContext): Note | undefined {
  const keys = context.log?.envs.get(env);
  let oldest: Note | undefined;
  // Each key looked up by name, so a kept verdict knows a commit changing any of them may change it.
  for (const key of keys?.keys() ?? []) {
    for (const e of keys!.get(key) ?? []) {
      const m = context.log?.messages.get(e.commit);
      if (m && m.order < since.order && (!context.today || m.date.slice(0, 10) <= context.today) && (!oldest || m.order > oldest.order)) oldest = m;
    }
  }
  return oldest;
}

// ---------------------------------------------------------------------------------------------
// Decisions a text states, one family reader each, for every place text lives (a commit, a
// document's passage, an annotation): a go given for an environment, an environment said to follow
// another, a matter said to be open, a choice left open. documented.ts, documents.ts and readers.ts
// call these rather than keep phrase lists of their own.

// (Without the sentences in a language not read: a Swedish "till" or a Danish "for" says nothing here.)
const sentencesIn = (text: string) =>
  mended(readableText(text))
    .split(sentenceEnds(/(?<=[.!?;。！？])\s+|\n+/))
    .filter((s) => s.trim());
// A negation, in the languages read: "not", "never", "don't", "nicht", "kein…", "nie", "pas" and "jamais"
// (French "ne pas", "ne jamais" end in them), "non", "no", "nunca", "não", "niet", "nooit", "не", and the
// Nordic ones: "ikke", "ikkje", "inte", "ej", "icke", "aldrig", "aldri" (Finnish conjugates its own: "ei",
// "emme", "eivät", "eikä") — without them "skal ikke tilbakestilles til 30" read as the put-back it refuses.
const NEGATION = String.raw`(?<![\p{L}])(?:not|never|don['’]t|nicht|kein\p{L}*|nie|pas|jamais|non|no|nunca|não|niet|nooit|не|ikke|ikkje|inte|ej|icke|aldrig|aldri|ei|eikä|emme|eivät)`;
const NEGATED_WORDS = regex('iu', NEGATION, String.raw`\s+(?:\p{L}+\s+)?$`);
const NEGATION_IN = regex('iu', NEGATION, String.raw`(?![\p{L}])`);
const CLAUSE_CHARS = 40;

/** Where before a word a negation of it is looked for: `words`, right before it (the negation, then at most one
 * word: "not OK for prod", "nicht freigegeben", "ne pas remettre", "never restore"); `clause`, anywhere in its
 * clause (back to a stop, at most 40 characters: "don't set X back to 20", "X nicht wieder auf 20"). */
export type NegationSpan = 'words' | 'clause';

// Where the finite verb comes second (the Nordic languages, German, Dutch), the negation follows the verb it
// negates: "vi återställer inte X till 30", "vi tilbakestiller ikke", "wir setzen das nicht zurück", "we zetten het niet terug".
const NEGATION_RIGHT_AFTER = regex('iu', String.raw`^\s+(?:ikke|ikkje|inte|ej|icke|aldrig|aldri|nicht|niet|nooit)(?![\p{L}])`);

/** Whether the verb ending at `end` of `text` is negated right after it, as a verb-second language says it. */
export function negatedAfter(text: string, end: number): boolean {
  return NEGATION_RIGHT_AFTER.test(text.slice(end, end + 12));
}

/** Whether the word at `at` of `text` is negated, in the span given. */
export function negatedBefore(text: string, at: number, span: NegationSpan): boolean {
  if (span === 'words') return NEGATED_WORDS.test(text.slice(0, at));
  const clause = text
    .slice(Math.max(0, at - CLAUSE_CHARS), at)
    .split(/[.;\n]/)
    .at(-1)!;
  return NEGATION_IN.test(clause);
}
// After a go, what makes it a gate still ahead: "OK for production once the soak is green".
const AHEAD_WORDS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:once|after|when|if|unless|pending|as soon as|provided|subject to|wait(?:ing)? for|not yet|until|`,
  String.raw`sobald|wenn|nachdem|falls|bis|cuando|una vez|hasta|quand|dès que|après|lorsque|quando|assim que|dopo|zodra|gdy|`,
  // ("after" as Spanish, Portuguese and the Nordic languages write it: "en producción después de la auditoría".)
  String.raw`después|tras|depois|após|efter|etter)(?![\p{L}])`,
);
// Polish "po" ("after": "po 15 grudnia", "po akceptacji") as Polish writes it, in lower case or at a
// sentence's head: read without the case folded, since "PO" in capitals is a product owner or a
// purchase order ("PO approved 2026-12-01"), no gate.
const AFTER_PL = /(?<![\p{L}])[Pp]o(?![\p{L}])/u;
/** Whether what follows a go makes it a gate still ahead ("OK for production once the soak is green"). */
export const AHEAD = { test: (text: string): boolean => AHEAD_WORDS.test(text) || AFTER_PL.test(text) };
// A go and what it lets happen: "OK for prod", "OK to apply to prod", "cleared to roll out to
// production", "green light for prod", "go ahead with production", "Freigabe für Prod", "feu vert
// pour la prod", "luz verde para producción". The environment's name follows; the caller checks it.
// "Ready for prod" is a go in the languages read too: "lista para producción", "pronto para produção",
// "pronto per la produzione", "prête pour la prod", "bereit für Prod", "klaar voor productie" — not
// the noun a list is ("la lista para producción": the list), nor Spanish "pronto", early ("es pronto para producción").
const READY = String.raw`(?<!(?:la|una|esta|esa|nuestra|the|a)\s)list[oa]s?|(?<!(?:es|muy|demasiado|todavía|aún|tan)\s)pront[oa]s?|prêt(?:e|s|es)?|bereit|klaar`;
const GO_FOR = regex(
  'iu',
  // (A bare "go" only as "go for": "changes go to production on Fridays" is a schedule, not a go.)
  String.raw`(?<![\p{L}])(?:ok(?:ay)?|good|fine|cleared|approved|green[- ]?lit|green light|signed[- ]off|ready|go(?=\s+for\s)|go[- ]ahead|safe|`,
  String.raw`freigabe|freigegeben|genehmigt|luz verde|sinal verde|feu vert|via libera|groen licht|zielone światło|${READY})`,
  String.raw`(?:\s+(?:to|for|para|pour|per|für|zum|om|do)\s+(?:go|ship|roll(?:\s+it)?\s+out|apply|deploy|promote|release|enable|`,
  String.raw`merge|push|take|move|bring|put|set|flip|switch|turn)(?:\s+(?:it|this|them|that|the\s+change))?(?:\s+(?:on|over))?)?`,
  // (Not "in" or "on": "signed off in staging" says where, not for where.)
  String.raw`\s+(?:for|to|into|with|para|pour|per|für|auf|voor|dla|na|em|en|a)\s+(?:(?:the|la|el|a|o|le|il|die|de|het)\s+)?`,
  String.raw`(\p{L}[\p{L}-]*)`,
);

// A go for a value in an environment, the value between them: "Go for 100% in prod", "approved for 50 %
// on production", "OK for `v2` in prod", "Freigabe für 100 % in Prod", "feu vert pour 100 % en prod",
// "luz verde para 100 % en producción", "via libera per il 100% in produzione" — a rollout's step given
// its go. Only a number (with its percent) or a quoted value stands there: a word would be anything.
const GO_FOR_VALUE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:ok(?:ay)?|cleared|approved|green[- ]?lit|green light|signed[- ]off|go(?=\s+for\s)|go[- ]ahead|`,
  String.raw`freigabe|freigegeben|genehmigt|luz verde|sinal verde|feu vert|via libera|groen licht|zielone światło)`,
  String.raw`\s+(?:for|to|para|pour|per|für|voor|dla|na)\s+(?:(?:the|la|le|el|il|o|den|het|de)\s+)?`,
  String.raw`(\d{1,6}(?:[.,]\d{1,3})?(?:\s?(?:%|percent|prozent|procent|por ?ciento|pour ?cent|por ?cento|per ?cento))?|[\x60"'][^\x60"'\s]{1,40}[\x60"'])`,
  String.raw`\s+(?:in|on|en|em|na|w|auf|im|op)\s+(?:(?:the|la|le|el|a|o|die|der|de|het)\s+)?(\p{L}[\p{L}-]*)`,
);

// A go with the verb it lets happen, where that happens: "OK to finish in production", "fine to
// enable on prod", "safe to roll it out in production", "ready to go live in prod" — after an
// infinitive, "in" says where the go lets it happen (without one, "signed off in staging" says
// where a sign-off was).
const GO_TO_DO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:ok(?:ay)?|good|fine|cleared|approved|ready|safe|free)\s+to\s+(?:finish|complete|do|proceed|continue|go(?: live)?|ship|`,
  String.raw`roll(?:\s+it)?\s+out|apply|deploy|promote|release|enable|disable|activate|merge|push|take|move|bring|put|set|flip|switch|turn|`,
  String.raw`raise|bump|land|upgrade|change|do the same|take the (?:next|last|final) step)(?:\s+(?:it|this|them|that|the\s+(?:change|rollout|ramp|step|last step|switch)))?`,
  String.raw`(?:\s+(?:on|over|out|off|up))?\s+(?:in|on|for|to|into|with)\s+(?:(?:the)\s+)?(\p{L}[\p{L}-]*)`,
);
// Nothing left in the way: "Nothing blocks disabling basic auth in production", "no blockers for
// prod", "nothing stands in the way of enabling it on prod", "no objections to production",
// "nichts spricht mehr gegen Prod", "nada impide activarlo en producción", "rien ne bloque la prod".
const GO_CLEAR = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:nothing (?:else |more |now )?(?:blocks|prevents|stops|holds up|stands in the way of)|`,
  String.raw`no (?:more |further |remaining |open )?(?:blockers?|objections?|concerns?)(?: left| remaining)?|no longer blocked|`,
  String.raw`nichts (?:spricht (?:mehr )?gegen|blockiert|hindert|steht)|nada (?:impide|bloquea|impede|bloqueia)|`,
  String.raw`rien ne (?:bloque|s'oppose à|s’oppose à|empêche)|niente blocca|nulla impedisce|niets (?:blokkeert|staat))`,
  String.raw`(?:(?:\s+[\p{L}\d'’-]+){0,6}?\s+(?:in|for|on|to|into|against|en|em|na|für|auf|pour|para|per|voor|w|dla))?`,
  String.raw`\s+(?:(?:the|la|le|el|a|o|die|de|het)\s+)?(\p{L}[\p{L}-]*)`,
);
// An instruction to move it on, at the head of its sentence: "Roll to prod.", "Promote it to
// production", "Ship this to prod now", "Please roll it out to production" — not "rolled to prod" (a
// record), "we will roll to prod next week" (a plan: not at the head).
const GO_NOW = regex(
  'iu',
  String.raw`^(?:[-*•]\s+)?(?:(?:please|now|so|ok(?:ay)?|good|go ahead and|let'?s)[,:]?\s+)?(?:roll|promote|ship|push|take|move|bring|apply)`,
  String.raw`(?:\s+(?:it|this|them|that|the change|the fix))?(?:\s+(?:out|on|over))?`,
  String.raw`\s+(?:to|into|in|on)\s+(?:the\s+)?(\p{L}[\p{L}-]*)`,
);
// A recommendation or a permission for an environment named in its sentence: "Recommendation: 64 in
// production too", "we recommend the same for prod", "it can go to production", "may be enabled in
// prod now", "us-1 can follow". (In the languages read, languages.ts' go family: "Empfehlung", "można", "se puede",
// "peut suivre", "kann nachziehen".)
const GO_MAY = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:recommend(?:ation|ed|s)?|(?:can|may)\s+(?:now\s+)?(?:go|be (?:enabled|rolled out|promoted|applied|switched on|turned on)|enable|roll|`,
  // "us-1 can follow", "prod may follow now": the step after, at its clause's end — not "we can follow the error rate in prod".
  String.raw`follow(?=\s*(?:now|suit|too|as well|next|[.,;:!)]|[—–-]\s|$))))(?![\p{L}])`,
);
// A keep in the same sentence makes a recommendation one to keep: "Recommendation: prod stays at 5".
const KEEP_SAID = /(?<![\p{L}])(?:keeps?|stays?|remains?|unchanged|as[- ]is|leave|hold)(?![\p{L}])/iu;
// A switch turned on there, as an instruction at the head of its sentence or after a conclusion's label:
// "Conclusion: enable the purge in production", "Recommendation: turn the retry policy on in prod",
// "Next step: switch on hedging for production", "Flip features.x in prod." — not a proposal ("Proposal:
// …"), a record ("we enabled it in prod"), a to-do box ("- [ ] enable …") or one negated or waiting.
const OBJECT = String.raw`(?:\s+(?!(?:in|on|for|to|into)\s)[\p{L}\d_.\x60"'-]+){0,4}?`;
const GO_ENABLE = regex(
  'iu',
  String.raw`^(?:[-*•]\s+)?(?:(?:conclusion|recommendation|decision|next steps?|action(?: items?)?|outcome|result|verdict|`,
  String.raw`so|please|now|ok(?:ay)?)\s*[:,]?\s+)?(?:(?:enable|activate|flip|(?:turn|switch)\s+on|roll\s+out)${OBJECT}|(?:turn|switch)${OBJECT}\s+on)`,
  String.raw`\s+(?:in|on|for|to|into)\s+(?:the\s+)?(\p{L}[\p{L}-]*)`,
);
// … and as the languages read write that instruction, the infinitive or imperative first, where a
// decision's or a readout's next step is written: "Attivare in produzione entro fine agosto",
// "Activer en production", "Activar en producción", "Ativar em produção", "Aktivera i produktion",
// "Aktivér i produktion", "Włączyć na produkcji", "Activați în producție". Not "Attivato in
// produzione" (a record) or "Non attivare …" (negated: not at the head).
const ENABLE_HEAD = regex(
  'iu',
  String.raw`^(?:[-*•]\s+)?(?:(?:decisione|conclusione|raccomandazione|décision|recommandation|decisión|conclusión|recomendación|decisão|conclusão|`,
  String.raw`recomendação|entscheidung|fazit|empfehlung|besluit|conclusie|advies|beslut|slutsats|rekommendation|beslutning|konklusion|`,
  String.raw`anbefaling|decyzja|wniosek|rekomendacja|decizie|concluzie|recomandare)[ \t]{0,3}[:,]?[ \t]{1,3})?`,
  String.raw`(?:attivare|attiva|attivate|abilitare|abilita|abilitate|activer|activez|activar|activad|activen|habilitar|habilitad|ativar|ative|ativem|`,
  String.raw`aktivieren|einschalten|activeren|inschakelen|aktivera|aktivér|aktiver|aktivere|slå på|slå til|włączyć|włączcie|aktywować|activați|activează)(?![\p{L}])`,
);
// Where the instruction puts it, among the few words after the verb: "in produzione", "i produktion",
// "na produkcji" (Italian "i" is also an article: "attivare i controlli in produzione" names it later).
const ENABLE_WHERE = /\s(?:in|en|em|na|no|w|i|im|auf|op|în|pe)\s+(?:(?:la|le|el|a|o|die|der|de|het)\s+)?(\p{L}[\p{L}-]*)/giu;
/** The instruction to switch it on in `env`, its verb first, in a language read: its words up to
 * where, and where its sentence goes on from. */
function enableFor(s: string, env: EnvName): { phrase: string; end: number } | undefined {
  const head = ENABLE_HEAD.exec(s);
  if (!head) return undefined;
  // The few words after the verb, in its clause: what is switched on, then where.
  const rest = s
    .slice(head[0].length)
    .split(/[,;:()]/)[0]!
    .split(/\s+/)
    .slice(0, 8)
    .join(' ');
  for (const m of ` ${rest}`.matchAll(ENABLE_WHERE)) {
    if (!mentions(m[1]!, env)) continue;
    const end = s.indexOf(m[1]!, head[0].length) + m[1]!.length;
    return { phrase: s.slice(0, end).replace(/^[-*•]\s+/, ''), end };
  }
  return undefined;
}

// A go/no-go decided as its own line, the environment before the word: "Decision: apac go", "Outcome:
// prod — go", "Entscheidung: Prod go", "Décision : prod GO", "Decyzja: prod – go", "Päätös: tuotanto go",
// and a checklist's "prod: GO" — the word a readout's decision is written in whatever its language.
// Not "no-go", not "go back", "go live later" (a word after it is another verb's).
const GO_DECIDED = regex(
  'iu',
  String.raw`^(?:[-*•]\s+)?(?:decision|outcome|result|verdict|go\/no[- ]go|entscheidung|ergebnis|décision|decisión|decisione|decisão|`,
  String.raw`besluit|beslissing|decyzja|beslut|beslutning|päätös)[ \t]{0,3}:[ \t]{0,3}(\p{L}[\p{L}-]{0,40})[ \t]{0,3}(?:[:=–—-][ \t]{0,3})?go(?![\p{L}\d/-])`,
  String.raw`(?![ \t]{1,3}(?:back|on|ahead|to|live|further)(?![\p{L}]))`,
);
// The checklist's line alone: "prod: GO", "- apac — go".
const GO_CHECKED = /^(?:[-*•][ \t]{1,3})?(\p{L}[\p{L}-]{0,40})[ \t]{0,3}[:=–—][ \t]{0,3}go(?![\p{L}\d/-])[ \t.!]{0,6}$/iu;
const GOES = [GO_TO_DO, GO_CLEAR, GO_FOR, GO_NOW, GO_ENABLE, GO_DECIDED, GO_CHECKED];
// A go decided with no environment on its line ("Decision: **go**.", "Entscheidung: Go", "Décision : go",
// "Beslut: go") is a go for the step its decision goes on to name: the next sentence, naming the
// environment ("Cut production over with the next release", "Prod mit dem nächsten Release umstellen").
const GO_BARE = regex(
  'iu',
  String.raw`^(?:[-*•]\s+)?(?:decision|outcome|result|verdict|go\/no[- ]go|entscheidung|ergebnis|décision|decisión|decisione|decisão|`,
  String.raw`besluit|beslissing|decyzja|beslut|beslutning|päätös)[ \t]{0,3}:[ \t]{0,3}go[ \t]{0,3}[.!]?$`,
);

/** The sentence after a bare "Decision: go" that names `env` as the step decided: said, not asked,
 * negated, kept, set as a condition or waiting for a gate still ahead. */
function bareGoFor(sentences: string[], i: number, env: EnvName): string | undefined {
  const next = sentences[i + 1]?.replace(/\*\*|__/g, '').trim();
  if (!next || /[?？]\s*$/u.test(next) || !mentions(next, env)) return undefined;
  if (AHEAD.test(next) || KEEP_SAID.test(next) || foreignStays(next, next) || NEGATED_IN.test(next) || doubtIn(next, 0, next.length)) return undefined;
  return `${sentences[i]!.replace(/\*\*|__/g, '').trim()} ${next}`;
}
// A negation anywhere in the step's sentence: "Do not cut production over", "Prod nicht umstellen".
const NEGATED_IN = regex('iu', NEGATION, String.raw`(?![\p{L}])`);
// A go set as a condition: "if nothing blocks it in prod", "once it is OK to finish in production".
const CONDITION_BEFORE = /(?<![\p{L}])(?:if|once|when|unless|whether|as soon as|sobald|wenn|falls|ob|si|quand|cuando|se|als|zodra|czy)\s+(?:\p{L}+\s+){0,3}$/iu;

/** A go for `value` in `env`, the value named between them ("Go for 100% in prod", "Freigabe für 100 %
 * in Prod"): a go for that value only, so a go naming another (the step already taken) is none. Not
 * negated, asked, a condition, or with a gate still ahead in its sentence. */
export function goForValue(text: string, env: EnvName, value: string): string | undefined {
  const wanted = valueWord(value);
  if (!wanted) return undefined;
  for (const sentence of sentencesIn(text)) {
    const s = sentence.replace(/\*\*|__/g, '');
    if (/[?？]\s*$/u.test(s)) continue;
    const m = GO_FOR_VALUE.exec(s);
    if (!m || valueWord(m[1]!) !== wanted || !mentions(m[2]!, env)) continue;
    const [before, after] = [s.slice(0, m.index), s.slice(m.index + m[0].length)];
    if (AHEAD.test(after) || negatedBefore(s, m.index, 'words') || CONDITION_BEFORE.test(before) || doubtIn(s, m.index, m[0].length)) continue;
    return m[0];
  }
  return undefined;
}

/** A value as a go names it: a number without its percent ("100 %" is 100), or the quoted text. */
function valueWord(value: string): string | undefined {
  const v = value.trim().replace(/^[\x60"']|[\x60"']$/g, '');
  if (v.length === 0 || v.length > 40) return undefined;
  const number = /^(\d{1,6}(?:[.,]\d{1,3})?)(?:\s?(?:%|\p{L}{1,12}(?: \p{L}{1,12})?))?$/u.exec(v);
  if (number) return String(Number(number[1]!.replace(',', '.')));
  return v.toLowerCase();
}

/** A go given for `env` in the text: "OK to apply to prod", "cleared for production", "green
 * light for prod", "go ahead with production", "Freigabe für Prod", "feu vert pour la prod", "OK to
 * finish in production", "nothing blocks disabling it in production"; in a language read, an
 * approval word in a sentence naming it ("本番反映を承認済み"). Not negated, not asked, not a
 * condition ("if nothing blocks it in prod"), not with a gate still ahead in its sentence ("OK for
 * prod once the soak is green"). */
export function goFor(text: string, env: EnvName): string | undefined {
  const all = sentencesIn(text);
  for (const [i, sentence] of all.entries()) {
    // (Emphasis is not a word: "enable the purge in **production**".)
    const s = sentence.replace(/\*\*|__/g, '');
    if (/[?？]\s*$/u.test(s)) continue;
    if (GO_BARE.test(s.trim())) {
      const step = bareGoFor(all, i, env);
      if (step) return step;
      continue;
    }
    let named = false;
    for (const re of GOES) {
      const m = re.exec(s);
      if (!m || !mentions(m[1]!, env)) continue;
      named = true;
      const [before, after] = [s.slice(0, m.index), s.slice(m.index + m[0].length)];
      if (AHEAD.test(after) || negatedBefore(s, m.index, 'words') || CONDITION_BEFORE.test(before) || doubtIn(s, m.index, m[0].length)) continue;
      return m[0];
    }
    const enable = named ? undefined : enableFor(s, env);
    if (enable) {
      named = true;
      if (!AHEAD.test(s.slice(enable.end)) && !doubtIn(s, 0, enable.end)) return enable.phrase;
    }
    if (named || !mentions(s, env)) continue;
    const foreign = foreignWord(s, 'approved');
    if (foreign) return foreign.phrase;
    // May, can now, recommended, in a sentence naming it ("Empfehlung: 64 auch in Prod", "Można włączać
    // … na prod", "Se puede activar en producción"): a go, unless the sentence keeps it or waits.
    if (KEEP_SAID.test(s) || foreignStays(s, text)) continue;
    const may = GO_MAY.exec(s);
    const word = may && !negatedBefore(s, may.index, 'words') && !doubtIn(s, may.index, may[0].length) ? may : undefined;
    const go = word ? { phrase: word[0], index: word.index } : foreignFamily(s, 'go', text);
    if (go && !AHEAD.test(s.slice(go.index + go.phrase.length)) && !CONDITION_BEFORE.test(s.slice(0, go.index))) return go.phrase;
  }
  return undefined;
}

// An environment said to follow another: "staging must mirror production's heap", "dev should
// match prod", "dev, staging: to follow", "staging gets the same", "Staging muss Prod entsprechen",
// "la recette doit refléter la prod", "staging deve seguir produção" — not a "follow-up" (a noun: "INC-77 follow-up: staging has to match prod").
const FOLLOW = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:must|should|has to|have to|needs? to|is to|are to|shall|will|muss|müssen|soll|sollte|doit|doivent|`,
  String.raw`deve|devem|debe|deben|moet|moeten|powin\p{L}*|musi)\s+(?:\p{L}+\s+)?(?:mirror|match|follow|track|equal|`,
  String.raw`be (?:aligned|in line|in sync|kept in sync|synced) with|be the same as|get the same|have the same|spiegeln|`,
  String.raw`entsprechen|folgen|nachziehen|refléter|suivre|seguir|reflejar|espelhar|acompanhar|rispecchiare|volgen)|`,
  String.raw`to follow|follows?(?: (?:later|next|suit|shortly|soon))?|following (?:later|next)|`,
  String.raw`gets? (?:it|the same|this)(?: (?:next|too|as well|later))?)(?![\p{L}-])`,
);
const FOLLOW_NEGATED = /(?<![\p{L}])(?:not|never|no longer|nicht|kein\p{L}*|pas|não|niet|nie|no)(?![\p{L}])/iu;

// Carried back to lower environments, named after the verb: "backport maxRetriesPerRequest 3 to dev
// and staging", "port the fix back to staging", "cherry-pick it onto the staging branch", "apply the
// same to dev", "Backport nach Staging", "backport vers la recette".
const BACKPORT_TO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:back-?port(?:s|ed|ing)?|port(?:s|ed|ing)?(?:\s+[^\s.;|]{1,60}){0,3}?\s+back|cherry-?pick(?:s|ed|ing)?|`,
  String.raw`(?:apply|applies|applied|do|copy|copies|copied) the same)(?:\s+[^\s.;|]{1,60}){0,4}?\s+(?:to|into|onto|on|in|nach|auf|vers|a|para|naar|do)\s+`,
);
// An environment's step on a list marked as still to take: "- staging: still on 2025-03-31 — to
// do", "staging: pending", "dev — open", "staging: ☐" (its value to follow the one that went first).
const STEP_DUE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:to ?do|pending|outstanding|not (?:yet )?done|still to (?:do|come|follow)|next up|offen|ausstehend|pendiente|`,
  String.raw`à faire|en attente|pendente|da fare|te doen|do zrobienia)(?![\p{L}])`,
);

// A list item's marker, and an unchecked box after it: "- ", "* [ ] ".
const LIST_MARK = /^[ \t]*(?:[-*•+][ \t]+(?:\[ \][ \t]+)?)?/;
const NOTHING_BEFORE = /(?<![\p{L}])(?:nothing|no|not|never|none|nichts|kein\p{L}*|rien|nada|niets|niente)\s+(?:\p{L}+\s+)?$/iu;

/** `env` said to follow another environment in the text: named before a follow word in one
 * sentence ("Staging must mirror production's heap (4g)", "dev, staging: to follow"). Not negated
 * ("staging must not mirror prod"), asked, or with a gate still ahead ("staging follows once the
 * soak is green"); the environment named after the word is the one followed, not a follower. */
export function followsIn(text: string, env: EnvName): string | undefined {
  for (const s of sentencesIn(text)) {
    // Named after a verb that carries the value back to it: "backport 3 to dev and staging".
    const back = BACKPORT_TO.exec(s);
    if (back && mentions(s.slice(back.index + back[0].length, back.index + back[0].length + 80).split(/[.;|(]/)[0]!, env)) {
      const [before, after] = [s.slice(0, back.index), s.slice(back.index + back[0].length)];
      if (
        !negatedBefore(s, back.index, 'words') &&
        !CONDITION_BEFORE.test(before) &&
        !/[?？]\s*$/u.test(s) &&
        !AHEAD.test(after) &&
        !doubtIn(s, back.index, back[0].length)
      )
        return back[0].trim();
    }
    // A list item headed by the environment whose step is still to take: "staging: … — to do".
    const item = s.replace(LIST_MARK, '');
    const cut = item.slice(0, 42).search(/:|—|–| - /);
    if (cut > 0 && mentions(item.slice(0, cut), env)) {
      const from = cut + 1;
      const due = STEP_DUE.exec(item.slice(from));
      if (due && !NOTHING_BEFORE.test(item.slice(from, from + due.index)) && !/[?？]\s*$/u.test(s))
        return item.slice(0, from + due.index + due[0].length).trim();
    }
    const m = FOLLOW.exec(s);
    if (!m || !mentions(s.slice(0, m.index), env)) continue;
    if (FOLLOW_NEGATED.test(m[0]) || /[?？]\s*$/u.test(s) || doubtIn(s, m.index, m[0].length)) continue;
    if (AHEAD.test(s.slice(m.index + m[0].length))) continue;
    return m[0];
  }
  return undefined;
}

// A matter said to be open: "not decided", "TBD", "(open)" in a heading, "status: open", "Status:
// Proposed", "needs a decision", "to be discussed", "Status: offen", "à discuter", "em aberto",
// "da decidere", "未定", "待定", "미정".
const OPEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not (?:yet )?decided|undecided|(?:still )?to be (?:decided|discussed|agreed|clarified)|tbd|no decision(?: yet)?|`,
  String.raw`(?:not|no) consensus|open question|open point|still open|up for (?:debate|discussion)|(?:still )?under discussion|needs? (?:a |an )?(?:decision|owner decision|sign-?off decision)|`,
  String.raw`(?:awaiting|pending) (?:a |the )?decision|decision (?:pending|outstanding|open)|agree to disagree|`,
  String.raw`(?:let'?s|we'?ll|we will) (?:see|decide|talk|discuss)(?: \S+){0,2} (?:tomorrow|later|next week|on (?:mon|tues|wednes|thurs|fri)day)|`,
  String.raw`we (?:talk|decide|discuss) (?:it |this )?(?:at|in|on) the|`,
  String.raw`noch offen|noch nicht entschieden|zu (?:klären|besprechen|entscheiden)|ungeklärt|à (?:discuter|décider|trancher)|`,
  String.raw`pas (?:encore )?décidé|en suspens|por decidir|pendiente de decisión|sin decidir|a discutir|em aberto|a decidir|`,
  String.raw`da (?:decidere|discutere)|in sospeso|nog open|nog te (?:beslissen|bespreken)|do (?:decyzji|ustalenia)|`,
  // Swedish, Danish, Norwegian: "avvaktar beslut", "inväntar beslut", "afventer beslutning", "avventer beslutning",
  // "ej beslutat", "ikke besluttet", "inte bestämt än".
  String.raw`(?:avvaktar|inväntar|väntar på|afventer|avventer|venter på) (?:ett |en |et )?beslut(?:et|ning(?:en)?)?|`,
  String.raw`(?:inte|ej|ikke) (?:\p{L}+ )?(?:beslutat|besluttet|bestämt|bestemt|avgjort|afgjort)|oavgjort|uafklaret|uavklart|`,
  // A meeting's record of its decision as not taken yet, or put off to a day to come: "Decision: not yet",
  // "Besluit: nog niet", "Entscheidung: noch nicht", "Décision : pas encore", "Рішення: ще ні", "decision next
  // week", "Besluit volgende week (8/3)", "Entscheidung nächste Woche", "décision reportée". Only where the
  // clause ends there: "Decision: not yet in production" decides to hold, "Decision: next week we ship" decides.
  String.raw`(?:decision|besluit|beslissing|entscheidung|décision|decisión|decisione|decisão|рішення|решение|päätös)(?:\*\*|__)?\s?:?(?:\*\*|__)?\s{1,3}`,
  String.raw`(?:not yet|none yet|nog niet|nog geen|noch nicht|noch keine|pas encore|todavía no|aún no|non ancora|ainda não|ще ні|ще немає|ещё нет|еще нет|ei vielä|`,
  String.raw`next week|volgende week|nächste woche|la semaine prochaine|la próxima semana|la prossima settimana|na próxima semana|наступного тижня|на следующей неделе|ensi viikolla|`,
  String.raw`deferred|postponed|uitgesteld|vertagt|verschoben|reportée|aplazada|rinviata|adiada|відкладено|отложено)`,
  String.raw`(?:\s(?:made|taken|genomen|getroffen|gefallen|prise|tomada|presa|ухвалено))?(?=\s{0,3}(?:[.;:,!(\n]|$))|`,
  // The question what to do said to be open, the clause ending on it: "the question whether to bring it back is
  // still open", "die Frage, ob …, ist offen", "la question de savoir si … reste ouverte", "Питання, чи …, відкрите".
  String.raw`(?:question|frage|pregunta|domanda|vraag|питання|вопрос|kysymys),?\s(?:of\s|de savoir\s)?(?:whether|if|ob|si|se|of|чи|ли|onko)\s`,
  String.raw`[^.;!?\n]{1,100}?\s(?:(?:is|remains|stays|ist|bleibt|est|reste|es|sigue|è|resta|is|blijft|залишається|остается)\s)?`,
  String.raw`(?:(?:still|noch|encore|todavía|ancora|nog|ще|ещё)\s)?(?:open|offen|ouverte?|abierta|aperta|відкрите|відкритим|открыт\p{L}{0,2}|avoin)(?=\s{0,3}(?:[.;:,!—–\n]|$))|`,
  String.raw`(?:status|stand|statut|estado|stato)\s*[:=-]\s*(?:\*+\s*)?(?:open|offen|ouvert|abierto|aberto|aperto|proposed|draft|`,
  String.raw`under discussion|in discussion|in review|pending|vorgeschlagen|entwurf|proposé|propuesto|proposto|proposta|`,
  // A ticket reopened is open again, whatever it said when it was closed: "Status: Reopened", "Stato: riaperto".
  String.raw`re-?opened|wiedereröffnet|wieder geöffnet|rouvert|rouverte|reabiert[oa]|reabert[oa]|riapert[oa]|heropend|återöppnad|genåbnet|gjenåpnet|`,
  String.raw`ponownie otwart\p{L}|uudelleen avattu))(?![\p{L}])|`,
  // A tracker's field naming whom the matter waits for: "Waiting for: Finance (controller)", "Wartet auf: Legal".
  String.raw`(?:^|\n|[·|•])[ \t]{0,3}(?:waiting for|waiting on|wartet auf|en attente de|esperando a?|in attesa di|wacht op|aguardando|väntar på|venter på|czeka na)\s{0,2}:|`,
  String.raw`未定|未決|検討中|要検討|待定|待讨论|未决定|미정|논의 필요|검토 중|`,
  // A tracker's status line in Chinese, Japanese or Korean, with a full-width colon: "状态：**处理中**" (being
  // handled: the ticket is open), "ステータス：対応中", "상태: 진행 중". (No word boundary: these scripts write none.)
  String.raw`(?:状态|狀態|状態|ステータス|상태)[ \t]*[:：][ \t]*(?:\*+[ \t]*)?(?:处理中|處理中|进行中|進行中|待处理|待處理|讨论中|討論中|`,
  String.raw`打开|开放中|未解决|未解決|対応中|未対応|オープン|진행 ?중|열림|미해결)`,
);
// A heading that marks its matter open: "## GOGC 200 in production? (open)". Read per line (a
// pattern scanning each "#" to its line's end would be quadratic on hostile text).
const OPEN_MARK = /\((?:open|offen|ouvert|abierto|aberto|aperto|tbd)\)/iu;
const OPEN_NEGATED = /(?<![\p{L}])(?:no longer|not|nicht mehr|plus)\s+$/iu;
// A ticket cited in brackets, right before the open word: "(PRIV-31, still open)", "(PRIV-31: open
// question)", "LEGAL-7 (still open)", "(see #412 — TBD)".
const TICKET_CITED =
  /(?:\((?:see |cf\.? |per )?(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})(?:\s*(?:[,:;]|[–—-]{1,2}|is|was))?|(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})\s*\()\s*$/u;

// A decision left to a named person or body at a meeting or day still to come, where the text names the
// decider and the occasion rather than a value: "Decisione: Maria Greco (CISO) al security board del 14/12",
// "Decision: the CISO, at the risk committee on 14 Dec", "the CISO decides at the board on 14/12", "die CISO
// entscheidet im Security-Board am 14.12.", "le RSSI tranchera au comité du 14/12", "la CISO decidirá en el
// comité del 14/12", "de CISO beslist in het overleg van 14/12". Whoever decides there, nothing is decided yet.
// Case is what tells a name from a word here, so the pattern is case-sensitive and its words take either first letter.
const either = (...words: string[]) => words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
const DECISION_LABEL = String.raw`(?:${either('decision', 'decided by', 'decisione', 'entscheidung', 'décision', 'decisión', 'decisão', 'besluit', 'decyzja')}|DECISION)`;
// The decider: two or three capitalised words ("Maria Greco"), one with a role in brackets ("Maria (CISO)"), or a
// role in capitals after an article ("the CISO", "il CAB", "le RSSI").
const DECIDER =
  String.raw`(?:(?:\p{Lu}[\p{L}'’.-]*,?\s{1,3}){2,3}(?:\([^()\n]{1,40}\)\s{0,3})?|\p{Lu}[\p{L}'’.-]*\s{1,3}\([^()\n]{1,40}\)\s{0,3}|` +
  String.raw`(?:(?:${either('the', 'il', 'la', 'le', 'el', 'der', 'die', 'de')})\s{1,3})?\p{Lu}{2,6}(?![\p{L}])\s{0,3}(?:\([^()\n]{1,40}\)\s{0,3})?)`;
const DECIDES = String.raw`(?:decides|will decide|is to decide|decide|deciderà|decidirá|décide|décidera|tranchera|entscheidet|beslist|zdecyduje)\s{1,3}`;
const MEETING = either(
  ...['board', 'meeting', 'committee', 'council', 'review', 'sync', 'call', 'comitato', 'riunione', 'comité', 'commission'],
  ...['sitzung', 'runde', 'reunión', 'reunião', 'vergadering', 'overleg'],
);
// The occasion: a preposition, then a meeting or a day ("at the security board", "al board del 14/12", "am 14.12.").
const OCCASION =
  String.raw`(?:,\s{1,3})?(?:at|on|in|during|al|alla|allo|nel|nella|il|im|am|beim|au|à|lors|en|el|op|tijdens|na|w|no|em)\s{1,3}` +
  String.raw`(?:\p{L}+[\s-]{1,3}){0,3}?(?:${MEETING}|` +
  String.raw`CAB|[Ss]potkani\p{L}*|[Pp]osiedzeni\p{L}*|\d{1,2}[./]\d{1,2}|\d{1,2}\s{1,3}\p{L}{3,}|\p{L}{3,9}\s{1,3}\d{1,2}(?!\p{N}))(?![\p{L}])`;
// The label may say first what is to be decided ("Decision (prod up, or staging back):"), and the record may name
// the meeting and its day before, or instead of, whoever chairs it ("Decision: capacity review 2027-09-02, Jonas",
// "Entscheidung: Architektur-Runde am 2.9.", "Décision : comité d'architecture du 02/09").
const LABEL_OPENS = String.raw`${DECISION_LABEL}(?:\s{0,3}\([^()\n]{1,80}\))?(?:\*\*|__)?\s?:(?:\*\*|__)?\s{1,3}`;
const MEETING_DAY =
  String.raw`(?:\p{L}+[\s-]{1,3}){0,3}?(?:${MEETING})(?![\p{L}])[^\n;]{0,40}?(?<![\p{L}\p{N}])` +
  String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}|\d{1,2}\s{1,3}\p{L}{3,}|\p{L}{3,9}\s{1,3}\d{1,2})(?![\p{N}])`;
const DEFERRED = regex('u', String.raw`(?<![\p{L}])(?:${LABEL_OPENS}${DECIDER}|${DECIDER}${DECIDES})${OCCASION}`);
const DEFERRED_TO_MEETING = regex('u', String.raw`(?<![\p{L}])${LABEL_OPENS}${MEETING_DAY}`);

/** The words leaving the decision to a named person or body at a meeting or day to come, if the text has them. */
export function deferredIn(text: string): string | undefined {
  return DEFERRED.exec(text)?.[0] ?? DEFERRED_TO_MEETING.exec(text)?.[0];
}

/** The words saying the matter is not settled, if the text says so and does not take it back ("no
 * longer open"). */
export const openIn = once((text: string) => text, openInOnce);

function openInOnce(written: string): string | undefined {
  const text = mended(written);
  const all = new RegExp(OPEN.source, `${OPEN.flags}g`);
  for (const m of text.matchAll(all)) {
    if (OPEN_NEGATED.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    // "requires privacy approval (PRIV-31, still open)", "blocked by LEGAL-7 (still open)": the
    // ticket cited is what is open, not the matter the text decides.
    if (TICKET_CITED.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    return m[0];
  }
  for (const line of text.split('\n')) if (line.startsWith('#') && line.length < 400 && OPEN_MARK.test(line)) return line.trim();
  return deferredIn(text);
}

// An undo said in so many words: a switch turned back the way it was ("Switch impersonation off
// again in production", "turn the debug flag back off", "set it back to 50", "change it back"), or
// the value the repository holds called the right one ("The repo value (false) is correct", "the
// committed value is the right one"), in the languages read ("wieder ausschalten", "volver a
// desactivar", "à désactiver de nouveau").
const UNDO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:switch|turn|flip|set|put|change|toggle)(?:\s+[\p{L}\d_.-]+){0,3}?\s+(?:(?:off|on)\s+again|back\s+(?:off|on|to)|back(?!\s+by(?![\p{L}])))|`,
  String.raw`(?:the\s+)?(?:repo(?:sitory)?|git|committed|declared|file)(?:'s)?\s+value(?:\s+\([^)\n]{0,40}\))?\s+(?:is|was)\s+(?:the\s+)?(?:correct|right)(?:\s+one)?|`,
  // Switched back on, or the value before restored: "re-enable the rate limit", "reactivate it",
  // "restore the previous value", "remove the override so the repo's value applies again".
  String.raw`re-?(?:enable|activate)(?:s|d)?|(?:restore|reinstate)(?:s|d)?\s+(?:the\s+)?(?:old|previous|original|former|repo(?:sitory)?(?:'s)?|committed|declared)\s+value|`,
  String.raw`(?:remove|drop|delete)\s+(?:the\s+)?(?:live\s+|manual\s+|hand[- ]made\s+)?(?:override|patch|hand edit)`,
  String.raw`(?=[^.;\n]{0,60}(?<![\p{L}])(?:again|applies|apply|wins|takes over|back)(?![\p{L}]))|`,
  String.raw`wieder (?:aus|ab)schalten|wieder deaktivieren|volver a desactivar|desactivar de nuevo|(?:désactiver|couper) (?:à nouveau|de nouveau))(?![\p{L}])`,
);
// A proposal or a condition before it: "if it breaks, switch it off again", "Mats proposed to set it back".
const UNDO_NOT_SAID =
  /(?<![\p{L}])(?:if|unless|when|once|whether|proposed|suggested|asked|wenn|falls|sobald|si|cuando|quand|lorsque|dès que|se|quando|als|zodra|jeśli|gdy|jak|если|когда)(?![\p{L}])[^.;\n]{0,60}$/iu;

// An undo written with the event it waits for is a plan for that event, not a word that the change is
// over: "back to true after 8.4.2 is installed", "revert once the vendor fix is in", "8.4.2 설치 후 true로
// 원복", "8.4.2 適用後に戻す", "装上 8.4.2 之后改回", "po instalaci 8.4.2 vrátit na true", "wieder auf true,
// sobald 8.4.2 installiert ist", "remettre à true après la mise à jour". The event word stands before the undo
// in its clause, or follows it in its sentence; where words run together (Korean, Japanese, Chinese,
// Turkish, Hungarian) the event's postposition ("후", "後", "之后", "sonra", "után") closes the clause
// before it. Whether the event has come is the temporary reading's to weigh (difference.ts), with its date.
const AWAITS_WORD =
  String.raw`after|once|when|as soon as|until|till|nach|nachdem|sobald|après|dès que|une fois|después de|en cuanto|una vez|depois de|assim que|` +
  String.raw`dopo|appena|nadat|zodra|efter|när|så snart|etter|po|až|jakmile|gdy|kiedy|после|когда|sau khi|setelah|sesudah`;
const AWAITS_BEFORE = regex('iu', String.raw`(?<![\p{L}])(?:${AWAITS_WORD})(?![\p{L}])(?:[^.;\n]|\.(?=\S)){1,80}$`);
const AWAITS_AFTER = regex('iu', String.raw`^(?:[^.;\n]|\.(?=\S)){0,60}?(?<![\p{L}])(?:${AWAITS_WORD})(?![\p{L}])\s{0,3}[\p{L}\p{N}]`);
const AWAITS_POSTPOSITION = regex(
  'u',
  String.raw`(?:(?:후|뒤|이후|되면)(?=[\s,)]|$)|(?:の後|後|したら|次第)(?=[\s,，、)）にでは]|$)|之后|以后|后(?=[\s,，、])|(?<![\p{L}])(?:sonra|után|követően)(?![\p{L}]))`,
  String.raw`(?:[^.;。\n]|\.(?=\S)){0,40}$`,
);

// The event awaited is a ticket's end ("turn back on after INC-3310", "INC-3310 후 원복"): an incident or a
// ticket is closed or not by the records about it, which the incident and ticket readers weigh, so the
// undo is not held back as a plan of the change's own (holdout-15/21: the incident was resolved).
const AWAITS_TICKET = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:${AWAITS_WORD})(?![\p{L}])\s{1,3}(?:the\s+)?#?[A-Za-z][A-Za-z0-9]{1,9}-\d+(?![\p{L}\p{N}])|`,
  String.raw`(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]{1,9}-\d+\s{0,2}(?:후|이후|뒤|の後|後|之后|以后|sonra|után)`,
);

/** Whether the undo `phrase` in `text` waits for an event its sentence names (a plan for later), not said for now. */
export function undoAwaits(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  const start = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('. ', at), text.lastIndexOf(';', at)) + 1;
  const before = text.slice(start, at);
  const after = text.slice(at + phrase.length).split(/\n|\.(?:\s|$)|;/)[0] ?? '';
  if (AWAITS_TICKET.test(before) || AWAITS_TICKET.test(after)) return false;
  return AWAITS_BEFORE.test(before) || AWAITS_POSTPOSITION.test(before) || AWAITS_AFTER.test(after);
}

/** The words that undo a change (a switch turned back the way it was, the repository's value said
 * to be the right one), said — not asked, negated, proposed or set as a condition. */
export function undoIn(text: string): string | undefined {
  for (const s of sentencesIn(text)) {
    if (/[?？]\s*$/u.test(s)) continue;
    const m = UNDO.exec(s);
    if (m) {
      const before = s.slice(0, m.index);
      if (!negatedBefore(s, m.index, 'words') && !UNDO_NOT_SAID.test(before) && !doubtIn(s, m.index, m[0].length)) return m[0];
      continue;
    }
    // In the languages read: "bitte in staging wieder einschalten", "il faut rétablir la limite", "włączyć
    // ponownie" (languages.ts' undo family: said, not negated, asked or set as a condition).
    const foreign = foreignFamily(s, 'undo', text);
    if (foreign && !UNDO_NOT_SAID.test(s.slice(0, foreign.index))) return foreign.phrase;
  }
  return undefined;
}

// A choice put as a question with its alternatives: "keep 32 or go back to 8?", "behalten oder
// zurück?", "on garde ou on revient ?", "还是回滚？"; a follow-up not yet done ("- [ ] decide …");
// a decision still to make ("decide and then codify or revert", "decide whether it stays").
const ALTERNATIVE = /(?<![\p{L}])(?:or|oder|ou|o|of|czy|или|ya da|veya)(?![\p{L}])|还是|或者|または|それとも|아니면|또는/iu;
const UNCHECKED = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[ \]/m;
const TO_DECIDE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decide (?:whether|if|and then|between|on)|(?:keep|stay) or (?:revert|go back|roll back|drop)|`,
  String.raw`(?:codify|keep) or (?:revert|undo|drop)|either\s[^.\n]{1,60}\sor\s)`,
);

/** Whether the text leaves a choice open rather than make it: a question with alternatives, an
 * unchecked follow-up, a decision still to make, or a matter said to be open. A keep or an undo
 * read in such a text is asked, not decided. */
export function undecided(written: string): string | undefined {
  const text = mended(written);
  const open = openIn(text);
  if (open) return open;
  const todo = TO_DECIDE.exec(text);
  if (todo) return todo[0];
  const item = UNCHECKED.exec(text);
  if (item) return text.slice(item.index, item.index + 80).trim();
  for (const s of sentencesIn(text)) if (/[?？]\s*$/u.test(s) && ALTERNATIVE.test(s)) return s.trim();
  return undefined;
}
