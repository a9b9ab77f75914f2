import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS } from '../../src/model/limits.js';
import { PROCESS_FINGERPRINT } from '../../src/parse/fingerprint.js';
import { patchRead, yamlScalarReader } from '../../src/parse/patch-read.js';
import { readYaml } from '../../src/parse/read.js';
import { readConfig } from '../../src/sources/repo/config-file.js';
import { ReadCache } from '../../src/sources/repo/read-cache.js';

// After a commit that rewrites a few scalars, the kept read of the file is patched instead of the
// file read whole. Whenever the patch answers, it must be exactly the whole read (the same keys in
// the same order, the same values field for field): random edits of a values file with anchors,
// aliases, merges, keyed lists, quoted and YAML 1.1 scalars, repeated keys and a manifest.

const FILE = 'charts/values-staging.yaml';

function values(rand: (n: number) => number): string {
  const lines = [
    '# defaults',
    'environment: staging',
    'defaultResources: &res',
    '  limits:',
    '    cpu: 1',
    '    memory: 1100Mi',
    'probe: &probe',
    '  port: 3000',
    '  path: /ready',
    'apps:',
  ];
  for (let i = 0; i < 12; i++) {
    lines.push(`  - name: app-${i}`);
    lines.push(`    helmValues: &app-${i}`);
    if (rand(2) === 0) lines.push('      <<: *probe');
    lines.push(`      replicas: ${rand(5)}`);
    lines.push('      image:');
    lines.push(`        tag: v1.${rand(9)}.${i}`);
    lines.push(`      resources: *res`);
    lines.push(`      mode: ${['on', 'yes', '0755', '1_000', '1:30', '~', "'quoted'", '"dq"', 'plain'][rand(9)]}`);
    if (rand(3) === 0) lines.push(`      mode: again-${i}`); // a repeated key: the later one is read
    lines.push('      env:');
    lines.push(`        - name: URL_${i}`);
    lines.push(`          value: https://app-${i}.example.test`);
    lines.push('      hosts:');
    lines.push(`        - a-${i}.example.test`);
    if (i > 0 && rand(3) === 0) lines.push(`    other: *app-${i - 1}`);
  }
  return `${lines.join('\n')}\n`;
}

const NEW_SCALARS = [
  '2',
  'v9.9.9',
  'on',
  'off',
  'no',
  '0755',
  '0o17',
  '1_000',
  '1:30',
  '~',
  'null',
  "'x'",
  '"y"',
  'a b',
  '*res',
  '&z q',
  '[1]',
  '{}',
  'x # c',
  '"e\\"q"',
  '2026-01-02',
  '.inf',
  'true',
  '',
];

function edit(text: string, rand: (n: number) => number): string {
  const lines = text.split('\n');
  const entries = lines.flatMap((line, i) => (/^ *(?:- )?[A-Za-z0-9_]+: \S/.test(line) ? [i] : []));
  const count = 1 + rand(2);
  for (let n = 0; n < count; n++) {
    const i = rand(5) === 0 ? rand(lines.length) : entries[rand(entries.length)]!;
    const m = /^( *(?:- )?[A-Za-z0-9_]+: )(.*)$/.exec(lines[i]!);
    if (m) lines[i] = `${m[1]}${NEW_SCALARS[rand(NEW_SCALARS.length)]}`;
    else lines[i] = `${lines[i]} # note`;
  }
  return lines.join('\n');
}

describe('patchRead', () => {
  for (const format of ['helm', 'yaml'] as const) {
    it(`equals a whole read wherever it answers (${format}, random scalar edits)`, () => {
      let state = format === 'helm' ? 7 : 11;
      const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 12) % n);
      const version = format === 'helm' ? '1.1' : '1.2';
      const readScalar = yamlScalarReader(FILE, format, DEFAULT_READ_LIMITS, PROCESS_FINGERPRINT);
      let patched = 0;
      let tried = 0;
      for (let round = 0; round < 60; round++) {
        const before = values(rand);
        const after = edit(before, rand);
        let whole;
        try {
          whole = readYaml(after, FILE, version, DEFAULT_READ_LIMITS, PROCESS_FINGERPRINT);
        } catch {
          continue; // an edit that makes the file unreadable: the whole read reports it
        }
        const kept = readYaml(before, FILE, version, DEFAULT_READ_LIMITS, PROCESS_FINGERPRINT);
        tried++;
        const patch = patchRead(before, after, kept.values, FILE, readScalar);
        if (!patch) continue;
        patched++;
        expect([...patch.entries()]).toEqual([...whole.values.entries()]);
        expect(JSON.stringify([...patch])).toBe(JSON.stringify([...whole.values]));
        expect(whole.warnings).toEqual(kept.warnings);
      }
      // The test must exercise the patch, and must see edits it refuses.
      expect(patched).toBeGreaterThanOrEqual(5);
      expect(patched).toBeLessThan(tried);
    });
  }

  it('patches every alias and merge of an edited anchor, and refuses what only a whole read can say', () => {
    const before = 'base: &b\n  cpu: 1\n  mem: 2\nx: *b\ny:\n  <<: *b\n  mem: 3\n';
    const readScalar = yamlScalarReader(FILE, 'yaml', DEFAULT_READ_LIMITS, PROCESS_FINGERPRINT);
    const kept = readYaml(before, FILE, '1.2', DEFAULT_READ_LIMITS, PROCESS_FINGERPRINT).values;
    const after = before.replace('cpu: 1', 'cpu: 4');
    const patch = patchRead(before, after, kept, FILE, readScalar)!;
    expect(['base.cpu', 'x.cpu', 'y.cpu'].map((k) => patch.get(k)?.text)).toEqual(['4', '4', '4']);
    expect(patch.get('y.mem')?.text).toBe('3');
    expect(patchRead(before, before.replace('mem: 3', 'mem: 3 # why'), kept, FILE, readScalar)).toBeUndefined();
    expect(patchRead(before, `${before}z: 1\n`, kept, FILE, readScalar)).toBeUndefined();
    const list = 'apps:\n  - name: a\n    v: 1\n  - name: b\n    v: 2\n';
    const listRead = readYaml(list, FILE, '1.2', DEFAULT_READ_LIMITS, PROCESS_FINGERPRINT).values;
    expect(patchRead(list, list.replace('name: a', 'name: c'), listRead, FILE, readScalar)).toBeUndefined();
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: abc\n';
    const secretRead = readYaml(secret, FILE, '1.2', DEFAULT_READ_LIMITS, PROCESS_FINGERPRINT, true).values;
    expect(patchRead(secret, secret.replace('abc', 'def'), secretRead, FILE, readScalar)).toBeUndefined();
  });
});

describe('ReadCache with a patch', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads a changed file as a whole read would, from the kept read and the text kept beside it', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'undrift-patch-'));
    dirs.push(repo);
    const cacheDir = path.join(repo, 'cache');
    const file = 'values-staging.yaml';
    const text = 'image:\n  tag: v1 # the release\nreplicas: 2\nres: &r\n  cpu: 1\nother: *r\n';
    writeFileSync(path.join(repo, file), text);
    await readConfig(repo, file, 'helm', PROCESS_FINGERPRINT, new ReadCache(cacheDir));
    const texts = readdirSync(cacheDir).filter((f) => f.endsWith('.text'));
    expect(texts).toHaveLength(1);
    for (const [changed, from] of [
      [text.replace('replicas: 2', 'replicas: 3').replace('cpu: 1', 'cpu: 2'), 'patched'],
      // The text kept beside the read is not the one its key names: read whole, never patched from it.
      [text.replace('replicas: 2', 'replicas: 5'), 'tampered'],
    ] as const) {
      if (from === 'tampered') writeFileSync(path.join(cacheDir, texts[0]!), text.replace('cpu: 1', 'cpu: 9'));
      writeFileSync(path.join(repo, file), changed);
      const cached = await readConfig(repo, file, 'helm', PROCESS_FINGERPRINT, new ReadCache(cacheDir));
      const whole = await readConfig(repo, file, 'helm', PROCESS_FINGERPRINT);
      expect(JSON.stringify([...cached.values])).toBe(JSON.stringify([...whole.values]));
      expect(cached.warnings).toEqual(whole.warnings);
    }
  });

  it('takes the kept read over where the change is a scalar rewritten in place', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'undrift-patch-'));
    dirs.push(repo);
    const cacheDir = path.join(repo, 'cache');
    const file = 'values.yaml';
    writeFileSync(path.join(repo, file), 'a: 1\nb: 2\n');
    await readConfig(repo, file, 'yaml', PROCESS_FINGERPRINT, new ReadCache(cacheDir));
    // A mark in the kept read that no read of the file gives: it survives only a patch.
    const kept = path.join(
      cacheDir,
      readdirSync(cacheDir).find((f) => f.endsWith('.json'))!,
    );
    writeFileSync(kept, readFileSync(kept, 'utf8').replace('"text":"1"', '"text":"kept"'));
    writeFileSync(path.join(repo, file), 'a: 1\nb: 3\n');
    const read = await readConfig(repo, file, 'yaml', PROCESS_FINGERPRINT, new ReadCache(cacheDir));
    expect([read.values.get('a')?.text, read.values.get('b')?.text]).toEqual(['kept', '3']);
  });
});
