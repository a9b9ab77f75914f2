import { describe, expect, it } from 'vitest';
import { exposureOf } from '../../../src/sources/live/exposure.js';
import { inventoryObject } from '../../../src/sources/live/inventory.js';

const service = (type: string | undefined, ports: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'x', namespace: 'ns' },
  spec: { ...(type ? { type } : {}), selector: { app: 'x' }, ports, ...extra },
});
const ingress = (backend: Record<string, unknown>, annotations: Record<string, string> = {}) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'y', annotations },
  spec: { rules: [{ host: 'y.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: backend } }] } }] },
});

describe('an object that opens a database or an internal port to the outside is an exposure', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a NodePort in front of Redis', service('NodePort', [{ port: 6379, nodePort: 30079 }]), /NodePort Service on port 6379 \(Redis\), open to any address/],
    [
      'a LoadBalancer on a port named for MySQL',
      service('LoadBalancer', [{ name: 'mysql', port: 13306, targetPort: 'mysql' }]),
      /LoadBalancer Service on port 13306/,
    ],
    [
      'a LoadBalancer in front of Elasticsearch, limited by source range',
      service('LoadBalancer', [{ port: 9200 }], { loadBalancerSourceRanges: ['198.51.100.0/24'] }),
      /open to 198\.51\.100\.0\/24/,
    ],
    ['external IPs in front of MongoDB', service(undefined, [{ port: 27017 }], { externalIPs: ['192.0.2.10'] }), /external IPs on port 27017 \(MongoDB\)/],
    ['an Ingress without authentication in front of an admin port', ingress({ name: 'billing', port: { name: 'admin' } }), /Ingress with no authentication/],
    [
      'an Ingress without authentication in front of a metrics Service',
      ingress({ name: 'orders-metrics', port: { number: 9090 } }),
      /the Service "orders-metrics"/,
    ],
  ])('%s', (_, raw, phrase) => {
    expect(exposureOf(raw)).toMatch(phrase);
    expect(inventoryObject(raw, 'snapshot').exposes).toMatch(phrase);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a LoadBalancer for a web port', service('LoadBalancer', [{ name: 'https', port: 443, targetPort: 8443 }])],
    ['a ClusterIP in front of Postgres', service('ClusterIP', [{ port: 5432 }])],
    ['a Service of no type (ClusterIP) in front of Redis', service(undefined, [{ port: 6379 }])],
    [
      'an Ingress with authentication in front of an admin port',
      ingress({ name: 'billing', port: { name: 'admin' } }, { 'nginx.ingress.kubernetes.io/auth-url': 'https://auth/' }),
    ],
    ['an Ingress for a public web app', ingress({ name: 'storefront', port: { number: 80 } })],
    ['a Deployment', { kind: 'Deployment', metadata: { name: 'postgres' }, spec: {} }],
  ])('%s is not', (_, raw) => {
    expect(exposureOf(raw)).toBeUndefined();
    expect(inventoryObject(raw, 'snapshot').exposes).toBeUndefined();
  });
});
