import { gunzipSync } from 'node:zlib';
import type { HelmRelease, KeyPath } from '../../model/types.js';
import { flattenTexts } from '../../parse/flatten.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from '../../parse/fingerprint.js';
import { isMap } from '../../model/is-map.js';

// Helm 3 keeps every revision of a release as a record in the release's namespace: a Secret of
// type `helm.sh/release.v1` (the default driver) or a ConfigMap labelled `owner=helm`, named
// `sh.helm.release.v1.<release>.v<revision>`. Its `data.release` is the release JSON, gzipped and
// base64-encoded by Helm (pkg/storage/driver/util.go, encodeRelease); a Secret's data is base64
// once more by the API. The JSON holds the revision (`version`), `info` (status, last_deployed,
// description), `chart.metadata` and `config`: the values the user supplied for that revision.

export const HELM_RELEASE_TYPE = 'helm.sh/release.v1';
export const HELM_OWNER_SELECTOR = 'owner=helm';

type Obj = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const GZIP = [0x1f, 0x8b, 0x08];
const isGzip = (b: Buffer) => GZIP.every((byte, i) => b[i] === byte);

// A release record is a few hundred KB at most (etcd keeps objects under 1.5 MB); a payload that
// inflates past this is not one, and is not inflated further.
const MAX_RELEASE_BYTES = 16 * 1024 * 1024;

/** The release JSON of a record's `data.release`; base64 layers are peeled until gzip shows. */
export function decodeRelease(payload: string): unknown {
  let bytes = Buffer.from(payload, 'base64');
  // Secret data is base64 of Helm's own base64: one more layer when the gzip magic is absent.
  if (!isGzip(bytes) && /^[A-Za-z0-9+/=\s]+$/.test(bytes.toString('latin1'))) bytes = Buffer.from(bytes.toString('latin1'), 'base64');
  const json = isGzip(bytes) ? gunzipSync(bytes, { maxOutputLength: MAX_RELEASE_BYTES }) : bytes; // records from before compression are plain JSON
  return JSON.parse(json.toString('utf8')) as unknown;
}

/** Whether an object is a Helm release record (of either driver). */
export function isReleaseRecord(obj: unknown): boolean {
  if (!isMap(obj) || !isMap(obj.metadata)) return false;
  const labels = isMap(obj.metadata.labels) ? obj.metadata.labels : {};
  if (obj.kind === 'Secret') return obj.type === HELM_RELEASE_TYPE;
  return obj.kind === 'ConfigMap' && labels.owner === 'helm' && isMap(obj.data) && typeof obj.data.release === 'string';
}

const utcOf = (value: unknown): string | undefined => {
  const raw = text(value);
  const ms = raw ? Date.parse(raw) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/**
 * The releases among the objects, oldest revision first, with the problems of records that could
 * not be read. A value whose key `known` does not hold (the repository's files do not set it) is
 * kept only as its fingerprint, as Secret data is: a release's values can hold passwords.
 */
export function releasesOf(
  objects: readonly unknown[],
  known: (key: KeyPath) => boolean,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
): { releases: HelmRelease[]; problems: string[] } {
  const releases: HelmRelease[] = [];
  const problems: string[] = [];
  for (const obj of objects) {
    if (!isReleaseRecord(obj)) continue;
    const o = obj as Obj & { metadata: Obj };
    const where = `${String(o.kind)}/${String(o.metadata.name)}`;
    const payload = isMap(o.data) ? text(o.data.release) : undefined;
    if (!payload) {
      problems.push(`${where}: a Helm release record without data.release`);
      continue;
    }
    let release: unknown;
    try {
      release = decodeRelease(payload);
    } catch (e) {
      problems.push(`${where}: not a readable Helm release record (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    if (!isMap(release)) {
      problems.push(`${where}: not a readable Helm release record (not a JSON object)`);
      continue;
    }
    const info = isMap(release.info) ? release.info : {};
    const chart = isMap(release.chart) && isMap(release.chart.metadata) ? release.chart.metadata : {};
    const revision = Number(release.version);
    const time = utcOf(info.last_deployed) ?? utcOf(info.first_deployed);
    if (!Number.isInteger(revision) || !time) {
      problems.push(`${where}: a Helm release record without a revision or a deploy time`);
      continue;
    }
    const values: Record<KeyPath, string | null> = {};
    for (const [key, value] of flattenTexts(isMap(release.config) ? release.config : {})) {
      values[key] = known(key) || value === null ? value : fingerprint.of(Buffer.from(value));
    }
    releases.push({
      name: text(release.name) ?? text((o.metadata.labels as Obj | undefined)?.name) ?? '?',
      revision,
      status: text(info.status) ?? 'unknown',
      time,
      chart: text(chart.name) ?? '?',
      ...(text(chart.version) ? { chartVersion: String(chart.version) } : {}),
      ...(text(chart.appVersion) ? { appVersion: String(chart.appVersion) } : {}),
      ...(text(info.description) ? { description: String(info.description) } : {}),
      values,
      object: where,
    });
  }
  releases.sort((a, b) => a.name.localeCompare(b.name) || a.revision - b.revision);
  return { releases, problems };
}
