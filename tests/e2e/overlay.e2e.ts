/**
 * The in-page overlay on the built extension, in Debian's Chromium, on the bundled demo compose
 * page (served on 127.0.0.1, where the content script runs): underlines on the right words,
 * the card (hover and keyboard), Apply + Ctrl+Z, Ignore, Turn off rule, quoted text and
 * signatures, two composes, the draft left untouched, the caret and focus, the audience.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/types';
import { screenshot } from './harness';
import { useExtensionBrowser } from './page-helpers';
import { inShadow, shadowClick, shadowCount, shadowText, shadowVisible, waitShadow } from './shadow';

const OVERLAY = 'nemawashi-overlay';
const BADGE = 'nemawashi-badge';
const CARD = '.card:not([hidden])';
const cardRule = (p: Page) => inShadow(p, OVERLAY, (r) => r.querySelector<HTMLElement>('.card:not([hidden])')?.dataset.rule ?? null);

/** The part of the extension API the service worker evaluations use. */
declare const chrome: {
  storage: { sync: { clear(): Promise<void>; get(key: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } };
};

const env = useExtensionBrowser({ demo: true });
let page: Page;

afterEach(async () => {
  await page?.close();
  // Settings changed by a test (Turn off rule) must not leak into the next one.
  await env.b.serviceWorker.evaluate(() => chrome.storage.sync.clear());
});

const EDITOR = '[data-nemawashi-demo] .editor';

async function openDemo(open: string): Promise<Page> {
  page = await env.b.context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(`${env.demoUrl}/index.html?open=${open}`);
  // The content script has found every compose when each has its badge.
  const composes = open.split(',').filter((k) => k !== 'textarea').length;
  await page.waitForFunction((n) => document.querySelectorAll('nemawashi-badge').length >= n, composes, { timeout: 15_000 });
  return page;
}

/** How many analyses the content script has run (the overlay host's data-runs). */
async function runs(p: Page): Promise<number> {
  return Number((await p.locator('nemawashi-overlay').getAttribute('data-runs')) ?? '0');
}

async function waitForRunAfter(p: Page, n: number): Promise<void> {
  await p.waitForFunction((k) => Number(document.querySelector('nemawashi-overlay')?.getAttribute('data-runs') ?? 0) > k, n, { timeout: 10_000 });
}

interface Underline {
  severity: string;
  text: string;
  rects: Array<{ left: number; top: number; width: number; height: number }>;
  inEditor: number;
}

/** Every underlined range in the page: its text, where it is, and which editor it is in. */
async function underlines(p: Page): Promise<Underline[]> {
  return p.evaluate(() => {
    const editors = [...document.querySelectorAll('[contenteditable="true"]')];
    const out: Underline[] = [];
    for (const severity of ['error', 'warning', 'info']) {
      const h = CSS.highlights.get(`nemawashi-${severity}`);
      for (const r of (h ?? []) as Iterable<Range>) {
        out.push({
          severity,
          text: r.toString(),
          rects: [...r.getClientRects()].map((x) => ({ left: x.left, top: x.top, width: x.width, height: x.height })),
          inEditor: editors.findIndex((e) => e.contains(r.commonAncestorContainer)),
        });
      }
    }
    return out;
  });
}

async function waitForUnderline(p: Page, text: string): Promise<void> {
  await p.waitForFunction(
    (t) =>
      ['error', 'warning', 'info'].some((s) => [...((CSS.highlights.get(`nemawashi-${s}`) ?? []) as Iterable<Range>)].some((r) => r.toString() === t)),
    text,
    { timeout: 10_000 },
  );
}

async function waitForNoUnderline(p: Page, text: string): Promise<void> {
  await p.waitForFunction(
    (t) =>
      !['error', 'warning', 'info'].some((s) => [...((CSS.highlights.get(`nemawashi-${s}`) ?? []) as Iterable<Range>)].some((r) => r.toString() === t)),
    text,
    { timeout: 10_000 },
  );
}

/** Where the browser lays out the first occurrence of `text` in the editor (found independently). */
async function layoutOf(p: Page, selector: string, text: string): Promise<Array<{ left: number; top: number; width: number; height: number }>> {
  return p.evaluate(
    ([sel, t]) => {
      const editor = document.querySelector(sel)!;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(t!);
        if (i === -1) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + t!.length);
        return [...r.getClientRects()].map((x) => ({ left: x.left, top: x.top, width: x.width, height: x.height }));
      }
      return [];
    },
    [selector, text] as const,
  );
}

/** Puts the caret at the end of the editor's text by clicking, then types like a user. */
async function typeAtEnd(p: Page, selector: string, text: string): Promise<void> {
  await p.locator(selector).click();
  await p.keyboard.press('Control+End');
  await p.keyboard.type(text, { delay: 15 });
}

async function hoverText(p: Page, text: string): Promise<void> {
  const u = (await underlines(p)).find((x) => x.text === text);
  const r = u?.rects[0];
  expect(r, `underline of "${text}"`).toBeTruthy();
  await p.mouse.move(r!.left + r!.width / 2, r!.top + r!.height / 2);
  await waitShadow(p, OVERLAY, CARD, { timeout: 5_000 });
}

function caretState(p: Page, selector: string) {
  return p.evaluate((sel) => {
    const editor = document.querySelector(sel)!;
    const s = document.getSelection()!;
    const path = (n: Node | null): number[] => {
      const out: number[] = [];
      while (n && n !== editor) {
        out.unshift([...(n.parentNode?.childNodes ?? [])].indexOf(n as ChildNode));
        n = n.parentNode;
      }
      return out;
    };
    return {
      anchor: path(s.anchorNode),
      anchorOffset: s.anchorOffset,
      focus: path(s.focusNode),
      focusOffset: s.focusOffset,
      activeIsEditor: document.activeElement === editor,
    };
  }, selector);
}

describe('underlines', () => {
  it('underlines exactly the flagged words after typing, over the text the browser laid out', async () => {
    const p = await openDemo('blank');
    await typeAtEnd(p, EDITOR, 'Hello team, this launch is VERY IMPORTANT for us.');
    await waitForUnderline(p, 'VERY IMPORTANT');
    const all = await underlines(p);
    const u = all.find((x) => x.text === 'VERY IMPORTANT')!;
    expect(u.severity).toBe('warning');
    expect(u.inEditor).toBe(0);
    // The underline's boxes are the boxes of those very characters in the editor.
    const expected = await layoutOf(p, EDITOR, 'VERY IMPORTANT');
    expect(u.rects).toHaveLength(expected.length);
    u.rects.forEach((r, i) => {
      expect(r.left).toBeCloseTo(expected[i]!.left, 0);
      expect(r.top).toBeCloseTo(expected[i]!.top, 0);
      expect(r.width).toBeCloseTo(expected[i]!.width, 0);
    });
    // Nothing else in the sentence is underlined.
    expect(all.map((x) => x.text)).toEqual(['VERY IMPORTANT']);
    await screenshot(p, 'overlay-1-underline-after-typing');
  });

  it('keeps underlines on their words when the editor scrolls and the text above grows', async () => {
    const p = await openDemo('sample');
    await waitForUnderline(p, "vendor's fault");
    await p.locator(EDITOR).evaluate((e) => (e.scrollTop = 120));
    await p.waitForTimeout(100);
    let u = (await underlines(p)).find((x) => x.text === "vendor's fault")!;
    expect(u.rects[0]!.top).toBeCloseTo((await layoutOf(p, EDITOR, "vendor's fault"))[0]!.top, 0);
    // Type a new paragraph at the very top: the text below moves down, the underline with it.
    await p.locator(EDITOR).evaluate((e) => (e.scrollTop = 0));
    await p.locator(EDITOR).click({ position: { x: 20, y: 12 } });
    await p.keyboard.press('Control+Home');
    await p.keyboard.type('Good morning.', { delay: 10 });
    await p.keyboard.press('Enter');
    await p.waitForTimeout(50);
    u = (await underlines(p)).find((x) => x.text === "vendor's fault")!;
    expect(u.rects[0]!.top).toBeCloseTo((await layoutOf(p, EDITOR, "vendor's fault"))[0]!.top, 0);
    await screenshot(p, 'overlay-2-underlines-after-scroll-and-typing');
  });
});

describe('the draft is sacred', () => {
  it('never changes the editor DOM, moves the caret or takes focus while the user types', async () => {
    const p = await openDemo('sample');
    await waitForUnderline(p, "vendor's fault");
    await p.locator(EDITOR).click({ position: { x: 40, y: 60 } });
    for (const chunk of [' Thanks a lot', ' ASAP!!', ' It was not our fault.']) {
      await p.keyboard.type(chunk, { delay: 10 });
      const before = await runs(p);
      // Watch the editor from the end of typing until the analysis has run and rendered.
      await p.evaluate((sel) => {
        const w = window as unknown as { __mutations: number; __mo?: MutationObserver };
        w.__mutations = 0;
        w.__mo?.disconnect();
        w.__mo = new MutationObserver((m) => (w.__mutations += m.length));
        w.__mo.observe(document.querySelector(sel)!, { subtree: true, childList: true, characterData: true, attributes: true });
      }, EDITOR);
      const html = await p.locator(EDITOR).evaluate((e) => e.innerHTML);
      const caret = await caretState(p, EDITOR);
      await waitForRunAfter(p, before);
      await p.waitForTimeout(50);
      expect(await p.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(0);
      expect(await p.locator(EDITOR).evaluate((e) => e.innerHTML)).toBe(html);
      expect(await caretState(p, EDITOR)).toEqual(caret);
      expect(caret.activeIsEditor).toBe(true);
    }
    await screenshot(p, 'overlay-3-typing-untouched');
  });
});

describe('the card', () => {
  it('opens on hover; Apply replaces the span through the editor, and Ctrl+Z restores the exact HTML', async () => {
    const p = await openDemo('blank');
    await typeAtEnd(p, EDITOR, 'This launch is VERY IMPORTANT for us.');
    await waitForUnderline(p, 'VERY IMPORTANT');
    const before = await p.locator(EDITOR).evaluate((e) => e.innerHTML);
    await hoverText(p, 'VERY IMPORTANT');
    await expect.poll(() => cardRule(p)).toBe('common/shouting');
    // Hovering does not take focus from the editor.
    expect((await caretState(p, EDITOR)).activeIsEditor).toBe(true);
    await screenshot(p, 'overlay-4-card-hover');
    await shadowClick(p, OVERLAY, '.card button[data-action="apply"]');
    await expect.poll(() => p.locator(EDITOR).innerText()).toContain('This launch is very important for us.');
    await waitForNoUnderline(p, 'VERY IMPORTANT');
    await screenshot(p, 'overlay-5-after-apply');
    await p.keyboard.press('Control+z');
    await expect.poll(() => p.locator(EDITOR).evaluate((e) => e.innerHTML)).toBe(before);
    await waitForUnderline(p, 'VERY IMPORTANT');
  });

  it('opens with Alt+Shift+N from the editor; Escape closes it and puts focus and caret back', async () => {
    const p = await openDemo('sample');
    await waitForUnderline(p, "vendor's fault");
    await p.locator(EDITOR).click({ position: { x: 60, y: 14 } });
    const caret = await caretState(p, EDITOR);
    expect(caret.activeIsEditor).toBe(true);
    await p.keyboard.press('Alt+Shift+N');
    await waitShadow(p, OVERLAY, CARD, { timeout: 5_000 });
    // Focus is in the card (on its first button), so the keyboard user can act on it.
    expect(await p.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('nemawashi-overlay');
    const active = (): Promise<string[]> =>
      p.evaluate(() => [...((CSS.highlights.get('nemawashi-active') ?? []) as Iterable<Range>)].map((r) => r.toString()));
    const first = await active();
    expect(first).toHaveLength(1);
    await screenshot(p, 'overlay-6-card-keyboard');
    // The next press moves to the next underlined finding, in text order.
    const order = (await underlines(p)).filter((u) => u.inEditor === 0).sort((x, y) => x.rects[0]!.top - y.rects[0]!.top || x.rects[0]!.left - y.rects[0]!.left).map((u) => u.text);
    await p.keyboard.press('Alt+Shift+N');
    await expect.poll(active).not.toEqual(first);
    const second = await active();
    expect(order.indexOf(second[0]!)).toBe((order.indexOf(first[0]!) + 1) % order.length);
    await p.keyboard.press('Escape');
    await expect.poll(() => shadowVisible(p, OVERLAY, CARD)).toBe(false);
    expect(await caretState(p, EDITOR)).toEqual(caret);
  });

  it('Ignore hides this occurrence in this draft only, and it stays hidden while typing', async () => {
    const p = await openDemo('blank');
    await typeAtEnd(p, EDITOR, 'This is VERY IMPORTANT. And this is ALSO URGENT.');
    await waitForUnderline(p, 'VERY IMPORTANT');
    await waitForUnderline(p, 'ALSO URGENT');
    const badge = p.locator('nemawashi-badge');
    const count = Number(await badge.getAttribute('data-count'));
    await hoverText(p, 'VERY IMPORTANT');
    await shadowClick(p, OVERLAY, '.card button[data-action="ignore"]');
    await waitForNoUnderline(p, 'VERY IMPORTANT');
    expect((await underlines(p)).map((u) => u.text)).toContain('ALSO URGENT');
    await expect.poll(async () => Number(await badge.getAttribute('data-count'))).toBe(count - 1);
    const before = await runs(p);
    await typeAtEnd(p, EDITOR, ' Thanks.');
    await waitForRunAfter(p, before);
    expect((await underlines(p)).map((u) => u.text)).not.toContain('VERY IMPORTANT');
    await screenshot(p, 'overlay-7-after-ignore');
  });

  it('Turn off rule removes every finding of the rule and saves it in the settings', async () => {
    const p = await openDemo('blank');
    await typeAtEnd(p, EDITOR, 'This is VERY IMPORTANT. And this is ALSO URGENT!!');
    await waitForUnderline(p, 'ALSO URGENT');
    await hoverText(p, 'VERY IMPORTANT');
    await shadowClick(p, OVERLAY, '.card button[data-action="turn-off"]');
    await waitForNoUnderline(p, 'VERY IMPORTANT');
    await waitForNoUnderline(p, 'ALSO URGENT');
    expect((await underlines(p)).map((u) => u.text)).toEqual(['!!']);
    await expect
      .poll(() => env.b.serviceWorker.evaluate(async () => ((await chrome.storage.sync.get('settings')).settings as { disabledRules?: string[] } | undefined)?.disabledRules))
      .toContain('common/shouting');
    await screenshot(p, 'overlay-8-after-turn-off');
  });

  it('Turn off on one of your phrases removes that phrase only, saved as user/<id>; removing the phrase clears it', async () => {
    const stored = () => env.b.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings as { disabledRules?: string[] } | undefined);
    await env.b.serviceWorker.evaluate((s) => chrome.storage.sync.set({ settings: s, settings$: { v: s.version } }), {
      ...DEFAULT_SETTINGS,
      userPhrases: [
        { id: 'phrase-1', phrase: 'blue widgets', pack: 'common', message: 'Say which product you mean.' },
        { id: 'phrase-2', phrase: 'green gadgets', pack: 'common', message: 'Say which product you mean.' },
      ],
    });
    const p = await openDemo('blank');
    await typeAtEnd(p, EDITOR, 'We ship blue widgets and green gadgets.');
    await waitForUnderline(p, 'blue widgets');
    await waitForUnderline(p, 'green gadgets');
    await hoverText(p, 'blue widgets');
    expect(await shadowText(p, OVERLAY, '.card button[data-action="turn-off"]')).toBe('Turn off phrase');
    await shadowClick(p, OVERLAY, '.card button[data-action="turn-off"]');
    await waitForNoUnderline(p, 'blue widgets');
    expect((await underlines(p)).map((u) => u.text)).toContain('green gadgets');
    await expect.poll(async () => (await stored())?.disabledRules).toEqual(['user/phrase-1']);

    // Another draft reads it back from the settings: still off there.
    await p.close();
    const q = await openDemo('blank');
    await typeAtEnd(q, EDITOR, 'More blue widgets, more green gadgets.');
    await waitForUnderline(q, 'green gadgets');
    expect((await underlines(q)).map((u) => u.text)).not.toContain('blue widgets');

    // Removing the phrase in the options takes its mark with it (a new phrase may reuse the id).
    const options = await env.b.context.newPage();
    await options.goto(`chrome-extension://${env.b.extensionId}/options.html`);
    await options.locator('[data-key="phrase-0-remove"]').click();
    await expect.poll(async () => (await stored())?.disabledRules).toEqual([]);
    await options.close();
  });
});

describe('what is not the writer’s new words', () => {
  it('finds nothing in the quoted thread or the signature, but the same words typed in the body fire', async () => {
    const p = await openDemo('reply');
    await p.waitForFunction(() => Number(document.querySelector('nemawashi-overlay')?.getAttribute('data-runs') ?? 0) > 0);
    await p.waitForTimeout(300);
    expect(await underlines(p)).toEqual([]);
    expect(await p.locator('nemawashi-badge').getAttribute('data-count')).toBe('0');
    await screenshot(p, 'overlay-9-reply-quote-and-signature');
    // Control: the quoted sentence typed as new words is flagged.
    await p.locator(EDITOR).click({ position: { x: 40, y: 14 } });
    await p.keyboard.press('End');
    await p.keyboard.type(' Send me the revised forecast ASAP!!', { delay: 10 });
    await waitForUnderline(p, 'ASAP');
    const quoteOrSignature = await p.evaluate(() => {
      const zones = [...document.querySelectorAll('.demo-quote, .demo-signature')];
      return ['error', 'warning', 'info'].flatMap((s) =>
        [...((CSS.highlights.get(`nemawashi-${s}`) ?? []) as Iterable<Range>)].filter((r) => zones.some((z) => z.contains(r.startContainer))).map((r) => r.toString()),
      );
    });
    expect(quoteOrSignature).toEqual([]);
  });
});

describe('composes and audience', () => {
  it('gives two composes separate badges with their own counts and underlines', async () => {
    const p = await openDemo('sample,blank');
    const editors = p.locator(EDITOR);
    await typeAtEnd(p, `[data-nemawashi-demo]:nth-child(2) .editor`, 'We are VERY EXCITED!!');
    await waitForUnderline(p, 'VERY EXCITED');
    const badges = await p.locator('nemawashi-badge').evaluateAll((els) =>
      els.map((e) => ({ id: e.getAttribute('data-compose-id'), count: Number(e.getAttribute('data-count')), max: e.getAttribute('data-max-severity') })),
    );
    expect(badges).toHaveLength(2);
    expect(new Set(badges.map((x) => x.id)).size).toBe(2);
    const all = await underlines(p);
    const inFirst = all.filter((u) => u.inEditor === 0).length;
    const inSecond = all.filter((u) => u.inEditor === 1);
    expect(inSecond.map((u) => u.text).sort()).toEqual(['!!', 'VERY EXCITED']);
    // The second compose (no recipients: general rules only) has exactly its two findings.
    const second = badges.find((x) => x.count === 2);
    expect(second?.max).toBe('warning');
    const first = badges.find((x) => x !== second)!;
    expect(first.count).toBeGreaterThanOrEqual(inFirst);
    expect(first.count).toBeGreaterThanOrEqual(3);
    expect(await editors.count()).toBe(2);
    // Opening a badge lists exactly data-count findings.
    await shadowClick(p, 'nemawashi-badge', '.pill', 0);
    const listed = await shadowCount(p, 'nemawashi-badge', 'li', 0);
    expect(listed).toBe(Number(await p.locator('nemawashi-badge').nth(0).getAttribute('data-count')));
    await screenshot(p, 'overlay-10-two-composes');
  });

  it('switches the audience when recipients change, and from the badge', async () => {
    const p = await openDemo('blank');
    await typeAtEnd(p, EDITOR, 'Could you send the figures ASAP?');
    let before = await runs(p);
    await waitForRunAfter(p, before);
    expect((await underlines(p)).map((u) => u.text)).not.toContain('ASAP');
    // A Japanese recipient turns the ja rules on.
    await p.locator('[data-field="to"] input').fill('ken@example.co.jp');
    await p.keyboard.press('Enter');
    await waitForUnderline(p, 'ASAP');
    await shadowClick(p, BADGE, '.pill');
    await expect.poll(() => shadowText(p, BADGE, '.audience .who')).toBe('Japanese recipient · Tokyo');
    await screenshot(p, 'overlay-11-audience-from-recipient');
    // Changed on the badge: American rules only for this draft.
    await shadowClick(p, BADGE, '.audience .change');
    await waitShadow(p, BADGE, 'form.picker');
    expect(await inShadow(p, BADGE, (r) => [...r.querySelectorAll<HTMLInputElement>('form.picker input[type=checkbox]')].map((i) => `${i.name}:${i.checked}`))).toEqual(['ja:true', 'us:false']);
    await shadowClick(p, BADGE, 'form.picker input[name="ja"]');
    await shadowClick(p, BADGE, 'form.picker input[name="us"]');
    await shadowClick(p, BADGE, 'form.picker button[type="submit"]');
    await waitForNoUnderline(p, 'ASAP');
    await expect.poll(() => shadowText(p, BADGE, '.audience .who')).toBe('American recipient');
    // Back to the recipients, then the recipient removed: general rules only.
    await shadowClick(p, BADGE, '.audience .change');
    await waitShadow(p, BADGE, 'form.picker button.reset');
    await shadowClick(p, BADGE, 'form.picker button.reset');
    await waitForUnderline(p, 'ASAP');
    before = await runs(p);
    await p.locator('[data-field="to"] .chip button').click();
    await waitForNoUnderline(p, 'ASAP');
    expect(await runs(p)).toBeGreaterThan(before);
  });
});

describe('generic editors', () => {
  it('underlines a plain textarea with positioned boxes over the right characters', async () => {
    const p = await openDemo('textarea');
    const ta = p.locator('textarea.plain-editor');
    await p.waitForFunction(() => document.querySelectorAll('nemawashi-badge').length >= 1, undefined, { timeout: 15_000 });
    await ta.click();
    await p.keyboard.type('Hello all, this is VERY IMPORTANT for the release.', { delay: 10 });
    const BOX = '.box[data-rule="common/shouting"]';
    const boxRect = () => inShadow(p, OVERLAY, (r, sel) => {
      const b = r.querySelector(sel)?.getBoundingClientRect();
      return b ? { x: b.x, y: b.y, width: b.width, height: b.height } : null;
    }, BOX);
    await expect.poll(boxRect, { timeout: 10_000 }).not.toBeNull();
    const got = await boxRect();
    // Where the browser puts those characters: the textarea's content box plus the measured
    // width of the text before them, in the textarea's own font.
    const expected = await ta.evaluate((el: HTMLTextAreaElement) => {
      const s = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const r = el.getBoundingClientRect();
      const left = r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft) + ctx.measureText('Hello all, this is ').width;
      return { left, width: ctx.measureText('VERY IMPORTANT').width, top: r.top + parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop), value: el.value, selection: [el.selectionStart, el.selectionEnd] };
    });
    expect(got).toBeTruthy();
    expect(Math.abs(got!.x - expected.left)).toBeLessThan(2);
    expect(Math.abs(got!.width - expected.width)).toBeLessThan(2);
    expect(got!.y).toBeGreaterThanOrEqual(expected.top - 1);
    expect(got!.y).toBeLessThan(expected.top + 30);
    // The textarea is untouched and keeps focus and caret.
    expect(expected.value).toBe('Hello all, this is VERY IMPORTANT for the release.');
    expect(expected.selection).toEqual([expected.value.length, expected.value.length]);
    expect(await p.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await p.locator('nemawashi-badge').getAttribute('data-count')).toBe('1');
    await screenshot(p, 'overlay-12-textarea-boxes');
    // Scrolling the page moves the box with the textarea.
    const before = got!.y;
    await p.evaluate(() => {
      document.body.style.minHeight = '3000px';
      document.querySelector<HTMLElement>('.dock')!.style.position = 'absolute';
      window.scrollBy(0, 40);
    });
    await expect.poll(async () => Math.round((await boxRect())!.y - (before - 40))).toBe(0);
  });
});
