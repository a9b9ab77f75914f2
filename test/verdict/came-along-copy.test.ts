// A value that came along with a copy of another environment's file is nobody's choice: a later note
// saying so ("MAIL_TRANSPORT=smtp-live came along when we cloned the prod overlay", "kam beim Kopieren mit",
// "也一起带过来了") tells where the value came from, and never backs it against the contract
// (copied.ts `cameAlong`, read by superseded.ts). Own keys, environments and phrasings, none of the story's.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Divergence, HistoryEvent } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import type { Message } from '../../src/verdict/log.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import { cameAlong } from '../../src/verdict/copied.js';

const TODAY = '2027-06-20';
const ENVS = ['perf', 'production'];

describe('the words saying a value came along with a copy', () => {
  it.each([
    'perf was cloned from the prod overlay and MAIL_TRANSPORT=smtp-live came along with it.',
    'The prod settings were copied over too, smtp-live included.',
    'MAIL_TRANSPORT=smtp-live kam beim Kopieren des Prod-Overlays mit.',
    'MAIL_TRANSPORT=smtp-live wurde einfach mitkopiert.',
    'smtp-live vino con la copia del overlay de producción.',
    "MAIL_TRANSPORT=smtp-live est venu avec la copie de l'overlay de prod.",
    'perf 是照着 prod 建的，MAIL_TRANSPORT=smtp-live 也一并带过来了。',
    'perf は prod の設定を元に作成し、smtp-live も一緒にコピーされた。',
  ])('%s', (text) => {
    expect(cameAlong(text)).toBeDefined();
  });

  it.each([
    'We chose smtp-live for perf on purpose: the vendor sandbox cannot take the load.',
    'The new mail relay came online on Monday.',
    'Der Fehler kam mit Version 2.4 ins Spiel.',
    'smtp-live never came along with the copy: perf was set by hand.',
  ])('not: %s', (text) => {
    expect(cameAlong(text)).toBeUndefined();
  });
});

describe('a copy passenger does not back a contract violation', () => {
  const msg = messagesBy('Priya', 'p@x', 'd');
  const KEY = 'MAIL_TRANSPORT';
  const run = (noteText: string) => {
    const change = msg('2027-05-10T10:00:00Z', 'perf environment from the prod overlay (PERF-12)');
    const note = msg('2027-05-20T10:00:00Z', 'docs: perf mail incident');
    const contract = parseContract(
      yamlFileFromText(`expected_differences:\n  ${KEY}:\n    perf: "smtp-sandbox"\n    production: "smtp-live"\n`, 'c.yaml'),
      ENVS,
    );
    const event: HistoryEvent = eventOf(change, 'deploy/perf.env', null, 'smtp-live', { merge: false, revert: false });
    const d = {
      id: KEY,
      key: KEY,
      kind: 'contract-violation',
      severity: 'drift',
      envs: ['perf'],
      values: { perf: { repo: 'smtp-live', live: null }, production: { repo: 'smtp-live', live: null } },
      contract: { key: KEY, allowed: { perf: 'smtp-sandbox', production: 'smtp-live' } },
      notes: [],
    } as unknown as Divergence;
    const messages: Message[] = [note, change];
    const log = buildLog(new Map([['perf', new Map([[KEY, [event]]])]]), messages, [{ path: 'docs/perf/mail.md', text: noteText, sha: note.sha }]);
    return explain(d, { perf: [event], production: [] }, { promotion: ENVS, environments: ENVS, today: TODAY, contract, log });
  };

  it('"came along with it": the contract stands, perf goes back', () => {
    const v = run('# perf mail\n\nperf was cloned from the prod overlay (PERF-12), so perf got MAIL_TRANSPORT=smtp-live: it came along with it.\n');
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'perf', value: 'smtp-sandbox' });
  });

  it('a note choosing the value for perf still backs it', () => {
    const v = run('# perf mail\n\nPERF-12: perf keeps MAIL_TRANSPORT=smtp-live on purpose, the vendor sandbox cannot take the load.\n');
    expect(v.suggested === 'revert' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});
