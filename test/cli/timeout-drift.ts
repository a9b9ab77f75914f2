// The repository both apply-branch tests start from: staging's timeout raised to 8000 by Ben, production
// still at 5000, so a backfill of production is the decision an earlier branch holds.
import { ONCALL_IDENTITY } from '../support/demo-repo.js';
import { repoFromScenario } from '../support/repo.js';

/** git's identity and both dates at `iso` (an apply's commit is dated by them). */
export const AT = (iso: string) => ({ ...ONCALL_IDENTITY, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });

const CONFIG = 'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n';

/** A new repository: Ana's config (5000 in both environments), then Ben's staging raise to 8000. */
export const timeoutDriftRepo = () =>
  repoFromScenario({
    commits: [
      {
        at: '2026-11-02T09:00:00Z',
        author: 'ana',
        message: 'Add config',
        write: { 'undrift.yaml': CONFIG, 'config/staging.yaml': 'env:\n  TIMEOUT_MS: 5000\n', 'config/production.yaml': 'env:\n  TIMEOUT_MS: 5000\n' },
      },
      {
        at: '2026-11-20T09:00:00Z',
        author: 'ben',
        message: 'Raise the staging timeout to 8000',
        write: { 'config/staging.yaml': 'env:\n  TIMEOUT_MS: 8000\n' },
      },
    ],
  });
