// A date that names a document is a citation, not an end: "8 until pgbouncer is live, see post-mortem
// 2027-10-14" holds the value until an event and points at where it was decided; the day the
// post-mortem was written ends nothing. Nor does a date inside a file's name
// ("docs/postmortems/2027-10-14-db.md"), which is when that file was written.
import { regex } from './pattern.js';

// The words that point a reader elsewhere, in the languages read: "see", "zie", "siehe", "voir",
// "cf.", "vedi", "ver"/"véase", "se" (sv/da/no), "zob." (pl), "katso"/"ks." (fi), "vgl.".
const SEE = String.raw`(?:see|zie|siehe|vgl\.?|voir|cf\.?|vedi|ver|véase|vease|se|zob\.?|katso|ks\.?)`;
// A written record, as people name one: a post-mortem, its notes or minutes, a report, a review,
// a meeting, a decision record — and the same in the languages read.
const RECORD =
  String.raw`(?:the |de |het |die |das |den |le |la |il |el |o |a )?(?:post-?mortem|pm|incident(?: report)?|retro(?:spective)?|review|notes|minutes|meeting|report|rca|adr|rfc|doc|` +
  String.raw`protokoll|besprechung|bericht|notulen|verslag|overleg|compte[- ]rendu|réunion|reunion|rapport|acta|reunión|informe|verbale|riunione|` +
  String.raw`relatório|relatorio|ata|protokół|protokol|notatki|raportti|pöytäkirja|muistio|mötesanteckningar|anteckningar|referat|møde|mødereferat)`;
// The little word between the record and its day: "notes of", "Protokoll vom", "verslag van", "compte rendu du".
const OF = String.raw`(?: (?:of|from|on|dated|vom|von|am|van|du|de|del|di|do|da|z|från|fra))?`;
const CITED = regex('iu', String.raw`(?<![\p{L}])${SEE}:? ${RECORD}${OF} $`);

/** The date at `index` of `text` names a document: a "see" and a record right before it, or it is
 * part of a file's name (joined to a word or a path by "-", "_" or "/"). */
export function citedDate(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - 60), index);
  if (CITED.test(before.replace(/\s+/g, ' '))) return true;
  const prev = text[index - 1];
  const next = text[index + length];
  const next2 = text[index + length + 1];
  return (
    prev === '/' ||
    prev === '_' ||
    next === '_' ||
    (next === '-' && !!next2 && /\p{L}/u.test(next2)) ||
    (next === '.' && /^\.(?:md|txt|ya?ml|adoc|rst)\b/i.test(text.slice(index + length)))
  );
}
