// A commit's own words beyond its key and environment (intent.ts): a per-environment list of steps, "in all
// accounts" as every environment, a removal planned after an event, a denied environment-only scope in every
// language read, production named as where the change matters, and a refused step with "n't". Each read in a
// commit's subject, its body, a squash merge's body and a comment beside the value, in the languages read.
import { describe, expect, it } from 'vitest';
import { goesTo, plannedRemoval, readIntent, stepsIn, withdrawalIn } from '../../src/verdict/intent.js';

const WRITTEN = '2026-11-18T14:02:00+01:00';
const ENVS = ['stg', 'prod'];
const THREE = ['dev', 'staging', 'production'];
type Place = (text: string) => { subject: string; body: string };
const PLACES: Record<string, Place> = {
  subject: (t) => ({ subject: t.split('\n').join(' '), body: '' }),
  body: (t) => ({ subject: 'Update config', body: t }),
  'squash merge body': (t) => ({ subject: 'Config changes (#412)', body: `* ${t.split('\n').join('\n* ')}\n\nCo-authored-by: Finn <finn@example.com>` }),
  'comment beside the value': (t) => ({ subject: '', body: `# ${t.split('\n').join('\n# ')}` }),
};
const intent = (place: Place, text: string, env = 'stg', envs = ENVS) =>
  readIntent({ ...place(text), author: 'Amara', email: 'amara@example.com', date: WRITTEN }, env, envs);

describe('a per-environment list of steps', () => {
  it('reads what each environment was meant to get', () => {
    expect(stepsIn('Raise retention\n\n* stg: 7 -> 35\n* prod: 7 -> 35\n', ENVS)).toEqual([
      { env: 'stg', from: '7', to: '35', line: '* stg: 7 -> 35' },
      { env: 'prod', from: '7', to: '35', line: '* prod: 7 -> 35' },
    ]);
    expect(stepsIn('- staging: from 2 to 4\n- production: from 2 to 4', THREE).map((s) => [s.env, s.to])).toEqual([
      ['staging', '4'],
      ['production', '4'],
    ]);
    expect(stepsIn('- dev → 512Mi\n- staging → 512Mi\n- production → 1Gi', THREE).map((s) => s.to)).toEqual(['512Mi', '512Mi', '1Gi']);
    expect(stepsIn('prod: 35 (was 7)', ENVS)).toEqual([{ env: 'prod', from: '7', to: '35', line: 'prod: 35 (was 7)' }]);
    expect(stepsIn('staging: bump to 1.2 next week', THREE)).toEqual([]);
  });
  it('is every environment when the list gives each the same value, in every place', () => {
    // (A list lives in a body, a squash body or a comment; a subject is one line.)
    for (const [name, place] of Object.entries(PLACES).filter(([n]) => n !== 'subject')) {
      expect(intent(place, 'AUD-77 retention\nstg: 7 -> 35\nprod: 7 -> 35').everywhere, name).toBeTruthy();
      expect(intent(place, 'heap\ndev → 512Mi\nstaging → 512Mi\nproduction → 1Gi', 'staging', THREE).everywhere, name).toBeUndefined();
      expect(intent(place, 'heap\nstaging: 2 -> 4', 'staging', THREE).everywhere, name).toBeUndefined();
    }
  });
});

describe('"in all accounts" where the environments are accounts, clusters or regions', () => {
  const phrasings: Array<[string, string]> = [
    ['en', 'AUD-77: backup retention must be >= 35 days in all accounts'],
    ['en', 'Enable the WAF rule across every AWS account'],
    ['en', 'Same node pool size for all workspaces'],
    ['de', 'Aufbewahrung auf 35 Tage in allen Accounts'],
    ['es', 'Retención de 35 días en todas las cuentas'],
    ['fr', 'Rétention de 35 jours dans tous les comptes'],
    ['pt', 'Retenção de 35 dias em todas as contas'],
    ['it', 'Conservazione di 35 giorni in tutti gli account'],
    ['nl', 'Retentie van 35 dagen in alle accounts'],
    ['pl', 'Retencja 35 dni na wszystkich kontach'],
    ['ru', 'Хранение 35 дней во всех аккаунтах'],
    ['tr', 'Yedekler tüm hesaplarda 35 gün saklanır'],
    ['ja', 'バックアップ保持期間を全アカウントで35日にする'],
    ['zh', '所有账号的备份保留期改为35天'],
    ['ko', '모든 계정에서 백업 보존 기간을 35일로'],
  ];
  for (const [lang, text] of phrasings)
    it(`${lang}: ${text}`, () => {
      for (const [name, place] of Object.entries(PLACES)) expect(intent(place, text).everywhere, name).toBeTruthy();
    });
  it('is not an everywhere where the accounts are not all', () => {
    expect(intent(PLACES.body!, 'Only the audit account needs 35 days').everywhere).toBeUndefined();
    expect(intent(PLACES.body!, 'not all accounts yet, stg first').everywhere).toBeUndefined();
  });
});

describe('a removal planned after an event or a day', () => {
  const cases: Array<[string, string, { date?: string; event?: RegExp }]> = [
    ['ja', 'QA自動テスト用、12月1日のリリース後に削除', { date: '2026-12-01' }],
    ['en', 'for the e2e suite, delete after the release', { event: /release/ }],
    ['en', 'fixed OTP for the e2e suite; to be removed after the 1 Dec release', { date: '2026-12-01' }],
    ['en', 'Test inbox for QA. Remove it once the checkout migration is done.', { event: /checkout migration/ }],
    ['de', 'nur für Tests, nach dem Release löschen', { event: /Release/ }],
    ['de', 'Test-Code, nach dem 1. Dezember entfernen', { date: '2026-12-01' }],
    ['es', 'solo para pruebas, eliminar después del release del 1 de diciembre', { date: '2026-12-01' }],
    ['fr', 'pour les tests e2e, supprimer après la mise en production', { event: /mise en production/ }],
    ['pt', 'para testes, remover após o release', { event: /release/ }],
    ['it', 'solo per i test, rimuovere dopo il rilascio', { event: /rilascio/ }],
    ['nl', 'alleen voor tests, na de release verwijderen', { event: /release/ }],
    ['pl', 'tylko do testów, usunąć po wydaniu', { event: /wydaniu/ }],
    ['ru', 'только для тестов, удалить после релиза', { event: /релиза/ }],
    ['tr', 'sadece testler için, sürümden sonra sil', { event: /sürüm/ }],
    ['zh', '仅用于测试，12月1日发布后删除', { date: '2026-12-01' }],
    ['ko', '테스트용, 12월 1일 릴리스 후 삭제', { date: '2026-12-01' }],
  ];
  for (const [lang, text, want] of cases)
    it(`${lang}: ${text}`, () => {
      const r = plannedRemoval(text, WRITTEN);
      expect(r).toBeDefined();
      if (want.date) expect(r!.date).toBe(want.date);
      if (want.event) expect(r!.event).toMatch(want.event);
      // Read as the change's end in every place text lives.
      for (const [name, place] of Object.entries(PLACES)) {
        const t = intent(place, text).temporary;
        expect(t, name).toBeDefined();
        if (want.date) expect(t!.until, name).toBe(want.date);
      }
    });
  it('is none for another thing removed, a denial or a question', () => {
    expect(plannedRemoval('add new_timeout; remove the old key after the release', WRITTEN)).toBeUndefined();
    expect(plannedRemoval('do not delete after the release', WRITTEN)).toBeUndefined();
    expect(plannedRemoval('should we delete it after the release?', WRITTEN)).toBeUndefined();
  });
});

describe('a denied environment-only scope is every environment, in every language read', () => {
  const phrasings: Array<[string, string]> = [
    ['en', "This isn't a staging-only experiment: support has 30 tickets"],
    ['de', 'Das ist nicht nur für Staging gedacht'],
    ['es', 'No es solo para staging, producción lo necesita'],
    ['fr', "Ce n'est pas seulement pour la préprod"],
    ['pt', 'Não é só para homologação, produção sofre com isso'],
    ['it', 'Non solo per lo staging: in produzione fa male'],
    ['nl', 'Niet alleen voor staging bedoeld'],
    ['pl', 'Nie tylko na staging, produkcja też cierpi'],
    ['ru', 'Не только для стейджа, на проде та же проблема'],
    ['tr', 'Sadece staging için değil, prod da etkileniyor'],
    ['ja', 'ステージングだけではない、本番でも問題が出ている'],
    ['zh', '不只是预发环境，生产也有同样的问题'],
    ['ko', '스테이징만을 위한 것이 아니다'],
  ];
  for (const [lang, text] of phrasings)
    it(`${lang}: ${text}`, () => {
      for (const [name, place] of Object.entries(PLACES)) expect(intent(place, text, 'staging', THREE).everywhere, name).toBeTruthy();
    });
  it('is nothing where no environment is denied', () => {
    expect(intent(PLACES.body!, 'not a read-only replica', 'staging', THREE).everywhere).toBeUndefined();
    expect(intent(PLACES.body!, 'nicht nur für den Spaß', 'staging', THREE).everywhere).toBeUndefined();
    expect(intent(PLACES.body!, '不只是为了测试速度', 'staging', THREE).everywhere).toBeUndefined();
  });
});

describe('production named as where the change matters', () => {
  for (const text of [
    'production is where it hurts (support has 30+ tickets)',
    'Prod is where the bug really bites.',
    'The real problem is in production, not staging.',
    'Prod ist, wo es weh tut.',
    'En producción es donde duele.',
    "C'est en prod que ça fait mal.",
  ])
    it(text, () => expect(goesTo(text, 'production')).toBeTruthy());
  it('names no other environment', () => {
    expect(goesTo('staging is where it hurts', 'production')).toBeUndefined();
    expect(goesTo('Is production where it hurts?', 'production')).toBeUndefined();
  });
});

describe('a refused step with "n\'t"', () => {
  for (const text of [
    "Please don't take 3600 to production.",
    "We won't ship the new TTL to prod.",
    "Don’t raise prod's limit after all",
    "We shouldn't promote it",
  ])
    it(text, () => expect(withdrawalIn(text)).toBeTruthy());
  it('nothing refused', () => {
    expect(withdrawalIn("Don't worry, it goes to prod tomorrow.")).toBeUndefined();
  });
});
