/**
 * Steps the end-to-end files share on a compose page: the tab a page opened, the draft's
 * summary from the content script (what the popup asks), the caret put after a phrase, and a
 * browser with the extension (plus the demo page server) for a whole file.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { DraftSummary } from '../../src/messages';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { startDemoServer } from './popup-helpers';

export async function tabIds(b: ExtensionBrowser): Promise<number[]> {
  return b.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
}

/**
 * Opens `url` in a new tab and returns its tab id. Without the `tabs` permission tab URLs are
 * hidden, so the tab is the one that appeared while the page opened.
 */
export async function openTab(b: ExtensionBrowser, url: string, beforeGoto?: (page: Page) => void): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds(b));
  const page = await b.context.newPage();
  beforeGoto?.(page);
  await page.goto(url);
  const fresh = (await tabIds(b)).filter((id) => !before.has(id));
  if (fresh.length !== 1) throw new Error(`expected one new tab, found ${fresh.length}`);
  return { page, tabId: fresh[0]! };
}

/** The summary of the tab's current draft, as the popup gets it (summary:get). */
export async function summaryOf(b: ExtensionBrowser, tabId: number): Promise<DraftSummary | null> {
  return b.serviceWorker.evaluate(([id, m]) => chrome.tabs.sendMessage(id, m) as Promise<DraftSummary | null>, [tabId, { type: 'summary:get' }] as const);
}

/**
 * Puts the caret right after `text` in the editor holding it, as a click there would (the end
 * of a webmail editor is its signature, which is not the writer's new words).
 */
export async function caretAfter(p: Page, text: string, editor = '[contenteditable="true"]'): Promise<void> {
  await p.evaluate(
    ([sel, t]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(t);
        const host = i === -1 ? null : n.parentElement?.closest<HTMLElement>(sel);
        if (!host) continue;
        host.focus();
        return void document.getSelection()!.collapse(n, i + t.length);
      }
      throw new Error(`no "${t}" in an editor`);
    },
    [editor, text] as const,
  );
}

/**
 * Where the overlay underlines exactly `text` (a CSS highlight range), scrolled into view first;
 * null while nothing underlines it.
 */
export async function underlineRect(p: Page, text: string): Promise<DOMRect | null> {
  return p.evaluate((t) => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('nemawashi-') || name === 'nemawashi-active') continue;
      for (const r of h as Iterable<Range>) {
        if (r.toString() !== t) continue;
        // A long draft scrolls inside the compose: bring the words into view, as the user
        // would with the wheel, before hovering (scrolling does not touch the draft).
        for (let el = r.startContainer.parentElement; el; el = el.parentElement) {
          if (el.scrollHeight <= el.clientHeight || !/(auto|scroll)/.test(getComputedStyle(el).overflowY)) continue;
          const box = el.getBoundingClientRect();
          el.scrollTop += r.getBoundingClientRect().top - box.top - box.height / 2;
        }
        return r.getClientRects()[0]!.toJSON() as DOMRect;
      }
    }
    return null;
  }, text);
}

/**
 * Launches Chromium with the extension (and, with `demo`, the demo page server) before the
 * file's tests and closes them after. The getters read what beforeAll set.
 */
export function useExtensionBrowser(opts: { demo?: boolean } = {}): { readonly b: ExtensionBrowser; readonly demoUrl: string } {
  let b: ExtensionBrowser | undefined;
  let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;
  beforeAll(async () => {
    b = await launchWithExtension();
    if (opts.demo) server = await startDemoServer();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });
  return {
    get b() {
      if (!b) throw new Error('the browser is not launched yet (use it inside a test or hook)');
      return b;
    },
    get demoUrl() {
      if (!server) throw new Error('no demo server: useExtensionBrowser({ demo: true })');
      return server.url;
    },
  };
}
