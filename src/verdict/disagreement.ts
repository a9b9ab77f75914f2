// Disagreement written down: a chat thread pasted into a commit (a squash body quoting the Slack
// discussion, an IRC log) whose speakers disagree or that ends without a decision ("let's see
// tomorrow", "to be decided"); and two later notes about one key that say opposite things ("prod
// goes to 0 like staging, decided" / "prod keeps 86400, not decided"). Neither is a decision a rule
// may take for one: a person settles it.
import { regex } from './pattern.js';

export interface Dispute {
  /** The words that show it: the objection, or the open ending. */
  phrase: string;
  speakers: string[];
  why: 'disagree' | 'open';
}

interface Said {
  who: string;
  text: string;
}

// Who speaks, as chats paste: "[14:05] anna: …", "14:05 anna: …", "> bob: …", "<bob> …",
// "@anna: …", "**Anna**: …"; and Slack's copy, a "Anna Müller  2:05 PM" line above the message.
// (The space before "PM" only with "PM": two runs of spaces side by side would backtrack.)
const TIME = String.raw`\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\]?`;
const NAME = String.raw`[\p{L}][\p{L}\p{N}._-]{0,30}(?: [\p{Lu}][\p{L}.'-]{0,30})?`;
const INLINE = new RegExp(String.raw`^\s*(?:>\s*)?(?:${TIME}\s*)?(?:<|\*\*|@)?(${NAME})(?:>|\*\*)?\s*(?:${TIME}\s*)?:\s+(\S.*)$`, 'u');
const IRC = new RegExp(String.raw`^\s*(?:>\s*)?(?:${TIME}\s*)?<(${NAME})>\s+(\S.*)$`, 'u');
const SLACK_HEADER = new RegExp(String.raw`^\s*([\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+){0,3})\s+${TIME}\s*$`, 'u');
// Line heads that are not speakers: conventional commit types, trailers, the words notes begin with.
const NOT_A_SPEAKER = regex(
  'i',
  '^(?:',
  'fix|feat|chore|docs?|refactor|perf|test|build|ci|style|revert|ops|config|note|notes|nb|todo|',
  'fixme|ps|fyi|update|edit|re|context|why|what|how|impact|risk|ticket|tickets|see|refs?|link|links|',
  'jira|pr|issue|cause|root cause|summary|result|results|plan|before|after|prod|production|staging|',
  'stage|dev|qa|uat|env|key|value|values|default|example|warning|caution|important|http|https)$',
);

/** The messages of a pasted thread, in order, with their speakers. */
export function threadOf(text: string): Said[] {
  const said: Said[] = [];
  let header: string | undefined;
  for (const line of text.split('\n')) {
    const slack = SLACK_HEADER.exec(line);
    if (slack) {
      header = slack[1]!.trim();
      continue;
    }
    const m = INLINE.exec(line) ?? IRC.exec(line);
    const who = m?.[1]?.trim();
    if (m && who && !NOT_A_SPEAKER.test(who) && !/-by$/i.test(who)) {
      said.push({ who: who.toLowerCase(), text: m[2]!.trim() });
      header = undefined;
      continue;
    }
    // A Slack message's lines follow its header until the next one.
    if (header && line.trim()) {
      const last = said.at(-1);
      if (last && last.who === header.toLowerCase() && !SLACK_HEADER.test(line)) last.text += ` ${line.trim()}`;
      else said.push({ who: header.toLowerCase(), text: line.trim() });
    } else if (!line.trim()) header = header && said.at(-1)?.who === header.toLowerCase() ? header : undefined;
  }
  return said;
}

const AGREE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:agreed?|sounds good|lgtm|ship it|go ahead|fine by me|fine with me|makes sense|`,
  String.raw`ok(?:ay)?,? (?:let['’]s|then|do it|go)|yes|yep|yup|sure|approved?|works for me|`,
  String.raw`einverstanden|passt|de acuerdo|d['’]accord|concordo|akkoord|zgoda|согласен|tamam)(?![\p{L}])|👍|✅|\+1`,
);
const DISAGREE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:disagree|no(?=[,.!])|nope|nah|not convinced|i['’]?d rather not|rather not|please don['’]?t|`,
  String.raw`too risky|against (?:it|this|that)|object(?:ion)?|not (?:ok|okay|sure|a good idea|happy)|hold (?:on|off)|`,
  String.raw`i don['’]?t (?:think|agree|like)|that['’]?s wrong|bad idea|we shouldn['’]?t|should not|shouldn['’]?t|`,
  String.raw`dagegen|bin nicht|no estoy de acuerdo|pas d['’]accord|niet mee eens|nie zgadzam|не согласен|`,
  String.raw`katılmıyorum)(?![\p{L}])|👎|-1(?!\d)`,
);
const OPEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:let['’]?s see|we['’]?ll see|tbd|to be decided|not (?:yet )?decided|undecided|no decision|`,
  String.raw`let['’]?s (?:discuss|talk|sync|revisit|decide|pick (?:this|it) up)|revisit|circle back|`,
  String.raw`take (?:it|this) offline|park(?:ing)? (?:it|this)|sleep on it|need to think|open question|`,
  String.raw`decide (?:tomorrow|later|next week|on \p{L}+day)|still open|(?:will|to) be discussed|`,
  String.raw`mal sehen|schauen wir|morgen besprechen|noch offen|nicht entschieden|lo vemos|a ver|ya veremos|`,
  String.raw`sin decidir|à voir|on verra|pas encore décidé|vediamo|da decidere|zien we|nog niet besloten|`,
  String.raw`zobaczymy|nie zdecydowano|посмотрим|не решили|bakarız|karar verilmedi)(?![\p{L}])|`,
  String.raw`様子見|明日(?:決め|相談|話)|未定|再议|待定|明天再|추후 결정|다시 논의|미정`,
);
const DECIDED = /(?<![\p{L}])(?:(?<!not |un)decided|decision:|final(?:ly)?|settled|going with|we go with|agreed)(?![\p{L}])/iu;

/** A pasted thread whose speakers disagree and end without agreeing, or that ends open: the
 * change's own text does not decide, whatever its first line says. */
export function disputedThread(text: string): Dispute | undefined {
  const said = threadOf(text);
  const speakers = [...new Set(said.map((s) => s.who))];
  if (speakers.length < 2 || said.length < 2) return undefined;
  const last = said.at(-1)!;
  const open = OPEN.exec(last.text);
  if (open) return { phrase: `${last.who}: ${last.text}`.slice(0, 160), speakers, why: 'open' };
  // An objection to someone else's message, not taken back by its speaker's later agreement nor
  // settled by a decision at the end.
  for (let i = 1; i < said.length; i++) {
    const s = said[i]!;
    if (!DISAGREE.test(s.text) || !said.slice(0, i).some((p) => p.who !== s.who)) continue;
    const rest = said.slice(i + 1);
    const settled = rest.some((r) => r.who === s.who && AGREE.test(r.text) && !DISAGREE.test(r.text)) || DECIDED.test(last.text);
    if (!settled) return { phrase: `${s.who}: ${s.text}`.slice(0, 160), speakers, why: 'disagree' };
  }
  return undefined;
}

// A note's stance on another environment: it follows ("prod goes to 0 like staging", "same as
// staging", "align prod") or keeps its own ("prod keeps 86400", "stays as is").
const FOLLOWS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:goes to \S{1,40} (?:like|as (?:in )?)\p{L}{1,40}|like (?:staging|stage|prod|production|dev)|`,
  String.raw`same as (?:staging|stage|prod|production|dev)|align(?:s|ed)? (?:with )?(?:prod|production|staging|it|them)|`,
  String.raw`follows? (?:staging|stage|prod|production|dev)|in sync with)(?![\p{L}])`,
);
const KEEPS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:prod|production|staging|stage|dev) (?:keeps|stays|remains)|keeps? (?:its|the) (?:own|old|current)|`,
  String.raw`stays? (?:as is|at|on|unchanged)|leave (?:it|prod|production) (?:as is|alone|at))(?![\p{L}])`,
);
const NOT_DECIDED = /(?<![\p{L}])(?:not (?:yet )?decided|undecided|tbd|to be decided|no decision|still open)(?![\p{L}])/iu;

/** Two notes that say opposite things: one lets the environment follow and one keeps it apart,
 * or one calls it decided and the other not. The first pair found, in the order given. */
export function notesDisagree<T extends { text: string }>(notes: T[]): { a: T; b: T; phrase: string } | undefined {
  const stance = (t: string) => ({
    follows: FOLLOWS.exec(t)?.[0],
    keeps: KEEPS.exec(t)?.[0],
    decided: DECIDED.exec(t)?.[0],
    open: NOT_DECIDED.exec(t)?.[0],
  });
  for (let i = 0; i < notes.length; i++) {
    const a = stance(notes[i]!.text);
    for (let j = i + 1; j < notes.length; j++) {
      const b = stance(notes[j]!.text);
      const opposite =
        (a.follows && !a.keeps && b.keeps && !b.follows) ||
        (a.keeps && !a.follows && b.follows && !b.keeps) ||
        (a.decided && !a.open && b.open) ||
        (a.open && b.decided && !b.open);
      if (opposite)
        return {
          a: notes[i]!,
          b: notes[j]!,
          phrase: `${a.follows ?? a.keeps ?? a.decided ?? a.open}", the other "${b.follows ?? b.keeps ?? b.decided ?? b.open}`,
        };
    }
  }
  return undefined;
}
