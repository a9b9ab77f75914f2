// What a later text says HAPPENED, for the rules that weigh a condition, a plan or an open object
// against it: a ticket's state ("PSP-441 | Open (vendor ETA: January)", "INFRA-88 closed",
// "geschlossen", "完了"), a piece of work reported done or complete ("Status: complete (2026-11-20)"),
// an event that has taken place ("1 Dec: app.nuvo.example live in production", "released 1 Dec",
// "ist live", "en producción desde"), an end announced for a value ("will stop answering on 15
// December 2026", "EOL", "wird abgeschaltet am"), a plan moved to a later date ("cut-over moves to Q1
// 2027", "verschoben auf", "se pospone a"), a refusal ("Outcome: rejected", "abgelehnt", "却下"), and
// the steps a text leaves open after reporting the work done ("- [ ] remove the temporary grant").
//
// One reader per family, each a table of words in every language the readers read (English and
// languages.ts' fifteen), read in every place text lives — a sentence of prose, a line of a list, a
// row of a table, a status line, a commit's subject or body, an annotation — and never a statement
// that is negated, asked, set as a condition for later ("until PSP-441 is closed", "once it is
// live", "完了したら") or planned ("will go live on 1 Dec", "is to be closed"): those say what has not
// happened. Each answer carries the sentence it stands in, so a caller checks that the sentence names
// its ticket, key, value or object, and the date the text gives for it.
import type { Language } from './languages.js';
import { doubtIn } from './languages.js';
import { dateIn } from './calendar.js';
import { keyOf, once } from './once.js';
import { dateNamed } from './deadline.js';

/** A family's words per language. `*` ends a stem (any letters may follow). */
type Table = Record<Language, string[]>;

/** A ticket or a piece of work: still open, done (closed, resolved, complete), not to be done (won't
 * fix), or a proposal refused (rejected, declined). */
export type State = 'open' | 'done' | 'wontfix' | 'rejected';

const OPEN: Table = {
  en: [
    'open',
    'opened',
    're-?opened',
    'still open',
    'in progress',
    'ongoing',
    'pending',
    'blocked',
    'on hold',
    'unresolved',
    'outstanding',
    'not yet fixed',
    'not fixed yet',
    'to do',
    'backlog',
    'waiting for vendor',
    'waiting on vendor',
  ],
  de: ['offen', 'noch offen', 'in bearbeitung', 'ungelöst', 'blockiert', 'wartend', 'noch nicht behoben', 'noch nicht erledigt'],
  es: ['abierto', 'abierta', 'en curso', 'en progreso', 'pendiente', 'sin resolver', 'todavía abierto', 'aún abierto'],
  fr: ['ouvert', 'ouverte', 'en cours', 'en attente', 'non résolu', 'non résolue', 'toujours ouvert'],
  pt: ['aberto', 'aberta', 'em aberto', 'em andamento', 'pendente', 'não resolvido'],
  it: ['aperto', 'aperta', 'in corso', 'in attesa', 'irrisolto', 'non risolto'],
  nl: ['open', 'nog open', 'in behandeling', 'lopend', 'niet opgelost'],
  sv: ['öppen', 'öppet', 'pågår', 'pågående', 'blockerad', 'ej löst', 'inte löst', 'inte åtgärdad'],
  da: ['åben', 'åpen', 'i gang', 'pågår', 'blokeret', 'blokkert', 'ikke løst'],
  no: ['åben', 'åpen', 'i gang', 'pågår', 'blokeret', 'blokkert', 'ikke løst'],
  pl: ['otwarte', 'otwarty', 'otwarta', 'w toku', 'w trakcie', 'nierozwiązane', 'nierozwiązany'],
  cs: ['otevřen*', 'otevren*', 'rozpracováno', 'rozpracovano', 'v řešení', 'v reseni', 'blokováno', 'blokovano', 'nevyřešeno', 'nevyreseno'],
  ro: ['deschis', 'deschisă', 'în lucru', 'în curs', 'blocat', 'blocată', 'nerezolvat', 'nerezolvată'],
  ru: ['открыт*', 'в работе', 'не решен*', 'не решён*', 'не закрыт*'],
  el: ['ανοιχτό', 'ανοικτό', 'σε εξέλιξη', 'εκκρεμεί', 'εκκρεμές', 'δεν έκλεισε', 'σε αναμονή', 'μπλοκαρισμένο'],
  uk: ['відкрит*', 'в роботі', 'у роботі', 'не вирішен*', 'не закрит*'],
  tr: ['açık', 'devam ediyor', 'beklemede', 'çözülmedi'],
  hu: ['nyitott', 'folyamatban', 'függőben', 'megoldatlan', 'még nyitott'],
  fi: ['avoin', 'avoinna', 'kesken', 'työn alla', 'estetty', 'ratkaisematta', 'yhä auki', 'auki'],
  ca: ['obert', 'oberta', 'en curs', 'pendent', 'bloquejat', 'bloquejada', 'sense resoldre'],
  ja: ['未対応', '対応中', '未解決', '未完了', 'オープン', '進行中'],
  zh: ['未解决', '处理中', '进行中', '未关闭', '未完成', '待处理'],
  ko: ['열림', '진행 중', '진행중', '미해결', '처리 중', '미완료'],
  vi: ['đang mở', 'đang xử lý', 'chưa xử lý', 'chưa xong', 'chưa giải quyết', 'chưa sửa', 'mở lại', 'dang mo', 'chua xong'],
  id: ['terbuka', 'masih terbuka', 'sedang dikerjakan', 'belum selesai', 'belum ditutup', 'dibuka kembali'],
};

const DONE: Table = {
  en: ['closed', 'resolved', 'done', 'fixed', 'complete', 'completed', 'finished', 'solved', 'delivered', 'merged'],
  de: ['geschlossen', 'erledigt', 'behoben', 'gelöst', 'abgeschlossen', 'fertig', 'umgesetzt'],
  es: ['cerrado', 'cerrada', 'resuelto', 'resuelta', 'terminado', 'terminada', 'completado', 'completada', 'solucionado', 'finalizado'],
  fr: ['fermé', 'fermée', 'résolu', 'résolue', 'terminé', 'terminée', 'clos', 'clôturé', 'clôturée', 'corrigé', 'corrigée', 'fait'],
  pt: ['fechado', 'fechada', 'resolvido', 'resolvida', 'concluído', 'concluída', 'terminado', 'corrigido', 'feito', 'finalizado'],
  it: ['chiuso', 'chiusa', 'risolto', 'risolta', 'completato', 'completata', 'terminato', 'corretto'],
  nl: ['gesloten', 'opgelost', 'afgerond', 'klaar', 'voltooid', 'gedaan'],
  sv: ['stängd', 'stängt', 'löst', 'klar', 'klart', 'åtgärdad', 'åtgärdat', 'färdig', 'avslutad', 'avslutat'],
  da: ['lukket', 'løst', 'færdig', 'ferdig', 'afsluttet', 'avsluttet', 'rettet', 'udført', 'utført'],
  no: ['lukket', 'løst', 'færdig', 'ferdig', 'afsluttet', 'avsluttet', 'rettet', 'udført', 'utført'],
  pl: ['zamknięt*', 'rozwiązan*', 'zakończon*', 'gotowe', 'naprawion*', 'zrobione'],
  cs: ['uzavřeno', 'uzavreno', 'uzavřen', 'uzavřena', 'zavřeno', 'zavreno', 'vyřešeno', 'vyreseno', 'hotovo', 'dokončeno', 'dokonceno', 'opraveno'],
  ro: ['închis', 'închisă', 'rezolvat', 'rezolvată', 'finalizat', 'finalizată', 'terminat', 'terminată', 'gata', 'reparat', 'reparată'],
  ru: ['закрыт*', 'решен*', 'решён*', 'выполнен*', 'исправлен*', 'завершен*', 'завершён*', 'готово'],
  el: ['έκλεισε', 'κλειστό', 'ολοκληρώθηκε', 'ολοκληρωμένο', 'επιλύθηκε', 'διορθώθηκε', 'ολοκληρώθηκαν', 'τελείωσε'],
  uk: ['закрит*', 'вирішен*', 'виконан*', 'виправлен*', 'завершен*', 'готово'],
  tr: ['kapandı', 'kapatıldı', 'çözüldü', 'tamamlandı', 'bitti', 'düzeltildi'],
  hu: ['lezárva', 'lezárt', 'lezárult', 'megoldva', 'befejezve', 'befejeződött', 'javítva', 'elkészült', 'teljesítve'],
  fi: ['suljettu', 'ratkaistu', 'valmis', 'korjattu', 'tehty', 'päättynyt', 'päättyi', 'valmistui'],
  ca: ['tancat', 'tancada', 'resolt', 'resolta', 'acabat', 'acabada', 'completat', 'completada', 'corregit', 'corregida', 'fet'],
  ja: ['完了', '解決済み', '解決済', '対応済み', '対応済', '修正済み', 'クローズ', '解決しました'],
  zh: ['已关闭', '已解决', '已完成', '已修复', '完成', '关闭'],
  ko: ['완료', '해결됨', '해결', '종료됨', '닫힘', '수정됨'],
  vi: ['đã đóng', 'đã xong', 'đã sửa', 'đã giải quyết', 'đã khắc phục', 'hoàn thành', 'đã hoàn thành', 'da dong', 'da xong', 'hoan thanh'],
  id: ['ditutup', 'sudah ditutup', 'selesai', 'sudah selesai', 'telah selesai', 'diperbaiki', 'teratasi', 'tuntas'],
};

const WONTFIX: Table = {
  en: ["won't fix", 'wontfix', 'will not fix', 'not planned', "won't do", 'will not be fixed', 'works as intended'],
  de: ['wird nicht behoben', 'wird nicht umgesetzt', 'nicht geplant'],
  es: ['no se corregirá', 'no se arreglará', 'no se hará', 'no planificado'],
  fr: ['ne sera pas corrigé', 'ne sera pas corrigée', 'ne sera pas fait', 'non prévu'],
  pt: ['não será corrigido', 'não será feito', 'não planejado'],
  it: ['non verrà corretto', 'non sarà corretto', 'non pianificato'],
  nl: ['wordt niet opgelost', 'niet gepland'],
  sv: ['kommer inte att åtgärdas', 'åtgärdas inte', 'inte planerad'],
  da: ['løses ikke', 'vil ikke blive løst', 'ikke planlagt'],
  no: ['løses ikke', 'vil ikke blive løst', 'ikke planlagt'],
  pl: ['nie zostanie naprawion*', 'nie planowan*'],
  cs: ['nebude opraveno', 'nebude řešeno', 'nebude reseno'],
  ro: ['nu se va rezolva', 'nu va fi rezolvat', 'neplanificat'],
  ru: ['не будет исправлен*', 'не планируется'],
  el: ['δεν θα διορθωθεί', 'δεν προγραμματίζεται', 'δεν θα γίνει', 'δεν θα υλοποιηθεί'],
  uk: ['не буде виправлен*', 'не плануєтьс*'],
  tr: ['düzeltilmeyecek', 'planlanmadı'],
  hu: ['nem javítjuk', 'nem lesz javítva', 'nem tervezett'],
  fi: ['ei korjata', 'ei tehdä', 'ei toteuteta', 'ei suunniteltu'],
  ca: ['no es farà', 'no es corregirà', 'no es resoldrà', 'no planificat'],
  ja: ['対応しない', '修正しない', '対応予定なし'],
  zh: ['不修复', '不予修复', '不处理'],
  ko: ['수정 안 함', '수정하지 않음', '처리 안 함'],
  vi: ['sẽ không sửa', 'không sửa', 'không xử lý'],
  id: ['tidak akan diperbaiki', 'tidak diperbaiki'],
};

const REJECTED: Table = {
  en: ['rejected', 'declined', 'turned down', 'vetoed', 'not approved', 'disapproved'],
  de: ['abgelehnt', 'verworfen', 'nicht genehmigt', 'nicht freigegeben', 'zurückgewiesen'],
  es: ['rechazado', 'rechazada', 'denegado', 'denegada', 'no aprobado', 'no aprobada', 'desestimado'],
  fr: ['refusé', 'refusée', 'rejeté', 'rejetée', 'non approuvé', 'non approuvée', 'non validé'],
  pt: ['rejeitado', 'rejeitada', 'recusado', 'recusada', 'negado', 'negada', 'não aprovado'],
  it: ['respinto', 'respinta', 'rifiutato', 'rifiutata', 'non approvato', 'bocciato'],
  nl: ['afgewezen', 'geweigerd', 'niet goedgekeurd'],
  sv: ['avslagen', 'avslaget', 'avvisad', 'avvisat', 'inte godkänd', 'inte godkänt'],
  da: ['afvist', 'avvist', 'afslået', 'avslått', 'ikke godkendt', 'ikke godkjent'],
  no: ['afvist', 'avvist', 'afslået', 'avslått', 'ikke godkendt', 'ikke godkjent'],
  pl: ['odrzucon*', 'niezatwierdzon*', 'nie zatwierdzon*'],
  cs: ['zamítnuto', 'zamitnuto', 'zamítnut*', 'neschváleno', 'neschvaleno'],
  ro: ['respins', 'respinsă', 'neaprobat', 'neaprobată', 'nu a fost aprobat'],
  ru: ['отклонен*', 'отклонён*', 'отказано', 'не одобрен*'],
  el: ['απορρίφθηκε', 'δεν εγκρίθηκε', 'απορρίφθηκαν'],
  uk: ['відхилен*', 'відмовлено', 'не схвален*'],
  tr: ['reddedildi', 'onaylanmadı'],
  hu: ['elutasítva', 'elutasították', 'nem hagyták jóvá'],
  fi: ['hylätty', 'hylättiin', 'ei hyväksytty'],
  ca: ['rebutjat', 'rebutjada', 'denegat', 'denegada', 'no aprovat'],
  ja: ['却下', '不採用', '否決', '承認されませんでした'],
  zh: ['驳回', '拒绝', '否决', '未通过', '不通过'],
  ko: ['반려', '거절', '기각', '승인되지 않음'],
  vi: ['bị từ chối', 'từ chối', 'không được duyệt', 'không duyệt'],
  id: ['ditolak', 'tidak disetujui'],
};

// An event that has taken place: the thing is live, released, launched, rolled out, in production since.
const HAPPENED: Table = {
  en: [
    'live in production',
    'live in prod',
    'live on production',
    'is live',
    'are live',
    'now live',
    'went live',
    'gone live',
    'has gone live',
    'go-live done',
    'launched',
    'released',
    'shipped',
    'rolled out',
    'deployed to production',
    'deployed to prod',
    'in production since',
    'ga since',
    'generally available since',
    'ga as of',
    'live since',
    'switched over',
    'cut over',
  ],
  de: [
    'ist live',
    'sind live',
    'live gegangen',
    'ging live',
    'live geschaltet',
    'freigeschaltet',
    'veröffentlicht',
    'ausgerollt',
    'in produktion seit',
    'produktiv seit',
    'seit * live',
  ],
  es: [
    'en producción desde',
    'salió a producción',
    'pasó a producción',
    'ya está en producción',
    'está en producción',
    'lanzado',
    'lanzada',
    'publicado',
    'publicada',
    'desplegado en producción',
  ],
  fr: [
    'en production depuis',
    'mis en production',
    'mise en production effectuée',
    'déployé en production',
    'est en production',
    'lancé',
    'lancée',
    'publié',
    'publiée',
    'est en ligne',
  ],
  pt: ['em produção desde', 'entrou em produção', 'está em produção', 'no ar', 'lançado', 'lançada', 'publicado', 'publicada', 'implantado em produção'],
  it: ['in produzione dal', 'in produzione da', 'andato in produzione', 'è in produzione', 'è live', 'rilasciato', 'rilasciata', 'pubblicato', 'pubblicata'],
  nl: ['live sinds', 'live gegaan', 'is live', 'uitgerold', 'in productie sinds', 'gelanceerd', 'vrijgegeven'],
  sv: ['live sedan', 'gick live', 'är live', 'i produktion sedan', 'lanserad', 'lanserat', 'utrullad', 'utrullat', 'driftsatt'],
  da: ['live siden', 'gik live', 'gikk live', 'er live', 'i produktion siden', 'i produksjon siden', 'lanceret', 'lansert', 'udrullet', 'utrullet'],
  no: ['live siden', 'gik live', 'gikk live', 'er live', 'i produktion siden', 'i produksjon siden', 'lanceret', 'lansert', 'udrullet', 'utrullet'],
  pl: ['wdrożon*', 'uruchomion*', 'na produkcji od', 'opublikowan*', 'działa na produkcji'],
  cs: ['vydáno', 'vydano', 'vydána', 'nasazeno', 'nasazena', 'spuštěno', 'spusteno', 'v produkci od', 'běží v produkci'],
  ro: ['lansat', 'lansată', 'în producție din', 'live din', 'a intrat live', 'activat în producție'],
  ru: ['запущен*', 'выпущен*', 'в продакшене с', 'развернут*', 'развёрнут*', 'выкачен*'],
  el: ['σε παραγωγή από', 'κυκλοφόρησε', 'ενεργοποιήθηκε στην παραγωγή', 'βγήκε live', 'τέθηκε σε λειτουργία'],
  uk: ['запущен*', 'випущен*', 'у продакшені з', 'в продакшені з', 'розгорнут*', 'викочен*'],
  tr: ['yayında', 'yayına alındı', 'canlıya alındı', 'yayınlandı', 'devreye alındı', 'canlıda'],
  hu: ['élesítve', 'élesben van', 'élesbe került', 'kiadva', 'élesítettük'],
  fi: ['julkaistu', 'tuotannossa alkaen', 'otettu käyttöön'],
  ca: ['publicat', 'publicada', 'en producció des de', 'desplegat a producció'],
  ja: ['リリース済み', 'リリースしました', 'リリースされました', '本番稼働', '本番反映済み', '公開しました', '公開済み', '稼働開始', 'リリース済'],
  zh: ['已上线', '上线了', '已发布', '已经上线', '正式上线', '已经发布'],
  ko: ['출시됨', '출시했', '배포 완료', '오픈했', '출시되었', '릴리스됨'],
  vi: ['đã triển khai', 'đã lên prod*', 'đã phát hành', 'đã release'],
  id: ['sudah dirilis', 'telah dirilis', 'sudah di-deploy', 'sudah dideploy', 'sudah naik ke prod*'],
};

// An end announced for a value or a service: shut down, retired, end of life, deprecated.
const SUNSET: Table = {
  en: [
    'will stop answering',
    'will stop working',
    'will stop responding',
    'will stop accepting',
    'will stop serving',
    'stops answering',
    'stops working',
    'stops responding',
    'stopped answering',
    'will be shut down',
    'will be switched off',
    'will be turned off',
    'will be decommissioned',
    'will be retired',
    'will be removed',
    'will be discontinued',
    'shut down on',
    'shuts down on',
    'decommissioned on',
    'retired on',
    'retires on',
    'removed on',
    'sunset',
    'sunsets',
    'sunsetted',
    'sunsetting',
    'end of life',
    'end-of-life',
    'end of support',
    'eol',
    'deprecated',
    'discontinued',
    'no longer available after',
    'no longer supported after',
    'no longer available from',
    'no longer supported from',
  ],
  de: [
    'wird abgeschaltet',
    'abgeschaltet am',
    'abgeschaltet',
    'abschaltung',
    'wird eingestellt',
    'eingestellt am',
    'außer betrieb',
    'nicht mehr unterstützt',
    'abgekündigt',
    'veraltet',
  ],
  es: [
    'dejará de funcionar',
    'dejará de responder',
    'se apagará',
    'será dado de baja',
    'será retirado',
    'fin de vida',
    'fin de soporte',
    'obsoleto',
    'descontinuado',
    'deja de responder',
  ],
  fr: [
    'sera arrêté',
    'sera arrêtée',
    'arrêt du service',
    'fin de vie',
    'fin de support',
    'ne répondra plus',
    'sera décommissionné',
    'sera supprimé',
    'obsolète',
    'décommissionné',
  ],
  pt: ['será desligado', 'será desativado', 'deixará de funcionar', 'deixará de responder', 'fim de vida', 'fim do suporte', 'descontinuad*', 'obsoleto'],
  it: ['sarà dismesso', 'sarà spento', 'dismissione', 'fine vita', 'fine del supporto', 'non risponderà più', 'deprecato', 'dismesso'],
  nl: ['wordt uitgezet', 'wordt uitgefaseerd', 'uitgefaseerd', 'einde levensduur', 'stopt met', 'niet meer beschikbaar', 'verouderd'],
  sv: ['kommer att stängas av', 'stängs av', 'fasas ut', 'utfasad', 'slutar fungera', 'inte längre tillgänglig', 'föråldrad'],
  da: ['lukkes ned', 'udfases', 'fases ut', 'udfaset', 'utfaset', 'ikke længere tilgængelig', 'ikke lenger tilgjengelig', 'forældet', 'utdatert'],
  no: ['lukkes ned', 'udfases', 'fases ut', 'udfaset', 'utfaset', 'ikke længere tilgængelig', 'ikke lenger tilgjengelig', 'forældet', 'utdatert'],
  pl: ['zostanie wyłączon*', 'wycofan*', 'koniec wsparcia', 'przestanie działać', 'wygaszon*'],
  cs: ['bude vypnut*', 'bude odstaven*', 'konec podpory', 'přestane fungovat', 'prestane fungovat'],
  ro: ['va fi oprit', 'va fi oprită', 'scos din uz', 'scoasă din uz', 'nu mai funcționează', 'depreciat', 'depreciată'],
  ru: ['будет отключ*', 'прекратит работу', 'вывод из эксплуатации', 'устарел*', 'будет выведен*', 'конец поддержки'],
  el: ['θα απενεργοποιηθεί', 'θα αποσυρθεί', 'τέλος υποστήριξης', 'καταργείται', 'θα καταργηθεί', 'θα σταματήσει να λειτουργεί', 'αποσύρεται'],
  uk: ['буде вимкнен*', 'припинить роботу', 'виведення з експлуатації', 'застаріл*', 'буде виведен*', 'кінець підтримки'],
  tr: ['kapatılacak', 'kullanımdan kaldırıl*', 'desteği sona erecek', 'hizmet dışı'],
  hu: ['kivezetésre kerül', 'megszűnik', 'leállításra kerül', 'támogatása megszűnik'],
  fi: ['poistetaan käytöstä', 'lakkaa toimimasta', 'ajetaan alas'],
  ca: ['es donarà de baixa', 'deixarà de funcionar', 'es retirarà'],
  ja: ['提供終了', 'サポート終了', '停止予定', '廃止', '終了予定', '提供を終了'],
  zh: ['停止服务', '下线', '停用', '弃用', '终止支持', '停止支持'],
  ko: ['서비스 종료', '지원 종료', '종료 예정', '중단 예정', '폐기'],
  vi: ['ngừng hỗ trợ', 'ngừng hoạt động', 'sẽ ngừng', 'sẽ bị gỡ bỏ'],
  id: ['tidak didukung lagi', 'akan dihentikan', 'dihentikan'],
};

// A plan moved to a later date. The first words need a date or a period after them ("moves to Q1
// 2027", not "moves to the new cluster"); the second are a replanning by themselves ("postponed").
const MOVED_TO: Table = {
  en: [
    'moves to',
    'moved to',
    'pushed to',
    'pushed back to',
    'pushed out to',
    'slips to',
    'slipped to',
    'now planned for',
    'new date',
    'new target date',
    'rescheduled to',
    'rescheduled for',
  ],
  de: ['verlegt auf', 'verschiebt sich auf', 'neuer termin', 'jetzt geplant für', 'rutscht auf', 'rutscht in'],
  es: ['se mueve a', 'pasa a', 'nueva fecha', 'ahora previsto para'],
  fr: ['passe à', 'passe en', 'glisse à', 'glisse en', 'nouvelle date', 'désormais prévu'],
  pt: ['passa para', 'nova data', 'agora previsto para'],
  it: ['spostato a', 'spostata a', 'slitta a', 'nuova data', 'ora previsto per'],
  nl: ['verschoven naar', 'verplaatst naar', 'nieuwe datum'],
  sv: ['flyttad till', 'flyttas till', 'nytt datum'],
  da: ['flyttet til', 'ny dato'],
  no: ['flyttet til', 'ny dato'],
  pl: ['nowy termin', 'przeniesion* na'],
  cs: ['nový termín', 'novy termin', 'přesunuto na', 'presunuto na', 'odloženo na', 'odlozeno na'],
  ro: ['mutat pe', 'mutată pe', 'amânat până la', 'amânată până la', 'noul termen', 'termen nou'],
  ru: ['новый срок', 'перенос на'],
  el: ['νέα ημερομηνία', 'μεταφέρεται στις', 'μετατίθεται για', 'μετατέθηκε για'],
  uk: ['новий термін', 'перенесення на'],
  tr: ['yeni tarih', 'kaydırıldı'],
  hu: ['új dátum', 'átütemezve'],
  fi: ['uusi päivämäärä', 'siirretty päivään'],
  ca: ['nova data', 'ajornat fins al', 'passa al'],
  ja: ['に変更', 'へ変更', 'にずれ込'],
  zh: ['改到', '改为', '顺延到', '挪到'],
  ko: ['로 변경', '으로 변경', '로 미뤄'],
  vi: ['dời sang', 'chuyển sang ngày', 'lùi sang'],
  id: ['diundur ke', 'dipindah ke tanggal'],
};
const POSTPONED: Table = {
  en: ['postponed', 'postpone', 'delayed until', 'delayed to', 'deferred', 'replanned', 're-planned', 'rescheduled'],
  de: ['verschoben', 'vertagt', 'verzögert sich'],
  es: ['se pospone', 'pospuesto', 'pospuesta', 'aplazado', 'aplazada', 'se aplaza', 'reprogramado', 'reprogramada', 'se retrasa'],
  fr: ['reporté', 'reportée', 'décalé', 'décalée', 'repoussé', 'repoussée', 'reprogrammé', 'reprogrammée'],
  pt: ['adiado', 'adiada', 'remarcado', 'remarcada', 'postergado'],
  it: ['rinviato', 'rinviata', 'posticipato', 'posticipata', 'rimandato', 'rimandata'],
  nl: ['uitgesteld', 'verschoven'],
  sv: ['uppskjuten', 'uppskjutet', 'framflyttad', 'framflyttat'],
  da: ['udskudt', 'utsatt'],
  no: ['udskudt', 'utsatt'],
  pl: ['przesunięt*', 'przełożon*', 'odłożon*'],
  cs: ['odloženo', 'odlozeno', 'přeloženo', 'prelozeno'],
  ro: ['amânat', 'amânată', 'reprogramat', 'reprogramată'],
  ru: ['перенесен*', 'перенесён*', 'отложен*'],
  el: ['αναβλήθηκε', 'αναβάλλεται', 'μετατέθηκε'],
  uk: ['перенесен*', 'відкладен*'],
  tr: ['ertelendi', 'ertelen*'],
  hu: ['elhalasztva', 'elhalaszt*', 'későbbre tolva'],
  fi: ['lykätty', 'lykättiin', 'siirretty myöhemmäksi'],
  ca: ['ajornat', 'ajornada', 'posposat', 'posposada'],
  ja: ['延期', '後ろ倒し', '再計画'],
  zh: ['推迟', '延期', '顺延'],
  ko: ['연기', '미뤄졌', '미뤄짐'],
  vi: ['hoãn', 'bị hoãn', 'tạm hoãn', 'lùi lại'],
  id: ['ditunda', 'diundur'],
};

// A step still to do, beside a list item: "TODO", "open", "pending", "offen", "pendiente", "à faire".
const TO_DO: Table = {
  en: ['todo', 'to do', 'to-do', 'not done', 'not yet done', 'pending', 'open', 'outstanding', 'still to do'],
  de: ['offen', 'noch offen', 'zu erledigen', 'ausstehend', 'noch nicht erledigt'],
  es: ['pendiente', 'por hacer', 'sin hacer'],
  fr: ['à faire', 'en attente', 'reste à faire'],
  pt: ['pendente', 'a fazer', 'por fazer'],
  it: ['da fare', 'in sospeso'],
  nl: ['nog te doen', 'open', 'openstaand'],
  sv: ['att göra', 'kvar att göra', 'öppen'],
  da: ['mangler', 'at gøre', 'å gjøre', 'åben', 'åpen'],
  no: ['mangler', 'at gøre', 'å gjøre', 'åben', 'åpen'],
  pl: ['do zrobienia', 'otwarte'],
  cs: ['zbývá udělat', 'k udělání', 'otevřené'],
  ro: ['de făcut', 'rămas de făcut', 'deschis'],
  ru: ['сделать', 'не сделано', 'открыто'],
  el: ['να γίνει', 'εκκρεμεί', 'προς υλοποίηση'],
  uk: ['зробити', 'не зроблено', 'відкрито'],
  tr: ['yapılacak', 'bekliyor'],
  hu: ['teendő', 'elvégzendő'],
  fi: ['tekemättä', 'tehtävä'],
  ca: ['pendent', 'per fer'],
  ja: ['未対応', '未完了', '残作業', 'やること'],
  zh: ['待办', '未完成', '待处理'],
  ko: ['미완료', '할 일', '남은 작업'],
  vi: ['chưa làm', 'chưa xong', 'việc còn lại', 'cần làm', 'chua lam', 'chua xong'],
  id: ['belum dikerjakan', 'belum selesai', 'sisa', 'perlu dikerjakan'],
};

// Where words run together (Japanese, Chinese, Korean), a word is matched where it stands; elsewhere
// whole (no letter or digit on either side), Turkish on its left only (suffixes follow). One boundary
// pair around each group of words, not one per word: the pattern stays small enough to prove linear.
const RUN_TOGETHER: Language[] = ['ja', 'zh', 'ko'];
function wordSource(word: string): string {
  return (
    word
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*$/, '\\p{L}*')
      .replace(/ \* /g, ' \u0000 ')
      .replace(/ /g, '\\s{1,3}')
      // A gap of one to three words: "seit * live" is "seit 2. Dezember live".
      .replace('\u0000', String.raw`(?:\S{1,20}\s{1,3}){0,2}\S{1,20}`)
      .replace(/'/g, "['’]")
  );
}
/** One pattern for a family in every language, longest words first. */
function familyRegex(table: Table): RegExp {
  const group = (langs: Language[]) =>
    [...new Set(langs.flatMap((lang) => table[lang]))]
      .sort((a, b) => b.length - a.length)
      .map(wordSource)
      .join('|');
  const all = Object.keys(table) as Language[];
  const spaced = group(all.filter((l) => !RUN_TOGETHER.includes(l) && l !== 'tr'));
  return new RegExp([`(?<![\\p{L}\\p{N}])(?:${spaced})(?![\\p{L}\\p{N}])`, `(?<![\\p{L}\\p{N}])(?:${group(['tr'])})`, group(RUN_TOGETHER)].join('|'), 'iu');
}
// The closing keywords trackers act on, before the ticket they close: "Closes DATA-88", "Fixes #412".
const CLOSING_KEYWORD = String.raw`|(?<![\p{L}])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s{1,3}(?=[A-Z][A-Z0-9]{1,9}-\d|#\d)`;
/** The families' patterns as named groups, so one scan tells which state a word says (the first group
 * wins where two start at one place: "未解決" is open before "解決" is done, "won't fix" before "fix"). */
const STATE = new RegExp(
  (
    [
      ['wontfix', WONTFIX],
      ['rejected', REJECTED],
      ['open', OPEN],
      ['done', DONE],
    ] as Array<[State, Table]>
  )
    .map(([name, table]) => `(?<${name}>${familyRegex(table).source}${name === 'done' ? CLOSING_KEYWORD : ''})`)
    .join('|'),
  'giu',
);
const HAPPENED_RE = familyRegex(HAPPENED);

const SUNSET_RE = familyRegex(SUNSET);
const MOVED_RE = familyRegex(MOVED_TO);
const POSTPONED_RE = familyRegex(POSTPONED);
const TO_DO_RE = familyRegex(TO_DO);

/** The families, for the table test that reads every language × family × place. */
export const statusTables = {
  open: OPEN,
  done: DONE,
  wontfix: WONTFIX,
  rejected: REJECTED,
  happened: HAPPENED,
  sunset: SUNSET,
  moved: MOVED_TO,
  postponed: POSTPONED,
  todo: TO_DO,
};

// A condition for later before the word in its clause: "until PSP-441 is closed", "once it is live",
// "bis das Ticket geschlossen ist", "hasta que se cierre", "jusqu'à ce que", "sobald", "wenn".
const CONDITION_BEFORE = new RegExp(
  [
    String.raw`(?<![\p{L}])(?:until|till|once|when|whenever|after|if|unless|as soon as|before|wait(?:ing)? (?:for|until)|pending|`,
    String.raw`bis|sobald|wenn|falls|nachdem|hasta que|cuando|una vez|si|después de que|jusqu['’]à ce que|quand|lorsque|dès que|une fois|`,
    String.raw`até que|quando|assim que|depois que|finché|fino a quando|non appena|dopo che|tot|zodra|wanneer|nadat|`,
    String.raw`dopóki|gdy|kiedy|aż|jeśli|jeżeli|po tym jak|пока|когда|как только|если|после того как)(?![\p{L}])`,
  ].join(''),
  'iu',
);
// … or after it, where the language puts it there: "完了したら", "完成后", "완료 후", "kapanınca", "kapandığında".
const CONDITION_AFTER =
  /^\s?(?:したら|次第|後に|後で|になったら|されたら|まで|后|之后|以后|以後|前|之前|후|되면|하면|까지|ınca|ince|unca|ünce|dığında|diğinde|duğunda|düğünde|ana kadar|ene kadar)/u;
// A plan for later before the word: "will go live", "is to be released", "planned to launch", "wird … live".
const PLANNED_BEFORE = new RegExp(
  [
    String.raw`(?<![\p{L}])(?:will|shall|going to|to be|is to|are to|planned|plan to|scheduled|expected to|should|eta|target(?:ed)?|`,
    String.raw`wird|werden|soll|sollen|geplant|voraussichtlich|va a|será|serán|previsto|prevista|programad[oa]|sera|seront|prévue?|`,
    String.raw`vai|vão|planejad[oa]|sarà|saranno|zal|zullen|gepland|będzie|będą|planowan\p{L}*|будет|будут|планир\p{L}*|olacak|planlan\p{L}*)`,
    String.raw`(?![\p{L}])[^.;!?\n]{0,40}$`,
  ].join(''),
  'iu',
);
const PLANNED_AFTER = /^[^。.!?\n]{0,6}?(?:予定|する予定|计划|将于|예정)/u;

/** A place text lives, as a unit a statement is read in: a table row (all of its cells), a list
 * item or a line, a sentence of prose. `heading` is the date a line or heading above it gives ("## 1
 * Dec", "1 Dec:"), for a list of dated entries. */
interface Unit {
  text: string;
  /** Where it starts in the whole text. */
  at: number;
  row: boolean;
  heading?: string;
}

const LEADING_DATE = /^\s*(?:#{1,6}\s*|[-*+]\s+|\|\s*)?(?:\*\*)?([^:|—–]{3,30}?)(?:\*\*)?\s*(?::|\||—|–|-\s)/u;

function unitsOf(text: string, written: string): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  let heading: string | undefined;
  for (const line of text.split('\n')) {
    const at = offset;
    offset += line.length + 1;
    if (line.length > 2000) continue;
    const lead = LEADING_DATE.exec(line)?.[1];
    const leadDate = lead ? dateIn(lead, written, 'near') : undefined;
    if (/^\s*#{1,6}\s/.test(line)) heading = dateIn(line, written, 'near') ?? undefined;
    const dated = leadDate ?? heading;
    if ((line.match(/\|/g)?.length ?? 0) >= 2) {
      units.push({ text: line, at, row: true, ...(dated ? { heading: dated } : {}) });
      continue;
    }
    // Sentences of a line: a stop before a space or the end (not a date's or a version's dot).
    let start = 0;
    // ("seit 2. Dezember": a day's dot ends no sentence.)
    for (const m of line.matchAll(/(?<!(?<![\d.])\d{1,2})\.(?=\s|$)|[!?](?=\s|$)|[。！？]/gu)) {
      const end = m.index + m[0].length;
      if (line.slice(start, end).trim()) units.push({ text: line.slice(start, end), at: at + start, row: false, ...(dated ? { heading: dated } : {}) });
      start = end;
    }
    if (line.slice(start).trim()) units.push({ text: line.slice(start), at: at + start, row: false, ...(dated ? { heading: dated } : {}) });
  }
  return units;
}

/** The clause before text[index] (back to a clause's end). */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 200), index);
  const cut = Math.max(...[...before.matchAll(/[;,:，、；|(\n]|[.!?](?=\s)/gu)].map((m) => m.index + m[0].length), 0);
  return before.slice(cut);
}

/** Is the word at unit[index, index+length) said as what happened — not negated, asked, a condition for later or a plan? */
function said(unit: string, index: number, length: number, allowNegated = false): boolean {
  const before = clauseBefore(unit, index);
  if (CONDITION_BEFORE.test(before) || PLANNED_BEFORE.test(before)) return false;
  const after = unit.slice(index + length, index + length + 16);
  if (CONDITION_AFTER.test(after) || PLANNED_AFTER.test(after)) return false;
  const how = doubtIn(unit, index, length);
  return !how || (allowNegated && how === 'negated');
}

const mentionsAny = (text: string, about: readonly string[]) => {
  if (about.length === 0) return true;
  const lower = text.toLowerCase();
  return about.some((a) => a && lower.includes(a.toLowerCase()));
};

/** A state a text states. `sentence` is the unit it stands in (a row, a line, a sentence); `date` the
 * day the unit gives (or the day its heading or the line's lead gives), `dated` whether one was given. */
export interface Statement {
  state: State;
  phrase: string;
  sentence: string;
  date?: string;
}

/** Every state the text states, in its order, in every language read — in units that name one of
 * `about` (a ticket, a key, a value, an object's name), or in any unit when `about` is empty. A done
 * word negated ("not yet fixed", "noch nicht erledigt") says the work is open. */
export const statusesIn = once(
  (text: string, written: string, about: readonly string[] = []) => keyOf(text, written.slice(0, 10), about),
  (text: string, written: string, about: readonly string[] = []): Statement[] => {
    const out: Statement[] = [];
    for (const unit of unitsOf(text, written)) {
      if (!mentionsAny(unit.text, about)) continue;
      const cells = unit.row ? unit.text.split('|') : [unit.text];
      for (const cell of cells) {
        // In a table, a cell naming the ticket is its name; its state is another cell's.
        if (unit.row && about.length > 0 && mentionsAny(cell, about) && cells.length > 2) continue;
        STATE.lastIndex = 0;
        for (const m of cell.matchAll(STATE)) {
          const state = (Object.keys(m.groups ?? {}) as State[]).find((k) => m.groups![k] !== undefined);
          if (!state) continue;
          // (A negated "open" — "no longer open" — is no statement; a negated refusal is none either.)
          if (!said(cell, m.index, m[0].length, state === 'done')) continue;
          const negated = state === 'done' && doubtIn(cell, m.index, m[0].length) === 'negated';
          const date = dateIn(unit.row ? unit.text : cell, written, 'near') ?? unit.heading;
          out.push({ state: negated ? 'open' : state, phrase: m[0], sentence: unit.text.trim(), ...(date ? { date } : {}) });
          break;
        }
      }
    }
    return out;
  },
);

/** The state the text gives last for what `about` names (a ticket's newest row or sentence): the one
 * with the latest date, or the last written where none is dated. */
export function statusOf(text: string, written: string, about: readonly string[] = []): Statement | undefined {
  const all = statusesIn(text, written, about);
  if (all.length === 0) return undefined;
  const dated = all.filter((s) => s.date);
  if (dated.length === 0) return all.at(-1);
  return dated.reduce((a, b) => (b.date! >= a.date! ? b : a));
}

/** The tracker's resolution that the work will not be done ("Won't Fix", "not planned", "wird nicht
 * umgesetzt"), where `text` (a status's value) states it and does not negate it. */
export function wontFixIn(text: string): string | undefined {
  return statusesIn(text, '2000-01-01').find((s) => s.state === 'wontfix')?.phrase;
}

/** A refusal the text states ("Outcome: rejected", "abgelehnt", "却下", "not approved"), where it names `about`. */
export function rejectedIn(text: string, written: string, about: readonly string[] = []): Statement | undefined {
  return statusesIn(text, written, about).find((s) => s.state === 'rejected');
}

/** Something a text reports as having happened or as ahead, with its day. */
export interface Event {
  phrase: string;
  sentence: string;
  /** The day the unit gives, its heading's, or — for a report without one — the day it was written. */
  date: string;
  dated: boolean;
  /** The day is after the text was written: a schedule ("1 Dec: live in production" in a plan of 28
   * Nov), not yet a report — the caller weighs it as a plan until the day has passed. */
  ahead: boolean;
}

/** Events the text reports as having happened ("1 Dec: app.nuvo.example live in production",
 * "released 1 Dec", "went live", "GA since", "ist live", "en producción desde", "已上线"), in units
 * naming one of `about`; a day without its year is the last such day on or before `written`. Not
 * planned ("will go live on 1 Dec", "goes live once …"), asked or negated. The caller compares the
 * date with its today: a date still ahead is no event yet. */
export const happenedIn = once(
  (text: string, written: string, about: readonly string[] = []) => keyOf(text, written.slice(0, 10), about),
  (text: string, written: string, about: readonly string[] = []): Event[] => {
    const out: Event[] = [];
    for (const unit of unitsOf(text, written)) {
      if (!mentionsAny(unit.text, about)) continue;
      const m = HAPPENED_RE.exec(unit.text);
      if (!m || !said(unit.text, m.index, m[0].length)) continue;
      // "goes live on 15 Dec", "launches next week": a present tense with a day ahead is a plan, which
      // the caller tells by the date; "will" and "planned" were refused above.
      const stated = dateIn(unit.text, written, 'near') ?? unit.heading;
      const date = stated ?? written.slice(0, 10);
      out.push({ phrase: m[0], sentence: unit.text.trim(), date, dated: !!stated, ahead: date > written.slice(0, 10) });
    }
    return out;
  },
);

/** Ends announced for a value or a service ("will stop answering on 15 December 2026", "deprecated
 * on", "EOL 2026-12-31", "wird abgeschaltet am 1.12.2026", "提供終了"), in units naming one of `about`,
 * with the day the unit gives (ahead or past; `dated` false where it gives none). Not negated or asked
 * ("will not be shut down", "no EOL planned"). */
export const sunsetIn = once(
  (text: string, written: string, about: readonly string[] = []) => keyOf(text, written.slice(0, 10), about),
  (text: string, written: string, about: readonly string[] = []): Event[] => {
    const out: Event[] = [];
    for (const unit of unitsOf(text, written)) {
      if (!mentionsAny(unit.text, about)) continue;
      const m = SUNSET_RE.exec(unit.text);
      if (!m || doubtIn(unit.text, m.index, m[0].length) || /(?<![\p{L}])no\s+(?:\p{L}+\s+)?$/iu.test(clauseBefore(unit.text, m.index))) continue;
      if (CONDITION_BEFORE.test(clauseBefore(unit.text, m.index))) continue;
      const stated = dateIn(unit.text, written, 'near') ?? unit.heading ?? periodIn(unit.text, written);
      const date = stated ?? written.slice(0, 10);
      out.push({ phrase: m[0], sentence: unit.text.trim(), date, dated: !!stated, ahead: date > written.slice(0, 10) });
    }
    return out;
  },
);

/** A period named in the text as the day it ends: "Q1 2027", "KW 3", "week 50", "January 2027" (read as
 * deadline.ts reads the end of a time limit). */
function periodIn(text: string, written: string): string | undefined {
  return dateNamed(text.replace(/^\s*(?:to|into|in|auf|a|à|para|al?|na|naar|на)\s+/iu, ''), written);
}

/** A plan moved: the text says it was postponed or moved to a later date ("Production cut-over moves
 * to Q1 2027", "postponed to 20 January", "verschoben auf KW 3", "se pospone a enero", "reporté à
 * janvier", "延期"), in units naming one of `about`, with the new date where one is given (a period
 * as its last day). "moves to", "passa para" count only with a date or a period after them. */
export const replannedIn = once(
  (text: string, written: string, about: readonly string[] = []) => keyOf(text, written.slice(0, 10), about),
  (text: string, written: string, about: readonly string[] = []): Array<{ phrase: string; sentence: string; date?: string }> => {
    const out: Array<{ phrase: string; sentence: string; date?: string }> = [];
    for (const unit of unitsOf(text, written)) {
      if (!mentionsAny(unit.text, about)) continue;
      const postponed = POSTPONED_RE.exec(unit.text);
      const moved = MOVED_RE.exec(unit.text);
      const m = postponed ?? moved;
      if (!m || doubtIn(unit.text, m.index, m[0].length) || CONDITION_BEFORE.test(clauseBefore(unit.text, m.index))) continue;
      const rest = unit.text.slice(m.index + m[0].length);
      // (Japanese, Chinese and Korean put the new date before the word: "1月に変更", "延期到1月".)
      const date =
        dateIn(rest, written) ??
        periodIn(rest, written) ??
        (RUN_TOGETHER_TEXT.test(unit.text) ? (dateIn(unit.text, written) ?? periodIn(unit.text, written)) : undefined);
      if (!postponed && !date) continue;
      out.push({ phrase: m[0], sentence: unit.text.trim(), ...(date ? { date } : {}) });
    }
    return out;
  },
);
const RUN_TOGETHER_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

// A list item: "- ", "* ", "1. ", "3) ", with its box: "[ ]" open, "[x]" done.
const ITEM = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?:\[( |x|X|✓)\][ \t]*)?(\S[^\n]*)?$/u;
const DONE_MARK = /✅|✔|☑|\[x\]|~~/iu;

/** The steps a text leaves open after it reports the work done ("Status: complete (2026-11-20)" …
 * "3. Remove the temporary grant. TODO", "- [ ] remove pods/exec again", "- offen: Rolle löschen"):
 * the done statement and the open items, in every language read; none where the text reports nothing
 * done, or every item is done. */
export const openStepsIn = once(
  (text: string, written: string) => keyOf(text, written.slice(0, 10)),
  (text: string, written: string): { done: Statement; steps: string[] } | undefined => {
    const steps: string[] = [];
    for (const line of text.split('\n')) {
      if (line.length > 2000) continue;
      const item = ITEM.exec(line);
      if (!item || DONE_MARK.test(line)) continue;
      const body = item[2] ?? '';
      if (item[1] === ' ' || stillToDo(body)) steps.push(body.trim());
    }
    if (steps.length === 0) return undefined;
    // The work reported done elsewhere in the text than in the open steps themselves.
    const done = statusesIn(text, written).find((s) => s.state === 'done' && !steps.some((step) => s.sentence.includes(step) || step.includes(s.sentence)));
    return done ? { done, steps } : undefined;
  },
);

/** Does a list item say it is still to do: "TODO" anywhere, or a to-do word set apart by punctuation
 * ("Remove the grant. TODO", "Rolle löschen — offen", "(pendiente)", "待办：…")? */
function stillToDo(body: string): boolean {
  if (/(?<![\p{L}])(?:TODO|FIXME|TBD)(?![\p{L}])/u.test(body)) return true;
  const all = new RegExp(TO_DO_RE.source, 'giu');
  for (const m of body.matchAll(all)) {
    const before = body.slice(0, m.index);
    const after = body.slice(m.index + m[0].length);
    if (doubtIn(body, m.index, m[0].length)) continue;
    if (/(?:[.:;([—–|]|\s-)\s*$/u.test(before) || /^\s*(?:[.:;)\]—–|!]|$)/u.test(after)) return true;
  }
  return false;
}
