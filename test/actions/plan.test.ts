import { beforeAll, describe, expect, it } from 'vitest';
import { prepareEdits } from '../../src/actions/commit.js';
import { mergeSteps, planDecisions, validateDecision, type PlannedDecision } from '../../src/actions/plan.js';
import { DEFAULT_READ_LIMITS } from '../../src/model/limits.js';
import { calendarDateProblem } from '../../src/config/calendar-date.js';
import { scanRepository, type Scan } from '../../src/engine.js';
import type { Decision } from '../../src/model/types.js';
import { repoFromScenario, repoWithFiles } from '../support/repo.js';
import { scenarioRepo } from '../support/demo-repo.js';
import { canBuildKustomize } from '../support/programs.js';

let demo: Scan;
const idOf = (key: string, kind: string) => demo.divergences.find((d) => d.key === key && d.kind === kind)!.id;
const refused = (decision: Decision, scan = demo, options = {}) => {
  const check = validateDecision(decision, scan, options);
  return check.ok ? undefined : check.refused;
};

beforeAll(async () => {
  const repo = await scenarioRepo();
  demo = await scanRepository({ repo, today: '2026-12-01', historyCache: false });
}, 120_000);

describe('validateDecision (what the interactive view calls when a decision is made)', () => {
  it('accepts the demo verdicts, and says what each writes', () => {
    const check = validateDecision(
      {
        key: 'PAYMENT_GATEWAY_TIMEOUT_MS',
        env: 'production',
        action: 'backfill',
        value: '10000',
        divergence: idOf('PAYMENT_GATEWAY_TIMEOUT_MS', 'live-drift'),
      },
      demo,
    );
    expect(check.ok && check.step.files.map((f) => [f.file, f.key, f.value?.text])).toEqual([
      ['config/production.yaml', 'PAYMENT_GATEWAY_TIMEOUT_MS', '10000'],
    ]);
    expect(check.ok && check.inPlace).toBeUndefined();
  });

  it('refuses a value a Kustomize overlay builds where no line of its files writes it, instead of failing at write time', () => {
    // It was accepted, then apply stopped with "cannot read the key path "Deployment/api.replicas" at character 11".
    const envs = new Map(demo.snapshot.envs);
    const production = envs.get('production')!;
    const at = { file: 'k8s/overlays/production/kustomization.yaml', line: 1, column: 1 };
    envs.set('production', {
      ...production,
      values: new Map([...production.values, ['Deployment/api.replicas', { text: '4', type: 'number', location: at }]]),
      built: ['k8s/overlays/production'],
    });
    const overlaid = { ...demo, snapshot: { ...demo.snapshot, envs } };
    expect(refused({ key: 'Deployment/api.replicas', env: 'production', action: 'backfill', value: '6' }, overlaid)).toBe(
      "production's Deployment/api.replicas is what Kustomize builds from k8s/overlays/production (its bases, patches and generators), " +
        'not a line of one file undrift can edit; change it in the overlay by hand',
    );
  });

  it.skipIf(!canBuildKustomize)("refuses a value the overlay's replicas: or images: entry sets by pointing at that entry, the line explain cites", async () => {
    // It said "not a line of one file undrift can edit; change it in the overlay by hand" while
    // explain located the value at the entry's line.
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [k8s/overlays/staging]}\n  production: {files: [k8s/overlays/production]}\npromotion: [staging, production]\n',
      'k8s/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'k8s/base/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n' +
        '        - name: app\n          image: ghcr.io/acme/web:1.0.0\n',
      'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\nnamePrefix: stg-\n',
      'k8s/overlays/production/kustomization.yaml':
        'resources: [../../base]\nnamePrefix: prod-\nreplicas:\n  - name: web\n    count: 3\nimages:\n  - name: ghcr.io/acme/web\n    newTag: 0.9.0\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    const file = 'k8s/overlays/production/kustomization.yaml';
    expect(refused({ key: 'Deployment/web.replicas', env: 'production', action: 'revert', value: '1' }, scan)).toBe(
      `production's Deployment/web.replicas is set by the replicas: entry at ${file}:5, a Kustomize transformer undrift does not edit; change it there by hand`,
    );
    expect(refused({ key: 'Deployment/web.containers[name=app].image', env: 'production', action: 'backfill' }, scan)).toBe(
      `production's Deployment/web.containers[name=app].image is set by the images: entry at ${file}:8, a Kustomize transformer undrift does not edit; change it there by hand`,
    );
  });

  it.skipIf(!canBuildKustomize)("refuses a value a JSON 6902 patch writes by pointing at the operation's line, the line explain cites", async () => {
    // Located at the operation's value, it was taken for a line of a values file: apply stopped
    // with "cannot read the key path "Deployment/web.replicas" at character 11".
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [k8s/overlays/staging]}\n  production: {files: [k8s/overlays/production]}\npromotion: [staging, production]\n',
      'k8s/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'k8s/base/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n' +
        '        - name: app\n          image: ghcr.io/acme/web:1.0.0\n',
      'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\n',
      'k8s/overlays/production/kustomization.yaml':
        'resources: [../../base]\npatches:\n  - target: {kind: Deployment, name: web}\n    path: scale.yaml\n  - target: {kind: Deployment, name: web}\n' +
        '    patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/image\n        value: ghcr.io/acme/web:0.9.0\n',
      'k8s/overlays/production/scale.yaml': '- op: replace\n  path: /spec/replicas\n  value: 3\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    expect(refused({ key: 'Deployment/web.replicas', env: 'production', action: 'revert', value: '1' }, scan)).toBe(
      "production's Deployment/web.replicas is set by a JSON 6902 patch operation at k8s/overlays/production/scale.yaml:3, " +
        'which undrift does not edit; change its value there by hand',
    );
    expect(refused({ key: 'Deployment/web.containers[name=app].image', env: 'production', action: 'backfill' }, scan)).toBe(
      "production's Deployment/web.containers[name=app].image is set by a JSON 6902 patch operation at k8s/overlays/production/kustomization.yaml:9, " +
        'which undrift does not edit; change its value there by hand',
    );
  });

  it.skipIf(!canBuildKustomize)("edits a value a Kustomize generator reads from the overlay's env file by its variable name", async () => {
    // The editor was asked for the dotenv variable "ConfigMap/app.data.TIMEOUT": "is not a dotenv variable name".
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: {files: [overlays/staging]}\n  prod: {files: [overlays/prod]}\npromotion: [staging, prod]\n',
      'base/kustomization.yaml': 'resources: [dep.yaml]\nconfigMapGenerator:\n  - name: app\n    envs: [app.env]\n',
      'base/app.env': 'LOG=info\nTIMEOUT=10\n',
      'base/dep.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n' +
        '      - name: app\n        image: r/app:1\n        envFrom: [{configMapRef: {name: app}}]\n',
      'overlays/staging/kustomization.yaml':
        'resources: [../../base]\nnameSuffix: -stg\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    envs: [override.env]\n',
      'overlays/staging/override.env': '# staging waits longer\nTIMEOUT=30\n',
      'overlays/prod/kustomization.yaml': 'resources: [../../base]\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    literals: [TIMEOUT=60]\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    const check = validateDecision({ key: 'ConfigMap/app.data.TIMEOUT', env: 'staging', action: 'backfill' }, scan);
    expect(check.ok && check.step.files.map((f) => [f.file, f.format, f.key, f.value?.text])).toEqual([
      ['overlays/staging/override.env', 'dotenv', 'TIMEOUT', '60'],
    ]);
    const edits = await prepareEdits(repo, check.ok ? [check.step] : [], ['staging', 'prod'], 'decision', DEFAULT_READ_LIMITS);
    expect(edits.commits[0]!.files.get('overlays/staging/override.env')!.toString()).toBe('# staging waits longer\nTIMEOUT=60\n');
  });

  it('a revert naming no value, of a key every environment holds since it was added, asks for the value instead of removing the key', async () => {
    // `revert staging` of TIMEOUT (staging 45, production 30) removed TIMEOUT from staging's file:
    // its "value before" the commit that added it. The view never offers that; a decisions file did.
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: {files: [.env.staging]}\n  production: {files: [.env.production]}\npromotion: [staging, production]\n',
      '.env.staging': 'TIMEOUT=45\nDEBUG=1\n',
      '.env.production': 'TIMEOUT=30\n',
    });
    const scan = await scanRepository({ repo, live: false, today: '2026-12-01', historyCache: false });
    expect(refused({ key: 'TIMEOUT', env: 'staging', action: 'revert' }, scan)).toMatch(
      /^staging has held TIMEOUT since [0-9a-f]{7} added it, so its value before is "absent": name the value to write \(value: "30" is production's\), or value: null to remove it$/,
    );
    // Said so, it is done; and a key only one environment holds is still reverted by removing it.
    const removal = validateDecision({ key: 'TIMEOUT', env: 'staging', action: 'revert', value: null }, scan);
    expect(removal.ok && removal.step.subject).toBe('drift(staging): revert TIMEOUT (remove it)');
    const missing = validateDecision({ key: 'DEBUG', env: 'staging', action: 'revert' }, scan);
    expect(missing.ok && missing.step.subject).toBe('drift(staging): revert DEBUG (remove it)');
  });

  it('a revert of a contract violation naming no value goes back to the environment\'s value before the change, not to "absent"', async () => {
    // A newcomer's trial (session 37): production's replicaCount, which the contract holds at 4, was
    // raised to 5 in one commit; `revert production` failed with "production has held replicaCount
    // since … added it, so its value before is \"absent\"" (that commit changed 4 to 5) and offered
    // staging's 1 replica as the value to write.
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-10-01T09:00:00Z',
          author: 'ana',
          message: 'Add the chart values',
          write: {
            'undrift.yaml':
              'environments:\n  staging: {files: [values-staging.yaml]}\n  production: {files: [values-production.yaml]}\npromotion: [staging, production]\ncontract: expected-env-diff.yaml\n',
            'expected-env-diff.yaml': 'expected_differences:\n  replicaCount: {staging: 1, production: 4}\n',
            'values-staging.yaml': 'replicaCount: 1\n',
            'values-production.yaml': 'replicaCount: 4\n',
          },
        },
        { at: '2026-11-03T09:00:00Z', author: 'ben', message: 'More replicas for production', write: { 'values-production.yaml': 'replicaCount: 5\n' } },
      ],
    });
    const scan = await scanRepository({ repo, live: false, today: '2026-12-01', historyCache: false });
    expect(scan.divergences.find((d) => d.key === 'replicaCount')?.kind).toBe('contract-violation');
    const check = validateDecision({ key: 'replicaCount', env: 'production', action: 'revert' }, scan);
    expect(check.ok ? check.step.files.map((f) => [f.file, f.value?.text]) : check.refused).toEqual([['values-production.yaml', '4']]);
    // Staging, which has held 1 since it was added, has no value before: one is asked for.
    expect(refused({ key: 'replicaCount', env: 'staging', action: 'revert' }, scan)).toMatch(
      /^staging has held replicaCount since [0-9a-f]{7} added it, so its value before is "absent": name the value to write/,
    );
  });

  it('a declaration of a key one environment lacks declares it absent there, so a value put there later is a violation', async () => {
    // A newcomer's trial (session 38): `declare` of a staging-only DEBUG_SQL wrote `staging: true`
    // alone; production setting it later then showed no row at all.
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: {files: [.env.staging]}\n  production: {files: [.env.production]}\npromotion: [staging, production]\n',
      '.env.staging': 'DEBUG_SQL=true\nTIMEOUT=30\n',
      '.env.production': 'TIMEOUT=30\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    const check = validateDecision({ key: 'DEBUG_SQL', action: 'declare', reason: 'staging only' }, scan);
    expect(check.ok && check.step.subject).toBe('drift: declare DEBUG_SQL (staging=true, production=~)');
    const edits = await prepareEdits(repo, check.ok ? [check.step] : [], ['staging', 'production'], 'decision', DEFAULT_READ_LIMITS);
    const contract = [...edits.commits[0]!.files.values()][0]!.toString();
    expect(contract).toMatch(/DEBUG_SQL:\n\s+staging: "?true"?\n\s+production: (~|null)\n/);
  });

  it("a multi-line value's subject quotes its first line only, so the commit's subject stays one line", async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [values-staging.yaml]}\n  production: {files: [values-production.yaml]}\npromotion: [staging, production]\n',
      'values-staging.yaml': 'startupScript: |\n  set -e\n  ./migrate --all\n',
      'values-production.yaml': 'startupScript: |\n  set -e\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    const check = validateDecision({ key: 'startupScript', env: 'production', action: 'backfill', value: 'set -e\n./migrate --all\n' }, scan);
    expect(check.ok && check.step.subject).toBe('drift(production): backfill startupScript=set -e...');
  });

  it("declaring a contract violation widens the entry: other environments' `any`, lists and comments stay as written", async () => {
    // A newcomer's trial (session 38): `d` on production's replicas outside [4, 6, 8] rewrote the
    // whole entry as each environment's one current value, dropping staging's `any` and the list.
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  dev: {files: [values-dev.yaml]}\n  staging: {files: [values-staging.yaml]}\n  production: {files: [values-production.yaml]}\n' +
        'promotion: [dev, staging, production]\ncontract: expected-env-diff.yaml\n',
      'expected-env-diff.yaml':
        'expected_differences:\n  LOG_LEVEL: {dev: debug, staging: info, production: info}\n  replicas:\n    dev: any # whatever the laptop takes\n' +
        '    staging:\n      - 1\n      - 2\n    production: [4, 6, 8] # the nodes take pairs\n    reason: production scales in steps of two\n    owner: platform\n' +
        '  IMAGE_TAG:\n    dev: any\n    staging: /^v2\\./\n    production: /^v2\\./\n    reason: one major everywhere\n',
      'values-dev.yaml': 'LOG_LEVEL: debug\nreplicas: 1\nIMAGE_TAG: v2.1.0\n',
      'values-staging.yaml': 'LOG_LEVEL: info\nreplicas: 2\nIMAGE_TAG: v2.1.0\n',
      'values-production.yaml': 'LOG_LEVEL: info\nreplicas: 2\nIMAGE_TAG: v3.0.0\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    expect(
      scan.divergences
        .filter((d) => d.kind === 'contract-violation')
        .map((d) => d.key)
        .sort(),
    ).toEqual(['IMAGE_TAG', 'replicas']);
    const replicas = validateDecision({ key: 'replicas', action: 'declare', reason: 'two replicas are enough since the cache' }, scan);
    expect(replicas.ok && replicas.step.subject).toBe('drift: declare replicas (dev=any, staging=one of 1, 2, production=one of 4, 6, 8, 2)');
    const image = validateDecision({ key: 'IMAGE_TAG', action: 'declare', reason: 'production runs v3 first' }, scan);
    expect(image.ok && image.step.subject).toBe('drift: declare IMAGE_TAG (dev=any, staging=/^v2\\./, production=v3.0.0)');
    const steps = [replicas, image].flatMap((c) => (c.ok ? [c.step] : []));
    const edits = await prepareEdits(repo, steps, ['dev', 'staging', 'production'], 'decision', DEFAULT_READ_LIMITS);
    const contract = [...edits.commits.at(-1)!.files.values()][0]!.toString();
    expect(contract).toBe(
      'expected_differences:\n  LOG_LEVEL: {dev: debug, staging: info, production: info}\n  replicas:\n    dev: any # whatever the laptop takes\n' +
        '    staging:\n      - 1\n      - 2\n    production: [2, 4, 6, 8] # the nodes take pairs\n    reason: two replicas are enough since the cache\n    owner: platform\n' +
        '  IMAGE_TAG:\n    dev: any\n    staging: /^v2\\./\n    production: v3.0.0\n    reason: production runs v3 first\n',
    );
    // Written so, the scan of the branch finds both declared.
    const after = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  dev: {files: [values-dev.yaml]}\n  staging: {files: [values-staging.yaml]}\n  production: {files: [values-production.yaml]}\n' +
        'promotion: [dev, staging, production]\ncontract: expected-env-diff.yaml\n',
      'expected-env-diff.yaml': contract,
      'values-dev.yaml': 'LOG_LEVEL: debug\nreplicas: 1\nIMAGE_TAG: v2.1.0\n',
      'values-staging.yaml': 'LOG_LEVEL: info\nreplicas: 2\nIMAGE_TAG: v2.1.0\n',
      'values-production.yaml': 'LOG_LEVEL: info\nreplicas: 2\nIMAGE_TAG: v3.0.0\n',
    });
    const rescan = await scanRepository({ repo: after, history: false, live: false, today: '2026-12-01' });
    expect(rescan.divergences.filter((d) => d.severity === 'drift').map((d) => `${d.key} ${d.kind}`)).toEqual([]);
  });

  it('declaring into a flow entry keeps the pairs that already allow their value, each on its own line', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [.env.staging]}\n  production: {files: [.env.production]}\npromotion: [staging, production]\ncontract: expected-env-diff.yaml\n',
      'expected-env-diff.yaml': 'expected_differences:\n  WORKERS: {staging: {one_of: [2, 4]}, production: 8, reason: sized per load}\n',
      '.env.staging': 'WORKERS=4\n',
      '.env.production': 'WORKERS=4\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    const check = validateDecision({ key: 'WORKERS', action: 'declare', reason: 'production runs four since the new nodes' }, scan);
    expect(check.ok && check.step.subject).toBe('drift: declare WORKERS (staging=one of 2, 4, production=4)');
    const edits = await prepareEdits(repo, check.ok ? [check.step] : [], ['staging', 'production'], 'decision', DEFAULT_READ_LIMITS);
    expect([...edits.commits[0]!.files.values()][0]!.toString()).toBe(
      'expected_differences:\n  WORKERS:\n    staging: {one_of: [2, 4]}\n    production: "4"\n    reason: production runs four since the new nodes\n',
    );
  });

  it("the value a contract violation's verdict names is the violating environment's, never another's revert", () => {
    // A newcomer's trial (session 38): `revert staging` of the demo's replicas (production in violation)
    // wrote the value the verdict names for production into staging, which has held its own since it was added.
    const row = demo.divergences.find((d) => d.key === 'replicas' && d.kind === 'contract-violation')!;
    expect([row.verdict?.drifted, row.verdict?.value]).toEqual(['production', expect.any(String)]);
    const staging = validateDecision({ key: 'replicas', env: 'staging', action: 'revert', divergence: row.id }, demo);
    expect(staging.ok ? staging.step.files.map((f) => f.value?.text) : staging.refused).not.toEqual([row.verdict!.value]);
  });

  it.skipIf(!canBuildKustomize)(
    'a revert naming no value of a key a Kustomize build makes says first that undrift cannot edit it, not which value to name',
    async () => {
      // It said `name the value to write (value: "30" is production's)`; named, the value met
      // "… is what Kustomize builds from k8s/overlays/staging …; change it in the overlay by hand".
      const repo = await repoWithFiles({
        'undrift.yaml':
          'environments:\n  staging: {files: [k8s/overlays/staging]}\n  production: {files: [k8s/overlays/production]}\npromotion: [staging, production]\n',
        'k8s/base/kustomization.yaml': 'resources: [configmap.yaml]\n',
        'k8s/base/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  LOG: info\n',
        'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\nconfigMapGenerator:\n  - name: app-extra\n    literals: [TIMEOUT=45]\n',
        'k8s/overlays/production/kustomization.yaml': 'resources: [../../base]\nconfigMapGenerator:\n  - name: app-extra\n    literals: [TIMEOUT=30]\n',
      });
      const scan = await scanRepository({ repo, live: false, today: '2026-12-01', historyCache: false });
      const key = 'ConfigMap/app-extra.data.TIMEOUT';
      const cannot =
        `staging's ${key} is what Kustomize builds from k8s/overlays/staging (its bases, patches and generators), ` +
        'not a line of one file undrift can edit; change it in the overlay by hand';
      expect(refused({ key, env: 'staging', action: 'revert' }, scan)).toBe(cannot);
      expect(refused({ key, env: 'staging', action: 'revert', value: '30' }, scan)).toBe(cannot);
    },
  );

  it("refuses a value a Kustomize overlay takes from its base unchanged: the base is every overlay's", () => {
    // Located at the base's line, it would have been edited there, changing every overlay built from it.
    const envs = new Map(demo.snapshot.envs);
    const production = envs.get('production')!;
    const at = { file: 'k8s/base/deployment.yaml', line: 6, column: 12 };
    envs.set('production', {
      ...production,
      values: new Map([...production.values, ['Deployment/api.replicas', { text: '4', type: 'number', location: at }]]),
      built: ['k8s/overlays/production'],
    });
    const overlaid = { ...demo, snapshot: { ...demo.snapshot, envs } };
    expect(refused({ key: 'Deployment/api.replicas', env: 'production', action: 'backfill', value: '6' }, overlaid)).toBe(
      "production's Deployment/api.replicas comes from k8s/base/deployment.yaml, a Kustomize base k8s/overlays/production builds from " +
        '(other overlays may build from it too): undrift does not write overlay patches; patch it in k8s/overlays/production by hand',
    );
  });

  it('refuses, with the reason in full, what apply cannot carry out', () => {
    expect(refused({ key: 'DEBUG_SQL', env: 'production', action: 'revert', divergence: idOf('DEBUG_SQL', 'live-only') })).toBe(
      "production's live state comes from snapshot live/production.yaml: only a Kubernetes source can be patched (a snapshot is a record of what ran, not the cluster); " +
        "by hand: remove DEBUG_SQL from production's running ConfigMap/payment-overrides, then capture the snapshot again (or give production a kubernetes: live source in undrift.yaml)",
    );
    expect(refused({ key: 'replicas', env: 'production', action: 'backfill', value: '2' })).toBe(
      'the contract (config/expected-env-diff.yaml:14) allows production one of 4, 6, 8 for replicas, not "2"; choose an allowed value, change the contract, or pass --allow-contract-breach',
    );
    expect(refused({ key: 'replicas', env: 'production', action: 'backfill', value: '2' }, demo, { allowContractBreach: true })).toBeUndefined();
    expect(refused({ key: 'replicas', env: 'production', action: 'revert', value: '4' })).toBeUndefined();
    // A key no environment has, written as new, next to one it is a typo of: the fix would never take.
    const typo = { key: 'PAYMENT_GATEWAY_TIMOUT_MS', env: 'production', action: 'backfill', value: '10000' } as const;
    expect(refused(typo)).toBe(
      'no environment has PAYMENT_GATEWAY_TIMOUT_MS (did you mean PAYMENT_GATEWAY_TIMEOUT_MS?): check the key, or pass --allow-new-key to add it as a new key',
    );
    expect(refused(typo, demo, { allowNewKey: true })).toBeUndefined();
    expect(refused({ key: 'CHECKOUT_WEBHOOK_SECRET_NAME', env: 'production', action: 'backfill', value: 'hooks' })).toBeUndefined(); // like no other key
    expect(refused({ key: 'PG_CLIENT_VERSION', action: 'backfill', to: 'all', value: '15.4', env: 'qa' })).toBe(
      'unknown environment "qa" (known: staging, production)',
    );
    expect(refused({ key: 'NEW_AUTH_FLOW', action: 'declare' })).toBe('a declaration needs a reason (why the environments differ on purpose): reason: "..."');
    expect(refused({ key: 'NEW_AUTH_FLOW', action: 'declare', reason: 'rollout', expires: '2027-13-45' })).toBe(
      'expires: "2027-13-45" has no month 13 (01-12)',
    );
    expect(refused({ key: 'NEW_AUTH_FLOW', action: 'declare', reason: 'rollout', expires: '2026-02-30' })).toBe(
      'expires: "2026-02-30" is not a day of that month (2026-02 has 28 days)',
    );
    // A live value is declared as accepted where it runs (live_differences:); an image is redeployed.
    const accepted = validateDecision(
      { key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'declare', reason: 'x', divergence: idOf('PAYMENT_GATEWAY_TIMEOUT_MS', 'live-drift') },
      demo,
    );
    expect(accepted.ok && accepted.step.contract).toEqual([
      {
        file: 'config/expected-env-diff.yaml',
        section: 'live_differences',
        key: 'PAYMENT_GATEWAY_TIMEOUT_MS',
        allowed: { production: { text: '10000', type: 'string' } },
        reason: 'x',
      },
    ]);
    expect(accepted.ok && accepted.step.subject).toBe('drift(production): accept live PAYMENT_GATEWAY_TIMEOUT_MS=10000 (the repo says 3000)');
    // Named by `target: live` instead of its id: the same acceptance; without either, the key's
    // row between environments is the one declared.
    const byTarget = validateDecision({ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'declare', reason: 'x', target: 'live' }, demo);
    expect(byTarget.ok && byTarget.step.contract).toEqual(accepted.ok && accepted.step.contract);
    const between = validateDecision({ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', action: 'declare', reason: 'x' }, demo);
    expect(between.ok && between.step.contract[0]!.section).toBeUndefined();
    const image = demo.divergences.find((d) => d.kind === 'artifact')!;
    expect(refused({ key: image.key, action: 'declare', reason: 'x', divergence: image.id })).toMatch(
      /^artifact is a difference between the repo and what runs.*revert it .*backfill it /,
    );
    expect(refused({ key: 'Deployment/payment-service.containers[name=app].image', env: 'production', action: 'revert', target: 'live' })).toMatch(
      /only a Kubernetes source can be patched|redeploy/,
    );
  });

  it('refuses a declaration that would be expired as it is written: its scan would list the key again', () => {
    const today = { today: '2026-12-01' };
    expect(refused({ key: 'NEW_AUTH_FLOW', action: 'declare', reason: 'staged rollout', expires: '2025-01-01' }, demo, today)).toBe(
      'expires 2025-01-01 has passed (today is 2026-12-01; the decision gives it): the declaration would cover nothing; give a later expires (YYYY-MM-DD)',
    );
    // Re-declaring an expired entry kept its date: the commit changed the reason, the key stayed drift.
    expect(refused({ key: 'FEATURE_RECEIPTS_V2', action: 'declare', reason: 'still rolling out' }, demo, today)).toBe(
      'expires 2026-09-30 has passed (today is 2026-12-01; the contract entry holds it, and re-declaring keeps it): ' +
        'the declaration would cover nothing; give a later expires (YYYY-MM-DD)',
    );
    const renewed = validateDecision({ key: 'FEATURE_RECEIPTS_V2', action: 'declare', reason: 'still rolling out', expires: '2027-03-31' }, demo, today);
    expect(renewed.ok && renewed.step.contract[0]).toMatchObject({ reason: 'still rolling out', expires: '2027-03-31' });
    // Judged on the day apply is told (--today), not the clock's.
    expect(
      refused({ key: 'NEW_AUTH_FLOW', action: 'declare', reason: 'staged rollout', expires: '2025-01-01' }, demo, { today: '2024-12-01' }),
    ).toBeUndefined();
  });

  it('accepts a skip (it writes nothing; apply records it)', () => {
    const check = validateDecision({ key: 'DEBUG_SQL', env: 'production', action: 'skip', divergence: idOf('DEBUG_SQL', 'live-only') }, demo);
    expect(check.ok && [check.step.files, check.step.contract, check.step.live, check.step.subject]).toEqual([[], [], [], 'drift(production): skip DEBUG_SQL']);
  });

  it('says when the change already holds', () => {
    const check = validateDecision({ key: 'PG_CLIENT_VERSION', env: 'staging', action: 'backfill', value: '15.3' }, demo);
    expect(check.ok && check.inPlace).toBe('staging already holds "15.3" for PG_CLIENT_VERSION');
  });

  it('re-declaring keeps the owner and reason; removing a declaration is undeclare', () => {
    const again = validateDecision({ key: 'DB_POOL_MAX', action: 'declare', expires: '2027-01-31' }, demo);
    expect(again.ok && again.step.contract[0]).toMatchObject({ reason: 'load test, PAY-311', owner: 'payments-team', expires: '2027-01-31' });
    const replicas = validateDecision({ key: 'replicas', action: 'declare', reason: 'staging is small' }, demo);
    expect(replicas.ok && replicas.step.contract[0]).toMatchObject({ reason: 'staging is small', owner: 'sre' });
    const stale = validateDecision({ key: 'DB_POOL_MAX', action: 'declare', divergence: idOf('DB_POOL_MAX', 'stale-declaration') }, demo);
    expect(stale.ok && [stale.step.decision.action, stale.step.subject, stale.step.contract[0]!.allowed]).toEqual([
      'undeclare',
      'drift: undeclare DB_POOL_MAX (remove its declaration)',
      null,
    ]);
    const undeclare = validateDecision({ key: 'DB_POOL_MAX', action: 'undeclare' }, demo);
    expect(undeclare.ok && undeclare.step.subject).toBe('drift: undeclare DB_POOL_MAX (remove its declaration)');
    const nothing = validateDecision({ key: 'PG_CLIENT_VERSION', action: 'undeclare' }, demo);
    expect(nothing.ok && nothing.inPlace).toBe('the contract declares nothing for PG_CLIENT_VERSION');
  });

  it('refuses a list item the editor cannot add, a Secret, and a nested variable a .tfvars file lacks', async () => {
    const manifest = (value: string, extra = '') =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 2\n  template:\n    spec:\n  ` +
      `    containers:\n        - name: app\n          image: api:1\n          env:\n            - {name: LOG_LEVEL, ` +
      `value: ${value}}\n${extra}`;
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [k8s/staging.yaml], format: manifests}\n  production: {files: [k8s/production.yaml], format: manifests}\n  qa: {files: [env/qa.tfvars]}\n',
      'k8s/staging.yaml': `${manifest('debug', '            - {name: EXTRA, value: "1"}\n')}---\napiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {PASSWORD: one}\n`,
      'k8s/production.yaml': `${manifest('warn')}---\napiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {PASSWORD: two}\n`,
      'env/qa.tfvars': 'replicas = 3\ntags = { team = "pay" }\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    expect(refused({ key: 'Deployment/api.containers[name=app].env[name=EXTRA].value', env: 'production', action: 'backfill', value: '1' }, scan)).toBe(
      'production has no list item Deployment/api.containers[name=app].env[name=EXTRA]: undrift edits list items but does not add them; add it to k8s/production.yaml by hand',
    );
    // Refused up front with the step a person takes instead, and each environment's fingerprint.
    expect(refused({ key: 'Secret/db.data.PASSWORD', env: 'production', action: 'backfill', value: 'one' }, scan)).toMatch(
      new RegExp(
        "^Secret/db\\.data\\.PASSWORD holds a Secret value: undrift never writes secrets; by hand: rotate or sync production's Secret/db\\.data\\.PASSWORD " +
          String.raw`in its source \(your secret store, or the encrypted Secret the repo deploys\), then scan again ` +
          String.raw`\(staging: file secret:[0-9a-f]{12}; production: file secret:[0-9a-f]{12}\)$`,
      ),
    );
    // A declaration records that each environment holds its own secret with no value and no fingerprint in it.
    const declared = validateDecision({ key: 'Secret/db.data.PASSWORD', action: 'declare', reason: 'each environment has its own database' }, scan);
    expect(declared.ok && declared.step.contract[0]!.allowed).toEqual({
      staging: { text: 'any', type: 'string' },
      production: { text: 'any', type: 'string' },
    });
    expect(JSON.stringify(declared.ok && [declared.step.contract, declared.step.subject])).not.toMatch(/secret:[0-9a-f]|"one"|"two"/);
    expect(refused({ key: 'Secret/db.data.PASSWORD', env: 'production', action: 'revert' }, scan)).toMatch(/never writes secrets/);
    // A .tfvars value is edited where it is written, and a top-level variable added; an entry inside an object is not.
    expect(refused({ key: 'replicas', env: 'qa', action: 'backfill', value: '2' }, scan)).toBeUndefined();
    expect(refused({ key: 'max_pods', env: 'qa', action: 'backfill', value: '110' }, scan)).toBeUndefined();
    expect(refused({ key: 'tags.owner', env: 'qa', action: 'backfill', value: 'sre' }, scan)).toBe(
      'env/qa.tfvars does not set tags.owner: undrift adds only top-level variables to a .tfvars file; add it there by hand',
    );
    expect(
      refused({ key: 'Deployment/api.containers[name=app].env[name=LOG_LEVEL].value', env: 'production', action: 'revert', value: 'debug' }, scan),
    ).toBeUndefined();
  });
});

describe('a value that comes from a file other environments read too (a Helm base)', () => {
  it("is written into the environment's own file, so the others keep theirs; refused where it cannot be", async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  dev: [chart/values.yaml, chart/values-dev.yaml]\n  staging: [chart/values.yaml, chart/values-staging.yaml]\n' +
        '  production: [chart/values.yaml, chart/values-production.yaml]\n  qa: [chart/values.yaml]\n',
      'chart/values.yaml': 'TIMEOUT: 3000\nenv:\n  LOG: info\n',
      'chart/values-dev.yaml': 'env:\n  LOG: debug\n',
      'chart/values-staging.yaml': 'env:\n  LOG: debug\n',
      'chart/values-production.yaml': 'TIMEOUT: 5000\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    const writes = (decision: Decision) => {
      const check = validateDecision(decision, scan);
      return check.ok ? check.step.files.map((f) => [f.env, f.file, f.key, f.value?.text ?? null]) : check.refused;
    };
    // dev and qa read TIMEOUT from the base as staging does: staging's value goes into its own file.
    expect(writes({ key: 'TIMEOUT', env: 'staging', action: 'backfill', value: '5000' })).toEqual([
      ['staging', 'chart/values-staging.yaml', 'TIMEOUT', '5000'],
    ]);
    expect(writes({ key: 'env.LOG', env: 'production', action: 'backfill', value: 'debug' })).toEqual([
      ['production', 'chart/values-production.yaml', 'env.LOG', 'debug'],
    ]);
    // Where only the deciding environments take it from the base (dev and staging override it), the
    // base is the place for qa, which has no file of its own; production has one, and its value goes
    // there: the base is dev's and staging's default too (it was written into values.yaml).
    expect(writes({ key: 'env.LOG', env: 'qa', action: 'backfill', to: ['qa', 'production'], value: 'debug' })).toEqual([
      ['qa', 'chart/values.yaml', 'env.LOG', 'debug'],
      ['production', 'chart/values-production.yaml', 'env.LOG', 'debug'],
    ]);
    // qa has no file of its own; a removal cannot be made for one environment in a shared file.
    expect(writes({ key: 'TIMEOUT', env: 'qa', action: 'backfill', value: '5000' })).toBe(
      "TIMEOUT: qa's value comes from chart/values.yaml, which dev, staging read too: writing it there would change theirs as well, " +
        'and qa has no file of its own after it to write it in; decide for qa, dev, staging together, or edit it by hand',
    );
    // Helm takes a key its own values file sets to null out of what the chart sees: staging's
    // removal is that null in its own file; qa, with none, cannot have it.
    expect(writes({ key: 'TIMEOUT', env: 'staging', action: 'revert', value: null })).toEqual([['staging', 'chart/values-staging.yaml', 'TIMEOUT', 'null']]);
    expect(writes({ key: 'TIMEOUT', env: 'qa', action: 'revert', value: null })).toMatch(
      /^TIMEOUT: qa's value comes from chart\/values\.yaml, which dev, staging read too: removing it there would remove theirs as well;/,
    );
    // A scan of some environments (`-e`, in apply or the view) writes where a scan of all does: the
    // ones left out still read the base (staging's TIMEOUT went into values.yaml, changing dev and qa).
    const part = await scanRepository({ repo, history: false, live: false, envs: ['staging', 'production'] });
    const partWrites = (decision: Decision, on: Scan) => {
      const check = validateDecision(decision, on);
      return check.ok ? check.step.files.map((f) => [f.env, f.file, f.key, f.value?.text ?? null]) : check.refused;
    };
    expect(partWrites({ key: 'TIMEOUT', env: 'staging', action: 'backfill', value: '5000' }, part)).toEqual([
      ['staging', 'chart/values-staging.yaml', 'TIMEOUT', '5000'],
    ]);
    // dev and staging override env.LOG in their own files (read from the left-out environments' values): only qa is named.
    const alone = await scanRepository({ repo, history: false, live: false, envs: ['production'] });
    expect(partWrites({ key: 'env.LOG', env: 'production', action: 'backfill', value: 'debug' }, alone)).toEqual([
      ['production', 'chart/values-production.yaml', 'env.LOG', 'debug'],
    ]);
    // Removed from production's own Helm values file, TIMEOUT would come from the base (3000): its
    // null there is what takes it out, as Helm merges values.
    expect(writes({ key: 'TIMEOUT', env: 'production', action: 'revert', value: null })).toEqual([
      ['production', 'chart/values-production.yaml', 'TIMEOUT', 'null'],
    ]);
    const qa = await scanRepository({ repo, history: false, live: false, envs: ['qa'] });
    expect(partWrites({ key: 'TIMEOUT', env: 'qa', action: 'backfill', value: '5000' }, qa)).toMatch(
      /^TIMEOUT: qa's value comes from chart\/values\.yaml, which dev, staging read too:/,
    );
  });
});

describe('a removal from a later file of a plain YAML stack', () => {
  it('is refused where an earlier file sets the key beneath (a null there would be a value, not a removal)', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: [config/base.yaml, config/staging.yaml]\n  production: [config/base.yaml, config/production.yaml]\n',
      'config/base.yaml': 'TIMEOUT: 3000\n',
      'config/staging.yaml': 'LOG: debug\n',
      'config/production.yaml': 'TIMEOUT: 5000\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    // Removed from production's own file, TIMEOUT would come from the base (3000), not go: refused
    // when the decision is made (the view shows it then), with the words apply uses on the
    // committed files (it wrote the removal and production took the base's value).
    const words =
      'removing TIMEOUT from config/production.yaml would not remove it from production: config/base.yaml sets it beneath, ' +
      'and production would take that value instead; set the value, or change config/base.yaml by hand';
    const check = validateDecision({ key: 'TIMEOUT', env: 'production', action: 'revert', value: null }, scan);
    expect(check.ok ? check.step.files : check.refused).toBe(words);
    expect(() => planDecisions(scan, [{ key: 'TIMEOUT', env: 'production', action: 'revert', value: null }])).toThrow(words);
    const step = planDecisions(scan, [{ key: 'TIMEOUT', env: 'production', action: 'revert', value: '3000' }])[0]!;
    const removal = { ...step, files: [{ ...step.files[0]!, value: null, beneath: [{ file: 'config/base.yaml', format: 'yaml' as const }] }] };
    await expect(prepareEdits(repo, [removal], ['staging', 'production'], 'decision', DEFAULT_READ_LIMITS)).rejects.toThrow(words);
  });
});

describe('planDecisions (the whole plan, before anything is written)', () => {
  it('merges decisions asking for the same change, and names both of two that conflict', () => {
    const steps = planDecisions(demo, [
      { key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'backfill', value: '10000', divergence: idOf('PAYMENT_GATEWAY_TIMEOUT_MS', 'cross-env') },
      {
        key: 'PAYMENT_GATEWAY_TIMEOUT_MS',
        env: 'production',
        action: 'backfill',
        value: '10000',
        divergence: idOf('PAYMENT_GATEWAY_TIMEOUT_MS', 'live-drift'),
      },
      { key: 'NEW_AUTH_FLOW', action: 'skip' },
    ]);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.decisions).toHaveLength(2);
    expect(() =>
      planDecisions(demo, [
        { key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'backfill', value: '10000' },
        { key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'revert', value: '3000' },
      ]),
    ).toThrow(
      'conflicting decisions: "backfill PAYMENT_GATEWAY_TIMEOUT_MS in production = "10000"" and "revert PAYMENT_GATEWAY_TIMEOUT_MS ' +
        'in production = "3000"" both change config/production.yaml PAYMENT_GATEWAY_TIMEOUT_MS; keep one of them',
    );
  });

  it('lists every refused decision at once', () => {
    expect(() =>
      planDecisions(demo, [
        { key: 'NEW_AUTH_FLOW', action: 'declare' },
        { key: 'replicas', env: 'production', action: 'backfill', value: '2' },
      ]),
    ).toThrow(
      /^2 decisions cannot be applied: decision 1 \(declare NEW_AUTH_FLOW\): a declaration needs a reason.*; decision 2 \(backfill replicas in production\): the contract/,
    );
  });
});

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(calendarDateProblem('2028-02-29')).toBeUndefined();
    expect(calendarDateProblem('2027-02-29')).toBe('"2027-02-29" is not a day of that month (2027-02 has 28 days)');
    expect(calendarDateProblem('2027-04-31')).toBe('"2027-04-31" is not a day of that month (2027-04 has 30 days)');
    expect(calendarDateProblem('2027-00-10')).toBe('"2027-00-10" has no month 00 (01-12)');
    expect(calendarDateProblem('27-1-1')).toBe('"27-1-1" is not a date written YYYY-MM-DD');
  });
});

describe('mergeSteps', () => {
  it('keeps two steps already in place on different keys apart (they write nothing, but are not the same change)', () => {
    const inPlace = (key: string): PlannedDecision => {
      const decision: Decision = { key, env: 'production', action: 'revert', target: 'live' };
      return { decision, decisions: [decision], divergence: undefined, files: [], contract: [], live: [], subject: `revert live ${key}`, inPlace: 'live' };
    };
    expect(mergeSteps([inPlace('TIMEOUT_MS'), inPlace('LOG_LEVEL'), inPlace('TIMEOUT_MS')]).map((s) => [s.subject, s.decisions.length])).toEqual([
      ['revert live TIMEOUT_MS', 2],
      ['revert live LOG_LEVEL', 1],
    ]);
  });
});
