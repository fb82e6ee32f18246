/**
 * Nothing leaves the machine (DESIGN.md: local only; issue 5). A whole session on a Gmail
 * fixture served at the real address (compose, typing, the card, Apply, the popup, the options
 * page) while every request of every page, the service worker and the content script is
 * recorded: the only ones allowed are the fixture document itself and the extension's own files.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixture, launchWithExtension, screenshot, serveAt, type ExtensionBrowser } from './harness';
import { caretAfter, openTab } from './page-helpers';
import { shadowClick, waitShadow } from './shadow';

declare const chrome: {
  runtime: { getManifest(): { options_ui?: { page: string }; options_page?: string } };
  storage: { sync: { get(k: null): Promise<Record<string, unknown>> }; local: { get(k: null): Promise<Record<string, unknown>> } };
};

const GMAIL = 'https://mail.google.com/mail/u/0/';
const EDITOR = 'div[contenteditable="true"][role="textbox"]';

let b: ExtensionBrowser;
const requests: Array<{ url: string; from: string; method: string }> = [];

function record(from: string) {
  return (r: Request) => requests.push({ url: r.url(), from, method: r.method() });
}

beforeAll(async () => {
  b = await launchWithExtension();
  b.context.on('request', (r) => {
    const sw = r.serviceWorker();
    record(sw ? `service worker ${sw.url()}` : `page ${r.frame()?.url() ?? '?'}`)(r);
  });
  await serveAt(b.context, `${GMAIL}**`, fixture('gmail-new-message.html'));
});
afterAll(async () => {
  await b?.close();
});

/** Text of every underlined range on the page (CSS Custom Highlight API). */
async function underlined(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) if (name.startsWith('nemawashi-')) for (const r of h as Iterable<Range>) out.push(r.toString());
    return out;
  });
}

it('makes no request beyond the fixture and its own files during a whole session', async () => {
  const { page, tabId } = await openTab(b, GMAIL, (p) => p.on('pageerror', (e) => console.error('page error:', e)));

  // Compose: the content script finds the Gmail compose and analyzes it.
  await page.waitForSelector('nemawashi-badge', { state: 'attached', timeout: 20_000 });
  await caretAfter(page, 'nothing to discuss.', EDITOR);
  await page.keyboard.type(' This launch is VERY IMPORTANT for us.', { delay: 10 });
  await expect.poll(() => underlined(page), { timeout: 15_000 }).toContain('VERY IMPORTANT');

  // The card, and Apply.
  const rect = await page.evaluate(() => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('nemawashi-')) continue;
      for (const r of h as Iterable<Range>) if (r.toString() === 'VERY IMPORTANT') return r.getClientRects()[0]!.toJSON() as DOMRect;
    }
    return null;
  });
  expect(rect).not.toBeNull();
  await page.mouse.move(rect!.left + rect!.width / 2, rect!.top + rect!.height / 2);
  await waitShadow(page, 'nemawashi-overlay', '.card:not([hidden])', { timeout: 10_000 });
  await shadowClick(page, 'nemawashi-overlay', '.card:not([hidden]) button[data-action="apply"]');
  await expect.poll(() => page.locator(EDITOR).first().innerText()).toContain('very important');
  await screenshot(page, 'no-network-1-gmail-after-apply');

  // The popup, pointed at the Gmail tab, and a settings change from it.
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('main h1', { timeout: 10_000 });
  // The popup renders its sections after the h1 (lazily): wait for the audience toggles, so the
  // settings change below happens (a missing toggle fails the test instead of skipping it).
  const toggle = popup.locator('section.audience input[type="checkbox"]').first();
  await toggle.waitFor({ state: 'visible', timeout: 15_000 });
  const wasChecked = await toggle.isChecked();
  await toggle.click();
  await expect.poll(() => toggle.isChecked(), { timeout: 10_000 }).toBe(!wasChecked);
  await screenshot(popup, 'no-network-2-popup');

  // The options page: it must exist (the manifest names it), and it is opened and used too.
  const manifest = await b.serviceWorker.evaluate(() => chrome.runtime.getManifest());
  const optionsPath = manifest.options_ui?.page ?? manifest.options_page;
  // Checked last, so that the network part of the session is verified even before it exists.
  const optionsMissing = !optionsPath;
  if (optionsPath) {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/${optionsPath}`);
    await options.waitForLoadState('load');
    await options.waitForSelector('main, form, h1', { timeout: 10_000 });
    // A change saved from the options page (a rule switched off and on again).
    // Waited for, not skipped when absent: the options page renders its lists after load.
    const ruleSwitch = options.locator('li.rule input[role="switch"]:not([disabled])').nth(1);
    await ruleSwitch.waitFor({ state: 'visible', timeout: 15_000 });
    const ruleWasOn = await ruleSwitch.isChecked();
    await ruleSwitch.click();
    await expect.poll(() => ruleSwitch.isChecked(), { timeout: 10_000 }).toBe(!ruleWasOn);
    await ruleSwitch.click();
    await expect.poll(() => ruleSwitch.isChecked(), { timeout: 10_000 }).toBe(ruleWasOn);
    await screenshot(options, 'no-network-3-options');
  }

  // Give late timers (debounced saves, idle callbacks, history writes) the chance to fire.
  await caretAfter(page, 'for us.', EDITOR);
  await page.keyboard.type(' Thanks.', { delay: 10 });
  await page.waitForTimeout(1_500);

  const allowed = (url: string) =>
    url.startsWith(`chrome-extension://${b.extensionId}/`) || url.startsWith('data:') || url.startsWith('blob:') || url === GMAIL;
  const leaving = requests.filter((r) => !allowed(r.url)).map((r) => `${r.method} ${r.url} (from ${r.from})`);
  expect(leaving, leaving.join('\n')).toEqual([]);
  expect(b.blockedRequests, b.blockedRequests.join('\n')).toEqual([]);
  expect(requests.some((r) => r.url === GMAIL)).toBe(true);

  // The recorder itself sees what each context sends: a probe from the popup, the service
  // worker and the Gmail page is recorded and blocked (so a silent session means silence).
  const probes = [`https://probe.invalid/popup`, `https://probe.invalid/worker`, `https://probe.invalid/page`];
  await popup.evaluate((u) => fetch(u).catch(() => undefined), probes[0]!);
  await b.serviceWorker.evaluate((u) => fetch(u).catch(() => undefined), probes[1]!);
  await page.evaluate((u) => fetch(u).catch(() => undefined), probes[2]!);
  await expect.poll(() => probes.filter((u) => b.blockedRequests.includes(u)), { timeout: 10_000 }).toEqual(probes);

  // What the session stored stays in extension storage; nothing else to check here but that
  // the history holds no address in clear (SECURITY.md: salted hashes).
  const local = await b.serviceWorker.evaluate(() => chrome.storage.local.get(null));
  expect(JSON.stringify(local)).not.toMatch(/tanaka-shoji\.co\.jp|h\.endo@/);

  expect(optionsMissing, 'the manifest names an options page (options_ui), and the session opened it').toBe(false);
}, 120_000);
