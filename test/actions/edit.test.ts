import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editText, verifyEdit, type TypedValue } from '../../src/actions/edit.js';
import { editContract } from '../../src/actions/contract-edit.js';
import { prepareEdits } from '../../src/actions/commit.js';
import { DEFAULT_READ_LIMITS } from '../../src/model/limits.js';
import { repoWithFiles } from '../support/repo.js';
import { readText } from '../../src/parse/read.js';

const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return { added: y.filter((l) => !x.includes(l)), removed: x.filter((l) => !y.includes(l)), lengths: [x.length, y.length] };
};

describe('format-preserving edits', () => {
  const yaml =
    '# payment-service\nSERVICE: pay   # the name\nTIMEOUT_MS: 3000\nVERSION: "15.1"\nQUOTED: \'x\'\nnested:\n    limits:\n' +
    '        cpu: "1"\n    # memory is set per env\n    memory: 1Gi\nlist:\n  - name: a\n    value: 1\nflow: {a: 1}\n';

  it.each<[string, TypedValue | null, string[]]>([
    ['TIMEOUT_MS', { text: '10000', type: 'number' }, ['TIMEOUT_MS: 10000']],
    ['VERSION', { text: '15.3', type: 'string' }, ['VERSION: "15.3"']],
    ['QUOTED', { text: "it's", type: 'string' }, ["QUOTED: 'it''s'"]],
    ['SERVICE', { text: 'payments', type: 'string' }, ['SERVICE: payments   # the name']],
    ['nested.limits.cpu', { text: '2', type: 'string' }, ['        cpu: "2"']],
    ['list[name=a].value', { text: '2', type: 'number' }, ['    value: 2']],
  ])('YAML: %s changes one line, keeping quotes, comments and indentation', async (key, value, expected) => {
    const after = editText(yaml, 'c.yaml', 'yaml', key, value);
    await verifyEdit(yaml, after, 'c.yaml', 'yaml', key, value);
    const diff = changedLines(yaml, after);
    expect(diff.added).toEqual(expected);
    expect(diff.removed).toHaveLength(1);
  });

  it('YAML: inserts a new key next to its siblings at their indentation, and removes one with its line', async () => {
    const added = editText(yaml, 'c.yaml', 'yaml', 'nested.limits.memory', { text: '2Gi', type: 'string' });
    await verifyEdit(yaml, added, 'c.yaml', 'yaml', 'nested.limits.memory', { text: '2Gi', type: 'string' });
    expect(added).toContain('        cpu: "1"\n        memory: 2Gi\n    # memory is set per env');
    const top = editText(yaml, 'c.yaml', 'yaml', 'NEW_FLAG', { text: 'true', type: 'boolean' });
    expect(top.endsWith('flow: {a: 1}\nNEW_FLAG: true\n')).toBe(true);
    const removed = editText(yaml, 'c.yaml', 'yaml', 'TIMEOUT_MS', null);
    await verifyEdit(yaml, removed, 'c.yaml', 'yaml', 'TIMEOUT_MS', null);
    expect(changedLines(yaml, removed)).toMatchObject({ added: [], removed: ['TIMEOUT_MS: 3000'] });
  });

  it('YAML: a string that would read as a number keeps its quotes; Helm values keep YAML 1.1 meaning', async () => {
    const plain = 'A: x\n';
    const after = editText(plain, 'c.yaml', 'yaml', 'A', { text: '007', type: 'string' });
    expect(after).toBe('A: "007"\n');
    const helm = editText('enabled: on\n', 'values.yaml', 'helm', 'enabled', { text: 'false', type: 'boolean' });
    expect((await readText(helm, 'values.yaml', 'helm')).values.get('enabled')!.text).toBe('false');
  });

  it('YAML manifests: edits the named object and the container env by identity', async () => {
    const manifests =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  A: "1"\n---\napiVersion: apps/v1\nkind: Deployment\n' +
      'metadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n' +
      '          env:\n            - name: X\n              value: "a"\n';
    for (const [key, value] of [
      ['ConfigMap/cfg.data.A', { text: '2', type: 'string' }],
      ['Deployment/web.containers[name=app].env[name=X].value', { text: 'b', type: 'string' }],
      ['Deployment/web.replicas', { text: '3', type: 'number' }],
    ] as Array<[string, TypedValue]>) {
      const after = editText(manifests, 'm.yaml', 'yaml', key, value);
      await verifyEdit(manifests, after, 'm.yaml', 'yaml', key, value);
      expect(changedLines(manifests, after).added).toHaveLength(1);
    }
    expect(() =>
      editText('apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {p: eA==}\n', 's.yaml', 'yaml', 'Secret/db.data.p', { text: 'x', type: 'string' }),
    ).toThrow(/never writes secrets/);
  });

  it('dotenv: keeps export, quoting and inline comments; appends new keys', async () => {
    const env = '# db\nexport DB_HOST=db.internal\nPASSWORD_HINT="see vault" # no secrets here\nEMPTY=\n';
    const edited = editText(env, '.env', 'dotenv', 'DB_HOST', { text: 'db2.internal', type: 'string' });
    expect(edited).toBe('# db\nexport DB_HOST=db2.internal\nPASSWORD_HINT="see vault" # no secrets here\nEMPTY=\n');
    const quoted = editText(env, '.env', 'dotenv', 'PASSWORD_HINT', { text: 'ask "ops"', type: 'string' });
    expect(quoted).toContain('PASSWORD_HINT="ask \\"ops\\"" # no secrets here\n');
    await verifyEdit(env, quoted, '.env', 'dotenv', 'PASSWORD_HINT', { text: 'ask "ops"', type: 'string' });
    expect(editText(env, '.env', 'dotenv', 'NEW', { text: 'a b', type: 'string' })).toBe(`${env}NEW="a b"\n`);
    expect(editText(env, '.env', 'dotenv', 'EMPTY', null)).toBe('# db\nexport DB_HOST=db.internal\nPASSWORD_HINT="see vault" # no secrets here\n');
  });

  it("JSON: rewrites a value in place, whatever the layout; adds keys with the file's indentation", async () => {
    const json = '{\n    "db": {"pool": 20, "host": "x"},\n    "flags": ["a"]\n}\n';
    const after = editText(json, 'c.json', 'json', 'db.pool', { text: '40', type: 'number' });
    expect(after).toBe('{\n    "db": {"pool": 40, "host": "x"},\n    "flags": ["a"]\n}\n');
    const added = editText(json, 'c.json', 'json', 'db.timeout', { text: '5', type: 'number' });
    await verifyEdit(json, added, 'c.json', 'json', 'db.timeout', { text: '5', type: 'number' });
    expect(added).toBe('{\n    "db": {"pool": 20, "host": "x", "timeout": 5},\n    "flags": ["a"]\n}\n');
  });

  it('.properties: by its own rules: separator and comments kept, continued values joined, escapes written, the winning line of a key set twice', async () => {
    const props = '# quotas\nquota.max = 5\ngreeting: hello \\\n    world\n! old\nquota.max=6\nname=a\n';
    const set = async (key: string, text: string | null, file = 'app.properties') => {
      const value = text === null ? null : { text, type: 'string' as const };
      const after = editText(props, file, 'properties', key, value);
      await verifyEdit(props, after, file, 'properties', key, value);
      return after;
    };
    // Java reads the later quota.max=6: that line is the one edited.
    expect(await set('quota.max', '7')).toBe('# quotas\nquota.max = 5\ngreeting: hello \\\n    world\n! old\nquota.max=7\nname=a\n');
    expect(await set('greeting', ' hi\\there\n')).toBe('# quotas\nquota.max = 5\ngreeting: \\ hi\\\\there\\n\n! old\nquota.max=6\nname=a\n');
    expect(await set('new.key', 'a=b')).toBe(`${props}new.key=a=b\n`);
    expect(await set('greeting', null)).toBe('# quotas\nquota.max = 5\n! old\nquota.max=6\nname=a\n');
    // Removing the later line would bring the earlier 5 back.
    await expect(set('quota.max', null)).rejects.toThrow('app.properties: quota.max is set on lines 2 and 6; remove it by hand');
    // Met while apply prepares its commits, the refusal names the decision it stops.
    const repo = await repoWithFiles({ 'app.properties': props });
    const step = {
      decision: { key: 'quota.max', env: 'production', action: 'revert' as const },
      files: [{ file: 'app.properties', format: 'properties' as const, env: 'production', key: 'quota.max', value: null }],
      contract: [],
      live: [],
      divergence: undefined,
      subject: 'drift(production): revert quota.max (remove it)',
    };
    await expect(prepareEdits(repo, [{ ...step, decisions: [step.decision] }], ['production'], 'decision', DEFAULT_READ_LIMITS)).rejects.toThrow(
      /^drift\(production\): revert quota\.max \(remove it\): app\.properties: quota\.max is set on lines 2 and 6; remove it by hand$/,
    );
    // A Spring file split into profile documents is left to a person.
    const spring = 'a=1\n#---\nspring.config.activate.on-profile=prod\na=2\n';
    expect(() => editText(spring, 'application.properties', 'properties', 'a', { text: '3', type: 'string' })).toThrow(/Spring documents/);
  });

  it('YAML and dotenv with a key set twice: other keys are edited; the twice-set key is refused naming its lines in the committed file', async () => {
    // The scan reads such a file (a warning: the later wins, as Helm does); apply refused the whole
    // file with "the file does not parse", and a .env removal said `reads as "30" instead of absent`.
    const values = 'replicaCount: 1\nenv:\n  LOG_LEVEL: debug\n  EXTRA: "1"\ndb:\n  host: db.staging\nreplicaCount: 2\n';
    const removed = editText(values, 'values-staging.yaml', 'helm', 'env.EXTRA', null);
    await verifyEdit(values, removed, 'values-staging.yaml', 'helm', 'env.EXTRA', null);
    expect(removed).toBe(values.replace('  EXTRA: "1"\n', ''));
    const changed = editText(values, 'values-staging.yaml', 'helm', 'db.host', { text: 'db.other', type: 'string' });
    expect(changed).toBe(values.replace('db.staging', 'db.other'));
    expect(() => editText(values, 'values-staging.yaml', 'helm', 'replicaCount', { text: '3', type: 'number' })).toThrow(
      'values-staging.yaml:7: "replicaCount" is set twice in one mapping (lines 1 and 7; the later is the one read): remove the earlier by hand, then apply replicaCount again; nothing was written',
    );
    const dotenv = 'A=1\nTIMEOUT=30\nTIMEOUT=45\nB=2\n';
    const after = editText(dotenv, '.env.staging', 'dotenv', 'TIMEOUT', null);
    await expect(verifyEdit(dotenv, after, '.env.staging', 'dotenv', 'TIMEOUT', null)).rejects.toThrow(
      `.env.staging:3: TIMEOUT is set twice (lines 2 and 3; the later is the one read), so removing it would leave line 2's "30": remove line 2 by hand first; nothing was written`,
    );
    // Met while apply prepares its commits, after an earlier decision removed a line above: the
    // lines named are the committed file's, where the user looks.
    const repo = await repoWithFiles({ 'values-staging.yaml': values });
    const step = (key: string, value: TypedValue | null, subject: string) => {
      const decision = { key, env: 'staging', action: 'revert' as const };
      return {
        decision,
        decisions: [decision],
        files: [{ file: 'values-staging.yaml', format: 'helm' as const, env: 'staging', key, value }],
        contract: [],
        live: [],
        divergence: undefined,
        subject,
      };
    };
    const steps = [
      step('env.EXTRA', null, 'drift(staging): revert env.EXTRA (remove it)'),
      step('replicaCount', { text: '3', type: 'number' }, 'drift(staging): revert replicaCount=3'),
    ];
    await expect(prepareEdits(repo, steps, ['staging'], 'decision', DEFAULT_READ_LIMITS)).rejects.toThrow(
      /^drift\(staging\): revert replicaCount=3: values-staging\.yaml:7: "replicaCount" is set twice in one mapping \(lines 1 and 7;/,
    );
  });

  it('.tfvars: splices the literal over the old one (alignment, comments and heredocs of other keys kept); adds top-level variables; removes a line', async () => {
    const tfvars =
      '# prod\ninstance_type = "t3.small"   # sized in OPS-12\nreplicas      = 3\n' +
      'tags = {\n  team  = "pay"\n  "cost-center" = "cc-9" // finance\n  "a.b" = 1\n}\nzones = ["a", "b"]\npolicy = <<EOF\n{"x": 1}\nEOF\nmonitoring = true\n';
    const cases: Array<[string, TypedValue, string]> = [
      ['instance_type', { text: 't3.large', type: 'string' }, 'instance_type = "t3.large"   # sized in OPS-12'],
      ['replicas', { text: '6', type: 'number' }, 'replicas      = 6'],
      ['tags.team', { text: 'payments', type: 'string' }, '  team  = "payments"'],
      ['tags.cost-center', { text: 'cc-"1"', type: 'string' }, '  "cost-center" = "cc-\\"1\\"" // finance'],
      ['zones', { text: '["a","c"]', type: 'list' }, 'zones = ["a", "c"]'],
      ['tags["a.b"]', { text: '2', type: 'number' }, '  "a.b" = 2'],
      ['monitoring', { text: 'false', type: 'boolean' }, 'monitoring = false'],
      // A template-looking text is written escaped: a variables file may not hold a template.
      ['instance_type', { text: '${var.size}', type: 'string' }, 'instance_type = "$${var.size}"   # sized in OPS-12'],
    ];
    for (const [key, value, line] of cases) {
      const after = editText(tfvars, 'env/prod.tfvars', 'tfvars', key, value);
      await verifyEdit(tfvars, after, 'env/prod.tfvars', 'tfvars', key, value);
      expect(changedLines(tfvars, after)).toEqual({
        added: [line],
        removed: [tfvars.split('\n').find((l) => l.startsWith(line.slice(0, 8)))!],
        lengths: [14, 14],
      });
    }
    const added = editText(tfvars, 'env/prod.tfvars', 'tfvars', 'max_pods', { text: '110', type: 'number' });
    expect(added).toBe(`${tfvars}max_pods = 110\n`);
    const list = editText(tfvars, 'env/prod.tfvars', 'tfvars', 'subnets', { text: '["s-1","s-2"]', type: 'list' });
    await verifyEdit(tfvars, list, 'env/prod.tfvars', 'tfvars', 'subnets', { text: '["s-1","s-2"]', type: 'list' });
    expect(list.endsWith('subnets = ["s-1", "s-2"]\n')).toBe(true);
    const removed = editText(tfvars, 'env/prod.tfvars', 'tfvars', 'instance_type', null);
    expect(removed).toBe(tfvars.replace('instance_type = "t3.small"   # sized in OPS-12\n', ''));
    // A heredoc replaced by a quoted string reads back as the same text.
    const policy = editText(tfvars, 'env/prod.tfvars', 'tfvars', 'policy', { text: '{"x": 2}\n', type: 'string' });
    await verifyEdit(tfvars, policy, 'env/prod.tfvars', 'tfvars', 'policy', { text: '{"x": 2}\n', type: 'string' });
    expect(policy).toContain('policy = "{\\"x\\": 2}\\n"\nmonitoring = true\n');
    // What a person must place: a new entry inside an object, a removal inside one, two attributes on a line.
    expect(() => editText(tfvars, 'env/prod.tfvars', 'tfvars', 'tags.owner', { text: 'sre', type: 'string' })).toThrow(/adds only top-level variables/);
    expect(() => editText(tfvars, 'env/prod.tfvars', 'tfvars', 'tags.team', null)).toThrow(/from inside a value/);
  });

  it('refuses what it cannot edit faithfully, with a clear message', () => {
    expect(() => editText('A: [1\n', 'c.yaml', 'yaml', 'A', { text: '2', type: 'number' })).toThrow(/does not parse/);
    expect(() => editText('list:\n  - name: a\n', 'c.yaml', 'yaml', 'list[name=b].value', { text: '2', type: 'number' })).toThrow(/no list item with name=b/);
  });

  it('the contract: adds an entry with each value, reason, owner and expiry; removes a stale one', () => {
    const contract = '# intended\nexpected_differences:\n  LOG_LEVEL:\n    staging: debug\n    production: warn\n';
    const added = editContract(contract, {
      file: 'c.yaml',
      key: 'NEW_AUTH_FLOW',
      allowed: { staging: { text: 'true', type: 'boolean' }, production: { text: 'false', type: 'boolean' } },
      reason: 'rollout until Q1',
      owner: 'auth-team',
      expires: '2027-03-31',
    });
    expect(added).toBe(
      `${contract}  NEW_AUTH_FLOW:\n    staging: true\n    production: false\n    reason: rollout until Q1\n    owner: auth-team\n    expires: 2027-03-31\n`,
    );
    expect(editContract(added, { file: 'c.yaml', key: 'LOG_LEVEL', allowed: null })).toBe(
      '# intended\nexpected_differences:\n  NEW_AUTH_FLOW:\n    staging: true\n    production: false\n    reason: rollout until Q1\n    owner: auth-team\n    expires: 2027-03-31\n',
    );
    expect(editContract(undefined, { file: 'c.yaml', key: 'A', allowed: { s: { text: '1', type: 'number' } } })).toContain(
      'expected_differences:\n  A:\n    s: 1\n',
    );
  });
});

// ---------------------------------------------------------------- properties

const identifier = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,11}$/);
const word = fc.stringMatching(/^[a-z][a-z0-9.-]{0,10}$/);
const scalarValue = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map((n) => ({ text: String(n), type: 'number' as const })),
  word.map((w) => ({ text: w, type: 'string' as const })),
  fc.boolean().map((b) => ({ text: String(b), type: 'boolean' as const })),
  fc.stringMatching(/^[a-z ]{1,12}$/).map((w) => ({ text: w.trim() || 'x', type: 'string' as const })),
);
const style = fc.constantFrom('plain', 'double', 'single');
const comment = fc.option(fc.stringMatching(/^[a-z ]{0,15}$/), { nil: undefined });

interface Entry {
  key: string;
  value: TypedValue;
  style: string;
  comment: string | undefined;
  blankBefore: boolean;
}
const entry = fc.record({ key: identifier, value: scalarValue, style, comment, blankBefore: fc.boolean() });
const entries = fc.uniqueArray(entry, { selector: (e) => e.key, minLength: 1, maxLength: 12 });

function yamlScalar(v: TypedValue, s: string): string {
  if (v.type !== 'string') return v.text;
  if (s === 'double') return JSON.stringify(v.text);
  if (s === 'single') return `'${v.text}'`;
  return /^[a-z][a-z0-9.-]*$/.test(v.text) && !['true', 'false', 'null', 'yes', 'no', 'on', 'off'].includes(v.text) && !/^[0-9.]+$/.test(v.text)
    ? v.text
    : JSON.stringify(v.text);
}

function renderYaml(list: Entry[], nested: boolean, indent: number): string {
  const pad = nested ? ' '.repeat(indent) : '';
  const lines = ['# generated', ...(nested ? ['app:'] : [])];
  for (const e of list) {
    if (e.blankBefore) lines.push('');
    if (e.comment !== undefined) lines.push(`${pad}# ${e.comment}`);
    lines.push(`${pad}${e.key}: ${yamlScalar(e.value, e.style)}${e.comment !== undefined && e.blankBefore ? `  # ${e.comment}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function renderDotenv(list: Entry[]): string {
  const lines = ['# generated'];
  for (const e of list) {
    if (e.blankBefore) lines.push('');
    if (e.comment !== undefined) lines.push(`# ${e.comment}`);
    const value = e.value.text.includes(' ') || e.style === 'double' ? JSON.stringify(e.value.text) : e.style === 'single' ? `'${e.value.text}'` : e.value.text;
    lines.push(`${e.blankBefore ? 'export ' : ''}${e.key}=${value}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('property: editing one key changes that key and nothing else', () => {
  it('in generated YAML files (flat or nested, 2 or 4 spaces)', async () => {
    await fc.assert(
      fc.asyncProperty(entries, fc.nat(), scalarValue, fc.boolean(), fc.constantFrom(2, 4), async (list, pick, value, nested, indent) => {
        const text = renderYaml(list, nested, indent);
        const target = list[pick % list.length]!;
        const key = nested ? `app.${target.key}` : target.key;
        const after = editText(text, 'g.yaml', 'yaml', key, value);
        await verifyEdit(text, after, 'g.yaml', 'yaml', key, value);
        const before = text.split('\n');
        const now = after.split('\n');
        expect(now.length).toBe(before.length);
        const differing = before.filter((line, i) => line !== now[i]);
        expect(differing.length).toBeLessThanOrEqual(1);
        if (differing.length === 1) expect(differing[0]).toContain(`${target.key}:`);
        for (const line of before.filter((l) => l.trim().startsWith('#'))) expect(now).toContain(line);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });

  it('in generated dotenv files', async () => {
    await fc.assert(
      fc.asyncProperty(entries, fc.nat(), scalarValue, async (list, pick, value) => {
        const text = renderDotenv(list);
        const target = list[pick % list.length]!;
        const after = editText(text, '.env.g', 'dotenv', target.key, value);
        await verifyEdit(text, after, '.env.g', 'dotenv', target.key, value);
        const before = text.split('\n');
        const now = after.split('\n');
        expect(now.length).toBe(before.length);
        expect(before.filter((line, i) => line !== now[i]).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});
