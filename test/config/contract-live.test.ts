import { describe, expect, it } from 'vitest';
import { contract, contractError as error, CONTRACT_FILE as FILE } from './contract-text.js';

describe('live_differences: live values accepted while the repo says otherwise', () => {
  it("reads each environment's accepted value exactly, with reason, owner and expiry, beside expected_differences", () => {
    const c = contract(`expected_differences:
  LOG_LEVEL: {staging: debug, production: warn}
live_differences:
  # production's pool was raised by hand during INC-881; whether to keep it is open
  DB_MAX_CONNECTIONS:
    production: 20
    reason: raised by hand during INC-881, nobody has said whether to keep it
    owner: sre
    expires: 2026-12-31
  "ConfigMap/app.data.ROUTE":
    production: "/v2/*"
    staging: any
  Secret/db.data.DB_PASSWORD:
    production: "secret:3aa5f6de95f4 (13 bytes)"
  RATIO:
    production: 1.0
`);
    expect(c.entries.map((e) => e.pattern)).toEqual(['LOG_LEVEL']);
    expect(c.live!.map((e) => e.pattern)).toEqual(['DB_MAX_CONNECTIONS', 'ConfigMap/app.data.ROUTE', 'Secret/db.data.DB_PASSWORD', 'RATIO']);
    const [pool, route, secret, ratio] = c.live!;
    expect(pool).toMatchObject({
      reason: 'raised by hand during INC-881, nobody has said whether to keep it',
      owner: 'sre',
      expires: '2026-12-31',
      location: `${FILE}:5`,
    });
    expect(pool!.allowed.get('production')).toEqual({ kind: 'exact', text: '20' });
    // A live value is the text that runs: `any` and a /…/ are values here, not rules.
    expect(route!.allowed.get('production')).toEqual({ kind: 'exact', text: '/v2/*' });
    expect(route!.allowed.get('staging')).toEqual({ kind: 'exact', text: 'any' });
    expect(route!.glob).toBeUndefined();
    expect(secret!.allowed.get('production')).toEqual({ kind: 'exact', text: 'secret:3aa5f6de95f4 (13 bytes)' });
    // What YAML reads as 1 was written 1.0: both are the value accepted.
    expect(ratio!.allowed.get('production')).toEqual({ kind: 'exact', text: '1', also: ['1.0'] });
    expect(pool!.notes).toEqual(["production's pool was raised by hand during INC-881; whether to keep it is open"]);
  });

  it('says what is wrong in one line naming the file and line, as expected_differences does', () => {
    const head = 'live_differences:\n  DB_MAX_CONNECTIONS:\n';
    expect(error(`${head}    prod: 20\n`)).toBe(
      `${FILE}:3: DB_MAX_CONNECTIONS names unknown environment "prod" (known: staging, production; entries may also have reason, owner, expires)`,
    );
    expect(error(`${head}    production: [20, 30]\n`)).toBe(
      `${FILE}:3: DB_MAX_CONNECTIONS.production: expected the live value accepted, as it runs (one value), or the change that set it: {changed: <RFC 3339 time>, by: <field manager>}`,
    );
    expect(error(`${head}    production: {one_of: [20]}\n`)).toMatch(new RegExp(`^${FILE}:3: DB_MAX_CONNECTIONS.production: expected the live value accepted`));
    expect(error(`${head}    production: 20\n    expires: 2026-02-30\n`)).toMatch(new RegExp(`^${FILE}:4: DB_MAX_CONNECTIONS.expires: `));
    expect(error(`${head}    production: 20\n    reason: [a, b]\n`)).toBe(`${FILE}:4: DB_MAX_CONNECTIONS.reason: expected text`);
    expect(error(`${head}    reason: nobody knows\n`)).toBe(
      `${FILE}:2: DB_MAX_CONNECTIONS accepts no environment's live value (write e.g. \`production: "20"\`)`,
    );
    expect(error('live_differences:\n  DB_MAX_CONNECTIONS: 20\n')).toMatch(
      new RegExp(`^${FILE}:2:23: live_differences.DB_MAX_CONNECTIONS: expected a map of environment → accepted live value`),
    );
  });

  it('reads a Secret accepted by the live change that set it, and says what is wrong with one in one line', () => {
    const c = contract(`live_differences:
  Secret/db.data.DB_PASSWORD:
    production: {changed: 2026-11-21T10:00:00Z, by: kubectl-edit}
    staging:
      changed: "2026-11-21T11:00:00+01:00"
      by: helm
    reason: rotated by hand in INC-900
`);
    const [secret] = c.live!;
    expect(secret!.allowed.get('production')).toEqual({ kind: 'change', time: '2026-11-21T10:00:00Z', manager: 'kubectl-edit' });
    // Read in UTC, as managedFields times are.
    expect(secret!.allowed.get('staging')).toEqual({ kind: 'change', time: '2026-11-21T10:00:00Z', manager: 'helm' });
    // Written under YAML 1.1, the time reads as a date: the same time.
    const v11 = contract(`%YAML 1.1\n---\nlive_differences:\n  K:\n    production: {changed: 2026-11-21T10:00:00Z, by: kubectl-edit}\n`);
    expect(v11.live![0]!.allowed.get('production')).toEqual({ kind: 'change', time: '2026-11-21T10:00:00Z', manager: 'kubectl-edit' });

    const head = 'live_differences:\n  Secret/db.data.DB_PASSWORD:\n';
    expect(error(`${head}    production: {changed: 2026-11-21T10:00:00Z}\n`)).toBe(
      `${FILE}:3: Secret/db.data.DB_PASSWORD.production: an accepted change names both when and by whom: {changed: <RFC 3339 time>, by: <field manager>}`,
    );
    expect(error(`${head}    production:\n      changed: 2026-11-21\n      by: kubectl-edit\n`)).toBe(
      `${FILE}:4: Secret/db.data.DB_PASSWORD.production.changed: expected an RFC 3339 time such as 2026-11-21T10:00:00Z (the managedFields entry's time)`,
    );
    expect(error(`${head}    production:\n      changed: 2026-11-21T10:00:00Z\n      by: ""\n`)).toBe(
      `${FILE}:5: Secret/db.data.DB_PASSWORD.production.by: expected the field manager's name (kubectl-edit, helm, …)`,
    );
    expect(error(`${head}    production:\n      changed: 2026-11-21T10:00:00Z\n      by: kubectl-edit\n      value: x\n`)).toBe(
      `${FILE}:6: Secret/db.data.DB_PASSWORD.production: unknown field "value" (an accepted change is {changed: <RFC 3339 time>, by: <field manager>})`,
    );
  });
});
