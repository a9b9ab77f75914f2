import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editContract } from '../../src/actions/contract-edit.js';
import { decodeBytes, editBytes, editText, verifyEdit, type TypedValue } from '../../src/actions/edit.js';
import type { EditFormat } from '../../src/actions/plan.js';
import { readText } from '../../src/parse/read.js';

const str = (text: string): TypedValue => ({ text, type: 'string' });
const num = (text: string): TypedValue => ({ text, type: 'number' });

/** Edits, checks the re-read, and returns the edited text. */
async function edit(text: string, file: string, format: EditFormat, key: string, value: TypedValue | null): Promise<string> {
  const after = editText(text, file, format, key, value);
  await verifyEdit(text, after, file, format, key, value);
  return after;
}

describe('edits touch only the lines of the key they edit', () => {
  const yaml = [
    '# database',
    'db:',
    '  host: "pg.prod"   # primary',
    '  port: 5432',
    '',
    '  # cache settings',
    '  cache: {ttl: 60}',
    "  name: 'payments'  # quoted",
    'flags: [a, b]',
    '',
  ].join('\n');

  it('inserting a nested key keeps inline-comment spacing, flow styles and quoting elsewhere', async () => {
    const after = await edit(yaml, 'c.yaml', 'yaml', 'db.pool.max', num('20'));
    expect(after).toBe(yaml.replace("  name: 'payments'  # quoted\n", "  name: 'payments'  # quoted\n  pool:\n    max: 20\n"));
    const flow = await edit(yaml, 'c.yaml', 'yaml', 'db.cache.size', num('100'));
    expect(flow).toBe(yaml.replace('  cache: {ttl: 60}', '  cache: {ttl: 60, size: 100}'));
    const top = await edit(yaml, 'c.yaml', 'yaml', 'region.primary', str('eu-west-1'));
    expect(top).toBe(`${yaml}region:\n  primary: eu-west-1\n`);
  });

  it('removing a key takes its line only; a map left empty goes with it', async () => {
    expect(await edit(yaml, 'c.yaml', 'yaml', 'db.port', null)).toBe(yaml.replace('  port: 5432\n', ''));
    expect(await edit(yaml, 'c.yaml', 'yaml', 'db.cache.ttl', null)).toBe(yaml.replace('  cache: {ttl: 60}\n', ''));
    const two = 'a: {x: 1, y: 2}\nb: 1\n';
    expect(await edit(two, 'c.yaml', 'yaml', 'a.x', null)).toBe('a: {y: 2}\nb: 1\n');
    expect(await edit(two, 'c.yaml', 'yaml', 'a.y', null)).toBe('a: {x: 1}\nb: 1\n');
  });

  it('JSON files (values, manifests, tfvars JSON) keep indentation and key order', async () => {
    const values = '{\n  "replicas": 2,\n  "image": {\n    "tag": "1.8.2"\n  }\n}\n';
    expect(await edit(values, 'values.json', 'json', 'image.tag', str('1.8.3'))).toBe(values.replace('"1.8.2"', '"1.8.3"'));
    expect(await edit(values, 'values.json', 'json', 'image.pullPolicy', str('Always'))).toBe(
      '{\n  "replicas": 2,\n  "image": {\n    "tag": "1.8.2",\n    "pullPolicy": "Always"\n  }\n}\n',
    );
    expect(await edit(values, 'values.json', 'json', 'resources.cpu', str('1'))).toBe(
      '{\n  "replicas": 2,\n  "image": {\n    "tag": "1.8.2"\n  },\n  "resources": {"cpu": "1"}\n}\n',
    );
    expect(await edit(values, 'values.json', 'json', 'replicas', null)).toBe('{\n  "image": {\n    "tag": "1.8.2"\n  }\n}\n');
    const manifest = '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "json-config"},\n  "data": {\n    "A": "1"\n  }\n}\n';
    expect(await edit(manifest, 'k8s/cm.json', 'manifests', 'ConfigMap/json-config.data.B', str('2'))).toBe(
      manifest.replace('"A": "1"', '"A": "1",\n    "B": "2"'),
    );
    expect(await edit(manifest, 'k8s/cm.json', 'json', 'ConfigMap/json-config.data.A', str('3'))).toBe(manifest.replace('"A": "1"', '"A": "3"'));
    const tfvars = '{"instance_type": "t3.small", "tags": {"team": "pay"}}\n';
    expect(await edit(tfvars, 'env/prod.tfvars.json', 'json', 'tags.owner', str('sre'))).toBe(
      '{"instance_type": "t3.small", "tags": {"team": "pay", "owner": "sre"}}\n',
    );
  });

  it('the contract: declaring one entry leaves every other entry, inline comment and blank line as written', () => {
    const contract =
      '# intended\nexpected_differences:\n  LOG_LEVEL:   # per env\n    staging: debug\n    production: warn   # quiet\n' +
      '\n  "*_HOST":\n    staging: /\\.staging\\./\n    production: /\\.prod\\./\n    reason: own databases\n';
    const added = editContract(contract, {
      file: 'c.yaml',
      key: 'NEW_AUTH_FLOW',
      allowed: { staging: str('true'), production: str('false') },
      reason: 'rollout: phase 1 # of 3',
    });
    expect(added).toBe(`${contract}  NEW_AUTH_FLOW:\n    staging: "true"\n    production: "false"\n    reason: "rollout: phase 1 # of 3"\n`);
    const redeclared = editContract(contract, {
      file: 'c.yaml',
      key: 'LOG_LEVEL',
      allowed: { staging: str('info'), production: str('warn') },
      reason: 'noise',
      owner: 'sre',
    });
    expect(redeclared).toBe(
      contract.replace(
        '  LOG_LEVEL:   # per env\n    staging: debug\n    production: warn   # quiet\n',
        '  LOG_LEVEL:\n    staging: info\n    production: warn\n    reason: noise\n    owner: sre\n',
      ),
    );
    expect(editContract(contract, { file: 'c.yaml', key: '*_HOST', allowed: null })).toBe(contract.replace(/\n {2}"\*_HOST":[\s\S]*$/, '\n'));
  });
});

describe('files of several documents', () => {
  it('edits the document a key names: a Spring profile, an anonymous document by its place, a manifest by kind/name', async () => {
    const spring = 'server:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\nserver:\n  port: 80   # behind the LB\n';
    expect(await edit(spring, 'application.yml', 'yaml', '[profile=prod].server.port', num('443'))).toBe(spring.replace('port: 80 ', 'port: 443 '));
    expect(await edit(spring, 'application.yml', 'yaml', 'server.port', num('9090'))).toBe(spring.replace('port: 8080', 'port: 9090'));
    const two = 'a: 1\n---\na: 2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {A: "1"}\n';
    expect(await edit(two, 'm.yaml', 'yaml', '[1].a', num('3'))).toBe(two.replace('a: 2', 'a: 3'));
    expect(await edit(two, 'm.yaml', 'yaml', 'ConfigMap/c.data.B', str('2'))).toBe(two.replace('{A: "1"}', '{A: "1", B: "2"}'));
  });
});

describe('edits are byte-exact in any encoding', () => {
  it('Latin-1 bytes elsewhere in the file stay as they were (and the re-read compares them)', async () => {
    const bytes = Buffer.concat([Buffer.from('city: M', 'latin1'), Buffer.from([0xfc]), Buffer.from('nchen\nTIMEOUT: 3000\n', 'latin1')]);
    expect(decodeBytes(bytes).encoding.name).toBe('latin1');
    const after = await editBytes(bytes, 'c.yaml', 'yaml', 'TIMEOUT', num('10000'));
    expect(after.equals(Buffer.concat([Buffer.from('city: M'), Buffer.from([0xfc]), Buffer.from('nchen\nTIMEOUT: 10000\n')]))).toBe(true);
    await expect(editBytes(bytes, 'c.yaml', 'yaml', 'TIMEOUT', str('≥ 3s'))).rejects.toThrow(
      'c.yaml is not UTF-8 (read as Latin-1), and the new value has characters Latin-1 cannot hold; edit it by hand',
    );
  });

  it('a UTF-8 BOM and CRLF line endings are kept, also on inserted lines', async () => {
    const bytes = Buffer.from('\uFEFFa: 1\r\nb:\r\n  c: 2\r\n', 'utf8');
    const changed = await editBytes(bytes, 'c.yaml', 'yaml', 'a', num('5'));
    expect(changed.toString('utf8')).toBe('\uFEFFa: 5\r\nb:\r\n  c: 2\r\n');
    const inserted = await editBytes(bytes, 'c.yaml', 'yaml', 'b.d.e', str('x'));
    expect(inserted.toString('utf8')).toBe('\uFEFFa: 1\r\nb:\r\n  c: 2\r\n  d:\r\n    e: x\r\n');
    const env = Buffer.from('\uFEFFA=1\r\nB=2\r\n', 'utf8');
    expect((await editBytes(env, '.env', 'dotenv', 'A', str('3'))).toString('utf8')).toBe('\uFEFFA=3\r\nB=2\r\n');
  });

  it("refuses an edit that would rewrite a comment or another key's line", async () => {
    await expect(verifyEdit('a: 1\n# note\nb: 2\n', 'a: 5\nb: 2\n', 'c.yaml', 'yaml', 'a', num('5'))).rejects.toThrow(
      'c.yaml:2: editing a would also rewrite the comment "# note"; nothing was written',
    );
    await expect(verifyEdit('a: 1\nb:   2\nc: 3\n', 'a: 5\nb: 2\nc: 3\n', 'c.yaml', 'yaml', 'a', num('5'))).rejects.toThrow(
      'c.yaml:2: editing a would also rewrite the line of b; nothing was written',
    );
  });
});

// ---------------------------------------------------------------- properties

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);
const scalar = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map((n) => num(String(n))),
  fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}$/).map(str),
  fc.constantFrom('a b', 'x: y', 'it # is', '007', 'true').map(str),
);
/** A tree of maps whose leaves are scalars: the file's content, and the keys in it. */
type Tree = { [k: string]: Tree | TypedValue };
const isLeaf = (v: Tree | TypedValue): v is TypedValue => typeof (v as TypedValue).text === 'string' && typeof (v as TypedValue).type === 'string';
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.dictionary(name, fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('tree')), { minKeys: 1, maxKeys: 5 }),
})).tree;

function leaves(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (isLeaf(v) ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

const yamlValue = (v: TypedValue) => (v.type === 'number' ? v.text : /^[a-z][a-z0-9.-]*$/.test(v.text) ? v.text : JSON.stringify(v.text));

function renderYaml(t: Tree, indent: number, depth = 0, flowAt = -1, comments = true): string[] {
  const pad = ' '.repeat(depth * indent);
  return Object.entries(t).flatMap(([k, v], i) => {
    const lead = comments && i % 2 === 1 ? [`${pad}# about ${k}`] : [];
    const blank = comments && i === 2 ? [''] : [];
    if (isLeaf(v)) return [...blank, ...lead, `${pad}${k}: ${yamlValue(v)}${comments && i % 3 === 0 ? `   # was ${k}` : ''}`];
    if (depth === flowAt || Object.keys(v).length === 0) return [...blank, ...lead, `${pad}${k}: ${JSON.stringify(toPlain(v))}`];
    return [...blank, ...lead, `${pad}${k}:`, ...renderYaml(v, indent, depth + 1, flowAt, comments)];
  });
}

function toPlain(t: Tree): unknown {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, isLeaf(v) ? (v.type === 'number' ? Number(v.text) : v.text) : toPlain(v)]));
}

/** Lines of `before` that are not in `after`, and the reverse (as multisets, in order). */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const b = before.split('\n');
  const a = after.split('\n');
  let head = 0;
  while (head < b.length && head < a.length && b[head] === a[head]) head++;
  let tail = 0;
  while (tail < b.length - head && tail < a.length - head && b[b.length - 1 - tail] === a[a.length - 1 - tail]) tail++;
  return { removed: b.slice(head, b.length - tail), added: a.slice(head, a.length - tail) };
}

type Op = { kind: 'change' | 'remove' | 'insert'; pick: number; value: TypedValue; extra: string };
const op = fc.record({ kind: fc.constantFrom<Op['kind']>('change', 'remove', 'insert'), pick: fc.nat(), value: scalar, extra: name });

function keyFor(t: Tree, o: Op): string {
  const keys = leaves(t);
  const key = keys[o.pick % keys.length]!;
  if (o.kind !== 'insert') return key;
  // A new key next to an existing one (same map), or a new map below the top.
  const parent = key.includes('.') ? key.slice(0, key.lastIndexOf('.') + 1) : '';
  const taken = new Set(keys);
  let fresh = `${parent}n_${o.extra}`;
  while (taken.has(fresh) || keys.some((k) => k.startsWith(`${fresh}.`))) fresh += '_';
  return o.pick % 2 === 0 ? fresh : `${fresh}.leaf`;
}

describe('property: a random edit of a generated file changes only its own lines and re-reads as intended', () => {
  it('YAML (block and flow maps, comments, blank lines, 2 or 4 spaces)', async () => {
    await fc.assert(
      fc.asyncProperty(tree, op, fc.constantFrom(2, 4), fc.integer({ min: -1, max: 2 }), async (t, o, indent, flowAt) => {
        const text = `# generated\n${renderYaml(t, indent, 0, flowAt).join('\n')}\n`;
        const key = keyFor(t, o);
        const value = o.kind === 'remove' ? null : o.value;
        const after = await edit(text, 'g.yaml', 'yaml', key, value);
        const { removed, added } = lineDiff(text, after);
        for (const line of removed)
          expect(line.trim() === '' || line.trim().startsWith('#'), `a comment or blank line was rewritten: ${JSON.stringify(line)}`).toBe(false);
        if (o.kind === 'insert') expect(removed.length).toBeLessThanOrEqual(1);
        // A change rewrites one line; a removal also takes the maps it leaves empty.
        if (o.kind === 'change') expect(removed.length).toBeLessThanOrEqual(1);
        if (o.kind === 'remove') expect(removed.length).toBeLessThanOrEqual(key.split('.').length);
        for (const line of added) expect(line.trim().startsWith('#')).toBe(false);
        const read = await readText(after, 'g.yaml', 'yaml');
        expect(read.values.get(key)?.text).toBe(value === null ? undefined : value.text);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('JSON (pretty or compact)', async () => {
    await fc.assert(
      fc.asyncProperty(tree, op, fc.constantFrom(0, 2, 4), async (t, o, indent) => {
        const text = `${JSON.stringify(toPlain(t), null, indent)}\n`;
        const key = keyFor(t, o);
        const value = o.kind === 'remove' ? null : o.value;
        const after = await edit(text, 'g.json', 'json', key, value);
        const { removed } = lineDiff(text, after);
        // The member's lines, the comma before it, and the objects it leaves empty.
        if (indent > 0) expect(removed.length).toBeLessThanOrEqual(o.kind === 'change' ? 1 : 2 * key.split('.').length + 1);
        const read = await readText(after, 'g.json', 'json');
        expect(read.values.get(key)?.text).toBe(value === null ? undefined : value.text);
        expect(() => JSON.parse(after)).not.toThrow();
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('dotenv (comments, export, quotes, CRLF)', async () => {
    const entries = fc.uniqueArray(
      fc.record({ key: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,7}$/), value: scalar, exported: fc.boolean(), comment: fc.boolean() }),
      { selector: (e) => e.key, minLength: 1, maxLength: 10 },
    );
    await fc.assert(
      fc.asyncProperty(entries, op, fc.constantFrom('\n', '\r\n'), async (list, o, eol) => {
        const written = (text: string) => (/^[a-z0-9.-]+$/.test(text) ? text : JSON.stringify(text));
        const text = `# generated${eol}${list.map((e) => `${e.comment ? `# ${e.key}${eol}` : ''}${e.exported ? 'export ' : ''}${e.key}=${written(e.value.text)}`).join(eol)}${eol}`;
        const target = list[o.pick % list.length]!;
        const key = o.kind === 'insert' ? `NEW_${target.key}` : target.key;
        const value = o.kind === 'remove' ? null : o.value;
        const bytes = Buffer.from(text);
        const after = (await editBytes(bytes, '.env.g', 'dotenv', key, value)).toString('utf8');
        const { removed, added } = lineDiff(text, after);
        expect(removed.length).toBeLessThanOrEqual(1);
        expect(added.every((l) => l.endsWith('\r') === (eol === '\r\n') || l === '')).toBe(true);
        const read = await readText(after, '.env.g', 'dotenv');
        expect(read.values.get(key)?.text).toBe(value === null ? undefined : value.text);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
