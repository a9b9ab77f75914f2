// A key renamed or moved keeps the old key's history for the verdict (holdout-15/28's pattern: a
// refactor nesting settings renamed session_cookie_secure to session.cookie.secure, and the reported
// key's history started at the refactor, so its undo removed the key). Other kinds of key, other
// renames (case, order, a move under a parent), other words for the slip.
import { describe, expect, it } from 'vitest';
import type { Divergence, EnvName, HistoryEvent } from '../../src/model/types.js';
import type { Document, Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { followKeyRenames, nameWords } from '../../src/verdict/renamed.js';

const ENVS = ['staging', 'production'];
const file = (env: EnvName) => `config/${env}.yaml`;
const sha = (i: number) => (i + 1).toString(16).padStart(40, 'b');

interface Commit {
  subject: string;
  date: string;
  /** env → key → [from, to] ('' is absent). */
  set?: Record<EnvName, Record<string, [string, string]>>;
  touched?: string[];
}

/** Every key's events per environment and every commit's message, as the engine hands them over. */
function story(commits: Commit[], documents: Array<Omit<Document, 'sha'> & { step: number }> = []) {
  const envs = new Map<EnvName, Map<string, HistoryEvent[]>>(ENVS.map((e) => [e, new Map()]));
  const messages: Message[] = [];
  commits.forEach((c, i) => {
    const facts = { author: `Author ${i}`, email: `a${i}@example.test`, date: c.date, committed: c.date, subject: c.subject, body: '' };
    for (const [env, keys] of Object.entries(c.set ?? {})) {
      for (const [key, [from, to]] of Object.entries(keys)) {
        const list = envs.get(env)!.get(key) ?? [];
        list.unshift({
          ...facts,
          commit: sha(i),
          file: file(env),
          from: from || null,
          to: to || null,
          merge: false,
          revert: false,
          order: commits.length - 1 - i,
        });
        envs.get(env)!.set(key, list);
      }
    }
    messages.unshift({ ...facts, sha: sha(i), parents: i === 0 ? [] : [sha(i - 1)], files: [...Object.keys(c.set ?? {}).map(file), ...(c.touched ?? [])] });
  });
  const log = buildLog(
    envs,
    messages,
    documents.map(({ step, ...d }) => ({ ...d, sha: sha(step) })),
  );
  return { envs, log };
}

function verdictOf(key: string, commits: Commit[], documents: Array<Omit<Document, 'sha'> & { step: number }> = []) {
  const { envs, log } = story(commits, documents);
  const history = Object.fromEntries(ENVS.map((e) => [e, envs.get(e)!.get(key) ?? []]));
  const current = (env: EnvName) => history[env]![0]?.to ?? null;
  const d = {
    id: key,
    key,
    kind: 'cross-env',
    severity: 'drift',
    envs: ENVS,
    values: Object.fromEntries(ENVS.map((e) => [e, { repo: current(e), live: null, at: { file: file(e), line: 3, column: 1 }, type: 'string' }])),
    declared: false,
    contract: null,
    notes: [],
  } as unknown as Divergence;
  return explain(d, history, { promotion: ENVS, environments: ENVS, today: '2026-12-04', log });
}

/** The old key set in both environments, then one commit removing it and adding the new one. */
const renamedIn = (oldKey: string, newKey: string, before: string, staging: string, production: string, subject: string): Commit[] => [
  { subject: 'service config', date: '2026-02-01T09:00:00Z', set: { staging: { [oldKey]: ['', before] }, production: { [oldKey]: ['', before] } } },
  {
    subject,
    date: '2026-10-22T17:10:00Z',
    set: { staging: { [oldKey]: [before, ''], [newKey]: ['', staging] }, production: { [oldKey]: [before, ''], [newKey]: ['', production] } },
  },
];

describe('a key renamed or moved keeps the old key history', () => {
  it.each([
    ['nested, a pool size', 'db_pool_max_size', 'db.pool.maxSize', '40', '5', 'refactor(config): group db settings (no functional change)'],
    ['case and order, an upload limit', 'uploadMaxMb', 'max_upload_mb', '50', '5', 'chore: rename config keys to snake_case — values unchanged'],
    [
      'moved under a parent, a TLS check',
      'verify_tls',
      'http.client.verify_tls',
      'true',
      'false',
      'refactor: move http client settings under http.client (no behaviour change)',
    ],
  ])('%s: the refactor that changed one side is a change of the key, undone to its old value', (_what, oldKey, newKey, before, changed, subject) => {
    const v = verdictOf(newKey, renamedIn(oldKey, newKey, before, changed, before, subject));
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'staging', before]);
    expect(v.reasons.join('\n')).not.toMatch(/remove /);
  });

  it('a value the rename kept is no change: the history runs back through the old key', () => {
    const { envs, log } = story(renamedIn('session_cookie_secure', 'session.cookie.secure', 'true', 'false', 'true', 'refactor: nest session settings'));
    const history = Object.fromEntries(ENVS.map((e) => [e, envs.get(e)!.get('session.cookie.secure')!]));
    const followed = followKeyRenames('session.cookie.secure', history, log);
    expect(followed['production']!.map((e) => [e.from, e.to, e.renamedFrom ?? null])).toEqual([
      ['true', 'true', 'session_cookie_secure'],
      [null, 'true', null],
    ]);
    expect(followed['staging']!.map((e) => [e.from, e.to])).toEqual([
      ['true', 'false'],
      [null, 'true'],
    ]);
  });

  it('a key added beside an unrelated removal keeps its own history', () => {
    const commits: Commit[] = [
      { subject: 'init', date: '2026-02-01T09:00:00Z', set: { staging: { legacy_mode: ['', 'on'] }, production: { legacy_mode: ['', 'on'] } } },
      {
        subject: 'drop legacy mode, add cache ttl',
        date: '2026-10-22T17:10:00Z',
        set: { staging: { legacy_mode: ['on', ''], 'cache.ttl': ['', '60'] }, production: { legacy_mode: ['on', ''], 'cache.ttl': ['', '600'] } },
      },
    ];
    const { envs, log } = story(commits);
    const history = Object.fromEntries(ENVS.map((e) => [e, envs.get(e)!.get('cache.ttl')!]));
    expect(followKeyRenames('cache.ttl', history, log)).toBe(history);
  });

  it('reads a name by its words', () => {
    expect(nameWords('session.cookie.secure')).toEqual(nameWords('session_cookie_secure'));
    expect(nameWords('maxPoolSize')).toEqual(['max', 'pool', 'size']);
    expect(nameWords('HTTPClient.verifyTLS')).toEqual(['http', 'client', 'verify', 'tls']);
  });
});
