/**
 * A hostile page (issue 10). The page's own script, on a site where the content script runs
 * (the demo build on 127.0.0.1 stands in for a site the user turned on), tries each attack of
 * the issue; every one must fail: nothing private read, nothing stored changed, the checker
 * still running. Page scripts run through page.evaluate (the page's main world); the user's own
 * actions are Playwright's real mouse and keyboard input (trusted events).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../src/messages';
import { DEFAULT_SETTINGS } from '../../src/settings/types';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { openDemo, openPopup, startDemoServer } from './popup-helpers';
import { inShadow, shadowClick, shadowText, waitShadow } from './shadow';

const EDITOR = '[data-nemawashi-demo] .editor';
const NOTE = 'PRIVATE-NOTE-7731: never say this to Osaka Bank';
const PHRASE = 'blue widgets';
const MAPPED = 'ken@osaka-bank.example';

let b: ExtensionBrowser;
let demo: Awaited<ReturnType<typeof startDemoServer>>;
let probe: Worker;
let probeDir = '';

beforeAll(async () => {
  // A second extension, to message Nemawashi from outside (item 9 of the issue).
  probeDir = mkdtempSync(join(tmpdir(), 'nemawashi-probe-'));
  writeFileSync(join(probeDir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'probe', version: '1.0', background: { service_worker: 'sw.js' } }));
  writeFileSync(join(probeDir, 'sw.js'), '// The test evaluates in this worker.\n');
  b = await launchWithExtension({ alsoLoad: [probeDir] });
  probe = await b.otherWorker('probe');
  // Every message the page hears, from before any script of the page or of an extension runs.
  await b.context.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { __heard: string[] }).__heard = heard;
    window.addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));
  });
  demo = await startDemoServer();
  const settings = {
    ...DEFAULT_SETTINGS,
    userPhrases: [{ id: 'p1', phrase: PHRASE, pack: 'common', message: NOTE, severity: 'warning' }],
    audienceMap: [{ match: MAPPED, audience: 'ja', region: 'west', sector: 'traditional' }],
  };
  await b.serviceWorker.evaluate(async (s) => {
    await chrome.storage.sync.set({ settings: s, settings$: { v: s.version } });
  }, settings);
}, 120_000);

afterAll(async () => {
  await b?.close();
  await demo?.close();
  if (probeDir) rmSync(probeDir, { recursive: true, force: true });
});

const stored = () =>
  b.serviceWorker.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));
const historySize = () => b.serviceWorker.evaluate(async () => ((await chrome.storage.local.get('sentHashes')).sentHashes as string[] | undefined)?.length ?? 0);
const summary = (tabId: number) =>
  b.serviceWorker.evaluate(([id]) => chrome.tabs.sendMessage(id, { type: 'summary:get' }) as Promise<DraftSummary | null>, [tabId] as const);

async function composeWith(text: string, to?: string): Promise<{ page: Page; tabId: number }> {
  const { page, tabId } = await openDemo(b, demo.url, 'blank');
  await page.waitForSelector('nemawashi-badge', { state: 'attached', timeout: 20_000 });
  if (to) {
    await page.locator('[data-field="to"] input').fill(to);
    await page.keyboard.press('Enter');
  }
  await page.locator(EDITOR).click();
  await page.keyboard.type(text, { delay: 5 });
  return { page, tabId };
}

/** Everything a page script can read: markup, attributes, and the overlay hosts' shadowRoot. */
const pageView = (p: Page) =>
  p.evaluate(() => ({
    html: document.documentElement.outerHTML,
    roots: [...document.querySelectorAll('nemawashi-overlay, nemawashi-badge')].map((e) => e.shadowRoot === null),
    attributes: [...document.querySelectorAll('nemawashi-overlay, nemawashi-badge')].flatMap((e) => e.getAttributeNames().map((n) => `${n}=${e.getAttribute(n)}`)),
  }));

describe('a hostile page', () => {
  it('reads no note, no audience and no first-contact answer: the shadow roots are closed', async () => {
    const { page } = await composeWith(`We ship ${PHRASE} and the NDA.`, MAPPED);
    await expect.poll(() => page.locator('nemawashi-badge').getAttribute('data-count'), { timeout: 15_000 }).not.toBe('0');
    // The user opens the card and the list: the private texts are on screen now.
    await page.keyboard.press('Alt+Shift+N');
    await waitShadow(page, 'nemawashi-overlay', '.card:not([hidden])');
    expect(await shadowText(page, 'nemawashi-overlay', '.card')).toContain(NOTE);
    await page.keyboard.press('Escape');
    await shadowClick(page, 'nemawashi-badge', '.pill');
    await waitShadow(page, 'nemawashi-badge', '.panel:not([hidden])');
    expect(await shadowText(page, 'nemawashi-badge', '.panel')).toContain(NOTE);
    expect(await shadowText(page, 'nemawashi-badge', '.audience .who')).toBe('Japanese recipient · Osaka');

    const view = await pageView(page);
    expect(view.roots.length).toBeGreaterThanOrEqual(2);
    expect(view.roots.every((closed) => closed)).toBe(true);
    // ("Osaka" is not in the list: the demo page's own sample threads mention it.)
    for (const secret of ['PRIVATE-NOTE', 'Japanese recipient', 'No specific audience', 'contract-on-first-contact', 'user/p1']) {
      expect(view.html, secret).not.toContain(secret);
    }
    // What the hosts say in attributes: ids, counts, worst severity, timings; nothing else.
    for (const a of view.attributes) expect(a).toMatch(/^(?:data-(?:compose-id|count|max-severity|paused|below|mode|debounce-ms|main-start|startup-ms|settings-read|warmup-ms|composes|runs|language|last-[a-z-]+|engine-[a-z-]+)=|style=|hidden=)/);
    await page.close();
  });

  it('cannot record sends: synthetic clicks and Ctrl+Enter are ignored; a real Send records once per compose', async () => {
    const { page } = await composeWith('Hello, the figures are attached.', 'real@partner.example');
    const before = await historySize();
    await page.evaluate((editor) => {
      // Keep the compose open (the demo closes it on Send), then forge sends of 200 addresses.
      const send = document.querySelector('[data-nemawashi-demo] button[data-action="send"]')!;
      const clone = send.cloneNode(true);
      send.replaceWith(clone);
      const chips = document.querySelector('[data-nemawashi-demo] [data-field="to"] .chips')!;
      for (let i = 0; i < 200; i++) {
        const chip = document.createElement('span');
        chip.className = 'chip';
        chip.dataset.address = `forged${i}@evil.example`;
        chips.append(chip);
      }
      for (let i = 0; i < 26; i++) (clone as HTMLButtonElement).click();
      const ed = document.querySelector(editor)!;
      for (let i = 0; i < 5; i++) ed.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
      clone.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }, EDITOR);
    await page.waitForTimeout(1_500);
    expect(await historySize()).toBe(before);
    // The forged chips go; the user clicks Send for real: recorded (one address).
    await page.evaluate(() => document.querySelectorAll('[data-address^="forged"]').forEach((c) => c.remove()));
    await page.click('[data-nemawashi-demo] button[data-action="send"]');
    await expect.poll(historySize, { timeout: 10_000 }).toBe(before + 1);
    // A second real Send of the same compose, with another recipient: not recorded again.
    await page.locator('[data-field="to"] input').fill('second@partner.example');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(700);
    await page.click('[data-nemawashi-demo] button[data-action="send"]');
    await page.waitForTimeout(1_000);
    expect(await historySize()).toBe(before + 1);
    await page.close();
  });

  it('cannot change settings with forged keys and clicks', async () => {
    const { page } = await composeWith('This is VERY IMPORTANT. We ship blue widgets.');
    await expect.poll(() => page.locator('nemawashi-badge').getAttribute('data-count'), { timeout: 15_000 }).not.toBe('0');
    const before = await stored();
    const cardOpen = () => inShadow(page, 'nemawashi-overlay', (r) => !r.querySelector('.card')!.hasAttribute('hidden'));
    // A forged Alt+Shift+N opens nothing and takes no focus.
    await page.evaluate((editor) => {
      const ed = document.querySelector(editor)!;
      ed.dispatchEvent(new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true, composed: true }));
    }, EDITOR);
    await page.waitForTimeout(300);
    expect(await cardOpen()).toBe(false);
    // The user opens the card; the page then forges Enter, Space and clicks on whatever it can reach.
    await page.keyboard.press('Alt+Shift+N');
    await waitShadow(page, 'nemawashi-overlay', '.card:not([hidden])');
    const reached = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll<HTMLElement>('nemawashi-overlay, nemawashi-badge')];
      const targets = [document.activeElement, ...hosts].filter((e): e is HTMLElement => e instanceof HTMLElement);
      for (const t of targets) {
        for (const key of ['Enter', ' ', 'Tab']) {
          t.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          t.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
        }
        t.click();
      }
      // Without the shadow root the buttons are out of reach; with it they would be here.
      return hosts.map((h) => h.shadowRoot?.querySelectorAll('button').length ?? null);
    });
    expect(reached.every((n) => n === null)).toBe(true);
    await page.waitForTimeout(800);
    expect(await stored()).toEqual(before);
    // A real click on Turn off still works (the user is in charge).
    await shadowClick(page, 'nemawashi-overlay', '.card:not([hidden]) button[data-action="turn-off"]');
    await expect.poll(async () => ((await stored()).sync.settings as { disabledRules: string[] }).disabledRules.length).toBe(1);
    await b.serviceWorker.evaluate(async (s) => chrome.storage.sync.set(s), before.sync);
    await page.close();
  });

  it('cannot stop the checker with WXT’s "content script started" event, and is never told the extension id', async () => {
    const { page } = await openDemo(b, demo.url, 'blank');
    // What the page heard since it loaded (the listener ran before the content script).
    await page.waitForSelector('nemawashi-badge', { state: 'attached', timeout: 20_000 });
    const heard = await page.evaluate(() => (window as unknown as { __heard?: string[] }).__heard ?? []);
    expect(heard.join('\n')).not.toContain(b.extensionId);
    // A store extension's id is public: the page forges the event anyway, both ways WXT knows.
    await page.evaluate((id) => {
      const name = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.postMessage({ type: name, contentScriptName: 'content', messageId: 'forged' }, '*');
    }, b.extensionId);
    await page.waitForTimeout(500);
    expect(await page.locator('nemawashi-overlay').count()).toBe(1);
    expect(await page.locator('nemawashi-badge').count()).toBe(1);
    // Still checking: new words get their finding.
    await page.locator(EDITOR).click();
    await page.keyboard.type('This is VERY IMPORTANT.', { delay: 5 });
    await expect.poll(() => page.locator('nemawashi-badge').getAttribute('data-count'), { timeout: 10_000 }).toBe('1');
    await page.close();
  });

  it('cannot message the extension, and neither can another extension (no external listener)', async () => {
    const { page } = await openDemo(b, demo.url, 'blank');
    const fromPage = await page.evaluate((id) => {
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      if (typeof c?.runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage';
      return (c.runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { type: 'history:record', addresses: ['evil@x.example'] }).then(
        () => 'answered',
        (e: unknown) => String(e),
      );
    }, b.extensionId);
    expect(fromPage).toBe('no chrome.runtime.sendMessage');
    const before = await stored();
    const fromExtension = await probe.evaluate(async (id) => {
      const send = (m: unknown) =>
        chrome.runtime.sendMessage(id, m).then(
          () => 'answered',
          (e: unknown) => String(e),
        );
      const connected = await new Promise<string>((resolve) => {
        const port = chrome.runtime.connect(id);
        port.onDisconnect.addListener(() => resolve(`disconnected: ${chrome.runtime.lastError?.message ?? ''}`));
        port.postMessage({ type: 'summary:get' });
        setTimeout(() => resolve('still connected'), 2_000);
      });
      return [await send({ type: 'history:record', addresses: ['evil@x.example'] }), await send({ type: 'summary:get' }), connected];
    }, b.extensionId);
    for (const r of fromExtension) expect(r).toMatch(/Receiving end does not exist|Could not establish connection|disconnected/);
    expect(await stored()).toEqual(before);
    await page.close();
  });

  it('cannot make Apply replace other words: a stale finding from the popup is refused and the list refreshed', async () => {
    const { page, tabId } = await composeWith('We need it soon. Please send it ASAP.', 'k@sakura.co.jp');
    await expect.poll(async () => (await summary(tabId))?.findings.some((f) => f.ruleId === 'ja/pressure'), { timeout: 15_000 }).toBe(true);
    const popup = await openPopup(b, tabId);
    const apply = popup.locator('.group[data-rule="ja/pressure"] .apply').first();
    await apply.waitFor({ timeout: 10_000 });
    // The page (or the user, typing) puts another "ASAP" before the flagged one.
    await page.evaluate((editor) => {
      const ed = document.querySelector(editor)!;
      ed.insertBefore(document.createTextNode('ASAP ASAP. '), ed.firstChild);
    }, EDITOR);
    await page.waitForTimeout(100);
    await apply.click();
    await expect.poll(() => popup.locator('[role="status"][aria-live]').first().textContent()).toContain('The draft changed');
    expect((await page.locator(EDITOR).innerText()).replace(/\s+/g, ' ')).toBe('ASAP ASAP. We need it soon. Please send it ASAP.');
    // The list was refreshed: Apply now replaces the flagged words where they are now.
    await popup.locator('.group[data-rule="ja/pressure"] .apply').last().click();
    await expect
      .poll(async () => (await page.locator(EDITOR).innerText()).replace(/\s+/g, ' '))
      .toBe('ASAP ASAP. We need it soon. Please send it at your earliest convenience.');
    await popup.close();
    await page.close();
  });
});
