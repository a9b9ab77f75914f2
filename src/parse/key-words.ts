// A key's name split into its words, one way for every reader that matches a key against prose:
// camel-case humps apart (`allowedOrigins` → allowed Origins, `tls13Enabled` → tls13 Enabled), then
// every run of letters and digits (`API_RATE_LIMIT`, `db.pool-size`, `features[name=x]`). Case is
// kept and the empty pieces a leading or trailing separator leaves stay: each reader lower-cases
// and filters as it needs.

/** The words of a key or key part, as written ("api.cors.allowedOrigins" → api, cors, allowed, Origins). */
export function wordsOfKey(key: string): string[] {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/);
}
