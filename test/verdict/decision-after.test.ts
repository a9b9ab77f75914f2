// Conditions met and pending (holdout-27/01 and /47 read as principles). A decision taken after an event
// is not the event: the event's report meets nothing ("the controller will assess after the year-end
// close … until then"). A ticket reopened, or a tracker's "Waiting for:" field, says its matter is open.
// A go decided with no environment on its line ("Decision: go.") is a go for the step the next sentence
// names. Phrasings of our own, with near misses.
import { describe, expect, it } from 'vitest';
import { decidedThen } from '../../src/verdict/decision-after.js';
import { goFor, openIn } from '../../src/verdict/conditions.js';

describe('the time of a decision, not an end', () => {
  it.each([
    'whether any can still be issued is something the controller will assess',
    'the board decides',
    'die Controllerin bewertet das',
    'le contrôleur tranchera',
    'el comité lo evaluará',
    'de controller beoordeelt het',
    'controllern bedömer det',
  ])('%s … after X', (before) => {
    expect(decidedThen(`${before} `)).toBe(true);
  });
  it.each(['keep it', 'remove the flag', 'the decision was made. Remove it', 'we ship'])('"%s … after X" is an end', (before) => {
    expect(decidedThen(`${before} `)).toBe(false);
  });
});

describe('a ticket reopened, or waiting for someone, is open', () => {
  it.each([
    'Status: Reopened · Assignee: Tomás',
    'Status: re-opened',
    'Stato: riaperto',
    'Statut : rouvert',
    'Status: wiedereröffnet',
    'Estado: reabierto',
    'Assignee: Ana · Waiting for: Legal',
    'Wartet auf: Controlling',
  ])('%s', (text) => {
    expect(openIn(text)).toBeDefined();
  });
  it.each(['Status: Closed', 'We reopened the incident channel to share the timeline.', 'Status: Done (was reopened once)', 'waiting for the build to finish'])(
    'not "%s"',
    (text) => {
      expect(openIn(text)).toBeUndefined();
    },
  );
});

describe('a bare go decided, for the step the decision names', () => {
  it.each([
    'Decision: **go**. Switch production to the new provider on Monday.',
    'Outcome: go. Production moves over with the next deploy.',
    'Entscheidung: Go. Produktion mit dem nächsten Release umstellen.',
    'Décision : go. On bascule la production avec la prochaine livraison.',
    'Beslut: go. Produktion flyttas över med nästa release.',
  ])('%s', (text) => {
    expect(goFor(text, 'production')).toBeDefined();
  });
  it.each([
    'Decision: go. Production stays on the old provider for now.',
    'Decision: go. Production follows once the bounce rate is below 1 %.',
    'Decision: go. Do not switch production before the freeze ends.',
    'Decision: no-go. Production stays.',
    'Decision: go? Production next week.',
    'Decision: go. Does production follow?',
    'Decision: go. Staging gets the new provider.',
  ])('not "%s"', (text) => {
    expect(goFor(text, 'production')).toBeUndefined();
  });
});
