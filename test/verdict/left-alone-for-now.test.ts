// Session 39 (spent holdout-36, lane c): a difference that must be left alone for now. A workaround whose end
// is an event that has not come (a vendor fix installed, a letter of compliance, a customer's migration), or
// a question still open (a decision put to a meeting with both sides held until then, a measurement both
// sides wait for, a record reopened, a request awaiting its decision): moving either side now harms. Phrasings
// of our own, in the stories' languages and others; none is a story's sentence.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { undoAwaits } from '../../src/verdict/conditions.js';
import { documentStatus } from '../../src/verdict/documents.js';
import { awaitedEvent, eventAhead, eventWords } from '../../src/verdict/event-ahead.js';
import { leftOpenIn, undecidedIn } from '../../src/verdict/left-open.js';
import { repoFromScenario } from '../support/repo.js';

const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('undoAwaits: an undo written with the event it waits for', () => {
  it.each([
    ['back to true after 4.2.1 is installed (CHG-88)', 'back to true'],
    ['switch it back on once the vendor patch is in', 'switch it back on'],
    ['After the firmware upgrade, set it back to true.', 'set it back to'],
    ['4.2.1 설치 후 다시 켜기', '다시 켜'],
    ['パッチ適用後に戻す', '戻す'],
    ['升级到 4.2.1 之后改回', '改回'],
    ['wieder auf true, sobald 4.2.1 installiert ist', 'wieder'],
    ['po instalaci 4.2.1 vrátit zpět na true', 'vrátit'],
    ['återställ till true efter uppgraderingen', 'återställ'],
  ])('%s', (text, phrase) => {
    expect(undoAwaits(text, phrase)).toBe(true);
  });

  it.each([
    ['revert this: debug left on by mistake', 'revert this'],
    ['set it back to 100, the load test is over', 'set it back to'],
    ['Switch it back on. The vendor patch 4.2.1 is installed.', 'Switch it back on'],
    ['zurücksetzen, bitte', 'zurücksetzen'],
    ['원복 필요', '원복'],
    // A ticket's end awaited: whether the incident is over is the incident readers' to weigh.
    ['RATE_LIMIT_ENABLED=false while debugging (INC-3310) — turn back on after INC-3310', 'turn back on'],
    ['re-enable once OPS-112 is closed', 're-enable'],
    ['INC-77 후 원복', '원복'],
  ])('not: %s', (text, phrase) => {
    expect(undoAwaits(text, phrase)).toBe(false);
  });
});

describe('a comment beside the value saying it goes back after an event still to come', () => {
  const verdict = async (comment: string) => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2030-01-10T10:00:00Z',
          author: 'ana',
          message: 'proxy config',
          write: { 'undrift.yaml': CONFIG, 's.yaml': 'upstream_keepalive: true\n', 'p.yaml': 'upstream_keepalive: true\n' },
        },
        {
          at: '2030-05-02T10:00:00Z',
          author: 'ben',
          message: 'CHG-88 production keepalive off',
          write: { 'p.yaml': `upstream_keepalive: false # ${comment}\n` },
        },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2030-06-20' });
    return scan.divergences.find((x) => x.key === 'upstream_keepalive')!.verdict!;
  };

  it.each([['LB bug: set it back to true after firmware 9.1 is installed (CHG-88)'], ['LB 버그: 펌웨어 9.1 설치 후 다시 켜기 (CHG-88)']])(
    'is not read as an undo due now: %s',
    async (comment) => {
      const v = await verdict(comment);
      expect(v.suggested, why(v)).toBe('declare');
      expect(why(v)).not.toMatch(/says it is to be undone/);
    },
  );
});

describe('awaitedEvent and eventWords: the event a temporary change waits for', () => {
  it.each([
    ['temporary, until the vendor migration', 'vendor migration'],
    ['tạm thời cho đến khi đối tác chuyển sang API mới', 'đối tác chuyển sang API mới'],
    ['dočasně, do té doby než dodavatel vydá opravu', undefined],
    ['tillfälligt, tills leverantören släpper 9.1', 'leverantören släpper 9.1'],
    ['임시: 9.1 설치까지', '9.1 설치'],
  ])('%s', (text, event) => {
    const got = awaitedEvent(text);
    if (event === undefined) expect(got ?? '').not.toMatch(/dodavatel/);
    else expect(got).toContain(event);
  });

  it('keeps acronyms and longer words, not fillers', () => {
    expect(eventWords('the LoC from the scheme')).toEqual(['LoC', 'scheme']);
    expect(eventWords('the API')).toEqual(['API']);
  });
});

describe('eventAhead: a later record saying the awaited event has not come', () => {
  it.each([
    ['Vendor migration: expected in March 2031.', ['migration'], '2031-03-31'],
    ['Die Migration ist voraussichtlich am 15.3.2031 fertig.', ['Migration'], '2031-03-15'],
    ['Migrace je plánována na 15.3.2031.', ['Migrace'], '2031-03-15'],
    ['Leverantörens 9.1: förväntas 15 mars 2031.', ['9.1'], '2031-03-15'],
  ])('expected on a day to come: %s', (sentence, words, on) => {
    expect(eventAhead(sentence, words, '2030-12-01T10:00:00Z', '2030-12-20')).toEqual(expect.objectContaining({ on }));
  });

  it.each([
    ['The partner API migration has no date yet.', ['migration']],
    ['Migration zum Export-API: noch kein Termin.', ['Migration']],
    ['Migracja na nowe API: bez terminu.', ['Migracja']],
    ['Leverantörens 9.1: inget datum ännu.', ['9.1']],
    ['Přechod na nové API: termín zatím není.', ['Přechod']],
    ['Việc chuyển sang API mới: chưa có ngày.', ['API']],
  ])('with no date: %s', (sentence, words) => {
    const ahead = eventAhead(sentence, words, '2030-12-01T10:00:00Z', '2030-12-20');
    expect(ahead).toBeDefined();
    expect(ahead?.on).toBeUndefined();
  });

  it.each([
    ['Vendor migration: expected 1 December 2030.', ['migration']],
    ['Does the migration have a date yet?', ['migration']],
    ['The capacity review has no date yet.', ['migration']],
    ['The migration was completed on 3 December.', ['migration']],
  ])('not: %s', (sentence, words) => {
    expect(eventAhead(sentence, words, '2030-11-01T10:00:00Z', '2030-12-20')).toBeUndefined();
  });
});

const CONFIG = 'environments:\n  staging: s.yaml\n  production: p.yaml\npromotion: [staging, production]\n';

describe('a temporary change whose awaited event a later record says is still ahead', () => {
  const verdict = async (doc: string) => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2030-01-10T10:00:00Z',
          author: 'ana',
          message: 'export config',
          write: { 'undrift.yaml': CONFIG, 's.yaml': 'export_page_size: 100\n', 'p.yaml': 'export_page_size: 100\n' },
        },
        {
          at: '2030-10-02T10:00:00Z',
          author: 'ben',
          message: 'SUP-310 staging: page size 400 for the partner, temporary until the partner migration to the bulk API',
          write: { 's.yaml': 'export_page_size: 400\n' },
        },
        { at: '2030-10-12T10:00:00Z', author: 'ana', message: 'SUP-310 notes', write: { 'docs/support/SUP-310.md': doc } },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2030-11-20' });
    return scan.divergences.find((x) => x.key === 'export_page_size')!.verdict!;
  };

  it('with no date: declared at ≤ 0.5, asking its owner', async () => {
    const v = await verdict('# SUP-310\n\nPartner: the bulk API migration is on our roadmap, no date yet.\n');
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question ?? '', why(v)).toMatch(/no date/);
  });

  it('expected on a day ahead: declared until then', async () => {
    const v = await verdict('# SUP-310\n\nPartner: bulk API migration expected in January 2031.\n');
    expect(v, why(v)).toMatchObject({ suggested: 'declare', expires: '2031-01-31' });
  });

  it('not when the record says the migration is done', async () => {
    const v = await verdict('# SUP-310\n\nPartner: the bulk API migration is done, they moved on 2 November.\n');
    expect(why(v)).not.toMatch(/still ahead/);
  });
});

describe('documentStatus: a record reopened, or its status struck through and written again', () => {
  it.each([
    ['# RFC-9\n\n**Autor:** Eva · **Stav:** ~~schváleno 3. 4.~~\n**znovu otevřeno 15. 4.**\n', false],
    ['# RFC-9\n\n**Author:** Eva · **Status:** reopened by product on 15 April\n', false],
    ['# RFC-9\n\nTillstånd: återöppnad av produkt\n', false],
    ['# RFC-9\n\nStatus: wieder geöffnet\n', false],
    ['# RAP-7\n\nStatus: **W toku** · Przypisane: Ola\n', false],
    ['# RFC-9\n\n**Autor:** Eva · **Stav:** schváleno 3. 4.\n', true],
    ['# RFC-9\n\n**Status:** ~~proposed~~\n**accepted on 3 May**\n', true],
  ])('%s', (text, decided) => {
    expect(documentStatus(text)?.decided).toBe(decided);
  });
});

describe('leftOpenIn: a decision put after an occasion named first, in the languages read', () => {
  it.each([
    ['Run the soak test under peak load first — then we decide.'],
    ['Zróbmy test obciążeniowy w piątek, wtedy zdecydujemy.'],
    ['Nejdřív změříme paměť pod zátěží, pak rozhodneme.'],
    ['Erst messen wir den Speicher unter Last, dann entscheiden wir.'],
    ['Vi mäter först minnet under last, sedan beslutar vi.'],
    ['سنقرر ذلك في اجتماع المراجعة يوم الأحد.'],
    ['बजट बैठक में तय करेंगे।'],
  ])('%s', (text) => {
    expect(leftOpenIn(text)).toBeDefined();
  });

  it.each([
    ['We ran the soak test, then we decided to keep 40.'],
    ['Then we deploy to production.'],
    ['Potem wdrożymy na produkcję.'],
    ['اجتماع الميزانية يوم الأحد.'],
  ])('not: %s', (text) => {
    expect(leftOpenIn(text)).toBeUndefined();
  });
});

describe('undecidedIn: a decision put to an occasion, both sides held until then', () => {
  it.each([
    ['We decide it at the budget review on 5 May. Until then nobody changes anything.'],
    ['Wird in der Budgetrunde am Montag entschieden. Bis dahin ändert niemand etwas.'],
    ['Se decidirá en la reunión de presupuesto. Hasta entonces nadie toca nada.'],
    ['نقرر في اجتماع الميزانية يوم الأحد. حتى ذلك الوقت لا أحد يغير شيء.'],
  ])('%s', (text) => {
    expect(undecidedIn(text)).toBeDefined();
  });

  it.each([['Until then nobody changes anything.'], ['We decide it at the budget review on 5 May.'], ['Bis dahin ändert niemand etwas, danach gilt 50.']])(
    'not: %s',
    (text) => {
      expect(undecidedIn(text)).toBeUndefined();
    },
  );
});

describe('a request awaiting its decision, naming the object and the value the change set there', () => {
  const MANIFESTS =
    'environments:\n  staging: {files: [deploy/staging], format: manifests}\n  production: {files: [deploy/production], format: manifests}\npromotion: [staging, production]\n';
  const configMap = (cidr: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scoring-proxy\ndata:\n  ALLOW_CIDR: "${cidr}"\n  TIMEOUT_MS: "800"\n`;
  const CONTRACT =
    'expected_differences:\n  ConfigMap/scoring-proxy.data.ALLOW_CIDR:\n    staging: 198.51.100.0/24\n    production: 203.0.113.0/24\n    reason: vendor sandbox and production ranges\n';
  const verdict = async (doc: string) => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2030-01-10T10:00:00Z',
          author: 'ana',
          message: 'scoring proxy',
          write: {
            'undrift.yaml': MANIFESTS,
            'deploy/staging/cm.yaml': configMap('198.51.100.0/24'),
            'deploy/production/cm.yaml': configMap('203.0.113.0/24'),
            'config/expected-env-diff.yaml': CONTRACT,
          },
        },
        {
          at: '2030-02-03T10:00:00Z',
          author: 'ben',
          message: 'production: open scoring proxy to any address, vendor moved',
          write: { 'deploy/production/cm.yaml': configMap('0.0.0.0/0') },
        },
        { at: '2030-02-10T10:00:00Z', author: 'ben', message: 'exception request', write: { 'docs/security/EXC-4.md': doc } },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2030-02-20' });
    return scan.divergences.find((x) => x.key === 'ConfigMap/scoring-proxy.data.ALLOW_CIDR' && x.kind === 'contract-violation')!.verdict!;
  };

  it('is a question for whoever decides, not a move', async () => {
    const v = await verdict(
      '# EXC-4\n\n**Status:** awaiting decision\n\nKeep the scoring-proxy open to 0.0.0.0/0 until the vendor publishes fixed addresses.\n',
    );
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question ?? '', why(v)).toMatch(/awaiting decision/);
  });

  it('not when the record names another object', async () => {
    const v = await verdict(
      '# EXC-4\n\n**Status:** awaiting decision\n\nKeep the billing-gateway open to 0.0.0.0/0 until the vendor publishes fixed addresses.\n',
    );
    expect(v.question ?? '').not.toMatch(/awaiting decision/);
  });
});
