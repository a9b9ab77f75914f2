// The verdict's evaluation: each story (fixtures/verdict-stories/, format in STORIES.md) is built
// into a real git repository with the scenario builder, scanned as of the story's `today`, and
// each expected divergence's verdict is judged against the story's ground truth.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { scanRepository } from '../src/engine.js';
import { LIVE_KINDS, type Divergence, type Verdict } from '../src/model/types.js';
import { buildScenario } from '../src/scenario/build.js';
import { parseScenario, type Scenario } from '../src/scenario/scenario.js';

export interface Matcher {
  action: 'revert' | 'backfill' | 'declare' | 'undeclare';
  env?: string;
  value?: string | number | boolean | null;
  target?: 'repo' | 'live';
}

export interface Expectation {
  key: string;
  kind: Divergence['kind'];
  env?: string;
  decidable: boolean;
  deliberate: string | null;
  acceptable: Matcher[];
  harmful: Matcher[];
  why?: string;
}

export interface Story {
  file: string;
  title: string;
  today: string;
  expect: Expectation[];
  scenario: Scenario;
}

/** What a verdict suggests, in the terms the stories use. */
export interface Suggestion {
  action: Matcher['action'];
  env: string | null;
  value: string | null;
  target: 'repo' | 'live';
  /** A declare on a contract violation every environment now shares: the product writes the
   * entry anew with the values they hold, which accepts them as removing the entry would, so a
   * story's `declare` and `undeclare` matchers both name it (and both are harmful where accepting
   * the shared value is). */
  acceptsShared?: true;
  /** A revert or backfill on a `missing` divergence: the key is either there or not, so any edit of
   * one environment's file makes it hold the key or not, whichever word names it (a follow that
   * takes the key out of prod, as staging has, is the same edit as reverting prod's addition). */
  presenceOnly?: true;
}

export interface Judgement {
  story: string;
  key: string;
  kind: string;
  decidable: boolean;
  found: boolean;
  suggestion?: Suggestion;
  confidence: number;
  question?: string;
  /** The verdict's reasons, in order: what the answer rests on. */
  reasons?: string[];
  accepted: boolean;
  harmful: boolean;
  confidentWrong: boolean;
  deliberateRight: boolean;
  deliberate: string | null;
  expectedDeliberate: string | null;
}

export async function loadStories(dir: string): Promise<Story[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const doc = parse(await readFile(path.join(dir, name), 'utf8')) as {
        story: Omit<Story, 'file' | 'scenario'> & { today: string | Date };
        scenario: unknown;
      };
      const raw: unknown = doc.story.today;
      const today = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
      return { file: name.replace(/\.ya?ml$/, ''), title: doc.story.title, today, expect: doc.story.expect, scenario: parseScenario(doc.scenario, name) };
    }),
  );
}

/** The kinds whose revert changes the cluster rather than a file: a live value patched back or
 * removed, a build redeployed, an object re-created (missing-live) or deleted (live-object), a
 * grant taken back (permission). An object that differs across environments (object-cross-env)
 * may be fixed on either side, so its revert keeps the file's target and stories list both. */
const LIVE_REVERT_KINDS: ReadonlySet<Divergence['kind']> = new Set([...LIVE_KINDS].filter((kind) => kind !== 'object-cross-env'));

/** The verdict's suggestion as the stories name actions: `declare` on a divergence whose
 * environments all hold one value removes a declaration (`undeclare`); live kinds say whether
 * the live object or the file changes. */
export function suggestionOf(d: Divergence, v: Verdict): Suggestion {
  const repoValues = new Set(Object.values(d.values).map((x) => x.repo));
  const live = LIVE_REVERT_KINDS.has(d.kind);
  const shared = v.suggested === 'declare' && !live && (d.kind === 'stale-declaration' || d.kind === 'contract-violation') && repoValues.size === 1;
  const action: Suggestion['action'] = shared ? 'undeclare' : v.suggested;
  return {
    action,
    env: action === 'declare' || action === 'undeclare' ? null : v.drifted,
    value: v.value,
    target: live && v.suggested === 'revert' ? 'live' : 'repo',
    ...(shared && d.kind === 'contract-violation' ? { acceptsShared: true as const } : {}),
    ...(d.kind === 'missing' && v.suggested !== 'declare' ? { presenceOnly: true as const } : {}),
  };
}

const text = (v: Matcher['value']) => (v === null ? null : String(v));

/** A matcher matches the suggestion. Revert and backfill of one environment's file to one value
 * are the same edit, so a matcher naming both the env and the value matches either word; on a
 * `missing` divergence a matcher naming the env alone does too (the edit adds or removes the key). */
export function matches(m: Matcher, s: Suggestion): boolean {
  const sameEdit =
    m.env !== undefined &&
    (m.value !== undefined || s.presenceOnly === true) &&
    (m.target ?? 'repo') === 'repo' &&
    s.target === 'repo' &&
    (m.action === 'revert' || m.action === 'backfill') &&
    (s.action === 'revert' || s.action === 'backfill');
  const sameContractEdit = s.acceptsShared === true && (m.action === 'declare' || m.action === 'undeclare');
  if (m.action !== s.action && !sameEdit && !sameContractEdit) return false;
  if (m.env !== undefined && m.env !== s.env) return false;
  if (m.value !== undefined && text(m.value) !== s.value) return false;
  if (m.target !== undefined && m.target !== s.target) return false;
  return true;
}

export function judge(story: Story, e: Expectation, divergences: Divergence[]): Judgement {
  const d = divergences.find((x) => x.key === e.key && x.kind === e.kind && (e.env === undefined || x.envs.includes(e.env)));
  const base = { story: story.file, key: e.key, kind: e.kind, decidable: e.decidable, expectedDeliberate: e.deliberate ?? null };
  if (!d?.verdict) {
    return { ...base, found: false, confidence: 0, accepted: false, harmful: false, confidentWrong: false, deliberateRight: false, deliberate: null };
  }
  // A matcher naming an environment the divergence does not have can never match: the story's truth
  // would silently count nothing (holdout-15/04 named `production` where the story's env is `prod`).
  const known = new Set([...d.envs, ...Object.keys(d.values)]);
  const stray = [...e.acceptable, ...e.harmful].find((m) => m.env !== undefined && !known.has(m.env));
  if (stray) {
    throw new Error(`${story.file} · ${e.key}: a matcher names environment "${stray.env}", which the divergence does not have (${[...known].join(', ')})`);
  }
  const v = d.verdict;
  const s = suggestionOf(d, v);
  const harmful = e.harmful.some((m) => matches(m, s));
  const offered = e.acceptable.some((m) => matches(m, s));
  const accepted = !harmful && offered && (e.decidable || (v.confidence <= 0.5 && !!v.question));
  return {
    ...base,
    found: true,
    suggestion: s,
    confidence: v.confidence,
    ...(v.question ? { question: v.question } : {}),
    reasons: v.reasons,
    accepted,
    harmful,
    confidentWrong: !accepted && v.confidence >= 0.6,
    deliberateRight: (v.deliberate ?? null) === (e.deliberate ?? null),
    deliberate: v.deliberate,
  };
}

/** Scans a story's built repository as of the story's `today` and judges every expectation. */
export async function judgeStory(story: Story, repo: string): Promise<Judgement[]> {
  const scan = await scanRepository({ repo, historyCache: false, today: story.today });
  return story.expect.map((e) => judge(story, e, scan.divergences));
}

/** Builds and scans each story (a few at a time) and judges every expectation. */
export async function evaluate(stories: Story[], parallel = 4): Promise<Judgement[]> {
  const results: Judgement[][] = new Array(stories.length);
  let next = 0;
  const worker = async () => {
    while (next < stories.length) {
      const i = next++;
      const story = stories[i]!;
      const dir = await mkdtemp(path.join(tmpdir(), 'undrift-story-'));
      try {
        await buildScenario(story.scenario, dir);
        results[i] = await judgeStory(story, dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, stories.length) }, worker));
  return results.flat();
}

export interface Totals {
  judgements: number;
  accepted: number;
  wrong: number;
  harmful: number;
  missing: number;
  deliberateRight: number;
  confidentWrong: number;
  brier: number;
}

export function totals(js: Judgement[]): Totals {
  const n = js.length;
  return {
    judgements: n,
    accepted: js.filter((j) => j.accepted).length,
    wrong: js.filter((j) => !j.accepted && !j.harmful).length,
    harmful: js.filter((j) => j.harmful).length,
    missing: js.filter((j) => !j.found).length,
    deliberateRight: js.filter((j) => j.deliberateRight).length,
    confidentWrong: js.filter((j) => j.confidentWrong).length,
    brier: n === 0 ? 0 : js.reduce((sum, j) => sum + (j.confidence - (j.accepted ? 1 : 0)) ** 2, 0) / n,
  };
}

export function describeSuggestion(s: Suggestion | undefined): string {
  if (!s) return 'no verdict (divergence not found)';
  if (s.action === 'declare' || s.action === 'undeclare') return s.action;
  return `${s.action} ${s.env ?? '?'}${s.value !== null ? ` = ${JSON.stringify(s.value)}` : ''}${s.target === 'live' ? ' (live)' : ''}`;
}
