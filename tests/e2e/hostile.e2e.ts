/**
 * Hostile drafts (issue 5): text that looks like HTML or script is shown as text everywhere the
 * extension shows draft text or user text (the card, the badge's list, the popup, the options
 * page) and is never parsed: no element is created from it and no handler in it runs.
 *
 * The draft, the subject, a user phrase, its message and its replacement all carry markup whose
 * only effect, if it were ever parsed, is to set window.__pwned (in the page's own world, where
 * an injected <img onerror> would run) or to create an element the test counts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/types';
import { fixture, launchWithExtension, screenshot, serveAt, type ExtensionBrowser } from './harness';
import { caretAfter, openTab, underlineRect } from './page-helpers';
import { inShadow, inShadows, shadowClick, shadowText, waitShadow } from './shadow';

declare const chrome: {
  runtime: { getManifest(): { options_ui?: { page: string }; options_page?: string } };
  storage: { sync: { set(v: Record<string, unknown>): Promise<void> } };
};

const GMAIL = 'https://mail.google.com/mail/u/0/';
const EDITOR = 'div[contenteditable="true"][role="textbox"]';

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';
const MESSAGE = '<img src=y onerror=window.__pwned=3><b id=pwned-b>bold</b>';
const REPLACEMENT = '<svg onload=window.__pwned=4><script>window.__pwned=5</script>';
const SUBJECT = '<iframe srcdoc="<script>parent.__pwned=6</script>">';

let b: ExtensionBrowser;

beforeAll(async () => {
  b = await launchWithExtension();
  await serveAt(b.context, `${GMAIL}**`, fixture('gmail-new-message.html'));
  // A user phrase whose text, message and replacement are all markup; the Japanese pack on,
  // so the draft's own rules fire around it too.
  const settings = {
    ...DEFAULT_SETTINGS,
    packs: { common: true, ja: 'always', us: 'always' },
    userPhrases: [{ id: 'hostile', phrase: IMG, pack: 'common', message: MESSAGE, replacement: REPLACEMENT, severity: 'error' }],
  };
  await b.serviceWorker.evaluate(async (s) => {
    await chrome.storage.sync.set({ settings: s, settings$: { v: s.version } });
  }, settings);
});
afterAll(async () => {
  await b?.close();
});

/**
 * Elements that markup in the texts above would create, in the document and in every open
 * shadow root (the overlay and badges live in shadow roots), plus the page-world flag.
 */
async function traces(p: Page): Promise<{ pwned: unknown; elements: string[] }> {
  const inPage = await p.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        // The extension page's own bundle (<script type=module src="/chunks/...">) is not a trace.
        const src = el.getAttribute('src') ?? '';
        if (tag === 'script' && location.protocol === 'chrome-extension:' && src.startsWith('/') && !el.textContent) continue;
        if (['img', 'script', 'svg', 'iframe'].includes(tag) || el.id === 'pwned-b') found.push(tag + (el.id ? `#${el.id}` : ''));
        for (const a of el.getAttributeNames()) if (/^on/i.test(a)) found.push(`${tag}[${a}]`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, elements: found };
  });
  // The overlay's own roots are closed: look inside them through DevTools (tests/e2e/shadow.ts).
  const inOverlay = await inShadows(p, 'nemawashi-overlay, nemawashi-badge', (root) => {
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'script', 'svg', 'iframe'].includes(tag) || el.id === 'pwned-b') found.push(tag + (el.id ? `#${el.id}` : ''));
      for (const a of el.getAttributeNames()) if (/^on/i.test(a)) found.push(`${tag}[${a}]`);
    }
    return found;
  });
  return { pwned: inPage.pwned, elements: [...inPage.elements, ...inOverlay.flat()] };
}

it('shows markup in the draft and in user settings as text, and never parses it', async () => {
  const { page, tabId } = await openTab(b, GMAIL);
  await page.waitForSelector('nemawashi-badge', { state: 'attached', timeout: 20_000 });
  const baseline = await traces(page);
  expect(baseline.pwned).toBeUndefined();

  await page.locator('input[name="subjectbox"]').fill(SUBJECT);
  await caretAfter(page, 'nothing to discuss.', EDITOR);
  await page.keyboard.type(` Look: ${IMG} and ${SCRIPT} PLEASE SEND IT NOW!! lol`, { delay: 5 });
  await expect.poll(() => underlineRect(page, IMG), { timeout: 15_000 }).not.toBeNull();

  // The card: the user phrase's message, shown as text.
  const r = (await underlineRect(page, IMG))!;
  await page.mouse.move(r.left + 4, r.top + r.height / 2);
  const CARD = '.card:not([hidden])';
  await waitShadow(page, 'nemawashi-overlay', CARD, { timeout: 10_000 });
  await expect.poll(() => inShadow(page, 'nemawashi-overlay', (r, sel) => r.querySelector(sel)?.getAttribute('data-rule'), CARD)).toBe('user/hostile');
  expect(await shadowText(page, 'nemawashi-overlay', CARD)).toContain(MESSAGE);
  expect(await shadowText(page, 'nemawashi-overlay', CARD)).toContain(REPLACEMENT);
  await screenshot(page, 'hostile-1-card');

  // The badge's list of findings.
  await shadowClick(page, 'nemawashi-badge', '.pill');
  await waitShadow(page, 'nemawashi-badge', '.panel:not([hidden])');
  expect(await shadowText(page, 'nemawashi-badge', '.panel:not([hidden])')).toContain(MESSAGE);
  await screenshot(page, 'hostile-2-badge-list');
  await page.keyboard.press('Escape');

  // The popup lists the same findings: as text.
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('main h1', { timeout: 10_000 });
  await expect.poll(() => popup.locator('body').textContent(), { timeout: 10_000 }).toContain(MESSAGE);
  expect(await popup.locator('body').textContent()).toContain(SUBJECT);
  await screenshot(popup, 'hostile-3-popup');
  const inPopup = await traces(popup);
  expect(inPopup.pwned).toBeUndefined();
  expect(inPopup.elements).toEqual([]);

  // Apply puts the replacement in as text, through the editor.
  await page.bringToFront();
  await page.mouse.move(r.left + 4, r.top + r.height / 2);
  await waitShadow(page, 'nemawashi-overlay', CARD, { timeout: 10_000 });
  await shadowClick(page, 'nemawashi-overlay', `${CARD} button[data-action="apply"]`);
  await expect.poll(() => page.locator(EDITOR).first().innerText()).toContain(REPLACEMENT);

  await page.waitForTimeout(500);
  const after = await traces(page);
  expect(after.pwned).toBeUndefined();
  expect(after.elements).toEqual(baseline.elements);

  // The options page shows the user phrase as text (in a field or in the list).
  const manifest = await b.serviceWorker.evaluate(() => chrome.runtime.getManifest());
  const optionsPath = manifest.options_ui?.page ?? manifest.options_page;
  expect(optionsPath, 'the manifest names an options page (options_ui)').toBeTruthy();
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/${optionsPath}`);
  await options.waitForLoadState('load');
  await expect
    .poll(
      () =>
        options.evaluate(() => {
          const values = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
          return [document.body.textContent ?? '', ...values].join('\n');
        }),
      { timeout: 10_000 },
    )
    .toContain(IMG);
  await screenshot(options, 'hostile-4-options');
  const inOptions = await traces(options);
  expect(inOptions.pwned).toBeUndefined();
  expect(inOptions.elements).toEqual([]);
}, 120_000);
