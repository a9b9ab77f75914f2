// A credential belongs to one environment (session 19, after the Secret history's double fingerprint
// was fixed): a live secret equal to another environment's is a leak, not a rotation (holdout-16/43:
// production's DB password put into staging by hand), and no rule may suggest writing one
// environment's secret into another (holdout-5/17: "revert staging" to production's signing key).
import { describe, expect, it } from 'vitest';
import type { Divergence, HistoryEvent, Provenance } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const event = (file: string, to: string, date = '2026-03-01T10:00:00Z', subject = 'secrets'): HistoryEvent => ({
  commit: 'c'.repeat(40),
  author: 'Ana',
  email: 'a@x',
  date,
  committed: date,
  subject,
  body: '',
  file,
  from: null,
  to,
  merge: false,
  revert: false,
  order: 3,
});
const byHand: Provenance = { manager: 'kubectl-edit', operation: 'Update', time: '2026-11-21T10:00:00Z', exact: true, human: true, kind: 'human' };
const at = (file: string) => ({ file, line: 1, column: 1 });
const OWN = 'secret:111111111111 (14 bytes)';
const THEIRS = 'secret:222222222222 (14 bytes)';
const ROTATED = 'secret:333333333333 (14 bytes)';

describe("a live secret equal to another environment's", () => {
  const cases: Array<[string, string, string, string, 'repo' | 'live']> = [
    ["staging runs production's DB password (production's file)", 'Secret/app-db.data.DB_PASSWORD', 'staging', 'production', 'repo'],
    ["dev runs prod's API token (prod's live value)", 'Secret/payments.data.PSP_API_TOKEN', 'dev', 'prod', 'live'],
    ["qa runs live's webhook signing key", 'Secret/webhooks.data.SIGNING_KEY', 'qa', 'live', 'repo'],
  ];
  it.each(cases)('%s: put its own back, never a rotation', (_what, key, env, other, where) => {
    const own = event(`k8s/${env}/secret.yaml`, OWN);
    const theirs = event(`k8s/${other}/secret.yaml`, THEIRS);
    const d = {
      key,
      kind: 'live-drift',
      severity: 'drift',
      envs: [env],
      values: {
        [env]: { repo: OWN, live: THEIRS, at: at(own.file), type: 'secret' },
        [other]:
          where === 'repo'
            ? { repo: THEIRS, live: ROTATED, at: at(theirs.file), type: 'secret' }
            : { repo: ROTATED, live: THEIRS, at: at(theirs.file), type: 'secret' },
      },
      declared: false,
      contract: null,
      notes: [],
      provenance: { [env]: byHand },
    } as unknown as Divergence;
    const history = { [env]: [own], [other]: [theirs] };
    const log = buildLog(
      new Map([
        [env, new Map([[key, [own]]])],
        [other, new Map([[key, [theirs]]])],
      ]),
      [],
    );
    const v = explain(d, history, { promotion: [env, other], environments: [env, other], today: '2026-12-04', log });
    expect(v).toMatchObject({ suggested: 'revert', drifted: env, value: OWN });
    expect(v.reasons.join('\n')).toContain(`${other}'s credential`);
  });

  /** The DB password of `env`, changed by hand live to `live`, beside staging → production. */
  const liveSecret = (env: 'staging' | 'production', repo: string, live: string, other: string) => {
    const own = event(`k8s/${env}/secret.yaml`, repo);
    const otherEnv = env === 'staging' ? 'production' : 'staging';
    const d = {
      key: 'Secret/app-db.data.DB_PASSWORD',
      kind: 'live-drift',
      severity: 'drift',
      envs: [env],
      values: {
        [env]: { repo, live, at: at(own.file), type: 'secret' },
        [otherEnv]: { repo: other, live: other, at: at(`k8s/${otherEnv}/secret.yaml`), type: 'secret' },
      },
      declared: false,
      contract: null,
      notes: [],
      provenance: { [env]: byHand },
    } as unknown as Divergence;
    return explain(
      d,
      { [env]: [own] },
      { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-12-04', log: buildLog(new Map(), []) },
    );
  };

  it("production running a lower environment's credential: revert asked, not asserted (its file value may be rotated out)", () => {
    const v = liveSecret('production', OWN, THEIRS, THEIRS);
    expect(v.suggested).toBe('revert');
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.question).toMatch(/still production's valid credential/);
  });

  it('a live secret no other environment holds stays the rotation question (no leak is read into it)', () => {
    const v = liveSecret('staging', OWN, ROTATED, THEIRS);
    expect(v.suggested).not.toBe('revert');
    expect(v.reasons.join('\n')).not.toMatch(/credential copied/);
  });
});

describe("no suggestion writes one environment's secret into another", () => {
  // Each rule that would move a value between environments, on a key that is a Secret's: the files
  // set apart from the start with a runbook's "never put an old key back" (holdout-5/17), a lead
  // environment changed later, and a key present in one environment only.
  const KEY = 'Secret/cdn-signing.data.URL_SIGNING_KEY';
  const run = (d: Divergence, history: Record<string, HistoryEvent[]>, docs: Array<{ path: string; text: string }> = []) => {
    const commits = docs.map((doc, i) => ({
      sha: `${i + 1}`.repeat(40),
      parents: [],
      author: 'Matt',
      email: 'm@x',
      date: '2026-05-20T09:00:00Z',
      committed: '2026-05-20T09:00:00Z',
      subject: 'docs: runbook',
      body: '',
      files: [doc.path],
    }));
    const log = buildLog(
      new Map(Object.entries(history).map(([env, events]) => [env, new Map([[d.key, events]])])),
      commits,
      docs.map((doc, i) => ({ path: doc.path, sha: `${i + 1}`.repeat(40), text: doc.text })),
    );
    return explain(d, history, { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2026-11-04', log });
  };
  const cross = (staging: string | null, production: string): Divergence =>
    ({
      key: KEY,
      kind: staging === null ? 'missing' : 'cross-env',
      severity: 'drift',
      envs: staging === null ? ['staging'] : ['staging', 'production'],
      values: {
        ...(staging === null ? {} : { staging: { repo: staging, live: staging, at: at('k8s/staging/secret.yaml'), type: 'secret' } }),
        production: { repo: production, live: production, at: at('k8s/production/secret.yaml'), type: 'secret' },
      },
      declared: false,
      contract: null,
      notes: [],
    }) as unknown as Divergence;

  it('files set apart from the start, a runbook saying never to put an old key back', () => {
    const history = { staging: [event('k8s/staging/secret.yaml', OWN)], production: [event('k8s/production/secret.yaml', THEIRS)] };
    const v = run(cross(OWN, THEIRS), history, [
      {
        path: 'docs/runbooks/signing-key.md',
        text: '# Rotating the URL-signing key\n\n1. Patch live.\n2. Update the manifest in git.\nNever put an old key back.',
      },
    ]);
    expect(v.suggested).toBe('declare');
    expect(v.value).toBeNull();
  });

  it('production changed its secret later, staging kept the one both had', () => {
    const history = {
      staging: [event('k8s/staging/secret.yaml', OWN)],
      production: [
        { ...event('k8s/production/secret.yaml', THEIRS, '2026-10-01T10:00:00Z', 'rotate the signing key'), from: OWN },
        event('k8s/production/secret.yaml', OWN),
      ],
    };
    const v = run(cross(OWN, THEIRS), history);
    expect(v.suggested).toBe('declare');
    expect(JSON.stringify(v)).not.toMatch(/(backfill|revert) staging with/);
  });

  it('a secret only production has', () => {
    const v = run(cross(null, THEIRS), { production: [event('k8s/production/secret.yaml', THEIRS)] });
    expect(v.value).not.toBe(THEIRS);
  });
});
