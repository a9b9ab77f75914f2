// `linkedPassages` reads only the texts holding one of a change's literals (documented.ts `linkTexts`,
// texts.ts `LiteralIndex`): the result must be exactly what reading every passage gives. Compared here on
// every kind of key and document link the readers know (document-reads.test.ts' cases and documents),
// in documents and in later messages, and on random mixes of their phrases; and the index itself against
// `includes` on random texts.
import { describe, expect, it } from 'vitest';
import { buildLog, ticketsIn, type Document, type Message } from '../../src/verdict/log.js';
import { linkedPassages, type ChangeLink } from '../../src/verdict/documented.js';
import { LiteralIndex } from '../../src/verdict/texts.js';
import { changeOf, COFFEE_DOC, LINK_CASES, LINKING_DOCS, message, ON_CALL_DOC, type Case } from './link-cases.js';

const CASES: Case[] = [
  ...LINK_CASES,
  { key: 'ingest.batch.size', from: '500', to: '1000', subject: 'uat: ingest batch 1000 for the nightly load test (LOAD-7)' },
  { key: 'checkout.guestEnabled', from: 'false', to: 'true', subject: 'guests may buy' },
  // Linked by one kind of literal alone (each phrase below names nothing else of its key): the subject restated,
  // the key's last word with its environment and an old value, the new value whole, the feature by its words.
  { key: 'ingest.batch.size', from: '500', to: '1000', subject: 'uat: nightly soak of the reporting cluster' },
  { key: 'bulk.export.enabled', from: 'false', to: 'true', subject: 'try' },
  { key: 'db.s3Bucket', from: 'eu-logs-1', to: 'us-logs-2', subject: 'move logs' },
  { key: 'ünïcode.grüße', from: 'straße', to: 'STRASSE', subject: 'Grüße an die Straße' },
];

// Every phrase family the readers link by, and text naming nothing.
const PHRASES = [
  ...LINKING_DOCS,
  '# Ingest batch 1000 — nightly load test, uat\n\nResult: inconclusive.',
  'Checkout for guests is on in staging now. LOAD-7 stays open.',
  '- OPS-911: rotate keys. Go for prod.\n- PRICE-42: dollars everywhere',
  'Die Grüße der STRASSE in staging.',
  '| key | staging | production |\n| --- | --- | --- |\n| replicas | 5 | 3 |',
  'Nightly soak of the reporting cluster went fine.',
  'The bucket in staging is eu-logs-1 again.',
  'Bulk export is on in staging.',
  'Calls go to https://pay-v2.example.com/api since Monday.',
  ON_CALL_DOC,
  COFFEE_DOC,
];

/** A deterministic pseudo-random sequence. */
function random(seed: number) {
  return (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
}

function logOf(c: Case, documents: Document[], later: Message[]) {
  const events = changeOf(c);
  const messages = [message('c0', 'initial', '2026-10-01T10:00:00Z'), message('c1', c.subject, '2026-11-16T10:00:00Z'), ...later];
  // The documents are written by later commits (d…), each in the log.
  for (const doc of documents) if (!messages.some((m) => m.sha === doc.sha)) messages.push(message(doc.sha, `docs: ${doc.path}`, '2026-11-20T10:00:00Z'));
  return buildLog(new Map([['staging', new Map([[c.key, events]])]]), messages, documents);
}

function change(c: Case, full: boolean): ChangeLink {
  return full
    ? {
        key: c.key,
        values: [c.to],
        tickets: ticketsIn(c.subject),
        env: 'staging',
        date: '2026-11-16T10:00:00Z',
        author: 'Kofi Mensah',
        allValues: [c.from, c.to],
        subject: c.subject,
        environments: ['staging', 'production'],
      }
    : { key: c.key, values: [c.to], tickets: ticketsIn(c.subject) };
}

/** Both ways, with and without the later messages, for the change as `laterWords` and `documentedMove` ask it. */
function expectSame(c: Case, documents: Document[], later: Message[], kinds = new Set<string>()): number {
  const log = logOf(c, documents, later);
  let found = 0;
  for (const full of [true, false])
    for (const withMessages of [true, false]) {
      const indexed = linkedPassages(change(c, full), log, withMessages);
      expect(indexed, `${c.key} (${full ? 'full' : 'short'}, messages ${withMessages})`).toEqual(linkedPassages(change(c, full), log, withMessages, true));
      found += indexed.length;
      for (const p of indexed) kinds.add(p.link);
    }
  return found;
}

describe('linkedPassages through the literal index', () => {
  it('links exactly what reading every passage links: each phrase as a document and as a later message, for every kind of key', () => {
    let found = 0;
    const kinds = new Set<string>();
    for (const c of CASES) {
      const documents = PHRASES.map((text, i): Document => ({ path: `docs/note-${i}.md`, text, sha: `d${i}` }));
      found += expectSame(c, documents, [], kinds);
      const later = PHRASES.map((text, i) =>
        message(`m${i}`, text.split('\n')[0]!, '2026-11-2' + (i % 9) + 'T10:00:00Z', text.split('\n').slice(1).join('\n')),
      );
      found += expectSame(c, [], later, kinds);
    }
    // The comparison saw links of every kind, not only empty lists.
    expect(found).toBeGreaterThan(50);
    expect([...kinds].sort()).toEqual(['feature', 'key', 'subject', 'ticket', 'value', 'words']);
  });

  it('links exactly what reading every passage links on random mixes of the phrases, keys and values', () => {
    const next = random(17);
    const words = [...PHRASES.join(' ').split(/\s+/), ...CASES.flatMap((c) => [c.from, c.to, c.key, c.key.toUpperCase(), ...c.subject.split(' ')])];
    let found = 0;
    for (let round = 0; round < 60; round++) {
      const c = CASES[next(CASES.length)]!;
      const text = () =>
        Array.from({ length: 3 + next(4) }, () => Array.from({ length: 4 + next(12) }, () => words[next(words.length)]).join(next(5) === 0 ? '\n' : ' ')).join(
          next(2) ? '\n\n' : '\n- ',
        );
      const documents = Array.from({ length: 1 + next(4) }, (_, i): Document => ({
        path: `docs/${next(2) ? c.key.split('.')[0] : 'mix'}-${i}.md`,
        text: text(),
        sha: `d${i}`,
      }));
      const later = Array.from({ length: next(4) }, (_, i) => message(`m${i}`, text().split('\n')[0]!, '2026-11-25T10:00:00Z', text()));
      found += expectSame(c, documents, later);
    }
    expect(found).toBeGreaterThan(20);
  });

  it("links exactly what reading every passage links where the change's own commit wrote a document and messages came before it", () => {
    // The index's texts are gone through by position (documents, then messages): a document the
    // change's commit (c1) wrote is read whole whatever it holds, and messages written before the
    // change are not read; phrases naming nothing of the key stand beside them.
    let found = 0;
    const kinds = new Set<string>();
    for (const c of CASES) {
      const documents: Document[] = [
        { path: 'docs/mix-0.md', text: COFFEE_DOC, sha: 'd0' },
        { path: 'docs/change/own.md', text: 'Why: the numbers of last week.\n\nNothing else here.', sha: 'c1' },
        ...PHRASES.slice(0, 4).map((text, i): Document => ({ path: `docs/note-${i}.md`, text, sha: `d${i + 1}` })),
      ];
      const later = PHRASES.map((text, i) =>
        message(
          `m${i}`,
          text.split('\n')[0]!,
          i % 2 ? '2026-11-1' + (i % 6) + 'T09:00:00Z' : '2026-11-2' + (i % 9) + 'T10:00:00Z',
          text.split('\n').slice(1).join('\n'),
        ),
      );
      found += expectSame(c, documents, later, kinds);
      // The own document is linked (as the change's text), though it names nothing of the key.
      expect(linkedPassages(change(c, true), logOf(c, documents, later), true).some((p) => p.file === 'docs/change/own.md')).toBe(true);
    }
    expect(found).toBeGreaterThan(50);
  });
});

describe('LiteralIndex', () => {
  it('lists the texts whose lower case holds a literal, as includes says, once each and in order', () => {
    const next = random(5);
    const alphabet = 'ab-.é\n 1';
    const texts = Array.from({ length: 40 }, () => Array.from({ length: next(30) }, () => alphabet[next(alphabet.length)]).join(''));
    const index = new LiteralIndex(texts);
    for (let i = 0; i < 400; i++) {
      const literal = Array.from({ length: next(4) }, () => alphabet[next(alphabet.length)]).join('');
      const expected = texts.flatMap((t, j) => (t.includes(literal) ? [j] : []));
      expect(index.holding(literal), JSON.stringify(literal)).toEqual(expected);
    }
    // A literal holding the separator cannot be answered from the joined text.
    expect(index.holding('a\0b')).toBeUndefined();
  });
});
