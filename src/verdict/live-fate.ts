// The fate a committed document gives a live change. A hand edit in the cluster (`kubectl set
// resources` during an incident, a RoleBinding applied by hand, `kubectl set env` for a sale) is
// often decided in writing, before or after it: a post-mortem keeps the new limit and lists
// "update the manifest" as an action item, an ADR says the binding is to be codified in the repo,
// a change record says the values go back on 1 December. A person reviewing the drift reads that
// document and does what it says; so does this reader:
// - linked: the document cites an id the live object's notes cite, or names the key (its field or
//   env var), the object (for a whole object made by hand), or the live value where the document
//   names the key too. Written from two days before the edit on (a write-up), or before it where
//   it names the key with the live value (the change's own plan: a change record);
// - about it: a sentence naming the key, the object, the live value, or referring to it ("the
//   binding", "the hand edit", "the mitigation"), or a clause going on from one ("…; it stays") —
//   never a sentence about another environment, or one naming another key of the scan;
// - its fate: keep it ("stays", "keep it", "make it permanent", "codify", "update the manifest
//   to …", "add it to the repo", an open "- [ ] update deploy/prod/x.yaml" item, "bleibt", "se
//   mantiene", "on garde") or put it back ("back to 25", "revert it", "temporary", "zurück auf
//   25"), with the day it goes back by, if the sentence gives one (a window's last day).
// A keep and a put-back in the same document are a disagreement; across documents, the newest
// written decides. Negations turn a fate around ("not temporary", "do not revert" keep it; "not
// permanent" puts it back), and conditions for later ("if it OOMs again, raise it") are no fate.
// Pure: the documents come from the scan's index, found through one literal index per log
// (texts.ts), so a scan reads each document's text once, and each divergence only the documents
// holding its key's, object's, value's or ticket's literals.
import type { EnvName } from '../model/types.js';
import type { CommitLog } from './log.js';
import { documentIndex, keyLeaf, keyName, namesOtherKey, namesValue, type IndexedDocument, type Passage } from './documents.js';
import { foreignSays, foreignStays } from './languages.js';
import { dateIn } from './calendar.js';
import { tenseOf } from './tense.js';
import { readDeadline } from './deadline.js';
import { mentions } from './envnames.js';
import { regex, escapeRegExp } from './pattern.js';
import { LiteralIndex } from './texts.js';
import { AHEAD, openIn } from './conditions.js';
import { unrecorded } from './unrecorded.js';
import { eventText } from './contingency.js';
import { sentencesIn } from './sentence-end.js';
import { pendingHold } from './pending-hold.js';
import { plannedStart } from './planned-start.js';
import { namesByOption } from './changed-option.js';
import { notBefore } from './not-before.js';

/** The live change a document may decide. */
export interface LiveChange {
  key: string;
  env: EnvName;
  environments: readonly EnvName[];
  /** The value running (null for a whole object). */
  live: string | null;
  /** What the repo says (what putting it back deploys); null where the repo lacks it. */
  file: string | null;
  /** When it was made by hand (managedFields), if known. */
  editedAt?: string;
  /** Ids the notes on the live object cite ("billwise.example/adr: ADR-0019"). */
  tickets: readonly string[];
  /** The divergence is a whole object made by hand (a RoleBinding), not one field of it. */
  object: boolean;
  /** The name of the live object holding the field (`storefront` of Deployment/storefront), for a
   * field: a plan or write-up names the object it scales or sets ("kubectl scale storefront … bis
   * 12.11."), seldom the field's key. */
  holder?: string;
}

export interface LiveFate {
  fate: 'keep' | 'revert';
  passage: Passage;
  /** The words that state it. */
  phrase: string;
  /** The day it goes back by (a put-back), or the day a keep ends (then it goes back). */
  date?: string;
  /** The event it waits for, where no day is given ("until the stream-hash fix ships"). */
  event?: string;
  /** A keep read from a plan the edit carried out (planned-start.ts), not from a word to keep it. */
  planned?: boolean;
  /** A keep written into the repository, whose record also keeps it until this day, still ahead: it
   * lives in the repository until then. */
  lasts?: string;
  /** A put-back forbidden until its day or event ("do not scale down before the review on 8 Dec"): held
   * until then, and what follows is not said. */
  opens?: boolean;
}

export type FateReading = LiveFate | { conflict: [LiveFate, LiveFate] };

const DAY = 86_400_000;

/** What the newest document linked to the change says its fate is, or both fates where it says both. */
export function liveFate(change: LiveChange, log: CommitLog | undefined, today?: string): FateReading | undefined {
  if (!log) return undefined;
  const docs = linkedDocuments(change, log, today);
  // Newest written first: the latest word decides.
  docs.sort((a, b) => Date.parse(b.doc.written.date) - Date.parse(a.doc.written.date));
  for (const { doc, byKey } of docs) {
    const fates = fatesIn(change, doc, byKey, log);
    if (fates.length === 0) continue;
    const keep = fates.find((f) => f.fate === 'keep' && f.date === undefined);
    const revert = fates.find((f) => f.fate === 'revert' || f.date !== undefined);
    const lasting = keep && revert ? keptInRepoUntil(keep, fates, today) : undefined;
    if (lasting) return lasting;
    if (keep && revert) return { conflict: [keep, revert] };
    if (keep) return fates.find((f) => f.fate === 'keep' && f.event === undefined) ?? keep;
    // A put-back with its day first, the latest day where several are given; then one with its event.
    const dated = fates.filter((f) => f.date !== undefined).sort((a, b) => b.date!.localeCompare(a.date!));
    return dated[0] ?? fates.find((f) => f.event !== undefined) ?? fates[0];
  }
  return undefined;
}

// A keep that writes the change into the repository: "codify it", "define it in deploy/prd", "add it to
// git", "update the manifest", "in prod/x.yaml eintragen", "al repo".
const INTO_REPO = /codif|backfill|repo|(?<![\p{L}])git(?![\p{L}])|manifest|dépôt|[\w.-]\/[\w.-]|\.(?:ya?ml|json|env|tfvars|toml)(?![\p{L}])/iu;

/** A record that keeps the change until a day still ahead and orders it into the repository ("stays in prd
 * until the gateway is retired (Q2 2028) … define it in deploy/prd") states one decision, not two: for as
 * long as it stays, it is to be in the repository. Every fate a keep, none a put-back. */
function keptInRepoUntil(keep: LiveFate, fates: LiveFate[], today: string | undefined): LiveFate | undefined {
  if (!INTO_REPO.test(keep.phrase) || fates.some((f) => f.fate !== 'keep')) return undefined;
  const ends = fates.filter((f) => f.date !== undefined).map((f) => f.date!);
  if (ends.length === 0 || ends.some((d) => !!today && d < today)) return undefined;
  return { ...keep, lasts: ends.sort().at(-1)! };
}

/** The scan's documents, one literal index of their lower case per log. */
const indexes = new WeakMap<IndexedDocument[], LiteralIndex>();
function literalIndex(docs: IndexedDocument[]): LiteralIndex {
  let index = indexes.get(docs);
  if (!index) indexes.set(docs, (index = unrecorded(() => new LiteralIndex(docs.map((d) => d.lower)))));
  return index;
}

/** The object a key names: `RoleBinding/velero-backup` → velero-backup (and its kind), for a whole object. */
function objectOf(key: string): { kind: string; name: string } | undefined {
  const m = /^([A-Z][A-Za-z]+)\/([a-z0-9][a-z0-9.-]{2,62})$/.exec(key);
  return m ? { kind: m[1]!, name: m[2]! } : undefined;
}

/** A value plain enough to be anything ("true", "1"): prose naming it is not about this key. */
const PLAIN = /^(?:true|false|yes|no|on|off|\d)$/i;

function linkedDocuments(change: LiveChange, log: CommitLog, today?: string): Array<{ doc: IndexedDocument; byKey: boolean }> {
  const docs = documentIndex(log);
  if (docs.length === 0) return [];
  const name = keyName(change.key);
  const object = change.object ? objectOf(change.key) : undefined;
  const live = change.live !== null && change.live.trim().length >= 2 && !PLAIN.test(change.live.trim()) ? change.live.trim() : undefined;
  const tickets = new Set(change.tickets.map((t) => t.toUpperCase()));
  const index = literalIndex(docs);
  const candidates = new Set<number>();
  const add = (held: readonly number[] | undefined) => {
    for (const i of held ?? []) candidates.add(i);
  };
  if (name) {
    // The key as written, or every word of its spelt form (keyName): not the run alone, which a
    // word many keys share ("db", "setting") holds in most documents.
    const leaf = keyLeaf(change.key).toLowerCase();
    add(index.holding(leaf));
    if (name.spelt) {
      let all: Set<number> | undefined;
      for (const word of name.spelt) {
        const held = new Set(index.holding(word) ?? []);
        all = all ? new Set([...all].filter((i) => held.has(i))) : held;
        if (all.size === 0) break;
      }
      add([...(all ?? [])]);
    }
  }
  if (object) add(index.holding(object.name.toLowerCase()));
  const holder = !change.object && change.holder && change.holder.length >= 4 ? change.holder : undefined;
  if (holder) add(index.holding(holder.toLowerCase()));
  for (const t of tickets) add(index.holding(t.toLowerCase()));
  const edited = change.editedAt ? Date.parse(change.editedAt) : undefined;
  const out: Array<{ doc: IndexedDocument; byKey: boolean }> = [];
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const doc = docs[i]!;
    const written = doc.written.date;
    if (today && written.slice(0, 10) > today) continue;
    const byTicket = [...tickets].some((t) => doc.tickets.has(t));
    const namesObject = !!object && pattern(object.name).test(doc.text);
    const byKey = !!name && name.pattern.test(doc.text);
    const byHolder = !!holder && pattern(holder).test(doc.text);
    if (!byTicket && !namesObject && !byKey && !byHolder) continue;
    // Before the edit (and not prepared with it), a document decides it only as its plan: one that
    // names the key with the value it runs now ("DB_POOL_SIZE=40"), or the object it made.
    if (edited !== undefined && Date.parse(written) < edited - 2 * DAY) {
      // (Or, in a document naming the key, with the value it replaces: "400 seats (was 250)".)
      const file = change.file !== null && change.file.trim().length >= 2 && !PLAIN.test(change.file.trim()) ? change.file : undefined;
      const plans =
        namesObject ||
        (byKey &&
          live !== undefined &&
          doc.passages.some((p) => namesValue(p.text, live) && (name.pattern.test(p.text) || (file !== undefined && namesValue(p.text, file)))));
      if (!plans) continue;
    }
    out.push({ doc, byKey });
  }
  return out;
}

const patterns = new Map<string, RegExp>();
/** A name as a word of its own (not inside a longer name: `velero-backup-old`). */
function pattern(name: string): RegExp {
  let re = patterns.get(name);
  if (!re) {
    if (patterns.size > 2048) patterns.clear();
    patterns.set(name, (re = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i')));
  }
  return re;
}

/** What a whole object's kind is called in prose: "the binding", "the RoleBinding", "the grant", "the policy". */
function kindNouns(kind: string): string[] {
  const words = kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const last = words.split(' ').at(-1)!;
  return [...new Set([kind.toLowerCase(), words, ...(last.length >= 5 ? [last] : []), ...(/binding$/i.test(kind) ? ['grant'] : [])])];
}

// What a document calls the change once it has named it: "the hand edit", "the mitigation", "the new limit".
const EDIT_REF = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:the|this|that|our) (?:(?:hand|live|manual|kubectl|emergency|incident|temporary) )?`,
  String.raw`(?:edit|change|patch|override|mitigation|workaround|hot-?fix|bump|raise|increase|tweak)(?![\p{L}])|`,
  String.raw`(?<![\p{L}])(?:the|this) new (?:limit|value|size|setting|pool size|default)(?![\p{L}])`,
);
// A clause that goes on about what the one before it named: "it stays", "this is approved", a fate
// with no subject of its own ("Keep it", "revert on 2026-11-29", "TODO: update manifest"), or one
// whose object is a pronoun.
const GOES_ON = regex(
  'iu',
  String.raw`^\s*(?:(?:[-*+]|\d+[.)])\s*)?(?:\[[ xX]\]\s*)?`,
  String.raw`(?:(?:todo|action(?: items?)?|follow-?ups?|next steps?|decision|outcome|resolution)\s*:\s*)?(?:(?:and|but|so|then)\s+)?`,
  String.raw`(?:it|this|that|they|these|keep|revert|put|roll|undo|codify|backfill|update|add|reset|restore|go|goes|back|stays?|remains?|to be)(?![\p{L}])`,
);
const PRONOUN_OBJECT = /(?<![\p{L}])(?:keep|revert|codify|undo|put|roll|leave|restore|define) (?:it|this|that|them)(?![\p{L}])/iu;
// An instruction for a situation to come: "if it OOMs again, …", "should the pool run out, …" (not a
// "When:" label of a change record).
const CONDITIONAL =
  /^\s*(?:(?:[-*+]|\d+[.)])\s*)?(?:\[[ xX]\]\s*)?(?:if|when(?!\s*:)|whenever|in case|should (?:it|the|we|this)|wenn|falls|sobald|si|cuando|en caso|lorsque|quand)(?![\p{L}])/iu;
const NEGATION =
  /(?<![\p{L}])(?:not|never|no|don't|do not|dont|must not|mustn't|should not|shouldn't|no need to|nicht|kein|no hay que|ne pas|pas)\s+(?:\p{L}+\s+)?$/iu;

// Keeping the change: "stays", "keep it", "make it permanent", "codify", "update the manifest to …",
// "add it to the repo", "so the repo matches", "so the next deploy keeps it". Not "keeps" before a verb's
// -ing form ("a hung pod keeps getting traffic", "keeps restarting"): that says something goes on
// happening, often the cost of the change told; "keeps running" is an object kept, and stays a keep.
const KEEP = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:stays?|remains?|(?:is|are|be) kept|keep(?:s|ing)? (?!an eye|track|in mind|monitoring|watching|an? |(?!running(?![\p{L}]))\p{L}+ing(?![\p{L}]))\S+|`,
  String.raw`make (?:it|this|that|them|the [\p{L}-]+) permanent|permanent(?:ly)?|for good|codif(?:y|ies|ied|ying)|backfill(?:s|ed)?|`,
  String.raw`write (?:it |this |them )?back|check (?:it |them )?in(?![\p{L}])|`,
  String.raw`update[sd]? (?:the )?(?:[\p{L}-]+ )?(?:manifests?|repo(?:sitory)?|values(?: file)?|chart|overlay|kustomization|[\w.-]*/[\w./-]*|[\w.-]+\.(?:ya?ml|json|env|tfvars|toml))|`,
  String.raw`(?:add|adds|added|commit|commits|put|puts|move|moves|write|writes|define|defines) (?:it |this |them |the [\p{L}-]+ )?(?:back )?(?:to|in|into) (?:the |our )?`,
  String.raw`(?:repo(?:sitory)?|git|manifests?|values(?: file)?|[\w.-]*/[\w./-]*|[\w.-]+\.(?:ya?ml|json|env|tfvars|toml))|`,
  String.raw`so (?:that )?the (?:repo(?:sitory)?|manifests?|files?|git) match(?:es)?|`,
  String.raw`so (?:that )?the next (?:deploy|rollout|sync) (?:keeps|does not revert|doesn't revert|won't revert) it)(?![\p{L}])`,
);
// Writing the thing itself into the repository, its own pattern so that each stays small enough for the
// ReDoS checker to decide: "update the Role in the repo", "update it in git", "put MaxRAMPercentage=85.0
// into k8s/production/api.yaml" (an option or a value between the verb and the file).
const KEEP_INTO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:update[sd]? (?:it|this|them|the [\p{L}-]+|[\p{L}-]+) (?:in|into) (?:the |our )?(?:repo(?:sitory)?|git|manifests?)|`,
  String.raw`(?:put|puts|write|writes|add|adds|commit|commits) [\w.:=%+-]{1,80} (?:in|into|to) (?:[\w.-]*/[\w./-]*|[\w.-]+\.(?:ya?ml|json|env|tfvars|toml)))(?![\p{L}])`,
);
// … and as the other languages read write it, the verb before the file or after it: "MaxRAMPercentage=85 in
// production/api.yaml eintragen", "mettre … dans prod/api.yaml", "poner … en", "colocar … no", "… in prod/api.yaml zetten".
const PATH = String.raw`(?:[\w.-]*/[\w./-]*|[\w.-]+\.(?:ya?ml|json|env|tfvars|toml))`;
const KEEP_INTO_FOREIGN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:mettre|reporter|écrire|ajouter|définir|poner|escribir|añadir|agregar|definir|pôr|colocar|escrever|mettere|scrivere|aggiungere|definire)`,
  // (The object may be a pronoun before the verb or on it: "le définir dans …", "definirlo en …", "definirla in …".)
  String.raw`(?:lo|la|los|las)? (?:[\w.:=%+-]{1,80} )?(?:dans|en|em|no|na|in|nel) ${PATH}|`,
  String.raw`(?:in|ins) ${PATH} (?:eintragen|nachziehen|nachtragen|übernehmen|aufnehmen|definieren|anlegen|zetten|opnemen|toevoegen|vastleggen))(?![\p{L}])`,
);
// The repository made to follow what runs: "bring git in line with what runs", "align the repo with
// the cluster", "make the manifests match what's deployed", "Repo an den Live-Stand angleichen",
// "aligner le dépôt sur ce qui tourne", "alinear el repo con lo que corre", "de repo gelijktrekken met
// wat draait", "allineare il repo con quello che gira", "alinhar o repo com o que está rodando". In a
// document about the object, "what runs" names its live state: every field of it is kept as it runs.
const REPO_WORD = String.raw`(?:(?:the|our|le|el|il|o|de|das|den|het) )?(?:git|repo|repository|repositorio|repositório|dépôt|manifests?|manifeste)`;
const LIVE_WORD =
  String.raw`(?:what(?:['’]s| is)? (?:running|deployed|live)|what (?:runs|is in the cluster)|the cluster|(?:the )?live(?: state)?|ce qui tourne|le cluster|` +
  String.raw`lo que (?:corre|está corriendo|está desplegado)|el clúster|wat (?:er )?draait|het cluster|quello che gira|il cluster|o que (?:está rodando|roda)|o cluster|` +
  String.raw`(?:den |das )?(?:live-stand|ist-stand|cluster|was läuft|was live läuft))`;
const FOLLOWS_LIVE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:bring|get|put) ${REPO_WORD} (?:back )?in line with ${LIVE_WORD}|(?:align|sync|reconcile) ${REPO_WORD} (?:with|to) ${LIVE_WORD}|`,
  String.raw`make ${REPO_WORD} match ${LIVE_WORD}|${REPO_WORD} (?:an|auf) ${LIVE_WORD},? (?:angleichen|anpassen|nachziehen)|`,
  String.raw`(?:aligner|synchroniser|mettre) ${REPO_WORD} (?:sur|avec|en phase avec|à jour avec) ${LIVE_WORD}|(?:alinear|sincronizar) ${REPO_WORD} con ${LIVE_WORD}|`,
  String.raw`${REPO_WORD} (?:gelijktrekken|in lijn brengen|synchroniseren) met ${LIVE_WORD}|allineare ${REPO_WORD} (?:a|con) ${LIVE_WORD}|alinhar ${REPO_WORD} (?:com|ao) ${LIVE_WORD})(?![\p{L}])`,
);
// The repository told to follow the change, as a decision writes it: "the manifest in k8s/prod must
// follow", "git has to catch up", "das Manifest muss nachziehen", "le dépôt doit suivre", "el repo debe
// seguir", "il manifest deve seguire", "het manifest moet volgen", "manifestet måste följa efter". In a
// document about the object the repository follows what runs: a keep. Only with nothing it follows
// named but the change ("must follow the naming scheme" is another rule), and not "seguir igual" (stay as is).
// (With the definite endings Nordic languages write: "manifestet", "repot".)
const REPO_NOUN = String.raw`(?:git|repo(?:t|et)?|repository|repositorio|repositório|dépôt|manifest(?:s|e|et|en|o)?|manifiesto|tfvars|terraform|kustomization|overlay|values file)`;
const MUST = String.raw`(?:must|has to|have to|needs? to|should|shall|is to|are to|will|muss|müssen|soll|sollte|doit|doivent|debe|deben|deve|devono|devem|moet|moeten|måste|ska|skal|må|musi)`;
const FOLLOW_VERB = String.raw`(?:follow|catch up|be updated|nachziehen|nachgezogen werden|folgen|suivre|seguir|seguire|acompanhar|volgen|följa(?: efter)?|følge(?: etter| efter)?)`;
const REPO_MUST_FOLLOW = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:the|our|le|el|il|o|de|das|den|het|die|la) )?(?:[\p{L}\d-]+ )?${REPO_NOUN}(?: (?:in|for|under|im|dans|en|em|op|w|i) [\w./-]+)? ${MUST} ${FOLLOW_VERB}(?![\p{L}])`,
);
// What may stand after the verb for the change to be what the repository follows: nothing, a pronoun, "suit", "accordingly".
const FOLLOWS_NOTHING_ELSE = regex(
  'iu',
  String.raw`^(?:\s*(?:$|[.;:,()\[\]—–-])|\s+(?:suit|it|this|that|them|now|too|as well|soon|accordingly|`,
  String.raw`entsprechend|dementsprechend|en conséquence|en consecuencia|di conseguenza|dienovereenkomstig)(?![\p{L}]))`,
);
const LIVE_AFTER = regex('iu', String.raw`^\s+`, LIVE_WORD);

/** "the manifest in k8s/prod must follow": the repository told to follow, now, nothing else named as what it follows. */
function repoFollows(clause: string): RegExpExecArray | undefined {
  const m = REPO_MUST_FOLLOW.exec(clause);
  if (!m) return undefined;
  const rest = clause.slice(m.index + m[0].length);
  if (!FOLLOWS_NOTHING_ELSE.test(rest) && !LIVE_AFTER.test(rest)) return undefined;
  // "… must follow once the contract is signed": a plan for later, which the stated-end readers weigh.
  return AHEAD.test(rest.split(/[.;\n]/)[0] ?? '') ? undefined : m;
}

// Putting it back: "back to 25", "revert it", "roll it back", "goes back", "to be reverted on …", or a
// change made for a while only ("temporary", "for the peak only", "incident-only").
const REVERT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:back to|revert(?:s|ing)?|roll(?:s|ing)? (?:it |this |them )?back|rollback|put(?:s|ting)? (?:it |this |them )?back|`,
  String.raw`undo(?:es|ing)?|go(?:es|ing)? back|set (?:it |this |them )?back|restore|reset (?:it |this |them )?to|`,
  String.raw`(?:be|been|gets?|is|are) (?:reverted|rolled back|put back|undone|restored|reset)|`,
  String.raw`temporar(?:y|ily)|(?:peak|incident|sale|event)[- ]only|only for the (?:peak|sale|incident|event|weekend|freeze)|`,
  String.raw`for the (?:peak|sale|incident|event|weekend|freeze) only)(?![\p{L}])`,
);
// The repo's side keeping its own value ("the manifest keeps 25"): a word about the file, not a keep of the live change.
const FILE_KEEPS = /(?<![\p{L}])(?:the )?(?:manifest|repo(?:sitory)?|git|file|chart|values(?: file)?)\s+(?:keeps|stays|remains)(?![\p{L}])/iu;
// "back to" names what it goes back to: the file's value, or the old value by name.
const BACK_TO_OLD =
  /^\s*(?:the\s+)?(?:old|previous|original|repo|manifest|file|normal|default|usual|baseline)(?![\p{L}])|^\s*what (?:the )?(?:repo|manifest|file|git) (?:says|has)/iu;
// A choice left to make: "keep it or revert", "decide whether to codify".
const CHOICE = regex(
  'iu',
  // … and one left to someone ("Chiara decides if 8000 stays", "Chiara entscheidet, ob 8000 bleibt", "elle décidera si", "zij beslist of").
  String.raw`(?<![\p{L}])(?:(?:decides?|deciding|will decide) (?:whether|if|between|on)|entscheide[nt]?,? ob|décider(?:a|ont)? si|decidirá(?:n)? si|deciderà se|beslis(?:t|sen)? of|`,
  String.raw`(?:keep|stay|codify) (?:\S+ ){0,6}?or (?:revert|go back|roll back|drop|undo|put)|`,
  String.raw`either (?:\S+ ){1,8}?or)(?![\p{L}])`,
);
// Where a keep ends: "stays until …", "keep it until …", "bis …", "hasta …", "jusqu'à …".
const UNTIL = /(?<![\p{L}])(?:until|till|bis|hasta|jusqu['’]?(?:à|au)|fino a|até|tot)(?![\p{L}])/iu;

/** The fates the document's sentences about the change state. */
function fatesIn(change: LiveChange, doc: IndexedDocument, byKey: boolean, log: CommitLog): LiveFate[] {
  const name = keyName(change.key);
  const object = change.object ? objectOf(change.key) : undefined;
  const nouns = object ? kindNouns(object.kind) : [];
  const nounRe = nouns.length
    ? new RegExp(`(?<![\\p{L}])(?:the|this|that|our) (?:[\\p{L}-]+ )?(?:${nouns.map((n) => n.replace(/ /g, '\\s')).join('|')})(?![\\p{L}])`, 'iu')
    : undefined;
  // A Kubernetes kind is written as Kubernetes spells it in every language ("die Role", "la Role",
  // "живу Role"): in a document naming the object, its kind so spelt names it.
  const kindRe = object && object.kind.length >= 4 ? new RegExp(`(?<![\\p{L}])${object.kind}(?![\\p{L}])`, 'u') : undefined;
  const live = change.live;
  const others = change.environments.filter((e) => e !== change.env);
  const out: LiveFate[] = [];
  const edited = change.editedAt?.slice(0, 10);
  // A document that says it decides nothing yet ("Status: proposed") states no fate.
  if (doc.status && !doc.status.decided) return [];
  for (const p of doc.passages) {
    // A back-out plan states no fate: "Rollback: set it back to 8" is what would be done (contingency.ts).
    const text = eventText(p);
    // Nor a hold until someone returns or decides ("DON'T touch it till she's back"; pending-hold.ts).
    if (text === undefined || openIn(text) || pendingHold(text)) continue;
    // Within a passage, a sentence or clause goes on about what the one before it named ("…=32 set by
    // hand. Keep it."; "The binding is approved; it stays."; "… nur für den Aktionstag. Am 28.11.
    // wieder zurück auf 8."). A date's, an abbreviation's or an ordinal's dot ends no sentence ("Am
    // 28.11. wieder …", "z. B. 32"; sentence-end.ts), a number's before a capital does ("… bis 28.11. Danach 8.").
    let about = false;
    for (const sentence of sentencesIn(text.replace(/\*\*|__|`/g, ''))) {
      // A question decides nothing ("keep 32 or go back to 8?"), nor a choice left to make.
      if (/[?？]\s*$/u.test(sentence) || CHOICE.test(sentence)) {
        about = false;
        continue;
      }
      for (const clause of sentence.split(/;\s+|\s+[—–]\s+/)) {
        const named =
          (!!name && name.pattern.test(clause)) ||
          (!!object && pattern(object.name).test(clause)) ||
          heldField(clause, change) ||
          scaledHolder(clause, change) ||
          (byKey && live !== null && live.trim().length >= 2 && !PLAIN.test(live.trim()) && namesValue(clause, live)) ||
          // A value of options by the one option it sets apart ("MaxRAMPercentage=85.0"; changed-option.ts).
          (byKey && namesByOption(clause, live, change.file));
        const other = () => namesOtherKey(clause, clause.toLowerCase(), change.key, log);
        const referred = !named && (EDIT_REF.test(clause) || (!!nounRe && nounRe.test(clause)) || (!!kindRe && kindRe.test(clause))) && !other();
        // (… or writes it into the repository, as a decision's next line does: "In deploy/prd/x.yaml eintragen".)
        const goesOn: boolean =
          about &&
          (GOES_ON.test(clause) ||
            PRONOUN_OBJECT.test(clause) ||
            (change.file !== null && namesValue(clause, change.file)) ||
            KEEP_INTO.test(clause) ||
            KEEP_INTO_FOREIGN.test(clause)) &&
          !other();
        // "bring git in line with what runs" names the live state of the object the document is about.
        const follows: boolean = !named && !referred && !goesOn && (FOLLOWS_LIVE.test(clause) || !!repoFollows(clause)) && !other();
        about = named || referred || goesOn || follows;
        if (!about) continue;
        // A sentence about another environment's value ("staging can stay at 1Gi") is not about this one's.
        if (others.some((e) => mentions(clause, e)) && !mentions(clause, change.env)) continue;
        if (CONDITIONAL.test(clause)) continue;
        const fate = fateOf(clause, sentence, change, doc.written.date, edited);
        if (fate?.fate === 'revert' && fate.date === undefined && fate.event === undefined) {
          const day = headingDay(p.heading, edited ?? doc.written.date.slice(0, 10));
          if (day) fate.date = day;
        }
        if (fate) out.push({ ...fate, passage: { file: doc.path, line: p.line, text: p.text.slice(0, 400), written: doc.written } });
      }
    }
  }
  return out;
}

/** The day a runbook's section is for, where its heading is a day ("## 6 January", "### Am 6. Januar", "## 6 January:
 * season ends"): a put-back listed under it is that day's step, not one due now. A recurring runbook names no year,
 * so the day is the next one on or after the edit it is read for. A long heading that merely holds a date ("Incident
 * of 2027-05-04 and what we learned") is a title, not a day's section. */
function headingDay(heading: string | undefined, from: string): string | undefined {
  if (!heading || heading.length > 40) return undefined;
  const day = dateIn(heading, from, 'ahead');
  return day && day >= from ? day : undefined;
}

/** A clause about the field through the object holding it: the object's name in this environment
 * ("storefront prod: kubectl scale auf 10 …, danach wieder 4") with the live or the file's value. The
 * name alone is any of the object's fields; the environment keeps another environment's plan out. */
function heldField(clause: string, change: LiveChange): boolean {
  const holder = change.holder;
  if (change.object || !holder || holder.length < 4 || !pattern(holder).test(clause) || !mentions(clause, change.env)) return false;
  const says = (value: string | null) => value !== null && value.trim().length >= 2 && !PLAIN.test(value.trim()) && namesValue(clause, value);
  return (
    says(change.live) ||
    says(change.file) ||
    (change.live !== null && change.file !== null && namesValue(clause, change.live) && namesValue(clause, change.file))
  );
}

// Scaling an object, in the languages read: "scale storefront down", "skaliere … herunter", "afschalen".
// (Not "escalate": an incident's escalation scales nothing.)
const SCALES = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:up|down|re|auto|herunter|runter|hoch|ab|op|af|terug|ned|upp)?`,
  String.raw`(?:scal(?:e|es|ed|ing|er|are|ato|ata)|skal(?:a|e|er|ere|ert|erte|ierung|iert|ieren|iere)|schal(?:en|t)|escal(?:ar|ado|ada|amos|e))(?![\p{L}])`,
);

/** A clause about an object's replica count by the verb that sets it: the object named with a verb of
 * scaling ("do not scale storefront down before …"), in a document that names no other environment there. */
function scaledHolder(clause: string, change: LiveChange): boolean {
  const holder = change.holder;
  if (change.object || !holder || holder.length < 4 || !/\.replicas$/.test(change.key)) return false;
  return pattern(holder).test(clause) && SCALES.test(clause) && !change.environments.some((e) => e !== change.env && mentions(clause, e));
}

/** Whether the change raised a number: lowering it is taking it back. */
function raisedLive(change: LiveChange): boolean {
  const [live, file] = [Number.parseFloat(change.live ?? ''), Number.parseFloat(change.file ?? '')];
  return Number.isFinite(live) && Number.isFinite(file) && live > file;
}

/** The fate one clause states, with the day (from its sentence) it goes back by. */
function fateOf(clause: string, sentence: string, change: LiveChange, written: string, edited: string | undefined): Omit<LiveFate, 'passage'> | undefined {
  const names = (value: string | null) => value !== null && value.trim() !== '' && namesValue(clause, value);
  // Taking it back forbidden until something ahead holds it until then, and says nothing after (not-before.ts).
  const held = notBefore(clause, written, raisedLive(change));
  if (held && (!held.date || !edited || held.date >= edited))
    return { fate: 'keep', phrase: held.phrase, ...(held.date ? { date: held.date } : { event: held.event! }), opens: true };
  const revert = revertIn(clause, change.file);
  const keep = keepIn(clause);
  if (revert && !revert.negated) {
    const end = endOf(sentence, written, edited);
    return { fate: 'revert', phrase: revert.phrase, ...end };
  }
  if (keep || revert?.negated) {
    // A keep of what the repo holds ("the manifest keeps 25", "staging stays at 1Gi") is no keep of the live value.
    if (keep && (FILE_KEEPS.test(clause) || (names(change.file) && !names(change.live)))) return undefined;
    const phrase = keep ?? revert!.phrase;
    const at = UNTIL.exec(clause);
    if (at) {
      const rest = clause.slice(at.index);
      const until = readDeadline(rest, written);
      if (until.date && (!edited || until.date >= edited)) return { fate: 'keep', phrase, date: until.date };
      if (until.event) return { fate: 'keep', phrase, event: until.event };
    }
    return { fate: 'keep', phrase };
  }
  // The change with its end and no verb ("DB_POOL_SIZE=40 until 1 December"): it goes back then.
  const at = UNTIL.exec(clause);
  if (at && !(names(change.file) && !names(change.live))) {
    const until = readDeadline(clause.slice(at.index), written).date;
    if (until && (!edited || until >= edited)) return { fate: 'revert', phrase: clause.slice(at.index, at.index + 40).trim(), date: until };
  }
  // A plan replacing the file's value from a day the edit came on ("from 1 Nov: 400 seats (was 250)").
  const planned = plannedStart(clause, change.live, change.file, written, edited);
  if (planned) return { fate: 'keep', phrase: planned, planned: true };
  return undefined;
}

/** The words putting the change back, if any — and whether they are negated ("do not revert it", "not temporary"). */
function revertIn(clause: string, file: string | null): { phrase: string; negated: boolean } | undefined {
  for (const m of clause.matchAll(new RegExp(REVERT.source, 'giu'))) {
    const phrase = m[0];
    if (/^back to$/i.test(phrase)) {
      const rest = clause.slice(m.index + phrase.length, m.index + phrase.length + 60);
      if (!(file !== null && namesValue(rest, file)) && !BACK_TO_OLD.test(rest)) continue;
    }
    return { phrase, negated: NEGATION.test(clause.slice(0, m.index)) };
  }
  const foreign = file !== null && namesValue(clause, file) ? foreignSays(clause, 'back')?.phrase : undefined;
  return foreign ? { phrase: foreign, negated: false } : undefined;
}

/** The words keeping the change, in English or a language read (languages.ts), not negated. */
function keepIn(clause: string): string | undefined {
  const follows = FOLLOWS_LIVE.exec(clause) ?? repoFollows(clause);
  if (follows && !NEGATION.test(clause.slice(0, follows.index))) return follows[0];
  for (const m of clause.matchAll(new RegExp(KEEP.source, 'giu'))) {
    if (NEGATION.test(clause.slice(0, m.index))) return undefined;
    return m[0];
  }
  const into = KEEP_INTO.exec(clause) ?? KEEP_INTO_FOREIGN.exec(clause);
  if (into) return NEGATION.test(clause.slice(0, into.index)) ? undefined : into[0];
  return foreignSays(clause, 'keep')?.phrase ?? foreignSays(clause, 'permanent')?.phrase ?? foreignStays(clause)?.phrase;
}

/** The day a sentence gives a put-back — the last day it names, on or after the edit (a window's end:
 * "25 Nov → 1 Dec, then back") — or the event it waits for. */
function endOf(sentence: string, written: string, edited: string | undefined): { date?: string; event?: string } {
  const days = new Set<string>();
  // A put-back the sentence tells of as past due ("should have gone back to 4 on 29 Nov, nobody did
  // it", "hätte am 29.11. zurückgesetzt werden sollen, wurde vergessen") names the day just gone, not
  // next year's: a report's day is the nearer one (tense.ts), a plan's the next.
  const year = tenseOf(sentence) === 'past' ? 'near' : 'ahead';
  for (const part of sentence.split(/→|->|,|;|(?<![\p{L}])(?:then|until|till|to|and|bis|hasta|jusqu)(?![\p{L}])/iu)) {
    const day = dateIn(part, written, year);
    if (day) days.add(day);
  }
  const deadline = readDeadline(sentence, written);
  // (A deadline reads a plan's day, the next one: in a report the days read above stand.)
  const reported = year === 'near' && days.size > 0;
  if (deadline.date && !reported) days.add(deadline.date);
  // The day after "until"/"bis" is the end, though the sentence names the start first ("am 10.11.
  // abends, bis 12.11."): a deadline is read from each such word on, too.
  for (const m of reported ? [] : sentence.matchAll(new RegExp(UNTIL.source, 'giu'))) {
    const end = readDeadline(sentence.slice(m.index), written).date;
    if (end) days.add(end);
  }
  const ends = [...days].filter((d) => !edited || d >= edited).sort();
  if (ends.length > 0) return { date: ends.at(-1)! };
  return deadline.event ? { event: deadline.event } : {};
}
