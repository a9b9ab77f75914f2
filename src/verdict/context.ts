import type { Contract } from '../config/contract.js';
import type { EnvName, HistoryEvent, RiskClass } from '../model/types.js';
import type { CommitLog } from './log.js';

export interface VerdictContext {
  /** Upstream first. */
  promotion: EnvName[];
  /** Every configured environment (for recognising names in commit messages). */
  environments: EnvName[];
  /** Set when the clone is shallow. */
  truncatedAt?: string;
  /** YYYY-MM-DD: ages and deadlines are judged against it. */
  today?: string;
  /** The contract, to check what a suggestion would write. */
  contract?: Contract;
  /** Every commit that changed any key (tickets, siblings). */
  log?: CommitLog;
  /** The contract file's own history: its keys (`expected_differences.KEY.env`) → events. */
  contractHistory?: Map<string, HistoryEvent[]>;
  /** Configured environments this scan did not read (`scan -e`): their values and history are
   * not in the evidence, so a difference between environments is judged without them. */
  unread?: EnvName[];
  /** Per environment, the files that make it up, the one read first first (later wins): for a
   * Kustomize overlay read as built, its directories, its bases first. A path several
   * environments list is a base they share: a change there is made once, for all of them, and an
   * environment whose own later file sets the key keeps its value (layered.ts). Where a current
   * value comes from is the divergence's `at` for that environment. */
  layers?: Record<EnvName, string[]>;
  /** Set by the verdict: the key's risk class. */
  risk?: RiskClass;
}
