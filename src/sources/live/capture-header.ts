import { CLUSTER_RBAC_KINDS, INVENTORY_KINDS } from './inventory.js';

// A `kubectl get` List cannot say which kinds it listed: one that holds no NetworkPolicy may have
// listed none, or not asked. A capture often names its own command in a comment at its head
// (`# kubectl get deploy,networkpolicy,pdb -n shop -o yaml`); that line says which kinds were
// listed, so holding none of one of them means none exists. Only a command that lists every
// object of its kinds counts: a label or field selector, object names, or output that is not
// YAML or JSON would make an absence mean nothing, and such a line is not read at all.

/** kubectl's names for the kinds the inventory counts: singular, plural and short names. */
const RESOURCE_NAMES = new Map<string, readonly string[]>([
  ...[...INVENTORY_KINDS, ...CLUSTER_RBAC_KINDS].flatMap((kind): Array<[string, readonly string[]]> => {
    const singular = kind.toLowerCase();
    const plural = singular.endsWith('y') ? `${singular.slice(0, -1)}ies` : singular.endsWith('s') ? `${singular}es` : `${singular}s`;
    return [
      [singular, [kind]],
      [plural, [kind]],
    ];
  }),
  ...Object.entries({
    deploy: 'Deployment',
    sts: 'StatefulSet',
    ds: 'DaemonSet',
    cj: 'CronJob',
    cm: 'ConfigMap',
    svc: 'Service',
    ing: 'Ingress',
    hpa: 'HorizontalPodAutoscaler',
    pdb: 'PodDisruptionBudget',
    netpol: 'NetworkPolicy',
    quota: 'ResourceQuota',
    limits: 'LimitRange',
    sa: 'ServiceAccount',
  }).map(([name, kind]): [string, readonly string[]] => [name, [kind]]),
  // kubectl's `all` category, as far as the inventory counts it.
  ['all', ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'Service']],
]);

/** Flags of `kubectl get` that take a value as the next word. */
const VALUED = new Set([
  '-n',
  '--namespace',
  '-o',
  '--output',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--token',
  '--as',
  '--as-group',
  '--request-timeout',
  '--chunk-size',
  '--sort-by',
  '--template',
  '-L',
  '--label-columns',
  '--output-watch-events',
  '--subresource',
]);
/** Flags that narrow what is listed: with them, an absence means nothing. */
const NARROWING = new Set(['-l', '--selector', '--field-selector', '-f', '--filename', '-k', '--kustomize', '-R', '--recursive', '--raw']);

/** The kinds one `kubectl get` command line lists in full, or undefined when it does not list
 * every object of its kinds as YAML or JSON. */
export function kindsListedBy(command: string): string[] | undefined {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'kubectl') return undefined;
  let i = 1;
  const positional: string[] = [];
  let output: string | undefined;
  let sawGet = false;
  while (i < words.length) {
    const word = words[i++]!;
    // A redirect ends the command; a pipe or a second command may drop objects: not read.
    if (/^\d?>/.test(word)) break;
    if (/[|;&<]/.test(word)) return undefined;
    if (word.startsWith('-')) {
      const [flag, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
      if (NARROWING.has(flag) || /^-l./.test(flag)) return undefined;
      const short = /^-([no])(.+)$/.exec(flag); // -oyaml, -nshop
      const value = inline ?? (short ? short[2] : VALUED.has(flag) ? words[i++] : undefined);
      if (flag === '-o' || flag === '--output' || short?.[1] === 'o') output = value;
      continue;
    }
    if (!sawGet) {
      if (word !== 'get') return undefined;
      sawGet = true;
      continue;
    }
    // A kind the shell would expand is not one this line can name.
    if (/[`$()"'*?[\]{}]/.test(word)) return undefined;
    positional.push(word);
  }
  // One argument, the kinds: a second names objects, as does `kind/name`.
  if (!sawGet || positional.length !== 1 || positional[0]!.includes('/')) return undefined;
  if (output !== 'yaml' && output !== 'json') return undefined;
  const kinds = new Set<string>();
  for (const resource of positional[0]!.split(',')) {
    // `networkpolicies.networking.k8s.io`: the name before the group.
    for (const kind of RESOURCE_NAMES.get(resource.split('.')[0]!.toLowerCase()) ?? []) kinds.add(kind);
  }
  return [...kinds].sort();
}

/** The kinds a snapshot file's head names as listed: the `kubectl get` commands in the comment
 * lines before its first line of content (`# kubectl get …`, `# $ kubectl get …`). */
export function kindsListedInHeader(text: string): { kinds: string[]; commands: string[]; byKind: Record<string, string> } {
  const kinds = new Set<string>();
  const commands: string[] = [];
  const byKind: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('#')) break;
    const command = /^#+\s*(?:\$\s*)?(kubectl\s.*)$/.exec(trimmed)?.[1];
    const listed = command === undefined ? undefined : kindsListedBy(command);
    if (!listed) continue;
    commands.push(command!.trim());
    for (const kind of listed) {
      kinds.add(kind);
      byKind[kind] ??= command!.trim();
    }
  }
  return { kinds: [...kinds].sort(), commands, byKind };
}
