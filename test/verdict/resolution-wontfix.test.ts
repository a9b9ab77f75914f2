// Session 28 (spent holdout-25): two environments took a change ahead of the ticket it was for, and
// the ticket's record, committed later, is resolved as won't fix. A record resolved as not to be done
// calls its plan off, whatever label its status line wears (trackers write resolutions in their own
// words whatever the team's language): the environments that went ahead go back. The resolution is a
// part of the status's value on its own, never words inside a sentence. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { documentStatus } from '../../src/verdict/documents.js';

describe("a record resolved as won't fix calls its plan off", () => {
  it.each([
    ['Jira fields', "# PAY-88 Raise the refund cap\n\nStatus: Closed\nResolution: Won't Fix\n"],
    ['bold label, not planned', '# Bigger uploads\n\n**Status:** Closed — not planned (2026-05-02)\n'],
    ['German', '# Größere Uploads\n\n- Status: geschlossen – wird nicht umgesetzt\n'],
    ['French', '# Limite de téléversement\n\nRésolution : ne sera pas corrigé\n'],
    ['Dutch', '# Grotere uploads\n\nResolutie: wordt niet opgelost (12-05-2026)\n'],
    ['Swedish', '# Större uppladdningar\n\nStatus: stängd, åtgärdas inte\n'],
    ['a label in a language not read', '# OPS-12 Větší soubory\n\nStav: Uzavřeno / wontfix\n'],
  ])('%s', (_, text) => {
    expect(documentStatus(text)).toMatchObject({ decided: true, withdraws: true });
  });
});

describe('near misses: nothing called off', () => {
  it.each([
    ['fixed', '# PAY-88\n\nStatus: Closed\nResolution: Fixed\n'],
    ['words in a sentence', "# Notes on the retry\n\nSummary: raising the retry count won't fix the timeout, the pool size will\n"],
    ['a condition', '# Upload limit\n\nNext: if it is not planned by May, ask again\n'],
    ['open', '# Upload limit\n\nStatus: open\n'],
  ])('%s', (_, text) => {
    expect(documentStatus(text)?.withdraws).toBeFalsy();
  });
});

describe('the verdict: the environment that went ahead of the ticket goes back', () => {
  it('a later record resolved as not planned takes staging back, and production keeps its value', async () => {
    const { judge } = await import('./memory-story.js');
    const v = judge(
      'UPLOAD_MAX_MB',
      [
        { subject: 'upload config', date: '2026-02-01T09:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
        {
          subject: 'staging: upload limit 20 -> 50 (PAY-88)',
          body: 'ahead of the customer request',
          date: '2026-04-12T09:00:00Z',
          set: { staging: ['20', '50'] },
        },
        { subject: 'PAY-88 record', date: '2026-05-20T09:00:00Z', touched: ['docs/tickets/PAY-88.md'] },
      ],
      '2026-06-15',
      {},
      {
        documents: [
          {
            path: 'docs/tickets/PAY-88.md',
            text: '# PAY-88 Uploads up to 50 MB\n\nStatus: Closed — not planned (2026-05-20)\n\nThe CDN caps bodies at 20 MB.\n',
            step: 2,
          },
        ],
      },
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '20' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});
