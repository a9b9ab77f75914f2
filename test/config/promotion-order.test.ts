// The promotion order feeds the verdict: an environment the usual names could not place went after
// production, silently (a newcomer's tryout: `values-blue/green/production.yaml` gave production →
// blue → green; with `sandbox`, uat → preprod → canary → production → sandbox).
import { describe, expect, it } from 'vitest';
import { conventionalPromotion } from '../../src/config/discover.js';
import { repoWithFiles, runUndrift } from '../support/repo.js';

describe('conventionalPromotion', () => {
  it.each([
    [
      ['production', 'dev', 'staging', 'qa'],
      ['dev', 'qa', 'staging', 'production'],
    ],
    [
      ['prod', 'preprod', 'canary', 'uat'],
      ['uat', 'preprod', 'canary', 'prod'],
    ],
    [
      ['live', 'production', 'staging'],
      ['staging', 'production', 'live'],
    ],
    [
      ['prod-eu', 'eu-west-staging', 'staging2', 'dev1'],
      ['dev1', 'eu-west-staging', 'staging2', 'prod-eu'],
    ],
    [
      ['prd', 'acc', 'tst'],
      ['tst', 'acc', 'prd'],
    ],
  ])('keeps the usual order: %j', (names, order) => {
    expect(conventionalPromotion(names)).toEqual({ order, unplaced: [] });
  });

  it('puts sandbox- and preview-like names first, without a warning', () => {
    expect(conventionalPromotion(['production', 'canary', 'uat', 'preprod', 'sandbox'])).toEqual({
      order: ['sandbox', 'uat', 'preprod', 'canary', 'production'],
      unplaced: [],
    });
    expect(conventionalPromotion(['prod', 'preview-42', 'dev']).order).toEqual(['preview-42', 'dev', 'prod']);
  });

  it('never puts a name it does not know after production: before the production stages, and names it', () => {
    expect(conventionalPromotion(['blue', 'green', 'production'])).toEqual({ order: ['blue', 'green', 'production'], unplaced: ['blue', 'green'] });
    expect(conventionalPromotion(['production', 'green', 'blue'])).toEqual({ order: ['green', 'blue', 'production'], unplaced: ['green', 'blue'] });
    expect(conventionalPromotion(['prod', 'canary', 'dr', 'staging'])).toEqual({ order: ['staging', 'dr', 'canary', 'prod'], unplaced: ['dr'] });
  });
});

const json = (stdout: string) => JSON.parse(stdout) as { promotion: string[]; warnings: string[] };

describe('a scan of environments whose order the usual names do not give', () => {
  it('orders blue and green before production and says how to state the order', async () => {
    const repo = await repoWithFiles({ 'values-blue.yaml': 'log: a\n', 'values-green.yaml': 'log: b\n', 'values-production.yaml': 'log: c\n' });
    const run = await runUndrift(['scan', '--no-cache', '--no-history', '--format', 'json'], { cwd: repo });
    expect(run.exitCode).toBe(1);
    const out = json(run.stdout);
    expect(out.promotion).toEqual(['blue', 'green', 'production']);
    const warning = out.warnings.find((w) => w.startsWith('promotion order:'));
    expect(warning).toContain('blue, green are not names undrift knows the place of');
    expect(warning).toContain('`promotion: [blue, green, production]`');
    const table = await runUndrift(['scan', '--no-cache', '--no-history'], { cwd: repo });
    expect(table.stdout).toContain('environments: blue → green → production');
    expect(table.stdout + table.stderr).toMatch(/warning: promotion order: blue, green are not names/);
  });

  it('places a sandbox first and warns of nothing where every name is placed', async () => {
    const repo = await repoWithFiles(
      Object.fromEntries(['sandbox', 'uat', 'preprod', 'canary', 'production'].map((env) => [`values-${env}.yaml`, `log: ${env}\n`])),
    );
    const out = json((await runUndrift(['scan', '--no-cache', '--no-history', '--format', 'json'], { cwd: repo })).stdout);
    expect(out.promotion).toEqual(['sandbox', 'uat', 'preprod', 'canary', 'production']);
    expect(out.warnings.filter((w) => w.includes('promotion'))).toEqual([]);
  });

  it('in undrift.yaml: an unknown name without `promotion:` is warned of; `promotion:` decides; one it leaves out is said', async () => {
    const files = { 'a.env': 'LOG=a\n', 'b.env': 'LOG=b\n', 'c.env': 'LOG=c\n' };
    const unstated = await repoWithFiles({ ...files, 'undrift.yaml': 'environments:\n  production: a.env\n  perf: b.env\n  staging: c.env\n' });
    const first = json((await runUndrift(['scan', '--no-cache', '--no-history', '--format', 'json'], { cwd: unstated })).stdout);
    expect(first.promotion).toEqual(['staging', 'perf', 'production']);
    expect(first.warnings).toContainEqual(
      expect.stringMatching(/^promotion order: perf is not a name .*state the order in undrift\.yaml: `promotion: \[staging, perf, production\]`$/),
    );

    const stated = await repoWithFiles({
      ...files,
      'undrift.yaml': 'environments:\n  production: a.env\n  perf: b.env\n  staging: c.env\npromotion: [perf, staging, production]\n',
    });
    const second = json((await runUndrift(['scan', '--no-cache', '--no-history', '--format', 'json'], { cwd: stated })).stdout);
    expect(second.promotion).toEqual(['perf', 'staging', 'production']);
    expect(second.warnings.filter((w) => w.includes('promotion'))).toEqual([]);

    const partial = await repoWithFiles({
      ...files,
      'undrift.yaml': 'environments:\n  production: a.env\n  perf: b.env\n  staging: c.env\npromotion: [staging, production]\n',
    });
    const third = json((await runUndrift(['scan', '--no-cache', '--no-history', '--format', 'json'], { cwd: partial })).stdout);
    expect(third.promotion).toEqual(['staging', 'production', 'perf']);
    expect(third.warnings).toContain(
      'undrift.yaml:5: promotion does not name perf, so it goes last (staging → production → perf); name every environment there',
    );
  });
});
