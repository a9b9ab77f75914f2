import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { keysCutAs, similarKeys } from '../../src/report/explain.js';
import { jsonPieces, toJson } from '../../src/report/json.js';
import { jsonSafe } from '../../src/wording/terminal-text.js';
import { scenarioRepo } from '../support/demo-repo.js';
import { repoWithFiles } from '../support/repo.js';

// `scan --format json` is written piece by piece (each divergence and timeline made and dropped
// in turn); the bytes must be those of stringifying the whole document at once.
const whole = (scan: Scan, window?: { since?: string; until?: string }) => `${jsonSafe(JSON.stringify(toJson(scan, window), null, 2))}\n`;
const pieces = (scan: Scan, window?: { since?: string; until?: string }) => [...jsonPieces(scan, window)].join('');

let demo: Scan;
let odd: Scan;
beforeAll(async () => {
  demo = await scanRepository({ repo: await scenarioRepo(), historyCache: false });
  // Keys JSON.stringify writes first (array indices), a right-to-left override in a value, a key
  // set in one environment only, and no history at all.
  const repo = await repoWithFiles({
    'undrift.yaml': 'environments:\n  dev: dev.yaml\n  prod: prod.yaml\npromotion: [dev, prod]\n',
    'dev.yaml': '"10": a\n"2": b\nname: "x\\u202ey"\nonly: here\n"4294967295": big\nempty: []\n',
    'prod.yaml': '"10": c\n"2": d\nname: z\n"4294967295": bigger\nempty: {}\n',
  });
  odd = await scanRepository({ repo, historyCache: false });
}, 120_000);

describe('JSON written in pieces', () => {
  it('is byte for byte the whole document on the demo (history, verdicts, timelines)', () => {
    expect(demo.divergences.length).toBeGreaterThan(3);
    expect(pieces(demo)).toBe(whole(demo));
    expect(pieces(demo, { since: '2026-01-01' })).toBe(whole(demo, { since: '2026-01-01' }));
  });

  it('orders index-like keys as JSON.stringify does and escapes what the whole document escapes', () => {
    const text = pieces(odd);
    expect(text).toBe(whole(odd));
    expect(text).toContain('\\u202e');
    const keys = Object.keys((JSON.parse(text) as { timelines: Record<string, unknown> }).timelines);
    expect(keys.slice(0, 2)).toEqual(['2', '10']);
  });

  it('writes empty lists and maps as JSON.stringify does', () => {
    const empty = { ...odd, divergences: [], patterns: [], notes: [], warnings: [] } as Scan;
    expect(pieces(empty)).toBe(whole(empty));
    expect(pieces(empty)).toContain('"divergences": []');
    expect(pieces(empty)).toContain('"timelines": {}');
  });
});

// `explain`'s "did you mean", on this file's demo scan (a scan of its own would cost more than the check).
describe('similar keys for an unknown one', () => {
  it('finds the key behind a typo, a part of it, or its words in short; nothing for noise', () => {
    expect(similarKeys(demo, 'PAYMENT_GATEWAY_TIMOUT_MS')).toEqual(['PAYMENT_GATEWAY_TIMEOUT_MS']); // a letter left out
    expect(similarKeys(demo, 'FEATURE_RECIEPTS_V2')).toEqual(['FEATURE_RECEIPTS_V2']); // two letters swapped
    expect(similarKeys(demo, 'replcias')).toEqual(['replicas']);
    expect(similarKeys(demo, 'PAYMENT_TIMEOUT')).toEqual(['PAYMENT_GATEWAY_TIMEOUT_MS']); // its words, not all of them
    expect(similarKeys(demo, 'TIMEOUT')).toEqual(['PAYMENT_GATEWAY_TIMEOUT_MS', 'DB_STATEMENT_TIMEOUT_MS']); // a part of it, first
    expect(similarKeys(demo, 'ZZZZZZZZZZ')).toEqual([]);
    expect(similarKeys(demo, 'X')).toEqual([]); // not DB_POOL_MAX for holding an x
    // Keys no file sets: an image, an object, a grant.
    expect(similarKeys(demo, 'image')).toEqual(['Deployment/payment-service.containers[name=app].image']);
    expect(similarKeys(demo, 'settlement-reconcile')).toContain('CronJob/settlement-reconcile');
    expect(similarKeys(demo, 'pg')).toEqual(['PG_CLIENT_VERSION']); // a short word of the key
  });
});

describe('a key as the table cut it', () => {
  it('stands for the keys with both its ends', () => {
    expect(keysCutAs(demo, 'Deployment/payment-ser…iners[name=app].image')).toEqual(['Deployment/payment-service.containers[name=app].image']);
    expect(keysCutAs(demo, 'permissions[subject=Se…ount/payment-service]')).toEqual(['permissions[subject=ServiceAccount/payment-service]']);
    expect(keysCutAs(demo, 'PAYMENT_…_MS')).toEqual(['PAYMENT_GATEWAY_TIMEOUT_MS']);
    expect(keysCutAs(demo, 'PAYMENT_GATEWAY_TIMEOUT_MS')).toEqual([]); // not cut
    expect(keysCutAs(demo, 'Deployment/…nope')).toEqual([]);
  });
});
