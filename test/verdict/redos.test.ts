// The readers run on commit text a pull request controls, in CI (README "Running on untrusted
// configuration"): no pattern may backtrack super-linearly on hostile text. Two checks, neither a
// copy of the patterns: recheck (the ReDoS checker) over every pattern the modules hold — their
// exports, every pattern literal and literal-only `regex()`/`new RegExp()` in their source, and every
// pattern they actually run on the stories' texts — and the readers themselves on 100 KB of
// hostile text, whose time must grow with the text as a linear baseline's does (redos-hostile.test.ts;
// the readers and the hostile texts are redos-readers.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, type AttackPattern } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HOSTILE, READERS, storyTexts } from './redos-readers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODULES = [
  ...readdirSync(join(ROOT, 'src/verdict'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, 'src/verdict', f)),
  join(ROOT, 'src/git/messages.ts'),
  // Every value of a pull request's config is read for a password inside it.
  join(ROOT, 'src/parse/url-passwords.ts'),
  // Every value two environments hold differently is read for its unit.
  join(ROOT, 'src/compare/same-meaning.ts'),
];

/** The first frame of a stack in our modules, as file:line. */
const ourFrame = (stack: string) =>
  stack
    .split('\n')
    .slice(2)
    .map((line) => /(src\/(?:verdict\/[\w-]+|git\/messages|compare\/same-meaning)\.ts):(\d+)/.exec(line))
    .find(Boolean)
    ?.slice(1, 3)
    .join(':');

/** The patterns our modules execute while `run` runs: RegExp.prototype.exec is what test, match,
 * matchAll, replace, split and search call once it is replaced. */
function patternsRun(run: () => void): Array<{ re: RegExp; where: string }> {
  // By source, not by object: a pattern made per call is one pattern, and a stack per call would cost minutes.
  const seen = new Set<string>();
  // A pattern object already looked at is skipped before its source is read: a table's source is
  // kilobytes, and joining it to its flags on each of millions of calls was most of this walk's time.
  const looked = new WeakSet<RegExp>();
  const ours: Array<{ re: RegExp; where: string }> = [];
  const descriptor = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec')!;
  const exec = descriptor.value as (this: RegExp, s: string) => RegExpExecArray | null;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    if (!looked.has(this)) {
      looked.add(this);
      const id = `${this.flags}/${this.source}`;
      if (!seen.has(id)) {
        seen.add(id);
        const where = ourFrame(new Error().stack ?? '');
        if (where) ours.push({ re: this, where: `${where} (run)` });
      }
    }
    return exec.call(this, s);
  };
  try {
    run();
  } finally {
    Object.defineProperty(RegExp.prototype, 'exec', descriptor);
  }
  return ours;
}

/** The patterns a module exports, however deep in its tables. */
function exported(value: unknown, out: RegExp[], depth = 0): RegExp[] {
  if (value instanceof RegExp) out.push(value);
  else if (depth < 5 && value && typeof value === 'object')
    for (const v of value instanceof Map ? value.values() : Object.values(value)) exported(v, out, depth + 1);
  else if (depth < 5 && typeof value === 'function' && depth > 0) return out;
  return out;
}

/** Every pattern written whole in a module's source: literals, and `regex(flags, ...)` and `new RegExp(...)` whose parts are all literals. */
function written(file: string): Array<{ source: string; flags: string; where: string }> {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Array<{ source: string; flags: string; where: string }> = [];
  const text = (n: ts.Node | undefined): string | undefined => {
    if (!n) return undefined;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
    if (ts.isTaggedTemplateExpression(n) && n.tag.getText(sf) === 'String.raw' && ts.isNoSubstitutionTemplateLiteral(n.template))
      return n.template.rawText ?? n.template.text;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const [a, b] = [text(n.left), text(n.right)];
      return a === undefined || b === undefined ? undefined : a + b;
    }
    if (ts.isParenthesizedExpression(n)) return text(n.expression);
    return undefined;
  };
  const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = n.getText(sf);
      const end = lit.lastIndexOf('/');
      out.push({ source: lit.slice(1, end), flags: lit.slice(end + 1), where: where(n) });
    } else if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'regex') {
      const parts = n.arguments.map((a) => text(a));
      if (parts.every((p) => p !== undefined)) out.push({ source: parts.slice(1).join(''), flags: parts[0]!, where: where(n) });
    } else if (ts.isNewExpression(n) && n.expression.getText(sf) === 'RegExp' && n.arguments?.length) {
      const [source, flags] = [text(n.arguments[0]), n.arguments[1] ? text(n.arguments[1]) : ''];
      if (source !== undefined && flags !== undefined) out.push({ source, flags, where: where(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The attack recheck found, pumped to about `size` characters. */
function pumped(attack: AttackPattern, size: number): string {
  const unit = attack.pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
  const times = Math.max(1, Math.ceil(size / unit));
  return attack.pumps.map((p) => p.prefix + p.pump.repeat(times)).join('') + attack.suffix;
}

/** recheck's fuzzing also flags a repetition bounded by a count ("[^.\n]{0,40}" after a word): each
 * start then costs at most the bound, so the work is linear, only with a larger factor. Such a
 * pattern is run on its own attack at 1, 5, 25 and 100 KB: each step may take fifteen times the
 * previous (five times is linear; a long alternation's large constant is in the first step) plus a
 * hundred times a linear scan of the same text; the first step over that fails it before a longer
 * one could hang. */
function linearOnItsAttack(source: string, flags: string, attack: AttackPattern): string | undefined {
  const re = new RegExp(source, flags);
  let before: number | undefined;
  for (const size of [1_000, 5_000, 25_000, 100_000]) {
    const text = pumped(attack, size);
    const t0 = performance.now();
    const words = [...text.matchAll(/\S+/g)].length;
    const t1 = performance.now();
    re.exec(text);
    const t = performance.now() - t1;
    const baseline = words >= 0 ? t1 - t0 : 0;
    if (before !== undefined && t > 15 * before + 100 * baseline + 1) return `${t.toFixed(1)} ms at ${text.length} characters`;
    before = t;
  }
  return undefined;
}

/** A pattern recheck could not decide, run on each hostile text at 20 and 100 KB (the budget of the readers' test below). */
function linearOnHostile(source: string, flags: string): string | undefined {
  const re = new RegExp(source, flags.replace(/[gy]/g, ''));
  for (const [kind, make] of Object.entries(HOSTILE)) {
    let over: string | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const [small, large] = [make(20_000), make(100_000)];
      const t0 = performance.now();
      const words = [...large.toLowerCase().matchAll(/\S+/g)].length;
      const t1 = performance.now();
      re.exec(small);
      const t2 = performance.now();
      re.exec(large);
      const t3 = performance.now();
      const budget = 15 * (t2 - t1) + 300 * (words >= 0 ? t1 - t0 : 0);
      over = t3 - t2 <= budget ? undefined : `${(t3 - t2).toFixed(1)} ms on 100 KB of ${kind} (budget ${budget.toFixed(1)} ms)`;
      if (!over) break;
    }
    if (over) return over;
  }
  return undefined;
}

// recheck takes about half a second a pattern (up to 20 s for the long phrase tables): some 500
// patterns are minutes of CPU, more than the suite's budget. A pattern's verdict depends only on its
// source and flags (recheck's seed is fixed), so the ones already checked are kept in a ledger by
// their hash, and a run checks only what is new or changed. `REDOS_LEDGER=write` re-checks all of them
// and writes the ledger afresh, `REDOS_LEDGER=add` writes it with what this run checked added; a
// vulnerable pattern is never written into it.
const LEDGER = join(ROOT, 'test/verdict/redos-ledger.txt');
const hash = (flags: string, source: string) => createHash('sha256').update(`${flags}/${source}`).digest('hex').slice(0, 20);
const fileOf = (where: string) => where.replace(/:\d+/, '');
const ledger = (): Map<string, string> =>
  new Map(
    (existsSync(LEDGER) ? readFileSync(LEDGER, 'utf8') : '')
      .split('\n')
      .filter((l) => /^[0-9a-f]{20} /.test(l))
      .map((l) => [l.slice(0, 20), l.slice(21).split(' ')[0]!]),
  );

/** Every pattern the modules export, write whole in their source, or run on the stories' texts. */
async function collect(): Promise<Map<string, { source: string; flags: string; where: string }>> {
  const all = new Map<string, { source: string; flags: string; where: string }>();
  const add = (source: string, flags: string, where: string) => {
    const f = flags.replace(/[gy]/g, '');
    if (!all.has(`${f}/${source}`)) all.set(`${f}/${source}`, { source, flags: f, where });
  };
  for (const file of MODULES) {
    for (const re of exported(await import(file), [])) add(re.source, re.flags, `${relative(ROOT, file)} (export)`);
    for (const w of written(file)) add(w.source, w.flags, w.where);
  }
  const texts = storyTexts();
  for (const { re, where } of patternsRun(() => {
    for (const t of texts) for (const read of Object.values(READERS)) read(t);
  }))
    add(re.source, re.flags, where);
  return all;
}

describe('no pattern of the readers backtracks super-linearly', () => {
  it('recheck finds every pattern the modules export, write or run safe', { timeout: 900_000 }, async () => {
    const all = await collect();
    // The collection itself is what the test stands on: it must see the tables and the literals.
    expect(all.size).toBeGreaterThan(300);
    // Without the u flag `\p{L}` is the letters "p{L}", not a letter class: a reader then matches the wrong words, silently.
    const propertyWithoutUnicode = [...all.values()]
      .filter((p) => /\\[pP]\{/.test(p.source) && !/[uv]/.test(p.flags))
      .map((p) => `${p.where}: /${p.source.slice(0, 80)}/${p.flags}`);
    expect(propertyWithoutUnicode).toEqual([]);
    const rewrite = process.env.REDOS_LEDGER === 'write' || process.env.REDOS_LEDGER === 'add';
    const known = process.env.REDOS_LEDGER === 'write' ? new Map<string, string>() : ledger();
    const unsafe: string[] = [];
    const lines: string[] = [];
    const unledgered: string[] = [];
    for (const p of all.values()) {
      const id = hash(p.flags, p.source);
      let status = known.get(id);
      if (!status) unledgered.push(`${p.where}: /${p.source.slice(0, 80)}/${p.flags}`);
      // Undecided by recheck: run on the hostile texts every time (cheap; the ledger proves nothing for it).
      if (status === 'timeout') {
        const slowOn = linearOnHostile(p.source, p.flags);
        if (slowOn) unsafe.push(`${p.where}: /${p.source.slice(0, 160)}/${p.flags} — recheck timed out; ${slowOn}`);
      }
      if (!status) {
        const d = await check(p.source, p.flags, { timeout: 20_000 });
        status = d.status === 'unknown' ? d.error.kind : d.status;
        // Timed, so tried three times before it counts (a pause of the collector is not a pattern's).
        let slow = d.status === 'vulnerable' ? linearOnItsAttack(p.source, p.flags, d.attack) : undefined;
        for (let again = 0; slow && d.status === 'vulnerable' && again < 2; again++) slow = linearOnItsAttack(p.source, p.flags, d.attack);
        if (d.status === 'vulnerable' && !slow) status = 'bounded';
        else if (d.status === 'vulnerable')
          unsafe.push(
            `${p.where}: /${p.source.slice(0, 160)}/${p.flags} — ${d.complexity.summary}, ${slow} on its attack ${JSON.stringify(d.attack.string.slice(0, 60))}`,
          );
        else if (d.status === 'unknown' && d.error.kind === 'timeout') {
          const slowOn = linearOnHostile(p.source, p.flags);
          if (slowOn) unsafe.push(`${p.where}: /${p.source.slice(0, 160)}/${p.flags} — recheck timed out; ${slowOn}`);
        } else if (d.status === 'unknown') unsafe.push(`${p.where}: /${p.source.slice(0, 160)}/${p.flags} — not checked: ${JSON.stringify(d.error)}`);
      }
      // The file alone, not its line: a line number moves with every edit above it, and a ledger rewritten for
      // that conflicts on every rebase of engineers adding patterns in parallel.
      if (status === 'safe' || status === 'timeout' || status === 'bounded') lines.push(`${id} ${status} ${fileOf(p.where)}`);
    }
    if (rewrite) writeFileSync(LEDGER, `${lines.sort().join('\n')}\n`);
    expect(unsafe).toEqual([]);
    // A pattern recheck could not decide in its time (the longest phrase tables) is run on the hostile texts instead.
    // 12 since session 20: status.ts's phrase tables in 13 languages added three, undecided in 20 s at load 10.
    // 19 since session 26: Swedish, Danish and Norwegian in the status.ts and languages.ts tables, and two
    // intent.ts clause patterns, undecided in 20 s at load 17. Each still runs on the hostile texts on every
    // run (above): the bound keeps the tables from growing unnoticed, not the guard itself.
    // 20 since session 27: conditions.ts' open-matter table with its Swedish, Danish and Norwegian words
    // ("avvaktar beslut", "ikke besluttet"), undecided in 20 s at load 18 (safe before them).
    // 22 since session 30: Greek, Finnish and Catalan in the status.ts and languages.ts tables (and broken.ts'
    // refusals, which read languages.ts'), undecided in 20 s at load 30–33, and Ukrainian in status.ts' families
    // (its stems as Russian's: "відкрит*", "завершен*"), two undecided in 20 s at load 14–24 (safe before them).
    // 24 since session 32: failure-share.ts' failure words and done-when.ts' removal step, undecided in 20 s at
    // load 10–55; both only ever run on a window of at most 70 and 200 characters after a match, which bounds
    // any backtracking whatever the pattern (the Vietnamese words in status.ts' families changed the ids of
    // its undecided patterns, not their count).
    // 27 since session 33: the Indonesian and Czech words in status.ts' families and languages.ts' tables join their
    // alternations (no quantifier of their own but the tables' stems) and left three more undecided in 20 s (the ledger
    // rewritten after the merges at load 1–5); each still passes the hostile texts above.
    // 30 since session 39 (lane sp36c): documents.ts' status words (reopened, in progress, in Czech, Polish, Swedish,
    // Vietnamese, Arabic, Hindi), event-ahead.ts' expected/no-date words and left-open.ts' held-until-decided words, one
    // each, undecided in 20 s at load 16–17 (the ledger written while six engineers ran evals); each passes the hostile texts.
    expect(lines.filter((l) => l.includes(' timeout ')).length).toBeLessThanOrEqual(30);
    // Checked and safe, yet a failure: a pattern the ledger lacks is analysed again on every run of every
    // machine (up to 20 s each; ten merged table edits once cost CI 2.5 minutes). Write it down once:
    // `REDOS_LEDGER=add npx vitest run test/verdict/redos.test.ts`, and commit test/verdict/redos-ledger.txt.
    if (!rewrite)
      expect(
        unledgered,
        'patterns missing from test/verdict/redos-ledger.txt: run REDOS_LEDGER=add npx vitest run test/verdict/redos.test.ts and commit the ledger',
      ).toEqual([]);
  });
});
