// What a prose document (a post-mortem, a runbook, a QA note) says about one key: only the
// passages that name it, and of those only what records a judgement about the value. A runbook's
// instructions for some later situation ("if the breaker flaps, raise X to 95", "when done, remove
// the binding") are not news of anything: a conditional instruction is never read. Documents only
// ever tell undrift that a hand edit is to be undone (put back what the file says); they never
// make a hand edit look meant, and never report work done.
import type { CommitLog, Message } from './log.js';

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

/** A document's passages: each list item with its continuation lines, or each paragraph. */
function passages(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let current: { line: number; lines: string[] } | undefined;
  const flush = () => {
    if (current) out.push({ line: current.line, text: current.lines.join(' ').replace(/\s+/g, ' ').trim() });
    current = undefined;
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === '' || /^#{1,6}\s/.test(line)) return flush();
    const item = /^\s*(?:[-*+]|\d+[.)])\s+/.test(line);
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

// An instruction for a situation to come, not a record of this one: "if …", "when …", "in case
// of …", "should the …", "wenn …", "falls …", "si …", "cuando …" (after a list marker or a box).
const CONDITIONAL =
  /^(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?(?:\*\*[^*]*\*\*:?\s*)?(?:if|when|whenever|in case|should|once|before|after|during|while|wenn|falls|sobald|si|cuando|en caso)\b/iu;

/** A passage that judges the value: the hand edit was a mistake, is to be undone, must not be
 * codified, made things worse, or the value goes back to the file's. */
function judgesUndo(text: string, fileValue: string | null): string | undefined {
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
  return undefined;
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
