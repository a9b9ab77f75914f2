import type { LivePreview } from '../actions/live-patch.js';
import type { PlannedDecision } from '../actions/plan.js';
import type { SavedSession } from '../actions/session-store.js';
import type { LayoutOffer } from '../config/write-config.js';
import type { Decision, Divergence, EnvName } from '../model/types.js';
import { quoted, uncommittedNotice } from '../wording/text.js';
import type { Controller } from './commands.js';
import { backfillOptions, canDeclare, cannotMove, declareLines, revertOptions, skipDecision, type DecisionOption } from './decide.js';
import { layoutFor } from './layout.js';
import { counts, decisionLabel } from './presenter.js';
import { createStore, type Middleware, type Store } from './store.js';
import { initialState, reducer, selectedItem, targets, type Action, type AppState, type LedgerLine } from './state.js';
import { calendarDateProblem } from '../config/calendar-date.js';
import { resumeLines } from './resume.js';
import { fileWrites, harmOf, harmSentence, type FileWrite } from '../actions/harm.js';

/** What the view asks of the world: reading, saving, applying, the editor. run.tsx provides the
 * real ones; tests provide real scans and record the rest. */
export interface Services {
  /** Reads (again) what the list shows, dispatching phases and data as they arrive. */
  load?: (dispatch: (action: Action) => void) => Promise<void>;
  /** Saves the session's decisions; synchronous, so a kill right after a key loses nothing. */
  persist?: (decisions: Decision[]) => void;
  /** The check apply makes, when the decision is made: why it would refuse it, or where the
   * change already is (apply then skips it). */
  validate?: (decision: Decision) => { refused?: string; inPlace?: string };
  /** What apply would do with these decisions, as apply plans it (equal changes merged into one
   * step); undefined while the files' lines are still being read. Throws when apply would refuse
   * them together (two decisions writing different values to one place). */
  plan?: (decisions: Decision[]) => PlannedDecision[] | undefined;
  /** Applies the decisions, saying each step; returns what happened in one line. */
  apply?: (
    decisions: Decision[],
    hooks: { confirmLive: (preview: LivePreview, lastStage: boolean) => Promise<boolean>; step: (line: string) => void },
  ) => Promise<string>;
  /** The files the scan read that differ from HEAD (apply's branch is made from HEAD): named on the
   * apply summary, before the confirmation. */
  uncommitted?: () => Promise<string[]>;
  /** The ledger's entries, by divergence id (`backfill on undrift/… · open, not merged yet`). */
  ledger?: (divergences: Divergence[]) => Promise<Map<string, LedgerLine>>;
  /** Opens the environment's file at the key's line; returns a message when it cannot. */
  openEditor?: (divergence: Divergence, env: EnvName) => string | undefined;
  copy?: (text: string) => void;
  /** Called once with the summary line when the view closes. */
  onExit: (summary: string) => void;
  /** Closes the view (Ink's unmount). */
  unmount?: () => void;
  /** Writes undrift.yaml for the layout chosen among those offered; returns the file written. */
  chooseLayout?: (offers: LayoutOffer[], index: number) => Promise<string>;
}

export interface ViewOptions {
  repoName: string;
  envs?: EnvName[];
  promotion?: EnvName[];
  divergences?: Divergence[];
  patterns?: AppState['patterns'];
  live?: AppState['live'];
  saved?: SavedSession;
  /** The terminal's size now (for page moves). */
  size?: () => { columns: number; rows: number };
}

/** Saves decisions whenever they changed, inside the dispatch that changed them. */
export function persistMiddleware(persist: (decisions: Decision[]) => void): Middleware<AppState, Action> {
  return (before, _action, after) => {
    if (before.session.decisions !== after.session.decisions) persist([...after.session.decisions.values()]);
  };
}

/** The view's behaviour outside React: the store, and the effects the command table asks for. */
export type ViewController = Controller & {
  start(): void;
  offerResume(saved: SavedSession): void;
  /** Checks every decision made again with apply's rules: called when a later read (the files'
   * lines, history) replaces the one they were checked against, or when none was there yet. */
  recheck(): void;
  /** Asks which of the layouts discovery found to use before anything is read; reading starts
   * once one is chosen (and written) or the one taken is kept. */
  offerLayouts(offers: LayoutOffer[], because?: string): void;
  store: Store<AppState, Action>;
};

/** How long after a key progress counts wait before they are shown: each one redraws the whole
 * frame, and a key pressed meanwhile would wait for that frame before its own. */
export const QUIET_AFTER_KEY_MS = 400;

/** A count of how far a source has read (`history: 1,204/3,000 commits`): nothing but news. */
const isProgress = (action: Action) =>
  (action.type === 'phase' || action.type === 'livePhase') && action.phase.state === 'reading' && action.phase.done !== undefined;

/** The dispatch background reading uses: progress counts that arrive while keys are being
 * pressed are held (the newest per source) until the keys pause; anything else (data, a source
 * done or failed) is dispatched at once, after what is held, so the order holds. */
export function quietDispatch(dispatch: (action: Action) => void, lastKeyAt: () => number, now = () => performance.now()): (action: Action) => void {
  const held = new Map<string, Action>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const wait = lastKeyAt() + QUIET_AFTER_KEY_MS - now();
    if (wait > 0) return schedule(wait);
    release();
  };
  const schedule = (wait: number) => {
    timer ??= setTimeout(flush, wait);
    timer.unref?.();
  };
  const release = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const actions = [...held.values()];
    held.clear();
    for (const a of actions) dispatch(a);
  };
  return (action) => {
    const wait = lastKeyAt() + QUIET_AFTER_KEY_MS - now();
    if (isProgress(action) && wait > 0) {
      held.set(action.type === 'livePhase' ? `live ${action.env}` : action.type === 'phase' ? action.source : '', action);
      return schedule(wait);
    }
    release();
    dispatch(action);
  };
}

export function createController(services: Services, options: ViewOptions): ViewController {
  // When the person last did something (a key): background progress keeps quiet a moment after.
  let lastKeyAt = -Infinity;
  let inBackground = false;
  const userActivity: Middleware<AppState, Action> = () => {
    if (!inBackground) lastKeyAt = performance.now();
  };
  const store = createStore(reducer, initialState(options), [...(services.persist ? [persistMiddleware(services.persist)] : []), userActivity]);
  const dispatch = (action: Action) => store.dispatch(action);
  const background = quietDispatch(
    (action) => {
      inBackground = true;
      try {
        store.dispatch(action);
      } finally {
        inBackground = false;
      }
    },
    () => lastKeyAt,
  );
  const get = () => store.getState();
  const layout = () => {
    const size = options.size?.() ?? { columns: 100, rows: 24 };
    return layoutFor(size.columns, size.rows);
  };
  let liveAnswer: ((yes: boolean) => void) | undefined;
  let loading: Promise<void> | undefined;

  const toastError = (prefix: string, e: unknown) => dispatch({ type: 'toast', text: `${prefix}: ${(e as Error).message}` });

  const reload = () => {
    if (!services.load || loading) return;
    loading = services
      .load(background)
      .then(() => refreshLedger())
      .catch((e) => toastError('reading failed', e))
      .finally(() => {
        loading = undefined;
      });
  };

  const refreshLedger = async () => {
    if (!services.ledger) return;
    try {
      dispatch({ type: 'ledger', applied: await services.ledger(get().divergences) });
    } catch (e) {
      toastError('the ledger could not be read', e);
    }
  };

  /** What apply says of each decision: refusals by divergence id, and one line about changes
   * already in place. */
  const check = (decisions: Decision[]) => {
    const refusals = new Map<string, string>();
    const inPlace: string[] = [];
    for (const d of decisions) {
      const verdict = services.validate?.(d);
      if (verdict?.refused && d.divergence) refusals.set(d.divergence, verdict.refused);
      if (verdict?.inPlace) inPlace.push(`${d.key} is already so on ${verdict.inPlace}`);
    }
    return { refusals, inPlace };
  };

  const recordChecked = (decisions: Decision[]) => {
    const { refusals, inPlace } = check(decisions);
    dispatch({ type: 'decide', decisions, refusals });
    if (inPlace.length && refusals.size === 0) dispatch({ type: 'toast', text: `recorded; ${inPlace.join('; ')}: apply will skip it (u undoes)` });
  };

  /** What apply would write into the files for a decision; undefined while the files' lines are
   * still being read (the decision's own value is judged then). */
  const plannedWrites = (decision: Decision): FileWrite[] | undefined => {
    try {
      const steps = services.plan?.([decision]);
      return steps && fileWrites(steps);
    } catch {
      return undefined;
    }
  };

  /** Checks a choice with apply's rules first, then asks before a risky one, then records: a
   * choice apply refuses (one picked among several ways) is recorded as refused (with why), never
   * confirmed as a risk taken. */
  const record = (decisions: Decision[]) => {
    const { refusals } = check(decisions);
    const risky = decisions.filter((d) => !d.divergence || !refusals.has(d.divergence)).flatMap((d) => riskOf(get(), d, plannedWrites(d)) ?? []);
    if (risky.length > 0) return dispatch({ type: 'prompt', prompt: { kind: 'risk', lines: risky, decisions, typed: '' } });
    recordChecked(decisions);
  };

  const decide: Controller['decide'] = (kind) => {
    const s = get();
    const chosen = targets(s);
    if (chosen.length === 0) return dispatch({ type: 'toast', text: 'nothing selected' });
    if (kind === 'skip') return record(chosen.map(skipDecision));
    if (kind === 'declare') {
      const refused = chosen.map(canDeclare).find(Boolean);
      if (refused) return dispatch({ type: 'toast', text: refused });
      const removal = chosen.every((d) => d.kind === 'stale-declaration' && d.severity === 'info');
      if (removal) return record(chosen.map((d) => ({ key: d.key, divergence: d.id, action: 'undeclare' })));
      const existing = s.session.decisions.get(chosen[0]!.id);
      const item = s.ui.marks.size === 0 ? selectedItem(s) : undefined;
      const group = item?.type === 'group' ? item : undefined;
      // A whole group is declared by its pattern's one entry; part of one (a filter hides some of
      // its keys) key by key, so the declaration covers no more than was chosen.
      const pattern = group && group.members.length === group.pattern.keys.length ? group.pattern : undefined;
      return dispatch({
        type: 'prompt',
        prompt: {
          kind: 'form',
          title:
            !group && chosen.length === 1 && (chosen[0]!.kind === 'live-drift' || chosen[0]!.kind === 'live-only')
              ? `Accept ${chosen[0]!.envs[0]}'s live ${chosen[0]!.key} as it runs`
              : `Declare ${group ? `the pattern ${group.pattern.glob} (${chosen.length} keys)` : chosen.length === 1 ? chosen[0]!.key : `${chosen.length} keys`} intended`,
          lines: pattern
            ? [
                `one contract entry: ${pattern.glob}: ${s.envs.map((env) => `${env} ${pattern.allowed[env] ?? '—'}`).join(' · ')}`,
                `covering ${chosen.map((d) => d.key).join(', ')}`,
              ]
            : chosen.length === 1
              ? declareLines(chosen[0]!, s.envs)
              : chosen.map((d) => `  ${d.key}`),
          ...(pattern ? { pattern: pattern.glob } : {}),
          fields: [
            { name: 'reason', label: 'reason (required)', value: existing?.reason ?? '' },
            { name: 'owner', label: 'owner', value: existing?.owner ?? '' },
            {
              name: 'expires',
              label: 'expires (YYYY-MM-DD, optional)',
              // An accepted live value ends where the verdict read an end for it.
              value:
                existing?.expires ??
                (chosen.length === 1 && (chosen[0]!.kind === 'live-drift' || chosen[0]!.kind === 'live-only') ? (chosen[0]!.verdict?.expires ?? '') : ''),
            },
          ],
          field: 0,
          ids: chosen.map((d) => d.id),
        },
      });
    }
    // Options apply would refuse (a value the contract forbids there, a snapshot to patch) come
    // last, each with apply's reason, so the first one offered is one that can be carried out.
    const refusalOf = (o: DecisionOption) => services.validate?.(o.decision).refused;
    const optionsOf = (d: Divergence) => {
      const all = (kind === 'revert' ? revertOptions(d, s.envs) : backfillOptions(d, s.envs)).map((o) => ({ option: o, refused: refusalOf(o) }));
      return [...all.filter((o) => !o.refused), ...all.filter((o) => o.refused)].map(({ option, refused }) =>
        refused ? { ...option, label: `${option.label} — ✗ apply refuses it: ${refused}` } : option,
      );
    };
    if (chosen.length > 1) {
      // Bulk: each divergence gets its first option (the verdict's, unless apply refuses it); one
      // whose every option apply refuses is left undecided, not recorded as a refusal.
      const firsts = chosen.map((d) => optionsOf(d)[0]?.decision).filter((d) => d !== undefined);
      const decisions = firsts.filter((d) => !refusalOf({ label: '', decision: d }));
      const refused = firsts.length - decisions.length;
      if (decisions.length === 0)
        return dispatch({
          type: 'toast',
          text: refused
            ? `nothing recorded: apply refuses to ${kind} any of them (one alone with ${kind} shows why)`
            : `nothing to ${kind} among the marked divergences`,
        });
      record(decisions);
      if (refused && !get().ui.prompt)
        dispatch({ type: 'toast', text: `${kind} recorded for ${decisions.length}; ${refused} left undecided: apply refuses to ${kind} them` });
      return;
    }
    const options: DecisionOption[] = optionsOf(chosen[0]!);
    if (options.length === 0) return dispatch({ type: 'toast', text: cannotMove(kind, chosen[0]!, s.envs)! });
    // The one way to carry it out is one apply refuses: nothing is recorded, and the refusal says
    // what to do instead (a pressed key that records a ✗ leaves a decision to undo).
    const only = options.length === 1 ? refusalOf(options[0]!) : undefined;
    if (only) return dispatch({ type: 'toast', text: `not recorded: apply would refuse to ${kind} ${chosen[0]!.key}: ${only}` });
    if (options.length === 1) return record([options[0]!.decision]);
    dispatch({
      type: 'prompt',
      prompt: {
        kind: 'choice',
        title: `${kind} ${chosen[0]!.key}: which one?`,
        options: options.map((o) => ({ label: o.label, decisions: [o.decision] })),
        selected: 0,
      },
    });
  };

  const choose: Controller['choose'] = (index) => {
    const prompt = get().ui.prompt;
    if (prompt?.kind === 'layout') return chooseLayout(prompt, index ?? prompt.selected);
    if (prompt?.kind !== 'choice') return;
    const option = prompt.options[index ?? prompt.selected];
    if (!option) return;
    dispatch({ type: 'prompt', prompt: undefined });
    record(option.decisions);
  };

  const chooseLayout = (prompt: Extract<AppState['ui']['prompt'], { kind: 'layout' }>, index: number) => {
    const offer = prompt.options[index];
    if (!offer) return;
    dispatch({ type: 'prompt', prompt: undefined });
    if (!services.chooseLayout) return reload();
    services
      .chooseLayout(prompt.options, index)
      .then((file) => dispatch({ type: 'toast', text: `wrote ${file} for ${offer.layout}` }))
      .catch((e) => toastError('undrift.yaml was not written', e))
      .finally(reload);
  };

  const submitForm = () => {
    const s = get();
    const prompt = s.ui.prompt;
    if (prompt?.kind !== 'form') return;
    const value = (field: string) => prompt.fields.find((f) => f.name === field)!.value.trim();
    if (!value('reason')) return dispatch({ type: 'prompt', prompt: { ...prompt, field: 0, error: 'say why the difference is intended' } });
    const expires = value('expires');
    const dateProblem = expires ? calendarDateProblem(expires) : undefined;
    if (dateProblem) return dispatch({ type: 'prompt', prompt: { ...prompt, field: 2, error: `expires: ${dateProblem}` } });
    const decisions = prompt.ids.map((id): Decision => {
      const d = s.divergences.find((x) => x.id === id)!;
      return {
        key: d.key,
        divergence: id,
        action: 'declare',
        ...(prompt.pattern ? { pattern: prompt.pattern } : {}),
        reason: value('reason'),
        ...(value('owner') ? { owner: value('owner') } : {}),
        ...(expires ? { expires } : {}),
      };
    });
    dispatch({ type: 'prompt', prompt: undefined });
    record(decisions);
  };

  const startApply = () => {
    const s = get();
    const all = [...s.session.decisions.values()];
    if (!services.apply) return dispatch({ type: 'toast', text: 'applying is not available here' });
    // Skips change nothing, but apply records them in the ledger, so a backlog shows what was looked at.
    const skips = all.filter((d) => d.action === 'skip' && !s.refusals.has(d.divergence!));
    const decisions = all.filter((d) => d.action !== 'skip');
    const acting = decisions.filter((d) => !s.refusals.has(d.divergence!));
    const refused = decisions.filter((d) => s.refusals.has(d.divergence!));
    if (acting.length === 0 && skips.length === 0)
      return dispatch({ type: 'toast', text: `nothing apply would accept: ${refused.length} decision(s) are refused (m shows why)` });
    const last = s.promotion.at(-1);
    const touchesLast = acting.some((d) => d.env === last || d.to === 'all' || d.action === 'declare' || d.action === 'undeclare');
    const leftOut = `${skips.length ? `, ${skips.length} skip(s) recorded` : ''}${refused.length ? `; ${refused.length} refused, left out` : ''}`;
    // Made when shown: the check below may wait for the files' lines, and then the plan is known.
    const known = planLines(acting, leftOut);
    const summaryLines = () => {
      const lines = known ??
        planLines(acting, leftOut) ?? [
          // The files' lines are not read yet: what each decision asks for, not yet the commits.
          `${acting.length} decision(s)${leftOut} (the commits they make are known once the files' lines are read):`,
          ...acting.map(
            (d) =>
              `  ${decisionLabel(d).slice(2)} ${d.key}${d.value !== undefined ? ` = ${quoted(d.value)}` : ''}${d.target === 'live' ? ' (live object)' : ''}${whereItGoes(s, d)}`,
          ),
        ];
      if (skips.length) lines.push(`  recorded as looked at and left as they are (skip): ${skips.map((d) => d.key).join(', ')}`);
      if (refused.length) lines.push('', 'not applied, refused (✗):', ...refused.map((d) => `  ${d.key}: ${s.refusals.get(d.divergence!)}`));
      // A key an earlier apply decided on a branch not merged yet: two branches deciding it apart
      // (opposite backfills swap the values) were applied without a word (a newcomer's trial, session 36).
      const openElsewhere = acting.filter((d) => s.applied.get(d.divergence!)?.open);
      if (openElsewhere.length)
        lines.push(
          '',
          '⚠ decided on a branch not merged yet as well: where that decision differs from this one, merging both leaves the key ' +
            'decided two ways (apply names each; close the branch you no longer want):',
          ...openElsewhere.map((d) => `  ${d.key}: ${s.applied.get(d.divergence!)!.text}`),
        );
      lines.push('', 'Repo changes become commits on a new branch (your checkout is not touched); live reverts are dry-run and confirmed one by one.');
      return lines;
    };
    const show = (dirty: readonly string[]) => {
      const lines = summaryLines();
      const shown = dirty.length > 0 ? [...lines, '', `⚠ ${uncommittedNotice(dirty)}`] : lines;
      dispatch({ type: 'prompt', prompt: { kind: 'apply', lines: shown, typed: '', ...(touchesLast && last ? { mustType: last } : {}) } });
    };
    // A branch is made only for repo changes; the summary waits for the check (one git diff), so
    // the warning is on it before anything can be confirmed.
    if (services.uncommitted && acting.some((d) => d.target !== 'live')) {
      // The check needs the files' lines (a values-only read does not say where a value came from).
      if (!known) dispatch({ type: 'toast', text: "apply: the files' lines are being read; the summary follows" });
      void services.uncommitted().then(show, () => show([]));
    } else show([]);
  };

  /** What apply will do, step by step as it plans them: one commit per change (decisions asking
   * for the same change, like the cross-env and the live-drift row of one key, make one), each
   * live patch, what already holds. Undefined until the files' lines are read. */
  const planLines = (acting: Decision[], leftOut: string): string[] | undefined => {
    let steps: PlannedDecision[] | undefined;
    try {
      steps = acting.length ? services.plan?.(acting) : [];
    } catch (e) {
      return [`apply would refuse these decisions together: ${(e as Error).message}`];
    }
    if (!steps) return undefined;
    const commits = steps.filter((p) => !p.inPlace && p.files.length + p.contract.length > 0);
    const patches = steps.flatMap((p) => p.live);
    const holding = steps.filter((p) => p.inPlace);
    const merged = (p: PlannedDecision) => (p.decisions.length > 1 ? ` (${p.decisions.length} decisions, one change)` : '');
    return [
      `${commits.length} commit(s) on a new branch, ${patches.length} live patch(es)${leftOut}:`,
      ...commits.map(
        (p, i) =>
          `  commit ${i + 1}: ${p.subject}${merged(p)} → ` +
          [...new Set([...p.files.map((f) => f.file), ...p.contract.map((c) => (c.section ? `${c.file} (${c.section}:)` : c.file))])].join(', '),
      ),
      ...patches.map(
        (l) => `  live patch: ${l.key} in ${l.env}, ${l.value === null ? 'removed' : `set to ${quoted(l.value)}`} (dry run and confirmation first)`,
      ),
      ...holding.map((p) => `  already so, nothing written: ${p.subject} (${p.inPlace})`),
    ];
  };

  /** Where a decision's change is written, as far as the view knows: the environment's file for a
   * repo change, the contract for a declaration. */
  const whereItGoes = (s: AppState, d: Decision): string => {
    if (d.pattern) return ` → the contract, in one entry for ${d.pattern}`;
    if (d.action === 'declare' || d.action === 'undeclare') return ' → the contract';
    if (d.target === 'live') return '';
    const divergence = s.divergences.find((x) => x.id === d.divergence);
    const envs = d.to === 'all' ? s.envs : Array.isArray(d.to) ? d.to : d.env ? [d.env] : [];
    const files = [...new Set(envs.flatMap((env) => divergence?.values[env]?.at?.file ?? []))];
    return files.length ? ` → ${files.join(', ')}` : '';
  };

  const runApply = async () => {
    const s = get();
    const decisions = [...s.session.decisions.values()].filter((d) => !s.refusals.has(d.divergence!));
    dispatch({ type: 'prompt', prompt: undefined });
    dispatch({ type: 'busy', text: 'applying' });
    const confirmLive = (preview: LivePreview, lastStage: boolean) =>
      new Promise<boolean>((resolve) => {
        liveAnswer = resolve;
        dispatch({
          type: 'prompt',
          prompt: {
            kind: 'live',
            typed: '',
            lines: [
              preview.object,
              `${preview.field}: ${quoted(preview.before)} → ${quoted(preview.after)}`,
              `server dry run passed (resourceVersion ${preview.resourceVersion}); written with that precondition, as field manager undrift`,
              ...(preview.afterConflict ? ['the object changed since it was first read (409): this is what is there now'] : []),
              ...(preview.against ? [`decided against the verdict: ${preview.against}`] : []),
            ],
            ...(lastStage ? { mustType: preview.env } : {}),
          },
        });
      });
    // What apply did stays on screen when it ends (esc closes it): the outcome, then every step.
    const report = (outcome: string) => dispatch({ type: 'report', text: [outcome, '', ...get().ui.progress.map((l) => `  ${l}`)].join('\n') });
    try {
      const result = await services.apply!(decisions, { confirmLive, step: (line) => dispatch({ type: 'progress', line }) });
      dispatch({ type: 'applied' });
      dispatch({ type: 'toast', text: result });
      report(result);
      appliedSummary = result;
      reload();
    } catch (e) {
      toastError('not applied', e);
      report(`not applied: ${(e as Error).message}`);
    } finally {
      dispatch({ type: 'prompt', prompt: undefined });
      dispatch({ type: 'busy', text: undefined });
    }
  };
  let appliedSummary = '';

  const confirm: Controller['confirm'] = (yes) => {
    const prompt = get().ui.prompt;
    if (!prompt || (prompt.kind !== 'apply' && prompt.kind !== 'live' && prompt.kind !== 'risk')) return;
    const typed = prompt.typed.trim();
    const ok = yes && (prompt.kind !== 'risk' && prompt.mustType ? typed === prompt.mustType : typed.toLowerCase() === 'y' || typed.toLowerCase() === 'yes');
    if (prompt.kind === 'live') {
      dispatch({ type: 'prompt', prompt: undefined });
      liveAnswer?.(ok);
      liveAnswer = undefined;
      return;
    }
    dispatch({ type: 'prompt', prompt: undefined });
    if (prompt.kind === 'risk') {
      if (!ok) return dispatch({ type: 'toast', text: 'not recorded' });
      return recordChecked(prompt.decisions);
    }
    if (ok) void runApply();
    else dispatch({ type: 'toast', text: 'not applied' });
  };

  const summary = () => {
    const c = counts(get());
    const saved = c.decided > 0 ? `; ${c.decided} decision${c.decided === 1 ? '' : 's'} saved — run undrift again to resume` : '';
    const earlier = `${c.open ? `, ${c.open} open` : ''}${c.applied ? `, ${c.applied} applied` : ''}`;
    return `undrift: ${c.total} divergences, ${c.decided} decided, ${c.undecided} undecided${earlier}${saved}${appliedSummary ? `; ${appliedSummary}` : ''}`;
  };
  let exited = false;
  const exit = () => {
    if (exited) return;
    exited = true;
    services.onExit(summary());
    services.unmount?.();
  };

  const controller: ViewController = {
    store,
    listHeight: () => layout().listHeight,
    bodyHeight: () => layout().bodyHeight,
    decide,
    choose,
    submitForm,
    startApply,
    confirm,
    resume(yes: boolean) {
      const prompt = get().ui.prompt;
      if (prompt?.kind !== 'resume') return;
      if (!yes) return dispatch({ type: 'forget' });
      dispatch({ type: 'restore', decisions: prompt.decisions, refusals: check(prompt.decisions).refusals });
    },
    reload,
    keepLayout() {
      const prompt = get().ui.prompt;
      if (prompt?.kind !== 'layout') return;
      dispatch({ type: 'prompt', prompt: undefined });
      dispatch({ type: 'toast', text: `kept ${prompt.options[0]!.layout} for this run; undrift.yaml not written` });
      reload();
    },
    edit() {
      const d = targets(get())[0];
      if (!d) return;
      const env = editTarget(d);
      if (!services.openEditor) return dispatch({ type: 'toast', text: 'no editor here' });
      const problem = services.openEditor(d, env);
      if (problem) return dispatch({ type: 'toast', text: problem });
      reload();
    },
    copy() {
      const item = selectedItem(get());
      if (!item) return;
      const text = item.type === 'group' ? item.pattern.glob : item.divergence.key;
      services.copy?.(text);
      dispatch({ type: 'toast', text: `copied ${text}` });
    },
    quit() {
      const c = counts(get());
      if (c.decided === 0) return exit();
      dispatch({
        type: 'prompt',
        prompt: { kind: 'quit', lines: [`${c.decided} decision(s) are not applied. They are saved; undrift offers them again next time.`] },
      });
    },
    exit,
    /** Asks whether to resume decisions saved by an earlier session. */
    recheck() {
      const decisions = [...get().session.decisions.values()];
      if (decisions.length > 0) dispatch({ type: 'recheck', refusals: check(decisions).refusals });
    },
    offerResume(saved: SavedSession) {
      const when = saved.savedAt.replace('T', ' ').slice(0, 16);
      const header = `${saved.decisions.length} decision(s) saved ${when} UTC, not applied:`;
      // Each says what it does, where and on which row, whatever the decision names itself.
      dispatch({ type: 'prompt', prompt: { kind: 'resume', header, decisions: saved.decisions, lines: resumeLines(header, saved.decisions, get().envs) } });
    },
    offerLayouts(offers, because) {
      dispatch({ type: 'prompt', prompt: { kind: 'layout', options: offers, selected: 0, ...(because ? { because } : {}) } });
    },
    start() {
      if (options.saved) controller.offerResume(options.saved);
      reload();
    },
  };
  return controller;
}

/** The environment whose file `e` opens: the one the verdict says drifted, else the first
 * environment the divergence is about that has the key in a file, else any that has. */
export function editTarget(d: Divergence): EnvName {
  const has = (env: EnvName | null | undefined) => !!env && !!d.values[env]?.at;
  if (has(d.verdict?.drifted)) return d.verdict!.drifted!;
  return d.envs.find(has) ?? Object.keys(d.values).find(has) ?? d.verdict?.drifted ?? d.envs[0]!;
}

/** A harmful choice is confirmed first, naming the risk (harmOf says which are). */
function riskOf(state: AppState, decision: Decision, writes: FileWrite[] | undefined): string | undefined {
  const d = state.divergences.find((x) => x.id === decision.divergence);
  if (!d) return undefined;
  const history = state.loading.history.state === 'off' ? 'off' : 'pending';
  const harm = harmOf(d, decision, { envs: state.envs, promotion: state.promotion, history, ...(writes ? { writes } : {}) });
  return harm && harmSentence(harm);
}
