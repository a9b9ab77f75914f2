// A value its own comment defines by something of its environment: "= number of partitions in this
// environment", "matches this cluster's node count", "= Anzahl der Partitionen in dieser Umgebung",
// "= nº de partições neste ambiente", "= nombre de partitions dans cet environnement". It differs
// between environments by design, and follows that thing when it changes: a change that moved it,
// with its commit saying why, carries out the definition — the contract listing the old number is
// what lags, not the value.
import { regex } from './pattern.js';

// "this environment", in the languages read: the definition is per environment.
const THIS_ENVIRONMENT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:in|of|for|on) this (?:environment|env|cluster|stage)|this (?:environment|env|cluster)['’]s|per (?:environment|env|cluster)|`,
  String.raw`(?:in |)dieser umgebung|(?:in |)diesem cluster|je umgebung|pro umgebung|(?:dans|de|pour) cet environnement|par environnement|`,
  String.raw`(?:en|de|para) este entorno|por entorno|(?:in|di|per) questo ambiente|per ambiente|(?:in|van|voor) deze omgeving|per omgeving|`,
  String.raw`(?:n|d)?este ambiente|(?:n|d)esse ambiente|por ambiente|w tym środowisku|tego środowiska|dla środowiska|tässä ympäristössä|`,
  String.raw`ympäristökohtai\p{L}*|i denna miljö|i dette miljø|per miljø|per miljö)(?![\p{L}])`,
);
// What makes the comment a definition: it opens with "=", or says the value equals or matches something.
const DEFINES = regex(
  'iu',
  String.raw`^\s*(?:#|//|--)?\s*(?:=|==|≈)|(?<![\p{L}])(?:equals?|matches|same as|tracks|follows|gleich|entspricht|égale?|correspond|igual|iguala|corresponde|`,
  String.raw`uguale|pari a|corrisponde|gelijk aan|komt overeen|równ[ay]|odpowiada|vastaa|sama kuin|motsvarar|lik|svarer til)(?![\p{L}])`,
);

/** The comment's definition of the value by its environment, or undefined. */
export function definedPerEnvironment(note: string | undefined): string | undefined {
  if (!note) return undefined;
  const where = THIS_ENVIRONMENT.exec(note);
  return where && DEFINES.test(note) ? note.trim().slice(0, 120) : undefined;
}
