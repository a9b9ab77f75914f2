import { ticketsIn, type CommitLog } from './log.js';

// A Kubernetes name is lower case, and people writing one often glue a ticket's prefix to its number
// (`breakglass-inc4471`, `chg20931-vendor-read`): the ticket is INC-4471 as much as in
// `plat-1310-breakglass`. A glued word is read as a ticket only where some commit cites that very
// ticket, so a name's `redis6`, `ipv4` or `s3` stays a word.
const GLUED = /(?<![a-z0-9])([a-z]{2,10})(\d{2,7})(?![a-z0-9])/g;

/** The tickets an object's name cites: written with their hyphen, or glued where the log cites them. */
export function ticketsOfName(name: string, log: CommitLog | undefined): string[] {
  const found = new Set(ticketsIn(name.toUpperCase()));
  if (log) {
    for (const m of name.toLowerCase().matchAll(GLUED)) {
      const ticket = `${m[1]!.toUpperCase()}-${m[2]!}`;
      if (log.byTicket.has(ticket)) found.add(ticket);
    }
  }
  return [...found];
}
