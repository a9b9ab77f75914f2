// Commit messages for tests that build a verdict's log by hand (the events their commits made are
// src/model/types.ts `eventOf`).
import { eventOf, type Divergence, type HistoryEvent, type Provenance, type Verdict } from '../../src/model/types.js';
import type { Document, Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { liveFate, type LiveChange } from '../../src/verdict/live-fate.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';

/** Messages by one author, their shas counted up and padded with `fill`: each factory its own fill,
 * so that two factories' shas in one log never meet. */
export function messagesBy(author: string, email: string, fill: string): (date: string, subject: string, body?: string) => Message {
  let n = 0;
  return (date, subject, body = '') => ({ sha: (++n).toString(16).padStart(40, fill), parents: [], subject, body, author, email, date, committed: date });
}

/** A log of documents alone, each committed by `by` at its own time (its subject `docs: <path>` unless given). */
export function documentsLog(by: (date: string, subject: string) => Message, texts: Array<{ path: string; text: string; at: string; subject?: string }>) {
  const written = texts.map((t) => ({ ...t, by: by(t.at, t.subject ?? `docs: ${t.path}`) }));
  const messages = written.map((w) => w.by).sort((a, b) => b.date.localeCompare(a.date));
  return buildLog(
    new Map(),
    messages,
    written.map((w) => ({ path: w.path, text: w.text, sha: w.by.sha })),
  );
}

/** The commit that wrote the documents `files`, by one author, its sha `fill` repeated. */
export function documentCommit(fill: string, date: string, subject: string, files: string[]): Message {
  return { sha: fill.repeat(40), parents: [], author: 'Noa', email: 'n@x', date, committed: date, subject, body: '', files };
}

/** What `liveFate` makes, as of `today`, of the hand edit `change` to a value `created` wrote into
 * `file`, with one document at `path` (its `text`, committed by `by`) in the log. */
export function liveFateWithNote(change: LiveChange, note: { created: Message; file: string; by: Message; path: string; text: string; today: string }) {
  const events = new Map([[change.key, [eventOf(note.created, note.file, null, change.file, { merge: false, revert: false })]]]);
  const log = buildLog(new Map([[change.env, events]]), [note.by, note.created], [{ path: note.path, text: note.text, sha: note.by.sha }]);
  return liveFate(change, log, note.today);
}

/** managedFields' record of a live value written by a person at `time` with `manager`. */
export function byHandAt(time: string, manager = 'kubectl-patch') {
  return { manager, operation: 'Update', time, exact: false, human: true, kind: 'human' as const };
}

/** A `live-drift` of `key` in `env`: the file holds `repo`, the cluster `live`, written by a person
 * with `manager` at `time`, managedFields naming the field itself. */
export function handEditedLive(key: string, env: string, repo: string, live: string, manager: string, time: string): Divergence {
  return {
    id: 'x',
    key,
    kind: 'live-drift',
    severity: 'drift',
    envs: [env],
    values: { [env]: { repo, live, at: null, type: null } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { [env]: { ...byHandAt(time, manager), exact: true } },
  };
}

/** A `live-object` `key` only the cluster `live` holds, made by hand (`kubectl create`) at `time`. */
export function madeByHandLive(key: string, time: string): Divergence {
  return {
    id: 'x',
    key,
    kind: 'live-object',
    severity: 'drift',
    envs: ['live'],
    values: { live: { repo: null, live: 'present', at: null, type: null, liveAnnotations: {} } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { live: byHandAt(time, 'kubectl-create') },
  };
}

/** A `missing-live` of object `key` in production: in its files, absent from its cluster, with no record of who. */
export function missingLive(key: string): Divergence {
  return {
    id: 'x',
    key,
    kind: 'missing-live',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: 'defined', live: null, at: null, type: null } },
    declared: false,
    contract: null,
    notes: [],
    provenance: {},
  };
}

/** A `permission` row: grant `kind/name` live in production with no definition in its files, written
 * as `made` says; binding Role/deployer to `subject` when one is given (the binding's subjects read). */
export function liveGrant(name: string, made: Provenance, subject?: string, kind = 'RoleBinding'): Divergence {
  return {
    id: 'g',
    key: `${kind}/${name}`,
    kind: 'permission',
    severity: 'drift',
    envs: ['production'],
    values: { production: { repo: null, live: 'exists', at: null, type: null } },
    declared: false,
    contract: null,
    notes: subject ? [`${kind}/${name} exists in production with no definition in production's repo files: it binds Role/deployer to ${subject}`] : [],
    provenance: { production: made },
    ...(subject ? { grantedBy: { production: [{ object: `${kind}/${name}`, role: 'Role/deployer', subjects: [subject], createdBy: made }] } } : {}),
  };
}

/** A verdict's reasons and question in one text, for an assertion's message. */
export const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

/** The verdict on a `cross-env` divergence of `key` with the repo values `values` (environment →
 * value, in the promotion order), over the key's `history` and the log of `messages`. */
export function explainCrossEnv(options: {
  key: string;
  history: Record<string, HistoryEvent[]>;
  messages: Message[];
  values: Record<string, string>;
  type: 'number' | 'string' | 'boolean';
  today: string;
  /** The documents at HEAD (a sign-off, a freeze notice), each with the commit that wrote it. */
  documents?: Document[];
  /** Each environment's files (a chart's values.yaml and its own values file). */
  layers?: Record<string, string[]>;
  /** The contract file's own history, per `expected_differences.<key>.<env>`. */
  contractHistory?: Map<string, HistoryEvent[]>;
}): Verdict {
  const { key, history, messages, values, type, today, documents = [], layers, contractHistory } = options;
  const envs = Object.keys(values);
  const log = buildLog(
    new Map(Object.entries(history).map(([e, events]) => [e, new Map([[key, events]])])),
    [...messages].sort((a, b) => b.date.localeCompare(a.date)),
    documents,
  );
  const d = {
    id: key,
    key,
    kind: 'cross-env',
    severity: 'drift',
    envs,
    values: Object.fromEntries(Object.entries(values).map(([env, repo]) => [env, { repo, live: null, at: null, type }])),
    declared: false,
    contract: null,
    notes: [],
  } as unknown as Divergence;
  return explain(d, history, {
    promotion: envs,
    environments: envs,
    today,
    log,
    ...(layers ? { layers } : {}),
    ...(contractHistory ? { contractHistory } : {}),
  });
}

/** The verdict on `key` where `changed` set it in `env`'s file (from the value `created` gave every
 * environment) and `later` messages followed: two environments, the other still at the first value. */
export function explainOneChange(options: {
  key: string;
  envs: [string, string];
  file: (env: string) => string;
  created: Message;
  changed: Message;
  from: string;
  to: string;
  later: Message[];
  today: string;
}): Verdict {
  const { key, envs, file, created, changed, from, to, later, today } = options;
  const [env, other] = envs;
  const base = (e: string) => ({ ...eventOf(created, file(e), null, from, { merge: false, revert: false }), order: 1 });
  return explainCrossEnv({
    key,
    history: { [env]: [{ ...eventOf(changed, file(env), from, to, { merge: false, revert: false }), order: 0 }, base(env)], [other]: [base(other)] },
    messages: [...later, changed, created],
    values: { [env]: to, [other]: from },
    type: Number.isFinite(Number(to)) && Number.isFinite(Number(from)) ? 'number' : 'string',
    today,
  });
}

/** The verdict on a `contract-violation` of `key`: the contract's entry for it is `entry` (its YAML
 * lines under the key, indented four spaces), `violating` the environments it refuses, `values` the
 * repo values (environment → value, in the promotion order), over `history` and the log of
 * `messages` (any order) and `documents` at HEAD. `allowed` is what the divergence reports the
 * entry allows (a table's words, not the parsed entry). */
export function explainViolation(options: {
  key: string;
  entry: string;
  violating: string[];
  values: Record<string, string>;
  history: Record<string, HistoryEvent[]>;
  messages: Message[];
  documents?: Document[];
  today: string;
  allowed?: Record<string, string>;
  /** The contract file's own history, per `expected_differences.<key>.<env>`. */
  contractHistory?: Map<string, HistoryEvent[]>;
}): Verdict {
  const { key, entry, violating, values, history, messages, documents = [], today, allowed = {}, contractHistory } = options;
  const envs = Object.keys(values);
  const contract = parseContract(yamlFileFromText(`expected_differences:\n  ${key}:\n${entry}`, 'c.yaml'), envs);
  const d = {
    id: key,
    key,
    kind: 'contract-violation',
    severity: 'drift',
    envs: violating,
    values: Object.fromEntries(Object.entries(values).map(([env, repo]) => [env, { repo, live: null }])),
    contract: { key, allowed, reason: contract.entries[0]?.reason },
    notes: [],
  } as unknown as Divergence;
  const log = buildLog(
    new Map(Object.entries(history).map(([e, events]) => [e, new Map([[key, events]])])),
    [...messages].sort((a, b) => b.date.localeCompare(a.date)),
    documents,
  );
  return explain(d, history, { promotion: envs, environments: envs, today, contract, log, ...(contractHistory ? { contractHistory } : {}) });
}
