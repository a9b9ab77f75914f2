// Session 30 (spent holdout-27/07's cause): a JVM's options string raised by hand live
// (`-XX:MaxRAMPercentage=75.0 …` → `=85.0 …`) and a post-mortem whose action item puts
// "MaxRAMPercentage=85.0" into production's file. Prose names a value made of options by the option
// that changed, never the whole string; and an action item still unticked is the decision not yet
// carried out, not a choice left open. Phrasings of their own (en, de, fr, es, nl), none a story's;
// negatives: two options changed, another option named, the old setting, a longer number, a question.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { changedOption, namesByOption } from '../../src/verdict/changed-option.js';
import type { Message } from '../../src/verdict/log.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const FILE = '-Xss512k -XX:MaxRAMPercentage=60.0 -XX:+UseZGC';
const LIVE = '-Xss512k -XX:MaxRAMPercentage=70.0 -XX:+UseZGC';

describe('a value of options is named by the option that changed', () => {
  it('finds the one option set apart', () => {
    expect(changedOption(LIVE, FILE)).toEqual({ name: 'MaxRAMPercentage', setting: '70.0' });
    expect(changedOption('--workers=8 --log-format=json', '--workers=4 --log-format=json')).toEqual({ name: 'workers', setting: '8' });
    expect(changedOption('-Dapp.pool.size=40 -Dapp.mode=batch', '-Dapp.pool.size=20 -Dapp.mode=batch')).toEqual({ name: 'app.pool.size', setting: '40' });
  });
  it.each([
    'set MaxRAMPercentage=70.0 in the manifest',
    'MaxRAMPercentage auf 70 erhöht',
    'passer MaxRAMPercentage à 70',
    'subir MaxRAMPercentage a 70.0',
    'MaxRAMPercentage van 60 naar 70',
    'raise -XX:MaxRAMPercentage from 60 to 70',
    'MaxRAMPercentage: 70',
  ])('"%s" names it', (text) => {
    expect(namesByOption(text, LIVE, FILE)).toBe(true);
  });
  it.each([
    // The old setting.
    'MaxRAMPercentage=60.0 was too low',
    // Another number that begins with the setting.
    'MaxRAMPercentage=70.5',
    // Another option.
    'MaxHeapFreeRatio=70',
    // The name inside a longer name.
    'InitialMaxRAMPercentage=70',
  ])('"%s" does not', (text) => {
    expect(namesByOption(text, LIVE, FILE)).toBe(false);
  });
  it('no option when two changed, or the value is no options string', () => {
    expect(changedOption('-Xss1m -XX:MaxRAMPercentage=70.0 -XX:+UseZGC', FILE)).toBeUndefined();
    expect(changedOption('70', '60')).toBeUndefined();
    expect(changedOption('-XX:+UseZGC -XX:MaxRAMPercentage=70.0', '-XX:+UseG1GC -XX:MaxRAMPercentage=70.0')).toBeUndefined();
  });
});

const ENVS = ['staging', 'production'];
const KEY = 'Deployment/billing-api.containers[name=app].env[name=JAVA_OPTS].value';
const EDIT = '2027-03-10T22:00:00Z';
const commit: Message = {
  sha: 'e'.repeat(40),
  parents: [],
  author: 'Ana',
  email: 'a@x',
  date: '2027-03-12T09:00:00Z',
  committed: '2027-03-12T09:00:00Z',
  subject: 'docs: post-incident review',
  body: '',
  files: ['docs/reviews/billing-heap.md'],
};
const drift: Divergence = {
  id: KEY,
  key: KEY,
  kind: 'live-drift',
  severity: 'drift',
  envs: ['production'],
  values: {
    staging: { repo: FILE, live: null, at: { file: 'deploy/staging/billing-api.yaml', line: 9, column: 1 }, type: 'string' },
    production: { repo: FILE, live: LIVE, at: { file: 'deploy/production/billing-api.yaml', line: 9, column: 1 }, type: 'string' },
  },
  declared: false,
  contract: null,
  notes: [],
  provenance: { production: { manager: 'kubectl-set', operation: 'Update', time: EDIT, exact: true, human: true, kind: 'human' as const } },
} as unknown as Divergence;
const judge = (text: string) =>
  explain(
    drift,
    {},
    {
      promotion: ENVS,
      environments: ENVS,
      today: '2027-04-01',
      log: buildLog(new Map(), [commit], [{ path: 'docs/reviews/billing-heap.md', sha: commit.sha, text }]),
    },
  );
const HEAD = '# billing-api heap, 10 March\n\nMitigation: `kubectl set env deploy/billing-api JAVA_OPTS=…` in production.\n\n';

describe('an action item, ticked or not, that writes the changed option into the environment’s file codifies it', () => {
  it.each([
    `${HEAD}## Follow-ups\n- [ ] put MaxRAMPercentage=70.0 into deploy/production/billing-api.yaml (Ana)\n`,
    `${HEAD}## Follow-ups\n- [x] write MaxRAMPercentage=70 into production/billing-api.yaml\n`,
    `${HEAD}## Maßnahmen\n- [ ] MaxRAMPercentage=70 in production/billing-api.yaml eintragen\n`,
    `${HEAD}## Actions\n- [ ] mettre MaxRAMPercentage=70 dans production/billing-api.yaml\n`,
  ])('%#: backfill', (text) => {
    const v = judge(text);
    expect(v).toMatchObject({ suggested: 'backfill', deliberate: 'production', value: LIVE });
  });
  it.each([
    // A choice left open on the unticked item.
    `${HEAD}## Follow-ups\n- [ ] keep MaxRAMPercentage=70 or revert? decide, then put it into production/billing-api.yaml\n`,
    // The old setting.
    `${HEAD}## Follow-ups\n- [ ] put MaxRAMPercentage=60 back into production/billing-api.yaml\n`,
    // Conditional.
    `${HEAD}## Follow-ups\n- [ ] if it OOMs again, put MaxRAMPercentage=70 into production/billing-api.yaml\n`,
    // Negated, in German and French.
    `${HEAD}## Maßnahmen\n- MaxRAMPercentage=70 nicht in production/billing-api.yaml eintragen, das war nur für die Nacht\n`,
    `${HEAD}## Actions\n- ne pas mettre MaxRAMPercentage=70 dans production/billing-api.yaml\n`,
  ])('%#: no backfill from the item', (text) => {
    expect(judge(text).suggested).not.toBe('backfill');
  });
});
