import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../src/config/load.js';
import { configuredFiles, predecessorOf } from '../../src/history/configured.js';
import { readHistory } from '../../src/history/walk.js';
import { DEFAULT_READ_LIMITS } from '../../src/model/limits.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

// An environment moved to another file with undrift.yaml rewritten beside it: the key's history
// goes on in the file undrift.yaml named before (src/history/configured.ts).

const brief = (events: HistoryEvent[] | undefined) => (events ?? []).map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'} (${e.file})`);

const files = (text: string) => configuredFiles(text, DEFAULT_READ_LIMITS);

describe('the files an older undrift.yaml names', () => {
  it('reads every way an environment lists its files, and nothing else of the file', () => {
    const read = files(
      [
        'environments:',
        '  dev: config/dev.env',
        '  qa: [base.yaml, qa.yaml]',
        '  prod: {files: [base.yaml, {file: charts/app/values-prod.yaml, under: app}], format: helm, live: {snapshot: x}, unknownSetting: 1}',
        'somethingNewer: true',
      ].join('\n'),
    );
    expect(read).toEqual(
      new Map([
        ['dev', ['config/dev.env']],
        ['qa', ['base.yaml', 'qa.yaml']],
        ['prod', ['base.yaml', 'charts/app/values-prod.yaml']],
      ]),
    );
  });

  it('names no path outside the repository, and no configuration in a file that is not one', () => {
    const read = files('environments:\n  a: ../../etc/passwd\n  b: [/etc/shadow]\n  c: [ok.yaml, "x/../../y"]\n  d: ./conf/./d.yaml\n');
    expect(read).toEqual(new Map([['d', ['conf/d.yaml']]]));
    expect(files('- just\n- a list\n')).toBeUndefined();
    expect(files('environments: [a, b]\n')).toBeUndefined();
    expect(files('environments:\n  a: [x.yaml\n')).toBeUndefined(); // not YAML: no evidence, no error
  });
});

describe('the file that held a place before', () => {
  const now = new Map([
    ['pre', ['application.yml', 'application-pre.yml']],
    ['pro', ['application.yml', 'application-pro.yml']],
  ]);
  it('is the path at the same place of every environment that lists the file today', () => {
    const then = new Map([
      ['pre', ['application.yml', 'application-pre.properties']],
      ['pro', ['application.yml', 'application-pro.properties']],
    ]);
    expect(predecessorOf('application-pro.yml', [{ env: 'pro', index: 1 }], now, then)).toBe('application-pro.properties');
    // The base file kept its place: nothing moved there.
    expect(
      predecessorOf(
        'application.yml',
        [
          { env: 'pre', index: 0 },
          { env: 'pro', index: 0 },
        ],
        now,
        then,
      ),
    ).toBeUndefined();
  });

  it('matches a list that grew or shrank by the one path it lost', () => {
    const grown = new Map([['pro', ['application.yml', 'application-pro.yml']]]);
    expect(predecessorOf('application-pro.yml', [{ env: 'pro', index: 1 }], grown, new Map([['pro', ['application-pro.properties']]]))).toBe(
      'application-pro.properties',
    );
    // Lost two: which one held the place is not said.
    expect(
      predecessorOf('application-pro.yml', [{ env: 'pro', index: 1 }], grown, new Map([['pro', ['a.properties', 'b.properties', 'c.yml']]])),
    ).toBeUndefined();
  });

  it('is nothing where the environments disagree, the file was listed already, or the environment is new', () => {
    const shared = new Map([
      ['eu', ['values/shared.yaml']],
      ['us', ['values/shared.yaml']],
    ]);
    const places = [
      { env: 'eu', index: 0 },
      { env: 'us', index: 0 },
    ];
    const before = (eu: string, us?: string) => new Map([['eu', [eu]], ...(us ? [['us', [us]] as [string, string[]]] : [])]);
    expect(predecessorOf('values/shared.yaml', places, shared, before('values/eu.yaml', 'values/us.yaml'))).toBeUndefined();
    expect(predecessorOf('values/shared.yaml', places, shared, before('values/shared.yaml', 'values/old.yaml'))).toBeUndefined();
    expect(predecessorOf('values/shared.yaml', places, shared, before('values/old.yaml'))).toBeUndefined();
    // Both moved from one file: that is the file.
    expect(predecessorOf('values/shared.yaml', places, shared, before('values/old.yaml', 'values/old.yaml'))).toBe('values/old.yaml');
  });
});

const SPRING_ENVS: EnvironmentConfig[] = [
  { name: 'pre', files: ['res/application.yml', 'res/application-pre.yml'], format: 'spring' },
  { name: 'pro', files: ['res/application.yml', 'res/application-pro.yml'], format: 'spring' },
];
const configOf = (ext: string) =>
  `environments:\n  pre: {files: [res/application.yml, res/application-pre.${ext}], format: spring}\n  pro: {files: [res/application.yml, res/application-pro.${ext}], format: spring}\n`;

describe('a history across a move of files that undrift.yaml records', () => {
  const commits = (moveWithConfig: boolean): Parameters<typeof repoFromScenario>[0]['commits'] => [
    {
      at: '2027-05-10T09:00:00Z',
      author: 'ana',
      message: 'profiles per environment',
      write: {
        'undrift.yaml': configOf('properties'),
        'res/application.yml': 'pool:\n  max: 10\n',
        'res/application-pre.properties': 'pool.max=20\n',
        'res/application-pro.properties': 'pool.max=20\n',
      },
    },
    { at: '2027-09-02T21:10:00Z', author: 'ben', message: 'pro: pool to 40 (INC-311)', write: { 'res/application-pro.properties': 'pool.max=40\n' } },
    ...(moveWithConfig
      ? [
          {
            at: '2028-01-14T11:30:00Z',
            author: 'ana',
            message: 'profiles from .properties to YAML, no functional change',
            delete: ['res/application-pre.properties', 'res/application-pro.properties'],
            write: { 'undrift.yaml': configOf('yml'), 'res/application-pre.yml': 'pool:\n  max: 20\n', 'res/application-pro.yml': 'other: 1\n' },
          },
        ]
      : [
          // The YAML files first, then undrift.yaml, then the old files gone: three commits.
          {
            at: '2028-01-13T11:30:00Z',
            author: 'ana',
            message: 'add YAML profiles',
            write: { 'res/application-pre.yml': 'pool:\n  max: 20\n', 'res/application-pro.yml': 'other: 1\n' },
          },
          { at: '2028-01-14T11:30:00Z', author: 'ana', message: 'read the YAML profiles', write: { 'undrift.yaml': configOf('yml') } },
          {
            at: '2028-01-15T11:30:00Z',
            author: 'ana',
            message: 'drop the .properties profiles',
            delete: ['res/application-pre.properties', 'res/application-pro.properties'],
          },
        ]),
  ];

  it('goes on in the file undrift.yaml named before, each version read as the file it was', async () => {
    const repo = await repoFromScenario({ commits: commits(true) });
    const h = await readHistory(repo, SPRING_ENVS, { cache: false, configFile: 'undrift.yaml' });
    expect(brief(h.envs.get('pro')!.get('pool.max'))).toEqual([
      'profiles from .properties to YAML, no functional change: 40→10 (res/application-pro.yml)',
      'pro: pool to 40 (INC-311): 20→40 (res/application-pro.properties)',
      'profiles per environment: ∅→20 (res/application-pro.properties)',
    ]);
    // pre's value did not change in the move: no event there.
    expect(brief(h.envs.get('pre')!.get('pool.max'))).toEqual(['profiles per environment: ∅→20 (res/application-pre.properties)']);
  });

  it('follows the older file from where the new one was created, when the move took several commits', async () => {
    const repo = await repoFromScenario({ commits: commits(false) });
    const h = await readHistory(repo, SPRING_ENVS, { cache: false, configFile: 'undrift.yaml' });
    expect(brief(h.envs.get('pro')!.get('pool.max'))).toEqual([
      'add YAML profiles: 40→10 (res/application-pro.yml)',
      'pro: pool to 40 (INC-311): 20→40 (res/application-pro.properties)',
      'profiles per environment: ∅→20 (res/application-pro.properties)',
    ]);
  });

  it('begins at the move without a configuration to ask, as before', async () => {
    const repo = await repoFromScenario({ commits: commits(true) });
    const h = await readHistory(repo, SPRING_ENVS, { cache: false });
    expect(brief(h.envs.get('pro')!.get('pool.max'))).toEqual(['profiles per environment: ∅→10 (res/application.yml)']);
  });

  it("does not read an older undrift.yaml larger than the read limit (it is another commit's blob, never size-checked)", async () => {
    const repo = await repoFromScenario({ commits: commits(true) });
    const limits = { ...DEFAULT_READ_LIMITS, fileBytes: configOf('properties').length - 1 };
    const h = await readHistory(repo, SPRING_ENVS, { cache: false, configFile: 'undrift.yaml', limits });
    expect(brief(h.envs.get('pro')!.get('pool.max'))).toEqual(['profiles per environment: ∅→10 (res/application.yml)']);
    const within = await readHistory(repo, SPRING_ENVS, {
      cache: false,
      configFile: 'undrift.yaml',
      limits: { ...limits, fileBytes: configOf('properties').length },
    });
    expect(brief(within.envs.get('pro')!.get('pool.max'))).toHaveLength(3);
  });

  it('never follows an old configuration outside the repository', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2027-05-10T09:00:00Z',
          author: 'ana',
          message: 'create',
          write: { 'undrift.yaml': 'environments:\n  pro: ../outside/pro.yaml\n', 'x.txt': '1\n' },
        },
        {
          at: '2027-06-10T09:00:00Z',
          author: 'ana',
          message: 'move',
          write: { 'undrift.yaml': 'environments:\n  pro: conf/pro.yaml\n', 'conf/pro.yaml': 'A: 1\n' },
        },
      ],
    });
    const h = await readHistory(repo, [{ name: 'pro', files: ['conf/pro.yaml'], format: 'auto' }], { cache: false, configFile: 'undrift.yaml' });
    expect(brief(h.envs.get('pro')!.get('A'))).toEqual(['move: ∅→1 (conf/pro.yaml)']);
  });

  it('reaches the scan: the reason names the move that changed the value, not a first value', async () => {
    const repo = await repoFromScenario({ commits: commits(true) });
    const scan = await scanRepository({ repo, historyCache: false, today: '2028-01-20' });
    const pool = scan.divergences.find((d) => d.key === 'pool.max')!;
    expect(pool.history?.pro?.map((e) => e.to)).toEqual(['10', '40', '20']);
  });
});
