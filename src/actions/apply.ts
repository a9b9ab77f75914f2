import type { Scan } from '../engine.js';
import { UserError } from '../errors.js';
import { pushLedger } from '../git/ledger.js';
import { checkBranchName, committedBytes, openUndriftBranches, removeStaleWorktrees, resolveCommit, runGit } from '../git/write.js';
import type { Decision } from '../model/types.js';
import { withApplyLock } from './apply-lock.js';
import { decodeBytes } from './edit.js';
import { readText } from '../parse/read.js';
import {
  decisionId,
  decisionsInPlace,
  otherDecisionsOpen,
  type OpenDecision,
  recordBranch,
  sameDecisionOpen,
  recordLive,
  recordSkip,
  type LedgerPlace,
} from './ledger.js';
import { commitDecisions, prepareEdits, type CommitResult } from './commit.js';
import { againstVerdict } from './messages.js';
import { fileWrites, harmOf, harmSentence } from './harm.js';
import { publish, type PublishResult } from './forge.js';
import { patchLive, type LivePatchResult, type LivePreview } from './live-patch.js';
import { divergenceOf, planDecisions, validateDecision, type LiveChange, type PlanOptions, type PlannedDecision } from './plan.js';
import { uncommittedNotice } from '../wording/text.js';

export interface ApplyOptions {
  today: string;
  group?: 'decision' | 'action';
  branch?: string;
  push?: boolean;
  pr?: boolean;
  /** Live writes happen only when asked for. */
  live?: boolean;
  /** Write a value the contract forbids for an environment (refused otherwise). */
  allowContractBreach?: boolean;
  /** Write a new key that reads like a typo of an existing one (refused otherwise). */
  allowNewKey?: boolean;
  /** Apply decisions that look harmful (harmOf: an incident's fix undone, a weaker value in the
   * last stage, the verdict gone against on a risky key): refused otherwise. The view passes it,
   * having confirmed each such decision when it was made. */
  allowRisk?: boolean;
  /** Asked before every live write, with the server's dry run; `lastStage` is true for the last
   * environment of the promotion order (production), where a typed name is wanted. */
  confirmLive?: (preview: LivePreview, lastStage: boolean) => Promise<boolean>;
  /** One line each: what was cleaned up after an interrupted run, what is being waited for. */
  onNotice?: (line: string) => void;
  /** One line per step as it starts or ends (plan, commits, branch, push, pull request, each live
   * patch), for a progress display. */
  onStep?: (line: string) => void;
  /** How long to wait for another apply in the same repository (ms). */
  lockWaitMs?: number;
  env: NodeJS.ProcessEnv;
}

/** A step that needed no write, and where its change already is: `HEAD` (the checked-out
 * branch's commit), an open undrift branch, or the live object. */
export interface InPlaceStep {
  step: PlannedDecision;
  where: string;
}

export interface ApplyOutcome {
  planned: PlannedDecision[];
  /** Steps whose change already holds: nothing was written for them. */
  inPlace: InPlaceStep[];
  skipped: Decision[];
  commit?: CommitResult;
  published?: PublishResult;
  live: Array<{ change: LiveChange; step: PlannedDecision; result: LivePatchResult }>;
  /** What was cleaned up after an interrupted run. */
  notices: string[];
}

/**
 * Applies decisions, all or nothing: every decision is validated first (nothing is written when
 * one is refused); changes already in place (in HEAD, or on an open undrift branch) are reported
 * and skipped; the repo changes become commits on a new branch created only once all of them
 * succeeded; live reverts are dry-run, confirmed and guarded patches, made only after the repo
 * part succeeded. Runs under the repository's apply lock.
 */
export async function applyDecisions(scan: Scan, decisions: Decision[], options: ApplyOptions): Promise<ApplyOutcome> {
  if (options.branch !== undefined) await checkBranchName(scan.repoRoot, options.branch);
  if (decisions.length === 0) throw new UserError('no decisions to apply');
  const repo = scan.repoRoot;
  const notices: string[] = [];
  const notice = (line: string) => {
    notices.push(line);
    options.onNotice?.(line);
  };
  return withApplyLock(
    repo,
    async () => {
      for (const dir of await removeStaleWorktrees(repo)) notice(`removed the temporary worktree of an interrupted apply: ${dir}`);
      // A decision the ledger holds already (a re-run, a merged branch) is in place only when its
      // place writes what the decision writes today: a backfill of staging's value recorded when
      // staging said 8000 is not in place once staging says 9000. One that still plans is planned
      // again and held to the committed files; one that no longer does (its divergence is gone
      // once merged, and it names no value) is in place as the ledger says.
      const planOptions = {
        today: options.today,
        ...(options.allowContractBreach ? { allowContractBreach: true } : {}),
        ...(options.allowNewKey ? { allowNewKey: true } : {}),
      };
      const known = await decisionsInPlace(repo);
      const recorded: InPlaceStep[] = [];
      const fresh: Decision[] = [];
      const ledgerPlace = new Map<Decision, LedgerPlace>();
      for (const decision of decisions) {
        const place = known.byId.get(decisionId(decision));
        if (place === undefined) {
          fresh.push(decision);
          // The same decision worded otherwise on an older branch not merged yet: planned anew, and the
          // older branch named below (merging both would leave whichever lands last).
          const worded = sameDecisionOpen(decision, known.open);
          if (worded?.revision !== undefined) ledgerPlace.set(decision, worded);
        } else if (place.revision !== undefined && writesRepoToday(scan, decision, planOptions)) {
          fresh.push(decision);
          ledgerPlace.set(decision, place);
        } else recorded.push({ step: recordedStep(decision), where: place.where });
      }
      const say = (line: string) => options.onStep?.(line);
      say(`checking ${fresh.length} decision(s)${recorded.length ? ` (${recorded.length} already in the ledger)` : ''}`);
      const planned = planDecisions(scan, fresh, planOptions);
      const skipped = fresh.filter((d) => d.action === 'skip');
      const liveChanges = planned.flatMap((p) => p.live);
      if (liveChanges.length > 0 && !options.live) {
        throw new UserError(
          `${liveChanges.length} decision(s) patch live objects (${liveChanges.map((c) => `${c.key} in ${c.env}`).join(', ')}): pass --live to allow live writes; nothing was changed`,
        );
      }
      const outcome: ApplyOutcome = { planned, inPlace: recorded, skipped, live: [], notices };
      const environments = scan.config.environments.map((e) => e.name);

      // Live steps already in effect are known from the scan; repo steps from the committed files.
      for (const step of planned)
        if (step.inPlace && step.files.length + step.contract.length + step.live.length === 0) outcome.inPlace.push({ step, where: 'live' });
      let pending = planned.filter((p) => p.files.length > 0 || p.contract.length > 0);
      const atHead = await prepareEdits(repo, pending, environments, options.group, scan.config.limits);
      for (const step of atHead.inPlace) outcome.inPlace.push({ step, where: 'the checked-out branch' });
      pending = pending.filter((p) => !atHead.inPlace.includes(p));
      for (const branch of pending.length > 0 ? await openUndriftBranches(repo) : []) {
        if (pending.length === 0) break;
        const there = await prepareEdits(repo, pending, environments, options.group, scan.config.limits, branch.sha);
        for (const step of there.inPlace) outcome.inPlace.push({ step, where: branch.name });
        pending = pending.filter((p) => !there.inPlace.includes(p));
      }
      // The ledger's place of a decision planned again, when not read above (origin's branch in a
      // fresh clone, the default branch from another branch): in place there only by its bytes.
      for (const step of [...pending]) {
        for (const place of placesOf(step, ledgerPlace)) {
          const sha = await resolveCommit(repo, place.revision!);
          if (!sha) continue;
          const there = await prepareEdits(repo, [step], environments, options.group, scan.config.limits, sha);
          if (there.inPlace.length === 0) continue;
          outcome.inPlace.push({ step, where: place.where });
          pending = pending.filter((p) => p !== step);
          break;
        }
      }
      // A harmful decision is refused only where it would still be written: one already in place (this
      // file applied before with --allow-risk) is reported so, and the refusal comes before any
      // notice about other branches, so a refused run says one thing.
      const risky = harmfulSteps(
        scan,
        planned.filter((step) => !outcome.inPlace.some((i) => i.step === step)),
      );
      if (!options.allowRisk) refuseHarmful(risky);
      for (const [step, sentences] of risky) step.confirmedHarm = sentences;
      // An older branch not merged yet that made this decision with another value: the new branch
      // does not replace it, and merging both would leave whichever lands last.
      for (const step of pending)
        for (const place of placesOf(step, ledgerPlace).filter((p) => p.open))
          notice(await supersededLine(repo, step, place.where, (await resolveCommit(repo, place.revision!)) ?? place.revision!, scan.config.limits));
      // One that decided the key otherwise (another action or environment): merging both leaves it
      // decided two ways (opposite backfills swap the values).
      for (const line of new Set(pending.flatMap((step) => step.decisions.flatMap((d) => otherDecisionsOpen(d, known.open).map((o) => otherwiseLine(d, o))))))
        notice(line);

      if (pending.length > 0) {
        const prepared =
          pending.length === atHead.commits.flatMap((c) => c.steps).length
            ? atHead
            : await prepareEdits(repo, pending, environments, options.group, scan.config.limits);
        outcome.commit = await commitDecisions(repo, prepared.commits, {
          // Said once the checks passed and before anything is written (a refused apply has nothing
          // to say it of; the view says it on its summary, before the confirmation).
          onReady: async () => {
            const dirty = await uncommittedReads(scan);
            if (dirty.length > 0) notice(uncommittedNotice(dirty));
            say(`writing ${prepared.commits.length} commit(s) in a temporary worktree (the checkout is not touched)`);
          },
          today: options.today,
          environments,
          ...(options.branch !== undefined ? { branch: options.branch } : {}),
          onCommit: (n, total, c) => say(`commit ${n}/${total}: ${c.sha.slice(0, 7)} ${c.subject}`),
        });
        say(`branch ${outcome.commit.branch} made`);
        if (options.push === true || options.pr === true) say(`pushing ${outcome.commit.branch}${options.pr === true ? ' and opening a pull request' : ''}`);
        await recordBranch(
          repo,
          outcome.commit.branch,
          outcome.commit.commits.map((c) => c.sha),
        ).catch((e: Error) => notice(`the branch is made, but could not be recorded in the ledger: ${e.message}`));
        outcome.published = await publish(
          repo,
          outcome.commit,
          prepared.commits.flatMap((c) => c.steps),
          {
            push: options.push === true || options.pr === true,
            pr: options.pr === true,
            ...(scan.config.forge ? { forge: scan.config.forge } : {}),
            env: options.env,
          },
        );
      }
      // Skips take effect once the repo part did. A skip made on a row (the interactive view names
      // no environment) is recorded with the environments of the divergence it left as it is.
      for (const skip of skipped) await recordSkip(repo, skip, skip.env ? [skip.env] : (divergenceOf(scan, skip)?.envs ?? []));

      const lastStage = scan.config.promotion.at(-1);
      const confirm = options.confirmLive ?? (async () => false);
      for (const step of planned) {
        for (const change of step.live) {
          options.onStep?.(`live ${change.env}: ${change.key} — server dry run, then your confirmation`);
          // A live write that undoes what the verdict says to keep (a hotfix made live) is said at
          // its confirmation, not only in the ledger afterwards.
          const against = step.divergence?.verdict ? againstVerdict(step.decision, step.divergence, step.divergence.verdict) : undefined;
          const result = await patchLive(repo, change, (preview) => confirm(against ? { ...preview, against } : preview, change.env === lastStage)).catch(
            (e: Error) => {
              // The repo part (and earlier live writes) stand: say so, so nothing is redone blindly.
              const done = [
                outcome.commit ? `branch ${outcome.commit.branch} is made` : '',
                ...outcome.live.filter((l) => l.result.applied).map((l) => `live ${l.change.env} ${l.change.key} is written`),
              ].filter(Boolean);
              throw new UserError(`${e.message}${done.length ? `; already done: ${done.join(', ')} (a re-run skips what is in place)` : ''}`);
            },
          );
          outcome.live.push({ change, step, result });
          options.onStep?.(`live ${change.env}: ${change.key} ${result.applied ? 'written' : 'not written'}`);
          if (!result.applied) continue;
          const { object, field, before, after } = result.preview;
          for (const decision of step.decisions) {
            await recordLive(repo, decision, change.env, {
              object,
              field,
              before,
              after,
              ...(result.resourceVersion ? { resourceVersion: result.resourceVersion } : {}),
            }).catch((e: Error) => {
              throw new UserError(`live ${change.env}: ${change.key} was written, but could not be recorded in the ledger: ${e.message}`);
            });
          }
        }
      }
      // The ledger travels with what was pushed; a run that only recorded skips or live patches
      // pushes it alone when asked to push.
      const recordedAny = skipped.length > 0 || outcome.commit !== undefined || outcome.live.some((l) => l.result.applied);
      if (recordedAny && (outcome.published?.pushed || (options.push === true && !outcome.commit))) {
        const remote = outcome.published?.remote ?? scan.config.forge?.remote ?? 'origin';
        await pushLedger(repo, remote).catch((e: Error) => notice(`the ledger (refs/undrift/ledger) was not pushed to ${remote}: ${e.message}`));
      }
      return outcome;
    },
    { ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}), onNotice: notice },
  );
}

/** Whether a decision the ledger holds still plans, today, as a change of committed files only
 * (a live patch is judged by the live state, a skip writes nothing). */
function writesRepoToday(scan: Scan, decision: Decision, options: PlanOptions): boolean {
  if (decision.action === 'skip') return false;
  const check = validateDecision(decision, scan, options);
  return check.ok && check.step.live.length === 0 && check.step.files.length + check.step.contract.length > 0;
}

/** The ledger's places of a step's decisions, each once. */
function placesOf(step: PlannedDecision, ledgerPlace: Map<Decision, LedgerPlace>): LedgerPlace[] {
  const places = step.decisions.map((d) => ledgerPlace.get(d)).filter((p): p is LedgerPlace => p !== undefined);
  return places.filter((p, i) => places.findIndex((q) => q.where === p.where) === i);
}

/** `origin/undrift/… holds another value …`: what the older branch writes, read from its files,
 * beside what this decision writes today. */
async function supersededLine(repo: string, step: PlannedDecision, where: string, revision: string, limits: Scan['config']['limits']): Promise<string> {
  const held: string[] = [];
  for (const change of step.files) {
    const bytes = await committedBytes(repo, revision, change.file);
    const value = bytes
      ? (await readText(decodeBytes(bytes).text, change.file, change.format, undefined, limits).catch(() => undefined))?.values.get(change.key)
      : undefined;
    const there = value?.text ?? null;
    const now = change.value?.text ?? null;
    held.push(
      `${change.env}: ${there === null ? 'no value' : JSON.stringify(there)} there, ${now === null ? 'no value' : JSON.stringify(now)} on the new branch`,
    );
  }
  const what = step.files.length > 0 ? `another value for ${step.decision.key} (${held.join('; ')})` : `another declaration of ${step.decision.key}`;
  return `${where}, an older branch not merged yet, holds ${what}: close it, so that only today's value merges`;
}

/** `undrift/… , an older branch not merged yet, decides KEY otherwise (…)`: the two decisions side
 * by side, and what to do about them. */
/** Refuses decisions that look harmful, naming each and the flag that applies them anyway: a
 * decisions file is applied with no one looking at the rows, and an incident's fix undone or a
 * debug switch turned on in production is as harmful from there as from a key press in the view.
 * Only a harm the decision's own writes show is refused: going against the verdict alone is the
 * person's call, said in the commit message (the view asks about it, on a risky key). */
function refuseHarmful(risky: ReadonlyMap<PlannedDecision, string[]>): void {
  const harmful = [...risky.values()].flat();
  if (harmful.length === 0) return;
  const one = harmful.length === 1;
  throw new UserError(
    `${one ? 'a decision looks' : `${harmful.length} decisions look`} harmful: ${harmful.join(' ')} Nothing was changed; ` +
      `if ${one ? 'it is' : 'they are'} meant, apply again with --allow-risk`,
  );
}

/** The steps whose own writes look harmful, each with why (the view's words). */
function harmfulSteps(scan: Scan, planned: PlannedDecision[]): Map<PlannedDecision, string[]> {
  const envs = scan.config.environments.map((e) => e.name);
  const risky = new Map<PlannedDecision, string[]>();
  for (const step of planned) {
    const sentences = step.decisions.flatMap((decision) => {
      const d = step.divergence ?? divergenceOf(scan, decision);
      const harm = d && harmOf(d, decision, { envs, promotion: scan.config.promotion, history: 'off', writes: fileWrites([step]) });
      return harm && harm.harms.length > 0 ? [harmSentence({ ...harm, unknown: undefined })] : [];
    });
    if (sentences.length > 0) risky.set(step, sentences);
  }
  return risky;
}

function otherwiseLine(decision: Decision, other: OpenDecision): string {
  const envs = (d: { envs: string[] }) => {
    const named = d.envs.filter(Boolean).map((e) => (e === 'all' ? 'every environment' : e));
    return named.length ? ` ${named.join(', ')}` : '';
  };
  const now = decision.to === 'all' ? ['all'] : Array.isArray(decision.to) ? decision.to : decision.env ? [decision.env] : [];
  return (
    `${other.place.where}, an older branch not merged yet, decides ${decision.key} otherwise (${other.action}${envs(other)}; ` +
    `the new branch: ${decision.action}${envs({ envs: now })}): merging both leaves it decided two ways, so close the one you no longer want`
  );
}

/** A decision the ledger already holds, shown as the step it was. */
function recordedStep(decision: Decision): PlannedDecision {
  const where = decision.to === 'all' ? 'all' : (decision.to?.join(', ') ?? decision.env);
  const value = decision.value === undefined ? '' : decision.value === null ? ' (remove it)' : `=${decision.value}`;
  return {
    decision,
    decisions: [decision],
    divergence: undefined,
    files: [],
    contract: [],
    live: [],
    subject: `drift${where ? `(${where})` : ''}: ${decision.action} ${decision.key}${value}`,
    inPlace: 'recorded in the ledger',
  };
}

/** The files the scan read values from (and the contract) that differ from HEAD: the scan reads
 * the work tree, apply edits the committed files, so a value taken from an uncommitted line (a
 * backfill of staging's new "3") lands on a branch where staging still says "2". */
export async function uncommittedReads(scan: Scan): Promise<string[]> {
  const changed = await runGit(scan.repoRoot, ['diff', '--name-only', '-z', 'HEAD', '--']).catch(() => '');
  if (changed === '') return [];
  const read = new Set<string>([scan.config.contractPath]);
  for (const snapshot of scan.snapshot.envs.values()) for (const value of snapshot.values.values()) read.add(value.location.file);
  return changed.split('\0').filter((file) => file !== '' && read.has(file));
}
