// Session 18's words: every language's until word with every dated form the readers know, a planned
// undo as "then … off again", negation in every language, the mistake family. Phrasings of our own
// (none from a verdict story), read in memory: the readers are pure.
import { describe, expect, it } from 'vitest';
import { readIntent, withdrawalIn } from '../../src/verdict/intent.js';
import { approvedIn, goFor } from '../../src/verdict/conditions.js';
import { saysMistake } from '../../src/verdict/live.js';
import { speaksOfFreeze } from '../../src/verdict/notes.js';
import { languageOf } from '../../src/verdict/languages.js';
import { TWO } from './memory-story.js';

// Written on Monday 2 November 2026 (ISO week 45).
const WRITTEN = '2026-11-02T09:00:00Z';
const intentOf = (subject: string, body = '', env = 'staging') => readIntent({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, env, TWO);

// The dates each form names from that day: week 46 ends Sunday 15 November, the next Friday is
// 6 November, Q4 ends 31 December.
const WEEK = '2026-11-15';
const FRIDAY = '2026-11-06';
const Q4 = '2026-12-31';

describe('every language’s until word takes every dated form (a week, a weekday, a quarter, a sprint)', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // language, week, weekday, quarter, sprint
    ['nl', 'Blijft aan t/m week 46', 'Logging aan tot vrijdag', 'Aan tot en met Q4', 'Aan tot sprint 48'],
    ['de', 'Bleibt an bis KW 46', 'Debug-Logging an bis Freitag', 'Bleibt so bis Ende Q4', 'Bleibt an bis Sprint 48'],
    ['es', 'Se queda activo hasta la semana 46', 'Activo hasta el viernes', 'Activo hasta el Q4', 'Activo hasta el sprint 48'],
    ['fr', "Reste actif jusqu'à la semaine 46", "Actif jusqu'à vendredi", "Actif jusqu'à la fin du Q4", "Actif jusqu'au sprint 48"],
    ['pt', 'Fica ligado até a semana 46', 'Ligado até sexta-feira', 'Ligado até o Q4', 'Ligado até o sprint 48'],
    ['it', 'Resta attivo fino alla settimana 46', 'Attivo fino a venerdì', 'Attivo fino al Q4', 'Attivo fino allo sprint 48'],
    ['pl', 'Zostaje włączone do tygodnia 46', 'Włączone do piątku', 'Włączone do Q4', 'Włączone do sprintu 48'],
    ['ru', 'Оставляем включённым до 46-й недели', 'Включено до пятницы', 'Включено до конца Q4', 'Включено до спринта 48'],
    ['tr', '46. haftaya kadar açık kalıyor', 'Cumaya kadar açık', "Q4'e kadar açık", "Sprint 48'e kadar açık"],
    ['ja', '46週目まで有効にしておく', '金曜日まで有効', 'Q4まで有効', 'スプリント48まで有効'],
    ['zh', '到第46周为止保持开启', '保持开启到周五', '到Q4为止保持开启', '保持开启到冲刺48'],
    ['ko', '46주차까지 켜둡니다', '금요일까지 켜둡니다', 'Q4까지 켜둡니다', '스프린트 48까지 켜둡니다'],
  ];
  describe.each(cases)('%s', (_lang, week, weekday, quarter, sprint) => {
    it(`a week: ${week}`, () => expect(intentOf(week).temporary?.until).toBe(WEEK));
    it(`a weekday: ${weekday}`, () => expect(intentOf(weekday).temporary?.until).toBe(FRIDAY));
    it(`a quarter: ${quarter}`, () => expect(intentOf(quarter).temporary?.until).toBe(Q4));
    it(`a sprint: ${sprint}`, () => {
      const t = intentOf(sprint).temporary;
      expect(t).toBeDefined();
      expect(t?.until).toBeUndefined();
      expect(t?.event).toMatch(/48/);
    });
  });
});

describe('a week of the year is not a span of weeks', () => {
  it.each([
    ['ja', '46週目まで有効'],
    ['zh', '到第46周为止保持开启'],
    ['ko', '46주차까지 켜둡니다'],
  ])('%s: %s', (_lang, text) => expect(intentOf(text).temporary?.until).toBe(WEEK));
  it.each([
    ['ja', 'ステージングのみ、2週間だけ試す', '2026-11-16'],
    ['zh', '只在预发环境，临时两周', '2026-11-16'],
    ['ko', '스테이징에서만 2주 동안 임시 적용', '2026-11-16'],
  ])('a span stays a span: %s: %s', (_lang, text, until) => expect(intentOf(text).temporary?.until).toBe(until));
});

describe('"<then> again off" is a planned undo, in every language', () => {
  it.each([
    ['nl', 'Logging aan voor het onderzoek, daarna weer uit.'],
    ['de', 'Logging an für die Analyse, danach wieder aus.'],
    ['fr', 'Logs activés pour l’analyse, puis on le retire.'],
    ['es', 'Activamos el log para el análisis, luego lo apagamos.'],
    ['pt', 'Log ligado para a análise, depois desligamos.'],
    ['it', 'Log attivo per l’analisi, poi lo spegniamo.'],
    ['pl', 'Logowanie włączone na analizę, potem wyłączamy.'],
    ['ru', 'Логирование включено для анализа, потом выключаем.'],
    ['tr', 'Analiz için log açık, sonra kapatıyoruz.'],
    ['ja', '調査のためログを有効化、その後オフに戻す。'],
    ['zh', '为了排查打开日志，然后关闭。'],
    ['ko', '분석을 위해 로그를 켜고 그 후 끕니다.'],
    ['en', 'Verbose logging on for the analysis, then off again.'],
  ])('%s: %s', (_lang, text) => expect(intentOf(text).temporary).toBeDefined());

  it.each([
    ['nl', 'Logging aan, daarna niet meer uit: dit blijft zo.'],
    ['de', 'Logging an, danach nicht wieder aus, das bleibt so.'],
    ['en', 'Verbose logging on; it will not be turned off again.'],
  ])('not when negated: %s: %s', (_lang, text) => expect(intentOf(text).temporary).toBeUndefined());
});

describe('an approval negated is no approval, in every language and whatever language the note is taken for', () => {
  it.each([
    ['en', 'CHG-12: not yet approved by the CAB, the slot is Thursday.'],
    ['de', 'Status for the CAB meeting: noch nicht abgenommen, the slot is Thursday.'],
    ['de', 'CHG-12 ist noch nicht freigegeben.'],
    ['fr', 'Summary for the board: pas encore validé, we wait for security.'],
    ['es', 'Update from the release call: todavía no aprobado.'],
    ['es', 'CHG-12 aún no está aprobado'],
    ['pt', 'Note for the team: ainda não aprovado pelo comitê.'],
    ['it', 'Recap for the release: non ancora approvato.'],
    ['nl', 'Recap for the release: nog niet goedgekeurd.'],
    ['pl', 'Recap for the release: jeszcze nie zatwierdzone.'],
    ['ru', 'Recap for the release: ещё не одобрено.'],
    ['ja', 'CHG-12 まだ承認されていません'],
    ['zh', 'CHG-12 尚未批准'],
    ['ko', 'CHG-12 아직 승인되지 않았습니다'],
  ])('%s: %s', (_lang, text) => expect(approvedIn(text)).toBeUndefined());

  it.each([
    ['de', 'CHG-12 abgenommen am 12.11., Freigabe für Prod.'],
    ['fr', 'CHG-12 validé par le CAB'],
    ['es', 'CHG-12 aprobado por el comité'],
    ['nl', 'CHG-12 goedgekeurd door de CAB'],
    ['ja', 'CHG-12 承認済み'],
    ['zh', 'CHG-12 已批准'],
    ['en', 'CHG-12 approved by the CAB'],
  ])('said, it still approves: %s: %s', (_lang, text) => expect(approvedIn(text)).toBeDefined());
});

describe('the mistake family: one reader, every language, every place that reads a slip', () => {
  it.each([
    ['en', 'The switch of staging to 30s on 4 Nov was a mistake; the client must change.'],
    ['en', 'Those two lines were an oversight from the copy.'],
    ['en', 'Staging’s value was set in error during the migration.'],
    ['de', 'Die Umstellung von Staging war ein Fehler, der Client muss sich ändern.'],
    ['es', 'El cambio en staging fue un error; hay que arreglar el cliente.'],
    ['fr', 'Le passage de staging à 30s était une erreur.'],
    ['pl', 'Zmiana na stagingu to był błąd, poprawiamy klienta.'],
    ['ru', 'Изменение на стейджинге было ошибкой.'],
    ['tr', 'Staging değişikliği bir hataydı.'],
    ['ja', 'ステージングの変更は間違いでした。'],
    ['zh', '预发环境的修改是个错误。'],
    ['ko', '스테이징 변경은 실수였습니다.'],
  ])('%s: %s', (_lang, text) => expect(saysMistake(text)).toBeDefined());

  it.each([
    ['en', 'The switch of staging to 30s was not a mistake: finance asked for it.'],
    ['en', 'Was the switch of staging a mistake?'],
    ['en', 'If it was set in error, put it back.'],
    ['de', 'Die Umstellung war kein Fehler.'],
    ['en', 'The retry budget is an error budget, not a limit.'],
  ])('not when negated, asked, supposed or another sense: %s: %s', (_lang, text) => expect(saysMistake(text)).toBeUndefined());
});

describe('a test word read in its clause: a place or a frequency is not a purpose', () => {
  it.each([
    'invoicePdfV2 on in uat for acceptance',
    'feat(export): csvV2 enabled in QA',
    'Switch the new ranker on in test, prod after sign-off',
    'sampling to 1.0 so every test run is traced',
    'Keep full traces for each test so regressions show up',
    'Log level debug: in all tests the output was unreadable otherwise',
  ])('%s', (text) => expect(intentOf(text, '', 'staging').scope?.kind).not.toBe('test'));

  it.each([
    'Mock payment provider for UAT',
    'raise the pool for the load test',
    'debug logging so QA can reproduce PAY-12',
    'disable captcha during the test run',
  ])('a purpose stays one: %s', (text) => expect(intentOf(text).scope?.kind).toBe('test'));
});

describe('a freeze is a freeze of something: "nothing to wait for" freezes nothing', () => {
  it.each(['The soak was clean: nothing to wait for.', 'No changes to the schema in this release.', 'Nothing in the logs since Tuesday.'])('%s', (text) =>
    expect(speaksOfFreeze(text)).toBe(false),
  );
  it.each([
    'Nothing goes to production before Jan 6.',
    'No deploys to prod until the audit ends.',
    'Nothing into prod this week.',
    'Change freeze until 2026-04-10',
  ])('still a freeze: %s', (text) => expect(speaksOfFreeze(text)).toBe(true));
});

describe('a withdrawal word counts with the plan or change as what is withdrawn', () => {
  it.each([
    'Checkout sessions abandoned at 30 s while the PSP was slow; the client timeout is raised.',
    'Orders cancelled during the outage were replayed from the queue.',
    'Jobs scrapped by the reaper since Monday: the grace period is too short.',
    'Calls abandoned at the IVR dropped from 9% to 2% with the new timeout.',
  ])('what the bug did is no withdrawal: %s', (text) => expect(withdrawalIn(text)).toBeUndefined());

  it.each([
    'The rollout to production was abandoned after the soak.',
    'We abandoned the plan: 50 stays.',
    'Cancelled the increase, it made p99 worse.',
    'Prod step called off.',
    'We are NOT raising it after all.',
    'Revert staging to 2000.',
  ])('a plan withdrawn: %s', (text) => expect(withdrawalIn(text)).toBeDefined());

  it.each([
    ['Challenges abandoned at 2 s before; the read timeout is now 4500 ms in all environments, rollout abandoned? no.', '4500'],
    ['The earlier plan was abandoned; 90s applies in every environment now.', '90s'],
    ['Trial cancelled for EU, but pool 40 across all environments from Monday.', '40'],
  ])('an everywhere for the changed value outranks it: %s', (text, value) => expect(withdrawalIn(text, value)).toBeUndefined());
});

describe('a check reported made is no check still ahead', () => {
  it.each([
    [
      'Merge pull request #9 from acme/x',
      'Enable it on staging.\n\nReview (kim): approved. Please do prod too.\nReply (li): yes, follow-up PR for prod tomorrow.',
    ],
    ['Enable it on staging', 'Review done; prod follows in a separate PR on Monday.'],
    ['Enable it on staging', 'QA sign-off received; production follows on Thursday.'],
    ['Enable it on staging', 'The soak was clean, prod next week.'],
  ])('%s: %s', (subject, body) => {
    const hold = intentOf(subject, body).hold;
    expect(hold?.follows).toBe(true);
    expect(hold?.check).toBeUndefined();
  });
  it('a check still to make stays one: "Prod next week after review."', () =>
    expect(intentOf('Enable it on staging', 'Prod next week after review.').hold?.check).toBe('review'));
});

describe('a short subject’s language is decided by the words the tables know', () => {
  it.each([
    ['de', 'Vorübergehend ausgeschaltet'],
    ['nl', 'Tijdelijk verhoogd'],
    ['it', 'Temporaneamente disattivato'],
    ['pt', 'Temporariamente desligado'],
    ['es', 'Temporalmente desactivado'],
    ['fr', 'Temporairement coupé'],
    ['pl', 'Tymczasowo wyłączone'],
    ['tr', 'Geçici kapatıldı'],
  ])('%s: %s', (lang, text) => expect(languageOf(text)?.language).toBe(lang));
  it.each(['Make the flag permanent', 'hotfix: pool to 40', 'Bump pool to 20'])('English stays English (or untold): %s', (text) =>
    expect(['en', undefined]).toContain(languageOf(text)?.language),
  );
});

describe('"enable it in <env>" as an instruction or a conclusion is a go for that environment', () => {
  it.each([
    'Conclusion: enable the retry budget in production.',
    'Recommendation: turn the new retry policy on in prod.',
    'Next step: switch on request hedging for **production**.',
    'Flip features.exportV2 in prod.',
    '- activate the cache warmer on production',
  ])('%s', (text) => expect(goFor(text, 'prod')).toBeDefined());

  it.each([
    'Proposal: enable the purge in production.',
    'Do not enable the purge in production yet.',
    'We enabled the purge in production yesterday.',
    'Enable the purge in production once the backlog is cleared.',
    '- [ ] enable the purge in prod',
    'Should we enable the purge in production?',
  ])('not a proposal, a record, negated, waiting, a to-do or asked: %s', (text) => expect(goFor(text, 'prod')).toBeUndefined());
});

describe('"do not lower it" beside a value, in every language, insists the value stays', () => {
  it.each([
    ['it', 'Non ridurre: richiesto dall’audit.'],
    ['de', 'Nicht reduzieren, Vorgabe der Revision.'],
    ['fr', 'Ne pas baisser : exigence d’audit.'],
    ['es', 'No bajar, lo exige auditoría.'],
    ['pt', 'Não reduzir, exigência da auditoria.'],
    ['nl', 'Niet verlagen, eis van de audit.'],
    ['pl', 'Nie zmniejszać, wymóg audytu.'],
    ['ru', 'Не уменьшать, требование аудита.'],
    ['tr', 'Düşürmeyin, denetim gereği.'],
    ['ja', '監査要件のため下げないこと。'],
    ['zh', '审计要求，不要降低。'],
    ['ko', '감사 요구사항이므로 줄이지 마세요.'],
    ['en', 'Do not lower: audit requirement.'],
  ])('%s: %s', (_lang, note) => expect(intentOf('audit retention', note, 'prod').pinned).toBeDefined());

  it.each([
    ['de', 'Nicht reduzieren bis die Migration durch ist.'],
    ['es', 'No bajar hasta el 15/12.'],
    ['en', 'Do not lower until the migration is done.'],
  ])('not one that waits: %s: %s', (_lang, note) => expect(intentOf('audit retention', note, 'prod').pinned).toBeUndefined());
});
