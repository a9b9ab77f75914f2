import type { Divergence, EnvName, Verdict } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Findings } from './findings.js';
import { readIntent } from './intent.js';
import { readDeadline } from './deadline.js';
import { documentIndex } from './documents.js';
import { mentions } from './envnames.js';
import { ticketsIn, type Message } from './log.js';
import { daysBetween, day, describeMessage, list, short } from './words.js';
import { escapeRegExp } from './pattern.js';

type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'>;

// A grant one environment has beyond another is, by default, nobody's decision that the evidence
// shows (objects.ts). But where the narrower environment got there by a change whose text (its own
// message, or a document or commit citing its ticket: an audit finding's remediation plan) says the
// wider environment is to follow ("staging: same rules, next sprint (week 46)", "staging follows
// next sprint", "Staging zieht in KW 46 nach"), the narrowing is the decision and the wider grant
// is the part of it not yet done: bring the wider environment down to the narrow rules (backfill
// it from the narrow one). Never the other way: giving the narrow environment the wide rules back
// would undo the decision. A plan whose date is still ahead, a follow behind a gate that is no date
// ("after QA sign-off"), or a text saying the wider environment keeps its rules decides nothing here.

/** Words of a change about rights, where the commit does not name the object. */
const ABOUT_RIGHTS = /\b(?:rbac|roles?|permissions?|privileges?|least[- ]privilege|access|grants?|rights|rechte|berechtigungen|droits|permisos)\b/i;

interface Plan {
  where: string;
  text: string;
  sha: string;
  until?: string;
}

/** The change that narrowed `env`'s rules: the newest commit by today touching the file that
 * defines the object there, not the one that wrote it first, whose text names the object or speaks of rights. */
function narrowedBy(d: Divergence, env: EnvName, context: VerdictContext, name: RegExp): Message | undefined {
  const file = d.values[env]?.at?.file;
  const log = context.log;
  if (!file || !log) return undefined;
  let newest: Message | undefined;
  let touched = 0;
  for (const m of log.messages.values()) {
    if (!m.files?.includes(file) || (context.today && m.date.slice(0, 10) > context.today)) continue;
    touched++;
    if (newest && Date.parse(m.date) <= Date.parse(newest.date)) continue;
    newest = m;
  }
  // The commit that wrote the file first made the rules, it narrowed nothing: two environments
  // made different on day one (an ADR's "exec in staging, read-only in prod") are a design.
  if (!newest || touched < 2) return undefined;
  const text = `${newest.subject}\n${newest.body}`;
  return name.test(text) || ABOUT_RIGHTS.test(text) ? newest : undefined;
}

/** What a text (read as the narrowing environment's) says of `wider`: it follows (with its date,
 * if any), or it keeps its rules (`keeps`), or nothing. */
function follows(text: string, written: string, narrow: EnvName, wider: EnvName, context: VerdictContext): { until?: string } | 'keeps' | undefined {
  if (!mentions(text, wider)) return undefined;
  const intent = readIntent({ subject: text, body: '', author: '', email: '', date: written }, narrow, context.environments);
  const hold = intent.hold?.envs.includes(wider) ? intent.hold : undefined;
  if (hold && !hold.follows) return 'keeps';
  if (hold) {
    // A gate that is no date ("after QA sign-off") is a check nobody recorded: not this rule's.
    const until = hold.until ?? hold.due;
    if (!until && hold.event) return undefined;
    return until ? { until } : {};
  }
  if (!intent.rollout?.next.includes(wider)) return undefined;
  const until = readDeadline(text, written).date;
  return until ? { until } : {};
}

export function narrowingFollows(d: Divergence, context: VerdictContext, f: Findings): Partial | undefined {
  const log = context.log;
  if (d.kind !== 'permission' || !log || d.envs.length !== 1) return undefined;
  const wider = d.envs[0]!;
  const objectName = d.key.slice(d.key.indexOf('/') + 1);
  if (objectName.length < 4) return undefined;
  const name = new RegExp(`(?<![\\w-])${escapeRegExp(objectName)}(?![\\w-])`, 'i');
  const upToToday = (date: string) => !context.today || date.slice(0, 10) <= context.today;
  for (const narrow of context.environments.filter((e) => e !== wider && d.values[e]?.at?.file)) {
    const change = narrowedBy(d, narrow, context, name);
    if (!change) continue;
    const own = `${change.subject}\n${change.body}`;
    const tickets = ticketsIn(own);
    const plans: Plan[] = [];
    let keeps: Plan | undefined;
    const read = (where: string, text: string, sha: string, written: string) => {
      const said = follows(text, written, narrow, wider, context);
      if (said === 'keeps') keeps ??= { where, text, sha };
      else if (said) plans.push({ where, text, sha, ...(said.until ? { until: said.until } : {}) });
    };
    for (const line of own.split('\n')) read(describeMessage(change), line, change.sha, change.date);
    if (tickets.length > 0) {
      for (const doc of documentIndex(log)) {
        if (!upToToday(doc.written.date)) continue;
        const whole = tickets.some((t) => ticketsIn(`${doc.path.toUpperCase()}\n${doc.text.split('\n', 1)[0] ?? ''}\n${doc.written.subject}`).includes(t));
        for (const p of doc.passages) {
          if (!whole && !tickets.some((t) => p.tickets.includes(t) || ticketsIn(p.heading ?? '').includes(t))) continue;
          read(`${doc.path}:${p.line} (${day(doc.written.date)}, ${doc.written.author}, ${short(doc.written.sha)})`, p.text, doc.written.sha, doc.written.date);
        }
      }
      for (const sha of new Set(tickets.flatMap((t) => log.byTicket.get(t) ?? []))) {
        const m = log.messages.get(sha);
        if (!m || m.sha === change.sha || !upToToday(m.date)) continue;
        for (const line of `${m.subject}\n${m.body}`.split('\n')) read(describeMessage(m), line, m.sha, m.date);
      }
    }
    if (keeps) {
      f.add('intent', `${keeps.where} says ${wider} keeps its rules: "${keeps.text.trim().slice(0, 160)}"`, keeps.sha);
      return undefined;
    }
    const plan = plans.find((p) => !p.until || !context.today || p.until < context.today);
    if (!plan || plans.some((p) => p.until && context.today && p.until >= context.today)) return undefined;
    f.add('intent', `${describeMessage(change)} narrowed ${d.key} in ${narrow}${tickets.length ? ` (${list(tickets)})` : ''}`, change.sha);
    f.add('intent', `${plan.where} says ${wider} is to follow: "${plan.text.trim().slice(0, 160)}"`, plan.sha);
    if (plan.until && context.today)
      f.add('age', `the date it gave ${wider}, ${plan.until}, passed ${daysBetween(plan.until, context.today)} days ago`, plan.sha);
    f.say(
      `${narrow}'s narrower ${d.key} is the decision, and ${wider} was to follow it: bring ${wider} down to ${narrow}'s rules (backfill ${wider}); ` +
        `never give ${narrow} the wider rules back`,
    );
    // Taking rights away where a workload runs on them may break it: toward production, or without a date, a person confirms.
    const towardProduction = context.promotion.indexOf(wider) > context.promotion.indexOf(narrow);
    const sure = !!plan.until && !towardProduction;
    if (!sure) f.ask(`has ${wider} been checked to need nothing beyond ${narrow}'s ${d.key}? Then narrow it as planned.`);
    return { deliberate: narrow, drifted: wider, suggested: 'backfill', value: null, confidence: sure ? 0.55 : 0.5 };
  }
  return undefined;
}
