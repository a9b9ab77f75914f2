// The scenario builder returns each step's commit, in story order, across branches and merges.
import { describe, expect, it } from 'vitest';
import { buildScenario, setKeys, unsetKeys } from '../../src/scenario/build.js';
import { parseScenario } from '../../src/scenario/scenario.js';
import { readText } from '../../src/parse/read.js';
import { UserError } from '../../src/errors.js';
import { AUTHORS, git, tempDir } from '../support/repo.js';

describe('buildScenario', () => {
  it('returns the commit of every step, oldest first, through branches and merges', async () => {
    const dir = await tempDir();
    const scenario = parseScenario(
      {
        name: 't',
        authors: AUTHORS,
        commits: [
          { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'one', write: { 'a.yaml': 'A: 1\n' } },
          { at: '2026-01-02T10:00:00Z', author: 'ben', checkout: 'side', message: 'two', set: { 'a.yaml': { A: 2 } } },
          { at: '2026-01-03T10:00:00Z', author: 'ana', checkout: 'main', message: 'three', write: { 'b.yaml': 'B: 1\n' } },
          { at: '2026-01-04T10:00:00Z', author: 'ana', merge: 'side', message: 'four' },
        ],
      },
      't',
    );
    const shas = await buildScenario(scenario, dir);
    const bySubject = new Map((await git(dir, 'log', '--all', '--format=%s %H')).split('\n').map((l) => l.split(' ') as [string, string]));
    expect(shas).toEqual(['one', 'two', 'three', 'four'].map((s) => bySubject.get(s)));
    expect((await git(dir, 'log', '-1', '--format=%P', shas[3]!)).split(' ')).toEqual([shas[2], shas[1]]);
  });

  it('writes branches and merges with one fast-import, hash for hash as git committing each step', async () => {
    const commits = [
      { at: '2026-01-01T10:00:00Z', author: 'ana', message: 'one', write: { 'a.yaml': 'A: 1\n', 'b.yaml': 'B: 1\n', 'd/c.env': 'C=1\n' } },
      { at: '2026-01-02T10:00:00Z', author: 'ben', checkout: 'side', message: 'side: a, rename d', set: { 'a.yaml': { A: 2 } }, rename: { d: 'e' } },
      { at: '2026-01-03T10:00:00Z', author: 'ana', checkout: 'main', message: 'main: b', set: { 'b.yaml': { B: 2 } }, delete: ['a.yaml'] },
      { at: '2026-01-04T10:00:00Z', author: 'ana', message: 'restore a', write: { 'a.yaml': 'A: 3\n' } },
      // a.yaml changed on both sides: the merge writes it (as a person resolving the conflict).
      { at: '2026-01-05T10:00:00Z', author: 'ana', committer: 'ben', merge: 'side', message: 'merge side', write: { 'a.yaml': 'A: 4\n' } },
      { at: '2026-01-06T10:00:00Z', author: 'ben', checkout: 'side', message: 'side again', set: { 'e/c.env': { C: 2 } } },
      { at: '2026-01-07T10:00:00Z', author: 'ben', checkout: 'main', merge: 'side', message: 'merge side again' },
      { at: '2026-01-08T10:00:00Z', author: 'ana', merge: 'side', message: 'already merged: a plain commit' },
      { at: '2026-01-09T10:00:00Z', author: 'ana', checkout: 'side', message: 'end on side', write: { 'f.yaml': 'F: 1\n' } },
    ];
    const scenario = parseScenario({ name: 't', authors: AUTHORS, commits }, 't');
    const [imported, committed] = [await tempDir(), await tempDir()];
    const shas = await buildScenario(scenario, imported);
    expect(shas).toEqual(await buildScenario(scenario, committed, { stepByStep: true }));
    // Written by fast-import (no reflog of nine commits), and checked out where the story ended.
    expect(await git(imported, 'reflog')).not.toMatch(/commit/);
    expect(await git(imported, 'status', '--porcelain')).toBe('');
    expect(await git(imported, 'rev-parse', 'HEAD')).toBe(shas[8]);
    expect((await git(imported, 'log', '-1', '--format=%P', shas[6]!)).split(' ')).toEqual([shas[4], shas[5]]);
  });

  it('set: in a .env file keeps a trailing `# comment` outside the quotes, as a comment of the line', async () => {
    // `TIMEOUT: "3000 # lowered after INC-2"` was written `TIMEOUT="3000 # lowered after INC-2"`: the
    // comment became part of the value every reader saw.
    const text = 'TIMEOUT=5000\nNAME=x\nROUTE=a\n';
    const out = setKeys(text, '.env.production', { TIMEOUT: '3000 # lowered after INC-2', NAME: 'a b   # the display name', ROUTE: 'slack:#alerts' });
    expect(out).toBe('TIMEOUT=3000 # lowered after INC-2\nNAME="a b" # the display name\nROUTE="slack:#alerts"\n');
    const read = await readText(out, '.env.production', 'dotenv');
    expect(read.values.get('TIMEOUT')?.text).toBe('3000');
    expect(read.values.get('NAME')?.text).toBe('a b');
    // A '#' inside a word is the value's, not a comment.
    expect(read.values.get('ROUTE')?.text).toBe('slack:#alerts');
  });

  it("set: and unset: edit .properties by Java's rules, not as YAML", () => {
    const props = '# limits\ntranslation.quota = 100\ntranslation.url=https://x\n';
    expect(setKeys(props, 'config/app.properties', { 'translation.quota': 250, 'new.flag': true })).toBe(
      '# limits\ntranslation.quota = 250\ntranslation.url=https://x\nnew.flag=true\n',
    );
    expect(unsetKeys(props, 'config/app.properties', ['translation.url'])).toBe('# limits\ntranslation.quota = 100\n');
  });

  it('set: and unset: edit a file of several documents by the keys the scan names them by (one parsed document could not hold them)', () => {
    const manifests =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG_LEVEL: info # OPS-2\n---\n' +
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: app\nspec:\n  minAvailable: 2\n';
    expect(setKeys(manifests, 'deploy/prod/app.yaml', { 'ConfigMap/app.data.LOG_LEVEL': 'debug', 'PodDisruptionBudget/app.spec.minAvailable': 1 })).toBe(
      manifests.replace('LOG_LEVEL: info', 'LOG_LEVEL: debug').replace('minAvailable: 2', 'minAvailable: 1'),
    );
    expect(unsetKeys(manifests, 'deploy/prod/app.yaml', ['ConfigMap/app.data.LOG_LEVEL'])).not.toMatch(/LOG_LEVEL/);
    const spring = 'server:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: staging\nserver:\n  port: 9090\n';
    expect(setKeys(spring, 'application.yml', { '[profile=staging].server.port': 9191 })).toBe(spring.replace('9090', '9191'));
  });

  it('set: and unset: edit .tfvars as HCL, not as YAML (a story could only write whole files before)', () => {
    const tfvars = '# prod\nnode_count = 3 # OPS-1\ntags = {\n  team = "pay"\n}\n';
    expect(setKeys(tfvars, 'env/prod.tfvars', { node_count: 6, 'tags.team': 'core', spot: true })).toBe(
      '# prod\nnode_count = 6 # OPS-1\ntags = {\n  team = "core"\n}\nspot = true\n',
    );
    expect(unsetKeys(tfvars, 'env/prod.tfvars', ['node_count'])).toBe('# prod\ntags = {\n  team = "pay"\n}\n');
  });

  it("set: and unset: take the scan's path syntax where a segment holds a dot (a contract entry named payments.timeout)", () => {
    const contract = 'expected_differences:\n  payments.timeout: {staging: 10, production: 3}\n';
    expect(setKeys(contract, 'config/expected-env-diff.yaml', { 'expected_differences["payments.timeout"].production': 5 })).toBe(
      'expected_differences:\n  payments.timeout: {staging: 10, production: 5}\n',
    );
    expect(unsetKeys(contract, 'config/expected-env-diff.yaml', ['expected_differences["payments.timeout"]'])).toBe('expected_differences: {}\n');
    // JSON keeps its layout too (it was re-printed two spaces deep).
    expect(setKeys('{"hosts": ["a", "b"]}', 'config/prod.json', { 'hosts[1]': 'c' })).toBe('{"hosts": ["a", "c"]}');
    // Plain dotted keys still nest, as every existing scenario writes them.
    expect(setKeys('a: 1\n', 'x.yaml', { 'b.c': 2 })).toBe('a: 1\nb:\n  c: 2\n');
  });

  it('set: and unset: find a list item by the identity the scan names it by (containers[name=app])', () => {
    const manifest = 'spec:\n  containers:\n    - name: sidecar\n      image: envoy:1\n    - name: app\n      image: shop:1\n';
    expect(setKeys(manifest, 'k8s/deploy.yaml', { 'spec.containers[name=app].image': 'shop:2' })).toBe(manifest.replace('shop:1', 'shop:2'));
    expect(unsetKeys(manifest, 'k8s/deploy.yaml', ['spec.containers[name=sidecar].image'])).toBe(manifest.replace('      image: envoy:1\n', ''));
    const json = '{"apps": [{"id": 7, "on": false}]}';
    expect(setKeys(json, 'apps.json', { 'apps[id=7].on': true })).toBe('{"apps": [{"id": 7, "on": true}]}');
    expect(() => setKeys(manifest, 'k8s/deploy.yaml', { 'spec.containers[name=worker].image': 'x' })).toThrow('no list item with name=worker');
  });

  // set: goes through the editor apply uses (actions/edit.ts): only the value's own text changes.
  it('set: keeps a comment on the edited line, the blanks before it, and a flow map as written, where the Document API re-printed them', () => {
    expect(setKeys('timeout: 30 # raised for INC-12\nother: 1\n', 'config/prod.yaml', { timeout: 45 })).toBe('timeout: 45 # raised for INC-12\nother: 1\n');
    expect(setKeys('x:\n  timeout: "30"   # raised for INC-12\n', 'config/prod.yaml', { 'x.timeout': '45' })).toBe(
      'x:\n  timeout: "45"   # raised for INC-12\n',
    );
    // An empty value: the new one keeps the blank before the comment (`45# raised` reads as the value).
    expect(setKeys('timeout: # raised for INC-12\n', 'config/prod.yaml', { timeout: 45 })).toBe('timeout: 45 # raised for INC-12\n');
    expect(setKeys('TIMEOUT=30 # raised for INC-12\nNAME="a b" # shown\n', '.env.production', { TIMEOUT: 45, NAME: 'c d' })).toBe(
      'TIMEOUT=45 # raised for INC-12\nNAME="c d" # shown\n',
    );
  });

  it('set: edits a value inside a quoted flow-map key (a: {"b.c": 1}) in place', () => {
    expect(setKeys('a: {"b.c": 1, d: x}  # why\nz: 3\n', 'config/prod.yaml', { 'a["b.c"]': 2 })).toBe('a: {"b.c": 2, d: x}  # why\nz: 3\n');
    expect(setKeys("a: {'b.c': {ttl: 1}}\n", 'config/prod.yaml', { 'a["b.c"].ttl': 2 })).toBe("a: {'b.c': {ttl: 2}}\n");
    expect(setKeys('{\n  "a": {"b.c": 1}\n}\n', 'config/prod.json', { 'a["b.c"]': 2 })).toBe('{\n  "a": {"b.c": 2}\n}\n');
  });

  it('set: in a file of several documents names the document as the scan does, and refuses a key that could be any of them', () => {
    const two = 'a: 1\nhosts:\n  - {name: x, port: 80}  # edge\n---\na: 2\nhosts:\n  - {name: x, port: 81}\n';
    expect(setKeys(two, 'config/prod.yaml', { '[1].hosts[name=x].port': 8080 })).toBe(two.replace('port: 81', 'port: 8080'));
    // It went into the first document, whichever held the key.
    expect(() => setKeys(two, 'config/prod.yaml', { a: 3 })).toThrow(
      'config/prod.yaml: a does not say which document: the file holds 2 without a kind or profile ([0], [1] hold it); name it as the scan does, [0].a; nothing was written',
    );
    expect(() => setKeys(two, 'config/prod.yaml', { '[2].a': 3 })).toThrow(
      'config/prod.yaml: no document [2] (it holds 2 without a kind or profile, [0] to [1])',
    );
  });

  it('set: on a file left mid-merge is refused in one line naming file:line, in every format', () => {
    const conflict = (a: string, b: string) => `<<<<<<< HEAD\n${a}\n=======\n${b}\n>>>>>>> hotfix\n`;
    const cases: Array<[string, string, Record<string, string | number>]> = [
      ['config/prod.yaml', `x: 1\n${conflict('timeout: 30', 'timeout: 45')}`, { x: 2 }],
      ['config/prod.json', `{\n${conflict('"timeout": 30', '"timeout": 45')}}\n`, { timeout: 2 }],
      ['.env.production', `X=1\n${conflict('TIMEOUT=30', 'TIMEOUT=45')}`, { X: 2 }],
      ['config/app.properties', `x=1\n${conflict('timeout=30', 'timeout=45')}`, { x: 2 }],
      ['env/prod.tfvars', `x = 1\n${conflict('timeout = 30', 'timeout = 45')}`, { x: 2 }],
    ];
    for (const [file, text, keys] of cases) {
      const line = text.split('\n').indexOf('<<<<<<< HEAD') + 1;
      expect(() => setKeys(text, file, keys)).toThrow(
        new UserError(`${file}:${line}: an unresolved merge conflict (<<<<<<< ... >>>>>>>): resolve it, then run undrift again; nothing was written`),
      );
    }
  });
});
