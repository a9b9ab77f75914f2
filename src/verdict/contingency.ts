// A change record's, pull request's or commit body's "Back-out" / "Rollback plan" / "If this goes
// wrong" section says what would be done should the change fail. It is written before anything
// happened: a contingency, evidence of nothing that occurred. "Back-out: set FEATURE_X back to false
// and redeploy" takes nothing back. So the readers that look for a withdrawal, an undo or a return
// (answered.ts, intent.ts, superseded.ts, documented.ts, difference.ts) read a text without such
// sections, and skip a passage that sits under one. What names an event stays one: "Rolled back: flag
// set back to false after errors" (a past tense labels what happened), a subject "Rollback FEATURE_X"
// (no label), "backed out the change (INC-12)".
import { regex, sourceOf } from './pattern.js';

// The nouns that name a plan for undoing a change, as headings and labels write them, in the
// languages the tables read. A bare "Revert" or "Undo" names the act as often as the plan ("Revert:
// flag back to false after errors"), so only with a plan word or as an instruction ("To revert",
// "How to undo"); "Back-out", "Rollback", "Fallback" are the plan's own names.
const PLAN = String.raw`(?:plan|procedure|steps?|strategy|instructions?|path|options?|runbook)`;
const NAMES = sourceOf(
  String.raw`(?:back-?out|roll-?back|fall-?back)(?:[ -]${PLAN})?|(?:revert|undo|recovery|contingency|abort)[ -]${PLAN}|contingency|`,
  String.raw`(?:how )?to (?:roll (?:it |this |that )?back|revert|undo|back (?:it |this )?out)|`,
  // "If this goes wrong", "If anything fails", "Should this fail", "In case of problems".
  String.raw`(?:if|should) (?:this|it|that|anything|something|the (?:change|deploy(?:ment)?|rollout|release|upgrade|migration)) `,
  String.raw`(?:goes wrong|go(?:es)? bad|fails?|breaks?|misbehaves?)|in (?:the )?case of (?:problems?|issues?|failure|trouble|errors?|emergency|an? (?:incident|emergency|failure|problem))|`,
  // German, Dutch, French, Spanish, Portuguese, Italian, Polish.
  String.raw`rückfall\p{L}*|rollback-?plan|rückbau(?:plan)?|fallback-?plan|im fehlerfall|bei problemen|falls (?:es )?(?:probleme|fehler)\p{L}*|`,
  // Dutch "Terugdraaien:" / "Terugzetten:" label a record's way back as its English "Rollback:" does.
  String.raw`terugval(?:plan|scenario)?|terugrolplan|terugdraai(?:en|plan)|terugzet(?:ten|plan)|bij problemen|`,
  String.raw`(?:plan|procédure) de (?:retour arrière|repli|rollback|secours)|retour arrière|en cas de (?:problèmes?|souci|panne|échec)|`,
  String.raw`plan(?:o)? de (?:reversión|reversão|marcha atrás|vuelta atrás|rollback|contingencia|contingência)|marcha atrás|en caso de (?:problemas?|fallo|error)|`,
  String.raw`piano di (?:rollback|ripristino|ritorno)|in caso di (?:problemi|errore)|plan (?:wycofania|awaryjny)(?: zmian)?|w razie (?:problemów|awarii)`,
);

/** A heading that names a contingency anywhere in it ("Back-out", "Risks and rollback", "Rückfallplan");
 * a heading's bare "Undo" or "Reverting" names the section's plan too (a record is written before). */
const HEADING = regex('iu', String.raw`(?<![\p{L}])(?:${NAMES}|undo|revert(?:ing)?(?: plan)?)(?![\p{L}])`);
/** The names alone, for a text's quick test before its lines are read. */
const ANY = regex('iu', String.raw`(?<![\p{L}])(?:${NAMES})(?![\p{L}])`);

// A label at the start of a line or a sentence: its list marker, emphasis, the name, a colon or dash
// ("**Rollback plan:**", "- Back-out —", "If this goes wrong:"); or a lead-in clause with a comma
// ("If this goes wrong, set it back to false").
const LABEL = regex('iu', String.raw`^(?:[-*+•>]\s{0,3})?(?:\*\*|__)?(?:${NAMES})(?:\*\*|__)?\s{0,3}(?::|—|–|-\s|\(|$)`);
const LEAD_IN = regex('iu', String.raw`^(?:[-*+•>]\s{0,3})?(?:\*\*|__)?(?:${NAMES})(?:\*\*|__)?\s{0,3},`);
// A label whose words report the undo done is an event, not a plan ("Rollback: done at 14:02 after
// errors", "Back-out: executed, flag is false again"): what follows it then is read.
const REPORTED = regex(
  'iu',
  String.raw`^(?:done|completed?|executed|performed|finished|carried out|rolled back|reverted|backed out|`,
  String.raw`was |were |has been |have been |we (?:rolled|reverted|backed|set|switched|did)|erledigt|durchgeführt|ausgeführt|uitgevoerd|effectué|realizad[oa]|wykonan\p{L}*)`,
);
// "set back", "switched back", "put back", "turned back" are a past participle and an imperative
// alike: "Rollback: set back to 200 and restart" in a change record is the plan, "Rollback: set back to
// false after errors at 14:02" the report. Read as a report only with a mark of the past in the
// label's words (a time, a date, "yesterday", "after the errors", "because") and nothing that makes
// them an instruction (a further step "and restart" / "then redeploy", a condition, a future).
const BARE_BACK = /^(?:set|switched|put|turned) back\b/iu;
const PAST_MARK = regex(
  'iu',
  String.raw`\b(?:at \d{1,2}[:.h]\d{2}|on \d|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|last (?:night|week)|this morning|earlier today|`,
  String.raw`after (?:the )?(?:errors?|failures?|alerts?|incidents?|outage|timeouts?|complaints?|pages?)|because|due to|following|INC-\d)`,
);
const PLAN_MARK = regex(
  'iu',
  String.raw`\b(?:(?:and|then) (?:re(?:start|deploy|load|boot|apply|run|sync)|restart|deploy|apply|roll|bounce|run|sync|notify|verify|check|monitor)\p{L}*|`,
  String.raw`if|when|should|in case|will|would|must)\b`,
);

/** Whether a label's words report the undo done (REPORTED), or, for a bare "set back"-like form,
 * mark the past and give no instruction. */
function reportsUndo(words: string): boolean {
  if (REPORTED.test(words)) return true;
  return BARE_BACK.test(words) && PAST_MARK.test(words) && !PLAN_MARK.test(words);
}
// The labels that are conditions ("If this goes wrong", "In case of problems", "Im Fehlerfall").
const CONDITION = /^(?:[-*+•>]\s{0,3})?(?:\*\*|__)?(?:if|should|in (?:the )?case|im fehlerfall|bei|falls|bij|en cas|en caso|in caso|w razie)(?![\p{L}])/iu;
// Any other label, which ends a contingency's section ("Testing:", "**Risk:**", "Ticket —").
const OTHER_LABEL = /^(?:\*\*|__)?[\p{L}][\p{L}\p{N} /&'()-]{0,40}(?:\*\*|__)?\s{0,3}(?::|—)(?:\s|$)/u;
const HEADING_LINE = /^(#{1,6})\s/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s/;
// Where a sentence starts inside a line that joins several ("Enable it. Back-out: set it back to false.").
const SENTENCE_START = /(?<=[.!?;。！？])\s+(?=\S)/gu;
// A record's field lines joined into one passage ("Status: Approved Planned: 2026-12-03 Rollback: set
// it back to 20", documents.ts joins a paragraph's lines): a contingency's name written as a field's
// label, capitalised and with its colon, starts its field there though no full stop comes before it.
const FIELD_START = regex('giu', String.raw`(?<=\s)(?:${NAMES})(?![\p{L}])[ \t]{0,3}:`);
const CAPITAL = /^\p{Lu}/u;

/** Whether a section heading, or the short label above a list ("Rollback plan:"), names a contingency. */
export function namesContingency(heading: string | undefined): boolean {
  return heading !== undefined && HEADING.test(heading);
}

/** Whether a passage (a document's or a message's, documents.ts) is a contingency: under a heading
 * naming one, below a label naming one, or opening with such a label. */
export function isContingency(p: { heading?: string | undefined; lead?: string | undefined; text: string }): boolean {
  return namesContingency(p.heading) || (p.lead !== undefined && labelled(p.lead.trim())) || labelled(p.text.trim());
}

/** A passage's text as evidence of what happened: none for a contingency passage, else its text
 * without the contingency sections inside it. A commit message's `subject`, where the passage opens
 * with it, names the commit's own act, never a plan ("Rollback: FEATURE_X off after errors"): it is
 * read as written, and the body's words joined to it in the passage as any others are. */
export function eventText(p: { heading?: string | undefined; lead?: string | undefined; text: string }, subject?: string): string | undefined {
  if (subject && p.text.startsWith(subject)) return subject + withoutContingencies(p.text.slice(subject.length));
  return isContingency(p) ? undefined : withoutContingencies(p.text);
}

/** A text that opens with a contingency's label, unless the label (a plan's name, not a condition,
 * which stays one whatever follows) has words that report the undo done. */
function labelled(text: string): boolean {
  const m = LABEL.exec(text);
  if (!m) return false;
  // (A parenthesis after the label is the label's: "Rollback (INC-12): done at 14:02".)
  const words = text.slice(m[0].length).replace(m[0].endsWith('(') ? /^[^)]{0,60}\)/ : /^/, '');
  return CONDITION.test(m[0]) || !reportsUndo(words.replace(/^[\s:—–*_-]+/, ''));
}

/** The text without its contingency sections: under a heading naming one, to the next heading; after
 * a label naming one, to the end of its paragraph (a label alone on its line takes the block below
 * it, list and all); a lead-in clause ("If this goes wrong, …") to the end of its sentence. A label
 * inside a line of several sentences takes the rest of that line. The rest of the text is kept as
 * written, line for line. */
export function withoutContingencies(text: string): string {
  if (!HEADING.test(text)) return text;
  const out: string[] = [];
  // 'heading': to the next heading of its level or above; 'block': a label's block, to its blank line (after content).
  let skipping: 'heading' | 'block' | undefined;
  let level = 0;
  let content = false;
  for (const line of text.split('\n')) {
    const bare = line.trim();
    const heading = HEADING_LINE.exec(bare);
    if (heading) {
      const depth = heading[1]!.length;
      if (skipping === 'heading' && depth > level) continue;
      skipping = namesContingency(bare.replace(/^#+\s*/, '')) ? 'heading' : undefined;
      level = depth;
      if (!skipping) out.push(line);
      continue;
    }
    if (skipping === 'block') {
      if (bare === '') {
        if (content) skipping = undefined;
        out.push(line);
        continue;
      }
      // Another label ends the block, unless it is an item of the block's list.
      if (!(OTHER_LABEL.test(bare) && !LIST_ITEM.test(line) && !labelled(bare))) {
        content = true;
        continue;
      }
      skipping = undefined;
    }
    if (skipping === 'heading') continue;
    if (labelled(bare)) {
      skipping = 'block';
      // A label with its words on its own line ("Back-out: set it back to false") has content already.
      content = bare.replace(LABEL, '').trim().length > 0;
      continue;
    }
    out.push(withinLine(line));
  }
  return out.join('\n');
}

/** One line's sentences up to a contingency label or lead-in among them. */
function withinLine(line: string): string {
  if (!ANY.test(line)) return line;
  const fields = [...line.matchAll(FIELD_START)].filter((m) => CAPITAL.test(m[0])).map((m) => m.index);
  const starts = [...new Set([0, ...[...line.matchAll(SENTENCE_START)].map((m) => m.index + m[0].length), ...fields])].sort((a, b) => a - b);
  for (let i = 0; i < starts.length; i++) {
    const rest = line.slice(starts[i]);
    if (labelled(rest)) return line.slice(0, starts[i]).trimEnd();
    if (LEAD_IN.test(rest)) {
      const next = starts[i + 1];
      return (line.slice(0, starts[i]) + (next === undefined ? '' : line.slice(next))).trimEnd();
    }
  }
  return line;
}
