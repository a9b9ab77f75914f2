// Session 17 (issue 10): a passage is about a change when it names it the way people do without
// writing the key — its value as a step from the value before ("20 → 40", "from 3 to 5", "von 20 auf
// 40") however short the numbers; a bare version with the app it belongs to ("ledger 3.14.2" for
// apps/ledger/…/image.tag); the key's words less their type suffix ("audit trail" for
// AUDIT_TRAIL_ENABLED); the key's last word with the change's value, whichever environment it names —
// and a later commit that changed no key is read as a document is. Each way of linking has its
// negative: another key named by its own name, another app, another version. Situations and
// phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { handGrant, judge, type Step } from './memory-story.js';
import { linkedPassages } from '../../src/verdict/documented.js';
import { judgesUndo, resumes } from '../../src/verdict/documents.js';
import { appsOf, keyStem, namesStep, sameStem } from '../../src/verdict/link-names.js';
import { buildLog, type Message } from '../../src/verdict/log.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { explain } from '../../src/verdict/verdict.js';

const TODAY = '2026-12-03';
const base = (value: string, envs = ['staging', 'production']): Step => ({
  subject: 'initial values',
  date: '2026-03-01T10:00:00Z',
  set: Object.fromEntries(envs.map((e) => [e, ['', value]])),
});
const note = (subject: string, date: string, body = ''): Step => ({ subject, body, date });

describe('a value written as a step from the value before', () => {
  it.each([
    ['prod 15.4 -> 15.8 in the window', '15.4', '15.8'],
    ['pool `20` → `40`', '20', '40'],
    ['raised from 3 to 5 on Monday', '3', '5'],
    ['von 20 auf 40 angehoben', '20', '40'],
    ['timeout 10s => 30s', '10', '30'],
    ['api v4.2.0 → v4.2.1', '4.2.0', '4.2.1'],
  ])('%s names %s to %s', (text, from, to) => {
    expect(namesStep(text, from, to)).toBe(true);
  });
  it.each([
    ['115.4 -> 15.8', '15.4', '15.8'], // inside a longer number
    ['15.4 -> 15.80', '15.4', '15.8'],
    ['from 5 to 3', '3', '5'], // the other way
    ['15.4 and 15.8 are both supported', '15.4', '15.8'],
  ])('%s does not name %s to %s', (text, from, to) => {
    expect(namesStep(text, from, to)).toBe(false);
  });

  const story = (text: string, also?: Step['also']) =>
    judge(
      'db.pool.maxSize',
      [
        base('20'),
        { subject: 'staging: bigger pool', date: '2026-11-02T10:00:00Z', set: { staging: ['20', '40'] }, ...(also ? { also } : {}) },
        note('ops log', '2026-11-20T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'ops/CHANGELOG.md', text: `# Ops log\n\n${text}`, step: 2 }] },
    );

  it.each([
    '- 2026-11-19: production pool raised 20 → 40 by hand in the console. Repo to follow.',
    '- production: pool applied live from 20 to 40 during the window (manual); values file pending.',
    '- Prod-Pool von 20 auf 40 angehoben (manuell). Terraform nachziehen.',
  ])('a record that the lagging environment was changed in place, its file to follow: %s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '40']);
  });

  it('not a plan ("will be raised … next window")', () => {
    const v = story('- production pool will be raised 20 → 40 in the next window.');
    expect(v.suggested).not.toBe('backfill');
  });

  it('not a step written for another key, named by its own name', () => {
    const v = story('- production WORKER_THREADS raised 20 → 40 by hand in the console. Repo to follow.', {
      staging: ['WORKER_THREADS', '20', '20'],
      production: ['WORKER_THREADS', '20', '40'],
    });
    expect(v.suggested).not.toBe('backfill');
  });
});

describe('a bare version by the app it belongs to', () => {
  const sha = (i: number) => String(i).repeat(40);
  const message = (i: number, subject: string, date: string, files: string[]): Message => ({
    sha: sha(i),
    parents: i === 1 ? [] : [sha(i - 1)],
    subject,
    body: '',
    author: 'A',
    email: 'a@x',
    date,
    committed: date,
    files,
  });
  const event = (i: number, env: string, from: string | null, to: string, date: string): HistoryEvent => ({
    ...message(i, 'deploy', date, []),
    commit: sha(i),
    file: `apps/ledger/${env}/values.yaml`,
    from,
    to,
    merge: false,
    revert: false,
  });
  const log = (docPath: string, docText: string) =>
    buildLog(
      new Map([
        [
          'staging',
          new Map([
            ['image.tag', [event(2, 'staging', '3.12.0', '3.14.2', '2026-11-27T10:00:00Z'), event(1, 'staging', null, '3.12.0', '2026-09-01T10:00:00Z')]],
          ]),
        ],
        ['production', new Map([['image.tag', [event(1, 'production', null, '3.12.0', '2026-09-01T10:00:00Z')]]])],
      ]),
      [
        message(3, 'notes', '2026-12-01T10:00:00Z', [docPath]),
        message(2, 'deploy', '2026-11-27T10:00:00Z', []),
        message(1, 'init', '2026-09-01T10:00:00Z', []),
      ],
      [{ path: docPath, text: docText, sha: sha(3) }],
    );
  const linked = (docPath: string, docText: string) =>
    linkedPassages({ key: 'image.tag', values: ['3.14.2'], tickets: [], env: 'staging', date: '2026-11-27T10:00:00Z' }, log(docPath, docText));

  it("finds the app in the key's directories", () => {
    expect(appsOf('image.tag', '3.14.2', log('x.md', ''))).toEqual(['ledger']);
    expect(appsOf('image.tag', 'registry/ledger:3.14.2', log('x.md', ''))).toEqual([]); // a full image is named by imageVersion
    expect(appsOf('replicaCount', '3', log('x.md', ''))).toEqual([]);
  });

  it.each([
    ['docs/releases/ledger-3.14.2.md', '# Release 3.14.2\n\nSign-off: approved for production.'],
    ['docs/notes.md', '# Notes\n\n- ledger v3.14.2 approved for production (captain).'],
    ['docs/ledger/RELEASES.md', '## 3.14.2\n\nApproved for production.'],
  ])('%s is about ledger 3.14.2', (path, text) => {
    expect(linked(path, text).length).toBeGreaterThan(0);
  });

  it.each([
    ['docs/releases/ledger-3.14.0.md', '# ledger 3.14.0\n\nApproved for production.'], // the app, another version
    ['docs/releases/billing-3.14.2.md', '# billing 3.14.2\n\nApproved for production.'], // the version, another app
    ['docs/releases/ledger-api.md', '# ledger-api 3.14.2\n\nApproved for production.'], // another app whose name starts alike
  ])('%s is not', (path, text) => {
    expect(linked(path, text)).toEqual([]);
  });
});

describe("the key's words less their type suffix", () => {
  it('names a switch by what it switches', () => {
    const stem = keyStem('AUDIT_TRAIL_ENABLED')!;
    for (const t of ['Audit-Trail aus', 'the audit trail', 'audittrail off', 'AUDIT_TRAIL']) expect(stem.pattern.test(t), t).toBe(true);
    for (const t of ['audit trail size', 'audit trail per minute', 'the audit']) expect(stem.pattern.test(t), t).toBe(false);
    expect(keyStem('features.bulkExportEnabled')!.pattern.test('bulk export in staging')).toBe(true);
    expect(keyStem('CACHE_ENABLED')).toBeUndefined(); // one word left is no name
    expect(keyStem('RATE_LIMIT_PER_MINUTE')).toBeUndefined(); // no type suffix
  });

  const story = (text: string) =>
    judge(
      'AUDIT_TRAIL_ENABLED',
      [
        base('true'),
        { subject: 'perf run: audit off', date: '2026-11-02T10:00:00Z', set: { staging: ['true', 'false'] } },
        note('perf report', '2026-11-20T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/perf/report.md', text: `# Perf run\n\n${text}`, step: 2 }] },
    );

  it.each([
    '- The audit trail was off for the run; please turn it back on in staging.',
    '- Audit-Trail war für den Test aus; bitte in staging wieder einschalten.',
    '- Audit trail: re-enable it on staging now that the run is over.',
    "- L'audit trail doit être réactivé en staging.",
  ])('a switch turned again the way the others have it is an undo: %s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'staging', 'true']);
  });

  it.each([
    '- Audit trail: do not turn it back on in staging, the disk is full.',
    '- Audit-Trail in staging nicht wieder einschalten.',
    '- Turn the audit trail back on in staging once the import ends.',
    '- Audit trail size back on staging is 2 GB.',
  ])('not negated, planned or another setting: %s', (text) => {
    expect(story(text).suggested).not.toBe('revert');
  });
});

describe("the key's last word with the change's value, whichever environment the passage names", () => {
  const story = (text: string, before = true) =>
    judge(
      'backup.snapshot.retentionDays',
      [
        base('7'),
        ...(before ? [note('post-mortem', '2026-11-01T10:00:00Z')] : []),
        { subject: 'backups', date: '2026-11-05T10:00:00Z', set: { staging: ['7', '35'] } },
        ...(before ? [] : [note('post-mortem', '2026-11-10T10:00:00Z')]),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/pm/restore.md', text: `# Restore failed\n\n## Action items\n${text}`, step: before ? 1 : 2 }] },
    );

  it.each([
    '- [ ] Keep 35 days of retention in all environments, production first (owner: Ana)',
    '- Retention: 35 days in every environment — production is the one that matters.',
    '- Production and staging alike: retention of 35 d, all environments.',
  ])('%s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '35']);
  });

  it('not without an environment named', () => {
    expect(story('- [ ] Keep 35 days of retention in all of them.').suggested).toBe('declare');
  });

  it('not a passage naming another key by its own name', () => {
    const v = judge(
      'backup.snapshot.retentionDays',
      [
        base('7'),
        note('post-mortem', '2026-11-01T10:00:00Z'),
        { subject: 'backups', date: '2026-11-05T10:00:00Z', set: { staging: ['7', '35'] }, also: { staging: ['LOG_KEEP_DAYS', '7', '7'] } },
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/pm/restore.md', text: '# Logs\n\n- LOG_KEEP_DAYS: retention 35 days in all environments, production first.', step: 1 }] },
    );
    expect(v.suggested).toBe('declare');
  });
});

describe('a later commit that changed no key is read as a document is', () => {
  const story = (body: string, date = '2026-11-20T10:00:00Z', changesKey = false) =>
    judge(
      'search.client.maxConnections',
      [
        base('10'),
        { subject: 'more search connections (staging)', date: '2026-11-02T10:00:00Z', set: { staging: ['10', '50'] } },
        changesKey
          ? { subject: 'tune socket timeout', body, date, also: { staging: ['search.client.socketTimeoutMs', '3000', '4000'] } }
          : note('soak notes', date, body),
      ],
      TODAY,
    );

  it.each([
    'Three days on staging with 50 connections: zero 429s. Good to go to prod.',
    'Staging ran 50 connections for a week, p95 halved. OK for production.',
    'Staging lief eine Woche mit 50 Connections ohne Fehler. Freigabe für Prod.',
  ])('a go in its body: %s', (body) => {
    const v = story(body);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '50']);
  });

  it('not a commit written before the change', () => {
    expect(story('Staging will try 50 connections. Good to go to prod once it soaks.', '2026-10-01T10:00:00Z').suggested).toBe('declare');
  });

  it('not a go with a gate still ahead', () => {
    expect(story('Staging has 50 connections now. OK for production once the soak is green.').suggested).toBe('declare');
  });
});

describe('a word of a language that inflects, by its stem', () => {
  it.each([
    ['odrzucaj', 'odrzucanie'],
    ['webhooki', 'webhooków'],
    ['niepodpisan', 'niepodpisanych'],
    ['rechnung', 'rechnungen'],
  ])('%s ~ %s', (a, b) => expect(sameStem(a, b)).toBe(true));
  it.each([
    ['deploy', 'depot'],
    ['property', 'propagate'],
    ['webhooki', 'webhookowanie'],
  ])('%s is not %s', (a, b) => expect(sameStem(a, b)).toBe(false));
});

describe('a hand edit lifted so the file applies again, and a kill switch re-enabled', () => {
  it.each([
    ["Remove the override so the repo's CHECKOUT_V2=true applies again.", 'true'],
    ["Drop the manual patch; the chart's value is used again.", '5'],
    ['Take out the live override and let the values file win again.', '30'],
    ['Den Override entfernen, der Wert aus dem Repo gilt.', '30'],
    ['Once deployed we went back to what git says.', '30'],
  ])('%s', (text, file) => {
    expect(judgesUndo(text, file)).toBeTruthy();
  });
  it.each([
    'Remove the override once 3.8.2 is deployed.',
    'Do not remove the override until the vendor confirms.',
    'The override is documented in the runbook.',
  ])('not %s', (text) => {
    expect(judgesUndo(text, 'true')).toBeUndefined();
  });

  const envVar = (name: string) => `Deployment/pay.containers[name=app].env[name=${name}].value`;
  it('a switch named by its env var is re-enabled the way its file has it', () => {
    expect(resumes('Payments are safe to re-enable now that 2.1 is deployed.', envVar('PAYMENTS_ENABLED'), 'true')).toBeTruthy();
    expect(resumes('Reactivate the sync.', 'features[name=sync].enabled', 'true')).toBeTruthy();
    expect(resumes('Resume the nightly job.', 'CronJob/nightly-export.spec.suspend', 'false')).toBeTruthy();
  });
  it('not against the file: re-enabling where the file says off, resuming where the file suspends', () => {
    expect(resumes('Payments are safe to re-enable.', envVar('PAYMENTS_ENABLED'), 'false')).toBeUndefined();
    expect(resumes('Resume the nightly job.', 'CronJob/nightly-export.spec.suspend', 'true')).toBeUndefined();
    expect(resumes('Re-enable it after the freeze.', envVar('PAYMENTS_ENABLED'), 'true')).toBeUndefined();
    expect(resumes('Safe to re-enable.', envVar('PAYMENTS_URL'), 'true')).toBeUndefined();
  });
});

describe('a change whose own message says it changed no value, and changed this one', () => {
  const THREE = ['dev', 'staging', 'production'];
  const story = (subject: string, body: string, from = 'https://img.example.com', to = 'https://img.exmaple.com') =>
    judge('MEDIA_BASE_URL', [base(from, THREE), { subject, body, date: '2026-11-10T10:00:00Z', set: { staging: [from, to] } }], TODAY, {}, { envs: THREE });

  it.each([
    ['chore(config): sort staging keys alphabetically', 'No functional change.'],
    ['Staging .env aufgeräumt', 'Nur Reihenfolge und Kommentare, Werte unverändert.'],
    ['style: formatting-only pass over staging.env', ''],
    ['refactor: split staging config into sections', 'Purely cosmetic, no behaviour change.'],
  ])('%s: the value before stands', (subject, body) => {
    const v = story(subject, body);
    expect([v.suggested, v.drifted, v.value, v.deliberate]).toEqual(['revert', 'staging', 'https://img.example.com', 'production']);
  });

  it('a slip to a value no environment holds goes back to its own value before', () => {
    const v = judge(
      'SMTP_HOST',
      [
        {
          subject: 'initial',
          date: '2026-03-01T10:00:00Z',
          set: { dev: ['', 'mail.dev.local'], staging: ['', 'mail.stg.local'], production: ['', 'relay.prod.net'] },
        },
        {
          subject: 'chore: reorder dev env file like prod',
          body: 'No value changes.',
          date: '2026-11-10T10:00:00Z',
          set: { dev: ['mail.dev.local', 'relay.prod.net'] },
        },
      ],
      TODAY,
      {},
      { envs: THREE },
    );
    expect([v.suggested, v.drifted, v.value, v.deliberate]).toEqual(['revert', 'dev', 'mail.dev.local', null]);
  });

  it.each([
    ['chore: reorder staging keys', 'No value changes except the CDN host, which moves to the new bucket.'],
    ['feat: new image host for staging', 'Switch media to the new CDN.'],
    ['refactor: staging sections', 'Is this really no functional change?'],
  ])('not a claim made partial, absent or asked: %s', (subject, body) => {
    expect(story(subject, body).suggested).not.toBe('revert');
  });

  it('not a value written another way ("30" as "30s")', () => {
    expect(story('chore: tidy staging', 'No functional change.', '30', '30s').suggested).not.toBe('revert');
  });
});

describe("a note calling a slip names the environment's own value before it", () => {
  const THREE = ['dev', 'staging', 'production'];
  const story = (text: string) =>
    judge(
      'PAYMENTS_WEBHOOK_HOST',
      [
        {
          subject: 'initial',
          date: '2026-03-01T10:00:00Z',
          set: { dev: ['', 'hooks.dev.internal'], staging: ['', 'hooks.stg.internal'], production: ['', 'hooks.pay.example'] },
        },
        { subject: 'dev env file from template', date: '2026-11-10T10:00:00Z', set: { dev: ['hooks.dev.internal', 'hooks.pay.example'] } },
        note('incident note', '2026-11-20T10:00:00Z'),
      ],
      TODAY,
      {},
      { envs: THREE, documents: [{ path: 'docs/incidents/dev-webhooks.md', text: `# Dev sent real webhooks\n\n${text}`, step: 2 }] },
    );

  it.each([
    "Dev's PAYMENTS_WEBHOOK_HOST has pointed at hooks.pay.example since the template copy (copy-paste). dev must use hooks.dev.internal again.",
    'dev: PAYMENTS_WEBHOOK_HOST = hooks.pay.example was copied from production by accident; it should be hooks.dev.internal.',
  ])('%s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'dev', 'hooks.dev.internal']);
  });

  it('not a note that names the value before without calling the change a slip', () => {
    expect(story("Dev's PAYMENTS_WEBHOOK_HOST moved from hooks.dev.internal to hooks.pay.example for the partner certification run.").suggested).not.toBe(
      'revert',
    );
  });
});

describe('a lower environment held back for a while, to catch up by a date that has passed', () => {
  const THREE = ['dev', 'staging', 'production'];
  const story = (text: string, withDoc = true) =>
    judge(
      'proxy.image',
      [
        base('registry.example/proxy:2.3.0', THREE),
        {
          subject: 'production: proxy 2.3.1 (CVE fix, freeze exception CHG-88)',
          body: withDoc ? '' : text,
          date: '2026-11-05T10:00:00Z',
          set: { production: ['registry.example/proxy:2.3.0', 'registry.example/proxy:2.3.1'] },
        },
      ],
      TODAY,
      {},
      { envs: THREE, ...(withDoc ? { documents: [{ path: 'docs/changes/CHG-88.md', text: `# Exception CHG-88\n\n${text}`, step: 1 }] } : {}) },
    );

  it.each([
    'Staging keeps 2.3.0 until the code freeze is lifted on 20.11., then catches up.',
    'dev/staging: stay on the old image during the freeze; they catch up once it ends on 2026-11-20.',
    'Dev und Staging ziehen nach dem Freeze (bis 20.11.) nach.',
  ])('%s', (text) => {
    const v = story(text);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'staging', 'registry.example/proxy:2.3.1']);
  });

  it.each([
    'Staging catches up after the freeze ends on 2027-01-10.', // still ahead
    'Staging catches up after the freeze.', // no date: what held it may still hold
    'Staging does not catch up after the freeze ends on 20.11.; it is retired.',
  ])('not %s', (text) => {
    expect(story(text).suggested).not.toBe('backfill');
  });
});

describe("a document the change's own commit wrote is the change's text", () => {
  const THREE = ['dev', 'staging', 'production'];
  const story = (docStep: number) =>
    judge(
      'edge.tlsPolicy',
      [
        base('tls12', THREE),
        note('security notes', '2026-10-01T10:00:00Z'),
        { subject: 'production: stricter TLS (pentest finding)', date: '2026-11-05T10:00:00Z', set: { production: ['tls12', 'tls13-only'] } },
      ],
      TODAY,
      {},
      {
        envs: THREE,
        documents: [{ path: 'docs/security/pentest.md', text: '# Pentest follow-up\n\nProduction first; staging and dev to follow.', step: docStep }],
      },
    );

  it('linked as a whole though it names neither the key nor a ticket', () => {
    const v = story(2);
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'staging', 'tls13-only']);
  });

  it('not the same document written by another commit, naming nothing of the change', () => {
    expect(story(1).suggested).toBe('declare');
  });
});

describe("an object's stated end, met in a document its citing commit wrote", () => {
  const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-04' };
  const written = '2026-11-20T10:00:00Z';
  const grant = (note: string) => handGrant('Role/ledger-reader', note);
  const run = (subject: string) =>
    explain(
      grant('OPS-412 debugging, remove after the incident'),
      {},
      {
        ...context,
        log: buildLog(
          new Map(),
          [{ sha: 'e'.repeat(40), parents: [], subject, body: '', author: 'Ana', email: 'a@x', date: written, committed: written }],
          [
            {
              path: 'docs/reviews/2026-11-ledger-outage.md',
              text: '# Ledger outage review\n\nCause: a full disk.\nStatus: closed 2026-11-19.',
              sha: 'e'.repeat(40),
            },
          ],
        ),
      },
    );

  it.each(['incident review OPS-412', 'OPS-412: write-up', 'Post-mortem for OPS-412 (ledger outage)'])('%s', (subject) => {
    const v = run(subject);
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
  });

  it('not a document whose commit cites another ticket', () => {
    expect(run('incident review OPS-999').suggested).not.toBe('revert');
  });
});

describe('a later commit that prefers or suggests decides nothing', () => {
  const story = (body: string) =>
    judge(
      'queue.consumer.prefetchCount',
      [
        base('40'),
        { subject: 'consumer: prefetch 400 in staging', date: '2026-11-02T10:00:00Z', set: { staging: ['40', '400'] } },
        note('consumer: comment on prefetch', '2026-11-04T10:00:00Z', body),
      ],
      TODAY,
    );

  it('a decision in so many words is read', () => {
    const v = story('Prefetch 400 starved the other consumers in staging. Staging goes back to 40.');
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'staging', '40']);
  });

  it.each([
    "Not convinced about prefetch 400 in staging. I'd rather put staging back to 40 and add consumers.",
    'Prefetch 400 in staging looks risky; maybe staging goes back to 40.',
    'Prefetch 400 in staging: lieber zurück auf 40?',
  ])('%s', (body) => {
    expect(story(body).suggested).not.toBe('revert');
  });
});
