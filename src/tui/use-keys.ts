import { useInput, useStdin, type Key } from 'ink';
import { useCallback } from 'react';
import type { Controller } from './commands.js';
import { feedInput } from './input.js';

/** The one place Ink's input reaches the view: every key goes to the command table. */
export function useKeys(controller: Controller): void {
  const { isRawModeSupported } = useStdin();
  // A stable handler: Ink 6 subscribes again whenever it changes.
  const onInput = useCallback((input: string, key: Key) => feedInput(controller, input, key), [controller]);
  useInput(onInput, { isActive: Boolean(isRawModeSupported) });
}
