// Whether a document that changed since a verdict was kept (added, rewritten or gone from the
// documents at HEAD) could change that verdict. A commit that writes only a runbook would otherwise
// weigh every verdict again (5.6-6.2 CPU-s on the Helm corpus, against ~1.5 for a value edit).
//
// A verdict reads a document only once something links it to the divergence: the rules pass over a
// document whole unless it names the key (its leaf, its words in order, all the words of its path,
// its last word, its words less their type suffix, a feature by two of its words, a live object's
// name), one of its values (whole, a part of it, an image or a bare version by its version, a digest
// cut short, a step from one of its values to another however short), a ticket of the texts the verdict read,
// most of a change's subject, or a word of a condition or purpose those texts give. Each of those
// is asked here of the rules' own tests (documents.ts, documented.ts, broken.ts, conditions.ts), on
// the document's old and new text, never a copy of them; where a test is not exported its necessary
// part is asked, which is wider. The rules that go through the documents themselves
// (`log.documents`, not the scan's document index) are recorded by reads.ts as reading them all,
// and a document the verdict looked into (any passage of it) counts whatever its new text says. A
// yes only weighs the verdict again: when in doubt, it is yes.
import type { Divergence, EnvName, HistoryEvent } from '../model/types.js';
import { partsOf } from './broken.js';
import { conditionWords } from './conditions.js';
import { distinctive, imageVersion, keyLeaf, keyName, objectNameOf } from './documents.js';
import { featureOf, lastWord, pathWords, subjectWords } from './documented.js';
import { keyWords } from './held.js';
import { elementsOf, isBareVersion, keyStem, namesStep } from './link-names.js';
import { citesIncident } from './intent.js';
import { ticketsIn, type CommitLog, type Document } from './log.js';
import { speaksOfFreeze } from './notes.js';
import { ANY, type VerdictReads } from './reads.js';
import { wordsOfKey } from '../parse/key-words.js';

/** A document as it was or is now, as every verdict asks of it (read once). */
export interface ChangedDocument {
  path: string;
  text: string;
  /** Its path and text, lower case. */
  folded: string;
  tickets: string[];
  /** It speaks of a freeze or an incident, which concern any key. */
  seenByAll: boolean;
}

/** The documents in one list and not in the other (a document is its path, text and the commit
 * that last wrote it), each as it was (`before`) or is (`now`). */
export function changedDocuments(before: readonly Document[], now: readonly Document[]): ChangedDocument[] {
  const id = (d: Document) => `${d.path}\0${d.sha}\0${d.text}`;
  const [was, is] = [new Set(before.map(id)), new Set(now.map(id))];
  return [...before.filter((d) => !is.has(id(d))), ...now.filter((d) => !was.has(id(d)))].map((d) => {
    const text = `${d.path}\n${d.text}`;
    return {
      path: d.path,
      text: d.text,
      folded: text.toLowerCase(),
      tickets: [...new Set([...ticketsIn(d.text), ...ticketsIn(d.path.toUpperCase())])],
      seenByAll: speaksOfFreeze(d.text) || citesIncident(d.text) !== undefined,
    };
  });
}

/** What every verdict asks of one set of changed documents, made once: the commits and the
 * unchanged documents whose texts link to one of them (a ticket, a condition's word, most of a
 * subject), and answers kept per key and per value. */
interface Links {
  /** Every run of four characters of the changed documents' folded texts: a value none of whose
   * runs is there is named by none of them (a part a rule names a value by has four or more). */
  grams: Set<string>;
  shas: Set<string>;
  /** The messages of `shas`, for the rules that read every message naming their key. */
  messages: Array<{ sha: string; text: string; folded: string }>;
  documents: Set<string>;
  keys: Map<string, boolean>;
  /** Per value: named by a changed document (`namesValue`), and in one's text at all. */
  values: Map<string, boolean>;
  held: Map<string, boolean>;
}
const linksFor = new WeakMap<readonly ChangedDocument[], Links>();

function linksOf(changed: readonly ChangedDocument[], log: CommitLog, environments: readonly EnvName[]): Links {
  let links = linksFor.get(changed);
  if (links) return links;
  const grams = new Set<string>();
  for (const c of changed) for (let i = 0; i + 4 <= c.folded.length; i++) grams.add(c.folded.slice(i, i + 4));
  links = { grams, shas: new Set(), messages: [], documents: new Set(), keys: new Map(), values: new Map(), held: new Map() };
  for (const m of log.messages.values()) {
    const text = `${m.subject}\n${m.body}`;
    if (!changed.some((c) => linkedByText(c, text, m.subject, environments))) continue;
    links.shas.add(m.sha);
    links.messages.push({ sha: m.sha, text, folded: text.toLowerCase() });
  }
  for (const doc of log.documents) if (changed.some((c) => linkedByText(c, doc.text, undefined, environments))) links.documents.add(doc.path);
  linksFor.set(changed, links);
  return links;
}

/** Could the `changed` documents change the verdict of `d`, weighed with `events` (its key's, every
 * environment) having read `reads`? */
export function documentsMayChange(
  changed: readonly ChangedDocument[],
  d: Divergence,
  events: readonly HistoryEvent[],
  reads: VerdictReads,
  log: CommitLog,
  environments: readonly EnvName[],
): boolean {
  if (changed.length === 0) return false;
  const looked = reads.documents;
  // Kept before documents were recorded, or read through the documents themselves.
  if (!looked || looked.includes(ANY)) return true;
  if (changed.some((c) => c.seenByAll || looked.includes(c.path))) return true;
  if (reads.tickets.includes(ANY) && changed.some((c) => c.tickets.length > 0)) return true;
  if (reads.tickets.some((t) => changed.some((c) => c.tickets.includes(t)))) return true;
  const links = linksOf(changed, log, environments);
  let byKey = links.keys.get(d.key);
  if (byKey === undefined) {
    // Named by the documents, or by a message linked to them that names the key without changing
    // it (a note the rules read for their key, whose condition a document may meet).
    const name = keyName(d.key);
    byKey =
      changed.some((c) => namesKey(c, d.key)) ||
      (!!name && links.messages.some((m) => (name.run === undefined || m.folded.includes(name.run)) && name.pattern.test(m.text)));
    links.keys.set(d.key, byKey);
  }
  if (byKey) return true;
  const written = new Set<string>();
  for (const v of Object.values(d.values)) for (const x of [v.repo, v.live]) if (x) written.add(x);
  for (const e of events) for (const x of [e.from, e.to]) if (x) written.add(x);
  // Asked per value, whatever the key (thousands of verdicts share values and events): only a
  // number's naming with one of the key's words depends on the key.
  for (const value of written) {
    let named = links.values.get(value);
    if (named === undefined) links.values.set(value, (named = mayNameValue(links.grams, changed, value) && changed.some((c) => namesValue(c, value))));
    if (named || (/^\d{4,}$/.test(value.trim()) && changed.some((c) => keyWords(d.key).some((w) => c.folded.includes(w))))) return true;
  }
  // The change as a step from one of the key's values to another, however short ("from 3 to 5").
  const named = [...written].filter((v) => {
    let held = links.held.get(v);
    if (held === undefined) links.held.set(v, (held = changed.some((c) => c.folded.includes(v.trim().toLowerCase()))));
    return held;
  });
  for (const from of named) for (const to of named) if (from !== to && changed.some((c) => namesStep(c.text, from, to))) return true;
  // The texts the verdict read: its events' messages, the commits it looked up, the documents it
  // looked into, the divergence's own notes and reasons.
  if (events.some((e) => links.shas.has(e.commit)) || reads.commits.some((sha) => links.shas.has(sha))) return true;
  if (looked.some((p) => links.documents.has(p))) return true;
  const own = prose(d).join('\n');
  return own !== '' && changed.some((c) => linkedByText(c, own, undefined, environments));
}

/** The key named as the rules name it: its leaf or its leaf's words in order (`keyName`), a live
 * object's name, every word of its path (`pathWords`), its last word (`lastWord`), a feature by
 * two of its words (`featureOf`). */
function namesKey(c: ChangedDocument, key: string): boolean {
  const name = keyName(key);
  if (name && (name.run === undefined || c.folded.includes(name.run)) && name.pattern.test(`${c.path}\n${c.text}`)) return true;
  const leaf = keyLeaf(key).toLowerCase();
  const object = objectNameOf(key);
  if ((leaf.length >= 4 && startsWord(c.folded, leaf)) || (object && c.folded.includes(object.toLowerCase()))) return true;
  const words = pathWords(key);
  if (words.length > 0 && words.every((w) => c.folded.includes(w))) return true;
  const last = lastWord(key);
  if (last && startsWord(c.folded, last)) return true;
  // Its words less their type suffix ("Rate-Limit" for RATE_LIMIT_ENABLED).
  const stem = keyStem(key);
  if (stem && c.folded.includes(stem.run) && stem.pattern.test(c.text)) return true;
  // A feature is named by two of the key's words side by side: with fewer of its words (stems of
  // three letters or more) in the document, its pattern is not made.
  const stems = wordsOfKey(key)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3)
    .map((w) => w.replace(/s$/, ''));
  if (new Set(stems.filter((w) => c.folded.includes(w))).size < 2) return false;
  const feature = featureOf(key);
  return !!feature && feature.pattern.test(c.folded);
}

/** Whether a document may name `value` at all: a run of four of its characters is in one, or its
 * port, or the value whole (a short one), or it is a number (written otherwise in prose). */
function mayNameValue(grams: Set<string>, changed: readonly ChangedDocument[], value: string): boolean {
  const lower = value.toLowerCase();
  for (let i = 0; i + 4 <= lower.length; i++) if (grams.has(lower.slice(i, i + 4))) return true;
  if (/^\s*\d{4,}\s*$/.test(value)) return true;
  const port = /:(\d{2,5})(?:[/?#]|$)/.exec(value)?.[1];
  return changed.some((c) => c.folded.includes(lower) || (port !== undefined && c.folded.includes(port)));
}

/** A value named as the rules name one: whole where it is distinctive, by a part of it (its host,
 * a label, its product, a word of its host with its port: `partsOf`), an image by its version, a
 * long digest by its first characters. (A number of four digits or more with one of the key's
 * words, as later.ts names one — which also wants the number as people write it —, is asked by the
 * caller: the rest is the value's alone.) */
function namesValue(c: ChangedDocument, value: string): boolean {
  if (distinctive(value) && c.folded.includes(value.toLowerCase())) return true;
  // A list's element, or its host (documented.ts links a passage by what a change added to a list or removed).
  const elements = elementsOf(value);
  if (elements?.some((e) => e !== value && namesValue(c, e))) return true;
  const parts = partsOf(value, []);
  if (parts.parts.some((p) => c.folded.includes(p.toLowerCase())) || (parts.port && c.folded.includes(parts.port.port))) return true;
  if (parts.short && c.folded.includes(parts.short.toLowerCase())) return true;
  const image = imageVersion(value);
  if (image && c.folded.includes(image.version)) return true;
  // A bare version, by the app it belongs to (link-names.ts `appsOf`): the version alone, wider.
  if (isBareVersion(value) && c.folded.includes(value.trim().replace(/^v/, ''))) return true;
  const digest = /[0-9a-f]{32,}/i.exec(value)?.[0];
  return !!digest && c.folded.includes(digest.slice(0, 7).toLowerCase());
}

/** A changed document linked to a text: a ticket of it, a word of its conditions (`conditionWords`
 * of the whole text, wider than of its conditions alone), three or more of its subject's words
 * (`subjectWords` of any key: the rule wants half of them too). */
function linkedByText(c: ChangedDocument, text: string, subject: string | undefined, environments: readonly EnvName[]): boolean {
  if (ticketsIn(text).some((t) => c.tickets.includes(t))) return true;
  if (conditionWords([text], [...environments]).some((w) => c.folded.includes(w))) return true;
  const words = subject ? subjectWords(subject, '') : undefined;
  return !!words && words.filter((w) => c.folded.includes(w)).length >= 3;
}
/** Where `word` starts a word of `folded` (both lower case). */
function startsWord(folded: string, word: string): boolean {
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!)) return true;
  return false;
}

/** The divergence's own prose, as people wrote it: its contract entry's reason, owner and notes,
 * the comments and annotations beside its values. Not its `notes`: the comparison writes those
 * ("not declared in the contract, so it must be equal everywhere: …", the same words on every
 * divergence of a kind) and no rule reads them, it only says them — read here, a document saying
 * "equal everywhere" or "contract" weighed every kept verdict again. */
function prose(d: Divergence): string[] {
  const out: string[] = [];
  const walk = (value: unknown, prose: boolean) => {
    if (typeof value === 'string') {
      if (prose) out.push(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v, prose);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, prose || /^(?:notes?|reason|owner|annotations|comments?|message)$/.test(k));
  };
  walk(d.contract, true);
  walk(d.values, false);
  walk(d.provenance, false);
  walk(d.grantedBy, false);
  return out;
}
