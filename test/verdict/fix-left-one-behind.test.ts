// Session 36 (sp33a): a fix that reached some environments and says the one it left out "will follow" sends
// that one after it. People drop the subject after a comma ("prod-b had a merge conflict, will follow next
// week", "Prod-B hatte einen Konflikt, wird nachgezogen", "prod-b avait un conflit, suivra …"): the
// environment the clause before spoke of follows, as it would after "it". A moment that dates something else
// ("the replica bump from this morning") is no time limit of the change; a record's "in **all**
// environments" (Markdown stress) is "in all environments"; and a plan to roll back *to* the fixed value,
// written as people write amounts ("2 attempts x 2 s" for 2s), sets that value everywhere rather than
// withdrawing it. Phrasings of their own (none from a verdict story); negatives beside each.
import { describe, expect, it } from 'vitest';
import { everywhereSaid, readIntent, withdrawalIn } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';
import { why } from './log-builders.js';

const ENVS = ['staging', 'prod-a', 'prod-b'];
const read = (subject: string, body = '') => readIntent({ subject, body, author: '', email: '', date: '2027-09-03T10:00:00Z' }, 'prod-a', ENVS);

describe('an environment left out "will follow", its subject dropped', () => {
  it.each([
    ['English', 'prod-b had a merge conflict, will follow next week'],
    ['German', 'Prod-B hatte einen Merge-Konflikt, wird nachgezogen'],
    ['French', 'prod-b avait un conflit, suivra la semaine prochaine'],
    ['Spanish', 'prod-b tuvo un conflicto, seguirá la semana próxima'],
    ['Dutch', 'prod-b had een conflict, volgt volgende week'],
  ])('%s: prod-b follows', (_lang, body) => {
    const hold = read('Lower the pool to 20 (OPS-77)', body).hold;
    expect(hold?.envs).toEqual(['prod-b']);
    expect(hold?.follows).toBe(true);
  });

  it.each([
    ['a verb that is no follow', 'prod-b had a merge conflict, will be looked at by Sam'],
    ['a keep', 'prod-b keeps 50, will revisit in Q3'],
    ['the clause before names no environment', 'there was a merge conflict, will follow next week'],
  ])('%s: no follow read for prod-b', (_what, body) => {
    const hold = read('Lower the pool to 20 (OPS-77)', body).hold;
    expect(!!hold?.follows && hold.envs.includes('prod-b')).toBe(false);
  });
});

describe('a moment that dates another event is no time limit', () => {
  it.each(['conflicted with the deploy from this morning', 'smaller since this week, after the review'])('"%s": not temporary', (text) => {
    expect(read(text).temporary).toBeUndefined();
  });
  it.each(['for this morning only', 'this week only'])('"%s": still temporary', (text) => {
    expect(read(text).temporary).toBeDefined();
  });
});

describe('Markdown stress on the quantifier, and the value as people write it', () => {
  it.each(['Roll back to 2 attempts in **all** environments', 'set it in *every* environment'])('"%s" is everywhere', (text) => {
    expect(everywhereSaid(text)).toBeDefined();
  });
  it('"**all** services" is not', () => {
    expect(everywhereSaid('restart **all** services after the change')).toBeUndefined();
  });
  it.each([
    ['Roll the retries back to 3 attempts x 1.5 s in **all** environments', '1500ms'],
    ['Roll the pool back to 1 GiB in all environments', '1024Mi'],
  ])('"%s" sets %s everywhere: no withdrawal', (text, value) => {
    expect(withdrawalIn(text, value)).toBeUndefined();
  });
  it('a rollback to another value withdraws the plan still', () => {
    expect(withdrawalIn('Roll the timeout back to 5 s in all environments', '2s')).toBeDefined();
  });
});

describe('the fix that left one production region behind', () => {
  const steps = (body: string): Step[] => [
    { subject: 'worker values', date: '2027-05-01T10:00:00Z', set: { staging: ['', '1500ms'], 'prod-a': ['', '1500ms'], 'prod-b': ['', '1500ms'] } },
    {
      subject: 'longer upstream timeout',
      date: '2027-08-01T10:00:00Z',
      set: { staging: ['1500ms', '9s'], 'prod-a': ['1500ms', '9s'], 'prod-b': ['1500ms', '9s'] },
    },
    { subject: 'Back to 1.5 s upstream timeout (INC-77)', body, date: '2027-09-03T10:00:00Z', set: { staging: ['9s', '1500ms'], 'prod-a': ['9s', '1500ms'] } },
    { subject: 'INC-77 review', date: '2027-09-06T10:00:00Z' },
  ];
  const review =
    '# INC-77 review\n\n| id | action | status |\n|---|---|---|\n| A1 | Roll the upstream timeout back to 1.5 s in **all** environments | in progress |\n';
  it.each([
    ['English', 'prod-b conflicted with the scaling change from this morning, will follow in a separate PR'],
    ['German', 'Prod-B hatte einen Merge-Konflikt mit dem Skalierungs-PR, wird nachgezogen'],
  ])('%s: prod-b takes the fixed value, never the others the old one', (_lang, body) => {
    const v = judge(
      'upstream.timeout',
      steps(body),
      '2027-09-14',
      {},
      { envs: ENVS, documents: [{ path: 'docs/incidents/INC-77.md', text: review, step: 3 }] },
    );
    expect(v.suggested === 'declare' || (v.suggested === 'revert' && v.value === '9s'), why(v)).toBe(false);
    expect([v.drifted, v.value], why(v)).toEqual(['prod-b', '1500ms']);
  });
});
