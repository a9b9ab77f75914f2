import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { readEnvironment } from '../../src/engine.js';
import { readHistory } from '../../src/history/walk.js';
import { applySpringProfiles, profileActive } from '../../src/parse/documents.js';
import { readText } from '../../src/parse/read.js';
import { repoFromScenario } from '../support/repo.js';
import { commitsOf, readVersions } from '../support/versions.js';

// Documents of one YAML file are named by what identifies them (Spring profile, Kubernetes
// kind/name), so inserting one moves no other document's keys; Spring applies the documents that
// activate for an environment over the others.

const texts = (values: Map<string, { text: string | null }>) => Object.fromEntries([...values].map(([k, v]) => [k, v.text]));

describe('multi-document YAML', () => {
  it('names documents by Spring profile and Kubernetes kind/name, not by index', async () => {
    const text = [
      'server:\n  port: 8080\nlogging:\n  level: INFO\n',
      'spring:\n  config:\n    activate:\n      on-profile: staging\nlogging:\n  level: DEBUG\n',
      'spring:\n  profiles: prod\nserver:\n  port: 80\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  A: "1"\n',
    ].join('---\n');
    const read = await readText(text, 'src/main/resources/application.yml', 'spring');
    expect(texts(read.values)).toEqual({
      'server.port': '8080',
      'logging.level': 'INFO',
      '[profile=staging].spring.config.activate.on-profile': 'staging',
      '[profile=staging].logging.level': 'DEBUG',
      '[profile=prod].spring.profiles': 'prod',
      '[profile=prod].server.port': '80',
      'ConfigMap/app.data.A': '1',
    });
    expect(read.values.get('[profile=prod].server.port')!.location.line).toBe(16);
    expect(texts(applySpringProfiles(read.values, 'prod'))).toMatchObject({ 'server.port': '80', 'logging.level': 'INFO' });
    expect(texts(applySpringProfiles(read.values, 'staging'))).toMatchObject({ 'server.port': '8080', 'logging.level': 'DEBUG' });
    expect(Object.keys(texts(applySpringProfiles(read.values, 'staging')))).not.toContain('spring.config.activate.on-profile');
    expect([profileActive('staging | qa', 'qa'), profileActive('!prod', 'staging'), profileActive('!prod', 'prod'), profileActive('a,b', 'c')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('applies the profile documents for the environment they activate, in the scan', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: { 'application.yml': 'feature: off\n---\nspring.config.activate.on-profile: production\nfeature: on\n' },
        },
      ],
    });
    const staging = await readEnvironment(repo, { name: 'staging', files: ['application.yml'], format: 'auto' });
    const production = await readEnvironment(repo, { name: 'production', files: ['application.yml'], format: 'auto' });
    expect(texts(staging.values)).toEqual({ feature: 'false' }); // SnakeYAML reads YAML 1.1: off is false
    expect(texts(production.values)).toEqual({ feature: 'true' });
    expect(production.values.get('feature')!.location.line).toBe(4);
  });
});

const FILE = 'src/main/resources/application.yml';
const ENVS: EnvironmentConfig[] = ['staging', 'prod', 'qa'].map((name) => ({ name, files: [FILE], format: 'auto' }));

function generate(seed: number) {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), state % n);
  const PROFILES = [undefined, 'staging', 'prod', 'staging | qa', 'extra'];
  const KEYS = ['server.port', 'pool.size', 'feature'];
  const VALUES = ['1', '2', 'on', 'x'];
  // The documents, in file order; each a profile (or none) and its keys.
  let docs: Array<{ profile: string | undefined; values: Map<string, string> }> = [{ profile: undefined, values: new Map([['server.port', '1']]) }];
  const render = () =>
    docs
      .map(
        (d) =>
          `${d.profile ? `spring:\n  config:\n    activate:\n      on-profile: "${d.profile}"\n` : ''}${[...d.values].map(([k, v]) => `${k.replace('.', ':\n  ')}: ${v}\n`).join('') || 'x: 0\n'}`,
      )
      .join('---\n');
  const commits = [];
  for (let c = 0; c < 30; c++) {
    const kind = rand(4);
    if (c > 0 && kind === 0 && docs.length < 5) {
      // insert a document at a random place (never before the first, the defaults)
      const at = 1 + rand(docs.length);
      const profile = PROFILES[1 + rand(PROFILES.length - 1)];
      if (!docs.some((d) => d.profile === profile))
        docs = [...docs.slice(0, at), { profile, values: new Map([[KEYS[rand(3)]!, VALUES[rand(4)]!]]) }, ...docs.slice(at)];
    } else if (c > 0 && kind === 1 && docs.length > 1) {
      docs = docs.filter((_d, i) => i !== 1 + rand(docs.length - 1));
    } else {
      const doc = docs[rand(docs.length)]!;
      doc.values.set(KEYS[rand(3)]!, VALUES[rand(4)]!);
    }
    commits.push({
      at: `2026-05-01T${String(c % 24).padStart(2, '0')}:${String(Math.floor(c / 24)).padStart(2, '0')}:00Z`,
      author: c % 2 ? 'ana' : 'ben',
      message: `change ${c}`,
      write: { [FILE]: render() },
    });
  }
  return commits;
}

describe('Spring history against a whole-file reference', () => {
  for (const seed of [5, 23]) {
    it(`equals reading every version whole and applying each environment's profiles (documents inserted and removed, seed ${seed})`, async () => {
      const repo = await repoFromScenario({ commits: generate(seed) });
      const h = await readHistory(repo, ENVS, { cache: false });
      const commits = commitsOf(repo);
      const texts = readVersions(
        repo,
        commits.map((c) => `${c.sha}:${FILE}`),
      );
      const versions = [];
      for (const { sha, subject } of commits) versions.push({ subject, read: await readText(`${texts.get(`${sha}:${FILE}`)}\n`, FILE, 'spring') });
      for (const env of ENVS) {
        const reference = new Map<string, string[]>();
        let before = new Map<string, string | null>();
        for (const { subject, read } of versions) {
          const after = new Map([...applySpringProfiles(read.values, env.name)].map(([k, v]) => [k, v.text]));
          for (const key of new Set([...before.keys(), ...after.keys()])) {
            const from = before.get(key) ?? null;
            const to = after.get(key) ?? null;
            if (from !== to) reference.set(key, [`${subject}: ${from ?? '∅'}→${to ?? '∅'}`, ...(reference.get(key) ?? [])]);
          }
          before = after;
        }
        const engine = h.envs.get(env.name)!;
        expect(new Set(engine.keys()), env.name).toEqual(new Set(reference.keys()));
        for (const [key, events] of reference)
          expect(
            engine.get(key)!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`),
            `${env.name} ${key}`,
          ).toEqual(events);
      }
    });
  }
});
