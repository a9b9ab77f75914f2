// A change that says it makes its environment's file match another's: "sync pool settings with
// prod", "align staging with production", "copy prod's limits", "same as prod", "an Prod
// angleichen", "wie in Prod", "igual que en producción", "comme en prod", "samma som i prod". The environment named is
// where the values come from, not where the change was meant to land.
import type { EnvName } from '../model/types.js';
import { envPattern, mentions } from './envnames.js';
import { foreignNames, saidMatch } from './languages.js';
import { keyOf, once } from './once.js';
import { regex } from './pattern.js';

// Between the verb and the name: a few words ("sync the pool settings with prod's").
const GAP = String.raw`(?:[\p{L}\p{N}_.'’-]+\s+){0,4}?`;

function sourcePatterns(names: string): RegExp[] {
  const n = String.raw`(?:the\s+)?(?:${names})(?:'s|’s)?(?![\p{L}\p{N}])`;
  return [
    // English: "sync(ed) … with prod" ("sync … to prod" may mean shipping it there), "align … with/to
    // prod", "match(es) prod", "mirror prod", "copy … from prod", "same as (in) prod", "as in prod".
    new RegExp(String.raw`(?<![\p{L}])(?:re-?)?sync(?:s|ed|ing|hroni[sz]e[sd]?)?\s+${GAP}(?:with|in line with)\s+${n}`, 'iu'),
    new RegExp(String.raw`(?<![\p{L}])(?:align(?:s|ed|ing)?|match(?:es|ed|ing)?|mirror(?:s|ed|ing)?)\s+${GAP}(?:(?:with|to)\s+)?${n}`, 'iu'),
    // A sync job's commit, written as the direction it copied: "chore(sync): values-stage → values-prod",
    // "sync: stage -> prod [redis]", "Sync staging => production". The side before the arrow is the source.
    new RegExp(
      String.raw`(?<![\p{L}])(?:re-?)?sync(?:s|ed|ing)?\)?(?:\([^()\n]{0,30}\))?:?\s+(?:[\p{L}\p{N}_./]+[-_/.])?(?:${names})(?:\.[\p{L}]{2,5})?\s{0,3}(?:→|->|=>|⇒)`,
      'iu',
    ),
    new RegExp(String.raw`(?<![\p{L}])(?:cop(?:y|ies|ied|ying)|took|take[sn]?|port(?:s|ed)?)\s+${GAP}from\s+${n}`, 'iu'),
    new RegExp(String.raw`(?<![\p{L}])(?:same|identical|equal)\s+(?:values?\s+|settings?\s+)?(?:as|to)\s+(?:in\s+|on\s+)?${n}`, 'iu'),
    new RegExp(String.raw`(?<![\p{L}])(?:as|like)\s+(?:in|on)\s+${n}`, 'iu'),
    new RegExp(String.raw`(?<![\p{L}])(?:cop(?:y|ies|ied|ying))\s+${n}\s+(?:values?|settings?|limits?|config(?:uration)?)`, 'iu'),
    // German: "an Prod angleichen", "mit Prod abgleichen/synchronisieren", "wie (in) Prod", "von Prod übernommen".
    new RegExp(
      String.raw`(?<![\p{L}])(?:an|mit|auf)\s+(?:die\s+|der\s+)?(?:${names})\s+(?:angeglichen|angleichen|abgleichen|abgeglichen|synchronisiert|synchronisieren|gezogen)`,
      'iu',
    ),
    new RegExp(String.raw`(?<![\p{L}])(?:wie|gleich wie)\s+(?:in\s+|auf\s+|bei\s+)?(?:der\s+|die\s+)?(?:${names})(?![\p{L}])`, 'iu'),
    new RegExp(String.raw`(?<![\p{L}])(?:von|aus)\s+(?:der\s+|die\s+)?(?:${names})\s+übernomm`, 'iu'),
    // Spanish, Portuguese, French, Italian: "igual que (en) prod", "como en prod", "comme en prod",
    // "aligné sur la prod", "sincronizar con prod", "come in prod".
    new RegExp(
      String.raw`(?<![\p{L}])(?:igual que|igual a|como|comme|come|iguais? (?:a|ao|à)|igual ao)\s+(?:(?:en|em|in|na|no|à|dans)\s+)?(?:(?:la|el|le|o|a)\s+)?(?:${names})(?![\p{L}])`,
      'iu',
    ),
    new RegExp(
      String.raw`(?<![\p{L}])(?:sincroniz\p{L}*|alinh\p{L}*|aline\p{L}*|align[ée]\p{L}*|allinea\p{L}*)\s+${GAP}(?:con|com|sur|avec|a|con la)\s+(?:la\s+|le\s+|o\s+|a\s+)?(?:${names})(?![\p{L}])`,
      'iu',
    ),
    // Swedish, Danish, Norwegian: "samma som (i) prod", "samme som i prod", "likadant som i prod", "ligesom
    // i prod", "som i prod" (a bare "som prod" may be a relative clause: "the change that prod needs"),
    // "synkat med prod", "synkroniseret med prod", "justert etter prod".
    new RegExp(
      String.raw`(?<![\p{L}])(?:(?:(?:samma|samme|likadant?|lika|likt|precis|akkurat)\s+som|ligesom)\s+(?:(?:i|på)\s+)?|som\s+(?:i|på)\s+)(?:${names})(?![\p{L}])`,
      'iu',
    ),
    new RegExp(
      String.raw`(?<![\p{L}])(?:synk\p{L}*|juster\p{L}*|anpassa\p{L}*|tilpasse\p{L}*)\s+${GAP}(?:med|efter|etter|mot|til|till)\s+(?:${names})(?![\p{L}])`,
      'iu',
    ),
  ];
}

const compiled = new Map<EnvName, { named: RegExp; patterns: RegExp[] }>();
const NOT_BEFORE = /(?<![\p{L}])(?:not|never|no longer|nicht|no|pas|inte|ikke|ej)\s+(?:the\s+|quite\s+|längre\s+|længere\s+|lenger\s+)?$/iu;

/** The environment (of `environments`, other than `env`) the text says the change copied its values
 * from, and the phrase; undefined when it names none, or only negated or asked about ("not the same
 * as prod", "should it match prod?"). */
export const copiedFrom = once((text: string, env: EnvName, environments: readonly EnvName[]) => keyOf(text, env, environments), copiedFromOnce);

function copiedFromOnce(text: string, env: EnvName, environments: readonly EnvName[]): { from: EnvName; phrase: string } | undefined {
  for (const other of environments) {
    if (other === env) continue;
    let res = compiled.get(other);
    if (!res) {
      const names = [envPattern(other).slice(3, -1), ...foreignNames(other)].join('|');
      compiled.set(other, (res = { named: new RegExp(`(?:${names})`, 'iu'), patterns: sourcePatterns(names) }));
    }
    // Every pattern holds the names, with the same flags: a text naming the environment nowhere (most
    // messages) matches none of them, and is not run through all eleven (a third of a second of a first
    // scan on the bench's Helm corpus, 450 texts).
    if (!res.named.test(text)) continue;
    for (const re of res.patterns) {
      const m = saidMatch(re, text);
      // "not the same as prod", "no longer mirrors production": the copy is denied.
      if (!m || NOT_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
      // "acc mirrors prod and keeps 30m just like prod", written in a change to test: the likeness is
      // said of another environment, named in its sentence where this one is not.
      if (saidOfAnother(text, m.index, env, other, environments)) continue;
      return { from: other, phrase: m[0] };
    }
  }
  return undefined;
}

/** Does the sentence around `at` name an environment other than `env` and the source `other`, and
 * not `env`: the copy it speaks of is that environment's, not the change's own? */
function saidOfAnother(text: string, at: number, env: EnvName, other: EnvName, environments: readonly EnvName[]): boolean {
  const start = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('!', at), text.lastIndexOf(';', at), text.lastIndexOf('\n\n', at)) + 1;
  const ends = ['.', '!', ';', '\n\n'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  const sentence = text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
  return !mentions(sentence, env) && environments.some((e) => e !== env && e !== other && mentions(sentence, e));
}

// A value that came along with a copy, said after the fact: "PUSH_MODE=live came along with it", "was copied over
// too", "kam beim Kopieren mit", "wurde mitkopiert", "vino con la copia", "est venu avec la copie", "也一起带过来了",
// "一緒にコピーされた". Nobody chose it: whoever made the copy took the other environment's file whole, and the
// value is in it because it was in the source, not because anyone meant it for this environment.
const CAME_ALONG = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:came (?:along|over|across)(?: with (?:it|them|the (?:copy|clone|rest)))?|came with (?:it|the (?:copy|clone|rest))|`,
  String.raw`(?:was|were|got) (?:copied|carried|brought|cloned) (?:over |along )?(?:too|as well|with (?:it|the rest))|`,
  String.raw`kam (?:[\p{L}-]+ ){0,4}?mit(?=[.,;!]|$)|(?:wurde|wurden|ist|sind) (?:\p{L}+ ){0,2}?(?:mitkopiert|mitübernommen|mitgekommen|mitgewandert)|`,
  String.raw`vino con la copia|se copió también|también se copió|vinieron con la copia|est venue? avec (?:la copie|le reste)|a été copiée? aussi|`,
  String.raw`veio junto|foi copiad[oa] junto|è stat[oa] copiat[oa] anche|è arrivat[oa] con la copia|kwam mee|is meegekopieerd)(?![\p{L}])|`,
  String.raw`一起带过来|一并带过来|一起带了过来|也一起复制|也被复制过来|一緒にコピーされ|そのまま持ってき|같이 복사|함께 복사`,
);

/** The words saying a value came along with a copy of another environment's file, if the text has them. */
export function cameAlong(text: string): string | undefined {
  const m = saidMatch(CAME_ALONG, text);
  return m && !NOT_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)) ? m[0] : undefined;
}
