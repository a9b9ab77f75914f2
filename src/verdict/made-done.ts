// A tracker's row or a note that reports the MAKING of a grant or an object done ("Create RoleBinding
// migration-runner for the data migration | Done", "Zugriff für die Migration vergeben — erledigt",
// "Créer le RoleBinding … | Terminé") says the grant exists, not that the work it was made for is over:
// a grant inside its window would be taken away on the word that it was given. Its end is a row that
// removes it, or a text reporting that work itself done ("the migration is finished"), and those are
// still read. One reader for every object rule that takes a done report as an object's end.
import { reportsDone } from './intent.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';

// Verbs of making a grant or an object, in the languages the tables read: create, grant, add, set up,
// provision, assign, give (access); anlegen, erstellen, einrichten, vergeben, erteilen, gewähren,
// hinzufügen; créer, accorder, attribuer, ajouter; crear, otorgar, conceder, asignar, añadir; aanmaken,
// toekennen; creare, concedere, assegnare; criar, conceder, atribuir.
const MAKING = regex(
  'iu',
  String.raw`(?<![\p{L}-])(?:creat(?:e|es|ed|ing|ion)|grant(?:s|ed|ing)?|add(?:s|ed|ing)?|set(?:ting)? ?up|provision(?:s|ed|ing)?|assign(?:s|ed|ing)?|`,
  String.raw`give[ns]?|gave|anlegen|angelegt|erstell(?:en|t)|einricht(?:en|et)|eingerichtet|vergeben|erteil(?:en|t)|gewähr(?:en|t)|hinzugefügt|hinzufügen|`,
  String.raw`cré(?:er|ée?s?|ation)|accord(?:er|ée?s?)|attribu(?:er|ée?s?)|ajout(?:er|ée?s?)|`,
  String.raw`crea(?:r|d[oa]|ción|re|t[oa])|otorga(?:r|d[oa])|conced(?:er|id[oa]|ere)|concess[oa]|asigna(?:r|d[oa])|añadi(?:r|d[oa])|assegna(?:re|t[oa])|`,
  String.raw`aanmaken|aangemaakt|toeken(?:nen)?|toegekend|cria(?:r|d[oa])|atribu(?:ir|íd[oa]))(?![\p{L}-])`,
);

// A row's state alone ("Done", "Erledigt", "Closed on 2026-11-03", "Status: Terminé"): one word of three
// letters or more; "Migration erledigt" names what is done, and is read.
const bareState = (cell: string) => (cell.replace(/^[\p{L} ]{1,20}:\s*/u, '').match(/\p{L}{3,}/gu)?.length ?? 0) <= 1;

const piecesOf = (text: string) =>
  text
    .split(sentenceEnds(/\||;\s|(?<=[.!?])\s|\n|\s[—–-]\s/))
    .map((s) => s.trim())
    .filter(Boolean);

/** Is the done this text reports only the making of something ("Grant X for the migration | Done")?
 * False where nothing makes anything, or where a part of the text other than the making and the bare
 * state reports work done ("Created X for the migration. Migration finished."). The caller rules out a
 * text that removes the object. */
export function reportsOnlyMaking(text: string): boolean {
  const pieces = piecesOf(text);
  if (!pieces.some((p) => MAKING.test(p))) return false;
  const rest = pieces.filter((p) => !MAKING.test(p) && !bareState(p));
  return !reportsDone(rest.join('. '));
}
