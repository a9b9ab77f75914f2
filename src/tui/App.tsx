import { Box, Text } from 'ink';
import { memo, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Controller } from './commands.js';
import { Pane } from './components/Detail.js';
import { DivergenceList } from './components/DivergenceList.js';
import { PromptView } from './components/Overlay.js';
import { layoutFor } from './layout.js';
import { footerLine, groupPaneLines, headerLines, helpLines, listRows, loadingRows, paneLines, releaseLines, type DetailLine } from './presenter.js';
import { modeOf, selectedItem, type AppState } from './state.js';
import { safeText, widthOf, wrapLines } from './text.js';
import { useKeys } from './use-keys.js';
import { useTerminalSize } from './use-terminal-size.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

const isLoading = (s: AppState) =>
  s.ui.busy !== undefined ||
  s.loading.repo.state === 'reading' ||
  s.loading.repo.state === 'waiting' ||
  s.loading.history.state === 'reading' ||
  Object.values(s.loading.live).some((p) => p.state === 'reading' || p.state === 'waiting');

/** The spinner's frame while something loads (a timer only then). */
function useSpinner(active: boolean): string {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (!active) return;
    // Each step redraws the whole frame (Ink has no partial redraw): once a second says the view
    // is alive without taking the time keys need.
    const timer = setInterval(() => setFrame((f) => (f + 1) % SPINNER.length), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return SPINNER[frame]!;
}

const NOTHING_SELECTED: DetailLine[] = [{ text: 'nothing selected', style: 'dim' }];

/** One line of the header or the footer: drawn again only when its text changed. */
const Line = memo(function Line(props: { text: string; bold?: boolean; dim?: boolean; color?: string }) {
  return (
    <Text bold={props.bold} dimColor={props.dim} color={props.color} wrap="truncate-end">
      {props.text || ' '}
    </Text>
  );
});

/** The screen: header, list and detail (or the timeline, the help, a prompt, a message), footer.
 * A layout of components over lines the presenter computed; keys go to the command table. */
export function App({ controller }: { controller: Controller }) {
  const state = useSyncExternalStore(controller.store.subscribe, controller.store.getState);
  useKeys(controller);
  const { columns, rows } = useTerminalSize();
  const mode = modeOf(state);
  // The list stays beside the detail; views of their own (and apply, from its summary to its
  // last step) take the whole width.
  const wide = ['timeline', 'help', 'message', 'releases', 'apply', 'busy', 'live', 'layout'].includes(mode);
  const layout = layoutFor(columns, rows, wide);
  const spinner = useSpinner(isLoading(state));
  const selected = selectedItem(state);
  const list = useMemo(() => listRows(state, layout.listHeight, layout.listWidth), [state, layout.listHeight, layout.listWidth]);
  const [line1, line2] = headerLines(state, layout.columns, spinner);

  let right;
  /** The scrollable pane shown, and how many lines it has: a scroll past its end is brought back. */
  let scrolled: { pane: 'detail' | 'help'; lines: number } | undefined;
  if (state.ui.prompt) {
    right = <PromptView prompt={state.ui.prompt} width={layout.detailWidth} height={layout.bodyHeight} />;
  } else if (mode === 'help') {
    const lines = helpLines(state, layout.detailWidth);
    scrolled = { pane: 'help', lines: lines.length };
    right = (
      <Pane
        title={`Keys${state.ui.helpFilter ? ` matching "${safeText(state.ui.helpFilter)}"` : ''} — type to filter, esc closes`}
        lines={lines}
        width={layout.detailWidth}
        height={layout.bodyHeight}
        offset={state.ui.helpOffset}
        focused
      />
    );
  } else if (mode === 'message') {
    const lines = (state.ui.message ?? '')
      .split('\n')
      .flatMap((line) => wrapLines(safeText(line), layout.detailWidth))
      .map((text) => ({ text }));
    scrolled = { pane: 'detail', lines: lines.length };
    right = (
      <Pane
        title="Message — j/k scroll, esc closes"
        lines={lines}
        width={layout.detailWidth}
        height={layout.bodyHeight}
        offset={state.ui.detailOffset}
        focused
      />
    );
  } else if (mode === 'releases') {
    const lines = releaseLines(state, layout.detailWidth);
    scrolled = { pane: 'detail', lines: lines.length };
    right = (
      <Pane
        title="Releases — what each environment runs · j/k scroll, esc closes"
        lines={lines}
        width={layout.detailWidth}
        height={layout.bodyHeight}
        offset={state.ui.detailOffset}
        focused
      />
    );
  } else if (mode === 'busy') {
    const lines = ['Applying…', ...state.ui.progress.map((l) => `  ${safeText(l)}`)].flatMap((l) => wrapLines(l, layout.detailWidth)).map((text) => ({ text }));
    right = (
      <Pane
        title="Apply"
        lines={lines}
        width={layout.detailWidth}
        height={layout.bodyHeight}
        offset={Math.max(0, lines.length - layout.bodyHeight + 1)}
        focused={false}
      />
    );
  } else if (selected?.type === 'group') {
    const lines = groupPaneLines(state, selected, layout.detailWidth, layout.bodyHeight);
    scrolled = { pane: 'detail', lines: lines.length };
    right = (
      <Pane title="Pattern" lines={lines} width={layout.detailWidth} height={layout.bodyHeight} offset={state.ui.detailOffset} focused={mode === 'detail'} />
    );
  } else if (selected) {
    const lines = paneLines(state, selected.divergence, layout.detailWidth, mode === 'timeline' ? 'timeline' : 'detail', layout.bodyHeight);
    scrolled = { pane: 'detail', lines: lines.length };
    right = (
      <Pane
        title={mode === 'timeline' ? 'Timeline — esc back' : 'Detail'}
        lines={lines}
        width={layout.detailWidth}
        height={layout.bodyHeight}
        offset={state.ui.detailOffset}
        focused={mode === 'detail' || mode === 'timeline'}
      />
    );
  } else {
    right = <Pane title="Detail" lines={NOTHING_SELECTED} width={layout.detailWidth} height={layout.bodyHeight} offset={0} focused={false} />;
  }
  // The Pane shows a scroll past the end as the end, but the offset kept would make the next k (or
  // PgUp) do nothing until it came back into range: once drawn, it is brought back to the end. (A
  // detail written only as far as it shows is written whole when scrolled past its end.)
  const scrollEnd = scrolled ? Math.max(0, scrolled.lines - Math.max(1, layout.bodyHeight - 1)) : undefined;
  const scrollPane = scrolled?.pane;
  const scrollOffset = scrollPane === 'help' ? state.ui.helpOffset : state.ui.detailOffset;
  useEffect(() => {
    if (scrollPane && scrollEnd !== undefined && scrollOffset > scrollEnd) controller.store.dispatch({ type: 'scrollEnd', pane: scrollPane, end: scrollEnd });
  }, [controller, scrollPane, scrollEnd, scrollOffset]);
  const empty = (
    state.loading.repo.state !== 'done'
      ? loadingRows(state)
      : state.divergences.length
        ? ['nothing matches the filter (esc clears it)']
        : ['no divergences: the environments agree']
  ).join('\n');
  const status = safeText(state.ui.toast ?? (state.ui.marks.size ? `${state.ui.marks.size} marked: r/b/d/s decides them all` : ''));
  const statusLine = widthOf(status) > layout.columns ? `${[...status].slice(0, Math.max(0, layout.columns - 16)).join('')}… (m: in full)` : status;

  return (
    <Box flexDirection="column" width={layout.columns} height={layout.height}>
      <Line text={line1} bold />
      <Line text={line2} />
      <Box flexDirection="row" height={layout.bodyHeight}>
        {layout.listWidth > 0 ? (
          <>
            <DivergenceList title={list.title} rows={list.rows} width={layout.listWidth} height={layout.bodyHeight} focused={mode === 'list'} empty={empty} />
            <Box width={1} />
          </>
        ) : null}
        {right}
      </Box>
      <Line text={footerLine(mode, layout.columns, state)} dim />
      <Line text={statusLine} {...(status.startsWith('not applied') ? { color: 'red' } : {})} />
    </Box>
  );
}
