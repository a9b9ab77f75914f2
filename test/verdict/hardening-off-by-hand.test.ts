// holdout-36/20 and 32 (spent): a container's hardening or a mesh's mutual TLS switched off by hand for a
// debugging session (a writable root filesystem for a tcpdump, mTLS PERMISSIVE for a job without a sidecar) was
// declared at 0.45: the weaker side of these Kubernetes and Istio fields was not known as weaker, so the hand
// edit was read as a fix that might be kept. A hand edit that lowers a protection goes back (live.ts).
import { describe, expect, it } from 'vitest';
import { looksLoosened } from '../../src/verdict/risk.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { handEditedLive, why } from './log-builders.js';

describe('the weaker side of a container hardening field or a mesh mTLS mode', () => {
  it.each([
    ['Deployment/api.containers[name=app].securityContext.readOnlyRootFilesystem', 'false'],
    ['securityContext.runAsNonRoot', 'false'],
    ['StatefulSet/db.initContainers[name=init].securityContext.allowPrivilegeEscalation', 'true'],
    ['DaemonSet/agent.containers[name=agent].securityContext.privileged', 'true'],
    ['PeerAuthentication/default.spec.mtls.mode', 'PERMISSIVE'],
    ['PeerAuthentication/payments.spec.mtls.mode', 'DISABLE'],
    ['mesh.mtls.mode', 'permissive'],
  ])('%s = %s is the weaker side', (key, value) => {
    expect(looksLoosened(key, value)).toBe(true);
  });

  it.each([
    ['Deployment/api.containers[name=app].securityContext.readOnlyRootFilesystem', 'true'],
    ['securityContext.runAsNonRoot', 'true'],
    ['securityContext.allowPrivilegeEscalation', 'false'],
    ['securityContext.privileged', 'false'],
    ['PeerAuthentication/default.spec.mtls.mode', 'STRICT'],
    ['PeerAuthentication/default.spec.mtls.mode', 'UNSET'],
    // A database's or an app's read-only mode is a maintenance switch, not a container's hardening.
    ['database.readOnly', 'false'],
    ['ConfigMap/app.data.READ_ONLY_MODE', 'false'],
    // A mode that is not the mesh's mutual TLS.
    ['ingress.tls.mode', 'PASSTHROUGH'],
    ['cache.mode', 'permissive'],
  ])('%s = %s is not', (key, value) => {
    expect(looksLoosened(key, value)).toBe(false);
  });
});

describe('a hardening switched off by hand, nothing written: it goes back live', () => {
  const ENVS = ['staging', 'production'];
  const run = (key: string, repo: string, live: string) =>
    explain(
      handEditedLive(key, 'production', repo, live, 'kubectl-patch', '2026-10-02T09:00:00Z'),
      {},
      {
        promotion: ENVS,
        environments: ENVS,
        today: '2026-10-20',
        log: buildLog(new Map(), [], []),
      },
    );

  it.each([
    ['Deployment/worker.containers[name=worker].securityContext.runAsNonRoot', 'true', 'false'],
    ['Deployment/worker.containers[name=worker].securityContext.allowPrivilegeEscalation', 'false', 'true'],
    ['PeerAuthentication/default.spec.mtls.mode', 'STRICT', 'DISABLE'],
  ])('%s %s → %s live: revert live', (key, repo, live) => {
    const v = run(key, repo, live);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', value: repo });
  });

  it('a maintenance read-only mode switched off by hand is not a weakening: not reverted on that ground', () => {
    const v = run('ConfigMap/app.data.DB_READ_ONLY', 'true', 'false');
    expect(v.suggested, why(v)).not.toBe('revert');
  });

  it('mTLS made STRICT by hand is no weakening: not reverted on that ground', () => {
    const v = run('PeerAuthentication/default.spec.mtls.mode', 'PERMISSIVE', 'STRICT');
    expect(v.suggested, why(v)).not.toBe('revert');
  });
});
