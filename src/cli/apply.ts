import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyDecisions } from '../actions/apply.js';
import { findRepoRoot } from '../git/repo.js';
import { checkBranchName, resolveCommit } from '../git/write.js';
import { SKIP_RECORDED } from '../actions/ledger.js';
import type { LivePreview } from '../actions/live-patch.js';
import { decisionsSchema, toDecision, type LiveChange } from '../actions/plan.js';
import { validate, yamlFileFromText } from '../config/yaml-file.js';
import { scanRepository } from '../engine.js';
import { UserError } from '../errors.js';
import { quoted as show } from '../wording/text.js';
import type { Io, ScanCommand } from '../command.js';
import { EXIT } from './exit.js';

export interface ApplyCommand extends Omit<ScanCommand, 'format' | 'key'> {
  decisions: string;
  push: boolean;
  pr: boolean;
  group?: 'decision' | 'action';
  branch?: string;
  /** Allow live writes (`--live`). */
  writeLive: boolean;
  yes: boolean;
  confirm?: string;
  allowContractBreach?: boolean;
  allowNewKey?: boolean;
  allowRisk?: boolean;
}

/** `undrift apply --decisions FILE`: validates everything, then commits on a new branch. */
export async function runApply(command: ApplyCommand, io: Io): Promise<number> {
  const file = path.resolve(io.cwd, command.decisions);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UserError(`${command.decisions}: no such file`);
  });
  const decisions = validate(yamlFileFromText(text, command.decisions), decisionsSchema).map(toDecision);
  // A bad branch name is said before the (slow) scan.
  if (command.branch !== undefined) await checkBranchName(io.cwd, command.branch);
  const root = await findRepoRoot(command.repo);
  if (!(await resolveCommit(root, 'HEAD')))
    throw new UserError('the repository has no commit yet: commit your config first (apply edits the committed files, on a new branch)');
  const scan = await scanRepository({ ...command, history: true });
  if (scan.config.forgeNote) io.stderr.write(`undrift: warning: ${scan.config.forgeNote}\n`);
  // What each field held when it was first shown: the flags confirm that change, given before it
  // was seen. After a conflict they cannot be asked again, so a field someone else wrote meanwhile
  // is not overwritten on their strength.
  const firstSeen = new Map<string, string | null>();
  const confirmLive = async (preview: LivePreview, lastStage: boolean) => {
    io.stdout.write(
      `live ${preview.env}: ${preview.object} ${preview.field}: ${show(preview.before)} → ${show(preview.after)} ` +
        `(server dry run passed, resourceVersion ${preview.resourceVersion})${preview.afterConflict ? ' — read again after a conflict' : ''}\n`,
    );
    if (preview.against) io.stdout.write(`  decided against the verdict: ${preview.against}\n`);
    const field = `${preview.object} ${preview.field}`;
    if (!firstSeen.has(field)) firstSeen.set(field, preview.before);
    const before = firstSeen.get(field) ?? null;
    if (preview.before !== before) {
      io.stdout.write(
        `  not written: ${preview.field} was changed from ${show(before)} to ${show(preview.before)} by someone else since it was read; ` +
          `run undrift apply again to decide on what runs now\n`,
      );
      return false;
    }
    if (lastStage && command.confirm !== preview.env) {
      io.stdout.write(`  not written: ${preview.env} is the last promotion stage; confirm with --confirm ${preview.env}\n`);
      return false;
    }
    if (!lastStage && !command.yes && command.confirm !== preview.env) {
      io.stdout.write('  not written: confirm live writes with --yes\n');
      return false;
    }
    return true;
  };
  const outcome = await applyDecisions(scan, decisions, {
    today: new Date().toISOString().slice(0, 10),
    push: command.push,
    pr: command.pr,
    live: command.writeLive,
    confirmLive,
    env: io.env,
    onNotice: (line) => io.stderr.write(`undrift: ${line}\n`),
    ...(command.allowContractBreach ? { allowContractBreach: true } : {}),
    ...(command.allowNewKey ? { allowNewKey: true } : {}),
    ...(command.allowRisk ? { allowRisk: true } : {}),
    ...(command.group ? { group: command.group } : {}),
    ...(command.branch !== undefined ? { branch: command.branch } : {}),
  });
  const count = (steps: Array<{ decisions: unknown[] }>) => steps.reduce((n, s) => n + s.decisions.length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const shown = new Set<string>();
  for (const { step, where } of outcome.inPlace) {
    const line =
      where === SKIP_RECORDED
        ? `already recorded: skip ${step.decision.key}${step.decision.env ? ` in ${step.decision.env}` : ''}`
        : `already in place${where === 'live' ? ' (live)' : ` on ${where}`}: ${step.subject.replace(/^drift(\([^)]*\))?: /, '')}${step.inPlace && where === 'live' ? ` (${step.inPlace})` : ''}`;
    if (!shown.has(line)) io.stdout.write(`${line}\n`);
    shown.add(line);
  }
  for (const skip of outcome.skipped) io.stdout.write(`skipped: ${skip.key}${skip.env ? ` in ${skip.env}` : ''} (left as it is; recorded in the ledger)\n`);
  if (!outcome.commit && outcome.live.length === 0 && outcome.skipped.length === 0 && outcome.inPlace.length > 0) {
    const places = [...new Set(outcome.inPlace.filter((i) => i.where !== SKIP_RECORDED).map((i) => (i.where === 'live' ? 'the live objects' : i.where)))];
    const n = count(outcome.inPlace.map((i) => i.step));
    io.stdout.write(
      places.length > 0
        ? `nothing to do: ${plural(n, 'decision')} already in place on ${places.join(', ')}\n`
        : `nothing to do: ${plural(n, 'decision')} already recorded\n`,
    );
  }
  if (outcome.commit) {
    const { branch, base, commits } = outcome.commit;
    io.stdout.write(`branch ${branch} (from ${base.slice(0, 7)}), ${plural(commits.length, 'commit')}:\n`);
    for (const c of commits) io.stdout.write(`  ${c.sha.slice(0, 7)} ${c.subject}\n`);
    // How a step was written, where it matters beyond this clone (a Secret accepted by fingerprint).
    for (const note of new Set(outcome.planned.flatMap((p) => p.notes ?? []))) io.stdout.write(`note: ${note}\n`);
    io.stdout.write('your checkout, index and current branch were not touched\n');
  }
  if (outcome.published?.pullRequest) io.stdout.write(`pull request: ${outcome.published.pullRequest}\n`);
  else if (outcome.published?.pushed) io.stdout.write(`pushed to ${outcome.published.remote}\n`);
  for (const line of outcome.published?.instructions ?? []) io.stdout.write(`${line}\n`);
  for (const { change, result } of outcome.live) {
    io.stdout.write(
      result.applied
        ? `live ${change.env}: ${change.key} written${inObject(change)} (resourceVersion ${result.resourceVersion}, field manager ` +
            `undrift)${result.answerLost ? ` — the server's answer was lost (${result.answerLost}); read again, the object holds the new value` : ''}\n`
        : `live ${change.env}: ${change.key} left as it is${inObject(change)}\n`,
    );
  }
  // --pr asked for a pull request: where none was opened (the forge not known, no token), the branch
  // is pushed but the step a script relies on did not happen, as when the forge refuses it (exit 2).
  if (command.pr && outcome.published !== undefined && outcome.published.pullRequest === undefined) return EXIT.usage;
  return outcome.live.some((l) => !l.result.applied) ? EXIT.drift : EXIT.ok;
}

/** ` in ConfigMap/prod-app-config`: the object written live, where the key does not name it as the
 * cluster does (a flat key, or a Kustomize overlay's object under the name the repo gives it). */
function inObject(change: LiveChange): string {
  const object = `${change.location.kind}/${change.location.name}`;
  return change.key.startsWith(`${object}.`) ? '' : ` in ${object}`;
}
