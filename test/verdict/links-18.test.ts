// Session 18 (issue 10): a linked document is read for what it decides, and it speaks as a whole.
// A slip said in so many words ("was a mistake", "war ein Fehler", "fue un error") whose right value
// another paragraph sets for every environment; a document's decision taking a step in a lagging
// environment ("Conclusion: enable it in production", "Decision: switch prod to zstd"); an open
// checklist step tied to a dated event the document gives ("- [ ] flip X in prod (on GA day)" under
// "GA: 1 December"). Each with its negatives: asked, supposed, negated, gated, still ahead, another key.
// Situations and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { judge, TWO, type Step } from './memory-story.js';
import { slipIn } from '../../src/verdict/documented.js';
import { buildLog, type Message } from '../../src/verdict/log.js';
import { explain } from '../../src/verdict/verdict.js';
import type { Divergence } from '../../src/model/types.js';

const TODAY = '2026-12-03';
const base = (value: string, envs = ['staging', 'production']): Step => ({
  subject: 'initial values',
  date: '2026-03-01T10:00:00Z',
  set: Object.fromEntries(envs.map((e) => [e, ['', value]])),
});
const note = (subject: string, date: string, body = ''): Step => ({ subject, body, date });

describe('a slip in so many words, its right value set elsewhere in the document', () => {
  it.each([
    ['Moving staging to lz4 on 2 Nov was a mistake.', 'was a mistake'],
    ['The lz4 switch in staging was an oversight of the perf sprint.', 'was an oversight'],
    ['Staging wurde auf lz4 umgestellt, das war ein Fehler.', 'war ein fehler'],
    ['El cambio de staging a lz4 fue un error.', 'fue un error'],
    ['Staging was mistakenly set to lz4.', 'mistakenly'],
  ])('%s', (text, phrase) => {
    expect(slipIn(text)?.toLowerCase()).toBe(phrase);
  });
  it.each([
    'Was the lz4 switch in staging a mistake?',
    'If moving staging to lz4 was a mistake, we revert it.',
    'Moving staging to lz4 was not a mistake.',
    'The job is an error-prone step on staging.',
  ])('not %s', (text) => {
    expect(slipIn(text)).toBeUndefined();
  });

  const story = (doc: string, also?: Step['also']) =>
    judge(
      'storage.compression',
      [
        base('zstd'),
        { subject: 'staging: lz4 for faster restores', date: '2026-11-02T10:00:00Z', set: { staging: ['zstd', 'lz4'] }, ...(also ? { also } : {}) },
        note('storage note', '2026-11-20T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/storage/compression.md', text: doc, step: 2 }] },
    );

  it.each([
    '# Compression\n\nBackups are compressed with zstd in every environment, the restore tooling expects it.\n\nMoving staging to lz4 on 2 Nov was a mistake: restores there broke.',
    '# Kompression\n\nAlle Umgebungen nutzen zstd.\n\nDie Umstellung von staging auf lz4 war ein Fehler.',
    '# Compresión\n\nzstd en todos los entornos.\n\nEl cambio de staging a lz4 fue un error.',
  ])('goes back to the value the document sets everywhere: %s', (doc) => {
    const v = story(doc);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'staging', 'zstd']);
  });

  it('not where the slip is asked about', () => {
    const v = story('# Compression\n\nzstd in every environment.\n\nWas moving staging to lz4 a mistake?');
    expect(v.suggested).not.toBe('revert');
  });
});

describe("a document's decision takes a step in a lagging environment", () => {
  const story = (doc: string, value: [string, string] = ['false', 'true'], key = 'ARCHIVE_COLD_TIER_ENABLED') =>
    judge(
      key,
      [
        base(value[0]),
        { subject: 'staging cold tier on', date: '2026-11-02T10:00:00Z', set: { staging: value } },
        note('pilot report', '2026-11-20T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/archive/pilot.md', text: doc, step: 2 }] },
    );

  it.each([
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\nThree weeks on staging, restores all under 4 h.\n\nConclusion: enable the cold tier in production.',
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\n**Decision:** turn it on in prod next.',
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\nAll restores fine.\n\n## Next steps\n\n- roll it out to production\n- update the runbook',
    '# ARCHIVE_COLD_TIER_ENABLED Pilot\n\nFazit: in Produktion aktivieren.',
    '# ARCHIVE_COLD_TIER_ENABLED pilote\n\nConclusion : activer en production.',
    '# ARCHIVE_COLD_TIER_ENABLED piloto\n\nConclusión: activar en producción.',
  ])('%s', (doc) => {
    const v = story(doc);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'production', 'true']);
  });

  it.each([
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\nConclusion: do not enable the cold tier in production yet.',
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\nConclusion: enable the cold tier in production once the restore drill passes.',
    // A gate in the languages read (conditions.ts' AHEAD, which goFor reads too):
    '# ARCHIVE_COLD_TIER_ENABLED pilote\n\nConclusion : activer en production dès que le test de restauration passe.',
    '# ARCHIVE_COLD_TIER_ENABLED piloto\n\nConclusión: activar en producción cuando pase la prueba de restauración.',
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\nConclusion: enable it in production?',
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\nConclusion: disable the cold tier in production too.',
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\nWe enabled the cold tier in production for one bucket during the pilot.',
    '# ARCHIVE_COLD_TIER_ENABLED pilot\n\nConclusion: keep staging on it; production stays off.',
  ])('not %s', (doc) => {
    expect(story(doc).suggested).not.toBe('backfill');
  });

  it('not a value other than the change\'s ("set production to 20")', () => {
    const v = story('# ARCHIVE_BATCH_SIZE pilot\n\nConclusion: set production to 20.', ['10', '40'], 'ARCHIVE_BATCH_SIZE');
    expect(v.suggested).not.toBe('backfill');
  });
});

describe('an open checklist step tied to a dated event the document gives', () => {
  const story = (doc: string, today = TODAY) =>
    judge(
      'features.newCheckout',
      [
        base('false'),
        { subject: 'newCheckout on in staging', date: '2026-11-02T10:00:00Z', set: { staging: ['false', 'true'] } },
        note('launch plan', '2026-11-10T10:00:00Z'),
      ],
      today,
      {},
      { documents: [{ path: 'docs/launch/checkout.md', text: doc, step: 2 }] },
    );

  it.each([
    '# New checkout launch\n\nLaunch date: 2026-11-25\n\n## Checklist\n- [x] QA sign-off\n- [ ] switch features.newCheckout on in production at launch',
    '# New checkout\n\nGo-live: **20 November 2026**\n\n- [ ] enable features.newCheckout in prod on go-live day',
    '# New checkout\n\n## Tasks\n- [ ] turn on features.newCheckout in production on 2026-11-28',
    '# New checkout\n\nCutover — 27 Nov 2026\n\n1. [ ] flip features.newCheckout in prod (with the cutover)',
  ])('passed, the step is due: %s', (doc) => {
    const v = story(doc);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'production', 'true']);
  });

  it.each([
    '# New checkout launch\n\nLaunch date: 2026-12-20\n\n- [ ] switch features.newCheckout on in production at launch', // still ahead
    '# New checkout launch\n\n- [ ] switch features.newCheckout on in production at launch', // no date for the launch
    '# New checkout launch\n\nLaunch date: 2026-11-25\n\n- [ ] switch features.newCheckout off in production at launch', // the other way
    '# New checkout launch\n\nLaunch date: 2026-11-25\n\n- [ ] decide whether features.newCheckout goes to production at launch',
  ])('not %s', (doc) => {
    expect(story(doc).suggested).not.toBe('backfill');
  });
});

describe('a document naming a hand edit speaks for it in its other passages: a keep until a condition', () => {
  const KEY = 'CACHE_LOCK_TIMEOUT_MS';
  const context = (text: string) => {
    const date = '2026-11-10T10:00:00Z';
    const m: Message = { sha: 'd'.repeat(40), parents: [], subject: 'post-mortem', body: '', author: 'A', email: 'a@x', date, committed: date };
    return { promotion: TWO, environments: TWO, today: TODAY, log: buildLog(new Map(), [m], [{ path: 'docs/pm/inc-5.md', text, sha: m.sha }]) };
  };
  const liveOnly = (): Divergence =>
    ({
      id: KEY,
      key: KEY,
      kind: 'live-only',
      severity: 'drift',
      envs: ['production'],
      values: { production: { repo: null, live: '200', at: null, type: null } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { production: { manager: 'kubectl-set', operation: 'Update', time: '2026-11-03T22:10:00Z', exact: false, human: true, kind: 'human' } },
    }) as unknown as Divergence;
  const verdict = (text: string) => explain(liveOnly(), {}, context(text));
  const head = `# INC-5 cache stampede\n\nMitigation (3 Nov): \`${KEY}=200\` set live on the Deployment; the stampede stopped.\n\n`;

  it.each([
    `${head}Decision: keep the workaround until the 4.1 client ships (APP-77).`,
    `${head}The override stays in place until we upgrade the driver.`,
    `${head}Decision: do not remove it before the vendor fix is rolled out.`,
    `${head}Entscheidung: Workaround nicht entfernen, bevor der Treiber aktualisiert ist.`,
    `# Incidents\n\n## ${KEY}\n\nSet live during INC-5. Keep it until the 4.1 client ships.`,
    // "The workaround" kept, then named as the hand edit under the same incident: a post-mortem
    // that decides first and gives the background after is read as a person reads it
    // (verdict/live-fate.ts, session 21; a negative here until then).
    `# INC-5\n\nDecision: keep the workaround until the 4.1 client ships.\n\nBackground: ${KEY}=200 was set live.`,
  ])('codify it: %s', (text) => {
    const v = verdict(text);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'production', '200']);
  });

  it.each([
    `${head}Decision: do not remove it before 2026-11-20.`, // a date, passed: a time limit, not a keep
    `# INC-5 cache stampede\n\nDecision: keep the workaround until the 4.1 client ships.`, // the key named nowhere
    `${head}Decision: remove the workaround once the 4.1 client ships.`,
  ])('not %s', (text) => {
    expect(verdict(text).suggested).not.toBe('backfill');
  });
});

describe('linking more text links no wrong text', () => {
  const story = (key: string, other: string, text: string, value: [string, string] = ['10', '30']) =>
    judge(
      key,
      [
        { ...base(value[0]), also: { staging: [other, value[0], value[1]], production: [other, value[0], value[1]] } },
        { subject: 'staging: raise it', date: '2026-11-02T10:00:00Z', set: { staging: value } },
        note('notes', '2026-11-20T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/notes.md', text: `# Notes\n\n${text}`, step: 2 }] },
    );

  it('two keys with the same leaf: a passage naming the other one by its path is not about this one', () => {
    expect(story('api.timeout', 'db.timeout', '- The db timeout is 30 in every environment.').suggested).not.toBe('backfill');
    const v = story('api.timeout', 'db.timeout', '- The api timeout is 30 in every environment.');
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'production', '30']);
  });

  it('two keys with the same last word: a passage naming the other one is not about this one', () => {
    const slip = (who: string) => `- staging's ${who} timeout of 30 ms was a mistake, should be 10 like the others.`;
    expect(story('apiTimeoutMs', 'dbTimeoutMs', slip('db')).suggested).not.toBe('revert');
    const v = story('apiTimeoutMs', 'dbTimeoutMs', slip('api'));
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['revert', 'staging', '10']);
  });

  it('a passage about another key with the same value is not about this one', () => {
    const values: [string, string] = ['us-east-1', 'eu-central-1'];
    expect(story('aws.region', 'BACKUP_BUCKET_REGION', '- BACKUP_BUCKET_REGION: eu-central-1 in every environment.', values).suggested).not.toBe('backfill');
    const v = story('aws.region', 'BACKUP_BUCKET_REGION', '- Region eu-central-1 in every environment.', values);
    expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'production', 'eu-central-1']);
  });
});

describe('a step due by a date, read as gates.ts reads the due family in every language', () => {
  const story = (doc: string) =>
    judge(
      'storage.compression',
      [
        base('gzip'),
        { subject: 'staging: zstd', date: '2026-11-02T10:00:00Z', set: { staging: ['gzip', 'zstd'] } },
        note('rollout plan', '2026-11-10T10:00:00Z'),
      ],
      TODAY,
      {},
      { documents: [{ path: 'docs/storage/compression-rollout.md', text: `# Compression rollout\n\nstorage.compression zstd: ${doc}`, step: 2 }] },
    );

  it.each(['staging done; switch production by 2026-11-25.', 'staging läuft. Prod spätestens 25.11. umstellen.', 'staging ok. Passer la prod avant le 25/11.'])(
    'passed, the step is due: %s',
    (doc) => {
      const v = story(doc);
      expect([v.suggested, v.drifted, v.value], v.reasons.join('\n')).toEqual(['backfill', 'production', 'zstd']);
    },
  );

  it.each([
    'staging done; switch production by 2026-12-20.', // still ahead
    'staging done; production not before 2026-11-25.', // a gate, not a due date
    'staging done; do not switch production by 2026-11-25, the vendor is not ready.',
  ])('not %s', (doc) => {
    expect(story(doc).suggested).not.toBe('backfill');
  });
});
