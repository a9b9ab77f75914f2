// Values that are versions: semver (1.8.2, v2.0.0-rc.1), Postgres-style (15.3), image tags
// (registry/app:1.8.2), dates and migration ids (2026-03-01, 20260301120000_add_index).

export interface Version {
  /** Numeric parts compared left to right. */
  parts: number[];
  pre?: string;
  text: string;
}

export function parseVersion(text: string): Version | undefined {
  const t = text.trim();
  const tag = /:([^:@/]+)(?:@sha256:[0-9a-f]+)?$/.exec(t)?.[1];
  const v = tag ?? t;
  let m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v);
  if (m) return { parts: [m[1], m[2], m[3], m[4]].filter((p) => p !== undefined).map(Number), ...(m[5] ? { pre: m[5] } : {}), text: t };
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):?(\d{2}))?/.exec(v);
  if (m)
    return {
      parts: m
        .slice(1)
        .filter((p) => p !== undefined)
        .map(Number),
      text: t,
    };
  // A long bare number is a migration id only when it reads as a date (YYYYMMDD, then an optional
  // time): 104857600 or 30000000 are quantities (a byte limit, a timeout), and comparing them as
  // padded ids called a raise a downgrade.
  m = /^((?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{0,6})(?:[_-][\w-]+)?$/.exec(v);
  if (m) return { parts: [Number(m[1]!.padEnd(14, '0'))], text: t };
  m = /^v(\d+)$/i.exec(v);
  if (m) return { parts: [Number(m[1])], text: t };
  return undefined;
}

/** -1, 0 or 1 as `a` is older, equal or newer than `b`; undefined when either is not a version. */
export function compareVersions(a: string | null, b: string | null): number | undefined {
  if (a === null || b === null) return undefined;
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) return undefined;
  const n = Math.max(va.parts.length, vb.parts.length);
  for (let i = 0; i < n; i++) {
    const x = va.parts[i] ?? 0;
    const y = vb.parts[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  if (va.pre !== vb.pre) {
    // Image tags carry suffixes that are no pre-release ("3.9.1-tz2026c", "1.25.3-alpine",
    // "5.2.0-r2"): a rebuild or a variant of the same version. Only a pre-release word makes a
    // suffix come before the release; a rebuild counter comes after it; a variant is no order.
    const preA = va.pre !== undefined && PRE_RELEASE.test(va.pre);
    const preB = vb.pre !== undefined && PRE_RELEASE.test(vb.pre);
    if (preA || preB) {
      if (va.pre === undefined || !preA) return 1;
      if (vb.pre === undefined || !preB) return -1;
      return va.pre < vb.pre ? -1 : 1;
    }
    const ra = va.pre === undefined ? 0 : rebuild(va.pre);
    const rb = vb.pre === undefined ? 0 : rebuild(vb.pre);
    if (ra === undefined || rb === undefined || ra === rb) return undefined;
    return ra < rb ? -1 : 1;
  }
  return 0;
}

const PRE_RELEASE = /^(?:alpha|beta|rc|pre|preview|snapshot|dev|canary|nightly|next|milestone|ea|[abm]\d)(?![a-z])/i;

/** The number of a rebuild suffix ("r2", "build.7", "3"), or undefined for a variant ("alpine"). */
function rebuild(suffix: string): number | undefined {
  const m = /^(?:r|rev|build|p|patch)?[.-]?(\d+)$/i.exec(suffix);
  return m ? Number(m[1]) : undefined;
}
