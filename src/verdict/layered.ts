// A value set in a file several environments share — a chart's values.yaml under values-<env>.yaml,
// node-config's default.yaml under <env>.yaml, a Kustomize base under its overlays, Spring's
// application.yml under its profiles — is changed once, for every environment that does not set the
// key in a file of its own; an environment whose own file sets it keeps its value. Such a difference
// is no environment's change that another did not take: it is the base change, and the override
// that shadows it. What decides is the override: written before the base change and not for its
// value (an import, a copy of what the base held), the base change is the deliberate one and the
// override is aligned; written as the environment's own choice (its text says so), the difference
// is intended. Pure: the environments' files come in as `context.layers`.
import type { Divergence, EnvName, HistoryEvent, Verdict } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { Findings } from './findings.js';
import { intentOfChange, recordIntent } from './intent-evidence.js';
import { readIntent, type Intent } from './intent.js';
import { intentText } from './log.js';
import { olderThan } from './ordering.js';
import { qualityCap } from './quality.js';
import { isPerEnvironment, isRisky, looksLoosened, RISK_WORDS } from './risk.js';
import { day, daysBetween, describeCommit, list, round, short, shown } from './words.js';

/** Risk classes where a value meant for one environment harms another: a base change of one never
 * reaches an overriding environment on its place in the files alone, only on its text. */
const STRONG_RISK = new Set(['security', 'permissions', 'debug', 'secret', 'alerting']);

// A commit that brought files in rather than decided values: an import, a copy, a move, a first
// version, a scaffold ("Import payments-api chart from the old deploy repo", "copy prod values from
// the ops repo", "Initial commit", "bootstrap config", "migrate to the new layout", "split values per
// env", "Chart aus dem alten Repo übernommen", "import initial des valeurs", "copiado del repo viejo").
const BROUGHT_IN = new RegExp(
  [
    String.raw`(?<![\p{L}])(?:import(?:ed|ing|s)?|copy|copied|copies|copying|mov(?:e|ed|ing) (?:\S+ ){0,4}(?:from|over|here|in)|`,
    String.raw`migrat\w* (?:\S+ ){0,4}(?:from|to (?:the )?(?:new|one|a) (?:repo\w*|layout|chart|structure|format))|port(?:ed|ing)? (?:\S+ ){0,3}from|`,
    String.raw`initial(?: commit| import| version| config\w*| values| setup| layout| chart)|first (?:version|cut|commit)|bootstrap\w*|scaffold\w*|skeleton|`,
    String.raw`split (?:\S+ ){0,3}(?:per|by|into)|carried over|taken over|brought over|as[- ]is|verbatim|`,
    String.raw`übernommen|importiert|kopiert|migriert|importé\w*|copié\w*|migré\w*|reprise? (?:de|du)|importad[oa]s?|copiad[oa]s?|migrad[oa]s?)(?![\p{L}])`,
  ].join(''),
  'iu',
);

// Words that give a reason beside the environment's name: "prod needs 30s because the PSP closes at
// 25s", "production must stay at 2 so that…", "prod braucht 30, weil…", "en prod car…", "porque…".
const BECAUSE = new RegExp(
  String.raw`(?<![\p{L}])(?:because|since|so that|needs?|requires?|must|otherwise|to (?:avoid|prevent|keep|stop)|due to|weil|damit|braucht|muss|` +
    String.raw`car|parce que|afin de|pour éviter|porque|para que|para evitar|necesita|omdat|zodat|moet)(?![\p{L}])[^.\n]{0,80}`,
  'iu',
);

/** The path without the slashes it may end in (a loop: a pattern for it backtracks). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

/** What the rule suggests, as difference.ts's rules do (its `Partial`, without importing it back). */
type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'> & { explicit?: boolean };

/** The environments' files as layers: which layer of `env` a path belongs to (a file, or a file
 * under a directory the layers name; the most specific one), -1 where none. */
function layerOf(layers: readonly string[], file: string): number {
  let best = -1;
  let length = -1;
  layers.forEach((layer, i) => {
    const within = file === layer || file.startsWith(`${withoutTrailingSlashes(layer)}/`);
    if (within && layer.length > length) [best, length] = [i, layer.length];
  });
  return best;
}

interface Override {
  env: EnvName;
  /** The commit that set the environment's own value, and its file. */
  event: HistoryEvent;
  /** What the base gave the other environments when the override was written (undefined: unknown). */
  baseThen: string | null | undefined;
  /** `copy`: written as the value the base held, or as part of an import, with no reason of its own;
   * `chosen`: its text makes it the environment's own; `unsaid`: a value of its own, no reason said. */
  kind: 'copy' | 'imported' | 'chosen' | 'temporary' | 'unsaid';
  /** A temporary override's stated end (YYYY-MM-DD), where its text gives one. */
  until?: string;
  /** The words that say which. */
  phrase?: string;
}

/** The verdict of a difference a shared base file's change made, where an environment's own file
 * shadows it (see the head of this file); undefined when the difference has another shape. */
export function shadowedBase(d: Divergence, events: Record<EnvName, HistoryEvent[]>, context: VerdictContext, f: Findings): Partial | undefined {
  const layers = context.layers;
  if (!layers || d.kind !== 'cross-env') return undefined;
  const envs = Object.keys(d.values).filter((env) => layers[env]);
  if (envs.length < 2 || envs.length !== Object.keys(d.values).length) return undefined;
  const current = (env: EnvName) => d.values[env]?.repo ?? null;
  const rank = (env: EnvName) => context.promotion.indexOf(env);
  const sharers = (file: string) => envs.filter((env) => layerOf(layers[env]!, file) >= 0);
  // Where each environment's current value was last set: its newest event, if it made today's value.
  const latest = new Map<EnvName, HistoryEvent>();
  for (const env of envs) {
    const e = events[env]?.[0];
    if (!e || e.to !== current(env)) return undefined;
    latest.set(env, e);
  }
  // The base change: the newest change made in a file other environments share, whose value the
  // environments holding it still take from there.
  const fromBase = envs.filter((env) => {
    const e = latest.get(env)!;
    const at = d.values[env]?.at?.file;
    const layer = layerOf(layers[env]!, e.file);
    return sharers(e.file).length >= 2 && layer >= 0 && (at === undefined || layerOf(layers[env]!, at) === layer) && e.from !== e.to;
  });
  if (fromBase.length === 0) return undefined;
  const base = fromBase.map((env) => latest.get(env)!).sort((a, b) => (olderThan(a, b) ? 1 : olderThan(b, a) ? -1 : 0))[0]!;
  const holders = envs.filter((env) => latest.get(env)!.commit === base.commit && current(env) === base.to);
  const target = base.to;
  // Every other environment must be one whose own, later file sets the key, from before the base change.
  const others = envs.filter((env) => !holders.includes(env));
  if (others.length === 0 || others.some((env) => current(env) === target)) return undefined;
  const shadowing: Array<{ env: EnvName; event: HistoryEvent }> = [];
  for (const env of others) {
    // The file the value is read from now names the override: a built overlay's event names the first
    // file its commit touched, which need not be the one that sets the key.
    const at = d.values[env]?.at?.file;
    const own = at ? { ...latest.get(env)!, file: at } : latest.get(env)!;
    const baseLayer = layerOf(layers[env]!, base.file);
    const ownLayer = layerOf(layers[env]!, own.file);
    // The base change came after the environment's own value: a later override is the environment's
    // own change since, weighed as any other (difference.ts).
    if (baseLayer < 0 || ownLayer <= baseLayer || !olderThan(own, base)) return undefined;
    shadowing.push({ env, event: own });
  }
  const deliberate = [...holders].sort((a, b) => rank(b) - rank(a))[0]!;
  // The base change's own text: what it was for, read as written for every environment it reaches.
  const probe = new Findings();
  const intent = intentOfChange(base, deliberate, context, probe, [], [], d.key);
  // A base change its own text limits (a test, a time limit, a rollout, one environment only) is not
  // a setting for all: the difference is weighed as any other.
  if (intent.scope || intent.temporary || intent.rollout || (intent.hold && !intent.hold.follows)) return undefined;

  const overrides = shadowing.map(({ env, event }) => readOverride(env, event, holders, events, context, d.values[env]?.note));
  const sharedBy = sharers(base.file);
  f.add(
    'order',
    `${base.file}, the base file ${list(sharedBy)} share, changed it ${shown(base.from)} → ${shown(target)} in ${describeCommit(base)}: ` +
      `once, for every environment that does not set it in a file of its own (${list(holders)} take${holders.length === 1 ? 's' : ''} it from there)`,
    base.commit,
  );
  intentOfChange(base, deliberate, context, f, [], [], d.key);
  recordIntent(deliberate, base, intent, f);
  for (const o of overrides) {
    f.add(
      'order',
      `${o.env} sets it in its own file ${o.event.file} (${shown(o.event.to)}), which shadows the base file: set in ${describeCommit(o.event)}, before the base change`,
      o.event.commit,
    );
    if (o.kind === 'copy' && o.baseThen !== undefined && o.baseThen === o.event.to)
      f.add(
        'intent',
        `${short(o.event.commit)} wrote ${o.env}'s ${shown(o.event.to)} while ${base.file} held the same ${shown(o.baseThen)}: a copy of the base value, not a choice of ${o.env}'s own`,
        o.event.commit,
      );
    else if (o.kind === 'copy' || o.kind === 'imported')
      f.add('intent', `${short(o.event.commit)} brought files in ("${o.phrase}"), it did not decide ${d.key} for ${o.env}`, o.event.commit);
    else if (o.kind === 'temporary')
      f.add(
        'intent',
        `${short(o.event.commit)} made ${o.env}'s ${shown(o.event.to)} a stop-gap ("${o.phrase}")${o.until ? `, until ${o.until}` : ''}, not ${o.env}'s lasting value`,
        o.event.commit,
      );
    else if (o.kind === 'chosen')
      f.add('intent', `${short(o.event.commit)} made ${o.env}'s ${shown(o.event.to)} its own on purpose ("${o.phrase}")`, o.event.commit);
    else
      f.add(
        'intent',
        `${short(o.event.commit)} gave ${o.env} a value of its own, ${shown(o.event.to)} where the base held ${shown(o.baseThen ?? null)}, and says nothing of why`,
        o.event.commit,
      );
  }
  const age = context.today ? daysBetween(base.date, context.today) : undefined;
  if (age !== undefined)
    f.add('age', `the base change has stood for ${age} day${age === 1 ? '' : 's'} (since ${day(base.date)}) without reaching ${list(others)}`, base.commit);

  const o =
    [...overrides].sort((a, b) => rank(a.env) - rank(b.env)).find((x) => x.kind === 'chosen') ?? overrides.sort((a, b) => rank(a.env) - rank(b.env))[0]!;
  const shadowed =
    `the base change (${short(base.commit)}, for all environments) is shadowed in ${o.env} by ${o.env}'s own override in ${o.event.file} ` +
    `(set in ${short(o.event.commit)}, ${day(o.event.date)}, "${o.event.subject}")`;
  const risk = context.risk ?? 'none';
  const declare = (confidence: number, deliberateEnv: EnvName | null): Partial => ({
    deliberate: deliberateEnv,
    drifted: null,
    suggested: 'declare',
    value: null,
    confidence,
  });
  if (o.kind === 'chosen') {
    f.say(`${shadowed}, made on purpose: the difference is intended; declare it in the contract`);
    return declare(0.65, o.env);
  }
  // The override may be what keeps a weaker base value out of the environment (debug in the defaults,
  // production's own "info"): it is not taken away on the base change alone.
  if (looksLoosened(d.key, target) && !looksLoosened(d.key, o.event.to)) {
    f.add('intent', `${shown(target)} weakens ${d.key} (${RISK_WORDS[risk]}); ${o.env}'s own ${shown(o.event.to)} keeps it out of ${o.env}`);
    f.ask(`${shadowed}: is ${o.env}'s own value what keeps the weaker ${shown(target)} out of ${o.env} (declare), or a leftover to remove?`);
    f.say(`${shadowed}; the base value would weaken ${o.env}: declare the difference while its owner says`);
    return declare(0.45, null);
  }
  // A stop-gap whose stated end is still to come keeps the environment off the base change until then.
  if (o.kind === 'temporary' && o.until && context.today && o.until >= context.today) {
    f.say(`${shadowed}, a stop-gap that runs until ${o.until}: declare the difference until then`);
    return { ...declare(0.6, o.env), expires: o.until };
  }
  if (o.kind === 'unsaid' || (o.kind === 'imported' && isPerEnvironment(risk))) {
    f.ask(
      `${shadowed}: is ${o.env}'s own ${shown(o.event.to)} meant to keep ${o.env} off the base change (declare), or a leftover to remove from ${o.event.file}?`,
    );
    f.say(`${shadowed}, which says nothing of why ${o.env} has a value of its own: declare the difference while someone checks`);
    return declare(0.45, null);
  }
  // A stop-gap whose stated end has passed leaves nothing against the base change; one whose end is
  // not dated is asked about.
  const ended = o.kind === 'temporary' && !!o.until && !!context.today && o.until < context.today;
  const strong = STRONG_RISK.has(risk);
  // A base-file change is, by where it was made, meant for every environment that reads the file; the
  // text saying so, or an incident it fixes, makes it explicit for a key whose wrong value harms.
  const explicit = !!intent.everywhere || (!!intent.incident && !strong) || (!isRisky(risk) && (o.kind === 'copy' || ended));
  // A risky key (a version, a flag, a limit, resources) that an environment pins in its own file is
  // often pinned by its release process: a base change reaches it only on words that say so.
  if (!explicit && isRisky(risk)) {
    f.ask(`${shadowed}: is ${shown(target)} meant for ${o.env} too? ${d.key} is ${RISK_WORDS[risk]}, and nothing says so in words`);
    f.say(`${shadowed}; ${d.key} is ${RISK_WORDS[risk]} and nothing says the base change is meant for ${o.env}: declare the difference while someone checks`);
    return declare(0.45, null);
  }
  const cap = qualityCap(base, intent, events[deliberate] ?? [], deliberate, f);
  // Its text saying every environment, or naming the incident it fixes, adds to what its place says.
  let confidence =
    o.kind === 'copy'
      ? Math.min(0.9, 0.75 + (intent.everywhere ? 0.1 : 0) + (intent.incident ? 0.05 : 0))
      : ended
        ? 0.7
        : o.kind === 'temporary' && intent.everywhere
          ? 0.6
          : 0.55;
  if (ended) f.add('age', `${o.env}'s stop-gap was to end ${o.until}, ${daysBetween(o.until!, context.today!)} days ago`, o.event.commit);
  if (o.kind === 'temporary' && !ended)
    f.ask(
      `${o.env}'s own ${shown(o.event.to)} was a stop-gap ("${o.phrase}"): is what it was for over? Then ${o.env} takes the base change (backfill ${shown(target)}).`,
    );
  if (!explicit) {
    f.ask(`${shadowed}: is ${shown(target)} meant for ${o.env} too? Nothing says so in words`);
    confidence = Math.min(confidence, 0.55);
  }
  if (o.kind === 'imported')
    f.ask(
      `${o.env}'s ${shown(o.event.to)} came in with ${short(o.event.commit)} ("${o.event.subject}"), which does not say why it differed from the base: was it ${o.env}'s own on purpose?`,
    );
  const rest = overrides.filter((x) => x.env !== o.env).map((x) => x.env);
  f.say(
    `${shadowed}, ${o.kind === 'temporary' ? `a stop-gap${ended ? ' past its end' : ''}, not a lasting choice` : 'which was not made for this value'}: ` +
      `backfill ${o.env} with ${shown(target)} (remove the key from ${o.event.file}, so ${o.env} takes ${base.file}'s value)` +
      (rest.length > 0 ? `; ${list(rest)} ${rest.length === 1 ? 'holds' : 'hold'} an override of the same kind` : ''),
  );
  return {
    deliberate,
    drifted: o.env,
    suggested: 'backfill',
    value: target,
    confidence: round(Math.min(confidence, cap)),
    explicit: explicit && confidence >= 0.6,
  };
}

/** What an environment's own value was written as: a copy, an import, a choice, or unsaid. */
function readOverride(
  env: EnvName,
  event: HistoryEvent,
  holders: EnvName[],
  events: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  note: string | undefined,
): Override {
  // What the base gave the environments that take it now, as of the override's commit.
  const then = holders.map((h) => (events[h] ?? []).find((e) => e.commit === event.commit || olderThan(e, event))).find((e) => e !== undefined);
  const baseThen = then ? then.to : undefined;
  // The comment beside the value in the environment's file is the override's text as much as its
  // message ("# temporary: fail fast while the orders DB is migrated").
  const spoken = intentText(event, context.log);
  const text = note && context.risk !== 'secret' ? { ...spoken, body: [spoken.body, note].filter(Boolean).join('\n\n') } : spoken;
  const said = `${text.subject}\n${text.body}`;
  const intent: Intent = readIntent(text, env, context.environments);
  const brought = BROUGHT_IN.exec(said)?.[0];
  const reason = brought ? undefined : ownReason(intent, env, said);
  const kind: Override['kind'] =
    // A stop-gap (a pin "while the DB is migrated", "for now") was the environment's own for a while:
    // the newer base change is weighed against its end.
    intent.temporary
      ? 'temporary'
      : // Insisting on the environment's own value shields it from the base, whatever the value was then.
        intent.pinned || intent.scope?.kind === 'env-only' || (intent.hold && !intent.hold.follows)
        ? 'chosen'
        : baseThen !== undefined && baseThen === event.to
          ? 'copy'
          : reason
            ? 'chosen'
            : brought
              ? 'imported'
              : 'unsaid';
  const phrase =
    kind === 'temporary'
      ? intent.temporary!.phrase
      : kind === 'chosen'
        ? (intent.pinned ?? intent.scope?.phrase ?? intent.hold?.phrase ?? reason ?? event.subject)
        : kind === 'imported' || (kind === 'copy' && brought)
          ? (brought ?? event.subject)
          : undefined;
  const until = kind === 'temporary' ? intent.temporary!.until : undefined;
  return { env, event, baseThen, kind, ...(phrase ? { phrase } : {}), ...(until ? { until } : {}) };
}

/** A reason the text gives for the environment's own value: an incident, a security fix, or the
 * environment named with what it needs. */
function ownReason(intent: Intent, env: EnvName, said: string): string | undefined {
  if (intent.incident) return intent.incident;
  if (intent.security) return intent.security;
  const why = intent.names.includes(env) && !intent.bare && !intent.everywhere ? BECAUSE.exec(said) : null;
  return why ? why[0] : undefined;
}
