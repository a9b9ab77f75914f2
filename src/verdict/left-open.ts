// A decision left open. The change's own text, or a text written since about it, may hand the
// value's fate to someone else: a meeting ("sera décidée au comité produit du 12 mars", "on tranche
// au comité d'architecture"), a review it was escalated to ("No agreement. Escalated to the Q3
// budget review"), a measurement nobody has read ("Messung noch nicht ausgewertet"), a person who
// promised an answer ("I'll look at Tuesday's run and get back to you"), or a later look because
// nobody knows why it was set ("ingen vet hvorfor … vurderes når vi flytter"). While nothing written
// since records the outcome, whichever rule answered cannot be surer than that text: undoing the
// change pre-empts the decision, and declaring it as the environment's own settles it the other way.
// The verdict is a declare at 0.45 asking the decider. Pure.
import type { Divergence, EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { answersOf } from './answered.js';
import type { VerdictContext } from './context.js';
import { distinctive, documentIndex, keyName, namesValue, objectNameOf } from './documents.js';
import { mentions } from './envnames.js';
import { newestFirst } from './ordering.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { logTexts, readingOf } from './texts.js';
import { describeMessage, short } from './words.js';
import { writesAmount } from './written-values.js';
import { linkedPassages } from './documented.js';
import { stillNeededAsked, stillNeededSaid } from './still-needed.js';

// The decision put to a later occasion or body, in the voice records use: passive or future
// ("will be decided at", "to be reassessed when"), a meeting to settle it ("on tranche au comité"),
// an escalation, or a record that the people in it did not agree.
const LEFT_TO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:will|shall|is to|are to|to) be (?:decided|settled|discussed|agreed|reassessed|revisited|re-?evaluated|assessed|reviewed) (?:at|in|on|by|when|once|after|during)|`,
  String.raw`escalated to|no agreement|(?:could|did) not agree|`,
  String.raw`(?:wird|werden) (?:\p{L}+ ){0,5}?(?:entschieden|geklärt|neu bewertet|bewertet)|eskaliert (?:an|zu|ins|in)|keine einigung|`,
  String.raw`ser(?:a|ont) (?:décidée?s?|tranchée?s?|réévaluée?s?|rediscutée?s?|arbitrée?s?) (?:au|à|en|lors|par|quand)|on tranche (?:au|à|en|lors)|`,
  String.raw`à (?:confirmer|trancher|décider|arbitrer) (?:au|à la|en|lors|par)|escaladée? (?:au|à|en)|pas d['’]accord|aucun accord|`,
  String.raw`se (?:decidirá|decide|evaluará|revisará) (?:en|cuando|el|la)|será (?:decidid|evaluad|revisad)[oa]s? (?:en|cuando|por)|escalad[oa] (?:a|al|para)|sin acuerdo|no hubo acuerdo|`,
  String.raw`(?:sarà|verrà) (?:decis|valutat|rivalutat|discuss)[oa] (?:al|alla|nel|nella|quando|da|dal)|si decide (?:al|alla|nel)|nessun accordo|`,
  String.raw`wordt (?:besloten|beslist|bekeken|beoordeeld|geëvalueerd) (?:in|op|bij|door|wanneer|als|zodra)|geëscaleerd naar|geen (?:overeenstemming|akkoord)|`,
  String.raw`(?:beslutas|avgörs|utvärderas|besluttes|afgøres|avgjøres|vurderes|evalueres|päätetään|ratkaistaan|arvioidaan) (?:på|vid|när|i|av|af|ved|når|kun)|`,
  String.raw`ingen (?:enighet|enighed)|eskaler(?:at|et|t) til|`,
  String.raw`(?:zostanie|będzie) (?:rozstrzygnięt|zdecydowan|ocenion)\p{L}{0,2}|brak porozumienia|eskalowan\p{L}{0,3} do|`,
  // … and in Czech and Portuguese ("rozhodne Pavel po dovolené", "bude rozhodnuto na poradě", "será decidido na
  // reunião"), and the plan to decide at a meeting to come ("Next step: decide at the architecture meeting",
  // "decidir na reunião de arquitetura"): the verb, not its past ("decided at the review" reports it taken).
  String.raw`(?:bude|budou) (?:\p{L}+ ){0,3}?(?:rozhodnut|posouzen|projednán)[oa]? (?:na|po|při|až)|rozhodn(?:e|eme|ou|ete) (?:\p{L}+ ){0,3}?(?:po|na|při|až)|eskalován[oa]? (?:na|k)|`,
  String.raw`(?:será|serão|vai ser|vão ser) (?:decidid|avaliad|discutid|definid|revist)[oa]s? (?:na|no|em|pel[oa]|quando|depois|após)|escalad[oa] (?:para|ao|à)|sem acordo|`,
  String.raw`decide (?:it |this |that )?(?:at|in|during) (?:the |our |a )?(?:next )?(?:\p{L}+ ){0,2}?(?:meeting|review|board|committee|sync|session)|`,
  String.raw`decidir (?:isso |isto |o assunto )?(?:na|no|numa|num|em) (?:próxima |\p{L}+ ){0,2}?(?:reunião|comitê|comité|review|sessão|call)|`,
  // … and the same said as an invitation: "let's talk at the platform sync", "lass uns das im Jour fixe
  // besprechen", "on en parle au comité", "lo hablamos en la reunión", "ne parliamo alla riunione".
  String.raw`let['’]s (?:talk|discuss)(?: (?:it|this|that|about it|about this))? (?:at|in|during)|let['’]s decide (?:at|during)|`,
  String.raw`(?:lass|lasst|lassen) (?:uns|sie uns) (?:\p{L}+ ){0,5}?(?:besprechen|bereden|diskutieren)|(?:besprechen|bereden|klären) wir (?:im|in|beim|auf|am)|`,
  String.raw`(?:on en (?:parle|discute|reparle)|parlons-en|discutons-en) (?:au|à|en|lors)|`,
  String.raw`lo (?:hablamos|discutimos|vemos|decidimos) en|(?:hablémoslo|discutámoslo) en|ne (?:parliamo|discutiamo) (?:al|alla|nel|nella|in)|parliamone (?:al|alla|nel|nella|in)|`,
  String.raw`laten we (?:het |dit )?(?:bespreken|bekijken) (?:in|op|bij|tijdens)|vamos (?:falar|conversar|discutir)(?: sobre isso| disso)? (?:na|no|em)|`,
  String.raw`vi tar (?:upp )?det på|omówimy (?:to )?na|porozmawiajmy (?:o tym )?na)(?![\p{L}])`,
);

// A record that the people who had to decide did not: the decision adjourned or put off with no
// outcome ("Decision adjourned", "Entscheidung vertagt", "décision reportée", "decisión aplazada"), or
// said not taken ("we have not decided whether it goes back", "no hemos decidido si", "noch nicht
// entschieden", "pas encore décidé", "nog niet besloten", "ei ole päätetty"). Written after the change,
// this is the deciders' own word that the question stands open — with whatever they knew then (an end
// date passed, a fix announced) already before them — so it outweighs a rule's reading of that same
// evidence. A decision that was taken is not this: "decided not to postpone", "the decision was not
// deferred", "not decided lightly".
const UNDECIDED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:adjourned|postponed|deferred|tabled) (?:the|this|a|our|any) decision|`,
  String.raw`(?:not|n['’]t) (?:yet )?(?:been )?decided (?:whether|if|yet|either way)|undecided|no decision (?:yet|was (?:taken|made|reached)|has been (?:taken|made|reached))|`,
  String.raw`(?:noch )?nicht entschieden|keine entscheidung (?:getroffen|gefallen)|`,
  String.raw`(?:pas|rien) (?:encore )?décidé|(?:n['’]|ne )(?:avons|a|ont) pas (?:encore )?décidé|aucune décision (?:prise|n['’]a été prise)|`,
  String.raw`(?:no|aún no|todavía no) (?:hemos|han|se ha|ha) decidido|sin decidir|non (?:abbiamo|hanno|è stato) (?:ancora )?deciso|`,
  String.raw`(?:nog )?niet (?:besloten|beslist)|não (?:decidimos|decidiram|foi decidido)|ainda não (?:decidid[oa]|foi decidido)|`,
  String.raw`inte (?:beslutat|bestämt|avgjort)|ikke (?:besluttet|bestemt|afgjort|avgjort)|`,
  String.raw`nie (?:zdecydowaliśmy|zdecydowano|postanowiono)|brak decyzji|ei (?:ole )?(?:vielä )?päätetty|`,
  // … or said of everyone: nobody has decided yet ("No one has made a decision on it", "Ingen har tagit beslut om
  // fråga 1 än", "ingen beslutning er truffet", "nikdo zatím nerozhodl", "ninguém decidiu ainda"). "Nobody has
  // decided otherwise" keeps what stands: it is not this.
  String.raw`(?:nobody|no one|no-one) has (?:yet )?(?:decided(?! (?:otherwise|differently|against))|(?:taken|made) (?:a|the|any) (?:decision|call))|`,
  String.raw`ingen har (?:ännu |än )?(?:tagit|fattat) (?:något |ett )?beslut|inget beslut (?:har )?(?:tagits|fattats|är (?:taget|fattat))|(?:har )?inte (?:tagit|fattat) (?:något |ett )?beslut|`,
  String.raw`ingen har (?:endnu |ennå )?(?:taget|truffet|tatt|fattet) (?:en |nogen |noen )?beslutning|ingen beslutning (?:er )?(?:taget|truffet|tatt)|`,
  String.raw`nikdo (?:zatím |ještě )?nerozhodl|(?:zatím|ještě) (?:jsme |to )?nerozhodl\p{L}{0,2}|nerozhodnuto|rozhodnutí (?:zatím |ještě )?(?:nepadlo|nebylo přijato)|`,
  String.raw`ninguém (?:ainda )?decidiu|nenhuma decisão (?:foi )?tomada|`,
  // … or said as a decision still owed by nobody in particular: "fine by me, but someone has to decide",
  // "still to be decided", "jemand muss das entscheiden", "reste à trancher", "alguien tiene que decidir".
  // Whoever wrote it did not decide, and names no one who has: the question stands open.
  String.raw`(?:someone|somebody) (?:still )?(?:has|needs|must|will have) to (?:decide|make (?:the|a|that) (?:call|decision))|someone must decide|`,
  String.raw`(?:still|yet) (?:has |have |needs |need )?to be decided|`,
  String.raw`jemand muss (?:\p{L}+ ){0,3}?(?:entscheiden|festlegen)|muss noch (?:\p{L}+ ){0,3}?entschieden werden|`,
  String.raw`quelqu['’]un doit (?:\p{L}+ ){0,2}?(?:décider|trancher)|reste à (?:décider|trancher)|`,
  String.raw`alguien (?:tiene|debe) (?:que )?decidir(?:lo)?|(?:queda|falta) (?:por )?decidir|qualcuno deve (?:\p{L}+ ){0,2}?decidere|resta da decidere|`,
  String.raw`iemand moet (?:\p{L}+ ){0,2}?(?:beslissen|besluiten)|moet nog (?:\p{L}+ ){0,2}?(?:besloten|beslist) worden|`,
  String.raw`alguém (?:tem|precisa) (?:que|de) decidir|någon måste (?:\p{L}+ ){0,2}?(?:besluta|bestämma|avgöra)|återstår att (?:besluta|bestämma|avgöra)|`,
  // … or said still awaited, as a record's status puts it ("Status: awaiting decision", "waiting on a
  // decision from product", "Entscheidung ausstehend", "en attente de décision", "pendiente de decisión",
  // "menunggu keputusan"): the same open question, in the voice of a ticket or a hand-over note.
  String.raw`(?<!(?:not|no longer|nicht mehr|plus|ya no|non più|niet meer|tidak lagi) )(?:`,
  String.raw`(?:awaiting|pending|waiting (?:for|on))(?: (?:a|the|your|their|his|her))? decision|decision (?:is )?(?:pending|outstanding|awaited)|`,
  String.raw`(?:warte[nt]?|wir warten) auf (?:die |eine )?entscheidung|entscheidung (?:steht (?:noch )?aus|ausstehend|offen)|`,
  String.raw`en attente (?:de|d['’]une|de la) décision|décision en attente|`,
  String.raw`(?:pendiente|a la espera|en espera) de (?:una |la )?decisión|decisión pendiente|in attesa (?:di una|della|di) decisione|decisione in sospeso|`,
  String.raw`wacht(?:en)? op (?:een |het )?(?:besluit|beslissing)|(?:aguardando|à espera de|a aguardar) (?:uma |a )?decisão|decisão pendente|`,
  String.raw`väntar på (?:ett )?beslut|venter på (?:en )?beslutning|czeka(?:my)? na decyzję|odottaa päätöstä|(?:čeká|čekáme|čekají) na rozhodnutí|rozhodnutí (?:je )?odloženo|`,
  String.raw`menunggu keputusan|belum (?:ada keputusan|diputuskan)|keputusan (?:masih )?tertunda)`,
  String.raw`)(?![\p{L}])`,
);
// … and in Russian, Ukrainian, Turkish and Greek, apart so that each table stays small enough to check: a
// decision said not taken yet ("решение пока не принято", "решения пока нет", "рішення ще не ухвалено",
// "henüz karar verilmedi", "δεν έχει ληφθεί απόφαση") or still awaited, as a request's status puts it ("Статус:
// на рассмотрении", "на розгляді", "karar bekleniyor", "εν αναμονή απόφασης"). "Решение" is a solution too: a
// bare "нет решения" is not read.
const UNDECIDED_EAST = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:`,
  String.raw`решени[ея] (?:(?:пока|ещё|еще|до сих пор) )?не (?:принят[оа]?|приняли|вынесен[оа]?)|решения (?:пока|ещё|еще|до сих пор) нет|`,
  String.raw`(?:пока|ещё|еще) не (?:решили|приняли решени[ея])|`,
  String.raw`рішення (?:(?:поки|ще|досі) )?не (?:ухвален[оа]?|прийнят[оа]?|ухвалили|прийняли)|рішення (?:поки|ще|досі) немає|(?:поки|ще) не вирішили|`,
  String.raw`(?:henüz )?karar (?:henüz )?(?:verilmedi|verilmemiş|alınmadı|alınmamış)|henüz karar yok|`,
  String.raw`δεν (?:έχει |έχουμε )?(?:ληφθεί|πάρει|πάρουμε|παρθεί) (?:ακόμα |ακόμη )?(?:καμία )?απόφαση|`,
  String.raw`δεν (?:έχει |έχουμε )?(?:ακόμα |ακόμη )?(?:αποφασιστεί|αποφασίσει)|καμία απόφαση (?:ακόμα|ακόμη)|`,
  // (Awaited, unless said no longer: "больше не ожидает решения", "artık karar beklemiyor".)
  String.raw`(?<!(?:не|больше не|уже не|більше не|вже не|artık|πλέον) )(?:`,
  String.raw`(?:в )?ожидани[еи] решения|ожида(?:ет|ем|ют|ется) (?:\p{L}+ )?решени[яе]|на рассмотрении|на розгляді|очіку(?:є|ємо|ють|ється) (?:на )?рішення|`,
  String.raw`karar bekleniyor|karar(?:ı)? bekl(?:iyor|iyoruz|emede)|αναμένεται (?:η )?απόφαση|εν αναμονή (?:της )?απόφασης|περιμένουμε (?:την )?απόφαση))`,
  String.raw`(?![\p{L}])`,
);
// … and the decision named, then put off, a few words on in its clause: "the decision on the pool was
// postponed", "die Entscheidung über den Wert wurde vertagt", "la décision de revenir à 200 est reportée",
// "la decisión queda aplazada", "het besluit is uitgesteld", "beslutet om poolen bordlades".
const DEFERRED_DECISION = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decision|entscheidung|décision|decisión|decisione|besluit|beslissing|decisão|beslutet|beslutningen|decyzj[aę]|päätös)`,
  String.raw` (?:[^\s.,;:!?]+ ){0,6}?`,
  String.raw`(?:adjourned|postponed|deferred|tabled|put off|pushed back|vertagt|verschoben|zurückgestellt|reportée|ajournée|repoussée|aplazada|pospuesta|postergada|`,
  String.raw`rinviata|rimandata|sospesa|uitgesteld|verdaagd|adiada|postergada|suspensa|sköts upp|skjuts upp|bordlades|udsat|utsatt|odłożon\p{L}{0,2}|przełożon\p{L}{0,2}|`,
  String.raw`lykättiin|siirrettiin)(?![\p{L}])`,
);
// A denial between the decision and its putting off says it was not put off ("was not postponed").
const DENIED = /(?<![\p{L}])(?:not|never|n['’]t|nicht|nie|pas|no|non|niet|não|inte|ikke|ei)(?![\p{L}])/iu;
const putOff = (s: string): boolean => {
  const m = DEFERRED_DECISION.exec(s);
  return !!m && !DENIED.test(m[0]);
};

// A decision still to take, put after an occasion: "Decide after the Q3 load test", "we decide once the
// numbers are in", "Entscheiden nach dem Lasttest", "à décider après le test de charge", "decidir tras la
// prueba", "decidere dopo il test", "beslissen na de loadtest", "besluta efter lasttestet", "zdecydować po
// teście". The verb, not its past ("decided after the load test" reports it taken), nor a decision recorded
// ("Decision after the load test: go").
// A choice is the same decision when the ones who make it say so ("we choose once the pool is measured",
// "vi vælger, når …"): "you can choose when to deploy" is an option, not a decision waiting.
const DECIDE_AFTER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decide|entscheiden|décider|decidir|decidere|beslissen|besluiten|besluta|beslutar|beslutte|beslutter|bestemme|bestemmer|zdecydować|zdecydujemy|`,
  String.raw`decidem|hotărâm|vom decide|(?:we|we['’]ll|we will|wir|nous|wij|vi) (?:choose|pick|wählen|choisirons|kiezen|vælger|väljer|velger))`,
  // (Who decides may stand between, German-style: "entscheiden wir nach dem Lasttest".)
  String.raw`(?: (?:we|wir|nous|wij|vi|noi|nosotros|my))?,? (?:after|once|when|following|nach|wenn|sobald|après|apres|quand|une fois|`,
  String.raw`después de|despues de|tras|cuando|dopo|quando|na|nadat|zodra|efter|etter|når|när|po|gdy|după|când|odată ce)(?![\p{L}])`,
);

// … and in Arabic and Hindi: "نقررها في اجتماع الميزانية يوم 5 نوفمبر" (we decide it at the budget meeting), "سيتم
// البت فيه بعد المراجعة", "القرار في اجتماع …"; "बजट बैठक में तय करेंगे", "मीटिंग के बाद फ़ैसला होगा".
const LEFT_TO_AR_HI = regex(
  'u',
  String.raw`(?<![\p{L}])(?:(?:سنقرر|نقرر|سنحسم|نحسم|يقرر|سيقرر|سيُحسم|يُحسم|سيتقرر|سنبت|نبت)\p{L}{0,3} (?:[\p{L}\p{M}]+ ){0,3}?(?:في|خلال|بعد)|`,
  String.raw`سيتم (?:البت|اتخاذ القرار|تحديد\p{L}{0,3}) (?:[\p{L}\p{M}]+ ){0,2}?(?:في|خلال|بعد)|القرار (?:في|بعد|خلال) (?:ال)?(?:اجتماع|لجنة|مراجعة))(?![\p{L}])|`,
  String.raw`(?:बैठक|मीटिंग|समीक्षा|रिव्यू) (?:में|के बाद) (?:[\p{L}\p{M}]+ ){0,2}?(?:तय|फ़ैसला|फैसला|निर्णय)`,
);

// The decider's hold until the decision is taken: "until then nobody changes anything", "bis dahin ändert
// niemand etwas", "d'ici là on ne touche à rien", "hasta entonces nadie toca nada", "do té doby nikdo nic
// nemění", "do tego czasu nikt nic nie zmienia", "till dess ändrar ingen något", "لحد ذلك لا أحد يغيّر شيء",
// "तब तक कोई कुछ नहीं बदलेगा". Said beside a decision put to an occasion, it is the deciders' own record that
// the decision is not taken and that neither side moves before it: no rule's reading of the same evidence is surer.
const HELD_TILL_DECIDED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until then,? (?:(?:nobody|no one|no-one) (?:changes|touches) (?:anything|it|this)|nothing changes|we change nothing|don['’]t touch (?:it|anything))|`,
  String.raw`bis dahin (?:ändert|rührt) (?:niemand|keiner) (?:etwas|was|es|nichts)|bis dahin ändern wir nichts|`,
  String.raw`d['’]ici là,? (?:personne ne (?:change|touche) (?:rien|à rien)|on ne (?:touche à|change) rien)|`,
  String.raw`hasta entonces,? (?:nadie (?:cambia|toca) nada|no se (?:toca|cambia) nada)|fino ad allora,? nessuno (?:cambia|tocca) niente|`,
  String.raw`do té doby (?:nikdo )?(?:nic nemění|nic neměňte|nic neměníme)|do té doby se nic nemění|`,
  String.raw`do tego czasu (?:nikt )?nic nie (?:zmienia|zmieniamy|ruszamy|rusza)|`,
  String.raw`till dess (?:ändrar|rör) (?:ingen|vi inte) (?:något|någonting|det)|till dess ändras inget|tot die tijd verandert niemand iets|`,
  String.raw`(?:لحد|حتى|لحين|إلى حين) (?:ذلك|ذاك|هذا|وقتها)(?: الوقت| الحين)?،? (?:لا أحد|ما أحد|محد|لا) (?:يغي\p{M}?ر|يعد\p{M}?ل|يلمس|نغي\p{M}?ر)|`,
  String.raw`तब तक (?:कोई(?: भी)? )?(?:कुछ )?(?:नहीं बदलेगा|न बदले|नहीं बदलेंगे|बदलाव नहीं))`,
);

// A decision still to take after an occasion named first, said as the deciders' next step: "Let's run NMT under
// the year-end load — then we decide", "then we'll decide", "wtedy zdecydujemy", "potem zdecydujemy", "pak
// rozhodneme", "dann entscheiden wir", "danach entscheiden wir", "ensuite on décide", "puis on décidera",
// "luego decidimos", "entonces decidiremos", "då bestämmer vi", "sedan beslutar vi", "dan beslissen we". The
// past ("then we decided") reports it taken.
const DECIDE_THEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:then|and then|after that|afterwards) (?:we|we['’]ll|we will|we can|you|they|they['’]ll) (?:decide|make the call)|`,
  String.raw`(?:wtedy|potem|dopiero wtedy|wówczas) (?:zdecydujemy|zdecyduje\p{L}{0,2}|postanowimy|rozstrzygniemy)|`,
  String.raw`(?:pak|potom|teprve pak|poté) (?:rozhodneme|rozhodne\p{L}{0,2}|se rozhodne)|`,
  String.raw`(?:dann|danach|anschließend) (?:entscheiden|entscheidet|beschließen) (?:wir|sie|er)|`,
  String.raw`(?:ensuite|puis|alors|après) (?:on (?:décide(?:ra)?|tranche(?:ra)?)|nous déciderons|nous décidons)|`,
  String.raw`(?:luego|después|entonces) (?:decidimos|decidiremos|decidirán)|(?:poi|allora|dopo) (?:decidiamo|decideremo)|`,
  String.raw`(?:då|sedan|sen|därefter) (?:bestämmer|beslutar|avgör) vi|(?:så|deretter|derefter) (?:bestemmer|beslutter) vi|`,
  String.raw`(?:dan|daarna) (?:beslissen|besluiten) we|(?:depois|então) (?:decidimos|decidiremos))(?![\p{L}])`,
);

// A decision still to take on whether the value goes back, said as the plan of those who take it, the
// occasion standing first ("After the fix: we re-measure and decide whether prod can go back to 4g",
// "Danach messen wir neu und entscheiden, ob …", "on remesure et on décide si …"). "met to decide whether
// … and decided it" reports a decision taken: the infinitive of a purpose is not read, nor the past.
const DECIDE_WHETHER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:we|we['’]ll|we will|and|then) (?:re-?)?decide (?:whether|if)|entscheiden(?: wir)?(?: dann)?,? ob|`,
  String.raw`(?:décidons|déciderons|on décide(?:ra)?|et décider) si|(?:decidimos|decidiremos|y decidir) si|(?:decidiamo|decideremo|e decidere) se|`,
  String.raw`(?:beslissen|besluiten)(?: we)?(?: dan)?,? of|(?:beslutter|bestemmer|beslutar|bestämmer)(?: vi)?(?: så)?,? om|`,
  String.raw`(?:decidimos|decidiremos|e decidir) se|(?:decidem|vom decide|hotărâm) dacă|(?:zdecydujemy|decydujemy),? czy|päätämme,? (?:onko|voiko))(?![\p{L}])`,
);

// An item the deciders' meeting put off to its next sitting, or recorded as not dealt with and carried to
// it ("Appeal — deferred to the next meeting", "not discussed, next time", "vertagt auf die nächste Sitzung",
// "reporté à la prochaine réunion", "no se trató, queda para la próxima", "ikke drøftet, næste gang"):
// their own word that the question stands. "postponed to next week" of a rollout is a date, not a sitting.
const PUT_TO_NEXT = regex(
  'iu',
  // (A denial before it says it was not put off: "was not deferred to the next meeting: approved".)
  String.raw`(?<![\p{L}])(?<!(?:not|never|n['’]t|nicht|pas|non|niet|não|inte|ikke|nie|ei) )(?:deferred|postponed|adjourned|carried over|held over|`,
  String.raw`not (?:discussed|reached|covered|taken up)|vertagt|verschoben|nicht (?:besprochen|behandelt)|`,
  String.raw`reportée?|ajournée?|pas (?:été )?(?:discutée?|traitée?|abordée?)|aplazad[oa]|pospuest[oa]|no se (?:trató|discutió)|no (?:tratad|discutid)[oa]|`,
  String.raw`rinviat[oa]|rimandat[oa]|non (?:discuss|trattat)[oa]|uitgesteld|verdaagd|niet (?:besproken|behandeld)|udsat|utsatt|uppskjuten|ikke (?:drøftet|diskuteret|diskutert|behandlet)|`,
  String.raw`inte (?:diskuterad|diskuterat|behandlad|behandlat)|amânat[ăa]?|nediscutat[ăa]?|netratat[ăa]?|adiad[oa]|não (?:discutid|tratad)[oa]|odłożon\p{L}{0,2}|nie omówion\p{L}{0,2}|`,
  String.raw`lykättiin|ei käsitelty)(?![\p{L}])[^.;!?\n]{0,40}?(?<![\p{L}])`,
  String.raw`(?:next (?:meeting|time|session|sitting|board|review|sync)|nächsten? (?:sitzung|mal|termin|runde|treffen)|prochaine (?:réunion|séance|fois|session)|à la prochaine|`,
  String.raw`próxima (?:reunión|sesión|vez|reunião)|(?:para|a) la próxima|prossima (?:riunione|seduta|volta)|alla prossima|volgende (?:vergadering|keer|sessie|overleg)|`,
  String.raw`næste (?:møde|gang)|neste (?:møte|gang)|nästa (?:möte|gång)|data viitoare|(?:ședința|întâlnirea) viitoare|următoarea (?:ședință|întâlnire)|`,
  String.raw`następne(?:go|m)? (?:spotkani\p{L}{0,2}|posiedzeni\p{L}{0,2})|następnym razem|seuraava(?:an|ssa)? (?:kokou\p{L}{0,3}|kerta\p{L}{0,2})|ensi kerralla)(?![\p{L}])`,
);

// What the decision needs is not known: nobody knows why it was set, whether it holds, or the
// measurement that would tell has not been read.
const UNKNOWN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:nobody|no one|no-one) (?:[\p{L}'’]+ ){0,3}?knows (?:why|whether|if)|`,
  String.raw`unclear (?:why|whether|if)|not (?:yet )?(?:been )?(?:evaluated|measured|analy[sz]ed|assessed)(?: yet)?|`,
  String.raw`(?:niemand|keiner) (?:[\p{L}'’]+ ){0,3}?weiß,? (?:warum|ob|wieso)|unklar,? (?:warum|ob)|noch nicht (?:ausgewertet|bewertet|gemessen|analysiert)|`,
  String.raw`personne (?:[\p{L}'’]+ ){0,3}?ne sait (?:pourquoi|si)|(?:pas clair|on ne sait pas|incertain) si|pas encore (?:été )?(?:évaluée?s?|analysée?s?|mesurée?s?)|`,
  String.raw`nadie (?:[\p{L}'’]+ ){0,3}?sabe (?:por qué|si)|no (?:está claro|se sabe) si|(?:aún|todavía) no (?:se (?:ha|han) )?(?:evaluad|analizad|medid)[oa]s?|`,
  String.raw`nessuno (?:[\p{L}'’]+ ){0,3}?sa (?:perché|se)|non è chiaro se|non (?:è )?ancora (?:stat[oa] )?(?:valutat|analizzat|misurat)[oaie]|`,
  String.raw`niemand (?:\p{L}+ ){0,3}?weet (?:waarom|of)|onduidelijk (?:waarom|of)|nog niet (?:geëvalueerd|geanalyseerd|gemeten|beoordeeld)|`,
  String.raw`ingen (?:\p{L}+ ){0,3}?(?:vet|ved|vit) (?:varför|hvorfor|om)|(?:oklart|uklart|uklart) (?:varför|hvorfor|om)|`,
  String.raw`(?:ännu inte|endnu ikke|ennå ikke|ikke ennå) (?:utvärderad|utvärderat|evalueret|evaluert|vurdert|analyseret|målt|mätt)|`,
  String.raw`nikt (?:\p{L}+ ){0,3}?nie wie,? (?:dlaczego|czy)|nie wiadomo,? (?:dlaczego|czy)|jeszcze nie (?:ocenion|przeanalizowan|zmierzon)\p{L}{0,2}|`,
  String.raw`kukaan ei tiedä,? (?:miksi|onko)|epäselvää,? (?:miksi|onko))(?![\p{L}])`,
);

// An answer promised by whoever decides: "I'll look at it and get back to you", "ich melde mich",
// "je reviens vers toi", "te aviso", "ti faccio sapere", "ik laat het je weten", "återkommer".
const ANSWER_PROMISED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:i['’]ll|i will|we['’]ll|we will) (?:[\p{L}'’]+ ){0,8}?(?:get back to (?:you|him|her|them|us)|let (?:you|him|her|them) know)|`,
  String.raw`(?:(?:ich|und|wir) (?:melde mich|melden uns)|(?:gebe|geben) (?:dir|euch|ihnen) bescheid)|`,
  String.raw`(?:je|on) (?:te |vous )?(?:reviens|revient) vers (?:toi|vous)|je (?:te|vous) (?:redis|tiens au courant)|`,
  String.raw`(?:te|le|les) (?:aviso|digo algo|confirmo)|(?:ti|vi) (?:faccio|facciamo) sapere|`,
  String.raw`(?:ik|we|en) (?:laat|laten) (?:het )?(?:je |jullie )?weten|ik kom (?:erop|er op) terug|`,
  String.raw`(?:jag|vi|och) återkommer|(?:jeg|vi) (?:vender|kommer) tilbage|(?:jeg|vi) kommer tilbake|dam znać|palaan asiaan)(?![\p{L}])`,
);

// The question taken to whoever decides, by the one writing: "I'll ask the invoices team which they prefer",
// "Ich frage das Team, welche Variante sie wollen", "je demande à l'équipe si …", "vou perguntar ao time se …",
// "jag frågar teamet om …", "zeptám se týmu, jestli …". Not a request to act ("I'll ask them to deploy it"):
// what is asked is a choice (which, whether, if), and the one who answers it decides.
const ASKS_DECIDER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:(?:i|we)(?:['’]ll| will| am going to| are going to)|let me|i['’]m going to|we['’]re going to) (?:also )?ask|`,
  String.raw`(?:ich frage|wir fragen|frage ich|fragen wir)|je (?:vais )?demander?|on (?:va )?demander?|(?:voy a|vamos a) preguntar|preguntaré|`,
  String.raw`(?:vou|vamos) perguntar|perguntarei|(?:jag|vi) (?:frågar|ska fråga)|(?:jeg|vi) (?:spørger|spør|skal spørge|skal spørre)|`,
  String.raw`zeptám se|zeptáme se|(?:ik|we) vra(?:ag|gen)|(?:chiedo|chiederò|chiediamo))`,
  String.raw` (?:[\p{L}@'’-]+[ ,]+){1,6}?`,
  String.raw`(?:which|whether|if|what|welche[nrs]?|ob|si|lequel|laquelle|cuál|qual|se|om|vilken|vilket|hvilken|hvilket|jestli|zda|kter\p{L}{1,3}|welke|quale)(?![\p{L}])`,
);

// A question put to whoever decides, asking them to: "@platform-team can you decide?", "could you make the
// call?", "kannst du das entscheiden?", "pouvez-vous trancher ?", "¿puedes decidir?", "podem decidir?", "kan ni
// avgöra?", "můžete rozhodnout?". Unlike a question about the value, it names where the decision is made.
const ASKED_TO_DECIDE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:can|could|would|will) (?:you|y['’]all|you all|you guys|the [\p{L}-]+(?: team)?|[\p{L}-]+ team) (?:please )?(?:\p{L}+ )?`,
  String.raw`(?:decide|make (?:the|a|this|that) (?:call|decision)|take (?:the|a) decision)|`,
  String.raw`(?:kannst|könnt|können) (?:du|ihr|sie) (?:\p{L}+ ){0,2}?(?:entscheiden|festlegen)|`,
  String.raw`(?:peux-tu|pouvez-vous|pourriez-vous|pourrais-tu) (?:\p{L}+ ){0,2}?(?:décider|trancher)|`,
  String.raw`(?:puedes|podéis|pueden|podrías|podrían|puede) (?:\p{L}+ ){0,2}?decidir|(?:pode|podem|poderia|poderiam|consegue|conseguem) (?:\p{L}+ ){0,2}?decidir|`,
  String.raw`(?:puoi|potete|potresti|potreste) (?:\p{L}+ ){0,2}?decidere|(?:kun|kan|kunnen) (?:je|jij|jullie|u) (?:\p{L}+ ){0,2}?(?:beslissen|besluiten)|`,
  String.raw`(?:kan|kunde|kunne) (?:ni|du|I|dere|De) (?:\p{L}+ ){0,2}?(?:avgöra|besluta|bestämma|beslutte|bestemme|afgøre|avgjøre)|`,
  String.raw`(?:můžeš|můžete|mohl bys|mohli byste|mohla bys) (?:\p{L}+ ){0,2}?rozhodnout)(?![\p{L}])`,
);

// Sentences end at their marks, a blank line, or a line that opens a list item, a heading or a
// chat line: a wrapped line goes on ("… au comité produit du 12 mars avec\nMarie-Ève.").
const SENTENCES = sentenceEnds(/(?<=[.!?;])\s+|\n\s*\n|\n(?=\s*(?:[-*#>[]|\d+[.)]\s))/);

/** The sentence of `text` that leaves the decision open, if one does (not asked, which is a question of its own). */
export function leftOpenIn(text: string): string | undefined {
  return openSentence(text)?.sentence;
}

/** The sentence of `text` that records the decision not taken (adjourned, "not decided whether"), if one does. */
export function undecidedIn(text: string): string | undefined {
  const open = openSentence(text);
  return open?.undecided ? open.sentence : undefined;
}

/** The sentence that leaves the decision open, and whether it records the decision not taken (UNDECIDED). */
function openSentence(text: string): { sentence: string; undecided: boolean } | undefined {
  return (
    readingOf(text).answer('left-open', '', () => {
      let first: { sentence: string; undecided: boolean } | null = null;
      for (const raw of text.split(SENTENCES)) {
        // (A sentence wrapped over lines is read as one line: "Ingen har tagit\nbeslut om fråga 1 än.")
        const s = raw.trim().replace(/\s+/g, ' ');
        if (!s) continue;
        // A question asks for the decision; it does not say where it is made — unless it asks someone to make it.
        if (/[?？]\s*$/u.test(s)) {
          if (!first && ASKED_TO_DECIDE.test(s)) first = { sentence: s, undecided: false };
          continue;
        }
        if (UNDECIDED.test(s) || UNDECIDED_EAST.test(s) || putOff(s) || PUT_TO_NEXT.test(s)) return { sentence: s, undecided: true };
        // A decision put to an occasion, with the decider's hold on both sides until then ("we decide at the budget
        // meeting on 5 November. Until then nobody changes anything"): the deciders' record that it is not taken.
        if (HELD_TILL_DECIDED.test(s) && first) return { sentence: `${first.sentence} ${s}`, undecided: true };
        if (
          !first &&
          (LEFT_TO.test(s) ||
            LEFT_TO_AR_HI.test(s) ||
            DECIDE_AFTER.test(s) ||
            DECIDE_THEN.test(s) ||
            DECIDE_WHETHER.test(s) ||
            UNKNOWN.test(s) ||
            ANSWER_PROMISED.test(s) ||
            ASKS_DECIDER.test(s))
        )
          first = { sentence: s, undecided: false };
      }
      return first;
    }) ?? undefined
  );
}

export interface LeftOpen {
  sentence: string;
  /** Written since the change, it records the decision not taken (adjourned, "not decided whether"). */
  undecided: boolean;
  /** It asks whether the change is still needed (still-needed.ts), and nothing since answers. */
  asked?: true;
  where: string;
  sha?: string;
  date: string;
}

interface Change {
  env: EnvName;
  date: string;
  sha?: string;
  text: string;
  from: string | null;
  to: string | null;
}

/** The change that made the difference: for a live edit, the hand edit; between files, the newest
 * change of the environment whose value is its own change. */
function changeOf(d: Divergence, history: Record<EnvName, HistoryEvent[]>): Change | undefined {
  if (d.kind === 'live-drift') {
    const env = d.envs[0];
    const at = env ? d.provenance?.[env]?.time : undefined;
    if (!env || !at) return undefined;
    return { env, date: at, text: '', from: d.values[env]?.repo ?? null, to: d.values[env]?.live ?? null };
  }
  // A contract violation whose environments disagree is a difference between files all the same: the
  // newest change that made one of them what it holds is the one a decision may have been left over.
  if (d.kind !== 'cross-env' && d.kind !== 'contract-violation') return undefined;
  let best: { env: EnvName; e: HistoryEvent } | undefined;
  for (const [env, events] of Object.entries(history)) {
    const last = newestFirst(events)[0];
    if (!last || (d.values[env]?.repo ?? null) !== last.to) continue;
    if (!best || Date.parse(last.date) > Date.parse(best.e.date)) best = { env, e: last };
  }
  if (!best) return undefined;
  const { env, e } = best;
  return { env, date: e.date, sha: e.commit, text: `${e.subject}\n${e.body}`, from: e.from, to: e.to };
}

const names = (text: string, value: string | null, key: KeyPath) => value !== null && (namesValue(text, value) || writesAmount(text, value, key));

/** The newest text, the change's own or written since about it (citing its ticket, naming the key, or
 * naming both the value it replaced and the one it set), that leaves the decision open, when nothing
 * written after it answers the change (answered.ts). */
export function leftOpen(d: Divergence, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext): LeftOpen | undefined {
  const log = context.log;
  const change = changeOf(d, history);
  if (!log || !change) return undefined;
  const today = context.today;
  const at = Date.parse(change.date);
  const tickets = new Set(readingOf(change.text).tickets);
  const name = keyName(d.key)?.pattern;
  // A value distinctive enough to be named in prose (a version, an image), named beside an environment
  // that does not hold it, is written about whether that environment takes it: a request to bring it
  // there, however the request is numbered.
  const elsewhere = Object.keys(d.values).filter((env) => env !== change.env && d.values[env]?.repo !== change.to);
  const set = distinctive(change.to) ? change.to.toLowerCase() : undefined;
  const offered = (text: string, lower: string) =>
    set !== undefined && lower.includes(set) && namesValue(text, change.to!) && elsewhere.some((env) => mentions(text, env));
  // An object's field goes by the object's name in prose: a record naming the object and the value the change
  // set there ("keep production's payments-egress rule open to 0.0.0.0/0") is about the change, as one naming the key is.
  const object = objectNameOf(d.key);
  const ofObject = (text: string, lower: string) => object !== undefined && lower.includes(object) && names(text, change.to, d.key);
  const about = (text: string, cited: Iterable<string>, lower: string) =>
    [...cited].some((t) => tickets.has(t)) ||
    !!name?.test(text) ||
    (names(text, change.from, d.key) && names(text, change.to, d.key)) ||
    offered(text, lower) ||
    ofObject(text, lower);
  const found: LeftOpen[] = [];
  const own = change.text ? leftOpenIn(change.text) : undefined;
  if (own && change.sha) found.push({ sentence: own, undecided: false, where: `${short(change.sha)} (the change itself)`, sha: change.sha, date: change.date });
  for (const t of logTexts(log).all) {
    if (t.note.sha === change.sha || Date.parse(t.note.date) <= at || (today && t.day > today) || !about(t.text, t.tickets, t.folded)) continue;
    const s = openSentence(t.text);
    if (s) found.push({ ...s, where: describeMessage(t.note), sha: t.note.sha, date: t.note.date });
  }
  for (const doc of documentIndex(log)) {
    const written = doc.written;
    // A document the change's own text points to ("see docs/search/audit.md") is its reasoning, however
    // long before it was written.
    const cited = change.text.includes(doc.path);
    if ((written.sha !== change.sha && !cited && Date.parse(written.date) < at) || (today && written.date.slice(0, 10) > today)) continue;
    if (written.sha !== change.sha && !cited && !about(doc.text, doc.tickets, doc.lower)) continue;
    const s = openSentence(doc.text);
    // (A document the change wrote, or one it cites written before it, is its own reasoning: no later word of the deciders.)
    if (s)
      found.push({
        ...s,
        undecided: s.undecided && written.sha !== change.sha && Date.parse(written.date) > at,
        where: `${doc.path} (written in ${short(written.sha)})`,
        sha: written.sha,
        date: written.date,
      });
  }
  found.push(...askedSince(d, change, context, about));
  if (found.length === 0) return undefined;
  const newest = found.sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0]!;
  // A text written after it that answers the change (a go, done, refused, withdrawn, a new date)
  // records the outcome: the rules that read it decide.
  const answers = answersOf(
    {
      key: d.key,
      values: [change.to, change.from],
      tickets: [...tickets],
      env: change.env,
      date: change.date,
      author: '',
      allValues: Object.values(d.values).map((v) => v.repo),
      subject: change.text.split('\n')[0] ?? '',
      environments: context.environments,
      ...(change.sha ? { commit: change.sha } : {}),
      ...(today ? { today } : {}),
    },
    log,
  );
  if (answers.some((a) => a.says !== 'unmet' && Date.parse(a.written) > Date.parse(newest.date))) return undefined;
  return newest;
}

/** The questions asked since the change whether its value is still needed (still-needed.ts), in a later
 * commit or document about the change (its ticket, its key, both its values) or holding a passage linked
 * to it (documented.ts: the key's words beside the environment, say), each naming the key or the value
 * the change set — unless a text written after the question says it is still needed (the answer). */
function askedSince(
  d: Divergence,
  change: Change,
  context: VerdictContext,
  about: (text: string, cited: Iterable<string>, lower: string) => boolean,
): LeftOpen[] {
  const log = context.log;
  if (!log || change.to === null) return [];
  const at = Date.parse(change.date);
  const today = context.today;
  const name = keyName(d.key)?.pattern;
  const ofValue = (s: string) => !!name?.test(s) || names(s, change.to, d.key);
  const inTime = (date: string) => Date.parse(date) > at && !(today && date.slice(0, 10) > today);
  let linked: Set<string> | undefined;
  const linkedTo = (sha: string, path: string): boolean => {
    linked ??= new Set(
      linkedPassages(
        {
          key: d.key,
          values: [change.to, change.from],
          tickets: [...readingOf(change.text).tickets],
          env: change.env,
          date: change.date,
          subject: change.text.split('\n')[0] ?? '',
          environments: context.environments,
          allValues: Object.values(d.values).map((v) => v.repo),
        },
        log,
      ).map((p) => `${p.written.sha} ${p.file}`),
    );
    return linked.has(`${sha} ${path}`);
  };
  const asked: LeftOpen[] = [];
  const answers: Array<{ date: string; text: string }> = [];
  for (const t of logTexts(log).all) {
    if (t.note.sha === change.sha || !inTime(t.note.date) || !about(t.text, t.tickets, t.folded)) continue;
    answers.push({ date: t.note.date, text: t.text });
    const q = stillNeededAsked(t.text, ofValue);
    if (q) asked.push({ sentence: q, undecided: false, asked: true, where: describeMessage(t.note), sha: t.note.sha, date: t.note.date });
  }
  for (const doc of documentIndex(log)) {
    if (doc.written.sha === change.sha || !inTime(doc.written.date)) continue;
    const q = stillNeededAsked(doc.text, ofValue);
    const said = q ? undefined : stillNeededSaid(doc.text, ofValue);
    if ((!q && !said) || (!about(doc.text, doc.tickets, doc.lower) && !linkedTo(doc.written.sha, doc.path))) continue;
    answers.push({ date: doc.written.date, text: doc.text });
    if (q)
      asked.push({
        sentence: q,
        undecided: false,
        asked: true,
        where: `${doc.path} (written in ${short(doc.written.sha)})`,
        sha: doc.written.sha,
        date: doc.written.date,
      });
  }
  // An answer written after the question ("the cap is still needed until the proxy is sized") settles it.
  return asked.filter((a) => !answers.some((x) => Date.parse(x.date) > Date.parse(a.date) && stillNeededSaid(x.text, ofValue)));
}
