import { describe, expect, it } from 'vitest';
import { springKey } from '../../src/parse/documents.js';
import { runCli } from '../support/cli.js';
import { repoFromScenario } from '../support/repo.js';

// Spring binds a YAML key written with dots (`spring.datasource.url: ...`) as the nested one, so
// a profile document that overrides a nested property with a flat key overrides it: the scan
// names both spellings one key, in the current files and in their history.

const APPLICATION = [
  'spring:',
  '  datasource:',
  '    url: jdbc:postgresql://localhost/app',
  'app:',
  '  timeout-ms: 3000',
  '---',
  'spring.config.activate.on-profile: staging',
  'spring.datasource.url: jdbc:postgresql://stg-db/app',
  '---',
  'spring:',
  '  config:',
  '    activate:',
  '      on-profile: prod',
  'app:',
  '  timeout-ms: 3000',
  '',
].join('\n');

describe('Spring dotted YAML keys', () => {
  it('reads a profile document’s flat override as the property it overrides, with its history', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-08-01T09:00:00Z',
          author: 'ana',
          message: 'Spring profiles',
          write: {
            'src/main/resources/application.yml': APPLICATION,
            'undrift.yaml': 'environments:\n  staging: src/main/resources/application.yml\n  prod: src/main/resources/application.yml\n',
          },
        },
      ],
    });
    const scan = await runCli(['scan', '--format', 'json', '--today', '2026-12-06'], { cwd: repo });
    const report = JSON.parse(scan.stdout) as {
      divergences: Array<{ key: string; kind: string; values: Record<string, { repo: string | null; location: string | null }> }>;
    };
    const keys = report.divergences.map((d) => d.key);
    expect(keys).not.toContain('["spring.datasource.url"]');
    const url = report.divergences.find((d) => d.key === 'spring.datasource.url')!;
    expect(url.kind).toBe('cross-env');
    expect(url.values.staging).toMatchObject({ repo: 'jdbc:postgresql://stg-db/app', location: 'src/main/resources/application.yml:8' });
    expect(url.values.prod).toMatchObject({ repo: 'jdbc:postgresql://localhost/app', location: 'src/main/resources/application.yml:3' });

    const explain = await runCli(['explain', 'spring.datasource.url', '--json', '--today', '2026-12-06'], { cwd: repo });
    const history = (JSON.parse(explain.stdout) as { history: Record<string, Array<{ to: string | null }>> }).history;
    expect(history.staging!.map((e) => e.to)).toEqual(['jdbc:postgresql://stg-db/app']);
  });

  it('splits a dotted key at the top of a document, and keeps a map entry’s key as written', () => {
    expect(springKey('["spring.datasource.url"]')).toBe('spring.datasource.url');
    expect(springKey('["logging.level"]["org.hibernate.SQL"]')).toBe('logging.level["org.hibernate.SQL"]');
    expect(springKey('spring.kafka.consumer.properties["session.timeout.ms"]')).toBe('spring.kafka.consumer.properties["session.timeout.ms"]');
    expect(springKey('app.labels["[team.name]"]')).toBe('app.labels["[team.name]"]');
    expect(springKey('[profile=prod].server.port')).toBe('[profile=prod].server.port');
  });
});
