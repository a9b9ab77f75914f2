// Session 30 (spent holdout-27/22's cause): a Role widened by hand live, and release notes written the
// next day, in Ukrainian, saying the grant is right, stays, and the Role in the repository is to be
// updated. Two causes: Ukrainian was a language not read (its sentences were left unread, the verdict a
// question), and the notes name the object by its kind alone ("у живу Role", "Оновити Role у
// репозиторії"), which a Kubernetes kind is in every language: nobody translates "Role". Phrasings of
// their own, in Ukrainian and in the other languages read, none a story's; negatives: another kind that
// only contains the word, a question, a put-back, and Ukrainian's own negation.
import { describe, expect, it } from 'vitest';
import { languageOf, foreignSays, foreignStays } from '../../src/verdict/languages.js';
import type { LiveChange } from '../../src/verdict/live-fate.js';
import { liveFateWithNote, messagesBy } from './log-builders.js';

describe('Ukrainian is a language read', () => {
  it.each([
    ['Налаштування лишається як є, це навмисно.', 'stays'],
    ['Значення залишається в prod назавжди.', 'stays'],
    ['Тимчасово лише для staging, потім повернемо 20.', 'temporary'],
    ['Зміну залишаємо й фіксуємо в репозиторії.', 'keep'],
  ])('"%s" is Ukrainian and read (%s)', (text, kind) => {
    expect(languageOf(text)).toEqual({ language: 'uk', read: true });
    if (kind === 'stays') expect(foreignStays(text)?.language).toBe('uk');
    if (kind === 'keep') expect(foreignSays(text, 'keep')?.language).toBe('uk');
  });
  it('Russian stays Russian', () => {
    expect(languageOf('Значение остаётся, это специально.')).toEqual({ language: 'ru', read: true });
  });
  it.each([
    // Negated: "does not stay".
    'Це значення не лишається, його приберемо.',
    // Asked: "whether it stays".
    'Треба вирішити, чи залишається це значення?',
  ])('"%s": no keep', (text) => {
    expect(foreignStays(text)).toBeUndefined();
  });
});

const KEY = 'Role/report-exporter';
const base = messagesBy('Olena Moroz', 'olena@x', 'a');
const docs = messagesBy('Petro Savchuk', 'petro@x', 'b');
const change: LiveChange = {
  key: KEY,
  env: 'prod',
  environments: ['stage', 'prod'],
  live: null,
  file: null,
  editedAt: '2027-03-04T20:10:00Z',
  tickets: [],
  object: true,
};
const fate = (text: string) =>
  liveFateWithNote(change, {
    created: base('2026-12-01T10:00:00Z', 'report-exporter manifests'),
    file: 'k8s/prod/report-exporter.yaml',
    by: docs('2027-03-05T09:00:00Z', 'docs: release notes'),
    path: 'docs/releases/reports-2.0.md',
    text,
    today: '2027-04-01',
  });

describe('a release note naming the object, then its kind as Kubernetes spells it, keeps the hand-made grant', () => {
  it.each([
    // Ukrainian, its own phrasing.
    '# Реліз 2.0\n\n- report-exporter отримував 403 у prod.\n- Права в живій Role правильні, Role лишається такою; оновити її в репозиторії.',
    // German.
    '# Release 2.0\n\n- report-exporter bekam 403 in prod.\n- Die Role bleibt so, wie sie live ist; ins Repo übernehmen.',
    // French.
    '# Version 2.0\n\n- report-exporter recevait des 403 en prod.\n- La Role élargie à la main est la bonne, on la garde et on met le dépôt à jour.',
    // English, without an article before the kind.
    '# Release 2.0\n\n- report-exporter got 403s in prod.\n- Role widened live is correct; update the Role in the repo.',
    // Polish.
    '# Wydanie 2.0\n\n- report-exporter dostawał 403 w prod.\n- Role zostawiamy tak, jak jest.',
  ])('%#: kept', (text) => {
    expect(fate(text)).toMatchObject({ fate: 'keep' });
  });

  it.each([
    // Another kind that only contains the word.
    '# Release 2.0\n\n- report-exporter got 403s in prod.\n- The ClusterRole stays as it is.',
    '# Release 2.0\n\n- report-exporter got 403s in prod.\n- RoleBinding stays.',
    // A question.
    '# Release 2.0\n\n- report-exporter got 403s in prod.\n- Does the Role stay as it is?',
  ])('%#: no keep', (text) => {
    expect(fate(text)).toBeUndefined();
  });

  it('a Role widened for a while is no keep', () => {
    const read = fate('# Реліз 2.0\n\n- report-exporter отримував 403 у prod.\n- Role тимчасово розширено, потім повернемо назад.');
    expect(read && 'fate' in read ? read.fate : undefined).not.toBe('keep');
  });
});
