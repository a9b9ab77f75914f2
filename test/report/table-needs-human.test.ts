// The scan table shows which suggestions the evidence cannot decide ("needs a human", 0.5 or
// below), and the reports and the interactive view draw that line where the table does.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { renderTable } from '../../src/report/table.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { explainKey, renderExplanation } from '../../src/report/explain.js';
import type { Divergence } from '../../src/model/types.js';
import { detailLines } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import { PLAIN } from '../../src/report/style.js';
import { repoFromScenario } from '../support/repo.js';

const CONFIG = 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [staging, production]\n';

describe('the scan table', () => {
  it('marks a suggestion at or below 0.5 as needing a human, explains the mark once, and leaves confident rows unmarked', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            'undrift.yaml': CONFIG,
            'config/staging.yaml': 'QUEUE_DEPTH: 10\nSUPPORT_EMAIL: help@example.test\n',
            'config/production.yaml': 'QUEUE_DEPTH: 10\nSUPPORT_EMAIL: help@example.test\n',
          },
        },
        { at: '2026-01-10T10:00:00Z', author: 'ben', message: 'Update staging.yaml', set: { 'config/staging.yaml': { QUEUE_DEPTH: 40 } } },
        {
          at: '2026-01-11T10:00:00Z',
          author: 'ben',
          message: 'fix typo in the support address',
          set: { 'config/staging.yaml': { SUPPORT_EMAIL: 'support@example.test' } },
        },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-01-20' });
    const table = renderTable(scan, PLAIN, 140);
    const row = (key: string) => table.split('\n').find((l) => l.includes(key))!;
    expect(scan.divergences.find((d) => d.key === 'QUEUE_DEPTH')!.verdict!.confidence).toBeLessThan(0.5);
    expect(row('QUEUE_DEPTH')).toMatch(/ \? (declare|backfill|revert)/);
    expect(scan.divergences.find((d) => d.key === 'SUPPORT_EMAIL')!.verdict!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(row('SUPPORT_EMAIL')).not.toMatch(/ \? /);
    expect(table.split('\n').filter((l) => l.startsWith('? needs a human'))).toHaveLength(1);
    expect(table).toContain('? needs a human: confidence 0.5 or below, the evidence cannot decide');

    // 0.50 is a coin flip: marked like 0.45 everywhere. 0.51 with a question to check is not
    // marked: the question is shown, the verdict is not called undecided.
    const at = (d: Divergence, confidence: number, question?: string): Divergence => ({
      ...d,
      verdict: { ...d.verdict!, confidence, ...(question ? { question } : {}) },
    });
    const edge = {
      ...scan,
      divergences: scan.divergences.map((d) => (d.key === 'QUEUE_DEPTH' ? at(d, 0.5) : at(d, 0.51, 'was the typo fixed in production too?'))),
    };
    const edgeRow = (key: string) =>
      renderTable(edge, PLAIN, 140)
        .split('\n')
        .find((l) => l.includes(key))!;
    expect(edgeRow('QUEUE_DEPTH')).toMatch(/ \? \w+.* \(0\.50\)$/);
    expect(edgeRow('SUPPORT_EMAIL')).not.toMatch(/ \? /);
    const summary = (md: string, key: string) => md.split('\n').find((l) => l.startsWith('| ') && l.includes(`\`${key}\``))!;
    const md = renderMarkdown(edge);
    expect(summary(md, 'QUEUE_DEPTH')).toMatch(/\| 0\.50 · needs a human \|$/);
    expect(summary(md, 'SUPPORT_EMAIL')).toMatch(/\| 0\.51 \|$/);
    const html = renderHtml(edge);
    expect(html.match(/<span class="needs">needs a human<\/span>/g)).toHaveLength(1);
    expect(html).toContain('To check: was the typo fixed in production too?');
    expect(renderExplanation(explainKey(edge, 'QUEUE_DEPTH')!, PLAIN)).toContain('(0.50) — needs a human');
    expect(renderExplanation(explainKey(edge, 'SUPPORT_EMAIL')!, PLAIN)).not.toContain('needs a human');
    // The interactive view's detail pane, by the same rule.
    const state = initialState({ repoName: 'edge', envs: edge.snapshot.environments, divergences: edge.divergences });
    const detail = (key: string) =>
      detailLines(
        state,
        edge.divergences.find((d) => d.key === key)!,
        120,
      ).map((l) => l.text);
    expect(detail('QUEUE_DEPTH')).toContainEqual(expect.stringContaining('NEEDS A HUMAN'));
    expect(detail('SUPPORT_EMAIL')).not.toContainEqual(expect.stringContaining('NEEDS A HUMAN'));
    expect(detail('SUPPORT_EMAIL')).toContainEqual(expect.stringContaining('? was the typo fixed in production too?'));
  });
});
