/**
 * The newcomer's demo: `npm start` without a display builds (here: reuses the build), serves
 * demo/ and writes screenshots of the underlines, the card and the badge list to the folder it
 * names, then exits 0. And the sample draft does what the README promises: several rules fire,
 * the contract one among them.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { OUT_DIR, ROOT, screenshot, SCREENSHOTS_DIR } from './harness';
import { useExtensionBrowser } from './page-helpers';
import { inShadow, shadowClick, shadowText } from './shadow';

const run = promisify(execFile);
const SHOTS = join(SCREENSHOTS_DIR, 'demo-run');

const env = useExtensionBrowser({ demo: true });

it('npm start without a display writes the screenshots (the Japanese sample draft too) to the folder it names and exits 0', async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NEMAWASHI_OUT_DIR: OUT_DIR, DEMO_SKIP_BUILD: '1', DEMO_SCREENSHOTS: SHOTS };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const { stdout } = await run('node', [join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT, env, timeout: 90_000 });
  expect(stdout).toContain(`Screenshots written to ${SHOTS}/`);
  for (const name of ['1-underlines', '2-card', '3-badge-list', '4-card-dark', '5-japanese-draft', '6-japanese-badge-list']) {
    const file = join(SHOTS, `${name}.png`);
    expect(existsSync(file), file).toBe(true);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
  }
}, 120_000);

it('the sample draft (American → Tokyo bank, NDA attached) fires several rules, the contract error first among them', async () => {
  const page = await env.b.context.newPage();
  await page.goto(`${env.demoUrl}/index.html?open=sample`);
  const badge = page.locator('nemawashi-badge');
  await badge.waitFor({ state: 'attached', timeout: 15_000 });
  await expect.poll(async () => Number(await badge.getAttribute('data-count')), { timeout: 10_000 }).toBeGreaterThan(5);
  expect(await badge.getAttribute('data-max-severity')).toBe('error');
  await shadowClick(page, 'nemawashi-badge', '.pill');
  const rules = await inShadow(page, 'nemawashi-badge', (r) => [...r.querySelectorAll('li')].map((li) => li.dataset.rule));
  for (const id of ['ja/contract-on-first-contact', 'ja/signature-pressure', 'common/exclamation-overuse', 'ja/deflecting-blame', 'ja/humor']) expect(rules).toContain(id);
  expect(new Set(rules).size).toBeGreaterThanOrEqual(6);
  // The attachment itself is flagged (a finding without a span, shown only on the badge).
  const where = await inShadow(page, 'nemawashi-badge', (r) => [...r.querySelectorAll('li .where')].map((w) => w.textContent));
  expect(where).toContain('Attachment · Brightline_Mutual_NDA.pdf');
  expect(await shadowText(page, 'nemawashi-badge', '.audience .who')).toBe('Japanese recipient · Tokyo');
  await screenshot(page, 'demo-sample-badge-list');
  await page.close();
});
