// A key's story in memory, as the engine would hand it to the verdict: each environment's events
// and every commit's message with the paths it touched. No git: the story sets build repositories.
import type { Divergence, EnvName, HistoryEvent, Verdict } from '../../src/model/types.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import type { Document, Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

export const TWO = ['staging', 'production'];
export const file = (env: EnvName) => `deploy/${env}.yaml`;

export interface Step {
  subject: string;
  body?: string;
  date: string;
  /** env → [from, to] of the story's key. */
  set?: Record<EnvName, [string, string]>;
  /** Paths touched beyond the files of the environments it sets. */
  touched?: string[];
  /** Who wrote it (a bot, say), where it matters. */
  author?: string;
  email?: string;
  /** Another key it changed: env → [key, from, to]. */
  also?: Record<EnvName, [string, string, string]>;
  /** The oldest commit a shallow clone holds: its values predate the known history. */
  truncated?: boolean;
}

/** A key's story: the commits, oldest first, turned into each environment's events (newest first)
 * and every commit's message with the paths it touched, as the engine would hand them over. */
export function judge(
  key: string,
  steps: Step[],
  today: string,
  notes: Record<EnvName, string> = {},
  extra: {
    envs?: EnvName[];
    documents?: Array<Omit<Document, 'sha'> & { step: number }>;
    truncatedAt?: string;
    /** The contract declared the difference, with this reason, until this day (now past): a stale declaration. */
    declared?: { reason: string; expires: string; allowed?: Record<EnvName, string> };
  } = {},
): Verdict {
  const ENVS = extra.envs ?? TWO;
  const n = steps.length;
  const shaOf = (i: number) => (i + 1).toString(16).padStart(40, 'a');
  const events: Record<EnvName, HistoryEvent[]> = Object.fromEntries(ENVS.map((e) => [e, []]));
  const others = new Map<EnvName, Map<string, HistoryEvent[]>>(ENVS.map((e) => [e, new Map()]));
  const messages: Message[] = [];
  steps.forEach((s, i) => {
    const facts = {
      author: s.author ?? `Author ${i}`,
      email: s.email ?? `a${i}@example.test`,
      date: s.date,
      committed: s.date,
      subject: s.subject,
      body: s.body ?? '',
    };
    const order = n - 1 - i;
    for (const [env, [from, to]] of Object.entries(s.set ?? {})) {
      events[env]!.unshift({
        ...facts,
        commit: shaOf(i),
        file: file(env),
        from: from === '' ? null : from,
        to,
        merge: false,
        revert: false,
        order,
        ...(s.truncated ? { truncated: true } : {}),
      });
    }
    for (const [env, [other, from, to]] of Object.entries(s.also ?? {})) {
      const list = others.get(env)!.get(other) ?? [];
      list.unshift({ ...facts, commit: shaOf(i), file: file(env), from, to, merge: false, revert: false, order });
      others.get(env)!.set(other, list);
    }
    messages.unshift({ ...facts, sha: shaOf(i), parents: i === 0 ? [] : [shaOf(i - 1)], files: [...Object.keys(s.set ?? {}).map(file), ...(s.touched ?? [])] });
  });
  const current = (env: EnvName) => events[env]![0]?.to ?? null;
  const d = {
    id: key,
    key,
    kind: 'cross-env',
    severity: 'drift',
    envs: ENVS,
    values: Object.fromEntries(
      ENVS.map((e) => [
        e,
        { repo: current(e), live: null, at: { file: file(e), line: 3, column: 1 }, type: 'string', ...(notes[e] ? { note: notes[e] } : {}) },
      ]),
    ),
    declared: !!extra.declared,
    contract: extra.declared
      ? {
          key,
          location: 'expected-env-diff.yaml:2',
          allowed: extra.declared.allowed ?? {},
          reason: extra.declared.reason,
          expires: extra.declared.expires,
          expired: true,
        }
      : null,
    notes: [],
    ...(extra.declared ? { kind: 'stale-declaration' } : {}),
  } as unknown as Divergence;
  const documents = (extra.documents ?? []).map(({ step, ...doc }) => ({ ...doc, sha: shaOf(step) }));
  const log = buildLog(new Map(ENVS.map((e) => [e, new Map([[key, events[e]!], ...others.get(e)!])])), messages, documents);
  return explain(d, events, { promotion: ENVS, environments: ENVS, today, log, ...(extra.truncatedAt ? { truncatedAt: extra.truncatedAt } : {}) });
}

/** One commit (20 November, by Wen) changing production's file from `from` to `to`: its message and
 * the key's event, as a contract-violation story hands them to the verdict. */
export function productionChange(subject: string, body: string, from: string, to: string): { message: Message; event: HistoryEvent } {
  const message: Message = {
    sha: 'f'.repeat(40),
    parents: [],
    subject,
    body,
    author: 'Wen',
    email: 'w@x',
    date: '2026-11-20T10:00:00Z',
    committed: '2026-11-20T10:00:00Z',
  };
  return { message, event: { ...message, commit: message.sha, file: file('production'), from, to, merge: false, revert: false } };
}

/** A grant on `key` added by hand in production (kubectl edit on 10 November), its live object
 * annotated with `note`: a permission divergence. */
export function handGrant(key: string, note: string): Divergence {
  return {
    id: 'x',
    key,
    kind: 'permission',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: 'defined', live: 'present', at: null, type: null, liveAnnotations: { 'example.test/note': note } } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { production: { manager: 'kubectl-edit', operation: 'Update', time: '2026-11-10T22:00:00Z', exact: false, human: true, kind: 'human' } },
  };
}

/** The verdict on production's one change of `key` from `from` to `to` (commit text `subject` and
 * `body`), where the contract allows production only `allowed`: a contract violation, staging and
 * production the environments. */
export function outsideContract(key: string, allowed: string, from: string, to: string, subject: string, body = ''): Verdict {
  const contract = parseContract(yamlFileFromText(`expected_differences:\n  ${key}:\n    production: ${allowed}\n`, 'c.yaml'), TWO);
  const { message, event } = productionChange(subject, body, from, to);
  const violation = {
    key,
    kind: 'contract-violation',
    severity: 'drift',
    envs: ['production'],
    values: { staging: { repo: 'x', live: null }, production: { repo: to, live: null } },
    contract: { key, allowed: { production: allowed } },
    notes: [],
  } as unknown as Divergence;
  const log = buildLog(new Map([['production', new Map([[key, [event]]])]]), [message]);
  return explain(violation, { staging: [], production: [event] }, { promotion: TWO, environments: TWO, today: '2026-12-04', contract, log });
}
