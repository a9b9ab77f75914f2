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
// `user/pass@host` after Oracle's JDBC driver name (`jdbc:oracle:thin:scott/tiger@//db:1521/svc`).
const ORACLE = /jdbc:oracle:[a-z0-9]+:[^\s/@:"]*\//gi;
// A setting named as a password in a query string, a JDBC/ODBC/ADO.NET connection string or a
// libpq key=value DSN: `?password=`, `&sslpassword=`, `;Pwd=`, ` password=`.
// A run of white space separates once, from its first character: tried from each of its characters,
// a long run before no name was read again from every one of them (quadratic in the run).
const PARAM = /(^|[?&;]|(?<!\s)\s)\s*([A-Za-z][\w.-]*)\s*=\s*/g;
const PASSWORD_PARAM = /(?:password|passwd|pwd)$|^(?:pass|secret|token|apikey|accesskey|secretkey|clientsecret|signature|sig)$/;

type Span = [start: number, end: number];

/** The first index at or after `from` where `pattern` (global) matches in `text`, or the text's
 * length. Asked with `from` never decreasing (the matches of a text in order), each answer is kept
 * until it is passed: a value of many URLs or settings is searched once, not once per match. */
function nextIn(text: string, pattern: RegExp): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found < from) {
      pattern.lastIndex = from;
      found = pattern.exec(text)?.index ?? text.length;
    }
    return found;
  };
}

const isSecretText = (text: string) => text.length > 0 && !FINGERPRINT.test(text) && !REFERENCE.test(text);

/** Where each `scheme://` ends: a `://` after a run of scheme characters holding a letter (what
 * `/[A-Za-z][A-Za-z0-9+.-]*:\/\//g` matches), found from the `://` back, so a long run of letters
 * is walked once, not from each of its letters. */
function* afterSchemes(text: string): Generator<number> {
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    let start = at;
    while (start > 0 && /[A-Za-z0-9+.-]/.test(text[start - 1]!)) start--;
    if (/[A-Za-z]/.test(text.slice(start, at))) yield at + 3;
  }
}

/** The `user:password@` of each `scheme://` in the text: the password's span. */
function userinfoPasswords(text: string, spans: Span[]): void {
  const segmentEnd = nextIn(text, /[\s"'<>]/g);
  const nextColon = nextIn(text, /:/g);
  const nextAt = nextIn(text, /@/g);
  const nextQuery = nextIn(text, /\?/g);
  const lastAt = new Map<number, number>();
  for (const from of afterSchemes(text)) {
    // The authority runs to whitespace or a quote (a list's canonical JSON). A password may hold
    // `/`, `?`, `#` and `@` unencoded (`p@ss/w#rd`), so the userinfo ends at the last `@` before any
    // query that follows the first one (`…@host/path?mail=a@b` keeps its query's `@`): where unsure,
    // more is hidden, never a part of the password shown.
    const end = segmentEnd(from);
    // An already fingerprinted password holds spaces: it is passed over whole.
    const colon = nextColon(from);
    if (colon < end && FINGERPRINT.test(text.slice(colon + 1))) continue;
    const first = nextAt(from);
    if (first >= end) continue;
    const query = nextQuery(first);
    const bound = query < end ? query : end;
    let at = lastAt.get(bound);
    if (at === undefined) lastAt.set(bound, (at = text.lastIndexOf('@', bound)));
    // The userinfo's first `:` (before `at`), with no `/`, `?` or `#` before it.
    if (colon >= at || /[/?#]/.test(text.slice(from, colon))) continue;
    const password = text.slice(colon + 1, at);
    // `host:8080/path/@scope`: a port and a path, not a user and a password.
    if (/^\d{1,5}(?:[/?#]|$)/.test(password) && /[/?#]/.test(password)) continue;
    if (isSecretText(password)) spans.push([colon + 1, at]);
  }
}

function oraclePasswords(text: string, spans: Span[]): void {
  const nextStop = nextIn(text, /@|\s/g);
  for (const m of text.matchAll(ORACLE)) {
    const from = m.index + m[0].length;
    const at = nextStop(from);
    if (at > from && text[at] === '@' && isSecretText(text.slice(from, at))) spans.push([from, at]);
  }
}

function paramPasswords(text: string, spans: Span[]): void {
  // Where each kind of value ends (see below), and each quote's close, searched once along the text.
  const queryEnd = nextIn(text, /[&#\s"]/g);
  // A connection string is one line: a payload's next line is its next setting, not the password.
  const connectionEnd = nextIn(text, /[;"\r\n]/g);
  const dsnEnd = nextIn(text, /[\s;"]/g);
  const closes = { '"': nextIn(text, /"/g), "'": nextIn(text, /'/g), '{': nextIn(text, /\}/g) };
  for (const m of text.matchAll(PARAM)) {
    const name = m[2]!.toLowerCase().replace(/[^a-z]/g, '');
    if (!PASSWORD_PARAM.test(name)) continue;
    const from = m.index + m[0].length;
    if (FINGERPRINT.test(text.slice(from))) continue;
    const separator = m[1]!;
    const open = text[from];
    if (open === '"' || open === "'" || open === '{') {
      // Quoted (libpq's 'a b', ODBC's {a;b}): the value inside the quotes.
      const end = closes[open](from + 1);
      if (isSecretText(text.slice(from + 1, end))) spans.push([from + 1, end]);
      continue;
    }
    // A query string's value ends at `&` or `#`; a connection string's at `;` or the line's end (its
    // values may hold spaces); a DSN's at a space.
    const end = separator === '?' || separator === '&' ? queryEnd(from) : separator === ';' || separator === '' ? connectionEnd(from) : dsnEnd(from);
    // `;`-separated values may be followed by spaces before the next setting: they are not the password's.
    const value = text.slice(from, end).trimEnd();
    if (isSecretText(value)) spans.push([from, from + value.length]);
  }
}

// A setting named as a credential in a structured payload a value carries (a ConfigMap's
// `settings.json`, an `app.yaml` block, a `.properties` file's `key: value`): `"password": "…"`,
// `apiKey: …`, `"client_secret": …`. A key (`"name":`, with the backslashes of JSON inside a JSON
// string) or a line's first name (`  db.password: …`, `- token: …`), then `:`.
const QUOTED_NAME = /(\\?)"([A-Za-z][\w.-]*)\\?"[ \t]*:[ \t]*/g;
const LINE_NAME = /^[ \t]*(?:-[ \t]+)?([A-Za-z][\w.-]*)[ \t]*:[ \t]*/gm;
// The name's last words, as people name a credential (`dbPassword`, `client_secret`, `API_KEY`,
// `authToken`), not a setting about one (`passwordMinLength`, `tokenTtl`, `secretName`, `bypass`).
const CREDENTIAL_WORDS =
  /(?:^| )(?:password|passwd|pwd|pass|passphrase|secret|token|api ?key|private ?key|client ?secret|access ?key|secret ?key|auth ?token|credentials?)$/;
const namesCredential = (name: string) =>
  CREDENTIAL_WORDS.test(
    name
      .replace(/([a-z\d])([A-Z])/g, '$1 $2')
      .replace(/[^A-Za-z\d]+/g, ' ')
      .trim()
      .toLowerCase(),
  );
// JSON's and YAML's words for no value: not a secret.
const NO_VALUE = /^(?:null|true|false|~|\[\]|\{\})$/;

function namedPasswords(text: string, spans: Span[]): void {
  const quote = nextIn(text, /"/g);
  const escapedQuote = nextIn(text, /\\"/g);
  const lineEnd = nextIn(text, /[\r\n]/g);
  const jsonEnd = nextIn(text, /[,}\]\r\n]/g);
  const push = (from: number, end: number) => {
    const value = text.slice(from, end).trimEnd();
    if (isSecretText(value) && !NO_VALUE.test(value)) spans.push([from, from + value.length]);
  };
  let after = 0;
  for (const m of text.matchAll(QUOTED_NAME)) {
    if (m.index < after || !namesCredential(m[2]!)) continue;
    const from = m.index + m[0].length;
    if (FINGERPRINT.test(text.slice(from))) continue;
    if (m[1] === '\\' && text.startsWith('\\"', from)) {
      // JSON inside a JSON string: the value ends at the next escaped quote.
      after = escapedQuote(from + 2);
      push(from + 2, after);
    } else if (text[from] === '"') {
      // The closing quote is the first one no backslash escapes: where a backslash stands before
      // it, more is hidden (to the next quote), never a part of the password shown.
      let end = quote(from + 1);
      while (end < text.length && text[end - 1] === '\\') end = quote(end + 1);
      after = end;
      push(from + 1, end);
    } else {
      after = jsonEnd(from);
      push(from, after);
    }
  }
  const quotes = { '"': quote, "'": nextIn(text, /'/g) };
  for (const m of text.matchAll(LINE_NAME)) {
    if (!namesCredential(m[1]!)) continue;
    const start = m.index + m[0].length - m[0].trimStart().length;
    // A fingerprint already shown (`secret:1f0c9a2b44de (8 bytes)`) is not a name and its value.
    if (FINGERPRINT.test(text.slice(start))) continue;
    const from = m.index + m[0].length;
    if (FINGERPRINT.test(text.slice(from))) continue;
    const open = text[from];
    if (open === '"' || open === "'") push(from + 1, quotes[open](from + 1));
    // A YAML block's or a .properties file's value runs to the line's end.
    else push(from, lineEnd(from));
  }
}

/** The spans of the passwords written in plain text inside a value, in order, not overlapping. */
export function passwordSpans(text: string): Span[] {
  if (!/[:=]/.test(text)) return [];
  const spans: Span[] = [];
  userinfoPasswords(text, spans);
  oraclePasswords(text, spans);
  paramPasswords(text, spans);
  namedPasswords(text, spans);
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
