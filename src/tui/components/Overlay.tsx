import { Box, Text } from 'ink';
import { promptLines, promptWindow } from '../presenter.js';
import type { Prompt } from '../state.js';

/** A question in place of the detail pane: a form, a choice, or a typed confirmation. Its lines
 * are wrapped to the width and no more than the height are shown, so the box needs no clipping. */
export function PromptView(props: { prompt: Prompt; width: number; height: number }) {
  const { width, height } = props;
  const shown = promptWindow(promptLines(props.prompt, width), height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate-end" bold={l.bold} inverse={l.inverse} color={l.warn ? 'yellow' : undefined}>
          {l.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
