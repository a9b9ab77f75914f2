// A generated repository shaped like a real Helm values monorepo (the research behind the history
// engine measured one: three `values-<env>.yaml` of ~4,000 lines, 1,000–1,500 commits each,
// anchors and aliases in every version, 98% of each file one top-level list of applications).
//
// Each file: a few top-level settings, anchors defined at the top (a resources map, a probe, a
// list of common env vars, a rails defaults map), then `govukApplications:`, one list of ~100
// apps. Apps alias the top anchors (`appResources: *default-resources`), merge them
// (`<<: *rails`, `!!merge <<: *default-probe`), define anchors other apps merge
// (`helmValues: &app-007-values` ... `<<: *app-007-values`), carry block scalars (`cronTasks: |`),
// multi-line quoted scalars, flow lists and keyed lists of env vars (`extraEnv: - name: ...`).
//
// History: commits edit random apps (a value, an env var added or dropped, a block scalar line,
// an anchor's value at the top, an app added or removed), often the same edit promoted to a
// second and third environment in the same commit; re-indents of the whole list; side branches
// merged back after main moved on meanwhile (the merges join two changed lines); every file renamed once (`charts/apps/` → `charts/app-config/`).
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';

export const HELM_ENVS = ['integration', 'staging', 'production'];
export const helmPath = (env) => `charts/app-config/values-${env}.yaml`;
const oldPath = (env) => `charts/apps/values-${env}.yaml`;

const UNDRIFT_YAML = `environments:\n${HELM_ENVS.map((env) => `  ${env}: ${helmPath(env)}\n`).join('')}promotion: [${HELM_ENVS.join(', ')}]\n`;

const ENV_NAMES = [
  'SECRET_KEY_BASE',
  'REDIS_URL',
  'DATABASE_URL',
  'GDS_SSO_OAUTH_ID',
  'GDS_SSO_OAUTH_SECRET',
  'PUBLISHING_API_BEARER_TOKEN',
  'MEMCACHE_SERVERS',
  'GOVUK_NOTIFY_TEMPLATE_ID',
  'JWT_AUTH_SECRET',
  'SENTRY_ENVIRONMENT',
  'ROUTER_MONGO_DB',
  'DEFAULT_TTL',
  'PLEK_HOSTNAME_PREFIX',
  'BACKEND_URL',
  'WORKER_CONCURRENCY',
  'FEATURE_FLAG_X',
  'MAINTENANCE_MODE',
  'LOG_LEVEL',
];

export function helmCorpus({ commits = 1500, apps = 100, seed = 17 } = {}) {
  let state = seed;
  const rand = (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return (state >>> 12) % n; // the low bits of this generator cycle
  };
  const pick = (list) => list[rand(list.length)];
  let appSeq = 0;
  const newEnvVar = (app, env, k) => {
    const name = `${ENV_NAMES[k % ENV_NAMES.length]}${k >= ENV_NAMES.length ? `_${k}` : ''}`;
    return rand(3) === 0
      ? { name, secret: { name: `signon-app-${app}`, key: name.toLowerCase() } }
      : { name, value: rand(4) === 0 ? `"${rand(5000)}"` : `${name.toLowerCase()}.${env}.example.test` };
  };
  const newApp = (env, i) => {
    const name = `app-${String(appSeq++).padStart(3, '0')}`;
    const extraEnv = Array.from({ length: 3 + rand(4) }, (_, k) => newEnvVar(name, env, k));
    return {
      name,
      chartPath: rand(3) === 0 ? `charts/${name}` : undefined,
      rails: rand(2) === 0,
      taggedMerge: rand(5) === 0,
      replicaCount: 1 + rand(4),
      tag: `v1.${rand(40)}.${rand(10)}`,
      sharedResources: rand(2) === 0,
      memory: `${(2 + rand(14)) * 128}Mi`,
      cpu: `${(1 + rand(9)) * 100}m`,
      probePeriod: 5 + rand(10),
      // Every tenth app offers its values to the next one, as real files do for draft apps.
      definesAnchor: i % 10 === 0,
      mergesPrevious: i % 10 === 1,
      cron: rand(4) === 0 ? Array.from({ length: 2 + rand(4) }, (_, k) => `${k * 7} ${rand(24)} * * * rake task:${k}`) : undefined,
      mongo: rand(8) === 0,
      args: rand(5) === 0 ? ['--port', String(3000 + rand(100))] : undefined,
      extraEnv,
    };
  };
  // The state of each file on the line being committed to (main's and the side's differ while a
  // side branch is open).
  let files = Object.fromEntries(
    HELM_ENVS.map((env) => {
      appSeq = 0;
      return [
        env,
        {
          indent: 0,
          comment: 0,
          memory: '1500Mi',
          period: 5,
          commonEnv: ['GOVUK_ENVIRONMENT', 'GOVUK_WEBSITE_ROOT', 'SENTRY_CURRENT_ENV'].map((name) => ({ name, value: `${name.toLowerCase()}-${env}` })),
          apps: Array.from({ length: apps }, (_, i) => newApp(env, i)),
        },
      ];
    }),
  );
  appSeq = apps;

  const render = (env) => {
    const f = files[env];
    const p = ' '.repeat(f.indent);
    const L = [
      '# Defaults for all apps in this environment. These can be overridden for',
      '# individual apps below.',
      `govukEnvironment: ${env}`,
      `externalDomainSuffix: eks.${env}.example.test`,
      `# revision ${f.comment}`,
      'defaultResources: &default-resources',
      '  limits:',
      '    cpu: 1',
      `    memory: ${f.memory}`,
      '  requests:',
      '    cpu: 100m',
      '    memory: 800Mi',
      'defaultProbe: &default-probe',
      '  httpGet:',
      '    path: /healthcheck/ready',
      '    port: 3000',
      '  failureThreshold: 3',
      `  periodSeconds: ${f.period}`,
      'commonEnv: &common-env',
      ...f.commonEnv.flatMap((e) => [`  - name: ${e.name}`, `    value: ${e.value}`]),
      'rails: &rails',
      '  dbMigrationEnabled: true',
      '  workerEnabled: false',
      '  replicaCount: 2',
      '',
      '# Individual apps to be deployed by ArgoCD, and any values specific to those',
      '# apps.',
      'govukApplications:',
    ];
    let previous;
    for (const a of f.apps) {
      L.push(`${p}- name: ${a.name}`);
      if (a.chartPath) L.push(`${p}  chartPath: ${a.chartPath}`);
      const anchored = a.definesAnchor ? ` &${a.name}-values` : '';
      L.push(`${p}  helmValues:${anchored}`);
      if (a.mergesPrevious && previous?.definesAnchor) L.push(`${p}    <<: *${previous.name}-values`);
      else if (a.rails) L.push(`${p}    ${a.taggedMerge ? '!!merge ' : ''}<<: *rails`);
      L.push(`${p}    replicaCount: ${a.replicaCount}`);
      L.push(`${p}    image:`, `${p}      tag: ${a.tag}`);
      if (a.sharedResources) L.push(`${p}    appResources: *default-resources`);
      else
        L.push(
          `${p}    appResources:`,
          `${p}      limits:`,
          `${p}        cpu: ${a.cpu}`,
          `${p}        memory: ${a.memory}`,
          `${p}      requests:`,
          `${p}        cpu: 50m`,
          `${p}        memory: 256Mi`,
        );
      L.push(
        `${p}    appProbes:`,
        `${p}      livenessProbe:`,
        `${p}        ${a.taggedMerge ? '!!merge ' : ''}<<: *default-probe`,
        `${p}        periodSeconds: ${a.probePeriod}`,
      );
      L.push(
        `${p}    ingress:`,
        `${p}      enabled: true`,
        `${p}      annotations:`,
        `${p}        alb.ingress.kubernetes.io/load-balancer-name: ${a.name}`,
        `${p}      hosts:`,
        `${p}      - name: ${a.name}.eks.${env}.example.test`,
      );
      if (a.args) L.push(`${p}    args: [${a.args.map((x) => `"${x}"`).join(', ')}]`);
      if (a.cron) L.push(`${p}    cronTasks: |`, ...a.cron.map((c) => `${p}      ${c}`));
      if (a.mongo)
        L.push(
          `${p}    mongodbUri: "mongodb://\\`,
          `${p}      mongo-1.${env}.example.test,\\`,
          `${p}      mongo-2.${env}.example.test/${a.name.replace(/-/g, '_')}"`,
        );
      L.push(`${p}    commonEnv: *common-env`);
      L.push(`${p}    extraEnv:`);
      for (const e of a.extraEnv) {
        L.push(`${p}      - name: ${e.name}`);
        if (e.secret)
          L.push(`${p}        valueFrom:`, `${p}          secretKeyRef:`, `${p}            name: ${e.secret.name}`, `${p}            key: ${e.secret.key}`);
        else L.push(`${p}        value: ${e.value}`);
      }
      previous = a;
    }
    return `${L.join('\n')}\n`;
  };

  /** One edit of one environment's file; returns a description for the commit message. Most edits
   * can be repeated on the other environments ("promoted"), as the same change usually is. */
  const edit = (env, kind, target) => {
    const f = files[env];
    const a = f.apps.find((x) => x.name === target) ?? pick(f.apps);
    switch (kind) {
      case 'tag':
        a.tag = `v${1 + rand(3)}.${rand(40)}.${rand(10)}`;
        return `Deploy ${a.name} ${a.tag}`;
      case 'replicas':
        a.replicaCount = 1 + rand(6);
        return `Scale ${a.name} to ${a.replicaCount}`;
      case 'memory':
        if (a.sharedResources) a.sharedResources = false;
        a.memory = `${(2 + rand(14)) * 128}Mi`;
        return `Raise ${a.name} memory limit`;
      case 'env': {
        const e = pick(a.extraEnv);
        if (e.secret) e.secret = { ...e.secret, key: `${e.name.toLowerCase()}_${rand(9)}` };
        else e.value = `${e.name.toLowerCase()}-${rand(100000)}.${env}.example.test`;
        return `Set ${e.name} for ${a.name}`;
      }
      case 'env+': {
        a.extraEnv.push(newEnvVar(a.name, env, a.extraEnv.length + rand(30)));
        const names = new Set();
        a.extraEnv = a.extraEnv.filter((e) => !names.has(e.name) && names.add(e.name));
        return `Add env var to ${a.name}`;
      }
      case 'env-':
        if (a.extraEnv.length > 2) a.extraEnv.splice(rand(a.extraEnv.length), 1);
        return `Remove env var from ${a.name}`;
      case 'cron':
        if (!a.cron) a.cron = ['0 1 * * * rake task:a'];
        a.cron[rand(a.cron.length)] = `${rand(60)} ${rand(24)} * * * rake task:${rand(9)}`;
        return `Reschedule ${a.name} cron`;
      case 'anchor':
        if (rand(2)) f.memory = `${(10 + rand(10)) * 100}Mi`;
        else f.period = 3 + rand(10);
        return 'Tune defaults for all apps';
      case 'common':
        pick(f.commonEnv).value = `common-${rand(1000)}-${env}`;
        return 'Change common env';
      case 'comment':
        f.comment++;
        return 'Update comments';
      default:
        throw new Error(kind);
    }
  };

  const stats = { versions: 0, reindents: 0, appsAdded: 0, appsRemoved: 0, merges: 0 };
  return {
    pieces: stream(),
    stats,
    render,
    get files() {
      return files;
    },
  };

  /** A merge of the side into main, as a person resolves it: per environment, every app and every
   * default the side changed since the branch point is the side's (its change wins a conflict),
   * the rest main's. */
  function mergeStates(base, main, side) {
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    return Object.fromEntries(
      HELM_ENVS.map((env) => {
        const [b, m, s] = [base[env], main[env], side[env]];
        const merged = structuredClone(m);
        for (const field of ['indent', 'comment', 'memory', 'period', 'commonEnv']) if (!same(s[field], b[field])) merged[field] = structuredClone(s[field]);
        merged.apps = merged.apps.map((app) => {
          const before = b.apps.find((x) => x.name === app.name);
          const after = s.apps.find((x) => x.name === app.name);
          return before && after && !same(after, before) ? structuredClone(after) : app;
        });
        return [env, merged];
      }),
    );
  }

  /** The fast-import stream, commit by commit (a first-run corpus is ~0.5 GB of text: never whole). */
  function* stream() {
    const out = [];
    let mark = 0;
    let time = 1_600_000_000;
    const authors = ['Ana Lima <ana@example.test>', 'Ben Ode <ben@example.test>', 'Chi Park <chi@example.test>', 'Dee Roy <dee@example.test>'];
    const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    let mainMark = 0;
    let sideMark = 0;
    let sideOpen = false;
    // While a side branch is open: the files at its branch point and on main.
    let base;
    let mainFiles;
    let sideFiles;
    const renameAt = Math.floor(commits / 3);
    const pathOf = (env, i) => (i < renameAt ? oldPath(env) : helmPath(env));
    const KINDS = ['tag', 'tag', 'tag', 'env', 'env', 'env', 'replicas', 'memory', 'env+', 'env-', 'cron', 'anchor', 'common', 'comment'];
    for (let i = 0; i < commits; i++) {
      time += 900;
      // While a side branch is open, main goes on too (as pull requests merge meanwhile), so that
      // a merge joins two lines that both changed the files.
      const onSide = sideOpen && rand(2) === 0;
      if (sideOpen) files = onSide ? sideFiles : mainFiles;
      const changed = [];
      let message;
      if (i === 0) {
        changed.push(...HELM_ENVS);
        message = 'Add app-config values';
      } else if (i === renameAt) {
        changed.push(...HELM_ENVS);
        message = 'Move values to charts/app-config';
      } else if (i % 150 === 75 && !sideOpen) {
        const env = pick(HELM_ENVS);
        files[env].indent = files[env].indent === 0 ? 2 : 0;
        changed.push(env);
        stats.reindents++;
        message = `Re-indent ${env} values`;
      } else if (i % 60 === 30 && !sideOpen) {
        // A new app in every environment, or one retired everywhere (a rename is both in turn).
        if (rand(2) === 0) {
          for (const env of HELM_ENVS) files[env].apps.splice(1 + rand(files[env].apps.length - 1), 0, newApp(env, 5));
          appSeq++;
          stats.appsAdded++;
          message = 'Add a new app';
        } else {
          const victim = pick(files.integration.apps.filter((a) => !a.definesAnchor && !a.mergesPrevious)).name;
          for (const env of HELM_ENVS) files[env].apps = files[env].apps.filter((a) => a.name !== victim);
          stats.appsRemoved++;
          message = `Retire ${victim}`;
        }
        changed.push(...HELM_ENVS);
      } else {
        const kind = pick(KINDS);
        const first = pick(HELM_ENVS);
        const target = pick(files[first].apps).name;
        message = edit(first, kind, target);
        changed.push(first);
        // Promoted to the other environments in the same commit, as often happens.
        for (const env of HELM_ENVS) if (env !== first && rand(3) !== 0) (edit(env, kind, target), changed.push(env));
      }
      const blobs = changed.map((env) => {
        out.push(`blob\nmark :${++mark}\n${data(render(env))}`);
        stats.versions++;
        return [env, mark];
      });
      const author = authors[rand(authors.length)];
      const ref = onSide ? 'refs/heads/side' : 'refs/heads/main';
      const parent = onSide ? sideMark : mainMark;
      out.push(`commit ${ref}\nmark :${++mark}\nauthor ${author} ${time} +0000\ncommitter ${author} ${time} +0000\n${data(message)}`);
      if (parent) out.push(`from :${parent}\n`);
      if (i === 0) out.push(`M 100644 inline undrift.yaml\n${data(UNDRIFT_YAML)}`);
      for (const [env, blob] of blobs) {
        if (i === renameAt) out.push(`D ${oldPath(env)}\n`);
        out.push(`M 100644 :${blob} ${pathOf(env, i)}\n`);
      }
      out.push('\n');
      if (onSide) sideMark = mark;
      else mainMark = mark;
      // Side branches of a few commits, merged back while main moved on: the merge combines both lines.
      if (i > 0 && i % 50 === 0 && i + 10 < commits && (i < renameAt - 10 || i > renameAt)) {
        sideOpen = true;
        sideMark = mainMark;
        base = structuredClone(files);
        mainFiles = structuredClone(files);
        sideFiles = files;
      } else if (sideOpen && i % 50 === 8) {
        sideOpen = false;
        time += 60;
        files = mergeStates(base, mainFiles, sideFiles);
        const merged = HELM_ENVS.map((env) => {
          out.push(`blob\nmark :${++mark}\n${data(render(env))}`);
          return [env, mark];
        });
        out.push(
          `commit refs/heads/main\nmark :${++mark}\nauthor ${authors[0]} ${time} +0000\ncommitter ${authors[0]} ${time} +0000\n${data('Merge pull request from side')}`,
        );
        out.push(`from :${mainMark}\nmerge :${sideMark}\n`);
        for (const [env, blob] of merged) out.push(`M 100644 :${blob} ${pathOf(env, i)}\n`);
        out.push('\n');
        mainMark = mark;
        stats.merges++;
      }
      yield out.splice(0).join('');
    }
  }
}

/** The environment the benches run git in: no user or system config, a fixed identity. */
export const BENCH_GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'b@example.test',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'b@example.test',
};

/** Builds the corpus into `dir` with one streamed `git fast-import`; returns its shape. */
export async function generateHelmRepo(dir, options, gitEnv) {
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: gitEnv });
  const corpus = helmCorpus(options);
  const importer = spawn('git', ['fast-import', '--quiet'], { cwd: dir, env: gitEnv, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve, reject) => importer.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))));
  for (const piece of corpus.pieces) if (!importer.stdin.write(piece)) await new Promise((r) => importer.stdin.once('drain', r));
  importer.stdin.end();
  await done;
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir, env: gitEnv });
  const lines = HELM_ENVS.map((env) => corpus.render(env).split('\n').length - 1);
  return { ...corpus.stats, lines, apps: corpus.files.integration.apps.length };
}
