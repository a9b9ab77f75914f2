// A request opened is a proposal. A sentence that reports a pull or merge request (or a change request)
// opened, raised or up for review ("PR #412 (revert the TTL to 300) opened by Marcus", "MR !88 to put
// staging back is in review", "PR für das Zurücksetzen eröffnet", "PR ouverte pour revenir à 300",
// "abrí un PR para volver a 300") carries a change someone asked for, not one made: while the
// environment's file does not hold it, nobody merged it, and what it would do (put a value back,
// carry it on) is decided by whoever reviews it. A request reported merged, closed or declined is not
// this (closed-request.ts reads the closed one). Pure.
import { CLOSED, MERGED, REQUEST, REQUEST_ABBREVIATION } from './closed-request.js';
import { regex } from './pattern.js';

// Opened, raised, submitted, up for review: the participles and phrases of the languages read.
const OPENED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:opened|raised|submitted|created|filed|(?:is |still )?(?:in|under|up for|awaiting|waiting for) review|open for review|draft|`,
  String.raw`eröffnet|erstellt|aufgemacht|angelegt|eingereicht|im review|ouverte?|créée?|soumise?|en (?:cours de )?revue|`,
  String.raw`abiert[oa]|abrí|abrió|cread[oa]|en revisión|apert[oa]|creat[oa]|in revisione|geopend|aangemaakt|ingediend|in review|`,
  String.raw`abert[oa]|criad[oa]|em revisão|öppnad|skapad|under granskning|åbnet|oprettet|åpnet|opprettet|otwart\p{L}{0,2}|utworzon\p{L}{0,2}|`,
  String.raw`avattu|avattiin|luotu)(?![\p{L}])`,
);

/** Does the sentence report a request opened and not (yet) merged, closed or declined? */
export function openedRequest(sentence: string): boolean {
  return (REQUEST_ABBREVIATION.test(sentence) || REQUEST.test(sentence)) && OPENED.test(sentence) && !MERGED.test(sentence) && !CLOSED.test(sentence);
}
