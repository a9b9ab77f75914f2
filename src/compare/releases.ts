import { liveWasRead, type EnvName, type LiveArtifact, type LiveState, type Snapshot, type WorkloadRevision } from '../model/types.js';

// The release view: per environment and workload, the tag and digest that run; whether the build
// an environment runs ever ran in the environment before it in the promotion order (a build that
// skipped staging), and tags rebuilt on promotion (one tag, different digests). Pure: live states
// in, rows out. "Ever ran" reads the workload's kept revisions (ReplicaSets, ControllerRevisions);
// they record the image as written in the pod template, so a digest is known for the past only
// when the template pins one (`image@sha256:…`), and for the present from the pods' imageID.

/** What one environment runs of one workload container. */
export interface ReleaseRun {
  image: string;
  /** The tag (`1.8.2`), or `latest` when the image names none. */
  tag: string;
  /** Running digests (`sha256:…`): from the pods' imageID, or the image's own pin. */
  digests: string[];
  /** Where it was read: `snapshot live/production.yaml Deployment/payment-service`. */
  source: string;
  /** The workload's name in this cluster, when the repo names it otherwise (a built overlay's `Deployment/prod-api`). */
  liveWorkload?: string;
}

/** How an environment's build relates to the environment before it in the promotion order. */
export type UpstreamStatus =
  /** The environment before it runs the same build now (same digest, or the same image when no digests are known). */
  | 'runs-now'
  /** One of its kept revisions ran this build (a pinned digest, or this image with no digest known here). */
  | 'ran-before'
  /** It ran this tag (now or in a kept revision) but as another build, or its digest then is not recorded. */
  | 'tag-only'
  /** Neither now nor in any kept revision: the build skipped it. */
  | 'never'
  /** It does not run the workload, now or in a kept revision (an object of one environment only). */
  | 'absent'
  /** Its live state or its revisions were not read: cannot tell. */
  | 'unknown';

export interface UpstreamCheck {
  env: EnvName;
  upstream: EnvName;
  status: UpstreamStatus;
  /** The revision that ran it, where one did. */
  revision?: { number: number; time: string; object: string };
  text: string;
}

export interface ReleaseRow {
  /** `Deployment/payment-service`. */
  workload: string;
  container: string;
  /** The artifact key (`Deployment/payment-service.containers[name=app].image`). */
  key: string;
  runs: Record<EnvName, ReleaseRun | null>;
  /** Each environment against the one before it that runs this workload. */
  upstream: UpstreamCheck[];
  /** Tags that run as different digests in two environments: rebuilt on promotion. */
  rebuilt: Array<{ tag: string; digests: Record<EnvName, string[]>; text: string }>;
}

export interface ReleaseView {
  promotion: EnvName[];
  /** Environments whose live state was read (the others are not in the rows). */
  read: EnvName[];
  rows: ReleaseRow[];
}

const PINNED = /@(sha256:[0-9a-f]{64})$/;

export function tagOf(image: string): string {
  const name = image.split('@')[0]!;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : 'latest';
}

/** The image without tag or digest: `registry.example/payment-service`. */
export function repositoryOf(image: string): string {
  const name = image.split('@')[0]!;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}

const short = (digest: string) => digest.slice(0, 19);
const shortList = (digests: string[]) => digests.map(short).join(', ');

function runOf(artifact: LiveArtifact): ReleaseRun {
  const pinned = PINNED.exec(artifact.image)?.[1];
  const digests = [...new Set([...artifact.digests, ...(pinned ? [pinned] : [])])].sort();
  return {
    image: artifact.image,
    tag: tagOf(artifact.image),
    digests,
    source: `${artifact.location.source} ${artifact.location.kind}/${artifact.location.name}`,
    ...(artifact.liveKey ? { liveWorkload: partsOf(artifact.liveKey).workload } : {}),
  };
}

/** `Deployment/payment-service.containers[name=app].image` → workload and container. */
function partsOf(key: string): { workload: string; container: string } {
  const m = /^(.*?)\.containers\[name=(.*)\]\.image$/.exec(key);
  return m ? { workload: m[1]!, container: m[2]! } : { workload: key, container: '' };
}

/** The kept revisions of a workload's container image, newest first. */
function pastImages(state: LiveState, workload: string, container: string): Array<{ image: string; revision: WorkloadRevision }> {
  return (state.history?.revisions ?? [])
    .filter((r) => r.workload === workload)
    .sort((a, b) => b.revision - a.revision)
    .flatMap((revision) => {
      const image = revision.containers.find((c) => c.name === container)?.image;
      return image ? [{ image, revision }] : [];
    });
}

const sameBuild = (a: ReleaseRun, b: ReleaseRun) =>
  a.digests.length > 0 && b.digests.length > 0 ? a.digests.some((d) => b.digests.includes(d)) : a.image === b.image;

function checkUpstream(
  env: EnvName,
  upstream: EnvName,
  run: ReleaseRun,
  upRun: ReleaseRun | null,
  upState: LiveState,
  row: { workload: string; container: string },
): UpstreamCheck {
  const what = `${env}'s ${run.tag}${run.digests.length ? ` (${shortList(run.digests)})` : ''}`;
  const base = { env, upstream };
  if (upRun && sameBuild(run, upRun)) return { ...base, status: 'runs-now', text: `${upstream} runs the same build now` };
  const repository = repositoryOf(run.image);
  // Pinned digests in the kept templates are builds; tags are names of builds. The upstream's
  // revisions are kept under its own name of the workload (a built overlay's prefix).
  const past = pastImages(upState, upRun?.liveWorkload ?? row.workload, row.container);
  if (!upRun && past.length === 0)
    return {
      ...base,
      status: 'absent',
      text: `${upstream} does not run ${row.workload}${row.container ? ` (${row.container})` : ''}: nothing to compare with`,
    };
  for (const { image, revision } of past) {
    if (repositoryOf(image) !== repository) continue;
    // What runs now was checked above by its pods' digests: its revision says no more.
    if (revision.current && upRun && upRun.digests.length > 0) continue;
    const pinned = PINNED.exec(image)?.[1];
    const where = { number: revision.revision, time: revision.time, object: revision.object };
    if (pinned && run.digests.includes(pinned))
      return {
        ...base,
        status: 'ran-before',
        revision: where,
        text: `${upstream} ran this build in revision ${revision.revision} (${revision.time}, ${revision.object})`,
      };
    if (!pinned && tagOf(image) === run.tag) {
      if (run.digests.length === 0)
        return {
          ...base,
          status: 'ran-before',
          revision: where,
          text: `${upstream} ran ${image} in revision ${revision.revision} (${revision.time}, ${revision.object})`,
        };
      return {
        ...base,
        status: 'tag-only',
        revision: where,
        text: `${upstream} ran the tag ${run.tag} in revision ${revision.revision} (${revision.time}, ${revision.object}), but its digest then is not recorded: whether it was ${what} cannot be told`,
      };
    }
  }
  if (upRun && upRun.tag === run.tag)
    return {
      ...base,
      status: 'tag-only',
      text: `${upstream} runs the tag ${run.tag} as another build (${shortList(upRun.digests)}); ${what} never ran in ${upstream} as far as its pods and kept revisions tell`,
    };
  const revisions = upState.history?.revisions.filter((r) => r.workload === (upRun?.liveWorkload ?? row.workload)) ?? [];
  if (revisions.length === 0)
    return {
      ...base,
      status: 'unknown',
      text:
        `${upstream} runs ${upRun ? upRun.tag : 'nothing of it'} now, and its earlier revisions of ${row.workload} were ` +
        `not read (capture ReplicaSets/ControllerRevisions): whether ${what} ran there cannot be told`,
    };
  const span = `${Math.min(...revisions.map((r) => r.revision))}–${Math.max(...revisions.map((r) => r.revision))}`;
  return {
    ...base,
    status: 'never',
    text: `${what} never ran in ${upstream}: not now (${upRun ? upRun.tag : 'nothing of it'}), nor in its kept revisions ${span} of ${row.workload} — the build skipped ${upstream}`,
  };
}

/** The release view of a snapshot's live states, environments in promotion order. */
export function releaseView(snapshot: Pick<Snapshot, 'environments' | 'promotion' | 'live'>): ReleaseView {
  const order = [...snapshot.environments].sort((a, b) => rank(snapshot, a) - rank(snapshot, b));
  const read = order.filter((env) => liveWasRead(snapshot.live?.get(env)));
  const byKey = new Map<string, Map<EnvName, LiveArtifact>>();
  for (const env of read) {
    for (const artifact of snapshot.live!.get(env)!.artifacts) {
      const envs = byKey.get(artifact.key) ?? new Map<EnvName, LiveArtifact>();
      envs.set(env, artifact);
      byKey.set(artifact.key, envs);
    }
  }
  const rows: ReleaseRow[] = [];
  for (const [key, perEnv] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const parts = partsOf(key);
    const runs: Record<EnvName, ReleaseRun | null> = Object.fromEntries(read.map((env) => [env, perEnv.has(env) ? runOf(perEnv.get(env)!) : null]));
    const upstream: UpstreamCheck[] = [];
    // Each environment that runs the workload, against the nearest one before it that has a live state.
    const running = read.filter((env) => runs[env]);
    for (const env of running) {
      const i = order.indexOf(env);
      const before = order
        .slice(0, i)
        .reverse()
        .find((e) => snapshot.live?.has(e));
      if (!before) continue;
      const upState = snapshot.live!.get(before)!;
      if (upState.status === 'unavailable') {
        upstream.push({ env, upstream: before, status: 'unknown', text: `${before}'s live state was not read (${upState.reason ?? 'unavailable'})` });
        continue;
      }
      upstream.push(checkUpstream(env, before, runs[env]!, runs[before] ?? null, upState, parts));
    }
    const rebuilt: ReleaseRow['rebuilt'] = [];
    for (const tag of new Set(running.map((env) => runs[env]!.tag))) {
      const withDigests = running.filter((env) => runs[env]!.tag === tag && runs[env]!.digests.length > 0);
      if (new Set(withDigests.map((env) => runs[env]!.digests.join(','))).size < 2) continue;
      rebuilt.push({
        tag,
        digests: Object.fromEntries(withDigests.map((env) => [env, runs[env]!.digests])),
        text: `the tag ${tag} runs as different builds: ${withDigests.map((env) => `${env} ${shortList(runs[env]!.digests)}`).join('; ')} — rebuilt (pushed again) between environments`,
      });
    }
    rows.push({ ...parts, key, runs, upstream, rebuilt });
  }
  return { promotion: order, read, rows };
}

function rank(snapshot: Pick<Snapshot, 'promotion'>, env: EnvName): number {
  const i = snapshot.promotion.indexOf(env);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** A row that needs a look: a build that skipped an environment, or a rebuilt tag. */
export const needsLook = (row: ReleaseRow) => row.rebuilt.length > 0 || row.upstream.some((u) => u.status === 'never' || u.status === 'tag-only');
