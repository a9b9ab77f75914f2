// A step cut short by another team's change. One person set an environment's value as a step toward the
// next environment ("800 ms in staging, soak before prod"); within weeks someone else set it again for a
// purpose of their own ("2500 for the campaign report tests"), in a change that neither names the step
// (its ticket, its value) nor says it is over. Two people pulled one environment's value toward two
// intentions and neither was decided: the newest change's reason does not say what the environment is
// for, nor does the older plan say the next environment should follow. The difference is a question for
// both owners — declared at 0.45 with neither side the deliberate one — never a declare surer than that,
// and never a move into the next environment. Pure.
import type { EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { answersOf } from './answered.js';
import type { VerdictContext } from './context.js';
import { readIntent } from './intent.js';
import { namesValue } from './documents.js';
import { ticketsIn } from './log.js';
import { newestFirst } from './ordering.js';
import { daysBetween } from './words.js';

/** Within this many days a change by someone else cut the step short, rather than came after it. */
const CUT_SHORT_DAYS = 30;

export interface OverwrittenStep {
  env: EnvName;
  /** The step toward the next environment, and the change that replaced its value. */
  step: HistoryEvent;
  by: HistoryEvent;
  /** The environments the step was heading for. */
  next: EnvName[];
  /** The step's words naming where it goes ("soak before prod"). */
  phrase: string;
}

const person = (e: HistoryEvent) => (e.email || e.author).toLowerCase();

/** `env`'s newest change, by another person, that replaced within weeks a value its previous change set as a
 * step toward environments still holding the value before it, without naming that step. */
export function overwrittenStep(
  key: KeyPath,
  env: EnvName,
  values: Record<EnvName, string | null>,
  events: HistoryEvent[],
  context: VerdictContext,
): OverwrittenStep | undefined {
  const [by, step] = newestFirst(events);
  // A change back to the value before the step withdraws it (a rollback): no intention of its own.
  if (!by || !step || by.revert || step.revert || by.from !== step.to || by.to === step.from || step.to === null || values[env] !== by.to) return undefined;
  if (person(by) === person(step) || daysBetween(step.date.slice(0, 10), by.date.slice(0, 10)) > CUT_SHORT_DAYS) return undefined;
  const intent = readIntent({ subject: step.subject, body: step.body, author: step.author, email: step.email, date: step.date }, env, context.environments);
  // The step's next environments, still where the step started from: it had not reached them.
  const next = (intent.rollout?.next ?? []).filter((e) => e !== env && e in values && values[e] === step.from);
  if (!intent.rollout || next.length === 0) return undefined;
  // The newer change that names the step (its ticket, its value) knew of it: it answered it, for better or worse.
  const text = `${by.subject}\n${by.body}`;
  const cited = new Set(ticketsIn(text));
  if (ticketsIn(`${step.subject}\n${step.body}`).some((t) => cited.has(t)) || namesValue(text, step.to)) return undefined;
  // A text since that answers either (a go, done, refused, withdrawn, kept) decided which intention stands.
  const tickets = [...new Set([...ticketsIn(`${step.subject}\n${step.body}`), ...cited])];
  const answers = answersOf(
    {
      key,
      values: [by.to, step.to],
      tickets,
      env,
      date: by.date,
      author: by.author,
      allValues: Object.values(values),
      subject: by.subject,
      environments: context.environments,
      commit: by.commit,
      ...(context.today ? { today: context.today } : {}),
    },
    context.log,
  );
  if (answers.some((a) => a.says !== 'unmet')) return undefined;
  return { env, step, by, next, phrase: intent.rollout.phrase };
}
