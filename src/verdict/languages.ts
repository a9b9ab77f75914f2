// Intent as teams write it in languages other than English: a table of words per intent per
// language, read by one small matcher, never a pattern per story. The English readers stay in
// intent.ts, deadline.ts and conditions.ts; this module answers the same questions (scoped to one
// environment? for a while? until when? back to the old value? done? approved? not to be promoted?)
// for German, Spanish, French, Portuguese, Italian, Dutch, Swedish, Danish, Norwegian, Polish, Czech, Romanian, Russian, Ukrainian, Turkish, Japanese,
// Hungarian, Finnish, Greek, Catalan, Chinese, Korean, Vietnamese and Indonesian, and says when a text was in a language (or a script) it does not read at all.
import type { EnvName } from '../model/types.js';
import { regex, sourceOf, escapeRegExp } from './pattern.js';
import { keyOf, once } from './once.js';
import { amountAfter, DATED_FORM, datedForm, NOT_AMOUNT } from './calendar.js';
import { ownLength } from './own-length.js';
import { reportedAt } from './tense.js';

export type Language =
  | 'en'
  | 'de'
  | 'es'
  | 'fr'
  | 'pt'
  | 'it'
  | 'nl'
  | 'sv'
  | 'da'
  | 'no'
  | 'pl'
  | 'cs'
  | 'ro'
  | 'ru'
  | 'uk'
  | 'el'
  | 'tr'
  | 'hu'
  | 'fi'
  | 'ca'
  | 'ja'
  | 'zh'
  | 'ko'
  | 'vi'
  | 'id';
/** The languages read here besides English. */
export const READ: Language[] = [
  'de',
  'es',
  'fr',
  'pt',
  'it',
  'nl',
  'sv',
  'da',
  'no',
  'pl',
  'cs',
  'ro',
  'ru',
  'uk',
  'el',
  'tr',
  'hu',
  'fi',
  'ca',
  'ja',
  'zh',
  'ko',
  'vi',
  'id',
];
// The languages read whose script is not Latin: never a candidate for a Latin text.
const NON_LATIN_READ: ReadonlySet<string> = new Set(['ru', 'uk', 'el', 'ja', 'zh', 'ko']);

/** What a text says, as the verdict's English readers name it. */
export type IntentKind =
  | 'only'
  | 'test'
  | 'temporary'
  | 'back'
  | 'until'
  | 'done'
  | 'approved'
  | 'not-promote'
  // Read in English only (intent.ts), but "everywhere", "typo" and "incident", read in every language here too:
  | 'rollout'
  | 'incident'
  | 'typo'
  | 'everywhere'
  | 'security'
  | 'pinned'
  | 'hold'
  // Read in the languages here (and by documents.ts in English):
  | 'permanent'
  | 'keep'
  | 'mistake';

interface Words {
  /** "only", "just": next to an environment's name it keeps the change there. */
  only: string[];
  /** A test, a load test, a QA run as the change's purpose. */
  test: string[];
  /** "temporarily", "for now". */
  temporary: string[];
  /** Going back to the value before, as a plan ("we go back to 6.0.0", "元に戻します"). */
  back: string[];
  /** The work reported finished: "done", "fixed", "migrated". */
  done: string[];
  /** A gate passed: "approved", "signed off". */
  approved: string[];
  /** "do not promote", "not for production". */
  notPromote: string[];
  /** The value is meant for every environment: "überall", "todos os ambientes", "所有环境". */
  everywhere: string[];
  /** The change corrects a slip: "Tippfehler", "faute de frappe", "literówka", "笔误". */
  typo: string[];
  /** An incident the change answers: "Störung", "incidente", "障害", "故障". */
  incident: string[];
  /** Words before a date that make it an end: "bis", "hasta el", "do" — or after it, for the
   * languages that put them there ("まで", "까지", "kadar"). */
  until: string[];
  untilAfter?: string[];
  /** Words before a count of days/weeks/months that make it a span: "für", "por", "na". */
  spanBefore: string[];
  /** Month names (or stems), January first. */
  months: string[];
  /** Words after a done/approved word that make it a condition for later ("したら", "후"). */
  conditionAfter?: string[];
  /** Words before one that make it a condition for later ("wenn", "cuando", "po"). */
  conditionBefore: string[];
  /** Words that negate the word after them in the same clause ("niet tijdelijk", "nicht temporär",
   * "pas temporaire", "不是临时"), or the word before them ("geçici değil", "一時的ではない"). */
  negation: string[];
  negationAfter: string[];
  /** Words that make the clause a question ("ob", "czy", "是否", "かどうか", "要不要"): what it
   * contains is asked, not said. */
  question: string[];
  /** "permanent", "for good": the change is meant to stay. */
  permanent: string[];
  /** A decision to keep a value as it runs, or to write it into the repository ("zostawiamy",
   * "behalten", "do repo", "保留"). */
  keep: string[];
  /** Another environment keeps its own value, and means to: it stays as it is ("Prod bleibt bei 5",
   * "En dev on garde", "本番は 2 台のまま"), on purpose ("bewusst", "意図的に"), not to be aligned ("ne pas
   * aligner", "nicht angleichen"), not an oversight ("pas un oubli"). Read in a clause naming it. */
  stays: string[];
  /** The change was a mistake ("por error", "versehentlich", "誤って"). */
  mistake: string[];
  /** A staged rollout's order: this environment "first" ("zuerst", "primeiro", "まず"), another
   * one "then" ("dann", "antes de", "その後", "然后"). */
  first: string[];
  then: string[];
  /** After another environment's name, its step put off to later: "Prod später", "recette dans un
   * second temps", "producción más tarde". Not a connective ("dann", "puis"), which after a name
   * makes it the first step ("Staging dann Prod"). */
  later?: string[];
  /** Another environment waits for a gate before it follows: "erst wenn", "dopiero gdy", "solo
   * cuando", "seulement quand", "pas avant", "nicht vor" — read in a clause naming it (intent.ts). A
   * negation inside the word ("pas avant", "nie przed") is the gate's own: "not before X" is "after X". */
  gate: string[];
  /** A go for an environment named in the same sentence: may, can now, recommended ("można", "darf",
   * "se puede", "Empfehlung", "on peut", "si può", "mag") — not negated, asked or set as a condition. */
  go: string[];
  /** A switch turned back, a value restored, as an instruction or a report ("wieder einschalten",
   * "rétablir", "riattivare", "włączyć ponownie"); read as an undo of the change it is about. */
  undo: string[];
  /** Words before a date that make a step due by it at the latest ("spätestens", "a más tardar",
   * "au plus tard", "najpóźniej"). */
  due: string[];
  /** The value is refused, shut down, gone or still failing ("abgeschaltet", "dejó de funcionar", "ne
   * répond plus", "提供終了"): broken.ts reads them beside its English words, as `refusalSource()`. */
  refused: string[];
  /** "Then", "afterwards", "again": before an `off` word, a planned undo ("daarna weer uit", "danach wieder
   * aus", "puis on le retire", "luego lo apagamos", "その後オフに戻す"). */
  afterwards: string[];
  /** Turning it off or taking it out again: "uit", "ausschalten", "retirer", "apagar", "wyłączyć". */
  off: string[];
  /** Taking an object or a grant away, as a plan or an order: "löschen", "entziehen", "révoquer",
   * "geri alınacak", "删除". Only forms that say it is to happen, none that deny it ("silme"). */
  remove?: string[];
  /** An answer still awaited: a request still under review, no reply yet, a value left to settle with
   * someone ("encara en revisió", "sense resposta", "a acordar amb"; answer-awaited.ts). */
  awaited?: string[];
}

// Danish and Norwegian write most of these words alike; where the spelling differs both are listed
// ("indtil"/"inntil", "fejl"/"feil"): a text takes the words of its own.
const DANISH_NORWEGIAN: Words = {
  only: ['kun', 'udelukkende', 'utelukkende', 'bare', 'alene'],
  test: ['til test', 'til testen', 'til tests', 'til testing', 'for at teste', 'for å teste', 'til loadtest*', 'til belastningstest*', 'til ytelsestest*'],
  temporary: [
    'midlertidig',
    'midlertidigt',
    'foreløbig',
    'foreløpig',
    'for nu',
    'indtil videre',
    'inntil videre',
    'i mellemtiden',
    'i mellomtiden',
    'under migrering*',
    'så længe',
    'så lenge',
  ],
  back: [
    'tilbage til',
    'tilbake til',
    'rulle tilbage',
    'rulle tilbake',
    'ruller tilbage',
    'ruller tilbake',
    'gendan*',
    'gjenopprett*',
    'sætte tilbage',
    'sette tilbake',
    'tænde igen',
    'slå til igen',
    'slå på igjen',
    'skru på igjen',
  ],
  done: ['færdig', 'ferdig', 'klar', 'løst', 'fikset', 'rettet', 'lukket', 'afsluttet', 'avsluttet', 'migreret', 'migrert'],
  approved: ['godkendt', 'godkjent', 'grønt lys', 'klarsignal'],
  notPromote: ['ikke til prod*', 'ikke i prod*', 'ikke for prod*', 'ikke promover*', 'aldrig i prod*', 'aldri i prod*'],
  everywhere: [
    'overalt',
    'alle miljøer',
    'i alle miljøer',
    'på alle miljøer',
    'for alle miljøer',
    'i alle klynger',
    'i alle konti',
    'i alle kontoer',
    'i alle regioner',
  ],
  typo: ['tastefejl', 'slåfejl', 'skrivefejl', 'skrivefeil', 'tastefeil', 'forkert værdi', 'feil verdi'],
  incident: ['hændelse', 'hendelse', 'nedbrud', 'driftsforstyrrelse', 'avbrudd', 'udfald', 'hotfix'],
  until: ['indtil', 'inntil', 'til og med', 't.o.m.', 'frem til', 'fram til', 'senest'],
  spanBefore: ['i', 'for', 'de næste', 'de neste', 'i de næste', 'i de neste'],
  months: ['januar', 'februar', 'mar[st]*', 'april', 'ma[ij]', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'de[cs]ember'],
  conditionBefore: ['når', 'så snart', 'straks', 'efter at', 'etter at', 'indtil', 'inntil', 'hvis', 'om', 'skal', 'må'],
  negation: ['ikke', 'ingen', 'aldrig', 'aldri', 'ikke længere', 'ikke lenger'],
  negationAfter: [],
  question: ['om det', 'om vi', 'hvorvidt', 'eller ej', 'eller ikke'],
  permanent: ['permanent', 'permanente', 'varig', 'varigt', 'for altid', 'for godt'],
  keep: ['beholde', 'beholder', 'vi beholder', 'i repoet', 'i git', 'til repoet'],
  stays: [
    'forbliver',
    'forblir',
    'beholder',
    'uændret',
    'uendret',
    'som den er',
    'bevidst',
    'bevisst',
    'med vilje',
    'med hensigt',
    'ikke justere',
    'ikke en fejl',
    'ikke en feil',
    'undtaget',
    'undtages',
    'unntatt',
    'unntas',
    // "does not change", said of an environment: its value stays.
    'ændres ikke',
    'endres ikke',
    'ændrer sig ikke',
    'endrer seg ikke',
  ],
  mistake: ['ved en fejl', 'ved en feil', 'ved et uheld', 'var en fejl', 'var en feil', 'fejlagtigt', 'feilaktig'],
  first: ['først', 'først i', 'til at starte med', 'til å begynne med'],
  then: ['derefter', 'deretter', 'bagefter', 'etterpå', 'senere', 'før', 'følger efter', 'følger etter'],
  later: ['senere', 'i et andet trin', 'i et andre steg', 'i et senere trin', 'i et senere steg'],
  gate: ['først når', 'først efter', 'først etter', 'når', 'så snart', 'straks', 'efter at', 'etter at', 'ikke før'],
  go: ['kan nu', 'kan nå', 'anbefaling', 'anbefales', 'anbefaler', 'grønt lys', 'kan følge efter', 'kan følge etter'],
  undo: [
    'tænd igen',
    'slå til igen',
    'genoptag*',
    'gjenoppta',
    'slå på igjen',
    'gendan*',
    'gjenopprett*',
    'aktiver igen',
    'aktivere igjen',
    'slå fra igen',
    'slå av igjen',
  ],
  due: ['senest', 'senest den', 'ikke senere end', 'ikke senere enn'],
  afterwards: ['derefter', 'deretter', 'bagefter', 'etterpå', 'igen', 'igjen'],
  off: ['slå fra', 'slå av', 'sluk*', 'skru av', 'fjern*', 'tilbage', 'tilbake', 'deaktiver*'],
  remove: [
    'fjern',
    'fjerne',
    'fjernes',
    'fjernet',
    'slette',
    'slettes',
    'slett',
    'slettet',
    'tilbagekald*',
    'tilbakekall*',
    'inddrag*',
    'inndra*',
    'skal væk',
    'skal vekk',
    'må væk',
    'må vekk',
  ],
  refused: [
    'holder op med at virke',
    'slutter å virke',
    'virker ikke længere',
    'virker ikke lenger',
    'er lukket ned',
    'ikke længere tilgængelig',
    'ikke lenger tilgjengelig',
  ],
};

// `*` ends a stem: any letters may follow (inflection). Words are matched whole (no letter or digit
// on either side) except in Japanese, Chinese and Korean, which do not put spaces between words.
const TABLE: Record<Exclude<Language, 'en'>, Words> = {
  de: {
    only: ['nur', 'ausschließlich', 'lediglich'],
    test: ['zum testen', 'für tests', 'für den test', 'für die tests', 'für den lasttest', 'für die lasttests', 'zu testzwecken'],
    temporary: [
      'für den tag',
      'für den restlichen tag',
      // (The adjective inflects: "vorübergehender Fix", "temporäre Erhöhung", "befristete Freigabe"; its
      // endings only, not a compound: "Temporärdateien" are files.)
      'vorübergehend',
      'vorübergehende',
      'vorübergehende[rsnm]',
      'vorerst',
      'erstmal',
      'temporär',
      'temporäre',
      'temporäre[rsnm]',
      'befristet',
      'befristete',
      'befristete[rsnm]',
      'provisorisch',
      'provisorische',
      'provisorische[rsnm]',
      'übergangsweise',
      'fürs erste',
      'bis auf weiteres',
      'nur heute',
      'für heute',
      'bis morgen',
      // For the duration of an event: "während der Migration", "solange die Migration läuft".
      'während der',
      'während des',
      'solange die',
      'solange der',
    ],
    back: [
      'wieder zurück',
      'zurück auf',
      'zurückdrehen',
      'zurücksetzen',
      'zurückstellen',
      'rückgängig',
      'wieder auf',
      'danach wieder',
      // The change taken back, as change boards write it: "Rückbau auf 3 nach dem Freeze", "Rückbau nach Ende des Freeze".
      'rückbau auf',
      'rückbau nach',
      'rueckbau auf',
      'rueckbau nach',
      // Turned back on: "wieder einschalten nach dem 20.11."
      'wieder einschalten',
      'wieder anschalten',
      'wieder aktivieren',
      'reaktivieren',
    ],
    done: ['erledigt', 'fertig', 'abgeschlossen', 'behoben', 'gefixt', 'umgezogen', 'migriert', 'ist durch', 'sind durch', 'geschlossen'],
    approved: ['genehmigt', 'freigegeben', 'abgenommen', 'freigabe erteilt', 'abnahme erfolgt', 'freigabe liegt vor'],
    notPromote: ['nicht für prod*', 'nicht in prod*', 'nicht nach prod*', 'nicht auf prod*', 'nicht in die prod*', 'nicht promoten', 'nicht übernehmen'],
    everywhere: [
      'überall',
      'in allen umgebungen',
      'für alle umgebungen',
      'auf allen umgebungen',
      'alle umgebungen',
      'in allen stages',
      // The nouns a layout's environments are: accounts, clusters, regions.
      'in allen accounts',
      'in allen konten',
      'auf allen accounts',
      'in allen clustern',
      'auf allen clustern',
      'in allen regionen',
      'auf allen stages',
      'alle stages',
      'in allen clustern',
      'umgebungsübergreifend',
    ],
    typo: ['tippfehler', 'vertipper', 'vertippt', 'schreibfehler', 'falsche einheit', 'null zu viel', 'null vergessen'],
    incident: ['störung', 'vorfall', 'notfall', 'ausfall', 'incident', 'hotfix'],
    until: ['bis', 'bis zum', 'bis zur', 'bis spätestens', 'spätestens am', 'spätestens'],
    spanBefore: ['für', 'fuer', 'für die nächsten', 'die nächsten', 'für ca.', 'während'],
    // (Austrian "Jänner" too.)
    months: ['j[aä]n*', 'feb*', 'märz', 'apr*', 'mai', 'juni', 'juli', 'aug*', 'sep*', 'okt*', 'nov*', 'dez*'],
    conditionBefore: ['wenn', 'sobald', 'nachdem', 'falls', 'bis', 'sollte', 'muss', 'soll'],
    negation: ['nicht', 'kein*', 'nie', 'niemals', 'nicht mehr'],
    negationAfter: [],
    question: ['ob', 'oder nicht'],
    permanent: ['dauerhaft', 'permanent', 'bleibend', 'endgültig', 'auf dauer', 'für immer', 'für gut'],
    keep: [
      'behalten',
      'beibehalten',
      'behalten wir',
      'bleibt so',
      'so lassen',
      'lassen wir so',
      'bleibt drin',
      'ins repo',
      'in git übernehmen',
      'ins git',
      'einchecken',
      'festschreiben',
    ],
    stays: [
      'bleibt',
      'bleiben',
      'behält',
      'unverändert',
      'wie gehabt',
      'wie bisher',
      'so wie es ist',
      'bewusst',
      'absichtlich',
      'mit absicht',
      'gewollt',
      'nicht angleichen',
      'nicht anpassen',
      'kein versehen',
      'kein vergessen',
      'ausgenommen',
      'ändert sich nicht',
      'wird nicht geändert',
    ],
    mistake: [
      'versehentlich',
      'aus versehen',
      'war ein fehler',
      'war falsch',
      'fälschlicherweise',
      'irrtümlich',
      'falscher wert',
      'falsche configmap',
      'falscher cluster',
      'falscher namespace',
    ],
    first: ['zuerst', 'erst', 'zunächst', 'als erstes', 'vorab'],
    then: ['dann', 'danach', 'anschließend', 'später', 'erst danach', 'bevor', 'vor dem'],
    later: ['später', 'in einem zweiten Schritt', 'im zweiten Schritt', 'in einem späteren Schritt', 'nachgezogen'],
    gate: [
      'erst wenn',
      'erst nach',
      'erst nachdem',
      'erst sobald',
      'erst ab',
      'sobald',
      'nachdem',
      'wenn',
      'nicht vor',
      'nicht bevor',
      'nicht vor dem',
      'nicht vor der',
    ],
    go: [
      'darf',
      'dürfen',
      'kann jetzt',
      'können jetzt',
      'kann nun',
      'können nun',
      'empfehlung',
      'empfehlen',
      'empfohlen',
      'freigegeben für',
      'grünes licht',
      'kann nachziehen',
      'können nachziehen',
    ],
    undo: [
      'wieder einschalten',
      'wieder anschalten',
      'wieder aktivieren',
      'reaktivieren',
      'fortsetzen',
      'wieder aufnehmen',
      'wieder ausschalten',
      'wieder deaktivieren',
      'wieder herstellen',
      'wiederherstellen',
      'zurücksetzen',
      'zurückdrehen',
    ],
    due: ['spätestens', 'spätestens am', 'spätestens bis', 'bis spätestens', 'allerspätestens'],
    afterwards: ['danach', 'dann', 'anschließend', 'hinterher', 'später', 'wieder'],
    off: ['aus', 'ausschalten', 'ausmachen', 'abschalten', 'deaktivieren', 'entfernen', 'raus', 'rausnehmen', 'zurück', 'weg'],
    remove: ['entfernen', 'entfernt', 'löschen', 'gelöscht', 'entziehen', 'zurücknehmen', 'zurückziehen', 'widerrufen', 'abbauen', 'rückbauen', 'wegnehmen'],
    refused: [
      'abgeschaltet',
      'außer betrieb',
      'nicht mehr erreichbar',
      'nicht mehr akzeptiert',
      'nicht mehr verfügbar',
      'nicht mehr beantwortet',
      'nicht mehr nutzbar',
      'nicht mehr brauchbar',
      'nicht mehr exportiert',
      'unbrauchbar',
      'verstumm*',
      'abgelehnt',
      'schlägt immer noch fehl',
      'schlägt weiterhin fehl',
      'schlägt noch immer fehl',
    ],
  },
  es: {
    only: ['solo', 'sólo', 'solamente', 'únicamente', 'exclusivamente'],
    test: ['para pruebas', 'para la prueba', 'para las pruebas', 'para probar', 'para test*'],
    temporary: [
      'por el día',
      'temporalmente',
      'provisionalmente',
      'por ahora',
      'de momento',
      'por el momento',
      'mientras tanto',
      'solo por hoy',
      'por hoy',
      'para esta tarde',
      'hasta mañana',
      'durante la',
      'durante el',
      'mientras dure',
    ],
    back: [
      'volver a',
      'volvemos a',
      'volveremos a',
      'vuelve a',
      'revertir',
      'revertimos',
      'se revierte',
      'deshacer',
      'dejarlo como estaba',
      'regresar a',
      'devolver … a',
      'reactivar',
      'hay que reactivar',
    ],
    done: ['listo', 'terminad*', 'completad*', 'resuelt*', 'arreglad*', 'corregid*', 'cerrad*', 'migrad*', 'finalizad*', 'hecho ✅'],
    approved: ['aprobado', 'aprobada', 'autorizado', 'autorizada', 'visto bueno', 'luz verde', 'validado', 'validada', 'ok para pro*'],
    notPromote: ['no promover', 'no subir a prod*', 'no pasar a prod*', 'no para prod*', 'no llevar a prod*', 'nada de prod*'],
    everywhere: [
      'en todos los entornos',
      'en todas las cuentas',
      'en todos los clústeres',
      'en todos los clusters',
      'en todas las regiones',
      'para todos los entornos',
      'todos los entornos',
      'en todos los ambientes',
      'todos los ambientes',
      'en todas partes',
      'en todos lados',
      'en todos los clusters',
    ],
    typo: ['errata', 'error tipográfico', 'error de tipeo', 'valor incorrecto', 'unidad incorrecta', 'cero de más'],
    incident: ['incidente', 'incidencia', 'emergencia', 'hotfix'],
    until: ['hasta', 'hasta el', 'hasta el día', 'a más tardar el'],
    spanBefore: ['por', 'durante', 'durante las próximas', 'durante los próximos', 'por las próximas'],
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'sep*', 'octubre', 'noviembre', 'diciembre'],
    conditionBefore: ['cuando', 'una vez', 'hasta que', 'si', 'después de que', 'en cuanto', 'debe', 'hay que'],
    negation: ['no', 'nunca', 'ni', 'ya no'],
    negationAfter: [],
    question: ['si o no', 'si es', 'si se', 'si lo'],
    permanent: ['permanente', 'permanentemente', 'definitivo', 'definitiva', 'definitivamente', 'para siempre'],
    keep: ['mantener', 'mantenemos', 'se mantiene', 'lo dejamos', 'se queda', 'nos quedamos con', 'al repo', 'en el repo', 'en git', 'llevar al repo'],
    stays: [
      'se queda',
      'se quedan',
      'se mantiene',
      'sigue con',
      'sigue en',
      'siguen con',
      'siguen en',
      'se mantienen',
      'como está',
      'tal cual',
      'sin cambios',
      'a propósito',
      'adrede',
      'intencionad*',
      'deliberadamente',
      'no alinear',
      'no igualar',
      'no es un olvido',
      'exento',
      'exenta',
      'exceptuad*',
      'no cambia',
      'no se cambia',
    ],
    mistake: ['por error', 'fue un error', 'era un error', 'fue una equivocación', 'por equivocación', 'equivocad*', 'sin querer'],
    first: ['primero', 'primera', 'antes en', 'para empezar'],
    then: ['luego', 'después', 'despues', 'y luego', 'antes de', 'más tarde', 'a continuación'],
    later: ['más tarde', 'mas tarde', 'en una segunda fase', 'en un segundo paso', 'en una segunda etapa', 'posteriormente'],
    gate: ['solo cuando', 'sólo cuando', 'solo después de', 'solo tras', 'cuando', 'una vez que', 'en cuanto', 'no antes de', 'no antes del', 'hasta que'],
    go: ['se puede', 'ya se puede', 'podemos', 'puede ir', 'puede pasar', 'recomendación', 'recomendamos', 'recomendado', 'recomendada'],
    undo: ['volver a activar', 'volver a desactivar', 'reactivar', 'reanudar', 'restablecer', 'restaurar', 'desactivar de nuevo', 'activar de nuevo'],
    due: ['a más tardar', 'como muy tarde', 'antes del', 'antes de'],
    afterwards: ['luego', 'después', 'despues', 'de nuevo', 'otra vez', 'más tarde'],
    off: ['apaga*', 'quita*', 'desactiva*', 'retira*', 'elimina*', 'vuelve', 'volvemos', 'volver'],
    remove: ['elimina*', 'borra*', 'quita*', 'revoca*', 'retira*', 'dar de baja'],
    refused: [
      'dejará de funcionar',
      'dejará de responder',
      'dejará de aceptar',
      'dejó de funcionar',
      'dejó de responder',
      'fue apagad[oa]',
      'será apagad[oa]',
      'ha sido apagad[oa]',
      'fue desactivad[oa]',
      'será desactivad[oa]',
      'ha sido desactivad[oa]',
      'fue dad[oa] de baja',
      'será dad[oa] de baja',
      'ha sido dad[oa] de baja',
      'fue retirad[oa]',
      'será retirad[oa]',
      'ha sido retirad[oa]',
      'fin de vida',
      'ya no se acepta',
      'ya no responde',
      'ya no funciona',
      'ya no está disponible',
      'sigue fallando',
    ],
  },
  fr: {
    only: ['seulement', 'uniquement', 'juste'],
    test: ['pour les tests', 'pour tester', 'pour le test', 'pour la recette'],
    temporary: [
      'pour la journée',
      'temporairement',
      'temporaire',
      'provisoirement',
      'provisoire',
      "pour l'instant",
      'pour le moment',
      'en attendant',
      "pour aujourd'hui",
      'pour ce soir',
      "jusqu'à demain",
      // For the duration of an event: "le temps de la migration", "pendant la migration".
      'le temps de',
      // ... or until it happens: "le temps que leur bac à sable supporte TLS", "le temps qu'ils migrent".
      'le temps que',
      "le temps qu'",
      'le temps du',
      'le temps des',
      "le temps d'",
      'pendant la',
      'pendant le',
      'durant la',
      'durant le',
    ],
    // "à remettre après le 30/11" (to be put back), "à réactiver".
    back: [
      'revenir à',
      'on revient à',
      'retour à',
      'remettre à',
      'remettre … à',
      'ramener … à',
      'remettre la valeur',
      'annuler',
      'on remet',
      'rétablir',
      'à remettre',
      'réactiver',
      'rallumer',
    ],
    done: [
      'terminé',
      'terminée',
      'fini',
      'finie',
      'corrigé',
      'corrigée',
      'résolu',
      'résolue',
      'réglé',
      'clôturé',
      'clôturée',
      'clos',
      'migré',
      'migrée',
      "c'est fait",
    ],
    approved: ['approuvé', 'approuvée', 'validé', 'validée', 'feu vert', 'accord donné'],
    notPromote: ['pas en prod*', 'pas pour la prod*', 'ne pas promouvoir', 'ne pas passer en prod*', 'jamais en prod*', 'ne pas mettre en prod*'],
    everywhere: [
      'partout',
      'tous les environnements',
      'sur tous les environnements',
      'dans tous les environnements',
      'tous les envs',
      'sur tous les clusters',
      'dans tous les comptes',
      'sur tous les comptes',
      'dans toutes les régions',
      'dans tous les clusters',
    ],
    typo: ['faute de frappe', 'coquille', 'valeur erronée', 'mauvaise unité', 'zéro de trop', 'zéro en trop'],
    incident: ['incident', 'panne', 'urgence', 'hotfix'],
    until: ["jusqu'au", "jusqu'à", "jusqu'à la", 'au plus tard le'],
    spanBefore: ['pendant', 'pour', 'durant', 'pendant les prochaines', 'pendant les prochains'],
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    conditionBefore: ['quand', 'lorsque', 'dès que', 'une fois', 'après que', "jusqu'à ce que", 'si', 'doit', 'il faut'],
    negation: ['pas', 'non', 'jamais', 'plus', 'ne'],
    negationAfter: [],
    question: ["si c'est", 'si on', 'si le', 'si la', 'est-ce que', 'ou pas', 'ou non'],
    permanent: ['permanent', 'permanente', 'définitif', 'définitive', 'définitivement', 'pour de bon', 'pérenne'],
    keep: ['garder', 'on garde', 'on la garde', 'on le garde', 'on les garde', 'conserver', 'on conserve', 'on laisse', 'dans le repo', 'dans git', 'au repo'],
    stays: [
      'on garde',
      'garde',
      'reste',
      'restent',
      'conserve',
      'inchangé*',
      'tel quel',
      'telle quelle',
      'exprès',
      'volontairement',
      'intentionnel*',
      'délibérément',
      'à dessein',
      'ne pas aligner',
      'pas un oubli',
      "n'est pas un oubli",
      'exempté*',
      'ne change pas',
    ],
    mistake: ['par erreur', 'une erreur', 'était une erreur', 'était une bêtise', 'par mégarde', 'erroné', 'erronée'],
    first: ["d'abord", 'en premier', 'dans un premier temps', 'pour commencer'],
    then: ['puis', 'ensuite', 'après', 'avant de', 'plus tard', 'dans un second temps'],
    later: ['plus tard', 'dans un second temps', 'dans un deuxième temps', 'ultérieurement', 'par la suite'],
    gate: [
      'seulement quand',
      'seulement après',
      'uniquement quand',
      'uniquement après',
      'quand',
      'lorsque',
      'dès que',
      'une fois que',
      'pas avant',
      'pas avant le',
      'pas avant la',
      'jamais avant',
      'en attente de',
      'en attente du',
    ],
    go: [
      'on peut',
      'peut passer',
      'peut aller',
      'peut suivre',
      'peuvent suivre',
      'nous pouvons',
      'recommandation',
      'recommandé',
      'recommandée',
      'nous recommandons',
      'on recommande',
    ],
    undo: [
      'rétablir',
      'réactiver',
      'reprendre',
      'remettre',
      'à remettre',
      'rallumer',
      'restaurer',
      'désactiver à nouveau',
      'désactiver de nouveau',
      'réactiver à nouveau',
    ],
    due: ['au plus tard', 'au plus tard le', 'avant le', 'avant la'],
    afterwards: ['puis', 'ensuite', 'après', 'de nouveau', 'à nouveau', 'plus tard'],
    off: ['retir*', 'enlève*', 'enlever', 'coup*', 'désactiv*', 'supprim*', 'remet*', 'revien*', 'revenir'],
    remove: ['supprim*', 'retir*', 'révoqu*', 'enlev*', 'enlève*', 'revoquer'],
    refused: [
      'cessera de répondre',
      "n'exporte plus",
      'ne fonctionne plus',
      'inutilisable*',
      'cessera de fonctionner',
      'a été arrêté*',
      'sera arrêté*',
      'a été éteint*',
      'sera éteint*',
      'a été décommissionné*',
      'sera décommissionné*',
      'a été retiré*',
      'sera retiré*',
      'ne répond plus',
      'ne fonctionne plus',
      "n'est plus accepté",
      "n'est plus disponible",
      'fin de vie',
    ],
  },
  pt: {
    only: ['só', 'somente', 'apenas', 'exclusivamente'],
    // "pro"/"pra" are the spoken contractions of "para o"/"para a" that Brazilian commits write.
    test: ['para testes', 'para teste', 'para testar', 'para o teste', 'pro teste', 'pros testes', 'pra testar', 'pra teste', 'pra testes'],
    temporary: [
      'temporário',
      'temporária',
      'temporariamente',
      'provisório',
      'provisoriamente',
      'por enquanto',
      'por agora',
      'por ora',
      'só hoje',
      'por hoje',
      'até amanhã',
      'durante a',
      'durante o',
      'enquanto durar',
    ],
    back: [
      'voltar para',
      'voltamos para',
      'volta para',
      'voltar a',
      'voltamos a',
      // "a" before a noun contracts with its article: "volta ao normal", "voltar à config antiga".
      'voltar ao',
      'volta ao',
      'voltamos ao',
      'voltar à',
      'volta à',
      'voltamos à',
      'volta pro',
      'volta pra',
      'voltar pro',
      'voltar pra',
      // The object between the verb and where it goes: "voltar concurrency para 10".
      'voltar … para',
      'voltando … para',
      'voltamos … para',
      'reverter',
      'revertemos',
      'desfazer',
      'retornar para',
      'reativar',
      'religar',
    ],
    done: ['concluído', 'concluída', 'resolvido', 'resolvida', 'corrigido', 'corrigida', 'finalizado', 'terminado', 'fechado', 'migrado', 'feito ✅'],
    approved: ['aprovado', 'aprovada', 'autorizado', 'autorizada', 'sinal verde', 'validado', 'validada', 'homologado', 'ok para prod*'],
    notPromote: ['não promover', 'não subir para prod*', 'não para prod*', 'não levar para prod*', 'não vai para prod*'],
    everywhere: [
      'todos os ambientes',
      'em todos os ambientes',
      'em todas as contas',
      'em todos os clusters',
      'em todas as regiões',
      'para todos os ambientes',
      'em todo lugar',
      'em todos os lugares',
      'todos os envs',
      'em todos os clusters',
    ],
    typo: ['erro de digitação', 'erro de digitacao', 'valor errado', 'unidade errada', 'zero a mais'],
    incident: ['incidente', 'emergência', 'indisponibilidade', 'hotfix'],
    until: ['até', 'até o', 'até o dia', 'até dia', 'até ao'],
    spanBefore: ['por', 'durante', 'pelas próximas', 'pelos próximos'],
    months: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    conditionBefore: ['quando', 'assim que', 'depois que', 'até que', 'se', 'deve', 'precisa'],
    negation: ['não', 'nunca', 'nem', 'não é'],
    negationAfter: [],
    question: ['se é', 'se vai', 'se fica', 'se deve', 'se vamos', 'ou não'],
    permanent: ['permanente', 'permanentemente', 'definitivo', 'definitiva', 'de vez', 'para sempre'],
    keep: ['manter', 'mantemos', 'fica assim', 'deixamos', 'no repo', 'para o repo', 'pro repo', 'no git'],
    stays: [
      'fica como está',
      // Singular or plural, where several environments keep theirs ("test/acc ficam em 7"): the
      // plural's ending as a class, so the table's pattern gains no alternative (its ReDoS check).
      'fica[m]* com',
      'fica[m]* em',
      'continua[m]* com',
      'continua[m]* em',
      'permanece[m]*',
      'mantém',
      'sem alteração',
      'de propósito',
      'intencional*',
      'propositalmente',
      'não alinhar',
      'não é esquecimento',
      'isento',
      'isenta',
      'não muda',
      'não se altera',
    ],
    mistake: ['por engano', 'foi um erro', 'era um erro', 'foi um engano', 'sem querer', 'errad*'],
    first: ['primeiro', 'primeira', 'antes em', 'para começar'],
    then: ['depois', 'em seguida', 'então', 'antes de', 'mais tarde', 'só depois'],
    later: ['mais tarde', 'numa segunda fase', 'em uma segunda fase', 'numa segunda etapa', 'em uma segunda etapa', 'posteriormente'],
    gate: [
      'só quando',
      'só depois',
      'somente quando',
      'somente depois',
      'apenas quando',
      'quando',
      'assim que',
      'depois que',
      'não antes de',
      'não antes do',
      'não antes da',
    ],
    go: ['pode', 'podemos', 'pode ir', 'pode subir', 'recomendação', 'recomendamos', 'recomendado', 'liberado', 'liberada'],
    undo: ['reativar', 'religar', 'retomar', 'restaurar', 'restabelecer', 'ativar de novo', 'desativar de novo', 'voltar a ativar'],
    due: ['no máximo até', 'o mais tardar', 'antes de', 'antes do', 'antes da'],
    afterwards: ['depois', 'em seguida', 'de novo', 'novamente', 'mais tarde'],
    off: ['deslig*', 'remov*', 'tira*', 'desativ*', 'volta*', 'retira*'],
    remove: ['remov*', 'exclu*', 'apag*', 'revog*', 'retir*'],
    refused: ['deixará de funcionar', 'deixará de responder', 'foi desligad[oa]', 'será desligad[oa]', 'fim de vida', 'continua falh*', 'continua a falh*'],
  },
  it: {
    only: ['solo', 'soltanto', 'solamente', 'unicamente'],
    test: ['per i test', 'per test', 'per testare', 'per il test'],
    temporary: [
      'per la giornata',
      'temporaneamente',
      'temporaneo',
      'temporanea',
      'provvisoriamente',
      'provvisorio',
      'per ora',
      'per adesso',
      'per il momento',
      'solo oggi',
      'per oggi',
      'fino a domani',
      'per la durata',
      'durante la',
      'durante il',
    ],
    back: [
      'tornare a',
      'torniamo a',
      'torna a',
      'ripristinare',
      'ripristiniamo',
      'annullare',
      'rimettere a',
      'riportare a',
      'rimettere … a',
      'riportare … a',
      'riattivare',
      'da riattivare',
    ],
    done: [
      'fatto',
      'completato',
      'completata',
      'finito',
      'finita',
      'risolto',
      'risolta',
      'corretto',
      'sistemato',
      'chiuso',
      'chiusa',
      'migrato',
      'migrata',
      'terminato',
      'terminata',
    ],
    approved: ['approvato', 'approvata', 'autorizzato', 'via libera', 'validato', 'validata', 'collaudato', 'ok per la prod*', 'ok per prod*'],
    notPromote: ['non in prod*', 'non promuovere', 'non portare in prod*', 'non per la prod*', 'non per prod*'],
    everywhere: [
      'ovunque',
      'dappertutto',
      'tutti gli ambienti',
      'in tutti gli ambienti',
      'su tutti gli ambienti',
      'per tutti gli ambienti',
      'tutti gli env',
      'in tutti gli account',
      'su tutti gli account',
      'in tutti i cluster',
      'su tutti i cluster',
      'in tutte le regioni',
    ],
    typo: ['errore di battitura', 'refuso', 'valore errato', 'unità sbagliata', 'zero in più'],
    incident: ['incidente', 'disservizio', 'guasto', 'emergenza', 'hotfix'],
    until: ['fino al', 'fino alla', 'fino allo', "fino all'", 'fino a', 'entro il', 'entro la', 'entro'],
    spanBefore: ['per', 'durante', 'per le prossime', 'per i prossimi'],
    months: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    conditionBefore: ['quando', 'appena', 'dopo che', 'una volta', 'finché', 'se', 'deve', 'bisogna'],
    negation: ['non', 'mai', 'non più'],
    negationAfter: [],
    question: ['se è', 'se sia', 'se va', 'se resta', 'se tenere', 'o no'],
    permanent: ['permanente', 'permanentemente', 'definitivo', 'definitiva', 'definitivamente', 'per sempre'],
    keep: ['mantenere', 'manteniamo', 'teniamo', 'lasciamo', 'nel repo', 'in git', 'sul repo'],
    stays: [
      'resta',
      'restano',
      'rimane',
      'rimangono',
      'mantiene',
      'invariat*',
      "così com'è",
      'di proposito',
      'apposta',
      'intenzional*',
      'volutamente',
      'non allineare',
      'non è una svista',
      'esentat*',
      'esente',
      'non cambia',
    ],
    mistake: ['per errore', 'è stato un errore', 'era un errore', 'fu un errore', 'per sbaglio', 'sbagliat*'],
    first: ['prima', 'dapprima', 'per iniziare', 'inizialmente'],
    then: ['poi', 'dopo', 'successivamente', 'prima di', 'più avanti', 'in seguito'],
    later: ['più avanti', 'più tardi', 'in seguito', 'in un secondo momento', 'in una seconda fase', 'successivamente'],
    gate: [
      'solo quando',
      'solo dopo',
      'soltanto quando',
      'soltanto dopo',
      'quando',
      'appena',
      'una volta che',
      'dopo che',
      'non prima di',
      'non prima del',
      'non prima della',
    ],
    go: [
      'si può',
      'possiamo',
      'può andare',
      'può passare',
      'può seguire',
      'possono seguire',
      'raccomandazione',
      'raccomandiamo',
      'consigliamo',
      'consigliato',
      'consigliata',
    ],
    undo: ['riattivare', 'da riattivare', 'riprendere', 'ripristinare', 'riaccendere', 'disattivare di nuovo', 'riattivare di nuovo'],
    due: ['al più tardi', 'entro e non oltre', 'entro il', 'prima del', 'prima della'],
    afterwards: ['poi', 'dopo', 'di nuovo', 'in seguito', 'più avanti'],
    off: ['speg*', 'togli*', 'disattiv*', 'rimuov*', 'ripristin*', 'torn*'],
    remove: ['rimuov*', 'rimoss*', 'elimin*', 'cancell*', 'revoc*', 'togli*'],
    refused: ['smetterà di rispondere', 'smetterà di funzionare', 'dismess[oa]', 'fine vita', 'non più accettat[oa]', 'non più disponibile'],
  },
  nl: {
    only: ['alleen', 'enkel', 'uitsluitend'],
    test: ['voor testen', 'voor de test', 'om te testen', 'voor de loadtest', 'voor de tests'],
    // ("tijdelijke verhoging", "voorlopige fix": the adjective inflects.)
    temporary: ['tijdelijk', 'tijdelijke', 'voorlopig', 'voorlopige', 'voor nu', 'voorlopig even', 'tijdens de', 'zolang de'],
    back: ['terug naar', 'terugzetten', 'zetten we terug', 'terugdraaien', 'draaien we terug', 'weer terug', 'weer aanzetten', 'weer inschakelen'],
    done: ['klaar', 'gedaan', 'afgerond', 'opgelost', 'gefikst', 'gerepareerd', 'gesloten', 'afgesloten', 'gemigreerd'],
    approved: ['goedgekeurd', 'akkoord', 'groen licht'],
    notPromote: ['niet naar prod*', 'niet promoten', 'niet voor prod*', 'niet in prod*'],
    everywhere: [
      'overal',
      'alle omgevingen',
      'op alle omgevingen',
      'in alle omgevingen',
      'voor alle omgevingen',
      'in alle accounts',
      'op alle accounts',
      'in alle clusters',
      'op alle clusters',
      "in alle regio's",
    ],
    typo: ['tikfout', 'typfout', 'verkeerde waarde', 'nul te veel'],
    incident: ['incident', 'storing', 'uitval', 'noodgeval', 'hotfix'],
    until: ['tot', 'tot en met', 't/m', 'uiterlijk'],
    spanBefore: ['voor', 'gedurende', 'de komende'],
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    conditionBefore: ['als', 'zodra', 'wanneer', 'nadat', 'totdat', 'moet'],
    negation: ['niet', 'geen', 'nooit', 'niet meer'],
    negationAfter: [],
    question: ['of het', 'of we', 'of dit', 'of dat', 'of de', 'of er', 'wel of niet'],
    permanent: ['blijvend', 'permanent', 'definitief', 'voorgoed', 'structureel'],
    keep: ['behouden', 'houden we', 'laten we staan', 'laten we zo', 'blijft zo', 'in de repo', 'in git', 'naar de repo'],
    stays: [
      'blijft',
      'blijven',
      'houdt',
      'ongewijzigd',
      'zoals het is',
      'bewust',
      'expres',
      'met opzet',
      'niet gelijktrekken',
      'niet aanpassen',
      'geen vergissing',
      'uitgezonderd',
      'vrijgesteld',
      'verandert niet',
      'wijzigt niet',
    ],
    mistake: ['per ongeluk', 'per abuis', 'was een fout', 'was een vergissing', 'was fout', 'onterecht', 'foute configmap', 'verkeerde'],
    first: ['eerst', 'eerst op', 'als eerste', 'om te beginnen'],
    then: ['daarna', 'dan', 'vervolgens', 'later', 'voordat', 'pas daarna'],
    later: ['later', 'in een tweede stap', 'in een latere stap', 'in een tweede fase'],
    gate: [
      'pas als',
      'pas na',
      'pas wanneer',
      'pas zodra',
      'zodra',
      'wanneer',
      'nadat',
      'niet voor',
      'niet vóór',
      'niet eerder dan',
      'in afwachting van',
      'wachten op',
    ],
    go: ['mag', 'mogen', 'kan nu', 'kunnen nu', 'kan volgen', 'kunnen volgen', 'advies', 'aanbevolen', 'aanbeveling', 'vrijgegeven', 'groen licht'],
    undo: ['weer aanzetten', 'weer inschakelen', 'hervatten', 'weer uitzetten', 'weer activeren', 'herstellen', 'terugzetten', 'opnieuw inschakelen'],
    due: ['uiterlijk', 'uiterlijk op', 'niet later dan'],
    afterwards: ['daarna', 'dan', 'vervolgens', 'erna', 'nadien', 'weer', 'opnieuw'],
    off: ['uit', 'uitzetten', 'uitschakelen', 'weg', 'weghalen', 'verwijderen', 'terug', 'eraf'],
    remove: ['verwijder*', 'intrekken', 'ingetrokken', 'weghalen', 'opruimen', 'opgeruimd'],
    refused: [
      'stopt met',
      'uitgezet',
      'niet meer bereikbaar',
      'niet meer geaccepteerd',
      'niet meer beschikbaar',
      'niet meer bruikbaar',
      'onbruikbaar',
      'exporteert niet meer',
      'vallen stil',
      'valt stil',
    ],
  },
  // Swedish. "till" alone is "to" ("satte timeout till 300"), never an end: only "till och med",
  // "tills", "fram till" are.
  sv: {
    only: ['bara', 'endast', 'enbart', 'uteslutande', 'enkom'],
    test: ['för test', 'för testet', 'för tester', 'för testerna', 'för testning', 'för att testa', 'för lasttest*', 'för prestandatest*'],
    temporary: [
      'tillfälligt',
      'tillfällig',
      'temporärt',
      'temporär',
      'provisoriskt',
      'provisorisk',
      'tills vidare',
      'för tillfället',
      'för nu',
      'under tiden',
      'under migrering*',
      'så länge',
    ],
    back: [
      'återställ*',
      'tillbaka till',
      'går tillbaka',
      'återgå*',
      'rulla tillbaka',
      'rullar tillbaka',
      'sätt tillbaka',
      'sätter tillbaka',
      'slå på igen',
      'aktivera igen',
    ],
    done: [
      'klar',
      'klart',
      'färdig',
      'färdigt',
      'avklarad',
      'avklarat',
      'åtgärdad',
      'åtgärdat',
      'löst',
      'fixad',
      'fixat',
      'stängd',
      'stängt',
      'migrerad',
      'migrerat',
    ],
    approved: ['godkänd', 'godkänt', 'godkänts', 'grönt ljus', 'klartecken'],
    notPromote: ['inte till prod*', 'inte i prod*', 'inte för prod*', 'ska inte till prod*', 'inte promota', 'aldrig i prod*'],
    everywhere: ['överallt', 'alla miljöer', 'i alla miljöer', 'på alla miljöer', 'för alla miljöer', 'i alla kluster', 'i alla konton', 'i alla regioner'],
    typo: ['stavfel', 'skrivfel', 'felskrivning', 'fel värde', 'en nolla för mycket'],
    incident: ['incident', 'driftstörning', 'störning', 'avbrott', 'hotfix'],
    until: ['till och med', 't.o.m.', 'tills', 'fram till', 'senast'],
    spanBefore: ['i', 'under', 'för', 'de närmaste', 'under de närmaste'],
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    conditionBefore: ['när', 'så fort', 'så snart', 'när väl', 'efter att', 'tills', 'om', 'ifall', 'måste', 'ska'],
    negation: ['inte', 'ej', 'aldrig', 'icke', 'inte längre'],
    negationAfter: [],
    question: ['om det', 'om vi', 'huruvida', 'eller inte'],
    permanent: ['permanent', 'permanenta', 'för gott', 'bestående', 'varaktigt', 'definitivt'],
    keep: ['behålla', 'behåller', 'vi behåller', 'i repot', 'i git', 'till repot'],
    stays: [
      'ligger kvar',
      'står kvar',
      'förblir',
      'behåller',
      'oförändrad*',
      'som den är',
      'medvetet',
      'avsiktligt',
      'med flit',
      'med avsikt',
      'inte justera',
      'inget misstag',
      'inte ett misstag',
      'undantag*',
      'ändras inte',
      'ändras ej',
    ],
    mistake: ['av misstag', 'felaktigt', 'var ett misstag', 'var fel', 'råkade', 'oavsiktligt'],
    first: ['först', 'först i', 'till att börja med'],
    then: ['sedan', 'därefter', 'efter det', 'senare', 'innan', 'följer efter'],
    later: ['senare', 'i ett andra steg', 'i ett senare steg'],
    gate: ['först när', 'först efter', 'när', 'så fort', 'så snart', 'efter att', 'inte före', 'inte innan', 'tidigast'],
    go: ['får', 'kan nu', 'kan gå', 'kan följa efter', 'rekommendation', 'rekommenderas', 'rekommenderar', 'grönt ljus'],
    undo: ['slå på igen', 'aktivera igen', 'återuppta', 'återställ*', 'återaktivera', 'sätta på igen', 'stänga av igen', 'slå av igen'],
    due: ['senast', 'senast den', 'inte senare än'],
    afterwards: ['sedan', 'därefter', 'efteråt', 'igen', 'på nytt'],
    off: ['stäng* av', 'slå av', 'ta bort', 'tas bort', 'tillbaka', 'avaktiver*'],
    remove: ['ta bort', 'tas bort', 'tog bort', 'tagit bort', 'togs bort', 'radera*', 'återkalla*', 'dra tillbaka', 'dras tillbaka'],
    refused: ['slutar fungera', 'slutar svara', 'har stängts av', 'kommer att stängas av', 'fungerar inte längre', 'inte längre tillgänglig'],
  },
  // Romanian, with and without its diacritics (teams often type "pana", "dupa", "in toate mediile").
  ro: {
    only: ['doar', 'numai', 'exclusiv'],
    test: ['pentru test', 'pentru teste', 'pentru testare', 'pentru testul de încărcare', 'pentru qa'],
    temporary: ['temporar', 'temporară', 'provizoriu', 'provizorie', 'deocamdată', 'deocamdata', 'pentru moment', 'între timp', 'pe durata migrării'],
    back: ['înapoi la', 'inapoi la', 'revenim la', 'revenire la', 'revine la', 'restaurăm', 'restaurare', 'readucem la', 'facem rollback'],
    done: [
      'gata',
      'terminat',
      'terminată',
      'finalizat',
      'finalizată',
      'încheiat',
      'încheiată',
      'rezolvat',
      'rezolvată',
      'reparat',
      'reparată',
      'închis',
      'închisă',
      'migrat',
      'migrată',
    ],
    approved: ['aprobat', 'aprobată', 'aprobare dată', 'undă verde', 'avizat', 'avizată'],
    notPromote: ['nu în prod*', 'nu in prod*', 'nu pentru prod*', 'niciodată în prod*', 'nu se promovează', 'nu promovăm'],
    everywhere: [
      'peste tot',
      'pretutindeni',
      'toate mediile',
      'în toate mediile',
      'in toate mediile',
      'pe toate mediile',
      'pentru toate mediile',
      'în toate clusterele',
      'în toate conturile',
      'în toate regiunile',
    ],
    typo: ['greșeală de tastare', 'greșeală de scriere', 'greseala de tastare', 'valoare greșită', 'valoare gresita'],
    incident: ['incident', 'întrerupere', 'avarie', 'hotfix'],
    until: ['până la', 'până pe', 'până în', 'pana la', 'pana pe', 'pana in', 'până', 'pana', 'cel târziu'],
    spanBefore: ['pentru', 'timp de', 'următoarele', 'în următoarele'],
    months: ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'],
    conditionBefore: ['când', 'cand', 'după ce', 'dupa ce', 'imediat ce', 'de îndată ce', 'odată ce', 'dacă', 'daca', 'trebuie'],
    negation: ['nu', 'nici', 'niciodată', 'niciodata', 'nu mai'],
    negationAfter: [],
    question: ['dacă', 'daca', 'oare'],
    permanent: ['permanent', 'permanentă', 'definitiv', 'definitivă', 'pentru totdeauna'],
    keep: ['păstrăm', 'pastram', 'menținem', 'mentinem', 'în repo', 'în git'],
    stays: [
      'rămâne',
      'ramane',
      'rămân',
      'neschimbat',
      'neschimbată',
      'intenționat',
      'intentionat',
      'deliberat',
      'nu aliniem',
      'nu e o greșeală',
      'nu este o greșeală',
    ],
    mistake: ['din greșeală', 'din greseala', 'din eroare', 'a fost o greșeală', 'a fost o eroare'],
    first: ['întâi', 'mai întâi', 'mai intai', 'inițial', 'pentru început'],
    then: ['apoi', 'după aceea', 'dupa aceea', 'ulterior', 'mai târziu', 'urmează'],
    gate: ['abia când', 'abia după', 'doar după', 'numai după', 'nu înainte de', 'după ce', 'imediat ce', 'de îndată ce'],
    go: ['se poate', 'putem acum', 'recomandare', 'recomandăm', 'recomandat', 'undă verde'],
    undo: ['reactivăm', 'reactivare', 'reactivați', 'repornim', 'activăm din nou', 'pornim din nou', 'restabilim', 'restabilire'],
    due: ['cel târziu', 'cel mai târziu', 'nu mai târziu de'],
    afterwards: ['apoi', 'după aceea', 'ulterior', 'din nou'],
    off: ['dezactivăm', 'dezactivare', 'oprim', 'scoatem', 'înapoi'],
    refused: ['nu mai funcționează', 'nu mai răspunde', 'a fost oprit', 'va fi oprit', 'scos din uz'],
  },
  da: DANISH_NORWEGIAN,
  no: DANISH_NORWEGIAN,
  pl: {
    only: ['tylko', 'wyłącznie', 'jedynie'],
    test: ['do testów', 'na testy', 'dla testów', 'na potrzeby testów', 'do testowania'],
    temporary: ['tymczasowo', 'tymczasow*', 'na razie', 'chwilowo', 'przejściowo', 'na jakiś czas', 'na czas', 'w trakcie'],
    back: ['wracamy do', 'wrócimy do', 'wrócić do', 'powrót do', 'przywrócić', 'przywracamy', 'przywrócimy', 'cofnąć', 'cofamy', 'cofniemy'],
    done: ['zrobion*', 'gotow[eay]', 'naprawion*', 'zakończon*', 'załatwion*', 'zamknięt*', 'poprawion*', 'zmigrowan*', 'przeniesion*'],
    approved: ['zatwierdzone', 'zaakceptowane', 'zatwierdzon*', 'zgoda'],
    notPromote: ['nie na produkcj*', 'nie promować', 'nie wdrażać na prod*', 'nie na prod*'],
    everywhere: [
      'wszędzie',
      'wszystkie środowiska',
      'na wszystkich kontach',
      'we wszystkich kontach',
      'na wszystkich klastrach',
      'we wszystkich regionach',
      'na wszystkich środowiskach',
      'we wszystkich środowiskach',
      'dla wszystkich środowisk',
      'na wszystkich envach',
    ],
    typo: ['literówk*', 'błędna wartość', 'zła wartość', 'zero za dużo'],
    incident: ['incydent*', 'awari*', 'hotfix'],
    until: ['do', 'do dnia', 'najpóźniej do'],
    spanBefore: ['na', 'przez', 'na najbliższe', 'przez najbliższe'],
    months: ['stycz*', 'lut*', 'marz*', 'kwie*', 'maj*', 'czerw*', 'lip*', 'sierp*', 'wrze*', 'paździer*', 'listopad*', 'grud*'],
    conditionBefore: ['gdy', 'kiedy', 'jak', 'po', 'jeśli', 'dopóki', 'trzeba', 'musi'],
    negation: ['nie', 'nigdy', 'już nie'],
    negationAfter: [],
    question: ['czy'],
    permanent: ['na stałe', 'stały', 'stała', 'stałe', 'permanentn*', 'docelow*', 'na zawsze'],
    keep: ['zostawiamy', 'zostaje', 'zostawić', 'zachowujemy', 'utrzymujemy', 'do repo', 'w repo', 'wpisać do', 'dopisać do'],
    stays: [
      'zostaje',
      'zostają',
      'pozostaje',
      'pozostają',
      'bez zmian',
      'celowo',
      'świadomie',
      'specjalnie',
      'nie wyrównywać',
      'nie ujednolicać',
      'nie przeoczenie',
      'zwolnion[aeyo]* z',
      // "until further notice": a keep with no end
      'do odwołania',
      'nie zmienia się',
      'się nie zmienia',
    ],
    mistake: [
      'przez pomyłkę',
      'to był błąd',
      'był błąd',
      'było błędem',
      'był błędem',
      'pomyłk*',
      'omyłkowo',
      'błędnie',
      'przypadkiem',
      'przez przypadek',
      'zła configmapa',
      'zły klaster',
    ],
    first: ['najpierw', 'na początek', 'w pierwszej kolejności', 'najpierw na'],
    then: ['potem', 'następnie', 'później', 'dopiero potem', 'przed'],
    later: ['później', 'w drugim kroku', 'w drugim etapie', 'w późniejszym etapie'],
    gate: [
      'dopiero jak',
      'dopiero gdy',
      'dopiero kiedy',
      'dopiero po',
      'dopiero wtedy',
      'jak tylko',
      'gdy',
      'kiedy',
      'po tym jak',
      'nie przed',
      'nie wcześniej niż',
      // a wait for a decision: "wstrzymana do decyzji zespołu", "czekamy na decyzję CAB"
      'do decyzji',
      'czekamy na',
      'czeka na',
      'czekają na',
      'w oczekiwaniu na',
    ],
    go: ['można', 'możemy', 'może iść', 'może wejść', 'rekomendacja', 'rekomendujemy', 'zalecenie', 'zalecamy', 'zalecane'],
    undo: ['włączyć ponownie', 'ponownie włączyć', 'wznowić', 'włączyć z powrotem', 'wyłączyć ponownie', 'ponownie wyłączyć', 'przywrócić', 'przywróćcie'],
    due: ['najpóźniej', 'najpóźniej do', 'przed'],
    afterwards: ['potem', 'następnie', 'później', 'znowu', 'ponownie', 'z powrotem'],
    off: ['wyłącz*', 'usu*', 'cofn*', 'cofamy', 'wracamy', 'wrócimy'],
    remove: ['usun*', 'odebra*', 'wycofa*', 'skasowa*'],
    refused: ['wyłączon*', 'nie jest już dostępn*', 'nie będzie dostępn*', 'nie jest już akceptowan*', 'nie będzie akceptowan*'],
  },
  // Czech, with and without its diacritics (teams type "docasne", "vratit", "uzavreno" as often as not).
  // Not "uzavření", "vydání": the nouns name the event waited for ("do uzavření PERF-88", "po vydání 3.4"),
  // never report it; the participles do ("uzavřeno", "vydáno").
  cs: {
    only: ['jen', 'jenom', 'pouze', 'výhradně', 'vyhradne'],
    test: ['pro test', 'pro testy', 'pro testování', 'pro testovani', 'kvůli testům', 'kvuli testum', 'pro zátěžový test', 'pro zatezovy test', 'pro qa'],
    temporary: ['dočasn*', 'docasn*', 'prozatím', 'prozatim', 'provizorně', 'provizorne', 'přechodně', 'prechodne', 'po dobu'],
    back: [
      'vrátit',
      'vratit',
      'vrátí',
      'vrati',
      'vrátíme',
      'vratime',
      'vrátit zpět',
      'vratit zpet',
      'zpět na',
      'zpet na',
      'návrat na',
      'navrat na',
      'vrátit na',
      'vratit na',
    ],
    done: [
      'hotovo',
      'dokončeno',
      'dokonceno',
      'dokončena',
      'dokoncena',
      'dokončen',
      'dokončeny',
      'uzavřeno',
      'uzavreno',
      'uzavřen',
      'uzavřena',
      'uzavren',
      'uzavrena',
      'zavřeno',
      'zavreno',
      'vyřešeno',
      'vyreseno',
      'vyřešen',
      'opraveno',
      'opraven',
      'zmigrováno',
      'zmigrovano',
      'přesunuto',
      'presunuto',
    ],
    approved: ['schváleno', 'schvaleno', 'schválen', 'schválena', 'odsouhlaseno'],
    notPromote: ['ne do prod*', 'ne na prod*', 'ne pro prod*', 'nenasazovat do prod*', 'nepovyšovat'],
    everywhere: [
      'všude',
      'vsude',
      'všechna prostředí',
      'vsechna prostredi',
      've všech prostředích',
      've vsech prostredich',
      'pro všechna prostředí',
      'na všech prostředích',
      've všech clusterech',
    ],
    typo: ['překlep', 'preklep', 'chybná hodnota', 'chybna hodnota', 'špatná hodnota', 'spatna hodnota'],
    incident: ['incident', 'výpadek', 'vypadek', 'porucha', 'hotfix'],
    until: ['do', 'až do', 'az do', 'nejpozději do', 'nejpozdeji do'],
    spanBefore: ['na', 'po dobu', 'na příští', 'na dalších'],
    // (Genitive as dates write them: "do 9. června"; June and July apart.)
    months: ['led*', 'únor*', 'břez*', 'dub*', 'květ*', 'června', 'července', 'srp*', 'září', 'říj*', 'listopad*', 'prosin*'],
    conditionBefore: ['když', 'kdyz', 'až', 'jakmile', 'pokud', 'jestliže', 'jestlize', 'po', 'musí', 'musi'],
    negation: ['ne', 'nikdy', 'není', 'neni', 'už ne'],
    negationAfter: [],
    question: ['zda', 'zdali', 'jestli', 'nebo ne'],
    permanent: ['trvale', 'trvalé', 'natrvalo', 'napořád', 'naporad', 'definitivně', 'definitivne'],
    keep: ['ponecháme', 'ponechame', 'necháme', 'nechame', 'zachováme', 'zachovame', 'do repa', 'do gitu'],
    stays: [
      'zůstává',
      'zustava',
      'zůstane',
      'zustane',
      'beze změny',
      'beze zmeny',
      'záměrně',
      'zamerne',
      'úmyslně',
      'umyslne',
      'nesjednocovat',
      'není opomenutí',
      'vyjmut*',
      // "until further notice": a keep with no end
      'do odvolání',
    ],
    mistake: ['omylem', 'nedopatřením', 'nedopatrenim', 'byla chyba', 'byla to chyba', 'chybně', 'chybne', 'špatný cluster', 'špatný namespace'],
    first: ['nejdřív', 'nejdriv', 'nejdříve', 'nejprve', 'napřed'],
    then: ['pak', 'potom', 'poté', 'pote', 'následně', 'nasledne', 'později', 'pozdeji'],
    later: ['později', 'pozdeji', 'v druhém kroku', 'v dalším kroku'],
    gate: ['až když', 'az kdyz', 'až po', 'az po', 'teprve po', 'teprve až', 'jakmile', 'ne dříve než', 'ne před'],
    go: ['lze', 'můžeme', 'muzeme', 'může jít', 'doporučení', 'doporučujeme', 'doporucujeme'],
    undo: ['znovu zapnout', 'znovu povolit', 'znovu vypnout', 'vrátit zpět', 'obnovit'],
    due: ['nejpozději', 'nejpozdeji', 'nejpozději do'],
    afterwards: ['pak', 'potom', 'poté', 'následně', 'znovu', 'zase'],
    off: ['vypnout', 'vypneme', 'odstranit', 'odstraníme', 'odebrat', 'vrátit', 'vrátíme'],
    remove: ['odstranit', 'odstraníme', 'smazat', 'smažeme', 'odebrat', 'odebereme', 'zrušit', 'zrušíme'],
    refused: ['vypnuto', 'mimo provoz', 'už nefunguje', 'uz nefunguje', 'již není dostupn*', 'nebude dostupn*', 'zamítnuto'],
  },
  ru: {
    only: ['только', 'лишь', 'исключительно'],
    test: ['для тестов', 'для тестирования', 'для нагрузочн*', 'для теста', 'под тест*'],
    temporary: ['временно', 'временн*', 'пока что', 'на время', 'на период'],
    back: ['вернуть', 'вернём', 'вернем', 'вернуть обратно', 'откатить', 'откатим', 'откатываем', 'возвращаем', 'обратно на', 'вернуть на'],
    done: ['готово', 'сделано', 'исправлено', 'починено', 'закрыто', 'завершено', 'выполнено', 'мигрировали', 'переехали', 'пофикшено'],
    approved: ['одобрено', 'согласовано', 'утверждено', 'апрувнуто', 'апрув'],
    notPromote: ['не в прод*', 'не выкатывать в прод*', 'не для прод*', 'не на прод*', 'не переносить в прод*'],
    everywhere: [
      'везде',
      'во всех окружениях',
      'на всех окружениях',
      'на всех средах',
      'во всех средах',
      'на всех стендах',
      'все окружения',
      'все среды',
      'во всех аккаунтах',
      'на всех аккаунтах',
      'во всех кластерах',
      'на всех кластерах',
      'во всех регионах',
    ],
    typo: ['опечатк*', 'неверное значение', 'лишний ноль'],
    incident: ['инцидент*', 'авари*', 'сбой', 'хотфикс'],
    until: ['до'],
    spanBefore: ['на', 'в течение', 'на ближайшие'],
    months: ['январ*', 'феврал*', 'март*', 'апрел*', 'ма[яй]', 'июн*', 'июл*', 'август*', 'сентябр*', 'октябр*', 'ноябр*', 'декабр*'],
    conditionBefore: ['когда', 'как только', 'после того', 'после', 'если', 'нужно', 'надо'],
    negation: ['не', 'ни', 'нет', 'уже не'],
    negationAfter: [],
    question: ['ли', 'или нет'],
    permanent: ['постоянно', 'навсегда', 'насовсем', 'постоянн*', 'на постоянку'],
    keep: ['оставляем', 'оставить', 'оставим', 'сохраняем', 'в репо', 'в гит', 'закоммитить', 'зафиксировать в'],
    stays: ['остаётся', 'остается', 'остаются', 'без изменений', 'намеренно', 'специально', 'осознанно', 'не выравнивать', 'не синхронизировать', 'не забыли'],
    mistake: ['по ошибке', 'было ошибкой', 'была ошибка', 'это ошибка', 'был ошибкой', 'ошибочно', 'случайно', 'не тот', 'не ту', 'не в тот'],
    first: ['сначала', 'вначале', 'для начала', 'сперва'],
    then: ['потом', 'затем', 'после этого', 'позже', 'перед', 'а потом'],
    gate: ['только после', 'только когда', 'лишь после', 'после того как', 'после', 'когда', 'как только', 'не раньше', 'не ранее'],
    go: ['можно', 'можем', 'рекомендуем', 'рекомендация', 'рекомендуется'],
    undo: ['снова включить', 'включить обратно', 'снова выключить', 'вернуть обратно', 'восстановить'],
    due: ['не позднее', 'не позже'],
    afterwards: ['потом', 'затем', 'после этого', 'снова', 'опять', 'позже'],
    off: ['выключ*', 'отключ*', 'убер*', 'убира*', 'удал*', 'верн*', 'откат*'],
    remove: ['удал*', 'отозв*', 'убра*', 'снести', 'снят*'],
    refused: [
      'отключ[её]н*',
      'выключен*',
      'больше не доступ*',
      'больше не работает',
      'больше не принима*',
      'выведен* из эксплуатации',
      'всё ещё пада*',
      'все еще пада*',
    ],
  },
  // Greek: a script of its own, read like Russian (never a candidate for a Latin text). Its verbs of
  // taking away are listed in the forms that plan or order ("διαγραφή" as an action item, "να
  // διαγραφεί", "διαγράψτε"), never the past ("διαγράφηκε" reports it done); accents are often left
  // off in chat and commits, so the common words come both ways.
  el: {
    only: ['μόνο', 'αποκλειστικά', 'μονο'],
    test: ['για δοκιμή', 'για δοκιμές', 'για τεστ', 'για το τεστ', 'για έλεγχο φορτίου', 'για δοκιμ*', 'για τα τεστ'],
    temporary: ['προσωριν*', 'προσωρινα', 'προς το παρόν', 'για τώρα', 'κατά τη διάρκεια', 'προς το παρον', 'για την ώρα', 'μέχρι νεωτέρας'],
    back: ['επαναφορά', 'επαναφέρουμε', 'επιστρέφει', 'επιστροφή στ*', 'πίσω στ*', 'επιστρέφουμε', 'επιστρεφουμε', 'γυρνάμε πίσω'],
    done: [
      'ολοκληρώθηκε',
      'ολοκληρωθηκε',
      'έγινε',
      'τελείωσε',
      'διορθώθηκε',
      'έκλεισε',
      'κλείστηκε',
      'μεταφέρθηκε',
      'ολοκληρώθηκαν',
      'ολοκληρωμέν*',
      'επιλύθηκε',
      'κλειστό',
      'έγινε μετάβαση',
    ],
    approved: ['εγκρίθηκε', 'εγκριθηκε', 'εγκρίνεται', 'εγκρινεται', 'εγκεκριμένο', 'εγκεκριμένη', 'δόθηκε έγκριση', 'πράσινο φως'],
    notPromote: ['όχι στην παραγωγή', 'να μην πάει στην παραγωγή', 'όχι για την παραγωγή', 'όχι για παραγωγή'],
    everywhere: ['παντού', 'σε όλα τα περιβάλλοντα', 'σε όλα τα clusters', 'όλα τα περιβάλλοντα'],
    typo: ['τυπογραφικό λάθος', 'ορθογραφικό λάθος', 'λάθος τιμή'],
    incident: ['περιστατικό', 'βλάβη', 'διακοπή λειτουργίας', 'hotfix'],
    until: ['έως', 'εως', 'μέχρι', 'μεχρι', 'μέχρι τις', 'μέχρι την', 'έως τις', 'έως την', 'ως τις', 'ως την', 'ως το'],
    spanBefore: ['για'],
    // One per month, in order (a month's number is its place here): the stems take the accent or leave it off.
    months: [
      'ιανου[άα]ρ*',
      'φεβρου[άα]ρ*',
      'μ[άα]ρτ*',
      'απρ[ίι]λ*',
      'μ[άα][ιΐϊ]*',
      'ιο[ύυ]ν*',
      'ιο[ύυ]λ*',
      '[αά][ύυ]γο[ύυ]στ*',
      'σεπτ[έε]μβρ*',
      'οκτ[ώω]βρ*',
      'νο[έε]μβρ*',
      'δεκ[έε]μβρ*',
    ],
    conditionBefore: ['όταν', 'αν', 'εάν', 'μόλις', 'αφού'],
    negation: ['δεν', 'μην', 'μη', 'όχι', 'ούτε', 'ποτέ'],
    negationAfter: [],
    question: ['μήπως', 'ή όχι', 'άραγε', 'αν χρειάζεται', 'εάν'],
    permanent: ['μόνιμ*', 'οριστικ*'],
    keep: ['το κρατάμε', 'κρατάμε', 'να μείνει', 'στο repo', 'στο git', 'διατηρούμε'],
    stays: ['μένει', 'παραμένει', 'σκόπιμα', 'εσκεμμένα', 'συνειδητά', 'όπως είναι', 'χωρίς αλλαγή', 'αμετάβλητ*', 'δεν είναι παράλειψη'],
    mistake: ['κατά λάθος', 'κατα λαθος', 'από λάθος', 'ήταν λάθος', 'λάθος περιβάλλον', 'λάθος cluster'],
    first: ['πρώτα', 'αρχικά'],
    then: ['μετά', 'έπειτα', 'στη συνέχεια', 'αργότερα'],
    gate: ['μόνο μετά', 'μόνο όταν', 'όχι πριν', 'μόλις'],
    go: ['μπορεί', 'μπορούμε', 'προτείνεται', 'σύσταση', 'μπορεί να πάει', 'προτείνουμε', 'πράσινο φως'],
    undo: ['επανενεργοποίηση', 'ενεργοποιήστε ξανά', 'επαναφέρετε', 'επανενεργοποι*', 'ενεργοποιούμε ξανά', 'επαναφέρουμε'],
    due: ['το αργότερα', 'το αργοτερο', 'το αργότερο'],
    afterwards: ['μετά', 'έπειτα', 'ξανά', 'πάλι'],
    off: ['απενεργοποίηση', 'απενεργοποιήστε', 'διαγραφή', 'αφαίρεση', 'απενεργοποιούμε', 'αφαιρούμε', 'κλείνουμε'],
    remove: [
      'διαγραφή',
      'διαγραφη',
      'διαγράψτε',
      'διαγράψουμε',
      'να διαγραφεί',
      'θα διαγραφεί',
      'πρέπει να σβηστεί',
      'αφαίρεση',
      'αφαιρέστε',
      'να αφαιρεθεί',
      'θα αφαιρεθεί',
      'ανάκληση',
      'ανακαλέστε',
      'να ανακληθεί',
      'κατάργηση',
    ],
    refused: ['απενεργοποιήθηκε', 'δεν λειτουργεί πια', 'δεν είναι διαθέσιμο', 'αποσύρθηκε', 'δεν απαντά', 'καταργήθηκε'],
  },
  // Ukrainian writes letters Russian does not (і, ї, є, ґ) and its own words for the same intents.
  uk: {
    only: ['тільки', 'лише', 'виключно'],
    test: ['для тестів', 'для тестування', 'для навантажувальн*', 'для тесту', 'під тест*'],
    temporary: ['тимчасово', 'тимчасов*', 'поки що', 'на час', 'на період'],
    back: ['повернути', 'повернемо', 'повертаємо', 'повернути назад', 'відкотити', 'відкотимо', 'відкочуємо', 'назад на', 'повернути на'],
    done: ['готово', 'зроблено', 'виправлено', 'полагоджено', 'закрито', 'завершено', 'виконано', 'мігрували', 'переїхали'],
    approved: ['схвалено', 'погоджено', 'затверджено', 'апрувнуто'],
    notPromote: ['не в прод*', 'не викочувати в прод*', 'не для прод*', 'не на прод*', 'не переносити в прод*'],
    everywhere: [
      'всюди',
      'скрізь',
      'в усіх середовищах',
      'у всіх середовищах',
      'на всіх середовищах',
      'на всіх стендах',
      'всі середовища',
      'усі середовища',
      'в усіх кластерах',
      'на всіх кластерах',
      'в усіх регіонах',
    ],
    typo: ['опечатк*', 'друкарська помилка', 'хибне значення', 'зайвий нуль'],
    incident: ['інцидент*', 'аварі*', 'збій', 'хотфікс'],
    until: ['до'],
    spanBefore: ['на', 'протягом', 'на найближчі'],
    // (The month's stem and the letter its two forms share: "травня" and "травень", never "трава".)
    months: [
      'січ[ен]*',
      'лют[ио]*',
      'берез[ен]*',
      'квіт[ен]*',
      'трав[ен]*',
      'черв[ен]*',
      'лип[ен]*',
      'серп[ен]*',
      'верес[ен]*',
      'жовт[ен]*',
      'листопад*',
      'груд[ен]*',
    ],
    conditionBefore: ['коли', 'як тільки', 'щойно', 'після того', 'після', 'якщо', 'потрібно', 'треба'],
    negation: ['не', 'ні', 'немає', 'вже не'],
    negationAfter: [],
    question: ['чи', 'чи ні'],
    permanent: ['постійно', 'назавжди', 'постійн*', 'остаточно'],
    keep: [
      'залишаємо',
      'залишити',
      'залишимо',
      'лишаємо',
      'лишити',
      'зберігаємо',
      'в репо',
      'у репо',
      'в репозиторі*',
      'у репозиторі*',
      'в гіт',
      'у гіт',
      'закомітити',
      'зафіксувати в',
    ],
    stays: [
      'залишається',
      'залишаються',
      'лишається',
      'лишаються',
      'без змін',
      'навмисно',
      'спеціально',
      'свідомо',
      'не вирівнювати',
      'не синхронізувати',
      'не забули',
    ],
    mistake: ['помилково', 'через помилку', 'було помилкою', 'була помилка', 'це помилка', 'випадково', 'не той', 'не ту', 'не в той'],
    first: ['спочатку', 'спершу', 'для початку'],
    then: ['потім', 'далі', 'після цього', 'пізніше', 'а потім'],
    gate: ['тільки після', 'лише після', 'тільки коли', 'після того як', 'після', 'коли', 'як тільки', 'не раніше'],
    go: ['можна', 'можемо', 'рекомендуємо', 'рекомендація', 'рекомендовано'],
    undo: ['знову увімкнути', 'увімкнути назад', 'знову вимкнути', 'повернути назад', 'відновити'],
    due: ['не пізніше'],
    afterwards: ['потім', 'далі', 'після цього', 'знову', 'пізніше'],
    off: ['вимкн*', 'відключ*', 'прибер*', 'прибра*', 'видал*', 'поверн*', 'відкот*'],
    remove: ['видал*', 'відклика*', 'прибра*', 'знести', 'зняти'],
    // (Few and whole: every language's refusals run as one pattern over every sentence read.)
    refused: ['більше не працює', 'вимкнено'],
  },
  tr: {
    only: ['sadece', 'yalnızca', 'yalnız'],
    test: ['test için', 'testler için', 'yük testi için', 'test amaçlı', 'deneme için'],
    temporary: ['geçici', 'geçici olarak', 'şimdilik', 'bir süreliğine', 'geçici süre'],
    back: ['geri al*', 'geri dön*', 'eski haline', 'eski değer*', 'geri çek*'],
    done: ['tamamlandı', 'bitti', 'düzeltildi', 'çözüldü', 'kapatıldı', 'yapıldı', 'taşındı', 'tamam ✅'],
    approved: ['onaylandı', 'onay verildi', 'onaylı', 'onay alındı'],
    notPromote: ["prod'a alma", "prod'a çıkma", 'canlıya alma', 'canlıya çıkma', "production'a alma"],
    everywhere: [
      'her yerde',
      'tüm ortamlar',
      'tüm ortamlarda',
      'bütün ortamlarda',
      'tüm ortamlara',
      'tüm hesaplarda',
      'bütün hesaplarda',
      'tüm kümelerde',
      'tüm clusterlarda',
      'tüm bölgelerde',
    ],
    typo: ['yazım hatası', 'yazim hatasi', 'yanlış değer', 'fazladan sıfır'],
    incident: ['kesinti', 'arıza', 'acil düzeltme', 'hotfix'],
    until: [],
    untilAfter: ["'e kadar", "'a kadar", "'ye kadar", "'ya kadar", 'e kadar', 'a kadar', 'tarihine kadar', 'kadar'],
    spanBefore: [],
    months: ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
    conditionBefore: ['eğer'],
    conditionAfter: ['ince', 'ınca', 'unca', 'ünce', 'dikten sonra', 'dıktan sonra', 'sonra', 'olursa'],
    negation: [],
    negationAfter: ['değil', 'değildir'],
    question: [' mi', ' mı', ' mu', ' mü', 'olup olmadığı', 'ya da değil'],
    permanent: ['kalıcı', 'kalıcı olarak', 'sürekli', 'temelli'],
    keep: ['kalsın', 'kalacak', 'bırakıyoruz', 'koruyoruz', "repo'ya", 'repoya', "git'e"],
    stays: [
      'kalıyor',
      'kalacak',
      'kalsın',
      'aynen',
      'olduğu gibi',
      'değişmeden',
      'bilerek',
      'kasıtlı',
      'bilinçli',
      'eşitlemeyin',
      'eşitlenmeyecek',
      'unutulmadı',
      'değişmiyor',
      'değişmez',
      'değişmeyecek',
    ],
    mistake: ['yanlışlıkla', 'bir hataydı', 'hataydı', 'bir hata idi', 'hatayla', 'hata ile', 'yanlış configmap', 'yanlış küme'],
    first: ['önce', 'ilk olarak', 'ilk önce', 'öncelikle'],
    then: ['sonra', 'ardından', 'daha sonra', 'sonrasında', 'öncesinde'],
    gate: ['sonra', 'ardından', 'dikten sonra', 'olunca', 'olduğunda', 'bittikten sonra', 'den önce değil'],
    go: ['alınabilir', 'açılabilir', 'geçilebilir', 'önerimiz', 'öneri', 'önerilir'],
    undo: ['tekrar aç', 'yeniden aç', 'tekrar etkinleştir', 'yeniden etkinleştir', 'geri yükle', 'eski haline getir'],
    due: ['en geç', 'en geç olarak'],
    afterwards: ['sonra', 'ardından', 'daha sonra', 'tekrar', 'yeniden'],
    off: ['kapat*', 'kaldır*', 'geri al*', 'devre dışı*'],
    remove: [
      'geri alınacak',
      'geri alınmalı',
      'geri alınsın',
      'geri alın',
      'geri al',
      'geri alacağız',
      'kaldırılacak',
      'kaldırılmalı',
      'kaldırılsın',
      'kaldırın',
      'kaldır',
      'kaldıracağız',
      'silinecek',
      'silinmeli',
      'silinsin',
      'silin',
      'sil',
      'sileceğiz',
      'iptal edilecek',
      'iptal edilmeli',
      'iptal edin',
      'iptal et',
    ],
    refused: ['kapatıldı', 'artık çalışmıyor', 'artık kabul edilmiyor', 'hizmet dışı', 'hâlâ başarısız', 'hala başarısız'],
  },
  // Hungarian puts "until" after the date as a suffix ("2027-05-31-ig", "05.31-ig") and its verbs of
  // taking away in the infinitive with "kell" ("törölni kell", "vissza kell vonni"): only forms that
  // plan or order, never a denial ("nem kell törölni" is negated by "nem").
  hu: {
    only: ['csak', 'kizárólag', 'csupán'],
    test: ['teszteléshez', 'teszthez', 'a teszt idejére', 'terheléses teszthez', 'teszt céljából', 'tesztelés céljából'],
    // "a gyakorlat idejére" (for the drill's time), "a migráció idejéig", "két hét erejéig" (for two weeks).
    temporary: ['ideiglenes*', 'átmeneti*', 'egyelőre', 'egy időre', 'addig, amíg', 'idejére', 'idejéig', 'erejéig', 'amíg tart'],
    back: ['visszaáll*', 'visszatérünk', 'visszaírjuk', 'vissza az eredeti*'],
    done: ['kész', 'befejezve', 'befejeződött', 'lezárva', 'lezárult', 'megoldva', 'javítva', 'elkészült', 'teljesítve', 'migrálva'],
    approved: ['jóváhagyva', 'jóváhagyta', 'jóváhagyott', 'engedélyezve', 'elfogadva'],
    notPromote: ['ne kerüljön élesbe', 'nem élesbe', 'élesbe nem', 'ne menjen élesbe'],
    everywhere: ['mindenhol', 'minden környezetben', 'összes környezetben', 'minden környezetre', 'minden klaszterben'],
    typo: ['elírás', 'gépelési hiba', 'hibás érték'],
    incident: ['incidens', 'üzemzavar', 'leállás', 'hotfix'],
    until: [],
    untilAfter: ['-ig'],
    spanBefore: [],
    months: ['január', 'február', 'március', 'április', 'május', 'június', 'július', 'augusztus', 'szeptember', 'október', 'november', 'december'],
    conditionBefore: ['ha', 'amint', 'amikor', 'miután'],
    conditionAfter: ['után', 'követően'],
    negation: ['nem', 'ne', 'soha', 'sem'],
    negationAfter: ['nem kell', 'nem szabad', 'tilos'],
    question: ['vajon', 'kell-e', 'vagy sem'],
    permanent: ['végleges*', 'tartósan', 'állandó*'],
    keep: ['megtartjuk', 'megtartani', 'maradjon így', 'repóba', 'gitbe'],
    stays: ['marad', 'maradjon', 'változatlan', 'szándékosan', 'tudatosan', 'nem feledékenység'],
    mistake: ['tévedésből', 'véletlenül', 'hiba volt', 'tévedés volt', 'rossz környezet*'],
    first: ['először', 'elsőként', 'előbb'],
    then: ['aztán', 'majd', 'utána', 'ezt követően', 'később'],
    gate: ['csak ha', 'csak miután', 'csak amikor', 'amint', 'miután'],
    go: ['mehet', 'javasolt', 'ajánlott', 'javaslat'],
    undo: ['visszakapcsol*', 'újra bekapcsol*', 'újraengedélyez*', 'visszaállít*'],
    due: ['legkésőbb'],
    afterwards: ['aztán', 'utána', 'majd', 'újra', 'ismét'],
    off: ['kikapcsol*', 'leállít*', 'eltávolít*', 'töröl*', 'vissza'],
    remove: [
      'töröl*',
      'törlend*',
      'eltávolít*',
      'visszavon*',
      'vissza kell vonni',
      'vissza kell venni',
      'megvon*',
      'meg kell vonni',
      'el kell venni',
      'el kell távolítani',
    ],
    refused: ['leállítva', 'megszűnt', 'már nem működik', 'nem elérhető', 'még mindig hibás', 'kivezetve'],
  },
  // Finnish writes its "until" after the date ("31.3. asti", "maaliskuun loppuun saakka") and bends every
  // word: stems end in `*`.
  fi: {
    only: ['vain', 'ainoastaan', 'pelkästään'],
    test: ['testiä varten', 'testausta varten', 'testejä varten', 'testaamista varten', 'kuormitustesti*', 'testataan', 'testaamme'],
    temporary: ['väliaikai*', 'tilapäi*', 'toistaiseksi', 'hetkellisesti', 'vähäksi aikaa', 'päivän ajaksi', 'viikon ajaksi', 'kokeen ajaksi'],
    back: ['palautetaan', 'palautamme', 'palautus', 'palautetaan takaisin', 'palataan', 'palaamme', 'takaisin arvoon'],
    done: ['valmis', 'valmiina', 'tehty', 'korjattu', 'ratkaistu', 'suljettu', 'päättynyt', 'päättyi', 'valmistui', 'migroitu', 'siirretty'],
    approved: ['hyväksytty', 'hyväksyi', 'hyväksytään', 'vihreää valoa'],
    notPromote: ['ei tuotantoon', 'ei tuotannolle', 'ei saa viedä tuotantoon', 'ei viedä tuotantoon'],
    everywhere: ['kaikkialla', 'kaikissa ympäristöissä', 'joka ympäristössä', 'kaikille ympäristöille'],
    typo: ['kirjoitusvirhe', 'lyöntivirhe', 'väärä arvo'],
    incident: ['häiriö*', 'katko*', 'poikkeama*', 'hotfix'],
    until: [],
    untilAfter: ['asti', 'saakka', 'mennessä'],
    spanBefore: [],
    months: [
      'tammikuu*',
      'helmikuu*',
      'maaliskuu*',
      'huhtikuu*',
      'toukokuu*',
      'kesäkuu*',
      'heinäkuu*',
      'elokuu*',
      'syyskuu*',
      'lokakuu*',
      'marraskuu*',
      'joulukuu*',
    ],
    conditionBefore: ['kun', 'kunhan', 'jos', 'heti kun', 'sitten kun', 'kunnes'],
    negation: ['ei', 'eikä', 'älä', 'ei ole'],
    negationAfter: [],
    question: ['onko', 'pitääkö', 'tarvitseeko', 'vai ei'],
    permanent: ['pysyvä*', 'lopullinen', 'lopullisesti'],
    keep: ['pidetään', 'säilytetään', 'jätetään näin', 'repoon', 'gitiin'],
    stays: ['pysyy', 'ennallaan', 'tarkoituksella', 'tietoisesti', 'ei unohdus', 'vapautettu', 'poikkeuksena', 'ei muutu'],
    mistake: ['vahingossa', 'virheellisesti', 'oli virhe', 'väärään ympäristöön'],
    first: ['ensin', 'ensiksi', 'aluksi'],
    then: ['sitten', 'sen jälkeen', 'myöhemmin', 'jälkeenpäin'],
    gate: ['vasta kun', 'vasta sen jälkeen', 'ei ennen'],
    go: ['saa viedä', 'voi viedä', 'suositus', 'suosittelemme', 'vihreää valoa'],
    undo: ['otetaan uudelleen käyttöön', 'kytketään uudelleen päälle', 'kytketään takaisin päälle'],
    due: ['viimeistään'],
    afterwards: ['sitten', 'sen jälkeen', 'taas', 'uudelleen'],
    off: ['pois päältä', 'poistetaan', 'kytketään pois'],
    remove: ['poista', 'poistetaan', 'poistettava', 'poistaa', 'poistamme', 'poistakaa', 'poistettiin', 'poistin'],
    refused: ['ei enää toimi', 'ei vastaa', 'lopetettu', 'poistettu käytöstä'],
  },
  ca: {
    only: ['només', 'nomes', 'únicament', 'solament'],
    test: [
      'per a les proves',
      'per les proves',
      'per a proves',
      'per fer proves',
      'per provar',
      'per a la prova',
      'prova de càrrega',
      'per al test',
      'per als tests',
    ],
    temporary: ['temporal', 'temporalment', 'provisional', 'provisionalment', 'de moment', 'per ara', 'mentre duri*'],
    back: ['tornem a', 'tornarem a', 'tornarà a', 'restaurem', 'revertim', 'tornar al valor'],
    done: [
      'fet',
      'acabat',
      'acabada',
      'completat',
      'completada',
      'resolt',
      'resolta',
      'tancat',
      'tancada',
      'corregit',
      'corregida',
      'migrat',
      'migrada',
      'finalitzat',
      'finalitzada',
    ],
    approved: ['aprovat', 'aprovada', 'llum verda', 'validat', 'validada'],
    notPromote: ['no a producció', 'no per a producció', 'no passar a producció', 'no promocionar'],
    everywhere: ['a tots els entorns', 'tots els entorns', 'arreu', 'per a tots els entorns'],
    typo: ['errada tipogràfica', 'error tipogràfic', 'valor erroni', 'errata'],
    incident: ['incidència', 'caiguda', 'hotfix'],
    until: ['fins al', 'fins a', 'fins el', 'fins'],
    spanBefore: ['durant'],
    months: ['gener', 'febrer', 'març', 'abril', 'maig', 'juny', 'juliol', 'agost', 'setembre', 'octubre', 'novembre', 'desembre'],
    conditionBefore: ['quan', 'si', 'un cop', 'tan bon punt'],
    negation: ['no', 'mai'],
    negationAfter: [],
    question: ['si cal', 'o no'],
    permanent: ['permanent', 'definitiu', 'definitiva', 'per sempre'],
    keep: ['mantenim', 'ens ho quedem', 'al repo', 'a git'],
    stays: ['es queda', 'es manté', 'sense canvis', 'expressament', 'a propòsit', 'no és un oblit', 'no alinear'],
    mistake: ['per error', 'per equivocació', 'va ser un error'],
    first: ['primer'],
    then: ['després', 'llavors', 'més tard'],
    gate: ['només quan', 'només després', 'no abans de', 'un cop', 'tan bon punt'],
    go: ['ja es pot', 'recomanació', 'recomanem', 'llum verda'],
    undo: ['reactivem', 'tornem a activar', 'restablim'],
    due: ['com a molt tard'],
    afterwards: ['després', 'llavors', 'de nou'],
    off: ['desactivem', 'traiem', 'apaguem'],
    refused: ['ja no funciona', 'no respon', 'donat de baixa', 'retirat'],
    awaited: [
      'encara en revisió',
      'encara ["“«]en revisió',
      'encara ["“«] en revisió',
      'cap resposta',
      'sense resposta',
      'pendent de resposta',
      'a aclarir amb',
      'a acordar amb',
    ],
  },
  ja: {
    only: ['のみ', 'だけ', '限定', '専用'],
    test: ['テスト用', '検証用', '負荷試験用', '負荷試験のため', '負荷テスト用', '負荷テストのため', 'テストのため', '試験用'],
    temporary: ['一時的', '暫定', '当面', '仮で', '仮に', 'とりあえず', '一旦', 'いったん', '期間限定'],
    back: ['元に戻', '戻します', '戻す', '戻る', '切り戻', '差し戻', '戻して', '元の'],
    done: [
      '完了',
      '済み',
      '対応済',
      '修正済',
      '解決済',
      '解決しました',
      '終了しました',
      '移行済',
      'クローズ',
      '終わりました',
      '直しました',
      'もう不要',
      '不要になりました',
    ],
    approved: ['承認', '承認済', '了承', '許可済'],
    notPromote: [
      '本番には入れない',
      '本番に入れない',
      '本番に反映しない',
      '本番には反映しない',
      '本番に出さない',
      '本番反映禁止',
      '本番不可',
      '本番には適用しない',
    ],
    everywhere: [
      '全環境',
      'すべての環境',
      '全ての環境',
      '全部の環境',
      '各環境',
      '全アカウント',
      'すべてのアカウント',
      '全クラスタ',
      'すべてのクラスタ',
      '全リージョン',
    ],
    typo: ['誤字', 'タイポ', '打ち間違い', '入力ミス', '値の誤り', '桁間違い'],
    incident: ['障害', '緊急対応', '緊急修正', 'インシデント', 'ホットフィックス'],
    until: [],
    untilAfter: ['まで', 'までに', '迄'],
    spanBefore: [],
    months: [],
    conditionAfter: ['したら', 'たら', '後', '次第', '予定', 'するまで', 'したあと', 'の後', 'になったら'],
    conditionBefore: [],
    negation: [],
    // … and a verb negated: "承認されていません", "まだ完了していない", "反映しない".
    negationAfter: ['ではな', 'じゃな', 'でな', 'ではありません', 'ではない', 'ません', 'ていない', 'てない', 'されない', 'しない', 'できない'],
    question: ['かどうか', 'か否か', 'べきか', 'か？', 'か?', 'するか'],
    permanent: ['恒久', '恒常的', '永続', 'ずっと', '今後も'],
    // (A value "のまま" alone is where it stands; "のままとする" / "のままにする" decides it stays.)
    keep: [
      'このまま',
      '維持',
      '残す',
      '残します',
      'リポジトリに反映',
      'コードに反映',
      'gitに反映',
      'リポジトリに入れ',
      'に書き戻',
      'のままとする',
      'のままとします',
      'のままにする',
      'のままにします',
    ],
    stays: ['のまま', 'そのまま', '据え置き', '意図的', 'あえて', '敢えて', 'わざと', '維持', '揃えない', '合わせない', '漏れではない', '忘れではない'],
    mistake: [
      '誤って',
      '間違いでした',
      '間違いだった',
      'ミスでした',
      'ミスだった',
      '誤りでした',
      '誤りだった',
      '間違って',
      '間違え',
      'ミスで',
      '誤設定',
      '操作ミス',
      '手違い',
    ],
    first: ['まず', '最初に', '先に', '先行して'],
    then: ['その後', '次に', 'あとで', '後で', 'それから', 'の後', '前に'],
    gate: ['の後', '後に', 'してから', '次第', '以降', 'を待って', 'が終わってから', '完了後', '承認後'],
    go: ['反映してよい', '反映して良い', '反映可', '反映OK', '推奨', '出してよい', '適用してよい', '進めてよい'],
    // ("再開" resumes a job or a schedule paused by hand; "有効化" switches it back on; "suspend を戻す" puts the flag back.)
    undo: ['再有効化', '元に戻して', '元に戻す', '再度有効', '有効に戻', '再開', '有効化', 'を戻す'],
    due: ['までに', '遅くとも'],
    afterwards: ['その後', 'あとで', '後で', 'それから', '再び'],
    off: ['オフ', '無効', '削除', '外す', '外し', '止め', '戻す', '戻し', '切る', '切り'],
    remove: ['削除', '撤去', '取り消', '外す', '外して', '剥奪'],
    refused: ['提供終了', '提供を終了', 'サポート終了', '停止しました', '停止します', '停止され', '廃止', '受け付けなくなり', '拒否され'],
  },
  zh: {
    only: ['仅', '只', '仅限', '只在', '仅在', '只有', '专用'],
    test: ['测试用', '用于测试', '压测用', '压测需要', '为了压测', '测试需要', '为了测试'],
    temporary: ['临时', '暂时', '暂定', '先这样', '短期'],
    back: ['恢复', '改回', '回滚', '还原', '撤销', '回退', '再改回'],
    done: ['已完成', '完成了', '已修复', '修复了', '已解决', '解决了', '已关闭', '搞定', '已迁移', '迁移完成', '完成', '不再需要'],
    approved: ['已批准', '批准', '审批通过', '已审批', '同意上线', '验证通过', '测试通过', '压测通过', '验收通过', '审核通过', '评审通过'],
    notPromote: ['不要上生产', '不上生产', '不要发布到生产', '勿上生产', '不要同步到生产', '不要上线', '不上线'],
    everywhere: ['所有环境', '全部环境', '各环境', '所有的环境', '全环境', '各个环境', '所有账号', '所有账户', '全部账号', '所有集群', '所有区域'],
    typo: ['笔误', '拼写错误', '输入错误', '写错', '多了一个零', '单位错误'],
    incident: ['故障', '事故', '紧急修复', '热修复', '线上问题'],
    until: ['到', '截至', '直到'],
    untilAfter: ['之前', '前', '为止'],
    spanBefore: [],
    months: [],
    conditionAfter: ['后', '之后', '以后', '时', '再'],
    conditionBefore: ['等', '如果', '待'],
    negation: ['不', '不是', '并不', '并非', '非', '没有', '没', '无需', '别', '勿', '未', '尚未', '还没', '还未', '还没有'],
    negationAfter: [],
    question: ['要不要', '是否', '是不是', '会不会', '能不能', '该不该', '还是', '吗', '与否'],
    permanent: ['永久', '长期', '固定下来', '一直'],
    keep: ['保留', '保持', '维持', '写入仓库', '写进仓库', '提交到仓库', '固化', '写回仓库', '同步到仓库'],
    stays: ['保持不变', '不变', '保持', '维持', '故意', '有意', '刻意', '特意', '不要对齐', '不对齐', '不是遗漏', '不是漏'],
    mistake: ['误操作', '是个错误', '是一个错误', '是错误的', '弄错了', '误改', '错误地', '改错', '搞错', '弄错', '失误', '不小心'],
    first: ['先在', '先上', '首先', '先'],
    then: ['然后', '之后', '再上', '再到', '随后', '以后', '之前'],
    gate: ['之后', '以后', '后再', '等到', '通过后', '完成后'],
    go: ['可以上', '可以发布', '可以同步', '建议', '可上线', '可以上线'],
    undo: ['重新启用', '重新打开', '重新开启', '改回', '恢复成'],
    due: ['最晚', '最迟'],
    afterwards: ['然后', '之后', '随后', '以后', '再', '重新'],
    off: ['关闭', '关掉', '关上', '去掉', '删除', '移除', '下线', '撤掉', '改回'],
    remove: ['删除', '删掉', '移除', '撤销', '收回', '回收', '撤掉', '去掉'],
    refused: ['停止服务', '已下线', '将下线', '下线了', '停用', '不再支持', '不再接受', '不再可用', '被拒绝', '仍然失败', '仍然报错', '还在失败', '还在报错'],
  },
  ko: {
    only: ['에서만', '에만', '전용', '한정'],
    test: ['테스트용', '부하 테스트용', '부하 테스트를 위해', '테스트를 위해', '테스트 목적', '검증용'],
    temporary: ['임시', '임시로', '일시적', '당분간', '잠시'],
    back: ['되돌', '원복', '롤백', '복구', '원래대로', '원래 값'],
    done: ['완료', '해결', '수정됨', '수정 완료', '처리 완료', '종료', '닫음', '끝났', '더 이상 필요 없'],
    approved: ['승인', '승인됨', '승인 완료', '결재 완료'],
    notPromote: ['운영에 반영하지', '운영 반영 금지', '프로덕션에 배포하지', '운영에 배포하지', '프로덕션 반영 금지'],
    everywhere: ['모든 환경', '전체 환경', '모든 계정', '모든 클러스터', '모든 리전'],
    typo: ['오타', '잘못된 값', '단위 오류'],
    incident: ['장애', '긴급 수정', '인시던트', '핫픽스'],
    until: [],
    untilAfter: ['까지'],
    spanBefore: [],
    months: [],
    conditionAfter: ['되면', '하면', '후', '뒤', '예정', '이후'],
    conditionBefore: [],
    negation: ['안 ', '못 '],
    negationAfter: ['아니', '아님', '않'],
    question: ['할지', '여부', '말지', '는지', '인지', '할까'],
    permanent: ['영구', '영구적', '계속 유지', '상시'],
    keep: ['유지', '그대로', '레포에 반영', '저장소에 반영', '코드에 반영', 'git에 반영'],
    stays: ['그대로', '유지', '의도적', '일부러', '맞추지 않', '누락이 아니'],
    mistake: ['실수로', '실수였', '잘못이었', '잘못된 변경', '잘못', '착오로', '오설정'],
    first: ['먼저', '우선', '처음에'],
    then: ['그 다음', '이후', '다음에', '나중에', '그다음', '그 후', '전에'],
    gate: ['후에', '이후에', '다음에', '되면', '끝나면', '완료 후'],
    go: ['반영해도', '반영 가능', '배포 가능', '권장', '배포해도'],
    undo: ['다시 활성화', '다시 켜', '원복', '되돌려'],
    due: ['늦어도'],
    afterwards: ['그 후', '이후', '그 다음', '그다음', '나중에', '다시'],
    off: ['끄', '끕', '끈', '꺼', '비활성', '제거', '삭제', '되돌', '원복'],
    remove: ['삭제', '제거', '회수', '철회'],
    refused: [
      '서비스 종료',
      '종료됩니다',
      '종료되었',
      '중단됩니다',
      '중단되었',
      '더 이상 지원되지',
      '더 이상 사용되지',
      '더 이상 허용되지',
      '거부됩니다',
      '여전히 실패',
    ],
  },
  // Vietnamese is typed with its tones and without them ("tạm thời", "tam thoi"): both are listed, but
  // a bare syllable without tones ("tam", "xong", "ve") is many words, so only phrases are. A word it
  // shares with its neighbours in a phrase is left out of the table ("giữ" is also "retention" in
  // "thời gian giữ", "lại" is "again" everywhere): the phrase that says the intent is listed instead.
  vi: {
    only: ['chỉ', 'chỉ riêng', 'riêng cho', 'duy nhất', 'chi rieng', 'rieng cho'],
    test: ['để tái hiện', 'tái hiện', 'để test', 'để kiểm thử', 'để kiểm tra', 'cho kiểm thử', 'kiểm thử tải', 'de tai hien', 'tai hien loi', 'de kiem thu'],
    temporary: [
      'tạm thời',
      'tạm đặt',
      'tạm để',
      'tạm giảm',
      'tạm tăng',
      'tạm hạ',
      'tạm nâng',
      'tạm tắt',
      'tạm bật',
      'tạm dừng',
      'biện pháp tạm',
      'trong lúc chờ',
      'trong khi chờ',
      'trước mắt',
      'tam thoi',
      'tam dat',
      'tam giam',
      'tam tang',
      'tam tat',
      'bien phap tam',
    ],
    back: [
      'trả lại',
      'trả về',
      'quay lại',
      'quay về',
      'khôi phục',
      'đặt lại',
      'đưa về',
      'hoàn nguyên',
      'tra lai',
      'tra ve',
      'quay lai',
      'quay ve',
      'khoi phuc',
      'dat lai',
    ],
    done: [
      'xong',
      'đã xong',
      'hoàn thành',
      'đã hoàn thành',
      'đã sửa',
      'đã khắc phục',
      'đã giải quyết',
      'đã đóng',
      'đã xử lý',
      'đã di chuyển',
      'da xong',
      'da sua',
      'da dong',
      'hoan thanh',
      'da khac phuc',
      'da giai quyet',
    ],
    approved: ['đã duyệt', 'được duyệt', 'phê duyệt', 'đã phê duyệt', 'chấp thuận', 'đã chấp thuận', 'da duyet', 'phe duyet'],
    notPromote: ['không lên prod*', 'không đưa lên prod*', 'không áp dụng cho prod*', 'không promote', 'khong len prod*'],
    everywhere: ['mọi môi trường', 'tất cả môi trường', 'tất cả các môi trường', 'mọi cụm', 'tất cả các cụm', 'moi moi truong', 'tat ca moi truong'],
    typo: ['lỗi đánh máy', 'gõ nhầm', 'gõ sai', 'giá trị sai', 'go nham', 'go sai'],
    incident: ['sự cố', 'khẩn cấp', 'hotfix', 'su co'],
    until: ['cho đến', 'cho tới', 'đến hết', 'đến ngày', 'đến', 'tới', 'cho den', 'den het', 'den ngay'],
    spanBefore: [],
    months: [],
    // (Not "neu", which is German's "new": condition words of every table are read in every language.)
    conditionBefore: ['khi', 'sau khi', 'nếu', 'một khi', 'ngay khi', 'khi nào'],
    negation: ['không', 'chưa', 'chẳng', 'đừng', 'khong', 'chua'],
    negationAfter: [],
    question: ['có nên', 'hay không', 'liệu', 'có cần', 'hay chưa', 'hay khong'],
    permanent: ['vĩnh viễn', 'lâu dài', 'cố định', 'vinh vien', 'lau dai', 'co dinh'],
    keep: ['giữ nguyên', 'vẫn giữ', 'vào repo', 'vào git', 'giu nguyen', 'vao repo'],
    stays: ['giữ nguyên', 'vẫn giữ', 'không đổi', 'cố ý', 'có chủ đích', 'không phải quên', 'không đồng bộ', 'giu nguyen', 'co y'],
    mistake: ['nhầm', 'nhầm lẫn', 'do nhầm', 'là lỗi', 'sai môi trường', 'nham lan'],
    first: ['trước tiên', 'đầu tiên', 'trước hết', 'truoc tien'],
    then: ['sau đó', 'tiếp theo', 'sau này', 'sau do'],
    later: ['sau này', 'để sau', 'sau do'],
    gate: ['chỉ khi', 'chỉ sau khi', 'sau khi', 'ngay khi', 'một khi', 'không trước', 'chi khi'],
    go: ['có thể lên', 'được phép', 'khuyến nghị', 'đề xuất', 'co the len', 'duoc phep'],
    undo: ['bật lại', 'kích hoạt lại', 'khôi phục', 'bat lai', 'khoi phuc'],
    due: ['muộn nhất', 'chậm nhất', 'trễ nhất', 'muon nhat', 'cham nhat'],
    afterwards: ['sau đó', 'lần nữa', 'sau do'],
    off: ['tắt', 'gỡ bỏ', 'xoá', 'xóa', 'go bo'],
    remove: ['xoá', 'xóa', 'gỡ bỏ', 'thu hồi', 'cần xoá', 'cần xóa', 'go bo', 'thu hoi'],
    refused: ['ngừng hoạt động', 'không còn hoạt động', 'đã tắt', 'vẫn lỗi', 'ngừng hỗ trợ'],
  },
  // Indonesian marks a passive or a report with its prefixes ("dicabut", revoked; "ditutup", closed): the
  // forms are listed, not stems, since a bare root ("cabut", "tutup") is an order as often as a report.
  // Not "saja" (just), "lagi" (again, more) or "sudah" alone (already): each says nothing on its own.
  id: {
    only: ['hanya', 'khusus', 'cuma'],
    test: ['untuk tes', 'untuk uji', 'untuk pengujian', 'untuk testing', 'uji beban', 'tes beban', 'uji coba'],
    temporary: ['sementara', 'untuk sementara', 'sementara waktu', 'hanya selama', 'hanya untuk sesi', 'selama sesi'],
    back: ['kembali ke', 'dikembalikan ke', 'kembalikan ke', 'dikembalikan', 'kembalikan', 'balik ke', 'dipulihkan', 'pulihkan'],
    done: ['selesai', 'sudah selesai', 'telah selesai', 'beres', 'tuntas', 'rampung', 'ditutup', 'sudah ditutup', 'diperbaiki', 'sudah diperbaiki', 'teratasi'],
    approved: ['disetujui', 'sudah disetujui', 'telah disetujui', 'lampu hijau'],
    notPromote: ['jangan ke prod*', 'tidak ke prod*', 'bukan untuk prod*', 'jangan dipromosikan'],
    everywhere: ['semua lingkungan', 'di semua lingkungan', 'seluruh lingkungan', 'semua environment'],
    typo: ['salah ketik', 'salah tulis'],
    incident: ['insiden', 'gangguan', 'darurat'],
    until: ['sampai', 'hingga', 'sampai dengan', 'sampai tanggal', 'hingga tanggal'],
    spanBefore: ['selama'],
    months: ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'],
    // (Not "saat", Turkish's "hour": condition words of every table are read in every language.)
    conditionBefore: ['jika', 'kalau', 'bila', 'apabila', 'setelah', 'sesudah', 'begitu', 'ketika', 'harus', 'perlu'],
    negation: ['tidak', 'tak', 'belum', 'bukan', 'jangan', 'tanpa'],
    negationAfter: [],
    question: ['apakah', 'atau tidak', 'atau belum'],
    permanent: ['permanen', 'secara permanen', 'selamanya'],
    keep: ['dipertahankan', 'pertahankan', 'biarkan saja', 'tetap dipakai'],
    stays: ['tetap', 'dengan sengaja', 'sengaja', 'bukan kelupaan', 'jangan disamakan'],
    mistake: ['tidak sengaja', 'secara tidak sengaja', 'keliru', 'kesalahan', 'salah lingkungan', 'salah environment'],
    first: ['pertama', 'terlebih dahulu', 'lebih dulu'],
    then: ['lalu', 'kemudian', 'setelah itu'],
    later: ['nanti', 'menyusul', 'belakangan'],
    gate: ['hanya setelah', 'baru setelah', 'tidak sebelum', 'setelah'],
    go: ['boleh', 'direkomendasikan', 'disarankan'],
    undo: ['aktifkan kembali', 'nyalakan kembali', 'dipulihkan', 'pulihkan', 'dikembalikan', 'kembalikan'],
    due: ['paling lambat', 'selambat-lambatnya'],
    afterwards: ['lalu', 'kemudian', 'setelah itu'],
    off: ['matikan', 'dimatikan', 'hapus', 'dihapus', 'dicabut'],
    remove: ['hapus', 'dihapus', 'hapuskan', 'cabut', 'dicabut', 'harus dicabut', 'harus dihapus', 'tarik kembali', 'ditarik kembali'],
    refused: ['tidak berfungsi', 'tidak jalan', 'masih gagal', 'sudah tidak aktif'],
  },
};

// The environments' names as these languages write them, by the English name's family (see
// envnames.ts). Regex source; whole words where the language spaces its words.
const ENV_NAMES: Array<[RegExp, string[]]> = [
  [
    // (Environments named in the team's language, "producao", "produccion", "pro", are production too.)
    /^(prod|production|prd|live|pro|producao|produção|produccion|producción|produzione|produktion|productie|produkcja)$/i,
    [
      '本番(?:環境)?',
      '生产(?:环境)?',
      '线上(?:环境)?',
      '正式环境',
      '운영(?:\\s?환경)?',
      '프로덕션',
      '상용',
      'прод(?:а|е|у|ом)?',
      'продакшн\\p{L}*',
      'продакшен\\p{L}*',
      'боев\\p{L}*',
      'produkcj\\p{L}*',
      // Latin names with a Polish, Czech or Turkish ending: "na prodzie", "prod'da".
      'prod(?:zie|u|em)',
      "prod['’]\\p{L}+",
      'produkcyjn\\p{L}*',
      // Czech: "produkce", "v produkci", "produkční prostředí".
      'produkc[eiíy]',
      'produkčn\\p{L}*',
      'producción',
      'produção',
      'produzione',
      'productie',
      // Romanian, with its article or case ending and either comma or cedilla: "producția", "producției", "producţie".
      'produc[tțţ]i(?:a|ei)',
      'produc[țţ]ie',
      'produktion',
      // Norwegian writes it with "ks", and its article after: "produksjon", "produksjonen".
      'produksjon(?:en)?',
      // Indonesian and Malay.
      'produksi',
      'canlı\\p{L}*',
      'üretim\\p{L}*',
    ],
  ],
  [
    /^(staging|stage|stg)$/i,
    [
      'staging(?:u|iem|owym|owe|owy)',
      "staging['’]\\p{L}+",
      'ステージング(?:環境)?',
      '検証環境',
      '预发(?:布)?(?:环境)?',
      '스테이징',
      '스테이지',
      'стейджинг\\p{L}*',
      'стейдж\\p{L}*',
      'стейдже',
      'стейдж',
    ],
  ],
  [/^(dev|development|develop)$/i, ['開発環境', '开发环境', '개발\\s?환경', 'дев\\p{L}*']],
];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const spaced = (lang: Language) => lang !== 'ja' && lang !== 'zh' && lang !== 'ko';
const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
// A going-back verb is often written with its object before where it goes ("voltar concurrency para 10",
// "remettre la limite à 10", "riportare la soglia a 30"): a table word's ` … ` stands for those one to
// three words, none of them ending the clause (a key's dots are inside its word: "voltar worker.pool para").
const OBJECT_BETWEEN = String.raw`(?:\s+(?:[^\s.;:!?,]|\.(?=[^\s.]))+){1,3}\s+`;

/** One table word as regex source: `*` ends a stem, a space matches any run of spaces, ` … ` one to
 * three words of the clause (a verb's object between it and its preposition: "voltar concurrency para"). */
function wordSource(word: string, lang: Language): string {
  // A table word may hold a class of endings ("gotow[eay]"); nothing else is pattern syntax.
  const body = word
    .replace(/[.+?^${}()|\\]/g, '\\$&')
    .replace(/\*$/, '\\p{L}*')
    .replace(/ … /g, OBJECT_BETWEEN)
    .replace(/ /g, '\\s+')
    .replace(/'/g, "['’]")
    // A word written with its space before it (Turkish " mi"): the space run starts where spaces do,
    // or every space of a long run would start it again.
    .replace(/^\\s\+/, '(?<!\\s)\\s+');
  // Korean and Turkish attach particles and suffixes to the word; the others whole words.
  if (!spaced(lang)) return body;
  return `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
}

// Most texts the readers see hold no word of a language's kind ("Change common env"), yet the full
// pattern of the kind (case-insensitive Unicode, letter-class bounds, stems) costs V8 milliseconds to
// build and compile, twice with its global twin, and again when it tiers up: ~0.4 CPU-s a scan.
// Each table word has literal runs any match of it must contain; tested with the pattern's own flags
// ('iu'), a text holding none of them cannot match, so the full pattern is skipped, never wrong.
const literals = new WeakMap<readonly string[], RegExp | null>();
/** The table word's longest literal run, or undefined when the word is not one wordSource reads literally. */
function literalOf(word: string): string | undefined {
  // Pattern syntax in a table word: a class of endings, a stem's `*` at its end, a space (any run of
  // spaces), an apostrophe (either one). Anything else would not be a word this can vouch for.
  if (word.slice(0, -1).includes('*')) return undefined;
  const bare = word.replace(/\*$/, '').replace(/\[[^\][]*\]/g, '\0');
  if (/[[\]]/.test(bare)) return undefined;
  return bare
    .split(/[\0\s']/)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)[0];
}
/** May the text hold one of the table words? false only when it cannot. */
function mayHold(words: readonly string[] | undefined, text: string): boolean {
  if (!words || words.length === 0) return false;
  let re = literals.get(words);
  if (re === undefined) {
    const runs = words.map(literalOf);
    re = runs.every((r): r is string => !!r) ? new RegExp(runs.map((r) => escapeRegExp(r)).join('|'), 'iu') : null;
    literals.set(words, re);
  }
  return re === null || re.test(text);
}

/** For the test that the literal pre-filter never turns away a text a table word's pattern reads. */
export const prefilterParts = { table: () => TABLE, mayHold, wordsRegex };

const compiled = new Map<string, RegExp>();
function wordsRegex(lang: Exclude<Language, 'en'>, kind: keyof Words): RegExp | undefined {
  const key = `${lang}:${kind}`;
  if (compiled.has(key)) return compiled.get(key);
  const words = TABLE[lang][kind] ?? [];
  // Longest first, so "bis zum" wins over "bis".
  const re =
    words.length === 0
      ? undefined
      : new RegExp(
          [...words]
            .sort((a, b) => b.length - a.length)
            .map((w) => wordSource(w, lang))
            .join('|'),
          'iu',
        );
  compiled.set(key, re!);
  return re;
}

/** The environment's names as a language writes them (regex source), beside its English names. */
export function foreignNames(env: EnvName): string[] {
  return ENV_NAMES.find(([re]) => re.test(env))?.[1] ?? [];
}

const envCompiled = new Map<EnvName, RegExp | null>();
/** Does the text name the environment in one of the languages read here? */
export function mentionsForeign(text: string, env: EnvName): boolean {
  let re = envCompiled.get(env);
  if (re === undefined) {
    const names = foreignNames(env);
    re = names.length === 0 ? null : new RegExp(names.map((n) => (CJK.test(n) ? n : `(?<![\\p{L}\\p{N}])(?:${n})(?![\\p{L}\\p{N}])`)).join('|'), 'iu');
    envCompiled.set(env, re);
  }
  return !!re && re.test(text);
}

// Words that give a Latin-script text away as one language: common function words, written only
// the way that language writes them. Also some languages not read here, so that a Swedish or Czech
// message is known as one that was not read rather than taken for terse English.
const STOPWORDS: Record<string, string[]> = {
  // (Not "in", "is" or "we": German, Dutch and Italian write them too, and one of them in a short
  // foreign message named it English.)
  en: [
    'the',
    'and',
    'for',
    'with',
    'to',
    'on',
    'of',
    'it',
    'after',
    'until',
    'only',
    'this',
    'not',
    'be',
    'from',
    'back',
    'until',
    'all',
    'needs',
    'too',
    'there',
  ],
  de: [
    'und',
    'der',
    'die',
    'das',
    'nicht',
    'nur',
    'für',
    'auf',
    'ist',
    'wir',
    'bis',
    'mit',
    'dem',
    'den',
    'noch',
    'wieder',
    'auch',
    'bitte',
    'dann',
    'erst',
    'nach',
    'von',
    'im',
    'zum',
    'zur',
    'wird',
    'gilt',
    'alle',
    'überall',
    'zurück',
    'umgebungen',
    // (Also French; a tie goes to the language listed first.)
    'des',
  ],
  es: [
    'el',
    'los',
    'las',
    'para',
    'por',
    'hasta',
    'solo',
    'que',
    'con',
    'una',
    'del',
    'se',
    'volver',
    'mientras',
    'pruebas',
    'también',
    'tras',
    'después',
    'entornos',
    'entorno',
    'cambio',
    'subir',
    'sin',
    'desde',
    'hay',
    'producción',
  ],
  fr: [
    'le',
    'les',
    'des',
    'pour',
    'sur',
    'avec',
    'une',
    'est',
    'pas',
    'jusqu',
    'nous',
    'au',
    'aux',
    'ne',
    'et',
    'après',
    'dans',
    'du',
    'partout',
    'suivra',
    'recette',
    // (Words no other language here writes: a short French message with "on", "en" and "les" alone
    // was taken for English.)
    'ont',
    'sont',
    'mais',
    'aussi',
    'donc',
    'encore',
    'toujours',
    'déjà',
    'cette',
    'leurs',
    'tout',
    'peut',
    'faut',
  ],
  pt: [
    'para',
    'não',
    'até',
    'com',
    'uma',
    'os',
    'das',
    'dos',
    'só',
    'em',
    'ao',
    'voltar',
    'depois',
    'vamos',
    'do',
    'da',
    'pelo',
    'pela',
    'também',
    'ambiente',
    'ambientes',
    'produção',
    'homologação',
    'homolog',
    'limite',
    'foi',
    'por',
    'estava',
    'ontem',
  ],
  it: [
    'il',
    'per',
    'non',
    'fino',
    'con',
    'una',
    'della',
    'dei',
    'degli',
    'gli',
    'solo',
    'poi',
    'torniamo',
    'ancora',
    'su',
    'sul',
    'nel',
    'dopo',
    'di',
    'che',
    'alla',
    'nella',
    'anche',
    'tutti',
    'ambienti',
    'produzione',
    'collaudo',
  ],
  nl: [
    'het',
    'een',
    'niet',
    'alleen',
    'voor',
    'met',
    'tot',
    'naar',
    'van',
    'wij',
    'we',
    'zetten',
    'terug',
    'daarna',
    'nog',
    'op',
    'dit',
    'wordt',
    'zijn',
    'ook',
    'maar',
    'geen',
    'uit',
    'klaar',
    'bij',
    'om',
    'te',
    'alle',
    'omgevingen',
    'productie',
  ],
  pl: ['na', 'nie', 'tylko', 'do', 'jest', 'się', 'dla', 'potem', 'po', 'przez', 'oraz', 'tak', 'już', 'wracamy', 'w', 'z', 'ze', 'od', 'przy', 'wszystkich'],
  tr: ['ve', 'bir', 'için', 'sadece', 'bu', 'ile', 'kadar', 'değil', 'sonra', 'olarak', 'geçici', 'şimdilik', 'tüm', 'her', 'ortamlarda', 'ortamlar'],
  // (Not "till", "til", "at", "den", "af", "er" or "vi": English, German or Dutch write them too.)
  sv: [
    'och',
    'för',
    'bara',
    'inte',
    'med',
    'på',
    'är',
    'sedan',
    'tills',
    'alla',
    'miljöer',
    'än',
    'av',
    'ett',
    'det',
    'som',
    'att',
    'efter',
    'också',
    'eller',
    'när',
    'ska',
    'samma',
    'miljön',
    'produktion',
    'från',
    'satte',
    'sätter',
    'ändrade',
    'ändrar',
    'höjde',
    'höjer',
    'sänkte',
    'sänker',
    'avvaktar',
    'inväntar',
    'beslut',
    'misstag',
    'blev',
    'sattes',
  ],
  da: [
    'og',
    'kun',
    'ikke',
    'med',
    'på',
    'indtil',
    'bagefter',
    'færdig',
    'det',
    'som',
    'efter',
    'også',
    'eller',
    'når',
    'skal',
    'miljø',
    'miljøer',
    'samme',
    'derefter',
    'produktion',
    'satte',
    'sætter',
    'ændret',
    'ændrer',
    'hævet',
    'sænket',
    'afventer',
    'beslutning',
    'fejl',
    'blev',
  ],
  no: [
    'og',
    'kun',
    'ikke',
    'med',
    'på',
    'inntil',
    'etterpå',
    'ferdig',
    'det',
    'som',
    'å',
    'etter',
    'også',
    'eller',
    'når',
    'skal',
    'miljø',
    'miljøer',
    'samme',
    'deretter',
    'produksjon',
    'av',
    'satte',
    'setter',
    'endret',
    'endrer',
    'økt',
    'senket',
    'avventer',
    'beslutning',
    'feil',
    'ble',
  ],
  fi: ['ja', 'vain', 'ei', 'asti', 'kanssa', 'sitten', 'väliaikaisesti', 'kun', 'että', 'oli', 'tämä', 'myös', 'kaikissa', 'saakka', 'kunnes', 'jos'],
  ca: [
    'els',
    'les',
    'amb',
    'és',
    'són',
    'fins',
    'només',
    'però',
    'aquest',
    'aquesta',
    'dels',
    'pels',
    'per',
    'del',
    'tots',
    'entorns',
    'mentre',
    'fer',
    'tanco',
    'farà',
  ],
  // Not read (named on two of their words, or a word and a letter only they write): Slovak, Croatian
  // (and Serbian and Bosnian in Latin letters), Lithuanian, Latvian, Estonian. Czech was the
  // example until it came to be read (session 33).
  sk: ['iba', 'pre', 'potom', 'dočasne', 'docasne', 'späť', 'spat', 'alebo', 'ktorý', 'ešte', 'prostredí', 'pokiaľ', 'kým'],
  hr: ['samo', 'zatim', 'nakon', 'privremeno', 'vraća', 'vraca', 'vratiti', 'kada', 'ili', 'nije', 'će', 'jer', 'okruženja', 'okruženju', 'dok', 'sve', 'biti'],
  lt: ['tik', 'kad', 'iki', 'laikinai', 'atgal', 'yra', 'bus', 'nėra', 'aplinkai', 'aplinkoje', 'paskui', 'visose', 'grąžinti', 'grąžinsime'],
  lv: ['tikai', 'pēc', 'līdz', 'nav', 'būs', 'pagaidām', 'atpakaļ', 'visās', 'vidē', 'kamēr', 'tad'],
  et: ['ainult', 'siis', 'kuni', 'ajutiselt', 'tagasi', 'pärast', 'jaoks', 'kõik', 'või', 'seda', 'peale', 'jälle', 'keskkonnas'],
  cs: [
    'jen',
    'pouze',
    'pro',
    'na',
    'do',
    'zpět',
    'zpet',
    'až',
    'že',
    'aby',
    'nebo',
    'jsme',
    'bylo',
    'když',
    'protože',
    'není',
    'neni',
    'pak',
    'se',
    'je',
    'jsou',
    'bude',
    'dočasně',
    'docasne',
    'produkci',
    'kvůli',
    'kvuli',
    'už',
    'také',
    'take',
    'všude',
    'vsude',
    'přes',
    'bez',
    'změn',
    'od',
    'teď',
    'ted',
  ],
  hu: [
    'és',
    'csak',
    'nem',
    'ig',
    'után',
    'majd',
    'ideiglenesen',
    'kell',
    'hogy',
    'van',
    'volt',
    'lesz',
    'már',
    'még',
    'előtt',
    'vagy',
    'mert',
    'az',
    'egy',
    'szerint',
    'alatt',
  ],
  // (Not "nu", "si", "vor", "mai": Dutch and Nordic "nu" is "now", "si" is Romance "if", German "vor", French "mai".)
  ro: ['și', 'doar', 'până', 'pana', 'pentru', 'cu', 'apoi', 'temporar', 'în', 'toate', 'după', 'dupa', 'sunt', 'fost', 'mediile', 'mediul', 'dacă', 'când'],
  id: [
    'dan',
    'hanya',
    'untuk',
    'tidak',
    'sampai',
    'dengan',
    'sementara',
    'lalu',
    'apakah',
    'saya',
    'yang',
    'juga',
    'tolong',
    'belum',
    'sudah',
    'kami',
    'kita',
    'ini',
    'itu',
    'akan',
    'pada',
    'oleh',
    'atau',
    'karena',
    'harus',
    'perlu',
  ],
  // (Not "la", "co", "da", "do", "ve" untoned: Romance and Slavic words. Words of two syllables are two words here.)
  vi: [
    'và',
    'chỉ',
    'cho',
    'không',
    'đến',
    'với',
    'tạm',
    'thời',
    'sau',
    'đó',
    'của',
    'là',
    'các',
    'những',
    'được',
    'để',
    'trong',
    'khi',
    'đã',
    'sẽ',
    'có',
    'này',
    'một',
    'bằng',
    'trên',
    'từ',
    'về',
    'chưa',
    'xong',
    'lại',
  ],
};

// Letters only one language (of those named here) writes, each a word's worth of evidence: a short
// message may hold no function word another language lacks ("OK para PRO"), but "ñ" or "ção" gives
// it away. Counted once per text.
const LETTERS: Array<[RegExp, string]> = [
  [/[ñ¿¡]/u, 'es'],
  [/[ãõ]|ção|ções/u, 'pt'],
  [/ß/u, 'de'],
  [/[łąęśźżćń]/u, 'pl'],
  // (And the háčeks Polish does not write: "dalším", "zvýšeno", "dočasně".)
  [/[řěůýčšžťď]/u, 'cs'],
  [/[ışğ]/u, 'tr'],
  // Swedish, Danish and Norwegian all write "å"; Danish and Norwegian "ø" and "æ".
  [/å/u, 'sv'],
  [/å/u, 'da'],
  [/å/u, 'no'],
  [/[øæ]/u, 'da'],
  [/[øæ]/u, 'no'],
  [/[șță]/u, 'ro'],
  [/[őű]/u, 'hu'],
  [/l·l/u, 'ca'],
  // Vietnamese's horned letters and its letters with a tone under or a hook, or two marks (Latin Extended Additional);
  // not "đ", which Croatian writes too.
  [/[ơư\u1EA0-\u1EF9]/iu, 'vi'],
  // Languages not read, named so that their text is known unread rather than taken for terse English.
  [/[ľĺŕ]/u, 'sk'],
  [/[ėįų]/u, 'lt'],
  [/[ļņķģ]/u, 'lv'],
];

/** The language a text is written in, as far as its script and function words tell: one of the
 * languages read here, another one named by its script or words (read: false), or undefined for a
 * text too terse to tell (a subject such as "bump pool to 20", taken for English). */
export function languageOf(text: string): { language: string; read: boolean } | undefined {
  return memo(LANGUAGE_OF, text, () => detect(text));
}

function detect(text: string): { language: string; read: boolean } | undefined {
  if (/\p{Script=Hangul}/u.test(text)) return { language: 'ko', read: true };
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return { language: 'ja', read: true };
  if (/\p{Script=Han}/u.test(text)) return { language: 'zh', read: true };
  if (/\p{Script=Greek}/u.test(text)) return { language: 'el', read: true };
  if (/\p{Script=Cyrillic}/u.test(text)) {
    // Ukrainian writes letters Russian does not.
    return /[іїєґ]/iu.test(text) ? { language: 'uk', read: true } : { language: 'ru', read: true };
  }
  for (const [script, name] of [
    ['Arabic', 'ar'],
    ['Hebrew', 'he'],
    ['Thai', 'th'],
    ['Devanagari', 'hi'],
    ['Armenian', 'hy'],
    ['Georgian', 'ka'],
  ] as const) {
    if (cached(`\\p{Script=${script}}`, 'u').test(text)) return { language: name, read: (READ as string[]).includes(name) };
  }
  const ranked = rankByWords(latinWords(text), text);
  const isRead = (language: string) => language === 'en' || (READ as string[]).includes(language);
  // A language not read is named on two of its words, not on one a read language may share ("pro",
  // "na", "do"): naming it leaves the whole text unread.
  const best = ranked.find((r) => isRead(r.language) || (r.count >= 2 && r.count > (ranked.find((o) => isRead(o.language))?.count ?? 0)));
  if (!best) return undefined;
  return { language: best.language, read: isRead(best.language) };
}

const STOPWORD_SETS = Object.entries(STOPWORDS).map(([language, list]) => [language, new Set(list)] as const);

/** The language not read here that a sentence is written in, where its words tell: a script not
 * read, or two or more of one such language's function words, more than of English or any language
 * read. */
function unreadLanguageOf(sentence: string): string | undefined {
  const found = detect(sentence);
  if (!found || found.read) return undefined;
  if (!/^\p{Script=Latin}/u.test(sentence.replace(/[^\p{L}]/gu, '').slice(0, 1) || 'a')) return found.language;
  const ranked = rankByWords(latinWords(sentence), sentence);
  const top = ranked[0];
  const next = ranked.find((r) => r.language !== top?.language && (r.language === 'en' || (READ as string[]).includes(r.language)));
  return top && top.count >= 2 && top.count > (next?.count ?? 0) ? found.language : undefined;
}

// The words the intent tables know, one token each, as evidence of their language: a three-word subject
// ("Tijdelijk verhoogd", "Vorübergehend aus", "Temporaneamente disattivato") holds no function word, but
// a word only one language's table writes gives it away — not one English writes too ("permanent",
// "incident", "hotfix").
const TABLE_KINDS: Array<keyof Words> = ['only', 'temporary', 'back', 'done', 'approved', 'everywhere', 'permanent', 'keep', 'mistake', 'typo', 'incident'];
const ENGLISH_TOO = new Set(['permanent', 'incident', 'hotfix', 'solo', 'fix']);
let tableTokens: Array<[string, Set<string>, string[]]> | undefined;
function tableTokensOf(): Array<[string, Set<string>, string[]]> {
  if (tableTokens) return tableTokens;
  tableTokens = (Object.entries(TABLE) as Array<[Exclude<Language, 'en'>, Words]>)
    .filter(([lang]) => spaced(lang) && !NON_LATIN_READ.has(lang))
    .map(([lang, w]) => {
      const words = TABLE_KINDS.flatMap((k) => w[k] ?? []).filter((x) => !/[\s'[]/.test(x) && !ENGLISH_TOO.has(x));
      return [lang, new Set(words.filter((x) => !x.endsWith('*'))), words.filter((x) => x.endsWith('*')).map((x) => x.slice(0, -1))];
    });
  return tableTokens;
}

/** The languages whose function words (and letters of its own, and words of their tables) a Latin text
 * uses, most first. */
function rankByWords(words: string[], text: string): Array<{ language: string; count: number }> {
  const ranked: Array<{ language: string; count: number }> = [];
  const letters = new Set(LETTERS.filter(([re]) => re.test(text)).map(([, language]) => language));
  const tabled = new Set(
    tableTokensOf()
      .filter(([, exact, stems]) => words.some((w) => exact.has(w) || stems.some((st) => w.startsWith(st))))
      .map(([lang]) => lang),
  );
  for (const [language, set] of STOPWORD_SETS) {
    const count = words.filter((w) => set.has(w)).length + (letters.has(language) ? 1 : 0) + (tabled.has(language) ? 1 : 0);
    if (count > 0) ranked.push({ language, count });
  }
  // Stable: ties keep the table's order.
  return ranked.sort((a, b) => b.count - a.count);
}

// A word written in capitals is a name ("PRO", "PRE", "OK", "API"), not a function word: an
// environment called "PRO" does not make a Spanish message Czech.
const latinWords = (text: string) =>
  text
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !(w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()))
    .map((w) => w.toLowerCase());

/** The languages whose words a text's intent is read in: the one it is written in, and for a
 * Latin text, each read language whose words it uses (a German subject over an English body). */
function candidates(text: string): Array<Exclude<Language, 'en'>> {
  return memo(CANDIDATES, text, () => candidatesOf(text));
}

function candidatesOf(text: string): Array<Exclude<Language, 'en'>> {
  const found = languageOf(text);
  if (found && found.language !== 'en' && (READ as string[]).includes(found.language)) {
    const first = found.language as Exclude<Language, 'en'>;
    // A Latin text's function words may fit two languages (Spanish and Portuguese share many):
    // each read language whose words it uses, most first.
    const others = rankByWords(latinWords(text), text)
      .map((r) => r.language)
      .filter((l): l is Exclude<Language, 'en'> => l !== first && (READ as string[]).includes(l));
    return [first, ...others];
  }
  // English is read by intent.ts; a text in a language not read here has no words here.
  if (found) return [];
  return READ.filter((l) => spaced(l) && !NON_LATIN_READ.has(l)) as Array<Exclude<Language, 'en'>>;
}

export interface ForeignReading {
  language?: Exclude<Language, 'en'>;
  only?: string;
  test?: string;
  temporary?: string;
  back?: string;
  notPromote?: string;
  /** "überall", "vale para todos os ambientes": the value is meant for every environment. */
  everywhere?: string;
  /** "Tippfehler", "literówka": the change corrects a slip. */
  typo?: string;
  /** "Störung", "障害": an incident the change answers. */
  incident?: string;
  /** YYYY-MM-DD where the text gives an end as a date or a span from when it was written. */
  until?: string;
  /** The event an end waits for where it names no date ("bis Sprint 48", "t/m sprint 12"). */
  untilEvent?: string;
  /** The words that gave the end. */
  untilPhrase?: string;
  /** "permanent", "blijvend", or a time limit negated ("niet tijdelijk", "pas temporaire"). */
  permanent?: string;
  /** Words read negated or asked about, not as themselves. */
  doubts?: Doubt[];
}

/** Does the word at `index` set a condition for later rather than report it? Condition words of
 * every language read count (a Spanish "cuando" before a word Portuguese shares): reading a
 * report as a plan only costs a "done" unread, the other way round a plan taken for done. */
function conditional(lang: Exclude<Language, 'en'>, text: string, index: number, length: number): boolean {
  const after = text
    .slice(index + length, index + length + 12)
    .replace(/^\s+/, '')
    .toLowerCase();
  // Where words run together the condition may follow a particle or two ("承認されたら", "완료 후").
  const near = spaced(lang) ? undefined : after.split(/[。、，,.!！?？\n]/)[0]!.slice(0, 6);
  if (TABLE[lang].conditionAfter?.some((w) => (near !== undefined ? near.includes(w) : after.startsWith(w)))) return true;
  const before = text.slice(Math.max(0, index - 40), index).toLowerCase();
  // The nearest condition word before it in the same clause.
  const clause = before.split(/[.;:\n!?。]/).at(-1) ?? '';
  return CONDITION_BEFORE.test(clause) || conditionShort(lang).test(clause);
}
// Condition words of every language read — but the short ones only in their own language: the
// Portuguese "se" (if) is the Spanish reflexive ("se cambió por error"), the Spanish "si" an
// Italian "yes".
const CONDITION_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${[...new Set(Object.values(TABLE).flatMap((w) => w.conditionBefore.filter((c) => c.length > 2)))].map(escape).join('|')})(?![\\p{L}])`,
  'iu',
);
const shortConditions = new Map<string, RegExp>();
function conditionShort(lang: Exclude<Language, 'en'>): RegExp {
  let re = shortConditions.get(lang);
  if (!re) {
    const short = TABLE[lang].conditionBefore.filter((c) => c.length <= 2);
    shortConditions.set(lang, (re = short.length ? new RegExp(`(?<![\\p{L}])(?:${short.map(escape).join('|')})(?![\\p{L}])`, 'iu') : /(?!)/));
  }
  return re;
}

/** A word read in a clause that negates it or asks about it: "niet tijdelijk" is not "tijdelijk",
 * "要不要上线" (whether to go live) is not "不要上线" (do not go live). `sentence` is where it sits. */
export interface Doubt {
  phrase: string;
  how: 'negated' | 'asked';
  sentence: string;
  language: Exclude<Language, 'en'>;
}

// Where a clause ends: a sentence's end, a line, a comma (in every script). A dot between digits
// ("3.12.") is a date's, not a sentence's.
const CLAUSE_END = /[;!?。！？\n,，、；]|\.(?!\d)/gu;
const SENTENCE_END = /[!?。！？\n]|\.(?=\s|$)/gu;
// Their first match only (exec without the global flag reads from the start and keeps no lastIndex):
// compiled here once, not for every word whose clause is read.
const CLAUSE_END_FIRST = new RegExp(CLAUSE_END.source, 'u');
const SENTENCE_END_FIRST = new RegExp(SENTENCE_END.source, 'u');

// How far a clause or a sentence is looked for on either side of a word: the readers ask about every
// match, and a text with many matches and no punctuation (a hostile pull request) would otherwise be
// scanned from its start and to its end for each one — quadratic. No clause people write is longer.
const CLAUSE_REACH = 400;
const SENTENCE_REACH = 1000;

// An aside in brackets is not where the clause around it ends: "counsel must confirm whether delivery
// events (recipient hashes, timestamps, device info) may go to the vendor" asks about "may go" across the
// aside's commas. Its commas are blanked (the text keeps its length, so indices still hold).
const ASIDE = /\([^()\n]{0,160}\)/gu;
const ASIDE_COMMA = /[,，、;；]/gu;
const asidesClosed = (text: string): string => (text.includes('(') ? text.replace(ASIDE, (a) => a.replace(ASIDE_COMMA, ' ')) : text);

/** The clause around text[index, index+length): the text before the word in it, the text after
 * it, and whether the clause ends with a question mark. */
function clauseAround(text: string, index: number, length: number): { before: string; after: string; asked: boolean } {
  const from = Math.max(0, index - CLAUSE_REACH);
  let start = from;
  for (const m of asidesClosed(text.slice(from, index)).matchAll(CLAUSE_END)) start = from + m.index + m[0].length;
  const rest = text.slice(index + length, index + length + CLAUSE_REACH);
  const end = CLAUSE_END_FIRST.exec(asidesClosed(rest));
  const after = end ? rest.slice(0, end.index) : rest;
  return { before: text.slice(start, index), after, asked: !!end && /[?？]/.test(end[0]) };
}

/** The sentence around text[index]. */
function sentenceAround(text: string, index: number): string {
  const from = Math.max(0, index - SENTENCE_REACH);
  let start = from;
  for (const m of text.slice(from, index).matchAll(SENTENCE_END)) start = from + m.index + m[0].length;
  const end = SENTENCE_END_FIRST.exec(text.slice(index, index + SENTENCE_REACH));
  return text.slice(start, end ? index + end.index + 1 : index + SENTENCE_REACH).trim();
}

const doubtRegexes = new Map<string, { before?: RegExp; after?: RegExp; question?: RegExp }>();
function doubtWords(lang: Exclude<Language, 'en'>): { before?: RegExp; after?: RegExp; question?: RegExp } {
  let r = doubtRegexes.get(lang);
  if (r) return r;
  const w = TABLE[lang];
  const alt = (words: string[]) =>
    [...words]
      .sort((a, b) => b.length - a.length)
      .map((x) => wordSource(x, lang))
      .join('|');
  // A negation governs the word right after it, or one or two words on ("no es temporal", "nicht
  // mehr nötig"); where words run together, the characters right before it.
  const gap = spaced(lang) ? String.raw`(?:\s+[\p{L}\p{N}'’-]+){0,2}\s*$` : String.raw`\s?$`;
  const behind = spaced(lang) ? String.raw`^\s*(?:[\p{L}'’-]+\s+)?` : String.raw`^\s?\p{L}{0,4}?\s?`;
  r = {
    ...(w.negation.length ? { before: new RegExp(`(?:${alt(w.negation)})${gap}`, 'iu') } : {}),
    ...(w.negationAfter.length ? { after: new RegExp(`${behind}(?:${w.negationAfter.map(escape).join('|')})`, 'iu') } : {}),
    ...(w.question.length ? { question: new RegExp(alt(w.question), 'iu') } : {}),
  };
  doubtRegexes.set(lang, r);
  return r;
}

/** Is the word at text[index, index+length) negated or asked about, in `lang`'s way? A "do not
 * promote" word carries its own negation: only a question undoes it. */
function doubtAt(lang: Exclude<Language, 'en'>, kind: keyof Words, text: string, index: number, length: number): Doubt['how'] | undefined {
  // A Latin text may fit two languages (Spanish and Italian share "solo"): a negation or a question
  // in any of them is one.
  for (const other of candidates(text)) {
    if (other === lang) continue;
    const how = doubtOne(other, kind, text, index, length);
    if (how) return how;
  }
  return doubtOne(lang, kind, text, index, length);
}

function doubtOne(lang: Exclude<Language, 'en'>, kind: keyof Words, text: string, index: number, length: number): Doubt['how'] | undefined {
  const { before, after, asked } = clauseAround(text, index, length);
  const w = doubtWords(lang);
  if (asked || w.question?.test(before) || w.question?.test(after)) return 'asked';
  const word = text.slice(index, index + length);
  // "要不要", "是不是", "能不能": a word, 不, the same word again asks whether.
  if (lang === 'zh' && /^[不没]/u.test(word) && index > 0 && text[index - 1] === word[1]) return 'asked';
  if (kind === 'notPromote') return undefined;
  if (w.before?.test(before) || w.after?.test(after)) return 'negated';
  if (VERB_KINDS.has(kind) && VERB_SECOND.has(lang) && negatedRightAfter(lang, after)) return 'negated';
  return undefined;
}

// Where the finite verb stands second (the Nordic languages, German, Dutch), its negation follows it: "vi
// återställer inte", "vi tilbakestiller ikke", "wir behalten das nicht", "we houden het niet". Only a verb's
// kinds: after an adjective or an adverb the negation is the next word's ("tillfälligt inte aktiverad").
const VERB_SECOND = new Set<Language>(['sv', 'da', 'no', 'de', 'nl']);
const VERB_KINDS = new Set<keyof Words>(['back', 'keep', 'go', 'undo']);
const rightAfter = new Map<string, RegExp>();
function negatedRightAfter(lang: Exclude<Language, 'en'>, after: string): boolean {
  let re = rightAfter.get(lang);
  if (!re) {
    const words = TABLE[lang].negation.filter((x) => !x.includes(' ') && !x.includes('*'));
    rightAfter.set(lang, (re = new RegExp(String.raw`^\s+(?:${words.map(escape).join('|')})(?![\p{L}])`, 'iu')));
  }
  return re.test(after);
}

// English: a word negated right before it ("not temporary", "no longer a test"), or asked about.
// (… and across one or two words that qualify the thing negated: "not a staging experiment", "not
// just a quick hack", "isn't a one-off debugging workaround".)
const EN_NEGATION = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|never|no longer|nothing|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+(?:(?:a|an|so|really|just|meant as(?: a)?)\s+)?$|`,
  String.raw`(?<![\p{L}])(?:not|never|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+(?:(?:just|merely|meant as)\s+)?(?:a|an)\s+(?:[\p{L}\p{N}-]+\s+){1,2}$`,
);
const EN_QUESTION = /(?<![\p{L}])whether(?![\p{L}])/iu;

// A negation no read language uses for anything else, right before the word in any text whatever
// language it is taken for: "CAB status: noch nicht abgenommen" in an English note, "todavía no
// aprobado", "pas encore validé", "nog niet goedgekeurd", "ещё не одобрено". (Not the words another
// language writes for something else: "plus", "mai", "ne", "ni", "nem", a bare "no".)
const ANY_NEGATION = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:nicht|kein\p{L}*|niemals|nunca|jamais|pas|não|non|niet|geen|nooit|nie|nigdy|todavía no|aún no|ya no|`,
  String.raw`не|ни|нет|未|尚未|还没有?|还未|没有)(?:\s+[\p{L}'’-]+){0,2}\s*$`,
);

/** Is the phrase at text[index, index+length) — read by an English reader or a language's — said,
 * or negated or asked about in the clause it sits in, in English or a language read here? */
export function doubtIn(text: string, index: number, length: number): Doubt['how'] | undefined {
  const { before, after, asked } = clauseAround(text, index, length);
  if (asked || EN_QUESTION.test(before) || EN_QUESTION.test(after)) return 'asked';
  if (EN_NEGATION.test(before) || ANY_NEGATION.test(before)) return 'negated';
  const first = candidates(text)[0];
  return first ? doubtAt(first, 'temporary', text, index, length) : undefined;
}

// The mistake family's English core — the change called a mistake, an error, a slip, or made by one:
// "was a mistake", "were an oversight", "set in error", "by accident", "mistakenly", "unintended",
// "should not have been changed". The languages read add their table's words ("war ein Fehler", "fue
// un error", "était une erreur", "to był błąd", "было ошибкой", "間違いでした", "是个错误").
const MISTAKE_FAMILY = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:was|were|is|been)\s+(?:a|an)\s+(?:(?:honest|simple|clear|plain|genuine|copy-?paste)\s+)?mistake|`,
  String.raw`(?:was|were|been)\s+(?:a|an)\s+(?:error|oversight|slip)|by (?:mistake|accident)|in error|mistaken(?:ly)?|erroneous(?:ly)?|`,
  String.raw`accidental(?:ly)?|unintended|unintentional(?:ly)?|not intended|never intended|`,
  String.raw`should(?:n['’]t| not| never) have (?:been )?(?:changed|switched|set|done|made|merged|applied|touched))(?![\p{L}])`,
);
// A sentence that supposes rather than reports: "if it was set by mistake", "in case …", "whether …".
const SUPPOSES = /(?<![\p{L}])(?:if|in case|whether|unless)(?![\p{L}])[^.;!?\n]{0,80}$/iu;

/** The words of a text saying a change was a mistake, in English or a language read here — said, not
 * negated ("was not a mistake", "kein Fehler"), asked ("was it a mistake?") or supposed ("if it was
 * set by mistake"): the one reader of the mistake family, for every place a text lives. */
export function mistakeIn(text: string): string | undefined {
  const m = firstAccepted(MISTAKE_FAMILY, text, (x) => {
    if (doubtIn(text, x.index, x[0].length)) return false;
    const from = Math.max(0, x.index - 120);
    return !SUPPOSES.test(text.slice(from, x.index));
  });
  return m?.[0] ?? foreignSays(text, 'mistake')?.phrase;
}

/** The first match of `re` in the text that is said, not negated or asked about. */
export function saidMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  return firstAccepted(re, text, (m) => !doubtIn(text, m.index, m[0].length));
}

/** The first non-empty match of `re` in the text that `accept` takes, through its shared global
 * twin, whose lastIndex is left at 0 for the next reader. */
function firstAccepted(re: RegExp, text: string, accept: (m: RegExpExecArray) => boolean): RegExpExecArray | undefined {
  const all = globalOf(re);
  all.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = all.exec(text))) {
    if (m[0].length === 0) {
      all.lastIndex += 1;
      continue;
    }
    if (accept(m)) {
      all.lastIndex = 0;
      return m;
    }
  }
  return undefined;
}

/** The first word of `kind` in the text that is said, not negated or asked; the ones negated or
 * asked about go to `doubts`. */
function firstOf(
  lang: Exclude<Language, 'en'>,
  kind: keyof Words,
  text: string,
  doubts?: Doubt[],
  also: (m: RegExpExecArray) => boolean = () => true,
): RegExpExecArray | undefined {
  if (!mayHold(TABLE[lang][kind], text)) return undefined;
  const re = wordsRegex(lang, kind);
  if (!re) return undefined;
  return firstAccepted(re, text, (m) => {
    const how = doubtAt(lang, kind, text, m.index, m[0].length);
    if (how) doubts?.push({ phrase: m[0], how, sentence: sentenceAround(text, m.index), language: lang });
    return !how && also(m);
  });
}

/** The source of a pattern matching any table word of `kind`, in every language whose table has it
 * (read whatever language the text is taken for: a phrase of its own, as an English reader's is). */
export function wordsOfEveryTable(kind: 'awaited'): string {
  return (Object.keys(TABLE) as Array<Exclude<Language, 'en'>>).flatMap((lang) => (TABLE[lang][kind] ?? []).map((w) => wordSource(w, lang))).join('|');
}

/** The first word of `kind` in the text, in any language it may be written in, that is not a
 * condition for later (for done and approved). */
export function foreignWord(text: string, kind: 'done' | 'approved'): { language: Exclude<Language, 'en'>; phrase: string } | undefined {
  // "noch nicht erledigt", "czy zatwierdzone?": neither done nor approved.
  return firstMeant(text, kind);
}

/** The first word of `kind` in the text, in any candidate language, that is neither a condition
 * for later nor negated or asked about. */
function firstMeant(
  text: string,
  kind: 'done' | 'approved' | 'back' | 'mistake' | 'keep' | 'permanent' | 'everywhere',
): { language: Exclude<Language, 'en'>; phrase: string } | undefined {
  for (const lang of candidates(text)) {
    if (!mayHold(TABLE[lang][kind], text)) continue;
    const re = wordsRegex(lang, kind);
    if (!re) continue;
    const all = globalOf(re);
    // Shared and global: matchAll starts where the last user of it left off.
    all.lastIndex = 0;
    for (const m of text.matchAll(all)) {
      if (m[0].length === 0) continue;
      if (conditional(lang, text, m.index, m[0].length) || doubtAt(lang, kind, text, m.index, m[0].length)) continue;
      if ((kind === 'keep' || kind === 'permanent') && MOTIVE.test(text.slice(Math.max(0, m.index - 48), m.index))) continue;
      return { language: lang, phrase: m[0] };
    }
  }
  return undefined;
}
// A keep word right after "pour", "afin de", "um … zu", "para", "per", "om … te", "aby", "so as to" says what a
// change was for ("à la main pour « garder » les messages", "um die Mails in der Queue zu behalten", "para mantener
// los correos"): its motive then, not a decision since to keep the change.
const MOTIVE = /(?<![\p{L}])(?:pour|afin de|para|per|aby|in order to|so as to|(?:um|om)(?:\s{1,3}[\p{L}\p{N}_-]+){1,6}\s{1,3}(?:zu|te))\s{1,3}[«“"'(]?\s?$/iu;

/** A judgement a later text (a note, a document's passage, an annotation) makes, in any language
 * read here: the value goes back ("zurück auf 50", "回滚到 v2"), was a mistake ("por error",
 * "誤って"), is kept or written into the repository ("zostawiamy", "do repo", "保留"), is meant to
 * stay ("blijvend", "na stałe"), or holds in every environment ("in allen Umgebungen", "en todos los entornos"). Negated, asked about or set as a condition for later ("wenn …
 * zurück", "czy zostawiamy?"), it is not made. */
export const foreignSays = once(
  (text: string, kind: 'back' | 'mistake' | 'keep' | 'permanent' | 'everywhere') => keyOf(text, kind),
  (text: string, kind: 'back' | 'mistake' | 'keep' | 'permanent' | 'everywhere'): { language: Exclude<Language, 'en'>; phrase: string } | undefined =>
    firstMeant(text, kind),
);

/** Where the words of `kind` stand in the text, in the languages it may be written in, said or not: for a
 * reader that weighs what governs the word itself ("nicht als permanent genehmigt": a refusal, not a keep). */
export function foreignWordsAt(text: string, kind: 'permanent'): Array<{ phrase: string; index: number }> {
  const out: Array<{ phrase: string; index: number }> = [];
  for (const lang of candidates(text)) {
    if (!mayHold(TABLE[lang][kind], text)) continue;
    const re = wordsRegex(lang, kind);
    if (!re) continue;
    const all = globalOf(re);
    all.lastIndex = 0;
    for (const m of text.matchAll(all)) if (m[0].length > 0) out.push({ phrase: m[0], index: m.index });
  }
  return out;
}

/** A word of one of the families every language read here has — a gate another environment waits
 * for, a go, an undo, a due date's lead — in the text, in the languages `whole` (the text it stands
 * in) may be written in: said, not negated or asked about; a go or an undo also not set as a
 * condition for later ("wenn … wieder einschalten"). A gate carries its own condition word. */
export function foreignFamily(
  text: string,
  kind: 'gate' | 'go' | 'undo' | 'due' | 'remove',
  whole = text,
): { language: Exclude<Language, 'en'>; phrase: string; index: number } | undefined {
  for (const lang of candidates(whole)) {
    if (!mayHold(TABLE[lang][kind], text)) continue;
    const re = wordsRegex(lang, kind);
    if (!re) continue;
    const m = firstAccepted(
      re,
      text,
      // (A gate's negation is its own: "on ne passe pas avant la fin du gel" waits, as "pas avant" does.)
      (m) => {
        const how = doubtAt(lang, kind, text, m.index, m[0].length);
        if (how === 'asked' || (how && kind !== 'gate')) return false;
        // (An undo's "il faut", "hay que", "trzeba" is an instruction: its caller reads conditions.)
        return kind !== 'go' || !conditional(lang, text, m.index, m[0].length);
      },
    );
    if (m) return { language: lang, phrase: m[0], index: m.index };
  }
  return undefined;
}

/** The refused family of every language read, as one alternation of regex source (broken.ts reads it
 * beside its English words): whole words where the language spaces them. */
export function refusalSource(): string {
  const [open, close] = ['(?<![\\p{L}\\p{N}])', '(?![\\p{L}\\p{N}])'];
  const bare = (w: string, lang: Exclude<Language, 'en'>) => {
    const source = wordSource(w, lang);
    return source.startsWith(open) && source.endsWith(close) ? source.slice(open.length, -close.length) : source;
  };
  // One bounded group per language, not a bound per word: the pattern runs over every sentence read.
  return (Object.keys(TABLE) as Array<Exclude<Language, 'en'>>)
    .map((lang) => {
      const words = [...TABLE[lang].refused].sort((a, b) => b.length - a.length).map((w) => bare(w, lang));
      return spaced(lang) ? `${open}(?:${words.join('|')})${close}` : words.join('|');
    })
    .join('|');
}

/** Words saying an environment keeps its own value on purpose ("Prod bleibt bei 5", "En dev on garde
 * les comptes locaux", "本番は 2 台のまま", "ne pas aligner"), in any language read here, neither
 * negated nor asked ("bleibt es bei 5?", "そのままでいいか"). Unlike a decision to keep a hand edit, a
 * "must stay" is no condition for later: "la prod doit rester à 2" is said, not planned. The caller
 * asks it of a clause that names the environment, in the `whole` text. */
export function foreignStays(text: string, whole = text): { language: Exclude<Language, 'en'>; phrase: string } | undefined {
  // A clause is too short to tell its language by: the whole text it stands in tells.
  for (const lang of candidates(whole)) {
    const m = firstOf(lang, 'stays', text, undefined, (x) => !PURPOSE.test(text.slice(Math.max(0, x.index - 60), x.index)));
    if (m) return { language: lang, phrase: m[0] };
  }
  return undefined;
}
// A stays word in a purpose clause ("damit der Cache warm bleibt", "para que el edge se quede caliente",
// "pour que le cache reste chaud", "ώστε να μένει ζεστό", "perquè la memòria cau es mantingui") says what a
// measure is for, not that anything keeps its value.
const PURPOSE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:damit|para que|pour que|afin que|perché|affinché|zodat|så att|så at|żeby|ώστε|για να|perquè|per tal que|jotta)`,
  String.raw`(?![\p{L}])[^.;:!?\n,]{0,48}$`,
);

/** A staged rollout's next step in a language read: another environment named after a "then" word
 * ("erst Staging, dann Prod", "primeiro em staging … antes de levar pra prod", "まずステージング、その後
 * 本番", "先在预发，然后上生产"), or — where words run together — before one ("本番はその後"). `env` is
 * the regex source of the next environment's names. Not when a negation stands between ("dann auf
 * keinen Fall Prod", "然后不上生产") or the clause asks ("ob danach Prod"). */
export function foreignThen(text: string, env: string): string | undefined {
  for (const lang of candidates(text)) {
    if (!mayHold(TABLE[lang].then, text) && !mayHold(TABLE[lang].later, text)) continue;
    const compiled = thenRegexes(lang, env);
    // Most texts hold no "then" word at all: one test before the longer patterns.
    if (!compiled || !compiled.then.test(text)) continue;
    for (const all of compiled.forms) {
      all.lastIndex = 0;
      for (const m of text.matchAll(all)) {
        const w = doubtWords(lang);
        const { asked, before } = clauseAround(text, m.index, m[0].length);
        // (A negation word inside the later word itself — French "plus tard" — negates nothing.)
        const negated = compiled.negation?.test(m[0].replace(compiled.words, ' ')) ?? false;
        if (asked || w.question?.test(`${before}${m[0]}`) || negated || w.after?.test(text.slice(m.index + m[0].length))) continue;
        return m[0].trim();
      }
    }
  }
  return undefined;
}

/** This environment named as the one that goes first, in a language read: "erst Staging, dann Prod",
 * "zuerst auf Staging", "d'abord en staging", "primero en staging", "najpierw staging", "eerst
 * acceptatie", "Staging zuerst.", "先在预发" — a staged rollout whether or not the text names who
 * follows. `env` is the regex source of the environment's names. Not negated or asked ("nicht erst
 * Staging", "ob zuerst Staging"). */
export function foreignLeads(text: string, env: string): string | undefined {
  for (const lang of candidates(text)) {
    if (!mayHold(TABLE[lang].first, text)) continue;
    for (const m of text.matchAll(leadsRegex(lang, env))) {
      if (doubtAt(lang, 'first', text, m.index, m[0].length)) continue;
      return m[0].trim();
    }
  }
  return undefined;
}

// What may stand between a "first" word and the environment: a preposition and an article ("zuerst
// auf der Staging", "d'abord en staging", "primero en el staging", "najpierw na stagingu", "eerst op acc").
const LEAD_LINK = String.raw`(?:(?:auf|in|im|am|an|en|na|op|w|we|on|in|to|a|al|em|no|sur|dans|su|sul|nel|do|в|на)\s{1,3})?(?:(?:der|die|das|dem|den|le|la|l['’]|el|il|lo|o|a|de|het|the)\s{0,3})?`;
// … and what may follow "<environment> first": the sentence's end or a "then" ("Staging zuerst, dann Prod").
const LEAD_END = String.raw`(?=\s{0,3}(?:$|[.,;:!)\]—–-]))`;
const leadsCompiled = new Map<string, RegExp>();
function leadsRegex(lang: Exclude<Language, 'en'>, env: string): RegExp {
  const key = `${lang}\0${env}`;
  let re = leadsCompiled.get(key);
  if (!re) {
    const first = [...TABLE[lang].first]
      .sort((a, b) => b.length - a.length)
      .map((w) => wordSource(w, lang))
      .join('|');
    const forms = spaced(lang)
      ? [
          `(?:${first})\\s{1,3}${LEAD_LINK}(?<![\\p{L}\\p{N}])(?:${env})(?![\\p{L}\\p{N}])`,
          `(?<![\\p{L}\\p{N}])(?:${env})(?![\\p{L}\\p{N}])\\s{1,3}(?:${first})${LEAD_END}`,
        ]
      : [`(?:${first})\\s?(?:${env})`];
    leadsCompiled.set(key, (re = new RegExp(forms.join('|'), 'giu')));
  }
  return re;
}

const thenCompiled = new Map<string, { then: RegExp; words: RegExp; forms: RegExp[]; negation?: RegExp } | null>();
/** The "then" patterns of a language for one environment's names, compiled once. */
function thenRegexes(lang: Exclude<Language, 'en'>, env: string): { then: RegExp; words: RegExp; forms: RegExp[]; negation?: RegExp } | null {
  const key = `${lang}\0${env}`;
  let r = thenCompiled.get(key);
  if (r !== undefined) return r;
  const words = TABLE[lang].then;
  if (words.length === 0) r = null;
  else {
    const then = words.map((w) => wordSource(w, lang)).join('|');
    const name = spaced(lang) ? `(?<![\\p{L}\\p{N}])(?:${env})(?![\\p{L}\\p{N}])` : `(?:${env})`;
    const gap = String.raw`[^.;!?\n。！？]{0,40}?`;
    // "recette dans un second temps", "Prod kommt später": the name, at most three words of its
    // clause, and a word putting its step off to later.
    const later = (TABLE[lang].later ?? []).map((w) => wordSource(w, lang)).join('|');
    const forms = [
      `(?:${then})${gap}${name}`,
      ...(spaced(lang) ? [] : [`${name}[^.;!?\\n。！？]{0,6}?(?:${then})`]),
      ...(spaced(lang) && later ? [`${name}(?:\\s{1,3}[^\\s.,;:!?()]{1,20}){0,3}?\\s{1,3}(?:${later})(?![\\p{L}])`] : []),
    ];
    const negation = TABLE[lang].negation;
    r = {
      then: new RegExp(later ? `${then}|${later}` : then, 'iu'),
      words: new RegExp(later ? `${then}|${later}` : then, 'giu'),
      forms: forms.map((f) => new RegExp(f, 'giu')),
      ...(negation.length ? { negation: new RegExp(negation.map((x) => wordSource(x, lang)).join('|'), 'iu') } : {}),
    };
  }
  thenCompiled.set(key, r);
  return r;
}

const offCompiled = new Map<string, RegExp>();
/** A planned undo as "then/again … off" ("Blijft aan t/m week 46, daarna weer uit", "danach wieder aus",
 * "puis on le retire", "luego lo apagamos", "sonra kapatıyoruz", "その後オフに戻す", "然后关闭"): the
 * afterwards word, at most two words, the off word — none of them negated or asked. */
function plannedOff(lang: Exclude<Language, 'en'>, text: string): string | undefined {
  const words = TABLE[lang];
  if (!mayHold(words.off, text) || !mayHold(words.afterwards, text)) return undefined;
  let re = offCompiled.get(lang);
  if (re === undefined) {
    const alt = (list: string[]) =>
      [...list]
        .sort((a, b) => b.length - a.length)
        .map((w) => wordSource(w, lang))
        .join('|');
    const gap = spaced(lang) ? String.raw`(?:\s+[\p{L}'’-]+){0,2}?\s+` : String.raw`[^.;!?\n。！？、，,]{0,8}?`;
    re = new RegExp(`(?:${alt(words.afterwards)})(${gap})(?:${alt(words.off)})`, 'iu');
    offCompiled.set(lang, re);
  }
  const negation = wordsRegex(lang, 'negation');
  const m = firstAccepted(re, text, (x) => !doubtAt(lang, 'back', text, x.index, x[0].length) && !negation?.test(x[1] ?? ''));
  return m?.[0];
}

/** "first" in a language read: the environment changed leads ("zuerst", "primeiro", "まず", "先在"). */
export function foreignFirst(text: string): string | undefined {
  for (const lang of candidates(text)) {
    const m = firstOf(lang, 'first', text);
    if (m) return m[0];
  }
  return undefined;
}

// The global twin of a compiled pattern, kept with it (no key built from its source per call).
const globals = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
  return g;
}

// Compiled once per source: the readers run for every change of every key.
const cache = new Map<string, RegExp>();
function cached(source: string, flags = 'iu'): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) cache.set(key, (re = new RegExp(source, flags)));
  return re;
}

// What a text was read to say, kept per text: the verdict reads one commit's message for each key
// and environment it changed, and again for each reader. Bounded: cleared when full.
const MEMO_LIMIT = 4096;
function memo<R>(store: Map<string, R>, key: string, make: () => R): R {
  if (store.has(key)) return store.get(key) as R;
  if (store.size >= MEMO_LIMIT) store.clear();
  const r = make();
  store.set(key, r);
  return r;
}
const LANGUAGE_OF = new Map<string, { language: string; read: boolean } | undefined>();
const CANDIDATES = new Map<string, Array<Exclude<Language, 'en'>>>();
const READINGS = new Map<string, ForeignReading>();
const UNDERSTOOD = new Map<string, Understanding>();
const ENDS = new Map<string, ForeignEnd | undefined>();

const pad = (n: number) => String(n).padStart(2, '0');
function dayMonth(d: number, m: number, year: string | undefined, written: string): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  let y = year ? Number(year.length === 2 ? `20${year}` : year) : Number(written.slice(0, 4));
  if (!year && `${y}-${pad(m)}-${pad(d)}` < written.slice(0, 10)) y += 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}
function plusDays(written: string, days: number): string {
  const d = new Date(`${written.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Counts and units of a span, as each language writes them.
const NUMBERS: Record<string, number> = {
  ein: 1,
  eine: 1,
  einen: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  zehn: 10,
  vierzehn: 14,
  un: 1,
  una: 1,
  uno: 1,
  une: 1,
  um: 1,
  uma: 1,
  dos: 2,
  deux: 2,
  dois: 2,
  duas: 2,
  due: 2,
  tres: 3,
  trois: 3,
  três: 3,
  tre: 3,
  cuatro: 4,
  quatre: 4,
  quatro: 4,
  quattro: 4,
  cinco: 5,
  cinq: 5,
  cinque: 5,
  quince: 15,
  quinze: 15,
  quindici: 15,
  een: 1,
  één: 1,
  twee: 2,
  drie: 3,
  vijf: 5,
  jeden: 1,
  jedną: 1,
  jedna: 1,
  dwa: 2,
  dwie: 2,
  trzy: 3,
  cztery: 4,
  pięć: 5,
  один: 1,
  одну: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  bir: 1,
  iki: 2,
  üç: 3,
  dört: 4,
  beş: 5,
  on: 10,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  한: 1,
  두: 2,
  세: 3,
  네: 4,
};
const UNITS: Array<[RegExp, number]> = [
  [/^(?:tage?n?|d[ií]as?|jours?|dias?|giorn[oi]|dag(?:en)?|dni|dzień|dnia|день|дня|дней|gün|日間?|天|일)$/iu, 1],
  [/^(?:wochen?|semanas?|semaines?|settiman[ae]|weken|week|tygodni[ea]?|tydzień|недел[юиь]|hafta|週間?|周|星期|个星期|주(?:일)?|주간)$/iu, 7],
  [/^(?:monate?n?|mes(?:es)?|mois|mês|meses|mes[ei]|maand(?:en)?|miesi[ąę]c\p{L}*|месяц\p{L}*|ay|ヶ月|か月|カ月|ケ月|个月|개월|달)$/iu, 30],
];
const unitDays = (u: string) => UNITS.find(([re]) => re.test(u))?.[1];
const NUMBER_WORDS = Object.keys(NUMBERS);
const TR_UNITS = ['gün', 'hafta', 'ay'];
const countOf = (w: string) => (/^\d+$/.test(w) ? Number(w) : NUMBERS[w.toLowerCase()]);

/** An end the text gives in `lang`'s way: a date after an "until" word (or before one, where the
 * language puts it after), or a span from when the text was written. */
function foreignEnd(lang: Exclude<Language, 'en'>, text: string, written: string): ForeignEnd | undefined {
  return memo(ENDS, `${lang}\0${written}\0${text}`, () => foreignEndOnce(lang, text, written));
}

/** An end: its date, or (a sprint) the event it waits for; and the words that gave it. */
type ForeignEnd = { date: string; event?: undefined; phrase: string } | { date?: undefined; event: string; phrase: string };

// What may stand between an until word and the dated form it takes: an article, "the end of" ("bis
// Ende KW 46", "hasta finales del Q4", "t/m eind week 46", "do końca tygodnia 46").
const DATED_LEAD = sourceOf(
  String.raw`(?:(?:la|le|el|al|a|o|ao|à|il|alla|lo|de|del|della|do|da|der|die|dem|den|das|zum|zur|het|van|`,
  String.raw`ende|einde|eind|fin|fine|finales?|final|końca|koniec|конца|l['’])\s+){0,3}`,
);

/** An until word of `lang` with a dated form it takes: a week, a quarter, a weekday, a sprint
 * ("t/m week 46", "bis KW 46", "hasta el viernes", "do piątku", "Q4'e kadar", "金曜まで", "到周五"). */
function datedEnd(lang: Exclude<Language, 'en'>, t: string, written: string, before: string | undefined, after: string | undefined): ForeignEnd | undefined {
  const words = TABLE[lang];
  const tries: string[] = [];
  const bound = spaced(lang) ? String.raw`(?![\p{L}\p{N}])` : '';
  if (before && mayHold(words.until, t)) tries.push(`${before}${spaced(lang) ? DATED_LEAD : ''}(${DATED_FORM})${bound}`);
  if (after && mayHold(words.untilAfter, t)) tries.push(`${spaced(lang) ? String.raw`(?<![\p{L}\p{N}])` : ''}(${DATED_FORM})\\p{L}{0,4}?${after}`);
  for (const source of tries) {
    const m = cached(source).exec(t);
    const end = m ? datedForm(m[1]!, written) : undefined;
    if (m && end) return { ...end, phrase: m[0].trim() };
  }
  return undefined;
}

// A span's count and unit: "dwa tygodnie", "2 Wochen", "tres semanas".
const SPAN_COUNT = String.raw`(\d{1,3}|${Object.keys(NUMBERS).join('|')})`;
const SPAN_UNIT = String.raw`(\p{L}+)`;

/** The parts of `lang`'s end patterns made of its table's words alone: its until words before a
 * date and after one, its month names, and its lead of a span. foreignEndOnce is asked of every
 * text in every language it may be in (10,186 times on the bench's Helm corpus, each text once),
 * and sorted, escaped and joined them again for each: made once per language. */
interface EndWords {
  before: string | undefined;
  after: string | undefined;
  monthNames: string[];
  named: string | undefined;
  spanBefore: string | undefined;
  /** The going-back words, as source: one right before a day names when the value goes back ("επαναφορά 1/8"). */
  back: string | undefined;
}
const END_WORDS = new Map<Exclude<Language, 'en'>, EndWords>();
function endWords(lang: Exclude<Language, 'en'>): EndWords {
  let made = END_WORDS.get(lang);
  if (made) return made;
  const words = TABLE[lang];
  const before = words.until.length
    ? `(?:${[...words.until]
        .sort((a, b) => b.length - a.length)
        .map((w) => wordSource(w, lang))
        .join('|')})\\s*`
    : undefined;
  const after = words.untilAfter?.length ? `\\s*(?:${words.untilAfter.map((w) => escape(w).replace(/'/g, "['’]")).join('|')})` : undefined;
  const monthNames = words.months.map((w) => escape(w).replace(/\*$/, '\\p{L}*').replace(/\\\[/g, '[').replace(/\\\]/g, ']'));
  const named = monthNames.length ? `(\\d{1,2})\\.?\\s+(?:de\\s+)?(${monthNames.join('|')})(?:\\s+(?:de\\s+)?(\\d{4}))?` : undefined;
  const spanBefore = words.spanBefore?.length
    ? `(?:${[...words.spanBefore]
        .sort((a, b) => b.length - a.length)
        .map((w) => wordSource(w, lang))
        .join('|')})\\s+${SPAN_COUNT}\\s+${SPAN_UNIT}`
    : undefined;
  const back = words.back.length
    ? `(?:${[...words.back]
        .sort((a, b) => b.length - a.length)
        .map((w) => wordSource(w, lang))
        .join('|')})`
    : undefined;
  END_WORDS.set(lang, (made = Object.freeze({ before, after, monthNames, named, spanBefore, back })));
  return made;
}

function foreignEndOnce(lang: Exclude<Language, 'en'>, text: string, written: string): ForeignEnd | undefined {
  const words = TABLE[lang];
  const t = text.replace(/[ \t]+/g, ' ');
  // Day first in every language here but Japanese, Chinese and Korean, which write month first.
  const monthFirst = !spaced(lang);
  // (Not a range or a version going on: "do 2-3-4", "bis 1.12-3" — calendar.ts NOT_AMOUNT.)
  const numeric = String.raw`(\d{1,2})([./-])(\d{1,2})(?:[./-](\d{4}|\d{2}))?(\.?)(?![.\d])${NOT_AMOUNT}`;
  const cjkDate = String.raw`(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日号일]?`;
  const fromNumeric = (m: RegExpExecArray, first: boolean) =>
    first ? dayMonth(Number(m[2]), Number(m[1]), m[3], written) : dayMonth(Number(m[1]), Number(m[2]), m[3], written);
  // Day first. "do 2.4" is more often a version than the 2nd of April: a dotted date without a
  // year writes a two-digit month or ends with a dot ("20.11", "3.12.", "2.04").
  const dayFirst = (m: RegExpExecArray) =>
    m[2] === '.' && !m[4] && m[3]!.length < 2 && !m[5] ? undefined : dayMonth(Number(m[1]), Number(m[3]), m[4], written);
  const { before, after, monthNames, named, spanBefore, back } = endWords(lang);
  // Every date below holds a digit and every span a count: a text with neither ends nothing, and a
  // form whose words the text lacks (mayHold) is not built, so its pattern is not compiled for it.
  const digit = /\d/.test(t);
  if (!digit && !mayHold(NUMBER_WORDS, t)) return datedEnd(lang, t, written, before, after);
  const hasBefore = !!before && digit && mayHold(words.until, t);
  const hasAfter = !!after && digit && mayHold(words.untilAfter, t);
  const tries: Array<[string, (m: RegExpExecArray) => string | undefined]> = [];
  // An ISO date before the word ("2027-03-31-ig", "2027-03-31'e kadar") is read whole, never as a day-first date from its middle.
  if (hasAfter) tries.push([`(?<![\\d.-])(\\d{4})-(\\d{2})-(\\d{2})${after}`, (m) => dayMonth(Number(m[3]), Number(m[2]), m[1], written)]);
  // An ISO date after the word ("bis 2027-05-01", "hasta 2027-05-01", "tot 2027-05-01"): year first, whatever the language's order.
  if (hasBefore)
    tries.push([
      `${before}(?:(?:el|le|il|o|dia|dnia|den|zum)\\s+)?(?<![\\d.-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])`,
      (m) => dayMonth(Number(m[3]), Number(m[2]), m[1], written),
    ]);
  if (!monthFirst) {
    if (hasBefore) tries.push([`${before}(?:(?:el|le|il|o|dia|dnia|den)\\s+)?${numeric}`, dayFirst]);
    if (hasBefore && named)
      tries.push([
        `${before}(?:(?:el|le|il|o|dia|dnia|den)\\s+)?${named}(?![\\p{L}])`,
        (m) => dayMonth(Number(m[1]), monthNames.findIndex((n) => cached(`^(?:${n})$`).test(m[2]!)) + 1, m[3], written),
      ]);
    if (hasAfter) tries.push([`${numeric}${after}`, dayFirst]);
    // Going back on a day ("επαναφορά 1/8", "vuelta 1/8", "Rückbau 1/8/2030"): when the value goes back is its end,
    // as "back to block in W45" is in English. A day written with a slash only: "zurück auf 1.5" is a value.
    if (back && digit && mayHold(words.back, t))
      tries.push([
        `${back}\\s{1,3}(?:(?:on|am|le|el|il|o|dia|στις|την|τη|la)\\s{1,3})?(?<![\\d.-])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/.,])`,
        (m) => dayMonth(Number(m[1]), Number(m[2]), m[3], written),
      ]);
    if (hasAfter && named)
      tries.push([`${named}\\p{L}*${after}`, (m) => dayMonth(Number(m[1]), monthNames.findIndex((n) => cached(`^(?:${n})`).test(m[2]!)) + 1, m[3], written)]);
  } else {
    if (hasAfter) {
      tries.push([`${cjkDate}${after}`, (m) => dayMonth(Number(m[2]), Number(m[1]), undefined, written)]);
      tries.push([`(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?${after}`, (m) => fromNumeric(m, true)]);
    }
    if (hasBefore) {
      tries.push([`${before}${cjkDate}`, (m) => dayMonth(Number(m[2]), Number(m[1]), undefined, written)]);
      tries.push([`${before}(\\d{1,2})/(\\d{1,2})(?!\\d)`, (m) => fromNumeric(m, true)]);
    }
  }
  for (const [source, date] of tries) {
    const m = cached(source).exec(t);
    // Not an amount: "do 2-3 prób", "bis 10-12 ms", "hasta 2-3 intentos" (calendar.ts amountAfter).
    const d = m && !amountAfter(t, m.index + m[0].length) ? date(m) : undefined;
    if (m && d) return { date: d, phrase: m[0].trim() };
  }
  // A week, a quarter, a weekday or a sprint after the until word ("t/m week 46"): before a span,
  // which "46週目" (the 46th week) is not.
  const dated = datedEnd(lang, t, written, before, after);
  if (dated) return dated;
  // A span: "na dwa tygodnie", "por dos semanas", "2週間", "두 주 동안", "iki hafta boyunca".
  const count = SPAN_COUNT;
  const spans: string[] = [];
  if (spanBefore && mayHold(words.spanBefore, t)) spans.push(spanBefore);
  if (lang === 'tr' && mayHold(TR_UNITS, t))
    spans.push(`(?<![\\p{L}])${count}\\s+(gün|hafta|ay)(?:\\s+(?:boyunca|süreyle)|l[ıiuü]ğ[ıiuü]n[ae]|l[ıiuü]k)(?![\\p{L}])`);
  // (An ordinal is a week of the year, not a span: "第46周", "46週目", "46주차".)
  if (!spaced(lang))
    // (A day after its month is a date, not a span: "12월 1일".)
    spans.push(
      `(?<![第제\\d])(?<![月월]\\s?)${count}\\s?(週間|週|日間|ヶ月|か月|カ月|ケ月|个星期|星期|周|天|个月|주일|주|일|개월|달)(?![目차])(?!間?\\s?(?:前|전|ago))`,
    );
  for (const source of spans) {
    // Not a span that is the setting's own length ("przechowuj logi przez 30 dni", "日志保留14天": own-length.ts).
    // Nor one a conditional word governs ("wenn es für eine Woche stabil läuft", "si aguanta durante una
    // semana"): how long a check must hold before a next step, not how long the change lasts.
    const m = [...t.matchAll(globalOf(cached(source)))].find(
      (x) =>
        !ownLength(t, x.index, x.index + x[0].length) &&
        conditionAt(t.slice(Math.max(t.lastIndexOf('\n', x.index), t.lastIndexOf('. ', x.index)) + 1, x.index)) < 0,
    );
    if (!m) continue;
    const n = countOf(m[1]!);
    const days = unitDays(m[2]!);
    if (n && days) return { date: plusDays(written, n * days), phrase: m[0].trim() };
  }
  return undefined;
}

// The words that make what follows them in their clause a condition: "if", "once", "wenn", "si", "als".
// (German "als" after a comparative is "than": "länger als eine Woche" is a limit, not a condition; the
// Spanish and Italian "se" is too often a pronoun to count.)
const GOVERNING_IF =
  /^(?:if|once|when|provided|wenn|falls|sobald|solange|si|s['’]il|quand|lorsque|cuando|mientras|als|zodra|indien|wanneer|jeśli|jeżeli|gdy)$/iu;
const COMPARATIVE = /(?:er|mehr|weniger|meer|minder)$/iu;
export const CLAUSE_BREAK = /[,;:.!?\n—–(]/u;
/** Where a conditional word governs what ends `before` (the clause up to a span), its index: "if p99
 * holds", "wenn es", "si la latence reste stable", "si aguanta", "als het", "as long as the error rate
 * stays" — among the clause's last eight words; -1 where none does. */
export function conditionAt(before: string): number {
  const from = Math.max(...[...before.matchAll(new RegExp(CLAUSE_BREAK, 'gu'))].map((m) => m.index + 1), 0);
  const words = [...before.slice(from).matchAll(/\S+/gu)].slice(-8);
  for (const [i, w] of words.entries()) {
    const word = w[0].toLowerCase();
    const prior = words[i - 1]?.[0] ?? '';
    if (word === 'als' && COMPARATIVE.test(prior)) continue;
    if (GOVERNING_IF.test(word) || (word === 'as' && words[i + 1]?.[0] === 'long' && words[i + 2]?.[0] === 'as')) return from + w.index;
  }
  return -1;
}
/** An end a text gives in a language read here (a date after its "until" word, or a span from
 * `written`), for readDeadline after its English forms. */
export function foreignDeadline(text: string, written: string): string | undefined {
  for (const lang of candidates(text)) {
    const end = foreignEnd(lang, text, written);
    if (end?.date) return end.date;
  }
  return undefined;
}

// "everywhere except prod", "überall außer Prod", "partout sauf", "ovunque tranne", "todos menos": an
// exception right after an "everywhere" leaves one environment out.
const EXCEPT = new RegExp(
  sourceOf(
    String.raw`^[\s,:(–-]{0,3}(?:(?:but|except(?: for)?|apart from|other than|besides|excluding`,
    String.raw`|außer|ausser|excepto|salvo|menos|sauf|hormis|à part|exceto|fora|tranne|eccetto|behalve|oprócz|poza|z wyjątkiem|`,
    String.raw`кроме|hariç|除了|除|以外|を除|제외)(?![\p{L}])|\p{L}{0,12}\s?(?:以外|を除|제외|除外))`,
  ),
  'iu',
);
/** Does an exception follow the "everywhere" that ends at `end`? */
export function exceptAfter(text: string, end: number): boolean {
  return EXCEPT.test(text.slice(end, end + 40));
}

/** What a text written in one of the languages read here says about a change made to `env`:
 * its scope, its time limit and end, a plan to go back, a "do not promote". Empty for an English
 * text (intent.ts reads those) and for one in a language not read here. */
export function readForeign(text: string, env: EnvName, mentionsEnv: (text: string, env: EnvName) => boolean, written: string): ForeignReading {
  // The same message is read for every key and environment it changed: once is enough.
  return { ...memo(READINGS, `${env}\0${written}\0${text}`, () => readForeignOnce(text, env, mentionsEnv, written)) };
}

function readForeignOnce(text: string, env: EnvName, mentionsEnv: (text: string, env: EnvName) => boolean, written: string): ForeignReading {
  let merged: ForeignReading = {};
  for (const { lang, near, rest } of memo(FOREIGN_PARTS, `${written}\0${text}`, () => foreignParts(text, written))) {
    // "only" is about an environment when one is named close by: "tylko na staging", "ステージングのみ".
    const reading: ForeignReading = near !== undefined && (mentionsEnv(near, env) || mentionsForeign(near, env)) ? { only: near.trim(), ...rest } : { ...rest };
    // The first language read decides; another one fills only what it left unsaid.
    if (Object.keys(reading).length > 0) merged = { language: merged.language ?? lang, ...reading, ...merged };
  }
  return merged;
}

/** A text's reading in each language it may be in, apart from the environment it is read for: the
 * passage around its "only" (`near`, about the environment it names) and the rest. The same text is
 * read for every environment its commit changed: this part once (`readForeignOnce` adds the "only"). */
interface ForeignParts {
  lang: Exclude<Language, 'en'>;
  near?: string;
  rest: ForeignReading;
}
const FOREIGN_PARTS = new Map<string, ForeignParts[]>();

// The words around an "only", no further than its own sentence: "Endast stage! prod får inte …" keeps the
// change to stage, and the prod of the next sentence is no environment the "only" names.
const STOP_BEFORE = /[.!?。！？](?:\s|$)|\n/gu;
const STOP_AFTER = /[.](?:\s|$)|[!?。！？\n]/u;
function withinSentence(text: string, from: number, to: number, reach: number): string {
  const lead = text.slice(Math.max(0, from - reach), from);
  let cut = 0;
  for (const m of lead.matchAll(STOP_BEFORE)) cut = m.index + m[0].length;
  const tail = text.slice(to, to + reach);
  const stop = tail.search(STOP_AFTER);
  return lead.slice(cut) + text.slice(from, to) + (stop >= 0 ? tail.slice(0, stop) : tail);
}

function foreignParts(text: string, written: string): ForeignParts[] {
  const out: ForeignParts[] = [];
  for (const lang of candidates(text)) {
    const reading: ForeignReading = {};
    const doubts: Doubt[] = [];
    const only = firstOf(lang, 'only', text, doubts);
    const near = only ? withinSentence(text, only.index, only.index + only[0].length, 30) : undefined;
    const test = firstOf(lang, 'test', text, doubts);
    if (test) reading.test = test[0];
    const temporary = firstOf(lang, 'temporary', text, doubts);
    if (temporary) reading.temporary = temporary[0];
    // A put-back reported as done ("Pool wurde nach dem 20.11. wieder auf 600 gesetzt", "återställdes
    // till 600") is no plan to go back: its clause is in the past (tense.ts).
    const backAt = firstOf(lang, 'back', text, doubts);
    const back = (backAt && !reportedAt(text, backAt.index) ? backAt[0] : undefined) ?? plannedOff(lang, text);
    if (back) reading.back = back;
    const notPromote = firstOf(lang, 'notPromote', text, doubts);
    if (notPromote) reading.notPromote = notPromote[0];
    // "überall außer Prod", "em todos os ambientes exceto produção": every environment but one is not every one.
    const everywhere = firstOf(lang, 'everywhere', text, doubts);
    if (everywhere && !exceptAfter(text, everywhere.index + everywhere[0].length)) reading.everywhere = everywhere[0];
    // A value set "by mistake" is a slip the change corrects, as English "by mistake", "was a mistake"
    // are read (intent.ts TYPO): "av misstag", "ved en fejl", "versehentlich", "por error".
    const typo = firstOf(lang, 'typo', text, doubts) ?? firstOf(lang, 'mistake', text, doubts);
    if (typo) reading.typo = typo[0];
    const incident = firstOf(lang, 'incident', text, doubts);
    if (incident) reading.incident = incident[0];
    // "Dit is blijvend, niet tijdelijk": permanent, in so many words or as a time limit denied.
    const permanent =
      firstOf(lang, 'permanent', text, doubts)?.[0] ?? doubts.find((d) => d.how === 'negated' && wordsRegex(lang, 'temporary')?.test(d.phrase))?.sentence;
    if (permanent) reading.permanent = permanent;
    if (doubts.length) reading.doubts = doubts;
    const end = foreignEnd(lang, text, written);
    if (end) {
      if (end.date) reading.until = end.date;
      else reading.untilEvent = end.event;
      reading.untilPhrase = end.phrase;
    }
    out.push({ lang, ...(near !== undefined ? { near } : {}), rest: reading });
  }
  return out;
}

/** What the readers made of a text: the intents read (in English, from intent.ts's readers, or in
 * a language read here), its language, and whether it was understood. A text is understood when
 * some intent was read in it, or it is written in English or a Latin-script language read here so
 * that its silence is silence — and no sentence of it was left unread: one that asks about what it
 * names ("ob das temporär bleibt", "要不要上线", "かどうか") says neither yes nor no, and one in a
 * non-Latin script read here in which no word was read says something no reader read. `unread`
 * names those sentences, for the question a person answers. A text in a script or language not
 * read here (Arabic, Swedish) is not understood. */
export interface Understanding {
  understood: boolean;
  language?: string;
  kinds: IntentKind[];
  /** The words read, in the order the readers found them. */
  phrases: string[];
  /** The sentences no reader understood. */
  unread: string[];
}

export function understood(text: string, english: IntentKind[] = []): Understanding {
  const r = memo(UNDERSTOOD, `${english.join(',')}\0${text}`, () => understoodOnce(text, english));
  return { ...r, kinds: [...r.kinds], phrases: [...r.phrases], unread: [...r.unread] };
}

function understoodOnce(text: string, english: IntentKind[]): Understanding {
  const found = languageOf(text);
  const kinds = new Set<IntentKind>(english);
  const phrases: string[] = [];
  const doubts: Doubt[] = [];
  const KINDS: Array<[keyof Words, IntentKind]> = [
    ['only', 'only'],
    ['test', 'test'],
    ['temporary', 'temporary'],
    ['back', 'back'],
    ['done', 'done'],
    ['approved', 'approved'],
    ['notPromote', 'not-promote'],
    ['everywhere', 'everywhere'],
    ['typo', 'typo'],
    ['incident', 'incident'],
    ['permanent', 'permanent'],
    ['keep', 'keep'],
    ['stays', 'hold'],
    ['mistake', 'mistake'],
  ];
  for (const lang of found?.read === false ? [] : candidates(text)) {
    for (const [word, kind] of KINDS) {
      const m = firstOf(lang, word, text, doubts);
      if (!m) continue;
      kinds.add(kind);
      phrases.push(m[0]);
    }
    const off = kinds.has('back') ? undefined : plannedOff(lang, text);
    if (off) {
      kinds.add('back');
      phrases.push(off);
    }
    const end = foreignEnd(lang, text, '2000-01-01');
    if (end) {
      kinds.add('until');
      phrases.push(end.phrase);
    }
  }
  const language = found?.language;
  const nonLatin = !!language && NON_LATIN_READ.has(language);
  const unread = new Set(doubts.filter((d) => d.how === 'asked').map((d) => d.sentence));
  // A sentence in a language not read, inside a text taken for another ("Bump pool to 40. Bara i
  // staging tills vidare."): its own function words, two or more and more than English's, give it away.
  for (const sentence of sentencesOf(text)) if (unreadLanguageOf(sentence.text)) unread.add(sentence.text);
  // Silence in English or a Latin-script language read here is silence; anywhere else it is unread.
  const ok = unread.size === 0 && (kinds.size > 0 || (found?.read !== false && !nonLatin));
  // Nothing read at all: every sentence is unread.
  if (!ok && unread.size === 0) for (const sentence of sentencesOf(text)) unread.add(sentence.text);
  return { understood: ok, ...(language ? { language } : {}), kinds: [...kinds], phrases, unread: [...unread] };
}

const READABLE = new Map<string, string>();
/** The text the English readers may read: without the sentences written in a language not read here.
 * A sentence is left out when its own words name such a language ("Bara i staging tills vidare."), or
 * when the whole text is in one and the sentence is not itself English or a language read ("Ranker v2
 * till 100 % i prod" in a Swedish message: its "till" is "to", never "until"). Each sentence left out
 * keeps its line ends, so the clauses around it stay apart. */
export function readableText(text: string): string {
  return memo(READABLE, text, () => {
    const whole = languageOf(text);
    const foreign = whole?.read === false;
    let out = '';
    let at = 0;
    let dropped = false;
    for (const sentence of sentencesOf(text)) {
      const unread = foreign ? languageOf(sentence.text)?.read !== true : !!unreadLanguageOf(sentence.text);
      if (!unread) continue;
      dropped = true;
      out += text.slice(at, sentence.start) + text.slice(sentence.start, sentence.end).replace(/[^\n]+/g, '');
      at = sentence.end;
    }
    return dropped ? out + text.slice(at) : text;
  });
}

/** A text's sentences with where they start and end. */
function sentencesOf(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ text: text.slice(start, end).trim(), start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start).trim(), start, end: text.length });
  return out;
}
