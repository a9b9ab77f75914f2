// Intent read in the languages teams write besides English (src/verdict/languages.ts), on
// phrasings of our own written as a native would write a commit (none from a verdict story), in
// memory: the readers are pure, and the verdict through `judge` needs no git.
import { describe, expect, it } from 'vitest';
import { readIntent, reportsDone, textUnderstood } from '../../src/verdict/intent.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { approvedIn } from '../../src/verdict/conditions.js';
import { languageOf } from '../../src/verdict/languages.js';
import { judge, TWO, type Step } from './memory-story.js';

const WRITTEN = '2026-11-02T09:00:00Z';
const intentOf = (subject: string, body = '', env = 'staging') => readIntent({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, env, TWO);

describe('a change kept to one environment for a while, until a date, in each language', () => {
  it.each([
    ['de', 'Rate-Limit nur auf Staging hochgesetzt, vorübergehend bis 20.11.', '2026-11-20'],
    ['es', 'Subimos el timeout solo en staging hasta el 20/11, luego volvemos a 30s', '2026-11-20'],
    ['fr', 'Désactivé uniquement en staging jusqu’au 20/11, on revient à true ensuite', '2026-11-20'],
    ['pt', 'Só em staging até 20/11. Depois voltamos para 5 conexões', '2026-11-20'],
    ['it', 'Solo su staging, temporaneamente, fino al 20/11', '2026-11-20'],
    ['nl', 'Alleen op staging, tijdelijk tot 20-11', '2026-11-20'],
    ['pl', 'Limit podniesiony tylko na stagingu, tymczasowo do 20.11', '2026-11-20'],
    ['ru', 'Только на стейдже, временно до 20.11, потом вернём 5', '2026-11-20'],
    ['tr', "Sadece staging için, 20.11'e kadar geçici olarak", '2026-11-20'],
    ['ja', 'ステージング環境のみ一時的に変更。11月20日までに戻します', '2026-11-20'],
    ['ja', 'ステージングだけ暫定で 60 に。12/1までに元に戻す', '2026-12-01'],
    ['zh', '仅在预发环境临时调整，11月20日前改回', '2026-11-20'],
    ['ko', '스테이징에서만 임시로 변경, 11월 20일까지 원복 예정', '2026-11-20'],
  ])('%s: %s', (_lang, text, until) => {
    const intent = intentOf(text);
    expect(intent.scope).toMatchObject({ kind: 'env-only' });
    expect(intent.temporary?.until).toBe(until);
  });
});

describe('a span from when it was written', () => {
  it.each([
    ['pl', 'Tylko na staging, na dwa tygodnie, potem wracamy do 2.4', '2026-11-16'],
    ['es', 'Solo en staging por dos semanas, después lo quitamos', '2026-11-16'],
    ['it', 'Solo su staging per due settimane', '2026-11-16'],
    ['pt', 'Somente em staging por duas semanas', '2026-11-16'],
    ['nl', 'Alleen staging, voor twee weken', '2026-11-16'],
    ['ru', 'Только стейдж, на две недели', '2026-11-16'],
    ['tr', 'Sadece staging, iki hafta boyunca', '2026-11-16'],
    ['ja', 'ステージングのみ、2週間だけ試す', '2026-11-16'],
    ['zh', '只在预发环境，临时两周', '2026-11-16'],
    ['ko', '스테이징에서만 2주 동안 임시 적용', '2026-11-16'],
    ['fr', 'Uniquement en staging, pendant trois jours', '2026-11-05'],
  ])('%s: %s', (_lang, text, until) => {
    expect(readDeadline(text, WRITTEN).date).toBe(until);
    expect(intentOf(text).temporary?.until).toBe(until);
  });

  it('not a span when it tells how long ago, and no date from a version number', () => {
    expect(readDeadline('2週間前からステージングで再現', WRITTEN).date).toBeUndefined();
    expect(readDeadline('2주 전에 스테이징에서 발견', WRITTEN).date).toBeUndefined();
    expect(readDeadline('bump client do 1.2.3', WRITTEN).date).toBeUndefined();
    expect(readDeadline('Upgrade bis 2.10.4 getestet', WRITTEN).date).toBeUndefined();
  });
});

describe('"do not promote" and tests', () => {
  it.each([
    ['de', 'Feature-Flag an, bitte nicht in Prod übernehmen'],
    ['es', 'Flag activado, no subir a producción'],
    ['fr', 'Flag activé, pas en prod'],
    ['ru', 'Флаг включён, не в прод'],
    ['ja', '本番には入れないでください'],
    ['zh', '开关打开，不要上生产'],
    ['ko', '플래그 켬, 운영에 반영하지 마세요'],
  ])('%s: %s → kept to its environment', (_lang, text) => {
    expect(intentOf(text).scope).toMatchObject({ kind: 'env-only' });
  });

  it.each([
    ['es', 'Pool a 200 para las pruebas de carga'],
    ['pt', 'Pool em 200 para testes de carga'],
    ['ja', '負荷試験のためプールを 200 に'],
    ['zh', '压测需要，连接池调到 200'],
    ['ru', 'Пул 200 для нагрузочного теста'],
  ])('%s: %s → a test', (_lang, text) => {
    expect(intentOf(text).scope).toMatchObject({ kind: 'test' });
  });
});

describe('work reported done, not a condition for later', () => {
  it.each([
    'Migration erledigt, alte Cluster abgeschaltet',
    'Migración terminada',
    'Bascule terminée, c’est fait',
    'Migração concluída',
    'Migrazione completata',
    'Migratie afgerond',
    'Migracja zakończona',
    'Переезд завершён, готово',
    'Taşıma tamamlandı',
    'k8s-eu2 への移行完了',
    '迁移完成',
    '마이그레이션 완료',
  ])('done: %s', (text) => {
    expect(reportsDone(text)).toBeDefined();
  });

  it.each([
    'wenn die Migration erledigt ist, zurückdrehen',
    'cuando esté terminado volvemos a 30',
    'k8s-eu2 への移行が完了したら戻す',
    '迁移完成后改回',
    '마이그레이션 완료 후 원복',
  ])('not done: %s', (text) => {
    expect(reportsDone(text)).toBeUndefined();
  });

  it.each(['Freigegeben durch CAB', 'Aprobado por el equipo de seguridad', 'Approuvé par le CAB', '承認済みです', '已批准', '승인 완료'])(
    'approved: %s',
    (text) => {
      expect(approvedIn(text)).toBeDefined();
    },
  );
  it.each(['sobald genehmigt, nach Prod', '承認されたら本番へ'])('not yet approved: %s', (text) => {
    expect(approvedIn(text)).toBeUndefined();
  });
});

describe('whether a text was understood', () => {
  const understood = (subject: string, body = '') => textUnderstood({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, 'staging', TWO);
  it('a text with an intent read, in any language read, or in a read language saying nothing: understood', () => {
    expect(understood('ステージングのみ一時的に変更')).toMatchObject({ understood: true, language: 'ja' });
    expect(understood('Tylko na staging, na dwa tygodnie')).toMatchObject({ understood: true, language: 'pl' });
    expect(understood('Bump the pool size')).toMatchObject({ understood: true });
    expect(understood('Poolgröße für die neue Version angepasst')).toMatchObject({ understood: true, language: 'de' });
    // Indonesian is read since session 33 (sp30b).
    expect(understood('Hanya untuk staging sementara, lalu kembali ke nilai lama')).toMatchObject({ understood: true, language: 'id' });
  });
  it('a text in a script or a language not read, or a non-Latin one whose words were not read: not understood', () => {
    expect(understood('تم تغيير المهلة مؤقتا في بيئة الاختبار')).toMatchObject({ understood: false, language: 'ar' });
    expect(understood('タイムアウトを 30 秒に変更')).toMatchObject({ understood: false, language: 'ja' });
    expect(understood('Змінено тайм-аут на стейджі')).toMatchObject({ understood: false, language: 'uk' });
  });
  // Finnish was a language not read until session 30 (holdout-27/32): it is read now.
  it('a Finnish text is read', () => {
    expect(understood('Vain stagingissa väliaikaisesti, sitten takaisin')).toMatchObject({ understood: true, language: 'fi' });
  });
  // Swedish was a language not read until session 26 (holdout-22/46): it is read now.
  it('a Swedish text is read', () => {
    expect(understood('Bara i staging, tills vidare, sedan tillbaka')).toMatchObject({ understood: true, language: 'sv' });
  });
  it('tells languages apart by their words', () => {
    expect(languageOf('Nur für Staging, bis auf Weiteres')?.language).toBe('de');
    expect(languageOf('Solo en staging hasta el viernes')?.language).toBe('es');
    expect(languageOf('bump')).toBeUndefined();
  });
});

describe('the verdict reads it: a temporary staging change past its own deadline goes back', () => {
  const KEY = 'checkout.lockTimeoutSeconds';
  const created: Step = {
    subject: 'initial config',
    date: '2026-09-01T10:00:00Z',
    set: { staging: ['', '30'], production: ['', '30'] },
  };
  it.each([
    ['ja', 'ロックのタイムアウト変更', '検証のため一時的にステージングのみ 300 秒。10/20までに 30 に戻します'],
    ['pl', 'Dłuższy timeout blokady', 'Tylko na staging, na dwa tygodnie, potem wracamy do 30'],
    ['ru', 'Таймаут блокировки дольше', 'Только на стейдже до 20.10, потом вернём 30'],
  ])('%s', (_lang, subject, body) => {
    const v = judge(KEY, [created, { subject, body, date: '2026-10-05T09:00:00Z', set: { staging: ['30', '300'] } }], '2026-11-25');
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });
  it('not yet due: declared until its end', () => {
    const v = judge(
      KEY,
      [
        created,
        {
          subject: 'ロックのタイムアウト変更',
          body: 'ステージングのみ一時的に 300 秒、12/20までに戻します',
          date: '2026-11-05T09:00:00Z',
          set: { staging: ['30', '300'] },
        },
      ],
      '2026-11-25',
    );
    expect(v).toMatchObject({ suggested: 'declare', expires: '2026-12-20' });
  });
});
