import { Box, Text } from 'ink';
import type { DetailLine } from '../presenter.js';

/** A scrollable pane of pre-wrapped lines (the selected divergence, the help, an opened message):
 * every line is one row, so the pane's height is exact and nothing overprints. The title row
 * carries the focus marker (▶) and the scroll marks (▲ ▼). */
export function Pane(props: { title: string; lines: DetailLine[]; width: number; height: number; offset: number; focused: boolean }) {
  const { lines, width, height } = props;
  const room = Math.max(1, height - 1);
  const offset = Math.max(0, Math.min(props.offset, lines.length - room));
  const shown = lines.slice(offset, offset + room);
  const marks = `${offset > 0 ? ' ▲' : ''}${offset + room < lines.length ? ' ▼' : ''}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate-end">{`${props.focused ? '▶ ' : ''}${props.title}${marks}`}</Text>
      {shown.map((line, i) => (
        <Text
          key={i}
          wrap="truncate-end"
          bold={line.style === 'heading' || line.style === 'title'}
          dimColor={line.style === 'dim'}
          color={line.style === 'warn' ? 'yellow' : undefined}
        >
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
