// A change to one environment whose text names another as what it prepares for or copies: "prep for
// prod", "Vorbereitung für Prod", "préparation de la mise en prod", "ahead of the prod launch",
// "prod-like sizing", "same as prod", "comme en prod". Such a text names production without sending
// the change there: the environment whose file it edits rehearses production's step or mirrors
// production, which is that environment's own business. Read as "meant for production but landed in
// staging's file", it would push a rehearsal value into production with confidence.
import { mentions } from './envnames.js';
import type { EnvName } from '../model/types.js';
import { regex } from './pattern.js';
import { readingOf } from './texts.js';

// Preparing, rehearsing or launching: the step named is still to come.
const PREPARES = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:prep|prepar\p{L}*|ahead of|rehears\p{L}*|dry[- ]?run|vorbereit\p{L}*|generalprobe|prépar\p{L}*|`,
  String.raw`preparaci\p{L}*|preparazione|prepara[çc]\p{L}*|voorbereid\p{L}*|przygotow\p{L}*|förbered\p{L}*|forbered\p{L}*|`,
  String.raw`valmistel\p{L}*|launch|go[- ]live|lancement|lanzamiento|lancio|lançamento)(?![\p{L}])`,
);

// The model copied: "like prod", "same as prod", "to match prod", "mirror prod's", "wie in Prod",
// "comme en prod", "como en producción", "zoals in productie", "som i prod" (the word after is the
// name read), or "prod-like", "prodähnlich" (the word before).
const MODEL_AFTER = regex(
  'giu',
  String.raw`(?<![\p{L}])(?:like|same as|as in|as on|match|matches|matching|mirror|mirrors|mirroring|wie|comme|como|come|zoals|jak|som|kuten)`,
  String.raw` (?:the |in |en |em |na |la |op |w |i |på )?([\p{L}\p{N}]{2,30})`,
);
const MODEL_BEFORE = /([\p{L}\p{N}]{2,30})[- ]?(?:like|ähnlich\p{L}{0,2}|nah\p{L}{0,2})(?![\p{L}])/giu;

const copies = (sentence: string, env: EnvName): boolean =>
  [...sentence.matchAll(MODEL_AFTER), ...sentence.matchAll(MODEL_BEFORE)].some((m) => mentions(m[1]!, env));

/** The sentence of `text` that names `env` as the step it prepares for or the model it copies. */
export function rehearses(text: string, env: EnvName): string | undefined {
  return readingOf(text).answer('rehearses', env, () => {
    for (const sentence of readingOf(text).sentences) {
      if (copies(sentence, env) || (mentions(sentence, env) && PREPARES.test(sentence))) return sentence.trim();
    }
    return undefined;
  });
}
