// Session 34 (spent holdout-31): a change to one environment that says the others stay at their figure
// ("dev e testes ficam a 2 s") keeps them apart on purpose, in European Portuguese as "ficam em"/"ficam
// com" already did: the difference is declared, never backfilled. Before anything but a figure, "ficar a"
// is the progressive ("fica a aguardar", "fica a cargo de") and keeps nothing. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2027-06-20';
const ENVS = ['dev', 'staging', 'production'];
const story = (from: string, to: string, subject: string): Step[] => [
  { subject: 'service config', date: '2027-01-10T10:00:00Z', set: { dev: ['', from], staging: ['', from], production: ['', from] } },
  { subject, date: '2027-05-02T10:00:00Z', set: { production: [from, to] } },
];
const kept = (v: { reasons: string[] }) => v.reasons.some((r) => /keeps its value on purpose/.test(r));

describe('the others kept at their figure', () => {
  it.each([
    ['alert.latencyMs', '2000', '5000', 'produção: alerta de latência a 5 s; dev e staging ficam a 2 s'],
    ['limits.rps', '300', '800', 'aumenta o limite em produção para 800, staging fica a 300'],
    ['replicas', '3', '12', 'produção passa a 12 réplicas (campanha); dev e staging ficam a 3 réplicas'],
    ['retention.days', '30', '90', 'retenção de 90 dias em produção — staging fica a 30 dias'],
  ])('%s', (key, from, to, subject) => {
    const v = judge(key, story(from, to, subject), TODAY, {}, { envs: ENVS });
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(kept(v), v.reasons.join('\n')).toBe(true);
  });
});

describe('"ficar a" before anything but a figure keeps nothing', () => {
  it.each([
    ['alert.latencyMs', '2000', '5000', 'produção: alerta de latência a 5 s; staging fica a aguardar a revisão do SLO'],
    ['limits.rps', '300', '800', 'aumenta o limite em produção para 800, staging fica a cargo da equipa de QA'],
    ['replicas', '3', '12', 'produção passa a 12 réplicas; os testes de staging ficam a correr esta noite'],
  ])('%s', (key, from, to, subject) => {
    const v = judge(key, story(from, to, subject), TODAY, {}, { envs: ENVS });
    expect(kept(v), v.reasons.join('\n')).toBe(false);
  });
});
