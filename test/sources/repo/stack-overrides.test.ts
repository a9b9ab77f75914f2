// A stack's later file overriding an earlier one is the point of a base + override stack: it is
// warned about only where it hides what a more specific file says (a stack in the wrong order).
import { beforeAll, describe, expect, it } from 'vitest';
import { repoWithFiles } from '../../support/repo.js';
import { runCli } from '../../support/cli.js';

let warnings: string[];
beforeAll(async () => {
  const repo = await repoWithFiles({
    // staging: base then its own file, as `init` writes it. production: its own file first, so
    // the shared base hides production's REPLICAS and TIMEOUT.
    'undrift.yaml': [
      'environments:',
      '  staging: [chart/values.yaml, chart/values-staging.yaml]',
      '  production: [chart/values-production.yaml, chart/values.yaml]',
      'promotion: [staging, production]',
      '',
    ].join('\n'),
    'chart/values.yaml': 'REPLICAS: 1\nTIMEOUT: 5\nLOG_LEVEL: info\n',
    'chart/values-staging.yaml': 'REPLICAS: 2\nTIMEOUT: 10\n',
    'chart/values-production.yaml': 'REPLICAS: 6\nTIMEOUT: 3\nLOG_LEVEL: info\n',
  });
  const scan = await runCli(['scan', '--no-history', '-f', 'json'], { cwd: repo });
  warnings = JSON.parse(scan.stdout).warnings;
});

describe("the stack's override warning", () => {
  it('says nothing when an environment’s own file overrides the shared base (the stack init writes)', () => {
    expect(warnings.filter((w) => w.startsWith('staging:'))).toEqual([]);
  });

  it('names the files and keys when a shared file hides an environment’s own values, and says how to fix the stack', () => {
    // LOG_LEVEL is the same in both files: nothing is hidden there.
    expect(warnings.filter((w) => w.startsWith('production:'))).toEqual([
      'production: chart/values.yaml, read by 2 environments, overrides 2 key(s) of chart/values-production.yaml, read by production alone (REPLICAS, TIMEOUT): ' +
        "the more specific values never take effect — list chart/values.yaml before chart/values-production.yaml in production's stack",
    ]);
  });
});
