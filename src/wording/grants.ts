import type { GrantOrigin } from '../model/types.js';
import { describeProvenance, writerKind } from './provenance.js';

/** Who granted a permission, in one line (explain, report and the interactive view's detail):
 * `RoleBinding/contractor (binds Role/api): created 2026-09-01T10:00:00Z by kubectl-create (by
 * hand, Update); what it grants last written by …; annotations: reason="temporary, INC-12"`. */
export function describeGrantOrigin(o: GrantOrigin): string {
  const parts: string[] = [];
  // creationTimestamp is exact; the creator's managedFields time is only its latest write.
  if (o.createdAt) parts.push(`created ${o.createdAt}${o.createdBy ? ` by ${o.createdBy.manager} (${writerKind(o.createdBy)})` : ''}`);
  else if (o.createdBy) parts.push(`created by ${describeProvenance(o.createdBy)}`);
  if (o.grantWrittenBy) parts.push(`what it grants last written by ${describeProvenance(o.grantWrittenBy)}`);
  if (o.annotations)
    parts.push(
      `annotations: ${Object.entries(o.annotations)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(', ')}`,
    );
  return `${o.object}${o.role ? ` (binds ${o.role})` : ''}${parts.length ? `: ${parts.join('; ')}` : ''}`;
}
