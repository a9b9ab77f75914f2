// Run by yaml-bounds.test.ts in a child process with a small heap: reads each generated YAML text
// with undrift's reader (the built one) and prints one JSON line per case, then the peak RSS.
import { parseYaml } from '../../dist/parse/yaml.js';
import { VersionParser } from '../../dist/history/versions.js';
import { shortValue } from '../../dist/wording/text.js';
import { readLimitsOf } from '../../dist/model/limits.js';

const value = 'x'.repeat(390);
const keys = (count, line) => Array.from({ length: count }, (_, i) => line(`KEY_${String(i).padStart(6, '0')}`, i)).join('\n') + '\n';

const CASES = {
  // 12 MB of double-quoted values: the library's own reading held 32 bytes per character (384 MB).
  'double-quoted values': () => keys(30_000, (k, i) => `${k}: "${value}\\t${i}"`),
  'one double-quoted value of 12 MB': () => `K: "${'y'.repeat(12_000_000)}"\n`,
  'a block scalar of 600,000 lines': () => `K: |\n${'  y\n'.repeat(600_000)}`,
  'a single-quoted value over 600,000 lines': () => `K: 'a${'\n y'.repeat(600_000)}'\n`,
  // Counted, not built: refused at a tenth of the default (limits.yamlItems: 50,000) the same way.
  'a flow list of 60,000 items': () => `K: [${'0, '.repeat(60_000)}0]\n`,
  'a block list of 30,000 items': () => `K:\n${'  - 1\n'.repeat(30_000)}`,
  'a flow list nested 1,000 deep': () => `K: ${'['.repeat(1_000)}${']'.repeat(1_000)}\n`,
  'tagged double-quoted values of 1.2 MB': () => keys(3_000, (k) => `${k}: !!str "${value}"`),
};

// Historic versions, read by history's parser (js-yaml for most versions): js-yaml alone held
// ~80 bytes per line of a block scalar (973 MB for 12.5 million lines) and died in this heap.
// js-yaml reads tagged double-quoted values the scan's reader counts against yamlQuotedChars; it
// gives up past 10,000 merged keys or 100 maps in one merge list, where the scan reads on.
const services = (defaults, count) =>
  `top:\n  inner:\n    defaults: &d\n${Array.from({ length: defaults }, (_, i) => `      opt_${i}: ${i}\n`).join('')}    services:\n${Array.from(
    { length: count },
    (_, s) => `      svc_${s}:\n        <<: *d\n${s === 7 ? '        opt_3: own\n' : ''}`,
  ).join('')}`;
const HISTORY = {
  'history: a block scalar of 4,000,000 lines': () => `K: |\n${'  y\n'.repeat(4_000_000)}`,
  'history: tagged double-quoted values of 1.2 MB': () => keys(3_000, (k) => `${k}: !!str "${value}"`),
  'history: 120 services merging 100 defaults': () => services(100, 120),
  'history: one merge list of 101 maps': () =>
    `${Array.from({ length: 101 }, (_, i) => `m${i}: &m${i} {k${i}: ${i}}\n`).join('')}svc:\n  <<: [${Array.from({ length: 101 }, (_, i) => `*m${i}`).join(', ')}]\n`,
  // Past js-yaml's merge work (640,000 keys), then counted by the scan's reader, not built: refused
  // at a hundredth of the default (limits.expandedValues: 50,000).
  'history: 800 services merging 800 defaults, limits.expandedValues 50,000': () => services(800, 800),
};
for (const [name, make] of Object.entries(HISTORY)) {
  const limits = readLimitsOf(/expandedValues/.test(name) ? { expandedValues: 50_000 } : {});
  const read = await new VersionParser(undefined, limits).parse(Buffer.from(make()), 'big.yaml', 'yaml');
  const flat = read.ok ? new Map(read.version.chunks.flatMap((chunk) => [...chunk])) : undefined;
  console.log(
    JSON.stringify(
      read.ok
        ? {
            name,
            keys: flat.size,
            sample: flat.get('top.inner.services.svc_7.opt_3') ?? flat.get('svc.k100') ?? null,
            last: flat.get('top.inner.services.svc_119.opt_99') ?? null,
          }
        : { name, error: read.error },
    ),
  );
}

// A value as the table shows it (cut to its ends): rendered whole, one 45 MB value was split into
// 45 million characters (over a gigabyte) before being cut to 40.
const cell = shortValue(`${'y'.repeat(45_000_000)}\n`, 40);
console.log(JSON.stringify({ name: 'a table cell of one 45 MB value', keys: 1, sample: cell }));

for (const [name, make] of Object.entries(CASES)) {
  let outcome;
  const limits = readLimitsOf(/ items$/.test(name) ? { yamlItems: 50_000 } : {});
  try {
    const { docs } = parseYaml(make(), 'big.yaml', '1.2', limits);
    const top = docs[0]?.value;
    outcome = { name, keys: top && typeof top === 'object' ? Object.keys(top).length : 0, sample: top?.KEY_000007 ?? null };
  } catch (e) {
    outcome = { name, error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
  }
  console.log(JSON.stringify(outcome));
}
console.log(JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
