import type { Scan } from '../engine.js';
import { UserError } from '../errors.js';
import type { Decision } from '../model/types.js';
import { commitDecisions, prepareEdits, type CommitResult } from './commit.js';
import { publish, type PublishResult } from './forge.js';
import { patchLive, type LivePatchResult, type LivePreview } from './live-patch.js';
import { planDecisions, type LiveChange, type PlannedDecision } from './plan.js';

export interface ApplyOptions {
  today: string;
  group?: 'decision' | 'action';
  branch?: string;
  push?: boolean;
  pr?: boolean;
  /** Live writes happen only when asked for. */
  live?: boolean;
  /** Asked before every live write, with the server's dry run; `lastStage` is true for the last
   * environment of the promotion order (production), where a typed name is wanted. */
  confirmLive?: (preview: LivePreview, lastStage: boolean) => Promise<boolean>;
  env: NodeJS.ProcessEnv;
}

export interface ApplyOutcome {
  planned: PlannedDecision[];
  /** Steps whose change the committed files already hold: nothing was written for them. */
  inPlace: PlannedDecision[];
  commit?: CommitResult;
  published?: PublishResult;
  live: Array<{ change: LiveChange; result: LivePatchResult }>;
}

/** Applies decisions: all are checked first; repo changes become commits on a new branch (and a
 * pull request when asked); live reverts are dry-run, confirmed and guarded patches. */
export async function applyDecisions(scan: Scan, decisions: Decision[], options: ApplyOptions): Promise<ApplyOutcome> {
  const acting = decisions.filter((d) => d.action !== 'skip');
  if (acting.length === 0) throw new UserError('no decisions to apply (skipped divergences change nothing)');
  const planned = planDecisions(scan, acting);
  const liveChanges = planned.flatMap((p) => p.live);
  if (liveChanges.length > 0 && !options.live) {
    throw new UserError(`${liveChanges.length} decision(s) patch live objects (${liveChanges.map((c) => `${c.key} in ${c.env}`).join(', ')}): pass --live to allow live writes; nothing was changed`);
  }
  const repoChanges = planned.filter((p) => p.files.length > 0 || p.contract.length > 0);
  const environments = scan.config.environments.map((e) => e.name);
  const prepared = await prepareEdits(scan.repoRoot, repoChanges, environments, options.group);
  const outcome: ApplyOutcome = { planned, inPlace: prepared.inPlace, live: [] };
  if (prepared.commits.length > 0) {
    outcome.commit = await commitDecisions(scan.repoRoot, prepared.commits, {
      today: options.today,
      environments,
      ...(options.branch ? { branch: options.branch } : {}),
    });
    const committed = prepared.commits.flatMap((c) => c.steps);
    outcome.published = await publish(scan.repoRoot, outcome.commit, committed, {
      push: options.push === true || options.pr === true,
      pr: options.pr === true,
      ...(scan.config.forge ? { forge: scan.config.forge } : {}),
      env: options.env,
    });
  }
  const lastStage = scan.config.promotion.at(-1);
  for (const change of liveChanges) {
    const confirm = options.confirmLive ?? (async () => false);
    const result = await patchLive(scan.repoRoot, change, (preview) => confirm(preview, change.env === lastStage));
    outcome.live.push({ change, result });
  }
  return outcome;
}
