// A change to a base file several environments share (a chart's values.yaml, node-config's
// default.yaml, Spring's application.yml, a Kustomize base) reaches every environment that does not
// set the key in a file of its own. The verdict reads such a difference as the base change and the
// override that shadows it (src/verdict/layered.ts), on real repositories.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import type { ScenarioCommit } from '../../src/scenario/scenario.js';
import { canBuildKustomize } from '../support/programs.js';
import { repoFromScenario } from '../support/repo.js';

const TODAY = '2026-12-04';

async function verdictOf(commits: ScenarioCommit[], key: string) {
  const repo = await repoFromScenario({ commits });
  const scan = await scanRepository({ repo, historyCache: false, today: TODAY });
  const d = scan.divergences.find((x) => x.key === key && x.kind === 'cross-env');
  expect(d, `a cross-env divergence of ${key}`).toBeDefined();
  return { ...d!.verdict!, text: d!.verdict!.reasons.join('\n') };
}

/** A Helm chart: values.yaml shared, values-<env>.yaml each environment's own. */
const helm = (prodOwn: string, importMessage: string): ScenarioCommit => ({
  at: '2025-03-03T10:00:00+01:00',
  author: 'ben',
  message: importMessage,
  write: {
    'undrift.yaml':
      'environments:\n  staging: {files: [chart/values.yaml, chart/values-staging.yaml]}\n  prod: {files: [chart/values.yaml, chart/values-prod.yaml]}\npromotion: [staging, prod]\n',
    'chart/values.yaml': 'image:\n  tag: "3.2.0"\nterminationGracePeriodSeconds: 30\n',
    'chart/values-staging.yaml': 'replicaCount: 1\n',
    'chart/values-prod.yaml': `replicaCount: 6\n${prodOwn}`,
    'config/expected-env-diff.yaml': 'expected_differences:\n  replicaCount: {staging: any, prod: any}\n',
  },
});
const baseChange = (message: string, at = '2026-11-09T10:37:00+01:00'): ScenarioCommit => ({
  at,
  author: 'ana',
  message,
  set: { 'chart/values.yaml': { terminationGracePeriodSeconds: 60 } },
});

describe('a base file change shadowed by an override that was not made for its value', () => {
  it.each([
    [
      '"every environment", an import',
      'Import payments-api chart from the old deploy repo',
      'Give pods 60s to drain\n\nSet in the chart defaults so it applies to every environment.',
    ],
    ['an incident, an initial commit', 'Initial commit', 'INC-5531: captures dropped on deploy, pods killed 30s after SIGTERM'],
    ['a plain reason, German import', 'Chart aus dem alten Repo übernommen', 'Pods brauchen länger zum Herunterfahren: Grace-Period 60s'],
    ['a plain reason, a bare first commit', 'chart', 'wait longer for in-flight exports on shutdown'],
  ])('Helm, %s: backfill the overriding environment, in base-file terms', async (_what, importMessage, message) => {
    const v = await verdictOf([helm('terminationGracePeriodSeconds: 30\n', importMessage), baseChange(message)], 'terminationGracePeriodSeconds');
    expect([v.suggested, v.drifted, v.value, v.deliberate]).toEqual(['backfill', 'prod', '60', 'staging']);
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
    expect(v.text).toContain('chart/values.yaml, the base file staging and prod share');
    expect(v.text).toContain('prod sets it in its own file chart/values-prod.yaml ("30"), which shadows the base file');
    expect(v.text).toContain('a copy of the base value');
    expect(v.text).toMatch(/the base change \([0-9a-f]{7}, for all environments\) is shadowed in prod by prod's own override in chart\/values-prod\.yaml/);
    // Not the per-environment readings the base change used to get.
    expect(v.text).not.toMatch(/landed in staging's file|did not reach prod|staging changed it/);
  });

  it('node-config default.yaml + production.yaml: an incident fix in the defaults is no "staging fix that did not reach production"', async () => {
    const v = await verdictOf(
      [
        {
          at: '2025-06-02T10:00:00+02:00',
          author: 'ben',
          message: 'Move settlement config here from the ops repo',
          write: {
            'undrift.yaml':
              'environments:\n  staging: {files: [config/default.yaml, config/staging.yaml]}\n  production: {files: [config/default.yaml, config/production.yaml]}\npromotion: [staging, production]\n',
            'config/default.yaml': 'ledger:\n  url: http://ledger.internal\n  timeoutMs: 2000\n',
            'config/staging.yaml': 'ledger:\n  url: http://ledger.staging.internal\n',
            'config/production.yaml': 'ledger:\n  url: http://ledger.prod.internal\n  timeoutMs: 2000\n',
            'config/expected-env-diff.yaml': 'expected_differences:\n  ledger.url: {staging: any, production: any}\n',
          },
        },
        {
          at: '2026-11-10T14:20:00+01:00',
          author: 'ana',
          message: 'INC-812: ledger calls time out at 2s during month-end close\n\nRaise the client timeout to 5s.',
          set: { 'config/default.yaml': { 'ledger.timeoutMs': 5000 } },
        },
      ],
      'ledger.timeoutMs',
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'production', '5000']);
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
    expect(v.text).toContain('config/default.yaml, the base file staging and production share');
    expect(v.text).toContain("remove the key from config/production.yaml, so production takes config/default.yaml's value");
    expect(v.text).not.toContain("staging's incident fix did not reach production");
  });

  it.each([
    ['copy billing config from the platform repo', 'copy'],
    ['Konfiguration aus dem alten Repo übernommen', 'übernommen'],
    ['billing: migrated from the old ops repository', 'migrated from'],
  ])('Spring application.yml + a profile: an import that brought a different value in is aligned, not confidently (%s)', async (message, phrase) => {
    const v = await verdictOf(
      [
        {
          at: '2025-09-01T10:00:00+02:00',
          author: 'ben',
          message,
          write: {
            'undrift.yaml':
              'environments:\n' +
              '  qa: {files: [src/main/resources/application.yml, src/main/resources/application-qa.yml]}\n' +
              '  prod: {files: [src/main/resources/application.yml, src/main/resources/application-prod.yml]}\npromotion: [qa, prod]\n',
            'src/main/resources/application.yml': 'spring:\n  datasource:\n    hikari:\n      connection-timeout: 3000\n',
            'src/main/resources/application-qa.yml': 'spring:\n  datasource:\n    url: jdbc:postgresql://db.qa/billing\n',
            'src/main/resources/application-prod.yml':
              'spring:\n  datasource:\n    url: jdbc:postgresql://db.prod/billing\n    hikari:\n      connection-timeout: 2500\n',
            'config/expected-env-diff.yaml': 'expected_differences:\n  spring.datasource.url: {qa: any, prod: any}\n',
          },
        },
        {
          at: '2026-11-12T10:00:00+01:00',
          author: 'ana',
          message: 'Wait up to 10s for a pool connection, for all environments\n\nUnder batch load requests fail after 3s.',
          set: { 'src/main/resources/application.yml': { 'spring.datasource.hikari.connection-timeout': 10000 } },
        },
      ],
      'spring.datasource.hikari.connection-timeout',
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'prod', '10000']);
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.text).toContain(`brought files in ("${phrase}")`);
    expect(v.question).toBeDefined();
  });

  it('a stop-gap override whose stated end has passed gives way to the newer base change', async () => {
    const v = await verdictOf(
      [
        helm('terminationGracePeriodSeconds: 30\n', 'chart'),
        {
          at: '2025-05-02T10:00:00+02:00',
          author: 'ben',
          message: 'prod: grace period 15s for now, until 2025-06-30 while the old load balancer is drained',
          set: { 'chart/values-prod.yaml': { terminationGracePeriodSeconds: 15 } },
        },
        baseChange('all environments: 60s grace period'),
      ],
      'terminationGracePeriodSeconds',
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'prod', '60']);
    expect(v.text).toContain('a stop-gap');
    expect(v.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('an override that is the environment’s own, or no base change to speak of', () => {
  it('a stop-gap override whose stated end is still to come keeps the environment off the base change until then', async () => {
    const v = await verdictOf(
      [
        helm('terminationGracePeriodSeconds: 30\n', 'chart'),
        {
          at: '2026-10-02T10:00:00+02:00',
          author: 'ben',
          message: 'prod: grace period 15s temporarily, until 2027-01-15, while the old load balancer is drained',
          set: { 'chart/values-prod.yaml': { terminationGracePeriodSeconds: 15 } },
        },
        baseChange('all environments: 60s grace period'),
      ],
      'terminationGracePeriodSeconds',
    );
    expect([v.suggested, v.expires]).toEqual(['declare', '2027-01-15']);
    expect(v.text).toContain('a stop-gap that runs until 2027-01-15');
  });

  it.each([
    ['English, "must"', 'production: grace period 20s\n\nThe autoscaler gives nodes 25s to drain in production, so production must stay below it.'],
    ['German, "weil"', 'Prod: Grace-Period 20s, weil der Autoscaler in prod Knoten nach 25s abräumt'],
    ['pinned on purpose', 'pin prod grace period at 20s on purpose (DO NOT CHANGE)'],
  ])('an override made before the base change on purpose (%s): the difference is intended', async (_what, message) => {
    const v = await verdictOf(
      [
        helm('', 'chart'),
        { at: '2026-03-02T10:00:00+01:00', author: 'ben', message, set: { 'chart/values-prod.yaml': { terminationGracePeriodSeconds: 20 } } },
        baseChange('wait longer for in-flight exports on shutdown'),
      ],
      'terminationGracePeriodSeconds',
    );
    expect(v.suggested).toBe('declare');
    expect(v.text).toContain('which shadows the base file');
    expect(v.text).toMatch(/made on purpose: the difference is intended/);
  });

  it('an override added after the base change is the environment’s own change since, not a shadowed base change', async () => {
    const v = await verdictOf(
      [
        helm('', 'chart'),
        baseChange('Give workers 60s to drain on shutdown', '2026-10-01T10:00:00+01:00'),
        {
          at: '2026-10-20T10:00:00+01:00',
          author: 'ben',
          message: 'prod: keep the grace period at 45s\n\nThe autoscaler in prod replaces nodes with a 50s deadline. Staging keeps the default.',
          set: { 'chart/values-prod.yaml': { terminationGracePeriodSeconds: 45 } },
        },
      ],
      'terminationGracePeriodSeconds',
    );
    expect(v.suggested).not.toBe('backfill');
    expect(v.text).not.toContain('shadows the base file');
  });

  it('a base change every environment overrides makes no difference of its own', async () => {
    const v = await verdictOf(
      [
        {
          at: '2025-03-03T10:00:00+01:00',
          author: 'ben',
          message: 'worker config',
          write: {
            'undrift.yaml':
              'environments:\n  staging: {files: [config/default.yaml, config/staging.yaml]}\n  prod: {files: [config/default.yaml, config/prod.yaml]}\npromotion: [staging, prod]\n',
            'config/default.yaml': 'worker:\n  concurrency: 4\n',
            'config/staging.yaml': 'worker:\n  concurrency: 2\n',
            'config/prod.yaml': 'worker:\n  concurrency: 8\n',
          },
        },
        {
          at: '2026-10-01T10:00:00+01:00',
          author: 'ana',
          message: 'Raise default worker concurrency to 6 everywhere',
          set: { 'config/default.yaml': { 'worker.concurrency': 6 } },
        },
      ],
      'worker.concurrency',
    );
    expect(v.suggested).toBe('declare');
    expect(v.text).not.toMatch(/base file|shadow/);
  });

  it('a weaker base value (debug in the defaults) never reaches production through its copied override', async () => {
    const v = await verdictOf(
      [
        {
          at: '2025-09-01T10:00:00+02:00',
          author: 'ben',
          message: 'bootstrap config',
          write: {
            'undrift.yaml':
              'environments:\n  dev: {files: [config/default.yaml, config/dev.yaml]}\n  production: {files: [config/default.yaml, config/production.yaml]}\npromotion: [dev, production]\n',
            'config/default.yaml': 'logging:\n  level: info\n',
            'config/dev.yaml': 'db: dev\n',
            'config/production.yaml': 'db: prod\nlogging:\n  level: info\n',
            'config/expected-env-diff.yaml': 'expected_differences:\n  db: {dev: any, production: any}\n',
          },
        },
        {
          at: '2026-11-12T10:00:00+01:00',
          author: 'ana',
          message: 'more logging by default, for all environments',
          set: { 'config/default.yaml': { 'logging.level': 'debug' } },
        },
      ],
      'logging.level',
    );
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.text).toContain('which shadows the base file');
    expect(v.question).toMatch(/keeps the weaker "debug" out of production/);
  });

  it('an override of a different value whose commit says nothing of why is asked about, not removed', async () => {
    const v = await verdictOf(
      [
        helm('', 'chart'),
        { at: '2025-04-02T10:00:00+02:00', author: 'ben', message: 'prod values', set: { 'chart/values-prod.yaml': { terminationGracePeriodSeconds: 20 } } },
        baseChange('Give pods 60s to drain'),
      ],
      'terminationGracePeriodSeconds',
    );
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toMatch(/meant to keep prod off the base change \(declare\), or a leftover to remove from chart\/values-prod\.yaml/);
  });
});

describe('more layouts and keys', () => {
  it('three environments: dev and staging take the base change, production’s copied override is aligned', async () => {
    const v = await verdictOf(
      [
        {
          at: '2025-03-03T10:00:00+01:00',
          author: 'ben',
          message: 'initial import of the chart',
          write: {
            'undrift.yaml':
              'environments:\n  dev: {files: [helm/values.yaml, helm/values-dev.yaml]}\n  staging: {files: [helm/values.yaml, helm/values-staging.yaml]}\n' +
              '  production: {files: [helm/values.yaml, helm/values-production.yaml]}\npromotion: [dev, staging, production]\n',
            'helm/values.yaml': 'ingress:\n  proxyReadTimeout: "60"\n',
            'helm/values-dev.yaml': 'replicaCount: 1\n',
            'helm/values-staging.yaml': 'replicaCount: 2\n',
            'helm/values-production.yaml': 'replicaCount: 6\ningress:\n  proxyReadTimeout: "60"\n',
            'config/expected-env-diff.yaml': 'expected_differences:\n  replicaCount: {dev: any, staging: any, production: any}\n',
          },
        },
        {
          at: '2026-11-19T13:25:00+01:00',
          author: 'ana',
          message: 'export timeout naar 180s, jaaroverzichten duren tot 2 minuten',
          set: { 'helm/values.yaml': { 'ingress.proxyReadTimeout': '180' } },
        },
      ],
      'ingress.proxyReadTimeout',
    );
    expect([v.suggested, v.drifted, v.value, v.deliberate]).toEqual(['backfill', 'production', '180', 'staging']);
    expect(v.text).toContain('helm/values.yaml, the base file dev, staging and production share');
    expect(v.text).toContain('(dev and staging take it from there)');
  });

  it('a version bumped in the base by a bot does not reach the environment that pins its own', async () => {
    const v = await verdictOf(
      [
        helm('image:\n  tag: "3.2.0"\n', 'Import payments-api chart from the old deploy repo'),
        {
          at: '2026-11-16T09:15:00+01:00',
          author: 'ana',
          message: 'chore(deps): update payments-api to 3.3.1',
          set: { 'chart/values.yaml': { 'image.tag': '3.3.1' } },
        },
      ],
      'image.tag',
    );
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.text).toContain('which shadows the base file');
    expect(v.question).toMatch(/is "3\.3\.1" meant for prod too\?/);
  });

  it.skipIf(!canBuildKustomize)('Kustomize: a base ConfigMap value shadowed by an overlay patch from the first layout', async () => {
    const v = await verdictOf(
      [
        {
          at: '2025-09-01T10:00:00+02:00',
          author: 'ben',
          message: 'Move api manifests over from the platform repo',
          write: {
            'undrift.yaml': 'environments:\n  staging: {files: [k8s/overlays/staging]}\n  prod: {files: [k8s/overlays/prod]}\npromotion: [staging, prod]\n',
            'k8s/base/kustomization.yaml': 'resources:\n  - configmap.yaml\n',
            'k8s/base/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api-config\ndata:\n  UPSTREAM_TIMEOUT_MS: "3000"\n',
            'k8s/overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\n',
            'k8s/overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: configmap-patch.yaml\n',
            'k8s/overlays/prod/configmap-patch.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api-config\ndata:\n  UPSTREAM_TIMEOUT_MS: "3000"\n',
          },
        },
        {
          at: '2026-11-12T10:00:00+01:00',
          author: 'ana',
          message: 'raise upstream timeout to 8s\n\nThe pricing service takes up to 6s on cold caches.',
          set: { 'k8s/base/configmap.yaml': { 'data.UPSTREAM_TIMEOUT_MS': '8000' } },
        },
      ],
      'ConfigMap/api-config.data.UPSTREAM_TIMEOUT_MS',
    );
    expect([v.suggested, v.drifted, v.value]).toEqual(['backfill', 'prod', '8000']);
    expect(v.text).toContain('k8s/base/configmap.yaml, the base file staging and prod share');
    expect(v.text).toContain('prod sets it in its own file k8s/overlays/prod/configmap-patch.yaml ("3000")');
  });
});
