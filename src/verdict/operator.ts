// A live field or object an operator writes (Flagger scaling its canary target to zero, Argo Rollouts
// holding the stable ReplicaSet, KEDA or an autoscaler setting replicas) is the operator's state, not
// a drift: the repository holds what the operator reads, the cluster what it decided. Where a
// committed document about the operator names the object, the team wrote down that this is how it
// runs — putting the file's value back by deploying fights the operator (and may run a second,
// unanalysed copy), writing the live value into the repo makes the operator read the wrong input.
import { mistakeIn } from './languages.js';
import { documentIndex, keyLeaf, objectNameOf, type Passage } from './documents.js';
import type { CommitLog } from './log.js';
import { pattern, regex, escapeRegExp } from './pattern.js';

/** How the writer goes by in prose: its managedFields name, and that name without a trailing
 * "-controller"/"-operator"/"-manager" ("rollouts-controller" is Argo Rollouts, "keda-operator" KEDA). */
function writerNames(manager: string): string[] {
  const name = manager.toLowerCase();
  const stem = name.replace(/-(?:controller|operator|manager)$/, '');
  return [...new Set([name, stem])].filter((n) => n.length >= 4 && /[a-z]/.test(n));
}

const word = (name: string) => pattern(`(?<![\\p{L}\\d_-])${escapeRegExp(name)}(?![\\p{L}\\d_-])`, 'iu');

// The operator taken off the object, or its hand-over undone: the document records that it no longer
// runs it, so what it left behind is not its design.
const NO_LONGER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:no longer|not any ?more|anymore|uninstall\p{L}*|decommission\p{L}*|removed|nicht mehr|deinstalliert|ne \p{L}+ plus|n'\p{L}+ plus|plus de|ya no|niet meer|verwijderd|`,
  String.raw`non più|não \p{L}+ mais|já não|inte längre|ikke længere|ikke lenger|już nie|ei enää)(?![\p{L}])`,
);
// An instruction for a situation to come ("if Flagger ever scales it down, page on-call"), not how it runs.
const SUPPOSED = /^(?:[-*+]|\d+[.)])?\s*(?:if|in case|should|wenn|falls|si|cuando|se|als|indien|om|jeśli|jos)(?![\p{L}])/iu;

/** A passage of a document, written by `today`, that names the live object (`key`'s object) in a
 * document naming its writer `manager`: the operator running it as designed. Not a passage calling
 * it a mistake, one saying the operator no longer runs it, nor a supposition. */
export function operatorDocumented(
  key: string,
  manager: string,
  log: CommitLog | undefined,
  today?: string,
  environments: readonly string[] = [],
): Passage | undefined {
  const object = objectNameOf(key) ?? (key.includes('.') ? undefined : keyLeaf(key));
  // A client named like an environment ("production") is no operator a text could name apart from it.
  const writers = writerNames(manager).filter((w) => !environments.some((e) => e.toLowerCase() === w));
  if (!log || !object || object.length < 4 || writers.length === 0) return undefined;
  const objectRe = word(object);
  for (const doc of documentIndex(log)) {
    if (today && doc.written.date.slice(0, 10) > today) continue;
    if (!writers.some((w) => doc.lower.includes(w)) || !doc.lower.includes(object.toLowerCase())) continue;
    if (!writers.some((w) => word(w).test(doc.text))) continue;
    for (const p of doc.passages) {
      if (!objectRe.test(p.text) || SUPPOSED.test(p.text.trim())) continue;
      if (mistakeIn(p.text) || NO_LONGER.test(p.text) || NO_LONGER.test(p.heading ?? '')) continue;
      return { file: doc.path, line: p.line, text: p.text.slice(0, 400), written: doc.written };
    }
  }
  return undefined;
}
