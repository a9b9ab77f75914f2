// Session 23 (issue 10): a change undone in one environment by a commit citing its ticket is "left
// behind" where it still stands (revert there, 0.7) — unless the undo itself says that environment
// keeps it ("reverted in staging, leaving dev on to reproduce"): then the difference is the undo's
// own, declared and asked how long, never reverted with confidence. Situations and phrasings of
// their own, none from a verdict story; with the negatives: an undo that keeps another environment,
// or sends the rest back later.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-04';
const ENVS = ['dev', 'staging', 'prod'];
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

const steps = (body: string): Step[] => [
  { subject: 'gateway config', date: '2026-04-01T09:00:00Z', set: { dev: ['', 'false'], staging: ['', 'false'], prod: ['', 'false'] } },
  { subject: 'NET-31 enable http2 upstream (dev, staging)', date: '2026-11-20T10:00:00Z', set: { dev: ['false', 'true'], staging: ['false', 'true'] } },
  { subject: 'Revert "NET-31 enable http2 upstream" in staging', body, date: '2026-11-21T09:00:00Z', set: { staging: ['true', 'false'] } },
];

describe('an undo that keeps the environment it left', () => {
  it.each([
    'broke streaming in staging. leaving dev on to reproduce it.',
    'staging only: the LB drops h2 streams. Dev keeps it on for the repro, do not promote.',
    'In staging zurückgenommen. Dev bleibt an, damit wir den Fehler nachstellen können.',
  ])('"%s": declared, asked until when', (body) => {
    const v = judge('gateway.http2', steps(body), TODAY, {}, { envs: ENVS });
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null });
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.question).toMatch(/until when/);
  });

  it.each([
    // The undo names nothing kept in dev: dev was left behind.
    'broke streaming in staging.',
    // It keeps another environment, not dev.
    'broke streaming in staging; prod stays on http/1.1.',
  ])('"%s": dev was left behind, reverted', (body) => {
    const v = judge('gateway.http2', steps(body), TODAY, {}, { envs: ENVS });
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'dev', value: 'false' });
  });
});
