// A value made of options — JVM flags (`-XX:MaxRAMPercentage=85.0 -XX:+UseG1GC`), a command line
// (`--workers=8 --log-format=json`), system properties (`-Dspring.profiles.active=prod`) — is named in
// prose by the option that changed, never whole: a post-mortem writes "MaxRAMPercentage=85.0" or
// "raise MaxRAMPercentage to 85", not the whole string. Where two values of a key differ in one
// option only, that option with the new setting names the new value.
import { regex } from './pattern.js';

export interface ChangedOption {
  /** The option's name as prose writes it: without its dashes, `-XX:` or `-D` (`MaxRAMPercentage`). */
  name: string;
  /** Its setting in the value named (`85.0`). */
  setting: string;
}

// One option with a setting: dashes, an optional `XX:` (or `D` before a property), a name, `=`, a setting.
const OPTION = /^-{1,2}(?:XX:|D(?=[a-z]))?([A-Za-z][\w.-]{2,80})=(\S{1,80})$/;

/** The options of a value written as space-separated options (every part starting with a dash). */
function optionsOf(value: string): string[] | undefined {
  const parts = value.trim().split(/\s+/);
  return parts.length >= 2 && parts.length <= 60 && parts.every((p) => p.startsWith('-')) ? parts : undefined;
}

/** The one option `value` sets differently from `other`, the rest the same in both; undefined otherwise. */
export function changedOption(value: string | null, other: string | null): ChangedOption | undefined {
  if (value === null || other === null) return undefined;
  const mine = optionsOf(value);
  const theirs = optionsOf(other);
  if (!mine || !theirs || mine.length !== theirs.length) return undefined;
  const differing = mine.flatMap((p, i) => (p === theirs[i] ? [] : [[p, theirs[i]!] as const]));
  if (differing.length !== 1) return undefined;
  const [a, b] = differing[0]!;
  const m = OPTION.exec(a);
  const n = OPTION.exec(b);
  if (!m || !n || m[1] !== n[1]) return undefined;
  return { name: m[1]!, setting: m[2]! };
}

// Between the option's name and its setting, as people write it: "=", ":", a space, an arrow, "to",
// "from 60 to", "van 60 naar".
const BETWEEN = regex(
  'iu',
  String.raw`^(?:\s{0,3}(?:=|:|→|->)\s{0,3}|\s{1,3}(?:(?:(?:from|von|van|de|da|desde|z|från|fra)\s{1,3}\S{1,12}\s{1,3})?(?:to|auf|à|a|naar|till|til|na|do|su|op|in|до)\s{1,3})?)$`,
);

/** Does the text name the changed option with its setting ("MaxRAMPercentage=85.0", "MaxRAMPercentage
 * to 85", "-XX:MaxRAMPercentage=85")? A whole number's ".0" may be left out. */
export function namesOption(text: string, option: ChangedOption): boolean {
  const lower = text.toLowerCase();
  const name = option.name.toLowerCase();
  const settings = new Set([option.setting.toLowerCase(), option.setting.toLowerCase().replace(/^(\d+)\.0+$/, '$1')]);
  for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
    const before = lower[at - 1];
    if (before !== undefined && /[\p{L}\p{N}_]/u.test(before)) continue;
    const rest = lower.slice(at + name.length, at + name.length + 40);
    for (const setting of settings) {
      for (let i = rest.indexOf(setting); i >= 0; i = rest.indexOf(setting, i + 1)) {
        if (/^(?:[\p{L}\p{N}_]|[.,]\d)/u.test(rest.slice(i + setting.length, i + setting.length + 2))) continue;
        if (BETWEEN.test(rest.slice(0, i))) return true;
      }
    }
  }
  return false;
}

/** Does prose name `value` by the one option it sets apart from `other`? */
export function namesByOption(text: string, value: string | null, other: string | null): boolean {
  const option = changedOption(value, other);
  return !!option && namesOption(text, option);
}
