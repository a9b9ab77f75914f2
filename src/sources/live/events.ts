import type { LiveEvent } from '../../model/types.js';
import { isMap } from '../../model/is-map.js';

// Kubernetes Events about workloads, while the cluster keeps them (about an hour by default:
// useful during an incident, rarely days later). Both APIs say the same thing in different words:
// core/v1 `Event` (involvedObject, lastTimestamp, source.component) and events.k8s.io/v1 `Event`
// (regarding, eventTime or series.lastObservedTime, reportingController). The same event listed
// through both is kept once.

type Obj = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const utcOf = (...values: unknown[]): string | undefined => {
  for (const value of values) {
    const raw = value instanceof Date ? value.toISOString() : text(value);
    const ms = raw ? Date.parse(raw) : NaN;
    if (!Number.isNaN(ms)) return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return undefined;
};

/** The kinds whose Events say something about what ran: the workloads, a CronJob's Jobs and
 * every workload's Pods (Killing, BackOff), and the ConfigMaps they read (a controller that
 * reloads pods on a change, such as Reloader, reports it there). */
export const EVENT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'CronJob', 'Job', 'Pod', 'ConfigMap']);

/** The Events among the objects (either API), about the workload kinds above, oldest first. */
export function eventsOf(objects: readonly unknown[]): LiveEvent[] {
  const out = new Map<string, LiveEvent>();
  for (const obj of objects) {
    if (!isMap(obj) || obj.kind !== 'Event') continue;
    const modern = isMap(obj.regarding);
    const about = modern ? (obj.regarding as Obj) : isMap(obj.involvedObject) ? obj.involvedObject : undefined;
    if (!about || !EVENT_KINDS.has(String(about.kind)) || !text(about.name)) continue;
    const series = isMap(obj.series) ? obj.series : {};
    const time = modern
      ? utcOf(series.lastObservedTime, obj.eventTime, obj.deprecatedLastTimestamp, (obj.metadata as Obj | undefined)?.creationTimestamp)
      : utcOf(obj.lastTimestamp, obj.eventTime, obj.firstTimestamp, (obj.metadata as Obj | undefined)?.creationTimestamp);
    if (!time) continue;
    const reason = text(obj.reason) ?? '';
    const message = text(modern ? obj.note : obj.message) ?? '';
    const count = modern ? Number(series.count ?? obj.deprecatedCount ?? 1) : Number(obj.count ?? 1);
    const reporter = modern ? text(obj.reportingController) : (text(isMap(obj.source) ? obj.source.component : undefined) ?? text(obj.reportingComponent));
    const event: LiveEvent = {
      time,
      regarding: `${String(about.kind)}/${String(about.name)}`,
      reason,
      message,
      type: text(obj.type) ?? 'Normal',
      ...(Number.isFinite(count) && count > 1 ? { count } : {}),
      ...(reporter ? { reporter } : {}),
    };
    out.set(`${event.regarding}\0${reason}\0${message}\0${time}`, event);
  }
  return [...out.values()].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}
