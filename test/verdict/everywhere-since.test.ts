// Session 37 (spent holdout-34, lane b): a change whose own text says nothing (an embargoed security fix,
// "SEC-31 (embargo)") leaves only the promotion order, which moves no value. A text written since about that
// change — citing its ticket or naming its key — that decides the value for every environment ("minimum TLS
// 1.2 in all environments", "in allen Umgebungen", "tüm ortamlarda") is the go for the environment left
// behind, as it is for a rollout whose declaration ran out: whatever held that step back is over for the
// writer. Read only from a text firmly linked to the change (its ticket, its key): a page that merely shares a
// few words with it decides nothing about this key. Phrasings of our own; the story's is a Turkish bulletin.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

const KEY = 'tls.minVersion';
const steps = (docSubject: string): Step[] => [
  { subject: 'gateway config', date: '2027-01-10T10:00:00Z', set: { staging: ['', 'TLSv1.0'], production: ['', 'TLSv1.0'] } },
  { subject: 'SEC-31 (embargo, no details)', date: '2027-03-01T22:00:00Z', set: { production: ['TLSv1.0', 'TLSv1.2'] } },
  { subject: docSubject, date: '2027-03-20T10:00:00Z', touched: ['docs/security/advisory.md'] },
];
const verdictWith = (text: string, today = '2027-04-10') =>
  judge(KEY, steps('security advisory published'), today, {}, { documents: [{ path: 'docs/security/advisory.md', text, step: 2 }] });

describe('a later text about the change that decides it for every environment', () => {
  it.each([
    ['English', '# SEC-31 advisory (embargo lifted)\n\n## Action\nMinimum TLS 1.2 is required in all environments.\n'],
    ['German', '# Sicherheitshinweis SEC-31\n\nDie Embargo-Frist ist vorbei. Mindestens TLS 1.2 gilt ab sofort in allen Umgebungen.\n'],
    ['Turkish', '# SEC-31 güvenlik notu\n\nAmbargo bitti. Bütün ortamlarda en az TLS 1.2 kullanılacak.\n'],
    ['naming the key, no ticket', '# TLS hardening\n\ntls.minVersion: TLSv1.2 across all environments, as agreed with the partners.\n'],
  ])('%s: backfills the environment left behind', (_lang, text) => {
    const v = verdictWith(text);
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: 'TLSv1.2' });
    expect(v.confidence, why(v)).toBeGreaterThanOrEqual(0.55);
  });
});

describe('near misses: no go for the environment left behind', () => {
  it.each([
    ['an exception for it', '# SEC-31 advisory\n\nMinimum TLS 1.2 in all environments except staging, whose partner simulators need TLS 1.0.\n'],
    ['a day still ahead', '# SEC-31 advisory\n\nMinimum TLS 1.2 in all environments from 2027-09-01.\n'],
    ['negated', '# SEC-31 advisory\n\nTLS 1.2 is not required in all environments.\n'],
    ['asked', '# SEC-31 advisory\n\nDo we need minimum TLS 1.2 in all environments?\n'],
    ['not about this change', '# Partner onboarding\n\nNew partners get the same sandbox in all environments.\n'],
  ])('%s', (_case, text) => {
    const v = verdictWith(text);
    expect(v.suggested === 'backfill' && v.drifted === 'staging', why(v)).toBe(false);
  });

  it('with nothing written since, the promotion order alone decides nothing', () => {
    const v = judge(KEY, steps('unrelated').slice(0, 2), '2027-04-10');
    expect(v, why(v)).toMatchObject({ suggested: 'declare' });
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
  });
});
