import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { explainKey, renderExplanation } from '../../src/report/explain.js';
import { PLAIN } from '../../src/report/style.js';
import { buildScenario } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/scenario.js';
import { detailLines } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import { git, repoFromScenario, tempDir } from '../support/repo.js';

let scan: Scan;
beforeAll(async () => {
  const repo = await tempDir();
  await buildScenario(await loadScenario('payment-service'), repo);
  scan = await scanRepository({ repo, historyCache: false });
}, 120_000);

const historyOf = (key: string, kind: string) => {
  const state = initialState({ repoName: 'demo', envs: scan.snapshot.environments, divergences: scan.divergences });
  const d = scan.divergences.find((x) => x.key === key && x.kind === kind)!;
  const lines = detailLines(state, d, 200).map((l) => l.text.trim());
  return lines.slice(lines.findIndex((l) => l.startsWith('History')) + 1).filter((l) => /^\d{4}-/.test(l));
};

describe('the interactive view’s timeline: one per key, shared with the report', () => {
  it('shows every divergence of the key together: every environment’s commits and live writes, to the minute in UTC, newest first', () => {
    // The live-drift row of production shows staging's misfiled commit too: the key has one timeline.
    const rows = historyOf('PAYMENT_GATEWAY_TIMEOUT_MS', 'live-drift');
    // A live write records no value before it: the environment's previous live record gives it
    // (staging ran 10000 since Helm revision 21); `staging live → 10000` said nothing of it.
    expect(rows[0]).toMatch(/^2026-11-03 10:02 staging live 10000 \(unchanged\) {2}deploy by helm \(at or before\)$/);
    expect(rows).toContainEqual(expect.stringMatching(/^2026-07-14 01:52 staging 3000 → 10000 {2}[0-9a-f]{7} Dana Whitfield: Raise payment gateway timeout/));
    expect(rows).toContainEqual('2026-07-14 00:31 production live 3000 → 10000  hand edit by kubectl-edit (at or before)');
    // Nothing recorded before the oldest release kept.
    expect(rows).toContainEqual('2026-05-20 09:02 production live 3000 (first recorded)  deploy by helm, revision 11');
    expect(rows.slice(-2)).toEqual([
      expect.stringMatching(/^2026-02-02 08:14 production absent → 3000 {2}[0-9a-f]{7} Priya Raman: /),
      expect.stringMatching(/^2026-02-02 08:14 staging absent → 3000 {2}[0-9a-f]{7} Priya Raman: /),
    ]);
    expect(historyOf('PAYMENT_GATEWAY_TIMEOUT_MS', 'cross-env')).toEqual(rows);
  });

  it('without history (--no-history) says history is not read, not that it is loading', () => {
    // (Every demo row has a live writer now, the permission row too, whose grant's writer dates it:
    // rows without one are made by leaving the writers out.)
    const bare = scan.divergences.map(({ history: _history, verdict: _verdict, provenance: _provenance, ...d }) => d);
    const state = initialState({ repoName: 'demo', envs: scan.snapshot.environments, divergences: bare });
    expect(state.loading.history.state).toBe('off');
    // Keys with no live event either: nothing to show but why.
    const texts = bare.map((d) => detailLines(state, d, 200).map((l) => l.text.trim()));
    expect(texts.filter((shown) => shown.includes('history is not read (--no-history)')).length).toBeGreaterThan(0);
    expect(texts.flat().filter((l) => l.includes('still loading'))).toEqual([]);
  });

  it('shows the rollouts the cluster kept, with their revisions', () => {
    const rows = historyOf('Deployment/payment-service.containers[name=app].image', 'artifact');
    expect(rows).toContainEqual(
      // The value once (it read "1.8.1 → 1.8.1").
      '2026-07-14 00:12 production live registry.acme-payments.example/payment-service:1.8.1 (unchanged)  restart by kubectl-rollout, revision 26',
    );
    expect(rows.filter((r) => /revision \d+$/.test(r))).toHaveLength(8);
  });

  it('says each reason of the verdict once: the evidence grouped, then only the reasons it does not already hold', () => {
    const state = initialState({ repoName: 'demo', envs: scan.snapshot.environments, divergences: scan.divergences });
    for (const d of scan.divergences) {
      const lines = detailLines(state, d, 200).map((l) => l.text.trim());
      const verdict = lines.slice(
        lines.findIndex((l) => l.startsWith('Verdict:')),
        lines.findIndex((l) => l.startsWith('History')),
      );
      const sentences = verdict.filter((l) => l.startsWith('•')).map((l) => l.replace(/^• /, '').replace(/ \([0-9a-f]{7}\)$/, ''));
      expect(sentences.length, d.key).toBeGreaterThan(0);
      expect(
        sentences.filter((s, i) => sentences.indexOf(s) !== i),
        `${d.key} (${d.kind})`,
      ).toEqual([]);
    }
  });
});

describe('the interactive view’s timeline marks what a reader should doubt', () => {
  const rowsOf = async (repo: string) => {
    const result = await scanRepository({ repo, historyCache: false, live: false });
    const state = initialState({ repoName: 'flags', envs: result.snapshot.environments, divergences: result.divergences });
    const lines = detailLines(
      state,
      result.divergences.find((d) => d.key === 'A')!,
      200,
    ).map((l) => l.text.trim());
    return lines.slice(lines.findIndex((l) => l.startsWith('History')) + 1).filter((l) => /^\d{4}-/.test(l));
  };
  const both = (staging: string, production: string) => ({ 'config/staging.yaml': staging, 'config/production.yaml': production });

  it('a change read across a version of the file that did not parse, and the first commit of a shallow clone', async () => {
    const repo = await repoFromScenario({
      commits: [
        { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'create', write: both('A: 1\nB: 1\n', 'A: 1\nB: 1\n') },
        { at: '2026-01-02T10:00:00Z', author: 'ben', message: 'break it', write: { 'config/staging.yaml': 'A: 2\nB: [1\n' } },
        { at: '2026-01-03T10:00:00Z', author: 'ben', message: 'fix it', write: { 'config/staging.yaml': 'A: 2\nB: 1\n' } },
      ],
    });
    const rows = await rowsOf(repo);
    expect(rows[0]).toMatch(/^2026-01-03 10:00 staging 1 → 2 {2}[0-9a-f]{7} Ben Ode: fix it \[across unparseable version\]$/);
    expect(rows.filter((r) => r.includes('['))).toHaveLength(1);

    const shallow = `${await tempDir()}/shallow`;
    await git('/', 'clone', '--quiet', '--depth', '1', `file://${repo}`, shallow);
    const cut = await rowsOf(shallow);
    // The boundary commit holds the values: they were there before it (`absent → 1` said the
    // commit added them, against the verdict's "how they came to differ lies before it").
    expect(cut).toEqual([
      expect.stringMatching(/^2026-01-03 10:00 production 1 {2}[0-9a-f]{7} Ben Ode: fix it \[shallow boundary\]$/),
      expect.stringMatching(/^2026-01-03 10:00 staging 2 {2}[0-9a-f]{7} Ben Ode: fix it \[shallow boundary\]$/),
    ]);
    const scan = await scanRepository({ repo: shallow, historyCache: false, live: false });
    const explained = renderExplanation(explainKey(scan, 'A')!, PLAIN);
    expect(explained).toMatch(/^ {2}2026-01-03 10:00 {2}production {2}1 {2}[0-9a-f]{7} Ben Ode: fix it \[shallow boundary\]$/m);
    expect(explained).not.toContain('absent');
  });
});
