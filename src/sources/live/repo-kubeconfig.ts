import path from 'node:path';
import { parse } from 'yaml';
import { MAX_YAML_ALIASES, type ReadLimits } from '../../model/limits.js';
import { readInside, resolveInside } from '../boundary.js';
import { isMap } from '../../model/is-map.js';

/** Why a kubeconfig named by the repository's configuration is refused. */
export class KubeconfigRefused extends Error {}

type Obj = Record<string, unknown>;
const entries = (v: unknown, field: string): Array<{ name: string; body: Obj }> =>
  (Array.isArray(v) ? (v as unknown[]) : [])
    .filter(isMap)
    .map((e) => ({ name: typeof e.name === 'string' ? e.name : '?', body: isMap(e[field]) ? e[field] : {} }));

/**
 * A kubeconfig that undrift.yaml names is written by whoever can change the repository: it may
 * point the client at any server, so it must not make the client read files outside the
 * repository (a `token-file` would be sent to that server as a bearer token) nor run commands
 * (`exec` credential plugins, an `auth-provider`'s `cmd-path`) unless the person running undrift
 * allowed commands. Returns the checked document as JSON, which is what the client must load, and
 * the real directory its relative paths start from: the client's own YAML reader (js-yaml) reads
 * some texts otherwise than this check's (it merges `<<:` keys, so `user: {<<: {exec: ...}}` was
 * a user with no command here and one that runs a command there). JSON reads the same in both.
 */
export function checkRepoKubeconfig(
  repoRoot: string,
  given: string,
  where: string,
  allowCommands: boolean,
  limits: Pick<ReadLimits, 'fileBytes' | 'from'>,
): { json: string; dir: string } {
  const text = readInside(repoRoot, given, where, limits);
  if (text === undefined) throw new KubeconfigRefused(`${where}: "${given}" does not exist`);
  let doc: unknown;
  try {
    // `<<:` merges, as kubectl's and client-node's readers merge it: what they would run is checked.
    doc = parse(text, { maxAliasCount: MAX_YAML_ALIASES, merge: true });
  } catch (e) {
    throw new KubeconfigRefused(`${where}: "${given}" is not a readable kubeconfig (${(e as Error).message.split('\n')[0]})`);
  }
  if (!isMap(doc)) throw new KubeconfigRefused(`${where}: "${given}" is not a kubeconfig (expected a map with clusters, users, contexts)`);
  const dir = path.dirname(resolveInside(repoRoot, given, where).real);
  const fileInside = (file: unknown, what: string) => {
    if (typeof file !== 'string' || file === '') return;
    const rel = path.relative(repoRoot, path.resolve(dir, file));
    try {
      resolveInside(repoRoot, rel, `${where}: ${what}`);
    } catch (e) {
      throw new KubeconfigRefused(`${(e as Error).message} (a kubeconfig in the repository reads files inside it only)`);
    }
  };
  for (const { name, body } of entries(doc.clusters, 'cluster')) fileInside(body['certificate-authority'], `cluster ${name} certificate-authority`);
  for (const { name, body } of entries(doc.users, 'user')) {
    fileInside(body['client-certificate'], `user ${name} client-certificate`);
    fileInside(body['client-key'], `user ${name} client-key`);
    const provider = isMap(body['auth-provider']) ? body['auth-provider'] : undefined;
    const providerConfig = provider && isMap(provider.config) ? provider.config : {};
    // client-node reads a token from `token-file`, and from an auth-provider's `config.tokenFile`
    // whatever its name (its FileAuth), and sends it to the kubeconfig's server.
    const tokenFile = body['token-file'] !== undefined ? 'a token-file' : providerConfig.tokenFile !== undefined ? 'an auth-provider tokenFile' : undefined;
    if (tokenFile) {
      throw new KubeconfigRefused(
        `${where}: user ${name} has ${tokenFile}, which a kubeconfig in the repository may not name (put the token in KUBECONFIG's own kubeconfig)`,
      );
    }
    // client-node runs `exec`, an auth-provider's `config.exec` (whatever its name: its ExecAuth),
    // and gcp's and azure's `config.cmd-path`.
    const runs =
      body.exec !== undefined ||
      (provider !== undefined && (provider.name === 'exec' || providerConfig.exec !== undefined || providerConfig['cmd-path'] !== undefined));
    if (runs && !allowCommands) {
      throw new KubeconfigRefused(
        `${where}: user ${name} runs a command to get credentials; commands named by the repository's configuration run only with --allow-exec`,
      );
    }
  }
  return { json: JSON.stringify(doc), dir };
}
