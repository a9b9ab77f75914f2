import { afterEach, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../src/engine.js';
import { repoWithFiles } from '../support/repo.js';
import { canBuildKustomize } from '../support/programs.js';

// A Kustomize generator's env file is read as Kustomize reads it, not as dotenv: quotes, a
// trailing ` # …` and `export ` stay in what is built. Read with dotenv's rules its values were
// not the built ones, so the overlay's line was not recognised as where the built value is written.
const FILES = {
  'base/kustomization.yaml': 'configMapGenerator:\n  - name: app\n    literals: [LOG_LEVEL=info, TIMEOUT=10, MODE=slow]\n',
  'overlays/prod/kustomization.yaml': 'resources: [../../base]\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    envs: [prod.env]\n',
  'overlays/prod/prod.env': '# prod\nTIMEOUT="30"\nMODE=fast # the new path\n  export LOG_LEVEL=warn\n',
};

const placed = async (repo: string) => {
  const prod = await readEnvironment(repo, { name: 'prod', files: ['overlays/prod'], format: 'auto' });
  return Object.fromEntries(
    [...prod.values].map(([key, v]) => {
      const { file, line } = v.location as { file: string; line: number };
      return [key, `${v.text} ${file}:${line}`];
    }),
  );
};

afterEach(() => {
  delete process.env.UNDRIFT_KUSTOMIZE;
});

describe("a Kustomize generator's env file", () => {
  it.skipIf(!canBuildKustomize)('locates each built value at the env file line that writes it, as the build reads that line', async () => {
    expect(await placed(await repoWithFiles(FILES))).toEqual({
      'ConfigMap/app.data.TIMEOUT': '"30" overlays/prod/prod.env:2',
      'ConfigMap/app.data.MODE': 'fast # the new path overlays/prod/prod.env:3',
      'ConfigMap/app.data.LOG_LEVEL': 'info base/kustomization.yaml:3',
      'ConfigMap/app.data["export LOG_LEVEL"]': 'warn overlays/prod/prod.env:4',
    });
  });

  it('is read the same way when the overlay cannot be built (read as files)', async () => {
    process.env.UNDRIFT_KUSTOMIZE = 'off';
    const read = await placed(await repoWithFiles(FILES));
    expect(read).toMatchObject({
      'ConfigMap/app.data.TIMEOUT': '"30" overlays/prod/prod.env:2',
      'ConfigMap/app.data.MODE': 'fast # the new path overlays/prod/prod.env:3',
      'ConfigMap/app.data["export LOG_LEVEL"]': 'warn overlays/prod/prod.env:4',
    });
  });
});
