import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { springProfileEnvironments } from '../../src/config/spring-profiles.js';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// A Spring service whose environments are the profile documents of one application.yml: before,
// `undrift init` found no layout at all ("no per-environment config found").

const APPLICATION = [
  'app:',
  '  timeout-ms: 3000',
  '---',
  'spring.config.activate.on-profile: staging',
  'app:',
  '  timeout-ms: 10000',
  '---',
  'spring:',
  '  config:',
  '    activate:',
  '      on-profile: prod',
  'app:',
  '  timeout-ms: 3000',
  '---',
  'spring.config.activate.on-profile: docker | kafka',
  'app:',
  '  timeout-ms: 1',
  '---',
  'spring.config.activate.on-profile: "!prod"',
  'logging.level.root: DEBUG',
  '',
].join('\n');

describe('environments from Spring profile documents', () => {
  it('init writes one stack per profile that names an environment, and the scan compares them', async () => {
    const repo = await repoWithFiles({ 'src/main/resources/application.yml': APPLICATION });
    const init = await runCli(['init'], { cwd: repo });
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('discovered src/main/resources/application.yml profiles (staging, prod)');
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).toContain('  staging:\n    files:\n      - src/main/resources/application.yml\n  prod:');
    const scan = await runCli(['scan', '--format', 'json', '--no-history'], { cwd: repo });
    const divergences = (JSON.parse(scan.stdout) as { divergences: Array<{ key: string; values: Record<string, { repo: string | null }> }> }).divergences;
    const timeout = divergences.find((d) => d.key === 'app.timeout-ms');
    expect([timeout?.values.staging!.repo, timeout?.values.prod!.repo]).toEqual(['10000', '3000']);
  });

  it('names no environment for a profile that is not one, a negation or a file of another name', async () => {
    expect(await springProfileEnvironments(APPLICATION, 'application.yml')).toEqual(['staging', 'prod']);
    expect(await springProfileEnvironments(APPLICATION, 'values.yml')).toBeUndefined();
    expect(await springProfileEnvironments('a: 1\n---\nspring.profiles: docker\nb: 2\n', 'application.yml')).toBeUndefined();
  });
});
