// The plain data that flows through the engine: load → Snapshot → compare → Divergence[].
// Nothing here does I/O; every stage is a function over these shapes.

export type EnvName = string;

/** A path into an environment's config: `LOG_LEVEL`, `payment.gateway.timeoutMs`,
 * `apps[name=checkout].env[name=LOG_LEVEL].value`, `ConfigMap/payment-config.data.LOG_LEVEL`. */
export type KeyPath = string;

export interface RepoLocation {
  file: string; // repo-relative, forward slashes
  line: number; // 1-based
  column: number; // 1-based
}

/** A place known only by its file: the manifest defining an object, or (`built`) the Kustomize
 * overlay directory whose build makes it. */
export interface FileLocation {
  file: string;
  built?: true;
}

export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'list' | 'map' | 'secret';

export interface Value {
  /** The value as compared across environments: scalars as text (`10000` and `"10000"` meet),
   * lists and maps as canonical JSON, secrets as a fingerprint. */
  text: string | null;
  type: ValueType;
  /** Source text where it differs from `text` (e.g. `0755`, `on`), for display. */
  raw?: string;
  location: RepoLocation;
  /** A Kustomize-generated object's value: the generator's name (what the key names) and the
   * name the build gave the object (`app-config-m289mc546f`), which live objects carry. */
  generated?: { generator: string; name: string };
  /** Written by a JSON 6902 operation of a Kustomize overlay (`- op: replace … value: 4`): its
   * location is the operation's value, which names no key path apply could edit by. */
  jsonPatch?: true;
  /** The comment written beside it in its file (the comment lines right above, and one after
   * the value): people write a setting's why there. Never kept for a secret. */
  note?: string;
  /** An earlier file of the environment's stack that sets this key too (the nearest one): removing
   * the key from `location.file` would not remove it from the environment, which would take that
   * file's value. */
  beneath?: string;
  /** A Spring file's value written in a profile document that activates for the environment: the
   * document's profile expression (`prod`), where apply edits it. */
  profile?: string;
}

export interface EnvSnapshot {
  env: EnvName;
  files: string[];
  values: Map<KeyPath, Value>;
  /** Non-fatal findings while reading, e.g. duplicate dotenv keys. */
  warnings: string[];
  /** Files that are Kustomize overlays read as built (their history is read as built too). */
  built?: string[];
  /** Files read for their values alone (ScanOptions.valuesOnly): their values are located at the
   * file's line 0, without comments beside them; a full read follows. */
  unlocated?: string[];
  /** The objects the built overlays make, named by identity (each with the name it gets live),
   * and the renaming their kustomizations apply (namePrefix/nameSuffix), so that live objects of
   * the environment are named the same way. */
  objects?: InventoryObject[];
  renaming?: { prefixes: string[]; suffixes: string[] };
  /** Per Spring file of the stack, the profile documents that activate for the environment (their
   * expressions, in the file's order): where a value of its own can be written. */
  profiles?: Record<string, string[]>;
}

/** Where a live value was read: which object, and which field of it. */
export interface LiveLocation {
  /** `kubernetes prod/payments`, `snapshot live/production.yaml`, `exec vault-export`. */
  source: string;
  context?: string;
  namespace?: string;
  kind: string;
  name: string;
  /** `.data.PAYMENT_GATEWAY_TIMEOUT_MS`, `.spec.template.spec.containers[name=app].env[name=X].value`. */
  fieldPath: string;
}

/** An object read live whose fields meet a repo manifest's keys (`Deployment/api.pod.…`,
 * `HorizontalPodAutoscaler/api.spec.…`): which of its fields the reader compares follows from its
 * shape, as sources/live/objects.ts reads them. */
export interface ComparedObject {
  /** `Deployment/api`: the prefix of its repo manifest's keys. */
  prefix: KeyPath;
  /** A workload (read by container), another kind read by its `spec`, one whose settings sit beside
   * its metadata (`fields`: a StorageClass, a KongPlugin), or a ConfigMap or Secret (their
   * annotations; their data is paired by key). */
  shape: 'workload' | 'spec' | 'fields' | 'data';
  /** A workload's containers read (a `container:` selection reads one). */
  containers?: string[];
  /** The object, where it was read (`fieldPath` empty). */
  location: LiveLocation;
}

export type ManagerKind = 'human' | 'pipeline' | 'controller' | 'unknown';

/** Who last wrote a live field, from `managedFields`. */
export interface Provenance {
  manager: string;
  operation: string;
  /** RFC 3339, second precision; null when the entry has none. */
  time: string | null;
  /** The manager's entry holds this one field only, so `time` is when it changed; otherwise the
   * field changed at or before `time`. */
  exact: boolean;
  human: boolean;
  kind: ManagerKind;
  subresource?: string;
  /** Owned through an atomic ancestor (e.g. the whole `envFrom` list). */
  viaAncestor?: boolean;
}

export interface LiveValue {
  text: string | null;
  type: ValueType;
  location: LiveLocation;
  provenance?: Provenance;
  /** The object carries a last-applied configuration and this field is not in it: `kubectl apply`
   * will never prune it. */
  notInLastApplied?: boolean;
  /** The annotations of the object holding it (a reason, a ticket, an owner, an end), without
   * kubectl's last-applied configuration, bounded: they may say why a value was set by hand. */
  annotations?: Record<string, string>;
  /** The same field named as a repo manifest names it (`Secret/db.data.PASSWORD`), for repos that
   * keep Kubernetes manifests rather than flat values. */
  manifestKey?: KeyPath;
  /** Kept under its own object's key because its short name (`LOG_LEVEL`) has several live
   * definitions that disagree: the short name, to meet a flat repo key. */
  shortKey?: KeyPath;
  /** Compared only where a repo manifest declares the field (a container's `args`): a repo of
   * values files never names it, so live alone it is no `live-only` row. */
  manifestOnly?: boolean;
}

/** An image a workload container runs. */
export interface LiveArtifact {
  /** The key it is compared under: `Deployment/payment-service.containers[name=app].image`; for a
   * built overlay, under the workload's name in the repo (`Deployment/api…`, not `prod-api`). */
  key: KeyPath;
  /** The key under the cluster's name, when the repo names the workload otherwise (`Deployment/prod-api…`). */
  liveKey?: KeyPath;
  image: string;
  /** Running image digests from the pods' `containerStatuses[].imageID` (`sha256:…`). */
  digests: string[];
  location: LiveLocation;
  provenance?: Provenance;
  /** The workload's annotations (tools' own left out): a change-cause may say why the image was set by hand. */
  annotations?: Record<string, string>;
}

/** A live role or binding that grants what a permission divergence is about. */
export interface GrantOrigin {
  /** `RoleBinding/contractor`, `ClusterRole/node-admin`. */
  object: string;
  /** Bindings: the role bound (`Role/api`). */
  role?: string;
  /** Bindings: to whom (`Group/ext-vendor-engineers`): the name people write about the grant by
   * ("remove the vendor group's access"), where the binding's own name is the tool's. */
  subjects?: string[];
  createdBy?: Provenance;
  /** `metadata.creationTimestamp`. */
  createdAt?: string;
  /** Who last wrote what it grants (a role's rules, a binding's subjects and roleRef). */
  grantWrittenBy?: Provenance;
  annotations?: Record<string, string>;
}

/** A whole object, for the inventory: what exists in an environment (repo or live), and for
 * RBAC what it grants. */
/** How one environment's rules differ from another's (or from its repo definition): see
 * Divergence.rules. */
export interface RuleChange {
  env: EnvName;
  /** Another environment, or `repo`: the role's own repo definition. */
  than: EnvName;
  added: string[];
  removed: string[];
}

export interface InventoryObject {
  kind: string;
  /** The name it is compared by across environments and with the repo: a Kustomize build's
   * object without namePrefix/nameSuffix and generator hash (`app-config`). */
  name: string;
  /** The name it has (or gets) in the cluster, where it differs from `name`:
   * `prod-app-config-7h2f9k5m4t`. */
  liveName?: string;
  namespace?: string;
  /** Where it was read: `kubernetes prod/payments`, `k8s/production/rbac.yaml`. */
  source: string;
  /** A repo object's definition: its manifest, or the overlay directory built into it. */
  definedAt?: FileLocation;
  /** Who created it and when (the oldest `managedFields` entry), live only. */
  createdBy?: Provenance;
  /** `metadata.creationTimestamp`, live only. */
  createdAt?: string;
  /** RBAC objects, live only: who last wrote what it grants (a role's `rules`, a binding's
   * `subjects` and `roleRef`), from managedFields. */
  grantWrittenBy?: Provenance;
  /** RBAC objects: their annotations (a reason, a ticket, an owner), without kubectl's
   * last-applied configuration, each cut to 200 characters. */
  annotations?: Record<string, string>;
  /** Roles and ClusterRoles: what they allow, each as `apiGroup|resource|resourceName|verb`
   * (`*` where the rule says so; an empty resourceName is every object). */
  grants?: string[];
  /** Bindings: the role bound (`ClusterRole/cluster-admin`) and to whom (`ServiceAccount/api`). */
  roleRef?: string;
  subjects?: string[];
  /** A ServiceAccount token Secret someone made (`type: kubernetes.io/service-account-token`):
   * the ServiceAccount whose credential it holds (`ServiceAccount/ci`; empty where not read, as a
   * live Secret's annotations are not). A grant like a binding. */
  tokenFor?: string;
  /** Secrets: key names only, never values. */
  keys?: string[];
  /** Live Services and Ingresses: what it opens to the outside in front of a database or an
   * internal port ("a LoadBalancer Service on port 5432 (PostgreSQL), open to any address"). */
  exposes?: string;
}

/** One revision of a workload's pod template as the cluster keeps it: a Deployment's ReplicaSets,
 * a StatefulSet's or DaemonSet's ControllerRevisions. What each container ran from then on. */
export interface WorkloadRevision {
  /** `Deployment/payment-service`. */
  workload: string;
  revision: number;
  /** UTC: when this template first rolled out (the object's creation). */
  time: string;
  /** False when the template was rolled out again by a rollback: it then became current at some
   * moment after the previous revision, not at `time`. */
  exact: boolean;
  /** The object that keeps it: `ReplicaSet/payment-service-5f8b7c9d6e`. */
  object: string;
  /** The revision that runs now. */
  current: boolean;
  /** Earlier revision numbers of the same template (a rollback reused it). */
  reused?: number[];
  /** Set when `kubectl rollout restart` made this revision (the template's restartedAt). */
  restartedAt?: string;
  containers: Array<{
    name: string;
    image?: string;
    /** Env vars written in the template: the value, or what `valueFrom` refers to. */
    env: Record<string, string>;
    /** `ConfigMap/payment-config`, `Secret/db`: read whole when a pod starts. */
    envFrom: string[];
  }>;
}

/** One Helm 3 release record (`sh.helm.release.v1.<name>.v<revision>`): what was deployed when. */
export interface HelmRelease {
  name: string;
  revision: number;
  /** `deployed`, `superseded`, `failed`, `pending-upgrade`, ... */
  status: string;
  /** UTC: `info.last_deployed`. */
  time: string;
  chart: string;
  chartVersion?: string;
  appVersion?: string;
  description?: string;
  /** The user-supplied values of that revision (`config`), flattened; every value whose key the
   * repository's files do not hold is a fingerprint (a release record can hold secrets). */
  values: Record<KeyPath, string | null>;
  /** Where it was read: `Secret/sh.helm.release.v1.payment-service.v14`. */
  object: string;
}

/** A Kubernetes Event about a workload, while the cluster still keeps it (about an hour). */
export interface LiveEvent {
  /** UTC: the last time it was seen. */
  time: string;
  /** `Deployment/payment-service`, `Pod/payment-service-5f8b7c9d6e-x2k9p`. */
  regarding: string;
  /** The read workload it concerns (its own, its ReplicaSet's or its Pod's): `Deployment/payment-service`. */
  workload?: string;
  reason: string;
  message: string;
  /** `Normal` or `Warning`. */
  type: string;
  count?: number;
  /** The component that reported it (`deployment-controller`). */
  reporter?: string;
}

/** What a live source could tell of the past: workload revisions, Helm release records and
 * Events, with notes on what could not be read (a 403 is a note, never a failure). */
export interface LiveHistory {
  revisions: WorkloadRevision[];
  releases: HelmRelease[];
  events: LiveEvent[];
  notes: string[];
}

/** `ok`: everything the source returned was read and understood. `partial`: some of it was
 * (the values hold what was), and `reason` says what was not. `unavailable`: nothing was read. */
export type LiveStatus = 'ok' | 'partial' | 'unavailable';

export interface LiveState {
  env: EnvName;
  status: LiveStatus;
  /** What was read: `kubernetes prod/payments`, `snapshot live/production.yaml`. */
  source: string;
  /** Why it is unavailable (unreachable, 403 naming verb/resource/namespace, ...), or what a
   * partial read could not read. */
  reason?: string;
  values: Map<KeyPath, LiveValue>;
  artifacts: LiveArtifact[];
  warnings: string[];
  /** The objects read, for the inventory (sources that read whole objects). */
  objects?: InventoryObject[];
  /** The kinds whose absence here means the object does not exist (listed, or captured in a
   * snapshot); other kinds are not judged. */
  inventoryKinds?: string[];
  /** A snapshot's kinds judged on the word of its head comment, each with the `kubectl get`
   * command the comment names: an absence judged so says where it comes from. */
  kindsListedBy?: Record<string, string>;
  /** Kinds that could not be listed, with why (a 403 names the permission missing). */
  unread?: Array<{ kind: string; reason: string }>;
  /** The objects whose annotations and settings were compared where a repo manifest declares
   * them (sources that read whole objects): a declared field such an object lacks was removed
   * live (compare/removed-live.ts). */
  compared?: ComparedObject[];
  /** What the cluster keeps of its own past (revisions, Helm releases, Events). */
  history?: LiveHistory;
}

/** Values were read from the source (all of them, or part: see `status`). */
export const liveWasRead = (state: LiveState | undefined): state is LiveState => state !== undefined && state.status !== 'unavailable';

/** How a live status reads in a sentence: read, partly read, unavailable. */
export const LIVE_STATUS_WORDS: Record<LiveStatus, string> = { ok: 'read', partial: 'partly read', unavailable: 'unavailable' };

export interface Snapshot {
  repo: string;
  environments: EnvName[];
  promotion: EnvName[];
  envs: Map<EnvName, EnvSnapshot>;
  /** Live state per environment that has a live source (and live reading is on). */
  live?: Map<EnvName, LiveState>;
  /** The Kubernetes objects each environment's repo files define (manifests only). */
  repoObjects?: Map<EnvName, InventoryObject[]>;
}

/** Every kind of divergence, in the order they are listed (a key's repo-side divergences before
 * its live ones) and offered by the interactive view's kind filter. */
export const DIVERGENCE_KINDS = [
  'cross-env',
  'contract-violation',
  'missing',
  'stale-declaration',
  'live-drift',
  'live-only',
  'artifact',
  /** Live values of a key no repo file declares that differ across environments (or break the
   * contract's declaration of it): probes such as `exec` output, compared live against live. */
  'live-cross-env',
  /** What one environment's Roles and bindings grant beyond another's (or beyond its repo), and
   * bindings to cluster-admin/admin: the highest risk class. */
  'permission',
  /** An object live with no definition in the environment's repo files. */
  'live-object',
  /** An object the environment's repo files define that does not exist live. */
  'missing-live',
  /** An object live in some environments and not in others. */
  'object-cross-env',
] as const;

export type DivergenceKind = (typeof DIVERGENCE_KINDS)[number];

/** The kinds that compare the repo with what runs, rather than environments with each other. */
export const LIVE_KINDS: ReadonlySet<DivergenceKind> = new Set<DivergenceKind>([
  'live-drift',
  'live-only',
  'artifact',
  'live-cross-env',
  'live-object',
  'missing-live',
  'object-cross-env',
  'permission',
]);

/** Kinds about whole objects and grants that the contract declares as expected where they exist
 * (`CronJob/settlement-backfill: {production: any}`): declared from the environments that have them. */
export const PRESENCE_KINDS: ReadonlySet<DivergenceKind> = new Set<DivergenceKind>(['permission', 'live-object', 'object-cross-env']);

/** The environments where an object or grant is (live, or in the files where no live state was read). */
export const presentIn = (d: Pick<Divergence, 'values'>): EnvName[] =>
  Object.entries(d.values)
    .filter(([, v]) => v.live !== null || (Object.values(d.values).every((x) => x.live === null) && v.repo !== null))
    .map(([env]) => env);

/** `drift` divergences are not explained by the contract and fail `scan`;
 * `info` ones (a declaration that is no longer needed) are reported but do not. */
export type Severity = 'drift' | 'info';

export interface DivergenceValue {
  repo: string | null;
  live: string | null;
  /** Where the repo value is written, or null when the key is absent there. An object's definition
   * is placed by its file only (a built overlay's objects have no line). The JSON output also says
   * it as the `file:line` text it has always had (`location`). */
  at: RepoLocation | FileLocation | null;
  type: ValueType | null;
  /** Where the live value was read (`kubernetes prod/payments ConfigMap/payment-config .data.X`). */
  liveSource?: string;
  /** The comment beside the repo value in its file, as it is now (see `Value.note`). */
  note?: string;
  /** The annotations of the live object holding the live value (see `LiveValue.annotations`). */
  liveAnnotations?: Record<string, string>;
  /** The live object opens a database or an internal port to the outside (sources/live/exposure.ts). */
  exposes?: string;
}

/** A remark about one key that is not a divergence (its values agree only as text). */
export interface KeyNote {
  key: KeyPath;
  text: string;
}

export interface ContractRef {
  /** The contract key or glob that applied. */
  key: string;
  /** Where it is written in the contract file. */
  location: string;
  allowed: Record<EnvName, string>;
  reason?: string;
  owner?: string;
  expires?: string;
  expired: boolean;
  /** `live_differences`: the entry accepts a live value against the repo (`allowed` holds the
   * accepted value per environment); absent for `expected_differences`. */
  section?: 'live_differences';
}

export interface Divergence {
  id: string;
  key: KeyPath;
  kind: DivergenceKind;
  severity: Severity;
  /** The environments this divergence is about (those that differ, lack the key, or break the contract). */
  envs: EnvName[];
  values: Record<EnvName, DivergenceValue>;
  declared: boolean;
  contract: ContractRef | null;
  /** Plain-language explanations: why this is a divergence, type-only differences, etc. */
  notes: string[];
  /** `missing` and `object-cross-env`: the environments that hold the key (or have the object live)
   * and those that lack it, whichever side `envs` names. */
  presentIn?: EnvName[];
  absentIn?: EnvName[];
  /** `contract-violation`: per environment that breaks the contract, what it holds against what it
   * is allowed (`holds "debug"; the contract allows one of info, warn`). */
  violations?: Record<EnvName, string>;
  /** `stale-declaration` of a key no environment has: the keys the entry was likely meant to
   * declare — those whose last name it is (`env.LOG_LEVEL` for `LOG_LEVEL`), or a key a typing
   * slip away whose difference no entry declares (`service.replicas` for `service.replica`). */
  fullKeys?: KeyPath[];
  /** Who last wrote the live value, per environment (live kinds). */
  provenance?: Record<EnvName, Provenance>;
  /** Permission divergences: per environment, the live roles and bindings that grant what the
   * divergence is about, with who created them and when, who last wrote what they grant, and
   * their annotations. */
  grantedBy?: Record<EnvName, GrantOrigin[]>;
  /** Permission divergences between two sets of rules: what `env` grants that `than` (another
   * environment, or `repo`: its own repo definition) does not (`added`), and what `than` grants
   * that `env` does not (`removed`), one phrase per resource (`get, list on secrets`). */
  rules?: RuleChange[];
  /** Each environment's changes of this key, newest first (when history was read). */
  history?: Record<EnvName, HistoryEvent[]>;
  /** Each environment's deploys of this key that the cluster recorded (workload revisions, Helm
   * releases), oldest first (when a live source's history was read). */
  deploys?: Record<EnvName, TimelineEntry[]>;
  /** Each environment's Events the cluster still kept about what runs this key (its workload, the
   * workload's ReplicaSets, the ConfigMap it is read from), oldest first, as `event` entries. */
  clusterEvents?: Record<EnvName, TimelineEntry[]>;
  verdict?: Verdict;
}

/**
 * The stages a divergence passes through, each a type of its own. A stage makes new objects and
 * never changes the ones it was given, so a reader sees at each boundary what exists:
 * - `Compared` (compare): the repo values, the contract's judgement, the notes;
 * - `WithLive` (live values): each environment's live value and who wrote it beside the repo's,
 *   and the deploys the clusters recorded (repo-vs-live and inventory divergences start here);
 * - `Explained` (history): every environment's events of the key, and the verdict they support.
 * `Divergence` is what the consumers (report, TUI, actions) read: a divergence of any stage.
 */
export type Compared = Readonly<Omit<Divergence, 'history' | 'deploys' | 'clusterEvents' | 'verdict'>>;
export type WithLive = Readonly<Omit<Divergence, 'history' | 'verdict'>>;
export type Explained = WithLive & { readonly history: Record<EnvName, HistoryEvent[]>; readonly verdict: Verdict };

/** Who made a commit, when, and what it says (author through `.mailmap`, as `git log %aN/%aE`). */
export interface CommitFacts {
  author: string;
  email: string;
  /** Author date (ISO 8601, the author's zone). */
  date: string;
  /** Committer date: orders events across environments. */
  committed: string;
  subject: string;
  /** The rest of the commit message (evidence such as an incident id). */
  body: string;
}

/** One change of one key's value in one environment's file, from git history. */
export interface HistoryEvent extends CommitFacts {
  commit: string;
  file: string;
  /** Value text before and after; null is absent. */
  from: string | null;
  to: string | null;
  /** A merge that resolved the key to a value none of its parents had. */
  merge: boolean;
  /** A revert commit, or a value returning to one the key held before. */
  revert: boolean;
  /** Diffed across historic versions that did not parse. */
  acrossBroken?: boolean;
  /** The oldest commit of a shallow clone: the value predates the known history. */
  truncated?: boolean;
  /** The commit's place in the commit graph among the walked commits: 0 is the newest; a child
   * always comes before its parents, whatever the dates say. */
  order?: number;
  /** The commit renamed the object the key belongs to: the key it was before (its earlier
   * events are this key's). */
  renamedFrom?: KeyPath;
}

/** One key's change in one commit: the commit's facts copied field by field (a commit read from
 * git carries more than an event keeps), in the order the JSON output has always had them. */
export function eventOf(
  commit: CommitFacts & { sha: string },
  file: string,
  from: string | null,
  to: string | null,
  marks: { merge: boolean; revert: boolean },
): HistoryEvent {
  return {
    commit: commit.sha,
    author: commit.author,
    email: commit.email,
    date: commit.date,
    committed: commit.committed,
    subject: commit.subject,
    body: commit.body,
    file,
    from,
    to,
    merge: marks.merge,
    revert: marks.revert,
  };
}

/** A value an environment's file holds in the work tree that no commit has: an edit not committed
 * yet. History ends before it, so it has no commit, author, date or message to weigh. */
export interface UncommittedChange {
  uncommitted: true;
  file: string;
  /** The value the last commit left, and the work tree's; null is absent. */
  from: string | null;
  to: string | null;
}

/** How an environment's value came to be what it is: a commit, or an edit not committed yet. */
export type KeyChange = HistoryEvent | UncommittedChange;

export const isUncommitted = (change: KeyChange): change is UncommittedChange => 'uncommitted' in change;

export type SuggestedAction = 'revert' | 'backfill' | 'declare';

/** What kind of setting a key is, for the harm a wrong move can do. */
export type RiskClass =
  'security' | 'permissions' | 'debug' | 'feature-flag' | 'rate-limit' | 'secret' | 'alerting' | 'resources' | 'version' | 'endpoint' | 'none';

export type EvidenceKind = 'intent' | 'ticket' | 'contract' | 'age' | 'quality' | 'live' | 'order' | 'version';

/** One piece of evidence a verdict weighed, checkable with `git show <commit>` where it names one. */
export interface Evidence {
  kind: EvidenceKind;
  text: string;
  commit?: string;
}

export interface Verdict {
  /** The environment whose value reflects the deliberate choice, or null when unknown. */
  deliberate: EnvName | null;
  /** The environment that lags or broke away and should change, or null. */
  drifted: EnvName | null;
  suggested: SuggestedAction;
  /** The value the suggestion writes, where it writes one. */
  value: string | null;
  confidence: number;
  reasons: string[];
  /** The key's risk class. */
  risk?: RiskClass;
  /** The evidence weighed, by kind. */
  evidence?: Evidence[];
  /** What a person should check when the evidence cannot decide (low confidence). */
  question?: string;
  /** YYYY-MM-DD: when a declared difference should end, where the commit text states it. */
  expires?: string;
}

/** `skip` records that a divergence was looked at and is left as it is: nothing is applied.
 * `undeclare` removes a declaration from the contract (a stale one, or one no longer wanted). */
export type DecisionAction = SuggestedAction | 'undeclare' | 'skip';

/** What the operator decided for one divergence. */
export interface Decision {
  key: KeyPath;
  /** The environment whose file (or live object) changes; the verdict's drifted one by default. */
  env?: EnvName;
  action: DecisionAction;
  /** The value written; the verdict's choice by default. null removes the key. */
  value?: string | null;
  /** backfill: every environment's file (`all`), or these. */
  to?: 'all' | EnvName[];
  /** revert of live drift: the live object (the default for live divergences), or the repo file. */
  target?: 'repo' | 'live';
  reason?: string;
  owner?: string;
  /** YYYY-MM-DD */
  expires?: string;
  /** The divergence it decides, when known (the TUI records it). */
  divergence?: string;
  /** declare: through one contract entry for this key glob, a pattern the scan found
   * (`network.routes.*`): the decisions of the pattern's keys write that one entry. */
  pattern?: string;
}

/** One change of a key in one environment's merged timeline: a commit to its file, or a write to
 * the live object (a hand edit, a deploy, a controller); or an Event the cluster kept about what
 * runs the key (`event`: no value changed by it is known). Ordered by `time` across environments. */
export interface TimelineEntry {
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  time: string;
  /** False when the time is an upper bound (`managedFields` keep the manager's latest write to
   * any of its fields, so the change happened at or before it). */
  exact: boolean;
  env: EnvName;
  source: 'repo' | 'live';
  /** `restart`: the workload's pods were replaced by hand (`kubectl rollout restart`), the value
   * unchanged. `event`: a Kubernetes Event (source `live`), described by `event`. */
  kind: 'commit' | 'merge' | 'revert' | 'hand-edit' | 'deploy' | 'restart' | 'controller' | 'unknown-writer' | 'event';
  /** The value before, when known (a live write does not record it); null is absent. */
  from?: string | null;
  /** A live write's `from` is the value its environment's previous live record left (the write
   * itself does not record it). */
  fromEarlier?: true;
  /** The value after; null is absent. Not on an `event`: an Event records no value. */
  to?: string | null;
  commit?: string;
  author?: string;
  /** A commit written on another day than it was committed (rebased, cherry-picked, amended
   * later): its author date, UTC. `time` is the commit date, which orders the timeline; the
   * verdict counts ages from this one. */
  authored?: string;
  subject?: string;
  file?: string;
  /** The live field manager (`kubectl-edit`, `helm`, …). */
  manager?: string;
  /** Where the live value was read, or the record of the deploy (`… revision 27 (ReplicaSet/…)`). */
  liveSource?: string;
  /** The workload's or the Helm release's revision that deployed it. */
  revision?: string;
  /** A commit diffed across historic versions of the file that did not parse: the value before
   * is the last one that did. */
  acrossBroken?: boolean;
  /** The oldest commit of a shallow clone: the value predates the history read. */
  truncated?: boolean;
  /** An `event`'s Event: what it was about (`Deployment/payment-service`), its reason
   * (`ScalingReplicaSet`, `BackOff`, `Killing`), message, type and how often it was seen. */
  event?: LiveEvent;
}
