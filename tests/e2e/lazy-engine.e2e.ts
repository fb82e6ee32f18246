/**
 * No cost until a compose opens (issue 12): a mail page with no compose gets only the small
 * page-load script (and an empty overlay host), which reads no setting; the engine script, with the compose UI, is injected into the extension's isolated world when the
 * first compose appears, the page's own scripts never see it, and later composes reuse it.
 */
import { expect, it } from 'vitest';
import type { ExtensionBrowser } from './harness';
import { openTab, useExtensionBrowser } from './page-helpers';
import { openPopup, setStoredSettings, storedSettings } from './popup-helpers';
import { inShadows } from './shadow';

const env = useExtensionBrowser({ demo: true });

/** typeof the engine's global in the extension's isolated world of the tab's top frame. */
async function engineInIsolatedWorld(b: ExtensionBrowser, tabId: number): Promise<string> {
  return b.serviceWorker.evaluate(async (id) => {
    const [res] = await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => typeof (globalThis as Record<string, unknown>).__nemawashiEngine,
    });
    return String(res?.result);
  }, tabId);
}

/** How many tasks the last analysis took (the figures in the overlay's closed shadow root). */
async function slices(page: import('playwright-core').Page): Promise<number | null> {
  const [n] = await inShadows(page, 'nemawashi-overlay', (root) => {
    const el = root.querySelector<HTMLElement>('.figures');
    return el ? Number(el.dataset.lastSlices) : null;
  });
  return n ?? null;
}

it('loads the engine only when the first compose opens, into the isolated world, once per tab', async () => {
  const { b } = env;
  const { page, tabId } = await openTab(b, `${env.demoUrl}/index.html?open=none`);
  const host = page.locator('nemawashi-overlay');
  await page.waitForFunction(() => document.querySelector('nemawashi-overlay')?.hasAttribute('data-startup-ms'), undefined, { timeout: 15_000 });
  // Past the settings read, the first scan and a rescan: still no engine.
  await page.waitForTimeout(1500);
  expect(await host.getAttribute('data-engine-requested')).toBeNull();
  expect(await engineInIsolatedWorld(b, tabId)).toBe('undefined');
  // Nor the settings and the policy: they are read when the page first holds an editor.
  expect(await host.getAttribute('data-settings-read')).toBeNull();
  // The overlay's host is there, empty: the overlay itself comes with the engine.
  expect(await inShadows(page, 'nemawashi-overlay', () => 1)).toEqual([]);

  // An editor that is no compose (not rendered): the settings are read, the engine is not loaded.
  await page.evaluate(() => {
    const hidden = document.createElement('textarea');
    hidden.style.display = 'none';
    document.body.append(hidden);
  });
  await page.waitForFunction(() => document.querySelector('nemawashi-overlay')?.hasAttribute('data-settings-read'), undefined, { timeout: 15_000 });
  await page.waitForTimeout(400);
  expect(await host.getAttribute('data-engine-requested')).toBeNull();
  // The compose's editor is scanned in the task that added it, so the engine is asked for then,
  // not after a timer (issue 12: the first underlines of a cold compose wait for the injection).
  const askedAtOnce = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        document.querySelector<HTMLButtonElement>('[data-open="sample"]')!.click();
        setTimeout(() => resolve(document.querySelector('nemawashi-overlay')!.hasAttribute('data-engine-requested')), 0);
      }),
  );
  expect(askedAtOnce).toBe(true);
  const badge = page.locator('nemawashi-badge');
  await badge.waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0, undefined, { timeout: 20_000 });
  // One analysis drew the first underlines (the compose was not analysed and drawn twice), in
  // several tasks: the rules' first runs, each compiling its code, are slices of their own.
  expect(await host.getAttribute('data-runs')).toBe('1');
  expect((await slices(page)) ?? 0).toBeGreaterThan(1);
  expect(await engineInIsolatedWorld(b, tabId)).toBe('object');
  expect(await host.getAttribute('data-settings-read')).not.toBeNull();
  // The page's own scripts (main world) cannot reach it.
  expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).__nemawashiEngine)).toBe('undefined');
  const requested = await host.getAttribute('data-engine-requested');
  expect(Number(await host.getAttribute('data-engine-longest-slice-ms'))).toBeGreaterThan(0);

  // A second compose in the same tab is analysed by the engine already there.
  const firstCompose = await host.getAttribute('data-last-compose');
  await page.locator('[data-open="reply"]').click();
  await expect.poll(() => badge.count(), { timeout: 15_000 }).toBe(2);
  await page.waitForFunction(
    (first) => {
      const h = document.querySelector('nemawashi-overlay');
      return !!h && h.getAttribute('data-composes') === '2' && h.getAttribute('data-last-compose') !== first;
    },
    firstCompose,
    { timeout: 20_000 },
  );
  expect(await host.getAttribute('data-engine-requested')).toBe(requested);
  // Later analyses of a short draft are one step, as before.
  expect(await slices(page)).toBe(1);
  await page.close();
});

it('a site the user turned off never loads the engine, and it loads once the site is on again', async () => {
  const { b } = env;
  // Turned off from the popup, as a user does, on a compose of this site.
  const first = await openTab(b, `${env.demoUrl}/index.html?open=sample`);
  await first.page.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0, undefined, { timeout: 20_000 });
  const popup = await openPopup(b, first.tabId);
  await popup.click('button[data-key="site"]');
  await expect.poll(async () => ((await storedSettings(b))?.disabledSites as string[] | undefined) ?? []).toEqual(['127.0.0.1']);
  await popup.close();
  await first.page.close();

  // The next visit: a compose opens, and nothing of the engine comes.
  const { page, tabId } = await openTab(b, `${env.demoUrl}/index.html?open=none`);
  const host = page.locator('nemawashi-overlay');
  await page.waitForFunction(() => document.querySelector('nemawashi-overlay')?.hasAttribute('data-startup-ms'), undefined, { timeout: 15_000 });
  await page.locator('[data-open="sample"]').click();
  await page.waitForFunction(() => document.querySelector('nemawashi-overlay')?.hasAttribute('data-settings-read'), undefined, { timeout: 15_000 });
  await page.waitForTimeout(1500);
  expect(await host.getAttribute('data-engine-requested')).toBeNull();
  expect(await engineInIsolatedWorld(b, tabId)).toBe('undefined');
  expect(await page.locator('nemawashi-badge').count()).toBe(0);

  // On again (from the options page or another tab): the open compose is checked.
  await setStoredSettings(b, { disabledSites: [] });
  await page.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0, undefined, { timeout: 20_000 });
  expect(await engineInIsolatedWorld(b, tabId)).toBe('object');
  await page.close();
});
