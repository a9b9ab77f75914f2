import { isMap, parseDocument } from 'yaml';
import { UserError } from '../errors.js';
import { toNative } from './edit.js';
import type { ContractChange } from './plan.js';

/** Writes or removes one entry of the expected-differences contract, keeping the rest of the
 * file as written. A missing contract file is created. */
export function editContract(text: string | undefined, change: ContractChange): string {
  const doc = parseDocument(text ?? '# Differences between environments that are intended.\n# Anything not declared here must be identical in every environment.\nexpected_differences: {}\n', { keepSourceTokens: true });
  if (doc.errors.length > 0) throw new UserError(`${change.file}: the contract does not parse (${doc.errors[0]!.message.split('\n')[0]}); nothing was written`);
  if (!isMap(doc.get('expected_differences', true))) doc.set('expected_differences', doc.createNode({}));
  const map = doc.get('expected_differences', true);
  if (isMap(map) && map.flow && map.items.length === 0) map.flow = false;
  if (change.allowed === null) {
    doc.deleteIn(['expected_differences', change.key]);
  } else {
    const entry: Record<string, unknown> = {};
    for (const [env, value] of Object.entries(change.allowed)) entry[env] = toNative(value);
    if (change.reason) entry.reason = change.reason;
    if (change.owner) entry.owner = change.owner;
    if (change.expires) entry.expires = change.expires;
    doc.setIn(['expected_differences', change.key], doc.createNode(entry));
  }
  const indent = /^( +)\S/m.exec(text ?? '')?.[1]?.length ?? 2;
  return doc.toString({ indent, lineWidth: 0 });
}
