import type { EnvName } from '../model/types.js';
import { readText } from '../parse/read.js';
import { looksLikeEnvironment } from './discover.js';

const SPRING_APPLICATION = /^(?:.*\/)?application\.ya?ml$/;
const PROFILE_KEY = /^\[profile=("(?:[^"\\]|\\.)*"|[^\]]*)\]/;

/** The environments one Spring `application.yml` states in its profile documents
 * (`spring.config.activate.on-profile: prod`, or `spring.profiles`), when it is all the repository
 * has: every environment reads the file, Spring applying the documents that activate for it. Only
 * profile names that read as environments (`staging`, `prod-eu`, not `docker` or `kafka`), and
 * plain ones: a negation (`!prod`) or an expression names no environment of its own. */
export async function springProfileEnvironments(text: string, file: string): Promise<EnvName[] | undefined> {
  if (!SPRING_APPLICATION.test(file)) return undefined;
  let keys: Iterable<string>;
  try {
    keys = (await readText(text, file, 'spring')).values.keys();
  } catch {
    return undefined; // a file that does not parse is the scan's to report, not discovery's
  }
  const names = new Set<EnvName>();
  for (const key of keys) {
    const m = PROFILE_KEY.exec(key);
    if (!m) continue;
    const expression = m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!;
    for (const term of expression.split(/[,|]/).map((t) => t.trim())) if (/^[A-Za-z0-9][\w.-]*$/.test(term) && looksLikeEnvironment(term)) names.add(term);
  }
  return names.size >= 2 ? [...names] : undefined;
}
