// An acceptance environment is a gate, not a test. A change made "for acceptance", "for UAT
// sign-off", "zur Abnahme", "en recette", "para homologação", "per il collaudo" is the step before
// the next environment: the business accepts the change there, and then it goes on. Read as a test
// scope ("in uat", "acceptance test"), such a change would be declared the environment's own — and
// production would never get a feature its acceptance approved. A test a setting serves ("for the
// load test", "for the pentest") stays a scope: its value is the test's, not the next step's.
import { saidMatch } from './languages.js';
import { regex, escapeRegExp } from './pattern.js';
import { namesOf } from './envnames.js';
import type { EnvName } from '../model/types.js';

/** The acceptance step in every language read: the business accepting the change before it goes on.
 * Four patterns, each small enough for the ReDoS checker to decide (test/verdict/redos.test.ts). */
const ACCEPTANCE = [
  regex(
    'iu',
    // English: "acceptance", "user acceptance", "sign-off" (the acceptance's own word). A bare "uat" in
    // the text is as often the environment's name ("uat: pool 50 for the load test"): only the scope read says so.
    String.raw`(?<![\p{L}])(?:(?:user[- ])?acceptance|sign[- ]?offs?|signoff|`,
    // Someone's check of the change, named with whose it is ("QA verification", "business validation",
    // "validation métier", "validación de negocio"): not a check the value sets ("e-mail verification").
    String.raw`(?:qa|business|customer|client|product|stakeholder)[- ](?:verification|validation|approval)|`,
    String.raw`validation (?:métier|fonctionnelle|client)|validación (?:de negocio|del cliente|funcional)|valida[cç][aã]o (?:do cliente|de neg[oó]cio|funcional))(?![\p{L}])`,
  ),
  // German, French, Spanish, Portuguese, Italian, Dutch.
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:(?:fach|end)?abnahme\p{L}*|recette|homolog\p{L}*|aceptaci[oó]n|aceita[cç][aã]o|collaudo|accettazione|acceptatie\p{L}*)(?![\p{L}])`,
  ),
  // Polish, Russian, Turkish.
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:odbi[oó]r\p{L}*|odbiorow\p{L}*|akceptac\p{L}*|при[её]мк\p{L}*|при[её]мочн\p{L}*|kabul (?:test\p{L}*|onay\p{L}*))(?![\p{L}])`,
  ),
  // Japanese, Chinese, Korean (no word boundaries).
  regex('u', String.raw`受け?入れ(?:テスト|試験|確認)|検収|验收|인수 ?(?:테스트|시험)|검수`),
];
const accepts = (text: string) => ACCEPTANCE.some((re) => re.test(text));

/** The acceptance words of a scope the readers took for a test ("in uat", "for acceptance"). */
const ACCEPTANCE_SCOPE = regex('iu', String.raw`(?<![\p{L}])(?:uat|acc|acceptance|abnahme|recette|homolog\p{L}*)(?![\p{L}])`);

// A hack to get a test through is not the change under acceptance: "to unblock UAT", "skip … for UAT".
const HACK = regex('iu', String.raw`(?<![\p{L}])(?:hack\p{L}*|workaround|kludge|unblock\p{L}*|bypass\p{L}*|skip\p{L}*)(?![\p{L}])`);

/** The phrase that makes a change's test scope an acceptance step before the next environment: an
 * acceptance word said (not negated or asked) in its text, or a scope that is the acceptance
 * environment's own name ("on in uat"). Not where the text is a hack to get a test through. */
export function acceptanceStep(text: string, scopePhrase: string, environments: readonly EnvName[]): string | undefined {
  if (HACK.test(text)) return undefined;
  // An environment called "homolog" or "abnahme" is named, not said to accept anything: its name is
  // read out of the text first (the scope read below is where the name counts).
  const names = environments.flatMap((env) => namesOf(env)).filter(accepts);
  const unnamed = names.length > 0 ? text.replace(new RegExp(`(?<![\\p{L}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'giu'), '·') : text;
  const said = ACCEPTANCE.map((re) => saidMatch(re, unnamed)?.[0]).find(Boolean);
  if (said) return said;
  return ACCEPTANCE_SCOPE.exec(scopePhrase)?.[0];
}
