import { scanRepository } from '../engine.js';
import { UserError } from '../errors.js';
import { explainKey, explanationJson, keysCutAs, knownKeys, renderExplanation, similarKeys } from '../report/explain.js';
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
  const explanation = explainKey(scan, cut.length === 1 ? cut[0]! : key) ?? (quoted.length === 1 ? explainKey(scan, quoted[0]!) : undefined);
  if (!explanation) {
    const similar = cut.length > 1 ? cut : similarKeys(scan, key);
    throw new UserError(
      `no key "${key}" in ${scan.snapshot.environments.join(', ')} or their history${similar.length ? ` (did you mean ${similar.join(', ')}?)` : ''}`,
    );
  }
  io.stdout.write(
    json
      ? `${jsonSafe(JSON.stringify(explanationJson(explanation), null, 2))}\n`
      : renderExplanation(explanation, styleFor(colourEnabled(io.stdout, io.env, command.noColor))),
  );
  return EXIT.ok;
}
