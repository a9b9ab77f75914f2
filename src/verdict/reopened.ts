// A ticket's latest state: one reported closed and then reopened ("OPS-131 … RIAPERTO 2027-02-26",
// "PSP-9 reopened", "rouvert") is open again, whatever the earlier report said. The readers that
// take a ticket's closing as a condition met (conditions.ts `conditionMet`, readers.ts' stated end)
// ask this before they move anything on it.
import type { CommitLog } from './log.js';
import { ticketsIn } from './log.js';
import { statusOf } from './answered.js';
import { documentIndex } from './documents.js';
import { logTexts } from './texts.js';
import { sentenceEnds } from './sentence-end.js';

const SENTENCES = sentenceEnds(/(?<=[.!?;])\s+|\n+/);

/** Whether a text written after the one of order `metOrder` (newer: a smaller order; not after today),
 * a commit's message or a committed document's passage, says `ticket` is open. */
export function reopenedSince(ticket: string, metOrder: number | undefined, log: CommitLog | undefined, today?: string): boolean {
  if (!log || metOrder === undefined) return false;
  const texts = [
    ...logTexts(log)
      .citing(ticket)
      .map((x) => ({ order: x.note.order, date: x.note.date, text: x.text })),
    ...documentIndex(log).flatMap((doc) => {
      const order = log.messages.get(doc.written.sha)?.order;
      if (order === undefined || !doc.tickets.has(ticket)) return [];
      return doc.passages.filter((p) => p.tickets.includes(ticket)).map((p) => ({ order, date: doc.written.date, text: p.text }));
    }),
  ];
  for (const { order, date, text } of texts) {
    if (order >= metOrder || (today && date.slice(0, 10) > today)) continue;
    for (const sentence of text.split(SENTENCES)) {
      if (ticketsIn(sentence).includes(ticket) && statusOf(sentence, date, [ticket])?.says === 'unmet') return true;
    }
  }
  return false;
}
