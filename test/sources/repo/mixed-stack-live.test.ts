import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../../src/engine.js';
import { repoWithFiles } from '../../support/repo.js';

// A stack of several kinds of file (a chart's values under each environment's .env file) against a
// live ConfigMap: the .env keys meet the live keys by name, the chart's values never do (its
// templates read them). The warning listed every chart value as "no live counterpart".

const live = (timeout: string) =>
  'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: app-config, namespace: shop}\n' +
  `    data: {LOG_LEVEL: info, TIMEOUT_MS: "${timeout}"}\n`;

describe('a mixed stack against live state', () => {
  it("lists only the keys of files that meet live keys by name: a chart's values are not 'no live counterpart'", async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n' +
        '  staging:\n    files: [chart/values.yaml, chart/values-staging.yaml, .env.staging]\n    live: {snapshot: live/staging.yaml}\n' +
        '  production:\n    files: [chart/values.yaml, chart/values-production.yaml, .env.production]\n    live: {snapshot: live/production.yaml}\n' +
        'promotion: [staging, production]\n',
      'chart/values.yaml': 'replicaCount: 2\nimage:\n  repository: shop\n  tag: "1.0"\ningress:\n  enabled: false\n',
      'chart/values-staging.yaml': 'image:\n  tag: "1.1"\n',
      'chart/values-production.yaml': 'ingress:\n  enabled: true\n',
      '.env.staging': 'LOG_LEVEL=info\nTIMEOUT_MS=5000\nCACHE_TTL=60\n',
      '.env.production': 'LOG_LEVEL=info\nTIMEOUT_MS=5000\n',
      'live/staging.yaml': live('5000'),
      'live/production.yaml': live('3000'),
    });
    const scan = await scanRepository({ repo, history: false });
    expect(scan.warnings.filter((w) => w.includes('no live counterpart'))).toEqual([
      'staging: 1 repo key(s) have no live counterpart in snapshot live/staging.yaml (CACHE_TTL); `map:` or `prefix:` in undrift.yaml can pair them',
    ]);
    // The .env keys are still compared with what runs.
    expect(scan.divergences.map((d) => `${d.kind} ${d.key} ${d.envs.join(',')}`)).toContain('live-drift TIMEOUT_MS production');
  });
});
