// A grant or an object made by hand for a bounded purpose, whose maker (or the document that closes
// the purpose) plans to take it away, is removed live — whatever language the plan is written in, and
// whatever order the language puts the object and the verb in ("Geçici yetkiler geri alınacak
// (rolebinding …)", "… 上生产后删除": spent holdout-26, read as "nobody wrote a word" and declared,
// which left a rejected vendor's edit grant and a needless CronJob in production). The plan is read
// in a clause that names the object (or whom it grants to), with a taking-away verb said: not denied,
// not asked. Phrasings, names and languages of their own here.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const ENVS = ['test', 'live'];
const context = { promotion: ENVS, environments: ENVS, today: '2027-03-20' };
const MADE = '2027-01-11T09:40:00Z';
const byHand = { manager: 'kubectl-create', operation: 'Update', time: MADE, exact: true, human: true, kind: 'human' as const };

const binding = (name: string, subject: string): Divergence =>
  ({
    id: 'g',
    key: `RoleBinding/${name}`,
    kind: 'permission',
    severity: 'drift',
    envs: ['live'],
    values: { live: { repo: null, live: 'exists', at: null, type: null } },
    declared: false,
    contract: null,
    notes: [`RoleBinding/${name} exists in live with no definition in live's repo files: it binds ClusterRole/edit to ${subject}`],
    provenance: { live: byHand },
    grantedBy: { live: [{ object: `RoleBinding/${name}`, role: 'ClusterRole/edit', subjects: [subject], createdBy: byHand }] },
  }) as unknown as Divergence;

const object = (key: string): Divergence =>
  ({
    id: 'o',
    key,
    kind: 'live-object',
    severity: 'drift',
    envs: ['live'],
    values: { live: { repo: null, live: 'exists', at: null, type: null } },
    declared: false,
    contract: null,
    notes: [],
    provenance: { live: byHand },
  }) as unknown as Divergence;

const doc = (path: string, text: string, date = '2027-02-15T10:00:00Z') => {
  const sha = 'e'.repeat(40);
  const m = { sha, parents: [], author: 'Ana', email: 'a@x', date, committed: date, subject: 'notes', body: '', files: [path] };
  return buildLog(new Map(), [m], [{ path, sha, text }]);
};
const judge = (d: Divergence, text: string) => explain(d, {}, { ...context, log: doc('docs/closing.md', text) });

describe('a plan to take a hand-made grant away, in another language, removes it live', () => {
  it.each([
    ['German, verb last', '# Abschluss Pilot\n\n- Die Bindung `partner-import-edit` wird nach dem Pilot wieder entziehen (Jonas)\n'],
    ['German, an order', '## Aufräumen\n\n- Rolebinding partner-import-edit löschen, der Pilot ist vorbei.\n'],
    ['French', '## Suites\n\n- Révoquer le rolebinding partner-import-edit, le pilote est terminé.\n'],
    ['Spanish', '## Pendientes\n\n- Hay que eliminar el rolebinding partner-import-edit (piloto cerrado).\n'],
    ['Dutch, verb last', '## Acties\n\n- Na afloop van de pilot de rolebinding partner-import-edit verwijderen (Sanne).\n'],
    ['Polish', '## Do zrobienia\n\n- Usunąć rolebinding partner-import-edit po zakończeniu pilotażu.\n'],
    ['Swedish', '## Åtgärder\n\n- Ta bort rolebinding partner-import-edit när piloten är klar.\n'],
    ['Turkish, another verb', '## Yapılacaklar\n\n- partner-import-edit yetkisi pilot sonrası kaldırılacak (Ayşe)\n'],
    ['Japanese', '## 対応事項\n\n- パイロット終了後に partner-import-edit を削除する（担当: 佐藤）\n'],
    ['by whom it grants to, Italian', '## Azioni\n\n- Revocare i permessi di partner-import-bot al termine del pilota.\n'],
  ])('%s: revert live, as a plan (0.5)', (_what, text) => {
    const v = judge(binding('partner-import-edit', 'ServiceAccount/partner-import-bot'), text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'live' });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it.each([
    ['Portuguese', '## Próximos passos\n\n- Remover o CronJob nightly-reindex-manual depois da versão 4.2.\n'],
    ['Korean', '## 후속 조치\n\n- 4.2 배포 후 nightly-reindex-manual 삭제 예정\n'],
    ['Chinese, another verb', '## 待办\n\n- 4.2 上线后移除 nightly-reindex-manual。\n'],
  ])('a hand-made CronJob, %s: revert live', (_what, text) => {
    const v = judge(object('CronJob/nightly-reindex-manual'), text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'live' });
  });
});

describe('near misses: no plan to take it away is read', () => {
  it.each([
    ['German, denied', '- Die Bindung partner-import-edit nicht löschen, der Partner braucht sie weiter.\n'],
    ['French, denied', '- Ne pas supprimer le rolebinding partner-import-edit.\n'],
    ['Spanish, asked', '- ¿Eliminamos el rolebinding partner-import-edit?\n'],
    ['Polish, asked', '- Czy usunąć rolebinding partner-import-edit?\n'],
    ['Turkish, denied by its suffix', '- partner-import-edit yetkisi silinmeyecek, entegrasyon devam ediyor.\n'],
    ['Japanese, denied', '- partner-import-edit は削除しない（連携は継続）。\n'],
    ['another object removed beside it', '- partner-import-edit: vom Import-Team angelegt.\n- Rolebinding old-batch-view löschen.\n'],
    ['the object named, a removal of something else in its clause', '- partner-import-edit: alte Logs löschen? Nein, nur lesen.\n'],
  ])('%s: still the question (declare, 0.5 or below)', (_what, text) => {
    const v = judge(binding('partner-import-edit', 'ServiceAccount/partner-import-bot'), text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});
