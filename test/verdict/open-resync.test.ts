// A deploy tool wrote a value the repository does not hold — a one-off `helm upgrade --set` for a reindex, an
// Argo CD rollback to too old a revision — and the record of it leaves the redeploy from the repository
// unticked (open-put-back.ts, openResync; spent holdout-35/40 and /42, both declared as "deployed from another
// source"). The record names the live value beside a word of the key; its open item deploys from the repo
// again. Read in English, German, French, Italian and Spanish; not a ticked box, a step waiting for
// something, a runbook written before the deploy, or a record naming another value.
import { describe, expect, it } from 'vitest';
import { openResync } from '../../src/verdict/open-put-back.js';
import { documentsLog, messagesBy } from './log-builders.js';

const KEY = 'Deployment/ingest.containers[name=worker].env[name=FLUSH_INTERVAL_MS].value';
const DEPLOYED = '2027-02-10T21:00:00Z';
const by = messagesBy('Ana Lima', 'ana@x', 'f');
const read = (text: string, at = '2027-02-12T09:00:00Z', today = '2027-03-01') =>
  openResync(KEY, '5000', '250', DEPLOYED, documentsLog(by, [{ path: 'docs/changes/CHG-12.md', text, at }]), today);

describe('a one-off deploy whose redeploy from the repo is left undone', () => {
  it.each([
    ['English, helm', '# CHG-12 backfill\n\n- [x] helm upgrade --set worker.flushInterval=5000\n- [x] backfill done\n- [ ] redeploy from the repo values\n'],
    ['English, Argo CD', '# INC-9\n\n- rolled back in Argo CD; flush interval is 5000 again.\n\n## To do\n- [ ] re-sync the app\n'],
    ['German', '# CHG-12\n\n- [x] helm upgrade mit --set worker.flushInterval=5000\n- [ ] aus dem Repo neu deployen\n'],
    ['French', '# CHG-12\n\n- [x] helm upgrade avec --set flushInterval=5000\n- [ ] resynchroniser depuis le dépôt\n'],
    ['Italian', '# INC-9\n\n- rollback da Argo CD: flush interval di nuovo a 5000.\n\n## Da fare\n- [ ] fare sync dal repo\n'],
    ['Spanish', '# CHG-12\n\n- [x] helm upgrade con --set flushInterval=5000\n- [ ] sincronizar desde el repo\n'],
  ])('%s', (_what, text) => {
    expect(read(text)?.item, text).toMatch(/\[ \]/);
  });
});

describe('what is no redeploy left undone', () => {
  it.each([
    ['the box ticked', '- [x] helm upgrade --set worker.flushInterval=5000\n- [x] redeploy from the repo values\n- [ ] write the report\n'],
    ['a step waiting for something', '- [x] helm upgrade --set worker.flushInterval=5000\n- [ ] redeploy from the repo values once the backfill is done\n'],
    ['an item called off', '- [x] helm upgrade --set worker.flushInterval=5000\n- [ ] redeploy from the repo values — not needed\n'],
    ['a question', '- [x] helm upgrade --set worker.flushInterval=5000\n- [ ] redeploy from the repo values?\n'],
    ['a record naming another value', '- [x] helm upgrade --set worker.flushInterval=7000\n- [ ] redeploy from the repo values\n'],
    ['a record naming the value without the key', '- [x] imported 5000 documents\n- [ ] redeploy from the repo values\n'],
    ['an open item that is no redeploy', '- [x] helm upgrade --set worker.flushInterval=5000\n- [ ] tell the search team\n'],
  ])('%s', (_what, text) => {
    expect(read(text)).toBeUndefined();
  });
  it('a runbook written before the deploy (a template)', () => {
    expect(read('- [ ] helm upgrade --set worker.flushInterval=5000\n- [ ] redeploy from the repo values\n', '2027-01-05T09:00:00Z')).toBeUndefined();
  });
});
