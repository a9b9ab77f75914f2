// A committed policy that says when the next environment follows (a soak gate in a process document),
// met (its time passed, nothing reported trouble since), speaks for a change whose own message cannot:
// a dependency bot's bump says only what changed, and that is all such a policy expects of it. The move
// goes on, moderately (never confident on silence alone). The document may name an environment's file
// by its name alone ("copies the bump to values-prod.yaml"), as process documents do. Not where the
// gate's time has not passed, where trouble was reported since, where the value flaps, or where the
// document names only a file every environment shares. Phrasings of our own (English, German, French).
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import type { Document, Message } from '../../src/verdict/log.js';

const bot = messagesBy('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com', '9');
const kim = messagesBy('Kim Ode', 'k@x', '7');

const KEY = 'queue.image.tag';
const files = (env: string) => ['helm/queue/values.yaml', `helm/queue/values-${env}.yaml`];

/** The bot bumped staging's queue image 3.12.1 → 3.12.4 on 2026-11-02 (after `bumps` earlier bumps of
 * its own); `policy` is a process document written in the spring. */
function judge(options: { policy: string; today?: string; later?: Message[]; bumps?: number }) {
  const created = kim('2026-03-01T10:00:00Z', 'queue chart values');
  const doc: Document = { path: 'docs/upgrades.md', sha: '5'.repeat(40), text: options.policy };
  const written: Message = {
    sha: doc.sha,
    parents: [],
    author: 'Kim Ode',
    email: 'k@x',
    date: '2026-04-01T10:00:00Z',
    committed: '2026-04-01T10:00:00Z',
    subject: 'upgrade policy',
    body: '',
    files: [doc.path],
  };
  const file = (env: string) => files(env)[1]!;
  const ev = (m: Message, env: string, a: string | null, b: string, order: number): HistoryEvent => ({
    ...eventOf(m, file(env), a, b, { merge: false, revert: false }),
    order,
  });
  // Earlier bumps that went back and forth: the value flaps.
  const flapping: HistoryEvent[] = [];
  const values = ['3.12.2', '3.12.1'];
  for (let n = 0; n < (options.bumps ?? 0); n++) {
    const m = bot(`2026-10-${String(10 + n).padStart(2, '0')}T04:00:00Z`, `chore(deps): bump queue to ${values[n % 2]}`);
    flapping.unshift(ev(m, 'staging', values[(n + 1) % 2]!, values[n % 2]!, 1 + (options.bumps ?? 0) - n));
  }
  const bump = bot('2026-11-02T04:00:00Z', 'chore(deps): bump queue image to 3.12.4');
  const v = explainCrossEnv({
    key: KEY,
    history: {
      staging: [ev(bump, 'staging', '3.12.1', '3.12.4', 0), ...flapping, ev(created, 'staging', null, '3.12.1', 99)],
      prod: [ev(created, 'prod', null, '3.12.1', 99)],
    },
    messages: [...(options.later ?? []), bump, written, created],
    values: { staging: '3.12.4', prod: '3.12.1' },
    type: 'string',
    today: options.today ?? '2026-12-01',
    documents: [doc],
    layers: { staging: files('staging'), prod: files('prod') },
  });
  return { v, why: v.reasons.join('\n') };
}

const POLICIES: Array<[string, string]> = [
  [
    'English, the file by its name',
    '# Upgrades\nThe bot merges into staging. After 10 days on staging without incidents, the on-call engineer copies the bump to values-prod.yaml.\n',
  ],
  ['German', '# Upgrades\nNach zwei Wochen ohne Störungen in Staging übernimmt das Plattform-Team den Bump nach Prod (helm/queue/values-prod.yaml).\n'],
  ['French', '# Mises à jour\nSi tout est calme une semaine en staging, on passe en prod : reporter la version dans values-prod.yaml.\n'],
];

describe('a bot’s bump under a met soak policy', () => {
  it.each(POLICIES)('%s: prod follows, moderately', (_style, policy) => {
    const { v, why } = judge({ policy });
    expect(why, why).toMatch(/sets a soak gate/);
    expect(why, why).toMatch(/governs how staging's values reach prod/);
    expect(v.suggested, why).toBe('backfill');
    expect(v.drifted, why).toBe('prod');
    expect(v.value, why).toBe('3.12.4');
    expect(v.confidence, why).toBeGreaterThanOrEqual(0.45);
    expect(v.confidence, why).toBeLessThanOrEqual(0.55);
  });
});

describe('where the policy does not carry the bot’s bump', () => {
  it('its time has not passed: a plan with its date', () => {
    const { v, why } = judge({ policy: POLICIES[0]![1], today: '2026-11-06' });
    expect(v.suggested, why).toBe('declare');
    expect(v.expires, why).toBe('2026-11-12');
  });

  it('trouble reported since: held', () => {
    const { v, why } = judge({
      policy: POLICIES[0]![1],
      later: [kim('2026-11-05T09:00:00Z', 'staging: queue consumers crash-looping since 3.12.4, incident INC-88')],
    });
    expect(v.suggested, why).toBe('declare');
  });

  it('the value flaps: the bot’s latest value is no decision, whatever the policy', () => {
    const { v, why } = judge({ policy: POLICIES[0]![1], bumps: 5 });
    expect(v.suggested, why).toBe('declare');
    expect(why, why).not.toMatch(/governs how/);
  });

  it('a document that names only the file every environment shares sets no gate for the bump', () => {
    const { v, why } = judge({ policy: '# Upgrades\nAfter 10 days on staging without incidents, prod gets the same values.yaml.\n' });
    expect(why, why).not.toMatch(/sets a soak gate/);
    expect(v.suggested, why).toBe('declare');
  });

  it('a file name only as the tail of a longer one names no file ("prod.yaml" in "old-values-prod.yaml.bak")', () => {
    const { v, why } = judge({
      policy: '# Upgrades\nAfter 10 days on staging without incidents, prod follows; see old-values-prod.yaml.bak for the former layout.\n',
    });
    expect(why, why).not.toMatch(/sets a soak gate/);
    expect(v.suggested, why).toBe('declare');
  });
});
