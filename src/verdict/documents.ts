// What a prose document (a post-mortem, a runbook, a QA note) says about one key: only the
// passages that name it, and of those only what records a judgement about the value. A runbook's
// instructions for some later situation ("if the breaker flaps, raise X to 95", "when done, remove
// the binding") are not news of anything: a conditional instruction is never read. Documents tell
// undrift that a hand edit is to be undone (put back what the file says), or, only in so many
// words, that it is to be kept ("decision: keep it", "add it to the repo"); naming the key or the
// incident never makes a hand edit look meant, and documents never report work done.
import type { CommitLog, Message } from './log.js';
import { foreignSays } from './languages.js';

export interface Passage {
  /** The document and the line the passage starts at (1-based). */
  file: string;
  line: number;
  text: string;
  /** The commit that last wrote the document. */
  written: Message;
}

/** At most this many passages of at most this many characters are read per key. */
const PASSAGES = 6;
const PASSAGE_CHARS = 400;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The word a key goes by in prose: its last segment (`data.BREAKER_PCT` → BREAKER_PCT). */
function leafOf(key: string): string {
  return (
    key
      .split(/[.[\]/]/)
      .filter(Boolean)
      .at(-1) ?? key
  );
}

/** A document's passages: each list item with its continuation lines, each table row, or each paragraph. */
export function passages(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let current: { line: number; lines: string[] } | undefined;
  const flush = () => {
    if (current) out.push({ line: current.line, text: current.lines.join(' ').replace(/\s+/g, ' ').trim() });
    current = undefined;
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === '' || /^#{1,6}\s/.test(line)) return flush();
    // A list item, or a table's row: each its own passage.
    const item = /^\s*(?:[-*+]|\d+[.)]|\|)\s+/.test(line);
    if (item || !current) {
      flush();
      current = { line: i + 1, lines: [line] };
    } else current.lines.push(line);
  });
  flush();
  return out;
}

/** The passages of the log's documents naming `key`, with the commit that wrote each document,
 * newest-written first. */
export function passagesAbout(key: string, log: CommitLog | undefined): Passage[] {
  const leaf = leafOf(key);
  if (!log || leaf.length < 4) return [];
  const names = new RegExp(`(^|[^A-Za-z0-9_])${escape(leaf)}($|[^A-Za-z0-9_])`, 'i');
  const found: Passage[] = [];
  for (const doc of log.documents) {
    const written = log.messages.get(doc.sha);
    if (!written || !names.test(doc.text)) continue;
    for (const p of passages(doc.text)) {
      if (!names.test(p.text)) continue;
      found.push({ file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written });
      if (found.length >= PASSAGES) return found;
    }
  }
  return found;
}

/** Values distinctive enough that prose naming them is about them: a host, an image, a bucket, a
 * model's name — at least six characters with a letter, not a word every file uses. */
export function distinctive(value: string | null | undefined): value is string {
  if (!value) return false;
  const v = value.trim();
  return v.length >= 6 && /\p{L}/u.test(v) && !/^(?:true|false|enabled|disabled|default|unlimited|always|never|string)$/i.test(v) && !/\s/.test(v);
}

/** The passages of the log's documents that name one of `values` (distinctive ones only: see
 * `distinctive`), newest-written first: a runbook's table of hosts, an experiment's conclusion
 * about a model, whichever key they sit under. */
export function passagesNaming(values: string[], log: CommitLog | undefined): Passage[] {
  const named = [...new Set(values.filter(distinctive))];
  if (!log || named.length === 0) return [];
  const versions = named.flatMap((v) => imageVersion(v) ?? []);
  const found: Passage[] = [];
  for (const doc of log.documents) {
    const written = log.messages.get(doc.sha);
    const lower = doc.text.toLowerCase();
    const docVersions = versions.filter((x) => lower.includes(x.version) && (lower.includes(x.image) || doc.path.toLowerCase().includes(x.image)));
    if (!written || (!named.some((v) => lower.includes(v.toLowerCase())) && docVersions.length === 0)) continue;
    for (const p of passages(doc.text)) {
      if (!named.some((v) => namesValue(p.text, v)) && !docVersions.some((x) => namesValue(p.text, x.version) || namesValue(p.text, `v${x.version}`))) continue;
      found.push({ file: doc.path, line: p.line, text: p.text.slice(0, PASSAGE_CHARS), written });
      if (found.length >= PASSAGES) return found;
    }
  }
  return found;
}

/** An image value's version and short name (`envoyproxy/envoy:v1.31.2` → 1.31.2, envoy): prose
 * names a version without its registry path ("Pin 1.31.2 in ALL environments" in envoy-1.32.md).
 * Only a three-part version, and only with the image's name in the passage's document (its path or
 * text), so another component's 1.31.2 is not this one. */
function imageVersion(value: string): { version: string; image: string } | undefined {
  const m = /^(?:[\w.-]+\/)*([\w.-]+):v?(\d+\.\d+\.\d+)(?:[-+][\w.-]*)?$/.exec(value.trim());
  return m ? { version: m[2]!, image: m[1]!.toLowerCase() } : undefined;
}

// An instruction for a situation to come, not a record of this one: "if …", "when …", "in case
// of …", "should the …", "wenn …", "falls …", "si …", "cuando …" (after a list marker or a box).
const CONDITIONAL =
  /^(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?(?:\*\*[^*]*\*\*:?\s*)?(?:if|when|whenever|in case|should|once|before|after|during|while|wenn|falls|sobald|si|cuando|en caso)\b/iu;

/** A passage that judges the value: the hand edit was a mistake, is to be undone, must not be
 * codified, made things worse, or the value goes back to the file's. */
export function judgesUndo(text: string, fileValue: string | null): string | undefined {
  // Prose writes a value plain, quoted or as code: back to 50, "50", `enforce`.
  const back = fileValue !== null ? new RegExp(`\\bback to [\`"'“]?${escape(fileValue)}[\`"'”]?(?![\\w.])`, 'i') : undefined;
  const patterns = [
    /\b(?:undo|revert|roll back|put back|restore|reset)\b[^.;\n]{0,40}\b(?:edit|change|patch|hand|manual|override|value)\b/i,
    /\b(?:do not|don't|dont|never|must not|should not) (?:codify|commit|backfill|keep|persist|write (?:it |this )?(?:back|into))\b/i,
    /\bmade (?:it|things|the (?:outage|incident|impact)|this|everything) worse\b|\bdisabled our (?:own )?protection\b/i,
    /\b(?:was|were) (?:a|the) mistake\b|\bby mistake\b|\bshould(?:n't| not) have\b|\bwrong (?:value|call|fix)\b/i,
    ...(back ? [back] : []),
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  // The same judgements in the languages read (languages.ts): "war ein Fehler", "zurück auf 50", "回滚到 v2".
  // Going back is a judgement about this value only where it names the value it goes back to: "服务已恢复"
  // (the service recovered) and "レイテンシが元に戻った" (latency back to normal) are news, not an undo.
  return foreignSays(text, 'mistake')?.phrase ?? (fileValue !== null && namesValue(text, fileValue) ? foreignSays(text, 'back')?.phrase : undefined);
}

/** Does prose name the value: plain, quoted or as code, not inside a longer word or number? */
export function namesValue(text: string, value: string): boolean {
  if (value.trim() === '') return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_.-])[\`"'“]?${escape(value)}[\`"'”]?(?![\\p{L}\\p{N}_]|[.-][\\p{L}\\p{N}])`, 'iu').test(text);
}

export interface DocumentedUndo {
  passage: Passage;
  phrase: string;
}

/** A document written after a hand edit at `editedAt` (or up to two days before it: a note
 * prepared with it) whose passage naming the key says the edit is to be undone. */
export function documentedUndo(key: string, fileValue: string | null, editedAt: string, log: CommitLog | undefined): DocumentedUndo | undefined {
  const at = Date.parse(editedAt);
  for (const passage of passagesAbout(key, log)) {
    if (Date.parse(passage.written.date) < at - 2 * 86_400_000) continue;
    if (CONDITIONAL.test(passage.text)) continue;
    const phrase = judgesUndo(passage.text, fileValue);
    if (phrase) return { passage, phrase };
  }
  return undefined;
}

// A decision to keep a hand edit, in so many words: "Decision: keep X in prod", "keep the edit",
// "make it permanent", "TODO: add it to the repo", "codify it", "write it back into git".
const KEEP_DECISION = new RegExp(
  [
    String.raw`\b(?:keep|keeping|leave)\b (?:\S+ ){0,4}?(?:in place|as is|in prod\w*|live|for good|permanently)\b`,
    String.raw`\bkeep (?:it|this|that|the (?:edit|change|value|patch|override|flag|setting))\b`,
    String.raw`\bmake (?:it|this|that) permanent\b`,
    String.raw`\b(?:add|write|commit|put|move)\w* (?:\S+ ){0,2}?(?:back )?(?:to|in|into) (?:the )?` +
      String.raw`(?:repo(?:sitory)?|git|values file|config repo|[\w./-]+\.(?:ya?ml|json|env|tfvars|properties|toml))\b`,
    String.raw`\bcodify (?:it|this|that|the)\b`,
  ].join('|'),
  'i',
);
const NOT_KEEP = /\b(?:do not|don't|dont|never|must not|should not|no need to) (?:keep|codify|commit|add|write|persist|make)\b/i;

// On the live object itself, written with the edit, a bare "KEEP" or "permanent" is the decision.
const KEEP_ON_OBJECT = /\bkeep\b|\bpermanent(?:ly)?\b|\bcodify\b|\bbehalten\b|\bmantener\b|\bgarder\b/i;

/** The words of a note that decide to keep a change (`onObject`: a note written on the live object with it). */
export function decidesKeep(text: string, onObject = false): string | undefined {
  if (CONDITIONAL.test(text) || NOT_KEEP.test(text) || judgesUndo(text, null)) return undefined;
  return KEEP_DECISION.exec(text)?.[0] ?? foreignKeep(text) ?? (onObject ? KEEP_ON_OBJECT.exec(text)?.[0] : undefined);
}

/** A decision to keep it in a language read (languages.ts): "zostawiamy 10 ms na stałe", "wpisać … do
 * repo", "behalten wir", "保留". */
const foreignKeep = (text: string): string | undefined => foreignSays(text, 'keep')?.phrase ?? foreignSays(text, 'permanent')?.phrase;

/** A document written after a hand edit at `editedAt` whose passage naming the key decides to
 * keep it, and says nothing of undoing it. */
export function documentedKeep(key: string, editedAt: string, log: CommitLog | undefined): DocumentedUndo | undefined {
  const at = Date.parse(editedAt);
  for (const passage of passagesAbout(key, log)) {
    if (Date.parse(passage.written.date) < at - 2 * 86_400_000) continue;
    if (CONDITIONAL.test(passage.text) || NOT_KEEP.test(passage.text) || judgesUndo(passage.text, null)) continue;
    const phrase = KEEP_DECISION.exec(passage.text)?.[0] ?? foreignKeep(passage.text);
    if (phrase) return { passage, phrase };
  }
  return undefined;
}
