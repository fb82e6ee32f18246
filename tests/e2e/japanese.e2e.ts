/**
 * A draft written in Japanese in the browser (issue 15): the demo page's Japanese sample (a
 * foreign sales manager writing to a Tokyo client) trips the Japanese business-mail rules; the
 * badge and the popup say "Japanese draft" (and 日本語のメール in Japanese); the quoted-free
 * framed signature is not checked; Apply of 了解しました → 承知しました goes through the editor
 * and Ctrl+Z takes it back; an English draft is not called Japanese.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';
import { useExtensionBrowser } from './page-helpers';
import { inShadow, shadowClick, shadowCount, shadowText, waitShadow } from './shadow';
import { openDemo, openPopup, setStoredSettings } from './popup-helpers';

const env = useExtensionBrowser({ demo: true });

const NEW_RULES = ['ja/addressee-honorific', 'ja/opening-formula', 'ja/keigo-misuse', 'ja/sasete-itadaku', 'ja/plain-form', 'ja/closing-formula'];

async function badgeRules(page: Page): Promise<string[]> {
  // The badge's shadow root is closed: read through the DevTools protocol (./shadow).
  await shadowClick(page, 'nemawashi-badge', '.pill');
  await waitShadow(page, 'nemawashi-badge', '.panel:not([hidden])');
  return inShadow(page, 'nemawashi-badge', (r) => [...r.querySelectorAll('li')].map((li) => (li as HTMLElement).dataset.rule!));
}

describe('a draft written in Japanese', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    ({ page, tabId } = await openDemo(env.b, env.demoUrl, 'japanese'));
    await page.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0, null, { timeout: 20_000 });
  });

  it('trips the Japanese business-mail rules, and the badge says "Japanese draft"', async () => {
    const badge = page.locator('nemawashi-badge');
    expect(await badge.getAttribute('data-language')).toBe('ja');
    expect(await inShadow(page, 'nemawashi-badge', (r) => r.querySelector('.pill')?.getAttribute('aria-label') ?? '')).toContain('Japanese draft');
    const rules = await badgeRules(page);
    for (const id of [...NEW_RULES, 'ja/pressure']) expect(rules, id).toContain(id);
    expect(await shadowText(page, 'nemawashi-badge', '[data-part="language"]')).toBe('Japanese draft');
    // Nothing from the framed signature block (株式会社 / TEL lines) is flagged.
    const excerpts = await inShadow(page, 'nemawashi-badge', (r) => [...r.querySelectorAll('li .where')].map((x) => x.textContent ?? ''));
    expect(excerpts.some((x) => x.includes('TEL') || x.includes('━'))).toBe(false);
    await screenshot(page, 'japanese-draft-badge-list');
    await page.mouse.click(5, 5);
  });

  it('the popup says "Japanese draft" (日本語のメール in Japanese) and lists the same rules', async () => {
    const popup = await openPopup(env.b, tabId);
    await popup.waitForSelector('.findings .group');
    expect(await popup.textContent('[data-key="language"]')).toBe('Japanese draft');
    const groups = await popup.$$eval('.findings .group', (gs) => gs.map((g) => (g as HTMLElement).dataset.rule!));
    for (const id of NEW_RULES) expect(groups, id).toContain(id);
    await setStoredSettings(env.b, { language: 'ja' });
    await popup.waitForFunction(() => document.querySelector('[data-key="language"]')?.textContent === '日本語のメール');
    // The moment the popup is in Japanese, so are the findings' messages (the compose re-checks the
    // draft in the new language; the popup waits for it instead of mixing the two languages).
    const messages = await popup.$$eval('.findings .item .message', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m, m).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
    await screenshot(popup, 'japanese-draft-popup-ja');
    await setStoredSettings(env.b, { language: 'auto' });
    await popup.waitForFunction(() => document.documentElement.lang === 'en');
    const back = await popup.$$eval('.findings .item .message', (ms) => ms.map((m) => m.textContent ?? ''));
    for (const m of back) expect(m, m).toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
    await popup.close();
  });

  it('Apply turns 了解しました into 承知しました through the editor; Ctrl+Z undoes it', async () => {
    const popup = await openPopup(env.b, tabId);
    await popup.waitForSelector('.group[data-rule="ja/keigo-misuse"]');
    const items = popup.locator('.group[data-rule="ja/keigo-misuse"] .item');
    const count = await items.count();
    let clicked = false;
    for (let i = 0; i < count && !clicked; i++) {
      if ((await items.nth(i).textContent())?.includes('了解しました')) {
        await items.nth(i).locator('.apply').click();
        clicked = true;
      }
    }
    expect(clicked).toBe(true);
    await page.waitForFunction(() => document.querySelector('.editor')?.textContent?.includes('導入時期の件、承知しました。'));
    await page.bringToFront();
    await page.focus('.editor');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('.editor')?.textContent?.includes('導入時期の件、了解しました。'));
    await popup.close();
  });

  it('an English draft is not called Japanese', async () => {
    const { page: english } = await openDemo(env.b, env.demoUrl, 'sample');
    await english.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0, null, { timeout: 20_000 });
    expect(await english.locator('nemawashi-badge').getAttribute('data-language')).toBe('en');
    const rules = await badgeRules(english);
    expect(rules.some((r) => NEW_RULES.includes(r))).toBe(false);
    expect(await shadowCount(english, 'nemawashi-badge', '[data-part="language"]')).toBe(0);
    await english.close();
  });
});
