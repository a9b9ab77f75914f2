import type { SecretFingerprint } from './fingerprint.js';

// A password written inside a value (`DATABASE_URL=postgres://app:s3cretpw@db/app`, a JDBC URL's
// `?password=`, an ODBC string's `Pwd=…;`) is a secret whatever the key is called: the rest of the
// value (scheme, user, host, database) is what a reader needs, the password is not. It is replaced
// by its keyed fingerprint (`postgres://app:secret:1f0c9a2b44de (8 bytes)@db/app`), the HMAC every
// secret gets: the same password gives the same text in every environment, and a changed one a
// different text, so values compare as exactly as before and nothing shown holds the password.

const FINGERPRINT = /^secret:[0-9a-f]{12} \(\d+ bytes\)/;
const FINGERPRINT_ANYWHERE = /secret:[0-9a-f]{12} \(\d+ bytes\)/;
/** Where the secret lives, not the secret: `${DB_PASSWORD}`, `{{ .Values.x }}`, `$(DB_PASSWORD)`
 * (Kubernetes' own expansion), `%(password)s`, `<password>`, a mask. */
const REFERENCE = /^(?:\$\{|\$\(|\{\{|%\(|<[^>]*>$|\$[A-Za-z_]\w*$|\*+$|(?:vault|ref\+\w+|secretsmanager|awssm|gcpsm|azkv|op|sops|k8s):)/i;
const SCHEME = /[A-Za-z][A-Za-z0-9+.-]*:\/\//g;
// `user/pass@host` after Oracle's JDBC driver name (`jdbc:oracle:thin:scott/tiger@//db:1521/svc`).
const ORACLE = /jdbc:oracle:[a-z0-9]+:[^\s/@:"]*\//gi;
// A setting named as a password in a query string, a JDBC/ODBC/ADO.NET connection string or a
// libpq key=value DSN: `?password=`, `&sslpassword=`, `;Pwd=`, ` password=`.
const PARAM = /(^|[?&;]|\s)\s*([A-Za-z][\w.-]*)\s*=\s*/g;
const PASSWORD_PARAM = /(?:password|passwd|pwd)$|^(?:pass|secret|token|apikey|accesskey|secretkey|clientsecret|signature|sig)$/;

type Span = [start: number, end: number];

const isSecretText = (text: string) => text.length > 0 && !FINGERPRINT.test(text) && !REFERENCE.test(text);

/** The `user:password@` of each `scheme://` in the text: the password's span. */
function userinfoPasswords(text: string, spans: Span[]): void {
  for (const m of text.matchAll(SCHEME)) {
    const from = m.index + m[0].length;
    // The authority runs to whitespace or a quote (a list's canonical JSON). A password may hold
    // `/`, `?`, `#` and `@` unencoded (`p@ss/w#rd`), so the userinfo ends at the last `@` before any
    // query that follows the first one (`…@host/path?mail=a@b` keeps its query's `@`): where unsure,
    // more is hidden, never a part of the password shown.
    const segment = /^[^\s"'<>]*/.exec(text.slice(from))![0];
    // An already fingerprinted password holds spaces: it is passed over whole.
    const colon = segment.indexOf(':');
    if (colon >= 0 && FINGERPRINT.test(text.slice(from + colon + 1))) continue;
    const first = segment.indexOf('@');
    if (first < 0) continue;
    const query = segment.indexOf('?', first);
    const at = segment.lastIndexOf('@', query < 0 ? segment.length : query);
    const userinfo = segment.slice(0, at);
    const split = userinfo.indexOf(':');
    if (split < 0 || /[/?#]/.test(userinfo.slice(0, split))) continue;
    const password = userinfo.slice(split + 1);
    // `host:8080/path/@scope`: a port and a path, not a user and a password.
    if (/^\d{1,5}(?:[/?#]|$)/.test(password) && /[/?#]/.test(password)) continue;
    if (isSecretText(password)) spans.push([from + split + 1, from + at]);
  }
}

function oraclePasswords(text: string, spans: Span[]): void {
  for (const m of text.matchAll(ORACLE)) {
    const from = m.index + m[0].length;
    const at = text.slice(from).search(/@|\s/);
    if (at > 0 && text[from + at] === '@' && isSecretText(text.slice(from, from + at))) spans.push([from, from + at]);
  }
}

function paramPasswords(text: string, spans: Span[]): void {
  for (const m of text.matchAll(PARAM)) {
    const name = m[2]!.toLowerCase().replace(/[^a-z]/g, '');
    if (!PASSWORD_PARAM.test(name)) continue;
    const from = m.index + m[0].length;
    const rest = text.slice(from);
    if (FINGERPRINT.test(rest)) continue;
    const separator = m[1]!;
    let length: number;
    const open = rest[0];
    if (open === '"' || open === "'" || open === '{') {
      // Quoted (libpq's 'a b', ODBC's {a;b}): the value inside the quotes.
      const close = rest.indexOf(open === '{' ? '}' : open, 1);
      const end = close < 0 ? rest.length : close;
      if (isSecretText(rest.slice(1, end))) spans.push([from + 1, from + end]);
      continue;
    }
    // A query string's value ends at `&` or `#`; a connection string's at `;` (its values may hold
    // spaces); a DSN's at a space.
    if (separator === '?' || separator === '&') length = rest.search(/[&#\s"]|$/);
    else if (separator === ';' || separator === '') length = rest.search(/[;"]|$/);
    else length = rest.search(/[\s;"]|$/);
    // `;`-separated values may be followed by spaces before the next setting: they are not the password's.
    const value = rest.slice(0, length).replace(/\s+$/, '');
    if (isSecretText(value)) spans.push([from, from + value.length]);
  }
}

/** The spans of the passwords written in plain text inside a value, in order, not overlapping. */
export function passwordSpans(text: string): Span[] {
  if (!/[:=]/.test(text)) return [];
  const spans: Span[] = [];
  userinfoPasswords(text, spans);
  oraclePasswords(text, spans);
  paramPasswords(text, spans);
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Span[] = [];
  for (const span of spans) if (out.length === 0 || span[0] >= out.at(-1)![1]) out.push(span);
  return out;
}

/** The text with each password inside it replaced by its fingerprint; the same string where it holds none. */
export function textWithPasswordsFingerprinted(text: string, fingerprint: SecretFingerprint): string {
  const spans = passwordSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [start, end] of spans) {
    out += text.slice(last, start) + fingerprint.of(Buffer.from(text.slice(start, end)));
    last = end;
  }
  return out + text.slice(last);
}

/** Whether a value holds a fingerprint in place of some of its text (a URL's password): written
 * into a file, it would be neither the value nor the secret. */
export const holdsFingerprint = (text: string | null | undefined): boolean => typeof text === 'string' && FINGERPRINT_ANYWHERE.test(text);
