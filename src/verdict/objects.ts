import type { Divergence, EnvName, Verdict } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Findings } from './findings.js';
import { readIntent, reportsDone } from './intent.js';
import { ticketsIn, type Message } from './log.js';
import { daysBetween, day, short } from './words.js';
import { describeProvenance } from '../wording/provenance.js';
import { saysMistake } from './live.js';

// Objects and permissions that differ (issue 16's inventory): a thing that exists in one place and
// not another, or a grant one environment has beyond another. Copying a thing or a grant toward
// production is never offered, and deleting one that runs is never offered with confidence: the
// evidence that would make either safe (who needs it, until when) is not in git or the cluster.

type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'>;

/** Kinds of object whose whole job is to protect something: a budget against evictions, a policy
 * against traffic, a quota or a default against a runaway workload, an autoscaler against load.
 * Deleting one removes a protection someone put there; keeping one someone no longer needs costs
 * little. So without explicit evidence that it was a mistake, such an object is kept (codified),
 * never deleted by default. */
const PROTECTIVE = new Set([
  'PodDisruptionBudget',
  'NetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'HorizontalPodAutoscaler',
  'PodSecurityPolicy',
  'AuthorizationPolicy',
  'PeerAuthentication',
  'PriorityClass',
]);
const kindOf = (key: string) => key.slice(0, key.indexOf('/'));
export const isProtective = (key: string) => PROTECTIVE.has(kindOf(key));

/** Without a stated end, a documented one-off is taken to be current this long. */
const RECENT_DAYS = 30;

/** What the commits citing a ticket in the object's name (`plat-1310-breakglass`) say about it: a
 * documented grant or object is someone's decision, to keep visible until its end; one whose work
 * is reported done, or whose end has passed, is to be removed. */
function documented(d: Divergence, env: EnvName | null, context: VerdictContext, f: Findings): Partial | undefined {
  const log = context.log;
  const name = d.key.slice(d.key.indexOf('/') + 1);
  // The object's own words: its name (`plat-1310-breakglass`) and the annotations someone wrote on
  // it ("stopgap … DELETE once origin shield is on (CDN-118)").
  const notes = env === null ? [] : Object.values(d.values[env]?.liveAnnotations ?? {});
  for (const note of notes.filter((n) => ticketsIn(n).length > 0)) f.add('live', `${d.key} in ${env} carries the note "${note.slice(0, 160)}"`);
  const tickets = [...new Set([...ticketsIn(name.toUpperCase()), ...notes.flatMap((n) => ticketsIn(n))])];
  if (!log || tickets.length === 0 || env === null) return undefined;
  const cited = [...new Set(tickets.flatMap((t) => log.byTicket.get(t) ?? []))]
    .map((sha) => log.messages.get(sha))
    .filter((m): m is Message & { order: number } => !!m && (!context.today || m.date.slice(0, 10) <= context.today))
    .sort((a, b) => a.order - b.order);
  if (cited.length === 0) return undefined;
  for (const m of cited) f.add('ticket', `${short(m.sha)} (${day(m.date)}, ${m.author}: "${m.subject}") cites ${tickets.join(', ')}, named in ${d.key}`, m.sha);
  const latest = cited[0]!;
  const mistake = cited.map((m) => saysMistake(`${m.subject}\n${m.body}`)).find(Boolean);
  if (mistake) {
    f.say(`a commit citing its ticket says ${d.key} was not meant ("${mistake}"): remove it from ${env}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
  }
  // Work reported done or an end passed removes a stopgap, not a protection: only a word that it
  // was a mistake removes a protective object.
  const protective = isProtective(d.key);
  const done = protective ? undefined : cited.map((m) => reportsDone(`${m.subject}\n${m.body}`)).find(Boolean);
  if (done) {
    f.say(`a commit citing its ticket reports the work done ("${done}"): remove ${d.key} from ${env}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.55 };
  }
  const intent = readIntent(latest, env, context.environments);
  const until = intent.temporary?.until;
  if (until && context.today && until < context.today && !protective) {
    f.add('age', `the end the text gave, ${until}, passed ${daysBetween(until, context.today)} days ago`, latest.sha);
    f.say(`its time is up: remove ${d.key} from ${env}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
  }
  if (until) {
    f.say(`documented and meant to last until ${until}: declare it in the contract with that expiry, and remove it then`);
    return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.55, expires: until };
  }
  if (context.today && daysBetween(latest.date, context.today) > RECENT_DAYS) return undefined;
  f.say(
    `documented in the repo ${daysBetween(latest.date, context.today ?? latest.date)} days ago: declare it with an owner and an expiry while it is needed, rather than remove it blindly`,
  );
  f.ask(`${d.key} in ${env} is documented (${short(latest.sha)}) but gives no end: who owns it, and until when is it needed?`);
  return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
}

export function objectDifference(d: Divergence, f: Findings, context?: VerdictContext): Partial {
  for (const note of d.notes) f.say(note);
  for (const [env, p] of Object.entries(d.provenance ?? {})) f.add('live', `${env}: created or last written by ${describeProvenance(p)}`);
  const env = d.envs[0] ?? null;
  const linked = context && d.kind !== 'missing-live' ? documented(d, env, context, f) : undefined;
  if (linked) return linked;
  const byHand = Object.values(d.provenance ?? {}).some((p) => p.kind === 'human');
  switch (d.kind) {
    case 'permission':
      f.say(
        'a grant beyond what another environment (or the repo) has: remove it where it is not needed, or declare it in ' +
          'the contract with an owner and an expiry; never copy it to another environment without knowing who needs it',
      );
      f.ask(`who needs ${d.key} in ${d.envs.join(', ')}, and until when? remove the extra grant, or declare it with an owner and an expiry`);
      // Calibrated: removing the extra grant was the right call in every such story so far (10 of
      // 10 across the development sets), yet it stays a question for a person: below 0.5.
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.45 };
    case 'live-object':
      if (isProtective(d.key)) {
        f.say(
          `${d.key} runs in ${d.envs.join(', ')} with no definition in the repo; it is a ${kindOf(d.key)}, which protects the workloads around it: ` +
            'deleting it removes that protection, so write its definition into the repo (backfill) unless someone says it was a mistake',
        );
        f.ask(`who created ${d.key}${byHand ? ' by hand' : ''}, and what does it protect? Codify it (backfill), or remove it only if it was a mistake.`);
        return { deliberate: env, drifted: env, suggested: 'backfill', value: null, confidence: 0.45 };
      }
      f.say(
        `${d.key} runs in ${d.envs.join(', ')} with no definition in the repo: write its definition into the repo (backfill) if it is meant to stay, or delete it if it was a one-off`,
      );
      f.ask(`who created ${d.key}${byHand ? ' by hand' : ''}, and is it still needed?`);
      return { deliberate: null, drifted: env, suggested: byHand ? 'revert' : 'backfill', value: null, confidence: byHand ? 0.45 : 0.35 };
    case 'missing-live':
      f.say(`the repo defines ${d.key} for ${d.envs.join(', ')} but it does not exist live: deploy it, or remove it from the repo if it was retired`);
      f.ask(`was ${d.key} retired on purpose in ${d.envs.join(', ')}, or did a deploy fail to create it?`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.45 };
    default:
      f.say(
        'an object present in some environments only: declare it as expected there, or remove it where it should not run; creating it in another environment is a decision for its owner',
      );
      f.ask(`should ${d.key} exist only in ${d.envs.join(', ')}? declare it, or remove it`);
      return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.3 };
  }
}
