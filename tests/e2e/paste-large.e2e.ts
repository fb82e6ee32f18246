/**
 * A pasted block of any size never blocks the page for long (issue 10): 1,000,000 characters
 * pasted as one paragraph into the demo compose are analysed window by window, in many tasks,
 * while the page's own timers keep running; the underlines still come for the whole draft, the
 * newest text wins, and the draft is left as pasted (no write, no caret move).
 *
 * Structure, not timing, is asserted here (the machine may be loaded): the analysis ran in more
 * than one slice, and page timers ran between its first and its last slice (an analysis in one
 * task lets none run). The longest task is measured in `npm run bench:browser`.
 */
import { expect, it } from 'vitest';
import { caretAfter, openTab, useExtensionBrowser } from './page-helpers';
import { inShadows } from './shadow';

const env = useExtensionBrowser({ demo: true });

const EDITOR = '[contenteditable="true"]';
/** About 1,000,000 characters, no line break: one paragraph, with a finding every few thousand characters. */
function block(): string {
  const plain = 'The quarterly figures for the northern region were reviewed by the team and the summary is attached for reference. ';
  let out = '';
  for (let i = 0; out.length < 1_000_000; i++) out += i % 40 === 0 ? 'Please CALL US before Friday. ' : plain;
  return out;
}

/** The caret's offset in the editor's text. */
function caretOffset(page: import('playwright-core').Page): Promise<number> {
  return page.locator(EDITOR).evaluate((el) => {
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0) return -1;
    const range = sel.getRangeAt(0);
    const pre = document.createRange();
    pre.selectNodeContents(el);
    pre.setEnd(range.endContainer, range.endOffset);
    return pre.toString().length;
  });
}

interface Figures {
  slices: number;
  windows: number;
  chars: number;
}

async function figures(page: import('playwright-core').Page): Promise<Figures | null> {
  const [f] = await inShadows(page, 'nemawashi-overlay', (root) => {
    const el = root.querySelector<HTMLElement>('.figures');
    return el ? { slices: Number(el.dataset.lastSlices), windows: Number(el.dataset.lastWindows), chars: Number(el.dataset.lastChars) } : null;
  });
  return f ?? null;
}

it('analyses a pasted 1,000,000-character paragraph in slices, page timers running between them; the newest text wins; the draft is untouched', async () => {
  const { page } = await openTab(env.b, `${env.demoUrl}/index.html?open=none`);
  await page.locator('[data-open="sample"]').click();
  const host = page.locator('nemawashi-overlay');
  await page.waitForFunction(() => Number(document.querySelector('nemawashi-badge')?.getAttribute('data-count') ?? 0) > 0, undefined, { timeout: 30_000 });
  expect(await host.getAttribute('data-engine-ready-ms')).not.toBeNull();
  const sampleLength = await page.locator(EDITOR).evaluate((el) => (el.textContent ?? '').length);
  // The first analysis once the engine has loaded runs a rule a step, even on a short draft (later
  // ones on a short draft are one slice: tests/e2e/lazy-engine.e2e.ts).
  await expect.poll(async () => (await figures(page))?.slices, { timeout: 10_000 }).toBeGreaterThan(1);

  // A page-side heartbeat: the page's own timer, every 5 ms, stamps performance.now().
  await page.evaluate(() => {
    const w = window as unknown as { beats: number[] };
    w.beats = [];
    const beat = () => {
      w.beats.push(performance.now());
      setTimeout(beat, 5);
    };
    beat();
  });

  // Pasted into the writer's last paragraph (the browser's own text insertion, a trusted input).
  const text = block();
  await caretAfter(page, "I promise it won't be boring lol.");
  const caretBefore = await caretOffset(page);
  const runsBefore = Number(await host.getAttribute('data-runs'));
  await page.keyboard.insertText(text);
  const total = sampleLength + text.length;

  // The analysis of the whole draft completes: its figures name every character.
  await expect.poll(async () => (await figures(page))?.chars, { timeout: 120_000, interval: 500 }).toBeGreaterThan(text.length);
  const analysedChars = (await figures(page))!.chars;
  const f = (await figures(page))!;
  expect(f.windows).toBeGreaterThan(300);
  expect(f.slices).toBeGreaterThan(1);
  expect(Number(await host.getAttribute('data-runs'))).toBeGreaterThan(runsBefore);
  // Underlines for findings far into the paste: the badge counts them all.
  await expect.poll(() => page.locator('nemawashi-badge').getAttribute('data-count').then(Number), { timeout: 10_000 }).toBeGreaterThan(200);

  // Between the analysis' first and last slice, the page's own timer ran, many times.
  const [start, end] = [Number(await host.getAttribute('data-last-run-start')), Number(await host.getAttribute('data-last-run-end'))];
  const during = await page.evaluate(({ a, b }) => (window as unknown as { beats: number[] }).beats.filter((t) => t > a && t < b).length, { a: start, b: end });
  expect(during).toBeGreaterThan(3);

  // The draft is as pasted: nothing written, the caret still right after the paste.
  const after = await page.locator(EDITOR).evaluate((el) => (el.textContent ?? '').length);
  expect(after).toBe(total);
  expect(await caretOffset(page)).toBe(caretBefore + text.length);

  // Typing while a long analysis runs: that analysis stops, and the one that draws has the newest text.
  await page.keyboard.insertText('Z');
  await page.waitForTimeout(300);
  await page.keyboard.insertText('Q');
  await expect.poll(async () => (await figures(page))?.chars, { timeout: 120_000, interval: 500 }).toBe(analysedChars + 2);
  await page.close();
}, 300_000);
