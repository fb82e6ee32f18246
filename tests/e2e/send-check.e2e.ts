/**
 * The check at Send (issue 11) on the PRODUCTION build (`wxt build` without NEMAWASHI_DEMO:
 * host access to Gmail and Outlook only), with the Gmail and Outlook fixtures served at the real
 * addresses and every other request aborted (harness).
 *
 * Each fixture gets its own Send handler, like the webmail's: Gmail's div button sends on the
 * mouse release (as its button widgets do) and on Enter/Space; Outlook's <button> on click;
 * both on Ctrl+Enter in the compose. The tests count the handler's calls in the page, the
 * `history:record` messages at the background, and read the dialog (a closed shadow root)
 * through the DevTools protocol, as assistive technology would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../src/messages';
import { fixture, launchWithExtension, OUT_DIR, ROOT, serveAt, type ExtensionBrowser } from './harness';
import { caretAfter, openTab, summaryOf } from './page-helpers';
import { openPopup, setStoredSettings, storedSettings } from './popup-helpers';

const PRODUCTION_DIR = `${OUT_DIR}-production`;

let b: ExtensionBrowser;

beforeAll(async () => {
  if (!(process.env.NEMAWASHI_SKIP_BUILD === '1' && existsSync(join(PRODUCTION_DIR, 'chrome-mv3')))) {
    const env: NodeJS.ProcessEnv = { ...process.env, NEMAWASHI_OUT_DIR: PRODUCTION_DIR };
    delete env.NEMAWASHI_DEMO;
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', env });
  }
  const manifest = JSON.parse(readFileSync(join(PRODUCTION_DIR, 'chrome-mv3/manifest.json'), 'utf8')) as { content_scripts: Array<{ matches: string[] }> };
  // The production build: no demo origins.
  expect(manifest.content_scripts.flatMap((c) => c.matches).some((m) => m.includes('127.0.0.1') || m.includes('localhost'))).toBe(false);
  b = await launchWithExtension({ extensionDir: join(PRODUCTION_DIR, 'chrome-mv3') });
  // Count the history writes the content script asks the background for.
  await b.serviceWorker.evaluate(() => {
    const g = self as unknown as { __records: string[][] };
    g.__records = [];
    chrome.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type?: string; addresses?: string[] } | null;
      if (m?.type === 'history:record') g.__records.push(m.addresses ?? []);
      return undefined;
    });
  });
}, 180_000);

afterAll(async () => {
  await b?.close();
});

beforeEach(async () => {
  // A fresh history and the default settings: a Send in one test must not make the next
  // draft a second contact.
  await b.serviceWorker.evaluate(async () => {
    (self as unknown as { __records: string[][] }).__records = [];
    await chrome.storage.local.remove(['sentHashes']);
    await chrome.storage.sync.clear();
  });
});

const records = (): Promise<string[][]> => b.serviceWorker.evaluate(() => (self as unknown as { __records: string[][] }).__records);

interface Site {
  name: 'gmail' | 'outlook';
  url: string;
  file: string;
  send: string;
  compose: string;
  /** Typed after this phrase (the Ctrl+Enter case types there first). */
  after: string;
  /** Makes the draft clean: nothing at the error threshold. */
  clean: string;
}

const SITES: Site[] = [
  {
    name: 'gmail',
    url: 'https://mail.google.com/mail/u/0/',
    file: 'gmail-new-message.html',
    send: '.T-I.aoO',
    compose: '[role="dialog"]',
    after: 'nothing to discuss.',
    clean: `document.querySelector('.GM').remove(); document.querySelector('#c1-body').replaceChildren('Dear Mr. Endo,', Object.assign(document.createElement('div'), { textContent: 'Thank you for your time on Tuesday. We are grateful for your interest and look forward to hearing your thoughts.' }), Object.assign(document.createElement('div'), { textContent: 'Best regards,' }), Object.assign(document.createElement('div'), { textContent: 'Mike' }));`,
  },
  {
    name: 'outlook',
    url: 'https://outlook.office.com/mail/deeplink/compose',
    file: 'outlook-new-message.html',
    send: 'button[name="Send"]',
    compose: '[data-app-section="ComposeForm"]',
    after: 'start in January.',
    clean: `document.querySelectorAll('[aria-label="Attachments"]').forEach((e) => e.remove()); document.querySelector('[aria-label^="Message body"]').replaceChildren(...['Dear Ms. Tanaka,', 'Thank you for your time on Tuesday. We are grateful for your interest and look forward to hearing your thoughts.', 'Best regards,', 'Mike'].map((t) => Object.assign(document.createElement('div'), { textContent: t })));`,
  },
];

/** The fixture's own Send: counts each call in window.__sends (with isTrusted, for the record). */
function sendHandler(site: Site): string {
  const onButton =
    site.name === 'gmail'
      ? `send.addEventListener('mouseup', (e) => { if (e.button === 0) hit('mouseup', e); });
         send.addEventListener('keydown', (e) => { if ((e.key === 'Enter' || e.key === ' ') && !e.ctrlKey && !e.metaKey) { e.preventDefault(); hit('key', e); } });`
      : `send.addEventListener('click', (e) => hit('click', e));`;
  return `(() => {
    window.__sends = [];
    const hit = (how, e) => window.__sends.push({ how, trusted: e.isTrusted, lag: performance.now() - e.timeStamp });
    const send = document.querySelector(${JSON.stringify(site.send)});
    const compose = document.querySelector(${JSON.stringify(site.compose)});
    ${onButton}
    compose.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); hit('ctrl-enter', e); } });
  })();`;
}

interface Opened {
  page: Page;
  tabId: number;
  warnings: string[];
  errors: string[];
}

let served = 0;
async function open(site: Site, extra = ''): Promise<Opened> {
  const html = fixture(site.file).replace(/<\/body>/i, `<script>${extra}${sendHandler(site)}</script></body>`);
  const url = `${site.url}${site.url.endsWith('/') ? '' : '/'}t${++served}`;
  await serveAt(b.context, url, html);
  const warnings: string[] = [];
  const errors: string[] = [];
  const { page, tabId } = await openTab(b, url, (p) => {
    p.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'warning' && /nemawashi/i.test(m.text())) warnings.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(String(e)));
  });
  await page.waitForSelector('nemawashi-badge', { state: 'attached', timeout: 20_000 });
  return { page, tabId, warnings, errors };
}

async function summaryWhen(tabId: number, test: (s: DraftSummary) => boolean): Promise<DraftSummary> {
  let last: DraftSummary | null = null;
  await expect
    .poll(
      async () => {
        last = await summaryOf(b, tabId);
        return last !== null && test(last);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return last!;
}

const sends = (page: Page): Promise<Array<{ how: string; trusted: boolean; lag: number }>> =>
  page.evaluate(() => (window as unknown as { __sends: Array<{ how: string; trusted: boolean; lag: number }> }).__sends);

// ── the dialog, read as assistive technology reads it (DevTools protocol) ──────────────

interface DialogState {
  open: boolean;
  mode?: string;
  text?: string;
  /** The focused control inside the dialog: "Review", "Send anyway", "checkbox". */
  focused?: string | null;
  hostHasFocus?: boolean;
  role?: string | null;
  buttons?: Record<string, { x: number; y: number }>;
}

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: Array<DomNode & { shadowRootType?: string }>;
}

async function shadowOfDialog(s: CDPSession): Promise<(DomNode & { shadowRootType?: string }) | null> {
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === 'NEMAWASHI-SEND-CHECK') return n.shadowRoots?.[0] ?? null;
    stack.push(...(n.children ?? []), ...(n.shadowRoots ?? []));
  }
  return null;
}

/** Runs `fn` with `this` = the dialog's (closed) shadow root, in the page's main world. */
async function onDialog<T>(page: Page, fn: string): Promise<{ found: false } | { found: true; mode: string; value: T }> {
  const s = await page.context().newCDPSession(page);
  try {
    const shadow = await shadowOfDialog(s);
    if (!shadow) return { found: false };
    const { object } = (await s.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const { result, exceptionDetails } = (await s.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: unknown };
    if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
    return { found: true, mode: shadow.shadowRootType ?? '', value: result.value };
  } finally {
    await s.detach();
  }
}

async function dialog(page: Page): Promise<DialogState> {
  const r = await onDialog<Omit<DialogState, 'open' | 'mode'>>(
    page,
    `function () {
      const a = this.activeElement;
      const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; };
      return {
        text: this.querySelector('.dialog').innerText,
        role: this.querySelector('.dialog').getAttribute('role'),
        focused: a ? (a.tagName === 'INPUT' ? a.type : a.textContent) : null,
        hostHasFocus: document.activeElement === this.host,
        buttons: { review: box(this.querySelector('button.review')), send: box(this.querySelector('button.send')), dontAsk: box(this.querySelector('input')) },
      };
    }`,
  );
  return r.found ? { open: true, mode: r.mode, ...r.value } : { open: false };
}

async function waitForDialog(page: Page): Promise<DialogState> {
  await expect.poll(async () => (await dialog(page)).open, { timeout: 5_000 }).toBe(true);
  return dialog(page);
}

/** The text right after the caret in the focused editor (where Review put it). */
function caretInfo(page: Page): Promise<{ inEditor: boolean; collapsed: boolean; after: string }> {
  return page.evaluate(() => {
    const sel = document.getSelection()!;
    const active = document.activeElement as HTMLElement | null;
    const inEditor = !!active?.isContentEditable && !!sel.anchorNode && active.contains(sel.anchorNode);
    const r = document.createRange();
    r.setStart(sel.anchorNode!, sel.anchorOffset);
    r.setEndAfter(active!.lastChild!);
    return { inEditor, collapsed: sel.isCollapsed, after: r.toString().slice(0, 80) };
  });
}

/** The first error with a span in the editor, as the dialog orders them (errors first, then position). */
function firstErrorSpan(summary: DraftSummary): string {
  const spans = summary.findings.filter((f) => f.severity === 'error' && f.target === 'body' && f.start !== undefined).sort((a, b) => a.start! - b.start!);
  return spans[0]!.excerpt;
}

type Gesture = 'click' | 'enter' | 'ctrl-enter';

async function doSend(page: Page, site: Site, how: Gesture): Promise<void> {
  if (how === 'click') await page.click(site.send);
  else if (how === 'enter') {
    await page.focus(site.send);
    await page.keyboard.press('Enter');
  } else {
    await caretAfter(page, site.after);
    await page.keyboard.press('Control+Enter');
  }
}

for (const site of SITES) {
  describe(`${site.name}: a draft with an error`, () => {
    for (const how of ['click', 'enter', 'ctrl-enter'] as const) {
      it(`${how}: held, dialog; Review sends nothing and puts the caret on the first span; Send anyway sends once and records once`, async () => {
        const { page, tabId, errors } = await open(site);
        const summary = await summaryWhen(tabId, (s) => s.adapter === site.name && s.findings.some((f) => f.severity === 'error' && f.target === 'body'));
        const expectedSpan = firstErrorSpan(summary);

        await doSend(page, site, how);
        let d = await waitForDialog(page);
        expect(d.mode).toBe('closed');
        expect(d.role).toBe('alertdialog');
        expect(d.focused).toBe('Review');
        expect(d.hostHasFocus).toBe(true);
        // Recipients, audience, first contact, attachments and the errors' messages.
        expect(d.text).toMatch(/Send this email\?/);
        expect(d.text).toMatch(site.name === 'gmail' ? /h\.endo@tanaka-shoji\.co\.jp/ : /y\.tanaka@sakura-bank\.co\.jp/);
        expect(d.text).toMatch(/Japanese recipient/);
        expect(d.text).toMatch(/First contact\s+Yes/);
        for (const f of summary.findings.filter((x) => x.severity === 'error')) expect(d.text).toContain(f.message);
        await page.waitForTimeout(200);
        expect(await sends(page)).toEqual([]);

        // Review: with the mouse, Enter on it, or Esc.
        if (how === 'click') await page.mouse.click(d.buttons!.review!.x, d.buttons!.review!.y);
        else if (how === 'enter') await page.keyboard.press('Enter');
        else await page.keyboard.press('Escape');
        await expect.poll(async () => (await dialog(page)).open).toBe(false);
        const caret = await caretInfo(page);
        expect(caret.inEditor).toBe(true);
        expect(caret.collapsed).toBe(true);
        expect(caret.after.startsWith(expectedSpan)).toBe(true);
        await page.waitForTimeout(200);
        expect(await sends(page)).toEqual([]);
        expect(await records()).toEqual([]);

        // Again, and Send anyway: with the mouse, Tab + Enter, Tab + Space.
        await doSend(page, site, how);
        d = await waitForDialog(page);
        expect(d.focused).toBe('Review');
        if (how === 'click') await page.mouse.click(d.buttons!.send!.x, d.buttons!.send!.y);
        else {
          await page.keyboard.press('Tab');
          expect((await dialog(page)).focused).toBe('Send anyway');
          await page.keyboard.press(how === 'enter' ? 'Enter' : 'Space');
        }
        await expect.poll(async () => (await sends(page)).length).toBe(1);
        expect((await dialog(page)).open).toBe(false);
        await page.waitForTimeout(500);
        const calls = await sends(page);
        expect(calls).toHaveLength(1);
        // The page's own Send ran through its usual path (our replay is an untrusted event).
        expect(calls[0]!.how).toBe(how === 'ctrl-enter' ? 'ctrl-enter' : site.name === 'gmail' ? (how === 'click' ? 'mouseup' : 'key') : 'click');
        await expect.poll(records).toHaveLength(1);
        expect((await records())[0]!.length).toBeGreaterThan(0);
        expect(errors).toEqual([]);
        await page.close();
      });
    }

    it('Tab stays in the dialog; "Don\'t ask again for this draft" lets the next Send through at once', async () => {
      const { page, tabId } = await open(site);
      await summaryWhen(tabId, (s) => s.adapter === site.name && s.findings.some((f) => f.severity === 'error'));
      await doSend(page, site, 'click');
      await waitForDialog(page);
      const order: Array<string | null | undefined> = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        order.push((await dialog(page)).focused);
      }
      expect(order).toEqual(['Send anyway', 'checkbox', 'Review', 'Send anyway']);
      await page.keyboard.press('Shift+Tab');
      expect((await dialog(page)).focused).toBe('Review');
      await page.keyboard.press('Shift+Tab');
      expect((await dialog(page)).focused).toBe('checkbox');
      await page.keyboard.press('Space');
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await dialog(page)).open).toBe(false);
      expect(await sends(page)).toEqual([]);
      await doSend(page, site, 'click');
      await expect.poll(async () => (await sends(page)).length).toBe(1);
      expect((await dialog(page)).open).toBe(false);
      await expect.poll(records).toHaveLength(1);
      await page.close();
    });

    it('a page-dispatched (untrusted) Send is the page\'s business: no dialog, no record', async () => {
      const { page, tabId } = await open(site);
      await summaryWhen(tabId, (s) => s.adapter === site.name && s.findings.some((f) => f.severity === 'error'));
      await page.evaluate((sel) => {
        const send = document.querySelector<HTMLElement>(sel)!;
        for (const type of ['mousedown', 'mouseup', 'click']) send.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }));
      }, site.send);
      await page.evaluate((sel) => {
        document.querySelector(sel)!.querySelector('[contenteditable="true"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
      }, site.compose);
      await page.waitForTimeout(500);
      expect((await dialog(page)).open).toBe(false);
      expect((await sends(page)).map((s) => s.trusted)).toEqual([false, false]);
      expect(await records()).toEqual([]);
      await page.close();
    });
  });

  describe(`${site.name}: nothing at the threshold`, () => {
    for (const how of ['click', 'enter', 'ctrl-enter'] as const) {
      it(`${how}: the page's Send runs at once, exactly once, and is recorded once`, async () => {
        const { page, tabId } = await open(site, site.clean);
        const s = await summaryWhen(tabId, (x) => x.adapter === site.name && x.wordCount > 0);
        expect(s.findings.filter((f) => f.severity === 'error')).toEqual([]);
        if (how === 'ctrl-enter') {
          await caretAfter(page, 'thoughts.');
          await page.keyboard.press('Control+Enter');
        } else await doSend(page, site, how);
        await expect.poll(async () => (await sends(page)).length).toBe(1);
        await page.waitForTimeout(400);
        const calls = await sends(page);
        expect(calls).toHaveLength(1);
        // Untouched: the page got the user's own (trusted) event.
        expect(calls[0]!.trusted).toBe(true);
        expect((await dialog(page)).open).toBe(false);
        await expect.poll(records).toHaveLength(1);
        await page.close();
      });
    }

    it('the threshold set to warning holds a draft with only warnings; off lets an error through', async () => {
      await b.serviceWorker.evaluate(async () => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings as object), version: 4, sendThreshold: 'warning' }, settings$: { v: 4 } });
      });
      // A pressure word (a warning for a Japanese reader), before the sign-off.
      const pressure = `[...document.querySelectorAll('[contenteditable="true"] div')].find((d) => d.textContent.startsWith('Thank you')).after(Object.assign(document.createElement('div'), { textContent: 'We need your answer ASAP.' }));`;
      const { page, tabId } = await open(site, site.clean + pressure);
      const s = await summaryWhen(tabId, (x) => x.adapter === site.name && x.findings.length > 0);
      expect(s.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(s.findings.some((f) => f.severity === 'warning')).toBe(true);
      await doSend(page, site, 'click');
      const d = await waitForDialog(page);
      expect(d.text).toMatch(/warning/i);
      await page.keyboard.press('Escape');
      expect(await sends(page)).toEqual([]);
      await page.close();

      await b.serviceWorker.evaluate(async () => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings as object), sendThreshold: 'off' } });
      });
      const second = await open(site);
      await summaryWhen(second.tabId, (x) => x.adapter === site.name && x.findings.some((f) => f.severity === 'error'));
      await doSend(second.page, site, 'click');
      await expect.poll(async () => (await sends(second.page)).length).toBe(1);
      expect((await dialog(second.page)).open).toBe(false);
      await second.page.close();
    });
  });
}

describe('fail open', () => {
  const gmail = SITES[0]!;
  const breakSend = `(() => { const s = document.querySelector('.T-I.aoO'); s.classList.remove('aoO'); s.removeAttribute('aria-label'); s.removeAttribute('data-tooltip'); document.querySelector('tr.btC').classList.remove('btC'); })();`;

  it('a Send button the adapter cannot recognize: the compose is checked as generic, Send goes through once', async () => {
    const html = breakSend + `document.querySelector('.T-I.J-J5-Ji.v7').classList.add('aoO-broken');`;
    const { page, tabId, warnings } = await open({ ...gmail, send: '.aoO-broken' }, html);
    await summaryWhen(tabId, (s) => s.adapter === 'generic');
    await page.click('.aoO-broken');
    await expect.poll(async () => (await sends(page)).length).toBe(1);
    await caretAfter(page, gmail.after);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await sends(page)).length).toBe(2);
    await page.waitForTimeout(3_500);
    expect((await sends(page)).map((x) => x.how)).toEqual(['mouseup', 'ctrl-enter']);
    expect((await dialog(page)).open).toBe(false);
    // The one warning: the adapter's (the page changed), nothing more from the check at Send.
    expect(warnings, warnings.join('\n')).toHaveLength(1);
    await page.close();
  });

  it('the Send button gone from a recognized compose: Ctrl+Enter goes through once, one warning', async () => {
    const { page, tabId, warnings } = await open(gmail);
    await summaryWhen(tabId, (s) => s.adapter === 'gmail' && s.findings.some((f) => f.severity === 'error'));
    await page.evaluate(breakSend);
    await caretAfter(page, gmail.after);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await sends(page)).length).toBe(1);
    await page.waitForTimeout(400);
    expect((await sends(page)).length).toBe(1);
    expect((await dialog(page)).open).toBe(false);
    expect(warnings.filter((w) => /check at Send/.test(w))).toHaveLength(1);
    expect(warnings[0]).toMatch(/Send button was not found/);
    await page.close();
  });

  it('an engine that throws: the click goes through once, one warning', async () => {
    const { page, tabId, warnings } = await open(gmail);
    await summaryWhen(tabId, (s) => s.adapter === 'gmail' && s.findings.some((f) => f.severity === 'error'));
    // Break the engine inside the extension's own (isolated) world: its final sort throws.
    const s = await page.context().newCDPSession(page);
    type Ctx = { id: number; name: string; origin: string; auxData?: { type?: string; frameId?: string } };
    const contexts: Ctx[] = [];
    s.on('Runtime.executionContextCreated', (e: { context: Ctx }) => contexts.push(e.context));
    await s.send('Runtime.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    expect(isolated).toBeDefined();
    await s.send('Runtime.evaluate', {
      contextId: isolated!.id,
      expression: `Array.prototype.sort = function () { throw new Error('engine broken by the test'); };`,
    });
    await s.detach();
    // A change, so Send has to analyse the draft now (inside the debounce).
    await caretAfter(page, gmail.after);
    await page.keyboard.type(' Thanks.');
    await page.click(gmail.send);
    await expect.poll(async () => (await sends(page)).length).toBe(1);
    await page.waitForTimeout(400);
    expect((await sends(page)).length).toBe(1);
    expect((await sends(page))[0]!.trusted).toBe(true);
    expect((await dialog(page)).open).toBe(false);
    const ours = warnings.filter((w) => /check at Send/.test(w));
    expect(ours, warnings.join('\n')).toHaveLength(1);
    expect(ours[0]).toMatch(/engine broken by the test/);
    await page.close();
  });
});

describe('accessibility (axe) of the dialog', () => {
  const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: no violations`, async () => {
      await b.serviceWorker.evaluate(async (language) => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings as object), version: 4, language }, settings$: { v: 4 } });
      }, lang);
      const site = SITES[0]!;
      const { page, tabId } = await open(site);
      await summaryWhen(tabId, (s) => s.adapter === 'gmail' && s.findings.some((f) => f.severity === 'error'));
      await doSend(page, site, 'click');
      const d = await waitForDialog(page);
      expect(d.text).toMatch(lang === 'ja' ? /このメールを送信しますか/ : /Send this email\?/);
      expect(d.focused).toBe(lang === 'ja' ? '見直す' : 'Review');
      // axe walks shadow roots through `host.shadowRoot`; a closed root hides it, so the test
      // (not the extension) hands axe the root it got from the DevTools protocol.
      await onDialog(page, `function () { const root = this; Object.defineProperty(root.host, 'shadowRoot', { get: () => root, configurable: true }); return true; }`);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>; passes: unknown[] }> } }).axe;
        const r = await axe.run({ include: [['nemawashi-send-check']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return { violations: r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)) })), passes: r.passes.length };
      });
      expect(result.violations).toEqual([]);
      expect(result.passes).toBeGreaterThan(5);
      await page.keyboard.press('Escape');
      await page.close();
    });
  }
});

describe('the send threshold in the popup and the options (en, ja)', () => {
  it('shows the threshold in effect and changes it from either page; Japanese labels', async () => {
    const gmail = SITES[0]!;
    const { page, tabId } = await open(gmail);
    await summaryWhen(tabId, (s) => s.adapter === 'gmail');
    const popup = await openPopup(b, tabId);
    await popup.waitForSelector('#send-threshold');
    expect(await popup.inputValue('#send-threshold')).toBe('error');
    expect(await popup.textContent('label[for="send-threshold"]')).toBe('Check at Send');
    await popup.selectOption('#send-threshold', 'warning');
    await expect.poll(async () => (await storedSettings(b))?.sendThreshold).toBe('warning');

    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.waitForSelector('#send-threshold');
    expect(await options.inputValue('#send-threshold')).toBe('warning');
    expect(await options.textContent('#send-check')).toMatch(/asks first if the email has findings of this level/);
    await options.selectOption('#send-threshold', 'off');
    await expect.poll(async () => (await storedSettings(b))?.sendThreshold).toBe('off');
    // The popup follows the stored value.
    await expect.poll(() => popup.inputValue('#send-threshold')).toBe('off');
    // Off: the draft's error does not hold the Send.
    await page.bringToFront();
    await doSend(page, gmail, 'click');
    await expect.poll(async () => (await sends(page)).length).toBe(1);
    expect((await dialog(page)).open).toBe(false);

    await setStoredSettings(b, { language: 'ja' });
    await expect.poll(() => options.textContent('label[for="send-threshold"]')).toBe('送信時の確認');
    expect(await options.textContent('#send-threshold option[value="error"]')).toBe('エラーがあるとき');
    await expect.poll(() => popup.textContent('label[for="send-threshold"]')).toBe('送信時の確認');
    expect(await popup.textContent('#send-threshold option[value="warning"]')).toBe('警告またはエラーがあるとき');
    await popup.close();
    await options.close();
    await page.close();
  });
});

describe('replies and Schedule send', () => {
  const replies: Site[] = [
    { ...SITES[0]!, name: 'gmail', url: 'https://mail.google.com/mail/u/0/', file: 'gmail-inline-reply.html', compose: 'body' },
    { ...SITES[1]!, name: 'outlook', url: 'https://outlook.office.com/mail/inbox/id', file: 'outlook-reply.html', compose: 'body' },
  ];
  for (const site of replies) {
    it(`${site.name} reply: held at the warning threshold, Send anyway sends once`, async () => {
      await b.serviceWorker.evaluate(async () => {
        await chrome.storage.sync.set({ settings: { version: 4, sendThreshold: 'warning' }, settings$: { v: 4 } });
      });
      const { page, tabId } = await open(site);
      await summaryWhen(tabId, (s) => s.adapter === site.name && s.findings.some((f) => f.severity !== 'info'));
      await page.click(site.send);
      await waitForDialog(page);
      expect(await sends(page)).toEqual([]);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await sends(page)).length).toBe(1);
      await page.waitForTimeout(300);
      expect(await sends(page)).toHaveLength(1);
      await page.close();
    });
  }

  it('gmail: "Schedule send" in the menu of Send\'s arrow is a Send: held, then sent once', async () => {
    const gmail = SITES[0]!;
    // Send's arrow opens a menu at the end of the page, outside the compose, as Gmail's does.
    const menu = `document.querySelector('.T-I.hG').addEventListener('click', () => {
      const m = document.createElement('div'); m.setAttribute('role', 'menu'); m.style.cssText = 'position:fixed;left:20px;top:80px;background:#fff;padding:8px;z-index:10';
      const item = document.createElement('div'); item.setAttribute('role', 'menuitem'); item.id = 'schedule'; item.textContent = 'Schedule send';
      item.addEventListener('mouseup', (e) => window.__sends.push({ how: 'schedule', trusted: e.isTrusted }));
      m.append(item); document.body.append(m);
    });`;
    const { page, tabId } = await open(gmail, menu);
    await summaryWhen(tabId, (s) => s.adapter === 'gmail' && s.findings.some((f) => f.severity === 'error'));
    await page.click('.T-I.hG');
    await page.click('#schedule');
    await waitForDialog(page);
    expect(await sends(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await sends(page)).map((x) => x.how)).toEqual(['schedule']);
    await expect.poll(records).toHaveLength(1);
    await page.close();
  });
});
