// Session 16 (issue 10): the lagging environment's value is broken now (src/verdict/broken.ts). A
// record — a vendor notice, an end-of-life mail, a runbook, a later commit — that the value one
// environment still holds is refused, shut down or still failing since a day that has passed is a go
// for the working value, whatever the promotion order says; the record names the value whole, by its
// host, by a compound name in its host, by its product, or by a word of its host with its port. A date
// still ahead, a plan with no date, a negated, asked or conditional sentence, and a record about
// another environment move nothing. Situations, vendors, kinds of key and languages of their own,
// none from a verdict story.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { dateIn, partsOf } from '../../src/verdict/broken.js';
import { buildLog, type Message } from '../../src/verdict/log.js';
import { explain } from '../../src/verdict/verdict.js';
import { freezeOn } from '../../src/verdict/notes.js';
import type { Divergence } from '../../src/model/types.js';

const TODAY = '2026-12-03';
const init = (value: string): Step => ({ subject: 'initial values', date: '2026-03-01T10:00:00Z', set: { staging: ['', value], production: ['', value] } });
const doc = (subject: string, date: string): Step => ({ subject, date });

/** staging moved `from` → `to` with a bare commit, and a document (or a later commit) says what it says. */
function story(
  key: string,
  from: string,
  to: string,
  text: string,
  opts: { where?: 'doc' | 'commit'; writtenAt?: string; changedIn?: 'staging' | 'production' } = {},
) {
  const env = opts.changedIn ?? 'staging';
  const written = opts.writtenAt ?? '2026-11-10T10:00:00Z';
  const steps: Step[] = [init(from), { subject: 'update', date: '2026-11-05T10:00:00Z', set: { [env]: [from, to] } }];
  if (opts.where === 'commit') steps.push({ subject: 'notes', body: text, date: written });
  else steps.push(doc('vendor notice', written));
  return judge(key, steps, TODAY, {}, opts.where === 'commit' ? {} : { documents: [{ path: 'docs/vendors/notice.md', text, step: 2 }] });
}

describe('a record that the lagging value is refused, shut down or failing since a passed day: it takes the working value', () => {
  it('an SMTP relay switched off, in German, named by its host (a date with its year)', () => {
    const v = story(
      'mail.smtpHost',
      'smtp.oldrelay.example',
      'smtp-eu.mailrelay.example',
      'Der alte Relay smtp.oldrelay.example wurde am 15.11.2026 abgeschaltet. Bitte smtp-eu.mailrelay.example verwenden.',
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'smtp-eu.mailrelay.example']);
    expect(v.confidence).toBeGreaterThanOrEqual(0.7);
    expect(v.reasons.join('\n')).toMatch(/production is broken now/);
  });

  it('an SMS gateway whose service ended, in Japanese, production ahead and staging left behind', () => {
    const v = story(
      'sms.gatewayUrl',
      'https://sms-old.gw.example/send',
      'https://sms.gw2.example/send',
      'sms-old.gw.example は 2026年11月20日 に提供を終了しました。新しいエンドポイントをご利用ください。',
      { changedIn: 'production' },
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'staging', 'https://sms.gw2.example/send']);
  });

  it('a broker named by a word of its host and its port ("the old broker (9093)"), in a runbook', () => {
    const v = story(
      'KAFKA_BOOTSTRAP',
      'broker.msg-a.svc:9093',
      'kafka.msg-b.svc:9094',
      'The old broker (9093) was switched off on 2026-11-10 in every cluster.',
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'kafka.msg-b.svc:9094']);
  });

  it('a client named by its product in a family of them, refused from a day in another sentence', () => {
    const v = story(
      'crawler.httpAgent',
      'okhttp/4.9.3',
      'fleet-sync/3.1 (+noc@example.org)',
      'From November 15th, 2026 the tiles API requires an agent naming your product. Anonymous library agents (okhttp, axios, Java-http-client) get HTTP 403.',
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'fleet-sync/3.1 (+noc@example.org)']);
  });

  it('a later commit: the old mirror was decommissioned and pulls still fail there (a record, dated by its commit)', () => {
    const v = story(
      'REGISTRY_MIRROR',
      'https://mirror-legacy.registry.example',
      'https://mirror-v2.registry.example',
      'mirror-legacy was decommissioned last week; production pulls time out since.',
      { where: 'commit' },
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'https://mirror-v2.registry.example']);
  });
});

describe('no go today', () => {
  const not = (text: string) => {
    const v = story('mail.smtpHost', 'smtp.oldrelay.example', 'smtp-eu.mailrelay.example', text);
    expect(v.suggested === 'backfill' && v.drifted === 'production' && v.confidence >= 0.6).toBe(false);
    return v;
  };
  it('a date still ahead is a deadline', () => not('smtp.oldrelay.example will be shut down on 2027-02-01.'));
  it('an end announced with no date', () => not('End of life of smtp.oldrelay.example'));
  it('a plan with no date', () => not('smtp.oldrelay.example will be decommissioned.'));
  it('negated', () => not('smtp.oldrelay.example was not shut down on 2026-11-15 after all.'));
  it('a condition', () => not('If smtp.oldrelay.example is shut down on 2026-11-15, switch to the new relay.'));
  it('asked', () => not('Was smtp.oldrelay.example shut down on 2026-11-15?'));
  it('a record about another environment', () => not('In staging smtp.oldrelay.example was switched off on 2026-11-15.'));
  it('a refusal of something else, the value named after it in another clause', () =>
    not('Zone b went dark on 2026-11-15 and the retries piled up (smtp.oldrelay.example took the rest).'));
  it('a record naming the working value too', () => not('smtp.oldrelay.example and smtp-eu.mailrelay.example were both switched off on 2026-11-15.'));
});

describe('the pieces', () => {
  it('dates as people write them', () => {
    const w = '2026-11-05T10:00:00Z';
    expect(dateIn('will stop answering on **30 November 2026** for all', w)).toBe('2026-11-30');
    expect(dateIn('From 1 December 2026 all requests', w)).toBe('2026-12-01');
    expect(dateIn('sunset on Dec 1st', w)).toBe('2026-12-01');
    expect(dateIn('a partir del 1 de diciembre de 2026', w)).toBe('2026-12-01');
    expect(dateIn('am 1.12. abgeschaltet', w)).toBe('2026-12-01');
    expect(dateIn('2026年12月1日に終了', w)).toBe('2026-12-01');
    expect(dateIn('upgraded to 1.12.', w)).toBeUndefined();
    expect(dateIn('2 markets', w)).toBeUndefined();
  });
  it('the parts of a value no other environment has', () => {
    expect(partsOf('http://otel-collector.observability.svc:4318', ['http://otel-gateway.observability.svc:4317'])).toEqual({
      parts: ['http://otel-collector.observability.svc:4318', 'otel-collector.observability.svc', 'otel-collector'],
      port: { port: '4318', words: ['collector'] },
    });
    expect(partsOf('python-requests/2.31', ['myapp/1.0']).parts).toEqual(['python-requests/2.31', 'python-requests']);
    expect(partsOf('b3', ['tracecontext,baggage'])).toEqual({ parts: [], short: 'b3' });
  });
});

describe('a later document restating the change (its subject) is linked to it; "every service" leading it is an everywhere', () => {
  const steps = (subject: string): Step[] => [
    init('20'),
    { subject, date: '2026-11-05T10:00:00Z', set: { staging: ['20', '64'] } },
    doc('release notes', '2026-11-20T10:00:00Z'),
  ];
  const notes = (text: string) => ({ documents: [{ path: 'CHANGELOG.md', text, step: 2 }] });

  it('a changelog entry, "All environments:" leading it, naming neither the key nor the value', () => {
    const v = judge(
      'cache.redis.poolMax',
      steps('perf(cache): bigger Redis pool for checkout workers'),
      TODAY,
      {},
      notes('# Changelog\n\n## 5.2.0\n- **All environments:** checkout workers get a bigger Redis pool.\n- Faster invoice export.'),
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '64']);
  });

  it('in German: "alle Umgebungen"', () => {
    const v = judge(
      'cache.redis.poolMax',
      steps('Checkout-Worker: größerer Redis-Pool'),
      TODAY,
      {},
      notes('## 5.2.0\n- Alle Umgebungen: die Checkout-Worker bekommen einen größeren Redis-Pool.'),
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '64']);
  });

  it("not a passage naming too few of the subject's words", () => {
    const v = judge(
      'cache.redis.poolMax',
      steps('perf(cache): bigger Redis pool for checkout workers'),
      TODAY,
      {},
      notes('## 5.2.0\n- All environments: faster checkout pages.'),
    );
    expect(v.suggested === 'backfill' && v.confidence >= 0.6).toBe(false);
  });

  const every = (text: string) =>
    judge(
      'FEED_PARSER_MODE',
      [
        init('lenient'),
        { subject: 'feed parser mode', date: '2026-11-05T10:00:00Z', set: { staging: ['lenient', 'strict'] } },
        doc('runbook', '2026-11-20T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/runbooks/feeds.md', text, step: 2 }] },
    );
  it('"Each of our services parses with KEY=value", linked by the key', () => {
    const v = every('Each of our services parses feeds with FEED_PARSER_MODE=strict since the schema change.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'strict']);
  });
  it('"all apps", the value as code', () => {
    const v = every('All apps read FEED_PARSER_MODE as `strict` from the shared chart.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'strict']);
  });
  it('in French: "tous les services"', () => {
    const v = every('Tous les services tournent avec FEED_PARSER_MODE=strict.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'strict']);
  });
  it('not "not every service", nor every service of one environment', () => {
    for (const text of ['Not every service runs with FEED_PARSER_MODE=strict.', 'Every service in staging runs with FEED_PARSER_MODE=strict.']) {
      const v = every(text);
      expect(v.suggested === 'backfill' && v.confidence >= 0.6, text).toBe(false);
    }
  });
});

describe("a switch's verb names its value (turn on = true, turn off = false) in a document setting it everywhere", () => {
  const flag = (from: string, to: string, text: string) =>
    judge(
      'AUDIT_STRICT_MODE',
      [init(from), { subject: 'audit mode (SEC-41)', date: '2026-11-05T10:00:00Z', set: { staging: [from, to] } }, doc('SEC-41 plan', '2026-11-20T10:00:00Z')],
      TODAY,
      {},
      { documents: [{ path: 'docs/security/SEC-41.md', text, step: 2 }] },
    );
  it('"Enable … in every environment"', () => {
    const v = flag('false', 'true', 'SEC-41: Enable AUDIT_STRICT_MODE in every environment; 0 false positives in two weeks.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'true']);
  });
  it('"switch off … across all environments" for false', () => {
    const v = flag('true', 'false', 'SEC-41: switch off AUDIT_STRICT_MODE across all environments, it double-logs.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'false']);
  });
  it('in Spanish: "activar … en todos los servicios"', () => {
    const v = flag('false', 'true', 'SEC-41: activar AUDIT_STRICT_MODE en todos los servicios.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', 'true']);
  });
  it('not the opposite verb, nor both', () => {
    for (const text of ['SEC-41: Disable AUDIT_STRICT_MODE in every environment.', 'SEC-41: enable or disable AUDIT_STRICT_MODE in every environment?']) {
      const v = flag('false', 'true', text);
      expect(v.suggested === 'backfill' && v.drifted === 'production' && v.confidence >= 0.6, text).toBe(false);
    }
  });
});

describe("a live object's field goes by the object's name in prose; resuming undoes a pause made by hand", () => {
  const ENVS = ['staging', 'production'];
  const context = (text: string) => {
    const m: Message = {
      sha: 'e'.repeat(40),
      parents: [],
      subject: 'ops log',
      body: '',
      author: 'Ola',
      email: 'o@x',
      date: '2026-11-25T10:00:00Z',
      committed: '2026-11-25T10:00:00Z',
    };
    return { promotion: ENVS, environments: ENVS, today: TODAY, log: buildLog(new Map(), [m], [{ path: 'docs/ops/log.md', text, sha: m.sha }]) };
  };
  const drift = (key: string, repo: string, live: string): Divergence =>
    ({
      id: key,
      key,
      kind: 'live-drift',
      severity: 'drift',
      envs: ['production'],
      values: { production: { repo, live, at: null, type: null } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { production: { manager: 'kubectl-patch', operation: 'Update', time: '2026-11-20T19:00:00Z', exact: false, human: true, kind: 'human' } },
    }) as unknown as Divergence;

  it.each([
    [
      'CronJob/nightly-export.suspend',
      'false',
      'true',
      '# Warehouse move\n\n- [x] pause nightly-export\n- [x] move finished 23.11\n- [ ] unsuspend nightly-export CronJob',
    ],
    ['Deployment/order-sync.replicas', '3', '0', 'Maintenance finished at 06:00. Scale order-sync back up.'],
    ['CronJob/invoice-mailer.suspend', 'false', 'true', '- Migration abgeschlossen: invoice-mailer wieder aufnehmen.'],
  ])('%s', (key, repo, live, text) => {
    const v = explain(drift(key, repo, live), {}, context(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production', value: repo });
  });
  it.each([
    ['CronJob/nightly-export.suspend', 'false', 'true', '- resume nightly-export once the backfill is done'],
    ['CronJob/nightly-export.suspend', 'false', 'true', '- resume report-builder CronJob'],
    ['Deployment/order-sync.containers[name=app].image', 'sync:1.2', 'sync:1.1', 'Resume order-sync after the rollback.'],
  ])('not: %s "%s"', (key, repo, live, text) => {
    const v = explain(drift(key, repo, live), {}, context(text));
    expect(v.suggested === 'revert' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});

describe('a step planned for after a freeze is no freeze notice; a notice is dated by the document it wrote', () => {
  const ENVS = ['staging', 'production'];
  const at = (text: string, today: string, doc?: string) => {
    const m: Message = {
      sha: 'f'.repeat(40),
      parents: [],
      subject: text.split('\n')[0]!,
      body: text.split('\n').slice(1).join('\n'),
      author: 'Ola',
      email: 'o@x',
      date: '2026-11-14T10:00:00Z',
      committed: '2026-11-14T10:00:00Z',
    };
    const log = buildLog(new Map(), [m], doc ? [{ path: 'docs/freeze.md', text: doc, sha: m.sha }] : []);
    return freezeOn('production', { promotion: ENVS, environments: ENVS, today, log });
  };
  it.each([
    'gateway: bigger h2 window\n\nprod after teh freeze',
    'search: new analyzer in staging; production once the change freeze is lifted',
    'cache: raise TTL on staging, post-freeze rollout for prod',
  ])('a plan: %s', (text) => {
    expect(at(text, '2026-11-20')).toBeUndefined();
  });
  it.each(['Change freeze on production until 2026-12-10', 'No deploys to prod until the freeze ends (CAB-7)'])('still a freeze: %s', (text) => {
    expect(at(text, '2026-11-20')).toBeDefined();
  });
  it('a notice whose message gives no end, dated by the document its commit wrote', () => {
    const doc = '# Holiday freeze\n\nFrom 2026-11-20 to 2026-11-30 no production changes.';
    expect(at('freeze notice', '2026-11-25', doc)).toMatchObject({ until: '2026-11-30' });
    expect(at('freeze notice', '2026-12-03', doc)).toBeUndefined();
  });
});
