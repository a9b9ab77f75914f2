// A pause made by hand in an incident whose record says to end it once an event is over (resume-due.ts):
// the record or a later text reporting the event over — or, for a version, the environment running it —
// makes the undo due, in the languages the readers read. Not where the event is not reported over, the
// undo is negated, asked or about another environment, or the record names another object.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { resumeDue, type PausedChange } from '../../src/verdict/resume-due.js';
import type { Message } from '../../src/verdict/log.js';

const ENVS = ['staging', 'prod'];
const TODAY = '2026-12-20';
const EDITED = '2026-11-18T02:10:00Z';
const base = messagesBy('Jan Novák', 'jan@x', 'a');
const docs = messagesBy('Farah Siddiqui', 'farah@x', 'b');
const CREATED = base('2026-05-12T10:00:00Z', 'batch manifests');
const IMAGE = 'CronJob/nightly-sync.containers[name=job].image';
const KEY = 'CronJob/nightly-sync.suspend';

/** A log whose documents are `texts`, and whose prod image moved to `image` on `imageAt` (if given). */
function logWith(texts: Array<{ path: string; text: string; at: string }>, image?: { to: string; at: string }) {
  const written = texts.map((t) => ({ ...t, by: docs(t.at, `docs: ${t.path}`) }));
  const bump = image ? base(image.at, `nightly-sync ${image.to}`) : undefined;
  const events = [
    ...(bump ? [eventOf(bump, 'deploy/prod/sync.yaml', 'registry/sync:2.2.0', `registry/sync:${image!.to}`, { merge: false, revert: false })] : []),
    eventOf(CREATED, 'deploy/prod/sync.yaml', null, 'registry/sync:2.2.0', { merge: false, revert: false }),
  ];
  const messages: Message[] = [...written.map((w) => w.by), ...(bump ? [bump] : []), CREATED].sort((a, b) => b.date.localeCompare(a.date));
  return buildLog(
    new Map([['prod', new Map([[IMAGE, events]])]]),
    messages,
    written.map((w) => ({ path: w.path, text: w.text, sha: w.by.sha })),
  );
}
const change: PausedChange = { key: KEY, env: 'prod', environments: ENVS, editedAt: EDITED, holder: 'nightly-sync' };
const due = (texts: Array<{ path: string; text: string; at: string }>, image?: { to: string; at: string }) => resumeDue(change, logWith(texts, image), TODAY);
const doc = (text: string, at = '2026-11-20T10:00:00Z') => ({ path: 'docs/incidents/inc-12.md', text, at });

describe('a pause to end once an event is over is due when the event is reported over', () => {
  it.each([
    ['en, the record’s own timeline', '- 02:10 suspended nightly-sync\n- 04:30 failover completed\n- TODO: resume nightly-sync after the failover'],
    ['de', '- 02:10 nightly-sync angehalten\n- 04:30 Failover abgeschlossen\n- TODO: nightly-sync nach dem Failover wieder aktivieren'],
    ['fr', '- 02:10 nightly-sync suspendu\n- 04:30 bascule terminée\n- À faire : réactiver nightly-sync après la bascule'],
    ['es', '- 02:10 nightly-sync suspendido\n- 04:30 migración completada\n- Pendiente: reanudar nightly-sync después de la migración'],
    ['nl', '- 02:10 nightly-sync gepauzeerd\n- 04:30 migratie afgerond\n- Actie: nightly-sync hervatten na de migratie'],
    ['pl', '- 02:10 wstrzymano nightly-sync\n- 04:30 migracja zakończona\n- Do zrobienia: wznowić nightly-sync po migracji'],
  ])('%s', (_, text) => {
    expect(due([doc(text)])?.evidence).toMatch(/reports it/);
  });

  it('the event reported over in a later commit message or document', () => {
    const plan = doc('Action: re-enable nightly-sync once the reindex is over.');
    const report = { path: 'docs/ops-log.md', text: '- 2026-11-25 reindex done, search healthy', at: '2026-11-25T09:00:00Z' };
    expect(due([plan, report])).toBeDefined();
  });

  it.each([
    ['ja 後に', '- 2.3.1 のデプロイ後に nightly-sync を再開する (suspend を戻す)'],
    ['ja したら', '- 2.3.1 をデプロイしたら nightly-sync を再開'],
    ['ja 次第', '- 2.3.1 リリース次第 nightly-sync を有効化する'],
    ['en', '- resume nightly-sync once 2.3.1 is deployed to prod'],
    ['it', '- riattivare nightly-sync dopo il rilascio della 2.3.1'],
  ])('a version it waits for, running there: %s', (_, text) => {
    expect(due([doc(text)], { to: '2.3.1', at: '2026-12-01T10:00:00Z' })?.evidence).toMatch(/2\.3\.1/);
  });
});

describe('nothing is due', () => {
  it.each([
    ['the event not reported over', '- TODO: resume nightly-sync after the failover'],
    ['the undo negated', '- 04:30 failover completed\n- do not resume nightly-sync after the failover'],
    ['the undo asked', '- 04:30 failover completed\n- resume nightly-sync after the failover?'],
    ['another environment', '- 04:30 failover completed\n- resume nightly-sync in staging after the failover'],
    ['another object', '- 04:30 failover completed\n- TODO: resume report-export after the failover'],
    ['no event to wait for', '- 04:30 failover completed\n- nightly-sync stays suspended; resume it when Ana decides'],
    ['a report that it was resumed', '- 04:30 failover completed\n- nightly-sync resumed after the failover'],
  ])('%s', (_, text) => {
    expect(due([doc(text)])).toBeUndefined();
  });

  it('a version not yet running there', () => {
    expect(due([doc('- 2.3.1 のデプロイ後に nightly-sync を再開する')], { to: '2.3.0', at: '2026-12-01T10:00:00Z' })).toBeUndefined();
    expect(due([doc('- resume nightly-sync once 2.3.1 is deployed to prod')])).toBeUndefined();
  });

  it('a record written long before the edit', () => {
    expect(due([doc('- 04:30 failover completed\n- resume nightly-sync after the failover', '2026-10-01T10:00:00Z')])).toBeUndefined();
  });
});
