// An environment's move to a value listed as an action in a record written after the change (a
// post-mortem's action item, a checklist's box, a hand-over's to-do) is a step decided and not taken:
// where a contract entry holds that environment with the changed one, it follows the change rather
// than the change going back. Phrasings of our own, in English, German, French, Spanish and Dutch (not
// the story's words); and the near misses that must not read as one.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, explainViolation, messagesBy, why } from './log-builders.js';
import { eventOf, type HistoryEvent } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { actionStep } from '../../src/verdict/action-step.js';
import type { Message } from '../../src/verdict/log.js';

const mia = messagesBy('Mia Holm', 'm@x', 'e');
const ole = messagesBy('Ole Brandt', 'o@x', 'f');
const KEY = 'gateway.limits.maxBodyKb';
const CHANGED = '2026-10-02T09:00:00Z';

function logWith(text: string, written = '2026-10-12T10:00:00Z') {
  const note: Message = { ...ole(written, 'follow-up notes'), files: ['docs/followup.md'] };
  return buildLog(new Map(), [note], [{ path: 'docs/followup.md', text, sha: note.sha }]);
}

const STEPS: Array<[string, string]> = [
  ['English table row', '| item | owner | status |\n| --- | --- | --- |\n| demo maxBodyKb → 256 | edge team | open |\n'],
  ['English checklist', '- [ ] demo: maxBodyKb -> 256 (Lea)\n'],
  ['German', '- Demo: maxBodyKb auf 256 setzen (offen, Team Edge)\n'],
  ['French', '- demo : maxBodyKb à 256 — à faire\n'],
  ['Spanish', '| demo maxBodyKb a 256 | equipo edge | pendiente |\n'],
  ['Dutch', '- demo: maxBodyKb naar 256 (open)\n'],
];

describe('an action item moving an environment to the value', () => {
  it.each(STEPS)('%s: read as the step', (_what, text) => {
    expect(actionStep(KEY, 'demo', '256', CHANGED, logWith(text), '2026-11-01')).toBeDefined();
  });

  it.each([
    ['called off', '| demo maxBodyKb → 256 | edge team | cancelled |\n'],
    ['called off, German', '- Demo: maxBodyKb auf 256 (verworfen)\n'],
    ['asked', '- demo maxBodyKb → 256?\n'],
    ['negated', '- do not move demo maxBodyKb to 256\n'],
    ['another environment', '| staging maxBodyKb → 256 | edge team | open |\n'],
    ['another key', '| demo maxHeaderKb → 256 | edge team | open |\n'],
    ['another value', '| demo maxBodyKb → 512 | edge team | open |\n'],
    ['the value it keeps', '- demo keeps maxBodyKb at 1024; 256 is for production only\n'],
    // Where the value stands, not where it goes ("op", "auf", "på", "à", "en" double as "at").
    ['a status line, Dutch', '- maxBodyKb staat op 256 in staging sinds de sync, demo op 1024.\n'],
    ['a status line, German', '- maxBodyKb steht schon auf 256 in staging und demo\n'],
    ['a status line, Swedish', '- demo: maxBodyKb står fortfarande på 256 enligt loggen\n'],
    ['a status line, French', '| demo | maxBodyKb est à 256 depuis lundi |\n'],
  ])('%s: no step', (_what, text) => {
    expect(actionStep(KEY, 'demo', '256', CHANGED, logWith(text), '2026-11-01')).toBeUndefined();
  });

  it('written before the change, or after today: no step', () => {
    expect(actionStep(KEY, 'demo', '256', CHANGED, logWith(STEPS[0]![1], '2026-09-20T10:00:00Z'), '2026-11-01')).toBeUndefined();
    expect(actionStep(KEY, 'demo', '256', CHANGED, logWith(STEPS[0]![1], '2026-11-20T10:00:00Z'), '2026-11-01')).toBeUndefined();
  });
});

/** prod lowered the limit (1024 → 256) on CHANGED; demo, which the entry does not name, still holds 1024. */
function violation(documentText?: string) {
  const created = mia('2026-03-01T09:00:00Z', 'gateway values per environment');
  const lowered = mia(CHANGED, 'prod: maxBodyKb 1024 -> 256 (INC-77)', 'Oversized uploads exhausted the workers.');
  const note: Message = { ...ole('2026-10-12T10:00:00Z', 'INC-77 follow-up'), files: ['docs/incidents/INC-77.md'] };
  const base = (env: string): HistoryEvent => ({ ...eventOf(created, `values-${env}.yaml`, null, '1024', { merge: false, revert: false }), order: 5 });
  const history: Record<string, HistoryEvent[]> = {
    demo: [base('demo')],
    qa: [base('qa')],
    prod: [{ ...eventOf(lowered, 'values-prod.yaml', '1024', '256', { merge: false, revert: false }), order: 1 }, base('prod')],
  };
  return explainViolation({
    key: KEY,
    entry: '    qa: 1024\n    reason: fuzzers need the head-room, VPN only\n',
    violating: ['demo'],
    values: { demo: '1024', qa: '1024', prod: '256' },
    history,
    messages: [created, lowered, ...(documentText ? [note] : [])],
    documents: documentText ? [{ path: 'docs/incidents/INC-77.md', text: documentText, sha: note.sha }] : [],
    today: '2026-11-01',
  });
}

describe('a contract pair where one environment changed and an action item sends the other after it', () => {
  it.each(STEPS)('%s: the other environment takes the changed value', (_what, text) => {
    const v = violation(`# INC-77\n\n## Action items\n${text}`);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'demo', value: '256', deliberate: 'prod' });
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('with no such item, the changed environment is not sent back with confidence', () => {
    const v = violation();
    expect(v.suggested === 'backfill' && v.drifted === 'demo').toBe(false);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('an item called off moves nothing', () => {
    const v = violation('# INC-77\n\n| demo maxBodyKb → 256 | edge team | dropped |\n');
    expect(v.suggested === 'backfill' && v.drifted === 'demo').toBe(false);
  });
});

// A key whose leaf is too short to name it in prose (`ttl`) is named in a record by its path; and an
// action item moving the environment downstream to the value upstream's change set is the step the
// promotion order alone could not decide.
describe('a cross-env difference whose lagging environment a later record sends after the change', () => {
  const SHORT = 'session.ttl';
  const created = mia('2026-03-01T09:00:00Z', 'auth config per environment');
  const raised = mia(CHANGED, 'stg: session ttl 900000', 'the new token library reads milliseconds');
  function crossEnv(documentText?: string) {
    const note: Message = { ...ole('2026-10-12T10:00:00Z', 'AUTH-31 notes'), files: ['docs/auth/AUTH-31.md'] };
    const base = (env: string): HistoryEvent => ({ ...eventOf(created, `config/${env}.json`, null, '900', { merge: false, revert: false }), order: 5 });
    return explainCrossEnv({
      key: SHORT,
      history: {
        stg: [{ ...eventOf(raised, 'config/stg.json', '900', '900000', { merge: false, revert: false }), order: 1 }, base('stg')],
        live: [base('live')],
      },
      messages: [created, raised, ...(documentText ? [note] : [])],
      values: { stg: '900000', live: '900' },
      type: 'number',
      today: '2026-11-01',
      documents: documentText ? [{ path: 'docs/auth/AUTH-31.md', text: documentText, sha: note.sha }] : [],
    });
  }

  it.each([
    ['English to-do', '# AUTH-31\n\n- [ ] live: session.ttl -> 900000 (Ole)\n'],
    ['English table row', '| step | owner |\n| --- | --- |\n| raise live session.ttl to 900000 | Ole |\n'],
    ['German', '- Live: session.ttl auf 900000 setzen (offen)\n'],
    ['French', '- live : session.ttl à 900000 — à faire\n'],
  ])('%s: the lagging environment takes the value', (_what, text) => {
    const v = crossEnv(text);
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'live', value: '900000', deliberate: 'stg' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it.each([
    ['no record', undefined],
    ['the step called off', '- [x] live: session.ttl -> 900000 (dropped, live keeps 900)\n'],
    ['the step asked', '- live: session.ttl -> 900000?\n'],
    ['the leaf alone, which names too many things', '- [ ] live: ttl -> 900000\n'],
    ['another key with the same leaf', '- [ ] live: cache.ttl -> 900000\n'],
    ['the other environment', '- [ ] stg: session.ttl -> 900000\n'],
  ])('%s: no backfill', (_what, text) => {
    const v = crossEnv(text);
    expect(v.suggested === 'backfill' && v.drifted === 'live', why(v)).toBe(false);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

// A record that names the key and its value (the change it tells of) may list the change's move to
// another environment as "the same change" with no key or value of its own: "- [ ] Same change in demo".
// Phrasings of our own, in English, Swedish, German, French and Spanish; and the near misses.
describe('an action item carrying "the same change" to an environment, in the record of the change', () => {
  const record = (item: string, fix = '`maxBodyKb: 256` in prod (Mia, 2 Oct): oversized uploads no longer reach the workers.') =>
    logWith(`# INC-77 review\n\n## Fix\n${fix}\n\n## Follow-up\n${item}\n- [x] Alert on 413 rates.\n`);

  it.each([
    ['English', '- [ ] Same change in demo: partners upload there too (Lea)'],
    ['Swedish', '- [ ] Samma ändring i demo, partnerna laddar upp där också.'],
    ['German table row', '| dieselbe Änderung in Demo | Team Edge | offen |'],
    ['French', '- [ ] même modification en demo (Lea)'],
    ['Spanish', '1. el mismo cambio en demo — pendiente'],
  ])('%s: read as the step', (_what, item) => {
    expect(actionStep(KEY, 'demo', '256', CHANGED, record(item), '2026-11-01')?.item).toBe(item.trim());
  });

  it.each([
    ['ticked off', '- [x] Same change in demo (Lea)'],
    ['another environment', '- [ ] Same change in staging (Lea)'],
    ['called off', '- [ ] Same change in demo (dropped: demo has no partners)'],
    ['negated', '- [ ] do not make the same change in demo'],
    ['asked', '- [ ] Same change in demo?'],
    ['prose, not an item', 'We may want the same change in demo at some point.'],
  ])('%s: no step', (_what, item) => {
    expect(actionStep(KEY, 'demo', '256', CHANGED, record(item), '2026-11-01')).toBeUndefined();
  });

  it('a record that names neither the key nor the value lists no step for it', () => {
    expect(
      actionStep(KEY, 'demo', '256', CHANGED, record('- [ ] Same change in demo (Lea)', 'Upload limits lowered in prod (Mia, 2 Oct).'), '2026-11-01'),
    ).toBeUndefined();
  });
});

// Downstream went first (prod: a batch job's overlap forbidden after a double run) and the record of the
// change, naming the value beside prod where the change was made, lists the same change for demo: demo
// follows. The sentence "`overlapMode: Forbid` in prod (Mia, 2 Oct)" tells where the change was made
// first, not that the value is production's own (readers.ts `copiesProductionValue` yields to the step).
describe('a record that lists the same change for the environment upstream of the one that made it', () => {
  const JOB = 'jobs.ledgerSync.overlapMode';
  function upstream(item?: string) {
    const created = mia('2026-03-01T09:00:00Z', 'ledger-sync job per environment');
    const forbidden = mia(CHANGED, 'prod: ledger-sync overlapMode Forbid', 'A slow run overlapped the next and booked twice.');
    const note: Message = { ...ole('2026-10-12T10:00:00Z', 'post-incident review'), files: ['docs/reviews/ledger-sync.md'] };
    const text = `# ledger-sync double booking\n\n## Fix\n\`overlapMode: Forbid\` in prod (Mia, 2 Oct).\n\n## Follow-up\n${item ?? '- [x] Alert on runs over 12 minutes.'}\n`;
    const base = (env: string): HistoryEvent => ({
      ...eventOf(created, `k8s/${env}/ledger-sync.yaml`, null, 'Allow', { merge: false, revert: false }),
      order: 5,
    });
    return explainCrossEnv({
      key: JOB,
      history: {
        demo: [base('demo')],
        prod: [{ ...eventOf(forbidden, 'k8s/prod/ledger-sync.yaml', 'Allow', 'Forbid', { merge: false, revert: false }), order: 1 }, base('prod')],
      },
      messages: [created, forbidden, note],
      values: { demo: 'Allow', prod: 'Forbid' },
      type: 'string',
      today: '2026-11-01',
      documents: [{ path: 'docs/reviews/ledger-sync.md', text, sha: note.sha }],
    });
  }

  it.each([['- [ ] Same change in demo: the partner sandbox books there too.'], ['- [ ] Samma ändring i demo.']])('%s: demo takes Forbid', (item) => {
    const v = upstream(item);
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'demo', value: 'Forbid', deliberate: 'prod' });
  });

  it('with no such item, demo is not moved', () => {
    const v = upstream();
    expect(v.suggested === 'backfill' && v.drifted === 'demo', why(v)).toBe(false);
  });
});

// The record may name the change's values and list their move to another environment as "the same two
// parameters" (a post-mortem's action item after an incident fix of several keys). Phrasings of our own, in
// English, German, French, Spanish, Danish and Dutch; and an item keeping the environment as it is.
describe('an action item carrying "the same values" to an environment, in the record of the change', () => {
  const record = (item: string) =>
    logWith(`# INC-77 review\n\n## Fix\nprod: \`maxBodyKb\` 256 and \`maxHeaderKb\` 16 (Mia, 2 Oct).\n\n## Follow-up\n${item}\n- [x] Alert on 413 rates.\n`);

  it.each([
    ['English', '- [ ] demo: the same two settings, before the partner test (Lea)'],
    ['English, three', '- [ ] the same three values in demo by Friday (Lea)'],
    ['German table row', '| Demo: dieselben beiden Werte | Team Edge | offen |'],
    ['French', '- [ ] demo : les mêmes deux paramètres avant le test partenaire'],
    ['Spanish', '1. demo: los mismos valores antes de la prueba — pendiente'],
    ['Danish', '- [ ] demo: de samme to indstillinger før partnertesten'],
    ['Dutch', '- [ ] demo: zelfde waarden vóór de partnertest (Lea)'],
  ])('%s: read as the step', (_what, item) => {
    expect(actionStep(KEY, 'demo', '256', CHANGED, record(item), '2026-11-01')?.item).toBe(item.trim());
  });

  it.each([
    ['ticked off', '- [x] demo: the same two settings (Lea)'],
    ['kept as it is', '- [ ] demo keeps the same values as before: partners test the old limits'],
    ['kept as it is, Dutch', '- [ ] demo behoudt dezelfde waarden als nu'],
    ['kept as it is, German', '- [ ] Demo behält dieselben Werte wie bisher'],
    ['negated', '- [ ] not the same values in demo'],
    ['called off', '- [ ] demo: the same two settings (dropped)'],
    ['another environment', '- [ ] staging: the same two settings (Lea)'],
    ['other words of sameness', '- [ ] demo: same owner as the fix (Lea)'],
  ])('%s: no step', (_what, item) => {
    expect(actionStep(KEY, 'demo', '256', CHANGED, record(item), '2026-11-01')).toBeUndefined();
  });
});

// A size raised for production's incident is each environment's own by default (declared, a question); a later
// record of the incident that lists the upstream environment's move to the raised value as an action decided the
// step, and the environment that lags takes it.
describe("a resource setting raised for the downstream environment's incident, with a later action item for upstream", () => {
  const POOL = 'db.pool.maxConnections';
  function incident(documentText?: string) {
    const created = mia('2026-03-01T09:00:00Z', 'db pool per environment');
    const raised = mia(CHANGED, 'INC-412: prod pool 40 -> 120', 'Checkout starved for connections under the sale load.');
    const note: Message = { ...ole('2026-10-12T10:00:00Z', 'INC-412 review'), files: ['docs/incidents/INC-412.md'] };
    const base = (env: string): HistoryEvent => ({ ...eventOf(created, `config/${env}.yaml`, null, '40', { merge: false, revert: false }), order: 5 });
    return explainCrossEnv({
      key: POOL,
      history: {
        uat: [base('uat')],
        prod: [{ ...eventOf(raised, 'config/prod.yaml', '40', '120', { merge: false, revert: false }), order: 1 }, base('prod')],
      },
      messages: [created, raised, ...(documentText ? [note] : [])],
      values: { uat: '40', prod: '120' },
      type: 'number',
      today: '2026-11-01',
      documents: documentText ? [{ path: 'docs/incidents/INC-412.md', text: documentText, sha: note.sha }] : [],
    });
  }
  const review = (item: string) => `# INC-412 review\n\nprod: maxConnections 40 → 120 at 02:10.\n\n## Actions\n${item}\n`;

  it.each([
    ['English', '- [ ] uat: the same settings, the load test runs there (Ole)'],
    ['German', '- [ ] UAT: maxConnections auf 120 setzen, vor dem Lasttest (offen)'],
  ])('%s: uat takes the value', (_what, item) => {
    const v = incident(review(item));
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'uat', value: '120', deliberate: 'prod' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it.each([
    ['no record', undefined],
    ['a record with no step for uat', review('- [ ] alert on pool saturation (Ole)')],
    ['the step done', review('- [x] uat: the same settings (Ole)')],
    ['uat kept', review('- [ ] uat keeps the same settings: it has a tenth of the traffic')],
  ])('%s: declared, a question', (_what, text) => {
    const v = incident(text);
    expect(v.suggested, why(v)).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

// A record written after a change that lists the change's own put-back as a step not taken — a freeze review's row
// citing the exception the change carried out, a checklist's box — decided that the value goes back: the changed
// environment returns to its previous value, rather than the other one being asked whether it follows. The row
// names the change by its id, not by its environment. Phrasings of our own in English, German, Spanish, French
// and Dutch; and the near misses.
describe("a later record listing the change's own put-back as a step", () => {
  const LIMIT = 'checkout.giftCards.maxPerOrder';
  const WHEN = '2026-11-20T09:00:00Z';
  function putBack(documentText?: string) {
    const created = mia('2026-03-01T09:00:00Z', 'checkout config per environment');
    const raised = mia(WHEN, 'FRZ-EX-12', '');
    const note: Message = { ...ole('2026-12-20T10:00:00Z', 'freeze review'), files: ['docs/freeze/review.md'] };
    const base = (env: string): HistoryEvent => ({ ...eventOf(created, `config/${env}.json`, null, '2', { merge: false, revert: false }), order: 5 });
    return explainCrossEnv({
      key: LIMIT,
      history: {
        stage: [base('stage')],
        live: [{ ...eventOf(raised, 'config/live.json', '2', '5', { merge: false, revert: false }), order: 1 }, base('live')],
      },
      messages: [created, raised, ...(documentText ? [note] : [])],
      values: { stage: '2', live: '5' },
      type: 'number',
      today: '2027-01-05',
      documents: documentText ? [{ path: 'docs/freeze/review.md', text: documentText, sha: note.sha }] : [],
    });
  }
  const table = (row: string) =>
    `# Freeze review\n\n| exception | change | planned end | state |\n| --- | --- | --- | --- |\n| FRZ-EX-10 | banner | 01/12 | done |\n${row}\n`;

  it.each([
    ['English row', table('| FRZ-EX-12 | gift cards 2 → 5 | 03/12 | open: maxPerOrder back to 2 |')],
    ['German row', table('| FRZ-EX-12 | Gutscheine 2 → 5 | 03.12. | offen: maxPerOrder zurück auf 2 |')],
    ['Spanish row', table('| FRZ-EX-12 | tarjetas 2 → 5 | 03/12 | pendiente: volver maxPerOrder a 2 |')],
    ['French row', table('| FRZ-EX-12 | cartes 2 → 5 | 03/12 | à faire : remettre maxPerOrder à 2 |')],
    ['Dutch checklist citing the exception', '# Freeze review\n\n- [ ] FRZ-EX-12: maxPerOrder terug naar 2 (Ole)\n'],
  ])('%s: live goes back', (_what, text) => {
    const v = putBack(text);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'live', value: '2' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it.each([
    ['no record', undefined],
    ['a row citing another exception', table('| FRZ-EX-14 | tarjetas 2 → 5 | 03/12 | pendiente: volver maxPerOrder a 2 |')],
    ['the put-back called off', table('| FRZ-EX-12 | gift cards 2 → 5 | 03/12 | maxPerOrder back to 2: cancelled, stays 5 |')],
    ['the put-back asked', table('| FRZ-EX-12 | gift cards 2 → 5 | 03/12 | maxPerOrder back to 2? |')],
    ['the row of the change only', table('| FRZ-EX-12 | maxPerOrder 2 → 5 | 03/12 | open |')],
    ['another key put back', table('| FRZ-EX-12 | gift cards 2 → 5 | 03/12 | open: maxAmount back to 2 |')],
    ['a status line naming the environment, not the change', '# Freeze review\n\n- maxPerOrder staat op 5 in live, stage op 2.\n'],
    ['prose citing the id, not an item', '# Freeze review\n\nFRZ-EX-12 raised maxPerOrder; we may want it back to 2 some day.\n'],
  ])('%s: live is not sent back', (_what, text) => {
    const v = putBack(text);
    expect(v.suggested === 'revert' && v.drifted === 'live', why(v)).toBe(false);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

// A record that says a value must be put back in an environment (a revert took it along with the change it was
// meant to undo) lists that step in the sentence's own words: the put-back verb, the environment, the value after
// it, and the key — by its last word where the record has named it in full. Phrasings of our own in English,
// German, Spanish, Dutch and Italian; and the near misses.
describe('a sentence putting the value back in an environment', () => {
  const TIMEOUT = 'app.db.lock-timeout';
  const record = (sentence: string, named = 'The revert of the release also undid `lock_timeout` 30s in live.') =>
    logWith(`# Release revert\n\n${named}\n\n${sentence}\n`);

  it.each([
    ['English', 'To do: put the timeout back in live (30s), without the flag.'],
    ['English, restore', '- [ ] restore lock_timeout = 30s in live (Ole)'],
    ['German', 'Offen: den Timeout in Live wieder einsetzen (30s).'],
    ['Spanish', 'Pendiente: reponer el timeout en live (30s).'],
    ['Dutch', '- [ ] live: timeout terugzetten op 30s'],
    ['Italian', 'Da fare: ripristinare il timeout in live a 30s.'],
  ])('%s: read as the step', (_what, sentence) => {
    expect(actionStep(TIMEOUT, 'live', '30s', CHANGED, record(sentence), '2026-11-01')?.item).toBe(sentence.trim());
  });

  it.each([
    ['negated', 'Do not put the timeout back in live (30s) until the locks are understood.'],
    ['another environment', 'To do: put the timeout back in stage (30s).'],
    ['another value', 'To do: put the timeout back in live (10s).'],
    ['no value', 'To do: put the timeout back in live.'],
    ['ticked off', '- [x] restore lock_timeout = 30s in live (Ole)'],
    ['asked', 'Should we put the timeout back in live (30s)?'],
  ])('%s: no step', (_what, sentence) => {
    expect(actionStep(TIMEOUT, 'live', '30s', CHANGED, record(sentence), '2026-11-01')).toBeUndefined();
  });

  it('the last word alone, in a record that never names the key in full, names nothing', () => {
    expect(
      actionStep(TIMEOUT, 'live', '30s', CHANGED, record('To do: put the timeout back in live (30s).', 'The revert also undid the 30s in live.'), '2026-11-01'),
    ).toBeUndefined();
  });
});

// A revert of a merge undoes every change on the branch; a record written since that puts one of them back as a step
// says the undo went too far: the reverted environment takes the value again (it is what the other one holds).
describe('a revert that took a value a later record puts back', () => {
  const TIMEOUT = 'app.db.lock-timeout';
  function reverted(documentText?: string) {
    const created = mia('2026-03-01T09:00:00Z', 'db config per environment');
    const set = mia('2026-09-20T09:00:00Z', 'OPS-88 lock timeout 30s in live too');
    const revert = mia(CHANGED, `Revert "Merge branch 'feature/reports'"`, 'This reverts commit 1234567.');
    const note: Message = { ...ole('2026-10-12T10:00:00Z', 'revert notes'), files: ['docs/notes/revert.md'] };
    return explainCrossEnv({
      key: TIMEOUT,
      history: {
        stage: [{ ...eventOf(created, 'config/stage.properties', null, '30s', { merge: false, revert: false }), order: 5 }],
        live: [
          { ...eventOf(revert, 'config/live.properties', '30s', '0', { merge: false, revert: true }), order: 1 },
          { ...eventOf(set, 'config/live.properties', '0', '30s', { merge: false, revert: false }), order: 2 },
          { ...eventOf(created, 'config/live.properties', null, '0', { merge: false, revert: false }), order: 5 },
        ],
      },
      messages: [created, set, revert, ...(documentText ? [note] : [])],
      values: { stage: '30s', live: '0' },
      type: 'string',
      today: '2026-11-01',
      documents: documentText ? [{ path: 'docs/notes/revert.md', text: documentText, sha: note.sha }] : [],
    });
  }
  const note = (todo: string) =>
    `# Revert of feature/reports\n\nOPS-88 (\`lock_timeout\` 30s in live) rode on the same branch and was undone with it.\n\n${todo}\n`;

  it.each([
    ['English', 'To do: put the timeout back in live (30s), without the feature.'],
    ['German', 'Offen: den Timeout in Live wieder einsetzen (30s), ohne das Feature.'],
  ])('%s: live takes 30s again', (_what, todo) => {
    const v = reverted(note(todo));
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'live', value: '30s' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it.each([
    ['no record', undefined],
    ['a record that keeps the revert', note('The timeout stays off in live until the reports are rewritten.')],
  ])('%s: no confident move', (_what, text) => {
    const v = reverted(text);
    expect(v.suggested === 'revert' && v.drifted === 'live', why(v)).toBe(false);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

// A record (an audit's finding register, a rollout tracker) may write an item's state per environment: done in the
// one that changed, open in the other. The open environment's move is the step not taken. A system's own name for a
// setting (`innodb_lock_wait_timeout` for MYSQL_INNODB_LOCK_WAIT_TIMEOUT) names the key. Phrasings of our own in
// English, German, French, Spanish and Dutch; and the near misses.
describe("an item's state written per environment, done in one and open in another", () => {
  const WAIT = 'MYSQL_INNODB_LOCK_WAIT_TIMEOUT';
  const record = (row: string, about = 'The auditor asked for `innodb_lock_wait_timeout` = 20 in every region.') =>
    logWith(`# Findings\n\n| id | finding | state |\n| --- | --- | --- |\n${row}\n\n${about}\n`);

  it.each([
    ['English', '| F-2 | lock waits too long | eu done (3 Oct); apac open |'],
    ['German', '| F-2 | Sperren zu lang | EU erledigt, APAC offen |'],
    ['French', '- F-2 : eu fait le 3/10 ; apac à faire'],
    ['Spanish', '| F-2 | esperas largas | eu completado; apac pendiente |'],
    ['Dutch', '| F-2 | te lange locks | eu afgerond; apac openstaand |'],
  ])('%s: the open environment takes the value', (_what, row) => {
    expect(actionStep(WAIT, 'apac', '20', CHANGED, record(row), '2026-11-01')?.item).toBe(row.trim());
  });

  it.each([
    ['both done', '| F-2 | lock waits too long | eu done; apac done |'],
    ['the environment done, another open', '| F-2 | lock waits too long | apac done; eu open |'],
    ['open, with nothing done', '| F-2 | lock waits too long | apac open |'],
    ['ticked off', '- [x] F-2: eu done; apac open'],
    ['prose, not an item', 'F-2 is done in eu; apac open since the disk order.'],
  ])('%s: no step', (_what, row) => {
    expect(actionStep(WAIT, 'apac', '20', CHANGED, record(row), '2026-11-01')).toBeUndefined();
  });

  it("a record naming only part of the system's name names another setting", () => {
    const row = '| F-2 | lock waits too long | eu done (3 Oct); apac open |';
    expect(
      actionStep(WAIT, 'apac', '20', CHANGED, record(row, 'The auditor asked for `lock_wait_timeout` = 20 in every region.'), '2026-11-01'),
    ).toBeUndefined();
  });
});
