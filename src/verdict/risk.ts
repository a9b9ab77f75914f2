// What kind of setting a key is, by its name (and value): some kinds do harm when a value meant for
// a test or one environment reaches production, or when production's value reaches another one.
import type { RiskClass } from '../model/types.js';
import { parseVersion } from '../parse/version-numbers.js';
import { regex } from './pattern.js';

// Key names are split into words so `AUTH` matches `NEW_AUTH_FLOW`, `authTimeout` and `oauth.url`.
function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .toLowerCase();
}

const RULES: Array<[RiskClass, RegExp]> = [
  [
    'alerting',
    regex(
      '',
      String.raw`\b(?:pager ?duty|pagerduty|pd|opsgenie|victorops|on ?call|oncall|paging|pager|`,
      'alert(?:s|ing|manager)?|escalation|incident ?(?:webhook|channel)|notify|notifications?|',
      String.raw`slack ?(?:webhook|channel)|status ?page)\b`,
    ),
  ],
  [
    'secret',
    regex(
      '',
      String.raw`\b(?:password|passwd|pwd|secret|secrets|token|tokens|api ?key|apikey|private ?key|signing ?key|`,
      'encryption ?key|credential|credentials|creds|client ?secret|dsn|connection ?string|access ?key|',
      String.raw`secret ?key|hmac|salt|cert(?:ificate)? ?key|service ?key|integration ?key|routing ?key)\b`,
    ),
  ],
  [
    'permissions',
    regex(
      '',
      String.raw`\b(?:rbac|roles?|cluster ?admin|admins?|superusers?|sudo|permissions?|grants?|privileges?|`,
      'privileged|iam|acl|acls|policy|policies|allow ?list|allowlist|whitelist|',
      String.raw`allowed ?(?:users|groups|ips|origins|hosts|emails)|service ?account|impersonat\w*|owners?|scopes?)\b`,
    ),
  ],
  [
    'security',
    regex(
      '',
      String.raw`\b(?:auth|authn|authz|oauth|oidc|saml|sso|login|mfa|2fa|otp|totp|captcha|verif\w*|verify|ssl|tls|`,
      String.raw`https|hsts|csrf|xsrf|cors|csp|encrypt\w*|security|secure|insecure|signature|jwt|session|sessions|`,
      'cookie|cookies|password ?policy|sandbox|ciphers?|cipher ?suites?|',
      'skip ?(?:verify|auth|check|checks|validation)|allow ?insecure|validation|validate|fraud|kyc|pci|',
      String.raw`firewall|waf|ip ?filter|trusted ?proxies)\b`,
    ),
  ],
  [
    'debug',
    /\b(?:debug|debugging|verbose|verbosity|trace|tracing|log(?:ging)? ?levels?|loglevel|profiling|profiler|pprof|dev ?mode|sql ?log\w*|log ?sql|stack ?traces?|dump|explain|inspect)\b/,
  ],
  [
    'rate-limit',
    /\b(?:rate ?limit\w*|ratelimit\w*|throttl\w*|quota|quotas|burst|max ?requests|rps|qps|requests ?per \w+|per ?second|per ?minute|backoff|circuit ?breaker)\b/,
  ],
  [
    'feature-flag',
    /\b(?:feature|features|flag|flags|ff|toggle|toggles|experiment|experiments|beta|alpha|preview|rollout|enable|enabled|disable|disabled|use ?new|new|v2|v3|legacy|kill ?switch|canary)\b/,
  ],
  ['version', /\b(?:version|versions|ver|tag|image|release|revision|rev|migration|schema|chart|sha|digest|build)\b/],
  [
    'resources',
    regex(
      '',
      String.raw`\b(?:replicas?|replica ?count|instances?|min ?size|max ?size|desired ?capacity|capacity|cpu|cpus|`,
      'memory|mem|heap|xmx|xms|pool|pool ?size|workers?|threads?|concurrency|parallelism|nodes?|',
      'node ?count|az|azs|az ?count|availability ?zones?|zones|shards?|partitions?|limits?|requests|',
      String.raw`resources|disk|storage|volume ?size|max ?connections)\b`,
    ),
  ],
  [
    'endpoint',
    /\b(?:url|urls|uri|host|hosts|hostname|endpoint|endpoints|domain|address|addr|bucket|queue|topic|region|dns|base ?path|server|servers|database|db ?name|cluster|namespace)\b/,
  ],
];

/** A count, a size or a duration: `500`, `-1`, `2.5`, `30s`, `512Mi`, `80%`. */
const NUMBER = /^-?\d+(?:\.\d+)?\s*(?:ms|s|m|h|d|k|kb|mb|gb|ki|mi|gi|%)?$/i;

const PRESENTATION = regex(
  '',
  String.raw`\b(?:theme|themes|dark ?(?:theme|mode)|light ?mode|colou?rs?|palette|layout|font|fonts|banner|logo|`,
  'icons?|avatar|sidebar|menu|tooltips?|density|compact|animations?|css|skin|wallpaper|emoji|branding|',
  String.raw`landing ?page|dashboard ?layout)\b`,
);

const LIFETIME = /\b(?:ttl|expir\w*|lifetime|life|max ?age|age|rotat\w*|validity|valid ?for|idle)\b/;

/** The risk class of a key: the first class (most harmful first) whose words its name uses. */
export function riskOf(key: string, values: Array<string | null> = []): RiskClass {
  if (values.some((v) => v !== null && /^secret:[0-9a-f]{6,}/.test(v))) return 'secret';
  const w = words(key);
  // A number grants nothing and keeps nothing secret: in `ADMIN_EXPORT_PAGE_SIZE` or
  // `TOKEN_TTL_SECONDS` the risky word says whose setting it is, the last word what it is. Only
  // where that last word is itself the grant or the secret (`SERVICE_PIN_TOKEN`) does it count.
  const present = values.filter((v): v is string => typeof v === 'string');
  const numeric = present.length > 0 && present.every((v) => NUMBER.test(v.trim()));
  const last = w.trim().split(' ').at(-1) ?? '';
  // A switch of how something looks (`ADMIN_CONSOLE_FORCE_DARK_THEME`): the risky word says whose
  // screen it is, and a look grants and hides nothing.
  const boolean = present.length > 0 && present.every((v) => /^(?:true|false|on|off|yes|no|enabled|disabled)$/i.test(v.trim()));
  const looks = boolean && PRESENTATION.test(w);
  for (const [risk, re] of RULES) {
    if (!re.test(w)) continue;
    if (looks && (risk === 'permissions' || risk === 'secret' || risk === 'security')) continue;
    if (numeric && (risk === 'permissions' || risk === 'secret') && !re.test(last)) {
      // How long a secret lives is a security setting (a token's TTL, a key's rotation).
      if (risk === 'secret' && LIFETIME.test(w)) return 'security';
      continue;
    }
    return risk;
  }
  if (values.some((v) => v !== null && parseVersion(v) !== undefined) && values.filter((v) => v !== null).every((v) => parseVersion(v) !== undefined))
    return 'version';
  if (values.some((v) => v !== null && /^(?:true|false|on|off|yes|no|enabled|disabled)$/i.test(v))) return 'feature-flag';
  return 'none';
}

/** Classes where a value moved toward production without explicit evidence can do harm. */
export function isRisky(risk: RiskClass): boolean {
  return risk !== 'none' && risk !== 'endpoint';
}

/** Classes whose values are by nature one environment's own: production's page on-call, hold
 * production's credentials, size for production's load, point at production's systems. Copying
 * production's value into another environment is rarely right. */
export function isPerEnvironment(risk: RiskClass): boolean {
  return risk === 'alerting' || risk === 'secret' || risk === 'resources' || risk === 'endpoint' || risk === 'permissions';
}

export const RISK_WORDS: Record<RiskClass, string> = {
  security: 'a security or authentication setting',
  permissions: 'a permission or role grant',
  debug: 'a debug, verbose or trace setting',
  'feature-flag': 'a feature flag',
  'rate-limit': 'a rate limit',
  secret: 'a secret or credential',
  alerting: 'an alerting or paging setting',
  resources: 'a resource, size or replica setting',
  version: 'a version',
  endpoint: "an endpoint or another system's address",
  none: 'a plain setting',
};

/** Does the value look like the weaker side of a risky setting (debug on, a check skipped, a
 * grant widened)? Used to say how a move would harm, never alone to decide. */
export function looksLoosened(key: string, value: string | null): boolean {
  if (value === null) return false;
  const w = words(key);
  const v = value.toLowerCase();
  const truthy = /^(?:true|on|yes|1|enabled)$/.test(v);
  const falsy = /^(?:false|off|no|0|disabled)$/.test(v);
  if (/\b(?:skip|disable|disabled|insecure|bypass|allow ?all|no ?verify|debug|verbose|trace|mock|fake|stub|dry ?run|test ?mode|sandbox)\b/.test(w))
    return truthy;
  if (/\b(?:verif\w*|verify|auth|ssl|tls|secure|csrf|mfa|2fa|validation|enforce\w*|strict|required)\b/.test(w)) return falsy;
  // A protection switched off by its flag (`RATE_LIMIT_ENABLED=false`, `wafEnabled: off`): the
  // mechanism named with an on/off word, where the value is that word's "off" (a newcomer's trial,
  // session 38: a rate limit's enabled flag set false in production was no weaker setting).
  if (
    /\b(?:enabled?|on|active)\b/.test(w) &&
    /\b(?:rate ?limit\w*|ratelimit\w*|throttl\w*|quotas?|waf|firewall|captcha|antivirus|virus ?scan\w*|malware ?scan\w*|encrypt\w*|hsts|lockout)\b/.test(w)
  )
    return falsy;
  // A container's hardening switched off (a writable root filesystem for a tcpdump, root allowed, escalation or
  // privileged mode on) and a mesh's mutual TLS let down to plaintext (PERMISSIVE, DISABLE): Kubernetes' and
  // Istio's own field names, whose weaker side is what a debugging session leaves behind. A database's
  // `readOnly` mode is not one: only the root filesystem's counts.
  if (/\b(?:read ?only ?root ?file ?system|run ?as ?non ?root)\b/.test(w)) return falsy;
  if (/\b(?:allow ?privilege ?escalation|privileged)\b/.test(w)) return truthy;
  if (/\bmtls\b/.test(w) && /\bmode\b/.test(w)) return /^(?:permissive|disable|disabled|off|none)$/.test(v);
  if (/\b(?:log ?level|loglevel|level|verbosity)\b/.test(w)) return /^(?:debug|trace|verbose|all|silly)$/.test(v);
  // A limit switched off: by convention 0, -1 or a word means "no limit" for rate limits, quotas
  // and size caps (a cap of 0 bytes or 0 requests per second would stop all traffic, so nobody
  // means that).
  if (
    /\b(?:rate ?limits?|ratelimit\w*|throttl\w*|quotas?|max ?(?:body|request|upload|payload|file)\w*|(?:body|request|upload|payload) ?(?:size|bytes) ?limit)\b/.test(
      w,
    )
  )
    return /^(?:0|-1|unlimited|none|off|disabled|infinite|inf)$/.test(v);
  // Anyone let in: a wildcard origin or host, an open network range ("*" for CORS origins or allowed
  // hosts, "0.0.0.0/0" for a source range or trusted proxies), alone or as an element of a list.
  if (
    /\b(?:origins?|cors|allow(?:ed)? ?(?:hosts?|origins?|ips?|cidrs?|networks?|sources?)|allow ?list|white ?list|trusted ?(?:proxies|hosts|ips|networks?)|cidrs?|(?:source|ip) ?ranges?|hosts)\b/.test(
      w,
    ) &&
    (/(?:^|[\s,;"'[])\*(?:$|[\s,;"'\]])/.test(v) || /(?:^|[^\d.])0\.0\.0\.0\/0\b|(?:^|[\s,;"'[])::\/0(?:$|[\s,;"'\]])/.test(v))
  )
    return true;
  return /\b(?:cluster-?admin|admin|\*|all)\b/.test(v) && /\b(?:role|roles|grant|permission|permissions|rbac|acl|scope|scopes)\b/.test(w);
}

/** Does the value switch something off for safety (a kill switch on, a feature disabled, a
 * maintenance or read-only mode)? Taking such a value away brings back what it protects against. */
export function looksProtective(key: string, value: string | null): boolean {
  if (value === null) return false;
  const w = words(key);
  const truthy = /^(?:true|on|yes|1|enabled)$/i.test(value);
  const falsy = /^(?:false|off|no|0|disabled)$/i.test(value);
  if (
    /\b(?:kill ?switch|killswitch|circuit ?breaker|maintenance|read ?only|readonly|pause[ds]?|halt|freeze|fallback|degraded|safe ?mode|shed|disable|disabled|off)\b/.test(
      w,
    )
  )
    return truthy;
  if (/\b(?:enable|enabled|use)\b/.test(w)) return falsy;
  return false;
}
