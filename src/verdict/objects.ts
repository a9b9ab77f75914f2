import type { Divergence, EnvName, Verdict } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Findings } from './findings.js';
import { readIntent, reportsDone } from './intent.js';
import { ticketsIn, type CommitLog, type Message } from './log.js';
import { daysBetween, day, describeMessage, list, short } from './words.js';
import { describeProvenance } from '../wording/provenance.js';
import { mistakeAbout, saysMistake } from './live.js';
import { regex, escapeRegExp } from './pattern.js';
import { logTexts } from './texts.js';
import { decidesKeep, documentIndex, passages } from './documents.js';
import { mentions } from './envnames.js';
import { readDeadline } from './deadline.js';
import { answersOf } from './answered.js';
import { newestAnswersFirst } from './answers.js';
import { sentenceEnds } from './sentence-end.js';
import { narrowingFollows } from './narrowing.js';
import { doubtIn, foreignFamily } from './languages.js';
import { operatorDocumented } from './operator.js';
import { extendedSince, windowPassed } from './grant-window.js';
import { bareRemoval } from './bare-removal.js';
import { heldByFreeze } from './freeze-held.js';
import { reportsOnlyMaking } from './made-done.js';
import { ticketsOfName } from './named-ticket.js';
import { takenOutOfRepo } from './taken-out.js';

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

/** A job that backs something up, by its name's words (`pg-backup-encrypted`, `nightly-snapshot`, `db-dump`): the
 * name is what the repository and the cluster both hold, in whatever language the team writes its documents. */
export function isBackupJob(key: string): boolean {
  const kind = kindOf(key);
  if (kind !== 'CronJob' && kind !== 'Job') return false;
  const name = key.slice(kind.length + 1).split('.')[0]!;
  return name.split(/[-_]/).some((w) => /^(?:backups?|snapshots?|dump|pgdump|mysqldump)$/i.test(w));
}

// An object's own note giving the condition it is to go at: "DELETE after the re-key finishes",
// "remove once the migration is done", "drop when CDN-118 ships", "until the freeze ends".
const STATED_END = regex(
  'i',
  String.raw`\b(?:delete|remove|drop|clean(?:ed)? up|tear down|get rid of|löschen|entfernen|borrar|eliminar|supprimer)\b[^.;\n]{0,30}?`,
  String.raw`\b(?:after|once|when|as soon as|nach|sobald|wenn|después de|cuando|après|quand|dès que)\b|\buntil\b|\bbis\b|\bhasta\b|\bjusqu'`,
);

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
  const tickets = [...new Set([...ticketsOfName(name, log), ...notes.flatMap((n) => ticketsIn(n))])];
  if (!log || tickets.length === 0 || env === null) return undefined;
  const cited = [...new Set(tickets.flatMap((t) => log.byTicket.get(t) ?? []))]
    .map((sha) => log.messages.get(sha))
    .filter((m): m is Message & { order: number } => !!m && (!context.today || m.date.slice(0, 10) <= context.today))
    .sort((a, b) => a.order - b.order);
  if (cited.length === 0) {
    // No commit cites it, but a document may (a hand-over note written in a commit saying "notes"):
    // the work it reports done ends a stopgap as a commit's would. A protection needs its own end.
    const done = isProtective(d.key) ? undefined : doneInDocuments(tickets, log, context, f, { env, since: d.provenance?.[env]?.time ?? undefined });
    if (!done) return undefined;
    f.say(`a document citing its ticket reports the work done ("${done}"): remove ${d.key} from ${env}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.55 };
  }
  for (const m of cited) f.add('ticket', `${describeMessage(m)} cites ${tickets.join(', ')}, named in ${d.key}`, m.sha);
  const latest = cited[0]!;
  // The slip is the environment its words name: "created in stage by mistake; prod is fine" is not prod's.
  const mistake = cited.map((m) => mistakeAbout(`${m.subject}\n${m.body}`, env, context.environments)).find(Boolean);
  if (mistake) {
    f.say(`a commit citing its ticket says ${d.key} was not meant ("${mistake}"): remove it from ${env}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
  }
  // Work reported done or an end passed removes a stopgap. A protection is removed only on
  // evidence: a word that it was a mistake, or the end the object states for itself on the object
  // ("DELETE after the re-key finishes") reported met by a commit citing its ticket. A date alone
  // is an estimate, not a fact, so it never removes a protection.
  const protective = isProtective(d.key);
  const ownEnd = notes.map((n) => STATED_END.exec(n)?.[0]).find(Boolean);
  // A document citing the ticket is read as the commits citing it are (a hand-over note's "done …
  // Ticket closed"): every place text lives. Only a protection needs its own stated end first.
  const done =
    protective && !ownEnd
      ? undefined
      : (cited.map((m) => workDone(`${m.subject}\n${m.body}`)).find(Boolean) ??
        doneInDocuments(tickets, log, context, f, { env, since: d.provenance?.[env]?.time ?? undefined }));
  if (done) {
    if (protective) f.add('live', `${d.key} states its own end ("${ownEnd}"), and a text citing its ticket reports it met ("${done}")`);
    f.say(`a text citing its ticket reports the work done ("${done}"): remove ${d.key} from ${env}`);
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

/** Where the object states its own end ("remove after the incident"), a document citing its ticket
 * may be what reports that end met ("Status: closed 2026-11-20") while the commit that wrote it
 * says only "incident review": the document is read as the commit's own words are. Only a
 * document written by then, decided (not "proposed"), and only its passages citing the ticket. */
function doneInDocuments(
  tickets: string[],
  log: NonNullable<VerdictContext['log']>,
  context: VerdictContext,
  f: Findings,
  at: { env: EnvName; since?: string | undefined },
): string | undefined {
  for (const doc of documentIndex(log)) {
    if (context.today && doc.written.date.slice(0, 10) > context.today) continue;
    // A text answers the object only once it exists: a runbook written before it was made reports
    // another step's end ("Staging was migrated … done"), not this object's.
    if (at.since && Date.parse(doc.written.date) < Date.parse(at.since)) continue;
    // The commit that wrote it citing the ticket ("incident review INC-902") makes the document its words, ticket or not.
    const byCommit = tickets.some((t) => ticketsIn(`${doc.written.subject}\n${doc.written.body}`).includes(t));
    if ((!byCommit && !tickets.some((t) => doc.tickets.has(t))) || (doc.status && !doc.status.decided)) continue;
    // A document about the ticket (its id in its name or title, or written by a commit citing it) speaks of it
    // throughout; any other only where a passage cites it.
    const whole = byCommit || tickets.some((t) => ticketsIn(doc.path.toUpperCase()).includes(t) || ticketsIn(doc.text.split('\n', 1)[0] ?? '').includes(t));
    for (const p of doc.passages) {
      if (!whole && !tickets.some((t) => p.tickets.includes(t))) continue;
      // A passage about other environments only ("Staging was migrated … done") says nothing of this one's object.
      const names = context.environments.filter((e) => mentions(p.text, e));
      if (names.length > 0 && !names.includes(at.env)) continue;
      const said = workDone(p.text);
      if (said) {
        f.add(
          'intent',
          `${doc.path}:${p.line} (${day(doc.written.date)}, ${doc.written.author}, ${short(doc.written.sha)}) reports it: "${p.text.slice(0, 160)}"`,
          doc.written.sha,
        );
        return said;
      }
    }
  }
  return undefined;
}

/** A row or a note reporting the grant or object MADE ("Create RoleBinding X | Done") reports
 * nothing of the work it was made for; one removing it does (made-done.ts). */
const madeOnly = (text: string) => reportsOnlyMaking(text) && !REMOVAL.test(text);
/** The work a text reports done, unless what it reports done is only the making of something. */
const workDone = (text: string) => (madeOnly(text) ? undefined : reportsDone(text));

export function objectDifference(d: Divergence, f: Findings, context?: VerdictContext): Partial {
  for (const note of d.notes) f.say(note);
  for (const [env, p] of Object.entries(d.provenance ?? {})) f.add('live', `${env}: created or last written by ${describeProvenance(p)}`);
  const env = d.envs[0] ?? null;
  const exposes = env !== null ? d.values[env]?.exposes : undefined;
  if (exposes) f.add('live', `${d.key} in ${env} is ${exposes}: an exposure, not a neutral object`);
  const linked = context && d.kind !== 'missing-live' ? documented(d, env, context, f) : undefined;
  if (linked) return linked;
  const mistaken = context && env !== null && d.kind === 'live-object' ? madeByMistake(d, env, context, f) : undefined;
  if (mistaken) return mistaken;
  // What the documents decide about an object, whatever its kind: retired by name, or its stated purpose ended.
  const retired = context && env !== null ? documentedRetirement(d, env, context, f) : undefined;
  if (retired) return retired;
  const purposeGone = context && env !== null && d.kind !== 'missing-live' ? purposeEnded(d, env, context, f) : undefined;
  if (purposeGone) return purposeGone;
  // The work a temporary grant was made for reported done is a firmer end than a plan to remove it "once it is over".
  const workDone = context && (d.kind === 'permission' || d.kind === 'live-object') && env !== null ? temporaryWorkDone(d, env, context, f) : undefined;
  if (workDone) return workDone;
  const planned = context && (d.kind === 'permission' || d.kind === 'live-object') && env !== null ? plannedRemoval(d, env, context, f) : undefined;
  if (planned) return planned;
  // Before any default by kind: what was written about the object since it was made (answered.ts).
  const answered = context && env !== null && d.kind !== 'missing-live' ? objectAnswered(d, env, context, f) : undefined;
  if (answered) return answered;
  const takenOut = context && env !== null ? removedFromRepo(d, env, context, f) : undefined;
  if (takenOut) return takenOut;
  // A narrowing whose text says the wider environment follows: the wider grant is the part not yet done.
  const narrowed = context ? narrowingFollows(d, context, f) : undefined;
  if (narrowed) return narrowed;
  const window = context && env !== null && (d.kind === 'permission' || d.kind === 'live-object') ? windowRunOut(d, env, context, f) : undefined;
  if (window) return window;
  const operated = context && env !== null && d.kind === 'live-object' ? operatorObject(d, env, context, f) : undefined;
  if (operated) return operated;
  const byHand = Object.values(d.provenance ?? {}).some((p) => p.kind === 'human');
  switch (d.kind) {
    case 'permission':
      f.say(
        'a grant beyond what another environment (or the repo) has: remove it where it is not needed, or declare it in ' +
          'the contract with an owner and an expiry; never copy it to another environment without knowing who needs it',
      );
      // Whoever made the grant is the person to ask: the question names the writer the cluster recorded
      // (its managedFields manager and time), not only the object.
      f.ask(`who needs ${d.key} in ${d.envs.join(', ')}, and until when?${grantedBy(d)} Remove the extra grant, or declare it with an owner and an expiry`);
      // Nothing read says why the grant is there: a break-glass grant by design and a forgotten
      // one look alike, and removing the first takes away someone's mitigation. No default removes.
      return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
    case 'live-object':
      if (isProtective(d.key)) {
        f.say(
          `${d.key} runs in ${d.envs.join(', ')} with no definition in the repo; it is a ${kindOf(d.key)}, which protects the workloads around it: ` +
            'deleting it removes that protection, so write its definition into the repo (backfill) unless someone says it was a mistake',
        );
        f.ask(`who created ${d.key}${byHand ? ' by hand' : ''}, and what does it protect? Codify it (backfill), or remove it only if it was a mistake.`);
        return { deliberate: env, drifted: env, suggested: 'backfill', value: null, confidence: 0.45 };
      }
      if (exposes) {
        // An exposure (a database on a public load balancer) is the weaker side: with nothing read
        // about it, the default keeps the more protective state, as for any weakened value — it
        // goes, as a question, and is never codified or declared as normal by default.
        f.say(`${d.key} runs in ${d.envs.join(', ')} with no definition in the repo and opens it to the outside: delete it unless someone says it is needed`);
        f.ask(
          `who created ${d.key}${byHand ? ' by hand' : ''} (${exposes}), and is it still needed? If it is, write it into the repo with an owner and an end; if not, delete it.`,
        );
        return { deliberate: null, drifted: byHand ? env : null, suggested: byHand ? 'revert' : 'declare', value: null, confidence: byHand ? 0.45 : 0.35 };
      }
      f.say(
        `${d.key} runs in ${d.envs.join(', ')} with no definition in the repo: write its definition into the repo (backfill) if it is meant to stay, or delete it if it was a one-off`,
      );
      f.ask(`who created ${d.key}${byHand ? ' by hand' : ''}, and is it still needed? Codify it (backfill) or delete it (revert).`);
      // Neither keeping nor deleting is read anywhere: a person decides, and no default moves it.
      return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: byHand ? 0.45 : 0.35 };
    case 'missing-live':
      // A protective object (a PDB, a NetworkPolicy, an HPA) missing live leaves the workloads
      // unprotected: declaring its absence would record that as normal, so it is re-created — as
      // one made by hand is codified, never deleted, by default (both at 0.45, with the question).
      if (isProtective(d.key)) {
        f.say(
          `the repo defines ${d.key} for ${d.envs.join(', ')} but it does not exist live; it is a ${kindOf(d.key)}, which protects the workloads around it: ` +
            're-create it (deploy it) unless someone says it was retired on purpose',
        );
        f.ask(`was ${d.key} retired on purpose in ${d.envs.join(', ')}, or did a deploy fail to create it (or someone delete it)?`);
        return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.45 };
      }
      {
        const held = context && env !== null ? heldByFreeze(d, env, context) : undefined;
        if (held) {
          f.add('intent', held.evidence, held.sha);
          f.say(`the freeze held back its deploy, not a decision to retire it: deploy ${d.key} in ${env}`);
          f.ask(`${d.key} came to ${env}'s files during a freeze that is over: did its deploy run since? If not, deploy it.`);
          return { deliberate: env, drifted: env, suggested: 'revert', value: null, confidence: 0.55 };
        }
      }
      // A backup job protects the data as a budget protects the pods: missing live, nothing is backed up, and
      // declaring its absence would record that as normal, while re-creating it costs a run. Kept as a
      // protection is, unless a text retires it (documentedRetirement, above) or a freeze held its deploy (above).
      if (isBackupJob(d.key)) {
        f.say(
          `the repo defines ${d.key} for ${d.envs.join(', ')} but it does not exist live; it is a backup job: while it is missing nothing is backed up, ` +
            'so re-create it (deploy it) unless someone says it was retired on purpose',
        );
        f.ask(`was ${d.key} retired on purpose in ${d.envs.join(', ')}, or was it lost (a deploy or a move that did not create it)? If lost, deploy it.`);
        return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.45 };
      }
      // Any other object: re-creating it is a move, and so is dropping its definition. One retired
      // on purpose (an API switched off, its Ingress deleted) and one a deploy failed to create look
      // alike; no default decides it, a word about it does (the readers, a linked document).
      f.say(
        `the repo defines ${d.key} for ${d.envs.join(', ')} but it does not exist live: declare it while someone checks; ` +
          'deploy it if a deploy failed to create it, or remove it from the repo if it was retired',
      );
      f.ask(`was ${d.key} retired on purpose in ${d.envs.join(', ')} (remove it from the repo), or did a deploy fail to create it (deploy it)?`);
      return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
    default: {
      const restore = context ? restoreProtection(d, context) : undefined;
      // Made by hand where it exists: the environments before it never had it from the repo, so
      // its absence there is not a loss (a PDB added in production after an incident, where
      // staging runs one replica) — whether they need it too is for its owner to say.
      const madeHere = restore?.present.filter((env) => d.provenance?.[env]?.kind === 'human') ?? [];
      const codified = restore && madeHere.length > 0 && context ? keptFor(d, restore.lacking, madeHere, context, f) : undefined;
      if (codified) return codified;
      if (restore && madeHere.length > 0) {
        f.add(
          'live',
          `${d.key} was created by hand in ${list(madeHere)}, not deployed from the repo: ${list(restore.lacking)} never had it from the repo, so it was not lost there`,
        );
        f.ask(`does ${list(restore.lacking)} need ${d.key} too (backfill), or is it ${list(madeHere)}'s own (declare, and write it into the repo there)?`);
        return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
      }
      if (restore) {
        f.say(
          `${d.key} is a ${kindOf(d.key)} that ${list(restore.present)} ${restore.present.length === 1 ? 'has' : 'have'} and ${list(restore.lacking)}, ` +
            `earlier in the promotion order, ${restore.lacking.length === 1 ? 'lacks' : 'lack'}: nothing read says it was removed on purpose, so restore the protection`,
        );
        f.ask(`was ${d.key} removed from ${list(restore.lacking)} on purpose? If not, re-apply it there (backfill).`);
        return { deliberate: restore.present.at(-1)!, drifted: restore.lacking[0]!, suggested: 'backfill', value: null, confidence: 0.5 };
      }
      if (context && isProtective(d.key)) {
        f.add(
          'live',
          `${d.key} is a ${kindOf(d.key)}: copying it into a later environment changes what that environment may do, which is its owner's decision`,
        );
      }
      f.say(
        'an object present in some environments only: declare it as expected there, or remove it where it should not run; creating it in another environment is a decision for its owner',
      );
      f.ask(`should ${d.key} exist only in ${d.envs.join(', ')}? declare it, or remove it`);
      return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.3 };
    }
  }
}

/** " It was granted by <manager> (by hand, Update) at <time> in <env>." for each environment whose writer the cluster recorded. */
function grantedBy(d: Divergence): string {
  const made = d.envs.flatMap((env) => {
    const p = d.provenance?.[env];
    return p ? [`${describeProvenance(p)}${d.envs.length > 1 ? ` in ${env}` : ''}`] : [];
  });
  return made.length > 0 ? ` It was granted by ${list(made)}: ask whoever ran that.` : '';
}

/** A grant or an object made outside the repo, weighed against the latest text about it (its name,
 * its kind and name, a ticket it or its annotations cite; answered.ts) before any default by its kind:
 * the work it was made for reported done removes it (not a protection, whose removal needs its own
 * stated end); a go to codify it, or to give it to another environment ("Codify it in deploy/prod (and
 * stage)"), writes it into the repo there. Undefined: nothing written since answers it. */
function objectAnswered(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  const name = d.key.slice(d.key.indexOf('/') + 1);
  const made = d.provenance?.[env]?.time ?? undefined;
  if (!context.log || !made) return undefined;
  const notes = Object.values(d.values[env]?.liveAnnotations ?? {});
  const answers = newestAnswersFirst(
    answersOf(
      {
        key: d.key,
        values: [name],
        tickets: [...new Set([...ticketsOfName(name, context.log), ...notes.flatMap((n) => ticketsIn(n))])],
        env,
        date: made,
        subject: notes.join(' '),
        environments: context.environments,
        ...(context.today ? { today: context.today } : {}),
      },
      context.log,
    ),
  );
  const others = Object.keys(d.values).filter((e) => e !== env && !d.values[e]?.live);
  // A sentence about other environments only ("staging was migrated … done") says nothing of this one's object.
  const elsewhere = (quote: string) => {
    const named = context.environments.filter((e) => mentions(quote, e));
    return named.length > 0 && !named.includes(env);
  };
  const a = answers.find(
    (x) =>
      x.says === 'refused' ||
      x.says === 'withdrawn' ||
      ((x.says === 'done' || x.says === 'met') && !isProtective(d.key) && !elsewhere(x.quote) && !madeOnly(x.quote)) ||
      (x.says === 'go' && d.kind !== 'permission' && (x.envs ?? []).some((e) => e === env || others.includes(e))),
  );
  if (!a || a.says === 'refused' || a.says === 'withdrawn') return undefined;
  const quote = `"${a.quote.replace(/\s+/g, ' ').slice(0, 160)}"`;
  if (a.says === 'done' || a.says === 'met') {
    f.add('intent', `${a.where}, written after ${d.key} was made, reports the work it was for done: ${quote}`, a.sha);
    f.say(`what ${d.key} was made for is over: remove it from ${env}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.5 };
  }
  const into = (a.envs ?? []).filter((e) => others.includes(e));
  f.add('intent', `${a.where}, written after ${d.key} was made, decides to keep it: ${quote}`, a.sha);
  if (d.kind === 'object-cross-env' && into.length > 0) {
    f.say(`create ${d.key} in ${list(into)} too (backfill), as ${a.where} decides`);
    return { deliberate: env, drifted: into[0]!, suggested: 'backfill', value: null, confidence: 0.5 };
  }
  f.say(`codify it: write ${d.key} into ${env}'s repo files (backfill), as ${a.where} decides`);
  return { deliberate: env, drifted: env, suggested: 'backfill', value: null, confidence: 0.5 };
}

// A sentence that keeps the object from an environment, or asks: "stage does not need it", "except stage", "stage too?".
const NOT_FOR = regex('iu', String.raw`(?<![\p{L}])(?:not|no|never|without|except|nicht|kein\p{L}*|ohne|außer|pas|sin|sauf|não|niet|nie)(?![\p{L}])`);

/** A protective object made by hand where it runs, that a document written since decides to keep and
 * to write into the repo for an environment lacking it too ("Decision: the policy is permanent. Codify
 * it in deploy/prod (and stage)", "keep the quota and codify it in prod and staging"): that environment
 * gets it (backfill, 0.5 — the document's word, not a default). The document names the object by its
 * name (and speaks of it as a whole: "the policy"); the clause naming the lacking environment neither
 * negates ("staging does not need it") nor asks. */
function keptFor(d: Divergence, lacking: EnvName[], made: EnvName[], context: VerdictContext, f: Findings): Partial | undefined {
  const log = context.log;
  const name = nameOf(d.key);
  if (!log || name.length < 4) return undefined;
  const names = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  const since = made.map((env) => d.provenance?.[env]?.time ?? '').sort()[0] ?? '';
  for (const doc of documentIndex(log)) {
    if (!doc.lower.includes(name.toLowerCase()) || !names.test(doc.text) || (doc.status && !doc.status.decided)) continue;
    if ((since && Date.parse(doc.written.date) < Date.parse(since)) || (context.today && doc.written.date.slice(0, 10) > context.today)) continue;
    for (const p of doc.passages) {
      const decision = decidesKeep(p.text);
      if (!decision) continue;
      const clauses = p.text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+|\s[—–]\s|,\s/));
      const into = lacking.find((env) => clauses.some((c) => mentions(c, env) && !NOT_FOR.test(c) && !/[?？]\s*$/u.test(c.trim())));
      if (!into) continue;
      f.add(
        'intent',
        `${doc.path}:${p.line} (${day(doc.written.date)}, ${short(doc.written.sha)}) decides to keep ${d.key} ("${decision}") and names ${into} for it`,
        doc.written.sha,
      );
      f.say(`a document decides to keep ${d.key} and names ${into} for it too: write it into the repo for ${into} (backfill)`);
      return { deliberate: made.at(-1)!, drifted: into, suggested: 'backfill', value: null, confidence: 0.5 };
    }
  }
  return undefined;
}

/** The environments lacking a protective object that a later environment (in promotion order)
 * has: there the protection was lost, not withheld. Toward production it is never copied by
 * default (a quota or a policy there changes what production may do). */
function restoreProtection(d: Divergence, context: VerdictContext): { present: EnvName[]; lacking: EnvName[] } | undefined {
  if (!isProtective(d.key)) return undefined;
  const rank = (env: EnvName) => context.promotion.indexOf(env);
  const present = Object.keys(d.values).filter((env) => d.values[env]?.live);
  const lacking = Object.keys(d.values).filter((env) => !d.values[env]?.live);
  if (present.length === 0) return undefined;
  const highest = Math.max(...present.map(rank));
  const lower = lacking.filter((env) => rank(env) >= 0 && rank(env) < highest);
  return lower.length > 0 && lower.length === lacking.length ? { present, lacking } : undefined;
}

// Words that plan an object's or a grant's end: "remove pods/exec from the role again", "I take it
// away again latest 30/09", "delete the reaper CronJob", "revoke after the audit", "temp", "tmp".
const REMOVAL = regex(
  'i',
  String.raw`\b(?:remove|removing|delete|deleting|revoke|revoking|drop|take (?:it |this |that |them )?(?:away|out|back)|`,
  String.raw`tear (?:it |this )?down|clean (?:it |this )?up|get rid of|roll (?:it |this )?back|undo|entfernen|löschen|zurücknehmen|`,
  String.raw`quitar|eliminar|borrar|retirer|supprimer)\b`,
);
const KEEP_OBJECT = /\b(?:do not|don't|dont|never|must not|should not|no need to) (?:remove|delete|revoke|drop|take)\b|\bon purpose\b|\bby design\b/i;
// The name an object or grant goes by: `Role/orders-api` → orders-api; `permissions[subject=ServiceAccount/ci-deployer]` → ci-deployer.
const nameOf = (key: string) => key.replace(/\]$/, '').split('/').at(-1) ?? key;

/** What people wrote that gives an object or a grant beyond another environment (or the repo) an
 * end: an annotation on the object with an end that has passed ("remove after 2026-10-15"), or a
 * plan to remove it in a document or commit that names it ("- [ ] remove pods/exec from the
 * orders-api role again"). Someone's plan to take it away is the opposite of a decision to keep
 * it: that is what makes removing it the suggestion, not a default. A grant is named by whom it
 * grants to as well ("Access given: … group ext-vendor-engineers … Closure: remove vendor access"):
 * people write about the vendor's access, not the binding's name. A protective object only where
 * it calls itself temporary (its note: "temporary …, delete after") and a text written since names
 * it in full with the order to delete it, for this environment ("Cleanup: delete the temporary
 * allow-all-egress policy in acc"): the one who made it and the one who closed its work agree it
 * goes. A date alone never removes a protection (its own stated end, met, is read in `documented`). */
function plannedRemoval(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  const protective = isProtective(d.key);
  const made = d.provenance?.[env]?.time ?? undefined;
  const maker = protective && made ? madeTemporary(d, env, context) : undefined;
  if (maker) f.add('intent', `${maker.where}, calls ${d.key} temporary ("${maker.phrase}"): "${maker.text.slice(0, 160)}"`, maker.sha);
  if (protective && made && !maker && !callsItselfTemporary(d, env, context)) {
    const plan = plannedToGo(d, made, context);
    if (!plan) return undefined;
    f.add('intent', `${plan.where}, written before ${d.key} was made, orders its deletion: "${plan.text.slice(0, 160)}"`, plan.sha);
  }
  if (protective && !made) return undefined;
  return (protective ? undefined : endPassed(d, env, context, f)) ?? removalPlanned(d, env, context, f, protective ? made : undefined);
}

/** The object calls itself temporary in its own notes: "temporary - OPS-991 debugging, delete after",
 * "DELETE once the re-key finishes", "vorübergehend". */
function callsItselfTemporary(d: Divergence, env: EnvName, context: VerdictContext): boolean {
  return Object.values(d.values[env]?.liveAnnotations ?? {}).some(
    (n) => STATED_END.test(n) || !!readIntent({ subject: n, body: '', author: '', email: '', date: context.today ?? '' }, env, context.environments).temporary,
  );
}

/** Its record calls it temporary: a text naming it in full (or the line leading into the command that
 * does: "Ideiglenes PDB kézzel:" above `kubectl create pdb x`), written up to today, that calls it
 * temporary in a language read ("23:48 PDB x oprettet med kubectl. Midlertidig.") — the night's note,
 * the change record it was made under. A protection made for a moment says so there as much as in an
 * annotation on the object; a plan to remove it written since it was made is then its end, as for any
 * object. (Documents are read as they are now: a change record closed later still holds the line that
 * made it.) */
function madeTemporary(d: Divergence, env: EnvName, context: VerdictContext): { where: string; phrase: string; text: string; sha: string } | undefined {
  const log = context.log;
  const name = nameOf(d.key);
  if (!log || name.length < 4) return undefined;
  const fullName = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  const inTime = (date: string) => !context.today || date.slice(0, 10) <= context.today;
  const here = (text: string) => {
    const envs = context.environments.filter((e) => mentions(text, e));
    return envs.length === 0 || envs.includes(env);
  };
  const temporary = (text: string, date: string) =>
    here(text) && !KEEP_OBJECT.test(text)
      ? readIntent({ subject: text, body: '', author: '', email: '', date }, env, context.environments).temporary?.phrase
      : undefined;
  for (const doc of documentIndex(log)) {
    if (!inTime(doc.written.date) || !fullName.test(doc.text)) continue;
    for (const [i, p] of doc.passages.entries()) {
      if (!fullName.test(p.text)) continue;
      const lead = i > 0 && /:\s*$/.test(doc.passages[i - 1]!.text) ? doc.passages[i - 1]!.text : undefined;
      for (const text of [p.text, ...(lead ? [lead] : [])]) {
        const phrase = temporary(text, doc.written.date);
        if (phrase) return { where: `${doc.path}:${p.line} (${describeMessage(doc.written)})`, phrase, text, sha: doc.written.sha };
      }
    }
  }
  for (const { note: m, text } of logTexts(log).all) {
    if (!inTime(m.date) || !fullName.test(text)) continue;
    const phrase = temporary(text, m.date);
    if (phrase) return { where: describeMessage(m), phrase, text, sha: m.sha };
  }
  return undefined;
}

/** The plan it was made under, written by the time it was made, names it in full and orders its
 * deletion ("when the last node is done: delete `x-upgrade-guard`", "afterwards remove the temporary
 * PDB x"): whoever made it scheduled its end, as a note on the object would. Code marks are no words. */
function plannedToGo(d: Divergence, made: string, context: VerdictContext): { where: string; text: string; sha: string } | undefined {
  const log = context.log;
  const name = nameOf(d.key);
  if (!log || name.length < 4) return undefined;
  const fullName = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  const after = new RegExp(`^\\S+\\s+(?:\\S+\\s+){0,3}?${escapeRegExp(name)}(?![\\w-])`, 'i');
  // (German puts the verb last: "danach orders-guard löschen".)
  const before = new RegExp(`(?<![\\w-])${escapeRegExp(name)}\\s+(?:\\S+\\s+){0,2}$`, 'i');
  for (const doc of documentIndex(log)) {
    if (Date.parse(doc.written.date) > Date.parse(made) || (context.today && doc.written.date.slice(0, 10) > context.today)) continue;
    for (const p of doc.passages) {
      if (!fullName.test(p.text)) continue;
      if (KEEP_OBJECT.test(p.text)) return undefined;
      for (const raw of p.text.split(sentenceEnds(/(?<=[.!?])\s+|\n|;\s*/))) {
        const clause = raw.replace(/[`*_]/g, '');
        const m = REMOVAL.exec(clause);
        if (!m || doubtIn(clause, m.index, m[0].length) || /\b(?:if|unless|whether)\b/i.test(clause)) continue;
        if (after.test(clause.slice(m.index)) || before.test(clause.slice(0, m.index)))
          return { where: `${doc.path}:${p.line} (${describeMessage(doc.written)})`, text: clause.trim(), sha: doc.written.sha };
      }
    }
  }
  return undefined;
}

/** The end the grant or object (or the commit that made it) gives itself, passed. */
function endPassed(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  const written = d.provenance?.[env]?.time ?? context.today ?? '';
  // The object's own annotations, and for a grant those of the roles and bindings that make it.
  const annotations = [d.values[env]?.liveAnnotations ?? {}, ...(d.grantedBy?.[env] ?? []).map((g) => g.annotations ?? {})].flatMap((a) => Object.entries(a));
  for (const [name, value] of annotations) {
    // The annotation's own name may say what its value is: `…/remove-after: 2026-11-30`.
    const text = `${(name.split('/').at(-1) ?? name).replace(/[-_]/g, ' ')} ${value}`;
    const until = written ? readDeadline(text, written).date : undefined;
    if (
      !until ||
      !context.today ||
      until >= context.today ||
      !(REMOVAL.test(text) || /(?<![\p{L}\d_])(?:temp|tmp|temporary|until|expires?)(?![\p{L}\d_])/iu.test(text))
    )
      continue;
    f.add('live', `${d.key} in ${env} carries its own end, "${name}: ${value.slice(0, 120)}", and ${until} has passed`);
    f.say(`its own stated end has passed: remove ${d.key} from ${env}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
  }
  // The commit that made the object speaks of what it added, whether or not it names it ("edit
  // access for the pentest, window 02.11.-13.11., remove after"): its own end, passed, is a plan
  // to take it away that nobody carried out.
  const made = context.log && context.today ? madeBy(d, env, context.log) : undefined;
  if (made && !KEEP_OBJECT.test(`${made.subject}\n${made.body}`)) {
    const text = `${made.subject}\n${made.body}`;
    const until = readDeadline(text, made.date).date;
    if (until && until < context.today! && (REMOVAL.test(text) || readIntent(made, env, context.environments).temporary)) {
      f.add('intent', `${describeMessage(made)} made ${d.key} in ${env} with an end of its own`, made.sha);
      f.add('age', `the end it gave, ${until}, passed ${daysBetween(until, context.today!)} days ago`, made.sha);
      f.say(`its maker's own end has passed: remove ${d.key} from ${env}`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
    }
  }
  return undefined;
}

/** A hyphenated or addressed name: `ext-other-vendor`, `bob@partner.example` (also "follow-up", sorted out by the caller). */
const IDENTIFIER = /(?<![\p{L}\d_@.-])\p{L}[\p{L}\d]*(?:[-@][\p{L}\d]+)+(?:\.[\p{L}\d]+)*(?![\w-])/giu;

/** A subject's own name (`Group/ext-quantaflow-engineers` → ext-quantaflow-engineers), where it is
 * distinctive enough to link a text to the grant: not `default`, `admins` or a `system:` group. */
function subjectNames(d: Divergence, env: EnvName): string[] {
  if (d.kind !== 'permission') return [];
  const names = (d.grantedBy?.[env] ?? []).flatMap((g) => g.subjects ?? []).map((s) => s.slice(s.indexOf('/') + 1));
  return [...new Set(names.filter((n) => !n.startsWith('system:') && n.length >= 8 && /[-_.@]/.test(n)))];
}

/** A plan to remove the object or grant, in a document or commit that names it (for a grant, or
 * names whom it grants to). `since`: a protective object's, where the plan must name it in full,
 * for this environment, and be written after it was made. */
function removalPlanned(d: Divergence, env: EnvName, context: VerdictContext, f: Findings, since: string | undefined): Partial | undefined {
  const log = context.log;
  const name = nameOf(d.key);
  if (!log || name.length < 4) return undefined;
  const protective = since !== undefined;
  const subjects = subjectNames(d, env);
  const names = new RegExp(`(^|[^A-Za-z0-9_])(?:${[name, ...subjects].map(escapeRegExp).join('|')})($|[^A-Za-z0-9_])`, 'i');
  const fullName = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  // A shortened name in a document that names the object in full: "the reaper" for invoice-orphan-reaper.
  // So is the name less its leading words, as people shorten it: "the pod-killer" for gameday-pod-killer.
  const tails = [...name.matchAll(/[-_.]/g)].map((x) => name.slice(x.index + 1)).filter((t) => /[-_.]/.test(t) && t.length >= 6);
  const parts = protective ? [] : [...name.split(/[-_.]/).filter((p) => p.length >= 5), ...tails];
  // What is removed comes right after the word: the object by name or a part of it within a few
  // words ("remove pods/exec from the orders-api role", "delete the reaper CronJob"), or a pronoun
  // at once ("remove this", "take it away") in a text that names it; for a grant, whom it grants to
  // or their access ("revoke ext-vendor-engineers", "remove vendor access", "take away their rights").
  const named = protective
    ? escapeRegExp(name)
    : [
        escapeRegExp(name),
        ...parts.map(escapeRegExp),
        ...subjects.map(escapeRegExp),
        'the (?:grant|binding|rolebinding|role|rule|access|permission)s?',
        ...(d.kind === 'permission' ? ['(?:access|rights|permissions|grants?)\\b'] : []),
      ].join('|');
  const object = new RegExp(`^\\S+(?:\\s+\\S+)?\\s+(?:${protective ? '' : '(?:it|this|that|them)\\b|'}(?:\\S+\\s+){0,5}?(?:${named})(?![\\w-]))`, 'i');
  const own = new RegExp(`(?<![\\w-])(?:${[name, ...parts, ...subjects].map(escapeRegExp).join('|')})(?![\\w-])`, 'i');
  const ours = new Set([name, ...subjects].map((x) => x.toLowerCase()));
  // Another account or object's name, not a hyphenated word ("follow-up", "re-create").
  const foreign = (x: string) => !ours.has(x.toLowerCase()) && (x.includes('@') || (x.match(/-/g)?.length ?? 0) >= 2);
  // A protective object's plan names this environment, if any (not "delete it in staging").
  const here = (clause: string) => {
    const envs = context.environments.filter((e) => mentions(clause, e));
    return envs.length === 0 || envs.includes(env);
  };
  // The tickets the grant or object was made under: those a text naming it in full cites ("SEC-4410 …
  // kubectl create rolebinding x …", a ticket export's row). A text citing one speaks of what that ticket
  // made: its clause that cites the ticket, or names the object's kind ("a RoleBindingot törölni kell",
  // "die RoleBinding löschen"), with a verb of taking away, plans the object's end as one naming it does.
  const made = protective ? [] : madeUnder(name, log);
  const kind = kindOf(d.key);
  const kindWord = /^[A-Z][A-Za-z]{3,}$/.test(kind) ? new RegExp(`(?<![\\p{L}])${kind}\\p{L}{0,4}(?![\\p{L}])`, 'iu') : undefined;
  const underTicket = (clause: string, text: string) => {
    // A text naming the grant is read by its name (and "delete" in "RBAC: x without delete" is a verb it grants).
    if (made.length === 0 || names.test(text)) return false;
    const cited = new Set(ticketsIn(text));
    if (!made.some((t) => cited.has(t))) return false;
    return ticketsIn(clause).some((t) => made.includes(t)) || !!kindWord?.test(clause);
  };
  const citesMade = (text: string) => made.length > 0 && ticketsIn(text).some((t) => made.includes(t));
  // A text that names this object in full and nothing else by name: a removal said there without its
  // object ("Slettes 20. oktober.", "To be deleted on 20 October") removes this one (bare-removal.ts).
  const onlyThis = (text: string) =>
    fullName.test(text) &&
    ![...[...text.matchAll(/`([^`\s]+)`/g)].map((x) => x[1]!), ...[...text.matchAll(IDENTIFIER)].map((x) => x[0]).filter(foreign)].some(
      (x) => !ours.has(x.toLowerCase()) && !x.startsWith('-'),
    );
  const titled = (text: string) => fullName.test(text.split('\n', 1)[0]!);
  const otherObject = (clause: string) =>
    [...clause.matchAll(/`([^`\s]+)`/g)].some((x) => !ours.has(x[1]!.toLowerCase())) || [...clause.matchAll(IDENTIFIER)].some((x) => foreign(x[0]));
  const plans = (text: string, written: string) => {
    const alone = !protective && onlyThis(text);
    for (const clause of text.split(sentenceEnds(/(?<=[.!?])\s+|\n|;\s*/))) {
      const m = REMOVAL.exec(clause);
      if (KEEP_OBJECT.test(clause)) continue;
      // (Its day passed: before it, the short order is a schedule, not yet an end.)
      const bare = alone && !names.test(clause) ? bareRemoval(clause, written, text) : undefined;
      if (bare && context.today && bare.until < context.today) return clause.trim();
      // In the other languages read, the object often comes before the verb ("Geçici yetkiler geri
      // alınacak (rolebinding …)", "… 上生产后删除", "die Rolle … entziehen"): a clause naming the object
      // or whom it grants to, with a verb that takes it away said (not denied, not asked), plans its end.
      if (!m) {
        if (!protective && (names.test(clause) || underTicket(clause, text)) && foreignFamily(clause, 'remove', text)) return clause.trim();
        // A protection's end in another language read, in a text about it: the clause names it in full,
        // or the text's title does (a commit subject "PDB x oprettet med kubectl") and the clause names
        // no other object ("Den skal væk igen, når …" — "it goes again, once …").
        if (protective && here(clause) && (fullName.test(clause) || titled(text)) && !otherObject(clause) && foreignFamily(clause, 'remove', text))
          return clause.trim();
        continue;
      }
      // REMOVAL reads German, Spanish and French verbs too: "nicht löschen", "ne pas supprimer" deny them.
      // (A question is left as it was read before: "keep it or remove it?" asks, and no keep is read in it.)
      if (doubtIn(clause, m.index, m[0].length) === 'negated') continue;
      if (protective && (!fullName.test(clause) || !here(clause) || /\b(?:if|unless|whether)\b/i.test(clause))) continue;
      const rest = clause.slice(m.index);
      // "Remove access for ext-other-vendor" in a text about this grant's subject is another grant's end.
      if (subjects.length > 0 && !own.test(rest) && [...rest.matchAll(IDENTIFIER)].some((x) => foreign(x[0]))) continue;
      if ((!protective && /\b(?:it|this|that|them)\b/i.test(m[0])) || object.test(rest) || (!protective && underTicket(clause, text))) return clause.trim();
    }
    return undefined;
  };
  // A grant or an object the text that names it calls temporary, with an end that has passed ("the
  // temporary secrets read on the quote-api Role … just until tomorrow"): its maker's end, as much
  // a plan to take it away as "remove it again".
  const limited = (text: string, written: string) => {
    for (const clause of text.split(sentenceEnds(/(?<=[.!?])\s+|\n|;\s*/))) {
      if (!names.test(clause) && !parts.some((part) => clause.toLowerCase().includes(part.toLowerCase()))) continue;
      if (KEEP_OBJECT.test(clause) || !readIntent({ subject: clause, body: '', author: '', email: '', date: written }, env, context.environments).temporary)
        continue;
      const until = readDeadline(clause, written).date;
      if (until && context.today && until < context.today) return clause.trim();
    }
    return undefined;
  };
  const notAfter = (date: string) => (!context.today || date.slice(0, 10) <= context.today) && (!since || Date.parse(date) >= Date.parse(since));
  const said: Array<{ where: string; text: string; sha: string; date: string; byName?: boolean; passage?: string }> = [];
  const ended: typeof said = [];
  for (const doc of log.documents) {
    const by = log.messages.get(doc.sha);
    if (!by || !notAfter(by.date) || !(names.test(doc.text) || citesMade(doc.text))) continue;
    for (const p of passages(doc.text)) {
      if (KEEP_OBJECT.test(p.text)) return undefined;
      // A passage citing only other tickets (another row of the export) speaks of what they made.
      const cites = made.length > 0 ? ticketsIn(p.text) : [];
      if (cites.length > 0 && !cites.some((t) => made.includes(t))) continue;
      const found = plans(p.text, by.date);
      // In a table's row, the plan is its cell, and so is the end the passage gives it ("approved until
      // 31 May. After that, delete the binding"), not the row's other dates (when it was written).
      const clause = found?.split('|').at(-1)?.trim() || found;
      const cell = clause ? (p.text.split('|').find((c) => c.includes(clause)) ?? p.text) : undefined;
      if (clause) said.push({ where: `${doc.path}:${p.line}`, text: clause, sha: by.sha, date: by.date, byName: fullName.test(doc.text), passage: cell });
      const limit = clause || protective ? undefined : limited(p.text, by.date);
      if (limit) ended.push({ where: `${doc.path}:${p.line}`, text: limit, sha: by.sha, date: by.date });
    }
  }
  for (const { note: m, text } of logTexts(log).all) {
    if (!notAfter(m.date) || !names.test(text)) continue;
    if (KEEP_OBJECT.test(text)) return undefined;
    const clause = plans(text, m.date);
    if (clause)
      said.push({
        where: `${describeMessage(m)}`,
        text: clause,
        sha: m.sha,
        date: m.date,
        byName: fullName.test(text),
      });
  }
  const endOf = (x: (typeof said)[number]) =>
    readDeadline(x.text, x.date).date ?? (x.passage ? readDeadline(x.passage, x.date).date : undefined) ?? bareRemoval(x.text, x.date)?.until;

  // Of several plans, one naming the object whose end has passed says the most.
  const plan = said.find((x) => x.byName && context.today && (endOf(x) ?? '9999') < context.today) ?? said[0] ?? ended[0];
  if (!plan) return undefined;
  f.add('intent', `${plan.where} plans its end: "${plan.text.slice(0, 160)}"`, plan.sha);
  const until = endOf(plan);
  const past = !!until && !!context.today && until < context.today;
  // An end someone has since moved is no longer the end: whether it ran out again is a person's to say.
  if (past && extendedSince(name, new Set(made), new Date(Date.parse(plan.date) + 1000).toISOString(), context.today!, log)) return undefined;
  if (past) f.add('age', `the end it gave, ${until}, passed ${daysBetween(until, context.today!)} days ago`, plan.sha);
  // A plan without a day, in a record that dates the object's window elsewhere ("Valid: 1.8.2028 – 30.9.2028",
  // "runs until 30 September"), still ahead: the object is inside the window its record approved. Taken away
  // now, it would end early what was approved; it is declared until that day, when the plan's removal is due.
  const record =
    !until && !protective && context.today ? log.documents.find((x) => plan.where === `${x.path}` || plan.where.startsWith(`${x.path}:`)) : undefined;
  const window = record ? readDeadline(record.text, plan.date).date : undefined;
  if (window && window >= context.today!) {
    f.add('age', `${record!.path} dates the window it was made for: until ${window}, ${daysBetween(context.today!, window)} days ahead`, plan.sha);
    f.say(`leave ${d.key} in ${env} until ${window}, the end its record gives; declare it with that end, and remove it then`);
    return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.55 };
  }
  f.say(`whoever made it planned to take it away again: remove ${d.key} from ${env}${past ? '' : ', once whatever it was for is over'}`);
  f.ask(`is what ${d.key} in ${env} was made for over? Then remove it; otherwise declare it with an owner and an end.`);
  // A protection goes at 0.5 whatever the plan's date: the order to delete it is the evidence, not a
  // day. So does a grant found by whom it grants to: the text may speak of another of their grants.
  const sure = past && !protective && plan.byName !== false;
  return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: sure ? 0.6 : 0.5 };
}

/** The tickets cited by a text that names the object in full (a document's passage, a commit): the
 * work it was made under. */
function madeUnder(name: string, log: CommitLog): string[] {
  const fullName = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  const lower = name.toLowerCase();
  const found = new Set<string>();
  for (const doc of documentIndex(log)) {
    if (!doc.lower.includes(lower)) continue;
    for (const p of doc.passages) if (p.lower.includes(lower) && fullName.test(p.text)) for (const t of p.tickets) found.add(t);
  }
  for (const t of logTexts(log).all) if (t.folded.includes(lower) && fullName.test(t.text)) for (const x of t.tickets) found.add(x);
  return [...found];
}

/** A grant or an object a text naming it calls temporary for a piece of work, where a later text
 * citing that work's ticket reports it done: "`kubectl create rolebinding orders-migrator-tmp …`.
 * Temporär, nur für den Backfill; nach Abschluss der Migration löschen" in docs/changes/MIG-204.md,
 * then "MIG-204 abgeschlossen". What it was made for is over, so it goes (a grant made by hand for
 * a migration that keeps edit rights is the very thing a cleanup is for). The ticket links the two
 * texts: the passage's own or its section heading's, or the document's (its file name, its title, the commit that wrote it),
 * or the commit's that calls it temporary. The report counts only once the object exists (or the
 * text was written), up to today, and not where it names other environments only. A text that says
 * to keep it stops the rule; a protection is left to `documented`, which needs its own stated end. */
function temporaryWorkDone(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  const log = context.log;
  const name = nameOf(d.key);
  if (!log || name.length < 4 || isProtective(d.key)) return undefined;
  const fullName = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  const upToToday = (date: string) => !context.today || date.slice(0, 10) <= context.today;
  const here = (text: string) => {
    const envs = context.environments.filter((e) => mentions(text, e));
    return envs.length === 0 || envs.includes(env);
  };
  const temporary = (text: string, date: string) =>
    fullName.test(text) &&
    here(text) &&
    !KEEP_OBJECT.test(text) &&
    !!readIntent({ subject: text, body: '', author: '', email: '', date }, env, context.environments).temporary;
  const calls: Array<{ where: string; text: string; sha: string; date: string; tickets: string[] }> = [];
  for (const doc of documentIndex(log)) {
    if (!upToToday(doc.written.date) || !doc.lower.includes(name.toLowerCase())) continue;
    const own = [...ticketsIn(doc.path.toUpperCase()), ...ticketsIn(doc.text.split('\n', 1)[0] ?? ''), ...ticketsIn(doc.written.subject)];
    for (const p of doc.passages) {
      const tickets = [...new Set([...p.tickets, ...ticketsIn(p.heading ?? ''), ...own])];
      if (tickets.length > 0 && temporary(p.text, doc.written.date))
        calls.push({ where: `${doc.path}:${p.line} (${short(doc.written.sha)})`, text: p.text, sha: doc.written.sha, date: doc.written.date, tickets });
    }
  }
  for (const t of logTexts(log).all) {
    if (upToToday(t.note.date) && t.tickets.length > 0 && temporary(t.text, t.note.date))
      calls.push({ where: describeMessage(t.note), text: t.text, sha: t.note.sha, date: t.note.date, tickets: [...t.tickets] });
  }
  const made = d.provenance?.[env]?.time ?? undefined;
  for (const call of calls) {
    const since = made ?? call.date;
    let reported: { m: Message; said: string } | undefined;
    for (const sha of new Set(call.tickets.flatMap((ticket) => log.byTicket.get(ticket) ?? []))) {
      const m = log.messages.get(sha);
      if (!m || m.sha === call.sha || !upToToday(m.date) || Date.parse(m.date) < Date.parse(since)) continue;
      const text = `${m.subject}\n${m.body}`;
      const said = here(text) && !KEEP_OBJECT.test(text) ? workDone(text) : undefined;
      if (said) reported = { m, said };
    }
    // doneInDocuments records the document's passage itself when it finds one.
    const done = reported?.said ?? doneInDocuments(call.tickets, log, context, f, { env, since });
    if (!done) continue;
    f.add('intent', `${call.where} calls ${d.key} temporary, for ${list(call.tickets)}: "${call.text.slice(0, 160)}"`, call.sha);
    if (reported) f.add('intent', `${describeMessage(reported.m)} reports the work done ("${reported.said}")`, reported.m.sha);
    f.say(`${d.key} was made for work a text citing ${list(call.tickets)} reports done ("${done}"): remove it from ${env}`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.55 };
  }
  return undefined;
}

const DAY = 86_400_000;

/** A text written since the object was made (or up to two days before: a note prepared with it), up
 * to today, naming the object in full and saying it was made by mistake — "applied loadgen.yaml with
 * ctx still on prod", "CronJob/loadgen landed in the wrong cluster", "aus Versehen in prod angelegt":
 * it goes, whatever its kind (a protection made by mistake protects nothing anyone asked for). A text
 * naming only other environments speaks of them; one that says not to remove it keeps it. */
function madeByMistake(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  const log = context.log;
  const name = nameOf(d.key);
  if (!log || name.length < 4) return undefined;
  const fullName = new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  const made = d.provenance?.[env]?.time;
  const since = made ? Date.parse(made) - 2 * DAY : Number.NEGATIVE_INFINITY;
  const inTime = (date: string) => Date.parse(date) >= since && (!context.today || date.slice(0, 10) <= context.today);
  const here = (text: string) => {
    const envs = context.environments.filter((e) => mentions(text, e));
    return envs.length === 0 || envs.includes(env);
  };
  const texts: Array<{ where: string; text: string; sha: string }> = [];
  for (const doc of documentIndex(log)) {
    if (!inTime(doc.written.date) || !fullName.test(doc.text)) continue;
    for (const p of doc.passages)
      if (fullName.test(p.text)) texts.push({ where: `${doc.path}:${p.line} (${short(doc.written.sha)})`, text: p.text, sha: doc.written.sha });
  }
  for (const { note: m, text } of logTexts(log).all) {
    if (inTime(m.date) && fullName.test(text)) texts.push({ where: `${describeMessage(m)}`, text, sha: m.sha });
  }
  // The sentence that calls it a mistake names the object (or its file) and, if any environment, this one:
  // "mock-psp went to the wrong cluster. loadgen is our probe" says nothing of loadgen.
  const mistakeHere = (text: string) => {
    for (const sentence of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
      const phrase = fullName.test(sentence) && here(sentence) ? saysMistake(sentence) : undefined;
      if (phrase) return phrase;
    }
    return undefined;
  };
  for (const t of texts) {
    const phrase = KEEP_OBJECT.test(t.text) ? undefined : mistakeHere(t.text);
    if (!phrase) continue;
    f.add('live', `${t.where} says ${d.key} was not meant for ${env} ("${phrase}"): "${t.text.slice(0, 160)}"`, t.sha);
    f.say(`made in ${env} by mistake: delete ${d.key} from ${env} (revert)`);
    return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
  }
  return undefined;
}

/** The commit that added `object` (`RoleBinding/x`) to `env`'s files: the first to touch the file
 * that defines it, if the log read the files commits touched. */
function madeBy(d: Divergence, env: EnvName, log: CommitLog): Message | undefined {
  const file = d.values[env]?.at?.file;
  if (!file) return undefined;
  let first: Message | undefined;
  for (const m of log.messages.values()) if (m.files?.includes(file) && (!first || m.date < first.date)) first = m;
  return first;
}

// An object retired in so many words: "was deleted in production", "has been decommissioned",
// "must not be exposed again", "do not re-create it", "retired", "gone for good".
const RETIRED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:was|were|has been|have been|got|is now|is|are)\s+(?:\p{L}+\s+)?(?:deleted|removed|retired|decommissioned|switched off|`,
  String.raw`shut down|turned off|taken down|torn down|dropped|deprovisioned)|must(?:\s+not|n't)\s+(?:be\s+)?(?:exposed|re-?created|re-?deployed|deployed|`,
  String.raw`restored|brought back|come back|return|be re-?enabled)|(?:do not|don't|never)\s+(?:re-?create|re-?deploy|restore|bring back|re-?apply)|`,
  String.raw`gone for good|retired for good|status:\s*retired)(?![\p{L}])`,
);
// A plan or an instruction, not a record: "will be deleted in Q1", "to be removed", "if it is deleted".
const NOT_YET_RETIRED = /(?<![\p{L}])(?:will be|to be|should be|would be|if|once|when|unless|planned|plan to)(?![\p{L}])/iu;

/** A committed document, written by today, whose passage names the object and records it retired
 * (deleted on purpose, decommissioned, not to come back): for an object absent live the repo drops
 * its definition (backfill the absence); for one running with no definition, it goes (revert). A
 * passage calling the deletion a mistake decides nothing here. */
function documentedRetirement(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  if (d.kind !== 'missing-live' && d.kind !== 'live-object') return undefined;
  const log = context.log;
  const name = nameOf(d.key);
  if (!log || name.length < 4) return undefined;
  const names = new RegExp(`(^|[^A-Za-z0-9_-])${escapeRegExp(name)}($|[^A-Za-z0-9_-])`, 'i');
  const lower = name.toLowerCase();
  for (const doc of documentIndex(log)) {
    if (context.today && doc.written.date.slice(0, 10) > context.today) continue;
    if (!doc.lower.includes(lower) || (doc.status && !doc.status.decided)) continue;
    for (const p of doc.passages) {
      if (!p.lower.includes(lower) || !names.test(p.text)) continue;
      // The mirror of a retirement: a deletion recorded as a mistake, with an order to re-create it.
      const undone = d.kind === 'missing-live' ? deletionUndone(p.text, names) : undefined;
      if (undone) {
        const where = `${doc.path}:${p.line} (${day(doc.written.date)}, ${doc.written.author}, ${short(doc.written.sha)})`;
        f.add(
          'intent',
          `${where} records the deletion of ${d.key} as a mistake${undone.order ? ' and says to re-create it' : ''} ("${undone.phrase}"): "${p.text.slice(0, 160)}"`,
          doc.written.sha,
        );
        f.say(`${d.key} was deleted by mistake in ${env}: re-create it from its definition in the repo (revert the live state)`);
        if (!undone.order)
          f.ask(`${d.key} was deleted in ${env} by mistake, the document says: re-create it from the repo, unless it has been replaced since?`);
        return { deliberate: env, drifted: env, suggested: 'revert', value: null, confidence: undone.order ? 0.6 : 0.5 };
      }
      for (const sentence of p.text.split(sentenceEnds(/(?<=[.!?;])\s+/))) {
        const m = RETIRED.exec(sentence);
        // In the sentence that names the object ("the Ingress `legacy-api-v1` was deleted in production"), as a record, not a plan or a slip.
        if (!m || !names.test(sentence) || saysMistake(sentence) || NOT_YET_RETIRED.test(sentence.slice(0, m.index + m[0].length))) continue;
        const where = `${doc.path}:${p.line} (${day(doc.written.date)}, ${doc.written.author}, ${short(doc.written.sha)})`;
        f.add('intent', `${where} records ${d.key} retired ("${m[0]}"): "${p.text.slice(0, 160)}"`, doc.written.sha);
        if (d.kind === 'missing-live') {
          f.say(`${d.key} was retired on purpose in ${env}: drop its definition from the repo (backfill the absence), do not re-create it`);
          return { deliberate: env, drifted: env, suggested: 'backfill', value: null, confidence: 0.6 };
        }
        f.say(`${d.key} was retired: remove it from ${env}`);
        return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
      }
    }
  }
  return undefined;
}

// A deletion called a mistake: "deleted by mistake", "removed in error", "**mistake**: X is not a
// leftover", "should not have been deleted", "was not supposed to be removed", "versehentlich gelöscht".
const DELETED_IN_ERROR = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:deleted|removed|dropped|destroyed|cleaned up|torn down)\s+(?:\p{L}+\s+){0,2}?(?:by (?:mistake|accident)|in error|accidentally|wrongly|mistakenly)|`,
  String.raw`(?:by (?:mistake|accident)|accidentally|wrongly|mistakenly|versehentlich|por error|par erreur|per errore|por engano)\s+(?:\p{L}+\s+){0,2}?`,
  String.raw`(?:deleted|removed|dropped|destroyed|gelöscht|entfernt|borrad[oa]|eliminad[oa]|supprimée?|cancellat[oa]|apagad[oa]|excluíd[oa])|`,
  String.raw`(?:should|must)(?: not|n't) have been (?:deleted|removed|dropped)|(?:was|were)(?: not|n't) (?:supposed|meant) to be (?:deleted|removed|dropped)|`,
  String.raw`(?:is|was|are|were)(?: not|n't) (?:a |an )?(?:left ?over|orphan(?:ed)?|unused|stale|obsolete)|\**mistake\**\s*:|was a mistake|my mistake)(?![\p{L}])`,
);
// An order to bring a deleted object back: "Re-create it from k8s/…", "restore it", "redeploy it", "re-apply the manifest", "bring it back", "wieder anlegen".
const RECREATE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:re-?create|re-?deploy|re-?apply|restore|bring (?:\S+\s+){0,2}?back|put (?:\S+\s+){0,2}?back|wieder (?:anlegen|herstellen|einspielen)|`,
  String.raw`neu anlegen|volver a crear|recrear|restaurar|recréer|recréez|ricreare|recriar)(?![\p{L}])`,
);
// Before an order to re-create, what makes it no order: "do not re-create", "if it was deleted by mistake, …", "should we re-create it?".
const NOT_AN_ORDER = /(?<![\p{L}])(?:not|never|don't|dont|no need|if|whether|unless|in case|should we|shall we)(?![\p{L}])/iu;

/** A passage naming a deleted object that records the deletion as a mistake ("**mistake**: X is not a
 * leftover … Re-create it from k8s/…"): with an order to re-create it, that is the undo of the
 * deletion (revert the live state, 0.6); the mistake alone, a question (0.5). Not an instruction
 * for some later case ("if it was deleted by mistake, re-create it"), nor a question. */
function deletionUndone(text: string, names: RegExp): { phrase: string; order: boolean } | undefined {
  const sentences = text.split(sentenceEnds(/(?<=[.!?;])\s+/)).filter((x) => x.trim());
  if (sentences.some((x) => /^(?:[-*+]|\d+[.)])?\s*(?:if|when|in case|should)\b/i.test(x.replace(/^[-*+]\s*(?:\d{1,2}:\d{2}\s*)?/, '')))) return undefined;
  const mistake = sentences.find((x) => names.test(x) && !/\?\s*$/.test(x) && DELETED_IN_ERROR.test(x));
  if (!mistake) return undefined;
  const order = sentences.find((x) => {
    const m = RECREATE.exec(x);
    return !!m && !/\?\s*$/.test(x) && !NOT_AN_ORDER.test(x.slice(0, m.index));
  });
  return { phrase: (order ?? DELETED_IN_ERROR.exec(mistake)![0]).trim().slice(0, 120), order: !!order };
}

// Words a purpose names that say nothing of what it is for.
const PURPOSE_PLAIN = new Set(['for', 'the', 'job', 'deploy', 'deploys', 'used', 'by', 'and', 'with', 'from', 'this', 'that', 'token', 'access', 'temporary']);
// A thing switched off or replaced: "Jenkins was switched off on 2026-11-19", "the old CI is decommissioned".
const ENDED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:was|were|has been|have been|is now|is|are)\s+(?:\p{L}+\s+)?(?:switched off|shut down|turned off|decommissioned|retired|`,
  String.raw`sunset|sunsetted|replaced|removed|deleted|gone|dead|no longer (?:used|in use|running|needed))|no longer (?:exists?|runs?|in use|used)|`,
  String.raw`(?:decommission(?:ed|ing)?|retire(?:d|ment)?|sunset(?:ting)?|shut(?:ting)? down|switch(?:ed|ing)? off) (?:of )?)(?![\p{L}])`,
);
// An order about a class of objects: "every long-lived deploy token … must be revoked", "all Jenkins credentials are to be deleted".
const CLASS_ORDER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:every|all|each|any)\s[^.;]{0,120}?\s(?:must|should|have to|has to|are to|is to|shall|need to|needs to)\s+(?:be\s+)?`,
  String.raw`(?:revoked|removed|deleted|rotated out|disabled|cleaned up|destroyed|dropped)(?![\p{L}])`,
);

/** The purpose an object states on itself ("for Jenkins deploy job (prod)") is a link to what the
 * documents say of that purpose: a document that records it ended ("Jenkins was switched off")
 * ends the object, and an order about its class ("every long-lived deploy token … must be revoked")
 * applies to it. A grant whose purpose is gone is not declared: it is removed. */
function purposeEnded(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  const log = context.log;
  const notes = Object.entries(d.values[env]?.liveAnnotations ?? {}).filter(
    ([k]) => !/^(?:kubernetes\.io|kubectl\.kubernetes\.io|meta\.helm\.sh|deployment\.kubernetes\.io)\//.test(k),
  );
  if (!log || notes.length === 0) return undefined;
  // The purpose's own names: capitalised words of four letters or more that are no environment ("Jenkins", "Bamboo").
  const purpose = [
    ...new Set(notes.flatMap(([, v]) => [...v.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}-]{3,})(?![\p{L}\p{N}])/gu)].map((m) => m[1]!))),
  ].filter((w) => !PURPOSE_PLAIN.has(w.toLowerCase()) && !context.environments.some((e) => mentions(w, e)));
  if (purpose.length === 0) return undefined;
  const created = d.provenance?.[env]?.time ?? undefined;
  for (const word of purpose) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu');
    for (const doc of documentIndex(log)) {
      if (context.today && doc.written.date.slice(0, 10) > context.today) continue;
      if (created && doc.written.date < created) continue;
      if (!doc.lower.includes(word.toLowerCase()) || (doc.status && !doc.status.decided)) continue;
      const sentences = doc.passages.flatMap((p) => p.text.split(sentenceEnds(/(?<=[.!?;])\s+/)).map((text) => ({ p, text })));
      const ended = sentences.find((x) => re.test(x.text) && ENDED.test(x.text) && !NOT_YET_RETIRED.test(x.text.slice(0, ENDED.exec(x.text)!.index)));
      if (!ended) continue;
      // The class named is the object's: its kind or a word of its name ("every long-lived deploy token" for Secret/deployer-jenkins-token).
      const own = [kindOf(d.key), ...nameOf(d.key).split(/[-_.]/)].filter((w) => w.length >= 4).map(escapeRegExp);
      const member = new RegExp(`(?<![\\p{L}])(?:${own.join('|')})`, 'iu');
      const order = sentences.find(
        (x) => CLASS_ORDER.test(x.text) && member.test(x.text) && !NOT_YET_RETIRED.test(x.text.slice(0, CLASS_ORDER.exec(x.text)!.index)),
      );
      const where = `${doc.path}:${ended.p.line} (${day(doc.written.date)}, ${doc.written.author}, ${short(doc.written.sha)})`;
      const [name, value] = notes.find(([, v]) => re.test(v))!;
      f.add('live', `${d.key} in ${env} states its purpose: "${name}: ${value.slice(0, 120)}"`);
      f.add('intent', `${where} records that purpose ended: "${ended.text.slice(0, 160)}"`, doc.written.sha);
      if (order) f.add('intent', `${doc.path} orders the class it belongs to removed: "${order.text.slice(0, 160)}"`, doc.written.sha);
      f.say(`what ${d.key} was made for (${word}) is gone${order ? ', and the document orders its class removed' : ''}: remove it from ${env}`);
      if (!order) f.ask(`${d.key} was made for ${word}, which ${doc.path} says has ended: is anything else still using it? If not, remove it.`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: order ? 0.6 : 0.5 };
    }
  }
  return undefined;
}

/** A live object an operator made (Flagger's primary copy, a rollout's stable set) that a committed
 * document about the operator names: its own by design. Deleting it takes down what it serves;
 * defining it in the repo puts a second owner on an object the operator rewrites. */
function operatorObject(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  const p = d.provenance?.[env];
  if (!p || (p.kind !== 'controller' && p.kind !== 'unknown')) return undefined;
  const passage = operatorDocumented(d.key, p.manager, context.log, context.today, context.environments);
  if (!passage) return undefined;
  f.add(
    'live',
    `${passage.file}:${passage.line} (${describeMessage(passage.written)}) names ${p.manager}, which made ${d.key}, as what runs it: "${passage.text.slice(0, 160)}"`,
    passage.written.sha,
  );
  f.say(`${d.key} is ${p.manager}'s own object in ${env}: declare it; neither delete it nor define it in the repo`);
  return { deliberate: env, drifted: null, suggested: 'declare', value: null, confidence: 0.5 };
}

/** A grant or a hand-made object its change record allows for a window that has passed
 * (grant-window.ts): the approval ran out, so what it allowed goes. A protection is left to its own
 * stated end (`documented`): a date alone removes no protection. */
function windowRunOut(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  if (isProtective(d.key) || d.provenance?.[env]?.kind === 'controller') return undefined;
  // An access register names whom a grant is for (`termpay-eng`) more often than the binding that grants it.
  const names = [nameOf(d.key), ...subjectNames(d, env)];
  const at = names.findIndex((name) => windowPassed(d.key, name, env, context.environments, context.log, context.today));
  const found = at < 0 ? undefined : windowPassed(d.key, names[at]!, env, context.environments, context.log, context.today);
  if (!found) return undefined;
  // Extensions are looked for by the name the record used: say which, so an e-mail naming the vendor otherwise is not ruled out.
  const since = at > 0 ? ` naming ${names[at]}` : '';
  const { passage } = found;
  f.add(
    'intent',
    `${passage.file}:${passage.line} (${describeMessage(passage.written)}) allows ${d.key} for a while only: "${passage.text.slice(0, 160)}"`,
    passage.written.sha,
  );
  f.add(
    'age',
    found.extended
      ? `its last extension ("${found.end.slice(0, 120)}") ended ${found.until}, ${daysBetween(found.until, context.today!)} days ago; nothing since${since} extends it again`
      : `the window it gives ("${found.end.slice(0, 120)}") ended ${found.until}, ${daysBetween(found.until, context.today!)} days ago; nothing since${since} extends it`,
    passage.written.sha,
  );
  f.say(`the approval for ${d.key} in ${env} has run out: remove it from ${env} (revert the live object), and do not write it into the repo`);
  return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.6 };
}

/** A grant the repo took out of the environment's files and that still runs there (taken-out.ts): the
 * deletion was decided in the desired state and not carried out live, so it is deleted live and never
 * written back. A later text keeping it is read before this (`objectAnswered`). */
function removedFromRepo(d: Divergence, env: EnvName, context: VerdictContext, f: Findings): Partial | undefined {
  if (isProtective(d.key) || d.provenance?.[env]?.kind === 'controller') return undefined;
  const found = takenOutOfRepo(d, env, context);
  if (!found) return undefined;
  f.add('intent', `${describeMessage(found.commit)} took ${d.key} out of ${env}'s files: "${found.clause.slice(0, 160)}"`, found.commit.sha);
  f.say(
    `${env}'s repo no longer grants ${d.key}, yet it is still live (a deploy that does not delete what the repo dropped leaves it): ` +
      `delete it in ${env} (revert the live object), do not write it back`,
  );
  return { deliberate: env, drifted: env, suggested: 'revert', value: null, confidence: 0.55 };
}
