// What a clause negates or asks about is not what it says (src/verdict/languages.ts `doubtIn`,
// `firstOf`): "niet tijdelijk" is not "tijdelijk", "要不要上线" (whether to go live) is not "不要上线"
// (do not go live). And documents are read in every language the table knows, with the same
// readers as commit text (keep, undo), found by the key's name or by a value they name. Phrasings
// of our own, in memory: no git.
import { describe, expect, it } from 'vitest';
import { readIntent, reportsDone, textUnderstood } from '../../src/verdict/intent.js';
import { approvedIn } from '../../src/verdict/conditions.js';
import { decidesKeep, passages } from '../../src/verdict/documents.js';
import { foreignSays } from '../../src/verdict/languages.js';
import { judge, TWO, type Step } from './memory-story.js';

const WRITTEN = '2026-11-02T09:00:00Z';
const commit = (subject: string, body = '') => ({ subject, body, author: 'a', email: 'a@x', date: WRITTEN });
const intentOf = (subject: string, body = '', env = 'staging') => readIntent(commit(subject, body), env, TWO);

describe('a time limit or a scope negated is not one', () => {
  it.each([
    ['nl', 'Sandbox-URL op acceptatie gezet. Dit is blijvend, niet tijdelijk.'],
    ['de', 'Sandbox-Endpunkt für Staging gesetzt, das ist nicht temporär'],
    ['de', 'Das ist keine vorübergehende Lösung, sondern bleibt so'],
    ['fr', 'Endpoint sandbox en staging : ce n’est pas temporaire'],
    ['es', 'Endpoint de sandbox en staging, no es temporal'],
    ['pt', 'Endpoint do sandbox em staging, não é temporário'],
    ['it', 'Endpoint sandbox su staging, non è temporaneo'],
    ['pl', 'Sandbox na stagingu, to nie jest tymczasowe'],
    ['ru', 'Песочница на стейдже, это не временно'],
    ['tr', 'Staging sandbox adresine alındı, bu geçici değil'],
    ['ja', 'ステージングはサンドボックスへ。一時的ではない'],
    ['zh', '预发切到沙箱地址，不是临时的'],
    ['ko', '스테이징은 샌드박스로 변경, 임시가 아님'],
    ['en', 'Point staging at the sandbox. This is not temporary.'],
  ])('%s: %s', (_lang, text) => {
    expect(intentOf(text).temporary).toBeUndefined();
  });

  it.each([
    ['de', 'nicht nur für Staging, auch Prod bekommt das'],
    ['es', 'no solo en staging, producción también'],
    ['pl', 'nie tylko na staging'],
  ])('"not only" is no scope: %s', (_lang, text) => {
    expect(intentOf(text).scope?.kind).not.toBe('env-only');
  });

  it.each([
    ['de', 'Migration noch nicht erledigt'],
    ['nl', 'migratie is nog niet afgerond'],
    ['es', 'la migración no está terminada'],
    ['pl', 'migracja nie jest zakończona'],
  ])('work said not done is not reported done: %s', (_lang, text) => {
    expect(reportsDone(text)).toBeUndefined();
  });

  it.each(['nicht genehmigt, bitte warten', 'no aprobado todavía', 'nog niet goedgekeurd'])('not approved is no approval: %s', (text) => {
    expect(approvedIn(text)).toBeUndefined();
  });

  it('what it did say still reads: "nicht temporär, nur für Staging" is a scope', () => {
    expect(intentOf('Sandbox nur für Staging, das ist nicht temporär').scope?.kind).toBe('env-only');
  });
});

describe('a question asks, it does not say: the text is not understood, and the sentence is named', () => {
  const understood = (subject: string, body = '') => textUnderstood(commit(subject, body), 'staging', TWO);
  it.each([
    ['zh', '预发换成新模型', '生产先不动，等实验结果再决定要不要上线。', '要不要'],
    ['zh', '预发换成新模型', '是否上生产，等评审后再定', '是否'],
    ['ja', 'ステージングで新モデル', '本番に入れないかどうかは来週判断します', 'かどうか'],
    ['ko', '스테이징에 새 모델 적용', '운영에 반영하지 않을지 여부는 다음 주에 결정', '여부'],
    ['de', 'Neues Modell auf Staging', 'Ob das nur für Staging bleibt, entscheiden wir nach dem Test.', 'Ob'],
    ['pl', 'Nowy model na stagingu', 'Czy to tylko na staging, zdecydujemy po teście.', 'Czy'],
    ['nl', 'Nieuw model op staging', 'We weten nog niet of het tijdelijk is.', 'of het'],
  ])('%s: %s / %s', (_lang, subject, body, marker) => {
    const u = understood(subject, body);
    expect(u.understood).toBe(false);
    expect(u.unread.join(' ')).toContain(marker);
  });

  it('"要不要上线" is not "不要上线": no scope read from it', () => {
    expect(intentOf('预发换成新模型', '等实验结果再决定要不要上线').scope).toBeUndefined();
    // … while a plain "do not go live" still is one.
    expect(intentOf('预发换成新模型', '不要上线，只在预发').scope?.kind).toBe('env-only');
  });

  it('the verdict over such a text is a question at 0.3 or below that quotes the unread sentence', () => {
    const steps: Step[] = [
      { subject: 'ranker config', date: '2026-03-01T10:00:00Z', set: { staging: ['', 'ranker-a'], production: ['', 'ranker-a'] } },
      {
        subject: '预发换成 ranker-b',
        body: '生产先不动，等实验结果再决定要不要上线。',
        date: '2026-10-01T10:00:00Z',
        set: { staging: ['ranker-a', 'ranker-b'] },
      },
    ];
    const v = judge('ranking.model', steps, '2026-11-20');
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.3);
    expect(v.question).toContain('要不要上线');
  });
});

describe('documents and notes are read in every language the table knows', () => {
  it.each([
    ['pl', 'Decyzja: zostawiamy 10 ms na stałe'],
    ['pl', '- [ ] wpisać QUEUE_DELAY_MS=10 do repo (deploy/production)'],
    ['de', 'Entscheidung: QUEUE_DELAY_MS bleibt dauerhaft bei 10, bitte ins Repo'],
    ['es', 'Decisión: mantener QUEUE_DELAY_MS=10 en producción'],
    ['fr', 'Décision : on garde QUEUE_DELAY_MS à 10 pour la prod, avec le feu vert des ops'],
    ['ja', 'QUEUE_DELAY_MS=10 はこのまま維持し、リポジトリに反映する'],
    ['zh', 'QUEUE_DELAY_MS=10 保留，写入仓库'],
  ])('a decision to keep: %s %s', (_lang, text) => {
    expect(decidesKeep(text)).toBeDefined();
  });

  it.each([
    ['de', 'Falls die Queue wieder wächst, QUEUE_DELAY_MS behalten'],
    ['pl', 'Czy zostawiamy QUEUE_DELAY_MS=10? Do decyzji w piątek'],
    ['es', 'No mantener QUEUE_DELAY_MS=10, era solo para el incidente'],
  ])('a keep set as a condition, asked or negated is none: %s %s', (_lang, text) => {
    expect(decidesKeep(text)).toBeUndefined();
  });

  it.each([
    ['de', 'QUEUE_DELAY_MS wurde versehentlich geändert'],
    ['es', 'QUEUE_DELAY_MS se cambió por error'],
    ['ja', 'QUEUE_DELAY_MS を誤って変更'],
    ['ru', 'QUEUE_DELAY_MS поменяли по ошибке'],
  ])('a mistake: %s %s', (_lang, text) => {
    expect(foreignSays(text, 'mistake')).toBeDefined();
  });

  const base = (): Step => ({ subject: 'search config', date: '2026-03-01T10:00:00Z', set: { staging: ['', 'ranker-a'], production: ['', 'ranker-a'] } });
  const tried: Step = { subject: 'ranker-b auf Staging', date: '2026-10-01T10:00:00Z', set: { staging: ['ranker-a', 'ranker-b'] } };
  const doc: Step = { subject: 'docs: experiment result', date: '2026-10-20T10:00:00Z', touched: ['docs/exp.md'] };
  it.each([
    ['zh, naming the value only', '- 结论：ranker-b 不上线。预发环境回滚到 ranker-a。'],
    ['de, naming the value only', '- Ergebnis: ranker-b verliert. Staging zurück auf ranker-a.'],
    ['es, naming the key', '- Resultado: ranker-b pierde; search.model en staging volver a ranker-a.'],
    ['ja, naming the value only', '- 結果：ranker-b は不採用。ステージングは ranker-a に切り戻します。'],
  ])('a document saying the staging value goes back, %s: revert staging', (_what, text) => {
    const v = judge(
      'search.model',
      [base(), tried, doc],
      '2026-11-20',
      {},
      { documents: [{ path: 'docs/exp.md', step: 2, text: `# Experiment\n\n${text}\n` }] },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'ranker-a' });
  });

  it('a document that names the value but not the environment nor the old value is no undo of it', () => {
    const text = '- ranker-b: 服务已恢复，延迟正常。';
    const v = judge('search.model', [base(), tried, doc], '2026-11-20', {}, { documents: [{ path: 'docs/exp.md', step: 2, text: `# Notes\n\n${text}\n` }] });
    expect(v.suggested).not.toBe('revert');
  });

  it("a table's rows are passages of their own", () => {
    const rows = passages('| host | what |\n|---|---|\n| a.example | sandbox |\n| b.example | PRODUCTION |\n');
    expect(rows.map((r) => r.text)).toContain('| b.example | PRODUCTION |');
  });
});

describe('a name is a name plain, quoted, as code or as a path: "delete the X" is an undo', () => {
  const base = (): Step => ({ subject: 'worker config', date: '2026-03-01T10:00:00Z', set: { staging: ['', 'off'], production: ['', 'off'] } });
  const changed: Step = { subject: 'debug worker on', date: '2026-10-01T10:00:00Z', set: { staging: ['off', 'on'] } };
  it.each([
    '- [ ] DELETE the `debug-sidecar` from staging',
    '- [ ] remove "debug-sidecar" again',
    '- drop k8s/staging/debug-sidecar.yaml',
    '- get rid of the debug-sidecar in staging',
  ])('%s', (text) => {
    const note: Step = { subject: 'docs: follow-ups', date: '2026-10-10T10:00:00Z', touched: ['docs/follow-ups.md'] };
    const v = judge(
      'workers.debug-sidecar',
      [base(), changed, note],
      '2026-11-20',
      {},
      { documents: [{ path: 'docs/follow-ups.md', step: 2, text: `# Follow-ups\n\n${text}\n` }] },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'off' });
  });
});

describe('a staged rollout, "first here, then there", in every language read', () => {
  it.each([
    ['de', 'Neues PDB, erst auf Staging, dann Prod'],
    ['de', 'Zuerst Staging. Bevor es nach Prod geht, eine Woche beobachten'],
    ['es', 'Primero en staging, luego en producción'],
    ['fr', "D'abord en staging, ensuite en prod"],
    ['pt', 'Primeiro no staging, depois em produção'],
    ['it', 'Prima su staging, poi in produzione'],
    ['nl', 'Eerst op staging, daarna naar productie'],
    ['pl', 'Najpierw na stagingu, potem na produkcji'],
    ['ru', 'Сначала на стейдже, потом на прод'],
    ['tr', 'Önce staging, sonra prod'],
    ['ja', 'まずステージングで確認し、その後本番へ'],
    ['zh', '先在预发验证，然后上生产'],
    ['ko', '먼저 스테이징에서 확인, 그 다음 운영에 반영'],
  ])('%s: %s', (_lang, text) => {
    expect(intentOf(text).rollout?.next).toEqual(['production']);
  });

  it.each([
    ['de', 'Nur auf Staging, dann auf keinen Fall Prod'],
    ['es', 'Solo en staging; luego no va a producción'],
    ['zh', '只在预发，然后不上生产'],
    ['de', 'Auf Staging. Ob danach Prod, ist offen?'],
  ])('not a rollout when the next step is negated or asked: %s', (_lang, text) => {
    expect(intentOf(text).rollout).toBeUndefined();
  });

  it('a later go citing the same ticket meets its gate: backfill production', () => {
    const steps: Step[] = [
      { subject: 'indexer config', date: '2026-03-01T10:00:00Z', set: { staging: ['', '1'], production: ['', '1'] } },
      { subject: 'IDX-77 drain budget', body: 'Erst auf Staging testen, danach Prod.', date: '2026-10-01T10:00:00Z', set: { staging: ['1', '2'] } },
      { subject: 'IDX-77: three drains on staging fine, go ahead with prod', date: '2026-10-20T10:00:00Z' },
    ];
    const v = judge('indexer.drainBudget', steps, '2026-11-20');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '2' });
  });
});

describe("a document that names the value a lower environment holds as production's own: that environment goes back", () => {
  const doc = (text: string) => ({ documents: [{ path: 'docs/runbook.md', step: 2, text: `# Endpoints\n\n${text}\n` }] });
  const story = (key: string, before: string, after: string): Step[] => [
    { subject: 'service config', date: '2026-03-01T10:00:00Z', set: { staging: ['', before], production: ['', `${before}-prod`] } },
    { subject: 'switch it, the sandbox is flaky', date: '2026-10-01T10:00:00Z', set: { staging: [before, after] } },
    { subject: 'docs: endpoints', date: '2026-10-05T10:00:00Z', touched: ['docs/runbook.md'] },
  ];
  it.each([
    ['a bucket, in a list', 'REPORT_BUCKET', 'reports-sandbox', 'acme-reports-live', '- `acme-reports-live`: the production bucket, real customer data'],
    ['a host, in a table', 'PSP_HOST', 'sandbox.psp.example', 'eu2.psp.example', '| eu2.psp.example | PRODUCTION EU2, live payments |'],
    ['a database, in German', 'DB_HOST', 'db-test.acme.internal', 'db-main-01.acme.internal', 'db-main-01.acme.internal ist die Produktion-Datenbank.'],
    ['an API, in Japanese', 'PAY_API', 'sandbox.pay.example', 'api.pay.example', '- api.pay.example は本番環境のエンドポイント'],
  ])('%s', (_what, key, before, after, text) => {
    const v = judge(key, story(key, before, after), '2026-11-20', {}, doc(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: before });
    expect(v.reasons.join('\n')).toContain("as production's own");
  });

  it.each([
    ['a plan for later', '| eu2.psp.example | will be the production host after the cutover |'],
    ['it names the lower environment too', '| eu2.psp.example | production; staging may use it for smoke tests |'],
    ['no production word', '| eu2.psp.example | EU2 region, second site |'],
  ])('not when %s', (_what, text) => {
    const v = judge('PSP_HOST', story('PSP_HOST', 'sandbox.psp.example', 'eu2.psp.example'), '2026-11-20', {}, doc(text));
    expect(v.suggested).not.toBe('revert');
  });

  // Production named with the value only to say it does not take it yet: the value is what
  // production is kept from, not production's own (a ticket log's "Prod NON passa a …").
  it.each([
    ['it', '- PSP-31 riaperto. La produzione NON passa a eu2.psp.example prima della chiusura.'],
    ['en', '- PSP-31 reopened. Production does not move to eu2.psp.example before it closes.'],
    ['de', '- PSP-31 wieder offen. Prod wechselt nicht auf eu2.psp.example, bevor es geschlossen ist.'],
    ['fr', '- PSP-31 rouvert : la prod ne passe pas sur eu2.psp.example avant la clôture.'],
    ['es', '- PSP-31 reabierto: producción no pasa a eu2.psp.example antes del cierre.'],
    ['en, the production word negated', '| eu2.psp.example | not for production: EU2 rehearsal host |'],
  ])('not when production is said not to take it (%s)', (_lang, text) => {
    const v = judge('PSP_HOST', story('PSP_HOST', 'sandbox.psp.example', 'eu2.psp.example'), '2026-11-20', {}, doc(text));
    expect(v.reasons.join('\n'), v.reasons.join('\n')).not.toContain("as production's own");
    expect(v.suggested).not.toBe('revert');
  });
  it("a negation elsewhere in the text does not hide a sentence that names it production's own", () => {
    const text = 'We do not test payments here. eu2.psp.example is the production host, live payments.';
    const v = judge('PSP_HOST', story('PSP_HOST', 'sandbox.psp.example', 'eu2.psp.example'), '2026-11-20', {}, doc(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'sandbox.psp.example' });
  });

  it("not when the value before is written down as production's too", () => {
    const text = '| sandbox.psp.example | PRODUCTION EU1 |\n| eu2.psp.example | PRODUCTION EU2 |';
    const v = judge('PSP_HOST', story('PSP_HOST', 'sandbox.psp.example', 'eu2.psp.example'), '2026-11-20', {}, doc(text));
    expect(v.suggested).not.toBe('revert');
  });
});

describe('a sentence in a language no reader reads, inside a text taken for another, is left unread and named', () => {
  const understood = (subject: string, body = '') => textUnderstood(commit(subject, body), 'staging', TWO);
  // Czech was the example until session 33, when it came to be read (sp30a); Lithuanian and Estonian are not.
  it.each([
    ['lt', 'Raise the pool to 40', 'Tik staging aplinkai, paskui grąžinsime į 20.'],
    ['et', 'Raise the pool to 40', 'Ainult stagingu jaoks, pärast seda jälle tagasi 20 peale.'],
    ['hr', 'Raise the pool to 40', 'Samo za staging, nakon toga se vraća na 20.'],
    ['sk', 'Raise the pool to 40', 'Iba pre staging, potom sa to vráti späť na 20.'],
    ['lv', 'Raise the pool to 40', 'Tikai staging videi, pēc tam atpakaļ uz 20.'],
  ])('%s', (_lang, subject, body) => {
    const u = understood(subject, body);
    expect(u.understood).toBe(false);
    expect(u.unread).toContain(body);
  });
  it.each([
    ['a name that is a word elsewhere', 'Raise the pool to 40 for Dan', 'Dan asked for it in the sync.'],
    ['German, read', 'Pool auf 40', 'Nur für Staging, bis zum 20.11.'],
    // Swedish is read since session 26 (readers4b).
    ['Swedish, read', 'Bump the pool to 40', 'Bara i staging tills vidare, sedan tillbaka till 20.'],
    // Romanian is read since session 29 (sp26g).
    ['Romanian, read', 'Raise the pool to 40', 'Doar pentru staging, apoi revenim la 20.'],
    // Ukrainian is read since session 30 (sp27c).
    ['Ukrainian, read', 'Raise the pool to 40', 'Тільки для стейджу, потім повернемо 20.'],
    // Finnish is read since session 30 (sp27a).
    ['Finnish, read', 'Bump the pool to 40', 'Vain stagingissa väliaikaisesti, sitten takaisin 20:een.'],
    // Indonesian is read since session 33 (sp30b).
    ['Indonesian, read', 'Bump the pool to 40', 'Hanya untuk staging sementara, lalu kembali ke 20.'],
    // Czech is read since session 33 (sp30a).
    ['Czech, read', 'Raise the pool to 40', 'Jen pro staging, pak se to vrátí na 20.'],
  ])('not for %s', (_what, subject, body) => {
    expect(understood(subject, body).unread).toEqual([]);
  });
});

describe("a move never copies into a lower environment a value a document names as production's own", () => {
  const story = (key: string, subject: string, before: string, after: string): Step[] => [
    { subject: 'service config', date: '2026-03-01T10:00:00Z', set: { staging: ['', before], production: ['', before] } },
    { subject, date: '2026-10-01T10:00:00Z', set: { production: [before, after] } },
    { subject: 'docs: endpoints', date: '2026-10-05T10:00:00Z', touched: ['docs/endpoints.md'] },
  ];
  const doc = (text: string) => ({ documents: [{ path: 'docs/endpoints.md', step: 2, text: `# Endpoints\n\n${text}\n` }] });
  it.each([
    [
      'a sink in a table',
      'events.sink',
      'hotfix: new sink for INC-3311',
      'sink-a.example',
      'acme-live-sink.example',
      '| acme-live-sink.example | PRODUCTION: real customer events |',
    ],
    [
      'a bucket in a list',
      'exports.target',
      'hotfix: exports to the new bucket (INC-88)',
      'exports-old',
      'acme-exports-live',
      '- `acme-exports-live` — production only, real customer data',
    ],
    ['a stream, in Spanish', 'orders.stream', 'hotfix INC-12: nuevo stream', 'orders-s1', 'orders-main-s', '- orders-main-s es el stream de producción'],
  ])('%s: declared with the question, not backfilled', (_what, key, subject, before, after, text) => {
    const v = judge(key, story(key, subject, before, after), '2026-11-20', {}, doc(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toContain("as production's own");
  });
  it('a document that allows it in the lower environment too stops nothing', () => {
    const v = judge(
      'events.sink',
      story('events.sink', 'hotfix: new sink for INC-3311', 'sink-a.example', 'shared-sink.example'),
      '2026-11-20',
      {},
      doc('| shared-sink.example | production and staging share it |'),
    );
    expect(v.question ?? '').not.toContain("as production's own");
  });
});
