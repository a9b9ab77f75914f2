// Maps merge down an environment's stack of files: `alerts: {}` in an override adds nothing to the
// alerts a base file sets (Helm keeps the chart's map; a blind story writer, session 24, met
// `∅ missing alerts — {}` beside production's unchanged alerts.cpu). A key set beneath a map a
// base left empty differs alone; an empty map with nothing beneath it in its stack is a value.
import { describe, expect, it } from 'vitest';
import { divergenceRows } from '../support/repo.js';

const HELM =
  'environments:\n  staging: [values.yaml, values-staging.yaml]\n  production: [values.yaml, values-production.yaml]\npromotion: [staging, production]\n';
const PLAIN =
  'environments:\n  staging: [config/base.yaml, config/staging.yaml]\n  production: [config/base.yaml, config/production.yaml]\npromotion: [staging, production]\n';

const rows = divergenceRows;

describe('an empty map in a stack of files', () => {
  it('over a Helm chart map adds nothing', async () => {
    expect(
      await rows({
        'undrift.yaml': HELM,
        'values.yaml': 'alerts:\n  cpu: 80\n  mem: 90\nreplicas: 2\n',
        'values-staging.yaml': 'replicas: 3\n',
        'values-production.yaml': 'replicas: 5\nalerts: {}\n',
      }),
    ).toEqual(['cross-env replicas staging=3 production=5']);
  });

  it('over a plain base map adds nothing (JSON override too)', async () => {
    expect(
      await rows({
        'undrift.yaml': PLAIN.replace('config/production.yaml', 'config/production.json'),
        'config/base.yaml': 'alerts:\n  cpu: 80\n',
        'config/staging.yaml': 'alerts:\n  cpu: 70\n',
        'config/production.json': '{"alerts": {}}\n',
      }),
    ).toEqual(['cross-env alerts.cpu staging=70 production=80']);
  });

  it('left empty by the base and filled by one override: only the key it sets differs', async () => {
    expect(
      await rows({
        'undrift.yaml': PLAIN,
        'config/base.yaml': 'alerts: {}\nreplicas: 2\n',
        'config/staging.yaml': 'replicas: 3\n',
        'config/production.yaml': 'alerts:\n  cpu: 80\n',
      }),
    ).toEqual(['cross-env replicas staging=3 production=2', 'missing alerts.cpu staging=— production=80']);
  });

  it('with nothing beneath it in the stack stays a value', async () => {
    expect(
      await rows({
        'undrift.yaml': PLAIN,
        'config/base.yaml': 'replicas: 2\n',
        'config/staging.yaml': 'labels: {}\n',
        'config/production.yaml': 'labels:\n  team: pay\n',
      }),
    ).toEqual(['missing labels staging={} production=—', 'missing labels.team staging=— production=pay']);
  });
});
