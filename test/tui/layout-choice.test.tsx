import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoverConfig, loadConfig } from '../../src/config/load.js';
import { layoutOffers, writeChosenLayout, type LayoutOffer } from '../../src/config/write-config.js';
import { scanRepository } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { createController } from '../../src/tui/controller.js';
import { promptLines, promptWindow } from '../../src/tui/presenter.js';
import { competingLayouts, layoutQuestion } from '../../src/tui/run.js';
import { COMPETING_LAYOUTS } from '../support/competing-layouts.js';
import { renderAt } from '../support/ink.js';
import { git, repoWithFiles } from '../support/repo.js';

// Without undrift.yaml, a repository where two layouts compete: the view asks which one holds the
// environments before it reads anything, writes undrift.yaml for the one chosen, then reads
// through it (a real scan of the real repository); esc keeps the one discovery took and writes
// nothing.

const ESC = '\u001b';
const ENTER = '\r';

let template: string;
let offers: LayoutOffer[];
beforeAll(async () => {
  template = await repoWithFiles(COMPETING_LAYOUTS);
  offers = (await competingLayouts(template))!.offers;
});

/** A fresh copy of the repository per test (each may write its undrift.yaml). */
async function freshRepo(): Promise<string> {
  const dir = path.join(path.dirname(template), `copy-${Math.random().toString(36).slice(2)}`);
  await git(path.dirname(template), 'clone', '-q', template, dir);
  return dir;
}

function mount(repo: string) {
  const loads: boolean[] = [];
  const controller = createController(
    {
      onExit: () => undefined,
      chooseLayout: (all, index) => writeChosenLayout(repo, all, index),
      // What the real view does once a layout is settled: the repository read as configured now.
      load: async (dispatch) => {
        loads.push(existsSync(path.join(repo, 'undrift.yaml')));
        const scan = await scanRepository({ repo, history: false, live: false });
        dispatch({ type: 'context', envs: scan.snapshot.environments, promotion: scan.config.promotion });
        dispatch({ type: 'data', divergences: scan.divergences });
        dispatch({ type: 'phase', source: 'repo', phase: { state: 'done' } });
      },
    },
    { repoName: 'api', size: () => ({ columns: 100, rows: 30 }) },
  );
  controller.offerLayouts(offers, 'the same confidence and number of environments: the convention listed first');
  return { ...renderAt(<App controller={controller} />, 100, 30), loads };
}

describe('choosing between competing layouts in the view', () => {
  it('finds the competing layouts only while there is no undrift.yaml', async () => {
    expect(offers.map((o) => o.layout)).toEqual(['values-<env>.yaml (staging, prod)', '.env.<env> (qa, production)']);
    expect(offers[0]!.environments).toEqual({ staging: ['values.yaml', 'values-staging.yaml'], prod: ['values.yaml', 'values-prod.yaml'] });
    expect(layoutOffers(await discoverConfig(template))).toEqual(offers);
    const repo = await freshRepo();
    await writeChosenLayout(repo, offers, 1);
    expect(await competingLayouts(repo)).toBeUndefined();
  });

  it('does not look for competing layouts before a kept list or with a configuration named', () => {
    // A kept list was read through undrift.yaml (a list read by discovery is never kept).
    expect(layoutQuestion({ config: undefined }, { kept: true })).toBe(false);
    expect(layoutQuestion({ config: 'other.yaml' }, { kept: false })).toBe(false);
    expect(layoutQuestion({ config: undefined }, { kept: false })).toBe(true);
    expect(layoutQuestion({ config: undefined })).toBe(true);
  });

  it('lists each layout with its stacks, writes undrift.yaml for the one chosen, then reads through it', async () => {
    const repo = await freshRepo();
    const { frame, press, waitFor, loads } = mount(repo);
    await waitFor('2 layouts found');
    const screen = frame();
    expect(screen).toContain('1. values-<env>.yaml (staging, prod), confidence 1');
    expect(screen).toContain('staging: values.yaml → values-staging.yaml');
    expect(screen).toContain('2. .env.<env> (qa, production), confidence 1');
    expect(screen).toContain('qa: .env.qa');
    expect(loads).toEqual([]); // nothing is read before the choice
    await press('j');
    await waitFor((f) => f.split('\n').some((l) => l.includes('› 2. .env.<env>')));
    await press(ENTER, /qa → production/);
    expect(loads).toEqual([true]);
    const config = await loadConfig(repo);
    expect(config.source).toBe('undrift.yaml');
    expect(Object.fromEntries(config.environments.map((e) => [e.name, e.files]))).toEqual({ qa: ['.env.qa'], production: ['.env.production'] });
    expect(await readFile(path.join(repo, 'undrift.yaml'), 'utf8')).toContain('# also found: values-<env>.yaml (staging, prod), confidence 1');
    expect(frame()).toContain('LOG');
  });

  it('counts the layouts the repository has: a combination of them is offered, not counted as one more', () => {
    // Two layouts and their combination were "3 layouts found".
    const combined: LayoutOffer = { layout: 'values-<env>.yaml + .env.<env> (staging, prod)', confidence: 1, environments: {}, combines: 2 };
    const title = (options: LayoutOffer[]) => promptLines({ kind: 'layout', options, selected: 0 }, 120)[0]!.text;
    expect(title([...offers, combined])).toBe('No undrift.yaml: 2 layouts found (also offered combined). Which one holds your environments?');
    expect(title([...offers, { ...offers[0]!, layout: 'config/<env>.yaml (staging, prod)' }, combined])).toMatch(
      /^No undrift.yaml: 3 layouts found \(2 of them also offered combined\)\./,
    );
    expect(title(offers)).toMatch(/^No undrift.yaml: 2 layouts found\./);
  });

  it("shows a combination's notes under its stacks: which file wins where two set a key", () => {
    const combined: LayoutOffer = {
      layout: 'values-<env>.yaml + .env.<env> (staging, production)',
      confidence: 1,
      environments: { production: ['values-production.yaml', '.env.production'] },
      notes: ["production: LOG is set by values-production.yaml and .env.production: .env.production's value wins"],
    };
    expect(promptLines({ kind: 'layout', options: [combined], selected: 0 }, 120).map((l) => l.text)).toContain(
      "     production: LOG is set by values-production.yaml and .env.production: .env.production's value wins",
    );
  });

  it('keeps the question and the highlighted layout in view when the layouts are taller than the pane (80×24)', () => {
    const lines = promptLines({ kind: 'layout', options: [...offers, ...offers, ...offers], selected: 0 }, 44);
    const first = promptWindow(lines, 12).map((l) => l.text);
    expect(first[0]).toMatch(/^No undrift.yaml: 6 layouts found/);
    expect(first.some((t) => t.startsWith('› 1. values-<env>.yaml'))).toBe(true);
    const last = promptWindow(promptLines({ kind: 'layout', options: [...offers, ...offers, ...offers], selected: 5 }, 44), 12).map((l) => l.text);
    expect(last.some((t) => t.startsWith('› 6. .env.<env>'))).toBe(true);
  });

  it('takes a layout by its number too', async () => {
    const repo = await freshRepo();
    const { press, waitFor } = mount(repo);
    await waitFor('2 layouts found');
    await press('1', /staging → prod/);
    const config = await loadConfig(repo);
    expect(config.environments.map((e) => e.name)).toEqual(['staging', 'prod']);
  });

  it('keeps the layout taken with esc, writing nothing', async () => {
    const repo = await freshRepo();
    const { press, waitFor, loads } = mount(repo);
    await waitFor('2 layouts found');
    await press(ESC, /staging → prod/);
    expect(loads).toEqual([false]);
    expect(existsSync(path.join(repo, 'undrift.yaml'))).toBe(false);
  });
});
