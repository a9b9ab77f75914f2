// An answer still awaited. An incident's stop-gap is backported because it fixed something; but when
// the incident's own record, at its newest, says the measure's fate waits on someone's answer — a
// request still under review at the provider ("case still under review", "encara en revisió"), a
// value to be settled with a partner who has not replied ("afklares med Nets … intet svar endnu",
// "mit dem Anbieter zu klären, noch keine Antwort") — the value is not settled: copying it into
// another environment pre-empts the answer as much as undoing it would. A record's passage that
// names another key of the scan and not this one speaks of that key (a post-mortem that decides one
// value and leaves another open). Pure.
import type { HistoryEvent, KeyPath } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { documentIndex, keyName, namesOtherKey, namesValue } from './documents.js';
import { leftOpenIn } from './left-open.js';
import { ticketsIn } from './log.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { short } from './words.js';
import { wordsOfEveryTable } from './languages.js';

// The answer not given yet, the request still being looked at, or the value left to be settled with
// someone, in the languages read.
const AWAITED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:no (?:answer|reply|response|word)(?: back)?(?: from [\p{L}-]+)? yet|(?:still|currently) (?:under|in) review|`,
  String.raw`(?:awaiting|waiting for|pending) (?:(?:an?|the|their|his|her) )?(?:answer|reply|response)|(?:to be|will be|is to be) (?:settled|clarified|agreed) with|`,
  String.raw`(?:has not|hasn['’]t|have not|haven['’]t) (?:yet )?(?:answered|replied|responded|heard back)|`,
  String.raw`noch keine (?:antwort|rückmeldung)|(?:noch|weiterhin) in (?:prüfung|klärung)|mit (?:[\p{L}-]+ ){1,3}?zu (?:klären|abzustimmen)|(?:wird|werden) mit (?:[\p{L}-]+ ){1,3}?geklärt|`,
  String.raw`pas (?:encore )?de réponse|toujours en cours d['’]examen|en attente (?:de|d['’]une) (?:leur |sa )?réponse|à (?:clarifier|régler|convenir) avec|`,
  String.raw`sin respuesta(?: (?:aún|todavía))?|(?:todavía|aún|sigue) en revisión|pendiente de respuesta|(?:a|por) (?:aclarar|acordar) con|`,
  String.raw`nessuna risposta|(?:ancora|tuttora) in (?:revisione|valutazione)|in attesa di risposta|da (?:chiarire|concordare) con|`,
  String.raw`nog geen (?:antwoord|reactie)|nog (?:steeds )?in behandeling|af te stemmen met|`,
  String.raw`sem resposta(?: ainda)?|ainda em (?:análise|revisão)|aguardando (?:a |uma )?resposta|a (?:esclarecer|acertar) com|`,
  String.raw`inget svar (?:än|ännu)|(?:fortfarande|ännu) under (?:granskning|behandling)|inväntar svar|(?:ska|skall) (?:klaras ut|stämmas av) med|`,
  String.raw`intet svar endnu|(?:stadig|fortsat) under behandling|afventer svar|afklares med|`,
  String.raw`(?:ingen|ikke) svar ennå|(?:fortsatt|fremdeles) under behandling|avventer svar|avklares med|`,
  String.raw`(?:brak|nie ma) (?:jeszcze )?odpowiedzi|(?:wciąż|nadal) (?:w trakcie )?rozpatrywan\p{L}{1,3}|do (?:ustalenia|wyjaśnienia) z|`,
  String.raw`ei (?:vielä )?vastausta|(?:yhä|edelleen) käsittelyssä)(?![\p{L}])|`,
  // (Catalan's words are its table's, languages.ts.)
  wordsOfEveryTable('awaited'),
);
// Taken back before it: "no longer under review", "nicht mehr in Prüfung", "ya no sigue en revisión".
const TAKEN_BACK = /(?<![\p{L}])(?:no longer|not|nicht mehr|plus|ya no|non più|niet meer|não mais|inte längre|ikke længere|ikke lenger)\s+$/iu;
const SENTENCES = sentenceEnds(/(?<=[.!?;])\s+|\n+/);

/** The sentence of `text` that says an answer is still awaited, if one does (not asked, not taken back). */
export function awaitedIn(text: string): string | undefined {
  for (const raw of text.split(SENTENCES)) {
    const s = raw.trim();
    if (!s || /[?？]\s*$/u.test(s)) continue;
    const m = AWAITED.exec(s);
    if (m && !TAKEN_BACK.test(s.slice(Math.max(0, m.index - 20), m.index))) return s;
  }
  return undefined;
}

export interface Awaited {
  where: string;
  sentence: string;
  sha: string;
}

/** The newest record of the fix's incident (a document or a later commit citing its ticket, written
 * after the fix and by today) when it says an answer about the fix is still awaited, in a passage that
 * names the key or no other key of the scan. With `decisions` (an incident's stop-gap, whose fate its
 * record may leave to a decision still to be taken: "Next step: decide at the architecture meeting",
 * "decidir na reunião de arquitetura", left-open.ts), that decision is an answer awaited too, and a fix
 * that cites no ticket has for records the documents written since that name its key and the value it
 * set (an incident note: "Meanwhile prod keeps spring.flyway.target=42"). */
export function incidentAnswerAwaited(fix: HistoryEvent, key: KeyPath, context: VerdictContext, decisions = false): Awaited | undefined {
  const log = context.log;
  const tickets = ticketsIn(`${fix.subject}\n${fix.body}`);
  if (!log || (tickets.length === 0 && !decisions)) return undefined;
  const awaitedOrOpen = (text: string) => awaitedIn(text) ?? (decisions ? leftOpenIn(text) : undefined);
  const since = Date.parse(fix.date);
  const inTime = (date: string) => Date.parse(date) > since && (!context.today || date.slice(0, 10) <= context.today);
  const name = keyName(key)?.pattern;
  const ours = (text: string) => !!name?.test(text) || !namesOtherKey(text, text.toLowerCase(), key, log);
  const namesFix = (text: string) => !!name?.test(text) && fix.to !== null && namesValue(text, fix.to);
  const records: Array<{ date: string; read: () => Awaited | undefined }> = [];
  for (const doc of documentIndex(log)) {
    if (!inTime(doc.written.date)) continue;
    if (tickets.length > 0 ? !tickets.some((t) => doc.tickets.has(t)) : !namesFix(doc.text)) continue;
    records.push({
      date: doc.written.date,
      read: () => {
        for (const p of doc.passages) {
          const s = ours(p.text) ? awaitedOrOpen(p.text) : undefined;
          if (s) return { where: `${doc.path}:${p.line} (written in ${short(doc.written.sha)})`, sentence: s, sha: doc.written.sha };
        }
        return undefined;
      },
    });
  }
  for (const sha of new Set(tickets.flatMap((t) => log.byTicket.get(t) ?? []))) {
    const m = log.messages.get(sha);
    if (!m || sha === fix.commit || !inTime(m.date)) continue;
    const text = `${m.subject}\n${m.body}`;
    records.push({
      date: m.date,
      read: () => {
        const s = ours(text) ? awaitedOrOpen(text) : undefined;
        return s ? { where: `${short(m.sha)} ("${m.subject}")`, sentence: s, sha: m.sha } : undefined;
      },
    });
  }
  // The newest record speaks for the incident now (a document and the commit that wrote it are one
  // record): an answer recorded since is news an older one lacks.
  if (records.length === 0) return undefined;
  const newest = Math.max(...records.map((r) => Date.parse(r.date)));
  for (const r of records) {
    if (Date.parse(r.date) !== newest) continue;
    const found = r.read();
    if (found) return found;
  }
  return undefined;
}

/** An item the same text leaves open beside a go: in the go's section of its document (between the
 * headings around `line`), or in the go's own commit message (`line` undefined), a sentence saying an
 * answer is still awaited ("Technically ready for production. Open: the processing agreement — with
 * legal, no answer yet"), in a passage that names the key or no other key of the scan. A readiness
 * beside an unanswered condition is not a go: the go waits for that answer. */
export function awaitedBeside(context: VerdictContext, at: { file?: string; line?: number; sha: string }, key: KeyPath): string | undefined {
  const log = context.log;
  if (!log) return undefined;
  const name = keyName(key)?.pattern;
  const ours = (text: string) => !!name?.test(text) || !namesOtherKey(text, text.toLowerCase(), key, log);
  if (at.file === undefined || at.line === undefined) {
    const m = log.messages.get(at.sha);
    const text = m ? `${m.subject}\n${m.body}` : '';
    return text && ours(text) ? awaitedIn(text) : undefined;
  }
  const doc = documentIndex(log).find((x) => x.path === at.file && x.written.sha === at.sha);
  if (!doc) return undefined;
  const lines = doc.text.split('\n');
  const heading = (l: string) => /^#{1,6}\s/.test(l);
  let from = Math.min(at.line, lines.length) - 1;
  while (from > 0 && !heading(lines[from]!)) from -= 1;
  let to = at.line;
  while (to < lines.length && !heading(lines[to]!)) to += 1;
  for (const p of doc.passages) {
    if (p.line - 1 < from || p.line > to || !ours(p.text)) continue;
    const s = awaitedIn(p.text);
    if (s) return s;
  }
  return undefined;
}
