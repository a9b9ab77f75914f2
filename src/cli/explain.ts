import { scanRepository, type Scan } from '../engine.js';
import { UserError } from '../errors.js';
import { explainKey, explanationJson, keysCutAs, knownKeys, renderExplanation, similarKeys, type KeyExplanation } from '../report/explain.js';
import type { KeyPath } from '../model/types.js';
import { decisionsInPlace, type OpenDecision } from '../actions/ledger.js';
import { dottedPlainly } from '../wording/similar-keys.js';
import { colourEnabled, styleFor } from '../report/style.js';
import { jsonSafe } from '../wording/terminal-text.js';
import type { Io, ScanCommand } from '../command.js';
import { EXIT } from './exit.js';

/** `undrift explain KEY`: exit 0 when shown (drift or not), 2 when the key is unknown. */
export async function runExplain(command: Omit<ScanCommand, 'key' | 'format'> & { key: string; json: boolean }, io: Io): Promise<number> {
  const { key, json, ...options } = command;
  const scan = await scanRepository({ ...options, history: true });
  // A key copied from the table, cut in the middle, is the one key it stands for.
  const cut = keysCutAs(scan, key);
  // And one typed with plain dots where its path quotes a segment (`podAnnotations.prometheus.io/scrape`).
  const quoted = cut.length === 0 ? [...knownKeys(scan)].filter((k) => k.includes('["') && dottedPlainly(k) === key) : [];
  const typed = explainKey(scan, cut.length === 1 ? cut[0]! : key) ?? (quoted.length === 1 ? explainKey(scan, quoted[0]!) : undefined);
  // A name only a live object answers to (a ConfigMap's data key, read live as the env var it
  // feeds) while the repo's manifests name it in full: the repo's key is the one meant. Shown
  // under the short name, it said "no divergence" beside two different live values.
  const named = typed && onlyLive(typed) ? namedInFull(scan, key) : [];
  const explanation = named.length === 1 ? explainKey(scan, named[0]!) : named.length > 1 ? undefined : typed;
  if (!explanation) {
    const similar = cut.length > 1 ? cut : named.length > 1 ? named : similarKeys(scan, key);
    throw new UserError(
      `no key "${key}" in ${scan.snapshot.environments.join(', ')} or their history${similar.length ? ` (did you mean ${similar.join(', ')}?)` : ''}`,
    );
  }
  const open = await openDecisionsOf(scan.repoRoot, explanation.key);
  const shown = open.length > 0 ? { ...explanation, open } : explanation;
  io.stdout.write(
    json
      ? `${jsonSafe(JSON.stringify(explanationJson(shown), null, 2))}\n`
      : renderExplanation(shown, styleFor(colourEnabled(io.stdout, io.env, command.noColor))),
  );
  return EXIT.ok;
}

/** The key's decisions on undrift branches not merged yet. The ledger is a convenience here: one
 * that cannot be read (no ledger yet, a clone without its notes) shows none. */
async function openDecisionsOf(repo: string, key: KeyPath): Promise<Array<{ branch: string; action: string; envs: string[] }>> {
  const { open } = await decisionsInPlace(repo).catch(() => ({ open: [] as OpenDecision[] }));
  return open.filter((o) => o.key === key).map((o) => ({ branch: o.place.where, action: o.action, envs: o.envs }));
}

/** Found in what runs alone: no file sets it, no commit changed it, nothing diverges under it. */
const onlyLive = (e: KeyExplanation) =>
  e.divergences.length === 0 && Object.values(e.values).every((v) => v.repo === null) && Object.values(e.history).every((events) => events.length === 0);

/** The repo keys a short name ends (`ConfigMap/app-config.data.KEY` for `KEY`) or names an item
 * by (`….env[name=KEY].value`). */
function namedInFull(scan: Scan, key: string): KeyPath[] {
  return [...knownKeys(scan)]
    .filter(
      (k) =>
        k !== key &&
        (k.endsWith(`.${key}`) || k.includes(`[name=${key}]`)) &&
        scan.snapshot.environments.some((env) => scan.snapshot.envs.get(env)?.values.has(k)),
    )
    .sort();
}
