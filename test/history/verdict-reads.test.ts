// What a verdict read of the log decides whether a commit added since can change it
// (src/verdict/reads.ts): a rule that goes through every key or every ticket has read them all,
// so a new commit changing any key (citing any ticket) weighs it again; one that looked up a key
// by name is weighed again only for that key. Pure: a log built in memory, rules as functions.
import { describe, expect, it } from 'vitest';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, type Message } from '../../src/verdict/log.js';
import { addedCommit, keyWordNamed, mayChange, ReadRecorder, type VerdictReads } from '../../src/verdict/reads.js';
import { explain } from '../../src/verdict/verdict.js';

const facts = (sha: string, subject: string) => ({
  author: 'Ana Lima',
  email: 'ana@example.test',
  date: '2026-01-01T10:00:00Z',
  committed: '2026-01-01T10:00:00Z',
  subject,
  body: '',
});
const event = (sha: string, subject: string, to: string): HistoryEvent => ({
  ...facts(sha, subject),
  commit: sha,
  file: 'config/staging.yaml',
  from: null,
  to,
  merge: false,
  revert: false,
});
const message = (sha: string, subject: string): Message => ({ ...facts(sha, subject), sha, parents: [] });

const old = [event('a1', 'create', '1')];
const log = buildLog(
  new Map([
    [
      'staging',
      new Map([
        ['alpha', old],
        ['beta', [event('a1', 'create', '2')]],
      ]),
    ],
  ]),
  [message('a1', 'create')],
);
const d = { key: 'alpha', values: {} };
// A later commit that changes another key only, in words no rule reads for `alpha`.
const later = addedCommit(message('c3', 'tidy'), [{ env: 'staging', key: 'beta', event: event('c3', 'tidy', '3') }], ['staging']);
const citing = addedCommit(message('c4', 'tidy OPS-7'), [], ['staging']);

describe('what a verdict read of the log', () => {
  it('by name: a commit changing another key cannot change it', () => {
    const recorder = new ReadRecorder(log);
    const { reads } = recorder.during(() => recorder.log.envs.get('staging')?.get('alpha'));
    expect(mayChange([later], d, old, reads, log)).toBe(false);
    expect(mayChange([citing], d, old, reads, log)).toBe(false);
  });

  it("all of an environment's keys, or every commit's changes: a commit changing any key can", () => {
    const recorder = new ReadRecorder(log);
    const byEnv = recorder.during(() => [...(recorder.log.envs.get('staging') ?? [])].length);
    expect(mayChange([later], d, old, byEnv.reads, log)).toBe(true);
    const byCommit = recorder.during(() => [...recorder.log.commits.values()].flatMap((c) => c.changes).length);
    expect(mayChange([later], d, old, byCommit.reads, log)).toBe(true);
  });

  it('every ticket: a commit citing any ticket can', () => {
    const recorder = new ReadRecorder(log);
    const { reads } = recorder.during(() => [...recorder.log.byTicket.keys()].length);
    expect(mayChange([citing], d, old, reads, log)).toBe(true);
  });
});

describe('the texts a verdict read', () => {
  it("are checked against each set of added commits on its own (a commit's text read by many verdicts is read once per set)", () => {
    const recorder = new ReadRecorder(log);
    const { reads } = recorder.during(() => recorder.log.envs.get('staging')?.get('alpha'));
    // The verdict read 'move the broker to eu-west' (its key's event); a later commit saying the
    // broker move is done can change it, one about something else cannot, whichever is asked first.
    const read = [event('a1', 'move the broker to eu-west', '1')];
    const done = [addedCommit(message('c5', 'broker move finished'), [], ['staging'])];
    const other = [addedCommit(message('c6', 'tidy'), [], ['staging'])];
    expect(mayChange(other, d, read, reads, log)).toBe(false);
    expect(mayChange(done, d, read, reads, log)).toBe(true);
    expect(mayChange(other, d, read, reads, log)).toBe(false);
    expect(mayChange(done, d, read, reads, log)).toBe(true);
    // A version the verdict read, named by the later commit.
    const pinned = [event('a2', 'pin 1.31.2', '1')];
    expect(mayChange([addedCommit(message('c7', 'upgrade past 1.31.2'), [], ['staging'])], d, pinned, reads, log)).toBe(true);
    expect(mayChange(other, d, pinned, reads, log)).toBe(false);
  });
});

describe('an added commit by a person a text the verdict read names', () => {
  it("may be that person's word: 'prod after Maria's OK' is answered by Maria's 'LGTM', whatever it says", () => {
    const gate = [event('g1', "payments: raise the limit in staging, prod after Maria's OK", '5')];
    const reads: VerdictReads = { keys: ['alpha'], tickets: [], commits: [] };
    const lgtm = (author: string) => addedCommit({ ...message('c10', 'LGTM, go ahead'), author }, [], ['staging']);
    expect(mayChange([lgtm('Maria Okafor')], d, gate, reads, log)).toBe(true);
    // Someone else's same words: judged by its words, which touch nothing here.
    expect(mayChange([lgtm('Ana Lima')], d, gate, reads, log)).toBe(false);
    expect(mayChange([lgtm('Maria Okafor')], d, old, reads, log)).toBe(false);
  });
});

describe('keyWordNamed', () => {
  // The definition it answers for, on the whole key: its words (split at punctuation and at
  // camel-case humps, lower case, two letters or more), any of them in an added commit's text.
  const reference = (texts: string[], key: string) => {
    const camel = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/);
    const words = [...camel, ...key.split(/[^A-Za-z0-9]+/)].map((w) => w.toLowerCase()).filter((w) => w.length >= 2);
    return words.some((w) => texts.some((t) => t.toLowerCase().includes(w)));
  };
  it('answers as the words of the whole key do, on random keys and texts (answers kept per part)', () => {
    let state = 5;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 12) % n);
    const PARTS = ['govukApplications', 'helmValues', 'image', 'tag', 'app-01', 'replicaCount', 'x', 'DB_URL', 'maxConns', '7', 'aB', 'prefetchCount'];
    const SEPARATORS = ['.', '[name=', '].', '_', '-', ''];
    const WORDS = ['bump', 'image', 'count', 'the', 'db', 'values', 'conns', 'ab', 'app', 'tagged', 'url', 'replica', 'prefetch'];
    let named = 0;
    for (let round = 0; round < 40; round++) {
      const texts = Array.from({ length: 1 + rand(2) }, () => Array.from({ length: 1 + rand(3) }, () => WORDS[rand(WORDS.length)]).join(' '));
      const added = texts.map((subject, i) => addedCommit({ ...message(`n${round}${i}`, subject), parents: ['p'] }, [], ['staging']));
      for (let k = 0; k < 20; k++) {
        const key = Array.from({ length: 1 + rand(4) }, () => `${PARTS[rand(PARTS.length)]}${SEPARATORS[rand(SEPARATORS.length)]}`).join('');
        const answer = keyWordNamed(added, key);
        expect(answer, `${key} against ${JSON.stringify(texts)}`).toBe(reference(texts, key));
        if (answer) named++;
      }
    }
    expect(named).toBeGreaterThan(100);
    expect(named).toBeLessThan(800);
  });
});

describe('a value named as a step', () => {
  it("a commit writing the change as a step between two of the key's values, however short, can change it", () => {
    const recorder = new ReadRecorder(log);
    const { reads } = recorder.during(() => recorder.log.envs.get('staging')?.get('alpha'));
    const replicas = {
      key: 'deploy.replicas',
      values: { staging: { repo: '5', live: null, at: null, type: null }, production: { repo: '3', live: null, at: null, type: null } },
    };
    const step = [addedCommit(message('c8', 'Scaled from 3 to 5 for the sale.'), [], ['staging', 'production'])];
    expect(mayChange(step, replicas, old, reads, log)).toBe(true);
    expect(mayChange([addedCommit(message('c9', 'Scaled 4 workers for the sale.'), [], ['staging', 'production'])], replicas, old, reads, log)).toBe(false);
  });
});

// An index a scan makes once per log for every verdict (the messages read as documents, the texts
// saying something is refused, every key's name, a document's headings) is the log's: the verdict
// that happens to make it must not record every commit, document or key it went through, or it is
// weighed again after any new commit (session 17: ~1,500 commits recorded by one verdict).
describe('the first verdict weighed', () => {
  it('records what the same verdict weighed later records, no more', () => {
    const at = (n: number) => `2026-11-${String(n).padStart(2, '0')}T10:00:00Z`;
    const msg = (sha: string, subject: string, n: number): Message => ({ ...facts(sha, subject), date: at(n), committed: at(n), sha, parents: [] });
    const ev = (sha: string, subject: string, n: number, from: string | null, to: string): HistoryEvent => ({
      ...event(sha, subject, to),
      date: at(n),
      committed: at(n),
      from,
    });
    const kafka = { KAFKA_BOOTSTRAP: ['broker.msg-a.svc:9093', 'kafka.msg-b.svc:9094'] };
    const staging = new Map<string, HistoryEvent[]>([
      [
        'KAFKA_BOOTSTRAP',
        [ev('c2', 'move to the new brokers', 5, kafka.KAFKA_BOOTSTRAP[0]!, kafka.KAFKA_BOOTSTRAP[1]!), ev('c1', 'initial', 1, null, kafka.KAFKA_BOOTSTRAP[0]!)],
      ],
      ['deploy.replicas', [ev('c3', 'more capacity', 6, '3', '5'), ev('c1', 'initial', 1, null, '3')]],
      ...Array.from({ length: 30 }, (_, i) => [`other.key${i}`, [ev('c1', 'initial', 1, null, String(i))]] as [string, HistoryEvent[]]),
    ]);
    const production = new Map<string, HistoryEvent[]>([
      ['KAFKA_BOOTSTRAP', [ev('c1', 'initial', 1, null, kafka.KAFKA_BOOTSTRAP[0]!)]],
      ['deploy.replicas', [ev('c1', 'initial', 1, null, '3')]],
    ]);
    const messages = [
      msg('n2', 'notes: the old broker refuses connections since the upgrade', 9),
      msg('n1', 'docs: on-call rota', 8),
      msg('d1', 'docs: scaling notes', 7),
      msg('c3', 'more capacity', 6),
      msg('c2', 'move to the new brokers', 5),
      msg('c1', 'initial', 1),
    ];
    const documents = [
      { path: 'docs/scaling.md', text: '# Scaling\n\nScaled from 3 to 5 for the sale.\n', sha: 'd1' },
      { path: 'docs/brokers.md', text: '# Brokers\n\nThe old broker (9093) was switched off in every cluster.\n', sha: 'd1' },
    ];
    const logOf = buildLog(
      new Map([
        ['staging', staging],
        ['production', production],
      ]),
      messages,
      documents,
    );
    const divergence = (key: string, stagingValue: string, productionValue: string): Divergence => ({
      id: key,
      key,
      kind: 'cross-env',
      severity: 'drift',
      envs: ['staging', 'production'],
      values: {
        staging: { repo: stagingValue, live: null, at: null, type: 'string' },
        production: { repo: productionValue, live: null, at: null, type: 'string' },
      },
      declared: false,
      contract: null,
      notes: [],
    });
    const ds = [divergence('KAFKA_BOOTSTRAP', kafka.KAFKA_BOOTSTRAP[1]!, kafka.KAFKA_BOOTSTRAP[0]!), divergence('deploy.replicas', '5', '3')];
    const sorted = (r: VerdictReads) => ({
      keys: [...r.keys].sort(),
      tickets: [...r.tickets].sort(),
      commits: [...r.commits].sort(),
      documents: [...(r.documents ?? [])].sort(),
    });
    // Each divergence weighed first in a scan of its own, then after the other in one scan.
    for (const [first, second] of [ds, [...ds].reverse()]) {
      const recorder = new ReadRecorder(logOf);
      const weigh = (d: Divergence) =>
        recorder.during(() =>
          explain(
            d,
            { staging: staging.get(d.key) ?? [], production: production.get(d.key) ?? [] },
            { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-03', log: recorder.log },
          ),
        );
      const once = weigh(first!);
      weigh(second!);
      const again = weigh(first!);
      expect(again.result).toEqual(once.result);
      expect(sorted(once.reads), first!.key).toEqual(sorted(again.reads));
    }
  });
});
