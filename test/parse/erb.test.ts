import { describe, expect, it } from 'vitest';
import { readEnvironment, scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

// Rails `config/settings/<env>.yml` go through ERB before YAML. undrift reads the static parts,
// shows each `<%= … %>` as an unresolved expression (never runs it), and says so in one line.

const BASE = 'config/settings.yml';
const STAGING = 'config/settings/staging.yml';
const PRODUCTION = 'config/settings/production.yml';

describe('Rails settings with ERB', () => {
  it('reads the static parts, keeps expressions as written, never evaluates them, and layers over settings.yml', async () => {
    const production = [
      'redis:',
      '  url: <%= ENV["REDIS_URL"] %>',
      '  pool: 10',
      '<% if ENV["FEATURE_X"] %>',
      'feature_x: true',
      '<% end %>',
      '<%# a comment tag %>',
      'host: api-<%= ENV.fetch("REGION", "eu") %>.example.com',
      'timeout: 30',
      '',
    ].join('\n');
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-02-01T10:00:00Z',
          author: 'ana',
          message: 'settings',
          write: { [BASE]: 'timeout: 5\nredis:\n  pool: 5\n', [STAGING]: 'timeout: 10\n', [PRODUCTION]: production.replace('timeout: 30', 'timeout: 20') },
        },
        { at: '2026-02-02T10:00:00Z', author: 'ben', message: 'production timeout 30', write: { [PRODUCTION]: production } },
      ],
    });
    const env = await readEnvironment(repo, { name: 'production', files: [BASE, PRODUCTION], format: 'auto' });
    const texts = Object.fromEntries([...env.values].map(([k, v]) => [k, v.text]));
    expect(texts).toEqual({
      timeout: '30',
      'redis.url': '<%= ENV["REDIS_URL"] %>',
      'redis.pool': '10',
      feature_x: 'true',
      host: 'api-<%= ENV.fetch("REGION", "eu") %>.example.com',
    });
    expect(env.values.get('timeout')!.location).toMatchObject({ file: PRODUCTION, line: 9 });
    expect(env.warnings).toContain(
      `${PRODUCTION}: 2 ERB expression(s) not evaluated (first ${PRODUCTION}:2: <%= ENV["REDIS_URL"] %>); their values ` +
        `are shown as written, unresolved; 3 ERB control line(s) ignored, so every branch is read (the later wins)`,
    );

    // History reads every version the same way: the ERB lines do not break it, the change is found.
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-02-03' });
    expect(scan.history?.broken ?? []).toEqual([]);
    expect(
      scan.history?.envs
        .get('production')
        ?.get('timeout')
        ?.map((e) => `${e.subject}: ${e.from}→${e.to}`),
    ).toEqual(['production timeout 30: 20→30', 'settings: null→20']);
  });
});
