// A share of the work below the whole is progress, not completion: "(about 40% done)", "70 % erledigt",
// "à moitié fait", "half done" were read as the work finished, and a put-back waiting for its end was
// given at 0.7 while the backfill ran. "100% done" is done (share-done.ts).
import { describe, expect, it } from 'vitest';
import { reportsDone } from '../../src/verdict/intent.js';
import { statusOf } from '../../src/verdict/answered.js';
import { explainOneChange, messagesBy, why } from './log-builders.js';

const by = messagesBy('Ana', 'a@x', 'a');
const judge = (later: string) =>
  explainOneChange({
    key: 'DB_POOL_SIZE',
    envs: ['production', 'staging'],
    file: (e) => `deploy/${e}/values.yaml`,
    created: by('2026-09-01T10:00:00Z', 'initial config'),
    changed: by('2026-11-01T10:00:00Z', 'DATA-41: raise DB_POOL_SIZE in production temporarily until the backfill is done'),
    from: '20',
    to: '60',
    later: [by('2026-11-10T10:00:00Z', later)],
    today: '2026-11-12',
  });

describe('a part of the work done is no end of the condition', () => {
  it.each([
    'DATA-41 backfill: about 40% done, ETA next week',
    'DATA-41 Backfill zu 70 % erledigt',
    'DATA-41 backfill à moitié fait',
    'DATA-41 backfill half done',
    'DATA-41 backfill 3/4 done',
    'DATA-41 backfill completado al 60 %',
  ])('%s: no put-back', (later) => {
    const v = judge(later);
    expect(v.suggested, why(v)).not.toBe('revert');
    expect(v.confidence).toBeLessThan(0.6);
  });

  it.each(['DATA-41 backfill 100% done', 'DATA-41 backfill done (100%)', 'DATA-41 backfill done'])('%s: the whole is done, put back', (later) => {
    const v = judge(later);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
});

describe('reportsDone reads the share', () => {
  it.each([
    'Migration (about 40% done)',
    'Migration 70 % erledigt',
    'Migration zu 70 % abgeschlossen',
    'migración completada al 60 %',
    'migratie voor de helft klaar',
    'Backfill ~40% complete, ETA Friday',
    'migration is 3/4 done',
    'Migration fast fertig',
    'migration almost done',
  ])('%s: progress', (text) => expect(reportsDone(text)).toBeUndefined());

  it.each([
    'migration 100% done',
    'migration done (100%)',
    'migration done, 40% faster than planned',
    'CPU at 40%, migration done',
    'fast rollback done',
    'reindex finished on 2026/11/03',
  ])('%s: done', (text) => expect(reportsDone(text)).toBeDefined());

  it('a status cell at 40% is not closed', () => {
    expect(statusOf('Ticket: DATA-41; Status: 40% done', '2026-11-10')?.says).not.toBe('done');
    expect(statusOf('Ticket: DATA-41; Status: done', '2026-11-10')?.says).toBe('done');
  });
});
