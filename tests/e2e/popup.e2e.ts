/**
 * The popup page of the built extension against the demo compose page (demo/index.html): the
 * summary matches the draft, the audience toggles change the page's underlines and both badges,
 * Apply and reveal reach the draft, pause and "turn off on this site", the no-compose mode with
 * its paste box, English and Japanese screenshots, axe-core and a keyboard walk.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot } from './harness';
import { useExtensionBrowser } from './page-helpers';
import { inShadow } from './shadow';
import {
  actionBadge,
  axeScan,
  openDemo,
  openPopup,
  pageBadgeCount,
  setStoredSettings,
  storedSettings,
  tabWalk,
  underlineCount,
} from './popup-helpers';

const env = useExtensionBrowser({ demo: true });

async function waitForFindings(page: Page): Promise<number> {
  await page.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0, null, { timeout: 20_000 });
  return pageBadgeCount(page);
}

/** The popup's findings as (rule id, number of findings) and the heading count. */
async function popupFindings(popup: Page): Promise<{ total: number; rules: Record<string, number> }> {
  return popup.evaluate(() => {
    const rules: Record<string, number> = {};
    document.querySelectorAll<HTMLElement>('.findings .group').forEach((g) => {
      rules[g.dataset.rule!] = g.querySelectorAll('.item').length;
    });
    const total = Number(/\d+/.exec(document.querySelector('.findings h2 .count')?.textContent ?? '')?.[0] ?? -1);
    return { total, rules };
  });
}

describe('popup against a compose', () => {
  let page: Page;
  let tabId: number;
  let popup: Page;

  beforeAll(async () => {
    ({ page, tabId } = await openDemo(env.b, env.demoUrl));
    await waitForFindings(page);
    popup = await openPopup(env.b, tabId);
    await popup.waitForSelector('.findings .group');
  });

  it('summarises the focused draft: the same findings as the page, grouped by rule, most severe first', async () => {
    const pageCount = await pageBadgeCount(page);
    const { total, rules } = await popupFindings(popup);
    expect(total).toBe(pageCount);
    expect(Object.values(rules).reduce((a, n) => a + n, 0)).toBe(pageCount);
    expect(Object.keys(rules)).toContain('ja/contract-on-first-contact');
    const severities = await popup.$$eval('.findings .group', (gs) => gs.map((g) => /sev-(\w+)/.exec(g.className)![1]!));
    const rank = { error: 3, warning: 2, info: 1 } as Record<string, number>;
    expect(severities.map((s) => rank[s])).toEqual([...severities.map((s) => rank[s])].sort((a, b) => b! - a!));
    expect(await popup.textContent('.meta')).toContain('Partnership proposal and NDA');
    await expect(popup.textContent('.audience .source')).resolves.toContain('Set automatically from the recipients');
    expect(await popup.isChecked('#pack-ja')).toBe(true);
    expect(await popup.isChecked('#pack-us')).toBe(false);
    // The toolbar badge: the count, red for an error.
    expect(await actionBadge(env.b, tabId)).toEqual({ text: String(pageCount), color: [179, 38, 30, 255] });
    await screenshot(popup, 'popup-compose-en');
  });

  it('turning the Japanese rule set off changes the underlines and both badges at once', async () => {
    const beforeUnderlines = await underlineCount(page);
    const beforeCount = await pageBadgeCount(page);
    expect(beforeUnderlines).toBeGreaterThan(0);
    await popup.click('#pack-ja');
    await popup.waitForFunction(() => document.querySelector('.audience .source')?.classList.contains('source-user'));
    expect(await popup.textContent('.audience .source')).toContain('Set by you for this draft');
    const after = await popupFindings(popup);
    expect(Object.keys(after.rules).some((r) => r.startsWith('ja/'))).toBe(false);
    expect(after.total).toBeLessThan(beforeCount);
    await page.waitForFunction((n) => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count')) === n, after.total);
    expect(await underlineCount(page)).toBeLessThan(beforeUnderlines);
    await expect.poll(() => actionBadge(env.b, tabId).then((x) => x.text)).toBe(after.total === 0 ? '' : String(after.total));

    // Back to what the recipients say.
    await popup.click('.audience .source button');
    await popup.waitForFunction(() => document.querySelector('.audience .source')?.classList.contains('source-auto'));
    await page.waitForFunction((n) => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count')) === n, beforeCount);
    expect(await popup.isChecked('#pack-ja')).toBe(true);
  });

  it('the region and sector selects reach the draft and come back in its summary', async () => {
    await popup.selectOption('#region', 'west');
    await popup.waitForFunction(() => document.querySelector('.audience .source')?.classList.contains('source-user'));
    // The select is rebuilt from the content script's answer, so 'west' here is the draft's region.
    await expect.poll(() => popup.$eval('#region', (s) => (s as HTMLSelectElement).value)).toBe('west');
    await popup.selectOption('#sector', 'modern');
    await expect.poll(() => popup.$eval('#sector', (s) => (s as HTMLSelectElement).value)).toBe('modern');
    expect(await popup.$eval('#region', (s) => (s as HTMLSelectElement).value)).toBe('west');
    await popup.click('.audience .source button');
    await popup.waitForFunction(() => document.querySelector('.audience .source')?.classList.contains('source-auto'));
    expect(await popup.$eval('#region', (s) => (s as HTMLSelectElement).value)).toBe('east');
  });

  it('first contact: shown as detected, with an override', async () => {
    const label = await popup.$eval('#first-contact option[value="auto"]', (o) => o.textContent);
    expect(label).toBe('As detected: first contact');
    await popup.selectOption('#first-contact', 'no');
    await popup.waitForFunction(() => !document.querySelector('.group[data-rule="ja/contract-on-first-contact"]'));
    await popup.selectOption('#first-contact', 'auto');
    await popup.waitForSelector('.group[data-rule="ja/contract-on-first-contact"]');
  });

  it('Apply from the popup changes the draft through the editor', async () => {
    const item = popup.locator('.group[data-rule="common/exclamation-overuse"] .apply').first();
    await item.click();
    await page.waitForFunction(() => !document.querySelector('.editor')?.textContent?.includes('!!'));
    await popup.waitForFunction(() => !document.querySelector('.group[data-rule="common/exclamation-overuse"]'));
    // Ctrl+Z in the page undoes it (the draft is sacred).
    await page.bringToFront();
    await page.focus('.editor');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('.editor')?.textContent?.includes('!!'));
  });

  it('clicking a finding reveals it in the draft: its card opens there', async () => {
    const cardRule = () =>
      inShadow(page, 'nemawashi-overlay', (r) => {
        const card = r.querySelector<HTMLElement>('.card');
        return card && !card.hidden ? (card.dataset.rule ?? null) : null;
      });
    expect(await cardRule()).toBeNull();
    await popup.locator('.group[data-rule="ja/blunt-imperative"] .excerpt').first().click();
    await expect.poll(cardRule).toBe('ja/blunt-imperative');
    // Focus stays in the popup: revealing never steals it from the user.
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('excerpt'))).toBe(true);
  });

  it('pause for this email, then resume', async () => {
    await popup.click('button[data-key="pause"]');
    await popup.waitForSelector('.notice[role="status"]');
    await page.waitForFunction(() => document.querySelector('nemawashi-badge')?.hasAttribute('data-paused'));
    await expect.poll(() => actionBadge(env.b, tabId).then((x) => x.text)).toBe('');
    await popup.click('button[data-key="pause"]');
    await popup.waitForSelector('.findings .group');
    await expect.poll(() => actionBadge(env.b, tabId).then((x) => x.text)).not.toBe('');
  });

  it('is accessible: no serious axe violations, every control reachable by Tab', async () => {
    const violations = await axeScan(popup);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const walk = await tabWalk(popup);
    expect(walk.missed).toEqual([]);
    expect(walk.reached.length).toBeGreaterThan(10);
    // Space toggles a checkbox reached by keyboard.
    await popup.focus('#pack-us');
    await popup.keyboard.press('Space');
    await popup.waitForFunction(() => document.querySelector('.audience .source')?.classList.contains('source-user'));
    expect(await popup.isChecked('#pack-us')).toBe(true);
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('pack-us');
    await popup.click('.audience .source button');
  });

  it('in Japanese (settings override)', async () => {
    await setStoredSettings(env.b, { language: 'ja' });
    await popup.waitForFunction(() => document.documentElement.lang === 'ja');
    expect(await popup.textContent('.audience h2')).toBe('この下書きの宛先');
    await screenshot(popup, 'popup-compose-ja');
    await setStoredSettings(env.b, { language: 'auto' });
    await popup.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('"Turn off on this site" stops it there and offers to turn it on again', async () => {
    await popup.click('button[data-key="site"]');
    await expect.poll(async () => ((await storedSettings(env.b))?.disabledSites as string[] | undefined) ?? []).toEqual(['127.0.0.1']);
    await popup.waitForSelector('.notice button[data-key="site"]');
    expect(await popup.textContent('.notice')).toContain('turned off on 127.0.0.1');
    await page.waitForFunction(() => !document.querySelector('nemawashi-badge'));
    await popup.click('.notice button[data-key="site"]');
    await expect.poll(async () => (await storedSettings(env.b))?.disabledSites).toEqual([]);
    await page.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0);
  });
});

describe('popup without a compose', () => {
  it('says so, shows the rule sets, and checks a pasted draft', async () => {
    const { tabId } = await openDemo(env.b, env.demoUrl, 'none');
    const popup = await openPopup(env.b, tabId);
    await popup.waitForSelector('form.paste');
    expect(await popup.textContent('.notice')).toBe('No email is being written in this tab.');
    expect(await popup.$$eval('.packs li', (li) => li.map((l) => l.textContent))).toEqual([
      'General tone: always',
      'Japanese recipients: automatic, from the recipients',
      'American recipients: automatic, from the recipients',
    ]);
    await popup.fill('#paste', 'Hey guys, send me the report ASAP!! lol');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('.findings .group');
    const rules = await popup.$$eval('.findings .group', (gs) => gs.map((g) => (g as HTMLElement).dataset.rule));
    expect(rules).toEqual(expect.arrayContaining(['ja/pressure', 'common/exclamation-overuse']));
    // No Apply or reveal here: there is no draft to change.
    expect(await popup.locator('.apply').count()).toBe(0);
    expect(await popup.inputValue('#paste')).toBe('Hey guys, send me the report ASAP!! lol');
    await screenshot(popup, 'popup-paste-en');
    const violations = await axeScan(popup);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect((await tabWalk(popup)).missed).toEqual([]);
    await popup.close();
  });
});

describe('popup in a Japanese browser', () => {
  it('follows --lang=ja when the language setting is auto', async () => {
    const jb = await launchWithExtension({ locale: 'ja' });
    try {
      const popup = await jb.context.newPage();
      await popup.setViewportSize({ width: 400, height: 700 });
      await popup.goto(`chrome-extension://${jb.extensionId}/popup.html`);
      await popup.waitForSelector('form.paste');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ja');
      await popup.fill('#paste', '田中様\n\nお世話になっております。ASAP で返事をください!! lol');
      await popup.click('button[type="submit"]');
      await popup.waitForSelector('.findings');
      await screenshot(popup, 'popup-paste-ja');
    } finally {
      await jb.close();
    }
  });
});
