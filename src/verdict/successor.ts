// A record superseded by another hands its decision on; it does not call its plan off. "Status:
// Superseded by ADR-0014" says ADR-0014 now decides, and ADR-0014 may go further than the old
// record (the exception it kept is gone: the value everywhere) as easily as back. So where the
// successor it names is itself in the repository, decided, the old record's status withdraws
// nothing: the successor's own words are read (documented.ts reads every linked passage). Where the
// successor is not in the repository, the old status is all there is and stays read as before.
import { ticketsIn } from './log.js';
import { regex } from './pattern.js';

// "superseded by X", "replaced by X", "ersetzt durch X", "remplacé par X", "sustituido por X",
// "substituído por X", "sostituito da X", "vervangen door X", "zastąpiony przez X", "ersatt av X",
// "erstattet af X", "korvattu X:llä" — the word, then the successor's id.
const HANDED_ON = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:superseded by|replaced by|(?:ersetzt|abgelöst) (?:durch|von)|remplac[ée]e?s? par|(?:reemplazad|sustituid)[oa]s? por|`,
  String.raw`substituíd[oa]s? (?:por|pel[oa])|sostituit[oa] da|vervangen door|zastąpion[ya] (?:przez|decyzją)|ersatt av|erstattet (?:af|av)|korvattu)`,
  String.raw`[ \t:]{1,3}(?:(?:l['’]|el |la |o |a |het |de |den |der |die |das )?)(?:\[)?([A-Za-z]{2,10}[- ]?\d{1,6})`,
);

/** The id of the record a status hands its decision on to ("Superseded by ADR-0014" → "ADR-0014"), or undefined. */
export function successorNamed(status: string): string | undefined {
  const id = HANDED_ON.exec(status)?.[1];
  if (!id) return undefined;
  // "ADR 14", "ADR14" and "ADR-0014" are one record: the id as the tickets reader writes it.
  return ticketsIn(id.toUpperCase().replace(/^([A-Z]+)[- ]?(\d)/, '$1-$2'))[0];
}

/** An id's letters and number: "ADR-0014" → ["ADR", 14], so "ADR-14" is the same record. */
function parts(id: string): [string, number] {
  const dash = id.lastIndexOf('-');
  return [id.slice(0, dash), Number(id.slice(dash + 1))];
}

/** A document as the successor test needs it: its path, its text, its own status. */
interface Record {
  path: string;
  text: string;
  status?: { decided: boolean; withdraws?: boolean };
}

/** Is the record `id` one of `docs`, with a decided status of its own? Its id stands in its file's
 * name or its title (the first line with text). */
export function successorIn(id: string, docs: readonly Record[]): boolean {
  const [prefix, number] = parts(id);
  const sameId = (text: string) => ticketsIn(text.toUpperCase()).some((t) => parts(t)[0] === prefix && parts(t)[1] === number);
  return docs.some((d) => {
    if (!d.status?.decided || d.status.withdraws) return false;
    // The title's own id, the first it names ("# ADR-33, see ADR-34" is ADR-33).
    const title = ticketsIn((d.text.split('\n').find((l) => l.trim() !== '') ?? '').toUpperCase())[0] ?? '';
    const file = d.path.split('/').pop() ?? '';
    // A file named by the number alone ("0014-open-in-view.md") in a folder of such records.
    const numbered = /^0*(\d{1,6})[-_]/.exec(file);
    return sameId(title) || sameId(file) || (numbered !== null && Number(numbered[1]) === number && d.path.toLowerCase().includes(prefix.toLowerCase()));
  });
}
