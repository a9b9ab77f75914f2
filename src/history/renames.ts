import type { HistoryEvent } from '../model/types.js';
import type { FileEvents } from './stack.js';

// Renaming a Kubernetes object (`ConfigMap/app-config` → `ConfigMap/payment-config`) removes every
// key of the old name and adds every key of the new one in one commit. Read that way, the rename
// commit would be blamed for every value as new. It is one event of its own instead: each key
// under the new name keeps the history the old name had before, and the rename commit is an
// event that names the key it came from (`renamedFrom`), from the old value to the new.

const OBJECT_KEY = /^([A-Z][A-Za-z0-9]*\/[^.[]+)(.*)$/;

/** At least half of the keys of the old name reappear under the new one: the same object. */
const SAME_OBJECT = 0.5;

/** Follows object renames in one file's (or directory's) per-key events (newest first). */
export function followObjectRenames(events: FileEvents): FileEvents {
  // object (`Kind/name`) → suffix → its events
  const objects = new Map<string, Map<string, HistoryEvent[]>>();
  for (const [key, list] of events) {
    const m = OBJECT_KEY.exec(key);
    if (!m || list.length === 0) continue;
    if (!objects.has(m[1]!)) objects.set(m[1]!, new Map());
    objects.get(m[1]!)!.set(m[2]!, list);
  }
  if (objects.size < 2) return events;
  // Where an object's keys all ended together (newest event a removal) or all began (oldest
  // event an addition): in one commit, for the same kind.
  const ended = new Map<string, string[]>(); // `commit\0kind` → objects
  const began = new Map<string, string[]>();
  for (const [object, keys] of objects) {
    const kind = object.slice(0, object.indexOf('/'));
    const lists = [...keys.values()];
    const last = lists[0]![0]!;
    if (lists.every((l) => l[0]!.to === null && l[0]!.commit === last.commit)) push(ended, `${last.commit}\0${kind}`, object);
    const first = lists[0]!.at(-1)!;
    if (lists.every((l) => l.at(-1)!.from === null && l.at(-1)!.commit === first.commit)) push(began, `${first.commit}\0${kind}`, object);
  }
  const out: FileEvents = new Map(events);
  for (const [id, olds] of ended) {
    const news = [...(began.get(id) ?? [])];
    for (const oldObject of olds) {
      const oldKeys = objects.get(oldObject)!;
      const match = news.findIndex((n) => {
        const shared = [...objects.get(n)!.keys()].filter((s) => oldKeys.has(s)).length;
        return shared > 0 && shared >= SAME_OBJECT * Math.max(oldKeys.size, objects.get(n)!.size);
      });
      if (match < 0) continue;
      const [newObject] = news.splice(match, 1);
      for (const [suffix, newEvents] of objects.get(newObject!)!) {
        const oldEvents = oldKeys.get(suffix);
        if (!oldEvents) continue;
        const appeared = newEvents.at(-1)!;
        const renamed: HistoryEvent = { ...appeared, from: oldEvents[0]!.from, renamedFrom: `${oldObject}${suffix}` };
        out.set(`${newObject}${suffix}`, [...newEvents.slice(0, -1), renamed, ...oldEvents.slice(1)]);
        out.delete(`${oldObject}${suffix}`);
      }
    }
  }
  return out;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}
