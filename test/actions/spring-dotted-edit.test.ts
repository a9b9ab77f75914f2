import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editText } from '../../src/actions/edit.js';
import { runCli } from '../support/cli.js';
import { git, repoFromScenario } from '../support/repo.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';

// A Spring file's property written with dots (`app.timeout-ms: 6000`) is edited where it is
// written: a nested copy added beside it would leave the file holding the property twice.

describe('editing a Spring property written with dots', () => {
  it('apply rewrites the flat line, and nothing else', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-08-01T09:00:00Z',
          author: 'ana',
          message: 'spring',
          write: {
            'src/main/resources/application.yml': 'app:\n  timeout-ms: 3000\n',
            'src/main/resources/application-staging.yml': 'spring.datasource.url: jdbc:postgresql://stg-db/app\napp.timeout-ms: 6000\n',
            'src/main/resources/application-prod.yml': 'app:\n  timeout-ms: 4000\n',
            'undrift.yaml': [
              'environments:',
              '  staging: [src/main/resources/application.yml, src/main/resources/application-staging.yml]',
              '  prod: [src/main/resources/application.yml, src/main/resources/application-prod.yml]',
              '',
            ].join('\n'),
          },
        },
      ],
    });
    await writeFile(path.join(repo, '../decisions.yaml'), '- {key: app.timeout-ms, env: staging, action: revert, value: "4000"}\n');
    const result = await runCli(['apply', '--decisions', '../decisions.yaml', '--today', '2026-12-06'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const branch = (await git(repo, 'branch', '--list', 'undrift/*')).replace(/^[\s*]+/, '').trim();
    expect(await git(repo, 'show', `${branch}:src/main/resources/application-staging.yml`)).toBe(
      'spring.datasource.url: jdbc:postgresql://stg-db/app\napp.timeout-ms: 4000',
    );
    expect(await readFile(path.join(repo, 'src/main/resources/application-staging.yml'), 'utf8')).toContain('app.timeout-ms: 6000');
  });

  it('refuses a property written both ways in one map, naming both lines', () => {
    const text = 'app.timeout-ms: 6000\napp:\n  timeout-ms: 5000\n';
    expect(() => editText(text, 'application-staging.yml', 'spring', 'app.timeout-ms', { text: '4000', type: 'number' })).toThrow(
      'application-staging.yml: app.timeout-ms is written more than one way in one map: "app" (line 2) and "app.timeout-ms" (line 1)',
    );
    // A plain YAML file is no Spring file: its dotted key is a key of its own.
    expect(editText('app.timeout-ms: 6000\n', 'c.yaml', 'yaml', 'app.timeout-ms', { text: '4000', type: 'number' })).toBe(
      'app.timeout-ms: 6000\napp:\n  timeout-ms: 4000\n',
    );
  });
});
