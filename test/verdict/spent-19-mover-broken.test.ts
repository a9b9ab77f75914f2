// Session 22 (issue 10, spent holdout-19/29): the mirror of broken.ts' lagging value. The environment
// that MOVED holds the value a record written after the move calls broken or unusable ("no longer
// exports", "goes silent", "not usable on", "drops the … metrics"), stated outright, and the value the
// others hold is not: the mover goes back to it. Production goes back at 0.55 at most, with a question.
// Not on a text that only describes the new version, a possibility or a condition, a record older
// than the move, a hold "until" something that has since happened, nor a record about another image
// that happens to share the version. Situations, products and languages of their own, none from the story.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-03';
const FROM = 'v0.39.2';
const TO = 'v0.40.0';

/** The agent's tag agreed everywhere; `env` moved to v0.40.0 by a dependency bot; then a text. */
function story(text: string, opts: { where?: 'doc' | 'commit'; env?: string; writtenAt?: string; later?: Step[]; bump?: string } = {}) {
  const env = opts.env ?? 'production';
  const written = opts.writtenAt ?? '2026-11-14T10:00:00Z';
  const bump: Step = {
    subject: opts.bump ?? `chore(deps): bump grafana-agent to ${TO}`,
    body: `Bumps grafana/agent from ${FROM} to ${TO}.`,
    date: '2026-11-03T08:00:00Z',
    author: 'renovate[bot]',
    email: 'bot@renovate.example',
    set: { [env]: [FROM, TO] },
  };
  const init: Step = { subject: 'agent values per environment', date: '2026-03-01T10:00:00Z', set: { staging: ['', FROM], production: ['', FROM] } };
  const steps: Step[] = [init];
  const textStep: Step = opts.where === 'commit' ? { subject: 'agent notes', body: text, date: written } : { subject: 'docs: agent version', date: written };
  if (Date.parse(written) < Date.parse(bump.date)) steps.push(textStep, bump);
  else steps.push(bump, textStep);
  const at = steps.indexOf(textStep);
  steps.push(...(opts.later ?? []));
  return judge('agent.image.tag', steps, TODAY, {}, opts.where === 'commit' ? {} : { documents: [{ path: 'charts/agent/README.md', text, step: at }] });
}

const reverted = (v: ReturnType<typeof story>) => v.suggested === 'revert' && v.drifted === 'production' && v.value === FROM;

describe('a record written after the move says the moved-to value is broken: the mover goes back', () => {
  it('a chart README pinning the old version, the new one "not usable" and its logs "go silent" (production: 0.55, asked)', () => {
    const v = story(`## Agent version\nKeep ${FROM}: ${TO} (tried on staging 2026-11-12) is not usable with Loki 2.8, log shipping goes silent.`);
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'production', FROM]);
    expect(v.confidence).toBe(0.55);
    expect(v.question).toMatch(/does that hold in production/);
    expect(v.reasons.join('\n')).toMatch(/written after production's change/);
  });

  it('a later commit in German ("unbrauchbar", "verstummen")', () => {
    const v = story(`Agent ${TO} ist mit Loki 2.8 unbrauchbar, die Log-Alerts verstummen. Wir bleiben bei ${FROM}.`, { where: 'commit' });
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'production', FROM]);
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  it('a runbook in French ("n\'exporte plus")', () => {
    const v = story(`La version ${TO} n'exporte plus les métriques de file d'attente ; on reste sur ${FROM}.`);
    expect(reverted(v)).toBe(true);
  });

  it('a note in Dutch ("onbruikbaar", "vallen stil")', () => {
    const v = story(`${TO} is onbruikbaar op onze clusters: de alerts vallen stil. Blijf op ${FROM}.`);
    expect(reverted(v)).toBe(true);
  });

  it('a postmortem line: the new version drops the queue metrics', () => {
    const v = story(`Since the bump, ${TO} drops the loki_write_* metrics on our Loki 2.8, so the ingestion dashboards are empty.`, { where: 'commit' });
    expect(reverted(v)).toBe(true);
  });

  it('staging moved and production lags: staging goes back, at 0.6 with no question', () => {
    const v = story(`${TO} no longer exports the loki_write_* series with Loki 2.8 (seen in staging on 2026-11-12).`, { env: 'staging' });
    expect([v.suggested, v.drifted, v.value]).toEqual(['revert', 'staging', FROM]);
    expect(v.confidence).toBe(0.6);
  });
});

describe('no revert of the mover', () => {
  const not = (v: ReturnType<typeof story>) => expect(reverted(v) && /written after production's change/.test(v.reasons.join('\n'))).toBe(false);

  it("a document describing only the new version's features", () => not(story(`${TO} adds native OTLP export and a faster WAL replay.`)));
  it('a possibility ("would go silent")', () => not(story(`${TO} would go silent on Loki 2.8, we think.`)));
  it('a condition ("if we upgrade")', () => not(story(`${TO} is no longer usable if we upgrade Loki to 3.0.`)));
  it('a record older than the move, which the move answered', () =>
    not(story(`${TO} is not usable with Loki 2.8 (tried on staging).`, { writtenAt: '2026-10-20T10:00:00Z' })));
  it('a hold until an upgrade a later commit reports done (its ticket named)', () =>
    not(
      story(`${TO} no longer exports the pg_stat_* series on PG13, stay on ${FROM}. Revisit after the PG15 upgrade (DBA-77).`, {
        later: [{ subject: 'DBA-77 done: billing-db runs PG15', date: '2026-11-25T10:00:00Z' }],
      }),
    ));
  it('a hold until a day that has passed', () =>
    not(story(`Stay on ${FROM} until 2026-11-30: ${TO} no longer exports the loki_write_* series with Loki 2.8.`)));
  it('a record about another image sharing the version', () => not(story(`redis-exporter ${TO} no longer exports the keyspace metrics.`)));

  it('but a hold until an upgrade not yet done still decides (the pin after a comma)', () => {
    const v = story(`${TO} no longer exports the pg_stat_* series on PG13, stay on ${FROM}. Revisit after the PG15 upgrade (DBA-77).`, {
      later: [{ subject: 'DBA-78: PG15 upgrade planned for January', date: '2026-11-25T10:00:00Z' }],
    });
    expect(reverted(v)).toBe(true);
  });
});
