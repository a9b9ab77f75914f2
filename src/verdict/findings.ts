// Evidence as the verdict gathers it: each finding is a structured item (for grouping) and a
// readable sentence (the reasons).
import type { Evidence, EvidenceKind } from '../model/types.js';

export type Weighed = 'dispute';

export class Findings {
  readonly evidence: Evidence[] = [];
  readonly reasons: string[] = [];
  questions: string[] = [];
  /** What a kind's rule has already weighed into its verdict, as data for the readers that come
   * after it (readers.ts), so no reader parses another rule's sentences: 'dispute' — a pasted
   * thread whose speakers disagree, or two notes that contradict each other (contradiction.ts). */
  readonly weighed = new Set<Weighed>();

  /** A finding that is evidence of a kind, and a reason. */
  add(kind: EvidenceKind, text: string, commit?: string): void {
    if (this.evidence.some((e) => e.kind === kind && e.text === text)) return;
    this.evidence.push({ kind, text, ...(commit ? { commit } : {}) });
    this.reasons.push(text);
  }

  /** A reason that is not evidence by itself (what to do, how the history reads). */
  say(text: string): void {
    this.reasons.push(text);
  }

  /** Where the findings stand now: `withdrawAdvice` takes back the advice given after it. */
  mark(): { reasons: number; questions: number } {
    return { reasons: this.reasons.length, questions: this.questions.length };
  }

  /** Takes back what was advised (not the evidence) since `mark`: a later rule overruled it, and
   * the reasons must not say both. */
  withdrawAdvice(since: { reasons: number; questions: number }): void {
    const evidence = new Set(this.evidence.map((e) => e.text));
    const kept = this.reasons.slice(since.reasons).filter((r) => evidence.has(r));
    this.reasons.splice(since.reasons, this.reasons.length - since.reasons, ...kept);
    this.questions = this.questions.slice(0, since.questions);
  }

  ask(question: string): void {
    if (!this.questions.includes(question)) this.questions.push(question);
  }
}
