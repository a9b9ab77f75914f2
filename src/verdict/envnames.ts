// How people write environment names in commit messages.
import type { EnvName } from '../model/types.js';
import { mentionsForeign } from './languages.js';
import { escapeRegExp } from './pattern.js';

const ALIASES: Array<[RegExp, string[]]> = [
  [/^(prod|production|prd|live)$/i, ['prod', 'production', 'prd', 'live', 'prod-eu', 'prod-us']],
  [/^(staging|stage|stg)$/i, ['staging', 'stage', 'stg']],
  [/^(dev|development|develop)$/i, ['dev', 'development', 'develop']],
  [/^(qa|test|testing)$/i, ['qa']],
  [/^(uat|preprod|pre-prod)$/i, ['uat', 'preprod', 'pre-prod']],
];

export function namesOf(env: EnvName): string[] {
  const alias = ALIASES.find(([re]) => re.test(env));
  return [...new Set([env, ...(alias ? alias[1] : [])])];
}

/** A pattern for any name of the environment, as a whole word. */
export function envPattern(env: EnvName): string {
  return `(?:${namesOf(env).map(escapeRegExp).join('|')})`;
}

// Compiled once per environment name: commit texts are read clause by clause for every change.
const compiled = new Map<EnvName, RegExp>();

export function mentions(text: string, env: EnvName): boolean {
  let re = compiled.get(env);
  if (!re) compiled.set(env, (re = new RegExp(`(^|[^A-Za-z0-9])${envPattern(env)}([^A-Za-z0-9]|$)`, 'i')));
  // "本番", "na produkcji", "на проде": the names languages.ts reads.
  return re.test(text) || mentionsForeign(text, env);
}
