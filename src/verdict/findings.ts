// Evidence as the verdict gathers it: each finding is a structured item (for grouping) and a
// readable sentence (the reasons).
import type { Evidence, EvidenceKind } from '../model/types.js';

export class Findings {
  readonly evidence: Evidence[] = [];
  readonly reasons: string[] = [];
  questions: string[] = [];

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

  ask(question: string): void {
    if (!this.questions.includes(question)) this.questions.push(question);
  }
}
