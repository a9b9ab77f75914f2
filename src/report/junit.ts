import type { Scan } from '../engine.js';
import type { Divergence, KeyPath } from '../model/types.js';
import { terminalSafe, visible } from '../wording/terminal-text.js';
import { placeText, quoted, verdictShort } from '../wording/text.js';
import { needsHuman } from '../wording/verdict.js';

// JUnit XML, the test-report format every CI system shows (Jenkins, GitLab, GitHub Actions
// reporters, Azure Pipelines): one test case per key, failed when the key has undeclared drift.
// Informational divergences (a declaration no longer needed) pass with their note in system-out.

// CI pages show this text to people, and XML 1.0 cannot carry most control characters even
// escaped: each line goes through the one terminal-safe rendering (\e, \x07, \u202e), and the two
// noncharacters XML forbids are written the same way.
const xmlText = (s: string) =>
  s
    .split('\n')
    .map((line) => terminalSafe(line).replace(/[\ufffe\uffff]/g, visible))
    .join('\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const xmlAttr = (s: string) => xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

function describe(d: Divergence, envs: string[]): string {
  const lines = [`${d.kind}${d.severity === 'info' ? ' (informational)' : ''}: ${d.key}`];
  for (const env of envs) {
    const v = d.values[env];
    if (!v) continue;
    const live = v.live !== null && v.live !== undefined ? `, live ${quoted(v.live)}` : '';
    lines.push(`  ${env}: ${quoted(v.repo)}${v.at ? ` (${placeText(v.at)})` : ''}${live}`);
  }
  if (d.contract) lines.push(`  contract ${d.contract.key} (${d.contract.location})`);
  for (const note of d.notes) lines.push(`  ${note}`);
  if (d.verdict) {
    lines.push(`  suggested: ${suggested(d)}`);
    for (const reason of d.verdict.reasons) lines.push(`  - ${reason}`);
  }
  return lines.join('\n');
}

/** The suggestion as the scan's table words it, with its `?` spelled out. */
const suggested = (d: Divergence) => `${verdictShort(d)}${d.verdict && needsHuman(d.verdict) ? ', needs a human' : ''}`;

export function renderJunit(scan: Scan): string {
  const byKey = new Map<KeyPath, Divergence[]>();
  for (const d of scan.divergences) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
  const envs = scan.snapshot.environments;
  const suite = scan.config.discovered ? 'undrift' : `undrift ${scan.config.source}`;
  const cases: string[] = [];
  let failures = 0;
  for (const [key, divergences] of byKey) {
    const drift = divergences.filter((d) => d.severity === 'drift');
    const classname = `undrift.${envs.join('-')}`;
    const body: string[] = [];
    if (drift.length > 0) {
      failures += 1;
      const summary = drift.map((d) => `${d.kind}${d.verdict ? ` — ${suggested(d)}` : ''}`).join('; ');
      body.push(
        `      <failure type="${xmlAttr(drift.map((d) => d.kind).join(','))}" message="${xmlAttr(`${key}: ${summary}`)}">${xmlText(drift.map((d) => describe(d, envs)).join('\n\n'))}</failure>`,
      );
    }
    const info = divergences.filter((d) => d.severity !== 'drift');
    if (info.length > 0) body.push(`      <system-out>${xmlText(info.map((d) => describe(d, envs)).join('\n\n'))}</system-out>`);
    cases.push(`    <testcase name="${xmlAttr(key)}" classname="${xmlAttr(classname)}" time="0">\n${body.join('\n')}\n    </testcase>`);
  }
  if (byKey.size === 0) {
    // One passing case, so a CI dashboard shows that the gate ran and found nothing.
    cases.push(`    <testcase name="no undeclared drift" classname="undrift.${xmlAttr(envs.join('-'))}" time="0">\n    </testcase>`);
  }
  const tests = Math.max(1, byKey.size);
  const header = `  <testsuite name="${xmlAttr(suite)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="undrift" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    header,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
