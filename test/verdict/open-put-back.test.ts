// A checklist written after a hand edit that leaves its put-back unticked (a campaign retro's follow-up, an event
// log's last step) records the step as decided and not taken: the live value goes back to the file's. Read from
// the box, the object's name, the live value going to the file's and a day gone by, so languages no word table
// holds read too; a replica count's step needs a scaling word. Phrasings of our own in English, German, French,
// Spanish, Danish, Polish and Finnish-style (not the stories' words), and the near misses that must not read as one.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { openPutBack } from '../../src/verdict/open-put-back.js';
import type { Message } from '../../src/verdict/log.js';
import { handEditedLive, messagesBy, why } from './log-builders.js';

const ida = messagesBy('Ida Berg', 'i@x', 'c');
const KEY = 'Deployment/checkout.replicas';
const EDITED = '2027-03-10T08:00:00Z';
const TODAY = '2027-03-25';

function logWith(text: string, written = '2027-03-20T10:00:00Z', path = 'docs/followup.md') {
  const note: Message = { ...ida(written, 'follow-up'), files: [path] };
  return buildLog(new Map(), [note], [{ path, text, sha: note.sha }]);
}
const read = (text: string, written?: string, today = TODAY, key = KEY, live = '12', file = '4') =>
  openPutBack(key, live, file, EDITED, logWith(text, written), today);

describe('a put-back left unticked on a list written after the hand edit', () => {
  it.each([
    ['English, arrow', '## Follow-ups\n- [x] freeze lifted\n- [ ] checkout 12 -> 4 (Ana)\n'],
    ['English, scale back', '- [ ] scale checkout back to 4, we forgot\n'],
    ['German', '- [ ] checkout wieder auf 4 herunterskalieren (vergessen)\n'],
    ['French', '- [ ] réduire checkout à 4 replicas\n'],
    ['Spanish, with a day gone by', '- [ ] escalar checkout a 4 (15/03)\n'],
    ['Danish', '- [ ] nedskalér checkout til 4 — glemt\n'],
    ['Polish', '- [ ] skalowanie checkout do 4\n'],
    ['numbered list, unicode arrow', '1. [ ] checkout: 12 → 4\n'],
  ])('%s: read as the step not taken', (_what, text) => {
    expect(read(text)).toBeDefined();
  });

  it('an item not naming the object, in a log that records its raise to the live value', () => {
    const text = '# Spring sale log\n- [x] 09/03 checkout scaled to 12 (Ida)\n- [x] 17/03 banner off\n- [ ] scale to 4 after the sale (18/03)\n';
    expect(read(text)).toMatchObject({ due: '2027-03-18' });
  });

  it.each([
    ['ticked', '- [x] checkout 12 -> 4\n'],
    ['the raise, not the put-back', '- [ ] scale checkout from 4 to 12\n'],
    ['arrow the other way', '- [ ] checkout 4 → 12\n'],
    ['asked', '- [ ] scale checkout back to 4?\n'],
    ['called off', '- [ ] scale checkout back to 4 (cancelled, keep 12 for the new baseline)\n'],
    ['negated', '- [ ] do not scale checkout to 4\n'],
    ['a day still ahead', '- [ ] scale checkout to 4 (28/03)\n'],
    ['waits for something with no day', '- [ ] scale checkout to 4 once the capacity review is done\n'],
    ['waits, German', '- [ ] checkout auf 4 skalieren, sobald das Review durch ist\n'],
    ['not a checklist', 'We scaled checkout 12 -> 4 in the test cluster last year.\n'],
    ['another object, no raise of this one recorded', '# notes about checkout\n- [ ] scale search to 4\n'],
    ['no scaling word for a count', '- [ ] checkout to 4 in the dashboard\n'],
  ])('%s: not read as one', (_what, text) => {
    expect(read(text)).toBeUndefined();
  });

  it('a runbook list written before the edit is a template, not a record of it', () => {
    expect(read('- [ ] scale checkout back to 4 on Monday\n', '2027-03-01T10:00:00Z')).toBeUndefined();
  });

  it('a list written after today is not read', () => {
    expect(read('- [ ] checkout 12 -> 4\n', '2027-03-20T10:00:00Z', '2027-03-15')).toBeUndefined();
  });

  it('a key other than a replica count needs the arrow from the live value to the file’s', () => {
    const key = 'ConfigMap/checkout-config.data.POOL_SIZE';
    expect(read('- [ ] checkout-config POOL_SIZE 40 → 20\n', undefined, TODAY, key, '40', '20')).toBeDefined();
    expect(read('- [ ] scale checkout-config to 20\n', undefined, TODAY, key, '40', '20')).toBeUndefined();
  });
});

describe('the verdict on capacity raised by hand with its put-back unticked', () => {
  const drift = (): Divergence => handEditedLive(KEY, 'prod', '4', '12', 'kubectl-scale', EDITED);
  const contract = {
    entries: [
      {
        pattern: KEY,
        allowed: new Map([
          ['staging', { kind: 'exact', text: '2' }],
          ['prod', { kind: 'exact', text: '4' }],
        ]),
        location: 'config/expected-env-diff.yaml:2',
        at: { file: 'config/expected-env-diff.yaml', line: 2 },
      },
    ],
  } as never;
  const run = (text: string) =>
    explain(drift(), {}, { promotion: ['staging', 'prod'], environments: ['staging', 'prod'], today: TODAY, contract, log: logWith(text) });

  it('goes back live, citing the item', () => {
    const v = run('# Retro\n## Actions\n- [x] freeze lifted\n- [ ] scale-down checkout 12 → 4 (Ana), still open\n');
    expect(v, why(v)).toMatchObject({ suggested: 'revert', value: '4', drifted: 'prod' });
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
    expect(why(v)).toMatch(/step not done/);
  });

  it('with the put-back ticked, stays a question', () => {
    const v = run('# Retro\n## Actions\n- [x] scale-down checkout 12 → 4 (Ana)\n');
    expect(v.suggested, why(v)).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});
