// The kinds of key and the documents the linking readers are tested on, shared by the tests that ask
// them as an oracle (document-reads.test.ts: may a changed document concern a kept verdict;
// link-index.test.ts: does the literal index find what reading every passage finds).
import type { HistoryEvent } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';

export interface Case {
  key: string;
  /** The file it is written in (config/staging.yaml where not said). */
  file?: string;
  from: string;
  to: string;
  subject: string;
}

// Kinds of key and value: a currency, a byte size with its type suffix, an image with its version,
// a feature switch in a named list, a path of several words, a live object's field, a URL, a digest.
export const LINK_CASES: readonly Case[] = [
  { key: 'checkout.pricing.defaultCurrency', from: 'EUR', to: 'USD', subject: 'staging: prices in dollars for the US pilot (PRICE-42)' },
  { key: 'INGEST_MAX_PAYLOAD_BYTES', from: '1048576', to: '4194304', subject: 'larger ingest payloads' },
  { key: 'images.api', from: 'ghcr.io/acme/api:1.30.0', to: 'ghcr.io/acme/api:1.31.2', subject: 'bump api' },
  { key: 'features[name=guest-checkout].enabled', from: 'false', to: 'true', subject: 'try it' },
  { key: 'edge.tls.cipherSuites', from: 'ECDHE-RSA-AES128-SHA', to: 'ECDHE-RSA-AES128-GCM-SHA256', subject: 'harden edge' },
  { key: 'CronJob/dunning-reminders.suspend', from: 'false', to: 'true', subject: 'pause reminders' },
  { key: 'PAYMENT_URL', from: 'https://pay-v1.legacy-gw.example.com/api', to: 'https://pay-v2.example.com/api', subject: 'new gateway' },
  { key: 'worker.image', from: 'registry.example/worker:2.0.0', to: 'registry.example/worker@sha256:' + '9f2c4e1b'.repeat(8), subject: 'worker by digest' },
  { key: 'export.batchRows', from: '1000', to: '5000', subject: 'staging: export batch 5000 rows for the load test' },
  { key: 'db.engineVersion', from: '15.4', to: '15.8', subject: 'minor upgrade' },
  { key: 'deploy.replicas', from: '3', to: '5', subject: 'more capacity' },
  { key: 'RATE_LIMIT_ENABLED', from: 'false', to: 'true', subject: 'protect the api' },
  { key: 'image.tag', file: 'apps/ledger/values-staging.yaml', from: '3.14.1', to: '3.14.2', subject: 'patch release' },
  // A list that gained an element, a URL whose host changed: linked by the element or host alone (session 19).
  {
    key: 'web.cors.allowedOrigins',
    from: '["https://shop.acme.example"]',
    to: '["https://shop.acme.example","https://shop.acme-new.example"]',
    subject: 'new domain',
  },
  { key: 'geo.baseUrl', from: 'https://geo-v1.maps.example.com/v1', to: 'https://geo-v2.maps.example.com/v1', subject: 'geocoder' },
];

/** Documents of every phrase family the readers link the cases by. */
export const LINKING_DOCS: readonly string[] = [
  "# Pricing\n\nThe default currency in staging moved EUR -> USD on Kofi's commit of 16 Nov.",
  '## PRICE-42: US pilot\n\nGo for production.',
  'Ingest payload limit: 1 MiB -> 4 MiB everywhere.',
  'The payload is 4 MiB in staging now.',
  'api 1.31.2 is approved for production.',
  'Guest checkout in staging stays on for the experiment.',
  'TLS cipher hardening: edge CBC suites are gone from every environment.',
  'Resume dunning-reminders CronJob after the migration.',
  'https://pay-v1.legacy-gw.example.com/api refuses TLS 1.0 since 2026-02-01.',
  'The worker digest 9f2c4e1b...9f2c4e1b was rebuilt.',
  '# Export batch 5000 rows — load test, staging\n\nIt held.',
  'The 5 000-row batch in staging took 3 minutes.',
  'Prod upgraded 15.4 -> 15.8 last night.',
  'Scaled from 3 to 5 for the sale.',
  'Das Rate-Limit bleibt in production aus.',
  'ledger 3.14.2 is fine everywhere.',
  '1 Dec: shop.acme-new.example live in production.',
  'geo-v2.maps.example.com answers from the EU region now.',
];

/** Documents that name none of the cases. */
export const ON_CALL_DOC = '# On call\n\nPage the platform team first.';
export const COFFEE_DOC = 'Coffee machine: descale monthly.';

export const facts = (subject: string, date: string) => ({ author: 'Kofi Mensah', email: 'kofi@example.test', date, committed: date, subject, body: '' });
export const message = (sha: string, subject: string, date: string, body = ''): Message => ({ ...facts(subject, date), body, sha, parents: [] });

/** The case's one change of its key in staging (commit c1, 16 November), as the history hands it over. */
export const changeOf = (c: Case): HistoryEvent[] => [
  { ...facts(c.subject, '2026-11-16T10:00:00Z'), commit: 'c1', file: c.file ?? 'config/staging.yaml', from: c.from, to: c.to, merge: false, revert: false },
];
