// The readers of what a later text says happened (status.ts), as a table: every word of every family
// in every language the tables hold, in every place text lives (a commit's subject, its body, a table
// row, a comment beside a value, a document's list), then phrasings people write that no table line
// was written from, and the statements that are not said (a condition, a plan, a negation, a question).
import { describe, expect, it } from 'vitest';
import { happenedIn, openStepsIn, rejectedIn, replannedIn, statusOf, statusTables, sunsetIn } from '../../src/verdict/status.js';

const WRITTEN = '2026-12-03T10:00:00Z';
/** A table word as written: a stem's ending, a pattern's choice made. */
const asWritten = (w: string) => w.replace(/\*$/, '').replace(' * ', ' gestern ').replace('re-?opened', 'reopened');
const PLACES: Record<string, (subject: string, word: string) => string> = {
  subject: (s, w) => `${s} ${w}`,
  body: (s, w) => `Weekly sync\n\n${s}: ${w} (2026-11-30)\n`,
  'table row': (s, w) => `| ticket | state | day |\n| --- | --- | --- |\n| ${s} | ${w} | 2026-11-30 |`,
  comment: (s, w) => `# ${s} ${w}`,
  doc: (s, w) => `## Status\n\n- ${s} — ${w}\n`,
};
const LANGUAGES = Object.keys(statusTables.done) as Array<keyof typeof statusTables.done>;

describe('a state, every language × family × place', () => {
  for (const [family, state] of [
    ['open', 'open'],
    ['done', 'done'],
    ['wontfix', 'wontfix'],
    ['rejected', 'rejected'],
  ] as const)
    for (const lang of LANGUAGES)
      it(`${family} in ${lang}`, () => {
        for (const word of statusTables[family][lang].map(asWritten))
          for (const [place, make] of Object.entries(PLACES)) {
            const text = make('PSP-441', word);
            expect(statusOf(text, WRITTEN, ['PSP-441'])?.state, `${place}: ${text}`).toBe(state);
          }
      });
});

describe('an event, an end, a replanning: every language × place', () => {
  for (const lang of LANGUAGES)
    it(`happened / sunset / postponed in ${lang}`, () => {
      for (const [place, make] of Object.entries(PLACES)) {
        for (const word of statusTables.happened[lang].map(asWritten)) {
          const text = make('app.nuvo.example', word);
          expect(happenedIn(text, WRITTEN, ['app.nuvo.example']).length, `${place}: ${text}`).toBeGreaterThan(0);
        }
        for (const word of statusTables.sunset[lang].map(asWritten)) {
          const text = make('api-v1.geo.example', word);
          expect(sunsetIn(text, WRITTEN, ['api-v1.geo.example']).length, `${place}: ${text}`).toBeGreaterThan(0);
        }
        for (const word of statusTables.postponed[lang].map(asWritten)) {
          const text = make('MIG-7', word);
          expect(replannedIn(text, WRITTEN, ['MIG-7']).length, `${place}: ${text}`).toBeGreaterThan(0);
        }
      }
    });
});

describe('phrasings the tables were not written from', () => {
  it('reads a ticket state in prose and rows, the newest', () => {
    expect(statusOf('| PSP-441 | Force 3DS on sandbox | Open (vendor ETA: January) |', WRITTEN, ['PSP-441'])?.state).toBe('open');
    expect(statusOf('INFRA-88 was closed on 28 Nov after the NTP fix.', WRITTEN, ['INFRA-88'])).toMatchObject({ state: 'done', date: '2026-11-28' });
    expect(statusOf('Closes DATA-88', WRITTEN, ['DATA-88'])?.state).toBe('done');
    expect(statusOf('Das Ticket OPS-12 ist inzwischen geschlossen.', WRITTEN, ['OPS-12'])?.state).toBe('done');
    expect(statusOf('El ticket PAY-3 sigue abierto, el proveedor no responde.', WRITTEN, ['PAY-3'])?.state).toBe('open');
    expect(statusOf('チケット QA-77 は完了しました。', WRITTEN, ['QA-77'])?.state).toBe('done');
    expect(statusOf('SEC-9 : won’t fix (accepted risk)', WRITTEN, ['SEC-9'])?.state).toBe('wontfix');
    expect(statusOf('PSP-441 still not fixed by the vendor', WRITTEN, ['PSP-441'])?.state).toBe('open');
    expect(statusOf('- 2026-11-20 PSP-441 opened\n- 2026-11-29 PSP-441 resolved, sandbox fixed', WRITTEN, ['PSP-441'])).toMatchObject({
      state: 'done',
      date: '2026-11-29',
    });
    expect(statusOf('Status: complete (2026-11-20)', WRITTEN)).toMatchObject({ state: 'done', date: '2026-11-20' });
    expect(statusOf('Estado: terminado', WRITTEN)?.state).toBe('done');
    expect(statusOf('Statut : terminé le 2 décembre', WRITTEN)).toMatchObject({ state: 'done', date: '2026-12-02' });
  });
  it('reads no state in a condition, a plan, a question or a denial', () => {
    expect(statusOf('force 3DS challenge until PSP-441 is closed', WRITTEN, ['PSP-441'])).toBeUndefined();
    expect(statusOf('Remove once INFRA-88 is resolved.', WRITTEN, ['INFRA-88'])).toBeUndefined();
    expect(statusOf('Zurückdrehen, sobald OPS-12 geschlossen ist.', WRITTEN, ['OPS-12'])).toBeUndefined();
    expect(statusOf('Quitar cuando PAY-3 esté cerrado.', WRITTEN, ['PAY-3'])).toBeUndefined();
    expect(statusOf('QA-77 が完了したら戻します。', WRITTEN, ['QA-77'])).toBeUndefined();
    expect(statusOf('PSP-441 will be closed next week', WRITTEN, ['PSP-441'])).toBeUndefined();
    expect(statusOf('Is PSP-441 closed?', WRITTEN, ['PSP-441'])).toBeUndefined();
    expect(statusOf('PSP-441 is not rejected, only parked', WRITTEN, ['PSP-441'])?.state).not.toBe('rejected');
    expect(statusOf('PSP-441 is closed', WRITTEN, ['PSP-999'])).toBeUndefined();
  });
  it('reads a refusal', () => {
    expect(rejectedIn('Outcome: **rejected**. Do not take 3600 to production.', WRITTEN)?.phrase.toLowerCase()).toBe('rejected');
    expect(rejectedIn('Ergebnis: abgelehnt, Staging zurück auf 60.', WRITTEN)?.phrase).toBe('abgelehnt');
    expect(rejectedIn('Resultado de la revisión: rechazado.', WRITTEN)?.phrase).toBe('rechazado');
    expect(rejectedIn('Décision : refusée par le comité sécurité.', WRITTEN)?.phrase).toBe('refusée');
    expect(rejectedIn('セキュリティレビューの結果、却下。', WRITTEN)?.phrase).toBe('却下');
    expect(rejectedIn('If it is rejected, we roll back.', WRITTEN)).toBeUndefined();
    expect(rejectedIn('The proposal was not rejected.', WRITTEN)).toBeUndefined();
  });
  it('reads an event that happened, with its day, and not one planned', () => {
    expect(happenedIn('1 Dec: app.nuvo.example live in production, DNS switched', WRITTEN)[0]).toMatchObject({ date: '2026-12-01', dated: true, ahead: false });
    expect(happenedIn('## 2026-12-01\n\n- SMS inbox for E2E tests released', WRITTEN)[0]).toMatchObject({ date: '2026-12-01' });
    expect(happenedIn('Checkout v2 went live on 28 November.', WRITTEN)[0]?.date).toBe('2026-11-28');
    expect(happenedIn('Das neue Login ist seit 2. Dezember live.', WRITTEN).length).toBe(1);
    expect(happenedIn('El nuevo dominio está en producción desde el 1 de diciembre.', WRITTEN)[0]?.date).toBe('2026-12-01');
    expect(happenedIn('Le nouveau domaine est en production depuis le 1 décembre.', WRITTEN)[0]?.date).toBe('2026-12-01');
    expect(happenedIn('新しいドメインは12月1日に本番稼働しました。', WRITTEN)[0]?.date).toBe('2026-12-01');
    expect(happenedIn('新域名已上线（12月1日）', WRITTEN)[0]?.date).toBe('2026-12-01');
    expect(happenedIn('Checkout v2 will go live on 15 December.', WRITTEN)).toEqual([]);
    expect(happenedIn('Flip the flag once checkout v2 is live.', WRITTEN)).toEqual([]);
    expect(happenedIn('Is the new domain live?', WRITTEN)).toEqual([]);
    expect(happenedIn('Launch plan: 10 Dec: app.nuvo.example live in production', WRITTEN)[0]).toMatchObject({ date: '2026-12-10', ahead: true });
  });
  it('reads an end announced, with its day', () => {
    expect(
      sunsetIn('api-v1.geo.example will stop answering on 15 December 2026. Please switch all your environments before that date.', WRITTEN)[0],
    ).toMatchObject({ date: '2026-12-15', dated: true });
    expect(sunsetIn('Node 18 reaches end-of-life on 2027-04-30', WRITTEN)[0]?.date).toBe('2027-04-30');
    expect(sunsetIn('Der alte Endpunkt wird am 20.12.2026 abgeschaltet.', WRITTEN)[0]?.date).toBe('2026-12-20');
    expect(sunsetIn('El host antiguo dejará de funcionar el 15 de diciembre.', WRITTEN)[0]?.date).toBe('2026-12-15');
    expect(sunsetIn('旧APIは2026年12月15日に提供終了します。', WRITTEN)[0]?.date).toBe('2026-12-15');
    expect(sunsetIn('v1 will not be shut down this year.', WRITTEN)).toEqual([]);
    expect(sunsetIn('If v1 is deprecated, we move.', WRITTEN)).toEqual([]);
  });
  it('reads a replanning, with its new date', () => {
    expect(replannedIn('Production cut-over moves to Q1 2027.', WRITTEN)[0]?.date).toBe('2027-03-31');
    expect(replannedIn('The migration is postponed to 20 January.', WRITTEN)[0]?.date).toBe('2027-01-20');
    expect(replannedIn('Die Umstellung wird auf KW 3 2027 verschoben.', WRITTEN).length).toBe(1);
    expect(replannedIn('El corte se pospone a enero de 2027.', WRITTEN).length).toBe(1);
    expect(replannedIn('La bascule est reportée à janvier.', WRITTEN).length).toBe(1);
    expect(replannedIn('本番切り替えは延期になりました。', WRITTEN).length).toBe(1);
    expect(replannedIn('The doc moves to the wiki.', WRITTEN)).toEqual([]);
    expect(replannedIn('If it is postponed, we keep both.', WRITTEN)).toEqual([]);
  });
  it('reads steps left open after the work is reported done', () => {
    const doc =
      'Status: **complete** (2026-11-20)\n\n1. Copy the secrets. Done.\n2. Switch the readers.\n3. Remove the temporary grant. TODO — the migrator must not keep read access\n';
    expect(openStepsIn(doc, WRITTEN)?.steps).toEqual(['Remove the temporary grant. TODO — the migrator must not keep read access']);
    expect(openStepsIn('Migration erledigt.\n\n- [x] Daten kopiert\n- [ ] temporäre Rolle löschen\n', WRITTEN)?.steps).toEqual(['temporäre Rolle löschen']);
    expect(openStepsIn('Migración terminada.\n\n- borrar el permiso temporal (pendiente)\n', WRITTEN)?.steps).toEqual([
      'borrar el permiso temporal (pendiente)',
    ]);
    expect(openStepsIn('移行は完了。\n\n- 一時的な権限の削除：未対応\n', WRITTEN)?.steps.length).toBe(1);
    expect(openStepsIn('Status: in progress\n\n- [ ] remove the grant\n', WRITTEN)).toBeUndefined();
    expect(openStepsIn('Status: complete\n\n- [x] remove the grant\n- open the dashboard to check\n', WRITTEN)).toBeUndefined();
  });
});
