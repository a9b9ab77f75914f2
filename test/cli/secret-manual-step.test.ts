// A live Secret's difference: the verdict's revert or backfill would write a Secret's value, which
// apply refuses. So the suggestion is said as the step a person takes (rotate or record the secret
// in its source, with the fingerprints), in the table, JSON and explain, and apply's refusal names
// the same step up front. (It read "backfill staging", a suggestion the tool itself would not carry out.)
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../support/repo.js';
import { ROTATED_VALUES as VALUES, rotatedInStaging } from '../support/secret-rotated.js';
import { runCli } from '../support/cli.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';

const KEY = 'Secret/db.data.DB_PASSWORD';

interface Row {
  id: string;
  key: string;
  kind: string;
  envs: string[];
  values: Record<string, { repo: string | null; live: string | null }>;
  verdict: { suggested: string; drifted: string | null; manual?: string };
}

describe("a live Secret's difference", () => {
  it("is suggested as a person's step with the fingerprints, in the table, JSON and explain; apply refuses a backfill up front naming that step", async () => {
    const { repo, env } = await rotatedInStaging();
    const json = await runCli(['scan', '-f', 'json', '--today', '2026-12-05'], { cwd: repo, env });
    const rows = (JSON.parse(json.stdout) as { divergences: Row[] }).divergences;
    expect(rows.map((d) => `${d.key} ${d.kind} ${d.envs.join(',')}`)).toEqual([`${KEY} live-drift staging`]);
    const row = rows[0]!;
    const file = /^secret:[0-9a-f]{12}/.exec(row.values.staging!.repo!)![0];
    const live = /^secret:[0-9a-f]{12}/.exec(row.values.staging!.live!)![0];
    const production = /^secret:[0-9a-f]{12}/.exec(row.values.production!.repo!)![0];
    // The contract's fields stay as they were (suggested: backfill); `manual` says what a person does.
    expect(row.verdict).toMatchObject({ suggested: 'backfill', drifted: 'staging' });
    expect(row.verdict.manual).toBe(
      `by hand: keep staging's live ${KEY} and record it in its source (your secret store, or the encrypted Secret the repo deploys), ` +
        `so the next deploy does not put the old one back (staging: file ${file}, live ${live}; production: file ${production}, live ${production}); ` +
        "undrift never writes a secret's value",
    );

    const table = await runCli(['scan', '--today', '2026-12-05'], { cwd: repo, env });
    // At 160 columns the suggestion is cut in the middle, its start and confidence kept.
    expect(table.stdout).toMatch(/~ live-drift +Secret\/db\.data\.DB_PASSWORD .* by hand: record st…its source \(0\.55\)\n/);
    expect(table.stdout).not.toMatch(/backfill/);

    const explained = await runCli(['explain', KEY, '--today', '2026-12-05'], { cwd: repo, env });
    expect(explained.stdout).toContain("Verdict: by hand: record staging's live secret in its source (0.55)");
    expect(explained.stdout).toContain(`  ${row.verdict.manual}\n`);

    // apply: refused before anything is written, with the step a person takes instead.
    await writeFile(path.join(repo, '..', 'decisions.yaml'), `- {key: ${KEY}, env: staging, action: backfill}\n`);
    const before = await git(repo, 'for-each-ref', '--format=%(refname)');
    const applied = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: { ...ONCALL_IDENTITY, ...env } });
    expect(applied.exitCode).toBe(2);
    expect(applied.stderr).toContain(
      `${KEY} holds a Secret value: undrift never writes secrets; by hand: keep staging's live ${KEY} and record it in its source`,
    );
    expect(await git(repo, 'for-each-ref', '--format=%(refname)')).toBe(before);
    for (const value of Object.values(VALUES)) for (const out of [json, table, explained, applied]) expect(out.stdout + out.stderr).not.toContain(value);
  });
});
