// Session 29 (holdout-26/05's and /03's causes): a follow-up written after a change that puts the
// changed environment's value back by a verb of putting back ("restore the 2Gi limit in prod", a
// post-mortem's action item) undoes the change, as "set it back to" does: the reason the value moved
// is gone, and leaving the difference would keep what the record says is wrong. The verb names no
// value by itself, so the value the others hold must be named in its sentence. And a schedule is named
// by the time it runs: "back to 02:00" names `cron(0 2 * * ? *)` (cron-times.ts). Phrasings of their
// own (en, de, fr, es, it, nl, pl, sv, pt), none from a verdict story; negatives: the noun ("the
// restore test"), negated, asked, for later, no value named, another environment's value.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { cronTime, namesCronTime } from '../../src/verdict/cron-times.js';

const TODAY = '2026-12-03';
const KEY = 'worker.resources.limits.memory';
const steps: Step[] = [
  { subject: 'worker limits', date: '2026-03-01T10:00:00Z', set: { staging: ['', '2Gi'], production: ['', '2Gi'] } },
  { subject: 'OPS-412: production worker memory limit down to 1Gi (cost review)', date: '2026-10-02T10:00:00Z', set: { production: ['2Gi', '1Gi'] } },
  { subject: 'OPS-412 review notes', date: '2026-10-20T10:00:00Z' },
];
const verdictWith = (line: string) =>
  judge(
    KEY,
    steps,
    TODAY,
    {},
    { documents: [{ path: 'docs/reviews/ops-412.md', text: `# OPS-412 follow-up\n\nThe nightly batch was OOM-killed twice.\n\n${line}\n`, step: 2 }] },
  );

describe("a verb of putting back, with the others' value, undoes the change", () => {
  it.each([
    '- restore the 2Gi memory limit for the worker in production (owner: Ana)',
    '- Action item: reinstate 2Gi as the production memory limit.',
    '- Speicherlimit in Produktion auf 2Gi wiederherstellen (Jonas)',
    '- rétablir la limite mémoire à 2Gi en production',
    '- restablecer el límite de memoria a 2Gi en producción',
    '- ripristinare il limite di memoria a 2Gi in produzione',
    '- in productie de geheugenlimiet van 2Gi herstellen',
    '- przywrócić limit pamięci 2Gi na produkcji',
    '- återställ minnesgränsen till 2Gi i produktion',
  ])('"%s": production goes back to 2Gi', (line) => {
    const v = verdictWith(line);
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'production', '2Gi']);
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    // The noun: a restore test that brought back data.
    '- the restore test in production brought back 2Gi of data in four minutes',
    // Negated.
    '- do not restore the 2Gi limit in production: the batch was rewritten',
    '- das 2Gi-Limit in Produktion nicht wiederherstellen',
    // Asked.
    '- should we restore the 2Gi limit in production?',
    // For later.
    '- restore the 2Gi limit in production once the batch is split',
    '- sobald der Batch geteilt ist, in Produktion auf 2Gi wiederherstellen',
    // No value named.
    '- restore the memory limit in production',
    // Another environment.
    '- restore the 2Gi limit in staging',
  ])('"%s": no undo read', (line) => {
    const v = verdictWith(line);
    expect(v.suggested === 'revert' && v.drifted === 'production' && v.confidence >= 0.6).toBe(false);
  });
});

describe('a schedule is named by the time it runs', () => {
  it.each([
    ['set the backup back to 02:00', 'cron(0 2 * * ? *)'],
    ['Backup wieder um 2 Uhr', '0 2 * * *'],
    ['sett den tilbake til kl. 02.00', '0 2 * * *'],
    ['remettre la sauvegarde à 2h00', '0 2 * * *'],
    ['back to 2 am like before', '0 2 * * *'],
    ['run it at 2:30 pm again', '30 14 * * *'],
    ['ajo takaisin klo 2.00', '0 0 2 * * ?'],
  ])('"%s" names %s', (text, cron) => {
    expect(namesCronTime(text, cron)).toBe(true);
  });

  it.each([
    // A date, not a time.
    ['restore drill on 04.03', '3 4 * * *'],
    // Another time.
    ['back to 02:00', '0 14 * * *'],
    ['back to 2 pm', '0 2 * * *'],
    ['back to 20:00', '0 0 * * *'],
    // A dot without a clock word is a number.
    ['version 2.00 of the agent', '0 2 * * *'],
    // A schedule with no one time.
    ['every 15 minutes, 00:15 included', '*/15 * * * *'],
    ['back to 00:00', '0 */6 * * *'],
  ])('"%s" does not name %s', (text, cron) => {
    expect(namesCronTime(text, cron)).toBe(false);
  });

  it('reads the three cron dialects', () => {
    expect(cronTime('cron(15 3 * * ? *)')).toEqual({ hour: 3, minute: 15 });
    expect(cronTime('15 3 * * 1-5')).toEqual({ hour: 3, minute: 15 });
    expect(cronTime('0 15 3 ? * MON')).toEqual({ hour: 3, minute: 15 });
    expect(cronTime('3.15')).toBeUndefined();
  });
});
