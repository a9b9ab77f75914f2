// A committed document that links to a live change and states its fate decides the live verdict
// (live-fate.ts, the readers' `fate`): keep it → codify what runs; put it back by a day → revert
// live once the day has passed, declared until then. Read on phrasings of its own — terse ops
// notes, "Action items" tables, change records, German, Spanish and French sentences — and on what
// must not decide: a document that only mentions the change, a keep of another field, a fate of
// another environment's value, a condition for later, a put-back day still ahead.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent, Provenance } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { liveFate, type LiveChange } from '../../src/verdict/live-fate.js';
import type { Message } from '../../src/verdict/log.js';

const ENVS = ['staging', 'prod'];
const TODAY = '2026-12-04';
const EDITED = '2026-11-18T09:02:41Z';
const base = messagesBy('Jan Novák', 'jan@x', 'a');
const docs = messagesBy('Farah Siddiqui', 'farah@x', 'b');
const CREATED = base('2026-05-12T10:00:00Z', 'api manifests');

const KEY = (name: string) => `Deployment/api.containers[name=app].env[name=${name}].value`;

/** A log whose manifests hold `keys` (file values) and whose documents are `texts`, each committed at its date. */
function logWith(keys: Record<string, string>, texts: Array<{ path: string; text: string; at: string }>) {
  const written = texts.map((t) => ({ ...t, by: docs(t.at, `docs: ${t.path}`) }));
  const events = new Map(
    Object.entries(keys).map(([key, value]) => [key, [eventOf(CREATED, 'deploy/prod/api.yaml', null, value, { merge: false, revert: false })]]),
  );
  const messages: Message[] = [...written.map((w) => w.by), CREATED].sort((a, b) => b.date.localeCompare(a.date));
  return buildLog(
    new Map([['prod', events]]),
    messages,
    written.map((w) => ({ path: w.path, text: w.text, sha: w.by.sha })),
  );
}

const change = (key: string, live: string | null, file: string | null, extra: Partial<LiveChange> = {}): LiveChange => ({
  key,
  env: 'prod',
  environments: ENVS,
  live,
  file,
  editedAt: EDITED,
  tickets: [],
  object: false,
  ...extra,
});

const fateOf = (c: LiveChange, keys: Record<string, string>, texts: Array<{ path: string; text: string; at: string }>) =>
  liveFate(c, logWith(keys, texts), TODAY);

describe('a document linked to a live change keeps it', () => {
  it.each([
    ['a terse ops note', 'ops/log.md', '2026-11-19 prod: WORKER_THREADS=32 set by hand (INC-88). Keep it, TODO update values-prod.yaml.'],
    [
      'an "Action items" table row',
      'docs/pm/inc-88.md',
      '# INC-88\n\n## Action items\n\n| Action | Owner | Status |\n| --- | --- | --- |\n| Update deploy/prod/api.yaml: WORKER_THREADS 32 | Ana | open |\n',
    ],
    ['an open action item', 'docs/pm/inc-88.md', '## Follow-up\n\n- [ ] codify WORKER_THREADS=32 in the prod overlay (owner: Ana)\n'],
    ['a decision that it is not temporary', 'docs/pm/inc-88.md', 'Decision: the WORKER_THREADS bump is not temporary; 32 is the new normal.'],
    ['"remains" after naming the value', 'docs/pm/inc-88.md', '# INC-88 (WORKER_THREADS)\n\nOutcome: 32 remains, the old 8 starved the queue.'],
    ['a bare TODO after the sentence naming it', 'ops/log.md', 'Raised WORKER_THREADS to 32 for the backlog. TODO: update manifest.'],
    ['the key written as its words', 'docs/pm/inc-88.md', 'Decision: worker threads stay at 32 for good.'],
    ['German', 'docs/pm/inc-88.md', 'Entscheidung: WORKER_THREADS bleibt dauerhaft bei 32.'],
    ['Spanish', 'docs/pm/inc-88.md', 'Decisión: WORKER_THREADS se queda en 32 de forma permanente.'],
    ['French', 'docs/pm/inc-88.md', "Décision : on garde WORKER_THREADS à 32, c'est définitif."],
    ['"do not revert"', 'docs/pm/inc-88.md', 'WORKER_THREADS=32 fixed the backlog. Do not revert it.'],
  ])('%s', (_what, path, text) => {
    const read = fateOf(change(KEY('WORKER_THREADS'), '32', '8'), { [KEY('WORKER_THREADS')]: '8' }, [{ path, text, at: '2026-11-24T10:00:00Z' }]);
    expect(read && 'fate' in read ? read.fate : read, JSON.stringify(read)).toBe('keep');
  });

  it('an object made by hand, linked by the id its note cites, kept by its kind ("the grant stays")', () => {
    const read = fateOf(change('RoleBinding/backup-reader', null, null, { object: true, tickets: ['ADR-77'], editedAt: '2026-10-28T08:00:00Z' }), {}, [
      {
        path: 'docs/adr/0077-backups.md',
        text: '# ADR-77: backups\n\nThe backup job reads the namespace.\n\nThe grant is approved and the grant stays.',
        at: '2026-10-27T10:00:00Z',
      },
    ]);
    expect(read && 'fate' in read ? read.fate : read).toBe('keep');
  });
});

describe('a document linked to a live change puts it back', () => {
  it.each([
    [
      'a change record window, then back',
      'docs/changes/SC-9.md',
      '- What: kubectl set env WORKER_THREADS=32\n- When: 17 Nov → 30 Nov, then back to WORKER_THREADS=8',
      '2026-11-30',
    ],
    ['a terse note with an ISO day', 'ops/log.md', 'WORKER_THREADS=32 for the sale; revert on 2026-11-29.', '2026-11-29'],
    ['the value with its end and no verb', 'ops/log.md', 'prod: WORKER_THREADS=32 until 1 December.', '2026-12-01'],
    ['German', 'ops/notiz.md', 'WORKER_THREADS=32 nur für den Aktionstag. Am 28.11. wieder zurück auf 8.', '2026-11-28'],
    ['Spanish', 'ops/nota.md', 'WORKER_THREADS=32 para la campaña; volver a 8 el 27 de noviembre.', '2026-11-27'],
  ])('%s', (_what, path, text, day) => {
    const read = fateOf(change(KEY('WORKER_THREADS'), '32', '8'), { [KEY('WORKER_THREADS')]: '8' }, [{ path, text, at: '2026-11-16T10:00:00Z' }]);
    expect(read && 'fate' in read ? { fate: read.fate, date: read.date } : read, JSON.stringify(read)).toEqual({ fate: 'revert', date: day });
  });

  it('"NOT permanent" puts it back, by the event it names', () => {
    const read = fateOf(change(KEY('WORKER_THREADS'), '32', '8'), { [KEY('WORKER_THREADS')]: '8' }, [
      { path: 'docs/pm/inc-88.md', text: 'WORKER_THREADS=32 is NOT permanent: put it back after the migration is done.', at: '2026-11-20T10:00:00Z' },
    ]);
    expect(read && 'fate' in read ? read.fate : read).toBe('revert');
  });
});

describe('what does not decide a live change', () => {
  const threads = change(KEY('WORKER_THREADS'), '32', '8');
  const keys = { [KEY('WORKER_THREADS')]: '8', [KEY('QUEUE_DEPTH')]: '1000' };
  const read = (text: string, at = '2026-11-24T10:00:00Z') => fateOf(threads, keys, [{ path: 'docs/pm/inc-88.md', text, at }]);

  it('a document that only mentions it', () => {
    expect(read('## Timeline\n\n09:02 — WORKER_THREADS raised to 32 by hand in prod. The backlog drained by 10:40.')).toBeUndefined();
  });
  it('a keep of another field of the same object', () => {
    expect(read('We set WORKER_THREADS=32 and QUEUE_DEPTH=5000 by hand.\n\n## Decisions\n\n- QUEUE_DEPTH stays at 5000.')).toBeUndefined();
  });
  it("a keep of another environment's value", () => {
    expect(read('WORKER_THREADS was raised in prod by hand.\n\nStaging does not get the traffic: WORKER_THREADS stays at 8 in staging.')).toBeUndefined();
  });
  it("a keep of the repo's value (the manifest keeps 8)", () => {
    expect(read('WORKER_THREADS: the manifest keeps 8 on purpose.')).toBeUndefined();
  });
  it('a condition for later', () => {
    expect(read('If the backlog comes back, keep WORKER_THREADS at 32 and codify it.')).toBeUndefined();
  });
  it('a document from long before the edit that does not plan this value', () => {
    expect(read('WORKER_THREADS stays as it is; update the chart when it changes.', '2026-06-01T10:00:00Z')).toBeUndefined();
  });
  it('a question ("keep 32 or go back to 8?")', () => {
    expect(read('- [ ] team: keep WORKER_THREADS at 32 or go back to 8? The partners see rate limits. Decide and codify.')).toBeUndefined();
  });
  it('a document that decides nothing yet ("Status: proposed")', () => {
    expect(read('# RFC: worker threads\n\nStatus: proposed\n\nWORKER_THREADS=32 stays; update the chart.')).toBeUndefined();
  });
  it("the repo's old value with a day before the edit", () => {
    expect(read('WORKER_THREADS was 8 until 1 November, then the incident.')).toBeUndefined();
  });
  it('a keep and a put-back in one document are a disagreement', () => {
    const r = read('- Ana: WORKER_THREADS=32 stays.\n- Bo: no, WORKER_THREADS goes back to 8 on 2026-11-30.');
    expect(r && 'conflict' in r).toBe(true);
  });
  it('of two documents, the newest written decides', () => {
    const r = fateOf(threads, keys, [
      { path: 'docs/changes/SC-9.md', text: 'WORKER_THREADS=32 for the sale, back to 8 on 2026-11-29.', at: '2026-11-16T10:00:00Z' },
      { path: 'docs/pm/sale.md', text: 'Review: WORKER_THREADS=32 stays; update deploy/prod/api.yaml.', at: '2026-12-01T10:00:00Z' },
    ]);
    expect(r && 'fate' in r ? r.fate : r).toBe('keep');
  });
});

describe('the verdict a documented fate gives a hand edit', () => {
  const byHand: Provenance = { manager: 'kubectl-set', operation: 'Update', time: EDITED, exact: true, human: true, kind: 'human' };
  const verdict = (name: string, file: string, live: string, texts: Array<{ path: string; text: string; at: string }>, today = TODAY) => {
    const key = KEY(name);
    const log = logWith({ [key]: file }, texts);
    const event: HistoryEvent = log.envs.get('prod')!.get(key)![0]!;
    const d = {
      id: key,
      key,
      kind: 'live-drift',
      severity: 'drift',
      envs: ['prod'],
      values: { prod: { repo: file, live, at: { file: event.file, line: 1, column: 1 }, type: null } },
      declared: false,
      contract: null,
      notes: [],
      provenance: { prod: byHand },
    } as unknown as Divergence;
    return explain(d, { prod: [event] }, { promotion: ENVS, environments: ENVS, today, log });
  };
  const record = (text: string) => [{ path: 'docs/changes/SC-12.md', text, at: '2026-11-16T15:00:00Z' }];

  it('kept by a post-mortem: codify what runs', () => {
    const v = verdict('WORKER_THREADS', '8', '32', [
      {
        path: 'docs/pm/inc-88.md',
        text: '## Decisions\n\n- WORKER_THREADS 32 is the right size now.\n\n## Action items\n\n- [ ] Update deploy/prod/api.yaml to WORKER_THREADS: 32 (owner: Jan)',
        at: '2026-11-24T10:00:00Z',
      },
    ]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'prod', value: '32' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('its put-back day passed: revert live', () => {
    const v = verdict('WORKER_THREADS', '8', '32', record('- What: WORKER_THREADS=32 by hand\n- Until: 30 Nov, then back to WORKER_THREADS=8'));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'prod', value: '8' });
  });

  it('its put-back day still ahead: declared until then', () => {
    const v = verdict('WORKER_THREADS', '8', '32', record('- What: WORKER_THREADS=32 by hand\n- Until: 12 Dec, then back to WORKER_THREADS=8'));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', expires: '2026-12-12' });
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('a weakened value kept is never a confident backfill', () => {
    const v = verdict('TLS_VERIFY_SKIP', 'false', 'true', [
      { path: 'docs/pm/inc-90.md', text: 'Decision: TLS_VERIFY_SKIP=true stays; codify it in deploy/prod/api.yaml.', at: '2026-11-24T10:00:00Z' },
    ]);
    expect(v.suggested === 'backfill' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});
