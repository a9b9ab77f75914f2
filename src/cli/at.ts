import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import path from 'node:path';
import type { Io, ScanCommand } from '../command.js';
import { scanRepository, type Scan } from '../engine.js';
import { UserError } from '../errors.js';
import { commitAt } from '../git/log.js';
import { findRepoRoot } from '../git/repo.js';
import { addTemporaryWorktree, removeTemporaryWorktree } from '../git/write.js';
import { byKey, keyTimeline, ranAt, utc, type RanThen } from '../history/key-timeline.js';
import type { EnvName, KeyPath, RepoLocation } from '../model/types.js';
import { colourEnabled, styleFor } from '../report/style.js';
import { isCalendarDate } from '../config/calendar-date.js';
import { jsonSafe, terminalSafe as safe } from '../wording/terminal-text.js';
import { liveWhat, showValue } from '../wording/timeline.js';
import { placeText } from '../wording/text.js';
import { EXIT } from './exit.js';

// `undrift at <time|commit>`: the state as of a moment, for a post-mortem's "what was true at 03:10".
// What the repository declared comes from scanning the commit HEAD's line held then (in a temporary
// worktree: the user's checkout is never touched); what ran comes from the live writes the cluster
// recorded, and where they cannot tell, the answer says it is inferred and why.

interface Moment {
  /** What the user typed. */
  given: string;
  /** UTC ISO, when a time was given or read from the commit. */
  time: string;
  commit: string;
  /** The moment is after now (`--today`'s day, or the clock): what is shown is the present, and
   * the output says so rather than passing the present off as a forecast. */
  future?: true;
  /** A commit was given (not a time): `time` is when it was committed. */
  isCommit?: true;
}

/** Today's configuration, for a commit from before it was written: a contract it names that the
 * commit does not hold yet is left to the default (none then: no declared differences). */
async function configThen(today: string, dir: string): Promise<string> {
  const doc = parseDocument(await readFile(today, 'utf8'));
  const contract = doc.get('contract');
  if (typeof contract === 'string' && !existsSync(path.join(dir, contract))) doc.delete('contract');
  return doc.toString();
}

/** Whether a typed moment lies after now: a day alone when it is later than today, a time when it
 * is later than the clock (or than the end of `--today`'s day). */
export function inFuture(day: string, time: string, clock: string | undefined, today: string | undefined): boolean {
  if (clock === undefined) return day > (today ?? new Date().toISOString().slice(0, 10));
  return Date.parse(time) > (today === undefined ? Date.now() : Date.parse(`${today}T23:59:59Z`));
}

async function resolveMoment(repo: string, given: string, today?: string): Promise<Moment> {
  const [day, clock] = given.split('T');
  const isTime =
    isCalendarDate(day ?? '') &&
    (clock === undefined || (/^\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(clock) && !Number.isNaN(Date.parse(given))));
  if (isTime) {
    // A day alone is read as its end: "at 2026-07-13" is the state that day closed with.
    const time = clock === undefined ? `${day}T23:59:59Z` : utc(given);
    // After now, the state is HEAD's (git cannot read dates past 2099 in --before anyway).
    const future = inFuture(given.slice(0, 10), time, clock, today);
    const commit = await commitAt(repo, future ? { revision: 'HEAD' } : { time });
    if (!commit) throw new UserError(`no commit on HEAD's line is as old as ${given}: the repository's history starts later`);
    return { given, time, commit, ...(future ? { future: true as const } : {}) };
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(given))
    throw new UserError(`"${given}" is not a date (2026-07-14), a date and time with a zone (2026-07-14T03:10Z), or a commit`);
  // git would read a leading dash as one of its own options, not as a revision.
  const commit = given.startsWith('-') ? undefined : await commitAt(repo, { revision: given });
  if (!commit) throw new UserError(`"${given}" is neither a date nor a commit of this repository`);
  const { gitLines } = await import('../git/log.js');
  const [committed] = await gitLines(repo, ['show', '-s', '--format=%cI', commit]);
  return { given, time: utc(committed ?? ''), commit, isCommit: true };
}

interface KeyThen {
  env: EnvName;
  declared: string | null;
  /** `file:line`, the text version 1 has always had; `at` is the same place as data. */
  location: string | null;
  at: RepoLocation | null;
  ran: RanThen | undefined;
}

export interface StateAt {
  moment: Moment;
  divergencesThen: Array<{ key: KeyPath; kind: string; envs: EnvName[] }>;
  /** Where what ran then (as far as the cluster's records tell) was not what the file declared:
   * the live drift of that moment, which the files alone (`divergencesThen`) cannot show. */
  liveDriftThen: Array<{ key: KeyPath; env: EnvName; declared: string; ran: string | null; doubt?: string }>;
  keys: Record<KeyPath, KeyThen[]>;
  /** Present when the moment's commit had no configuration of its own: its files were read the
   * way today's (this path) says, not by a layout discovered among them. */
  readWith?: string;
}

/** The state as of the moment: every key that diverged then or diverges now. */
export async function stateAt(command: Omit<ScanCommand, 'format'>, given: string): Promise<StateAt> {
  // The moment first: a moment that is not one is said before the repository is read.
  const moment = await resolveMoment(await findRepoRoot(command.repo), given, command.today);
  const now = await scanRepository({ ...command, history: true });
  const dir = await addTemporaryWorktree(now.repoRoot, moment.commit);
  // A commit from before undrift.yaml was written is read through today's: discovery would find
  // another layout in it (one of several), and a key the configuration reads would seem absent then.
  const configFile = command.config ?? 'undrift.yaml';
  const readWith = !existsSync(path.join(dir, configFile)) && existsSync(path.join(now.repoRoot, configFile)) ? configFile : undefined;
  let then: Scan;
  try {
    if (readWith) await writeFile(path.join(dir, configFile), await configThen(path.join(now.repoRoot, configFile), dir));
    then = await scanRepository({
      repo: dir,
      ...(command.config ? { config: command.config } : {}),
      ...(command.envs ? { envs: command.envs } : {}),
      ...(command.key ? { key: command.key } : {}),
      history: false,
      live: false,
      today: moment.time.slice(0, 10),
    });
  } finally {
    await removeTemporaryWorktree(now.repoRoot, dir);
  }
  const nowByKey = byKey(now.divergences);
  const keys = new Set<KeyPath>([...then.divergences.map((d) => d.key), ...nowByKey.keys()]);
  const envs = now.snapshot.environments;
  const result: StateAt['keys'] = {};
  for (const key of [...keys].sort()) {
    const timeline = keyTimeline(nowByKey.get(key) ?? [], envs);
    result[key] = envs.map((env) => {
      const value = then.snapshot.envs.get(env)?.values.get(key);
      const declared = value?.text ?? null;
      const liveRead = now.snapshot.live?.get(env)?.status === 'ok';
      return {
        env,
        declared,
        location: value ? placeText(value.location) : null,
        at: value ? value.location : null,
        ran: liveRead ? ranAt(timeline, env, moment.time, declared) : undefined,
      };
    });
  }
  // Only where a file declared the value: an image or an object is declared by no values file.
  const liveDriftThen = Object.entries(result).flatMap(([key, rows]) =>
    rows.flatMap((r) =>
      r.declared !== null && r.ran?.known && r.ran.value !== r.declared
        ? [{ key, env: r.env, declared: r.declared, ran: r.ran.value, ...(r.ran.caveat ? { doubt: r.ran.caveat } : {}) }]
        : [],
    ),
  );
  return {
    moment,
    divergencesThen: then.divergences.map((d) => ({ key: d.key, kind: d.kind, envs: d.envs })),
    liveDriftThen,
    keys: result,
    ...(readWith ? { readWith } : {}),
  };
}

function ranText(ran: RanThen | undefined): string {
  if (!ran) return 'live not read';
  if (ran.known)
    return (
      `${showValue(ran.value)} (${liveWhat({ ...ran.since, exact: true })} ${ran.since.exact ? 'at' : 'at or before'} ` +
      `${ran.since.time.slice(0, 16).replace('T', ' ')} UTC${ran.caveat ? `; ${ran.caveat}` : ''})`
    );
  return `${showValue(ran.inferred)}? inferred from the file (${ran.why})`;
}

export async function runAt(command: Omit<ScanCommand, 'format'> & { at: string; json: boolean }, io: Io): Promise<number> {
  const { at, json, ...options } = command;
  const state = await stateAt(options, at);
  if (json) {
    io.stdout.write(`${jsonSafe(JSON.stringify({ version: 1, ...state }, null, 2))}\n`);
    return EXIT.ok;
  }
  const style = styleFor(colourEnabled(io.stdout, io.env, command.noColor));
  const when = state.moment.time.replace('T', ' ').replace('Z', ' UTC');
  // A commit given by its hash is named once, with when it was committed; one given by another
  // name (HEAD~5, a tag) is named by its hash too. Only a time is "the last commit" before it.
  const byHash = state.moment.isCommit === true && state.moment.commit.startsWith(state.moment.given.toLowerCase());
  const lines = [
    style.bold(safe(`State as of ${state.moment.given}${byHash ? `, committed ${when}` : ''}`)),
    ...(byHash
      ? []
      : [
          style.dim(
            safe(
              `repository at ${state.moment.commit.slice(0, 7)} (${
                state.moment.future ? 'HEAD' : state.moment.isCommit ? `committed ${when}` : `the last commit on HEAD's line at ${when}`
              })`,
            ),
          ),
        ]),
    ...(state.moment.future
      ? [safe(`${state.moment.given} is in the future: this is the present (the repository at HEAD, and what runs as far as the live records tell)`)]
      : []),
    ...(state.readWith ? [style.dim(safe(`read through today's ${state.readWith}: ${state.moment.commit.slice(0, 7)} has none`))] : []),
    '',
  ];
  for (const [key, rows] of Object.entries(state.keys)) {
    lines.push(style.bold(safe(key)));
    const width = Math.max(...rows.map((r) => r.env.length));
    for (const row of rows) {
      lines.push(
        `  ${row.env.padEnd(width)}  declared ${showValue(row.declared)}${row.at ? style.dim(safe(` (${placeText(row.at)})`)) : ''} · ran ${safe(ranText(row.ran))}`,
      );
    }
  }
  lines.push('', style.bold(`Divergences then: ${state.divergencesThen.length}`));
  for (const d of state.divergencesThen) lines.push(`  ${safe(`${d.kind}  ${d.key}${d.envs.length ? `  (${d.envs.join(', ')})` : ''}`)}`);
  if (state.liveDriftThen.length > 0) {
    lines.push('', style.bold(`Running other than their files then: ${state.liveDriftThen.length}`));
    for (const d of state.liveDriftThen)
      lines.push(`  ${safe(`live-drift  ${d.key}  (${d.env}): declared ${showValue(d.declared)}, ran ${showValue(d.ran)}${d.doubt ? `, ${d.doubt}` : ''}`)}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
