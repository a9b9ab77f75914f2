import { describe, expect, it } from 'vitest';
import { readEnvironment, scanRepository } from '../../src/engine.js';
import { parseProperties } from '../../src/parse/properties.js';
import { readText } from '../../src/parse/read.js';
import { repoFromScenario } from '../support/repo.js';

// Spring's .properties files, read as java.util.Properties reads them, and layered as Spring
// layers them: application-<env>.properties over application.properties (and application.yml).

const texts = (values: Map<string, { text: string | null }>) => Object.fromEntries([...values].map(([k, v]) => [k, v.text]));

describe('.properties as java.util.Properties reads it', () => {
  it('separators, comments, continuation lines, escapes and repeated keys', () => {
    const text = [
      '# a comment',
      '! also a comment',
      '   ',
      'server.port=8080',
      'spring.application.name : billing',
      'logging.level.root   WARN',
      'greeting = Hello \\',
      '           world',
      'path=C:\\\\temp\\\\x',
      'tab=a\\tb',
      'unicode=caf\\u00e9',
      'key\\ with\\ spaces=v',
      'key\\=eq=v2',
      'empty=',
      'bare',
      'url=jdbc:postgresql://db:5432/app?ssl=true',
      'server.port=9090',
      '  indented.key = x # not a comment',
    ].join('\n');
    const { entries, warnings } = parseProperties(text, 'application.properties');
    expect(Object.fromEntries([...entries].map(([k, e]) => [k, e.value]))).toEqual({
      'server.port': '9090',
      'spring.application.name': 'billing',
      'logging.level.root': 'WARN',
      greeting: 'Hello world',
      path: 'C:\\temp\\x',
      tab: 'a\tb',
      unicode: 'café',
      'key with spaces': 'v',
      'key=eq': 'v2',
      empty: '',
      bare: '',
      url: 'jdbc:postgresql://db:5432/app?ssl=true',
      'indented.key': 'x # not a comment',
    });
    expect(entries.get('server.port')).toMatchObject({ line: 17, column: 1 });
    expect(entries.get('indented.key')).toMatchObject({ line: 18, column: 3 });
    expect(warnings).toEqual(['application.properties:17: "server.port" is set twice (lines 4 and 17); the later wins, as Java and Spring read it']);
  });

  it('names keys as the YAML of the same settings does', async () => {
    const props = await readText('spring.datasource.url=jdbc:x\nservers[0]=a\nmy-app.open-in-view=false\n', 'application.properties', 'properties');
    const yaml = await readText('spring:\n  datasource:\n    url: jdbc:x\nmy-app:\n  open-in-view: false\n', 'application.yml', 'spring');
    expect([...props.values.keys()]).toEqual(['spring.datasource.url', 'servers[0]', 'my-app.open-in-view']);
    expect(texts(yaml.values)).toMatchObject({ 'spring.datasource.url': 'jdbc:x', 'my-app.open-in-view': 'false' });
  });
});

describe('Spring properties layered and through history', () => {
  it('application-<env>.properties overrides application.properties and application.yml; history is per effective value', async () => {
    const dir = 'src/main/resources';
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'spring config',
          write: {
            [`${dir}/application.yml`]: 'server:\n  port: 8080\napp:\n  retries: 3\n  mode: safe\n',
            [`${dir}/application.properties`]: 'app.retries=4\napp.banner=on\n',
            [`${dir}/application-staging.properties`]: 'app.mode=fast\n',
            [`${dir}/application-prod.properties`]: '# prod\napp.retries = 6\n',
          },
        },
        {
          at: '2026-01-06T10:00:00Z',
          author: 'ben',
          message: 'prod: seven retries',
          write: { [`${dir}/application-prod.properties`]: '# prod\napp.retries = 7\n' },
        },
      ],
    });
    // Discovery (what `init` writes) finds the layout and its stack.
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-01-07' });
    expect(scan.config.environments.map((e) => [e.name, e.files])).toEqual([
      ['staging', [`${dir}/application.yml`, `${dir}/application.properties`, `${dir}/application-staging.properties`]],
      ['prod', [`${dir}/application.yml`, `${dir}/application.properties`, `${dir}/application-prod.properties`]],
    ]);
    const staging = await readEnvironment(repo, scan.config.environments[0]!);
    const prod = await readEnvironment(repo, scan.config.environments[1]!);
    expect(texts(staging.values)).toEqual({ 'server.port': '8080', 'app.retries': '4', 'app.mode': 'fast', 'app.banner': 'on' });
    expect(texts(prod.values)).toEqual({ 'server.port': '8080', 'app.retries': '7', 'app.mode': 'safe', 'app.banner': 'on' });
    expect(prod.values.get('app.retries')!.location).toEqual({ file: `${dir}/application-prod.properties`, line: 2, column: 1 });
    const retries = scan.divergences.find((d) => d.key === 'app.retries');
    expect(retries?.values.prod?.repo).toBe('7');
    expect(
      scan.history?.envs
        .get('prod')
        ?.get('app.retries')
        ?.map((e) => `${e.subject}: ${e.from}→${e.to}`),
    ).toEqual(['prod: seven retries: 6→7', 'spring config: null→6']);
  });
});

// Spring Boot 2.4+ splits one .properties file into documents at `#---` / `!---`; a document with
// spring.config.activate.on-profile applies only for that profile, as a YAML profile document does.
describe('multi-document .properties as Spring Boot reads them', () => {
  const FILE = 'src/main/resources/application.properties';

  it('splits only at a separator Spring honours', () => {
    const text = [
      'a=base', // document 1
      '#---',
      'a=second', // document 2
      '# a note',
      '#---', // right after a comment of the same prefix: a comment
      'b=2',
      '  !---', // leading blanks: a comment
      'c=3',
      'd=continued \\',
      '#---', // continues the line before: part of d's value
      '!---  ',
      'a=third', // document 3
    ].join('\n');
    const { documents, entries } = parseProperties(text, FILE, true);
    expect(documents.map((d) => Object.fromEntries([...d].map(([k, e]) => [k, e.value])))).toEqual([
      { a: 'base' },
      { a: 'second', b: '2', c: '3', d: 'continued #---' },
      { a: 'third' },
    ]);
    expect(entries.get('a')).toMatchObject({ value: 'third', line: 12 });
    // java.util.Properties has no documents: the line is a comment.
    expect(parseProperties(text, FILE).documents).toHaveLength(1);
  });

  it("keys a profile document under its profile; a plain .properties file that is not Spring's has no documents", async () => {
    const text = 'server.port=8080\n#---\nspring.config.activate.on-profile=staging\nserver.port=8081\n';
    expect(texts((await readText(text, FILE, 'properties')).values)).toEqual({
      'server.port': '8080',
      '[profile=staging].spring.config.activate.on-profile': 'staging',
      '[profile=staging].server.port': '8081',
    });
    expect(texts((await readText(text, 'conf/messages.properties', 'properties')).values)).toEqual({
      'server.port': '8081',
      'spring.config.activate.on-profile': 'staging',
    });
  });

  it('applies the documents that activate for each environment, in the scan and in history (inserting a document shifts no key)', async () => {
    const doc = (profile: string, port: number, extra = '') => `#---\nspring.config.activate.on-profile=${profile}\nserver.port=${port}\n${extra}`;
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-02-01T10:00:00Z',
          author: 'ana',
          message: 'one file, a document per environment',
          write: {
            'undrift.yaml': `environments:\n  staging: [${FILE}]\n  prod: [${FILE}]\npromotion: [staging, prod]\n`,
            [FILE]: `server.port=8080\napp.mode=safe\n${doc('staging', 8081)}${doc('prod', 8082)}`,
          },
        },
        {
          at: '2026-02-02T10:00:00Z',
          author: 'ben',
          message: 'qa document first, prod goes fast',
          write: { [FILE]: `server.port=8080\napp.mode=safe\n${doc('qa', 9000)}${doc('staging', 8081)}${doc('prod', 8082, 'app.mode=fast\n')}` },
        },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-02-03' });
    const staging = await readEnvironment(repo, scan.config.environments[0]!);
    const prod = await readEnvironment(repo, scan.config.environments[1]!);
    expect(texts(staging.values)).toEqual({ 'server.port': '8081', 'app.mode': 'safe' });
    expect(texts(prod.values)).toEqual({ 'server.port': '8082', 'app.mode': 'fast' });
    expect(prod.values.get('server.port')!.location.line).toBe(11);
    expect(scan.divergences.map((d) => `${d.kind} ${d.key}`).sort()).toEqual(['cross-env app.mode', 'cross-env server.port']);
    const history = (env: string, key: string) =>
      scan.history?.envs
        .get(env)
        ?.get(key)
        ?.map((e) => `${e.subject}: ${e.from}→${e.to}`);
    expect(history('staging', 'server.port')).toEqual(['one file, a document per environment: null→8081']);
    expect(history('prod', 'app.mode')).toEqual(['qa document first, prod goes fast: safe→fast', 'one file, a document per environment: null→safe']);
    expect(history('staging', 'app.mode')).toEqual(['one file, a document per environment: null→safe']);
  });
});
