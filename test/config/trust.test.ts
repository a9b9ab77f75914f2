import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { withTrustedOutward } from '../../src/config/trust.js';

const config = (text: string) => configSchema.parse(parse(text));

describe('withTrustedOutward: what an untrusted checkout keeps of its undrift.yaml', () => {
  const trusted = config(`
environments:
  staging: {files: [config/staging.yaml], live: {kubernetes: {context: staging}}}
  production: {files: [config/production.yaml], live: {kubernetes: {context: prod, namespace: payments}}}
forge: {type: github, repository: acme/app}
limits: {nesting: 1000}
`);

  it("keeps the checkout's files, contract and promotion, and takes every outward setting from the trusted one", () => {
    const checkout = config(`
environments:
  staging: {files: [config/staging.yaml, config/extra.yaml]}
  production: {files: [config/production.yaml], live: {kubernetes: {context: ops, namespace: kube-system}}}
  preview: {files: [config/preview.yaml], live: {exec: [sh, -c, "env"]}}
contract: contract.yaml
promotion: [staging, preview, production]
forge: {type: github, api: "https://attacker.example", repository: acme/app}
kustomize: {remotes: {"github.com/acme/base": /home/runner/other}}
limits: {nesting: 100000, yamlItems: 10}
`);
    const { data, ignored } = withTrustedOutward(checkout, trusted, 'main', 'undrift.yaml');
    expect(data.environments.staging).toMatchObject({ files: ['config/staging.yaml', 'config/extra.yaml'], live: { kubernetes: { context: 'staging' } } });
    expect(data.environments.production?.live).toEqual({ kubernetes: { context: 'prod', namespace: 'payments' } });
    expect(data.environments.preview?.live).toBeUndefined();
    expect(data).toMatchObject({
      contract: 'contract.yaml',
      promotion: ['staging', 'preview', 'production'],
      forge: { type: 'github', repository: 'acme/app' },
    });
    expect(data.forge).not.toHaveProperty('api');
    expect(data.kustomize).toBeUndefined();
    // Raised only to the trusted bound; lowered as the checkout says.
    expect(data.limits).toEqual({ nesting: 1000, yamlItems: 10 });
    expect(ignored).toEqual(['environments.staging.live', 'environments.production.live', 'environments.preview.live', 'forge', 'kustomize', 'limits.nesting']);
  });

  it('configures nothing outward where the trusted ref has no undrift.yaml, and names nothing the checkout did not set', () => {
    const checkout = config('environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\nlimits: {fileBytes: 500000000}\n');
    const { data, ignored } = withTrustedOutward(checkout, undefined, 'main', 'undrift.yaml');
    expect(data.limits).toBeUndefined();
    expect(data.forge).toBeUndefined();
    expect(ignored).toEqual(['limits.fileBytes']);
  });
});
