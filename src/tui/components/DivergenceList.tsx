import { Box, Text } from 'ink';
import type { ListRow } from '../presenter.js';

/** The windowed list: only the rows on screen are rendered, so 20,000 divergences cost what 20 do. */
export function DivergenceList(props: { rows: ListRow[]; width: number; height: number; position: string; above: boolean; below: boolean; focused: boolean; empty: string }) {
  const { rows, width, height } = props;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={props.focused} wrap="truncate-end">
        {`Divergences ${props.position}${props.above ? ' ▲' : ''}${props.below ? ' ▼' : ''}`}
      </Text>
      {rows.length === 0 ? <Text dimColor>{props.empty}</Text> : null}
      {rows.map((row) => (
        <Text key={row.id} wrap="truncate-end" inverse={row.selected && props.focused} bold={row.selected} dimColor={!row.drift && !row.selected} color={row.selected ? undefined : row.decided ? 'green' : undefined}>
          {row.text}
        </Text>
      ))}
    </Box>
  );
}
