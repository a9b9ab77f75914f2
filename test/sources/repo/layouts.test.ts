import { describe, expect, it } from 'vitest';
import { loadConfig, type EnvironmentConfig } from '../../../src/config/load.js';
import { readHistory } from '../../../src/history/walk.js';
import { applySpringProfiles } from '../../../src/parse/documents.js';
import { formatOfFile } from '../../../src/parse/format.js';
import { readText } from '../../../src/parse/read.js';
import { repoFromScenario } from '../../support/repo.js';
import { commitsOf, readVersions } from '../../support/versions.js';

// A corpus of real-shaped repositories, one per layout, each with a generated history (base and
// override files edited apart and together, repeated keys pasted in, Spring profile documents
// inserted and removed). The layout is discovered as a user would have it, and every event of
// every environment is compared with the reference: each version of each file of the stack read
// whole with the consuming tool's semantics, layered base first, diffed with the commit before.

type Render = (values: Map<string, string>, rand: (n: number) => number) => string;

const yaml: Render = (values, rand) => {
  const groups = new Map<string, string[]>();
  for (const [key, value] of values) {
    const [top, inner] = key.split('.');
    groups.set(top!, [...(groups.get(top!) ?? []), inner ? `  ${inner}: ${value}\n` : `${value}`]);
  }
  let text = [...groups].map(([top, lines]) => (lines[0]!.startsWith('  ') ? `${top}:\n${lines.join('')}` : `${top}: ${lines[0]}\n`)).join('');
  // A key pasted twice: the later wins, as Helm, Psych and SnakeYAML read it.
  if (rand(4) === 0 && groups.size > 0) {
    const [top, lines] = [...groups][rand(groups.size)]!;
    text += lines[0]!.startsWith('  ') ? `${top}:\n${lines.join('')}` : `${top}: ${['7', 'dup', 'on'][rand(3)]}\n`;
  }
  return text || '{}\n';
};

const dotenv: Render = (values, rand) => {
  const lines = [...values].map(([k, v]) => `${k.replace('.', '_').toUpperCase()}=${v}\n`);
  if (rand(4) === 0 && lines.length > 0) lines.push(lines[rand(lines.length)]!.replace(/=.*/, '=pasted\n'));
  return lines.join('');
};

const json: Render = (values) => {
  const out: Record<string, Record<string, string> | string> = {};
  for (const [key, value] of values) {
    const [top, inner] = key.split('.');
    if (inner) out[top!] = { ...((out[top!] as Record<string, string>) ?? {}), [inner]: value };
    else out[top!] = value;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
};

const tfvars: Render = (values) => {
  const groups = new Map<string, string[]>();
  for (const [key, value] of values) {
    const [top, inner] = key.split('.');
    groups.set(top!, [...(groups.get(top!) ?? []), inner ? `  ${inner} = "${value}"\n` : `"${value}"`]);
  }
  return (
    [...groups].map(([top, lines]) => (lines[0]!.startsWith('  ') ? `${top} = {\n${lines.join('')}}\n` : `${top} = ${lines[0]}\n`)).join('') || '# empty\n'
  );
};

/** Spring: the defaults document, and sometimes a document for the prod profile after it. */
const spring: Render = (values, rand) => {
  const base = yaml(values, () => 1);
  if (rand(2) === 0) return base;
  return `${base}---\nspring:\n  config:\n    activate:\n      on-profile: prod\nfeature:\n  flag: ${['on', 'off', 'x'][rand(3)]}\n`;
};

/** Java/Spring .properties: `key=value`, sometimes `key: value`, a key pasted twice. */
const properties: Render = (values, rand) => {
  const lines = [...values].map(([k, v]) => (rand(3) === 0 ? `${k}: ${v}\n` : `${k}=${v}\n`));
  if (rand(4) === 0 && lines.length > 0) lines.push(lines[rand(lines.length)]!.replace(/[=:].*/, '=pasted\n'));
  return `# generated\n${lines.join('')}`;
};

/** Rails settings through ERB: an output tag in a value, sometimes inside a control block. */
const erb: Render = (values, rand) =>
  `${yaml(values, rand)}${rand(2) === 0 ? '<% if ENV["X"] %>\nextra: <%= ENV["X"] %>\n<% end %>\n' : 'url: redis://<%= ENV["HOST"] %>:6379\n'}`;

interface LayoutCase {
  name: string;
  /** Files as the repository holds them, each with how it is written. */
  files: Record<string, Render>;
  /** The files each environment's stack should be discovered as, base first. */
  expected: Record<string, string[]>;
}

const CASES: LayoutCase[] = [
  {
    name: 'Helm values-<env>.yaml over values.yaml',
    files: { 'chart/values.yaml': yaml, 'chart/values-staging.yaml': yaml, 'chart/values-prod.yaml': yaml, 'chart/Chart.yaml': () => 'name: api\n' },
    expected: { staging: ['chart/values.yaml', 'chart/values-staging.yaml'], prod: ['chart/values.yaml', 'chart/values-prod.yaml'] },
  },
  {
    name: 'Rails config gem',
    files: { 'config/settings.yml': yaml, 'config/settings/staging.yml': yaml, 'config/settings/production.yml': yaml },
    expected: { staging: ['config/settings.yml', 'config/settings/staging.yml'], production: ['config/settings.yml', 'config/settings/production.yml'] },
  },
  {
    name: 'Spring application-<env>.yml with profile documents',
    files: { 'app/application.yml': spring, 'app/application-staging.yml': yaml, 'app/application-prod.yml': yaml },
    expected: { staging: ['app/application.yml', 'app/application-staging.yml'], prod: ['app/application.yml', 'app/application-prod.yml'] },
  },
  {
    name: 'Spring application-<env>.properties over application.yml and application.properties',
    files: {
      'app/application.yml': yaml,
      'app/application.properties': properties,
      'app/application-staging.properties': properties,
      'app/application-prod.properties': properties,
    },
    expected: {
      staging: ['app/application.yml', 'app/application.properties', 'app/application-staging.properties'],
      prod: ['app/application.yml', 'app/application.properties', 'app/application-prod.properties'],
    },
  },
  {
    name: 'Rails config gem with ERB',
    files: { 'config/settings.yml': erb, 'config/settings/staging.yml': erb, 'config/settings/production.yml': yaml },
    expected: { staging: ['config/settings.yml', 'config/settings/staging.yml'], production: ['config/settings.yml', 'config/settings/production.yml'] },
  },
  {
    name: '.env.<env> over .env',
    files: { '.env': dotenv, '.env.staging': dotenv, '.env.production': dotenv },
    expected: { staging: ['.env', '.env.staging'], production: ['.env', '.env.production'] },
  },
  {
    name: 'config/<env>.json over default.json',
    files: { 'config/default.json': json, 'config/development.json': json, 'config/production.json': json },
    expected: { development: ['config/default.json', 'config/development.json'], production: ['config/default.json', 'config/production.json'] },
  },
  {
    name: 'Terraform environments/<stack>/<env>.tfvars',
    files: { 'environments/network/staging.tfvars': tfvars, 'environments/network/prod.tfvars': tfvars },
    expected: { staging: ['environments/network/staging.tfvars'], prod: ['environments/network/prod.tfvars'] },
  },
];

const KEYS = ['replicas', 'db.host', 'db.pool', 'feature.flag', 'log'];
const VALUES = ['1', '2', 'on', 'yes', 'db.internal', '0755', 'x'];

function generate(files: Record<string, Render>, seed: number) {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), state % n);
  const names = Object.keys(files);
  const values = names.map(() => new Map<string, string>([['replicas', '1']]));
  const commits = [];
  for (let c = 0; c < 24; c++) {
    const touched = c === 0 ? names.map((_n, i) => i) : [rand(names.length), ...(rand(3) === 0 ? [rand(names.length)] : [])];
    const write: Record<string, string> = {};
    for (const i of new Set(touched)) {
      const m = values[i]!;
      const key = KEYS[rand(KEYS.length)]!;
      if (rand(5) === 0) m.delete(key);
      else m.set(key, VALUES[rand(VALUES.length)]!);
      write[names[i]!] = files[names[i]!]!(m, rand);
    }
    commits.push({ at: `2026-06-01T${String(c).padStart(2, '0')}:00:00Z`, author: c % 2 ? 'ana' : 'ben', message: `change ${c}`, write });
  }
  return commits;
}

/** Each commit's effective values of one environment, every file read whole. */
async function referenceEvents(repo: string, env: EnvironmentConfig): Promise<Map<string, string[]>> {
  const commits = commitsOf(repo);
  const texts = readVersions(
    repo,
    commits.flatMap((c) => env.files.map((file) => `${c.sha}:${file}`)),
  );
  const events = new Map<string, string[]>();
  let before = new Map<string, string | null>();
  for (const { sha, subject } of commits) {
    const after = new Map<string, string | null>();
    for (const file of env.files) {
      const text = texts.get(`${sha}:${file}`);
      if (text === undefined) continue;
      const format = formatOfFile(env, file)!;
      const read = await readText(`${text}\n`, file, format);
      const values = format === 'spring' ? applySpringProfiles(read.values, env.name) : read.values;
      for (const [key, value] of values) after.set(key, value.text);
    }
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const from = before.get(key) ?? null;
      const to = after.get(key) ?? null;
      if (from !== to) events.set(key, [`${subject}: ${from ?? '∅'}→${to ?? '∅'}`, ...(events.get(key) ?? [])]);
    }
    before = after;
  }
  return events;
}

describe('every layout, discovered and read through its history, against a whole-version reference', () => {
  for (const [i, layout] of CASES.entries()) {
    it(layout.name, async () => {
      const repo = await repoFromScenario({ commits: generate(layout.files, 100 + i) });
      const config = await loadConfig(repo);
      expect(Object.fromEntries(config.environments.map((e) => [e.name, e.files]))).toEqual(layout.expected);
      const history = await readHistory(repo, config.environments, { cache: false });
      for (const env of config.environments) {
        const reference = await referenceEvents(repo, env);
        const engine = history.envs.get(env.name) ?? new Map();
        expect(new Set(engine.keys()), env.name).toEqual(new Set(reference.keys()));
        for (const [key, events] of reference) {
          expect(
            engine.get(key)!.map((e: { subject: string; from: string | null; to: string | null }) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`),
            `${env.name} ${key}`,
          ).toEqual(events);
        }
      }
    });
  }
});
