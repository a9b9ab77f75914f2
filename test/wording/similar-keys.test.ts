import { describe, expect, it } from 'vitest';
import { similarNames, slipOf } from '../../src/wording/similar-keys.js';

describe('"did you mean"', () => {
  const keys = ['podAnnotations["prometheus.io/scrape"]', 'podAnnotations["prometheus.io/port"]', 'image.tag', 'replicaCount'];

  it('a key whose segment holds a dot, typed with plain dots, is that key, named first in its quoted form', () => {
    expect(similarNames('podAnnotations.prometheus.io/scrape', keys)[0]).toBe('podAnnotations["prometheus.io/scrape"]');
    expect(similarNames('PODANNOTATIONS.prometheus.io/port', keys)[0]).toBe('podAnnotations["prometheus.io/port"]');
    expect(similarNames('image.tag', keys)).toEqual(['image.tag']);
  });

  it('a command or option a slip or two away is named; a word that only shares letters is not', () => {
    const commands = ['scan', 'explain', 'report', 'at', 'log'];
    expect(slipOf('scna', commands)).toBe('scan');
    expect(slipOf('expalin', commands)).toBe('explain');
    expect(slipOf('Reprot', commands)).toBe('report');
    expect(slipOf('frobnicate', commands)).toBeUndefined();
    expect(slipOf('format', ['from', 'format', 'no-history'])).toBe('format');
    expect(slipOf('xyz', ['from', 'format'])).toBeUndefined();
  });
});
