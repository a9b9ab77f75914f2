// A span of days whose number is what the setting means ("log retention for 14 days", "keep backups
// for 30 days", "Aufbewahrung für 14 Tage", "日志保留14天") is the setting's own length, not a time limit
// on the change: read as one, a retention became a temporary hack to revert. True time limits stay.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { readIntent } from '../../src/verdict/intent.js';
import { ownLength } from '../../src/verdict/own-length.js';

const WRITTEN = '2026-11-19T13:25:00Z';
const ENVS = ['dev', 'staging', 'production'];
const intentOf = (subject: string, body = '') => readIntent({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, 'staging', ENVS);

describe('a span that is the setting’s own length is no time limit', () => {
  it.each([
    'staging: log retention for 14 days',
    'cache TTL for 2 days',
    'keep backups for 30 days',
    'token lifetime for 7 days',
    'Retain audit traces for 90 days in staging',
    'staging: session cookies valid for 30 days',
    'cache product pages for 2 days',
    'store metrics for 2 weeks',
    'staging: 14-day retention for audit logs',
    'Audit logs: keep them 90 days.\n\nCompliance asked for it.',
    // German, Spanish, French, Italian, Portuguese, Dutch, Polish, Russian, Japanese, Chinese, Korean.
    'Aufbewahrungsdauer für 30 Tage',
    'Logs für 14 Tage aufbewahren',
    'Token für 7 Tage gültig',
    'conservar los logs durante 30 días',
    'retención de backups por 14 días',
    'conserver les logs pendant 30 jours',
    'rétention des sauvegardes pendant 14 jours',
    'conservare i log per 30 giorni',
    'manter backups por 30 dias',
    'logs voor 30 dagen bewaren',
    'przechowuj logi przez 30 dni',
    'retencja logów na 14 dni',
    'хранить логи в течение 30 дней',
    'ログを30日間保持',
    '日志保留14天',
    '로그 30일 보관',
  ])('%s', (subject) => {
    expect(intentOf(subject).temporary, subject).toBeUndefined();
    expect(readDeadline(subject, WRITTEN).date, subject).toBeUndefined();
  });
});

describe('a span that times the change stays a time limit', () => {
  it.each([
    ['enable debug for 2 days', '2026-11-21'],
    ['staging: sampling 100% for the next 14 days', '2026-12-03'],
    ['keep it on for 3 days then revert', '2026-11-22'],
    ['keep debug enabled for 2 days', '2026-11-21'],
    ['staging: verbose logging for two weeks', '2026-12-03'],
    ['staging: cache disabled for 2 days while we debug', '2026-11-21'],
    ['raise cache size for 2 days for the load test', '2026-11-21'],
    ['staging: retention raised to 30 days for 2 weeks', '2026-12-03'],
    ['log retention raised for the next 14 days', '2026-12-03'],
    ['staging: keep the old pool around for 2 days', '2026-11-21'],
    // One clause keeps a length, the other times the change.
    ['Sampling für 2 Tage, Logs 30 Tage aufbewahren', '2026-11-21'],
    ['Debug-Logs für 2 Tage aktiv', '2026-11-21'],
    ['activar debug durante 2 días', '2026-11-21'],
    ['debug activé pendant 2 jours', '2026-11-21'],
    ['manter o debug ligado por 2 dias', '2026-11-21'],
    ['debug włączony na 2 dni', '2026-11-21'],
    ['デバッグを3日間有効化', '2026-11-22'],
    ['staging 调试日志开启3天', '2026-11-22'],
  ])('%s', (subject, until) => {
    expect(intentOf(subject).temporary?.until, subject).toBe(until);
  });

  it('reads the clause of the span, not the whole text', () => {
    const text = 'Logs: retention stays. Debug for 2 days.';
    const at = text.indexOf('for 2 days');
    expect(ownLength(text, at, at + 'for 2 days'.length)).toBe(false);
    const kept = 'Debug stays. Retention for 2 days.';
    const k = kept.indexOf('for 2 days');
    expect(ownLength(kept, k, k + 'for 2 days'.length)).toBe(true);
  });
});

// The key and the value say it where the text does not: `audit.retentionDays: 14` set by "staging:
// audit logs for 14 days" keeps logs 14 days; `logging.sqlDebug: true` set so is debug for 14 days.
describe('a span that is the value the change sets, or the length its key keeps', () => {
  const ana = messagesBy('Ana Lima', 'ana@x', 'a');
  const judge = (key: string, from: string, to: string, subject: string) => {
    const created = ana('2026-05-18T08:00:00Z', 'audit service values per env');
    const change = ana(WRITTEN, subject);
    const file = (env: string) => `apps/audit/${env}/values.yaml`;
    const base = (env: string) => ({ ...eventOf(created, file(env), null, from, { merge: false, revert: false }), order: 1 });
    const history: Record<string, HistoryEvent[]> = {
      dev: [base('dev')],
      staging: [{ ...eventOf(change, file('staging'), from, to, { merge: false, revert: false }), order: 0 }, base('staging')],
      production: [base('production')],
    };
    return explainCrossEnv({
      key,
      history,
      messages: [change, created],
      values: { dev: from, staging: to, production: from },
      type: /^\d+$/.test(to) ? 'number' : 'string',
      today: '2026-12-05',
    });
  };

  it.each([
    ['audit.retentionDays', '7', '14', 'staging: audit logs for 14 days'],
    ['AUDIT_LOG_TTL', '7d', '14d', 'staging: audit logs for two weeks'],
    ['auth.session.maxAge', '24h', '336h', 'staging: sessions for 14 days (SEC-88)'],
    ['export.window', '2d', '7d', 'staging: exports for 7 days'],
    ['audit.retentionDays', '7', '14', 'staging: Audit-Logs für 14 Tage'],
  ])('%s = %s → %s: "%s" is the setting, not a time limit', (key, from, to, subject) => {
    const v = judge(key, from, to, subject);
    const why = v.reasons.join('\n');
    expect(why, why).not.toMatch(/says the change is temporary/);
    expect(why, why).toMatch(/the setting's own length/);
    // Past the span's end, staging is never sent back to the old length as a hack that expired.
    expect(v.suggested === 'revert' && v.drifted === 'staging', why).toBe(false);
  });

  it.each([
    ['logging.sqlDebug', 'false', 'true', 'staging: SQL debug for 14 days'],
    ['audit.retentionDays', '7', '90', 'staging: audit retention 90 for 2 weeks during the audit'],
    ['audit.retentionDays', '7', '14', 'staging: audit logs 14, for the next 14 days only'],
  ])('%s = %s → %s: "%s" still times the change', (key, from, to, subject) => {
    const why = judge(key, from, to, subject).reasons.join('\n');
    expect(why, why).toMatch(/says the change is temporary/);
    expect(why).not.toMatch(/the setting's own length/);
  });
});
