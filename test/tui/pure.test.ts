import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, MODE_TITLES, commandFor, footerCommands, keyTableMarkdown, type Controller } from '../../src/tui/commands.js';
import { QUIET_AFTER_KEY_MS, createController, quietDispatch } from '../../src/tui/controller.js';
import { feedInput } from '../../src/tui/input.js';
import { safeText, widthOf, wrapLines } from '../../src/tui/text.js';
import { footerLine, helpLines, listRows, releaseLines } from '../../src/tui/presenter.js';
import { initialState, selectedItem, type Action, type Mode } from '../../src/tui/state.js';
import type { Divergence, DivergenceValue, LiveArtifact, LiveState } from '../../src/model/types.js';

// The view's pure parts in one file (one module graph loaded, not five): keys fed to the
// command table, terminal text, the command table and the README's key table, presenter lines,
// and the dispatch that holds progress back while keys are pressed.

/** Reads from a terminal as a loaded machine delivers them: keys that arrive together. */
describe('keys that arrive in one read', () => {
  const form = () => {
    const c = createController({ onExit: () => undefined }, { repoName: 'r', envs: ['a', 'b'], divergences: [] });
    c.store.dispatch({
      type: 'prompt',
      prompt: {
        kind: 'form',
        title: 'Declare',
        lines: [],
        fields: [
          { name: 'reason', label: 'reason', value: '' },
          { name: 'owner', label: 'owner', value: '' },
          { name: 'expires', label: 'expires', value: '' },
        ],
        field: 0,
        ids: [],
      },
    });
    return c as Controller & { store: ReturnType<typeof createController>['store'] };
  };
  const fields = (c: ReturnType<typeof form>) => {
    const p = c.store.getState().ui.prompt;
    return p?.kind === 'form' ? p.fields.map((f) => f.value) : [];
  };

  it('a tab with text around it moves to the next field and the text stays in its own field', () => {
    const c = form();
    feedInput(c, 'rollout\tauth-team', { tab: true });
    expect(fields(c)).toEqual(['rollout', 'auth-team', '']);
  });

  it('backspaces inside typed text take characters away; a plain tab alone moves too', () => {
    const c = form();
    feedInput(c, 'abc\u007f\u007fz', {});
    feedInput(c, '\t', { tab: true });
    feedInput(c, 'me', {});
    expect(fields(c)).toEqual(['az', 'me', '']);
  });

  it('esc and q read together (Ink calls it Alt+q) close the help, then quit', () => {
    const exits: string[] = [];
    const c = createController({ onExit: (line) => exits.push(line) }, { repoName: 'r', envs: ['a', 'b'], divergences: [] });
    c.store.dispatch({ type: 'overlay', overlay: 'help' });
    feedInput(c, 'q', { meta: true });
    expect(c.store.getState().ui.overlay).toBeUndefined();
    expect(c.store.getState().ui.helpFilter ?? '').toBe('');
    expect(exits).toHaveLength(1);
  });
});

describe('wrapLines', () => {
  it('wraps at word boundaries, keeps the indentation, and never exceeds the width', () => {
    expect(wrapLines('the change was meant for production but landed in staging', 20)).toEqual([
      'the change was meant',
      '  for production but',
      '  landed in staging',
    ]);
    expect(wrapLines('  staging: "true"', 30)).toEqual(['  staging: "true"']);
    expect(wrapLines('', 10)).toEqual(['']);
    const long = wrapLines(`x ${'y'.repeat(50)}`, 12);
    expect(long.every((l) => widthOf(l) <= 12)).toBe(true);
    expect(long.join('').replace(/\s/g, '')).toBe(`x${'y'.repeat(50)}`);
  });

  it('cuts a word longer than the line so that no line starts with its closing punctuation or quote', () => {
    // The detail pane at 80 columns: `"https://api.staging.example.com",` is 34 characters.
    const lines = wrapLines('must be equal everywhere: staging "https://api.staging.example.com", production "https://api.example.com"', 35);
    expect(lines.every((l) => widthOf(l) <= 35)).toBe(true);
    expect(lines.filter((l) => /^\s*(["'][\s,;:)]|["']$|[;,:)])/.test(l))).toEqual([]);
    expect(lines.join('').replace(/\s/g, '')).toBe('mustbeequaleverywhere:staging"https://api.staging.example.com",production"https://api.example.com"');
    expect(wrapLines('x a;b;c;d;e;f;g;h;i;j;k;l;m;n', 12).filter((l) => /^\s*;/.test(l))).toEqual([]);
  });

  it('cuts a word longer than the line after its last . / - = or : that fits, not inside a name', () => {
    // The detail pane at 80×24 (35 columns) on the demo's live-drift row read
    // `.data.PAYMENT_GATEWAY_TIMEOUT_M`, then `S); its repo file says "3000"`.
    const lines = wrapLines(
      'production runs "10000" (snapshot live/production.yaml ConfigMap/payment-overrides .data.PAYMENT_GATEWAY_TIMEOUT_MS); its repo file says "3000"',
      35,
    );
    expect(lines.every((l) => widthOf(l) <= 35)).toBe(true);
    expect(lines).toContain('  .data.');
    expect(lines.some((l) => l.includes('PAYMENT_GATEWAY_TIMEOUT_MS);'))).toBe(true);
    // A word with no such mark is still cut where the line is full.
    expect(wrapLines(`x ${'y'.repeat(30)}`, 20)).toEqual([`x ${'y'.repeat(18)}`, `  ${'y'.repeat(12)}`]);
  });

  it('counts wide characters as two columns', () => {
    expect(widthOf('設定値')).toBe(6);
    expect(wrapLines('設定値 設定値 設定値', 8).every((l) => widthOf(l) <= 8)).toBe(true);
  });
});

describe('safeText', () => {
  it('shows escape sequences and other control characters instead of sending them', () => {
    expect(safeText('a\u001b[2Jb\u0007\u202e')).toBe('a\\e[2Jb\\x07\\u202e');
  });
});

const MODES = Object.keys(MODE_TITLES) as Mode[];

describe('the command table', () => {
  it('is the README key table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(keyTableMarkdown());
  });

  it('answers every mode but apply running, and no key means two things in one mode', () => {
    for (const mode of MODES) {
      const commands = COMMANDS.filter((c) => c.modes.includes(mode));
      if (mode === 'busy') expect(commands).toEqual([]);
      else expect(commands.length, mode).toBeGreaterThan(0);
      const keys = commands.flatMap((c) => c.keys);
      expect(new Set(keys).size, `${mode}: ${keys.join(' ')}`).toBe(keys.length);
    }
    expect(commandFor('list', { name: 'j', text: 'j' })?.id).toBe('move.down');
    expect(commandFor('filter', { name: 'j', text: 'j' })?.id).toBe('filter.type');
    expect(commandFor('choice', { name: '2', text: '2' })?.id).toBe('choice.pick');
    expect(commandFor('list', { name: 'x', text: 'x' })).toBeUndefined();
  });

  it('keeps ? help and q quit in the footer of the list, the detail and the timeline at any width, dropping other hints first', () => {
    for (const mode of ['list', 'detail', 'timeline'] as Mode[]) {
      for (let width = 20; width <= 240; width += 7) {
        const line = footerLine(mode, width);
        expect([...line].length).toBeLessThanOrEqual(width);
        if (width >= 20) expect(line, `${mode} at ${width}`).toMatch(/\? help · q quit/);
      }
      expect(footerLine(mode, 240).split(' · ').length).toBe(footerCommands(mode).length);
    }
  });

  it("asks whether r and b can move a value of a pattern's keys until one can, and once per key", () => {
    // A pattern's row of 300 keys, each of which can be moved: every read of a key's values is counted.
    let reads = 0;
    const divergences: Divergence[] = Array.from({ length: 300 }, (_, i) => {
      const value = (repo: string): DivergenceValue => ({ repo, live: null, at: null, type: 'string' });
      const values = { staging: value(`s${i}`), production: value(`p${i}`) };
      return {
        id: `d${i}`,
        key: `routes.r${i}`,
        kind: 'cross-env',
        severity: 'drift',
        envs: ['staging', 'production'],
        get values() {
          reads++;
          return values;
        },
        declared: false,
        contract: null,
        notes: [],
      } satisfies Divergence;
    });
    const state = initialState({
      repoName: 'r',
      envs: ['staging', 'production'],
      divergences,
      patterns: [{ glob: 'routes.*', reason: 'every route differs', keys: divergences.map((d) => d.key), allowed: { staging: 'any', production: 'any' } }],
    });
    expect(selectedItem(state)?.type).toBe('group');
    const line = footerLine('list', 240, state);
    expect(line).toMatch(/b backfill/);
    const first = reads;
    // The first key can: the 299 others are not asked (before: every key's options, on every frame).
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(50);
    // Drawn again (a progress message, a key): what was said of the key is remembered.
    expect(footerLine('list', 240, state)).toBe(line);
    expect(reads).toBe(first);
  });

  it('every prompt keeps its way out in the footer', () => {
    for (const mode of ['form', 'choice', 'apply', 'live', 'risk', 'filter', 'help', 'message'] as Mode[]) {
      expect(footerLine(mode, 40), mode).toMatch(/esc/);
    }
    expect(footerLine('quit', 40)).toMatch(/y quit/);
    expect(footerLine('resume', 40)).toMatch(/n start afresh/);
  });

  it('j/↓ says what it does where the focus is: move in the list, scroll in a pane', () => {
    expect(footerLine('list', 240)).toMatch(/j\/↓ move/);
    for (const mode of ['detail', 'timeline'] as Mode[]) {
      expect(footerLine(mode, 240), mode).toMatch(/j\/↓ scroll/);
      expect(footerLine(mode, 240), mode).not.toMatch(/j\/↓ move/);
    }
  });
});

// The view styles a line by what it is, as the presenter made it, never by how its text begins.

const live = (env: string, images: string[]): LiveState => ({
  env,
  status: 'ok',
  source: `snapshot live/${env}.yaml`,
  values: new Map(),
  artifacts: images.map((image): LiveArtifact => ({
    key: 'Deployment/api.containers[name=app].image',
    image,
    digests: [],
    location: { source: `snapshot live/${env}.yaml`, kind: 'Deployment', name: 'api', fieldPath: '.spec.template.spec.containers[name=app].image' },
  })),
  warnings: [],
});

const stateWith = (staging: string[], production: string[]) =>
  initialState({
    repoName: 'demo',
    envs: ['staging', 'production'],
    promotion: ['staging', 'production'],
    live: new Map([
      ['staging', live('staging', staging)],
      ['production', live('production', production)],
    ]),
  });

describe('the release view’s lines', () => {
  it('are headings for workloads and warnings for what needs a look', () => {
    const lines = releaseLines(stateWith(['reg/api:1.2'], ['reg/api:1.3']), 100);
    expect(lines.filter((l) => l.style === 'heading').map((l) => l.text)).toEqual(['Deployment/api (app)']);
    // Whether production's build ran in staging cannot be told (no revisions read): a finding, wrapped.
    expect(lines.filter((l) => l.style === 'warn').map((l) => l.text.trim())[0]).toMatch(/^\? staging runs 1\.2 now/);
  });

  it('say plainly that no workload image was read, not as a heading', () => {
    const lines = releaseLines(stateWith([], []), 100);
    expect(lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/^no workload images read live/));
    expect(lines.filter((l) => l.style === 'heading')).toEqual([]);
  });
});

describe('the help’s lines', () => {
  it('head each mode’s keys, and only those', () => {
    const lines = helpLines(initialState({ repoName: 'demo', envs: ['staging', 'production'] }), 80);
    const headings = lines.filter((l) => l.style === 'heading');
    expect(headings.length).toBeGreaterThan(1);
    // Each mode's keys, then what the marks mean (the list's ● and the detail's » were explained nowhere).
    expect(headings.slice(0, -1).every((h) => /^In .*:$/.test(h.text))).toBe(true);
    expect(headings.at(-1)!.text).toBe('Marks:');
    expect(lines.filter((l) => l.style !== 'heading').every((l) => l.text.startsWith('  ') || l.text === '')).toBe(true);
    const marks = lines.slice(lines.indexOf(headings.at(-1)!) + 1).map((l) => l.text);
    for (const mark of ['≠ ', '● ', '✓r', '✗r', '✔a', '» ']) expect(marks.some((l) => l.trimStart().startsWith(mark))).toBe(true);
  });
});

const progress = (done: number): Action => ({ type: 'phase', source: 'history', phase: { state: 'reading', done, total: 100, unit: 'commits' } });
const liveProgress = (done: number): Action => ({ type: 'livePhase', env: 'production', phase: { state: 'reading', done, total: 6, unit: 'kinds' } });
const done: Action = { type: 'phase', source: 'history', phase: { state: 'done' } };

describe('background progress while keys are pressed', () => {
  it('is dispatched at once when no key was pressed lately', () => {
    const seen: Action[] = [];
    const dispatch = quietDispatch(
      (a) => seen.push(a),
      () => -Infinity,
    );
    dispatch(progress(1));
    expect(seen).toEqual([progress(1)]);
  });

  it('is held right after a key (the newest count per source), and what is not progress goes at once, after it', () => {
    const seen: Action[] = [];
    const dispatch = quietDispatch(
      (a) => seen.push(a),
      () => 1000,
      () => 1000 + QUIET_AFTER_KEY_MS / 2,
    );
    dispatch(progress(1));
    dispatch(progress(2));
    dispatch(liveProgress(3));
    expect(seen).toEqual([]);
    dispatch(done);
    expect(seen).toEqual([progress(2), liveProgress(3), done]);
  });

  it('is shown once the keys pause', async () => {
    const seen: Action[] = [];
    let lastKey = performance.now();
    const dispatch = quietDispatch(
      (a) => seen.push(a),
      () => lastKey,
    );
    dispatch(progress(5));
    expect(seen).toEqual([]);
    lastKey = performance.now(); // another key: the wait starts again
    await vi.waitFor(() => expect(seen).toEqual([progress(5)]), { timeout: 10_000, interval: 20 });
  });
});

describe('the list without colour', () => {
  it("marks the environment that breaks the contract and says where an object is, as the scan's table does", () => {
    const value = (repo: string | null, live: string | null = null): DivergenceValue => ({ repo, live, at: null, type: repo === null ? null : 'string' });
    const divergences: Divergence[] = [
      {
        id: 'v1',
        key: 'LOG_LEVEL',
        kind: 'contract-violation',
        severity: 'drift',
        envs: ['production'],
        values: { staging: value('debug'), production: value('debug') },
        declared: false,
        contract: null,
        notes: [],
      },
      {
        id: 'o1',
        key: 'PodDisruptionBudget/api',
        kind: 'object-cross-env',
        severity: 'drift',
        envs: ['production'],
        values: { staging: value(null), production: value('defined', 'exists') },
        declared: false,
        contract: null,
        notes: [],
      },
    ];
    const state = initialState({ repoName: 'r', envs: ['staging', 'production'], divergences });
    const text = listRows(state, 10, 120).rows.map((r) => r.text);
    expect(text[0]).toMatch(/LOG_LEVEL +debug +✗ debug/);
    expect(text[1]).toMatch(/PodDisruptionBudget\/api +— +defined, live/);
  });
});
