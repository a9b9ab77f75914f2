import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ListRow } from '../presenter.js';

/** One row of the list. Memoised on its text and marks: a cursor move renders the two rows that
 * changed, not the whole window. */
const Row = memo(function Row(props: { text: string; selected: boolean; focused: boolean; decided: boolean; drift: boolean }) {
  const { selected } = props;
  return (
    <Text
      wrap="truncate-end"
      inverse={selected && props.focused}
      bold={selected}
      dimColor={!props.drift && !selected}
      color={selected ? undefined : props.decided ? 'green' : undefined}
    >
      {props.text}
    </Text>
  );
});

/** The windowed list: only the rows on screen are rendered, so 20,000 divergences cost what 20 do.
 * The title says which pane has focus (▶), so focus shows without colour. Every row is already cut
 * to the width (the presenter's job), so the box needs no clipping, which Ink would do again for
 * every line of every frame. */
export const DivergenceList = memo(function DivergenceList(props: {
  title: string;
  rows: ListRow[];
  width: number;
  height: number;
  focused: boolean;
  /** What the list says when it has no rows, one line per row. */
  empty: string;
}) {
  const { rows, width, height } = props;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={props.focused} wrap="truncate-end">
        {props.title}
      </Text>
      {rows.length === 0
        ? props.empty
            .split('\n')
            .slice(0, Math.max(0, height - 1))
            .map((line, i) => (
              <Text key={i} dimColor wrap="truncate-end">
                {line}
              </Text>
            ))
        : null}
      {rows.map((row) => (
        <Row key={row.id} text={row.text} selected={row.selected} focused={props.focused} decided={row.decided} drift={row.drift} />
      ))}
    </Box>
  );
});
