// The one split of a key into its words (src/parse/key-words.ts), which the verdict's readers share.
import { describe, expect, it } from 'vitest';
import { wordsOfKey } from '../../src/parse/key-words.js';

describe('a key split into its words', () => {
  it.each([
    ['api.cors.allowedOrigins', ['api', 'cors', 'allowed', 'Origins']],
    ['INGEST_MAX_PAYLOAD_BYTES', ['INGEST', 'MAX', 'PAYLOAD', 'BYTES']],
    ['db.pool-size', ['db', 'pool', 'size']],
    ['tls13Enabled', ['tls13', 'Enabled']],
    ['features[name=guest-checkout].enabled', ['features', 'name', 'guest', 'checkout', 'enabled']],
    ['ttlSeconds', ['ttl', 'Seconds']],
    // A trailing separator leaves an empty piece: each reader filters.
    ['ports[0]', ['ports', '0', '']],
    ['HTTPServer', ['HTTPServer']],
  ])('%s', (key, words) => {
    expect(wordsOfKey(key)).toEqual(words);
  });
});
