// Session 22 (spent holdout-19): production raised a value, the environment before it looks behind;
// a later text says that environment's FILE lags what runs there ("stage.tfvars still says 6.2,
// upgraded in the console"): the file catches up — a backfill of the non-production environment.
// A text saying the environment still RUNS the old value, or a stale production file, moves
// nothing by this reading. Situations and phrasings of their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-03';

const created = (value: string): Step => ({
  subject: 'cache cluster per env',
  date: '2026-03-02T09:00:00Z',
  set: { staging: ['', value], production: ['', value] },
});

/** production's REDIS_ENGINE_VERSION 6.2 → 7.0 with a terse message, then a later note (a document or a commit). */
const story = (note: { subject: string; doc?: string }, env: 'staging' | 'production' = 'production') =>
  judge(
    'REDIS_ENGINE_VERSION',
    [
      created('6.2'),
      { subject: 'redis 7', date: '2026-10-10T21:00:00Z', set: { [env]: ['6.2', '7.0'] } },
      { subject: note.subject, date: '2026-10-20T10:00:00Z', touched: ['docs/ops/redis7.md'] },
    ],
    TODAY,
    {},
    note.doc ? { documents: [{ path: 'docs/ops/redis7.md', step: 2, text: note.doc }] } : {},
  );

describe("a later text says the lagging environment's file is stale: it catches up", () => {
  it('an English upgrade log: "the staging file still says 6.2" after a console upgrade to 7.0', () => {
    const v = story({
      subject: 'redis 7 upgrade log',
      doc: '# Redis 7\n\nStaging was upgraded to 7.0 in the console on 1 Oct and soaked for a week.\nThe staging file still says 6.2 because of that; to fix.\n',
    });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '7.0' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it('a German commit: "Staging-Datei steht noch auf 6.2, läuft aber seit Oktober mit 7.0"', () => {
    const v = story({ subject: 'Notiz Redis: die Staging-Datei steht noch auf 6.2, der Cluster läuft aber seit Oktober mit 7.0 (Konsole)' });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '7.0' });
  });

  it('a Spanish note: "el fichero de staging todavía dice 6.2; corre 7.0 desde la consola"', () => {
    const v = story({
      subject: 'notas redis',
      doc: '# Redis 7\n\nEl fichero de staging todavía dice 6.2; el clúster corre 7.0 desde la actualización por consola.\n',
    });
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '7.0' });
  });
});

describe('no stale file read where there is none', () => {
  it('"staging still runs 6.2" says what runs, not that a file lags: nothing moved on it', () => {
    const v = story({
      subject: 'redis notes',
      doc: '# Redis 7\n\nProduction is on 7.0 since the window; staging still runs 6.2 until the soak box is free.\n',
    });
    expect(v.reasons.join('\n')).not.toMatch(/lags what runs there/);
    expect(v.suggested).not.toBe('backfill');
  });

  it('production\'s file said to be stale ("the production file still says 6.2"): this reading moves no production value', () => {
    const v = story(
      { subject: 'redis notes', doc: '# Redis 7\n\nStaging runs 7.0. The production file still says 6.2, prod was upgraded by hand too.\n' },
      'staging',
    );
    expect(v.reasons.join('\n')).not.toMatch(/lags what runs there/);
  });
});
