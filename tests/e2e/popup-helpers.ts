/**
 * Shared steps of the popup and options end-to-end tests: the demo compose page, the tab id the
 * popup page is pointed at (?tab=), the toolbar badge, settings written from the service worker,
 * the axe-core scan and the keyboard walk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import { ROOT, startStaticServer, type ExtensionBrowser } from './harness';

declare global {
  /** The extension API inside serviceWorker.evaluate / page.evaluate callbacks (they run in Chromium). */
  const chrome: Browser;
}

export const DEMO_DIR = join(ROOT, 'demo');

/**
 * Opens the demo compose page in a new tab and returns its tab id. Without the `tabs` permission
 * tab URLs are hidden, so the tab is the one that appeared while the page opened.
 */
export async function openDemo(b: ExtensionBrowser, url: string, open = 'sample'): Promise<{ page: Page; tabId: number }> {
  const tabIds = () => b.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const before = new Set(await tabIds());
  const page = await b.context.newPage();
  await page.goto(`${url}/index.html?open=${open}`);
  const fresh = (await tabIds()).filter((id) => !before.has(id));
  if (fresh.length !== 1) throw new Error(`expected one new tab, found ${fresh.length}`);
  return { page, tabId: fresh[0]! };
}

export async function startDemoServer() {
  return startStaticServer(DEMO_DIR);
}

/** The number the compose page's own badge shows (the overlay's `<nemawashi-badge>`). */
export async function pageBadgeCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? '-1'));
}

/** How many underlines the page paints (CSS Custom Highlight API ranges, or boxes). */
export async function underlineCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    if (registry) for (const [name, hl] of registry) if (name.startsWith('nemawashi-') && name !== 'nemawashi-active') n += hl.size;
    return n;
  });
}

export async function actionBadge(b: ExtensionBrowser, tabId: number): Promise<{ text: string; color: number[] }> {
  return b.serviceWorker.evaluate(async (id) => {
    const text = await chrome.action.getBadgeText({ tabId: id });
    const color = await chrome.action.getBadgeBackgroundColor({ tabId: id });
    return { text, color: color as number[] };
  }, tabId);
}

export async function openPopup(b: ExtensionBrowser, tabId?: number): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 400, height: 800 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
  await popup.waitForSelector('main h1');
  return popup;
}

export async function setStoredSettings(b: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  await b.serviceWorker.evaluate(async (p) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...p } });
  }, patch);
}

export async function storedSettings(b: ExtensionBrowser): Promise<Record<string, unknown> | undefined> {
  return b.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined);
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (WCAG 2.1 A/AA and best practices) and returns its violations. */
export async function axeScan(page: Page): Promise<AxeViolation[]> {
  // Extension pages forbid inline scripts (CSP); evaluating through DevTools is not a script tag.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * Presses Tab until focus comes back to where it started and returns a description of every
 * element reached, and of every enabled control that was never reached.
 */
export async function tabWalk(page: Page, max = 200): Promise<{ reached: string[]; missed: string[] }> {
  await page.evaluate(() => {
    const all = document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary, [tabindex]');
    all.forEach((el, i) => (el.dataset.walk = String(i)));
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const seen = new Set<string>();
  const reached: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.walk ?? '');
    if (id === '') continue;
    if (seen.has(id)) break;
    seen.add(id);
    reached.push(id);
  }
  const missed = await page.evaluate((ids) => {
    const out: string[] = [];
    document.querySelectorAll<HTMLElement>('[data-walk]').forEach((el) => {
      const disabled = (el as HTMLButtonElement).disabled || el.closest('[hidden], [inert]') !== null || el.getClientRects().length === 0;
      if (!disabled && el.tabIndex >= 0 && !ids.includes(el.dataset.walk!)) out.push(`${el.tagName.toLowerCase()}#${el.id} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`);
    });
    return out;
  }, reached);
  return { reached, missed };
}
