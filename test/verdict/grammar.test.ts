// Session 15 (issue 10): a phrase read with its grammar. Each rule on phrasings of our own (none
// from a verdict story) and as many that must not be read: quotes of a proposal, negations,
// questions, a word in a noun phrase. In memory: pure readers, no git.
import { describe, expect, it } from 'vitest';
import { goesTo, readIntent, reportsDone } from '../../src/verdict/intent.js';
import { followsIn, goFor, openIn, undoIn } from '../../src/verdict/conditions.js';

const ENVS = ['staging', 'production'];
const intent = (text: string, env = 'staging', date = '2026-10-26T10:00:00Z') => {
  const [subject, ...body] = text.split('\n');
  return readIntent({ subject: subject!, body: body.join('\n'), author: 'Ana', email: 'ana@example.com', date }, env, ENVS);
};

describe('a test is a test whatever kind it is; a test word qualifying a noun is no test', () => {
  it.each([
    'disable the bot filter for the pentest',
    'relax the WAF during the pen-test next week',
    'allow the scanner IPs for the penetration test (SEC-40)',
    'CSP report-only for our pentesting partner run',
  ])('"%s" is a test scope', (text) => {
    expect(intent(text).scope?.kind).toBe('test');
  });

  it.each([
    'fix for the pen-test finding SEC-88: stricter CSP',
    'cache TTL for the test tenant’s catalogue set to 60s',
    'raise the export limit for the test data refresh job',
    'rotate the key for the load-test report bucket',
    // A pentest named as what found something, or as a document, is no purpose.
    'sec: enforce TLS\n\nthe pentest found session traffic in clear text, enabling TLS for all envs',
    'end other sessions on password change\n\nSee docs/security/pentest-2026-11.md.',
  ])('"%s" names a thing, not a purpose', (text) => {
    expect(intent(text).scope?.kind).not.toBe('test');
  });
});

describe('a period the change is for, and going back at a time named', () => {
  it.each([
    ['count mode (2026-W44 only)', '2026-11-01'],
    ['relaxed limits, week 47 only', '2026-11-22'],
    ['maintenance banner on, only in KW 45', '2026-11-08'],
    ['log level debug, back to info in W45', '2026-11-08'],
    ['sampling 100%: back to 10 on 2026-11-09', '2026-11-09'],
  ])('"%s" is a time limit ending %s', (text, until) => {
    const read = intent(text);
    expect(read.temporary).toBeDefined();
    expect(read.temporary?.until).toBe(until);
  });

  it('"back to normal next week" is a time limit without a date of its own', () => {
    expect(intent('rate limit doubled for the launch, back to normal next week').temporary).toBeDefined();
  });

  it.each([
    'pin the client to Python 3.11 only',
    'admin endpoints may only be called from the VPN',
    'backups run on Sunday only',
    'IPv6 only from now on',
    'prod went back to 20 in W40 after the rollback; staging follows the same value',
    'is this week 47 only?',
  ])('"%s" is no time limit', (text) => {
    expect(intent(text).temporary).toBeUndefined();
  });
});

describe('a sentence that reports what happened gives the incident’s time, not the fix’s', () => {
  it.each([
    'retries 20 -> 3\n\nRequests queued ~40s during the failover while the client retried every command.',
    'batch size 500\n\nConsumers lagged two hours during the reindex.',
    'probe delay 60s\n\nPods crashed over and over during the upgrade of the node pool.',
    'scheduler tick 5s\n\nJobs piled up throughout the freeze.',
  ])('"%s" has no time limit', (text) => {
    expect(intent(text).temporary).toBeUndefined();
  });

  it.each([
    'raise the pool to 50 during the migration',
    'requests queued, so we raise the pool during the sale',
    'cache off during the reindex (queries queued otherwise)',
  ])('"%s" is still a time limit', (text) => {
    expect(intent(text).temporary).toBeDefined();
  });
});

describe('an open word whose subject is a ticket cited in brackets', () => {
  it.each([
    'Impersonation requires privacy approval (PRIV-31, still open). Switch it off again.',
    'Needs the legal review LEGAL-7 (still open); the repo value is correct.',
    'Turn it off; the exception request (SEC-12: open question about scope) does not change that.',
    'Blocked by a vendor bug (see #412 - TBD), so we go back to 5.',
  ])('"%s" leaves the matter settled', (text) => {
    expect(openIn(text)).toBeUndefined();
  });

  it.each([
    'Whether production keeps 30s: still open.',
    'Decision on the pool size (FIN-9): still open',
    'FIN-9 decision: still open',
    'Status: open (see PRIV-31)',
  ])('"%s" is open', (text) => {
    expect(openIn(text)).toBeDefined();
  });
});

describe('a go: the verb it lets happen and where, or nothing left in the way', () => {
  it.each([
    'Staging clean for a week, no reports. OK to finish in production. — Zoe',
    'Fine to enable it on prod from tomorrow.',
    'Safe to roll it out in production now that the tracker is green.',
    'All partners migrated. Nothing blocks disabling basic auth in production.',
    'No blockers left for production.',
    'Nothing stands in the way of enabling it on prod.',
    'Nichts spricht mehr gegen Prod.',
  ])('"%s" is a go for production', (text) => {
    expect(goFor(text, 'production')).toBeDefined();
  });

  it.each([
    'Is it OK to finish in production?',
    'Not OK to finish in production until the reports stop.',
    'OK to finish in production once the soak is green.',
    'If nothing blocks it in production, we go on Monday.',
    'Something still blocks disabling basic auth in production.',
    'OK to finish in staging.',
    'Signed off in production by the auditors last year.',
  ])('"%s" is no go for production', (text) => {
    expect(goFor(text, 'production')).toBeUndefined();
  });
});

describe('a lower environment to follow: carried back to it, or its step still to take', () => {
  it.each([
    ['| backport maxRetriesPerRequest 3 to dev and staging | Ji-ho | open |', 'staging'],
    ['Port the fix back to staging this week.', 'staging'],
    ['cherry-pick it onto dev as well', 'dev'],
    ['Apply the same to staging.', 'staging'],
    ['- staging: still on 2025-03-31 — to do, so QA tests what production speaks.', 'staging'],
    ['- dev: pending', 'dev'],
  ])('"%s": %s follows', (text, env) => {
    expect(followsIn(text, env)).toBeDefined();
  });

  it.each([
    ['Do not backport this to staging.', 'staging'],
    ['Should we backport it to staging?', 'staging'],
    ['Backport to staging once QA has a slot.', 'staging'],
    ['backport 3 to dev only', 'staging'],
    ['- staging: nothing pending', 'staging'],
    ['- production: to do', 'staging'],
  ])('"%s": %s does not follow', (text, env) => {
    expect(followsIn(text, env)).toBeUndefined();
  });
});

describe('a release window or deploy day as the next environment’s dated step', () => {
  // Written on Wednesday 2026-10-28: the next Tuesday is 2026-11-03, the next Thursday 2026-10-29.
  const on = '2026-10-28T10:00:00Z';
  it.each([
    ['Set on staging; production in the Tuesday release window.', '2026-11-03'],
    ["staging now, production with Thursday's deploy", '2026-10-29'],
    ['Ustawione na staging; prod w oknie wtorkowym.', '2026-11-03'],
    ['Auf Staging gesetzt; Produktion im Dienstagsfenster.', '2026-11-03'],
    ['Puesto en staging; producción en la ventana del martes.', '2026-11-03'],
  ])('"%s": production follows after %s', (text, until) => {
    const hold = intent(text, 'staging', on).hold;
    expect(hold?.envs).toEqual(['production']);
    expect(hold?.follows).toBe(true);
    expect(hold?.until).toBe(until);
  });

  it.each([
    'Set on staging; production not in the Tuesday release window.',
    'Set on staging. Does production go in the Tuesday release window?',
    'Set on staging; production stays out of the Tuesday release window.',
  ])('"%s": production does not follow', (text) => {
    expect(intent(text, 'staging', on).hold?.follows).not.toBe(true);
  });
});

describe('a change said to go to another environment too, in so many words', () => {
  it.each([
    'This is a correctness fix, not a staging experiment - it must go to prod too.',
    'Ship it to production as well.',
    'Needs to be rolled out to production, same as here.',
    'production needs it too',
    'Same bug everywhere we run it; also for production.',
    'Das muss auch nach Prod.',
    'Hay que llevarlo también a producción.',
  ])('"%s" sends it to production', (text) => {
    expect(goesTo(text, 'production')).toBeDefined();
  });

  it.each([
    'Does it need to go to prod too?',
    'It must not go to prod.',
    'It must go to prod too once QA signs off.',
    'prod stays on 4; staging must go to 8',
    'Someone proposed it must go to prod too; we disagree.',
    'going to prod Monday',
    'Prod gets its own value.',
  ])('"%s" does not', (text) => {
    expect(goesTo(text, 'production')).toBeUndefined();
  });
});

describe('what a change was for needs it no more: the work it waited for is done', () => {
  it.each([
    'e2e suite signs its own sessions now (no more bypass cookies needed)',
    'The load test no longer needs the raised limit.',
    'The mock is not needed any more since the partner sandbox is up.',
    'Der Import-Test braucht das nicht mehr: nicht mehr nötig.',
    'La prueba ya no hace falta.',
    '压测结束，不再需要。',
  ])('"%s" reports it done', (text) => {
    expect(reportsDone(text)).toBeDefined();
  });

  it.each([
    'Once no more retries are needed, drop it.',
    'Is the mock no longer needed?',
    'We still need the mock; do not remove it.',
    'when the test no longer needs it, remove the flag',
  ])('"%s" does not', (text) => {
    expect(reportsDone(text)).toBeUndefined();
  });
});

describe('a request put as a question is said', () => {
  it('"can we keep prod at 30 till Monday?" holds production until Monday', () => {
    const hold = intent('bump read timeout\n\nlisa: can we keep production at 30 till Monday? want to see staging first\ntariq: sure', 'staging').hold;
    expect(hold?.envs).toEqual(['production']);
    expect(hold?.follows).toBe(true);
  });
});

describe('an undo in so many words: a switch turned back, the repository’s value called right', () => {
  it.each([
    'Switch impersonation off again in production (owner: Mats).',
    'Turn the debug flag back off on prod.',
    'Please set it back to 50.',
    'The repo value (false) is correct.',
    'the committed value is the right one',
    'Bitte in Prod wieder ausschalten.',
  ])('"%s" undoes it', (text) => {
    expect(undoIn(text)).toBeDefined();
  });

  it.each([
    'If it breaks, switch it off again.',
    'Should we switch it off again?',
    'Mats proposed to set it back to 50; we keep 80.',
    'Never turn it back off.',
    'The release was set back by a week.',
    'Is the repo value correct?',
  ])('"%s" does not', (text) => {
    expect(undoIn(text)).toBeUndefined();
  });
});

describe('a place to test in is still the test’s', () => {
  it.each(['timeout to 30s in the load test environment', 'raise the quota for the test cluster'])('"%s" is a test scope', (text) => {
    expect(intent(text).scope?.kind).toBe('test');
  });
});

describe('"typo" naming a thing corrects nothing; correcting one does', () => {
  it.each([
    'recall +9% on the typo set',
    'export the typo report from the spellchecker job',
    'typo-tolerant search for the catalogue',
    'the typo findings list is in SEC-9',
  ])('"%s" is no typo fix', (text) => {
    expect(intent(text).typo).toBeUndefined();
  });
  it.each(['fix typo in the broker port', 'typo: 4137 -> 4317', 'typo fix for the bucket name'])('"%s" is a typo fix', (text) => {
    expect(intent(text).typo).toBeDefined();
  });
});
