// Where a hand edit itself removed a key, a later word to remove it ("remove FOO from staging too") is
// the edit's own act again, for another place or reported: it follows the edit. Read as its undo, the
// verdict put the removed key back in production at 0.65 on a note asking to remove it elsewhere.
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { handEditedLive, documentCommit, why } from './log-builders.js';

const ENVS = ['staging', 'production'];
function judge(live: string | null, text: string) {
  const d = handEditedLive('FEATURE_LEGACY_EXPORT', 'production', 'true', live as string, 'kubectl-set', '2026-11-01T10:00:00Z');
  const doc = documentCommit('b', '2026-11-03T10:00:00Z', 'notes', ['docs/notes.md']);
  const log = buildLog(new Map(), [doc], [{ path: 'docs/notes.md', text, sha: doc.sha }]);
  return explain(d, {}, { promotion: ENVS, environments: ENVS, today: '2026-11-12', log });
}

describe('the key removed by hand: a word to remove it is no undo', () => {
  it.each([
    '# Legacy exporter\n\nThe exporter is gone. FEATURE_LEGACY_EXPORT was removed from production live; remove FEATURE_LEGACY_EXPORT from staging too.\n',
    '# Cleanup\n\n- remove FEATURE_LEGACY_EXPORT in staging as well\n',
    '# Cleanup\n\n- drop FEATURE_LEGACY_EXPORT everywhere, the exporter is retired\n',
    '# Follow-ups\n\n- delete FEATURE_LEGACY_EXPORT from the staging values next sprint\n',
  ])('%s: never put back', (text) => {
    const v = judge(null, text);
    expect(v.suggested === 'revert' && v.value === 'true', why(v)).toBe(false);
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe('near misses: the edit set a value, and removing the override undoes it', () => {
  it.each([
    '# Incident over\n\n- remove the FEATURE_LEGACY_EXPORT override in production\n',
    '# Incident over\n\n- drop the FEATURE_LEGACY_EXPORT override, the repo value applies again\n',
  ])('%s: revert to the file', (text) => {
    const v = judge('false', text);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: 'true' });
  });
});
