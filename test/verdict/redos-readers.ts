// The readers of text the ReDoS checks run (redos.test.ts: the patterns they execute on the stories'
// texts, and the undecided patterns on the hostile texts; redos-hostile.test.ts: each reader on each
// hostile text), and those hostile texts. Two test files so that the two checks, each minutes of
// one core, run on two of the suite's workers side by side.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readDeadline, spanFrom } from '../../src/verdict/deadline.js';
import { citesIncident, clauseSendsTo, readIntent, reportsDone, textUnderstood } from '../../src/verdict/intent.js';
import {
  foreignDeadline,
  foreignFirst,
  foreignSays,
  foreignStays,
  foreignThen,
  foreignWord,
  languageOf,
  readForeign,
  understood,
} from '../../src/verdict/languages.js';
import { decidesKeep, documentStatus, namesValue, passages } from '../../src/verdict/documents.js';
import { disputedThread, notesDisagree, threadOf } from '../../src/verdict/disagreement.js';
import { keyNamePattern, notRead } from '../../src/verdict/readers.js';
import { approvalTrailers, approvedIn, followsIn, goFor, openIn, undecided, versionIn } from '../../src/verdict/conditions.js';
import { keepsValue } from '../../src/verdict/held.js';
import { ownContradiction } from '../../src/verdict/contradiction.js';
import { saysMistake } from '../../src/verdict/live.js';
import { aboutKey } from '../../src/verdict/intent-evidence.js';
import { speaksOfFreeze } from '../../src/verdict/notes.js';
import { parseMessages } from '../../src/git/messages.js';
import { passwordSpans } from '../../src/parse/url-passwords.js';
import { passageAround } from '../../src/verdict/passage.js';
import { ownWords, recordedKeysIn } from '../../src/verdict/own-commits.js';
import { dateIn, refusals } from '../../src/verdict/broken.js';
import { pendingFor } from '../../src/verdict/pending.js';
import { recommendsFor } from '../../src/verdict/answers.js';
import { statusOf } from '../../src/verdict/answered.js';
import { happenedIn, openStepsIn, replannedIn, statusesIn, sunsetIn } from '../../src/verdict/status.js';

const ENVS = ['dev', 'staging', 'production'];
const WRITTEN = '2026-11-02T10:00:00Z';

/** Every reader of text, as a function of one text (the key names and environments fixed). */
export const READERS: Record<string, (text: string) => unknown> = {
  readIntent: (t) => readIntent({ subject: t.slice(0, 200), body: t, author: 'Ana', email: 'ana@example.com', date: WRITTEN }, 'staging', ENVS),
  textUnderstood: (t) => textUnderstood({ subject: 'x', body: t, author: 'Ana', email: 'ana@example.com', date: WRITTEN }, 'production', ENVS),
  readDeadline: (t) => readDeadline(t, WRITTEN),
  spanFrom: (t) => spanFrom(t, WRITTEN),
  reportsDone,
  citesIncident,
  readForeign: (t) => readForeign(t, 'staging', (text, env) => text.includes(env), WRITTEN),
  foreignDeadline: (t) => foreignDeadline(t, WRITTEN),
  foreignWord: (t) => [foreignWord(t, 'done'), foreignWord(t, 'approved')],
  foreignSays: (t) => (['back', 'mistake', 'keep', 'permanent'] as const).map((k) => foreignSays(t, k)),
  foreignThen: (t) => foreignThen(t, 'production'),
  foreignFirst,
  passwordSpans,
  foreignStays,
  clauseSendsTo: (t) => clauseSendsTo(t, 'production', t),
  languageOf,
  understood: (t) => understood(t, []),
  passages,
  decidesKeep,
  namesValue: (t) => namesValue(t, '1.31.2'),
  threadOf,
  disputedThread,
  // Notes are compared in pairs (a few later commits naming a key); the text of two is what is read here.
  notesDisagree: (t) => notesDisagree([{ text: t }, { text: `prod stays at 300. ${t.slice(0, 5000)}` }]),
  notRead,
  keyName: (t) => keyNamePattern('http.rateLimit.exportPerMinute')?.test(t),
  approvedIn,
  goFor: (t) => goFor(t, 'production'),
  followsIn: (t) => followsIn(t, 'staging'),
  openIn,
  undecided,
  approvalTrailers,
  versionIn,
  keepsValue: (t) => keepsValue(t, 'database.pool.max', 'production', ENVS),
  ownContradiction: (t) => ownContradiction(t, 'database.pool.max'),
  saysMistake,
  aboutKey: (t) => aboutKey({ subject: 'x', body: t }, 'database.pool.max', ['database.pool.min']),
  speaksOfFreeze,
  refusals,
  dateIn: (t) => [dateIn(t, WRITTEN), dateIn(t, WRITTEN, 'near')],
  statusesIn: (t) => [statusesIn(t, WRITTEN), statusesIn(t, WRITTEN, ['PSP-441'])],
  happenedIn: (t) => happenedIn(t, WRITTEN),
  sunsetIn: (t) => sunsetIn(t, WRITTEN),
  replannedIn: (t) => replannedIn(t, WRITTEN),
  openStepsIn: (t) => openStepsIn(t, WRITTEN),
  pendingFor: (t) => pendingFor(t, 'production', '2026-11-01'),
  recommendsFor: (t) => recommendsFor(t, 'production', '48'),
  statusOf: (t) => statusOf(t, WRITTEN, ['OPS-310']),
  documentStatus: (t) => [documentStatus(t), documentStatus(`## Status\n\n${t}`), documentStatus(`Status: Accepted ${t.slice(0, 200)}`)],
  recordedKeysIn: (t) => recordedKeysIn(`x\n\nDrift-Key: ${t.slice(0, 2000)}\n${t}`),
  ownWords: (t) => [ownWords(t), ownWords(`drift(prod): backfill A=1\nReason: ${t}\n\n${t}`, 'A')],
  // The phrase at the text's middle, its end and its start: the words around it walked each way.
  passageAround: (t) => [
    passageAround(t, t.slice(t.length >> 1, (t.length >> 1) + 9)),
    passageAround(`${t} temporary`, 'temporary'),
    passageAround(`temporary ${t}`, 'temporary'),
  ],
  parseMessages: (t) => parseMessages(`\x1e${'a'.repeat(40)}\0\0Ana\0a@x\0${WRITTEN}\0${WRITTEN}\0${t.slice(0, 2000)}\0${t}\x1f`),
};

// Hostile texts: long runs of what the patterns' repetitions consume (words, spaces, dots, digits,
// an unclosed backtick or bracket), and of the phrases they look for, so every alternative starts.
export const HOSTILE: Record<string, (n: number) => string> = {
  words: (n) => 'staging only until the load test is done '.repeat(n / 41),
  spaces: (n) => `a${' '.repeat(n)}b`,
  tabsAndNewlines: (n) => ' \t\n'.repeat(n / 3),
  dots: (n) => '.'.repeat(n),
  digits: (n) => '1'.repeat(n),
  dates: (n) => 'until 25.11 30/11 2026-11-12 Q3 '.repeat(n / 32),
  versions: (n) => '1.2.3.4.5.'.repeat(n / 10),
  backticks: (n) => `\`${'a.b '.repeat(n / 4)}`,
  brackets: (n) => `(${'[x '.repeat(n / 3)}`,
  speakers: (n) => '[09:14] ben: ship it? '.repeat(n / 22),
  letters: (n) => 'a'.repeat(n),
  foreign: (n) => 'nur für staging bis 20.11. dann erst Prod '.repeat(n / 42),
  cjk: (n) => 'ステージングのみ'.repeat(n / 8),
  dashes: (n) => '- [ ] `x` -'.repeat(n / 11),
  // "^" with the m flag starts a line after U+2028 too: a pattern that scans "to the line's end" must stop there.
  separators: (n) => '\u2028fix: until '.repeat(n / 12),
  // A value's passwords: many URLs in one authority, settings and quotes left open, long blank runs.
  schemes: (n) => 'a://u:x'.repeat(n / 7),
  settings: (n) => "?password=a; password='a jdbc:oracle:t:/".repeat(n / 41),
  blanks: (n) => `pwd=a${' '.repeat(n / 2)}a${' '.repeat(n / 2)}=`,
  // A payload's credentials: JSON keys with escaped and unclosed quotes, YAML and .properties names.
  jsonKeys: (n) => '{"password": "a\\", \\"apiKey\\": \\"'.repeat(n / 36),
  escapes: (n) => `"token":"${'\\"'.repeat(n / 2)}`,
  yamlNames: (n) => "\n  - db.password: 'a\n  client_secret:".repeat(n / 38),
  indents: (n) => `\n${' \t'.repeat(n / 4)}password${' '.repeat(n / 2)}`,
};

/** Every text the stories hold (messages, comments, documents): what the readers meet in use. */
export function storyTexts(): string[] {
  const texts = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length > 12) texts.add(v);
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  const dir = fileURLToPath(new URL('../../fixtures/verdict-stories', import.meta.url));
  for (const f of readdirSync(dir)) if (f.endsWith('.yaml')) walk(parse(readFileSync(path.join(dir, f), 'utf8')));
  return [...texts];
}
