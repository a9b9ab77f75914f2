import type { Divergence, EnvName } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Message } from './log.js';
import { doubtIn, foreignFamily } from './languages.js';
import { mentions } from './envnames.js';
import { regex, escapeRegExp } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';

// The repository is the desired state: a commit that took a grant out of an environment's files
// decided that the environment no longer grants it. Where the grant still runs there (a deploy that
// does not prune RBAC, a sync that skips deletions), the deletion was decided and not carried out —
// the opposite of a grant nobody wrote about, whose owner must be asked. Standing access past the
// repo's own removal is the drift.

// A removal said in English, in any tense: "hermes binding removed", "drop old-team-deployers",
// "replaced x with y", "revoked", "took out", "got rid of", "pruned".
const TAKEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:remov(?:e|ed|es|ing|al)|delet(?:e|ed|es|ing|ion)|drop(?:s|ped|ping)?|revok(?:e|ed|es|ing)|revocation|`,
  String.raw`replac(?:e|ed|es|ing)|retir(?:e|ed|es|ing)|prun(?:e|ed|es|ing)|(?:take|takes|took|taken|taking) out|(?:get|gets|got|getting) rid of)(?![\p{L}])`,
);
// Whatever else the clause says, it keeps: "keep X live", "X kept on purpose", "leave X in place".
const KEEPS = /(?<![\p{L}])(?:keep|keeps|kept|leave|left in place|stays|by design|on purpose)(?![\p{L}])/iu;
// A sentence that supposes or plans rather than records: "if the audit agrees", "unless", "whether", "next week".
const SUPPOSES = /(?<![\p{L}])(?:if|unless|whether|once|next (?:week|month|sprint)|later|tomorrow)(?![\p{L}])/iu;
// Words for a grant, when the clause names it by a part of its name only ("the hermes binding removed").
const GRANT_WORD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:cluster)?(?:role)?bindings?|grants?|access|rights|permissions?|rbac|tokens?|Bindung(?:en)?|Zugriff|Rechte|`,
  String.raw`Berechtigung(?:en)?|accès|droits|liaison|acceso|permisos|accesso|permessi|toegang|rechten|behörighet(?:er)?|åtkomst|adgang|`,
  String.raw`tilgang|rettighede?r|dostęp|uprawnienia|oikeude?t|pääsy|acesso|permissões)(?![\p{L}])`,
);

export interface TakenOut {
  commit: Message;
  clause: string;
}

function within(file: string, layer: string): boolean {
  let dir = layer;
  while (dir.endsWith('/')) dir = dir.slice(0, -1);
  return file === dir || file.startsWith(`${dir}/`);
}

/** The commit, after the grant was made, that touched `env`'s files and says it took the grant out
 * (naming it in full, whom it grants to, or a part of its name beside a word for a grant). Only for a
 * grant `env`'s files no longer define and that runs there. */
export function takenOutOfRepo(d: Divergence, env: EnvName, context: VerdictContext): TakenOut | undefined {
  const log = context.log;
  const layers = context.layers?.[env] ?? [];
  const value = d.values[env];
  if (!log || layers.length === 0 || d.kind !== 'permission' || !value || value.at !== null || value.live === null) return undefined;
  const made = d.provenance?.[env]?.time ?? undefined;
  const name = d.key.slice(d.key.indexOf('/') + 1);
  if (name.length < 4 || name.includes('[')) return undefined;
  const subjects = (d.grantedBy?.[env] ?? [])
    .filter((g) => g.object === d.key)
    .flatMap((g) => g.subjects ?? [])
    .map((s) => s.slice(s.indexOf('/') + 1))
    .filter((s) => s.length >= 4 && !s.startsWith('system:'));
  // A name people would not write for anything else: the object's own, or a subject's address or
  // hyphenated name (`ext-vendor-engineers`, `bob@partner.example`).
  const distinct = subjects.filter((s) => s.length >= 8 && /[-_.@]/.test(s));
  const whole = new RegExp(`(?<![\\w-])(?:${[name, ...distinct].map(escapeRegExp).join('|')})(?![\\w-])`, 'iu');
  // A plain word of its name or a plain subject ("hermes" of hermes-deployers, Group/hermes) names the
  // team as much as its grant: only beside a word for a grant ("the hermes binding").
  const plain = [
    ...name.split(/[-_.]/).filter((p) => p.length >= 5 && /^\p{L}+$/u.test(p) && !GRANT_WORD.test(p)),
    ...subjects.filter((s) => !distinct.includes(s)),
  ].filter((p) => !context.environments.some((e) => mentions(p, e)));
  const part = plain.length > 0 ? new RegExp(`(?<![\\w-])(?:${plain.map(escapeRegExp).join('|')})(?![\\w-])`, 'iu') : undefined;
  const names = (clause: string) => whole.test(clause) || (!!part?.test(clause) && GRANT_WORD.test(clause));
  const messages = [...log.messages.values()].filter(
    (m) =>
      (!context.today || m.date.slice(0, 10) <= context.today) &&
      (!made || Date.parse(m.date) >= Date.parse(made)) &&
      (m.files ?? []).some((file) => layers.some((layer) => within(file, layer))),
  );
  for (const m of messages.sort((a, b) => a.order - b.order)) {
    const text = `${m.subject}\n${m.body}`;
    for (const sentence of text.split(sentenceEnds(/(?<=[.!?])\s+|\n|;\s*/))) {
      // A question or a supposition ("if the audit agrees, … is removed") records no removal.
      if (/\?\s*$/.test(sentence) || SUPPOSES.test(sentence)) continue;
      for (const clause of sentence.split(/,\s+/)) {
        if (!names(clause) || KEEPS.test(clause)) continue;
        const en = TAKEN.exec(clause);
        const said = en ? doubtIn(clause, en.index, en[0].length) === undefined : !!foreignFamily(clause, 'remove', text);
        if (said) return { commit: m, clause: clause.trim() };
      }
    }
  }
  return undefined;
}
