import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { LivePreview } from '../actions/live-patch.js';
import type { SavedSession } from '../actions/session-store.js';
import type { Decision, Divergence, EnvName, LiveState } from '../model/types.js';
import { quoted } from '../wording/text.js';
import { DivergenceList } from './components/DivergenceList.js';
import { Detail } from './components/Detail.js';
import { Help, PromptView } from './components/Overlay.js';
import { backfillOptions, canDeclare, declareLines, revertOptions, skipDecision, type DecisionOption, type TuiDecision } from './decide.js';
import { commandFor, hintsFor, keyName, type CommandId, type KeyEvent } from './keymap.js';
import { counts, decisionLabel, detailView, headerLines, listRows } from './presenter.js';
import { initialState, reducer, selectedIndex, visibleDivergences, type AppState, type Prompt } from './state.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface Loaded {
  divergences: Divergence[];
  live?: Map<EnvName, LiveState>;
}

export interface AppProps {
  repoName: string;
  envs: EnvName[];
  /** Upstream first: the last one is where a typed confirmation is asked. */
  promotion: EnvName[];
  initial: Loaded;
  /** Reads everything again (history and live included), reporting progress. */
  reload?: (onProgress: (message: string) => void) => Promise<Loaded>;
  /** Start with a reload: the first screen shows what is quick to read, the rest follows. */
  loadOnStart?: boolean;
  saved?: SavedSession;
  persist?: (decisions: Decision[]) => void;
  /** Applies decisions; returns what happened in one line. */
  apply?: (decisions: Decision[], confirmLive: (preview: LivePreview, lastStage: boolean) => Promise<boolean>) => Promise<string>;
  openEditor?: (file: string, line: number) => void;
  copy?: (text: string) => void;
  onExit: (summary: string) => void;
}

const SPECIAL = new Set(['up', 'down', 'left', 'right', 'tab', 'shift+tab', 'return', 'escape', 'backspace', 'pageUp', 'pageDown', 'home', 'end']);

/** A field's text after a key: typed characters are added and backspaces (0x7F and ^H, also when
 * they arrive in the same chunk as text) take one away. */
function edited(text: string, event: KeyEvent, name: string): string {
  if (name === 'backspace' && !/[^\u007f\b]/.test(event.input)) return text.slice(0, -Math.max(1, event.input.length));
  if (event.ctrl || event.meta || SPECIAL.has(name)) return text;
  let out = text;
  for (const ch of event.input) out = ch === '\u007f' || ch === '\b' ? out.slice(0, -1) : ch < ' ' ? out : out + ch;
  return out;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Every decision of a bulk action, or the selected one. */
function targets(state: AppState): Divergence[] {
  if (state.ui.marks.size > 0) return state.divergences.filter((d) => state.ui.marks.has(d.id));
  const selected = state.divergences.find((d) => d.id === state.ui.selected);
  return selected ? [selected] : [];
}

export function App(props: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const [state, react] = useReducer(reducer, props.initial.divergences, initialState);
  const [live, setLive] = useState(props.initial.live);
  const [frame, setFrame] = useState(0);
  // The input dispatcher reads this, not the last render: a key that arrives right after a mode
  // change (in the same chunk of input, before React renders) goes where the new mode sends it.
  const stateRef = useRef(state);
  const dispatch = useCallback((action: Parameters<typeof reducer>[1]) => {
    stateRef.current = reducer(stateRef.current, action);
    react(action);
  }, []);
  const liveAnswer = useRef<((yes: boolean) => void) | undefined>(undefined);
  /** Whether the user pressed a key yet: until then a reload starts at the top. */
  const touched = useRef(false);

  // The UI stays one row shorter than the terminal: a full-height frame clears the scrollback.
  const height = Math.max(8, rows - 1);
  const bodyHeight = height - 4;
  const listWidth = state.ui.fullTimeline ? 0 : Math.max(30, Math.floor(columns * 0.5));
  const detailWidth = Math.max(20, columns - listWidth - (listWidth ? 1 : 0));
  const listHeight = bodyHeight - 1;

  const reload = useCallback(async () => {
    if (!props.reload) return;
    dispatch({ type: 'loading', text: 'reading repo, history and live state' });
    try {
      const loaded = await props.reload((message) => dispatch({ type: 'loading', text: message }));
      dispatch({ type: 'data', divergences: loaded.divergences, first: !touched.current });
      setLive(loaded.live);
      dispatch({ type: 'loading', text: undefined });
    } catch (e) {
      dispatch({ type: 'loading', text: undefined });
      dispatch({ type: 'toast', text: `reload failed: ${(e as Error).message.split('\n')[0]}` });
    }
  }, [props]);

  useEffect(() => {
    if (props.saved) {
      const when = props.saved.savedAt.replace('T', ' ').slice(0, 16);
      dispatch({ type: 'prompt', mode: 'resume', prompt: { kind: 'resume', decisions: props.saved.decisions, lines: [`${props.saved.decisions.length} decision(s) saved ${when} UTC, not applied:`, ...props.saved.decisions.slice(0, 8).map((d) => `  ${d.action} ${d.key}${d.env ? ` (${d.env})` : ''}`)] } });
    }
    if (props.loadOnStart) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Decisions are saved as they are made: a crash or a kill loses nothing.
  const firstPersist = useRef(true);
  useEffect(() => {
    if (firstPersist.current) {
      firstPersist.current = false;
      return;
    }
    props.persist?.([...state.session.decisions.values()]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.session.decisions]);

  useEffect(() => {
    if (!state.ui.loading && state.ui.mode !== 'busy') return;
    const timer = setInterval(() => setFrame((f) => (f + 1) % SPINNER.length), 120);
    return () => clearInterval(timer);
  }, [state.ui.loading, state.ui.mode]);

  const summary = useCallback((extra?: string) => {
    const c = counts(stateRef.current);
    const saved = c.decided > 0 && !extra ? `; ${c.decided} decision${c.decided === 1 ? '' : 's'} saved — run undrift again to resume` : '';
    return `undrift: ${c.total} divergences, ${c.decided} decided, ${c.undecided} undecided${saved}${extra ? `; ${extra}` : ''}`;
  }, []);

  const quit = useCallback((extra?: string) => {
    props.onExit(summary(extra));
    exit();
  }, [exit, props, summary]);

  const decide = useCallback((kind: 'revert' | 'backfill' | 'declare' | 'skip') => {
    const s = stateRef.current;
    const chosen = targets(s);
    if (chosen.length === 0) return dispatch({ type: 'toast', text: 'nothing selected' });
    if (kind === 'skip') return dispatch({ type: 'decide', decisions: chosen.map(skipDecision) });
    if (kind === 'declare') {
      const refused = chosen.map(canDeclare).find(Boolean);
      if (refused) return dispatch({ type: 'toast', text: refused });
      const removal = chosen.every((d) => d.kind === 'stale-declaration' && d.severity === 'info');
      if (removal) return dispatch({ type: 'decide', decisions: chosen.map((d) => ({ key: d.key, divergence: d.id, action: 'declare' })) });
      const existing = s.session.decisions.get(chosen[0]!.id);
      return dispatch({
        type: 'prompt',
        mode: 'form',
        prompt: {
          kind: 'form',
          title: `Declare ${chosen.length === 1 ? chosen[0]!.key : `${chosen.length} keys`} intended`,
          lines: chosen.length === 1 ? declareLines(chosen[0]!, props.envs) : chosen.map((d) => `  ${d.key}`),
          fields: [
            { name: 'reason', label: 'reason (required)', value: existing?.reason ?? '' },
            { name: 'owner', label: 'owner', value: existing?.owner ?? '' },
            { name: 'expires', label: 'expires (YYYY-MM-DD, optional)', value: existing?.expires ?? '' },
          ],
          field: 0,
          ids: chosen.map((d) => d.id),
        },
      });
    }
    const optionsOf = (d: Divergence) => (kind === 'revert' ? revertOptions(d, props.envs) : backfillOptions(d, props.envs));
    if (chosen.length > 1) {
      // Bulk: each divergence gets its first (the verdict's) option.
      const decisions = chosen.map((d) => optionsOf(d)[0]?.decision).filter((d): d is TuiDecision => d !== undefined);
      if (decisions.length === 0) return dispatch({ type: 'toast', text: `nothing to ${kind} among the marked divergences` });
      return dispatch({ type: 'decide', decisions });
    }
    const options: DecisionOption[] = optionsOf(chosen[0]!);
    if (options.length === 0) return dispatch({ type: 'toast', text: chosen[0]!.kind === 'artifact' ? 'an image is fixed by redeploying; declare or skip it' : `no value to ${kind} with` });
    if (options.length === 1) return dispatch({ type: 'decide', decisions: [options[0]!.decision] });
    dispatch({ type: 'prompt', mode: 'choice', prompt: { kind: 'choice', title: `${kind} ${chosen[0]!.key}: which one?`, options: options.map((o) => ({ label: o.label, decisions: [o.decision] })), selected: 0 } });
  }, [props.envs]);

  const startApply = useCallback(() => {
    const s = stateRef.current;
    const decisions = [...s.session.decisions.values()].filter((d) => d.action !== 'skip');
    if (decisions.length === 0) return dispatch({ type: 'toast', text: 'nothing to apply: decide with r, b or d first' });
    if (!props.apply) return dispatch({ type: 'toast', text: 'applying is not available here' });
    const last = props.promotion.at(-1);
    const touchesLast = decisions.some((d) => d.env === last || d.to === 'all' || d.action === 'declare');
    const lines = decisions.map((d) => `  ${decisionLabel(d).slice(2)} ${d.key}${d.value !== undefined ? ` = ${d.value ?? 'absent'}` : ''}${d.target === 'live' ? ' (live object)' : ''}`);
    lines.push('', 'Repo changes become commits on a new branch (your checkout is not touched); live reverts are dry-run and confirmed one by one.');
    dispatch({ type: 'prompt', mode: 'apply', prompt: { kind: 'apply', lines, typed: '', ...(touchesLast && last ? { mustType: last } : {}) } });
  }, [props]);

  const runApply = useCallback(async () => {
    const decisions = [...stateRef.current.session.decisions.values()].filter((d) => d.action !== 'skip');
    dispatch({ type: 'prompt', prompt: undefined, mode: 'busy' });
    dispatch({ type: 'loading', text: 'applying' });
    const confirmLive = (preview: LivePreview, lastStage: boolean) =>
      new Promise<boolean>((resolve) => {
        liveAnswer.current = resolve;
        dispatch({
          type: 'prompt',
          mode: 'live',
          prompt: {
            kind: 'live',
            typed: '',
            lines: [`${preview.object}`, `${preview.field}: ${quoted(preview.before)} → ${quoted(preview.after)}`, `server dry run passed (resourceVersion ${preview.resourceVersion}); written with that precondition, as field manager undrift`, ...(preview.afterConflict ? ['the object changed since it was first read (409): this is what is there now'] : [])],
            ...(lastStage ? { mustType: preview.env } : {}),
          },
        });
      });
    try {
      const result = await props.apply!(decisions, confirmLive);
      dispatch({ type: 'applied' });
      dispatch({ type: 'prompt', prompt: undefined, mode: 'list' });
      dispatch({ type: 'toast', text: result });
      if (props.reload) void reload();
    } catch (e) {
      dispatch({ type: 'prompt', prompt: undefined, mode: 'list' });
      dispatch({ type: 'toast', text: `not applied: ${(e as Error).message.split('\n')[0]}` });
    } finally {
      dispatch({ type: 'loading', text: undefined });
    }
  }, [props, reload]);

  const run = useCallback((command: CommandId) => {
    const s = stateRef.current;
    const visible = visibleDivergences(s);
    const selected = s.divergences.find((d) => d.id === s.ui.selected);
    const inDetail = s.ui.mode === 'detail';
    switch (command) {
      case 'move.down':
        return inDetail ? dispatch({ type: 'detailScroll', by: 1 }) : dispatch({ type: 'move', by: 1, height: listHeight });
      case 'move.up':
        return inDetail ? dispatch({ type: 'detailScroll', by: -1 }) : dispatch({ type: 'move', by: -1, height: listHeight });
      case 'move.top':
        return dispatch({ type: 'moveTo', index: 0, height: listHeight });
      case 'move.bottom':
        return dispatch({ type: 'moveTo', index: visible.length - 1, height: listHeight });
      case 'move.halfDown':
        return dispatch({ type: 'move', by: Math.max(1, Math.floor(listHeight / 2)), height: listHeight });
      case 'move.halfUp':
        return dispatch({ type: 'move', by: -Math.max(1, Math.floor(listHeight / 2)), height: listHeight });
      case 'move.pageDown':
        return dispatch({ type: 'move', by: listHeight, height: listHeight });
      case 'move.pageUp':
        return dispatch({ type: 'move', by: -listHeight, height: listHeight });
      case 'pane.switch':
        return dispatch({ type: 'mode', mode: inDetail ? 'list' : 'detail' });
      case 'timeline.open':
        return dispatch({ type: 'timeline', open: true });
      case 'back':
        if (s.ui.fullTimeline || inDetail) return dispatch({ type: 'timeline', open: false });
        if (s.ui.filter) return dispatch({ type: 'filter', text: '' });
        if (s.ui.marks.size) return dispatch({ type: 'toast', text: 'marks kept (space unmarks)' });
        return undefined;
      case 'filter.start':
        return dispatch({ type: 'mode', mode: 'filter' });
      case 'filter.kind':
        return dispatch({ type: 'kindFilter' });
      case 'undecided.next':
        return dispatch({ type: 'nextUndecided', direction: 1, height: listHeight });
      case 'undecided.prev':
        return dispatch({ type: 'nextUndecided', direction: -1, height: listHeight });
      case 'decide.revert':
        return decide('revert');
      case 'decide.backfill':
        return decide('backfill');
      case 'decide.declare':
        return decide('declare');
      case 'decide.skip':
        return decide('skip');
      case 'mark.toggle':
        return selected ? dispatch({ type: 'mark', id: selected.id }) : undefined;
      case 'undo':
        return dispatch({ type: 'undo' });
      case 'redo':
        return dispatch({ type: 'redo' });
      case 'edit': {
        const env = selected && (selected.envs.find((e) => selected.values[e]?.location) ?? Object.keys(selected.values).find((e) => selected.values[e]?.location));
        const location = env ? selected?.values[env]?.location : undefined;
        if (!location || !props.openEditor) return dispatch({ type: 'toast', text: 'no file location to open' });
        const [file, line] = [location.slice(0, location.lastIndexOf(':')), Number(location.slice(location.lastIndexOf(':') + 1))];
        props.openEditor(file, line);
        if (props.reload) void reload();
        return undefined;
      }
      case 'copy':
        if (!selected) return undefined;
        props.copy?.(selected.key);
        return dispatch({ type: 'toast', text: `copied ${selected.key}` });
      case 'reload':
        return void reload();
      case 'apply':
        return startApply();
      case 'help':
        return dispatch({ type: 'mode', mode: 'help' });
      case 'quit': {
        const c = counts(s);
        if (c.decided === 0) return quit();
        return dispatch({ type: 'prompt', mode: 'quit', prompt: { kind: 'quit', lines: [`${c.decided} decision(s) are not applied. They are saved; undrift offers them again next time.`] } });
      }
    }
  }, [decide, listHeight, props, quit, reload, startApply]);

  const onPrompt = useCallback((event: KeyEvent, name: string) => {
    const s = stateRef.current;
    const prompt = s.ui.prompt;
    if (!prompt) return;
    const setPrompt = (next: Prompt) => dispatch({ type: 'prompt', prompt: next, mode: s.ui.mode });
    const cancel = () => dispatch({ type: 'prompt', prompt: undefined, mode: 'list' });
    const typing = (text: string) => edited(text, event, name);
    switch (prompt.kind) {
      case 'form': {
        if (name === 'escape') return cancel();
        if (name === 'tab' || name === 'down') return setPrompt({ ...prompt, field: (prompt.field + 1) % prompt.fields.length });
        if (name === 'shift+tab' || name === 'up') return setPrompt({ ...prompt, field: (prompt.field + prompt.fields.length - 1) % prompt.fields.length });
        if (name === 'return') {
          const value = (field: string) => prompt.fields.find((f) => f.name === field)!.value.trim();
          if (!value('reason')) return setPrompt({ ...prompt, field: 0, error: 'say why the difference is intended' });
          if (value('expires') && !/^\d{4}-\d{2}-\d{2}$/.test(value('expires'))) return setPrompt({ ...prompt, field: 2, error: 'expires is a date: YYYY-MM-DD' });
          const decisions = prompt.ids.map((id): TuiDecision => {
            const d = s.divergences.find((x) => x.id === id)!;
            return { key: d.key, divergence: id, action: 'declare', reason: value('reason'), ...(value('owner') ? { owner: value('owner') } : {}), ...(value('expires') ? { expires: value('expires') } : {}) };
          });
          cancel();
          return dispatch({ type: 'decide', decisions });
        }
        const fields = prompt.fields.map((f, i) => (i === prompt.field ? { ...f, value: typing(f.value) } : f));
        const { error: _error, ...rest } = prompt;
        return setPrompt({ ...rest, fields });
      }
      case 'choice': {
        if (name === 'escape') return cancel();
        const digit = Number(event.input);
        if (Number.isInteger(digit) && digit >= 1 && digit <= prompt.options.length) {
          cancel();
          return dispatch({ type: 'decide', decisions: prompt.options[digit - 1]!.decisions as TuiDecision[] });
        }
        if (name === 'j' || name === 'down') return setPrompt({ ...prompt, selected: Math.min(prompt.options.length - 1, prompt.selected + 1) });
        if (name === 'k' || name === 'up') return setPrompt({ ...prompt, selected: Math.max(0, prompt.selected - 1) });
        if (name === 'return') {
          cancel();
          return dispatch({ type: 'decide', decisions: prompt.options[prompt.selected]!.decisions as TuiDecision[] });
        }
        return undefined;
      }
      case 'apply':
      case 'live': {
        const answer = (yes: boolean) => {
          if (prompt.kind === 'live') {
            dispatch({ type: 'prompt', prompt: undefined, mode: 'busy' });
            liveAnswer.current?.(yes);
            liveAnswer.current = undefined;
          } else if (yes) void runApply();
          else {
            cancel();
            dispatch({ type: 'toast', text: 'not applied' });
          }
        };
        if (name === 'escape') return answer(false);
        if (name === 'return') {
          const typed = prompt.typed.trim();
          return answer(prompt.mustType ? typed === prompt.mustType : typed.toLowerCase() === 'y' || typed.toLowerCase() === 'yes');
        }
        return setPrompt({ ...prompt, typed: typing(prompt.typed) });
      }
      case 'quit':
        if (event.input === 'y' || event.input === 'Y') return quit();
        return cancel();
      case 'resume':
        if (event.input === 'n' || event.input === 'N') {
          props.persist?.([]);
          cancel();
          return dispatch({ type: 'toast', text: 'starting afresh' });
        }
        if (event.input === 'y' || event.input === 'Y' || name === 'return') {
          cancel();
          return dispatch({ type: 'restore', decisions: prompt.decisions });
        }
        return undefined;
    }
  }, [props, quit, runApply]);

  const onKey = useCallback((event: KeyEvent) => {
    touched.current = true;
    const s = stateRef.current;
    const name = keyName(event);
    if (s.ui.toast && s.ui.mode !== 'busy') dispatch({ type: 'toast', text: undefined });
    switch (s.ui.mode) {
      case 'busy':
        return;
      case 'filter':
        if (name === 'escape') {
          dispatch({ type: 'filter', text: '' });
          return dispatch({ type: 'mode', mode: 'list' });
        }
        if (name === 'return') return dispatch({ type: 'mode', mode: 'list' });
        return dispatch({ type: 'filter', text: edited(s.ui.filter, event, name) });
      case 'help':
        if (name === 'escape' || (name === '?' && !s.ui.helpFilter) || (name === 'q' && !s.ui.helpFilter)) return dispatch({ type: 'mode', mode: 'list' });
        return dispatch({ type: 'helpFilter', text: edited(s.ui.helpFilter, event, name) });
      case 'form':
      case 'choice':
      case 'apply':
      case 'live':
      case 'quit':
      case 'resume':
        return onPrompt(event, name);
      case 'list':
      case 'detail': {
        const command = commandFor(s.ui.mode, name) ?? commandFor('list', name);
        if (command) run(command);
        return undefined;
      }
    }
  }, [onPrompt, run]);

  useInput(
    (input, key) => {
      if (input.length <= 1 || key.ctrl || key.meta) return onKey({ input, ...key });
      // Keys typed fast arrive together ("jjj" from a held key, "production\r" from a quick
      // typist): in the list each character is its own press; in a field the text is typed and a
      // return still submits. The mode is read afresh for each part (see stateRef).
      let text = '';
      const flush = () => {
        if (text) onKey({ input: text });
        text = '';
      };
      for (const ch of input) {
        const mode = stateRef.current.ui.mode;
        if (ch === '\r' || ch === '\n') {
          flush();
          onKey({ input: '\r', return: true });
        } else if (mode === 'list' || mode === 'detail') {
          flush();
          onKey({ input: ch, shift: ch !== ch.toLowerCase() });
        } else {
          text += ch;
        }
      }
      flush();
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  const visible = visibleDivergences(state);
  const selected = visible[selectedIndex(state, visible)];
  const list = useMemo(() => listRows(state, props.envs, listHeight, listWidth), [state, props.envs, listHeight, listWidth]);
  const view = selected ? detailView(selected, state.session.decisions.get(selected.id), props.envs, state.ui.fullTimeline ? columns : detailWidth) : undefined;
  const [line1, line2] = headerLines(props.repoName, props.envs, live, state, columns, SPINNER[frame]!);
  const hintMode = state.ui.mode === 'detail' ? 'detail' : 'list';
  const hints = state.ui.mode === 'filter' ? `filter: ${state.ui.filter}▏  (enter keeps it, esc clears it)` : hintsFor(hintMode).map((b) => `${b.label} ${b.short ?? b.description}`).join(' · ');
  const status = state.ui.toast ?? (state.ui.marks.size ? `${state.ui.marks.size} marked: r/b/d/s decides them all` : '');

  const showHelp = state.ui.mode === 'help';
  const right = showHelp
    ? <Help filter={state.ui.helpFilter} width={columns} height={bodyHeight} />
    : state.ui.prompt
      ? <PromptView prompt={state.ui.prompt} width={state.ui.fullTimeline ? columns : detailWidth} height={bodyHeight} />
      : <Detail view={view} width={state.ui.fullTimeline ? columns : detailWidth} height={bodyHeight} offset={state.ui.detailOffset} focused={state.ui.mode === 'detail'} />;

  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Text bold wrap="truncate-end">{line1}</Text>
      <Text wrap="truncate-end">{line2}</Text>
      <Box flexDirection="row" height={bodyHeight}>
        {listWidth > 0 && !showHelp ? (
          <>
            <DivergenceList rows={list.rows} width={listWidth} height={bodyHeight} position={list.position} above={list.above} below={list.below} focused={state.ui.mode !== 'detail'} empty={state.divergences.length ? 'nothing matches the filter (esc clears it)' : 'no divergences: the environments agree'} />
            <Box width={1} />
          </>
        ) : null}
        {right}
      </Box>
      <Text dimColor wrap="truncate-end">{hints}</Text>
      <Text wrap="truncate-end" color={status.startsWith('not applied') ? 'red' : undefined}>{status || ' '}</Text>
    </Box>
  );
}
