// Commit messages for tests that build a verdict's log by hand (the events their commits made are
// src/model/types.ts `eventOf`).
import type { Message } from '../../src/verdict/log.js';

/** Messages by one author, their shas counted up and padded with `fill`: each factory its own fill,
 * so that two factories' shas in one log never meet. */
export function messagesBy(author: string, email: string, fill: string): (date: string, subject: string, body?: string) => Message {
  let n = 0;
  return (date, subject, body = '') => ({ sha: (++n).toString(16).padStart(40, fill), parents: [], subject, body, author, email, date, committed: date });
}
