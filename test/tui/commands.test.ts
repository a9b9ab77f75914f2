import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandFor, footerCommands, keyTableMarkdown } from '../../src/tui/commands.js';
import { footerLine } from '../../src/tui/presenter.js';
import { MODE_TITLES } from '../../src/tui/commands.js';
import type { Mode } from '../../src/tui/state.js';

const MODES = Object.keys(MODE_TITLES) as Mode[];

describe('the command table', () => {
  it('is the README key table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(keyTableMarkdown());
  });

  it('answers every mode but apply running, and no key means two things in one mode', () => {
    for (const mode of MODES) {
      const commands = COMMANDS.filter((c) => c.modes.includes(mode));
      if (mode === 'busy') expect(commands).toEqual([]);
      else expect(commands.length, mode).toBeGreaterThan(0);
      const keys = commands.flatMap((c) => c.keys);
      expect(new Set(keys).size, `${mode}: ${keys.join(' ')}`).toBe(keys.length);
    }
    expect(commandFor('list', { name: 'j', text: 'j' })?.id).toBe('move.down');
    expect(commandFor('filter', { name: 'j', text: 'j' })?.id).toBe('filter.type');
    expect(commandFor('choice', { name: '2', text: '2' })?.id).toBe('choice.pick');
    expect(commandFor('list', { name: 'x', text: 'x' })).toBeUndefined();
  });

  it('keeps ? help and q quit in the footer of the list, the detail and the timeline at any width, dropping other hints first', () => {
    for (const mode of ['list', 'detail', 'timeline'] as Mode[]) {
      for (let width = 20; width <= 240; width += 7) {
        const line = footerLine(mode, width);
        expect([...line].length).toBeLessThanOrEqual(width);
        if (width >= 20) expect(line, `${mode} at ${width}`).toMatch(/\? help · q quit/);
      }
      expect(footerLine(mode, 240).split(' · ').length).toBe(footerCommands(mode).length);
    }
  });

  it('every prompt keeps its way out in the footer', () => {
    for (const mode of ['form', 'choice', 'apply', 'live', 'risk', 'filter', 'help', 'message'] as Mode[]) {
      expect(footerLine(mode, 40), mode).toMatch(/esc/);
    }
    expect(footerLine('quit', 40)).toMatch(/y quit/);
    expect(footerLine('resume', 40)).toMatch(/n start afresh/);
  });
});
