// holdout-23's spent fixes (session 26, lane spent23c), each read as a principle in phrasings of its own.
// (3) What git writes into a cherry-pick's message — "(cherry picked from commit …)" and the files a
//     conflict was resolved in under "Conflicts:" — is no word of the author's: a file named there is
//     not an environment the text speaks of. A change meant for every environment ("remove it in all
//     envs") whose cherry-pick lists the lagging environment's file as a conflict lost its part there:
//     the lagging environment is backfilled, and the verdict says where the part was lost.
//     And "expires" said of a thing of the world ("the domain expires in Jan", "the partner's
//     certificate expires soon") is why the change is made, not an end of the change.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import { conflictsIn, withoutGitNotes } from '../../src/verdict/log.js';
import { readIntent } from '../../src/verdict/intent.js';

const erik = messagesBy('Erik Johansson', 'e@x', 'e');
const nadia = messagesBy('Nadia Haddad', 'n@x', 'n');
const plain = { merge: false, revert: false };
const ENVS = ['staging', 'production'];

describe("git's own notes in a message", () => {
  it.each([
    [
      'cherry-pick -x with a conflict',
      'fix it\n\n(cherry picked from commit 4e1b9c07a2d35f6e8b0c1d2e3f4a5b6c7d8e9f01)\n\nConflicts:\n\tconfig/prod.yaml\n',
      ['config/prod.yaml'],
    ],
    [
      "the editor's commented list",
      'Merge branch release/1.2\n\n# Conflicts:\n#\tvalues/production.yaml\n#\tvalues/staging.yaml',
      ['values/production.yaml', 'values/staging.yaml'],
    ],
    ['spaces, text after', 'fix\n\nConflicts:\n    a/b.yaml\n\nReviewed-by: Ann', ['a/b.yaml']],
  ])('are read apart from the text: %s', (_what, body, files) => {
    expect(conflictsIn(body)).toEqual(files);
    const left = withoutGitNotes(body);
    expect(left).not.toMatch(/Conflicts:|cherry picked from/);
    for (const file of files) expect(left).not.toContain(file);
  });

  it.each([
    ['prose about conflicts', 'Conflicts: none expected with the prod change'],
    ['a list not indented', 'Conflicts:\nconfig/prod.yaml was hard'],
    ['a cherry-pick named in prose', 'this was cherry picked from the release branch'],
  ])('prose is kept: %s', (_what, body) => {
    expect(conflictsIn(body)).toEqual([]);
    expect(withoutGitNotes(body)).toBe(body);
  });
});

describe('"expires" of a thing of the world is no end of the change', () => {
  const intent = (subject: string, body = '') => readIntent({ subject, body, author: 'Ann', email: 'a@x', date: '2026-11-12T14:00:00Z' }, 'staging', ENVS);
  it.each([
    ['a domain', 'drop legacy partner origin', 'it is plain http and the domain expires in Jan; remove it in all envs.'],
    ["a partner's certificate", 'pin the new CA bundle', "the partner's certificate expires soon, so pin the new bundle"],
    ['a licence', 'switch to the open-source driver', 'our licence expires at year end'],
  ])('not temporary: %s', (_what, subject, body) => {
    expect(intent(subject, body).temporary).toBeUndefined();
  });
  it.each([
    ['an override that expires', 'raise staging rate limit', 'this override expires end of January'],
    ['expires with a date', 'staging rate limit 500', 'expires 2027-01-31'],
  ])('still temporary: %s', (_what, subject, body) => {
    expect(intent(subject, body).temporary).toBeDefined();
  });
});

/** staging's `key` moved `from` → `to` by a cherry-pick onto main with `message`; production still `from`. */
function picked(key: string, from: string, to: string, message: string) {
  const created = erik('2026-09-01T08:00:00Z', 'storefront config');
  const [subject, ...body] = message.split('\n');
  const pick = nadia('2026-11-13T09:30:00Z', subject!, body.join('\n').trim());
  const base = (env: string) => ({ ...eventOf(created, `config/${env}.yaml`, null, from, plain), order: 2 });
  return explainCrossEnv({
    key,
    history: { staging: [{ ...eventOf(pick, 'config/staging.yaml', from, to, plain), order: 1 }, base('staging')], production: [base('production')] },
    messages: [pick, created],
    values: { staging: to, production: from },
    type: 'string',
    today: '2026-12-07',
  });
}
const PICKED = '\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n\nConflicts:\n\tconfig/production.yaml';

describe("a cherry-pick that lost the lagging environment's part in a conflict", () => {
  it.each([
    ['remove in all envs', 'SEC-77 drop legacy origin from CORS\n\nthe domain expires in Jan; remove it in all envs.'],
    ['German', 'SEC-77 Legacy-Origin aus CORS entfernen\n\nin allen Umgebungen entfernen, die Domain läuft im Januar aus.'],
  ])('a change for every environment is backfilled where the conflict dropped it: %s', (_what, message) => {
    const v = picked('cors.allowedOrigins', 'https://a.example,http://legacy.example', 'https://a.example', message + PICKED);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'https://a.example' });
    expect(v.reasons.join('\n')).toMatch(/config\/production\.yaml under "Conflicts:"/);
  });

  it('a conflict listed in a change for its own environment does not send it on', () => {
    const v = picked('db.pool.size', '20', '40', 'bump pool to 40 for the load test' + PICKED);
    expect(v.suggested === 'backfill' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
    expect(v.reasons.join('\n')).not.toMatch(/speaks of production/);
  });
});
