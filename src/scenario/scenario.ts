import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const commitSchema = z
  .object({
    at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, 'an ISO date-time with a zone'),
    author: z.string(),
    /** Who committed, when not the author (e.g. the person who merged). */
    committer: z.string().optional(),
    message: z.string().min(1),
    /** Switch to this branch first, creating it from the current commit if new. */
    checkout: z.string().optional(),
    /** Merge this branch into the current one (no fast-forward); the edits below resolve conflicts. */
    merge: z.string().optional(),
    write: z.record(z.string(), z.string()).optional(),
    /** Key edits: file → {dotted.key: value} (`a["b.c"].d`, `list[0]` where a segment holds a dot or is an index);
     * YAML and JSON keep their layout, dotenv edits its line. */
    set: z.record(z.string(), z.record(z.string(), scalar)).optional(),
    unset: z.record(z.string(), z.array(z.string())).optional(),
    rename: z.record(z.string(), z.string()).optional(),
    delete: z.array(z.string()).optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    authors: z.record(z.string(), z.object({ name: z.string(), email: z.string() }).strict()),
    commits: z.array(commitSchema).min(1),
    /** Files left uncommitted in the work tree after the story (e.g. a dirty checkout). */
    worktree: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    s.commits.forEach((c, i) => {
      for (const who of [c.author, c.committer]) {
        if (who !== undefined && !(who in s.authors)) ctx.addIssue({ code: 'custom', path: ['commits', i], message: `unknown author "${who}"` });
      }
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioCommit = Scenario['commits'][number];

export const SCENARIO_DIR = fileURLToPath(new URL('../../fixtures/scenarios/', import.meta.url));

export function parseScenario(value: unknown, name: string): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError(`scenario ${name}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

export async function loadScenario(name: string): Promise<Scenario> {
  const file = `${SCENARIO_DIR}${name}.yaml`;
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UserError(`no bundled scenario named "${name}"`);
  });
  return parseScenario(parse(text), name);
}
