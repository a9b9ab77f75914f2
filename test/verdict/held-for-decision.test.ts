// Session 27 (spent holdout-24): production changed first, and its own commit holds the environment
// before it only until someone decides ("staging keeps 20 until the security lead decides"). That
// decision may be that staging never follows (an exception instead), so backfilling it pre-empts a
// decision nobody has recorded: the difference is declared (≤ 0.5) and the question names the
// wait. A plain follow-later ("staging follows next sprint") stays a backport, and a later commit
// citing the change's ticket (the decision recorded) lifts the hold. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-11-20';
const created: Step = { subject: 'upload service config', date: '2026-03-02T09:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } };
const prodFirst = (subject: string, body: string): Step => ({ subject, body, date: '2026-09-10T16:00:00Z', set: { production: ['20', '50'] } });
const unrelated: Step = { subject: 'bump logging', date: '2026-10-01T09:00:00Z', touched: ['deploy/logging.yaml'] };

describe('production first, the others held until someone decides: declared, nothing moved', () => {
  it.each([
    ['English, test/acc-style', 'prod: max upload 50 MB (CS-410)', 'A big customer needs larger scans. 50 for now. Staging stays 20 until she decides.'],
    [
      'English, a pronoun for the person named before',
      'prod upload limit 50 (CS-410)',
      'Marta (DPO) must sign off on it. Staging stays at 20 until she decides.',
    ],
    ['English, follows once decided', 'prod: max upload 50 MB (CS-410)', 'Staging follows once the security lead decides whether 50 is fine for every tenant.'],
    [
      'German, follows once decided',
      'Prod: Upload-Limit 50 MB (CS-410)',
      'Für den Großkunden. Staging zieht nach, sobald die Security-Leitung entschieden hat.',
    ],
    ['Dutch, follows once decided', 'prod: uploadlimiet 50 (CS-410)', 'Voor de grote klant. Staging volgt zodra de CISO heeft besloten.'],
    ['French, follows once decided', 'prod : limite upload 50 Mo (CS-410)', 'Pour le gros client. Staging suivra quand la RSSI aura décidé.'],
  ])('%s', (_, subject, body) => {
    const v = judge('MAX_UPLOAD_MB', [created, prodFirst(subject, body), unrelated], TODAY);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', value: null });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.reasons.join('\n')).toMatch(/holds staging at "20" until a decision by/);
    expect(v.question ?? '').toMatch(/decide/);
  });
});

describe('what stays a backport', () => {
  it('a follow-later with no decision to wait for still backfills staging', () => {
    const v = judge(
      'MAX_UPLOAD_MB',
      [created, prodFirst('prod: max upload 50 MB (CS-410)', 'Customer escalation. Staging follows next sprint.'), unrelated],
      TODAY,
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'staging', value: '50' });
  });

  it('a later commit citing the ticket records the decision: the hold no longer declares', () => {
    const v = judge(
      'MAX_UPLOAD_MB',
      [
        created,
        prodFirst('prod: max upload 50 MB (CS-410)', 'Staging keeps 20 until the security lead decides.'),
        { subject: 'CS-410: security lead ok with 50 for all tenants', date: '2026-10-05T09:00:00Z', touched: ['docs/security.md'] },
      ],
      TODAY,
    );
    expect(v.reasons.join('\n')).not.toMatch(/until a decision by/);
  });
});
