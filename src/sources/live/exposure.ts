import { isMap } from '../../model/is-map.js';
// What a live object opens to the outside: a Service of type LoadBalancer or NodePort (or with
// external IPs), or an Ingress without an authentication annotation, in front of a database, a
// cache, a queue or an internal port (an admin console, metrics, a debugger). Such an object is an
// exposure, not a neutral object: it is read as a fact about the object, so the verdict classes it
// a security setting and never codifies it by default. A public web port (80, 443, 8080 named
// http) behind a load balancer is what load balancers are for, and is not an exposure.

type Obj = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Ports whose service is a datastore or an internal endpoint, and what runs there by default. */
const INTERNAL_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'],
  [6432, 'PgBouncer'],
  [3306, 'MySQL'],
  [33060, 'MySQL X'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [27017, 'MongoDB'],
  [6379, 'Redis'],
  [11211, 'Memcached'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch transport'],
  [5672, 'RabbitMQ'],
  [15672, 'RabbitMQ management'],
  [9092, 'Kafka'],
  [2181, 'ZooKeeper'],
  [2379, 'etcd'],
  [8500, 'Consul'],
  [8200, 'Vault'],
  [26257, 'CockroachDB'],
  [9042, 'Cassandra'],
  [8086, 'InfluxDB'],
  [5984, 'CouchDB'],
  [7687, 'Neo4j'],
  [4222, 'NATS'],
  [6443, 'the Kubernetes API'],
  [10250, 'the kubelet'],
  [2375, 'the Docker daemon'],
  [22, 'SSH'],
  [3389, 'RDP'],
  [5900, 'VNC'],
]);

// A port's or a target's name that says it is internal: a datastore, an admin console, metrics, a debugger.
const INTERNAL_NAME = new RegExp(
  String.raw`(?<![a-z])(?:postgres(?:ql)?|pg|psql|mysql|mariadb|mongo(?:db)?|redis|memcached?|elastic(?:search)?|opensearch|rabbit(?:mq)?|amqp|` +
    String.raw`kafka|zookeeper|etcd|cassandra|db|database|admin|management|metrics|debug|pprof|jmx|actuator|ssh|rdp|vnc)(?![a-z])`,
  'i',
);

// An Ingress annotation that puts authentication in front of it (ingress-nginx, Traefik, oauth2-proxy, ALB, GCE IAP).
const AUTH_ANNOTATION = /auth-url|auth-type|auth-signin|auth-secret|oauth|middlewares|auth-idp|\/auth-|iap|jwt/i;

function internalPort(port: Obj): string | undefined {
  const number = typeof port.port === 'number' ? port.port : Number(port.port);
  const target = typeof port.targetPort === 'number' ? port.targetPort : Number(port.targetPort);
  const byNumber = INTERNAL_PORTS.get(number) ?? INTERNAL_PORTS.get(target);
  if (byNumber) return `port ${Number.isFinite(number) ? number : target} (${byNumber})`;
  const name = [port.name, port.targetPort].find((x): x is string => typeof x === 'string' && INTERNAL_NAME.test(x));
  return name ? `port ${Number.isFinite(number) ? number : name} ("${name}")` : undefined;
}

/** What the object exposes, in a phrase ("a LoadBalancer Service on port 5432 (PostgreSQL), open to
 * 203.0.113.40/32"), or undefined where it exposes nothing internal. */
export function exposureOf(raw: Obj & { kind?: string }): string | undefined {
  const spec = isMap(raw.spec) ? raw.spec : {};
  if (raw.kind === 'Service') {
    const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
    const external = list(spec.externalIPs).length > 0;
    if (type !== 'LoadBalancer' && type !== 'NodePort' && !external) return undefined;
    const selector = isMap(spec.selector) ? Object.values(spec.selector).filter((v): v is string => typeof v === 'string') : [];
    const ports = list(spec.ports).filter(isMap);
    const port = ports.map(internalPort).find(Boolean) ?? (selector.some((s) => INTERNAL_NAME.test(s)) ? `the pods of ${selector.join(', ')}` : undefined);
    if (!port) return undefined;
    const ranges = list(spec.loadBalancerSourceRanges).filter((r): r is string => typeof r === 'string');
    const how = external && type === 'ClusterIP' ? 'a Service with external IPs' : `a ${type} Service`;
    return `${how} on ${port}${ranges.length > 0 ? `, open to ${ranges.join(', ')}` : ', open to any address'}`;
  }
  if (raw.kind === 'Ingress') {
    const meta = isMap(raw.metadata) ? raw.metadata : {};
    const annotations = isMap(meta.annotations) ? Object.keys(meta.annotations) : [];
    if (annotations.some((a) => AUTH_ANNOTATION.test(a))) return undefined;
    const backends = [
      ...(isMap(spec.defaultBackend) ? [spec.defaultBackend] : []),
      ...list(spec.rules)
        .filter(isMap)
        .flatMap((r) => (isMap(r.http) ? list(r.http.paths).filter(isMap) : []))
        .map((p) => p.backend)
        .filter(isMap),
    ];
    for (const b of backends) {
      const service = isMap(b.service) ? b.service : {};
      const port = isMap(service.port) ? service.port : {};
      const name = typeof service.name === 'string' ? service.name : '';
      const found = internalPort({ port: port.number, name: port.name }) ?? (INTERNAL_NAME.test(name) ? `the Service "${name}"` : undefined);
      if (found) return `an Ingress with no authentication in front of ${found}`;
    }
  }
  return undefined;
}
