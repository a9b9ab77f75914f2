import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { git, tempDir } from '../support/repo.js';
import { scenarioRepo } from '../support/demo-repo.js';

const SCREENSHOTS = fileURLToPath(new URL('../../test-output/report/', import.meta.url));
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0);

/** A real headless Chromium, with the flags a closed network needs and a fresh profile. */
async function browser(args: string[]): Promise<string> {
  const profile = await tempDir('undrift-chromium-');
  return execFileSync(
    chromium!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--hide-scrollbars',
      ...args,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
}

describe('report --format html', () => {
  // Its deadline is 90 s, against hangs: a report of the demo and a browser start took past 30 s
  // on a loaded 2-core machine.
  it.skipIf(!chromium)(
    'is one offline file that a real browser draws: a swimlane per environment, the events, the window shaded',
    async () => {
      const repo = await scenarioRepo();
      await git(repo, 'remote', 'add', 'origin', 'https://github.com/acme/payments-deploy.git');
      const file = path.join(await tempDir(), 'report.html');
      const result = await runCli(['report', '--format', 'html', '--no-cache', '--since', '2026-07-13', '--until', '2026-07-15', '-o', file], { cwd: repo });
      expect(result.exitCode, result.stderr).toBe(0);
      const html = readFileSync(file, 'utf8');
      expect(html).not.toMatch(/<script|<link |src="http|href="\/\//i); // nothing to load, nothing to run
      expect(html).toContain("default-src 'none'");
      // The header says what each source read of the past, in the Markdown report's words.
      expect(html).toContain(
        '<th>Live sources</th><td>staging: ✓ read from snapshot live/staging.yaml · history: 3 workload revisions, 4 Helm ' +
          'release records; production: ✓ read from snapshot live/production.yaml · history: 5 workload revisions, 4 Helm ' +
          'release records, 8 Events</td>',
      );

      // One start of the browser draws the page and prints its DOM (the page runs no script, so the
      // window's size changes nothing in it).
      mkdirSync(SCREENSHOTS, { recursive: true });
      const shot = path.join(SCREENSHOTS, 'report.png');
      const dom = await browser(['--window-size=1200,1600', `--screenshot=${shot}`, '--dump-dom', `file://${file}`]);
      const section = dom.slice(
        dom.indexOf('data-key="PAYMENT_GATEWAY_TIMEOUT_MS"'),
        dom.indexOf('</section>', dom.indexOf('data-key="PAYMENT_GATEWAY_TIMEOUT_MS"')),
      );
      expect(section).toContain('<g class="lane" data-env="staging">');
      expect(section).toContain('<g class="lane" data-env="production">');
      const lane = (env: string) => section.slice(section.indexOf(`data-env="${env}"`), section.indexOf('</g>', section.indexOf(`data-env="${env}"`)));
      expect(lane('production')).toContain('data-kind="hand-edit" data-time="2026-07-14T00:31:05Z"');
      expect(lane('staging')).toContain('data-kind="commit" data-time="2026-07-14T01:52:00Z"');
      expect(section).toContain('data-window="incident"');
      expect(section).toContain('data-diverged="2026-07-14T01:52:00Z"'); // the misfiled fix split staging from production
      expect(section).toMatch(/★ 2026-07-14 00:31 UTC \(at or before\)<\/td><td>production<\/td><td>hand-edit/);

      // The rollouts the ReplicaSets kept are marks on the image's lanes: deploys, and the restart by hand.
      const image = dom.slice(dom.indexOf('data-key="Deployment/payment-service.containers[name=app].image"'));
      const productionLane = image.slice(image.indexOf('data-env="production"'), image.indexOf('</g>', image.indexOf('data-env="production"')));
      expect(productionLane.match(/data-kind="deploy"/g)?.length).toBeGreaterThanOrEqual(4);
      expect(productionLane).toContain('class="event mark-hand-edit" data-kind="restart" data-time="2026-07-14T00:12:40Z"');

      expect(statSync(shot).size).toBeGreaterThan(20_000);
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    },
    90_000,
  );
});
