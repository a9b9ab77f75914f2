/** A Kubernetes label selector (`app=payments,tier!=cache,env in (a,b),!legacy,canary`), for
 * filtering snapshots the way the API server filters lists. */
export type LabelRequirement = { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'exists' | 'doesnotexist' };

export function parseSelector(selector: string): LabelRequirement[] {
  const requirements: LabelRequirement[] = [];
  // Split on commas that are not inside parentheses.
  const parts = selector
    .split(/,(?![^()]*\))/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    let m: RegExpExecArray | null;
    if ((m = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      requirements.push({
        key: m[1]!,
        op: m[2] as 'in' | 'notin',
        values: m[3]!
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      });
    } else if ((m = /^([^\s!=]+)\s*!=\s*(\S*)$/.exec(part))) {
      requirements.push({ key: m[1]!, op: 'notin', values: [m[2]!] });
    } else if ((m = /^([^\s!=]+)\s*==?\s*(\S*)$/.exec(part))) {
      requirements.push({ key: m[1]!, op: 'in', values: [m[2]!] });
    } else if ((m = /^!([^\s!=]+)$/.exec(part))) {
      requirements.push({ key: m[1]!, op: 'doesnotexist' });
    } else if (/^[^\s!=(),]+$/.test(part)) {
      requirements.push({ key: part, op: 'exists' });
    } else {
      throw new Error(`invalid label selector "${selector}" at "${part}"`);
    }
  }
  return requirements;
}

export function matchesSelector(labels: Record<string, string> | undefined, requirements: LabelRequirement[]): boolean {
  const have = labels ?? {};
  return requirements.every((r) => {
    const present = Object.prototype.hasOwnProperty.call(have, r.key);
    switch (r.op) {
      case 'in':
        return present && r.values.includes(have[r.key]!);
      case 'notin':
        return !present || !r.values.includes(have[r.key]!);
      case 'exists':
        return present;
      case 'doesnotexist':
        return !present;
    }
  });
}
