// One way to cut a text into sentences (sentence-end.ts `sentencesIn`, built on `sentenceEnds`), and the
// readers that cut on their own before moved onto it, each shown reading the same sentence or a better
// one: a date's dot ("20.11. und"), a day before its month ("1. Dezember", "1. grudnia"), an ordinal
// ("KW 50. in prod"), an abbreviation ("e.g.", "z. B."), a version ("v1.2") or a URL's dots end no
// sentence; a number's dot before a capital, a line and a list item do.
import { describe, expect, it } from 'vitest';
import { sentencesIn } from '../../src/verdict/sentence-end.js';
import { gateFor } from '../../src/verdict/gates.js';
import { liveFate, type LiveChange } from '../../src/verdict/live-fate.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { eventOf } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';
import { messagesBy } from './log-builders.js';
import { openQuestion } from '../../src/verdict/asked.js';
import { readIntent } from '../../src/verdict/intent.js';

describe('sentencesIn', () => {
  it.each([
    ['prod after 20.11. und dann staging'],
    ['Prod am 1. Dezember, staging sofort'],
    ['Produkcja 1. grudnia, staging od razu'],
    ['Prod bis KW 50. in Ruhe lassen'],
    ['Prod follows e.g. after the freeze'],
    ['Prod z. B. nach dem Freeze'],
    ['Ship v1.2 to prod after the soak'],
    ['See https://wiki.example.com/ops/runbook.v2.html for the steps'],
    ['Prod gets approx. 40 workers after Jan. 2027'],
  ])('one sentence: %s', (text) => {
    expect(sentencesIn(text)).toEqual([text]);
  });

  it.each([
    ['Prod after 20.11. Staging keeps 4.', ['Prod after 20.11.', 'Staging keeps 4.']],
    ['Prod until KW 50. Then staging.', ['Prod until KW 50.', 'Then staging.']],
    ['Set 32. Keep it!', ['Set 32.', 'Keep it!']],
    ['1. Raise the pool\n2. Watch p99', ['1. Raise the pool', '2. Watch p99']],
  ])('sentences: %s', (text, out) => {
    expect(sentencesIn(text)).toEqual(out);
  });
});

describe('gates.ts reads the sentence naming the environment', () => {
  const WRITTEN = '2026-11-10T10:00:00Z';
  it("a sentence ending in a date does not run into the next one (before: staging read production's date)", () => {
    const text = 'Production after the freeze ends 30.11. Staging keeps the old pool until 15.12.';
    expect(gateFor(text, 'staging', ['staging', 'production'], WRITTEN)?.date).toBe('2026-12-15');
    expect(gateFor(text, 'production', ['staging', 'production'], WRITTEN)?.date).toBe('2026-11-30');
  });

  it('an abbreviation does not cut the gate from its environment (before: "Prod follows e.g." and no date)', () => {
    expect(gateFor('Prod follows e.g. once the freeze ends on 30.11.', 'prod', ['staging', 'prod'], WRITTEN)?.date).toBe('2026-11-30');
  });

  it('the same as before where the old cut was right', () => {
    expect(gateFor('Produktion nach dem Freeze (endet am 30.11.)', 'production', ['staging', 'production'], WRITTEN)?.date).toBe('2026-11-30');
    expect(gateFor('Staging today. Production after the code freeze (ends 2026-11-30).', 'production', ['staging', 'production'], WRITTEN)?.date).toBe(
      '2026-11-30',
    );
  });
});

describe('live-fate.ts reads a sentence about the live value whole', () => {
  const KEY = 'Deployment/api.containers[name=app].env[name=WORKER_THREADS].value';
  const base = messagesBy('Jan Novák', 'jan@x', 'a');
  const docs = messagesBy('Farah Siddiqui', 'farah@x', 'b');
  const CREATED = base('2026-05-12T10:00:00Z', 'api manifests');
  const fate = (text: string) => {
    const doc = docs('2026-11-24T10:00:00Z', 'docs: ops/log.md');
    const messages: Message[] = [doc, CREATED];
    const log = buildLog(
      new Map([['prod', new Map([[KEY, [eventOf(CREATED, 'deploy/prod/api.yaml', null, '8', { merge: false, revert: false })]]])]]),
      messages,
      [{ path: 'ops/log.md', text, sha: doc.sha }],
    );
    const change: LiveChange = {
      key: KEY,
      env: 'prod',
      environments: ['staging', 'prod'],
      live: '32',
      file: '8',
      editedAt: '2026-11-18T09:02:41Z',
      tickets: [],
      object: false,
    };
    const read = liveFate(change, log, '2026-12-04');
    return read && 'fate' in read ? { fate: read.fate, date: read.date } : read;
  };

  it('an abbreviation inside the sentence (before: "z." and "B." ended sentences, and the put-back was not read)', () => {
    expect(fate('prod: WORKER_THREADS=32 z. B. für den Aktionstag; am 28.11. wieder zurück auf 8.')).toEqual({ fate: 'revert', date: '2026-11-28' });
  });

  it('a date inside the sentence, as before', () => {
    expect(fate('prod: WORKER_THREADS=32 nur für den Aktionstag. Am 28.11. wieder zurück auf 8.')).toEqual({ fate: 'revert', date: '2026-11-28' });
  });
});

describe('asked.ts cuts a question where the shared split does', () => {
  const KEY = 'migration.rekey.chunkSize';
  const olu = messagesBy('Olu Adeyemi', 'o@x', 'a');
  const logOf = (messages: Message[]) => buildLog(new Map(), messages);
  it.each([
    ['a day before its month', 'Trockenlauf ok. Soll Prod am 1. Dezember auch 5000 bekommen?'],
    ['a day and month', 'Dry run ok. Should prod get 5000 after 20.11. as well?'],
    ['an abbreviation', 'Dry run ok. Should prod e.g. use 5000 for the real run?'],
    ['a version', 'Dry run ok. Should prod on v1.2 use 5000 too?'],
  ])('%s', (_what, body) => {
    const log = logOf([olu('2026-11-17T08:12:00Z', 'dry run notes', body)]);
    expect(openQuestion(KEY, 'production', '5000', '1000', '2026-11-16T09:30:00Z', 'x', log, '2026-12-04')?.question).toBe(body.slice(body.indexOf('. ') + 2));
  });
});

describe("intent.ts' conditionLeads reads the condition's whole clause", () => {
  const holdOf = (subject: string) =>
    readIntent({ subject, body: '', author: 'Dana Ops', email: 'd@x', date: '2026-11-10T10:00:00Z' }, 'staging', ['staging', 'prod']).hold;
  it.each([
    ['Pool 40 in staging; prod follows once the v1.2 smoke test is green'],
    ['Pool 40 in staging; prod follows once the e.g. nightly smoke test is green'],
    ['Pool 40 in Staging, Prod folgt, sobald der am 1. Dezember geplante Lasttest grün ist'],
  ])('%s: a check to make, not one made', (subject) => {
    expect(holdOf(subject)?.check).toBeDefined();
  });

  it('a check reported made is no check to wait for', () => {
    expect(holdOf('Pool 40 in staging. The smoke test is green, prod follows')?.check).toBeUndefined();
  });
});
