// A value lowered in production as a stopgap "until <ticket> is in production" ends when the release
// log records that ticket's work in production: a person settling the difference reads the release
// notes for the ticket the stopgap named. The wait names one ticket and the environment; the record is
// a list item or row of a release log naming both, on a day already gone when it was written. Through
// the verdict, on phrasings of our own, in several languages, with negatives.
import { describe, expect, it } from 'vitest';
import { documentCommit, explainCrossEnv, messagesBy, why } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import type { Document, Message } from '../../src/verdict/log.js';

const ana = messagesBy('Ana Ruiz', 'a@x', 'a');
const bo = messagesBy('Bo Lind', 'b@x', 'b');
const ENVS = ['dev', 'staging', 'prod'];

/** The verdict where one commit (2026-10-06) turned `key` from 400 to 120 in prod alone, dev and
 * staging still 400, read on 2026-12-05, with `later` records. */
function judge(subject: string, body: string, later: { messages?: Message[]; documents?: Document[] } = {}) {
  const created = bo('2026-04-14T07:00:00Z', 'config per environment');
  const change = ana('2026-10-06T21:15:00Z', subject, body);
  const file = (env: string) => `config/${env}.yaml`;
  const steps = (env: string): HistoryEvent[] => [
    ...(env === 'prod' ? [{ ...eventOf(change, file(env), '400', '120', { merge: false, revert: false }), order: 0 }] : []),
    { ...eventOf(created, file(env), null, '400', { merge: false, revert: false }), order: 1 },
  ];
  return explainCrossEnv({
    key: 'importer.parallel_uploads',
    history: Object.fromEntries(ENVS.map((e) => [e, steps(e)])),
    messages: [...(later.messages ?? []), change, created],
    values: { dev: '400', staging: '400', prod: '120' },
    type: 'number',
    today: '2026-12-05',
    ...(later.documents ? { documents: later.documents } : {}),
  });
}

const releaseLog = (text: string, date = '2026-11-30T10:00:00Z', path = 'docs/releases/2026-11.md') => {
  const wrote = documentCommit('d', date, 'release notes', [path]);
  return { messages: [wrote], documents: [{ path, sha: wrote.sha, text }] };
};

const HELD = [
  ['English, "until … is live in"', 'prod: parallel uploads 120', 'Uploads time out at 400. Stopgap until IMP-77 is live in prod.'],
  ['German, "bis … in Produktion ist"', 'prod: parallele Uploads 120', 'Uploads laufen in Timeouts. Vorübergehend, bis IMP-77 in Produktion ist.'],
  ['Spanish, "hasta que … esté en producción"', 'prod: subidas paralelas 120', 'Las subidas fallan. Provisional hasta que IMP-77 esté en producción.'],
] as const;

const ENGLISH_LOG = '# Release notes, November 2026\n\n- **18 Nov, prod:** IMP-77 upload queue with back-pressure.\n- **20 Nov, prod:** typo fixes.\n';

describe('a stopgap held until a ticket is in production', () => {
  it.each(HELD)('%s: the release log recording the ticket in production ends it', (_what, subject, body) => {
    const v = judge(subject, body, releaseLog(ENGLISH_LOG));
    expect([v.suggested, v.drifted, v.value], why(v)).toEqual(['revert', 'prod', '400']);
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.55);
    expect(why(v)).toMatch(/records IMP-77 in prod on 2026-11-18/);
  });

  it.each([
    ['German release notes, a day written out', '# Versionshinweise November\n\n- 18. November, Produktion: IMP-77 Upload-Warteschlange.\n'],
    ['Portuguese release notes, an ISO day', '# Notas de versão — novembro\n\n- 2026-11-18 produção: IMP-77 fila de upload.\n'],
    ['a changelog table', '# Changelog\n\n| day | env | change |\n| --- | --- | --- |\n| 2026-11-18 | production | IMP-77 |\n'],
  ])('%s ends it too', (_what, text) => {
    const v = judge(...(HELD[0].slice(1) as [string, string]), releaseLog(text));
    expect([v.suggested, v.drifted, v.value], why(v)).toEqual(['revert', 'prod', '400']);
  });

  it.each([
    ['only staging has it', '# Releases\n\n- **18 Nov, staging:** IMP-77 upload queue.\n'],
    ['another ticket reached production', '# Releases\n\n- **18 Nov, prod:** IMP-771 upload queue.\n- **19 Nov, prod:** XIMP-77.\n'],
    ['a day after the notes were written', '# Releases\n\n- **3 Dec, prod:** IMP-77 upload queue.\n'],
    ['it is planned', '# Releases\n\n- **18 Nov, prod:** IMP-77 upload queue planned.\n'],
    ['the document is no release log', '# Roadmap Q4\n\n- **18 Nov, prod:** IMP-77 upload queue.\n'],
  ])('not ended where %s', (_what, text) => {
    const v = judge(...(HELD[0].slice(1) as [string, string]), releaseLog(text));
    expect(v.suggested === 'revert' && v.drifted === 'prod', why(v)).toBe(false);
    expect(why(v)).not.toMatch(/records IMP-77/);
  });

  it('a line saying it was rolled back records nothing', () => {
    const v = judge(
      ...(HELD[0].slice(1) as [string, string]),
      releaseLog('# Releases\n\n- **18 Nov, prod:** IMP-77 upload queue, rolled back the same day.\n'),
    );
    expect(why(v)).not.toMatch(/records IMP-77/);
  });

  it('a wait that names no environment is a task, not a release: the log does not end it', () => {
    const v = judge('prod: parallel uploads 120', 'Uploads time out at 400. Stopgap until IMP-77 is done.', releaseLog(ENGLISH_LOG));
    expect(why(v)).not.toMatch(/records IMP-77/);
  });

  it('notes written before the change record nothing it waited for', () => {
    const v = judge(...(HELD[0].slice(1) as [string, string]), releaseLog(ENGLISH_LOG.replace(/18 Nov/, '2 Oct'), '2026-10-03T10:00:00Z'));
    expect(why(v)).not.toMatch(/records IMP-77/);
  });
});
