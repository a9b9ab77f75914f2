// Whether a changed document can concern a kept verdict (src/verdict/document-reads.ts), asked of
// the verdict's own linking tests as the oracle: wherever a rule that finds documents for a
// divergence (`linkedPassages` for each change of its key, `passagesAbout`, `passagesNaming`) finds
// a passage of the document, the answer must be yes — so a link kind a verdict engineer adds to
// those readers without this test knowing it fails here. And it must stay narrow: a document that
// none of them link, on a key it names nothing of, is no.
import { describe, expect, it } from 'vitest';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, ticketsIn, type Document } from '../../src/verdict/log.js';
import { linkedPassages } from '../../src/verdict/documented.js';
import { passagesAbout, passagesNaming } from '../../src/verdict/documents.js';
import { changedDocuments, documentsMayChange } from '../../src/verdict/document-reads.js';
import { ReadRecorder } from '../../src/verdict/reads.js';
import { explain } from '../../src/verdict/verdict.js';
import { changeOf, COFFEE_DOC, facts, LINK_CASES, LINKING_DOCS, message, ON_CALL_DOC, type Case } from './link-cases.js';

const ENVS = ['staging', 'production'];

const CASES = LINK_CASES;

// Documents of every phrase family the readers link by, and some that name nothing.
const DOCS = [...LINKING_DOCS, ON_CALL_DOC, 'Rotate the on-call rota every Monday.', COFFEE_DOC];

function divergence(c: Case): Divergence {
  return {
    id: c.key,
    key: c.key,
    kind: 'cross-env',
    severity: 'drift',
    envs: ENVS,
    values: {
      staging: { repo: c.to, live: null, at: null, type: 'string' },
      production: { repo: c.from, live: null, at: null, type: 'string' },
    },
    declared: false,
    contract: null,
    notes: [],
  };
}

describe("a changed document and the verdict's own linking tests", () => {
  it('is yes wherever a reader finds a passage of it for the divergence, and no where none links it and it names nothing of the key', () => {
    const linked = new Map<string, number>();
    let unlinked = 0;
    for (const [i, text] of DOCS.entries()) {
      const doc: Document = { path: `docs/note-${i}.md`, text, sha: 'd1' };
      const changed = changedDocuments([], [doc]);
      for (const c of CASES) {
        const events = changeOf(c);
        const messages = [
          message('c0', 'initial', '2026-10-01T10:00:00Z'),
          message('c1', c.subject, '2026-11-16T10:00:00Z'),
          message('d1', 'notes', '2026-11-20T10:00:00Z'),
        ];
        const log = buildLog(new Map([['staging', new Map([[c.key, events]])]]), messages, [doc]);
        const d = divergence(c);
        const byReaders =
          linkedPassages(
            {
              key: c.key,
              values: [c.to],
              tickets: ticketsIn(c.subject),
              env: 'staging',
              date: events[0]!.date,
              author: events[0]!.author,
              allValues: [c.from, c.to],
              subject: c.subject,
            },
            log,
          ).length > 0 ||
          passagesAbout(c.key, log, true).length > 0 ||
          passagesNaming([c.from, c.to], log).length > 0;
        const answer = documentsMayChange(changed, d, events, { keys: [], tickets: [], commits: [], documents: [] }, log, ENVS);
        if (byReaders) {
          linked.set(c.key, (linked.get(c.key) ?? 0) + 1);
          expect(answer, `${c.key} and ${JSON.stringify(text)}: a reader links it`).toBe(true);
        } else if (!answer) unlinked++;
      }
    }
    // The oracle met every case above at least once, and most pairs are told apart.
    expect(CASES.filter((c) => !linked.has(c.key)).map((c) => c.key)).toEqual([]);
    expect(unlinked).toBeGreaterThan((DOCS.length * CASES.length) / 2);
    // The documents naming nothing of any key concern none of them.
    for (const text of DOCS.slice(-3)) {
      const doc: Document = { path: 'docs/other.md', text, sha: 'd1' };
      for (const c of CASES) {
        const events = changeOf(c);
        const log = buildLog(
          new Map([['staging', new Map([[c.key, events]])]]),
          [message('c1', c.subject, '2026-11-16T10:00:00Z'), message('d1', 'notes', '2026-11-20T10:00:00Z')],
          [doc],
        );
        expect(
          documentsMayChange(changedDocuments([doc], []), divergence(c), events, { keys: [], tickets: [], commits: [], documents: [] }, log, ENVS),
          `${c.key}: ${text}`,
        ).toBe(false);
      }
    }
  });

  it('a verdict that looked into a document, or went through the documents themselves, is weighed again when it changes', () => {
    const c = CASES[0]!;
    const events: HistoryEvent[] = [
      { ...facts(c.subject, '2026-11-16T10:00:00Z'), commit: 'c1', file: c.file ?? 'config/staging.yaml', from: c.from, to: c.to, merge: false, revert: false },
    ];
    const before: Document = { path: 'docs/on-call.md', text: 'Page the platform team first.', sha: 'd1' };
    const after: Document = { ...before, text: 'Page the payments team first.', sha: 'd2' };
    const log = buildLog(new Map([['staging', new Map([[c.key, events]])]]), [message('c1', c.subject, '2026-11-16T10:00:00Z')], [after]);
    const changed = changedDocuments([before], [after]);
    const reads = (documents?: string[]) => ({ keys: [], tickets: [], commits: [], ...(documents ? { documents } : {}) });
    expect(documentsMayChange(changed, divergence(c), events, reads([]), log, ENVS)).toBe(false);
    expect(documentsMayChange(changed, divergence(c), events, reads(['docs/on-call.md']), log, ENVS)).toBe(true);
    expect(documentsMayChange(changed, divergence(c), events, reads(['\0any']), log, ENVS)).toBe(true);
    // Kept before documents were recorded.
    expect(documentsMayChange(changed, divergence(c), events, reads(), log, ENVS)).toBe(true);
    expect(documentsMayChange([], divergence(c), events, reads(), log, ENVS)).toBe(false);
  });
});

// A verdict weighed while a document of ordinary prose existed, then a new document of ordinary prose
// sharing its words ("router", "cold", "restart") but naming nothing of the key, its values or
// tickets: no kept verdict is weighed again. Each verdict is weighed by the rules themselves through
// the recording view (reads.ts), as a scan keeps it; weighed again with the new document, it is the
// same. (On the bench's Helm corpus a second runbook re-weighed 3,347 of 3,383 verdicts: every
// verdict had recorded the first runbook as looked into, since a linker went through every passage
// of every document, and the two runbooks share words.)
describe('a document of ordinary prose after another', () => {
  const EXISTING = '# On call\n\nRestart the router when the cache is cold. Page the platform team first.\n';
  const PROSE = [
    'cold\n',
    'Restart the router.\n',
    '# Runbook\n\nWhen the cache is cold, restart the router and page the platform team.\n',
    'Der Router wird neu gestartet, wenn der Cache kalt ist.\n',
    // The words of the notes the comparison writes on every divergence, which no rule reads.
    'Config must be equal everywhere unless the contract says otherwise.\n',
  ];
  it('weighs again no verdict whose key, values, tickets and words it does not name', () => {
    for (const c of CASES) {
      const events = changeOf(c);
      const messages = [
        message('c1', c.subject, '2026-11-16T10:00:00Z'),
        message('d1', 'on-call notes', '2026-11-20T10:00:00Z'),
        message('d2', 'notes', '2026-11-25T10:00:00Z'),
      ];
      const existing: Document = { path: 'docs/on-call.md', text: EXISTING, sha: 'd1' };
      const weigh = (documents: Document[]) => {
        const log = buildLog(new Map([['staging', new Map([[c.key, events]])]]), messages, documents);
        const recorder = new ReadRecorder(log);
        // With the note compare.ts writes on a divergence the contract does not declare.
        const d = { ...divergence(c), notes: [`not declared in the contract, so it must be equal everywhere: staging "${c.to}", production "${c.from}"`] };
        return {
          log,
          d,
          ...recorder.during(() =>
            explain(d, { staging: events, production: [] }, { promotion: ENVS, environments: ENVS, today: '2026-12-03', log: recorder.log }),
          ),
        };
      };
      const kept = weigh([existing]);
      for (const text of PROSE) {
        const added: Document = { path: 'docs/runbook.md', text, sha: 'd2' };
        const now = weigh([existing, added]);
        expect(now.result, `${c.key} and ${JSON.stringify(text)}: the verdict is the same`).toEqual(kept.result);
        expect(
          documentsMayChange(changedDocuments([existing], [existing, added]), kept.d, events, kept.reads, now.log, ENVS),
          `${c.key} and ${JSON.stringify(text)} (read: ${JSON.stringify(kept.reads.documents)})`,
        ).toBe(false);
      }
    }
  });
});
