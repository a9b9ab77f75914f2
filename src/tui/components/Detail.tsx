import { Box, Text } from 'ink';
import { memo } from 'react';
import type { DetailLine } from '../presenter.js';

const Line = memo(function Line({ text, style }: DetailLine) {
  return (
    <Text wrap="truncate-end" bold={style === 'heading' || style === 'title'} dimColor={style === 'dim'} color={style === 'warn' ? 'yellow' : undefined}>
      {text || ' '}
    </Text>
  );
});

/** A scrollable pane of pre-wrapped lines (the selected divergence, the help, an opened message):
 * every line is one row, so the pane's height is exact and nothing overprints (and Ink has no
 * clipping to do). The title row carries the focus marker (▶) and the scroll marks (▲ ▼). */
export const Pane = memo(function Pane(props: { title: string; lines: DetailLine[]; width: number; height: number; offset: number; focused: boolean }) {
  const { lines, width, height } = props;
  const room = Math.max(1, height - 1);
  const offset = Math.max(0, Math.min(props.offset, lines.length - room));
  const shown = lines.slice(offset, offset + room);
  const marks = `${offset > 0 ? ' ▲' : ''}${offset + room < lines.length ? ' ▼' : ''}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate-end">{`${props.focused ? '▶ ' : ''}${props.title}${marks}`}</Text>
      {shown.map((line, i) => (
        <Line key={i} text={line.text} {...(line.style ? { style: line.style } : {})} />
      ))}
    </Box>
  );
});
