// Documents name a value the way people write it (src/verdict/documents.ts): an image by its
// version alone ("Pin 1.31.2 in ALL environments"), with the image's name in the document's path or
// text, never another component's same version. Phrasings of our own, none from a verdict story;
// built with the log builder the scan uses, in memory.
import { describe, expect, it } from 'vitest';
import { buildLog, type Message } from '../../src/verdict/log.js';
import { passagesNaming } from '../../src/verdict/documents.js';

const SHA = 'a'.repeat(40);
const message: Message = {
  sha: SHA,
  parents: [],
  author: 'Noor Haddad',
  email: 'noor@example.test',
  date: '2026-11-20T10:00:00Z',
  committed: '2026-11-20T10:00:00Z',
  subject: 'docs: platform notes',
  body: '',
};
const named = (value: string, path: string, text: string) =>
  passagesNaming([value], buildLog(new Map(), [message], [{ path, text, sha: SHA }])).map((p) => p.text);

describe('an image named by its version alone', () => {
  it.each([
    [
      'envoyproxy/envoy:v1.31.2',
      'docs/platform/envoy-1.32.md',
      '# Envoy 1.32\n\nOOM kills under load.\n\n- Pin 1.31.2 in ALL environments until 1.32.1 is out.',
    ],
    ['nginx:1.25.4', 'docs/runbooks/ingress.md', 'Roll the nginx ingress back to v1.25.4 everywhere; 1.27 leaks connections.'],
    ['ghcr.io/acme/bitnami/redis:7.2.4-debian-12-r3', 'docs/cache.md', 'Redis stays on 7.2.4 in every environment until the cache migration.'],
  ])('%s', (value, path, text) => {
    expect(named(value, path, text)).toHaveLength(1);
  });

  it.each([
    ['envoyproxy/envoy:v1.31.2', 'docs/postgres.md', 'The postgres driver 1.31.2 is fine everywhere.'],
    ['envoyproxy/envoy:v1.31.2', 'docs/platform/envoy.md', 'Envoy 1.31.20 is the next patch.'],
    ['envoyproxy/envoy:v1.31', 'docs/platform/envoy.md', 'Pin 1.31 everywhere.'],
  ])('not this one: %s in %s', (value, path, text) => {
    expect(named(value, path, text)).toEqual([]);
  });
});
