import { execFileSync } from 'node:child_process';

/** Whether a program runs here (it answers `args` with exit 0). */
export function has(program: string, args: string[]): boolean {
  try {
    execFileSync(program, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Kustomize overlays can be built here: kustomize, or kubectl's built-in kustomize. */
export const canBuildKustomize = has('kustomize', ['version']) || has('kubectl', ['kustomize', '--help']);
