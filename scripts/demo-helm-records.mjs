// The Helm release records in the demo's snapshots (fixtures/scenarios/payment-service.yaml,
// live/staging.yaml and live/production.yaml), as `kubectl get secrets -l owner=helm -o yaml` shows
// them: each revision's values are the environment's file (config/<env>.yaml) as the demo
// repository held it when that revision was deployed. The payload is encoded as Helm 3 encodes it (release JSON, gzip, base64) and base64
// once more as Secret data. The records are trimmed to what undrift reads (no chart templates, no
// rendered manifest). Prints the List items to paste into the environment's snapshot;
// test/cli/at.test.ts checks that the fixture's records still hold the file of their time.
//
//   npm run -s build && node scripts/demo-helm-records.mjs staging|production
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse, stringify } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RELEASE = 'payment-service';
const FIRST_DEPLOYED = '2026-02-04T09:30:10Z';
/** Each environment's upgrades, as the snapshot's ReplicaSets and managedFields show them; Helm kept
 * the last four (`--history-max 4`). Production's restart by hand (revision 26 of its Deployment)
 * is no Helm upgrade. Staging's upgrades of 07-14 and 08-12 changed only its ConfigMap (the
 * misfiled INC-2041 fix, the end of the PAY-311 load test): no new ReplicaSet. Helm 3 upgrades with
 * a three-way merge that resets every field the chart renders, so production's hotfix survives
 * them only because it lives in payment-overrides, which no release renders. */
const ENVIRONMENTS = {
  staging: {
    namespace: 'payments-staging',
    revisions: [
      { version: 20, deployed: '2026-06-30T09:16:45Z', chart: '1.8.1' },
      { version: 21, deployed: '2026-07-14T08:10:04Z', chart: '1.8.1' },
      { version: 22, deployed: '2026-08-12T12:05:31Z', chart: '1.8.1' },
      { version: 23, deployed: '2026-11-03T10:02:10Z', chart: '1.8.2' },
    ],
  },
  production: {
    namespace: 'payments',
    revisions: [
      { version: 11, deployed: '2026-05-20T09:02:36Z', chart: '1.7.4' },
      { version: 12, deployed: '2026-06-15T12:05:07Z', chart: '1.8.0' },
      { version: 13, deployed: '2026-07-02T13:40:19Z', chart: '1.8.1' },
      { version: 14, deployed: '2026-11-03T14:20:36Z', chart: '1.8.2' },
    ],
  },
};

const git = (repo, ...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

/** An environment's records, built from a demo repository's history. */
export function helmRecords(repo, env) {
  const { namespace, revisions } = ENVIRONMENTS[env];
  return revisions.map(({ version, deployed, chart }, i) => {
    const commit = git(repo, 'rev-list', '-1', `--before=${deployed}`, 'HEAD');
    const values = parse(git(repo, 'show', `${commit}:config/${env}.yaml`));
    const status = i === revisions.length - 1 ? 'deployed' : 'superseded';
    const release = {
      name: RELEASE,
      info: { first_deployed: FIRST_DEPLOYED, last_deployed: deployed, deleted: '', description: 'Upgrade complete', status },
      chart: { metadata: { name: RELEASE, version: chart, appVersion: chart, apiVersion: 'v2', type: 'application' } },
      config: values,
      version,
      namespace,
    };
    const helm = gzipSync(Buffer.from(JSON.stringify(release)), { level: 9 }).toString('base64');
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        creationTimestamp: deployed,
        labels: { modifiedAt: String(Date.parse(deployed) / 1000), name: RELEASE, owner: 'helm', status, version: String(version) },
        name: `sh.helm.release.v1.${RELEASE}.v${version}`,
        namespace,
      },
      type: 'helm.sh/release.v1',
      data: { release: Buffer.from(helm).toString('base64') },
    };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = process.argv[2];
  if (!(env in ENVIRONMENTS)) {
    process.stderr.write(`usage: node scripts/demo-helm-records.mjs ${Object.keys(ENVIRONMENTS).join('|')}\n`);
    process.exit(2);
  }
  const made = mkdtempSync(path.join(tmpdir(), 'undrift-helm-records-'));
  try {
    const repo = path.join(made, 'demo');
    execFileSync(process.execPath, [path.join(root, 'bin/undrift.js'), 'demo', '--dir', repo], { stdio: 'ignore' });
    const text = stringify(helmRecords(repo, env), { lineWidth: 0 });
    process.stdout.write(text.replace(/^/gm, '          '));
  } finally {
    rmSync(made, { recursive: true, force: true });
  }
}
