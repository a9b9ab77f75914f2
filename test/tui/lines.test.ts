import { describe, expect, it } from 'vitest';
import type { LiveArtifact, LiveState } from '../../src/model/types.js';
import { helpLines, releaseLines } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';

// The view styles a line by what it is, as the presenter made it, never by how its text begins.

const live = (env: string, images: string[]): LiveState => ({
  env,
  status: 'ok',
  source: `snapshot live/${env}.yaml`,
  values: new Map(),
  artifacts: images.map((image): LiveArtifact => ({
    key: 'Deployment/api.containers[name=app].image',
    image,
    digests: [],
    location: { source: `snapshot live/${env}.yaml`, kind: 'Deployment', name: 'api', fieldPath: '.spec.template.spec.containers[name=app].image' },
  })),
  warnings: [],
});

const stateWith = (staging: string[], production: string[]) =>
  initialState({
    repoName: 'demo',
    envs: ['staging', 'production'],
    promotion: ['staging', 'production'],
    live: new Map([
      ['staging', live('staging', staging)],
      ['production', live('production', production)],
    ]),
  });

describe('the release view’s lines', () => {
  it('are headings for workloads and warnings for what needs a look', () => {
    const lines = releaseLines(stateWith(['reg/api:1.2'], ['reg/api:1.3']), 100);
    expect(lines.filter((l) => l.style === 'heading').map((l) => l.text)).toEqual(['Deployment/api (app)']);
    // Whether production's build ran in staging cannot be told (no revisions read): a finding, wrapped.
    expect(lines.filter((l) => l.style === 'warn').map((l) => l.text.trim())[0]).toMatch(/^\? staging runs 1\.2 now/);
  });

  it('say plainly that no workload image was read, not as a heading', () => {
    const lines = releaseLines(stateWith([], []), 100);
    expect(lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/^no workload images read live/));
    expect(lines.filter((l) => l.style === 'heading')).toEqual([]);
  });
});

describe('the help’s lines', () => {
  it('head each mode’s keys, and only those', () => {
    const lines = helpLines(initialState({ repoName: 'demo', envs: ['staging', 'production'] }), 80);
    const headings = lines.filter((l) => l.style === 'heading');
    expect(headings.length).toBeGreaterThan(1);
    for (const h of headings) expect(h.text).toMatch(/^In .*:$/);
    expect(lines.filter((l) => l.style !== 'heading').every((l) => l.text.startsWith('  ') || l.text === '')).toBe(true);
  });
});
