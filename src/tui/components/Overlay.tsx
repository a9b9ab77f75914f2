import { Box, Text } from 'ink';
import { KEYMAP } from '../keymap.js';
import type { Prompt } from '../state.js';
import { fuzzyMatch } from '../state.js';
import { wrapLines } from '../wrap.js';

/** The `?` help, generated from the keymap and filtered as you type; in two columns when one
 * does not hold it. */
export function Help(props: { filter: string; width: number; height: number }) {
  const lines = KEYMAP.filter((b) => !props.filter || fuzzyMatch(`${b.label} ${b.description}`, props.filter)).map((b) => `${b.label.padEnd(8)} ${b.description}`);
  const room = Math.max(1, props.height - 1);
  const columns = lines.length > room && props.width >= 80 ? 2 : 1;
  const columnWidth = Math.floor(props.width / columns);
  const chunks = Array.from({ length: columns }, (_, i) => lines.slice(i * room, (i + 1) * room));
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text bold>{`Keys${props.filter ? ` matching "${props.filter}"` : ''} — type to filter, esc closes${lines.length > room * columns ? ` (${lines.length - room * columns} more: type to filter)` : ''}`}</Text>
      <Box flexDirection="row">
        {chunks.map((chunk, c) => (
          <Box key={c} flexDirection="column" width={columnWidth} paddingRight={1}>
            {chunk.map((line, i) => (
              <Text key={i} wrap="truncate-end">{line}</Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** A question in place of the detail pane: a form, a choice, or a typed confirmation. */
export function PromptView(props: { prompt: Prompt; width: number; height: number }) {
  const { prompt, width, height } = props;
  const lines: Array<{ text: string; bold?: boolean; inverse?: boolean; color?: string }> = [];
  const push = (text: string, style: { bold?: boolean; inverse?: boolean; color?: string } = {}) => {
    for (const line of wrapLines(text, width)) lines.push({ text: line, ...style });
  };
  switch (prompt.kind) {
    case 'form':
      push(prompt.title, { bold: true });
      for (const l of prompt.lines) push(l);
      push('');
      prompt.fields.forEach((f, i) => push(`${i === prompt.field ? '›' : ' '} ${f.label}: ${f.value}${i === prompt.field ? '▏' : ''}`, { bold: i === prompt.field }));
      push('');
      if (prompt.error) push(`✗ ${prompt.error}`, { color: 'red' });
      push('tab/↓ next field · enter records the decision · esc cancels');
      break;
    case 'choice':
      push(prompt.title, { bold: true });
      prompt.options.forEach((o, i) => push(`${i === prompt.selected ? '›' : ' '} ${i + 1}. ${o.label}`, { inverse: i === prompt.selected }));
      push('');
      push('1-9 or j/k then enter to choose · esc cancels');
      break;
    case 'apply':
    case 'live':
      push(prompt.kind === 'apply' ? 'Apply these decisions?' : 'Write this to the live object?', { bold: true });
      for (const l of prompt.lines) push(l);
      push('');
      if (prompt.error) push(`✗ ${prompt.error}`, { color: 'red' });
      push(prompt.mustType ? `type ${prompt.mustType} and enter to confirm; anything else cancels (default: No)` : 'type y and enter to confirm; enter alone or esc cancels (default: No)', { bold: true });
      push(`> ${prompt.typed}▏`);
      break;
    case 'quit':
      push('Quit?', { bold: true });
      for (const l of prompt.lines) push(l);
      push('y quits · any other key stays');
      break;
    case 'resume':
      push('Resume?', { bold: true });
      for (const l of prompt.lines) push(l);
      push('y or enter resumes · n starts afresh (the saved decisions are dropped)');
      break;
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(0, height).map((l, i) => (
        <Text key={i} wrap="truncate-end" bold={l.bold} inverse={l.inverse} color={l.color}>
          {l.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
