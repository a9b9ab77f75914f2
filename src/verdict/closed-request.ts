// A request closed unmerged. A sentence that reports a pull or merge request (or a change request)
// for an environment closed, declined, withdrawn or not merged ("PR #812 … was closed by Ahmed",
// "der MR für prod wurde abgelehnt", "la demande pour la prod a été refusée", "la PR de producción se
// cerró sin merge") names the value it carried as what that environment was not given: never as the
// environment's own. A request that was merged is not this, whatever else the sentence closed ("the
// merged PR closed the gap in production"). Pure.
import { regex } from './pattern.js';

// The request, as people name it: the abbreviations in capitals only ("Mr." and "pr" are other words).
export const REQUEST_ABBREVIATION = /(?<![\p{L}])(?:PR|MR|CR)(?![\p{L}])/u;
export const REQUEST = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:pull[- ]requests?|merge[- ]requests?|change[- ]requests?|änderungsantrag|antrag|demande de (?:fusion|changement|modification)|`,
  String.raw`solicitud(?:es)? de (?:cambio|fusión|merge)|richiesta di (?:modifica|merge)|wijzigingsverzoek|pedido de (?:mudança|merge)|ändringsbegäran|`,
  String.raw`ændringsanmodning|endringsforespørsel|wniosek o zmianę|muutospyyntö)(?![\p{L}])`,
);
// Closed without its change: the participles and the "not merged" of the languages read.
export const CLOSED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:closed|declined|rejected|abandoned|withdrawn|not merged|unmerged|never merged|`,
  String.raw`geschlossen|abgelehnt|zurückgezogen|verworfen|nicht gemergt|ferm[ée]e?|refus[ée]e?|rejet[ée]e?|abandonn[ée]e?|`,
  String.raw`cerrad[oa]|se cerró|rechazad[oa]|descartad[oa]|chius[oa]|respint[oa]|rifiutat[oa]|gesloten|afgewezen|ingetrokken|`,
  String.raw`fechad[oa]|rejeitad[oa]|recusad[oa]|stängd|stängdes|avvisad|avslogs|lukket|afvist|avvist|zamknięt\p{L}{0,2}|odrzucon\p{L}{0,2}|`,
  String.raw`suljettu|suljettiin|hylätty|hylättiin)(?![\p{L}])`,
);
// Merged: the request did bring its change (unless denied: "not merged", "nicht gemergt", "sin merge").
export const MERGED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?<!(?:not|never|nicht|sin|sans|senza|niet|sem|inte|ikke|nie) )(?:merged|gemergt|gemerged|fusionn[ée]e?|fusionad[oa]|mergead[oa]|mergiat[oa]|samengevoegd)(?![\p{L}])`,
);

/** Does the sentence report a request closed without being merged? */
export function closedRequest(sentence: string): boolean {
  return (REQUEST_ABBREVIATION.test(sentence) || REQUEST.test(sentence)) && CLOSED.test(sentence) && !MERGED.test(sentence);
}
