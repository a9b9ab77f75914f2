import { Box, Text } from 'ink';
import type { ListRow } from '../presenter.js';

/** The windowed list: only the rows on screen are rendered, so 20,000 divergences cost what 20 do.
 * The title says which pane has focus (▶), so focus shows without colour. */
export function DivergenceList(props: { title: string; rows: ListRow[]; width: number; height: number; focused: boolean; empty: string[] }) {
  const { rows, width, height } = props;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold={props.focused} wrap="truncate-end">
        {props.title}
      </Text>
      {rows.length === 0
        ? props.empty.map((line, i) => (
            <Text key={i} dimColor wrap="truncate-end">
              {line}
            </Text>
          ))
        : null}
      {rows.map((row) => (
        <Text
          key={row.id}
          wrap="truncate-end"
          inverse={row.selected && props.focused}
          bold={row.selected}
          dimColor={!row.drift && !row.selected}
          color={row.selected ? undefined : row.decided ? 'green' : undefined}
        >
          {row.text}
        </Text>
      ))}
    </Box>
  );
}
