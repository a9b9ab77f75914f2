// A decision taken after an event is not the event. "The controller will assess after the year-end
// close whether any such credit note can still be issued; do not remove the flag until then": the
// flag's end is the controller's answer, and a later report that the close is done ("Books closed")
// says nothing of it. A condition whose clause makes it the time someone decides, assesses or reviews
// ("which the board decides after the audit", "die Controllerin bewertet das nach dem Abschluss",
// "le contrôleur tranchera après la clôture", "el controller lo evaluará después del cierre") is when
// the decision is due, not the end a report of the event meets. Pure.
import { regex } from './pattern.js';

// A verb of deciding or assessing, said of someone, in the languages read; what stands between it
// and the condition's lead stays in its clause (no full stop, semicolon or line break).
const DECIDED_THEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decides?|will decide|to decide|assess(?:es)?|will assess|to assess|evaluates?|will evaluate|reviews?|will review|judges?|will judge|determines?|will determine|rules on|`,
  String.raw`entscheidet|entscheiden|bewertet|beurteilt|prüft|klärt|décide|décidera|tranchera|évalue|évaluera|statuera|`,
  String.raw`decide|decidirá|evalúa|evaluará|valorará|determinará|deciderà|valuterà|valuta|stabilirà|`,
  String.raw`beslist|beslissen|beoordeelt|beoordelen|decidirá|avaliará|avalia|vai (?:decidir|avaliar)|`,
  String.raw`beslutar|bedömer|avgör|beslutter|vurderer|afgør|bestemmer|avgjør|zdecyduje|oceni|rozstrzygnie|päättää|arvioi)`,
  String.raw`(?![\p{L}])[^.;!?\n]{0,60}$`,
);

/** Whether `before` (the text up to a condition's lead) makes the condition the time of someone's decision. */
export const decidedThen = (before: string): boolean => DECIDED_THEN.test(before.slice(-90));
