import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { readHistory } from '../../src/history/walk.js';
import { diffFlat, diffVersions, flatOf, VersionParser, type Version } from '../../src/history/versions.js';
import { cutUnits, knownChanges, recut } from '../../src/history/units.js';
import { readText } from '../../src/parse/read.js';
import { repoFromScenario } from '../support/repo.js';
import { versionsOf } from './versions-of.js';

// Helm values files shaped like real ones (one top-level list of apps, anchors at the top and in
// items, aliases, merge keys, block scalars) are cut into units below their top-level entries and
// parsed unit by unit with the anchors each uses. Every version must read exactly as a whole parse
// by the scan's own reader (the `yaml` library), and every history event must be the reference's.

const FILE = 'charts/app/values-staging.yaml';

interface App {
  name: string;
  tag: string;
  replicas: number;
  shared: boolean;
  merge: 'none' | 'plain' | 'tagged';
  anchor: boolean;
  uses: boolean;
  cron?: string[];
  env: Array<[string, string]>;
}

function helmHistory(seed: number, versions: number): string[] {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 12) % n);
  const VALUES = [
    '1',
    '0755',
    'on',
    'off',
    'yes',
    'null',
    '~',
    '1e3',
    '-5',
    'abc',
    '"quoted"',
    "'single'",
    'two words',
    '2026-01-02',
    '[1, 2]',
    '{a: 1}',
    '"a &x *y"',
    'x # &c',
    '012',
    '0x1F',
    '1_000',
  ];
  let seq = 0;
  const app = (): App => ({
    name: `app-${seq++}`,
    tag: `v${rand(9)}`,
    replicas: 1 + rand(4),
    shared: rand(2) === 0,
    merge: (['none', 'plain', 'tagged'] as const)[rand(3)]!,
    anchor: rand(4) === 0,
    uses: rand(3) === 0,
    ...(rand(3) === 0 ? { cron: ['0 1 * * * a', '5 * * * * b'] } : {}),
    env: Array.from({ length: 1 + rand(4) }, (_, k) => [`VAR_${k}`, VALUES[rand(VALUES.length)]!] as [string, string]),
  });
  const top = { memory: '1Gi', period: 5, indent: 0, padding: 0, comment: 0 };
  let apps = Array.from({ length: 12 }, app);
  const render = () => {
    const p = ' '.repeat(top.indent);
    const lines = [
      `# revision ${top.comment} (& and * in a comment: &nope *nope)`,
      'global:',
      '  domain: example.test',
      'defaults: &defaults',
      '  resources: &res',
      `    memory: ${top.memory}`,
      `  period: ${top.period}`,
      'probe: &probe',
      '  path: /healthz',
      `  period: ${top.period}`,
      'apps:',
    ];
    let previous: App | undefined;
    for (const a of apps) {
      lines.push(`${p}- name: ${a.name}`);
      lines.push(`${p}  values:${a.anchor ? ` &${a.name}` : ''}`);
      if (a.uses && previous?.anchor) lines.push(`${p}    <<: *${previous.name}`);
      else if (a.merge !== 'none') lines.push(`${p}    ${a.merge === 'tagged' ? '!!merge ' : ''}<<: *defaults`);
      lines.push(`${p}    tag: ${a.tag}`, `${p}    replicas: ${a.replicas}`);
      lines.push(a.shared ? `${p}    resources: *res` : `${p}    resources:\n${p}      memory: 256Mi`);
      lines.push(`${p}    probe:`, `${p}      <<: *probe`, `${p}      timeout: ${a.replicas}`);
      if (a.cron) lines.push(`${p}    cron: |`, ...a.cron.map((c) => `${p}      ${c}`));
      lines.push(`${p}    env:`);
      for (const [k, v] of a.env) lines.push(`${p}      - name: ${k}`, `${p}        value: ${v}`);
      for (let i = 0; i < top.padding; i++) lines.push(`${p}    pad${i}: ${'x'.repeat(40)}`);
      previous = a;
    }
    lines.push('tail: *res');
    return `${lines.join('\n')}\n`;
  };
  const out = [render()];
  for (let v = 1; v < versions; v++) {
    const a = apps[rand(apps.length)]!;
    switch (rand(12)) {
      case 0:
        top.indent = top.indent === 0 ? 2 : 0; // re-indent: no value changes
        break;
      case 1:
        top.memory = `${1 + rand(4)}Gi`; // an anchor at the top: every alias of it changes
        break;
      case 2:
        top.period = 1 + rand(20);
        break;
      case 3:
        apps.splice(rand(apps.length), 0, app());
        break;
      case 4:
        if (apps.length > 3) apps = apps.filter((x) => x !== a);
        break;
      case 5:
        a.anchor = !a.anchor; // an anchor in an item, merged by the next one
        break;
      case 6:
        a.name = apps[rand(apps.length)]!.name; // a repeated name: the list is read by index
        break;
      case 7:
        a.cron = [`${rand(60)} * * * * job`];
        break;
      case 8:
        top.comment++;
        break;
      case 9:
        top.padding = top.padding === 0 ? 60 : 0; // items large enough to be cut, or not
        break;
      default:
        a.tag = `v${rand(99)}`;
        a.env[rand(a.env.length)]![1] = VALUES[rand(VALUES.length)]!;
    }
    out.push(render());
  }
  return out;
}

const wholeRead = async (text: string) => {
  try {
    const read = await readText(text, FILE, 'helm');
    return new Map([...read.values].map(([key, value]) => [key, value.text]));
  } catch (e) {
    return (e as Error).message;
  }
};

describe('anchor-aware units of Helm values history', () => {
  for (const seed of [3, 11, 29]) {
    it(`reads every version as the whole-file parse does (seed ${seed})`, async () => {
      const parser = new VersionParser();
      const versions = helmHistory(seed, 80);
      for (const [i, text] of versions.entries()) {
        const parsed = parser.parse(Buffer.from(text), FILE, 'helm');
        if (parsed instanceof Promise) throw new Error('YAML is parsed synchronously');
        const whole = await wholeRead(text);
        if (typeof whole === 'string') {
          expect(parsed.ok, `version ${i}`).toBe(false);
          continue;
        }
        expect(parsed.ok, `version ${i}`).toBe(true);
        if (!parsed.ok) continue;
        expect(JSON.stringify([...flatOf(parsed.version)].sort()), `version ${i}`).toBe(JSON.stringify([...whole].sort()));
      }
      // The cut was used (not the whole parse), and a unit unchanged between versions is reused.
      expect(parser.stats.unitCut).toBeGreaterThan(versions.length / 2);
      expect(parser.stats.reused + parser.stats.kept).toBeGreaterThan(parser.stats.parsed);
      expect(parser.stats.recut).toBeGreaterThan(0);
      // An edited anchor re-resolves the units that alias it: they are not parsed again.
      expect(parser.stats.resolved).toBeGreaterThan(0);
      // ... and their flat pieces are their last resolutions' patched, not flattened again.
      expect(parser.stats.patched).toBeGreaterThan(0);
    });
  }

  it('reads versions kept as bytes (ASCII) and as decoded text (not ASCII) alike, in any order', async () => {
    // An ASCII version is cut from git's bytes, a version with other characters from its decoded
    // text; a cut made from one kind of version is carried into the other (character offsets).
    const parser = new VersionParser();
    // Stretches of versions with a comment not in ASCII, then a value, between ASCII ones.
    let n = 0;
    const versions = helmHistory(7, 60).map((text, i) =>
      i >= 15 && i < 30
        ? text.replace(/(- name: [^\n]+)\n/, '$1 # café — 日本\n')
        : i >= 40 && i < 55
          ? text.replace(/tag: (v\d+)\n/g, (all: string, tag: string) => (++n % 3 === 1 ? `tag: "${tag}-ünï"\n` : all))
          : text,
    );
    let other = 0;
    for (const [i, text] of versions.entries()) {
      if (/[^\x00-\x7f]/.test(text)) other++;
      const parsed = parser.parse(Buffer.from(text), FILE, 'helm');
      if (parsed instanceof Promise) throw new Error('YAML is parsed synchronously');
      const whole = await wholeRead(text);
      if (typeof whole === 'string') {
        expect(parsed.ok, `version ${i}`).toBe(false);
        continue;
      }
      expect(parsed.ok, `version ${i}`).toBe(true);
      if (parsed.ok) expect(JSON.stringify([...flatOf(parsed.version)].sort()), `version ${i}`).toBe(JSON.stringify([...whole].sort()));
    }
    expect(other).toBeGreaterThan(20);
    expect(parser.stats.recut).toBeGreaterThan(10);
  });

  it('reads an edit among items from the last version only where no later item aliases what it changed', async () => {
    // Named items, some defining an anchor that a later one merges; edits of a defining item's
    // values, items inserted and removed before aliasing ones (their dependencies move).
    type Item = { name: string; cpu: number; anchor?: string; merges?: string };
    let items: Item[] = Array.from({ length: 30 }, (_, i) => ({
      name: `app-${i}`,
      cpu: i,
      ...(i % 7 === 2 ? { anchor: `base${i}` } : {}),
      ...(i % 7 === 5 ? { merges: `base${i - 3}` } : {}),
    }));
    const render = () =>
      `global:\n  domain: example.test\napps:\n` +
      items
        .map(
          (it) =>
            `  - name: ${it.name}\n    values:${it.anchor ? ` &${it.anchor}` : ''}\n` +
            // A merging item takes its cpu from the anchor it merges.
            (it.merges ? `      <<: *${it.merges}\n` : `      cpu: ${it.cpu}\n`) +
            `      note: ${'x'.repeat(160)}\n`,
        )
        .join('');
    const parser = new VersionParser();
    const read = async (step: string) => {
      const text = render();
      const parsed = parser.parse(Buffer.from(text), FILE, 'helm');
      if (parsed instanceof Promise || !parsed.ok) throw new Error(`${step}: not read`);
      expect(JSON.stringify([...flatOf(parsed.version)].sort()), step).toBe(JSON.stringify([...((await wholeRead(text)) as Map<string, string>)].sort()));
    };
    await read('first');
    items[2]!.cpu = 100; // defines base2, merged by app-5: app-5 changes too
    await read('anchor value');
    items[10]!.cpu = 101; // nothing aliases app-10
    await read('plain item');
    items.splice(4, 0, { name: 'new-a', cpu: 7 }); // before app-5, which depends on app-2
    await read('inserted');
    items[9]!.cpu = 102; // after the insertion
    await read('after insert');
    items = items.filter((it) => it.name !== 'new-a' && it.name !== 'app-14');
    await read('removed');
    items[16]!.cpu = 103; // app-16 defines base16, merged by app-19
    await read('anchor value again');
    // A later definition of base16 right after app-16's, two items before app-19 (which merges it now).
    items.splice(items.findIndex((it) => it.name === 'app-16') + 1, 0, { name: 'new-b', cpu: 8, anchor: 'base16' });
    await read('redefined');
    items[18]!.cpu = 104;
    await read('the redefinition edited');
    expect(parser.stats.recut).toBeGreaterThan(3);
  });

  it('reads an item whose scalars were rewritten in place as the whole parse does, wherever the line is', async () => {
    // An edited item is read from its last version's parse with the new scalar set (no parse) only
    // where the line is a plain key over plain keys and list items; every other place (a key
    // written twice, plain or quoted; a line inside a block scalar or a quoted scalar that looks
    // like a key; a merge beside it) must read as the whole parse all the same.
    const VALUES = ['1', '0755', 'on', 'yes', 'null', '1e3', '-5', 'abc', '2026-01-02', '0x1F', '1_000', '012', 'true', 'v1.2.3', '+7', '0o17', 'a/b', 'x.y'];
    let state = 5;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 12) % n);
    const slots = [
      'tag',
      'replicas',
      'dup1',
      'dup2',
      'plain',
      'quoted',
      'period',
      'continued',
      'script',
      'host',
      'port',
      'envValue',
      'secretKey',
      'first',
      'other',
    ];
    const items = Array.from({ length: 16 }, (_, i) => new Map(slots.map((slot) => [slot, VALUES[(i + slot.length) % VALUES.length]!])));
    const shape = (i: number) => i % 4; // which of the tricky lines the item holds
    const render = () =>
      `probe: &probe\n  path: /healthz\n  period: 3\napps:\n` +
      items
        .map((v, i) => {
          const lines = [
            `  - name: app-${i}`,
            `    first: ${v.get('first')}`,
            '    helmValues:',
            `      replicaCount: ${v.get('replicas')}`,
            '      image:',
            `        tag: ${v.get('tag')}`,
          ];
          if (shape(i) === 1) lines.push(`      dup: ${v.get('dup1')}`, `      dup: ${v.get('dup2')}`);
          if (shape(i) === 2) lines.push(`      plain: ${v.get('plain')}`, `      "plain": ${v.get('quoted')}`);
          else lines.push(`      plain: ${v.get('plain')}`);
          lines.push('      probe:', '        <<: *probe', `        period: ${v.get('period')}`);
          if (shape(i) === 3) lines.push('      note: "multi', `        period: ${v.get('continued')}`, '        end"');
          lines.push('      script: |', `        period: ${v.get('script')}`);
          lines.push('      hosts:', `      - name: ${v.get('host')}`, `        port: ${v.get('port')}`);
          lines.push(
            '      extraEnv:',
            '        - name: A',
            `          value: ${v.get('envValue')}`,
            '        - valueFrom:',
            '            secretKeyRef:',
            `              key: ${v.get('secretKey')}`,
          );
          lines.push(`    other: ${v.get('other')}`);
          return `${lines.join('\n')}\n`;
        })
        .join('');
    const parser = new VersionParser();
    for (let version = 0; version < 160; version++) {
      if (version > 0) items[rand(items.length)]!.set(slots[rand(slots.length)]!, VALUES[rand(VALUES.length)]!);
      const text = render();
      const parsed = parser.parse(Buffer.from(text), FILE, 'helm');
      if (parsed instanceof Promise) throw new Error('YAML is parsed synchronously');
      const whole = await wholeRead(text);
      if (typeof whole === 'string') {
        expect(parsed.ok, `version ${version}`).toBe(false);
        continue;
      }
      expect(parsed.ok, `version ${version}`).toBe(true);
      if (parsed.ok) expect(JSON.stringify([...flatOf(parsed.version)].sort()), `version ${version}`).toBe(JSON.stringify([...whole].sort()));
    }
    // Most edits were read from the last version's parse, and some places were parsed.
    expect(parser.stats.scalarPatched).toBeGreaterThan(60);
    expect(parser.stats.parsed).toBeGreaterThan(items.length + 5);
  });

  it('reads again only the units an edit touched, and those aliasing an anchor it edited', async () => {
    // 2 top-level entries defining anchors and 40 items, every other one merging `*probe`.
    const render = (tags: string[], path: string) =>
      `defaults: &defaults\n  cpu: 1\n  memory: 1Gi\nprobe: &probe\n  path: ${path}\n  port: 3000\napps:\n` +
      tags
        .map(
          (tag, i) =>
            `  - name: app-${i}\n    image:\n      tag: ${tag}\n    resources: *defaults\n` +
            (i % 2 === 0 ? `    probe:\n      <<: *probe\n      periodSeconds: ${i}\n` : '') +
            `    note: ${'x'.repeat(60)}\n`,
        )
        .join('');
    const tags = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const parser = new VersionParser();
    const read = async (text: string) => {
      const before = parser.stats.kept;
      const parsed = parser.parse(Buffer.from(text), FILE, 'helm');
      if (parsed instanceof Promise || !parsed.ok) throw new Error('not read');
      expect(JSON.stringify([...flatOf(parsed.version)].sort())).toBe(JSON.stringify([...((await wholeRead(text)) as Map<string, string>)].sort()));
      return parser.stats.kept - before;
    };
    expect(await read(render(tags, '/ready'))).toBe(0);
    // One item's tag: the 41 other units are taken over unread.
    tags[7] = 'v99';
    expect(await read(render(tags, '/ready'))).toBe(41);
    // The probe anchor: it and the 20 items merging it are read again, the other 21 units kept.
    expect(await read(render(tags, '/healthz'))).toBe(21);
    // Both at once (two places apart): the same units.
    tags[31] = 'v98';
    expect(await read(render(tags, '/live'))).toBe(20);
    expect(parser.stats.unitCut).toBe(4);
  });

  it("knows an anchor edit's changes whichever version was read first (the history is read newest first)", () => {
    const render = (path: string) =>
      `probe: &probe\n  path: ${path}\n  port: 3000\napps:\n` +
      Array.from(
        { length: 40 },
        (_, i) =>
          `  - name: app-${i}\n    image:\n      tag: v${i}\n` +
          (i % 10 === 0 ? `    probe:\n      <<: *probe\n      period: ${i}\n` : '') +
          `    note: ${'x'.repeat(60)}\n`,
      ).join('');
    const parser = new VersionParser();
    const read = (text: string): Version => {
      const parsed = parser.parse(Buffer.from(text), FILE, 'helm');
      if (parsed instanceof Promise || !parsed.ok) throw new Error('not read');
      return parsed.version;
    };
    // As the walk reads them: the newer version first, then its parent.
    const newer = read(render('/healthz'));
    const older = read(render('/ready'));
    expect(parser.stats.patched).toBe(4);
    /** The reference: every piece compared key by key (copies, which no patch is known for). */
    const compared = (before: Version, after: Version) =>
      before.chunks.flatMap((chunk, i) => (chunk === after.chunks[i] ? [] : diffFlat(new Map(chunk), new Map(after.chunks[i]))));
    const changed = older.chunks.flatMap((chunk, i) => (chunk === newer.chunks[i] ? [] : [i]));
    expect(changed).toHaveLength(5); // the anchor's entry and the 4 items merging it
    // Each item's piece was patched from its newer one: its changes are known both ways.
    for (const i of changed.slice(1)) {
      expect(knownChanges(newer.chunks[i]!, older.chunks[i]!)).toBeDefined();
      expect(knownChanges(older.chunks[i]!, newer.chunks[i]!)).toBeDefined();
    }
    expect(diffVersions(older, newer)).toEqual(compared(older, newer));
    expect(diffVersions(newer, older)).toEqual(compared(newer, older));
    expect(diffVersions(older, newer).filter((c) => c.key.startsWith('apps['))).toEqual(
      [0, 10, 20, 30].map((i) => ({ key: `apps[name=app-${i}].probe.path`, from: '/ready', to: '/healthz' })),
    );
  });

  it('cuts a version from the previous one exactly as cutting it whole does', () => {
    // Each version cut from its predecessor's cut (as history reads them, newest first, and the
    // other way round) must equal the cut of its whole text: units, offsets, anchors and owners.
    const plain = (cut: ReturnType<typeof cutUnits>) => cut && { units: cut.units.map(({ id: _id, ...unit }) => unit), owners: cut.owners };
    let recuts = 0;
    let compared = 0;
    for (const seed of [3, 7, 11, 29, 41]) {
      const versions = helmHistory(seed, 120);
      for (const order of [versions, [...versions].reverse()]) {
        let last: { text: string; cut: NonNullable<ReturnType<typeof cutUnits>> } | undefined;
        for (const [i, text] of order.entries()) {
          const whole = cutUnits(text);
          // Only a cut with items to take over can be made from the last one.
          if (last?.cut.owners.length && whole?.owners.length) {
            const cut = recut(last.text, last.cut, text);
            compared++;
            if (cut) {
              recuts++;
              expect(plain(cut), `seed ${seed}, version ${i}`).toEqual(plain(whole));
            }
          }
          last = whole && { text, cut: whole };
        }
      }
    }
    // Most edits are inside one item: those versions are cut from the previous one.
    expect(recuts).toBeGreaterThan(compared / 2);
  });

  it('cuts an edit of anchors at the top (and the comment beside them) from the previous cut, not whole', () => {
    // The usual anchor edit of a Helm values file: top-level entries above the list of apps, each
    // small enough not to be cut itself. Only those entries are cut anew; the items are taken over.
    const plain = (cut: ReturnType<typeof cutUnits>) => cut && { units: cut.units.map(({ id: _id, ...unit }) => unit), owners: cut.owners };
    const render = (revision: number, memory: string, extra: string) =>
      `# header\nglobal: x\nregion: y\n# revision ${revision}\ndefaults: &defaults\n  memory: ${memory}\n${extra}probe: &probe\n  path: /p\n\napps:\n` +
      Array.from({ length: 30 }, (_, i) => `  - name: app-${i}\n    resources: *defaults\n    probe:\n      <<: *probe\n    note: ${'x'.repeat(120)}\n`).join(
        '',
      ) +
      'tail: *defaults\n';
    const edits = [
      [render(1, '1Gi', ''), render(2, '2Gi', '')],
      [render(1, '1Gi', ''), render(1, '1Gi', 'added: &added 1\n')],
      [render(1, '1Gi', 'added: 1\n'), render(1, '1Gi', '')],
      [render(1, '1Gi', ''), render(1, '1Gi', '  cpu: 2\n# a comment\n- item\n')],
    ];
    for (const [i, [before, after]] of edits.entries()) {
      const cut = recut(before!, cutUnits(before!)!, after!);
      expect(cut, `edit ${i}`).toBeDefined();
      expect(plain(cut), `edit ${i}`).toEqual(plain(cutUnits(after!)));
    }
    // A top-level entry grown large enough to be cut itself is left to the whole cut.
    expect(recut(render(1, '1Gi', ''), cutUnits(render(1, '1Gi', ''))!, render(1, '1Gi', `big:\n${'  - a: 1\n'.repeat(600)}`))).toBeUndefined();
  });

  it('cuts a version from the previous one as cutting it whole does, after random edits of the text', () => {
    // Edits anywhere: joined and split lines, items and top-level keys typed into the list,
    // indentation changed, comments. Either the cut from the previous version is refused, or it
    // equals the whole cut.
    const plain = (cut: ReturnType<typeof cutUnits>) => cut && { units: cut.units.map(({ id: _id, ...unit }) => unit), owners: cut.owners };
    const INSERTS = ['\n', '\n- ', '\nkey: v\n', '  ', ' ', '\n  - name: z\n', '\n    x: 1', '#', ':', '- ', '-', '\n\n', 'x', '\n---\n', '\t', '&a ', '*a'];
    let state = 99;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), (state >>> 12) % n);
    let recuts = 0;
    const cutAt = (indent: string) => (text: string) => !!cutUnits(text)?.owners.length && text.includes(`apps:\n${indent}- name`);
    const starts = [5, 13].flatMap((seed) => [helmHistory(seed, 60).find(cutAt(''))!, helmHistory(seed, 60).find(cutAt('  '))!]);
    for (const [seed, start] of starts.entries()) {
      let text = start;
      for (let step = 0; step < 600; step++) {
        if (step % 40 === 0) text = start;
        const cut = cutUnits(text);
        if (!cut) {
          text = start;
          continue;
        }
        const at = rand(text.length);
        const edited = rand(2) === 0 ? text.slice(0, at) + text.slice(at + 1 + rand(30)) : text.slice(0, at) + INSERTS[rand(INSERTS.length)]! + text.slice(at);
        const again = recut(text, cut, edited);
        if (again) {
          recuts++;
          expect(plain(again), `seed ${seed}, step ${step}`).toEqual(plain(cutUnits(edited)));
        }
        text = edited;
      }
    }
    expect(recuts).toBeGreaterThan(100);
  });

  it('gives every event of reading each version whole, over a real git history', async () => {
    const versions = helmHistory(5, 40);
    const commits = versions.map((text, c) => ({
      at: `2026-03-${String(1 + Math.floor(c / 24)).padStart(2, '0')}T${String(c % 24).padStart(2, '0')}:00:00Z`,
      author: c % 2 ? 'ana' : 'ben',
      message: `change ${c}`,
      write: { [FILE]: text },
    }));
    const repo = await repoFromScenario({ commits });
    const envs: EnvironmentConfig[] = [{ name: 'staging', files: [FILE], format: 'auto' }];
    const history = await readHistory(repo, envs, { cache: false });
    expect(history.stats.parse?.unitCut).toBeGreaterThan(0);
    const reference = new Map<string, string[]>();
    let before = new Map<string, string | null>();
    for (const { subject, text } of await versionsOf(repo, FILE)) {
      const after = await wholeRead(text!);
      if (typeof after === 'string') continue;
      for (const key of new Set([...before.keys(), ...after.keys()])) {
        // A Helm values file's null is no value, as the history reads it (history/stack.ts withoutNulls).
        const from = before.has(key) && before.get(key) !== 'null' ? before.get(key)! : null;
        const to = after.has(key) && after.get(key) !== 'null' ? after.get(key)! : null;
        if (from !== to) reference.set(key, [`${subject}: ${from ?? '∅'}→${to ?? '∅'}`, ...(reference.get(key) ?? [])]);
      }
      before = after;
    }
    const engine = history.envs.get('staging')!;
    expect(new Set(engine.keys())).toEqual(new Set(reference.keys()));
    for (const [key, events] of reference)
      expect(
        engine.get(key)!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`),
        key,
      ).toEqual(events);
  });
});
