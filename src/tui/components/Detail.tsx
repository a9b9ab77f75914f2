import { Table } from '@alcalzone/ink-table';
import { Box, Text } from 'ink';
import type { DetailView } from '../presenter.js';
import { wrapLines } from '../wrap.js';

/** The selected divergence: values matrix, then a scrollable body (decision, verdict and its
 * reasons, the merged timeline). Every line is pre-wrapped so the pane's height is exact. */
export function Detail(props: { view: DetailView | undefined; width: number; height: number; offset: number; focused: boolean }) {
  const { view, width, height } = props;
  if (!view) return <Box width={width} height={height}><Text dimColor>nothing selected</Text></Box>;
  const tableHeight = view.values.length * 2 + 3;
  const body: string[] = [
    view.decision,
    ...view.notes.flatMap((n) => wrapLines(n, width)),
    ...view.provenance.flatMap((p) => wrapLines(p, width)),
    '',
    ...view.verdict.flatMap((v) => wrapLines(v, width)),
    '',
    'History (newest first):',
    ...view.timeline.flatMap((t) => wrapLines(t, width)),
  ];
  const room = Math.max(1, height - 1 - tableHeight);
  const offset = Math.min(props.offset, Math.max(0, body.length - room));
  const shown = body.slice(offset, offset + room);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate-end">{`${view.title}${offset > 0 ? ' ▲' : ''}${offset + room < body.length ? ' ▼' : ''}`}</Text>
      <Table data={view.values} columns={['env', 'repo', 'at', 'live']} />
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end" bold={line.startsWith('Verdict') || line.startsWith('Decision')} dimColor={line.startsWith('History')}>
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
