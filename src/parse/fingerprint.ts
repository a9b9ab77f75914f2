import { createHmac, randomBytes } from 'node:crypto';
import type { RepoLocation, Value } from '../model/types.js';

const FINGERPRINT = /^secret:[0-9a-f]{12} \(\d+ bytes\)$/;
const NOWHERE: RepoLocation = { file: '', line: 0, column: 0 };

/**
 * Secret values never leave the process: they are compared through a keyed fingerprint, which
 * cannot be looked up without the key. The engine makes one with the repository's own key (kept
 * in .git/undrift, so that fingerprints in the history cache match across runs) and hands it to
 * every reader of secret values: repo files, history, live objects, release records.
 */
export class SecretFingerprint {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    this.#key = key;
  }

  /** `secret:<12 hex> (<n> bytes)`: equal for equal bytes under one key, and nothing else. */
  of(bytes: Buffer): string {
    return `secret:${createHmac('sha256', this.#key).update(bytes).digest('hex').slice(0, 12)} (${bytes.length} bytes)`;
  }

  /** A plaintext value's fingerprint (null stays null: absent). */
  ofText(text: string | null): string | null {
    return text === null ? null : this.of(Buffer.from(text));
  }

  /** A secret as a value read at `location`. */
  value(bytes: Buffer, location: RepoLocation = NOWHERE): Value {
    return { text: this.of(bytes), type: 'secret', location };
  }

  static isFingerprint(text: string | null): boolean {
    return text !== null && FINGERPRINT.test(text);
  }
}

/** For a reader called without the repository's key (a test, an edit's before/after check): a key
 * of this process's own, so its fingerprints compare within the process only. */
export const PROCESS_FINGERPRINT = new SecretFingerprint(randomBytes(32));
