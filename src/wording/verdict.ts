// How a verdict's evidence, question and "needs a human" state are worded, for explain, the
// report and the TUI alike.
import type { Evidence, EvidenceKind, Verdict } from '../model/types.js';

/** At or below this confidence the evidence cannot decide: the verdict is shown as needing a
 * person. 0.5 is a coin flip, no decision. */
export const NEEDS_A_HUMAN = 0.5;

/** The one rule for the `?` mark and "needs a human", in the table, explain, the Markdown and
 * HTML reports and the interactive view alike. A question alone does not make it: a confident
 * verdict may still name what to check. */
export const needsHuman = (v: Verdict) => v.confidence <= NEEDS_A_HUMAN;

/** The groups evidence is shown in, in this order, with their headings. */
export const EVIDENCE_GROUPS: Array<{ kind: EvidenceKind; label: string }> = [
  { kind: 'order', label: 'What changed, in commit order' },
  { kind: 'intent', label: 'What the commits say' },
  { kind: 'ticket', label: 'Linked commits' },
  { kind: 'contract', label: 'Contract' },
  { kind: 'age', label: 'Age and deadlines' },
  { kind: 'version', label: 'Versions' },
  { kind: 'live', label: 'Live state' },
  { kind: 'quality', label: 'Quality of the evidence' },
];

/** The verdict's evidence by group (empty groups left out). */
export function groupedEvidence(v: Verdict): Array<{ label: string; items: Evidence[] }> {
  const evidence = v.evidence ?? [];
  return EVIDENCE_GROUPS.map(({ kind, label }) => ({ label, items: evidence.filter((e) => e.kind === kind) })).filter((g) => g.items.length > 0);
}

/** The reasons that are not evidence, nor already `said` (the divergence's notes, printed above
 * the verdict): what to do and why, in sentences, each once. */
export function conclusions(v: Verdict, said: readonly string[] = []): string[] {
  const shown = new Set([...(v.evidence ?? []).map((e) => e.text), ...said]);
  return v.reasons.filter((r) => !shown.has(r));
}

/** One line for the state: `needs a human — <question>`, or the question to check. */
export function questionLine(v: Verdict): string | undefined {
  if (needsHuman(v)) return `needs a human: ${v.question ?? 'the evidence cannot decide'}`;
  return v.question ? `to check: ${v.question}` : undefined;
}

/** `risk: a security or authentication setting` style words for the risk class. */
export function riskLabel(v: Verdict): string | undefined {
  return v.risk && v.risk !== 'none' ? `risk: ${v.risk}` : undefined;
}
