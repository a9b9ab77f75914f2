// A backup job the repository defines and the cluster lacks (lost in a move to a new cluster, never created by a
// deploy) leaves the data it protects without backups: declaring its absence would record that as normal, so it is
// re-created as a protection is — a question at 0.45, since a job retired on purpose looks alike. Its name says what
// it is, whatever language the team writes its documents in; a text retiring it is read first.
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { isBackupJob } from '../../src/verdict/objects.js';
import type { Message } from '../../src/verdict/log.js';
import { missingLive, why } from './log-builders.js';

const ENVS = ['staging', 'production'];
const run = (key: string, docs: Array<{ text: string; date: string }> = []) => {
  const notes: Message[] = docs.map((d, i) => ({
    sha: String(i + 1).repeat(40),
    parents: [],
    subject: 'notes',
    body: '',
    author: 'Noor',
    email: 'n@x',
    date: d.date,
    committed: d.date,
    files: [`docs/${i}.md`],
  }));
  const log = buildLog(
    new Map(),
    notes,
    docs.map((d, i) => ({ path: `docs/${i}.md`, text: d.text, sha: notes[i]!.sha })),
  );
  return explain(missingLive(key), {}, { promotion: ENVS, environments: ENVS, today: '2027-03-01', log });
};

describe('a backup job missing live', () => {
  it.each(['CronJob/pg-backup-encrypted', 'CronJob/nightly-snapshot', 'CronJob/mysql_dump', 'Job/backups-initial', 'CronJob/etcd-backup'])(
    '%s: re-created, as a question',
    (key) => {
      const v = run(key);
      expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production' });
      expect(v.confidence).toBeLessThanOrEqual(0.5);
      expect(v.question ?? '').toMatch(/retired on purpose/);
    },
  );

  it.each(['CronJob/report-export', 'CronJob/backuprestore-test', 'Deployment/backup-ui', 'ConfigMap/backup-config', 'CronJob/dumpster-cleanup'])(
    '%s: not a backup job, declared while someone checks',
    (key) => {
      expect(isBackupJob(key)).toBe(false);
      expect(run(key).suggested).toBe('declare');
    },
  );

  it('one a text retires is not re-created', () => {
    const v = run('CronJob/pg-backup-legacy', [
      { text: '# Backups\n\nCronJob pg-backup-legacy is retired: decommissioned, the managed database takes snapshots now.', date: '2027-02-10T10:00:00Z' },
    ]);
    expect(v.suggested, why(v)).not.toBe('revert');
  });
});
