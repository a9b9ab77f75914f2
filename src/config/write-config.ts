import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { EnvName } from '../model/types.js';
import { conventionalOrder } from './discover.js';
import { CONFIG_FILE, type Config, type LayoutOffer } from './load.js';
import { layoutsFound } from '../wording/layouts.js';
import type { Mount } from '../parse/mount.js';

export type { LayoutOffer };

/** The layouts a discovered config chose among, the one taken first; empty when nothing
 * competed (or the config was written, not discovered). */
export function layoutOffers(config: Config): LayoutOffer[] {
  const discovery = config.discovery;
  if (!config.discovered || !discovery || discovery.alternatives.length === 0) return [];
  const taken: LayoutOffer = {
    layout: config.source.replace(/^discovered /, ''),
    confidence: discovery.confidence,
    environments: Object.fromEntries(config.environments.map((env) => [env.name, env.files])),
    ...helmFormat(config),
    ...mountsOf(config),
  };
  // Each layout's environments upstream first, as they would be written.
  const inOrder = (environments: Record<EnvName, string[]>) =>
    Object.fromEntries(conventionalOrder(Object.keys(environments)).map((env) => [env, environments[env]!]));
  return [
    taken,
    ...discovery.alternatives.map((a) => ({
      layout: a.layout,
      confidence: a.confidence,
      environments: inOrder(a.environments),
      ...(a.notes ? { notes: a.notes } : {}),
      ...(a.combines ? { combines: a.combines } : {}),
      ...(a.format ? { format: a.format } : {}),
      ...(a.mounts ? { mounts: a.mounts } : {}),
    })),
  ];
}

/** Each environment's mounts, where a file of its stack has one. */
export function mountsOf(config: Config): { mounts?: Record<EnvName, Array<Mount | null>> } {
  const mounts = config.environments.filter((env) => env.mounts).map((env) => [env.name, env.mounts!] as const);
  return mounts.length > 0 ? { mounts: Object.fromEntries(mounts) } : {};
}

/** A stack as undrift.yaml lists it: a file at the top by its path, a mounted one as
 * `{file, subchart}` or `{file, under}`. */
function stackEntries(files: string[], mounts: Array<Mount | null> | undefined): unknown[] {
  return files.map((file, i) => {
    const mount = mounts?.[i];
    if (!mount) return file;
    return mount.subchart ? { file, subchart: unquotedSegment(mount.under) } : { file, under: mount.under };
  });
}

/** A subchart's key as its name: `redis`, or `my.cache` for `["my.cache"]`. */
const unquotedSegment = (segment: string): string => (segment.startsWith('[') ? (JSON.parse(segment.slice(1, -1)) as string) : segment);

/** `format: helm` when every environment of a discovered config is read as Helm values by layout
 * (a helmfile's), not by the files' names. */
export const helmFormat = (config: Config): { format?: 'helm' } =>
  config.environments.length > 0 && config.environments.every((env) => env.format === 'helm') ? { format: 'helm' } : {};

/** undrift.yaml's text for a layout: its environments' stacks, upstream first in `promotion`,
 * the contract when one is configured, after the comment lines given. */
export function configText(offer: LayoutOffer, comments: string[], contract?: string): string {
  const promotion = conventionalOrder(Object.keys(offer.environments));
  const document = {
    environments: Object.fromEntries(
      promotion.map((name) => [
        name,
        { files: stackEntries(offer.environments[name]!, offer.mounts?.[name]), ...(offer.format ? { format: offer.format } : {}) },
      ]),
    ),
    ...(contract ? { contract } : {}),
    promotion,
  };
  return comments.map((line) => `# ${line}\n`).join('') + stringify(document, { flowCollectionPadding: false });
}

/** Writes undrift.yaml for the layout the user chose among those discovery found, saying so in
 * its comments. Returns the file written. */
export async function writeChosenLayout(repoRoot: string, offers: LayoutOffer[], chosen: number): Promise<string> {
  const offer = offers[chosen]!;
  const others = offers.filter((_o, i) => i !== chosen).map((o) => `also found: ${o.layout}, confidence ${o.confidence}`);
  const comments = [
    `undrift configuration (chosen by hand among ${layoutsFound(offers)}: ${offer.layout}, confidence ${offer.confidence}).`,
    'Reference: README.md of undrift. Environments are listed upstream first in `promotion`.',
    ...(offer.notes ?? []),
    ...others,
    'To use another layout, list its files under `environments:` instead.',
  ];
  const target = path.join(repoRoot, CONFIG_FILE);
  await writeFile(target, configText(offer, comments));
  return target;
}
